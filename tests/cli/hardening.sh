#!/usr/bin/env bash
# Hardening II (issue 10): the reproductions found by 420 hostile inputs, typed as a user would. Each must give
# one clear line and exit 2, or stop within its bound with exit 3 and a complete output set or none.
set -u
export LC_ALL=C  # paths with bytes that are not UTF-8 are matched byte by byte
cqmcheck="$1"; data="$2"; work="$3"; sanitized="${4:-}"  # CQM_SANITIZE of the build, if any
rm -rf "$work"; mkdir -p "$work"; cd "$work" || exit 1
fail() { echo "hardening test: $*"; exit 1; }
run() {  # run NAME ARGS...: stdout to NAME.out, stderr to NAME.err; prints the exit code
  local name="$1"; shift
  "$cqmcheck" "$@" >"$name.out" 2>"$name.err"; echo $?
}
bad() {  # bad NAME REGEX ARGS...: exit 2 and exactly one line on stderr, matching REGEX
  local name="$1" regex="$2"; shift 2
  local rc; rc=$(run "$name" "$@")
  [ "$rc" = 2 ] || fail "$name: expected exit 2, got $rc: $(head -c 400 "$name.err")"
  [ "$(wc -l <"$name.err")" = 1 ] || fail "$name: expected one line on stderr, got: $(head -c 400 "$name.err")"
  grep -Eq -- "$regex" "$name.err" || fail "$name: '$(cat "$name.err")' does not match '$regex'"
}
absent() { [ ! -e "$1" ] || fail "$1 was left behind: $(ls -A "$1" 2>/dev/null)"; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# 1. Deep TOML: a dotted key of 50000 parts in every TOML reader, and in the config inside a trace.
deep=$(printf 'a.%.0s' $(seq 50000))a
echo "$deep=1" >deep.toml
bad deep_config "deep.toml:1: a dotted key of more than 64 parts" simulate --config deep.toml
bad deep_schedule "deep.toml:1: a dotted key of more than 64 parts" simulate --schedule deep.toml
bad deep_habits "deep.toml:1: a dotted key of more than 64 parts" estimate --habits deep.toml --clients 10
sed "s|^  \"config\": .*|  \"config\": \"$deep=1\",|" "$data/traces/kb-q292030.json" >deep.json
bad deep_trace "deep.json:[0-9]+: config: line 1 of the embedded config: a dotted key" replay deep.json

# 2. Bytes that are not UTF-8 in a path, a trace's member or a --vary value: valid JSON, the verdict kept.
rc=$(run utf8_out check --explorer exhaustive --format json --out $'nonutf/x\xff')
[ "$rc" = 1 ] || fail "utf8_out: expected exit 1 (VIOLATED), got $rc: $(cat utf8_out.err)"
grep -q '"verdict": "VIOLATED"' utf8_out.out || fail "utf8_out: the verdict was lost"
[ -f $'nonutf/x\xff/trace.json' ] || fail "utf8_out: the counterexample was not written"
sed 's|"explorer": "exhaustive"|"explorer": "ex\xffhaustive"|' "$data/traces/kb-q292030.json" >badexplorer.json
bad utf8_explorer "explorer" replay badexplorer.json --format json
bad utf8_vary "--vary cycle=6.0: .* is not an integer" sweep --vary $'cycle=6\xff0' --format json
bad utf8_habits "cannot open the file: No such file or directory" estimate --habits $'x\xff' --format json

# 3. A folder, a missing file or an empty name where a file is wanted: an error with the OS's reason.
mkdir -p adir
bad dir_config "adir: is a directory, not a file" simulate --config adir
bad dir_schedule "adir: is a directory, not a file" simulate --schedule adir
bad dir_habits "adir: is a directory, not a file" estimate --habits adir
bad dir_trace "adir: is a directory, not a file" replay adir
bad missing_config "nothere.toml: cannot open the file: No such file or directory" simulate --config nothere.toml

# 4. Endless input: refused at the cap while reading, whatever the memory left.
rc=$( (ulimit -v 1000000; "$cqmcheck" replay /dev/zero >zero.out 2>zero.err) 2>/dev/null; echo $?)
if grep -q "ReserveShadowMemoryRange" zero.err; then  # AddressSanitizer cannot start under ulimit -v
  rc=$(run zero replay /dev/zero)
fi
[ "$rc" = 2 ] || fail "/dev/zero: expected exit 2, got $rc: $(cat zero.err)"
grep -q "/dev/zero: larger than 64 MiB" zero.err || fail "/dev/zero: $(cat zero.err)"

# 5. estimate --out: a limit hit in the loss-vs-init-failure curve is INCONCLUSIVE, with no figures.
rc=$(run curve estimate --clients 20000 --curve-clients 20000 --max-states 2000000 --out curve --quiet)
[ "$rc" = 3 ] || fail "curve: expected exit 3, got $rc: $(cat curve.out curve.err)"
grep -q "the loss-vs-init-failure curve was stopped" curve.out || fail "curve: $(cat curve.out)"
absent curve

# 6. Every command's outputs are one set: a write failing at any file leaves none behind.
for nth in 1 2 4; do  # each writes four files
  CQM_TEST_FAIL_WRITE=$nth "$cqmcheck" sweep --vary cycle=60,1380 --clients 200 --out "sweep$nth" >/dev/null 2>&1
  absent "sweep$nth"
  CQM_TEST_FAIL_WRITE=$nth "$cqmcheck" estimate --clients 200 --curve-clients 200 --out "est$nth" >/dev/null 2>&1
  absent "est$nth"
done
for nth in 2 8 14 20; do  # two properties fail: the exhaustive explorer's files are 1 to 12, the random one's 13 to 24
  CQM_TEST_FAIL_WRITE=$nth "$cqmcheck" check --out "all$nth" --quiet >/dev/null 2>&1
  absent "all$nth"
done
"$cqmcheck" check --out all_written --quiet >/dev/null 2>&1
[ "$(find all_written -type f | wc -l)" = 24 ] || fail "check --explorer all no longer writes 24 files"
touch afile
started=$(date +%s%N)
bad junit_first "afile is not a folder" suite --junit afile/x.xml --out suite_out
[ "$(ms_since "$started")" -lt 2000 ] || fail "suite checked --junit only after its searches"
absent suite_out

# 7. The random explorer stops within one run of its limit or a signal, whatever the batch.
long="$data/configs/kb_long_lifetime.toml"
started=$(date +%s%N)
rc=$(run random_time check --config "$long" --explorer random --runs 100000000 --max-seconds 1 --quiet)
ms=$(ms_since "$started")
[ "$rc" = 3 ] || [ "$rc" = 1 ] || fail "random --max-seconds: exit $rc: $(cat random_time.err)"
[ "$ms" -lt 3000 ] || fail "random --max-seconds 1 took $ms ms"
"$cqmcheck" check --config "$long" --explorer random --runs 100000000 --quiet >twice.out 2>&1 &
pid=$!
sleep 1
kill -TERM "$pid"; kill -TERM "$pid" 2>/dev/null
started=$(date +%s%N)
wait "$pid"
[ "$(ms_since "$started")" -lt 1000 ] || fail "two SIGTERMs: the process did not end at once"

# 8. Sweeps are bounded: the grid, the whole sweep's time, and a signal.
bad big_grid "more than 10000 cells" sweep --vary "cycle=$(seq -s, 60 1 260)" --vary "lifetime=$(seq -s, 2000 1 2100)"
started=$(date +%s%N)
rc=$(run sweep_time sweep --vary cycle=60,240,720,1380 --clients 100000000 --max-seconds 1 --out sweep_time --quiet)
[ "$rc" = 3 ] || fail "sweep --max-seconds: expected exit 3, got $rc: $(cat sweep_time.err)"
[ "$(ms_since "$started")" -lt 3000 ] || fail "sweep --max-seconds 1 took $(ms_since "$started") ms"
absent sweep_time

# 9. --max-memory: the process's peak resident memory stays within 5 % of the cap. Under AddressSanitizer the
# shadow memory and the quarantine are on top of what the program holds: the bound is the plain build's.
big="$data/configs/big_state_space.toml"
caps="32 100"
[ -n "$sanitized" ] && caps=""
for cap_mib in $caps; do
  rc=$(CQM_TEST_PEAK_MEMORY=1 run "mem$cap_mib" check --config "$big" --explorer exhaustive --max-memory "${cap_mib}M" --quiet)
  [ "$rc" = 3 ] || fail "--max-memory ${cap_mib}M: expected exit 3, got $rc"
  peak=$(sed -n 's/^peak resident: \([0-9]*\) bytes$/\1/p' "mem$cap_mib.err")
  [ -n "$peak" ] || fail "no peak memory reported: $(cat "mem$cap_mib.err")"
  [ "$peak" -le $((cap_mib * 1048576 * 105 / 100)) ] || fail "--max-memory ${cap_mib}M held $peak bytes"
done

# 10. Numbers on the command line are range-checked, never wrapped, saturated or ignored.
bad mem_neg "--max-memory: expected a size" check --max-memory -1
bad mem_huge "--max-memory: .*overflow" check --max-memory 17179869184G
bad mem_wrap "--max-memory: .*overflow" check --max-memory 18014398509481985K
bad mem_tiny "--max-memory: at least 1M" check --max-memory 1K
bad seed_neg "--seed: expected a whole number, got '-1'" check --seed -1
bad seed_big "--seed: '18446744073709551616' lies outside" check --seed 18446744073709551616
bad clients_neg "--clients: expected a whole number" estimate --clients -1
bad states_neg "--max-states: expected a whole number" check --max-states -1
bad seconds_nan "--max-seconds: expected a number of seconds, got 'nan'" check --max-seconds nan
bad seconds_zero "--max-seconds: '0' lies outside" check --max-seconds 0
bad threads_zero "--threads: '0' lies outside" check --threads 0
bad runs_frac "--runs: expected a whole number, got '1.5'" check --runs 1.5

# 11. Messages that name the right key, line and reason.
printf 'name = "x"\n[day]\non_at = "day 0 25:00"\noff_at = "day 0 17:00"\n' >on_at.toml
bad on_at "on_at.toml:3: day.on_at" simulate --config on_at.toml
printf 'cqm = [1]\n' >cqm_array.toml
bad cqm_array "cqm: expected a table" simulate --config cqm_array.toml
printf '[day]\njitter = -5\n' >jitter.toml
bad jitter "jitter.toml:2: day.jitter" estimate --habits jitter.toml --clients 10

# 12. Free text has a documented length limit, checked when read.
printf 'name = "%s"\n' "$(printf 'n%.0s' $(seq 101))" >long_name.toml
bad long_name "long_name.toml:1: name: longer than 100 characters" simulate --config long_name.toml
printf 'summary = "%s"\n' "$(printf 's%.0s' $(seq 501))" >long_summary.toml
bad long_summary "long_summary.toml:1: summary: longer than 500 characters" simulate --config long_summary.toml

# 13. A suite where every search was stopped by a limit is INCONCLUSIVE (3), not a miss (1).
rc=$(run suite_cap suite --max-states 1 --out suite_cap --quiet)
[ "$rc" = 3 ] || fail "suite --max-states 1: expected exit 3, got $rc"

# 14 and 15. JUnit is the same bytes every run, even under a 254-character name.
name254=$(printf 'j%.0s' $(seq 250)).xml
run junit1 suite --max-states 2000 --out j1 --junit "$name254" --quiet >/dev/null
cp "$name254" junit1.xml
run junit2 suite --max-states 2000 --out j2 --junit "$name254" --quiet >/dev/null
cmp -s junit1.xml "$name254" || fail "JUnit differs between two runs of the same suite"

# 15. Empty names are refused, and a failed --out leaves no folder behind.
bad empty_config "--config: an empty name" simulate --config ''
bad empty_out "--out: an empty name" check --out ''
bad empty_junit "--junit: an empty name" suite --junit ''
CQM_TEST_FAIL_WRITE=1 "$cqmcheck" check --explorer exhaustive --out new/deeper/folder >/dev/null 2>&1
absent new
echo "hardening test: ok"
