//! `brief check`: everything a build does except writing.

use crate::args::CheckArgs;
use crate::error::Failure;
use crate::{term, tr};

use super::stages::{self, Session};

pub fn run(args: &CheckArgs) -> Result<(), Failure> {
    let config = super::settle(&args.compile, None)?;
    let _watchdog = super::watchdog(&config);
    let project = stages::load(&config)?;
    let mut session = Session::new(&config);
    let made = stages::compile(&config, &project, &mut session, None)?;
    let summary = stages::summary(&made.documents);
    term::status(&tr!("status-checked", summary = summary));
    Ok(())
}
