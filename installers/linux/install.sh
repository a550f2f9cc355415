#!/usr/bin/env bash
# parkdesk for this user only, no root needed: run it from the unpacked archive.
#
#   ./install.sh                 install (or update): program, menu entry, file types, icons
#   ./install.sh --uninstall     remove all of that again (workspaces and settings stay)
#   ./install.sh --prefix DIR    put the program in DIR instead of ~/.local/opt/parkdesk
#                                (with --uninstall: remove the parkdesk installed in DIR)
#
# What goes where (XDG_DATA_HOME defaults to ~/.local/share):
#   the program                    ~/.local/opt/parkdesk/          (the folder "parkdesk" beside this script)
#   the command                    ~/.local/bin/parkdesk           (a symbolic link)
#   the menu entry                 $XDG_DATA_HOME/applications/parkdesk.desktop
#   the file types                 $XDG_DATA_HOME/mime/packages/parkdesk.xml, and parkdesk as their default
#                                  application in ~/.config/mimeapps.list
#   icons                          $XDG_DATA_HOME/icons/hicolor/…
# Double-clicking a .parkpkg, .parkpkg.p7m, .parkreview or .parkrollup file then opens it in parkdesk.
#
# The program folder belongs to this script: it is created here (or must be empty), and
# DIR/.parkdesk-install lists everything installed, inside and outside it. Updating and
# uninstalling remove exactly what that list names, nothing else: a folder that is not empty and
# has no such list is refused, and files you put into the program folder stay.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX="$HOME/.local/opt/parkdesk"
BIN_DIR="$HOME/.local/bin"
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
MIMEAPPS="${XDG_CONFIG_HOME:-$HOME/.config}/mimeapps.list"
ICON_SIZES=(16 24 32 48 64 128 256)
MIME_TYPES=(application/x-parkdesk-package application/x-parkdesk-package-encrypted application/x-parkdesk-review
            application/x-parkdesk-rollup)
DESKTOP_ID=parkdesk.desktop
MANIFEST_NAME=.parkdesk-install
ACTION=install

say() { printf '[parkdesk] %s\n' "$*"; }
fail() { printf '[parkdesk] %s\n' "$*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --uninstall) ACTION=uninstall ;;
    --prefix) PREFIX="${2:?--prefix needs a folder}"; shift ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

case "$PREFIX" in *$'\n'*|*$'\t'*) fail "The folder name may not contain a line break or a tab: $PREFIX" ;; esac
PREFIX=$(realpath -m -- "$PREFIX")
MANIFEST="$PREFIX/$MANIFEST_NAME"
[ "$PREFIX" != / ] || fail "Refusing to install into /"

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
  if command -v update-mime-database >/dev/null 2>&1 && [ -d "$DATA_HOME/mime" ]; then
    update-mime-database "$DATA_HOME/mime" >/dev/null 2>&1 || true
  fi
  if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$DATA_HOME/applications" ]; then
    update-desktop-database "$DATA_HOME/applications" >/dev/null 2>&1 || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$DATA_HOME/icons/hicolor" ]; then
    gtk-update-icon-cache -q -t -f "$DATA_HOME/icons/hicolor" >/dev/null 2>&1 || true
  fi
}

# --- the manifest: one "KIND<TAB>PATH[<TAB>VALUE]" line per thing installed --------------------------------------------
#   prefix   PREFIX  created|existed     the program folder, and whether this script made it
#   dir      PATH                        a folder inside PREFIX (removed only when empty)
#   file     PATH                        a file or symbolic link (inside PREFIX or in the desktop's folders)
#   mime     TYPE    PREVIOUS            parkdesk made the default application of TYPE; PREVIOUS was the default

manifest_lines() {  # KIND: the matching lines' fields after the kind, tab-separated
  [ -f "$MANIFEST" ] || return 0
  awk -F '\t' -v kind="$1" '$1 == kind { sub(/^[^\t]*\t/, ""); print }' "$MANIFEST"
}

