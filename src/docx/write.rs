//! The WordprocessingML parts: the document body, its styles, the headers
//! (the masthead on the first page), the footer with its PAGE and NUMPAGES
//! fields, settings, the font table with the embedded faces, a theme, and
//! the package that holds them with the charts and their workbooks.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use chrono::{DateTime, Utc};
use zip::write::SimpleFileOptions;

use super::build::{TEXT_WIDTH, chart_width};
use super::model::{Block, Document, Look as L, Para, Run, Style, Table, TableKind};
use crate::chart::xml::{Properties, Xml};
use crate::chart::{self, Rgb};
use crate::data::look::{Color, Look};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT: &str = "application/vnd.openxmlformats-officedocument.";

/// Line pitch of the body in twips: 22 lines on the 225 mm type area.
const PITCH: u32 = 580;
/// The body's first-line indent: two characters of 16 pt.
const INDENT: u32 = 640;

/// How the faces are named: by role, and which bundled faces (family,
/// bold) the document embeds, with the characters each shows.
pub struct Faces {
    /// Role → the family the runs name.
    pub names: BTreeMap<&'static str, String>,
    /// Families carried in brief, which the document embeds.
    pub bundled: BTreeSet<String>,
    pub used: BTreeMap<(String, bool), BTreeSet<char>>,
}

impl Faces {
    fn name(&self, role: &str) -> &str {
        self.names
            .get(role)
            .map_or(crate::fonts::BUNDLED_SERIF, String::as_str)
    }

    fn record(&mut self, role: &str, bold: bool, text: &str) {
        let name = self.name(role).to_string();
        if self.bundled.contains(&name) {
            self.used
                .entry((name, bold))
                .or_default()
                .extend(text.chars());
        }
    }
}

/// A style's role (its face) and whether it is bold.
fn role(style: Style) -> (&'static str, bool) {
    match style {
        Style::Masthead => ("masthead", true),
        Style::Title | Style::Headline => ("title", true),
        Style::Subheadline => ("title", false),
        Style::Heading1 => ("heading", true),
        Style::Heading2 => ("subheading", true),
        Style::Label => ("figure", true),
        Style::CardValue => ("figure", true),
        Style::Body | Style::Issue | Style::MastheadLine | Style::Colophon | Style::Footer => {
            ("body", false)
        }
        Style::CardLabel
        | Style::CardNote
        | Style::TableText
        | Style::ListItem
        | Style::Source
        | Style::Header
        | Style::Chart => ("figure", false),
    }
}

fn style_id(style: Style) -> &'static str {
    match style {
        Style::Masthead => "Masthead",
        Style::Issue => "MastheadIssue",
        Style::MastheadLine => "MastheadLine",
        Style::Title => "Title",
        Style::Heading1 => "Heading1",
        Style::Heading2 => "Heading2",
        Style::Headline => "Headline",
        Style::Subheadline => "Subtitle",
        Style::Source => "SourceLine",
        Style::Label => "OverviewLabel",
        Style::Body => "BodyText",
        Style::CardLabel => "CardLabel",
        Style::CardValue => "CardValue",
        Style::CardNote => "CardNote",
        Style::TableText => "TableText",
        Style::ListItem => "RankingItem",
        Style::Chart => "ChartParagraph",
        Style::Colophon => "Colophon",
        Style::Header => "Header",
        Style::Footer => "Footer",
    }
}

fn style_name(style: Style) -> &'static str {
    match style {
        Style::Masthead => "Masthead",
        Style::Issue => "Masthead Issue",
        Style::MastheadLine => "Masthead Line",
        Style::Title => "Title",
        Style::Heading1 => "heading 1",
        Style::Heading2 => "heading 2",
        Style::Headline => "Headline",
        Style::Subheadline => "Subtitle",
        Style::Source => "Source Line",
        Style::Label => "Overview Label",
        Style::Body => "Body Text",
        Style::CardLabel => "Card Label",
        Style::CardValue => "Card Value",
        Style::CardNote => "Card Note",
        Style::TableText => "Table Text",
        Style::ListItem => "Ranking Item",
        Style::Chart => "Chart",
        Style::Colophon => "Colophon",
        Style::Header => "header",
        Style::Footer => "footer",
    }
}

const STYLES: [Style; 20] = [
    Style::Masthead,
    Style::Issue,
    Style::MastheadLine,
    Style::Title,
    Style::Heading1,
    Style::Heading2,
    Style::Headline,
    Style::Subheadline,
    Style::Source,
    Style::Label,
    Style::Body,
    Style::CardLabel,
    Style::CardValue,
    Style::CardNote,
    Style::TableText,
    Style::ListItem,
    Style::Chart,
    Style::Colophon,
    Style::Header,
    Style::Footer,
];

fn fonts_el(x: &mut Xml, name: &str) {
    x.empty(
        "w:rFonts",
        &[
            ("w:ascii", name),
            ("w:hAnsi", name),
            ("w:eastAsia", name),
            ("w:cs", name),
        ],
    );
}

fn size_el(x: &mut Xml, half_points: u32) {
    let s = half_points.to_string();
    x.wval("w:sz", &s).wval("w:szCs", &s);
}

