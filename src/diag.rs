//! Terminal output of errors and warnings, for data files and templates
//! alike: `file:line:col`, the source line with the spot marked, the message
//! and hints; colour only on a terminal; or JSON lines for tools.

use std::io::{IsTerminal, Write};

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor};
use termcolor::{ColorChoice, StandardStream};
use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::syntax::Lines;
use typst_kit::diagnostics::{self as kit, DiagnosticWorld};

use crate::args::DiagnosticFormat;
use crate::data::DataError;
use crate::error::Failure;

fn stderr() -> StandardStream {
    let choice = if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    StandardStream::stderr(choice)
}

/// Prints data errors; `project` resolves their files for the source excerpt.
pub fn data_errors(project: &std::path::Path, errors: &[DataError], format: DiagnosticFormat) {
    data_problems(project, errors, Severity::Error, format);
}

/// Prints problems placed in data files, as errors or as warnings.
pub fn data_problems(
    project: &std::path::Path,
    errors: &[DataError],
    severity: Severity,
    format: DiagnosticFormat,
) {
    if format == DiagnosticFormat::Json {
        for e in errors {
            json_line(serde_json::json!({
                "severity": severity_name(severity),
                "file": e.file.display().to_string(),
                "line": e.line,
                "column": e.col,
                "offset": e.offset,
                "path": e.path,
                "message": e.message,
                "hints": e.hint.iter().collect::<Vec<_>>(),
            }));
        }
        return;
    }
    let mut out = stderr();
    let config = config(format);
    for e in errors {
        let text = std::fs::read(project.join(&e.file))
            .ok()
            .and_then(|b| String::from_utf8(b).ok());
        let mut notes = Vec::new();
        if let Some(path) = &e.path {
            notes.push(format!("field: {path}"));
        }
        if let Some(hint) = &e.hint {
            notes.push(format!("hint: {hint}"));
        }
        let mut diag = match severity {
            Severity::Error => Diagnostic::error(),
            Severity::Warning => Diagnostic::warning(),
        }
        .with_message(if format == DiagnosticFormat::Short {
            // The short style prints no notes: keep field and hint on the line.
            let mut m = e
                .path
                .as_ref()
                .map_or_else(String::new, |p| format!("`{p}`: "));
            m += &e.message;
            if let Some(hint) = &e.hint {
                m += &format!(" (hint: {hint})");
            }
            m
        } else {
            e.message.clone()
        })
        .with_notes(notes);
        // A pathological line (100 KB of `[`) is no help on a terminal.
        let readable =
            |text: &str, line: usize| text.lines().nth(line - 1).is_some_and(|l| l.len() <= 400);
        match (text, e.line, e.col) {
            (Some(text), Some(line), Some(col)) if readable(&text, line) => {
                let start = byte_of(&text, line, col);
                let end = token_end(&text, start);
                diag = diag.with_labels(vec![Label::primary((), start..end)]);
                let file = SimpleFile::new(e.file.display().to_string(), text);
                let _ = term::emit_to_write_style(&mut out, &config, &file, &diag);
            }
            _ => {
                // No text to show: name the place in the message itself.
                diag.message = format!("{}: {}", e.location(), e.message);
                let file = SimpleFile::new(String::new(), String::new());
                let _ = term::emit_to_write_style(&mut out, &config, &file, &diag);
            }
        }
    }
}

