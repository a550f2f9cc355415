#!/usr/bin/env bash
# parkdesk developer entry point.
#
#   ./dev.sh demo   set everything up, build the demo workspace and open the app on it
#   ./dev.sh test   set everything up, then run the whole test suite
#   ./dev.sh setup  set everything up only
#
# "Set up" installs only what is missing, and says what it installs:
#   - Debian/Ubuntu packages Qt needs to run (offscreen and in a window), CJK fonts
#     (WenQuanYi Micro Hei, and Zen Hei for the characters it lacks), poppler-utils and sqlite3 for checking outputs; for tests also openssl and
#     LibreOffice Calc (headless), the independent checkers of signatures and spreadsheets, and Info-ZIP zip;
#     through apt-get, with sudo when not run as root;
#   - Python 3.11+ with venv when missing (Debian/Ubuntu: python3 python3-venv, or python3.11 where python3 is older);
#   - a Python virtual environment in .venv with parkdesk and its test tools;
#   - the compiled UI translations (.qm) from resources/translations/*.ts.
# A second run finds everything in place and takes a few seconds.
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
STAMP="$VENV/.dev-stamp"
PYTHON_BIN=${PYTHON:-python3}

# Qt offscreen + tests, Qt in a real window (xcb), CJK fonts (Zen Hei: the PDFs' fallback for what Micro Hei
# lacks, such as CJK Ext-A), output checkers
APT_PACKAGES=(
  libglib2.0-0 libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libxrender1 libx11-xcb1
  fonts-wqy-microhei fonts-wqy-zenhei poppler-utils sqlite3
)
# independent checkers the tests run: openssl for signatures, LibreOffice for files that must open in office software,
# Info-ZIP zip for packages re-zipped the way users re-zip them
APT_PACKAGES_TEST=(openssl libreoffice-calc-nogui zip)
# a virtual screen, for `./dev.sh demo` on a machine without a display
APT_PACKAGES_HEADLESS_DEMO=(xvfb xauth)
# every other tool a test calls: unzip (a receipt unpacked for openssl), desktop-file-utils and shared-mime-info (the
# menu entry and file types the installers bring), lintian and patchelf (the .deb), DejaVu Sans (a font that is not
# CJK), libpng (a real library in the .deb test's stand-in bundle)
APT_PACKAGES_TEST+=(unzip desktop-file-utils shared-mime-info lintian patchelf fonts-dejavu-core libpng16-16)

say() { printf '\033[1m[dev.sh]\033[0m %s\n' "$*"; }

missing_debian_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || printf '%s ' "$pkg"
  done
}

