//! How an .xlsx shows its numbers (`biff` reads an .xls's). A cell formatted as a percent holds
//! 0.035 and shows 3.5%; a cell formatted `0.0` holds 4.4999 and shows 4.5,
//! and one formatted `0.00` holds 172.8 and shows 172.80. calamine gives the
//! value held; the statistics office reads the figure as the sheet shows
//! it, so the number formats are read here, from the workbook's styles and
//! the sheet's cells.

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};

/// What a cell's number format does to the number it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    /// Shown a hundred times its value, with %.
    pub percent: bool,
    /// The decimals shown; none for General (as many as it has).
    pub decimals: Option<usize>,
    /// Of those, how many at the end are shown only when not zero: the
    /// optional digits `#` and `?` (`0.0#` shows 4.5 and 4.25, `#,##0.##`
    /// shows 15).
    pub optional: usize,
    /// Shown other than held, in a way no reading undoes: divided by
    /// thousands (`0,`, `0.0,,`), or with digits or a point of the format's
    /// own (`0!.0000"万"` shows 24090000 as 2409.0000万).
    pub scaled: bool,
    /// Shown as nothing: a format whose section for the number is empty
    /// (`;;;`), a figure nobody sees on screen.
    pub blank: bool,
    /// A negative number shown without its minus (`0.0;0.0`, `0.0;(0.0)`):
    /// -3.5 shown 3.5 is another number than it holds.
    pub unsigned: bool,
    /// Zero shown without a digit: as nothing (`0.0;-0.0;`, `#,###`) or a
    /// dash (会计专用, `"-"??`). The sheet shows an empty cell; a 0 in
    /// the documents would be a figure nobody saw.
    pub zero_blank: bool,
    /// The decimals of the section for negative numbers and of the one for
    /// zero, where the format has its own: `0.0;-0.00` shows -3.456 as
    /// -3.46, `0;-0;0.0` shows 0 as 0.0.
    pub negative: Option<Places>,
    pub zero: Option<Places>,
}

/// The decimals a section of a format shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Places {
    /// None for General (as many as the number has).
    pub decimals: Option<usize>,
    /// Of those, how many at the end are optional (`#`, `?`).
    pub optional: usize,
}

impl Places {
    /// The places of a section's code (its quoted text and escapes left
    /// out); None where it shows no digit of the number.
    fn of(plain: &str) -> Option<Places> {
        if plain.to_ascii_lowercase().contains("general") {
            return Some(Places {
                decimals: None,
                optional: 0,
            });
        }
        if !plain.contains(['0', '#', '?']) {
            return None;
        }
        let frac = plain.split_once('.').map_or("", |(_, frac)| frac);
        let places: Vec<char> = frac
            .chars()
            .filter(|c| matches!(c, '0' | '#' | '?'))
            .collect();
        Some(Places {
            decimals: Some(places.len()),
            optional: places.iter().rev().take_while(|c| **c != '0').count(),
        })
    }
}

impl Shown {
    /// Shown as nothing (`;;;`, an empty text in an .ods).
    pub(super) const BLANK: Shown = Shown {
        blank: true,
        ..Shown::GENERAL
    };
    /// Shown as held (General).
    pub(super) const GENERAL: Shown = Shown {
        percent: false,
        decimals: None,
        scaled: false,
        blank: false,
        zero_blank: false,
        unsigned: false,
        optional: 0,
        negative: None,
        zero: None,
    };
    /// Shown as another figure than held (2.41E+03, 8 4/9).
    const OTHER: Shown = Shown {
        scaled: true,
        ..Shown::GENERAL
    };

