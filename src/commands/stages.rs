//! The stages of a build, each with a typed result: the data ([`load`]),
//! the documents, checked ([`compile`]; each is exported as soon as it is
//! laid out, while the other still compiles), the record of what was made
//! ([`record`]), and the outputs as one set (`Staging::commit`). `build`
//! runs them once, `watch` again on every change with a lasting
//! [`Session`], `check` the first two without writing.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use typst::diag::Severity;
use typst::foundations::{Bytes, Dict, IntoValue};
use typst_layout::PagedDocument;

use crate::config::{Config, Doc, Format, OutputConfig};
use crate::data::{self, Project};
use crate::error::Failure;
use crate::fonts::Fonts;
use crate::outputs::changes::{self, Change};
use crate::outputs::commit::{Kept, Staging};
use crate::outputs::state::State;
use crate::render::compile::{self, Stopped};
use crate::render::export;
use crate::render::marks::Shown;
use crate::world::BriefWorld;

use crate::{term, timing, tr};
use checks::Checks;

/// Files by name, with their bytes.
type Files = Vec<(String, Vec<u8>)>;
/// A document's exported files, by a hash of its pages and the options.
type Export = (u128, Files);

/// What one build leaves for the next (watch keeps it; build and check
/// start afresh).
pub struct Session {
    pub fonts: Arc<Fonts>,
    /// The worlds of the last build: unchanged templates are not parsed again.
    worlds: Vec<(Doc, BriefWorld)>,
    /// Each document's last PDF export, by a hash of its pages and the
    /// options: a document that came out the same is not exported again.
    exports: HashMap<Doc, Export>,
    lasting: bool,
}

impl Session {
    pub fn new(config: &Config) -> Self {
        Session::with(config, false)
    }

    /// A session whose builds follow each other (watch).
    pub fn lasting(config: &Config) -> Self {
        Session::with(config, true)
    }

    fn with(config: &Config, lasting: bool) -> Self {
        Session {
            fonts: Arc::new(Fonts::spawn(&config.root, &config.fonts, lasting)),
            worlds: Vec::new(),
            exports: HashMap::new(),
            lasting,
        }
    }

    /// Fonts were added, replaced or removed: discover them again.
    pub fn renew_fonts(&mut self, config: &Config) {
        *self = Session::with(config, self.lasting);
    }
}

/// Stage 1: the data, checked. Its problems are printed here.
pub fn load(config: &Config) -> Result<Project, Failure> {
    crate::timing::doing(crate::timing::Doing::Data);
    let project = data::load(&config.root, config.draft).map_err(|failed| {
        term::data(
            &failed.errors,
            &failed.sources,
            Severity::Error,
            config.diagnostics,
        );
        Failure::Data(failed.errors.len())
    })?;
    if config.archival() && config.timestamp.is_none() && project.dataset.meta.date.is_none() {
        return Err(Failure::Usage(tr!("usage-archival-date")));
    }
    if let Some(t) = config.timestamp
        && project.shown_date(Some(t)).is_none()
        && project.dataset.meta.date.is_none()
    {
        term::warning(&tr!(
            "warn-timestamp-not-shown",
            date = t.format("%Y-%m-%d").to_string(),
            year = project.dataset.achievements.year
        ));
    }
    if let Some(out) = &config.output {
        unused_faces(&project, out)?;
    }
    // What the data holds that prints but is probably wrong: warnings, and
    // errors under --strict.
    if !project.warnings.is_empty() {
        let severity = if config.strict {
            Severity::Error
        } else {
            Severity::Warning
        };
        term::data(
            &project.warnings,
            &project.sources,
            severity,
            config.diagnostics,
        );
        if config.strict {
            return Err(Failure::Data(project.warnings.len()));
        }
    }
    if project.todo > 0 {
        term::status(&tr!(
            "status-draft",
            count = project.todo,
            mark = project.look.raw_word("todo")
        ));
    }
    Ok(project)
}

