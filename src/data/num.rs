//! A number exactly as the report prints it: the value to compute with and
//! the text to print (172.80 stays 172.80, 10.0 stays 10.0), read from YAML
//! numbers and strings alike, and what a number as people type it (6.8%,
//! 8300个, 8,300, full-width digits) is refused as, with the reason.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::limits;

/// The minus sign as statistics bulletins typeset it (U+2212); the keyboard
/// types `-`.
pub const MINUS: char = '\u{2212}';

/// The text of a number as the schema admits it.
pub const PATTERN: &str = "^-?(0|[1-9][0-9]{0,9})(\\.[0-9]{1,4})?$";

/// A number as the article prints it: the value, and the text the YAML
/// gives for it, which the documents print (172.80 stays 172.80, 10.0
/// stays 10.0; official statistics keep their decimals).
#[derive(Debug, Clone, PartialEq)]
pub struct Num {
    value: f64,
    text: String,
}

/// What the templates print is the text; a number is read from it.
impl Num {
    pub fn get(&self) -> f64 {
        self.value
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The number without its sign, as written: -11.5 is 11.5.
    pub fn abs(self) -> Num {
        match self.text.strip_prefix('-') {
            Some(digits) => Num {
                value: -self.value,
                text: digits.to_string(),
            },
            None => self,
        }
    }

    /// Digits after the decimal point, as written.
    pub fn decimals(&self) -> usize {
        self.text.split_once('.').map_or(0, |(_, d)| d.len())
    }

    /// Reads a number as a data file writes it: `-?digits(.digits)?`.
    /// What people type instead (6.8%, 8300个, 8,300, full-width digits,
    /// 1e3) is refused with the reason, for the loader's message.
    pub fn parse(text: &str) -> Result<Num, NumError> {
        let t = text.trim();
        let plain = |s: &str| {
            let s = s.strip_prefix('-').unwrap_or(s);
            let (int, frac) = s.split_once('.').unwrap_or((s, "0"));
            !int.is_empty()
                && !frac.is_empty()
                && int.bytes().all(|b| b.is_ascii_digit())
                && frac.bytes().all(|b| b.is_ascii_digit())
                && (int == "0" || !int.starts_with('0'))
        };
        if plain(t) {
            let value: f64 = t.parse().map_err(|_| NumError::Other)?;
            return Ok(Num {
                value,
                text: t.to_string(),
            });
        }
        // Full-width digits and point, as a Chinese input method types them;
        // the full stop 。 typed for the point between two digits (3。5).
        let chars: Vec<char> = t.chars().collect();
        let digit =
            |c: Option<&char>| c.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(c));
        let narrow: String = chars
            .iter()
            .enumerate()
            .map(|(i, &c)| match c {
                '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                '．' => '.',
                '。' if i > 0 && digit(chars.get(i - 1)) && digit(chars.get(i + 1)) => '.',
                '－' | MINUS => '-',
                c => c,
            })
            .collect();
        if narrow != t && plain(&narrow) {
            // Only the sign differs: the minus as typeset (−) or typed
            // full-width (－), which `written` keeps for print.
            let sign_only = t
                .strip_prefix(['－', MINUS])
                .is_some_and(|rest| rest == &narrow[1..]);
            return Err(if sign_only {
                NumError::Minus(narrow)
            } else {
                NumError::FullWidth(narrow)
            });
        }
        let digits_end = narrow
            .char_indices()
            .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == '-'))
            .map_or(narrow.len(), |(i, _)| i);
        let (number, rest) = narrow.split_at(digits_end);
        if plain(number) {
            let rest = rest.trim();
            if rest == "%" || rest == "％" {
                return Err(NumError::Percent(number.to_string()));
            }
            // 8,300 or 8，300 (a full-width comma is three bytes: round 18
            // found a slice inside it); 1，5 or 2409， is no grouping.
            if let Some(group) = rest.strip_prefix([',', '，'])
                && group.len() == 3
                && group.bytes().all(|b| b.is_ascii_digit())
            {
                return Err(NumError::Thousands(number.to_string() + group));
            }
            if rest.starts_with(['，', '、', '；', '：', ',', ';']) {
                return Err(NumError::Text);
            }
            // 3.5%左右: a percent with its qualifier is a unit and a word too.
            let percent_and = rest
                .strip_prefix(['%', '％'])
                .is_some_and(|r| r.starts_with(|c: char| !c.is_ascii()));
            if !rest.is_empty() && (!rest.starts_with(|c: char| c.is_ascii()) || percent_and) {
                return Err(NumError::Unit(number.to_string(), rest.to_string()));
            }
        }
        // In full-width quotes, as a Chinese input method types quotes.
        if let Some(inner) = t
            .strip_prefix(['“', '‘', '「'])
            .and_then(|r| r.strip_suffix(['”', '’', '」']))
            && plain(inner)
        {
            return Err(NumError::Quoted(inner.to_string()));
        }
        if let Some(inner) = t.strip_prefix('第').and_then(|r| r.strip_suffix('期'))
            && plain(inner)
        {
            return Err(NumError::Unit(inner.to_string(), "期".to_string()));
        }
        if t.starts_with('.') && plain(&format!("0{t}")) {
            return Err(NumError::Point(format!("0{t}")));
        }
        if t.parse::<f64>().is_ok() {
            return Err(NumError::Other);
        }
        Err(NumError::Text)
    }
}

