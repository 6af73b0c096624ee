//! The briefing as an editable Word/WPS document. Made from the data and
//! what the laid-out briefing marks (every figure as it shows it, its
//! charts and where the targets table stands), not from the PDF: a small
//! document model in the briefing's order (`build` → `model`), then the
//! WordprocessingML parts with named styles, native tables and charts (the
//! chart writer the .pptx uses), PAGE/NUMPAGES fields and the bundled faces'
//! used glyphs embedded: `styles` (faces and styles), `write` (the body,
//! headers and footer), `package` (the other parts, zipped), `fonts`.

mod build;
mod fonts;
mod model;
mod package;
mod styles;
pub(crate) mod text;
mod write;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::{DateTime, Datelike, Utc};
use typst::foundations::{Dict, Selector};
use typst::introspection::Introspector;
use typst_layout::PagedDocument;

use crate::chart::{self, Chart};
use crate::config::DocxFaces;
use crate::data::Project;
use crate::data::look::Color;
use crate::render::marks::{self, Mark};

/// The office face of a 公文 for a role (`--docx-font office`): the
/// `gongwen` preset's, which the PDF takes with `preset: gongwen`.
fn office_face(role: &str) -> Option<String> {
    let presets: yaml_serde::Value = yaml_serde::from_str(crate::data::theme::PRESETS).ok()?;
    let face = presets.get("gongwen")?.get("fonts")?.get(role)?;
    face.as_str().map(str::to_string)
}

/// The faces carried in brief: (family, bold) → the font file.
fn bundled_faces() -> &'static BTreeMap<(String, bool), &'static [u8]> {
    static FACES: OnceLock<BTreeMap<(String, bool), &'static [u8]>> = OnceLock::new();
    FACES.get_or_init(|| {
        let mut out = BTreeMap::new();
        for (_, bytes) in crate::fonts::BUNDLED
            .iter()
            .filter(|(n, _)| n.ends_with(".ttf"))
        {
            let Ok(face) = ttf_parser::Face::parse(bytes, 0) else {
                continue;
            };
            let name = |id: u16| {
                face.names()
                    .into_iter()
                    .filter(|n| n.name_id == id && n.is_unicode())
                    .find_map(|n| n.to_string())
            };
            let Some(family) = name(16).or_else(|| name(1)) else {
                continue;
            };
            let bold = face.weight().to_number() >= 600;
            out.entry((family, bold)).or_insert(*bytes);
        }
        out
    })
}

fn bundled(family: &str, bold: bool) -> Option<&'static [u8]> {
    bundled_faces().get(&(family.to_string(), bold)).copied()
}

/// The overview's charts in the briefing's order, each with whether it
/// comes after the targets table (a chart of the plan).
fn marked_charts(document: &PagedDocument) -> Vec<(Dict, bool)> {
    let (chart, table) = (Mark::Chart.label(), Mark::Table.label());
    let selector = Selector::Or(vec![Selector::Label(chart), Selector::Label(table)].into());
    let mut after = false;
    let mut out = Vec::new();
    for content in document.introspector().query(&selector).iter() {
        if content.label() == Some(table) {
            after = true;
            continue;
        }
        if let Some(d) = content
            .get_by_name("value")
            .ok()
            .and_then(|v| v.cast::<Dict>().ok())
        {
            out.push((d, after));
        }
    }
    out
}

/// The .docx of the laid-out briefing.
pub fn write(
    document: &PagedDocument,
    project: &Project,
    faces: &DocxFaces,
    timestamp: Option<DateTime<Utc>>,
    draft: bool,
) -> anyhow::Result<Vec<u8>> {
    let data = &project.dataset;
    let look = &project.look;
    let words = &project.words;
    let shown = marks::shown(document);

    // Faces: by role, as the theme names them, or the office's.
    let mut names = BTreeMap::new();
    for role in crate::data::look::FACES {
        let family = look.font(role);
        let name = if faces.office {
            office_face(role).unwrap_or_else(|| family.to_string())
        } else {
            faces
                .pairs
                .iter()
                .find(|(from, _)| from == family)
                .map_or(family, |(_, to)| to.as_str())
                .to_string()
        };
        names.insert(role, name);
    }
    let figure_face = names["figure"].clone();
    let mut faces = styles::Faces {
        names,
        bundled: bundled_faces().keys().map(|(f, _)| f.clone()).collect(),
        used: BTreeMap::new(),
    };

    // Charts: as the briefing marks them, a comparison as one chart.
    let track = look.color(Color::Track);
    let specs = marked_charts(document);
    let charts: Vec<(bool, Chart)> = specs
        .iter()
        .map(|(spec, after)| {
            (
                *after,
                Chart::from_spec(spec, track, |_| figure_face.clone()),
            )
        })
        .collect();
    let names = chart::compare_names(look, data);
    let is_down = |v: &str| words.down.iter().any(|d| d == v);
    let charts = chart::compare_pairs(charts, &names, true)
        .into_iter()
        .map(|(after, mut c)| {
            chart::sign_decreases(&mut c, data, &is_down);
            (c, after)
        })
        .collect();

    let inputs = build::Inputs {
        data,
        shown: &shown,
        look,
        words,
        date: project
            .shown_date(timestamp)
            .map(|d| (d.year(), d.month(), d.day())),
        charts,
    };
    let mut doc = build::document(&inputs);
    if draft {
        let text = look.word("draft", &[]);
        let stamp = model::Run::Watermark {
            text: text.clone(),
            over: false,
        };
        match doc.header.first_mut() {
            Some(p) => p.runs.push(stamp),
            None => doc
                .header
                .push(model::Para::new(model::Style::Header, vec![stamp])),
        }
        // The first page's, over its cards: anchored in its first paragraph.
        let first = doc.blocks.iter_mut().find_map(|b| match b {
            model::Block::Para(p) => Some(p),
            _ => None,
        });
        if let Some(p) = first {
            p.runs.push(model::Run::Watermark { text, over: true });
        }
    }

    let props = crate::chart::xml::Properties::of(document);
    package::package(&doc, look, &mut faces, &props, timestamp)
}
