"""Checks brief's briefing.docx with real clients, as a reader and an editor would.

    check.py --docx out/briefing.docx --pdf out/briefing.pdf --project DIR [--lo] [--edit] [--charts N]

0. The package: content types, relationships, XML characters (tests/pptx/check.py's check), and
   openxml-audit reports no error.
1. python-docx reads it: the article's text (every Body Text paragraph and heading from the first
   paragraph of the article to the last) is the briefing PDF's text of the same stretch, word for
   word and in its order (white space aside); headings use "Heading 1"/"Heading 2", whose styles
   carry outline levels 0 and 1, one per titled part and section of the data (plus the overview);
   body paragraphs indent two characters (w:firstLineChars="200" and w:firstLine); the targets
   table has every target's indicator and figure and a header row that repeats; the cards have
   every headline figure's label; the figures in the text are runs in the Figure character style.
2. Charts: at least N inline charts (--charts), each with a workbook; every point of a series
   that is not a share's background is a figure of the data (tests/pptx/check.py's rule).
3. Properties: title, keywords and language from meta.yaml.
4. --lo: LibreOffice Writer converts it to PDF under a fontconfig without the Noto faces: page
   count within one of the briefing's, the bundled faces embedded in the .docx used (pdffonts),
   no text outside the page, no two words overlapping (pdftotext -bbox-layout).
5. --edit: python-docx appends a sentence to a body paragraph and a row to the targets table;
   LibreOffice renders the edited file with the sentence and the row, no overlap, nothing off the page.

Prints one line per check and closes with 'N passed, M failed'; exits 1 on a failure.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import docx
import yaml
from docx.enum.shape import WD_INLINE_SHAPE

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "pptx"))
from check import chart_series, check_audit, check_package, load_figures, match_point  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def fail(self, what, detail=""):
        return self.check(False, what, detail)

    def check(self, ok, what, detail=""):
        if ok:
            self.passed += 1
            print(f"ok: {what}")
        else:
            self.failed += 1
            print(f"FAIL: {what}: {detail}")
        return ok


def squash(s: str) -> str:
    s = re.sub(r"\s+", "", s)
    return s.translate(str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）"}))


def pdf_body(pdf: Path) -> str:
    """The type area's text of an A4 page, as tests/common pdf_body_text takes it."""
    out = subprocess.run(
        ["pdftotext", "-r", "72", "-x", "0", "-y", "100", "-W", "595", "-H", "645", str(pdf), "-"],
        capture_output=True, text=True, check=True,
    )
    return squash(out.stdout)


def load_data(project: Path):
    data = project / "data"
    meta = yaml.safe_load((data / "meta.yaml").read_text(encoding="utf-8"))
    parts = [yaml.safe_load((data / meta[k]).read_text(encoding="utf-8")) or {} for k in ("achievements", "plan")]
    return meta, parts


def outline_level(style) -> str | None:
    el = style.element.find(f"{{{W}}}pPr/{{{W}}}outlineLvl")
    return None if el is None else el.get(f"{{{W}}}val")


