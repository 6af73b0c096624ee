//! A project's data read as a whole: `load` reads meta.yaml, the parts it
//! names, the figures sheet, the theme and the vocabulary, validates them
//! together, and gives the [`Project`] or every problem of every file.

#![allow(clippy::result_large_err)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use serde::Serialize;

use super::load::{self as file, Partial};
use super::look;
use super::model::{self, Meta, Part, Vocabulary};
use super::prose;
use super::sheet;
use super::strings::strings;
use super::theme;
use super::validate;
use super::vocabulary::{self, Words};
use super::{
    DATA_DIR, DataError, META_FILE, Role, SourceFile, Sources, THEME_DEFAULTS_FILE, THEME_FILE,
    Text, VOCABULARY_FILE,
};

use crate::tr;

/// The validated data of one project, as the templates receive it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dataset {
    pub meta: Meta,
    pub achievements: Part,
    pub plan: Part,
}

/// Where `head` starts in `text` as printed (its placeholders filled from
/// `shown`), as a byte offset of `text`.
fn printed_at(text: &str, head: &str, shown: &BTreeMap<String, String>) -> Option<usize> {
    if let Some(at) = text.find(head) {
        return Some(at);
    }
    let list = prose::placeholders(text).ok()?;
    if list.is_empty() {
        return None;
    }
    // The printed text, and where each of its pieces starts in both.
    let (mut printed, mut pieces, mut at) = (String::new(), Vec::new(), 0);
    for p in &list {
        pieces.push((printed.len(), at, false));
        printed += &text[at..p.start];
        let key = match p.field {
            Some(f) => format!("{}.{f}", p.id),
            None => p.id.to_string(),
        };
        pieces.push((printed.len(), p.start, true));
        printed += shown
            .get(&key)
            .map_or(&text[p.start..p.end], String::as_str);
        at = p.end;
    }
    pieces.push((printed.len(), at, false));
    printed += &text[at..];
    let found = printed.find(head)?;
    let &(from, original, figure) = pieces.iter().rev().find(|(from, _, _)| *from <= found)?;
    Some(if figure {
        original
    } else {
        original + (found - from)
    })
}

/// A loaded project: its data, its theme and where they came from.
#[derive(Debug, Clone)]
pub struct Project {
    pub dataset: Dataset,
    /// The project's theme.yaml (an empty mapping without one).
    pub theme: yaml_serde::Value,
    /// The theme as the documents use it: the defaults, the preset, the
    /// project's theme (`theme::merged`).
    pub look: look::Look,
    /// The font families the theme names, by role.
    pub faces: Vec<theme::Face>,
    /// The vocabulary (the project's `templates/vocabulary.yaml`, else
    /// brief's) merged with the words `meta.yaml` declares.
    pub words: Words,
    pub sources: Sources,
    /// How many values are still to fill in (a draft shows them marked).
    pub todo: usize,
    /// What the data holds that is probably wrong but prints (digits outside
    /// a placeholder, a word declared twice): errors under `--strict`.
    pub warnings: Vec<DataError>,
}

/// Why the data could not be loaded: every problem, and the files as read
/// (to show each problem in its file).
#[derive(Debug)]
pub struct Failed {
    pub errors: Vec<DataError>,
    pub sources: Sources,
}

/// Loads and checks the data of the project at `root`. Values still to fill
/// in (null) are errors unless `draft`.
pub fn load(root: &Path, draft: bool) -> Result<Project, Failed> {
    checked(root, draft).map_err(|mut failed| {
        for e in &mut failed.errors {
            blame_trailing_space(e, &failed.sources);
        }
        failed
    })
}

/// A full-width space after the value on an error's line (`id:
/// gdp_growth　`, `plan: 2023-plan.yaml　`) is the mistake, whatever the
/// check found wrong with the value it made: said as such, at its column.
fn blame_trailing_space(e: &mut DataError, sources: &Sources) {
    let Some(line) = e
        .line
        .and_then(|n| Some(sources.by_path(&e.file)?.text.line(n)))
    else {
        return;
    };
    if let Some(i) = crate::data::syntax::trailing_fullwidth_space(line) {
        e.code = "syntax-trailing-space";
        e.message = tr!("syntax-trailing-space");
        e.hint = Some(tr!("syntax-trailing-space-hint"));
        e.col = Some(line[..i].chars().count() + 1);
    }
}

