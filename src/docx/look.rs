//! The theme as the document uses it: the project's `theme.yaml` merged
//! over brief's defaults (as templates/lib.typ `make-theme` does), the
//! colours, faces by role, masthead and words.

use std::collections::HashMap;

use yaml_serde::Value;

use crate::chart::Rgb;

pub struct Look {
    colors: HashMap<String, Rgb>,
    fonts: HashMap<String, String>,
    words: HashMap<String, String>,
    pub masthead_text: Option<String>,
    pub masthead_color: Rgb,
}

fn strings(defaults: &Value, user: &Value, key: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for source in [defaults, user] {
        if let Some(Value::Mapping(m)) = source.get(key) {
            for (k, v) in m {
                if let (Some(k), Some(v)) = (k.as_str(), v.as_str()) {
                    out.insert(k.to_string(), v.to_string());
                }
            }
        }
    }
    out
}

impl Look {
    pub fn new(user: &Value) -> Look {
        let defaults: Value =
            yaml_serde::from_str(crate::data::theme::DEFAULTS).unwrap_or_default();
        let colors: HashMap<String, Rgb> = strings(&defaults, user, "colors")
            .into_iter()
            .filter_map(|(k, v)| Some((k, Rgb::parse(&v)?)))
            .collect();
        let masthead = strings(&defaults, user, "masthead");
        let primary = colors.get("primary").copied().unwrap_or(Rgb([0xC0, 0, 0]));
        Look {
            masthead_text: masthead.get("text").cloned(),
            masthead_color: masthead
                .get("color")
                .and_then(|c| Rgb::parse(c))
                .unwrap_or(primary),
            colors,
            fonts: strings(&defaults, user, "fonts"),
            words: strings(&defaults, user, "words"),
        }
    }

    /// A colour by role: primary, figure, text, secondary, muted, line,
    /// track, surface.
    pub fn color(&self, role: &str) -> Rgb {
        self.colors
            .get(role)
            .copied()
            .unwrap_or(Rgb([0x1A, 0x1A, 0x1A]))
    }

    /// The family of a role: masthead, title, heading, body, figure.
    pub fn font(&self, role: &str) -> &str {
        self.fonts
            .get(role)
            .map_or(crate::fonts::BUNDLED_SERIF, String::as_str)
    }

    /// A word of the theme with its {placeholders} filled.
    pub fn word(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut w = self.words.get(key).cloned().unwrap_or_default();
        for (k, v) in args {
            w = w.replace(&format!("{{{k}}}"), v);
        }
        w
    }

    /// The raw word, placeholders kept (the footer's page word).
    pub fn raw_word(&self, key: &str) -> String {
        self.words.get(key).cloned().unwrap_or_default()
    }
}