/// A family of `--pptx-font` or `--docx-font` that no document sets (a
/// typo: `Noto Sans=微软雅黑`) would change nothing, silently: a usage error
/// naming the families there are.
fn unused_faces(project: &Project, out: &OutputConfig) -> Result<(), Failure> {
    let mut known: Vec<&str> = project.faces.iter().map(|f| f.family.as_str()).collect();
    known.extend([crate::fonts::BUNDLED_SANS, crate::fonts::BUNDLED_SERIF]);
    known.sort_unstable();
    known.dedup();
    let given = out
        .faces
        .pairs
        .iter()
        .map(|p| ("--pptx-font", p))
        .chain(out.docx_faces.pairs.iter().map(|p| ("--docx-font", p)));
    for (option, (from, _)) in given {
        if from.is_empty() || known.contains(&from.as_str()) {
            continue;
        }
        let mut message = tr!(
            "usage-face-unused",
            option = option,
            family = from.as_str(),
            known = known.join(&tr!("list-separator"))
        );
        if let Some(n) = crate::data::nearest(from, known.iter().copied()) {
            message = format!("{message} ({})", tr!("hint-did-you-mean", word = n));
        }
        return Err(Failure::Usage(message));
    }
    Ok(())
}

/// Where the validated data and theme reach the templates: JSON files
/// served from memory. Files rather than `sys.inputs` itself, because
/// typst's caches key on the inputs as a whole: with the data there, one
/// changed figure would throw away every cached result instead of only those
/// that read the figure.
const DATA_FILE: &str = ".brief/data.json";
const THEME_FILE: &str = ".brief/theme.json";

/// The keys of `sys.inputs` the templates read (lib.typ), each named once
/// here; `contract` checks the templates read exactly these.
const INPUT_DATA: &str = "data-file";
const INPUT_THEME: &str = "theme-file";
const INPUT_DATE: &str = "date";
const INPUT_DRAFT: &str = "draft";

/// What a template sees besides the project's files.
struct Inputs {
    dict: Dict,
    files: HashMap<String, Bytes>,
}

fn inputs(project: &Project, config: &Config) -> Inputs {
    template_inputs(project, &config.root, config.timestamp, config.draft)
}

/// The inputs of a build of `project` at `root`: also what the contract
/// test of the wording rules compiles with.
fn template_inputs(
    project: &Project,
    root: &std::path::Path,
    timestamp: Option<chrono::DateTime<chrono::Utc>>,
    draft: bool,
) -> Inputs {
    let mut dict = Dict::new();
    dict.insert(INPUT_DATA.into(), format!("/{DATA_FILE}").into_value());
    dict.insert(INPUT_THEME.into(), format!("/{THEME_FILE}").into_value());
    if project.dataset.meta.date.is_none()
        && let Some(day) = project.shown_date(timestamp)
    {
        dict.insert(
            INPUT_DATE.into(),
            day.format("%Y-%m-%d").to_string().into_value(),
        );
    }
    if draft {
        dict.insert(INPUT_DRAFT.into(), true.into_value());
    }
    let data = serde_json::to_vec(&project.dataset).expect("the data set serialises");
    let theme = serde_json::to_vec(&project.theme).expect("the theme serialises");
    let mut files = HashMap::from([
        (DATA_FILE.to_string(), Bytes::new(data)),
        (THEME_FILE.to_string(), Bytes::new(theme)),
    ]);
    // A project without templates of its own is built with brief's, on
    // every build: a renewed world (watch) gets them again too.
    if !crate::config::own_templates(root) {
        for (name, text) in crate::config::TEMPLATES {
            files.insert(
                format!("templates/{name}"),
                Bytes::new(text.as_bytes().to_vec()),
            );
        }
    }
    Inputs { dict, files }
}

fn world(
    config: &Config,
    doc: Doc,
    inputs: &Inputs,
    fonts: &Arc<Fonts>,
    extra: HashMap<String, Bytes>,
) -> Result<BriefWorld, Failure> {
    let main = doc.template();
    let mut files = inputs.files.clone();
    if crate::config::own_templates(&config.root) && !config.root.join(&main).is_file() {
        return Err(Failure::Template(tr!(
            "template-missing",
            path = main.display().to_string()
        )));
    }
    files.extend(extra);
    let world = BriefWorld::new(
        &config.root,
        &main,
        inputs.dict.clone(),
        fonts.clone(),
        config.timestamp.map(|t| t.timestamp()),
    )
    .map_err(Failure::Template)?;
    Ok(world.with_overlay(files))
}

