//! Figures from the statistics office's spreadsheet: `meta.yaml` names a
//! sheet (`figures: { file: 指标.xlsx, sheet: 主要指标 }`) whose rows give
//! figure values by id; they override the values of the YAML files. Read
//! with calamine (.xlsx, .xls, .ods) or as CSV (UTF-8); every problem is
//! placed at its cell (file, sheet, row, column).
//!
//! The layout: a header row naming the columns, in English or Chinese, in
//! any order: `id`/`标识` (required), `value`/`数值`, `yoy`/`同比`,
//! `share`/`占比`, `written`/`写法`, and `label`/`名称` (for people; not
//! read). A row without an id is passed over.

mod biff;
mod ods;
mod shown;

use std::path::{Path, PathBuf};

use crate::digest::{self, Follow};

/// Larger sheets than this are not read: a figures sheet is a few kilobytes.
pub const MAX_SHEET_BYTES: u64 = 8 * 1024 * 1024;

/// What a column of the sheet gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Value,
    Yoy,
    Share,
    Written,
    /// The unit of the value (单位): checked against the figure's.
    Unit,
}

impl Column {
    /// The column a header names (`None` for a column for people, which
    /// brief does not read), and the unit written after its name in
    /// brackets (数值（亿元）, 比上年增长(%)); `None` for a header brief does
    /// not know.
    fn named(header: &str) -> Option<(Option<Column>, Option<String>)> {
        // A header wrapped in its cell (比上年⏎增长(%), Alt+Enter) reads as
        // Excel shows it: its lines joined, without the spaces around them.
        let joined: String = header.lines().map(str::trim).collect();
        let header = joined.trim();
        let (name, unit) = header
            .strip_suffix([')', '）'])
            .and_then(|rest| rest.rfind(['(', '（']).map(|i| rest.split_at(i)))
            .map(|(name, unit)| (name.trim(), unit.chars().skip(1).collect::<String>()))
            .filter(|(name, unit)| !name.is_empty() && !unit.trim().is_empty())
            .map_or((header, None), |(name, unit)| {
                // 数值（单位：亿元）: the word 单位 is no part of the unit.
                let unit = unit_stated(&unit).unwrap_or(&unit);
                (name, Some(unit.trim().to_string()))
            });
        // 比上年增长±%, 比上年增长(±%): a change in percent, up or down.
        let (name, unit) = match name.strip_suffix("±%") {
            Some(rest) if unit.is_none() && !rest.trim().is_empty() => {
                (rest.trim(), Some("%".to_string()))
            }
            _ => (name, unit.map(|u| u.trim_start_matches('±').to_string())),
        };
        let column = match name.to_lowercase().as_str() {
            "value" | "数值" | "值" => Some(Column::Value),
            "yoy" | "同比" | "增长" | "增速" | "同比增长" | "比上年增长" | "增长率" | "增幅" => {
                Some(Column::Yoy)
            }
            "share" | "占比" | "比重" => Some(Column::Share),
            "written" | "写法" => Some(Column::Written),
            "unit" | "单位" | "计量单位" => Some(Column::Unit),
            "label" | "名称" | "指标" | "指标名称" | "项目" | "序号" | "备注" | "note" | "上年"
            | "上年数" | "上年同期" => None,
            _ => return None,
        };
        // Only a number's column has a unit; brackets after another name
        // are words for people (名称（全称）).
        let unit =
            unit.filter(|_| matches!(column, Some(Column::Value | Column::Yoy | Column::Share)));
        Some((column, unit))
    }
}

/// A unit as a sheet or the data writes it, for comparing: ％ typed
/// full-width is %.
pub fn unit_text(unit: &str) -> String {
    let unit = unit.trim().replace('％', "%");
    // A dash or slash in a unit cell says the figure has none (an index).
    if matches!(unit.as_str(), "—" | "——" | "-" | "－" | "/" | "／" | "无") {
        String::new()
    } else {
        unit
    }
}

/// A cell: its row (1-based) and column (1-based), as a spreadsheet shows
/// them (C3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub row: usize,
    pub col: usize,
}

impl Cell {
    /// C3, AA12.
    pub fn name(&self) -> String {
        let mut letters = String::new();
        let mut n = self.col;
        while n > 0 {
            let r = (n - 1) % 26;
            letters.insert(0, (b'A' + r as u8) as char);
            n = (n - 1) / 26;
        }
        format!("{letters}{}", self.row)
    }
}

/// A row of the sheet: the figure's id and what its cells give.
#[derive(Debug, Clone)]
pub struct Row {
    pub id: String,
    pub id_cell: Cell,
    pub cells: Vec<(Column, String, Cell)>,
}

/// A unit a header gives its column (数值（亿元）), at the header's cell.
#[derive(Debug, Clone)]
pub struct HeaderUnit {
    pub column: Column,
    pub unit: String,
    pub cell: Cell,
}

/// The sheet as read.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// Relative to the project.
    pub rel: PathBuf,
    /// The sheet's name (none for CSV).
    pub name: Option<String>,
    pub rows: Vec<Row>,
    pub digest: String,
    /// The sheet as lines of text, one a row (line N is row N), its cells
    /// between ` | `: where an error's excerpt shows the row.
    pub text: String,
    /// Cells brief reads that do not hold what they show (a date, a formula
    /// never calculated, a merged cell) and cells under no header.
    pub problems: Vec<SheetProblem>,
    /// Number cells formatted as a percent (0.14 shown as 14%), by (row,
    /// column): a rate's, or a slip where the figure is an amount.
    pub percent: std::collections::HashSet<(usize, usize)>,
    /// Units the header gives its number columns.
    pub units: Vec<HeaderUnit>,
    /// The unit a cell's number format shows after the number (0.00"万元"),
    /// by (row, column): the figure's, or the sheet shows another figure.
    pub shown_units: std::collections::HashMap<(usize, usize), String>,
}

