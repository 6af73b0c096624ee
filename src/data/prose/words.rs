//! The words beside a placeholder, against what the data says of its
//! number: what it prints typed again, a qualifier in the text, the verb
//! and basis of a change or target, a share's scope, a ranking's verb,
//! years and subjects, and 预计 over a sentence.

use std::collections::HashMap;

use super::numerals::years_before;
use super::{Named, Placeholder, Problem, Report, sentence_spans};
use crate::data::model::Target;
use crate::data::vocabulary::{Position, QualifierWord, Words};
use crate::tr;

/// A Han character.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// `{id.value}` and `{id.number}` leave the qualifier to the text
/// (分别增长6%、8%以上).
pub(super) fn qualifier_of(data: Option<&str>, to_text: bool) -> Qualifier<'_> {
    if to_text {
        Qualifier::Text
    } else {
        Qualifier::Data(data)
    }
}

/// The qualifier a placeholder prints: the data's (`{id}`), or the text's
/// (`{id.value}`, 分别增长6%、8%以上).
#[derive(Clone, Copy)]
pub(super) enum Qualifier<'a> {
    Data(Option<&'a str>),
    Text,
}

/// What a placeholder prints, typed beside it again: its unit or qualifier
/// (8300个个, 14.3%%, 3.5%左右左右), a unit in another form (亿元元, 億元,
/// %个百分点), a second qualifier (以上以下), a number or another
/// placeholder ({x}14, 14{x}, {x}{y}), or a currency sign (${x}).
pub(super) fn printed_twice(
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
    let percent = unit == Some("%");
    let twice = [unit, percent.then_some("％"), percent.then_some("﹪"), own]
        .into_iter()
        .flatten()
        .find(|w| {
            // A qualifier before the number is printed before it; an empty
            // word is its own error.
            !w.trim().is_empty()
                && words.qualifier(w) != Some(Position::Before)
                && after.starts_with(*w)
                && !words.in_compound(after, 0, w)
        });
    // 之多 stresses a number as large; after the data's 以上 or 余 it says
    // so twice (10亿元以上之多).
    if let Qualifier::Data(Some(q)) = qualifier
        && !q.trim().is_empty()
        && after.starts_with("之多")
    {
        report(
            0,
            "prose-qualifier-twice",
            tr!("prose-qualifier-twice", word = "之多"),
            Some(tr!("prose-qualifier-twice-hint", word = "之多")),
        );
    }
    if let Some(word) = twice {
        report(
            0,
            "prose-printed-twice",
            tr!("prose-printed-twice", word = word),
            Some(tr!("prose-printed-twice-hint", word = word)),
        );
    } else if let Some(unit) = unit
        // (Also after a closing quote or bracket: {x}”亿元, （{x}）亿元.)
        // (And in brackets: {x}（亿元）.)
        && let Some(word) = unit_after(after.trim_start_matches(CLOSING), unit, words).or_else(|| {
            after
                .strip_prefix(['（', '('])
                .and_then(|inside| unit_after(inside, unit, words))
        })
    {
        report(
            0,
            "prose-unit-after",
            tr!("prose-unit-after", word = word, unit = unit),
            Some(tr!("prose-unit-after-hint", word = word, unit = unit)),
        );
    } else if let Qualifier::Data(own) = qualifier
        && let Some(word) = words
            .qualifiers
            .iter()
            .filter(|q| !words.in_compound(after, 0, &q.word))
            .filter(|q| match q.position {
                Position::After => after.starts_with(q.word.as_str()),
                // 余 or 多 after the number and its unit (1.5万户余, 300家多
                // or 300多家 typed as {x}多家), not a word of its own (多项).
                Position::Inside => after.strip_prefix(q.word.as_str()).is_some_and(|rest| {
                    !rest.starts_with(is_han)
                        || words.units.iter().any(|u| rest.starts_with(u.as_str()))
                }),
                Position::Before => false,
            })
            .map(|q| q.word.as_str())
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
    // A number or sign typed against the placeholder's own: 2409 2409万元,
    // 14亿元１ (full-width), -14亿元 for an amount, 十14亿元, 亿14亿元.
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let numeral = |c: char| "一二三四五六七八九十百千万亿两零〇".contains(c);
    // Words that end in a numeral and are no number: 统一, 唯一, 之一 …
    let word_of_one = [
        "统一", "唯一", "之一", "第一", "逐一", "同一", "单一", "万一", "划一", "合一",
    ];
    if after.starts_with(|c: char| digit(c) || c == '{')
        || before.ends_with(|c: char| {
            digit(c) || matches!(c, '.' | '．' | '-' | '－' | '+' | '＋' | '±')
        })
        || (before.ends_with(numeral) && !word_of_one.iter().any(|w| before.ends_with(w)))
    {
        report(0, "prose-number-beside", tr!("prose-number-beside"), None);
    }
    // A unit typed before the number (资金亿元{x}): one with a magnitude
    // (万元, 亿元, 万户, 千瓦), which no noun ends with; not 项 of 事项 or
    // 人次 of 诊疗人次, measure words that end nouns.
    let magnitude = |u: &&str| u.starts_with(['万', '亿', '千', '百']) && u.chars().count() >= 2;
    // A percent spelled before a placeholder that prints its sign:
    // 增长百分之{x} printed 增长百分之3.5% (round 24).
    let spelled = [("%", "百分之"), ("‰", "千分之"), ("‱", "万分之")]
        .into_iter()
        .find(|(sign, word)| unit == Some(*sign) && before.ends_with(word))
        .map(|(_, word)| word);
    if let Some(word) = spelled.or_else(|| {
        unit.into_iter()
            .chain(words.units.iter().map(String::as_str))
            .filter(|u| magnitude(u) && before.ends_with(*u))
            .max_by_key(|u| u.len())
    }) {
        report(
            word.len(),
            "prose-unit-before",
            tr!("prose-unit-before", word = word),
            Some(tr!("prose-unit-before-hint", word = word)),
        );
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
        .chain(["百分点", "个点", "%", "％", "﹪"])
        .filter(|u| folded.starts_with(u) && ends(u.len()))
        .max_by_key(|u| u.len())
        .map(|u| as_written(u.len()))
        // A magnitude after a number with its unit (1.5万户万, 14亿元十四).
        .or_else(|| {
            folded
                .starts_with(['万', '亿', '千', '百', '十', '兆'])
                .then(|| as_written(3))
        })
}

/// The marks that close a quotation or a bracket.
const CLOSING: [char; 7] = ['”', '’', '」', '』', '）', ')', '》'];

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
        '圆' | '圓' => '元',
        _ => c,
    }
}

