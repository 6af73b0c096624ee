//! `brief init DIR`: a new project that builds at once: its `data/` (a
//! commented skeleton), a commented `theme.yaml`, the schemas editors use and
//! a `.gitignore`. The templates and faces stay in brief (a later brief with
//! better templates reaches the project); `--templates` copies the templates
//! for a project that wants its own.
//!
//! `brief init --from PROJECT DIR`: next year's project from this year's.
//! Last year's plan becomes this year's achievements and the start of next
//! year's plan: its sections, titles and sentences carried as the starting
//! text, each marked 【待改】 (the build lists them until they are revised),
//! every value still to fill in, the results' ids apart from the plan's.
//! PROJECT's own theme, templates and extra faces come along, read under the
//! same rules as a build (inside the project, regular files, bounded). The
//! new project is written as one set: all of it, or nothing.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::args::InitArgs;
use crate::data::model::{Figure, Fill, Part, PartKind, Section, Target, Yoy};
use crate::data::{self, REVISE, schema};
use crate::digest::{self, Follow};
use crate::error::Failure;
use crate::{term, tr};

/// What `--from` copies of a project at most, all files together.
const MAX_COPIED: u64 = 1 << 30;

pub fn run(args: &InitArgs) -> Result<(), Failure> {
    let dir = &args.dir;
    // A line break or tab pasted into the name (`init $'新区\n'`) makes a
    // folder no one can type; any other name is the user's to choose.
    if dir
        .as_os_str()
        .as_encoded_bytes()
        .iter()
        .any(u8::is_ascii_control)
    {
        return Err(Failure::Usage(tr!(
            "usage-init-control",
            dir = format!("{:?}", dir.display().to_string())
        )));
    }
    if fs::symlink_metadata(dir).is_ok_and(|m| !m.is_dir()) && !dir.is_dir() {
        return Err(Failure::Usage(tr!(
            "usage-init-not-folder",
            dir = dir.display().to_string()
        )));
    }
    if dir.is_dir() {
        // Staging folders of killed runs inside the folder are not the user's.
        sweep(dir);
    }
    if fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some()) {
        return Err(Failure::Usage(tr!(
            "usage-init-not-empty",
            dir = dir.display().to_string()
        )));
    }
    let mut files = match &args.from {
        None => fresh(),
        Some(from) => roll_forward(from)?,
    };
    if args.templates
        && !files
            .iter()
            .any(|(p, _)| p.starts_with(crate::config::TEMPLATES_DIR))
    {
        files.extend(templates());
    }
    write_set(dir, &files)?;
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

/// The staging folders of `init`, beside the new project.
const STAGING: &str = ".brief-init-";
/// The file a running `init` holds locked in its staging folder.
const STAGING_LOCK: &str = ".brief-init.lock";

/// Writes the new project as one set: into a temporary folder beside it,
/// then renamed into place. A failure (a full disk) leaves nothing behind,
/// so the same command can simply be run again; the folder of a run that
/// was killed is removed by the next run.
fn write_set(dir: &Path, files: &[(PathBuf, Vec<u8>)]) -> Result<(), Failure> {
    if dir.is_dir() {
        return write_into(dir, files);
    }
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|e| io(e, &parent))?;
    sweep(&parent);
    let (staging, lock) = stage(&parent, dir, files)?;
    let made = staging.keep();
    let renamed = fs::rename(&made, dir).map_err(|e| {
        let _ = fs::remove_dir_all(&made);
        io(e, dir)
    });
    drop(lock);
    renamed
}

/// Writes the set into the empty folder `dir`, which stays (it may be the
/// shell's current folder, `brief init .`): staged inside it, then each of
/// the few entries moved up. A failure while writing leaves it empty.
fn write_into(dir: &Path, files: &[(PathBuf, Vec<u8>)]) -> Result<(), Failure> {
    let (staging, lock) = stage(dir, dir, files)?;
    let mut moved = Vec::new();
    let entries = fs::read_dir(staging.path()).map_err(|e| io(e, dir))?;
    for entry in entries {
        let entry = entry.map_err(|e| io(e, dir))?;
        let to = dir.join(entry.file_name());
        if let Err(e) = fs::rename(entry.path(), &to) {
            for m in &moved {
                let _ = fs::remove_dir_all(m).or_else(|_| fs::remove_file(m));
            }
            return Err(io(e, &to));
        }
        moved.push(to);
    }
    drop(lock);
    drop(staging);
    Ok(())
}

