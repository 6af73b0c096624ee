//! A walked slide's structure, as PowerPoint wants it: the title in the
//! title placeholder, a single column of paragraphs and bullets in one body
//! frame, the footer and slide number in the master's placeholders (the
//! progress bar, which a reordered deck would get wrong, dropped), and the
//! rule under the title in the master where every title has it.

use super::model::*;
use super::text::plain;

/// A horizontal line across the type area under a title: the rule.
fn is_rule(shape: &Shape, title: &TextBox) -> Option<(Rect, Stroke)> {
    match shape {
        Shape::Line { from, to, stroke }
            if (from.1 - to.1).abs() < 0.1
                && from.1 > title.rect.y
                && (to.0 - from.0).abs() > 200.0 =>
        {
            Some((
                Rect {
                    x: from.0.min(to.0),
                    y: from.1,
                    w: (to.0 - from.0).abs(),
                    h: 0.0,
                },
                stroke.clone(),
            ))
        }
        _ => None,
    }
}

/// The rule under the titles goes to the layouts where it lies as on most
/// slides; a slide with its rule elsewhere keeps its own and hides the
/// layout's.
pub fn rules(deck: &mut Deck) {
    let mut seen: Vec<((Rect, Stroke), usize)> = Vec::new();
    for slide in &deck.slides {
        let Some(title) = title_of(slide) else {
            continue;
        };
        if !matches!(slide.layout, Layout::Content | Layout::TitleOnly) {
            continue;
        }
        if let Some(rule) = slide.shapes.iter().find_map(|s| is_rule(s, title)) {
            match seen
                .iter_mut()
                .find(|(r, _)| (r.0.y - rule.0.y).abs() < 0.5)
            {
                Some((_, n)) => *n += 1,
                None => seen.push((rule, 1)),
            }
        }
    }
    let Some((rule, _)) = seen.into_iter().max_by_key(|(_, n)| *n) else {
        return;
    };
    for slide in &mut deck.slides {
        if !matches!(slide.layout, Layout::Content | Layout::TitleOnly) {
            continue;
        }
        let Some(title) = title_of(slide).cloned() else {
            continue;
        };
        let at = slide
            .shapes
            .iter()
            .position(|s| is_rule(s, &title).is_some_and(|r| (r.0.y - rule.0.y).abs() < 0.5));
        if let Some(at) = at {
            slide.shapes.remove(at);
            slide.furniture = true;
        }
    }
    deck.furniture.rule = Some(rule);
}

fn title_of(slide: &Slide) -> Option<&TextBox> {
    slide.shapes.iter().find_map(|s| match s {
        Shape::Text(t) if t.role == Role::Title => Some(t),
        _ => None,
    })
}

