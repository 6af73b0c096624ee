//! A native bar chart: the chart part (`c:chartSpace`, horizontal clustered
//! bars, categories top to bottom as in the PDF, each bar's label as the PDF
//! prints it) and the workbook embedded with it, which PowerPoint's "Edit
//! Data" opens.

use rust_xlsxwriter::Workbook;

use super::model::{Chart, Fill};
use super::slide::{color, fill_xml};
use super::xml::{DECLARATION, esc};

/// The series' name in the workbook's header.
const SERIES: &str = "数值";

/// A number format that prints the value as the PDF's label does: the digits
/// in their place, the words around them as literal text ("0.0\"%左右\"");
/// a label whose number is not the value written out (超百个) is literal.
pub fn number_format(label: &str, value: f64) -> String {
    let quote = |s: &str| {
        if s.is_empty() {
            String::new()
        } else {
            format!("\"{}\"", s.replace('"', ""))
        }
    };
    let start = label.find(|c: char| c.is_ascii_digit() || c == '-');
    if let Some(start) = start {
        let digits: String = label[start..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
            .collect();
        if digits
            .parse::<f64>()
            .is_ok_and(|d| (d - value).abs() < 1e-9)
        {
            let decimals = digits.split('.').nth(1).map_or(0, str::len);
            let code = if decimals == 0 {
                "0".to_string()
            } else {
                format!("0.{}", "0".repeat(decimals))
            };
            return format!(
                "{}{code}{}",
                quote(&label[..start]),
                quote(&label[start + digits.len()..])
            );
        }
    }
    quote(label)
}

fn text_properties(chart: &Chart) -> String {
    let face = esc(&chart.font);
    // Horizontal and unwrapped, as the PDF prints names and labels.
    format!(
        "<c:txPr><a:bodyPr rot=\"0\" vert=\"horz\" wrap=\"none\" vertOverflow=\"overflow\" horzOverflow=\"overflow\"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"{}\" b=\"0\"><a:solidFill>{}</a:solidFill><a:latin typeface=\"{face}\"/><a:ea typeface=\"{face}\"/><a:cs typeface=\"{face}\"/></a:defRPr></a:pPr><a:endParaRPr lang=\"zh-CN\"/></a:p></c:txPr>",
        ((chart.size * 100.0).round() as i64).clamp(100, 400_000),
        color(chart.label_color)
    )
}

/// The chart part; its workbook is the relationship `rId1`.
pub fn part(chart: &Chart) -> String {
    let n = chart.values.len();
    let txpr = text_properties(chart);
    let show = "<c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/>";
    let mut points = String::new();
    let mut labels = String::new();
    for i in 0..n {
        if let Some(fill @ Fill::Hatch(_)) = chart.fills.get(i) {
            points += &format!(
                "<c:dPt><c:idx val=\"{i}\"/><c:invertIfNegative val=\"0\"/><c:bubble3D val=\"0\"/><c:spPr>{}<a:ln w=\"6350\"><a:solidFill>{}</a:solidFill></a:ln></c:spPr></c:dPt>",
                fill_xml(Some(fill)),
                color(match fill {
                    Fill::Hatch(c) | Fill::Solid(c) => *c,
                })
            );
        }
        let label = chart.labels.get(i).cloned().unwrap_or_default();
        labels += &format!(
            "<c:dLbl><c:idx val=\"{i}\"/><c:numFmt formatCode=\"{}\" sourceLinked=\"0\"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{txpr}<c:dLblPos val=\"outEnd\"/>{show}</c:dLbl>",
            esc(&number_format(&label, chart.values[i]))
        );
    }
    let categories: String = chart
        .names
        .iter()
        .enumerate()
        .map(|(i, c)| format!("<c:pt idx=\"{i}\"><c:v>{}</c:v></c:pt>", esc(c)))
        .collect();
    let values: String = chart
        .values
        .iter()
        .enumerate()
        .map(|(i, v)| format!("<c:pt idx=\"{i}\"><c:v>{v}</c:v></c:pt>"))
        .collect();
    let series_fill = chart
        .fills
        .iter()
        .find(|f| matches!(f, Fill::Solid(_)))
        .or(chart.fills.first());
    let max = chart
        .max
        .map_or(String::new(), |m| format!("<c:max val=\"{m}\"/>"));
    let layout = chart.plot.map_or("<c:layout/>".to_string(), |(x, w)| {
        format!(
            "<c:layout><c:manualLayout><c:layoutTarget val=\"inner\"/><c:xMode val=\"edge\"/><c:yMode val=\"edge\"/><c:x val=\"{x:.4}\"/><c:y val=\"0.02\"/><c:w val=\"{w:.4}\"/><c:h val=\"0.96\"/></c:manualLayout></c:layout>"
        )
    });
    format!(
        "{DECLARATION}<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><c:date1904 val=\"0\"/><c:lang val=\"zh-CN\"/><c:roundedCorners val=\"0\"/><c:chart><c:autoTitleDeleted val=\"1\"/><c:plotArea>{layout}<c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/><c:ser><c:idx val=\"0\"/><c:order val=\"0\"/><c:tx><c:strRef><c:f>Sheet1!$B$1</c:f><c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>{SERIES}</c:v></c:pt></c:strCache></c:strRef></c:tx><c:spPr>{}<a:ln><a:noFill/></a:ln></c:spPr><c:invertIfNegative val=\"0\"/>{points}<c:dLbls>{labels}<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{txpr}<c:dLblPos val=\"outEnd\"/>{show}</c:dLbls><c:cat><c:strRef><c:f>Sheet1!$A$2:$A${last}</c:f><c:strCache><c:ptCount val=\"{n}\"/>{categories}</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>Sheet1!$B$2:$B${last}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"{n}\"/>{values}</c:numCache></c:numRef></c:val></c:ser><c:gapWidth val=\"60\"/><c:axId val=\"500000001\"/><c:axId val=\"500000002\"/></c:barChart><c:catAx><c:axId val=\"500000001\"/><c:scaling><c:orientation val=\"maxMin\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"l\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/><c:spPr><a:ln w=\"12700\"><a:solidFill>{}</a:solidFill></a:ln></c:spPr>{txpr}<c:crossAx val=\"500000002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx><c:valAx><c:axId val=\"500000002\"/><c:scaling><c:orientation val=\"minMax\"/>{max}<c:min val=\"0\"/></c:scaling><c:delete val=\"1\"/><c:axPos val=\"t\"/><c:numFmt formatCode=\"General\" sourceLinked=\"1\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"500000001\"/><c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/></c:valAx><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea><c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{txpr}<c:externalData r:id=\"rId1\"><c:autoUpdate val=\"0\"/></c:externalData></c:chartSpace>",
        fill_xml(series_fill),
        color(chart.label_color),
        last = n + 1,
    )
}

/// The workbook behind the chart: categories in column A, values in B.
pub fn workbook(chart: &Chart) -> anyhow::Result<Vec<u8>> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Sheet1")?;
    sheet.write_string(0, 1, SERIES)?;
    for (i, (name, value)) in chart.names.iter().zip(&chart.values).enumerate() {
        let row = u32::try_from(i + 1)?;
        sheet.write_string(row, 0, name)?;
        sheet.write_number(row, 1, *value)?;
    }
    Ok(book.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_become_number_formats_around_the_value() {
        assert_eq!(number_format("148.9亿元", 148.9), "0.0\"亿元\"");
        assert_eq!(number_format("6.5%左右", 6.5), "0.0\"%左右\"");
        assert_eq!(number_format("超100个", 100.0), "\"超\"0\"个\"");
        assert_eq!(number_format("超百个", 100.0), "\"超百个\"");
        assert_eq!(number_format("10%", 10.0), "0\"%\"");
    }
}