/// The set written into a new staging folder in `parent`, with the lock
/// that keeps another run's sweep away from it (its file removed once the
/// set is written; the open file is held until the caller drops it).
fn stage(
    parent: &Path,
    dir: &Path,
    files: &[(PathBuf, Vec<u8>)],
) -> Result<(tempfile::TempDir, fs::File), Failure> {
    let staging = tempfile::Builder::new()
        .prefix(STAGING)
        .tempdir_in(parent)
        .map_err(|e| io(e, parent))?;
    // Held until the rename: another run sees this folder is alive.
    let lock_path = staging.path().join(STAGING_LOCK);
    let lock = fs::File::create(&lock_path).map_err(|e| io(e, parent))?;
    lock.try_lock().map_err(|e| io(e.into(), parent))?;
    for (rel, bytes) in files {
        let path = staging.path().join(rel);
        if let Some(p) = path.parent() {
            fs::create_dir_all(p).map_err(|e| io(e, &dir.join(rel)))?;
        }
        fs::write(&path, bytes).map_err(|e| io(e, &dir.join(rel)))?;
    }
    fs::remove_file(&lock_path).map_err(|e| io(e, parent))?;
    Ok((staging, lock))
}

/// Removes the staging folders of `init` runs that were killed: a folder
/// whose lock file no process holds, or (killed before it made one) that
/// has not changed for an hour. Links and other files are left alone.
fn sweep(parent: &Path) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let is_staging = entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(STAGING));
        let Ok(meta) = fs::symlink_metadata(entry.path()) else {
            continue;
        };
        if !is_staging || !meta.is_dir() {
            continue;
        }
        let lock = entry.path().join(STAGING_LOCK);
        let dead = match fs::symlink_metadata(&lock) {
            Ok(m) if m.is_file() => fs::File::open(&lock).is_ok_and(|f| f.try_lock().is_ok()),
            Ok(_) => false,
            Err(_) => meta
                .modified()
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > std::time::Duration::from_secs(3600)),
        };
        if dead {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

fn io(e: std::io::Error, path: &Path) -> Failure {
    Failure::Other(
        anyhow::Error::new(e).context(tr!("io-write", path = path.display().to_string())),
    )
}

/// What every new project gets: the schemas editors use and the
/// `.gitignore` of its outputs.
fn common() -> Vec<(PathBuf, Vec<u8>)> {
    vec![
        (
            "schema/brief.schema.json".into(),
            schema::data().into_bytes(),
        ),
        (
            "schema/theme.schema.json".into(),
            crate::data::theme::schema().into_bytes(),
        ),
        (".gitignore".into(), b"/out/\n".to_vec()),
    ]
}

/// brief's templates, stamped with their version, for a project that wants
/// its own (`--templates`).
fn templates() -> Vec<(PathBuf, Vec<u8>)> {
    crate::config::TEMPLATES
        .iter()
        .map(|(n, t)| {
            let text = if n.ends_with(".typ") {
                format!("{}{t}", crate::config::template_stamp())
            } else {
                t.to_string()
            };
            (
                Path::new(crate::config::TEMPLATES_DIR).join(n),
                text.into_bytes(),
            )
        })
        .collect()
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
    let parts: Vec<Part> = [
        include_str!("skeleton/achievements.yaml"),
        include_str!("skeleton/plan.yaml"),
    ]
    .iter()
    .filter_map(|t| yaml_serde::from_slice(&fill(t)).ok())
    .collect();
    if let Ok(sheet) = sheet_template(&parts) {
        files.push(("data/指标模板.xlsx".into(), sheet));
    }
    files
}

/// The figures sheet's layout, as a workbook a user fills (or the
/// statistics office is asked to fill): the header row, and a row for each
/// figure of `parts` with its label and values.
fn sheet_template(parts: &[Part]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("指标")?;
    for (c, h) in ["id", "名称", "数值", "同比", "占比", "写法"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h)?;
    }
    let mut row = 1;
    for f in parts
        .iter()
        .flat_map(|p| &p.sections)
        .flat_map(|s| &s.figures)
    {
        if f.ratio.is_some() {
            continue;
        }
        sheet.write_string(row, 0, &f.id)?;
        sheet.write_string(row, 1, &f.label)?;
        // As text: a number cell keeps no trailing zero (10.0 would print 10).
        if let Some(Fill::Given(v)) = &f.value {
            sheet.write_string(row, 2, v.text())?;
        }
        if let Some(Fill::Given(v)) = f.yoy.as_ref().map(|y| &y.value) {
            sheet.write_string(row, 3, v.text())?;
        }
        if let Some(Fill::Given(v)) = f.share.first().map(|s| &s.value) {
            sheet.write_string(row, 4, v.text())?;
        }
        row += 1;
    }
    sheet.set_column_width(1, 24)?;
    book.save_to_buffer()
}

