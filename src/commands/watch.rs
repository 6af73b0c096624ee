//! `brief watch`: build, then build again whenever something the last build
//! read changes, until Ctrl-C.
//!
//! What is watched is what the last build read (typst's dependencies, the
//! data files, theme and vocabulary), the data and template folders, and the
//! font folders; typst-kit's watcher polls for what is missing, so a folder
//! deleted and made again (`rm -rf data; cp -r backup data`) is seen when it
//! comes back. Fonts stay loaded and typst's memoization stays warm between
//! builds, so a one-figure change recompiles only what depends on it.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use typst_kit::watcher::Watcher;

use crate::args::WatchArgs;
use crate::error::Failure;
use crate::outputs::commit::APPLYING;
use crate::outputs::state::State;
use crate::{term, tr};

use super::build;
use super::stages::Session;

/// Held while a build runs: Ctrl-C waits for it, then ends the process.
static BUILDING: Mutex<()> = Mutex::new(());

/// How soon a build that found the outputs locked is tried again.
const LOCKED_RETRY: Duration = Duration::from_secs(2);

pub fn run(args: &WatchArgs) -> Result<(), Failure> {
    let mut config = super::settle(&args.build.compile, Some(&args.build))?;
    if let Some(out) = config.output.as_mut() {
        // For speed: renames stay atomic for readers, without fsync.
        out.durable = false;
    }
    let out = config.output.as_ref().expect("a build").dir.clone();
    super::build::create_out_dir(&out)?;
    ctrlc::set_handler(|| {
        // Never in the middle of a build or of putting its outputs in place.
        let _building = BUILDING.lock().unwrap_or_else(|e| e.into_inner());
        let _applying = APPLYING.lock().unwrap_or_else(|e| e.into_inner());
        crate::outputs::commit::abandon();
        term::status(&tr!("status-stopped"));
        std::process::exit(0);
    })
    .map_err(|e| Failure::Other(anyhow::anyhow!("{e}")))?;
    let mut watcher = Watcher::new(None).map_err(|e| Failure::Other(anyhow::anyhow!("{e}")))?;

    // Watching starts before the first build, so that an edit made while it runs is seen.
    watch(&mut watcher, always_watched(&config))?;
    term::status(&tr!(
        "status-watching",
        dir = config.root.display().to_string()
    ));
    let mut session = Session::lasting(&config);
    let debounce = Duration::from_millis(args.debounce);
    loop {
        let before = snapshot(&config);
        let read = {
            let _building = BUILDING.lock().unwrap_or_else(|e| e.into_inner());
            rebuild(&config, &mut session)
        };
        let mut paths: Vec<PathBuf> = read.iter().map(|(p, _)| config.root.join(p)).collect();
        paths.extend(always_watched(&config));
        paths.sort();
        paths.dedup();
        watch(&mut watcher, paths)?;
        // A file changed between its reading and now is not waited for: it is built at once.
        // So is a file made or changed in the folders while the build ran, before the watcher
        // knew of it (`cp -r backup data` still copying when a build read half of it).
        let stale = read.iter().any(|(p, digest)| {
            !digest.is_empty() && crate::digest::file(&config.root.join(p)).as_ref() != Some(digest)
        }) || snapshot(&config) != before;
        if !stale {
            watcher
                .wait()
                .map_err(|e| Failure::Other(anyhow::anyhow!("{e}")))?;
        }
        // Quiet time: one save is often several writes.
        std::thread::sleep(debounce);
        if crate::fonts::stamps(&config.root, &config.fonts) != session.fonts.stamps {
            session.renew_fonts(&config);
        }
    }
}

/// Watches `paths`. An editor's temporary file listed a moment ago may be
/// gone (renamed over the file it saves), or gone and made again as the
/// watcher reaches it: the path the watcher could not find is dropped and
/// the rest watched again. Any other failure is said.
fn watch(watcher: &mut Watcher, mut paths: Vec<PathBuf>) -> Result<(), Failure> {
    loop {
        let Err(e) = watcher.update(paths.clone()) else {
            return Ok(());
        };
        let e = e.to_string();
        // typst-kit names the path it failed on as `{path:?}`; notify says
        // a path vanished as "No path was found", the system as ENOENT.
        let gone = e.contains("No path was found") || e.contains("os error 2");
        match paths.iter().position(|p| e.contains(&format!("{p:?}"))) {
            Some(i) if gone => {
                paths.remove(i);
            }
            _ => return Err(Failure::Other(anyhow::anyhow!("{e}"))),
        }
    }
}

