//! Outputs change as one set: a build either replaces (and removes) every
//! file it means to, or none of them, and a run killed at any instant leaves
//! a folder the next run completes before doing anything else.
//!
//! How: every new file is written to a temporary file in the output folder
//! first (`stage`). `commit` then keeps the current version of every file it
//! will replace or remove as a hard link (`.brief-old-NAME.tmp`: this also
//! proves, before anything changed, that each can be replaced; an immutable
//! file cannot be linked), writes an intent journal (`.brief-journal.json`,
//! itself renamed into place), and only then renames the new files into
//! place and removes the old ones. A failure rolls the applied steps back
//! from the links; a kill leaves the journal, and [`recover`] rolls it
//! forward (every new file was complete before the journal was written).
//!
//! No edit is ever lost: a file at an output's name that is not as brief
//! wrote it (changed by the user since, or never written by brief) is kept
//! under a dated name beside it (`slides.edited-20261204-1803.pptx`) by the
//! same step that puts the new file in place: the step first links the
//! user's file to that name, then renames the new file over the output's
//! name. The kept file is the user's: the state does not record it and
//! clean-up never removes it.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result, anyhow};
use serde::{Deserialize, Serialize};

use crate::tr;

const JOURNAL: &str = ".brief-journal.json";

/// Held while a set is journaled and applied: a watchdog that ends the
/// process (timeout, Ctrl-C) takes it first, so that it never cuts a commit
/// in two.
pub static APPLYING: Mutex<()> = Mutex::new(());

/// How many sets this process has put in place: a watchdog that takes
/// `APPLYING` after its run's set went in must not say that no output
/// changed (round 25: a commit past `--timeout` was said "stopped; no output
/// was changed", exit 6, with every new output in place).
static WRITTEN: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The count of sets this process has put in place.
pub fn sets_written() -> u64 {
    WRITTEN.load(std::sync::atomic::Ordering::SeqCst)
}

/// Removes what this run staged and never put in place, for a run that
/// ends early; called holding `APPLYING`, so that no commit is under way. A
/// journal left means a set was decided: the next run completes it, and
/// its temporaries stay for that.
pub fn abandon() {
    // Only under this process's lock: between watch's rebuilds another
    // brief may be staging its own set there.
    if let Some(dir) = super::lock::held()
        && fs::symlink_metadata(dir.join(JOURNAL)).is_err()
    {
        remove_temporaries(&dir);
    }
}

/// New files written to temporaries in the output folder, not yet in place.
pub struct Staging {
    dir: PathBuf,
    durable: bool,
    files: Vec<Staged>,
    /// What the last build wrote, with digests: a file at an output's name
    /// that is not among these is the user's.
    recorded: BTreeMap<String, String>,
    /// When the user's files were first looked for: the date and time in
    /// the names of kept files (`20261204-1803`), the same for every call.
    when: Option<chrono::DateTime<chrono::Local>>,
}

struct Staged {
    name: String,
    tmp: tempfile::TempPath,
    digest: String,
    /// Where the user's file at `name` is kept, when there is one.
    kept: Option<String>,
}

/// A file that was at an output's name and was not as brief wrote it,
/// kept under another name before the new output took its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    /// The output's name: `slides.pptx`.
    pub name: String,
    /// Where the user's file is now: `slides.edited-20261204-1803.pptx`.
    pub kept: String,
}

/// One step of a commit, as the journal records it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Step {
    /// The output's name in the folder.
    name: String,
    /// The new file's temporary name; none for a removal.
    new: Option<String>,
    /// The link keeping the current version; none when there was none.
    old: Option<String>,
    /// The digest of the new file.
    digest: Option<String>,
    /// The name the user's file at `name` is kept under before the new
    /// file replaces it; none when the file there is brief's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kept: Option<String>,
    /// The size and modification time of the current version when it was
    /// linked: an editor that saves in place (into the linked file) changes
    /// them, before the kill of a run or after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    seen: Option<Seen>,
}

/// A file's size and modification time.
type Seen = (u64, i64, i64);

fn seen(path: &Path) -> Option<Seen> {
    use std::os::unix::fs::MetadataExt;
    fs::symlink_metadata(path)
        .ok()
        .map(|m| (m.len(), m.mtime(), m.mtime_nsec()))
}

#[derive(Debug, Serialize, Deserialize)]
struct Journal {
    steps: Vec<Step>,
}

impl Staging {
    /// `durable`: fsync every file and the folder (off in watch mode).
    pub fn new(dir: &Path, durable: bool) -> Self {
        Staging {
            dir: dir.to_path_buf(),
            durable,
            files: Vec::new(),
            recorded: BTreeMap::new(),
            when: None,
        }
    }

    /// Finds the files at the staged names that are the user's (not as the
    /// last build `recorded` them, nor already the new bytes) and chooses
    /// the names they will be kept under, for the reports. [`commit`] looks
    /// again when it links them: a file changed since is kept all the same.
    /// Without this call, every file brief did not just write is the user's.
    ///
    /// [`commit`]: Staging::commit
    pub fn keep_edits(&mut self, recorded: &BTreeMap<String, String>) -> Vec<Kept> {
        self.recorded = recorded.clone();
        let stamp = self.stamp();
        let mut kept = Vec::new();
        let mut taken: Vec<String> = Vec::new();
        for f in &mut self.files {
            f.kept = None;
            let target = self.dir.join(&f.name);
            if fs::symlink_metadata(&target).is_ok()
                && is_users(&target, &f.name, &f.digest, &self.recorded)
            {
                let name = kept_name(&self.dir, &f.name, &stamp, &taken);
                taken.push(name.clone());
                f.kept = Some(name.clone());
                kept.push(Kept {
                    name: f.name.clone(),
                    kept: name,
                });
            }
        }
        kept
    }

