//! The typed data model: what `data/*.yaml` may contain, and the one source
//! of the JSON Schema of those files (`brief schema`): every field carries
//! its description for editors (in Chinese, the users' language) and its
//! limits from `limits.rs`, so that a field added here is in the schema,
//! the string checks and the templates' data at once.
//!
//! Field names are the YAML's; the templates read the same names, whether the
//! values come from brief (validated, as JSON) or straight from the YAML
//! (stock typst CLI). Words such as units, qualifiers and scopes are plain
//! strings here: which ones are known is data too (the vocabulary), checked by
//! `validate` with messages in the user's language. Closed sets (the kind of
//! a file or a chart, a qualifier's position) are enums.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::limits;
use super::num;
pub use super::num::{Num, NumError};

/// `data/meta.yaml`: the document as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "文档信息（data/meta.yaml）")]
pub struct Meta {
    /// Always `meta`.
    #[schemars(description = "固定为 meta。")]
    pub kind: MetaKind,
    /// Document title: PDF title, running header, title slide.
    #[schemars(
        description = "文档标题：PDF 标题、页眉、封面幻灯片。",
        length(min = 1, max = limits::DOC_TITLE),
        regex(pattern = r"\S"),
        extend("examples" = ["哈尔滨新区2022年工作成效与2023年工作安排"])
    )]
    #[serde(deserialize_with = "text")]
    pub title: String,
    /// The source article's headline; absent where it has none.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(
        description = "来源文章的主标题，照原文；原文没有标题时不写。写 null 表示待填，构建时会列出；--draft 时以【待填】显示。",
        length(min = 1, max = limits::DOC_TITLE),
        regex(pattern = r"\S")
    )]
    pub headline: Option<Fill<String>>,
    /// The source article's second headline line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "来源文章的副标题（可省略）。",
        length(min = 1, max = limits::DOC_TITLE),
        regex(pattern = r"\S")
    )]
    pub subheadline: Option<String>,
    /// The region the data is about.
    #[schemars(
        description = "地区名称。",
        length(min = 1, max = limits::NAME),
        regex(pattern = r"\S"),
        extend("examples" = ["哈尔滨新区"])
    )]
    #[serde(deserialize_with = "text")]
    pub region: String,
    /// The briefing's name in the red masthead.
    #[schemars(
        description = "简报第 1 页红色报头的文字（主题文件 theme.yaml 的 masthead.text 可另行指定）。",
        length(min = 1, max = limits::NAME),
        regex(pattern = r"\S"),
        extend("examples" = ["哈尔滨新区工作简报"])
    )]
    #[serde(deserialize_with = "text")]
    pub masthead: String,
    /// The office that issues the briefing (编发单位), printed under the
    /// masthead and in the colophon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "编发单位，印在报头下和版记中（可省略）。",
        length(min = 1, max = limits::NAME),
        regex(pattern = r"\S"),
        extend("examples" = ["哈尔滨新区管委会办公室"])
    )]
    pub issuer: Option<String>,
    /// Issue number (第 N 期); omitted when null.
    #[serde(default)]
    #[schemars(
        description = "期号：第 N 期写 N；没有就写 null。",
        range(min = 1, max = 99999)
    )]
    pub issue: Option<i64>,
    /// The date the documents show, `YYYY-MM-DD`.
    #[serde(default)]
    #[schemars(
        description = "文档显示的日期，格式 YYYY-MM-DD；null 时用 --creation-timestamp 的日期，都没有就不印日期（从不用当前时间）。",
        regex(pattern = r"^(19[0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"),
        extend("format" = "date")
    )]
    pub date: Option<String>,
    /// The printing date of the colophon (印发日期), `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "版记中的印发日期，格式 YYYY-MM-DD（可省略；省略时用 date）。",
        regex(pattern = r"^(19[0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"),
        extend("format" = "date")
    )]
    pub printed: Option<String>,
    /// Who receives the briefing, printed in the colophon (版记).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "版记中的发送范围：报、送、抄送（可省略）。")]
    pub recipients: Option<Recipients>,
    /// Where the content comes from; absent for an office's own briefing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "来源文章（可省略：本单位自编的简报没有来源）。")]
    pub source: Option<Source>,
    /// PDF keywords.
    #[serde(default)]
    #[schemars(description = "PDF 关键词。", inner(length(min = 1, max = limits::NAME)))]
    pub keywords: Vec<String>,
    /// File name, inside `data/`, of the achievements part.
    #[schemars(
        description = "data/ 中成效文件的文件名。",
        regex(pattern = r"^[^/\\]+\.ya?ml$"),
        extend("examples" = ["2022-achievements.yaml"])
    )]
    #[serde(deserialize_with = "text")]
    pub achievements: String,
    /// File name, inside `data/`, of the plan part.
    #[schemars(
        description = "data/ 中计划文件的文件名。",
        regex(pattern = r"^[^/\\]+\.ya?ml$"),
        extend("examples" = ["2023-plan.yaml"])
    )]
    #[serde(deserialize_with = "text")]
    pub plan: String,
    /// A spreadsheet in `data/` whose rows give figure values (id, value,
    /// and optionally yoy, share, written); its values override the YAML's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "data/ 中的指标表：各行给出数字的 id 和数值（以及 yoy、share、written），覆盖数据文件中的数值（可省略）。写文件名（用第一张工作表），或 { file: 指标.xlsx, sheet: 主要指标 }。",
        schema_with = "figures_sheet"
    )]
    pub figures: Option<FiguresSheet>,
    /// Words of this project beyond the built-in vocabulary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "本项目在内置词表之外用到的单位、限定词、范围等（可省略）。")]
    pub vocabulary: Option<Vocabulary>,
}

