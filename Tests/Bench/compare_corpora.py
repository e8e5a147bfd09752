#!/usr/bin/env python3
"""Compares two corpus folders: every table of corpus.sqlite as a multiset of rows, and every
JSONL export as a multiset of lines.

Left out because they legitimately differ between two runs over the same papers:
  - surrogate row ids (an INTEGER PRIMARY KEY named `id`): numbered in insertion order, which
    depends on which worker or shard finished first; the JSONL exports leave them out too;
  - sources.ingested_at and failures.failed_at: when the row was written;
  - FTS5 shadow tables (search_index_*): their rowids; search_index itself is compared by content;
  - the order of rows and JSONL lines (by rowid, so insertion order): reported, not a difference.

usage: compare_corpora.py CORPUS_A CORPUS_B [--names A,B] [--examples 3]
Exit status 0 when every table and export holds the same rows, 1 otherwise.
"""
import argparse
import collections
import json
import os
import sqlite3
import sys

RUN_SPECIFIC = {("sources", "ingested_at"), ("failures", "failed_at")}


def tables(db):
    rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                      "AND name NOT LIKE 'search_index_%' ORDER BY name").fetchall()
    return [r[0] for r in rows]


def columns(db, table):
    info = db.execute(f'PRAGMA table_info("{table}")').fetchall()  # cid, name, type, notnull, default, pk
    keep, dropped = [], []
    for _, name, ctype, _, _, pk in info:
        surrogate = name == "id" and pk == 1 and ctype.upper() == "INTEGER"
        if surrogate or (table, name) in RUN_SPECIFIC:
            dropped.append(name)
        else:
            keep.append(name)
    return keep, dropped


def short(v, n=90):
    s = repr(v)
    return s if len(s) <= n else s[:n - 3] + "..."


def closest(row, others, cols):
    """The row of `others` differing from `row` in the fewest columns, and those columns."""
    best, best_diff = None, None
    for o in others:
        diff = [i for i in range(len(cols)) if row[i] != o[i]]
        if best_diff is None or len(diff) < len(best_diff):
            best, best_diff = o, diff
    return best, best_diff or []


def explain(name_a, name_b, only_a, only_b, cols, examples):
    """Pairs rows present on one side only and prints the columns in which they differ."""
    by_column = collections.Counter()
    pairs = []
    pool = list(only_b)
    for row in only_a:
        if not pool:
            break
        other, diff = closest(row, pool, cols)
        pool.remove(other)
        by_column.update(cols[i] for i in diff)
        pairs.append((row, other, diff))
    if by_column:
        print(f"      differing columns (paired rows): " + ", ".join(f"{c} ×{n}" for c, n in by_column.most_common()))
    for row, other, diff in pairs[:examples]:
        keys = {c: row[i] for i, c in enumerate(cols) if c in ("doc_id", "kind", "indicator_id", "code", "page", "path", "id")
                and i not in diff}
        print(f"      e.g. {', '.join(f'{k}={short(v, 40)}' for k, v in keys.items())}")
        for i in diff:
            print(f"        {cols[i]}: {name_a}={short(row[i])}")
            print(f"        {' ' * len(cols[i])}  {name_b}={short(other[i])}")


def compare_db(a, b, names, examples):
    da, db_ = sqlite3.connect(os.path.join(a, "corpus.sqlite")), sqlite3.connect(os.path.join(b, "corpus.sqlite"))
    ta, tb = tables(da), tables(db_)
    ok = True
    print(f"== corpus.sqlite: {names[0]} vs {names[1]} (rows per table; left out: row ids, "
          + ", ".join(f"{t}.{c}" for t, c in sorted(RUN_SPECIFIC)) + ")")
    for t in sorted(set(ta) | set(tb)):
        if t not in ta or t not in tb:
            print(f"   {t:16} only in {names[0] if t in ta else names[1]}")
            ok = False
            continue
        ca, dropped = columns(da, t)
        cb, _ = columns(db_, t)
        if ca != cb:
            print(f"   {t:16} columns differ: {ca} vs {cb}")
            ok = False
            continue
        sel = ", ".join(f'"{c}"' for c in ca) or "NULL"
        ra = collections.Counter(da.execute(f'SELECT {sel} FROM "{t}"').fetchall())
        rb = collections.Counter(db_.execute(f'SELECT {sel} FROM "{t}"').fetchall())
        na, nb = sum(ra.values()), sum(rb.values())
        if ra == rb:
            print(f"   {t:16} {na:7} rows   equal")
            continue
        ok = False
        only_a = list((ra - rb).elements())
        only_b = list((rb - ra).elements())
        print(f"   {t:16} {na:7} vs {nb} rows   DIFFERENT: {len(only_a)} only in {names[0]}, {len(only_b)} only in {names[1]}")
        explain(names[0], names[1], only_a, only_b, ca, examples)
    return ok


def compare_jsonl(a, b, names, examples):
    fa = {f for f in os.listdir(a) if f.endswith(".jsonl")}
    fb = {f for f in os.listdir(b) if f.endswith(".jsonl")}
    ok = True
    print(f"== JSONL exports: {names[0]} vs {names[1]}")
    for f in sorted(fa | fb):
        if f not in fa or f not in fb:
            print(f"   {f:20} only in {names[0] if f in fa else names[1]}")
            ok = False
            continue
        la = open(os.path.join(a, f), encoding="utf-8").read().splitlines()
        lb = open(os.path.join(b, f), encoding="utf-8").read().splitlines()
        if la == lb:
            print(f"   {f:20} {len(la):7} lines  identical")
            continue
        ca, cb = collections.Counter(la), collections.Counter(lb)
        if ca == cb:
            print(f"   {f:20} {len(la):7} lines  equal (same lines, another order: rows are exported in insertion order)")
            continue
        ok = False
        only_a = [json.loads(x) for x in (ca - cb).elements()]
        only_b = [json.loads(x) for x in (cb - ca).elements()]
        print(f"   {f:20} {len(la):7} vs {len(lb)} lines  DIFFERENT: {len(only_a)} only in {names[0]}, {len(only_b)} only in {names[1]}")
        keys = sorted({k for o in only_a + only_b for k in o})
        as_rows = lambda objs: [tuple(json.dumps(o.get(k), sort_keys=True) for k in keys) for o in objs]
        explain(names[0], names[1], as_rows(only_a), as_rows(only_b), keys, examples)
    return ok


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("--names", default="A,B")
    p.add_argument("--examples", type=int, default=3)
    args = p.parse_args()
    names = args.names.split(",", 1)
    ok_db = compare_db(args.a, args.b, names, args.examples)
    ok_jsonl = compare_jsonl(args.a, args.b, names, args.examples)
    print(f"== {'EQUAL' if ok_db and ok_jsonl else 'DIFFERENT'}: corpus.sqlite {'equal' if ok_db else 'different'}, "
          f"JSONL {'equal' if ok_jsonl else 'different'}")
    return 0 if ok_db and ok_jsonl else 1


if __name__ == "__main__":
    sys.exit(main())
