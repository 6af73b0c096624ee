//! Where fonts come from: the project's `fonts/` folder first (or, without
//! one, the same faces carried in the brief binary), then `--font-path`
//! folders, typst's embedded fonts, and system fonts on request.

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

/// Where a face was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The project's fonts/ folder.
    Bundled(PathBuf),
    /// The faces carried in the brief binary (no fonts/ folder).
    Builtin(&'static str),
    FontPath(PathBuf),
    /// Typst's own (Latin) fonts.
    Embedded,
    System(PathBuf),
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
}

impl Fonts {
    /// Starts discovery in the background.
    pub fn spawn(project: &Path, options: &FontOptions) -> Self {
        let stamps = stamps(project, options);
        let (project, options) = (project.to_path_buf(), options.clone());
        let handle = std::thread::spawn(move || Found::discover(&project, &options));
        Fonts {
            found: OnceLock::new(),
            pending: Mutex::new(Some(handle)),
            stamps,
        }
    }

    /// Discovers on the calling thread.
    pub fn discover(project: &Path, options: &FontOptions) -> Self {
        let stamps = stamps(project, options);
        Fonts {
            found: OnceLock::from(Found::discover(project, options)),
            pending: Mutex::new(None),
            stamps,
        }
    }

    /// The fonts, once discovered.
    pub fn get(&self) -> &Found {
        self.found.get_or_init(|| {
            let handle = self.pending.lock().expect("font discovery lock").take();
            handle
                .expect("discovery was started")
                .join()
                .expect("font discovery panicked")
        })
    }
}

impl Found {
    fn discover(project: &Path, options: &FontOptions) -> Self {
        let mut fonts = Found {
            store: FontStore::new(),
            origins: Vec::new(),
        };
        if project.join(FONT_DIR).is_dir() {
            fonts.add_scanned(&project.join(FONT_DIR), Origin::Bundled);
        } else {
            for (name, bytes) in BUNDLED.iter().filter(|(n, _)| n.ends_with(".ttf")) {
                let data = typst::foundations::Bytes::new(*bytes);
                for font in typst::text::Font::iter(data) {
                    fonts
                        .origins
                        .push((font.info().clone(), Origin::Builtin(name)));
                    let info = font.info().clone();
                    fonts.store.push((font, info));
                }
            }
        }
        for dir in &options.font_paths {
            fonts.add_scanned(dir, Origin::FontPath);
        }
        for (font, info) in fonts::embedded() {
            fonts.origins.push((info.clone(), Origin::Embedded));
            fonts.store.push((font, info));
        }
        if options.system_fonts {
            fonts.add(sorted(fonts::system().collect()), Origin::System);
        }
        fonts
    }

    fn add_scanned(&mut self, dir: &Path, origin: fn(PathBuf) -> Origin) {
        if dir.is_dir() {
            self.add(sorted(fonts::scan(dir).collect()), origin);
        }
    }

    fn add(&mut self, found: Vec<(FontPath, FontInfo)>, origin: fn(PathBuf) -> Origin) {
        for (path, info) in found {
            self.origins.push((info.clone(), origin(path.path.clone())));
            self.store.push((Mapped(path), info));
        }
    }
}

/// A font file mapped into memory rather than read into a buffer: the CJK
/// faces are 10–15 MB each, and a build touches only part of them.
struct Mapped(FontPath);

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
        let file = std::fs::File::open(&self.0.path).ok()?;
        // SAFETY: the map is read-only; brief's own fonts are not rewritten
        // while it runs (a font file truncated under a running build would
        // end that build, never corrupt an output: outputs are written
        // atomically).
        let map = Arc::new(unsafe { memmap2::Mmap::map(&file) }.ok()?);
        let font = typst::text::Font::new(
            typst::foundations::Bytes::new(FontMap(map.clone())),
            self.0.index,
        )?;
        // Typst identifies a font by a hash of every byte of its file,
        // computed once and cached. Computing it here, then dropping the
        // pages from this process, keeps the 50 MB of CJK faces out of its
        // memory: layout and export fault back in only the tables and glyphs
        // they read (from the page cache, not the disk).
        typst::utils::hash128(&font);
        #[cfg(unix)]
        // SAFETY: the pages of a read-only shared file mapping read the same
        // bytes again after MADV_DONTNEED (the file is not rewritten, see
        // above); nothing is written through this mapping.
        unsafe {
            let _ = map.unchecked_advise(memmap2::UncheckedAdvice::DontNeed);
        }
        Some(font)
    }
}

/// fontdb yields files in directory order; a fixed order keeps font
/// selection, and so the output, the same on every machine.
fn sorted(mut found: Vec<(FontPath, FontInfo)>) -> Vec<(FontPath, FontInfo)> {
    found.sort_by(|a, b| (&a.0.path, a.0.index).cmp(&(&b.0.path, b.0.index)));
    found
}

/// The project's fonts/ and every --font-path folder.
pub fn font_dirs(project: &Path, options: &FontOptions) -> Vec<PathBuf> {
    let mut dirs = vec![project.join(FONT_DIR)];
    dirs.extend(options.font_paths.iter().cloned());
    dirs
}

/// The font files a build depends on, for the up-to-date check: cheap to
/// list without parsing a single font.
pub fn font_files(project: &Path, options: &FontOptions) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = font_dirs(project, options);
    if options.system_fonts {
        // Where fontconfig looks on Linux: an installed or removed font rebuilds.
        dirs.extend(["/usr/share/fonts", "/usr/local/share/fonts"].map(PathBuf::from));
        if let Some(home) = std::env::var_os("HOME").map(PathBuf::from) {
            dirs.extend([home.join(".fonts"), home.join(".local/share/fonts")]);
        }
    }
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if is_font(&path) {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn is_font(path: &Path) -> bool {
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
    font_files(project, options)
        .into_iter()
        .filter_map(|p| {
            let m = std::fs::metadata(&p).ok()?;
            let mtime = m
                .modified()
                .ok()?
                .duration_since(UNIX_EPOCH)
                .ok()?
                .as_nanos();
            Some((p, m.len(), mtime))
        })
        .collect()
}
