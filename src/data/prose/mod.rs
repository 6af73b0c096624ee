//! The prose against the typed data. A paragraph is the article's words with
//! placeholders (`{id}`, `{id.yoy}`, `{id.share}`, `{id.rank}`, `{id.value}`,
//! `{id.number}`) where the data prints a number; the words around each placeholder that
//! the data also carries (the verb and basis of a change, the whole of a
//! share, a ranking's verb, years and subjects, 预计) may not contradict it,
//! a word the data prints (a unit, a qualifier) may not stand beside it
//! again, and a number outside a placeholder escapes the data (a warning).
//! (The word that makes a figure a goal, 力争 or 确保, is read from the
//! prose by the templates.)

pub mod aims;
mod numerals;
mod words;
pub(crate) use words::{is_han, year_basis};

use std::collections::HashMap;

pub use numerals::{chinese_number, stray_digits};

use super::model::{Figure, Ranking, Target};
use super::vocabulary::Words;
use crate::tr;
use words::{
    beside, change, estimates, joined, left_to_text, printed_twice, qualifier_of,
    rank_printed_twice, ranking, share_scope, target_verb, value_qualifier,
};

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

impl<'a> Placeholder<'a> {
    /// What of its item the placeholder prints, and whether the number
    /// alone: `{id.number}` is `value`'s number, `{id.yoy.number}` and
    /// `{id.share.number}` those of the change and the share, for a list
    /// whose last item prints the unit once (分别回落2.16和1.66个百分点).
    pub fn part(&self) -> (Option<&'a str>, bool) {
        match self.field {
            Some("number") => (Some("value"), true),
            Some(f) => match f.strip_suffix(".number") {
                Some(base @ ("yoy" | "share")) => (Some(base), true),
                _ => (Some(f), false),
            },
            None => (None, false),
        }
    }
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

/// A problem of a text at a byte offset; a warning is an error only under
/// `--strict`.
#[derive(Debug)]
pub struct Problem {
    pub offset: usize,
    pub code: &'static str,
    pub message: String,
    pub hint: Option<String>,
    pub warning: bool,
}

/// The byte ranges of a paragraph's sentences, which cover it: each ends
/// after 。！？ and the closing quotes or brackets that follow (as
/// templates/lib.typ cuts them for the speaker notes; `docx::text` and the
/// checks here read the same cuts).
pub fn sentence_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '。' | '！' | '？') {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if matches!(d, '。' | '！' | '？' | '”' | '’' | '」' | '』' | '）') {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(start..end);
            start = end;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// Where the sentence holding byte `at` starts.
fn sentence_start(text: &str, at: usize) -> usize {
    sentence_spans(text)
        .into_iter()
        .find(|r| r.contains(&at))
        .map_or(0, |r| r.start)
}

/// The unit a placeholder prints after its number (`Some(None)`: a
/// number without one); `None` where it prints no number with a unit of
/// its own (a ratio, a goal, a rank).
fn unit_printed<'d>(named: &Named<'d>, field: Option<&str>) -> Option<Option<&'d str>> {
    match (named, field) {
        (Named::Figure(f), None | Some("value")) if f.ratio.is_none() => Some(f.unit.as_deref()),
        (Named::Figure(f), Some("yoy")) => f
            .yoy
            .as_ref()
            .map(|y| Some(y.unit.as_deref().unwrap_or("%"))),
        (Named::Figure(f), Some("share")) => f.share.first().map(|_| Some("%")),
        (Named::Target(t), None | Some("value")) if t.goal.is_none() => Some(t.unit.as_deref()),
        _ => None,
    }
}

/// The qualifier a placeholder prints with its number: the data's, except
/// for `{id.value}` and `{id.number}`, which leave it to the text.
fn qualifier_printed(named: &Named, field: Option<&str>) -> Option<String> {
    match (named, field) {
        (Named::Figure(f), None) => f.qualifier.clone(),
        (Named::Figure(f), Some("yoy")) => f.yoy.as_ref()?.qualifier.clone(),
        (Named::Figure(f), Some("share")) => f.share.first()?.qualifier.clone(),
        (Named::Target(t), None) => t.qualifier.clone(),
        _ => None,
    }
}

