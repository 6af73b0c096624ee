//! The typed data model: what `data/*.yaml` may contain.
//!
//! Field names are the YAML's; the templates read the same names, whether the
//! values come from brief (validated, as JSON) or straight from the YAML
//! (stock typst CLI). Words such as units, qualifiers and scopes are plain
//! strings here: which ones are known is data too (the vocabulary), checked by
//! `validate` with messages in the user's language.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// `data/meta.yaml`: the document as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Always `meta`.
    pub kind: String,
    /// Document title: PDF title, running header, title slide.
    pub title: String,
    /// The source article's headline.
    pub headline: Fill<String>,
    /// The source article's second headline line.
    #[serde(default)]
    pub subheadline: Option<String>,
    /// The region the data is about.
    pub region: String,
    /// The briefing's name in the red masthead.
    pub masthead: String,
    /// Issue number (第 N 期); omitted when null.
    #[serde(default)]
    pub issue: Option<i64>,
    /// The date the documents show, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
    /// Where the content comes from.
    pub source: Source,
    /// PDF keywords.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// File name, inside `data/`, of the achievements part.
    pub achievements: String,
    /// File name, inside `data/`, of the plan part.
    pub plan: String,
    /// Words of this project beyond the built-in vocabulary.
    #[serde(default)]
    pub vocabulary: Option<Vocabulary>,
}

/// The source article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Newspaper, e.g. 哈尔滨日报.
    pub publication: String,
    /// Page or edition, e.g. 03版.
    #[serde(default)]
    pub edition: Option<String>,
    /// Reporter's name.
    #[serde(default)]
    pub reporter: Option<String>,
    /// Word count the newspaper gives.
    #[serde(default)]
    pub word_count: Option<i64>,
}

/// Words a project adds to the built-in vocabulary (`meta.yaml`,
/// `vocabulary:`), or the built-in vocabulary itself
/// (`templates/vocabulary.yaml`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    /// Units: 亿元, 万人次, 平方公里 …
    #[serde(default)]
    pub units: Vec<String>,
    /// Qualifiers and where Chinese puts them.
    #[serde(default)]
    pub qualifiers: Vec<QualifierWord>,
    /// Wholes that shares and rankings refer to: 全市, 全省 …
    #[serde(default)]
    pub scopes: Vec<String>,
    /// Verbs of a year-on-year change, by direction.
    #[serde(default)]
    pub changes: Changes,
    /// Verbs a target may use instead of 增长 / 达到: 控制在, 保持在 …
    #[serde(default)]
    pub target_verbs: Vec<String>,
    /// Words that make a number a goal: 力争, 确保, 计划 …
    #[serde(default)]
    pub aims: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Changes {
    #[serde(default)]
    pub up: Vec<String>,
    #[serde(default)]
    pub down: Vec<String>,
}

/// A qualifier and its place: `before` the number (近300家), `after` the unit
/// (5.5%以内), `inside` after the number's magnitude (2万余户, 300多家), or
/// `pace` (与…同步, targets only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualifierWord {
    pub word: String,
    pub position: String,
}

/// A year's achievements or a year's plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// `achievements` or `plan`.
    pub kind: String,
    /// The year this part is about.
    pub year: i64,
    /// The article's heading for this part.
    pub title: Fill<String>,
    /// Paragraphs the article places before its first heading, in order
    /// (the achievements' first, then the plan's).
    #[serde(default)]
    pub opening: Vec<Fill<String>>,
    /// Paragraphs right after the part's heading.
    #[serde(default)]
    pub lead: Vec<Fill<String>>,
    /// Plan only: the words that introduce the main targets.
    #[serde(default)]
    pub targets_intro: Option<String>,
    /// Plan only: the main targets.
    #[serde(default)]
    pub targets: Vec<Target>,
    /// The article's sections, in order.
    pub sections: Vec<Section>,
    /// Which figures make which chart; when absent, the defaults.
    #[serde(default)]
    pub charts: Option<Vec<Chart>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    /// The article's sub-heading; absent where the article has none (its
    /// first sentences follow the part's heading), null while to fill.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub title: Option<Fill<String>>,
    /// The article's sentences; figures appear as `{id}`, `{id.yoy}`,
    /// `{id.share}` or `{id.rank}` placeholders.
    #[serde(default)]
    pub paragraphs: Vec<Fill<String>>,
    #[serde(default)]
    pub figures: Vec<Figure>,
    #[serde(default)]
    pub rankings: Vec<Ranking>,
}

