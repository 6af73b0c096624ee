//! The one `World`: what a template sees of the machine.
//!
//! Files come only from the project folder (symlinks that lead out are
//! refused), fonts from [`Fonts`], the date only from the build's timestamp,
//! and the validated data as `sys.inputs`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Datelike, Utc};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::diagnostics::DiagnosticWorld;
use typst_kit::files::{FileLoader, FileStore};

use crate::fonts::Fonts;

pub struct BriefWorld {
    main: FileId,
    inputs: Dict,
    library: LazyHash<Library>,
    fonts: Arc<Fonts>,
    files: FileStore<ProjectFiles>,
    today: Option<DateTime<Utc>>,
}

impl BriefWorld {
    /// `main` is relative to `root`, which must be canonical.
    pub fn new(
        root: &Path,
        main: &Path,
        inputs: Dict,
        fonts: Arc<Fonts>,
        today: Option<DateTime<Utc>>,
    ) -> Result<Self, String> {
        let vpath = VirtualPath::new(main.to_string_lossy())
            .map_err(|e| format!("{}: {e}", main.display()))?;
        Ok(Self {
            main: RootedPath::new(VirtualRoot::Project, vpath).intern(),
            library: LazyHash::new(Library::builder().with_inputs(inputs.clone()).build()),
            inputs,
            fonts,
            files: FileStore::new(ProjectFiles {
                root: root.to_path_buf(),
                overlay: HashMap::new(),
            }),
            today,
        })
    }

    /// Files served from memory instead of the disk, by project-relative
    /// path (the handout reads the deck just compiled as `out/slides.pdf`).
    pub fn with_overlay(mut self, files: HashMap<String, Vec<u8>>) -> Self {
        let overlay = files.into_iter().map(|(k, v)| (k, Bytes::new(v))).collect();
        self.files.loader_mut().overlay = overlay;
        self
    }

    /// Prepares the world of the last build for the next one (watch mode):
    /// every file is read again, but sources that did not change are not
    /// parsed again, and edited ones are reparsed incrementally.
    pub fn renew(mut self, inputs: Dict, files: HashMap<String, Vec<u8>>) -> Self {
        if inputs != self.inputs {
            self.library = LazyHash::new(Library::builder().with_inputs(inputs.clone()).build());
            self.inputs = inputs;
        }
        self.files.reset();
        self.with_overlay(files)
    }

    /// The project files the last compilation read, with digests of the bytes
    /// it read (served from the file store's cache, not read again).
    pub fn dependencies(&mut self) -> Vec<(PathBuf, String)> {
        let (loader, ids) = self.files.dependencies();
        let ids: Vec<FileId> = ids
            .filter(|id| matches!(id.root(), VirtualRoot::Project))
            .filter(|id| !loader.overlay.contains_key(id.vpath().get_without_slash()))
            .collect();
        let mut deps: Vec<(PathBuf, String)> = ids
            .into_iter()
            .filter_map(|id| {
                let bytes = self.files.file(id).ok()?;
                Some((
                    PathBuf::from(id.vpath().get_without_slash()),
                    crate::state::digest(bytes.as_slice()),
                ))
            })
            .collect();
        deps.sort();
        deps
    }
}

impl World for BriefWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.get().store.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.files.source(id)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files.file(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get().store.font(index)
    }

    fn today(&self, offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        // Only the build's fixed timestamp: a document must not change with
        // the day it happens to be built on.
        let now = self.today?;
        let seconds = offset.map_or(0, |d| d.seconds() as i64);
        let t = now + chrono::Duration::seconds(seconds);
        Datetime::from_ymd(t.year(), t.month() as u8, t.day() as u8)
    }
}

impl DiagnosticWorld for BriefWorld {
    fn name(&self, id: FileId) -> String {
        id.vpath().get_without_slash().to_string()
    }
}

/// Reads project files, and only those.
struct ProjectFiles {
    root: PathBuf,
    overlay: HashMap<String, Bytes>,
}

impl FileLoader for ProjectFiles {
    fn load(&self, id: FileId) -> FileResult<Bytes> {
        if !matches!(id.root(), VirtualRoot::Project) {
            return Err(FileError::Other(Some(
                "packages are not available: brief runs offline; copy what you need into templates/".into(),
            )));
        }
        if let Some(bytes) = self.overlay.get(id.vpath().get_without_slash()) {
            return Ok(bytes.clone());
        }
        let path = id.vpath().realize(&self.root)?;
        let real = path
            .canonicalize()
            .map_err(|e| FileError::from_io(e, &path))?;
        if !real.starts_with(&self.root) {
            return Err(FileError::Other(Some(
                format!(
                    "{} leads outside the project (to {}); brief reads only files inside {}",
                    id.vpath().get_with_slash(),
                    real.display(),
                    self.root.display()
                )
                .into(),
            )));
        }
        if real.is_dir() {
            return Err(FileError::IsDirectory);
        }
        std::fs::read(&real)
            .map(Bytes::new)
            .map_err(|e| FileError::from_io(e, &real))
    }
}
