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
    /// Each file with the digest of the bytes that were validated.
    pub digests: Vec<(PathBuf, String)>,
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
    // Check every file that parsed, even when another did not: all problems at once.
    let [achievements, plan] = [parts[0].take(), parts[1].take()];
    let rel_of = |i: usize| {
        rels[i]
            .as_ref()
            .map_or_else(|_| PathBuf::new(), Clone::clone)
    };
    let files = [meta_rel.clone(), rel_of(0), rel_of(1)];
    let spans = [
        Some(&meta.spans),
        achievements.as_ref().map(|a| &a.spans),
        plan.as_ref().map(|p| &p.spans),
    ];
    for problem in validate::check(
        achievements.as_ref().map(|a| &a.value),
        plan.as_ref().map(|p| &p.value),
    ) {
        let mut e =
            DataError::new(&files[problem.file], problem.message).path(problem.path.clone());
        if let Some(loc) = spans[problem.file].and_then(|s| s.value(&problem.path)) {
            e = e.at(loc.line, loc.col);
        }
        errors.push(e);
    }
    let (Some(achievements), Some(plan)) = (achievements, plan) else {
        return Err(errors);
    };
    let (a_rel, p_rel) = (files[1].clone(), files[2].clone());
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
            digests: vec![
                (meta_rel.clone(), meta.digest.clone()),
                (a_rel.clone(), achievements.digest.clone()),
                (p_rel.clone(), plan.digest.clone()),
            ],
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

/// Where the character `ch` of the value at `path` stands in the file `rel`:
/// the value's position from the structural pass, then the character's first
/// occurrence from there on (a value may continue over several lines).
pub fn locate(root: &Path, rel: &Path, path: &str, ch: char) -> Option<(usize, usize)> {
    let text = std::fs::read_to_string(root.join(rel)).ok()?;
    let start = spans::scan(&text).ok()?.value(path)?;
    text.lines()
        .enumerate()
        .skip(start.line - 1)
        .find_map(|(i, line)| {
            let skip = if i + 1 == start.line {
                start.col - 1
            } else {
                0
            };
            let col = line.chars().skip(skip).position(|c| c == ch)?;
            Some((i + 1, skip + col + 1))
        })
}

/// The JSON Schema of the data files, for editors.
pub fn schema() -> serde_json::Value {
    let schema = schemars::schema_for!(model::AnyFile);
    serde_json::to_value(schema).expect("schema serialises")
}

#[cfg(test)]
mod fuzz {
    //! The loader never panics and never runs away, whatever the files hold.

    use std::fs;
    use std::time::{Duration, Instant};

    use proptest::prelude::*;

    const SHIPPED: [&str; 3] = ["meta.yaml", "2022-achievements.yaml", "2023-plan.yaml"];

    fn project_with(file: &str, bytes: &[u8]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join(super::DATA_DIR);
        fs::create_dir(&data).unwrap();
        let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(super::DATA_DIR);
        for name in SHIPPED {
            fs::copy(shipped.join(name), data.join(name)).unwrap();
        }
        fs::write(data.join(file), bytes).unwrap();
        dir
    }

    /// Loads, and checks what every error must carry.
    fn load_checked(dir: &std::path::Path, file: &str, len: usize) {
        let start = Instant::now();
        let result = super::load(dir);
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "loading took {:?}",
            start.elapsed()
        );
        if let Err(errors) = result {
            assert!(!errors.is_empty());
            for e in errors {
                assert!(!e.message.is_empty());
                if e.file.ends_with(file)
                    && let Some(line) = e.line
                {
                    assert!(
                        line >= 1 && line <= len + 1,
                        "line {line} of a {len}-line file"
                    );
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        #[test]
        fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048), which in 0..3usize) {
            let dir = project_with(SHIPPED[which], &bytes);
            load_checked(dir.path(), SHIPPED[which], bytes.split(|&b| b == b'\n').count());
        }

        #[test]
        fn yaml_like_text(text in "[a-z_:{}\\[\\]&*!|>'\"#\\-, \n0-9.%亿元]{0,600}", which in 0..3usize) {
            let dir = project_with(SHIPPED[which], text.as_bytes());
            load_checked(dir.path(), SHIPPED[which], text.lines().count());
        }

        #[test]
        fn mutated_real_files(which in 0..3usize, edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6)) {
            let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(super::DATA_DIR).join(SHIPPED[which]);
            let mut bytes = fs::read(shipped).unwrap();
            for (at, byte) in edits {
                let i = at.index(bytes.len());
                bytes[i] = byte;
            }
            let dir = project_with(SHIPPED[which], &bytes);
            load_checked(dir.path(), SHIPPED[which], bytes.split(|&b| b == b'\n').count());
        }
    }

    #[test]
    fn the_shipped_data_loads() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (dataset, _) = super::load(root).expect("the shipped data is valid");
        assert_eq!(dataset.achievements.year + 1, dataset.plan.year);
        assert!(dataset.plan.targets.len() >= 7);
    }

    #[test]
    fn a_round_trip_keeps_every_figure() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (dataset, _) = super::load(root).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join(super::DATA_DIR);
        fs::create_dir(&data).unwrap();
        fs::write(
            data.join(super::META_FILE),
            serde_yaml::to_string(&dataset.meta).unwrap(),
        )
        .unwrap();
        fs::write(
            data.join(&dataset.meta.achievements),
            serde_yaml::to_string(&dataset.achievements).unwrap(),
        )
        .unwrap();
        fs::write(
            data.join(&dataset.meta.plan),
            serde_yaml::to_string(&dataset.plan).unwrap(),
        )
        .unwrap();
        let (again, _) = super::load(dir.path()).expect("what brief writes, it reads");
        assert_eq!(again, dataset);
    }
}
