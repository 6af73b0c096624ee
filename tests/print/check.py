#!/usr/bin/env python3
"""The print office's checks on brief's PDFs, measured with poppler's pdftotext -bbox-layout.

    python3 tests/print/check.py [--briefing out/briefing.pdf] [--slides out/slides.pdf] [--sparse-ok]

Prints one line per problem, starting with "FAIL:", and exits 1 when there is any.

Briefing (A4, the type area of templates/lib.typ: 37 mm top, 35 mm bottom margin, 22 lines):
- a number is never split from the rest of it (a ratio too long for a line breaks after a colon):
  no line ends with a digit (or the . : ： ～ of
  a number, or its sign) while the next line of the same block starts with a digit, %, ‰, or a
  Han character (its unit, 年, 个 ...);
- every page but the last ends within four lines (plus half a line) of the type area's bottom;
- the last page holds at least eight lines of text, furniture included;
- no line holds a single Han character alone (a card label or table cell broken before its
  last character);
- no line of body text starts with closing punctuation, and none is spaced apart: a full line is
  less than 1.12 times as wide as its characters' natural advances (Han 1 em, digits and Latin at
  most 0.6 em, capitals 0.72), unless the figure that starts the next line would not have fitted in the room it
  leaves (numbers stay whole first).
Deck (16:9): every content slide (not the first, the last, or a part's divider, which shows its
number large) has at least three lines of body text under its title, and its body reaches at
least two fifths of the way down to the footer (with --sparse-ok these are reported as NOTE, not
failures); no line holds a single Han character alone.
"""

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
PUNCT = re.compile(r"[\s，。、；：！？（）《》“”‘’「」『』【】—…·,.;:!?()\[\]]")
NUMBER_END = re.compile(r"[0-9０-９][.:：～~\-—]?$|[.:：～~+\-]$")
# the same at the end of a body line, where a line may end with a colon before a list
BODY_NUMBER_END = re.compile(r"[0-9０-９][.:：～~\-—]?$|[+\-]$")
NUMBER_NEXT = re.compile(r"^[0-9０-９.%‰]|^[\u3400-\u9fff]")
RATIO_END = re.compile(r"[0-9０-９.]+(?:[：:][0-9０-９.]+)*[：:]$")
RATIO_START = re.compile(r"^[0-9０-９.]+(?:[：:][0-9０-９.]+)*")


def long_ratio_break(a, c):
    """A ratio too long to keep whole (twelve parts) breaks after a colon: the templates keep each
    part whole with its colon past `ratio-whole` (paragraphs.typ: 24 em, a digit 0.55 em)."""
    end, start = RATIO_END.search(a), RATIO_START.match(c)
    if not (end and start):
        return False
    run = end.group(0) + start.group(0)
    return sum(0.55 if c in "0123456789０１２３４５６７８９.%" else 1 for c in run) > 24


def lines_of(pdf):
    """Pages of blocks of lines: [(page_w, page_h, [[(x0, y0, x1, y1, text)]])]."""
    with tempfile.NamedTemporaryFile(suffix=".html") as f:
        subprocess.run(["pdftotext", "-bbox-layout", str(pdf), f.name], check=True)
        html = Path(f.name).read_text(encoding="utf-8")
    pages = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        blocks = []
        for block in re.finditer(r"<block [^>]*>(.*?)</block>", page.group(3), re.S):
            lines = []
            for m in re.finditer(
                r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>',
                block.group(1),
                re.S,
            ):
                words = re.findall(r'<word [^>]*>([^<]*)</word>', m.group(5))
                text = "".join(w.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">") for w in words)
                lines.append(tuple(float(m.group(i)) for i in range(1, 5)) + (text,))
            blocks.append(merged(lines))
        pages.append((float(page.group(1)), float(page.group(2)), blocks))
    return pages


def merged(lines):
    """Runs of one line that pdftotext split where two glyphs' advances overlap (a compressed
    pair of punctuation, ）；) joined again."""
    out = []
    for l in lines:
        if out:
            p = out[-1]
            size = p[3] - p[1]
            if abs(l[1] - p[1]) < 0.5 and abs(l[3] - p[3]) < 0.5 and -0.6 * size < l[0] - p[2] < 0.1 * size:
                out[-1] = (p[0], p[1], max(p[2], l[2]), p[3], p[4] + l[4])
                continue
        out.append(l)
    return out


