#!/usr/bin/env python3
"""Born-digital speed on real PDFs nobody here wrote (make bench): the table benchmark's
pages and ../shared/real, through `scrutiny run --jobs 1` with the text-only pipeline (rules
from drawing operations, and from a 72-dpi raster for comparison) and through
`pdftotext -layout`, interleaved, best of 3; prints pages/s and the ratios."""
import glob, os, subprocess, sys, tempfile, time

BIN = sys.argv[1] if len(sys.argv) > 1 else ".build/release/scrutiny"
SHARED = os.environ.get("SHARED", "/work/shared")
ROUNDS = int(os.environ.get("ROUNDS", "3"))
env = dict(os.environ, OMP_THREAD_LIMIT="1")
files = sorted(glob.glob(f"{SHARED}/bench/tables/pdfs/**/*.pdf", recursive=True) + glob.glob(f"{SHARED}/real/*.pdf"))

def pages(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    return next((int(l.split()[1]) for l in out.splitlines() if l.startswith("Pages:")), 0)

total = sum(pages(f) for f in files)
work = tempfile.mkdtemp(prefix="scrutiny-speed-")
pipelines = {}
for rules in ("drawing", "raster"):
    p = os.path.join(work, f"text-only-{rules}.yml")
    with open(p, "w") as f:
        f.write(f"name: text-only-{rules}\nstages:\n  - stage: text\n    options: {{ ocr: never, rules: {rules} }}\n"
                "  - stage: layout\n  - stage: normalise\n  - stage: extract\n")
    pipelines[rules] = p

def scrutiny(rules, n):
    corpus = os.path.join(work, f"c-{rules}-{n}")
    t = time.time()
    subprocess.run([BIN, "run", "--quiet", "--jobs", "1", "--pipeline", pipelines[rules], "--corpus", corpus] + files,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.time() - t

def pdftotext():
    t = time.time()
    for f in files:
        subprocess.run(["pdftotext", "-layout", f, os.path.join(work, "out.txt")], stderr=subprocess.DEVNULL)
    return time.time() - t

best = {"drawing": 1e9, "raster": 1e9, "pdftotext": 1e9}
for n in range(ROUNDS):
    best["pdftotext"] = min(best["pdftotext"], pdftotext())
    best["drawing"] = min(best["drawing"], scrutiny("drawing", n))
    best["raster"] = min(best["raster"], scrutiny("raster", n))
print(f"{len(files)} real PDFs, {total} pages, best of {ROUNDS}, interleaved, --jobs 1, text-only pipeline")
for k in ("pdftotext", "drawing", "raster"):
    label = {"pdftotext": "pdftotext -layout", "drawing": "scrutiny (rules from drawing ops)", "raster": "scrutiny (rules from raster)"}[k]
    print(f"  {label:<36} {best[k]:6.2f} s  {total / best[k]:7.1f} pages/s")
print(f"  ratio to pdftotext: drawing {best['pdftotext'] / best['drawing']:.2f}, raster {best['pdftotext'] / best['raster']:.2f}")
