#!/usr/bin/env bash
# Smoke test of a built bundle: from an empty folder, with no Python environment in sight,
# the bundled crmdesk builds a demo book, opens its window offscreen, writes a statement PDF
# (the fonts and logo from inside the bundle) and a batch of statements in two worker
# processes, and exits 0 each time. Usage: smoke-test.sh PATH/TO/crmdesk
set -euo pipefail
app=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir home
# A clean environment: only what a desktop session would have.
run() {
  env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    CRMDESK_NO_DEMO_OFFER=1 ${EXTRA_ENV:-} "$app" "$@"
}
fail() { echo "smoke: FAILED: $*" >&2; exit 1; }

version=$(run --version) || fail "--version"
echo "smoke: $version"
run --db book.db demo --customers 40 >/dev/null || fail "demo book"
shown=$(EXTRA_ENV=CRMDESK_EXIT_AFTER_SHOW=1 run --db book.db) || fail "the window"
case "$shown" in *shown_after_s=*) ;; *) fail "the window did not show: $shown" ;; esac
echo "smoke: window ${shown%% *}"
run --db book.db statement --customer 1 --period 2026 --out statement.pdf \
  || fail "statement"
head -c 5 statement.pdf | grep -q '%PDF-' || fail "statement.pdf is not a PDF"
grep -aq DejaVuSans statement.pdf || fail "statement.pdf lacks the bundled font"
run --db book.db statements --period 2026 --jobs 2 --out batch 2>/dev/null \
  || fail "statements in two processes"
count=$(find batch -name '*.pdf' | wc -l)
[ "$count" -eq 40 ] || fail "$count of 40 statements written by the batch"
echo "smoke: OK (demo book, window, statement, $count statements in 2 processes)"