/// Next year's project from `from`.
fn roll_forward(from: &Path) -> Result<Vec<(PathBuf, Vec<u8>)>, Failure> {
    let root = super::data_root(from)?;
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
    // A plan of the last year data may hold has no next year to write.
    if !data::limits::YEARS.contains(&n2) {
        return Err(Failure::Usage(tr!(
            "init-year-beyond",
            year = n2,
            last = *data::limits::YEARS.end()
        )));
    }
    // Years in the words move on by one: 2022 → 2023, 2023 → 2024; a year
    // only where it stands as one, not the digits of a longer number
    // (新办发202310号, round 18).
    let years = [
        (y0.to_string(), n1.to_string()),
        (y1.to_string(), n2.to_string()),
    ];
    let shift = |s: &str| shift_years(s, &years);

    let mut files = common();
    files.extend(own_files(&root)?);

    let achievements_name = format!("{n1}-achievements.yaml");
    let plan_name = format!("{n2}-plan.yaml");
    let mut meta = d.meta.clone();
    meta.title = shift(&meta.title);
    if meta.headline.is_some() {
        meta.headline = Some(Fill::Todo);
    }
    meta.subheadline = None;
    meta.issue = None;
    meta.date = None;
    meta.printed = None;
    if let Some(source) = &mut meta.source {
        source.edition = None;
        source.byline = None;
        source.word_count = None;
    }
    meta.achievements = achievements_name.clone();
    meta.plan = plan_name.clone();
    // Last year's sheet holds last year's figures under last year's ids:
    // the new year's sheet is a new file, named here when it exists.
    let mut header = tr!("init-meta-header", year = n1, next = n2);
    if let Some(sheet) = meta.figures.take() {
        header.push('\n');
        header.push_str(&tr!("init-meta-sheet", file = sheet.file.as_str()));
    }
    files.push(("data/meta.yaml".into(), yaml(&header, &meta)));

    let old = &d.plan;
    let ids = result_ids(old, n1);
    let results = results(old, &d.achievements, &ids, &project.words);
    let achievements = Part {
        kind: PartKind::Achievements,
        year: n1,
        title: old.title.as_ref().map(|_| Fill::Todo),
        opening: vec![Fill::Todo],
        lead: Vec::new(),
        targets: Vec::new(),
        sections: results,
        charts: None,
    };
    let mut achievements = achievements;
    let mut plan = next_plan(old, n2, &ids, &shift);
    unlink_dangling(&mut achievements, &mut plan);
    files.push((
        Path::new("data").join(&achievements_name),
        yaml(
            &tr!("init-achievements-header", year = n1, old = y1),
            &achievements,
        ),
    ));
    files.push((
        Path::new("data").join(&plan_name),
        yaml(&tr!("init-plan-header", year = n2, old = y1), &plan),
    ));
    Ok(files)
}

/// The ids of the results last year's plan becomes, by the plan's ids.
/// A figure or target that was compared with an achievements figure takes
/// that figure's id (it measures the same thing, one year on), so that a
/// plan copied from last year still compares with the right result; the
/// others their name with the year they report on (`target_gdp` →
/// `gdp_2023`). None is an id of last year's plan, so that next year's plan
/// may keep its ids.
fn result_ids(old: &Part, year: i64) -> HashMap<String, String> {
    let planned: Vec<(&str, Option<&str>)> = old
        .targets
        .iter()
        .filter(|t| t.goal.is_none())
        .map(|t| (t.id.as_str(), t.compare.as_deref()))
        .chain(
            old.sections
                .iter()
                .flat_map(|s| &s.figures)
                .map(|f| (f.id.as_str(), f.compare.as_deref())),
        )
        .collect();
    let taken: Vec<&str> = planned.iter().map(|(id, _)| *id).collect();
    let mut out: HashMap<String, String> = HashMap::new();
    for (id, compared) in planned {
        let name = id.strip_prefix("target_").unwrap_or(id);
        let name = match name.rsplit_once('_') {
            Some((head, y)) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => head,
            _ => name,
        };
        // Within an id's length, the name cut short for the year (round
        // 30: a 64-character id grew to 69, and the new project did not
        // build).
        let fit = |name: &str, tail: &str| {
            let room = crate::data::limits::ID.saturating_sub(tail.len());
            let cut: String = name.chars().take(room).collect();
            format!("{}{tail}", cut.trim_end_matches('_'))
        };
        let first = compared.map_or_else(|| fit(name, &format!("_{year}")), str::to_string);
        let free = |c: &String| !taken.contains(&c.as_str()) && !out.values().any(|v| v == c);
        let chosen = std::iter::once(first.clone())
            .chain((2..).map(|n| match compared {
                Some(c) => fit(c, &format!("_{n}")),
                None => fit(name, &format!("_{year}_{n}")),
            }))
            .find(free)
            .expect("an id is free");
        out.insert(id.to_string(), chosen);
    }
    out
}

