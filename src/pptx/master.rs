//! What new slides and the notes take from the deck: the slide master with
//! its text styles (from the slides' own titles and bodies), the layouts,
//! the notes master and the theme (the project's colours and faces).

use super::Properties;
use super::drawing::{
    Faces, Kind, NS, Paint, ThemeFaces, body_properties, emu, first_run, line_xml, names,
    number_paragraph, preset, root, slide_image_names, theme_typefaces, tree_names, tree_start,
    xfrm,
};
use super::model::{Align, Deck, Layout, Para, Rect, Role, Run, Shape, Slide, TextBox};
use crate::chart::xml::Xml;

/// A part that is its root element alone.
pub fn bare(name: &str, attrs: &[(&str, &str)], body: impl FnOnce(&mut Xml)) -> Vec<u8> {
    let mut x = Xml::new();
    x.el(name, attrs, body);
    x.finish()
}

/// How the master maps the theme's colours: as they are named.
fn color_map(x: &mut Xml) {
    x.empty(
        "p:clrMap",
        &[
            ("bg1", "lt1"),
            ("tx1", "dk1"),
            ("bg2", "lt2"),
            ("tx2", "dk2"),
            ("accent1", "accent1"),
            ("accent2", "accent2"),
            ("accent3", "accent3"),
            ("accent4", "accent4"),
            ("accent5", "accent5"),
            ("accent6", "accent6"),
            ("hlink", "hlink"),
            ("folHlink", "folHlink"),
        ],
    );
}

/// A text style's run in the theme's text colour and faces.
pub fn theme_run(x: &mut Xml, attrs: &[(&str, &str)], faces: ThemeFaces) {
    x.el("a:defRPr", attrs, |x| {
        x.el("a:solidFill", &[], |x| {
            x.val("a:schemeClr", "tx1");
        });
        theme_typefaces(x, faces);
    });
}

/// What a level of the master's text styles takes from the slides: the
/// paragraph (size, pitch, bullet) and the run (size, colour, weight).
#[derive(Clone, Copy)]
struct Style<'a> {
    para: Option<&'a Para>,
    run: Option<&'a Run>,
}

impl Style<'_> {
    /// The level, in the theme's faces, not the run's;
    /// `left`: a centred paragraph set left.
    fn write(&self, x: &mut Xml, paint: &Paint, faces: ThemeFaces, left: bool) {
        let run = |x: &mut Xml| match self.run {
            Some(r) => paint.run_properties(x, "a:defRPr", r, Faces::Theme(faces)),
            None => {
                x.el("a:defRPr", &[("sz", "2000")], |x| theme_typefaces(x, faces));
            }
        };
        match self.para {
            Some(p) => {
                let align = (left && p.align == Align::Center).then_some(Align::Left);
                paint.paragraph_properties(x, "a:lvl1pPr", p, align, run);
            }
            None => {
                x.el("a:lvl1pPr", &[], run);
            }
        }
        // A list item the user demotes (Tab, up to the fifth level): each
        // level one indent further in, a smaller marker of the same colour
        // (• and – in turn), its text a tenth smaller than the first's.
        if let (Some(p), Some(b), Some(r)) = (self.para, self.para.and_then(|p| p.bullet), self.run)
        {
            let indent = emu(b.indent);
            let pts = |v: f64| ((v * 100.0).round() as i64).clamp(0, 158_400).to_string();
            let smaller = Run {
                size: r.size * 0.9,
                ..r.clone()
            };
            for level in 2..=5 {
                x.el(
                    &format!("a:lvl{level}pPr"),
                    &[
                        ("marL", &(level * indent).to_string()),
                        ("indent", &(-indent).to_string()),
                        ("algn", "l"),
                    ],
                    |x| {
                        x.el("a:lnSpc", &[], |x| {
                            x.val("a:spcPts", &pts(p.pitch * 0.9));
                        });
                        x.el("a:spcBef", &[], |x| {
                            x.val("a:spcPts", &pts(p.before / 2.0));
                        });
                        x.el("a:buClr", &[], |x| paint.color(x, b.color));
                        x.val("a:buSzPct", "100000");
                        x.empty("a:buFont", &[("typeface", "+mn-lt")]);
                        x.empty(
                            "a:buChar",
                            &[("char", if level % 2 == 0 { "•" } else { "–" })],
                        );
                        paint.run_properties(x, "a:defRPr", &smaller, Faces::Theme(faces));
                    },
                );
            }
        }
    }
}

