//! Reading one data file: what it is, its size, its encoding and its
//! characters first, then the structural pass, then serde into the typed
//! model, with every error placed in the file.

use std::fs;
use std::io::Read;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::error::{DataError, nearest};
use super::path::{Part, join_parts, split_path};
use super::spans::{self, SpanIndex};
use crate::tr;

/// Data files above this size are refused before parsing: they are a few
/// kilobytes, and YAML parsers can be slow on pathological input.
pub const MAX_FILE_BYTES: u64 = 512 * 1024;

/// A file's text as read, with the positions of its values.
#[derive(Debug, Clone)]
pub struct Text {
    pub text: String,
    pub spans: SpanIndex,
    /// Digest of the bytes read, for the build state.
    pub digest: String,
    /// Where each line starts: a file of 20,000 problems finds each one's
    /// line at once, not by counting from the top.
    starts: Vec<usize>,
}

impl Text {
    pub fn new(text: String, spans: SpanIndex, digest: String) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Text {
            text,
            spans,
            digest,
            starts,
        }
    }

    /// Line `n` (from 1), without its line break; empty past the end.
    pub fn line(&self, n: usize) -> &str {
        let Some(&start) = n.checked_sub(1).and_then(|i| self.starts.get(i)) else {
            return "";
        };
        let end = self.starts.get(n).map_or(self.text.len(), |e| e - 1);
        self.text[start..end].trim_end_matches('\r')
    }
}