/// A year in Chinese numerals, as formal titles write it: 2022 as 二〇二二
/// (or 二零二二 with `zero`).
fn hanzi_year(digits: &str, zero: char) -> String {
    const D: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    digits
        .bytes()
        .map(|b| match b - b'0' {
            0 => zero,
            d => D[usize::from(d)],
        })
        .collect()
}

/// `s` with each year of `years` moved on (old, new): a year only where it
/// stands as one, not the digits of a longer number (新办发202310号), and a
/// year in Chinese numerals before 年 or a range's dash (二〇二二年, round 21;
/// 二〇二二—二〇二三年, round 23).
fn shift_years(s: &str, years: &[(String, String)]) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let hanzi = years.iter().find_map(|(old, new)| {
            ['〇', '零', '○'].into_iter().find_map(|zero| {
                let said = hanzi_year(old, zero);
                rest.strip_prefix(said.as_str())
                    .filter(|after| {
                        after.starts_with(['年', '—', '-', '－', '–', '～', '~', '至', '、', '到'])
                    })
                    .map(|after| (hanzi_year(new, zero), after))
            })
        });
        if let Some((new, after)) = hanzi {
            out.push_str(&new);
            rest = after;
            continue;
        }
        let run = rest.bytes().take_while(u8::is_ascii_digit).count();
        if run == 0 {
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let digits = &rest[..run];
        out.push_str(
            years
                .iter()
                .find(|(old, _)| old == digits)
                .map_or(digits, |(_, new)| new),
        );
        rest = &rest[run..];
    }
    out
}

/// A plan's label as a result's: what was planned is reported as done
/// (计划投资 → 完成投资; 力争新增 → 新增, the aims of the vocabulary), but
/// not an aim inside a compound (计划生育家庭奖励扶助金, round 18).
fn result_label(label: &str, words: &data::vocabulary::Words) -> String {
    let label = label.replace("计划投资", "完成投资");
    let mut label = label.as_str();
    while let Some(aim) = words
        .aims
        .iter()
        .find(|a| label.starts_with(a.as_str()) && !words.in_compound(label, 0, a))
    {
        label = &label[aim.len()..];
    }
    label.to_string()
}