def lone_character(line, others):
    """A line of one Han character that no text of its baseline leads up to (a unit set smaller
    beside its number is a line of its own for pdftotext)."""
    bare = PUNCT.sub("", line[4])
    if len(bare) != 1 or not HAN.match(bare):
        return False
    size = line[3] - line[1]
    return not any(
        o is not line and o[1] < line[3] and line[1] < o[3] and (-0.1 * size <= line[0] - o[2] < 0.5 * size or -0.1 * size <= o[0] - line[2] < 0.5 * size)
        for o in others
    )


FIGURE = re.compile(r"^[0-9０-９][0-9０-９.,：:%‰～~\-]*[\u4e00-\u9fff]{0,4}[，。；、：）”]?")


def natural_width(text, size=16):
    # Han 1 em; Latin capitals about 0.72 em in the bundled serif, other Latin and digits 0.6
    return sum((0.72 if "A" <= c <= "Z" else 0.6) * size if ord(c) < 0x2000 else size for c in text)


def check_briefing(pdf, fail):
    mm = 72 / 25.4
    pages = lines_of(pdf)
    # body lines of 16 pt in reading order, to find the line after a line
    order = []
    for number, (w, h, blocks) in enumerate(pages, 1):
        lines = sorted((l for b in blocks for l in b if abs(l[3] - l[1] - 16) < 0.5), key=lambda l: (l[1], l[0]))
        order += [(number, l) for l in lines]
    following = {id(a[1]): b[1] for a, b in zip(order, order[1:])}
    for number, (w, h, blocks) in enumerate(pages, 1):
        top, bottom = 37 * mm, h - 35 * mm
        pitch = (bottom - top) / 22
        body = [l for b in blocks for l in b if l[1] > top - 4 and l[3] < bottom + 4 and l[4].strip()]
        for b in blocks:
            right = max((l[2] for l in b), default=0)
            for a, c in zip(b, b[1:]):
                size = a[3] - a[1]
                # the next line of the same column, after a line that ended full (not the next
                # card of a row, which pdftotext may join into one line)
                if c[1] <= a[1] or abs(c[0] - a[0]) > 2.5 * size or a[2] < right - 1.5 * size:
                    continue
                if NUMBER_END.search(a[4]) and NUMBER_NEXT.search(c[4]) and not long_ratio_break(a[4], c[4]):
                    fail(f"briefing p.{number}: a number split across lines: …{a[4][-12:]} | {c[4][:12]}…")
        # body text: pdftotext makes a block of each line at this leading, so the line after a
        # full line is the next in reading order (on the next page, too)
        right = max((l[2] for l in body if abs(l[3] - l[1] - 16) < 0.5), default=0)
        for l in body:
            nxt = following.get(id(l))
            if abs(l[3] - l[1] - 16) < 0.5 and nxt and l[2] > right - 1.5 * 16:
                if BODY_NUMBER_END.search(l[4]) and NUMBER_NEXT.search(nxt[4]) and not long_ratio_break(l[4], nxt[4]):
                    fail(f"briefing p.{number}: a number split across lines: …{l[4][-12:]} | {nxt[4][:12]}…")
        for l in body:
            size = l[3] - l[1]
            if l[4][0] in "，。；、：！？）》”’" and abs(size - 16) < 0.5:
                fail(f"briefing p.{number}: a line starts with {l[4][0]}: {l[4][:12]}…")
            # a full line of body text, measured against its characters' natural advances (Han
            # 1 em, digits and Latin at most 0.6 em): stretched more, it reads as letter-spaced
            if abs(size - 16) < 0.5 and l[2] - l[0] > 0.9 * (w - 54 * mm):
                natural = natural_width(l[4])
                # unless the figure that starts the next line is wider than the room this line
                # leaves: a number is kept whole before a line is kept tight
                nxt = following.get(id(l))
                figure = FIGURE.match(nxt[4]) if nxt else None
                forced = figure and natural + natural_width(figure.group(0)) > l[2] - l[0] + 0.5
                if (l[2] - l[0]) / natural >= 1.12 and not forced:
                    fail(f"briefing p.{number}: a letter-spaced line ({(l[2] - l[0]) / natural:.2f}): {l[4]}")
            if lone_character(l, body):
                fail(f"briefing p.{number}: a line holds one character alone: {l[4]!r}")
        if number < len(pages):
            last = max((l[3] for l in body), default=top)
            if bottom - last > 4.5 * pitch:
                fail(
                    f"briefing p.{number}: the text ends {(bottom - last) / pitch:.1f} lines above the"
                    " type area's bottom"
                )
        else:
            rows = {round(l[1]) for b in blocks for l in b if l[4].strip()}
            if len(rows) < 8:
                fail(f"briefing p.{number} (the last): holds {len(rows)} lines of text")


