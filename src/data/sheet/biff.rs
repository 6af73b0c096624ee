//! How an .xls (BIFF8: Excel 97–2003, and WPS's .xls) shows its numbers
//! and which rows and columns it hides, as `shown` reads them for an .xlsx.
//! calamine gives the values held only; the number formats are in the
//! workbook stream's FORMAT and XF records, and each number cell names its
//! XF ([MS-XLS] 2.4).

use std::collections::HashMap;
use std::io::{Cursor, Read};

use super::shown::{Seen, built_in, parse, suffix};

/// A workbook stream larger than this is not read (the file is 8 MB at
/// most).
const MAX_STREAM: u64 = 64 * 1024 * 1024;

// Record types ([MS-XLS] 2.3).
const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const BOUND_SHEET: u16 = 0x0085;
const FORMAT: u16 = 0x041E;
const XF: u16 = 0x00E0;
const NUMBER: u16 = 0x0203;
const RK: u16 = 0x027E;
const MUL_RK: u16 = 0x00BD;
const FORMULA: u16 = 0x0006;
const ROW: u16 = 0x0208;
const COL_INFO: u16 = 0x007D;

/// How the sheet `name` of an .xls shows its cells; nothing for an older
/// BIFF (Excel 95 and before) or a stream that does not parse (calamine has
/// read the values already).
pub fn seen(bytes: &[u8], name: &str) -> Seen {
    read(bytes, name).unwrap_or_default()
}

fn read(bytes: &[u8], name: &str) -> Option<Seen> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).ok()?;
    let mut data = Vec::new();
    file.open_stream("/Workbook")
        .ok()?
        .take(MAX_STREAM)
        .read_to_end(&mut data)
        .ok()?;
    // The globals: number formats, the XFs naming them, the sheets.
    let mut codes: HashMap<u32, String> = HashMap::new();
    let mut xfs: Vec<u32> = Vec::new();
    let mut sheet_at = None;
    for (i, (kind, body)) in records(&data, 0).enumerate() {
        match kind {
            // BIFF8 says version 0x0600; an older one stores its strings
            // otherwise.
            BOF if i == 0 && u16_at(body, 0)? != 0x0600 => return None,
            FORMAT => {
                let id = u16_at(body, 0)?;
                codes.insert(id.into(), unicode(body.get(2..)?, true)?);
            }
            XF => xfs.push(u16_at(body, 2)?.into()),
            BOUND_SHEET => {
                let at = u32_at(body, 0)? as usize;
                if unicode(body.get(6..)?, false)? == name {
                    sheet_at = Some(at);
                }
            }
            EOF => break,
            _ => {}
        }
    }
    let code_of_xf: Vec<Option<String>> = xfs
        .iter()
        .map(|id| codes.get(id).cloned().or_else(|| built_in(*id)))
        .collect();
    let shown_of_xf: Vec<_> = code_of_xf.iter().map(|c| parse(c.as_deref()?)).collect();
    let unit_of_xf: Vec<_> = code_of_xf.iter().map(|c| suffix(c.as_deref()?)).collect();
    let mut seen = Seen::default();
    let mut note = |row: u16, col: u16, xf: u16| {
        let at = (usize::from(row) + 1, usize::from(col) + 1);
        if let Some(Some(shown)) = shown_of_xf.get(usize::from(xf)) {
            seen.shown.insert(at, *shown);
        }
        if let Some(Some(unit)) = unit_of_xf.get(usize::from(xf)) {
            seen.units.insert(at, unit.clone());
        }
    };
    let mut hidden_rows = Vec::new();
    let mut hidden_cols = Vec::new();
    let mut no_result = Vec::new();
    // An embedded chart is a substream of its own, BOF to EOF, inside the
    // sheet's.
    let mut depth = 0;
    for (kind, body) in records(&data, sheet_at?).skip(1) {
        match kind {
            BOF => depth += 1,
            EOF if depth == 0 => break,
            EOF => depth -= 1,
            _ if depth > 0 => {}
            NUMBER | RK => note(u16_at(body, 0)?, u16_at(body, 2)?, u16_at(body, 4)?),
            FORMULA => {
                let (row, col) = (u16_at(body, 0)?, u16_at(body, 2)?);
                note(row, col, u16_at(body, 4)?);
                // A result that is no number (its last two bytes 0xFFFF) of
                // type 3, an empty string: what a program writes for a
                // formula it never calculated (xlwt), read as empty, as
                // the .xlsx's formula with no saved result is (round 18).
                if body.get(12..14) == Some(&[0xFF, 0xFF]) && body.get(6) == Some(&3) {
                    no_result.push((usize::from(row) + 1, usize::from(col) + 1));
                }
            }
            // A row of RK numbers: the row, the first column, then an XF
            // and a number (6 bytes) per column, then the last column.
            MUL_RK => {
                let (row, first) = (u16_at(body, 0)?, u16_at(body, 2)?);
                let cells = body.get(4..body.len().checked_sub(2)?)?;
                for (k, cell) in cells.chunks_exact(6).enumerate() {
                    let col = first.checked_add(u16::try_from(k).ok()?)?;
                    note(row, col, u16_at(cell, 0)?);
                }
            }
            // fDyZero: the row is hidden (or dragged shut).
            ROW if u16_at(body, 12)? & 0x20 != 0 || u16_at(body, 6)? & 0x7FFF == 0 => {
                hidden_rows.push(usize::from(u16_at(body, 0)?) + 1);
            }
            // fHidden or no width, for columns colFirst to colLast (256
            // columns at most).
            COL_INFO if u16_at(body, 8)? & 1 != 0 || u16_at(body, 4)? == 0 => {
                let (first, last) = (u16_at(body, 0)?, u16_at(body, 2)?.min(255));
                hidden_cols.extend((first..=last).map(|c| usize::from(c) + 1));
            }
            _ => {}
        }
    }
    seen.hidden_rows = hidden_rows.into_iter().collect();
    seen.no_result = no_result.into_iter().collect();
    seen.hidden_cols = hidden_cols.into_iter().collect();
    Some(seen)
}

