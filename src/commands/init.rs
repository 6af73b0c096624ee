//! `brief init DIR`: a new project that builds at once, from what the brief
//! binary carries (templates, fonts, schemas, a commented data skeleton).
//! `brief init --from PROJECT DIR`: next year's project from this year's:
//! the plan's sections and targets become the new achievements with every
//! value still to fill in, and the new plan starts empty.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::args::InitArgs;
use crate::data::model::{Fill, Part};
use crate::data::{self, schema};
use crate::error::Failure;
use crate::{term, tr};

pub fn run(args: &InitArgs) -> Result<(), Failure> {
    let dir = &args.dir;
    if fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some()) {
        return Err(Failure::Usage(tr!(
            "usage-init-not-empty",
            dir = dir.display().to_string()
        )));
    }
    let files = match &args.from {
        None => fresh(),
        Some(from) => roll_forward(from)?,
    };
    for (rel, bytes) in &files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| io(e, parent))?;
        }
        fs::write(&path, bytes).map_err(|e| io(e, &path))?;
    }
    term::status(&tr!(
        "status-init",
        dir = dir.display().to_string(),
        count = files.len()
    ));
    term::status(&tr!(
        "status-init-next",
        dir = dir.display().to_string(),
        draft = if args.from.is_some() { " --draft" } else { "" }
    ));
    Ok(())
}

fn io(e: std::io::Error, path: &Path) -> Failure {
    Failure::Other(
        anyhow::Error::new(e).context(tr!("io-write", path = path.display().to_string())),
    )
}

/// What every new project gets from the binary: templates, fonts, schemas
/// and the `.gitignore` of its outputs.
fn common() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = crate::config::TEMPLATES
        .iter()
        .map(|(n, t)| (Path::new("templates").join(n), t.as_bytes().to_vec()))
        .collect();
    files.extend(
        crate::fonts::BUNDLED
            .iter()
            .map(|(n, b)| (Path::new(crate::fonts::FONT_DIR).join(n), b.to_vec())),
    );
    files.push((
        "schema/brief.schema.json".into(),
        schema::DATA.as_bytes().to_vec(),
    ));
    files.push((
        "schema/theme.schema.json".into(),
        schema::THEME.as_bytes().to_vec(),
    ));
    files.push((".gitignore".into(), b"/out/\n".to_vec()));
    files
}

fn fresh() -> Vec<(PathBuf, Vec<u8>)> {
    use chrono::Datelike;
    // The skeleton's years only name its files and titles: the last
    // complete year and the next.
    let year = chrono::Local::now().year() - 1;
    let fill = |t: &str| {
        t.replace("{YEAR}", &year.to_string())
            .replace("{NEXT}", &(year + 1).to_string())
            .into_bytes()
    };
    let mut files = common();
    files.push((
        "data/meta.yaml".into(),
        fill(include_str!("skeleton/meta.yaml")),
    ));
    files.push((
        format!("data/{year}-achievements.yaml").into(),
        fill(include_str!("skeleton/achievements.yaml")),
    ));
    files.push((
        format!("data/{}-plan.yaml", year + 1).into(),
        fill(include_str!("skeleton/plan.yaml")),
    ));
    files.push((
        "theme.yaml".into(),
        include_str!("skeleton/theme.yaml").as_bytes().to_vec(),
    ));
    files
}

