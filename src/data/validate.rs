//! Checks beyond types: words from the vocabulary, ranges and lengths, ids,
//! references, charts, the prose around placeholders, and what is still to
//! fill in. Every problem of every file is collected, not only the first.

use std::collections::HashMap;

use super::Role;
use super::limits;
use super::model::{Chart, Figure, Fill, Meta, Num, Part, Section, Target};
use super::prose::{self, Named};
use super::vocabulary::{Position, Words};
use crate::tr;

/// A problem at a field path of one file; `offset` is a byte offset inside
/// the string at `path` when the problem is at a spot of a text.
#[derive(Debug)]
pub struct Problem {
    pub role: Role,
    pub path: String,
    pub offset: Option<usize>,
    pub code: &'static str,
    pub message: String,
    pub hint: Option<String>,
    /// A value still to fill in (null): an error unless the build is a draft.
    pub todo: bool,
}

struct Checker<'w> {
    problems: Vec<Problem>,
    role: Role,
    words: &'w Words,
}

impl Checker<'_> {
    fn report(
        &mut self,
        path: impl Into<String>,
        code: &'static str,
        message: String,
    ) -> &mut Problem {
        self.problems.push(Problem {
            role: self.role,
            path: path.into(),
            offset: None,
            code,
            message,
            hint: None,
            todo: false,
        });
        self.problems.last_mut().expect("just pushed")
    }

    fn hinted(
        &mut self,
        path: impl Into<String>,
        code: &'static str,
        message: String,
        hint: Option<String>,
    ) {
        self.report(path, code, message).hint = hint;
    }

    fn todo(&mut self, path: impl Into<String>) {
        self.report(path, "data-todo", tr!("data-todo")).todo = true;
    }

    /// A text shown in a document: not blank, not too long, no word too
    /// long to break, no control character.
    fn text(&mut self, path: &str, text: &str, max: usize) {
        if text.trim().is_empty() {
            self.report(path, "data-empty-text", tr!("data-empty-text"));
            return;
        }
        let len = text.chars().count();
        if len > max {
            self.report(
                path,
                "data-too-long",
                tr!("data-too-long", length = len, max = max),
            );
        }
        if let Some((at, run)) = longest_run(text)
            && run > limits::UNBROKEN
        {
            self.report(
                path,
                "data-unbroken",
                tr!("data-unbroken", length = run, max = limits::UNBROKEN),
            )
            .offset = Some(at);
        }
        if let Some((at, c)) = text
            .char_indices()
            .find(|(_, c)| super::load::forbidden(*c) || (c.is_control() && *c != '\n'))
        {
            self.report(
                path,
                "data-control-character",
                tr!(
                    "data-control-character",
                    code = format!("U+{:04X}", c as u32)
                ),
            )
            .offset = Some(at);
        }
    }

    fn fill_text(&mut self, path: &str, text: &Fill<String>, max: usize) {
        match text {
            Fill::Given(t) => self.text(path, t, max),
            Fill::Todo => self.todo(path),
        }
    }

    /// A word that must be in one of the vocabulary's lists.
    fn word(&mut self, path: &str, word: &str, known: &[String], code: &'static str, what: &str) {
        if known.iter().any(|k| k == word) {
            return;
        }
        let hint = super::error::nearest(word, known.iter().map(String::as_str))
            .map(|n| tr!("hint-did-you-mean", word = n))
            .or_else(|| Some(tr!("hint-vocabulary", what = what)));
        let list = known.join("、");
        self.hinted(
            path,
            code,
            tr!("data-unknown-word", word = word, what = what, known = list),
            hint,
        );
    }

    fn unit(&mut self, path: &str, unit: &str) {
        let known = self.words.units.clone();
        self.word(path, unit, &known, "data-unknown-unit", &tr!("what-unit"));
    }

    fn qualifier(&mut self, path: &str, word: &str) -> Option<Position> {
        let known: Vec<String> = self.words.qualifier_words().map(str::to_string).collect();
        self.word(
            path,
            word,
            &known,
            "data-unknown-qualifier",
            &tr!("what-qualifier"),
        );
        self.words.qualifier(word)
    }

    fn scope(&mut self, path: &str, scope: &str) {
        let known = self.words.scopes.clone();
        self.word(
            path,
            scope,
            &known,
            "data-unknown-scope",
            &tr!("what-scope"),
        );
    }

    /// A number shown in a document: a sane magnitude and few decimals.
    fn number(&mut self, path: &str, value: Num) {
        let v = value.get();
        if v.abs() >= limits::MAX_VALUE {
            self.report(
                path,
                "data-value-range",
                tr!(
                    "data-value-range",
                    value = value.to_string(),
                    max = limits::MAX_VALUE_TEXT
                ),
            );
        } else if let Num::Float(_) = value
            && value
                .to_string()
                .split('.')
                .nth(1)
                .is_some_and(|d| d.len() > limits::DECIMALS)
        {
            self.report(
                path,
                "data-decimals",
                tr!(
                    "data-decimals",
                    value = value.to_string(),
                    max = limits::DECIMALS
                ),
            );
        }
    }

    fn percent(&mut self, path: &str, value: &Fill<Num>, lo: f64, hi: f64) {
        match value {
            Fill::Todo => self.todo(path),
            Fill::Given(v) => {
                self.number(path, *v);
                if !(lo..=hi).contains(&v.get()) {
                    self.report(
                        path,
                        "data-percent-range",
                        tr!(
                            "data-percent-range",
                            value = v.to_string(),
                            lo = lo,
                            hi = hi
                        ),
                    );
                }
            }
        }
    }

    /// A figure's or a target's value: a percentage from −100 to 1000, an
    /// amount never negative.
    fn value(&mut self, path: &str, v: Num, percent: bool) {
        if percent {
            self.percent(path, &Fill::Given(v), -100.0, 1000.0);
        } else {
            self.number(path, v);
            if v.get() < 0.0 {
                self.report(
                    path,
                    "data-negative",
                    tr!("data-negative", value = v.to_string()),
                );
            }
        }
    }

    /// The id of the entry at `path`: a lowercase name (`new_jobs`).
    fn id(&mut self, path: &str, id: &str) {
        if !valid_id(id) {
            self.report(
                format!("{path}.id"),
                "data-bad-id",
                tr!("data-bad-id", id = id),
            );
        }
    }

    fn count(&mut self, path: &str, n: usize, max: usize) {
        if n > max {
            self.report(
                path,
                "data-too-many",
                tr!("data-too-many", count = n, max = max),
            );
        }
    }
}

