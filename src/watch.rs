//! `brief watch`: rebuild whenever data, templates or fonts change.
//!
//! Folders are watched, not files, so that editors that save by writing a
//! new file and renaming it over the old one are seen: data/, templates/ and
//! the font folders (a change there discovers the fonts again). Fonts stay
//! loaded and typst's memoization stays warm between builds, so a one-figure
//! change recompiles only what depends on it.

use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use anyhow::Context;
use notify::{RecursiveMode, Watcher};

use crate::args::WatchArgs;
use crate::build::{self, build_once};
use crate::diag;
use crate::error::Failure;
use crate::fonts::Fonts;
use crate::output;
use crate::pipeline::Settings;
use crate::state::{self, State};

enum Event {
    /// Data or templates changed.
    Changed,
    /// A font folder changed: fonts are discovered again.
    Fonts,
    Stop,
}

pub fn run(args: &WatchArgs) -> Result<(), Failure> {
    let build_args = &args.build;
    let mut settings = Settings::new(&build_args.compile, build_args.output.archival())?;
    settings.sync = output::Durability::Fast;
    let out = output::out_dir(&settings.root, build_args.output.out.as_ref());
    output::ensure_dir(&out)?;
    let key = state::options_key(build_args);
    let mut fonts = Arc::new(Fonts::spawn(&settings.root, &settings.fonts));

    let (tx, rx) = mpsc::channel();
    let stop = tx.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(Event::Stop);
    })
    .context("cannot handle Ctrl-C")?;
    let out_canon = out.canonicalize().unwrap_or(out.clone());
    // The project's fonts/ and every --font-path folder (system fonts are not watched).
    let font_dirs: Vec<_> = crate::fonts::font_dirs(&settings.root, &settings.fonts)
        .into_iter()
        .filter_map(|d| d.canonicalize().ok())
        .collect();
    let in_font_dir = font_dirs.clone();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(event) = res
            && event.paths.iter().any(|p| !p.starts_with(&out_canon))
            && !matches!(event.kind, notify::EventKind::Access(_))
        {
            let fonts = event
                .paths
                .iter()
                .any(|p| in_font_dir.iter().any(|d| p.starts_with(d)));
            let _ = tx.send(if fonts { Event::Fonts } else { Event::Changed });
        }
    })
    .context("cannot watch the project")?;
    let sources = ["data", "templates"].map(|dir| settings.root.join(dir));
    for path in sources.iter().chain(&font_dirs) {
        watcher
            .watch(path, RecursiveMode::Recursive)
            .with_context(|| format!("cannot watch {}", path.display()))?;
    }

    diag::status(&format!(
        "brief: watching {} (Ctrl-C stops)",
        settings.root.display()
    ));
    let mut session = build::Session::lasting();
    loop {
        let locked_out = rebuild(&settings, build_args, &out, &key, &fonts, &mut session);
        // Wait for a change, then for quiet: one save is often several events. A build
        // that found the outputs locked by another brief is tried again without one.
        let next = if locked_out {
            match rx.recv_timeout(LOCKED_RETRY) {
                Err(RecvTimeoutError::Timeout) => Ok(Event::Changed),
                other => other.map_err(|_| mpsc::RecvError),
            }
        } else {
            rx.recv()
        };
        let mut fonts_changed = match next {
            Ok(Event::Changed) => false,
            Ok(Event::Fonts) => true,
            Ok(Event::Stop) | Err(_) => break,
        };
        let quiet = Duration::from_millis(args.debounce);
        loop {
            match rx.recv_timeout(quiet) {
                Ok(Event::Changed) => continue,
                Ok(Event::Fonts) => fonts_changed = true,
                Ok(Event::Stop) => return stopped(),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return stopped(),
            }
        }
        if fonts_changed {
            // A font added, replaced or removed: the worlds' font book is stale.
            fonts = Arc::new(Fonts::spawn(&settings.root, &settings.fonts));
            session = build::Session::lasting();
        }
    }
    stopped()
}

fn stopped() -> Result<(), Failure> {
    diag::status("brief: stopped watching");
    Ok(())
}

/// How soon a build that found the outputs locked is tried again.
const LOCKED_RETRY: Duration = Duration::from_secs(2);

/// One build; failures are printed and the last good outputs kept. Returns
/// true when another brief held the outputs' lock past the wait.
fn rebuild(
    settings: &Settings,
    args: &crate::args::BuildArgs,
    out: &Path,
    key: &str,
    fonts: &Arc<Fonts>,
    session: &mut build::Session,
) -> bool {
    let start = Instant::now();
    let result = build::lock(out, args.output.wait).and_then(|_lock| {
        output::remove_temporaries(out);
        let previous = State::read(out);
        build_once(settings, args, out, previous.as_ref(), key, fonts, session)
    });
    let locked_out = matches!(result, Err(Failure::Locked(_)));
    match result {
        Ok((_, summary)) => diag::status(&format!(
            "brief: rebuilt {summary} in {:.0} ms",
            start.elapsed().as_secs_f64() * 1000.0
        )),
        Err(Failure::Locked(message)) => diag::status(&format!(
            "error: {message}; trying again in {} s",
            LOCKED_RETRY.as_secs()
        )),
        Err(Failure::Timeout(message)) => {
            // The runaway compilation still holds a thread; start afresh.
            diag::status(&format!("error: {message}"));
            std::process::exit(6);
        }
        Err(failure) => diag::status(&format!("error: {failure}; watching for the fix")),
    }
    typst::comemo::evict(10);
    locked_out
}
