//! Checks beyond types: words from the vocabulary, ranges and lengths, ids,
//! references, charts, the prose around placeholders, and what is still to
//! fill in. Every problem of every file is collected, not only the first.
//!
//! `mod.rs` holds the checker and its checks of single values; the files
//! beside it check one kind of entry each: `meta.rs` the document,
//! `parts.rs` both parts together (kinds, ids, sections, rankings),
//! `figures.rs`, `targets.rs` and `charts.rs`.

mod charts;
mod figures;
mod meta;
mod parts;
mod targets;

use std::collections::HashMap;

use super::Role;
use super::limits;
use super::model::{Fill, Num};
use super::prose::Named;
use super::vocabulary::{Meaning, Position, Words};
use crate::tr;

/// What the checks of one part may look up.
struct Index<'p> {
    /// Figures, rankings and targets of this part, by id.
    pub own: HashMap<&'p str, Named<'p>>,
    /// The achievements' (for the plan's comparisons); none when the
    /// achievements did not load.
    pub achieved: Option<&'p HashMap<&'p str, Named<'p>>>,
    /// Both parts' entries: what a paragraph may name (a paragraph that ends
    /// the results and opens the plan names both).
    pub named: HashMap<&'p str, Named<'p>>,
}

pub use meta::{dates, meta, template_word, todo_typed, vocabulary_file};
pub use parts::parts;

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
    /// A warning: an error only under `--strict`.
    pub warning: bool,
}

struct Checker<'w> {
    problems: Vec<Problem>,
    role: Role,
    words: &'w Words,
    /// Changes and targets said with their verb in the texts checked so
    /// far (`prose::check`).
    stated: std::collections::HashSet<String>,
}

