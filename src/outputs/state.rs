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

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct State {
    version: String,
    options: String,
    /// Project files the build read (data, templates and what they
    /// include), with a hash of their contents.
    inputs: BTreeMap<PathBuf, String>,
    /// Font files by size and modification time.
    fonts: Stamps,
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
            inputs: inputs.into_iter().collect(),
            fonts,
            outputs,
            shown,
        }
    }

    /// The project files the build read, relative to the project, with the
    /// digests of what it read.
    pub fn inputs(&self) -> Vec<(PathBuf, String)> {
        self.inputs
            .iter()
            .map(|(p, d)| (p.clone(), d.clone()))
            .collect()
    }

    /// The state as the bytes of its file.
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).expect("state serialises")
    }

    /// The state of the last build in `out`; none when there is none (or
    /// it is not readable: then everything is rebuilt).
    pub fn read(out: &Path) -> Option<State> {
        let path = out.join(STATE_FILE);
        // Never read what is not a small regular file.
        let meta = fs::metadata(&path).ok()?;
        if !meta.is_file() || meta.len() > 64 * 1024 * 1024 {
            return None;
        }
        serde_json::from_slice(&fs::read(path).ok()?).ok()
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
                .all(|(p, h)| crate::digest::file(&root.join(p)).as_ref() == Some(h))
            && &self.fonts == fonts
            && self
                .outputs
                .iter()
                .all(|(n, h)| crate::digest::file(&out.join(n)).as_ref() == Some(h))
    }
}