fn checked(root: &Path, draft: bool) -> Result<Project, Failed> {
    let mut sources = Sources::default();
    let mut errors = Vec::new();

    // The vocabulary and theme defaults: the project's copies, else brief's own.
    let vocabulary: Vocabulary = match optional(
        root,
        VOCABULARY_FILE,
        Role::Vocabulary,
        &mut sources,
        &mut errors,
    ) {
        Some(v) => v,
        None => yaml_serde::from_str(vocabulary::BUILT_IN).expect("the built-in vocabulary parses"),
    };
    let defaults: yaml_serde::Value = optional(
        root,
        THEME_DEFAULTS_FILE,
        Role::ThemeDefaults,
        &mut sources,
        &mut errors,
    )
    .unwrap_or_else(|| yaml_serde::from_str(theme::DEFAULTS).expect("the theme defaults parse"));
    let theme: yaml_serde::Value =
        optional(root, THEME_FILE, Role::Theme, &mut sources, &mut errors)
            .unwrap_or(yaml_serde::Value::Mapping(Default::default()));
    // A project's copy of the theme defaults is held to brief's own: the
    // templates fill only the placeholders brief's words have.
    let mut theme_warnings = Vec::new();
    if sources.get(Role::ThemeDefaults).is_some() {
        let own: yaml_serde::Value =
            yaml_serde::from_str(theme::DEFAULTS).expect("the theme defaults parse");
        for p in theme::check(&own, &defaults)
            .into_iter()
            .chain(theme::missing(&own, &defaults))
        {
            let spot = p.spot.as_ref().map(|(word, at)| (word.as_str(), *at));
            let mut e = sources.error(Role::ThemeDefaults, &p.path, spot, p.code, p.message);
            e.hint = p.hint;
            if p.warning {
                theme_warnings.push(e);
            } else {
                errors.push(e);
            }
        }
    }
    for p in theme::check(&defaults, &theme) {
        let spot = p.spot.as_ref().map(|(word, at)| (word.as_str(), *at));
        let mut e = sources.error(Role::Theme, &p.path, spot, p.code, p.message);
        e.hint = p.hint;
        if p.warning {
            theme_warnings.push(e);
        } else {
            errors.push(e);
        }
    }
    // `primary: #1F4E79` or `draft: #草稿` unquoted: YAML reads a comment,
    // and the key null, which keeps the default without a word.
    if let Some(file) = sources.get(Role::Theme) {
        for path in theme::null_keys(&theme) {
            let line = file
                .text
                .spans
                .key(&path)
                .and_then(|at| file.text.text.lines().nth(at.line - 1).map(str::to_string));
            let Some(value) = line.as_deref().and_then(hash_after_colon) else {
                continue;
            };
            let (key, value) = (path.rsplit('.').next().unwrap_or_default(), value.as_str());
            let (code, message, hint) = if theme::is_colour_key(&path) {
                (
                    "theme-colour-unquoted",
                    tr!("theme-colour-unquoted", value = value),
                    tr!("theme-colour-unquoted-hint", key = key, value = value),
                )
            } else {
                (
                    "syntax-hash-comment",
                    tr!("syntax-hash-comment", value = value),
                    tr!("syntax-hash-comment-hint", key = key, value = value),
                )
            };
            let mut e = sources.error(Role::Theme, &path, None, code, message);
            e.hint = Some(hint);
            errors.push(e);
        }
    }

    let meta_rel = Path::new(DATA_DIR).join(META_FILE);
    let Some(meta) = read_file::<Meta>(root, &meta_rel, Role::Meta, &mut sources, &mut errors)
    else {
        // meta.yaml did not read as the model: the part files it names are
        // read and checked all the same (with the words it declares, where
        // they read), so that one run shows every file's problems.
        // (Only a text that passed the structural scan: yaml_serde's
        // scanner is quadratic in nesting, and 100,000 brackets took 23 s
        // after the scan had refused them, round 26.)
        let raw = sources
            .get(Role::Meta)
            .filter(|f| super::spans::scan(&f.text.text).is_ok())
            .and_then(|f| yaml_serde::from_str::<yaml_serde::Value>(&f.text.text).ok());
        let declared: Option<Vocabulary> = raw
            .as_ref()
            .and_then(|r| r.get("vocabulary"))
            .and_then(|v| yaml_serde::from_value(v.clone()).ok());
        let words = Words::merge(&vocabulary, declared.as_ref());
        let mut parts = [(Role::Achievements, None), (Role::Plan, None)];
        for ((role, part), key) in parts.iter_mut().zip(["achievements", "plan"]) {
            let name = raw
                .as_ref()
                .and_then(|r| r.get(key))
                .and_then(|v| v.as_str());
            if let Some(name) = name.filter(|n| plain_file(n)) {
                let rel = Path::new(DATA_DIR).join(name);
                *part = read_file::<Part>(root, &rel, *role, &mut sources, &mut errors);
            }
        }
        let [(_, achievements), (_, plan)] = parts;
        for p in validate::parts(achievements.as_ref(), plan.as_ref(), &words) {
            // Only errors: a value still to fill is not news beside a file
            // that does not read.
            if p.todo || p.warning {
                continue;
            }
            let value = p.offset.and_then(|_| {
                string_at(None, achievements.as_ref(), plan.as_ref(), p.role, &p.path)
            });
            errors.push(placed(&sources, p, value, ""));
        }
        return Err(Failed { errors, sources });
    };
    let words = Words::merge(&vocabulary, meta.vocabulary.as_ref());
    let mut problems = validate::meta(&meta, &words, &vocabulary);
    // A project's copy of the vocabulary is held to the checks of the words
    // meta.yaml declares.
    if sources.get(Role::Vocabulary).is_some() {
        problems.extend(validate::vocabulary_file(&vocabulary, &words));
    }
    // The source line is the theme's word (来源：) and the source's fields:
    // a field that starts with that word again prints it twice.
    let merged = theme::merged(&defaults, &theme);
    if let Some(word) = merged
        .get("words")
        .and_then(|w| w.get("source"))
        .and_then(yaml_serde::Value::as_str)
        .map(|w| w.trim_end_matches(['：', ':', ' ']))
        .filter(|w| !w.is_empty())
    {
        problems.extend(validate::template_word(&meta, word, &words));
    }

    let part = |role: Role,
                name: &str,
                field: &str,
                sources: &mut Sources,
                errors: &mut Vec<DataError>|
     -> Result<Part, Option<Partial<Part>>> {
        if !plain_file(name) {
            errors.push(sources.error(
                Role::Meta,
                field,
                None,
                "data-part-name",
                tr!("data-part-name", name = name),
            ));
            return Err(None);
        }
        let rel = Path::new(DATA_DIR).join(name);
        // A name mistyped in meta.yaml (2024－plan.yaml) is said at its line,
        // with the files data/ holds (hostile round 26: "cannot read the
        // file", at no line).
        if std::fs::symlink_metadata(root.join(&rel)).is_err() {
            let mut files: Vec<String> = std::fs::read_dir(root.join(DATA_DIR))
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|f| (f.ends_with(".yaml") || f.ends_with(".yml")) && f != META_FILE)
                .collect();
            files.sort();
            let hint = match super::error::nearest(name, files.iter().map(String::as_str)) {
                Some(n) => tr!("hint-did-you-mean", word = n),
                None => tr!("data-part-missing-hint", files = files.join("、")),
            };
            errors.push(
                sources
                    .error(
                        Role::Meta,
                        field,
                        None,
                        "data-part-missing",
                        tr!("data-part-missing", name = name),
                    )
                    .hint(hint),
            );
            return Err(None);
        }
        read_file_or_rest::<Part>(root, &rel, role, sources, errors)
    };
    if meta.achievements == meta.plan {
        errors.push(sources.error(
            Role::Meta,
            "plan",
            None,
            "data-same-file",
            tr!("data-same-file", name = meta.plan.as_str()),
        ));
        return Err(Failed { errors, sources });
    }
    let (mut achievements, mut achievements_rest) = split(part(
        Role::Achievements,
        &meta.achievements,
        "achievements",
        &mut sources,
        &mut errors,
    ));
    let (mut plan, mut plan_rest) = split(part(
        Role::Plan,
        &meta.plan,
        "plan",
        &mut sources,
        &mut errors,
    ));
    // The figures sheet's values override the YAML's, before any check: they
    // are checked as the YAML's are, and said at their cells.
    // A part file with a value of the wrong kind has its rest read: the
    // sheet is put into that rest, so that its problems come in this run
    // too (round 21: they came only after the YAML was mended).
    if let Some(spec) = &meta.figures {
        let taken: Vec<String> = [&achievements_rest, &plan_rest]
            .into_iter()
            .flatten()
            .flat_map(|r| r.removed.ids.iter().cloned())
            .collect();
        let mut parts = [
            (
                Role::Achievements,
                achievements
                    .as_mut()
                    .or(achievements_rest.as_mut().map(|r| &mut r.value)),
            ),
            (
                Role::Plan,
                plan.as_mut().or(plan_rest.as_mut().map(|r| &mut r.value)),
            ),
        ];
        read_sheet(
            root,
            spec,
            &words,
            &mut parts,
            &taken,
            &mut sources,
            &mut errors,
        );
        // The cells' fields in the files' own indices, as the problems are.
        for given in &mut sources.cells {
            let rest = match given.role {
                Role::Achievements => achievements_rest.as_ref(),
                Role::Plan => plan_rest.as_ref(),
                _ => None,
            };
            if let Some(rest) = rest {
                given.path = rest.removed.original(&given.path);
            }
        }
    }
    // Check every file that parsed, even when another did not, and the rest
    // of a file that holds a value of the wrong kind: all problems at once.
    let checked = validate::parts(
        achievements
            .as_ref()
            .or(achievements_rest.as_ref().map(|r| &r.value)),
        plan.as_ref().or(plan_rest.as_ref().map(|r| &r.value)),
        &words,
    );
    if let Some(a) = achievements
        .as_ref()
        .or(achievements_rest.as_ref().map(|r| &r.value))
    {
        problems.extend(validate::dates(&meta, a.year, &words));
    }
    let todo_mark = merged
        .get("words")
        .and_then(|w| w.get("todo"))
        .and_then(yaml_serde::Value::as_str)
        .unwrap_or_default()
        .to_string();
    // The todo mark typed by hand, in any text of the three files.
    if let Some(mark) = merged
        .get("words")
        .and_then(|w| w.get("todo"))
        .and_then(yaml_serde::Value::as_str)
    {
        problems.extend(validate::todo_typed(Role::Meta, &meta, mark, &words));
        for (role, part) in [(Role::Achievements, &achievements), (Role::Plan, &plan)] {
            if let Some(part) = part {
                problems.extend(validate::todo_typed(role, part, mark, &words));
            }
        }
    }
    let taken_out: Vec<&str> = [&achievements_rest, &plan_rest]
        .into_iter()
        .flatten()
        .flat_map(|r| r.removed.ids.iter().map(String::as_str))
        .collect();
    for mut p in checked {
        // What names an item taken out follows from that item's own error.
        let names = |id: &&str| {
            ["{", "`"].iter().any(|open| {
                let close = if *open == "{" { "}" } else { "`" };
                p.message.contains(&format!("{open}{id}{close}"))
                    || (*open == "{" && p.message.contains(&format!("{{{id}.")))
            })
        };
        if taken_out.iter().any(names) {
            continue;
        }
        let rest = match p.role {
            Role::Achievements => achievements_rest.as_ref(),
            Role::Plan => plan_rest.as_ref(),
            _ => None,
        };
        if let Some(rest) = rest {
            // Said in the file's own indices; a value still to fill is not
            // news beside a value that does not read.
            if p.todo {
                continue;
            }
            p.path = rest.removed.original(&p.path);
            p.offset = None;
        }
        problems.push(p);
    }

    let mut todo = 0;
    let mut warnings = theme_warnings;
    for p in problems {
        if p.todo {
            todo += 1;
            if draft {
                continue;
            }
        }
        let value = p.offset.and_then(|_| {
            string_at(
                Some(&meta),
                achievements.as_ref(),
                plan.as_ref(),
                p.role,
                &p.path,
            )
        });
        let warning = p.warning;
        let e = placed(&sources, p, value, &todo_mark);
        if warning {
            warnings.push(e);
        } else {
            errors.push(e);
        }
    }
    // A paragraph written over several lines: YAML joined its lines with a
    // space, which between Chinese characters no article has.
    for (role, part) in [(Role::Achievements, &achievements), (Role::Plan, &plan)] {
        let (Some(part), Some(file)) = (part, sources.get(role)) else {
            continue;
        };
        let mut found = Vec::new();
        strings(part, &mut |path, text| {
            if file.text.spans.folded(path)
                && let Some(at) = prose::folded_space(text)
            {
                found.push((path.to_string(), text.to_string(), at));
            }
        });
        for (path, text, at) in found {
            let mut e = sources.error(
                role,
                &path,
                Some((&text, at)),
                "prose-space",
                tr!("prose-space"),
            );
            e.hint = Some(tr!("prose-space-hint"));
            errors.push(e);
        }
    }
    // Strings of the theme are shown in the documents too.
    strings(&theme, &mut |path, text| {
        if let Some((at, c)) = text
            .char_indices()
            .find(|(_, c)| file::forbidden(*c) || c.is_control())
        {
            let mut e = sources.error(
                Role::Theme,
                path,
                Some((text, at)),
                "data-control-character",
                tr!(
                    "data-control-character",
                    code = format!("U+{:04X}", c as u32)
                ),
            );
            e.path = Some(path.to_string());
            errors.push(e);
        }
    });

    let (Some(achievements), Some(plan)) = (achievements, plan) else {
        return Err(Failed { errors, sources });
    };
    if !errors.is_empty() {
        return Err(Failed { errors, sources });
    }
    let faces = theme::faces(&defaults, &theme);
    let look = look::Look::new(merged);
    Ok(Project {
        dataset: Dataset {
            meta,
            achievements,
            plan,
        },
        theme,
        look,
        faces,
        words,
        sources,
        todo,
        warnings,
    })
}

