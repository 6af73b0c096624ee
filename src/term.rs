//! Terminal output, apart from the work: one-line status messages, problems
//! placed in data files, typst's diagnostics, and JSON lines for tools. The
//! three formats keep one shape whatever the problem: `human` shows the line
//! with the spot marked (a long line cropped around the spot), `short` is one
//! `file:line:col: severity: message` line, `json` one object per line with
//! stable English keys and the message in the user's language.

use std::io::{IsTerminal, Write};
use std::ops::Range;

use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::syntax::Lines;
use typst_kit::diagnostics::DiagnosticWorld;

use crate::config::DiagnosticFormat;
use crate::data::{DataError, Sources};
use crate::tr;

/// Writes data to stdout: `Ok(false)` when the reader went away (`brief
/// schema | head -1`, a quiet end), an error when the output cannot take it
/// (a full disk, `> /dev/full`), which must not pass as done.
pub fn out(text: &str) -> Result<bool, crate::error::Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(crate::error::Failure::Other(
            anyhow::Error::new(e).context(tr!("io-stdout")),
        )),
    }
}

/// A line for a person on stderr, in the terminal's encoding.
pub fn say(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err
        .write_all(&crate::i18n::for_terminal(text))
        .and_then(|()| err.write_all(b"\n"));
}

/// A one-line status message (`brief: wrote out/briefing.pdf`), on stderr so
/// that stdout stays clean for data.
pub fn status(message: &str) {
    say(&format!("brief: {}", crate::data::escaped(message)));
}

/// A warning that is not about a file's content (`warning: …`).
pub fn warning(message: &str) {
    say(&format!(
        "{}: {}",
        tr!("word-warning"),
        crate::data::escaped(message)
    ));
}

/// An error that ends the command, after the problems were printed.
pub fn fatal(message: &str) {
    say(&format!(
        "{}: {}",
        tr!("word-error"),
        crate::data::escaped(message)
    ));
}

/// The failure that ends a run, as a JSON line when tools read them; the
/// data and template problems behind the other failures were printed as
/// diagnostics already.
pub fn failure(failure: &crate::error::Failure, format: DiagnosticFormat) {
    if format != DiagnosticFormat::Json {
        return;
    }
    if let Some(code) = failure.code() {
        failure_line(code, &failure.to_string());
    }
}

fn severity_key<S: serde::Serializer>(severity: &Severity, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    })
}

fn severity_word(severity: Severity) -> String {
    match severity {
        Severity::Error => tr!("word-error"),
        Severity::Warning => tr!("word-warning"),
    }
}

/// One diagnostic of `--diagnostic-format json`: every line has these
/// keys, null where they do not apply.
#[derive(serde::Serialize)]
struct JsonLine<'a> {
    #[serde(serialize_with = "severity_key")]
    severity: Severity,
    code: &'a str,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    path: Option<&'a str>,
    message: &'a str,
    hints: Vec<&'a str>,
}

/// A failure no diagnostic describes as the JSON line tools read (`code`:
/// `fail-timeout`, `fail-memory` …), for the paths that end the process
/// themselves (the watchdog, the memory ceiling).
pub fn failure_json(code: &'static str, message: &str) -> String {
    serde_json::to_string(&JsonLine {
        severity: Severity::Error,
        code,
        file: None,
        line: None,
        column: None,
        path: None,
        message,
        hints: Vec::new(),
    })
    .expect("a diagnostic serialises")
}

/// Writes [`failure_json`]'s line to standard output; a full or closed
/// output is no reason to end otherwise than the failure says.
pub fn failure_line(code: &'static str, message: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", failure_json(code, message));
}

fn json_line(line: &JsonLine) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "{}",
        serde_json::to_string(line).expect("a diagnostic serialises")
    );
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
        // A cell's line break quoted in a message (计量⏎单位, typed with
        // Alt+Enter) is shown as the mark, the message one line.
        let message = e.message.replace("\r\n", "⏎").replace('\n', "⏎");
        match format {
            DiagnosticFormat::Json => json_line(&JsonLine {
                severity,
                code: e.code,
                file: Some(e.file.display().to_string()),
                line: e.line,
                column: e.col.filter(|_| !e.cell),
                path: e.path.as_deref(),
                message: &message,
                hints: e.hint.iter().map(String::as_str).collect(),
            }),
            DiagnosticFormat::Short => {
                let mut line =
                    format!("{}: {}: {}", e.location(), severity_word(severity), message);
                // One line a problem: a hint of several lines is joined.
                for note in field.iter().chain(&hint) {
                    let note = note.split_whitespace().collect::<Vec<_>>().join(" ");
                    line += &format!(" ({note})");
                }
                say(&line);
            }
            DiagnosticFormat::Human => {
                let text = sources.by_path(&e.file).map(|f| &f.text);
                let excerpt = match (text, e.line, e.col) {
                    (Some(text), Some(line), Some(col)) => {
                        Some(Excerpt::new(text.line(line), line, col, e.point))
                    }
                    _ => None,
                };
                let notes: Vec<String> = field.into_iter().chain(hint).collect();
                human(severity, &message, &e.location(), excerpt.as_ref(), &notes);
            }
        }
    }
}