    /// The text of `value` as the cell shows it, without %.
    pub fn text(self, value: f64) -> String {
        // The section the value falls in: a spreadsheet picks it by the
        // value held, before any rounding.
        let own = match value {
            v if v < 0.0 => self.negative,
            0.0 => self.zero,
            _ => None,
        };
        let places = own.unwrap_or(Places {
            decimals: self.decimals,
            optional: self.optional,
        });
        let value = if self.percent { value * 100.0 } else { value };
        match places.decimals {
            // Optional decimals that are zero are not shown, nor a point
            // left alone (Excel shows 15 under #,##0.## as "15.").
            Some(d) if places.optional > 0 => {
                let text = rounded(value, d);
                let Some((whole, frac)) = text.split_once('.') else {
                    return text;
                };
                let keep = (d - places.optional.min(d)).max(frac.trim_end_matches('0').len());
                if keep == 0 {
                    whole.to_string()
                } else {
                    format!("{whole}.{}", &frac[..keep])
                }
            }
            Some(d) => rounded(value, d),
            // 0.035 × 100 is 3.5000000000000004: the shortest text of the
            // number to 12 significant digits.
            None => {
                let s = format!("{value:.12}");
                let s = s.trim_end_matches('0').trim_end_matches('.');
                if s == "-0" { "0".into() } else { s.into() }
            }
        }
    }
}

