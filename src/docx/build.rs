//! The document model from the data, the briefing's marks and its charts,
//! in the order of templates/briefing.typ: masthead, title, overview (cards,
//! rankings, charts, targets, goals), the article's head, both openings,
//! the two parts with their headings and sections, the colophon.

use std::collections::HashMap;

use unicode_width::UnicodeWidthStr;

use crate::chart::{Chart, Kind};
use crate::data::Dataset;
use crate::data::model::{Figure, Part};
use crate::data::prose::placeholders;
use crate::data::vocabulary::Words;
use crate::render::marks::Shown;

use super::model::{Block, Document, Look as L, Para, Run, Side, Style, Table, TableKind};
use super::styles::{self, TEXT_WIDTH};
use super::text;
use crate::data::look::{Color, Look};

/// EMU per twip.
const EMU_PER_TWIP: i64 = 635;
/// Millimetres in a point.
const MM_PER_PT: f64 = 25.4 / 72.0;
/// The type area's height (A4 less the margins of styles.rs), in mm, less
/// a chart's title and a line.
const TYPE_AREA_MM: f64 = 297.0 - 37.0 - 35.0 - 15.0;

pub struct Inputs<'a> {
    pub data: &'a Dataset,
    pub shown: &'a Shown,
    pub look: &'a Look,
    pub words: &'a Words,
    /// The date shown: meta.date, else the build's.
    pub date: Option<(i32, u32, u32)>,
    /// The overview's charts, each with whether it follows the targets
    /// table (a chart of the plan).
    pub charts: Vec<(Chart, bool)>,
}

/// The masthead's size: the style's 42 pt, or smaller so that it stays
/// one line across the text width, as the PDF sets it (a 版头 is one line).
/// A Han character takes its em and the style's 5 pt of spacing; a Latin
/// letter or digit about 0.6 em.
fn masthead_look(masthead: &str) -> L {
    let (full, spacing) = (styles::MASTHEAD_SIZE as f64 / 2.0, 5.0);
    let ems: f64 = masthead
        .chars()
        .map(|c| if c.is_ascii() { 0.6 } else { 1.0 })
        .sum();
    let n = masthead.chars().count() as f64;
    let fits = (f64::from(TEXT_WIDTH) / 20.0 - n * spacing) / ems.max(1.0) * 0.97;
    if fits >= full {
        L::Plain
    } else {
        L::Big((fits * 2.0).floor().max(16.0) as u32)
    }
}

/// `2023-01-05` (as validated) → (2023, 1, 5).
fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    use chrono::Datelike;
    let d = chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()?;
    Some((d.year(), d.month(), d.day()))
}

/// 2023年1月5日
pub fn cn_date(d: (i32, u32, u32)) -> String {
    format!("{}年{}月{}日", d.0, d.1, d.2)
}

struct Builder<'a> {
    i: &'a Inputs<'a>,
    todo: String,
    doc: Document,
}

fn figures(part: &Part) -> impl Iterator<Item = &Figure> {
    part.sections.iter().flat_map(|s| &s.figures)
}

impl<'a> Builder<'a> {
    fn push(&mut self, p: Para) {
        self.doc.blocks.push(Block::Para(p));
    }

    fn label(&mut self, s: &str) {
        self.push(Para::new(
            Style::Label,
            vec![
                Run::Text("■".into(), L::Marker(Color::Primary)),
                Run::plain(format!(" {s}")),
            ],
        ));
    }

    /// A text of the data with its placeholders as the briefing shows them.
    fn prose(&self, text: Option<&String>) -> Vec<Run> {
        let Some(text) = text else {
            return vec![Run::Text(self.todo.clone(), L::Figure)];
        };
        let Ok(found) = placeholders(text) else {
            return vec![Run::plain(text.clone())];
        };
        let mut runs = Vec::new();
        let mut at = 0;
        for p in found {
            if p.start > at {
                runs.push(Run::plain(&text[at..p.start]));
            }
            let key = match p.field {
                Some(f) => format!("{}.{f}", p.id),
                None => p.id.to_string(),
            };
            let shown = self
                .i
                .shown
                .get(&key)
                .filter(|t| !t.contains(" / "))
                .cloned()
                .or_else(|| {
                    let d = self.i.data;
                    let parts = [&d.achievements, &d.plan];
                    let todo = self.todo.as_str();
                    text::placeholder_text(self.i.words, todo, parts, p.id, p.part())
                })
                .unwrap_or_else(|| text[p.start..p.end].to_string());
            runs.push(Run::Text(shown, L::Figure));
            at = p.end;
        }
        if at < text.len() {
            runs.push(Run::plain(&text[at..]));
        }
        runs
    }

