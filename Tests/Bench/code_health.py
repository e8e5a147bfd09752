#!/usr/bin/env python3
"""Code-health numbers for the Swift sources: the longest functions per module and the
unnamed numeric thresholds.

    Tests/Bench/code_health.py [SOURCES_DIR] [--top N]

Longest functions: every `func`/`init` body found by brace matching (string literals and
comments skipped), its length in lines, top N per module.

Unnamed thresholds: numeric literals other than 0 and 1 that appear in a comparison
(`< 4`, `>= 0.5`), a product (`0.8 * h`, `h * 3`) or a sum with a box coordinate
(`+ 0.5`), in code (not comments, not string or regex literals), outside a named
declaration (`static let name = 3`, `let name = 3`, a default argument). A rule that
names its threshold shows as 0 here.
"""
import os
import re
import sys
from collections import defaultdict


def strip_strings_and_comments(src):
    """The source with string literals, regex literals and comments blanked (newlines kept)."""
    out = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i)); i = j; continue
        if src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", src[i:j])); i = j; continue
        if src.startswith('#"""', i) or src.startswith('"""', i):
            opener = '#"""' if src[i] == "#" else '"""'
            closer = '"""#' if opener.startswith("#") else '"""'
            j = src.find(closer, i + len(opener))
            j = n if j < 0 else j + len(closer)
            out.append(re.sub(r"[^\n]", " ", src[i:j])); i = j; continue
        if src.startswith('#"', i):
            j = src.find('"#', i + 2)
            j = n if j < 0 else j + 2
            out.append(" " * (j - i)); i = j; continue
        if c == '"':
            j = i + 1
            depth = 0
            while j < n:
                if src[j] == "\\" and j + 1 < n and src[j + 1] == "(":
                    depth += 1; j += 2; continue
                if depth and src[j] == ")":
                    depth -= 1
                elif src[j] == "\\":
                    j += 2; continue
                elif src[j] == '"' and not depth:
                    break
                elif src[j] == "\n":
                    break
                j += 1
            out.append(" " * (j + 1 - i)); i = j + 1; continue
        out.append(c); i += 1
    return "".join(out)


FUNC = re.compile(r"\b(func\s+[^\s(<]+|init[?!]?)\s*[(<]")


def functions(code):
    """(name, first line, line count) of every function body in blanked source."""
    result = []
    for m in FUNC.finditer(code):
        brace = code.find("{", m.end())
        if brace < 0:
            continue
        # a protocol requirement has no body: a newline-terminated signature without `{` first
        between = code[m.end():brace]
        if "\n" in between and re.search(r"\)\s*(->\s*[^\n{]+)?\n\s*(func|var|let|static|}|init|///|@)", code[m.start():brace + 1]):
            continue
        depth, j = 0, brace
        while j < len(code):
            if code[j] == "{":
                depth += 1
            elif code[j] == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        first = code.count("\n", 0, m.start()) + 1
        last = code.count("\n", 0, j) + 1
        name = m.group(1).replace("func", "").strip()
        result.append((name, first, last - first + 1))
    return result


NUMBER = r"(?<![\w.])(\d+\.\d+|\d+)(?![\w.])"
THRESHOLD = re.compile(
    r"(?:[<>]=?|==|!=)\s*" + NUMBER            # x < 4, x >= 0.5
    + r"|" + NUMBER + r"\s*\*"                 # 0.8 * h
    + r"|\*\s*" + NUMBER                        # h * 3
    + r"|[+-]\s*" + r"(\d+\.\d+)(?![\w.])"      # + 0.5 (fractions only: +1 is a step)
)
DECLARATION = re.compile(r"^\s*((public|internal|private|fileprivate|nonisolated\(unsafe\))\s+)*(static\s+)?(let|var)\s+\w+\s*(:\s*[\w.]+\s*)?=\s*[-\d.]+\s*$")


def thresholds(code):
    """(line number, literal) of unnamed numeric thresholds in blanked source."""
    found = []
    for k, line in enumerate(code.split("\n"), start=1):
        if DECLARATION.match(line) or "case " in line and ":" in line and re.search(r"case\s+[-\d.]+", line):
            continue
        for m in THRESHOLD.finditer(line):
            value = next(g for g in m.groups() if g is not None)
            if float(value) in (0.0, 1.0):
                continue
            found.append((k, value))
    return found


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    top = 5
    if "--top" in sys.argv:
        top = int(sys.argv[sys.argv.index("--top") + 1])
        args = [a for a in args if a != str(top)]
    root = args[0] if args else os.path.join(os.path.dirname(__file__), "..", "..", "Sources")
    per_module_funcs = defaultdict(list)
    per_module_thresholds = defaultdict(list)
    for dirpath, _, files in os.walk(root):
        for f in files:
            if not f.endswith(".swift"):
                continue
            path = os.path.join(dirpath, f)
            module = os.path.relpath(path, root).split(os.sep)[0]
            code = strip_strings_and_comments(open(path, encoding="utf-8").read())
            rel = os.path.relpath(path, root)
            for name, line, length in functions(code):
                per_module_funcs[module].append((length, f"{rel}:{line} {name}"))
            for line, value in thresholds(code):
                per_module_thresholds[module].append(f"{rel}:{line} {value}")
    print(f"{'module':<12} {'longest function (lines)':<64} {'unnamed thresholds':>18}")
    for module in sorted(per_module_funcs):
        funcs = sorted(per_module_funcs[module], reverse=True)[:top]
        head = funcs[0] if funcs else (0, "-")
        print(f"{module:<12} {head[0]:>4}  {head[1]:<58} {len(per_module_thresholds[module]):>18}")
        for length, where in funcs[1:]:
            print(f"{'':<12} {length:>4}  {where}")
    if "--list" in sys.argv:
        for module in sorted(per_module_thresholds):
            for t in per_module_thresholds[module]:
                print("threshold", t)


if __name__ == "__main__":
    main()