/// Reads `root/rel` as a data file's text: a regular file inside the
/// project, at most [`MAX_FILE_BYTES`], UTF-8, no character that YAML or a
/// document cannot hold. Never reads more than the cap, and never opens what
/// is not a regular file (a FIFO would block, a device would not end).
pub fn read(root: &Path, rel: &Path) -> Result<(String, String), DataError> {
    let cannot = |e: std::io::Error| {
        DataError::new(
            rel,
            "data-cannot-read",
            tr!("data-cannot-read", error = crate::i18n::io(&e)),
        )
    };
    let path = root.join(rel).canonicalize().map_err(cannot)?;
    // Like the templates, the data comes from inside the project only.
    if let Ok(project) = root.canonicalize()
        && !path.starts_with(&project)
    {
        return Err(DataError::new(
            rel,
            "data-outside",
            tr!("data-outside", target = path.display().to_string()),
        ));
    }
    let meta = fs::metadata(&path).map_err(cannot)?;
    if !meta.is_file() {
        return Err(DataError::new(
            rel,
            "data-not-a-file",
            tr!("data-not-a-file"),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(rel, meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    fs::File::open(&path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(cannot)?;
    // The file grew between the look and the read.
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(rel, bytes.len() as u64));
    }
    let digest = crate::digest::digest(&bytes);
    Ok((decode(rel, bytes)?, digest))
}

fn too_large(rel: &Path, len: u64) -> DataError {
    DataError::new(
        rel,
        "data-too-large",
        tr!("data-too-large", bytes = len, limit = MAX_FILE_BYTES / 1024),
    )
}

/// Reads, checks the structure, and deserialises `root/rel` into `T`. The
/// text comes back whenever the file could be read, also when it has
/// errors, so that they can be shown in it.
/// What a file that does not read as the model still gives: its errors, and
/// the rest of it without the list items that hold them, to check the rest
/// (all problems at once).
pub struct NotRead<T> {
    pub errors: Vec<DataError>,
    pub partial: Option<Partial<T>>,
}

/// A file's value without the list items that did not read.
pub struct Partial<T> {
    pub value: T,
    pub removed: Removed,
}

impl<T> From<Vec<DataError>> for NotRead<T> {
    fn from(errors: Vec<DataError>) -> Self {
        NotRead {
            errors,
            partial: None,
        }
    }
}

pub fn load<T: DeserializeOwned>(root: &Path, rel: &Path) -> (Option<Text>, Result<T, NotRead<T>>) {
    let (text, digest) = match read(root, rel) {
        Ok(read) => read,
        Err(e) => return (None, Err(vec![e].into())),
    };
    let (spans, structure) = match spans::scan(&text) {
        Ok(spans) => (spans, Ok(())),
        Err((spans, errs)) => (
            spans,
            Err(errs
                .into_iter()
                .map(|e| {
                    let mut d = DataError::new(rel, e.code, e.message)
                        .at(e.loc.line, e.loc.col)
                        .path(e.path);
                    d.hint = e.hint;
                    d
                })
                .collect::<Vec<_>>()),
        ),
    };
    let value = structure.map_err(NotRead::from).and_then(|()| {
        deserialize(rel, &text, &spans).map_err(|mut not_read| {
            // A value of the wrong kind whose line shows a typing mistake (a
            // full-width bracket, dash or colon) says how to fix it.
            for e in &mut not_read.errors {
                let typing = e.line.and_then(|l| super::syntax::typing_on_line(&text, l));
                match typing {
                    // An invisible space, or the one missing after an
                    // item's dash, is the whole mistake: said as such.
                    Some(d) if matches!(d.code, "syntax-trailing-space" | "syntax-dash-space") => {
                        e.code = d.code;
                        e.message = d.message;
                        e.hint = Some(d.hint);
                        e.col = Some(d.col);
                    }
                    Some(d) if e.hint.is_none() => {
                        e.hint = Some(format!("{}: {}", d.message, d.hint));
                    }
                    _ => {}
                }
            }
            not_read
        })
    });
    (Some(Text::new(text, spans, digest)), value)
}

fn decode(rel: &Path, bytes: Vec<u8>) -> Result<String, DataError> {
    // Notepad's "Unicode" is UTF-16: a byte-order mark, or a NUL beside
    // every ASCII character.
    let halves = bytes.len() >= 4
        && (bytes.iter().step_by(2).take(64).all(|&b| b == 0)
            || bytes.iter().skip(1).step_by(2).take(64).all(|&b| b == 0));
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || halves {
        return Err(DataError::new(rel, "data-utf16", tr!("data-utf16"))
            .at(1, 1)
            .hint(tr!("data-utf16-hint")));
    }
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        let (line, col) = line_col_of_bytes(&bytes, pos);
        let mut e = DataError::new(rel, "data-binary", tr!("data-binary")).at(line, col);
        e.offset = Some(pos);
        return Err(e);
    }
    let bytes = bytes
        .strip_prefix(b"\xef\xbb\xbf")
        .map(<[u8]>::to_vec)
        .unwrap_or(bytes);
    let text = String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        let (line, col) = line_col_of_bytes(err.as_bytes(), at);
        let mut e = DataError::new(rel, "data-not-utf8", tr!("data-not-utf8", byte = at))
            .at(line, col)
            .hint(tr!("data-not-utf8-hint"));
        e.offset = Some(at);
        e
    })?;
    check_characters(rel, &text)?;
    if text
        .lines()
        .all(|l| l.trim_start().starts_with('#') || l.trim().is_empty())
    {
        return Err(
            DataError::new(rel, "data-empty", tr!("data-empty")).hint(tr!("data-empty-hint"))
        );
    }
    // A file of one null (`~`) holds no more than an empty one: said alike
    // for every file, rather than read as "no settings" in some and as a
    // value of the wrong kind, placed nowhere, in others.
    let mut content = text.lines().enumerate().filter(|(_, l)| {
        let l = l.trim();
        !(l.is_empty() || l.starts_with('#') || l == "---" || l == "...")
    });
    if let (Some((at, only)), None) = (content.next(), content.next()) {
        let value = only.split(" #").next().unwrap_or(only).trim();
        let value = value.strip_prefix("--- ").unwrap_or(value).trim();
        if matches!(value, "~" | "null" | "Null" | "NULL") {
            let col = only.chars().take_while(|c| c.is_whitespace()).count() + 1;
            return Err(DataError::new(rel, "data-null-file", tr!("data-null-file"))
                .at(at + 1, col)
                .hint(tr!("data-empty-hint")));
        }
    }
    Ok(text)
}

/// 1-based line and column (in characters) of a byte offset, counting lines
/// by LF only: the YAML parser's count.
fn line_col_of_bytes(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let col = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, col)
}

/// Characters a data file must not hold, found before the YAML parser sees
/// them (it would report them at the wrong place, or count lines otherwise
/// than an editor does): control characters, Unicode line separators and
/// noncharacters, a lone CR, a tab used as indentation.
fn check_characters(rel: &Path, text: &str) -> Result<(), DataError> {
    let (mut line, mut col) = (1, 0);
    let mut indenting = true;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        col += 1;
        let problem = match ch {
            '\n' => {
                line += 1;
                col = 0;
                indenting = true;
                continue;
            }
            '\r' if chars.peek() == Some(&'\n') => continue,
            '\r' => Some(("data-lone-cr", tr!("data-lone-cr"))),
            '\t' if indenting => Some(("data-tab-indent", tr!("data-tab-indent"))),
            '\t' => None,
            c if forbidden(c) => Some((
                "data-control-character",
                tr!(
                    "data-control-character",
                    code = format!("U+{:04X}", c as u32)
                ),
            )),
            _ => None,
        };
        if ch != ' ' && ch != '-' {
            indenting = false;
        }
        if let Some((code, message)) = problem {
            let mut e = DataError::new(rel, code, message).at(line, col);
            if code == "data-tab-indent" {
                e.hint = Some(tr!("data-tab-indent-hint"));
            }
            return Err(e);
        }
    }
    Ok(())
}

