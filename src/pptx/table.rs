//! A native table from the runs and shapes of a region the templates mark
//! as a table (`<brief-table>`): each run notes its cell (`<brief-cell>`),
//! rows end halfway between their text and the next row's, columns start at
//! their text, a column whose texts stand in its middle is centred, and the
//! row fills and rules are the region's own.

use std::collections::BTreeMap;

use super::model::*;
use super::text::{Frag, paragraphs};
use crate::render::marks;

/// The table of a marked region: `frags` are its runs (those outside a cell
/// are left out), `shapes` what it draws, `inset` its cells' margin. None
/// when no run is in a cell.
pub fn table(frags: Vec<Frag>, shapes: Vec<Shape>, rect: Rect, inset: f64) -> Option<Table> {
    let mut cells: BTreeMap<(usize, usize), Vec<Frag>> = BTreeMap::new();
    for f in frags {
        if let Some(cell) = f.cell {
            cells.entry(cell).or_default().push(f);
        }
    }
    let rows = cells.keys().map(|(r, _)| r + 1).max()?;
    let cols = cells.keys().map(|(_, c)| c + 1).max().unwrap_or(1);
    // Rows end halfway between their text and the next row's.
    let (mut tops, mut bottoms) = (vec![f64::INFINITY; rows], vec![f64::NEG_INFINITY; rows]);
    let mut lefts = vec![f64::INFINITY; cols];
    for ((r, c), frags) in &cells {
        for f in frags {
            tops[*r] = tops[*r].min(f.baseline - f.size * marks::EM_TOP);
            bottoms[*r] = bottoms[*r].max(f.baseline + f.size * marks::EM_BOTTOM);
            lefts[*c] = lefts[*c].min(f.x0);
        }
    }
    let mut ys = vec![rect.y];
    for r in 1..rows {
        ys.push((bottoms[r - 1] + tops[r]) / 2.0);
    }
    ys.push(rect.y + rect.h);
    let mut xs = vec![rect.x];
    for left in lefts.iter().skip(1) {
        xs.push(left - inset);
    }
    xs.push(rect.x + rect.w);
    let mut columns: Vec<f64> = xs.windows(2).map(|w| (w[1] - w[0]).max(1.0)).collect();
    // A column whose texts stand in its middle (序号) is centred: every
    // cell with room on both sides has as much left as right.
    let centred: Vec<bool> = (0..cols)
        .map(|c| {
            let (x0, x1) = (xs[c] + inset, xs[c + 1] - inset);
            let spans: Vec<(f64, f64)> = cells
                .iter()
                .filter(|((_, cc), _)| *cc == c)
                .map(|(_, fs)| {
                    let a = fs.iter().map(|f| f.x0).fold(f64::INFINITY, f64::min);
                    let b = fs.iter().map(|f| f.x1).fold(f64::NEG_INFINITY, f64::max);
                    (a - x0, x1 - b)
                })
                .filter(|(l, _)| *l > 1.0)
                .collect();
            !spans.is_empty() && spans.iter().all(|(l, r)| (l - r).abs() < 1.5)
        })
        .collect();
    // Room for other renderers' metrics where a column's text needs it:
    // half the width of its Latin letters and digits and of the gaps typst
    // sets around them (LibreOffice sets GDP in a wider face, with gaps of
    // its own), and 1 pt; a Han character is one em in every face. It is
    // taken from the widest column (typst's `1fr`) as
    // far as its own longest line allows: a 20-character indicator, one
    // line in the PDF, wrapped in the .pptx and pushed the table off its
    // slide when every column took 8 % of its whole width (round 27).
    let measures: Vec<Measure> = (0..cols)
        .map(|c| {
            Measure::of(
                cells
                    .iter()
                    .filter(|((_, cc), _)| *cc == c)
                    .map(|(_, fs)| fs),
            )
        })
        .collect();
    if let Some(widest) = (0..columns.len()).max_by(|a, b| columns[*a].total_cmp(&columns[*b])) {
        let extra: Vec<f64> = measures.iter().map(|m| m.latin * 0.5 + 1.0).collect();
        let floor = if measures[widest].one_line {
            measures[widest].text + 2.0 * inset + extra[widest]
        } else {
            columns[widest] * 0.5
        };
        let wanted: f64 = (0..cols).filter(|c| *c != widest).map(|c| extra[c]).sum();
        let given = (columns[widest] - floor).clamp(0.0, wanted);
        let share = if wanted > 0.0 { given / wanted } else { 0.0 };
        for (i, w) in columns.iter_mut().enumerate() {
            if i != widest {
                *w += extra[i] * share;
            }
        }
        columns[widest] -= given;
        xs = std::iter::once(rect.x)
            .chain(columns.iter().scan(rect.x, |x, w| {
                *x += w;
                Some(*x)
            }))
            .collect();
    }
    let mut table_rows: Vec<Row> = ys
        .windows(2)
        .map(|w| Row {
            height: (w[1] - w[0]).max(1.0),
            fill: None,
            cells: vec![Vec::new(); cols],
        })
        .collect();
    for ((r, c), frags) in cells {
        let cell = Rect {
            x: xs[c],
            y: ys[r],
            w: columns[c],
            h: ys[r + 1] - ys[r],
        };
        table_rows[r].cells[c] = paragraphs(frags, cell)
            .into_iter()
            .flat_map(|b| b.paras)
            .map(|mut p| {
                if centred[c] {
                    p.align = Align::Center;
                }
                p
            })
            .collect();
    }
    let mut rules = Vec::new();
    for shape in shapes {
        match shape {
            Shape::Rect {
                rect: f,
                fill: Some(fill),
                ..
            } => {
                let mid = f.y + f.h / 2.0;
                if let Some(r) = ys.windows(2).position(|w| w[0] <= mid && mid < w[1]) {
                    table_rows[r].fill = Some(fill);
                }
            }
            Shape::Line { from, to, stroke } if (from.1 - to.1).abs() < 0.5 => {
                let under = ys
                    .iter()
                    .enumerate()
                    .min_by(|a, b| (a.1 - from.1).abs().total_cmp(&(b.1 - from.1).abs()))
                    .map_or(0, |(i, _)| i);
                rules.push((under, stroke));
            }
            _ => {}
        }
    }
    Some(Table {
        rect,
        columns,
        rows: table_rows,
        rules,
        inset,
    })
}