/// A cell whose shown content is not what a reader gets: a date (its
/// serial number), a formula never calculated (no saved result), a cell
/// merged with others (its value stands in only one of them), a cell in a
/// hidden row or column (nobody sees it on screen).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Odd {
    Date,
    NoResult,
    /// A formula's saved result in a workbook that asks to be calculated
    /// again when opened (`fullCalcOnLoad`): Excel and WPS show another
    /// number than the file holds, when an input changed since.
    Recalc,
    Merged,
    Hidden,
    /// Shown scaled (in 万, in thousands) or with a point of the format's
    /// own: neither the number held nor the one shown is the figure for sure.
    Scaled,
    /// A zero the sheet shows as an empty cell or a dash.
    ZeroBlank,
    /// A negative number shown without its minus: (3.2), or 3.2 in red,
    /// as Excel's and WPS's own negative styles show it.
    Unsigned,
}

/// The odd cells of a sheet by (row, column), 1-based.
type OddCells = std::collections::HashMap<(usize, usize), Odd>;

/// A sheet's rows, each cell with the text it holds (none when empty).
type Grid = Vec<Vec<(Cell, Option<String>)>>;

/// A cell as a problem's field: 主要指标!C3 in a workbook, C3 in a CSV.
pub fn field(sheet: Option<&str>, cell: &Cell) -> String {
    match sheet {
        Some(name) => format!("{name}!{}", cell.name()),
        None => cell.name(),
    }
}

/// The column, in characters of `line` (the row of [`Sheet::text`]), where
/// `cell` starts.
pub fn text_col(line: &str, cell: &Cell) -> usize {
    let mut col = 1;
    for (i, part) in line.split(" | ").enumerate() {
        if i + 1 == cell.col {
            break;
        }
        col += part.chars().count() + 3;
    }
    col
}

/// Why a sheet could not be read, in words the loader says at the file.
#[derive(Debug)]
pub enum SheetError {
    /// Not a regular file inside the project, too large, unreadable.
    File(String),
    /// Not a spreadsheet calamine reads, or a CSV that is not UTF-8.
    Format(String),
    /// No sheet of this name; the names there are.
    NoSheet(String, Vec<String>),
    /// No `id` column in the header row (of the sheet named).
    NoId(Option<String>),
    /// A header brief does not know, at its cell (and the cell's field, 主要指标!C1).
    Header(String, Cell, String),
    /// A column named twice (value and 数值): at the second (and its
    /// field), with the first.
    Twice(String, Cell, String, Cell),
    /// A CSV quote opened at this cell and left open, or closed only after
    /// lines that look like rows.
    Quote(Cell),
    /// A cell (of the sheet named) so far from the others that the sheet's
    /// grid would span millions of cells.
    Far(String, Cell),
}

