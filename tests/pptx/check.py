#!/usr/bin/env python3
"""Check brief's editable PowerPoint (out/slides.pptx) against the Typst deck it was written from.

Usage (from the project folder, with the Python that has python-pptx, e.g. /root/venv/bin/python):

    python tests/pptx/check.py --pptx out/slides.pptx --pdf out/slides.pdf \\
        --pdfpc out/slides.pdfpc --project . [--lo-out DIR] [--skip-lo] [--theme-faces] [--verbose]

Needs: python-pptx, PyYAML, openxml-audit (its CLI, looked up beside this Python and then on PATH),
poppler-utils (pdfinfo, pdftotext) and, unless --skip-lo, LibreOffice (soffice).

Output: one line per failed check, starting with "FAIL:", per-page statistics of the LibreOffice
comparison, and last a line "N passed, M failed". The exit status is 1 when anything failed
(2 for bad arguments or a missing tool).

The checks:

1. Pages: the deck has as many slides as the PDF has pages; the slide size is 16:9 and equals every
   PDF page's size within 0.5 pt (12 700 EMU per pt).
2. Text, per slide N: everything the slide can show (text frames of all visible shapes, recursing
   into groups; table cells; the non-placeholder shapes of its layout and master unless hidden with
   showMasterSp="0"; chart text: titles, axis titles, series names, category names, custom data
   labels, and every value both as a plain number (148.9, 100) and as rendered through the number
   formats that apply to it (0.0"亿元" -> 148.9亿元)) is gathered, and
   `pdftotext -f N -l N -layout` of PDF page N is taken. With all white space removed, every
   character of the PDF page must occur in the slide text at least as often (multiset
   containment). Missing characters are reported (the first 40, in PDF order). Only fallback: on a
   slide with a chart, a missing character that occurs in the literal part of some chart's number
   format code (a unit such as 亿元, %, 左右) is forgiven, at most once per data point on the slide
   (a safety net for number formats the small renderer here does not cover).
3. Notes: the notes text of slide N (absent = "") equals the pdfpc note of page N (absent = ""),
   after collapsing runs of white space to one space and trimming. A pdfpc note for a page beyond
   the last slide fails too.
4. Charts: every chart has at least one series; every (category, value) point matches a figure or
   target of the project's YAML data (see match_point for the rule); each chart part has a
   relationship of type .../package to an existing .xlsx part, referenced by c:externalData, and
   that workbook is a zip holding xl/workbook.xml (so that PowerPoint's "Edit Data" works).
5. Package: [Content_Types].xml covers every part (Default by extension or Override) and has no
   Override for an absent part; every internal relationship of every .rels points at an existing
   part, and relationship ids are unique per .rels; every r:id-style attribute of an XML part names
   a relationship of that part; p:cNvPr ids are unique within each slide, layout, master and notes
   slide; no XML part holds characters (literal or as &#...; references) illegal in XML 1.0, and
   every XML part parses; `openxml-audit -o json` reports error_count 0.
6. LibreOffice (unless --skip-lo): the deck is converted to PDF headless, with a private profile,
   twice: with FONTCONFIG_FILE=tests/pptx/fonts.conf (system fonts plus the project's fonts/: the
   faces Typst used) and with tests/pptx/fonts-other.conf (the system's fonts only: another CJK
   face, WenQuanYi Zen Hei on Debian, as on an office machine without the Noto faces). Each must
   have as many pages as the deck, and on every page, from `pdftotext -bbox`, no two words overlap
   (see words_overlap) and no word leaves the slide.
   Words inside a native chart's frame are left out (LibreOffice lays out a chart's labels).
   The text reflows (check 7), so positions are not compared with the PDF's line by line.
7. Structure: python-pptx finds a title placeholder on every slide, whose text the PDF page
   shows, and on the title slide it holds the data's whole headline (or title); the master's slide number placeholder holds a slidenum field; no a:br between two Han
   characters and no negative `spc` in slides, layouts and master; every body placeholder has
   normAutofit; the theme part's accent1 is the project's primary colour and (--theme-faces) its
   major and minor faces the project's heading and figure faces.

Limits: see the comments of each check. In short, check 2 proves that nothing is missing, not that
nothing is extra or that the order is right (check 6 covers placement); check 4 matches points by
label containment, so a value swapped between two figures of the same label family could slip
through; check 6 measures LibreOffice's rendering, which is a proxy for PowerPoint's, and cannot see
colours, fills or shapes.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import math
import os
import posixpath
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from urllib.parse import unquote

try:
    import yaml
    from lxml import etree
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE
except ImportError as e:  # pragma: no cover - environment problem, not a check failure
    sys.stderr.write(
        f"check.py: {e}. Run it with the Python that has python-pptx and PyYAML "
        "(e.g. /root/venv/bin/python; /root/venv/bin/pip install python-pptx pyyaml).\n"
    )
    sys.exit(2)

EMU_PER_PT = 12700
HERE = Path(__file__).resolve().parent

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
R_NS = NS["r"]
REL_PACKAGE = "/package"  # .../officeDocument/2006/relationships/package (embedded workbook)




def xp(el, path: str) -> list:
    """XPath with our prefixes (python-pptx's elements override .xpath() without `namespaces`)."""
    return etree.XPath(path, namespaces=NS)(el)


# ───────────────────────────── reporting ─────────────────────────────


class Report:
    """Counts checks; prints a FAIL: line for each failure (and PASS: lines with --verbose)."""

    def __init__(self, verbose: bool = False):
        self.passed = 0
        self.failed = 0
        self.verbose = verbose

    def check(self, ok: bool, what: str, detail: str = "") -> bool:
        if ok:
            self.passed += 1
            if self.verbose:
                print(f"PASS: {what}")
        else:
            self.failed += 1
            print(f"FAIL: {what}" + (f": {detail}" if detail else ""))
        return ok

    def fail(self, what: str, detail: str = "") -> None:
        self.check(False, what, detail)

    def info(self, line: str) -> None:
        print(line)


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def need_tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        sys.stderr.write(f"check.py: `{name}` not found (apt-get install poppler-utils / libreoffice-impress-nogui)\n")
        sys.exit(2)
    return path


def squash(s: str) -> str:
    """All white space removed."""
    return re.sub(r"\s+", "", s)


def collapse(s: str) -> str:
    """Runs of white space to one space, trimmed."""
    return re.sub(r"\s+", " ", s).strip()


def plain_number(v: float) -> str:
    """A number as a person (and Typst's fmt-num) writes it: 148.9, 100, 1.29, -3."""
    if v is None or (isinstance(v, float) and not math.isfinite(v)):
        return ""
    s = f"{v:.10f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


# ───────────────────────────── PDF helpers ─────────────────────────────


def pdf_page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Size in pt of every page (pdfinfo -f 1 -l N)."""
    out = run(["pdfinfo", str(pdf)])
    if out.returncode != 0:
        raise RuntimeError(f"pdfinfo {pdf}: {out.stderr.strip()}")
    pages = int(re.search(r"^Pages:\s+(\d+)", out.stdout, re.M).group(1))
    out = run(["pdfinfo", "-f", "1", "-l", str(pages), str(pdf)])
    sizes = [
        (float(m.group(1)), float(m.group(2)))
        for m in re.finditer(r"^Page\s+\d+\s+size:\s+([\d.]+)\s+x\s+([\d.]+)", out.stdout, re.M)
    ]
    if len(sizes) != pages:  # very old pdfinfo: only the first page
        m = re.search(r"^Page size:\s+([\d.]+)\s+x\s+([\d.]+)", out.stdout, re.M)
        sizes = [(float(m.group(1)), float(m.group(2)))] * pages
    return sizes


def pdf_page_text(pdf: Path, n: int) -> str:
    out = run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"])
    if out.returncode != 0:
        raise RuntimeError(f"pdftotext {pdf} page {n}: {out.stderr.strip()}")
    return out.stdout


class Word:
    __slots__ = ("text", "x0", "y0", "x1", "y1")

    def __init__(self, text, x0, y0, x1, y1):
        self.text, self.x0, self.y0, self.x1, self.y1 = text, x0, y0, x1, y1

    def __repr__(self):
        return f"{self.text!r}@({self.x0:.1f},{self.y0:.1f})"


def pdf_words(pdf: Path) -> list[tuple[float, float, list[Word]]]:
    """Per page: (width, height, words) from `pdftotext -bbox`."""
    out = run(["pdftotext", "-bbox", str(pdf), "-"])
    if out.returncode != 0:
        raise RuntimeError(f"pdftotext -bbox {pdf}: {out.stderr.strip()}")
    pages = []
    for pm in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out.stdout, re.S):
        words = [
            Word(html.unescape(m.group(5)), float(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4)))
            for m in re.finditer(
                r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>',
                pm.group(3),
                re.S,
            )
        ]
        pages.append((float(pm.group(1)), float(pm.group(2)), words))
    return pages


# ───────────────────────────── Excel number formats ─────────────────────────────


def _split_unquoted(code: str, sep: str) -> list[str]:
    parts, cur, i, q = [], "", 0, False
    while i < len(code):
        ch = code[i]
        if ch == '"':
            q = not q
        elif ch == "\\" and not q and i + 1 < len(code):
            cur += code[i : i + 2]
            i += 2
            continue
        elif ch == sep and not q:
            parts.append(cur)
            cur = ""
            i += 1
            continue
        cur += ch
        i += 1
    parts.append(cur)
    return parts


def numfmt_literals(code: str) -> str:
    """The characters an Excel number format adds around the number (quoted text, escapes, units)."""
    out = []
    for sec in _split_unquoted(code or "", ";"):
        for kind, tok in _numfmt_tokens(sec):
            if kind in ("lit", "pct"):
                out.append(tok)
    return "".join(out)


def _numfmt_tokens(sec: str):
    """Tokens of one format section, (kind, text): lit (text printed as is), ph (0 # ?), dot,
    comma, pct (an unquoted %, which also multiplies by 100), at (@), gen (General), sci (E+)."""
    i = 0
    while i < len(sec):
        ch = sec[i]
        if ch == '"':
            j = sec.find('"', i + 1)
            j = len(sec) if j < 0 else j
            yield ("lit", sec[i + 1 : j])
            i = j + 1
        elif ch == "\\" and i + 1 < len(sec):
            yield ("lit", sec[i + 1])
            i += 2
        elif ch == "_" and i + 1 < len(sec):
            yield ("lit", " ")
            i += 2
        elif ch == "*" and i + 1 < len(sec):
            i += 2
        elif ch == "[":
            j = sec.find("]", i)
            j = len(sec) if j < 0 else j
            inner = sec[i + 1 : j]
            if inner.startswith("$"):
                yield ("lit", inner[1:].split("-")[0])
            i = j + 1
        elif ch in "0#?":
            yield ("ph", ch)
            i += 1
        elif ch == ".":
            yield ("dot", ".")
            i += 1
        elif ch == ",":
            yield ("comma", ",")
            i += 1
        elif ch == "@":
            yield ("at", "@")
            i += 1
        elif ch == "%":
            yield ("pct", "%")
            i += 1
        elif sec[i : i + 7].lower() == "general":
            yield ("gen", "General")
            i += 7
        elif ch in "Ee" and i + 1 < len(sec) and sec[i + 1] in "+-":
            yield ("sci", ch)
            i += 2
        else:
            yield ("lit", ch)
            i += 1


def render_numfmt(value: float, code: str | None) -> str | None:
    """Render `value` through an Excel number format, as PowerPoint prints a data label.

    Covers what charts use: General, 0/#/? placeholders, decimals, thousands separators and
    scaling commas, %, quoted and escaped literals, [$...] currency, [colour]/[condition] (ignored),
    up to four ;-sections. Returns None for what it does not cover (scientific, dates)."""
    if not code or code.strip().lower() == "general":
        return plain_number(value)
    sections = _split_unquoted(code, ";")
    v, sign = value, ""
    if value < 0:
        if len(sections) > 1:
            sec, v = sections[1], -value
        else:
            sec, v, sign = sections[0], -value, "-"
    elif value == 0 and len(sections) > 2:
        sec = sections[2]
    else:
        sec = sections[0]
    toks = list(_numfmt_tokens(sec))
    if any(k == "sci" for k, _ in toks):
        return None
    ph_idx = [i for i, (k, _) in enumerate(toks) if k == "ph"]
    if not ph_idx and any(k == "lit" and len(t) == 1 and t in "dmyhsDMYHS" for k, t in toks):
        return None  # a date/time format
    if not ph_idx:  # no digit placeholder: literals, with the plain number for @ and General
        return sign + "".join(plain_number(v) if k in ("at", "gen") else t for k, t in toks if k in ("lit", "at", "gen", "pct"))
    first, last = ph_idx[0], ph_idx[-1]
    dot = next((i for i, (k, _) in enumerate(toks) if k == "dot" and first <= i <= last + 1), None)
    int_ph = [toks[i][1] for i in ph_idx if dot is None or i < dot]
    frac_ph = [toks[i][1] for i in ph_idx if dot is not None and i > dot]
    grouping = any(k == "comma" and first < i < (dot if dot is not None else last) for i, (k, _) in enumerate(toks))
    scale_commas = 0
    i = (dot if dot is not None and not frac_ph else last) + 1
    while i < len(toks) and toks[i][0] == "comma":
        scale_commas += 1
        i += 1
    percent = sum(1 for k, _ in toks if k == "pct")
    x = Decimal(repr(float(v))) * (Decimal(100) ** percent) / (Decimal(1000) ** scale_commas)
    x = x.quantize(Decimal(1).scaleb(-len(frac_ph)), rounding=ROUND_HALF_UP)
    s = f"{x:f}"
    ip, _, fp = s.partition(".")
    min_int = int_ph.count("0")
    ip = ip.lstrip("0")
    ip = ip.rjust(min_int, "0") if len(ip) < min_int else ip
    if grouping and ip:
        ip = f"{int(ip):,}"
    keep = len(frac_ph)
    while keep > 0 and frac_ph[keep - 1] != "0" and fp[keep - 1 : keep] == "0":
        keep -= 1
    fp = fp[:keep]
    num = ip + ("." + fp if fp else ("." if dot is not None and frac_ph else ""))  # Excel: 0.## -> "2."
    printed = ("lit", "pct")
    prefix = "".join(t for k, t in toks[:first] if k in printed)
    suffix = "".join(t for k, t in toks[last + 1 :] if k in printed)
    middle = "".join(t for k, t in toks[first : last + 1] if k in printed)
    return sign + prefix + num + middle + suffix


# ───────────────────────────── charts (XML) ─────────────────────────────


def _pts(el, path: str) -> dict[int, str]:
    """idx -> text of the c:pt elements under `el` at `path` (a cache or a literal)."""
    out = {}
    for pt in xp(el, path):
        v = pt.find("c:v", NS)
        if v is not None and v.text is not None:
            out[int(pt.get("idx"))] = v.text
    return out


def _series_cats(ser) -> tuple[dict[int, str], str | None]:
    """Category texts of a series (c:cat, or c:xVal for scatter/bubble) and the cache's format."""
    for tag in ("c:cat", "c:xVal"):
        cat = ser.find(tag, NS)
        if cat is None:
            continue
        multi = xp(cat, ".//c:multiLvlStrCache/c:lvl")
        if multi:
            levels = [_pts(lvl, "./c:pt") for lvl in multi]
            idxs = sorted(set().union(*levels))
            # level 0 is the leaf; outer levels only name the first point of their span
            return {i: " ".join(l[i] for l in reversed(levels) if i in l) for i in idxs}, None
        fmt = xp(cat, ".//c:numCache/c:formatCode/text()")
        return _pts(cat, ".//c:pt"), (fmt[0] if fmt else None)
    return {}, None


def _series_vals(ser) -> tuple[dict[int, float], list[str]]:
    """Values of a series (c:val or c:yVal) and the format codes found in its cache."""
    for tag in ("c:val", "c:yVal"):
        val = ser.find(tag, NS)
        if val is None:
            continue
        out = {}
        for i, t in _pts(val, ".//c:pt").items():
            try:
                out[i] = float(t)
            except ValueError:
                pass
        fmts = xp(val, ".//c:formatCode/text() | .//c:pt/@formatCode")
        return out, list(fmts)
    return {}, []


def _series_name(ser) -> str:
    tx = ser.find("c:tx", NS)
    if tx is None:
        return ""
    return "".join(xp(tx, ".//c:v/text() | .//a:t/text()"))


def chart_series(cs) -> list[dict]:
    """The series of a c:chartSpace: name, points [(idx, category, value, [number formats])]."""
    out = []
    for ser in xp(cs, ".//c:plotArea/*/c:ser"):
        plot = ser.getparent()
        cats, cat_fmt = _series_cats(ser)
        vals, cache_fmts = _series_vals(ser)
        plot_fmt = xp(plot, "./c:dLbls/c:numFmt/@formatCode")
        ser_fmt = xp(ser, "./c:dLbls/c:numFmt/@formatCode")
        points = []
        for i in sorted(vals):
            pt_fmt = xp(ser, f"./c:dLbls/c:dLbl[c:idx/@val='{i}']/c:numFmt/@formatCode")
            fmts = list(dict.fromkeys(pt_fmt + ser_fmt + plot_fmt + cache_fmts))
            cat = cats.get(i, "")
            if cat and cat_fmt:
                try:
                    cat = render_numfmt(float(cat), cat_fmt) or cat
                except ValueError:
                    pass
            points.append((i, cat, vals[i], fmts))
        track = bool(xp(ser, "./c:dLbls/c:delete[@val='1']"))
        out.append({"name": _series_name(ser), "points": points, "categories": cats, "track": track})
    return out


def axis_max(cs) -> float | None:
    """The value axis' fixed end (c:valAx/c:scaling/c:max), if the chart has one."""
    m = xp(cs, ".//c:valAx/c:scaling/c:max/@val")
    return float(m[0]) if m else None


def chart_text(cs) -> tuple[str, list[str], int]:
    """All text a chart can print, the number format codes it uses, and its number of points.

    Text: every a:t (titles, axis titles, rich data labels), series names, category names, and
    each value as a plain number and through each number format that applies to it."""
    parts = list(xp(cs, ".//a:t/text()"))
    fmts = list(xp(cs, ".//c:numFmt/@formatCode | .//c:formatCode/text()"))
    npoints = 0
    series = chart_series(cs)
    named = sum(1 for s in series if not s["track"]) > 1
    for s in series:
        parts.append(s["name"])
        parts.extend(s["categories"].values())
        if s["track"]:
            continue
        for _, cat, v, pfmts in s["points"]:
            npoints += 1
            if named:
                # a legend names each bar's series (2022年实绩) beside its category
                parts.append(s["name"])
            parts.append(cat)
            parts.append(plain_number(v))
            for f in dict.fromkeys(pfmts):
                r = render_numfmt(v, f)
                if r is not None:
                    parts.append(r)
    return "\n".join(parts), fmts, npoints


# ───────────────────────────── slides: shapes and text ─────────────────────────────


def _hidden(shape) -> bool:
    cnv = xp(shape._element, "./*[1]/p:cNvPr")
    return bool(cnv) and cnv[0].get("hidden") in ("1", "true")


def walk_shapes(shapes, xf=(1.0, 0.0, 1.0, 0.0)):
    """Yield (shape, (left, top, width, height) in slide EMU) for every visible shape, through groups.

    xf = (sx, dx, sy, dy) maps a group's child coordinates to slide coordinates."""
    sx, dx, sy, dy = xf
    for sh in shapes:
        if _hidden(sh):
            continue
        try:
            l, t, w, h = (sh.left or 0), (sh.top or 0), (sh.width or 0), (sh.height or 0)
        except Exception:
            l = t = w = h = 0
        box = (l * sx + dx, t * sy + dy, w * sx, h * sy)
        if sh.shape_type == MSO_SHAPE_TYPE.GROUP:
            x = sh._element.grpSpPr.find("a:xfrm", NS)
            if x is not None and x.find("a:chOff", NS) is not None:
                off, ext = x.find("a:off", NS), x.find("a:ext", NS)
                choff, chext = x.find("a:chOff", NS), x.find("a:chExt", NS)
                gsx = int(ext.get("cx")) / max(int(chext.get("cx")), 1)
                gsy = int(ext.get("cy")) / max(int(chext.get("cy")), 1)
                inner = (
                    sx * gsx,
                    dx + sx * (int(off.get("x")) - int(choff.get("x")) * gsx),
                    sy * gsy,
                    dy + sy * (int(off.get("y")) - int(choff.get("y")) * gsy),
                )
            else:
                inner = xf
            yield sh, box
            yield from walk_shapes(sh.shapes, inner)
        else:
            yield sh, box


def shapes_text(shapes, skip_placeholders: bool = False) -> tuple[list[str], list]:
    """Text of text frames and table cells of `shapes` (recursing into groups), and chart spaces."""
    texts, charts = [], []
    for sh, _ in walk_shapes(shapes):
        if skip_placeholders and sh.is_placeholder:
            continue
        if sh.has_text_frame:
            texts.append(sh.text_frame.text)
        if getattr(sh, "has_table", False) and sh.has_table:
            for row in sh.table.rows:
                for cell in row.cells:
                    texts.append(cell.text)
        if getattr(sh, "has_chart", False) and sh.has_chart:
            charts.append(sh.chart._chartSpace)
    return texts, charts


def _shows_master(el) -> bool:
    return el.get("showMasterSp") not in ("0", "false")


def slide_text(slide) -> tuple[str, list]:
    """All text slide can show, and its charts' c:chartSpace elements."""
    texts, charts = shapes_text(slide.shapes)
    if _shows_master(slide._element):
        try:
            layout = slide.slide_layout
        except KeyError:  # no layout relationship: check 5 reports the broken package
            return "\n".join(texts), charts
        t, c = shapes_text(layout.shapes, skip_placeholders=True)
        texts += t
        charts += c
        if _shows_master(layout._element):
            t, c = shapes_text(layout.slide_master.shapes, skip_placeholders=True)
            texts += t
            charts += c
    return "\n".join(texts), charts


# ───────────────────────────── check 1: pages ─────────────────────────────


def check_pages(rep: Report, prs, sizes: list[tuple[float, float]]) -> None:
    n = len(prs.slides)
    rep.check(n == len(sizes), "slide count", f"{n} slides, the PDF has {len(sizes)} pages")
    cx, cy = prs.slide_width, prs.slide_height
    wpt, hpt = cx / EMU_PER_PT, cy / EMU_PER_PT
    rep.check(
        cy > 0 and abs(cx / cy - 16 / 9) < 1e-3,
        "slide size is 16:9",
        f"{cx} x {cy} EMU ({wpt:.2f} x {hpt:.2f} pt), ratio {cx / cy if cy else float('nan'):.4f}",
    )
    bad = [
        f"page {i}: {w:.2f} x {h:.2f} pt"
        for i, (w, h) in enumerate(sizes, 1)
        if abs(w - wpt) > 0.5 or abs(h - hpt) > 0.5
    ]
    rep.check(
        not bad,
        "slide size equals the PDF page size (0.5 pt)",
        f"slide {wpt:.2f} x {hpt:.2f} pt; " + "; ".join(bad[:5]) + (" ..." if len(bad) > 5 else ""),
    )


# ───────────────────────────── check 2: text ─────────────────────────────


def check_text(rep: Report, prs, pdf: Path, npages: int) -> None:
    """The slide's text equals the PDF page's, as multisets of characters (white space removed).

    The slide number is a field: its cached text stands for the slide's number, and the PDF's
    "N / total" counts as N. Both ways for a slide without a chart; with a chart, only the PDF's
    characters must all be there (a chart's cache also holds the plain values), and the note under
    a comparison drawn pair by pair (注：…) is not needed: the native chart has one scale.
    Limits: order is not checked (check 6 sees the render)."""
    all_fmt_literals = set()
    per_slide = []
    for slide in prs.slides:
        text, charts = slide_text(slide)
        chart_parts, npoints, legend = [], 0, False
        for cs in charts:
            t, fmts, n = chart_text(cs)
            chart_parts.append(t)
            npoints += n
            legend = legend or bool(xp(cs, ".//c:legend"))
            for f in fmts:
                all_fmt_literals.update(squash(numfmt_literals(f)))
        per_slide.append((text, "\n".join(chart_parts), npoints, bool(charts), legend))
    for n in range(1, min(len(per_slide), npages) + 1):
        text, chart_part, npoints, has_chart, legend = per_slide[n - 1]
        text = text.replace("‹#›", str(n))
        have = Counter(squash(text + "\n" + chart_part))
        page = pdf_page_text(pdf, n)
        page = re.sub(rf"(?<!\d){n}\s*/\s*{npages}(?!\d)", str(n), page)
        if legend:
            page = "\n".join(line for line in page.splitlines() if not line.strip().startswith("注："))
        want = squash(page)
        missing = Counter(want) - have
        if missing and npoints:
            # fallback for chart labels: units from number formats, once per data point
            for ch in list(missing):
                if ch in all_fmt_literals:
                    missing[ch] -= min(missing[ch], npoints)
            missing = +missing
        extra = Counter() if has_chart else Counter(squash(text)) - Counter(want)
        if missing or extra:
            seq, left = [], Counter(missing)
            for ch in want:
                if left[ch] > 0:
                    seq.append(ch)
                    left[ch] -= 1
            total = sum(missing.values())
            rep.fail(
                f"text slide {n}",
                f"{total} character(s) of the PDF page missing: {''.join(seq[:40])!r}" + (" ..." if total > 40 else "")
                + (f"; {sum(extra.values())} not in the PDF: {''.join(sorted(extra.elements()))[:40]!r}" if extra else ""),
            )
        else:
            rep.check(True, f"text slide {n}")


# ───────────────────────────── check 3: notes ─────────────────────────────


def load_pdfpc_notes(path: Path) -> dict[int, str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    notes: dict[int, list[str]] = {}
    for page in data.get("pages", []):
        note = page.get("note")
        if note:
            notes.setdefault(int(page["idx"]), []).append(note)
    return {i: "\n".join(v) for i, v in notes.items()}


def check_notes(rep: Report, prs, pdfpc: Path) -> None:
    try:
        notes = load_pdfpc_notes(pdfpc)
    except (OSError, ValueError, KeyError) as e:
        rep.fail("pdfpc readable", str(e))
        return
    slides = list(prs.slides)
    for n, slide in enumerate(slides, 1):
        mine = ""
        if slide.has_notes_slide:
            tf = slide.notes_slide.notes_text_frame
            mine = tf.text if tf is not None else ""
        want = notes.get(n - 1, "")
        a, b = collapse(mine), collapse(want)
        if a == b:
            rep.check(True, f"notes slide {n}")
        else:
            k = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
            rep.fail(
                f"notes slide {n}",
                f"differ at character {k}: pptx {a[max(0, k - 10):k + 30]!r} vs pdfpc {b[max(0, k - 10):k + 30]!r}"
                + ("" if a else " (pptx has no notes)") + ("" if b else " (pdfpc has no note)"),
            )
    extra = sorted(i + 1 for i in notes if i >= len(slides) or i < 0)
    rep.check(not extra, "pdfpc notes belong to existing slides", f"notes for pages {extra} beyond {len(slides)} slides")


# ───────────────────────────── check 4: charts ─────────────────────────────


class Figure:
    __slots__ = ("id", "year", "label", "values", "compare")

    def __init__(self, id, year, label, values, compare):
        self.id, self.year, self.label, self.values, self.compare = id, year, label, values, compare


def _number(v):
    """A value as the data writes it: a YAML number, or a number quoted to keep its text ("13.0")."""
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return v
    if isinstance(v, str) and re.fullmatch(r"-?\d+(\.\d+)?", v.strip()):
        return float(v)
    return None


def load_figures(project: Path) -> list[Figure]:
    """Figures (label, value and share values) and targets (indicator, value) of both parts."""
    data = project / "data"
    meta = yaml.safe_load((data / "meta.yaml").read_text(encoding="utf-8"))
    figs = []
    for key in ("achievements", "plan"):
        part = yaml.safe_load((data / meta[key]).read_text(encoding="utf-8")) or {}
        year = part.get("year")
        for sec in part.get("sections") or []:
            for f in sec.get("figures") or []:
                vals = [f.get("value")] + [s.get("value") for s in f.get("share") or []]
                vals += [(f.get("yoy") or {}).get("value")]
                figs.append(Figure(f.get("id"), year, str(f.get("label") or ""), [n for n in map(_number, vals) if n is not None], f.get("compare")))
        for t in part.get("targets") or []:
            v = _number(t.get("value"))
            # a target may name the result it is charted beside (compare: gdp)
            figs.append(Figure(t.get("id"), year, str(t.get("indicator") or ""), [v] if isinstance(v, (int, float)) else [], t.get("compare")))
    return figs


def match_point(figs: list[Figure], category: str, series: str, value: float) -> bool:
    """Does (category, value) of a series named `series` state a figure of the data?

    Candidates: figures/targets whose label occurs in the category or in the series name, or that
    contain the category; plus the achievements figure a candidate `compare`s to (a "2022 vs 2023"
    chart names the pair by the plan's label). If the category and series name mention exactly one
    of the parts' years (e.g. "2022年"), only that year's candidates count. The point matches when a
    candidate's value, or one of its share values, equals the point's value within 1e-9."""
    cat = category.strip()
    if not cat and not series.strip():
        return False
    by_id = {f.id: f for f in figs}
    cands = [
        f for f in figs
        if f.label and ((cat and (f.label in cat or cat in f.label)) or (series and f.label in series))
    ]
    cands += [by_id[f.compare] for f in cands if f.compare in by_id]
    years = {f.year for f in figs if f.year is not None and re.search(rf"(?<!\d){f.year}(?!\d)", cat + " " + series)}
    if len(years) == 1:
        cands = [f for f in cands if f.year in years]
    return any(abs(v - value) <= 1e-9 for f in cands for v in f.values)


def _rels_path(part: str) -> str:
    d, base = posixpath.split(part)
    return posixpath.join(d, "_rels", base + ".rels")


def read_rels(z: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str, str | None]]:
    """rId -> (type, resolved target part name or URL, TargetMode) of a part's relationships."""
    rp = _rels_path(part)
    if rp not in z.namelist():
        return {}
    root = etree.fromstring(z.read(rp))
    out = {}
    base = posixpath.dirname(part)
    for r in root.findall("rel:Relationship", NS):
        mode = r.get("TargetMode")
        target = r.get("Target", "")
        if mode != "External":
            target = resolve_target(base, target)
        out[r.get("Id")] = (r.get("Type", ""), target, mode)
    return out


def resolve_target(base_dir: str, target: str) -> str:
    """A relationship target, relative to the source part's folder, as a zip member name."""
    target = unquote(target.split("#", 1)[0])
    path = target[1:] if target.startswith("/") else posixpath.join(base_dir, target)
    return posixpath.normpath(path).lstrip("/")


def check_charts(rep: Report, prs, pptx: Path, project: Path) -> None:
    """Limits: a point is matched by label containment and value, so a value moved to the
    neighbouring figure of the same label family (same year) could pass."""
    try:
        figs = load_figures(project)
    except Exception as e:  # noqa: BLE001 - any read/parse problem is a failure to report
        rep.fail("project data readable", f"{type(e).__name__}: {e}")
        figs = []
    z = zipfile.ZipFile(pptx)
    names = set(z.namelist())
    for n, slide in enumerate(prs.slides, 1):
        k = 0
        for sh, _ in walk_shapes(slide.shapes):
            if not (getattr(sh, "has_chart", False) and sh.has_chart):
                continue
            k += 1
            where = f"chart {k} of slide {n} ({sh.chart.part.partname})"
            series = chart_series(sh.chart._chartSpace)
            rep.check(bool(series), f"{where} has a series", "no series")
            bad = []
            top = axis_max(sh.chart._chartSpace)
            for s in series:
                if s["track"]:
                    # a share's 0–100 % background: every point at the axis' end
                    if any(top is None or abs(v - top) > 1e-9 for _, _c, v, _f in s["points"]):
                        bad.append(f"background series {s['name']!r} is not at the axis' end {top}")
                    continue
                for _, cat, v, pfmts in s["points"]:
                    if not match_point(figs, cat, s["name"], abs(v)):
                        bad.append(f"({cat!r}, {plain_number(v)}) of series {s['name']!r}")
                    # a value typed in with Edit Data (two decimals more) shows as typed, not
                    # rounded to the places of the label it replaces
                    edited = round(abs(v) + 0.01, 6)
                    for f in pfmts:
                        r = render_numfmt(edited, f)
                        numeric = re.search(r"0|General", re.sub(r'"[^"]*"', "", f))
                        if r is not None and numeric and plain_number(edited) not in r:
                            bad.append(f"({cat!r}) edited to {plain_number(edited)} shows {r!r} ({f})")
            rep.check(bool(series) and not bad, f"{where} points match the data", "; ".join(bad) or "no points")
            cs = sh.chart._chartSpace
            scaling = xp(cs, ".//c:valAx/c:scaling")
            rep.check(
                bool(scaling) and scaling[0].find("c:max", NS) is not None and scaling[0].find("c:min", NS) is not None,
                f"{where} has a fixed scale (axis min and max)",
            )
            rep.check(all(s["name"] and s["name"] != "数值" for s in series), f"{where} names every series", str([s["name"] for s in series]))
            labelled = [s for s in xp(cs, ".//c:ser") if not xp(s, "./c:dLbls/c:delete[@val='1']")]
            rep.check(
                all(xp(s, "./c:dLbls/c:txPr//a:defRPr[@b='1']") for s in labelled),
                f"{where} has bold labels, as the PDF",
            )
            shown = [s for s in series if not s["track"]]
            if len(shown) > 1:
                # a comparison: series named by their years, with a native legend or the PDF's key
                # drawn on the slide (swatches and the series' names, as text of the slide)
                years = {str(f.year) for f in figs if f.year is not None}
                unnamed = [s["name"] for s in shown if not any(y in s["name"] for y in years)]
                legend = bool(xp(sh.chart._chartSpace, ".//c:chart/c:legend"))
                drawn = all(squash(s["name"]) in squash(slide_text(slide)[0]) for s in shown)
                rep.check(not unnamed and (legend or drawn) and len({s["name"] for s in shown}) == len(shown),
                          f"{where} names its series from the data, with a legend",
                          f"names {[s['name'] for s in shown]}, legend {legend}, key on the slide {drawn}")
            check_workbook(rep, z, names, str(sh.chart.part.partname).lstrip("/"), where)


def check_workbook(rep: Report, z: zipfile.ZipFile, names: set[str], part: str, where: str) -> None:
    rels = read_rels(z, part)
    pkgs = {rid: t for rid, (typ, t, mode) in rels.items() if typ.endswith(REL_PACKAGE) and mode != "External"}
    ok = True
    if not pkgs:
        rep.fail(f"{where} embeds a workbook", "no relationship of type .../package")
        return
    cs = etree.fromstring(z.read(part))
    ext = cs.find("c:externalData", NS)
    rid = ext.get(f"{{{R_NS}}}id") if ext is not None else None
    if rid not in pkgs:
        ok = rep.check(False, f"{where} embeds a workbook", f"c:externalData r:id={rid!r} does not name the package relationship {sorted(pkgs)}")
    for rid, target in pkgs.items():
        if target not in names or not target.lower().endswith(".xlsx"):
            ok = rep.check(False, f"{where} embeds a workbook", f"{rid} -> {target} missing or not .xlsx")
            continue
        try:
            with zipfile.ZipFile(io.BytesIO(z.read(target))) as wb:
                if "xl/workbook.xml" not in wb.namelist():
                    ok = rep.check(False, f"{where} embeds a workbook", f"{target} has no xl/workbook.xml")
        except zipfile.BadZipFile:
            ok = rep.check(False, f"{where} embeds a workbook", f"{target} is not a zip")
    if ok:
        rep.check(True, f"{where} embeds a workbook")


# ───────────────────────────── check 5: package ─────────────────────────────

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_CHARREF = re.compile(rb"&#(x[0-9a-fA-F]+|[0-9]+);")


def _legal_codepoint(c: int) -> bool:
    return c in (0x9, 0xA, 0xD) or 0x20 <= c <= 0xD7FF or 0xE000 <= c <= 0xFFFD or 0x10000 <= c <= 0x10FFFF


def check_package(rep: Report, pptx: Path) -> None:
    """Structure a validator may miss: content types, relationships, shape ids, XML characters."""
    try:
        z = zipfile.ZipFile(pptx)
    except (OSError, zipfile.BadZipFile) as e:
        rep.fail("pptx is a zip", str(e))
        return
    names = [n for n in z.namelist() if not n.endswith("/")]
    lower = {n.lower(): n for n in names}
    parts = [n for n in names if n != "[Content_Types].xml"]

    # content types
    problems = []
    if "[Content_Types].xml" not in names:
        rep.fail("content types", "no [Content_Types].xml")
        ct_default, ct_override = {}, {}
    else:
        ct = etree.fromstring(z.read("[Content_Types].xml"))
        ct_default = {d.get("Extension", "").lower(): d.get("ContentType") for d in ct.findall("ct:Default", NS)}
        ct_override = {o.get("PartName", "").lstrip("/").lower(): o.get("ContentType") for o in ct.findall("ct:Override", NS)}
        for p in parts:
            ext = p.rsplit(".", 1)[-1].lower() if "." in posixpath.basename(p) else ""
            if p.lower() not in ct_override and ext not in ct_default:
                problems.append(f"no content type for /{p}")
        for o in ct_override:
            if o not in lower:
                problems.append(f"Override for absent part /{o}")
        rep.check(not problems, "content types cover exactly the parts", "; ".join(problems[:10]))

    # relationships
    problems = []
    rels_files = [n for n in names if n.endswith(".rels")]
    for rf in rels_files:
        d = posixpath.dirname(posixpath.dirname(rf))
        src = posixpath.join(d, posixpath.basename(rf)[: -len(".rels")])
        if src and src not in names:
            problems.append(f"{rf}: its source part {src} is absent")
        try:
            root = etree.fromstring(z.read(rf))
        except etree.XMLSyntaxError as e:
            problems.append(f"{rf}: {e}")
            continue
        ids = Counter(r.get("Id") for r in root.findall("rel:Relationship", NS))
        problems += [f"{rf}: duplicate Id {i}" for i, c in ids.items() if c > 1]
        for r in root.findall("rel:Relationship", NS):
            if r.get("TargetMode") == "External":
                continue
            t = resolve_target(posixpath.dirname(src), r.get("Target", ""))
            if t not in names:
                problems.append(f"{rf}: {r.get('Id')} -> /{t} (absent" + (", differs only in case" if t.lower() in lower else "") + ")")
    rep.check(not problems, "relationships point at existing parts", "; ".join(problems[:10]) + (" ..." if len(problems) > 10 else ""))

    # XML parts: well-formed, legal characters, r:id attributes resolve, unique shape ids
    bad_chars, bad_xml, dangling, dup_ids = [], [], [], []
    for p in names:
        if not (p.endswith(".xml") or p.endswith(".rels")):
            continue
        raw = z.read(p)
        try:
            text = raw.decode("utf-8") if not raw.startswith((b"\xff\xfe", b"\xfe\xff")) else raw.decode("utf-16")
        except UnicodeDecodeError as e:
            bad_chars.append(f"/{p}: not UTF-8 ({e.reason} at byte {e.start})")
            continue
        m = _ILLEGAL_XML.search(text)
        if m:
            bad_chars.append(f"/{p}: U+{ord(m.group()):04X} at offset {m.start()}")
        for ref in _CHARREF.finditer(raw):
            s = ref.group(1).decode()
            c = int(s[1:], 16) if s.startswith("x") else int(s)
            if not _legal_codepoint(c):
                bad_chars.append(f"/{p}: character reference &#{s}; at byte {ref.start()}")
                break
        try:
            root = etree.fromstring(raw)
        except etree.XMLSyntaxError as e:
            bad_xml.append(f"/{p}: {e}")
            continue
        if p.endswith(".rels") or p == "[Content_Types].xml":
            continue
        rel_ids = None
        for el in root.iter():
            for attr, val in el.attrib.items():
                if attr.startswith(f"{{{R_NS}}}") and attr != f"{{{R_NS}}}version":
                    if rel_ids is None:
                        rel_ids = set(read_rels(z, p))
                    if val not in rel_ids:
                        dangling.append(f"/{p}: {etree.QName(el).localname}/@r:{etree.QName(attr).localname}={val}")
        if root.tag.startswith(f"{{{NS['p']}}}") and root.find("p:cSld", NS) is not None:
            ids = Counter(e.get("id") for e in root.iter(f"{{{NS['p']}}}cNvPr"))
            d = sorted(i for i, c in ids.items() if c > 1)
            if d:
                dup_ids.append(f"/{p}: id(s) {', '.join(d)}")
    rep.check(not bad_xml, "XML parts are well-formed", "; ".join(bad_xml[:5]))
    rep.check(not bad_chars, "no characters illegal in XML 1.0", "; ".join(bad_chars[:10]))
    rep.check(not dangling, "relationship ids used in parts exist", "; ".join(dangling[:10]) + (" ..." if len(dangling) > 10 else ""))
    rep.check(not dup_ids, "shape ids (p:cNvPr/@id) unique per slide", "; ".join(dup_ids[:10]))


def find_openxml_audit() -> str | None:
    beside = Path(sys.executable).parent / "openxml-audit"
    if beside.exists():
        return str(beside)
    return shutil.which("openxml-audit")


def check_audit(rep: Report, pptx: Path) -> None:
    exe = find_openxml_audit()
    if not exe:
        rep.fail("openxml-audit", "openxml-audit not found (pip install openxml-audit)")
        return
    out = run([exe, "-o", "json", "-m", "0", str(pptx)], timeout=900)
    try:
        res = json.loads(out.stdout)
        res = res[0] if isinstance(res, list) else res
        n = int(res["error_count"])
    except (ValueError, KeyError, IndexError, TypeError):
        rep.fail("openxml-audit", f"unreadable output (exit {out.returncode}): {(out.stdout + out.stderr).strip()[:500]}")
        return
    if n == 0:
        rep.check(True, "openxml-audit: 0 errors")
        return
    rep.fail("openxml-audit", f"{n} error(s)")
    for e in res.get("errors", [])[:50]:
        print(f"    {e.get('part_uri')} {e.get('path')}: {e.get('description')}")
    if n > 50:
        print(f"    ... and {n - 50} more")


# ───────────────────────────── check 6: LibreOffice ─────────────────────────────


def render_libreoffice(pptx: Path, outdir: Path, conf: Path | None = None) -> Path:
    """pptx -> PDF with soffice headless, a private profile and the fonts of `conf` (by default
    fonts.conf: the system's and the project's)."""
    profile = Path(tempfile.mkdtemp(prefix="brief-lo-profile-"))
    env = dict(os.environ)
    env["FONTCONFIG_FILE"] = str(conf or HERE / "fonts.conf")
    try:
        out = run(
            [
                need_tool("soffice"),
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                str(pptx),
            ],
            env=env,
            timeout=900,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdf = outdir / (pptx.stem + ".pdf")
    if not pdf.exists():
        raise RuntimeError(f"soffice wrote no PDF (exit {out.returncode}): {(out.stdout + out.stderr).strip()[:500]}")
    return pdf


def chart_boxes_pt(prs, page_sizes) -> list[list[tuple[float, float, float, float]]]:
    """Per slide: the frames of its charts, in PDF points (x0, y0, x1, y1)."""
    out = []
    for i, slide in enumerate(prs.slides):
        pw = page_sizes[i][0] if i < len(page_sizes) else prs.slide_width / EMU_PER_PT
        k = pw / (prs.slide_width / EMU_PER_PT)
        boxes = []
        for sh, (l, t, w, h) in walk_shapes(slide.shapes):
            if getattr(sh, "has_chart", False) and sh.has_chart:
                boxes.append((l / EMU_PER_PT * k, t / EMU_PER_PT * k, (l + w) / EMU_PER_PT * k, (t + h) / EMU_PER_PT * k))
        out.append(boxes)
    return out


def words_overlap(a: Word, b: Word) -> bool:
    """Two words' glyphs cover each other: more than 1 pt across and 0.5 pt up and down. A word's
    box from pdftotext is the font's ascent to descent (LibreOffice's: 1.3 em for the Noto and
    WenQuanYi faces), so its glyphs are taken as its middle 70 %."""
    def core(w):
        h = w.y1 - w.y0
        return w.y0 + 0.15 * h, w.y1 - 0.15 * h

    (ay0, ay1), (by0, by1) = core(a), core(b)
    dx = min(a.x1, b.x1) - max(a.x0, b.x0)
    dy = min(ay1, by1) - max(ay0, by0)
    return dx > 1.0 and dy > 0.5


def layout_problems(words: list[Word], pw: float, ph: float, exclude) -> list[str]:
    """What is wrong with a rendered slide's text: words that overlap, words off the slide."""
    problems = []
    off = [w for w in words if w.x0 < -0.5 or w.y0 < -0.5 or w.x1 > pw + 0.5 or w.y1 > ph + 0.5]
    if off:
        problems.append(f"{len(off)} word(s) leave the slide: {off[:3]}")
    ws = [w for w in words if w.text.strip() and not exclude((w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2)]
    pairs = [(a, b) for i, a in enumerate(ws) for b in ws[i + 1 :] if words_overlap(a, b)]
    if pairs:
        problems.append(f"{len(pairs)} pair(s) of words overlap: {pairs[:3]}")
    return problems


def render_checked(rep: Report, prs, pptx: Path, outdir: Path, conf: Path, what: str, pages: int | None) -> None:
    """Render with LibreOffice under `conf`; every slide: no two words overlap, none leaves it."""
    try:
        lo_pdf = render_libreoffice(pptx, outdir, conf)
    except (RuntimeError, subprocess.TimeoutExpired) as e:
        rep.fail(f"LibreOffice renders the deck ({what})", str(e))
        return
    lo_pages = pdf_words(lo_pdf)
    if pages is not None and not rep.check(len(lo_pages) == pages, f"LibreOffice page count ({what})", f"{len(lo_pages)} pages, the deck has {pages}"):
        return
    boxes = chart_boxes_pt(prs, [(w, h) for w, h, _ in lo_pages])
    for n, (pw, ph, words) in enumerate(lo_pages, 1):
        cb = boxes[n - 1] if n <= len(boxes) else []

        def exclude(x, y, cb=cb):
            return any(x0 - 2 <= x <= x1 + 2 and y0 - 2 <= y <= y1 + 2 for x0, y0, x1, y1 in cb)

        problems = layout_problems(words, pw, ph, exclude)
        rep.info(f"  LO page {n} ({what}): {len(words)} words" + ("; " + "; ".join(problems) if problems else ""))
        rep.check(not problems, f"LibreOffice page {n} ({what}): no text overlaps, none leaves the slide", "; ".join(problems))


def check_libreoffice(rep: Report, prs, pptx: Path, pdf: Path, lo_out: Path | None, pages: int | None = None) -> None:
    """Check 6: the deck rendered by LibreOffice with the bundled faces (fonts.conf) and with
    another CJK face instead (fonts-other.conf: the system's, WenQuanYi Zen Hei on Debian)."""
    tmp = None
    outdir = lo_out
    if outdir is None:
        tmp = tempfile.mkdtemp(prefix="brief-lo-out-")
        outdir = Path(tmp)
    try:
        for conf, what in ((HERE / "fonts.conf", "bundled faces"), (HERE / "fonts-other.conf", "another CJK face")):
            sub = outdir / conf.stem
            sub.mkdir(parents=True, exist_ok=True)
            render_checked(rep, prs, pptx, sub, conf, what, pages)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


# ───────────────────────────── check 7: structure ─────────────────────────────


def is_han(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"


def theme_of(project: Path) -> dict:
    """The project's theme over the defaults (templates/theme.yaml beside these tests)."""
    import yaml

    base = yaml.safe_load((HERE.parent.parent / "templates" / "theme.yaml").read_text(encoding="utf-8")) or {}
    path = project / "theme.yaml"
    own = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    own = own or {}
    out = {}
    for key in ("colors", "fonts"):
        out[key] = {**(base.get(key) or {}), **{k: v for k, v in (own.get(key) or {}).items() if v is not None}}
    return out


def check_structure(rep: Report, prs, pptx: Path, pdf: Path, project: Path, faces: bool) -> None:
    """Check 7: titles in title placeholders, the slide number a field in the master, text that
    reflows (no a:br between two Han characters, no negative spacing, normAutofit on body frames),
    the theme part from the project's theme."""
    for n, slide in enumerate(prs.slides, 1):
        title = slide.shapes.title
        text = squash(title.text_frame.text) if title is not None else ""
        page = squash(pdf_page_text(pdf, n))
        rep.check(bool(text) and text in page, f"slide {n}: a title placeholder with the slide's title", f"title {text!r}")
    # The title slide's placeholder holds the whole headline (else the title), as the data writes
    # it: no piece of it split off into a text box of its own.
    import yaml

    meta = yaml.safe_load((project / "data" / "meta.yaml").read_text(encoding="utf-8"))
    first = prs.slides[0].shapes.title if len(prs.slides) else None
    expected = squash(str(meta.get("headline") or meta["title"]))
    got = squash(first.text_frame.text) if first is not None else ""
    rep.check(got == expected, "slide 1: the title placeholder holds the whole headline", f"{got!r} ≠ {expected!r}")
    z = zipfile.ZipFile(pptx)
    names = z.namelist()
    master = z.read("ppt/slideMasters/slideMaster1.xml").decode()
    rep.check('type="slidenum"' in master and 'type="sldNum"' in master, "the master's slide number is a field")
    han_breaks = breaks = negative = bodies = unfit = 0
    for name in names:
        if not re.match(r"ppt/(slides|slideLayouts|slideMasters)/[^/]+\.xml$", name):
            continue
        root = etree.fromstring(z.read(name))
        for p in root.iter(f"{{{NS['a']}}}p"):
            items = [el for el in p if el.tag in (f"{{{NS['a']}}}r", f"{{{NS['a']}}}br", f"{{{NS['a']}}}fld")]
            for i, el in enumerate(items):
                if el.tag.endswith("}br"):
                    breaks += 1
                    before = "".join(t.text or "" for e in items[:i] for t in e.iter(f"{{{NS['a']}}}t"))
                    after = "".join(t.text or "" for e in items[i + 1 :] for t in e.iter(f"{{{NS['a']}}}t"))
                    if before and after and is_han(before[-1]) and is_han(after[0]):
                        han_breaks += 1
        negative += sum(1 for el in root.iter() if el.get("spc", "0").startswith("-"))
        if name.startswith("ppt/slides/"):
            for sp in root.iter(f"{{{NS['p']}}}sp"):
                ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
                if ph is not None and (ph.get("type") in (None, "body", "obj")) and ph.get("idx") not in (None, "0"):
                    bodies += 1
                    if sp.find("p:txBody/a:bodyPr/a:normAutofit", NS) is None:
                        unfit += 1
    rep.info(f"  structure: {breaks} a:br, {han_breaks} between two Han characters, {negative} negative spc, {bodies} body frames")
    rep.check(han_breaks == 0, "no line break between two Han characters", f"{han_breaks} of {breaks} a:br")
    rep.check(negative == 0, "no negative character spacing", f"{negative} spc < 0")
    # A deck of cards, tables and charts alone has no body frame (tests/pptx.rs asserts Harbin's count).
    rep.check(unfit == 0, "every body frame shrinks on overflow (normAutofit)", f"{unfit} of {bodies} without")
    theme = etree.fromstring(z.read("ppt/theme/theme1.xml"))
    want = theme_of(project)
    accent1 = theme.find(".//a:clrScheme/a:accent1/a:srgbClr", NS).get("val")
    rep.check(accent1.upper() == str(want["colors"]["primary"]).lstrip("#").upper(), "the theme's accent1 is the project's primary colour", f"accent1 {accent1}, theme {want['colors']['primary']}")
    if faces:
        major = theme.find(".//a:majorFont/a:ea", NS).get("typeface")
        minor = theme.find(".//a:minorFont/a:ea", NS).get("typeface")
        rep.check(
            (major, minor) == (want["fonts"]["heading"], want["fonts"]["figure"]),
            "the theme's faces are the project's",
            f"major {major}, minor {minor}; theme heading {want['fonts']['heading']}, figure {want['fonts']['figure']}",
        )


# ───────────────────────────── main ─────────────────────────────


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pptx", required=True, type=Path)
    ap.add_argument("--pdf", required=True, type=Path, help="the Typst deck (out/slides.pdf)")
    ap.add_argument("--pdfpc", required=True, type=Path)
    ap.add_argument("--project", required=True, type=Path, help="the project folder (holds data/)")
    ap.add_argument("--lo-out", type=Path, help="keep LibreOffice's PDF in this folder")
    ap.add_argument("--skip-lo", action="store_true", help="skip the LibreOffice comparison (check 6)")
    ap.add_argument("--theme-faces", action="store_true", help="check that the theme part names the project's faces (no --pptx-font)")
    ap.add_argument("--verbose", "-v", action="store_true", help="print passed checks too")
    args = ap.parse_args(argv)
    need_tool("pdfinfo")
    need_tool("pdftotext")
    for p in (args.pptx, args.pdf, args.pdfpc):
        if not p.exists():
            print(f"FAIL: {p} does not exist")
            print("0 passed, 1 failed")
            return 1

    rep = Report(args.verbose)
    try:
        sizes = pdf_page_sizes(args.pdf)
    except (RuntimeError, AttributeError) as e:
        rep.fail("PDF readable", str(e))
        sizes = None
    try:
        prs = Presentation(str(args.pptx))
    except Exception as e:  # noqa: BLE001
        rep.fail("python-pptx opens the deck", f"{type(e).__name__}: {e}")
        prs = None

    def guarded(name, fn, *a):
        """Run one check; a crash (a deck too broken to read) is a failure, the others still run."""
        try:
            fn(rep, *a)
        except Exception as e:  # noqa: BLE001
            rep.fail(f"{name} could not run", f"{type(e).__name__}: {e}")

    if prs is not None and sizes is not None:
        guarded("check 1 (pages)", check_pages, prs, sizes)
        guarded("check 2 (text)", check_text, prs, args.pdf, len(sizes))
    if prs is not None:
        guarded("check 3 (notes)", check_notes, prs, args.pdfpc)
        guarded("check 4 (charts)", check_charts, prs, args.pptx, args.project)
    guarded("check 5 (package)", check_package, args.pptx)
    guarded("check 5 (openxml-audit)", check_audit, args.pptx)
    if not args.skip_lo and prs is not None and sizes is not None:
        guarded("check 6 (LibreOffice)", check_libreoffice, prs, args.pptx, args.pdf, args.lo_out, len(sizes))
    if prs is not None and sizes is not None:
        guarded("check 7 (structure)", check_structure, prs, args.pptx, args.pdf, args.project, args.theme_faces)

    print(f"{rep.passed} passed, {rep.failed} failed")
    return 1 if rep.failed else 0


if __name__ == "__main__":
    sys.exit(main())