/// `value` to `d` decimals as a spreadsheet shows it: from its 15
/// significant digits (1.005 is held as 1.00499999999999989…, shown 1.01),
/// a half rounded away from zero (14.25 shown 14.3, 2.5 shown 3), where
/// Rust's formatting rounds the binary value half to even (14.2, 2).
fn rounded(value: f64, d: usize) -> String {
    if !value.is_finite() {
        return format!("{value:.d$}");
    }
    // 15 significant digits: "1.23450000000000e2".
    let sci = format!("{:.14e}", value.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mantissa
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    // The point stands after `point` digits; pad with zeros on either side
    // so that it falls within the digits and `d` decimals follow it.
    let mut point = exp + 1;
    while point < 1 {
        digits.insert(0, 0);
        point += 1;
    }
    let point = point as usize;
    let keep = point + d;
    digits.resize(digits.len().max(keep + 1), 0);
    let up = digits[keep] >= 5;
    digits.truncate(keep);
    if up {
        let mut i = keep;
        loop {
            if i == 0 {
                digits.insert(0, 1);
                break;
            }
            i -= 1;
            if digits[i] == 9 {
                digits[i] = 0;
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let point = point + (digits.len() - keep);
    let text = |ds: &[u8]| ds.iter().map(|x| char::from(b'0' + x)).collect::<String>();
    let whole = text(&digits[..point]);
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let frac = text(&digits[point..]);
    let zero = digits.iter().all(|x| *x == 0);
    let sign = if value < 0.0 && !zero { "-" } else { "" };
    if d == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac}")
    }
}

/// Larger parts than this are not read (a figures sheet is a few kilobytes;
/// the file is 8 MB at most).
const MAX_PART: u64 = 64 * 1024 * 1024;

/// What an .xlsx sheet shows otherwise than calamine reads it.
#[derive(Debug, Default)]
pub struct Seen {
    /// The cells whose format changes what they show, by (row, column),
    /// 1-based.
    pub shown: HashMap<(usize, usize), Shown>,
    /// Hidden rows and columns, 1-based: a figure there is one nobody sees
    /// on screen (last year's, a lookup).
    pub hidden_rows: HashSet<usize>,
    pub hidden_cols: HashSet<usize>,
    /// The sheet shows no zeros (its view's "show a zero in cells that
    /// have zero value" is off): a 0 is an empty cell on screen.
    pub zeros_hidden: bool,
    /// The unit a cell's format shows after its number (0.00"万元"), by
    /// (row, column).
    pub units: HashMap<(usize, usize), String>,
    /// Formulas with no result saved (an .xls written by a program), by
    /// (row, column).
    pub no_result: HashSet<(usize, usize)>,
    /// Cells merged with others (an .ods: calamine gives no merges), by
    /// (row, column).
    pub merged: HashSet<(usize, usize)>,
    /// The workbook asks to be calculated again when opened (an .xlsx's
    /// `fullCalcOnLoad`, as a program filling a template writes it): its
    /// formulas' saved results may be older than what Excel shows.
    pub recalc_on_open: bool,
}

/// How the sheet `name` shows its cells; nothing when the file is no .xlsx
/// or a part is missing (calamine has read it already, so it is a
/// workbook).
pub fn seen(bytes: &[u8], name: &str) -> Seen {
    read(bytes, name).unwrap_or_default()
}

fn read(bytes: &[u8], name: &str) -> Option<Seen> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut part = |path: &str| -> Option<Vec<u8>> {
        let file = zip.by_name(path.trim_start_matches('/')).ok()?;
        let mut out = Vec::new();
        file.take(MAX_PART).read_to_end(&mut out).ok()?;
        Some(out)
    };
    // workbook.xml names the sheet's relationship; its rels, the part.
    let workbook = part("xl/workbook.xml")?;
    let rid = elements(&workbook, b"sheet")
        .into_iter()
        .find(|a| a.get("name").map(String::as_str) == Some(name))?
        .get("r:id")?
        .clone();
    let recalc_on_open = elements(&workbook, b"calcPr").iter().any(|a| {
        a.get("fullCalcOnLoad")
            .is_some_and(|v| v == "1" || v.eq_ignore_ascii_case("true"))
    });
    let rels = part("xl/_rels/workbook.xml.rels")?;
    let target = elements(&rels, b"Relationship")
        .into_iter()
        .find(|a| a.get("Id") == Some(&rid))?
        .get("Target")?
        .clone();
    let sheet_path = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("xl/{target}"),
    };
    let styles = part("xl/styles.xml").unwrap_or_default();
    let codes: HashMap<u32, String> = elements(&styles, b"numFmt")
        .into_iter()
        .filter_map(|a| {
            Some((
                a.get("numFmtId")?.parse().ok()?,
                a.get("formatCode")?.clone(),
            ))
        })
        .collect();
    let xfs = cell_xfs(&styles);
    let code_of_style: Vec<Option<String>> = xfs
        .iter()
        .map(|id| codes.get(id).cloned().or_else(|| built_in(*id)))
        .collect();
    let shown_of_style: Vec<Option<Shown>> =
        code_of_style.iter().map(|c| parse(c.as_deref()?)).collect();
    let unit_of_style: Vec<Option<String>> = code_of_style
        .iter()
        .map(|c| suffix(c.as_deref()?))
        .collect();
    let mut units = HashMap::new();
    let sheet = part(&sheet_path)?;
    // Hidden, or of no height or width (a row dragged shut).
    let hidden = |a: &HashMap<String, String>| {
        a.get("hidden")
            .is_some_and(|h| h == "1" || h.eq_ignore_ascii_case("true"))
            || ["ht", "width"]
                .iter()
                .any(|k| a.get(*k).and_then(|v| v.parse::<f64>().ok()) == Some(0.0))
    };
    let hidden_rows = elements(&sheet, b"row")
        .into_iter()
        .filter(|a| hidden(a))
        .filter_map(|a| a.get("r")?.parse().ok())
        .collect();
    let hidden_cols = elements(&sheet, b"col")
        .into_iter()
        .filter(|a| hidden(a))
        .filter_map(|a| {
            let min: usize = a.get("min")?.parse().ok()?;
            let max: usize = a.get("max")?.parse().ok()?;
            // (A column range reaches 16384 at most.)
            Some(min..=max.min(16_384))
        })
        .flatten()
        .collect();
    let mut out = HashMap::new();
    for a in elements(&sheet, b"c") {
        let (Some(r), Some(s)) = (a.get("r"), a.get("s")) else {
            continue;
        };
        let (Some(at), Ok(s)) = (cell_ref(r), s.parse::<usize>()) else {
            continue;
        };
        if let Some(Some(unit)) = unit_of_style.get(s) {
            units.insert(at, unit.clone());
        }
        if let Some(Some(shown)) = shown_of_style.get(s) {
            out.insert(at, *shown);
        }
    }
    let zeros_hidden = elements(&sheet, b"sheetView").iter().any(|a| {
        a.get("showZeros")
            .is_some_and(|v| v == "0" || v.eq_ignore_ascii_case("false"))
    });
    Some(Seen {
        shown: out,
        hidden_rows,
        hidden_cols,
        zeros_hidden,
        units,
        no_result: HashSet::new(),
        merged: HashSet::new(),
        recalc_on_open,
    })
}

