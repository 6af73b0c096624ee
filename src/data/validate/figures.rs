//! A figure: its number (a value, a range or a ratio) with unit and
//! qualifier, how the article writes it, its change, shares and rank, and
//! the plan's comparison with last year.

use super::{Checker, Index, is_rate};
use crate::data::Role;
use crate::data::limits;
use crate::data::model::{Figure, Fill, Rank};
use crate::data::prose::Named;
use crate::data::vocabulary::Meaning;
use crate::tr;

pub(super) fn figure(c: &mut Checker, role: Role, path: &str, f: &Figure, index: &Index) {
    c.text(&format!("{path}.label"), &f.label, limits::LABEL);
    // The tag an estimate's card prints (预计); a goal's aim is checked
    // with its sentence, by the part.
    if f.estimate {
        let estimates = c.words.estimates.clone();
        c.tag_word(&format!("{path}.label"), &f.label, &estimates);
    }
    match &f.ratio {
        Some(parts) => ratio(c, path, f, parts),
        None => quantity(c, path, f),
    }
    if let Some(yoy) = &f.yoy {
        let p = format!("{path}.yoy");
        let known: Vec<String> = c.words.changes().map(str::to_string).collect();
        c.word(
            &format!("{p}.verb"),
            &yoy.verb,
            &known,
            "data-unknown-change",
            "changes",
        );
        if let Some(b) = &yoy.basis {
            c.basis(&format!("{p}.basis"), b);
        }
        // A rate (增长14.3%, 提高1.2个百分点) or an amount (净增50亿元).
        let unit = yoy.unit.as_deref().unwrap_or("%");
        // A rate that rose 5% rose by a twentieth of itself; reports mostly
        // mean 5个百分点 (办结率97%，提高5%): said, not refused.
        if f.unit.as_deref() == Some("%") && unit == "%" {
            let p = c.report(
                format!("{p}.value"),
                "data-rate-change-percent",
                tr!("data-rate-change-percent"),
            );
            p.warning = true;
            p.hint = Some(tr!("data-rate-change-percent-hint"));
        }
        c.unit(&format!("{p}.unit"), unit);
        if let Some(q) = &yoy.qualifier {
            c.qualifier(&format!("{p}.qualifier"), q, Some(unit), yoy.to.is_some());
        }
        match &yoy.value {
            Fill::Todo => c.todo(format!("{p}.value")),
            Fill::Given(v) => c.value(&format!("{p}.value"), v, Some(unit)),
        }
        if let Some(to) = &yoy.to {
            c.range(&p, yoy.value.given(), to, Some(unit));
        }
        c.dash(&p, yoy.dash.as_deref(), yoy.to.as_ref());
        if let (Some(written), Fill::Given(v)) = (&yoy.written, &yoy.value) {
            c.written(
                &format!("{p}.written"),
                written,
                v,
                yoy.to.as_ref(),
                Some(unit),
            );
        }
        if let Fill::Given(v) = &yoy.value {
            c.double_negative(&format!("{p}.value"), &yoy.verb, v);
            // An amount that is there this year fell by less than all of
            // it (下降500% of 1.5万户 is a typo): a percent change of a
            // count or a sum, not of a rate, which may turn (利润下降150%).
            let fall = if c.words.is_down(&yoy.verb) {
                v.get()
            } else {
                -v.get()
            };
            let amount = f.unit.as_deref().is_some_and(|u| !is_rate(u));
            let there = f
                .value
                .as_ref()
                .and_then(Fill::given)
                .is_some_and(|n| n.get() > 0.0);
            if unit == "%" && amount && there && fall >= 100.0 {
                c.report(
                    format!("{p}.value"),
                    "data-fall-whole",
                    tr!("data-fall-whole", value = v.to_string()),
                );
            }
        }
    }
    for (k, share) in f.share.iter().enumerate() {
        let p = format!("{path}.share[{k}]");
        match (&share.scope, &share.of) {
            (Some(scope), None) => c.scope(&format!("{p}.scope"), scope),
            (None, Some(of)) => c.text(&format!("{p}.of"), of, limits::LABEL),
            _ => {
                c.report(
                    format!("{p}.scope"),
                    "data-share-whole",
                    tr!("data-share-whole"),
                );
            }
        }
        if let Some(q) = &share.qualifier {
            c.qualifier(&format!("{p}.qualifier"), q, Some("%"), false);
            // Nothing is more than the whole it is a share of.
            if c.words.meaning(q) == Some(Meaning::More)
                && share.value.given().is_some_and(|v| v.get() >= 100.0)
            {
                c.report(
                    format!("{p}.qualifier"),
                    "data-share-over-whole",
                    tr!("data-share-over-whole", word = q.as_str()),
                );
            }
        }
        c.percent(&format!("{p}.value"), &share.value, 0.0, 100.0);
    }
    if let Some(rank) = &f.rank {
        self::rank(c, &format!("{path}.rank"), rank);
    }
    if let Some(other) = &f.compare {
        compare(c, role, path, f, other, index);
    }
}