/// What a column's text needs across: its longest line, the Latin part of
/// its longest line (letters and digits, whose width differs from face to
/// face), and whether every cell is one line.
struct Measure {
    text: f64,
    latin: f64,
    one_line: bool,
}

impl Measure {
    fn of<'a>(cells: impl Iterator<Item = &'a Vec<Frag>>) -> Self {
        let mut m = Measure {
            text: 0.0,
            latin: 0.0,
            one_line: true,
        };
        for frags in cells {
            // A cell's lines: its runs by baseline.
            let mut lines: Vec<(f64, f64, f64, f64)> = Vec::new();
            for f in frags {
                let wide = f
                    .runs
                    .iter()
                    .flat_map(|r| r.text.chars())
                    .filter(|c| unicode_width::UnicodeWidthChar::width(*c) == Some(2))
                    .count() as f64;
                let latin = (f.x1 - f.x0 - wide * f.size).max(0.0);
                match lines.iter_mut().find(|l| (l.0 - f.baseline).abs() < 0.5) {
                    Some(l) => {
                        l.1 = l.1.min(f.x0);
                        l.2 = l.2.max(f.x1);
                        l.3 += latin;
                    }
                    None => lines.push((f.baseline, f.x0, f.x1, latin)),
                }
            }
            m.one_line &= lines.len() <= 1;
            for (_, x0, x1, latin) in lines {
                m.text = m.text.max(x1 - x0);
                m.latin = m.latin.max(latin);
            }
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pptx::text::frag;

    const BLACK: Rgba = Rgba([0, 0, 0, 255]);

    fn cell(text: &str, row: usize, col: usize, x0: f64, baseline: f64) -> Frag {
        Frag {
            cell: Some((row, col)),
            ..frag(text, x0, baseline)
        }
    }

    fn texts(cell: &[Para]) -> String {
        cell.iter()
            .flat_map(|p| p.lines.iter().flatten())
            .map(|r| r.text.as_str())
            .collect()
    }

    /// A table's region at the origin.
    fn region(w: f64, h: f64) -> Rect {
        Rect {
            x: 0.0,
            y: 0.0,
            w,
            h,
        }
    }

    /// A 序号 | 目标 | 数值 table of two rows, 300 pt wide, as typst sets it.
    fn targets() -> Option<Table> {
        let rect = region(300.0, 60.0);
        let frags = vec![
            cell("序号", 0, 0, 15.0, 15.0),
            cell("目标", 0, 1, 54.0, 15.0),
            cell("数值", 0, 2, 204.0, 15.0),
            cell("1", 1, 0, 20.0, 40.0),
            cell("地区生产总值", 1, 1, 54.0, 40.0),
            cell("增长6%", 1, 2, 204.0, 40.0),
            // A note under the table is no cell of it.
            frag("注：预计数", 0.0, 58.0),
        ];
        let shapes = vec![
            Shape::Rect {
                rect: Rect {
                    x: 0.0,
                    y: 0.0,
                    w: 300.0,
                    h: 22.0,
                },
                fill: Some(Fill::Solid(Rgba([0xF5, 0xF2, 0xEC, 255]))),
                stroke: None,
            },
            Shape::Line {
                from: (0.0, 0.0),
                to: (300.0, 0.0),
                stroke: Stroke {
                    color: BLACK,
                    width: 1.0,
                },
            },
            Shape::Line {
                from: (0.0, 60.0),
                to: (300.0, 60.0),
                stroke: Stroke {
                    color: BLACK,
                    width: 0.5,
                },
            },
        ];
        table(frags, shapes, rect, 4.0)
    }

    #[test]
    fn cells_rows_and_columns_are_where_typst_set_the_text() {
        let t = targets().expect("a table");
        assert_eq!(t.rows.len(), 2);
        assert!(t.rows.iter().all(|r| r.cells.len() == 3));
        assert_eq!(texts(&t.rows[0].cells[0]), "序号");
        assert_eq!(texts(&t.rows[1].cells[1]), "地区生产总值");
        assert_eq!(texts(&t.rows[1].cells[2]), "增长6%");
        assert!(
            !t.rows
                .iter()
                .flat_map(|r| &r.cells)
                .any(|c| texts(c).contains('注'))
        );
        // Rows end halfway between one row's text and the next one's (the
        // em box: 8.8 pt above the baseline, 1.2 below).
        let first = (15.0 + 1.2 + 40.0 - 8.8) / 2.0;
        assert!(
            (t.rows[0].height - first).abs() < 1e-9,
            "{}",
            t.rows[0].height
        );
        assert!((t.rows[0].height + t.rows[1].height - 60.0).abs() < 1e-9);
    }

    #[test]
    fn columns_fill_the_table_and_the_widest_gives_the_others_room() {
        let t = targets().expect("a table");
        // As set: 50, 150 and 100 pt (each column's text starts an inset in).
        // The narrow ones take half their Latin text and 1 pt more for
        // other renderers' metrics: "1" (10 pt) and "6%" (20 pt).
        assert_eq!(t.columns.len(), 3);
        assert!((t.columns[0] - 56.0).abs() < 1e-9, "{:?}", t.columns);
        assert!((t.columns[2] - 111.0).abs() < 1e-9, "{:?}", t.columns);
        assert!((t.columns.iter().sum::<f64>() - 300.0).abs() < 1e-9);
    }

    #[test]
    fn the_widest_column_keeps_its_longest_line_on_one_line() {
        // The indicator fills its 1fr column (14 characters in 142 pt of
        // text room); the target beside it is Latin: it gets what is left.
        let rect = region(300.0, 40.0);
        let frags = vec![
            cell("1", 0, 0, 20.0, 15.0),
            cell("规模以上工业企业研究与试验发", 0, 1, 54.0, 15.0),
            cell("GDP 12.5%", 0, 2, 204.0, 15.0),
        ];
        let t = table(frags, vec![], rect, 4.0).expect("a table");
        assert!(t.columns[1] >= 140.0 + 8.0, "{:?}", t.columns);
        assert!(t.columns[2] > 100.0, "{:?}", t.columns);
        assert!((t.columns.iter().sum::<f64>() - 300.0).abs() < 1e-9);
    }

    #[test]
    fn a_column_of_centred_text_is_centred_and_the_others_are_not() {
        let t = targets().expect("a table");
        for row in &t.rows {
            assert_eq!(row.cells[0][0].align, Align::Center);
            assert_eq!(row.cells[1][0].align, Align::Left);
        }
    }

    #[test]
    fn fills_and_rules_go_to_their_rows() {
        let t = targets().expect("a table");
        assert!(t.rows[0].fill.is_some());
        assert!(t.rows[1].fill.is_none());
        let under: Vec<usize> = t.rules.iter().map(|(i, _)| *i).collect();
        assert_eq!(under, [0, 2]);
    }

    #[test]
    fn a_region_without_cells_is_no_table() {
        let rect = region(100.0, 20.0);
        assert!(table(vec![frag("文字", 0.0, 15.0)], vec![], rect, 4.0).is_none());
    }
}
