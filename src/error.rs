//! How a command fails, and the exit code each failure has. The codes are
//! part of brief's interface (README, "Exit codes"): never renumber them.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum Failure {
    /// Bad arguments or project layout (2, like clap's own usage errors).
    #[error("{0}")]
    Usage(String),
    /// The data has errors; they were printed already.
    #[error("the data has {0} error(s); no output was changed")]
    Data(usize),
    /// A template failed to compile, or a --strict check failed.
    #[error("{0}; no output was changed")]
    Template(String),
    /// Another brief holds the output folder.
    #[error("{0}")]
    Locked(String),
    /// A compilation ran past --timeout.
    #[error("{0}; no output was changed")]
    Timeout(String),
    /// Anything else: I/O, a full disk, a read-only folder.
    #[error("{0:#}")]
    Other(#[from] anyhow::Error),
}

impl Failure {
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Other(_) => 1,
            Failure::Usage(_) => 2,
            Failure::Data(_) => 3,
            Failure::Template(_) => 4,
            Failure::Locked(_) => 5,
            Failure::Timeout(_) => 6,
        }
    }
}