    fn body(&mut self, text: Option<&String>) {
        let runs = self.prose(text);
        self.push(Para::new(Style::Body, runs));
    }

    /// Indicator cards, four to a row.
    fn cards(&mut self, figs: &[&Figure], tags: &dyn Fn(&Figure) -> Option<String>) {
        let (w, todo) = (self.i.words, self.todo.clone());
        let mut cells: Vec<Vec<Para>> = Vec::new();
        for f in figs {
            let mut label = Vec::new();
            if let Some(tag) = tags(f) {
                label.push(Run::Text(format!("{tag} "), L::Tag));
            }
            label.push(Run::plain(&f.label));
            let p = text::figure_parts(w, &todo, f);
            let unit = format!("{}{}", p.unit, p.post);
            // The value on one line, shrunk to the card's width if wider (as
            // the PDF's card does): sizes in half-points.
            let k = card_scale(&p.pre, &p.num, &unit);
            let (big, small) = (
                (44.0 * k).round() as u32,
                (21.0 * k).round().max(14.0) as u32,
            );
            let mut value = Vec::new();
            if !p.pre.is_empty() {
                value.push(Run::Text(p.pre.clone(), L::Unit(small)));
            }
            value.push(Run::Text(p.num.clone(), L::Big(big)));
            if !unit.is_empty() {
                value.push(Run::Text(unit, L::Unit(small)));
            }
            let mut paras = vec![
                Para::new(Style::CardLabel, label),
                Para::new(Style::CardValue, value),
            ];
            let mut notes: Vec<String> = text::yoy_phrase(w, &todo, f).into_iter().collect();
            notes.extend(f.share.iter().map(|s| text::share_phrase(w, &todo, s)));
            notes.extend(f.rank.as_ref().map(text::rank_note));
            paras.extend(notes.into_iter().map(|n| Para::text(Style::CardNote, n)));
            cells.push(paras);
        }
        let rows = cells
            .chunks(4)
            .map(|row| {
                let mut row = row.to_vec();
                row.resize(4, Vec::new());
                row
            })
            .collect();
        self.doc.blocks.push(Block::Table(Table {
            kind: TableKind::Cards,
            widths: vec![TEXT_WIDTH / 4; 4],
            rows,
        }));
    }

    /// An estimate's tag: the sentence's own word (初步统计), else the
    /// theme's (预计).
    fn estimate_tag(&self, part: &Part, id: &str) -> String {
        crate::data::prose::aims::estimate_of(self.i.words, part, id)
            .unwrap_or_else(|| self.i.look.word("estimate", &[]))
    }

    fn rankings(&mut self, part: &Part) {
        for r in part.sections.iter().flat_map(|s| &s.rankings) {
            let place = text::ranking_place(r);
            let phrase = self.i.shown.get(&r.id).filter(|t| !t.contains(" / "));
            let lead = match phrase.and_then(|t| t.strip_suffix(place.as_str())) {
                Some(lead) => lead.to_string(),
                None => format!(
                    "{}{}{}",
                    r.subjects.join("、"),
                    r.years
                        .map(|n| format!("连续{}年", text::cn_num(n)))
                        .unwrap_or_default(),
                    r.verb.as_deref().unwrap_or("")
                ),
            };
            let mut runs = vec![Run::Text("■ ".into(), L::Marker(Color::Secondary))];
            if r.estimate {
                runs.push(Run::Text(
                    format!("{} ", self.estimate_tag(part, &r.id)),
                    L::Tag,
                ));
            }
            runs.push(Run::plain(lead));
            runs.push(Run::Text(place, L::Figure));
            self.push(Para::new(Style::ListItem, runs));
        }
    }

