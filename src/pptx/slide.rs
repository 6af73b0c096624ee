//! A slide's XML: its shapes in drawing order (text boxes last, on top), as
//! PresentationML writes them: `p:sp` text boxes and preset or custom shapes,
//! `p:cxnSp` lines, `p:pic` pictures, `p:graphicFrame` tables and charts;
//! and its notes page.

use super::drawing::*;
use super::model::*;

use crate::chart::xml::Xml;

/// What a slide's XML refers to through its relationships.
pub enum Reference {
    Chart(usize),
    Picture(usize),
}

/// Writes a slide's shapes; shape ids are unique within the slide (1 is
/// the tree).
pub struct SlideWriter<'a> {
    xml: Xml,
    next_id: usize,
    paint: Paint<'a>,
    /// Relationship targets, in the order of their ids (rId2, rId3, …: rId1
    /// is the layout).
    pub references: Vec<Reference>,
}

impl<'a> SlideWriter<'a> {
    /// A slide; `master`: whether the layout's and master's shapes show
    /// (the rule under the title).
    pub fn new(scheme: &'a [(Rgba, &'static str)], master: bool) -> Self {
        let mut xml = Xml::new();
        let hide: &[(&str, &str)] = if master {
            &[]
        } else {
            &[("showMasterSp", "0")]
        };
        xml.open("p:sld", &root(hide)).open("p:cSld", &[]);
        tree_start(&mut xml);
        SlideWriter {
            xml,
            next_id: 2,
            paint: Paint { scheme },
            references: Vec::new(),
        }
    }

    fn id(&mut self) -> usize {
        self.next_id += 1;
        self.next_id - 1
    }

    fn reference(&mut self, r: Reference) -> String {
        self.references.push(r);
        format!("rId{}", self.references.len() + 1)
    }

    pub fn shape(&mut self, shape: &Shape, charts: &mut usize, pictures: &mut usize) {
        match shape {
            Shape::Text(t) => self.text(t),
            Shape::Rect { rect, fill, stroke } => {
                self.rect(*rect, None, fill.as_ref(), stroke.as_ref())
            }
            Shape::Line { from, to, stroke } => self.line(*from, *to, stroke),
            Shape::Path {
                rect,
                ops,
                fill,
                stroke,
            } => self.rect(*rect, Some(ops), fill.as_ref(), stroke.as_ref()),
            Shape::Picture { rect, .. } => {
                *pictures += 1;
                self.picture(*rect, *pictures)
            }
            Shape::Table(t) => self.table(t),
            Shape::Chart(c) => {
                *charts += 1;
                self.chart(c.rect, *charts)
            }
            Shape::Group { name, shapes } => {
                let id = self.id().to_string();
                let b = bounds(shape);
                let (left, top) = (coord(b.x).to_string(), coord(b.y).to_string());
                let (w, h) = (emu(b.w).to_string(), emu(b.h).to_string());
                self.xml.open("p:grpSp", &[]);
                self.xml.el("p:nvGrpSpPr", &[], |x| {
                    x.empty("p:cNvPr", &[("id", &id), ("name", name)]);
                    x.empty("p:cNvGrpSpPr", &[]).empty("p:nvPr", &[]);
                });
                self.xml.el("p:grpSpPr", &[], |x| {
                    x.el("a:xfrm", &[], |x| {
                        for (off, ext) in [("a:off", "a:ext"), ("a:chOff", "a:chExt")] {
                            x.empty(off, &[("x", &left), ("y", &top)]);
                            x.empty(ext, &[("cx", &w), ("cy", &h)]);
                        }
                    });
                });
                for s in shapes {
                    self.shape(s, charts, pictures);
                }
                self.xml.close("p:grpSp");
            }
        }
    }

    /// The slide's footer and number, in the layout's placeholders: the
    /// footer's text as the PDF prints it, the number as a field.
    pub fn furniture(&mut self, footer: Option<&TextBox>, number: Option<&TextBox>) {
        let paint = self.paint;
        if let Some(f) = footer {
            let id = self.id();
            self.xml.el("p:sp", &[], |x| {
                let ph = [("type", "ftr"), ("sz", "quarter"), ("idx", "11")];
                names(x, id, &format!("页脚 {id}"), Kind::Placeholder(&ph));
                x.empty("p:spPr", &[]);
                x.el("p:txBody", &[], |x| {
                    x.empty("a:bodyPr", &[]).empty("a:lstStyle", &[]);
                    for p in &f.paras {
                        paint.paragraph(x, p);
                    }
                });
            });
        }
        if let Some(n) = number {
            let id = self.id();
            self.xml.el("p:sp", &[], |x| {
                let ph = [("type", "sldNum"), ("sz", "quarter"), ("idx", "12")];
                names(x, id, &format!("幻灯片编号 {id}"), Kind::Placeholder(&ph));
                x.empty("p:spPr", &[]);
                x.el("p:txBody", &[], |x| {
                    x.empty("a:bodyPr", &[]).empty("a:lstStyle", &[]);
                    let bare = [("lang", "en-US"), ("altLang", "zh-CN")];
                    number_paragraph(x, &paint, first_run(n), &bare);
                });
            });
        }
    }

    /// The slide part.
    pub fn finish(mut self) -> Vec<u8> {
        self.xml.close("p:spTree").close("p:cSld");
        self.xml.el("p:clrMapOvr", &[], |x| {
            x.empty("a:masterClrMapping", &[]);
        });
        self.xml.close("p:sld");
        self.xml.finish()
    }

    fn text(&mut self, t: &TextBox) {
        let id = self.id();
        let paint = self.paint;
        let title = [("type", "title")];
        let body = [("idx", "1")];
        let (name, kind) = match t.role {
            Role::Title => ("标题", Kind::Placeholder(&title)),
            Role::Body => ("内容占位符", Kind::Placeholder(&body)),
            Role::Kicker | Role::Free => ("文本", Kind::TextBox),
        };
        self.xml.el("p:sp", &[], |x| {
            names(x, id, &format!("{name} {id}"), kind);
            x.el("p:spPr", &[], |x| {
                xfrm(x, "a:xfrm", t.rect);
                if matches!(kind, Kind::TextBox) {
                    preset(x, "rect");
                    x.empty("a:noFill", &[]);
                }
            });
            x.el("p:txBody", &[], |x| {
                body_properties(x, "t");
                x.empty("a:lstStyle", &[]);
                for p in &t.paras {
                    paint.paragraph(x, p);
                }
            });
        });
    }

    fn rect(
        &mut self,
        rect: Rect,
        ops: Option<&Vec<PathOp>>,
        fill: Option<&Fill>,
        stroke: Option<&Stroke>,
    ) {
        let id = self.id();
        self.xml.el("p:sp", &[], |x| {
            names(x, id, &format!("形状 {id}"), Kind::Shape);
            x.el("p:spPr", &[], |x| {
                xfrm(x, "a:xfrm", rect);
                match ops {
                    None => preset(x, "rect"),
                    Some(ops) => custom_geometry(x, rect, ops),
                }
                fill_xml(x, fill);
                line_xml(x, stroke);
            });
        });
    }

    fn line(&mut self, from: (f64, f64), to: (f64, f64), stroke: &Stroke) {
        let id = self.id();
        let (x0, x1) = (from.0.min(to.0), from.0.max(to.0));
        let (y0, y1) = (from.1.min(to.1), from.1.max(to.1));
        let mut flips = Vec::new();
        if to.0 < from.0 {
            flips.push(("flipH", "1"));
        }
        if to.1 < from.1 {
            flips.push(("flipV", "1"));
        }
        self.xml.el("p:cxnSp", &[], |x| {
            x.el("p:nvCxnSpPr", &[], |x| {
                x.empty(
                    "p:cNvPr",
                    &[("id", &id.to_string()), ("name", &format!("直线 {id}"))],
                );
                x.empty("p:cNvCxnSpPr", &[]).empty("p:nvPr", &[]);
            });
            x.el("p:spPr", &[], |x| {
                x.el("a:xfrm", &flips, |x| {
                    let (left, top) = (coord(x0).to_string(), coord(y0).to_string());
                    let (w, h) = (emu(x1 - x0).to_string(), emu(y1 - y0).to_string());
                    x.empty("a:off", &[("x", &left), ("y", &top)]);
                    x.empty("a:ext", &[("cx", &w), ("cy", &h)]);
                });
                preset(x, "line");
                line_xml(x, Some(stroke));
            });
        });
    }

    fn picture(&mut self, rect: Rect, n: usize) {
        let id = self.id();
        let r = self.reference(Reference::Picture(n));
        self.xml.el("p:pic", &[], |x| {
            x.el("p:nvPicPr", &[], |x| {
                x.empty(
                    "p:cNvPr",
                    &[("id", &id.to_string()), ("name", &format!("图片 {id}"))],
                );
                x.el("p:cNvPicPr", &[], |x| {
                    x.empty("a:picLocks", &[("noChangeAspect", "1")]);
                });
                x.empty("p:nvPr", &[]);
            });
            x.el("p:blipFill", &[], |x| {
                x.empty("a:blip", &[("r:embed", &r)]);
                x.el("a:stretch", &[], |x| {
                    x.empty("a:fillRect", &[]);
                });
            });
            x.el("p:spPr", &[], |x| {
                xfrm(x, "a:xfrm", rect);
                preset(x, "rect");
            });
        });
    }

    /// A graphic frame: its names, box and graphic data of kind `uri`.
    fn frame(
        &mut self,
        name: &str,
        locks: bool,
        rect: Rect,
        uri: &str,
        data: impl FnOnce(&mut Xml, &Paint),
    ) {
        let id = self.id();
        let paint = self.paint;
        self.xml.el("p:graphicFrame", &[], |x| {
            x.el("p:nvGraphicFramePr", &[], |x| {
                x.empty(
                    "p:cNvPr",
                    &[("id", &id.to_string()), ("name", &format!("{name} {id}"))],
                );
                if locks {
                    x.el("p:cNvGraphicFramePr", &[], |x| {
                        x.empty("a:graphicFrameLocks", &[("noGrp", "1")]);
                    });
                } else {
                    x.empty("p:cNvGraphicFramePr", &[]);
                }
                x.empty("p:nvPr", &[]);
            });
            xfrm(x, "p:xfrm", rect);
            x.el("a:graphic", &[], |x| {
                x.el("a:graphicData", &[("uri", uri)], |x| data(x, &paint));
            });
        });
    }

    fn chart(&mut self, rect: Rect, n: usize) {
        let r = self.reference(Reference::Chart(n));
        self.frame(
            "图表",
            false,
            rect,
            "http://schemas.openxmlformats.org/drawingml/2006/chart",
            |x, _| {
                x.empty(
                    "c:chart",
                    &[
                        (
                            "xmlns:c",
                            "http://schemas.openxmlformats.org/drawingml/2006/chart",
                        ),
                        ("r:id", &r),
                    ],
                );
            },
        );
    }

    fn table(&mut self, t: &Table) {
        let rule = |i: usize| {
            t.rules
                .iter()
                .find(|(under, _)| *under == i)
                .map(|(_, s)| s)
        };
        let inset = emu(t.inset).to_string();
        self.frame(
            "表格",
            true,
            t.rect,
            "http://schemas.openxmlformats.org/drawingml/2006/table",
            |x, paint| {
                x.el("a:tbl", &[], |x| {
                    x.empty("a:tblPr", &[("firstRow", "1")]);
                    x.el("a:tblGrid", &[], |x| {
                        for w in &t.columns {
                            x.empty("a:gridCol", &[("w", &emu(*w).to_string())]);
                        }
                    });
                    for (i, row) in t.rows.iter().enumerate() {
                        x.el("a:tr", &[("h", &emu(row.height).to_string())], |x| {
                            for cell in &row.cells {
                                x.el("a:tc", &[], |x| {
                                    x.el("a:txBody", &[], |x| {
                                        x.empty("a:bodyPr", &[]).empty("a:lstStyle", &[]);
                                        if cell.is_empty() {
                                            x.el("a:p", &[], |x| {
                                                x.empty("a:endParaRPr", &[("lang", "zh-CN")]);
                                            });
                                        }
                                        for p in cell {
                                            paint.paragraph(x, p);
                                        }
                                    });
                                    let margins = [
                                        ("marL", inset.as_str()),
                                        ("marR", &inset),
                                        ("marT", "0"),
                                        ("marB", "0"),
                                        ("anchor", "ctr"),
                                    ];
                                    x.el("a:tcPr", &margins, |x| {
                                        border(x, "a:lnL", None);
                                        border(x, "a:lnR", None);
                                        border(x, "a:lnT", rule(i));
                                        border(x, "a:lnB", rule(i + 1));
                                        match &row.fill {
                                            Some(f) => fill_xml(x, Some(f)),
                                            None => {
                                                x.empty("a:noFill", &[]);
                                            }
                                        }
                                    });
                                });
                            }
                        });
                    }
                });
            },
        );
    }
}

