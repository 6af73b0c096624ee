//! The package: settings, the font table with the embedded faces, a theme,
//! the document properties, the relationships and content types, with the
//! charts and their workbooks, zipped.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use chrono::{DateTime, Utc};

use super::model::Document;
use super::styles::{CT, Faces, R, REL, W, styles};
use super::write::{Writer, body, furniture};
use crate::chart::xml::{Properties, Xml};
use crate::chart::{self, Rgb};
use crate::data::look::{Color, Look};

/// `even_odd`: the even pages have a footer of their own (公文 page numbers).
fn settings(even_odd: bool) -> Vec<u8> {
    let mut x = Xml::new();
    x.el("w:settings", &[("xmlns:w", W)], |x| {
        x.empty("w:zoom", &[("w:percent", "100")]);
        x.empty("w:embedTrueTypeFonts", &[]);
        x.empty("w:saveSubsetFonts", &[]);
        x.wval("w:defaultTabStop", "420");
        if even_odd {
            x.empty("w:evenAndOddHeaders", &[]);
        }
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

/// In a part, the attributes that name a face (`w:eastAsia`, `typeface` …)
/// given each family of `renamed` under its new name.
fn rename_faces(xml: &mut Vec<u8>, renamed: &BTreeMap<String, String>) {
    const SLOTS: [&str; 5] = ["w:ascii", "w:hAnsi", "w:eastAsia", "w:cs", "typeface"];
    let mut text = String::from_utf8(std::mem::take(xml)).expect("parts are written as UTF-8");
    for (family, name) in renamed {
        for slot in SLOTS {
            text = text.replace(
                &format!("{slot}=\"{family}\""),
                &format!("{slot}=\"{name}\""),
            );
        }
        // A watermark's face, in its shape's style.
        text = text.replace(
            &format!("font-family:&quot;{family}&quot;"),
            &format!("font-family:&quot;{name}&quot;"),
        );
    }
    *xml = text.into_bytes();
}

fn font_table(faces: &Faces, embedded: &Embedded, renamed: &BTreeMap<String, String>) -> Vec<u8> {
    let mut x = Xml::new();
    x.open("w:fonts", &[("xmlns:w", W), ("xmlns:r", R)]);
    let names: BTreeSet<&String> = faces.names.values().collect();
    for name in names {
        let shown = renamed.get(name).unwrap_or(name);
        x.el("w:font", &[("w:name", shown)], |x| {
            // Where the subset is not read, the face of its name stands in.
            if shown != name {
                x.wval("w:altName", name);
            }
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
    let (document, first, header, footer, even) = {
        let mut w = Writer {
            look,
            faces,
            drawings: 0,
        };
        let document = body(doc, &mut w);
        let first = furniture("w:hdr", &doc.first_header, &mut w);
        let header = furniture("w:hdr", &doc.header, &mut w);
        let footer = furniture("w:ftr", &doc.footer, &mut w);
        let even = doc
            .even_footer
            .as_ref()
            .map(|f| furniture("w:ftr", f, &mut w));
        (document, first, header, footer, even)
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
        settings(doc.even_footer.is_some()),
    );
    add(
        "word/theme/theme1.xml",
        Some(format!("{CT}theme+xml")),
        theme(look, faces),
    );
    add(
        "word/header1.xml",
        Some(format!("{wml}header+xml")),
        header.clone(),
    );
    add("word/header2.xml", Some(format!("{wml}header+xml")), first);
    add(
        "word/footer1.xml",
        Some(format!("{wml}footer+xml")),
        footer.clone(),
    );
    add("word/footer2.xml", Some(format!("{wml}footer+xml")), footer);
    // Even pages take the same header, and their own footer.
    if let Some(even) = even {
        add("word/header3.xml", Some(format!("{wml}header+xml")), header);
        add("word/footer3.xml", Some(format!("{wml}footer+xml")), even);
    }
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
    if doc.even_footer.is_some() {
        doc_rels.push(r("rId9", "header", "header3.xml"));
        doc_rels.push(r("rId10", "footer", "footer3.xml"));
    }
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
    // The bundled faces' glyphs the document shows, obfuscated, each family
    // under a name of its own subset (see `fonts::tagged`).
    let mut embedded: Embedded = BTreeMap::new();
    let mut renamed: BTreeMap<String, String> = BTreeMap::new();
    let mut font_rels = Vec::new();
    let used: BTreeMap<(String, bool), BTreeSet<char>> = faces
        .used
        .iter()
        .filter(|((family, bold), _)| super::bundled(family, *bold).is_some())
        .map(|(face, chars)| {
            let mut chars = chars.clone();
            // Room for small edits: digits, Latin letters and common punctuation.
            chars.extend((' '..='~').chain("，。、；：！？“”‘’（）《》—…％".chars()));
            chars.retain(|c| !c.is_control());
            (face.clone(), chars)
        })
        .collect();
    for ((family, bold), chars) in &used {
        let weights: Vec<&BTreeSet<char>> = [false, true]
            .iter()
            .filter_map(|b| used.get(&(family.clone(), *b)))
            .collect();
        let name = renamed
            .entry(family.clone())
            .or_insert_with(|| super::fonts::tagged(family, &weights));
        let bytes = super::bundled(family, *bold).expect("kept above");
        let mut font = super::fonts::subset(bytes, chars, name)?;
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
        font_table(faces, &embedded, &renamed),
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
        chart::xml::app(|x| {
            x.leaf("Application", &[], "brief");
        }),
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

    // The runs, styles, theme and charts name an embedded family by its
    // subset's name.
    for (name, bytes) in &mut parts {
        if name.ends_with(".xml") && !renamed.is_empty() {
            rename_faces(bytes, &renamed);
        }
    }

    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // The fastest level: written at every build that asks for it.
    let options = crate::chart::xml::part_options().compression_level(Some(1));
    zip.start_file("[Content_Types].xml", options)?;
    zip.write_all(&types.finish())?;
    for (name, bytes) in &parts {
        zip.start_file(name.as_str(), options)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}
