#!/usr/bin/env bash
# bench/vs_spin end to end, small (issue 13): SPIN's fifteen configurations and ours, once each, with a large
# configuration of seconds in place of bench/spin/big.toml and without the 10^8-state run, written into a copy of
# doc/performance.md. The section is regenerated between its markers, every verdict agrees, the rest of the file
# is kept byte for byte; bad input exits 2 and leaves the file as it was.
# Usage: vs_spin.sh CQMCHECK WORK
set -euo pipefail
cqm=$1
work=$2
here=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$work"
mkdir -p "$work"
fail() { echo "vs_spin test: $*" >&2; exit 1; }

doc=$work/performance.md
cp "$here/doc/performance.md" "$doc"
outside() { sed '/<!-- vs_spin begin -->/,/<!-- vs_spin end -->/d' "$1"; }
outside "$doc" >"$work/outside.before"
printf 'preset = "fix-reconnect"\n\n[environment]\nquantum = 15\n' >"$work/small.toml"

# Bad input first: one line naming what is wrong, exit 2, the file untouched.
expect_2() {
  local what=$1
  shift
  set +e
  env "$@" "$here/bench/vs_spin" 1 >"$work/bad.out" 2>"$work/bad.err"
  local rc=$?
  set -e
  [ "$rc" = 2 ] || fail "$what: exit $rc, not 2: $(cat "$work/bad.err")"
  [ "$(wc -l <"$work/bad.err")" = 1 ] || fail "$what: not one line on stderr: $(cat "$work/bad.err")"
  grep -q "$what" "$work/bad.err" || fail "$what: the message does not name it: $(cat "$work/bad.err")"
  cmp -s "$doc" "$here/doc/performance.md" || fail "$what: the document changed"
}
expect_2 "no $work/none" CQMCHECK="$work/none" VS_SPIN_DOC="$doc"
expect_2 VS_SPIN_DOC CQMCHECK="$cqm" VS_SPIN_DOC="$work/none.md"
expect_2 VS_SPIN_BIG CQMCHECK="$cqm" VS_SPIN_DOC="$doc" VS_SPIN_BIG="$work/none.toml"
expect_2 VS_SPIN_E2E_RUNS CQMCHECK="$cqm" VS_SPIN_DOC="$doc" VS_SPIN_E2E_RUNS=0

CQMCHECK="$cqm" VS_SPIN_DOC="$doc" VS_SPIN_BIG="$work/small.toml" VS_SPIN_E2E_RUNS=3 VS_SPIN_QUICK=1 \
  "$here/bench/vs_spin" 1 2>"$work/vs_spin.err" || { cat "$work/vs_spin.err" >&2; fail "bench/vs_spin failed"; }

outside "$doc" | cmp -s - "$work/outside.before" || fail "the text outside the section changed"
[ "$(grep -c '<!-- vs_spin begin -->' "$doc")" = 1 ] && [ "$(grep -c '<!-- vs_spin end -->' "$doc")" = 1 ] ||
  fail "the section's markers are not there once each"
[ ! -e "$doc.partial" ] || fail "a partial file was left"
section=$(sed -n '/<!-- vs_spin begin -->/,/<!-- vs_spin end -->/p' "$doc")
need() { grep -qF -- "$1" <<<"$section" || fail "the section lacks: $1"; }
need "Each configuration ran once, alternating"
# The build measured, as its CMake cache says (cmake/pgo.cmake): the normal pass's is profile-guided.
case "$(sed -n 's/^CQM_PGO_MODE:INTERNAL=//p' "$(dirname "$cqm")/CMakeCache.txt")" in
  use) need "cqmcheck: Release, profile-guided (cmake/pgo.cmake))" ;;
  *) need ", without a profile)" ;;
esac
need "11 of 11 agree."
need "between the fastest run of each (the one the host disturbed least)."
need "| SPIN \`S2bug_all\` | 10 621 806 |"
need "| \`bug_bfs\` | violated | \`kb-q292030\` | VIOLATED | yes |"
need "| \`fixReinit\` | pass | \`fix-reconnect\` | HOLDS | yes |"
# The small configuration's states, as the checker counts them, in its throughput and store rows.
states=$("$cqm" check --config "$work/small.toml" --explorer exhaustive --format json --quiet |
  python3 -c 'import json, sys; n = json.load(sys.stdin)["explorers"][0]["states"]; print(f"{n:,}".replace(",", " "))')
# Named as bench/vs_spin names it: from the repository when it lies inside it (a build folder there), else whole.
shown=$(realpath --relative-base="$here" "$work/small.toml")
for row in "| ours, \`$shown\`, 1 thread | $states |" "| ours, \`$shown\`, 2 threads | $states |" \
  "| tree (default) | $states |" "| whole keys | $states |" "| fingerprints | $states |"; do
  need "$row"
done
need "Not run this time (\`VS_SPIN_QUICK=1\`)"
need "3 runs each"
for p in kb-q292030 kb-q246749 kb-q247230 kb-q257280 kb-q263594 kb-q301352 kb-q311212; do need "| \`$p\` |"; done
need "| random, 2 worker processes | 200 000 |"
need "| estimate, 2 threads | 1 000 000 |"
echo "vs_spin test: the section regenerated, 11 of 11 agree, the rest of the file kept"
