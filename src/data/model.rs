//! The typed data model: what `data/*.yaml` may contain.
//!
//! Field names and enum spellings are the YAML's; the templates read the same
//! names, whether the values come from brief (validated) or straight from the
//! YAML (stock typst CLI).

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// `data/meta.yaml`: the document as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Always `meta`.
    pub kind: MetaKind,
    /// Document title: PDF title, running header, title slide.
    pub title: String,
    /// The source article's headline.
    pub headline: String,
    /// The source article's second headline line.
    #[serde(default)]
    pub subheadline: Option<String>,
    /// The region the data is about.
    pub region: String,
    /// The briefing's name in the red masthead.
    pub masthead: String,
    /// Issue number (第 N 期); omitted when null.
    #[serde(default)]
    pub issue: Option<u32>,
    /// The date the documents show, `YYYY-MM-DD`. When null, the build's
    /// timestamp date is shown if one is given, else no date.
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
}

/// The source article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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
    pub word_count: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum MetaKind {
    Meta,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PartKind {
    Achievements,
    Plan,
}

impl fmt::Display for PartKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PartKind::Achievements => "achievements",
            PartKind::Plan => "plan",
        })
    }
}

/// A year's achievements or a year's plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// `achievements` or `plan`.
    pub kind: PartKind,
    /// The year this part is about.
    pub year: i32,
    /// The article's heading for this part.
    pub title: String,
    /// Opening paragraphs, in the article's words; may hold placeholders.
    #[serde(default)]
    pub lead: Vec<String>,
    /// Plan only: the sentence introducing the main targets.
    #[serde(default)]
    pub targets_intro: Option<String>,
    /// Plan only: the main targets.
    #[serde(default)]
    pub targets: Vec<Target>,
    /// The article's sections, in order.
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    /// The article's sub-heading.
    pub title: String,
    /// The article's sentences; figures appear as `{id}`, `{id.yoy}`,
    /// `{id.share}` or `{id.rank}` placeholders.
    #[serde(default)]
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub figures: Vec<Figure>,
    #[serde(default)]
    pub rankings: Vec<Ranking>,
}

/// A number the article states.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    /// Short name for cards, charts and tables.
    pub label: String,
    pub value: Num,
    pub unit: Unit,
    #[serde(default)]
    pub qualifier: Option<Qualifier>,
    /// True where the article says 预计.
    #[serde(default)]
    pub estimate: bool,
    /// Year-on-year change (同比).
    #[serde(default)]
    pub yoy: Option<Yoy>,
    /// Shares of a larger whole (占全市/全省的 x%).
    #[serde(default)]
    pub share: Vec<Share>,
    /// Plan figures: the id of the matching achievements figure.
    #[serde(default)]
    pub compare: Option<String>,
    /// Shown as an indicator card on the overview page and key slides.
    #[serde(default)]
    pub headline: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Yoy {
    /// In percent.
    pub value: Num,
    pub verb: Verb,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Share {
    pub scope: Scope,
    /// In percent, 0 to 100.
    pub value: Num,
}

/// A ranking without a number of its own (居全市第一, 位居全市前列).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ranking {
    pub id: String,
    pub subjects: Vec<String>,
    pub scope: Scope,
    /// 1 for 第一; null when the article gives only a standing.
    #[serde(default)]
    pub position: Option<u32>,
    /// Words used when there is no position, e.g. 前列.
    #[serde(default)]
    pub standing: Option<String>,
    /// Consecutive years (连续四年).
    #[serde(default)]
    pub years: Option<u32>,
}

/// One of the plan's main targets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub id: String,
    pub indicator: String,
    pub metric: Metric,
    #[serde(default)]
    pub value: Option<Num>,
    #[serde(default)]
    pub unit: Option<Unit>,
    #[serde(default)]
    pub qualifier: Option<Qualifier>,
    /// For `qualifier: 同步`: the id of the target it keeps pace with.
    #[serde(default)]
    pub with: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Metric {
    /// 增长 x%.
    Growth,
    /// 达到 x 单位.
    Amount,
}

macro_rules! word_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
        pub enum $name {
            $(#[serde(rename = $word)] $variant),+
        }

        impl $name {
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

word_enum!(
    /// Units as the article writes them.
    Unit {
        Percent = "%",
        YiYuan = "亿元",
        WanYuan = "万元",
        WanHu = "万户",
        Hu = "户",
        Jia = "家",
        Ge = "个",
        Xiang = "项",
        Jian = "件",
        Suo = "所",
        Gongli = "公里",
        Mi = "米",
        WanPingfangmi = "万平方米",
        WanMu = "万亩",
    }
);

word_enum!(
    /// Qualifiers, placed as Chinese writes them.
    Qualifier {
        Zuoyou = "左右",
        Yishang = "以上",
        Yu = "余",
        Tupo = "突破",
        Chao = "超",
        Yue = "约",
        Tongbu = "同步",
    }
);

word_enum!(
    /// The whole a share or ranking refers to.
    Scope { City = "全市", Province = "全省", Nation = "全国" }
);

word_enum!(
    /// How a year-on-year change is worded.
    Verb { Zengzhang = "增长", Zengjia = "增加", Xiajiang = "下降" }
);

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
                f.write_str("a number such as 148.9 or 7500")
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

impl JsonSchema for Num {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Number".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "number" })
    }
}

/// A file of the data set, for the JSON Schema: editors pick the matching branch.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum AnyFile {
    Meta(Meta),
    Part(Part),
}
