//! The words of the overview as the templates say them (templates/lib.typ:
//! `qualified`, `yoy-phrase`, `share-phrase`, `rank-str`, `aim-of`), for
//! the parts of a card or a table that the briefing does not mark. Every
//! figure the briefing marks is taken from its mark instead.

use crate::data::model::{Figure, Fill, Num, Part, Position, Rank, Ranking, Share, Target, Yoy};
use crate::data::vocabulary::Words;

/// A value in parts: before the number, the number, the unit, after it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parts {
    pub pre: String,
    pub num: String,
    pub unit: String,
    pub post: String,
}

impl Parts {
    pub fn joined(&self) -> String {
        format!("{}{}{}{}", self.pre, self.num, self.unit, self.post)
    }
}

/// 1 → 一, 10 → 十, 12 → 十二, 24 → 二十四.
pub fn cn_num(n: i64) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if (0..10).contains(&n) {
        D[n as usize].to_string()
    } else if (10..100).contains(&n) {
        let (t, u) = (n / 10, n % 10);
        format!(
            "{}十{}",
            if t > 1 { D[t as usize] } else { "" },
            if u > 0 { D[u as usize] } else { "" }
        )
    } else {
        n.to_string()
    }
}

/// A value as the data gives it to print: a figure's, a change's, a
/// share's or a target's.
#[derive(Default, Clone, Copy)]
pub struct Amount<'a> {
    pub value: Option<&'a Fill<Num>>,
    pub unit: Option<&'a str>,
    pub qualifier: Option<&'a str>,
    pub written: Option<&'a str>,
    pub to: Option<&'a Num>,
    pub dash: Option<&'a str>,
}

impl<'a> Amount<'a> {
    /// A figure's value (not a ratio's).
    pub fn figure(f: &'a Figure) -> Self {
        Amount {
            value: f.value.as_ref(),
            unit: f.unit.as_deref(),
            qualifier: f.qualifier.as_deref(),
            written: f.written.as_deref(),
            to: f.to.as_ref(),
            dash: f.dash.as_deref(),
        }
    }

    /// A change's value, in % unless it gives its unit.
    pub fn yoy(y: &'a Yoy) -> Self {
        Amount {
            value: Some(&y.value),
            unit: Some(y.unit.as_deref().unwrap_or("%")),
            qualifier: y.qualifier.as_deref(),
            written: y.written.as_deref(),
            to: y.to.as_ref(),
            dash: y.dash.as_deref(),
        }
    }

    /// A target's value (not a goal's).
    pub fn target(t: &'a Target) -> Self {
        Amount {
            value: t.value.as_ref(),
            unit: t.unit.as_deref(),
            qualifier: t.qualifier.as_deref(),
            written: t.written.as_deref(),
            to: t.to.as_ref(),
            dash: t.dash.as_deref(),
        }
    }

    /// A share's value: a percentage with its qualifier.
    pub fn share(s: &'a Share) -> Self {
        Amount {
            value: Some(&s.value),
            unit: Some("%"),
            qualifier: s.qualifier.as_deref(),
            ..Amount::default()
        }
    }
}

/// The value with its unit and qualifier, the qualifier where the
/// vocabulary places it (近300家, 3.5%左右, 2万余户).
pub fn qualified(words: &Words, todo: &str, amount: &Amount) -> Parts {
    let Amount {
        value,
        unit,
        qualifier,
        written,
        to,
        dash,
    } = *amount;
    let u = unit.unwrap_or("").to_string();
    let num = match value.and_then(Fill::given) {
        None => todo.to_string(),
        Some(_) if written.is_some() => written.unwrap_or_default().to_string(),
        Some(v) => match to {
            Some(to) => format!("{}{u}{}{}", v.text(), dash.unwrap_or("—"), to.text()),
            None => v.text().to_string(),
        },
    };
    let Some(q) = qualifier else {
        return Parts {
            num,
            unit: u,
            ..Parts::default()
        };
    };
    match words.qualifier(q).unwrap_or(Position::After) {
        Position::Inside => {
            // 余 and 多 follow a round number (20余万人, 3000多万元) and
            // otherwise the magnitude (2万余户): as templates/format.typ.
            let round = num.ends_with(['0', '十', '百', '千']);
            let mut chars = u.chars();
            let unit = match chars.next() {
                Some(first @ ('万' | '亿' | '萬' | '億')) if u.chars().count() > 1 && !round => {
                    format!("{first}{q}{}", chars.as_str())
                }
                _ => format!("{q}{u}"),
            };
            Parts {
                num,
                unit,
                ..Parts::default()
            }
        }
        Position::Before => Parts {
            pre: q.to_string(),
            num,
            unit: u,
            ..Parts::default()
        },
        Position::After => Parts {
            num,
            unit: u,
            post: q.to_string(),
            ..Parts::default()
        },
    }
}

/// A figure's value in parts (a ratio as printed: 3.2：44.2：52.6).
pub fn figure_parts(words: &Words, todo: &str, f: &Figure) -> Parts {
    if let Some(ratio) = &f.ratio {
        let colon = f.colon.as_deref().unwrap_or("：");
        return Parts {
            num: ratio
                .iter()
                .map(|p| p.given().map_or(todo, Num::text))
                .collect::<Vec<_>>()
                .join(colon),
            ..Parts::default()
        };
    }
    qualified(words, todo, &Amount::figure(f))
}

