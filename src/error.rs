//! How a command fails, and the exit code each failure has. The codes are
//! part of brief's interface (README, "Exit codes"): never renumber them.

use std::fmt;

use crate::tr;

#[derive(Debug)]
pub enum Failure {
    /// Bad arguments or project layout (2, like clap's own usage errors).
    Usage(String),
    /// The data has errors; they were printed already.
    Data(usize),
    /// A template failed to compile, or a --strict check failed.
    Template(String),
    /// Another brief holds the output folder.
    Locked(String),
    /// A compilation ran past --timeout.
    Timeout(String),
    /// Anything else: I/O, a full disk, a read-only folder.
    Other(anyhow::Error),
}

/// Exit code of a build that ran past `--memory-limit` (ended by the
/// allocator, see `memory.rs`).
pub const EXIT_MEMORY: u8 = 7;

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

    /// The stable code of a failure that no diagnostic describes (JSON
    /// lines); `None` for data and template failures, whose problems were
    /// printed one by one.
    pub fn code(&self) -> Option<&'static str> {
        match self {
            Failure::Other(_) => Some("fail-other"),
            Failure::Usage(_) => Some("fail-usage"),
            Failure::Locked(_) => Some("fail-locked"),
            Failure::Timeout(_) => Some("fail-timeout"),
            Failure::Data(_) | Failure::Template(_) => None,
        }
    }

    /// Whether no output was changed: true of every failure but some I/O
    /// errors, which say so themselves.
    fn unchanged(&self) -> bool {
        matches!(
            self,
            Failure::Data(_) | Failure::Template(_) | Failure::Timeout(_)
        )
    }
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Self {
        Failure::Other(e)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Usage(m) | Failure::Template(m) | Failure::Locked(m) | Failure::Timeout(m) => {
                f.write_str(m)?
            }
            Failure::Data(n) => f.write_str(&tr!("fail-data", count = *n))?,
            // Each cause in the chain, system errors in the user's words.
            Failure::Other(e) => {
                let causes: Vec<String> = e
                    .chain()
                    .map(|c| match c.downcast_ref::<std::io::Error>() {
                        Some(io) => crate::i18n::io(io),
                        None => c.to_string(),
                    })
                    .collect();
                f.write_str(&causes.join(": "))?
            }
        }
        if self.unchanged() {
            write!(f, "{}", tr!("fail-unchanged"))?;
        }
        Ok(())
    }
}
