//! The package: every part of the .pptx, its relationships and content
//! types, zipped. Only the parts present get a content type; every
//! relationship points at a part that is there.

use std::io::Write;

use chrono::{DateTime, Utc};
use zip::write::SimpleFileOptions;

use super::Properties;
use super::model::{Deck, Shape};
use super::slide::{NS, Reference, SlideWriter, notes};
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
    for (i, slide) in deck.slides.iter().enumerate() {
        let k = i + 1;
        let mut w = SlideWriter::new();
        let (mut c, mut pic) = (charts, pictures);
        for shape in &slide.shapes {
            w.shape(shape, &mut c, &mut pic);
        }
        let mut list = vec![(
            "rId1".to_string(),
            "slideLayout",
            "../slideLayouts/slideLayout1.xml".to_string(),
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
            w.finish(),
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

    // The presentation: one master, one blank layout, one notes master.
    let slide_ids: String = (1..=n)
        .map(|k| format!("<p:sldId id=\"{}\" r:id=\"rId{}\"/>", 255 + k, k + 3))
        .collect();
    p.add(
        "ppt/presentation.xml",
        Some("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
        format!(
            "{DECLARATION}<p:presentation {NS} saveSubsetFonts=\"1\"><p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id=\"rId2\"/></p:notesMasterIdLst><p:sldIdLst>{slide_ids}</p:sldIdLst><p:sldSz cx=\"{}\" cy=\"{}\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/><p:defaultTextStyle><a:lvl1pPr><a:defRPr lang=\"zh-CN\"/></a:lvl1pPr></p:defaultTextStyle></p:presentation>",
            emu(deck.width),
            emu(deck.height)
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
        theme(&props.font),
    );
    p.add(
        "ppt/theme/theme2.xml",
        Some("application/vnd.openxmlformats-officedocument.theme+xml"),
        theme(&props.font),
    );
    p.add(
        "ppt/slideMasters/slideMaster1.xml",
        Some("application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"),
        master(),
    );
    p.add(
        "ppt/slideMasters/_rels/slideMaster1.xml.rels",
        None,
        rels(&[
            (
                "rId1".into(),
                "slideLayout",
                "../slideLayouts/slideLayout1.xml".into(),
            ),
            ("rId2".into(), "theme", "../theme/theme1.xml".into()),
        ]),
    );
    p.add(
        "ppt/slideLayouts/slideLayout1.xml",
        Some("application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"),
        layout(),
    );
    p.add(
        "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
        None,
        rels(&[(
            "rId1".into(),
            "slideMaster",
            "../slideMasters/slideMaster1.xml".into(),
        )]),
    );
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

    // Document properties from the data.
    let date = timestamp.map_or(String::new(), |t| {
        let w3c = t.format("%Y-%m-%dT%H:%M:%SZ");
        format!("<dcterms:created xsi:type=\"dcterms:W3CDTF\">{w3c}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{w3c}</dcterms:modified>")
    });
    p.add(
        "docProps/core.xml",
        Some("application/vnd.openxmlformats-package.core-properties+xml"),
        format!(
            "{DECLARATION}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><cp:keywords>{}</cp:keywords><dc:description>{}</dc:description><dc:language>zh-CN</dc:language>{date}</cp:coreProperties>",
            esc(&props.title),
            esc(&props.subject),
            esc(&props.author),
            esc(&props.keywords),
            esc(&props.subject)
        ),
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

fn empty_tree() -> &'static str {
    "<p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr></p:spTree>"
}

const CLR_MAP: &str = "<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>";

fn master() -> String {
    let level = "<a:lvl1pPr><a:defRPr lang=\"zh-CN\"/></a:lvl1pPr>";
    format!(
        "{DECLARATION}<p:sldMaster {NS}><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg>{}</p:cSld>{CLR_MAP}<p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst><p:txStyles><p:titleStyle>{level}</p:titleStyle><p:bodyStyle>{level}</p:bodyStyle><p:otherStyle>{level}</p:otherStyle></p:txStyles></p:sldMaster>",
        empty_tree()
    )
}

fn layout() -> String {
    format!(
        "{DECLARATION}<p:sldLayout {NS} type=\"blank\" preserve=\"1\"><p:cSld name=\"空白\">{}</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>",
        empty_tree()
    )
}

fn notes_master() -> String {
    format!(
        "{DECLARATION}<p:notesMaster {NS}><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg><p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/><p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"幻灯片图像占位符 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"sldImg\" idx=\"2\"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x=\"381000\" y=\"685800\"/><a:ext cx=\"6096000\" cy=\"3429000\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/><a:ln w=\"12700\"><a:solidFill><a:prstClr val=\"black\"/></a:solidFill></a:ln></p:spPr></p:sp><p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"备注占位符 2\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"body\" sz=\"quarter\" idx=\"3\"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x=\"685800\" y=\"4343400\"/><a:ext cx=\"5486400\" cy=\"4114800\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr vert=\"horz\" lIns=\"91440\" tIns=\"45720\" rIns=\"91440\" bIns=\"45720\" rtlCol=\"0\"/><a:lstStyle/><a:p><a:endParaRPr lang=\"zh-CN\"/></a:p></p:txBody></p:sp></p:spTree></p:cSld>{CLR_MAP}<p:notesStyle><a:lvl1pPr marL=\"0\" algn=\"l\"><a:defRPr sz=\"1400\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/><a:ea typeface=\"+mn-ea\"/><a:cs typeface=\"+mn-cs\"/></a:defRPr></a:lvl1pPr></p:notesStyle></p:notesMaster>"
    )
}

/// A theme with every list PowerPoint requires (three fill, line, effect and
/// background styles); its fonts are the deck's face for every script.
fn theme(font: &str) -> String {
    let f = esc(font);
    let fonts =
        format!("<a:latin typeface=\"{f}\"/><a:ea typeface=\"{f}\"/><a:cs typeface=\"{f}\"/>");
    let solid = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";
    let line = |w: u32| {
        format!(
            "<a:ln w=\"{w}\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:prstDash val=\"solid\"/></a:ln>"
        )
    };
    format!(
        "{DECLARATION}<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"brief\"><a:themeElements><a:clrScheme name=\"brief\"><a:dk1><a:srgbClr val=\"1A1A1A\"/></a:dk1><a:lt1><a:srgbClr val=\"FFFFFF\"/></a:lt1><a:dk2><a:srgbClr val=\"33414F\"/></a:dk2><a:lt2><a:srgbClr val=\"F5F2EC\"/></a:lt2><a:accent1><a:srgbClr val=\"C00000\"/></a:accent1><a:accent2><a:srgbClr val=\"33414F\"/></a:accent2><a:accent3><a:srgbClr val=\"5E6873\"/></a:accent3><a:accent4><a:srgbClr val=\"B9C0C8\"/></a:accent4><a:accent5><a:srgbClr val=\"E4E7EB\"/></a:accent5><a:accent6><a:srgbClr val=\"8A6D3B\"/></a:accent6><a:hlink><a:srgbClr val=\"0563C1\"/></a:hlink><a:folHlink><a:srgbClr val=\"954F72\"/></a:folHlink></a:clrScheme><a:fontScheme name=\"brief\"><a:majorFont>{fonts}</a:majorFont><a:minorFont>{fonts}</a:minorFont></a:fontScheme><a:fmtScheme name=\"brief\"><a:fillStyleLst>{solid}{solid}{solid}</a:fillStyleLst><a:lnStyleLst>{}{}{}</a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst>{solid}{solid}{solid}</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>",
        line(6350),
        line(12700),
        line(19050)
    )
}