/// The longest run of characters a line cannot break inside (Latin letters,
/// digits and signs): its byte offset and length. Placeholders stand for a
/// figure, which the templates keep whole on a line anyway.
fn longest_run(text: &str) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut current: Option<(usize, usize)> = None;
    let mut inside = false;
    for (i, c) in text.char_indices() {
        if c == '{' {
            inside = true;
        }
        if inside {
            inside = c != '}';
            current = None;
            continue;
        }
        if c.is_ascii_graphic() || (c.is_alphanumeric() && !is_cjk(c)) {
            let run = current.map_or((i, 1), |(s, n)| (s, n + 1));
            current = Some(run);
            if best.is_none_or(|b| run.1 > b.1) {
                best = Some(run);
            }
        } else {
            current = None;
        }
    }
    best
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF | 0xFF00..=0xFFEF)
}

fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && id.len() <= limits::ID
}

/// Checks meta.yaml beyond its types.
pub fn meta(meta: &Meta, words: &Words) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
        role: Role::Meta,
        words,
    };
    if meta.kind != "meta" {
        c.report(
            "kind",
            "data-kind",
            tr!("data-kind", kind = meta.kind.as_str(), expected = "meta"),
        );
    }
    c.text("title", &meta.title, limits::DOC_TITLE);
    c.fill_text("headline", &meta.headline, limits::DOC_TITLE);
    if let Some(sub) = &meta.subheadline {
        c.text("subheadline", sub, limits::DOC_TITLE);
    }
    c.text("region", &meta.region, limits::NAME);
    c.text("masthead", &meta.masthead, limits::NAME);
    c.text("source.publication", &meta.source.publication, limits::NAME);
    for (field, value) in [
        ("source.edition", &meta.source.edition),
        ("source.reporter", &meta.source.reporter),
    ] {
        if let Some(v) = value {
            c.text(field, v, limits::NAME);
        }
    }
    if let Some(n) = meta.issue
        && !(1..=99_999).contains(&n)
    {
        c.report(
            "issue",
            "data-issue-range",
            tr!("data-issue-range", value = n),
        );
    }
    if let Some(n) = meta.source.word_count
        && !(1..=10_000_000).contains(&n)
    {
        c.report(
            "source.word_count",
            "data-count-range",
            tr!("data-count-range", value = n),
        );
    }
    // Exactly YYYY-MM-DD, as the schema says: chrono alone reads 23-1-5.
    let shaped = |d: &str| {
        d.len() == 10
            && d.char_indices().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            })
    };
    if let Some(date) = &meta.date
        && !(shaped(date) && chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok())
    {
        c.report("date", "data-date", tr!("data-date", value = date.as_str()));
    }
    for (i, k) in meta.keywords.iter().enumerate() {
        c.text(&format!("keywords[{i}]"), k, limits::NAME);
    }
    if let Some(v) = &meta.vocabulary {
        for (i, q) in v.qualifiers.iter().enumerate() {
            let path = format!("vocabulary.qualifiers[{i}]");
            c.text(&format!("{path}.word"), &q.word, limits::NAME);
            if Position::parse(&q.position).is_none() {
                c.report(
                    format!("{path}.position"),
                    "data-position",
                    tr!(
                        "data-position",
                        value = q.position.as_str(),
                        known = Position::NAMES.join(&tr!("list-separator"))
                    ),
                );
            }
        }
        for (list, words) in [
            ("units", &v.units),
            ("scopes", &v.scopes),
            ("target_verbs", &v.target_verbs),
            ("aims", &v.aims),
            ("changes.up", &v.changes.up),
            ("changes.down", &v.changes.down),
        ] {
            for (i, w) in words.iter().enumerate() {
                c.text(&format!("vocabulary.{list}[{i}]"), w, limits::NAME);
            }
        }
    }
    c.problems
}

