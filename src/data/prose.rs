//! The words around each placeholder that the typed data determines: the
//! verb of a change (同比增长), the whole of a share (占全省的), a ranking's
//! verb, years and subjects (连续四年位居), and 预计. (The word that makes a
//! figure a goal, 力争 or 确保, is read from the prose by the templates.) The prose may not contradict the data, and a word the data
//! carries (a qualifier) may not stand in the prose beside it again.

use std::collections::HashMap;

use super::model::{Figure, Ranking, Target};
use super::vocabulary::{Position, Words};
use crate::tr;

/// What an id names.
#[derive(Clone, Copy)]
pub enum Named<'a> {
    Figure(&'a Figure),
    Ranking(&'a Ranking),
    Target(&'a Target),
}

/// A placeholder of a text: `{id}` or `{id.field}`, at byte `start..end`.
#[derive(Debug, Clone, PartialEq)]
pub struct Placeholder<'a> {
    pub start: usize,
    pub end: usize,
    pub id: &'a str,
    pub field: Option<&'a str>,
}

/// The placeholders of a text; `Err(offset)` at the first unbalanced brace.
pub fn placeholders(text: &str) -> Result<Vec<Placeholder<'_>>, usize> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(i) = text[pos..].find(['{', '}']) {
        let open = pos + i;
        if text[open..].starts_with('}') {
            return Err(open);
        }
        let Some(j) = text[open + 1..].find(['{', '}']) else {
            return Err(open);
        };
        let close = open + 1 + j;
        if text[close..].starts_with('{') {
            return Err(open);
        }
        let inner = &text[open + 1..close];
        let (id, field) = inner
            .split_once('.')
            .map_or((inner, None), |(a, b)| (a, Some(b)));
        out.push(Placeholder {
            start: open,
            end: close + 1,
            id,
            field,
        });
        pos = close + 1;
    }
    Ok(out)
}

/// A problem of a text at a byte offset.
#[derive(Debug)]
pub struct Problem {
    pub offset: usize,
    pub code: &'static str,
    pub message: String,
    pub hint: Option<String>,
}

/// Sentences end with 。！？ (and ；, which also closes what a goal word
/// governs in a list of targets).
fn sentence_start(text: &str, at: usize) -> usize {
    text[..at]
        .rfind(['。', '！', '？', '；'])
        .map_or(0, |i| i + '。'.len_utf8())
}

/// Checks one text's placeholders against what they name.
pub fn check(text: &str, own: &HashMap<&str, Named>, words: &Words) -> Vec<Problem> {
    let mut problems = Vec::new();
    let list = match placeholders(text) {
        Ok(list) => list,
        Err(offset) => {
            return vec![Problem {
                offset,
                code: "prose-unbalanced",
                message: tr!("prose-unbalanced"),
                hint: None,
            }];
        }
    };
    for p in &list {
        // `back`: how many bytes before the placeholder the word at fault
        // starts, so that the column points at the word itself.
        let mut report =
            |back: usize, code: &'static str, message: String, hint: Option<String>| {
                problems.push(Problem {
                    offset: p.start - back,
                    code,
                    message,
                    hint,
                })
            };
        let shown = format!(
            "{{{}{}}}",
            p.id,
            p.field.map_or(String::new(), |f| format!(".{f}"))
        );
        let Some(named) = own.get(p.id) else {
            let hint = super::error::nearest(p.id, own.keys().copied())
                .map(|n| tr!("hint-did-you-mean", word = n));
            report(
                0,
                "prose-unknown-id",
                tr!("prose-unknown-id", placeholder = shown.as_str()),
                hint,
            );
            continue;
        };
        let before = &text[..p.start];
        let after = &text[p.end..];
        let sentence = &text[sentence_start(text, p.start)..p.start];
        match (named, p.field) {
            (Named::Figure(f), None) => figure(f, before, after, sentence, words, &mut report),
            (Named::Figure(f), Some("yoy")) => match &f.yoy {
                None => report(
                    0,
                    "prose-no-yoy",
                    tr!("prose-no-yoy", placeholder = shown.as_str(), id = p.id),
                    None,
                ),
                Some(yoy) => change(&yoy.verb, before, words, &mut report),
            },
            (Named::Figure(f), Some("share")) => match f.share.first() {
                None => report(
                    0,
                    "prose-no-share",
                    tr!("prose-no-share", placeholder = shown.as_str(), id = p.id),
                    None,
                ),
                Some(share) => scope(&share.scope, sentence, words, &mut report),
            },
            (Named::Ranking(r), Some("rank")) => ranking(r, before, sentence, &mut report),
            (Named::Figure(_), Some(other)) => report(
                0,
                "prose-figure-field",
                tr!(
                    "prose-figure-field",
                    placeholder = shown.as_str(),
                    field = other
                ),
                None,
            ),
            (Named::Ranking(_), _) => report(
                0,
                "prose-ranking-field",
                tr!(
                    "prose-ranking-field",
                    placeholder = shown.as_str(),
                    id = p.id
                ),
                None,
            ),
            (Named::Target(_), _) => report(
                0,
                "prose-target",
                tr!("prose-target", placeholder = shown.as_str(), id = p.id),
                None,
            ),
        }
    }
    problems
}