/// Last year's plan as this year's results: a section of its targets (one
/// figure each, labelled as a result), then each of its sections with its
/// title and sentences marked to revise, every value to fill in.
fn results(
    old: &Part,
    achieved: &Part,
    ids: &HashMap<String, String>,
    words: &data::vocabulary::Words,
) -> Vec<Section> {
    // A growth target compared with an amount (增长6% of 地区生产总值 in
    // 亿元, charted against its yoy) becomes that amount, its change to
    // fill in: the result's id names the amount, as the carried words
    // (地区生产总值达到{gdp}) do (round 21: it became a rate under the
    // amount's id).
    let grows: HashMap<&str, &Figure> = old
        .targets
        .iter()
        .filter(|t| t.goal.is_none() && t.unit.as_deref() == Some("%"))
        .filter_map(|t| {
            let f = achieved
                .sections
                .iter()
                .flat_map(|s| &s.figures)
                .find(|f| Some(f.id.as_str()) == t.compare.as_deref())?;
            let in_percent = f.yoy.as_ref()?.unit.as_deref().is_none_or(|u| u == "%");
            (f.unit.as_deref() != Some("%") && in_percent).then_some((t.id.as_str(), f))
        })
        .collect();
    let goals: HashMap<&str, &str> = old
        .targets
        .iter()
        .filter_map(|t| Some((t.id.as_str(), t.goal.as_deref()?)))
        .collect();
    let mut sections = Vec::new();
    let numbered: Vec<&Target> = old.targets.iter().filter(|t| t.goal.is_none()).collect();
    // A target's verb that is also a qualifier (超过{target}) becomes the
    // result's qualifier: the figure prints it, so the text loses it.
    let qualifier_verbs: HashMap<&str, &str> = numbered
        .iter()
        .filter_map(|t| {
            let v = t.verb.as_deref()?;
            (words.qualifier(v) == Some(data::model::Position::Before))
                .then_some((t.id.as_str(), v))
        })
        .collect();
    // Placeholders name the results; a goal in words is written out.
    let carry = |text: &str| -> String {
        let mut out = text.to_string();
        for (old_id, verb) in &qualifier_verbs {
            out = out.replace(&format!("{verb}{{{old_id}}}"), &format!("{{{old_id}}}"));
        }
        for (old_id, goal) in &goals {
            out = out.replace(&format!("{{{old_id}}}"), goal);
        }
        // The target's words name the change where they say it as the
        // amount's results do (增长{target_gdp}, 同比增长 last year); else
        // they are to revise, not a contradiction the draft stops at.
        for (old_id, f) in &grows {
            let t = old.targets.iter().find(|t| t.id == *old_id);
            let said = t.is_some_and(|t| {
                let y = f.yoy.as_ref();
                t.verb.as_deref() == y.map(|y| y.verb.as_str())
                    && t.basis.as_deref() == y.and_then(|y| y.basis.as_deref())
            });
            let new_id = &ids[*old_id];
            // {t.number} is the change's number alone; {t.value} has no
            // form of a change's (round 23: {t.number} became the amount's).
            for (field, change) in [("", ".yoy"), (".number", ".yoy.number"), (".value", "")] {
                let new = if said && !change.is_empty() {
                    format!("{{{new_id}{change}}}")
                } else {
                    REVISE.to_string()
                };
                out = out.replace(&format!("{{{old_id}{field}}}"), &new);
            }
        }
        for (old_id, new_id) in ids {
            out = out
                .replace(&format!("{{{old_id}}}"), &format!("{{{new_id}}}"))
                .replace(&format!("{{{old_id}."), &format!("{{{new_id}."));
        }
        marked(&out)
    };
    if !numbered.is_empty() {
        let figures = numbered
            .iter()
            .map(|t| {
                // 增长6.5% is reported as 地区生产总值增长 of the year; a
                // bound (控制在5.5%以内) is no change, and a label past
                // its limit is the indicator alone.
                let change = |v: &String| words.up.contains(v) || words.down.contains(v);
                let label = match &t.verb {
                    Some(v)
                        if t.unit.as_deref() == Some("%")
                            && change(v)
                            && (t.indicator.chars().count() + v.chars().count())
                                <= data::limits::LABEL =>
                    {
                        format!("{}{v}", t.indicator)
                    }
                    _ => t.indicator.clone(),
                };
                // The amount as last year's results said it, to fill in.
                if let Some(f) = grows.get(t.id.as_str())
                    && let Some(y) = &f.yoy
                {
                    return Figure {
                        yoy: Some(Yoy {
                            value: Fill::Todo,
                            verb: y.verb.clone(),
                            basis: y.basis.clone(),
                            unit: y.unit.clone(),
                            qualifier: None,
                            to: None,
                            dash: None,
                            written: None,
                        }),
                        ..to_fill(
                            &ids[&t.id],
                            f.label.clone(),
                            f.unit.clone(),
                            f.unitless,
                            true,
                        )
                    };
                }
                Figure {
                    qualifier: qualifier_verbs.get(t.id.as_str()).map(|v| v.to_string()),
                    ..to_fill(&ids[&t.id], label, t.unit.clone(), false, true)
                }
            })
            .collect();
        // The sentences of the plan that named its targets.
        let paragraphs: Vec<Fill<String>> = old
            .lead
            .iter()
            .filter_map(|p| p.given())
            .filter(|p| {
                // {t} or {t.value}, {t.number} (round 23: 分别增长{t1.value}、
                // {t2.value}以上 was left behind).
                old.targets.iter().any(|t| {
                    p.contains(&format!("{{{}}}", t.id)) || p.contains(&format!("{{{}.", t.id))
                })
            })
            .map(|p| Fill::Given(carry(p)))
            .collect();
        // Last year's plan may have a section of that id (wulian-2013).
        let id = (1..)
            .map(|n| {
                if n == 1 {
                    "targets".to_string()
                } else {
                    format!("targets_{n}")
                }
            })
            .find(|id| old.sections.iter().all(|s| &s.id != id))
            .expect("a free id");
        sections.push(Section {
            id,
            title: old.title.as_ref().map(|_| Fill::Todo),
            paragraphs: if paragraphs.is_empty() {
                vec![Fill::Todo]
            } else {
                paragraphs
            },
            figures,
            rankings: Vec::new(),
        });
    }
    for s in &old.sections {
        let paragraphs: Vec<Fill<String>> = s
            .paragraphs
            .iter()
            .map(|p| match p {
                Fill::Given(p) => Fill::Given(carry(p)),
                Fill::Todo => Fill::Todo,
            })
            .collect();
        sections.push(Section {
            id: s.id.clone(),
            title: s.title.as_ref().map(|t| match t {
                Fill::Given(t) => Fill::Given(marked(t)),
                Fill::Todo => Fill::Todo,
            }),
            paragraphs: if paragraphs.is_empty() {
                vec![Fill::Todo]
            } else {
                paragraphs
            },
            figures: s
                .figures
                .iter()
                .map(|f| match &f.ratio {
                    // A ratio's parts to fill, as many as last year's
                    // (round 24: last year's were kept as this year's).
                    Some(_) => Figure {
                        id: ids.get(&f.id).cloned().unwrap_or_else(|| f.id.clone()),
                        label: result_label(&f.label, words),
                        ratio: to_fill_parts(f),
                        compare: None,
                        ..f.clone()
                    },
                    None => to_fill(
                        &ids[&f.id],
                        result_label(&f.label, words),
                        f.unit.clone(),
                        f.unitless,
                        f.headline,
                    ),
                })
                .collect(),
            rankings: Vec::new(),
        });
    }
    sections
}

