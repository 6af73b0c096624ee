//! The subcommands, one file each, and what they share: the options settled
//! once, before any work ([`settle`]), and the stages of a build
//! (`stages.rs`), which `build`, `watch` and `check` run alike.

pub mod build;
pub mod check;
pub mod fonts;
pub mod init;
pub mod schema;
mod stages;
pub mod watch;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::DateTime;

use crate::args::{BuildArgs, CompileArgs, FontArgs, Only};
use crate::config::{Config, Doc, FaceMap, FontOptions, Format, OutputConfig};
use crate::error::Failure;
use crate::tr;

/// The settled options of `check` (nothing written) or, with `output`, of
/// `build` and `watch`. Every conflict is a usage error here, before any
/// work: `watch` never waits for an edit that cannot fix its options.
pub fn settle(args: &CompileArgs, output: Option<&BuildArgs>) -> Result<Config, Failure> {
    let root = data_root(&args.project.project)?;
    let fonts = font_options(&args.fonts)?;
    let timestamp = match args.creation_timestamp {
        None => None,
        Some(secs) => Some(DateTime::from_timestamp(secs, 0).ok_or_else(|| {
            Failure::Usage(tr!(
                "arg-timestamp-range",
                value = secs,
                max = *crate::args::TIMESTAMPS.end()
            ))
        })?),
    };
    let docs = match args.only {
        Some(Only::Briefing) => vec![Doc::Briefing],
        Some(Only::Slides) => vec![Doc::Slides],
        None => vec![Doc::Briefing, Doc::Slides],
    };
    let json: crate::memory::JsonLine = |message| crate::term::failure_json("fail-memory", message);
    crate::memory::limit(
        args.memory_limit,
        (args.diagnostic_format == crate::config::DiagnosticFormat::Json).then_some(json),
    );
    crate::timing::doing(crate::timing::Doing::Data);
    let output = output
        .map(|b| outputs(&root, b, &docs, &fonts))
        .transpose()?;
    let config = Config {
        root,
        docs,
        fonts,
        timestamp,
        strict: args.strict,
        draft: args.draft,
        timeout: Duration::from_secs(args.timeout),
        diagnostics: args.diagnostic_format,
        output,
    };
    Ok(config)
}

/// The face pairs of `--pptx-font` or `--docx-font`, each once: a family
/// given two different faces is a usage error, not the first one silently.
fn face_pairs<'a>(
    option: &str,
    given: impl Iterator<Item = &'a (String, String)>,
) -> Result<Vec<(String, String)>, Failure> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (from, to) in given {
        match pairs.iter().find(|(f, _)| f == from) {
            Some((_, other)) if other != to => {
                return Err(Failure::Usage(tr!(
                    "usage-face-twice",
                    option = option,
                    family = from.as_str(),
                    first = other.as_str(),
                    second = to.as_str()
                )));
            }
            Some(_) => {}
            None => pairs.push((from.clone(), to.clone())),
        }
    }
    Ok(pairs)
}

/// A folder as an absolute path with its links resolved as far as it
/// exists (an output folder may not exist yet).
fn resolve(path: &Path) -> PathBuf {
    use std::path::Component;
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    // Links resolved as far as the path exists; past that, `..` is taken
    // from the path itself, as the folders will be made (`out/new/../data`
    // is `data`, though `new` is not there yet).
    let mut real = PathBuf::new();
    let mut exists = true;
    for c in absolute.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if !exists => {
                real.pop();
                // Back in folders that exist: their links count again.
                exists = real.exists();
            }
            _ => {
                let next = real.join(c);
                match exists.then(|| next.canonicalize().ok()).flatten() {
                    Some(canonical) => real = canonical,
                    None => {
                        exists = false;
                        real = next;
                    }
                }
            }
        }
    }
    real
}

fn outputs(
    root: &Path,
    b: &BuildArgs,
    docs: &[Doc],
    fonts: &FontOptions,
) -> Result<OutputConfig, Failure> {
    let o = &b.output;
    let slides = docs.contains(&Doc::Slides);
    if o.handout && (o.format != Format::Pdf || !slides) {
        return Err(Failure::Usage(tr!("usage-handout")));
    }
    if o.pptx && !slides {
        return Err(Failure::Usage(tr!("usage-pptx-only")));
    }
    if !o.pptx_fonts.is_empty() && !o.pptx {
        return Err(Failure::Usage(tr!("usage-pptx-font")));
    }
    if o.docx && !docs.contains(&Doc::Briefing) {
        return Err(Failure::Usage(tr!("usage-docx-only")));
    }
    if !o.docx_fonts.is_empty() && !o.docx {
        return Err(Failure::Usage(tr!("usage-docx-font")));
    }
    // A standard is the PDF's: images have none, and the handout embeds the
    // slides' PDF, which typst-pdf cannot do under one (round 18: exit 4
    // after compiling everything).
    if !o.pdf_standards.is_empty() && o.format != Format::Pdf {
        return Err(Failure::Usage(tr!("usage-pdf-standard-format")));
    }
    if !o.pdf_standards.is_empty() && o.handout {
        return Err(Failure::Usage(tr!("usage-pdf-standard-handout")));
    }
    // Standards that cannot go together are the option's error, before any
    // work (typst-pdf would refuse them only at export).
    if crate::render::export::pdf_standards(&o.pdf_standards).is_err() {
        let given: Vec<String> = o
            .pdf_standards
            .iter()
            .filter_map(|s| clap::ValueEnum::to_possible_value(s).map(|v| v.get_name().to_string()))
            .collect();
        return Err(Failure::Usage(tr!(
            "usage-pdf-standards",
            standards = given.join(",")
        )));
    }
    let pptx_pairs = face_pairs("--pptx-font", o.pptx_fonts.iter().flatten())?;
    let docx_pairs = face_pairs("--docx-font", o.docx_fonts.iter().flatten())?;
    // `office` sets every face by role: another mapping beside it was
    // silently dropped (round 21).
    let office = docx_pairs.iter().any(|(a, _)| a.is_empty());
    if office && docx_pairs.iter().any(|(a, _)| !a.is_empty()) {
        return Err(Failure::Usage(tr!("usage-docx-font-office")));
    }
    let dir = o.out.clone().unwrap_or_else(|| root.join("out"));
    // Outputs never go into a folder brief reads: they would be read back,
    // and `watch` would rebuild on its own writes forever.
    let resolved = resolve(&dir);
    let inputs = [
        crate::data::DATA_DIR,
        crate::config::TEMPLATES_DIR,
        crate::fonts::FONT_DIR,
        crate::data::THEME_FILE,
    ]
    .map(|d| root.join(d))
    .into_iter()
    .chain(fonts.font_paths.iter().cloned())
    .map(|p| resolve(&p));
    for input in inputs {
        if resolved.starts_with(&input) {
            return Err(Failure::Usage(tr!(
                "usage-out-inside",
                out = dir.display().to_string(),
                input = input.display().to_string()
            )));
        }
    }
    Ok(OutputConfig {
        dir,
        format: o.format,
        ppi: o.ppi,
        standards: o.pdf_standards.clone(),
        handout: o.handout,
        pptx: o.pptx,
        faces: FaceMap { pairs: pptx_pairs },
        docx: o.docx,
        docx_faces: crate::config::DocxFaces {
            office,
            pairs: docx_pairs
                .into_iter()
                .filter(|(a, _)| !a.is_empty())
                .collect(),
        },
        force: o.force,
        wait: Duration::from_secs(o.wait),
        durable: true,
    })
}

