//! Every command-line definition, in one place. The help texts live in the
//! message catalogues (`i18n/*.ftl`), so that `--help` speaks the user's
//! language: [`command`] puts them on the definitions.

use std::path::PathBuf;

use clap::{Arg, ArgAction, Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::config::{DiagnosticFormat, Format, PdfStandard};
use crate::i18n;

#[derive(Debug, Parser)]
#[command(
    name = "brief",
    version,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    /// Language of messages and help: zh or en (default: from the locale)
    #[arg(long, global = true, value_name = "LANG", value_parser = ["zh", "en"])]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Build(BuildArgs),
    Watch(WatchArgs),
    Check(CheckArgs),
    Fonts(FontsArgs),
    Schema(SchemaArgs),
    Init(InitArgs),
}

#[derive(Debug, Clone, Args)]
pub struct ProjectArgs {
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub project: PathBuf,
}

#[derive(Debug, Clone, Args)]
pub struct FontArgs {
    #[arg(long = "font-path", value_name = "DIR")]
    pub font_paths: Vec<PathBuf>,
    #[arg(long)]
    pub system_fonts: bool,
}

/// The documents `--only` may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Only {
    Briefing,
    Slides,
}

#[derive(Debug, Clone, Args)]
pub struct CompileArgs {
    #[command(flatten)]
    pub project: ProjectArgs,
    #[command(flatten)]
    pub fonts: FontArgs,
    #[arg(long, value_enum, value_name = "DOC")]
    pub only: Option<Only>,
    #[arg(long, value_name = "UNIX_SECONDS", env = "SOURCE_DATE_EPOCH", value_parser = parse_timestamp, allow_hyphen_values = true)]
    pub creation_timestamp: Option<i64>,
    #[arg(long)]
    pub strict: bool,
    #[arg(long)]
    pub draft: bool,
    #[arg(long, value_name = "SECONDS", default_value_t = 120, value_parser = ranged(1, 86_400), allow_hyphen_values = true)]
    pub timeout: u64,
    #[arg(long, value_name = "MIB", default_value_t = 2048, value_parser = ranged(64, 1_048_576), allow_hyphen_values = true)]
    pub memory_limit: u64,
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = DiagnosticFormat::Human)]
    pub diagnostic_format: DiagnosticFormat,
}

#[derive(Debug, Clone, Args)]
pub struct OutputArgs {
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Pdf)]
    pub format: Format,
    #[arg(long, value_name = "PPI", default_value_t = 144.0, value_parser = parse_ppi, allow_hyphen_values = true)]
    pub ppi: f32,
    #[arg(
        long = "pdf-standard",
        value_enum,
        value_name = "STANDARD",
        value_delimiter = ','
    )]
    pub pdf_standards: Vec<PdfStandard>,
    #[arg(long)]
    pub handout: bool,
    #[arg(long)]
    pub pptx: bool,
    #[arg(long = "pptx-font", value_name = "FAMILY=NAME", value_parser = parse_face)]
    pub pptx_fonts: Vec<Vec<(String, String)>>,
    #[arg(long)]
    pub docx: bool,
    #[arg(long = "docx-font", value_name = "FAMILY=NAME", value_parser = parse_docx_face)]
    pub docx_fonts: Vec<Vec<(String, String)>>,
    #[arg(long)]
    pub force: bool,
    #[arg(long, value_name = "SECONDS", default_value_t = 0, value_parser = ranged(0, 86_400), allow_hyphen_values = true)]
    pub wait: u64,
}

