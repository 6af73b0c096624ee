//! What the templates mark in the documents they lay out, read back through
//! typst's introspector: every figure as shown (`<brief-figure>`), the
//! speaker notes (`<speaker-note>`), the top and bottom of each slide's
//! content (`<slide-start>`, `<slide-end>`) and the charts
//! (`<brief-chart>`). The change report, the pptx writer and the checks read
//! these instead of formatting or guessing anything a second time.

use std::collections::BTreeMap;

use typst::foundations::{Dict, Label, Selector, Value};
use typst::introspection::Introspector;
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

/// The labels the templates put on what brief reads back: the Rust side of
/// the contract, named once (as `brief-marks` names them in config.typ; a
/// test compiles that and compares).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A figure as shown: `(key, text)`.
    Figure,
    /// The text area of a page: `(left, right)` in points.
    Area,
    /// A chart's data, for the .pptx and .docx charts.
    Chart,
    /// The targets table.
    Table,
    /// A cell of that table: `(row, col)`.
    Cell,
    /// A slide part's role (title, head, legend) for the .pptx placeholders.
    Role,
    /// A slide's speaker notes.
    SpeakerNote,
    /// The top of a slide's content.
    SlideStart,
    /// The bottom of a slide's content.
    SlideEnd,
}

impl Mark {
    pub const ALL: [Mark; 9] = [
        Mark::Figure,
        Mark::Area,
        Mark::Chart,
        Mark::Table,
        Mark::Cell,
        Mark::Role,
        Mark::SpeakerNote,
        Mark::SlideStart,
        Mark::SlideEnd,
    ];

    /// The label's name in the templates (`<brief-figure>`).
    pub fn name(self) -> &'static str {
        match self {
            Mark::Figure => "brief-figure",
            Mark::Area => "brief-area",
            Mark::Chart => "brief-chart",
            Mark::Table => "brief-table",
            Mark::Cell => "brief-cell",
            Mark::Role => "brief-role",
            Mark::SpeakerNote => "speaker-note",
            Mark::SlideStart => "slide-start",
            Mark::SlideEnd => "slide-end",
        }
    }

    pub fn label(self) -> Label {
        Label::new(PicoStr::intern(self.name())).expect("a mark's name is not empty")
    }
}

/// The em box the templates set Han characters on (`edges` in config.typ):
/// its top above the baseline and its bottom below it, in em.
pub const EM_TOP: f64 = 0.88;
pub const EM_BOTTOM: f64 = 0.12;

/// The metadata values carried by a mark, each with its 1-based page.
pub fn labelled(document: &PagedDocument, mark: Mark) -> Vec<(usize, Value)> {
    let label = mark.label();
    let introspector = document.introspector();
    introspector
        .query(&Selector::Label(label))
        .iter()
        .filter_map(|content| {
            let page = introspector.page(content.location()?)?.get();
            let value = content.get_by_name("value").ok()?;
            Some((page, value))
        })
        .collect()
}

/// Every figure the document shows, by key (`gdp_growth`,
/// `new_market_entities.yoy`, `top_rankings.rank`, `target_gdp`), with the
/// text it shows. A key shown with two texts keeps both, joined.
pub type Shown = BTreeMap<String, String>;

pub fn shown(document: &PagedDocument) -> Shown {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (_, value) in labelled(document, Mark::Figure) {
        let Ok(dict) = value.cast::<Dict>() else {
            continue;
        };
        let get = |k: &str| {
            dict.get(k)
                .ok()
                .and_then(|v| v.clone().cast::<typst::foundations::Str>().ok())
                .map(|s| s.to_string())
        };
        if let (Some(key), Some(text)) = (get("key"), get("text")) {
            let texts = out.entry(key).or_default();
            if !texts.contains(&text) {
                texts.push(text);
            }
        }
    }
    out.into_iter().map(|(k, v)| (k, v.join(" / "))).collect()
}

