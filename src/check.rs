//! `brief check`: everything a build does except writing.

use std::sync::Arc;

use crate::args::CheckArgs;
use crate::diag;
use crate::error::Failure;
use crate::fonts::Fonts;
use crate::pipeline::{self, Settings};

pub fn run(args: &CheckArgs) -> Result<(), Failure> {
    let settings = Settings::new(&args.compile, false)?;
    let (dataset, files) = pipeline::load_data(&settings)?;
    let fonts = Arc::new(Fonts::spawn(&settings.root, &settings.fonts));
    let inputs = pipeline::inputs(&dataset, settings.timestamp);
    let worlds = pipeline::worlds(&settings, &inputs, &fonts, Vec::new())?;
    let mut summary = Vec::new();
    pipeline::compile(&settings, worlds, |c, document| {
        summary.push(format!(
            "{} ({} pages)",
            c.doc.name(),
            document.pages().len()
        ));
        Ok(())
    })?;
    summary.sort();
    pipeline::check_glyphs(&settings, &dataset, &files, &fonts)?;
    diag::status(&format!(
        "brief: data and templates are fine: {}",
        summary.join(", ")
    ));
    Ok(())
}