/// A part that read, or what is left of one that did not.
fn split(read: Result<Part, Option<Partial<Part>>>) -> (Option<Part>, Option<Partial<Part>>) {
    match read {
        Ok(part) => (Some(part), None),
        Err(rest) => (None, rest),
    }
}

/// Reads the figures sheet `spec` names and puts its values into the parts
/// (what read of them); `taken` are the ids of items a type error took out
/// of a part, which the sheet may name.
fn read_sheet(
    root: &Path,
    spec: &model::FiguresSheet,
    words: &Words,
    parts: &mut [(Role, Option<&mut Part>); 2],
    taken: &[String],
    sources: &mut Sources,
    errors: &mut Vec<DataError>,
) {
    let plain = Path::new(&spec.file).components().count() == 1;
    let rel = Path::new(DATA_DIR).join(&spec.file);
    // A sheet named in a CSV file was passed over in silence (round 20):
    // the figures the writer meant may be in another file.
    if let Some(name) = &spec.sheet
        && rel
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    {
        let mut e = sources.error(
            Role::Meta,
            "figures.sheet",
            None,
            "sheet-csv-no-sheets",
            tr!("sheet-csv-no-sheets", name = name.as_str()),
        );
        e.hint = Some(tr!("sheet-csv-no-sheets-hint"));
        errors.push(e);
    }
    // A name with its folder (data/指标.xlsx, as the guide calls the file)
    // or one data/ does not hold (last year's name, .XLSX): said as such,
    // with the name meant (round 28: "cannot be read", and no cause).
    let missing = std::fs::symlink_metadata(root.join(&rel)).is_err();
    if !plain || missing {
        let base = Path::new(&spec.file)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut files: Vec<String> = std::fs::read_dir(root.join(DATA_DIR))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|f| {
                let f = f.to_ascii_lowercase();
                [".csv", ".xlsx", ".xls", ".ods"]
                    .iter()
                    .any(|x| f.ends_with(x))
            })
            .collect();
        files.sort();
        let meant = files
            .iter()
            .find(|f| f.eq_ignore_ascii_case(&base))
            .map(String::as_str)
            .or_else(|| super::error::nearest(&base, files.iter().map(String::as_str)));
        let (code, message) = if plain {
            (
                "sheet-missing",
                tr!("data-part-missing", name = spec.file.as_str()),
            )
        } else {
            (
                "sheet-file-folder",
                tr!("sheet-file-folder", name = spec.file.as_str()),
            )
        };
        let hint = match meant {
            Some(n) => tr!("hint-did-you-mean", word = n),
            None if files.is_empty() => tr!("sheet-cannot-read-hint"),
            None => tr!("data-part-missing-hint", files = files.join("、")),
        };
        errors.push(
            sources
                .error(Role::Meta, "figures.file", None, code, message)
                .hint(hint),
        );
        return;
    }
    let sheet = match sheet::read(root, &rel, spec.sheet.as_deref()) {
        Ok(sheet) => sheet,
        Err(e) => {
            // A sheet name that names no sheet is the `sheet:` field's error.
            let field = match e {
                sheet::SheetError::NoSheet(..) if spec.sheet.is_some() => "figures.sheet",
                _ => "figures.file",
            };
            let (code, message, hint) = match e {
                sheet::SheetError::File(why) => (
                    "sheet-cannot-read",
                    tr!("sheet-cannot-read", why = why),
                    tr!("sheet-cannot-read-hint"),
                ),
                sheet::SheetError::Format(why) => (
                    "sheet-format",
                    tr!("sheet-format", why = why),
                    tr!("sheet-format-hint"),
                ),
                sheet::SheetError::NoSheet(name, names) => (
                    "sheet-no-sheet",
                    tr!(
                        "sheet-no-sheet",
                        name = name,
                        names = names
                            .iter()
                            .map(|n| format!("“{}”", super::load::escaped(n)))
                            .collect::<Vec<_>>()
                            .join("、")
                    ),
                    tr!("sheet-no-sheet-hint"),
                ),
                sheet::SheetError::NoId(name) => (
                    "sheet-no-id",
                    match name {
                        Some(name) => tr!("sheet-no-id-in", name = name),
                        None => tr!("sheet-no-id"),
                    },
                    tr!("sheet-layout-hint"),
                ),
                sheet::SheetError::Header(h, cell, field) => {
                    let mut e = DataError::new(
                        &rel,
                        "sheet-header",
                        tr!("sheet-header", header = file::escaped(&h).into_owned()),
                    )
                    .at_cell(cell.row, 1, field);
                    e.hint = Some(tr!("sheet-layout-hint"));
                    errors.push(e);
                    return;
                }
                sheet::SheetError::Quote(cell) => {
                    let field = sheet::field(None, &cell);
                    let mut e = DataError::new(&rel, "sheet-csv-quote", tr!("sheet-csv-quote"))
                        .at_cell(cell.row, 1, field);
                    e.hint = Some(tr!("sheet-csv-quote-hint"));
                    errors.push(e);
                    return;
                }
                sheet::SheetError::Far(name, cell) => {
                    let field = sheet::field(Some(&name), &cell);
                    let message = tr!("sheet-far-cell", cell = cell.name());
                    let mut e =
                        DataError::new(&rel, "sheet-far-cell", message).at_cell(cell.row, 1, field);
                    e.hint = Some(tr!("sheet-far-cell-hint"));
                    errors.push(e);
                    return;
                }
                sheet::SheetError::Twice(h, cell, field, first) => {
                    let message = tr!("sheet-column-twice", header = h, first = first.name());
                    let mut e = DataError::new(&rel, "sheet-column-twice", message)
                        .at_cell(cell.row, 1, field);
                    e.hint = Some(tr!("sheet-column-twice-hint"));
                    errors.push(e);
                    return;
                }
            };
            let mut e = sources.error(Role::Meta, field, None, code, message);
            e.hint = Some(hint);
            errors.push(e);
            return;
        }
    };
    sources.sheet_name = sheet.name.clone();
    sources.files.push(SourceFile {
        role: Role::Figures,
        rel: sheet.rel.clone(),
        text: Text::new(sheet.text.clone(), Default::default(), sheet.digest.clone()),
    });
    // An id of a part file that did not read, or of an item a type error
    // took out, is no unknown id: that file's own error says what to fix.
    let all_read = parts.iter().all(|(_, p)| p.is_some());
    // A target's id in the sheet is no typo: the sheet gives figures only.
    let targets: Vec<String> = parts
        .iter()
        .filter_map(|(_, p)| p.as_deref())
        .flat_map(|p| p.targets.iter().map(|t| t.id.clone()))
        .collect();
    // A figure's label typed in the 标识 column: the id it names.
    let labels: Vec<(String, String)> = parts
        .iter()
        .filter_map(|(_, p)| p.as_deref())
        .flat_map(|p| p.sections.iter().flat_map(|s| &s.figures))
        .map(|f| (f.label.clone(), f.id.clone()))
        .collect();
    let (given, problems) = sheet::apply(&sheet, parts, words);
    sources.cells = given;
    let file = sources.get(Role::Figures).cloned().expect("just added");
    for problem in problems {
        if let sheet::SheetProblem::Unknown(id, ..) = &problem
            && (!all_read || taken.contains(id))
        {
            continue;
        }
        let (cell, code, message, hint) = match problem {
            sheet::SheetProblem::Unknown(id, near, cell) => (
                cell,
                "sheet-unknown-id",
                tr!("sheet-unknown-id", id = file::escaped(&id).into_owned()),
                if targets.contains(&id) {
                    Some(tr!("sheet-target-id-hint", id = id))
                } else if let Some((figure, field)) = id.trim().rsplit_once(['.', '。', '．'])
                    && labels.iter().any(|(_, f)| f == figure)
                    && matches!(field, "yoy" | "share" | "written" | "value")
                {
                    // `x.yoy` as the paragraph names it: the change has its
                    // column on x's row; "did you mean x" put it in the value
                    // (round 30: 新增市场主体15万户).
                    Some(tr!("sheet-field-id-hint", id = figure, field = field))
                } else if let Some((_, named)) = labels.iter().find(|(l, _)| l.trim() == id.trim())
                {
                    Some(tr!("sheet-label-id-hint", id = named.as_str()))
                } else {
                    near.map(|n| tr!("hint-did-you-mean", word = n))
                },
            ),
            sheet::SheetProblem::Twice(id, cell) => (
                cell,
                "sheet-twice",
                tr!("sheet-twice", id = id),
                Some(tr!("sheet-twice-hint")),
            ),
            sheet::SheetProblem::NotANumber(text, cell) => {
                let text = file::escaped(&text).into_owned();
                let (code, message, hint) = file::number_error(&text).unwrap_or((
                    "data-not-a-number",
                    tr!("data-not-a-number", text = text.as_str()),
                    None,
                ));
                (cell, code, message, hint)
            }
            sheet::SheetProblem::NoSuch(id, what, cell) => (
                cell,
                "sheet-no-such",
                tr!("sheet-no-such", id = id, what = what),
                Some(tr!("sheet-no-such-hint", what = what)),
            ),
            sheet::SheetProblem::Odd(odd, cell) => {
                let (code, message, hint) = match odd {
                    sheet::Odd::Date => (
                        "sheet-date-cell",
                        tr!("sheet-date-cell"),
                        tr!("sheet-date-cell-hint"),
                    ),
                    sheet::Odd::NoResult => (
                        "sheet-no-result",
                        tr!("sheet-no-result"),
                        tr!("sheet-no-result-hint"),
                    ),
                    sheet::Odd::Recalc => (
                        "sheet-recalc",
                        tr!("sheet-recalc"),
                        tr!("sheet-no-result-hint"),
                    ),
                    sheet::Odd::Merged => (
                        "sheet-merged",
                        tr!("sheet-merged"),
                        tr!("sheet-merged-hint"),
                    ),
                    sheet::Odd::Hidden => (
                        "sheet-hidden",
                        tr!("sheet-hidden"),
                        tr!("sheet-hidden-hint"),
                    ),
                    sheet::Odd::Scaled => (
                        "sheet-scaled",
                        tr!("sheet-scaled"),
                        tr!("sheet-scaled-hint"),
                    ),
                    sheet::Odd::Unsigned => (
                        "sheet-unsigned",
                        tr!("sheet-unsigned"),
                        tr!("sheet-unsigned-hint"),
                    ),
                    sheet::Odd::ZeroBlank => (
                        "sheet-zero-blank",
                        tr!("sheet-zero-blank"),
                        tr!("sheet-zero-blank-hint"),
                    ),
                };
                (cell, code, message, Some(hint))
            }
            sheet::SheetProblem::Percent(unit, shown, cell) => (
                cell,
                "sheet-percent",
                match unit {
                    Some(unit) => tr!("sheet-percent", unit = unit, shown = shown),
                    None => tr!("sheet-percent-unitless", shown = shown),
                },
                Some(tr!("sheet-percent-hint")),
            ),
            sheet::SheetProblem::Rise(verb, shown, cell) => (
                cell,
                "sheet-yoy-rise",
                tr!("sheet-yoy-rise", verb = verb.as_str(), shown = shown),
                Some(tr!("sheet-yoy-rise-hint", verb = verb)),
            ),
            sheet::SheetProblem::Unheaded(cell) => (
                cell,
                "sheet-unheaded",
                tr!("sheet-unheaded"),
                Some(tr!("sheet-layout-hint")),
            ),
            sheet::SheetProblem::AboveHeader(cell) => (
                cell,
                "sheet-above-header",
                tr!("sheet-above-header"),
                Some(tr!("sheet-layout-hint")),
            ),
            // The unit a title or header states for the column is said at
            // the cell that states it (round 28: 亿元 from a title row,
            // refused at a row that states none, and A1 never named).
            sheet::SheetProblem::Unit(said, unit, cell, at) => (
                cell,
                "sheet-unit",
                match unit {
                    Some(unit) => tr!("sheet-unit", sheet = said.as_str(), data = unit),
                    None => tr!("sheet-unit-none", sheet = said.as_str()),
                },
                Some(match at {
                    Some(at) => tr!("sheet-unit-stated-hint", sheet = said, at = at.name()),
                    None => tr!("sheet-unit-hint"),
                }),
            ),
        };
        let mut e = sources.at_cell(&file, &cell, code, message);
        e.hint = hint;
        errors.push(e);
    }
}