/// The records of the stream from `at`: (type, body), until the stream
/// ends or a record's length overruns it.
fn records(data: &[u8], at: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut at = at;
    std::iter::from_fn(move || {
        let kind = u16_at(data, at)?;
        let len = usize::from(u16_at(data, at + 2)?);
        let body = data.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        Some((kind, body))
    })
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// An XLUnicodeString (a 16-bit count, `wide` true) or a
/// ShortXLUnicodeString (an 8-bit count). Characters are UTF-16 or, compressed, one byte each (the low
/// byte of UTF-16).
fn unicode(b: &[u8], wide: bool) -> Option<String> {
    let (count, mut at) = if wide {
        (usize::from(u16_at(b, 0)?), 2)
    } else {
        (usize::from(*b.first()?), 1)
    };
    let flags = *b.get(at)?;
    at += 1;
    // Rich text runs and East Asian phonetic data stand before the
    // characters as counts; the characters come first after them.
    if flags & 0x08 != 0 {
        at += 2;
    }
    if flags & 0x04 != 0 {
        at += 4;
    }
    if flags & 0x01 != 0 {
        let units: Vec<u16> = b
            .get(at..at + 2 * count)?
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        Some(String::from_utf16_lossy(&units))
    } else {
        Some(
            b.get(at..at + count)?
                .iter()
                .map(|&c| char::from(c))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_read_compressed_and_wide() {
        // "0.0%" compressed, with a 16-bit count.
        assert_eq!(
            unicode(&[4, 0, 0, b'0', b'.', b'0', b'%'], true),
            Some("0.0%".into())
        );
        // 指标 in UTF-16, with an 8-bit count.
        let wide = [2, 1, 0x07, 0x63, 0x07, 0x68];
        assert_eq!(unicode(&wide, false), Some("指标".into()));
        // A count past the end is no string.
        assert_eq!(unicode(&[9, 0, b'a'], false), None);
    }

    #[test]
    fn records_stop_where_a_length_overruns_the_stream() {
        let data = [0x03, 0x02, 1, 0, 7, 0x0A, 0x00, 9, 0];
        let all: Vec<_> = records(&data, 0).collect();
        assert_eq!(all, vec![(NUMBER, &[7u8][..])]);
    }

    /// A workbook stream in a compound file, as an .xls holds it.
    fn xls(stream: &[u8]) -> Vec<u8> {
        let mut file = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
        std::io::Write::write_all(&mut file.create_stream("/Workbook").unwrap(), stream).unwrap();
        file.into_inner().into_inner()
    }

    fn record(kind: u16, body: &[u8]) -> Vec<u8> {
        let mut out = kind.to_le_bytes().to_vec();
        out.extend((body.len() as u16).to_le_bytes());
        out.extend(body);
        out
    }

    /// BIFF8 globals with a format `0.0%`, its XF, and a sheet 表 whose
    /// C2 is a number in that XF.
    fn workbook() -> Vec<u8> {
        let mut globals = record(BOF, &[0x00, 0x06, 0x05, 0x00]);
        globals.extend(record(
            FORMAT,
            &[0xA4, 0x00, 4, 0, 0, b'0', b'.', b'0', b'%'],
        ));
        globals.extend(record(XF, &[0, 0, 0xA4, 0x00]));
        // The sheet's BOF follows this record (4 + 10 bytes) and the EOF.
        let sheet_at = globals.len() + 14 + 4;
        let mut bound = (sheet_at as u32).to_le_bytes().to_vec();
        bound.extend([0, 0, 1, 1, 0x68, 0x88]);
        globals.extend(record(BOUND_SHEET, &bound));
        globals.extend(record(EOF, &[]));
        let mut sheet = record(BOF, &[0x00, 0x06, 0x10, 0x00]);
        let mut number = vec![1, 0, 2, 0, 0, 0];
        number.extend(0.036f64.to_le_bytes());
        sheet.extend(record(NUMBER, &number));
        sheet.extend(record(EOF, &[]));
        [globals, sheet].concat()
    }

    #[test]
    fn a_number_cell_is_read_with_its_format() {
        let seen = seen(&xls(&workbook()), "表");
        let shown = seen.shown.get(&(2, 3)).expect("C2 has its format");
        assert!(shown.percent);
        assert_eq!(shown.text(0.036), "3.6");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, ..Default::default() })]
        /// Bytes that are no workbook, or a workbook stream cut or changed
        /// anywhere, read as nothing or as something: never a panic or a
        /// hang.
        #[test]
        fn any_bytes_read_without_a_panic(
            at in 0usize..200,
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64),
            cut in 0usize..200,
        ) {
            let _ = seen(&bytes, "表");
            let mut stream = workbook();
            let at = at.min(stream.len());
            for (i, b) in bytes.iter().enumerate() {
                if let Some(x) = stream.get_mut(at + i) {
                    *x = *b;
                }
            }
            stream.truncate(stream.len().saturating_sub(cut % 16));
            let _ = seen(&xls(&stream), "表");
        }
    }
}
