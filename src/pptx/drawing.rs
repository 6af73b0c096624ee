//! DrawingML and PresentationML pieces every part of the deck writes:
//! namespaces, shape names, boxes, geometry, colours, fills and lines, and
//! text (runs and paragraphs with their properties), through the one XML
//! writer (`chart::xml::Xml`), which escapes every string and drops what
//! XML cannot hold.

use super::model::*;
use crate::chart::xml::Xml;

/// EMU per point (12 700) and per inch (914 400).
pub const EMU_PER_PT: f64 = 12_700.0;

/// A length in points as EMU, never negative.
pub fn emu(pt: f64) -> i64 {
    if pt.is_finite() {
        (pt * EMU_PER_PT).round().max(0.0) as i64
    } else {
        0
    }
}

/// A coordinate in points as EMU (may be negative: off the slide's edge).
pub fn coord(pt: f64) -> i64 {
    if pt.is_finite() {
        (pt * EMU_PER_PT).round() as i64
    } else {
        0
    }
}

/// The namespaces every PresentationML part declares.
pub const NS: [(&str, &str); 3] = [
    (
        "xmlns:a",
        "http://schemas.openxmlformats.org/drawingml/2006/main",
    ),
    (
        "xmlns:r",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ),
    (
        "xmlns:p",
        "http://schemas.openxmlformats.org/presentationml/2006/main",
    ),
];

/// A part's root attributes: the namespaces, then `more`.
pub fn root<'a>(more: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    NS.iter().chain(more).copied().collect()
}

/// Which faces a run's properties name: the run's own, or the theme's in
/// the master's styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Faces {
    Run,
    Theme(ThemeFaces),
}

/// The theme's two sets of faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeFaces {
    /// Titles (`+mj-…`).
    Major,
    /// Other text (`+mn-…`).
    Minor,
}

/// Colours and text as a part writes them: the theme's colours as scheme
/// colours where a run or a bullet has one of them.
#[derive(Clone, Copy)]
pub struct Paint<'a> {
    pub scheme: &'a [(Rgba, &'static str)],
}