/// The sheet the figures' values come from: `{ file, sheet }`, or the
/// file's name alone for its first sheet (`figures: 指标.xlsx`).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "指标表",
    description = "data/ 中的指标表：file 为文件名，sheet 为工作表名（可省略）。"
)]
pub struct FiguresSheet {
    /// A file of `data/`: .xlsx, .xls, .ods or .csv.
    #[schemars(
        description = "data/ 中的文件：.xlsx、.xls、.ods 或 .csv（UTF-8）。",
        regex(pattern = r"^[^/\\]+\.([xX][lL][sS][xX]?|[oO][dD][sS]|[cC][sS][vV])$"),
        extend("examples" = ["指标.xlsx"])
    )]
    pub file: String,
    /// The sheet's name; the first sheet when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "工作表名称（可省略：用第一张工作表）。",
        length(min = 1, max = limits::NAME)
    )]
    pub sheet: Option<String>,
}

/// How `meta.yaml` may name the sheet: a file name, or the fields of
/// [`FiguresSheet`] (whose errors, an unknown field say, stay serde's own).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SheetFields {
    #[serde(deserialize_with = "text")]
    file: String,
    #[serde(default)]
    sheet: Option<String>,
}

impl<'de> Deserialize<'de> for FiguresSheet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Spec;
        impl<'de> serde::de::Visitor<'de> for Spec {
            type Value = FiguresSheet;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, file: &str) -> Result<FiguresSheet, E> {
                Ok(FiguresSheet {
                    file: file.to_string(),
                    sheet: None,
                })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<FiguresSheet, A::Error> {
                let f =
                    SheetFields::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(FiguresSheet {
                    file: f.file,
                    sheet: f.sheet,
                })
            }
        }
        d.deserialize_any(Spec)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum MetaKind {
    Meta,
}

/// The colophon's recipients.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "发送范围")]
pub struct Recipients {
    #[serde(default)]
    #[schemars(
        description = "报：上级机关。",
        inner(length(min = 1, max = limits::NAME))
    )]
    pub report: Vec<String>,
    #[serde(default)]
    #[schemars(
        description = "送：平级机关和部门。",
        inner(length(min = 1, max = limits::NAME))
    )]
    pub send: Vec<String>,
    #[serde(default)]
    #[schemars(description = "抄送。", inner(length(min = 1, max = limits::NAME)))]
    pub copy: Vec<String>,
}

/// The source article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "来源", description = "来源文章。")]
pub struct Source {
    /// Newspaper or website, e.g. 哈尔滨日报.
    #[schemars(
        description = "报刊或网站名称。",
        length(min = 1, max = limits::NAME),
        regex(pattern = r"\S"),
        extend("examples" = ["哈尔滨日报"]),
        extend("x-hint" = "typed")
    )]
    #[serde(deserialize_with = "text")]
    pub publication: String,
    /// Page or edition, e.g. 03版.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "版次（可省略）。", length(min = 1, max = limits::NAME))]
    pub edition: Option<String>,
    /// The article's byline, word for word: 本报记者 张焱, 记者 王某 通讯员 李某.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "署名，照原文：本报记者 张焱；记者 王某 通讯员 李某（可省略）。",
        length(min = 1, max = limits::NAME),
        extend("examples" = ["本报记者 张焱"])
    )]
    pub byline: Option<String>,
    /// Word count the newspaper gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "报刊给出的文章字数（可省略）。",
        range(min = 1, max = 10000000)
    )]
    pub word_count: Option<i64>,
}

