//! The prose against the typed data. A paragraph is the article's words with
//! placeholders (`{id}`, `{id.yoy}`, `{id.share}`, `{id.rank}`, `{id.value}`)
//! where the data prints a number; the words around each placeholder that
//! the data also carries (the verb and basis of a change, the whole of a
//! share, a ranking's verb, years and subjects, 预计) may not contradict it,
//! a word the data prints (a unit, a qualifier) may not stand beside it
//! again, and a number outside a placeholder escapes the data (a warning).
//! (The word that makes a figure a goal, 力争 or 确保, is read from the
//! prose by the templates.)

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

/// What joins the items of a list: 分别增长{a}、{b}和{c}.
const LIST: [&str; 4] = ["、", "和", "及", "与"];

/// Checks one text's placeholders against what they name, and its words.
pub fn check(text: &str, own: &HashMap<&str, Named>, words: &Words) -> Vec<Problem> {
    let mut problems = Vec::new();
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
    for (k, p) in list.iter().enumerate() {
        // `back`: how many bytes before the placeholder the word at fault
        // starts, so that the column points at the word itself.
        let mut report =
            |back: usize, code: &'static str, message: String, hint: Option<String>| {
                push(p.start - back, code, message, hint)
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
        // An item of a list after the first (分别增长{a}、{b}) takes its verb
        // from the first.
        let listed = k > 0
            && LIST
                .iter()
                .any(|sep| before.strip_suffix(sep).is_some_and(|b| b.ends_with('}')))
            && list[k - 1].end + 3 >= p.start;
        let field_error = |report: &mut dyn FnMut(usize, &'static str, String, Option<String>)| {
            report(
                0,
                "prose-field",
                tr!("prose-field", placeholder = shown.as_str()),
                Some(tr!("prose-field-hint")),
            )
        };
        match (named, p.field) {
            (Named::Figure(f), None | Some("value")) => {
                printed_twice(
                    before,
                    after,
                    f.unit.as_deref(),
                    qualifier_of(f.qualifier.as_deref(), p.field),
                    words,
                    &mut report,
                );
                beside(before, f.qualifier.as_deref(), words, &mut report);
            }
            (Named::Figure(f), Some("yoy")) => match &f.yoy {
                None => report(
                    0,
                    "prose-no-yoy",
                    tr!("prose-no-yoy", placeholder = shown.as_str(), id = p.id),
                    None,
                ),
                Some(yoy) => {
                    if !listed {
                        change(&yoy.verb, yoy.basis.as_deref(), before, words, &mut report);
                    }
                    let unit = yoy.unit.as_deref().unwrap_or("%");
                    printed_twice(
                        before,
                        after,
                        Some(unit),
                        Qualifier::Data(yoy.qualifier.as_deref()),
                        words,
                        &mut report,
                    );
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
                    let sentence = &text[sentence_start(text, p.start)..p.start];
                    if let Some(scope) = &share.scope {
                        share_scope(scope, sentence, words, &mut report);
                    } else if let Some(of) = &share.of
                        && !sentence.contains(&format!("占{of}"))
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
                        Some("%"),
                        Qualifier::Data(share.qualifier.as_deref()),
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
                Some(rank) => ranking(
                    rank.verb.as_deref(),
                    rank.years,
                    &[],
                    before,
                    "",
                    &mut report,
                ),
            },
            (Named::Ranking(r), Some("rank")) => {
                let sentence = &text[sentence_start(text, p.start)..p.start];
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
                    target_verb(t, before, words, &mut report);
                }
                printed_twice(
                    before,
                    after,
                    t.unit.as_deref(),
                    qualifier_of(t.qualifier.as_deref(), p.field),
                    words,
                    &mut report,
                );
            }
            _ => field_error(&mut report),
        }
    }
    problems.extend(estimates(text, &list, own, words));
    for (at, digits) in stray_digits(text) {
        let named = words.names.iter().any(|n| {
            text.match_indices(n.as_str())
                .any(|(i, _)| i <= at && at < i + n.len())
        });
        if named {
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

type Report<'r> = dyn FnMut(usize, &'static str, String, Option<String>) + 'r;

/// A space between two Chinese characters: YAML puts one where a plain or
/// folded paragraph is continued on the next line (the loader asks only of
/// paragraphs written over several lines: a byline inside a paragraph, 记者
/// 王某, has its own).
pub fn folded_space(text: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    chars
        .windows(3)
        .find_map(|w| (w[1].1 == ' ' && is_cjk(w[0].1) && is_cjk(w[2].1)).then_some(w[1].0))
}

/// A Han character.
fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// A Han character or CJK punctuation: a space between two of them is a typing slip.
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF | 0xFF00..=0xFFEF)
}