/// 14.3%, 两成以上: a change's value as printed (`{id.yoy}`).
pub fn yoy_value(words: &Words, todo: &str, y: &Yoy) -> Parts {
    qualified(words, todo, &Amount::yoy(y))
}

/// 同比增长14.3%: the basis and verb as the prose has them.
pub fn yoy_phrase(words: &Words, todo: &str, f: &Figure) -> Option<String> {
    let y = f.yoy.as_ref()?;
    Some(format!(
        "{}{}{}",
        y.basis.as_deref().unwrap_or(""),
        y.verb,
        yoy_value(words, todo, y).joined()
    ))
}

/// 占全市的26.6%, 占GDP比重40%
pub fn share_phrase(words: &Words, todo: &str, s: &Share) -> String {
    let value = qualified(words, todo, &Amount::share(s)).joined();
    match (&s.scope, &s.of) {
        (Some(scope), _) => format!("占{scope}的{value}"),
        (None, of) => format!("占{}比重{value}", of.as_deref().unwrap_or("")),
    }
}

/// 全市第一, 全市之首
pub fn rank_str(scope: &str, standing: Option<&str>, position: Option<i64>) -> String {
    match standing {
        Some(s) => format!("{scope}{s}"),
        None => format!("{scope}第{}", cn_num(position.unwrap_or(0))),
    }
}

/// A figure's own rank as its card says it: 增速全市第一, 连续四年位居全市前列.
pub fn rank_note(r: &Rank) -> String {
    let years = r
        .years
        .map(|n| format!("连续{}年", cn_num(n)))
        .unwrap_or_default();
    format!(
        "{years}{}{}",
        r.verb.as_deref().unwrap_or(""),
        rank_str(&r.scope, r.standing.as_deref(), r.position)
    )
}

/// A ranking's place: 全市第一.
pub fn ranking_place(r: &Ranking) -> String {
    rank_str(&r.scope, r.standing.as_deref(), r.position)
}

/// A target's verb: 同口径增长, 达.
pub fn target_verb(t: &Target) -> String {
    format!(
        "{}{}",
        t.basis.as_deref().unwrap_or(""),
        t.verb.as_deref().unwrap_or("")
    )
}

/// A target's value: its number with unit and qualifier, or its goal.
pub fn target_value(words: &Words, todo: &str, t: &Target) -> String {
    if let Some(goal) = &t.goal {
        return goal.clone();
    }
    qualified(words, todo, &Amount::target(t)).joined()
}

/// What a placeholder prints (where the briefing does not mark it): `id`
/// of one of `parts`, and `(field, alone)` as `Placeholder::part` reads
/// them. `None` for what the placeholder cannot name.
pub fn placeholder_text(
    words: &Words,
    todo: &str,
    parts: [&Part; 2],
    id: &str,
    (field, alone): (Option<&str>, bool),
) -> Option<String> {
    let bare = field == Some("value");
    let mut figures = parts
        .iter()
        .flat_map(|p| p.sections.iter().flat_map(|s| &s.figures));
    if let Some(f) = figures.find(|f| f.id == id) {
        let amount = match field {
            None | Some("value") if f.ratio.is_some() => {
                return (!alone).then(|| figure_parts(words, todo, f).joined());
            }
            None | Some("value") => Amount::figure(f),
            Some("yoy") => Amount::yoy(f.yoy.as_ref()?),
            Some("share") => Amount::share(f.share.first()?),
            Some("rank") if !alone => {
                let r = f.rank.as_ref()?;
                return Some(rank_str(&r.scope, r.standing.as_deref(), r.position));
            }
            _ => return None,
        };
        return Some(placeholder_amount(words, todo, amount, bare, alone));
    }
    if let Some(t) = parts.iter().flat_map(|p| &p.targets).find(|t| t.id == id) {
        return match (&t.goal, field) {
            (_, Some(_)) if !bare => None,
            (Some(goal), _) => (!alone).then(|| goal.clone()),
            (None, _) => Some(placeholder_amount(
                words,
                todo,
                Amount::target(t),
                bare,
                alone,
            )),
        };
    }
    parts
        .iter()
        .flat_map(|p| p.sections.iter().flat_map(|s| &s.rankings))
        .find(|r| r.id == id && field == Some("rank") && !alone)
        .map(ranking_place)
}

/// What a placeholder prints of an amount: all of it, without its
/// qualifier (`{id.value}`), or the number alone (`{id.number}`: a range's
/// bounds without the unit between them).
pub fn placeholder_amount(
    words: &Words,
    todo: &str,
    amount: Amount,
    bare: bool,
    alone: bool,
) -> String {
    let amount = Amount {
        qualifier: amount.qualifier.filter(|_| !bare && !alone),
        unit: amount.unit.filter(|_| !alone),
        ..amount
    };
    qualified(words, todo, &amount).joined()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbers() {
        assert_eq!(cn_num(1), "一");
        assert_eq!(cn_num(10), "十");
        assert_eq!(cn_num(12), "十二");
        assert_eq!(cn_num(24), "二十四");
    }
}
