//! The theme as the exporters read it: the defaults, the preset and the
//! project's `theme.yaml` merged once at load (`theme::merged`, as
//! templates/lib.typ `make-theme` does), with typed colours by role. Every
//! key is there: brief's defaults hold them all, and a project's own
//! `templates/theme.yaml` missing one is an error at load
//! (`theme::missing`), so no exporter keeps a fallback of its own.

use std::collections::HashMap;

use yaml_serde::Value;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub [u8; 3]);

impl Rgb {
    pub fn hex(self) -> String {
        format!("{:02X}{:02X}{:02X}", self.0[0], self.0[1], self.0[2])
    }

    /// `#RRGGBB` (a theme's colour); none if it is not one.
    pub fn parse(s: &str) -> Option<Rgb> {
        let h = s.trim().strip_prefix('#')?;
        if h.len() != 6 || !h.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
        Some(Rgb([byte(0)?, byte(2)?, byte(4)?]))
    }
}

/// The colours by role (`colors:` of theme.yaml) that the exporters paint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Color {
    Primary,
    Figure,
    Text,
    Secondary,
    Muted,
    Line,
    Track,
    Surface,
}

impl Color {
    pub const ALL: [Color; 8] = [
        Color::Primary,
        Color::Figure,
        Color::Text,
        Color::Secondary,
        Color::Muted,
        Color::Line,
        Color::Track,
        Color::Surface,
    ];

    /// Its key in theme.yaml.
    pub fn key(self) -> &'static str {
        match self {
            Color::Primary => "primary",
            Color::Figure => "figure",
            Color::Text => "text",
            Color::Secondary => "secondary",
            Color::Muted => "muted",
            Color::Line => "line",
            Color::Track => "track",
            Color::Surface => "surface",
        }
    }
}

/// The face roles (`fonts:` of theme.yaml).
pub const FACES: [&str; 6] = [
    "masthead",
    "title",
    "heading",
    "subheading",
    "body",
    "figure",
];

#[derive(Debug, Clone)]
pub struct Look {
    /// The merged theme, as the templates receive it.
    pub value: Value,
    colors: HashMap<Color, Rgb>,
    fonts: HashMap<String, String>,
    words: HashMap<String, String>,
    pub masthead_text: Option<String>,
    pub masthead_color: Rgb,
}

fn strings(look: &Value, key: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    if let Some(Value::Mapping(m)) = look.get(key) {
        for (k, v) in m {
            // A face is a family or (family, fallback): the first is the one set.
            let v = v.as_str().or_else(|| v.as_sequence()?.first()?.as_str());
            if let (Some(k), Some(v)) = (k.as_str(), v) {
                out.insert(k.to_string(), v.to_string());
            }
        }
    }
    out
}

impl Look {
    /// `merged`: the theme as `theme::merged` made it, checked at load.
    pub fn new(merged: Value) -> Look {
        let colors = strings(&merged, "colors");
        let colors: HashMap<Color, Rgb> = Color::ALL
            .into_iter()
            .filter_map(|c| Some((c, Rgb::parse(colors.get(c.key())?)?)))
            .collect();
        let masthead = strings(&merged, "masthead");
        let primary = colors.get(&Color::Primary).copied();
        Look {
            masthead_text: masthead.get("text").cloned(),
            masthead_color: masthead
                .get("color")
                .and_then(|c| Rgb::parse(c))
                .or(primary)
                .unwrap_or(Rgb([0, 0, 0])),
            colors,
            fonts: strings(&merged, "fonts"),
            words: strings(&merged, "words"),
            value: merged,
        }
    }

    /// A colour by role.
    pub fn color(&self, role: Color) -> Rgb {
        self.colors.get(&role).copied().unwrap_or(Rgb([0, 0, 0]))
    }

    /// The family of a face role ([`FACES`]).
    pub fn font(&self, role: &str) -> &str {
        self.fonts.get(role).map_or("", String::as_str)
    }

    /// A word of the theme with its {placeholders} filled.
    pub fn word(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut w = self.raw_word(key);
        for (k, v) in args {
            w = w.replace(&format!("{{{k}}}"), v);
        }
        w
    }

    /// Whether the briefing numbers its pages as 公文 do (— 1 —, on the
    /// outer side: `briefing.page_numbers: gongwen`).
    pub fn gongwen_folio(&self) -> bool {
        self.value
            .get("briefing")
            .and_then(|b| b.get("page_numbers"))
            .and_then(Value::as_str)
            == Some("gongwen")
    }

    /// The raw word, placeholders kept (the footer's page word).
    pub fn raw_word(&self, key: &str) -> String {
        self.words.get(key).cloned().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every colour, face and word the exporters read is in brief's
    /// defaults, so the fallbacks above are never taken.
    #[test]
    fn brief_s_defaults_hold_every_key_the_exporters_read() {
        let defaults: Value = yaml_serde::from_str(super::super::theme::DEFAULTS).unwrap();
        let look = Look::new(defaults.clone());
        for c in Color::ALL {
            assert!(look.colors.contains_key(&c), "colors.{}", c.key());
        }
        assert!(
            look.masthead_text.is_some()
                || defaults["masthead"].get("text").is_some_and(Value::is_null)
        );
        let rust =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/docx/build.rs"))
                .unwrap()
                + &std::fs::read_to_string(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/src/chart/mod.rs"
                ))
                .unwrap()
                + &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/docx/mod.rs"))
                    .unwrap()
                + &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/pptx/mod.rs"))
                    .unwrap();
        for face in FACES {
            assert!(look.fonts.contains_key(face), "fonts.{face}");
        }
        let mut read = 0;
        for (call, table) in [("word(\"", &look.words), ("font(\"", &look.fonts)] {
            for piece in rust.split(call).skip(1) {
                let key = piece.split('"').next().unwrap();
                assert!(
                    table.contains_key(key),
                    "{call}{key}\" is not in theme.yaml"
                );
                read += 1;
            }
        }
        assert!(read > 15, "only {read} keys found");
    }
}