/// Words a project adds to the built-in vocabulary (`meta.yaml`,
/// `vocabulary:`), or the built-in vocabulary itself
/// (`templates/vocabulary.yaml`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "词表",
    description = "本项目在内置词表（templates/vocabulary.yaml）之外用到的词。"
)]
pub struct Vocabulary {
    /// Units: 亿元, 万人次, 平方公里 …
    #[serde(default)]
    #[schemars(
        description = "单位。",
        inner(length(min = 1, max = limits::NAME)),
        extend("examples" = [["万册"]])
    )]
    pub units: Vec<String>,
    /// Units that count the same thing, so that a result and next year's
    /// target may use either (户 and 家 both count enterprises).
    #[serde(default)]
    #[schemars(
        description = "同义单位：每组中的单位计数同一种东西，实绩与目标对比（compare）时视为同一单位，如 [户, 家]。",
        inner(length(min = 2, max = 8), inner(length(min = 1, max = limits::NAME))),
        extend("examples" = [[["户", "家"]]])
    )]
    pub same_units: Vec<Vec<String>>,
    /// Qualifiers and where Chinese puts them.
    #[serde(default)]
    #[schemars(description = "限定词及其位置。")]
    pub qualifiers: Vec<QualifierWord>,
    /// Wholes that shares and rankings refer to: 全市, 全省 …
    #[serde(default)]
    #[schemars(
        description = "范围（占比、排名所指的整体）。",
        inner(length(min = 1, max = limits::NAME)),
        extend("examples" = [["全县"]])
    )]
    pub scopes: Vec<String>,
    /// Verbs of a change, by direction.
    #[serde(default)]
    #[schemars(description = "变化的动词：up 为增加方向，down 为减少方向。")]
    pub changes: Changes,
    /// Verbs a target or a figure may stand after besides those of change:
    /// 达到, 控制在, 保持在 …; one that bounds its number says which way
    /// (控制在: at most).
    #[serde(default)]
    #[schemars(
        description = "目标动词（变化动词之外的）：达到、控制在 …；给数字定了界的动词可写成 { word: 控制在, meaning: less }。",
        extend("examples" = [["稳定在", {"word": "压减到", "meaning": "less"}]])
    )]
    pub target_verbs: Vec<VerbWord>,
    /// Words that make a number a goal: 力争, 确保, 计划 …
    #[serde(default)]
    #[schemars(
        description = "目标词：把数字标为目标的词。",
        inner(length(min = 1, max = limits::NAME)),
        extend("examples" = [["力争"]])
    )]
    pub aims: Vec<String>,
    /// What a change is measured against, before its verb: 同比, 比上年 …
    #[serde(default)]
    #[schemars(
        description = "变化的基准，写在变化动词之前：同比、比上年、同口径 …",
        inner(length(min = 1, max = limits::NAME)),
        extend("examples" = [["比上年同期"]])
    )]
    pub bases: Vec<String>,
    /// Names that hold digits (500米覆盖率, “十四五”规划): digits inside them
    /// are not figures the data misses.
    #[serde(default)]
    #[schemars(
        description = "含数字的名称：其中的数字不是数据（如 500米覆盖率、5G基站）。段落中占位符之外的其他数字会被提示。",
        inner(length(min = 1, max = limits::LABEL)),
        extend("examples" = [["500米覆盖率"]])
    )]
    pub names: Vec<String>,
    /// Words that hold a qualifier, a goal word or an estimate word and are
    /// none of them (签约's 约, 上下游's 上下, 计划生育's 计划, 好于预计's
    /// 预计): the word inside is not read as the one it holds.
    #[serde(default)]
    #[schemars(
        description = "含有限定词、目标词或估计词、但不是这些词的词（如 签约 中的“约”、上下游 中的“上下”、计划生育 中的“计划”、好于预计 中的“预计”）：其中的词不按限定词、目标词或估计词读。",
        inner(length(min = 1, max = limits::NAME)),
        extend("examples" = [["集中签约"]])
    )]
    pub compounds: Vec<String>,
    /// Words that open a sentence of estimates: 预计, 初步统计 …
    #[serde(default)]
    #[schemars(
        description = "表示估计的句首词：预计、初步统计 …；以它开头的整句中的数字都是估计数。",
        inner(length(min = 1, max = limits::NAME)),
        extend("examples" = [["初步测算"]])
    )]
    pub estimates: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Changes {
    #[serde(default)]
    #[schemars(
        description = "增加方向：增长、提高 …",
        inner(length(min = 1, max = limits::NAME))
    )]
    pub up: Vec<String>,
    #[serde(default)]
    #[schemars(
        description = "减少方向：下降、降低 …",
        inner(length(min = 1, max = limits::NAME))
    )]
    pub down: Vec<String>,
}

/// A target verb: the word alone, or with what it says of its number
/// (控制在: the number or less), so that 控制在5%以上 says two things.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
#[schemars(
    title = "目标动词",
    description = "目标动词：只写词（达到），或写成 { word: 控制在, meaning: less }，说明它给数字定的界。"
)]
pub enum VerbWord {
    Word(#[schemars(length(min = 1, max = limits::NAME))] String),
    Bound(BoundVerb),
}

/// A target verb with its meaning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "定界的目标动词")]
pub struct BoundVerb {
    #[schemars(
        description = "目标动词本身。",
        length(min = 1, max = limits::NAME),
        extend("examples" = ["控制在"])
    )]
    #[serde(deserialize_with = "text")]
    pub word: String,
    #[schemars(
        description = "含义：less 不多于（控制在），more 不少于，about 约数。与之相反的限定词（控制在5%以上）是错误。"
    )]
    pub meaning: Meaning,
}

