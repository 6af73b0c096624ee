//! The document body and its headers and footer: paragraphs with their runs
//! (the figures highlighted as the briefing prints them), tables, charts as
//! drawings, and the section's page setup.

use super::build::chart_width;
use super::model::{Block, Document, Look as L, Para, Run, Side, Style, Table, TableKind};
use super::styles::{
    Faces, PITCH, R, W, border, colophon_indent, role, size_el, style_id, style_size,
};
use crate::chart::Rgb;
use crate::chart::xml::Xml;
use crate::data::look::{Color, Look};

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

pub struct Writer<'a> {
    pub look: &'a Look,
    pub faces: &'a mut Faces,
    pub drawings: usize,
}

impl Writer<'_> {
    fn para(&mut self, x: &mut Xml, p: &Para, center: bool) {
        let (role, bold) = role(p.style);
        x.open("w:p", &[]);
        x.el("w:pPr", &[], |x| {
            x.wval("w:pStyle", style_id(p.style));
            if let Some(n) = p.hanging {
                colophon_indent(x, n);
            }
            if let Some(side) = p.side {
                let (chars, twips, jc) = match side {
                    Side::Left => ("w:leftChars", "w:left", "left"),
                    Side::Right => ("w:rightChars", "w:right", "right"),
                };
                // one character of the paragraph's size in (Word reads the
                // characters; the twips are for readers that do not)
                let em = (style_size(p.style) * 10).to_string();
                x.empty("w:ind", &[(chars, "100"), (twips, &em)]);
                x.wval("w:jc", jc);
            }
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
                Run::Break => {
                    x.el("w:r", &[], |x| {
                        x.empty("w:br", &[]);
                    });
                }
                Run::Watermark { text: s, over } => {
                    self.faces.record("heading", true, s);
                    // One shape a header, each with its own id, as Word numbers them.
                    self.drawings += 1;
                    let n = self.drawings;
                    watermark(
                        x,
                        s,
                        *over,
                        n,
                        self.faces.name("heading"),
                        self.look.color(Color::Primary),
                    );
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

/// Word's watermark: a VML text path (shape type 136, as Word writes it)
/// centred on the page behind the text, turned 30° as the PDF's stamp, in
/// the primary colour at a fifth of its strength.
fn watermark(x: &mut Xml, text: &str, over: bool, n: usize, face: &str, color: Rgb) {
    x.open("w:r", &[]);
    x.el("w:rPr", &[], |x| {
        x.empty("w:noProof", &[]);
    });
    x.open("w:pict", &[]);
    x.open(
        "v:shapetype",
        &[
            ("id", "_x0000_t136"),
            ("coordsize", "21600,21600"),
            ("o:spt", "136"),
            ("adj", "10800"),
            ("path", "m@7,l@8,m@5,21600l@6,21600e"),
        ],
    );
    x.el("v:formulas", &[], |x| {
        for eqn in [
            "sum #0 0 10800",
            "prod #0 2 1",
            "sum 21600 0 @1",
            "sum 0 0 @2",
            "sum 21600 0 @3",
            "if @0 @3 0",
            "if @0 21600 @1",
            "if @0 0 @2",
            "if @0 @4 21600",
            "mid @5 @6",
            "mid @8 @5",
            "mid @7 @8",
            "mid @6 @7",
            "sum @6 0 @5",
        ] {
            x.empty("v:f", &[("eqn", eqn)]);
        }
    });
    x.empty(
        "v:path",
        &[
            ("textpathok", "t"),
            ("o:connecttype", "custom"),
            ("o:connectlocs", "@9,0;@10,10800;@11,21600;@12,10800"),
            ("o:connectangles", "270,180,90,0"),
        ],
    );
    x.empty("v:textpath", &[("on", "t"), ("fitshape", "t")]);
    x.el("v:handles", &[], |x| {
        x.empty(
            "v:h",
            &[("position", "#0,bottomRight"), ("xrange", "6629,14971")],
        );
    });
    x.empty(
        "o:lock",
        &[("v:ext", "edit"), ("text", "t"), ("shapetype", "t")],
    );
    x.close("v:shapetype");
    // 96 pt a character, as the PDF's stamp.
    let width = 96 * text.chars().count().max(1);
    // Behind the text from a header, as Word's own; in front of it from
    // the body.
    let z = if over { 251_659_264 } else { -251_657_216 };
    let style = format!(
        "position:absolute;margin-left:0;margin-top:0;width:{width}pt;height:96pt;rotation:330;\
         z-index:{z};mso-position-horizontal:center;mso-position-horizontal-relative:margin;\
         mso-position-vertical:center;mso-position-vertical-relative:margin"
    );
    x.open(
        "v:shape",
        &[
            ("id", &format!("PowerPlusWaterMarkObject{n}")),
            ("o:spid", &format!("_x0000_s{}", 2048 + n)),
            ("type", "#_x0000_t136"),
            ("style", &style),
            ("o:allowincell", "f"),
            ("fillcolor", &format!("#{}", color.hex())),
            ("stroked", "f"),
        ],
    );
    x.empty("v:fill", &[("opacity", ".2")]);
    x.empty(
        "v:textpath",
        &[
            (
                "style",
                &format!("font-family:\"{face}\";font-size:1pt;font-weight:bold"),
            ),
            ("string", text),
        ],
    );
    x.empty("w10:wrap", &[("anchorx", "margin"), ("anchory", "margin")]);
    x.close("v:shape");
    x.close("w:pict");
    x.close("w:r");
}

const DOC_NS: [(&str, &str); 8] = [
    ("xmlns:v", "urn:schemas-microsoft-com:vml"),
    ("xmlns:o", "urn:schemas-microsoft-com:office:office"),
    ("xmlns:w10", "urn:schemas-microsoft-com:office:word"),
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

pub fn body(doc: &Document, w: &mut Writer) -> Vec<u8> {
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
        if doc.even_footer.is_some() {
            x.empty("w:headerReference", &[("w:type", "even"), ("r:id", "rId9")]);
            x.empty(
                "w:footerReference",
                &[("w:type", "even"), ("r:id", "rId10")],
            );
        }
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

pub fn furniture(tag: &str, paras: &[Para], w: &mut Writer) -> Vec<u8> {
    let mut x = Xml::new();
    x.open(tag, &DOC_NS);
    for p in paras {
        w.para(&mut x, p, false);
    }
    x.close(tag);
    x.finish()
}
