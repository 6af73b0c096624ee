//! `meta.yaml` beyond its types: lengths, numbers, dates, and the
//! project's vocabulary (a word declared twice, or again beside the
//! built-in one, or with two positions, is said, not merged in silence).

use std::collections::HashMap;

use super::{Checker, Problem};
use crate::data::Role;
use crate::data::limits;
use crate::data::model::{Meta, VerbWord, Vocabulary};
use crate::data::vocabulary::{Position, Words};
use crate::tr;

/// Checks meta.yaml beyond its types; `built_in` is the vocabulary the
/// project's words are added to.
pub fn meta(meta: &Meta, words: &Words, built_in: &Vocabulary) -> Vec<Problem> {
    let mut c = Checker::new(Role::Meta, words);
    c.text("title", &meta.title, limits::DOC_TITLE);
    if let Some(h) = &meta.headline {
        c.fill_text("headline", h, limits::DOC_TITLE);
    }
    for (field, value) in [("subheadline", &meta.subheadline), ("issuer", &meta.issuer)] {
        if let Some(v) = value {
            c.text(field, v, limits::DOC_TITLE);
        }
    }
    // The templates print the subheadline after their own ——.
    if let Some(v) = &meta.subheadline
        && v.trim_start().starts_with(['—', '―', '─', '-', '－', '–'])
    {
        c.report("subheadline", "data-leading-dash", tr!("data-leading-dash"));
    }
    c.text("region", &meta.region, limits::NAME);
    c.text("masthead", &meta.masthead, limits::NAME);
    if let Some(source) = &meta.source {
        c.text("source.publication", &source.publication, limits::NAME);
        for (field, value) in [
            ("source.edition", &source.edition),
            ("source.byline", &source.byline),
        ] {
            if let Some(v) = value {
                c.text(field, v, limits::NAME);
            }
        }
        const MAX_WORDS: i64 = 10_000_000;
        if let Some(n) = source.word_count
            && !(1..=MAX_WORDS).contains(&n)
        {
            c.report(
                "source.word_count",
                "data-count-range",
                tr!("data-count-range", value = n, max = MAX_WORDS),
            );
        }
    }
    const MAX_ISSUE: i64 = 99_999;
    if let Some(n) = meta.issue
        && !(1..=MAX_ISSUE).contains(&n)
    {
        c.report(
            "issue",
            "data-issue-range",
            tr!("data-issue-range", value = n, max = MAX_ISSUE),
        );
    }
    for (field, date) in [("date", &meta.date), ("printed", &meta.printed)] {
        match date {
            Some(date) if !is_date(date) => {
                c.report(field, "data-date", tr!("data-date", value = date.as_str()));
            }
            // (A date's text is shaped: its first four bytes are digits.)
            Some(date) => c.year(field, date[..4].parse().unwrap_or(0)),
            None => {}
        }
    }
    if let (Some(date), Some(printed)) = (&meta.date, &meta.printed)
        && is_date(date)
        && is_date(printed)
        && printed.trim() < date.trim()
    {
        c.report(
            "printed",
            "data-printed-before-date",
            tr!(
                "data-printed-before-date",
                printed = printed.as_str(),
                date = date.as_str()
            ),
        )
        .warning = true;
    }
    if let Some(r) = &meta.recipients {
        // An office receives the briefing once: under one of 报、送、抄送.
        let mut seen: Vec<(&str, String)> = Vec::new();
        for (list, names) in [("report", &r.report), ("send", &r.send), ("copy", &r.copy)] {
            for (i, n) in names.iter().enumerate() {
                let path = format!("recipients.{list}[{i}]");
                // `[市委办公室，市政府办公室]`: the input method's comma makes
                // the list one name, said as too long or passed (round 28).
                // (An office's name may hold 、: 各区、县（市）人民政府.)
                if let Some(at) = outside_brackets(n.trim(), &['，', '；', ';'])
                    .map(|at| at + (n.len() - n.trim_start().len()))
                {
                    c.one_word(&path, n, at);
                    continue;
                }
                c.text(&path, n, limits::NAME);
                match seen.iter().find(|(name, _)| *name == n.trim()) {
                    Some((_, first)) => {
                        c.report(
                            &path,
                            "data-recipient-twice",
                            tr!(
                                "data-recipient-twice",
                                name = n.trim(),
                                first = first.as_str()
                            ),
                        );
                    }
                    None => seen.push((n.trim(), path.clone())),
                }
                // The 版记 joins the names with ，and ends them with 。.
                if let Some(mark) = n
                    .trim_end()
                    .chars()
                    .next_back()
                    .filter(|c| "。，、；,;.：:！？!?…—".contains(*c))
                {
                    let mark = mark.to_string();
                    c.report(
                        &path,
                        "data-trailing-mark",
                        tr!("data-trailing-mark", mark = mark.as_str()),
                    );
                }
            }
        }
    }
    if let Some(r) = &meta.recipients {
        let names = r.report.iter().chain(&r.send).chain(&r.copy);
        let count: usize = names.map(|n| n.trim().chars().count() + 1).sum();
        if count > limits::RECIPIENTS {
            c.report(
                "recipients",
                "data-recipients-too-long",
                tr!(
                    "data-recipients-too-long",
                    count = count,
                    max = limits::RECIPIENTS
                ),
            );
        }
    }
    c.items("keywords", &meta.keywords, limits::NAME);
    if let Some(v) = &meta.vocabulary {
        vocabulary(&mut c, v, built_in);
    }
    c.problems
}

