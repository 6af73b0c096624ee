//! From typst's laid-out pages to a [`Deck`]: every text run, shape and
//! image is taken where typst placed it (an absolute transform is kept down
//! the frame tree), runs become text boxes (`text`, `boxes`), the regions
//! the templates mark as charts (`<brief-chart>`) and tables
//! (`<brief-table>`, `table`) become native charts and tables, and each
//! slide is arranged (`arrange`).

use std::collections::{BTreeMap, HashMap};

use typst::foundations::Dict;
use typst::introspection::{Location, Tag};
use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::model::ParElem;
use typst::text::TextItem;
use typst::visualize::{Color, CurveItem, Geometry, Paint};
use typst_layout::PagedDocument;

use super::arrange::{arrange, rules};
use super::boxes::{bullet, rejoin, stop_short};
use super::model::*;
use super::text::{Frag, FragKey, paragraphs, plain};
use crate::chart::Rgb;
use crate::config::FaceMap;
use crate::render::marks::{self, Mark};

/// The deck of a laid-out document, with each page's notes.
/// `track`: the theme's colour of a share's empty rest.
pub fn deck(
    document: &PagedDocument,
    notes: &BTreeMap<usize, String>,
    faces: &FaceMap,
    track: Rgb,
) -> Deck {
    let mut deck = Deck::default();
    let count = document.pages().len();
    let width = document
        .pages()
        .first()
        .map_or(0.0, |p| p.frame.size().x.to_pt());
    deck.area = marks::labelled(document, Mark::Area)
        .first()
        .and_then(|(_, v)| {
            let d = v.clone().cast::<Dict>().ok()?;
            Some((get::<f64>(&d, "left")?, get::<f64>(&d, "right")?))
        })
        .unwrap_or((0.0, width));
    for (i, page) in document.pages().iter().enumerate() {
        let size = page.frame.size();
        deck.width = size.x.to_pt();
        deck.height = size.y.to_pt();
        let mut walker = Walker::new(faces, track);
        let root = walker.group(
            Rect {
                x: 0.0,
                y: 0.0,
                w: deck.width,
                h: deck.height,
            },
            None,
        );
        if let Some(Paint::Solid(c)) = &page.fill.clone().custom().flatten() {
            let fill = rgba(c);
            if fill != Rgba([255, 255, 255, 255]) {
                walker.shapes.push(Shape::Rect {
                    rect: Rect {
                        x: 0.0,
                        y: 0.0,
                        w: deck.width,
                        h: deck.height,
                    },
                    fill: Some(Fill::Solid(fill)),
                    stroke: None,
                });
            }
        }
        walker.walk(&page.frame, Transform::identity(), root);
        let (shapes, layout) = walker.finish();
        let mut slide = Slide {
            shapes,
            notes: notes.get(&(i + 1)).cloned().unwrap_or_default(),
            layout: layout.unwrap_or(if i == 0 {
                Layout::Title
            } else if i + 1 == count {
                Layout::Closing
            } else {
                Layout::TitleOnly
            }),
            furniture: false,
            chrome: false,
        };
        arrange(&mut slide, &mut deck.furniture, deck.height, deck.area);
        deck.slides.push(slide);
    }
    rules(&mut deck);
    deck
}

struct Walker<'a> {
    faces: &'a FaceMap,
    track: Rgb,
    /// Every group's rectangle on the page, by id, and the group that
    /// holds it (the page's root holds itself).
    groups: Vec<Rect>,
    parents: Vec<usize>,
    frags: Vec<Frag>,
    /// Shapes in the order typst draws them; text boxes go on top.
    shapes: Vec<Shape>,
    /// Whether runs note the table cell they are in (inside a table).
    cells: bool,
    /// The table cell where the walk is: (row, column).
    cell: Option<(usize, usize)>,
    /// Paragraphs open where the walk is, each with the group it started in:
    /// text in an inline box inside a paragraph belongs to the paragraph.
    pars: Vec<(Location, usize)>,
    /// A role the templates marked (`<brief-role>`) for the next text, and
    /// the roles of the paragraphs that took one.
    pending: Option<Role>,
    roles: HashMap<FragKey, Role>,
    /// Inside a slide's heading (kicker, title; up to its rule, or the end
    /// of the frame that holds its mark), and how deep the walk is.
    head: bool,
    head_depth: Option<usize>,
    depth: usize,
    /// The slide's layout, where a mark names it.
    layout: Option<Layout>,
    /// Small filled squares: list markers, where text follows them on their
    /// line (see `finish`).
    markers: Vec<(Rect, Rgba)>,
    /// The card the walk is in (an index of `cards`), and each card's shapes
    /// with its place among the page's shapes.
    card: Option<usize>,
    cards: Vec<(usize, Vec<Shape>, Rect)>,
}

