//! The settled options of a run: what the command line asked for, checked
//! once, before any work (`commands::settle` builds it). Later code reads
//! these fields and never looks at flags again.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use clap::ValueEnum;

/// The templates brief carries, by name: what `brief init` writes, and what
/// a project without a `templates/` folder of its own is built with.
pub const TEMPLATES: [(&str, &str); 12] = [
    ("briefing.typ", include_str!("../templates/briefing.typ")),
    ("slides.typ", include_str!("../templates/slides.typ")),
    ("handout.typ", include_str!("../templates/handout.typ")),
    ("lib.typ", include_str!("../templates/lib.typ")),
    ("config.typ", include_str!("../templates/config.typ")),
    ("format.typ", include_str!("../templates/format.typ")),
    (
        "paragraphs.typ",
        include_str!("../templates/paragraphs.typ"),
    ),
    (
        "components.typ",
        include_str!("../templates/components.typ"),
    ),
    ("charts.typ", include_str!("../templates/charts.typ")),
    ("theme.yaml", include_str!("../templates/theme.yaml")),
    ("presets.yaml", include_str!("../templates/presets.yaml")),
    (
        "vocabulary.yaml",
        include_str!("../templates/vocabulary.yaml"),
    ),
];

/// The revision of the templates brief carries. `brief init --templates`
/// stamps it into the copies; a project whose copies are older is told.
pub const TEMPLATES_REVISION: u32 = 5;

/// The first line of a copied template.
pub fn template_stamp() -> String {
    format!("// brief templates {TEMPLATES_REVISION}: copied by `brief init --templates`\n")
}

/// The revision a project's template was copied at (0: before stamps).
pub fn template_revision(text: &str) -> u32 {
    text.lines()
        .next()
        .and_then(|l| l.strip_prefix("// brief templates "))
        .and_then(|r| r.split(':').next())
        .and_then(|r| r.trim().parse().ok())
        .unwrap_or(0)
}

/// A document brief makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Doc {
    Briefing,
    Slides,
    /// The deck on A4 beside its notes, made from the slides' PDF.
    Handout,
}

impl Doc {
    pub fn name(self) -> &'static str {
        match self {
            Doc::Briefing => "briefing",
            Doc::Slides => "slides",
            Doc::Handout => "handout",
        }
    }

    /// The template, relative to the project.
    pub fn template(self) -> PathBuf {
        PathBuf::from(TEMPLATES_DIR).join(format!("{}.typ", self.name()))
    }
}

/// The project's own templates, when it has them.
pub const TEMPLATES_DIR: &str = "templates";

/// Whether the project has templates of its own: a `templates` entry of any
/// kind. One that cannot be read (a link to a folder that is gone) is the
/// project's all the same, and its templates are then missing: never
/// brief's built-in ones put in their place without a word.
pub fn own_templates(root: &Path) -> bool {
    std::fs::symlink_metadata(root.join(TEMPLATES_DIR)).is_ok()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ValueEnum)]
pub enum Format {
    Pdf,
    Png,
    Svg,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Png => "png",
            Format::Svg => "svg",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagnosticFormat {
    Human,
    Short,
    Json,
}

/// The standards typst-pdf can enforce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ValueEnum)]
pub enum PdfStandard {
    #[value(name = "1.4")]
    V1_4,
    #[value(name = "1.5")]
    V1_5,
    #[value(name = "1.6")]
    V1_6,
    #[value(name = "1.7")]
    V1_7,
    #[value(name = "2.0")]
    V2_0,
    #[value(name = "a-1b")]
    A1b,
    #[value(name = "a-1a")]
    A1a,
    #[value(name = "a-2b")]
    A2b,
    #[value(name = "a-2u")]
    A2u,
    #[value(name = "a-2a")]
    A2a,
    #[value(name = "a-3b")]
    A3b,
    #[value(name = "a-3u")]
    A3u,
    #[value(name = "a-3a")]
    A3a,
    #[value(name = "a-4")]
    A4,
    #[value(name = "a-4f")]
    A4f,
    #[value(name = "a-4e")]
    A4e,
    #[value(name = "ua-1")]
    Ua1,
}

impl PdfStandard {
    pub fn to_typst(self) -> typst_pdf::PdfStandard {
        use typst_pdf::PdfStandard as S;
        match self {
            Self::V1_4 => S::V_1_4,
            Self::V1_5 => S::V_1_5,
            Self::V1_6 => S::V_1_6,
            Self::V1_7 => S::V_1_7,
            Self::V2_0 => S::V_2_0,
            Self::A1b => S::A_1b,
            Self::A1a => S::A_1a,
            Self::A2b => S::A_2b,
            Self::A2u => S::A_2u,
            Self::A2a => S::A_2a,
            Self::A3b => S::A_3b,
            Self::A3u => S::A_3u,
            Self::A3a => S::A_3a,
            Self::A4 => S::A_4,
            Self::A4f => S::A_4f,
            Self::A4e => S::A_4e,
            Self::Ua1 => S::Ua_1,
        }
    }