fn border(x: &mut Xml, side: &str, eighths: u32, color: Rgb, space: u32) {
    x.empty(
        side,
        &[
            ("w:val", "single"),
            ("w:sz", &eighths.to_string()),
            ("w:space", &space.to_string()),
            ("w:color", &color.hex()),
        ],
    );
}

fn spacing(x: &mut Xml, before: u32, after: u32, line: Option<u32>) {
    let (b, a) = (before.to_string(), after.to_string());
    match line {
        Some(l) => {
            x.empty(
                "w:spacing",
                &[
                    ("w:before", &b),
                    ("w:after", &a),
                    ("w:line", &l.to_string()),
                    ("w:lineRule", "exact"),
                ],
            );
        }
        None => {
            x.empty(
                "w:spacing",
                &[
                    ("w:before", &b),
                    ("w:after", &a),
                    ("w:line", "240"),
                    ("w:lineRule", "auto"),
                ],
            );
        }
    }
}

fn no_indent(x: &mut Xml) {
    x.empty("w:ind", &[("w:firstLineChars", "0"), ("w:firstLine", "0")]);
}

fn right_tab(x: &mut Xml) {
    x.el("w:tabs", &[], |x| {
        x.empty(
            "w:tab",
            &[("w:val", "right"), ("w:pos", &TEXT_WIDTH.to_string())],
        );
    });
}

/// One paragraph style: its paragraph and run properties, in schema order.
fn style_def(x: &mut Xml, style: Style, look: &Look, faces: &Faces) {
    let (role, bold) = role(style);
    let id = style_id(style);
    // Word's own styles keep their built-in names (heading 1, Title, …), so
    // that Word and WPS treat them as theirs (navigation pane, outline).
    let builtin = matches!(
        style,
        Style::Title
            | Style::Heading1
            | Style::Heading2
            | Style::Subheadline
            | Style::Body
            | Style::Header
            | Style::Footer
    );
    x.open(
        "w:style",
        &[
            ("w:type", "paragraph"),
            ("w:customStyle", if builtin { "0" } else { "1" }),
            ("w:styleId", id),
        ],
    );
    x.wval("w:name", style_name(style));
    x.wval("w:basedOn", "Normal");
    let next = match style {
        Style::Heading1 | Style::Heading2 | Style::Body | Style::Title | Style::Source => {
            "BodyText"
        }
        _ => id,
    };
    x.wval("w:next", next);
    x.wval("w:uiPriority", "9");
    x.empty("w:qFormat", &[]);
    let primary = look.color(Color::Primary);
    x.el("w:pPr", &[], |x| {
        if matches!(
            style,
            Style::Heading1
                | Style::Heading2
                | Style::Headline
                | Style::Subheadline
                | Style::Label
                | Style::Masthead
                | Style::Issue
        ) {
            x.empty("w:keepNext", &[]);
            x.empty("w:keepLines", &[]);
        }
        match style {
            Style::MastheadLine => x.el("w:pBdr", &[], |x| {
                border(x, "w:bottom", 20, look.masthead_color, 4)
            }),
            Style::Heading1 => x.el("w:pBdr", &[], |x| {
                border(x, "w:bottom", 4, look.color(Color::Line), 4)
            }),
            Style::Headline => x.el("w:pBdr", &[], |x| {
                border(x, "w:top", 4, look.color(Color::Line), 18)
            }),
            Style::Colophon => x.el("w:pBdr", &[], |x| {
                border(x, "w:top", 6, look.color(Color::Text), 4);
                border(x, "w:bottom", 6, look.color(Color::Text), 4);
            }),
            Style::Header => x.el("w:pBdr", &[], |x| border(x, "w:bottom", 4, primary, 2)),
            _ => x,
        };
        if matches!(style, Style::MastheadLine | Style::Colophon | Style::Header) {
            right_tab(x);
        }
        match style {
            Style::Body => spacing(x, 0, 0, Some(PITCH)),
            Style::Heading1 => spacing(x, 610, 320, Some(PITCH)),
            Style::Heading2 => spacing(x, 320, 0, Some(PITCH)),
            Style::Masthead => spacing(x, 0, 0, None),
            Style::Issue => spacing(x, 120, 0, None),
            Style::MastheadLine => spacing(x, 320, 360, None),
            Style::Title => spacing(x, 120, 320, None),
            Style::Headline => spacing(x, 720, 160, None),
            Style::Subheadline => spacing(x, 0, 120, None),
            Style::Source => spacing(x, 80, 480, None),
            Style::Label => spacing(x, 320, 200, None),
            Style::CardLabel | Style::CardValue => spacing(x, 0, 40, None),
            Style::CardNote => spacing(x, 0, 20, None),
            Style::TableText => spacing(x, 40, 40, None),
            Style::ListItem => spacing(x, 0, 120, None),
            Style::Chart => spacing(x, 60, 120, None),
            Style::Colophon => spacing(x, 480, 0, Some(440)),
            Style::Header | Style::Footer => spacing(x, 0, 0, None),
        }
        match style {
            Style::Body | Style::Heading2 => {
                x.empty(
                    "w:ind",
                    &[
                        ("w:firstLineChars", "200"),
                        ("w:firstLine", &INDENT.to_string()),
                    ],
                );
            }
            _ => no_indent(x),
        }
        let jc = match style {
            Style::Body => "both",
            Style::Masthead
            | Style::Issue
            | Style::Title
            | Style::Headline
            | Style::Subheadline
            | Style::Source
            | Style::Chart
            | Style::Footer => "center",
            _ => "left",
        };
        x.wval("w:jc", jc);
        match style {
            Style::Heading1 => {
                x.wval("w:outlineLvl", "0");
            }
            Style::Heading2 => {
                x.wval("w:outlineLvl", "1");
            }
            _ => {}
        }
    });
    x.el("w:rPr", &[], |x| {
        fonts_el(x, faces.name(role));
        if bold {
            x.empty("w:b", &[]).empty("w:bCs", &[]);
        }
        let color = match style {
            Style::Masthead => Some(look.masthead_color),
            Style::CardLabel | Style::Source | Style::Header => Some(look.color(Color::Muted)),
            Style::CardValue => Some(look.color(Color::Figure)),
            _ => None,
        };
        if let Some(c) = color {
            x.wval("w:color", &c.hex());
        }
        if style == Style::Masthead {
            // 0.12 em of letter-spacing, in twentieths of a point
            x.wval("w:spacing", "100");
        }
        let size = match style {
            Style::Masthead => 84,
            Style::Headline => 44,
            Style::Title | Style::Heading1 | Style::CardValue => 36,
            Style::Body
            | Style::Heading2
            | Style::Subheadline
            | Style::Issue
            | Style::MastheadLine => 32,
            Style::Footer => 24,
            Style::CardLabel | Style::CardNote | Style::Header => 18,
            _ => 21,
        };
        size_el(x, size);
    });
    x.close("w:style");
}

