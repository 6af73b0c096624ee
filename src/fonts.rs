//! Where fonts come from: the project's bundled CJK fonts first, then
//! `--font-path` folders, typst's embedded fonts, and system fonts on request.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;

use typst::text::FontInfo;
use typst_kit::fonts::{self, FontPath, FontStore};

/// The project folder holding the bundled fonts.
pub const FONT_DIR: &str = "fonts";

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct FontOptions {
    /// Extra folders, searched recursively after the bundled fonts.
    pub font_paths: Vec<PathBuf>,
    /// Also search the operating system's fonts (off by default: outputs
    /// should not change with what a machine happens to have installed).
    pub system_fonts: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Bundled(PathBuf),
    FontPath(PathBuf),
    Embedded,
    System(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Bundled(p) => write!(f, "bundled  {}", p.display()),
            Origin::FontPath(p) => write!(f, "--font-path  {}", p.display()),
            Origin::Embedded => f.write_str("embedded in typst"),
            Origin::System(p) => write!(f, "system  {}", p.display()),
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
    pub stamps: crate::state::FontStamps,
}

pub struct Found {
    pub store: FontStore,
    pub origins: Vec<(FontInfo, Origin)>,
}

impl Fonts {
    /// Starts discovery in the background.
    pub fn spawn(project: &Path, options: &FontOptions) -> Self {
        let stamps = crate::state::font_stamps(project, options);
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
        let stamps = crate::state::font_stamps(project, options);
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
        fonts.add_scanned(&project.join(FONT_DIR), Origin::Bundled);
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

/// `brief fonts`: every family, where it comes from, and (with `variants`)
/// each style and weight.
pub fn list(args: &crate::args::FontsArgs) -> Result<(), crate::error::Failure> {
    use std::collections::BTreeMap;
    use std::io::Write;

    let options = FontOptions {
        font_paths: args.fonts.font_paths.clone(),
        system_fonts: args.fonts.system_fonts,
    };
    let project = &args.project.project;
    if !project.is_dir() {
        return Err(crate::error::Failure::Usage(format!(
            "the project folder {} does not exist",
            project.display()
        )));
    }
    crate::pipeline::check_fonts(project, &options.font_paths, options.system_fonts)?;
    let fonts = Fonts::discover(project, &options);
    let fonts = fonts.get();
    let mut families: BTreeMap<&str, Vec<&(FontInfo, Origin)>> = BTreeMap::new();
    for entry in &fonts.origins {
        families
            .entry(entry.0.family.as_str())
            .or_default()
            .push(entry);
    }
    let mut out = std::io::stdout().lock();
    for (family, faces) in families {
        let _ = writeln!(out, "{family}  [{}]", faces[0].1);
        if args.variants {
            for (info, origin) in faces {
                let v = info.variant;
                let _ = writeln!(
                    out,
                    "  {:?} {} {:?}  [{origin}]",
                    v.style,
                    v.weight.to_number(),
                    v.stretch
                );
            }
        }
    }
    Ok(())
}
