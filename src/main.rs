//! brief: YAML data in, a printable briefing and a slide deck out, through
//! the Typst compiler linked into this binary.

mod args;
mod build;
mod check;
mod data;
mod diag;
mod error;
mod fonts;
mod glyphs;
mod output;
mod pipeline;
mod render;
mod state;
mod watch;
mod world;

use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};
use crate::error::Failure;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Build(args) => build::run(args),
        Command::Watch(args) => watch::run(args),
        Command::Check(args) => check::run(args),
        Command::Fonts(args) => fonts::list(args),
        Command::Schema => schema(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            // Data and template errors were printed in full already.
            diag::status(&format!("error: {failure}"));
            ExitCode::from(failure.exit_code())
        }
    }
}

fn schema() -> Result<(), Failure> {
    let json = serde_json::to_string_pretty(&data::schema()).expect("schema serialises");
    println!("{json}");
    Ok(())
}
