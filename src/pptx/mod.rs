//! The deck as editable PowerPoint: made from the pages typst laid out, so
//! that it shows the same slides as `slides.pdf`. A walk over the frames
//! gives a small slide model (`walk` → `model`): text boxes of whole
//! paragraphs with typst's line breaks and runs, native shapes, tables where
//! the templates mark a table, native charts (with their workbook) where they
//! mark a chart, and the speaker notes. The writer turns it into the OOXML
//! parts (`slide`, `chart`, `package`).

mod arrange;
mod boxes;
mod drawing;
mod master;
mod model;
mod package;
mod slide;
mod table;
mod text;
mod walk;

use chrono::{DateTime, Utc};
use typst_layout::PagedDocument;

use crate::chart;
use crate::config::FaceMap;
use crate::data::Project;
use crate::data::look::Color;
use crate::render::marks;

/// Where PowerPoint puts a line's baseline under a fixed line pitch: the
/// font's descent above the line's bottom (em of the size), as LibreOffice
/// and PowerPoint set a fixed pitch.
const DESCENT: f64 = 0.288;

/// The charts as the data means them: a comparison's pairs on a slide as
/// one chart of two named series, shares over the theme's track, decreases
/// drawn as decreases.
fn charts(deck: &mut model::Deck, project: &Project) {
    use model::Shape;
    let (data, look) = (&project.dataset, &project.look);
    let names = chart::compare_names(look, data);
    let is_down = |v: &str| project.words.down.iter().any(|d| d == v);
    // Each pair of a comparison a chart of its own, in its place; the
    // slide keeps the key and note the PDF draws above them.
    for slide in &mut deck.slides {
        for shape in &mut slide.shapes {
            if let Shape::Chart(c) = shape {
                let one = vec![((), c.chart.clone())];
                let (_, mut chart) = chart::compare_pairs(one, &names, false).remove(0);
                chart::sign_decreases(&mut chart, data, &is_down);
                c.chart = chart;
            }
        }
    }
}

/// What the package says of itself and of its look.
pub struct Properties {
    /// Title, author, subject, keywords: the laid-out deck's.
    pub core: crate::chart::xml::Properties,
    /// The theme's faces: titles (major) and other text (minor), what new
    /// text typed in PowerPoint uses.
    pub major: String,
    pub minor: String,
    /// The theme's colour scheme: dk1 lt1 dk2 lt2 accent1–6 hlink folHlink.
    pub colors: [chart::Rgb; 12],
}

/// The theme's colours as the slides name them (`schemeClr`), most
/// specific first.
pub fn scheme(colors: &[chart::Rgb; 12]) -> Vec<(model::Rgba, &'static str)> {
    let rgba = |c: chart::Rgb| model::Rgba([c.0[0], c.0[1], c.0[2], 255]);
    [
        (4, "accent1"),
        (0, "tx1"),
        (2, "tx2"),
        (6, "accent3"),
        (9, "accent6"),
        (1, "bg1"),
    ]
    .iter()
    .map(|(i, name)| (rgba(colors[*i]), *name))
    .collect()
}

/// The .pptx of a laid-out deck.
pub fn write(
    document: &PagedDocument,
    project: &Project,
    faces: &FaceMap,
    timestamp: Option<DateTime<Utc>>,
) -> anyhow::Result<Vec<u8>> {
    let look = &project.look;
    let notes = marks::notes(document);
    let mut deck = walk::deck(document, &notes, faces, look.color(Color::Track));
    charts(&mut deck, project);
    let props = Properties {
        core: crate::chart::xml::Properties::of(document),
        major: faces.get(look.font("heading")).to_string(),
        minor: faces.get(look.font("figure")).to_string(),
        colors: [
            look.color(Color::Text),
            chart::Rgb([0xFF, 0xFF, 0xFF]),
            look.color(Color::Secondary),
            look.color(Color::Surface),
            look.color(Color::Primary),
            look.color(Color::Secondary),
            look.color(Color::Muted),
            look.color(Color::Line),
            look.color(Color::Track),
            look.color(Color::Figure),
            // A link typed in PowerPoint: in the theme's colours, not Office's blue.
            look.color(Color::Secondary),
            look.color(Color::Muted),
        ],
    };
    package::write(&deck, &props, timestamp)
}
