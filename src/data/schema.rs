//! The JSON Schema editors use for the data files (`brief schema`, and
//! `schema/brief.schema.json` in a project; the theme file's is
//! `theme::schema`), and the shape of a field it gives a hint. The data
//! files' schema is generated from the model (`model.rs` carries each
//! field's description and limits), so it cannot fall behind it; the copy
//! in `schema/brief.schema.json` is held equal to it by a test.

use schemars::generate::SchemaSettings;

use super::model::{Meta, Part};

/// The data files' schema: `meta.yaml` when `kind: meta`, else a part.
pub fn data() -> String {
    let mut generator = SchemaSettings::draft2020_12().into_generator();
    let meta = generator.subschema_for::<Meta>();
    let part = generator.subschema_for::<Part>();
    let definitions = generator.take_definitions(true);
    let schema = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://brief.invalid/schema/brief.schema.json",
        "title": "brief 数据文件",
        "description": "brief 的数据文件：data/meta.yaml 或成效、计划文件。说明见 docs/guide.zh.md。",
        "type": "object",
        "required": ["kind"],
        "if": { "properties": { "kind": { "const": "meta" } } },
        "then": meta,
        "else": part,
        "$defs": definitions,
    });
    serde_json::to_string_pretty(&schema).expect("the schema serialises") + "\n"
}

/// How the field at `path` (`sections[0].figures[4].yoy`) is written,
/// as a line to copy: `{ value: 14.3, verb: … }`, `[甲, 乙]`. Taken from the
/// schema, so that it says what the model asks: a mapping's required
/// fields, and those the model marks to show (`x-hint: show`); a list of
/// them. `typed` is what the user wrote instead: it goes where the model
/// says a typed scalar belongs (a `value`, as a number; a field marked
/// `x-hint: typed`, as a text), or becomes a list's items. Every other
/// field shows `…`: a hint is pasted, so it never holds a word or a number
/// the user did not write. None where the field is no mapping or list.
pub fn shape(path: &str, typed: Option<&str>) -> Option<String> {
    static SCHEMA: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    let schema = SCHEMA.get_or_init(|| serde_json::from_str(&data()).expect("the schema parses"));
    let defs = &schema["$defs"];
    // A field of meta.yaml, else of a part (its keys are apart but for a few).
    ["Part", "Meta"]
        .iter()
        .find_map(|root| {
            let mut node = resolve(defs, &defs[root]);
            for part in super::path::split_path(path) {
                node = match part {
                    super::path::Part::Key(key) => resolve(defs, node.get("properties")?.get(key)?),
                    super::path::Part::Index(_) => resolve(defs, node.get("items")?),
                };
            }
            Some(node)
        })
        .and_then(|node| example(defs, node, typed))
}

/// `node` past its `$ref` and its "or null".
fn resolve<'a>(defs: &'a serde_json::Value, node: &'a serde_json::Value) -> &'a serde_json::Value {
    if let Some(name) = node["$ref"]
        .as_str()
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        return resolve(defs, &defs[name]);
    }
    if let Some(branch) = node["anyOf"].as_array().and_then(|branches| {
        branches
            .iter()
            .find(|b| b.get("$ref").is_some() || b.get("items").is_some())
    }) {
        return resolve(defs, branch);
    }
    node
}

