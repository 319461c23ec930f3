#!/usr/bin/env bash
# Measures what doc/hardening.md promises: the largest input each reader takes, the memory it uses per input
# byte, and how long every command takes to stop after SIGINT/SIGTERM and after each limit. Prints a Markdown
# table per measure. Usage: bench/hardening_bounds.sh [build/cqmcheck]. Run it on an idle machine.
set -u
C="$(realpath "${1:-build/cqmcheck}")"
data="$(cd "$(dirname "$0")/../tests/data" && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
mib=1048576

peak() {  # peak ARGS...: runs cqmcheck, prints "exit peak_bytes seconds"
  local t0; t0=$(date +%s%N)
  CQM_TEST_PEAK_MEMORY=1 "$C" "$@" >run.out 2>run.err
  local rc=$? ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  echo "$rc $(sed -n 's/^peak resident: \([0-9]*\) bytes$/\1/p' run.err) $ms"
}

# ---- Readers: a 60 MiB input of each kind (comments around a valid file, or dense valid content), and one
# byte past the 64 MiB cap.
pad() {  # pad FILE MIB: appends comment lines up to MIB MiB
  local line; line="# $(printf 'x%.0s' $(seq 100))"
  local n=$(( $2 * mib / ${#line} ))
  yes "$line" | head -n "$n" >>"$1"
}
baseline=$(peak presets | cut -d' ' -f2)
echo "| input | size | exit | peak resident | above an empty run, per input byte | time |"
echo "| --- | --- | --- | --- | --- | --- |"
report() {  # report LABEL FILE ARGS...
  local label="$1" file="$2"; shift 2
  local size; size=$(stat -c %s "$file")
  read -r rc bytes ms < <(peak "$@")
  printf '| %s | %.1f MiB | %s | %.0f MiB | %.2f | %.2f s |\n' "$label" "$(echo "$size / $mib" | bc -l)" "$rc" \
    "$(echo "$bytes / $mib" | bc -l)" "$(echo "($bytes - $baseline) / $size" | bc -l)" "$(echo "$ms / 1000" | bc -l)"
}
cp "$data/configs/fix_short_retry_60.toml" config.toml && pad config.toml 60
report "config, comments" config.toml simulate --config config.toml
cp "$data/habits/office.toml" habits.toml && pad habits.toml 60
report "habits, comments" habits.toml estimate --habits habits.toml --clients 1000
{
  echo 'init = []'; echo 'init_otherwise = "ok"'
  for day in $(seq 0 4999); do
    for h in 08 09 10 11 12 13 14 15 16 17; do
      printf '[[event]]\nat = "day %d %s:00"\ndo = "power_on"\n\n[[event]]\nat = "day %d %s:30"\ndo = "power_off"\n\n' \
        "$day" "$h" "$day" "$h"
    done
  done
} >schedule.toml
report "schedule, 100000 events" schedule.toml simulate --schedule schedule.toml
# A trace whose "reason" member is 60 MiB: the JSON reader's own cost per byte.
{
  sed -n '/^  "reason"/q;p' "$data/traces/kb-q292030.json"
  printf '  "reason": "'; head -c $((60 * mib)) /dev/zero | tr '\0' r; printf '",\n'
  sed -n '/^  "reason"/,$p' "$data/traces/kb-q292030.json" | tail -n +2
} >trace.json
report "trace, a 60 MiB member" trace.json replay trace.json
head -c $((64 * mib + 1)) /dev/zero | tr '\0' '#' >over.toml
report "config, 64 MiB + 1 byte" over.toml simulate --config over.toml

# ---- Stop latency: from the signal (or the limit's moment) to the process's end.
echo
echo "| command | stop | after | latency |"
echo "| --- | --- | --- | --- |"
latency() {  # latency SIGNAL DELAY LABEL ARGS...
  local sig="$1" delay="$2" label="$3"; shift 3
  "$C" "$@" --quiet >/dev/null 2>&1 &
  local pid=$!
  sleep "$delay"
  local t0; t0=$(date +%s%N)
  kill -s "$sig" "$pid" 2>/dev/null
  wait "$pid"
  echo "| $label | SIG$sig | ${delay} s | $(( ($(date +%s%N) - t0) / 1000000 )) ms |"
}
big="$data/configs/big_state_space.toml"
long="$data/configs/kb_long_lifetime.toml"
for sig in INT TERM; do
  latency "$sig" 1 "check --explorer exhaustive" check --config "$big" --explorer exhaustive
  latency "$sig" 1 "check --explorer random" check --config "$long" --explorer random --runs 100000000
  latency "$sig" 1 "estimate" estimate --clients 1000000000
  latency "$sig" 1 "sweep" sweep --vary cycle=60,240,720,1380 --clients 100000000
  latency "$sig" 1 "suite" suite --out suite
done
limit() {  # limit LABEL LIMIT ARGS...: how far past a 1 s limit the command ends
  local label="$1" what="$2"; shift 2
  local t0; t0=$(date +%s%N)
  "$C" "$@" --quiet >/dev/null 2>&1
  echo "| $label | $what | 1 s | $(( ($(date +%s%N) - t0) / 1000000 - 1000 )) ms past it |"
}
limit "check --explorer exhaustive" --max-seconds check --config "$big" --explorer exhaustive --max-seconds 1
limit "check --explorer random" --max-seconds check --config "$long" --explorer random --runs 100000000 \
  --max-seconds 1
limit "estimate" --max-seconds estimate --clients 1000000000 --max-seconds 1
limit "estimate --out (in the curve)" --max-seconds estimate --clients 300000 --curve-clients 300000 \
  --max-seconds 1 --out curve
limit "sweep" --max-seconds sweep --vary cycle=60,240,720,1380 --clients 100000000 --max-seconds 1

# ---- --max-memory: the peak resident memory against the cap.
echo
echo "| command | --max-memory | exit | peak resident |"
echo "| --- | --- | --- | --- |"
for cap in 32 100 300; do
  read -r rc bytes ms < <(peak check --config "$big" --explorer exhaustive --max-memory "${cap}M" --quiet)
  printf '| check --explorer exhaustive | %s MiB | %s | %.1f MiB (%.0f %% of the cap) |\n' "$cap" "$rc" \
    "$(echo "$bytes / $mib" | bc -l)" "$(echo "100 * $bytes / ($cap * $mib)" | bc -l)"
done
# estimate holds the same few MiB whatever --clients: a cap above it is never reached.
read -r rc bytes ms < <(peak estimate --clients 2000000 --max-memory 32M --quiet)
printf '| estimate --clients 2000000 | 32 MiB | %s | %.1f MiB |\n' "$rc" "$(echo "$bytes / $mib" | bc -l)"
