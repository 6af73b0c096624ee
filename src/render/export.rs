//! Export of a laid-out document: PDF (with the standards asked for), one
//! image per page, and the pdfpc notes of a deck.

use chrono::{DateTime, Datelike, Timelike, Utc};
use typst::diag::SourceDiagnostic;
use typst::ecow::{EcoString, EcoVec};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandards, Timestamp};

use crate::config::{Doc, Format, PdfStandard};

/// The PDF of a document.
pub fn pdf(
    doc: Doc,
    document: &PagedDocument,
    standards: &[PdfStandard],
    timestamp: Option<DateTime<Utc>>,
) -> Result<Vec<u8>, EcoVec<SourceDiagnostic>> {
    let standards = pdf_standards(standards)
        .map_err(|e| EcoVec::from([SourceDiagnostic::error(typst::syntax::Span::detached(), e)]))?;
    let options = PdfOptions {
        // A stable identifier keeps the PDF's /ID the same from build to build.
        ident: Smart::Custom(format!("brief-{}", doc.name())),
        creator: Smart::Custom(Some(format!("brief {} (Typst)", env!("CARGO_PKG_VERSION")))),
        timestamp: timestamp.and_then(pdf_timestamp),
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options)
}

/// The standards a PDF is to meet, as typst-pdf takes them; why they
/// cannot go together (two versions, a version a PDF/A part excludes).
pub fn pdf_standards(standards: &[PdfStandard]) -> Result<PdfStandards, EcoString> {
    let list: Vec<_> = standards.iter().map(|s| s.to_typst()).collect();
    PdfStandards::new(&list).map_err(|e| e.message().clone())
}

fn pdf_timestamp(t: DateTime<Utc>) -> Option<Timestamp> {
    let dt = Datetime::from_ymd_hms(
        t.year(),
        t.month() as u8,
        t.day() as u8,
        t.hour() as u8,
        t.minute() as u8,
        t.second() as u8,
    )?;
    Some(Timestamp::new_utc(dt))
}

/// `slides-01.png`: zero-padded to at least two digits so names sort.
pub fn page_name(stem: &str, page: usize, pages: usize, ext: &str) -> String {
    let width = pages.to_string().len().max(2);
    format!("{stem}-{page:0width$}.{ext}")
}

/// One image per page (PNG at `ppi`, or SVG), each handed to `sink` with its
/// file name as soon as it is encoded: no more than one page is held in
/// memory at a time. Stops at the first error of `sink`.
pub fn images<E>(
    doc: Doc,
    document: &PagedDocument,
    format: Format,
    ppi: f32,
    mut sink: impl FnMut(String, Vec<u8>) -> Result<(), E>,
) -> Result<(), E> {
    let pages = document.pages().len();
    for (i, page) in document.pages().iter().enumerate() {
        let bytes = match format {
            Format::Svg => typst_svg::svg(page, &Default::default()).into_bytes(),
            _ => {
                let options = typst_render::RenderOptions {
                    pixel_per_pt: typst::utils::Scalar::new(f64::from(ppi) / 72.0),
                    ..Default::default()
                };
                typst_render::render(page, &options)
                    .encode_png()
                    .expect("encode PNG")
            }
        };
        sink(
            page_name(doc.name(), i + 1, pages, format.extension()),
            bytes,
        )?;
    }
    Ok(())
}

/// The pdfpc notes file for a deck: the `<speaker-note>` metadata of each page.
pub fn pdfpc(document: &PagedDocument, pdf_name: &str) -> Vec<u8> {
    let notes = super::marks::notes(document);
    let pages: Vec<serde_json::Value> = notes
        .iter()
        .map(|(page, note)| {
            serde_json::json!({
                "idx": page - 1,
                "label": page.to_string(),
                "overlay": 0,
                "forcedOverlay": false,
                "hidden": false,
                "note": note,
            })
        })
        .collect();
    let file = serde_json::json!({
        "pdfpcFormat": 2,
        "disableMarkdown": true,
        "noteFontSize": 20,
        "pageCount": document.pages().len(),
        "pdf": pdf_name,
        "pages": pages,
    });
    serde_json::to_vec_pretty(&file).expect("notes serialise")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_names_sort() {
        assert_eq!(page_name("slides", 3, 12, "png"), "slides-03.png");
        assert_eq!(page_name("slides", 7, 120, "svg"), "slides-007.svg");
    }
}
