//! What a build leaves in the output folder: files that change as one set
//! (`commit`), one writer at a time (`lock`), the record of what the last
//! build was made from and showed (`state`), and the report of what changed
//! (`changes`).

pub mod changes;
pub mod commit;
pub mod lock;
pub mod state;

use std::path::{Path, PathBuf};

use crate::digest::{self, Follow, Unread};

/// Whether `name` is a name brief writes in the output folder: one plain
/// file name, never a path. What the journal and the state name is checked
/// with it: a tampered file must not make brief move or delete a file
/// elsewhere (`../data/meta.yaml`, `/etc/passwd`).
pub fn plain_name(name: &str) -> bool {
    !name.is_empty() && name != "." && name != ".." && !name.contains(['/', '\\', '\0'])
}

/// One of brief's own files in the output folder, as read by [`read_own`].
pub enum Own {
    Absent,
    Read(Vec<u8>),
    /// Not a file brief wrote (a link, a FIFO, a device, too large): moved
    /// to this name, out of brief's way.
    SetAside(PathBuf),
}

/// Reads brief's own file `name` (the state, the journal) in `dir`: never
/// through a link, never what is not a regular file, at most `max` bytes.
/// Anything else is set aside as `NAME.bad`, for the caller to report.
pub fn read_own(dir: &Path, name: &str, max: u64) -> Own {
    let path = dir.join(name);
    match digest::read(&path, max, Follow::No) {
        Ok(bytes) => Own::Read(bytes),
        Err(Unread::Absent) => Own::Absent,
        Err(Unread::NotRegular | Unread::TooLarge(_)) => set_aside(dir, name),
        // Unreadable (permissions): as if absent; the write that follows
        // says what is wrong.
        Err(Unread::Io(_)) => Own::Absent,
    }
}

/// Moves `name` out of brief's way, to `NAME.bad`.
pub fn set_aside(dir: &Path, name: &str) -> Own {
    let bad = dir.join(format!("{name}.bad"));
    match std::fs::rename(dir.join(name), &bad) {
        Ok(()) => Own::SetAside(bad),
        Err(_) => Own::Absent,
    }
}

/// Whether `name` is one of a document's outputs: `slides.pdf`,
/// `slides.pdfpc`, `slides.pptx`, `briefing.docx`, `slides-07.png`,
/// `slides-07.svg`.
pub fn belongs_to(name: &str, stem: &str) -> bool {
    let Some(rest) = name.strip_prefix(stem) else {
        return false;
    };
    match rest {
        ".pdf" | ".pdfpc" | ".pptx" | ".docx" => true,
        _ => rest
            .strip_prefix('-')
            .and_then(|r| r.strip_suffix(".png").or_else(|| r.strip_suffix(".svg")))
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_belong_to_their_document_only() {
        for name in [
            "slides.pdf",
            "slides.pdfpc",
            "slides.pptx",
            "slides-07.png",
            "slides-123.svg",
        ] {
            assert!(belongs_to(name, "slides"), "{name}");
        }
        assert!(belongs_to("briefing.docx", "briefing"));
        for name in [
            "slides.pdf.bak",
            "slides-.png",
            "slides-a1.png",
            "myslides.pdf",
            "handout.pdf",
        ] {
            assert!(!belongs_to(name, "slides"), "{name}");
        }
    }
}