def check_text(rep: Report, d, pdf: Path, meta, parts):
    paras = d.paragraphs
    styles = [p.style.name for p in paras]
    article = [i for i, s in enumerate(styles) if s == "Body Text"]
    if not rep.check(bool(article), "body paragraphs in the Body Text style", f"styles {sorted(set(styles))}"):
        return
    text = squash("".join(p.text for p in paras[article[0]:article[-1] + 1]
                          if p.style.name in ("Body Text", "Heading 1", "Heading 2")))
    body = pdf_body(pdf)
    head, tail = text[:12], text[-12:]
    start, end = body.find(head), body.rfind(tail)
    if rep.check(start >= 0 and end >= start, "the article's first and last words are the PDF's",
                 f"{head!r} at {start}, {tail!r} at {end}"):
        span = body[start:end + len(tail)]
        if span == text:
            rep.check(True, f"the article word for word and in the PDF's order ({len(text)} characters)")
        else:
            k = next((i for i in range(min(len(span), len(text))) if span[i] != text[i]), min(len(span), len(text)))
            rep.check(False, "the article word for word and in the PDF's order",
                      f"departs after {k} characters: docx …{text[max(0, k - 15):k + 25]!r} vs pdf …{span[max(0, k - 15):k + 25]!r}")
    # Headings: styles with outline levels, one per titled part and section (and the overview).
    h1 = [p for p in paras if p.style.name == "Heading 1"]
    h2 = [p for p in paras if p.style.name == "Heading 2"]
    want1 = 1 + sum(1 for p in parts if p.get("title") is not None or "title" in p)
    want2 = sum(1 for p in parts for s in p.get("sections") or [] if "title" in s)
    rep.check(len(h1) == want1 and len(h2) == want2, "a Heading 1 per part title and the overview, a Heading 2 per section title",
              f"{len(h1)}/{want1} and {len(h2)}/{want2}")
    lv = (outline_level(d.styles["Heading 1"]), outline_level(d.styles["Heading 2"]))
    rep.check(lv == ("0", "1"), "headings carry outline levels 0 and 1", f"{lv}")
    body_style = d.styles["Body Text"].element
    ind = body_style.find(f"{{{W}}}pPr/{{{W}}}ind")
    rep.check(ind is not None and ind.get(f"{{{W}}}firstLineChars") == "200" and int(ind.get(f"{{{W}}}firstLine", "0")) > 0,
              "body text indents two characters (firstLineChars and firstLine)", "" if ind is None else str(ind.attrib))
    # Figures are runs of the Figure character style, inside their paragraph.
    figs = [r for p in paras if p.style.name == "Body Text" for r in p.runs if r.style is not None and r.style.name == "Figure"]
    rep.check(bool(figs) or not any("{" in str(x) for p in parts for s in p.get("sections") or [] for x in s.get("paragraphs") or []),
              "figures are runs in the Figure character style", "none found")
    # No paragraph holds a hard line break.
    breaks = [p.text[:20] for p in paras if p.style.name == "Body Text" and p._p.xpath(".//w:br")]
    rep.check(not breaks, "body paragraphs flow freely (no line breaks)", f"{breaks[:3]}")