/// A carried text marked to revise: once, even when it was carried from a
/// project not yet revised itself (a year skipped, a template kept in draft).
fn marked(text: &str) -> String {
    let mut rest = text;
    while let Some(r) = rest.strip_prefix(REVISE) {
        rest = r;
    }
    format!("{REVISE}{rest}")
}

/// A placeholder of the carried words that names nothing of the new year
/// (last year's `{gdp.yoy}`, a ranking not carried) becomes the mark to
/// revise: the paragraph is one to rewrite anyway, and `build --draft` of
/// the new project must run.
fn unlink_dangling(achievements: &mut Part, plan: &mut Part) {
    let mut named: std::collections::HashSet<String> = Default::default();
    for part in [&*achievements, &*plan] {
        for s in &part.sections {
            for f in &s.figures {
                named.extend([f.id.clone(), format!("{}.value", f.id)]);
                named.insert(format!("{}.number", f.id));
                if f.yoy.is_some() {
                    named.extend([format!("{}.yoy", f.id), format!("{}.yoy.number", f.id)]);
                }
                if !f.share.is_empty() {
                    named.extend([format!("{}.share", f.id), format!("{}.share.number", f.id)]);
                }
                if f.rank.is_some() {
                    named.insert(format!("{}.rank", f.id));
                }
            }
            for r in &s.rankings {
                named.insert(format!("{}.rank", r.id));
            }
        }
        for t in &part.targets {
            named.extend([
                t.id.clone(),
                format!("{}.value", t.id),
                format!("{}.number", t.id),
            ]);
        }
    }
    let fix = |text: &mut Fill<String>| {
        let Fill::Given(t) = text else { return };
        let Ok(found) = data::prose::placeholders(t) else {
            return;
        };
        let mut out = t.clone();
        for p in found.iter().rev() {
            if !named.contains(&t[p.start + 1..p.end - 1]) {
                out.replace_range(p.start..p.end, REVISE);
            }
        }
        *t = out;
    };
    for part in [achievements, plan] {
        part.opening.iter_mut().for_each(fix);
        part.lead.iter_mut().for_each(fix);
        for s in &mut part.sections {
            s.paragraphs.iter_mut().for_each(fix);
        }
    }
}

/// Next year's plan, started from last year's: its words marked to revise,
/// years moved on, values to fill in, and each figure and target compared
/// with the result it becomes this year.
fn next_plan(
    old: &Part,
    n2: i64,
    ids: &HashMap<String, String>,
    shift: &dyn Fn(&str) -> String,
) -> Part {
    let revise = |p: &Fill<String>| match p {
        Fill::Given(p) => Fill::Given(marked(&shift(p))),
        Fill::Todo => Fill::Todo,
    };
    let targets = old
        .targets
        .iter()
        .map(|t| Target {
            // Ids move on with the years in the words: {target_2023} → {target_2024}.
            id: shift(&t.id),
            value: t.value.as_ref().map(|_| Fill::Todo),
            // A goal in words is last year's words (完成市下达目标): to revise,
            // as a number is to fill.
            goal: t.goal.as_ref().map(|g| marked(&shift(g))),
            // A range's bound and its dash go together (round 24: a dash
            // left alone failed the new project's first build).
            to: None,
            dash: None,
            written: None,
            compare: ids.get(&t.id).cloned(),
            ..t.clone()
        })
        .collect();
    let sections = old
        .sections
        .iter()
        .map(|s| Section {
            id: s.id.clone(),
            title: s.title.as_ref().map(&revise),
            paragraphs: s.paragraphs.iter().map(&revise).collect(),
            figures: s
                .figures
                .iter()
                .map(|f| Figure {
                    id: shift(&f.id),
                    label: f.label.clone(),
                    value: f.value.as_ref().map(|_| Fill::Todo),
                    ratio: to_fill_parts(f),
                    to: None,
                    dash: None,
                    written: None,
                    yoy: None,
                    share: Vec::new(),
                    rank: None,
                    estimate: false,
                    compare: ids.get(&f.id).filter(|_| f.ratio.is_none()).cloned(),
                    ..f.clone()
                })
                .collect(),
            rankings: Vec::new(),
        })
        .collect();
    Part {
        kind: PartKind::Plan,
        year: n2,
        title: old.title.as_ref().map(&revise),
        opening: old.opening.iter().map(&revise).collect(),
        lead: old.lead.iter().map(&revise).collect(),
        targets,
        sections,
        charts: None,
    }
}