/// Exactly YYYY-MM-DD, as the schema says: chrono alone reads 23-1-5.
/// The document's dates against the report: a report on the results of a
/// year is issued after that year began, not before.
pub fn dates(meta: &Meta, year: i64, words: &Words) -> Vec<Problem> {
    let mut c = Checker::new(Role::Meta, words);
    for (field, date) in [("date", &meta.date), ("printed", &meta.printed)] {
        if let Some(date) = date
            && is_date(date)
            && let Ok(y) = date[..4].parse::<i64>()
            && y < year
        {
            c.report(
                field,
                "data-date-before",
                tr!("data-date-before", value = date.as_str(), year = year),
            )
            .hint = Some(tr!("data-date-before-hint"));
        }
    }
    c.problems
}

/// A field of the source line that starts with the word the templates
/// print before it (`word`, 来源 of the theme): printed twice.
pub fn template_word(meta: &Meta, word: &str, words: &Words) -> Vec<Problem> {
    let mut c = Checker::new(Role::Meta, words);
    if let Some(source) = &meta.source {
        for (field, value) in [
            ("source.publication", Some(&source.publication)),
            ("source.edition", source.edition.as_ref()),
            ("source.byline", source.byline.as_ref()),
        ] {
            if let Some(v) = value
                && v.trim_start().starts_with(word)
            {
                c.report(
                    field,
                    "data-template-word",
                    tr!("data-template-word", word = word),
                );
            }
        }
    }
    c.problems
}

/// The mark of a value still to fill in (the theme's `todo`, 【待填】),
/// typed into a text by hand: a finished document would print it with no
/// 草稿 stamp. Still to fill in, as a null is: an error unless `--draft`.
pub fn todo_typed(
    role: Role,
    value: &impl serde::Serialize,
    mark: &str,
    words: &Words,
) -> Vec<Problem> {
    let mut c = Checker::new(role, words);
    let mark = mark.trim();
    if mark.is_empty() {
        return c.problems;
    }
    crate::data::strings::strings(value, &mut |path, text| {
        if let Some(at) = text.find(mark) {
            let p = c.report(path, "data-todo-typed", tr!("data-todo-typed", mark = mark));
            p.offset = Some(at);
            p.todo = true;
            p.hint = Some(tr!("data-todo-typed-hint", mark = mark));
        }
    });
    c.problems
}

