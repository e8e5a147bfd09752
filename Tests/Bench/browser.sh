#!/usr/bin/env bash
# The web pages of `scrutiny serve` driven in headless Chromium (Tests/Bench/browser_test.py).
#
#   Tests/Bench/browser.sh            (make browser-test; the last step of make bench)
#
# Installs what is missing (Debian chromium + chromium-driver through apt, sudo when not
# root; selenium through pip), builds a small corpus from the fixtures (the text manifest
# and the generated papers, a few also as PDFs) into bench-out/browser-corpus, serves it on a
# free port, runs the browser test and stops the server. Screenshots: bench-out/browser/.
#
# Environment: SCRUTINY (binary, default .build/release/scrutiny, built when missing),
# FIXTURES (default /work/shared/fixtures), GEN_PAPERS (how many gen-* PDFs, default 6),
# CORPUS (use this corpus as it is instead of building one).
set -euo pipefail
cd "$(dirname "$0")/../.."
export OMP_THREAD_LIMIT=1

BIN="${SCRUTINY:-.build/release/scrutiny}"
FIX="${FIXTURES:-/work/shared/fixtures}"
OUT=bench-out/browser
mkdir -p "$OUT"
rm -f "$OUT"/*.png

# --- what the test needs ----------------------------------------------------------------
have_browser() {
    { command -v chromium || command -v chromium-browser || command -v google-chrome; } >/dev/null 2>&1 &&
    { command -v chromedriver || [ -x /usr/lib/chromium/chromedriver ]; } >/dev/null 2>&1
}
if ! have_browser; then
    echo "installing chromium + chromium-driver (apt-get)" >&2
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
if ! python3 -c "import selenium" 2>/dev/null; then
    echo "installing selenium (pip)" >&2
    python3 -m pip install -q selenium 2>/dev/null || python3 -m pip install -q --break-system-packages selenium
fi
if [ ! -x "$BIN" ]; then
    echo "building $BIN" >&2
    swift build -c release --static-swift-stdlib --product scrutiny
fi

# --- a small corpus ------------------------------------------------------------------------
CORPUS_DIR="${CORPUS:-bench-out/browser-corpus}"
if [ -z "${CORPUS:-}" ]; then
    rm -rf "$CORPUS_DIR"
    inputs=$(python3 - "$FIX" "${GEN_PAPERS:-6}" <<'EOF'
import json, os, sys
fix, gen = sys.argv[1], int(sys.argv[2])
def inputs(manifest):
    folder = os.path.dirname(manifest)
    return [os.path.join(folder, json.loads(l)["input"]) for l in open(manifest) if l.strip()]
# The text exports (no pages), the generated papers' text exports (many councils and
# periods: crowded chart axes), and a few of them as born-digital PDFs (pages, for #page-N).
papers = inputs(os.path.join(fix, "manifest-text.jsonl"))
generated = inputs(os.path.join(fix, "pdf", "manifest-gen-text.jsonl"))
pdfs = [p[:-len(".txt")] + ".pdf" for p in generated]
papers += generated + [p for p in pdfs if os.path.exists(p)][:gen]
print("\n".join(papers))
EOF
)
    echo "corpus: $(echo "$inputs" | wc -l) fixture papers -> $CORPUS_DIR" >&2
    # Exit status 3: some papers gave no records; the corpus is still usable.
    # shellcheck disable=SC2086
    "$BIN" run --quiet --corpus "$CORPUS_DIR" $inputs || [ $? = 3 ]
fi

# --- the server ----------------------------------------------------------------------------
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve --corpus "$CORPUS_DIR" --port "$PORT" >"$OUT/serve.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 100); do
    python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=2)" "$BASE/" 2>/dev/null && break
    kill -0 "$SERVER" 2>/dev/null || { echo "server exited:" >&2; cat "$OUT/serve.log" >&2; exit 1; }
    sleep 0.2
done

# --- the test ------------------------------------------------------------------------------
python3 Tests/Bench/browser_test.py "$BASE" --out "$OUT"
