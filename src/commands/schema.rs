//! `brief schema`: the JSON Schema of the data files (or, with `--theme`,
//! of the theme file), the same as `schema/*.schema.json`.

use crate::args::SchemaArgs;
use crate::data::schema;
use crate::error::Failure;

pub fn run(args: &SchemaArgs) -> Result<(), Failure> {
    let text = if args.theme {
        crate::data::theme::schema()
    } else {
        schema::data()
    };
    crate::term::out(&text).map(|_| ())
}
