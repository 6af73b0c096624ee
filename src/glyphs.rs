//! Characters in the data that no available font can draw. Typst would
//! silently draw an empty box; brief names the character and where it is.

use std::path::Path;

use crate::data::{DataFiles, Dataset};
use crate::fonts::Fonts;

pub struct Missing {
    pub ch: char,
    pub file: String,
    pub line: Option<usize>,
    pub col: Option<usize>,
    pub path: String,
}

impl Missing {
    pub fn message(&self) -> String {
        let place = match (self.line, self.col) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.file),
            _ => self.file.clone(),
        };
        format!(
            "no available font can draw '{}' (U+{:04X}) at {place}, field `{}`",
            self.ch, self.ch as u32, self.path
        )
    }

    pub fn hints(&self) -> Vec<String> {
        vec![
            "replace the character, or add a font that has it with --font-path".into(),
            "brief fonts lists the fonts in use".into(),
        ]
    }
}

/// Every distinct character of the data's text that no font covers, at its
/// first occurrence.
pub fn missing(dataset: &Dataset, files: &DataFiles, root: &Path, fonts: &Fonts) -> Vec<Missing> {
    let value = serde_json::to_value(dataset).expect("the data set serialises");
    let mut strings = Vec::new();
    collect(&value, String::new(), &mut strings);

    let covered = |c: char| {
        fonts
            .get()
            .origins
            .iter()
            .any(|(info, _)| info.coverage.contains(c as u32))
    };
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (path, text) in strings {
        for ch in text.chars() {
            if ch.is_whitespace() || ch.is_control() || seen.contains(&ch) || covered(ch) {
                continue;
            }
            seen.insert(ch);
            let (part, field) = path.split_once('.').unwrap_or((&path, ""));
            let file = match part {
                "meta" => &files.meta,
                "achievements" => &files.achievements,
                _ => &files.plan,
            };
            let (line, col) = std::fs::read_to_string(root.join(file))
                .ok()
                .and_then(|t| position(&t, ch))
                .unzip();
            out.push(Missing {
                ch,
                file: file.display().to_string(),
                line,
                col,
                path: field.to_string(),
            });
        }
    }
    out
}

fn collect(value: &serde_json::Value, path: String, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(s) => out.push((path, s.clone())),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect(item, format!("{path}[{i}]"), out);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let child = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                collect(v, child, out);
            }
        }
        _ => {}
    }
}

/// 1-based line and column of the first `ch` in `text`.
fn position(text: &str, ch: char) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(i, line)| {
        line.chars()
            .position(|c| c == ch)
            .map(|col| (i + 1, col + 1))
    })
}