/// `{a.number}` prints the number alone: the list it stands in must close
/// on an item that prints the same unit (分别回落{a.number}和{b}); the
/// problem, if any, as its code and message.
fn list_closed(
    text: &str,
    list: &[Placeholder],
    k: usize,
    own: &HashMap<&str, Named>,
    unit: Option<&str>,
) -> Option<(&'static str, String, Option<String>)> {
    let shown = &text[list[k].start..list[k].end];
    let mut j = k;
    loop {
        let next = list
            .get(j + 1)
            .filter(|n| LIST.contains(&&text[list[j].end..n.start]));
        let Some(next) = next else {
            return Some((
                "prose-number-unclosed",
                tr!("prose-number-unclosed", placeholder = shown),
                Some(tr!("prose-number-unclosed-hint", placeholder = shown)),
            ));
        };
        let (field, alone) = next.part();
        if alone {
            j += 1;
            continue;
        }
        // An id no data has is its own error.
        let named = own.get(next.id)?;
        let closing = unit_printed(named, field);
        if closing == Some(unit) {
            return None;
        }
        let other = &text[next.start..next.end];
        // A goal in words, a rank, a ratio: no number in a unit at all.
        let printed = match closing {
            Some(unit) => super::unit_name(unit),
            None => tr!("prose-number-no-unit"),
        };
        return Some((
            "prose-number-unit",
            tr!(
                "prose-number-unit",
                placeholder = shown,
                unit = super::unit_name(unit),
                closing = other,
                other = printed
            ),
            None,
        ));
    }
}

/// The verb and basis a placeholder's number is said with, where it has
/// them: a change's, a target's.
fn said_with<'d>(named: &Named<'d>, field: Option<&str>) -> Option<(&'d str, Option<&'d str>)> {
    match (named, field) {
        (Named::Figure(f), Some("yoy")) => f
            .yoy
            .as_ref()
            .map(|y| (y.verb.as_str(), y.basis.as_deref())),
        (Named::Target(t), None | Some("value")) => {
            t.verb.as_deref().map(|v| (v, t.basis.as_deref()))
        }
        _ => None,
    }
}

/// What joins the items of a list: 分别增长{a}、{b}和{c}.
const LIST: [&str; 4] = ["、", "和", "及", "与"];