/// A table cell's border.
fn border(x: &mut Xml, tag: &str, stroke: Option<&Stroke>) {
    match stroke {
        Some(s) => x.el(tag, &[("w", &emu(s.width).to_string())], |x| {
            x.el("a:solidFill", &[], |x| color(x, s.color));
        }),
        None => x.el(tag, &[("w", "0")], |x| {
            x.empty("a:noFill", &[]);
        }),
    };
}

/// The box around a shape, in points.
pub fn bounds(shape: &Shape) -> Rect {
    match shape {
        Shape::Text(t) => t.rect,
        Shape::Rect { rect, .. } | Shape::Path { rect, .. } | Shape::Picture { rect, .. } => *rect,
        Shape::Line { from, to, .. } => Rect {
            x: from.0.min(to.0),
            y: from.1.min(to.1),
            w: (from.0 - to.0).abs(),
            h: (from.1 - to.1).abs(),
        },
        Shape::Table(t) => t.rect,
        Shape::Chart(c) => c.rect,
        Shape::Group { shapes, .. } => {
            let rects: Vec<Rect> = shapes.iter().map(bounds).collect();
            let x0 = rects.iter().map(|r| r.x).fold(f64::INFINITY, f64::min);
            let y0 = rects.iter().map(|r| r.y).fold(f64::INFINITY, f64::min);
            let x1 = rects
                .iter()
                .map(|r| r.x + r.w)
                .fold(f64::NEG_INFINITY, f64::max);
            let y1 = rects
                .iter()
                .map(|r| r.y + r.h)
                .fold(f64::NEG_INFINITY, f64::max);
            if x0.is_finite() {
                Rect {
                    x: x0,
                    y: y0,
                    w: x1 - x0,
                    h: y1 - y0,
                }
            } else {
                Rect {
                    x: 0.0,
                    y: 0.0,
                    w: 0.0,
                    h: 0.0,
                }
            }
        }
    }
}

