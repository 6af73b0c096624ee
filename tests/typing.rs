//! Data that office staff can write: the mistakes of typing Chinese on
//! Windows (full-width colons, spaces, commas, brackets and quotes used as
//! YAML's own, wrong indentation, numbers with their units or separators,
//! Notepad's encodings) are each caught at the line the user must change,
//! with a hint, in the user's language: under `LANG=zh_CN.UTF-8` no word of
//! the YAML parser's English reaches the user.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::*;

/// A mistake: in FILE, FROM becomes TO; the line holding NEEDLE (after the
/// edit) is where the error must stand, with CODE.
struct Mistake {
    file: &'static str,
    from: &'static str,
    to: &'static str,
    needle: &'static str,
    code: &'static str,
}

const fn m(
    file: &'static str,
    from: &'static str,
    to: &'static str,
    needle: &'static str,
    code: &'static str,
) -> Mistake {
    Mistake {
        file,
        from,
        to,
        needle,
        code,
    }
}

const META: &str = "data/meta.yaml";

const MISTAKES: &[Mistake] = &[
    // Full-width colons where YAML wants its own.
    m(
        ACHIEVEMENTS,
        "        label: 兑现政策扶持资金",
        "        label：兑现政策扶持资金",
        "label：兑现",
        "syntax-fullwidth-colon",
    ),
    m(
        META,
        "region: 哈尔滨新区",
        "region：哈尔滨新区",
        "region：",
        "syntax-fullwidth-colon",
    ),
    m(
        PLAN,
        "    indicator: 规模以上工业增加值",
        "    indicator：规模以上工业增加值",
        "indicator：",
        "syntax-fullwidth-colon",
    ),
    m(
        ACHIEVEMENTS,
        "      - id: job_stabilization_loans",
        "      - id：job_stabilization_loans",
        "id：job",
        "syntax-fullwidth-colon",
    ),
    // Full-width and no-break spaces.
    m(
        ACHIEVEMENTS,
        "        value: 6\n",
        "        value:\u{3000}6\n",
        "value:\u{3000}6",
        "syntax-odd-space",
    ),
    m(
        ACHIEVEMENTS,
        "        value: 4.5\n",
        "        value:\u{a0}4.5\n",
        "value:\u{a0}4.5",
        "syntax-odd-space",
    ),
    m(
        ACHIEVEMENTS,
        "        unit: 万户\n",
        "\u{3000}\u{3000}\u{3000}\u{3000}unit: 万户\n",
        "unit: 万户",
        "syntax-fullwidth-space",
    ),
    // A colon slip below a text that starts with 【 (brief's own 【待改】):
    // the 【 line was blamed as a list typed with full-width brackets
    // (hostile round 26).
    m(
        META,
        "headline: 抓改革兴产业重科技                      # 文章主标题\nsubheadline: 在建设“六个龙江”打造“七大都市”中扛起新区担当\nregion: 哈尔滨新区",
        "headline: 【待改】抓改革兴产业重科技\nsubheadline: 在建设“六个龙江”打造“七大都市”中扛起新区担当\nregion: 哈尔滨: 新区",
        "region: 哈尔滨: 新区",
        "syntax-colon-in-text",
    ),
    // A colon with no space after it.
    m(
        ACHIEVEMENTS,
        "        value: 14\n",
        "        value:14\n",
        "value:14",
        "syntax-colon-space",
    ),
    // A paragraph that opens with its year, typed without the space after
    // its dash (round 28: "write only the number -2022").
    m(
        ACHIEVEMENTS,
        "      - 2022年，哈尔滨新区经济发展稳中有进。",
        "      -2022年，哈尔滨新区经济发展稳中有进。",
        "-2022年",
        "syntax-dash-space",
    ),
    // A percent unit typed with the input method's ％ (round 29: told to
    // declare it, which brief refuses).
    m(
        ACHIEVEMENTS,
        "        unit: \"%\"\n        qualifier: 左右",
        "        unit: ％\n        qualifier: 左右",
        "unit: ％",
        "data-unknown-unit",
    ),
    // Values that start with a character YAML reserves.
    // A paragraph emphasised as in a chat message (round 27: a bare syntax
    // error).
    m(
        ACHIEVEMENTS,
        "      - 2022年，哈尔滨新区经济发展稳中有进。",
        "      - *2022年*，哈尔滨新区经济发展稳中有进。",
        "- *2022年*",
        "syntax-reserved",
    ),
    // A paragraph that opens with square brackets is a list (round 27: said
    // as braces).
    m(
        ACHIEVEMENTS,
        "      - 2022年，哈尔滨新区经济发展稳中有进。",
        "      - [2022年]，哈尔滨新区经济发展稳中有进。",
        "- [2022年]",
        "syntax-bracket-start",
    ),
    m(
        ACHIEVEMENTS,
        "        unit: \"%\"\n        qualifier: 左右",
        "        unit: %\n        qualifier: 左右",
        "unit: %",
        "syntax-reserved",
    ),
    m(
        ACHIEVEMENTS,
        "        label: 稳企稳岗贷款",
        "        label: @稳企稳岗贷款",
        "@稳企",
        "syntax-reserved",
    ),
    m(
        ACHIEVEMENTS,
        "        label: 帮助企业融资",
        "        label: `帮助`企业融资",
        "`帮助`",
        "syntax-reserved",
    ),
    m(
        ACHIEVEMENTS,
        "        label: 消费补贴资金",
        "        label: &消费补贴资金",
        "&消费",
        "data-anchor",
    ),
    // A quote left open.
    m(
        ACHIEVEMENTS,
        "        label: 新增市场主体",
        "        label: \"新增市场主体",
        "\"新增市场主体",
        "syntax-open-quote",
    ),
    m(
        META,
        "masthead: 哈尔滨新区工作简报",
        "masthead: '哈尔滨新区工作简报",
        "masthead: '",
        "syntax-open-quote",
    ),
    // A backslash in double quotes that starts no escape (a path pasted in).
    m(
        ACHIEVEMENTS,
        "        label: 新增市场主体",
        "        label: \"新增市场\\主体\"",
        "\\主体",
        "syntax-bad-escape",
    ),
    // Half of a UTF-16 pair, far above the end of the file the parser
    // reaches (hostile round 6: "a quote never closed").
    m(
        ACHIEVEMENTS,
        "        label: 稳企稳岗贷款",
        "        label: \"稳企稳岗\\uD800贷款\"",
        "\\uD800",
        "syntax-bad-escape",
    ),
    // Full-width brackets, commas, braces and dashes.
    m(
        ACHIEVEMENTS,
        "subjects: [公共预算收入, 工业增加值, 固定资产投资, 实际利用内资总量]",
        "subjects: ［公共预算收入, 工业增加值, 固定资产投资, 实际利用内资总量］",
        "subjects: ［",
        "data-wrong-type",
    ),
    m(
        ACHIEVEMENTS,
        "subjects: [公共预算收入, 工业增加值, 固定资产投资, 实际利用内资总量]",
        "subjects: [公共预算收入，工业增加值，固定资产投资，实际利用内资总量]",
        "subjects: [公共预算收入，",
        "syntax-fullwidth-comma",
    ),
    m(
        META,
        "keywords: [哈尔滨新区, 改革,",
        "keywords: [哈尔滨新区，改革,",
        "keywords: [哈尔滨新区，",
        "syntax-fullwidth-comma",
    ),
    m(
        ACHIEVEMENTS,
        "均居{top_rankings.rank}",
        "均居｛top_rankings.rank｝",
        "均居｛top_rankings",
        "prose-fullwidth-brace",
    ),
    m(
        ACHIEVEMENTS,
        "yoy: { value: 14.3, verb: 增长, basis: 同比 }",
        "yoy: ｛ value: 14.3, verb: 增长, basis: 同比 ｝",
        "yoy: ｛",
        "syntax-fullwidth-bracket",
    ),
    // Indentation: a tab, a key and a list item indented wrongly.
    m(
        ACHIEVEMENTS,
        "        value: 2409\n",
        "\tvalue: 2409\n",
        "\tvalue: 2409",
        "data-tab-indent",
    ),
    m(
        ACHIEVEMENTS,
        "        unit: 万元\n      - id: consumption_scale",
        "      unit: 万元\n      - id: consumption_scale",
        "      unit: 万元",
        "syntax-key-indent",
    ),
    m(
        ACHIEVEMENTS,
        "      - id: enterprise_financing",
        "        - id: enterprise_financing",
        "- id: enterprise_financing",
        "syntax-item-indent",
    ),
    // A full-width space after a value (typed before a comment in
    // full-width mode): invisible, so said as itself, whatever the value's
    // check found (round 27: "found text, expected a whole number").
    m(
        ACHIEVEMENTS,
        "year: 2022",
        "year: 2022\u{3000}",
        "year: 2022",
        "syntax-trailing-space",
    ),
    m(
        META,
        "plan: 2023-plan.yaml",
        "plan: 2023-plan.yaml\u{3000}",
        "plan: 2023-plan.yaml",
        "syntax-trailing-space",
    ),
    // A line of three dots (a clerk's ellipsis) ends the YAML document:
    // it was the parser's English at the next key (round 26).
    m(
        META,
        "region: 哈尔滨新区",
        "...\nregion: 哈尔滨新区",
        "...",
        "syntax-document-end",
    ),
    // A sentence typed on its own line at column 0 (a paragraph's end
    // pasted or wrapped): the line itself, not the correct item below it
    // nor the comment after the blank line (round 26).
    m(
        ACHIEVEMENTS,
        "帮助企业融资{enterprise_financing}。\n",
        "帮助企业融资{enterprise_financing}。\n这是接着上一段的文字。\n\n",
        "这是接着上一段的文字。",
        "syntax-stray-text",
    ),
    m(
        ACHIEVEMENTS,
        "        estimate: true\n\n  # ── 多项改革",
        "        estimate: true\n城乡融合发展加快推进。\n\n  # ── 多项改革",
        "城乡融合发展加快推进。",
        "syntax-stray-text",
    ),
    m(
        ACHIEVEMENTS,
        "        value: 7.28\n",
        "          value: 7.28\n",
        "value: 7.28",
        "syntax-key-indent",
    ),
    // Numbers typed as people write them.
    m(
        ACHIEVEMENTS,
        "        value: 3.5\n",
        "        value: 3.5%\n",
        "value: 3.5%",
        "data-not-a-number",
    ),
    m(
        ACHIEVEMENTS,
        "        value: 2409\n",
        "        value: 2,409\n",
        "value: 2,409",
        "data-not-a-number",
    ),
    m(
        ACHIEVEMENTS,
        "        value: 66\n",
        "        value: 66个\n",
        "value: 66个",
        "data-not-a-number",
    ),
    m(
        ACHIEVEMENTS,
        "        value: 14\n",
        "        value: １４\n",
        "value: １４",
        "data-not-a-number",
    ),
    m(
        ACHIEVEMENTS,
        "        value: 6\n",
        "        value: “6”\n",
        "value: “6”",
        "data-not-a-number",
    ),
    m(
        META,
        "issue: null",
        "issue: 第1期",
        "issue: 第1期",
        "data-wrong-type",
    ),
    // The full stop typed for the decimal point; a year in full-width digits.
    m(
        ACHIEVEMENTS,
        "        value: 14\n",
        "        value: 3。5\n",
        "value: 3。5",
        "data-not-a-number",
    ),
    m(
        ACHIEVEMENTS,
        "year: 2022",
        "year: ２０２２",
        "year: ２０２２",
        "data-wrong-type",
    ),
    // Full-width quotes around a word, a list left open.
    m(
        ACHIEVEMENTS,
        "        unit: 万平方米",
        "        unit: “万平方米”",
        "unit: “万平方米”",
        "data-unknown-unit",
    ),
    m(
        ACHIEVEMENTS,
        "        value: 7.28\n",
        "        value: [7.28\n",
        "value: [7.28",
        "syntax-open-bracket",
    ),
    // An empty unit, an unknown one, a key twice.
    m(
        ACHIEVEMENTS,
        "        unit: 亿元\n      - id: job",
        "        unit: \"\"\n      - id: job",
        "unit: \"\"",
        "data-empty-text",
    ),
    m(
        ACHIEVEMENTS,
        "        unit: 万平方米",
        "        unit: 万平方尺",
        "unit: 万平方尺",
        "data-unknown-unit",
    ),
    m(
        ACHIEVEMENTS,
        "        value: 7.28\n",
        "        value: 7.28\n        value: 7.3\n",
        "value: 7.3",
        "data-duplicate-key",
    ),
];

