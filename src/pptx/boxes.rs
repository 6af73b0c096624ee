//! Runs made into text boxes where the walk cannot see it from the frame
//! tree: a run in an inline box outside a paragraph (a highlighted figure,
//! a number kept with its unit) goes back to the text it continues, and a
//! small square before a box's first line becomes the box's bullet.

use std::collections::HashMap;

use super::model::*;
use super::text::{Frag, FragKey};

/// Text in an inline box outside a paragraph (a highlighted figure, a
/// number kept with its unit) belongs with the text it continues on
/// its line. Where it starts a line, it belongs with the text set
/// around it (the text of the frame that holds the box), on its line
/// after it or, alone on its line, on the line above.
///
/// `groups`: each group's rectangle, `parents`: the group holding each;
/// a role marked for a box's text goes with it (`roles`).
pub fn rejoin(
    frags: &mut [Frag],
    groups: &[Rect],
    parents: &[usize],
    roles: &mut HashMap<FragKey, Role>,
) {
    let mut order: Vec<usize> = (0..frags.len()).collect();
    order.sort_by(|a, b| frags[*a].x0.total_cmp(&frags[*b].x0));
    for &i in &order {
        let f = &frags[i];
        if f.key.1.is_some() || groups[f.key.0].h > f.size * 1.8 {
            continue;
        }
        let others = || {
            order.iter().copied().map(|j| &frags[j]).filter(|g| {
                !std::ptr::eq(*g, f) && g.key != f.key && g.cell == f.cell && g.card == f.card
            })
        };
        let on_line = |g: &Frag| (g.baseline - f.baseline).abs() < 0.5;
        let abuts = |a: &Frag, b: &Frag| b.x0 - a.x1 > -0.5 && b.x0 - a.x1 < 0.6 * f.size;
        let around_key = (parents[f.key.0], None);
        let to = others()
            .find(|g| on_line(g) && abuts(g, f))
            .or_else(|| {
                if others().any(|g| on_line(g) && g.x1 <= f.x0 + 0.5) {
                    return None;
                }
                let around = others().filter(|g| g.key == around_key);
                if let Some(g) = around.clone().find(|g| on_line(g) && abuts(f, g)) {
                    return Some(g);
                }
                // The line above, broken before the box: the box would
                // not have fitted after its end.
                let room = groups[around_key.0];
                let starts = around.clone().find(|g| {
                    let step = f.baseline - g.baseline;
                    step > 0.9 * f.size
                        && step < 2.2 * f.size
                        && (g.x0 - f.x0).abs() < 0.5
                        && (g.size - f.size).abs() < 0.05 * f.size
                })?;
                let end = around
                    .filter(|g| (g.baseline - starts.baseline).abs() < 0.5)
                    .map(|g| g.x1)
                    .fold(f64::NEG_INFINITY, f64::max);
                (end + (f.x1 - f.x0) > room.x + room.w - 0.5).then_some(starts)
            })
            .map(|g| g.key);
        if let Some(key) = to {
            // A role marked for the box's text is its new text's.
            if let Some(role) = roles.get(&frags[i].key).copied() {
                roles.entry(key).or_insert(role);
            }
            frags[i].key = key;
        }
    }
}

/// Takes the list marker (a small filled square) standing before `b`'s
/// first line, if one of `markers` does, as the bullet of its paragraphs;
/// the frame then starts at the marker.
pub fn bullet(b: &mut TextBox, markers: &mut [Option<(Rect, Rgba)>]) {
    let size = b.paras.first().map_or(0.0, |p| {
        p.lines
            .first()
            .into_iter()
            .flatten()
            .map(|r| r.size)
            .fold(0.0, f64::max)
    });
    let base = b.rect.y + b.baseline;
    let marker = markers.iter_mut().find(|m| {
        m.is_some_and(|(r, _)| {
            let gap = b.rect.x - (r.x + r.w);
            (r.y + r.h / 2.0 - (base - 0.35 * size)).abs() < 0.5 * size
                && gap > -0.5
                && gap < 2.5 * size
        })
    });
    if let Some((r, color)) = marker.and_then(Option::take) {
        for p in &mut b.paras {
            p.bullet = Some(Bullet {
                color,
                x: r.x,
                indent: b.rect.x - r.x,
                size: r.w,
            });
        }
        b.rect.w += b.rect.x - r.x;
        b.rect.x = r.x;
    }
}

