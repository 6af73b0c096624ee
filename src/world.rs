//! The one `World`: what a template sees of the machine.
//!
//! Files come only from the project folder (symlinks that lead out are
//! refused) or from memory (the validated data, the deck for the handout),
//! fonts from [`Fonts`], the date only from the build's timestamp (typst-kit's
//! range-checked `Time`; without a timestamp there is no date at all).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::datetime::Time;
use typst_kit::diagnostics::DiagnosticWorld;
use typst_kit::files::{FileLoader, FileStore};

use crate::fonts::Fonts;

pub struct BriefWorld {
    main: FileId,
    inputs: Dict,
    library: LazyHash<Library>,
    fonts: Arc<Fonts>,
    files: FileStore<ProjectFiles>,
    time: Option<Time>,
}

impl BriefWorld {
    /// `main` is relative to `root`, which must be canonical; `timestamp`
    /// (UNIX seconds) is the only date templates can see.
    pub fn new(
        root: &Path,
        main: &Path,
        inputs: Dict,
        fonts: Arc<Fonts>,
        timestamp: Option<i64>,
    ) -> Result<Self, String> {
        let vpath = VirtualPath::new(main.to_string_lossy())
            .map_err(|e| format!("{}: {e}", main.display()))?;
        let time = timestamp
            .map(Time::fixed_timestamp)
            .transpose()
            .map_err(|e| e.to_string())?;
        Ok(Self {
            main: RootedPath::new(VirtualRoot::Project, vpath).intern(),
            library: LazyHash::new(Library::builder().with_inputs(inputs.clone()).build()),
            inputs,
            fonts,
            files: FileStore::new(ProjectFiles {
                root: root.to_path_buf(),
                overlay: HashMap::new(),
            }),
            time,
        })
    }

    /// Files served from memory instead of the disk, by project-relative
    /// path (the validated data; the deck just compiled, for the handout).
    pub fn with_overlay(mut self, files: HashMap<String, Bytes>) -> Self {
        self.files.loader_mut().overlay = files;
        self
    }

    /// Prepares the world of the last build for the next one (watch mode):
    /// every file is read again, but sources that did not change are not
    /// parsed again, and edited ones are reparsed incrementally.
    pub fn renew(mut self, inputs: Dict, files: HashMap<String, Bytes>) -> Self {
        if inputs != self.inputs {
            self.library = LazyHash::new(Library::builder().with_inputs(inputs.clone()).build());
            self.inputs = inputs;
        }
        self.files.reset();
        self.with_overlay(files)
    }

    /// The project files the last compilation read, with digests of the bytes
    /// it read (served from the file store's cache, not read again). Files
    /// served from memory are not among them.
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
                    crate::digest::digest(bytes.as_slice()),
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
        self.time.as_ref()?.today(offset)
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
                crate::tr!("world-no-packages").into(),
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
                crate::tr!(
                    "world-outside",
                    file = id.vpath().get_with_slash().to_string(),
                    target = real.display().to_string(),
                    root = self.root.display().to_string()
                )
                .into(),
            )));
        }
        let meta = std::fs::metadata(&real).map_err(|e| FileError::from_io(e, &real))?;
        if meta.is_dir() {
            return Err(FileError::IsDirectory);
        }
        // A FIFO or a device would block or never end.
        if !meta.is_file() {
            return Err(FileError::Other(Some(crate::tr!("data-not-a-file").into())));
        }
        std::fs::read(&real)
            .map(Bytes::new)
            .map_err(|e| FileError::from_io(e, &real))
    }
}
