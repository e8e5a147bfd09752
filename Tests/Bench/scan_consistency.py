#!/usr/bin/env python3
"""Scan consistency on papers without gold: the first pages of a born-digital PDF are rendered
to 300 dpi grey JPEGs (as a scanner would give them) and bound into an image-only PDF, which
goes through the whole pipeline (OCR); its rows are compared with the rows the same pages give
from the original PDF's text layer.

usage: Tests/Bench/scan_consistency.py BIN PDF... [--pages N]   (first N pages of each, default 3)

Prints, per paper and in total, how many of the text layer's finance lines, indicator
records and activities the scan gives again with identical values (precision and recall
of (kind, page, label, values) tuples). Needs pdftoppm (poppler-utils).
"""
import glob
import json
import os
import struct
import subprocess
import sys
import tempfile


def jpeg_frame(data):
    """(width, height, components) from a JPEG's start-of-frame marker."""
    i = 2
    while i < len(data):
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack(">HH", data[i + 5:i + 9])
            return width, height, data[i + 9]
        i += 2 + length
    raise ValueError("no SOF marker")


def images_to_pdf(jpegs, out, dpi):
    """An image-only PDF, one JPEG per page at `dpi` (what a scanner writes)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None]
    kids = []
    for path in jpegs:
        data = open(path, "rb").read()
        w, h, components = jpeg_frame(data)
        space = b"/DeviceGray" if components == 1 else b"/DeviceRGB"
        pw, ph = w * 72 / dpi, h * 72 / dpi
        image = len(objects) + 1
        objects.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
                       b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n" % (w, h, space, len(data))
                       + data + b"\nendstream")
        draw = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (pw, ph)
        objects.append(b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R "
                       b"/Resources << /XObject << /Im0 %d 0 R >> >> >>" % (pw, ph, image + 1, image))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    body, offsets = b"%PDF-1.4\n", []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    open(out, "wb").write(body)


def rows(corpus, doc_page):
    """(kind, page, label, values) tuples of a corpus, with each document mapped to a page."""
    docs = {}
    with open(os.path.join(corpus, "documents.jsonl")) as f:
        for line in f:
            d = json.loads(line)
            docs[d["doc_id"]] = d["source"]
    out = set()
    for kind, label, values in (("finance", "line", "values"),
                                ("records", "title", None),
                                ("activities", "ref", None)):
        path = os.path.join(corpus, f"{kind}.jsonl")
        if not os.path.exists(path):
            continue
        with open(path) as f:
            for line in f:
                r = json.loads(line)
                page = doc_page(docs[r["doc_id"]], r.get("page"))
                if page is None:
                    continue
                if values:
                    v = json.dumps(r.get(values), sort_keys=True)
                else:
                    keep = {k: r.get(k) for k in ("code", "period_end", "actual", "target", "status", "lead")}
                    v = json.dumps(keep, sort_keys=True)
                out.add((kind, page, r.get(label), v))
    return out


def main():
    args = sys.argv[1:]
    pages = 3
    if "--pages" in args:
        i = args.index("--pages")
        pages = int(args[i + 1])
        del args[i:i + 2]
    binary, pdfs = args[0], args[1:]
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    total_text = total_scan = total_same = 0
    with tempfile.TemporaryDirectory(prefix="scrutiny-scan-consistency-") as work:
        for n, pdf in enumerate(pdfs):
            name = os.path.basename(pdf)
            images = os.path.join(work, f"img{n}")
            os.makedirs(images)
            subprocess.run(["pdftoppm", "-r", "300", "-gray", "-jpeg", "-f", "1", "-l", str(pages), pdf,
                            os.path.join(images, "p")], check=True)
            scanned = os.path.join(work, f"scan{n}-{name}")
            images_to_pdf(sorted(glob.glob(os.path.join(images, "*.jpg"))), scanned, 300)
            text_corpus, scan_corpus = os.path.join(work, f"text{n}"), os.path.join(work, f"scan{n}")
            for corpus, path in ((text_corpus, pdf), (scan_corpus, scanned)):
                subprocess.run([binary, "run", "--quiet", "--corpus", corpus, path], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            on_pages = lambda _src, page: page if page is not None and page <= pages else None
            from_text, from_scan = rows(text_corpus, on_pages), rows(scan_corpus, on_pages)
            same = from_text & from_scan
            total_text += len(from_text)
            total_scan += len(from_scan)
            total_same += len(same)
            print(f"{name}: text layer {len(from_text)} rows, scan {len(from_scan)}, identical {len(same)}")
    precision = total_same / total_scan if total_scan else 1.0
    recall = total_same / total_text if total_text else 1.0
    print(f"scan vs text layer, {len(pdfs)} papers x {pages} pages: identical rows {total_same} "
          f"(precision {precision:.3f}, recall {recall:.3f})")


if __name__ == "__main__":
    main()
