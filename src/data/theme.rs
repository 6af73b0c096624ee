//! The look as data: `templates/theme.yaml` holds the defaults (colours and
//! faces by role, the masthead, the fixed words), a project's `theme.yaml`
//! changes what it names. Both documents merge the two; brief checks that the
//! project's file names only what the defaults have, with values of the
//! right kind.

use yaml_serde::Value;

use super::error::nearest;
use crate::tr;

/// The defaults shipped with brief, for projects without their own copy of
/// `templates/theme.yaml` (and for `brief init`).
pub const DEFAULTS: &str = include_str!("../../templates/theme.yaml");

/// The presets (`preset: gongwen`): theme-shaped looks that lie between the
/// defaults and a project's theme.
pub const PRESETS: &str = include_str!("../../templates/presets.yaml");

/// A key of the defaults file, as its comments document it: for the schema
/// and for the check of values that must be one of a few.
pub struct Documented {
    /// `colors`, or empty for a top-level key.
    pub section: String,
    pub key: String,
    /// The default as written.
    pub value: String,
    /// The key's comment, without the choices.
    pub note: String,
    /// `[none|quarter]` at the comment's end: the values it may take.
    pub choices: Vec<String>,
    /// The comment above a section (on its key for a top-level key).
    pub heading: String,
}

/// The keys of the defaults file with their comments, in order.
pub fn documented() -> Vec<Documented> {
    let mut out = Vec::new();
    let mut section = String::new();
    let mut heading = String::new();
    let mut comment = String::new();
    for line in DEFAULTS.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            comment.clear();
            continue;
        }
        if let Some(c) = trimmed.strip_prefix('#') {
            if !line.starts_with(' ') && comment.is_empty() {
                comment = c.trim().to_string();
            }
            continue;
        }
        let (key, rest) = trimmed.split_once(':').unwrap_or((trimmed, ""));
        let (value, note) = rest.split_once(" #").unwrap_or((rest, ""));
        let (value, note) = (value.trim().trim_matches('"'), note.trim());
        let (note, choices) = match note.rsplit_once('[') {
            Some((text, list)) if list.ends_with(']') => (
                text.trim(),
                list.trim_end_matches(']')
                    .split('|')
                    .map(str::to_string)
                    .collect(),
            ),
            _ => (note, Vec::new()),
        };
        let top = !line.starts_with(' ');
        if top {
            heading = std::mem::take(&mut comment);
            section = key.to_string();
            if value.is_empty() {
                continue; // a section
            }
        }
        out.push(Documented {
            section: if top { String::new() } else { section.clone() },
            key: key.to_string(),
            value: value.to_string(),
            note: note.to_string(),
            choices: if top && key == "preset" {
                preset_names()
            } else {
                choices
            },
            heading: heading.clone(),
        });
    }
    out
}