type Report<'r> = dyn FnMut(usize, &'static str, String, Option<String>) + 'r;

fn figure(
    f: &Figure,
    before: &str,
    after: &str,
    sentence: &str,
    words: &Words,
    report: &mut Report,
) {
    // A qualifier printed by the data must not stand in the text too.
    for (word, position) in &words.qualifiers {
        let (beside, back) = match position {
            Position::Before => (before.ends_with(word.as_str()), word.len()),
            Position::After => (after.starts_with(word.as_str()), 0),
            _ => (false, 0),
        };
        if beside && f.qualifier.is_some() {
            report(
                back,
                "prose-qualifier-twice",
                tr!(
                    "prose-qualifier-twice",
                    word = word.as_str(),
                    id = f.id.as_str()
                ),
                Some(tr!("prose-qualifier-twice-hint", word = word.as_str())),
            );
        } else if beside {
            report(
                back,
                "prose-qualifier-in-text",
                tr!(
                    "prose-qualifier-in-text",
                    word = word.as_str(),
                    id = f.id.as_str()
                ),
                Some(tr!("prose-qualifier-in-text-hint", word = word.as_str())),
            );
        }
    }
    let estimate_at = sentence.rfind("预计");
    let says_estimate = estimate_at.is_some();
    if f.estimate && !says_estimate {
        report(
            0,
            "prose-estimate-missing",
            tr!("prose-estimate-missing", id = f.id.as_str()),
            None,
        );
    } else if !f.estimate && says_estimate {
        report(
            estimate_at.map_or(0, |i| sentence.len() - i),
            "prose-estimate-unmarked",
            tr!("prose-estimate-unmarked", id = f.id.as_str()),
            Some(tr!("prose-estimate-unmarked-hint")),
        );
    }
}

/// `同比增长{x.yoy}`: the text before the placeholder ends with the verb.
fn change(verb: &str, before: &str, words: &Words, report: &mut Report) {
    if before.ends_with(verb) {
        return;
    }
    match words.changes().find(|w| before.ends_with(w)) {
        Some(said) => report(
            said.len(),
            "prose-change-contradicts",
            tr!("prose-change-contradicts", said = said, verb = verb),
            None,
        ),
        None => report(
            0,
            "prose-change-missing",
            tr!("prose-change-missing", verb = verb),
            None,
        ),
    }
}

/// `占全省的{x.share}`: the nearest 占 + scope before the placeholder names
/// the share's scope.
fn scope(scope: &str, sentence: &str, words: &Words, report: &mut Report) {
    let said = words
        .scopes
        .iter()
        .filter_map(|s| sentence.rfind(&format!("占{s}")).map(|i| (i, s.as_str())))
        .max_by_key(|(i, _)| *i);
    match said {
        Some((_, said)) if said == scope => {}
        Some((at, said)) => report(
            sentence.len() - at,
            "prose-scope-contradicts",
            tr!("prose-scope-contradicts", said = said, scope = scope),
            None,
        ),
        None => report(
            0,
            "prose-scope-missing",
            tr!("prose-scope-missing", scope = scope),
            None,
        ),
    }
}

