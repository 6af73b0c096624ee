//! From a world to bytes: compilation (both documents in parallel, under a
//! time limit), checks on the laid-out pages, and export to PDF, PNG or SVG.

use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use chrono::{DateTime, Datelike, Timelike, Utc};
use typst::diag::{SourceDiagnostic, Warned};
use typst::ecow::EcoVec;
use typst::foundations::{Datetime, Label, Selector, Smart, Value};
use typst::introspection::Introspector;
use typst::utils::PicoStr;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandards, Timestamp};

use crate::args::{Doc, Format, PdfStandard};
use crate::world::BriefWorld;

/// One compiled document with the world that made it (kept for diagnostics
/// and, in watch mode, for incremental recompilation).
pub struct Compiled {
    pub doc: Doc,
    pub world: BriefWorld,
    pub result: Result<PagedDocument, EcoVec<SourceDiagnostic>>,
    pub warnings: EcoVec<SourceDiagnostic>,
}

/// Compiles every world on its own thread and hands each result to `each`
/// on the calling thread as soon as it is ready, so that one document is
/// exported while the other still compiles. Returns `Err(doc)` naming a
/// document that did not finish within `timeout`; its thread is abandoned
/// (the process exits soon after).
pub fn compile_all(
    worlds: Vec<(Doc, BriefWorld)>,
    timeout: Duration,
    mut each: impl FnMut(Compiled),
) -> Result<(), Stopped> {
    let deadline = Instant::now() + timeout;
    let (tx, rx) = mpsc::channel();
    let mut pending: Vec<Doc> = Vec::new();
    // The longest job first: the deck takes about half as long again as the
    // briefing and decides when a build ends.
    let mut worlds = worlds;
    worlds.sort_by_key(|(doc, _)| *doc != Doc::Slides);
    for (doc, world) in worlds {
        pending.push(doc);
        let tx = tx.clone();
        // Typst recurses deeply on nested content; give it the main thread's room.
        thread::Builder::new()
            .name(format!("compile-{}", doc.name()))
            .stack_size(64 * 1024 * 1024)
            .spawn(move || {
                let _ = tx.send(compile(doc, world));
            })
            .expect("spawn a compiler thread");
    }
    drop(tx);
    while !pending.is_empty() {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(compiled) => {
                pending.retain(|d| *d != compiled.doc);
                each(compiled);
            }
            Err(mpsc::RecvTimeoutError::Timeout) => return Err(Stopped::Timeout(pending[0])),
            // The thread died without an answer: typst panicked.
            Err(mpsc::RecvTimeoutError::Disconnected) => return Err(Stopped::Crashed(pending[0])),
        }
    }
    Ok(())
}

/// Why compilation stopped without a result.
pub enum Stopped {
    Timeout(Doc),
    Crashed(Doc),
}

/// Compiles one document on the current thread.
pub fn compile(doc: Doc, world: BriefWorld) -> Compiled {
    crate::diag::event(&format!("{} compiling", doc.name()));
    let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
    crate::diag::event(&format!("{} compiled", doc.name()));
    Compiled {
        doc,
        world,
        result: output,
        warnings,
    }
}

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

/// Slides whose content ran onto a following page: the template marks the
/// top and bottom of every slide's content.
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

/// PDF export settings shared by every document of a build.
pub struct PdfSettings {
    pub standards: Vec<PdfStandard>,
    pub timestamp: Option<DateTime<Utc>>,
}

pub fn pdf(
    doc: Doc,
    document: &PagedDocument,
    settings: &PdfSettings,
) -> Result<Vec<u8>, EcoVec<SourceDiagnostic>> {
    let list: Vec<_> = settings.standards.iter().map(|s| s.to_typst()).collect();
    let standards = PdfStandards::new(&list).map_err(|e| {
        EcoVec::from([SourceDiagnostic::error(
            typst::syntax::Span::detached(),
            e.message().clone(),
        )])
    })?;
    let options = PdfOptions {
        // A stable identifier keeps the PDF's /ID the same from build to build.
        ident: Smart::Custom(format!("brief-{}", doc.name())),
        creator: Smart::Custom(Some(format!("brief {} (Typst)", env!("CARGO_PKG_VERSION")))),
        timestamp: settings.timestamp.and_then(timestamp),
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options)
}

fn timestamp(t: DateTime<Utc>) -> Option<Timestamp> {
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

/// One image per page: PNG at `ppi`, or SVG.
pub fn images(document: &PagedDocument, format: Format, ppi: f32) -> Vec<Vec<u8>> {
    document
        .pages()
        .iter()
        .map(|page| match format {
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
        })
        .collect()
}

/// The pdfpc notes file for a deck: the `<speaker-note>` metadata of each page.
pub fn pdfpc(document: &PagedDocument, pdf_name: &str) -> Vec<u8> {
    let notes = labelled(document, "speaker-note");
    let pages: Vec<serde_json::Value> = (1..=document.pages().len())
        .filter_map(|page| {
            let text: Vec<String> = notes
                .iter()
                .filter(|(p, _)| *p == page)
                .map(|(_, v)| match v {
                    Value::Str(s) => s.to_string(),
                    other => typst::foundations::Repr::repr(other).to_string(),
                })
                .collect();
            (!text.is_empty()).then(|| {
                serde_json::json!({
                    "idx": page - 1,
                    "label": page.to_string(),
                    "overlay": 0,
                    "forcedOverlay": false,
                    "hidden": false,
                    "note": text.join("\n\n"),
                })
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