/// The folders and files watched whatever the last build read: what it
/// would read if it had got further.
fn always_watched(config: &crate::config::Config) -> Vec<PathBuf> {
    let root = &config.root;
    let mut paths = vec![
        root.join(crate::data::DATA_DIR),
        root.join(crate::config::TEMPLATES_DIR),
        root.join(crate::data::DATA_DIR)
            .join(crate::data::META_FILE),
        root.join(crate::data::THEME_FILE),
    ];
    for dir in [
        root.join(crate::data::DATA_DIR),
        root.join(crate::config::TEMPLATES_DIR),
    ] {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            paths.extend(entries.flatten().map(|e| e.path()).filter(|p| p.is_file()));
        }
    }
    paths.extend(crate::fonts::font_dirs(root, &config.fonts));
    paths
}

/// What the always-watched folders and files hold: each one's size and
/// time (a folder's time moves when a file is made or removed in it).
fn snapshot(config: &crate::config::Config) -> Vec<(PathBuf, u64, Option<std::time::SystemTime>)> {
    always_watched(config)
        .into_iter()
        .filter_map(|p| {
            let m = std::fs::metadata(&p).ok()?;
            Some((p, m.len(), m.modified().ok()))
        })
        .collect()
}

/// One build; failures are printed and the last good outputs kept. Returns
/// the project files the build read, with the digests of what it read (those
/// of the last good build when this one failed).
fn rebuild(config: &crate::config::Config, session: &mut Session) -> Vec<(PathBuf, String)> {
    loop {
        let start = Instant::now();
        // Each rebuild, as each build, within --timeout: a step that never
        // ends would leave watch silent and the outputs stale.
        let watchdog = super::watchdog(config);
        let result = build::open(config).and_then(|_lock| {
            let out = &config.output.as_ref().expect("a build").dir;
            let previous = State::read(out);
            let built = build::once(config, session, previous.as_ref());
            let read = State::read(out).map(|s| s.inputs()).unwrap_or_default();
            built.map(|b| (b, read))
        });
        drop(watchdog);
        match result {
            Ok((built, read)) => {
                term::status(&tr!(
                    "status-rebuilt",
                    summary = built.summary,
                    ms = format!("{:.0}", start.elapsed().as_secs_f64() * 1000.0)
                ));
                typst::comemo::evict(10);
                return read;
            }
            Err(Failure::Locked(message)) => {
                term::fatal(&format!(
                    "{message}{}",
                    tr!("status-retry", seconds = LOCKED_RETRY.as_secs())
                ));
                std::thread::sleep(LOCKED_RETRY);
            }
            Err(Failure::Timeout(message)) => {
                // The runaway compilation still holds a thread; start afresh.
                // Said as `build` says it, in JSON too (round 25: nothing
                // on standard output).
                let message = format!("{message}{}", tr!("fail-unchanged"));
                if config.diagnostics == crate::config::DiagnosticFormat::Json {
                    term::failure_line("fail-timeout", &message);
                }
                term::fatal(&message);
                std::process::exit(6);
            }
            Err(failure) => {
                term::fatal(&format!("{failure}{}", tr!("status-watching-fix")));
                typst::comemo::evict(10);
                // What the last good build read is still what to watch.
                let out = &config.output.as_ref().expect("a build").dir;
                // (Without digests: the broken file must not count as a change still to build.)
                return State::read(out)
                    .map(|s| {
                        s.inputs()
                            .into_iter()
                            .map(|(p, _)| (p, String::new()))
                            .collect()
                    })
                    .unwrap_or_default();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_gone_between_listing_and_watching_is_dropped_not_fatal() {
        // An editor's temporary file, made and removed again and again as
        // it saves: some update finds it listed, then gone before the
        // watcher reaches it. The rest is watched; watch goes on.
        let dir = tempfile::tempdir().unwrap();
        let kept = dir.path().join("meta.yaml");
        std::fs::write(&kept, "kind: meta\n").unwrap();
        let temp = dir.path().join(".meta.yaml.swp");
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let editor = {
            let (temp, stop) = (temp.clone(), stop.clone());
            std::thread::spawn(move || {
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let _ = std::fs::write(&temp, "x");
                    let _ = std::fs::remove_file(&temp);
                }
            })
        };
        let mut watcher = Watcher::new(None).unwrap();
        let mut failed = None;
        for _ in 0..20_000 {
            let paths = vec![dir.path().to_path_buf(), kept.clone(), temp.clone()];
            if let Err(e) = watch(&mut watcher, paths) {
                failed = Some(e.to_string());
                break;
            }
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        editor.join().unwrap();
        assert_eq!(failed, None);
    }
}