/// A slide's structure: the footer and slide number go to the master (the
/// progress bar, which a reordered deck would get wrong, is dropped), the
/// title to the title placeholder, and a single column of paragraphs and
/// bullets to one body frame.
pub fn arrange(slide: &mut Slide, furniture: &mut Furniture, height: f64, area: (f64, f64)) {
    // A heading's frames reach the column's right edge: a longer title
    // wraps there, not where the PDF's title happened to end.
    for s in &mut slide.shapes {
        if let Shape::Text(t) = s
            && t.role == Role::Kicker
            && t.paras.iter().all(|p| p.align == Align::Left)
        {
            t.rect.w = t.rect.w.max(area.1 - t.rect.x);
        }
    }
    let is_number = |t: &TextBox| {
        let s = plain(t);
        let mut parts = s.split('/').map(str::trim);
        matches!((parts.next(), parts.next(), parts.next()), (Some(a), Some(b), None)
            if !a.is_empty() && !b.is_empty() && a.chars().chain(b.chars()).all(|c| c.is_ascii_digit()))
    };
    let number = slide
        .shapes
        .iter()
        .position(|s| matches!(s, Shape::Text(t) if is_number(t)));
    let mut footer_top = None;
    if let Some(at) = number {
        let Shape::Text(n) = slide.shapes.remove(at) else {
            unreachable!("a text box")
        };
        footer_top = Some(n.rect.y);
        // The footer: the text left of the number on its line. A long title
        // is set smaller, centred on the line: on another baseline (round 26:
        // from 47 characters it was taken for a paragraph of the body).
        let mid = n.rect.y + n.rect.h / 2.0;
        let at = slide.shapes.iter().position(|s| {
            matches!(s, Shape::Text(t) if (t.rect.y + t.rect.h / 2.0 - mid).abs() < n.rect.h / 2.0
                && t.rect.x < n.rect.x
                && t.rect.h <= n.rect.h + 0.5)
        });
        if let Some(at) = at {
            let Shape::Text(mut f) = slide.shapes.remove(at) else {
                unreachable!("a text box")
            };
            // The footer's room reaches the number.
            if n.rect.x > f.rect.x + f.rect.w {
                f.rect.w = n.rect.x - f.rect.x - n.rect.h;
            }
            if furniture.footer.is_none() {
                furniture.footer = Some(f);
            }
        }
        if furniture.number.is_none() {
            furniture.number = Some(n);
        }
        slide.chrome = true;
        slide.shapes.retain(|s| {
            !matches!(s, Shape::Rect { rect, .. } if (rect.y + rect.h - height).abs() < 0.5 && rect.h < 12.0)
        });
    }
    // The title: the marked title, else the largest text of the slide's
    // heading (its title; a slide of a part's short sections has only the
    // part's name).
    let has = |role: Role, shapes: &[Shape]| {
        shapes
            .iter()
            .position(|s| matches!(s, Shape::Text(t) if t.role == role))
    };
    if has(Role::Title, &slide.shapes).is_none() {
        let largest = slide
            .shapes
            .iter()
            .enumerate()
            .filter_map(|(i, s)| match s {
                Shape::Text(t) if t.role == Role::Kicker => {
                    Some((i, t.paras.iter().map(size_of).fold(0.0, f64::max)))
                }
                _ => None,
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        if let Some((at, _)) = largest
            && let Shape::Text(t) = &mut slide.shapes[at]
        {
            t.role = Role::Title;
        }
    }
    let Some(title_at) = has(Role::Title, &slide.shapes) else {
        return;
    };
    if let Shape::Text(t) = &mut slide.shapes[title_at]
        && t.paras.iter().all(|p| p.align == Align::Left)
    {
        t.rect.w = t.rect.w.max(area.1 - t.rect.x);
    }
    // Only one title.
    for s in slide.shapes.iter_mut().skip(title_at + 1) {
        if let Shape::Text(t) = s
            && t.role == Role::Title
        {
            t.role = Role::Free;
        }
    }
    if slide.layout != Layout::TitleOnly {
        return;
    }
    // One column of text under the title: the body.
    let Shape::Text(title) = &slide.shapes[title_at] else {
        return;
    };
    let below = title.rect.y + title.rect.h;
    let others = slide.shapes.iter().any(|s| {
        matches!(
            s,
            Shape::Chart(_) | Shape::Table(_) | Shape::Group { .. } | Shape::Picture { .. }
        )
    });
    let texts: Vec<usize> = slide
        .shapes
        .iter()
        .enumerate()
        .filter(
            |(_, s)| matches!(s, Shape::Text(t) if t.role == Role::Free && t.rect.y >= below - 1.0),
        )
        .map(|(i, _)| i)
        .collect();
    let left = |t: &TextBox| t.rect.x;
    let lefts: Vec<f64> = texts
        .iter()
        .filter_map(|i| match &slide.shapes[*i] {
            Shape::Text(t) => Some(left(t)),
            _ => None,
        })
        .collect();
    let one_column = lefts
        .iter()
        .all(|x| (x - lefts.first().copied().unwrap_or(0.0)).abs() < 1.5);
    if others || texts.is_empty() || !one_column {
        return;
    }
    let mut boxes: Vec<TextBox> = Vec::new();
    for i in texts.iter().rev() {
        if let Shape::Text(t) = slide.shapes.remove(*i) {
            boxes.push(t);
        }
    }
    boxes.sort_by(|a, b| a.rect.y.total_cmp(&b.rect.y));
    // A single line's pitch: that of the slide's paragraphs of its size.
    let pitches: Vec<(f64, f64)> = boxes
        .iter()
        .flat_map(|b| &b.paras)
        .filter(|p| p.lines.len() > 1)
        .map(|p| (size_of(p), p.pitch))
        .collect();
    let x = boxes.iter().map(|b| b.rect.x).fold(f64::INFINITY, f64::min);
    let w = boxes
        .iter()
        .map(|b| b.rect.x + b.rect.w)
        .fold(f64::NEG_INFINITY, f64::max)
        - x;
    let top = boxes[0].rect.y;
    let baseline = boxes[0].baseline;
    let last = boxes.last().map_or(top, |b| b.rect.y + b.rect.h);
    let bottom = footer_top.map_or(last, |f| (f - 2.0).max(last));
    let mut paras: Vec<Para> = Vec::new();
    let mut end: Option<f64> = None;
    for b in boxes {
        let mut base = b.rect.y + b.baseline;
        for mut p in b.paras {
            if p.lines.len() == 1
                && let Some((_, pitch)) =
                    pitches.iter().find(|(s, _)| (s - size_of(&p)).abs() < 0.1)
            {
                p.pitch = *pitch;
            }
            if let Some(e) = end {
                p.before = (base - e - p.pitch).max(0.0);
            }
            end = Some(base + p.pitch * (p.lines.len() - 1) as f64);
            base += p.pitch * p.lines.len() as f64;
            paras.push(p);
        }
    }
    slide.shapes.push(Shape::Text(TextBox {
        rect: Rect {
            x,
            y: top,
            w,
            h: bottom - top,
        },
        baseline,
        paras,
        role: Role::Body,
    }));
    slide.layout = Layout::Content;
}

fn size_of(p: &Para) -> f64 {
    p.lines.iter().flatten().map(|r| r.size).fold(0.0, f64::max)
}
