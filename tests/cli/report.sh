#!/usr/bin/env bash
# `cqmcheck report` from the command line: the same run gives the same page but for the searches' seconds; plots
# from an estimate's folder are inlined; bad input is one line, exit 2, nothing written; a preset whose verdict
# is not the expected one makes it exit 1 with the row marked.
set -u
cqmcheck="$1"; work="$2"
rm -rf "$work"; mkdir -p "$work"
fail() { echo "report test: $*"; exit 1; }
untimed() { sed -E 's/"seconds":[0-9.e+-]+/"seconds":_/g' "$1"; }

"$cqmcheck" estimate --clients 2000 --curve-clients 500 --out "$work/E" --quiet > /dev/null || fail "estimate --out failed"
for run in 1 2; do
  "$cqmcheck" report --preset kb-q292030 --preset fix-reconnect --plots "$work/E" --quiet --out "$work/R$run" \
    > "$work/out$run.txt" || fail "report run $run failed"
done
grep -q "2 presets" "$work/out1.txt" || fail "report did not say what it wrote: $(cat "$work/out1.txt")"
cmp <(untimed "$work/R1/index.html") <(untimed "$work/R2/index.html") || fail "two runs differ beyond the seconds"
[ "$(ls "$work/R1")" = "index.html" ] || fail "report wrote more than index.html: $(ls "$work/R1")"
for plot in delay_histogram loss_vs_init_failure; do
  grep -q "E: $plot" "$work/R1/index.html" || fail "the plot $plot is not in the page"
done
grep -q '"never_reached":\[' "$work/R1/index.html" || fail "no coverage in the page"

. "$(dirname "$0")/refuse.sh"
refuse "no preset" "--suite" report --out "$work/refused"
refuse "an unknown preset" "no-such" report --preset no-such --out "$work/refused"
mkdir -p "$work/empty"
refuse "a plot folder without SVG" "no .svg" report --preset fix-reconnect --plots "$work/empty" --out "$work/refused"

# A verdict not as expected: exit 1, and the page's row says VIOLATED where HOLDS was expected.
printf 'preset = "kb-q292030"\n[expected]\ndelivered_before_expiry = "HOLDS"\nstatus_reaches_site_database = "VIOLATED"\n' \
  > "$work/wrong.toml"
"$cqmcheck" report --config "$work/wrong.toml" --quiet --out "$work/W" > "$work/wrong.txt"
rc=$?
[ "$rc" = 1 ] || fail "a verdict not as expected: exit $rc, not 1"
grep -q "verdicts not as expected" "$work/wrong.txt" || fail "no count of the misses: $(cat "$work/wrong.txt")"
grep -q '"property":"delivered_before_expiry","explorer":"exhaustive","verdict":"VIOLATED","expected":"HOLDS"' \
  "$work/W/index.html" || fail "the page does not show the miss"
grep -q '"failing":[1-9]' "$work/W/index.html" || fail "the page's summary counts no failing row"
echo "report test: ok"
