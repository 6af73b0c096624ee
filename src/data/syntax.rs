//! YAML syntax errors as office staff make them, said in their words at the
//! line they must change. The parser stops where the text stops making
//! sense, which is often the line after the mistake (a full-width colon is
//! read as part of a key that never ends); its English says how a parser
//! sees it. This pass reads the lines up to the parser's stop for the
//! mistakes people make when typing Chinese — full-width colons, commas,
//! spaces, quotes and braces used as YAML's own, keys and list items
//! indented wrongly, a value that starts with a character YAML reserves,
//! a quote left open — and names the character to replace with which.

use crate::tr;

/// A mistake found on a line: where, what, and how to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnosis {
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub col: usize,
    pub code: &'static str,
    pub message: String,
    pub hint: String,
}

/// What the parser said went wrong, in words people read: the line it
/// reached, and its own description (shown to English readers only).
pub fn diagnose(text: &str, stop_line: usize, parser: &str) -> Diagnosis {
    let lines: Vec<&str> = text.lines().collect();
    // The mistake is on the parser's line or before it; the nearest wins.
    let last = stop_line.min(lines.len()).max(1);
    let first = last.saturating_sub(8).max(1);
    // A line of three dots ends the YAML document: what follows is read as
    // another, whatever the parser then says (a clerk's ellipsis).
    if let Some(n) = (1..=last).find(|&n| lines[n - 1].trim_end() == "...") {
        return at(
            n,
            1,
            "syntax-document-end",
            tr!("syntax-document-end"),
            tr!("syntax-document-end-hint"),
        );
    }
    // An escape that is no character (\uD800) makes the parser run on to
    // the end of the file, however far above it stands.
    if parser.contains("end of stream") || parser.contains("quoted scalar") {
        for n in 1..=last {
            if let Some((i, escape)) = bad_escape(lines[n - 1]) {
                return at(
                    n,
                    col_of(lines[n - 1], i),
                    "syntax-bad-escape",
                    tr!("syntax-bad-escape", escape = escape),
                    tr!("syntax-bad-escape-hint"),
                );
            }
        }
    }
    for n in (first..=last).rev() {
        if let Some(d) = on_line(&lines, n) {
            return d;
        }
    }
    if let Some(d) = indentation(&lines, last) {
        return d;
    }
    // None of the usual slips: the parser's own finding, in brief's words
    // (its English never reaches the user, whatever the language).
    let message = if parser.contains("end of stream") || parser.contains("quoted scalar") {
        tr!("syntax-unclosed")
    } else if parser.contains("expected ',' or ']'") || parser.contains("expected ',' or '}'") {
        tr!("syntax-unclosed-bracket")
    } else if parser.contains("mapping values are not allowed") {
        tr!("syntax-stray-colon")
    } else if parser.contains("cannot start any token") {
        tr!("syntax-bad-start")
    } else {
        tr!("data-syntax")
    };
    Diagnosis {
        line: stop_line.max(1),
        col: 1,
        code: "data-syntax",
        message,
        hint: tr!("syntax-hint"),
    }
}

fn at(n: usize, col: usize, code: &'static str, message: String, hint: String) -> Diagnosis {
    Diagnosis {
        line: n,
        col,
        code,
        message,
        hint,
    }
}

/// Where full-width spaces end a plain value of `line` (`year: 2022　`,
/// `- 文字　  # 注`): the byte offset of the first.
pub fn trailing_fullwidth_space(line: &str) -> Option<usize> {
    let body = strip_comment(line).trim_end_matches(' ');
    let content = body.trim_start();
    let value = content
        .split_once(": ")
        .map(|(_, v)| v)
        .or_else(|| content.strip_prefix("- "))?;
    let value = value.trim_start_matches(' ');
    if value.starts_with(['"', '\'', '|', '>']) || !value.ends_with('\u{3000}') {
        return None;
    }
    let kept = value.trim_end_matches(['\u{3000}', ' ']);
    (!kept.is_empty()).then(|| body.len() - (value.len() - kept.len()))
}

/// The column (1-based, in characters) of byte `i` of `line`.
fn col_of(line: &str, i: usize) -> usize {
    line[..i].chars().count() + 1
}

/// A mistake of typing on line `n` of `text` (1-based), if the line shows
/// one: for errors found after parsing (a value of the wrong kind) whose
/// cause is a full-width character on their line.
pub fn typing_on_line(text: &str, n: usize) -> Option<Diagnosis> {
    let lines: Vec<&str> = text.lines().collect();
    (n >= 1 && n <= lines.len())
        .then(|| on_line(&lines, n))
        .flatten()
}

