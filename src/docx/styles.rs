//! WordprocessingML's vocabulary as the briefing uses it: the namespace,
//! the faces by role (and which bundled faces the document embeds), and the
//! paragraph and character styles of `styles.xml`, from the project's look.

use std::collections::{BTreeMap, BTreeSet};

use super::model::Style;
use crate::chart::Rgb;
use crate::chart::xml::Xml;
use crate::data::look::{Color, Look};

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
pub const REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
pub const CT: &str = "application/vnd.openxmlformats-officedocument.";

/// Line pitch of the body in twips: 22 lines on the 225 mm type area.
pub const PITCH: u32 = 580;
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
    pub fn name(&self, role: &str) -> &str {
        self.names
            .get(role)
            .map_or(crate::fonts::BUNDLED_SERIF, String::as_str)
    }

    pub fn record(&mut self, role: &str, bold: bool, text: &str) {
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
pub fn role(style: Style) -> (&'static str, bool) {
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

pub fn style_id(style: Style) -> &'static str {
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

pub fn size_el(x: &mut Xml, half_points: u32) {
    let s = half_points.to_string();
    x.wval("w:sz", &s).wval("w:szCs", &s);
}

pub fn border(x: &mut Xml, side: &str, eighths: u32, color: Rgb, space: u32) {
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

fn right_tab(x: &mut Xml, at: u32) {
    x.el("w:tabs", &[], |x| {
        x.empty("w:tab", &[("w:val", "right"), ("w:pos", &at.to_string())]);
    });
}

/// The text width of the page in twips (A4 less 28 mm and 26 mm).
pub const TEXT_WIDTH: u32 = 8844;

/// The masthead's size in half-points (42 pt), which a long one is set below.
pub const MASTHEAD_SIZE: u32 = 84;

/// The 版记's size in half-points (四号, as the PDF's) and its rules in
/// eighths of a point.
pub const COLOPHON_SIZE: u32 = 28;
const COLOPHON_THICK: u32 = 8;
const COLOPHON_THIN: u32 = 6;

/// The 版记's rows are one character in from either side; a row of
/// recipients turns under its first name, `hanging` characters in.
pub fn colophon_indent(x: &mut Xml, hanging: u32) {
    let char = COLOPHON_SIZE * 10;
    let (left, right) = ((1 + hanging) * char, char);
    x.empty(
        "w:ind",
        &[
            ("w:leftChars", &((1 + hanging) * 100).to_string()),
            ("w:left", &left.to_string()),
            ("w:rightChars", "100"),
            ("w:right", &right.to_string()),
            ("w:hangingChars", &(hanging * 100).to_string()),
            ("w:hanging", &(hanging * char).to_string()),
        ],
    );
}

/// A style's size, in half-points.
pub fn style_size(style: Style) -> u32 {
    match style {
        Style::Masthead => MASTHEAD_SIZE,
        Style::Headline => 44,
        Style::Title | Style::Heading1 | Style::CardValue => 36,
        Style::Body | Style::Heading2 | Style::Subheadline | Style::Issue | Style::MastheadLine => {
            32
        }
        Style::Footer => 24,
        Style::CardLabel | Style::CardNote | Style::Header => 18,
        Style::Colophon => COLOPHON_SIZE,
        _ => 21,
    }
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
                // The 版记 is one block, as the PDF sets it: never torn
                // across two pages (round 30).
                | Style::Colophon
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
            // Word and Writer draw the rows of one border as one box: the
            // thick rules (0.35 mm) around it, a thin one (0.25 mm) between.
            Style::Colophon => x.el("w:pBdr", &[], |x| {
                border(x, "w:top", COLOPHON_THICK, look.color(Color::Text), 4);
                border(x, "w:bottom", COLOPHON_THICK, look.color(Color::Text), 4);
                border(x, "w:between", COLOPHON_THIN, look.color(Color::Text), 4);
            }),
            Style::Header => x.el("w:pBdr", &[], |x| border(x, "w:bottom", 4, primary, 2)),
            _ => x,
        };
        if matches!(style, Style::MastheadLine | Style::Header) {
            right_tab(x, TEXT_WIDTH);
        }
        if style == Style::Colophon {
            right_tab(x, TEXT_WIDTH - COLOPHON_SIZE * 10);
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
            Style::Colophon => {
                colophon_indent(x, 0);
                // The space before the 版记, not between its rows.
                x.empty("w:contextualSpacing", &[]);
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
        let size = style_size(style);
        size_el(x, size);
    });
    x.close("w:style");
}

pub fn styles(look: &Look, faces: &Faces) -> Vec<u8> {
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
                        ("w:val", "en-US"),
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
