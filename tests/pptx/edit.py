#!/usr/bin/env python3
"""Edit brief's .pptx as a user would, with python-pptx, and check that LibreOffice still draws it
without overlapping text, with the bundled faces and with another CJK face.

Usage: python tests/pptx/edit.py --pptx out/slides.pptx [--out DIR] [--verbose]

The edits: 20 characters appended to the second bullet of the first content slide (layout
标题和内容) with three paragraphs or more, that slide's title made longer, a category added to the first chart (Edit Data,
through python-pptx's replace_data), and a new slide from the content layout with a title and
three bullets. Then: the edited deck opens again, the new slide has its title in its title
placeholder and the master's bullets, and check 6 of check.py (no two words overlap, none leaves
the slide) holds on every slide of both renders. Output and exit status as check.py's.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from pptx import Presentation
from pptx.chart.data import CategoryChartData

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check  # noqa: E402

ADDED = "，并在此基础上继续推进相关工作落实到"  # with MORE: 20 characters
MORE = "见效"


def edit(src: Path, dst: Path, rep: check.Report) -> None:
    prs = Presentation(str(src))
    def paras(slide):
        return [p for sh in slide.placeholders if sh.placeholder_format.idx == 1 for p in sh.text_frame.paragraphs]

    content = [s for s in prs.slides if s.slide_layout.name == "标题和内容" and len(paras(s)) >= 3]
    if not rep.check(bool(content), "a slide of the content layout with three paragraphs or more"):
        return
    slide = content[0]
    body = [sh for sh in slide.placeholders if sh.placeholder_format.idx == 1]
    if rep.check(bool(body), "its body placeholder"):
        # the second bullet: text follows it, which must move down
        para = body[0].text_frame.paragraphs[1]
        run = para.runs[-1]
        run.text = run.text + ADDED + MORE
        rep.check(len(ADDED + MORE) == 20, "20 characters appended to a bullet")
    title = slide.shapes.title
    title.text_frame.paragraphs[0].runs[-1].text += "及下一步重点工作安排"
    charts = [sh for s in prs.slides for sh in s.shapes if getattr(sh, "has_chart", False) and sh.has_chart]
    if rep.check(bool(charts), "a chart"):
        chart = charts[0].chart
        plot = chart.plots[0]
        data = CategoryChartData()
        cats = list(plot.categories) + ["新增类别"]
        data.categories = cats
        for series in plot.series:
            values = list(series.values) + [series.values[0] if series.values else 1]
            data.add_series(series.name, values)
        chart.replace_data(data)
        rep.check(len(chart.plots[0].categories) == len(cats), "a chart category added")
    layout = next(l for l in prs.slide_layouts if l.name == "标题和内容")
    new = prs.slides.add_slide(layout)
    new.shapes.title.text = "新增的一页：下一步工作"
    tf = new.placeholders[1].text_frame
    tf.text = "第一条要点：推进重点项目建设，确保按期完成年度目标任务。"
    for t in ("第二条要点：优化营商环境，持续激发市场主体活力。", "第三条要点：保障和改善民生，办好群众关心的实事。"):
        tf.add_paragraph().text = t
    prs.save(str(dst))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pptx", required=True, type=Path)
    ap.add_argument("--out", type=Path, help="keep the edited deck and its renders here")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    rep = check.Report(args.verbose)
    tmp = tempfile.TemporaryDirectory(prefix="brief-pptx-edit-")
    out = args.out or Path(tmp.name)
    out.mkdir(parents=True, exist_ok=True)
    edited = out / "edited.pptx"
    edit(args.pptx, edited, rep)
    if edited.exists():
        prs = Presentation(str(edited))
        last = prs.slides[len(prs.slides) - 1]
        rep.check(last.shapes.title is not None and last.shapes.title.text.startswith("新增的一页"), "the new slide's title is in its title placeholder")
        check.check_audit(rep, edited)
        check.check_libreoffice(rep, prs, edited, None, out, len(prs.slides))
    print(f"{rep.passed} passed, {rep.failed} failed")
    return 1 if rep.failed else 0


if __name__ == "__main__":
    sys.exit(main())