/// Stops `b` short of text beside it. A box reaches its container's right
/// edge, so that its text wraps softly within typst's measure; but typst
/// may lay a grid's first cell into the grid's own frame, which is then the
/// container, and the box ran over the next columns (round 28: an agenda
/// item that turns was written across the items beside it). `own`: the
/// right edges and baselines of the box's text; `others`: the left edges
/// and middles of the other paragraphs' text and of the markers.
pub fn stop_short(b: &mut TextBox, own: &[(f64, f64)], others: &[(f64, f64)]) {
    let (top, bottom) = (b.rect.y, b.rect.y + b.rect.h);
    let within = |y: f64| y > top && y < bottom;
    let right = own
        .iter()
        .filter(|(_, y)| within(*y))
        .map(|(x, _)| *x)
        .fold(b.rect.x, f64::max);
    let beside = others
        .iter()
        .filter(|(x, y)| within(*y) && *x > right - 0.5)
        .map(|(x, _)| *x)
        .fold(f64::INFINITY, f64::min);
    if beside < b.rect.x + b.rect.w {
        let gap = (beside - right).min(2.0);
        b.rect.w = (beside - gap - b.rect.x).max(right - b.rect.x);
    }
    // A comma hung past the edge would reach the next column's text or
    // square (round 29: 发展，■ on the agenda).
    let em = b
        .paras
        .iter()
        .flat_map(|p| p.lines.iter().flatten())
        .map(|r| r.size)
        .fold(0.0, f64::max);
    if beside < b.rect.x + b.rect.w + em {
        for p in &mut b.paras {
            p.hang = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pptx::text::frag;

    /// Group 0: the page; 1: a block of text (100 pt wide and tall) on it;
    /// 2: an inline box one line high in that block.
    fn groups() -> (Vec<Rect>, Vec<usize>) {
        let rect = |x, y, w, h| Rect { x, y, w, h };
        (
            vec![
                rect(0.0, 0.0, 400.0, 225.0),
                rect(0.0, 0.0, 100.0, 100.0),
                rect(0.0, 0.0, 40.0, 12.0),
            ],
            vec![0, 0, 1],
        )
    }

    fn keyed(text: &str, group: usize, x0: f64, baseline: f64) -> Frag {
        Frag {
            key: (group, None),
            ..frag(text, x0, baseline)
        }
    }

    fn rejoined(mut frags: Vec<Frag>, roles: &mut HashMap<FragKey, Role>) -> Vec<usize> {
        let (groups, parents) = groups();
        rejoin(&mut frags, &groups, &parents, roles);
        frags.iter().map(|f| f.key.0).collect()
    }

    #[test]
    fn a_box_that_continues_its_line_joins_that_text_with_its_role() {
        let mut roles = HashMap::from([((2, None), Role::Title)]);
        let frags = vec![keyed("增长", 1, 0.0, 20.0), keyed("6.5%", 2, 20.0, 20.0)];
        assert_eq!(rejoined(frags, &mut roles), [1, 1]);
        assert_eq!(roles.get(&(1, None)), Some(&Role::Title));
    }

    #[test]
    fn a_box_apart_from_the_text_on_its_line_stays_apart() {
        let frags = vec![keyed("增长", 1, 0.0, 20.0), keyed("6.5%", 2, 60.0, 20.0)];
        assert_eq!(rejoined(frags, &mut HashMap::new()), [1, 2]);
    }

    #[test]
    fn a_box_that_starts_a_line_joins_the_line_above_only_if_it_did_not_fit_there() {
        // 172.80亿元 (80 pt) after a line that ends at 70 pt of 100: broken before it.
        let frags = vec![
            keyed("第一行文字很长", 1, 0.0, 20.0),
            keyed("172.80亿元", 2, 0.0, 35.0),
        ];
        assert_eq!(rejoined(frags, &mut HashMap::new()), [1, 1]);
        // 6.5% (40 pt) would have fitted after 第一 (20 pt): it is text of its own.
        let frags = vec![keyed("第一", 1, 0.0, 20.0), keyed("6.5%", 2, 0.0, 35.0)];
        assert_eq!(rejoined(frags, &mut HashMap::new()), [1, 2]);
    }

    fn text_box() -> TextBox {
        TextBox {
            rect: Rect {
                x: 30.0,
                y: 0.0,
                w: 70.0,
                h: 20.0,
            },
            baseline: 12.0,
            paras: vec![Para {
                lines: vec![frag("一是", 30.0, 12.0).runs],
                pitch: 15.0,
                align: Align::Left,
                bullet: None,
                before: 0.0,
                hang: true,
            }],
            role: Role::Free,
        }
    }

    #[test]
    fn a_square_before_the_first_line_is_its_bullet_and_one_elsewhere_is_not() {
        let red = Rgba([0xC0, 0, 0, 255]);
        let square = |y| Rect {
            x: 20.0,
            y,
            w: 4.0,
            h: 4.0,
        };
        // Centred 0.35 em above the baseline, as the templates set a marker;
        // the other one is a line lower.
        let mut markers = vec![Some((square(40.0), red)), Some((square(6.5), red))];
        let mut b = text_box();
        bullet(&mut b, &mut markers);
        let got = b.paras[0].bullet.expect("a bullet");
        assert_eq!(
            (got.x, got.indent, got.size, got.color),
            (20.0, 10.0, 4.0, red)
        );
        assert_eq!((b.rect.x, b.rect.w), (20.0, 80.0));
        assert!(markers[0].is_some() && markers[1].is_none());
        // A box far right of the square takes none.
        let mut far = text_box();
        far.rect.x = 80.0;
        let mut markers = vec![Some((square(6.5), red))];
        bullet(&mut far, &mut markers);
        assert!(far.paras[0].bullet.is_none() && markers[0].is_some());
    }

    #[test]
    fn a_box_stops_short_of_the_text_beside_it_and_never_of_its_own() {
        // Text from 30 to 60 pt on the baseline 12, a box to 100 pt.
        let own = [(60.0, 12.0)];
        let mut b = text_box();
        stop_short(&mut b, &own, &[(80.0, 12.0)]);
        assert_eq!(b.rect.w, 48.0);
        // Text on another line, or left of its own end, stops it nowhere.
        let mut b = text_box();
        stop_short(&mut b, &own, &[(80.0, 40.0), (10.0, 12.0)]);
        assert_eq!(b.rect.w, 70.0);
        // Text closer than 2 pt: the box ends where its own text does.
        let mut b = text_box();
        stop_short(&mut b, &own, &[(61.0, 12.0)]);
        assert_eq!(b.rect.w, 30.0);
        // A box stopped short hangs no comma past its edge; one with room
        // beyond it keeps the client's default.
        assert!(!b.paras[0].hang);
        let mut b = text_box();
        stop_short(&mut b, &own, &[(80.0, 40.0)]);
        assert!(b.paras[0].hang);
    }
}