/// Why a number was not read; the loader words it for the user.
#[derive(Debug, Clone, PartialEq)]
pub enum NumError {
    /// `6.8%`: the percent sign goes in `unit`.
    Percent(String),
    /// `8300个`: the unit goes in `unit` (number, unit).
    Unit(String, String),
    /// `8,300`: Chinese reports print no thousands separator.
    Thousands(String),
    /// `１２．３`: full-width digits, as typed (the half-width form).
    FullWidth(String),
    /// `−2.3`, `－2.3`: the minus as typeset or typed full-width (the
    /// number with the keyboard's `-`).
    Minus(String),
    /// `.5`: the point needs a digit before it (the number as written).
    Point(String),
    /// `“14”`: full-width quotes around the number.
    Quoted(String),
    /// `1e3`, `+5`, `0x10`, `010`.
    Other,
    /// Words, `true`, anything else.
    Text,
}

impl NumError {
    /// The serde message the loader recognises: `brief-num:KIND:ARG`.
    pub(crate) fn message(&self, text: &str) -> String {
        match self {
            NumError::Percent(n) => format!("brief-num:percent:{n}:{text}"),
            NumError::Unit(n, u) => format!("brief-num:unit:{n}:{u}"),
            NumError::Thousands(n) => format!("brief-num:thousands:{n}:{text}"),
            NumError::FullWidth(n) => format!("brief-num:fullwidth:{n}:{text}"),
            NumError::Minus(n) => format!("brief-num:minus:{n}:{text}"),
            NumError::Point(n) => format!("brief-num:point:{n}:{text}"),
            NumError::Quoted(n) => format!("brief-num:quoted:{n}:{text}"),
            NumError::Other => format!("brief-num:other::{text}"),
            NumError::Text => format!("brief-num:text::{text}"),
        }
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// As its text: the templates print it as written and read the value from it.
impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
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
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Num, E> {
                Num::parse(v).map_err(|e| E::custom(e.message(v)))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Num, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Num, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Num, E> {
                self.visit_str(&v.to_string())
            }
        }
        // The scalar's own text: YAML would read 172.80 as 172.8.
        d.deserialize_str(Visitor)
    }
}

impl JsonSchema for Num {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Number".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "数字，照原文写：7500、10.0、172.80（不写 %、单位和千位分隔符）。",
            "anyOf": [
                { "type": "number", "exclusiveMinimum": -limits::MAX_VALUE, "exclusiveMaximum": limits::MAX_VALUE },
                { "type": "string", "pattern": PATTERN }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_the_text_they_are_written_with() {
        #[derive(Deserialize)]
        struct T {
            a: Vec<Num>,
        }
        let t: T = yaml_serde::from_str("a: [172.80, 10.0, 7500, '3.50', -2.5, 0.05]").unwrap();
        let texts: Vec<&str> = t.a.iter().map(Num::text).collect();
        assert_eq!(texts, ["172.80", "10.0", "7500", "3.50", "-2.5", "0.05"]);
        assert_eq!(t.a[0].get(), 172.8);
        assert_eq!(serde_json::to_string(&t.a[0]).unwrap(), "\"172.80\"");
    }

    #[test]
    fn numbers_as_people_type_them_are_refused_with_the_reason() {
        assert_eq!(Num::parse("6.8%"), Err(NumError::Percent("6.8".into())));
        assert_eq!(
            Num::parse("8300个"),
            Err(NumError::Unit("8300".into(), "个".into()))
        );
        assert_eq!(Num::parse("8,300"), Err(NumError::Thousands("8300".into())));
        // The full-width comma, as an input method types it: no panic.
        assert_eq!(
            Num::parse("8，300"),
            Err(NumError::Thousands("8300".into()))
        );
        for typed in ["2，409", "2409，", "1，5", "１，５", "2409，。", "2409、"] {
            assert!(Num::parse(typed).is_err(), "{typed}");
        }
        assert_eq!(
            Num::parse("１２．３"),
            Err(NumError::FullWidth("12.3".into()))
        );
        // the full stop typed for the point: a point to make half-width, not a unit 。5
        assert_eq!(Num::parse("3。5"), Err(NumError::FullWidth("3.5".into())));
        assert_eq!(
            Num::parse("3。"),
            Err(NumError::Unit("3".into(), "。".into()))
        );
        assert_eq!(Num::parse(".5"), Err(NumError::Point("0.5".into())));
        // the article's minus: typeset (U+2212) or typed full-width
        assert_eq!(
            Num::parse("\u{2212}2.3"),
            Err(NumError::Minus("-2.3".into()))
        );
        assert_eq!(Num::parse("－2.3"), Err(NumError::Minus("-2.3".into())));
        assert_eq!(
            Num::parse("－２.3"),
            Err(NumError::FullWidth("-2.3".into()))
        );
        assert_eq!(
            Num::parse("第1期"),
            Err(NumError::Unit("1".into(), "期".into()))
        );
        for other in ["1e3", "+5", "010", "0x10"] {
            assert!(Num::parse(other).is_err(), "{other}");
        }
        assert_eq!(Num::parse("true"), Err(NumError::Text));
        assert_eq!(Num::parse("五"), Err(NumError::Text));
    }
}
