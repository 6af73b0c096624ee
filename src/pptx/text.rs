//! Text boxes from the runs the walk found: runs on one baseline make a
//! line, lines of one paragraph (by typst's paragraph tags, or the block or
//! cell that holds them) make a paragraph, and a wider gap starts a new box.

use typst::introspection::Location;

use super::model::*;

/// What groups runs into one text box: the paragraph group and the
/// paragraph's location (none outside a paragraph).
pub type FragKey = (usize, Option<Location>);

/// A text run as typst placed it.
#[derive(Debug, Clone)]
pub struct Frag {
    /// The block, cell or box that holds it, and its paragraph if any.
    pub key: FragKey,
    /// Its table cell (row, column), inside a table.
    pub cell: Option<(usize, usize)>,
    pub baseline: f64,
    pub x0: f64,
    pub x1: f64,
    pub runs: Vec<Run>,
    pub size: f64,
    pub card: Option<usize>,
}

/// A text box's text, its paragraphs' lines joined.
pub fn plain(t: &TextBox) -> String {
    t.paras
        .iter()
        .map(|p| {
            p.lines
                .iter()
                .flat_map(|l| l.iter().map(|r| r.text.as_str()))
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text boxes from runs that belong together (one paragraph, or one block
/// or cell): runs on one baseline make a line; lines make paragraphs, a
/// wider gap between lines starts a new box.
pub fn paragraphs(mut frags: Vec<Frag>, container: Rect) -> Vec<TextBox> {
    // Lines, in reading order.
    frags.sort_by(|a, b| {
        a.baseline
            .total_cmp(&b.baseline)
            .then(a.x0.total_cmp(&b.x0))
    });
    let mut lines: Vec<Vec<Frag>> = Vec::new();
    for f in frags {
        match lines.last_mut() {
            Some(line)
                if (line[0].baseline - f.baseline).abs() < 0.3 * f.size.min(line[0].size)
                    || (f.baseline - line[0].baseline).abs() < 0.5 =>
            {
                line.push(f)
            }
            _ => lines.push(vec![f]),
        }
    }
    for line in &mut lines {
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    // A lone line with a wide gap is several texts side by side (the
    // columns of a footer): a box each.
    if lines.len() == 1 {
        let line = lines.pop().expect("one line");
        let mut parts: Vec<Vec<Frag>> = vec![Vec::new()];
        let mut end = f64::NEG_INFINITY;
        for f in line {
            if end.is_finite() && f.x0 - end > f.size * 1.5 {
                parts.push(Vec::new());
            }
            end = end.max(f.x1);
            parts.last_mut().expect("a part").push(f);
        }
        if parts.len() > 1 {
            return parts
                .into_iter()
                .map(|p| {
                    text_box(
                        vec![p],
                        Rect {
                            x: 0.0,
                            y: container.y,
                            w: 0.0,
                            h: container.h,
                        },
                    )
                })
                .collect();
        }
        lines = parts;
    }
    // Boxes: a gap between lines wider than twice their pitch starts another.
    let mut boxes: Vec<Vec<Vec<Frag>>> = Vec::new();
    for line in lines {
        let size = line.iter().map(|f| f.size).fold(0.0, f64::max);
        let start_new = match boxes.last() {
            None => true,
            Some(b) => {
                let last = b.last().expect("a box has lines");
                let gap = line[0].baseline - last[0].baseline;
                let pitch = if b.len() > 1 {
                    b[b.len() - 1][0].baseline - b[b.len() - 2][0].baseline
                } else {
                    size * 1.5
                };
                gap > pitch * 1.6 + 0.5 || gap > size * 3.0
            }
        };
        if start_new {
            boxes.push(vec![line]);
        } else {
            boxes.last_mut().expect("just checked").push(line);
        }
    }
    boxes
        .into_iter()
        .map(|lines| text_box(lines, container))
        .collect()
}

/// The runs of a line: adjacent runs of one look joined, a space where the
/// gap between two is wider than typst's space between Han and Latin text
/// (a quarter em, which other renderers add themselves).
fn runs(line: &[Frag]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut end = f64::NEG_INFINITY;
    for f in line {
        let gap = f.x0 - end;
        for (i, run) in f.runs.iter().enumerate() {
            let mut run = run.clone();
            let spaced = out.last().is_some_and(|r: &Run| r.text.ends_with(' '));
            if i == 0 && end.is_finite() && gap > f.size * 0.6 && !spaced {
                run.text.insert(0, ' ');
            }
            Run::append(&mut out, run);
        }
        end = end.max(f.x1);
    }
    // A space kept at the line's end is the break's, not the text's.
    if let Some(last) = out.last_mut() {
        let kept = last.text.trim_end_matches(' ').len();
        last.text.truncate(kept);
    }
    out
}

/// One box of lines: its pitch, its alignment in `container`, and a frame
/// that reaches the container's right edge.
fn text_box(lines: Vec<Vec<Frag>>, container: Rect) -> TextBox {
    let size = lines[0].iter().map(|f| f.size).fold(0.0, f64::max);
    let x0 = lines.iter().map(|l| l[0].x0).fold(f64::INFINITY, f64::min);
    let x1 = lines
        .iter()
        .map(|l| l.iter().map(|f| f.x1).fold(f64::NEG_INFINITY, f64::max))
        .fold(f64::NEG_INFINITY, f64::max);
    let pitch = if lines.len() > 1 {
        (lines[lines.len() - 1][0].baseline - lines[0][0].baseline) / (lines.len() - 1) as f64
    } else {
        size * 1.2
    };
    let (cx0, cx1) = (container.x, container.x + container.w);
    let tol = (size * 0.5).max(1.0);
    let full = |l: &Vec<Frag>| l.iter().map(|f| f.x1).fold(f64::NEG_INFINITY, f64::max) > cx1 - tol;
    // Justified lines are written flush left: another renderer's metrics
    // would stretch or wrap them otherwise (the difference is a fraction of a
    // character at a line's end), so `full` lines are not centred either.
    let align = if lines.len() > 1 && lines[..lines.len() - 1].iter().all(full) {
        Align::Left
    } else if x0 > cx0 + 2.0 * size && ((x0 - cx0) - (cx1 - x1)).abs() < tol {
        // Centred or flush right only where the room around is wider than a
        // marker's indent.
        Align::Center
    } else if x0 > cx0 + 2.0 * size && (cx1 - x1).abs() < tol {
        Align::Right
    } else {
        Align::Left
    };
    // Left-aligned text keeps its own left edge; all boxes reach the
    // container's right edge (the column's), so that text wraps softly
    // within typst's measure; a line wider than its container keeps its room.
    let slack = size * 0.5;
    let (bx0, bx1) = match align {
        Align::Left => (x0, cx1.max(x1 + slack)),
        _ => (cx0.min(x0), cx1.max(x1 + slack)),
    };
    let first = lines[0][0].baseline;
    let descent = size * super::DESCENT;
    let top = first - (pitch - descent);
    let height = pitch * lines.len() as f64;
    TextBox {
        rect: Rect {
            x: bx0,
            y: top,
            w: (bx1 - bx0).max(size),
            h: height,
        },
        baseline: first - top,
        paras: vec![Para {
            lines: lines.iter().map(|l| runs(l)).collect(),
            pitch,
            align,
            bullet: None,
            before: 0.0,
            hang: true,
        }],
        role: Role::Free,
    }
}

/// A run of `text` at `x0` on `baseline`, one em (10 pt) per character,
/// in block 0 outside a paragraph: what the walk's parts are tested on.
#[cfg(test)]
pub fn frag(text: &str, x0: f64, baseline: f64) -> Frag {
    let w = 10.0 * text.chars().count() as f64;
    Frag {
        key: (0, None),
        cell: None,
        baseline,
        x0,
        x1: x0 + w,
        runs: vec![Run {
            text: text.into(),
            font: "Noto Sans SC".into(),
            size: 10.0,
            bold: false,
            color: Rgba([0, 0, 0, 255]),
        }],
        size: 10.0,
        card: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMN: Rect = Rect {
        x: 0.0,
        y: 0.0,
        w: 100.0,
        h: 200.0,
    };

    fn text(b: &TextBox) -> Vec<String> {
        b.paras[0]
            .lines
            .iter()
            .map(|l| l.iter().map(|r| r.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn lines_at_their_pitch_are_one_box_and_a_wide_gap_starts_another() {
        let frags = vec![
            frag("第三段", 0.0, 80.0),
            frag("第一行", 0.0, 20.0),
            frag("满", 30.0, 20.0),
            frag("第二行", 0.0, 35.0),
        ];
        let boxes = paragraphs(frags, COLUMN);
        assert_eq!(boxes.len(), 2);
        assert_eq!(text(&boxes[0]), ["第一行满", "第二行"]);
        assert!((boxes[0].paras[0].pitch - 15.0).abs() < 1e-9);
        assert_eq!(text(&boxes[1]), ["第三段"]);
        // Every box reaches the column's right edge.
        assert!((boxes[0].rect.x + boxes[0].rect.w - 100.0).abs() < 1e-9);
    }

    #[test]
    fn a_lone_line_with_a_wide_gap_is_texts_side_by_side() {
        let boxes = paragraphs(
            vec![frag("哈尔滨新区", 0.0, 20.0), frag("3", 90.0, 20.0)],
            COLUMN,
        );
        assert_eq!(boxes.len(), 2);
        assert_eq!(text(&boxes[1]), ["3"]);
    }

    #[test]
    fn a_gap_wider_than_typst_s_han_latin_space_is_a_space() {
        let line = [frag("GDP", 0.0, 20.0), frag("增长", 37.0, 20.0)];
        assert_eq!(runs(&line)[0].text, "GDP 增长");
        let tight = [frag("GDP", 0.0, 20.0), frag("增长", 32.0, 20.0)];
        assert_eq!(runs(&tight)[0].text, "GDP增长");
    }

    #[test]
    fn a_line_with_equal_room_on_both_sides_is_centred() {
        let b = paragraphs(vec![frag("结束", 40.0, 20.0)], COLUMN);
        assert_eq!(b[0].paras[0].align, Align::Center);
        let b = paragraphs(vec![frag("结束", 0.0, 20.0)], COLUMN);
        assert_eq!(b[0].paras[0].align, Align::Left);
    }
}
