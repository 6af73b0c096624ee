//! Where fonts come from: the project's `fonts/` folder first, then
//! `--font-path` folders, the faces carried in the brief binary (always, as
//! the fallback), typst's embedded fonts, and system fonts on request.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;
use std::time::UNIX_EPOCH;

use typst::text::FontInfo;
use typst_kit::fonts::{self, FontPath, FontStore};

use crate::config::FontOptions;

/// The project folder holding the bundled fonts.
pub const FONT_DIR: &str = "fonts";

/// The bundled faces, carried in the binary: `brief init` writes them into a
/// new project, and a project without `fonts/` uses them from here.
pub const BUNDLED: [(&str, &[u8]); 6] = [
    (
        "NotoSansSC_400Regular.ttf",
        include_bytes!("../fonts/NotoSansSC_400Regular.ttf"),
    ),
    (
        "NotoSansSC_700Bold.ttf",
        include_bytes!("../fonts/NotoSansSC_700Bold.ttf"),
    ),
    (
        "NotoSerifSC_400Regular.ttf",
        include_bytes!("../fonts/NotoSerifSC_400Regular.ttf"),
    ),
    (
        "NotoSerifSC_700Bold.ttf",
        include_bytes!("../fonts/NotoSerifSC_700Bold.ttf"),
    ),
    (
        "OFL-NotoSansSC.txt",
        include_bytes!("../fonts/OFL-NotoSansSC.txt"),
    ),
    (
        "OFL-NotoSerifSC.txt",
        include_bytes!("../fonts/OFL-NotoSerifSC.txt"),
    ),
];

/// The families of the bundled faces: the sans (headings, figures) and the
/// serif (body), and the fallback where a role names no family.
pub const BUNDLED_SANS: &str = "Noto Sans SC";
pub const BUNDLED_SERIF: &str = "Noto Serif SC";

/// A font file larger than this is not read: the largest CJK collections
/// are about 100 MB; junk named `.ttf` could be anything.
pub const MAX_FONT_BYTES: u64 = 256 * 1024 * 1024;
/// Folders deeper than this under a font folder are not searched.
const MAX_DEPTH: usize = 16;
/// Entries (files and folders) a search reads at most: `--font-path /`
/// must end, and say that it stopped.
const MAX_ENTRIES: usize = 50_000;

/// Where a face was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The project's fonts/ folder.
    Bundled(PathBuf),
    /// The faces carried in the brief binary: always there, after the
    /// project's and `--font-path` faces, so that a broken or partial
    /// fonts/ folder never leaves a role without a face.
    Builtin(&'static str),
    FontPath(PathBuf),
    /// Typst's own (Latin) fonts.
    Embedded,
    System(PathBuf),
}

/// What went wrong with a font file or folder, at its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Larger than [`MAX_FONT_BYTES`].
    TooLarge(PathBuf, u64),
    /// A file with a font's name that no font can be read from.
    NotAFont(PathBuf),
    /// A face that was found but did not load, or draws nothing (a file
    /// truncated or replaced since it was found).
    Broken(PathBuf),
    /// The search of this folder stopped after [`MAX_ENTRIES`] entries.
    TooMany(PathBuf),
    /// A font folder that is there but cannot be opened as one: a link to
    /// a folder that is gone, a file.
    NotAFolder(PathBuf),
}

impl Problem {
    /// The file or folder at fault.
    pub fn path(&self) -> &Path {
        match self {
            Problem::TooLarge(p, _)
            | Problem::NotAFont(p)
            | Problem::Broken(p)
            | Problem::TooMany(p)
            | Problem::NotAFolder(p) => p,
        }
    }

    /// The problem in the user's words: (code, message, hint, whether it is
    /// an error; a search cut short is a warning).
    pub fn describe(&self) -> (&'static str, String, String, bool) {
        use crate::tr;
        let show = |p: &Path| p.display().to_string();
        match self {
            Problem::TooLarge(p, len) => (
                "font-too-large",
                tr!(
                    "font-too-large",
                    path = show(p),
                    mb = len / 1024 / 1024,
                    limit = MAX_FONT_BYTES / 1024 / 1024
                ),
                tr!("font-file-hint"),
                true,
            ),
            Problem::NotAFont(p) => (
                "font-not-a-font",
                tr!("font-not-a-font", path = show(p)),
                tr!("font-file-hint"),
                true,
            ),
            Problem::Broken(p) => (
                "font-broken",
                tr!("font-broken", path = show(p)),
                tr!("font-file-hint"),
                true,
            ),
            Problem::NotAFolder(p) => (
                "font-not-a-folder",
                tr!("font-not-a-folder", path = show(p)),
                tr!("font-not-a-folder-hint"),
                true,
            ),
            Problem::TooMany(p) => (
                "font-too-many",
                tr!("font-too-many", path = show(p), count = MAX_ENTRIES),
                tr!("font-too-many-hint"),
                false,
            ),
        }
    }
}

