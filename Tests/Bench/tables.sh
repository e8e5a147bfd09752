#!/usr/bin/env bash
# Table benchmark: builds scrutiny (release), runs `scrutiny tables` on every case page of
# /work/shared/bench/tables/cases.jsonl and scores it with table_score.py.
# Usage: Tests/Bench/tables.sh [PRED_OUT]   (needs: pip install rapidfuzz)
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH=${BENCH:-/work/shared/bench}
OUT=${1:-/tmp/scrutiny-tables-pred.jsonl}
CONFIG=${CONFIG:-release}   # CONFIG=debug to reuse a debug build (scores only; times are not comparable)
# the flags the Makefile builds a release with (the same flags never rebuild)
FLAGS=(-c "$CONFIG"); [ "$CONFIG" = release ] && FLAGS+=(--static-swift-stdlib)
swift build "${FLAGS[@]}" --product scrutiny 2>&1 | grep -E "error|Build" | tail -3
BIN=$(swift build "${FLAGS[@]}" --show-bin-path)/scrutiny
python3 - "$BENCH/tables" "$BIN" "$OUT" <<'PY'
import json, subprocess, sys, time
root, binary, out = sys.argv[1], sys.argv[2], sys.argv[3]
import os
extra = ["--rules", os.environ["RULES"]] if os.environ.get("RULES") else []
cases = [json.loads(l) for l in open(f"{root}/cases.jsonl")]
total = 0.0
with open(out, "w") as f:
    for c in cases:
        t = time.perf_counter()
        r = subprocess.run([binary, "tables", f"{root}/{c['pdf']}", "--pages", str(c["page"])] + extra,
                           capture_output=True, text=True)
        dt = time.perf_counter() - t
        total += dt
        tables = []
        for line in r.stdout.splitlines():
            if line.strip():
                tables += json.loads(line)["tables"]
        if r.returncode != 0:
            print(f"{c['id']}: exit {r.returncode}: {r.stderr.strip()[:200]}", file=sys.stderr)
        f.write(json.dumps({"id": c["id"], "pdf": c["pdf"], "page": c["page"], "tables": tables, "seconds": dt}) + "\n")
print(f"seconds/page (process start included): {total / len(cases):.3f}")
import glob, os
for path in sorted(glob.glob(f"{root}/../anchors/*.jsonl")):
    rows = [json.loads(l) for l in open(path) if l.strip()]
    secs = [r["seconds"] for r in rows if isinstance(r.get("seconds"), (int, float))]
    if secs:
        print(f"  anchor {os.path.basename(path)[:-6]:<16} {sum(secs) / len(secs):.3f} s/page")
PY
python3 "$BENCH/table_score.py" "$BENCH/tables/cases.jsonl" "$OUT"