    /// PDF/A: a character without a glyph is an error, and a date is needed.
    pub fn is_archival(self) -> bool {
        !matches!(
            self,
            Self::V1_4 | Self::V1_5 | Self::V1_6 | Self::V1_7 | Self::V2_0 | Self::Ua1
        )
    }
}

/// Where fonts come from besides the bundled ones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct FontOptions {
    /// Extra folders, searched recursively after the bundled fonts.
    pub font_paths: Vec<PathBuf>,
    /// Also search the operating system's fonts (off by default: outputs
    /// should not change with what a machine happens to have installed).
    pub system_fonts: bool,
}

/// The faces a .pptx names for the bundled ones, for machines without them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct FaceMap {
    /// (bundled family, family the .pptx names instead).
    pub pairs: Vec<(String, String)>,
}

impl FaceMap {
    pub fn get<'a>(&'a self, family: &'a str) -> &'a str {
        self.pairs
            .iter()
            .find(|(from, _)| from == family)
            .map_or(family, |(_, to)| to)
    }
}

/// The faces a .docx names: the bundled ones (embedded), the office's of
/// a 公文 by role (`office`), or others for some families.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct DocxFaces {
    /// 方正小标宋简体, 黑体, 楷体_GB2312, 仿宋_GB2312 by role.
    pub office: bool,
    /// (bundled family, family the .docx names instead).
    pub pairs: Vec<(String, String)>,
}

/// What to compile and how.
#[derive(Debug, Clone)]
pub struct Config {
    /// The project folder, canonical.
    pub root: PathBuf,
    /// The documents to compile (the handout follows the slides).
    pub docs: Vec<Doc>,
    pub fonts: FontOptions,
    /// The creation time: PDF metadata and the date shown without `meta.date`.
    pub timestamp: Option<DateTime<Utc>>,
    pub strict: bool,
    /// Values still to fill in are shown marked and every page says 草稿.
    pub draft: bool,
    pub timeout: Duration,
    pub diagnostics: DiagnosticFormat,
    /// Set for builds; `check` writes nothing.
    pub output: Option<OutputConfig>,
}

/// What a build writes.
#[derive(Debug, Clone)]
pub struct OutputConfig {
    pub dir: PathBuf,
    pub format: Format,
    pub ppi: f32,
    pub standards: Vec<PdfStandard>,
    pub handout: bool,
    pub pptx: bool,
    pub faces: FaceMap,
    /// Also write the briefing as a .docx, with these faces.
    pub docx: bool,
    pub docx_faces: DocxFaces,
    pub force: bool,
    pub wait: Duration,
    /// fsync outputs (off in watch mode, where speed matters more).
    pub durable: bool,
}

impl Config {
    /// A PDF/A build: characters without a glyph are errors.
    pub fn archival(&self) -> bool {
        self.output
            .as_ref()
            .is_some_and(|o| o.standards.iter().any(|s| s.is_archival()))
    }

    /// Warnings of brief's own checks become errors.
    pub fn strict_glyphs(&self) -> bool {
        self.strict || self.archival()
    }

    /// A path as the user knows it, for messages.
    pub fn show(&self, path: &std::path::Path) -> String {
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .display()
            .to_string()
    }

    /// Everything in the options that changes the outputs, for the state.
    pub fn key(&self) -> String {
        let o = self.output.as_ref();
        format!(
            "docs={:?} own_templates={} theme={} ts={:?} strict={} draft={} fonts={:?} system={} format={:?} ppi={:?} pdf={:?} handout={:?} pptx={:?} faces={:?} docx={:?} docx_faces={:?}",
            self.docs,
            // Files that are not there are not among the recorded inputs:
            // brief's own templates, and a theme file not written yet.
            own_templates(&self.root),
            self.root.join(crate::data::THEME_FILE).exists(),
            self.timestamp.map(|t| t.timestamp()),
            self.strict,
            self.draft,
            self.fonts.font_paths,
            self.fonts.system_fonts,
            o.map(|o| o.format),
            o.map(|o| o.ppi),
            o.map(|o| &o.standards),
            o.map(|o| o.handout),
            o.map(|o| o.pptx),
            o.map(|o| &o.faces.pairs),
            o.map(|o| o.docx),
            o.map(|o| &o.docx_faces),
        )
    }
}