/// A notes page: the slide image and the notes, one paragraph each.
pub fn notes(text: &str) -> Vec<u8> {
    let mut x = Xml::new();
    x.el("p:notes", &NS, |x| {
        x.el("p:cSld", &[], |x| {
            x.el("p:spTree", &[], |x| {
                tree_names(x);
                x.empty("p:grpSpPr", &[]);
                x.el("p:sp", &[], |x| {
                    slide_image_names(x, "幻灯片图像 1", &[("type", "sldImg")]);
                    x.empty("p:spPr", &[]);
                });
                x.el("p:sp", &[], |x| {
                    let ph = [("type", "body"), ("idx", "1")];
                    names(x, 3, "备注 2", Kind::Placeholder(&ph));
                    x.empty("p:spPr", &[]);
                    x.el("p:txBody", &[], |x| {
                        x.empty("a:bodyPr", &[]).empty("a:lstStyle", &[]);
                        if text.trim().is_empty() {
                            x.el("a:p", &[], |x| {
                                x.empty("a:endParaRPr", &[("lang", "zh-CN")]);
                            });
                        } else {
                            for p in text.split("\n\n") {
                                x.el("a:p", &[], |x| {
                                    x.el("a:r", &[], |x| {
                                        x.empty(
                                            "a:rPr",
                                            &[
                                                ("lang", "zh-CN"),
                                                ("altLang", "en-US"),
                                                ("dirty", "0"),
                                            ],
                                        );
                                        x.leaf("a:t", &[], p);
                                    });
                                });
                            }
                        }
                    });
                });
            });
        });
        x.el("p:clrMapOvr", &[], |x| {
            x.empty("a:masterClrMapping", &[]);
        });
    });
    x.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::Reader;
    use quick_xml::events::Event;

    /// The text of every `a:t` of a part, and that the part is well-formed
    /// XML whose every element closes.
    fn texts(xml: &[u8]) -> Vec<String> {
        let mut reader = Reader::from_reader(xml);
        let (mut depth, mut inside, mut out) = (0i32, false, Vec::new());
        let mut buf = Vec::new();
        loop {
            match reader.read_event_into(&mut buf).expect("well-formed XML") {
                Event::Start(e) => {
                    depth += 1;
                    inside = e.name().as_ref() == b"a:t";
                    if inside {
                        out.push(String::new());
                    }
                }
                Event::End(_) => {
                    depth -= 1;
                    inside = false;
                }
                Event::Text(t) if inside => out.last_mut().unwrap().push_str(&t.decode().unwrap()),
                Event::GeneralRef(r) if inside => {
                    let s = String::from_utf8(r.to_vec()).unwrap();
                    let c = quick_xml::escape::resolve_predefined_entity(&s).unwrap();
                    out.last_mut().unwrap().push_str(c);
                }
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        assert_eq!(depth, 0, "unclosed elements");
        out
    }

    fn para(text: &str) -> Para {
        Para {
            lines: vec![vec![Run {
                text: text.into(),
                font: "Noto Sans SC".into(),
                size: 20.0,
                bold: false,
                color: Rgba([0, 0, 0, 255]),
            }]],
            pitch: 24.0,
            align: Align::Left,
            bullet: None,
            before: 0.0,
            hang: true,
        }
    }

    #[test]
    fn a_slide_of_every_shape_is_well_formed_and_keeps_hostile_text_as_text() {
        let rect = Rect {
            x: 10.0,
            y: 10.0,
            w: 100.0,
            h: 40.0,
        };
        let hostile = "增长<5%> & \"左右\" '约'\u{1}\u{FFFF}</a:t>";
        let text = Shape::Text(TextBox {
            rect,
            baseline: 16.0,
            paras: vec![para(hostile)],
            role: Role::Title,
        });
        let table = Shape::Table(Table {
            rect,
            columns: vec![50.0, 50.0],
            rows: vec![Row {
                height: 20.0,
                fill: Some(Fill::Hatch(Rgba([1, 2, 3, 128]))),
                cells: vec![vec![para("指标")], vec![]],
            }],
            rules: vec![(
                0,
                Stroke {
                    color: Rgba([0, 0, 0, 255]),
                    width: 1.0,
                },
            )],
            inset: 4.0,
        });
        let group = Shape::Group {
            name: "图 <1>".into(),
            shapes: vec![
                Shape::Line {
                    from: (100.0, 0.0),
                    to: (0.0, 50.0),
                    stroke: Stroke {
                        color: Rgba([9, 9, 9, 255]),
                        width: 2.0,
                    },
                },
                Shape::Path {
                    rect,
                    ops: vec![
                        PathOp::Move(0.0, 0.0),
                        PathOp::Cubic([(1.0, 1.0), (2.0, 2.0), (3.0, 0.0)]),
                        PathOp::Close,
                    ],
                    fill: Some(Fill::Solid(Rgba([200, 0, 0, 255]))),
                    stroke: None,
                },
            ],
        };
        let mut w = SlideWriter::new(&[], false);
        let (mut charts, mut pictures) = (0, 0);
        for s in [&text, &table, &group] {
            w.shape(s, &mut charts, &mut pictures);
        }
        w.furniture(
            Some(&TextBox {
                rect,
                baseline: 10.0,
                paras: vec![para("哈尔滨新区 & 2023")],
                role: Role::Free,
            }),
            None,
        );
        let xml = w.finish();
        let s = String::from_utf8(xml.clone()).unwrap();
        assert!(s.contains(" showMasterSp=\"0\""), "{s}");
        assert!(s.contains("name=\"图 &lt;1&gt;\""), "{s}");
        assert!(s.contains("flipH=\"1\""), "{s}");
        assert_eq!(
            texts(&xml),
            [
                "增长<5%> & \"左右\" '约'</a:t>",
                "指标",
                "哈尔滨新区 & 2023"
            ],
            "{s}"
        );

        let notes = notes("第一段 <注>\n\n第二段 & 完");
        assert_eq!(texts(&notes), ["第一段 <注>", "第二段 & 完"]);
    }
}
