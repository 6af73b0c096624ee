//! What the last build was made from, what it wrote and what its documents
//! showed, kept beside the outputs (`out/.brief-state.json`), so that a
//! scheduled run with nothing new to do answers in milliseconds without
//! loading the compiler or a single font, and so that the change report can
//! say what each document showed before.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::fonts::Stamps;
use crate::render::marks::Shown;

pub const STATE_FILE: &str = ".brief-state.json";

/// State files [`State::read`] set aside, for the command to report.
static SET_ASIDE: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// The state files set aside since the last call.
pub fn set_aside() -> Vec<PathBuf> {
    std::mem::take(&mut *SET_ASIDE.lock().unwrap_or_else(|e| e.into_inner()))
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct State {
    version: String,
    options: String,
    /// Project files the build read (data, templates and what they
    /// include), with a hash of their contents; paths as [`encode`] writes
    /// them.
    inputs: BTreeMap<String, String>,
    /// Font files by size and modification time.
    fonts: Vec<(String, u64, u128)>,
    /// Every file brief wrote and that is still its own, with its digest:
    /// what the up-to-date check compares, and all that clean-up may remove.
    pub outputs: BTreeMap<String, String>,
    /// What each document showed of each figure, by document name.
    pub shown: BTreeMap<String, Shown>,
}

/// brief's version and the identity of this very binary (size and mtime), so
/// that a rebuilt brief (a new template library default, a fix in export)
/// rebuilds even before its version number changes.
fn version() -> String {
    let exe = std::env::current_exe().and_then(fs::metadata).ok();
    let stamp = exe.map(|m| {
        let mtime = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        format!("{}:{mtime}", m.len())
    });
    format!(
        "{} {}",
        env!("CARGO_PKG_VERSION"),
        stamp.unwrap_or_default()
    )
}

/// A path as a JSON string, losslessly: a folder name from a Windows zip may
/// not be UTF-8. Bytes that are not UTF-8, and `%`, are written `%XX`.
fn encode(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in path.as_os_str().as_bytes().utf8_chunks() {
        out.push_str(&chunk.valid().replace('%', "%25"));
        for b in chunk.invalid() {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The path [`encode`] wrote.
fn decode(text: &str) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    PathBuf::from(std::ffi::OsString::from_vec(out))
}

fn stamps(fonts: &Stamps) -> Vec<(String, u64, u128)> {
    fonts
        .iter()
        .map(|(p, len, mtime)| (encode(p), *len, *mtime))
        .collect()
}

impl State {
    /// `inputs` are the files the build read with the digests of the bytes
    /// it read (not re-read now: a file edited during the build must make
    /// the next run rebuild); `fonts` were stamped before they were scanned.
    pub fn new(
        key: &str,
        mut inputs: Vec<(PathBuf, String)>,
        fonts: Stamps,
        outputs: BTreeMap<String, String>,
        shown: BTreeMap<String, Shown>,
    ) -> Self {
        inputs.sort();
        inputs.dedup();
        State {
            version: version(),
            options: key.to_string(),
            inputs: inputs.iter().map(|(p, d)| (encode(p), d.clone())).collect(),
            fonts: stamps(&fonts),
            outputs,
            shown,
        }
    }

    /// The project files the build read, relative to the project, with the
    /// digests of what it read.
    pub fn inputs(&self) -> Vec<(PathBuf, String)> {
        self.inputs
            .iter()
            .map(|(p, d)| (decode(p), d.clone()))
            .collect()
    }

    /// The state as the bytes of its file.
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).expect("state serialises")
    }

    /// The state of the last build in `out`; none when there is none (or
    /// it is not readable: then everything is rebuilt).
    ///
    /// A state file that is not a small regular file is set aside
    /// (`super::read_own`); output names that are not plain file names of
    /// the folder make the whole state untrusted: clean-up removes only
    /// what the state names, and must never reach outside the folder.
    pub fn read(out: &Path) -> Option<State> {
        match super::read_own(out, STATE_FILE, 64 * 1024 * 1024) {
            super::Own::Read(bytes) => {
                let state: State = serde_json::from_slice(&bytes).ok()?;
                state
                    .outputs
                    .keys()
                    .all(|n| super::plain_name(n) && !n.starts_with(".brief-"))
                    .then_some(state)
            }
            super::Own::SetAside(bad) => {
                SET_ASIDE
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push(bad);
                None
            }
            super::Own::Absent => None,
        }
    }

    /// Outputs this (earlier) build wrote, among those `owned` claims, that
    /// `written` does not include and that are still as brief wrote them:
    /// what a build with other options left behind. A file changed since
    /// (an annotated page image) is never among them.
    pub fn superseded(
        &self,
        out: &Path,
        written: &[String],
        owned: impl Fn(&str) -> bool,
    ) -> Vec<String> {
        self.outputs
            .iter()
            .filter(|(n, _)| owned(n) && !written.contains(n))
            .filter(|(n, h)| crate::digest::file(&out.join(n)).as_ref() == Some(*h))
            .map(|(n, _)| n.clone())
            .collect()
    }

    /// True when inputs, options, fonts and outputs are all as recorded.
    pub fn is_current(&self, root: &Path, out: &Path, key: &str, fonts: &Stamps) -> bool {
        self.version == version()
            && self.options == key
            && self
                .inputs
                .iter()
                .all(|(p, h)| crate::digest::file(&root.join(decode(p))).as_ref() == Some(h))
            && self.fonts == stamps(fonts)
            && self
                .outputs
                .iter()
                .all(|(n, h)| crate::digest::file(&out.join(n)).as_ref() == Some(h))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_are_not_utf8_survive_the_state_file() {
        use std::os::unix::ffi::OsStrExt;
        for bytes in [
            &b"data/meta.yaml"[..],
            b"proj\xd6\xd0/fonts/a.ttf",
            b"100%/x",
        ] {
            let path = Path::new(std::ffi::OsStr::from_bytes(bytes));
            assert_eq!(decode(&encode(path)), path);
        }
        let state = State::new(
            "k",
            vec![(
                PathBuf::from(std::ffi::OsStr::from_bytes(b"d\xd6/m.yaml")),
                "h".into(),
            )],
            Vec::new(),
            BTreeMap::new(),
            BTreeMap::new(),
        );
        let again: State = serde_json::from_slice(&state.to_bytes()).unwrap();
        assert_eq!(again.inputs(), state.inputs());
    }
}
