//! brief: YAML data in, a printable briefing and a slide deck out, through
//! the Typst compiler linked into this binary.
//!
//! ARCHITECTURE.md draws the layers; each module imports only from below.
//! `main.rs` is a thin shell around [`run`]; the library lets tests reach the
//! data layer in process instead of spawning the binary for every case.

pub mod args;
pub mod chart;
pub mod commands;
pub mod config;
pub mod data;
pub mod digest;
pub mod docx;
pub mod error;
pub mod fonts;
pub mod i18n;
pub mod memory;
pub mod outputs;
pub mod pptx;
pub mod render;
pub mod term;
pub mod timing;
pub mod world;

use std::ffi::OsString;

use crate::args::Command;
use crate::error::Failure;

/// Runs brief with the arguments of the process: the language first (the
/// help is built in it), then the command.
pub fn run() -> Result<(), Failure> {
    i18n::init(language(std::env::args_os().skip(1)));
    fonts::guard_mapped_files(format!("{}\n", tr!("fail-font-fault")));
    let cli = args::parse();
    let result = match &cli.command {
        Command::Build(args) => commands::build::run(args),
        Command::Watch(args) => commands::watch::run(args),
        Command::Check(args) => commands::check::run(args),
        Command::Fonts(args) => commands::fonts::run(args),
        Command::Schema(args) => commands::schema::run(args),
        Command::Init(args) => commands::init::run(args),
    };
    // A tool reading JSON lines learns why the run ended, also when the
    // cause is no data or template problem (a bad `--out`, a held lock).
    if let Err(failure) = &result {
        term::failure(failure, cli.command.diagnostic_format());
    }
    result
}

/// `--lang` must be known before the help is built: read it ahead of clap.
/// Arguments that are not UTF-8 (a GBK folder name) are passed over here;
/// clap reads them as paths.
fn language(args: impl Iterator<Item = OsString>) -> i18n::Lang {
    let mut args = args.map(|a| a.into_string().unwrap_or_default());
    while let Some(arg) = args.next() {
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.next(),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        if let Some(lang) = value.as_deref().and_then(i18n::Lang::parse) {
            return lang;
        }
    }
    i18n::Lang::from_env()
}