/// The verb before a ranking's place: given, or 均居 for several subjects
/// and 位居 for one.
pub fn ranking_verb(r: &Ranking) -> &str {
    r.verb.as_deref().unwrap_or(if r.subjects.len() > 1 {
        "均居"
    } else {
        "位居"
    })
}

/// `…实际利用内资总量均居{r.rank}`, `综合指标排名连续四年位居{r.rank}`:
/// the verb, the years and every subject stand in the text as the data says.
fn ranking(r: &Ranking, before: &str, sentence: &str, report: &mut Report) {
    let verb = ranking_verb(r);
    let Some(rest) = before.strip_suffix(verb) else {
        report(
            0,
            "prose-rank-verb",
            tr!("prose-rank-verb", verb = verb, id = r.id.as_str()),
            None,
        );
        return;
    };
    // The years as written (四, 4): the message quotes the text.
    let said_years = years_before(rest);
    let back = |written: &str| verb.len() + "连续年".len() + written.len();
    match (r.years, said_years) {
        (Some(n), Some((said, written))) if n != said => report(
            back(written),
            "prose-years-contradict",
            tr!("prose-years-contradict", said = written, years = n),
            None,
        ),
        (Some(n), None) => report(
            verb.len(),
            "prose-years-missing",
            tr!("prose-years-missing", years = n),
            None,
        ),
        (None, Some((said, written))) => report(
            back(written),
            "prose-years-unmarked",
            tr!("prose-years-unmarked", said = written),
            Some(tr!("prose-years-unmarked-hint", said = said)),
        ),
        _ => {}
    }
    for subject in &r.subjects {
        if !sentence.contains(subject.as_str()) {
            report(
                0,
                "prose-subject-missing",
                tr!("prose-subject-missing", subject = subject.as_str()),
                None,
            );
        }
    }
}

/// N of a `连续N年` that ends `text`, and N as written.
fn years_before(text: &str) -> Option<(i64, &str)> {
    let rest = text.strip_suffix('年')?;
    let start = rest.rfind("连续")?;
    let written = &rest[start + "连续".len()..];
    Some((chinese_number(written)?, written))
}

/// A number written in Chinese numerals or digits: 四 → 4, 十二 → 12,
/// 两千 → 2000, 百 → 100, 1.5万 → 15000.
pub fn chinese_number(s: &str) -> Option<i64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(n) = s.parse::<i64>() {
        return Some(n);
    }
    let digit = |c: char| -> Option<i64> {
        Some(match c {
            '零' | '〇' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    let (mut total, mut section, mut pending): (i64, i64, Option<i64>) = (0, 0, None);
    for c in s.chars() {
        if let Some(d) = digit(c) {
            pending = Some(d);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => 10_000,
            '亿' => 100_000_000,
            _ => return None,
        };
        if unit >= 10_000 {
            section += pending.take().unwrap_or(0);
            total = (total + section.max(1)) * unit;
            section = 0;
        } else {
            section += pending.take().unwrap_or(1) * unit;
        }
    }
    Some(total + section + pending.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_placeholders_and_unbalanced_braces() {
        let list = placeholders("增长{a}、占{b.share}").unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!((list[1].id, list[1].field), ("b", Some("share")));
        assert_eq!(placeholders("oops {a"), Err(5));
        assert_eq!(placeholders("oops a}"), Err(6));
        assert!(placeholders("no braces").unwrap().is_empty());
    }

    #[test]
    fn reads_chinese_numerals() {
        for (s, n) in [
            ("四", 4),
            ("十", 10),
            ("十二", 12),
            ("二十四", 24),
            ("百", 100),
            ("一百", 100),
            ("两千", 2000),
            ("三万", 30000),
            ("100", 100),
        ] {
            assert_eq!(chinese_number(s), Some(n), "{s}");
        }
        assert_eq!(chinese_number("几"), None);
    }

    #[test]
    fn years_are_read_from_the_text() {
        assert_eq!(years_before("综合指标排名连续四年"), Some((4, "四")));
        assert_eq!(years_before("综合指标排名"), None);
    }
}
