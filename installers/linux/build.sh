#!/usr/bin/env bash
# Build parkdesk for Linux: the one-folder bundle and the archive users unpack.
#
#   installers/linux/build.sh
#
# makes
#   dist/parkdesk/                                 the bundle (run dist/parkdesk/parkdesk --selftest)
#   dist/parkdesk-VERSION-linux-ARCH.tar.gz        the bundle, install.sh, the .desktop file, the MIME
#                                                  types and the icons, in one folder parkdesk-VERSION/
# Needs the development set-up (./dev.sh setup makes it when missing); installs what the build adds:
# binutils (PyInstaller reads libraries with objdump) through apt-get, and the [build] extra of
# pyproject.toml (PyInstaller) into .venv. The fonts bundled for PDFs come from fonts-wqy-microhei and
# fonts-wqy-zenhei (the fallback).
# No AppImage: appimagetool is in neither Debian nor PyPI, and the PyPI wrappers download it at build time.
set -euo pipefail
cd "$(dirname "$0")/../.."

VENV=${VENV:-.venv}
DIST=dist
WORK=build/pyinstaller

say() { printf '\033[1m[build]\033[0m %s\n' "$*"; }

apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { say "Need root or sudo to install: $*"; exit 2; }
    sudo="sudo"
  fi
  say "Installing system packages: $*"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

[ -x "$VENV/bin/python" ] || ./dev.sh setup
command -v objdump >/dev/null 2>&1 || apt_install binutils
if [ ! -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] && [ -z "${PARKDESK_BUNDLE_FONT:-}" ] \
   && [ ! -f resources/fonts/wqy-microhei.ttc ]; then
  apt_install fonts-wqy-microhei
fi
if [ ! -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] && [ ! -f resources/fonts/wqy-zenhei.ttc ]; then
  apt_install fonts-wqy-zenhei  # the PDFs' fallback font, for characters Micro Hei lacks
fi

build_requirements=$("$VENV/bin/python" -c '
import tomllib
print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["build"]))')
mapfile -t requirements <<< "$build_requirements"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check "${requirements[@]}"

"$VENV/bin/python" -m parkdesk.ui.build_translations >/dev/null
VERSION=$("$VENV/bin/python" -c 'import sys; sys.path.insert(0, "installers"); import bundle_contents as c; print(c.checked_version())')
ARCH=$(uname -m)

say "PyInstaller: parkdesk $VERSION into $DIST/parkdesk"
started=$(date +%s)
"$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$DIST" --workpath "$WORK" \
  installers/parkdesk.spec
# The bundle's libraries as a Linux distribution ships them: without debug symbols, not executable, and without a
# RUNPATH into the build machine (a Python built by pyenv has one to its own lib/: the bundle finds its libraries itself)
say "Libraries: stripping, file modes, RUNPATHs"
while IFS= read -r -d '' library; do
  strip --strip-unneeded "$library" 2>/dev/null || true
  chmod 644 "$library"
  runpath=$(readelf -d "$library" 2>/dev/null | sed -n 's/.*(R\(UN\)\{0,1\}PATH).*\[\(.*\)\]/\2/p')
  if [ -n "$runpath" ] && [[ "$runpath" != '$ORIGIN'* ]]; then
    command -v patchelf >/dev/null 2>&1 || apt_install patchelf
    patchelf --remove-rpath "$library"
  fi
done < <(find "$DIST/parkdesk/_internal" -type f -name '*.so*' -print0)
built=$(date +%s)

ARCHIVE="$DIST/parkdesk-$VERSION-linux-$ARCH.tar.gz"
say "Archive: $ARCHIVE"
rm -f "$ARCHIVE"
tar -czf "$ARCHIVE.part" --owner=0 --group=0 --transform "s,^,parkdesk-$VERSION/," \
  -C "$DIST" parkdesk \
  -C "$PWD/installers/linux" install.sh parkdesk.desktop parkdesk-mime.xml \
  -C "$PWD/resources" icons
mv "$ARCHIVE.part" "$ARCHIVE"
finished=$(date +%s)

say "Bundle $(du -sh "$DIST/parkdesk" | cut -f1) built in $((built - started)) s; archive $(du -h "$ARCHIVE" | cut -f1) in $((finished - built)) s"