/// A mistake on line `n` itself.
fn on_line(lines: &[&str], n: usize) -> Option<Diagnosis> {
    let line = lines[n - 1];
    let body = strip_comment(line);
    let content = body.trim_start();
    let indent = body.len() - content.len();
    // Full-width space used as indentation, or a no-break space (pasted
    // from a web page or Word, round 24: the line after was reported).
    let margin = &body
        [..indent.max(body.len() - body.trim_start_matches([' ', '\u{3000}', '\u{a0}']).len())];
    if let Some((i, c)) = margin
        .char_indices()
        .find(|(_, c)| matches!(c, '\u{3000}' | '\u{a0}'))
    {
        let (code, message) = if c == '\u{3000}' {
            ("syntax-fullwidth-space", tr!("syntax-fullwidth-space"))
        } else {
            ("syntax-nbsp-indent", tr!("syntax-nbsp-indent"))
        };
        let hint = tr!("syntax-fullwidth-space-hint");
        return Some(at(n, col_of(line, i), code, message, hint));
    }
    // A full-width space after a value (typed in full-width mode before a
    // comment): invisible, and read as part of the value, which then is
    // no date, number or known word (round 27).
    if let Some(i) = trailing_fullwidth_space(line) {
        return Some(at(
            n,
            col_of(line, i),
            "syntax-trailing-space",
            tr!("syntax-trailing-space"),
            tr!("syntax-trailing-space-hint"),
        ));
    }
    // A backslash in double quotes that YAML reads as no escape: a Windows
    // path or a stray key (`"地区生产\q总值"`); the parser only says the
    // quoted text is bad, and stops on the line after it.
    if let Some((i, escape)) = bad_escape(line) {
        return Some(at(
            n,
            col_of(line, i),
            "syntax-bad-escape",
            tr!("syntax-bad-escape", escape = escape),
            tr!("syntax-bad-escape-hint"),
        ));
    }
    let item = content.strip_prefix("- ").unwrap_or(content);
    let item_at = body.len() - item.len();
    // A comment typed with the input method's ＃ at the start of a line (or
    // of an item): YAML reads it as text, and the line after it, or its
    // indentation, was blamed (hostile round 26).
    if item.starts_with('＃') {
        return Some(at(
            n,
            col_of(line, item_at),
            "syntax-fullwidth-hash",
            tr!("syntax-fullwidth-hash"),
            tr!("syntax-fullwidth-hash-hint"),
        ));
    }
    // A list dash with no space after it (`-加力助企纾困…`) where the line
    // above is an item at this indentation or the key of the list: no item
    // (round 24: said as a key indented otherwise, "8 spaces").
    if let Some(rest) = content.strip_prefix('-')
        && (rest
            .starts_with(|c: char| !c.is_ascii() || c.is_ascii_alphabetic() || "{\"'".contains(c))
            // `-2022年，…`: a paragraph that opens with its year (round 28:
            // said as a number with words, "write only -2022")
            || (rest.starts_with(|c: char| c.is_ascii_digit()) && !rest.is_ascii()))
        && in_list(lines, n, indent)
    {
        return Some(at(
            n,
            col_of(line, indent),
            "syntax-dash-space",
            tr!("syntax-dash-space"),
            tr!(
                "syntax-dash-space-hint",
                text = rest.chars().take(8).collect::<String>()
            ),
        ));
    }
    // A value that starts with a quote or a brace and goes on after it
    // closes: `"十四五"开局，…`, `{new_market_entities}全年新增…`. YAML takes
    // the quoted or braced part for the whole value (round 24: "the file
    // ended inside quotes", untrue, or a bare syntax error).
    let value_at = match item.find(':') {
        Some(i) if is_key(&item[..i]) => {
            let rest = &item[i + 1..];
            item_at + i + 1 + (rest.len() - rest.trim_start().len())
        }
        _ if content.starts_with("- ") => item_at,
        _ => body.len(),
    };
    // A list item that starts with a character YAML reserves: `- *加快*建设`
    // (emphasis as in a chat message) is an alias, `&` an anchor, `!` a tag
    // (round 27: a bare syntax error). A key's value is said below.
    if value_at == item_at
        && content.starts_with("- ")
        && let Some(c) = item.chars().next()
        && "*&!%@`".contains(c)
    {
        return Some(at(
            n,
            col_of(line, value_at),
            "syntax-reserved",
            tr!("syntax-reserved", ch = c.to_string()),
            tr!("syntax-reserved-item-hint", value = item.trim_end()),
        ));
    }
    if let Some(code) = runs_on(&body[value_at..]) {
        let (message, hint) = match code {
            "syntax-brace-start" => (tr!("syntax-brace-start"), tr!("syntax-brace-start-hint")),
            "syntax-bracket-start" => (
                tr!("syntax-bracket-start"),
                tr!("syntax-bracket-start-hint"),
            ),
            _ => {
                let quote = body[value_at..].chars().next().unwrap_or('"').to_string();
                (
                    tr!("syntax-quote-start", quote = quote),
                    tr!("syntax-quote-start-hint"),
                )
            }
        };
        return Some(at(n, col_of(line, value_at), code, message, hint));
    }
    // A key ended by a full-width colon: `label：新开发就业岗位`.
    if let Some(i) = item.find('：') {
        let key = &item[..i];
        if is_key(key) && !item[..i].contains(':') {
            return Some(at(
                n,
                col_of(line, item_at + i),
                "syntax-fullwidth-colon",
                tr!("syntax-fullwidth-colon", key = key.trim()),
                tr!("syntax-fullwidth-colon-hint", key = key.trim()),
            ));
        }
    }
    // The same inside a key's value (`label: 全年进出口总额: 以上`): YAML
    // cannot read a second key on the line (round 26: a 【 line above, or
    // an indentation far above, was blamed).
    if let Some(i) = item.find(": ")
        && is_key(&item[..i])
    {
        let value = &item[i + 2..];
        let v = value.trim_start();
        if let Some(j) = v.find(": ")
            && !v[..j].is_ascii()
            // (a mapping or list typed with full-width brackets is said below)
            && !v.starts_with(['"', '\'', '{', '[', '|', '>', '&', '*', '!', '｛', '［'])
        {
            return Some(at(
                n,
                col_of(line, item_at + i + 2 + (value.len() - v.len()) + j),
                "syntax-colon-in-text",
                tr!("syntax-colon-in-text"),
                tr!("syntax-colon-in-text-hint"),
            ));
        }
    }
    // `: ` inside a paragraph typed with the input method in English mode
    // (`主要目标是: 全区…`): YAML reads a key and its value, and the
    // paragraph as fields (round 24: said so in YAML's words only).
    if content.starts_with("- ")
        && let Some(i) = item.find(": ")
        && !is_key(&item[..i])
        && !item[..i].is_ascii()
        && !item.starts_with(['"', '\'', '{', '['])
    {
        return Some(at(
            n,
            col_of(line, item_at + i),
            "syntax-colon-in-text",
            tr!("syntax-colon-in-text"),
            tr!("syntax-colon-in-text-hint"),
        ));
    }
    // A key with no space after its colon: `value:14`, or a value ended by
    // a full-width space or a no-break space after the colon.
    if let Some(i) = item.find(':') {
        let key = &item[..i];
        let rest = &item[i + 1..];
        if is_key(key) {
            if let Some(c) = rest.chars().next()
                && (c == '\u{3000}' || c == '\u{a0}')
            {
                return Some(at(
                    n,
                    col_of(line, item_at + i + 1),
                    "syntax-odd-space",
                    tr!("syntax-odd-space", key = key.trim()),
                    tr!("syntax-odd-space-hint", key = key.trim()),
                ));
            }
            if !rest.is_empty() && !rest.starts_with([' ', '\t']) && !key.contains(['"', '\'']) {
                return Some(at(
                    n,
                    col_of(line, item_at + i + 1),
                    "syntax-colon-space",
                    tr!("syntax-colon-space", key = key.trim()),
                    tr!("syntax-colon-space-hint", key = key.trim()),
                ));
            }
            let value = rest.trim();
            // A value starting with a character YAML reserves: `unit: %`.
            if let Some(c) = value.chars().next()
                && matches!(c, '%' | '@' | '`' | '*' | '&' | '!' | '|' | '>')
                && !(matches!(c, '|' | '>') && value.len() <= 2)
            {
                return Some(at(
                    n,
                    col_of(
                        line,
                        item_at + i + 1 + (rest.len() - rest.trim_start().len()),
                    ),
                    "syntax-reserved",
                    tr!("syntax-reserved", ch = c.to_string()),
                    tr!("syntax-reserved-hint", key = key.trim(), value = value),
                ));
            }
            // A quote opened and never closed on the line.
            for q in ['"', '\''] {
                if value.starts_with(q) && (value.len() == 1 || !value[1..].contains(q)) {
                    return Some(at(
                        n,
                        col_of(
                            line,
                            item_at + i + 1 + (rest.len() - rest.trim_start().len()),
                        ),
                        "syntax-open-quote",
                        tr!("syntax-open-quote", quote = q.to_string()),
                        tr!("syntax-open-quote-hint", quote = q.to_string()),
                    ));
                }
            }
            // A list or mapping opened and not closed on its line: `value: [14`.
            if let Some(open) = value.chars().next()
                && matches!(open, '[' | '{')
            {
                let close = if open == '[' { ']' } else { '}' };
                let depth = value.chars().fold(0i32, |d, c| match c {
                    c if c == open => d + 1,
                    c if c == close => d - 1,
                    _ => d,
                });
                // `{ primary: #1F4E79 }`: the bracket is closed, after a `#`
                // that made the rest of the line a comment.
                if depth > 0
                    && let Some((at_hash, key, colour)) = hash_value(line)
                {
                    return Some(at(
                        n,
                        col_of(line, at_hash),
                        "syntax-hash-comment",
                        tr!("syntax-hash-comment", value = colour.as_str()),
                        tr!(
                            "syntax-hash-comment-hint",
                            key = key.as_str(),
                            value = colour.as_str()
                        ),
                    ));
                }
                if depth > 0 {
                    return Some(at(
                        n,
                        col_of(line, body.find(open).unwrap_or(0)),
                        "syntax-open-bracket",
                        tr!("syntax-open-bracket", ch = open.to_string()),
                        tr!(
                            "syntax-open-bracket-hint",
                            ch = open.to_string(),
                            close = close.to_string()
                        ),
                    ));
                }
            }
            // Full-width brackets or braces where a list or a mapping was meant.
            // A text may start with 【 (brief's own 【待改】, a headline's
            // 【聚焦】): only 【甲，乙】 reads as a list (round 26: a colon slip
            // below a 【待改】 title was blamed on the title).
            let list = |v: &str| v.trim_end().ends_with('】') && v.contains(['，', ',', '、']);
            if let Some(c) = value.chars().next()
                && (matches!(c, '［' | '｛') || (c == '【' && list(value)))
            {
                let half = match c {
                    '［' | '【' => "[ ]",
                    _ => "{ }",
                };
                return Some(at(
                    n,
                    col_of(line, body.find(c).unwrap_or(0)),
                    "syntax-fullwidth-bracket",
                    tr!("syntax-fullwidth-bracket", ch = c.to_string()),
                    tr!("syntax-fullwidth-bracket-hint", half = half),
                ));
            }
            // A mapping whose keys a full-width comma runs together:
            // `{ value: 14.3， verb: 增长 }` (the value 14.3， verb: a text).
            if value.starts_with('{')
                && let Some(j) = body.find('，')
                && body[j + '，'.len_utf8()..]
                    .trim_start()
                    .split_once(':')
                    .is_some_and(|(k, _)| is_key(k) && !k.contains(['，', ' ']))
            {
                return Some(at(
                    n,
                    col_of(line, j),
                    "syntax-fullwidth-comma-map",
                    tr!("syntax-fullwidth-comma-map"),
                    tr!("syntax-fullwidth-comma-map-hint"),
                ));
            }
            // A list that is one text: `[公共预算收入，工业增加值]`.
            if value.starts_with('[') && value.contains('，') && !value.contains(',') {
                let j = body.find('，').unwrap_or(0);
                return Some(at(
                    n,
                    col_of(line, j),
                    "syntax-fullwidth-comma",
                    tr!("syntax-fullwidth-comma"),
                    tr!("syntax-fullwidth-comma-hint"),
                ));
            }
        }
    }
    // A list item's dash typed full-width: `－ id: x`, or `—id: x` where an
    // item stands (round 30).
    if let Some(rest) = content.strip_prefix(['－', '—', '–'])
        && (rest.starts_with(' ')
            || (rest.starts_with(|c: char| c.is_ascii_alphabetic()) && in_list(lines, n, indent)))
    {
        return Some(at(
            n,
            indent + 1,
            "syntax-fullwidth-dash",
            tr!("syntax-fullwidth-dash"),
            tr!("syntax-fullwidth-dash-hint"),
        ));
    }
    None
}

