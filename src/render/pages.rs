//! Checks on the laid-out pages: text outside its page or its column, and
//! text drawn over other text. A layout that lets a long value run off or
//! into its neighbour passes typst without a word; these checks make it a
//! warning (an error under `--strict`).

use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst_layout::PagedDocument;

use super::marks;

/// A problem found on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum PageProblem {
    /// Text reaches outside the page, or sideways out of the type area.
    Outside { page: usize, text: String },
    /// Two runs of text are drawn over each other.
    Overlap {
        page: usize,
        first: String,
        second: String,
    },
    /// A character drawn as the font's empty box (glyph 0, `.notdef`): no
    /// font has it, or its face failed (a damaged or changed file).
    Notdef {
        page: usize,
        ch: char,
        family: String,
    },
}

/// A run of text on a page: its em box in page coordinates (pt).
struct Run {
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
    em: f64,
    text: String,
}

/// Every problem of every page. The template names the type area's sides
/// with `<brief-area>` metadata (`(left: .., right: ..)` in pt); without it,
/// the page's edges.
pub fn check(document: &PagedDocument) -> Vec<PageProblem> {
    let area = marks::labelled(document, marks::Mark::Area)
        .first()
        .and_then(|(_, v)| {
            let d = v.clone().cast::<typst::foundations::Dict>().ok()?;
            let side = |k: &str| d.get(k).ok()?.clone().cast::<f64>().ok();
            Some((side("left")?, side("right")?))
        });
    let mut problems = Vec::new();
    for (i, page) in document.pages().iter().enumerate() {
        let number = i + 1;
        let size = page.frame.size();
        let (left, right) = area.unwrap_or((0.0, size.x.to_pt()));
        let mut runs = Vec::new();
        let mut notdef = Vec::new();
        collect(&page.frame, Transform::identity(), &mut runs, &mut notdef);
        for (ch, family) in notdef {
            problems.push(PageProblem::Notdef {
                page: number,
                ch,
                family,
            });
        }
        let tolerance = 0.5;
        for run in &runs {
            let sideways = run.x0 < left - run.em * 0.25 - tolerance
                || run.x1 > right + run.em * 0.25 + tolerance;
            let off_page = run.x0 < -tolerance
                || run.x1 > size.x.to_pt() + tolerance
                || run.y0 < -tolerance
                || run.y1 > size.y.to_pt() + tolerance;
            if sideways || off_page {
                problems.push(PageProblem::Outside {
                    page: number,
                    text: excerpt(&run.text),
                });
            }
        }
        runs.sort_by(|a, b| a.y0.total_cmp(&b.y0));
        for (k, a) in runs.iter().enumerate() {
            for b in &runs[k + 1..] {
                if b.y0 >= a.y1 {
                    break;
                }
                let em = a.em.min(b.em);
                let w = a.x1.min(b.x1) - a.x0.max(b.x0);
                let h = a.y1.min(b.y1) - a.y0.max(b.y0);
                if w > 0.1 * em && h > 0.3 * em {
                    problems.push(PageProblem::Overlap {
                        page: number,
                        first: excerpt(&a.text),
                        second: excerpt(&b.text),
                    });
                }
            }
        }
    }
    problems.dedup();
    problems
}

fn excerpt(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() > 24 {
        chars[..24].iter().collect::<String>() + "…"
    } else {
        text.to_string()
    }
}

fn collect(frame: &Frame, ts: Transform, out: &mut Vec<Run>, notdef: &mut Vec<(char, String)>) {
    for (pos, item) in frame.items() {
        let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
        if let FrameItem::Text(text) = item {
            for g in text.glyphs.iter().filter(|g| g.id == 0) {
                let ch = text.text[g.range()].chars().next().unwrap_or(' ');
                let family = text.font.info().family.clone();
                if !ch.is_whitespace() && !notdef.contains(&(ch, family.clone())) {
                    notdef.push((ch, family));
                }
            }
        }
        match item {
            FrameItem::Group(group) => {
                collect(&group.frame, here.pre_concat(group.transform), out, notdef)
            }
            // A transparent stamp (草稿 on a draft) lies over the page on purpose.
            FrameItem::Text(text) if matches!(&text.fill, typst::visualize::Paint::Solid(c) if c.alpha().is_some_and(|a| a < 1.0)) =>
                {}
            FrameItem::Text(text) => {
                let size = text.size;
                let mut width: Abs = text.glyphs.iter().map(|g| g.x_advance.at(size)).sum();
                // A justified line stretches the advance of its last glyph
                // too, into the margin where nothing is drawn (hostile round
                // 22: a loose line of a real paragraph was "outside").
                if let Some(last) = text.glyphs.last()
                    && let Some(natural) = text.font.x_advance(last.id)
                    && last.x_advance > natural
                {
                    width -= (last.x_advance - natural).at(size);
                }
                // The em box that the templates set Han characters on.
                let top = Point::new(Abs::zero(), -size * marks::EM_TOP).transform(here);
                let bottom = Point::new(width, size * marks::EM_BOTTOM).transform(here);
                let (x0, x1) = (
                    top.x.to_pt().min(bottom.x.to_pt()),
                    top.x.to_pt().max(bottom.x.to_pt()),
                );
                let (y0, y1) = (
                    top.y.to_pt().min(bottom.y.to_pt()),
                    top.y.to_pt().max(bottom.y.to_pt()),
                );
                if text.text.trim().is_empty() || x1 - x0 <= 0.0 {
                    continue;
                }
                out.push(Run {
                    x0,
                    x1,
                    y0,
                    y1,
                    em: size.to_pt(),
                    text: text.text.to_string(),
                });
            }
            _ => {}
        }
    }
}