    /// Writes `bytes` to a temporary file that will become `name`.
    pub fn stage(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        let mut tmp = tempfile::Builder::new()
            .prefix(&format!(".brief-new-{name}."))
            .suffix(".tmp")
            // Outputs are for everyone to read (the umask still applies).
            .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644))
            .tempfile_in(&self.dir)
            .with_context(|| tr!("io-temporary", dir = self.dir.display().to_string()))?;
        tmp.write_all(bytes)
            .and_then(|()| {
                if self.durable {
                    tmp.as_file().sync_all()
                } else {
                    Ok(())
                }
            })
            .with_context(|| tr!("io-write", path = self.dir.join(name).display().to_string()))?;
        self.files.retain(|f| f.name != name);
        self.files.push(Staged {
            name: name.to_string(),
            tmp: tmp.into_temp_path(),
            digest: crate::digest::digest(bytes),
            kept: None,
        });
        Ok(())
    }

    /// When the user's files are kept, as the change report says it:
    /// `2026-12-04 18:03`.
    pub fn kept_at(&mut self) -> String {
        self.now().format("%Y-%m-%d %H:%M").to_string()
    }

    fn now(&mut self) -> chrono::DateTime<chrono::Local> {
        *self.when.get_or_insert_with(chrono::Local::now)
    }

    /// The date and time in the names of kept files: `20261204-1803`.
    fn stamp(&mut self) -> String {
        self.now().format("%Y%m%d-%H%M").to_string()
    }

    /// The names staged so far, with the digests of their contents.
    pub fn staged(&self) -> Vec<(String, String)> {
        self.files
            .iter()
            .map(|f| (f.name.clone(), f.digest.clone()))
            .collect()
    }

    /// Puts every staged file in place and removes `remove`, as one set;
    /// the user's files at the staged names are kept beside them. Returns
    /// those kept.
    pub fn commit(mut self, remove: &[String]) -> Result<Vec<Kept>> {
        let stamp = self.stamp();
        let dir = self.dir.clone();
        // Nothing may change before every step is known to be possible.
        for f in &self.files {
            let target = dir.join(&f.name);
            if target.is_dir() {
                return Err(anyhow!(tr!(
                    "io-is-folder",
                    path = target.display().to_string()
                )));
            }
        }
        let mut steps = Vec::new();
        let mut links = Vec::new();
        let mut kept = Vec::new();
        let mut taken: Vec<String> = self.files.iter().filter_map(|f| f.kept.clone()).collect();
        let cleanup = |links: &[PathBuf]| {
            for l in links {
                let _ = fs::remove_file(l);
            }
        };
        let planned: Vec<(String, Option<&Staged>)> = self
            .files
            .iter()
            .map(|f| (f.name.clone(), Some(f)))
            .chain(remove.iter().map(|n| (n.clone(), None)))
            .collect();
        for (name, staged) in planned {
            let target = dir.join(&name);
            let old = if fs::symlink_metadata(&target).is_ok() {
                let link = match old_link(&dir, &name, &target) {
                    Ok(link) => link,
                    Err(e) => {
                        cleanup(&links);
                        return Err(anyhow::Error::new(e)
                            .context(tr!("io-replace", path = target.display().to_string())));
                    }
                };
                links.push(link.clone());
                Some(link)
            } else {
                None
            };
            // Looked at through the link: the very file the step keeps or replaces.
            let keep = match (staged, &old) {
                (Some(s), Some(link)) if !name.starts_with(".brief-") => match &s.kept {
                    Some(k) => Some(k.clone()),
                    None if is_users(link, &name, &s.digest, &self.recorded) => {
                        let k = kept_name(&dir, &name, &stamp, &taken);
                        taken.push(k.clone());
                        Some(k)
                    }
                    None => None,
                },
                _ => None,
            };
            if let Some(k) = &keep {
                kept.push(Kept {
                    name: name.clone(),
                    kept: k.clone(),
                });
            }
            steps.push(Step {
                name,
                new: staged.map(|s| file_name(&s.tmp)),
                old: old.as_deref().map(file_name),
                digest: staged.map(|s| s.digest.clone()),
                kept: keep,
                seen: old.as_deref().and_then(seen),
            });
        }
        let journal = Journal { steps };
        // From the journal on, a set is decided: a watchdog waits for it.
        let guard = APPLYING.lock().unwrap_or_else(|e| e.into_inner());
        if let Err(e) = write_journal(&dir, &journal, self.durable) {
            cleanup(&links);
            return Err(e);
        }
        // The tests of recovery stop a build here, where a kill leaves the
        // most to complete (a random kill seldom falls in this window).
        if let Some(ms) = std::env::var_os("BRIEF_TEST_HOLD_COMMIT")
            .and_then(|v| v.to_str().and_then(|v| v.parse::<u64>().ok()))
        {
            std::thread::sleep(std::time::Duration::from_millis(ms));
        }
        // The temporaries now belong to the journal: a kill from here on is
        // completed by the next run, so they must outlive this value.
        let temps: Vec<tempfile::TempPath> = self.files.into_iter().map(|f| f.tmp).collect();
        let applied = apply(&dir, &journal.steps, &kept);
        let result = match applied {
            Ok(late) => {
                finish(&dir, &journal.steps);
                WRITTEN.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                kept.extend(late);
                Ok(kept)
            }
            Err((done, e)) => {
                roll_back(&dir, &journal.steps[..done]);
                finish(&dir, &journal.steps);
                Err(e)
            }
        };
        drop(guard);
        for t in temps {
            // Renamed away, or removed by the roll-back: nothing left to delete.
            let _ = t.keep();
        }
        if self.durable
            && let Ok(d) = File::open(&dir)
        {
            let _ = d.sync_all();
        }
        result
    }
}

/// Whether the file at `path` (the output `name`, or a link to it) is the
/// user's: there, and neither the bytes the last build recorded for `name`
/// nor the new bytes (`new`). What cannot be read as a regular file (a
/// link, a FIFO, a file without read permission) is the user's too.
fn is_users(path: &Path, name: &str, new: &str, recorded: &BTreeMap<String, String>) -> bool {
    let now = crate::digest::read(path, MAX_OUTPUT, crate::digest::Follow::No)
        .ok()
        .map(|b| crate::digest::digest(&b));
    match now {
        Some(d) => d != new && recorded.get(name) != Some(&d),
        None => true,
    }
}

