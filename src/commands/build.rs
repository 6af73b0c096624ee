//! `brief build`: data in, documents out, as one set.

use std::sync::Mutex;

use std::time::Instant;
use typst::diag::Severity;

use crate::args::BuildArgs;
use crate::config::Config;
use crate::error::Failure;
use crate::outputs::commit::{self, Recovery, Staging};
use crate::outputs::lock::{self, LockError, OutputLock};
use crate::outputs::state::{STATE_FILE, State};
use crate::{term, timing, tr};

use super::stages::{self, Session};

/// A change report is a few KiB; one larger than this is not brief's.
const MAX_REPORT: u64 = 1024 * 1024;

pub fn run(args: &BuildArgs) -> Result<(), Failure> {
    let start = Instant::now();
    let config = super::settle(&args.compile, Some(args))?;
    let _watchdog = super::watchdog(&config);
    let out = config.output.as_ref().expect("a build").dir.clone();
    interrupt_cleanly()?;
    let _lock = open(&config)?;
    let previous = State::read(&out);
    for bad in crate::outputs::state::set_aside() {
        term::warning(&tr!(
            "status-set-aside",
            name = STATE_FILE,
            bad = config.show(&bad)
        ));
    }
    let fonts = crate::fonts::stamps(&config.root, &config.fonts);
    if !config.output.as_ref().is_some_and(|o| o.force)
        && previous
            .as_ref()
            .is_some_and(|p| p.is_current(&config.root, &out, &config.key(), &fonts))
    {
        term::status(&tr!(
            "status-up-to-date",
            dir = config.show(&out),
            ms = format!("{:.0}", start.elapsed().as_secs_f64() * 1000.0)
        ));
        return Ok(());
    }
    timing::event("start");
    let mut session = Session::new(&config);
    let built = once(&config, &mut session, previous.as_ref())?;
    for name in &built.written {
        term::status(&tr!("status-wrote", path = config.show(&out.join(name))));
    }
    term::status(&tr!(
        "status-built",
        summary = built.summary,
        seconds = format!("{:.2}", start.elapsed().as_secs_f64())
    ));
    Ok(())
}

/// Creates the output folder; a file or device at its path (`--out report.pdf`,
/// `--out /dev/null`) is named as what it is, not as "it exists already".
pub fn create_out_dir(dir: &std::path::Path) -> Result<(), Failure> {
    std::fs::create_dir_all(dir).map_err(|e| {
        let link = dir
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink());
        let why = if dir.exists() && !dir.is_dir() {
            anyhow::anyhow!(tr!("os-not-a-folder"))
        } else if link && !dir.exists() {
            // A link to nothing, or a loop of links: create_dir says "exists".
            anyhow::anyhow!(tr!("os-link-to-nothing"))
        } else {
            anyhow::Error::new(e)
        };
        Failure::Other(why.context(tr!("io-create-dir", dir = dir.display().to_string())))
    })
}

/// Ctrl-C ends a build as `--timeout` does: never in the middle of putting
/// the outputs in place, and without the files it staged (they stayed
/// until the next run). Once its set went in, the run ends as it would have.
fn interrupt_cleanly() -> Result<(), Failure> {
    let before = commit::sets_written();
    ctrlc::set_handler(move || {
        let _applying = commit::APPLYING.lock().unwrap_or_else(|e| e.into_inner());
        if commit::sets_written() > before {
            return;
        }
        commit::abandon();
        term::fatal(&format!(
            "{}{}",
            tr!("fail-interrupted"),
            tr!("fail-unchanged")
        ));
        std::process::exit(130);
    })
    .map_err(|e| Failure::Other(anyhow::anyhow!("{e}")))
}

/// Creates the output folder, takes its lock, and completes or undoes what
/// a killed run left half done, before anything else.
pub fn open(config: &Config) -> Result<OutputLock, Failure> {
    let out = config.output.as_ref().expect("a build");
    create_out_dir(&out.dir)?;
    crate::timing::doing(crate::timing::Doing::Lock(out.dir.clone()));
    let lock = lock::lock(&out.dir, out.wait).map_err(|e| match e {
        LockError::Busy => Failure::Locked(tr!(
            "fail-locked",
            dir = out.dir.display().to_string(),
            seconds = out.wait.as_secs()
        )),
        LockError::Io(e) => Failure::Other(e),
    })?;
    if let Some(bad) = &lock.set_aside {
        term::warning(&tr!(
            "status-set-aside",
            name = ".brief.lock",
            bad = config.show(bad)
        ));
    }
    match commit::recover(&out.dir) {
        Recovery::Nothing => {}
        Recovery::Completed(kept) => {
            term::status(&tr!("status-recovered"));
            report_kept(config, &kept);
        }
        Recovery::RolledBack(kept) => {
            term::status(&tr!("status-rolled-back"));
            report_kept(config, &kept);
        }
        Recovery::SetAside(bad) => term::warning(&tr!(
            "status-set-aside",
            name = ".brief-journal.json",
            bad = config.show(&bad)
        )),
    }
    Ok(lock)
}

