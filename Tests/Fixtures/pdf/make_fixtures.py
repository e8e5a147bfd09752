#!/usr/bin/env python3
"""Writes split-table.pdf: a 2-page born-digital paper with a running header and footer and
one ruled table (Measure | Target | Actual) that continues on page 2 under a repeated header.
Plain PDF operators, Helvetica, no dependencies. Run from this folder."""

def page_ops(n, rows, header_text="Performance Report - Quarter 1 2012/13"):
    ops = []
    def text(x, y, s, size=10, font="F1"):
        s = s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"BT /{font} {size} Tf {x} {y} Td ({s}) Tj ET")
    H = 792
    text(72, H - 40, header_text, 9)
    text(270, 30, f"Page {n} of 2", 9)
    if n == 1:
        text(72, H - 90, "Quarterly performance", 16, "F2")
        text(72, H - 115, "This report sets out the council's performance against its targets.", 10)
    top = H - 150
    xs = [72, 300, 400, 500]
    allrows = [("Measure", "Target", "Actual")] + rows
    rh = 20
    ops.append("0.8 w")
    for i in range(len(allrows) + 1):
        y = top - i * rh
        ops.append(f"{xs[0]} {y} m {xs[-1]} {y} l S")
    bottom = top - len(allrows) * rh
    for x in xs:
        ops.append(f"{x} {top} m {x} {bottom} l S")
    for i, r in enumerate(allrows):
        y = top - i * rh - 14
        for j, c in enumerate(r):
            text(xs[j] + 4, y, c, 10, "F2" if i == 0 else "F1")
    return "\n".join(ops)

rows1 = [("Children in care per 10,000", "60", "64"), ("Child protection plans", "550", "622"),
         ("Foster carers approved", "250", "259"), ("Initial assessments in time", "85%", "72%")]
rows2 = [("Core assessments in time", "85%", "72%"), ("Care leavers in education", "60%", "39%")]

objs = []
def add(s): objs.append(s); return len(objs)
font1 = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
font2 = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
pages_id = len(objs) + 1 + 4  # placeholder fixed below
contents = []
for n, rows in ((1, rows1), (2, rows2)):
    data = page_ops(n, rows).encode("latin-1")
    contents.append(add(f"<< /Length {len(data)} >>\nstream\n".encode("latin-1").decode("latin-1") + data.decode("latin-1") + "\nendstream"))
pages_id = len(objs) + 3
page_ids = []
for c in contents:
    page_ids.append(add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 612 792] "
                        f"/Resources << /Font << /F1 {font1} 0 R /F2 {font2} 0 R >> >> /Contents {c} 0 R >>"))
kids = " ".join(f"{p} 0 R" for p in page_ids)
assert add(f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>") == pages_id
catalog = add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>")

out = bytearray(b"%PDF-1.4\n")
offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(out))
    out += f"{i} 0 obj\n{o}\nendobj\n".encode("latin-1")
xref = len(out)
out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
for off in offsets:
    out += f"{off:010d} 00000 n \n".encode()
out += f"trailer\n<< /Size {len(objs) + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
open("split-table.pdf", "wb").write(out)
