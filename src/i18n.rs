//! brief's own words in its user's language.
//!
//! Every message brief prints, its `--help` and its report headings come from
//! the Fluent catalogues `i18n/en.ftl` and `i18n/zh.ftl` (compiled in). The
//! language is chosen once, at start-up: `--lang` or `BRIEF_LANG` (`zh`,
//! `en`), else the POSIX locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`):
//! Chinese when it starts with `zh`, English otherwise. Typst's own compiler
//! messages stay as typst writes them.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The languages brief speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    /// `zh`, `zh_CN.UTF-8`, `zh-Hans` → Chinese; `en`, `C`, `POSIX` → English.
    pub fn parse(value: &str) -> Option<Lang> {
        let value = value.trim().to_ascii_lowercase();
        if value.starts_with("zh") {
            Some(Lang::Zh)
        } else if value.starts_with("en")
            || value == "c"
            || value.starts_with("c.")
            || value == "posix"
        {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// From the environment: `BRIEF_LANG`, else the POSIX locale variables
    /// in their order of precedence (the first one set decides).
    pub fn from_env() -> Lang {
        if let Some(lang) = std::env::var("BRIEF_LANG")
            .ok()
            .as_deref()
            .and_then(Lang::parse)
        {
            return lang;
        }
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            match std::env::var(var) {
                Ok(v) if !v.is_empty() => {
                    return if v.to_ascii_lowercase().starts_with("zh") {
                        Lang::Zh
                    } else {
                        Lang::En
                    };
                }
                _ => {}
            }
        }
        Lang::En
    }
}

/// The encoding of the user's terminal, from the POSIX locale's codeset
/// (`zh_CN.GB18030`, `zh_CN.GBK`): none when it is UTF-8 or unknown.
fn terminal_encoding() -> Option<&'static encoding_rs::Encoding> {
    static ENCODING: OnceLock<Option<&'static encoding_rs::Encoding>> = OnceLock::new();
    *ENCODING.get_or_init(|| {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|v| !v.is_empty()))?;
        let codeset = locale.split_once('.')?.1;
        let codeset = codeset.split('@').next().unwrap_or(codeset);
        let encoding = encoding_rs::Encoding::for_label(codeset.as_bytes())?;
        (encoding != encoding_rs::UTF_8).then_some(encoding)
    })
}

/// Whether the terminal takes UTF-8 (the locale names no other codeset).
pub fn terminal_is_utf8() -> bool {
    terminal_encoding().is_none()
}

/// `text` in the terminal's encoding, for messages a person reads: under
/// `LANG=zh_CN.GB18030` a Chinese message in UTF-8 would show as mojibake.
/// A character the encoding lacks becomes a numeric reference (`&#…;`).
pub fn for_terminal(text: &str) -> std::borrow::Cow<'_, [u8]> {
    match terminal_encoding() {
        Some(encoding) => encoding.encode(text).0,
        None => std::borrow::Cow::Borrowed(text.as_bytes()),
    }
}

pub const EN: &str = include_str!("../i18n/en.ftl");
pub const ZH: &str = include_str!("../i18n/zh.ftl");

static LANG: OnceLock<Lang> = OnceLock::new();
static BUNDLES: OnceLock<(FluentBundle<FluentResource>, FluentBundle<FluentResource>)> =
    OnceLock::new();