    fn chart(&mut self, chart: &Chart) {
        // A comparison: its title, note and key once, over its first pair.
        let title = match chart.kind {
            Kind::Compare if chart.key => self.i.look.word(
                "compare",
                &[
                    ("year0", &self.i.data.achievements.year.to_string()),
                    ("year1", &self.i.data.plan.year.to_string()),
                ],
            ),
            Kind::Compare => String::new(),
            _ => chart.title.clone(),
        };
        if !title.is_empty() {
            self.label(&title);
        }
        if chart.key {
            let note = self.i.look.word("scale_note", &[]);
            self.push(Para::text(Style::CardNote, note));
        }
        // Rows as tall as the PDF's (4.2 mm bars, 2.2 mm apart), a pair of
        // bars per row in a comparison, and room for its legend.
        let rows = chart.categories.len() as f64;
        let per_row: f64 = if chart.kind == Kind::Compare {
            11.0
        } else {
            7.0
        };
        // A name that turns takes the lines it needs, in the room left of
        // the bars: an Office chart's rows are alike, each as tall as the
        // tallest name's (round 28: names of 26 characters, one line high,
        // drawn over each other in LibreOffice).
        // The room is the PDF's column of names (as wide as the widest that
        // fits one line there): a name of one line there is one here (round
        // 29: 20 names of 12 characters counted as two lines made a chart
        // taller than a page). Never taller than the type area.
        let room = chart.plot.map_or(0.35, |(x, _)| x) * f64::from(TEXT_WIDTH) / 20.0;
        let lines = chart
            .categories
            .iter()
            .map(|c| {
                let width = UnicodeWidthStr::width(c.as_str()) as f64 / 2.0 * chart.size;
                ((width - chart.size) / room).ceil().max(1.0)
            })
            .fold(1.0, f64::max);
        let per_row = per_row.max(lines * chart.size * 1.25 * MM_PER_PT + 2.2);
        let legend = if chart.legend() { 8.0 } else { 0.0 };
        let mm = (6.0 + rows * per_row + legend).clamp(20.0, TYPE_AREA_MM);
        let height = (mm * 36_000.0) as i64;
        self.doc.charts.push(chart.clone());
        let n = self.doc.charts.len() - 1;
        self.doc.blocks.push(Block::Chart(n, height));
    }

    fn targets(&mut self, plan: &Part) {
        let look = self.i.look;
        let head = [
            look.word("number", &[]),
            look.word("indicator", &[]),
            look.word("target", &[("year", &plan.year.to_string())]),
        ];
        let mut rows = vec![
            head.iter()
                .map(|h| {
                    vec![Para::new(
                        Style::TableText,
                        vec![Run::Text(h.clone(), L::Bold)],
                    )]
                })
                .collect::<Vec<_>>(),
        ];
        let mut widest = 4;
        for (n, t) in plan.targets.iter().enumerate() {
            let value = self
                .i
                .shown
                .get(&t.id)
                .filter(|s| !s.contains(" / "))
                .cloned()
                .unwrap_or_else(|| text::target_value(self.i.words, &self.todo, t));
            let verb = text::target_verb(t);
            widest = widest.max(verb.chars().count() + value.chars().count());
            rows.push(vec![
                vec![Para::text(Style::TableText, (n + 1).to_string())],
                vec![Para::text(Style::TableText, &t.indicator)],
                vec![Para::new(
                    Style::TableText,
                    vec![Run::plain(verb), Run::Text(value, L::Figure)],
                )],
            ]);
        }
        // 序号 as wide as its word, the target as wide as the longest, the
        // indicator the rest (typst's auto, 1fr, auto).
        let first = 1000;
        let last = ((widest as u32) * 210 + 400).clamp(1800, 4200);
        self.doc.blocks.push(Block::Table(Table {
            kind: TableKind::Targets,
            widths: vec![first, TEXT_WIDTH - first - last, last],
            rows,
        }));
    }

    fn overview(&mut self) {
        let i = self.i;
        let (ach, plan) = (&i.data.achievements, &i.data.plan);
        self.push(Para::text(Style::Heading1, i.look.word("overview", &[])));
        let cards: Vec<&Figure> = figures(ach).filter(|f| f.headline).collect();
        if !cards.is_empty() {
            self.label(
                &i.look
                    .word("indicators", &[("year", &ach.year.to_string())]),
            );
            let tags: HashMap<&str, String> = cards
                .iter()
                .filter(|f| f.estimate)
                .map(|f| (f.id.as_str(), self.estimate_tag(ach, &f.id)))
                .collect();
            self.cards(&cards, &|f| tags.get(f.id.as_str()).cloned());
        }
        if ach.sections.iter().any(|s| !s.rankings.is_empty()) {
            self.label(&i.look.word("rankings", &[("year", &ach.year.to_string())]));
            self.rankings(ach);
        }
        for (c, _) in i.charts.iter().filter(|(_, after)| !after) {
            self.chart(c);
        }
        if !plan.targets.is_empty() {
            self.label(&i.look.word("targets", &[("year", &plan.year.to_string())]));
            self.targets(plan);
        }
        for (c, _) in i.charts.iter().filter(|(_, after)| *after) {
            self.chart(c);
        }
        let goals: Vec<&Figure> = figures(plan).filter(|f| f.headline).collect();
        if !goals.is_empty() {
            self.label(&i.look.word("goals", &[("year", &plan.year.to_string())]));
            let words = i.words;
            // An estimate of the plan (预计全年…) is tagged as one.
            let tags: HashMap<&str, String> = goals
                .iter()
                .filter_map(|f| {
                    let tag = if f.estimate {
                        Some(self.estimate_tag(plan, &f.id))
                    } else {
                        crate::data::prose::aims::aim_of(words, plan, &f.id)
                    };
                    tag.map(|t| (f.id.as_str(), t))
                })
                .collect();
            self.cards(&goals, &|f| tags.get(f.id.as_str()).cloned());
        }
    }