/// Checks one text's placeholders against what they name, and its words.
/// `stated`: the changes (`id.yoy`) and targets (`id`) already said with
/// their verb in the texts before, which may be named again without it.
pub fn check(
    text: &str,
    own: &HashMap<&str, Named>,
    words: &Words,
    stated: &mut std::collections::HashSet<String>,
) -> Vec<Problem> {
    let mut problems = shape(text);
    let mut push = |offset: usize, code: &'static str, message: String, hint: Option<String>| {
        problems.push(Problem {
            offset,
            code,
            message,
            hint,
            warning: false,
        })
    };
    // Full-width braces, as a Chinese input method types them.
    if let Some(at) = text.find(['｛', '｝']) {
        push(
            at,
            "prose-fullwidth-brace",
            tr!("prose-fullwidth-brace"),
            Some(tr!("prose-fullwidth-brace-hint")),
        );
        return problems;
    }
    if let Some(at) = text.find('\n') {
        push(
            at,
            "prose-line-break",
            tr!("prose-line-break"),
            Some(tr!("prose-line-break-hint")),
        );
    }
    let list = match placeholders(text) {
        Ok(list) => list,
        Err(offset) => {
            push(offset, "prose-unbalanced", tr!("prose-unbalanced"), None);
            return problems;
        }
    };
    // The qualifier a placeholder prints with its number.
    let printed = |p: &Placeholder| {
        own.get(p.id)
            .and_then(|named| qualifier_printed(named, p.part().0))
    };
    // The placeholders found at fault: a list's later items are not held to
    // a first item's data the text contradicts (round 23).
    let faulty = std::cell::RefCell::new(std::collections::HashSet::new());
    for (k, p) in list.iter().enumerate() {
        // `back`: how many bytes before the placeholder the word at fault
        // starts, so that the column points at the word itself.
        let mut report =
            |back: usize, code: &'static str, message: String, hint: Option<String>| {
                faulty.borrow_mut().insert(k);
                push(p.start - back, code, message, hint)
            };
        let shown = format!(
            "{{{}{}}}",
            p.id,
            p.field.map_or(String::new(), |f| format!(".{f}"))
        );
        let Some(named) = own.get(p.id) else {
            // `{id。yoy}`, `{id．yoy}`, `{id_yoy}`: the dot typed by the
            // input method, or as an underscore; the nearest id alone
            // printed the figure where its change was meant (round 29).
            let dotted = p.id.rfind(['。', '．', '_']).and_then(|at| {
                let mark = p.id[at..].chars().next()?;
                let (id, field) = (&p.id[..at], &p.id[at + mark.len_utf8()..]);
                let known = matches!(field, "value" | "number" | "yoy" | "share" | "rank");
                (own.contains_key(id) && known).then(|| {
                    let more = p.field.map_or(String::new(), |f| format!(".{f}"));
                    format!("{{{id}.{field}{more}}}")
                })
            });
            // The nearest id, as the whole placeholder with its field:
            // `{ x.yoy }` was answered `x`, and `{x}` printed the figure
            // where its change was meant (round 30).
            let hint = dotted
                .or_else(|| {
                    let n = super::error::nearest(p.id.trim(), own.keys().copied())?;
                    let field = p.field.map_or(String::new(), |f| format!(".{}", f.trim()));
                    Some(format!("{{{n}{field}}}"))
                })
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
        // An item of a list after the first (分别增长{a}、{b}) takes its verb
        // from the first.
        let listed = k > 0
            && LIST
                .iter()
                .any(|sep| before.strip_suffix(sep).is_some_and(|b| b.ends_with('}')))
            && list[k - 1].end + 3 >= p.start;
        // ... and must be said with the same verb and basis: 同比增长{a}、{b}
        // printed 增长 for a {b} that fell.
        if listed
            && !faulty.borrow().contains(&(k - 1))
            && let Some(prev) = own.get(list[k - 1].id)
            && let (Some(first), Some(this)) = (
                said_with(prev, list[k - 1].part().0),
                said_with(named, p.part().0),
            )
            && first != this
        {
            report(
                0,
                "prose-list-verb",
                tr!(
                    "prose-list-verb",
                    placeholder = shown.as_str(),
                    verb = [this.1.unwrap_or(""), this.0].concat(),
                    first = [first.1.unwrap_or(""), first.0].concat()
                ),
                None,
            );
        }
        let field_error = |report: &mut dyn FnMut(usize, &'static str, String, Option<String>)| {
            report(
                0,
                "prose-field",
                tr!("prose-field", placeholder = shown.as_str()),
                Some(tr!("prose-field-hint")),
            )
        };
        let (field, alone) = p.part();
        if alone {
            match unit_printed(named, field) {
                None => {
                    field_error(&mut report);
                    continue;
                }
                Some(unit) => {
                    if let Some((code, message, hint)) = list_closed(text, &list, k, own, unit) {
                        report(0, code, message, hint);
                    }
                }
            }
        }
        // The unit printed after the number: none after the number alone.
        fn unit_if(unit: Option<&str>, printed: bool) -> Option<&str> {
            unit.filter(|_| printed)
        }
        let unit = |u| unit_if(u, !alone);
        match (named, field) {
            (Named::Figure(f), None | Some("value")) => {
                // A unit after a number the article prints without one
                // ({cpi}亿元): the data's unit, not the text's (round 20).
                if f.unitless
                    && !alone
                    && let Some(unit) = words
                        .units
                        .iter()
                        .map(String::as_str)
                        .chain(["%", "％", "个百分点", "百分点"])
                        .filter(|u| after.starts_with(u))
                        .max_by_key(|u| u.len())
                {
                    report(
                        0,
                        "prose-unit-unitless",
                        tr!("prose-unit-unitless", unit = unit),
                        Some(tr!("prose-unit-unitless-hint", unit = unit)),
                    );
                }
                printed_twice(
                    before,
                    after,
                    unit(f.unit.as_deref()),
                    qualifier_of(f.qualifier.as_deref(), field == Some("value")),
                    words,
                    &mut report,
                );
                // 同比增长{x}, 占全省的{x}: the words of the figure's own
                // change or share before the figure itself, which printed
                // 同比增长1.5万户 (round 30).
                if !alone {
                    let text = words::strip_between(before, words);
                    let change = f.yoy.as_ref().is_some_and(|y| {
                        y.basis.as_deref().is_some_and(|b| {
                            text.strip_suffix(y.verb.as_str())
                                .is_some_and(|rest| rest.ends_with(b))
                        })
                    });
                    let share = f.share.iter().any(|s| {
                        let whole = s.scope.as_deref().or(s.of.as_deref()).unwrap_or_default();
                        let rest = text.strip_suffix('的').unwrap_or(text);
                        let rest = rest.strip_suffix("比重").unwrap_or(rest);
                        !whole.is_empty() && rest.ends_with(&format!("占{whole}"))
                    });
                    let meant = match (change, share) {
                        (true, _) => Some("yoy"),
                        (_, true) => Some("share"),
                        _ => None,
                    };
                    if let Some(meant) = meant {
                        let placeholder = format!("{{{}.{meant}}}", p.id);
                        report(
                            0,
                            "prose-value-for-field",
                            tr!(
                                "prose-value-for-field",
                                placeholder = shown.as_str(),
                                field = meant
                            ),
                            Some(tr!("hint-did-you-mean", word = placeholder)),
                        );
                    }
                }
                if field == Some("value") {
                    let q = f.qualifier.as_deref();
                    left_to_text(before, after, q, &printed, words, &mut report);
                } else {
                    beside(before, f.qualifier.as_deref(), words, &mut report);
                    joined(before, f.qualifier.as_deref(), false, words, &mut report);
                }
            }
            (Named::Figure(f), Some("yoy")) => match &f.yoy {
                None => report(
                    0,
                    "prose-no-yoy",
                    tr!("prose-no-yoy", placeholder = shown.as_str(), id = p.id),
                    None,
                ),
                Some(yoy) => {
                    let key = format!("{}.yoy", p.id);
                    if !listed {
                        let again = stated.contains(&key);
                        change(
                            &yoy.verb,
                            yoy.basis.as_deref(),
                            (before, after),
                            again,
                            words,
                            &mut report,
                        );
                    }
                    stated.insert(key);
                    printed_twice(
                        before,
                        after,
                        unit(Some(yoy.unit.as_deref().unwrap_or("%"))),
                        qualifier_of(yoy.qualifier.as_deref(), alone),
                        words,
                        &mut report,
                    );
                    if alone {
                        let q = yoy.qualifier.as_deref();
                        value_qualifier(before, after, q, &printed, words, &mut report);
                    }
                }
            },
            (Named::Figure(f), Some("share")) => match f.share.first() {
                None => report(
                    0,
                    "prose-no-share",
                    tr!("prose-no-share", placeholder = shown.as_str(), id = p.id),
                    None,
                ),
                Some(share) => {
                    let q = share.qualifier.as_deref();
                    if alone {
                        left_to_text(before, after, q, &printed, words, &mut report);
                    } else {
                        beside(before, q, words, &mut report);
                        joined(before, q, true, words, &mut report);
                    }
                    let sentence = &text[sentence_start(text, p.start)..p.start];
                    if let Some(scope) = &share.scope {
                        share_scope(scope, sentence, words, &mut report);
                    } else if let Some(of) = &share.of
                        && !share_of_said(sentence, of)
                    {
                        report(
                            0,
                            "prose-share-of",
                            tr!("prose-share-of", of = of.as_str()),
                            None,
                        );
                    }
                    printed_twice(
                        before,
                        after,
                        unit(Some("%")),
                        qualifier_of(share.qualifier.as_deref(), alone),
                        words,
                        &mut report,
                    );
                }
            },
            (Named::Figure(f), Some("rank")) => match &f.rank {
                None => report(
                    0,
                    "prose-no-rank",
                    tr!("prose-no-rank", placeholder = shown.as_str(), id = p.id),
                    None,
                ),
                Some(rank) => {
                    rank_printed_twice(
                        rank.verb.as_deref(),
                        rank.standing.as_deref(),
                        before,
                        after,
                        &mut report,
                    );
                    ranking(
                        rank.verb.as_deref(),
                        rank.years,
                        &[],
                        before,
                        "",
                        &mut report,
                    )
                }
            },
            (Named::Ranking(r), Some("rank")) => {
                let sentence = &text[sentence_start(text, p.start)..p.start];
                rank_printed_twice(
                    r.verb.as_deref(),
                    r.standing.as_deref(),
                    before,
                    after,
                    &mut report,
                );
                ranking(
                    r.verb.as_deref(),
                    r.years,
                    &r.subjects,
                    before,
                    sentence,
                    &mut report,
                )
            }
            (Named::Target(t), None | Some("value")) => {
                if !listed {
                    let again = stated.contains(p.id);
                    target_verb(t, (before, after), again, words, &mut report);
                }
                stated.insert(p.id.to_string());
                printed_twice(
                    before,
                    after,
                    unit(t.unit.as_deref()),
                    qualifier_of(t.qualifier.as_deref(), field == Some("value")),
                    words,
                    &mut report,
                );
                if field == Some("value") {
                    value_qualifier(
                        before,
                        after,
                        t.qualifier.as_deref(),
                        &printed,
                        words,
                        &mut report,
                    );
                }
            }
            _ => field_error(&mut report),
        }
    }
    problems.extend(estimates(text, &list, own, words));
    if let Some((at, id)) = bare_id(text, &list, own) {
        let placeholder = format!("{{{id}}}");
        problems.push(Problem {
            offset: at,
            code: "prose-bare-id",
            message: tr!("prose-bare-id", id = id),
            hint: Some(tr!("prose-bare-id-hint", placeholder = placeholder)),
            warning: false,
        });
    }
    for (at, digits) in unnamed_digits(text, &words.names) {
        // Full-width digits are a typing mistake wherever they stand.
        if digits.chars().any(|c| ('０'..='９').contains(&c)) {
            problems.push(Problem {
                offset: at,
                code: "prose-fullwidth-digits",
                message: tr!("prose-fullwidth-digits", digits = digits),
                hint: Some(tr!("prose-fullwidth-digits-hint")),
                warning: false,
            });
            continue;
        }
        problems.push(Problem {
            offset: at,
            code: "prose-digits",
            message: tr!("prose-digits", digits = digits),
            hint: Some(tr!("prose-digits-hint")),
            warning: true,
        });
    }
    problems
}

