//! The `brief` binary: the library's [`brief::run`], its failure printed and
//! turned into the documented exit code.

use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: brief::memory::Counting = brief::memory::Counting;

fn main() -> ExitCode {
    // A closed pipe (`brief schema | head -1`) ends brief quietly, as it
    // does any Unix tool, instead of panicking on the next write.
    // SAFETY: restoring a signal's default disposition at start-up, before
    // any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    match brief::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            // Data and template problems were printed in full already.
            brief::term::fatal(&failure.to_string());
            ExitCode::from(failure.exit_code())
        }
    }
}