/// A part file's name as `meta.yaml` may give it: a YAML file of `data/`.
fn plain_file(name: &str) -> bool {
    let p = Path::new(name);
    p.components().count() == 1
        && matches!(p.components().next(), Some(std::path::Component::Normal(_)))
        && (name.ends_with(".yaml") || name.ends_with(".yml"))
}

/// Reads an optional project file of `role` at `rel`; `None` when absent.
fn optional<T: serde::de::DeserializeOwned>(
    root: &Path,
    rel: &str,
    role: Role,
    sources: &mut Sources,
    errors: &mut Vec<DataError>,
) -> Option<T> {
    let rel = PathBuf::from(rel);
    if std::fs::symlink_metadata(root.join(&rel)).is_err() {
        return None;
    }
    read_file(root, &rel, role, sources, errors)
}

/// Reads a file of `role`; its text joins `sources` whenever it could be
/// read, its problems join `errors`.
fn read_file<T: serde::de::DeserializeOwned>(
    root: &Path,
    rel: &Path,
    role: Role,
    sources: &mut Sources,
    errors: &mut Vec<DataError>,
) -> Option<T> {
    read_file_or_rest(root, rel, role, sources, errors).ok()
}

/// [`read_file`], with what is left of a file that does not read as the
/// model once the list items holding its errors are taken out.
fn read_file_or_rest<T: serde::de::DeserializeOwned>(
    root: &Path,
    rel: &Path,
    role: Role,
    sources: &mut Sources,
    errors: &mut Vec<DataError>,
) -> Result<T, Option<Partial<T>>> {
    let (text, value) = file::load::<T>(root, rel);
    if let Some(text) = text {
        sources.files.push(SourceFile {
            role,
            rel: rel.to_path_buf(),
            text,
        });
    }
    value.map_err(|not_read| {
        errors.extend(not_read.errors);
        not_read.partial
    })
}