/// An id written outside braces (gdp_growth, 【gdp_growth】 as an input
/// method brackets it), which would print as it is: its byte offset and the
/// id. An id of the data, or a name of ids' shape with an underscore, which
/// Chinese prose never has.
fn bare_id<'t>(
    text: &'t str,
    list: &[Placeholder],
    own: &HashMap<&str, Named>,
) -> Option<(usize, &'t str)> {
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let Some(start) = rest.find(|c: char| c.is_ascii_alphanumeric() || c == '_') else {
            break;
        };
        let start = at + start;
        let end = text[start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .map_or(text.len(), |e| start + e);
        let word = &text[start..end];
        let inside = list.iter().any(|p| p.start <= start && end <= p.end);
        let id_like = word.contains('_')
            && word.starts_with(|c: char| c.is_ascii_lowercase())
            && word
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        // Part of an address, where an id-like word is no placeholder:
        // xq_office@163.com, www.hrb_xq.gov.cn, a/b_c.pdf.
        // (A query's or fragment's marks mark an address wherever they
        // stand: ?p_id=7, /#top_1.)
        let joined = |mark: Option<char>, next: Option<char>| {
            matches!(mark, Some('?' | '=' | '&' | '#'))
                || matches!(mark, Some('@' | '.' | '/' | ':' | '-' | '\\'))
                    && next.is_some_and(|c| c.is_ascii_alphanumeric())
        };
        let mut before = text[..start].chars().rev();
        let mut after = text[end..].chars();
        let address = joined(before.next(), before.next()) || joined(after.next(), after.next());
        if !inside && !address && (own.contains_key(word) || id_like) {
            return Some((start, word));
        }
        at = end;
    }
    None
}