fn is_date(d: &str) -> bool {
    let shaped = d.len() == 10
        && d.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    shaped && chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok()
}

/// The project's words: each a short text, none declared twice or again
/// beside the built-in word (a warning: it changes nothing), no qualifier
/// with a position other than the built-in one (an error: which one holds?).
/// The first of `marks` in `word` outside （…） and (…).
fn outside_brackets(word: &str, marks: &[char]) -> Option<usize> {
    let mut depth = 0usize;
    word.char_indices().find_map(|(i, c)| {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            c if depth == 0 && marks.contains(&c) => return Some(i),
            _ => {}
        }
        None
    })
}

/// A project's own `templates/vocabulary.yaml`, held to the checks of the
/// words `meta.yaml` declares, at its own lines (round 18: an empty aim
/// there crashed the templates, a comma-list passed).
pub fn vocabulary_file(v: &Vocabulary, words: &Words) -> Vec<Problem> {
    let mut c = Checker::new(Role::Vocabulary, words);
    vocabulary(&mut c, v, &Vocabulary::default());
    for p in &mut c.problems {
        if let Some(rest) = p.path.strip_prefix("vocabulary.") {
            p.path = rest.to_string();
        }
    }
    c.problems
}

fn vocabulary(c: &mut Checker, v: &Vocabulary, built_in: &Vocabulary) {
    let lists = |v: &Vocabulary| -> Vec<(&'static str, Vec<String>)> {
        vec![
            ("units", v.units.clone()),
            ("scopes", v.scopes.clone()),
            (
                "target_verbs",
                v.target_verbs
                    .iter()
                    .map(|w| w.word().to_string())
                    .collect(),
            ),
            ("aims", v.aims.clone()),
            ("bases", v.bases.clone()),
            ("estimates", v.estimates.clone()),
            ("names", v.names.clone()),
            ("compounds", v.compounds.clone()),
            ("changes.up", v.changes.up.clone()),
            ("changes.down", v.changes.down.clone()),
            (
                "qualifiers",
                v.qualifiers.iter().map(|q| q.word.clone()).collect(),
            ),
        ]
    };
    let ours = lists(v);
    let theirs = lists(built_in);
    for ((list, words), (_, known)) in ours.iter().zip(&theirs) {
        let mut seen = HashMap::new();
        for (i, w) in words.iter().enumerate() {
            let path = word_path(v, list, i);
            let max = if *list == "names" {
                limits::LABEL
            } else {
                limits::NAME
            };
            c.text(&path, w, max);
            // `[万吨级， 万千瓦时]`: the input method's comma, a semicolon, a
            // quoted English comma or a space makes the list one word,
            // which no figure's unit then matches. (A name may hold 、 and
            // a space, as 《…、…》 and Tesla Inc. do.)
            let names = *list == "names";
            let commas: &[char] = if names {
                &['，', '；', ';']
            } else {
                &['，', '、', '；', ';', ',', ' ', '\u{3000}', '\t']
            };
            // (Inside brackets a 、 lists a word's own parts: the scope
            // 全省县（市、区）, round 19.)
            if let Some(at) =
                outside_brackets(w.trim(), commas).map(|at| at + (w.len() - w.trim_start().len()))
            {
                c.one_word(&path, w, at);
            }
            if let Some(first) = seen.insert(w.as_str(), i) {
                let p = c.report(
                    &path,
                    "data-vocabulary-twice",
                    tr!(
                        "data-vocabulary-twice",
                        word = w.as_str(),
                        first = first + 1
                    ),
                );
                p.warning = true;
            } else if known.contains(w) && *list != "qualifiers" {
                let p = c.report(
                    &path,
                    "data-vocabulary-built-in",
                    tr!("data-vocabulary-built-in", word = w.as_str()),
                );
                p.warning = true;
            }
        }
    }
    for (i, q) in v.qualifiers.iter().enumerate() {
        if let Some(b) = built_in.qualifiers.iter().find(|b| b.word == q.word) {
            let differs = q.meaning.is_some() && q.meaning != b.meaning;
            let field = if differs { "meaning" } else { "position" };
            let path = format!("vocabulary.qualifiers[{i}].{field}");
            if b.position == q.position && !differs {
                let p = c.report(
                    &path,
                    "data-vocabulary-built-in",
                    tr!("data-vocabulary-built-in", word = q.word.as_str()),
                );
                p.warning = true;
            } else {
                c.report(
                    &path,
                    "data-vocabulary-conflict",
                    tr!("data-vocabulary-conflict", word = q.word.as_str()),
                );
            }
        }
    }
    // A bound verb of the other meaning than the built-in one (控制在 as
    // more): which one holds?
    for (i, w) in v.target_verbs.iter().enumerate() {
        let theirs = built_in.target_verbs.iter().find(|b| b.word() == w.word());
        if let (Some(m), Some(b)) = (w.meaning(), theirs)
            && b.meaning() != Some(m)
        {
            c.report(
                format!("vocabulary.target_verbs[{i}].meaning"),
                "data-vocabulary-conflict",
                tr!("data-vocabulary-conflict", word = w.word()),
            );
        }
    }
    // A word that prints beside a number holds no number sign (10亿元 would
    // print 1.410亿元, %% 14%%); a name holds a word, not digits alone (a
    // name "1" would let every 1 of the prose pass).
    for (list, words) in &ours {
        for (i, w) in words.iter().enumerate() {
            let path = word_path(v, list, i);
            let sign = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
            let bad = if *list == "names" {
                !w.is_empty() && w.chars().all(|c| sign(c) || ".%‰".contains(c))
            } else {
                // (% and ‰ are the units of rates themselves.)
                !matches!(w.as_str(), "%" | "‰") && w.chars().any(|c| sign(c) || "%‰％".contains(c))
            };
            if bad {
                let code = if *list == "names" {
                    "data-vocabulary-name-digits"
                } else {
                    "data-vocabulary-number"
                };
                let message = if *list == "names" {
                    tr!("data-vocabulary-name-digits", word = w.as_str())
                } else {
                    tr!("data-vocabulary-number", word = w.as_str())
                };
                c.report(&path, code, message);
            }
            // A brace would open a placeholder where the word is printed
            // (14{), and a unit that holds a qualifier prints it beside the
            // data's own (1.5户以上左右).
            if w.contains(['{', '}', '｛', '｝']) {
                c.report(
                    &path,
                    "data-vocabulary-brace",
                    tr!("data-vocabulary-brace", word = w.as_str()),
                );
            }
            if *list != "units" {
                continue;
            }
            let held = c.words.qualifiers.iter().find(|q| match q.position {
                Position::After => w.ends_with(q.word.as_str()),
                Position::Before | Position::Inside => w.starts_with(q.word.as_str()),
            });
            if let Some(q) = held {
                c.report(
                    &path,
                    "data-vocabulary-unit-qualifier",
                    tr!(
                        "data-vocabulary-unit-qualifier",
                        word = w.as_str(),
                        qualifier = q.word.as_str()
                    ),
                );
            }
        }
    }
    // A word of two kinds the templates place differently: a unit or a
    // qualifier declared as a verb of change (左右 as 增长), and the rest.
    let kinds: [(&str, Vec<&str>); 3] = [
        ("units", c.words.units.iter().map(String::as_str).collect()),
        ("qualifiers", c.words.qualifier_words().collect()),
        ("changes", c.words.changes().collect()),
    ];
    for (list, words) in &ours {
        let own = match *list {
            "units" => "units",
            "qualifiers" => "qualifiers",
            "changes.up" | "changes.down" => "changes",
            _ => continue,
        };
        for (i, w) in words.iter().enumerate() {
            if let Some((other, _)) = kinds
                .iter()
                .find(|(k, known)| *k != own && known.contains(&w.as_str()))
            {
                let path = word_path(v, list, i);
                let message = tr!(
                    "data-vocabulary-two-kinds",
                    word = w.as_str(),
                    other = *other
                );
                c.report(&path, "data-vocabulary-two-kinds", message);
            }
        }
    }
    same_units(c, v, built_in);
    // A verb both up and down cannot say a direction: each of the
    // project's verbs that the other list has (its own or the vocabulary's).
    for (path, w) in crate::data::vocabulary::conflicts(v, built_in) {
        c.report(
            format!("vocabulary.{path}"),
            "data-vocabulary-both-ways",
            tr!("data-vocabulary-both-ways", word = w.as_str()),
        );
    }
}