/// A problem the checks found, as an error at its place in its file (at
/// its character in `value`, the string at its path, where it has one).
/// `mark`: the theme's todo word, which a draft shows (【待填】).
fn placed(sources: &Sources, p: validate::Problem, value: Option<String>, mark: &str) -> DataError {
    let mut e = sources.error(
        p.role,
        &p.path,
        value.as_deref().zip(p.offset),
        p.code,
        p.message,
    );
    e.hint = match (p.todo, p.hint) {
        (_, Some(hint)) => Some(hint),
        (true, None) => Some(tr!("data-todo-hint", mark = mark)),
        (false, None) => None,
    };
    e
}

/// The string at `path` of a file, for placing a problem inside it.
fn string_at(
    meta: Option<&Meta>,
    achievements: Option<&Part>,
    plan: Option<&Part>,
    role: Role,
    path: &str,
) -> Option<String> {
    let mut found = None;
    let mut look = |p: &str, text: &str| {
        if p == path {
            found = Some(text.to_string());
        }
    };
    match role {
        Role::Meta => strings(meta?, &mut look),
        Role::Achievements => strings(achievements?, &mut look),
        Role::Plan => strings(plan?, &mut look),
        _ => {}
    }
    found
}

impl Project {
    /// The date the documents show: `meta.yaml`'s, else the day of the
    /// build's timestamp when a report on these results may be dated then
    /// (from the achievements' year to the last year brief allows); a
    /// timestamp outside that (`SOURCE_DATE_EPOCH=0`) shows no date.
    pub fn shown_date(&self, timestamp: Option<DateTime<Utc>>) -> Option<NaiveDate> {
        if let Some(d) = &self.dataset.meta.date {
            return NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok();
        }
        let day = timestamp?.date_naive();
        let years = self.dataset.achievements.year..=*super::limits::YEARS.end();
        years.contains(&i64::from(day.year())).then_some(day)
    }