/// `text` with its control and invisible characters written `<U+001B>`:
/// what a message shows of a name or value the user typed (a folder's
/// name, an option's value), so that the terminal shows an escape sequence
/// or a U+202E and does not obey it. Line breaks and tabs stay.
pub fn escaped(text: &str) -> std::borrow::Cow<'_, str> {
    // U+FFFD stands for what a name not in UTF-8 loses when shown: harmless
    // on a terminal, and the way such a name is shown.
    let odd = |c: char| {
        (c.is_control() && !matches!(c, '\n' | '\t')) || (forbidden(c) && c != '\u{FFFD}')
    };
    if !text.chars().any(odd) {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if odd(c) {
                format!("<U+{:04X}>", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// A character no data file needs and no document should print: C0 and C1
/// controls (but tab, LF and CR), DEL, line and paragraph separators, a BOM
/// inside the text, invisible marks and fillers, U+FFFD, and Unicode
/// noncharacters.
pub fn forbidden(c: char) -> bool {
    let u = c as u32;
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(u, 0x2028 | 0x2029 | 0xFEFF)
        // Direction marks and overrides: invisible, they reorder what is
        // printed (a pasted U+202E turns 2022 into 2202 on the page).
        || matches!(u, 0x061C | 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069)
        // Zero-width space and joiners, word joiner, soft hyphen, invisible
        // operators and grapheme joiner: invisible, they split a word for
        // search and copying, or glue a number to what follows.
        || matches!(u, 0x00AD | 0x034F | 0x180E | 0x200B..=0x200D | 0x2060..=0x2064)
        // Blank fillers that print as nothing yet are no space (U+2800 the
        // braille blank, the Hangul fillers), and U+FFFD, the mark of a
        // character an encoding lost.
        || matches!(u, 0x115F | 0x1160 | 0x2800 | 0x3164 | 0xFFA0 | 0xFFFD)
        || (0xFDD0..=0xFDEF).contains(&u)
        || (u & 0xFFFE) == 0xFFFE
}

/// Every type error of a file, not only the first: after each, the list
/// item it is in is taken out of a copy of the file and the rest read
/// again (at most [`MAX_TYPE_ERRORS`] times), with paths counted as in the
/// file.
const MAX_TYPE_ERRORS: usize = 50;

fn deserialize<T: DeserializeOwned>(
    rel: &Path,
    text: &str,
    spans: &SpanIndex,
) -> Result<T, NotRead<T>> {
    let de = yaml_serde::Deserializer::from_str(text);
    let first = match serde_path_to_error::deserialize(de) {
        Ok(value) => return Ok(value),
        Err(err) => err,
    };
    // A syntax error only yaml_serde's parser sees (the structural pass
    // read the text as YAML): said in brief's words, as the structural
    // pass's are, never in the parser's English.
    let raw = first.inner().to_string();
    if let Some(loc) = first.inner().location()
        && is_parser_error(&raw)
    {
        let d = super::syntax::diagnose(text, loc.line(), &raw);
        return Err(vec![
            DataError::new(rel, d.code, d.message)
                .at(d.line, d.col)
                .hint(d.hint),
        ]
        .into());
    }
    let mut errors = vec![error_at(
        rel,
        &first.path().to_string(),
        first.inner(),
        spans,
    )];
    let Ok(mut value) = yaml_serde::from_str::<yaml_serde::Value>(text) else {
        return Err(errors.into());
    };
    let mut removed = Removed::default();
    let mut path = first.path().to_string();
    let mut rest = None;
    for _ in 0..MAX_TYPE_ERRORS {
        if !removed.take_out(&mut value, &path) {
            break;
        }
        // Read as text again, as the file is: a number keeps its text (a
        // `Value` would give it to the model as a float).
        let Ok(again) = yaml_serde::to_string(&value) else {
            break;
        };
        match serde_path_to_error::deserialize::<_, T>(yaml_serde::Deserializer::from_str(&again)) {
            Ok(value) => {
                rest = Some(value);
                break;
            }
            Err(err) => {
                path = err.path().to_string();
                let original = removed.original(&path);
                let e = error_at(rel, &original, err.inner(), spans);
                if errors.iter().any(|o| o.path == e.path && o.code == e.code) {
                    break;
                }
                errors.push(e);
            }
        }
    }
    Err(NotRead {
        errors,
        partial: rest.map(|value| Partial { value, removed }),
    })
}

/// Whether yaml_serde's message is its parser's or scanner's (the text is
/// no YAML there), not a value's.
fn is_parser_error(message: &str) -> bool {
    [
        "while parsing",
        "while scanning",
        "did not find expected",
        "found unexpected",
        "could not find expected",
        "mapping values are not allowed",
    ]
    .iter()
    .any(|m| message.contains(m))
}

/// A serde error at `path` (as in the file), placed: at the key for a key
/// brief does not know, else at the value; serde's own place when the
/// path has none.
fn error_at(rel: &Path, path: &str, inner: &yaml_serde::Error, spans: &SpanIndex) -> DataError {
    let (code, message, hint) = explain(&inner.to_string());
    let mut e = DataError::new(rel, code, message).path(path);
    let at = if code == "data-unknown-field" {
        spans.key(path).or_else(|| spans.value(path))
    } else {
        spans.value(path)
    };
    match (at, inner.location()) {
        // serde_yaml places a missing field at the mapping's end: the
        // mapping's start (the path's place) is where it belongs.
        (Some(loc), _) if !path.is_empty() => e = e.at(loc.line, loc.col),
        (_, Some(loc)) => e = e.at(loc.line(), loc.column()),
        (Some(loc), None) => e = e.at(loc.line, loc.col),
        (None, None) => {}
    }
    // A number typed where the field has its own fields or is a list
    // (`yoy: 14.3`, `keywords: 甲，乙`): the line to write instead.
    let hint = hint.or_else(|| {
        let raw = inner.to_string();
        let (found, expected) = raw
            .split_once("invalid type: ")?
            .1
            .split_once(", expected ")?;
        let typed = found
            .strip_prefix("string \"")
            .and_then(|t| t.rsplit_once('"'))
            .map(|(t, _)| unescape(t))
            .or_else(|| found.split('`').nth(1).map(str::to_string));
        // The whole file is no line to write (round 30: `: { kind: … }`).
        if path.is_empty() {
            return None;
        }
        // A list's item is written after its dash, a field after its key.
        let lead = if path.ends_with(']') {
            "-".to_string()
        } else {
            format!("{}:", path.rsplit('.').next()?.split('[').next()?)
        };
        (code == "data-wrong-type" && is_structure(expected))
            .then(|| super::schema::shape(path, typed.as_deref()))
            .flatten()
            .map(|line| tr!("hint-field-shape", line = format!("{lead} {line}")))
    });
    if let Some(hint) = hint {
        e = e.hint(hint);
    }
    // A value that goes on over the line below (a note typed under
    // `issue: 3`, indented): YAML joined the lines into one text, which is
    // no number (round 26: "write only the number 3", which it was).
    if code == "data-wrong-type" && spans.folded(path) {
        e.hint = Some(tr!("hint-folded-value"));
    }
    e
}

/// List items taken out of a file's value to read past a type error, so
/// that a path of what is left can be told in the file's own indices.
#[derive(Default)]
pub struct Removed {
    /// By the list's path in the file: the indices taken out of it.
    lists: std::collections::HashMap<String, Vec<usize>>,
    /// The ids of the items taken out (a figure, a section): what the rest
    /// of the data cannot be checked against.
    pub ids: Vec<String>,
}

impl Removed {
    /// `path` (of what is left) as a path of the file.
    pub fn original(&self, path: &str) -> String {
        let mut out = String::new();
        for part in split_path(path) {
            match part {
                Part::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Part::Index(i) => {
                    let taken = self.lists.get(&out).map(Vec::as_slice).unwrap_or(&[]);
                    // The i-th index not taken out.
                    let o = (0..).filter(|n| !taken.contains(n)).nth(i).unwrap_or(i);
                    out.push_str(&format!("[{o}]"));
                }
            }
        }
        out
    }

    /// Takes out of `value` the innermost list item that `path` (of what is
    /// left) is in; false when the path is in no list.
    fn take_out(&mut self, value: &mut yaml_serde::Value, path: &str) -> bool {
        let parts: Vec<Part> = split_path(path).collect();
        let Some(last) = parts.iter().rposition(|p| matches!(p, Part::Index(_))) else {
            return false;
        };
        let mut node = value;
        for part in &parts[..last] {
            node = match (part, node) {
                (Part::Key(k), yaml_serde::Value::Mapping(m)) => match m.get_mut(*k) {
                    Some(v) => v,
                    None => return false,
                },
                (Part::Index(i), yaml_serde::Value::Sequence(s)) => match s.get_mut(*i) {
                    Some(v) => v,
                    None => return false,
                },
                _ => return false,
            };
        }
        let (Part::Index(i), yaml_serde::Value::Sequence(items)) = (&parts[last], node) else {
            return false;
        };
        if *i >= items.len() {
            return false;
        }
        let item = items.remove(*i);
        // The ids inside it too: a section taken out takes its figures.
        collect_ids(&item, &mut self.ids);
        let list_path = self.original(&join_parts(&parts[..last]));
        let original = self.original(&join_parts(&parts[..=last]));
        let index = original
            .rsplit_once('[')
            .and_then(|(_, n)| n.trim_end_matches(']').parse().ok())
            .unwrap_or(*i);
        self.lists.entry(list_path).or_default().push(index);
        true
    }
}

/// Every `id` of a mapping inside `value`.
fn collect_ids(value: &yaml_serde::Value, out: &mut Vec<String>) {
    match value {
        yaml_serde::Value::Mapping(m) => {
            for (k, v) in m {
                match (k.as_str(), v.as_str()) {
                    (Some("id"), Some(id)) => out.push(id.to_string()),
                    _ => collect_ids(v, out),
                }
            }
        }
        yaml_serde::Value::Sequence(s) => s.iter().for_each(|v| collect_ids(v, out)),
        _ => {}
    }
}

/// serde's English messages, in the user's words: (code, message, hint).
fn explain(raw: &str) -> (&'static str, String, Option<String>) {
    // yaml_serde appends " at line L column C" and prefixes the path; both
    // are printed apart.
    let mut message = raw.to_string();
    if let Some(cut) = message.rfind(" at line ") {
        message.truncate(cut);
    }
    if let Some((head, rest)) = message.split_once(": ")
        && !head.contains(' ')
    {
        message = rest.to_string();
    }
    if let Some(rest) = message.strip_prefix("brief-num:") {
        return number(rest);
    }
    let quoted: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let word = rest.split('`').next().unwrap_or_default().to_string();
        let known = &quoted[1..];
        let hint =
            nearest(&word, known.iter().copied()).map(|n| tr!("hint-did-you-mean", word = n));
        return (
            "data-unknown-value",
            tr!(
                "data-unknown-value",
                value = word,
                known = known.join(&tr!("list-separator"))
            ),
            hint,
        );
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let word = rest.split('`').next().unwrap_or_default().to_string();
        let known = &quoted[1..];
        let hint =
            nearest(&word, known.iter().copied()).map(|n| tr!("hint-did-you-mean", word = n));
        let list = known
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(&tr!("list-separator"));
        return (
            "data-unknown-field",
            tr!("data-unknown-field", field = word, known = list),
            hint,
        );
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or_default().to_string();
        return (
            "data-missing-field",
            tr!("data-missing-field", field = field),
            None,
        );
    }
    if let Some(rest) = message.strip_prefix("duplicate field `") {
        let field = rest.split('`').next().unwrap_or_default().to_string();
        return (
            "data-duplicate-key",
            tr!("data-duplicate-key", key = field),
            None,
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        // A whole number typed with its words (第1期, 8300个), where a
        // number is asked for.
        let hint = found
            .strip_prefix("string \"")
            .filter(|_| !is_structure(expected))
            .and_then(|t| t.strip_suffix('"'))
            .and_then(|t| match crate::data::model::Num::parse(t) {
                Err(crate::data::model::NumError::Unit(n, _)) => {
                    Some(tr!("hint-number-only", number = n))
                }
                // ２０２２, as a Chinese input method types digits.
                Err(crate::data::model::NumError::FullWidth(n)) => {
                    Some(tr!("hint-number-fullwidth", number = n))
                }
                // 第１期: the words and the full-width digits both go.
                Err(_) if t.contains(|c: char| ('０'..='９').contains(&c)) => {
                    let half: String = t
                        .chars()
                        .map(|c| match c {
                            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                            c => c,
                        })
                        .collect();
                    match crate::data::model::Num::parse(&half) {
                        Err(crate::data::model::NumError::Unit(n, _)) => {
                            Some(tr!("hint-number-only", number = n))
                        }
                        _ => None,
                    }
                }
                // 第一, 连续四年, 全市第1, 3,723: the one number among the
                // words (round 30: 连续四年 and 全市第1 had no hint).
                Err(_) => one_number(t).map(|n| tr!("hint-number-only", number = n)),
                // "4": a whole number typed in quotes is text to YAML.
                Ok(n) if n.decimals() == 0 => Some(tr!("hint-number-only", number = n.text())),
                _ => None,
            });
        return (
            "data-wrong-type",
            tr!(
                "data-wrong-type",
                found = kind_of(found),
                expected = kind_of(expected)
            ),
            hint,
        );
    }
    if message.contains("number too large") || message.contains("finite number") {
        return ("data-number-range", tr!("data-number-range"), None);
    }
    ("data-invalid", tr!("data-invalid", detail = message), None)
}

/// A comment typed as an input method types it: a full-width ＃ after a
/// space or starting the text, or a # after a full-width space, which YAML reads as text, so the
/// comment would be printed. Its byte offset. (1＃楼, a number's ＃, is
/// text.)
pub fn fullwidth_comment(text: &str) -> Option<usize> {
    // A value that starts with ＃ is one "commented out" (`- ＃ 2022年，…`).
    let start = text.len() - text.trim_start().len();
    if text[start..].starts_with('＃') {
        return Some(start);
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    chars.windows(2).find_map(|w| {
        let (space, mark) = (w[0].1, w[1].1);
        let comment = (mark == '＃' && matches!(space, ' ' | '\t' | '\u{3000}'))
            || (mark == '#' && space == '\u{3000}');
        comment.then_some(w[1].0)
    })
}

/// A comment typed without the space before `#` (简报#注释): YAML reads it
/// as text, and it would be printed. Its byte offset. After a digit or a
/// Latin letter (1#楼, C#) it is the text's own.
pub fn glued_hash(text: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    chars
        .windows(2)
        .find(|w| w[1].1 == '#' && super::prose::is_han(w[0].1))
        .map(|w| w[1].0)
}

/// Why `text` is not a number as the data writes one: (code, message, hint).
pub fn number_error(text: &str) -> Option<(&'static str, String, Option<String>)> {
    let e = super::model::Num::parse(text).err()?;
    Some(explain(&e.message(text)))
}

/// A number as people type it, in the user's words: `KIND:NUMBER:TEXT`.
/// The qualifiers of brief's vocabulary written after the number (左右,
/// 以上, 多): what a value typed as printed ends with.
fn qualifiers_after() -> &'static [String] {
    static WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let v: super::model::Vocabulary = yaml_serde::from_str(super::vocabulary::BUILT_IN)
            .expect("the built-in vocabulary parses");
        v.qualifiers
            .iter()
            .filter(|q| !matches!(q.position, super::model::Position::Before))
            .map(|q| q.word.clone())
            .collect()
    })
}

/// The magnitudes a number is typed with (6亿, 2409万): part of a unit.
const MAGNITUDES: [&str; 6] = ["十", "百", "千", "万", "亿", "万亿"];

fn number(rest: &str) -> (&'static str, String, Option<String>) {
    let mut parts = rest.splitn(3, ':');
    let kind = parts.next().unwrap_or("");
    let number = parts.next().unwrap_or("").to_string();
    let text = parts.next().unwrap_or("").to_string();
    let message = tr!("data-not-a-number", text = text.as_str());
    let hint = match kind {
        "percent" => tr!("hint-number-percent", number = number.as_str()),
        // 6亿: the magnitude belongs to the figure's unit (亿元), which is
        // no unit on its own.
        // 3.5 ＃ 注释: a comment YAML read as text.
        "unit" if fullwidth_comment(&format!(" {}", text.trim_start())).is_some() => {
            tr!("syntax-fullwidth-hash-hint")
        }
        "unit" if MAGNITUDES.contains(&text.as_str()) => tr!(
            "hint-number-magnitude",
            number = number.as_str(),
            magnitude = text.as_str()
        ),
        // 4.5亿元。 pasted with the sentence's stop: the stop is no unit
        // (round 21: `unit: 亿元。`, `unit: 。`).
        "unit" => {
            let unit = text
                .trim_end_matches(['。', '，', '；', '、', '！', '？', '.', ',', ';', '!', '?'])
                .trim();
            // 3.5左右, 10以上, 3.5%左右: the qualifier is no unit (round 27:
            // the hint sent 左右 to `unit:`).
            let qualifier = qualifiers_after()
                .iter()
                .filter(|q| unit.ends_with(q.as_str()))
                .max_by_key(|q| q.len());
            match qualifier {
                Some(q) if unit == q => tr!(
                    "hint-number-qualifier",
                    number = number.as_str(),
                    qualifier = q.as_str()
                ),
                // 2409万余: a magnitude, and the qualifier (round 30: `unit: 万`).
                Some(q) if MAGNITUDES.contains(&unit[..unit.len() - q.len()].trim()) => tr!(
                    "hint-number-magnitude-qualifier",
                    number = number.as_str(),
                    magnitude = unit[..unit.len() - q.len()].trim(),
                    qualifier = q.as_str()
                ),
                Some(q) => {
                    let unit = unit[..unit.len() - q.len()].trim();
                    let unit = if unit.starts_with(['%', '％']) {
                        "\"%\"".to_string()
                    } else {
                        unit.to_string()
                    };
                    tr!(
                        "hint-number-unit-qualifier",
                        number = number.as_str(),
                        unit = unit,
                        qualifier = q.as_str()
                    )
                }
                None if unit.is_empty() => tr!("hint-number-only", number = number.as_str()),
                None => tr!("hint-number-unit", number = number.as_str(), unit = unit),
            }
        }
        "thousands" => tr!("hint-number-thousands", number = number.as_str()),
        "fullwidth" => tr!("hint-number-fullwidth", number = number.as_str()),
        "minus" => tr!(
            "hint-number-minus",
            number = number.as_str(),
            written = text.trim()
        ),
        "point" => tr!("hint-number-point", number = number.as_str()),
        "quoted" => tr!("hint-number-quoted", number = number.as_str()),
        _ => tr!("hint-number-plain"),
    };
    let message = if kind == "unit" {
        tr!("data-not-a-number", text = format!("{number}{text}"))
    } else {
        message
    };
    ("data-not-a-number", message, Some(hint))
}

/// serde's names of kinds of value, in the user's words.
/// The one whole number in `text` (连续四年 → 4, 全市第1 → 1, 3,723 →
/// 3723), in digits or Chinese numerals; None where there is none or more.
fn one_number(text: &str) -> Option<String> {
    let numeral = |c: char| c.is_ascii_digit() || "零〇一二三四五六七八九十百千万两".contains(c);
    let mut runs: Vec<String> = Vec::new();
    let mut last = None;
    for (i, c) in text.char_indices() {
        let joins = c == ',' && runs.last().is_some() && last == Some(i);
        if numeral(c) || joins {
            match runs.last_mut() {
                Some(run) if last == Some(i) => run.push(c),
                _ => runs.push(c.to_string()),
            }
            last = Some(i + c.len_utf8());
        }
    }
    let [run] = runs.as_slice() else {
        return None;
    };
    // 二〇二二: digits one by one, as a year is written (chinese_number
    // read it as 2, and the hint said `2`).
    const DIGITS: &str = "〇一二三四五六七八九";
    if run.chars().count() > 1 && run.chars().all(|c| DIGITS.contains(c) || c == '零') {
        return Some(
            run.chars()
                .map(|c| DIGITS.chars().position(|d| d == c).unwrap_or(0).to_string())
                .collect(),
        );
    }
    crate::data::prose::chinese_number(&run.replace(',', ""))
        .filter(|n| n.fract() == 0.0 && *n > 0.0 && *n < 1e15)
        .map(|n| format!("{n}"))
}

/// A text as serde's message quotes it (Rust's debug form: `\"`, `\\`,
/// `\n`, `\u{3000}`), as it was typed.
fn unescape(quoted: &str) -> String {
    let mut out = String::with_capacity(quoted.len());
    let mut chars = quoted.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('0') => out.push('\0'),
            Some('u') => {
                let code: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                if let Some(c) = u32::from_str_radix(&code, 16).ok().and_then(char::from_u32) {
                    out.push(c);
                }
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Whether serde's expected kind is a mapping or a list.
fn is_structure(serde: &str) -> bool {
    let s = serde.trim();
    ["sequence", "a sequence", "map", "struct", "a map"]
        .iter()
        .any(|k| s.starts_with(k))
}

fn kind_of(serde: &str) -> String {
    let s = serde.trim();
    let whole = [
        "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "usize",
    ];
    let key = if s.starts_with("string") || s == "a string" {
        "kind-text"
    } else if whole.contains(&s) {
        // a year, an issue number: 2022.0 is a number, but not a whole one
        "kind-whole"
    } else if s.starts_with("integer")
        || s.starts_with("floating point")
        || s == "a number"
        || s.starts_with("f64")
    {
        "kind-number"
    } else if s.starts_with("boolean") || s == "a boolean" {
        "kind-boolean"
    } else if s.starts_with("sequence") || s.starts_with("a sequence") {
        "kind-list"
    } else if is_structure(s) {
        "kind-mapping"
    } else if s.starts_with("unit") || s == "null" {
        "kind-null"
    } else {
        return s.to_string();
    };
    crate::i18n::message(key, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_of_yaml_serde_read_here_is_yaml_serde_s_own() {
        // `explain` reads yaml_serde's English (review of round 25): each
        // form it matches, as yaml_serde itself writes it, so that an
        // upgrade that rewords one fails here rather than weakening the
        // message a clerk reads.
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Doc {
            kind: Kind,
            value: f64,
        }
        #[derive(serde::Deserialize, Debug)]
        #[serde(rename_all = "lowercase")]
        #[allow(dead_code)]
        enum Kind {
            Meta,
            Plan,
        }
        let code = |yaml: &str| {
            let e = yaml_serde::from_str::<Doc>(yaml).unwrap_err();
            explain(&e.to_string()).0
        };
        assert_eq!(code("kind: mate\nvalue: 1\n"), "data-unknown-value");
        assert_eq!(
            code("kind: meta\nvalue: 1\nvalu: 2\n"),
            "data-unknown-field"
        );
        assert_eq!(code("kind: meta\n"), "data-missing-field");
        assert_eq!(code("kind: meta\nvalue: abc\n"), "data-wrong-type");
        assert_eq!(code("kind: [meta]\nvalue: 1\n"), "data-wrong-type");
        assert_eq!(
            code("kind: meta\nvalue: 1\nvalue: 2\n"),
            "data-duplicate-key"
        );
    }

    #[test]
    fn a_magnitude_typed_with_the_number_belongs_to_the_unit() {
        // 6亿 in a sheet's cell for a figure in 亿元: 亿 alone is no unit
        // (hostile round 6: the hint said `unit: 亿`).
        let (code, _, hint) = number_error("6亿").expect("no number");
        assert_eq!(code, "data-not-a-number");
        let hint = hint.expect("a hint");
        assert!(hint.contains("`6`") && hint.contains("亿元"), "{hint}");
        assert!(!hint.contains("unit: 亿`"), "{hint}");
        for (typed, n) in [
            ("连续四年", "4"),
            ("全市第1", "1"),
            ("3,723", "3723"),
            ("第一", "1"),
        ] {
            assert_eq!(one_number(typed).as_deref(), Some(n), "{typed}");
        }
        assert_eq!(one_number("2022年第3期"), None);
        assert_eq!(one_number("二〇二二年").as_deref(), Some("2022"));
        assert_eq!(one_number("二零二三").as_deref(), Some("2023"));
        assert_eq!(one_number("十二").as_deref(), Some("12"));
        // Said with the unit it must be in: 0.2409 for a figure in 万元 was
        // 10⁴ too small (round 30). With a qualifier, 万 is no unit either.
        assert!(hint.contains("万元"), "{hint}");
        let (_, _, hint) = number_error("2409万余").expect("no number");
        let hint = hint.expect("a hint");
        assert!(
            !hint.contains("unit: 万") && hint.contains("qualifier: 余"),
            "{hint}"
        );
        // A unit of its own is named as the unit.
        let (_, _, hint) = number_error("8300个").expect("no number");
        assert!(hint.expect("a hint").contains("unit: 个"));
        // The sentence's stop pasted with it is no unit (round 21).
        let (_, _, hint) = number_error("4.5亿元。").expect("no number");
        let hint = hint.expect("a hint");
        assert!(hint.contains("unit: 亿元`"), "{hint}");
        let (_, _, hint) = number_error("14。").expect("no number");
        let hint = hint.expect("a hint");
        assert!(hint.contains("`14`") && !hint.contains("unit"), "{hint}");
    }

    #[test]
    fn a_qualifier_typed_with_the_number_belongs_to_the_qualifier() {
        // 3.5左右 as the article prints it: the hint sent 左右 to `unit:`,
        // which then was no known unit (round 27).
        for (typed, number, qualifier) in [("3.5左右", "3.5", "左右"), ("10以上", "10", "以上")]
        {
            let (_, _, hint) = number_error(typed).expect("no number");
            let hint = hint.expect("a hint");
            assert!(
                hint.contains(&format!("`{number}`"))
                    && hint.contains(&format!("qualifier: {qualifier}"))
                    && !hint.contains("unit:"),
                "{hint}"
            );
        }
        let (_, _, hint) = number_error("3.5%左右").expect("no number");
        let hint = hint.expect("a hint");
        assert!(
            hint.contains("unit: \"%\"") && hint.contains("qualifier: 左右"),
            "{hint}"
        );
    }
}