fn rgba(c: &Color) -> Rgba {
    Rgba(c.to_vec4_u8())
}

fn paint(p: &Paint) -> Option<Fill> {
    match p {
        Paint::Solid(c) => Some(Fill::Solid(rgba(c))),
        Paint::Gradient(g) => g.stops().first().map(|s| Fill::Solid(rgba(&s.color))),
        Paint::Tiling(t) => {
            // The hatching's lines carry its colour.
            let color = t.frame().items().find_map(|(_, item)| match item {
                FrameItem::Shape(s, _) => s.stroke.as_ref().and_then(|s| match &s.paint {
                    Paint::Solid(c) => Some(rgba(c)),
                    _ => None,
                }),
                _ => None,
            });
            Some(Fill::Hatch(color.unwrap_or(Rgba([0, 0, 0, 255]))))
        }
    }
}

fn solid(p: &Paint) -> Rgba {
    match paint(p) {
        Some(Fill::Solid(c)) | Some(Fill::Hatch(c)) => c,
        None => Rgba([0, 0, 0, 255]),
    }
}

fn pt(p: Point) -> (f64, f64) {
    (p.x.to_pt(), p.y.to_pt())
}

/// The metadata value a frame marks with `name` at its top level.
fn marked(frame: &Frame, mark: Mark) -> Option<Dict> {
    let wanted = mark.label();
    frame.items().find_map(|(_, item)| match item {
        FrameItem::Tag(Tag::Start(content, _)) if content.label() == Some(wanted) => {
            content.get_by_name("value").ok()?.cast::<Dict>().ok()
        }
        _ => None,
    })
}

fn get<T: typst::foundations::FromValue>(d: &Dict, key: &str) -> Option<T> {
    d.get(key).ok()?.clone().cast::<T>().ok()
}

impl<'a> Walker<'a> {
    fn new(faces: &'a FaceMap, track: Rgb) -> Self {
        Walker {
            faces,
            track,
            groups: Vec::new(),
            parents: Vec::new(),
            frags: Vec::new(),
            shapes: Vec::new(),
            cells: false,
            cell: None,
            pars: Vec::new(),
            pending: None,
            roles: HashMap::new(),
            head: false,
            head_depth: None,
            depth: 0,
            layout: None,
            markers: Vec::new(),
            card: None,
            cards: Vec::new(),
        }
    }

    fn push(&mut self, shape: Shape) {
        match self.card {
            Some(c) => self.cards[c].1.push(shape),
            None => self.shapes.push(shape),
        }
    }

    fn group(&mut self, rect: Rect, parent: Option<usize>) -> usize {
        self.parents.push(parent.unwrap_or(self.groups.len()));
        self.groups.push(rect);
        self.groups.len() - 1
    }

    fn frame_rect(frame: &Frame, ts: Transform) -> Rect {
        let (x0, y0) = pt(Point::zero().transform(ts));
        let (x1, y1) = pt(Point::new(frame.width(), frame.height()).transform(ts));
        Rect {
            x: x0.min(x1),
            y: y0.min(y1),
            w: (x1 - x0).abs(),
            h: (y1 - y0).abs(),
        }
    }

    fn walk(&mut self, frame: &Frame, ts: Transform, group: usize) {
        self.depth += 1;
        self.walk_items(frame, ts, group);
        if self.head_depth == Some(self.depth) {
            self.head = false;
            self.head_depth = None;
        }
        self.depth -= 1;
    }

