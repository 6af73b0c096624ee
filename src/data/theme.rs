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

/// A problem of a theme file: its field path and message.
pub struct Problem {
    pub path: String,
    pub code: &'static str,
    pub message: String,
    pub hint: Option<String>,
}

/// Checks `user` against `defaults`: only known keys, mappings where the
/// defaults have mappings, `#RRGGBB` colours, text elsewhere (or null, to
/// keep the default).
pub fn check(defaults: &Value, user: &Value) -> Vec<Problem> {
    let mut problems = Vec::new();
    walk(defaults, user, "", &mut problems);
    problems
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
        (_, Value::String(s)) if s.trim().is_empty() => out.push(problem(
            path,
            "data-empty-text",
            tr!("data-empty-text"),
            None,
        )),
        (Value::String(default), Value::String(s)) if path.starts_with("words.") => {
            let len = s.chars().count();
            if len > super::limits::WORD {
                out.push(problem(
                    path,
                    "data-too-long",
                    tr!("data-too-long", length = len, max = super::limits::WORD),
                    None,
                ));
            }
            // {year}, {n}: only what brief fills into this word.
            let known = placeholders(default);
            if let Some(unknown) = placeholders(s).into_iter().find(|p| !known.contains(p)) {
                let hint = nearest(unknown, known.iter().copied())
                    .map(|n| tr!("hint-did-you-mean", word = format!("{{{n}}}")));
                out.push(problem(
                    path,
                    "theme-unknown-placeholder",
                    tr!(
                        "theme-unknown-placeholder",
                        placeholder = format!("{{{unknown}}}"),
                        known = known
                            .iter()
                            .map(|k| format!("{{{k}}}"))
                            .collect::<Vec<_>>()
                            .join(&tr!("list-separator"))
                    ),
                    hint,
                ));
            }
        }
        (_, Value::String(_)) => {}
        _ => out.push(problem(path, "theme-not-text", tr!("theme-not-text"), None)),
    }
}

/// The `{name}` placeholders of a word.
fn placeholders(text: &str) -> Vec<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

fn problem(path: &str, code: &'static str, message: String, hint: Option<String>) -> Problem {
    Problem {
        path: path.to_string(),
        code,
        message,
        hint,
    }
}

/// `#C00000`.
fn is_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// The font families a theme names (after merging), for the check that
/// every face is available.
pub fn faces(defaults: &Value, user: Option<&Value>) -> Vec<(String, String)> {
    let pick = |v: Option<&Value>, role: &str| {
        v.and_then(|v| v.get("fonts"))
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
    roles
        .into_iter()
        .filter_map(|role| {
            let family = pick(user, &role).or_else(|| pick(Some(defaults), &role))?;
            Some((role, family))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn faces_come_from_the_theme_over_the_defaults() {
        let user: Value = yaml_serde::from_str("fonts: {body: 仿宋_GB2312}").unwrap();
        let faces = faces(&defaults(), Some(&user));
        assert!(faces.contains(&("body".to_string(), "仿宋_GB2312".to_string())));
        assert!(faces.contains(&("heading".to_string(), "Noto Sans SC".to_string())));
    }
}