/// All fonts available to a build. Discovery (scanning the font files and
/// parsing their character coverage) runs on a thread of its own while the
/// data is validated and the templates are evaluated; the first use waits
/// for it. The fonts themselves load lazily, on first use.
pub struct Fonts {
    found: OnceLock<Found>,
    pending: Mutex<Option<JoinHandle<Found>>>,
    /// The font files as they were before the scan, for the build state.
    pub stamps: Stamps,
}

pub struct Found {
    pub store: FontStore,
    pub origins: Vec<(FontInfo, Origin)>,
    /// Problems found while searching and scanning.
    problems: Vec<Problem>,
    /// Faces that failed to load when typst asked for them.
    failed: Arc<Mutex<Vec<PathBuf>>>,
    /// Faces are read into memory, not mapped.
    copied: bool,
}

impl Fonts {
    /// Starts discovery in the background. Faces of a `lasting` process
    /// (watch) are read into memory rather than mapped: a file truncated
    /// while it idles must fail the next build, not end the process.
    pub fn spawn(project: &Path, options: &FontOptions, lasting: bool) -> Self {
        let walk = walk(project, options);
        let stamps = walk.stamps();
        let (project, options) = (project.to_path_buf(), options.clone());
        let handle = std::thread::spawn(move || Found::discover(&project, &options, walk, lasting));
        Fonts {
            found: OnceLock::new(),
            pending: Mutex::new(Some(handle)),
            stamps,
        }
    }

    /// Discovers on the calling thread.
    pub fn discover(project: &Path, options: &FontOptions) -> Self {
        let walk = walk(project, options);
        let stamps = walk.stamps();
        Fonts {
            found: OnceLock::from(Found::discover(project, options, walk, false)),
            pending: Mutex::new(None),
            stamps,
        }
    }

    /// The fonts, once discovered.
    pub fn get(&self) -> &Found {
        self.found.get_or_init(|| {
            let before = crate::timing::now_doing();
            crate::timing::doing(crate::timing::Doing::Fonts);
            let handle = self.pending.lock().expect("font discovery lock").take();
            let found = handle
                .expect("discovery was started")
                .join()
                .expect("font discovery panicked");
            if let Some(before) = before {
                crate::timing::doing(before);
            }
            found
        })
    }
}

impl Found {
    fn discover(project: &Path, options: &FontOptions, walk: Walk, copied: bool) -> Self {
        let mut fonts = Found {
            store: FontStore::new(),
            origins: Vec::new(),
            problems: walk.problems,
            failed: Arc::default(),
            copied,
        };
        let bundled = project.join(FONT_DIR);
        for file in walk.files.into_iter().filter(|f| f.ours) {
            let origin = if file.path.starts_with(&bundled) {
                Origin::Bundled(file.path.clone())
            } else {
                Origin::FontPath(file.path.clone())
            };
            fonts.scan(file.path, origin);
        }
        for (name, bytes) in BUNDLED.iter().filter(|(n, _)| n.ends_with(".ttf")) {
            for (index, info) in FontInfo::iter(bytes).enumerate() {
                fonts.origins.push((info.clone(), Origin::Builtin(name)));
                let index = index as u32;
                fonts.store.push((Builtin { bytes, index }, info));
            }
        }
        for (font, info) in fonts::embedded() {
            fonts.origins.push((info.clone(), Origin::Embedded));
            fonts.store.push((font, info));
        }
        if options.system_fonts {
            let mut system: Vec<_> = fonts::system().collect();
            system.sort_by(|a, b| (&a.0.path, a.0.index).cmp(&(&b.0.path, b.0.index)));
            for (path, info) in system {
                fonts
                    .origins
                    .push((info.clone(), Origin::System(path.path.clone())));
                let mapped = fonts.mapped(path);
                fonts.store.push((mapped, info));
            }
        }
        fonts
    }

