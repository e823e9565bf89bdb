#!/usr/bin/env bash
# The wheel as a user gets it: build it from a clean copy of the tracked files (no stale
# build/ leftovers), install it with its declared dependencies (from PyPI, or pip's cache)
# into a fresh venv, and from an empty folder build a demo book, open the window offscreen
# and write a statement. Checks that the dependency list is complete and that every data
# file is inside the package. `make wheel-check`; run by .ci/run (not in `make test`).
# PYTHON: the interpreter to build with (needs setuptools); the new venv uses the same one.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
PYTHON=${PYTHON:-.venv/bin/python}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "wheel-check: FAILED: $*" >&2; exit 1; }

mkdir "$work/src"
git ls-files -z | xargs -0 cp --parents -t "$work/src"
# The compiled translations are not tracked: built here as `make wheel` builds them.
for ts in "$work"/src/crmdesk/resources/translations/*.ts; do
  [ -e "$ts" ] || continue
  "$(dirname "$PYTHON")/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
"$PYTHON" -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir "$work/wheels" \
  "$work/src" || fail "building the wheel"
wheel=$(ls "$work"/wheels/crmdesk-*.whl)
echo "wheel-check: built $(basename "$wheel")"

base=$("$PYTHON" -c 'import sys; print(sys.base_prefix)')
"$base/bin/python3" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --upgrade pip
"$work/venv/bin/python" -m pip install --quiet "$wheel" || fail "installing the wheel"

mkdir "$work/elsewhere" "$work/home"
cd "$work/elsewhere"
run() {
  env -i HOME="$work/home" PATH="$work/venv/bin:/usr/bin:/bin" LANG=C.UTF-8 \
    QT_QPA_PLATFORM=offscreen CRMDESK_NO_DEMO_OFFER=1 ${EXTRA_ENV:-} "$@"
}
where=$(run python -c 'import crmdesk; print(crmdesk.__file__)')
case "$where" in "$work/venv/"*) ;; *) fail "crmdesk imported from $where" ;; esac
run crmdesk --version
run crmdesk --db book.db demo --customers 30 >/dev/null || fail "demo book"
shown=$(EXTRA_ENV=CRMDESK_EXIT_AFTER_SHOW=1 run crmdesk --db book.db) || fail "the window"
case "$shown" in *shown_after_s=*) ;; *) fail "the window did not show: $shown" ;; esac
run crmdesk --db book.db statement --customer 1 --period 2026 --out statement.pdf >/dev/null \
  || fail "statement"
head -c 5 statement.pdf | grep -q '%PDF-' || fail "statement.pdf is not a PDF"
grep -aq DejaVuSans statement.pdf || fail "statement.pdf lacks the shipped font"
# Every file under crmdesk/resources of the checkout is in the installed package.
missing=$(run python - "$repo/crmdesk/resources" <<'PY'
import sys
from pathlib import Path
from crmdesk import paths
tree = Path(sys.argv[1])
want = {p.relative_to(tree).as_posix() for p in tree.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts}
print(" ".join(sorted(want - set(paths.resource_names()))))
PY
)
[ -z "$missing" ] || fail "not in the installed package: $missing"
echo "wheel-check: OK (installed with its dependencies; demo book, window, statement)"
