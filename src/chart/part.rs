//! The chart part (`c:chartSpace`: horizontal clustered bars, categories
//! top to bottom as in the PDF, each bar's label as the PDF prints it, bold)
//! and its workbook (categories in column A, one column per series, the
//! series' names in row 1: exactly the ranges the part refers to).

use chrono::{DateTime, Utc};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};

use super::xml::Xml;
use super::{Chart, Fill, Rgb};

/// A number format that prints the value as the PDF's label does: the digits
/// in their place, the words around them as literal text ("0.0###\"%左右\"");
/// a label whose number is not the value written out (超百个) is literal.
pub fn number_format(label: &str, value: f64) -> String {
    // Literal text in quotes; a quote of its own (a unit 万m") escaped as \".
    let quote = |s: &str| {
        s.split('"')
            .map(|p| {
                if p.is_empty() {
                    String::new()
                } else {
                    format!("\"{p}\"")
                }
            })
            .collect::<Vec<_>>()
            .join("\\\"")
    };
    let start = label.find(|c: char| c.is_ascii_digit() || c == '-');
    if let Some(start) = start {
        let digits: String = label[start..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
            .collect();
        if digits
            .parse::<f64>()
            .is_ok_and(|d| (d - value.abs()).abs() < 1e-9 || (d - value).abs() < 1e-9)
        {
            // A trailing zero as printed (10.0%, 172.80亿元) needs its places,
            // and up to three more, so that a value typed in with "Edit Data"
            // (7.25) shows as typed, not rounded to the old label's places;
            // any other number as General, which shows what is typed (6.5,
            // then 7 once edited, not 7.0; 268, then 268.5: 0.### would
            // print 268.). But Office's General shows 11 characters at most
            // (168512345.67 as 168512345.7, round 28): a longer number keeps
            // its places too (an integer has 11 digits at most, 1e10).
            let decimals = digits.split('.').nth(1).map_or(0, str::len);
            let general = digits.trim_start_matches('-').len() <= 11;
            let code = if decimals == 0 || (general && !digits.ends_with('0')) {
                "General".to_string()
            } else {
                format!("0.{}###", "0".repeat(decimals))
            };
            let before = quote(&label[..start]);
            let after = quote(&label[start + digits.len()..]);
            // A negative value drawn for a decrease prints as the label does.
            return if value < 0.0 && !digits.starts_with('-') {
                format!("{before}{code}{after};{before}{code}{after}")
            } else {
                format!("{before}{code}{after}")
            };
        }
    }
    quote(label)
}

fn srgb(x: &mut Xml, c: Rgb) {
    x.val("a:srgbClr", &c.hex());
}

fn solid(x: &mut Xml, c: Rgb) {
    x.el("a:solidFill", &[], |x| srgb(x, c));
}

fn no_line(x: &mut Xml) {
    x.el("a:ln", &[], |x| {
        x.empty("a:noFill", &[]);
    });
}

fn fill(x: &mut Xml, f: Fill) {
    match f {
        Fill::Solid(c) => {
            solid(x, c);
            no_line(x);
        }
        Fill::Hatch(c) => {
            x.el("a:pattFill", &[("prst", "wdUpDiag")], |x| {
                x.el("a:fgClr", &[], |x| srgb(x, c));
                x.el("a:bgClr", &[], |x| srgb(x, Rgb([0xFF, 0xFF, 0xFF])));
            });
            x.el("a:ln", &[("w", "6350")], |x| solid(x, c));
        }
    }
}

/// Text properties: the chart's face and size, horizontal and unwrapped as
/// the PDF prints names and labels.
fn text_properties(x: &mut Xml, chart: &Chart, bold: bool) {
    let size = ((chart.size * 100.0).round() as i64)
        .clamp(100, 400_000)
        .to_string();
    x.el("c:txPr", &[], |x| {
        x.empty(
            "a:bodyPr",
            &[
                ("rot", "0"),
                ("vert", "horz"),
                ("wrap", "none"),
                ("vertOverflow", "overflow"),
                ("horzOverflow", "overflow"),
            ],
        );
        x.empty("a:lstStyle", &[]);
        x.el("a:p", &[], |x| {
            x.el("a:pPr", &[], |x| {
                x.el(
                    "a:defRPr",
                    &[("sz", &size), ("b", if bold { "1" } else { "0" })],
                    |x| {
                        solid(x, chart.text);
                        for slot in ["a:latin", "a:ea", "a:cs"] {
                            x.empty(slot, &[("typeface", &chart.font)]);
                        }
                    },
                );
            });
            x.empty("a:endParaRPr", &[("lang", "zh-CN")]);
        });
    });
}

fn no_shape(x: &mut Xml) {
    x.el("c:spPr", &[], |x| {
        x.empty("a:noFill", &[]);
        no_line(x);
    });
}

fn shows(x: &mut Xml, value: bool) {
    x.val("c:showLegendKey", "0");
    x.val("c:showVal", if value { "1" } else { "0" });
    for s in [
        "c:showCatName",
        "c:showSerName",
        "c:showPercent",
        "c:showBubbleSize",
    ] {
        x.val(s, "0");
    }
}

/// Column letter of series `i` (B, C, …).
fn column(i: usize) -> String {
    let mut n = i + 1; // column A holds the categories
    let mut s = String::new();
    loop {
        s.insert(0, char::from(b'A' + (n % 26) as u8));
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    s
}

/// The chart part; its workbook is the relationship `rId1`.
pub fn part(chart: &Chart) -> Vec<u8> {
    let n = chart.categories.len();
    let last = n + 1;
    let mut x = Xml::new();
    x.open(
        "c:chartSpace",
        &[
            (
                "xmlns:c",
                "http://schemas.openxmlformats.org/drawingml/2006/chart",
            ),
            (
                "xmlns:a",
                "http://schemas.openxmlformats.org/drawingml/2006/main",
            ),
            (
                "xmlns:r",
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            ),
        ],
    );
    x.val("c:date1904", "0")
        .val("c:lang", "zh-CN")
        .val("c:roundedCorners", "0");
    x.open("c:chart", &[]);
    x.val("c:autoTitleDeleted", "1");
    x.open("c:plotArea", &[]);
    // The bars where the PDF has them across the width, so that a
    // comparison's pairs, one chart each, start on one line; under the key
    // where there is one (a third of a pair's height, as the .docx sizes it).
    let top = if chart.legend() { 0.34 } else { 0.02 };
    match chart.plot {
        Some((px, pw)) => {
            x.el("c:layout", &[], |x| {
                x.el("c:manualLayout", &[], |x| {
                    x.val("c:layoutTarget", "inner")
                        .val("c:xMode", "edge")
                        .val("c:yMode", "edge")
                        .val("c:x", &format!("{px:.4}"))
                        .val("c:y", &format!("{top:.2}"))
                        .val("c:w", &format!("{pw:.4}"))
                        .val("c:h", &format!("{:.2}", 0.98 - top));
                });
            });
        }
        _ => {
            x.empty("c:layout", &[]);
        }
    }
    x.open("c:barChart", &[]);
    x.val("c:barDir", "bar")
        .val("c:grouping", "clustered")
        .val("c:varyColors", "0");
    for (i, s) in chart.series.iter().enumerate() {
        let col = column(i);
        x.open("c:ser", &[]);
        x.val("c:idx", &i.to_string())
            .val("c:order", &i.to_string());
        x.el("c:tx", &[], |x| {
            x.el("c:strRef", &[], |x| {
                x.leaf("c:f", &[], &format!("Sheet1!${col}$1"));
                x.el("c:strCache", &[], |x| {
                    x.val("c:ptCount", "1");
                    x.el("c:pt", &[("idx", "0")], |x| {
                        x.leaf("c:v", &[], &s.name);
                    });
                });
            });
        });
        x.el("c:spPr", &[], |x| fill(x, s.fill));
        x.val("c:invertIfNegative", "0");
        x.el("c:dLbls", &[], |x| {
            if !s.labelled {
                x.val("c:delete", "1");
                return;
            }
            for (p, label) in s.labels.iter().enumerate() {
                let value = s.values.get(p).copied().unwrap_or(0.0);
                x.el("c:dLbl", &[], |x| {
                    x.val("c:idx", &p.to_string());
                    x.empty(
                        "c:numFmt",
                        &[
                            ("formatCode", &number_format(label, value)),
                            ("sourceLinked", "0"),
                        ],
                    );
                    no_shape(x);
                    text_properties(x, chart, true);
                    x.val("c:dLblPos", "outEnd");
                    shows(x, true);
                });
            }
            no_shape(x);
            text_properties(x, chart, true);
            x.val("c:dLblPos", "outEnd");
            shows(x, true);
        });
        x.el("c:cat", &[], |x| {
            x.el("c:strRef", &[], |x| {
                x.leaf("c:f", &[], &format!("Sheet1!$A$2:$A${last}"));
                x.el("c:strCache", &[], |x| {
                    x.val("c:ptCount", &n.to_string());
                    for (p, c) in chart.categories.iter().enumerate() {
                        x.el("c:pt", &[("idx", &p.to_string())], |x| {
                            x.leaf("c:v", &[], c);
                        });
                    }
                });
            });
        });
        x.el("c:val", &[], |x| {
            x.el("c:numRef", &[], |x| {
                x.leaf("c:f", &[], &format!("Sheet1!${col}$2:${col}${last}"));
                x.el("c:numCache", &[], |x| {
                    x.leaf("c:formatCode", &[], "General");
                    x.val("c:ptCount", &n.to_string());
                    for (p, v) in s.values.iter().enumerate() {
                        x.el("c:pt", &[("idx", &p.to_string())], |x| {
                            x.leaf("c:v", &[], &format!("{v}"));
                        });
                    }
                });
            });
        });
        x.close("c:ser");
    }
    let (gap, overlap) = match chart.kind {
        super::Kind::Shares => ("60", "100"),
        super::Kind::Compare | super::Kind::Pair => ("50", "-10"),
        super::Kind::Bars => ("60", "0"),
    };
    x.val("c:gapWidth", gap).val("c:overlap", overlap);
    x.val("c:axId", "500000001").val("c:axId", "500000002");
    x.close("c:barChart");
    // Categories: top to bottom, as the PDF lists them.
    x.el("c:catAx", &[], |x| {
        x.val("c:axId", "500000001");
        x.el("c:scaling", &[], |x| {
            x.val("c:orientation", "maxMin");
        });
        x.val("c:delete", "0").val("c:axPos", "l");
        x.empty(
            "c:numFmt",
            &[("formatCode", "General"), ("sourceLinked", "0")],
        );
        x.val("c:majorTickMark", "none")
            .val("c:minorTickMark", "none")
            .val("c:tickLblPos", "low");
        x.el("c:spPr", &[], |x| {
            x.el("a:ln", &[("w", "12700")], |x| solid(x, chart.text));
        });
        text_properties(x, chart, false);
        x.val("c:crossAx", "500000002")
            .val("c:crosses", "autoZero")
            .val("c:auto", "1")
            .val("c:lblAlgn", "ctr")
            .val("c:lblOffset", "100")
            .val("c:noMultiLvlLbl", "0");
    });
    // Values: fixed bounds, as the PDF scales the bars; hidden, as in the PDF.
    x.el("c:valAx", &[], |x| {
        x.val("c:axId", "500000002");
        x.el("c:scaling", &[], |x| {
            x.val("c:orientation", "minMax")
                .val("c:max", &format!("{}", chart.max))
                .val("c:min", &format!("{}", chart.min));
        });
        x.val("c:delete", "1").val("c:axPos", "t");
        x.empty(
            "c:numFmt",
            &[("formatCode", "General"), ("sourceLinked", "1")],
        );
        x.val("c:majorTickMark", "none")
            .val("c:minorTickMark", "none")
            .val("c:tickLblPos", "nextTo")
            .val("c:crossAx", "500000001")
            .val("c:crosses", "autoZero")
            .val("c:crossBetween", "between");
    });
    no_shape(&mut x);
    x.close("c:plotArea");
    if chart.legend() {
        x.el("c:legend", &[], |x| {
            x.val("c:legendPos", "t");
            x.val("c:overlay", "0");
            text_properties(x, chart, false);
        });
    }
    x.val("c:plotVisOnly", "1").val("c:dispBlanksAs", "gap");
    x.close("c:chart");
    no_shape(&mut x);
    text_properties(&mut x, chart, false);
    x.el("c:externalData", &[("r:id", "rId1")], |x| {
        x.val("c:autoUpdate", "0");
    });
    x.close("c:chartSpace");
    x.finish()
}

/// The workbook behind the chart: categories in column A, a column per
/// series with its name in row 1.
pub fn workbook(chart: &Chart, timestamp: Option<DateTime<Utc>>) -> anyhow::Result<Vec<u8>> {
    let mut book = Workbook::new();
    // The build's creation time, not the clock's: the same inputs and
    // timestamp give the same bytes. Without one, no time at all (see
    // `undated`), as the package's own properties.
    if let Some(t) = timestamp {
        let created = ExcelDateTime::from_timestamp(t.timestamp())?;
        book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    }
    let sheet = book.add_worksheet();
    sheet.set_name("Sheet1")?;
    for (i, name) in chart.categories.iter().enumerate() {
        sheet.write_string(u32::try_from(i + 1)?, 0, name)?;
    }
    for (c, s) in chart.series.iter().enumerate() {
        let col = u16::try_from(c + 1)?;
        sheet.write_string(0, col, &s.name)?;
        for (i, v) in s.values.iter().enumerate() {
            sheet.write_number(u32::try_from(i + 1)?, col, *v)?;
        }
    }
    let bytes = book.save_to_buffer()?;
    match timestamp {
        Some(_) => Ok(bytes),
        None => undated(&bytes),
    }
}

/// The workbook without the times its properties give (rust_xlsxwriter
/// writes the clock's when given none): the same inputs, the same bytes.
fn undated(bytes: &[u8]) -> anyhow::Result<Vec<u8>> {
    use std::io::{Read, Write};
    let mut from = zip::ZipArchive::new(std::io::Cursor::new(bytes))?;
    let mut to = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = super::xml::part_options();
    for i in 0..from.len() {
        let mut entry = from.by_index(i)?;
        let name = entry.name()?.to_string();
        let mut part = Vec::new();
        entry.read_to_end(&mut part)?;
        if name == "docProps/core.xml" {
            let mut xml = String::from_utf8(part)?;
            for tag in ["dcterms:created", "dcterms:modified"] {
                if let (Some(a), Some(b)) =
                    (xml.find(&format!("<{tag}")), xml.find(&format!("</{tag}>")))
                {
                    xml.replace_range(a..b + tag.len() + 3, "");
                }
            }
            part = xml.into_bytes();
        }
        to.start_file(name, options)?;
        to.write_all(&part)?;
    }
    Ok(to.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workbook_without_a_timestamp_holds_no_time_and_the_same_bytes() {
        let chart = Chart {
            kind: crate::chart::Kind::Bars,
            title: "甲".into(),
            categories: vec!["甲".into()],
            series: vec![],
            min: 0.0,
            max: 1.0,
            font: "F".into(),
            size: 10.0,
            text: crate::chart::Rgb([0, 0, 0]),
            plot: None,
            key: false,
        };
        let first = workbook(&chart, None).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(1100));
        assert_eq!(workbook(&chart, None).unwrap(), first);
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(first)).unwrap();
        let mut core = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("docProps/core.xml").unwrap(), &mut core)
            .unwrap();
        assert!(
            !core.contains("dcterms:created") && core.contains("cp:coreProperties"),
            "{core}"
        );
    }

    #[test]
    fn labels_become_number_formats_around_the_value() {
        assert_eq!(number_format("148.9亿元", 148.9), "General\"亿元\"");
        assert_eq!(number_format("172.80亿元", 172.8), "0.00###\"亿元\"");
        assert_eq!(number_format("10.0%", 10.0), "0.0###\"%\"");
        // 6.5 edited to 7 shows 7, as typed (round 24: 7.0%左右).
        assert_eq!(number_format("6.5%左右", 6.5), "General\"%左右\"");
        assert_eq!(number_format("超100个", 100.0), "\"超\"General\"个\"");
        assert_eq!(number_format("超百个", 100.0), "\"超百个\"");
        assert_eq!(number_format("52万m\"", 52.0), "General\"万m\"\\\"");
        assert_eq!(number_format("10%", 10.0), "General\"%\"");
        // a decrease drawn to the left prints its label without a sign
        assert_eq!(number_format("3%", -3.0), "General\"%\";General\"%\"");
        // past General's 11 characters, the places as printed
        assert_eq!(
            number_format("168512345.67万元", 168512345.67),
            "0.00###\"万元\""
        );
        assert_eq!(
            number_format("9999999999.9999亿元", 9999999999.9999),
            "0.0000###\"亿元\""
        );
        assert_eq!(number_format("10000000000元", 1e10), "General\"元\"");
    }

    #[test]
    fn columns_are_lettered() {
        assert_eq!(column(0), "B");
        assert_eq!(column(1), "C");
        assert_eq!(column(24), "Z");
        assert_eq!(column(25), "AA");
    }
}