remove_listed_files() {  # KIND_FILTER: "inside" (the program) or "outside" (desktop integration) or "all"
  local where=$1 path
  while IFS= read -r path; do
    case "$path" in "$PREFIX"/*) [ "$where" = outside ] && continue ;; *) [ "$where" = inside ] && continue ;; esac
    if [ -L "$path" ] || [ -f "$path" ]; then rm -f -- "$path"; fi
  done < <(manifest_lines file)
  if [ "$where" != outside ]; then  # deepest first; a folder holding files of the user's stays
    while IFS= read -r path; do
      rmdir -- "$path" 2>/dev/null || true
    done < <(manifest_lines dir | sort -r)
  fi
}

# --- default applications (mimeapps.list, [Default Applications]) -----------------------------------------------------

default_application() {  # TYPE → the desktop id set for it in mimeapps.list, or nothing
  [ -f "$MIMEAPPS" ] || return 0
  awk -v type="$1" '
    /^\[/ { in_defaults = ($0 == "[Default Applications]"); next }
    in_defaults && index($0, type "=") == 1 { value = substr($0, length(type) + 2); sub(/;$/, "", value) }
    END { if (value != "") print value }' "$MIMEAPPS"
}

set_default_application() {  # TYPE VALUE: VALUE empty removes the entry; other lines stay as they are
  local type=$1 value=$2 temp
  mkdir -p "$(dirname "$MIMEAPPS")"
  [ -f "$MIMEAPPS" ] || : > "$MIMEAPPS"
  temp=$(mktemp "$MIMEAPPS.XXXXXX")
  awk -v type="$type" -v value="$value" '
    function add() { if (value != "" && !done) { print type "=" value ";"; done = 1 } }
    /^\[/ { if (in_defaults) add(); in_defaults = ($0 == "[Default Applications]"); seen = seen || in_defaults
            print; next }
    in_defaults && index($0, type "=") == 1 { add(); next }
    { print }
    END { if (in_defaults) add(); else if (!seen && value != "") { print "[Default Applications]"; add() } }' \
    "$MIMEAPPS" > "$temp"
  mv -- "$temp" "$MIMEAPPS"
}

# --- install -----------------------------------------------------------------------------------------------------------

check_prefix_is_ours() {
  if [ -e "$PREFIX" ] && [ ! -d "$PREFIX" ]; then fail "$PREFIX is a file, not a folder: choose another --prefix"; fi
  if [ -d "$PREFIX" ] && [ ! -f "$MANIFEST" ] && [ -n "$(ls -A -- "$PREFIX")" ]; then
    fail "$PREFIX is not empty and was not made by this installer: nothing was changed. Choose a new or empty" \
         "folder for --prefix (for example $PREFIX/parkdesk)."
  fi
}

desktop_entry_for() {  # PROGRAM: parkdesk.desktop with Exec= and TryExec= naming PROGRAM (escaped as the spec says)
  local string=${1//\\/\\\\} argument=${1//\\/\\\\}
  argument=${argument//\"/\\\"}; argument=${argument//\`/\\\`}; argument=${argument//\$/\\\$}
  argument=${argument//\\/\\\\}; argument=${argument//%/%%}
  TRY_EXEC="$string" EXEC="\"$argument\"" awk '
    /^TryExec=/ { print "TryExec=" ENVIRON["TRY_EXEC"]; next }
    /^Exec=parkdesk( |$)/ { sub(/^Exec=parkdesk/, ""); print "Exec=" ENVIRON["EXEC"] $0; next }
    { print }' "$HERE/parkdesk.desktop"
}

install_program() {  # copy the bundle into PREFIX; list what was copied
  local created=existed
  if [ -f "$MANIFEST" ]; then
    created=$(manifest_lines prefix | cut -f2)
    say "Updating the program in $PREFIX"
    remove_listed_files inside
  else
    [ -d "$PREFIX" ] || created=created
    say "Installing the program into $PREFIX"
  fi
  mkdir -p -- "$PREFIX"
  local new_manifest="$MANIFEST.new"
  printf 'prefix\t%s\t%s\n' "$PREFIX" "${created:-existed}" > "$new_manifest"
  cp -a -- "$HERE/parkdesk/." "$PREFIX/"
  local relative
  while IFS= read -r -d '' relative; do
    relative=${relative#./}
    if [ -d "$HERE/parkdesk/$relative" ] && [ ! -L "$HERE/parkdesk/$relative" ]; then
      printf 'dir\t%s\n' "$PREFIX/$relative"
    else
      printf 'file\t%s\n' "$PREFIX/$relative"
    fi
  done < <(cd "$HERE/parkdesk" && find . -mindepth 1 -print0) >> "$new_manifest"
  printf 'dir\t%s\n' "$PREFIX" >> "$new_manifest"
  mv -- "$new_manifest" "$MANIFEST"
}

install_file() {  # SOURCE TARGET MODE: install and list it
  install -D -m "$3" -- "$1" "$2"
  printf 'file\t%s\n' "$2" >> "$MANIFEST"
}

install_desktop_integration() {
  say "Adding the menu entry, the file types and the icons"
  mkdir -p "$BIN_DIR"
  if [ -e "$BIN_DIR/parkdesk" ] && [ ! -L "$BIN_DIR/parkdesk" ]; then
    say "$BIN_DIR/parkdesk exists and is not a link made by this installer: left as it is; run $PREFIX/parkdesk"
  else
    ln -sfn -- "$PREFIX/parkdesk" "$BIN_DIR/parkdesk"
    printf 'file\t%s\n' "$BIN_DIR/parkdesk" >> "$MANIFEST"
  fi
  install_file "$HERE/parkdesk-mime.xml" "$DATA_HOME/mime/packages/parkdesk.xml" 644
  local desktop_temp
  desktop_temp=$(mktemp)
  desktop_entry_for "$PREFIX/parkdesk" > "$desktop_temp"
  install_file "$desktop_temp" "$DATA_HOME/applications/$DESKTOP_ID" 644
  rm -f -- "$desktop_temp"
  local source target
  while read -r source target; do
    install_file "$HERE/$source" "$target" 644
  done < <(icon_targets)
  refresh_caches
  local type previous
  for type in "${MIME_TYPES[@]}"; do
    previous=$(default_application "$type")
    if [ "$previous" != "$DESKTOP_ID" ]; then  # an update keeps the PREVIOUS of the first install
      set_default_application "$type" "$DESKTOP_ID"
      printf 'mime\t%s\t%s\n' "$type" "$previous" >> "$MANIFEST"
    else
      manifest_kept_mime "$type" >> "$MANIFEST"
    fi
  done
}

manifest_kept_mime() {  # TYPE: its mime line from the manifest being replaced, if any
  [ -f "$MANIFEST.previous" ] || return 0
  awk -F '\t' -v type="$1" '$1 == "mime" && $2 == type' "$MANIFEST.previous"
}

install_files() {
  [ -x "$HERE/parkdesk/parkdesk" ] || fail "no parkdesk/parkdesk beside this script: unpack the whole archive"
  check_prefix_is_ours
  if [ -f "$MANIFEST" ]; then
    cp -- "$MANIFEST" "$MANIFEST.previous"
    remove_listed_files outside
  fi
  install_program
  install_desktop_integration
  rm -f -- "$MANIFEST.previous"
  say "Done. Start parkdesk from the menu, or run: $BIN_DIR/parkdesk"
  case ":$PATH:" in *":$BIN_DIR:"*) ;; *) say "($BIN_DIR is not on your PATH; the menu entry works regardless.)" ;; esac
}

# --- uninstall ---------------------------------------------------------------------------------------------------------

uninstall_files() {
  [ -f "$MANIFEST" ] || fail "No parkdesk installed by this installer in $PREFIX (no $MANIFEST_NAME there):" \
                             "nothing was removed. Use --prefix with the folder given when installing."
  say "Removing parkdesk from $PREFIX and its desktop integration (workspaces and settings stay)"
  local type previous
  while IFS=$'\t' read -r type previous; do
    if [ "$(default_application "$type")" = "$DESKTOP_ID" ]; then set_default_application "$type" "$previous"; fi
  done < <(manifest_lines mime)
  local created
  created=$(manifest_lines prefix | cut -f2)
  remove_listed_files all
  rm -f -- "$MANIFEST"
  if [ "$created" = created ]; then rmdir -- "$PREFIX" 2>/dev/null || true; fi
  refresh_caches
  if [ -d "$PREFIX" ] && [ -n "$(ls -A -- "$PREFIX")" ]; then
    say "Kept $PREFIX: it holds files that parkdesk did not install."
  fi
  say "Done."
}

if [ "$ACTION" = install ]; then install_files; else uninstall_files; fi