/// Chooses the language for this run; later calls keep the first choice.
pub fn init(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language of this run (English until [`init`] chose).
pub fn lang() -> Lang {
    *LANG.get().unwrap_or(&Lang::En)
}

fn bundle(source: &'static str, locale: &str) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(source.to_string())
        .unwrap_or_else(|(_, errors)| panic!("the {locale} catalogue does not parse: {errors:?}"));
    let mut bundle = FluentBundle::new_concurrent(vec![locale.parse().expect("a locale")]);
    // Isolation marks (U+2068/U+2069) around arguments would end up in logs and files.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("the {locale} catalogue repeats a message: {errors:?}"));
    bundle
}

/// The message `id` in the language of this run, with its arguments.
pub fn message(id: &str, args: &[(&str, FluentValue)]) -> String {
    message_in(lang(), id, args)
}

/// The message `id` in `lang`. An unknown id is a bug that the catalogue
/// tests catch; it prints as the id itself rather than panicking.
pub fn message_in(lang: Lang, id: &str, args: &[(&str, FluentValue)]) -> String {
    let (en, zh) = BUNDLES.get_or_init(|| (bundle(EN, "en"), bundle(ZH, "zh-CN")));
    let bundle = match lang {
        Lang::En => en,
        Lang::Zh => zh,
    };
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// An operating-system error in the user's words (the common kinds; others
/// as the system says them).
pub fn io(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let id = match e.kind() {
        K::NotFound => "os-not-found",
        K::PermissionDenied => "os-permission",
        K::AlreadyExists => "os-exists",
        K::StorageFull => "os-full",
        K::ReadOnlyFilesystem => "os-read-only",
        K::IsADirectory => "os-is-directory",
        K::NotADirectory => "os-not-directory",
        K::InvalidFilename => "os-bad-name",
        K::FileTooLarge => "os-too-large",
        K::ResourceBusy => "os-busy",
        K::QuotaExceeded => "os-quota",
        K::DirectoryNotEmpty => "os-not-empty",
        K::TooManyLinks => "os-too-many-links",
        K::CrossesDevices => "os-crosses-devices",
        K::Interrupted => "os-interrupted",
        // The rest as the system says them, marked as its words.
        _ => return message("os-other", &[("error", value(e.to_string()))]),
    };
    message(id, &[])
}

/// `tr!("id")` or `tr!("id", name = value, ...)`: a message in the language
/// of this run. Values are anything that converts into a Fluent value
/// (strings, numbers); paths and other displays are passed as strings.
#[macro_export]
macro_rules! tr {
    ($id:literal $(,)?) => {
        $crate::i18n::message($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message(
            $id,
            &[$((stringify!($name), $crate::i18n::value($value))),+],
        )
    };
}

/// Converts an argument of [`tr!`] into a Fluent value.
pub fn value<T: IntoArg>(v: T) -> FluentValue<'static> {
    v.into_arg()
}

/// What [`tr!`] accepts as an argument.
pub trait IntoArg {
    fn into_arg(self) -> FluentValue<'static>;
}

impl IntoArg for String {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}

impl IntoArg for &String {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}

impl IntoArg for &str {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl IntoArg for $t {
            // As a string: Fluent's NUMBER formatting would group digits.
            fn into_arg(self) -> FluentValue<'static> {
                FluentValue::from(self.to_string())
            }
        }
    )*};
}
number_arg!(usize, u64, u32, u16, i64, i32, u8, f64);

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(source: &str) -> std::collections::BTreeSet<String> {
        source
            .lines()
            .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
            .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_string()))
            .collect()
    }

    #[test]
    fn both_catalogues_have_the_same_messages() {
        let (en, zh) = (ids(EN), ids(ZH));
        let only_en: Vec<_> = en.difference(&zh).collect();
        let only_zh: Vec<_> = zh.difference(&en).collect();
        assert!(only_en.is_empty(), "missing in zh.ftl: {only_en:?}");
        assert!(only_zh.is_empty(), "missing in en.ftl: {only_zh:?}");
    }

    /// Every Rust source of the crate, one after the other.
    fn sources() -> String {
        let mut sources = String::new();
        let mut dirs = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    // Comments name ids in passing (`tr!("id")`).
                    for line in std::fs::read_to_string(path).unwrap().lines() {
                        if !line.trim_start().starts_with("//") {
                            sources += line;
                            sources += "\n";
                        }
                    }
                }
            }
        }
        sources
    }

    /// The ids the code asks for by name: the literal of each `tr!(` and
    /// of each `message(` call.
    fn asked(sources: &str) -> std::collections::BTreeSet<String> {
        let mut out = std::collections::BTreeSet::new();
        for call in ["tr!(", "message(\"", "message_in(lang, \""] {
            for (i, _) in sources.match_indices(call) {
                let rest = sources[i + call.len()..].trim_start();
                let rest = rest.strip_prefix('"').unwrap_or(rest);
                if let Some(end) = rest.find('"') {
                    let id = &rest[..end];
                    if !id.is_empty()
                        && id
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    {
                        out.insert(id.to_string());
                    }
                }
            }
        }
        out
    }

    #[test]
    fn every_id_the_code_asks_for_is_in_the_catalogues() {
        // A misspelt id would print as itself; the compiler cannot see it.
        let (en, zh) = (ids(EN), ids(ZH));
        let found = asked(&sources());
        assert!(
            found.len() > 300,
            "{} ids found: the scan is broken",
            found.len()
        );
        let missing: Vec<_> = found
            .iter()
            .filter(|id| !en.contains(*id) || !zh.contains(*id))
            .collect();
        assert!(
            missing.is_empty(),
            "asked for but in no catalogue: {missing:?}"
        );
        // The scan sees a misspelt id.
        let misspelt = format!("tr!(\"{}\", x = 1)", "data-nonexistent-id");
        assert!(asked(&misspelt).contains("data-nonexistent-id"));
    }

    /// The variables (`{ $unit }`) of each message of a catalogue.
    fn variables(
        source: &str,
    ) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
        let mut out: std::collections::BTreeMap<_, std::collections::BTreeSet<_>> =
            Default::default();
        let mut current: Option<String> = None;
        for line in source.lines() {
            if line.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                && let Some((id, _)) = line.split_once(" =")
            {
                current = Some(id.trim().to_string());
            } else if line.trim().is_empty() || line.starts_with('#') {
                current = None;
            }
            let Some(id) = &current else { continue };
            let vars = out.entry(id.clone()).or_default();
            for (i, _) in line.match_indices('$') {
                let name: String = line[i + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                if !name.is_empty() {
                    vars.insert(name);
                }
            }
        }
        out
    }

    /// Each `tr!` call of `sources`: its id and the names of its arguments.
    fn calls(sources: &str) -> Vec<(String, Vec<String>)> {
        let mut out = Vec::new();
        for (i, _) in sources.match_indices("tr!(") {
            let body = &sources[i + 4..];
            // The arguments at the top level, up to the closing parenthesis.
            let (mut depth, mut in_str, mut escaped) = (0usize, false, false);
            let (mut args, mut arg) = (Vec::new(), String::new());
            for c in body.chars() {
                if in_str {
                    arg.push(c);
                    match (escaped, c) {
                        (true, _) => escaped = false,
                        (false, '\\') => escaped = true,
                        (false, '"') => in_str = false,
                        _ => {}
                    }
                    continue;
                }
                match c {
                    '"' => in_str = true,
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' if depth == 0 => break,
                    ')' | ']' | '}' => depth -= 1,
                    ',' if depth == 0 => {
                        args.push(std::mem::take(&mut arg));
                        continue;
                    }
                    _ => {}
                }
                arg.push(c);
            }
            args.push(arg);
            let Some(id) = args[0]
                .trim()
                .strip_prefix('"')
                .and_then(|a| a.strip_suffix('"'))
            else {
                continue;
            };
            let names = args[1..]
                .iter()
                .filter_map(|a| a.split_once('=').map(|(n, _)| n.trim().to_string()))
                .filter(|n| !n.is_empty())
                .collect();
            out.push((id.to_string(), names));
        }
        out
    }

    #[test]
    fn every_call_gives_every_variable_its_message_prints() {
        // A variable not given prints as `{$unit}`; the compiler cannot see it.
        let (en, zh) = (variables(EN), variables(ZH));
        let calls = calls(&sources());
        assert!(
            calls.len() > 300,
            "{} calls found: the scan is broken",
            calls.len()
        );
        let mut missing = Vec::new();
        for (id, names) in &calls {
            for var in en.get(id).into_iter().chain(zh.get(id)).flatten() {
                if !names.contains(var) {
                    missing.push(format!("{id}: ${var}"));
                }
            }
        }
        missing.dedup();
        assert!(
            missing.is_empty(),
            "tr! calls that leave a variable out: {missing:?}"
        );
        // The scan sees a variable left out.
        let calls = super::tests::calls("tr!(\"a\", word = f(x, \"),\"), unit = 1)");
        assert_eq!(
            calls,
            [(
                "a".to_string(),
                vec!["word".to_string(), "unit".to_string()]
            )]
        );
    }

    #[test]
    fn every_message_is_used_somewhere() {
        // Each id appears as a string literal in the sources (tr!("id"), or a
        // table of ids such as the help texts).
        let sources = sources();
        let unused: Vec<_> = ids(EN)
            .into_iter()
            .filter(|id| !sources.contains(&format!("\"{id}\"")))
            .collect();
        assert!(
            unused.is_empty(),
            "catalogue entries never used: {unused:?}"
        );
    }

    #[test]
    fn every_message_formats_in_both_languages() {
        for id in ids(EN) {
            for lang in [Lang::En, Lang::Zh] {
                let text = message_in(lang, &id, &[]);
                assert_ne!(text, id, "{id} has no value in {lang:?}");
            }
        }
    }

    #[test]
    fn locales_are_read_like_posix_does() {
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::parse("C.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("fr_FR"), None);
    }
}
