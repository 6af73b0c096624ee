//! A chart of the data: its members exist and fit its kind; bars share a
//! unit and never show a decrease as growth; shares share a whole.

use std::collections::HashMap;

use super::Checker;
use crate::data::limits;
use crate::data::model::{Chart, ChartKind};
use crate::data::prose::Named;
use crate::tr;

pub(super) fn chart(
    c: &mut Checker,
    path: &str,
    chart: &Chart,
    own: &HashMap<&str, Named>,
    charts: &[Chart],
) {
    c.id(path, &chart.id);
    // Reported where the id is used again, not at its first use.
    if !std::ptr::eq(
        charts.iter().find(|o| o.id == chart.id).unwrap_or(chart),
        chart,
    ) {
        c.report(
            format!("{path}.id"),
            "data-duplicate-chart",
            tr!("data-duplicate-chart", id = chart.id.as_str()),
        );
    }
    if let Some(title) = &chart.title {
        c.text(&format!("{path}.title"), title, limits::TITLE);
    }
    if chart.members.is_empty() {
        c.report(
            format!("{path}.members"),
            "data-chart-empty",
            tr!("data-chart-empty"),
        );
    }
    c.count(
        &format!("{path}.members"),
        chart.members.len(),
        limits::MEMBERS,
    );
    let mut units: Vec<String> = Vec::new();
    let mut wholes: Vec<String> = Vec::new();
    for (i, id) in chart.members.iter().enumerate() {
        let mpath = format!("{path}.members[{i}]");
        let named = own.get(id.as_str());
        // A range (6%—7%, 168.5—200亿元) has no one length: a bar at its
        // lower bound would say less than the text.
        let range = match named {
            Some(Named::Figure(f)) => f.to.is_some(),
            Some(Named::Target(t)) => t.to.is_some(),
            _ => false,
        };
        if range && matches!(chart.kind, ChartKind::Bars | ChartKind::Compare) {
            c.report(
                mpath,
                "data-member-range",
                tr!("data-member-range", id = id.as_str()),
            );
            continue;
        }
        let fits = match (chart.kind, named) {
            (ChartKind::Bars, Some(Named::Figure(f))) if f.ratio.is_none() => {
                units.push(crate::data::unit_name(f.unit.as_deref()));
                true
            }
            (ChartKind::Bars, Some(Named::Target(t)))
                if t.value.as_ref().is_some_and(|v| v.given().is_some()) =>
            {
                // A decrease drawn as a bar of growth would say the opposite.
                if t.verb.as_deref().is_some_and(|v| c.words.is_down(v)) {
                    c.report(
                        mpath.clone(),
                        "data-chart-decrease",
                        tr!("data-chart-decrease", id = id.as_str()),
                    );
                }
                units.push(crate::data::unit_name(t.unit.as_deref()));
                true
            }
            (ChartKind::Shares, Some(Named::Figure(f))) if !f.share.is_empty() => {
                for s in &f.share {
                    let whole = s.scope.clone().or_else(|| s.of.clone()).unwrap_or_default();
                    if !wholes.contains(&whole) {
                        wholes.push(whole);
                    }
                }
                true
            }
            (ChartKind::Compare, Some(Named::Figure(f))) => f.compare.is_some(),
            (ChartKind::Compare, Some(Named::Target(t))) => t.compare.is_some(),
            _ => false,
        };
        if named.is_none() {
            let hint = crate::data::error::nearest(id, own.keys().copied())
                .map(|n| tr!("hint-did-you-mean", word = n));
            c.hinted(
                mpath,
                "data-member-unknown",
                tr!("data-member-unknown", id = id.as_str()),
                hint,
            );
        } else if !fits {
            c.report(
                mpath,
                "data-member-kind",
                tr!(
                    "data-member-kind",
                    id = id.as_str(),
                    kind = chart.kind.name()
                ),
            );
        }
    }
    units.sort();
    units.dedup();
    if units.len() > 1 {
        c.report(
            format!("{path}.members"),
            "data-chart-units",
            tr!("data-chart-units", units = units.join("、")),
        );
    }
    if wholes.len() > 1 {
        c.report(
            format!("{path}.members"),
            "data-chart-wholes",
            tr!("data-chart-wholes", wholes = wholes.join("、")),
        );
    }
}