/// Reads the sheet `sheet` (the first when none) of `root/rel`.
pub fn read(root: &Path, rel: &Path, sheet: Option<&str>) -> Result<Sheet, SheetError> {
    let path = root.join(rel);
    let inside = path
        .canonicalize()
        .ok()
        .zip(root.canonicalize().ok())
        .is_some_and(|(p, r)| p.starts_with(r));
    if !inside {
        return Err(SheetError::File(path.display().to_string()));
    }
    let bytes = digest::read(&path, MAX_SHEET_BYTES, Follow::Yes).map_err(|e| {
        SheetError::File(match e {
            digest::Unread::Io(e) => crate::i18n::io(&e),
            digest::Unread::TooLarge(n) => format!("{} MB", n / 1024 / 1024),
            _ => path.display().to_string(),
        })
    })?;
    let digest = digest::digest(&bytes);
    let csv = rel
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let mut percent = std::collections::HashSet::new();
    let mut shown_units = std::collections::HashMap::new();
    let (name, grid, odd) = if csv {
        let text = String::from_utf8(bytes)
            .map_err(|_| SheetError::Format(crate::tr!("sheet-csv-not-utf8")))?;
        let grid = csv_rows(text.trim_start_matches('\u{feff}'))?;
        (None, grid, OddCells::new())
    } else {
        use calamine::Reader;
        // An .xlsx or .ods is a zip: what it unpacks to is bounded before
        // calamine unpacks it (a few megabytes may hold gigabytes of cells).
        if let Some(size) = unpacked_size(&bytes)
            && size > MAX_UNPACKED
        {
            return Err(SheetError::Format(crate::tr!(
                "sheet-unpacks-too-large",
                size = size / (1024 * 1024),
                max = MAX_UNPACKED / (1024 * 1024)
            )));
        }
        // calamine's own words are English: what the user can act on is
        // whether the file is a workbook at all, or a damaged one.
        let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.as_slice()))
            .map_err(|_| {
                // An .ods is laid out whole as it opens: a cell far from the
                // others passes calamine's bound before brief sees a cell
                // (and the format's own error is lost in the guessing).
                let ods: Result<calamine::Ods<_>, _> =
                    calamine::Reader::new(std::io::Cursor::new(bytes.as_slice()));
                match ods {
                    Err(calamine::OdsError::CellLimitExceeded { .. }) => {
                        SheetError::Format(crate::tr!("sheet-too-many-cells"))
                    }
                    _ => SheetError::Format(crate::tr!("sheet-not-a-workbook")),
                }
            })?;
        let names = book.sheet_names();
        // Without a name, the first sheet the user sees: not a hidden one
        // that holds last year's figures or lookups, nor a chart's tab
        // (Move Chart → New sheet), which holds no cells.
        // An .ods keeps a chart's tab as a sheet holding only the chart:
        // the first shown sheet that holds a cell, where one does.
        let shown: Vec<String> = book
            .sheets_metadata()
            .iter()
            .filter(|s| {
                s.visible == calamine::SheetVisible::Visible
                    && s.typ == calamine::SheetType::WorkSheet
            })
            .map(|s| s.name.clone())
            .collect();
        let first_shown = match &mut book {
            calamine::Sheets::Ods(ods) => shown
                .iter()
                .find(|n| {
                    ods.worksheet_range(n)
                        .is_ok_and(|r| r.used_cells().next().is_some())
                })
                .or(shown.first())
                .cloned(),
            _ => shown.first().cloned(),
        };
        // A tab's name typed with a space at its end, which no tab shows
        // (round 28: "no sheet “主要指标”; it has: 主要指标 "), is that tab.
        let spaced = |s: &str| {
            let mut same = names.iter().filter(|n| n.trim() == s.trim());
            match (same.next(), same.next()) {
                (Some(n), None) => Some(n.clone()),
                _ => None,
            }
        };
        let name = match sheet {
            Some(s) if names.iter().any(|n| n == s) => s.to_string(),
            Some(s) => match spaced(s) {
                Some(n) => n,
                None => return Err(SheetError::NoSheet(s.to_string(), names)),
            },
            None => first_shown.ok_or_else(|| SheetError::NoSheet(String::new(), names.clone()))?,
        };
        // A number as the sheet shows it (3.5% held as 0.035, 172.80 held
        // as 172.8): .xlsx and .xls number formats, the text an .ods shows;
        // and its hidden rows and columns.
        let seen = match &book {
            calamine::Sheets::Xlsx(_) => shown::seen(&bytes, &name),
            calamine::Sheets::Xls(_) => biff::seen(&bytes, &name),
            calamine::Sheets::Ods(_) => ods::seen(&bytes, &name),
            _ => Default::default(),
        };
        let shown = &seen.shown;
        shown_units.clone_from(&seen.units);
        // calamine lays a sheet out as a full grid from A1's corner to its
        // farthest cell: one stray cell at XFD1048576 is 17 billion cells.
        // An .xlsx is streamed first to find it; an .xls (65536 × 256 at
        // most) is looked at once read.
        if let calamine::Sheets::Xlsx(x) = &mut book
            && let Ok(mut cells) = x.worksheet_cells_reader(&name)
        {
            let mut positions = Vec::new();
            while let Ok(Some(cell)) = cells.next_cell() {
                if !matches!(cell.get_value(), calamine::DataRef::Empty) {
                    positions.push(cell.get_position());
                }
            }
            if let Some(cell) = far_cell(positions) {
                return Err(SheetError::Far(name, cell));
            }
        }
        let range = book
            .worksheet_range(&name)
            .map_err(|_| SheetError::Format(crate::tr!("sheet-damaged", name = name.as_str())))?;
        if let Some(cell) = far_cell(range.used_cells().map(|(r, c, _)| {
            let start = range.start().unwrap_or((0, 0));
            (start.0 + r as u32, start.1 + c as u32)
        })) {
            return Err(SheetError::Far(name, cell));
        }
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let at = |r: u32, c: u32| (r as usize + 1, c as usize + 1);
        let mut odd = OddCells::new();
        // A formula with no saved result (written by a program, never
        // opened in Excel or WPS) reads as empty: said, not passed over.
        if let Ok(formulas) = book.worksheet_formula(&name) {
            for (r, c, f) in formulas.used_cells() {
                let (r, c) = (
                    formulas.start().map_or(0, |s| s.0) + r as u32,
                    formulas.start().map_or(0, |s| s.1) + c as u32,
                );
                if f.trim().is_empty() {
                    continue;
                }
                if range
                    .get_value((r, c))
                    .is_none_or(|d| *d == calamine::Data::Empty)
                {
                    odd.insert(at(r, c), Odd::NoResult);
                } else if seen.recalc_on_open {
                    odd.insert(at(r, c), Odd::Recalc);
                }
            }
        }
        for &at in &seen.no_result {
            odd.insert(at, Odd::NoResult);
        }
        for &at in &seen.merged {
            odd.insert(at, Odd::Merged);
        }
        let merged = match &mut book {
            calamine::Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(&name).ok(),
            calamine::Sheets::Xls(x) => x.merge_cells_by_sheet_name(&name).ok(),
            _ => None,
        };
        for region in merged.into_iter().flatten() {
            for r in region.start.0..=region.end.0.min(region.start.0 + 10_000) {
                for c in region.start.1..=region.end.1.min(region.start.1 + 100) {
                    odd.insert(at(r, c), Odd::Merged);
                }
            }
        }
        let grid: Grid = range
            .rows()
            .enumerate()
            .map(|(r, row)| {
                row.iter()
                    .enumerate()
                    .map(|(c, data)| {
                        let cell = Cell {
                            row: r0 as usize + r + 1,
                            col: c0 as usize + c + 1,
                        };
                        if (seen.hidden_rows.contains(&cell.row)
                            || seen.hidden_cols.contains(&cell.col)
                            || shown.get(&(cell.row, cell.col)).is_some_and(|s| s.blank))
                            && *data != calamine::Data::Empty
                        {
                            odd.insert((cell.row, cell.col), Odd::Hidden);
                        }
                        if matches!(
                            data,
                            calamine::Data::DateTime(_)
                                | calamine::Data::DateTimeIso(_)
                                | calamine::Data::DurationIso(_)
                        ) {
                            odd.insert((cell.row, cell.col), Odd::Date);
                        }
                        let negative = match data {
                            calamine::Data::Float(f) => *f < 0.0,
                            calamine::Data::Int(i) => *i < 0,
                            _ => false,
                        };
                        // (a minus hidden is said as such: round 28 said
                        // "in 万 or thousands" of a red (3.2))
                        let format = shown.get(&(cell.row, cell.col));
                        if matches!(data, calamine::Data::Float(_) | calamine::Data::Int(_)) {
                            if format.is_some_and(|s| s.scaled) {
                                odd.insert((cell.row, cell.col), Odd::Scaled);
                            } else if negative && format.is_some_and(|s| s.unsigned) {
                                odd.insert((cell.row, cell.col), Odd::Unsigned);
                            }
                        }
                        let zero = match data {
                            calamine::Data::Float(f) => *f == 0.0,
                            calamine::Data::Int(i) => *i == 0,
                            _ => false,
                        };
                        if zero
                            && (seen.zeros_hidden
                                || shown
                                    .get(&(cell.row, cell.col))
                                    .is_some_and(|s| s.zero_blank))
                        {
                            odd.insert((cell.row, cell.col), Odd::ZeroBlank);
                        }
                        if shown.get(&(cell.row, cell.col)).is_some_and(|s| s.percent)
                            && matches!(data, calamine::Data::Float(_) | calamine::Data::Int(_))
                        {
                            percent.insert((cell.row, cell.col));
                        }
                        let text = match (data, shown.get(&(cell.row, cell.col))) {
                            (calamine::Data::Float(f), Some(format)) => Some(format.text(*f)),
                            (calamine::Data::Int(i), Some(format)) => Some(format.text(*i as f64)),
                            _ => text_of(data),
                        };
                        (cell, text)
                    })
                    .collect()
            })
            .collect();
        (Some(name), grid, odd)
    };
    let text = render(&grid);
    let (rows, problems, units) = rows(&grid, name.as_deref(), &odd)?;
    Ok(Sheet {
        units,
        shown_units,
        rel: rel.to_path_buf(),
        rows,
        name,
        digest,
        text,
        problems,
        percent,
    })
}