fn styles(look: &Look, faces: &Faces) -> Vec<u8> {
    let mut x = Xml::new();
    x.open("w:styles", &[("xmlns:w", W)]);
    x.el("w:docDefaults", &[], |x| {
        x.el("w:rPrDefault", &[], |x| {
            x.el("w:rPr", &[], |x| {
                fonts_el(x, faces.name("body"));
                x.wval("w:kern", "2");
                size_el(x, 32);
                x.empty(
                    "w:lang",
                    &[
                        ("w:val", "zh-CN"),
                        ("w:eastAsia", "zh-CN"),
                        ("w:bidi", "ar-SA"),
                    ],
                );
            });
        });
        x.el("w:pPrDefault", &[], |x| {
            x.el("w:pPr", &[], |x| {
                spacing(x, 0, 0, None);
            });
        });
    });
    x.el(
        "w:style",
        &[
            ("w:type", "paragraph"),
            ("w:default", "1"),
            ("w:styleId", "Normal"),
        ],
        |x| {
            x.wval("w:name", "Normal");
            x.empty("w:qFormat", &[]);
            x.el("w:pPr", &[], |x| {
                x.wval("w:widowControl", "0");
                x.wval("w:jc", "both");
            });
            x.el("w:rPr", &[], |x| {
                fonts_el(x, faces.name("body"));
                x.wval("w:color", &look.color(Color::Text).hex());
                size_el(x, 32);
            });
        },
    );
    x.el(
        "w:style",
        &[
            ("w:type", "character"),
            ("w:default", "1"),
            ("w:styleId", "DefaultParagraphFont"),
        ],
        |x| {
            x.wval("w:name", "Default Paragraph Font");
            x.wval("w:uiPriority", "1");
            x.empty("w:semiHidden", &[]);
            x.empty("w:unhideWhenUsed", &[]);
        },
    );
    x.el(
        "w:style",
        &[
            ("w:type", "table"),
            ("w:default", "1"),
            ("w:styleId", "TableNormal"),
        ],
        |x| {
            x.wval("w:name", "Normal Table");
            x.wval("w:uiPriority", "99");
            x.empty("w:semiHidden", &[]);
            x.empty("w:unhideWhenUsed", &[]);
            x.el("w:tblPr", &[], |x| {
                x.empty("w:tblInd", &[("w:w", "0"), ("w:type", "dxa")]);
                x.el("w:tblCellMar", &[], |x| {
                    for side in ["w:top", "w:left", "w:bottom", "w:right"] {
                        let w = if side == "w:left" || side == "w:right" {
                            "108"
                        } else {
                            "0"
                        };
                        x.empty(side, &[("w:w", w), ("w:type", "dxa")]);
                    }
                });
            });
        },
    );
    for s in STYLES {
        style_def(&mut x, s, look, faces);
    }
    // Every figure's look, in one place.
    x.el(
        "w:style",
        &[
            ("w:type", "character"),
            ("w:customStyle", "1"),
            ("w:styleId", "Figure"),
        ],
        |x| {
            x.wval("w:name", "Figure");
            x.wval("w:uiPriority", "9");
            x.empty("w:qFormat", &[]);
            x.el("w:rPr", &[], |x| {
                x.empty("w:b", &[]).empty("w:bCs", &[]);
                x.wval("w:color", &look.color(Color::Figure).hex());
            });
        },
    );
    // The targets' three-line table.
    let rule = look.color(Color::Secondary);
    x.el(
        "w:style",
        &[
            ("w:type", "table"),
            ("w:customStyle", "1"),
            ("w:styleId", "ThreeLineTable"),
        ],
        |x| {
            x.wval("w:name", "Three Line Table");
            x.wval("w:basedOn", "TableNormal");
            x.wval("w:uiPriority", "59");
            x.el("w:tblPr", &[], |x| {
                x.el("w:tblBorders", &[], |x| {
                    border(x, "w:top", 10, rule, 0);
                    border(x, "w:bottom", 10, rule, 0);
                });
                x.el("w:tblCellMar", &[], |x| {
                    x.empty("w:left", &[("w:w", "142"), ("w:type", "dxa")]);
                    x.empty("w:right", &[("w:w", "142"), ("w:type", "dxa")]);
                });
            });
            x.el("w:tblStylePr", &[("w:type", "firstRow")], |x| {
                x.el("w:rPr", &[], |x| {
                    x.empty("w:b", &[]).empty("w:bCs", &[]);
                });
                x.empty("w:tblPr", &[]);
                x.el("w:tcPr", &[], |x| {
                    x.el("w:tcBorders", &[], |x| border(x, "w:bottom", 4, rule, 0));
                });
            });
        },
    );
    x.el(
        "w:style",
        &[
            ("w:type", "table"),
            ("w:customStyle", "1"),
            ("w:styleId", "CardTable"),
        ],
        |x| {
            x.wval("w:name", "Indicator Cards");
            x.wval("w:basedOn", "TableNormal");
            x.wval("w:uiPriority", "59");
            x.el("w:tblPr", &[], |x| {
                x.el("w:tblCellMar", &[], |x| {
                    x.empty("w:top", &[("w:w", "136"), ("w:type", "dxa")]);
                    x.empty("w:left", &[("w:w", "142"), ("w:type", "dxa")]);
                    x.empty("w:bottom", &[("w:w", "125"), ("w:type", "dxa")]);
                    x.empty("w:right", &[("w:w", "142"), ("w:type", "dxa")]);
                });
            });
        },
    );
    x.close("w:styles");
    x.finish()
}

