#!/usr/bin/env python3
"""Instruction counts per stage of one fixed run under valgrind's callgrind.

Wall-clock time on a shared machine is noisy; instruction counts are not. This runs
`scrutiny run --jobs 1` once over a fixed set of papers (a text export, a born-digital
PDF; a scan only with --scan, since OCR under valgrind is slow) into a fresh corpus,
then reads the profile with `callgrind_annotate --inclusive=yes`, demangles the Swift
names and prints the inclusive instruction count (Ir) of each stage's entry point and
of the corpus writes, with each one's share of the whole run. A change's effect shows
as a change in these counts, run to run, on any machine.

usage: callgrind.py SCRUTINY_BINARY PAPER... [--keep DIR]
"""
import os, re, shutil, subprocess, sys, tempfile

# What to report: a label and a pattern matched against the demangled function name.
# Each is the entry point the batch runner calls, so its inclusive count is the stage's cost.
STAGES = [
    ("process start",     r"elf/rtld\.c:dl_main"),
    ("text",              r"TextStage\.run\("),
    ("layout",            r"LayoutStage\.run\("),
    ("normalise",         r"NormaliseStage\.run\("),
    ("extract",           r"DocumentExtractor\.extract\("),
    ("cache encode",      r"BinaryEncoder\.encode"),
    ("corpus write",      r"CorpusStore\.replace\("),
    ("jsonl export",      r"CorpusExporter\.export\("),
]


def main(argv):
    if len(argv) < 3:
        print(__doc__); return 2
    keep = argv[argv.index("--keep") + 1] if "--keep" in argv[:-1] else None
    binary, papers = argv[1], [a for a in argv[2:] if a not in ("--keep", keep)]
    if shutil.which("valgrind") is None:
        print("callgrind: valgrind is not installed (apt-get install valgrind); skipped"); return 0
    work = tempfile.mkdtemp(prefix="scrutiny-callgrind.")
    out = os.path.join(work, "callgrind.out")
    # valgrind 3.19 cannot read the DWARF 5 that Swift 6 writes; the symbol table is enough
    # for function names, so profile a copy without the debug sections.
    stripped = os.path.join(work, "scrutiny")
    subprocess.run(["objcopy", "--strip-debug", binary, stripped], check=True)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "--dump-instr=no",
           stripped, "run", "--quiet", "--jobs", "1", "--corpus", os.path.join(work, "corpus")] + papers
    run = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if run.returncode not in (0, 3):
        print("callgrind: the run failed:", " / ".join(run.stderr.strip().splitlines()[-3:])); return 1
    annotated = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", out],
                               capture_output=True, text=True).stdout
    demangle = shutil.which("swift-demangle") and ["swift-demangle", "--simplified"] or ["swift", "demangle", "--simplified"]
    text = subprocess.run(demangle, input=annotated, capture_output=True, text=True).stdout
    total, counts = None, {}
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+)\s+(?:\([^)]*\)\s+)?(.*)", line)
        if not m: continue
        ir, name = int(m.group(1).replace(",", "")), m.group(2)
        if total is None and "PROGRAM TOTALS" in name: total = ir; continue
        for label, pattern in STAGES:
            if re.search(pattern, name) and label not in counts:
                counts[label] = ir   # the annotate output is sorted by count: the first match is the largest
    if total is None:
        m = re.search(r"([\d,]+)\s+\(100\.0%\)\s+PROGRAM TOTALS", text) or re.search(r"([\d,]+)\s+PROGRAM TOTALS", text)
        total = int(m.group(1).replace(",", "")) if m else None
    print(f"callgrind over {len(papers)} paper(s), one job: instructions (inclusive) per stage")
    print(f"  {'stage':<14}{'Ir':>18}{'share':>8}")
    for label, _ in STAGES:
        ir = counts.get(label)
        share = f"{100 * ir / total:.1f}%" if ir and total else "-"
        print(f"  {label:<14}{(f'{ir:,}' if ir else 'not seen'):>18}{share:>8}")
    if total: print(f"  {'whole run':<14}{total:>18,}{'100%':>8}")
    if keep:
        shutil.copy(out, keep); print("profile kept in", keep)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