/// A ratio's parts, each to fill.
fn to_fill_parts(f: &Figure) -> Option<Vec<Fill<data::model::Num>>> {
    f.ratio.as_ref().map(|r| vec![Fill::Todo; r.len()])
}

/// A figure of the new year: its id, label and unit (or none, where last
/// year's had none), its value still to fill.
fn to_fill(
    id: &str,
    label: String,
    unit: Option<String>,
    unitless: bool,
    headline: bool,
) -> Figure {
    Figure {
        id: id.to_string(),
        label,
        value: Some(Fill::Todo),
        to: None,
        dash: None,
        ratio: None,
        colon: None,
        unit: (!unitless).then(|| unit.unwrap_or_else(|| "%".into())),
        unitless,
        qualifier: None,
        written: None,
        estimate: false,
        yoy: None,
        share: Vec::new(),
        rank: None,
        compare: None,
        headline,
    }
}

/// What PROJECT has of its own besides its data: its theme, its templates
/// (a project that chose its own keeps them), and faces it added to
/// `fonts/` (brief's own are carried by brief). Read as a build reads:
/// regular files inside the project, no link leading out, each and all
/// bounded.
fn own_files(root: &Path) -> Result<Vec<(PathBuf, Vec<u8>)>, Failure> {
    let mut out = Vec::new();
    let mut total = 0u64;
    // What is there but is no regular file inside the project (a link out
    // of it, a FIFO) is not read, as a build would not read it: an error for
    // the project's templates and theme (the new project would lack them), a
    // warning for a face (brief's own stand in).
    let regular = |path: &Path| {
        path.canonicalize()
            .is_ok_and(|p| p.starts_with(root) && p.is_file())
    };
    let mut take = |rel: PathBuf, max: u64, needed: bool| -> Result<(), Failure> {
        let path = root.join(&rel);
        if !regular(&path) {
            if fs::symlink_metadata(&path).is_err() {
                return Ok(());
            }
            let message = tr!(
                "init-cannot-copy",
                path = rel.display().to_string(),
                why = tr!("init-not-a-file")
            );
            if needed {
                return Err(Failure::Other(anyhow::anyhow!(message)));
            }
            term::warning(&message);
            return Ok(());
        }
        let bytes = digest::read(&path, max, Follow::Yes).map_err(|e| {
            let why = match e {
                digest::Unread::TooLarge(n) => tr!("init-too-large", mb = n / 1024 / 1024),
                digest::Unread::Io(e) => crate::i18n::io(&e),
                _ => tr!("init-not-a-file"),
            };
            Failure::Other(anyhow::anyhow!(tr!(
                "init-cannot-copy",
                path = rel.display().to_string(),
                why = why
            )))
        })?;
        total += bytes.len() as u64;
        if total > MAX_COPIED {
            return Err(Failure::Other(anyhow::anyhow!(tr!(
                "init-cannot-copy",
                path = rel.display().to_string(),
                why = tr!("init-too-large", mb = total / 1024 / 1024)
            ))));
        }
        out.push((rel, bytes));
        Ok(())
    };
    take(PathBuf::from(data::THEME_FILE), data::MAX_FILE_BYTES, true)?;
    // What a folder holds, its subfolders' too (templates/img/logo.svg,
    // fonts/方正/…: a build reads them, round 21), by the path under it; a
    // link is listed, not followed, and `take` judges it.
    let listed = |dir: &str| -> Vec<(PathBuf, String)> {
        let mut names = Vec::new();
        let mut folders = vec![(root.join(dir), String::new(), 0)];
        while let Some((folder, under, depth)) = folders.pop() {
            let Ok(entries) = fs::read_dir(&folder) else {
                continue;
            };
            for e in entries.flatten() {
                let Some(name) = e.file_name().to_str().map(|n| format!("{under}{n}")) else {
                    continue;
                };
                let is_folder = e.file_type().is_ok_and(|t| t.is_dir());
                if is_folder && depth < MAX_DEPTH {
                    folders.push((e.path(), format!("{name}/"), depth + 1));
                } else if !is_folder && names.len() < MAX_LISTED {
                    names.push((e.path(), name));
                }
            }
        }
        names.sort();
        names
    };
    // A project's templates are copied as a whole when it changed any of
    // them (a templates/ folder replaces brief's set), not at all when they
    // are brief's own (a stamped copy included). One that is no regular
    // file inside the project (a link to /dev/zero, a FIFO) is not read to
    // compare: it counts as the project's, which `take` refuses.
    let templates = listed(crate::config::TEMPLATES_DIR);
    let own = templates.iter().any(|(path, name)| {
        let brief_s = crate::config::TEMPLATES.iter().find(|(n, _)| *n == name);
        !brief_s.is_some_and(|(_, t)| {
            let read = regular(path)
                .then(|| digest::read(path, data::MAX_FILE_BYTES, Follow::Yes).ok())
                .flatten()
                .and_then(|bytes| String::from_utf8(bytes).ok());
            read.is_some_and(|text| {
                let text = if crate::config::template_revision(&text) > 0 {
                    text.split_once('\n')
                        .map_or("", |(_, rest)| rest)
                        .to_string()
                } else {
                    text
                };
                text == *t
            })
        })
    });
    if own {
        for (_, name) in &templates {
            take(
                Path::new(crate::config::TEMPLATES_DIR).join(name),
                data::MAX_FILE_BYTES,
                true,
            )?;
        }
    }
    // Faces the project added: brief carries its own.
    for (path, name) in listed(crate::fonts::FONT_DIR) {
        if crate::fonts::is_font(&path) && !crate::fonts::BUNDLED.iter().any(|(n, _)| *n == name) {
            take(
                Path::new(crate::fonts::FONT_DIR).join(&name),
                crate::fonts::MAX_FONT_BYTES,
                false,
            )?;
        }
    }
    Ok(out)
}