    fn article_head(&mut self) {
        let meta = &self.i.data.meta;
        let headline = meta
            .headline
            .as_ref()
            .map(|h| h.given().cloned().unwrap_or_else(|| self.todo.clone()));
        let source = source_line(self.i.look, self.i.data);
        if headline.is_none() && meta.subheadline.is_none() && source.is_none() {
            return;
        }
        if let Some(h) = headline {
            self.push(Para::text(Style::Headline, h));
        }
        if let Some(s) = &meta.subheadline {
            self.push(Para::text(Style::Subheadline, format!("——{s}")));
        }
        if let Some(s) = source {
            self.push(Para::text(Style::Source, s));
        }
    }

    fn part(&mut self, part: &Part, number: i64) {
        if let Some(title) = &part.title {
            let title = title.given().cloned().unwrap_or_else(|| self.todo.clone());
            self.push(Para::new(
                Style::Heading1,
                vec![
                    Run::Text(format!("{}、", text::cn_num(number)), L::Primary),
                    Run::plain(title),
                ],
            ));
        }
        for p in &part.lead {
            self.body(p.given());
        }
        let mut k = 0;
        for s in &part.sections {
            if let Some(title) = &s.title {
                k += 1;
                let title = title.given().cloned().unwrap_or_else(|| self.todo.clone());
                self.push(Para::text(
                    Style::Heading2,
                    format!("（{}）{title}", text::cn_num(k)),
                ));
            }
            for p in &s.paragraphs {
                self.body(p.given());
            }
        }
    }
}

/// How much a card's value shrinks to stay on one line: its width
/// estimated from its characters (digits half an em, Han a whole one) at
/// 22 pt for the number and 10.5 pt for the words, against the card's
/// text width.
fn card_scale(pre: &str, num: &str, unit: &str) -> f64 {
    let width = |s: &str, size: f64| -> f64 {
        s.chars()
            .map(|c| if c.is_ascii() { 0.62 } else { 1.0 } * size)
            .sum()
    };
    let room = f64::from(TEXT_WIDTH / 4) / 20.0 - 2.0 * 7.1 - 6.0;
    let need = width(pre, 10.5) + width(num, 22.0) + width(unit, 10.5);
    if need > room {
        (room / need).max(0.5)
    } else {
        1.0
    }
}

/// 来源：哈尔滨日报 03版　本报记者 张焱
pub fn source_line(look: &Look, data: &Dataset) -> Option<String> {
    let s = data.meta.source.as_ref()?;
    Some(format!(
        "{}{}{}{}",
        look.word("source", &[]),
        s.publication,
        s.edition
            .as_ref()
            .map(|e| format!(" {e}"))
            .unwrap_or_default(),
        s.byline
            .as_ref()
            .map(|b| format!("　{b}"))
            .unwrap_or_default()
    ))
}

