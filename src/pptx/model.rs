//! A deck as PowerPoint sees it: slides of positioned text boxes, shapes,
//! tables and charts, in points from the slide's top-left corner.

/// An sRGB colour with its alpha (0–255).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgba(pub [u8; 4]);

impl Rgba {
    pub fn hex(self) -> String {
        format!("{:02X}{:02X}{:02X}", self.0[0], self.0[1], self.0[2])
    }
}

/// How a shape is filled.
#[derive(Debug, Clone, PartialEq)]
pub enum Fill {
    Solid(Rgba),
    /// Diagonal hatching in a colour on white: typst's tiling of lines.
    Hatch(Rgba),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stroke {
    pub color: Rgba,
    pub width: f64,
}

/// A rectangle in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// A run of text in one face, size, weight and colour.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub font: String,
    pub size: f64,
    pub bold: bool,
    pub color: Rgba,
    /// Space after each character, in points, where typst set the run
    /// tighter than the font's advances (CJK punctuation squeezed on a line).
    pub spacing: Option<f64>,
}

/// A paragraph as typst broke it into lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub lines: Vec<Vec<Run>>,
    /// Baseline to baseline, in points.
    pub pitch: f64,
    pub align: Align,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TextBox {
    pub rect: Rect,
    /// The first line's baseline, from the box's top.
    pub baseline: f64,
    pub paras: Vec<Para>,
}

/// A curve's path, relative to its box: move, line, cubic, close.
#[derive(Debug, Clone, PartialEq)]
pub enum PathOp {
    Move(f64, f64),
    Line(f64, f64),
    Cubic([(f64, f64); 3]),
    Close,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Text(TextBox),
    Rect {
        rect: Rect,
        fill: Option<Fill>,
        stroke: Option<Stroke>,
    },
    Line {
        from: (f64, f64),
        to: (f64, f64),
        stroke: Stroke,
    },
    Path {
        rect: Rect,
        ops: Vec<PathOp>,
        fill: Option<Fill>,
        stroke: Option<Stroke>,
    },
    Picture {
        rect: Rect,
        png: Vec<u8>,
    },
    Table(Table),
    Chart(Chart),
}

/// A table: column widths, rows with their heights, cells with their text.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub rect: Rect,
    pub columns: Vec<f64>,
    pub rows: Vec<Row>,
    /// Horizontal rules under row i (i = 0 is the table's top edge).
    pub rules: Vec<(usize, Stroke)>,
    /// The cells' left and right margin.
    pub inset: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub height: f64,
    pub fill: Option<Fill>,
    pub cells: Vec<Vec<Para>>,
}

/// A native chart (`crate::chart`) where the PDF draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub rect: Rect,
    pub chart: crate::chart::Chart,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Slide {
    pub shapes: Vec<Shape>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Deck {
    pub width: f64,
    pub height: f64,
    pub slides: Vec<Slide>,
}
