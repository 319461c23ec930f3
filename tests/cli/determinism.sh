#!/usr/bin/env bash
# Same seed and config, same bytes: check (both explorers), estimate (with 1 and 2 threads) and diagrams are run
# twice and their outputs compared byte for byte.
set -u
cqmcheck="$1"; work="$2"
rm -rf "$work"; mkdir -p "$work"
fail() { echo "determinism test: $*"; exit 1; }
same() { cmp -s "$1" "$2" || fail "$1 and $2 differ"; }

for run in 1 2; do
  "$cqmcheck" check --preset kb-q292030 --seed 11 --out "$work/check$run" --quiet >/dev/null 2>&1
  [ $? = 1 ] || fail "check run $run did not report VIOLATED"
  "$cqmcheck" diagrams --out "$work/diagrams$run" >/dev/null 2>&1 || fail "diagrams run $run failed"
done
for f in $(cd "$work/check1" && find . -type f | sort); do same "$work/check1/$f" "$work/check2/$f"; done
for f in $(cd "$work/diagrams1" && find . -type f | sort); do same "$work/diagrams1/$f" "$work/diagrams2/$f"; done
[ -n "$(ls "$work/check1")" ] || fail "check wrote nothing"

if "$cqmcheck" estimate --help >/dev/null 2>&1; then
  for threads in 1 2; do
    for run in 1 2; do
      "$cqmcheck" estimate --preset kb-q292030 --clients 20000 --seed 5 --threads "$threads" --format json \
        > "$work/estimate-$threads-$run.json" 2>/dev/null || fail "estimate failed"
    done
  done
  same "$work/estimate-1-1.json" "$work/estimate-1-2.json"
  same "$work/estimate-1-1.json" "$work/estimate-2-1.json"
  same "$work/estimate-2-1.json" "$work/estimate-2-2.json"
fi
echo "determinism test: ok"
