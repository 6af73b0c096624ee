//! The checks of the laid-out documents and the fonts, and the verdict:
//! template errors, pages (overflow, overlap, empty boxes), every figure
//! shown, characters no font has, faces that broke; each printed where the
//! user fixes it, and counted against `--strict` and `--draft`.

use std::collections::BTreeMap;

use typst::diag::Severity;

use super::Document;
use crate::config::{Config, Doc};
use crate::data::{DataError, Project};
use crate::error::Failure;
use crate::fonts::Fonts;
use crate::render::compile::Compiled;
use crate::render::{glyphs, marks, pages};
use crate::world::BriefWorld;
use crate::{term, tr};

/// What the checks of the documents found so far.
#[derive(Default)]
pub(super) struct Checks {
    /// Template errors.
    pub(super) errors: usize,
    /// brief's own checks that count as errors (under --strict).
    strict: usize,
    /// Figures a document does not show.
    unshown: Vec<DataError>,
    /// Characters drawn as empty boxes: (page, character, face).
    notdef: Vec<(usize, char, String)>,
}

impl Checks {
    /// Nothing that stops the export (a draft shows what it cannot place yet).
    pub(super) fn clean(&self, draft: bool) -> bool {
        self.errors == 0 && self.strict == 0 && (draft || self.unshown.is_empty())
    }

    pub(super) fn severity(strict: bool) -> Severity {
        if strict {
            Severity::Error
        } else {
            Severity::Warning
        }
    }

    /// Prints a compiled document's diagnostics and checks its pages;
    /// returns it when it compiled.
    pub(super) fn check(
        &mut self,
        config: &Config,
        project: &Project,
        mut c: Compiled,
        worlds: &mut Vec<(Doc, BriefWorld)>,
    ) -> Option<Document> {
        let format = config.diagnostics;
        // A face of the theme that no folder has is said once, by brief's own
        // check (with the file and key that name it), not at every use.
        c.warnings.retain(|w| {
            !project.faces.iter().any(|f| {
                w.message.as_str() == format!("unknown font family: {}", f.family.to_lowercase())
            })
        });
        // A template's warning (a deprecated name, a file it cannot use) is
        // what `--strict` is for: it counts, and is said as an error.
        if config.strict {
            for w in c.warnings.make_mut() {
                w.severity = Severity::Error;
            }
            self.strict += c.warnings.len();
        }
        term::typst(&c.world, &c.warnings, format);
        let result = std::mem::replace(&mut c.result, Err(Default::default()));
        let document = match result {
            Err(diagnostics) => {
                term::typst(&c.world, &diagnostics, format);
                self.errors += diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .count()
                    .max(1);
                return None;
            }
            Ok(document) => document,
        };
        let file = c.doc.template().display().to_string();
        let severity = Self::severity(config.strict);
        if c.doc == Doc::Slides {
            for page in marks::overflowing_slides(&document) {
                term::note(
                    severity,
                    "slide-overflow",
                    &file,
                    &tr!("check-slide-overflow", page = page),
                    &[tr!("check-slide-overflow-hint")],
                    format,
                );
                self.strict += usize::from(config.strict);
            }
        }
        let shown = marks::shown(&document);
        for problem in pages::check(&document) {
            let (message, text) = match problem {
                pages::PageProblem::Outside { page, text } => {
                    (tr!("check-outside", page = page, text = text.clone()), text)
                }
                pages::PageProblem::Overlap {
                    page,
                    first,
                    second,
                } => (
                    tr!(
                        "check-overlap",
                        page = page,
                        first = first.clone(),
                        second = second
                    ),
                    first,
                ),
                pages::PageProblem::Notdef { page, ch, family } => {
                    // A character no font has is the glyph check's warning;
                    // one a font has, drawn empty, is a broken face.
                    self.notdef.push((page, ch, family));
                    continue;
                }
            };
            // Said at the data's line that holds the text, when it is the
            // data's: that is what the user shortens.
            match project.place_of_text(&text, &shown) {
                Some((role, path, value, at)) => {
                    let doc = crate::outputs::changes::doc_word(c.doc.name());
                    let message = format!("{doc}: {message}");
                    let e = project
                        .sources
                        .error(role, &path, Some((&value, at)), "page-layout", message)
                        .hint(tr!("check-layout-hint"));
                    term::data(&[e], &project.sources, severity, format);
                }
                None => term::note(
                    severity,
                    "page-layout",
                    &file,
                    &message,
                    &[tr!("check-layout-hint")],
                    format,
                ),
            }
            self.strict += usize::from(config.strict);
        }
        if c.doc != Doc::Handout {
            // Every figure appears in every document: nothing is dropped in silence.
            for (id, label) in project.figure_ids() {
                let prefix = format!("{id}.");
                if !shown.keys().any(|k| k == id || k.starts_with(&prefix))
                    && let Some((role, path)) = project.place_of(id)
                {
                    let e = project
                        .sources
                        .error(
                            role,
                            &path,
                            None,
                            "figure-unshown",
                            tr!(
                                "figure-unshown",
                                id = id,
                                label = label,
                                doc = crate::outputs::changes::doc_word(c.doc.name())
                            ),
                        )
                        .hint(tr!("figure-unshown-hint"));
                    if !self.unshown.iter().any(|u| u.path == e.path) {
                        self.unshown.push(e);
                    }
                }
            }
        }
        let deps = c.world.dependencies();
        worlds.push((c.doc, c.world));
        Some(Document {
            doc: c.doc,
            pages: document,
            shown,
            deps,
        })
    }

