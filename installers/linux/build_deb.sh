#!/usr/bin/env bash
# Build the Debian package of parkdesk from the one-folder bundle, for Debian 12+, Ubuntu 22.04+, UOS and Kylin
# desktops (glibc 2.34 or newer, amd64).
#
#   installers/linux/build.sh            # first: the bundle, dist/parkdesk/
#   installers/linux/build_deb.sh [BUNDLE]
#
# makes dist/parkdesk_VERSION_ARCH.deb (dpkg-deb; no Debian source package, no root needed) holding
#   /opt/parkdesk/                         the bundle, its LICENSES/ folder included
#   /usr/bin/parkdesk                      a link to /opt/parkdesk/parkdesk
#   /usr/share/applications/parkdesk.desktop, /usr/share/mime/packages/parkdesk.xml (.parkpkg, .parkpkg.p7m,
#   .parkreview, .parkrollup), /usr/share/icons/hicolor/…, /usr/share/doc/parkdesk/{copyright,changelog.gz}
# Depends: the system libraries the bundle uses but does not carry, found with ldd and dpkg -S on this machine
# (libraries only the Wayland plugins use are Recommends). The menu, MIME and icon caches are refreshed by dpkg's
# triggers of desktop-file-utils, shared-mime-info and hicolor-icon-theme: no maintainer scripts.
# PARKDESK_DEB_MAINTAINER sets the Maintainer field ("Name <address>").
set -euo pipefail
cd "$(dirname "$0")/../.."

BUNDLE=${1:-dist/parkdesk}
OUT_DIR=${PARKDESK_DEB_OUT:-dist}
MAINTAINER=${PARKDESK_DEB_MAINTAINER:-parkdesk maintainers <parkdesk@example.org>}
HERE=installers/linux

say() { printf '\033[1m[deb]\033[0m %s\n' "$*"; }
fail() { printf '[deb] %s\n' "$*" >&2; exit 2; }

[ -x "$BUNDLE/parkdesk" ] || fail "no bundle in $BUNDLE: run installers/linux/build.sh first"
for tool in dpkg-deb dpkg-query ldd; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (Debian: dpkg, libc-bin)"
done
VERSION=$(sed -n 's/^version = "\([^"]*\)"$/\1/p' pyproject.toml | head -n 1)
[ -n "$VERSION" ] || fail "no version in pyproject.toml"
ARCH=$(dpkg --print-architecture)
PACKAGE="parkdesk_${VERSION}_${ARCH}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/parkdesk-deb-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
STAGE="$WORK/$PACKAGE"
ICONS="$BUNDLE/_internal/resources/icons"
[ -d "$ICONS" ] || fail "no icons in $ICONS"

say "Staging $STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/doc/parkdesk" \
         "$STAGE/usr/share/applications" "$STAGE/usr/share/mime/packages" "$STAGE/usr/share/lintian/overrides"
cp -a "$BUNDLE" "$STAGE/opt/parkdesk"
ln -s /opt/parkdesk/parkdesk "$STAGE/usr/bin/parkdesk"
install -m 644 "$HERE/parkdesk.desktop" "$STAGE/usr/share/applications/parkdesk.desktop"
install -m 644 "$HERE/parkdesk-mime.xml" "$STAGE/usr/share/mime/packages/parkdesk.xml"
mapfile -t MIME_TYPES < <(sed -n 's/.*<mime-type type="\([^"]*\)".*/\1/p' "$HERE/parkdesk-mime.xml")
for png in "$ICONS"/parkdesk-*.png; do
  size=$(basename "$png" .png); size=${size#parkdesk-}
  install -D -m 644 "$png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/parkdesk.png"
  for type in "${MIME_TYPES[@]}"; do
    install -D -m 644 "$png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/mimetypes/${type//\//-}.png"
  done
done
install -D -m 644 "$ICONS/parkdesk.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/parkdesk.svg"

# --- what the bundle needs from the system -----------------------------------------------------------------------------
is_elf() { [ "$(head -c 4 "$1" 2>/dev/null | od -An -c | tr -d ' ')" = '177ELF' ]; }
is_optional() { case "$1" in *[Ww]ayland*|*WlShell*) return 0 ;; *) return 1 ;; esac; }  # Qt falls back to X11

