//! How an .ods (LibreOffice Calc, WPS) shows its numbers and which rows and
//! columns it hides, as `shown` reads them for an .xlsx. An .ods keeps,
//! beside each number, the text the sheet showed when it was saved
//! (`<text:p>3.6%</text:p>` for 0.036): that text is what the office read.

use std::collections::HashSet;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};

use super::shown::{Seen, Shown};

/// A content.xml larger than this is not read (the file is 8 MB at most).
const MAX_PART: u64 = 64 * 1024 * 1024;

/// Rows or columns repeated more than this are the sheet's empty rest:
/// nothing to hide.
const MAX_REPEAT: usize = 10_000;

/// How the sheet `name` of an .ods shows its cells; nothing when the file
/// does not parse (calamine has read the values already).
pub fn seen(bytes: &[u8], name: &str) -> Seen {
    read(bytes, name).unwrap_or_default()
}

fn read(bytes: &[u8], name: &str) -> Option<Seen> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut xml = Vec::new();
    zip.by_name("content.xml")
        .ok()?
        .take(MAX_PART)
        .read_to_end(&mut xml)
        .ok()?;
    let mut reader = quick_xml::Reader::from_reader(&xml[..]);
    let mut buf = Vec::new();
    let mut seen = Seen::default();
    let mut inside = false;
    let (mut row, mut col) = (0usize, 0usize);
    // The number cell being read: its value, percent or not, its repeats,
    // and the text it shows.
    let mut cell: Option<(f64, bool, usize, String)> = None;
    let mut hidden_rows = HashSet::new();
    let mut hidden_cols = HashSet::new();
    loop {
        let event = reader.read_event_into(&mut buf).ok()?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"table:table" => {
                inside = attr(&e, b"table:name").as_deref() == Some(name);
                (row, col) = (0, 0);
            }
            Event::End(e) if inside && e.name().as_ref() == b"table:table" => break,
            Event::Start(e) | Event::Empty(e) if inside => {
                // A sheet has 1,048,576 rows and 16,384 columns at most: a
                // count beyond (a hostile 2^64) counts no further.
                let repeat = |key: &[u8]| {
                    attr(&e, key)
                        .and_then(|v| v.parse::<usize>().ok())
                        .unwrap_or(1)
                        .clamp(1, 1 << 20)
                };
                let hidden = matches!(
                    attr(&e, b"table:visibility").as_deref(),
                    Some("collapse" | "filter")
                );
                match e.name().as_ref() {
                    b"table:table-column" => {
                        let n = repeat(b"table:number-columns-repeated");
                        if hidden && n <= MAX_REPEAT {
                            hidden_cols.extend(col + 1..=col + n);
                        }
                        col = col.saturating_add(n);
                    }
                    b"table:table-row" => {
                        let n = repeat(b"table:number-rows-repeated");
                        if hidden && n <= MAX_REPEAT {
                            hidden_rows.extend(row + 1..=row + n);
                        }
                        // The row's cells count from its first column.
                        row = row.saturating_add(1);
                        col = 0;
                        if n > 1 {
                            row = row.saturating_add(n - 1);
                        }
                    }
                    b"table:table-cell" | b"table:covered-table-cell" => {
                        let n = repeat(b"table:number-columns-repeated");
                        // A cell merged with others: the one that spans
                        // them, and those it covers (round 18: passed as
                        // the .xlsx's is not).
                        let spans = |key: &[u8]| {
                            attr(&e, key)
                                .and_then(|v| v.parse::<usize>().ok())
                                .is_some_and(|n| n > 1)
                        };
                        if e.name().as_ref() == b"table:covered-table-cell"
                            || spans(b"table:number-rows-spanned")
                            || spans(b"table:number-columns-spanned")
                        {
                            for c in col + 1..=col + n.min(MAX_REPEAT) {
                                seen.merged.insert((row, c));
                            }
                        }
                        let kind = attr(&e, b"office:value-type");
                        let value = attr(&e, b"office:value").and_then(|v| v.parse::<f64>().ok());
                        match (kind.as_deref(), value) {
                            (Some(k @ ("float" | "percentage" | "currency")), Some(v))
                                if !empty =>
                            {
                                cell = Some((v, k == "percentage", n, String::new()));
                            }
                            (Some("float" | "percentage" | "currency"), Some(_)) => {
                                // A number cell with no text shows nothing.
                                for c in col + 1..=col + n.min(MAX_REPEAT) {
                                    seen.shown.insert((row, c), Shown::BLANK);
                                }
                                col = col.saturating_add(n);
                            }
                            _ => col = col.saturating_add(n),
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if inside => {
                if let Some((_, _, _, text)) = cell.as_mut() {
                    text.push_str(&t.xml_content().ok()?);
                }
            }
            Event::End(e)
                if inside
                    && matches!(
                        e.name().as_ref(),
                        b"table:table-cell" | b"table:covered-table-cell"
                    ) =>
            {
                if let Some((value, percent, n, text)) = cell.take() {
                    let shown = shown_as(value, percent, &text);
                    let unit = shown_unit(percent, &text);
                    for c in col + 1..=col + n.min(MAX_REPEAT) {
                        seen.shown.insert((row, c), shown);
                        if let Some(unit) = &unit {
                            seen.units.insert((row, c), unit.clone());
                        }
                    }
                    col = col.saturating_add(n);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    seen.hidden_rows = hidden_rows;
    seen.hidden_cols = hidden_cols;
    Some(seen)
}

fn attr(e: &BytesStart, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// What the text a cell shows says of its value: its decimals, and whether
/// it shows the value at all (100000 shown as 100万 does not).
fn shown_as(value: f64, percent: bool, text: &str) -> Shown {
    let text = text.trim();
    if text.is_empty() {
        return Shown::BLANK;
    }
    // The number in the text, without the sheet's own words (14亿元),
    // percent sign and thousands separators.
    let (before, number, _) = split(text);
    let number: String = number.chars().filter(|c| *c != ',').collect();
    // A word the sheet shows before the number (超4.2, 约4.2): a qualifier
    // the value does not hold (round 18: read as 4.2); a currency sign is
    // the unit's, and a plus the sign of a rise (+15.0).
    let worded = !before
        .trim_matches(|c: char| c.is_whitespace() || "¥￥$€£+＋".contains(c))
        .is_empty();
    let decimals = number.split_once('.').map_or(0, |(_, f)| f.len());
    let held = if percent { value * 100.0 } else { value };
    let same = number
        .parse::<f64>()
        .is_ok_and(|n| (n - held).abs() <= 0.5 * 10f64.powi(-(decimals as i32)) + 1e-9);
    Shown {
        percent,
        decimals: Some(decimals),
        scaled: !same || worded,
        blank: false,
        zero_blank: false,
        unsigned: false,
        optional: 0,
        negative: None,
        zero: None,
    }
}

/// A shown text as (before the number, the number, after it): 超 4.2 亿元.
fn split(text: &str) -> (&str, &str, &str) {
    let start = text
        .char_indices()
        .find(|&(i, c)| {
            c.is_ascii_digit()
                || (c == '-' && text[i + 1..].starts_with(|d: char| d.is_ascii_digit()))
        })
        .map_or(text.len(), |(i, _)| i);
    let end = text[start..]
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || c == ',' || (i == 0 && c == '-')))
        .map_or(text.len(), |(i, _)| start + i);
    (&text[..start], &text[start..end], &text[end..])
}

/// The unit a cell shows after its number (14.00万元), which must be the
/// figure's; a percentage's own % multiplies the number and is none.
fn shown_unit(percent: bool, text: &str) -> Option<String> {
    let (_, _, after) = split(text.trim());
    let after = after.trim();
    let after = if percent {
        after.trim_start_matches(['%', '％']).trim()
    } else {
        after
    };
    (!after.is_empty()).then(|| after.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_a_cell_shows_gives_its_decimals_or_says_it_is_scaled() {
        let s = shown_as(0.036, true, "3.6%");
        assert!(s.percent && !s.scaled && s.decimals == Some(1));
        assert_eq!(s.text(0.036), "3.6");
        assert_eq!(shown_as(172.8, false, "172.80").text(172.8), "172.80");
        assert_eq!(shown_as(4.4999, false, "4.5").text(4.4999), "4.5");
        assert!(!shown_as(14.0, false, "14亿元").scaled);
        assert!(!shown_as(1234.5, false, "1,234.50").scaled);
        assert!(shown_as(100000.0, false, "100万").scaled);
        assert!(shown_as(5.0, false, "").blank);
        // A word before the number is no part of the value (round 18).
        assert!(shown_as(4.2, false, "超4.2").scaled);
        assert!(!shown_as(4.2, false, "¥4.20").scaled);
        assert!(!shown_as(15.0, false, "+15.0").scaled);
        assert_eq!(shown_unit(false, "14.00万元").as_deref(), Some("万元"));
        assert_eq!(shown_unit(true, "3.6%"), None);
        assert_eq!(shown_unit(false, "3.6%").as_deref(), Some("%"));
        assert_eq!(shown_unit(false, "-3.6"), None);
    }

    #[test]
    fn odd_counts_and_bytes_read_without_a_panic() {
        let content = r#"<office:document-content><office:body><office:spreadsheet>
            <table:table table:name="表">
            <table:table-column table:number-columns-repeated="18446744073709551615" table:visibility="collapse"/>
            <table:table-row table:number-rows-repeated="18446744073709551615" table:visibility="collapse">
            <table:table-cell table:number-columns-repeated="99999999999" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>
            </table:table-row>
            <table:table-row><table:table-cell office:value-type="percentage" office:value="0.5"><text:p>50%</text:p></table:table-cell></table:table-row>
            </table:table></office:spreadsheet></office:body></office:document-content>"#;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("content.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut zip, content.as_bytes()).unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        let seen = seen(&bytes, "表");
        assert!(seen.hidden_rows.is_empty() && seen.hidden_cols.is_empty());
        assert!(seen.shown.values().any(|s| s.percent));
        for cut in [0, 10, 100, bytes.len() / 2] {
            let _ = super::seen(&bytes[..cut], "表");
        }
    }
}
