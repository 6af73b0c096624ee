//! The briefing as Word sees it: paragraphs in named styles with their
//! runs, tables and charts, in the briefing's order.

/// The named styles of the document (styles.xml), each used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// 报头: the red title of the first page's header.
    Masthead,
    /// 第N期, under the masthead.
    Issue,
    /// Issuing office and date, over the red rule.
    MastheadLine,
    /// The document's title.
    Title,
    Heading1,
    Heading2,
    /// The article's headline, subheadline and source line.
    Headline,
    Subheadline,
    Source,
    /// A label of the overview (主要指标, 排名, a chart's title).
    Label,
    Body,
    CardLabel,
    CardValue,
    CardNote,
    TableText,
    ListItem,
    /// The paragraph that holds a chart.
    Chart,
    /// 版记 (GB/T 9704): a row of recipients (报、送、抄送), or the issuing
    /// office and the printing date; the rows between two thick rules, a
    /// thin rule between rows.
    Colophon,
    Header,
    Footer,
}

/// How a run differs from its paragraph's style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    Plain,
    /// A figure: the character style every figure has (bold, the figure colour).
    Figure,
    /// 预计, 力争: bold, in the primary colour.
    Tag,
    /// A list's or label's square marker, in a colour role.
    Marker(crate::data::look::Color),
    /// A card's number: bold, its own size (half-points).
    Big(u32),
    /// Bold in the figure colour at a size (half-points): a card's unit.
    Unit(u32),
    /// The primary colour: a heading's number.
    Primary,
    /// Bold: a table's header.
    Bold,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Run {
    Text(String, Look),
    Tab,
    /// A line break inside the paragraph.
    Break,
    /// A field: PAGE or NUMPAGES, with its cached result.
    Field(&'static str, String),
    /// A draft's stamp (the theme's 草稿) across the page, faint, as
    /// Word's own watermark: a text path in the header, which Word's
    /// Watermark command removes, behind the text. `over`: in front of it,
    /// from the body, where the first page's shaded cards hid the header's
    /// (round 30).
    Watermark {
        text: String,
        over: bool,
    },
}

impl Run {
    pub fn plain(s: impl Into<String>) -> Run {
        Run::Text(s.into(), Look::Plain)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub style: Style,
    pub runs: Vec<Run>,
    /// Turned lines begin this many characters in (under the first name
    /// after a 版记's label).
    pub hanging: Option<u32>,
    /// Set against one side, one character in from it: a 公文 page
    /// number (GB/T 9704-2012, 7.5), right on odd pages, left on even ones.
    pub side: Option<Side>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

impl Para {
    pub fn new(style: Style, runs: Vec<Run>) -> Para {
        Para {
            style,
            runs,
            hanging: None,
            side: None,
        }
    }

    pub fn text(style: Style, s: impl Into<String>) -> Para {
        Para::new(style, vec![Run::plain(s)])
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// Indicator cards: shaded cells under a rule in the primary colour.
    Cards,
    /// The targets: a three-line table whose header repeats on each page.
    Targets,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub kind: TableKind,
    /// Column widths in twips.
    pub widths: Vec<u32>,
    /// Rows of cells, each cell its paragraphs.
    pub rows: Vec<Vec<Vec<Para>>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Para(Para),
    Table(Table),
    /// A chart (index into the document's charts) and its height in EMU.
    Chart(usize, i64),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    pub blocks: Vec<Block>,
    pub charts: Vec<crate::chart::Chart>,
    /// The first page's header (the masthead) and the other pages' header.
    pub first_header: Vec<Para>,
    pub header: Vec<Para>,
    pub footer: Vec<Para>,
    /// The even pages' footer where it differs from the others' (公文 page
    /// numbers on the outer side).
    pub even_footer: Option<Vec<Para>>,
}