/// The run properties a run adds to its paragraph's style.
fn run_props(x: &mut Xml, look: &Look, kind: L) {
    let props = |x: &mut Xml, bold: bool, color: Option<Rgb>, size: Option<u32>| {
        if bold {
            x.empty("w:b", &[]).empty("w:bCs", &[]);
        }
        if let Some(c) = color {
            x.wval("w:color", &c.hex());
        }
        if let Some(s) = size {
            size_el(x, s);
        }
    };
    match kind {
        L::Plain => {}
        L::Figure => {
            x.el("w:rPr", &[], |x| {
                x.wval("w:rStyle", "Figure");
            });
        }
        L::Tag => {
            x.el("w:rPr", &[], |x| {
                props(x, true, Some(look.color(Color::Primary)), None)
            });
        }
        L::Marker(role) => {
            x.el("w:rPr", &[], |x| {
                props(x, false, Some(look.color(role)), None)
            });
        }
        L::Big(s) => {
            x.el("w:rPr", &[], |x| props(x, true, None, Some(s)));
        }
        L::Unit(s) => {
            x.el("w:rPr", &[], |x| {
                props(x, true, Some(look.color(Color::Figure)), Some(s))
            });
        }
        L::Primary => {
            x.el("w:rPr", &[], |x| {
                props(x, false, Some(look.color(Color::Primary)), None)
            });
        }
        L::Bold => {
            x.el("w:rPr", &[], |x| props(x, true, None, None));
        }
    }
}

fn text_el(x: &mut Xml, s: &str) {
    // A tab or a line break in the data is Word's, not a character.
    let mut first = true;
    for line in s.split(['\n', '\u{b}']) {
        if !first {
            x.empty("w:br", &[]);
        }
        first = false;
        let mut tab = false;
        for piece in line.split('\t') {
            if tab {
                x.empty("w:tab", &[]);
            }
            tab = true;
            if !piece.is_empty() {
                x.leaf("w:t", &[("xml:space", "preserve")], piece);
            }
        }
    }
}

struct Writer<'a> {
    look: &'a Look,
    faces: &'a mut Faces,
    drawings: usize,
}