impl VerbWord {
    pub fn word(&self) -> &str {
        match self {
            VerbWord::Word(w) => w,
            VerbWord::Bound(b) => &b.word,
        }
    }

    pub fn meaning(&self) -> Option<Meaning> {
        match self {
            VerbWord::Word(_) => None,
            VerbWord::Bound(b) => Some(b.meaning),
        }
    }
}

/// A word, or a mapping of the word with its meaning; each kind's own
/// errors (a missing `meaning`, a number for a word) as serde words them.
impl<'de> Deserialize<'de> for VerbWord {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = VerbWord;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<VerbWord, E> {
                Ok(VerbWord::Word(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<VerbWord, A::Error> {
                BoundVerb::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(VerbWord::Bound)
            }
        }
        d.deserialize_any(Visit)
    }
}

/// A qualifier and its place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "限定词")]
pub struct QualifierWord {
    #[schemars(
        description = "限定词本身。",
        length(min = 1, max = limits::NAME),
        extend("examples" = ["逾"])
    )]
    #[serde(deserialize_with = "text")]
    pub word: String,
    #[schemars(
        description = "位置：before 在数字前（近300家），after 在单位后（5.5%以内），inside 在数量级后、单位前（2万余户）。"
    )]
    pub position: Position,
    /// What it says of the number, so that a share of 100%以上 or a range
    /// of 6%—7%以上 can be told apart from 100%左右; a project's own word
    /// may leave it out, and is then not checked for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "含义：about 约数（左右、约），more 不少于（以上、超过、余），less 不多于（以内、以下、近）。可省略：省略时不做与含义有关的检查。"
    )]
    pub meaning: Option<Meaning>,
}

/// What a qualifier says of its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Meaning {
    /// About the number: 左右, 上下, 约.
    About,
    /// The number or more: 以上, 超过, 余, 多, 突破, 不低于.
    More,
    /// The number or less, or just under it: 以内, 以下, 近, 接近.
    Less,
}

/// Where a qualifier goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Position {
    /// Before the number: 近300家.
    Before,
    /// After the unit: 5.5%以内.
    After,
    /// After the number's magnitude, before the unit: 2万余户, 300多家.
    Inside,
}

/// A year's achievements or a year's plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "成效或计划（data/*-achievements.yaml、data/*-plan.yaml）")]
pub struct Part {
    #[schemars(description = "achievements：当年工作成效；plan：下一年工作安排。")]
    pub kind: PartKind,
    /// The year this part is about.
    #[schemars(
        description = "本部分所说的年份；计划的年份是成效年份加一。",
        range(min = 1900, max = 2200)
    )]
    pub year: i64,
    /// The article's heading for this part; absent where it has none.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(
        description = "本部分的标题，照原文；原文没有时不写。写 null 表示待填，构建时会列出；--draft 时以【待填】显示。",
        length(min = 1, max = limits::TITLE),
        regex(pattern = r"\S")
    )]
    pub title: Option<Fill<String>>,
    /// Paragraphs the article places before its first heading, in order
    /// (the achievements' first, then the plan's).
    #[serde(default)]
    #[schemars(
        description = "原文在第一个标题之前的段落（先成效、后计划），照原文。",
        length(max = limits::PARAGRAPHS),
        inner(length(min = 1, max = limits::PARAGRAPH))
    )]
    pub opening: Vec<Fill<String>>,
    /// Paragraphs right after the part's heading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(
        description = "本部分标题之后的段落，照原文；主要目标那句话写在这里或小节中，目标用 {id} 占位。",
        length(max = limits::PARAGRAPHS),
        inner(length(min = 1, max = limits::PARAGRAPH))
    )]
    pub lead: Vec<Fill<String>>,
    /// Plan only: the main targets, which the paragraphs name as `{id}`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(
        description = "计划文件：主要目标；段落中以 {id} 引用。",
        length(max = limits::TARGETS)
    )]
    pub targets: Vec<Target>,
    /// The article's sections, in order.
    #[schemars(description = "各小节，按原文顺序。", length(max = limits::SECTIONS))]
    pub sections: Vec<Section>,
    /// Which figures make which chart; when absent, the defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "图表及其中的数字；省略时用默认图表。",
        length(max = limits::CHARTS)
    )]
    pub charts: Option<Vec<Chart>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PartKind {
    Achievements,
    Plan,
}

impl PartKind {
    pub fn name(self) -> &'static str {
        match self {
            PartKind::Achievements => "achievements",
            PartKind::Plan => "plan",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "小节")]
