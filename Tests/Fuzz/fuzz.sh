#!/usr/bin/env bash
# Builds the libFuzzer target over the parsers and the text reader and runs it for a
# bounded time (FUZZ_SECONDS, default 120). Crashing inputs are copied into
# Tests/Fuzz/crashers/ to be turned into regression tests. Leak detection is off: the
# process-wide caches of compiled patterns and Swift metadata are reported as leaks.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_TO_RUN=${FUZZ_SECONDS:-120}
export ASAN_OPTIONS=detect_leaks=0
OUT=bench-out/fuzz
mkdir -p "$OUT/corpus" "$OUT/artifacts"
# Seeds: the fixture papers' lines.
cat Tests/Fixtures/text/*.txt | cut -c1-400 | awk "NF" | head -300 | split -l 3 - "$OUT/corpus/seed-" 2>/dev/null || true
# One module from the sources the target exercises (the package's own module imports removed).
rm -rf "$OUT/src" && mkdir -p "$OUT/src"
for f in $(ls Sources/ScrutinyCore/*.swift | grep -v -e Hashing.swift -e ArtifactCache.swift) \
         Sources/Normalise/*.swift Sources/TextInput/*.swift Tests/Fuzz/FuzzTarget.swift; do
  sed -E '/^(@testable )?import (ScrutinyCore|Normalise|TextInput)$/d' "$f" > "$OUT/src/$(basename "$(dirname "$f")")-$(basename "$f")"
done
# TextInput reads HTML through libxml2: its system module and headers.
LIBXML_FLAGS=$(pkg-config --cflags libxml-2.0 | sed 's/-I/-Xcc -I/g')
swiftc -sanitize=fuzzer,address -parse-as-library -enable-bare-slash-regex -O -module-name ScrutinyFuzz \
  -I Sources/CLibXML2 $LIBXML_FLAGS -lxml2 \
  "$OUT"/src/*.swift -o "$OUT/fuzz-parsers"
echo "fuzzing for ${SECONDS_TO_RUN}s"
status=0
"$OUT/fuzz-parsers" -max_total_time="$SECONDS_TO_RUN" -max_len=512 -timeout=10 -detect_leaks=0 \
  -artifact_prefix="$OUT/artifacts/" "$OUT/corpus" 2>&1 | tail -n 15 || status=$?
shopt -s nullglob
found=("$OUT"/artifacts/crash-* "$OUT"/artifacts/timeout-* "$OUT"/artifacts/oom-*)
if [ ${#found[@]} -gt 0 ]; then
  cp "${found[@]}" Tests/Fuzz/crashers/
  echo "fuzz: ${#found[@]} crashing inputs copied to Tests/Fuzz/crashers/"
  exit 1
fi
echo "fuzz: no crashes in ${SECONDS_TO_RUN}s (exit $status)"