/// No output of brief comes near this; a larger file is the user's.
const MAX_OUTPUT: u64 = 1 << 30;

/// The name a user's file at `name` is kept under: `slides.pptx` →
/// `slides.edited-20261204-1803.pptx`, then `…-1803-2.pptx`, `-3`, never
/// one that exists or is in `taken`. Never an output's name either
/// ([`super::belongs_to`]), so clean-up never touches it.
fn kept_name(dir: &Path, name: &str, stamp: &str, taken: &[String]) -> String {
    let (stem, ext) = match name.rfind('.') {
        Some(i) if i > 0 => name.split_at(i),
        _ => (name, ""),
    };
    (1..)
        .map(|n| {
            let more = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            format!("{stem}.edited-{stamp}{more}{ext}")
        })
        .find(|k| !taken.contains(k) && fs::symlink_metadata(dir.join(k)).is_err())
        .expect("a free name")
}

/// Whether two paths name the same file (the same inode).
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::symlink_metadata(a), fs::symlink_metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default()
}

/// `prefix.XXXXXX.tmp`, not yet existing.
/// A second name for `target`, so the old file survives its replacement until
/// the set is complete; a name taken meanwhile is retried, never overwritten.
fn old_link(dir: &Path, name: &str, target: &Path) -> io::Result<PathBuf> {
    tempfile::Builder::new()
        .prefix(&format!(".brief-old-{name}."))
        .suffix(".tmp")
        .make_in(dir, |link| fs::hard_link(target, link))?
        .into_temp_path()
        .keep()
        .map_err(|e| e.error)
}

fn write_journal(dir: &Path, journal: &Journal, durable: bool) -> Result<()> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".brief-journal.")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| tr!("io-temporary", dir = dir.display().to_string()))?;
    let bytes = serde_json::to_vec(journal).expect("the journal serialises");
    tmp.write_all(&bytes)
        .and_then(|()| {
            if durable {
                tmp.as_file().sync_all()
            } else {
                Ok(())
            }
        })
        .with_context(|| tr!("io-write", path = dir.join(JOURNAL).display().to_string()))?;
    tmp.persist(dir.join(JOURNAL))
        .map_err(|e| e.error)
        .with_context(|| tr!("io-write", path = dir.join(JOURNAL).display().to_string()))?;
    if durable && let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Applies the steps in order: the files the user saved at an output's name
/// after the plan, kept beside it; on failure, how many steps were applied
/// and why.
fn apply(
    dir: &Path,
    steps: &[Step],
    kept: &[Kept],
) -> std::result::Result<Vec<Kept>, (usize, anyhow::Error)> {
    let mut late = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        let target = dir.join(&step.name);
        // The user's file first gets its other name (from the link that
        // holds it since before the journal: a step done again after a kill
        // finds it linked already).
        let mut linked = false;
        if let (Some(kept), Some(old)) = (&step.kept, &step.old) {
            let (old, kept) = (dir.join(old), dir.join(kept));
            match fs::hard_link(&old, &kept) {
                Ok(()) => linked = true,
                Err(_) if same_file(&old, &kept) => {}
                Err(e) => {
                    return Err((
                        i,
                        anyhow::Error::new(e)
                            .context(tr!("io-keep", path = kept.display().to_string())),
                    ));
                }
            }
        }
        let done = match &step.new {
            Some(tmp) => put_in_place(dir, step, &dir.join(tmp), &target, kept).map(|k| {
                late.extend(k);
            }),
            None => fs::remove_file(&target),
        };
        if done.is_err()
            && linked
            && let Some(kept) = &step.kept
        {
            // The user's file is still at its own name: no second copy.
            let _ = fs::remove_file(dir.join(kept));
        }
        if let Err(e) = done {
            return Err((
                i,
                anyhow::Error::new(e)
                    .context(tr!("io-replace", path = target.display().to_string())),
            ));
        }
    }
    Ok(late)
}

/// Puts the new file `tmp` at `target` and looks at what it replaced at
/// that very instant: an editor saves by renaming over the name, so a deck
/// saved after the plan (after `step.old` was linked) would otherwise go
/// with the rename. Where the file system exchanges two names in one step
/// (Linux `renameat2`), what was at `target` comes out at `tmp`'s name; a
/// file that is neither the version the plan linked nor absent is the
/// user's, and is kept beside the output. Elsewhere, a plain rename.
fn put_in_place(
    dir: &Path,
    step: &Step,
    tmp: &Path,
    target: &Path,
    kept: &[Kept],
) -> io::Result<Option<Kept>> {
    match exchange(tmp, target) {
        Ok(()) => {}
        Err(e) if e.raw_os_error() == Some(libc::ENOENT) && tmp.exists() => {
            // Nothing at the name: a plain rename, unless a file comes
            // meanwhile, which the next turn exchanges.
            return match rename_new(tmp, target) {
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    put_in_place(dir, step, tmp, target, kept)
                }
                done => done.map(|()| None),
            };
        }
        Err(_) => return fs::rename(tmp, target).map(|()| None),
    }
    let linked = step
        .old
        .as_ref()
        .is_some_and(|o| same_file(&dir.join(o), tmp));
    // The linked version, unless saved into since it was found brief's own;
    // or a file kept already (by the plan, or by recovery after a kill).
    let planned = linked && step.seen.is_none_or(|s| seen(tmp) == Some(s));
    let kept_already = step
        .kept
        .iter()
        .chain(kept.iter().filter(|k| k.name == step.name).map(|k| &k.kept))
        .any(|k| same_file(&dir.join(k), tmp));
    if planned || kept_already || step.name.starts_with(".brief-") {
        return Ok(None);
    }
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M").to_string();
    let taken: Vec<String> = step.kept.iter().cloned().collect();
    let kept = kept_name(dir, &step.name, &stamp, &taken);
    match fs::rename(tmp, dir.join(&kept)) {
        Ok(()) => Ok(Some(Kept {
            name: step.name.clone(),
            kept,
        })),
        Err(e) => {
            // Not kept: the user's file goes back to its name, and the step fails.
            let _ = exchange(tmp, target);
            Err(e)
        }
    }
}