/// A project's own templates copied from an older brief (their stamp says
/// which): said once, with the command that shows what changed since.
fn older_templates(config: &Config) {
    let lib = config.root.join("templates/lib.typ");
    let Ok(text) = crate::digest::read(
        &lib,
        crate::data::MAX_FILE_BYTES,
        crate::digest::Follow::Yes,
    ) else {
        return;
    };
    let revision = crate::config::template_revision(&String::from_utf8_lossy(&text));
    if revision > 0 && revision < crate::config::TEMPLATES_REVISION {
        term::note(
            Severity::Warning,
            "templates-older",
            "templates/lib.typ",
            &tr!(
                "templates-older",
                theirs = revision,
                ours = crate::config::TEMPLATES_REVISION
            ),
            &[tr!("templates-older-hint")],
            config.diagnostics,
        );
    }
}

/// A document laid out and checked.
pub struct Document {
    pub doc: Doc,
    pub pages: PagedDocument,
    /// What it shows of each figure.
    pub shown: Shown,
    /// The project files it read, with digests.
    pub deps: Vec<(PathBuf, String)>,
}

/// The documents of a build and, when exporting, what was exported.
pub struct Documents {
    pub documents: Vec<Document>,
    /// The slides' PDF and notes, for the handout.
    slides: Vec<(String, Vec<u8>)>,
}

/// Stage 2: compiles the documents, checks them, and (with `staging`)
/// exports each into it as soon as it is laid out.
pub fn compile(
    config: &Config,
    project: &Project,
    session: &mut Session,
    staging: Option<&Mutex<Staging>>,
) -> Result<Documents, Failure> {
    crate::timing::doing(crate::timing::Doing::Compile);
    if session.worlds.is_empty() {
        older_templates(config);
    }
    let inputs = inputs(project, config);
    let mut previous = std::mem::take(&mut session.worlds);
    let worlds = config
        .docs
        .iter()
        .map(|&doc| match previous.iter().position(|(d, _)| *d == doc) {
            Some(i) => {
                let (_, w) = previous.swap_remove(i);
                Ok((doc, w.renew(inputs.dict.clone(), inputs.files.clone())))
            }
            None => Ok((
                doc,
                world(config, doc, &inputs, &session.fonts, HashMap::new())?,
            )),
        })
        .collect::<Result<Vec<_>, Failure>>()?;
    let fonts = session.fonts.clone();
    let trace_world = || world(config, Doc::Slides, &inputs, &fonts, HashMap::new()).ok();
    let cache = std::mem::take(&mut session.exports);
    let lasting = session.lasting;
    let mut kept = HashMap::new();
    let mut problems = Checks::default();
    let mut documents = Vec::new();
    let mut slides = Vec::new();
    let mut worlds_kept = Vec::new();
    let compiled = compile::traced(trace_world, || {
        std::thread::scope(|scope| {
            let mut jobs = Vec::new();
            let deadline = compile::deadline(config.timeout);
            let stopped = compile::compile_all(worlds, deadline, |c| {
                if let Some(document) = problems.check(config, project, c, &mut worlds_kept) {
                    if let (Some(staging), Some(out)) = (staging, config.output.as_ref())
                        && problems.clean(config.draft)
                    {
                        let cached = cache.get(&document.doc).cloned();
                        let pages = document.pages.clone();
                        let doc = document.doc;
                        jobs.push(scope.spawn(move || {
                            let hash =
                                lasting.then(|| typst::utils::hash128(&(&pages, config.key())));
                            // The same pages and options as the last export: its files again.
                            let reuse = cached
                                .filter(|(h, _)| Some(*h) == hash)
                                .map(|(_, files)| files);
                            let result =
                                export_document(config, out, project, doc, &pages, staging, reuse);
                            timing::event(&format!("{} exported", doc.name()));
                            (doc, hash, result)
                        }));
                    }
                    documents.push(document);
                }
            });
            // Every document is laid out; what is left is their export.
            if !jobs.is_empty() {
                crate::timing::doing(crate::timing::Doing::Export);
            }
            let mut exported = Vec::new();
            for job in jobs {
                exported.push(
                    job.join()
                        .map_err(|_| Failure::Other(anyhow::anyhow!(tr!("fail-export-crash"))))?,
                );
            }
            stopped.map_err(|s| stopped_failure(config, s))?;
            Ok::<_, Failure>(exported)
        })
    });
    let exported = match compiled {
        Ok(result) => result?,
        Err((path, e)) => {
            return Err(Failure::Other(anyhow::anyhow!(tr!(
                "io-trace",
                path = path,
                error = e
            ))));
        }
    };
    problems.finish(config, project, &session.fonts)?;
    for (doc, hash, result) in exported {
        let files = result?;
        if doc == Doc::Slides {
            slides = files.clone();
        }
        if let Some(hash) = hash {
            kept.insert(doc, (hash, files));
        }
    }
    session.exports = kept;
    session.worlds = worlds_kept;
    documents.sort_by_key(|d| d.doc);
    Ok(Documents { documents, slides })
}