/// A cell's content as text, where its number format does not say more
/// (`shown`): a number as its digits (172.8: a General number holds no
/// trailing zero), text as typed.
fn text_of(data: &calamine::Data) -> Option<String> {
    use calamine::Data;
    match data {
        Data::Empty => None,
        Data::Int(i) => Some(i.to_string()),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => Some((*f as i64).to_string()),
        // (1e308 as its 309 digits would say nothing a reader can check.)
        Data::Float(f) if f.abs() >= 1e15 => Some(format!("{f:e}")),
        // To the 15 significant digits a spreadsheet shows (a pasted
        // =0.1+4.1 holds 4.199999999999999 and shows 4.2).
        Data::Float(f) => {
            let places = (14 - f.abs().log10().floor() as i64).clamp(0, 30) as usize;
            let s = format!("{f:.places$}");
            Some(s.trim_end_matches('0').trim_end_matches('.').to_string())
        }
        Data::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Data::Bool(b) => Some(b.to_string()),
        other => Some(other.to_string()),
    }
}

/// The most cells a sheet's grid may span, from A1 to its farthest cell
/// (a sheet of figures spans a few hundred).
const MAX_GRID: u64 = 2_000_000;

/// Of the (0-based) positions of a sheet's cells, when the grid from A1 to
/// them spans more than [`MAX_GRID`], the cell that spreads it most (a note
/// typed at the sheet's far corner).
fn far_cell(positions: impl IntoIterator<Item = (u32, u32)>) -> Option<Cell> {
    let (mut rows, mut cols, mut far, mut spread) = (0u64, 0u64, (0, 0), 0u64);
    for (r, c) in positions {
        let (r, c) = (u64::from(r) + 1, u64::from(c) + 1);
        rows = rows.max(r);
        cols = cols.max(c);
        if r * c > spread {
            (spread, far) = (r * c, (r, c));
        }
    }
    (rows * cols > MAX_GRID).then_some(Cell {
        row: far.0 as usize,
        col: far.1 as usize,
    })
}

/// The rows of a CSV text (RFC 4180: quoted fields may hold commas,
/// quotes doubled), with their cells.
fn csv_rows(text: &str) -> Result<Grid, SheetError> {
    // A quoted field may hold commas, doubled quotes and line breaks (a
    // label typed with Alt+Enter): a record is a row, as a spreadsheet
    // opens the file, whatever lines it takes. As in Excel, only a quote
    // that starts a field opens one; a quote inside a field is text.
    let mut records: Vec<Vec<String>> = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    // Cells pasted from Excel or WPS into Notepad are separated by tabs:
    // a file whose first line has tabs and no comma is read so (round 29:
    // its header was one column, quoted with its tabs).
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let separator = if first.contains('\t') && !first.contains(',') {
        '\t'
    } else {
        ','
    };
    // Where the open quoted field started, and whether a line of it after
    // its first starts as a row does (an id, then a comma): the rows a
    // quote left open has swallowed. (A note typed over lines may hold
    // commas: 上年同期为5,120万元, 快报数.)
    let mut opened = Cell { row: 0, col: 0 };
    let mut swallowed = false;
    let mut line_start: Option<usize> = None;
    let mut started = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if !started => {
                quoted = true;
                line_start = None;
                opened = Cell {
                    row: records.len() + 1,
                    col: fields.len() + 1,
                };
            }
            (c, false) if c == separator => {
                fields.push(std::mem::take(&mut field));
                started = false;
                continue;
            }
            ('\r', false) if chars.peek() == Some(&'\n') => {}
            ('\n' | '\r', false) => {
                fields.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut fields));
                started = false;
                continue;
            }
            ('\n' | '\r', true) => {
                field.push(c);
                line_start = Some(field.len());
            }
            (c, true) if c == separator && line_start.is_some() => {
                let head = &field[line_start.unwrap_or(0)..];
                swallowed |= crate::data::is_id(head.trim());
                line_start = None;
                field.push(c);
            }
            (c, _) => field.push(c),
        }
        started = true;
    }
    // A quote typed by mistake (a label begun with " and ended with ”)
    // makes the rest of the file, or the rows up to the next quote, one
    // cell: their figures would silently not be read.
    if quoted || swallowed {
        return Err(SheetError::Quote(opened));
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        records.push(fields);
    }
    Ok(records
        .into_iter()
        .enumerate()
        .map(|(r, fields)| {
            fields
                .into_iter()
                .enumerate()
                .map(|(c, f)| {
                    let f = f.trim().to_string();
                    (
                        Cell {
                            row: r + 1,
                            col: c + 1,
                        },
                        (!f.is_empty()).then_some(f),
                    )
                })
                .collect()
        })
        .collect())
}

