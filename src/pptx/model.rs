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
}

impl Run {
    /// Adds `run` to the end of `runs`: to the last run where it looks the
    /// same (face, size, weight, colour), else as a run of its own.
    pub fn append(runs: &mut Vec<Run>, run: Run) {
        match runs.last_mut() {
            Some(last)
                if last.font == run.font
                    && last.size == run.size
                    && last.bold == run.bold
                    && last.color == run.color =>
            {
                last.text.push_str(&run.text)
            }
            _ => runs.push(run),
        }
    }
}

/// A list item's marker: a real bullet (`a:buChar`) in its colour, the
/// text hanging `indent` points right of the marker's left edge.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bullet {
    pub color: Rgba,
    /// The marker's left edge on the slide, in points.
    pub x: f64,
    pub indent: f64,
    /// The marker's size, in points.
    pub size: f64,
}

/// A paragraph: its runs as typst set them line by line (written as one
/// paragraph that wraps softly: no line breaks inside it).
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub lines: Vec<Vec<Run>>,
    /// Baseline to baseline, in points.
    pub pitch: f64,
    pub align: Align,
    pub bullet: Option<Bullet>,
    /// Space above the paragraph (in a frame of several), in points.
    pub before: f64,
    /// Whether a full-width mark may hang past the frame's right edge, as
    /// PowerPoint's East Asian default has it: not where another column's
    /// text or marker starts within an em of it.
    pub hang: bool,
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
    pub role: Role,
}

/// What a text frame is on its slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    /// A text box of its own.
    #[default]
    Free,
    /// The slide's title: the layout's title placeholder.
    Title,
    /// The part's name over a slide's title.
    Kicker,
    /// The slide's body: the layout's body placeholder, every paragraph of
    /// the slide's text column in one frame.
    Body,
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
    /// Shapes that belong together (a card): one `p:grpSp`.
    Group {
        name: String,
        shapes: Vec<Shape>,
    },
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

/// The slide layouts of the deck's master, each with its placeholders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// The title slide: its headline in the title placeholder.
    Title,
    /// A part's divider.
    Section,
    /// Title and one body frame of paragraphs and bullets.
    Content,
    /// Title only: cards, charts, tables, the agenda.
    #[default]
    TitleOnly,
    /// The closing slide.
    Closing,
}

impl Layout {
    pub const ALL: [Layout; 5] = [
        Layout::Title,
        Layout::Section,
        Layout::Content,
        Layout::TitleOnly,
        Layout::Closing,
    ];

    /// Its number among the master's layouts (slideLayoutN.xml).
    pub fn number(self) -> usize {
        Layout::ALL.iter().position(|l| *l == self).unwrap_or(0) + 1
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Slide {
    pub shapes: Vec<Shape>,
    pub notes: String,
    pub layout: Layout,
    /// The rule under the title, where the layout draws it (none: the slide
    /// draws its own, or has none).
    pub furniture: bool,
    /// Whether the slide shows the footer and its number.
    pub chrome: bool,
}

/// What every slide with furniture shows, in the master: the footer's
/// text, the slide number's box, the rule under the title.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Furniture {
    pub footer: Option<TextBox>,
    pub number: Option<TextBox>,
    pub rule: Option<(Rect, Stroke)>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Deck {
    pub width: f64,
    pub height: f64,
    pub slides: Vec<Slide>,
    pub furniture: Furniture,
    /// The type area's left and right edges, in points.
    pub area: (f64, f64),
}
