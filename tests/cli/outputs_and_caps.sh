#!/usr/bin/env bash
# Bounded searches end INCONCLUSIVE (exit 3) with the figures reached; outputs are all-or-nothing: a read-only
# folder, a full disk or a failing write exits 2 and leaves no file, whole or partial, behind.
set -u
cqmcheck="$1"; data="$2"; work="$3"
rm -rf "$work"; mkdir -p "$work"
fail() { echo "outputs/caps test: $*"; exit 1; }
expect() {  # expect CODE OUTFILE ARGS...
  local code="$1" out="$2"; shift 2
  "$cqmcheck" "$@" >"$out" 2>&1; local rc=$?
  [ "$rc" = "$code" ] || fail "cqmcheck $*: expected exit $code, got $rc: $(cat "$out")"
}
nothing_in() { [ -z "$(ls -A "$1" 2>/dev/null)" ] || fail "$1 is not empty: $(ls -A "$1")"; }

# Caps: each ends the search INCONCLUSIVE, with the figures reached.
big="$data/configs/big_state_space.toml"
expect 3 "$work/cap1" check --preset kb-q292030 --explorer exhaustive --max-states 10
grep -q "INCONCLUSIVE (state limit reached)" "$work/cap1" || fail "max-states: $(cat "$work/cap1")"
expect 3 "$work/cap2" check --config "$big" --explorer exhaustive --max-memory 8M --quiet
grep -q "memory limit reached" "$work/cap2" || fail "max-memory: $(cat "$work/cap2")"
expect 3 "$work/cap3" check --config "$big" --explorer exhaustive --max-seconds 0.5 --quiet
grep -q "time limit reached" "$work/cap3" || fail "max-seconds: $(cat "$work/cap3")"
expect 3 "$work/cap4" check --preset fix-short-retry --explorer random --runs 1000000 --max-states 20000 --quiet
grep -q "state limit reached" "$work/cap4" || fail "random max-states: $(cat "$work/cap4")"
expect 3 "$work/cap5" check --preset fix-short-retry --explorer random --runs 100000000 --max-seconds 0.5 --quiet
grep -q "time limit reached" "$work/cap5" || fail "random max-seconds: $(cat "$work/cap5")"
expect 3 "$work/cap6" check --preset fix-short-retry --explorer random --runs 1000000 --max-memory 1M --quiet
grep -q "memory limit reached" "$work/cap6" || fail "random max-memory: $(cat "$work/cap6")"
expect 3 "$work/cap8" estimate --preset kb-q292030 --clients 100000000 --max-seconds 0.5 --quiet
grep -q "INCONCLUSIVE (time limit reached)" "$work/cap8" || fail "estimate max-seconds: $(cat "$work/cap8")"
expect 3 "$work/cap9" estimate --preset kb-q292030 --clients 1000000 --max-states 50000 --quiet
grep -q "INCONCLUSIVE (state limit reached)" "$work/cap9" || fail "estimate max-states: $(cat "$work/cap9")"
expect 3 "$work/cap10" estimate --preset kb-q292030 --clients 1000000 --max-memory 1M --quiet
grep -q "memory limit reached" "$work/cap10" || fail "estimate max-memory: $(cat "$work/cap10")"
expect 2 "$work/cap7" check --preset kb-q292030 --max-memory lots
grep -q -- "--max-memory" "$work/cap7" || fail "a bad size must name --max-memory"

# A read-only folder. Root ignores permission bits, so as root the folder is made immutable instead.
ro="$work/readonly"; mkdir -p "$ro"
if [ "$(id -u)" = 0 ]; then chattr +i "$ro" 2>/dev/null || ro=""; else chmod 555 "$ro"; fi
if [ -n "$ro" ]; then
  expect 2 "$work/ro1" check --preset kb-q292030 --explorer exhaustive --out "$ro"
  grep -q "cannot write\|not writable" "$work/ro1" || fail "read-only: unclear message: $(cat "$work/ro1")"
  expect 2 "$work/ro2" check --preset kb-q292030 --explorer exhaustive --out "$ro/sub"
  [ "$(id -u)" = 0 ] && chattr -i "$ro" || chmod 755 "$ro"
  nothing_in "$ro"
fi

# A full disk: a 16 KiB tmpfs, where root may mount one.
full="$work/full"; mkdir -p "$full"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=16k tmpfs "$full" 2>/dev/null; then
  expect 2 "$work/full1" check --preset kb-q292030 --explorer exhaustive --out "$full"
  grep -q "No space left on device" "$work/full1" || fail "full disk: unclear message: $(cat "$work/full1")"
  nothing_in "$full"
  umount "$full"
fi

# An injected write failure on the second file: the first must not be left behind either.
inj="$work/injected"
CQM_TEST_FAIL_WRITE=2 "$cqmcheck" check --preset kb-q292030 --explorer exhaustive --out "$inj" >"$work/inj" 2>&1
rc=$?
[ "$rc" = 2 ] || fail "injected failure: expected exit 2, got $rc"
nothing_in "$inj"
echo "outputs/caps test: ok"
