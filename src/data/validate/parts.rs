//! Both parts together: each file in its role, ids unique across both
//! files (a duplicate named at both places, with a free id proposed), the
//! plan's year, each part's paragraphs, sections and rankings; figures,
//! targets and charts have files of their own.

use std::collections::{HashMap, HashSet};

use super::{Checker, Index, Problem, charts, figures, targets};
use crate::data::Role;
use crate::data::limits;
use crate::data::model::{Fill, Part, PartKind, Ranking, Section};
use crate::data::prose::{self, Named};
use crate::data::vocabulary::Words;
use crate::tr;

/// Checks both parts together: ids are unique across files, and the plan
/// refers to the achievements. A part that did not parse is left out.
pub fn parts<'p>(
    achievements: Option<&'p Part>,
    plan: Option<&'p Part>,
    words: &Words,
) -> Vec<Problem> {
    let mut c = Checker::new(Role::Meta, words);
    // A file named in the wrong role (the plan as the achievements) is said
    // once, not as a hundred errors of the other part's rules.
    let parts: Vec<(Role, &'p Part)> = [
        (Role::Achievements, PartKind::Achievements, achievements),
        (Role::Plan, PartKind::Plan, plan),
    ]
    .into_iter()
    .filter_map(|(role, kind, part)| part.map(|p| (role, kind, p)))
    .filter(|&(role, kind, part)| {
        if part.kind != kind {
            c.role = role;
            c.report(
                "kind",
                "data-kind",
                tr!("data-kind", kind = part.kind.name(), expected = kind.name()),
            );
        }
        part.kind == kind
    })
    .map(|(role, _, part)| (role, part))
    .collect();
    let indexes = index(&mut c, &parts);
    let achieved = indexes.get(&Role::Achievements);
    for &(role, part) in &parts {
        c.role = role;
        let index = Index {
            own: indexes.get(&role).cloned().unwrap_or_default(),
            achieved,
            named: indexes.values().flatten().map(|(k, v)| (*k, *v)).collect(),
        };
        part_fields(&mut c, role, part, &index);
    }
    if let (Some(a), Some(p)) = (achievements, plan)
        && p.year != a.year + 1
    {
        c.role = Role::Plan;
        c.report(
            "year",
            "data-plan-year",
            tr!("data-plan-year", plan = p.year, achievements = a.year),
        );
    }
    c.problems
}