declare -A needed_paths=() optional_paths=()
missing=()
library_path="$STAGE/opt/parkdesk/_internal:$STAGE/opt/parkdesk/_internal/PySide6/Qt/lib"
while IFS= read -r -d '' file; do
  is_elf "$file" || continue
  while read -r name arrow target _; do
    [ "$arrow" = "=>" ] || continue
    if [ "$target" = not ]; then
      is_optional "$file" || is_optional "$name" || missing+=("$name (for ${file#"$STAGE"})")
    elif [[ "$target" == /* && "$target" != "$STAGE/"* ]]; then
      if is_optional "$file"; then optional_paths[$target]=1; else needed_paths[$target]=1; fi
    fi
  done < <(LD_LIBRARY_PATH="$library_path" ldd "$file" 2>/dev/null || true)
done < <(find "$STAGE/opt/parkdesk" -type f -print0)
[ ${#missing[@]} -eq 0 ] || fail "the bundle needs libraries that are neither in it nor on this machine: ${missing[*]}"

owning_packages() {  # PATH… → the Debian packages holding them, one per line
  [ $# -gt 0 ] || return 0
  local path
  for path in "$@"; do
    dpkg -S "$path" 2>/dev/null || dpkg -S "$(readlink -f "$path")" 2>/dev/null \
      || dpkg -S "${path#/usr}" 2>/dev/null || fail "no Debian package holds $path"
  done | grep -v '^diversion' | cut -d: -f1 | cut -d, -f1 | sort -u
}
mapfile -t depends < <(owning_packages "${!needed_paths[@]}" | grep -vx libc6 || true)
mapfile -t recommends < <(owning_packages "${!optional_paths[@]}" | grep -vx -e libc6 "${depends[@]/#/-e}" || true)
# the Wayland client libraries the bundle's Wayland plugins load (whether or not this machine has them)
recommends+=(libwayland-client0 libwayland-cursor0 libwayland-egl1)
mapfile -t recommends < <(printf '%s\n' "${recommends[@]}" | sort -u)
DEPENDS="libc6 (>= 2.34)$(printf ', %s' "${depends[@]}")"
# the window's Chinese text needs a CJK font of the system (the PDFs use the bundle's own)
RECOMMENDS="$(IFS=,; echo "${recommends[*]}" | sed 's/,/, /g'), fonts-wqy-microhei | fonts-noto-cjk"

# --- documentation ---------------------------------------------------------------------------------------------------
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
{
  echo "parkdesk ($VERSION) stable; urgency=medium"
  echo
  echo "  * parkdesk $VERSION, packaged from the one-folder bundle."
  echo
  echo " -- $MAINTAINER  $(LC_ALL=C date -u -R -d "@$epoch")"
} | gzip -9n > "$STAGE/usr/share/doc/parkdesk/changelog.gz"
cat > "$STAGE/usr/share/doc/parkdesk/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: parkdesk
Comment: The components parkdesk ships in /opt/parkdesk (Python, Qt and Qt for Python, the
 Python libraries, system libraries and a font) are listed, each with its licence texts, in
 /opt/parkdesk/LICENSES/README.txt. Qt and Qt for Python are used under the LGPL-3.0; how to get
 their source code and replace them: /opt/parkdesk/LICENSES/PySide6_Essentials-*/QT-NOTICE.txt.

Files: *
Copyright: $(LC_ALL=C date -u -d "@$epoch" +%Y) parkdesk authors
License: Apache-2.0

Files: opt/parkdesk/_internal/* opt/parkdesk/LICENSES/*
Copyright: their authors, named in /opt/parkdesk/LICENSES/
License: various
 The licence of each component is in /opt/parkdesk/LICENSES/, listed by README.txt there.

License: Apache-2.0
 Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file
 except in compliance with the License. You may obtain a copy of the License at
 .
     http://www.apache.org/licenses/LICENSE-2.0
 .
 Unless required by applicable law or agreed to in writing, software distributed under the
 License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND,
 either express or implied. See the License for the specific language governing permissions
 and limitations under the License.
 .
 On Debian systems, the full text of the Apache License, Version 2.0 is in
 /usr/share/common-licenses/Apache-2.0.
EOF
install -m 644 "$HERE/lintian-overrides" "$STAGE/usr/share/lintian/overrides/parkdesk"

# --- control -----------------------------------------------------------------------------------------------------------
find "$STAGE" -type d -exec chmod 755 {} +
(cd "$STAGE" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) \
  > "$STAGE/DEBIAN/md5sums"
chmod 644 "$STAGE/DEBIAN/md5sums"
cat > "$STAGE/DEBIAN/control" <<EOF
Package: parkdesk
Version: $VERSION
Architecture: $ARCH
Maintainer: $MAINTAINER
Installed-Size: $(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
Depends: $DEPENDS
Recommends: $RECOMMENDS
Section: misc
Priority: optional
Description: offline annual reports of Jinan's service-trade parks
 parkdesk is the offline desktop tool for the annual reports of Jinan's
 service-trade (outsourcing) parks: park operators fill in their reports and
 send signed packages, district officers verify and review them and send
 signed receipts, and roll up the approved reports for the city bureau.
EOF

mkdir -p "$OUT_DIR"
DEB="$OUT_DIR/$PACKAGE.deb"
say "dpkg-deb: $DEB"
started=$(date +%s)
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB.part" >/dev/null
mv "$DEB.part" "$DEB"
say "$DEB: $(du -h "$DEB" | cut -f1) in $(( $(date +%s) - started )) s; Depends: $DEPENDS"