impl Command {
    /// How the command prints its problems: `human` for the commands that
    /// have no `--diagnostic-format`.
    pub fn diagnostic_format(&self) -> DiagnosticFormat {
        match self {
            Command::Build(a) => a.compile.diagnostic_format,
            Command::Watch(a) => a.build.compile.diagnostic_format,
            Command::Check(a) => a.compile.diagnostic_format,
            Command::Fonts(_) | Command::Schema(_) | Command::Init(_) => DiagnosticFormat::Human,
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub compile: CompileArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub build: BuildArgs,
    #[arg(long, value_name = "MS", default_value_t = 100, value_parser = ranged(0, 60_000), allow_hyphen_values = true)]
    pub debounce: u64,
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub compile: CompileArgs,
}

#[derive(Debug, Clone, Args)]
pub struct FontsArgs {
    #[command(flatten)]
    pub project: ProjectArgs,
    #[command(flatten)]
    pub fonts: FontArgs,
    #[arg(long)]
    pub variants: bool,
}

#[derive(Debug, Clone, Args)]
pub struct SchemaArgs {
    #[arg(long)]
    pub theme: bool,
}

#[derive(Debug, Clone, Args)]
pub struct InitArgs {
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    #[arg(long, value_name = "PROJECT")]
    pub from: Option<PathBuf>,
    #[arg(long)]
    pub templates: bool,
}

/// The earliest and latest creation times brief accepts: years 1970 to 9999
/// (PDF dates and the 年月日 the documents print need a real year).
pub const TIMESTAMPS: std::ops::RangeInclusive<i64> = 0..=253_402_300_799;

/// The text of a whole number (digits, a minus before them), whatever its
/// size: one too large for any type is out of range, not "no number".
fn whole(s: &str) -> Result<&str, String> {
    let t = s.trim();
    let digits = t.strip_prefix('-').unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(crate::tr!("arg-not-integer", value = visible(s)));
    }
    Ok(t)
}

fn parse_timestamp(s: &str) -> Result<i64, String> {
    let t = whole(s)?;
    match t.parse::<i64>() {
        Ok(secs) if TIMESTAMPS.contains(&secs) => Ok(secs),
        _ => Err(crate::tr!(
            "arg-timestamp-range",
            value = t,
            max = *TIMESTAMPS.end()
        )),
    }
}

/// A whole number from `min` to `max`, refused in the user's words.
fn ranged(
    min: u64,
    max: u64,
) -> impl Fn(&str) -> Result<u64, String> + Clone + Send + Sync + 'static {
    move |s: &str| {
        let t = whole(s)?;
        match t.parse::<u64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(crate::tr!("arg-range", value = t, min = min, max = max)),
        }
    }
}

/// Pixels per inch. Below 24, the charts' hatching (a 3 pt tiling) is
/// smaller than a pixel, which typst's renderer cannot draw (it panics).
fn parse_ppi(s: &str) -> Result<f32, String> {
    let ppi: f32 = s
        .parse()
        .map_err(|_| crate::tr!("arg-not-number", value = visible(s)))?;
    if (24.0..=2400.0).contains(&ppi) {
        Ok(ppi)
    } else {
        Err(crate::tr!("arg-ppi-range", value = ppi.to_string()))
    }
}

/// brief's faces → the faces every Chinese Windows has.
fn windows_faces() -> Vec<(String, String)> {
    vec![
        (crate::fonts::BUNDLED_SANS.into(), "微软雅黑".into()),
        (crate::fonts::BUNDLED_SERIF.into(), "宋体".into()),
    ]
}

/// `Noto Sans SC=微软雅黑`, or `office` for the faces office machines have.
fn parse_face(s: &str) -> Result<Vec<(String, String)>, String> {
    if s == "office" {
        return Ok(windows_faces());
    }
    face_pair(s, false)
}

/// `Noto Serif SC=宋体`; `office` for a 公文's faces by role (an empty
/// pair marks it); `windows` for the faces every Chinese Windows has.
fn parse_docx_face(s: &str) -> Result<Vec<(String, String)>, String> {
    match s {
        "office" => Ok(vec![(String::new(), String::new())]),
        "windows" => Ok(windows_faces()),
        _ => face_pair(s, true),
    }
}

