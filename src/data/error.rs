//! Errors in data files: always a file, and where possible a line, a column
//! and the field path, so that a log line alone says what to fix.

use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    /// Path as the user knows it (relative to the project).
    pub file: PathBuf,
    /// 1-based line and column (in characters); none when the file could
    /// not be read as text.
    pub line: Option<usize>,
    pub col: Option<usize>,
    /// Byte offset, for problems found before the text could be split into lines.
    pub offset: Option<usize>,
    /// Field path such as `sections[0].figures[3].yoy`.
    pub path: Option<String>,
    /// A stable name of the kind of problem (`data-unknown-field`), for tools.
    pub code: &'static str,
    /// The message, in the user's language.
    pub message: String,
    pub hint: Option<String>,
    /// The problem is one character (or one placeholder) inside a value,
    /// not the value as a whole.
    pub point: bool,
    /// The problem is at a spreadsheet's cell (named in `path`): `line` is
    /// its row, `col` a place in the row as brief shows it (the cells
    /// joined by ` | `), not in the file, so no location prints it.
    pub cell: bool,
}

impl DataError {
    pub fn new(file: impl Into<PathBuf>, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            line: None,
            col: None,
            offset: None,
            path: None,
            code,
            message: message.into(),
            hint: None,
            point: false,
            cell: false,
        }
    }

    pub fn at(mut self, line: usize, col: usize) -> Self {
        self.line = Some(line);
        self.col = Some(col);
        self
    }

    /// At the spreadsheet cell `name` in `row`; `col` places the mark in
    /// the row as shown (see [`DataError::cell`]).
    pub fn at_cell(mut self, row: usize, col: usize, name: impl Into<String>) -> Self {
        self.cell = true;
        self.at(row, col).path(name)
    }

    pub fn path(mut self, path: impl Into<String>) -> Self {
        let path = path.into();
        if !path.is_empty() && path != "." {
            self.path = Some(path);
        }
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// `file:line:col` (or `file`).
    pub fn location(&self) -> String {
        let file = self.file.display();
        match (self.line, self.col) {
            (Some(l), _) if self.cell => format!("{file}:{l}"),
            (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
            _ => file.to_string(),
        }
    }
}

/// The closest of `candidates` to `word`, if it is close enough to be a typo:
/// a few edits away and sharing a character (so that an unknown one-character
/// unit such as 只 is not "corrected" to %).
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(word, c), c))
        .filter(|(d, c)| *d <= (c.chars().count().max(2) / 2).max(1))
        .filter(|(_, c)| c.chars().any(|ch| word.contains(ch)))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_field() {
        let fields = ["id", "label", "value", "unit", "yoy", "share"];
        assert_eq!(nearest("valeu", fields), Some("value"));
        assert_eq!(nearest("lable", fields), Some("label"));
        assert_eq!(nearest("completely_else", fields), None);
        assert_eq!(nearest("只", ["%", "个", "天"]), None);
        assert_eq!(nearest("万人数", ["万人", "人次"]), Some("万人"));
    }
}
