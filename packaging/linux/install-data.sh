#!/usr/bin/env bash
# Install RugDiary's desktop integration (menu entry, AppStream metadata, hicolor icons).
#
#   packaging/linux/install-data.sh PREFIX             # e.g. /usr, ~/.local, $DESTDIR/usr
#   packaging/linux/install-data.sh PREFIX APP_ID      # Flatpak: files renamed to APP_ID.*
#
# Installs
#   PREFIX/share/applications/rugdiary.desktop
#   PREFIX/share/metainfo/io.github.rugdiary.RugDiary.metainfo.xml
#   PREFIX/share/icons/hicolor/scalable/apps/rugdiary.svg
#   PREFIX/share/icons/hicolor/{64x64,128x128,256x256}/apps/rugdiary.png
# With APP_ID, the desktop file and the icons are named APP_ID.* (Flatpak exports only
# files that start with the app ID) and the desktop file's Icon= and the metainfo's
# <launchable> follow. The program itself (the `rugdiary` command) is installed by pip or
# by unpacking the PyInstaller bundle; this script only adds the desktop files.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
prefix=${1:?usage: install-data.sh PREFIX [APP_ID]}
app_id=${2:-}
metainfo_id=io.github.rugdiary.RugDiary
name=${app_id:-rugdiary}

install -d "$prefix/share/applications" "$prefix/share/metainfo"
sed "s/^Icon=rugdiary$/Icon=$name/" "$here/rugdiary.desktop" \
  > "$prefix/share/applications/$name.desktop"
chmod 644 "$prefix/share/applications/$name.desktop"
sed "s#<launchable type=\"desktop-id\">rugdiary.desktop</launchable>#<launchable type=\"desktop-id\">$name.desktop</launchable>#" \
  "$here/$metainfo_id.metainfo.xml" > "$prefix/share/metainfo/$metainfo_id.metainfo.xml"
chmod 644 "$prefix/share/metainfo/$metainfo_id.metainfo.xml"

icons=$root/resources/icons
install -Dm644 "$icons/rugdiary.svg" "$prefix/share/icons/hicolor/scalable/apps/$name.svg"
for size in 64 128 256; do
  install -Dm644 "$icons/rugdiary-$size.png" \
    "$prefix/share/icons/hicolor/${size}x${size}/apps/$name.png"
done
