//! Checks beyond types: ranges, ids, placeholders and references. Every
//! problem of every file is collected, not only the first.

use std::collections::HashMap;

use super::model::{Figure, Metric, Part, PartKind, Qualifier, Unit};

/// A problem at a field path of one file (0 = meta, 1 = achievements, 2 = plan).
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub file: usize,
    pub path: String,
    pub message: String,
}

struct Checker {
    problems: Vec<Problem>,
    file: usize,
}

impl Checker {
    fn report(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            file: self.file,
            path: path.into(),
            message: message.into(),
        });
    }
}

fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// What an id names, for placeholder and reference checks.
#[derive(Clone, Copy)]
enum Named<'a> {
    Figure(&'a Figure),
    Ranking,
    Target,
}

/// Validates both parts together (ids are unique across files, and the plan
/// refers to the achievements).
pub fn check(achievements: Option<&Part>, plan: Option<&Part>) -> Vec<Problem> {
    // (slot, part, file): a file that failed to parse is left out; the other is
    // still checked, only without the references into the missing one.
    let parts: Vec<(usize, &Part, usize)> = [achievements, plan]
        .into_iter()
        .enumerate()
        .filter_map(|(slot, part)| part.map(|p| (slot, p, slot + 1)))
        .collect();
    let achievements_known = achievements.is_some();
    let mut c = Checker {
        problems: Vec::new(),
        file: 0,
    };
    let mut ids: HashMap<String, (usize, String)> = HashMap::new();
    let mut per_file: [HashMap<String, Named>; 2] = [HashMap::new(), HashMap::new()];

    for &(slot, part, file) in &parts {
        c.file = file;
        let expected = if slot == 0 {
            PartKind::Achievements
        } else {
            PartKind::Plan
        };
        if part.kind != expected {
            c.report(
                "kind",
                format!(
                    "this file is named as the {expected} file in meta.yaml, but its kind is `{}`",
                    part.kind
                ),
            );
        }
        if part.title.trim().is_empty() {
            c.report("title", "must not be empty");
        }
        let mut register = |c: &mut Checker, id: &str, path: String, named| {
            if !valid_id(id) {
                c.report(
                    format!("{path}.id"),
                    format!(
                        "`{id}` is not a valid id: use lower-case snake_case such as `new_jobs`"
                    ),
                );
            }
            if let Some((other_file, other_path)) = ids.get(id) {
                let place = if *other_file == file {
                    other_path.clone()
                } else {
                    format!("{other_path} of another file")
                };
                c.report(
                    format!("{path}.id"),
                    format!("duplicate id `{id}`: already used at `{place}`"),
                );
            } else {
                ids.insert(id.to_string(), (file, format!("{path}.id")));
            }
            per_file[slot].insert(id.to_string(), named);
        };
        for (t, target) in part.targets.iter().enumerate() {
            register(&mut c, &target.id, format!("targets[{t}]"), Named::Target);
        }
        let mut section_ids: HashMap<&str, usize> = HashMap::new();
        for (s, section) in part.sections.iter().enumerate() {
            let base = format!("sections[{s}]");
            // Section ids are per file: both years have a `livelihood`.
            if !valid_id(&section.id) {
                c.report(
                    format!("{base}.id"),
                    format!(
                        "`{}` is not a valid id: use lower-case snake_case",
                        section.id
                    ),
                );
            }
            if let Some(first) = section_ids.insert(&section.id, s) {
                c.report(
                    format!("{base}.id"),
                    format!(
                        "duplicate section id `{}`: already used at `sections[{first}]`",
                        section.id
                    ),
                );
            }
            for (i, f) in section.figures.iter().enumerate() {
                register(
                    &mut c,
                    &f.id,
                    format!("{base}.figures[{i}]"),
                    Named::Figure(f),
                );
            }
            for (i, r) in section.rankings.iter().enumerate() {
                register(
                    &mut c,
                    &r.id,
                    format!("{base}.rankings[{i}]"),
                    Named::Ranking,
                );
            }
        }
    }

    let [achieved, planned] = &per_file;
    for &(slot, part, file) in &parts {
        c.file = file;
        let own = &per_file[slot];
        if slot == 0 && !part.targets.is_empty() {
            c.report("targets", "targets belong in the plan file");
        }
        for (i, text) in part.lead.iter().enumerate() {
            check_text(&mut c, &format!("lead[{i}]"), text, own);
        }
        if let Some(intro) = &part.targets_intro {
            check_text(&mut c, "targets_intro", intro, own);
        }
        for (t, target) in part.targets.iter().enumerate() {
            let path = format!("targets[{t}]");
            let keeps_pace = target.qualifier == Some(Qualifier::Tongbu);
            match (&target.value, keeps_pace) {
                (Some(_), true) => c.report(
                    format!("{path}.value"),
                    "a 同步 target has no value of its own; remove `value`",
                ),
                (None, false) => c.report(
                    format!("{path}.value"),
                    "missing: a target needs a value (or `qualifier: 同步` with `with`)",
                ),
                _ => {}
            }
            match (&target.with, keeps_pace) {
                (Some(other), true) => {
                    if !matches!(planned.get(other.as_str()), Some(Named::Target)) {
                        c.report(
                            format!("{path}.with"),
                            format!("`{other}` is not a target of this file"),
                        );
                    }
                }
                (None, true) => c.report(
                    format!("{path}.with"),
                    "missing: a 同步 target names the target it keeps pace with",
                ),
                (Some(_), false) => c.report(
                    format!("{path}.with"),
                    "`with` only goes with `qualifier: 同步`",
                ),
                (None, false) => {}
            }
            if let Some(value) = target.value {
                let unit = target.unit;
                match target.metric {
                    Metric::Growth if unit != Some(Unit::Percent) => c.report(
                        format!("{path}.unit"),
                        "a growth target is in percent: `unit: \"%\"`",
                    ),
                    Metric::Amount if unit.is_none() || unit == Some(Unit::Percent) => c.report(
                        format!("{path}.unit"),
                        "an amount target needs a unit such as 亿元",
                    ),
                    _ => {}
                }
                match target.metric {
                    Metric::Growth => check_percent(
                        &mut c,
                        &format!("{path}.value"),
                        value.get(),
                        -100.0,
                        1000.0,
                    ),
                    Metric::Amount if value.get() < 0.0 => c.report(
                        format!("{path}.value"),
                        format!("{}: an amount cannot be negative", value.get()),
                    ),
                    Metric::Amount => {}
                }
            }
        }
        for (s, section) in part.sections.iter().enumerate() {
            let base = format!("sections[{s}]");
            if section.title.trim().is_empty() {
                c.report(format!("{base}.title"), "must not be empty");
            }
            for (i, text) in section.paragraphs.iter().enumerate() {
                check_text(&mut c, &format!("{base}.paragraphs[{i}]"), text, own);
            }
            for (i, f) in section.figures.iter().enumerate() {
                let path = format!("{base}.figures[{i}]");
                if f.label.trim().is_empty() {
                    c.report(format!("{path}.label"), "must not be empty");
                }
                let v = f.value.get();
                if f.unit == Unit::Percent {
                    check_percent(&mut c, &format!("{path}.value"), v, -100.0, 1000.0);
                } else if v < 0.0 {
                    c.report(
                        format!("{path}.value"),
                        format!("{v} {}: an amount cannot be negative", f.unit),
                    );
                }
                if f.qualifier == Some(Qualifier::Tongbu) {
                    c.report(
                        format!("{path}.qualifier"),
                        "同步 is for targets, not figures",
                    );
                }
                if let Some(yoy) = &f.yoy {
                    check_percent(
                        &mut c,
                        &format!("{path}.yoy.value"),
                        yoy.value.get(),
                        -100.0,
                        1000.0,
                    );
                }
                for (k, share) in f.share.iter().enumerate() {
                    check_percent(
                        &mut c,
                        &format!("{path}.share[{k}].value"),
                        share.value.get(),
                        0.0,
                        100.0,
                    );
                }
                if let Some(other) = &f.compare
                    && (slot == 0 || achievements_known)
                {
                    match (slot, achieved.get(other.as_str())) {
                        (0, _) => c.report(
                            format!("{path}.compare"),
                            "`compare` goes on plan figures, naming an achievements figure",
                        ),
                        (_, Some(Named::Figure(o))) if !comparable(o.unit, f.unit) => c.report(
                            format!("{path}.compare"),
                            format!(
                                "`{other}` is in {}, this figure in {}: compare like with like",
                                o.unit, f.unit
                            ),
                        ),
                        (_, Some(Named::Figure(_))) => {}
                        _ => c.report(
                            format!("{path}.compare"),
                            format!("`{other}` is not a figure of the achievements file"),
                        ),
                    }
                }
            }
            for (i, r) in section.rankings.iter().enumerate() {
                let path = format!("{base}.rankings[{i}]");
                if r.subjects.is_empty() {
                    c.report(format!("{path}.subjects"), "name at least one subject");
                }
                match (r.position, &r.standing) {
                    (None, None) => c.report(
                        format!("{path}.position"),
                        "missing: give a `position` (1 = 第一) or a `standing` (e.g. 前列)",
                    ),
                    (Some(_), Some(_)) => c.report(
                        format!("{path}.standing"),
                        "give either `position` or `standing`, not both",
                    ),
                    (Some(0), _) => {
                        c.report(format!("{path}.position"), "positions start at 1 (第一)")
                    }
                    _ => {}
                }
            }
        }
    }
    c.problems
}

