//! `brief schema`: the JSON Schema of the data files (or, with `--theme`,
//! of the theme file), the same as `schema/*.schema.json`.

use std::io::Write;

use crate::args::SchemaArgs;
use crate::data::schema;
use crate::error::Failure;

pub fn run(args: &SchemaArgs) -> Result<(), Failure> {
    let text = if args.theme {
        schema::theme()
    } else {
        schema::data()
    };
    // A closed pipe (`brief schema | head -1`) ends the output quietly.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    Ok(())
}
