//! Checks of the numbers the documents print: a sane magnitude, few
//! decimals, rates within bounds, amounts never negative, ranges in order
//! with a dash the article may print, and a number written otherwise
//! (`written`) that says the same value.

use super::Checker;
use crate::data::limits;
use crate::data::model::{Fill, Num};
use crate::tr;

impl Checker<'_> {
    /// A negative value after a verb of decrease: 下降-6.5% reads as a
    /// double negative.
    pub(super) fn double_negative(&mut self, path: &str, verb: &str, v: &Num) {
        if v.get() < 0.0 && self.words.is_down(verb) {
            self.report(
                path,
                "data-double-negative",
                tr!("data-double-negative", verb = verb, value = v.to_string()),
            );
        }
    }

    /// A number shown in a document: a sane magnitude and few decimals.
    pub(super) fn number(&mut self, path: &str, value: &Num) {
        if value.get().abs() >= limits::MAX_VALUE {
            self.report(
                path,
                "data-value-range",
                tr!(
                    "data-value-range",
                    value = value.to_string(),
                    max = limits::MAX_VALUE_TEXT
                ),
            );
        } else if value.get() == 0.0 && value.text().starts_with('-') {
            // Printed as written: a report never says −0.
            self.report(
                path,
                "data-negative-zero",
                tr!("data-negative-zero", value = value.to_string()),
            );
        } else if value.decimals() > limits::DECIMALS {
            self.report(
                path,
                "data-decimals",
                tr!(
                    "data-decimals",
                    value = value.to_string(),
                    max = limits::DECIMALS
                ),
            );
        }
    }

    pub(super) fn percent(&mut self, path: &str, value: &Fill<Num>, lo: f64, hi: f64) {
        match value {
            Fill::Todo => self.todo(path),
            Fill::Given(v) => {
                self.number(path, v);
                if !(lo..=hi).contains(&v.get()) {
                    self.report(
                        path,
                        "data-percent-range",
                        tr!(
                            "data-percent-range",
                            value = v.to_string(),
                            lo = lo,
                            hi = hi
                        ),
                    );
                }
            }
        }
    }

    /// A value in `unit`: a rate (%, ‰, 个百分点) from −100 to 1000, an
    /// amount never negative.
    pub(super) fn value(&mut self, path: &str, v: &Num, unit: Option<&str>) {
        if unit.is_some_and(is_rate) {
            self.percent(path, &Fill::Given(v.clone()), -100.0, 1000.0);
        } else {
            self.number(path, v);
            if v.get() < 0.0 {
                self.report(
                    path,
                    "data-negative",
                    tr!("data-negative", value = v.to_string()),
                );
            }
        }
    }

    /// A range's upper bound above its lower one, and its dash one the
    /// article may print.
    pub(super) fn range(&mut self, path: &str, value: Option<&Num>, to: &Num, unit: Option<&str>) {
        self.value(&format!("{path}.to"), to, unit);
        if let Some(v) = value
            && to.get() <= v.get()
        {
            self.report(
                format!("{path}.to"),
                "data-range-order",
                tr!(
                    "data-range-order",
                    from = v.to_string(),
                    to = to.to_string()
                ),
            );
        }
    }

    pub(super) fn dash(&mut self, path: &str, dash: Option<&str>, to: Option<&Num>) {
        match (dash, to) {
            (Some(_), None) => {
                self.report(
                    format!("{path}.dash"),
                    "data-dash-alone",
                    tr!("data-dash-alone"),
                );
            }
            (Some(d), Some(_)) if !DASHES.contains(&d) => {
                self.report(
                    format!("{path}.dash"),
                    "data-dash",
                    tr!("data-dash", value = d, known = DASHES.join(" ")),
                );
            }
            _ => {}
        }
    }

    /// How the article writes a number otherwise (`written`): it must say
    /// the same value, or the same range.
    pub(super) fn written(
        &mut self,
        path: &str,
        written: &str,
        value: &Num,
        to: Option<&Num>,
        unit: Option<&str>,
    ) {
        self.text(path, written, limits::WRITTEN);
        // The unit follows the written number: 1.5万 before 万户 printed
        // 1.5万万户.
        // So does any magnitude after 万 or 亿: 1.2亿 before 万元 printed
        // 1.2亿万元.
        let magnitude = written
            .trim_end()
            .chars()
            .last()
            .filter(|c| "十百千万亿萬億".contains(*c));
        // 万 before 亿 is the magnitude 万亿 (突破4万亿元, round 22).
        let large = |c: char| "万亿萬億".contains(c);
        let wan_yi = magnitude.is_some_and(|m| "万萬".contains(m))
            && unit.is_some_and(|u| u.starts_with(['亿', '億']));
        if let (Some(m), Some(unit)) = (magnitude, unit)
            && (unit.starts_with(m) || (large(m) && unit.starts_with(large)))
            && !wan_yi
        {
            self.report(
                path,
                "data-written-unit",
                tr!(
                    "data-written-unit",
                    written = written,
                    unit = unit,
                    printed = format!("{written}{unit}")
                ),
            );
            return;
        }
        let same = |w: &str, n: &Num| {
            // The minus as typeset (−) or typed full-width (－) is the
            // article's sign.
            let w = w.trim();
            let (sign, w) = match w.strip_prefix(['-', '－', crate::data::num::MINUS]) {
                Some(rest) => (-1.0, rest),
                None => (1.0, w),
            };
            let w = ungrouped(w);
            crate::data::prose::chinese_number(&w)
                .is_some_and(|x| (sign * x - n.get()).abs() < 1e-9)
        };
        // A range may hold a sign as well as its dash (-2-3, −2～−1):
        // any dash that leaves both ends reading right.
        let matches = match to {
            None => same(written, value),
            Some(to) => DASHES.iter().any(|d| {
                written
                    .match_indices(d)
                    .any(|(i, _)| same(&written[..i], value) && same(&written[i + d.len()..], to))
            }),
        };
        if !matches {
            self.report(
                path,
                "data-written",
                tr!("data-written", written = written, value = value.to_string()),
            );
        }
    }
}

/// The dashes of a range, as articles print them.
pub const DASHES: [&str; 7] = ["—", "－", "-", "～", "~", "至", "到"];

/// Units of a rate: a value in them may be negative (下降 as −2%).
pub fn is_rate(unit: &str) -> bool {
    matches!(unit, "%" | "‰" | "个百分点")
}

/// Digits grouped in threes as some sources print them (2,409, 12,345.67):
/// the number without its separators; anything else as it is.
fn ungrouped(text: &str) -> std::borrow::Cow<'_, str> {
    let (whole, rest) = text.split_at(text.find('.').unwrap_or(text.len()));
    let groups: Vec<&str> = whole.split(',').collect();
    let grouped = groups.len() > 1
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3);
    if grouped {
        std::borrow::Cow::Owned(groups.concat() + rest)
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_grouped_in_threes_are_the_number_and_nothing_else_is() {
        for (written, plain) in [
            ("2,409", "2409"),
            ("12,345.67", "12345.67"),
            ("1,234,567", "1234567"),
            // Not grouped in threes: left as written, which then reads as no number.
            ("2,40,9", "2,40,9"),
            ("24,09", "24,09"),
            (",409", ",409"),
            ("2409", "2409"),
        ] {
            assert_eq!(ungrouped(written), plain, "{written}");
        }
    }
}