/// The paragraph as a whole: words, an end, no odd space.
fn shape(text: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    // A paragraph of punctuation only (。) says nothing.
    if !text.contains('{') && !text.chars().any(char::is_alphanumeric) {
        problems.push(Problem {
            offset: 0,
            code: "prose-no-words",
            message: tr!("prose-no-words"),
            hint: None,
            warning: false,
        });
        return problems;
    }
    // Every paragraph of the corpus's reports ends a sentence: one that does
    // not was cut short, or runs on into the next.
    let end = text.trim_end();
    if !end.ends_with([
        '。', '！', '？', '；', '：', '”', '’', '）', '」', '』', '…', '.', '!', '?', ')',
    ]) {
        problems.push(Problem {
            offset: end.len(),
            code: "prose-no-stop",
            message: tr!("prose-no-stop"),
            hint: Some(tr!("prose-no-stop-hint")),
            warning: true,
        });
    }
    if let Some((at, mark, full)) = halfwidth_mark(text) {
        let mark = mark.to_string();
        problems.push(Problem {
            offset: at,
            code: "prose-halfwidth-mark",
            message: tr!("prose-halfwidth-mark", mark = mark.as_str()),
            hint: Some(tr!(
                "prose-halfwidth-mark-hint",
                mark = mark.as_str(),
                full = full
            )),
            warning: true,
        });
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    // A space no keyboard types by itself (a no-break or an ideographic
    // space, pasted from a web page or a Word file) between Chinese
    // characters prints as a gap in the sentence.
    if let Some(w) = chars
        .windows(3)
        .find(|w| odd_space(w[1].1) && is_cjk(w[0].1) && is_cjk(w[2].1))
    {
        let code = format!("U+{:04X}", w[1].1 as u32);
        problems.push(Problem {
            offset: w[1].0,
            code: "prose-odd-space",
            message: tr!("prose-odd-space", code = code),
            hint: Some(tr!("prose-odd-space-hint")),
            warning: true,
        });
    }
    problems
}

pub(super) type Report<'r> = dyn FnMut(usize, &'static str, String, Option<String>) + 'r;

