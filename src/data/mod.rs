//! The data set: loading, validation and the JSON Schema.

// Data errors are cold and carry the context a user needs; boxing them
// would only add noise.
#![allow(clippy::result_large_err)]

mod error;
mod load;
pub mod model;
mod spans;
mod validate;

use std::path::{Path, PathBuf};

pub use error::DataError;
use model::{Meta, Part};
use serde::Serialize;

/// Where the data lives inside a project.
pub const DATA_DIR: &str = "data";
/// The file that names the others.
pub const META_FILE: &str = "meta.yaml";

/// The validated data of one project.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dataset {
    pub meta: Meta,
    pub achievements: Part,
    pub plan: Part,
}

/// The files a data set was read from, relative to the project.
#[derive(Debug, Clone)]
pub struct DataFiles {
    pub meta: PathBuf,
    pub achievements: PathBuf,
    pub plan: PathBuf,
}

impl DataFiles {
    pub fn all(&self) -> [&Path; 3] {
        [&self.meta, &self.achievements, &self.plan]
    }
}

/// Loads and validates `data/` below `root`. All errors of all files are
/// returned together.
pub fn load(root: &Path) -> Result<(Dataset, DataFiles), Vec<DataError>> {
    let meta_rel = Path::new(DATA_DIR).join(META_FILE);
    let meta = load::load::<Meta>(root, &meta_rel)?;
    let mut errors = check_meta(&meta_rel, &meta);

    let part_rel = |name: &str, field: &str| -> Result<PathBuf, DataError> {
        let p = Path::new(name);
        let plain = p.components().count() == 1
            && matches!(p.components().next(), Some(std::path::Component::Normal(_)));
        if plain && (name.ends_with(".yaml") || name.ends_with(".yml")) {
            Ok(Path::new(DATA_DIR).join(name))
        } else {
            let loc = meta.spans.value(field).expect("meta has this field");
            Err(DataError::new(
                &meta_rel,
                format!("`{name}` must be a .yaml file name inside data/ (no folders)"),
            )
            .at(loc.line, loc.col)
            .path(field))
        }
    };
    let rels = [
        part_rel(&meta.value.achievements, "achievements"),
        part_rel(&meta.value.plan, "plan"),
    ];
    let mut parts = Vec::new();
    for rel in &rels {
        match rel {
            Ok(rel) => match load::load::<Part>(root, rel) {
                Ok(part) => parts.push(Some(part)),
                Err(errs) => {
                    errors.extend(errs);
                    parts.push(None);
                }
            },
            Err(e) => {
                errors.push(e.clone());
                parts.push(None);
            }
        }
    }
    let (Some(achievements), Some(plan), [Ok(a_rel), Ok(p_rel)]) =
        (parts[0].take(), parts[1].take(), rels)
    else {
        return Err(errors);
    };

    let files = [&meta_rel, &a_rel, &p_rel];
    let spans = [&meta.spans, &achievements.spans, &plan.spans];
    for problem in validate::check([(&achievements.value, 1), (&plan.value, 2)]) {
        let loc = spans[problem.file].value(&problem.path);
        let mut e = DataError::new(files[problem.file], problem.message).path(problem.path);
        if let Some(loc) = loc {
            e = e.at(loc.line, loc.col);
        }
        errors.push(e);
    }
    if plan.value.year != achievements.value.year + 1 {
        let loc = plan.spans.value("year").expect("year was parsed");
        errors.push(
            DataError::new(&p_rel, format!(
                "the plan is for {} but the achievements are of {}: the plan follows the year reported",
                plan.value.year, achievements.value.year
            ))
            .at(loc.line, loc.col)
            .path("year"),
        );
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    let dataset = Dataset {
        meta: meta.value,
        achievements: achievements.value,
        plan: plan.value,
    };
    Ok((
        dataset,
        DataFiles {
            meta: meta_rel,
            achievements: a_rel,
            plan: p_rel,
        },
    ))
}

fn check_meta(rel: &Path, meta: &load::Loaded<Meta>) -> Vec<DataError> {
    let mut errors = Vec::new();
    let mut report = |path: &str, message: String| {
        let loc = meta.spans.value(path).expect("field was parsed");
        errors.push(
            DataError::new(rel, message)
                .at(loc.line, loc.col)
                .path(path),
        );
    };
    let m = &meta.value;
    for (field, value) in [
        ("title", &m.title),
        ("headline", &m.headline),
        ("region", &m.region),
        ("masthead", &m.masthead),
    ] {
        if value.trim().is_empty() {
            report(field, "must not be empty".into());
        }
    }
    if let Some(date) = &m.date
        && chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_err()
    {
        report(
            "date",
            format!("`{date}` is not a date: write it as YYYY-MM-DD, e.g. 2023-01-05"),
        );
    }
    errors
}

/// The JSON Schema of the data files, for editors.
pub fn schema() -> serde_json::Value {
    let schema = schemars::schema_for!(model::AnyFile);
    serde_json::to_value(schema).expect("schema serialises")
}
