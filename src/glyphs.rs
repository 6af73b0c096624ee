//! Characters in the data that no available font can draw. Typst would
//! silently draw an empty box; brief names the character and where it is.

use std::path::Path;

use crate::data::{DataError, DataFiles, Dataset};
use crate::fonts::Fonts;

/// Every distinct character of the data's text that no font covers, at its
/// first occurrence.
pub fn missing(dataset: &Dataset, files: &DataFiles, root: &Path, fonts: &Fonts) -> Vec<DataError> {
    let value = serde_json::to_value(dataset).expect("the data set serialises");
    let mut strings = Vec::new();
    collect(&value, String::new(), &mut strings);

    let found = fonts.get();
    let covered = |c: char| {
        found
            .origins
            .iter()
            .any(|(info, _)| info.coverage.contains(c as u32))
    };
    // Each distinct character is looked up once: a font's coverage is a list of runs,
    // searched from the start.
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (path, text) in strings {
        for ch in text.chars() {
            if ch.is_whitespace() || ch.is_control() || !seen.insert(ch) || covered(ch) {
                continue;
            }
            let (part, field) = path.split_once('.').unwrap_or((&path, ""));
            let file = match part {
                "meta" => &files.meta,
                "achievements" => &files.achievements,
                _ => &files.plan,
            };
            let mut e = DataError::new(
                file,
                format!("no available font can draw '{ch}' (U+{:04X}); it would print as an empty box", ch as u32),
            )
            .path(field)
            .hint("replace the character, or add a font that has it with --font-path (brief fonts lists the fonts)");
            if let Some((line, col)) = crate::data::locate(root, file, field, ch) {
                e = e.at(line, col);
            }
            out.push(e);
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
