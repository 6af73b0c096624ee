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

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result, anyhow};
use serde::{Deserialize, Serialize};

use crate::tr;

const JOURNAL: &str = ".brief-journal.json";

/// Held while a set is applied: a watchdog that ends the process (timeout,
/// Ctrl-C) takes it first, so that it never cuts a commit in two.
pub static APPLYING: Mutex<()> = Mutex::new(());

/// New files written to temporaries in the output folder, not yet in place.
pub struct Staging {
    dir: PathBuf,
    durable: bool,
    files: Vec<Staged>,
}

struct Staged {
    name: String,
    tmp: tempfile::TempPath,
    digest: String,
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
        }
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
        });
        Ok(())
    }

    /// The names staged so far, with the digests of their contents.
    pub fn staged(&self) -> Vec<(String, String)> {
        self.files
            .iter()
            .map(|f| (f.name.clone(), f.digest.clone()))
            .collect()
    }

    /// Puts every staged file in place and removes `remove`, as one set.
    pub fn commit(self, remove: &[String]) -> Result<()> {
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
                let link = unique(&dir, &format!(".brief-old-{name}"));
                if let Err(e) = fs::hard_link(&target, &link) {
                    cleanup(&links);
                    return Err(anyhow::Error::new(e)
                        .context(tr!("io-replace", path = target.display().to_string())));
                }
                links.push(link.clone());
                Some(file_name(&link))
            } else {
                None
            };
            steps.push(Step {
                name,
                new: staged.map(|s| file_name(&s.tmp)),
                old,
                digest: staged.map(|s| s.digest.clone()),
            });
        }
        let journal = Journal { steps };
        if let Err(e) = write_journal(&dir, &journal, self.durable) {
            cleanup(&links);
            return Err(e);
        }
        // The temporaries now belong to the journal: a kill from here on is
        // completed by the next run, so they must outlive this value.
        let temps: Vec<tempfile::TempPath> = self.files.into_iter().map(|f| f.tmp).collect();
        let guard = APPLYING.lock().unwrap_or_else(|e| e.into_inner());
        let applied = apply(&dir, &journal.steps);
        let result = match applied {
            Ok(()) => {
                finish(&dir, &journal.steps);
                Ok(())
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

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default()
}

/// `prefix.XXXXXX.tmp`, not yet existing.
fn unique(dir: &Path, prefix: &str) -> PathBuf {
    let mut n = std::process::id() as u64 ^ 0x9E37_79B9;
    loop {
        n = n
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let path = dir.join(format!("{prefix}.{:08x}.tmp", n >> 32));
        if fs::symlink_metadata(&path).is_err() {
            return path;
        }
    }
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

/// Applies the steps in order; on failure, how many were applied and why.
fn apply(dir: &Path, steps: &[Step]) -> std::result::Result<(), (usize, anyhow::Error)> {
    for (i, step) in steps.iter().enumerate() {
        let target = dir.join(&step.name);
        let done = match &step.new {
            Some(tmp) => fs::rename(dir.join(tmp), &target),
            None => fs::remove_file(&target),
        };
        if let Err(e) = done {
            return Err((
                i,
                anyhow::Error::new(e)
                    .context(tr!("io-replace", path = target.display().to_string())),
            ));
        }
    }
    Ok(())
}

/// Undoes applied steps: the kept versions go back in place; a file that
/// did not exist before is removed again.
fn roll_back(dir: &Path, steps: &[Step]) {
    for step in steps.iter().rev() {
        let target = dir.join(&step.name);
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
    /// A killed commit was completed.
    Completed,
    /// A killed commit could not be completed and was undone.
    RolledBack,
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
            && !self.name.starts_with(".brief-")
            && temporary(&self.new, ".brief-new-")
            && temporary(&self.old, ".brief-old-")
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
/// Anything else (a file changed by hand since) undoes them all.
fn complete(dir: &Path, steps: &[Step]) -> Recovery {
    let consistent = steps.iter().all(|s| match (&s.new, &s.digest) {
        (Some(tmp), Some(digest)) => {
            dir.join(tmp).exists()
                || crate::digest::file(&dir.join(&s.name)).as_ref() == Some(digest)
        }
        _ => true,
    });
    let pending: Vec<Step> = steps
        .iter()
        .filter(|s| match &s.new {
            Some(tmp) => dir.join(tmp).exists(),
            None => fs::symlink_metadata(dir.join(&s.name)).is_ok(),
        })
        .cloned()
        .collect();
    if consistent && apply(dir, &pending).is_ok() {
        Recovery::Completed
    } else {
        roll_back(dir, steps);
        Recovery::RolledBack
    }
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
        assert_eq!(recover(d), Recovery::Completed);
        assert_eq!(fs::read(d.join("a.pdf")).unwrap(), b"new a");
        assert_eq!(fs::read(d.join("b.pdf")).unwrap(), b"new b");
        assert_eq!(names(d), ["a.pdf", "b.pdf"]);
    }
}
