#!/usr/bin/env bash
# Seconds per scanned page: our OCR (scrutiny, release build, whole pipeline per page image)
# against the tesseract CLI on the same page images (the scans' own embedded images, same
# resolution, same page segmentation), measured in the same run; then our speed-up from
# 1 job / 1 OCR thread to 2 jobs / 2 OCR threads.
# usage: Tests/Bench/ocr.sh [PAGES]   (default 6 pages from the scan fixtures)
set -euo pipefail
export OMP_THREAD_LIMIT=1          # libgomp reads it at load; tesseract is ~5x slower without
cd "$(dirname "$0")/../.."
PAGES=${1:-6}
FIX=${FIXTURES:-/work/shared/fixtures/pdf}
WORK=$(mktemp -d /tmp/ocr-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

swift build -c release --static-swift-stdlib --product scrutiny >/dev/null
BIN=.build/release/scrutiny

# page images: the native JPEG scans of the first pages of the gen-* scans
n=0
for pdf in "$FIX"/gen-*/gen-*.scan.pdf; do
  pdfimages -j -f 1 -l 2 "$pdf" "$WORK/$(basename "$pdf" .scan.pdf)"
done
ls "$WORK"/*.jpg | head -n "$PAGES" > "$WORK/list"
mkdir -p "$WORK/pages"
while read -r f; do mv "$f" "$WORK/pages/"; done < "$WORK/list"
count=$(ls "$WORK/pages" | wc -l)

now() { date +%s.%N; }
# tesseract CLI, one process per page, sequential, same psm as our default (4)
t0=$(now)
for f in "$WORK"/pages/*.jpg; do tesseract "$f" "$WORK/cli-$(basename "$f" .jpg)" --psm 4 tsv >/dev/null 2>&1; done
t1=$(now)
# ours, 1 job and 1 OCR thread
SCRUTINY_OCR_THREADS=1 "$BIN" run --quiet --jobs 1 --corpus "$WORK/c1" "$WORK/pages" >/dev/null 2>&1
t2=$(now)
# ours, 2 jobs and 2 OCR threads
SCRUTINY_OCR_THREADS=2 "$BIN" run --quiet --jobs 2 --corpus "$WORK/c2" "$WORK/pages" >/dev/null 2>&1
t3=$(now)

python3 - "$count" "$t0" "$t1" "$t2" "$t3" <<'PY'
import sys
n = int(sys.argv[1]); t0, t1, t2, t3 = map(float, sys.argv[2:])
cli, one, two = (t1 - t0) / n, (t2 - t1) / n, (t3 - t2) / n
print(f"pages: {n}")
print(f"tesseract CLI:        {cli:.2f} s/page")
print(f"scrutiny, 1 job:      {one:.2f} s/page")
print(f"scrutiny, 2 jobs:     {two:.2f} s/page")
print(f"ratio ours/CLI (1 job): {one / cli:.2f}   (aim <= 1.15)")
print(f"speed-up 1 -> 2 jobs:   {one / two:.2f}x")
PY
