#!/usr/bin/env sh
# Put the unpacked crmdesk bundle (this folder) in the desktop's application menu and on the
# PATH, for this user: a .desktop entry that starts this folder's crmdesk, the icon, the
# AppStream metainfo, and ~/.local/bin/crmdesk. Run it again after moving the folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
mkdir -p "$data/applications" "$bin"
# Exec= takes the path quoted (a folder name with spaces works).
sed "s|^Exec=crmdesk|Exec=\"$here/crmdesk\"|" "$here/crmdesk.desktop" \
  > "$data/applications/crmdesk.desktop"
chmod 644 "$data/applications/crmdesk.desktop"
install -Dm644 "$here/crmdesk.svg" "$data/icons/hicolor/scalable/apps/crmdesk.svg"
install -Dm644 "$here/io.github.crmdesk.crmdesk.metainfo.xml" \
  "$data/metainfo/io.github.crmdesk.crmdesk.metainfo.xml"
ln -sf "$here/crmdesk" "$bin/crmdesk"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
echo "crmdesk added to the application menu ($data) and to $bin."