fn stopped_failure(config: &Config, stopped: Stopped) -> Failure {
    match stopped {
        Stopped::Timeout(doc) => Failure::Timeout(tr!(
            "fail-timeout",
            path = doc.template().display().to_string(),
            seconds = config.timeout.as_secs()
        )),
        Stopped::Crashed(doc) => Failure::Other(anyhow::anyhow!(tr!(
            "fail-crash",
            path = doc.template().display().to_string()
        ))),
    }
}

/// One document's files, staged: its PDF (with the deck's notes and, when
/// asked, its .pptx), or its page images. `reuse`: the PDF files of the last
/// export, when its pages and options were these. Returns the PDF outputs
/// (kept for the handout and for reuse in watch).
fn export_document(
    config: &Config,
    out: &OutputConfig,
    project: &Project,
    doc: Doc,
    document: &PagedDocument,
    staging: &Mutex<Staging>,
    reuse: Option<Files>,
) -> Result<Vec<(String, Vec<u8>)>, Failure> {
    let stage = |name: String, bytes: Vec<u8>| -> Result<(), Failure> {
        staging
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .stage(&name, &bytes)
            .map_err(Failure::Other)
    };
    let files = match out.format {
        Format::Pdf => {
            if let Some(files) = reuse {
                files
            } else {
                let mut files = Vec::new();
                let stem = doc.name();
                let bytes = export::pdf(doc, document, &out.standards, config.timestamp).map_err(
                    |diags| {
                        for d in &diags {
                            term::note(
                                Severity::Error,
                                "export",
                                &format!("{stem}.pdf"),
                                &d.message,
                                &[],
                                config.diagnostics,
                            );
                        }
                        Failure::Template(tr!("fail-export", name = format!("{stem}.pdf")))
                    },
                )?;
                files.push((format!("{stem}.pdf"), bytes));
                if doc == Doc::Slides {
                    files.push(("slides.pdfpc".into(), export::pdfpc(document, "slides.pdf")));
                }
                files
            }
        }
        format => {
            export::images(doc, document, format, out.ppi, |name, bytes| {
                stage(name, bytes)
            })?;
            Vec::new()
        }
    };
    // The .pptx, whatever the format of the pages.
    let mut files = files;
    if doc == Doc::Slides && out.pptx && !files.iter().any(|(n, _)| n == "slides.pptx") {
        let pptx =
            crate::pptx::write(document, project, &out.faces, config.timestamp).map_err(|e| {
                Failure::Other(anyhow::anyhow!(tr!("fail-pptx", error = e.to_string())))
            })?;
        files.push(("slides.pptx".into(), pptx));
    }
    // The .docx, whatever the format of the pages.
    if doc == Doc::Briefing && out.docx && !files.iter().any(|(n, _)| n == "briefing.docx") {
        let docx = crate::docx::write(
            document,
            project,
            &out.docx_faces,
            config.timestamp,
            config.draft,
        )
        .map_err(|e| Failure::Other(anyhow::anyhow!(tr!("fail-docx", error = e.to_string()))))?;
        files.push(("briefing.docx".into(), docx));
    }
    for (name, bytes) in &files {
        stage(name.clone(), bytes.clone())?;
    }
    Ok(files)
}

/// The handout: the deck just made, on A4 beside its notes.
pub fn handout(
    config: &Config,
    project: &Project,
    session: &Session,
    made: &Documents,
    staging: &Mutex<Staging>,
) -> Result<Document, Failure> {
    let out = config.output.as_ref().expect("a build");
    let inputs = inputs(project, config);
    let overlay = made
        .slides
        .iter()
        .filter(|(n, _)| n == "slides.pdf" || n == "slides.pdfpc")
        .map(|(n, b)| (format!("out/{n}"), Bytes::new(b.clone())))
        .collect();
    let world = world(config, Doc::Handout, &inputs, &session.fonts, overlay)?;
    let mut checks = Checks::default();
    let mut result = None;
    let mut worlds = Vec::new();
    compile::compile_all(
        vec![(Doc::Handout, world)],
        compile::deadline(config.timeout),
        |c| {
            result = checks.check(config, project, c, &mut worlds);
        },
    )
    .map_err(|s| stopped_failure(config, s))?;
    if checks.errors > 0 {
        return Err(Failure::Template(tr!(
            "fail-templates",
            count = checks.errors
        )));
    }
    let document = result.ok_or_else(|| Failure::Template(tr!("fail-templates", count = 1)))?;
    export_document(
        config,
        out,
        project,
        Doc::Handout,
        &document.pages,
        staging,
        None,
    )?;
    Ok(document)
}