    /// Reads the faces of one file; a file no face can be read from is a
    /// problem at its path.
    fn scan(&mut self, path: PathBuf, origin: Origin) {
        let data: Option<Box<dyn AsRef<[u8]>>> = if self.copied {
            read(&path).map(|b| Box::new(b) as _)
        } else {
            map(&path).map(|m| Box::new(m) as _)
        };
        let Some(data) = data else {
            self.problems.push(Problem::NotAFont(path));
            return;
        };
        let map: &[u8] = (*data).as_ref();
        let infos = faces_of(map);
        if infos.is_empty() {
            self.problems.push(Problem::NotAFont(path));
            return;
        }
        // A file cut short may still name its faces: each must draw a
        // character it claims, or it is broken (typst would pass over it in
        // silence, or print empty boxes).
        if infos
            .iter()
            .enumerate()
            .any(|(i, info)| !draws(map, i as u32, info))
        {
            self.problems.push(Problem::Broken(path));
            return;
        }
        for (index, info) in infos.into_iter().enumerate() {
            self.origins.push((info.clone(), origin.clone()));
            let path = FontPath {
                path: path.clone(),
                index: index as u32,
            };
            let mapped = self.mapped(path);
            self.store.push((mapped, info));
        }
    }

    fn mapped(&self, path: FontPath) -> Mapped {
        Mapped {
            path,
            failed: self.failed.clone(),
            copied: self.copied,
        }
    }

    /// Every problem with the font files: found while searching, or when a
    /// face failed to load.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = self.problems.clone();
        let failed = self.failed.lock().unwrap_or_else(|e| e.into_inner());
        out.extend(failed.iter().cloned().map(Problem::Broken));
        out.dedup();
        out
    }
}

/// The most faces brief reads from one collection (real ones hold a few
/// dozen at most).
const MAX_FACES: u32 = 256;

/// The faces of a font file: of a collection, no more than its header has
/// room to point at, nor than `MAX_FACES`. (typst's `FontInfo::iter` tries
/// every face a header claims: a 12-byte file claiming four billion kept a
/// scan busy for twenty seconds.)
fn faces_of(data: &[u8]) -> Vec<FontInfo> {
    let count = match ttf_parser::fonts_in_collection(data) {
        // The header: tag, version, count (12 bytes), then one offset (4 bytes) a face.
        Some(count) => {
            count.min(u32::try_from(data.len().saturating_sub(12) / 4).unwrap_or(u32::MAX))
        }
        None => 1,
    };
    (0..count.min(MAX_FACES))
        .filter_map(|i| FontInfo::new(data, i))
        .collect()
}

/// Whether the face `index` of `data` draws a character its coverage
/// claims (a Han character where it has one).
fn draws(data: &[u8], index: u32, info: &FontInfo) -> bool {
    let probe = ['中', 'A', '0']
        .into_iter()
        .find(|c| info.coverage.contains(*c as u32))
        .or_else(|| {
            info.coverage
                .iter()
                .find_map(char::from_u32)
                .filter(|c| !c.is_whitespace())
        });
    let Some(probe) = probe else {
        return false;
    };
    // Every table the face lists lies inside the file: a file cut short
    // loses its last tables, which ttf-parser would treat as absent.
    let whole = ttf_parser::RawFace::parse(data, index).is_ok_and(|raw| {
        raw.table_records
            .into_iter()
            .all(|t| t.offset as usize + t.length as usize <= data.len())
    });
    whole
        && ttf_parser::Face::parse(data, index).is_ok_and(|ttf| {
            ttf.glyph_index(probe)
                .is_some_and(|g| ttf.glyph_bounding_box(g).is_some())
        })
}

/// A font file mapped into memory rather than read into a buffer: the CJK
/// faces are 10–15 MB each, and a build touches only part of them. A file
/// truncated under a running build would make a read of the map fault
/// (SIGBUS): [`guard_mapped_files`] turns that into a clean failure.
fn map(path: &Path) -> Option<memmap2::Mmap> {
    let file = std::fs::File::open(path).ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    // SAFETY: read-only; see the note on truncation above.
    unsafe { memmap2::Mmap::map(&file) }.ok()
}

/// A face in a font file, loaded on first use.
struct Mapped {
    path: FontPath,
    /// Where a face that no longer loads is recorded.
    failed: Arc<Mutex<Vec<PathBuf>>>,
    /// Read into memory instead (see [`Fonts::spawn`]).
    copied: bool,
}

/// The mapping, shared between typst's `Bytes` and the loader, which releases
/// its pages once typst no longer needs all of them.
struct FontMap(Arc<memmap2::Mmap>);

