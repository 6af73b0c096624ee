//! The digest brief records for a file's contents (build state, data files,
//! outputs): 128-bit xxh3, fast enough to hash every input on a no-op run.

pub fn digest(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

/// The digest of a file on disk, if it can be read.
pub fn file(path: &std::path::Path) -> Option<String> {
    std::fs::read(path).ok().map(|b| digest(&b))
}
