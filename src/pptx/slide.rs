//! A slide's XML: its shapes in drawing order (text boxes last, on top), as
//! PresentationML writes them: `p:sp` text boxes and preset or custom shapes,
//! `p:cxnSp` lines, `p:pic` pictures, `p:graphicFrame` tables and charts.

use super::model::*;
use super::xml::{coord, emu, esc};

pub const NS: &str = r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#;

/// What a slide's XML refers to through its relationships.
pub enum Reference {
    Chart(usize),
    Picture(usize),
}

/// Writes shapes; shape ids are unique within the slide (1 is the tree).
pub struct SlideWriter<'a> {
    xml: String,
    next_id: usize,
    /// The theme's colours, written as scheme colours where a run or a
    /// bullet has one of them.
    scheme: &'a [(Rgba, &'static str)],
    /// Relationship targets, in the order of their ids (rId2, rId3, …: rId1
    /// is the layout).
    pub references: Vec<Reference>,
}

impl<'a> SlideWriter<'a> {
    pub fn new(scheme: &'a [(Rgba, &'static str)]) -> Self {
        SlideWriter {
            xml: String::new(),
            next_id: 2,
            scheme,
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
                self.rect(*rect, "rect", None, fill.as_ref(), stroke.as_ref())
            }
            Shape::Line { from, to, stroke } => self.line(*from, *to, stroke),
            Shape::Path {
                rect,
                ops,
                fill,
                stroke,
            } => self.rect(*rect, "custom", Some(ops), fill.as_ref(), stroke.as_ref()),
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
                let id = self.id();
                let b = bounds(shape);
                self.xml += &format!(
                    "<p:grpSp><p:nvGrpSpPr><p:cNvPr id=\"{id}\" name=\"{}\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x=\"{x}\" y=\"{y}\"/><a:ext cx=\"{w}\" cy=\"{h}\"/><a:chOff x=\"{x}\" y=\"{y}\"/><a:chExt cx=\"{w}\" cy=\"{h}\"/></a:xfrm></p:grpSpPr>",
                    esc(name),
                    x = coord(b.x),
                    y = coord(b.y),
                    w = emu(b.w),
                    h = emu(b.h)
                );
                for s in shapes {
                    self.shape(s, charts, pictures);
                }
                self.xml += "</p:grpSp>";
            }
        }
    }

    /// The slide's footer and number, in the layout's placeholders: the
    /// footer's text as the PDF prints it, the number as a field.
    pub fn furniture(&mut self, footer: Option<&TextBox>, number: Option<&TextBox>) {
        if let Some(f) = footer {
            let id = self.id();
            let paras: String = f.paras.iter().map(|p| self.paragraph(p)).collect();
            self.xml += &format!(
                "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"页脚 {id}\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"ftr\" sz=\"quarter\" idx=\"11\"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{paras}</p:txBody></p:sp>"
            );
        }
        if let Some(n) = number {
            let id = self.id();
            let run = n
                .paras
                .first()
                .and_then(|p| p.lines.first())
                .and_then(|l| l.first());
            let props = run.map_or(
                "<a:rPr lang=\"en-US\" altLang=\"zh-CN\"/>".to_string(),
                |r| self.run_properties("a:rPr", r),
            );
            self.xml += &format!(
                "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"幻灯片编号 {id}\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"sldNum\" sz=\"quarter\" idx=\"12\"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:pPr algn=\"r\"/>{}</a:p></p:txBody></p:sp>",
                field(&props)
            );
        }
    }

    /// The slide part, with `shapes` written; `master`: whether the
    /// layout's and master's shapes show (the rule under the title).
    pub fn finish(self, master: bool) -> String {
        format!(
            "{}<p:sld {NS}{}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>{}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>",
            super::xml::DECLARATION,
            if master { "" } else { " showMasterSp=\"0\"" },
            self.xml
        )
    }

    fn xfrm(rect: Rect, tag: &str) -> String {
        format!(
            "<{tag}><a:off x=\"{}\" y=\"{}\"/><a:ext cx=\"{}\" cy=\"{}\"/></{tag}>",
            coord(rect.x),
            coord(rect.y),
            emu(rect.w),
            emu(rect.h)
        )
    }

    fn text(&mut self, t: &TextBox) {
        let id = self.id();
        let paras: String = t.paras.iter().map(|p| self.paragraph(p)).collect();
        let (name, locks, ph) = match t.role {
            Role::Title => (
                "标题",
                "<p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>",
                "<p:nvPr><p:ph type=\"title\"/></p:nvPr>",
            ),
            Role::Body => (
                "内容占位符",
                "<p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>",
                "<p:nvPr><p:ph idx=\"1\"/></p:nvPr>",
            ),
            Role::Kicker | Role::Free => ("文本", "<p:cNvSpPr txBox=\"1\"/>", "<p:nvPr/>"),
        };
        let geometry = if t.role == Role::Free || t.role == Role::Kicker {
            "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/>"
        } else {
            ""
        };
        self.xml += &format!(
            "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"{name} {id}\"/>{locks}{ph}</p:nvSpPr><p:spPr>{}{geometry}</p:spPr><p:txBody>{BODY_PR}<a:lstStyle/>{paras}</p:txBody></p:sp>",
            Self::xfrm(t.rect, "a:xfrm")
        );
    }

    /// A colour: the theme's by its name where it is one of them.
    fn color(&self, c: Rgba) -> String {
        match self.scheme.iter().find(|(s, _)| *s == c) {
            Some((_, name)) => format!("<a:schemeClr val=\"{name}\"/>"),
            None => color(c),
        }
    }

    /// A run's properties: language, size, weight, colour, and the
    /// typeface for Latin, East Asian and complex script alike (WPS reads
    /// `a:ea` for Han). No character spacing: text typed later would be
    /// squeezed too.
    pub fn run_properties(&self, tag: &str, run: &Run) -> String {
        let face = esc(&run.font);
        format!(
            "<{tag} lang=\"zh-CN\" altLang=\"en-US\" sz=\"{}\"{} dirty=\"0\"><a:solidFill>{}</a:solidFill><a:latin typeface=\"{face}\"/><a:ea typeface=\"{face}\"/><a:cs typeface=\"{face}\"/></{tag}>",
            ((run.size * 100.0).round() as i64).clamp(100, 400_000),
            if run.bold { " b=\"1\"" } else { " b=\"0\"" },
            self.color(run.color)
        )
    }

    /// A paragraph that wraps softly in its frame: its lines joined (a space
    /// only where typst broke between two Latin words), at the pitch typst
    /// set them, a list item with a real bullet hanging in its indent.
    pub fn paragraph(&self, p: &Para) -> String {
        let align = match p.align {
            Align::Left => "l",
            Align::Center => "ctr",
            Align::Right => "r",
        };
        let pitch = ((p.pitch * 100.0).round() as i64).clamp(0, 158_400);
        let before = ((p.before * 100.0).round() as i64).clamp(0, 158_400);
        let (margin, bullet) = match p.bullet {
            Some(b) => {
                let size = p.lines.iter().flatten().map(|r| r.size).fold(0.0, f64::max);
                // ■ fills about three quarters of its em.
                let pct = if size > 0.0 {
                    ((b.size / size / 0.75 * 100_000.0).round() as i64).clamp(25_000, 400_000)
                } else {
                    100_000
                };
                (
                    format!(" marL=\"{m}\" indent=\"-{m}\"", m = emu(b.indent)),
                    format!(
                        "<a:buClr>{}</a:buClr><a:buSzPct val=\"{pct}\"/><a:buFont typeface=\"+mn-lt\"/><a:buChar char=\"■\"/>",
                        self.color(b.color)
                    ),
                )
            }
            None => (
                " marL=\"0\" indent=\"0\"".to_string(),
                "<a:buNone/>".to_string(),
            ),
        };
        let mut xml = format!(
            "<a:p><a:pPr{margin} algn=\"{align}\"><a:lnSpc><a:spcPts val=\"{pitch}\"/></a:lnSpc><a:spcBef><a:spcPts val=\"{before}\"/></a:spcBef><a:spcAft><a:spcPts val=\"0\"/></a:spcAft>{bullet}</a:pPr>"
        );
        let mut last: Option<&Run> = None;
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
                match runs.last_mut() {
                    Some(prev)
                        if prev.font == run.font
                            && prev.size == run.size
                            && prev.bold == run.bold
                            && prev.color == run.color =>
                    {
                        prev.text.push_str(&run.text)
                    }
                    _ => runs.push(run),
                }
            }
        }
        for run in &runs {
            xml += &format!(
                "<a:r>{}<a:t>{}</a:t></a:r>",
                self.run_properties("a:rPr", run),
                esc(&run.text)
            );
            last = Some(run);
        }
        if let Some(run) = last {
            xml += &self.run_properties("a:endParaRPr", run);
        }
        xml + "</a:p>"
    }

    fn rect(
        &mut self,
        rect: Rect,
        geometry: &str,
        ops: Option<&Vec<PathOp>>,
        fill: Option<&Fill>,
        stroke: Option<&Stroke>,
    ) {
        let id = self.id();
        let geometry = match ops {
            None => format!("<a:prstGeom prst=\"{geometry}\"><a:avLst/></a:prstGeom>"),
            Some(ops) => custom_geometry(rect, ops),
        };
        self.xml += &format!(
            "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"形状 {id}\"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>{}{geometry}{}{}</p:spPr></p:sp>",
            Self::xfrm(rect, "a:xfrm"),
            fill_xml(fill),
            line_xml(stroke)
        );
    }

    fn line(&mut self, from: (f64, f64), to: (f64, f64), stroke: &Stroke) {
        let id = self.id();
        let (x0, x1) = (from.0.min(to.0), from.0.max(to.0));
        let (y0, y1) = (from.1.min(to.1), from.1.max(to.1));
        let flip_h = if to.0 < from.0 { " flipH=\"1\"" } else { "" };
        let flip_v = if to.1 < from.1 { " flipV=\"1\"" } else { "" };
        self.xml += &format!(
            "<p:cxnSp><p:nvCxnSpPr><p:cNvPr id=\"{id}\" name=\"直线 {id}\"/><p:cNvCxnSpPr/><p:nvPr/></p:nvCxnSpPr><p:spPr><a:xfrm{flip_h}{flip_v}><a:off x=\"{}\" y=\"{}\"/><a:ext cx=\"{}\" cy=\"{}\"/></a:xfrm><a:prstGeom prst=\"line\"><a:avLst/></a:prstGeom>{}</p:spPr></p:cxnSp>",
            coord(x0),
            coord(y0),
            emu(x1 - x0),
            emu(y1 - y0),
            line_xml(Some(stroke))
        );
    }

    fn picture(&mut self, rect: Rect, n: usize) {
        let id = self.id();
        let r = self.reference(Reference::Picture(n));
        self.xml += &format!(
            "<p:pic><p:nvPicPr><p:cNvPr id=\"{id}\" name=\"图片 {id}\"/><p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed=\"{r}\"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>",
            Self::xfrm(rect, "a:xfrm")
        );
    }

    fn chart(&mut self, rect: Rect, n: usize) {
        let id = self.id();
        let r = self.reference(Reference::Chart(n));
        self.xml += &format!(
            "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"{id}\" name=\"图表 {id}\"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>{}<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" r:id=\"{r}\"/></a:graphicData></a:graphic></p:graphicFrame>",
            Self::xfrm(rect, "p:xfrm")
        );
    }

    fn table(&mut self, t: &Table) {
        let id = self.id();
        let grid: String = t
            .columns
            .iter()
            .map(|w| format!("<a:gridCol w=\"{}\"/>", emu(*w)))
            .collect();
        let mut rows = String::new();
        let rule = |i: usize| {
            t.rules
                .iter()
                .find(|(under, _)| *under == i)
                .map(|(_, s)| s)
        };
        for (i, row) in t.rows.iter().enumerate() {
            rows += &format!("<a:tr h=\"{}\">", emu(row.height));
            for cell in &row.cells {
                let paras: String = if cell.is_empty() {
                    "<a:p><a:endParaRPr lang=\"zh-CN\"/></a:p>".to_string()
                } else {
                    cell.iter().map(|p| self.paragraph(p)).collect()
                };
                let border = |s: Option<&Stroke>, tag: &str| match s {
                    Some(s) => format!(
                        "<{tag} w=\"{}\"><a:solidFill>{}</a:solidFill></{tag}>",
                        emu(s.width),
                        color(s.color)
                    ),
                    None => format!("<{tag} w=\"0\"><a:noFill/></{tag}>"),
                };
                let fill = match &row.fill {
                    Some(f) => fill_xml(Some(f)),
                    None => "<a:noFill/>".to_string(),
                };
                rows += &format!(
                    "<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{paras}</a:txBody><a:tcPr marL=\"{m}\" marR=\"{m}\" marT=\"0\" marB=\"0\" anchor=\"ctr\">{}{}{}{}{fill}</a:tcPr></a:tc>",
                    border(None, "a:lnL"),
                    border(None, "a:lnR"),
                    border(rule(i), "a:lnT"),
                    border(rule(i + 1), "a:lnB"),
                    m = emu(t.inset)
                );
            }
            rows += "</a:tr>";
        }
        self.xml += &format!(
            "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"{id}\" name=\"表格 {id}\"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp=\"1\"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>{}<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/table\"><a:tbl><a:tblPr firstRow=\"1\"/><a:tblGrid>{grid}</a:tblGrid>{rows}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>",
            Self::xfrm(t.rect, "p:xfrm")
        );
    }
}

