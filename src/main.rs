//! brief: YAML data in, a printable briefing and a slide deck out, through
//! the Typst compiler linked into this binary.
//!
//! ARCHITECTURE.md draws the layers; each module imports only from below.

mod args;
mod commands;
mod config;
mod data;
mod digest;
mod error;
mod fonts;
mod i18n;
mod memory;
mod outputs;
mod pptx;
mod render;
mod term;
mod timing;
mod world;

use std::process::ExitCode;

use crate::args::Command;

#[global_allocator]
static ALLOCATOR: memory::Counting = memory::Counting;

fn main() -> ExitCode {
    // A closed pipe (`brief schema | head -1`) ends brief quietly, as it
    // does any Unix tool, instead of panicking on the next write.
    // SAFETY: restoring a signal's default disposition at start-up, before
    // any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    i18n::init(language());
    let cli = args::parse();
    let result = match &cli.command {
        Command::Build(args) => commands::build::run(args),
        Command::Watch(args) => commands::watch::run(args),
        Command::Check(args) => commands::check::run(args),
        Command::Fonts(args) => commands::fonts::run(args),
        Command::Schema(args) => commands::schema::run(args),
        Command::Init(args) => commands::init::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            // Data and template problems were printed in full already.
            term::fatal(&failure.to_string());
            ExitCode::from(failure.exit_code())
        }
    }
}

/// `--lang` must be known before the help is built: read it ahead of clap.
fn language() -> i18n::Lang {
    let mut args = std::env::args().skip(1);
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