/// Byte offset of a 1-based line and character column.
fn byte_of(text: &str, line: usize, col: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    let rest = &text[line_start.min(text.len())..];
    line_start
        + rest
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

/// The end of the word or scalar starting at `start`, for the underline.
fn token_end(text: &str, start: usize) -> usize {
    let rest = &text[start..];
    let len = rest.find(['\n', ':', ',', '}', ']']).unwrap_or(rest.len());
    let trimmed = rest[..len].trim_end().len();
    start + trimmed.max(rest.chars().next().map_or(0, char::len_utf8))
}

fn config(format: DiagnosticFormat) -> term::Config {
    let mut config = term::Config {
        tab_width: 2,
        ..Default::default()
    };
    if format == DiagnosticFormat::Short {
        config.display_style = term::DisplayStyle::Short;
    }
    config
}

/// Typst's hints name the typst CLI's options; brief's differ.
fn for_brief(diagnostics: &[SourceDiagnostic]) -> Vec<SourceDiagnostic> {
    diagnostics
        .iter()
        .cloned()
        .map(|mut d| {
            for hint in d.hints.make_mut() {
                if hint.v.contains("`--root`") {
                    hint.v = "the project root is the folder given by `--project`: templates, data and what they read must be inside it".into();
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
                "severity": match d.severity { Severity::Error => "error", Severity::Warning => "warning" },
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

/// A problem brief itself finds (a missing glyph, an overflowing slide).
pub fn note(
    severity: Severity,
    message: &str,
    hints: &[String],
    file: &str,
    format: DiagnosticFormat,
) {
    if format == DiagnosticFormat::Json {
        json_line(serde_json::json!({
            "severity": severity_name(severity),
            "file": file,
            "message": message,
            "hints": hints,
        }));
        return;
    }
    let diag = match severity {
        Severity::Error => Diagnostic::error(),
        Severity::Warning => Diagnostic::warning(),
    }
    .with_message(message)
    .with_notes(hints.iter().map(|h| format!("hint: {h}")).collect());
    let file = SimpleFile::new(String::new(), String::new());
    let _ = term::emit_to_write_style(&mut stderr(), &config(format), &file, &diag);
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn json_line(value: serde_json::Value) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{value}");
}

/// A one-line status message (`brief: wrote out/briefing.pdf`), on stderr so
/// that stdout stays clean for data.
pub fn status(message: &str) {
    eprintln!("{message}");
}

/// Under `BRIEF_TIMINGS`, prints an event with the time since the first
/// event: per-document milestones on threads of their own, which the phases
/// of a [`Timer`] cannot show.
pub fn event(name: &str) {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    if timings_enabled() {
        let start = START.get_or_init(std::time::Instant::now);
        eprintln!(
            "brief: timing at {:.1} ms: {name}",
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
}

fn timings_enabled() -> bool {
    static ENABLED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ENABLED.get_or_init(|| std::env::var_os("BRIEF_TIMINGS").is_some())
}

/// Under `BRIEF_TRACE=FILE`, records typst's own timings of `f` (every
/// function call of the templates, layout, export) as a Chrome trace in FILE;
/// `{n}` in FILE numbers the builds of a `watch`. `world` resolves the
/// trace's source spans to files and lines.
pub fn traced<T>(
    world: impl FnOnce() -> Option<crate::world::BriefWorld>,
    f: impl FnOnce() -> Result<T, Failure>,
) -> Result<T, Failure> {
    static BUILDS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    // The world is made only when tracing: building one costs about a millisecond.
    let Some(path) = std::env::var_os("BRIEF_TRACE") else {
        return f();
    };
    let Some(mut world) = world() else {
        return f();
    };
    let n = BUILDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = path.to_string_lossy().replace("{n}", &n.to_string());
    let mut timer = typst_kit::timer::Timer::new(path.clone().into());
    let out = timer
        .record(&mut world, |_| f())
        .map_err(|e| Failure::Other(anyhow::anyhow!("cannot write the trace {path}: {e}")))?;
    status(&format!("brief: wrote the trace {path}"));
    out
}

/// Phase timings, printed when `BRIEF_TIMINGS` is set: for profiling, see
/// BENCHMARKS.md.
pub struct Timer {
    enabled: bool,
    last: std::time::Instant,
}

impl Timer {
    pub fn start() -> Self {
        Timer {
            enabled: timings_enabled(),
            last: std::time::Instant::now(),
        }
    }

    pub fn phase(&mut self, name: &str) {
        if self.enabled {
            let now = std::time::Instant::now();
            eprintln!(
                "brief: timing {name}: {:.1} ms",
                (now - self.last).as_secs_f64() * 1000.0
            );
            self.last = now;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_map_to_bytes() {
        let text = "a: 1\n标题: 值\n";
        assert_eq!(byte_of(text, 2, 1), 5);
        assert_eq!(byte_of(text, 2, 5), 5 + "标题: ".len());
        assert_eq!(token_end(text, 5), 5 + "标题".len());
    }
}
