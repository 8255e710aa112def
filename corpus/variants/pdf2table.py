#!/usr/bin/env python3
"""Rebuild the East of England action plan as one HTML table, from its PDF.

Usage: pdf2table.py PDF > out.html

Input is the word boxes that poppler's `pdftotext -bbox-layout` prints for
the sample PDF; nothing else is read (in particular no gold annotation). The
PDF was printed by LibreOffice Writer from a table whose header row
(Action | Milestone | Outcome | Lead organisation | Milestone(s) completion)
repeats on every page, so:

* columns are the left edges of the header words on each page; a word
  belongs to the last column that starts at or before it;
* a line in the Action column that starts "SO<n>:" (or "S0<n>:", as SO7
  and SO8 are printed) is an objective row
  (one cell across the table); one that starts "<n>. " opens an action row;
  every other word belongs to the row opened last (a page that starts with
  no new row continues the row of the page before);
* within a cell, lines are joined with a space (none after a line-final
  hyphen or slash: "over-" + "indebtedness"), and a gap larger than the line
  pitch starts a new paragraph (<p>), as the milestones are set;
* the page before the first table header is prose: its first line is the
  title, a one-line paragraph without a full stop is a heading.

Standard library only; the output depends only on the PDF and poppler.
"""
import html
import re
import subprocess
import sys

CSS = ("@page{size:A4 landscape}"
       "body{font-family:'Liberation Sans',Arial,sans-serif;font-size:9pt}"
       "table{border-collapse:collapse;width:100%}"
       "table,td,th{border:1px solid #000}"
       "td,th{padding:2pt 4pt;vertical-align:top;text-align:left}"
       "thead th{background:#ddd}"
       "td p{margin:0 0 4pt 0}"
       "tr{break-inside:avoid}")
PAGE = 10000.0
HEADER = ["Action", "Milestone", "Outcome", "Lead", "Milestone(s)"]
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def pages(pdf):
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", pdf, "-"],
        check=True, capture_output=True, text=True,
    ).stdout
    for n, page in enumerate(out.split("<page ")[1:]):
        words = []
        for m in WORD.finditer(page):
            x0, y0, x1, y1 = (float(v) for v in m.groups()[:4])
            # Pages stacked: a row continued on the next page sorts after.
            y0, y1 = y0 + n * PAGE, y1 + n * PAGE
            words.append((x0, y0, x1, y1, html.unescape(m.group(5))))
        yield words


def lines_of(words, tol=2.0):
    """Words grouped into lines (same top within tol), top to bottom."""
    lines = []
    for w in sorted(words, key=lambda w: (w[1], w[0])):
        if lines and abs(lines[-1][0][1] - w[1]) <= tol:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(l) for l in lines]


def text_of(line):
    return " ".join(w[4] for w in line)


def gaps_of(lines):
    tops = [l[0][1] for l in lines]
    return [b - a for a, b in zip(tops, tops[1:])]


def paragraphs(lines, pitch=None):
    """Lines (word lists, top to bottom) → paragraph strings; a gap over
    1.25 line pitches (default: the smallest gap here) starts a paragraph."""
    if not lines:
        return []
    gaps = gaps_of(lines)
    if pitch is None:
        pitch = min(gaps) if gaps else 0
    paras, cur = [], ""
    for i, l in enumerate(lines):
        t = text_of(l)
        if i and gaps[i - 1] > pitch * 1.25:
            paras.append(cur)
            cur = ""
        if not cur:
            cur = t
        elif cur.endswith(("-", "/")):
            cur += t
        else:
            cur += " " + t
    paras.append(cur)
    return paras


def header_of(words):
    """Column left edges and the bottom of the header, or None."""
    for line in lines_of(words):
        texts = [w[4] for w in line]
        if texts[:1] == ["Action"] and all(h in texts for h in HEADER):
            xs, seen = [], set()
            for w in line:
                if w[4] in HEADER and w[4] not in seen:
                    seen.add(w[4])
                    xs.append(w[0])
            bottom = max(w[3] for w in words if w[1] < line[0][3] + 2 and
                         (w[4] in HEADER or w[4] in ("organisation", "completion")))
            return xs, line[0][1], bottom
    return None


def main():
    pdf = sys.argv[1]
    prose = []   # lines before the first table header
    rows = []    # ("so", text) or ("action", [cells: list of word lists])
    title = ""
    for words in pages(pdf):
        hdr = header_of(words)
        if hdr is None:
            if not rows:
                prose.extend(lines_of(words))
                continue
            sys.exit("page without the table header after the table began")
        xs, top, bottom = hdr
        if not rows:
            prose.extend(lines_of([w for w in words if w[1] < top - 2]))
        body = [w for w in words if w[1] > bottom]
        col = lambda w: max(i for i, x in enumerate(xs) if x - 3 <= w[0]) if w[0] >= xs[0] - 3 else 0
        # Row starts from the Action column.
        starts = []  # (y, row index)
        for line in lines_of([w for w in body if col(w) == 0]):
            t = text_of(line)
            if re.match(r"S[O0]\d+:", t):  # printed "S07:" (zero) too
                # The objective spans the table: take the whole physical line.
                rows.append(("so", []))
                starts.append((line[0][1], len(rows) - 1))
            elif re.match(r"\d+\.\s", t):
                rows.append(("action", [[] for _ in xs]))
                starts.append((line[0][1], len(rows) - 1))
        for w in body:
            owner = None
            for y, i in starts:
                if y <= w[1] + 2:
                    owner = i
            if owner is None:
                owner = len(rows) - 1 - len(starts)  # continues the page before
            if owner < 0:
                sys.exit("word outside any row: %r" % (w,))
            if rows[owner][0] == "so":
                rows[owner][1].append(w)
            else:
                rows[owner][1][col(w)].append(w)
    out = ['<!DOCTYPE html>', '<html lang="en-GB">', '<head>',
           '<meta charset="utf-8">']
    body_html = []
    paras = paragraphs(prose)
    if paras:
        title = paras[0]
        body_html.append("<h1>%s</h1>" % html.escape(title, quote=False))
    for p in paras[1:]:
        if len(p) < 40 and not p.endswith("."):
            body_html.append("<h2>%s</h2>" % html.escape(p, quote=False))
        else:
            body_html.append("<p>%s</p>" % html.escape(p, quote=False))
    body_html.append("<table>")
    body_html.append("<thead><tr><th>Action</th><th>Milestone</th><th>Outcome</th>"
                     "<th>Lead organisation</th><th>Milestone(s) completion</th></tr></thead>")
    body_html.append("<tbody>")
    # The table's line pitch: its smallest gap between lines of one cell.
    pitch = min(g for kind, val in rows if kind == "action"
                for cell in val for g in gaps_of(lines_of(cell)))
    for kind, val in rows:
        if kind == "so":
            so = " ".join(paragraphs(lines_of(val), pitch))
            body_html.append('<tr><th colspan="5">%s</th></tr>' % html.escape(so, quote=False))
            continue
        cells = []
        for cell in val:
            ps = paragraphs(lines_of(cell), pitch)
            cells.append("<td>" + "".join("<p>%s</p>" % html.escape(p, quote=False) for p in ps) + "</td>")
        body_html.append("<tr>" + "".join(cells) + "</tr>")
    body_html.append("</tbody>")
    body_html.append("</table>")
    out.append("<title>%s</title>" % html.escape(title, quote=False))
    out.append("<style>%s</style>" % CSS)
    out.append("</head>")
    out.append("<body>")
    out.extend(body_html)
    out.append("</body>")
    out.append("</html>")
    print("\n".join(out))


if __name__ == "__main__":
    main()