/// Next year's project from `from`: its templates, fonts, schema and theme
/// as they are; the data rolled forward one year.
fn roll_forward(from: &Path) -> Result<Vec<(PathBuf, Vec<u8>)>, Failure> {
    let root = super::project_root(from)?;
    let project = data::load(&root, true).map_err(|failed| {
        term::data(
            &failed.errors,
            &failed.sources,
            typst::diag::Severity::Error,
            crate::config::DiagnosticFormat::Human,
        );
        Failure::Data(failed.errors.len())
    })?;
    let d = &project.dataset;
    let (y0, y1) = (d.achievements.year, d.plan.year);
    let (n1, n2) = (y1, y1 + 1);
    let shift = |s: &str| {
        s.replace(&y1.to_string(), "\u{0}")
            .replace(&y0.to_string(), &n1.to_string())
            .replace('\u{0}', &n2.to_string())
    };

    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    // The project's own templates, fonts, schemas and theme, else brief's.
    for (rel, bytes) in common() {
        let own = root.join(&rel);
        let bytes = if own.is_file() {
            fs::read(&own).unwrap_or(bytes)
        } else {
            bytes
        };
        files.push((rel, bytes));
    }
    if let Ok(theme) = fs::read(root.join(data::THEME_FILE)) {
        files.push((data::THEME_FILE.into(), theme));
    }

    let achievements_name = format!("{n1}-achievements.yaml");
    let plan_name = format!("{n2}-plan.yaml");
    let mut meta = d.meta.clone();
    meta.title = shift(&meta.title);
    meta.headline = Fill::Todo;
    meta.subheadline = None;
    meta.issue = None;
    meta.date = None;
    meta.source.edition = None;
    meta.source.reporter = None;
    meta.source.word_count = None;
    meta.achievements = achievements_name.clone();
    meta.plan = plan_name.clone();
    files.push((
        "data/meta.yaml".into(),
        yaml(&tr!("init-meta-header", year = n1, next = n2), &meta),
    ));

    // The plan's targets and sections, as results still to report.
    let old = &d.plan;
    let mut sections = Vec::new();
    if !old.targets.is_empty() {
        let figures = old
            .targets
            .iter()
            .filter(|t| t.qualifier.as_deref() != Some("同步"))
            .map(|t| {
                let label = if t.metric == "growth" {
                    format!("{}增长", t.indicator)
                } else {
                    t.indicator.clone()
                };
                let unit = t.unit.clone().unwrap_or_else(|| "%".into());
                to_fill(&t.id, label, unit, true)
            })
            .collect();
        sections.push(data::model::Section {
            id: "targets".into(),
            title: Some(Fill::Todo),
            paragraphs: vec![Fill::Todo],
            figures,
            rankings: Vec::new(),
        });
    }
    for s in &old.sections {
        sections.push(data::model::Section {
            id: s.id.clone(),
            title: Some(Fill::Todo),
            paragraphs: vec![Fill::Todo],
            figures: s
                .figures
                .iter()
                .map(|f| to_fill(&f.id, f.label.clone(), f.unit.clone(), f.headline))
                .collect(),
            rankings: Vec::new(),
        });
    }
    let achievements = Part {
        kind: "achievements".into(),
        year: n1,
        title: Fill::Todo,
        opening: vec![Fill::Todo],
        lead: Vec::new(),
        targets_intro: None,
        targets: Vec::new(),
        sections,
        charts: None,
    };
    let plan = Part {
        kind: "plan".into(),
        year: n2,
        title: Fill::Todo,
        opening: vec![Fill::Todo],
        lead: Vec::new(),
        targets_intro: None,
        targets: Vec::new(),
        sections: Vec::new(),
        charts: None,
    };
    files.push((
        Path::new("data").join(&achievements_name),
        yaml(
            &tr!("init-achievements-header", year = n1, old = y1),
            &achievements,
        ),
    ));
    files.push((
        Path::new("data").join(&plan_name),
        yaml(&tr!("init-plan-header", year = n2), &plan),
    ));
    Ok(files)
}

/// A figure of the new year: its id, label and unit, its value still to fill.
fn to_fill(id: &str, label: String, unit: String, headline: bool) -> data::model::Figure {
    data::model::Figure {
        id: id.to_string(),
        label,
        value: Fill::Todo,
        unit,
        qualifier: None,
        written: None,
        estimate: false,
        yoy: None,
        share: Vec::new(),
        compare: None,
        headline,
    }
}

/// Optional fields a rolled-forward file leaves out while they are empty, so
/// that what is left to fill stands out; a `null` that remains is to fill.
const OPTIONAL: &[&str] = &[
    "charts",
    "compare",
    "estimate",
    "lead",
    "qualifier",
    "rankings",
    "scope",
    "share",
    "short",
    "standing",
    "targets",
    "targets_intro",
    "verb",
    "vocabulary",
    "with",
    "written",
    "years",
    "yoy",
];

fn prune(value: &mut serde_yaml::Value) {
    use serde_yaml::Value;
    match value {
        Value::Mapping(map) => {
            map.retain(|key, v| {
                let empty = match v {
                    Value::Null => true,
                    Value::Bool(b) => !*b,
                    Value::Sequence(s) => s.is_empty(),
                    _ => false,
                };
                !(empty && key.as_str().is_some_and(|k| OPTIONAL.contains(&k)))
            });
            map.values_mut().for_each(prune);
        }
        Value::Sequence(items) => items.iter_mut().for_each(prune),
        _ => {}
    }
}

/// A data file: the schema line, a comment, the value.
fn yaml<T: Serialize>(comment: &str, value: &T) -> Vec<u8> {
    let mut value = serde_yaml::to_value(value).expect("the data serialises");
    prune(&mut value);
    let body = serde_yaml::to_string(&value).expect("the data serialises");
    let comment: String = comment.lines().map(|l| format!("# {l}\n")).collect();
    format!("# yaml-language-server: $schema=../schema/brief.schema.json\n{comment}{body}")
        .into_bytes()
}