impl Paint<'_> {
    /// A colour: the theme's by its name where it is one of them.
    pub fn color(&self, x: &mut Xml, c: Rgba) {
        match self.scheme.iter().find(|(s, _)| *s == c) {
            Some((_, name)) => {
                x.val("a:schemeClr", name);
            }
            None => color(x, c),
        }
    }

    /// A run's properties: language, size, weight, colour, and the
    /// typeface for Latin, East Asian and complex script alike (WPS reads
    /// `a:ea` for Han). No character spacing: text typed later would be
    /// squeezed too.
    pub fn run_properties(&self, x: &mut Xml, tag: &str, run: &Run, faces: Faces) {
        let size = ((run.size * 100.0).round() as i64)
            .clamp(100, 400_000)
            .to_string();
        let bold = if run.bold { "1" } else { "0" };
        let mut attrs = Vec::with_capacity(5);
        if faces == Faces::Run {
            attrs.extend([("lang", "zh-CN"), ("altLang", "en-US")]);
        }
        attrs.extend([("sz", size.as_str()), ("b", bold)]);
        if faces == Faces::Run {
            attrs.push(("dirty", "0"));
        }
        x.el(tag, &attrs, |x| {
            x.el("a:solidFill", &[], |x| self.color(x, run.color));
            match faces {
                Faces::Run => typefaces(x, &run.font, &run.font, &run.font),
                Faces::Theme(t) => theme_typefaces(x, t),
            }
        });
    }

    /// A paragraph's properties as `tag` (`a:pPr`, or a level of a text
    /// style): margins, alignment (`align` where given), the pitch typst
    /// set, the space above, the bullet; then what `more` writes.
    pub fn paragraph_properties(
        &self,
        x: &mut Xml,
        tag: &str,
        p: &Para,
        align: Option<Align>,
        more: impl FnOnce(&mut Xml),
    ) {
        let align = match align.unwrap_or(p.align) {
            Align::Left => "l",
            Align::Center => "ctr",
            Align::Right => "r",
        };
        let pts = |v: f64| ((v * 100.0).round() as i64).clamp(0, 158_400).to_string();
        let margin = p.bullet.map_or(0, |b| emu(b.indent)).to_string();
        let indent = p
            .bullet
            .map_or("0".into(), |b| format!("-{}", emu(b.indent)));
        let mut attrs = vec![
            ("marL", margin.as_str()),
            ("indent", &indent),
            ("algn", align),
        ];
        if !p.hang {
            attrs.push(("hangingPunct", "0"));
        }
        x.el(tag, &attrs, |x| {
            x.el("a:lnSpc", &[], |x| {
                x.val("a:spcPts", &pts(p.pitch));
            });
            x.el("a:spcBef", &[], |x| {
                x.val("a:spcPts", &pts(p.before));
            });
            x.el("a:spcAft", &[], |x| {
                x.val("a:spcPts", "0");
            });
            match p.bullet {
                Some(b) => {
                    let size = p.lines.iter().flatten().map(|r| r.size).fold(0.0, f64::max);
                    // ■ fills about three quarters of its em.
                    let pct = if size > 0.0 {
                        ((b.size / size / 0.75 * 100_000.0).round() as i64).clamp(25_000, 400_000)
                    } else {
                        100_000
                    };
                    x.el("a:buClr", &[], |x| self.color(x, b.color));
                    x.val("a:buSzPct", &pct.to_string());
                    x.empty("a:buFont", &[("typeface", "+mn-lt")]);
                    x.empty("a:buChar", &[("char", "■")]);
                }
                None => {
                    x.empty("a:buNone", &[]);
                }
            }
            more(x);
        });
    }

    /// A paragraph that wraps softly in its frame: its lines joined (a space
    /// only where typst broke between two Latin words), at the pitch typst
    /// set them, a list item with a real bullet hanging in its indent.
    pub fn paragraph(&self, x: &mut Xml, p: &Para) {
        let mut runs: Vec<Run> = Vec::new();
        for line in &p.lines {
            for (i, run) in line.iter().enumerate() {
                let mut run = run.clone();
                if i == 0
                    && let Some(prev) = runs.last()
                    && prev.text.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && run.text.starts_with(|c: char| c.is_ascii_alphanumeric())
                {
                    run.text.insert(0, ' ');
                }
                Run::append(&mut runs, run);
            }
        }
        x.el("a:p", &[], |x| {
            self.paragraph_properties(x, "a:pPr", p, None, |_| {});
            for run in &runs {
                x.el("a:r", &[], |x| {
                    self.run_properties(x, "a:rPr", run, Faces::Run);
                    x.leaf("a:t", &[], &run.text);
                });
            }
            if let Some(run) = runs.last() {
                self.run_properties(x, "a:endParaRPr", run, Faces::Run);
            }
        });
    }
}

/// The Latin, East Asian and complex-script typefaces.
fn typefaces(x: &mut Xml, latin: &str, ea: &str, cs: &str) {
    x.empty("a:latin", &[("typeface", latin)]);
    x.empty("a:ea", &[("typeface", ea)]);
    x.empty("a:cs", &[("typeface", cs)]);
}

/// The theme's typefaces, for Latin, East Asian and complex script.
pub fn theme_typefaces(x: &mut Xml, faces: ThemeFaces) {
    let set = match faces {
        ThemeFaces::Major => "mj",
        ThemeFaces::Minor => "mn",
    };
    let face = |script: &str| format!("+{set}-{script}");
    typefaces(x, &face("lt"), &face("ea"), &face("cs"));
}

/// The names of a notes page's slide image: locked to its slide.
pub fn slide_image_names(x: &mut Xml, name: &str, ph: &[(&str, &str)]) {
    x.el("p:nvSpPr", &[], |x| {
        x.empty("p:cNvPr", &[("id", "2"), ("name", name)]);
        x.el("p:cNvSpPr", &[], |x| {
            let locks = [("noGrp", "1"), ("noRot", "1"), ("noChangeAspect", "1")];
            x.empty("a:spLocks", &locks);
        });
        x.el("p:nvPr", &[], |x| {
            x.empty("p:ph", ph);
        });
    });
}

/// How a shape names itself (`p:nvSpPr`).
#[derive(Clone, Copy)]
pub enum Kind<'a> {
    /// A placeholder of the layout, by its `p:ph` attributes.
    Placeholder(&'a [(&'a str, &'a str)]),
    TextBox,
    Shape,
}