impl Writer<'_> {
    fn para(&mut self, x: &mut Xml, p: &Para, center: bool) {
        let (role, bold) = role(p.style);
        x.open("w:p", &[]);
        x.el("w:pPr", &[], |x| {
            x.wval("w:pStyle", style_id(p.style));
            if center {
                x.wval("w:jc", "center");
            }
        });
        for r in &p.runs {
            match r {
                Run::Text(s, kind) => {
                    let b = bold
                        || matches!(kind, L::Figure | L::Tag | L::Big(_) | L::Unit(_) | L::Bold);
                    self.faces.record(role, b, s);
                    x.open("w:r", &[]);
                    run_props(x, self.look, *kind);
                    text_el(x, s);
                    x.close("w:r");
                }
                Run::Tab => {
                    x.el("w:r", &[], |x| {
                        x.empty("w:tab", &[]);
                    });
                }
                Run::Field(instr, cached) => {
                    self.faces.record(role, bold, "0123456789");
                    x.el("w:r", &[], |x| {
                        x.empty("w:fldChar", &[("w:fldCharType", "begin")]);
                    });
                    x.el("w:r", &[], |x| {
                        x.leaf(
                            "w:instrText",
                            &[("xml:space", "preserve")],
                            &format!(" {instr} "),
                        );
                    });
                    x.el("w:r", &[], |x| {
                        x.empty("w:fldChar", &[("w:fldCharType", "separate")]);
                    });
                    x.el("w:r", &[], |x| {
                        x.leaf("w:t", &[], cached);
                    });
                    x.el("w:r", &[], |x| {
                        x.empty("w:fldChar", &[("w:fldCharType", "end")]);
                    });
                }
            }
        }
        x.close("w:p");
    }

    fn table(&mut self, x: &mut Xml, t: &Table) {
        let look = self.look;
        let total: u32 = t.widths.iter().sum();
        x.open("w:tbl", &[]);
        x.el("w:tblPr", &[], |x| {
            x.wval(
                "w:tblStyle",
                if t.kind == TableKind::Targets {
                    "ThreeLineTable"
                } else {
                    "CardTable"
                },
            );
            x.empty("w:tblW", &[("w:w", &total.to_string()), ("w:type", "dxa")]);
            x.wval("w:jc", "center");
            x.empty("w:tblLayout", &[("w:type", "fixed")]);
            x.empty(
                "w:tblLook",
                &[
                    ("w:val", "0420"),
                    (
                        "w:firstRow",
                        if t.kind == TableKind::Targets {
                            "1"
                        } else {
                            "0"
                        },
                    ),
                    ("w:lastRow", "0"),
                    ("w:firstColumn", "0"),
                    ("w:lastColumn", "0"),
                    ("w:noHBand", "1"),
                    ("w:noVBand", "1"),
                ],
            );
        });
        x.el("w:tblGrid", &[], |x| {
            for w in &t.widths {
                x.empty("w:gridCol", &[("w:w", &w.to_string())]);
            }
        });
        let rows = t.rows.len();
        let rule = look.color(Color::Secondary);
        let white = Rgb([0xFF, 0xFF, 0xFF]);
        for (r, row) in t.rows.iter().enumerate() {
            x.open("w:tr", &[]);
            x.el("w:trPr", &[], |x| {
                x.empty("w:cantSplit", &[]);
                if t.kind == TableKind::Cards {
                    x.empty("w:trHeight", &[("w:val", "1361"), ("w:hRule", "atLeast")]);
                }
                if t.kind == TableKind::Targets && r == 0 {
                    x.empty("w:tblHeader", &[]);
                }
            });
            for (c, cell) in row.iter().enumerate() {
                let width = t.widths.get(c).copied().unwrap_or(1000);
                x.open("w:tc", &[]);
                x.el("w:tcPr", &[], |x| {
                    x.empty("w:tcW", &[("w:w", &width.to_string()), ("w:type", "dxa")]);
                    match t.kind {
                        TableKind::Targets => {
                            x.el("w:tcBorders", &[], |x| {
                                if r == 0 {
                                    border(x, "w:top", 10, rule, 0);
                                    border(x, "w:bottom", 4, rule, 0);
                                }
                                if r + 1 == rows {
                                    border(x, "w:bottom", 10, rule, 0);
                                }
                            });
                            if r > 0 && r % 2 == 0 {
                                x.empty(
                                    "w:shd",
                                    &[
                                        ("w:val", "clear"),
                                        ("w:color", "auto"),
                                        ("w:fill", &look.color(Color::Surface).hex()),
                                    ],
                                );
                            }
                            x.wval("w:vAlign", "center");
                        }
                        TableKind::Cards => {
                            x.el("w:tcBorders", &[], |x| {
                                if !cell.is_empty() {
                                    border(x, "w:top", 16, look.color(Color::Primary), 0);
                                }
                                border(x, "w:left", 24, white, 0);
                                border(x, "w:bottom", 48, white, 0);
                                border(x, "w:right", 24, white, 0);
                            });
                            if !cell.is_empty() {
                                x.empty(
                                    "w:shd",
                                    &[
                                        ("w:val", "clear"),
                                        ("w:color", "auto"),
                                        ("w:fill", &look.color(Color::Surface).hex()),
                                    ],
                                );
                            }
                        }
                    }
                });
                if cell.is_empty() {
                    x.el("w:p", &[], |x| {
                        x.el("w:pPr", &[], |x| {
                            x.wval("w:pStyle", style_id(Style::CardNote));
                        });
                    });
                }
                for p in cell {
                    self.para(x, p, t.kind == TableKind::Targets && c == 0);
                }
                x.close("w:tc");
            }
            x.close("w:tr");
        }
        x.close("w:tbl");
    }

    fn chart(&mut self, x: &mut Xml, n: usize, height: i64, rid: &str) {
        self.drawings += 1;
        let id = self.drawings.to_string();
        x.open("w:p", &[]);
        x.el("w:pPr", &[], |x| {
            x.wval("w:pStyle", style_id(Style::Chart));
        });
        x.open("w:r", &[]).open("w:drawing", &[]);
        x.open(
            "wp:inline",
            &[
                ("distT", "0"),
                ("distB", "0"),
                ("distL", "0"),
                ("distR", "0"),
            ],
        );
        x.empty(
            "wp:extent",
            &[
                ("cx", &chart_width().to_string()),
                ("cy", &height.to_string()),
            ],
        );
        x.empty(
            "wp:effectExtent",
            &[("l", "0"), ("t", "0"), ("r", "0"), ("b", "0")],
        );
        x.empty(
            "wp:docPr",
            &[("id", &id), ("name", &format!("图表 {}", n + 1))],
        );
        x.empty("wp:cNvGraphicFramePr", &[]);
        x.el("a:graphic", &[], |x| {
            x.el(
                "a:graphicData",
                &[(
                    "uri",
                    "http://schemas.openxmlformats.org/drawingml/2006/chart",
                )],
                |x| {
                    x.empty("c:chart", &[("r:id", rid)]);
                },
            );
        });
        x.close("wp:inline")
            .close("w:drawing")
            .close("w:r")
            .close("w:p");
    }
}

