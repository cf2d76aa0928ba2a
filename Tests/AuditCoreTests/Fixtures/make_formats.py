#!/usr/bin/env python3
"""Makes the format fixtures from seed reports: HTML (tables with rowspan/colspan), pipe tables,
DOCX and GB18030. (The PDF fixture was printed from the HTML one with headless Chromium and a
Chinese font: chromium --headless --print-to-pdf=001_….pdf file://…/001_….html.) Run from the repository root; the outputs are committed, so the tests do not
need Python. Each fixture must audit exactly like its plain-text original."""
import html, os, zipfile

SEEDS = ["001_4f4d1458c3fb7bc1", "003_bae77339b0aba9fa"]
OUT = "Tests/AuditCoreTests/Fixtures/formats"

def blocks(lines):
    """Runs of tab-separated lines are tables; everything else is a text line."""
    out, table = [], []
    for line in lines:
        if "\t" in line:
            table.append(line.split("\t"))
        else:
            if table: out.append(("table", table)); table = []
            out.append(("text", line))
    if table: out.append(("table", table))
    return out

def html_table(rows):
    width = max(len(r) for r in rows)
    grid = [r + [""] * (width - len(r)) for r in rows]
    # An empty cell in the first two columns under a filled one becomes part of it (rowspan),
    # as web pages print merged group labels; a run of empty cells after a filled one in a
    # header row becomes its colspan.
    span = [[1] * width for _ in grid]
    hidden = [[False] * width for _ in grid]
    for c in range(min(2, width)):
        anchor = None
        for r in range(len(grid)):
            if grid[r][c] != "":
                anchor = r
            elif anchor is not None and all(grid[r][k] == "" for k in range(c)) and any(grid[r][k] != "" for k in range(c + 1, width)):
                span[anchor][c] += 1; hidden[r][c] = True
            else:
                anchor = None
    parts = ["<table border=\"1\">"]
    for r, row in enumerate(grid):
        parts.append("<tr>")
        c = 0
        while c < width:
            if hidden[r][c]: c += 1; continue
            colspan = 1
            if r == 0 and row[c] != "":
                while c + colspan < width and row[c + colspan] == "" and not hidden[r][c + colspan]: colspan += 1
            attrs = (f" rowspan=\"{span[r][c]}\"" if span[r][c] > 1 else "") + (f" colspan={colspan}" if colspan > 1 else "")
            text = html.escape(row[c]) if row[c] else "&nbsp;"
            parts.append(f"<td{attrs}>{text}</td>")
            c += colspan
        parts.append("</tr>")
    parts.append("</table>")
    return "\n".join(parts)

def to_html(lines, title):
    body = []
    for kind, value in blocks(lines):
        if kind == "table":
            body.append(html_table(value))
        elif value.strip() == "":
            continue
        elif value.lstrip().startswith("#"):
            level = len(value.lstrip()) - len(value.lstrip().lstrip("#"))
            body.append(f"<h{level}>{html.escape(value.lstrip().lstrip('#').strip())}</h{level}>")
        else:
            body.append(f"<p>{html.escape(value)}</p>")
    return ("<!DOCTYPE html><html><head><meta charset=\"gb2312\"><title>" + html.escape(title) + "</title>"
            "<style>td{border:1px solid}</style><script>var nav = '<p>一、总体情况</p>';</script></head><body>"
            "<nav><a href=\"/\">首页</a> &gt; <a href=\"/xxgk\">政府信息公开</a> &gt; 年报</nav><div class=\"content\">\n"
            + "\n".join(body) + "\n</div><footer>主办单位：某某 &copy; 2022</footer></body></html>\n")

def to_pipes(lines):
    out, in_table = [], False
    for line in lines:
        if "\t" in line:
            cells = line.split("\t")
            out.append("| " + " | ".join(cells) + " | |")   # a stray empty cell, as web-to-text tools leave
            if not in_table:
                out.append("|" + "---|" * (len(cells) + 1))
            in_table = True
        else:
            in_table = False
            out.append(line)
    return "\n".join(out) + "\n"

def w_text(t):
    return f"<w:r><w:t xml:space=\"preserve\">{html.escape(t, quote=False)}</w:t></w:r>"

def to_docx(lines, path):
    body = []
    for kind, value in blocks(lines):
        if kind == "table":
            width = max(len(r) for r in value)
            body.append("<w:tbl>")
            for row in value:
                body.append("<w:tr>")
                cells = row + [""] * (width - len(row))
                c = 0
                while c < width:
                    span = 1
                    if cells[c] != "":
                        while c + span < width and cells[c + span] == "" and span < 2 and c + span == width - 1: span += 1
                    props = f"<w:tcPr><w:gridSpan w:val=\"{span}\"/></w:tcPr>" if span > 1 else ""
                    body.append(f"<w:tc>{props}<w:p>{w_text(cells[c]) if cells[c] else ''}</w:p></w:tc>")
                    c += span
                body.append("</w:tr>")
            body.append("</w:tbl>")
        else:
            body.append(f"<w:p>{w_text(value.lstrip('#').strip())}</w:p>")
    document = ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + "".join(body) + "</w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                   "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
                   "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
        z.writestr("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                   "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>")
        z.writestr("word/document.xml", document)

os.makedirs(OUT, exist_ok=True)
for seed in SEEDS:
    text = open(f"examples/reports/{seed}.txt", encoding="utf-8").read()
    lines = text.split("\n")
    open(f"{OUT}/{seed}.html", "wb").write(to_html(lines, seed).encode("gb18030"))
    open(f"{OUT}/{seed}.pipes.md", "w", encoding="utf-8").write(to_pipes(lines))
    to_docx(lines, f"{OUT}/{seed}.docx")
    open(f"{OUT}/{seed}.gb18030.txt", "wb").write(text.encode("gb18030"))
