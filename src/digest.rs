//! The digest brief records for a file's contents (build state, data files,
//! outputs): 128-bit xxh3, fast enough to hash every input on a no-op run;
//! and the one careful way brief reads a file it did not make itself.

use std::fs::File;
use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

pub fn digest(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

/// Files larger than this are never read to be compared: no input or
/// output of brief comes near it.
const MAX_BYTES: u64 = 1 << 30;

/// The digest of a file on disk, if it is a regular file that can be read
/// (a FIFO put in a file's place would block the reader forever).
pub fn file(path: &Path) -> Option<String> {
    read(path, MAX_BYTES, Follow::Yes).ok().map(|b| digest(&b))
}

/// Whether [`read`] follows a symbolic link at the path itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follow {
    Yes,
    No,
}

/// Why [`read`] read nothing.
#[derive(Debug)]
pub enum Unread {
    /// Nothing is there.
    Absent,
    /// A link (with `Follow::No`), a folder, a FIFO, a device, a socket.
    NotRegular,
    /// Larger than the bound.
    TooLarge(u64),
    Io(std::io::Error),
}

/// Reads a regular file of at most `max` bytes: opened without blocking (a
/// FIFO would block `open` itself), checked on the open file (no race with
/// a swap after a look at the path), and never read past `max + 1` bytes (a
/// file that grows, `/dev/zero`).
pub fn read(path: &Path, max: u64, follow: Follow) -> Result<Vec<u8>, Unread> {
    let mut flags = libc::O_NONBLOCK;
    if follow == Follow::No {
        flags |= libc::O_NOFOLLOW;
    }
    let file = File::options()
        .read(true)
        .custom_flags(flags)
        .open(path)
        .map_err(|e| match e.raw_os_error() {
            Some(libc::ENOENT) => Unread::Absent,
            Some(libc::ELOOP) | Some(libc::ENXIO) => Unread::NotRegular,
            _ => Unread::Io(e),
        })?;
    let meta = file.metadata().map_err(Unread::Io)?;
    if !meta.is_file() {
        return Err(Unread::NotRegular);
    }
    if meta.len() > max {
        return Err(Unread::TooLarge(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(Unread::Io)?;
    if bytes.len() as u64 > max {
        return Err(Unread::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}
