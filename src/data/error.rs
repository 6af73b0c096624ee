//! Errors in data files: always a file, and where possible a line, a column
//! and the field path, so that a log line alone says what to fix.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    /// Path as the user knows it (relative to the project).
    pub file: PathBuf,
    /// 1-based line and column; none when the file could not be read as text.
    pub line: Option<usize>,
    pub col: Option<usize>,
    /// Byte offset, for problems found before the text could be split into lines.
    pub offset: Option<usize>,
    /// Field path such as `sections[0].figures[3].yoy`.
    pub path: Option<String>,
    pub message: String,
    pub hint: Option<String>,
}

impl DataError {
    pub fn new(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            line: None,
            col: None,
            offset: None,
            path: None,
            message: message.into(),
            hint: None,
        }
    }

    pub fn at(mut self, line: usize, col: usize) -> Self {
        self.line = Some(line);
        self.col = Some(col);
        self
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

    /// `file:line:col` (or `file:byte N`, or `file`).
    pub fn location(&self) -> String {
        let file = self.file.display();
        match (self.line, self.col, self.offset) {
            (Some(l), Some(c), _) => format!("{file}:{l}:{c}"),
            (_, _, Some(o)) => format!("{file}: byte {o}"),
            _ => file.to_string(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.location())?;
        if let Some(path) = &self.path {
            write!(f, "`{path}`: ")?;
        }
        f.write_str(&self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

/// The closest of `candidates` to `word`, if it is close enough to be a typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| *d <= (c.chars().count().max(2) / 2).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
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
    }
}