/// Whether line `n` (1-based), at `indent`, stands where a list's item
/// does: the nearest line above at this indentation or less is an item at
/// it, or the key of the list (lines indented further are the items above:
/// `-id: x` after a figure's keys, round 30).
fn in_list(lines: &[&str], n: usize, indent: usize) -> bool {
    let above = lines[..n - 1]
        .iter()
        .map(|l| strip_comment(l))
        .filter(|l| !l.trim().is_empty())
        .rfind(|l| l.len() - l.trim_start().len() <= indent);
    above.is_some_and(|a| {
        let c = a.trim_start();
        let at = a.len() - c.len();
        (c.starts_with("- ") && at == indent) || (c.trim_end().ends_with(':') && at < indent)
    })
}

/// A line's text before its comment (` #` outside quotes).
/// The first backslash in a double-quoted text of `line` that starts no
/// escape YAML knows, with what follows it (`\q`).
fn bad_escape(line: &str) -> Option<(usize, String)> {
    const ESCAPES: &str = "0abt\tnvfre \"/\\N_LPxuU";
    let mut quote = None;
    let mut chars = line.char_indices();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            (None, '#') if i == 0 || line[..i].ends_with([' ', '\t']) => return None,
            (None, '"' | '\'') => quote = Some(c),
            (Some('"'), '\\') => match chars.next() {
                // \uD800: half of a UTF-16 pair, or digits that are no
                // character, which the parser reports as a quote never
                // closed at the end of the file.
                Some((at, e @ ('x' | 'u' | 'U'))) => {
                    let n = match e {
                        'x' => 2,
                        'u' => 4,
                        _ => 8,
                    };
                    let hex: String = line[at + 1..].chars().take(n).collect();
                    let valid = hex.len() == n
                        && u32::from_str_radix(&hex, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .is_some();
                    if !valid {
                        return Some((i, format!("\\{e}{hex}")));
                    }
                }
                Some((_, e)) if ESCAPES.contains(e) => {}
                Some((_, e)) => return Some((i, format!("\\{e}"))),
                // A line break escaped: the text goes on on the next line.
                None => return None,
            },
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
    }
    None
}