/// A shape's id, name and kind.
pub fn names(x: &mut Xml, id: usize, name: &str, kind: Kind) {
    x.el("p:nvSpPr", &[], |x| {
        x.empty("p:cNvPr", &[("id", &id.to_string()), ("name", name)]);
        match kind {
            Kind::Placeholder(ph) => {
                x.el("p:cNvSpPr", &[], |x| {
                    x.empty("a:spLocks", &[("noGrp", "1")]);
                });
                x.el("p:nvPr", &[], |x| {
                    x.empty("p:ph", ph);
                });
            }
            Kind::TextBox => {
                x.empty("p:cNvSpPr", &[("txBox", "1")]).empty("p:nvPr", &[]);
            }
            Kind::Shape => {
                x.empty("p:cNvSpPr", &[]).empty("p:nvPr", &[]);
            }
        }
    });
}

/// A shape tree's own names (id 1).
pub fn tree_names(x: &mut Xml) {
    x.el("p:nvGrpSpPr", &[], |x| {
        x.empty("p:cNvPr", &[("id", "1"), ("name", "")]);
        x.empty("p:cNvGrpSpPr", &[]).empty("p:nvPr", &[]);
    });
}

/// The start of a shape tree: its own properties, none moved.
pub fn tree_start(x: &mut Xml) {
    x.open("p:spTree", &[]);
    tree_names(x);
    x.el("p:grpSpPr", &[], |x| {
        x.el("a:xfrm", &[], |x| {
            for (off, ext) in [("a:off", "a:ext"), ("a:chOff", "a:chExt")] {
                x.empty(off, &[("x", "0"), ("y", "0")]);
                x.empty(ext, &[("cx", "0"), ("cy", "0")]);
            }
        });
    });
}

/// A box: its offset and extent, as `tag` (`a:xfrm`, `p:xfrm`).
pub fn xfrm(x: &mut Xml, tag: &str, rect: Rect) {
    x.el(tag, &[], |x| {
        let (left, top) = (coord(rect.x).to_string(), coord(rect.y).to_string());
        let (w, h) = (emu(rect.w).to_string(), emu(rect.h).to_string());
        x.empty("a:off", &[("x", &left), ("y", &top)]);
        x.empty("a:ext", &[("cx", &w), ("cy", &h)]);
    });
}

/// A preset geometry without adjustments.
pub fn preset(x: &mut Xml, name: &str) {
    x.el("a:prstGeom", &[("prst", name)], |x| {
        x.empty("a:avLst", &[]);
    });
}

/// A frame's text body: no insets, text from the top (`anchor`), wrapping
/// softly and shrinking on overflow.
pub fn body_properties(x: &mut Xml, anchor: &str) {
    x.el(
        "a:bodyPr",
        &[
            ("wrap", "square"),
            ("lIns", "0"),
            ("tIns", "0"),
            ("rIns", "0"),
            ("bIns", "0"),
            ("anchor", anchor),
            ("anchorCtr", "0"),
        ],
        |x| {
            x.empty("a:normAutofit", &[]);
        },
    );
}

/// The first run of a text box: what a slide number is styled as.
pub fn first_run(t: &TextBox) -> Option<&Run> {
    t.paras
        .first()
        .and_then(|p| p.lines.first())
        .and_then(|l| l.first())
}

/// The slide number's paragraph: a field PowerPoint and LibreOffice
/// compute, in `run`'s style (else with the language `bare` gives).
pub fn number_paragraph(x: &mut Xml, paint: &Paint, run: Option<&Run>, bare: &[(&str, &str)]) {
    x.el("a:p", &[], |x| {
        x.empty("a:pPr", &[("algn", "r")]);
        x.el(
            "a:fld",
            &[
                ("id", "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"),
                ("type", "slidenum"),
            ],
            |x| {
                match run {
                    Some(r) => paint.run_properties(x, "a:rPr", r, Faces::Run),
                    None => {
                        x.empty("a:rPr", bare);
                    }
                }
                x.leaf("a:t", &[], "‹#›");
            },
        );
    });
}

/// A colour as its RGB value (and its alpha where it is not opaque).
pub fn color(x: &mut Xml, c: Rgba) {
    let hex = c.hex();
    if c.0[3] == 255 {
        x.val("a:srgbClr", &hex);
    } else {
        x.el("a:srgbClr", &[("val", &hex)], |x| {
            x.val("a:alpha", &(u32::from(c.0[3]) * 100_000 / 255).to_string());
        });
    }
}

