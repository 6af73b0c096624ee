//! The documented ranges of the data (docs/data.md, "Limits"): what the
//! templates are built and tested to lay out cleanly. The JSON Schema says
//! the same.

use std::ops::RangeInclusive;

/// Characters of a section, part or chart title.
pub const TITLE: usize = 40;
/// Characters of a figure's label, a target's indicator, a ranking subject.
pub const LABEL: usize = 40;
/// Characters of the document's title, headline and subheadline.
pub const DOC_TITLE: usize = 60;
/// Characters of short names: region, masthead, publication, keywords, words.
pub const NAME: usize = 30;
/// Characters of a word of the theme (`words:`): a label, a heading.
pub const WORD: usize = 40;
/// Characters of the theme's header of the targets' 序号 column, which
/// turns its lines at four characters beside the numbers.
pub const NUMBER_HEAD: usize = 8;

/// Characters of the theme's text at `path` (`words.number`): the
/// masthead's is a name, the 序号 column's header a short head, the other
/// words words.
pub fn theme_text(path: &str) -> usize {
    match path {
        "masthead.text" => NAME,
        "words.number" => NUMBER_HEAD,
        _ => WORD,
    }
}
/// Characters of one paragraph.
pub const PARAGRAPH: usize = 2000;
/// Characters of a run no line can break inside (Latin letters, digits).
pub const UNBROKEN: usize = 30;
/// Characters of how a number is written in words (`written: 百`).
pub const WRITTEN: usize = 10;
/// Characters of an id.
pub const ID: usize = 64;

/// Paragraphs of a section (and of a part's opening or lead).
pub const PARAGRAPHS: usize = 40;
/// Sections of a part.
pub const SECTIONS: usize = 20;
/// Figures of a section.
pub const FIGURES: usize = 40;
/// Headline figures (cards) of a part.
pub const HEADLINES: usize = 24;
/// Targets of a plan.
pub const TARGETS: usize = 20;
/// Charts of a part.
pub const CHARTS: usize = 10;
/// Members of a chart.
pub const MEMBERS: usize = 12;
/// Characters of all the recipients' names together: the 版记 stands at the
/// foot of the last page, in 四号, about a third of the page at most.
pub const RECIPIENTS: usize = 180;

/// Values are smaller than this in magnitude (ten digits before the point).
pub const MAX_VALUE: f64 = 1e10;
pub const MAX_VALUE_TEXT: &str = "10000000000";
/// Digits after the decimal point.
pub const DECIMALS: usize = 4;
/// The years a part may be about.
pub const YEARS: RangeInclusive<i64> = 1900..=2200;
