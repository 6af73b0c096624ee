//! The place in a file of one character of a value: a placeholder of a long
//! paragraph, an undrawable character. The structural pass gives where each
//! value starts; from there the value's characters are followed through the
//! source, which may quote, escape or fold them over several lines.

use super::spans::Loc;

/// The line and column of the character at byte `offset` of `value`, whose
/// text starts at `start` in `source`. Where the source spells a character
/// otherwise (an escape such as `\e`), the place of its spelling's start.
pub fn within(source: &str, start: Loc, value: &str, offset: usize) -> Loc {
    let Some(begin) = byte_of(source, start) else {
        return start;
    };
    let src: Vec<(usize, char)> = source[begin..]
        .char_indices()
        .map(|(i, c)| (begin + i, c))
        .collect();
    let mut cursor = 0;
    let wanted: Vec<char> = value[..offset.min(value.len())].chars().collect();
    let target = value[offset.min(value.len())..].chars().next();
    // Follow each character of the value to its next occurrence in the
    // source; one that does not occur nearby (an escape) does not move.
    for c in wanted.iter().copied().chain(target) {
        let found = src[cursor..]
            .iter()
            .take(64)
            .position(|&(_, s)| s == c || (c == ' ' && s == '\n'));
        match found {
            Some(skip) => cursor += skip + 1,
            None => {
                // An escape: its backslash is the nearest spelling.
                if let Some(skip) = src[cursor..].iter().take(8).position(|&(_, s)| s == '\\') {
                    cursor += skip + 1;
                }
            }
        }
    }
    // The cursor is just past the target character.
    let at = src
        .get(cursor.saturating_sub(1))
        .map_or(source.len(), |&(i, _)| i);
    loc_of(source, at)
}

fn byte_of(source: &str, loc: Loc) -> Option<usize> {
    let line_start: usize = source
        .split_inclusive('\n')
        .take(loc.line.checked_sub(1)?)
        .map(str::len)
        .sum();
    let rest = source.get(line_start..)?;
    Some(
        line_start
            + rest
                .char_indices()
                .nth(loc.col.saturating_sub(1))
                .map_or(rest.len(), |(i, _)| i),
    )
}

fn loc_of(source: &str, at: usize) -> Loc {
    let before = &source[..at];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    Loc {
        line,
        col: before[start..].chars().count() + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_plain_and_quoted_values() {
        let source = "a:\n  - 增长{x}，占{y.share}\n  - \"引号{z}\"\n";
        let loc = within(
            source,
            Loc { line: 2, col: 5 },
            "增长{x}，占{y.share}",
            "增长{x}，占".len(),
        );
        assert_eq!(loc, Loc { line: 2, col: 12 });
        let loc = within(source, Loc { line: 3, col: 5 }, "引号{z}", "引号".len());
        assert_eq!(loc, Loc { line: 3, col: 8 });
    }

    #[test]
    fn follows_folded_lines() {
        let source = "p: 第一行\n  第二行{x}\n";
        let loc = within(
            source,
            Loc { line: 1, col: 4 },
            "第一行 第二行{x}",
            "第一行 第二行".len(),
        );
        assert_eq!(loc, Loc { line: 2, col: 6 });
    }

    #[test]
    fn places_an_escape_at_its_backslash() {
        let source = "t: \"a\\eb\"\n";
        let loc = within(source, Loc { line: 1, col: 4 }, "a\u{1b}b", 1);
        assert_eq!(loc, Loc { line: 1, col: 6 });
    }
}
