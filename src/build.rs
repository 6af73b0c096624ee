//! `brief build`: data in, documents out, atomically.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::args::{BuildArgs, Doc, Format};
use crate::diag;
use crate::error::Failure;
use crate::fonts::Fonts;
use crate::output::{self, LockError};
use crate::pipeline::{self, Settings};
use crate::render::{self, Compiled, PdfSettings};
use crate::state::{self, State};
use crate::world::BriefWorld;
use typst_layout::PagedDocument;

pub fn run(args: &BuildArgs) -> Result<(), Failure> {
    let start = Instant::now();
    let settings = Settings::new(&args.compile, args.output.archival())?;
    let out = output::out_dir(&settings.root, args.output.out.as_ref());
    output::ensure_dir(&out)?;
    let _lock = lock(&out, args.output.wait)?;
    output::remove_temporaries(&out);

    let key = state::options_key(args);
    let previous = State::read(&out);
    if !args.output.force
        && let Some(prev) = &previous
        && prev.is_current(&settings, &out, &key)
    {
        diag::status(&format!(
            "brief: the outputs in {}/ are up to date ({:.0} ms); nothing to do (--force rebuilds)",
            settings.show(&out),
            start.elapsed().as_secs_f64() * 1000.0
        ));
        return Ok(());
    }

    diag::event("start");
    let mut timer = diag::Timer::start();
    let fonts = Arc::new(Fonts::spawn(&settings.root, &settings.fonts));
    timer.phase("stamp fonts, start their discovery");
    let (files, written) = build_once(
        &settings,
        args,
        &out,
        previous.as_ref(),
        &key,
        &fonts,
        &mut Session::default(),
    )?;
    for name in &files {
        diag::status(&format!("brief: wrote {}", settings.show(&out.join(name))));
    }
    diag::status(&format!(
        "brief: built {written} in {:.2} s",
        start.elapsed().as_secs_f64()
    ));
    Ok(())
}

pub fn lock(out: &std::path::Path, wait: u64) -> Result<output::OutputLock, Failure> {
    output::lock(out, Duration::from_secs(wait)).map_err(|e| match e {
        LockError::Busy => Failure::Locked(format!(
            "another brief is writing to {} (waited {wait} s; --wait SECONDS waits longer)",
            out.display()
        )),
        LockError::Io(e) => Failure::Other(e),
    })
}

/// What `watch` keeps from one build for the next.
#[derive(Default)]
pub struct Session {
    /// The worlds of the last successful build: unchanged templates are not
    /// parsed again.
    worlds: Vec<(Doc, BriefWorld)>,
    /// Each document's last export, by a hash of its pages and the options: a
    /// document that came out the same is not exported again.
    exports: HashMap<Doc, (u128, Exported)>,
    /// Whether there will be a next build to keep exports for.
    reuse_exports: bool,
}

impl Session {
    /// A session whose builds follow each other (watch).
    pub fn lasting() -> Self {
        Session {
            reuse_exports: true,
            ..Session::default()
        }
    }
}

type Exported = Vec<(String, Vec<u8>)>;