/// What the master's text styles take from the slides: the title's and the
/// body's size, colour and bullet, so that a new slide looks like the deck's.
struct Styles<'a> {
    title: Style<'a>,
    body: Style<'a>,
}

impl<'a> Styles<'a> {
    fn of(deck: &'a Deck) -> Styles<'a> {
        let first = |role: Role| {
            deck.slides
                .iter()
                .filter(|s| s.layout == Layout::Content)
                .flat_map(|s| &s.shapes)
                .find_map(|s| match s {
                    Shape::Text(t) if t.role == role => Some(t),
                    _ => None,
                })
        };
        // The body's most common bullet, with its paragraph's plain text.
        let bodies: Vec<&Para> = deck
            .slides
            .iter()
            .flat_map(|s| &s.shapes)
            .filter_map(|s| match s {
                Shape::Text(t) if t.role == Role::Body => Some(t),
                _ => None,
            })
            .flat_map(|t| &t.paras)
            .filter(|p| p.bullet.is_some())
            .collect();
        let common = bodies
            .iter()
            .max_by_key(|p| {
                bodies
                    .iter()
                    .filter(|q| q.bullet.map(|b| b.color) == p.bullet.map(|b| b.color))
                    .count()
            })
            .copied();
        let style = |t: Option<&'a TextBox>| {
            let para = match t {
                Some(t) if t.role == Role::Body => common,
                Some(t) => t.paras.first(),
                None => None,
            };
            let run = para.and_then(|p| {
                let mut runs = p.lines.iter().flatten();
                runs.clone().find(|r| !r.bold).or_else(|| runs.next())
            });
            Style { para, run }
        };
        Styles {
            title: style(first(Role::Title)),
            body: style(first(Role::Body)),
        }
    }
}

/// A placeholder: its box (none: the master's), its text body.
fn placeholder(
    x: &mut Xml,
    id: usize,
    name: &str,
    ph: &[(&str, &str)],
    rect: Option<Rect>,
    body: impl FnOnce(&mut Xml),
) {
    x.el("p:sp", &[], |x| {
        names(x, id, name, Kind::Placeholder(ph));
        x.el("p:spPr", &[], |x| {
            if let Some(r) = rect {
                xfrm(x, "a:xfrm", r);
                preset(x, "rect");
            }
        });
        x.el("p:txBody", &[], body);
    });
}

/// A placeholder's prompt, anchored at the top (`t`) or bottom (`b`).
fn prompt(x: &mut Xml, text: &str, anchor: &str) {
    body_properties(x, anchor);
    x.empty("a:lstStyle", &[]);
    x.el("a:p", &[], |x| {
        x.el("a:r", &[], |x| {
            x.empty("a:rPr", &[("lang", "zh-CN"), ("altLang", "en-US")]);
            x.leaf("a:t", &[], text);
        });
    });
}

/// An empty placeholder's text body.
fn empty_body(x: &mut Xml) {
    x.empty("a:bodyPr", &[]).empty("a:lstStyle", &[]);
    x.el("a:p", &[], |x| {
        x.empty("a:endParaRPr", &[("lang", "zh-CN"), ("altLang", "en-US")]);
    });
}

/// The box of the first text of `role` on a slide of `layout`.
fn place_of(deck: &Deck, layout: Layout, role: Role) -> Option<Rect> {
    deck.slides
        .iter()
        .filter(|s: &&Slide| s.layout == layout)
        .flat_map(|s| &s.shapes)
        .find_map(|s| match s {
            Shape::Text(t) if t.role == role => Some(t.rect),
            _ => None,
        })
}

/// The footer and number placeholders (their text styled as the PDF's).
fn furniture(x: &mut Xml, deck: &Deck, idx: (u32, u32), with_box: bool, first_id: usize) {
    let f = &deck.furniture;
    let paint = Paint { scheme: &[] };
    if let Some(t) = &f.footer {
        let idx = idx.0.to_string();
        let ph = [("type", "ftr"), ("sz", "quarter"), ("idx", idx.as_str())];
        placeholder(
            x,
            first_id,
            "页脚占位符",
            &ph,
            with_box.then_some(t.rect),
            |x| {
                body_properties(x, "t");
                x.empty("a:lstStyle", &[]);
                for p in &t.paras {
                    paint.paragraph(x, p);
                }
            },
        );
    }
    if let Some(t) = &f.number {
        let idx = idx.1.to_string();
        let ph = [("type", "sldNum"), ("sz", "quarter"), ("idx", idx.as_str())];
        let name = "幻灯片编号占位符";
        placeholder(
            x,
            first_id + 1,
            name,
            &ph,
            with_box.then_some(t.rect),
            |x| {
                body_properties(x, "t");
                x.empty("a:lstStyle", &[]);
                number_paragraph(x, &paint, first_run(t), &[("lang", "en-US")]);
            },
        );
    }
}