/// How deep `init --from` looks into a project's `templates/` and `fonts/`,
/// and how many files it lists there: far more than a project holds.
const MAX_DEPTH: usize = 8;
const MAX_LISTED: usize = 10_000;

/// A data file: the schema line, a comment, the value.
fn yaml<T: Serialize>(comment: &str, value: &T) -> Vec<u8> {
    // Empty optional lists and absent fields are left out by the model's
    // own serde attributes, so that what is left to fill stands out.
    let body = yaml_serde::to_string(value).expect("the data serialises");
    let comment: String = comment.lines().map(|l| format!("# {l}\n")).collect();
    format!("# yaml-language-server: $schema=../schema/brief.schema.json\n{comment}{body}")
        .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_move_on_where_they_stand_as_years() {
        let years = [
            ("2022".to_string(), "2023".to_string()),
            ("2023".to_string(), "2024".to_string()),
        ];
        assert_eq!(
            shift_years("2022年成效与2023年安排（新办发202310号）", &years),
            "2023年成效与2024年安排（新办发202310号）"
        );
        assert_eq!(
            shift_years("二〇二二年工作成效与二零二三年工作安排", &years),
            "二〇二三年工作成效与二零二四年工作安排"
        );
        assert_eq!(shift_years("二〇二二届", &years), "二〇二二届");
        assert_eq!(
            shift_years("二〇二二—二〇二三年工作要点（二○二二年）", &years),
            "二〇二三—二〇二四年工作要点（二○二三年）"
        );
    }

    #[test]
    fn results_have_ids_of_their_own_and_result_words() {
        let plan: Part = yaml_serde::from_str(
            "kind: plan\nyear: 2023\nsections:\n- id: s\n  figures:\n  - {id: new_firms_2023, label: 新增, value: 1, unit: 家, compare: new_firms}\n  - {id: shenha_new, label: 新增, value: 1, unit: 家}\ntargets:\n- {id: target_gdp, indicator: 地区生产总值, verb: 增长, value: 6, unit: '%'}\n- {id: target_income, indicator: 收入, goal: 同步}\n",
        )
        .unwrap();
        let ids = result_ids(&plan, 2023);
        assert_eq!(ids["target_gdp"], "gdp_2023");
        assert_eq!(ids["new_firms_2023"], "new_firms");
        assert_eq!(ids["shenha_new"], "shenha_new_2023");
        // A long id stays within an id's length with its year.
        let long = "a".repeat(crate::data::limits::ID);
        let part: Part = yaml_serde::from_str(&format!(
            "kind: plan\nyear: 2023\nsections:\n- id: s\n  figures:\n  - {{id: {long}, label: 新增, value: 1, unit: 家}}\n"
        ))
        .unwrap();
        let ids = result_ids(&part, 2023);
        let id = &ids[&long];
        assert!(
            id.len() <= crate::data::limits::ID && id.ends_with("_2023") && crate::data::is_id(id),
            "{id}"
        );
        assert!(!ids.contains_key("target_income"));
        let built_in = yaml_serde::from_str(data::vocabulary::BUILT_IN).unwrap();
        let words = data::vocabulary::Words::merge(&built_in, None);
        assert_eq!(
            result_label("市政基础配套项目计划投资", &words),
            "市政基础配套项目完成投资"
        );
        assert_eq!(result_label("力争新增注册企业", &words), "新增注册企业");
        // An aim inside a compound stays (round 18: 生育家庭奖励扶助金).
        assert_eq!(
            result_label("计划生育家庭奖励扶助金", &words),
            "计划生育家庭奖励扶助金"
        );
    }
}