/// A problem as people read it, in the style of typst's own diagnostics but
/// in the user's language: the severity and message, the place, the line
/// with the spot marked, then the field and the hint.
fn human(
    severity: Severity,
    message: &str,
    place: &str,
    excerpt: Option<&Excerpt>,
    notes: &[String],
) {
    // A file's or folder's name as the user made it, shown, not obeyed.
    let (message, place) = (
        &*crate::data::escaped(message),
        &*crate::data::escaped(place),
    );
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let paint = |code: &str, text: &str| {
        if color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    };
    let word = match severity {
        Severity::Error => paint("1;31", &severity_word(severity)),
        Severity::Warning => paint("1;33", &severity_word(severity)),
    };
    let mut out = String::new();
    match excerpt {
        Some(x) => {
            out += &format!("{word}: {}\n", paint("1", message));
            let number = x.line.to_string();
            let pad = " ".repeat(number.len());
            let before = x.text.get(..x.spot.start).unwrap_or("");
            let marked = x.text.get(x.spot.clone()).unwrap_or("");
            let width = |s: &str| {
                s.chars()
                    .map(|c| if is_wide(c) { 2 } else { 1 })
                    .sum::<usize>()
            };
            out += &format!(
                "{pad} ┌─ {place}\n{pad} │\n{number} │ {}\n{pad} │ {}{}\n",
                x.text,
                " ".repeat(width(before)),
                paint("1;31", &"^".repeat(width(marked).max(1)))
            );
            if !notes.is_empty() {
                out += &format!("{pad} │\n");
            }
            for n in notes {
                // A note of several lines keeps its shape under the first.
                let n = n.replace('\n', &format!("\n{pad}   "));
                out += &format!("{pad} = {n}\n");
            }
        }
        None => {
            // No line to show: the place goes into the message itself.
            out += &format!("{word}: {}\n", paint("1", &format!("{place}: {message}")));
            for n in notes {
                let n = n.replace('\n', "\n    ");
                out += &format!("  = {n}\n");
            }
        }
    }
    say(&out);
}

/// Han characters and full-width forms take two columns of a terminal.
fn is_wide(c: char) -> bool {
    unicode_width::UnicodeWidthChar::width(c) == Some(2)
}

/// One line of a file, cropped around a column when it is long (most
/// paragraphs are), that reports the line's and column's true numbers.
struct Excerpt {
    text: String,
    line: usize,
    /// Byte range of the marked token in `text`.
    spot: Range<usize>,
}

impl Excerpt {
    const BEFORE: usize = 40;
    const AFTER: usize = 40;

    /// `full`: line `line` of its file. `point`: mark one character (or the
    /// placeholder that starts there), not the token.
    fn new(full: &str, line: usize, col: usize, point: bool) -> Self {
        let full = full.trim_end_matches(['\r', '\n']);
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
            .find(['\n', ':', ',', '，', '。', '}', ']', '#'])
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
            text,
            line,
            spot: spot_start..spot_start + len,
        }
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
            json_line(&JsonLine {
                severity: d.severity,
                code: "template",
                file: place.as_ref().map(|p| p.0.clone()),
                line: place.as_ref().map(|p| p.1),
                column: place.as_ref().map(|p| p.2),
                path: None,
                message: d.message.as_str(),
                hints: d.hints.iter().map(|h| h.v.as_str()).collect(),
            });
        }
        return;
    }
    // Rendered as brief renders data errors, in the user's language (typst's
    // renderer would print its own English labels beside brief's).
    for d in diagnostics {
        let at = d.span.id().and_then(|id| {
            let range = world.range(d.span)?;
            let source = world.source(id).ok()?;
            let lines = source.lines();
            let (line, col) = lines.byte_to_line_column(range.start)?;
            let text = source.text()[lines.line_to_range(line)?].to_string();
            Some((world.name(id), text, line + 1, col + 1))
        });
        let notes: Vec<String> = d
            .hints
            .iter()
            .map(|h| tr!("note-hint", hint = h.v.as_str()))
            .collect();
        match (&at, format) {
            (_, DiagnosticFormat::Short) => {
                let place = at
                    .as_ref()
                    .map(|(name, _, line, col)| format!("{name}:{line}:{col}: "))
                    .unwrap_or_default();
                let mut out = format!("{place}{}: {}", severity_word(d.severity), d.message);
                for n in &notes {
                    out += &format!(" ({n})");
                }
                say(&out);
            }
            (Some((name, text, line, col)), _) => {
                let excerpt = Excerpt::new(text, *line, *col, false);
                human(
                    d.severity,
                    &d.message,
                    &format!("{name}:{line}:{col}"),
                    Some(&excerpt),
                    &notes,
                );
            }
            (None, _) => {
                let name = world.name(world.main());
                human(d.severity, &d.message, &name, None, &notes);
            }
        }
    }
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
        DiagnosticFormat::Json => json_line(&JsonLine {
            severity,
            code,
            file: Some(file.to_string()),
            line: None,
            column: None,
            path: None,
            message,
            hints: hints.iter().map(String::as_str).collect(),
        }),
        DiagnosticFormat::Short => {
            let mut line = format!("{file}: {}: {message}", severity_word(severity));
            for h in hints {
                line += &format!(" ({})", tr!("note-hint", hint = h.as_str()));
            }
            say(&line);
        }
        DiagnosticFormat::Human => {
            let notes: Vec<String> = hints
                .iter()
                .map(|h| tr!("note-hint", hint = h.as_str()))
                .collect();
            human(severity, message, file, None, &notes);
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
        let e = Excerpt::new(source.split('\n').nth(1).unwrap(), 2, col, true);
        assert!(e.text.starts_with('…') && e.text.ends_with('…'));
        assert!(e.text.chars().count() < 90);
        assert_eq!(&e.text[e.spot.clone()], "{bad}");
        assert_eq!(e.line, 2);
        assert_eq!(
            e.text[..e.spot.start].chars().count(),
            41,
            "the spot keeps its place in the crop"
        );
    }
}