/// A number the article states.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    /// Short name for cards, charts and tables, in the article's words.
    pub label: String,
    pub value: Fill<Num>,
    pub unit: String,
    #[serde(default)]
    pub qualifier: Option<String>,
    /// How the article writes the number when not in digits (百 for 超百个).
    #[serde(default)]
    pub written: Option<String>,
    /// True where the article says 预计.
    #[serde(default)]
    pub estimate: bool,
    /// Year-on-year change (同比).
    #[serde(default)]
    pub yoy: Option<Yoy>,
    /// Shares of a larger whole (占全市/全省的 x%).
    #[serde(default)]
    pub share: Vec<Share>,
    /// Plan figures: the id of the achievements figure that measures the same thing.
    #[serde(default)]
    pub compare: Option<String>,
    /// Shown as an indicator card on the overview page and key slides.
    #[serde(default)]
    pub headline: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Yoy {
    /// In percent.
    pub value: Fill<Num>,
    pub verb: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Share {
    pub scope: String,
    /// In percent, 0 to 100.
    pub value: Fill<Num>,
}

/// A ranking without a number of its own (居全市第一, 位居全市前列).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ranking {
    pub id: String,
    pub subjects: Vec<String>,
    pub scope: String,
    /// 1 for 第一; null when the article gives only a standing.
    #[serde(default)]
    pub position: Option<i64>,
    /// Words used when there is no position, e.g. 前列.
    #[serde(default)]
    pub standing: Option<String>,
    /// Consecutive years (连续四年), at least 2.
    #[serde(default)]
    pub years: Option<i64>,
    /// The verb before the place: 均居, 位居, 居 (default: 均居 for several
    /// subjects, 位居 for one).
    #[serde(default)]
    pub verb: Option<String>,
}

/// One of the plan's main targets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub id: String,
    pub indicator: String,
    /// `growth` (增长 x%) or `amount` (达到 x, in any unit).
    pub metric: String,
    /// Absent (or null) for a 同步 target; null elsewhere: still to fill in.
    #[serde(default, deserialize_with = "present")]
    pub value: Option<Fill<Num>>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub qualifier: Option<String>,
    /// For `qualifier: 同步`: the id of the target it keeps pace with.
    #[serde(default)]
    pub with: Option<String>,
    /// The verb where the default (增长, 达到) is not the plan's: 控制在 …
    #[serde(default)]
    pub verb: Option<String>,
    /// Written before the indicator in the targets sentence: 全区.
    #[serde(default)]
    pub scope: Option<String>,
    /// How a 同步 target names this one when it keeps pace with it (GDP).
    #[serde(default)]
    pub short: Option<String>,
}

/// A chart: which figures (or targets) it shows and how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chart {
    pub id: String,
    /// `bars` (values of one unit), `shares` (shares on 0–100 %) or
    /// `compare` (plan figures beside the achievements they compare with).
    pub kind: String,
    /// The chart's title; a default from the theme's words when absent.
    #[serde(default)]
    pub title: Option<String>,
    /// Ids of figures or targets, in the order shown.
    pub members: Vec<String>,
}

/// A value that may still be to fill in: `null` in a rolled-forward project.
/// A missing field stays an error; only an explicit null is "to fill".
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Fill<T> {
    Given(T),
    #[default]
    Todo,
}

impl<T> Fill<T> {
    pub fn given(&self) -> Option<&T> {
        match self {
            Fill::Given(v) => Some(v),
            Fill::Todo => None,
        }
    }
}

impl<T: Serialize> Serialize for Fill<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Fill::Given(v) => v.serialize(s),
            Fill::Todo => s.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Fill<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Option::<T>::deserialize(d)?.map_or(Fill::Todo, Fill::Given))
    }
}

/// A field that is there, even as null: `Some(Fill::Todo)` for null, `None`
/// (the default) only when the field is absent.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Fill<T>>, D::Error> {
    Fill::deserialize(d).map(Some)
}

/// A number as the YAML writes it: whole numbers stay whole, so that `7500`
/// prints as `7500` in both documents.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Num {
    Int(i64),
    Float(f64),
}

impl Num {
    pub fn get(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Num::Int(i) => write!(f, "{i}"),
            Num::Float(x) => write!(f, "{x}"),
        }
    }
}

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Num::Int(i) => s.serialize_i64(i),
            Num::Float(f) => s.serialize_f64(f),
        }
    }
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Num;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Num, E> {
                Ok(Num::Int(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Num, E> {
                i64::try_from(v)
                    .map(Num::Int)
                    .map_err(|_| E::custom("number too large"))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Num, E> {
                if v.is_finite() {
                    Ok(Num::Float(v))
                } else {
                    Err(E::custom("expected a finite number"))
                }
            }
        }
        d.deserialize_any(Visitor)
    }
}
