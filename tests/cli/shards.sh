#!/usr/bin/env bash
# Sharded runs merge into the unsharded run's bytes (doc/cluster.md): an estimate as 1 and 4 shards (more
# shards than sites included), a sweep as 3 shards; and merge's refusals: each bad input one line naming the
# file and the key, exit 2, nothing written.
set -u
cqmcheck="$1"; work="$2"
data="$(cd "$(dirname "$0")/../data" && pwd)"
rm -rf "$work"; mkdir -p "$work"
fail() { echo "shards test: $*"; exit 1; }
same() { cmp "$1" "$2" || { diff "$1" "$2" | head -20; fail "$1 and $2 differ"; }; }

# --- estimate: 1 shard and 4 (threads mixed, files given out of order)
est=(estimate --preset kb-q292030 --clients 30000 --seed 7 --quiet --format json)
"$cqmcheck" "${est[@]}" --threads 2 > "$work/single.json" || fail "the unsharded estimate failed"
"$cqmcheck" "${est[@]}" --shard 0/1 > "$work/one_0.json" || fail "shard 0/1 failed"
"$cqmcheck" merge "$work/one_0.json" --out "$work/one" > "$work/one.stdout" || fail "merging 1 shard failed"
same "$work/single.json" "$work/one/estimate.json"
same "$work/single.json" "$work/one.stdout"
for i in 0 1 2 3; do
  "$cqmcheck" "${est[@]}" --threads $((i % 2 + 1)) --shard "$i/4" > "$work/shard_$i.json" || fail "shard $i/4 failed"
done
grep -q '"format": "cqm-model estimate shard"' "$work/shard_2.json" || fail "a shard printed no shard JSON"
"$cqmcheck" merge "$work/shard_3.json" "$work/shard_1.json" "$work/shard_0.json" "$work/shard_2.json" \
  --out "$work/four" > /dev/null || fail "merging 4 shards failed"
same "$work/single.json" "$work/four/estimate.json"
# More shards than clients: the empty shards add nothing.
"$cqmcheck" estimate --preset kb-q292030 --clients 3 --seed 2 --quiet --format json > "$work/tiny.json"
for i in 0 1 2 3 4; do
  "$cqmcheck" estimate --preset kb-q292030 --clients 3 --seed 2 --quiet --format json --shard "$i/5" \
    > "$work/tiny_$i.json" || fail "tiny shard $i failed"
done
"$cqmcheck" merge "$work"/tiny_?.json --out "$work/tiny" > /dev/null || fail "merging the tiny shards failed"
same "$work/tiny.json" "$work/tiny/estimate.json"

# --- sweep: 4 cells as 3 shards
sweep=(sweep --preset kb-q292030 --clients 2000 --seed 3 --quiet --format json
       --vary cqm.wake_up_cycle=60,1380 --vary cqm.item_lifetime=2880,11520)
"$cqmcheck" "${sweep[@]}" > "$work/sweep.json" || fail "the unsharded sweep failed"
for i in 0 1 2; do
  "$cqmcheck" "${sweep[@]}" --shard "$i/3" > "$work/sweep_$i.json" || fail "sweep shard $i/3 failed"
done
"$cqmcheck" merge "$work"/sweep_?.json --out "$work/sweep" > /dev/null || fail "merging the sweep failed"
same "$work/sweep.json" "$work/sweep/sweep.json"

# --- the random explorer: 1 and 4 shards, the bug (a failing batch in some shard) and a fix (every batch
# passes). The merged JSON is the unsharded run's but for the seconds each took.
untimed() { grep -v '^ *"seconds": ' "$1"; }
for preset in kb-q292030 fix-reconnect; do
  rnd=(check --preset "$preset" --explorer random --runs 9000 --seed 5 --quiet)
  "$cqmcheck" "${rnd[@]}" --format json > "$work/$preset.json"
  expected=$?
  for n in 1 4; do
    rm -f "$work"/rnd_*.json
    for ((i = 0; i < n; i++)); do
      "$cqmcheck" "${rnd[@]}" --shard "$i/$n" > "$work/rnd_$i.json" || fail "$preset random shard $i/$n failed"
    done
    "$cqmcheck" merge "$work"/rnd_*.json --out "$work/$preset-$n" > /dev/null
    rc=$?
    [ "$rc" = "$expected" ] || fail "$preset: merge of $n random shards exits $rc, the unsharded check $expected"
    cmp <(untimed "$work/$preset.json") <(untimed "$work/$preset-$n/check.json") ||
      { diff "$work/$preset.json" "$work/$preset-$n/check.json" | head; fail "$preset: $n random shards differ"; }
  done
done
grep -q '"passed": false' "$work"/rnd_*.json && fail "fix-reconnect: a shard reports a failing batch"

# --- refusals: exit 2, one line naming the file (and the key), nothing written
. "$(dirname "$0")/refuse.sh"
refuse "a missing shard" "shard 2 is missing" merge "$work"/shard_{0,1,3}.json --out "$work/refused"
refuse "a shard twice" "given twice" merge "$work"/shard_{0,1,1,2,3}.json --out "$work/refused"
refuse "one shard short" "4 shards make the run" merge "$work"/shard_{0,1,2}.json --out "$work/refused"
sed 's/"seed": 7/"seed": 8/' "$work/shard_3.json" > "$work/other_seed.json"
refuse "another run's shard" "other_seed.json" merge "$work"/shard_{0,1,2}.json "$work/other_seed.json" \
  --out "$work/refused"
refuse "another run's shard (key)" "/shard" merge "$work"/shard_{0,1,2}.json "$work/other_seed.json" \
  --out "$work/refused"
sed 's/"lost": \([0-9]*\)/"lost": "many"/' "$work/shard_1.json" > "$work/bad_lost.json"
refuse "a bad tally" "/part/lost" merge "$work"/shard_0.json "$work/bad_lost.json" "$work"/shard_{2,3}.json \
  --out "$work/refused"
python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); j["part"]["lost"]+=1; print(json.dumps(j))' \
  "$work/shard_1.json" > "$work/lost_more.json"
refuse "tallies that do not add up" "/part/lost_by_path" merge "$work"/shard_0.json "$work/lost_more.json" \
  "$work"/shard_{2,3}.json --out "$work/refused"
# What the fuzzer found (fuzz/shards_fuzz.cpp): a sweep shard whose "sweep" was renamed threw from the merge.
refuse "a sweep shard without its sweep" "/sweep" merge "$data/fuzz/shards/sweep_without_a_sweep.json" \
  --out "$work/refused"
echo "not json" > "$work/not.json"
refuse "not JSON" "not.json" merge "$work/not.json" --out "$work/refused"
refuse "a shard past N" "--shard" "${est[@]}" --shard 4/4
refuse "a shard with --out" "--out" "${est[@]}" --shard 0/4 --out "$work/refused"
refuse "an exhaustive shard" "--explorer random" check --preset kb-q292030 --explorer exhaustive --shard 0/2
refuse "shards of two commands" "rnd_0.json" merge "$work/shard_0.json" "$work/rnd_0.json" --out "$work/refused"
echo "shards test: ok"