/// The grid as lines, line N holding row N (rows above the used range and
/// empty cells too, so that rows and columns keep their numbers).
fn render(grid: &[Vec<(Cell, Option<String>)>]) -> String {
    let mut lines: Vec<String> = Vec::new();
    for row in grid {
        let Some((first, _)) = row.first() else {
            continue;
        };
        while lines.len() + 1 < first.row {
            lines.push(String::new());
        }
        let mut cells: Vec<String> = vec![String::new(); first.col - 1];
        // A break inside a cell would push the rows below off their lines.
        cells.extend(
            row.iter()
                // A control character (an ESC pasted from a terminal, DOS's
                // Ctrl-Z) is shown, never sent to the terminal (round 18).
                .map(|(_, t)| {
                    super::escaped(&t.as_deref().unwrap_or_default().replace(['\n', '\r'], " "))
                        .into_owned()
                }),
        );
        lines.push(cells.join(" | "));
    }
    lines.join("\n")
}

/// A sheet's figure rows, the problems of its cells, and the units its
/// header gives.
type Rows = (Vec<Row>, Vec<SheetProblem>, Vec<HeaderUnit>);

/// The figure rows under the header row, and the problems of their cells:
/// an odd cell where brief reads one, a cell under no header, an id above
/// the header; and the units the header gives.
fn rows(
    grid: &[Vec<(Cell, Option<String>)>],
    sheet: Option<&str>,
    odd: &OddCells,
) -> Result<Rows, SheetError> {
    let names_id = |t: &Option<String>| {
        t.as_deref()
            .is_some_and(|t| matches!(t.trim().to_lowercase().as_str(), "id" | "标识"))
    };
    // The header row is the first that names the id column: an office's
    // title (2022年主要经济指标) or a line such as 单位：亿元 may stand above
    // it. Without one, the first row holding anything is the header meant.
    let header_at = grid
        .iter()
        .position(|r| r.iter().any(|(_, t)| names_id(t)))
        .or_else(|| grid.iter().position(|r| r.iter().any(|(_, t)| t.is_some())))
        .ok_or_else(|| SheetError::NoId(sheet.map(str::to_string)))?;
    let header = &grid[header_at];
    let mut id_col: Option<usize> = None;
    let mut columns: Vec<(usize, Column)> = Vec::new();
    let mut units = Vec::new();
    for (i, (cell, text)) in header.iter().enumerate() {
        let Some(text) = text else { continue };
        // A column given twice: which of the two holds the figure?
        let first = if names_id(&Some(text.clone())) {
            id_col.replace(i)
        } else {
            match Column::named(text) {
                Some((Some(c), unit)) => {
                    let first = columns.iter().find(|(_, d)| *d == c).map(|(j, _)| *j);
                    columns.push((i, c));
                    if let Some(unit) = unit {
                        units.push(HeaderUnit {
                            column: c,
                            unit,
                            cell: cell.clone(),
                        });
                    }
                    first
                }
                Some((None, _)) => None,
                None => {
                    let field = field(sheet, cell);
                    return Err(SheetError::Header(text.clone(), cell.clone(), field));
                }
            }
        };
        if let Some(j) = first {
            return Err(SheetError::Twice(
                text.clone(),
                cell.clone(),
                field(sheet, cell),
                header[j].0.clone(),
            ));
        }
    }
    let id_col = id_col.ok_or_else(|| SheetError::NoId(sheet.map(str::to_string)))?;
    let headed = |i: usize| header.get(i).is_some_and(|(_, t)| t.is_some());
    let mut out = Vec::new();
    let mut problems = Vec::new();
    // A figure's id above the header row would not be read: a row typed
    // above it, or a header row moved down. A line 单位：万元 there is how
    // offices state the values' unit (round 20: printed as 亿元).
    for row in &grid[..header_at] {
        for (cell, text) in row {
            if text.as_deref().is_some_and(super::is_id) {
                problems.push(SheetProblem::AboveHeader(cell.clone()));
            }
            if let Some(unit) = text.as_deref().and_then(unit_line)
                && !units.iter().any(|u: &HeaderUnit| u.column == Column::Value)
            {
                units.push(HeaderUnit {
                    column: Column::Value,
                    unit,
                    cell: cell.clone(),
                });
            }
        }
    }
    for row in &grid[header_at + 1..] {
        // A note under the table (注：…, 资料来源：…) is for people, and may
        // span the row's cells.
        if row
            .get(id_col)
            .and_then(|(_, t)| t.as_deref())
            .is_some_and(note)
        {
            continue;
        }
        // A value beside the columns: which figure's, and what of it?
        for (i, (cell, text)) in row.iter().enumerate() {
            if text.is_some() && !headed(i) {
                problems.push(SheetProblem::Unheaded(cell.clone()));
            }
        }
        let read = |i: usize| -> Option<(Cell, Option<String>)> {
            let (cell, text) = row.get(i)?;
            Some((cell.clone(), text.clone()))
        };
        let mut odd_at = |cell: &Cell| match odd.get(&(cell.row, cell.col)) {
            Some(&kind) => {
                problems.push(SheetProblem::Odd(kind, cell.clone()));
                true
            }
            None => false,
        };
        let Some((id_cell, id)) = read(id_col) else {
            continue;
        };
        if odd_at(&id_cell) {
            continue;
        }
        let Some(id) = id else { continue };
        let mut cells = Vec::new();
        for (i, c) in &columns {
            let Some((cell, text)) = read(*i) else {
                continue;
            };
            if odd_at(&cell) {
                continue;
            }
            if let Some(text) = text {
                cells.push((*c, text, cell));
            }
        }
        out.push(Row { id, id_cell, cells });
    }
    Ok((out, problems, units))
}

/// What follows the word 单位 and its colon where a text states a unit:
/// 单位：万元, （单位：万元）, a title's 2022年主要经济指标（单位：万元）, and
/// the kind of unit before it, 计量单位, 金额单位 (round 23: passed over,
/// 50000万元 printed as 50000亿元). Not an office: 填报单位：某区统计局.
fn unit_stated(text: &str) -> Option<&str> {
    const OFFICE: &[char] = &[
        '局', '委', '办', '院', '厅', '部', '处', '科', '司', '府', '会', '心', '区', '县', '市',
        '省', '镇', '乡', '街', '队', '组',
    ];
    let text = text.trim();
    ["单位：", "单位:"].iter().find_map(|w| {
        text.match_indices(w).find_map(|(i, _)| {
            let rest = &text[i + w.len()..];
            let unit = rest
                .split([')', '）', '】', ']'])
                .next()
                .unwrap_or_default();
            (!unit.contains(OFFICE) && unit.trim().chars().count() <= 8).then_some(rest)
        })
    })
}