const DOC_NS: [(&str, &str); 5] = [
    ("xmlns:w", W),
    ("xmlns:r", R),
    (
        "xmlns:wp",
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    ),
    (
        "xmlns:a",
        "http://schemas.openxmlformats.org/drawingml/2006/main",
    ),
    (
        "xmlns:c",
        "http://schemas.openxmlformats.org/drawingml/2006/chart",
    ),
];

fn body(doc: &Document, w: &mut Writer) -> Vec<u8> {
    let mut x = Xml::new();
    x.open("w:document", &DOC_NS);
    x.open("w:body", &[]);
    for b in &doc.blocks {
        match b {
            Block::Para(p) => w.para(&mut x, p, false),
            Block::Table(t) => {
                w.table(&mut x, t);
                // A table is never the last thing before another table.
                x.el("w:p", &[], |x| {
                    x.el("w:pPr", &[], |x| {
                        x.wval("w:pStyle", style_id(Style::CardNote));
                    });
                });
            }
            Block::Chart(n, h) => w.chart(&mut x, *n, *h, &format!("rId{}", 20 + n)),
        }
    }
    x.el("w:sectPr", &[], |x| {
        x.empty(
            "w:headerReference",
            &[("w:type", "default"), ("r:id", "rId5")],
        );
        x.empty(
            "w:headerReference",
            &[("w:type", "first"), ("r:id", "rId6")],
        );
        x.empty(
            "w:footerReference",
            &[("w:type", "default"), ("r:id", "rId7")],
        );
        x.empty(
            "w:footerReference",
            &[("w:type", "first"), ("r:id", "rId8")],
        );
        x.empty("w:pgSz", &[("w:w", "11906"), ("w:h", "16838")]);
        x.empty(
            "w:pgMar",
            &[
                ("w:top", "2098"),
                ("w:right", "1474"),
                ("w:bottom", "1984"),
                ("w:left", "1587"),
                ("w:header", "851"),
                ("w:footer", "1020"),
                ("w:gutter", "0"),
            ],
        );
        x.empty("w:cols", &[("w:space", "425")]);
        x.empty("w:titlePg", &[]);
        x.empty("w:docGrid", &[("w:linePitch", &PITCH.to_string())]);
    });
    x.close("w:body").close("w:document");
    x.finish()
}

fn furniture(tag: &str, paras: &[Para], w: &mut Writer) -> Vec<u8> {
    let mut x = Xml::new();
    x.open(tag, &DOC_NS);
    for p in paras {
        w.para(&mut x, p, false);
    }
    x.close(tag);
    x.finish()
}

fn settings() -> Vec<u8> {
    let mut x = Xml::new();
    x.el("w:settings", &[("xmlns:w", W)], |x| {
        x.empty("w:zoom", &[("w:percent", "100")]);
        x.empty("w:embedTrueTypeFonts", &[]);
        x.empty("w:saveSubsetFonts", &[]);
        x.wval("w:defaultTabStop", "420");
        x.wval("w:characterSpacingControl", "compressPunctuation");
        x.el("w:compat", &[], |x| {
            x.empty(
                "w:compatSetting",
                &[
                    ("w:name", "compatibilityMode"),
                    ("w:uri", "http://schemas.microsoft.com/office/word"),
                    ("w:val", "15"),
                ],
            );
        });
    });
    x.finish()
}

/// An embedded face: its relationship id and key, by (family, bold).
type Embedded = BTreeMap<(String, bool), (String, String)>;

fn font_table(faces: &Faces, embedded: &Embedded) -> Vec<u8> {
    let mut x = Xml::new();
    x.open("w:fonts", &[("xmlns:w", W), ("xmlns:r", R)]);
    let names: BTreeSet<&String> = faces.names.values().collect();
    for name in names {
        x.el("w:font", &[("w:name", name)], |x| {
            x.wval("w:charset", "86");
            let family = if name.contains("Sans") || name.contains("黑") || name.contains("雅黑")
            {
                "swiss"
            } else {
                "roman"
            };
            x.wval("w:family", family);
            x.wval("w:pitch", "variable");
            for (bold, tag) in [(false, "w:embedRegular"), (true, "w:embedBold")] {
                if let Some((rid, key)) = embedded.get(&(name.clone(), bold)) {
                    x.empty(tag, &[("r:id", rid), ("w:fontKey", key)]);
                }
            }
        });
    }
    x.close("w:fonts");
    x.finish()
}

