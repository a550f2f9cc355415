#!/usr/bin/env bash
# parkdesk for this user only, no root needed: run it from the unpacked archive.
#
#   ./install.sh                 install (or update): program, menu entry, file types, icons
#   ./install.sh --uninstall     remove all of that again (workspaces and settings stay)
#   ./install.sh --prefix DIR    put the program in DIR instead of ~/.local/opt/parkdesk
#
# What goes where (XDG_DATA_HOME defaults to ~/.local/share):
#   the program                    ~/.local/opt/parkdesk/          (the folder "parkdesk" beside this script)
#   the command                    ~/.local/bin/parkdesk           (a symbolic link)
#   the menu entry                 $XDG_DATA_HOME/applications/parkdesk.desktop
#   .parkpkg / .parkreview types   $XDG_DATA_HOME/mime/packages/parkdesk.xml
#   icons                          $XDG_DATA_HOME/icons/hicolor/…
# Double-clicking a .parkpkg, .parkpkg.p7m or .parkreview file then opens it in parkdesk.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX="$HOME/.local/opt/parkdesk"
BIN_DIR="$HOME/.local/bin"
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
ICON_SIZES=(16 24 32 48 64 128 256)
MIME_TYPES=(application/x-parkdesk-package application/x-parkdesk-package-encrypted application/x-parkdesk-review)
ACTION=install

say() { printf '[parkdesk] %s\n' "$*"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --uninstall) ACTION=uninstall ;;
    --prefix) PREFIX="${2:?--prefix needs a folder}"; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

icon_targets() {  # every icon file this script installs, one per line: "SOURCE TARGET"
  local size type
  for size in "${ICON_SIZES[@]}"; do
    echo "icons/parkdesk-$size.png $DATA_HOME/icons/hicolor/${size}x${size}/apps/parkdesk.png"
    for type in "${MIME_TYPES[@]}"; do
      echo "icons/parkdesk-$size.png $DATA_HOME/icons/hicolor/${size}x${size}/mimetypes/${type//\//-}.png"
    done
  done
  echo "icons/parkdesk.svg $DATA_HOME/icons/hicolor/scalable/apps/parkdesk.svg"
}

refresh_caches() {  # each tool is optional: desktops rescan the folders anyway
  if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$DATA_HOME/mime" >/dev/null 2>&1 || true
  fi
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$DATA_HOME/applications" >/dev/null 2>&1 || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$DATA_HOME/icons/hicolor" ]; then
    gtk-update-icon-cache -q -t -f "$DATA_HOME/icons/hicolor" >/dev/null 2>&1 || true
  fi
}

install_files() {
  [ -x "$HERE/parkdesk/parkdesk" ] || { echo "no parkdesk/parkdesk beside this script: unpack the whole archive" >&2; exit 2; }
  say "Installing the program into $PREFIX"
  mkdir -p "$(dirname "$PREFIX")"
  rm -rf "$PREFIX.new"
  cp -a "$HERE/parkdesk" "$PREFIX.new"
  rm -rf "$PREFIX"
  mv "$PREFIX.new" "$PREFIX"
  mkdir -p "$BIN_DIR"
  ln -sfn "$PREFIX/parkdesk" "$BIN_DIR/parkdesk"

  say "Adding the menu entry, the file types and the icons"
  install -D -m 644 "$HERE/parkdesk-mime.xml" "$DATA_HOME/mime/packages/parkdesk.xml"
  mkdir -p "$DATA_HOME/applications"
  sed -e "s|^TryExec=.*|TryExec=$PREFIX/parkdesk|" -e "s|^Exec=.*|Exec=\"$PREFIX/parkdesk\" %f|" \
    "$HERE/parkdesk.desktop" > "$DATA_HOME/applications/parkdesk.desktop"
  chmod 644 "$DATA_HOME/applications/parkdesk.desktop"
  local source target
  while read -r source target; do
    install -D -m 644 "$HERE/$source" "$target"
  done < <(icon_targets)
  refresh_caches
  if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default parkdesk.desktop "${MIME_TYPES[@]}" || true
  fi
  say "Done. Start parkdesk from the menu, or run: $BIN_DIR/parkdesk"
  case ":$PATH:" in *":$BIN_DIR:"*) ;; *) say "($BIN_DIR is not on your PATH; the menu entry works regardless.)" ;; esac
}

uninstall_files() {
  say "Removing parkdesk from $PREFIX and its desktop integration (workspaces and settings stay)"
  if [ -L "$BIN_DIR/parkdesk" ]; then rm -f "$BIN_DIR/parkdesk"; fi
  rm -rf "$PREFIX" "$PREFIX.new"
  rm -f "$DATA_HOME/applications/parkdesk.desktop" "$DATA_HOME/mime/packages/parkdesk.xml"
  local source target
  while read -r source target; do
    rm -f "$target"
  done < <(icon_targets)
  refresh_caches
  say "Done."
}

if [ "$ACTION" = install ]; then install_files; else uninstall_files; fi