pub struct Section {
    #[schemars(
        description = "标识：小写英文字母开头，只用小写字母、数字和下划线，如 economy。",
        length(min = 1, max = limits::ID),
        regex(pattern = r"^[a-z][a-z0-9_]*$")
    )]
    #[serde(deserialize_with = "text")]
    pub id: String,
    /// The article's sub-heading; absent where the article has none (its
    /// first sentences follow the part's heading), null while to fill.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(
        description = "小标题，照原文；原文在该处没有小标题时不写 title。写 null 表示待填，构建时会列出；--draft 时以【待填】显示。",
        length(min = 1, max = limits::TITLE),
        regex(pattern = r"\S")
    )]
    pub title: Option<Fill<String>>,
    /// The article's sentences; figures appear as `{id}`, `{id.yoy}`,
    /// `{id.share}`, `{id.rank}` or `{id.value}` placeholders.
    #[serde(default)]
    #[schemars(
        description = "本节的段落，照原文；数字写成 {id}、{id.yoy}、{id.share}、{id.rank}、{id.value} 或（单位只印一次的并列中）{id.number} 占位。",
        length(max = limits::PARAGRAPHS),
        inner(length(min = 1, max = limits::PARAGRAPH))
    )]
    pub paragraphs: Vec<Fill<String>>,
    #[serde(default)]
    #[schemars(description = "本节的数字。", length(max = limits::FIGURES))]
    pub figures: Vec<Figure>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(description = "本节的排名。")]
    pub rankings: Vec<Ranking>,
}

