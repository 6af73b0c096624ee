//! A target of the plan: a number with its verb (增长6.5%左右, 达1900万标箱,
//! 控制在4%以内, 下降2%左右) or a goal in words (完成市下达目标), and the
//! achievements figure it continues.

use super::{Checker, Index, figures};
use crate::data::limits;
use crate::data::model::{Fill, Target};
use crate::data::prose::Named;
use crate::tr;

pub(super) fn target(c: &mut Checker, path: &str, t: &Target, index: &Index) {
    c.text(&format!("{path}.indicator"), &t.indicator, limits::LABEL);
    if let Some(verb) = &t.verb {
        let known: Vec<String> = c.words.verbs().map(str::to_string).collect();
        c.word(
            &format!("{path}.verb"),
            verb,
            &known,
            "data-unknown-verb",
            "target_verbs",
        );
    }
    if let Some(b) = &t.basis {
        c.basis(&format!("{path}.basis"), b);
    }
    match &t.goal {
        Some(goal) => {
            c.text(&format!("{path}.goal"), goal, limits::LABEL);
            // A goal is the words of a target that has no number: a number
            // in it is one the data does not hold (a name with digits, of
            // `names`, is none).
            if let Some((at, digits)) = crate::data::prose::unnamed_digits(goal, &c.words.names)
                .into_iter()
                .next()
            {
                let problem = c.report(
                    format!("{path}.goal"),
                    "data-goal-number",
                    tr!("data-goal-number", digits = digits.as_str()),
                );
                problem.offset = Some(at);
            }
            // The verb is printed before the goal: 增长增长与经济增长同步.
            if let Some(verb) = t.verb.as_deref().filter(|v| goal.starts_with(*v)) {
                c.report(
                    format!("{path}.goal"),
                    "data-goal-verb",
                    tr!("data-goal-verb", verb = verb),
                );
            }
            for (field, given) in [
                ("value", t.value.is_some()),
                ("unit", t.unit.is_some()),
                ("to", t.to.is_some()),
                ("qualifier", t.qualifier.is_some()),
                ("written", t.written.is_some()),
            ] {
                if given {
                    c.report(
                        format!("{path}.{field}"),
                        "data-goal-field",
                        tr!("data-goal-field", field = field),
                    );
                }
            }
        }
        None => {
            let unit = t.unit.as_deref();
            match unit {
                Some(u) => c.unit(&format!("{path}.unit"), u),
                None => c.missing(path, "unit"),
            }
            match &t.value {
                None => c.hinted(
                    path,
                    "data-target-value",
                    tr!("data-target-value"),
                    Some(tr!("data-target-value-hint")),
                ),
                Some(Fill::Todo) => c.todo(format!("{path}.value")),
                Some(Fill::Given(v)) => {
                    c.value(&format!("{path}.value"), v, unit);
                    if let Some(verb) = &t.verb {
                        c.double_negative(&format!("{path}.value"), verb, v);
                    }
                    if let Some(written) = &t.written {
                        c.written(&format!("{path}.written"), written, v, t.to.as_ref(), unit);
                    }
                }
            }
            if let Some(to) = &t.to {
                c.range(path, t.value.as_ref().and_then(Fill::given), to, unit);
            }
            c.dash(path, t.dash.as_deref(), t.to.as_ref());
            if let Some(q) = &t.qualifier {
                c.qualifier(&format!("{path}.qualifier"), q, unit, t.to.is_some());
                if let Some(verb) = &t.verb {
                    c.qualifier_verb(&format!("{path}.qualifier"), verb, q);
                }
            }
        }
    }
    if let Some(other) = &t.compare {
        compare(c, path, t, other, index);
    }
}

/// The achievements figure a target continues: a rate for a rate target
/// (its value, or its change: 增长4.2% beside 增长10%), else the same unit.
fn compare(c: &mut Checker, path: &str, t: &Target, other: &str, index: &Index) {
    let p = format!("{path}.compare");
    let Some(achieved) = index.achieved else {
        return;
    };
    match achieved.get(other) {
        Some(Named::Figure(f)) => {
            let rate = t.unit.as_deref() == Some("%");
            // The chart draws the figure's growth beside the target's: a
            // change in 亿元 or 个百分点 is on no scale with a %, and a fall
            // would be drawn as growth.
            let yoy_percent = f
                .yoy
                .as_ref()
                .is_some_and(|y| y.unit.as_deref().unwrap_or("%") == "%");
            if rate
                && !figures::is_rate_figure(f)
                && let Some(y) = &f.yoy
                && yoy_percent
                && c.words.is_down(&y.verb)
            {
                c.report(
                    p,
                    "data-compare-decrease",
                    tr!("data-compare-decrease", id = other, verb = y.verb.as_str()),
                );
                return;
            }
            let fits = if rate {
                figures::is_rate_figure(f) || yoy_percent
            } else {
                c.words.same_unit(f.unit.as_deref(), t.unit.as_deref())
            };
            if !fits {
                c.report(
                    p,
                    "data-compare-unit",
                    tr!(
                        "data-compare-unit",
                        id = other,
                        theirs = crate::data::unit_name(f.unit.as_deref()),
                        ours = crate::data::unit_name(t.unit.as_deref())
                    ),
                );
            }
        }
        _ => {
            let hint = crate::data::error::nearest(other, achieved.keys().copied())
                .map(|n| tr!("hint-did-you-mean", word = n));
            c.hinted(
                p,
                "data-compare-missing",
                tr!("data-compare-missing", id = other),
                hint,
            );
        }
    }
}