/// `{id.value}` leaves the qualifier to the text (分别增长6%、8%以上).
fn qualifier_of<'a>(data: Option<&'a str>, field: Option<&str>) -> Qualifier<'a> {
    match field {
        Some("value") => Qualifier::Text,
        _ => Qualifier::Data(data),
    }
}

/// The qualifier a placeholder prints: the data's (`{id}`), or the text's
/// (`{id.value}`, 分别增长6%、8%以上).
#[derive(Clone, Copy)]
enum Qualifier<'a> {
    Data(Option<&'a str>),
    Text,
}

/// What a placeholder prints, typed beside it again: its unit or qualifier
/// (8300个个, 14.3%%, 3.5%左右左右), a unit in another form (亿元元, 億元,
/// %个百分点), a second qualifier (以上以下), a number or another
/// placeholder ({x}14, 14{x}, {x}{y}), or a currency sign (${x}).
fn printed_twice(
    before: &str,
    after: &str,
    unit: Option<&str>,
    qualifier: Qualifier,
    words: &Words,
    report: &mut Report,
) {
    // A space between does not make it two things (`{x} 亿元`).
    let blank = [' ', '\u{3000}', '\u{a0}'];
    let after = after.trim_start_matches(blank);
    let before = before.trim_end_matches(blank);
    let own = match qualifier {
        Qualifier::Data(q) => q,
        Qualifier::Text => None,
    };
    let twice = [unit, if unit == Some("%") { Some("％") } else { None }, own]
        .into_iter()
        .flatten()
        .find(|w| {
            // A qualifier before the number is printed before it; an empty
            // word is its own error.
            !w.trim().is_empty()
                && words.qualifier(w) != Some(Position::Before)
                && after.starts_with(*w)
        });
    if let Some(word) = twice {
        report(
            0,
            "prose-printed-twice",
            tr!("prose-printed-twice", word = word),
            Some(tr!("prose-printed-twice-hint", word = word)),
        );
    } else if let Some(unit) = unit
        && let Some(word) = unit_after(after, unit, words)
    {
        report(
            0,
            "prose-unit-after",
            tr!("prose-unit-after", word = word, unit = unit),
            Some(tr!("prose-unit-after-hint", word = word)),
        );
    } else if let Qualifier::Data(own) = qualifier
        && let Some(word) = words
            .qualifiers
            .iter()
            .filter(|(w, p)| *p == Position::After && after.starts_with(w.as_str()))
            .map(|(w, _)| w.as_str())
            .max_by_key(|w| w.len())
    {
        let (code, message, hint) = match own {
            Some(_) => (
                "prose-qualifier-twice",
                tr!("prose-qualifier-twice", word = word),
                tr!("prose-qualifier-twice-hint", word = word),
            ),
            None => (
                "prose-qualifier-in-text",
                tr!("prose-qualifier-in-text", word = word),
                tr!("prose-qualifier-in-text-hint", word = word),
            ),
        };
        report(0, code, message, Some(hint));
    }
    if after.starts_with(|c: char| c.is_ascii_digit() || c == '{')
        || before.ends_with(|c: char| c.is_ascii_digit() || c == '.')
    {
        report(0, "prose-number-beside", tr!("prose-number-beside"), None);
    }
    if let Some(sign) = before
        .chars()
        .next_back()
        .filter(|c| matches!(c, '$' | '¥' | '￥' | '€' | '£'))
    {
        let sign = sign.to_string();
        report(
            sign.len(),
            "prose-sign-before",
            tr!("prose-sign-before", sign = sign.as_str()),
            Some(tr!("prose-sign-before-hint", sign = sign.as_str())),
        );
    }
}

