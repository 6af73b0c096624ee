//! Writing the parts' XML: text escaped for XML, and drawing units.

/// EMU per point (12 700) and per inch (914 400).
pub const EMU_PER_PT: f64 = 12_700.0;

/// A length in points as EMU, never negative.
pub fn emu(pt: f64) -> i64 {
    if pt.is_finite() {
        (pt * EMU_PER_PT).round().max(0.0) as i64
    } else {
        0
    }
}

/// A coordinate in points as EMU (may be negative: off the slide's edge).
pub fn coord(pt: f64) -> i64 {
    if pt.is_finite() {
        (pt * EMU_PER_PT).round() as i64
    } else {
        0
    }
}

/// Text as XML character data or attribute value: `& < > " '` escaped, and
/// characters XML 1.0 cannot hold (controls, lone surrogates cannot occur in
/// a `str`, U+FFFE/U+FFFF) dropped, whatever the data holds.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The XML declaration every part starts with.
pub const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            esc("A&B <c> \"d\" 'e'"),
            "A&amp;B &lt;c&gt; &quot;d&quot; &apos;e&apos;"
        );
        assert_eq!(esc("a\u{0}b\u{1b}c\u{FFFF}"), "abc");
        assert_eq!(emu(1.0), 12_700);
        assert_eq!(emu(-3.0), 0);
        assert_eq!(coord(-1.0), -12_700);
    }
}
