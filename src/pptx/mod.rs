//! The deck as editable PowerPoint: made from the pages typst laid out, so
//! that it shows the same slides as `slides.pdf`. A walk over the frames
//! gives a small slide model (`walk` → `model`): text boxes of whole
//! paragraphs with typst's line breaks and runs, native shapes, tables where
//! the templates mark a table, native charts (with their workbook) where they
//! mark a chart, and the speaker notes. The writer turns it into the OOXML
//! parts (`slide`, `chart`, `package`).

mod chart;
mod model;
mod package;
mod slide;
mod walk;
mod xml;

use chrono::{DateTime, Utc};
use typst_layout::PagedDocument;

use crate::config::FaceMap;
use crate::data::Dataset;
use crate::render::marks;

/// Where PowerPoint puts a line's baseline under a fixed line pitch: the
/// font's descent above the line's bottom (em of the size), as LibreOffice
/// and PowerPoint set a fixed pitch.
const DESCENT: f64 = 0.288;

/// Document properties from the data.
pub struct Properties {
    pub title: String,
    pub subject: String,
    pub author: String,
    pub keywords: String,
    /// The theme's face: what new text typed in PowerPoint uses.
    pub font: String,
}

/// The .pptx of a laid-out deck.
pub fn write(
    document: &PagedDocument,
    data: &Dataset,
    faces: &FaceMap,
    timestamp: Option<DateTime<Utc>>,
) -> anyhow::Result<Vec<u8>> {
    let notes = marks::notes(document);
    let deck = walk::deck(document, &notes, faces);
    let meta = &data.meta;
    let author: Vec<String> = match &meta.source {
        Some(s) => std::iter::once(s.publication.clone())
            .chain(s.byline.clone())
            .collect(),
        None => meta.issuer.iter().cloned().collect(),
    };
    let props = Properties {
        title: meta.title.clone(),
        subject: meta
            .headline
            .as_ref()
            .and_then(|h| h.given().cloned())
            .unwrap_or_default(),
        author: author.join(" "),
        keywords: meta.keywords.join(", "),
        font: faces.get("Noto Sans SC").to_string(),
    };
    package::write(&deck, &props, timestamp)
}
