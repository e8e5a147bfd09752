#!/usr/bin/env bash
# make bench-slurm: the Slurm recipe of pipelines/README.md run for real on this machine.
#
# Starts a throw-away single-node Slurm (munged, slurmctld, slurmd; configuration, state and
# logs in a temporary folder; nothing under /etc is changed), then:
#   1. a 4-shard job array (pipelines/slurm/scrutiny-array.sbatch) over ~34 papers of this
#      repository (text exports, born-digital PDFs, scans, two files that must fail), and the
#      merge (pipelines/slurm/merge.sbatch) with --dependency=afterok on the array;
#   2. a failed shard: one shard's corpus is removed and the shard resubmitted with a crash
#      injected (SCRUTINY_TEST_TRAP_ON), the merge queued after it is cancelled by Slurm; the
#      shard is resubmitted without the crash (it resumes), and merged again into the same
#      corpus: the row counts must not change (no duplicates);
#   3. the same papers on one machine (`scrutiny run --jobs 2`), and every table of
#      corpus.sqlite (as row multisets, without run-specific columns) and every JSONL export
#      compared with the merged corpus.
# Prints shards, times, row counts per table and PASS/FAIL; exit status 0 only on PASS.
#
# Environment: SCRUTINY (default .build/release/scrutiny), SHARDS (4), FIXTURES (a folder of
# papers to use instead of the repository's), KEEP=1 (keep the temporary folder),
# SLURM_PORT (first of two TCP ports, default 16817).
set -uo pipefail
cd "$(dirname "$0")/../.."
REPO=$(pwd)
export OMP_THREAD_LIMIT=1
SCRUTINY=$(realpath "${SCRUTINY:-.build/release/scrutiny}")
SHARDS=${SHARDS:-4}
PORT=${SLURM_PORT:-16817}
[ -x "$SCRUTINY" ] || { echo "no scrutiny executable at $SCRUTINY (make build, or SCRUTINY=…)"; exit 2; }

say() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.1f", b - a}'; }

# --- Slurm and munge, installed when missing ---------------------------------------------------
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  say "installing slurm-wlm and munge"
  $SUDO apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=900 slurm-wlm munge >/dev/null ||
    { echo "could not install slurm-wlm/munge"; exit 2; }
fi

T=$(mktemp -d /tmp/slurm-bench.XXXXXX)
chmod 755 "$T"
mkdir -p "$T"/{munge,state,spool,logs,shards,papers}
chmod 700 "$T/munge"
export SLURM_CONF="$T/slurm.conf"
cleanup() {
  say "stopping the daemons"
  for p in slurmd slurmctld munged; do
    [ -f "$T/$p.pid" ] && $SUDO kill "$(cat "$T/$p.pid")" 2>/dev/null
  done
  sleep 1
  for p in slurmd slurmctld munged; do
    [ -f "$T/$p.pid" ] && $SUDO kill -9 "$(cat "$T/$p.pid")" 2>/dev/null
  done
  if [ "${KEEP:-0}" = 1 ]; then say "kept $T"; else $SUDO rm -rf "$T"; fi
}
trap cleanup EXIT

# munged with its own key and socket (the system's munge, if any, is left alone)
dd if=/dev/urandom of="$T/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$T/munge/munge.key"
$SUDO munged --force --socket="$T/munge/munge.socket" --key-file="$T/munge/munge.key" \
  --pid-file="$T/munged.pid" --log-file="$T/munge/munged.log" --seed-file="$T/munge/munged.seed" ||
  { echo "munged did not start"; cat "$T/munge/munged.log"; exit 2; }

