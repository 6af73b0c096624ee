//! Every string of a data file with its field path, for the checks that look
//! at characters (control characters, characters no font can draw). The walk
//! is generic over what serde serialises, so a field added to the model is
//! checked without a line here.

use serde::Serialize;
use serde_json::Value;

/// Calls `f(path, text)` for every string `value` holds, with paths as the
/// loader places them: `sections[0].figures[3].label`.
pub fn strings(value: &impl Serialize, f: &mut dyn FnMut(&str, &str)) {
    if let Ok(value) = serde_json::to_value(value) {
        walk(&value, "", f);
    }
}

fn walk(value: &Value, path: &str, f: &mut dyn FnMut(&str, &str)) {
    match value {
        Value::String(s) => f(path, s),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                walk(v, &format!("{path}[{i}]"), f);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                let child = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                walk(v, &child, f);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_is_found_at_its_path() {
        let value = serde_json::json!({
            "title": "标题",
            "sections": [{"figures": [{"label": "新增", "value": "1.5"}]}],
            "n": 3
        });
        let mut found = Vec::new();
        strings(&value, &mut |p, t| found.push(format!("{p}={t}")));
        found.sort();
        assert_eq!(
            found,
            [
                "sections[0].figures[0].label=新增",
                "sections[0].figures[0].value=1.5",
                "title=标题"
            ]
        );
    }
}