/// Says where each of the user's files at an output's name was kept.
fn report_kept(config: &Config, kept: &[commit::Kept]) {
    let out = config.output.as_ref().expect("a build");
    for k in kept {
        let path = config.show(&out.dir.join(&k.name));
        crate::term::note(
            Severity::Warning,
            "output-kept",
            &path,
            &tr!(
                "output-kept",
                kept = config.show(&out.dir.join(&k.kept)),
                name = k.name.as_str()
            ),
            &[tr!("output-kept-hint")],
            config.diagnostics,
        );
    }
}

/// What one build made.
pub struct Built {
    /// The files written, by name.
    pub written: Vec<String>,
    /// "briefing (12 pages), slides (15 pages)".
    pub summary: String,
}

/// One build, every stage: the caller holds the lock.
pub fn once(
    config: &Config,
    session: &mut Session,
    previous: Option<&State>,
) -> Result<Built, Failure> {
    let out = config.output.as_ref().expect("a build");
    let mut timer = timing::Timer::start();
    let project = stages::load(config)?;
    timer.phase("load and validate data");
    let staging = Mutex::new(Staging::new(&out.dir, out.durable));
    let mut made = stages::compile(config, &project, session, Some(&staging))?;
    if out.handout {
        let handout = stages::handout(config, &project, session, &made, &staging)?;
        made.documents.push(handout);
    }
    timer.phase("compile and export");
    let mut staging = staging.into_inner().unwrap_or_else(|e| e.into_inner());
    let mut record = stages::record(
        config,
        &project,
        &made.documents,
        previous,
        &staging.staged(),
        &session.fonts,
    );
    // No edit is ever lost: the user's files at the names of this build's
    // outputs are found now (for the report) and kept by the commit.
    let recorded = previous.map(|p| p.outputs.clone()).unwrap_or_default();
    let mut kept = staging.keep_edits(&recorded);
    if !record.changes.is_empty() || !kept.is_empty() {
        const REPORT: &str = "changes.md";
        // The last report, while it is as brief wrote it; one the user
        // changed is kept like any other output.
        let path = out.dir.join(REPORT);
        let last = crate::digest::read(&path, MAX_REPORT, crate::digest::Follow::No)
            .ok()
            .filter(|b| recorded.get(REPORT) == Some(&crate::digest::digest(b)))
            .map(|b| String::from_utf8_lossy(&b).to_string());
        let when = staging.kept_at();
        let draft = stages::report(&record.changes, &kept, &when, last.clone(), &project)
            .expect("something to report");
        staging.stage(REPORT, &draft)?;
        kept = staging.keep_edits(&recorded);
        let report = stages::report(&record.changes, &kept, &when, last, &project)
            .expect("something to report");
        staging.stage(REPORT, &report)?;
        // (The same names again, now on the report as it will be written.)
        staging.keep_edits(&recorded);
        record
            .state
            .outputs
            .insert(REPORT.into(), crate::digest::digest(&report));
    }
    staging.stage(STATE_FILE, &record.state.to_bytes())?;
    let written: Vec<String> = staging
        .staged()
        .into_iter()
        .map(|(n, _)| n)
        .filter(|n| n != STATE_FILE)
        .collect();
    // A font file replaced during the build may have given a face that
    // drew nothing: such a build is not committed.
    if crate::fonts::stamps(&config.root, &config.fonts) != session.fonts.stamps {
        return Err(Failure::Template(tr!("fail-fonts-changed")));
    }
    // Outputs of the last build that the user changed and that this one
    // neither writes nor removes: left as they are, and said once (the new
    // state no longer records them).
    let left: Vec<String> = recorded
        .iter()
        .filter(|(n, _)| !written.contains(n) && !record.remove.contains(n))
        .filter(|(n, h)| {
            let path = out.dir.join(n);
            std::fs::symlink_metadata(&path).is_ok()
                && crate::digest::file(&path).as_ref() != Some(*h)
        })
        .map(|(n, _)| n.clone())
        .collect();
    crate::timing::doing(crate::timing::Doing::Write);
    let kept = staging.commit(&record.remove)?;
    // Said once the set is in place: a build that fails reports no change.
    for change in &record.changes {
        term::status(&tr!(
            "status-changed",
            line = crate::outputs::changes::line(change, &project)
        ));
    }
    report_kept(config, &kept);
    for name in &left {
        let path = config.show(&out.dir.join(name));
        crate::term::note(
            Severity::Warning,
            "output-left",
            &path,
            &tr!("output-left", name = name.as_str()),
            &[],
            config.diagnostics,
        );
    }
    for name in &record.remove {
        term::status(&tr!(
            "status-removed",
            path = config.show(&out.dir.join(name))
        ));
    }
    timer.phase("write outputs");
    let summary = stages::summary(&made.documents);
    Ok(Built { written, summary })
}