    /// Every string of the data files that a document may show, with its
    /// file role and field path: for the check of characters no font draws.
    pub fn strings(&self, f: &mut dyn FnMut(Role, &str, &str)) {
        strings(&self.dataset.meta, &mut |p, t| f(Role::Meta, p, t));
        strings(&self.dataset.achievements, &mut |p, t| {
            f(Role::Achievements, p, t)
        });
        strings(&self.dataset.plan, &mut |p, t| f(Role::Plan, p, t));
        strings(&self.theme, &mut |p, t| f(Role::Theme, p, t));
    }

    /// Where the figure, ranking or target `id` is defined: its file role and
    /// field path.
    pub fn place_of(&self, id: &str) -> Option<(Role, String)> {
        for (role, part) in [
            (Role::Achievements, &self.dataset.achievements),
            (Role::Plan, &self.dataset.plan),
        ] {
            for (t, target) in part.targets.iter().enumerate() {
                if target.id == id {
                    return Some((role, format!("targets[{t}]")));
                }
            }
            for (s, section) in part.sections.iter().enumerate() {
                for (i, f) in section.figures.iter().enumerate() {
                    if f.id == id {
                        return Some((role, format!("sections[{s}].figures[{i}]")));
                    }
                }
                for (i, r) in section.rankings.iter().enumerate() {
                    if r.id == id {
                        return Some((role, format!("sections[{s}].rankings[{i}]")));
                    }
                }
            }
        }
        None
    }