    fn walk_items(&mut self, frame: &Frame, ts: Transform, group: usize) {
        for (pos, item) in frame.items() {
            let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
            match item {
                FrameItem::Group(g) => {
                    let inner = here.pre_concat(g.transform);
                    let rect = Self::frame_rect(&g.frame, inner);
                    if let Some(spec) = marked(&g.frame, Mark::Chart) {
                        self.chart(&spec, rect);
                    } else if let Some(spec) = marked(&g.frame, Mark::Table) {
                        self.table(&g.frame, inner, rect, get(&spec, "inset").unwrap_or(4.0));
                    } else if self.card.is_none() && !self.cells && is_card(&g.frame) {
                        // A card: its shapes and text as one group.
                        self.cards.push((self.shapes.len(), Vec::new(), rect));
                        self.shapes.push(Shape::Group {
                            name: String::new(),
                            shapes: Vec::new(),
                        });
                        self.card = Some(self.cards.len() - 1);
                        let id = self.group(rect, Some(group));
                        self.walk(&g.frame, inner, id);
                        self.card = None;
                    } else {
                        let id = self.group(rect, Some(group));
                        self.walk(&g.frame, inner, id);
                    }
                }
                FrameItem::Text(text) => self.text(text, here, group),
                FrameItem::Shape(shape, _) => self.shape(shape, here),
                FrameItem::Image(image, size, _) => self.image(image, *size, here),
                FrameItem::Tag(Tag::Start(content, _))
                    if self.cells && content.label() == Some(Mark::Cell.label()) =>
                {
                    if let Some(d) = content
                        .get_by_name("value")
                        .ok()
                        .and_then(|v| v.cast::<Dict>().ok())
                    {
                        self.cell = Some((
                            get::<i64>(&d, "row").unwrap_or(0) as usize,
                            get::<i64>(&d, "col").unwrap_or(0) as usize,
                        ));
                    }
                }
                FrameItem::Tag(Tag::Start(content, _))
                    if content.label() == Some(Mark::Role.label()) =>
                {
                    if let Some(d) = content
                        .get_by_name("value")
                        .ok()
                        .and_then(|v| v.cast::<Dict>().ok())
                    {
                        self.pending = match get::<String>(&d, "role").as_deref() {
                            Some("title") => Some(Role::Title),
                            _ => None,
                        };
                        self.head = get::<String>(&d, "role").as_deref() == Some("head");
                        self.head_depth = self.head.then_some(self.depth);
                        self.layout = match get::<String>(&d, "layout").as_deref() {
                            Some("title") => Some(Layout::Title),
                            Some("section") => Some(Layout::Section),
                            Some("closing") => Some(Layout::Closing),
                            _ => self.layout,
                        };
                    }
                }
                FrameItem::Tag(Tag::Start(content, _)) if content.is::<ParElem>() => {
                    if let Some(loc) = content.location() {
                        self.pars.push((loc, group));
                    }
                }
                FrameItem::Tag(Tag::End(loc, _, _))
                    if self.pars.last().is_some_and(|(l, _)| l == loc) =>
                {
                    self.pars.pop();
                }
                _ => {}
            }
        }
    }

    fn text(&mut self, text: &TextItem, ts: Transform, group: usize) {
        if text.text.trim().is_empty() {
            // A space shaped apart (between the words of a byline, each in a
            // box of its own) is no wider than the gap typst leaves between
            // Han and Latin text: it is kept as the text before it ends.
            let (x0, baseline) = pt(Point::zero().transform(ts));
            if let Some(last) = self.frags.last_mut()
                && (last.baseline - baseline).abs() < 0.5
                && last.x1 <= x0 + 0.5
                && let Some(run) = last.runs.last_mut()
                && !run.text.ends_with(' ')
            {
                run.text.push(' ');
            }
            return;
        }
        let info = text.font.font().info();
        let width: Abs = text.glyphs.iter().map(|g| g.x_advance.at(text.size)).sum();
        let (x0, baseline) = pt(Point::zero().transform(ts));
        let (x1, _) = pt(Point::with_x(width).transform(ts));
        let key = match self.pars.last() {
            Some((par, start)) => (*start, Some(*par)),
            None => (group, None),
        };
        let size = text.size.to_pt() * ts.sy.get().abs();
        if let Some(role) = self.pending.take() {
            self.roles.insert(key, role);
        } else if self.head {
            // The heading's texts: the largest is the title (see `arrange`).
            self.roles.insert(key, Role::Kicker);
        }
        // One run for the item: the characters as they are, without the
        // spacing typst squeezed some of them by (another renderer, and
        // text typed later, would be squeezed too).
        let run = Run {
            text: text.text.to_string(),
            font: self.faces.get(&info.family).to_string(),
            size,
            bold: info.variant.weight.to_number() >= 600,
            color: solid(&text.fill),
        };
        self.frags.push(Frag {
            key,
            cell: self.cell,
            baseline,
            x0,
            x1,
            runs: vec![run],
            size,
            card: self.card,
        });
    }