fn theme(look: &Look, faces: &Faces) -> Vec<u8> {
    let mut x = Xml::new();
    let a = "http://schemas.openxmlformats.org/drawingml/2006/main";
    x.open("a:theme", &[("xmlns:a", a), ("name", "brief")]);
    x.open("a:themeElements", &[]);
    x.el("a:clrScheme", &[("name", "brief")], |x| {
        let c = |x: &mut Xml, tag: &str, rgb: Rgb| {
            x.el(tag, &[], |x| {
                x.val("a:srgbClr", &rgb.hex());
            });
        };
        c(x, "a:dk1", look.color(Color::Text));
        c(x, "a:lt1", Rgb([0xFF, 0xFF, 0xFF]));
        c(x, "a:dk2", look.color(Color::Secondary));
        c(x, "a:lt2", look.color(Color::Surface));
        c(x, "a:accent1", look.color(Color::Primary));
        c(x, "a:accent2", look.color(Color::Secondary));
        c(x, "a:accent3", look.color(Color::Muted));
        c(x, "a:accent4", look.color(Color::Line));
        c(x, "a:accent5", look.color(Color::Track));
        c(x, "a:accent6", look.color(Color::Figure));
        c(x, "a:hlink", Rgb([0x05, 0x63, 0xC1]));
        c(x, "a:folHlink", Rgb([0x95, 0x4F, 0x72]));
    });
    x.el("a:fontScheme", &[("name", "brief")], |x| {
        for (tag, role) in [("a:majorFont", "heading"), ("a:minorFont", "body")] {
            let f = faces.name(role).to_string();
            x.el(tag, &[], |x| {
                x.empty("a:latin", &[("typeface", &f)]);
                x.empty("a:ea", &[("typeface", &f)]);
                x.empty("a:cs", &[("typeface", "")]);
            });
        }
    });
    x.el("a:fmtScheme", &[("name", "brief")], |x| {
        let solid = |x: &mut Xml| {
            x.el("a:solidFill", &[], |x| {
                x.val("a:schemeClr", "phClr");
            });
        };
        x.el("a:fillStyleLst", &[], |x| {
            for _ in 0..3 {
                solid(x);
            }
        });
        x.el("a:lnStyleLst", &[], |x| {
            for w in ["6350", "12700", "19050"] {
                x.el("a:ln", &[("w", w)], solid);
            }
        });
        x.el("a:effectStyleLst", &[], |x| {
            for _ in 0..3 {
                x.el("a:effectStyle", &[], |x| {
                    x.empty("a:effectLst", &[]);
                });
            }
        });
        x.el("a:bgFillStyleLst", &[], |x| {
            for _ in 0..3 {
                solid(x);
            }
        });
    });
    x.close("a:themeElements");
    x.empty("a:objectDefaults", &[])
        .empty("a:extraClrSchemeLst", &[]);
    x.close("a:theme");
    x.finish()
}

fn app() -> Vec<u8> {
    let mut x = Xml::new();
    x.el(
        "Properties",
        &[
            (
                "xmlns",
                "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
            ),
            (
                "xmlns:vt",
                "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
            ),
        ],
        |x| {
            x.leaf("Application", &[], "brief");
        },
    );
    x.finish()
}

fn rels(list: &[(String, String, String)]) -> Vec<u8> {
    let mut x = Xml::new();
    x.el("Relationships", &[("xmlns", REL)], |x| {
        for (id, kind, target) in list {
            let t = if kind.starts_with("http") {
                kind.clone()
            } else {
                format!("{R}/{kind}")
            };
            x.empty(
                "Relationship",
                &[("Id", id), ("Type", &t), ("Target", target)],
            );
        }
    });
    x.finish()
}

fn r(id: &str, kind: &str, target: &str) -> (String, String, String) {
    (id.into(), kind.into(), target.into())
}

