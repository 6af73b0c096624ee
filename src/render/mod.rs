//! From worlds to documents and bytes: compilation (documents in parallel,
//! under a time limit), what the templates marked in them, checks on the
//! laid-out pages, and export to PDF, PNG, SVG and the notes.

pub mod compile;
pub mod export;
pub mod glyphs;
pub mod marks;
pub mod pages;