/// The slide master: title and body placeholders where the content slides
/// have them, the rule under the title, the footer and the slide number
/// (a field), and the text styles new slides take.
pub fn master(deck: &Deck, paint: &Paint) -> Vec<u8> {
    let h = deck.height;
    let (left, right) = deck.area;
    let title = place_of(deck, Layout::Content, Role::Title)
        .or_else(|| place_of(deck, Layout::TitleOnly, Role::Title))
        .unwrap_or(Rect {
            x: left,
            y: h * 0.06,
            w: right - left,
            h: h * 0.1,
        });
    let body = place_of(deck, Layout::Content, Role::Body).unwrap_or(Rect {
        x: left,
        y: title.y + title.h + h * 0.05,
        w: right - left,
        h: h * 0.65,
    });
    // A new slide's title stands on the rule: it grows upwards, into the
    // room the slides give their part's name.
    let grown = Rect {
        y: title.y - title.h,
        h: title.h * 2.0,
        ..title
    };
    let styles = Styles::of(deck);
    bare("p:sldMaster", &NS, |x| {
        x.el("p:cSld", &[], |x| {
            x.el("p:bg", &[], |x| {
                x.el("p:bgPr", &[], |x| {
                    x.el("a:solidFill", &[], |x| {
                        x.val("a:schemeClr", "bg1");
                    });
                    x.empty("a:effectLst", &[]);
                });
            });
            tree_start(x);
            let title_ph = [("type", "title")];
            placeholder(x, 2, "标题占位符 1", &title_ph, Some(grown), |x| {
                prompt(x, "单击此处编辑母版标题样式", "b")
            });
            let body_ph = [("type", "body"), ("idx", "1")];
            placeholder(x, 3, "文本占位符 2", &body_ph, Some(body), |x| {
                prompt(x, "单击此处编辑母版文本样式", "t")
            });
            if let Some((r, stroke)) = &deck.furniture.rule {
                x.el("p:cxnSp", &[], |x| {
                    x.el("p:nvCxnSpPr", &[], |x| {
                        x.empty("p:cNvPr", &[("id", "4"), ("name", "标题下线")]);
                        x.empty("p:cNvCxnSpPr", &[]);
                        x.empty("p:nvPr", &[("userDrawn", "1")]);
                    });
                    x.el("p:spPr", &[], |x| {
                        xfrm(x, "a:xfrm", *r);
                        preset(x, "line");
                        line_xml(x, Some(stroke));
                    });
                });
            }
            furniture(x, deck, (3, 4), true, 5);
            x.close("p:spTree");
        });
        color_map(x);
        x.el("p:sldLayoutIdLst", &[], |x| {
            for l in Layout::ALL {
                let id = (2147483648usize + l.number()).to_string();
                let r = format!("rId{}", l.number());
                x.empty("p:sldLayoutId", &[("id", &id), ("r:id", &r)]);
            }
        });
        x.empty("p:hf", &[("hdr", "0"), ("dt", "0")]);
        x.el("p:txStyles", &[], |x| {
            x.el("p:titleStyle", &[], |x| {
                styles.title.write(x, paint, ThemeFaces::Major, true)
            });
            x.el("p:bodyStyle", &[], |x| {
                styles.body.write(x, paint, ThemeFaces::Minor, false)
            });
            x.el("p:otherStyle", &[], |x| {
                x.el("a:defPPr", &[], |x| {
                    x.empty("a:defRPr", &[("lang", "zh-CN")]);
                });
                x.el("a:lvl1pPr", &[("marL", "0"), ("algn", "l")], |x| {
                    theme_run(x, &[("sz", "1800")], ThemeFaces::Minor)
                });
            });
        });
    })
}