fn example(
    defs: &serde_json::Value,
    node: &serde_json::Value,
    typed: Option<&str>,
) -> Option<String> {
    if let Some(item) = node.get("items") {
        let item = resolve(defs, item);
        if item.get("properties").is_some() {
            return Some(format!("[{}]", example(defs, item, typed)?));
        }
        // 【甲，乙】 typed with the input method's brackets for [ ].
        let typed = typed.map(|t| {
            t.trim()
                .trim_start_matches(['【', '［', '['])
                .trim_end_matches(['】', '］', ']'])
        });
        // A list of names typed as a sentence (哈尔滨新区，改革，产业发展, or
        // apart by spaces)
        // is its items; a paragraph is one item, whatever its commas.
        let short = item["maxLength"].as_u64().is_some_and(|n| n <= 40);
        let items: Vec<String> = match typed {
            Some(t) if short => t
                .split(['，', '、', ',', '；', ';', ' ', '\u{3000}'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(quoted)
                .collect(),
            Some(t) if !t.trim().is_empty() => vec![quoted(t.trim())],
            _ => vec![],
        };
        let items = if items.is_empty() {
            vec!["…".to_string()]
        } else {
            items
        };
        return Some(format!("[{}]", items.join(", ")));
    }
    let props = node.get("properties")?.as_object()?;
    let required: Vec<&str> = node["required"]
        .as_array()
        .map(|r| r.iter().filter_map(|k| k.as_str()).collect())
        .unwrap_or_default();
    let mark = |key: &str| props[key]["x-hint"].as_str().unwrap_or_default();
    let blank = |key: &str| {
        if props[key].get("items").is_some() || props[key]["type"] == "array" {
            "[…]"
        } else {
            "…"
        }
    };
    let mut fields = Vec::new();
    // What was typed, where it belongs: a value only as the number it is
    // (14.3, or 14.3% as the article prints it).
    if props.contains_key("value") {
        let number = typed
            .map(|t| t.trim().trim_end_matches(['%', '％']).trim())
            .filter(|t| super::model::Num::parse(t).is_ok());
        fields.push(format!("value: {}", number.unwrap_or("…")));
    }
    for key in props.keys().filter(|k| *k != "value") {
        match mark(key) {
            "typed" => fields.push(format!("{key}: {}", typed.map_or("…".into(), quoted))),
            "show" => fields.push(format!("{key}: {}", blank(key))),
            _ if required.contains(&key.as_str()) => fields.push(format!("{key}: {}", blank(key))),
            _ => {}
        }
    }
    // Nothing required (the recipients, the vocabulary): its keys.
    if fields.is_empty() {
        fields = props.keys().map(|k| format!("{k}: {}", blank(k))).collect();
    }
    Some(format!("{{ {} }}", fields.join(", ")))
}

/// A text as a flow item: in single quotes where YAML would read it
/// otherwise (a quote, a colon, a comma, a bracket …).
fn quoted(text: &str) -> String {
    let special = text
        .starts_with(|c: char| "!&*%@`'\"[]{}#|>?-,".contains(c) || c.is_whitespace())
        || text.contains([':', '#', ',', '[', ']', '{', '}', '"', '\''])
        || text.ends_with(char::is_whitespace);
    if special {
        format!("'{}'", text.replace('\'', "''"))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The schema's properties, each with a description for the editor.
    fn described(value: &serde_json::Value, path: &str, missing: &mut Vec<String>) {
        if let Some(props) = value.get("properties").and_then(|p| p.as_object()) {
            for (name, prop) in props {
                let has = prop.get("description").is_some()
                    || prop.get("$ref").is_some()
                    || prop
                        .get("allOf")
                        .and_then(|a| a.get(0))
                        .and_then(|a| a.get("$ref"))
                        .is_some();
                if !has {
                    missing.push(format!("{path}.{name}"));
                }
            }
        }
        if let Some(defs) = value.get("$defs").and_then(|d| d.as_object()) {
            for (name, def) in defs {
                described(def, name, missing);
            }
        }
    }

    #[test]
    fn every_field_of_the_model_is_described() {
        let schema: serde_json::Value = serde_json::from_str(&data()).unwrap();
        let mut missing = Vec::new();
        described(&schema, "", &mut missing);
        assert!(missing.is_empty(), "no description: {missing:?}");
    }

    #[test]
    fn the_schema_files_are_the_generated_ones() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema");
        let data_file = std::fs::read_to_string(dir.join("brief.schema.json")).unwrap();
        assert!(
            data_file == data(),
            "schema/brief.schema.json is not what the model gives: run `cargo run --release -- schema > schema/brief.schema.json`"
        );
        let theme_file = std::fs::read_to_string(dir.join("theme.schema.json")).unwrap();
        assert!(
            theme_file == crate::data::theme::schema(),
            "schema/theme.schema.json is not what templates/theme.yaml gives: run `cargo run --release -- schema --theme > schema/theme.schema.json`"
        );
    }
}
