//! A ceiling on the memory a run may take (`--memory-limit`): a template
//! that builds a hundred million values, or a page image of gigapixels,
//! would otherwise end in the allocator's abort (exit 134) or take the
//! machine's memory from everything else. The global allocator counts what
//! is allocated; past the limit, the run prints why and exits with its own
//! code, before any output was changed (a commit cut short is completed by
//! the next run, see `outputs::commit`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicPtr, AtomicU64, AtomicUsize, Ordering};

use crate::tr;

pub struct Counting;

static USED: AtomicUsize = AtomicUsize::new(0);
static LIMIT: AtomicUsize = AtomicUsize::new(usize::MAX);
static LIMIT_MIB: AtomicU64 = AtomicU64::new(0);
/// The message for what the run does now, made before any limit can be
/// reached: past it, nothing may be allocated. Each message is made once
/// and kept for the process (a few, however long watch runs).
/// (where the JSON line ends, the JSON line and the message): the line is
/// empty unless tools read JSON lines.
type Message = (usize, Vec<u8>);
static MESSAGE: AtomicPtr<Message> = AtomicPtr::new(std::ptr::null_mut());
static MADE: Mutex<Option<HashMap<String, &'static Message>>> = Mutex::new(None);
/// A writer of a failure's JSON line (the caller's: `term` is above).
pub type JsonLine = fn(&str) -> String;
/// The failure as a JSON line, when the run writes them
/// (`--diagnostic-format json`).
static JSON: Mutex<Option<JsonLine>> = Mutex::new(None);

/// Sets the limit (MiB); the message says what the run was doing then
/// (`timing::doing` passes it on to [`doing`]).
pub fn limit(mib: u64, json: Option<JsonLine>) {
    *JSON.lock().unwrap_or_else(|e| e.into_inner()) = json;
    LIMIT_MIB.store(mib, Ordering::Relaxed);
    let bytes = usize::try_from(mib).unwrap_or(usize::MAX / 1024 / 1024) * 1024 * 1024;
    LIMIT.store(bytes, Ordering::Relaxed);
}

/// The run does `doing` from now on (in the user's words), where `hint`
/// says what takes memory (the data, the fonts, or the pages and --ppi).
pub fn doing(doing: &str, hint: &str) {
    let mib = LIMIT_MIB.load(Ordering::Relaxed);
    if mib == 0 {
        return;
    }
    let mut made = MADE.lock().unwrap_or_else(|e| e.into_inner());
    let message = *made
        .get_or_insert_with(HashMap::new)
        .entry(doing.to_string())
        .or_insert_with(|| {
            let said = tr!("fail-memory", limit = mib, doing = doing, hint = hint);
            let text = format!("{}: {said}\n", tr!("word-error"));
            let mut bytes = crate::i18n::for_terminal(&text).into_owned();
            // A tool reading JSON lines learns why too: the line goes first,
            // to standard output, the rest to standard error.
            let line = *JSON.lock().unwrap_or_else(|e| e.into_inner());
            let json = line.map_or_else(Vec::new, |line| format!("{}\n", line(&said)).into_bytes());
            let at = json.len();
            let mut all = json;
            all.append(&mut bytes);
            Box::leak(Box::new((at, all)))
        });
    MESSAGE.store(std::ptr::from_ref(message).cast_mut(), Ordering::Release);
}

#[cold]
fn exceeded() -> ! {
    let message = MESSAGE.load(Ordering::Acquire);
    // SAFETY: null, or a message leaked by `doing`, never freed.
    let (json, said): (&[u8], &[u8]) = match unsafe { message.as_ref() } {
        Some((at, all)) => all.split_at(*at),
        None => (b"", b"memory limit exceeded\n"),
    };
    // SAFETY: write(2) and _exit(2) are async-signal-safe and allocate
    // nothing; the buffers are valid static strings.
    unsafe {
        libc::write(1, json.as_ptr().cast(), json.len());
        libc::write(2, said.as_ptr().cast(), said.len());
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
