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

/// The metadata values carried by a label, each with its 1-based page.
pub fn labelled(document: &PagedDocument, label: &str) -> Vec<(usize, Value)> {
    let Some(label) = Label::new(PicoStr::intern(label)) else {
        return Vec::new();
    };
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
    for (_, value) in labelled(document, "brief-figure") {
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
    let starts = labelled(document, "slide-start");
    let ends = labelled(document, "slide-end");
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
    for (page, value) in labelled(document, "speaker-note") {
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