/// A value (or a range) with its unit and qualifier.
fn quantity(c: &mut Checker, path: &str, f: &Figure) {
    let unit = f.unit.as_deref();
    match (unit, f.unitless) {
        (Some(u), false) => c.unit(&format!("{path}.unit"), u),
        (Some(_), true) => {
            c.report(
                format!("{path}.unitless"),
                "data-unitless-unit",
                tr!("data-unitless-unit"),
            );
        }
        (None, true) => {}
        (None, false) => {
            c.report(
                path,
                "data-missing-field",
                tr!("data-missing-field", field = "unit"),
            )
            .hint = Some(tr!("data-missing-unit-hint"));
        }
    }
    match &f.value {
        None => c.missing(path, "value"),
        Some(Fill::Todo) => c.todo(format!("{path}.value")),
        Some(Fill::Given(v)) => {
            c.value(&format!("{path}.value"), v, unit);
            if let Some(written) = &f.written {
                c.written(&format!("{path}.written"), written, v, f.to.as_ref(), unit);
            }
        }
    }
    if let Some(to) = &f.to {
        c.range(path, f.value.as_ref().and_then(Fill::given), to, unit);
    }
    c.dash(path, f.dash.as_deref(), f.to.as_ref());
    if let Some(q) = &f.qualifier {
        c.qualifier(&format!("{path}.qualifier"), q, unit, f.to.is_some());
    }
}

/// A ratio: its parts, and nothing of a quantity beside them.
fn ratio(c: &mut Checker, path: &str, f: &Figure, parts: &[Fill<crate::data::model::Num>]) {
    for (field, given) in [
        ("value", f.value.is_some()),
        ("unit", f.unit.is_some()),
        ("unitless", f.unitless),
        ("to", f.to.is_some()),
        ("qualifier", f.qualifier.is_some()),
        ("written", f.written.is_some()),
    ] {
        if given {
            c.report(
                format!("{path}.{field}"),
                "data-ratio-field",
                tr!("data-ratio-field", field = field),
            );
        }
    }
    if parts.len() < 2 {
        c.report(
            format!("{path}.ratio"),
            "data-ratio-parts",
            tr!("data-ratio-parts"),
        );
    }
    for (i, part) in parts.iter().enumerate() {
        match part {
            Fill::Given(part) => c.value(&format!("{path}.ratio[{i}]"), part, None),
            Fill::Todo => c.todo(format!("{path}.ratio[{i}]")),
        }
    }
    if !parts.is_empty()
        && parts
            .iter()
            .all(|p| p.given().is_some_and(|p| p.get() == 0.0))
    {
        c.report(
            format!("{path}.ratio"),
            "data-ratio-zero",
            tr!("data-ratio-zero"),
        );
    }
    if let Some(colon) = &f.colon
        && !matches!(colon.as_str(), "：" | ":" | "∶" | "︰")
    {
        c.report(
            format!("{path}.colon"),
            "data-colon",
            tr!("data-colon", value = colon.as_str()),
        );
    }
}

/// A place in a whole: a scope, a position or words of the place, years.
pub(super) fn rank(c: &mut Checker, path: &str, r: &Rank) {
    c.scope(&format!("{path}.scope"), &r.scope);
    if r.position.is_none() && r.standing.is_none() {
        c.report(
            format!("{path}.position"),
            "data-rank-missing",
            tr!("data-rank-missing"),
        );
    }
    const MAX_POSITION: i64 = 999;
    if let Some(p) = r.position
        && !(1..=MAX_POSITION).contains(&p)
    {
        c.report(
            format!("{path}.position"),
            "data-position-range",
            tr!("data-position-range", value = p, max = MAX_POSITION),
        );
    }
    if let Some(s) = &r.standing {
        c.text(&format!("{path}.standing"), s, limits::NAME);
        // The scope is printed before the standing: 全市全市第一.
        if s.starts_with(r.scope.as_str()) && !r.scope.is_empty() {
            c.report(
                format!("{path}.standing"),
                "data-standing-scope",
                tr!("data-standing-scope", scope = r.scope.as_str()),
            );
        }
        // 倒数第一 counts from the bottom, a position from the top: the
        // place is the last, whatever 第一 in it says.
        if r.position.is_some() && FROM_BOTTOM.iter().any(|w| s.contains(w)) {
            c.report(
                format!("{path}.position"),
                "data-rank-from-bottom",
                tr!("data-rank-from-bottom", standing = s.as_str()),
            );
        } else if let (Some(p), Some((first, last))) = (r.position, standing_places(s))
            && !(i64::from(first)..=i64::from(last)).contains(&p)
        {
            let places = if first == last {
                first.to_string()
            } else {
                format!("{first}–{last}")
            };
            c.report(
                format!("{path}.position"),
                "data-rank-standing",
                tr!(
                    "data-rank-standing",
                    position = p,
                    standing = s.as_str(),
                    places = places
                ),
            );
        }
    }
    const MAX_YEARS: i64 = 99;
    if let Some(y) = r.years
        && !(2..=MAX_YEARS).contains(&y)
    {
        c.report(
            format!("{path}.years"),
            "data-years-range",
            tr!("data-years-range", value = y, max = MAX_YEARS),
        );
    }
    if let Some(v) = &r.verb {
        c.text(&format!("{path}.verb"), v, limits::NAME);
    }
}

