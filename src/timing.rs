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

/// What the run is doing now, in the user's words: what a timeout reports
/// (`--timeout` ended the run while …).
static DOING: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

/// Records what the run does from now on.
pub fn doing(what: String) {
    *DOING.lock().unwrap_or_else(|e| e.into_inner()) = what;
}

/// What the run was doing last, if anything was recorded.
pub fn now_doing() -> Option<String> {
    let d = DOING.lock().unwrap_or_else(|e| e.into_inner());
    (!d.is_empty()).then(|| d.clone())
}