/// `FAMILY=NAME` of `--pptx-font` or (`docx`) `--docx-font`.
fn face_pair(s: &str, docx: bool) -> Result<Vec<(String, String)>, String> {
    let Some((a, b)) = s
        .split_once('=')
        .map(|(a, b)| (a.trim(), b.trim()))
        .filter(|(a, b)| !a.is_empty() && !b.is_empty())
    else {
        return Err(if docx {
            crate::tr!("arg-docx-face", value = visible(s))
        } else {
            crate::tr!("arg-face", value = visible(s))
        });
    };
    // A name goes into every run of the document: no second `=`, no
    // invisible character (a U+202E reverses it), no page of text.
    let bad = |n: &str| {
        n.contains('=')
            || n.chars().count() > FACE_NAME
            || n.chars()
                .any(|c| c.is_control() || crate::data::forbidden(c))
    };
    if bad(a) || bad(b) {
        return Err(crate::tr!(
            "arg-face-name",
            value = visible(s),
            max = FACE_NAME
        ));
    }
    Ok(vec![(a.to_string(), b.to_string())])
}

/// A value as typed, for a message: control and invisible characters as
/// `<U+001B>`, and at most 80 characters.
pub fn visible(s: &str) -> String {
    let mut out: String = s.chars().take(80).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    crate::data::escaped(&out).replace(['\n', '\t'], " ")
}

/// The longest family or face name of `--pptx-font` and `--docx-font`, in
/// characters.
const FACE_NAME: usize = 64;

/// Help texts by argument id, from the catalogues.
const ARG_HELP: &[(&str, &str)] = &[
    ("lang", "help-lang"),
    ("project", "help-project"),
    ("font_paths", "help-font-path"),
    ("system_fonts", "help-system-fonts"),
    ("only", "help-only"),
    ("creation_timestamp", "help-creation-timestamp"),
    ("strict", "help-strict"),
    ("draft", "help-draft"),
    ("timeout", "help-timeout"),
    ("memory_limit", "help-memory-limit"),
    ("diagnostic_format", "help-diagnostic-format"),
    ("out", "help-out"),
    ("format", "help-format"),
    ("ppi", "help-ppi"),
    ("pdf_standards", "help-pdf-standard"),
    ("handout", "help-handout"),
    ("pptx", "help-pptx"),
    ("pptx_fonts", "help-pptx-font"),
    ("docx", "help-docx"),
    ("docx_fonts", "help-docx-font"),
    ("force", "help-force"),
    ("wait", "help-wait"),
    ("debounce", "help-debounce"),
    ("variants", "help-variants"),
    ("theme", "help-schema-theme"),
    ("dir", "help-init-dir"),
    ("from", "help-init-from"),
    ("templates", "help-init-templates"),
];

/// Help texts of the commands.
const COMMAND_HELP: &[(&str, &str)] = &[
    ("brief", "help-brief"),
    ("build", "help-build"),
    ("watch", "help-watch"),
    ("check", "help-check"),
    ("fonts", "help-fonts"),
    ("schema", "help-schema"),
    ("init", "help-init"),
];

fn help_of(table: &[(&str, &str)], id: &str) -> Option<String> {
    table
        .iter()
        .find(|(k, _)| *k == id)
        .map(|(_, key)| i18n::message(key, &[]))
}

/// The command-line definition, with every text in the user's language.
pub fn command() -> clap::Command {
    localize(Cli::command())
}