def check_colophon(rep: Report, d, pdf: Path, meta):
    """The 版记 says what the PDF's says, and all that meta states: each
    recipient, the issuing office, the printing date (printed, else date)."""
    rows = [p for p in d.paragraphs if p.style.name == "Colophon"]
    text = squash("".join(p.text for p in rows))
    r = meta.get("recipients") or {}
    names = [n for k in ("report", "send", "copy") for n in r.get(k) or []]
    issuer = meta.get("issuer")
    when = str(meta.get("printed") or meta.get("date") or "")
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", when)
    date = f"{int(m[1])}年{int(m[2])}月{int(m[3])}日" if m else None
    want = names + [x for x in (issuer, date) if x]
    missing = [w for w in want if squash(w) not in text]
    rep.check(not missing, "the 版记 holds every recipient, the issuing office and the printing date",
              f"missing {missing} in {text!r}")
    rep.check(len(rows) == sum(1 for k in ("report", "send", "copy") if r.get(k)) + (1 if issuer or date else 0),
              "the 版记: a row per kind of recipient and one for the office and the date", f"{[p.text for p in rows]}")
    last = subprocess.run(["pdftotext", "-f", "0", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    last = squash(last.split("\f")[-2] if "\f" in last else last)
    rep.check(not rows or text in last, "the 版记 reads as the PDF's",
              f"docx {text!r}, PDF's last page ends {last[-80:]!r}")
    header = d.sections[0].first_page_header
    line = [p.text for p in header.paragraphs if p.style.name == "Masthead Line"]
    rep.check(not issuer or any(issuer in t for t in line), "the masthead names the issuing office", f"{line}")


def check_tables(rep: Report, d, meta, parts):
    plan = parts[1]
    targets = plan.get("targets") or []
    cells = [[c.text for c in row.cells] for t in d.tables for row in t.rows]
    if targets:
        table = next((t for t in d.tables if t.rows and "指标" in "".join(c.text for c in t.rows[0].cells)), None)
        if rep.check(table is not None, "a targets table"):
            rows = [[c.text for c in r.cells] for r in table.rows]
            repeat = table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
            rep.check(bool(repeat), "the targets table's header row repeats on each page")
            missing = []
            for t in targets:
                value = t.get("goal") if t.get("goal") is not None else t.get("value")
                num = None if value is None else (str(value) if not isinstance(value, float) else None)
                ok = any(t["indicator"] in r[1] and (num is None or num in r[2]) for r in rows[1:])
                if not ok and isinstance(value, float):
                    ok = any(t["indicator"] in r[1] and re.search(rf"(?<![\d.]){re.escape(str(value).rstrip('0').rstrip('.'))}", r[2]) for r in rows[1:])
                if not ok:
                    missing.append(t["indicator"])
            rep.check(not missing, f"every target with its figure in the table ({len(targets)})", f"missing {missing}")
    headline = [f for p in parts for s in p.get("sections") or [] for f in s.get("figures") or [] if f.get("headline")]
    flat = "\n".join(c for row in cells for c in row)
    missing = [f["label"] for f in headline if f["label"] not in flat]
    rep.check(not missing, f"a card for every headline figure ({len(headline)})", f"missing {missing}")


def check_charts(rep: Report, d, path: Path, project: Path, want: int):
    charts = [s for s in d.inline_shapes if s.type == WD_INLINE_SHAPE.CHART]
    rep.check(len(charts) >= want, f"at least {want} native charts", f"{len(charts)}")
    figs = load_figures(project)
    z = zipfile.ZipFile(path)
    for k, name in enumerate(sorted(n for n in z.namelist() if re.match(r"word/charts/chart\d+\.xml$", n)), 1):
        from lxml import etree
        cs = etree.fromstring(z.read(name))
        series = chart_series(cs)
        bad = []
        top = cs.xpath(".//c:valAx/c:scaling/c:max/@val", namespaces={"c": C})
        for s in series:
            if s["track"]:
                if any(not top or abs(v - float(top[0])) > 1e-9 for _, _c, v, _f in s["points"]):
                    bad.append(f"background {s['name']!r} not at the axis' end")
                continue
            for _, cat, v, _f in s["points"]:
                if not match_point(figs, cat, s["name"], abs(v)):
                    bad.append(f"({cat!r}, {v}) of {s['name']!r}")
        rep.check(series and not bad, f"chart {k}: its points are the data's", "; ".join(bad) or "no series")
        rels = z.read(name.replace("charts/", "charts/_rels/") + ".rels").decode()
        target = re.search(r'Target="\.\./embeddings/([^"]+)"', rels)
        rep.check(bool(target) and f"word/embeddings/{target.group(1)}" in z.namelist(), f"chart {k}: its workbook is embedded")


def check_properties(rep: Report, d, meta):
    cp = d.core_properties
    kw = ", ".join(meta.get("keywords") or [])
    rep.check(cp.title == meta["title"] and cp.language == "zh-CN" and cp.keywords == kw,
              "properties: title, keywords, language", f"{cp.title!r} {cp.keywords!r} {cp.language!r}")


def lo_convert(src: Path, out: Path) -> Path:
    conf = out / "fonts.conf"
    # The system's faces only: the bundled Noto faces must come from the document.
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">'
                    '<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                    '<selectfont><rejectfont><glob>*Noto*CJK*</glob><glob>*NotoSansSC*</glob><glob>*NotoSerifSC*</glob></rejectfont></selectfont>'
                    '</fontconfig>')
    env = dict(os.environ, FONTCONFIG_FILE=str(conf))
    profile = out / "profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), str(src)], env=env, capture_output=True, timeout=240)
    return out / (src.stem + ".pdf")


def pages_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def lines_of(pdf: Path):
    """Per page: (width, height, [(xmin, ymin, xmax, ymax, text)]) of pdftotext -bbox-layout's words."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", out).replace('xmlns="http://www.w3.org/1999/xhtml"', ""))
    pages = []
    for page in root.iter("page"):
        # Words, not pdftotext's lines: it may join words of neighbouring table cells
        # set at different heights into one line whose box covers both.
        lines = []
        for word in page.iter("word"):
            box = tuple(float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
            lines.append((*box, word.text or ""))
        pages.append((float(page.get("width")), float(page.get("height")), lines))
    return pages


def check_render(rep: Report, pdf: Path, want_pages: int | None, label: str):
    if not rep.check(pdf.exists(), f"{label}: LibreOffice converts it"):
        return ""
    n = pages_count(pdf)
    if want_pages is not None:
        rep.check(abs(n - want_pages) <= 1, f"{label}: {n} pages, within one of the briefing's {want_pages}")
    off, overlaps = [], []
    text = []
    for i, (w, h, lines) in enumerate(lines_of(pdf), 1):
        for (x0, y0, x1, y1, t) in lines:
            text.append(t)
            if x0 < -0.5 or y0 < -0.5 or x1 > w + 0.5 or y1 > h + 0.5:
                off.append(f"p{i} {t[:12]!r}")
        for a in range(len(lines)):
            for b in range(a + 1, len(lines)):
                A, B = lines[a], lines[b]
                dx = min(A[2], B[2]) - max(A[0], B[0])
                dy = min(A[3], B[3]) - max(A[1], B[1])
                small = min(A[3] - A[1], B[3] - B[1])
                if dx > 1 and dy > 0.3 * small:
                    overlaps.append(f"p{i} {A[4][:10]!r}/{B[4][:10]!r}")
    rep.check(not off, f"{label}: no text outside the page", f"{off[:5]}")
    rep.check(not overlaps, f"{label}: no two words overlap", f"{len(overlaps)}: {overlaps[:5]}")
    return "".join(text)


def check_fonts(rep: Report, pdf: Path, z: zipfile.ZipFile):
    embedded = bool([n for n in z.namelist() if n.endswith(".odttf")])
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    faces = sorted({re.sub(r"^[A-Z]{6}\+", "", l.split()[0]) for l in out.splitlines()[2:] if l.strip()})
    if embedded:
        rep.check(any(f.startswith("NotoSerifSC") for f in faces) and any(f.startswith("NotoSansSC") for f in faces),
                  "the embedded Noto faces are used without them installed", f"{faces}")
    return faces


def edit(src: Path, dst: Path) -> tuple[str, str]:
    d = docx.Document(str(src))
    sentence = "这是编辑时加入的一句话，用来检查文字能否自然换行而不与其他行重叠。"
    body = [p for p in d.paragraphs if p.style.name == "Body Text"]
    target = body[min(3, len(body) - 1)]
    target.add_run(sentence)
    row = ""
    for t in d.tables:
        if t.rows and "指标" in "".join(c.text for c in t.rows[0].cells):
            cells = t.add_row().cells
            values = [str(len(t.rows) - 1), "新增的编辑指标", "增长百分之五"]
            for c, v in zip(cells, values):
                c.text = v
            row = values[1]
    d.save(str(dst))
    return sentence, row


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docx", required=True, type=Path)
    ap.add_argument("--pdf", required=True, type=Path)
    ap.add_argument("--project", required=True, type=Path)
    ap.add_argument("--charts", type=int, default=0)
    ap.add_argument("--lo", action="store_true")
    ap.add_argument("--edit", action="store_true")
    a = ap.parse_args()
    rep = Report()
    meta, parts = load_data(a.project)
    d = docx.Document(str(a.docx))
    rep.check(True, "python-docx opens it")
    check_package(rep, a.docx)
    check_audit(rep, a.docx)
    check_text(rep, d, a.pdf, meta, parts)
    check_tables(rep, d, meta, parts)
    check_colophon(rep, d, a.pdf, meta)
    check_charts(rep, d, a.docx, a.project, a.charts)
    check_properties(rep, d, meta)
    z = zipfile.ZipFile(a.docx)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if a.lo:
            pdf = lo_convert(a.docx, tmp)
            check_render(rep, pdf, pages_count(a.pdf), "LibreOffice")
            faces = check_fonts(rep, pdf, z)
            print(f"faces: {', '.join(faces)}")
        if a.edit:
            edited = tmp / "edited.docx"
            sentence, row = edit(a.docx, edited)
            (tmp / "e").mkdir()
            pdf = lo_convert(edited, tmp / "e")
            text = check_render(rep, pdf, None, "edited")
            rep.check(squash(sentence) in squash(text) or squash(sentence)[:10] in squash(text),
                      "edited: the added sentence is rendered")
            rep.check(not row or row in text, "edited: the added table row is rendered")
    print(f"{rep.passed} passed, {rep.failed} failed")
    sys.exit(1 if rep.failed else 0)


if __name__ == "__main__":
    main()
