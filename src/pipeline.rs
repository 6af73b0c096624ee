//! What build, check and watch share: data in, checked documents out.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use typst::diag::Severity;
use typst::foundations::{Dict, IntoValue};
use typst_layout::PagedDocument;

use crate::args::{CompileArgs, Doc};
use crate::data::{self, DataFiles, Dataset};
use crate::diag;
use crate::error::Failure;
use crate::fonts::{FontOptions, Fonts};
use crate::glyphs;
use crate::render::{self, Compiled};
use crate::world::BriefWorld;

/// The templates, relative to the project.
pub fn template(doc: Doc) -> PathBuf {
    Path::new("templates").join(format!("{}.typ", doc.name()))
}

/// The resolved settings of one build.
pub struct Settings {
    pub root: PathBuf,
    pub docs: Vec<Doc>,
    pub fonts: FontOptions,
    pub timestamp: Option<DateTime<Utc>>,
    pub args: CompileArgs,
    /// A PDF/A build: a character without a glyph is an error.
    pub archival: bool,
    /// fsync outputs (off in watch mode, where speed matters more).
    pub sync: crate::output::Durability,
}

impl Settings {
    pub fn new(args: &CompileArgs, archival: bool) -> Result<Self, Failure> {
        let project = &args.project.project;
        let root = project.canonicalize().map_err(|e| {
            Failure::Usage(format!(
                "the project folder {} cannot be opened: {e}",
                project.display()
            ))
        })?;
        if !root.join(data::DATA_DIR).is_dir() {
            return Err(Failure::Usage(format!(
                "{} has no data/ folder: run brief in a project folder or pass --project DIR",
                root.display()
            )));
        }
        let timestamp = match args.creation_timestamp {
            None => None,
            Some(secs) => Some(DateTime::from_timestamp(secs, 0).ok_or_else(|| {
                Failure::Usage(format!("creation timestamp {secs} is out of range"))
            })?),
        };
        let docs = match args.only {
            Some(doc) => vec![doc],
            None => Doc::ALL.to_vec(),
        };
        check_fonts(&root, &args.fonts.font_paths, args.fonts.system_fonts)?;
        let fonts = FontOptions {
            font_paths: args.fonts.font_paths.clone(),
            system_fonts: args.fonts.system_fonts,
        };
        Ok(Self {
            root,
            docs,
            fonts,
            timestamp,
            args: args.clone(),
            archival,
            sync: crate::output::Durability::Durable,
        })
    }

    /// A path as the user knows it, for messages.
    pub fn show(&self, path: &Path) -> String {
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .display()
            .to_string()
    }
}

/// The bundled fonts must be there (without them every Chinese character
/// would be an empty box), and every --font-path must exist.
pub fn check_fonts(root: &Path, font_paths: &[PathBuf], system: bool) -> Result<(), Failure> {
    if let Some(missing) = font_paths.iter().find(|p| !p.is_dir()) {
        return Err(Failure::Usage(format!(
            "--font-path {}: no such folder",
            missing.display()
        )));
    }
    if !root.join(crate::fonts::FONT_DIR).is_dir() && font_paths.is_empty() && !system {
        return Err(Failure::Usage(format!(
            "{} has no fonts/ folder: the bundled Chinese fonts are missing (restore them, or name fonts with --font-path)",
            root.display()
        )));
    }
    Ok(())
}

/// Loads and validates the data, printing every error.
pub fn load_data(settings: &Settings) -> Result<(Dataset, DataFiles), Failure> {
    data::load(&settings.root).map_err(|errors| {
        diag::data_errors(&settings.root, &errors, settings.args.diagnostic_format);
        Failure::Data(errors.len())
    })
}

/// Where the validated data reaches the templates: a JSON file served from
/// memory. A file rather than `sys.inputs` itself, because typst's caches key
/// on the inputs as a whole: with the data there, one changed figure would
/// throw away every cached result instead of only those that read the figure.
pub const DATA_FILE: &str = ".brief/data.json";

/// What a template sees besides the project: `sys.inputs` and in-memory files.
pub struct Inputs {
    pub dict: Dict,
    pub files: HashMap<String, Vec<u8>>,
}

/// `sys.inputs.data-file` names the validated data; `sys.inputs.date` is the
/// build timestamp's date when there is one.
pub fn inputs(dataset: &Dataset, timestamp: Option<DateTime<Utc>>) -> Inputs {
    let mut dict = Dict::new();
    dict.insert("data-file".into(), format!("/{DATA_FILE}").into_value());
    if let Some(t) = timestamp {
        dict.insert("date".into(), t.format("%Y-%m-%d").to_string().into_value());
    }
    let json = serde_json::to_vec(dataset).expect("the data set serialises");
    Inputs {
        dict,
        files: HashMap::from([(DATA_FILE.to_string(), json)]),
    }
}