fn localize(cmd: clap::Command) -> clap::Command {
    let name = cmd.get_name().to_string();
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        i18n::message("help-usage", &[])
    );
    let mut cmd = cmd
        .help_template(template)
        .subcommand_help_heading(leak(i18n::message("help-commands", &[])))
        .subcommand_value_name(leak(i18n::message("help-command", &[])))
        .next_help_heading(leak(i18n::message("help-options", &[])))
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(i18n::message("help-help", &[]))
                .global(true),
        );
    if name == "brief" {
        cmd = cmd.arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(i18n::message("help-version", &[])),
        );
    }
    if let Some(about) = help_of(COMMAND_HELP, &name) {
        cmd = cmd.about(about);
    }
    let options = i18n::message("help-options", &[]);
    let arguments = i18n::message("help-arguments", &[]);
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let Some(text) = help_of(ARG_HELP, &id) else {
            continue;
        };
        cmd = cmd.mut_arg(id.as_str(), |arg| {
            let mut help = text;
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if !values.is_empty() && arg.get_action().takes_values() {
                help += &i18n::message("help-values", &[("values", values.join(", ").into())]);
            }
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().to_string())
                .collect();
            if !defaults.is_empty() && arg.get_action().takes_values() {
                help += &i18n::message("help-default", &[("value", defaults.join(", ").into())]);
            }
            if let Some(env) = arg.get_env() {
                help += &i18n::message(
                    "help-env",
                    &[("name", env.to_string_lossy().to_string().into())],
                );
            }
            let heading = if arg.is_positional() {
                arguments.clone()
            } else {
                options.clone()
            };
            arg.help(help)
                .hide_possible_values(true)
                .hide_default_value(true)
                .hide_env(true)
                .help_heading(leak(heading))
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub, localize);
    }
    cmd
}

/// clap keeps some texts as `&'static str`; the help is built once a run.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// Parses the command line: help and version are printed (exit 0); a usage
/// error is printed in the user's language and exits with 2.
pub fn parse() -> Cli {
    use clap::FromArgMatches;
    let matches = match command().try_get_matches() {
        Ok(m) => m,
        Err(e) => usage_error(e),
    };
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| usage_error(e))
}

fn usage_error(e: clap::Error) -> ! {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        if i18n::terminal_is_utf8() {
            e.exit();
        }
        // Help in the terminal's encoding (GB18030, GBK), as every message.
        let text = crate::i18n::for_terminal(&e.render().to_string()).into_owned();
        let _ = if e.use_stderr() {
            std::io::Write::write_all(&mut std::io::stderr(), &text)
        } else {
            std::io::Write::write_all(&mut std::io::stdout(), &text)
        };
        std::process::exit(e.exit_code());
    }
    // What the user typed is shown, never obeyed: an escape sequence or a
    // U+202E in a value would recolour or reorder the terminal's line.
    let context = |kind: ContextKind| {
        visible(&match e.get(kind) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(v)) => v.join(", "),
            Some(other) => other.to_string(),
            None => String::new(),
        })
    };
    let message = match e.kind() {
        ErrorKind::UnknownArgument => {
            let mut m = i18n::message(
                "arg-unknown",
                &[("arg", context(ContextKind::InvalidArg).into())],
            );
            let suggested = context(ContextKind::SuggestedArg);
            if !suggested.is_empty() {
                m += &i18n::message("arg-suggest", &[("arg", suggested.into())]);
            }
            m
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let arg = context(ContextKind::InvalidArg);
            // A value from the environment (SOURCE_DATE_EPOCH, set by a build
            // system) is named as such: the command line has no such option.
            let from_env = arg.starts_with("--creation-timestamp")
                && !std::env::args_os()
                    .any(|a| a.to_string_lossy().starts_with("--creation-timestamp"));
            let mut m = if from_env {
                i18n::message(
                    "arg-invalid-env",
                    &[
                        ("value", context(ContextKind::InvalidValue).into()),
                        ("var", "SOURCE_DATE_EPOCH".into()),
                        ("arg", arg.into()),
                    ],
                )
            } else {
                i18n::message(
                    "arg-invalid",
                    &[
                        ("value", context(ContextKind::InvalidValue).into()),
                        ("arg", arg.into()),
                    ],
                )
            };
            let valid = context(ContextKind::ValidValue);
            if !valid.is_empty() {
                m += &i18n::message("help-values", &[("values", valid.into())]);
            }
            if let Some(source) = std::error::Error::source(&e) {
                m += &format!(" ({source})");
            }
            m
        }
        ErrorKind::MissingRequiredArgument => i18n::message(
            "arg-missing",
            &[("arg", context(ContextKind::InvalidArg).into())],
        ),
        ErrorKind::MissingSubcommand | ErrorKind::InvalidSubcommand => {
            let mut m = i18n::message(
                "arg-subcommand",
                &[("arg", context(ContextKind::InvalidSubcommand).into())],
            );
            let suggested = context(ContextKind::SuggestedSubcommand);
            if !suggested.is_empty() {
                m += &i18n::message("arg-suggest", &[("arg", suggested.into())]);
            }
            m
        }
        ErrorKind::ArgumentConflict => i18n::message(
            "arg-conflict",
            &[
                ("arg", context(ContextKind::InvalidArg).into()),
                ("other", context(ContextKind::PriorArg).into()),
            ],
        ),
        ErrorKind::InvalidUtf8 => not_utf8(),
        _ => e.kind().to_string(),
    };
    // A tool reading JSON lines learns of a usage error too, though clap
    // refused the arguments before the format was read.
    if json_requested(std::env::args_os()) {
        crate::term::failure(
            &crate::error::Failure::Usage(message.clone()),
            DiagnosticFormat::Json,
        );
    }
    crate::term::say(&format!("{}: {message}", i18n::message("word-error", &[])));
    crate::term::say(&i18n::message("arg-see-help", &[]));
    std::process::exit(2);
}