HOST=$(hostname -s)
CPUS=$(getconf _NPROCESSORS_ONLN)   # not nproc: it obeys OMP_THREAD_LIMIT
MEM=$(awk '/MemTotal/ {printf "%d", $2 / 1024 * 0.9}' /proc/meminfo)
cat > "$SLURM_CONF" <<EOF
# single-node Slurm for Tests/Bench/slurm.sh (temporary)
ClusterName=scrutinybench
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=$PORT
SlurmdPort=$((PORT + 1))
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$T/munge/munge.socket
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$T/state
SlurmdSpoolDir=$T/spool
SlurmctldPidFile=$T/slurmctld.pid
SlurmdPidFile=$T/slurmd.pid
SlurmctldLogFile=$T/slurmctld.log
SlurmdLogFile=$T/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
ReturnToService=2
MinJobAge=3600
KillWait=5
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=$CPUS RealMemory=$MEM State=UNKNOWN
PartitionName=bench Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
EOF
$SUDO slurmctld -f "$SLURM_CONF" || { echo "slurmctld did not start"; cat "$T/slurmctld.log"; exit 2; }
$SUDO slurmd -f "$SLURM_CONF" || { echo "slurmd did not start"; cat "$T/slurmd.log"; exit 2; }
for ((k = 0; k < 60; k++)); do
  state=$(sinfo -h -n "$HOST" -o %t 2>/dev/null)
  case $state in idle*|mix*|alloc*) break ;; esac
  sleep 1
done
if [[ ! $state =~ ^(idle|mix|alloc) ]]; then
  echo "the node did not come up (state: ${state:-none})"; tail -20 "$T/slurmctld.log" "$T/slurmd.log"; exit 2
fi
say "slurm up: node $HOST, $CPUS CPUs, partition bench ($(sinfo -V))"

# --- the papers: from this repository (a clean clone has them), else FIXTURES --------------------
if [ -n "${FIXTURES:-}" ]; then
  find "$FIXTURES" -type f \( -name '*.txt' -o -name '*.pdf' -o -name '*.png' -o -name '*.jpg' \) | sort | head -n "${MAX_PAPERS:-32}" > "$T/list"