/// Checks both parts together: ids are unique across files, and the plan
/// refers to the achievements. A part that did not parse is left out.
pub fn parts<'p>(
    achievements: Option<&'p Part>,
    plan: Option<&'p Part>,
    words: &Words,
) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
        role: Role::Meta,
        words,
    };
    // A file named in the wrong role (the plan as the achievements) is said
    // once, not as a hundred errors of the other part's rules.
    let parts: Vec<(Role, &'p Part)> = [(Role::Achievements, achievements), (Role::Plan, plan)]
        .into_iter()
        .filter_map(|(role, part)| part.map(|p| (role, p)))
        .filter(|&(role, part)| {
            let expected = if role == Role::Plan {
                "plan"
            } else {
                "achievements"
            };
            if part.kind != expected {
                c.role = role;
                c.report(
                    "kind",
                    "data-kind",
                    tr!("data-kind", kind = part.kind.as_str(), expected = expected),
                );
            }
            part.kind == expected
        })
        .collect();
    // Ids of figures, rankings and targets: unique across both files.
    let mut ids: HashMap<&'p str, (Role, String)> = HashMap::new();
    let mut index: HashMap<Role, HashMap<&'p str, Named<'p>>> = HashMap::new();
    for &(role, part) in &parts {
        c.role = role;
        let own = index.entry(role).or_default();
        let mut register = |c: &mut Checker, id: &'p str, path: String| -> bool {
            c.id(&path, id);
            if let Some((other_role, other_path)) = ids.get(id) {
                let place = if *other_role == role {
                    other_path.clone()
                } else {
                    format!("{} {other_path}", other_role.file_word())
                };
                c.report(
                    format!("{path}.id"),
                    "data-duplicate-id",
                    tr!("data-duplicate-id", id = id, place = place),
                );
                false
            } else {
                ids.insert(id, (role, format!("{path}.id")));
                true
            }
        };
        for (t, target) in part.targets.iter().enumerate() {
            if register(&mut c, &target.id, format!("targets[{t}]")) {
                own.insert(&target.id, Named::Target(target));
            }
        }
        for (s, section) in part.sections.iter().enumerate() {
            for (i, f) in section.figures.iter().enumerate() {
                if register(&mut c, &f.id, format!("sections[{s}].figures[{i}]")) {
                    own.insert(&f.id, Named::Figure(f));
                }
            }
            for (i, r) in section.rankings.iter().enumerate() {
                if register(&mut c, &r.id, format!("sections[{s}].rankings[{i}]")) {
                    own.insert(&r.id, Named::Ranking(r));
                }
            }
        }
    }
    let empty = HashMap::new();
    let achieved = index.get(&Role::Achievements);
    for &(role, part) in &parts {
        c.role = role;
        let own = index.get(&role).unwrap_or(&empty);
        part_fields(&mut c, role, part, own);
        // Section ids name a section within its file (the other file may
        // reuse one: 2022's reform and 2023's).
        let mut sections = std::collections::HashSet::new();
        for (s, section) in part.sections.iter().enumerate() {
            if !sections.insert(section.id.as_str()) {
                c.report(
                    format!("sections[{s}].id"),
                    "data-duplicate-section",
                    tr!("data-duplicate-section", id = section.id.as_str()),
                );
            }
            section_fields(
                &mut c,
                role,
                &format!("sections[{s}]"),
                section,
                own,
                achieved,
                achievements.is_some(),
            );
        }
        if let Some(charts) = &part.charts {
            for (i, chart) in charts.iter().enumerate() {
                chart_fields(&mut c, &format!("charts[{i}]"), chart, own, charts);
            }
        }
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

fn prose(c: &mut Checker, path: &str, text: &Fill<String>, own: &HashMap<&str, Named>) {
    c.fill_text(path, text, limits::PARAGRAPH);
    if let Fill::Given(text) = text {
        for p in prose::check(text, own, c.words) {
            let problem = c.report(path, p.code, p.message);
            problem.offset = Some(p.offset);
            problem.hint = p.hint;
        }
    }
}

fn part_fields(c: &mut Checker, role: Role, part: &Part, own: &HashMap<&str, Named>) {
    if !(limits::YEARS).contains(&part.year) {
        c.report(
            "year",
            "data-year-range",
            tr!(
                "data-year-range",
                value = part.year,
                lo = *limits::YEARS.start(),
                hi = *limits::YEARS.end()
            ),
        );
    }
    c.fill_text("title", &part.title, limits::TITLE);
    for (i, p) in part.opening.iter().enumerate() {
        prose(c, &format!("opening[{i}]"), p, own);
    }
    for (i, p) in part.lead.iter().enumerate() {
        prose(c, &format!("lead[{i}]"), p, own);
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
    if let Some(intro) = &part.targets_intro {
        c.text("targets_intro", intro, limits::PARAGRAPH);
        if !prose::placeholders(intro).is_ok_and(|l| l.is_empty()) {
            c.report(
                "targets_intro",
                "data-intro-placeholder",
                tr!("data-intro-placeholder"),
            );
        }
    }
    let headlines = part
        .sections
        .iter()
        .flat_map(|s| &s.figures)
        .filter(|f| f.headline)
        .count();
    c.count("sections", headlines, limits::HEADLINES);
    for (t, target) in part.targets.iter().enumerate() {
        target_fields(c, &format!("targets[{t}]"), target, own);
    }
    if let Some(charts) = &part.charts {
        c.count("charts", charts.len(), limits::CHARTS);
    }
}

fn target_fields(c: &mut Checker, path: &str, t: &Target, own: &HashMap<&str, Named>) {
    c.text(&format!("{path}.indicator"), &t.indicator, limits::LABEL);
    let growth = match t.metric.as_str() {
        "growth" => true,
        "amount" => false,
        other => {
            c.report(
                format!("{path}.metric"),
                "data-metric",
                tr!("data-metric", value = other),
            );
            true
        }
    };
    let pace = match &t.qualifier {
        Some(q) => c.qualifier(&format!("{path}.qualifier"), q) == Some(Position::Pace),
        None => false,
    };
    if let Some(verb) = &t.verb {
        let known = c.words.target_verbs.clone();
        c.word(
            &format!("{path}.verb"),
            verb,
            &known,
            "data-unknown-verb",
            &tr!("what-target-verb"),
        );
    }
    if let Some(scope) = &t.scope {
        c.scope(&format!("{path}.scope"), scope);
    }
    if let Some(short) = &t.short {
        c.text(&format!("{path}.short"), short, limits::NAME);
    }
    match (&t.value, pace) {
        (Some(Fill::Given(_)), true) => {
            c.report(
                format!("{path}.value"),
                "data-pace-value",
                tr!("data-pace-value"),
            );
        }
        (None, false) => {
            c.report(
                format!("{path}.value"),
                "data-target-value",
                tr!("data-target-value"),
            );
        }
        (Some(Fill::Todo), false) => c.todo(format!("{path}.value")),
        (Some(Fill::Given(v)), false) => {
            let percent = growth || t.unit.as_deref() == Some("%");
            c.value(&format!("{path}.value"), *v, percent);
        }
        _ => {}
    }
    match (&t.with, pace) {
        (Some(other), true) => {
            if !matches!(own.get(other.as_str()), Some(Named::Target(_))) || other == &t.id {
                c.report(
                    format!("{path}.with"),
                    "data-with-target",
                    tr!("data-with-target", id = other.as_str()),
                );
            }
        }
        (None, true) => {
            c.report(
                format!("{path}.with"),
                "data-with-missing",
                tr!("data-with-missing"),
            );
        }
        (Some(_), false) => {
            c.report(
                format!("{path}.with"),
                "data-with-pace",
                tr!("data-with-pace"),
            );
        }
        (None, false) => {}
    }
    if !pace {
        match (&t.unit, growth) {
            (Some(u), true) if u != "%" => {
                c.report(
                    format!("{path}.unit"),
                    "data-growth-unit",
                    tr!("data-growth-unit"),
                );
            }
            (None, _) => {
                c.report(
                    format!("{path}.unit"),
                    "data-target-unit",
                    tr!("data-target-unit"),
                );
            }
            (Some(u), _) => c.unit(&format!("{path}.unit"), u),
        }
    }
}

fn section_fields(
    c: &mut Checker,
    role: Role,
    base: &str,
    section: &Section,
    own: &HashMap<&str, Named>,
    achieved: Option<&HashMap<&str, Named>>,
    achievements_known: bool,
) {
    c.id(base, &section.id);
    if let Some(title) = &section.title {
        c.fill_text(&format!("{base}.title"), title, limits::TITLE);
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
        prose(c, &format!("{base}.paragraphs[{i}]"), p, own);
    }
    for (i, f) in section.figures.iter().enumerate() {
        figure_fields(
            c,
            role,
            &format!("{base}.figures[{i}]"),
            f,
            achieved,
            achievements_known,
        );
    }
    for (i, r) in section.rankings.iter().enumerate() {
        let path = format!("{base}.rankings[{i}]");
        if r.subjects.is_empty() {
            c.report(
                format!("{path}.subjects"),
                "data-no-subjects",
                tr!("data-no-subjects"),
            );
        }
        for (k, s) in r.subjects.iter().enumerate() {
            c.text(&format!("{path}.subjects[{k}]"), s, limits::LABEL);
        }
        c.scope(&format!("{path}.scope"), &r.scope);
        match (r.position, &r.standing) {
            (None, None) => {
                c.report(
                    format!("{path}.position"),
                    "data-rank-missing",
                    tr!("data-rank-missing"),
                );
            }
            (Some(_), Some(_)) => {
                c.report(
                    format!("{path}.standing"),
                    "data-rank-both",
                    tr!("data-rank-both"),
                );
            }
            (Some(p), None) if !(1..=999).contains(&p) => {
                c.report(
                    format!("{path}.position"),
                    "data-position-range",
                    tr!("data-position-range", value = p),
                );
            }
            (None, Some(s)) => c.text(&format!("{path}.standing"), s, limits::NAME),
            _ => {}
        }
        if let Some(y) = r.years
            && !(2..=99).contains(&y)
        {
            c.report(
                format!("{path}.years"),
                "data-years-range",
                tr!("data-years-range", value = y),
            );
        }
        if let Some(v) = &r.verb {
            c.text(&format!("{path}.verb"), v, limits::NAME);
        }
    }
}

fn figure_fields(
    c: &mut Checker,
    role: Role,
    path: &str,
    f: &Figure,
    achieved: Option<&HashMap<&str, Named>>,
    achievements_known: bool,
) {
    c.text(&format!("{path}.label"), &f.label, limits::LABEL);
    c.unit(&format!("{path}.unit"), &f.unit);
    match &f.value {
        Fill::Todo => c.todo(format!("{path}.value")),
        Fill::Given(v) => {
            c.value(&format!("{path}.value"), *v, f.unit == "%");
            if let Some(written) = &f.written {
                c.text(&format!("{path}.written"), written, limits::WRITTEN);
                let matches = prose::chinese_number(written).is_some_and(|n| n as f64 == v.get());
                if !matches {
                    c.report(
                        format!("{path}.written"),
                        "data-written",
                        tr!(
                            "data-written",
                            written = written.as_str(),
                            value = v.to_string()
                        ),
                    );
                }
            }
        }
    }
    if let Some(q) = &f.qualifier
        && c.qualifier(&format!("{path}.qualifier"), q) == Some(Position::Pace)
    {
        c.report(
            format!("{path}.qualifier"),
            "data-pace-figure",
            tr!("data-pace-figure", word = q.as_str()),
        );
    }
    if let Some(yoy) = &f.yoy {
        let known: Vec<String> = c.words.changes().map(str::to_string).collect();
        c.word(
            &format!("{path}.yoy.verb"),
            &yoy.verb,
            &known,
            "data-unknown-change",
            &tr!("what-change"),
        );
        c.percent(&format!("{path}.yoy.value"), &yoy.value, -100.0, 1000.0);
        if let Fill::Given(v) = yoy.value
            && v.get() < 0.0
            && c.words.down.contains(&yoy.verb)
        {
            c.report(
                format!("{path}.yoy.value"),
                "data-double-negative",
                tr!(
                    "data-double-negative",
                    verb = yoy.verb.as_str(),
                    value = v.to_string()
                ),
            );
        }
    }
    for (k, share) in f.share.iter().enumerate() {
        c.scope(&format!("{path}.share[{k}].scope"), &share.scope);
        c.percent(
            &format!("{path}.share[{k}].value"),
            &share.value,
            0.0,
            100.0,
        );
    }
    if let Some(other) = &f.compare {
        match (role, achieved.and_then(|a| a.get(other.as_str()))) {
            (Role::Achievements, _) => {
                c.report(
                    format!("{path}.compare"),
                    "data-compare-plan",
                    tr!("data-compare-plan"),
                );
            }
            (_, Some(Named::Figure(o))) if !comparable(&o.unit, &f.unit) => {
                c.report(
                    format!("{path}.compare"),
                    "data-compare-unit",
                    tr!(
                        "data-compare-unit",
                        id = other.as_str(),
                        theirs = o.unit.as_str(),
                        ours = f.unit.as_str()
                    ),
                );
            }
            (_, Some(Named::Figure(_))) => {}
            _ if achievements_known => {
                c.report(
                    format!("{path}.compare"),
                    "data-compare-missing",
                    tr!("data-compare-missing", id = other.as_str()),
                );
            }
            _ => {}
        }
    }
}

/// 户 and 家 both count enterprises; the article uses one for 2022 and the
/// other for 2023.
fn comparable(a: &str, b: &str) -> bool {
    let enterprises = |u: &str| matches!(u, "户" | "家");
    a == b || (enterprises(a) && enterprises(b))
}

fn chart_fields(
    c: &mut Checker,
    path: &str,
    chart: &Chart,
    own: &HashMap<&str, Named>,
    charts: &[Chart],
) {
    c.id(path, &chart.id);
    // Reported where the id is used again, not at its first use.
    if !std::ptr::eq(
        charts.iter().find(|o| o.id == chart.id).unwrap_or(chart),
        chart,
    ) {
        c.report(
            format!("{path}.id"),
            "data-duplicate-chart",
            tr!("data-duplicate-chart", id = chart.id.as_str()),
        );
    }
    if let Some(title) = &chart.title {
        c.text(&format!("{path}.title"), title, limits::TITLE);
    }
    if chart.members.is_empty() {
        c.report(
            format!("{path}.members"),
            "data-chart-empty",
            tr!("data-chart-empty"),
        );
    }
    c.count(
        &format!("{path}.members"),
        chart.members.len(),
        limits::MEMBERS,
    );
    let mut units: Vec<String> = Vec::new();
    for (i, id) in chart.members.iter().enumerate() {
        let mpath = format!("{path}.members[{i}]");
        let named = own.get(id.as_str());
        let fits = match (chart.kind.as_str(), named) {
            ("bars", Some(Named::Figure(f))) => {
                units.push(f.unit.clone());
                true
            }
            ("bars", Some(Named::Target(t)))
                if t.value.as_ref().is_some_and(|v| v.given().is_some()) =>
            {
                units.push(t.unit.clone().unwrap_or_default());
                true
            }
            ("shares", Some(Named::Figure(f))) => !f.share.is_empty(),
            ("compare", Some(Named::Figure(f))) => f.compare.is_some(),
            _ => false,
        };
        if named.is_none() {
            let hint = super::error::nearest(id, own.keys().copied())
                .map(|n| tr!("hint-did-you-mean", word = n));
            c.hinted(
                mpath,
                "data-member-unknown",
                tr!("data-member-unknown", id = id.as_str()),
                hint,
            );
        } else if !fits {
            c.report(
                mpath,
                "data-member-kind",
                tr!(
                    "data-member-kind",
                    id = id.as_str(),
                    kind = chart.kind.as_str()
                ),
            );
        }
    }
    match chart.kind.as_str() {
        "bars" => {
            units.sort();
            units.dedup();
            if units.len() > 1 {
                c.report(
                    format!("{path}.members"),
                    "data-chart-units",
                    tr!("data-chart-units", units = units.join("、")),
                );
            }
        }
        "shares" | "compare" => {}
        other => {
            c.report(
                format!("{path}.kind"),
                "data-chart-kind",
                tr!("data-chart-kind", value = other),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unbroken_runs_are_measured() {
        assert_eq!(longest_run("增长3.5%左右"), Some(("增长".len(), 4)));
        assert_eq!(longest_run("QFLP（合格境外有限合伙人）"), Some((0, 4)));
        assert_eq!(longest_run("全部中文"), None);
        assert_eq!(longest_run("投资{urban_infrastructure_investment}，"), None);
    }
}