/// Stage 3: what the build made, as the state records it, and the changes
/// of the figures since the last build.
pub struct Record {
    pub state: State,
    pub changes: Vec<Change>,
    /// Files of the last build this one replaces with nothing.
    pub remove: Vec<String>,
}

pub fn record(
    config: &Config,
    project: &Project,
    documents: &[Document],
    previous: Option<&State>,
    staged: &[(String, String)],
    fonts: &Fonts,
) -> Record {
    let out = config.output.as_ref().expect("a build");
    let now: BTreeMap<String, Shown> = documents
        .iter()
        .filter(|d| d.doc != Doc::Handout)
        .map(|d| (d.doc.name().to_string(), d.shown.clone()))
        .collect();
    let changes = previous.map_or_else(Vec::new, |p| changes::changes(&p.shown, &now));
    // What documents not built now showed, and their files, stay recorded.
    let mut shown = previous.map(|p| p.shown.clone()).unwrap_or_default();
    shown.extend(now);
    let stems: Vec<&str> = documents
        .iter()
        .map(|d| d.doc.name())
        .chain(config.docs.contains(&Doc::Slides).then_some("handout"))
        .collect();
    let owned = |name: &str| stems.iter().any(|s| crate::outputs::belongs_to(name, s));
    let written: Vec<String> = staged.iter().map(|(n, _)| n.clone()).collect();
    let remove = previous.map_or_else(Vec::new, |p| p.superseded(&out.dir, &written, owned));
    let mut outputs: BTreeMap<String, String> = previous
        .map(|p| p.outputs.clone())
        .unwrap_or_default()
        .into_iter()
        .filter(|(n, _)| !owned(n) && !remove.contains(n))
        // An output the user deleted or edited since (an old changes.md) is
        // no longer brief's: forgotten, not rebuilt on every run.
        .filter(|(n, h)| crate::digest::file(&out.dir.join(n)).as_ref() == Some(h))
        .collect();
    outputs.extend(staged.iter().cloned());
    let mut deps: Vec<(PathBuf, String)> = documents.iter().flat_map(|d| d.deps.clone()).collect();
    deps.extend(project.sources.digests());
    let state = State::new(&config.key(), deps, fonts.stamps.clone(), outputs, shown);
    Record {
        state,
        changes,
        remove,
    }
}

/// "briefing (12 pages), slides (15 pages)", in the user's words.
pub fn summary(documents: &[Document]) -> String {
    documents
        .iter()
        .map(|d| {
            tr!(
                "summary-doc",
                doc = crate::outputs::changes::doc_word(d.doc.name()),
                pages = d.pages.pages().len()
            )
        })
        .collect::<Vec<_>>()
        .join(&tr!("list-separator"))
}

/// The change report as a file, when figures changed or the user's files
/// were kept: the figures that changed, then the files kept. A build that
/// kept files but changed no figure adds its section to the last report
/// (`last`, when it is still as brief wrote it), which stays what changed
/// last. `when`: the date and time the files were kept.
pub fn report(
    changes: &[Change],
    kept: &[Kept],
    when: &str,
    last: Option<String>,
    project: &Project,
) -> Option<Vec<u8>> {
    if changes.is_empty() && kept.is_empty() {
        return None;
    }
    let mut md = if !changes.is_empty() {
        changes::markdown(changes, project)
    } else {
        match last {
            Some(last) => format!("{}\n", last.trim_end()),
            None => format!(
                "# {}\n\n{}\n",
                tr!("changes-title"),
                tr!("changes-no-figure")
            ),
        }
    };
    if !kept.is_empty() {
        md += &changes::kept_section(kept, when);
    }
    Some(md.into_bytes())
}

mod checks;
#[cfg(test)]
mod contract;