    /// The checks that need every document, or the fonts; the verdict.
    pub(super) fn finish(
        &mut self,
        config: &Config,
        project: &Project,
        fonts: &Fonts,
    ) -> Result<(), Failure> {
        let format = config.diagnostics;
        if !self.unshown.is_empty() {
            let severity = if config.draft {
                Severity::Warning
            } else {
                Severity::Error
            };
            term::data(&self.unshown, &project.sources, severity, format);
        }
        let font_errors = font_problems(config, fonts, &self.notdef);
        // A face file that broke says it all: each character it left without
        // a glyph (a thousand) would only bury that one line.
        let (missing, faces, stand_ins) = if font_errors > 0 {
            Default::default()
        } else {
            let (faces, stand_ins) = glyphs::missing_faces(project, fonts);
            (glyphs::missing(project, fonts), faces, stand_ins)
        };
        let strict = config.strict_glyphs();
        term::data(&missing, &project.sources, Self::severity(strict), format);
        term::data(
            &faces,
            &project.sources,
            Self::severity(config.strict),
            format,
        );
        term::data(&stand_ins, &project.sources, Severity::Warning, format);
        if self.errors > 0 {
            return Err(Failure::Template(tr!(
                "fail-templates",
                count = self.errors
            )));
        }
        if font_errors > 0 {
            return Err(Failure::Template(tr!("fail-fonts", count = font_errors)));
        }
        if !self.unshown.is_empty() && !config.draft {
            return Err(Failure::Data(self.unshown.len()));
        }
        let strict_count = self.strict
            + if strict { missing.len() } else { 0 }
            + if config.strict { faces.len() } else { 0 };
        if strict_count > 0 {
            return Err(Failure::Template(tr!("fail-strict", count = strict_count)));
        }
        Ok(())
    }
}

/// The font files' problems, and faces that drew a character they have as
/// an empty box; returns how many are errors (a search cut short is a
/// warning, an error under --strict).
fn font_problems(config: &Config, fonts: &Fonts, notdef: &[(usize, char, String)]) -> usize {
    let found = fonts.get();
    let mut errors = 0;
    let problems = found.problems();
    for problem in &problems {
        let (code, message, hint, error) = problem.describe();
        let error = error || config.strict;
        let severity = if error {
            Severity::Error
        } else {
            Severity::Warning
        };
        // (The file at fault, for tools reading the JSON line: round 25
        // found "fonts" there.)
        term::note(
            severity,
            code,
            &config.show(problem.path()),
            &message,
            &[hint],
            config.diagnostics,
        );
        errors += usize::from(error);
    }
    if errors > 0 {
        // The empty boxes are that file's doing.
        return errors;
    }
    // One error a face: a face cut short during the build leaves a thousand
    // characters bare, and one line says what to do about all of them.
    let mut by_face: BTreeMap<&str, Vec<(usize, char)>> = BTreeMap::new();
    for (page, ch, family) in notdef {
        if glyphs::covered(found, *ch) {
            by_face.entry(family).or_default().push((*page, *ch));
        }
    }
    for (family, bare) in by_face {
        let (page, ch) = bare[0];
        let mut message = tr!(
            "check-notdef",
            page = page,
            ch = ch.to_string(),
            family = family
        );
        if bare.len() > 1 {
            message += &tr!("check-notdef-more", count = bare.len() - 1);
        }
        term::note(
            Severity::Error,
            "glyph-notdef",
            "fonts",
            &message,
            &[tr!("font-file-hint")],
            config.diagnostics,
        );
        errors += 1;
    }
    errors
}