/// One full build: validate, compile, export, write, record. Returns the
/// names written and a summary such as "briefing (12 pages), slides (15 pages)".
/// `session` holds what the last build left for this one (watch mode keeps
/// it; `build` starts empty) and receives this build's.
pub fn build_once(
    settings: &Settings,
    args: &BuildArgs,
    out: &std::path::Path,
    previous: Option<&State>,
    key: &str,
    fonts: &Arc<Fonts>,
    session: &mut Session,
) -> Result<(Vec<String>, String), Failure> {
    let mut timer = diag::Timer::start();
    let (dataset, data_files) = pipeline::load_data(settings)?;
    timer.phase("load and validate data");
    if settings.archival && settings.timestamp.is_none() && dataset.meta.date.is_none() {
        return Err(Failure::Usage(
            "a PDF/A document needs a creation date: pass --creation-timestamp UNIX_SECONDS, set SOURCE_DATE_EPOCH, or set `date:` in data/meta.yaml".into(),
        ));
    }
    if args.output.handout
        && (args.output.format != Format::Pdf || !settings.docs.contains(&Doc::Slides))
    {
        return Err(Failure::Usage(
            "--handout is made from the slides' PDF: drop --only briefing and --format".into(),
        ));
    }
    let inputs = pipeline::inputs(&dataset, settings.timestamp);
    let compiling = pipeline::worlds(
        settings,
        &inputs,
        fonts,
        std::mem::take(&mut session.worlds),
    )?;
    let exports = std::mem::take(&mut session.exports);
    let (exports, reuse) = (&exports, session.reuse_exports);
    let pdf = PdfSettings {
        standards: args.output.pdf_standards.clone(),
        timestamp: settings.timestamp,
    };
    let pdf = &pdf;
    // Each document is exported on a thread of its own as soon as it is laid
    // out: exporting (embedding and subsetting the CJK fonts) overlaps the
    // other document's compilation, and both export at once on a rebuild.
    let trace_world =
        || pipeline::world(settings, Doc::Slides, &inputs, fonts, Default::default()).ok();
    let mut done = diag::traced(trace_world, || {
        std::thread::scope(|scope| {
            let mut jobs = Vec::new();
            pipeline::compile(settings, compiling, |c, document| {
                jobs.push(scope.spawn(move || {
                    // Hashing the pages costs 1–2 ms: only where a later build may use it.
                    let hash = reuse.then(|| typst::utils::hash128(&(&document, key)));
                    let exported = match (exports.get(&c.doc), hash) {
                        (Some((h, files)), Some(hash)) if *h == hash => Ok(files.clone()),
                        _ => export(settings, args, pdf, &c, &document),
                    };
                    diag::event(&format!("{} exported", c.doc.name()));
                    (c, document, exported.map(|files| (hash, files)))
                }));
                Ok(())
            })?;
            jobs.into_iter()
                .map(|j| {
                    j.join().map_err(|_| {
                        Failure::Other(anyhow::anyhow!(
                            "exporting a document crashed (a bug: please report it)"
                        ))
                    })
                })
                .collect::<Result<Vec<_>, Failure>>()
        })
    })?;
    done.sort_by_key(|(c, _, _)| c.doc.name());
    // After compiling: the check needs the fonts, whose discovery overlaps
    // the compilation's start.
    pipeline::check_glyphs(settings, &dataset, &data_files, fonts)?;
    timer.phase("compile and export");

    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut pages_written: Vec<(&str, &str, Vec<String>)> = Vec::new();
    let mut summary = Vec::new();
    let mut deps = Vec::new();
    let mut kept = Session {
        reuse_exports: session.reuse_exports,
        ..Session::default()
    };
    for (mut c, document, exported) in done {
        let (hash, exported) = exported?;
        if let Some(hash) = hash {
            kept.exports.insert(c.doc, (hash, exported.clone()));
        }
        summary.push(format!(
            "{} ({} pages)",
            c.doc.name(),
            document.pages().len()
        ));
        if args.output.format != Format::Pdf {
            pages_written.push((
                c.doc.name(),
                args.output.format.extension(),
                exported.iter().map(|(n, _)| n.clone()).collect(),
            ));
        }
        files.extend(exported);
        deps.extend(c.world.dependencies());
        kept.worlds.push((c.doc, c.world));
    }
    if args.output.handout {
        // The handout shows the deck just made: serve it to the template from memory.
        let overlay = files
            .iter()
            .filter(|(n, _)| n == "slides.pdf" || n == "slides.pdfpc")
            .map(|(n, b)| (format!("out/{n}"), b.clone()))
            .collect();
        let world = pipeline::world(settings, Doc::Handout, &inputs, fonts, overlay)?;
        pipeline::compile(settings, vec![(Doc::Handout, world)], |mut c, document| {
            summary.push(format!("handout ({} pages)", document.pages().len()));
            files.extend(export(settings, args, pdf, &c, &document)?);
            deps.extend(c.world.dependencies());
            Ok(())
        })?;
    }
    deps.extend(data_files.digests.iter().cloned());

    let figures = state::figures(&dataset);
    let changes = previous.map_or_else(Vec::new, |p| state::changes(&p.figures, &figures));
    for line in &changes {
        diag::status(&format!("brief: changed {line}"));
    }
    if !changes.is_empty() {
        files.push((
            "changes.md".into(),
            state::changes_markdown(&changes).into_bytes(),
        ));
    }

    // The state goes with the outputs, in the same atomic write.
    let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
    let state = State::new(key, deps, fonts.stamps.clone(), &files, figures);
    files.push(state.to_file());
    output::write_all(out, &files, settings.sync)?;
    timer.phase("write outputs");
    for (stem, ext, names) in &pages_written {
        output::remove_stale_pages(out, stem, ext, names);
    }
    // What an earlier build of the same documents wrote and this one did not
    // (other formats, a handout not asked for now) would sit beside the new
    // outputs showing old figures. Documents not built now (--only) keep
    // theirs; a file changed since brief wrote it is never removed.
    if let Some(previous) = previous {
        let mut stems: Vec<&str> = settings.docs.iter().map(|d| d.name()).collect();
        if settings.docs.contains(&Doc::Slides) {
            stems.push(Doc::Handout.name());
        }
        let owned = |name: &str| stems.iter().any(|stem| output::belongs_to(name, stem));
        for path in previous.superseded(out, &names, owned) {
            if std::fs::remove_file(&path).is_ok() {
                diag::status(&format!(
                    "brief: removed {} (not made by this build)",
                    settings.show(&path)
                ));
            }
        }
    }
    if changes.is_empty() {
        // The report is about the last build; an older one would mislead.
        let _ = std::fs::remove_file(out.join("changes.md"));
    }
    *session = kept;
    Ok((names, summary.join(", ")))
}

/// One document's output files: its PDF (and the deck's notes), or its page images.
fn export(
    settings: &Settings,
    args: &BuildArgs,
    pdf: &PdfSettings,
    c: &Compiled,
    document: &PagedDocument,
) -> Result<Vec<(String, Vec<u8>)>, Failure> {
    let stem = c.doc.name();
    let pages = document.pages().len();
    Ok(match args.output.format {
        Format::Pdf => {
            let bytes = render::pdf(c.doc, document, pdf).map_err(|diags| {
                diag::typst(&c.world, &diags, settings.args.diagnostic_format);
                Failure::Template(format!("{stem}.pdf cannot be exported"))
            })?;
            let mut files = vec![(format!("{stem}.pdf"), bytes)];
            if c.doc == Doc::Slides {
                files.push(("slides.pdfpc".into(), render::pdfpc(document, "slides.pdf")));
            }
            files
        }
        format => {
            let names = (1..=pages).map(|p| output::page_name(stem, p, pages, format.extension()));
            names
                .zip(render::images(document, format, args.output.ppi))
                .collect()
        }
    })
}
