//! Checks of the texts the documents print: not blank, not too long, no
//! word too long to break, no control character or stray mark, no number
//! typed before a heading the documents number, no tag word a card prints
//! itself, no placeholder where it would print as typed, and lists typed as
//! lists.

use super::Checker;
use crate::data::limits;
use crate::data::model::Fill;
use crate::tr;

impl Checker<'_> {
    /// A text shown in a document: not blank, not too long, no word too
    /// long to break, no control character.
    pub(super) fn shown(&mut self, path: &str, text: &str, max: usize) {
        if text.trim().is_empty() {
            self.report(path, "data-empty-text", tr!("data-empty-text"))
                .hint = Some(tr!("data-empty-text-hint"));
            return;
        }
        // Anywhere in the text: this year's words typed before it leave
        // last year's after it (round 18: printed in a finished build).
        // Or what is left of it when it was deleted in part (待改】2022年,
        // 【待改2022年, 】2022年), printed under --strict (round 30).
        let mark = crate::data::REVISE;
        let word = mark.trim_start_matches('【').trim_end_matches('】');
        let left = text
            .find(mark)
            .or_else(|| text.find(&format!("【{word}")))
            .or_else(|| text.find(&format!("{word}】")))
            .or_else(|| {
                text.trim_start()
                    .starts_with('】')
                    .then(|| text.find('】'))
                    .flatten()
            });
        if let Some(at) = left {
            let p = self.report(
                path,
                "data-revise",
                tr!("data-revise", mark = crate::data::REVISE),
            );
            p.todo = true;
            p.offset = Some(at);
            p.hint = Some(tr!("data-revise-hint", mark = crate::data::REVISE));
        }
        // A radical that looks like a character (⼯ for 工, ⻓ for 长), as
        // text copied from a PDF carries it: printed, it is no word search
        // or copying finds (round 29: 同比增⻓ said as not ending in 增长).
        if let Some((at, c)) = text
            .char_indices()
            .find(|(_, c)| matches!(*c, '\u{2E80}'..='\u{2EFF}' | '\u{2F00}'..='\u{2FDF}'))
        {
            use unicode_normalization::UnicodeNormalization;
            let plain: String = c.to_string().nfkc().collect();
            let p = self.report(
                path,
                "data-radical",
                tr!(
                    "data-radical",
                    radical = c.to_string(),
                    code = format!("U+{:04X}", c as u32),
                    plain = plain.as_str()
                ),
            );
            p.offset = Some(at);
            p.hint = Some(tr!("data-radical-hint", plain = plain.as_str()));
        }
        // 【待改】 goes when the text is revised: not counted against its limit.
        let len = text.replace(crate::data::REVISE, "").chars().count();
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
        if let Some(at) = crate::data::load::fullwidth_comment(text) {
            let p = self.report(path, "syntax-fullwidth-hash", tr!("syntax-fullwidth-hash"));
            p.offset = Some(at);
            p.hint = Some(tr!("syntax-fullwidth-hash-hint"));
        } else if let Some(at) = crate::data::load::glued_hash(text) {
            let p = self.report(path, "syntax-hash-glued", tr!("syntax-hash-glued"));
            p.offset = Some(at);
            p.hint = Some(tr!("syntax-hash-glued-hint"));
            p.warning = true;
        }
        // Two list items joined on one line (the line break between them
        // deleted): YAML reads one text, printed with its "- " (fuzz round
        // 27). A range's dash (14-16亿元) has no sentence end before it.
        if let Some(at) = joined_item(text) {
            let p = self.report(path, "syntax-joined-items", tr!("syntax-joined-items"));
            p.offset = Some(at);
            p.hint = Some(tr!("syntax-joined-items-hint"));
        }
        // Digits of another script or styled (𝟑𝟎𝟎 pasted from a WeChat
        // article, ٣٠٠): a number no check reads, printed in a math face.
        if let Some(at) = text.find(|c| other_digit(c).is_some()) {
            let digits: String = text[at..]
                .chars()
                .take_while(|c| other_digit(*c).is_some())
                .collect();
            let plain: String = digits
                .chars()
                .filter_map(other_digit)
                .map(|d| char::from(b'0' + d))
                .collect();
            let p = self.report(
                path,
                "prose-other-digits",
                tr!(
                    "prose-other-digits",
                    digits = digits.as_str(),
                    plain = plain.as_str()
                ),
            );
            p.offset = Some(at);
            p.hint = Some(tr!("prose-fullwidth-digits-hint"));
        }
        if let Some((at, c)) = text
            .char_indices()
            .find(|(_, c)| crate::data::load::forbidden(*c) || (c.is_control() && *c != '\n'))
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

    /// A text printed as written (every text but a paragraph), where a
    /// placeholder would show as typed.
    pub(super) fn text(&mut self, path: &str, text: &str, max: usize) {
        self.shown(path, text, max);
        // A space at either end of a name prints as a gap before its unit
        // or its mark (超百 个, 全市前列 。): a quoted "百 " or a U+3000
        // that YAML keeps.
        let edge = crate::data::prose::edge_space(text);
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
        let placeholder = crate::data::prose::placeholders(text)
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
        if let Some((at, mark, full)) = crate::data::prose::halfwidth_mark(text) {
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
        if name && let Some(at) = crate::data::prose::han_space(text) {
            let problem = self.report(path, "data-han-space", tr!("data-han-space"));
            problem.offset = Some(at);
            problem.warning = true;
        }
    }

    pub(super) fn fill_text(&mut self, path: &str, text: &Fill<String>, max: usize) {
        match text {
            Fill::Given(t) => self.text(path, t, max),
            Fill::Todo => self.todo(path),
        }
    }

    /// A part's or section's title, which the documents number themselves
    /// (一、 and （一）): a number typed before it, copied from the
    /// article, printed （二）（二）产业发展… .
    pub(super) fn heading(&mut self, path: &str, title: &Fill<String>) {
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
    pub(super) fn tag_word(&mut self, path: &str, label: &str, tags: &[String]) {
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
    pub(super) fn fill_paragraph(&mut self, path: &str, text: &Fill<String>) {
        match text {
            Fill::Given(t) => {
                self.shown(path, t, limits::PARAGRAPH);
                // The first-line indent of Word or WeChat pasted with the
                // paragraph (　　2022年，…): the documents indent it again
                // (round 29: printed four characters in, --strict passed).
                if t.starts_with(char::is_whitespace) && !t.trim().is_empty() {
                    let problem =
                        self.report(path, "data-paragraph-indent", tr!("data-paragraph-indent"));
                    problem.offset = Some(0);
                    problem.hint = Some(tr!("data-paragraph-indent-hint"));
                }
            }
            Fill::Todo => self.todo(path),
        }
    }

    /// Items of a list, each a short text; an item holding a full-width
    /// comma or 、 is a list typed as one text (`[甲，乙]`).
    pub(super) fn items(&mut self, path: &str, items: &[String], max: usize) {
        // (each item's first place, found once: 40,000 keywords took 27 s
        // compared each with those before it, round 26)
        let mut first_at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (i, item) in items.iter().enumerate() {
            let p = format!("{path}[{i}]");
            self.text(&p, item, max);
            if let Some(&first) = first_at.get(item.trim()) {
                self.report(
                    &p,
                    "data-item-twice",
                    tr!("data-item-twice", item = item.as_str(), first = first + 1),
                );
            } else {
                first_at.insert(item.trim(), i);
            }
            if let Some(at) = item.find(['，', '、']) {
                self.one_word(&p, item, at);
            }
        }
    }

    /// A list typed as one text (`[甲，乙]`): the mark at byte `at` of
    /// `text` runs its items together.
    pub(super) fn one_word(&mut self, path: &str, text: &str, at: usize) {
        let mark = text[at..].chars().next().unwrap_or('，');
        let e = if mark == '，' {
            self.report(
                path,
                "syntax-fullwidth-comma",
                tr!("syntax-fullwidth-comma"),
            )
        } else {
            self.report(
                path,
                "syntax-list-one-word",
                tr!("syntax-list-one-word", mark = mark.to_string()),
            )
        };
        e.offset = Some(at);
        e.hint = Some(tr!("syntax-fullwidth-comma-hint"));
    }
}

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

/// The value of a decimal digit of another script than Latin, or of a
/// styled one (mathematical bold 𝟑, Arabic-Indic ٣, Devanagari ३ …); none
/// for 0–9, full-width ０–９ (said apart) and every other character.
fn other_digit(c: char) -> Option<u8> {
    // The first digit (zero) of each run of ten, from Unicode's Nd.
    const ZEROS: [u32; 36] = [
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
        0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0,
        0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0,
        0xAA50, 0xABF0, 0x104A0,
    ];
    let u = c as u32;
    if (0x1D7CE..=0x1D7FF).contains(&u) {
        return Some(((u - 0x1D7CE) % 10) as u8);
    }
    if (0x1FBF0..=0x1FBF9).contains(&u) {
        return Some((u - 0x1FBF0) as u8);
    }
    ZEROS
        .iter()
        .find(|z| (**z..**z + 10).contains(&u))
        .map(|z| (u - z) as u8)
}

/// Where a list item's "- " follows a sentence's end in `text` (。- 举办…,
/// 。 - , 。      - ): the byte offset of the dash.
fn joined_item(text: &str) -> Option<usize> {
    let mut after_end = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '。' | '！' | '？' | '；' => after_end = true,
            ' ' | '\u{3000}' if after_end => {}
            '-' if after_end && chars.peek().is_some_and(|(_, n)| *n == ' ') => return Some(i),
            _ => after_end = false,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_item_joined_after_a_sentence_is_found_and_a_range_is_not() {
        assert_eq!(joined_item("达到10亿元以上。- 举办"), Some(23));
        assert_eq!(joined_item("以上！ \u{3000} - 举办"), Some(14));
        for fine in [
            "增长14-16亿元",
            "2019 - 2020年",
            "。-1.5%",
            "。—— 举办",
            "- 举办",
        ] {
            assert_eq!(joined_item(fine), None, "{fine}");
        }
    }

    #[test]
    fn digits_of_other_scripts_are_read_and_others_are_not() {
        assert_eq!(other_digit('𝟑'), Some(3));
        assert_eq!(other_digit('𝟎'), Some(0));
        assert_eq!(other_digit('٣'), Some(3));
        assert_eq!(other_digit('३'), Some(3));
        for c in ['3', '３', '〇', '①', '²', 'Ⅷ', '三', 'a'] {
            assert_eq!(other_digit(c), None, "{c}");
        }
    }

    #[test]
    fn unbroken_runs_are_measured() {
        assert_eq!(longest_run("增长3.5%左右"), Some(("增长".len(), 4)));
        assert_eq!(longest_run("QFLP（合格境外有限合伙人）"), Some((0, 4)));
        assert_eq!(longest_run("全部中文"), None);
        assert_eq!(longest_run("投资{urban_infrastructure_investment}，"), None);
    }

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