/// The runs of digits outside placeholders that no declared name (of
/// `names`: 公交站点500米覆盖率) holds, with their byte offsets.
pub fn unnamed_digits(text: &str, names: &[String]) -> Vec<(usize, String)> {
    stray_digits(text)
        .into_iter()
        .filter(|(at, _)| {
            !names.iter().any(|n| {
                text.match_indices(n.as_str())
                    .any(|(i, _)| i <= *at && *at < i + n.len())
            })
        })
        .collect()
}

/// A space between two Chinese characters: YAML puts one where a plain or
/// folded paragraph is continued on the next line (the loader asks only of
/// paragraphs written over several lines: a byline inside a paragraph, 记者
/// 王某, has its own).
pub fn folded_space(text: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    // A placeholder prints Chinese (14亿元) where it stands: a space before
    // or after it is the same slip.
    // A list dash typed without its space (`-加力助企纾困`) and indented as
    // the line above: YAML folds it into that paragraph (round 24).
    let dash = |i: usize| chars[i].1 == '-' && chars.get(i + 1).is_some_and(|c| is_cjk(c.1));
    chars.windows(3).enumerate().find_map(|(i, w)| {
        (w[1].1 == ' '
            && (is_cjk(w[0].1) || w[0].1 == '}')
            && (is_cjk(w[2].1) || w[2].1 == '{' || dash(i + 2)))
        .then_some(w[1].0)
    })
}

/// The byte offset of a space at either end of `text` (a quoted "百 ", a
/// U+3000 YAML keeps), which prints as a gap before what follows.
pub fn edge_space(text: &str) -> Option<usize> {
    text.chars()
        .next()
        .filter(|c| c.is_whitespace())
        .map(|_| 0)
        .or_else(|| {
            text.char_indices()
                .last()
                .filter(|(_, c)| c.is_whitespace())
                .map(|(at, _)| at)
        })
}

/// A half-width mark in Chinese text, the input method left in English
/// mode: a comma or semicolon between Chinese words (14亿元,发放), a
/// straight quote beside a Chinese character ("六个龙江"). Its byte offset,
/// the mark, and the Chinese mark to type.
pub fn halfwidth_mark(text: &str) -> Option<(usize, char, &'static str)> {
    let chinese = |c: char| words::is_han(c) || matches!(c, '}' | '{' | '%' | '”' | '“');
    let padded: Vec<(usize, char)> = std::iter::once((0, ' '))
        .chain(text.char_indices())
        .chain(std::iter::once((text.len(), ' ')))
        .collect();
    padded.windows(3).find_map(|w| {
        let (at, mark) = w[1];
        match mark {
            ',' | ';' if chinese(w[0].1) && chinese(w[2].1) => {
                Some((at, mark, if mark == ',' { "，" } else { "；" }))
            }
            '"' if words::is_han(w[0].1) || words::is_han(w[2].1) => {
                Some((at, mark, if words::is_han(w[2].1) { "“" } else { "”" }))
            }
            _ => None,
        }
    })
}

