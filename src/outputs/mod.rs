//! What a build leaves in the output folder: files that change as one set
//! (`commit`), one writer at a time (`lock`), the record of what the last
//! build was made from and showed (`state`), and the report of what changed
//! (`changes`).

pub mod changes;
pub mod commit;
pub mod lock;
pub mod state;

/// Whether `name` is one of a document's outputs: `slides.pdf`,
/// `slides.pdfpc`, `slides.pptx`, `slides-07.png`, `slides-07.svg`.
pub fn belongs_to(name: &str, stem: &str) -> bool {
    let Some(rest) = name.strip_prefix(stem) else {
        return false;
    };
    match rest {
        ".pdf" | ".pdfpc" | ".pptx" => true,
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