fn strip_comment(line: &str) -> &str {
    let mut quote = None;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') if i == 0 || line[..i].ends_with([' ', '\t']) => return &line[..i],
            _ => {}
        }
    }
    line
}

/// A key as data files write them: a lowercase name (`label`, `yoy`).
/// Whether `value` starts with a quoted text or a `{…}`/`[…]` that closes
/// on the line with more text after it: the code of the slip.
fn runs_on(value: &str) -> Option<&'static str> {
    let mut chars = value.char_indices();
    let (_, open) = chars.next()?;
    let end = match open {
        '"' => {
            let mut escaped = false;
            chars
                .find(|&(_, c)| {
                    let close = c == '"' && !escaped;
                    escaped = c == '\\' && !escaped;
                    close
                })?
                .0
        }
        // '' inside single quotes is a quote of the text.
        '\'' => {
            let mut at = 1;
            loop {
                let i = at + value[at..].find('\'')?;
                if value[i + 1..].starts_with('\'') {
                    at = i + 2;
                } else {
                    break i;
                }
            }
        }
        '{' | '[' => {
            let mut depth = 0usize;
            let mut quote: Option<char> = None;
            chars
                .find(|&(_, c)| {
                    match (quote, c) {
                        (Some(q), c) if c == q => quote = None,
                        (Some(_), _) => {}
                        (None, '"' | '\'') => quote = Some(c),
                        (None, '{' | '[') => depth += 1,
                        (None, '}' | ']') => {
                            if depth == 0 {
                                return true;
                            }
                            depth -= 1;
                        }
                        _ => {}
                    }
                    false
                })?
                .0
        }
        _ => return None,
    };
    let after = value[end + 1..].trim_start();
    // (a quoted key, `"a": 1`, is YAML's own)
    if after.is_empty() || after.starts_with(['#', ',', ']', '}', ':']) {
        return None;
    }
    Some(match open {
        '{' => "syntax-brace-start",
        '[' => "syntax-bracket-start",
        _ => "syntax-quote-start",
    })
}

