//! Terminal output, apart from the work: one-line status messages, problems
//! placed in data files, typst's diagnostics, and JSON lines for tools. The
//! three formats keep one shape whatever the problem: `human` shows the line
//! with the spot marked (a long line cropped around the spot), `short` is one
//! `file:line:col: severity: message` line, `json` one object per line with
//! stable English keys and the message in the user's language.

use std::io::{IsTerminal, Write};
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, termcolor};
use termcolor::{ColorChoice, StandardStream};
use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::syntax::Lines;
use typst_kit::diagnostics::{self as kit, DiagnosticWorld};

use crate::config::DiagnosticFormat;
use crate::data::{DataError, Sources};
use crate::tr;

fn stderr() -> StandardStream {
    let choice = if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    StandardStream::stderr(choice)
}

/// A one-line status message (`brief: wrote out/briefing.pdf`), on stderr so
/// that stdout stays clean for data.
pub fn status(message: &str) {
    let _ = writeln!(std::io::stderr(), "brief: {message}");
}

/// An error that ends the command, after the problems were printed.
pub fn fatal(message: &str) {
    let _ = writeln!(std::io::stderr(), "{}: {message}", tr!("word-error"));
}

fn severity_key(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn severity_word(severity: Severity) -> String {
    match severity {
        Severity::Error => tr!("word-error"),
        Severity::Warning => tr!("word-warning"),
    }
}

fn json_line(value: serde_json::Value) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{value}");
}

/// Prints problems placed in data files, as errors or as warnings; their
/// lines come from `sources`, the files as the loader read them.
pub fn data(errors: &[DataError], sources: &Sources, severity: Severity, format: DiagnosticFormat) {
    for e in errors {
        let field = e
            .path
            .as_ref()
            .map(|p| tr!("note-field", path = p.as_str()));
        let hint = e.hint.as_ref().map(|h| tr!("note-hint", hint = h.as_str()));
        match format {
            DiagnosticFormat::Json => json_line(serde_json::json!({
                "severity": severity_key(severity),
                "code": e.code,
                "file": e.file.display().to_string(),
                "line": e.line,
                "column": e.col,
                "path": e.path,
                "message": e.message,
                "hints": e.hint.iter().collect::<Vec<_>>(),
            })),
            DiagnosticFormat::Short => {
                let mut line = format!(
                    "{}: {}: {}",
                    e.location(),
                    severity_word(severity),
                    e.message
                );
                for note in field.iter().chain(&hint) {
                    line += &format!(" ({note})");
                }
                let _ = writeln!(std::io::stderr(), "{line}");
            }
            DiagnosticFormat::Human => {
                let mut diag = match severity {
                    Severity::Error => Diagnostic::error(),
                    Severity::Warning => Diagnostic::warning(),
                }
                .with_message(e.message.clone())
                .with_notes(field.into_iter().chain(hint).collect());
                let text = sources.by_path(&e.file).map(|f| f.text.text.as_str());
                let config = term::Config {
                    tab_width: 2,
                    ..Default::default()
                };
                let mut out = stderr();
                match (text, e.line, e.col) {
                    (Some(text), Some(line), Some(col)) => {
                        let file =
                            Excerpt::new(e.file.display().to_string(), text, line, col, e.point);
                        diag = diag.with_labels(vec![Label::primary((), file.label())]);
                        let _ = term::emit_to_write_style(&mut out, &config, &file, &diag);
                    }
                    _ => {
                        // No text to show: name the place in the message itself.
                        diag.message = format!("{}: {}", e.location(), e.message);
                        let file = Excerpt::empty();
                        let _ = term::emit_to_write_style(&mut out, &config, &file, &diag);
                    }
                }
            }
        }
    }
}

/// One line of a file, cropped around a column when it is long (most
/// paragraphs are), that reports the line's and column's true numbers.
struct Excerpt {
    name: String,
    text: String,
    line: usize,
    col: usize,
    /// Byte range of the marked token in `text`.
    spot: Range<usize>,
    /// Characters of the line cut off before `text` starts.
    skipped: usize,
}

impl Excerpt {
    const BEFORE: usize = 40;
    const AFTER: usize = 40;

    /// `point`: mark one character (or the placeholder that starts there),
    /// not the token.
    fn new(name: String, source: &str, line: usize, col: usize, point: bool) -> Self {
        let full = source
            .split('\n')
            .nth(line - 1)
            .unwrap_or("")
            .trim_end_matches('\r');
        let chars: Vec<char> = full.chars().collect();
        let at = (col - 1).min(chars.len());
        let start = at.saturating_sub(Self::BEFORE);
        let end = (at + Self::AFTER).min(chars.len());
        let mut text: String = chars[start..end].iter().collect();
        let mut offset = 0;
        if start > 0 {
            text.insert(0, '…');
            offset = '…'.len_utf8();
        }
        if end < chars.len() {
            text.push('…');
        }
        let spot_start = offset + chars[start..at].iter().map(|c| c.len_utf8()).sum::<usize>();
        let rest: String = chars[at..end].iter().collect();
        let len = rest
            .find(['\n', ':', ',', '，', '。', '}', ']'])
            .map(|i| i + if rest[i..].starts_with('}') { 1 } else { 0 })
            .unwrap_or(rest.len());
        let first = rest.chars().next();
        let len = if point && first != Some('{') {
            first.map_or(0, char::len_utf8)
        } else {
            rest[..len]
                .trim_end()
                .len()
                .max(first.map_or(0, char::len_utf8))
        };
        Excerpt {
            name,
            text,
            line,
            col,
            spot: spot_start..spot_start + len,
            skipped: start,
        }
    }