/// A shape's fill.
pub fn fill_xml(x: &mut Xml, fill: Option<&Fill>) {
    match fill {
        None => {
            x.empty("a:noFill", &[]);
        }
        Some(Fill::Solid(c)) => {
            x.el("a:solidFill", &[], |x| color(x, *c));
        }
        Some(Fill::Hatch(c)) => {
            x.el("a:pattFill", &[("prst", "wdUpDiag")], |x| {
                x.el("a:fgClr", &[], |x| color(x, *c));
                x.el("a:bgClr", &[], |x| {
                    x.val("a:srgbClr", "FFFFFF");
                });
            });
        }
    }
}

/// A shape's outline (none: no line).
pub fn line_xml(x: &mut Xml, stroke: Option<&Stroke>) {
    match stroke {
        None => x.el("a:ln", &[], |x| {
            x.empty("a:noFill", &[]);
        }),
        Some(s) => x.el("a:ln", &[("w", &emu(s.width).to_string())], |x| {
            x.el("a:solidFill", &[], |x| color(x, s.color));
        }),
    };
}

/// A path as a custom geometry in the box `rect`.
pub fn custom_geometry(x: &mut Xml, rect: Rect, ops: &[PathOp]) {
    let pt = |x: &mut Xml, (px, py): (f64, f64)| {
        x.empty(
            "a:pt",
            &[("x", &emu(px).to_string()), ("y", &emu(py).to_string())],
        );
    };
    x.el("a:custGeom", &[], |x| {
        for list in ["a:avLst", "a:gdLst", "a:ahLst", "a:cxnLst"] {
            x.empty(list, &[]);
        }
        x.empty("a:rect", &[("l", "0"), ("t", "0"), ("r", "r"), ("b", "b")]);
        x.el("a:pathLst", &[], |x| {
            let (w, h) = (emu(rect.w).to_string(), emu(rect.h).to_string());
            x.el("a:path", &[("w", &w), ("h", &h)], |x| {
                for op in ops {
                    match op {
                        PathOp::Move(px, py) => x.el("a:moveTo", &[], |x| pt(x, (*px, *py))),
                        PathOp::Line(px, py) => x.el("a:lnTo", &[], |x| pt(x, (*px, *py))),
                        PathOp::Cubic(c) => x.el("a:cubicBezTo", &[], |x| {
                            for p in c {
                                pt(x, *p);
                            }
                        }),
                        PathOp::Close => x.empty("a:close", &[]),
                    };
                }
            });
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, bold: bool) -> Run {
        Run {
            text: text.into(),
            font: crate::fonts::BUNDLED_SANS.into(),
            size: 22.0,
            bold,
            color: Rgba([0xC0, 0, 0, 255]),
        }
    }

    #[test]
    fn a_paragraph_wraps_softly_with_its_highlights_as_runs_and_a_real_bullet() {
        let scheme = [(Rgba([0xC0, 0, 0, 255]), "accent1")];
        let paint = Paint { scheme: &scheme };
        let p = Para {
            // typst's lines: broken between two Han characters, and between two Latin words
            lines: vec![
                vec![run("公共预算收入实", false)],
                vec![run("际增长", false), run("3.5%", true), run("，GDP", false)],
                vec![run("growth", false)],
            ],
            pitch: 26.4,
            align: Align::Left,
            bullet: Some(Bullet {
                color: Rgba([0xC0, 0, 0, 255]),
                x: 54.0,
                indent: 19.8,
                size: 8.8,
            }),
            before: 6.0,
            hang: true,
        };
        let mut x = Xml::fragment();
        paint.paragraph(&mut x, &p);
        let xml = String::from_utf8(x.finish()).unwrap();
        assert!(!xml.contains("<a:br"), "{xml}");
        assert!(!xml.contains("spc="), "{xml}");
        assert!(xml.contains("<a:t>公共预算收入实际增长</a:t>"), "{xml}");
        assert!(xml.contains("<a:t>，GDP growth</a:t>"), "{xml}");
        assert!(xml.contains(" b=\"1\""), "{xml}");
        assert!(
            xml.contains("<a:buClr><a:schemeClr val=\"accent1\"/></a:buClr>")
                && xml.contains("<a:buChar char=\"■\"/>")
                && xml.contains("marL=\"251460\" indent=\"-251460\""),
            "{xml}"
        );
        assert!(
            xml.contains("<a:spcBef><a:spcPts val=\"600\"/></a:spcBef>"),
            "{xml}"
        );
    }

    #[test]
    fn points_are_emu_and_sizes_never_negative() {
        assert_eq!(emu(1.0), 12_700);
        assert_eq!(emu(-3.0), 0);
        assert_eq!(coord(-1.0), -12_700);
    }
}