/// A number the article states: an amount, a percentage, a range of them,
/// or a ratio.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "数字",
    description = "原文给出的一个数字。",
    extend("allOf" = [{
        "if": { "properties": { "unit": { "enum": ["%", "‰", "个百分点"] } }, "required": ["unit"] },
        "then": { "properties": { "value": { "anyOf": [
            { "type": "null" }, { "type": "string" }, { "type": "number", "minimum": -100, "maximum": 1000 }
        ] } } },
        "else": { "properties": { "value": { "anyOf": [
            { "type": "null" }, { "type": "string" }, { "type": "number", "minimum": 0 }
        ] } } }
    }])
)]
pub struct Figure {
    #[schemars(
        description = "标识：小写英文字母开头，只用小写字母、数字和下划线，如 new_jobs。",
        length(min = 1, max = limits::ID),
        regex(pattern = r"^[a-z][a-z0-9_]*$"),
        extend("examples" = ["new_jobs"])
    )]
    #[serde(deserialize_with = "text")]
    pub id: String,
    /// Short name for cards, charts and tables, in the article's words.
    #[schemars(
        description = "名称：卡片、图表和表格中显示，用原文的词。",
        length(min = 1, max = limits::LABEL),
        regex(pattern = r"\S"),
        extend("examples" = ["新增市场主体"])
    )]
    #[serde(deserialize_with = "text")]
    pub label: String,
    /// The number, as the article prints it (172.80 stays 172.80); the
    /// lower bound of a range. Absent for a ratio.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(
        description = "数值，照原文写（7500、10.0、172.80）；范围的下限。比例（ratio）不写。null 表示待填。"
    )]
    pub value: Option<Fill<Num>>,
    /// The upper bound of a range (6.5%—8%).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "范围的上限：6.5%—8% 写 value: 6.5、to: 8。")]
    pub to: Option<Num>,
    /// The dash of a range as the article prints it: —, -, ～, 至, 到.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "范围的连接号，照原文：—（默认）、-、～、至、到。",
        length(min = 1, max = 2)
    )]
    pub dash: Option<String>,
    /// A ratio's parts (三次产业结构为3.2：44.2：52.6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "比例的各项：3.2：44.2：52.6 写 [3.2, 44.2, 52.6]；不写 value 和 unit。null 表示待填。",
        schema_with = "ratio_parts"
    )]
    pub ratio: Option<Vec<Fill<Num>>>,
    /// The colon between a ratio's parts as printed: ：, :, the ratio sign ∶ or ︰.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "比例各项之间的冒号，照原文：：（默认）、:、比号 ∶ 或 ︰。",
        length(min = 1, max = 1)
    )]
    pub colon: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "单位，照原文：亿元、万户、%、个百分点 … 内置单位见 templates/vocabulary.yaml，其他单位在 meta.yaml 的 vocabulary.units 中声明。比例不写单位。",
        length(min = 1, max = limits::NAME),
        extend("examples" = ["亿元"])
    )]
    pub unit: Option<String>,
    /// The article prints the number without a unit (an index, an exchange
    /// rate, a coefficient): it has no `unit`, and a missing one is no slip.
    #[serde(default, skip_serializing_if = "is_false")]
    #[schemars(
        description = "原文不带单位的数（价格指数102.0、平均汇率6.8985、系数）为 true，这时不写 unit。"
    )]
    pub unitless: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "限定词：左右、以上、以内、以下、余、多、近、超、超过、突破、约 …",
        length(min = 1, max = limits::NAME)
    )]
    pub qualifier: Option<String>,
    /// How the article writes the number when not as digits (百 for 超百个,
    /// 1.5万 for 15000); it must denote the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "原文不用 value 的写法时的写法：“超百个”的“百”、“1.5万人”的“1.5万”；须与 value 相等。",
        length(min = 1, max = limits::WRITTEN)
    )]
    pub written: Option<String>,
    /// The article states the figure as an estimate (its sentence begins
    /// with 预计 or another word of `estimates`).
    #[serde(default, skip_serializing_if = "is_false")]
    #[schemars(description = "估计数：所在句子以“预计”等词开头时为 true，且须为 true。")]
    pub estimate: bool,
    /// Change against a base (同比增长, 比上年增长, 提高…个百分点).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "与基期相比的变化（可省略）。")]
    pub yoy: Option<Yoy>,
    /// Shares of a larger whole (占全市的 x%, 占GDP比重 x%).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(description = "占比：占全市的 x%，占GDP比重 x%。")]
    pub share: Vec<Share>,
    /// The figure's own ranking (增速全市第一, 居全市之首).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "这个数字的排名：增速全市第一、居全市之首（可省略）。")]
    pub rank: Option<Rank>,
    /// Plan figures: the id of the achievements figure that measures the same thing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "计划文件中：成效文件里衡量同一件事的数字的 id（用于“实绩与目标”对比图）。",
        length(min = 1, max = limits::ID)
    )]
    pub compare: Option<String>,
    /// Shown as an indicator card on the overview page and key slides.
    #[serde(default, skip_serializing_if = "is_false")]
    #[schemars(description = "为 true 时作为指标卡片显示在要点页和幻灯片上。")]
    pub headline: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "变化",
    extend("allOf" = [{
        "if": { "anyOf": [
            { "not": { "required": ["unit"] } },
            { "properties": { "unit": { "enum": ["%", "‰", "个百分点"] } } }
        ] },
        "then": { "properties": { "value": { "anyOf": [
            { "type": "null" }, { "type": "string" }, { "type": "number", "minimum": -100, "maximum": 1000 }
        ] } } },
        "else": { "properties": { "value": { "anyOf": [
            { "type": "null" }, { "type": "string" }, { "type": "number", "minimum": 0 }
        ] } } }
    }])
)]
pub struct Yoy {
    /// In the unit (percent by default).
    #[schemars(description = "变化的数值，照原文（4.2、10.0）；单位默认为 %。null 表示待填。")]
    pub value: Fill<Num>,
    #[schemars(
        description = "动词，须与段落一致：增长、增加、提高、下降 …",
        length(min = 1, max = limits::NAME),
        extend("examples" = ["增长"])
    )]
    #[serde(deserialize_with = "text")]
    pub verb: String,
    /// What the change is measured against, as the paragraph says it
    /// before the verb: 同比, 比上年, 同口径.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "基准，段落中写在动词前的词：同比、比上年、同口径 …；段落中有就须写上。",
        length(min = 1, max = limits::NAME)
    )]
    pub basis: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "单位：%（默认）、个百分点，或数量变化的单位（净增50亿元写 亿元）。",
        length(min = 1, max = limits::NAME)
    )]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "限定词：左右、以上 …", length(min = 1, max = limits::NAME))]
    pub qualifier: Option<String>,
    /// The upper bound of a range of change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "范围的上限：增长6%—8% 写 value: 6、to: 8。")]
    pub to: Option<Num>,
    /// The dash of a range of change as printed: —, -, ～, 至, 到.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "范围的连接号，照原文：—（默认）、-、～、至、到。",
        length(min = 1, max = 2)
    )]
    pub dash: Option<String>,
    /// How the article writes the change when not as digits (一倍 for
    /// 增长1倍); it must denote the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "原文不用 value 的写法时的写法：“增长一倍”的“一”；须与 value 相等。",
        length(min = 1, max = limits::WRITTEN)
    )]
    pub written: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "占比")]
pub struct Share {
    /// A place: 全市, 全省 (占全市的 x%).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "范围：全区、全市、全省、全国 …（占全市的 x%）；与 of 二选一。",
        length(min = 1, max = limits::NAME),
        extend("examples" = ["全市"]),
        extend("x-hint" = "show")
    )]
    pub scope: Option<String>,
    /// A quantity: GDP (占GDP比重 x%).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "所占的量：GDP、一般公共预算收入 …（占GDP比重 x%）；与 scope 二选一。",
        length(min = 1, max = limits::LABEL)
    )]
    pub of: Option<String>,
    /// In percent, 0 to 100.
    #[schemars(
        description = "占比的百分数，0 到 100，照原文。null 表示待填。",
        schema_with = "share_value"
    )]
    pub value: Fill<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "限定词：以上、左右 …", length(min = 1, max = limits::NAME))]
    pub qualifier: Option<String>,
}

