#!/usr/bin/env bash
# Build the self-contained Linux app: dist/crmdesk/ (a folder holding Python, Qt and every
# dependency, with the .desktop entry, the icon and install.sh) and
# dist/crmdesk-VERSION-linux-ARCH.tar.gz of it; then run the smoke test on the folder.
# `make bundle` runs this. Not part of `make test` (a build takes a few minutes).
# PYTHON: the interpreter whose environment holds crmdesk and its dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}

if ! "$PYTHON" -m PyInstaller --version >/dev/null 2>&1; then
  echo "bundle: installing PyInstaller"
  "$PYTHON" -m pip install --quiet "pyinstaller>=6.10"
fi
version=$("$PYTHON" -c 'import crmdesk; print(crmdesk.__version__)')
arch=$(uname -m)
started=$SECONDS

"$PYTHON" packaging/render_icon.py build/crmdesk-256.png
# Qt translation catalogues (.ts) compiled to the .qm files the app loads, when there are any.
lrelease="$(dirname "$PYTHON")/pyside6-lrelease"
for ts in crmdesk/resources/translations/*.ts; do
  [ -e "$ts" ] || continue
  "$lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
rm -rf dist/crmdesk
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/crmdesk.spec

app=dist/crmdesk
install -m644 packaging/crmdesk.desktop "$app/crmdesk.desktop"
install -m644 packaging/io.github.crmdesk.crmdesk.metainfo.xml "$app/"
install -m644 crmdesk/resources/crmdesk.svg "$app/crmdesk.svg"
install -m644 LICENSE "$app/LICENSE"
install -m755 packaging/install-bundle.sh "$app/install.sh"

tarball="dist/crmdesk-$version-linux-$arch.tar.gz"
tar -C dist -czf "$tarball.part" crmdesk
mv "$tarball.part" "$tarball"
echo "bundle: $app ($(du -sh "$app" | cut -f1)) and $tarball ($(du -h "$tarball" | cut -f1))" \
  "built in $((SECONDS - started)) s"

packaging/smoke-test.sh "$app/crmdesk"
