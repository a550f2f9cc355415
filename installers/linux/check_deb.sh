#!/usr/bin/env bash
# Check the .deb as a Debian/Ubuntu machine gets it: lintian (no errors), dpkg -i, the installed program's
# --selftest, the menu entry, file types and icons where the desktop finds them, then dpkg -r leaves nothing
# behind. Needs root (CI runs it after installers/linux/build_deb.sh); refuses to touch a parkdesk package that
# was installed before it started.
#
#   installers/linux/check_deb.sh [dist/parkdesk_VERSION_ARCH.deb]
#
# Prints the .deb's size, its installed size, and the times of lintian, dpkg -i, --selftest and dpkg -r.
set -euo pipefail
cd "$(dirname "$0")/../.."

DEB=${1:-$(ls -t dist/parkdesk_*.deb 2>/dev/null | head -n 1)}
[ -f "$DEB" ] || { echo "no .deb: run installers/linux/build_deb.sh first" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "check_deb.sh installs the package: run it as root" >&2; exit 2; }
if dpkg-query -W -f='${Status}' parkdesk 2>/dev/null | grep -q "install ok installed"; then
  echo "a parkdesk package is installed already: check_deb.sh leaves it alone (dpkg -r parkdesk first)" >&2
  exit 2
fi

say() { printf '\033[1m[check-deb]\033[0m %s\n' "$*"; }
now() { date +%s%N; }
seconds_since() { echo "$(( $(now) - $1 ))" | awk '{ printf "%.1f", $1 / 1e9 }'; }
expect() { "$@" || { echo "check failed: $*" >&2; exit 1; }; }
export DEBIAN_FRONTEND=noninteractive

command -v lintian >/dev/null 2>&1 || apt-get install -y -qq --no-install-recommends lintian >/dev/null
say "lintian $DEB"
started=$(now)
lintian --fail-on error --tag-display-limit 0 "$DEB"
lintian_time=$(seconds_since "$started")

TEMP=$(mktemp -d "${TMPDIR:-/tmp}/parkdesk-check-deb-XXXXXX")
removed=0
cleanup() {
  [ "$removed" = 1 ] || dpkg -r parkdesk >/dev/null 2>&1 || true
  rm -rf "$TEMP"
}
trap cleanup EXIT

say "dpkg -i $DEB"
started=$(now)
dpkg -i "$DEB"
install_time=$(seconds_since "$started")
expect [ "$(readlink /usr/bin/parkdesk)" = /opt/parkdesk/parkdesk ]
expect desktop-file-validate /usr/share/applications/parkdesk.desktop
expect grep -q ':application/x-parkdesk-rollup:\*\.parkrollup$' /usr/share/mime/globs2  # shared-mime-info's trigger
expect [ -f /usr/share/icons/hicolor/48x48/apps/parkdesk.png ]
expect [ -s /opt/parkdesk/LICENSES/README.txt ]

say "/usr/bin/parkdesk --selftest"
export HOME="$TEMP/home" XDG_CONFIG_HOME="$TEMP/home/.config" XDG_DATA_HOME="$TEMP/home/.local/share"
mkdir -p "$HOME"
unset PARKDESK_CONFIG_DIR PARKDESK_DATA_DIR PARKDESK_PDF_FONT PARKDESK_LANG PYTHONPATH PYTHONHOME
started=$(now)
/usr/bin/parkdesk --selftest --lang en
selftest_time=$(seconds_since "$started")

say "dpkg -r parkdesk"
started=$(now)
dpkg -r parkdesk
removed=1
remove_time=$(seconds_since "$started")
for gone in /usr/bin/parkdesk /opt/parkdesk /usr/share/applications/parkdesk.desktop; do expect [ ! -e "$gone" ]; done
expect [ -z "$(grep parkrollup /usr/share/mime/globs2 || true)" ]

installed_kb=$(dpkg-deb -f "$DEB" Installed-Size)
say ".deb $(du -h "$DEB" | cut -f1), installed $((installed_kb / 1024)) MB; Depends: $(dpkg-deb -f "$DEB" Depends)"
say "lintian $lintian_time s (no errors); dpkg -i $install_time s; --selftest $selftest_time s; dpkg -r $remove_time s"