/// A layout: its placeholders (the title where the deck's slides of this
/// layout have it), footer and number; the title, section and closing
/// layouts hide the master's rule.
pub fn layout(deck: &Deck, l: Layout) -> Vec<u8> {
    let (kind, name, own) = match l {
        Layout::Title => ("title", "标题幻灯片", true),
        Layout::Section => ("secHead", "节标题", true),
        Layout::Content => ("obj", "标题和内容", false),
        Layout::TitleOnly => ("titleOnly", "仅标题", false),
        Layout::Closing => ("cust", "结束页", true),
    };
    let title_box = if own {
        place_of(deck, l, Role::Title)
    } else {
        None
    };
    let mut attrs = root(if own { &[("showMasterSp", "0")] } else { &[] });
    attrs.extend([("type", kind), ("preserve", "1")]);
    bare("p:sldLayout", &attrs, |x| {
        x.el("p:cSld", &[("name", name)], |x| {
            tree_start(x);
            placeholder(x, 2, "标题 1", &[("type", "title")], title_box, empty_body);
            if l == Layout::Content {
                placeholder(x, 3, "内容占位符 2", &[("idx", "1")], None, empty_body);
            }
            if matches!(l, Layout::Section | Layout::Content | Layout::TitleOnly) {
                furniture(x, deck, (11, 12), false, 4);
            }
            x.close("p:spTree");
        });
        x.el("p:clrMapOvr", &[], |x| {
            x.empty("a:masterClrMapping", &[]);
        });
    })
}

pub fn notes_master() -> Vec<u8> {
    let pt = |x, y, w, h| Rect { x, y, w, h };
    bare("p:notesMaster", &NS, |x| {
        x.el("p:cSld", &[], |x| {
            x.el("p:bg", &[], |x| {
                x.el("p:bgRef", &[("idx", "1001")], |x| {
                    x.val("a:schemeClr", "bg1");
                });
            });
            x.el("p:spTree", &[], |x| {
                tree_names(x);
                x.empty("p:grpSpPr", &[]);
                x.el("p:sp", &[], |x| {
                    slide_image_names(x, "幻灯片图像占位符 1", &[("type", "sldImg"), ("idx", "2")]);
                    x.el("p:spPr", &[], |x| {
                        xfrm(x, "a:xfrm", pt(30.0, 54.0, 480.0, 270.0));
                        preset(x, "rect");
                        x.empty("a:noFill", &[]);
                        x.el("a:ln", &[("w", "12700")], |x| {
                            x.el("a:solidFill", &[], |x| {
                                x.val("a:prstClr", "black");
                            });
                        });
                    });
                });
                x.el("p:sp", &[], |x| {
                    let ph = [("type", "body"), ("sz", "quarter"), ("idx", "3")];
                    names(x, 3, "备注占位符 2", Kind::Placeholder(&ph));
                    x.el("p:spPr", &[], |x| {
                        xfrm(x, "a:xfrm", pt(54.0, 342.0, 432.0, 324.0));
                        preset(x, "rect");
                    });
                    x.el("p:txBody", &[], |x| {
                        x.empty(
                            "a:bodyPr",
                            &[
                                ("vert", "horz"),
                                ("lIns", "91440"),
                                ("tIns", "45720"),
                                ("rIns", "91440"),
                                ("bIns", "45720"),
                                ("rtlCol", "0"),
                            ],
                        );
                        x.empty("a:lstStyle", &[]);
                        x.el("a:p", &[], |x| {
                            x.empty("a:endParaRPr", &[("lang", "zh-CN")]);
                        });
                    });
                });
            });
        });
        color_map(x);
        x.el("p:notesStyle", &[], |x| {
            x.el("a:lvl1pPr", &[("marL", "0"), ("algn", "l")], |x| {
                theme_run(x, &[("sz", "1400")], ThemeFaces::Minor)
            });
        });
    })
}