pub fn color(c: Rgba) -> String {
    if c.0[3] == 255 {
        format!("<a:srgbClr val=\"{}\"/>", c.hex())
    } else {
        format!(
            "<a:srgbClr val=\"{}\"><a:alpha val=\"{}\"/></a:srgbClr>",
            c.hex(),
            u32::from(c.0[3]) * 100_000 / 255
        )
    }
}

pub fn fill_xml(fill: Option<&Fill>) -> String {
    match fill {
        None => "<a:noFill/>".into(),
        Some(Fill::Solid(c)) => format!("<a:solidFill>{}</a:solidFill>", color(*c)),
        Some(Fill::Hatch(c)) => format!(
            "<a:pattFill prst=\"wdUpDiag\"><a:fgClr>{}</a:fgClr><a:bgClr><a:srgbClr val=\"FFFFFF\"/></a:bgClr></a:pattFill>",
            color(*c)
        ),
    }
}

pub fn line_xml(stroke: Option<&Stroke>) -> String {
    match stroke {
        None => "<a:ln><a:noFill/></a:ln>".into(),
        Some(s) => format!(
            "<a:ln w=\"{}\"><a:solidFill>{}</a:solidFill></a:ln>",
            emu(s.width),
            color(s.color)
        ),
    }
}

fn custom_geometry(rect: Rect, ops: &[PathOp]) -> String {
    let p = |x: f64, y: f64| format!("<a:pt x=\"{}\" y=\"{}\"/>", emu(x), emu(y));
    let path: String = ops
        .iter()
        .map(|op| match op {
            PathOp::Move(x, y) => format!("<a:moveTo>{}</a:moveTo>", p(*x, *y)),
            PathOp::Line(x, y) => format!("<a:lnTo>{}</a:lnTo>", p(*x, *y)),
            PathOp::Cubic(c) => format!(
                "<a:cubicBezTo>{}{}{}</a:cubicBezTo>",
                p(c[0].0, c[0].1),
                p(c[1].0, c[1].1),
                p(c[2].0, c[2].1)
            ),
            PathOp::Close => "<a:close/>".into(),
        })
        .collect();
    format!(
        "<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l=\"0\" t=\"0\" r=\"r\" b=\"b\"/><a:pathLst><a:path w=\"{}\" h=\"{}\">{path}</a:path></a:pathLst></a:custGeom>",
        emu(rect.w),
        emu(rect.h)
    )
}