/// A qualifier before the number, in the text where the data has one or
/// should have it (超{x} with qualifier 超).
pub(super) fn beside(before: &str, qualifier: Option<&str>, words: &Words, report: &mut Report) {
    // 超过了{x}: the particle does not part the word from the number.
    let (before, particle) = match before.strip_suffix('了') {
        Some(rest) => (rest, '了'.len_utf8()),
        None => (before, 0),
    };
    for QualifierWord { word, position, .. } in &words.qualifiers {
        if *position != Position::Before
            || !before.ends_with(word.as_str())
            || words.in_compound(before, before.len() - word.len(), word)
        {
            continue;
        }
        // 超过 ends with 过, not with 超: the longest word that ends the text.
        if words.qualifiers.iter().any(|q| {
            q.position == Position::Before
                && q.word.len() > word.len()
                && before.ends_with(q.word.as_str())
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
        report(word.len() + particle, code, message, Some(hint));
    }
}

/// 约为{x}, 约合{x}: a qualifier joined to the verb before the number, which
/// the placeholder's own qualifier would say again (约合约20533美元, round
/// 19); `{x.value}` keeps the text's word and the card's.
/// A share (`share`) has no `.value`: only the doubled word is said, and
/// the text's word is kept by dropping the share's qualifier.
pub(super) fn joined(
    before: &str,
    qualifier: Option<&str>,
    share: bool,
    words: &Words,
    report: &mut Report,
) {
    if let Some((joint, rest)) = joints(words)
        .filter_map(|j| before.strip_suffix(j).map(|r| (j, r)))
        .max_by_key(|(j, _)| j.len())
        && let Some(word) = words
            .qualifiers
            .iter()
            .filter(|q| {
                q.position == Position::Before
                    && rest.ends_with(q.word.as_str())
                    && !words.in_compound(rest, rest.len() - q.word.len(), &q.word)
            })
            .map(|q| q.word.as_str())
            .max_by_key(|w| w.len())
    {
        let said = format!("{word}{joint}");
        let (code, message, hint) = match qualifier {
            // Another qualifier of the data's (约为{x} with 左右): the text's
            // word is a second one.
            Some(q) if q != word => (
                "prose-qualifier-twice",
                tr!("prose-qualifier-twice", word = word),
                tr!("prose-qualifier-twice-hint", word = word),
            ),
            Some(_) => (
                "prose-qualifier-joined",
                tr!("prose-qualifier-joined", said = said.as_str(), word = word),
                if share {
                    tr!("prose-qualifier-joined-share-hint", said = said.as_str())
                } else {
                    tr!("prose-qualifier-joined-hint", said = said.as_str())
                },
            ),
            None if share => return,
            None => (
                "prose-qualifier-joined-exact",
                tr!("prose-qualifier-joined-exact", said = said.as_str()),
                tr!(
                    "prose-qualifier-joined-exact-hint",
                    word = word,
                    said = said.as_str()
                ),
            ),
        };
        report(said.len(), code, message, Some(hint));
    }
}

/// The verbs a qualifier before a number joins (约为, 约合, 约占, 约达);
/// the verbs of the vocabulary join it too (约增加).
const JOINED: [&str; 8] = ["为", "合", "占", "计", "达", "有", "是", "等于"];

/// Whether the text before a number ends with the qualifier `q`, alone or
/// joined to its verb (近{x.value}, 约合{x.value}).
pub(super) fn says_qualifier(before: &str, q: &str, words: &Words) -> bool {
    before.ends_with(q)
        || joints(words).any(|j| before.strip_suffix(j).is_some_and(|r| r.ends_with(q)))
}

/// The words a qualifier joins before a number: [`JOINED`] and the
/// vocabulary's verbs.
fn joints(words: &Words) -> impl Iterator<Item = &str> {
    JOINED.iter().copied().chain(words.verbs())
}

/// A number printed without the data's qualifier (`{id.value}`,
/// `{id.number}`): the text says it, beside the number (近{x.value},
/// 约合{x.value}) or later in the clause.
pub(super) fn left_to_text(
    before: &str,
    after: &str,
    qualifier: Option<&str>,
    printed: &dyn Fn(&Placeholder) -> Option<String>,
    words: &Words,
    report: &mut Report,
) {
    value_qualifier(before, after, qualifier, printed, words, report);
    if !qualifier.is_some_and(|q| says_qualifier(before, q, words)) {
        beside(before, qualifier, words, report);
    }
}

/// `{id.value}` prints the number without the qualifier the data gives it,
/// leaving it to the text (分别增长{a.value}、{b.value}以上; 近{a.value}、
/// {b.value}): the clause must say it, before the number for 近 and 超,
/// after it for 以上 and 余, or the text says less than the data.
pub(super) fn value_qualifier(
    before: &str,
    after: &str,
    qualifier: Option<&str>,
    printed: &dyn Fn(&Placeholder) -> Option<String>,
    words: &Words,
    report: &mut Report,
) {
    let Some(q) = qualifier.filter(|q| !q.trim().is_empty()) else {
        return;
    };
    let stops = ['，', '。', '；', '！', '？', '：', ','];
    let said = match words.qualifier(q) {
        Some(Position::Before) => before
            .rsplit(stops)
            .next()
            .is_some_and(|clause| clause.contains(q)),
        // Said in the words, or by the list's last member, which prints
        // its own, the same (分别增长{a.value}、{b}: 8%、8%以上; with 左右
        // on {a} it read 6%以上).
        _ => after.split(stops).next().is_some_and(|clause| {
            clause.contains(q)
                || super::placeholders(clause)
                    .is_ok_and(|found| found.iter().any(|p| printed(p).as_deref() == Some(q)))
        }),
    };
    if !said {
        report(
            0,
            "prose-qualifier-dropped",
            tr!("prose-qualifier-dropped", word = q),
            Some(tr!("prose-qualifier-dropped-hint", word = q)),
        );
    }
}

/// The words between a verb and its number that do not change its meaning:
/// 增长预计超过30%.
pub(super) fn strip_between<'t>(before: &'t str, words: &Words) -> &'t str {
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

/// Named again as what 的 joins to a noun (实现{t}的增长预期目标, round
/// 22), a number is no object of the verb before it: that verb governs the
/// noun. Only a verb that reaches a goal does so; any other verb says what
/// the number does (下降{x}的, 突破{t}的, 控制在{t}的, round 23).
fn attribute(again: bool, (before, after): (&str, &str), words: &Words) -> bool {
    const REACH: [&str; 6] = ["实现", "完成", "达到", "达成", "确保", "保持"];
    let before = before.strip_suffix('了').unwrap_or(before);
    // A qualifier before a number (突破, 超过) says what it does too.
    let before_words = words
        .qualifiers
        .iter()
        .filter(|q| q.position == Position::Before)
        .map(|q| q.word.as_str());
    let said = words
        .verbs()
        .chain(before_words)
        .filter(|w| before.ends_with(w))
        .max_by_key(|w| w.len());
    again && after.starts_with('的') && said.is_none_or(|w| REACH.contains(&w))
}

/// `同比增长{x.yoy}`: the text before the placeholder ends with the verb,
/// and with the basis before it when the data gives one. Said `again`
/// after a mention with its verb, the change may stand without it (5.2%的
/// 经济增长, round 19), never with another, unless as an attribute.
pub(super) fn change(
    verb: &str,
    basis: Option<&str>,
    (before, after): (&str, &str),
    again: bool,
    words: &Words,
    report: &mut Report,
) {
    if attribute(again, (before, after), words) {
        return;
    }
    let text = strip_between(before, words);
    let Some(rest) = text.strip_suffix(verb) else {
        // Named again, 了 may follow another verb (下降了{x.yoy}): still
        // another verb (round 20).
        let bare = if again {
            text.strip_suffix('了').unwrap_or(text)
        } else {
            text
        };
        // Named again, a target's verb is another verb too (新增{x.yoy}的
        // for a fall, round 23).
        let said = if again {
            words
                .verbs()
                .filter(|w| bare.ends_with(w))
                .max_by_key(|w| w.len())
        } else {
            words
                .changes()
                .filter(|w| bare.ends_with(w))
                .max_by_key(|w| w.len())
        };
        match said {
            Some(said) => report(
                said.len() + text.len() - bare.len(),
                "prose-change-contradicts",
                tr!("prose-change-contradicts", said = said, verb = verb),
                None,
            ),
            None if again => {}
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

/// A base year as reports write it: 比2020年, 较2019年, 比2020年同期, and
/// its end or start, 较2023年末, 比2022年底, 比2023年初; or a base period of
/// months, as monthly releases do: 较1-2月份, 比1—10月, 较10月, 比2023年12月末
/// (round 22). Any such is a basis without declaring it (a vocabulary word
/// holds no digit).
pub fn year_basis(basis: &str) -> bool {
    let Some(rest) = ["比", "较", "与"]
        .iter()
        .find_map(|w| basis.strip_prefix(w))
    else {
        return false;
    };
    let rest = ["同期", "末", "底", "初"]
        .iter()
        .find_map(|w| rest.strip_suffix(w))
        .unwrap_or(rest);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (year, months) = match rest.split_once('年') {
        Some((y, m)) => (Some(y), m),
        None => (None, rest),
    };
    if year.is_some_and(|y| y.len() != 4 || !digits(y)) {
        return false;
    }
    if months.is_empty() {
        return year.is_some();
    }
    let months = months.strip_suffix('份').unwrap_or(months);
    let Some(months) = months.strip_suffix('月') else {
        return false;
    };
    let bounds: Vec<&str> = months
        .split(['-', '—', '–', '－', '～', '~', '至'])
        .collect();
    bounds.len() <= 2
        && bounds
            .iter()
            .all(|m| digits(m) && m.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m)))
}

/// The base year that ends `text` (…比2012年), where one does.
fn year_basis_end(text: &str) -> Option<&str> {
    ["比", "较", "与"]
        .iter()
        .flat_map(|w| text.rmatch_indices(w))
        .map(|(i, _)| &text[i..])
        .find(|b| year_basis(b))
}

/// The adverbs of a list that stand between a basis and its verb without
/// changing either (同比分别增长5.1%、6.3%, 比上年均增长).
const LIST_ADVERBS: [&str; 3] = ["分别", "均", "都"];

/// The basis before a verb: the data's, or none where the text has none.
/// A list's adverb may stand between them (同比分别增长); a basis may end
/// with an adverb's word itself (the 均 of 年均增长 is no list's 均, round 19).
fn basis_of(basis: Option<&str>, rest: &str, verb: &str, words: &Words, report: &mut Report) {
    let readings: Vec<(&str, usize)> = std::iter::once((rest, 0))
        .chain(
            LIST_ADVERBS
                .iter()
                .find_map(|a| rest.strip_suffix(a).map(|r| (r, a.len()))),
        )
        .collect();
    // The longest basis the text says, in either reading: a word of the
    // vocabulary, or a base year (比2012年, which needs no declaring; round
    // 20: a card dropped it).
    let said = readings
        .iter()
        .flat_map(|&(r, adverb)| {
            words
                .bases
                .iter()
                .map(String::as_str)
                .filter(move |b| r.ends_with(b))
                .chain(year_basis_end(r))
                .map(move |b| (b, adverb))
        })
        .max_by_key(|(b, _)| b.len());
    match (basis, said) {
        // The data's basis is what the text says (a word the vocabulary
        // lacks is the data's own error, said once at the field).
        (Some(b), _) if readings.iter().any(|(r, _)| r.ends_with(b)) => {}
        (Some(b), _) => report(
            verb.len(),
            "prose-basis-missing",
            tr!("prose-basis-missing", basis = b, verb = verb),
            None,
        ),
        (None, Some((s, adverb))) => report(
            verb.len() + adverb + s.len(),
            "prose-basis-unmarked",
            tr!("prose-basis-unmarked", basis = s),
            Some(tr!("prose-basis-unmarked-hint", basis = s)),
        ),
        (None, None) => {}
    }
}

/// A target's verb (and basis) before its value, as the data has them; a
/// verb in the text that the data lacks is named.
/// Said `again` after a mention with its verb, the target may stand without
/// it (经济增长预期目标6.5%-7%, round 19), never with another.
pub(super) fn target_verb(
    t: &Target,
    (before, after): (&str, &str),
    again: bool,
    words: &Words,
    report: &mut Report,
) {
    if attribute(again, (before, after), words) {
        return;
    }
    let text = strip_between(before, words);
    match &t.verb {
        Some(verb) => {
            if let Some(rest) = text.strip_suffix(verb.as_str()) {
                basis_of(t.basis.as_deref(), rest, verb, words, report);
            } else if !again
                || words
                    .verbs()
                    .any(|w| text.strip_suffix('了').unwrap_or(text).ends_with(w))
            {
                report(
                    0,
                    "prose-target-verb",
                    tr!(
                        "prose-target-verb",
                        verb = verb.as_str(),
                        id = t.id.as_str()
                    ),
                    Some(tr!("prose-target-verb-hint", verb = verb.as_str())),
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
pub(super) fn share_scope(scope: &str, sentence: &str, words: &Words, report: &mut Report) {
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
pub(super) fn ranking(
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

/// The place a rank's placeholder prints (全市第一, 全市前列), typed again
/// after it or the verb typed twice before it: 均居全市第一第一,
/// 位居全市前列前列, 均居均居全市第一.
pub(super) fn rank_printed_twice(
    verb: Option<&str>,
    standing: Option<&str>,
    before: &str,
    after: &str,
    report: &mut Report,
) {
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十两".contains(c);
    let place = after
        .strip_prefix('第')
        .is_some_and(|rest| rest.starts_with(numeral))
        || ["前列", "之首", "前茅", "首位", "榜首"]
            .iter()
            .chain(standing.as_slice())
            .any(|w| after.starts_with(w));
    let verb_twice =
        verb.is_some_and(|v| before.strip_suffix(v).is_some_and(|rest| rest.ends_with(v)));
    if place || verb_twice {
        report(0, "prose-rank-twice", tr!("prose-rank-twice"), None);
    }
}

/// 预计 covers its whole sentence: every figure and ranking of a sentence
/// whose words before its first number include an estimate word (预计,
/// 初步统计 …) is an estimate, and an estimate stands in such a sentence.
pub(super) fn estimates(
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
        // 预计 covers the figures after it in its sentence: all of them at
        // its head, the later ones in its middle (…总投资突破{a}，预计全年完成
        // 投资突破{b}).
        let said_before = |at: usize| {
            words
                .estimates
                .iter()
                .filter_map(|w| {
                    text[start..at]
                        .match_indices(w.as_str())
                        .map(|(i, _)| start + i)
                        .find(|&i| !words.in_compound(text, i, w))
                        .map(|i| (i, w))
                })
                .min_by_key(|(i, _)| *i)
        };
        let mut seen = Vec::new();
        for p in inside {
            if seen.contains(&p.id) {
                continue;
            }
            seen.push(p.id);
            let said = said_before(p.start);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in vocabulary, as a project without its own reads it.
    fn built_in() -> Words {
        let built_in = yaml_serde::from_str(crate::data::vocabulary::BUILT_IN).unwrap();
        Words::merge(&built_in, None)
    }

    /// The first problem `change` finds for 增长 after `before`.
    fn first_of_change(
        basis: Option<&str>,
        before: &str,
        again: bool,
        words: &Words,
    ) -> Option<&'static str> {
        let mut said = Vec::new();
        change(
            "增长",
            basis,
            (before, "。"),
            again,
            words,
            &mut |_, code, _, _| said.push(code),
        );
        said.first().copied()
    }

    #[test]
    fn a_unit_after_a_placeholder_is_found_in_its_other_forms() {
        let words = built_in();
        for (after, unit, found) in [
            ("元，", "亿元", Some("元")),
            ("億元。", "亿元", Some("億元")),
            ("戶，", "万户", Some("戶")),
            ("个百分点。", "%", Some("个百分点")),
            ("百分点", "%", Some("百分点")),
            ("吨。", "亿元", Some("吨")),
            ("亿圆", "亿元", Some("亿圆")),
            ("个点，", "%", Some("个点")),
            ("万，", "万户", Some("万")),
            ("亿，", "亿元", Some("亿")),
            ("十四", "亿元", Some("十")),
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
    fn a_basis_stands_before_the_adverbs_of_a_list() {
        // 同比分别增长5.1%、6.3%: the basis before 分别, as reports write it.
        let words = built_in();
        for (before, basis, found) in [
            ("收入同比分别增长", Some("同比"), None),
            ("收入比上年均增长", Some("比上年"), None),
            ("收入分别同比增长", Some("同比"), None),
            ("收入分别增长", Some("同比"), Some("prose-basis-missing")),
            ("收入同比分别增长", None, Some("prose-basis-unmarked")),
            // 年均 is a basis ending with 均 (round 19: refused with its basis).
            ("研发经费投入年均增长", Some("年均"), None),
            ("研发经费投入年均增长", None, Some("prose-basis-unmarked")),
            (
                "研发经费投入比上年年均增长",
                Some("同比"),
                Some("prose-basis-missing"),
            ),
        ] {
            assert_eq!(
                first_of_change(basis, before, false, &words),
                found,
                "{before}"
            );
        }
    }

    #[test]
    fn words_typed_beside_a_placeholder_with_a_unit_are_found() {
        let words = built_in();
        for (before, after, unit, qualifier, found) in [
            // A unit with a magnitude before the number.
            ("资金亿元", "，", "亿元", None, Some("prose-unit-before")),
            ("新增万户", "。", "个", None, Some("prose-unit-before")),
            ("增长百分之", "。", "%", None, Some("prose-unit-before")),
            ("下降千分之", "。", "‰", None, Some("prose-unit-before")),
            ("增长百分之", "。", "亿元", None, None),
            // A measure word that ends a noun is no unit typed there.
            ("改革事项", "，", "项", None, None),
            ("诊疗人次", "。", "万人次", None, None),
            // 上下 is a qualifier after the number, as 左右 is.
            (
                "增长",
                "上下。",
                "%",
                Some("左右"),
                Some("prose-qualifier-twice"),
            ),
            ("增长", "上下。", "%", None, Some("prose-qualifier-in-text")),
            // 余 or 多 after the number and its unit, alone or before a unit.
            (
                "资金",
                "多，",
                "亿元",
                None,
                Some("prose-qualifier-in-text"),
            ),
            (
                "新增",
                "余户。",
                "万",
                None,
                Some("prose-qualifier-in-text"),
            ),
            (
                "新增",
                "多，",
                "万户",
                Some("余"),
                Some("prose-qualifier-twice"),
            ),
            // ... not as the first character of a word.
            ("资金", "多用于科技。", "亿元", None, None),
            ("完成", "余下任务。", "亿元", None, None),
        ] {
            let mut codes = Vec::new();
            printed_twice(
                before,
                after,
                Some(unit),
                Qualifier::Data(qualifier),
                &words,
                &mut |_, code, _, _| codes.push(code),
            );
            assert_eq!(
                codes.first().copied(),
                found,
                "{before}{{x}}{after} ({unit})"
            );
        }
    }

    #[test]
    fn a_base_year_is_a_basis() {
        for b in [
            "比2020年",
            "较2019年",
            "比2020年同期",
            "较2023年末",
            "比2022年底",
            "比2023年初",
            "较1-2月份",
            "比1—10月",
            "较10月",
            "比2023年12月末",
            "与1-11月",
        ] {
            assert!(year_basis(b), "{b}");
        }
        for b in [
            "比上年",
            "比20年",
            "2020年",
            "比二〇二〇年",
            "较2023末",
            "较2023年中",
            "较13月",
            "比1-2-3月",
            "较月",
            "比2023年月",
        ] {
            assert!(!year_basis(b), "{b}");
        }
        // Said in the text, it is the data's basis to carry (round 20).
        let words = built_in();
        for (before, basis, found) in [
            ("总量比2012年增长", None, Some("prose-basis-unmarked")),
            ("总量比2012年增长", Some("比2012年"), None),
            ("户数较2023年末增长", None, Some("prose-basis-unmarked")),
        ] {
            assert_eq!(
                first_of_change(basis, before, false, &words),
                found,
                "{before}"
            );
        }
    }

    #[test]
    fn a_qualifier_joined_to_its_verb_is_said_once() {
        // 约合约20533美元, 约为约33.3% (round 19).
        let words = built_in();
        let said = |before: &str, q: Option<&str>, share: bool| {
            let mut said = Vec::new();
            joined(before, q, share, &words, &mut |_, code, _, _| {
                said.push(code)
            });
            said
        };
        assert_eq!(
            said("人均生产总值约合", Some("约"), false),
            ["prose-qualifier-joined"]
        );
        assert_eq!(
            said("比重约为", Some("约"), true),
            ["prose-qualifier-joined"]
        );
        assert_eq!(
            said("人均生产总值约合", None, false),
            ["prose-qualifier-joined-exact"]
        );
        // A share has no .value: its text's word alone is fine.
        assert!(said("比重约为", None, true).is_empty());
        assert!(said("总额为", Some("约"), false).is_empty());
        assert!(said("签约为", None, false).is_empty());
        // 约达, 约增加: other verbs it joins (round 20); 约为 beside the
        // data's 左右 is a second qualifier, not a doubled one.
        assert_eq!(
            said("人均生产总值约达", Some("约"), false),
            ["prose-qualifier-joined"]
        );
        assert_eq!(
            said("营业收入约增加", Some("约"), false),
            ["prose-qualifier-joined"]
        );
        assert_eq!(
            said("增速约为", Some("左右"), false),
            ["prose-qualifier-twice"]
        );
    }

    #[test]
    fn a_change_or_target_said_again_may_stand_without_its_verb_never_with_another() {
        // 有6.5%-7%的增速, 5.2%的经济增长: the article names its own figure
        // again (round 19).
        let words = built_in();
        for (before, again, found) in [
            ("有", true, None),
            ("有", false, Some("prose-change-missing")),
            ("同比下降", true, Some("prose-change-contradicts")),
            // 了 after the other verb hides nothing (round 20).
            ("下降了", true, Some("prose-change-contradicts")),
            ("同比增长", true, None),
        ] {
            assert_eq!(
                first_of_change(Some("同比"), before, again, &words),
                found,
                "{before} {again}"
            );
        }
        // Named again as what 的 joins to a noun, after the verb that
        // governs the noun (实现{t}的增长预期目标, round 22); a verb of change
        // is still the number's own.
        for (before, again, found) in [
            ("实现", true, None),
            ("实现", false, Some("prose-target-verb")),
            ("实现了", true, None),
            ("下降", true, Some("prose-target-verb")),
            ("下降了", true, Some("prose-target-verb")),
            ("突破", true, Some("prose-target-verb")),
            ("控制在", true, Some("prose-target-verb")),
            ("新增", true, Some("prose-target-verb")),
            ("增长", true, None),
        ] {
            let t: crate::data::model::Target = yaml_serde::from_str(
                "{ id: t, indicator: 地区生产总值, verb: 增长, value: 6.5, unit: '%' }",
            )
            .unwrap();
            let mut said = Vec::new();
            target_verb(
                &t,
                (before, "的增长预期目标"),
                again,
                &words,
                &mut |_, code, _, _| said.push(code),
            );
            assert_eq!(said.first().copied(), found, "{before} {again}");
        }
    }
}