/// Swaps the files at `a` and `b` in one step.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    renameat2(a, b, libc::RENAME_EXCHANGE)
}

/// Renames `a` to `b`, failing with `AlreadyExists` when `b` exists.
#[cfg(target_os = "linux")]
fn rename_new(a: &Path, b: &Path) -> io::Result<()> {
    renameat2(a, b, libc::RENAME_NOREPLACE)
}

#[cfg(target_os = "linux")]
fn renameat2(a: &Path, b: &Path, flags: libc::c_uint) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: two NUL-terminated paths that outlive the call.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            flags,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

#[cfg(not(target_os = "linux"))]
fn rename_new(a: &Path, b: &Path) -> io::Result<()> {
    fs::rename(a, b)
}

/// Undoes applied steps: the kept versions go back in place; a file that
/// did not exist before is removed again.
fn roll_back(dir: &Path, steps: &[Step]) {
    for step in steps.iter().rev() {
        let target = dir.join(&step.name);
        // A kept name linked by this step goes: the user's file is back at its own.
        if let (Some(kept), Some(old)) = (&step.kept, &step.old)
            && same_file(&dir.join(kept), &dir.join(old))
        {
            let _ = fs::remove_file(dir.join(kept));
        }
        match &step.old {
            Some(old) => {
                let _ = fs::rename(dir.join(old), &target);
            }
            None => {
                let _ = fs::remove_file(&target);
            }
        }
    }
}

/// Removes the kept versions, leftover temporaries of the steps and the journal.
fn finish(dir: &Path, steps: &[Step]) {
    for step in steps {
        if let Some(old) = &step.old {
            let _ = fs::remove_file(dir.join(old));
        }
        if let Some(new) = &step.new {
            let _ = fs::remove_file(dir.join(new));
        }
    }
    let _ = fs::remove_file(dir.join(JOURNAL));
}

/// What [`recover`] did.
#[derive(Debug, PartialEq, Eq)]
pub enum Recovery {
    Nothing,
    /// A killed commit was completed; files put at an output's name since
    /// the kill were kept beside it.
    Completed(Vec<Kept>),
    /// A killed commit could not be completed and was undone; files put at
    /// an output's name since the kill were kept beside it.
    RolledBack(Vec<Kept>),
    /// The journal was not one brief wrote (not a regular file, too large,
    /// unreadable, or naming files outside the folder): moved to this
    /// name, untouched, and nothing done by it.
    SetAside(PathBuf),
}

/// A journal is a few hundred bytes; this is far more than any holds.
const MAX_JOURNAL: u64 = 1024 * 1024;

impl Step {
    /// Every name is a plain file name of the folder, and the temporaries
    /// are brief's own: a tampered journal cannot move or delete a file
    /// elsewhere.
    fn is_own(&self) -> bool {
        let temporary = |n: &Option<String>, prefix: &str| {
            n.as_deref().is_none_or(|n| {
                super::plain_name(n) && n.starts_with(prefix) && n.ends_with(".tmp")
            })
        };
        super::plain_name(&self.name)
            // brief's own files are temporaries, but for the state, which
            // is committed with the outputs it records
            && (!self.name.starts_with(".brief-") || self.name == super::state::STATE_FILE)
            // A removal keeps what it removes under its link until the commit is done.
            && (self.new.is_some() || self.old.is_some())
            && temporary(&self.new, ".brief-new-")
            && temporary(&self.old, ".brief-old-")
            && self.kept.as_deref().is_none_or(|k| {
                super::plain_name(k) && !k.starts_with(".brief-") && k.contains(".edited-")
            })
    }
}

/// Completes (or, when it cannot, undoes) a commit that a killed run left
/// half done, then removes the temporaries of killed runs. Called under the
/// lock, before anything else reads or writes the folder.
pub fn recover(dir: &Path) -> Recovery {
    let mut recovery = Recovery::Nothing;
    match super::read_own(dir, JOURNAL, MAX_JOURNAL) {
        super::Own::Absent => {}
        super::Own::SetAside(bad) => recovery = Recovery::SetAside(bad),
        // A journal is renamed into place whole: one that does not parse,
        // or names what brief never writes, is not brief's.
        super::Own::Read(bytes) => match serde_json::from_slice::<Journal>(&bytes) {
            Ok(journal) if journal.steps.iter().all(Step::is_own) => {
                recovery = complete(dir, &journal.steps);
                if let Recovery::SetAside(_) = recovery {
                    // The old versions' links may hold the only copy of a
                    // user's file: left for the user, with the journal.
                    return recovery;
                }
                finish(dir, &journal.steps);
            }
            _ => {
                if let super::Own::SetAside(bad) = super::set_aside(dir, JOURNAL) {
                    recovery = Recovery::SetAside(bad);
                }
            }
        },
    }
    remove_temporaries(dir);
    recovery
}

/// Completes a journal's steps: each is done (its temporary is gone and
/// the file holds the new bytes) or still to do (its temporary is there).
/// Anything else (a file changed by hand since) undoes them all. Either
/// way, a file put at an output's name after the kill is the user's: it is
/// kept under a dated name before a step replaces or removes it.
fn complete(dir: &Path, steps: &[Step]) -> Recovery {
    let Some(kept) = keep_strangers(dir, steps) else {
        // A file that could not be kept: nothing is touched, the journal
        // is set aside and the links of the old versions stay in the folder.
        return match super::set_aside(dir, JOURNAL) {
            super::Own::SetAside(bad) => Recovery::SetAside(bad),
            _ => Recovery::Nothing,
        };
    };
    let consistent = steps.iter().all(|s| match (&s.new, &s.digest) {
        (Some(tmp), Some(digest)) => {
            dir.join(tmp).exists()
                || crate::digest::file(&dir.join(&s.name)).as_ref() == Some(digest)
        }
        // A removal still to do removes the very file brief linked before
        // writing the journal, never one that is merely at that name.
        (None, _) => {
            let target = dir.join(&s.name);
            fs::symlink_metadata(&target).is_err()
                || s.old
                    .as_ref()
                    .is_some_and(|o| same_file(&dir.join(o), &target))
        }
        _ => true,
    });
    let (done, swapped) = exchanged(dir, steps);
    let kept: Vec<Kept> = kept.into_iter().chain(swapped).collect();
    let pending: Vec<Step> = steps
        .iter()
        .zip(&done)
        .filter(|(_, done)| !**done)
        .map(|(s, _)| s)
        .filter(|s| match &s.new {
            Some(tmp) => dir.join(tmp).exists(),
            None => fs::symlink_metadata(dir.join(&s.name)).is_ok(),
        })
        .cloned()
        .collect();
    if consistent && let Ok(late) = apply(dir, &pending, &kept) {
        Recovery::Completed(kept.into_iter().chain(late).collect())
    } else {
        roll_back(dir, steps);
        Recovery::RolledBack(kept)
    }
}