/// The unit a line above the table states for its values: 单位：万元,
/// （单位：万元）, a title ending so (one unit; 单位：亿元、% states none for
/// a given figure).
fn unit_line(text: &str) -> Option<String> {
    let unit = unit_stated(text)?
        .split([')', '）', '】', ']'])
        .next()
        .unwrap_or_default()
        .trim();
    let one = !unit.is_empty()
        && !unit.contains(['、', '，', ',', '/', '／', ';', '；', ' ', '和', '及']);
    one.then(|| unit.to_string())
}

/// A note under a table, as offices write one: 注：…, 注1：…, 说明：…,
/// 资料来源：… (never an id).
fn note(text: &str) -> bool {
    let text = text.trim_start_matches(['*', '※', ' ']);
    ["注", "说明", "备注", "资料来源", "数据来源", "来源"]
        .iter()
        .filter_map(|w| text.strip_prefix(w))
        .any(|rest| {
            rest.trim_start_matches(|c: char| c.is_ascii_digit())
                .starts_with(['：', ':'])
        })
}

/// What a zipped workbook (.xlsx, .ods) unpacks to at most: far more than a
/// statistics office's sheet of figures.
const MAX_UNPACKED: u64 = 128 * 1024 * 1024;

/// The bytes a zipped workbook says its parts unpack to; none when it is no
/// zip (an .xls, a CSV).
fn unpacked_size(bytes: &[u8]) -> Option<u64> {
    if !bytes.starts_with(b"PK") {
        return None;
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        total = total.saturating_add(zip.by_index_raw(i).ok()?.size());
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_general_number_is_read_to_the_digits_a_spreadsheet_shows() {
        use calamine::Data::Float;
        for (held, shown) in [
            (0.1 + 4.1, "4.2"),
            (4.199999999999999, "4.2"),
            (0.1 + 0.2, "0.3"),
            (172.8, "172.8"),
            (-3.5, "-3.5"),
            (2252.5834, "2252.5834"),
            (0.00012345, "0.00012345"),
        ] {
            assert_eq!(text_of(&Float(held)).as_deref(), Some(shown), "{held}");
        }
    }

    #[test]
    fn a_unit_is_read_where_tables_state_it() {
        // In brackets under a title, or at its end, as statistics tables
        // put it (round 21: passed over, 15万元 printed as 15亿元).
        for (text, unit) in [
            ("单位：万元", Some("万元")),
            ("（单位：万元）", Some("万元")),
            ("(单位:万元)", Some("万元")),
            ("2022年主要经济指标（单位：万元）", Some("万元")),
            ("【计量单位：亿元】", Some("亿元")),
            ("单位：亿元、%", None),
            ("填报单位：某区统计局", None),
            ("金额单位：万元", Some("万元")),
            ("（金额单位：万元）", Some("万元")),
            ("报送单位：哈尔滨新区经济发展局", None),
            ("2022年主要经济指标", None),
        ] {
            assert_eq!(unit_line(text).as_deref(), unit, "{text}");
        }
        // A header's brackets may name the word too (数值（单位：亿元）).
        for header in ["数值（亿元）", "数值（单位：亿元）", "数值(单位:亿元)"]
        {
            assert_eq!(
                Column::named(header),
                Some((Some(Column::Value), Some("亿元".into()))),
                "{header}"
            );
        }
    }

    #[test]
    fn cells_are_named_as_spreadsheets_name_them() {
        assert_eq!(Cell { row: 3, col: 3 }.name(), "C3");
        assert_eq!(Cell { row: 12, col: 27 }.name(), "AA12");
    }

    #[test]
    fn a_csv_sheet_gives_its_rows() {
        let grid = csv_rows(
            "id,名称,数值,同比\ngdp,\"地区生产总值, 全区\",2252.58,4.2\n,,\nnew_jobs,新增就业,8300,\n",
        ).unwrap();
        let (rows, problems, _) = rows(&grid, None, &OddCells::new()).unwrap();
        assert!(problems.is_empty());
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].id, "gdp");
        assert_eq!(
            rows[0].cells[0],
            (Column::Value, "2252.58".into(), Cell { row: 2, col: 3 })
        );
        assert_eq!(rows[1].cells.len(), 1);
        // A label over two lines (Alt+Enter) is one field of one row; the
        // rows after it keep their numbers (hostile round 6), and the
        // rendering keeps row N on line N.
        let grid =
            csv_rows("id,名称,数值\r\ngdp,\"地区\n生产总值\",2300\r\nnew_jobs,,8300\n").unwrap();
        let (rows, _, _) = super::rows(&grid, None, &OddCells::new()).unwrap();
        assert_eq!(
            rows[1].cells[0],
            (Column::Value, "8300".into(), Cell { row: 3, col: 3 })
        );
        assert_eq!(render(&grid).lines().nth(2), Some("new_jobs |  | 8300"));
        // Cells pasted into Notepad from Excel: separated by tabs.
        let grid = csv_rows("id\t名称\t数值\ngdp\t地区生产总值\t2252.58\n").unwrap();
        let (rows, problems, _) = super::rows(&grid, None, &OddCells::new()).unwrap();
        assert!(problems.is_empty());
        assert_eq!(rows[0].cells[0].1, "2252.58");
        assert!(matches!(
            super::rows(&csv_rows("id,数量\nx,1\n").unwrap(), None, &OddCells::new()),
            Err(SheetError::Header(h, ..)) if h == "数量"
        ));
    }

    #[test]
    fn a_csv_quote_left_open_is_said_at_its_cell_and_a_quote_inside_a_field_is_text() {
        // A label begun with " and ended with ” (the input method's English
        // mode for one key): the rest of the file would be one cell.
        let open =
            "id,名称,数值\ngdp,地区生产总值,3.7\nfin,\"专精特新”企业融资,4.6\nsub,消费补贴,2410\n";
        assert!(matches!(
            csv_rows(open),
            Err(SheetError::Quote(Cell { row: 3, col: 2 }))
        ));
        // Closed by a later quote: the rows between it would vanish.
        let late = "id,名称,数值\nfin,\"专精特新”企业,4.6\nsub,消费补贴,2410\nx,\"甲\",1\n";
        assert!(matches!(
            csv_rows(late),
            Err(SheetError::Quote(Cell { row: 2, col: 2 }))
        ));
        // A note typed over lines, with commas, closed: read as it is.
        let note = csv_rows("id,数值,备注\nfin,4.6,\"上年同期为5,120万元, 快报数\n来源: 区住建局, 2023年1月\"\nsub,2410,\n").unwrap();
        assert_eq!(note.len(), 3);
        assert_eq!(note[2][1].1.as_deref(), Some("2410"));
        // A quote inside a field is the label's text, as Excel reads it.
        let inside = csv_rows("id,名称,数值\nfin,专精特新\"企业,4.6\nsub,补贴,2410\n").unwrap();
        assert_eq!(inside[1][1].1.as_deref(), Some("专精特新\"企业"));
        assert_eq!(inside[2][2].1.as_deref(), Some("2410"));
    }

    #[test]
    fn odd_cells_and_cells_under_no_header_are_said_at_their_cell() {
        let grid = csv_rows("id,value,,名称\ngdp,1,7,a\njobs,2,,b\nnet,3,,\n").unwrap();
        let odd = OddCells::from([((3, 2), Odd::Date), ((4, 1), Odd::Merged)]);
        let (rows, problems, _) = super::rows(&grid, None, &odd).unwrap();
        let said: Vec<String> = problems
            .iter()
            .map(|p| match p {
                SheetProblem::Unheaded(c) => format!("unheaded {}", c.name()),
                SheetProblem::Odd(k, c) => format!("{k:?} {}", c.name()),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(said, ["unheaded C2", "Date B3", "Merged A4"]);
        // The date is not read as a value; the merged id's row is not read.
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["gdp", "jobs"]);
        assert!(rows[1].cells.is_empty());
    }

    #[test]
    fn a_column_given_twice_is_refused_at_the_second() {
        for (header, second) in [
            ("id,value,value", "value"),
            ("id,value,数值", "数值"),
            ("id,标识,value", "标识"),
            ("id,同比,yoy", "yoy"),
        ] {
            let grid = csv_rows(&format!("{header}\nx,1,2\n")).unwrap();
            match super::rows(&grid, None, &OddCells::new()) {
                Err(SheetError::Twice(h, cell, _, first)) => {
                    assert_eq!(h, second);
                    let (at, before) = if second == "标识" {
                        ("B1", "A1")
                    } else {
                        ("C1", "B1")
                    };
                    assert_eq!((cell.name().as_str(), first.name().as_str()), (at, before));
                }
                other => panic!("{header}: {other:?}"),
            }
        }
        // Columns brief does not read may repeat.
        assert!(
            super::rows(
                &csv_rows("id,名称,备注,备注,value\nx,a,b,c,1\n").unwrap(),
                None,
                &OddCells::new()
            )
            .is_ok()
        );
    }
}

