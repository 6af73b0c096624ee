//! Writing outputs so that nothing is ever half-written: every file goes to
//! a temporary file in the output folder first and is renamed into place
//! only once all of them were written; and one writer at a time.

use std::fs::{self, File, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

/// The lock file, inside the output folder.
pub const LOCK_FILE: &str = ".brief.lock";

/// Holds the output folder's lock until dropped.
pub struct OutputLock {
    _file: File,
}

/// Why the lock could not be had.
pub enum LockError {
    Busy,
    Io(anyhow::Error),
}

/// Takes the output folder's lock, waiting up to `wait` for another brief to
/// finish. The OS releases it if the holder dies.
pub fn lock(out: &Path, wait: Duration) -> Result<OutputLock, LockError> {
    let path = out.join(LOCK_FILE);
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot open the lock file {}", path.display()))
        .map_err(LockError::Io)?;
    let deadline = Instant::now() + wait;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(OutputLock { _file: file }),
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                thread::sleep(Duration::from_millis(50));
            }
            Err(TryLockError::WouldBlock) => return Err(LockError::Busy),
            Err(TryLockError::Error(e)) => {
                return Err(LockError::Io(
                    anyhow::Error::new(e).context(format!("cannot lock {}", path.display())),
                ));
            }
        }
    }
}

/// Removes temporaries that a killed run left behind (`.brief-briefing.pdf.Ab3xQz.tmp`).
/// Called under the lock, so no other run is writing them.
pub fn remove_temporaries(out: &Path) {
    let Ok(entries) = fs::read_dir(out) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with(".brief-") && name.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Creates the output folder (and its parents) if missing.
pub fn ensure_dir(out: &Path) -> Result<()> {
    fs::create_dir_all(out)
        .with_context(|| format!("cannot create the output folder {}", out.display()))
}

/// How hard to make outputs survive a power cut, not only a crash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// fsync every file and the folder before and after the renames.
    Durable,
    /// Rename only (watch mode: atomic for readers, ~40 ms faster).
    Fast,
}

/// Writes all `files` (names inside `out`) or none: temporaries are written
/// (and synced) first, then renamed into place. On error the temporaries are
/// removed and the previous outputs are untouched.
pub fn write_all(out: &Path, files: &[(String, Vec<u8>)], sync: Durability) -> Result<()> {
    let mut staged = Vec::with_capacity(files.len());
    for (name, bytes) in files {
        let mut tmp = tempfile::Builder::new()
            .prefix(&format!(".brief-{name}."))
            .suffix(".tmp")
            // Outputs are for everyone to read (the umask still applies).
            .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644))
            .tempfile_in(out)
            .with_context(|| format!("cannot create a temporary file in {}", out.display()))?;
        tmp.write_all(bytes)
            .and_then(|()| {
                if sync == Durability::Durable {
                    tmp.as_file().sync_all()
                } else {
                    Ok(())
                }
            })
            .with_context(|| format!("cannot write {}", out.join(name).display()))?;
        staged.push((tmp, out.join(name)));
    }
    for (tmp, target) in staged {
        tmp.persist(&target).map_err(|e| e.error).with_context(|| {
            format!(
                "cannot move the new file into place at {}",
                target.display()
            )
        })?;
    }
    // Make the renames durable too.
    if sync == Durability::Durable
        && let Ok(dir) = File::open(out)
    {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Removes page images of an earlier, longer export (`slides-12.png` when
/// the deck now has 11 pages), so that the folder shows only current pages.
pub fn remove_stale_pages(out: &Path, stem: &str, ext: &str, keep: &[String]) {
    let Ok(entries) = fs::read_dir(out) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        let is_page = name
            .strip_prefix(&format!("{stem}-"))
            .and_then(|rest| rest.strip_suffix(&format!(".{ext}")))
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if is_page && !keep.contains(&name) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether `name` is one of a document's outputs: `slides.pdf`,
/// `slides.pdfpc`, `slides-07.png`, `slides-07.svg`.
pub fn belongs_to(name: &str, stem: &str) -> bool {
    let Some(rest) = name.strip_prefix(stem) else {
        return false;
    };
    match rest {
        ".pdf" | ".pdfpc" => true,
        _ => rest
            .strip_prefix('-')
            .and_then(|r| r.strip_suffix(".png").or_else(|| r.strip_suffix(".svg")))
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())),
    }
}

/// `slides-01.png`: zero-padded to at least two digits so names sort.
pub fn page_name(stem: &str, page: usize, pages: usize, ext: &str) -> String {
    let width = pages.to_string().len().max(2);
    format!("{stem}-{page:0width$}.{ext}")
}

/// The output folder as given, or `out/` in the project.
pub fn out_dir(project: &Path, given: Option<&PathBuf>) -> PathBuf {
    given.cloned().unwrap_or_else(|| project.join("out"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_everything_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        write_all(
            dir.path(),
            &[
                ("a.pdf".into(), b"one".to_vec()),
                ("b.pdf".into(), b"two".to_vec()),
            ],
            Durability::Durable,
        )
        .unwrap();
        let mut names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        assert_eq!(names, ["a.pdf", "b.pdf"]);
        assert_eq!(fs::read(dir.path().join("b.pdf")).unwrap(), b"two");
    }

    #[test]
    fn outputs_belong_to_their_document_only() {
        for name in [
            "slides.pdf",
            "slides.pdfpc",
            "slides-07.png",
            "slides-123.svg",
        ] {
            assert!(belongs_to(name, "slides"), "{name}");
        }
        for name in [
            "slides.pdf.bak",
            "slides-.png",
            "slides-a1.png",
            "myslides.pdf",
            "handout.pdf",
        ] {
            assert!(!belongs_to(name, "slides"), "{name}");
        }
    }

    #[test]
    fn page_names_sort() {
        assert_eq!(page_name("slides", 3, 12, "png"), "slides-03.png");
        assert_eq!(page_name("slides", 7, 120, "svg"), "slides-007.svg");
    }

    #[test]
    fn a_second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let first = lock(dir.path(), Duration::ZERO).ok().unwrap();
        assert!(matches!(
            lock(dir.path(), Duration::from_millis(100)),
            Err(LockError::Busy)
        ));
        drop(first);
        assert!(lock(dir.path(), Duration::ZERO).is_ok());
    }
}