impl<'w> Checker<'w> {
    fn new(role: Role, words: &'w Words) -> Self {
        Checker {
            problems: Vec::new(),
            role,
            words,
            stated: Default::default(),
        }
    }

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
            warning: false,
        });
        self.problems.last_mut().expect("just pushed")
    }

    /// A year a report may be about or dated in.
    fn year(&mut self, path: &str, year: i64) {
        if !limits::YEARS.contains(&year) {
            self.report(
                path,
                "data-year-range",
                tr!(
                    "data-year-range",
                    value = year,
                    lo = *limits::YEARS.start(),
                    hi = *limits::YEARS.end()
                ),
            );
        }
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

    /// A field the data must have, absent.
    fn missing(&mut self, path: impl Into<String>, field: &str) {
        self.report(
            path,
            "data-missing-field",
            tr!("data-missing-field", field = field),
        );
    }

    /// A text shown in a document: not blank, not too long, no word too
    /// long to break, no control character.
    fn shown(&mut self, path: &str, text: &str, max: usize) {
        if text.trim().is_empty() {
            self.report(path, "data-empty-text", tr!("data-empty-text"))
                .hint = Some(tr!("data-empty-text-hint"));
            return;
        }
        // Anywhere in the text: this year's words typed before it leave
        // last year's after it (round 18: printed in a finished build).
        if let Some(at) = text.find(super::REVISE) {
            let p = self.report(
                path,
                "data-revise",
                tr!("data-revise", mark = super::REVISE),
            );
            p.todo = true;
            p.offset = Some(at);
            p.hint = Some(tr!("data-revise-hint", mark = super::REVISE));
        }
        // 【待改】 goes when the text is revised: not counted against its limit.
        let len = text.replace(super::REVISE, "").chars().count();
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
        if let Some(at) = super::load::fullwidth_comment(text) {
            let p = self.report(path, "syntax-fullwidth-hash", tr!("syntax-fullwidth-hash"));
            p.offset = Some(at);
            p.hint = Some(tr!("syntax-fullwidth-hash-hint"));
        } else if let Some(at) = super::load::glued_hash(text) {
            let p = self.report(path, "syntax-hash-glued", tr!("syntax-hash-glued"));
            p.offset = Some(at);
            p.hint = Some(tr!("syntax-hash-glued-hint"));
            p.warning = true;
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

    /// A negative value after a verb of decrease: 下降-6.5% reads as a
    /// double negative.
    fn double_negative(&mut self, path: &str, verb: &str, v: &Num) {
        if v.get() < 0.0 && self.words.is_down(verb) {
            self.report(
                path,
                "data-double-negative",
                tr!("data-double-negative", verb = verb, value = v.to_string()),
            );
        }
    }

    /// A text printed as written (every text but a paragraph), where a
    /// placeholder would show as typed.
    fn text(&mut self, path: &str, text: &str, max: usize) {
        self.shown(path, text, max);
        // A space at either end of a name prints as a gap before its unit
        // or its mark (超百 个, 全市前列 。): a quoted "百 " or a U+3000
        // that YAML keeps.
        let edge = super::prose::edge_space(text);
        // Full-width digits are a typing mistake in a name as in a
        // paragraph (２０２３年, ６%).
        if let Some(at) = text.find(|c: char| ('０'..='９').contains(&c)) {
            let digits: String = text[at..]
                .chars()
                .take_while(|c| ('０'..='９').contains(c))
                .collect();
            let problem = self.report(
                path,
                "prose-fullwidth-digits",
                tr!("prose-fullwidth-digits", digits = digits.as_str()),
            );
            problem.offset = Some(at);
            problem.hint = Some(tr!("prose-fullwidth-digits-hint"));
        }
        if let Some(at) = edge
            && !text.trim().is_empty()
        {
            let problem = self.report(path, "data-edge-space", tr!("data-edge-space"));
            problem.offset = Some(at);
        }
        let placeholder = super::prose::placeholders(text)
            .ok()
            .and_then(|list| list.first().map(|p| p.start..p.end))
            .or_else(|| fullwidth_placeholder(text));
        if let Some(p) = placeholder {
            let placeholder = &text[p.clone()];
            let problem = self.report(
                path,
                "data-placeholder-outside-prose",
                tr!("data-placeholder-outside-prose", placeholder = placeholder),
            );
            problem.offset = Some(p.start);
            problem.hint = Some(tr!("data-placeholder-outside-prose-hint"));
        }
        // A space between Chinese characters in a name prints as a gap
        // (新增 市场主体). Headlines set two phrases apart so (稳中求进促发展
        // 向新而行谱新篇), and a byline's 记者 王某 has its own.
        let name =
            path.ends_with(".label") || path.ends_with(".indicator") || path.contains(".subjects[");
        if let Some((at, mark, full)) = super::prose::halfwidth_mark(text) {
            let mark = mark.to_string();
            let problem = self.report(
                path,
                "prose-halfwidth-mark",
                tr!("prose-halfwidth-mark", mark = mark.as_str()),
            );
            problem.offset = Some(at);
            problem.warning = true;
            problem.hint = Some(tr!(
                "prose-halfwidth-mark-hint",
                mark = mark.as_str(),
                full = full
            ));
        }
        if name && let Some(at) = super::prose::han_space(text) {
            let problem = self.report(path, "data-han-space", tr!("data-han-space"));
            problem.offset = Some(at);
            problem.warning = true;
        }
    }

    fn fill_text(&mut self, path: &str, text: &Fill<String>, max: usize) {
        match text {
            Fill::Given(t) => self.text(path, t, max),
            Fill::Todo => self.todo(path),
        }
    }

    /// A part's or section's title, which the documents number themselves
    /// (一、 and （一）): a number typed before it, copied from the
    /// article, printed （二）（二）产业发展… .
    fn heading(&mut self, path: &str, title: &Fill<String>) {
        if let Fill::Given(t) = title
            && let Some(number) = heading_number(t)
        {
            let e = self.report(
                path,
                "data-title-numbered",
                tr!("data-title-numbered", number = number),
            );
            e.hint = Some(tr!("data-title-numbered-hint", number = number));
        }
    }

    /// A figure's label or a ranking's subject names what is measured; the
    /// card prints the aim (力争) or the estimate (预计) as its tag, from the
    /// sentence or `estimate: true`, so one typed here was printed twice
    /// (力争 力争全年进出口总额).
    fn tag_word(&mut self, path: &str, label: &str, tags: &[String]) {
        let label = label.trim_start();
        let word = tags
            .iter()
            .filter(|w| label.starts_with(w.as_str()) && !self.words.in_compound(label, 0, w))
            .max_by_key(|w| w.len())
            .cloned();
        if let Some(word) = word {
            let e = self.report(
                path,
                "data-label-tag",
                tr!("data-label-tag", word = word.as_str()),
            );
            e.hint = Some(tr!("data-label-tag-hint", word = word.as_str()));
        }
    }

    /// A paragraph's text, whose placeholders `prose::check` reads.
    fn fill_paragraph(&mut self, path: &str, text: &Fill<String>) {
        match text {
            Fill::Given(t) => self.shown(path, t, limits::PARAGRAPH),
            Fill::Todo => self.todo(path),
        }
    }

    /// A word that must be in one of the vocabulary's lists: the nearest
    /// known word, and the lines that declare a new one in `meta.yaml`.
    fn word(&mut self, path: &str, word: &str, known: &[String], code: &'static str, list: &str) {
        if known.iter().any(|k| k == word) {
            return;
        }
        // Full-width quotes typed around a known word (`unit: “%”`) are
        // part of the text for YAML: the quotes to type are half-width.
        let bare = word.trim_matches(['“', '”', '‘', '’', '"', '\'', ' ', '\u{3000}', '\u{a0}']);
        if bare != word && known.iter().any(|k| k == bare) {
            let key = path.rsplit('.').next().unwrap_or(path);
            // Only spaces around it (`unit: "亿元 "`): no quotation mark to
            // speak of.
            let (message, hint) = if word.trim_matches([' ', '\u{3000}', '\u{a0}']) == bare {
                (
                    tr!("data-spaced-word", word = word),
                    tr!("hint-spaced-word", key = key, word = bare),
                )
            } else {
                (
                    tr!("data-quoted-word", word = word),
                    tr!("hint-quoted-word", key = key, word = bare),
                )
            };
            self.hinted(path, code, message, Some(hint));
            return;
        }
        let what = tr!("what", list = list);
        // The lines to add to meta.yaml, as YAML (a verb of change under
        // its direction).
        let declare = if list == "changes" {
            format!(
                "{}\n  vocabulary:\n    changes:\n      up: [{word}]",
                tr!("hint-vocabulary-change")
            )
        } else {
            format!(
                "{}\n  vocabulary:\n    {list}: [{word}]",
                tr!("hint-vocabulary")
            )
        };
        let hint = match super::error::nearest(word, known.iter().map(String::as_str)) {
            Some(n) => format!("{}\n{declare}", tr!("hint-did-you-mean", word = n)),
            None => declare,
        };
        let shown: Vec<&str> = known.iter().map(String::as_str).take(24).collect();
        let more = if known.len() > shown.len() { "…" } else { "" };
        self.hinted(
            path,
            code,
            tr!(
                "data-unknown-word",
                word = word,
                what = what,
                known = format!("{}{more}", shown.join("、"))
            ),
            Some(hint),
        );
    }

    fn unit(&mut self, path: &str, unit: &str) {
        if unit.trim().is_empty() {
            self.report(path, "data-empty-text", tr!("data-empty-text"))
                .hint = Some(tr!("data-empty-text-hint"));
            return;
        }
        let known = self.words.units.clone();
        self.word(path, unit, &known, "data-unknown-unit", "units");
    }

    /// A number's qualifier: a word of the vocabulary that fits the number.
    /// 余 and 多 stand between a count's magnitude and its unit (2万余户),
    /// which a rate has not (3.5多%); a range says where its number stands,
    /// with no 近 or 超 before it (近14—16亿元).
    fn qualifier(&mut self, path: &str, word: &str, unit: Option<&str>, range: bool) {
        let known: Vec<String> = self.words.qualifier_words().map(str::to_string).collect();
        self.word(path, word, &known, "data-unknown-qualifier", "qualifiers");
        match self.words.qualifier(word) {
            Some(Position::Inside) if unit.is_some_and(is_rate) => {
                self.report(
                    path,
                    "data-qualifier-rate",
                    tr!(
                        "data-qualifier-rate",
                        word = word,
                        unit = unit.unwrap_or("")
                    ),
                );
            }
            Some(Position::Inside | Position::Before) if range => {
                self.report(
                    path,
                    "data-qualifier-range",
                    tr!("data-qualifier-range", word = word),
                );
            }
            // A range has both its ends: 6%—7%以上 says two things.
            Some(Position::After)
                if range
                    && matches!(
                        self.words.meaning(word),
                        Some(Meaning::More | Meaning::Less)
                    ) =>
            {
                self.report(
                    path,
                    "data-qualifier-range-bound",
                    tr!("data-qualifier-range-bound", word = word),
                );
            }
            _ => {}
        }
    }

    /// A verb that is itself a qualifier (超过, 突破), or bounds its number
    /// (控制在), and a qualifier of the other way (超过近300家, 突破500家以内,
    /// 控制在5%以上).
    fn qualifier_verb(&mut self, path: &str, verb: &str, word: &str) {
        let (Some(a), Some(b)) = (self.words.meaning(verb), self.words.meaning(word)) else {
            return;
        };
        if matches!(
            (a, b),
            (Meaning::More, Meaning::Less) | (Meaning::Less, Meaning::More)
        ) {
            self.report(
                path,
                "data-qualifier-verb",
                tr!("data-qualifier-verb", verb = verb, word = word),
            );
        }
    }

    fn scope(&mut self, path: &str, scope: &str) {
        let known = self.words.scopes.clone();
        self.word(path, scope, &known, "data-unknown-scope", "scopes");
    }

    fn basis(&mut self, path: &str, basis: &str) {
        if super::prose::year_basis(basis) {
            return;
        }
        let known = self.words.bases.clone();
        self.word(path, basis, &known, "data-unknown-basis", "bases");
    }

    /// A number shown in a document: a sane magnitude and few decimals.
    fn number(&mut self, path: &str, value: &Num) {
        if value.get().abs() >= limits::MAX_VALUE {
            self.report(
                path,
                "data-value-range",
                tr!(
                    "data-value-range",
                    value = value.to_string(),
                    max = limits::MAX_VALUE_TEXT
                ),
            );
        } else if value.get() == 0.0 && value.text().starts_with('-') {
            // Printed as written: a report never says −0.
            self.report(
                path,
                "data-negative-zero",
                tr!("data-negative-zero", value = value.to_string()),
            );
        } else if value.decimals() > limits::DECIMALS {
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
                self.number(path, v);
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

    /// A value in `unit`: a rate (%, ‰, 个百分点) from −100 to 1000, an
    /// amount never negative.
    fn value(&mut self, path: &str, v: &Num, unit: Option<&str>) {
        if unit.is_some_and(is_rate) {
            self.percent(path, &Fill::Given(v.clone()), -100.0, 1000.0);
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

    /// A range's upper bound above its lower one, and its dash one the
    /// article may print.
    fn range(&mut self, path: &str, value: Option<&Num>, to: &Num, unit: Option<&str>) {
        self.value(&format!("{path}.to"), to, unit);
        if let Some(v) = value
            && to.get() <= v.get()
        {
            self.report(
                format!("{path}.to"),
                "data-range-order",
                tr!(
                    "data-range-order",
                    from = v.to_string(),
                    to = to.to_string()
                ),
            );
        }
    }

    fn dash(&mut self, path: &str, dash: Option<&str>, to: Option<&Num>) {
        match (dash, to) {
            (Some(_), None) => {
                self.report(
                    format!("{path}.dash"),
                    "data-dash-alone",
                    tr!("data-dash-alone"),
                );
            }
            (Some(d), Some(_)) if !DASHES.contains(&d) => {
                self.report(
                    format!("{path}.dash"),
                    "data-dash",
                    tr!("data-dash", value = d, known = DASHES.join(" ")),
                );
            }
            _ => {}
        }
    }

    /// How the article writes a number otherwise (`written`): it must say
    /// the same value, or the same range.
    fn written(
        &mut self,
        path: &str,
        written: &str,
        value: &Num,
        to: Option<&Num>,
        unit: Option<&str>,
    ) {
        self.text(path, written, limits::WRITTEN);
        // The unit follows the written number: 1.5万 before 万户 printed
        // 1.5万万户.
        // So does any magnitude after 万 or 亿: 1.2亿 before 万元 printed
        // 1.2亿万元.
        let magnitude = written
            .trim_end()
            .chars()
            .last()
            .filter(|c| "十百千万亿萬億".contains(*c));
        // 万 before 亿 is the magnitude 万亿 (突破4万亿元, round 22).
        let large = |c: char| "万亿萬億".contains(c);
        let wan_yi = magnitude.is_some_and(|m| "万萬".contains(m))
            && unit.is_some_and(|u| u.starts_with(['亿', '億']));
        if let (Some(m), Some(unit)) = (magnitude, unit)
            && (unit.starts_with(m) || (large(m) && unit.starts_with(large)))
            && !wan_yi
        {
            self.report(
                path,
                "data-written-unit",
                tr!(
                    "data-written-unit",
                    written = written,
                    unit = unit,
                    printed = format!("{written}{unit}")
                ),
            );
            return;
        }
        let same = |w: &str, n: &Num| {
            // The minus as typeset (−) or typed full-width (－) is the
            // article's sign.
            let w = w.trim();
            let (sign, w) = match w.strip_prefix(['-', '－', super::num::MINUS]) {
                Some(rest) => (-1.0, rest),
                None => (1.0, w),
            };
            let w = ungrouped(w);
            super::prose::chinese_number(&w).is_some_and(|x| (sign * x - n.get()).abs() < 1e-9)
        };
        // A range may hold a sign as well as its dash (-2-3, −2～−1):
        // any dash that leaves both ends reading right.
        let matches = match to {
            None => same(written, value),
            Some(to) => DASHES.iter().any(|d| {
                written
                    .match_indices(d)
                    .any(|(i, _)| same(&written[..i], value) && same(&written[i + d.len()..], to))
            }),
        };
        if !matches {
            self.report(
                path,
                "data-written",
                tr!("data-written", written = written, value = value.to_string()),
            );
        }
    }

    /// The id of the entry at `path`: a lowercase name (`new_jobs`).
    fn id(&mut self, path: &str, id: &str) {
        if !super::is_id(id) {
            self.report(
                format!("{path}.id"),
                "data-bad-id",
                tr!("data-bad-id", id = id),
            );
        }
    }

    /// Items of a list, each a short text; an item holding a full-width
    /// comma or 、 is a list typed as one text (`[甲，乙]`).
    fn items(&mut self, path: &str, items: &[String], max: usize) {
        for (i, item) in items.iter().enumerate() {
            let p = format!("{path}[{i}]");
            self.text(&p, item, max);
            if let Some(first) = items[..i].iter().position(|x| x.trim() == item.trim()) {
                self.report(
                    &p,
                    "data-item-twice",
                    tr!("data-item-twice", item = item.as_str(), first = first + 1),
                );
            }
            if let Some(at) = item.find(['，', '、']) {
                let e = if item[at..].starts_with('，') {
                    self.report(&p, "syntax-fullwidth-comma", tr!("syntax-fullwidth-comma"))
                } else {
                    self.report(
                        &p,
                        "syntax-list-one-word",
                        tr!("syntax-list-one-word", mark = "、"),
                    )
                };
                e.offset = Some(at);
                e.hint = Some(tr!("syntax-fullwidth-comma-hint"));
            }
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

/// The dashes of a range, as articles print them.
pub const DASHES: [&str; 7] = ["—", "－", "-", "～", "~", "至", "到"];

/// A placeholder typed with full-width braces (｛reform_items｝), as a
/// Chinese input method types it: its byte range.
fn fullwidth_placeholder(text: &str) -> Option<std::ops::Range<usize>> {
    let open = text.find('｛')?;
    let inner = &text[open + '｛'.len_utf8()..];
    let close = inner.find('｝')?;
    let id = &inner[..close];
    (!id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_.".contains(c)))
    .then(|| open..open + '｛'.len_utf8() + close + '｝'.len_utf8())
}

/// Units of a rate: a value in them may be negative (下降 as −2%).
pub fn is_rate(unit: &str) -> bool {
    matches!(unit, "%" | "‰" | "个百分点")
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

/// Digits grouped in threes as some sources print them (2,409, 12,345.67):
/// the number without its separators; anything else as it is.
fn ungrouped(text: &str) -> std::borrow::Cow<'_, str> {
    let (whole, rest) = text.split_at(text.find('.').unwrap_or(text.len()));
    let groups: Vec<&str> = whole.split(',').collect();
    let grouped = groups.len() > 1
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3);
    if grouped {
        std::borrow::Cow::Owned(groups.concat() + rest)
    } else {
        std::borrow::Cow::Borrowed(text)
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

    #[test]
    fn digits_grouped_in_threes_are_the_number_and_nothing_else_is() {
        for (written, plain) in [
            ("2,409", "2409"),
            ("12,345.67", "12345.67"),
            ("1,234,567", "1234567"),
            // Not grouped in threes: left as written, which then reads as no number.
            ("2,40,9", "2,40,9"),
            ("24,09", "24,09"),
            (",409", ",409"),
            ("2409", "2409"),
        ] {
            assert_eq!(ungrouped(written), plain, "{written}");
        }
    }
}

/// The heading number a title starts with, as typed: （二）, (3), 一、, 2.,
/// ①. A year (2022年) or a count (三大行动) is no heading number.
fn heading_number(title: &str) -> Option<&str> {
    let t = title.trim_start();
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let end = |len: usize| Some(&t[..len]);
    let mut chars = t.char_indices();
    let (_, first) = chars.next()?;
    if ('①'..='⑳').contains(&first) || ('⑴'..='⒇').contains(&first) {
        return end(first.len_utf8());
    }
    if matches!(first, '（' | '(') {
        let rest = &t[first.len_utf8()..];
        let digits = rest.chars().take_while(|c| numeral(*c)).count();
        let after: usize = rest.chars().take(digits).map(char::len_utf8).sum();
        let close = rest[after..].chars().next();
        if digits > 0 && matches!(close, Some('）' | ')')) {
            return end(first.len_utf8() + after + close?.len_utf8());
        }
        return None;
    }
    let digits = t.chars().take_while(|c| numeral(*c)).count();
    let after: usize = t.chars().take(digits).map(char::len_utf8).sum();
    let mut rest = t[after..].chars();
    match (digits, rest.next(), rest.next()) {
        (1..=3, Some(mark @ ('、' | '．')), _) => end(after + mark.len_utf8()),
        // 2. but not 2.5
        (1..=3, Some('.'), next) if !next.is_some_and(|c| c.is_ascii_digit()) => end(after + 1),
        _ => None,
    }
}

#[cfg(test)]
mod heading_tests {
    use super::heading_number;

    #[test]
    fn a_typed_heading_number_is_found_and_a_year_or_count_is_not() {
        for (title, number) in [
            ("（二）产业发展蒸蒸日上", Some("（二）")),
            ("(3)营商环境", Some("(3)")),
            ("一、2022年新区", Some("一、")),
            ("十二、其他", Some("十二、")),
            ("2. 重点工作", Some("2.")),
            ("3．重点工作", Some("3．")),
            ("①稳增长", Some("①")),
            ("2022年新区自我加压", None),
            ("三大行动成效显著", None),
            ("2.5产业园", None),
            ("（2022年）回顾", None),
            ("十四五开局", None),
        ] {
            assert_eq!(heading_number(title), number, "{title}");
        }
    }
}
