//! The JSON Schemas editors use for the data files and the theme file
//! (`brief schema`, and `schema/*.schema.json` in a project). The data
//! files' schema is generated from the model (`model.rs` carries each
//! field's description and limits), so it cannot fall behind it; the copy
//! in `schema/brief.schema.json` is held equal to it by a test.

use schemars::generate::SchemaSettings;

use super::model::{Meta, Part};

/// The theme file's schema, generated from the defaults (`templates/theme.yaml`):
/// each key with its comment there, or its default value, as description.
pub fn theme() -> String {
    let mut sections = serde_json::Map::new();
    let property = |d: &super::theme::Documented| {
        let colour = d.section == "colors" || d.key == "color";
        let description = match (d.note.as_str(), d.value.as_str()) {
            ("", v) => format!("默认：{v}"),
            (n, "null") => n.to_string(),
            (n, v) => format!("{n}（默认 {v}）"),
        };
        let text = if colour {
            serde_json::json!({ "type": "string", "pattern": "^#[0-9A-Fa-f]{6}$" })
        } else if !d.choices.is_empty() {
            serde_json::json!({ "type": "string", "enum": d.choices })
        } else {
            serde_json::json!({
                "type": "string",
                "minLength": 1,
                "maxLength": super::limits::theme_text(&format!("{}.{}", d.section, d.key)),
                "pattern": "\\S"
            })
        };
        serde_json::json!({ "anyOf": [text, { "type": "null" }], "description": description })
    };
    for d in super::theme::documented() {
        if d.section.is_empty() {
            let mut p = property(&d);
            p["description"] = serde_json::Value::String(d.heading.clone());
            sections.insert(d.key.clone(), p);
            continue;
        }
        let section = sections.entry(d.section.clone()).or_insert_with(|| {
            serde_json::json!({
                "type": ["object", "null"],
                "additionalProperties": false,
                "description": d.heading,
                "properties": {},
            })
        });
        section["properties"][&d.key] = property(&d);
    }
    let schema = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://brief.invalid/schema/theme.schema.json",
        "title": "brief 主题文件（theme.yaml）",
        "description": "只写要改的项，其余沿用 templates/theme.yaml 中的默认值。",
        "type": ["object", "null"],
        "additionalProperties": false,
        "properties": sections,
    });
    serde_json::to_string_pretty(&schema).expect("the schema serialises") + "\n"
}

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
            theme_file == theme(),
            "schema/theme.schema.json is not what templates/theme.yaml gives: run `cargo run --release -- schema --theme > schema/theme.schema.json`"
        );
    }

    #[test]
    fn the_theme_schema_has_every_default() {
        let schema: serde_json::Value = serde_json::from_str(&theme()).unwrap();
        let defaults: yaml_serde::Value =
            yaml_serde::from_str(crate::data::theme::DEFAULTS).unwrap();
        for (section, values) in defaults.as_mapping().unwrap() {
            let section = section.as_str().unwrap();
            let Some(values) = values.as_mapping() else {
                assert!(schema["properties"][section].is_object(), "{section}");
                continue;
            };
            for key in values.keys() {
                let key = key.as_str().unwrap();
                assert!(
                    schema["properties"][section]["properties"][key].is_object(),
                    "{section}.{key}"
                );
            }
        }
    }
}
