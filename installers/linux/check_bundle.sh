#!/usr/bin/env bash
# Check the Linux archive as a user would get it: unpack it, install it with its install.sh into a
# throwaway home, run the installed program's self-test, and time its start-up. CI runs this after
# installers/linux/build.sh.
#
#   installers/linux/check_bundle.sh [dist/parkdesk-VERSION-linux-ARCH.tar.gz]
#
# Prints: the bundle's size, the time to a passed --selftest, and the time until the main window
# was drawn offscreen (--screenshot) on a demo workspace. Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/../.."

ARCHIVE=${1:-$(ls -t dist/parkdesk-*-linux-*.tar.gz 2>/dev/null | head -n 1)}
[ -f "$ARCHIVE" ] || { echo "no archive: run installers/linux/build.sh first" >&2; exit 2; }

say() { printf '\033[1m[check]\033[0m %s\n' "$*"; }
seconds_since() { echo "$(( $(date +%s%N) - $1 ))" | awk '{ printf "%.2f", $1 / 1e9 }'; }

TEMP=$(mktemp -d "${TMPDIR:-/tmp}/parkdesk-check-XXXXXX")
trap 'rm -rf "$TEMP"' EXIT
mkdir -p "$TEMP/home" "$TEMP/unpacked"

say "Unpacking and installing $ARCHIVE into a throwaway home"
tar -xzf "$ARCHIVE" -C "$TEMP/unpacked"
# the user's environment, minus anything that could point the program elsewhere
export HOME="$TEMP/home" XDG_DATA_HOME="$TEMP/home/.local/share" XDG_CONFIG_HOME="$TEMP/home/.config"
unset PARKDESK_CONFIG_DIR PARKDESK_DATA_DIR PARKDESK_PDF_FONT PARKDESK_LANG PYTHONPATH PYTHONHOME
"$TEMP"/unpacked/parkdesk-*/install.sh >/dev/null
PARKDESK="$HOME/.local/bin/parkdesk"
[ -x "$PARKDESK" ]  # (two commands: set -e ignores the first of an && list)
[ -f "$XDG_DATA_HOME/applications/parkdesk.desktop" ]

say "Self-test of the installed program"
started=$(date +%s%N)
"$PARKDESK" --selftest --lang en
selftest_time=$(seconds_since "$started")

say "Main window on a demo workspace, offscreen"
"$PARKDESK" demo --no-gui --out "$TEMP/demo.sqlite" --lang en
started=$(date +%s%N)
QT_QPA_PLATFORM=offscreen "$PARKDESK" "$TEMP/demo.sqlite" --screenshot "$TEMP/window.png" 2>/dev/null
window_time=$(seconds_since "$started")
[ -s "$TEMP/window.png" ] || { echo "no screenshot was written" >&2; exit 1; }

say "Licences: every component the build attributed has its folder of texts"
LICENSES="$HOME/.local/opt/parkdesk/LICENSES"
grep -q "QT-NOTICE.txt" "$LICENSES/README.txt"
grep -o -- '-> [^/]*/' "$LICENSES/README.txt" | cut -c4- | while read -r folder; do
  [ -n "$(ls -A "$LICENSES/$folder")" ] || { echo "no licence text in $folder" >&2; exit 1; }
done
echo "$(grep -c -- '-> ' "$LICENSES/README.txt") components, $(du -sh "$LICENSES" | cut -f1)"

"$TEMP"/unpacked/parkdesk-*/install.sh --uninstall >/dev/null
[ ! -e "$PARKDESK" ]

say "Bundle $(du -sh "$TEMP/unpacked/"parkdesk-*/parkdesk | cut -f1), archive $(du -h "$ARCHIVE" | cut -f1)"
say "Start-up: --selftest passed in $selftest_time s; main window drawn (--screenshot, incl. its 0.3 s wait) in $window_time s"