    fn shape(&mut self, shape: &typst::visualize::Shape, ts: Transform) {
        let fill = shape.fill.as_ref().and_then(paint);
        let stroke = shape.stroke.as_ref().map(|s| Stroke {
            color: solid(&s.paint),
            width: s.thickness.to_pt(),
        });
        match &shape.geometry {
            Geometry::Rect(size) => {
                let rect = Self::frame_rect(&Frame::soft(*size), ts);
                // A small square: a list marker, written as a real bullet
                // where text follows it on its line.
                if let Some(Fill::Solid(color)) = &fill
                    && (rect.w - rect.h).abs() < 0.2
                    && rect.w < 12.0
                    && self.card.is_none()
                    && !self.cells
                {
                    self.markers.push((rect, *color));
                    return;
                }
                if rect.w > 0.01 && rect.h > 0.01 && (fill.is_some() || stroke.is_some()) {
                    self.push(Shape::Rect { rect, fill, stroke });
                }
            }
            Geometry::Line(to) => {
                // The rule ends a slide's heading.
                self.head = false;
                if let Some(stroke) = stroke {
                    let from = pt(Point::zero().transform(ts));
                    let to = pt(to.transform(ts));
                    self.push(Shape::Line { from, to, stroke });
                }
            }
            Geometry::Curve(curve) => {
                let mut ops = Vec::new();
                let mut points = Vec::new();
                for item in curve.0.iter() {
                    let mut p = |q: &Point| {
                        let xy = pt(q.transform(ts));
                        points.push(xy);
                        xy
                    };
                    ops.push(match item {
                        CurveItem::Move(q) => {
                            let (x, y) = p(q);
                            PathOp::Move(x, y)
                        }
                        CurveItem::Line(q) => {
                            let (x, y) = p(q);
                            PathOp::Line(x, y)
                        }
                        CurveItem::Cubic(a, b, c) => PathOp::Cubic([p(a), p(b), p(c)]),
                        CurveItem::Close => PathOp::Close,
                    });
                }
                if points.is_empty() || (fill.is_none() && stroke.is_none()) {
                    return;
                }
                let x0 = points.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
                let y0 = points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
                let x1 = points.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
                let y1 = points.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
                let rel = |(x, y): (f64, f64)| (x - x0, y - y0);
                let ops = ops
                    .into_iter()
                    .map(|op| match op {
                        PathOp::Move(x, y) => {
                            let (x, y) = rel((x, y));
                            PathOp::Move(x, y)
                        }
                        PathOp::Line(x, y) => {
                            let (x, y) = rel((x, y));
                            PathOp::Line(x, y)
                        }
                        PathOp::Cubic(c) => PathOp::Cubic(c.map(rel)),
                        PathOp::Close => PathOp::Close,
                    })
                    .collect();
                let rect = Rect {
                    x: x0,
                    y: y0,
                    w: (x1 - x0).max(0.01),
                    h: (y1 - y0).max(0.01),
                };
                self.push(Shape::Path {
                    rect,
                    ops,
                    fill,
                    stroke,
                });
            }
        }
    }

    fn image(&mut self, image: &typst::visualize::Image, size: typst::layout::Size, ts: Transform) {
        use typst::visualize::{ExchangeFormat, ImageFormat, ImageKind, RasterFormat};
        let ImageKind::Raster(raster) = image.kind() else {
            return;
        };
        if raster.format() != RasterFormat::Exchange(ExchangeFormat::Png)
            || !matches!(image.format(), ImageFormat::Raster(_))
        {
            return;
        }
        let rect = Self::frame_rect(&Frame::soft(size), ts);
        self.push(Shape::Picture {
            rect,
            png: raster.data().to_vec(),
        });
    }

    /// A chart the template marked: its values, where the PDF draws it.
    fn chart(&mut self, spec: &Dict, rect: Rect) {
        let faces = self.faces;
        let chart = crate::chart::Chart::from_spec(spec, self.track, |f| faces.get(f).to_string());
        self.push(Shape::Chart(Chart { rect, chart }));
    }

    /// A table the template marked: its cells (each marked `<brief-cell>`
    /// with its row and column), the fills of its rows and its rules.
    fn table(&mut self, frame: &Frame, ts: Transform, rect: Rect, inset: f64) {
        let mut inner = Walker::new(self.faces, self.track);
        inner.cells = true;
        let root = inner.group(rect, None);
        inner.walk(frame, ts, root);
        if let Some(table) = super::table::table(inner.frags, inner.shapes, rect, inset) {
            self.push(Shape::Table(table));
        }
    }