/// Groups of units that count the same thing: each of two units or more,
/// each a unit brief knows (built in or declared: a misspelt one loosens
/// nothing), none given twice or built in already.
fn same_units(c: &mut Checker, v: &Vocabulary, built_in: &Vocabulary) {
    for (g, group) in v.same_units.iter().enumerate() {
        let path = format!("vocabulary.same_units[{g}]");
        if group.len() < 2 {
            c.report(
                &path,
                "data-vocabulary-group-short",
                tr!("data-vocabulary-group-short"),
            );
        }
        for (i, unit) in group.iter().enumerate() {
            let at = format!("{path}[{i}]");
            c.text(&at, unit, limits::NAME);
            if unit.trim().is_empty() {
                continue;
            }
            if group[..i].contains(unit) {
                let p = c.report(
                    &at,
                    "data-vocabulary-twice",
                    tr!(
                        "data-vocabulary-twice",
                        word = unit.as_str(),
                        first = 1 + group.iter().position(|u| u == unit).unwrap_or(0)
                    ),
                );
                p.warning = true;
            } else if !c.words.units.contains(unit) {
                let near =
                    crate::data::error::nearest(unit, c.words.units.iter().map(String::as_str));
                let p = c.report(
                    &at,
                    "data-vocabulary-unknown-unit",
                    tr!("data-vocabulary-unknown-unit", word = unit.as_str()),
                );
                p.hint = Some(match near {
                    Some(n) => tr!("hint-did-you-mean", word = n),
                    None => tr!("data-vocabulary-unknown-unit-hint"),
                });
            }
        }
        let known = built_in
            .same_units
            .iter()
            .any(|b| group.len() >= 2 && group.iter().all(|u| b.contains(u)));
        if known {
            let p = c.report(
                &path,
                "data-vocabulary-built-in",
                tr!("data-vocabulary-built-in", word = group.join("、")),
            );
            p.warning = true;
        }
    }
}

/// Where a declared word stands: `vocabulary.units[2]`, or the `word` of a
/// qualifier.
/// Where the `i`th word of `list` is written: the entry, or its `word` where
/// the entry is a mapping (a qualifier, a target verb with its meaning).
fn word_path(v: &Vocabulary, list: &str, i: usize) -> String {
    let mapped = list == "qualifiers"
        || (list == "target_verbs" && matches!(v.target_verbs.get(i), Some(VerbWord::Bound(_))));
    if mapped {
        format!("vocabulary.{list}[{i}].word")
    } else {
        format!("vocabulary.{list}[{i}]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_mark_inside_brackets_is_the_word_s_own() {
        // 居全省县（市、区）第3位: the scope's own 、 (round 19).
        let marks = ['，', '、'];
        assert_eq!(outside_brackets("全省县（市、区）", &marks), None);
        assert_eq!(outside_brackets("全省，全市", &marks), Some("全省".len()));
        assert_eq!(
            outside_brackets("全省（县）、全市", &marks),
            Some("全省（县）".len())
        );
    }
}