/// Which argument, or which environment variable clap read, is not UTF-8
/// (a name typed in a GBK terminal): clap says only that one is.
fn not_utf8() -> String {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    if let Some(i) = args.iter().position(|a| a.to_str().is_none()) {
        let lossy = args[i].to_string_lossy();
        // `--option=value`, or `--option value`
        let (option, value) = match lossy.strip_prefix("--").and_then(|o| o.split_once('=')) {
            Some((o, v)) => (format!("--{o}"), v.to_string()),
            None => (
                i.checked_sub(1)
                    .and_then(|j| args[j].to_str())
                    .filter(|o| o.starts_with('-'))
                    .unwrap_or_default()
                    .to_string(),
                lossy.to_string(),
            ),
        };
        let value = visible(&value);
        return i18n::message(
            "arg-not-utf8",
            &[("value", value.into()), ("arg", option.into())],
        );
    }
    let var = "SOURCE_DATE_EPOCH";
    i18n::message("arg-not-utf8-env", &[("var", var.into())])
}

/// Whether the raw arguments ask for `--diagnostic-format json`.
fn json_requested(args: impl Iterator<Item = std::ffi::OsString>) -> bool {
    let args: Vec<String> = args.map(|a| a.to_string_lossy().into_owned()).collect();
    args.iter().enumerate().any(|(i, a)| {
        a == "--diagnostic-format=json"
            || (a == "--diagnostic-format" && args.get(i + 1).is_some_and(|v| v == "json"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_face_name_is_short_visible_and_has_one_equals_sign() {
        let longest = "宋".repeat(FACE_NAME);
        assert!(parse_face(&format!("Noto Serif SC={longest}")).is_ok());
        assert_eq!(
            parse_docx_face(" Noto Serif SC = 宋体 ").unwrap(),
            [("Noto Serif SC".to_string(), "宋体".to_string())]
        );
        for bad in [
            format!("Noto Serif SC={longest}宋"),
            "Noto Serif SC=宋\u{202E}体".into(),
            "Noto Serif SC=宋\u{200B}体".into(),
            "Noto\tSerif SC=宋体".into(),
            "Noto Serif SC=宋体=黑体".into(),
            "=宋体".into(),
            "Noto Serif SC".into(),
        ] {
            assert!(parse_face(&bad).is_err(), "{bad:?}");
            assert!(parse_docx_face(&bad).is_err(), "{bad:?}");
        }
        // The refusal shows the value, never obeys it.
        let said = parse_docx_face("Noto Serif SC=宋\u{1b}[31m\u{202E}体").unwrap_err();
        assert!(said.contains("宋<U+001B>[31m<U+202E>体"), "{said}");
        assert!(!said.contains(['\u{1b}', '\u{202E}']), "{said}");
        let said = parse_face(&format!("Noto Serif SC={}", "宋".repeat(10_000))).unwrap_err();
        assert!(said.chars().count() < 300, "{said}");
    }
}
