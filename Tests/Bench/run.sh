#!/usr/bin/env bash
# make bench: the heavy runs — fixture scores, archive speed, OCR speed, real tables, and
# last the web pages in headless Chromium (browser.sh, make browser-test).
set -uo pipefail
cd "$(dirname "$0")/../.."
export OMP_THREAD_LIMIT=1
FIX=${FIXTURES:-/work/shared/fixtures}
BIN=.build/release/scrutiny
OUT=bench-out; mkdir -p "$OUT"
echo "== fixture scores (score_corpus.py)"
for m in "$FIX/manifest-text.jsonl" "$FIX/pdf/manifest-gen-text.jsonl" "$FIX/pdf/manifest-pdf.jsonl" "$FIX/pdf/manifest-scan.jsonl" \
         "$FIX/pdf/manifest-set2-text.jsonl" "$FIX/pdf/manifest-set2-pdf.jsonl" "$FIX/pdf/manifest-set2-scan.jsonl"; do
  [ -f "$m" ] || continue
  name=$(basename "$m" .jsonl); dir=$(dirname "$m"); c="$OUT/corpus-$name"; rm -rf "$c"
  inputs=$(python3 -c "import json,sys;[print(sys.argv[1]+'/'+json.loads(l)['input']) for l in open(sys.argv[2]) if l.strip()]" "$dir" "$m")
  "$BIN" run --quiet --corpus "$c" $inputs >/dev/null
  echo "$name: $(python3 "$FIX/../bench/score_corpus.py" "$m" "$c" | tail -1)"
done
echo; echo "== archive (>= 500 pages), jobs 1 and 2, against pdftotext and tesseract"
python3 Tests/Bench/archive_bench.py "$BIN"
echo; echo "== instructions per stage (callgrind, one job, fixed papers: a text export and two born-digital PDFs)"
command -v valgrind >/dev/null || { SUDO=$( [ "$(id -u)" = 0 ] || echo sudo ); $SUDO apt-get install -y -qq valgrind >/dev/null; }
python3 Tests/Bench/callgrind.py "$BIN" corpus/samples/000_ee8c53e2fa6f2fb5.txt corpus/samples/gen-a-1.pdf corpus/samples/gen-d-1.pdf
echo; echo "== real born-digital PDFs (257 pages) against pdftotext -layout"
python3 Tests/Bench/real_speed.py "$BIN"
if [ -x Tests/Bench/tables.sh ]; then echo; echo "== real tables (59 pages)"; Tests/Bench/tables.sh; fi
echo; echo "== scan consistency: born-digital pages rendered at 300 dpi and OCR'd, rows against the text layer's"
papers=$(ls "$FIX"/pdf/0*.pdf 2>/dev/null | grep -v '\.scan\.pdf$'; ls "$FIX"/../real/*.pdf 2>/dev/null)
[ -n "$papers" ] && python3 Tests/Bench/scan_consistency.py "$BIN" $papers --pages 4
if [ "${BENCH_SLURM:-0}" = 1 ]; then
  echo; echo "== Slurm job array + merge against one machine (BENCH_SLURM=1)"
  SCRUTINY="$BIN" Tests/Bench/slurm.sh
fi
echo; echo "== web pages in headless Chromium (browser.sh: search form, indicator chart, document anchors, 404)"
SCRUTINY="$BIN" Tests/Bench/browser.sh