    /// The shapes of the page, with the text boxes made of its runs.
    fn finish(mut self) -> (Vec<Shape>, Option<Layout>) {
        rejoin(
            &mut self.frags,
            &self.groups,
            &self.parents,
            &mut self.roles,
        );
        let mut by_key: Vec<(FragKey, Vec<Frag>)> = Vec::new();
        let mut index: HashMap<FragKey, usize> = HashMap::new();
        for f in std::mem::take(&mut self.frags) {
            let i = *index.entry(f.key).or_insert_with(|| {
                by_key.push((f.key, Vec::new()));
                by_key.len() - 1
            });
            by_key[i].1.push(f);
        }
        let mut markers: Vec<Option<(Rect, Rgba)>> =
            self.markers.iter().copied().map(Some).collect();
        // Where each paragraph's text starts, and each marker: what a box
        // beside them must stop short of.
        let starts: Vec<(FragKey, f64, f64)> = by_key
            .iter()
            .flat_map(|(key, frags)| frags.iter().map(move |f| (*key, f.x0, f.baseline)))
            .collect();
        let marks: Vec<(f64, f64)> = self
            .markers
            .iter()
            .map(|(r, _)| (r.x, r.y + r.h / 2.0))
            .collect();
        for (key, frags) in by_key {
            let card = frags[0].card;
            let own: Vec<(f64, f64)> = frags.iter().map(|f| (f.x1, f.baseline)).collect();
            let others: Vec<(f64, f64)> = starts
                .iter()
                .filter(|(k, ..)| *k != key)
                .map(|&(_, x, y)| (x, y))
                .chain(marks.iter().copied())
                .collect();
            for mut b in paragraphs(frags, self.groups[key.0]) {
                b.role = self.roles.get(&key).copied().unwrap_or_default();
                bullet(&mut b, &mut markers);
                stop_short(&mut b, &own, &others);
                match card {
                    Some(c) => {
                        // Within its card: a frame as wide as the grid's cell
                        // ran into the next card (28.6微克/立方米, round 30).
                        let card = self.cards[c].2;
                        b.rect.w = b.rect.w.min(card.x + card.w - b.rect.x).max(0.0);
                        self.cards[c].1.push(Shape::Text(b))
                    }
                    None => self.shapes.push(Shape::Text(b)),
                }
            }
        }
        for (rect, color) in markers.into_iter().flatten() {
            self.shapes.push(Shape::Rect {
                rect,
                fill: Some(Fill::Solid(color)),
                stroke: None,
            });
        }
        for (n, (at, shapes, _)) in self.cards.into_iter().enumerate() {
            let name = shapes
                .iter()
                .find_map(|s| match s {
                    Shape::Text(t) => Some(plain(t)),
                    _ => None,
                })
                .unwrap_or_default();
            self.shapes[at] = Shape::Group {
                name: format!("卡片 {} {name}", n + 1),
                shapes,
            };
        }
        (self.shapes, self.layout)
    }
}

/// A card: a block filled across its whole frame (its background), with
/// text in it.
fn is_card(frame: &Frame) -> bool {
    fn has_text(frame: &Frame) -> bool {
        frame.items().any(|(_, item)| match item {
            FrameItem::Text(_) => true,
            FrameItem::Group(g) => has_text(&g.frame),
            _ => false,
        })
    }
    let size = frame.size();
    frame.items().next().is_some_and(|(pos, item)| match item {
        FrameItem::Shape(s, _) => {
            s.fill.is_some() && pos.x.to_pt().abs() < 0.1 && pos.y.to_pt().abs() < 0.1
        }
        _ => false,
    }) && size.x.to_pt() > 40.0
        && has_text(frame)
}

#[cfg(test)]
mod tests {
    //! The walk on pages the real compiler laid out, from small documents.

    use std::path::Path;
    use std::sync::Arc;

    use typst::foundations::{Bytes, Dict};

    use super::*;
    use crate::config::FontOptions;
    use crate::fonts::Fonts;
    use crate::world::BriefWorld;

    const TRACK: Rgb = Rgb([0xE4, 0xE7, 0xEB]);

    fn deck_of(body: &str) -> Deck {
        let dir = tempfile::tempdir().unwrap();
        let page = format!(
            "#set page(width: 400pt, height: 225pt, margin: 20pt)\n\
             #set text(font: \"Noto Sans SC\", size: 12pt, lang: \"zh\")\n{body}"
        );
        let fonts = Arc::new(Fonts::discover(dir.path(), &FontOptions::default()));
        let files = [("main.typ".to_string(), Bytes::new(page.into_bytes()))].into();
        let world = BriefWorld::new(dir.path(), Path::new("main.typ"), Dict::new(), fonts, None)
            .expect("a world")
            .with_overlay(files);
        let document = typst::compile::<PagedDocument>(&world)
            .output
            .expect("the page compiles");
        deck(&document, &BTreeMap::new(), &FaceMap::default(), TRACK)
    }