/// The world of one document; `extra` files are served from memory too.
pub fn world(
    settings: &Settings,
    doc: Doc,
    inputs: &Inputs,
    fonts: &Arc<Fonts>,
    extra: HashMap<String, Vec<u8>>,
) -> Result<BriefWorld, Failure> {
    let main = template(doc);
    if !settings.root.join(&main).is_file() {
        return Err(Failure::Template(format!(
            "the template {} is missing",
            main.display()
        )));
    }
    let mut files = inputs.files.clone();
    files.extend(extra);
    let world = BriefWorld::new(
        &settings.root,
        &main,
        inputs.dict.clone(),
        fonts.clone(),
        settings.timestamp,
    )
    .map_err(Failure::Template)?;
    Ok(world.with_overlay(files))
}

/// A world per document, sharing the fonts. Worlds of the last build
/// (`previous`, kept by watch) are renewed rather than made anew.
pub fn worlds(
    settings: &Settings,
    inputs: &Inputs,
    fonts: &Arc<Fonts>,
    mut previous: Vec<(Doc, BriefWorld)>,
) -> Result<Vec<(Doc, BriefWorld)>, Failure> {
    settings
        .docs
        .iter()
        .map(|&doc| match previous.iter().position(|(d, _)| *d == doc) {
            Some(i) => {
                let (_, world) = previous.swap_remove(i);
                Ok((doc, world.renew(inputs.dict.clone(), inputs.files.clone())))
            }
            None => Ok((doc, world(settings, doc, inputs, fonts, HashMap::new())?)),
        })
        .collect()
}

/// Compiles the worlds, prints diagnostics, applies brief's own checks, and
/// hands every document that passed to `each` as soon as it is ready (while
/// the others may still compile). Fails if any document failed.
pub fn compile(
    settings: &Settings,
    worlds: Vec<(Doc, BriefWorld)>,
    mut each: impl FnMut(Compiled, PagedDocument) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let format = settings.args.diagnostic_format;
    let timeout = Duration::from_secs(settings.args.timeout);
    let (mut errors, mut problems) = (0, 0);
    let mut failed = None;
    render::compile_all(worlds, timeout, |mut c| {
        diag::typst(&c.world, &c.warnings, format);
        match std::mem::replace(&mut c.result, Err(Default::default())) {
            Err(diagnostics) => {
                diag::typst(&c.world, &diagnostics, format);
                errors += diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .count()
                    .max(1);
            }
            Ok(document) => {
                if c.doc == Doc::Slides {
                    problems += check_overflow(settings, c.doc, &document);
                }
                if errors == 0 && problems == 0 && failed.is_none() {
                    failed = each(c, document).err();
                }
            }
        }
    })
    .map_err(|stopped| match stopped {
        render::Stopped::Timeout(doc) => Failure::Timeout(format!(
            "compiling {} took longer than {} s (--timeout); does a template loop forever?",
            template(doc).display(),
            settings.args.timeout
        )),
        render::Stopped::Crashed(doc) => Failure::Other(anyhow::anyhow!(
            "the Typst compiler crashed on {} (a bug: please report it with the data and templates)",
            template(doc).display()
        )),
    })?;
    if errors > 0 {
        return Err(Failure::Template(format!(
            "the templates have {errors} error(s)"
        )));
    }
    if problems > 0 {
        return Err(Failure::Template(format!(
            "{problems} problem(s) found under --strict"
        )));
    }
    failed.map_or(Ok(()), Err)
}

/// Reports slides whose content ran over their page; returns how many count
/// as errors (under --strict).
fn check_overflow(settings: &Settings, doc: Doc, document: &PagedDocument) -> usize {
    let strict = settings.args.strict;
    let mut problems = 0;
    for page in render::overflowing_slides(document) {
        diag::note(
            severity(strict),
            &format!(
                "slide {page} of {} overflows its page",
                template(doc).display()
            ),
            &["shorten the text or let the template split it over more slides".to_string()],
            &template(doc).display().to_string(),
            settings.args.diagnostic_format,
        );
        problems += usize::from(strict);
    }
    problems
}

/// Characters of the data that no font can draw: warnings, or errors under
/// --strict and for PDF/A.
pub fn check_glyphs(
    settings: &Settings,
    dataset: &Dataset,
    files: &DataFiles,
    fonts: &Fonts,
) -> Result<(), Failure> {
    let missing = glyphs::missing(dataset, files, &settings.root, fonts);
    let strict = settings.args.strict || settings.archival;
    let severity = severity(strict);
    diag::data_problems(
        &settings.root,
        &missing,
        severity,
        settings.args.diagnostic_format,
    );
    if strict && !missing.is_empty() {
        return Err(Failure::Template(format!(
            "{} character(s) no font can draw",
            missing.len()
        )));
    }
    Ok(())
}

/// Warnings of brief's own checks become errors under --strict.
fn severity(strict: bool) -> Severity {
    if strict {
        Severity::Error
    } else {
        Severity::Warning
    }
}