/// A figure's ranking: where it stands in a whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "名次")]
pub struct Rank {
    #[schemars(
        description = "范围：全区、全市、全省、全国 …",
        length(min = 1, max = limits::NAME),
        extend("examples" = ["全市"])
    )]
    #[serde(deserialize_with = "text")]
    pub scope: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "名次：1 为第一。",
        range(min = 1, max = 999),
        extend("examples" = [1]),
        extend("x-hint" = "show")
    )]
    pub position: Option<i64>,
    /// Words of the place instead of 第N, as printed: 之首, 前列.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "名次的说法，照原文，代替“第N”：之首、前列 …；“居全市之首”写 position: 1、standing: 之首。",
        length(min = 1, max = limits::NAME)
    )]
    pub standing: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "连续年数（连续四年写 4），至少 2；段落中须写同样的“连续N年”。",
        range(min = 2, max = 99)
    )]
    pub years: Option<i64>,
    /// The words before the place, as the paragraph has them: 居, 位居,
    /// 增速, 排名 (none where the place follows the subject directly).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "段落中名次前的词，照原文：居、位居、均居、增速、排名 …（没有就不写）。",
        length(min = 1, max = limits::NAME)
    )]
    pub verb: Option<String>,
}

/// A ranking without a number of its own (居全市第一, 位居全市前列).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "排名",
    description = "没有数值的排名：均居全市第一、位居全市前列。"
)]
pub struct Ranking {
    #[schemars(
        description = "标识：小写英文字母开头，只用小写字母、数字和下划线。",
        length(min = 1, max = limits::ID),
        regex(pattern = r"^[a-z][a-z0-9_]*$")
    )]
    #[serde(deserialize_with = "text")]
    pub id: String,
    #[schemars(
        description = "排名的主体，须出现在段落中。",
        inner(length(min = 1, max = limits::LABEL)),
        extend("examples" = [["公共预算收入", "工业增加值"]])
    )]
    pub subjects: Vec<String>,
    #[schemars(
        description = "范围：全区、全市、全省、全国 …",
        length(min = 1, max = limits::NAME)
    )]
    #[serde(deserialize_with = "text")]
    pub scope: String,
    #[serde(default)]
    #[schemars(
        description = "名次：1 为第一；只有“前列”之类时写 null 并给出 standing。",
        range(min = 1, max = 999)
    )]
    pub position: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "名次的说法，照原文，代替“第N”：之首、前列 …",
        length(min = 1, max = limits::NAME)
    )]
    pub standing: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "连续年数（连续四年写 4），至少 2；段落中须写同样的“连续N年”。",
        range(min = 2, max = 99)
    )]
    pub years: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "段落中名次前的词，照原文：均居、位居、居 …（没有就不写）。",
        length(min = 1, max = limits::NAME)
    )]
    pub verb: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    #[schemars(description = "估计：所在句子以“预计”等词开头时为 true，且须为 true。")]
    pub estimate: bool,
}

impl Ranking {
    /// The place, as a figure's own rank is.
    pub fn rank(&self) -> Rank {
        Rank {
            scope: self.scope.clone(),
            position: self.position,
            standing: self.standing.clone(),
            years: self.years,
            verb: self.verb.clone(),
        }
    }
}

/// One of the plan's main targets: a number (增长6.5%左右, 达到1900万标箱)
/// or a goal in words (完成市下达目标).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "主要目标",
    description = "计划的一项主要目标：段落中以 {id} 引用，印出数值或 goal。",
    extend("allOf" = [{
        "if": { "properties": { "unit": { "enum": ["%", "‰", "个百分点"] } }, "required": ["unit"] },
        "then": { "properties": { "value": { "anyOf": [
            { "type": "null" }, { "type": "string" }, { "type": "number", "minimum": -100, "maximum": 1000 }
        ] } } },
        "else": { "properties": { "value": { "anyOf": [
            { "type": "null" }, { "type": "string" }, { "type": "number", "minimum": 0 }
        ] } } }
    }, {
        "if": { "required": ["goal"] },
        "then": { "properties": {
            "value": false, "unit": false, "to": false, "qualifier": false, "written": false
        } }
    }])
)]
pub struct Target {
    #[schemars(
        description = "标识：小写英文字母开头，只用小写字母、数字和下划线。",
        length(min = 1, max = limits::ID),
        regex(pattern = r"^[a-z][a-z0-9_]*$")
    )]
    #[serde(deserialize_with = "text")]
    pub id: String,
    #[schemars(
        description = "指标名称（目标表中显示）。",
        length(min = 1, max = limits::LABEL),
        extend("examples" = ["地区生产总值"])
    )]
    #[serde(deserialize_with = "text")]
    pub indicator: String,
    /// The verb before the value in the paragraph: 增长, 达到, 达, 控制在,
    /// 下降 (a verb of decrease makes the target a decrease).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "段落中数值前的动词：增长、达到、达、控制在、下降 …；数值目标必须写。下降、降低等表示减少的目标。",
        length(min = 1, max = limits::NAME)
    )]
    pub verb: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "基准，段落中写在动词前的词：同口径、同比 …",
        length(min = 1, max = limits::NAME)
    )]
    pub basis: Option<String>,
    /// The number; absent for a goal in words.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(
        description = "目标值，照原文；范围的下限。用文字表述的目标（goal）不写。null 表示待填。"
    )]
    pub value: Option<Fill<Num>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "范围的上限：增长6.5%—8% 写 value: 6.5、to: 8。")]
    pub to: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "范围的连接号，照原文：—（默认）、-、～、至、到。",
        length(min = 1, max = 2)
    )]
    pub dash: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "单位：%、亿元、万标箱 …", length(min = 1, max = limits::NAME))]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "限定词：左右、以上、以内 …", length(min = 1, max = limits::NAME))]
    pub qualifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "原文不用 value 的写法时的写法；须与 value 相等。",
        length(min = 1, max = limits::WRITTEN)
    )]
    pub written: Option<String>,
    /// A target in words, printed where the paragraph names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "用文字表述的目标，照原文：完成市下达目标、与经济增长基本同步；不写 value 和 unit。",
        length(min = 1, max = limits::LABEL),
        extend("examples" = ["完成市下达目标"])
    )]
    pub goal: Option<String>,
    /// The achievements figure this target continues (its growth, or its
    /// value in the target's unit): charted side by side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "成效文件中与此目标对应的数字的 id：“实绩与目标”图中并列显示。",
        length(min = 1, max = limits::ID)
    )]
    pub compare: Option<String>,
}

