//! The package: every part of the .pptx, its relationships and content
//! types, zipped. Only the parts present get a content type; every
//! relationship points at a part that is there.

use std::io::Write;

use chrono::{DateTime, Utc};

use super::Properties;
use super::drawing::emu;
use super::drawing::{NS, Paint, ThemeFaces, root};
use super::master::{bare, layout, master, notes_master, theme, theme_run};
use super::model::{Deck, Layout, Shape};
use super::slide::{Reference, SlideWriter, notes};
use crate::chart;
use crate::chart::xml::Xml;

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

/// A relationships part: (id, kind, target) each.
fn rels(list: &[(String, &str, String)]) -> Vec<u8> {
    let mut x = Xml::new();
    x.el("Relationships", &[("xmlns", REL_NS)], |x| {
        for (id, kind, target) in list {
            let kind = format!("{DOC_REL}/{kind}");
            x.empty(
                "Relationship",
                &[("Id", id), ("Type", &kind), ("Target", target)],
            );
        }
    });
    x.finish()
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
        let mut w = SlideWriter::new(&scheme, slide.furniture || deck.furniture.rule.is_none());
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
                        chart::workbook(&ch.chart, timestamp)?,
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

    // The presentation: one master with its layouts, one notes master. A
    // 16:9 deck is PowerPoint's own 16:9 size exactly (typst's differs by
    // a hundredth of a point).
    let size = if (deck.width / deck.height - 16.0 / 9.0).abs() < 1e-3 {
        (12_192_000, 6_858_000)
    } else {
        (emu(deck.width), emu(deck.height))
    };
    let presentation = bare("p:presentation", &root(&[("saveSubsetFonts", "1")]), |x| {
        x.el("p:sldMasterIdLst", &[], |x| {
            x.empty("p:sldMasterId", &[("id", "2147483648"), ("r:id", "rId1")]);
        });
        x.el("p:notesMasterIdLst", &[], |x| {
            x.empty("p:notesMasterId", &[("r:id", "rId2")]);
        });
        x.el("p:sldIdLst", &[], |x| {
            for k in 1..=n {
                let (id, r) = ((255 + k).to_string(), format!("rId{}", k + 3));
                x.empty("p:sldId", &[("id", &id), ("r:id", &r)]);
            }
        });
        let (cx, cy) = (size.0.to_string(), size.1.to_string());
        x.empty("p:sldSz", &[("cx", &cx), ("cy", &cy)]);
        x.empty("p:notesSz", &[("cx", "6858000"), ("cy", "9144000")]);
        x.el("p:defaultTextStyle", &[], |x| {
            x.el("a:defPPr", &[], |x| {
                x.empty("a:defRPr", &[("lang", "zh-CN")]);
            });
            let level = [
                ("marL", "0"),
                ("algn", "l"),
                ("eaLnBrk", "1"),
                ("latinLnBrk", "0"),
                ("hangingPunct", "1"),
            ];
            x.el("a:lvl1pPr", &level, |x| {
                theme_run(x, &[("sz", "1800"), ("kern", "1200")], ThemeFaces::Minor);
            });
        });
    });
    p.add(
        "ppt/presentation.xml",
        Some("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
        presentation,
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
        {
            let mut x = Xml::new();
            x.empty("p:presentationPr", &NS);
            x.finish()
        },
    );
    p.add(
        "ppt/viewProps.xml",
        Some("application/vnd.openxmlformats-officedocument.presentationml.viewProps+xml"),
        bare("p:viewPr", &NS, |x| {
            x.empty("p:gridSpacing", &[("cx", "72008"), ("cy", "72008")]);
        }),
    );
    p.add(
        "ppt/tableStyles.xml",
        Some("application/vnd.openxmlformats-officedocument.presentationml.tableStyles+xml"),
        {
            let mut x = Xml::new();
            x.empty(
                "a:tblStyleLst",
                &[NS[0], ("def", "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}")],
            );
            x.finish()
        },
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
    p.add(
        "ppt/slideMasters/slideMaster1.xml",
        Some("application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"),
        master(deck, &Paint { scheme: &scheme }),
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
        chart::xml::app(|x| {
            x.leaf(
                "Application",
                &[],
                concat!("brief ", env!("CARGO_PKG_VERSION")),
            );
            x.leaf("Slides", &[], &n.to_string());
            x.leaf("Notes", &[], &n.to_string());
        }),
    );
    p.add(
        "_rels/.rels",
        None,
        bare("Relationships", &[("xmlns", REL_NS)], |x| {
            let core = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
            for (id, kind, target) in [
                ("rId1", &format!("{DOC_REL}/officeDocument"), "ppt/presentation.xml"),
                ("rId2", &core.to_string(), "docProps/core.xml"),
                ("rId3", &format!("{DOC_REL}/extended-properties"), "docProps/app.xml"),
            ] {
                x.empty(
                    "Relationship",
                    &[("Id", id), ("Type", kind), ("Target", target)],
                );
            }
        }),
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
    let content_types = bare(
        "Types",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/content-types",
        )],
        |x| {
            for (e, t) in &defaults {
                x.empty("Default", &[("Extension", e), ("ContentType", t)]);
            }
            for (n, t) in &p.types {
                x.empty("Override", &[("PartName", n), ("ContentType", t)]);
            }
        },
    );

    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = crate::chart::xml::part_options();
    zip.start_file("[Content_Types].xml", options)?;
    zip.write_all(&content_types)?;
    for (name, bytes) in &p.parts {
        zip.start_file(name.as_str(), options)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}
