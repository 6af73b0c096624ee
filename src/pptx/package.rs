//! The package: every part of the .pptx, its relationships and content
//! types, zipped. Only the parts present get a content type; every
//! relationship points at a part that is there.

use std::io::Write;

use chrono::{DateTime, Utc};
use zip::write::SimpleFileOptions;

use super::Properties;
use super::model::{Deck, Layout, Rect, Role, Shape, Slide, TextBox};
use super::slide::{BODY_PR, NS, Reference, SlideWriter, field, notes};
use super::xml::{DECLARATION, emu, esc};
use crate::chart;

const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

struct Package {
    parts: Vec<(String, Vec<u8>)>,
    /// (part name, content type) overrides.
    types: Vec<(String, &'static str)>,
}

impl Package {
    fn add(&mut self, name: &str, content_type: Option<&'static str>, bytes: impl Into<Vec<u8>>) {
        if let Some(t) = content_type {
            self.types.push((format!("/{name}"), t));
        }
        self.parts.push((name.to_string(), bytes.into()));
    }
}

fn rels(list: &[(String, &str, String)]) -> String {
    let items: String = list
        .iter()
        .map(|(id, kind, target)| {
            format!(
                "<Relationship Id=\"{id}\" Type=\"{DOC_REL}/{kind}\" Target=\"{}\"/>",
                esc(target)
            )
        })
        .collect();
    format!("{DECLARATION}<Relationships xmlns=\"{REL_NS}\">{items}</Relationships>")
}

pub fn write(
    deck: &Deck,
    props: &Properties,
    timestamp: Option<DateTime<Utc>>,
) -> anyhow::Result<Vec<u8>> {
    let mut p = Package {
        parts: Vec::new(),
        types: Vec::new(),
    };
    let n = deck.slides.len();

    // The slides, their notes, charts and pictures.
    let mut charts = 0;
    let mut pictures = 0;
    let scheme = super::scheme(&props.colors);
    for (i, slide) in deck.slides.iter().enumerate() {
        let k = i + 1;
        let mut w = SlideWriter::new(&scheme);
        let (mut c, mut pic) = (charts, pictures);
        for shape in &slide.shapes {
            w.shape(shape, &mut c, &mut pic);
        }
        if slide.chrome {
            w.furniture(
                deck.furniture.footer.as_ref(),
                deck.furniture.number.as_ref(),
            );
        }
        let mut list = vec![(
            "rId1".to_string(),
            "slideLayout",
            format!("../slideLayouts/slideLayout{}.xml", slide.layout.number()),
        )];
        for (j, r) in w.references.iter().enumerate() {
            let id = format!("rId{}", j + 2);
            match r {
                Reference::Chart(c) => list.push((id, "chart", format!("../charts/chart{c}.xml"))),
                Reference::Picture(pic) => {
                    list.push((id, "image", format!("../media/image{pic}.png")))
                }
            }
        }
        list.push((
            format!("rId{}", list.len() + 1),
            "notesSlide",
            format!("../notesSlides/notesSlide{k}.xml"),
        ));
        for shape in &slide.shapes {
            match shape {
                Shape::Chart(ch) => {
                    charts += 1;
                    p.add(
                        &format!("ppt/charts/chart{charts}.xml"),
                        Some("application/vnd.openxmlformats-officedocument.drawingml.chart+xml"),
                        chart::part(&ch.chart),
                    );
                    p.add(
                        &format!("ppt/charts/_rels/chart{charts}.xml.rels"),
                        None,
                        rels(&[(
                            "rId1".into(),
                            "package",
                            format!("../embeddings/Microsoft_Excel_Worksheet{charts}.xlsx"),
                        )]),
                    );
                    p.add(
                        &format!("ppt/embeddings/Microsoft_Excel_Worksheet{charts}.xlsx"),
                        None,
                        chart::workbook(&ch.chart)?,
                    );
                }
                Shape::Picture { png, .. } => {
                    pictures += 1;
                    p.add(&format!("ppt/media/image{pictures}.png"), None, png.clone());
                }
                _ => {}
            }
        }
        p.add(
            &format!("ppt/slides/slide{k}.xml"),
            Some("application/vnd.openxmlformats-officedocument.presentationml.slide+xml"),
            w.finish(slide.furniture || deck.furniture.rule.is_none()),
        );
        p.add(
            &format!("ppt/slides/_rels/slide{k}.xml.rels"),
            None,
            rels(&list),
        );
        p.add(
            &format!("ppt/notesSlides/notesSlide{k}.xml"),
            Some("application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml"),
            notes(&slide.notes),
        );
        p.add(
            &format!("ppt/notesSlides/_rels/notesSlide{k}.xml.rels"),
            None,
            rels(&[
                (
                    "rId1".into(),
                    "notesMaster",
                    "../notesMasters/notesMaster1.xml".into(),
                ),
                ("rId2".into(), "slide", format!("../slides/slide{k}.xml")),
            ]),
        );
    }

    // The presentation: one master with its layouts, one notes master. A
    // 16:9 deck is PowerPoint's own 16:9 size exactly (typst's differs by
    // a hundredth of a point).
    let size = if (deck.width / deck.height - 16.0 / 9.0).abs() < 1e-3 {
        (12_192_000, 6_858_000)
    } else {
        (emu(deck.width), emu(deck.height))
    };
    let slide_ids: String = (1..=n)
        .map(|k| format!("<p:sldId id=\"{}\" r:id=\"rId{}\"/>", 255 + k, k + 3))
        .collect();
    p.add(
        "ppt/presentation.xml",
        Some("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
        format!(
            "{DECLARATION}<p:presentation {NS} saveSubsetFonts=\"1\"><p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id=\"rId2\"/></p:notesMasterIdLst><p:sldIdLst>{slide_ids}</p:sldIdLst><p:sldSz cx=\"{}\" cy=\"{}\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/><p:defaultTextStyle><a:defPPr><a:defRPr lang=\"zh-CN\"/></a:defPPr><a:lvl1pPr marL=\"0\" algn=\"l\" eaLnBrk=\"1\" latinLnBrk=\"0\" hangingPunct=\"1\"><a:defRPr sz=\"1800\" kern=\"1200\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/><a:ea typeface=\"+mn-ea\"/><a:cs typeface=\"+mn-cs\"/></a:defRPr></a:lvl1pPr></p:defaultTextStyle></p:presentation>",
            size.0,
            size.1
        ),
    );
    let mut list = vec![
        (
            "rId1".to_string(),
            "slideMaster",
            "slideMasters/slideMaster1.xml".to_string(),
        ),
        (
            "rId2".into(),
            "notesMaster",
            "notesMasters/notesMaster1.xml".into(),
        ),
        ("rId3".into(), "theme", "theme/theme1.xml".into()),
    ];
    for k in 1..=n {
        list.push((
            format!("rId{}", k + 3),
            "slide",
            format!("slides/slide{k}.xml"),
        ));
    }
    let base = n + 4;
    list.push((format!("rId{base}"), "presProps", "presProps.xml".into()));
    list.push((
        format!("rId{}", base + 1),
        "viewProps",
        "viewProps.xml".into(),
    ));
    list.push((
        format!("rId{}", base + 2),
        "tableStyles",
        "tableStyles.xml".into(),
    ));
    p.add("ppt/_rels/presentation.xml.rels", None, rels(&list));
    p.add(
        "ppt/presProps.xml",
        Some("application/vnd.openxmlformats-officedocument.presentationml.presProps+xml"),
        format!("{DECLARATION}<p:presentationPr {NS}/>"),
    );
    p.add(
        "ppt/viewProps.xml",
        Some("application/vnd.openxmlformats-officedocument.presentationml.viewProps+xml"),
        format!(
            "{DECLARATION}<p:viewPr {NS}><p:gridSpacing cx=\"72008\" cy=\"72008\"/></p:viewPr>"
        ),
    );
    p.add(
        "ppt/tableStyles.xml",
        Some("application/vnd.openxmlformats-officedocument.presentationml.tableStyles+xml"),
        format!("{DECLARATION}<a:tblStyleLst xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" def=\"{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}\"/>"),
    );
    p.add(
        "ppt/theme/theme1.xml",
        Some("application/vnd.openxmlformats-officedocument.theme+xml"),
        theme(props),
    );
    p.add(
        "ppt/theme/theme2.xml",
        Some("application/vnd.openxmlformats-officedocument.theme+xml"),
        theme(props),
    );
    let styles = Styles::of(deck, &scheme);
    p.add(
        "ppt/slideMasters/slideMaster1.xml",
        Some("application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"),
        master(deck, &styles),
    );
    let mut list: Vec<(String, &str, String)> = Layout::ALL
        .iter()
        .map(|l| {
            (
                format!("rId{}", l.number()),
                "slideLayout",
                format!("../slideLayouts/slideLayout{}.xml", l.number()),
            )
        })
        .collect();
    list.push((
        format!("rId{}", Layout::ALL.len() + 1),
        "theme",
        "../theme/theme1.xml".into(),
    ));
    p.add(
        "ppt/slideMasters/_rels/slideMaster1.xml.rels",
        None,
        rels(&list),
    );
    for l in Layout::ALL {
        p.add(
            &format!("ppt/slideLayouts/slideLayout{}.xml", l.number()),
            Some("application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"),
            layout(deck, l),
        );
        p.add(
            &format!("ppt/slideLayouts/_rels/slideLayout{}.xml.rels", l.number()),
            None,
            rels(&[(
                "rId1".into(),
                "slideMaster",
                "../slideMasters/slideMaster1.xml".into(),
            )]),
        );
    }
    p.add(
        "ppt/notesMasters/notesMaster1.xml",
        Some("application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml"),
        notes_master(),
    );
    p.add(
        "ppt/notesMasters/_rels/notesMaster1.xml.rels",
        None,
        rels(&[("rId1".into(), "theme", "../theme/theme2.xml".into())]),
    );

    // Document properties: what the laid-out deck says of itself.
    p.add(
        "docProps/core.xml",
        Some("application/vnd.openxmlformats-package.core-properties+xml"),
        props.core.core(timestamp),
    );
    p.add(
        "docProps/app.xml",
        Some("application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        format!(
            "{DECLARATION}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Application>brief {}</Application><Slides>{n}</Slides><Notes>{n}</Notes></Properties>",
            env!("CARGO_PKG_VERSION")
        ),
    );
    p.add(
        "_rels/.rels",
        None,
        format!(
            "{DECLARATION}<Relationships xmlns=\"{REL_NS}\"><Relationship Id=\"rId1\" Type=\"{DOC_REL}/officeDocument\" Target=\"ppt/presentation.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/><Relationship Id=\"rId3\" Type=\"{DOC_REL}/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>"
        ),
    );

    // Content types: defaults for the extensions present, overrides for the rest.
    let mut defaults = vec![
        (
            "rels",
            "application/vnd.openxmlformats-package.relationships+xml",
        ),
        ("xml", "application/xml"),
    ];
    if charts > 0 {
        defaults.push((
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ));
    }
    if pictures > 0 {
        defaults.push(("png", "image/png"));
    }
    let types: String = defaults
        .iter()
        .map(|(e, t)| format!("<Default Extension=\"{e}\" ContentType=\"{t}\"/>"))
        .chain(
            p.types
                .iter()
                .map(|(n, t)| format!("<Override PartName=\"{n}\" ContentType=\"{t}\"/>")),
        )
        .collect();
    let content_types = format!(
        "{DECLARATION}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">{types}</Types>"
    );

    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // A fixed time: the same inputs give the same bytes.
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    zip.start_file("[Content_Types].xml", options)?;
    zip.write_all(content_types.as_bytes())?;
    for (name, bytes) in &p.parts {
        zip.start_file(name.as_str(), options)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

const CLR_MAP: &str = "<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>";

/// What the master's text styles take from the slides: the title's and the
/// body's size, colour and bullet, so that a new slide looks like the deck's.
struct Styles {
    title: String,
    body: String,
}

impl Styles {
    fn of(deck: &Deck, scheme: &[(super::model::Rgba, &'static str)]) -> Styles {
        let writer = SlideWriter::new(scheme);
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
        let bodies: Vec<&super::model::Para> = deck
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
        let props = |t: Option<&TextBox>, default: &str| -> (String, String) {
            let para = match t {
                Some(t) if t.role == Role::Body => common,
                Some(t) => t.paras.first(),
                None => None,
            };
            let run = para.and_then(|p| {
                let mut runs = p.lines.iter().flatten();
                runs.clone().find(|r| !r.bold).or_else(|| runs.next())
            });
            let rpr = match run {
                Some(r) => {
                    let x = writer.run_properties("a:defRPr", r);
                    // the theme's faces, not the run's
                    let face = esc(&r.font);
                    x.replace(&format!("<a:latin typeface=\"{face}\"/><a:ea typeface=\"{face}\"/><a:cs typeface=\"{face}\"/>"), default)
                        .replace(" lang=\"zh-CN\" altLang=\"en-US\"", "")
                        .replace(" dirty=\"0\"", "")
                }
                None => format!("<a:defRPr sz=\"2000\">{default}</a:defRPr>"),
            };
            let ppr = para
                .map(|p| {
                    let x = writer.paragraph(p);
                    let start = x.find("<a:pPr").unwrap_or(0);
                    let end = x.find("</a:pPr>").unwrap_or(start);
                    x[start + "<a:pPr".len()..end].to_string()
                })
                .unwrap_or_else(|| ">".into());
            (ppr, rpr)
        };
        let (tp, tr) = props(
            first(Role::Title),
            "<a:latin typeface=\"+mj-lt\"/><a:ea typeface=\"+mj-ea\"/><a:cs typeface=\"+mj-cs\"/>",
        );
        let (bp, br) = props(
            first(Role::Body),
            "<a:latin typeface=\"+mn-lt\"/><a:ea typeface=\"+mn-ea\"/><a:cs typeface=\"+mn-cs\"/>",
        );
        let tp = tp.replace(" algn=\"ctr\"", " algn=\"l\"");
        Styles {
            title: format!("<a:lvl1pPr{tp}{tr}</a:lvl1pPr>"),
            body: format!("<a:lvl1pPr{bp}{br}</a:lvl1pPr>"),
        }
    }
}

fn rect_xfrm(r: Rect) -> String {
    format!(
        "<a:xfrm><a:off x=\"{}\" y=\"{}\"/><a:ext cx=\"{}\" cy=\"{}\"/></a:xfrm>",
        super::xml::coord(r.x),
        super::xml::coord(r.y),
        emu(r.w),
        emu(r.h)
    )
}

/// A placeholder: its box (none: the master's), its prompt.
fn placeholder(id: usize, name: &str, ph: &str, rect: Option<Rect>, body: &str) -> String {
    let xfrm = rect.map_or(String::new(), |r| {
        format!(
            "{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>",
            rect_xfrm(r)
        )
    });
    format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"{name}\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:spPr>{xfrm}</p:spPr><p:txBody>{body}</p:txBody></p:sp>"
    )
}

fn prompt(text: &str) -> String {
    format!(
        "{BODY_PR}<a:lstStyle/><a:p><a:r><a:rPr lang=\"zh-CN\" altLang=\"en-US\"/><a:t>{}</a:t></a:r></a:p>",
        esc(text)
    )
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
fn furniture(deck: &Deck, idx: (u32, u32), with_box: bool, first_id: usize) -> String {
    let f = &deck.furniture;
    let writer_scheme = [];
    let w = SlideWriter::new(&writer_scheme);
    let mut xml = String::new();
    if let Some(t) = &f.footer {
        let paras: String = t.paras.iter().map(|p| w.paragraph(p)).collect();
        xml += &placeholder(
            first_id,
            "页脚占位符",
            &format!("<p:ph type=\"ftr\" sz=\"quarter\" idx=\"{}\"/>", idx.0),
            with_box.then_some(t.rect),
            &format!("{BODY_PR}<a:lstStyle/>{paras}"),
        );
    }
    if let Some(t) = &f.number {
        let run = t
            .paras
            .first()
            .and_then(|p| p.lines.first())
            .and_then(|l| l.first());
        let props = run.map_or("<a:rPr lang=\"en-US\"/>".to_string(), |r| {
            w.run_properties("a:rPr", r)
        });
        xml += &placeholder(
            first_id + 1,
            "幻灯片编号占位符",
            &format!("<p:ph type=\"sldNum\" sz=\"quarter\" idx=\"{}\"/>", idx.1),
            with_box.then_some(t.rect),
            &format!(
                "{BODY_PR}<a:lstStyle/><a:p><a:pPr algn=\"r\"/>{}</a:p>",
                field(&props)
            ),
        );
    }
    xml
}

fn tree(shapes: &str) -> String {
    format!(
        "<p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>{shapes}</p:spTree>"
    )
}

/// The slide master: title and body placeholders where the content slides
/// have them, the rule under the title, the footer and the slide number
/// (a field), and the text styles new slides take.
fn master(deck: &Deck, styles: &Styles) -> String {
    let (w, h) = (deck.width, deck.height);
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
    let mut shapes = placeholder(
        2,
        "标题占位符 1",
        "<p:ph type=\"title\"/>",
        Some(grown),
        &prompt("单击此处编辑母版标题样式").replace(" anchor=\"t\"", " anchor=\"b\""),
    );
    shapes += &placeholder(
        3,
        "文本占位符 2",
        "<p:ph type=\"body\" idx=\"1\"/>",
        Some(body),
        &prompt("单击此处编辑母版文本样式"),
    );
    if let Some((r, stroke)) = &deck.furniture.rule {
        shapes += &format!(
            "<p:cxnSp><p:nvCxnSpPr><p:cNvPr id=\"4\" name=\"标题下线\"/><p:cNvCxnSpPr/><p:nvPr userDrawn=\"1\"/></p:nvCxnSpPr><p:spPr>{}<a:prstGeom prst=\"line\"><a:avLst/></a:prstGeom>{}</p:spPr></p:cxnSp>",
            rect_xfrm(*r),
            super::slide::line_xml(Some(stroke))
        );
    }
    shapes += &furniture(deck, (3, 4), true, 5);
    let _ = w;
    format!(
        "{DECLARATION}<p:sldMaster {NS}><p:cSld><p:bg><p:bgPr><a:solidFill><a:schemeClr val=\"bg1\"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>{}</p:cSld>{CLR_MAP}<p:sldLayoutIdLst>{}</p:sldLayoutIdLst><p:hf hdr=\"0\" dt=\"0\"/><p:txStyles><p:titleStyle>{}</p:titleStyle><p:bodyStyle>{}</p:bodyStyle><p:otherStyle><a:defPPr><a:defRPr lang=\"zh-CN\"/></a:defPPr><a:lvl1pPr marL=\"0\" algn=\"l\"><a:defRPr sz=\"1800\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/><a:ea typeface=\"+mn-ea\"/><a:cs typeface=\"+mn-cs\"/></a:defRPr></a:lvl1pPr></p:otherStyle></p:txStyles></p:sldMaster>",
        tree(&shapes),
        Layout::ALL
            .iter()
            .map(|l| format!(
                "<p:sldLayoutId id=\"{}\" r:id=\"rId{}\"/>",
                2147483648usize + l.number(),
                l.number()
            ))
            .collect::<String>(),
        styles.title,
        styles.body
    )
}

/// A layout: its placeholders (the title where the deck's slides of this
/// layout have it), footer and number; the title, section and closing
/// layouts hide the master's rule.
fn layout(deck: &Deck, l: Layout) -> String {
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
    let mut shapes = placeholder(
        2,
        "标题 1",
        "<p:ph type=\"title\"/>",
        title_box,
        "<a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang=\"zh-CN\" altLang=\"en-US\"/></a:p>",
    );
    if l == Layout::Content {
        shapes += &placeholder(
            3,
            "内容占位符 2",
            "<p:ph idx=\"1\"/>",
            None,
            "<a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang=\"zh-CN\" altLang=\"en-US\"/></a:p>",
        );
    }
    if matches!(l, Layout::Section | Layout::Content | Layout::TitleOnly) {
        shapes += &furniture(deck, (11, 12), false, 4);
    }
    let hide = if own { " showMasterSp=\"0\"" } else { "" };
    format!(
        "{DECLARATION}<p:sldLayout {NS}{hide} type=\"{kind}\" preserve=\"1\"><p:cSld name=\"{name}\">{}</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>",
        tree(&shapes)
    )
}

fn notes_master() -> String {
    format!(
        "{DECLARATION}<p:notesMaster {NS}><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg><p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/><p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"幻灯片图像占位符 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"sldImg\" idx=\"2\"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x=\"381000\" y=\"685800\"/><a:ext cx=\"6096000\" cy=\"3429000\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/><a:ln w=\"12700\"><a:solidFill><a:prstClr val=\"black\"/></a:solidFill></a:ln></p:spPr></p:sp><p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"备注占位符 2\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"body\" sz=\"quarter\" idx=\"3\"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x=\"685800\" y=\"4343400\"/><a:ext cx=\"5486400\" cy=\"4114800\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr vert=\"horz\" lIns=\"91440\" tIns=\"45720\" rIns=\"91440\" bIns=\"45720\" rtlCol=\"0\"/><a:lstStyle/><a:p><a:endParaRPr lang=\"zh-CN\"/></a:p></p:txBody></p:sp></p:spTree></p:cSld>{CLR_MAP}<p:notesStyle><a:lvl1pPr marL=\"0\" algn=\"l\"><a:defRPr sz=\"1400\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/><a:ea typeface=\"+mn-ea\"/><a:cs typeface=\"+mn-cs\"/></a:defRPr></a:lvl1pPr></p:notesStyle></p:notesMaster>"
    )
}

/// A theme with every list PowerPoint requires (three fill, line, effect and
/// background styles): the project's colours and faces.
fn theme(props: &Properties) -> String {
    let faces = |f: &str| {
        let f = esc(f);
        format!(
            "<a:latin typeface=\"{f}\"/><a:ea typeface=\"{f}\"/><a:cs typeface=\"\"/><a:font script=\"Hans\" typeface=\"{f}\"/>"
        )
    };
    let c = |i: usize| format!("<a:srgbClr val=\"{}\"/>", props.colors[i].hex());
    let names = [
        "dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5",
        "accent6",
    ];
    let scheme: String = names
        .iter()
        .enumerate()
        .map(|(i, n)| format!("<a:{n}>{}</a:{n}>", c(i)))
        .collect();
    let solid = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";
    let line = |w: u32| {
        format!(
            "<a:ln w=\"{w}\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:prstDash val=\"solid\"/></a:ln>"
        )
    };
    format!(
        "{DECLARATION}<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"brief\"><a:themeElements><a:clrScheme name=\"brief\">{scheme}<a:hlink><a:srgbClr val=\"0563C1\"/></a:hlink><a:folHlink><a:srgbClr val=\"954F72\"/></a:folHlink></a:clrScheme><a:fontScheme name=\"brief\"><a:majorFont>{}</a:majorFont><a:minorFont>{}</a:minorFont></a:fontScheme><a:fmtScheme name=\"brief\"><a:fillStyleLst>{solid}{solid}{solid}</a:fillStyleLst><a:lnStyleLst>{}{}{}</a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst>{solid}{solid}{solid}</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>",
        faces(&props.major),
        faces(&props.minor),
        line(6350),
        line(12700),
        line(19050)
    )
}
