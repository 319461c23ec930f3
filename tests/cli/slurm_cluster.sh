#!/usr/bin/env bash
# A sharded estimate on a real Slurm cluster: starts a one-node cluster on localhost (Debian's slurm-wlm and munge,
# every file in WORK/cluster: nothing from /etc/slurm or /etc/munge, no systemd, no cgroups), queues SHARDS shards
# and their merge through scripts/slurm/submit, and compares the merged JSON with the unsharded run's, byte for byte.
# Usage: slurm_cluster.sh CQMCHECK WORK
# Environment: CLIENTS [1000000], SEED [7], SHARDS [4], CQM_SLURM_TIMEOUT (seconds the jobs may take; default
# 120 plus twice the unsharded run's time).
# A cluster that cannot start fails the test with its logs' tails: it is never skipped.
set -u
cqmcheck=$1 work=$2
clients=${CLIENTS:-1000000} seed=${SEED:-7} shards=${SHARDS:-4}
submit=$(cd "$(dirname "$0")/../.." && pwd)/scripts/slurm/submit
[[ $cqmcheck == /* ]] || cqmcheck=$PWD/$cqmcheck
# Daemons are in sbin, which a CI shell's PATH may lack; a caller's Slurm job or sbatch defaults must not leak in.
PATH=$PATH:/usr/sbin:/sbin
while read -r var; do unset "$var"; done < <(compgen -e | grep -E '^(SLURM|SBATCH|SALLOC|SQUEUE|SINFO)_')

say() { echo "slurm cluster test: $*"; }
# Microseconds now; EPOCHREALTIME has the locale's decimal mark.
now() { echo $((10#${EPOCHREALTIME//[.,]/})); }
since() { local ms=$((($(now) - $1) / 1000)); printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100)); }
tails() {
  local f
  for f in "$@"; do
    [ -s "$f" ] || continue
    echo "--- tail of $f"
    tail -n 15 "$f" | cut -c1-300
  done
}
fail() {
  local log logs=("$cluster"/munge/munged.log)
  say "FAILED: $*"
  # A daemon in the foreground writes its log file and stderr alike: its stderr only tells when it died early.
  for log in "$cluster"/log/*.out; do [ -s "${log%.out}.log" ] && logs+=("${log%.out}.log") || logs+=("$log"); done
  tails "${logs[@]}" "$work"/sharded/logs/*
  exit 1
}

# A previous run stopped by force (a CTest timeout) may have left its daemons: end those started on this folder.
if [ -d "$work/cluster" ]; then
  old=$(readlink -f "$work/cluster")
  for pidfile in "$old"/slurmctld.pid "$old"/slurmd.pid "$old"/munge/munged.pid; do
    pid=$(cat "$pidfile" 2>/dev/null) || continue
    grep -qF "$old/" "/proc/$pid/cmdline" 2>/dev/null && kill -KILL "$pid"
  done
  [[ $old == /tmp/cqm-slurm.* ]] && rm -rf "$old"
fi
rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)
# Unix sockets (munge's, slurmd's per job step) must fit in 108 bytes: a deep build folder gets a short one in /tmp.
cluster=$work/cluster
if ((${#cluster} > 60)); then
  cluster=$(mktemp -d /tmp/cqm-slurm.XXXXXX)
  ln -s "$cluster" "$work/cluster"
fi
mkdir -p "$cluster"/{munge,state,spool,log}

for tool in munged mungekey munge unmunge slurmctld slurmd sinfo squeue sbatch scontrol scancel timeout; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (scripts/setup installs slurm-wlm and munge)"
done

ctld_pid='' slurmd_pid='' array='' merge=''
stop_cluster() {
  local t pid i
  t=$(now)
  if [ -n "$merge" ] && [ -n "$(squeue -h -o %i 2>/dev/null)" ]; then
    scancel "$array" "$merge" >/dev/null 2>&1
    for ((i = 0; i < 25; i++)); do [ -z "$(squeue -h -o %i 2>/dev/null)" ] && break; sleep 0.2; done
  fi
  [ -n "$ctld_pid" ] && kill -0 "$ctld_pid" 2>/dev/null && scontrol shutdown >/dev/null 2>&1
  for pid in $ctld_pid $slurmd_pid; do
    for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null
  done
  [ -S "$cluster/munge/munge.socket" ] && munged -s --socket="$cluster/munge/munge.socket" >/dev/null 2>&1
  say "cluster stopped in $(since "$t"); its files are in $work/cluster"
}
trap stop_cluster EXIT
trap 'exit 1' INT TERM HUP

# munge: its own key, socket and logs. -f because munged checks every folder above them (the socket's must be
# searchable by all, none group-writable), and those are the CI's, not ours; as root its checks are only advice.
t=$(now)
chmod 755 "$cluster/munge"
mungekey --create --keyfile="$cluster/munge/munge.key" || fail "mungekey failed"
munged -f --origin=127.0.0.1 --socket="$cluster/munge/munge.socket" --key-file="$cluster/munge/munge.key" \
  --pid-file="$cluster/munge/munged.pid" --log-file="$cluster/munge/munged.log" \
  --seed-file="$cluster/munge/munged.seed" || fail "munged did not start"
munge -n -S "$cluster/munge/munge.socket" | unmunge -S "$cluster/munge/munge.socket" >/dev/null ||
  fail "munged does not answer on $cluster/munge/munge.socket"

# Two free ports next to each other, from our pid so that two runs on one machine do not pick the same.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=$((20000 + ($$ % 10000) * 2))
for ((i = 0; i < 50; i++)); do
  port_free "$port" && port_free $((port + 1)) && break
  port=$((port + 2))
done

# The node as slurmd sees this machine (CPUs, sockets, cores), less its name and memory: it is named cqm, reached on
# 127.0.0.1 whatever the host's name resolves to, and memory is not scheduled.
node=$(slurmd -C | head -n 1 | sed -e 's/^NodeName=[^ ]* //' -e 's/ RealMemory=[^ ]*//')
[[ $node == CPUs=* ]] || fail "slurmd -C printed no node description: $node"
touch "$cluster/plugstack.conf"
cat >"$cluster/slurm.conf" <<EOF
ClusterName=cqm
SlurmctldHost=localhost
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$cluster/munge/munge.socket
StateSaveLocation=$cluster/state
SlurmdSpoolDir=$cluster/spool
SlurmctldPidFile=$cluster/slurmctld.pid
SlurmdPidFile=$cluster/slurmd.pid
SlurmctldLogFile=$cluster/log/slurmctld.log
SlurmdLogFile=$cluster/log/slurmd.log
PlugStackConfig=$cluster/plugstack.conf
# No cgroups in a container: processes are tracked through /proc, tasks are not bound.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
# The next job starts within a second of one that ends, not three.
SchedulerParameters=batch_sched_delay=0
NodeName=cqm NodeAddr=127.0.0.1 $node State=UNKNOWN
PartitionName=batch Nodes=cqm Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$cluster/slurm.conf
# In the foreground (-D) as our children: their pids are ours to stop, their early errors land in log/*.out.
slurmctld -D -f "$SLURM_CONF" >"$cluster/log/slurmctld.out" 2>&1 &
ctld_pid=$!
slurmd -D -N cqm -f "$SLURM_CONF" >"$cluster/log/slurmd.out" 2>&1 &
slurmd_pid=$!
for ((i = 0; ; i++)); do
  kill -0 "$ctld_pid" 2>/dev/null || fail "slurmctld exited"
  kill -0 "$slurmd_pid" 2>/dev/null || fail "slurmd exited"
  # sinfo only once slurmctld listens: before, it would wait some 10 s for it.
  ! port_free "$port" && [ "$(timeout 10 sinfo -h -n cqm -o %T 2>/dev/null)" = idle ] && break
  ((i < 150)) || fail "node cqm not idle after 30 s: $(sinfo -h -N -o '%N %T %E' 2>&1)"
  sleep 0.2
done
say "cluster up in $(since "$t") (ports $port, $((port + 1)); node cqm: $node)"

t=$(now)
"$cqmcheck" estimate --preset kb-q292030 --clients "$clients" --seed "$seed" --threads 1 --quiet --format json \
  >"$work/single.json" 2>"$work/single.err" || fail "unsharded estimate failed: $(head -c 500 "$work/single.err")"
single_us=$(($(now) - t))
say "unsharded estimate of $clients clients in $(since "$t")"

t=$(now)
merge=$(cd "$work" && SHARDS=$shards CQMCHECK=$cqmcheck PRESET=kb-q292030 CLIENTS=$clients SEED=$seed THREADS=1 \
  OUT=$work/sharded "$submit" 2>"$work/submit.err") || fail "submit failed: $(cat "$work/submit.err")"
array=$(grep -o 'array job [0-9]*' "$work/submit.err" | grep -o '[0-9]*$')
[[ $merge =~ ^[0-9]+$ && -n $array ]] || fail "submit printed no job ids: $merge $(cat "$work/submit.err")"
timeout=${CQM_SLURM_TIMEOUT:-$((120 + 2 * single_us / 1000000))}
deadline=$((t + timeout * 1000000))
while :; do
  state=$(scontrol show job -o "$merge" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2)
  case $state in PENDING | CONFIGURING | RUNNING | COMPLETING | SUSPENDED | REQUEUED | RESIZING | '') ;; *) break ;; esac
  (($(now) < deadline)) || {
    state="still ${state:-unknown} after $timeout s"
    break
  }
  sleep 0.2
done
if [ "$state" != COMPLETED ]; then
  fail "merge job $merge: $state; shards (array job $array): $(scontrol show job -o "$array" 2>&1 |
    grep -o 'ArrayTaskId=[0-9,-]*\|JobState=[A-Z_]*\|ExitCode=[0-9:]*' | paste -sd' ')"
fi
say "$shards shards and their merge (jobs $array, $merge) in $(since "$t")"

merged=$work/sharded/merged/estimate.json
[ -f "$merged" ] || fail "the merge job completed but wrote no $merged"
if ! cmp -s "$work/single.json" "$merged"; then
  say "FAILED: $merged differs from the unsharded run's $work/single.json: $(cmp "$work/single.json" "$merged" 2>&1)"
  diff "$work/single.json" "$merged" | head -n 20 | cut -c1-300
  exit 1
fi
say "ok: the merged JSON is the unsharded run's, byte for byte"
