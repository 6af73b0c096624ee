//! One writer at a time: an advisory lock on a file in the output folder,
//! which the OS releases when its holder dies.

use std::fs::{File, TryLockError};
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::Context;

/// The lock file, inside the output folder.
pub const LOCK_FILE: &str = ".brief.lock";

/// Holds the output folder's lock until dropped.
pub struct OutputLock {
    _file: File,
    out: std::path::PathBuf,
    /// Where a link, FIFO or device found in the lock's place was moved, for
    /// the caller to report.
    pub set_aside: Option<std::path::PathBuf>,
}

/// The output folder this process holds locked, while it does: what a run
/// that ends early (Ctrl-C, `--timeout`) may clear of what it staged.
static HELD: std::sync::Mutex<Option<std::path::PathBuf>> = std::sync::Mutex::new(None);

/// The output folder this process holds locked now, if any.
pub fn held() -> Option<std::path::PathBuf> {
    HELD.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
        if held.as_deref() == Some(self.out.as_path()) {
            *held = None;
        }
    }
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
    let mut set_aside = None;
    let file = match open(&path) {
        Ok(file) => Ok(file),
        // A link, a FIFO or a device in the lock's place would block or
        // lock something else: it is set aside, and a lock file made anew.
        Err(_) if !is_regular(&path) => {
            if let super::Own::SetAside(bad) = super::set_aside(out, LOCK_FILE) {
                set_aside = Some(bad);
            }
            open(&path)
        }
        Err(e) => Err(e),
    }
    .with_context(|| crate::tr!("io-lock-open", path = path.display().to_string()))
    .map_err(LockError::Io)?;
    let deadline = Instant::now() + wait;
    loop {
        match file.try_lock() {
            Ok(()) => {
                *HELD.lock().unwrap_or_else(|e| e.into_inner()) = Some(out.to_path_buf());
                return Ok(OutputLock {
                    _file: file,
                    out: out.to_path_buf(),
                    set_aside,
                });
            }
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                thread::sleep(Duration::from_millis(50));
            }
            Err(TryLockError::WouldBlock) => return Err(LockError::Busy),
            Err(TryLockError::Error(e)) => {
                return Err(LockError::Io(
                    anyhow::Error::new(e)
                        .context(crate::tr!("io-lock", path = path.display().to_string())),
                ));
            }
        }
    }
}

/// Opens (or makes) the lock file: never through a link, without blocking
/// on a FIFO, and only a regular file.
fn open(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let flags = libc::O_NOFOLLOW | libc::O_NONBLOCK;
    let file = match File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .custom_flags(flags)
        .open(path)
    {
        Ok(file) => file,
        // A folder brief may not write (read-only, or another user's) still
        // takes the lock through its existing file, read-only: a build
        // that is up to date there says so, and one that is not fails
        // where it writes, naming the folder.
        Err(e)
            if e.kind() == std::io::ErrorKind::PermissionDenied
                || e.raw_os_error() == Some(libc::EROFS) =>
        {
            File::options()
                .read(true)
                .custom_flags(flags)
                .open(path)
                .map_err(|_| e)?
        }
        Err(e) => return Err(e),
    };
    if file.metadata()?.is_file() {
        Ok(file)
    } else {
        Err(std::io::Error::from_raw_os_error(libc::EINVAL))
    }
}

fn is_regular(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

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
