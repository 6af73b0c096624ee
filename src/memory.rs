//! A ceiling on the memory a run may take (`--memory-limit`): a template
//! that builds a hundred million values, or a page image of gigapixels,
//! would otherwise end in the allocator's abort (exit 134) or take the
//! machine's memory from everything else. The global allocator counts what
//! is allocated; past the limit, the run prints why and exits with its own
//! code, before any output was changed (a commit cut short is completed by
//! the next run, see `outputs::commit`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct Counting;

static USED: AtomicUsize = AtomicUsize::new(0);
static LIMIT: AtomicUsize = AtomicUsize::new(usize::MAX);
/// The message, made before any limit can be reached: past it, nothing may
/// be allocated.
static MESSAGE: OnceLock<String> = OnceLock::new();

/// Sets the limit (bytes) and the message printed when a run exceeds it.
pub fn limit(bytes: usize, message: String) {
    let _ = MESSAGE.set(message);
    LIMIT.store(bytes, Ordering::Relaxed);
}

#[cold]
fn exceeded() -> ! {
    let message = MESSAGE
        .get()
        .map_or("memory limit exceeded\n", String::as_str);
    // SAFETY: write(2) and _exit(2) are async-signal-safe and allocate
    // nothing; the buffer is a valid static string.
    unsafe {
        libc::write(2, message.as_ptr().cast(), message.len());
        libc::_exit(i32::from(crate::error::EXIT_MEMORY));
    }
}

fn grow(size: usize) {
    let used = USED.fetch_add(size, Ordering::Relaxed) + size;
    if used > LIMIT.load(Ordering::Relaxed) {
        exceeded();
    }
}

// SAFETY: every call is passed on to the system allocator unchanged; the
// counting around it touches only atomics.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        USED.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            grow(new_size - layout.size());
        } else {
            USED.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}
