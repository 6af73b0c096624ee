//! The digest brief records for a file's contents (build state, data files,
//! outputs): 128-bit xxh3, fast enough to hash every input on a no-op run.

pub fn digest(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

/// Files larger than this are never read to be compared: no input or
/// output of brief comes near it.
const MAX_BYTES: u64 = 1 << 30;

/// The digest of a file on disk, if it is a regular file that can be read
/// (a FIFO put in a file's place would block the reader forever).
pub fn file(path: &std::path::Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_BYTES {
        return None;
    }
    std::fs::read(path).ok().map(|b| digest(&b))
}