/// The steps a killed run had done by exchange ([`put_in_place`]): the file
/// at the temporary's name is the version the step linked, or a file the
/// user saved at the name just before, which is kept beside it now. Which
/// steps, and the files kept.
fn exchanged(dir: &Path, steps: &[Step]) -> (Vec<bool>, Vec<Kept>) {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M").to_string();
    let mut kept = Vec::new();
    let done = steps
        .iter()
        .map(|s| {
            let Some(tmp) = s.new.as_ref().map(|t| dir.join(t)) else {
                return false;
            };
            if fs::symlink_metadata(&tmp).is_err() {
                return false;
            }
            if s.old
                .as_ref()
                .is_some_and(|o| same_file(&dir.join(o), &tmp))
            {
                return true;
            }
            let new = crate::digest::read(&tmp, MAX_OUTPUT, crate::digest::Follow::No)
                .is_ok_and(|b| Some(&crate::digest::digest(&b)) == s.digest.as_ref());
            if new {
                return false;
            }
            let taken: Vec<String> = kept.iter().map(|k: &Kept| k.kept.clone()).collect();
            let name = kept_name(dir, &s.name, &stamp, &taken);
            if fs::rename(&tmp, dir.join(&name)).is_ok() {
                kept.push(Kept {
                    name: s.name.clone(),
                    kept: name,
                });
            }
            true
        })
        .collect();
    (done, kept)
}

/// Links every file at a step's name that the journal does not account
/// for (neither the version it linked before the kill, nor the new bytes)
/// to a dated name beside it, as a commit keeps the user's edits. None
/// when one could not be linked (and is not a folder, which no step can
/// replace or remove anyway).
fn keep_strangers(dir: &Path, steps: &[Step]) -> Option<Vec<Kept>> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M").to_string();
    let mut taken: Vec<String> = steps.iter().filter_map(|s| s.kept.clone()).collect();
    let mut kept = Vec::new();
    for step in steps {
        let target = dir.join(&step.name);
        let Ok(meta) = fs::symlink_metadata(&target) else {
            continue;
        };
        let accounted = step.name.starts_with(".brief-")
            || meta.is_dir()
            || step.old.as_ref().is_some_and(|o| {
                same_file(&dir.join(o), &target)
                    && step.seen.is_none_or(|s| seen(&target) == Some(s))
            })
            || step
                .kept
                .as_ref()
                .is_some_and(|k| same_file(&dir.join(k), &target))
            || step.digest.as_ref().is_some_and(|d| {
                crate::digest::read(&target, MAX_OUTPUT, crate::digest::Follow::No)
                    .is_ok_and(|b| &crate::digest::digest(&b) == d)
            });
        if accounted {
            continue;
        }
        let name = kept_name(dir, &step.name, &stamp, &taken);
        fs::hard_link(&target, dir.join(&name)).ok()?;
        taken.push(name.clone());
        kept.push(Kept {
            name: step.name.clone(),
            kept: name,
        });
    }
    Some(kept)
}