/// A frame's text body: no insets, text from the top, wrapping softly and
/// shrinking on overflow.
pub const BODY_PR: &str = "<a:bodyPr wrap=\"square\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" anchor=\"t\" anchorCtr=\"0\"><a:normAutofit/></a:bodyPr>";

/// The slide number as a field (PowerPoint and LibreOffice compute it).
pub fn field(props: &str) -> String {
    format!(
        "<a:fld id=\"{{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}}\" type=\"slidenum\">{props}<a:t>‹#›</a:t></a:fld>"
    )
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
pub fn notes(text: &str) -> String {
    let paras: String = if text.trim().is_empty() {
        "<a:p><a:endParaRPr lang=\"zh-CN\"/></a:p>".into()
    } else {
        text.split("\n\n")
            .map(|p| format!("<a:p><a:r><a:rPr lang=\"zh-CN\" altLang=\"en-US\" dirty=\"0\"/><a:t>{}</a:t></a:r></a:p>", esc(p)))
            .collect()
    };
    format!(
        "{}<p:notes {NS}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/><p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"幻灯片图像 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"sldImg\"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp><p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"备注 2\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"body\" idx=\"1\"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{paras}</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>",
        super::xml::DECLARATION
    )
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
        let w = SlideWriter::new(&scheme);
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
        };
        let xml = w.paragraph(&p);
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
}