/// A value of the YAML that the sheet gives instead: the field path of the
/// part file (role), and the cell.
#[derive(Debug, Clone)]
pub struct Given {
    pub role: super::Role,
    pub path: String,
    pub cell: Cell,
}

/// Puts the sheet's values into the parts, by figure id; every problem (an
/// id no figure has, a value that is not a number, a change or share the
/// figure does not have) at its cell.
pub fn apply(
    sheet: &Sheet,
    parts: &mut [(super::Role, Option<&mut super::model::Part>)],
    words: &super::vocabulary::Words,
) -> (Vec<Given>, Vec<SheetProblem>) {
    use super::model::{Fill, Num};
    let mut given = Vec::new();
    let mut problems = sheet.problems.clone();
    let mut ids: Vec<String> = Vec::new();
    for (_, part) in parts.iter() {
        if let Some(p) = part {
            ids.extend(
                p.sections
                    .iter()
                    .flat_map(|s| &s.figures)
                    .map(|f| f.id.clone()),
            );
        }
    }
    let mut seen = std::collections::HashSet::new();
    for row in &sheet.rows {
        if !seen.insert(row.id.as_str()) {
            problems.push(SheetProblem::Twice(row.id.clone(), row.id_cell.clone()));
            continue;
        }
        let mut found = false;
        for (role, part) in parts.iter_mut() {
            let Some(part) = part else { continue };
            for (s, section) in part.sections.iter_mut().enumerate() {
                for (i, f) in section.figures.iter_mut().enumerate() {
                    if f.id != row.id {
                        continue;
                    }
                    found = true;
                    let base = format!("sections[{s}].figures[{i}]");
                    // The unit the sheet states for a column, where it
                    // does: the row's 单位 cell, or the header's brackets.
                    let unit_column = row.cells.iter().find(|(c, ..)| *c == Column::Unit);
                    let stated = |column: Column| {
                        sheet
                            .units
                            .iter()
                            .find(|u| u.column == column)
                            .filter(|_| column != Column::Value || unit_column.is_none())
                            .map(|u| (u.unit.as_str(), Some(&u.cell)))
                    };
                    for (column, text, cell) in &row.cells {
                        let path = match column {
                            Column::Unit => {
                                if !same_unit(words, text, f.unit.as_deref()) {
                                    problems.push(SheetProblem::Unit(
                                        text.clone(),
                                        f.unit.clone(),
                                        cell.clone(),
                                        None,
                                    ));
                                }
                                continue;
                            }
                            Column::Written => {
                                f.written = Some(text.clone());
                                format!("{base}.written")
                            }
                            number => {
                                // A change typed with its sign (+15.0), as
                                // statistics tables print a rise: the number
                                // after it (round 27: not a number).
                                let digits = match number {
                                    Column::Yoy => signed_rise(text),
                                    _ => text,
                                };
                                let num = match Num::parse(digits) {
                                    Ok(n) => n,
                                    Err(_) => {
                                        problems.push(SheetProblem::NotANumber(
                                            text.clone(),
                                            cell.clone(),
                                        ));
                                        continue;
                                    }
                                };
                                // A percent format gives hundredths: 14% is
                                // no amount (0.14 printed 14亿元), and 0.3%
                                // is 3‰, not 0.3‰. A change in 个百分点
                                // shown as 1.2% is 1.2 of them.
                                let unit = match number {
                                    Column::Value => f.unit.clone(),
                                    Column::Yoy => f
                                        .yoy
                                        .as_ref()
                                        .map(|y| y.unit.clone().unwrap_or_else(|| "%".into())),
                                    _ => Some("%".into()),
                                };
                                // The unit the cell's format shows after the
                                // number (0.00"万元" over a figure in 亿元 is
                                // another figure, round 18), else the one the
                                // sheet states for the column.
                                if let Some((said, at)) = sheet
                                    .shown_units
                                    .get(&(cell.row, cell.col))
                                    .map(|u| (u.as_str(), None))
                                    .into_iter()
                                    .chain(stated(*number))
                                    .find(|(said, _)| !same_unit(words, said, unit.as_deref()))
                                    && (*number != Column::Yoy || f.yoy.is_some())
                                {
                                    problems.push(SheetProblem::Unit(
                                        said.to_string(),
                                        unit,
                                        cell.clone(),
                                        at.cloned(),
                                    ));
                                    continue;
                                }
                                if sheet.percent.contains(&(cell.row, cell.col))
                                    && (*number != Column::Yoy || f.yoy.is_some())
                                    && !matches!(unit.as_deref(), Some("%" | "个百分点"))
                                {
                                    problems.push(SheetProblem::Percent(
                                        unit,
                                        text.clone(),
                                        cell.clone(),
                                    ));
                                    continue;
                                }
                                match number {
                                    Column::Value => {
                                        f.value = Some(Fill::Given(num));
                                        format!("{base}.value")
                                    }
                                    Column::Yoy => match &mut f.yoy {
                                        // A statistics office's change is
                                        // signed (比上年增长 -11.5): under a
                                        // verb of decrease the sentence says
                                        // its size, and a rise is no
                                        // decrease (round 24: +3.2 printed
                                        // 下降3.2%).
                                        Some(y) if words.is_down(&y.verb) && num.get() > 0.0 => {
                                            problems.push(SheetProblem::Rise(
                                                y.verb.clone(),
                                                text.clone(),
                                                cell.clone(),
                                            ));
                                            continue;
                                        }
                                        Some(y) => {
                                            y.value = Fill::Given(if words.is_down(&y.verb) {
                                                num.abs()
                                            } else {
                                                num
                                            });
                                            format!("{base}.yoy.value")
                                        }
                                        None => {
                                            problems.push(SheetProblem::NoSuch(
                                                row.id.clone(),
                                                "yoy",
                                                cell.clone(),
                                            ));
                                            continue;
                                        }
                                    },
                                    _ => match f.share.first_mut() {
                                        Some(share) => {
                                            share.value = Fill::Given(num);
                                            format!("{base}.share[0].value")
                                        }
                                        None => {
                                            problems.push(SheetProblem::NoSuch(
                                                row.id.clone(),
                                                "share",
                                                cell.clone(),
                                            ));
                                            continue;
                                        }
                                    },
                                }
                            }
                        };
                        given.push(Given {
                            role: *role,
                            path,
                            cell: cell.clone(),
                        });
                    }
                }
            }
        }
        if !found {
            let near =
                super::error::nearest(&row.id, ids.iter().map(String::as_str)).map(str::to_string);
            problems.push(SheetProblem::Unknown(
                row.id.clone(),
                near,
                row.id_cell.clone(),
            ));
        }
    }
    (given, problems)
}

