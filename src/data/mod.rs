//! The data of a project: its files read and placed, typed, checked.
//!
//! `load` reads `data/meta.yaml`, the two part files it names, the project's
//! `theme.yaml` and the vocabulary, and returns either a [`Project`] or every
//! problem of every file at once. Each file keeps its text and the positions
//! of its values ([`Sources`]): validation, the checks after compiling and
//! the error printers all place problems with them, without reading a file
//! again.

// Data errors are cold and carry the context a user needs; boxing them
// would only add noise.
#![allow(clippy::result_large_err)]

mod error;
pub mod limits;
mod load;
pub mod look;
pub mod model;
mod num;
mod path;
mod position;
mod project;
pub mod prose;
pub mod schema;
pub mod sheet;
mod spans;
pub mod strings;
mod syntax;
pub mod theme;
mod validate;
pub mod vocabulary;

use std::path::{Path, PathBuf};

pub use error::{DataError, nearest};
pub use load::{MAX_FILE_BYTES, Text, escaped, forbidden};
pub use project::{Dataset, Failed, Project, load};

/// The mark of a text carried from last year's project by `init --from`:
/// the build lists each one until it is revised and the mark removed.
pub const REVISE: &str = "【待改】";

/// An id as the data, its placeholders and a figures sheet write one: a
/// lowercase name (`gdp_growth`), of at most `limits::ID` characters.
pub fn is_id(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && text.len() <= limits::ID
}

use crate::tr;

/// A figure's unit as messages name it: a figure the article prints
/// without one (`unitless`) says so, not an empty word.
pub fn unit_name(unit: Option<&str>) -> String {
    unit.map_or_else(|| tr!("unit-none"), str::to_string)
}

/// Where the data lives inside a project.
pub const DATA_DIR: &str = "data";
/// The file that names the others.
pub const META_FILE: &str = "meta.yaml";
/// The project's theme, at its root.
pub const THEME_FILE: &str = "theme.yaml";
/// The built-in vocabulary and theme defaults, which templates read too.
pub const VOCABULARY_FILE: &str = "templates/vocabulary.yaml";
pub const THEME_DEFAULTS_FILE: &str = "templates/theme.yaml";

/// What a file is to the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Meta,
    Achievements,
    Plan,
    Theme,
    Vocabulary,
    ThemeDefaults,
    /// The spreadsheet the figures' values come from.
    Figures,
}

impl Role {
    /// "the achievements file", in the user's language.
    pub fn file_word(self) -> String {
        match self {
            Role::Meta => tr!("role-meta"),
            Role::Achievements => tr!("role-achievements"),
            Role::Plan => tr!("role-plan"),
            Role::Theme => tr!("role-theme"),
            Role::Figures => tr!("role-figures"),
            Role::Vocabulary | Role::ThemeDefaults => tr!("role-template"),
        }
    }
}

/// One file of the project's data, as read.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub role: Role,
    /// Relative to the project.
    pub rel: PathBuf,
    pub text: Text,
}

/// The files of a data set, by role.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
    /// Values of the part files that the figures sheet gives, by file role
    /// and field path: their problems stand at the sheet's cell.
    cells: Vec<sheet::Given>,
    /// The figures sheet's name (none for CSV).
    sheet_name: Option<String>,
}

impl Sources {
    /// A problem at a cell of the figures sheet: the file, the row as its
    /// line, and the cell as its field (主要指标!C3).
    fn at_cell(
        &self,
        file: &SourceFile,
        cell: &sheet::Cell,
        code: &'static str,
        message: String,
    ) -> DataError {
        let col = sheet::text_col(file.text.line(cell.row), cell);
        let field = sheet::field(self.sheet_name.as_deref(), cell);
        DataError::new(&file.rel, code, message).at_cell(cell.row, col, field)
    }

    /// Where a value of the data stands, for a report: its file and field
    /// path, or the sheet's cell that gives it.
    pub fn place(&self, role: Role, path: &str) -> String {
        let value = format!("{path}.value");
        let given = self
            .cells
            .iter()
            .find(|g| g.role == role && (g.path == path || g.path == value));
        match (given, self.get(Role::Figures)) {
            (Some(g), Some(file)) => {
                let cell = sheet::field(self.sheet_name.as_deref(), &g.cell);
                format!("{} {cell}", file.rel.display())
            }
            _ => {
                let file = self
                    .get(role)
                    .map(|f| f.rel.display().to_string())
                    .unwrap_or_default();
                format!("{file} {path}")
            }
        }
    }

    pub fn get(&self, role: Role) -> Option<&SourceFile> {
        self.files.iter().find(|f| f.role == role)
    }

    /// A file by its path relative to the project.
    pub fn by_path(&self, rel: &Path) -> Option<&SourceFile> {
        self.files.iter().find(|f| f.rel == rel)
    }

    /// Every file read, with the digest of the bytes read (for the state).
    pub fn digests(&self) -> Vec<(PathBuf, String)> {
        self.files
            .iter()
            .map(|f| (f.rel.clone(), f.text.digest.clone()))
            .collect()
    }

    /// A problem at the value of `path` in the file of `role`; with `spot`
    /// (the value's text and a byte offset in it), at that character.
    pub fn error(
        &self,
        role: Role,
        path: &str,
        spot: Option<(&str, usize)>,
        code: &'static str,
        message: String,
    ) -> DataError {
        if let Some(given) = self.cells.iter().find(|g| g.role == role && g.path == path)
            && let Some(file) = self.get(Role::Figures)
        {
            return self.at_cell(file, &given.cell, code, message);
        }
        let Some(file) = self.get(role) else {
            return DataError::new(PathBuf::from(DATA_DIR), code, message).path(path);
        };
        // A field of the YAML checked against a value the sheet gave (the
        // `written`, `to` or qualifier of a value from a cell): the message
        // names that cell, whose number the YAML does not show (round 21).
        let sibling = path
            .rsplit_once('.')
            .filter(|(_, field)| ["written", "to", "qualifier", "dash"].contains(field))
            .map(|(parent, _)| format!("{parent}.value"));
        let message = match (
            sibling.and_then(|v| self.cells.iter().find(|g| g.role == role && g.path == v)),
            self.get(Role::Figures),
        ) {
            (Some(given), Some(sheet)) => tr!(
                "sheet-value-there",
                message = message,
                cell = format!(
                    "{} {}",
                    sheet.rel.display(),
                    sheet::field(self.sheet_name.as_deref(), &given.cell)
                )
            ),
            _ => message,
        };
        let mut e = DataError::new(&file.rel, code, message).path(path);
        // A key brief does not know stands at the key, not at its value.
        let spans = &file.text.spans;
        let at = if code.ends_with("unknown-key") {
            spans.key(path).or_else(|| spans.value(path))
        } else {
            spans.value(path)
        };
        if let Some(loc) = at {
            let loc = match spot {
                Some((value, offset)) => {
                    e.point = true;
                    position::within(&file.text.text, loc, value, offset)
                }
                None => loc,
            };
            e = e.at(loc.line, loc.col);
        }
        e
    }
}