/// The .docx of a document model.
pub fn package(
    doc: &Document,
    look: &Look,
    faces: &mut Faces,
    props: &Properties,
    timestamp: Option<DateTime<Utc>>,
) -> anyhow::Result<Vec<u8>> {
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    let mut overrides: Vec<(String, String)> = Vec::new();
    let mut add = |name: &str, ct: Option<String>, bytes: Vec<u8>| {
        if let Some(ct) = ct {
            overrides.push((format!("/{name}"), ct));
        }
        parts.push((name.to_string(), bytes));
    };
    let (document, first, header, footer) = {
        let mut w = Writer {
            look,
            faces,
            drawings: 0,
        };
        let document = body(doc, &mut w);
        let first = furniture("w:hdr", &doc.first_header, &mut w);
        let header = furniture("w:hdr", &doc.header, &mut w);
        let footer = furniture("w:ftr", &doc.footer, &mut w);
        (document, first, header, footer)
    };
    // The charts' text is in the figure face (names regular, labels bold).
    for c in &doc.charts {
        let t = c.text();
        faces.record("figure", false, &t);
        faces.record("figure", true, &t);
    }
    let wml = format!("{CT}wordprocessingml.");
    add(
        "word/document.xml",
        Some(format!("{wml}document.main+xml")),
        document,
    );
    add(
        "word/styles.xml",
        Some(format!("{wml}styles+xml")),
        styles(look, faces),
    );
    add(
        "word/settings.xml",
        Some(format!("{wml}settings+xml")),
        settings(),
    );
    add(
        "word/theme/theme1.xml",
        Some(format!("{CT}theme+xml")),
        theme(look, faces),
    );
    add("word/header1.xml", Some(format!("{wml}header+xml")), header);
    add("word/header2.xml", Some(format!("{wml}header+xml")), first);
    add(
        "word/footer1.xml",
        Some(format!("{wml}footer+xml")),
        footer.clone(),
    );
    add("word/footer2.xml", Some(format!("{wml}footer+xml")), footer);
    let mut doc_rels = vec![
        r("rId1", "styles", "styles.xml"),
        r("rId2", "settings", "settings.xml"),
        r("rId3", "fontTable", "fontTable.xml"),
        r("rId4", "theme", "theme/theme1.xml"),
        r("rId5", "header", "header1.xml"),
        r("rId6", "header", "header2.xml"),
        r("rId7", "footer", "footer1.xml"),
        r("rId8", "footer", "footer2.xml"),
    ];
    for (i, c) in doc.charts.iter().enumerate() {
        let n = i + 1;
        doc_rels.push(r(
            &format!("rId{}", 20 + i),
            "chart",
            &format!("charts/chart{n}.xml"),
        ));
        add(
            &format!("word/charts/chart{n}.xml"),
            Some(format!("{CT}drawingml.chart+xml")),
            chart::part(c),
        );
        add(
            &format!("word/charts/_rels/chart{n}.xml.rels"),
            None,
            rels(&[r(
                "rId1",
                "package",
                &format!("../embeddings/Microsoft_Excel_Worksheet{n}.xlsx"),
            )]),
        );
        add(
            &format!("word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx"),
            None,
            chart::workbook(c, timestamp)?,
        );
    }
    // The bundled faces' glyphs the document shows, obfuscated.
    let mut embedded: Embedded = BTreeMap::new();
    let mut font_rels = Vec::new();
    for ((family, bold), chars) in &faces.used {
        let Some(bytes) = super::bundled(family, *bold) else {
            continue;
        };
        let mut chars = chars.clone();
        // Room for small edits: digits, Latin letters and common punctuation.
        chars.extend((' '..='~').chain("，。、；：！？“”‘’（）《》—…％".chars()));
        chars.retain(|c| !c.is_control());
        let mut font = super::fonts::subset(bytes, &chars)?;
        let key = super::fonts::guid(&font);
        super::fonts::obfuscate(&mut font, &key);
        let n = font_rels.len() + 1;
        let rid = format!("rId{n}");
        font_rels.push(r(&rid, "font", &format!("fonts/font{n}.odttf")));
        add(&format!("word/fonts/font{n}.odttf"), None, font);
        embedded.insert((family.clone(), *bold), (rid, key));
    }
    add(
        "word/fontTable.xml",
        Some(format!("{wml}fontTable+xml")),
        font_table(faces, &embedded),
    );
    if !font_rels.is_empty() {
        add("word/_rels/fontTable.xml.rels", None, rels(&font_rels));
    }
    add("word/_rels/document.xml.rels", None, rels(&doc_rels));
    add(
        "docProps/core.xml",
        Some("application/vnd.openxmlformats-package.core-properties+xml".into()),
        props.core(timestamp),
    );
    add(
        "docProps/app.xml",
        Some(format!("{CT}extended-properties+xml")),
        app(),
    );
    add(
        "_rels/.rels",
        None,
        rels(&[
            r("rId1", "officeDocument", "word/document.xml"),
            r(
                "rId2",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml",
            ),
            r("rId3", "extended-properties", "docProps/app.xml"),
        ]),
    );

    let mut types = Xml::new();
    types.el(
        "Types",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/content-types",
        )],
        |x| {
            x.empty(
                "Default",
                &[
                    ("Extension", "rels"),
                    (
                        "ContentType",
                        "application/vnd.openxmlformats-package.relationships+xml",
                    ),
                ],
            );
            x.empty(
                "Default",
                &[("Extension", "xml"), ("ContentType", "application/xml")],
            );
            if !doc.charts.is_empty() {
                x.empty(
                    "Default",
                    &[
                        ("Extension", "xlsx"),
                        ("ContentType", &format!("{CT}spreadsheetml.sheet")),
                    ],
                );
            }
            if !embedded.is_empty() {
                x.empty(
                    "Default",
                    &[
                        ("Extension", "odttf"),
                        ("ContentType", &format!("{CT}obfuscatedFont")),
                    ],
                );
            }
            for (name, ct) in &overrides {
                x.empty("Override", &[("PartName", name), ("ContentType", ct)]);
            }
        },
    );

    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // A fixed time: the same inputs give the same bytes.
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(zip::DateTime::default());
    zip.start_file("[Content_Types].xml", options)?;
    zip.write_all(&types.finish())?;
    for (name, bytes) in &parts {
        zip.start_file(name.as_str(), options)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}
