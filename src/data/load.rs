//! Reading one data file: size, encoding and structure checks first, then
//! serde into the typed model, with every error placed in the file.

use std::fs;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::error::{DataError, nearest};
use super::spans::{self, SpanIndex};

/// Data files above this size are refused before parsing: they are a few
/// kilobytes, and YAML parsers can be slow on pathological input.
pub const MAX_FILE_BYTES: u64 = 512 * 1024;

/// A parsed file with the positions needed to place later errors.
pub struct Loaded<T> {
    pub value: T,
    pub spans: SpanIndex,
    /// Digest of the bytes read, for the build state.
    pub digest: String,
}

/// Reads `root/rel` and deserialises it into `T`.
pub fn load<T: DeserializeOwned>(root: &Path, rel: &Path) -> Result<Loaded<T>, Vec<DataError>> {
    let one = |e: DataError| vec![e];
    let path = root
        .join(rel)
        .canonicalize()
        .map_err(|e| one(DataError::new(rel, format!("cannot read the file: {e}"))))?;
    // Like the templates, the data comes from inside the project only.
    if let Ok(project) = root.canonicalize()
        && !path.starts_with(&project)
    {
        return Err(one(DataError::new(
            rel,
            format!(
                "leads outside the project (to {}); data files must be inside it",
                path.display()
            ),
        )));
    }
    let meta = fs::metadata(&path)
        .map_err(|e| one(DataError::new(rel, format!("cannot read the file: {e}"))))?;
    if !meta.is_file() {
        return Err(one(DataError::new(rel, "not a regular file")));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(one(DataError::new(
            rel,
            format!(
                "the file is {} bytes; data files may be at most {} KiB",
                meta.len(),
                MAX_FILE_BYTES / 1024
            ),
        )));
    }
    let bytes = fs::read(&path)
        .map_err(|e| one(DataError::new(rel, format!("cannot read the file: {e}"))))?;
    let digest = crate::state::digest(&bytes);
    let text = decode(rel, bytes).map_err(one)?;
    let spans = spans::scan(&text).map_err(|errs| {
        errs.into_iter()
            .map(|e| {
                DataError::new(rel, e.message)
                    .at(e.loc.line, e.loc.col)
                    .path(e.path)
            })
            .collect::<Vec<_>>()
    })?;
    let value = deserialize(rel, &text).map_err(one)?;
    Ok(Loaded {
        value,
        spans,
        digest,
    })
}

fn decode(rel: &Path, bytes: Vec<u8>) -> Result<String, DataError> {
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        let mut e = DataError::new(
            rel,
            "this is a binary file (it contains a NUL byte), not YAML text",
        );
        e.offset = Some(pos);
        return Err(e);
    }
    let bytes = bytes
        .strip_prefix(b"\xef\xbb\xbf")
        .map(<[u8]>::to_vec)
        .unwrap_or(bytes);
    let text = String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        let before = &err.as_bytes()[..at];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let col = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        let mut e = DataError::new(rel, format!("the file is not valid UTF-8 (byte {at})"))
            .at(line, col)
            .hint("save the file as UTF-8");
        e.offset = Some(at);
        e
    })?;
    if text
        .trim()
        .lines()
        .all(|l| l.trim_start().starts_with('#') || l.trim().is_empty())
    {
        return Err(
            DataError::new(rel, "the file is empty").hint("see docs/data.md for what it holds")
        );
    }
    Ok(text)
}

fn deserialize<T: DeserializeOwned>(rel: &Path, text: &str) -> Result<T, DataError> {
    let de = serde_yaml::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        let mut message = inner.to_string();
        // serde_yaml appends " at line L column C"; we print the position apart.
        if let Some(cut) = message.rfind(" at line ") {
            message.truncate(cut);
        }
        // ...and prefixes the path, which we also print apart.
        if let Some((head, rest)) = message.split_once(": ")
            && path.starts_with(head)
        {
            message = rest.to_string();
        }
        let mut e = DataError::new(rel, message.clone()).path(path);
        if let Some(loc) = inner.location() {
            e = e.at(loc.line(), loc.column());
        }
        if let Some(hint) = typo_hint(&message) {
            e = e.hint(hint);
        }
        e
    })
}

/// For serde's "unknown field `x`, expected one of `a`, `b`" and "unknown
/// variant" messages: the nearest known name.
fn typo_hint(message: &str) -> Option<String> {
    let rest = message
        .strip_prefix("unknown field `")
        .or_else(|| message.strip_prefix("unknown variant `"))?;
    let (word, rest) = rest.split_once('`')?;
    let known: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    nearest(word, known.iter().copied()).map(|n| format!("did you mean `{n}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hint_for_unknown_field() {
        let m = "unknown field `valeu`, expected one of `id`, `label`, `value`, `unit`";
        assert_eq!(typo_hint(m).as_deref(), Some("did you mean `value`?"));
        assert_eq!(typo_hint("invalid type: string"), None);
    }
}