    fn texts(shapes: &[Shape]) -> Vec<&TextBox> {
        shapes
            .iter()
            .flat_map(|s| match s {
                Shape::Text(t) => vec![t],
                Shape::Group { shapes, .. } => texts(shapes),
                _ => vec![],
            })
            .collect()
    }

    fn para_text(p: &Para) -> String {
        p.lines.iter().flatten().map(|r| r.text.as_str()).collect()
    }

    #[test]
    fn a_paragraph_of_several_lines_is_one_paragraph_with_typst_s_breaks() {
        let text = "哈尔滨新区坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，\
                    统筹疫情防控和经济社会发展，地区生产总值增长百分之十四点三。";
        let deck = deck_of(text);
        assert_eq!(deck.slides.len(), 1);
        let boxes = texts(&deck.slides[0].shapes);
        assert_eq!(boxes.len(), 1, "{boxes:?}");
        let paras = &boxes[0].paras;
        assert_eq!(paras.len(), 1);
        assert!(paras[0].lines.len() >= 3, "{:?}", paras[0].lines.len());
        assert_eq!(para_text(&paras[0]), text);
        let run = &paras[0].lines[0][0];
        assert_eq!((run.size, run.bold), (12.0, false));
        assert!(run.font.contains("Noto Sans SC"), "{}", run.font);
    }

    #[test]
    fn two_paragraphs_stay_two_and_bold_is_its_own_run() {
        let deck = deck_of("第一段。\n\n第二段有*加粗*的字。");
        let boxes = texts(&deck.slides[0].shapes);
        let paras: Vec<String> = boxes
            .iter()
            .flat_map(|b| b.paras.iter().map(para_text))
            .collect();
        assert_eq!(paras, ["第一段。", "第二段有加粗的字。"]);
        let bold: Vec<&str> = boxes
            .iter()
            .flat_map(|b| b.paras.iter().flat_map(|p| p.lines.iter().flatten()))
            .filter(|r| r.bold)
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(bold, ["加粗"]);
    }

    #[test]
    fn a_filled_rectangle_is_a_shape_where_the_page_draws_it() {
        let deck = deck_of(
            "#place(dx: 10pt, dy: 20pt, rect(width: 100pt, height: 50pt, fill: rgb(\"#C00000\")))",
        );
        let rects: Vec<(&Rect, &Option<Fill>)> = deck.slides[0]
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Rect { rect, fill, .. } => Some((rect, fill)),
                _ => None,
            })
            .collect();
        assert_eq!(rects.len(), 1, "{:?}", deck.slides[0].shapes);
        let (rect, fill) = rects[0];
        assert_eq!((rect.x, rect.y, rect.w, rect.h), (30.0, 40.0, 100.0, 50.0));
        assert_eq!(*fill, Some(Fill::Solid(Rgba([0xC0, 0, 0, 255]))));
    }

    /// A title outside a paragraph, with a number and its unit kept in an
    /// inline box that starts the second line (南沙区2022年工作成效 /
    /// 与2023年主要预期目标), or fills it: one text, in reading order.
    #[test]
    fn a_box_that_starts_a_line_outside_a_paragraph_stays_in_its_text() {
        for (body, expected) in [
            (
                "#block(width: 130pt, text(size: 16pt)[南沙区二〇二二年工作成效#box[与2023年]主要预期目标])",
                "南沙区二〇二二年工作成效与2023年主要预期目标",
            ),
            (
                "#block(width: 130pt, text(size: 16pt)[南沙区二〇二二年工作成效#box[与2023年]])",
                "南沙区二〇二二年工作成效与2023年",
            ),
        ] {
            let deck = deck_of(body);
            let boxes = texts(&deck.slides[0].shapes);
            let all: Vec<String> = boxes
                .iter()
                .map(|b| b.paras.iter().map(para_text).collect())
                .collect();
            assert_eq!(all, [expected], "{body}");
        }
    }

    #[test]
    fn every_page_is_a_slide() {
        let deck = deck_of("一\n#pagebreak()\n二\n#pagebreak()\n三");
        assert_eq!(deck.slides.len(), 3);
        assert_eq!((deck.width, deck.height), (400.0, 225.0));
    }
}