/// The whole document.
pub fn document(i: &Inputs) -> Document {
    let look = i.look;
    let meta = &i.data.meta;
    let mut b = Builder {
        i,
        todo: look.word("todo", &[]),
        doc: Document::default(),
    };
    let masthead = look
        .masthead_text
        .clone()
        .unwrap_or_else(|| meta.masthead.clone());
    // The first page's header: the masthead.
    b.doc.first_header.push(Para::new(
        Style::Masthead,
        vec![Run::Text(masthead.clone(), masthead_look(&masthead))],
    ));
    if let Some(n) = meta.issue {
        b.doc.first_header.push(Para::text(
            Style::Issue,
            look.word("issue", &[("n", &n.to_string())]),
        ));
    }
    // The issuing office, as the PDF's masthead: the region is not an office.
    let mut line = vec![
        Run::plain(meta.issuer.clone().unwrap_or_default()),
        Run::Tab,
    ];
    if let Some(d) = i.date {
        line.push(Run::plain(cn_date(d)));
    }
    b.doc
        .first_header
        .push(Para::new(Style::MastheadLine, line));
    b.doc.header.push(Para::new(
        Style::Header,
        vec![Run::plain(&meta.title), Run::Tab, Run::plain(&masthead)],
    ));
    // The footer: as 公文 number their pages (— 1 —, right on odd pages,
    // left on even ones: the PDF's), else the theme's page word with
    // fields for {n} and {total}.
    if look.gongwen_folio() {
        let folio = |side| Para {
            side: Some(side),
            ..Para::new(
                Style::Footer,
                vec![
                    Run::plain("— "),
                    Run::Field("PAGE", "1".into()),
                    Run::plain(" —"),
                ],
            )
        };
        b.doc.footer.push(folio(Side::Right));
        b.doc.even_footer = Some(vec![folio(Side::Left)]);
    } else {
        let mut footer = Vec::new();
        let page = look.raw_word("page");
        let mut rest = page.as_str();
        while !rest.is_empty() {
            let next = [("{n}", "PAGE"), ("{total}", "NUMPAGES")]
                .iter()
                .filter_map(|(k, f)| rest.find(k).map(|at| (at, *k, *f)))
                .min_by_key(|(at, _, _)| *at);
            match next {
                Some((at, k, f)) => {
                    if at > 0 {
                        footer.push(Run::plain(&rest[..at]));
                    }
                    footer.push(Run::Field(f, "1".into()));
                    rest = &rest[at + k.len()..];
                }
                None => {
                    footer.push(Run::plain(rest));
                    rest = "";
                }
            }
        }
        b.doc.footer.push(Para::new(Style::Footer, footer));
    }

    b.push(Para::text(Style::Title, &meta.title));
    b.overview();
    b.article_head();
    // The article's order: both parts' openings before its first heading.
    for p in i
        .data
        .achievements
        .opening
        .iter()
        .chain(&i.data.plan.opening)
    {
        b.body(p.given());
    }
    b.part(&i.data.achievements, 1);
    let second = if i.data.achievements.title.is_some() {
        2
    } else {
        1
    };
    b.part(&i.data.plan, second);
    // 版记: as templates/briefing.typ's colophon, only what meta states.
    let rows = meta.recipients.iter().flat_map(|r| {
        [("report", &r.report), ("send", &r.send), ("copy", &r.copy)]
            .into_iter()
            .filter(|(_, names)| !names.is_empty())
            .map(|(k, names)| (look.word(k, &[]), format!("{}。", names.join("，"))))
    });
    for (label, names) in rows.collect::<Vec<_>>() {
        let hanging = label.chars().count() as u32;
        let mut p = Para::new(Style::Colophon, vec![Run::plain(label + &names)]);
        p.hanging = Some(hanging);
        b.push(p);
    }
    let printed = meta.printed.as_deref().and_then(parse_date).or(i.date);
    if meta.issuer.is_some() || printed.is_some() {
        let issuer = meta.issuer.clone().unwrap_or_default();
        let date = printed.map(|d| look.word("printed", &[("date", &cn_date(d))]));
        // Issuer and date share the row where they fit (a character of
        // room between them); else the issuer turns above the date's line,
        // as the PDF sets it, and no line break falls inside the date.
        let width = |s: &str| {
            s.chars()
                .map(|c| if c.is_ascii() { 0.6 } else { 1.0 })
                .sum::<f64>()
        };
        let room = f64::from(TEXT_WIDTH - 2 * styles::COLOPHON_SIZE * 10)
            / f64::from(styles::COLOPHON_SIZE * 10);
        let mut line = vec![Run::plain(&issuer)];
        if let Some(date) = date {
            if !issuer.is_empty() && width(&issuer) + width(&date) + 1.0 > room {
                line.push(Run::Break);
            }
            line.push(Run::Tab);
            line.push(Run::plain(date));
        }
        b.push(Para::new(Style::Colophon, line));
    }
    b.doc
}

/// A chart's width: the text's.
pub fn chart_width() -> i64 {
    i64::from(TEXT_WIDTH) * EMU_PER_TWIP
}