/// Bounds a whole `build` or `check`, or one rebuild of `watch`, by
/// `--timeout` (a data file that blocks, a runaway template, anything):
/// past it, the run ends with code 6, never in the middle of putting its
/// outputs in place (the commit holds `APPLYING`), so the previous outputs
/// stay as they were. Dropping the guard ends the bound.
#[must_use = "the bound ends when the guard is dropped"]
pub struct Watchdog {
    done: Option<std::sync::mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// Ending the bound waits for the watchdog: one that woke while the outputs
/// were put in place says so once they are, before the process ends (under
/// load the run ended first and the warning was lost).
impl Drop for Watchdog {
    fn drop(&mut self) {
        drop(self.done.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

pub fn watchdog(config: &Config) -> Watchdog {
    let limit = config.timeout;
    let json = config.diagnostics == crate::config::DiagnosticFormat::Json;
    let (done, finished) = std::sync::mpsc::channel::<()>();
    let before = crate::outputs::commit::sets_written();
    let thread = std::thread::spawn(move || {
        // The compilation's own deadline reports first, with the template's
        // name: it needs a moment to say so.
        let wait = limit + Duration::from_millis(250);
        if finished.recv_timeout(wait) != Err(std::sync::mpsc::RecvTimeoutError::Timeout) {
            return;
        }
        let _applying = crate::outputs::commit::APPLYING
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let seconds = limit.as_secs();
        // The time ran out while the outputs were put in place: they are
        // the new set, whole; the run ends as it was going to.
        if crate::outputs::commit::sets_written() > before {
            crate::term::warning(&tr!("timeout-after-write", seconds = seconds));
            return;
        }
        let message = match crate::timing::now_doing() {
            Some(doing) => tr!(
                "fail-timeout-doing",
                seconds = seconds,
                doing = doing.words()
            ),
            None => tr!("fail-timeout-run", seconds = seconds),
        };
        let message = format!("{message}{}", tr!("fail-unchanged"));
        if json {
            crate::term::failure_line("fail-timeout", &message);
        }
        crate::term::fatal(&message);
        crate::outputs::commit::abandon();
        std::process::exit(6);
    });
    Watchdog {
        done: Some(done),
        thread: Some(thread),
    }
}

/// The project folder, canonical.
pub fn project_root(project: &Path) -> Result<PathBuf, Failure> {
    project.canonicalize().map_err(|e| {
        Failure::Usage(tr!(
            "usage-no-project",
            path = project.display().to_string(),
            error = crate::i18n::io(&e)
        ))
    })
}

/// The project folder, which must hold `data/`; its `data/` given instead
/// is said as such.
pub fn data_root(project: &Path) -> Result<PathBuf, Failure> {
    let root = project_root(project)?;
    if root.join(crate::data::DATA_DIR).is_dir() {
        return Ok(root);
    }
    let parent = root.parent().filter(|_| {
        root.file_name() == Some(std::ffi::OsStr::new(crate::data::DATA_DIR))
            && root.join(crate::data::META_FILE).is_file()
    });
    Err(Failure::Usage(match parent {
        Some(parent) => tr!(
            "usage-data-given",
            root = root.display().to_string(),
            parent = parent.display().to_string()
        ),
        None => tr!("usage-no-data", root = root.display().to_string()),
    }))
}

/// Every --font-path must be a folder.
pub fn font_options(args: &FontArgs) -> Result<FontOptions, Failure> {
    if let Some(missing) = args.font_paths.iter().find(|p| !p.is_dir()) {
        let path = missing.display().to_string();
        // A face file given where its folder is meant: say which folder.
        return Err(Failure::Usage(if missing.exists() {
            let folder = missing
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            tr!(
                "usage-font-path-file",
                path = path,
                folder = folder.display().to_string()
            )
        } else {
            tr!("usage-font-path", path = path)
        }));
    }
    Ok(FontOptions {
        font_paths: args.font_paths.clone(),
        system_fonts: args.system_fonts,
    })
}