/// Words of the YAML parser's and serde's English that must not reach a
/// Chinese reader.
const PARSER_ENGLISH: &[&str] = &[
    "expected",
    "mapping",
    "parsing",
    "unexpected",
    "character",
    "scalar",
    "indicator",
    "invalid",
    "while",
    "simple key",
    "did not find",
    "found",
];

/// The YAML parser's own phrases, which no English reader gets either:
/// brief says what to change in its own words.
const PARSER_PHRASES: &[&str] = &[
    "simple key",
    "did not find",
    "while parsing",
    "while scanning",
    "mapping values",
    "end of stream",
    "cannot start any token",
    "invalid type",
];

/// Runs `brief check` with JSON diagnostics under the locale `lang`.
/// Every hint of `diagnostics`, as the user reads them, in one text.
fn hints(diagnostics: &[serde_json::Value]) -> String {
    diagnostics
        .iter()
        .flat_map(|d| d["hints"].as_array().cloned().unwrap_or_default())
        .filter_map(|h| h.as_str().map(str::to_string))
        .collect::<Vec<_>>()
        .join(" ")
}

fn check(dir: &Path, lang: &str) -> (i32, Vec<serde_json::Value>) {
    let out = Command::new(BIN)
        .args(["check", "--diagnostic-format", "json"])
        .current_dir(dir)
        .env_remove("BRIEF_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let lines = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    (code(&out), lines)
}

#[test]
fn every_typing_mistake_is_said_at_its_line_with_a_hint_in_the_users_language() {
    assert!(MISTAKES.len() >= 30);
    let mut failures = Vec::new();
    for (i, mistake) in MISTAKES.iter().enumerate() {
        let dir = project();
        let path = dir.path().join(mistake.file);
        edit(&path, mistake.from, mistake.to);
        let line = line_of(&path, mistake.needle);
        for lang in ["zh_CN.UTF-8", "C"] {
            let (exit, diags) = check(dir.path(), lang);
            let found = diags.iter().find(|d| {
                d["code"] == mistake.code && d["file"] == mistake.file && d["line"] == line
            });
            let Some(d) = found else {
                failures.push(format!(
                    "#{i} {} ({lang}): no {} at line {line}; got {:?}",
                    mistake.to.trim(),
                    mistake.code,
                    diags
                        .iter()
                        .map(|d| format!(
                            "{}:{} {} {}",
                            d["line"], d["column"], d["code"], d["message"]
                        ))
                        .collect::<Vec<_>>()
                ));
                continue;
            };
            if exit != 3 {
                failures.push(format!("#{i} ({lang}): exit {exit}"));
            }
            let hints = d["hints"].as_array().map_or(0, Vec::len);
            if hints == 0 {
                failures.push(format!("#{i} {} ({lang}): no hint", mistake.code));
            }
            let said = format!("{} {}", d["message"], d["hints"]).to_lowercase();
            if let Some(w) = PARSER_PHRASES.iter().find(|w| said.contains(*w)) {
                failures.push(format!("#{i} ({lang}): the parser's “{w}”: {said}"));
            }
            if lang.starts_with("zh") {
                // Field names and values in backquotes are the file's own words.
                let said: String = format!("{} {}", d["message"], d["hints"])
                    .split('`')
                    .step_by(2)
                    .collect::<String>()
                    .to_lowercase();
                if let Some(w) = PARSER_ENGLISH.iter().find(|w| said.contains(*w)) {
                    failures.push(format!(
                        "#{i} {}: “{w}” reaches a Chinese reader: {said}",
                        mistake.code
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn notepad_encodings_are_named_with_the_way_to_save_as_utf8() {
    let dir = project();
    let path = dir.path().join(META);
    let text = fs::read_to_string(&path).unwrap();
    // Notepad's "Unicode": UTF-16 little-endian with its byte-order mark.
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    fs::write(&path, utf16).unwrap();
    for lang in ["zh_CN.UTF-8", "C"] {
        let (exit, diags) = check(dir.path(), lang);
        assert_eq!(exit, 3);
        let d = diags
            .iter()
            .find(|d| d["code"] == "data-utf16")
            .unwrap_or_else(|| panic!("{diags:?}"));
        assert!(d["hints"].to_string().contains("UTF-8"), "{d}");
    }
    // UTF-8 with a byte-order mark and Windows line ends reads as it is.
    let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    fs::write(&path, crlf).unwrap();
    let (exit, _) = check(dir.path(), "C");
    assert_eq!(exit, 0);
}

/// The errors of a project after `change`, as (file, line, code).
fn errors_after(change: impl Fn(&Path)) -> Vec<(String, u64, String)> {
    let dir = project();
    change(dir.path());
    let (_, diags) = check(dir.path(), "C");
    diags
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["file"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default(),
                d["code"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn one_mistake_gives_one_error_and_every_file_is_checked() {
    // An empty unit: that, and not a unit "printed twice" after every placeholder.
    let errors = errors_after(|p| {
        edit(
            &p.join(ACHIEVEMENTS),
            "        unit: 亿元\n      - id: job",
            "        unit: \"\"\n      - id: job",
        )
    });
    assert_eq!(errors.len(), 1, "{errors:?}");
    // A wrong type in meta.yaml hides no error of the part files.
    let errors = errors_after(|p| {
        edit(&p.join(META), "issue: null", "issue: 第一期");
        edit(
            &p.join(ACHIEVEMENTS),
            "        unit: 万平方米",
            "        unit: 万平方尺",
        );
    });
    let codes: Vec<&str> = errors.iter().map(|e| e.2.as_str()).collect();
    assert_eq!(
        codes,
        ["data-wrong-type", "data-unknown-unit"],
        "{errors:?}"
    );
    // A value of the wrong kind hides no other error of its own file, and
    // what names the figure it is in follows from it, unsaid.
    let errors = errors_after(|p| {
        edit(
            &p.join(ACHIEVEMENTS),
            "        value: 7.28\n",
            "        value: 七点二八\n",
        );
        edit(
            &p.join(ACHIEVEMENTS),
            "        unit: 万平方米",
            "        unit: 万平方尺",
        );
    });
    let codes: Vec<&str> = errors.iter().map(|e| e.2.as_str()).collect();
    assert_eq!(
        codes,
        ["data-not-a-number", "data-unknown-unit"],
        "{errors:?}"
    );
    // A base year is a basis as written (比2020年增长), with no follow-on.
    let errors = errors_after(|p| {
        edit(
            &p.join(ACHIEVEMENTS),
            "同比增长{new_market_entities.yoy}",
            "比2020年增长{new_market_entities.yoy}",
        );
        edit(
            &p.join(ACHIEVEMENTS),
            "yoy: { value: 14.3, verb: 增长, basis: 同比 }",
            "yoy: { value: 14.3, verb: 增长, basis: 比2020年 }",
        );
    });
    assert!(errors.is_empty(), "{errors:?}");
    // A part file that does not read: its error, and no "unknown id" of the
    // sheet for the figures it would have given.
    let errors = errors_after(|p| {
        fs::write(p.join("data/指标.csv"), "id,数值\nnew_jobs,8400\n").unwrap();
        edit(
            &p.join(META),
            "achievements: 2022-achievements.yaml",
            "figures: 指标.csv\nachievements: 2022-achievements.yaml",
        );
        edit(
            &p.join(ACHIEVEMENTS),
            "        value: 7.28\n",
            "        value: [7.28\n",
        );
    });
    let codes: Vec<&str> = errors.iter().map(|e| e.2.as_str()).collect();
    assert_eq!(codes, ["syntax-open-bracket"], "{errors:?}");
}

#[test]
fn the_figures_sheet_may_be_named_by_its_file_alone() {
    let dir = project();
    fs::write(dir.path().join("data/指标.csv"), "id,数值\nnew_jobs,8400\n").unwrap();
    edit(
        &dir.path().join(META),
        "achievements: 2022-achievements.yaml",
        "figures: 指标.csv\nachievements: 2022-achievements.yaml",
    );
    ok(brief(dir.path(), &["build"]));
    let text = pdf_text(&dir.path().join("out/briefing.pdf"));
    assert!(text.contains("8400个以上"), "the sheet's value is printed");
}

#[test]
fn a_space_typed_inside_the_quotes_of_a_word_is_called_a_space() {
    let dir = project();
    let path = dir.path().join(ACHIEVEMENTS);
    edit(&path, "        unit: 亿元\n", "        unit: \"亿元 \"\n");
    let line = line_of(&path, "unit: \"亿元 \"");
    for (lang, says, not) in [
        ("C", "space", "quotation"),
        ("zh_CN.UTF-8", "空格", "引号是全角"),
    ] {
        let (exit, diags) = check(dir.path(), lang);
        assert_eq!(exit, 3);
        let d = diags
            .iter()
            .find(|d| d["code"] == "data-unknown-unit" && d["line"] == line)
            .unwrap_or_else(|| panic!("{diags:?}"));
        let said = format!("{} {}", d["message"], d["hints"]);
        assert!(said.contains(says) && !said.contains(not), "{said}");
    }
}

/// The full stop typed for the point (3。5) is a point to make half-width,
/// not a unit 。5 to move into `unit`; a year or an issue (第１期) typed in
/// full-width digits gets the half-width number.
#[test]
fn a_full_stop_for_the_point_and_full_width_year_get_the_half_width_number() {
    for (file, from, to, want) in [
        (
            ACHIEVEMENTS,
            "        value: 14\n",
            "        value: 3。5\n",
            "3.5",
        ),
        (ACHIEVEMENTS, "year: 2022", "year: ２０２２", "2022"),
        (META, "issue: null", "issue: 第１期", "1"),
    ] {
        let dir = project();
        edit(&dir.path().join(file), from, to);
        let (code, diagnostics) = check(dir.path(), "en");
        assert_eq!(code, 3);
        let hints = hints(&diagnostics);
        assert!(
            hints.contains(&format!("`{want}`")) && !hints.contains("unit:"),
            "{to}: {hints}"
        );
    }
}

#[test]
fn a_note_typed_under_a_number_is_said_as_joined_to_it() {
    // `issue: 3` with （总第45期） on the next line, indented: YAML joins
    // the lines into one text, and "write only the number `3`" was said of
    // a line that holds only 3 (round 26).
    let dir = project();
    edit(
        &dir.path().join(META),
        "issue: null",
        "issue: 3\n  （总第45期）\n#",
    );
    let (code, diagnostics) = check(dir.path(), "en");
    assert_eq!(code, 3);
    let said = diagnostics
        .iter()
        .find(|d| d["file"] == "data/meta.yaml")
        .unwrap_or_else(|| panic!("{diagnostics:?}"));
    assert_eq!(said["line"], 9, "{said}");
    assert!(
        said["hints"].to_string().contains("indented further"),
        "{said}"
    );
}

#[test]
fn a_placeholder_s_dot_typed_full_width_is_said_with_the_field_kept() {
    // `{new_market_entities。yoy}`: "did you mean `new_market_entities`",
    // and the figure was printed where its change was meant (round 29).
    for dot in ["。", "．", "_"] {
        let dir = project();
        edit(
            &dir.path().join(ACHIEVEMENTS),
            "{new_market_entities.yoy}",
            &format!("{{new_market_entities{dot}yoy}}"),
        );
        let (code, diagnostics) = check(dir.path(), "en");
        assert_eq!(code, 3);
        let hints = hints(&diagnostics);
        assert!(
            hints.contains("{new_market_entities.yoy}"),
            "{dot}: {hints}"
        );
    }
}

#[test]
fn a_value_typed_where_a_field_has_fields_is_told_how_to_write_it() {
    // `yoy: 14.3`, `share: 26.6`, `keywords: 甲，乙`:
    // "found a number, expected a mapping" told a clerk nothing of what to
    // write (round 29). The hint is the line, with what was typed in it and
    // `…` where the user's words go: a hint is pasted, and one that showed
    // 全市第一 or another report's byline printed them (round 30).
    let cases = [
        (
            ACHIEVEMENTS,
            "yoy: { value: 14.3, verb: 增长, basis: 同比 }",
            "yoy: 14.3",
            "yoy: { value: 14.3, verb: … }",
        ),
        (
            ACHIEVEMENTS,
            "share: [{ scope: 全市, value: 26.6 }]",
            "share: 26.6",
            "share: [{ value: 26.6, scope: … }]",
        ),
        (
            META,
            "keywords: [哈尔滨新区, 改革, 产业发展, 科技创新, 开放合作, 民营经济, 扩大内需, 民生保障]",
            "keywords: 哈尔滨新区，改革，产业发展",
            "keywords: [哈尔滨新区, 改革, 产业发展]",
        ),
        // The one field to write takes what was typed, never the words of
        // another report (本报记者 张焱 would be printed as this one's).
        (
            META,
            "source:\n  publication: 哈尔滨日报\n  edition: 03版\n  byline: 本报记者 张焱\n  word_count: 3723",
            "source: 大洋网",
            "source: { publication: 大洋网 }",
        ),
    ];
    for (file, from, to, want) in cases {
        let dir = project();
        edit(&dir.path().join(file), from, to);
        let (code, diagnostics) = check(dir.path(), "en");
        assert_eq!(code, 3);
        let said = diagnostics
            .iter()
            .find(|d| d["code"] == "data-wrong-type")
            .unwrap_or_else(|| panic!("{to}: {diagnostics:?}"));
        assert!(
            said["hints"].to_string().contains(&format!("`{want}`")),
            "{to}: {said}"
        );
    }
}

#[test]
fn a_hinted_list_pasted_in_reads_back_as_typed() {
    // The hint for a list typed as text, pasted as it is, loads and says
    // what was typed: quotes kept (`\"` was shown and printed), the input
    // method's 【】 taken for [ ], a paragraph's comma no list's (round 30).
    let cases = [
        (
            META,
            "keywords: [哈尔滨新区, 改革, 产业发展, 科技创新, 开放合作, 民营经济, 扩大内需, 民生保障]",
            "keywords: 哈尔滨新区、\"六个龙江\"、改革",
            "keywords: [哈尔滨新区, '\"六个龙江\"', 改革]",
        ),
        (
            META,
            "keywords: [哈尔滨新区, 改革, 产业发展, 科技创新, 开放合作, 民营经济, 扩大内需, 民生保障]",
            "keywords: 【哈尔滨新区，改革】",
            "keywords: [哈尔滨新区, 改革]",
        ),
        (
            ACHIEVEMENTS,
            "lead: []",
            "lead: 开局之年, 要有破局之志。",
            "lead: ['开局之年, 要有破局之志。']",
        ),
    ];
    for (file, from, to, want) in cases {
        let dir = project();
        let path = dir.path().join(file);
        edit(&path, from, to);
        let (_, diagnostics) = check(dir.path(), "en");
        let hints = hints(&diagnostics);
        assert!(hints.contains(&format!("`{want}`")), "{to}: {hints}");
        edit(&path, to, want);
        let (code, diagnostics) = check(dir.path(), "en");
        assert!(
            diagnostics.iter().all(|d| d["severity"] != "error"),
            "{want}: {code} {diagnostics:?}"
        );
    }
}