/// Removes temporaries that a killed run left behind (`.brief-new-….tmp`,
/// `.brief-old-….tmp`, and those of older versions of brief).
fn remove_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with(".brief-") && name.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_everything_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("gone.png"), b"old").unwrap();
        let mut s = Staging::new(dir.path(), true);
        s.stage("a.pdf", b"one").unwrap();
        s.stage("b.pdf", b"two").unwrap();
        s.commit(&["gone.png".to_string()]).unwrap();
        assert_eq!(names(dir.path()), ["a.pdf", "b.pdf"]);
        assert_eq!(fs::read(dir.path().join("b.pdf")).unwrap(), b"two");
    }

    #[test]
    fn a_step_that_cannot_be_done_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.pdf"), b"old a").unwrap();
        fs::create_dir(dir.path().join("b.pdf")).unwrap();
        let mut s = Staging::new(dir.path(), false);
        s.stage("a.pdf", b"new a").unwrap();
        s.stage("b.pdf", b"new b").unwrap();
        assert!(s.commit(&[]).is_err());
        assert_eq!(fs::read(dir.path().join("a.pdf")).unwrap(), b"old a");
        assert_eq!(names(dir.path()), ["a.pdf", "b.pdf"]);
    }

    #[test]
    fn a_failure_half_way_is_rolled_back() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.pdf"), b"old a").unwrap();
        let mut s = Staging::new(dir.path(), false);
        s.stage("a.pdf", b"new a").unwrap();
        s.stage("new.pdf", b"new").unwrap();
        // The second step fails after the first was applied: its temporary vanished.
        let tmp = s.files[1].tmp.to_path_buf();
        fs::remove_file(&tmp).unwrap();
        assert!(s.commit(&[]).is_err());
        assert_eq!(fs::read(dir.path().join("a.pdf")).unwrap(), b"old a");
        assert_eq!(names(dir.path()), ["a.pdf"]);
    }

    #[test]
    fn a_killed_commit_is_completed_by_the_next_run() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::write(d.join("a.pdf"), b"old a").unwrap();
        fs::write(d.join("b.pdf"), b"old b").unwrap();
        fs::write(d.join(".brief-new-a.pdf.x.tmp"), b"new a").unwrap();
        fs::write(d.join(".brief-new-b.pdf.y.tmp"), b"new b").unwrap();
        fs::hard_link(d.join("a.pdf"), d.join(".brief-old-a.pdf.1.tmp")).unwrap();
        fs::hard_link(d.join("b.pdf"), d.join(".brief-old-b.pdf.2.tmp")).unwrap();
        let step = |n: &str, new: &str, old: &str, body: &[u8]| Step {
            name: n.into(),
            new: Some(new.into()),
            old: Some(old.into()),
            digest: Some(crate::digest::digest(body)),
            kept: None,
            seen: None,
        };
        let journal = Journal {
            steps: vec![
                step(
                    "a.pdf",
                    ".brief-new-a.pdf.x.tmp",
                    ".brief-old-a.pdf.1.tmp",
                    b"new a",
                ),
                step(
                    "b.pdf",
                    ".brief-new-b.pdf.y.tmp",
                    ".brief-old-b.pdf.2.tmp",
                    b"new b",
                ),
            ],
        };
        write_journal(d, &journal, false).unwrap();
        // Killed after the first rename.
        fs::rename(d.join(".brief-new-a.pdf.x.tmp"), d.join("a.pdf")).unwrap();
        assert_eq!(recover(d), Recovery::Completed(vec![]));
        assert_eq!(fs::read(d.join("a.pdf")).unwrap(), b"new a");
        assert_eq!(fs::read(d.join("b.pdf")).unwrap(), b"new b");
        assert_eq!(names(d), ["a.pdf", "b.pdf"]);
    }

    fn recorded(pairs: &[(&str, &[u8])]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(n, b)| (n.to_string(), crate::digest::digest(b)))
            .collect()
    }

    #[test]
    fn a_file_changed_since_brief_wrote_it_is_kept_beside_the_new_one() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::write(d.join("slides.pptx"), b"edited in PowerPoint").unwrap();
        fs::write(d.join("slides.pdf"), b"as brief wrote it").unwrap();
        fs::write(d.join("briefing.pdf"), b"the user's own").unwrap();
        let mut s = Staging::new(d, false);
        s.when = Some(
            chrono::NaiveDate::from_ymd_opt(2026, 12, 4)
                .unwrap()
                .and_hms_opt(18, 3, 0)
                .unwrap()
                .and_local_timezone(chrono::Local)
                .unwrap(),
        );
        // A name already taken by an earlier kept file.
        fs::write(d.join("slides.edited-20261204-1803.pptx"), b"kept before").unwrap();
        s.stage("slides.pptx", b"new deck").unwrap();
        s.stage("slides.pdf", b"new pdf").unwrap();
        s.stage("briefing.pdf", b"new briefing").unwrap();
        s.stage(".brief-state.json", b"{}").unwrap();
        let recorded = recorded(&[
            ("slides.pptx", b"as brief wrote it"),
            ("slides.pdf", b"as brief wrote it"),
        ]);
        let preview = s.keep_edits(&recorded);
        let kept = s.commit(&[]).unwrap();
        assert_eq!(preview, kept);
        assert_eq!(
            kept,
            [
                Kept {
                    name: "slides.pptx".into(),
                    kept: "slides.edited-20261204-1803-2.pptx".into()
                },
                Kept {
                    name: "briefing.pdf".into(),
                    kept: "briefing.edited-20261204-1803.pdf".into()
                },
            ]
        );
        let read = |n: &str| fs::read(d.join(n)).unwrap();
        assert_eq!(
            read("slides.edited-20261204-1803-2.pptx"),
            b"edited in PowerPoint"
        );
        assert_eq!(read("slides.edited-20261204-1803.pptx"), b"kept before");
        assert_eq!(read("briefing.edited-20261204-1803.pdf"), b"the user's own");
        assert_eq!(read("slides.pptx"), b"new deck");
        assert_eq!(read("briefing.pdf"), b"new briefing");
        assert_eq!(read("slides.pdf"), b"new pdf");
        assert_eq!(names(d).len(), 7, "{:?}", names(d));
    }

    #[test]
    fn a_file_changed_after_the_preview_is_kept_all_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::write(d.join("a.pdf"), b"brief's").unwrap();
        let mut s = Staging::new(d, false);
        s.stage("a.pdf", b"new").unwrap();
        assert!(s.keep_edits(&recorded(&[("a.pdf", b"brief's")])).is_empty());
        // Saved over by the user while brief was about to write.
        fs::write(d.join("a.pdf"), b"user's").unwrap();
        let kept = s.commit(&[]).unwrap();
        assert_eq!(kept.len(), 1);
        assert_eq!(fs::read(d.join(&kept[0].kept)).unwrap(), b"user's");
        assert_eq!(fs::read(d.join("a.pdf")).unwrap(), b"new");
    }

    #[test]
    fn nothing_is_kept_when_the_file_is_brief_s_own_or_already_the_new_one() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::write(d.join("a.pdf"), b"brief's").unwrap();
        fs::write(d.join("b.pdf"), b"new b").unwrap();
        let mut s = Staging::new(d, false);
        s.stage("a.pdf", b"new a").unwrap();
        s.stage("b.pdf", b"new b").unwrap();
        assert!(s.keep_edits(&recorded(&[("a.pdf", b"brief's")])).is_empty());
        assert!(s.commit(&[]).unwrap().is_empty());
        assert_eq!(names(d), ["a.pdf", "b.pdf"]);
    }

    /// A commit that keeps a user's file, killed after each of its writes in
    /// turn: the next run never loses the user's bytes, and ends with the new
    /// set in place or the old one back.
    #[test]
    fn a_commit_killed_at_any_instant_loses_no_edit() {
        // The writes of a commit of two outputs, the first of them the user's.
        for kill_after in 0..=5 {
            let dir = tempfile::tempdir().unwrap();
            let d = dir.path();
            fs::write(d.join("slides.pptx"), b"user's deck").unwrap();
            fs::write(d.join("slides.pdf"), b"old pdf").unwrap();
            fs::write(d.join(".brief-new-slides.pptx.x.tmp"), b"new deck").unwrap();
            fs::write(d.join(".brief-new-slides.pdf.y.tmp"), b"new pdf").unwrap();
            fs::hard_link(
                d.join("slides.pptx"),
                d.join(".brief-old-slides.pptx.1.tmp"),
            )
            .unwrap();
            fs::hard_link(d.join("slides.pdf"), d.join(".brief-old-slides.pdf.2.tmp")).unwrap();
            let steps = vec![
                Step {
                    name: "slides.pptx".into(),
                    new: Some(".brief-new-slides.pptx.x.tmp".into()),
                    old: Some(".brief-old-slides.pptx.1.tmp".into()),
                    digest: Some(crate::digest::digest(b"new deck")),
                    kept: Some("slides.edited-20261204-1803.pptx".into()),
                    seen: None,
                },
                Step {
                    name: "slides.pdf".into(),
                    new: Some(".brief-new-slides.pdf.y.tmp".into()),
                    old: Some(".brief-old-slides.pdf.2.tmp".into()),
                    digest: Some(crate::digest::digest(b"new pdf")),
                    kept: None,
                    seen: None,
                },
            ];
            let journal = Journal { steps };
            write_journal(d, &journal, false).unwrap();
            // The writes `apply` and `finish` make, in order.
            let writes: Vec<Box<dyn Fn()>> = vec![
                Box::new(|| {
                    fs::hard_link(
                        d.join(".brief-old-slides.pptx.1.tmp"),
                        d.join("slides.edited-20261204-1803.pptx"),
                    )
                    .unwrap()
                }),
                Box::new(|| {
                    fs::rename(
                        d.join(".brief-new-slides.pptx.x.tmp"),
                        d.join("slides.pptx"),
                    )
                    .unwrap()
                }),
                Box::new(|| {
                    fs::rename(d.join(".brief-new-slides.pdf.y.tmp"), d.join("slides.pdf")).unwrap()
                }),
                Box::new(|| fs::remove_file(d.join(".brief-old-slides.pptx.1.tmp")).unwrap()),
                Box::new(|| fs::remove_file(d.join(".brief-old-slides.pdf.2.tmp")).unwrap()),
            ];
            for write in &writes[..kill_after.min(writes.len())] {
                write();
            }
            assert_eq!(
                recover(d),
                Recovery::Completed(vec![]),
                "killed after {kill_after}"
            );
            assert_eq!(
                names(d),
                [
                    "slides.edited-20261204-1803.pptx",
                    "slides.pdf",
                    "slides.pptx"
                ],
                "killed after {kill_after}"
            );
            assert_eq!(
                fs::read(d.join("slides.edited-20261204-1803.pptx")).unwrap(),
                b"user's deck"
            );
            assert_eq!(fs::read(d.join("slides.pptx")).unwrap(), b"new deck");
            assert_eq!(fs::read(d.join("slides.pdf")).unwrap(), b"new pdf");
        }
    }

    #[test]
    fn a_commit_undone_by_recovery_leaves_the_user_s_file_in_its_place_only() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::write(d.join("slides.pptx"), b"user's deck").unwrap();
        fs::write(d.join(".brief-new-slides.pptx.x.tmp"), b"new deck").unwrap();
        fs::hard_link(
            d.join("slides.pptx"),
            d.join(".brief-old-slides.pptx.1.tmp"),
        )
        .unwrap();
        let journal = Journal {
            steps: vec![
                Step {
                    name: "slides.pptx".into(),
                    new: Some(".brief-new-slides.pptx.x.tmp".into()),
                    old: Some(".brief-old-slides.pptx.1.tmp".into()),
                    digest: Some(crate::digest::digest(b"new deck")),
                    kept: Some("slides.edited-20261204-1803.pptx".into()),
                    seen: None,
                },
                // A step that cannot be completed: its new file is gone and
                // the output is not the new one.
                Step {
                    name: "slides.pdf".into(),
                    new: Some(".brief-new-slides.pdf.gone.tmp".into()),
                    old: None,
                    digest: Some(crate::digest::digest(b"new pdf")),
                    kept: None,
                    seen: None,
                },
            ],
        };
        write_journal(d, &journal, false).unwrap();
        fs::hard_link(
            d.join(".brief-old-slides.pptx.1.tmp"),
            d.join("slides.edited-20261204-1803.pptx"),
        )
        .unwrap();
        assert_eq!(recover(d), Recovery::RolledBack(vec![]));
        assert_eq!(names(d), ["slides.pptx"]);
        assert_eq!(fs::read(d.join("slides.pptx")).unwrap(), b"user's deck");
    }

    /// A file the user put at an output's name after a kill (a new deck
    /// where there was none, or over brief's old one) survives the next
    /// run, whether that completes the commit or undoes it.
    #[test]
    fn a_file_put_at_an_output_s_name_after_a_kill_is_kept() {
        for (had_old, completes) in [(false, true), (true, true), (false, false), (true, false)] {
            let dir = tempfile::tempdir().unwrap();
            let d = dir.path();
            let case = format!("old {had_old}, completes {completes}");
            let mut steps = vec![Step {
                name: "slides.pptx".into(),
                new: Some(".brief-new-slides.pptx.x.tmp".into()),
                old: None,
                digest: Some(crate::digest::digest(b"new deck")),
                kept: None,
                seen: None,
            }];
            fs::write(d.join(".brief-new-slides.pptx.x.tmp"), b"new deck").unwrap();
            if had_old {
                fs::write(d.join(".brief-old-slides.pptx.1.tmp"), b"brief's old deck").unwrap();
                steps[0].old = Some(".brief-old-slides.pptx.1.tmp".into());
            }
            if !completes {
                // A second step that cannot be completed undoes the set.
                steps.push(Step {
                    name: "slides.pdf".into(),
                    new: Some(".brief-new-slides.pdf.gone.tmp".into()),
                    old: None,
                    digest: Some(crate::digest::digest(b"new pdf")),
                    kept: None,
                    seen: None,
                });
            }
            write_journal(d, &Journal { steps }, false).unwrap();
            // After the kill, before the next run: the user's own deck.
            fs::write(d.join("slides.pptx"), b"user's deck").unwrap();
            let kept = match recover(d) {
                Recovery::Completed(k) if completes => k,
                Recovery::RolledBack(k) if !completes => k,
                other => panic!("{case}: {other:?}"),
            };
            assert_eq!(kept.len(), 1, "{case}");
            assert_eq!(kept[0].name, "slides.pptx");
            assert!(kept[0].kept.starts_with("slides.edited-"), "{case}");
            assert_eq!(
                fs::read(d.join(&kept[0].kept)).unwrap(),
                b"user's deck",
                "{case}"
            );
            let now = fs::read(d.join("slides.pptx")).ok();
            let expected: Option<&[u8]> = match (completes, had_old) {
                (true, _) => Some(b"new deck"),
                (false, true) => Some(b"brief's old deck"),
                (false, false) => None,
            };
            assert_eq!(now.as_deref(), expected, "{case}");
        }
    }

    /// A run killed before it put the new deck in place; the user then
    /// saves the deck into the very file (python-pptx, LibreOffice), which is
    /// the one the journal linked. The next run keeps the save.
    /// brief's deck in `d`, the new one staged, and the step that replaces
    /// it as a commit plans it (the current version linked).
    fn deck_to_replace(d: &Path) -> Vec<Step> {
        fs::write(d.join("slides.pptx"), b"brief's deck").unwrap();
        fs::write(d.join(".brief-new-slides.pptx.x.tmp"), b"new deck").unwrap();
        let old = old_link(d, "slides.pptx", &d.join("slides.pptx")).unwrap();
        vec![Step {
            name: "slides.pptx".into(),
            new: Some(".brief-new-slides.pptx.x.tmp".into()),
            old: Some(file_name(&old)),
            digest: Some(crate::digest::digest(b"new deck")),
            kept: None,
            seen: seen(&old),
        }]
    }

    #[test]
    fn a_file_saved_in_place_after_a_kill_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let steps = deck_to_replace(d);
        write_journal(d, &Journal { steps }, false).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(d.join("slides.pptx"), b"user's deck").unwrap();
        let Recovery::Completed(kept) = recover(d) else {
            panic!("not completed")
        };
        assert_eq!(kept.len(), 1, "{kept:?}");
        assert_eq!(fs::read(d.join(&kept[0].kept)).unwrap(), b"user's deck");
        assert_eq!(fs::read(d.join("slides.pptx")).unwrap(), b"new deck");
        assert_eq!(names(d).len(), 2, "{:?}", names(d));
    }

    /// The user saves the deck after the plan linked brief's version and
    /// before the new one is put in place: by renaming over the name (as
    /// PowerPoint and WPS do), or by writing into the file. The save is kept.
    #[test]
    fn a_file_saved_while_the_set_is_applied_is_kept() {
        for save in ["none", "rename", "in place"] {
            let dir = tempfile::tempdir().unwrap();
            let d = dir.path();
            let steps = deck_to_replace(d);
            // Modification times are coarse on some file systems.
            std::thread::sleep(std::time::Duration::from_millis(20));
            match save {
                "rename" => {
                    fs::write(d.join("saving.tmp"), b"user's deck").unwrap();
                    fs::rename(d.join("saving.tmp"), d.join("slides.pptx")).unwrap();
                }
                "in place" => fs::write(d.join("slides.pptx"), b"user's deck!").unwrap(),
                _ => {}
            }
            let late = apply(d, &steps, &[]).unwrap();
            finish(d, &steps);
            assert_eq!(fs::read(d.join("slides.pptx")).unwrap(), b"new deck");
            if save == "none" {
                assert!(late.is_empty());
                assert_eq!(names(d), ["slides.pptx"]);
                continue;
            }
            assert_eq!(late.len(), 1, "{save}");
            assert!(late[0].kept.starts_with("slides.edited-"), "{save}");
            let kept = fs::read(d.join(&late[0].kept)).unwrap();
            assert!(kept.starts_with(b"user's deck"), "{save}");
            assert_eq!(names(d).len(), 2, "{save}: {:?}", names(d));
        }
    }

    #[test]
    fn a_journal_cannot_make_brief_remove_a_file_it_did_not_link() {
        for old in [None, Some(".brief-old-notes.txt.1.tmp")] {
            let dir = tempfile::tempdir().unwrap();
            let d = dir.path();
            fs::write(d.join("notes.txt"), b"the user's notes").unwrap();
            let journal = Journal {
                steps: vec![Step {
                    name: "notes.txt".into(),
                    new: None,
                    old: old.map(str::to_string),
                    digest: None,
                    kept: None,
                    seen: None,
                }],
            };
            fs::write(d.join(JOURNAL), serde_json::to_vec(&journal).unwrap()).unwrap();
            recover(d);
            assert_eq!(
                fs::read(d.join("notes.txt")).unwrap(),
                b"the user's notes",
                "{old:?}"
            );
        }
    }

    #[test]
    fn a_journal_cannot_make_brief_keep_a_file_under_any_name() {
        let step = |kept: &str| Step {
            name: "a.pdf".into(),
            new: Some(".brief-new-a.pdf.x.tmp".into()),
            old: Some(".brief-old-a.pdf.1.tmp".into()),
            digest: None,
            kept: Some(kept.into()),
            seen: None,
        };
        assert!(step("a.edited-20261204-1803.pdf").is_own());
        for bad in [
            "../a.edited-1.pdf",
            "meta.yaml",
            ".brief-state.edited-1.json",
            "",
        ] {
            assert!(!step(bad).is_own(), "{bad}");
        }
    }

    #[test]
    fn kept_names_are_never_an_output_s_name() {
        let dir = tempfile::tempdir().unwrap();
        for (name, kept) in [
            ("slides.pptx", "slides.edited-20261204-1803.pptx"),
            ("slides-07.png", "slides-07.edited-20261204-1803.png"),
            ("slides.pdfpc", "slides.edited-20261204-1803.pdfpc"),
            ("changes.md", "changes.edited-20261204-1803.md"),
        ] {
            let k = kept_name(dir.path(), name, "20261204-1803", &[]);
            assert_eq!(k, kept);
            for stem in ["briefing", "slides", "handout"] {
                assert!(!super::super::belongs_to(&k, stem), "{k}");
            }
        }
    }
}