/// The attributes of every element `tag` of an XML part, in order.
fn elements(xml: &[u8], tag: &[u8]) -> Vec<HashMap<String, String>> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.name().as_ref() == tag => {
                out.push(attributes(&e));
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

fn attributes(e: &BytesStart) -> HashMap<String, String> {
    e.attributes()
        .flatten()
        .filter_map(|a| {
            let key = String::from_utf8(a.key.as_ref().to_vec()).ok()?;
            let value = a.unescape_value().ok()?.into_owned();
            Some((key, value))
        })
        .collect()
}

/// The number format id of each cell style, in the order cells name them
/// (`s="3"`): the `xf` elements of `cellXfs` only (`cellStyleXfs` holds
/// others).
fn cell_xfs(styles: &[u8]) -> Vec<u32> {
    let mut reader = quick_xml::Reader::from_reader(styles);
    let mut buf = Vec::new();
    let mut inside = false;
    let mut out = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.name().as_ref() == b"cellXfs" => inside = true,
            Ok(Event::End(e)) if e.name().as_ref() == b"cellXfs" => inside = false,
            Ok(Event::Start(e) | Event::Empty(e)) if inside && e.name().as_ref() == b"xf" => {
                let id = attributes(&e)
                    .get("numFmtId")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                out.push(id);
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

/// The built-in number formats that show a number otherwise than General
/// (ECMA-376 Part 1, 18.8.30).
pub(super) fn built_in(id: u32) -> Option<String> {
    Some(
        match id {
            1 => "0",
            2 => "0.00",
            3 => "#,##0",
            4 => "#,##0.00",
            9 => "0%",
            10 => "0.00%",
            11 => "0.00E+00",
            12 => "# ?/?",
            13 => "# ??/??",
            48 => "##0.0E+0",
            37 | 38 => "#,##0 ;(#,##0)",
            39 | 40 => "#,##0.00;(#,##0.00)",
            // accounting: zero shown as a dash
            41 | 42 => "_(* #,##0_);_(* \\(#,##0\\);_(* \"-\"_);_(@_)",
            43 | 44 => "_(* #,##0.00_);_(* \\(#,##0.00\\);_(* \"-\"??_);_(@_)",
            _ => return None,
        }
        .to_string(),
    )
}

/// The sections of a format code, split at `;` outside quotes, with the
/// quotes themselves left out (a minus in quotes, "-"0.0, is shown all the
/// same) and what an escape, `_` or `*` writes instead of a digit left out
/// too.
fn sections(code: &str) -> Vec<String> {
    let mut sections = vec![String::new()];
    for piece in pieces(code) {
        let cur = sections.last_mut().expect("one section at least");
        match piece {
            Piece::Section => sections.push(String::new()),
            // an escaped or quoted digit is text, not a digit placeholder
            Piece::Literal(d) => cur.push(if d.is_ascii_digit() { 'x' } else { d }),
            Piece::Bracket(_) => {}
            Piece::Code(c) => cur.push(c),
        }
    }
    sections
}

/// A piece of a format code, as a spreadsheet reads it.
#[derive(Debug, PartialEq)]
enum Piece {
    /// `;` between sections.
    Section,
    /// Text the format writes itself: quoted ("万元") or escaped (\%, !.).
    Literal(char),
    /// A colour or a condition: [Red], [>=100].
    Bracket(String),
    /// A character of the code: a digit placeholder, a point, a comma, %…
    Code(char),
}

/// The pieces of a format code; `_x` and `*x` (a space as wide as x, x
/// repeated to fill) write nothing of x.
fn pieces(code: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            ';' => out.push(Piece::Section),
            '"' => out.extend(chars.by_ref().take_while(|&d| d != '"').map(Piece::Literal)),
            '\\' | '!' => out.extend(chars.next().map(Piece::Literal)),
            '_' | '*' => {
                chars.next();
            }
            '[' => out.push(Piece::Bracket(
                chars.by_ref().take_while(|&d| d != ']').collect(),
            )),
            c => out.push(Piece::Code(c)),
        }
    }
    out
}

/// Whether the format's section for negative numbers (its second) writes
/// no minus sign: it shows -3.5 as 3.5 or (3.5).
fn negative_unsigned(code: &str) -> bool {
    sections(code)
        .get(1)
        .is_some_and(|neg| neg.contains(['0', '#', '?']) && !neg.contains('-'))
}

/// Whether the section a zero is shown by (the third where there is one,
/// else the first) shows a digit: a 0 placeholder, General, or a 0 of its
/// own text (`0.0#;-0.0#;"0"`).
fn zero_shows_digit(code: &str) -> bool {
    let plain = plain_sections(code);
    let zero = if plain.len() >= 3 { 2 } else { 0 };
    let mut at = 0;
    let literal = pieces(code).into_iter().any(|piece| match piece {
        Piece::Section => {
            at += 1;
            false
        }
        Piece::Literal(d) => at == zero && d.is_ascii_digit(),
        _ => false,
    });
    literal || plain[zero].contains('0') || plain[zero].to_ascii_lowercase().contains("general")
}

/// The code of each section (brackets, quoted text and escapes left out).
fn plain_sections(code: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for piece in pieces(code) {
        match piece {
            Piece::Section => out.push(String::new()),
            Piece::Code(c) => out.last_mut().expect("one section at least").push(c),
            _ => {}
        }
    }
    out
}

/// The places of the sections for negative numbers and for zero where
/// they differ from the first's; a zero section that shows only text of
/// its own ("0") shows no decimals.
fn other_places(code: &str) -> (Option<Places>, Option<Places>) {
    let plain = plain_sections(code);
    let first = plain.first().and_then(|s| Places::of(s));
    let differs = |p: Option<Places>| p.filter(|p| Some(*p) != first);
    let negative = differs(plain.get(1).and_then(|s| Places::of(s)));
    let zero = plain.get(2).and_then(|s| {
        Places::of(s).or(zero_shows_digit(code).then_some(Places {
            decimals: Some(0),
            optional: 0,
        }))
    });
    (negative, differs(zero))
}

/// What a format code does to a number: its first section (for positive
/// numbers), without quoted text, escapes and brackets. None for General,
/// text, dates, fractions and scientific notation (dates and times are
/// calamine's; the others are no way to print a figure).
pub(super) fn parse(code: &str) -> Option<Shown> {
    let mut plain = String::new();
    // Digits, a point or a sign the format writes itself, among the
    // number's ("-"0.0 shows -8.5 for 8.5), and a percent but as the unit
    // after it (0.0"%" shows 8.5% for 8.5: the number it holds).
    let own = |d: char| d.is_ascii_digit() || ".-+−－＋".contains(d);
    // A plus before the number ("+"0.0;"-"0.0 shows 15 as +15.0) is how
    // statistics tables mark a rise: the number as held, not another.
    let plus = |d: char, before: bool| before && "+＋".contains(d);
    let percent = |d: char| "%％".contains(d);
    let mut own_digits = false;
    for piece in pieces(code) {
        let before = !plain.contains(['0', '#', '?']);
        match piece {
            Piece::Section => break,
            // A word before the number ("超"0.0 shows 超8.5): a qualifier
            // the figure's value does not hold.
            Piece::Literal(d) => {
                own_digits |= (own(d) && !plus(d, before))
                    || (before && (percent(d) || crate::data::prose::is_han(d)));
            }
            // A condition ([>=100]0;0.0) picks the section by the value:
            // the form shown is not the first section's for sure.
            Piece::Bracket(b) if b.starts_with(['<', '>', '=']) => return Some(Shown::OTHER),
            Piece::Bracket(_) => {}
            Piece::Code(c) => plain.push(c),
        }
    }
    // A percent the format writes after the number with more (0.0"%左右"):
    // a qualifier the value does not hold.
    own_digits |= suffix(code).is_some_and(|s| s.contains(percent) && s != "%" && s != "％");
    if plain.trim().is_empty() && code.contains(';') {
        return Some(Shown::BLANK);
    }
    let lower = plain.to_ascii_lowercase();
    // 2.41E+03 for 2409: another number on screen than the figure's.
    if (lower.contains("e+") || lower.contains("e-")) && plain.contains(['0', '#']) {
        return Some(Shown::OTHER);
    }
    // # ?/? shows 8 4/9 for 8.45: no figure as printed.
    if plain.contains('/') && !lower.contains(['y', 'm', 'd', 'h', 's']) && plain.contains('?') {
        return Some(Shown::OTHER);
    }
    let (negative, zero) = other_places(code);
    // General with sections of its own after it (General;-0.0): the
    // number as held, but in those sections as they show it.
    if lower.trim() == "general" && (negative.is_some() || zero.is_some()) {
        return Some(Shown {
            negative,
            zero,
            zero_blank: !zero_shows_digit(code),
            unsigned: negative_unsigned(code),
            ..Shown::GENERAL
        });
    }
    if lower.contains("general")
        || lower.contains(['e', '/', '@', 'y', 'm', 'd', 'h', 's'])
        || !plain.contains(['0', '#', '?'])
    {
        return None;
    }
    let Places { decimals, optional } = Places::of(&plain)?;
    // A comma after the last digit of the whole part divides by 1,000.
    let whole = plain.split('.').next().unwrap_or("");
    let thousands = whole
        .rfind(',')
        .is_some_and(|at| !whole[at..].contains(['0', '#', '?']))
        || plain
            .split_once('.')
            .is_some_and(|(_, frac)| frac.contains(','));
    Some(Shown {
        percent: plain.contains('%'),
        decimals,
        scaled: thousands || own_digits,
        blank: false,
        zero_blank: !zero_shows_digit(code),
        unsigned: negative_unsigned(code),
        optional,
        negative,
        zero,
    })
}

/// The text a format writes after the number (0.00"万元" writes 万元,
/// 0.0\% writes %), where it writes one: the unit the cell shows, which
/// must be the figure's. The percent of a percent format (0.0%) is no text
/// of it: it multiplies the number.
pub(super) fn suffix(code: &str) -> Option<String> {
    let mut out = String::new();
    let mut after = false;
    // General (G/通用格式 in a Chinese Excel or WPS) and text (@) show the
    // number or text as held, then what the format writes after it
    // (round 20: General"万元" over a figure in 亿元 passed).
    let lower = code.to_lowercase();
    let code = ["general", "g/通用格式", "@"]
        .iter()
        .find_map(|g| {
            lower
                .find(g)
                .map(|at| format!("{}0{}", &code[..at], &code[at + g.len()..]))
        })
        .unwrap_or_else(|| code.to_string());
    for piece in pieces(&code) {
        match piece {
            Piece::Section => break,
            Piece::Code('0' | '#' | '?') => {
                after = true;
                out.clear();
            }
            Piece::Literal(d) if after => out.push(d),
            // A bare ‰ is text too (only % multiplies): 0.0‰ shows 3.6‰
            // for 3.6 (round 21: printed as 3.6%).
            Piece::Code(c) if after && (crate::data::prose::is_han(c) || "‰‱".contains(c)) => {
                out.push(c)
            }
            _ => {}
        }
    }
    let out = out.trim().to_string();
    (!out.is_empty()).then_some(out)
}

/// C3 as (3, 3), AA12 as (12, 27).
fn cell_ref(r: &str) -> Option<(usize, usize)> {
    let letters = r.chars().take_while(char::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = r[..letters].chars().fold(0usize, |n, c| {
        n * 26 + (c.to_ascii_uppercase() as usize - 'A' as usize + 1)
    });
    let row = r[letters..].parse().ok()?;
    Some((row, col))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_format_code_says_percent_and_decimals() {
        let shown = |percent, decimals| {
            Some(Shown {
                percent,
                decimals: Some(decimals),
                scaled: false,
                blank: false,
                zero_blank: false,
                unsigned: false,
                optional: 0,
                negative: None,
                zero: None,
            })
        };
        let scaled = |code: &str| parse(code).is_some_and(|s| s.scaled);
        assert_eq!(parse("0.0%"), shown(true, 1));
        assert_eq!(parse("0%"), shown(true, 0));
        assert_eq!(parse("#,##0.00"), shown(false, 2));
        // an accounting format shows -3.5 as (3.5): another number than it holds
        assert!(parse("0.00_);[Red](0.00)").is_some_and(|s| s.unsigned && s.decimals == Some(2)));
        assert!(parse("0.0;0.0").is_some_and(|s| s.unsigned));
        assert!(parse("0.0;-0.0").is_some_and(|s| !s.unsigned));
        assert!(parse("0.0;\"-\"0.0").is_some_and(|s| !s.unsigned));
        // A unit after the number is no other number; a word or a sign the
        // format writes before it is (hostile round 16: 超8.5 and -8.5 for
        // 8.5 were read as 8.5).
        assert_eq!(parse("0.0\"亿元\""), shown(false, 1));
        assert_eq!(suffix("0.0\"亿元\""), Some("亿元".into()));
        assert_eq!(suffix("0.00\"万\"\"元\""), Some("万元".into()));
        assert_eq!(suffix("0.0%"), None);
        assert_eq!(suffix("0.0‰"), Some("‰".into()));
        assert_eq!(suffix("G/通用格式\"万元\""), Some("万元".into()));
        assert_eq!(suffix("General\"万元\""), Some("万元".into()));
        assert_eq!(suffix("@\"万元\""), Some("万元".into()));
        assert_eq!(suffix("General"), None);
        assert_eq!(suffix("\"¥\"0.00"), None);
        // A percent typed as text after the number is the unit it shows
        // (round 18: refused as another number).
        assert_eq!(parse("0.0\"%\""), shown(false, 1));
        assert_eq!(parse("0.0\\%"), shown(false, 1));
        assert_eq!(suffix("0.0\\%"), Some("%".into()));
        // A condition picks the section by the value (round 18: [>=100]0;0.0
        // showed 3.5 as 4).
        assert!(scaled("[>=100]0;0.0"));
        assert!(!scaled("[Red]0.0"));
        assert_eq!(parse("\"¥\"0.00"), shown(false, 2));
        // A rise shown with its sign is the number held (round 27: +15.0
        // refused as another number).
        assert_eq!(parse("\"+\"0.0"), shown(false, 1));
        assert!(parse("\"+\"0.0;\"-\"0.0").is_some_and(|s| !s.scaled && !s.unsigned));
        assert!(scaled("0.0\"+\""));
        for code in [
            "\"约\"0.0\"亿元\"",
            "\"超\"0.0",
            "\"-\"0.0",
            "0.0\"%左右\"",
            "\\-0.0",
        ] {
            assert!(scaled(code), "{code}");
        }
        assert_eq!(parse("General"), None);
        assert_eq!(parse("@"), None);
        assert_eq!(parse("yyyy-mm-dd"), None);
        // 2.41E+03 shows another number than 2409
        assert!(scaled("0.00E+00"));
        // 8 4/9 for 8.45
        assert!(scaled("# ?/?"));
        // Shown in 万 or thousands, or with a point of the format's own:
        // nothing tells the figure (hostile round 5).
        for code in [
            "0!.0000\"万\"",
            "0\\.0000\"万\"",
            "0,\"万\"",
            "0.0,,,",
            "0.0,",
            "#,##0,",
            "0\".\"0",
        ] {
            assert!(scaled(code), "{code}");
        }
        assert_eq!(parse("#,##0.0_ "), shown(false, 1));
        assert_eq!(parse("0\"亿元\""), shown(false, 0));
        // No section for the number: shown as nothing (hostile round 6).
        for code in [";;;", ";;", ";\"-\";"] {
            assert!(parse(code).is_some_and(|s| s.blank), "{code}");
        }
        assert!(!parse("0;-0;;@").is_some_and(|s| s.blank));
    }

    #[test]
    fn a_number_is_shown_as_its_format_shows_it() {
        let percent = Shown {
            percent: true,
            decimals: Some(1),
            scaled: false,
            blank: false,
            zero_blank: false,
            unsigned: false,
            optional: 0,
            negative: None,
            zero: None,
        };
        assert_eq!(percent.text(0.035), "3.5");
        assert_eq!(percent.text(0.143), "14.3");
        let two = Shown {
            percent: false,
            decimals: Some(2),
            scaled: false,
            blank: false,
            zero_blank: false,
            unsigned: false,
            optional: 0,
            negative: None,
            zero: None,
        };
        assert_eq!(two.text(172.8), "172.80");
        let one = Shown {
            percent: false,
            decimals: Some(1),
            scaled: false,
            blank: false,
            zero_blank: false,
            unsigned: false,
            optional: 0,
            negative: None,
            zero: None,
        };
        assert_eq!(one.text(4.4999), "4.5");
        // A half rounds away from zero, from 15 significant digits, as
        // Excel, WPS and LibreOffice show it (Rust's own formatting gives
        // 14.2, 2 and 1.00).
        assert_eq!(one.text(14.25), "14.3");
        assert_eq!(rounded(2.5, 0), "3");
        assert_eq!(rounded(-2.5, 0), "-3");
        assert_eq!(two.text(1.005), "1.01");
        assert_eq!(one.text(9.96), "10.0");
        assert_eq!(two.text(0.004), "0.00");
        assert_eq!(two.text(-0.004), "0.00");
        assert_eq!(rounded(0.0, 2), "0.00");
        assert_eq!(rounded(0.05, 1), "0.1");
        assert_eq!(rounded(24090000.0, 0), "24090000");
        assert_eq!(rounded(1e20, 1), "100000000000000000000.0");
        let general_percent = Shown {
            percent: true,
            decimals: None,
            scaled: false,
            blank: false,
            zero_blank: false,
            unsigned: false,
            optional: 0,
            negative: None,
            zero: None,
        };
        assert_eq!(general_percent.text(0.035), "3.5");
        // Optional decimals (round 21: 4.5 under 0.0# printed 4.50, 15
        // under #,##0.## printed 15.00).
        for (code, value, text) in [
            ("#,##0.0#", 4.5, "4.5"),
            ("#,##0.0#", 4.25, "4.25"),
            ("#,##0.0#", 4.0, "4.0"),
            ("#,##0.##", 15.0, "15"),
            ("#,##0.##", 15.5, "15.5"),
            ("0.0?", 3.6, "3.6"),
            ("#.##", 0.126, "0.13"),
            ("0.00", 4.5, "4.50"),
        ] {
            assert_eq!(parse(code).unwrap().text(value), text, "{code} {value}");
        }
        // Each section its own decimals (round 23: the first section's
        // were used for every number).
        for (code, value, text) in [
            ("0.0;-0.00", -3.456, "-3.46"),
            ("0.0;-0", -3.456, "-3"),
            ("General;-0.0", -3.456, "-3.5"),
            ("General;-0.0", 3.456, "3.456"),
            ("0.00;-0.00;0", 0.0, "0"),
            ("0;-0;0.0", 0.0, "0.0"),
            ("0;-0;0.0", 2.0, "2"),
            ("0.0#;-0.0#;\"0\"", 0.0, "0"),
            ("#,##0.00;[Red]-#,##0.00", -1234.5, "-1234.50"),
        ] {
            let shown = parse(code).unwrap();
            assert!(!shown.zero_blank, "{code}");
            assert_eq!(shown.text(value), text, "{code} {value}");
        }
        assert!(parse("General;-0.0;").is_some_and(|s| s.zero_blank));
        assert_eq!(cell_ref("C3"), Some((3, 3)));
        assert_eq!(cell_ref("AA12"), Some((12, 27)));
    }
}