fn is_key(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Keys and list items indented where no block of the lines above is: a
/// key indented less than the keys beside it (or at its list's dashes), a
/// list item further than the items above it. Returns the first such line
/// up to `last`.
fn indentation(lines: &[&str], last: usize) -> Option<Diagnosis> {
    // The indentation of each open block: (indent, is a list).
    let mut open: Vec<(usize, bool)> = vec![(0, false)];
    // Inside a block scalar (`key: |`): its lines are text.
    let mut scalar: Option<usize> = None;
    let key_error = |n: usize, indent: usize, spaces: usize| {
        at(
            n,
            indent + 1,
            "syntax-key-indent",
            tr!("syntax-key-indent"),
            tr!("syntax-key-indent-hint", spaces = spaces),
        )
    };
    let item_error = |n: usize, indent: usize, spaces: usize| {
        at(
            n,
            indent + 1,
            "syntax-item-indent",
            tr!("syntax-item-indent"),
            tr!("syntax-item-indent-hint", spaces = spaces),
        )
    };
    let flowing = flow_open(&lines[..last.min(lines.len())]);
    for n in 1..=last.min(lines.len()) {
        let body = strip_comment(lines[n - 1]);
        if body.trim().is_empty() {
            continue;
        }
        let indent = body.len() - body.trim_start_matches(' ').len();
        if let Some(s) = scalar {
            if indent > s {
                continue;
            }
            scalar = None;
        }
        let content = &body[indent..];
        let list = content.starts_with("- ") || content == "-";
        // The blocks this line leaves: the last one left, and the first
        // (the keys right above it, which a key one space short is meant
        // beside: round 28 named the item's dash).
        let (mut popped, mut innermost) = (None, None);
        while open.len() > 1 && open.last().is_some_and(|(i, _)| *i > indent) {
            popped = open.pop().map(|(i, _)| i);
            innermost = innermost.or(popped);
        }
        let (top, top_list) = *open.last().expect("the file's own block");
        // A line that opens a deeper block: a key with no value on its
        // line, or a dash with nothing after it.
        let opens = previous(lines, n).is_some_and(|p| {
            let p = strip_comment(p).trim_end();
            p.ends_with(':') || p.trim_start() == "-"
        });
        // Text that is neither a key nor an item (a sentence pasted on its
        // own line, a paragraph's end wrapped by an editor): deeper than
        // its block it continues the value above, as YAML reads it; at or
        // left of the block it is the mistake, whatever the parser blames
        // afterwards (round 26: the correct item below was).
        if !list && !key_like(content) && !flowing[n - 1] {
            if indent > top && !opens && continues(lines, n) {
                continue;
            }
            if indent <= top {
                return Some(at(
                    n,
                    indent + 1,
                    "syntax-stray-text",
                    tr!("syntax-stray-text"),
                    tr!("syntax-stray-text-hint"),
                ));
            }
        }
        if indent > top {
            // A new, deeper block: the value of a key that has none on its
            // line, or the contents of a list item.
            if !opens {
                return Some(if list {
                    item_error(n, indent, top)
                } else {
                    key_error(n, indent, innermost.unwrap_or(top))
                });
            }
            open.push((indent, list));
        } else if indent < top && !open.iter().any(|(i, _)| *i == indent) {
            return Some(key_error(n, indent, top));
        } else if indent == top && list && !top_list && !opens {
            // A list item where the keys of a mapping are.
            return Some(item_error(
                n,
                indent,
                open.iter().rev().find(|(_, l)| *l).map_or(0, |(i, _)| *i),
            ));
        } else if indent == top && !list && top_list {
            // A key at its list's dashes: it belongs inside the item.
            return Some(key_error(n, indent, popped.unwrap_or(indent + 2)));
        } else if indent == top && list && !top_list {
            open.push((indent, true));
        }
        // The keys of a list item start after its dash (its text is no
        // block: the lines that continue it may stand left of it).
        if list {
            let rest = content[1..].trim_start();
            if key_like(rest) || rest.starts_with('-') {
                open.push((indent + (content.len() - rest.len()), false));
            }
        }
        let end = content.trim_end();
        if end.ends_with(": |")
            || end.ends_with(": >")
            || end.ends_with(": |-")
            || end.ends_with(": >-")
        {
            scalar = Some(indent);
        }
    }
    None
}

/// Whether `content` (a line without its indentation) reads as a key: a
/// name, then a colon at the end or before a space.
fn key_like(content: &str) -> bool {
    let content = content.trim_end();
    content.ends_with(':') || content.contains(": ") || content.starts_with('#')
}

/// Whether line `n` follows a line that carries a value on it (a key with
/// its value, or an item with its text), which a deeper line continues.
fn continues(lines: &[&str], n: usize) -> bool {
    previous(lines, n).is_some_and(|p| {
        let p = strip_comment(p).trim();
        !p.ends_with(':') && p != "-"
    })
}

/// For each line, whether it is inside brackets or quotes opened on a line
/// above (a flow list or a quoted text over several lines), where any
/// indentation is allowed. One pass: the lines before each are read once.
fn flow_open(lines: &[&str]) -> Vec<bool> {
    let mut open = Vec::with_capacity(lines.len());
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    for line in lines {
        open.push(depth > 0 || quote.is_some());
        let line = if quote.is_some() {
            line
        } else {
            strip_comment(line)
        };
        let mut before = ' ';
        let mut escaped = false;
        for c in line.chars() {
            match (quote, c) {
                (Some('"'), '\\') if !escaped => escaped = true,
                (Some(q), c) if c == q && !escaped => quote = None,
                (Some(_), _) => escaped = false,
                // A quote opens a text only where a value starts.
                (None, '"' | '\'') if matches!(before, ' ' | '[' | '{' | ',' | ':' | '-') => {
                    quote = Some(c)
                }
                (None, '[' | '{') => depth += 1,
                (None, ']' | '}') => depth = (depth - 1).max(0),
                _ => {}
            }
            before = c;
        }
    }
    open
}

fn previous<'a>(lines: &[&'a str], n: usize) -> Option<&'a str> {
    lines[..n - 1]
        .iter()
        .rev()
        .find(|l| !strip_comment(l).trim().is_empty())
        .copied()
}