def check_slides(pdf, fail, sparse=None):
    """`sparse`: where a nearly empty slide is reported (the failures, unless given)."""
    sparse = sparse or fail
    pages = lines_of(pdf)
    for number, (w, h, blocks) in enumerate(pages, 1):
        lines = [l for b in blocks for l in b if l[4].strip()]
        for l in lines:
            if lone_character(l, lines) and l[3] < 0.93 * h:
                fail(f"slide {number}: a line holds one character alone: {l[4]!r}")
        if number in (1, len(pages)):
            continue
        if any(re.fullmatch(r"0[1-9]", l[4]) and l[3] - l[1] > 0.09 * h for l in lines):
            continue  # a part's divider
        # The title: the lines above the first rule of text under the top band, i.e. the topmost
        # lines of the largest size.
        title_bottom = max((l[3] for l in lines if l[1] < 0.25 * h), default=0.15 * h)
        foot = 0.92 * h
        body = [l for l in lines if l[1] > title_bottom + 1 and l[3] < foot]
        rows = sorted({round(l[1] / 2) for l in body})
        if len(rows) <= 2:
            sparse(f"slide {number}: {len(rows)} lines of body text")
            continue
        fill = (max(l[3] for l in body) - title_bottom) / (foot - title_bottom)
        if fill < 0.4:
            sparse(f"slide {number}: the body ends {fill:.0%} of the way down the slide")


def units():
    import yaml
    vocabulary = Path(__file__).resolve().parents[2] / "templates" / "vocabulary.yaml"
    return sorted(yaml.safe_load(vocabulary.read_text(encoding="utf-8"))["units"], key=len, reverse=True)


NUMBER_TAIL = re.compile(r"[0-9][0-9.,]*([^0-9]{0,3})$")


def split_unit(line, nxt, units):
    """Whether `line` ends inside a number or inside the unit after one, `nxt` holding the rest."""
    m = NUMBER_TAIL.search(line)
    if not m:
        return False
    tail = m.group(1)
    if tail == "" or tail in ".,":
        return bool(re.match(r"[0-9.%‰]", nxt)) or any(nxt.startswith(u) for u in units)
    return any(u.startswith(tail) and len(u) > len(tail) and nxt.startswith(u[len(tail):]) for u in units)


def check_handout(pdf, fail):
    us = units()
    for number, (w, h, blocks) in enumerate(lines_of(pdf), 1):
        for b in blocks:
            for a, c in zip(b, b[1:]):
                if c[1] > a[1] and split_unit(a[4], c[4], us):
                    fail(f"handout p.{number}: a number split from its unit: …{a[4][-12:]} | {c[4][:12]}…")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--briefing")
    ap.add_argument("--slides")
    ap.add_argument("--handout")
    ap.add_argument("--sparse-ok", action="store_true", help="report nearly empty slides, not fail")
    args = ap.parse_args()
    failures = []
    if args.briefing:
        check_briefing(args.briefing, failures.append)
    if args.slides:
        note = (lambda m: print("NOTE: " + m)) if args.sparse_ok else None
        check_slides(args.slides, failures.append, note)
    if args.handout:
        check_handout(args.handout, failures.append)
    for f in failures:
        print("FAIL: " + f)
    print(f"{len(failures)} problems")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
