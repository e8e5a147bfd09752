#!/usr/bin/env bash
# Screenshot of an indicator page of `scrutiny serve`, with headless Chromium.
#
#   Tests/Bench/screenshot.sh [INDICATOR_ID] [OUT.png]
#
# Builds the sample corpus (corpus/samples + the generated fixture papers) into
# bench-out/screenshot-corpus unless CORPUS is set, serves it on a free port, and writes
# bench-out/indicator.png (bench-out/ is gitignored). Default indicator: the one reported
# by the most papers (then with the most figures). Make target: `screenshot: ; Tests/Bench/screenshot.sh`.
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT_DIR=bench-out
mkdir -p "$OUT_DIR"
PNG="${2:-$OUT_DIR/indicator.png}"
CORPUS="${CORPUS:-$OUT_DIR/screenshot-corpus}"
BIN="${SCRUTINY:-.build/release/scrutiny}"
export OMP_THREAD_LIMIT=1

if [ ! -x "$BIN" ]; then swift build -c release --static-swift-stdlib --product scrutiny; fi
if [ ! -f "$CORPUS/corpus.sqlite" ]; then
    # Exit status 3: some papers gave no records; the corpus is still usable.
    "$BIN" run --quiet --corpus "$CORPUS" corpus/samples Tests/Fixtures/gen || [ $? = 3 ]
fi

CHROME="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$CHROME" ]; then
    echo "installing chromium (apt-get)" >&2
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
    CHROME="$(command -v chromium)"
fi

ID="${1:-$("$BIN" query --corpus "$CORPUS" --format csv \
    "SELECT id FROM indicators ORDER BY document_count DESC, record_count DESC, id LIMIT 1" | sed -n 2p)}"
[ -n "$ID" ] || { echo "no indicators in $CORPUS" >&2; exit 1; }

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$BIN" serve --corpus "$CORPUS" --port "$PORT" >"$OUT_DIR/serve.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
    curl -fsS "http://127.0.0.1:$PORT/" >/dev/null 2>&1 && break
    sleep 0.2
done

ENC="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$ID")"
URL="http://127.0.0.1:$PORT/indicator?id=$ENC"
"$CHROME" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1400 \
    --screenshot="$PNG" "$URL" >/dev/null 2>&1
echo "$PNG  ($URL)"
