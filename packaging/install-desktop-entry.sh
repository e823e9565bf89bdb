#!/usr/bin/env sh
# Show crmdesk in the desktop's application menu (per user): the .desktop entry, the icon and
# the AppStream metainfo go to the XDG data dir. Run after `make run` (or pip install).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
install -Dm644 "$here/crmdesk.desktop" "$data/applications/crmdesk.desktop"
install -Dm644 "$here/../crmdesk/resources/crmdesk.svg" "$data/icons/hicolor/scalable/apps/crmdesk.svg"
install -Dm644 "$here/io.github.crmdesk.crmdesk.metainfo.xml" \
  "$data/metainfo/io.github.crmdesk.crmdesk.metainfo.xml"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
echo "crmdesk added to the application menu ($data)."