    fn empty() -> Self {
        Excerpt {
            name: String::new(),
            text: String::new(),
            line: 1,
            col: 1,
            spot: 0..0,
            skipped: 0,
        }
    }

    fn label(&self) -> Range<usize> {
        self.spot.clone()
    }
}

impl<'a> Files<'a> for Excerpt {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(&self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), _byte: usize) -> Result<usize, FilesError> {
        Ok(0)
    }

    fn line_number(&'a self, (): (), _line_index: usize) -> Result<usize, FilesError> {
        Ok(self.line)
    }

    fn column_number(
        &'a self,
        (): (),
        _line_index: usize,
        byte: usize,
    ) -> Result<usize, FilesError> {
        if byte == self.spot.start {
            return Ok(self.col);
        }
        let before = self.text.get(..byte).unwrap_or("");
        let ellipsis = usize::from(self.skipped > 0);
        Ok(self.skipped + before.chars().count() + 1 - ellipsis)
    }

    fn line_range(&'a self, (): (), _line_index: usize) -> Result<Range<usize>, FilesError> {
        Ok(0..self.text.len())
    }
}

/// Typst's hints name the typst CLI's options; brief's differ.
fn for_brief(diagnostics: &[SourceDiagnostic]) -> Vec<SourceDiagnostic> {
    diagnostics
        .iter()
        .cloned()
        .map(|mut d| {
            for hint in d.hints.make_mut() {
                if hint.v.contains("`--root`") {
                    hint.v = tr!("hint-project-root").into();
                }
            }
            d
        })
        .collect()
}

/// Prints typst's diagnostics for one document.
pub fn typst(
    world: &dyn DiagnosticWorld,
    diagnostics: &[SourceDiagnostic],
    format: DiagnosticFormat,
) {
    let adapted = for_brief(diagnostics);
    let diagnostics = &adapted[..];
    if format == DiagnosticFormat::Json {
        for d in diagnostics {
            let place = d.span.id().and_then(|id| {
                let range = world.range(d.span)?;
                let source = world.source(id).ok()?;
                let lines: &Lines<String> = source.lines();
                let (line, col) = lines.byte_to_line_column(range.start)?;
                Some((world.name(id), line + 1, col + 1))
            });
            json_line(serde_json::json!({
                "severity": severity_key(d.severity),
                "code": "template",
                "file": place.as_ref().map(|p| p.0.clone()),
                "line": place.as_ref().map(|p| p.1),
                "column": place.as_ref().map(|p| p.2),
                "message": d.message.as_str(),
                "hints": d.hints.iter().map(|h| h.v.as_str()).collect::<Vec<_>>(),
            }));
        }
        return;
    }
    let format = match format {
        DiagnosticFormat::Short => kit::DiagnosticFormat::Short,
        _ => kit::DiagnosticFormat::Human,
    };
    let _ = kit::emit(&mut stderr(), world, diagnostics, format);
}

/// A problem brief itself finds in a document or a file as a whole (an
/// overflowing slide, text over text): `file` names it.
pub fn note(
    severity: Severity,
    code: &str,
    file: &str,
    message: &str,
    hints: &[String],
    format: DiagnosticFormat,
) {
    match format {
        DiagnosticFormat::Json => json_line(serde_json::json!({
            "severity": severity_key(severity),
            "code": code,
            "file": file,
            "line": null,
            "column": null,
            "message": message,
            "hints": hints,
        })),
        DiagnosticFormat::Short => {
            let mut line = format!("{file}: {}: {message}", severity_word(severity));
            for h in hints {
                line += &format!(" ({})", tr!("note-hint", hint = h.as_str()));
            }
            let _ = writeln!(std::io::stderr(), "{line}");
        }
        DiagnosticFormat::Human => {
            let diag = match severity {
                Severity::Error => Diagnostic::error(),
                Severity::Warning => Diagnostic::warning(),
            }
            .with_message(format!("{file}: {message}"))
            .with_notes(
                hints
                    .iter()
                    .map(|h| tr!("note-hint", hint = h.as_str()))
                    .collect(),
            );
            let file = Excerpt::empty();
            let _ =
                term::emit_to_write_style(&mut stderr(), &term::Config::default(), &file, &diag);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_cropped_around_its_spot_with_true_numbers() {
        let line = format!("  - {}{{bad}}{}", "字".repeat(300), "尾".repeat(300));
        let source = format!("a: 1\n{line}\n");
        let col = 5 + 300;
        let e = Excerpt::new("f.yaml".into(), &source, 2, col, true);
        assert!(e.text.starts_with('…') && e.text.ends_with('…'));
        assert!(e.text.chars().count() < 90);
        assert_eq!(&e.text[e.spot.clone()], "{bad}");
        assert_eq!(e.column_number((), 0, e.spot.start).unwrap(), col);
        assert_eq!(e.line_number((), 0).unwrap(), 2);
    }
}