/// Words of a place counted from the bottom.
const FROM_BOTTOM: [&str; 5] = ["倒数", "倒數", "末位", "末尾", "垫底"];

/// The places a standing's own words name, where they name any: 之首 and
/// 第一 the first, 前三甲 or 十强 the first three or ten, 第二名 the second.
/// 前列 and 第一方阵 (a tier) name none.
fn standing_places(standing: &str) -> Option<(u32, u32)> {
    const FIRST: [&str; 6] = ["之首", "首位", "榜首", "第一名", "第一位", "冠军"];
    if FIRST.iter().any(|w| standing.contains(w)) || standing.ends_with("第一") {
        return Some((1, 1));
    }
    let numeral = |c: char| c.is_ascii_digit() || "一二两兩三四五六七八九十百千".contains(c);
    let number = |text: &str| {
        let n = crate::data::prose::chinese_number(text)?;
        (n >= 1.0 && n.fract() == 0.0 && n <= 10_000.0).then_some(n as u32)
    };
    let chars: Vec<char> = standing.chars().collect();
    let run_after =
        |i: usize| -> String { chars[i..].iter().take_while(|c| numeral(**c)).collect() };
    // 前三、前三甲、前十名: the first N, also within a group (「十強縣」前三甲).
    let first_n = chars
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == '前')
        .find_map(|(i, _)| number(&run_after(i + 1)));
    if let Some(n) = first_n {
        return Some((1, n));
    }
    // 十强、百強: the first N.
    for (i, ch) in chars.iter().enumerate() {
        if matches!(ch, '强' | '強') && i > 0 && numeral(chars[i - 1]) {
            let start = (0..i).rev().take_while(|&j| numeral(chars[j])).last()?;
            let n: String = chars[start..i].iter().collect();
            if let Some(n) = number(&n) {
                return Some((1, n));
            }
        }
    }
    // 第二、第三名: that place, only where nothing follows but 名 or 位.
    let rest = standing.rsplit_once('第')?.1;
    let n = rest.trim_end_matches(['名', '位']);
    (n.chars().count() + 1 >= rest.chars().count())
        .then(|| number(n).map(|n| (n, n)))
        .flatten()
}

/// A plan figure's comparison with the achievements figure that measures
/// the same thing, in the same unit.
fn compare(c: &mut Checker, role: Role, path: &str, f: &Figure, other: &str, index: &Index) {
    let p = format!("{path}.compare");
    if role == Role::Achievements {
        c.report(p, "data-compare-plan", tr!("data-compare-plan"));
        return;
    }
    match index.achieved.and_then(|a| a.get(other)) {
        Some(Named::Figure(o)) if !c.words.same_unit(o.unit.as_deref(), f.unit.as_deref()) => {
            c.report(
                p,
                "data-compare-unit",
                tr!(
                    "data-compare-unit",
                    id = other,
                    theirs = crate::data::unit_name(o.unit.as_deref()),
                    ours = crate::data::unit_name(f.unit.as_deref())
                ),
            );
        }
        Some(Named::Figure(_)) => {}
        _ if index.achieved.is_some() => {
            let hint = index.achieved.and_then(|a| {
                crate::data::error::nearest(other, a.keys().copied())
                    .map(|n| tr!("hint-did-you-mean", word = n))
            });
            c.hinted(
                p,
                "data-compare-missing",
                tr!("data-compare-missing", id = other),
                hint,
            );
        }
        _ => {}
    }
}

/// Whether a figure is a rate (its value may be charted as a growth).
pub(super) fn is_rate_figure(f: &Figure) -> bool {
    f.unit.as_deref().is_some_and(is_rate)
}

#[cfg(test)]
mod tests {
    use super::standing_places;

    #[test]
    fn a_standing_names_the_places_its_words_say() {
        for (standing, places) in [
            ("之首", Some((1, 1))),
            ("全省第一", Some((1, 1))),
            ("前三甲", Some((1, 3))),
            ("「十強縣」前三甲", Some((1, 3))),
            ("工业百强区", Some((1, 100))),
            ("投資潛力百強區", Some((1, 100))),
            ("前10名", Some((1, 10))),
            ("第二名", Some((2, 2))),
            ("第三", Some((3, 3))),
            ("前列", None),
            ("前茅", None),
            ("第一方阵", None),
            ("第二梯队", None),
        ] {
            assert_eq!(standing_places(standing), places, "{standing}");
        }
    }
}
