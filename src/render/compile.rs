//! Compiling documents: each on a thread of its own, handed back as soon as
//! it is ready, under a deadline.

use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use typst::diag::{SourceDiagnostic, Warned};
use typst::ecow::EcoVec;
use typst_layout::PagedDocument;

use crate::config::Doc;
use crate::world::BriefWorld;

/// One compiled document with the world that made it (kept for diagnostics
/// and, in watch mode, for incremental recompilation).
pub struct Compiled {
    pub doc: Doc,
    pub world: BriefWorld,
    pub result: Result<PagedDocument, EcoVec<SourceDiagnostic>>,
    pub warnings: EcoVec<SourceDiagnostic>,
}

/// Why compilation stopped without a result.
#[derive(Debug)]
pub enum Stopped {
    Timeout(Doc),
    Crashed(Doc),
}

/// Compiles every world on its own thread and hands each result to `each`
/// on the calling thread as soon as it is ready, so that one document is
/// exported while the other still compiles. A document that does not finish
/// before `deadline` stops the whole with [`Stopped::Timeout`]; its thread
/// is abandoned (the process exits soon after).
pub fn compile_all(
    worlds: Vec<(Doc, BriefWorld)>,
    deadline: Instant,
    mut each: impl FnMut(Compiled),
) -> Result<(), Stopped> {
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

/// Compiles one document on the current thread.
pub fn compile(doc: Doc, world: BriefWorld) -> Compiled {
    crate::timing::event(&format!("{} compiling", doc.name()));
    let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
    crate::timing::event(&format!("{} compiled", doc.name()));
    Compiled {
        doc,
        world,
        result: output,
        warnings,
    }
}

/// Under `BRIEF_TRACE=FILE`, records typst's own timings of `f` (every
/// function call of the templates, layout, export) as a Chrome trace in FILE;
/// `{n}` in FILE numbers the builds of a `watch`. `world` resolves the
/// trace's source spans to files and lines; it is made only when tracing.
pub fn traced<T, E>(
    world: impl FnOnce() -> Option<BriefWorld>,
    f: impl FnOnce() -> Result<T, E>,
) -> Result<Result<T, E>, (String, String)> {
    static BUILDS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let Some(path) = std::env::var_os("BRIEF_TRACE") else {
        return Ok(f());
    };
    let Some(mut world) = world() else {
        return Ok(f());
    };
    let n = BUILDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = path.to_string_lossy().replace("{n}", &n.to_string());
    let mut timer = typst_kit::timer::Timer::new(path.clone().into());
    timer
        .record(&mut world, |_| f())
        .map_err(|e| (path, e.to_string()))
}

/// How long a compilation may run.
pub fn deadline(timeout: Duration) -> Instant {
    Instant::now() + timeout
}