/// A unit typed after a placeholder that prints `unit` already, as the text
/// wrote it: the tail of the unit (亿元 then 元), the unit in traditional
/// characters (億元), or another unit of the vocabulary (% then 个百分点)
/// that ends there (not 人 of 亿元人民币).
fn unit_after<'t>(after: &'t str, unit: &str, words: &Words) -> Option<&'t str> {
    let folded: String = after.chars().take(12).map(simplified).collect();
    // The text's own characters for the folded match's length.
    let as_written = |len: usize| -> &'t str {
        let chars = folded[..len].chars().count();
        let end = after
            .char_indices()
            .nth(chars)
            .map_or(after.len(), |(i, _)| i);
        &after[..end]
    };
    let tails = unit.char_indices().map(|(i, _)| &unit[i..]);
    if let Some(tail) = tails
        .filter(|t| folded.starts_with(t))
        .max_by_key(|t| t.len())
    {
        return Some(as_written(tail.len()));
    }
    let ends = |len: usize| folded[len..].chars().next().is_none_or(|c| !is_han(c));
    words
        .units
        .iter()
        .map(String::as_str)
        .chain(["百分点", "%", "％"])
        .filter(|u| folded.starts_with(u) && ends(u.len()))
        .max_by_key(|u| u.len())
        .map(|u| as_written(u.len()))
}

/// The simplified form of the traditional characters of units (億元, 萬戶).
fn simplified(c: char) -> char {
    match c {
        '億' => '亿',
        '萬' => '万',
        '個' => '个',
        '戶' | '戸' => '户',
        '項' => '项',
        '張' => '张',
        '場' => '场',
        '條' => '条',
        '輛' => '辆',
        '臺' => '台',
        '噸' => '吨',
        '畝' => '亩',
        '點' => '点',
        '時' => '时',
        '裡' => '里',
        '頃' => '顷',
        '標' => '标',
        '準' => '准',
        '層' => '层',
        '間' => '间',
        '備' => '备',
        '處' => '处',
        _ => c,
    }
}

/// A qualifier before the number, in the text where the data has one or
/// should have it (超{x} with qualifier 超).
fn beside(before: &str, qualifier: Option<&str>, words: &Words, report: &mut Report) {
    for (word, position) in &words.qualifiers {
        if *position != Position::Before || !before.ends_with(word.as_str()) {
            continue;
        }
        // 超过 ends with 过, not with 超: the longest word that ends the text.
        if words.qualifiers.iter().any(|(w, p)| {
            *p == Position::Before && w.len() > word.len() && before.ends_with(w.as_str())
        }) {
            continue;
        }
        let (code, message, hint) = if qualifier.is_some() {
            (
                "prose-qualifier-twice",
                tr!("prose-qualifier-twice", word = word.as_str()),
                tr!("prose-qualifier-twice-hint", word = word.as_str()),
            )
        } else {
            (
                "prose-qualifier-in-text",
                tr!("prose-qualifier-in-text", word = word.as_str()),
                tr!("prose-qualifier-in-text-hint", word = word.as_str()),
            )
        };
        report(word.len(), code, message, Some(hint));
    }
}

/// The words between a verb and its number that do not change its meaning:
/// 增长预计超过30%.
fn strip_between<'t>(before: &'t str, words: &Words) -> &'t str {
    let mut text = before;
    loop {
        let word = words
            .estimates
            .iter()
            .chain(&words.aims)
            .find(|w| text.ends_with(w.as_str()));
        match word {
            Some(w) => text = &text[..text.len() - w.len()],
            None => return text,
        }
    }
}