    /// How the documents name a figure, target or ranking: its label, its
    /// indicator, its subjects.
    pub fn label_of(&self, id: &str) -> String {
        for part in [&self.dataset.achievements, &self.dataset.plan] {
            if let Some(t) = part.targets.iter().find(|t| t.id == id) {
                return t.indicator.clone();
            }
            for s in &part.sections {
                if let Some(f) = s.figures.iter().find(|f| f.id == id) {
                    return f.label.clone();
                }
                if let Some(r) = s.rankings.iter().find(|r| r.id == id) {
                    return r.subjects.join("、");
                }
            }
        }
        String::new()
    }

    /// Where the data holds a run of text the pages show (a line that
    /// overflows): the file, the field and the byte offset of its start.
    /// The run's first characters are looked for, at least four of them, in
    /// each text with its placeholders as the pages show them (`shown`: by
    /// `id` or `id.field`); a run that starts inside a figure stands at the
    /// figure's placeholder. Where several texts start so (同比增长…), the
    /// whole run tells them apart; a run that several texts hold whole
    /// names none of them: the first was often not the one set on that page.
    pub fn place_of_text(
        &self,
        run: &str,
        shown: &BTreeMap<String, String>,
    ) -> Option<(Role, String, String, usize)> {
        let run = run.trim_end_matches('…').trim();
        let head: String = run.chars().take(8).collect();
        if head.chars().count() < 4 {
            return None;
        }
        let data = &self.dataset;
        let values = [
            (Role::Meta, serde_json::to_value(&data.meta)),
            (Role::Achievements, serde_json::to_value(&data.achievements)),
            (Role::Plan, serde_json::to_value(&data.plan)),
        ];
        let mut found = Vec::new();
        for (role, value) in values {
            let Ok(value) = value else { continue };
            strings(&value, &mut |path, text| {
                if let Some(at) = printed_at(text, &head, shown) {
                    found.push((role, path.to_string(), text.to_string(), at));
                }
            });
        }
        if found.len() > 1 && run.len() > head.len() {
            found = found
                .into_iter()
                .filter_map(|(role, path, text, _)| {
                    let at = printed_at(&text, run, shown)?;
                    Some((role, path, text, at))
                })
                .collect();
        }
        if found.len() == 1 { found.pop() } else { None }
    }