/// Every id of figures, rankings and targets, by file: each unique across
/// both files. A duplicate is reported at its second place, naming the
/// first, with an id that is free; only the first is indexed, so that a
/// placeholder naming it is checked against one entry, not reported again.
fn index<'p>(
    c: &mut Checker,
    parts: &[(Role, &'p Part)],
) -> HashMap<Role, HashMap<&'p str, Named<'p>>> {
    let mut places: HashMap<&'p str, (Role, String)> = HashMap::new();
    let all: HashSet<&'p str> = parts
        .iter()
        .flat_map(|(_, p)| entries(p).into_iter().map(|(id, _, _)| id))
        .collect();
    let mut out: HashMap<Role, HashMap<&'p str, Named<'p>>> = HashMap::new();
    for &(role, part) in parts {
        c.role = role;
        let own = out.entry(role).or_default();
        for (id, path, named) in entries(part) {
            c.id(&path, id);
            match places.get(id) {
                Some((other_role, other_path)) => {
                    let place = if *other_role == role {
                        other_path.clone()
                    } else {
                        format!("{} {other_path}", other_role.file_word())
                    };
                    let free = (2..)
                        .map(|n| format!("{id}_{n}"))
                        .find(|n| !all.contains(n.as_str()))
                        .unwrap_or_default();
                    c.hinted(
                        format!("{path}.id"),
                        "data-duplicate-id",
                        tr!("data-duplicate-id", id = id, place = place),
                        Some(tr!("data-duplicate-id-hint", free = free)),
                    );
                }
                None => {
                    places.insert(id, (role, format!("{path}.id")));
                    own.insert(id, named);
                }
            }
        }
    }
    out
}

/// The named entries of a part: (id, field path, entry).
fn entries(part: &Part) -> Vec<(&str, String, Named<'_>)> {
    let mut out = Vec::new();
    for (t, target) in part.targets.iter().enumerate() {
        out.push((
            target.id.as_str(),
            format!("targets[{t}]"),
            Named::Target(target),
        ));
    }
    for (s, section) in part.sections.iter().enumerate() {
        for (i, f) in section.figures.iter().enumerate() {
            out.push((
                f.id.as_str(),
                format!("sections[{s}].figures[{i}]"),
                Named::Figure(f),
            ));
        }
        for (i, r) in section.rankings.iter().enumerate() {
            out.push((
                r.id.as_str(),
                format!("sections[{s}].rankings[{i}]"),
                Named::Ranking(r),
            ));
        }
    }
    out
}

/// A paragraph: a text, and its placeholders and words against the data.
fn prose(c: &mut Checker, path: &str, text: &Fill<String>, own: &HashMap<&str, Named>) {
    c.fill_paragraph(path, text);
    if let Fill::Given(text) = text {
        let mut stated = std::mem::take(&mut c.stated);
        let problems = prose::check(text, own, c.words, &mut stated);
        c.stated = stated;
        for p in problems {
            let problem = c.report(path, p.code, p.message);
            problem.offset = Some(p.offset);
            problem.hint = p.hint;
            problem.warning = p.warning;
        }
    }
}

fn part_fields(c: &mut Checker, role: Role, part: &Part, index: &Index) {
    let own = &index.own;
    c.year("year", part.year);
    if let Some(title) = &part.title {
        c.fill_text("title", title, limits::TITLE);
        c.heading("title", title);
    }
    for (i, p) in part.opening.iter().enumerate() {
        prose(c, &format!("opening[{i}]"), p, &index.named);
    }
    for (i, p) in part.lead.iter().enumerate() {
        prose(c, &format!("lead[{i}]"), p, &index.named);
    }
    c.count("opening", part.opening.len(), limits::PARAGRAPHS);
    c.count("lead", part.lead.len(), limits::PARAGRAPHS);
    c.count("sections", part.sections.len(), limits::SECTIONS);
    c.count("targets", part.targets.len(), limits::TARGETS);
    if role == Role::Achievements && !part.targets.is_empty() {
        c.report(
            "targets",
            "data-targets-in-achievements",
            tr!("data-targets-in-achievements"),
        );
    }
    // A part says something: under its heading where it has one (a heading
    // over nothing is an empty part), anywhere where it has none (a short
    // article may say its plan in an opening sentence).
    let after_heading = !part.lead.is_empty()
        || !part.targets.is_empty()
        || part.sections.iter().any(|s| !s.paragraphs.is_empty());
    let said = after_heading || (part.title.is_none() && !part.opening.is_empty());
    if !said {
        c.hinted(
            "sections",
            "data-part-empty",
            tr!("data-part-empty", part = role.file_word()),
            Some(tr!("data-part-empty-hint")),
        );
    }
    // The cards: said at the first one past the limit, which is the one
    // to take off the cards.
    let headlines: Vec<String> = part
        .sections
        .iter()
        .enumerate()
        .flat_map(|(s, sec)| {
            sec.figures
                .iter()
                .enumerate()
                .filter(|(_, f)| f.headline)
                .map(move |(i, _)| format!("sections[{s}].figures[{i}].headline"))
        })
        .collect();
    if let Some(past) = headlines.get(limits::HEADLINES) {
        c.report(
            past,
            "data-too-many-cards",
            tr!(
                "data-too-many-cards",
                count = headlines.len(),
                max = limits::HEADLINES
            ),
        );
    }
    for (t, target) in part.targets.iter().enumerate() {
        targets::target(c, &format!("targets[{t}]"), target, index);
    }
    // The same paragraph or section title twice in a part: pasted twice.
    let paragraphs = part
        .opening
        .iter()
        .enumerate()
        .map(|(i, p)| (format!("opening[{i}]"), p))
        .chain(
            part.lead
                .iter()
                .enumerate()
                .map(|(i, p)| (format!("lead[{i}]"), p)),
        )
        .chain(part.sections.iter().enumerate().flat_map(|(s, section)| {
            section
                .paragraphs
                .iter()
                .enumerate()
                .map(move |(i, p)| (format!("sections[{s}].paragraphs[{i}]"), p))
        }));
    twice(c, paragraphs, "data-paragraph-twice");
    let titles = part.sections.iter().enumerate().filter_map(|(s, section)| {
        section
            .title
            .as_ref()
            .map(|t| (format!("sections[{s}].title"), t))
    });
    twice(c, titles, "data-title-twice");
    // Two figures of one name: two cards or rows that read alike with
    // different numbers.
    let mut labels: HashMap<&str, String> = HashMap::new();
    for (s, section) in part.sections.iter().enumerate() {
        for (i, f) in section.figures.iter().enumerate() {
            let path = format!("sections[{s}].figures[{i}].label");
            match labels.get(f.label.trim()) {
                Some(first) => {
                    let message = tr!("data-label-twice", first = first.as_str());
                    c.report(path, "data-label-twice", message).warning = true;
                }
                None => {
                    labels.insert(f.label.trim(), path);
                }
            }
        }
    }
    let mut ids = HashSet::new();
    for (s, section) in part.sections.iter().enumerate() {
        let base = format!("sections[{s}]");
        if !ids.insert(section.id.as_str()) {
            c.report(
                format!("{base}.id"),
                "data-duplicate-section",
                tr!("data-duplicate-section", id = section.id.as_str()),
            );
        }
        section_fields(c, role, &base, section, index);
        // A goal's card prints the aim of its sentence (力争) as its tag.
        if role == Role::Plan {
            for (i, f) in section
                .figures
                .iter()
                .enumerate()
                .filter(|(_, f)| f.headline)
            {
                if let Some(aim) = crate::data::prose::aims::aim_of(c.words, part, &f.id) {
                    c.tag_word(&format!("{base}.figures[{i}].label"), &f.label, &[aim]);
                }
            }
        }
    }
    if let Some(charts) = &part.charts {
        c.count("charts", charts.len(), limits::CHARTS);
        for (i, chart) in charts.iter().enumerate() {
            charts::chart(c, &format!("charts[{i}]"), chart, own, charts);
        }
    }
}

/// A text given again at a second place: an error there, naming the first.
fn twice<'t>(
    c: &mut Checker,
    texts: impl Iterator<Item = (String, &'t Fill<String>)>,
    code: &'static str,
) {
    let mut seen: HashMap<&str, String> = HashMap::new();
    for (path, text) in texts {
        let Fill::Given(text) = text else { continue };
        if text.trim().is_empty() {
            continue;
        }
        match seen.get(text.trim()) {
            Some(first) => {
                let message = match code {
                    "data-title-twice" => tr!("data-title-twice", first = first.as_str()),
                    _ => tr!("data-paragraph-twice", first = first.as_str()),
                };
                c.report(path, code, message);
            }
            None => {
                seen.insert(text.trim(), path);
            }
        }
    }
}

fn section_fields(c: &mut Checker, role: Role, base: &str, section: &Section, index: &Index) {
    c.id(base, &section.id);
    if let Some(title) = &section.title {
        c.fill_text(&format!("{base}.title"), title, limits::TITLE);
        c.heading(&format!("{base}.title"), title);
        // A heading over nothing: printed bare, numbered, listed on the
        // agenda (round 25), as a part with nothing under its heading is.
        if section.paragraphs.is_empty() && section.rankings.is_empty() {
            c.hinted(
                format!("{base}.paragraphs"),
                "data-section-empty",
                tr!("data-section-empty"),
                Some(tr!("data-section-empty-hint")),
            );
        }
    }
    c.count(
        &format!("{base}.paragraphs"),
        section.paragraphs.len(),
        limits::PARAGRAPHS,
    );
    c.count(
        &format!("{base}.figures"),
        section.figures.len(),
        limits::FIGURES,
    );
    for (i, p) in section.paragraphs.iter().enumerate() {
        prose(c, &format!("{base}.paragraphs[{i}]"), p, &index.named);
    }
    for (i, f) in section.figures.iter().enumerate() {
        figures::figure(c, role, &format!("{base}.figures[{i}]"), f, index);
    }
    for (i, r) in section.rankings.iter().enumerate() {
        ranking(c, &format!("{base}.rankings[{i}]"), r);
    }
}

fn ranking(c: &mut Checker, path: &str, r: &Ranking) {
    if r.subjects.is_empty() {
        c.report(
            format!("{path}.subjects"),
            "data-no-subjects",
            tr!("data-no-subjects"),
        );
    }
    c.items(&format!("{path}.subjects"), &r.subjects, limits::LABEL);
    if let Some(first) = r.subjects.first()
        && r.estimate
    {
        let estimates = c.words.estimates.clone();
        c.tag_word(&format!("{path}.subjects[0]"), first, &estimates);
    }
    figures::rank(c, path, &r.rank());
}