/// A change's text without the plus of a rise: `+15.0` is 15.0.
fn signed_rise(text: &str) -> &str {
    text.trim()
        .strip_prefix(['+', '＋'])
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(text)
}

/// Whether the unit a sheet states is the figure's (or counts the same
/// thing, as `same_units` says): a bare 万 or 亿 (14.00万) says the
/// figure's 万元 or 亿人 as well.
fn same_unit(words: &super::vocabulary::Words, sheet: &str, data: Option<&str>) -> bool {
    let sheet = unit_text(sheet);
    let data = data.map(unit_text);
    sheet.is_empty()
        || words.same_unit(Some(&sheet), data.as_deref())
        || (matches!(sheet.as_str(), "万" | "亿") && data.is_some_and(|d| d.starts_with(&sheet)))
}

/// A problem of a row of the sheet, at its cell.
#[derive(Debug, Clone)]
pub enum SheetProblem {
    /// An id no figure of the data has; the nearest one.
    Unknown(String, Option<String>, Cell),
    /// An id given in two rows.
    Twice(String, Cell),
    /// A cell of a number column that does not hold a number.
    NotANumber(String, Cell),
    /// A change or share column for a figure that has none in the data.
    NoSuch(String, &'static str, Cell),
    /// A cell brief reads that does not hold what it shows.
    Odd(Odd, Cell),
    /// A value or change formatted as a percent where its unit is not
    /// % (nor 个百分点): the unit (none for a unitless figure), and the
    /// number the cell shows.
    Percent(Option<String>, String, Cell),
    /// A filled cell under no header.
    Unheaded(Cell),
    /// A change the sheet gives as a rise where the figure's verb says a
    /// decrease: the verb, the number shown.
    Rise(String, String, Cell),
    /// A figure's id above the header row, which is not read.
    AboveHeader(Cell),
    /// The unit the sheet gives (its 单位 column, or its header) where the
    /// figure's differs: the sheet's, the data's.
    /// The unit said, the data's, the value's cell, and the cell that
    /// states the unit for the column (a header's brackets, a title's
    /// 单位：亿元) where it is not the value's own.
    Unit(String, Option<String>, Cell, Option<Cell>),
}