/// A theme with every list PowerPoint requires (three fill, line, effect and
/// background styles): the project's colours and faces.
pub fn theme(props: &Properties) -> Vec<u8> {
    let faces = |x: &mut Xml, f: &str| {
        x.empty("a:latin", &[("typeface", f)]);
        x.empty("a:ea", &[("typeface", f)]);
        x.empty("a:cs", &[("typeface", "")]);
        x.empty("a:font", &[("script", "Hans"), ("typeface", f)]);
    };
    let solid = |x: &mut Xml| {
        x.el("a:solidFill", &[], |x| {
            x.val("a:schemeClr", "phClr");
        });
    };
    let names = [
        "a:dk1",
        "a:lt1",
        "a:dk2",
        "a:lt2",
        "a:accent1",
        "a:accent2",
        "a:accent3",
        "a:accent4",
        "a:accent5",
        "a:accent6",
        "a:hlink",
        "a:folHlink",
    ];
    bare("a:theme", &[NS[0], ("name", "brief")], |x| {
        x.el("a:themeElements", &[], |x| {
            x.el("a:clrScheme", &[("name", "brief")], |x| {
                for (name, c) in names.iter().zip(&props.colors) {
                    x.el(name, &[], |x| {
                        x.val("a:srgbClr", &c.hex());
                    });
                }
            });
            x.el("a:fontScheme", &[("name", "brief")], |x| {
                x.el("a:majorFont", &[], |x| faces(x, &props.major));
                x.el("a:minorFont", &[], |x| faces(x, &props.minor));
            });
            x.el("a:fmtScheme", &[("name", "brief")], |x| {
                x.el("a:fillStyleLst", &[], |x| (0..3).for_each(|_| solid(x)));
                x.el("a:lnStyleLst", &[], |x| {
                    for w in ["6350", "12700", "19050"] {
                        let attrs = [("w", w), ("cap", "flat"), ("cmpd", "sng"), ("algn", "ctr")];
                        x.el("a:ln", &attrs, |x| {
                            solid(x);
                            x.val("a:prstDash", "solid");
                        });
                    }
                });
                x.el("a:effectStyleLst", &[], |x| {
                    for _ in 0..3 {
                        x.el("a:effectStyle", &[], |x| {
                            x.empty("a:effectLst", &[]);
                        });
                    }
                });
                x.el("a:bgFillStyleLst", &[], |x| (0..3).for_each(|_| solid(x)));
            });
        });
        x.empty("a:objectDefaults", &[])
            .empty("a:extraClrSchemeLst", &[]);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pptx::model::{Bullet, Rgba};

    fn para(text: &str, align: Align, bullet: Option<Bullet>) -> Para {
        Para {
            lines: vec![vec![Run {
                text: text.into(),
                font: "Noto Sans SC".into(),
                size: 28.0,
                bold: false,
                color: Rgba([0xC0, 0, 0, 255]),
            }]],
            pitch: 33.6,
            align,
            bullet,
            before: 0.0,
            hang: true,
        }
    }

    fn text(role: Role, p: Para) -> Shape {
        Shape::Text(TextBox {
            rect: Rect {
                x: 40.0,
                y: 60.0,
                w: 640.0,
                h: 40.0,
            },
            baseline: 30.0,
            paras: vec![p],
            role,
        })
    }

    #[test]
    fn the_master_s_styles_are_the_slides_own_in_the_theme_s_faces() {
        let bullet = Bullet {
            color: Rgba([0xC0, 0, 0, 255]),
            x: 40.0,
            indent: 20.0,
            size: 10.0,
        };
        let deck = Deck {
            width: 960.0,
            height: 540.0,
            area: (40.0, 920.0),
            slides: vec![Slide {
                layout: Layout::Content,
                shapes: vec![
                    text(Role::Title, para("新区概况", Align::Center, None)),
                    text(
                        Role::Body,
                        para("经济稳中有进。", Align::Left, Some(bullet)),
                    ),
                ],
                ..Slide::default()
            }],
            ..Deck::default()
        };
        let scheme = [(Rgba([0xC0, 0, 0, 255]), "accent1")];
        let xml = String::from_utf8(master(&deck, &Paint { scheme: &scheme })).unwrap();
        let style = |tag: &str| {
            let start = xml.find(&format!("<{tag}>")).expect(tag);
            let end = xml.find(&format!("</{tag}>")).expect(tag);
            xml[start..end].to_string()
        };
        let (title, body) = (style("p:titleStyle"), style("p:bodyStyle"));
        // A centred title is set left in the master; its size and colour stay.
        assert!(title.contains("algn=\"l\""), "{title}");
        assert!(title.contains("sz=\"2800\""), "{title}");
        assert!(title.contains("<a:schemeClr val=\"accent1\"/>"), "{title}");
        assert!(
            title.contains("typeface=\"+mj-lt\"") && !title.contains("Noto"),
            "{title}"
        );
        // The body keeps its bullet, in the minor faces.
        assert!(body.contains("<a:buChar char=\"■\"/>"), "{body}");
        assert!(body.contains("typeface=\"+mn-ea\""), "{body}");
        assert!(!body.contains("lang="), "{body}");
        // A demoted item (Tab) has its own level, to the fifth: indented,
        // marked, smaller.
        for level in 2..=5 {
            assert!(body.contains(&format!("<a:lvl{level}pPr marL=")), "{body}");
        }
        assert!(body.contains("<a:buChar char=\"•\"/>") && body.contains("<a:buChar char=\"–\"/>"));
    }
}
