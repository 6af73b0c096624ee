//! Timings for profiling, printed when `BRIEF_TIMINGS` is set (BENCHMARKS.md
//! explains them): phases of a build, and per-document events on threads of
//! their own, which phases cannot show.

use std::sync::OnceLock;
use std::time::Instant;

fn enabled() -> bool {
    static ENABLED: OnceLock<bool> = OnceLock::new();
    *ENABLED.get_or_init(|| std::env::var_os("BRIEF_TIMINGS").is_some())
}

/// An event, with the time since the first event.
pub fn event(name: &str) {
    static START: OnceLock<Instant> = OnceLock::new();
    if enabled() {
        let start = START.get_or_init(Instant::now);
        eprintln!(
            "brief: timing at {:.1} ms: {name}",
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
}

/// Phase timings.
pub struct Timer {
    enabled: bool,
    last: Instant,
}

impl Timer {
    pub fn start() -> Self {
        Timer {
            enabled: enabled(),
            last: Instant::now(),
        }
    }

    pub fn phase(&mut self, name: &str) {
        if self.enabled {
            let now = Instant::now();
            eprintln!(
                "brief: timing {name}: {:.1} ms",
                (now - self.last).as_secs_f64() * 1000.0
            );
            self.last = now;
        }
    }
}

/// What the run is doing: what a timeout or the memory limit reports
/// (`--timeout` ended the run while …).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Doing {
    /// Waiting for the lock of this output folder.
    Lock(std::path::PathBuf),
    Data,
    Fonts,
    Compile,
    /// Writing the laid-out pages as PDF or images, .pptx and .docx.
    Export,
    Write,
}

impl Doing {
    /// In the user's words.
    pub fn words(&self) -> String {
        use crate::tr;
        match self {
            Doing::Lock(dir) => tr!("doing-lock", dir = dir.display().to_string()),
            Doing::Data => tr!("doing-data"),
            Doing::Fonts => tr!("doing-fonts"),
            Doing::Compile => tr!("doing-compile"),
            Doing::Export => tr!("doing-export"),
            Doing::Write => tr!("doing-write"),
        }
    }

    /// What takes memory at this stage, for the memory limit's message.
    pub fn memory_hint(&self) -> String {
        use crate::tr;
        match self {
            Doing::Lock(_) | Doing::Data => tr!("fail-memory-data"),
            Doing::Fonts => tr!("fail-memory-fonts"),
            Doing::Compile | Doing::Export | Doing::Write => tr!("fail-memory-compile"),
        }
    }
}

static DOING: std::sync::Mutex<Option<Doing>> = std::sync::Mutex::new(None);

/// Records what the run does from now on.
pub fn doing(what: Doing) {
    crate::memory::doing(&what.words(), &what.memory_hint());
    *DOING.lock().unwrap_or_else(|e| e.into_inner()) = Some(what);
}

/// What the run was doing last, if anything was recorded.
pub fn now_doing() -> Option<Doing> {
    DOING.lock().unwrap_or_else(|e| e.into_inner()).clone()
}
