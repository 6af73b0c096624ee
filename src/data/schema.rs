//! The JSON Schemas editors use for the data files and the theme file
//! (`schema/*.schema.json`, carried in the binary for `brief schema` and
//! `brief init`). They say everything `validate` checks that a schema can
//! say; tests hold both to the same cases.

pub const DATA: &str = include_str!("../../schema/brief.schema.json");
pub const THEME: &str = include_str!("../../schema/theme.schema.json");