/// A chart: which figures (or targets) it shows and how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "图表")]
pub struct Chart {
    #[schemars(
        description = "标识：小写英文字母开头，只用小写字母、数字和下划线。",
        length(min = 1, max = limits::ID),
        regex(pattern = r"^[a-z][a-z0-9_]*$")
    )]
    #[serde(deserialize_with = "text")]
    pub id: String,
    #[schemars(
        description = "bars：同一单位的数值；shares：同一范围的比重（0–100%）；compare：计划数字或目标与成效中对应数字对比。"
    )]
    pub kind: ChartKind,
    /// The chart's title; a default from the theme's words when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "图表标题（可省略，省略时用主题中的默认用语）。",
        length(min = 1, max = limits::TITLE)
    )]
    pub title: Option<String>,
    /// Ids of figures or targets, in the order shown.
    #[schemars(
        description = "图中数字或目标的 id，按显示顺序。",
        length(min = 1, max = limits::MEMBERS)
    )]
    pub members: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    Bars,
    Shares,
    Compare,
}

impl ChartKind {
    pub fn name(self) -> &'static str {
        match self {
            ChartKind::Bars => "bars",
            ChartKind::Shares => "shares",
            ChartKind::Compare => "compare",
        }
    }
}

fn is_false(b: &bool) -> bool {
    !b
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

impl<T: JsonSchema> JsonSchema for Fill<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Fill_{}", T::schema_name()).into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        // null: still to fill in.
        <Option<T>>::json_schema(generator)
    }
}

/// A text a field must have: YAML's null (`~`, or nothing after the colon)
/// is refused as the wrong kind of value, not read as the word "null".
fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    match Option::<String>::deserialize(d)? {
        Some(text) => Ok(text),
        None => Err(serde::de::Error::invalid_type(
            serde::de::Unexpected::Unit,
            &"a string",
        )),
    }
}

/// A field that is there, even as null: `Some(Fill::Todo)` for null, `None`
/// (the default) only when the field is absent.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Fill<T>>, D::Error> {
    Fill::deserialize(d).map(Some)
}

/// A number of a bounded kind (a share, a change), or null (to fill).
fn bounded(lo: f64, hi: f64) -> schemars::Schema {
    schemars::json_schema!({
        "anyOf": [
            { "type": "number", "minimum": lo, "maximum": hi },
            { "type": "string", "pattern": num::PATTERN },
            { "type": "null" }
        ]
    })
}

/// A ratio's parts: numbers none of which is negative, or null to fill.
fn ratio_parts(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "array",
        "items": {
            "anyOf": [
                { "type": "number", "minimum": 0, "exclusiveMaximum": limits::MAX_VALUE },
                { "type": "string", "pattern": num::PATTERN },
                { "type": "null" }
            ]
        }
    })
}

/// `figures:` is a file name or `{ file, sheet }`.
fn figures_sheet(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let table = generator.subschema_for::<FiguresSheet>();
    schemars::json_schema!({
        "anyOf": [
            { "type": "string", "pattern": r"^[^/\\]+\.([xX][lL][sS][xX]?|[oO][dD][sS]|[cC][sS][vV])$", "examples": ["指标.xlsx"] },
            table
        ]
    })
}

fn share_value(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    bounded(0.0, 100.0)
}