install_debian_packages() {
  command -v dpkg-query >/dev/null 2>&1 || {
    say "Not a Debian/Ubuntu system: install the equivalents of these yourself: $*"
    return 0
  }
  local missing
  missing=$(missing_debian_packages "$@")
  [ -z "$missing" ] && return 0
  say "Installing system packages: $missing"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { say "Need root or sudo to install: $missing"; exit 2; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

python_is_new_enough() {
  "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1
}

python_has_venv() {
  "$1" -c 'import venv, ensurepip' >/dev/null 2>&1
}

ensure_python() {
  # $PYTHON when given; else python3, else a newer python3.X (Ubuntu 22.04's python3 is 3.10; it has python3.11)
  local candidates=("$PYTHON_BIN") candidate
  [ -n "${PYTHON:-}" ] || candidates+=(python3.13 python3.12 python3.11)
  for candidate in "${candidates[@]}"; do
    python_is_new_enough "$candidate" || continue
    PYTHON_BIN=$candidate
    python_has_venv "$candidate" && return 0
    install_debian_packages "$(basename "$candidate")-venv"  # Debian and Ubuntu ship venv on its own
    python_has_venv "$candidate" && return 0
    break
  done
  if [ -z "${PYTHON:-}" ] && command -v apt-get >/dev/null 2>&1 && ! python_is_new_enough python3; then
    install_debian_packages python3 python3-venv
    if python_is_new_enough python3 && python_has_venv python3; then PYTHON_BIN=python3; return 0; fi
    if apt-cache show python3.11 >/dev/null 2>&1; then
      install_debian_packages python3.11 python3.11-venv
      if python_has_venv python3.11; then PYTHON_BIN=python3.11; return 0; fi
    fi
  fi
  local found="not installed"
  if command -v "$PYTHON_BIN" >/dev/null 2>&1; then found=$("$PYTHON_BIN" --version 2>&1 || true); fi
  say "parkdesk needs Python 3.11 or newer with its venv module; '$PYTHON_BIN' is $found."
  say "Debian 12, Ubuntu 24.04: apt-get install python3 python3-venv; Ubuntu 22.04: apt-get install python3.11 python3.11-venv."
  say "Elsewhere install Python 3.11+ (your distribution's package, python.org or pyenv) and run: PYTHON=/path/to/python3.11 ./dev.sh demo"
  exit 2
}

ensure_venv() {
  local wanted
  wanted=$(sha256sum < pyproject.toml | cut -d' ' -f1)
  if [ -x "$VENV/bin/python" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$wanted" ]; then
    return 0
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    say "Creating the virtual environment in $VENV"
    "$PYTHON_BIN" -m venv "$VENV"
  fi
  say "Installing parkdesk and its dependencies into $VENV (pip install -e '.[test]')"
  local log="$VENV/pip-install.log"
  if ! { "$VENV/bin/python" -m pip install --disable-pip-version-check --upgrade pip &&
         "$VENV/bin/python" -m pip install --disable-pip-version-check -e '.[test]'; } >"$log" 2>&1; then
    tail -n 30 "$log"
    say "Installing Python packages failed; the whole log is in $log"
    exit 2
  fi
  echo "$wanted" > "$STAMP"
}

ensure_translations() {
  local ts qm stale=0
  for ts in resources/translations/*.ts; do
    qm="${ts%.ts}.qm"
    if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then stale=1; fi
  done
  if [ "$stale" = 1 ]; then
    say "Compiling UI translations"
    "$VENV/bin/python" -m parkdesk.ui.build_translations >/dev/null
  fi
}

setup() {
  install_debian_packages "${APT_PACKAGES[@]}"
  ensure_python
  ensure_venv
  ensure_translations
  # the bytecode an installed package has (pip compiles it): the editable checkout would otherwise compile every
  # module at each start where PYTHONDONTWRITEBYTECODE is set (~0.05 s of `parkdesk parks`); quick when current
  "$VENV/bin/python" -m compileall -q parkdesk >/dev/null || true
}

has_display() {
  [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]
}

run_demo() {
  setup
  if has_display; then
    exec "$VENV/bin/parkdesk" demo "$@"
  fi
  install_debian_packages "${APT_PACKAGES_HEADLESS_DEMO[@]}"
  say "No display found: opening the app on a virtual screen (Xvfb)."
  say "On a desktop the window opens normally. To look at it here: ./dev.sh demo --screenshot FILE.png"
  local screenshot=""
  if [ "${1:-}" = "--screenshot" ] && [ -n "${2:-}" ]; then
    screenshot="$2"
    shift 2
  fi
  if [ -n "$screenshot" ]; then
    "$VENV/bin/parkdesk" demo --no-gui "$@"
    exec xvfb-run -a -s "-screen 0 1280x800x24" "$VENV/bin/parkdesk" "$(default_demo_path)" --screenshot "$screenshot"
  fi
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$VENV/bin/parkdesk" demo "$@"
}

default_demo_path() {
  "$VENV/bin/python" -c 'from parkdesk.settings import default_demo_path; print(default_demo_path())'
}

run_tests() {
  setup
  install_debian_packages "${APT_PACKAGES_TEST[@]}"
  export QT_QPA_PLATFORM=offscreen
  local status=0
  "$VENV/bin/python" -m pytest "$@" || status=$?
  if [ "$status" = 5 ]; then
    say "pytest collected no tests: that is a failure."
    exit 1
  fi
  exit "$status"
}

run_screenshots() {
  setup
  QT_QPA_PLATFORM=offscreen "$VENV/bin/python" -m parkdesk.ui.screenshots --out docs/screenshots "$@"
  say "Screenshots written to docs/screenshots/ (not committed; docs/images/ holds the README's)."
}

case "${1:-}" in
  demo) shift; run_demo "$@" ;;
  screenshots) shift; run_screenshots "$@" ;;
  test) shift; run_tests "$@" ;;
  setup) setup; say "Ready." ;;
  *)
    echo "usage: ./dev.sh demo|test|screenshots|setup [args...]" >&2
    exit 2
    ;;
esac