/// The presets' names, in their file's order.
pub fn preset_names() -> Vec<String> {
    let presets: Value = yaml_serde::from_str(PRESETS).expect("the presets parse");
    presets
        .as_mapping()
        .map(|m| {
            m.keys()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// The theme as the documents use it: the defaults, the preset the project
/// names, the project's own keys, each over the one before (null keeps what
/// is under it).
pub fn merged(defaults: &Value, user: &Value) -> Value {
    let mut out = match defaults {
        Value::Mapping(_) => defaults.clone(),
        _ => Value::Mapping(Default::default()),
    };
    if let Some(name) = user.get("preset").and_then(Value::as_str) {
        let presets: Value = yaml_serde::from_str(PRESETS).expect("the presets parse");
        if let Some(preset) = presets.get(name) {
            merge(&mut out, preset);
        }
    }
    merge(&mut out, user);
    out
}

/// The keys of brief's own defaults (`own`) that a project's copy of them
/// lacks: the templates read every one. Each is placed at the mapping that
/// should hold it (the file's start for a top-level key).
pub fn missing(own: &Value, copy: &Value) -> Vec<Problem> {
    fn walk(own: &Value, copy: &Value, path: &str, out: &mut Vec<Problem>) {
        let (Value::Mapping(own), Value::Mapping(copy)) = (own, copy) else {
            return;
        };
        for (k, v) in own {
            let Some(key) = k.as_str() else { continue };
            let full = if path.is_empty() {
                key.to_string()
            } else {
                format!("{path}.{key}")
            };
            match copy.get(k) {
                Some(c) => walk(v, c, &full, out),
                None => out.push(problem(
                    path,
                    "theme-defaults-missing",
                    tr!("theme-defaults-missing", key = full.as_str()),
                    Some(tr!("theme-defaults-missing-hint")),
                )),
            }
        }
    }
    let mut out = Vec::new();
    walk(own, copy, "", &mut out);
    out
}

/// A theme of the preset `user` names alone.
fn preset_only(user: &Value) -> Value {
    let mut only = yaml_serde::Mapping::new();
    if let Some(p) = user.get("preset") {
        only.insert(Value::from("preset"), p.clone());
    }
    Value::Mapping(only)
}

fn merge(base: &mut Value, over: &Value) {
    let Value::Mapping(over) = over else { return };
    let Value::Mapping(base) = base else { return };
    for (k, v) in over {
        match (base.get_mut(k), v) {
            (_, Value::Null) => {}
            (Some(b @ Value::Mapping(_)), Value::Mapping(_)) => merge(b, v),
            _ => {
                base.insert(k.clone(), v.clone());
            }
        }
    }
}

/// A problem of a theme file: its field path and message.
pub struct Problem {
    pub path: String,
    pub code: &'static str,
    pub message: String,
    pub hint: Option<String>,
    /// The word and the byte offset in it, for a problem at one place.
    pub spot: Option<(String, usize)>,
    /// Printed, but probably not meant: said, and the build goes on.
    pub warning: bool,
}

/// Checks `user` against `defaults`: only known keys, mappings where the
/// defaults have mappings, `#RRGGBB` colours, text elsewhere (or null, to
/// keep the default).
pub fn check(defaults: &Value, user: &Value) -> Vec<Problem> {
    let mut problems = Vec::new();
    walk(defaults, user, "", &mut problems);
    if problems.iter().all(|p| p.warning) {
        problems.extend(contrast(&merged(defaults, user), user));
    }
    problems
}

/// The lowest contrast (WCAG's ratio of luminances, 1 to 21) at which a
/// colour still reads against its ground: below it, text all but vanishes
/// (white on the white page, the card's text in the card's colour).
const MIN_CONTRAST: f64 = 2.0;

/// Colours the documents print text in, against what they print it on: the
/// white page, and the cards' `surface`. Each pair below the minimum is
/// said at the key the project set (the defaults read well).
fn contrast(theme: &Value, user: &Value) -> Vec<Problem> {
    let colour = |path: &str| -> Option<Rgb> {
        let mut v = theme;
        for key in path.split('.') {
            v = v.get(key)?;
        }
        let s = v.as_str().filter(|s| is_colour(s))?;
        let c = |i: usize| {
            u8::from_str_radix(&s[i..i + 2], 16)
                .map(f64::from)
                .unwrap_or(0.0)
        };
        Some((c(1), c(3), c(5)))
    };
    let set = |path: &str| {
        let mut v = user;
        for key in path.split('.') {
            match v.get(key) {
                Some(next) => v = next,
                None => return false,
            }
        }
        !v.is_null()
    };
    let white = Some((255.0, 255.0, 255.0));
    let mut pairs: Vec<(&str, Option<Rgb>, &str)> = [
        "colors.primary",
        "colors.figure",
        "colors.text",
        "colors.secondary",
        "colors.muted",
        "masthead.color",
    ]
    .into_iter()
    .map(|p| (p, white, "page"))
    .collect();
    for p in ["colors.text", "colors.figure"] {
        pairs.push((p, colour("colors.surface"), "colors.surface"));
    }
    let mut out = Vec::new();
    for (path, ground, ground_name) in pairs {
        let (Some(fg), Some(bg)) = (colour(path), ground) else {
            continue;
        };
        let ratio = contrast_ratio(fg, bg);
        if ratio >= MIN_CONTRAST {
            continue;
        }
        let at = if set(path) || !set(ground_name) {
            path
        } else {
            ground_name
        };
        let ground = if ground_name == "page" {
            tr!("theme-ground-page")
        } else {
            ground_name.to_string()
        };
        out.push(problem(
            at,
            "theme-contrast",
            tr!(
                "theme-contrast",
                colour = path,
                ground = ground,
                ratio = format!("{ratio:.1}")
            ),
            Some(tr!("theme-contrast-hint")),
        ));
    }
    out
}

/// An sRGB colour, 0–255 a channel.
type Rgb = (f64, f64, f64);

/// WCAG 2's contrast ratio of two colours.
fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let luminance = |(r, g, b): Rgb| {
        let lin = |c: f64| {
            let c = c / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    };
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// The keys the theme sets to null (`colors.primary`, `words.draft`): where
/// a `#` made the value a YAML comment, said at the key.
pub fn null_keys(user: &Value) -> Vec<String> {
    fn walk(v: &Value, path: &str, out: &mut Vec<String>) {
        if let Value::Mapping(m) = v {
            for (k, v) in m {
                let Some(k) = k.as_str() else { continue };
                let child = if path.is_empty() {
                    k.to_string()
                } else {
                    format!("{path}.{k}")
                };
                match v {
                    Value::Null => out.push(child),
                    _ => walk(v, &child, out),
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(user, "", &mut out);
    out
}

/// Whether `path` names a colour.
pub fn is_colour_key(path: &str) -> bool {
    path.starts_with("colors.") || path == "masthead.color"
}

fn walk(defaults: &Value, user: &Value, path: &str, out: &mut Vec<Problem>) {
    match (defaults, user) {
        (_, Value::Null) => {}
        (Value::Mapping(d), Value::Mapping(u)) => {
            for (key, value) in u {
                let Some(name) = key.as_str() else {
                    out.push(problem(path, "theme-bad-key", tr!("theme-bad-key"), None));
                    continue;
                };
                let child = if path.is_empty() {
                    name.to_string()
                } else {
                    format!("{path}.{name}")
                };
                match d.get(name) {
                    Some(default) => walk(default, value, &child, out),
                    None => {
                        let known: Vec<&str> = d.keys().filter_map(Value::as_str).collect();
                        let hint = nearest(name, known.iter().copied())
                            .map(|n| tr!("hint-did-you-mean", word = n));
                        out.push(problem(
                            &child,
                            "theme-unknown-key",
                            tr!(
                                "theme-unknown-key",
                                key = name,
                                known = known.join(&tr!("list-separator"))
                            ),
                            hint,
                        ));
                    }
                }
            }
        }
        (Value::Mapping(_), _) => out.push(problem(
            path,
            "theme-not-mapping",
            tr!("theme-not-mapping"),
            None,
        )),
        (_, Value::String(s)) if path.starts_with("colors.") || path == "masthead.color" => {
            if !is_colour(s) {
                out.push(problem(
                    path,
                    "theme-bad-colour",
                    tr!("theme-bad-colour", value = s.as_str()),
                    Some(tr!("theme-bad-colour-hint")),
                ));
            }
        }
        (_, Value::String(s)) if !choices(path).is_empty() && !choices(path).contains(s) => {
            let known = choices(path);
            let hint = nearest(s, known.iter().map(String::as_str))
                .map(|n| tr!("hint-did-you-mean", word = n));
            out.push(problem(
                path,
                "theme-bad-choice",
                tr!(
                    "theme-bad-choice",
                    value = s.as_str(),
                    known = known.join(&tr!("list-separator"))
                ),
                hint,
            ))
        }
        (_, Value::String(s)) if s.trim().is_empty() => out.push(problem(
            path,
            "data-empty-text",
            tr!("data-empty-text"),
            None,
        )),
        // The fixed words and the masthead's text are printed, with only
        // what brief fills into each ({year}, {n}) replaced.
        (default, Value::String(s)) if path.starts_with("words.") || path == "masthead.text" => {
            let max = super::limits::theme_text(path);
            let len = s.chars().count();
            if len > max {
                out.push(problem(
                    path,
                    "data-too-long",
                    tr!("data-too-long", length = len, max = max),
                    None,
                ));
            }
            let known = default
                .as_str()
                .and_then(placeholders)
                .unwrap_or_default()
                .into_iter()
                .map(|p| p.1)
                .collect();
            typing(path, s, out);
            word(path, s, known, out);
        }
        (_, Value::String(_)) => {}
        _ => out.push(problem(path, "theme-not-text", tr!("theme-not-text"), None)),
    }
}

/// The values a key may take (`briefing.han_latin_space`), none when any text.
fn choices(path: &str) -> Vec<String> {
    let (section, key) = path.rsplit_once('.').unwrap_or(("", path));
    documented()
        .into_iter()
        .find(|d| d.section == section && d.key == key)
        .map(|d| d.choices)
        .unwrap_or_default()
}

/// The `{name}` placeholders of a word with their byte ranges, as the
/// data's texts write them; none when a brace does not close.
fn placeholders(text: &str) -> Option<Vec<(std::ops::Range<usize>, &str)>> {
    let found = super::prose::placeholders(text).ok()?;
    Some(
        found
            .into_iter()
            .map(|p| (p.start..p.end, &text[p.start + 1..p.end - 1]))
            .collect(),
    )
}

/// A printed word of the theme: its placeholders are the `known` ones,
/// typed half-width in braces that close, with no number, other
/// placeholder or currency sign beside them and the word after them not
/// typed twice (`{year}年年`).
fn word(path: &str, s: &str, known: Vec<&str>, out: &mut Vec<Problem>) {
    let shown = || {
        known
            .iter()
            .map(|k| format!("{{{k}}}"))
            .collect::<Vec<_>>()
            .join(&tr!("list-separator"))
            + if known.is_empty() { "—" } else { "" }
    };
    // A word typed twice over (预计预计) is printed so on every tag.
    let chars: Vec<char> = s.trim().chars().collect();
    let half = chars.len() / 2;
    if half > 1 && chars.len().is_multiple_of(2) && chars[..half] == chars[half..] {
        let once: String = chars[..half].iter().collect();
        out.push(problem(
            path,
            "theme-word-doubled",
            tr!("theme-word-doubled", word = once),
            None,
        ));
        return;
    }
    if s.contains(['｛', '｝']) {
        out.push(problem(
            path,
            "prose-fullwidth-brace",
            tr!("prose-fullwidth-brace"),
            Some(tr!("prose-fullwidth-brace-hint")),
        ));
        return;
    }
    let Some(found) = placeholders(s) else {
        out.push(problem(
            path,
            "theme-unbalanced",
            tr!("theme-unbalanced", known = shown()),
            None,
        ));
        return;
    };
    let names: Vec<&str> = found.iter().map(|p| p.1).collect();
    for (at, name) in found {
        if !known.contains(&name) {
            let hint = nearest(name, known.iter().copied())
                .map(|n| tr!("hint-did-you-mean", word = format!("{{{n}}}")));
            out.push(problem(
                path,
                "theme-unknown-placeholder",
                tr!(
                    "theme-unknown-placeholder",
                    placeholder = format!("{{{name}}}"),
                    known = shown()
                ),
                hint,
            ));
            return;
        }
        let (before, after) = (&s[..at.start], &s[at.end..]);
        if after.starts_with(|c: char| c.is_ascii_digit() || c == '{')
            || before.ends_with(|c: char| c.is_ascii_digit())
        {
            out.push(problem(
                path,
                "prose-number-beside",
                tr!("prose-number-beside"),
                None,
            ));
            return;
        }
        if let Some(sign) = before
            .chars()
            .next_back()
            .filter(|c| matches!(c, '$' | '¥' | '￥' | '€' | '£'))
        {
            let sign = sign.to_string();
            out.push(problem(
                path,
                "prose-sign-before",
                tr!("prose-sign-before", sign = sign.as_str()),
                Some(tr!("prose-sign-before-hint", sign = sign.as_str())),
            ));
            return;
        }
        let mut next = after.chars();
        if let (Some(a), Some(b)) = (next.next(), next.next())
            && a == b
            && !a.is_whitespace()
        {
            let twice = format!("{a}{b}");
            out.push(problem(
                path,
                "theme-word-twice",
                tr!("theme-word-twice", word = twice.as_str()),
                None,
            ));
            return;
        }
    }
    // Each of the word's placeholders once: 第期 lost the number,
    // 共{total}页　第{total}页 numbered every page as the last.
    for k in &known {
        let count = names.iter().filter(|n| *n == k).count();
        if count != 1 {
            let placeholder = format!("{{{k}}}");
            let (code, message) = if count == 0 {
                (
                    "theme-placeholder-missing",
                    tr!(
                        "theme-placeholder-missing",
                        placeholder = placeholder.as_str()
                    ),
                )
            } else {
                (
                    "theme-placeholder-twice",
                    tr!(
                        "theme-placeholder-twice",
                        placeholder = placeholder.as_str()
                    ),
                )
            };
            out.push(problem(path, code, message, None));
            return;
        }
    }
}

fn problem(path: &str, code: &'static str, message: String, hint: Option<String>) -> Problem {
    Problem {
        path: path.to_string(),
        code,
        message,
        hint,
        spot: None,
        warning: false,
    }
}

/// The slips of typing a printed word shares with the data's texts: a
/// comment typed with the input method's ＃ (printed as the word), a space
/// at either end (a gap before what follows), an English comma or
/// semicolon between Chinese words (a warning).
fn typing(path: &str, s: &str, out: &mut Vec<Problem>) {
    let at = |mut p: Problem, offset: usize| {
        p.spot = Some((s.to_string(), offset));
        p
    };
    if let Some(offset) = super::load::fullwidth_comment(s) {
        out.push(at(
            problem(
                path,
                "syntax-fullwidth-hash",
                tr!("syntax-fullwidth-hash"),
                Some(tr!("syntax-fullwidth-hash-hint")),
            ),
            offset,
        ));
    } else if let Some(offset) = super::load::glued_hash(s) {
        let mut p = at(
            problem(
                path,
                "syntax-hash-glued",
                tr!("syntax-hash-glued"),
                Some(tr!("syntax-hash-glued-hint")),
            ),
            offset,
        );
        p.warning = true;
        out.push(p);
    } else if !s.trim().is_empty()
        && let Some(offset) = super::prose::edge_space(s)
    {
        out.push(at(
            problem(path, "data-edge-space", tr!("data-edge-space"), None),
            offset,
        ));
    }
    if let Some((offset, mark, full)) = super::prose::halfwidth_mark(s) {
        let mark = mark.to_string();
        let mut p = at(
            problem(
                path,
                "prose-halfwidth-mark",
                tr!("prose-halfwidth-mark", mark = mark.as_str()),
                Some(tr!(
                    "prose-halfwidth-mark-hint",
                    mark = mark.as_str(),
                    full = full
                )),
            ),
            offset,
        );
        p.warning = true;
        out.push(p);
    }
}

/// `#C00000`.
fn is_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// A face the theme asks for: its role, family, and which file names it.
#[derive(Debug, Clone, PartialEq)]
pub struct Face {
    pub role: String,
    pub family: String,
    pub from: FaceFrom,
}

/// Which file names a face.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaceFrom {
    /// The project's theme.yaml.
    Theme,
    /// The preset it selects: brief's own face of the role stands in where
    /// the machine lacks it.
    Preset,
    /// The defaults (templates/theme.yaml).
    Defaults,
}

/// The faces a theme names (after merging), by role, for the check that
/// every face is available.
pub fn faces(defaults: &Value, user: &Value) -> Vec<Face> {
    let look = merged(defaults, user);
    let family = |v: &Value, role: &str| {
        v.get("fonts")
            .and_then(|f| f.get(role))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let roles: Vec<String> = defaults
        .get("fonts")
        .and_then(Value::as_mapping)
        .map(|m| {
            m.keys()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let preset = merged(&Value::Null, &preset_only(user));
    roles
        .into_iter()
        .filter_map(|role| {
            let from = if family(user, &role).is_some() {
                FaceFrom::Theme
            } else if family(&preset, &role).is_some() {
                FaceFrom::Preset
            } else {
                FaceFrom::Defaults
            };
            Some(Face {
                family: family(&look, &role)?,
                from,
                role,
            })
        })
        .collect()
}

/// The theme file's schema, generated from the defaults (`templates/theme.yaml`):
/// each key with its comment there, or its default value, as description.
pub fn schema() -> String {
    let mut sections = serde_json::Map::new();
    let property = |d: &Documented| {
        let colour = d.section == "colors" || d.key == "color";
        let description = match (d.note.as_str(), d.value.as_str()) {
            ("", v) => format!("默认：{v}"),
            (n, "null") => n.to_string(),
            (n, v) => format!("{n}（默认 {v}）"),
        };
        let text = if colour {
            serde_json::json!({ "type": "string", "pattern": "^#[0-9A-Fa-f]{6}$" })
        } else if !d.choices.is_empty() {
            serde_json::json!({ "type": "string", "enum": d.choices })
        } else {
            serde_json::json!({
                "type": "string",
                "minLength": 1,
                "maxLength": super::limits::theme_text(&format!("{}.{}", d.section, d.key)),
                "pattern": "\\S"
            })
        };
        serde_json::json!({ "anyOf": [text, { "type": "null" }], "description": description })
    };
    for d in documented() {
        if d.section.is_empty() {
            let mut p = property(&d);
            p["description"] = serde_json::Value::String(d.heading.clone());
            sections.insert(d.key.clone(), p);
            continue;
        }
        let section = sections.entry(d.section.clone()).or_insert_with(|| {
            serde_json::json!({
                "type": ["object", "null"],
                "additionalProperties": false,
                "description": d.heading,
                "properties": {},
            })
        });
        section["properties"][&d.key] = property(&d);
    }
    let schema = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://brief.invalid/schema/theme.schema.json",
        "title": "brief 主题文件（theme.yaml）",
        "description": "只写要改的项，其余沿用 templates/theme.yaml 中的默认值。",
        "type": ["object", "null"],
        "additionalProperties": false,
        "properties": sections,
    });
    serde_json::to_string_pretty(&schema).expect("the schema serialises") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_theme_schema_has_every_default() {
        let schema: serde_json::Value = serde_json::from_str(&schema()).unwrap();
        let defaults: yaml_serde::Value = yaml_serde::from_str(DEFAULTS).unwrap();
        for (section, values) in defaults.as_mapping().unwrap() {
            let section = section.as_str().unwrap();
            let Some(values) = values.as_mapping() else {
                assert!(schema["properties"][section].is_object(), "{section}");
                continue;
            };
            for key in values.keys() {
                let key = key.as_str().unwrap();
                assert!(
                    schema["properties"][section]["properties"][key].is_object(),
                    "{section}.{key}"
                );
            }
        }
    }

    fn defaults() -> Value {
        yaml_serde::from_str(DEFAULTS).unwrap()
    }

    #[test]
    fn a_theme_may_change_what_the_defaults_have() {
        let user: Value = yaml_serde::from_str(
            "colors: {primary: '#1F4E79'}\nfonts: {body: 仿宋_GB2312}\nmasthead: {text: 某某区工作简报}\nwords: {thanks: 谢谢聆听}",
        )
        .unwrap();
        assert!(check(&defaults(), &user).is_empty());
    }

    #[test]
    fn unknown_keys_and_bad_colours_are_named() {
        let user: Value =
            yaml_serde::from_str("colours: {}\ncolors: {primary: red, figur: '#000000'}").unwrap();
        let problems = check(&defaults(), &user);
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["colours", "colors.primary", "colors.figur"]);
        assert!(problems[0].hint.as_deref().unwrap().contains("colors"));
    }

    fn face(role: &str, family: &str, from: FaceFrom) -> Face {
        Face {
            role: role.into(),
            family: family.into(),
            from,
        }
    }

    #[test]
    fn faces_come_from_the_theme_over_the_preset_over_the_defaults() {
        let user: Value = yaml_serde::from_str("preset: gongwen\nfonts: {body: 仿宋}").unwrap();
        let faces = faces(&defaults(), &user);
        assert!(faces.contains(&face("body", "仿宋", FaceFrom::Theme)));
        assert!(faces.contains(&face("title", "方正小标宋简体", FaceFrom::Preset)));
        let plain = super::faces(&defaults(), &Value::Null);
        assert!(plain.contains(&face("heading", "Noto Sans SC", FaceFrom::Defaults)));
    }

    #[test]
    fn a_choice_outside_its_list_is_named_with_the_list() {
        let user: Value = yaml_serde::from_str(
            "preset: gongwne\nbriefing: {han_latin_space: quater, page_numbers: gongwen}",
        )
        .unwrap();
        let problems = check(&defaults(), &user);
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["preset", "briefing.han_latin_space"]);
        assert!(problems[0].hint.as_deref().unwrap().contains("gongwen"));
        assert!(problems[1].message.contains("none"));
    }

    #[test]
    fn a_printed_word_fills_only_its_own_placeholders_and_nothing_beside_them() {
        let codes = |yaml: &str| -> Vec<&'static str> {
            let user: Value = yaml_serde::from_str(yaml).unwrap();
            check(&defaults(), &user).iter().map(|p| p.code).collect()
        };
        assert!(codes("words: {indicators: '{year}年度主要指标'}").is_empty());
        assert_eq!(
            codes("masthead: {text: '新区{year}工作简报'}"),
            ["theme-unknown-placeholder"]
        );
        assert_eq!(
            codes("words: {indicators: '${year}年主要指标'}"),
            ["prose-sign-before"]
        );
        assert_eq!(
            codes("words: {indicators: '{year}{year}年主要指标'}"),
            ["prose-number-beside"]
        );
        // Each placeholder once (hostile round 5): the number lost,
        // every page numbered as the last, the plan's year lost.
        assert_eq!(
            codes("words: {issue: '第期'}"),
            ["theme-placeholder-missing"]
        );
        assert_eq!(
            codes("words: {estimate: '预计预计'}"),
            ["theme-word-doubled"]
        );
        // 谢谢 is one word, not 谢 twice.
        assert!(codes("words: {thanks: '谢谢'}").is_empty());
        assert_eq!(
            codes("words: {printed: '印发'}"),
            ["theme-placeholder-missing"]
        );
        assert_eq!(
            codes("words: {page: '共{total}页　第{total}页'}"),
            ["theme-placeholder-missing"]
        );
        assert_eq!(
            codes("words: {compare: '{year0}年实绩与{year0}年目标'}"),
            ["theme-placeholder-twice"]
        );
        assert!(codes("words: {page: '{n}/{total}'}").is_empty());
        assert_eq!(
            codes("words: {indicators: '2{year}年主要指标'}"),
            ["prose-number-beside"]
        );
        assert_eq!(
            codes("words: {indicators: '{year}年年主要指标'}"),
            ["theme-word-twice"]
        );
        let long = format!("masthead: {{text: '{}'}}", "简报".repeat(50) + "新区");
        assert_eq!(codes(&long), ["data-too-long"]);
    }

    #[test]
    fn a_colour_that_vanishes_on_its_ground_is_said_at_the_key_set() {
        let paths = |yaml: &str| -> Vec<String> {
            let user: Value = yaml_serde::from_str(yaml).unwrap();
            check(&defaults(), &user)
                .into_iter()
                .filter(|p| p.code == "theme-contrast")
                .map(|p| p.path)
                .collect()
        };
        assert!(paths("colors: {primary: '#1F4E79'}").is_empty());
        assert_eq!(paths("colors: {primary: '#FFFFFF'}"), ["colors.primary"]);
        assert_eq!(paths("masthead: {color: '#FFFFF0'}"), ["masthead.color"]);
        // The card's ground set to the text's colour: said at the ground.
        assert_eq!(paths("colors: {surface: '#1A1A1A'}"), ["colors.surface"]);
        assert!((contrast_ratio((0.0, 0.0, 0.0), (255.0, 255.0, 255.0)) - 21.0).abs() < 0.01);
    }
}