/// `同比增长{x.yoy}`: the text before the placeholder ends with the verb,
/// and with the basis before it when the data gives one.
fn change(verb: &str, basis: Option<&str>, before: &str, words: &Words, report: &mut Report) {
    let text = strip_between(before, words);
    let Some(rest) = text.strip_suffix(verb) else {
        match words
            .changes()
            .filter(|w| text.ends_with(w))
            .max_by_key(|w| w.len())
        {
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
        return;
    };
    basis_of(basis, rest, verb, words, report);
}

/// The basis before a verb: the data's, or none where the text has none.
fn basis_of(basis: Option<&str>, rest: &str, verb: &str, words: &Words, report: &mut Report) {
    let said = words
        .bases
        .iter()
        .filter(|b| rest.ends_with(b.as_str()))
        .max_by_key(|b| b.len());
    match (basis, said) {
        // The data's basis is what the text says (a word the vocabulary
        // lacks is the data's own error, said once at the field).
        (Some(b), _) if rest.ends_with(b) => {}
        (Some(b), _) => report(
            verb.len(),
            "prose-basis-missing",
            tr!("prose-basis-missing", basis = b, verb = verb),
            None,
        ),
        (None, Some(s)) => report(
            verb.len() + s.len(),
            "prose-basis-unmarked",
            tr!("prose-basis-unmarked", basis = s.as_str()),
            Some(tr!("prose-basis-unmarked-hint", basis = s.as_str())),
        ),
        (None, None) => {}
    }
}

/// A target's verb (and basis) before its value, as the data has them; a
/// verb in the text that the data lacks is named.
fn target_verb(t: &Target, before: &str, words: &Words, report: &mut Report) {
    let text = strip_between(before, words);
    match &t.verb {
        Some(verb) => {
            if let Some(rest) = text.strip_suffix(verb.as_str()) {
                basis_of(t.basis.as_deref(), rest, verb, words, report);
            } else {
                report(
                    0,
                    "prose-target-verb",
                    tr!(
                        "prose-target-verb",
                        verb = verb.as_str(),
                        id = t.id.as_str()
                    ),
                    None,
                );
            }
        }
        None => {
            if let Some(said) = words
                .verbs()
                .filter(|w| text.ends_with(w))
                .max_by_key(|w| w.len())
            {
                report(
                    said.len(),
                    "prose-target-verb-unmarked",
                    tr!(
                        "prose-target-verb-unmarked",
                        verb = said,
                        id = t.id.as_str()
                    ),
                    Some(tr!("prose-target-verb-unmarked-hint", verb = said)),
                );
            }
        }
    }
}

/// `占全省的{x.share}`: the nearest 占 + scope before the placeholder names
/// the share's scope.
fn share_scope(scope: &str, sentence: &str, words: &Words, report: &mut Report) {
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

/// `…均居{r.rank}`, `连续四年位居{r.rank}`, `增速{x.rank}`: the verb and the
/// years stand in the text as the data says, and so does every subject.
fn ranking(
    verb: Option<&str>,
    years: Option<i64>,
    subjects: &[String],
    before: &str,
    sentence: &str,
    report: &mut Report,
) {
    let rest = match verb {
        Some(verb) => match before.strip_suffix(verb) {
            Some(rest) => rest,
            None => {
                report(
                    0,
                    "prose-rank-verb",
                    tr!("prose-rank-verb", verb = verb),
                    None,
                );
                return;
            }
        },
        None => before,
    };
    let verb_len = verb.map_or(0, str::len);
    // The years as written (四, 4): the message quotes the text.
    let said_years = years_before(rest);
    let back = |written: &str| verb_len + "连续年".len() + written.len();
    match (years, said_years) {
        (Some(n), Some((said, written))) if n != said => report(
            back(written),
            "prose-years-contradict",
            tr!("prose-years-contradict", said = written, years = n),
            None,
        ),
        (Some(n), None) => report(
            verb_len,
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
    for subject in subjects {
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

/// 预计 covers its whole sentence: every figure and ranking of a sentence
/// whose words before its first number include an estimate word (预计,
/// 初步统计 …) is an estimate, and an estimate stands in such a sentence.
fn estimates(
    text: &str,
    list: &[Placeholder],
    own: &HashMap<&str, Named>,
    words: &Words,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    for std::ops::Range { start, end } in sentence_spans(text) {
        let inside: Vec<&Placeholder> = list
            .iter()
            .filter(|p| p.start >= start && p.start < end)
            .collect();
        let head_end = inside.first().map_or(end, |p| p.start);
        let said = words
            .estimates
            .iter()
            .filter_map(|w| {
                text[start..head_end]
                    .find(w.as_str())
                    .map(|i| (start + i, w))
            })
            .min_by_key(|(i, _)| *i);
        let mut seen = Vec::new();
        for p in inside {
            if seen.contains(&p.id) {
                continue;
            }
            seen.push(p.id);
            let (estimate, id) = match own.get(p.id) {
                Some(Named::Figure(f)) => (f.estimate, &f.id),
                Some(Named::Ranking(r)) => (r.estimate, &r.id),
                _ => continue,
            };
            match (estimate, said) {
                (true, None) => problems.push(Problem {
                    offset: p.start,
                    code: "prose-estimate-missing",
                    message: tr!("prose-estimate-missing", id = id.as_str()),
                    hint: None,
                    warning: false,
                }),
                (false, Some((at, word))) => problems.push(Problem {
                    offset: at,
                    code: "prose-estimate-unmarked",
                    message: tr!(
                        "prose-estimate-unmarked",
                        id = id.as_str(),
                        word = word.as_str()
                    ),
                    hint: Some(tr!("prose-estimate-unmarked-hint")),
                    warning: false,
                }),
                _ => {}
            }
        }
    }
    problems
}

/// Digits in the prose outside a placeholder: a number the data does not
/// type (its changes would go unseen), with their offset and text. Not a
/// number of the data: years and dates (2022年, 2月8日, 1-11月份, 9时30分),
/// ordinals (第7年), durations (近6年来, 70周年), versions (3.0版), digits
/// inside a Latin word or a quoted name (PM2.5, 5G, B2B, “211”).
pub fn stray_digits(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut inside = false;
    let mut quoted = 0usize;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        match c {
            '{' => inside = true,
            '}' => inside = false,
            '“' | '「' | '《' => quoted += 1,
            '”' | '」' | '》' => quoted = quoted.saturating_sub(1),
            _ => {}
        }
        if inside || quoted > 0 || !c.is_ascii_digit() {
            i += 1;
            continue;
        }
        // The whole run of the number: digits, a point, a dash of a range.
        let mut j = i;
        while j < chars.len() && (chars[j].1.is_ascii_digit() || chars[j].1 == '.') {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        let digits = &text[at..end];
        let prev = i.checked_sub(1).map(|k| chars[k].1);
        let next: String = text[end..].chars().take(3).collect();
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
        // A year is four digits (近6年来 is a duration: a figure).
        let year = digits.len() == 4 && next.starts_with(['年', '—', '-', '至']);
        let exempt = latin(prev)
            || latin(next.chars().next())
            || prev == Some('第')
            || year
            || [
                "月",
                "日",
                "号",
                "时",
                "点",
                "分",
                "周年",
                "版",
                "届",
                "次会议",
            ]
            .iter()
            .any(|w| next.starts_with(w))
            || next.starts_with(['-', '—', '～', '~', '至'])
                && text[end..]
                    .chars()
                    .nth(1)
                    .is_some_and(|c| c.is_ascii_digit());
        if !exempt {
            out.push((at, digits.to_string()));
        }
        i = j.max(i + 1);
    }
    out
}

/// N of a `连续N年` that ends `text`, and N as written.
fn years_before(text: &str) -> Option<(i64, &str)> {
    let rest = text.strip_suffix('年')?;
    // 连续四年, 连续第7年, and the traditional 連續.
    let (start, word) = ["连续", "連續"]
        .iter()
        .filter_map(|w| rest.rfind(w).map(|i| (i, *w)))
        .max_by_key(|(i, _)| *i)?;
    let written = &rest[start + word.len()..];
    let n = chinese_number(written.strip_prefix('第').unwrap_or(written))?;
    (n.fract() == 0.0).then_some((n as i64, written))
}

/// A number written in Chinese numerals, digits, or both: 四 → 4, 十二 →
/// 12, 两千 → 2000, 百 → 100, 1.5万 → 15000, 2.3亿 → 230000000.
pub fn chinese_number(s: &str) -> Option<f64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(n) = super::model::Num::parse(s) {
        return Some(n.get());
    }
    // Digits before a magnitude: 1.5万, counted in whole numbers so that
    // 2.3亿 is 230000000 exactly.
    for (unit, zeros) in [("万亿", 12), ("亿", 8), ("万", 4), ("千", 3), ("百", 2)] {
        if let Some(n) = s
            .strip_suffix(unit)
            .and_then(|d| super::model::Num::parse(d).ok())
        {
            let decimals = n.decimals() as u32;
            let mantissa: i128 = n.text().replace('.', "").parse().ok()?;
            if decimals <= zeros {
                return Some((mantissa * 10i128.pow(zeros - decimals)) as f64);
            }
            return Some(n.get() * 10f64.powi(zeros as i32));
        }
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
    Some((total + section + pending.unwrap_or(0)) as f64)
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
            ("四", 4.0),
            ("十", 10.0),
            ("十二", 12.0),
            ("二十四", 24.0),
            ("百", 100.0),
            ("一百", 100.0),
            ("两千", 2000.0),
            ("三万", 30000.0),
            ("100", 100.0),
            ("1.5万", 15000.0),
            ("2.3亿", 230_000_000.0),
            ("172.80", 172.8),
        ] {
            assert_eq!(chinese_number(s), Some(n), "{s}");
        }
        assert_eq!(chinese_number("几"), None);
    }

    #[test]
    fn years_are_read_from_the_text() {
        assert_eq!(years_before("综合指标排名连续四年"), Some((4, "四")));
        assert_eq!(years_before("综合指标排名"), None);
        assert_eq!(years_before("轄區經濟連續第7年"), Some((7, "第7")));
    }

    #[test]
    fn digits_outside_placeholders_are_found_except_dates_and_names() {
        let found =
            |t: &str| -> Vec<String> { stray_digits(t).into_iter().map(|(_, d)| d).collect() };
        assert_eq!(found("新增{a}，其中12项"), ["12"]);
        assert_eq!(found("增长{x.yoy}达92.9亿元"), ["92.9"]);
        assert_eq!(found("近6年来持续领跑"), ["6"]);
        for fine in [
            "2022年，哈尔滨新区",
            "2月8日，南沙区",
            "1-11月份",
            "凌晨1时30分",
            "连续第7年",
            "建国70周年",
            "营商环境3.0版",
            "PM2.5浓度",
            "5G基站",
            "B2C、B2B出口",
            "“211”工程",
            "2019—2020年",
            "第四届人民代表大会第4次会议",
        ] {
            assert!(found(fine).is_empty(), "{fine}: {:?}", found(fine));
        }
    }

    #[test]
    fn a_unit_after_a_placeholder_is_found_in_its_other_forms() {
        let built_in = yaml_serde::from_str(super::super::vocabulary::BUILT_IN).unwrap();
        let words = Words::merge(&built_in, None);
        for (after, unit, found) in [
            ("元，", "亿元", Some("元")),
            ("億元。", "亿元", Some("億元")),
            ("戶，", "万户", Some("戶")),
            ("个百分点。", "%", Some("个百分点")),
            ("百分点", "%", Some("百分点")),
            ("吨。", "亿元", Some("吨")),
            // A word that begins with a unit's character is not a unit.
            ("人民币，", "亿元", None),
            ("人大代表", "名", None),
            ("，同比增长", "亿元", None),
            ("", "亿元", None),
        ] {
            assert_eq!(
                unit_after(after, unit, &words),
                found,
                "{after} after {unit}"
            );
        }
    }

    #[test]
    fn a_space_between_chinese_characters_is_found() {
        assert_eq!(
            folded_space("惟其艰难， 方显勇毅"),
            Some("惟其艰难，".len())
        );
        assert_eq!(folded_space("本报记者 张焱"), Some("本报记者".len()));
        assert_eq!(folded_space("QFLP 试点"), None);
    }
}