/// 户 and 家 both count enterprises; the article uses one for 2022 and the
/// other for 2023.
fn comparable(a: Unit, b: Unit) -> bool {
    let enterprises = |u| matches!(u, Unit::Hu | Unit::Jia);
    a == b || (enterprises(a) && enterprises(b))
}

fn check_percent(c: &mut Checker, path: &str, v: f64, lo: f64, hi: f64) {
    if !(lo..=hi).contains(&v) {
        c.report(path, format!("{v}% is out of range: expected {lo} to {hi}"));
    }
}

/// Every `{id}` / `{id.field}` placeholder must name something of this file
/// that has that field.
fn check_text(c: &mut Checker, path: &str, text: &str, own: &HashMap<String, Named>) {
    for placeholder in placeholders(text) {
        let Some(inner) = placeholder else {
            c.report(
                path,
                "unbalanced `{` or `}`: placeholders look like {id} or {id.yoy}",
            );
            continue;
        };
        let (id, field) = inner
            .split_once('.')
            .map_or((inner, None), |(a, b)| (a, Some(b)));
        let problem = match (own.get(id), field) {
            (None, _) => {
                let hint = super::error::nearest(id, own.keys().map(String::as_str))
                    .map(|n| format!(", did you mean `{n}`?"))
                    .unwrap_or_default();
                Some(format!(
                    "placeholder {{{inner}}} names no figure or ranking of this file{hint}"
                ))
            }
            (Some(Named::Figure(_)), None) | (Some(Named::Ranking), Some("rank")) => None,
            (Some(Named::Figure(f)), Some("yoy")) if f.yoy.is_none() => Some(format!(
                "placeholder {{{inner}}}: figure `{id}` has no `yoy`"
            )),
            (Some(Named::Figure(f)), Some("share")) if f.share.is_empty() => Some(format!(
                "placeholder {{{inner}}}: figure `{id}` has no `share`"
            )),
            (Some(Named::Figure(_)), Some("yoy" | "share")) => None,
            (Some(Named::Figure(_)), Some(other)) => Some(format!(
                "placeholder {{{inner}}}: figures offer .yoy and .share, not .{other}"
            )),
            (Some(Named::Ranking), _) => Some(format!(
                "placeholder {{{inner}}}: write a ranking as {{{id}.rank}}"
            )),
            (Some(Named::Target), _) => Some(format!(
                "placeholder {{{inner}}}: `{id}` is not a figure or ranking"
            )),
        };
        if let Some(message) = problem {
            c.report(path, message);
        }
    }
}

/// The placeholders of a text, `None` for an unbalanced brace.
pub fn placeholders(text: &str) -> Vec<Option<&str>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            out.push(None);
            rest = &rest[open + 1..];
            continue;
        }
        match rest[open + 1..].find(['{', '}']) {
            Some(close) if rest[open + 1 + close..].starts_with('}') => {
                out.push(Some(&rest[open + 1..open + 1 + close]));
                rest = &rest[open + close + 2..];
            }
            _ => {
                out.push(None);
                rest = &rest[open + 1..];
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_placeholders_and_unbalanced_braces() {
        assert_eq!(
            placeholders("增长{a}、占{b.share}"),
            vec![Some("a"), Some("b.share")]
        );
        assert_eq!(placeholders("oops {a"), vec![None]);
        assert_eq!(placeholders("oops a}"), vec![None]);
        assert!(placeholders("no braces").is_empty());
    }
}