/// A space of any kind between two Chinese characters, in a short text
/// (a label, a title): its byte offset.
pub fn han_space(text: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    chars.windows(3).find_map(|w| {
        ((w[1].1 == ' ' || odd_space(w[1].1)) && words::is_han(w[0].1) && words::is_han(w[2].1))
            .then_some(w[1].0)
    })
}

/// A space other than the plain one: no-break, ideographic, the typographic
/// widths.
fn odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{3000}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}'
    )
}

/// A Han character or CJK punctuation: a space between two of them is a typing slip.
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF | 0xFF00..=0xFFEF)
}

/// Whether `sentence` (up to a share's placeholder) says the whole the
/// share is of: 占{of}, or {of} as an item of a list whose one 占 stands
/// before the first share (分别占国内生产总值的{a.share}、税收收入的{b.share}).
fn share_of_said(sentence: &str, of: &str) -> bool {
    if sentence.contains(&format!("占{of}")) {
        return true;
    }
    let head = sentence.strip_suffix('的').unwrap_or(sentence);
    let Some(head) = head.strip_suffix(of) else {
        return false;
    };
    let Some(head) = ["、", "，", "和", "以及", "及", "与"]
        .iter()
        .find_map(|j| head.strip_suffix(j))
    else {
        return false;
    };
    (head.ends_with(".share}") || head.ends_with(".share.number}")) && head.contains('占')
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
    fn the_one_share_verb_of_a_list_names_each_whole() {
        // 新华社, 2020-07-23 (round 22: the second whole was refused).
        let s = "实现生产总值{gdp}，上缴税费{tax}，分别占国内生产总值的{gdp.share}、税收收入的";
        assert!(share_of_said(s, "税收收入"));
        assert!(share_of_said("分别占A的{a.share.number}和B", "B"));
        assert!(share_of_said("占全市的", "全市"));
        // A whole no 占 governs, or not after a share of the list.
        assert!(!share_of_said("上缴税费{tax}、税收收入的", "税收收入"));
        assert!(!share_of_said("分别占A的{a.share}、C的", "B"));
        assert!(!share_of_said("增长{a.yoy}、税收收入的", "税收收入"));
    }

    #[test]
    fn a_space_between_chinese_characters_is_found() {
        assert_eq!(
            folded_space("惟其艰难， 方显勇毅"),
            Some("惟其艰难，".len())
        );
        assert_eq!(folded_space("本报记者 张焱"), Some("本报记者".len()));
        assert_eq!(folded_space("QFLP 试点"), None);
        assert_eq!(
            folded_space("位居全市前列。 -加力助企纾困"),
            Some("位居全市前列。".len())
        );
        assert_eq!(folded_space("增长 -3.2%"), None);
    }

    #[test]
    fn an_id_like_word_of_an_address_is_no_bare_id() {
        let own = HashMap::new();
        let bare = |text: &str| {
            bare_id(text, &placeholders(text).unwrap(), &own).map(|(_, w)| w.to_string())
        };
        // An office's mail, site and file names (round 17: the mail was
        // refused as an id written without braces).
        for text in [
            "咨询邮箱xq_office@163.com。",
            "详见www.hrb_xq.gov.cn。",
            "附件见docs/plan_2023.pdf。",
            "见www.hrb.gov.cn/list?p_id=7。",
            "见https://hrb.cn/#top_1。",
        ] {
            assert_eq!(bare(text), None, "{text}");
        }
        // An id at a sentence's end is still one.
        assert_eq!(bare("同比增长gdp_growth.").as_deref(), Some("gdp_growth"));
        assert_eq!(bare("同比增长gdp_growth.").as_deref(), Some("gdp_growth"));
    }
}
