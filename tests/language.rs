//! brief speaks its user's language: Chinese under a Chinese locale, English
//! otherwise, for every class of message (data, usage, template, lock,
//! timeout), the progress, `--help`, `fonts` and the change report; JSON
//! diagnostics keep their English keys whatever the language.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use common::*;

const ZH: &str = "zh_CN.UTF-8";
const C: &str = "C.UTF-8";

/// Runs brief with `LANG=lang` and no other locale setting.
fn run(dir: &Path, lang: &str, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("BRIEF_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("SOURCE_DATE_EPOCH")
        .env("LANG", lang)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn han(text: &str) -> usize {
    text.chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .count()
}

/// brief's own lines of `text`: not the data quoted in excerpts.
fn own_lines(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| !l.contains('│') && !l.trim().is_empty())
        .collect()
}

#[test]
fn a_data_error_speaks_chinese_under_a_chinese_locale_and_english_otherwise() {
    let dir = project();
    edit(&dir.path().join(ACHIEVEMENTS), "value: 3.5", "valeu: 3.5");
    let zh = run(dir.path(), ZH, &["build"]);
    assert_eq!(code(&zh), 3);
    let zh = stderr(&zh);
    for words in [
        "未知字段 `valeu`",
        "字段：sections[0].figures[0].valeu",
        "您是不是想写 `value`？",
        "所有输出均未改动",
    ] {
        assert!(zh.contains(words), "no {words}:\n{zh}");
    }
    let en = stderr(&run(dir.path(), C, &["build"]));
    assert!(en.contains("unknown field `valeu`"), "{en}");
    assert!(en.contains("did you mean `value`?"), "{en}");
    assert_eq!(han(&own_lines(&en).join("\n")), 0, "{en}");
    // Other locale variables and the override.
    let out = Command::new(BIN)
        .arg("check")
        .current_dir(dir.path())
        .env_remove("BRIEF_LANG")
        .env("LANG", C)
        .env("LC_MESSAGES", "zh_TW.UTF-8")
        .output()
        .unwrap();
    assert!(stderr(&out).contains("未知字段"), "{}", stderr(&out));
    let out = run(dir.path(), ZH, &["--lang", "en", "check"]);
    assert!(stderr(&out).contains("unknown field"), "{}", stderr(&out));
    let out = Command::new(BIN)
        .arg("check")
        .current_dir(dir.path())
        .env("BRIEF_LANG", "zh")
        .env("LANG", C)
        .output()
        .unwrap();
    assert!(stderr(&out).contains("未知字段"), "{}", stderr(&out));
}

#[test]
fn a_gb18030_terminal_reads_the_messages_in_its_own_encoding() {
    let dir = project();
    edit(&dir.path().join(ACHIEVEMENTS), "value: 3.5", "valeu: 3.5");
    let out = run(dir.path(), "zh_CN.GB18030", &["build"]);
    assert_eq!(code(&out), 3);
    // In UTF-8 the terminal would show mojibake.
    assert!(String::from_utf8(out.stderr.clone()).is_err());
    let (text, _, bad) = encoding_rs::GB18030.decode(&out.stderr);
    assert!(!bad);
    for words in ["未知字段 `valeu`", "所有输出均未改动", "valeu: 3.5"] {
        assert!(text.contains(words), "no {words}:\n{text}");
    }
    // So is the help.
    let help = run(dir.path(), "zh_CN.GB18030", &["build", "--help"]);
    assert_eq!(code(&help), 0);
    assert!(String::from_utf8(help.stdout.clone()).is_err());
    let (help, _, bad) = encoding_rs::GB18030.decode(&help.stdout);
    assert!(!bad && help.contains("--memory-limit"), "{help}");
    assert!(han(&help) > 20, "{help}");
    // JSON lines stay UTF-8, as JSON is.
    let out = run(
        dir.path(),
        "zh_CN.GB18030",
        &["check", "--diagnostic-format", "json"],
    );
    let first = String::from_utf8(out.stdout).expect("UTF-8 JSON");
    assert!(first.contains("未知字段"), "{first}");
}

#[test]
fn json_diagnostics_keep_their_keys_and_carry_the_message_in_the_language() {
    let dir = project();
    edit(&dir.path().join(ACHIEVEMENTS), "value: 3.5", "valeu: 3.5");
    let parse = |lang: &str| -> serde_json::Value {
        let out = run(dir.path(), lang, &["check", "--diagnostic-format", "json"]);
        let line = stdout(&out)
            .lines()
            .find(|l| l.starts_with('{'))
            .unwrap()
            .to_string();
        serde_json::from_str(&line).unwrap()
    };
    let (zh, en) = (parse(ZH), parse(C));
    let keys = |v: &serde_json::Value| -> BTreeSet<String> {
        v.as_object().unwrap().keys().cloned().collect()
    };
    assert_eq!(keys(&zh), keys(&en));
    for key in [
        "code", "file", "line", "column", "path", "severity", "message", "hints",
    ] {
        assert!(zh.get(key).is_some(), "no {key} in {zh}");
    }
    assert_eq!(zh["code"], en["code"]);
    assert_eq!(zh["line"], en["line"]);
    assert!(han(zh["message"].as_str().unwrap()) > 0);
    assert_eq!(han(en["message"].as_str().unwrap()), 0);
}

#[test]
fn usage_template_lock_and_timeout_errors_speak_the_language() {
    let dir = project();
    // Usage.
    let out = run(dir.path(), ZH, &["build", "--format", "jpg"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("不是 `--format <FORMAT>` 的有效值"),
        "{}",
        stderr(&out)
    );
    let out = run(dir.path(), C, &["build", "--format", "jpg"]);
    assert_eq!(code(&out), 2);
    assert_eq!(han(&stderr(&out)), 0, "{}", stderr(&out));
    // Lock.
    ok(brief(dir.path(), &["build"]));
    let lock = hold_lock(dir.path());
    let out = run(dir.path(), ZH, &["build", "--force"]);
    assert_eq!(code(&out), 5);
    assert!(han(&stderr(&out)) > 4, "{}", stderr(&out));
    let out = run(dir.path(), C, &["build", "--force"]);
    assert!(stderr(&out).contains("another brief"), "{}", stderr(&out));
    drop(lock);
    // Template: typst's message as typst writes it, in brief's frame.
    let slides = dir.path().join("templates/slides.typ");
    let original = fs::read_to_string(&slides).unwrap();
    fs::write(&slides, format!("#let x = (1 +\n{original}")).unwrap();
    let out = run(dir.path(), ZH, &["build"]);
    assert_eq!(code(&out), 4);
    let err = stderr(&out);
    assert!(err.contains("templates/slides.typ:"), "{err}");
    assert!(err.contains("模板"), "{err}");
    // In brief's frame and words: no label of typst's own renderer.
    assert!(err.contains("错误: "), "{err}");
    assert!(
        !err.contains("error:") && !err.contains("= hint") && !err.contains("help:"),
        "{err}"
    );
    let out = run(dir.path(), C, &["build"]);
    assert!(stderr(&out).contains("template"), "{}", stderr(&out));
    // Timeout.
    fs::write(
        &slides,
        format!("#for i in range(100000) {{ for j in range(100000) {{ }} }}\n{original}"),
    )
    .unwrap();
    let out = run(dir.path(), ZH, &["build", "--timeout", "2"]);
    assert_eq!(code(&out), 6);
    let err = stderr(&out);
    assert!(err.contains("--timeout") && han(&err) > 4, "{err}");
}

#[test]
fn progress_up_to_date_fonts_and_the_change_report_speak_the_language() {
    let dir = project();
    let err = stderr(&run(dir.path(), ZH, &["build"]));
    assert!(err.contains("已写出 out/briefing.pdf"), "{err}");
    assert!(err.contains("已生成"), "{err}");
    let err = stderr(&run(dir.path(), ZH, &["build"]));
    assert!(err.contains("已是最新"), "{err}");
    let err = stderr(&run(dir.path(), C, &["build"]));
    assert!(err.contains("up to date"), "{err}");
    assert_eq!(han(&err), 0, "{err}");

    edit(&dir.path().join(ACHIEVEMENTS), "value: 3.5", "value: 3.6");
    let err = stderr(&run(dir.path(), ZH, &["build"]));
    assert!(han(&err) > 4, "{err}");
    let report = fs::read_to_string(dir.path().join("out/changes.md")).unwrap();
    assert!(report.contains("3.5") && report.contains("3.6"), "{report}");
    let headings: Vec<&str> = report.lines().filter(|l| l.starts_with('#')).collect();
    assert!(!headings.is_empty(), "{report}");
    for heading in headings {
        assert!(han(heading) > 0, "an English heading: {heading}");
    }

    let fonts = stdout(&run(dir.path(), ZH, &["fonts"]));
    assert!(
        fonts.contains("Noto Serif SC") && fonts.contains("内置"),
        "{fonts}"
    );
    let check = stderr(&run(dir.path(), ZH, &["check"]));
    assert!(han(&check) > 4, "{check}");
}

/// The long options a help text lists.
fn options(help: &str) -> BTreeSet<String> {
    help.split(|c: char| c.is_whitespace() || c == ',' || c == '[' || c == '=')
        .filter(|w| w.starts_with("--") && w.len() > 2)
        .map(|w| {
            w.trim_end_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-')
                .to_string()
        })
        .collect()
}

#[test]
fn help_in_chinese_describes_every_command_and_option() {
    let dir = tempfile::tempdir().unwrap();
    let top = stdout(&run(dir.path(), ZH, &["--help"]));
    let commands = ["build", "watch", "check", "fonts", "schema", "init"];
    for command in commands {
        assert!(top.contains(command), "{top}");
    }
    for line in top.lines().filter(|l| {
        let w = l.trim_start();
        commands.iter().any(|c| w.starts_with(&format!("{c} ")))
    }) {
        assert!(han(line) > 2, "not described in Chinese: {line}");
    }
    for command in commands {
        let zh = stdout(&run(dir.path(), ZH, &[command, "--help"]));
        let en = stdout(&run(dir.path(), C, &[command, "--help"]));
        assert_eq!(options(&zh), options(&en), "{command}");
        assert!(!options(&zh).is_empty());
        // Each option's line, or the line after it, describes it in Chinese.
        let lines: Vec<&str> = zh.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let w = line.trim_start();
            if w.starts_with("--") || (w.starts_with('-') && w.contains(", --")) {
                let text = format!("{line}{}", lines.get(i + 1).unwrap_or(&""));
                assert!(
                    han(&text) > 1,
                    "{command}: {line} is not described in Chinese"
                );
            }
        }
        assert!(en.contains("Usage:"), "{en}");
        assert!(!zh.contains("Usage:") && zh.contains("用法"), "{zh}");
    }
}

#[test]
fn system_and_spreadsheet_errors_speak_the_language() {
    let dir = project();
    let long = "x".repeat(300);
    let out = run(dir.path(), ZH, &["build", "--out", &long]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(err.contains("文件名太长"), "{err}");
    assert!(!err.contains("File name too long"), "{err}");
    // A file named .xlsx that is not a workbook: said in brief's words.
    fs::write(dir.path().join("data/指标.xlsx"), b"not a workbook").unwrap();
    let meta = dir.path().join("data/meta.yaml");
    let text = fs::read_to_string(&meta).unwrap();
    fs::write(&meta, format!("{text}\nfigures: 指标.xlsx\n")).unwrap();
    let out = run(dir.path(), ZH, &["check"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("不是 .xlsx、.xls 或 .ods 表格"), "{err}");
    for line in own_lines(&err) {
        assert!(!line.contains("Cannot detect"), "{err}");
    }
}