impl AsRef<[u8]> for FontMap {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl typst_kit::fonts::FontSource for Mapped {
    fn load(&self) -> Option<typst::text::Font> {
        let font = if self.copied {
            read(&self.path.path).and_then(|bytes| {
                typst::text::Font::new(typst::foundations::Bytes::new(bytes), self.path.index)
            })
        } else {
            self.map()
        };
        if font.is_none() {
            let mut failed = self.failed.lock().unwrap_or_else(|e| e.into_inner());
            if !failed.contains(&self.path.path) {
                failed.push(self.path.path.clone());
            }
        }
        font
    }
}

impl Mapped {
    fn map(&self) -> Option<typst::text::Font> {
        map(&self.path.path).and_then(|map| {
            let map = Arc::new(map);
            let font = typst::text::Font::new(
                typst::foundations::Bytes::new(FontMap(map.clone())),
                self.path.index,
            )?;
            // Typst identifies a font by a hash of every byte of its file,
            // computed once and cached. Computing it here, then dropping the
            // pages from this process, keeps the 50 MB of CJK faces out of
            // its memory: layout and export fault back in only the tables
            // and glyphs they read (from the page cache, not the disk).
            typst::utils::hash128(&font);
            #[cfg(unix)]
            // SAFETY: the pages of a read-only shared file mapping read the
            // same bytes again after MADV_DONTNEED; nothing is written
            // through this mapping.
            unsafe {
                let _ = map.unchecked_advise(memmap2::UncheckedAdvice::DontNeed);
            }
            Some(font)
        })
    }
}

/// A font file read whole, if it is still a regular file within the bound.
fn read(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.len() > MAX_FONT_BYTES {
        return None;
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FONT_BYTES).read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// A face carried in the binary, made into a font on first use.
struct Builtin {
    bytes: &'static [u8],
    index: u32,
}

impl typst_kit::fonts::FontSource for Builtin {
    fn load(&self) -> Option<typst::text::Font> {
        typst::text::Font::new(typst::foundations::Bytes::new(self.bytes), self.index)
    }
}

/// Makes a fault on a mapped font file (it was truncated while brief ran)
/// end the process with `message` and exit code 1, instead of a bus error:
/// the outputs are put in place only after every font read, so none changed.
pub fn guard_mapped_files(message: String) {
    static MESSAGE: OnceLock<Vec<u8>> = OnceLock::new();
    if MESSAGE
        .set(crate::i18n::for_terminal(&message).into_owned())
        .is_err()
    {
        return;
    }
    extern "C" fn on_bus_error(_: libc::c_int) {
        // Only async-signal-safe calls: write(2) and _exit(2).
        if let Some(m) = MESSAGE.get() {
            // SAFETY: writing a static buffer to stderr.
            unsafe {
                libc::write(2, m.as_ptr().cast(), m.len());
            }
        }
        // SAFETY: ends the process at once, as the default action would.
        unsafe { libc::_exit(1) }
    }
    // SAFETY: installs a handler that only calls async-signal-safe functions.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_bus_error as extern "C" fn(libc::c_int) as usize;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(libc::SIGBUS, &action, std::ptr::null_mut());
    }
}

/// The project's fonts/ and every --font-path folder.
pub fn font_dirs(project: &Path, options: &FontOptions) -> Vec<PathBuf> {
    let mut dirs = vec![project.join(FONT_DIR)];
    dirs.extend(options.font_paths.iter().cloned());
    dirs
}

/// A font file found by [`walk`], as it was then.
#[derive(Debug, Clone)]
struct FontFile {
    path: PathBuf,
    len: u64,
    mtime: u128,
    /// Under the project's fonts/ or a --font-path folder (not a system one).
    ours: bool,
}

/// The font files under the font folders, and the problems found on the way.
struct Walk {
    files: Vec<FontFile>,
    problems: Vec<Problem>,
}

impl Walk {
    /// The files' stamps, and the problems' paths: a FIFO or a device link
    /// put in fonts/ makes the project out of date, so it is said at once.
    fn stamps(&self) -> Stamps {
        let problems = self.problems.iter().map(|p| match p {
            Problem::TooLarge(path, len) => (path.clone(), *len, u128::MAX),
            Problem::NotAFont(path)
            | Problem::Broken(path)
            | Problem::TooMany(path)
            | Problem::NotAFolder(path) => (path.clone(), u64::MAX, u128::MAX),
        });
        let mut stamps: Stamps = self
            .files
            .iter()
            .map(|f| (f.path.clone(), f.len, f.mtime))
            .chain(problems)
            .collect();
        stamps.sort();
        stamps
    }
}

/// Searches the font folders (and, with system fonts, the usual Linux
/// ones): each folder once, however many links lead to it (a link loop, or
/// `--font-path /` with its links, ends); at most [`MAX_DEPTH`] deep and
/// [`MAX_ENTRIES`] entries a folder given; regular files only (a FIFO would
/// block, a device would not end); sorted, so that font selection and the
/// output are the same on every machine.
fn walk(project: &Path, options: &FontOptions) -> Walk {
    use std::os::unix::fs::MetadataExt;
    let mut roots = font_dirs(project, options);
    if options.system_fonts {
        // Where fontconfig looks on Linux: an installed or removed font rebuilds.
        roots.extend(["/usr/share/fonts", "/usr/local/share/fonts"].map(PathBuf::from));
        if let Some(home) = std::env::var_os("HOME").map(PathBuf::from) {
            roots.extend([home.join(".fonts"), home.join(".local/share/fonts")]);
        }
    }
    let mut walk = Walk {
        files: Vec::new(),
        problems: Vec::new(),
    };
    let mut seen = HashSet::new();
    let ours = font_dirs(project, options);
    for root in roots {
        // Problems in the system's folders are not the project's business.
        let ours = ours.contains(&root);
        let mut stack = vec![(root.clone(), 0)];
        let mut entries = 0;
        'folders: while let Some((dir, depth)) = stack.pop() {
            let meta = std::fs::metadata(&dir);
            // The project's fonts/ that is there (a link, a file) but no
            // folder: its faces would be left out without a word.
            if depth == 0
                && ours
                && !meta.as_ref().is_ok_and(|m| m.is_dir())
                && std::fs::symlink_metadata(&dir).is_ok()
            {
                walk.problems.push(Problem::NotAFolder(dir.clone()));
                continue;
            }
            let Ok(meta) = meta else {
                continue;
            };
            if !meta.is_dir() || !seen.insert((meta.dev(), meta.ino())) {
                continue;
            }
            let Ok(list) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in list.flatten() {
                entries += 1;
                if entries > MAX_ENTRIES {
                    if ours {
                        walk.problems.push(Problem::TooMany(root.clone()));
                    }
                    break 'folders;
                }
                let path = entry.path();
                // Follows links: a link to a face is a face.
                let Ok(meta) = std::fs::metadata(&path) else {
                    continue;
                };
                if meta.is_dir() {
                    if depth < MAX_DEPTH {
                        stack.push((path, depth + 1));
                    }
                } else if is_font(&path) && meta.is_file() {
                    if meta.len() > MAX_FONT_BYTES {
                        if ours {
                            walk.problems.push(Problem::TooLarge(path, meta.len()));
                        }
                        continue;
                    }
                    let mtime = meta
                        .modified()
                        .ok()
                        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                        .map_or(0, |d| d.as_nanos());
                    walk.files.push(FontFile {
                        path,
                        len: meta.len(),
                        mtime,
                        ours,
                    });
                } else if is_font(&path) && ours {
                    // A FIFO, a device or a link to one, with a font's name:
                    // never read (it could block or never end), and said.
                    walk.problems.push(Problem::NotAFont(path));
                }
            }
        }
    }
    walk.files.sort_by(|a, b| a.path.cmp(&b.path));
    walk.files.dedup_by(|a, b| a.path == b.path);
    walk
}

/// A font file, by its name.
pub fn is_font(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(ext.as_str(), "ttf" | "otf" | "ttc" | "otc")
}

/// Font files by size and modification time: hashing 50 MB of fonts would
/// cost more than a whole no-op check.
pub type Stamps = Vec<(PathBuf, u64, u128)>;

/// The stamps of every font file a build depends on.
pub fn stamps(project: &Path, options: &FontOptions) -> Stamps {
    walk(project, options).stamps()
}

#[cfg(test)]
mod bundled_tests {
    use super::*;

    #[test]
    fn the_bundled_families_are_the_faces_brief_carries() {
        let families: std::collections::BTreeSet<String> = BUNDLED
            .iter()
            .flat_map(|(_, bytes)| FontInfo::iter(bytes).map(|i| i.family).collect::<Vec<_>>())
            .collect();
        let named: std::collections::BTreeSet<String> =
            [BUNDLED_SANS, BUNDLED_SERIF].map(str::to_string).into();
        assert_eq!(families, named);
    }
}
