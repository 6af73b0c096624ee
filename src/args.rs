//! Every command-line definition, in one place.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(name = "brief", version, about = "Turns the YAML data in data/ into a briefing PDF and a slide deck", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validates the data and writes out/briefing.pdf and out/slides.pdf
    Build(BuildArgs),
    /// Rebuilds whenever the data or the templates change
    Watch(WatchArgs),
    /// Validates the data and compiles the templates without writing anything
    Check(CheckArgs),
    /// Lists the fonts available to the templates and where they come from
    Fonts(FontsArgs),
    /// Prints the JSON Schema of the data files
    Schema,
}

#[derive(Debug, Clone, Args)]
pub struct ProjectArgs {
    /// The project folder, holding data/, templates/ and fonts/
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub project: PathBuf,
}

#[derive(Debug, Clone, Args)]
pub struct FontArgs {
    /// Another folder to search for fonts (repeatable)
    #[arg(long = "font-path", value_name = "DIR")]
    pub font_paths: Vec<PathBuf>,
    /// Also use the fonts installed on this system (outputs may then differ between machines)
    #[arg(long)]
    pub system_fonts: bool,
}

#[derive(Debug, Clone, Args)]
pub struct CompileArgs {
    #[command(flatten)]
    pub project: ProjectArgs,
    #[command(flatten)]
    pub fonts: FontArgs,
    /// Build only one of the documents
    #[arg(long, value_enum)]
    pub only: Option<Doc>,
    /// The creation time, as UNIX seconds: PDF metadata and, when meta.yaml has no date, the date shown
    #[arg(long, value_name = "UNIX_SECONDS", env = "SOURCE_DATE_EPOCH")]
    pub creation_timestamp: Option<i64>,
    /// Treat warnings (characters no font can draw, overflowing slides) as errors
    #[arg(long)]
    pub strict: bool,
    /// Stop a compilation that runs longer than this, with an error
    #[arg(long, value_name = "SECONDS", default_value_t = 120, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub timeout: u64,
    /// How to print errors and warnings
    #[arg(long, value_enum, default_value_t = DiagnosticFormat::Human)]
    pub diagnostic_format: DiagnosticFormat,
}

#[derive(Debug, Clone, Args)]
pub struct OutputArgs {
    /// Where the outputs go (default: out/ in the project)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Output format: pdf, or one image per page (png, svg)
    #[arg(long, value_enum, default_value_t = Format::Pdf)]
    pub format: Format,
    /// Resolution of PNG images, in pixels per inch (24 to 2400)
    #[arg(long, default_value_t = 144.0, value_parser = parse_ppi)]
    pub ppi: f32,
    /// PDF standard to conform to, e.g. a-2b for archiving (repeatable)
    #[arg(long = "pdf-standard", value_enum, value_delimiter = ',')]
    pub pdf_standards: Vec<PdfStandard>,
    /// Also write out/handout.pdf: the slides on A4 beside their speaker notes
    #[arg(long)]
    pub handout: bool,
    /// Rebuild even when the outputs are up to date
    #[arg(long)]
    pub force: bool,
    /// When another brief is writing the same outputs, wait this long for it before giving up
    #[arg(long, value_name = "SECONDS", default_value_t = 0, value_parser = clap::value_parser!(u64).range(0..=86_400))]
    pub wait: u64,
}

/// Pixels per inch. Below 24, the charts' hatching (a 3 pt tiling) is
/// smaller than a pixel, which typst's renderer cannot draw (it panics); above
/// 2400, a page is a gigapixel image.
fn parse_ppi(s: &str) -> Result<f32, String> {
    let ppi: f32 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    if (MIN_PPI..=2400.0).contains(&ppi) {
        Ok(ppi)
    } else {
        Err(format!(
            "{ppi} is out of range: from {MIN_PPI} to 2400 pixels per inch"
        ))
    }
}

const MIN_PPI: f32 = 24.0;

impl OutputArgs {
    /// A PDF/A build: a character without a glyph is an error, and a date is needed.
    pub fn archival(&self) -> bool {
        self.pdf_standards.iter().any(|s| s.is_archival())
    }
}

#[derive(Debug, Clone, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub compile: CompileArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub build: BuildArgs,
    /// Quiet time after a change before rebuilding, in milliseconds
    #[arg(long, value_name = "MS", default_value_t = 100)]
    pub debounce: u64,
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub compile: CompileArgs,
}

#[derive(Debug, Clone, Args)]
pub struct FontsArgs {
    #[command(flatten)]
    pub project: ProjectArgs,
    #[command(flatten)]
    pub fonts: FontArgs,
    /// Show every style and weight of each family
    #[arg(long)]
    pub variants: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ValueEnum)]
pub enum Doc {
    Briefing,
    Slides,
    /// Made from the slides' PDF; never chosen with --only.
    #[value(skip)]
    Handout,
}

impl Doc {
    pub const ALL: [Doc; 2] = [Doc::Briefing, Doc::Slides];

    pub fn name(self) -> &'static str {
        match self {
            Doc::Briefing => "briefing",
            Doc::Slides => "slides",
            Doc::Handout => "handout",
        }
    }
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

    pub fn is_archival(self) -> bool {
        !matches!(
            self,
            Self::V1_4 | Self::V1_5 | Self::V1_6 | Self::V1_7 | Self::V2_0 | Self::Ua1
        )
    }
}