/// Slides whose content ran onto a following page.
pub fn overflowing_slides(document: &PagedDocument) -> Vec<usize> {
    let starts = labelled(document, Mark::SlideStart);
    let ends = labelled(document, Mark::SlideEnd);
    starts
        .iter()
        .zip(&ends)
        .filter(|((a, _), (b, _))| a != b)
        .map(|((a, _), _)| *a)
        .collect()
}

/// The speaker notes of each page (1-based), joined by blank lines.
pub fn notes(document: &PagedDocument) -> BTreeMap<usize, String> {
    let mut out: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (page, value) in labelled(document, Mark::SpeakerNote) {
        let text = match value {
            Value::Str(s) => s.to_string(),
            other => typst::foundations::Repr::repr(&other).to_string(),
        };
        if !text.is_empty() {
            out.entry(page).or_default().push(text);
        }
    }
    out.into_iter().map(|(p, v)| (p, v.join("\n\n"))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The templates brief carries, one after the other.
    fn templates() -> String {
        crate::config::TEMPLATES
            .iter()
            .filter(|(name, _)| name.ends_with(".typ"))
            .map(|(_, text)| *text)
            .collect()
    }

    /// A page of brief's own templates laid out by the embedded compiler.
    fn laid_out(page: &str) -> typst::diag::SourceResult<PagedDocument> {
        use std::sync::Arc;

        use typst::foundations::Bytes;

        let dir = tempfile::tempdir().unwrap();
        let mut files: std::collections::HashMap<String, Bytes> = crate::config::TEMPLATES
            .iter()
            .map(|(name, text)| {
                (
                    format!("templates/{name}"),
                    Bytes::new(text.as_bytes().to_vec()),
                )
            })
            .collect();
        files.insert("main.typ".into(), Bytes::new(page.as_bytes().to_vec()));
        let options = crate::config::FontOptions::default();
        let fonts = Arc::new(crate::fonts::Fonts::discover(dir.path(), &options));
        let world = crate::world::BriefWorld::new(
            dir.path(),
            std::path::Path::new("main.typ"),
            Dict::new(),
            fonts,
            None,
        )
        .expect("a world")
        .with_overlay(files);
        typst::compile::<PagedDocument>(&world).output
    }

    #[test]
    fn the_templates_name_every_mark_brief_reads_once_and_no_other() {
        // The Typst side names its labels once (`brief-marks` in config.typ):
        // each, put as the templates put it, is read back here by its Rust name.
        let document = laid_out(
            "#import \"/templates/config.typ\": *\n\
             #for (kind, l) in brief-marks { brief-mark(kind, str(l)) }\n",
        )
        .expect("the page compiles");
        for mark in Mark::ALL {
            let values = labelled(&document, mark);
            assert_eq!(
                values,
                vec![(1, Value::Str(mark.name().into()))],
                "brief-marks has no {} (or has it twice)",
                mark.name()
            );
        }
        let all = document
            .introspector()
            .query(&Selector::Elem(
                typst::foundations::Element::of::<typst::introspection::MetadataElem>(),
                None,
            ))
            .len();
        assert_eq!(
            all,
            Mark::ALL.len(),
            "brief-marks has a mark brief never reads"
        );
        // A key brief-marks lacks is an error, not a label of its own.
        let misspelt =
            laid_out("#import \"/templates/config.typ\": *\n#brief-mark(\"figur\", 1)\n");
        assert!(misspelt.is_err(), "a misspelt mark compiled");
        // And no template writes a label of brief's by hand.
        for (name, text) in crate::config::TEMPLATES {
            for mark in Mark::ALL {
                assert!(
                    !text.contains(&format!("<{}>", mark.name())),
                    "templates/{name} writes <{}> itself: use brief-mark",
                    mark.name()
                );
            }
        }
    }

    #[test]
    fn the_em_box_is_the_templates_one() {
        // The checks and the .pptx place text on the box the templates set.
        let edges = format!("edges: (top: {EM_TOP}em, bottom: -{EM_BOTTOM}em)");
        assert!(
            templates().contains(&edges),
            "the templates have no `{edges}`"
        );
    }
}