else
  {
    ls Tests/Fixtures/text/*.txt Tests/Fixtures/gen/*/*.txt          # text exports
    ls corpus/samples/*.pdf Tests/Fixtures/pdf/split-table.pdf         # born-digital PDFs and a scan PDF
    ls Tests/Fixtures/ocr/*.png Tests/Fixtures/ocr/*.jpg               # page scans (images)
    ls Tests/Fixtures/pdf/encrypted.pdf Tests/Fixtures/pdf/zero-pages.pdf  # must fail: failures rows
  } 2>/dev/null | while read -r f; do realpath "$f"; done > "$T/list"
  if [ "$(wc -l < "$T/list")" -lt 8 ]; then
    FIXTURES=/work/shared/fixtures
    find "$FIXTURES" -type f \( -name '*.txt' -o -name '*.pdf' \) | sort | head -n 32 > "$T/list"
  fi
fi
PAPERS=$(wc -l < "$T/list")
[ "$PAPERS" -gt 0 ] || { echo "no papers found"; exit 2; }
say "papers: $PAPERS ($(grep -c '\.txt$' "$T/list") text, $(grep -c '\.scan\.pdf$' "$T/list") scan PDFs, $(grep -Ec '\.(png|jpg)$' "$T/list") images, the rest PDFs)"

# --- helpers ------------------------------------------------------------------------------------
ARRAY_SCRIPT=$REPO/pipelines/slurm/scrutiny-array.sbatch
MERGE_SCRIPT=$REPO/pipelines/slurm/merge.sbatch
CORPUS=$T/merged
common=(--parsable --chdir="$T" --cpus-per-task=1 --mem=1G --time=30:00)
env_array="ALL,SCRUTINY=$SCRUTINY,FILE_LIST=$T/list,SHARD_ROOT=$T/shards,SHARDS=$SHARDS,TIME_LIMIT=600"
env_merge="ALL,SCRUTINY=$SCRUTINY,SHARD_ROOT=$T/shards,CORPUS=$CORPUS"

# waits until none of the jobs is queued or running
wait_jobs() {
  while [ -n "$(squeue -h -j "$(IFS=,; echo "$*")" -o %i 2>/dev/null)" ]; do sleep 1; done
}
# "STATE EXIT" of a job (or every task of an array job, one line each)
job_states() { scontrol -o show job "$1" | grep -o 'JobState=[A-Z_]* .*ExitCode=[0-9:]*' | sed -E 's/JobState=([A-Z_]+).*ExitCode=([0-9:]+)/\1 \2/'; }
job_reason() { scontrol -o show job "$1" | grep -o 'Reason=[^ ]*' | head -1; }
counts() {  # table:rows … of a corpus
  python3 - "$1/corpus.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'search_index_%' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
print(" ".join("%s:%d" % (n, db.execute('SELECT COUNT(*) FROM "%s"' % n).fetchone()[0]) for n in names))
PY
}

FAIL=0
fail() { echo "FAIL: $*"; FAIL=1; }

# --- 1. the array and the merge -----------------------------------------------------------------
say "1. sbatch --array=1-$SHARDS scrutiny-array.sbatch, then merge.sbatch --dependency=afterok"
t0=$(now)
array=$(sbatch "${common[@]}" --array=1-"$SHARDS" --export="$env_array" \
  --output="$T/logs/array-%A_%a.log" "$ARRAY_SCRIPT") || { fail "sbatch array"; exit 1; }
merge=$(sbatch "${common[@]}" --dependency=afterok:"$array" --kill-on-invalid-dep=yes --export="$env_merge" \
  --output="$T/logs/merge-%j.log" "$MERGE_SCRIPT") || { fail "sbatch merge"; exit 1; }
say "   array job $array, merge job $merge (pending: $(job_reason "$merge"))"
wait_jobs "$array"
t1=$(now)
wait_jobs "$merge"
t2=$(now)
T_ARRAY=$(secs "$t0" "$t1"); T_MERGE=$(secs "$t1" "$t2"); T_SLURM=$(secs "$t0" "$t2")
echo "   shards:"
for ((i = 1; i <= SHARDS; i++)); do
  log="$T/logs/array-${array}_$i.log"
  st=$(job_states "${array}_$i")
  files=$(grep -o '[0-9]* files from' "$log" | cut -d' ' -f1)
  took=$(grep -o 'done in [0-9.]* s' "$log" | cut -d' ' -f3)
  holds=$(grep -o 'corpus holds .*' "$log" | sed 's/corpus holds //')
  echo "     shard $i/$SHARDS: $st, ${files:-?} files, ${took:-?} s, $holds"
  [[ $st == "COMPLETED 0:0" ]] || { fail "shard $i: $st"; tail -5 "$log"; }
done
mst=$(job_states "$merge")
echo "     merge: $mst, $(grep -o 'done in [0-9.]* s' "$T/logs/merge-$merge.log" | cut -d' ' -f3) s"
sed 's/^/       /' "$T/logs/merge-$merge.log" | grep -E 'shard-[0-9]+:' 
[[ $mst == "COMPLETED 0:0" ]] || { fail "merge: $mst"; cat "$T/logs/merge-$merge.log"; }
say "   array ${T_ARRAY} s + merge ${T_MERGE} s = ${T_SLURM} s (submission to merged corpus)"
COUNTS1=$(counts "$CORPUS")

# --- 2. a failed shard, resubmitted --------------------------------------------------------------
R=$(( SHARDS > 1 ? 2 : 1 ))
victim=$(awk -v i="$R" -v n="$SHARDS" 'NF && (NR - 1) % n == i - 1' "$T/list" | sed -n 3p)
[ -n "$victim" ] || victim=$(awk -v i="$R" -v n="$SHARDS" 'NF && (NR - 1) % n == i - 1' "$T/list" | tail -1)
say "2. shard $R fails part-way: its corpus removed, resubmitted with a crash on $(basename "$victim")"
rm -rf "$T/shards/shard-$R"
bad=$(sbatch "${common[@]}" --array="$R" --export="$env_array,SCRUTINY_TEST_TRAP_ON=$(basename "$victim")" \
  --output="$T/logs/rerun-%A_%a.log" "$ARRAY_SCRIPT")
merge_bad=$(sbatch "${common[@]}" --dependency=afterok:"$bad" --kill-on-invalid-dep=yes --export="$env_merge" \
  --output="$T/logs/merge-%j.log" "$MERGE_SCRIPT")
wait_jobs "$bad" "$merge_bad"
st=$(job_states "${bad}_$R"); mst=$(job_states "$merge_bad")
echo "     shard $R: $st; merge after it: $mst ($(job_reason "$merge_bad"))"
[[ $st == FAILED* ]] || fail "the crashed shard should have failed: $st"
[[ $mst == CANCELLED* ]] || fail "the merge after a failed shard should be cancelled: $mst"
partial=$(python3 -c "import sqlite3,sys;print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM documents').fetchone()[0])" "$T/shards/shard-$R/corpus.sqlite" 2>/dev/null || echo 0)
say "   resubmit shard $R (sbatch --array=$R …), merge again with afterok"
t3=$(now)
good=$(sbatch "${common[@]}" --array="$R" --export="$env_array" --output="$T/logs/rerun-%A_%a.log" "$ARRAY_SCRIPT")
merge2=$(sbatch "${common[@]}" --dependency=afterok:"$good" --kill-on-invalid-dep=yes --export="$env_merge" \
  --output="$T/logs/merge-%j.log" "$MERGE_SCRIPT")
wait_jobs "$good" "$merge2"
t4=$(now)
st=$(job_states "${good}_$R"); mst=$(job_states "$merge2")
echo "     shard $R: $st ($partial documents were written before the crash; resumed: $(grep -o '[0-9]* written, [0-9]* unchanged' "$T/logs/rerun-${good}_$R.log" | paste -sd' ' -))"
echo "     merge: $mst; resubmission + merge: $(secs "$t3" "$t4") s"
sed 's/^/       /' "$T/logs/merge-$merge2.log" | grep -E 'shard-[0-9]+:'
[[ $st == "COMPLETED 0:0" ]] || fail "resubmitted shard: $st"
[[ $mst == "COMPLETED 0:0" ]] || { fail "second merge: $mst"; cat "$T/logs/merge-$merge2.log"; }
COUNTS2=$(counts "$CORPUS")
if [ "$COUNTS1" = "$COUNTS2" ]; then echo "     row counts unchanged by the rerun and second merge"
else fail "row counts changed by the second merge:"; echo "       before: $COUNTS1"; echo "       after:  $COUNTS2"; fi

# --- 3. one machine, compared ------------------------------------------------------------------------
say "3. one machine: scrutiny run --jobs $CPUS over the same $PAPERS papers"
t5=$(now)
mapfile -t papers < "$T/list"
"$SCRUTINY" run --quiet --jobs "$CPUS" --time-limit 600 --corpus "$T/single" "${papers[@]}" > "$T/logs/single.log" 2>&1
status=$?
t6=$(now)
T_ONE=$(secs "$t5" "$t6")
[ "$status" = 0 ] || [ "$status" = 3 ] || { fail "one-machine run exited $status"; tail "$T/logs/single.log"; }
say "   one machine: ${T_ONE} s (exit $status): $(grep -E 'written' "$T/logs/single.log" | cut -d';' -f1)"

python3 "$REPO/Tests/Bench/compare_corpora.py" "$CORPUS" "$T/single" --names "slurm,one-machine" || FAIL=1

echo
echo "== summary: $PAPERS papers, $SHARDS shards on $CPUS CPUs (1 CPU per shard)"
echo "   array + merge: ${T_ARRAY} + ${T_MERGE} = ${T_SLURM} s;  one machine (--jobs $CPUS): ${T_ONE} s"
if [ "$FAIL" = 0 ]; then echo "PASS"; else echo "FAIL"; fi
exit "$FAIL"