/// A value written `#…` after a key's colon on `line` (a colour unquoted):
/// where the `#` is, the key, and the value up to the next `,` `}` `]`.
fn hash_value(line: &str) -> Option<(usize, String, String)> {
    let mut from = 0;
    while let Some(i) = line[from..].find(": #").map(|i| i + from) {
        let value: String = line[i + 2..]
            .chars()
            .take_while(|c| !matches!(c, ',' | '}' | ']' | ' '))
            .collect();
        let key = line[..i]
            .rsplit(['{', ',', '[', ' '])
            .find(|k| !k.is_empty())
            .unwrap_or_default()
            .to_string();
        if value.len() > 1 {
            return Some((i + 2, key, value));
        }
        from = i + 3;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str, stop: usize) -> (usize, &'static str) {
        let d = diagnose(text, stop, "parser says");
        (d.line, d.code)
    }

    #[test]
    fn a_full_width_comma_between_keys_of_braces_is_named() {
        assert_eq!(
            code(
                "figures:\n  - id: a\n    yoy: { value: 14.3， verb: 增长, basis: 同比 }\n  - id: b\n",
                4
            ),
            (3, "syntax-fullwidth-comma-map")
        );
    }

    #[test]
    fn a_colour_unquoted_in_braces_is_said_as_a_comment() {
        assert_eq!(
            code("colors: { primary: #1F4E79, figure: #C00000 }\n", 1),
            (1, "syntax-hash-comment")
        );
        assert_eq!(code("a: [1, 2\n", 1), (1, "syntax-open-bracket"));
    }

    #[test]
    fn full_width_characters_are_found_on_their_own_line() {
        assert_eq!(
            code("a: 1\nlabel：新开发就业岗位\nb: 2\n", 3),
            (2, "syntax-fullwidth-colon")
        );
        assert_eq!(
            code("a: 1\n\u{3000}b: 2\n", 2),
            (2, "syntax-fullwidth-space")
        );
        // A no-break space pasted as indentation (round 24: reported at the
        // next line, with "indent 0 spaces").
        assert_eq!(
            code("a:\n  b: 1\n\u{a0}\u{a0}c: 2\n  d: 3\n", 4),
            (3, "syntax-nbsp-indent")
        );
        assert_eq!(code("unit: %\n", 1), (1, "syntax-reserved"));
        // An item that starts with one (round 27: a bare syntax error).
        let d = typing_on_line("p:\n  - *加快*建设新区。\n", 2).unwrap();
        assert_eq!((d.line, d.col, d.code), (2, 5, "syntax-reserved"));
        assert!(d.message.contains('*'), "{}", d.message);
        // A value that starts with a list and goes on is said as a list.
        assert_eq!(
            code("p:\n  - [2023年] 全区增长。\n  - 下一段\n", 3),
            (2, "syntax-bracket-start")
        );
        // `: ` in a paragraph (round 24: "a mapping here, text expected").
        let d = typing_on_line("lead:\n  - 主要目标是: 全区增长。\n", 2).unwrap();
        assert_eq!((d.line, d.col, d.code), (2, 10, "syntax-colon-in-text"));
        // A list dash without its space (round 24: said as a key's indent).
        assert_eq!(
            code("p:\n  - 第一段。\n  -加力助企纾困。\n  - 第三段\n", 4),
            (3, "syntax-dash-space")
        );
        assert_eq!(
            code("p:\n  -加力助企纾困。\n  - 第二段\n", 3),
            (2, "syntax-dash-space")
        );
        // A paragraph that opens with its year (round 28); a negative
        // number is no such slip.
        let d = typing_on_line("p:\n  -2022年，全区增长。\n", 2).unwrap();
        assert_eq!((d.line, d.code), (2, "syntax-dash-space"));
        assert!(typing_on_line("p:\n  -2022\n", 2).is_none_or(|d| d.code != "syntax-dash-space"));
        // After the keys of the item above (round 30: said as an indent).
        let d = typing_on_line("f:\n  - id: a\n    value: 1\n  -id: b\n    value: 2\n", 4).unwrap();
        assert_eq!((d.line, d.code), (4, "syntax-dash-space"));
        let d = typing_on_line("f:\n  - id: a\n    value: 1\n  —id: b\n", 4).unwrap();
        assert_eq!((d.line, d.code), (4, "syntax-fullwidth-dash"));
        // A value that starts with quotes or a brace and goes on (round 24).
        assert_eq!(
            code(
                "a: 1\nsubheadline: \"六个龙江\"建设中扛起新区担当\nb: 2\n",
                3
            ),
            (2, "syntax-quote-start")
        );
        assert_eq!(
            code("p:\n  - \"十四五\"开局，稳中有进。\n  - 下一段\n", 3),
            (2, "syntax-quote-start")
        );
        assert_eq!(
            code("p:\n  - {new_market_entities}全年新增。\n  - 下一段\n", 3),
            (2, "syntax-brace-start")
        );
        for fine in [
            "a: { id: x, yoy: { verb: 增长 } }   # 注\n",
            "a: [1, 2]\n",
            "a: 'it''s' \n",
            "a: \"a\\\"b\"\n",
        ] {
            assert_eq!(
                runs_on(fine.split_once(": ").unwrap().1.trim_end()),
                None,
                "{fine}"
            );
        }
        assert_eq!(code("label: \"abc\n", 2), (1, "syntax-open-quote"));
        assert_eq!(code("value:14\n", 1), (1, "syntax-colon-space"));
        assert_eq!(
            code("a: 1\nvalue: [14\nunit: 亿元\nb: 2\n", 4),
            (2, "syntax-open-bracket")
        );
    }

    #[test]
    fn a_full_width_space_after_a_value_is_found_at_its_column() {
        assert_eq!(trailing_fullwidth_space("year: 2022\u{3000}"), Some(10));
        assert_eq!(
            trailing_fullwidth_space("kind: meta\u{3000}  # 注"),
            Some(10)
        );
        assert_eq!(trailing_fullwidth_space("  - 文字\u{3000}"), Some(10));
        for fine in [
            "year: 2022",
            "a: \"文字\u{3000}\"",
            "a: 文\u{3000}字",
            "a:\u{3000}",
        ] {
            assert_eq!(trailing_fullwidth_space(fine), None, "{fine}");
        }
    }

    #[test]
    fn a_line_of_three_dots_is_named_as_the_document_s_end() {
        assert_eq!(code("...\nkind: meta\n", 2), (1, "syntax-document-end"));
        assert_eq!(
            code("# 注\na: 1\n...   \nb: 2\n", 4),
            (3, "syntax-document-end")
        );
    }

    #[test]
    fn a_line_of_text_on_its_own_is_named_not_the_item_below() {
        let text = "p:\n  - 甲。\n这是接着上一段的文字。\n\n  - 乙。\n";
        assert_eq!(code(text, 5), (3, "syntax-stray-text"));
        // At the items' dashes, or before a comment after a blank line.
        let text = "p:\n  - 甲。\n  这是文字。\n\n# 注\nq: 1\n";
        assert_eq!(code(text, 5), (3, "syntax-stray-text"));
        // Deeper than its block it continues the value, as YAML reads it;
        // inside brackets or quotes opened above, any indentation goes.
        for fine in [
            "p:\n  - 甲\n    乙。\n  -   丙\n",
            "a: [甲,\n乙]\n  - 丙\n",
            "a: \"甲\n乙\"\n  - 丙\n",
            "a:\n  - 甲\n  - 乙\n",
        ] {
            assert_ne!(code(fine, 4).1, "syntax-stray-text", "{fine}");
        }
    }

    #[test]
    fn a_backslash_yaml_cannot_read_is_named_at_its_column() {
        let d = diagnose("a: 1\nlabel: \"地区生产\\q总值\"\nb: 2\n", 3, "parser says");
        assert_eq!((d.line, d.col, d.code), (2, 13, "syntax-bad-escape"));
        assert!(d.message.contains("\\q"), "{}", d.message);
        for fine in [
            "label: \"a\\\\b\\n\\\"c\\u4e00\"",
            "label: 'a\\q'",
            "label: a\\q",
            "label: a # \"\\q\"",
        ] {
            assert_eq!(bad_escape(fine), None, "{fine}");
        }
        // Half of a UTF-16 pair, or no hex digits: said at the escape, not
        // as a quote never closed (hostile round 6).
        for (line, escape) in [
            (r#"label: "稳企\uD800贷款""#, r"\uD800"),
            (r#"label: "a\x4""#, r#"\x4""#),
            (r#"label: "a\U00110000""#, r"\U00110000"),
        ] {
            assert_eq!(
                bad_escape(line).map(|(_, e)| e),
                Some(escape.into()),
                "{line}"
            );
        }
    }

    #[test]
    fn the_parser_s_english_is_never_shown() {
        for parser in [
            "found unexpected end of stream",
            "did not find expected ',' or ']'",
            "mapping values are not allowed in this context",
            "found character that cannot start any token",
            "something else entirely",
        ] {
            let d = diagnose("a: 1\n", 1, parser);
            assert!(!d.message.contains(parser), "{}", d.message);
            assert!(!d.message.contains("expected"), "{}", d.message);
        }
    }

    #[test]
    fn keys_and_items_indented_wrongly_are_found() {
        let text =
            "sections:\n  - id: a\n    figures:\n      - id: b\n        label: c\n      value: 3\n";
        assert_eq!(code(text, 7), (6, "syntax-key-indent"));
        let text = "list:\n  - a: 1\n  - b: 2\n    - c: 3\n";
        assert_eq!(code(text, 4), (4, "syntax-item-indent"));
        // One space short of the keys above (7 or 5 where they are at 8):
        // the hint names 8, not the dash's 6 or the list's key's 4.
        for short in ["       ", "     "] {
            let text = format!(
                "sections:\n  - id: a\n    figures:\n      - id: b\n        label: c\n{short}value: 3\n        unit: 亿元\n"
            );
            let d = diagnose(&text, 7, "parser says");
            assert_eq!((d.line, d.code), (6, "syntax-key-indent"));
            assert!(d.hint.contains('8'), "{}", d.hint);
        }
    }
}