    /// Ids of every figure of both parts, each with its label: what the
    /// documents must show somewhere.
    pub fn figure_ids(&self) -> Vec<(&str, &str)> {
        [&self.dataset.achievements, &self.dataset.plan]
            .into_iter()
            .flat_map(|p| &p.sections)
            .flat_map(|s| &s.figures)
            .map(|f| (f.id.as_str(), f.label.as_str()))
            .collect()
    }
}

#[cfg(test)]
mod printed {
    use super::*;

    #[test]
    fn a_run_of_the_pages_is_found_in_its_text_with_the_figures_filled_in() {
        let text = "全年新增市场主体{entities}、同比增长{entities.yoy}。投入消费补贴资金{funds}。";
        let shown: BTreeMap<String, String> = [
            ("entities", "2.4万户"),
            ("entities.yoy", "14.3%"),
            ("funds", "1.1亿元"),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .into();
        // Literal text: where it stands.
        assert_eq!(printed_at(text, "全年新增市场", &shown), Some(0));
        // Across a figure: the literal start.
        let at = text.find("、同比").unwrap();
        assert_eq!(printed_at(text, "、同比增长14.3", &shown), Some(at));
        // From inside a figure: at its placeholder.
        let yoy = text.find("{entities.yoy}").unwrap();
        assert_eq!(printed_at(text, "4.3%。投入", &shown), Some(yoy));
        // After the last figure.
        let tail = text.find("。投入").unwrap();
        assert_eq!(
            printed_at(text, "。投入消费补贴资金1.1亿", &shown),
            Some(tail)
        );
        assert_eq!(printed_at(text, "没有的文字", &shown), None);
    }
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
        let result = super::load(dir, false);
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "loading took {:?}",
            start.elapsed()
        );
        if let Err(failed) = result {
            assert!(!failed.errors.is_empty());
            for e in failed.errors {
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
        let project = super::load(root, false).expect("the shipped data is valid");
        let dataset = project.dataset;
        assert_eq!(dataset.achievements.year + 1, dataset.plan.year);
        assert!(dataset.plan.targets.len() >= 7);
    }

    #[test]
    fn a_round_trip_keeps_every_figure() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let dataset = super::load(root, false).unwrap().dataset;
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join(super::DATA_DIR);
        fs::create_dir(&data).unwrap();
        fs::write(
            data.join(super::META_FILE),
            yaml_serde::to_string(&dataset.meta).unwrap(),
        )
        .unwrap();
        fs::write(
            data.join(&dataset.meta.achievements),
            yaml_serde::to_string(&dataset.achievements).unwrap(),
        )
        .unwrap();
        fs::write(
            data.join(&dataset.meta.plan),
            yaml_serde::to_string(&dataset.plan).unwrap(),
        )
        .unwrap();
        let again = super::load(dir.path(), false)
            .expect("what brief writes, it reads")
            .dataset;
        assert_eq!(again, dataset);
    }
}

/// The `#…` written unquoted after a key's colon on `line` (`#1F4E79`,
/// `#草稿`), which YAML took for a comment.
fn hash_after_colon(line: &str) -> Option<String> {
    let (_, after) = line.split_once(':')?;
    let value: String = after
        .trim_start()
        .strip_prefix('#')?
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    (!value.is_empty()).then(|| format!("#{value}"))
}
