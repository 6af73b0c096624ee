//! Bad input of every kind: a message naming file, line, column and field,
//! a documented non-zero exit, and the previous outputs byte-for-byte intact.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::*;

/// Builds once, applies `breakage`, builds again and checks that it fails
/// with `exit` and that every earlier output is unchanged. Returns stderr.
fn fails_and_keeps_outputs(breakage: impl FnOnce(&Path), args: &[&str], exit: i32) -> String {
    let dir = project();
    ok(brief(dir.path(), &["build"]));
    let out = dir.path().join("out");
    let before: Vec<(String, Vec<u8>)> = fs::read_dir(&out)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (e.file_name().to_string_lossy().to_string(), read(&e.path()))
        })
        .collect();
    breakage(dir.path());
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let result = brief(dir.path(), &all);
    let err = stderr(&result);
    assert_eq!(code(&result), exit, "expected exit {exit}, got:\n{err}");
    for (name, bytes) in &before {
        assert_eq!(
            &read(&out.join(name)),
            bytes,
            "{name} changed after a failed build"
        );
    }
    let leftovers: Vec<_> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    err
}

fn at(file: &str, line: usize) -> String {
    format!("{file}:{line}:")
}

#[test]
fn a_typo_in_a_field_name_names_line_field_and_the_right_name() {
    let mut line = 0;
    let err = fails_and_keeps_outputs(
        |p| {
            line = line_of(&p.join(ACHIEVEMENTS), "value: 3.5");
            edit(&p.join(ACHIEVEMENTS), "value: 3.5", "valeu: 3.5");
        },
        &[],
        3,
    );
    assert!(err.contains(&at(ACHIEVEMENTS, line)), "{err}");
    assert!(err.contains("unknown field `valeu`"), "{err}");
    assert!(err.contains("sections[0].figures[0].valeu"), "{err}");
    assert!(err.contains("did you mean `value`?"), "{err}");
}

#[test]
fn a_wrong_type_names_line_and_field() {
    let mut line = 0;
    let err = fails_and_keeps_outputs(
        |p| {
            line = line_of(&p.join(ACHIEVEMENTS), "value: 3.5");
            edit(&p.join(ACHIEVEMENTS), "value: 3.5", "value: three");
        },
        &[],
        3,
    );
    assert!(err.contains(&at(ACHIEVEMENTS, line)), "{err}");
    assert!(err.contains("sections[0].figures[0].value"), "{err}");
    assert!(err.contains("a number"), "{err}");
}

#[test]
fn a_missing_field_and_an_unknown_unit_are_named() {
    let err = fails_and_keeps_outputs(|p| edit(&p.join(PLAN), "year: 2023", "yaer: 2023"), &[], 3);
    assert!(
        err.contains("unknown field `yaer`") && err.contains("did you mean `year`?"),
        "{err}"
    );

    let mut line = 0;
    let err = fails_and_keeps_outputs(
        |p| {
            line = line_of(&p.join(ACHIEVEMENTS), "unit: 亿元");
            edit(&p.join(ACHIEVEMENTS), "unit: 亿元", "unit: 亿圆");
        },
        &[],
        3,
    );
    assert!(err.contains(&at(ACHIEVEMENTS, line)), "{err}");
    assert!(
        // A unit one character from another may be another quantity (千米,
        // 千克): no near unit is named, the known ones are listed.
        err.contains("`亿圆` is not a known unit")
            && !err.contains("did you mean")
            && err.contains("vocabulary"),
        "{err}"
    );
    assert!(!err.contains("variant"), "no Rust words: {err}");
}

#[test]
fn semantic_errors_of_a_file_are_all_reported_at_once() {
    let (mut l1, mut l2) = (0, 0);
    let err = fails_and_keeps_outputs(
        |p| {
            let f = p.join(ACHIEVEMENTS);
            l1 = line_of(&f, "value: 26.6");
            edit(&f, "value: 26.6", "value: 126.6");
            l2 = line_of(&f, "{gdp_growth}");
            edit(&f, "{gdp_growth}", "{gdp_growht}");
        },
        &[],
        3,
    );
    assert!(
        err.contains(&at(ACHIEVEMENTS, l1)) && err.contains("out of range"),
        "{err}"
    );
    assert!(
        err.contains(&at(ACHIEVEMENTS, l2)) && err.contains("did you mean `{gdp_growth}`?"),
        "{err}"
    );
    assert!(err.contains("2 error(s)"), "{err}");
}

#[test]
fn duplicate_keys_and_ids_are_refused() {
    let err = fails_and_keeps_outputs(
        |p| {
            edit(
                &p.join(ACHIEVEMENTS),
                "year: 2022\n",
                "year: 2022\nyear: 2021\n",
            )
        },
        &[],
        3,
    );
    assert!(err.contains("duplicate key `year`"), "{err}");
    assert!(
        err.contains(&at(
            ACHIEVEMENTS,
            line_of(&repo().join(ACHIEVEMENTS), "year: 2022") + 1
        )),
        "{err}"
    );

    let err = fails_and_keeps_outputs(
        |p| edit(&p.join(PLAN), "id: new_jobs_2023", "id: new_jobs"),
        &[],
        3,
    );
    assert!(err.contains("duplicate id `new_jobs`"), "{err}");
}

#[test]
fn yaml_syntax_errors_name_the_line() {
    let err = fails_and_keeps_outputs(
        |p| {
            edit(
                &p.join(PLAN),
                "kind: plan\n",
                "kind: plan\ntitle: [unclosed\n",
            )
        },
        &[],
        3,
    );
    // At the line of the bracket left open, not where the parser gave up.
    let shipped = std::fs::read_to_string(repo().join(PLAN)).unwrap();
    let line = shipped.lines().position(|l| l == "kind: plan").unwrap() + 2;
    assert!(err.contains(&format!("{PLAN}:{line}:")), "{err}");
    assert!(err.contains("[ opened here is not closed"), "{err}");
}

#[test]
fn empty_binary_non_utf8_multi_document_and_oversized_files_are_refused() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", b"# nothing here\n".to_vec(), "empty"),
        ("binary", b"kind: plan\n\x00\x01\x02".to_vec(), "binary"),
        (
            "latin-1",
            b"kind: plan\ntitle: caf\xe9\n".to_vec(),
            "not valid UTF-8",
        ),
        (
            "two documents",
            b"kind: plan\n---\nkind: plan\n".to_vec(),
            "second YAML document",
        ),
        (
            "huge",
            format!("kind: plan\n#{}\n", "x".repeat(600 * 1024)).into_bytes(),
            "at most",
        ),
    ];
    for (what, bytes, message) in cases {
        let start = Instant::now();
        let err = fails_and_keeps_outputs(|p| fs::write(p.join(PLAN), &bytes).unwrap(), &[], 3);
        assert!(err.contains(PLAN) && err.contains(message), "{what}: {err}");
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{what} took too long"
        );
    }
    let err = fails_and_keeps_outputs(
        |p| fs::write(p.join(PLAN), b"kind: plan\ntitle: caf\xe9\n").unwrap(),
        &[],
        3,
    );
    assert!(err.contains(&at(PLAN, 2)), "non-UTF-8 position: {err}");
}

#[test]
fn alias_bombs_and_deep_nesting_are_refused_quickly() {
    let bomb = "kind: plan\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
    let nested = format!("kind: plan\nx: {}\n", "[".repeat(100_000));
    for (what, text, message) in [
        ("alias bomb", bomb.to_string(), "aliases"),
        ("nesting", nested, "nesting"),
    ] {
        let start = Instant::now();
        let err = fails_and_keeps_outputs(|p| fs::write(p.join(PLAN), &text).unwrap(), &[], 3);
        assert!(err.contains(message), "{what}: {err}");
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{what} took {:?}",
            start.elapsed()
        );
    }
}

#[test]
fn a_template_error_names_the_template_line_and_exits_4() {
    let err = fails_and_keeps_outputs(
        |p| {
            let t = p.join("templates/briefing.typ");
            let text = fs::read_to_string(&t).unwrap();
            fs::write(&t, format!("{text}\n#undefined-function()\n")).unwrap();
        },
        &[],
        4,
    );
    let line = fs::read_to_string(repo().join("templates/briefing.typ"))
        .unwrap()
        .lines()
        .count()
        + 2;
    assert!(
        err.contains(&format!("templates/briefing.typ:{line}:")),
        "{err}"
    );
    assert!(
        err.contains("unknown variable: undefined-function"),
        "{err}"
    );
}

#[test]
fn a_template_cannot_read_outside_the_project() {
    // A symlink inside the project that leads out of it.
    let err = fails_and_keeps_outputs(
        |p| {
            let outside = p
                .parent()
                .unwrap()
                .join(format!("secret-{}.txt", std::process::id()));
            fs::write(&outside, "secret").unwrap();
            std::os::unix::fs::symlink(&outside, p.join("templates/secret.txt")).unwrap();
            let t = p.join("templates/briefing.typ");
            let text = fs::read_to_string(&t).unwrap();
            fs::write(&t, format!("{text}\n#read(\"secret.txt\")\n")).unwrap();
        },
        &[],
        4,
    );
    assert!(err.contains("leads outside the project"), "{err}");

    // `..` past the project root.
    let err = fails_and_keeps_outputs(
        |p| {
            let t = p.join("templates/briefing.typ");
            let text = fs::read_to_string(&t).unwrap();
            fs::write(&t, format!("{text}\n#read(\"../../../../etc/passwd\")\n")).unwrap();
        },
        &[],
        4,
    );
    assert!(err.contains("templates/briefing.typ:"), "{err}");
    assert!(!err.contains("root:"), "the file was read: {err}");
    // typst's hint names its own CLI's option; brief has --project instead
    assert!(
        !err.contains("--root") && err.contains("--project"),
        "{err}"
    );
}

#[test]
fn a_runaway_template_is_stopped_by_the_timeout() {
    let start = Instant::now();
    let err = fails_and_keeps_outputs(
        |p| {
            let t = p.join("templates/slides.typ");
            let text = fs::read_to_string(&t).unwrap();
            fs::write(
                &t,
                format!("#for i in range(100000) {{ for j in range(100000) {{ }} }}\n{text}"),
            )
            .unwrap();
        },
        &["--timeout", "3"],
        6,
    );
    assert!(err.contains("--timeout"), "{err}");
    assert!(start.elapsed() < Duration::from_secs(60));
}

#[test]
fn a_character_no_font_can_draw_is_named_and_strict_makes_it_an_error() {
    let dir = project();
    let f = dir.path().join(ACHIEVEMENTS);
    let line = line_of(&f, "惟其艰难");
    edit(&f, "惟其艰难", "\u{1F600}惟其艰难");
    let err = ok(brief(dir.path(), &["build"]));
    assert!(
        err.contains("U+1F600")
            && err.contains(&at(ACHIEVEMENTS, line))
            && err.contains("opening[0]"),
        "{err}"
    );

    let err = fails_and_keeps_outputs(
        |p| edit(&p.join(ACHIEVEMENTS), "惟其艰难", "\u{1F600}惟其艰难"),
        &["--strict"],
        4,
    );
    assert!(err.contains("U+1F600"), "{err}");
    let err = fails_and_keeps_outputs(
        |p| edit(&p.join(ACHIEVEMENTS), "惟其艰难", "\u{1F600}惟其艰难"),
        &[
            "--pdf-standard",
            "a-2b",
            "--creation-timestamp",
            "1672876800",
        ],
        4,
    );
    assert!(err.contains("U+1F600"), "{err}");
}

#[test]
fn a_missing_output_folder_is_created_and_a_read_only_one_is_an_error() {
    let dir = project();
    ok(brief(dir.path(), &["build", "--out", "deep/new/folder"]));
    assert!(dir.path().join("deep/new/folder/briefing.pdf").is_file());

    let ro = dir.path().join("ro");
    fs::create_dir(&ro).unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
    let result = if fs::write(ro.join("probe"), b"x").is_err() {
        brief(dir.path(), &["build", "--out", "ro"])
    } else {
        // Root ignores permissions (CI runs as root): brief runs as nobody, for whom they apply.
        fs::remove_file(ro.join("probe")).unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        Command::new(tool("setpriv").get_program())
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN])
            .args(["build", "--out", "ro"])
            .current_dir(dir.path())
            .env("BRIEF_LANG", "en")
            .env("HOME", dir.path())
            .output()
            .unwrap()
    };
    assert_eq!(code(&result), 1, "{}", stderr(&result));
    assert!(stderr(&result).contains("ro"), "{}", stderr(&result));
    assert_eq!(fs::read_dir(&ro).unwrap().count(), 0);
}

#[test]
fn an_up_to_date_build_in_a_folder_brief_may_not_write_says_so_and_succeeds() {
    // A scheduled rebuild into a folder made read-only (an archive, a share)
    // failed on the lock even when there was nothing to write.
    let dir = project();
    ok(brief(dir.path(), &["build", "--out", "ro"]));
    let ro = dir.path().join("ro");
    use std::os::unix::fs::PermissionsExt;
    for entry in fs::read_dir(&ro).unwrap() {
        let path = entry.unwrap().path();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    }
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let files = || -> Vec<_> {
        let mut all: Vec<_> = fs::read_dir(&ro)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (e.file_name(), read(&e.path()))
            })
            .collect();
        all.sort();
        all
    };
    let before = files();
    // Root ignores permissions (CI runs as root): brief runs as nobody, for
    // whom they apply.
    let as_user = |args: &[&str]| {
        let mut command = if fs::write(ro.join("probe"), b"x").is_err() {
            let mut c = Command::new(BIN);
            c.args(args);
            c
        } else {
            fs::remove_file(ro.join("probe")).unwrap();
            let mut c = Command::new(tool("setpriv").get_program());
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN])
                .args(args);
            c
        };
        command
            .current_dir(dir.path())
            .env("BRIEF_LANG", "en")
            .env("HOME", dir.path())
            .output()
            .unwrap()
    };
    let result = as_user(&["build", "--out", "ro"]);
    assert_eq!(code(&result), 0, "{}", stderr(&result));
    assert!(
        stderr(&result).contains("up to date"),
        "{}",
        stderr(&result)
    );
    // With a change to write, it fails naming the folder, and keeps all.
    let plan = dir.path().join(PLAN);
    let text = fs::read_to_string(&plan).unwrap();
    fs::write(&plan, text + "# 修改\n").unwrap();
    let result = as_user(&["build", "--out", "ro"]);
    assert_eq!(code(&result), 1, "{}", stderr(&result));
    assert!(stderr(&result).contains("ro"), "{}", stderr(&result));
    assert_eq!(before, files());
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_missing_project_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let result = brief(dir.path(), &["build"]);
    assert_eq!(code(&result), 2);
    assert!(
        stderr(&result).contains("no data/ folder"),
        "{}",
        stderr(&result)
    );
}

#[test]
fn a_missing_required_field_is_named_with_its_place() {
    let mut line = 0;
    let err = fails_and_keeps_outputs(
        |p| {
            let f = p.join(ACHIEVEMENTS);
            line = line_of(&f, "label: 地区生产总值同比增长");
            edit(&f, "        label: 地区生产总值同比增长\n", "");
        },
        &[],
        3,
    );
    assert!(err.contains("missing field `label`"), "{err}");
    assert!(err.contains("sections[0].figures[0]"), "{err}");
    // at the figure that lacks it: its first line, the one before the label's
    assert!(
        err.contains(&format!("{ACHIEVEMENTS}:{}:", line - 1)),
        "{err}"
    );
}

#[test]
fn a_file_of_one_null_is_as_empty_as_an_empty_file_wherever_it_is() {
    // `~` alone was read as "no settings" in theme.yaml and vocabulary.yaml
    // and as a value of the wrong kind, placed nowhere, in templates/.
    for (file, with_templates) in [
        ("theme.yaml", false),
        ("templates/vocabulary.yaml", true),
        ("templates/theme.yaml", true),
        (PLAN, false),
    ] {
        for text in ["~\n", "# 主题\n---\nnull  # 以后再写\n"] {
            let dir = if with_templates {
                project()
            } else {
                data_only()
            };
            fs::write(dir.path().join(file), text).unwrap();
            let out = brief(dir.path(), &["check"]);
            let err = stderr(&out);
            assert_eq!(code(&out), 3, "{file} {text:?}: {err}");
            let line = text.lines().count();
            assert!(
                err.contains(&format!("{file}:{line}:1")) && err.contains("only null"),
                "{file} {text:?}: {err}"
            );
        }
    }
    // An empty mapping says "no settings" on purpose.
    let dir = data_only();
    fs::write(dir.path().join("theme.yaml"), "{}\n").unwrap();
    ok(brief(dir.path(), &["check"]));
}

#[test]
fn an_output_folder_that_is_a_link_to_nothing_is_said_so() {
    // A link that loops, or leads to a folder that is gone: creating the
    // folder fails with "exists", which said "it exists already" (untrue
    // for what the user sees: no folder).
    let dir = data_only();
    std::os::unix::fs::symlink("loop", dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink("gone/folder", dir.path().join("dangling")).unwrap();
    for out in ["loop", "dangling"] {
        let result = brief(dir.path(), &["build", "--out", out]);
        assert_eq!(code(&result), 1, "{}", stderr(&result));
        let err = stderr(&result);
        assert!(
            err.contains("a link that leads to no folder") && !err.contains("exists already"),
            "{out}: {err}"
        );
    }
}

#[test]
fn a_bad_output_folder_is_a_json_line_under_the_json_format() {
    // Tools reading JSON lines saw nothing on stdout and only human text on
    // stderr when the run ended on its --out.
    let dir = data_only();
    fs::write(dir.path().join("taken"), b"a file").unwrap();
    let out = brief(
        dir.path(),
        &["build", "--out", "taken", "--diagnostic-format", "json"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["severity"], "error");
    assert_eq!(lines[0]["code"], "fail-other");
    assert!(
        lines[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("taken") && m.contains("not a folder")),
        "{lines:?}"
    );
    // --out inside data/ is a usage error, said the same way.
    let out = brief(
        dir.path(),
        &["build", "--out", "data/x", "--diagnostic-format", "json"],
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let line: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(line["code"], "fail-usage");
    // So is a value or an option clap refuses before the format is read
    // (hostile round 6: nothing on stdout), in either spelling.
    for args in [
        &["build", "--ppi", "5", "--diagnostic-format", "json"][..],
        &["check", "--bogus", "--diagnostic-format=json"][..],
    ] {
        let out = brief(dir.path(), args);
        assert_eq!(code(&out), 2, "{}", stderr(&out));
        let line: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
        assert_eq!(line["code"], "fail-usage", "{args:?}");
    }
    // Every line has the same keys, a kept file of the user's too (its
    // line lacked `path`).
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    fs::create_dir_all(dir.path().join("mine")).unwrap();
    fs::write(dir.path().join("mine/briefing.pdf"), b"mine").unwrap();
    let out = brief(
        dir.path(),
        &["build", "--out", "mine", "--diagnostic-format", "json"],
    );
    let kept: serde_json::Value = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["code"] == "output-kept")
        .unwrap_or_else(|| panic!("{}", stdout(&out)));
    assert_eq!(keys(&kept), keys(&line));
    // Data problems are still one line each, with no line for the failure.
    let dir = data_only();
    edit(&dir.path().join(PLAN), "kind: plan", "kind: plan\nbogus: 1");
    let out = brief(dir.path(), &["check", "--diagnostic-format", "json"]);
    assert_eq!(code(&out), 3);
    assert!(
        stdout(&out).lines().all(|l| !l.contains("fail-")),
        "{}",
        stdout(&out)
    );
}

#[test]
fn an_output_path_that_is_a_file_is_an_io_error() {
    let err = fails_and_keeps_outputs(
        |p| fs::write(p.join("taken"), b"a file").unwrap(),
        &["--out", "taken"],
        1,
    );
    assert!(err.contains("taken"), "{err}");
    // named as what is there, not as "it exists already"
    assert!(err.contains("a file is there, not a folder"), "{err}");
    // A device is no folder either, and stays what it is.
    let err = fails_and_keeps_outputs(|_| {}, &["--out", "/dev/null"], 1);
    assert!(
        err.contains("/dev/null") && err.contains("a file is there, not a folder"),
        "{err}"
    );
    assert!(!Path::new("/dev/null").is_dir() && Path::new("/dev/null").exists());
}

#[test]
fn a_required_text_left_null_is_refused_at_its_line() {
    // `title: ~` and `label:` with nothing after it are YAML's null, never the word "null"
    let mut line = 0;
    let err = fails_and_keeps_outputs(
        |p| {
            let f = p.join("data/meta.yaml");
            line = line_of(&f, "title: ");
            let text = fs::read_to_string(&f).unwrap();
            let old = text
                .lines()
                .find(|l| l.starts_with("title: "))
                .unwrap()
                .to_string();
            edit(&f, &old, "title: ~");
            edit(
                &p.join(ACHIEVEMENTS),
                "label: 地区生产总值同比增长",
                "label:",
            );
        },
        &[],
        3,
    );
    assert!(err.contains(&format!("data/meta.yaml:{line}:")), "{err}");
    assert!(err.contains("found null, expected text"), "{err}");
    assert!(err.contains("label"), "{err}");
}

#[test]
fn a_year_with_decimals_asks_for_a_whole_number() {
    let err = fails_and_keeps_outputs(
        |p| edit(&p.join(ACHIEVEMENTS), "year: 2022", "year: 2022.0"),
        &[],
        3,
    );
    assert!(err.contains("expected a whole number"), "{err}");
}

#[test]
fn a_killed_build_never_leaves_a_truncated_pdf() {
    let dir = project();
    ok(brief(dir.path(), &["build"]));
    let pdf = dir.path().join("out/briefing.pdf");
    let old = read(&pdf);
    edit(&dir.path().join(ACHIEVEMENTS), "value: 14.3", "value: 19.9");
    ok(brief(dir.path(), &["build", "--out", "new"]));
    let new = read(&dir.path().join("new/briefing.pdf"));
    assert_ne!(old, new);
    // Kill builds at moments spread over their run; each leaves the old or the new PDF.
    for delay_ms in [5u64, 20, 40, 60, 80, 100, 130, 160, 200, 260] {
        let mut child = Command::new(BIN)
            .args(["build", "--force"])
            .current_dir(dir.path())
            .env_remove("SOURCE_DATE_EPOCH")
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let now = read(&pdf);
        assert!(
            now == old || now == new,
            "after a kill at {delay_ms} ms the PDF is neither old nor new ({} bytes)",
            now.len()
        );
    }
    // The next run cleans up what killed runs left.
    ok(brief(dir.path(), &["build", "--force"]));
    let leftovers: Vec<_> = fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert_eq!(read(&pdf), new);
}

#[test]
fn a_slide_that_overflows_is_reported_and_strict_fails() {
    // Content taller than a slide (here, from an edited template).
    let err = fails_and_keeps_outputs(
        |p| {
            let t = p.join("templates/slides.typ");
            let text = fs::read_to_string(&t).unwrap();
            fs::write(&t, format!("{text}\n#slide(cfg, title: \"溢出\", [#rect(height: 100mm) #rect(height: 100mm)])\n")).unwrap();
        },
        &["--strict"],
        4,
    );
    assert!(err.contains("overflows its page"), "{err}");
}

#[test]
fn a_clause_too_long_for_a_slide_is_split_over_slides_word_for_word() {
    // One clause with no punctuation to split at, far too long for a slide.
    let dir = project();
    let long = "新区".repeat(700);
    edit(
        &dir.path().join(PLAN),
        "新建高标准农田",
        &format!("{long}新建高标准农田"),
    );
    let err = ok(brief(
        dir.path(),
        &["build", "--only", "slides", "--strict"],
    ));
    assert!(!err.contains("overflows"), "{err}");
    // Every word is there, on as many slides as it takes.
    assert!(
        pdf_text(&dir.path().join("out/slides.pdf"))
            .matches("新区")
            .count()
            >= 700
    );
}

#[test]
fn problems_in_both_part_files_are_reported_together() {
    let err = fails_and_keeps_outputs(
        |p| {
            edit(&p.join(ACHIEVEMENTS), "value: 3.5", "value: three");
            edit(&p.join(PLAN), "value: 6.5", "value: 6500");
        },
        &[],
        3,
    );
    assert!(
        err.contains(ACHIEVEMENTS) && err.contains("a number"),
        "{err}"
    );
    assert!(
        err.contains(PLAN) && err.contains("6500% is out of range"),
        "{err}"
    );
}

#[test]
fn an_amount_target_is_not_checked_as_a_percentage() {
    let dir = project();
    let plan = dir.path().join(PLAN);
    let text = fs::read_to_string(&plan).unwrap();
    let target = "  - id: target_exports_amount\n    indicator: 进出口总额\n    verb: 达到\n    value: 1500\n    unit: 亿元\n";
    fs::write(
        &plan,
        text.replacen("targets:\n", &format!("targets:\n{target}"), 1),
    )
    .unwrap();
    let err = ok(brief(dir.path(), &["check"]));
    assert!(!err.contains("out of range"), "{err}");
    // A negative amount is still refused.
    edit(&plan, "value: 1500", "value: -1500");
    let result = brief(dir.path(), &["check"]);
    assert_eq!(code(&result), 3, "{}", stderr(&result));
    assert!(
        stderr(&result).contains("cannot be negative"),
        "{}",
        stderr(&result)
    );
}

#[test]
fn bad_option_values_are_usage_errors_not_crashes() {
    let dir = project();
    for args in [
        &["build", "--format", "png", "--ppi", "0"][..],
        // below 24 ppi the charts' hatching is smaller than a pixel: typst's renderer panicked
        &["build", "--format", "png", "--ppi", "10"],
        &["build", "--format", "png", "--ppi", "NaN"],
        &["build", "--timeout", "18446744073709551615"],
        &["build", "--wait", "18446744073709551615"],
    ] {
        let result = brief(dir.path(), args);
        assert_eq!(code(&result), 2, "{args:?}: {}", stderr(&result));
    }
    // A whole number out of range is said so, a negative one too (it was
    // "not a whole number", and -1 "unknown option").
    for value in ["99999999999999999999", "-1", "0"] {
        let result = brief(dir.path(), &["build", "--timeout", value]);
        assert_eq!(code(&result), 2, "{value}: {}", stderr(&result));
        assert!(
            stderr(&result).contains(&format!("{value} is out of range: from 1 to 86400")),
            "{value}: {}",
            stderr(&result)
        );
    }
}

#[test]
fn without_a_fonts_folder_the_faces_brief_carries_are_used_and_a_missing_font_path_is_an_error() {
    let dir = project();
    fs::remove_file(dir.path().join("fonts")).unwrap();
    // The binary carries the bundled faces: a project without fonts/ builds the same pages.
    ok(brief(dir.path(), &["build"]));
    let fonts = pdf_fonts(&dir.path().join("out/briefing.pdf"));
    assert!(
        fonts.contains("NotoSerifSC") && fonts.contains("NotoSansSC"),
        "{fonts}"
    );
    let listing = stdout(&brief(dir.path(), &["fonts"]));
    assert!(
        listing.contains("Noto Serif SC  [carried in brief"),
        "{listing}"
    );

    let result = brief(dir.path(), &["build", "--font-path", "no/such/folder"]);
    assert_eq!(code(&result), 2, "{}", stderr(&result));
    assert!(
        stderr(&result).contains("no/such/folder"),
        "{}",
        stderr(&result)
    );
    // A face file where its folder is meant: the folder to give is named.
    fs::create_dir(dir.path().join("faces")).unwrap();
    fs::write(dir.path().join("faces/仿宋_GB2312.ttf"), b"face").unwrap();
    let result = brief(
        dir.path(),
        &["build", "--font-path", "faces/仿宋_GB2312.ttf"],
    );
    assert_eq!(code(&result), 2, "{}", stderr(&result));
    let said = stderr(&result);
    assert!(
        said.contains("not a folder") && said.contains("--font-path faces)"),
        "{said}"
    );
}

#[test]
fn an_undrawable_character_is_placed_at_its_field_not_at_a_comment() {
    let dir = project();
    let f = dir.path().join(ACHIEVEMENTS);
    // The same character first in a comment, then in the text.
    edit(
        &f,
        "kind: achievements\n",
        "kind: achievements\n# 😀 a comment\n",
    );
    let line = line_of(&f, "惟其艰难");
    edit(&f, "惟其艰难", "惟其😀艰难");
    let result = brief(dir.path(), &["check", "--diagnostic-format", "json"]);
    assert!(result.status.success(), "{}", stderr(&result));
    let diag: serde_json::Value = stdout(&result)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|d| d["message"].as_str().unwrap().contains("U+1F600"))
        .expect("a diagnostic for U+1F600");
    assert_eq!(diag["severity"], "warning");
    assert_eq!(diag["file"], ACHIEVEMENTS);
    assert_eq!(diag["line"], line);
    assert_eq!(diag["path"], "opening[0]");
    let text = fs::read_to_string(&f).unwrap();
    let col = text
        .lines()
        .nth(line - 1)
        .unwrap()
        .chars()
        .position(|c| c == '😀')
        .unwrap()
        + 1;
    assert_eq!(diag["column"], col);
}

#[test]
fn a_data_file_cannot_lead_outside_the_project() {
    let err = fails_and_keeps_outputs(
        |p| {
            let outside = p
                .parent()
                .unwrap()
                .join(format!("plan-{}.yaml", std::process::id()));
            fs::copy(p.join(PLAN), &outside).unwrap();
            fs::remove_file(p.join(PLAN)).unwrap();
            std::os::unix::fs::symlink(&outside, p.join(PLAN)).unwrap();
        },
        // Same bytes as before, so a plain build would rightly be up to date.
        &["--force"],
        3,
    );
    assert!(
        err.contains(PLAN) && err.contains("leads outside the project"),
        "{err}"
    );
}

#[test]
fn the_short_format_keeps_place_field_and_hint_on_one_line() {
    let dir = project();
    let line = line_of(&dir.path().join(ACHIEVEMENTS), "value: 3.5");
    edit(&dir.path().join(ACHIEVEMENTS), "value: 3.5", "valeu: 3.5");
    let result = brief(dir.path(), &["check", "--diagnostic-format", "short"]);
    assert_eq!(code(&result), 3);
    let err = stderr(&result);
    let first = err.lines().next().unwrap();
    assert!(
        first.starts_with(&format!("{ACHIEVEMENTS}:{line}:")),
        "{first}"
    );
    assert!(
        first.contains("sections[0].figures[0].valeu") && first.contains("did you mean `value`?"),
        "{first}"
    );
}

#[test]
fn two_sections_of_one_file_with_one_id_are_refused() {
    let err = fails_and_keeps_outputs(
        |p| {
            edit(
                &p.join(ACHIEVEMENTS),
                "  - id: reform\n",
                "  - id: economy\n",
            )
        },
        &["--diagnostic-format", "short"],
        3,
    );
    let line = line_of(&repo().join(ACHIEVEMENTS), "  - id: reform");
    assert!(
        err.lines()
            .any(|l| l.starts_with(&at(ACHIEVEMENTS, line)) && l.contains("`economy`")),
        "{err}"
    );
}

#[test]
fn a_unit_or_qualifier_typed_again_after_its_placeholder_is_refused_at_its_line() {
    // {new_jobs} prints 7500个以上: typed again it would print 7500个以上个 or 3.5%左右左右
    let mut line = 0;
    let err = fails_and_keeps_outputs(
        |p| {
            let f = p.join(ACHIEVEMENTS);
            line = line_of(&f, "新开发就业岗位{new_jobs}");
            edit(
                &f,
                "新开发就业岗位{new_jobs}。",
                "新开发就业岗位{new_jobs}个。",
            );
            edit(&f, "同比增长{gdp_growth}，", "同比增长{gdp_growth}左右，");
        },
        &["--strict"],
        3,
    );
    assert!(
        err.contains("“个” stands after the placeholder, which prints it already"),
        "{err}"
    );
    assert!(err.contains("“左右”"), "{err}");
    assert!(err.contains(&format!("{ACHIEVEMENTS}:{line}:")), "{err}");
}

#[test]
fn a_value_with_control_characters_is_shown_not_obeyed() {
    // An escape sequence or a direction override in a bad value would
    // recolour, clear or reorder the user's terminal line if echoed.
    let dir = project();
    for args in [
        &[
            "build",
            "--docx",
            "--docx-font",
            "Noto Serif SC=宋\u{1b}[31m体",
        ][..],
        &["build", "--timeout", "1\u{1b}[2J"],
        &["build", "--onyl\u{1b}[2J"],
        &[
            "build",
            "--pptx",
            "--pptx-font",
            "Noto Serif SC=宋\u{202E}体",
        ],
        // Folders named in a message: a path is a value too.
        &["build", "--project", "st\u{1b}[2J"],
        &["build", "--project", "st\u{202E}x"],
        &["build", "--font-path", "nope\u{1b}[2J"],
        &["build", "--out", "/proc/x\u{1b}[2J"],
    ] {
        let result = brief(dir.path(), args);
        assert!(matches!(code(&result), 1 | 2), "{args:?}");
        let said = stderr(&result);
        assert!(!said.contains(['\u{1b}', '\u{202E}']), "{args:?}: {said:?}");
        assert!(said.contains("<U+"), "{args:?}: {said}");
    }
}

#[test]
fn pdf_standards_that_cannot_go_together_are_a_usage_error_before_any_work() {
    let dir = project();
    for given in ["a-2b,a-3b", "1.4,1.7", "a-4,1.7"] {
        let out = brief(dir.path(), &["build", "--pdf-standard", given]);
        let err = stderr(&out);
        assert_eq!(code(&out), 2, "{given}: {err}");
        assert!(
            err.contains("--pdf-standard") && err.contains(given),
            "{err}"
        );
        // Before the data is read or a document compiled: nothing written.
        assert!(!dir.path().join("out").exists(), "{given}");
    }
    let out = Command::new(BIN)
        .args(["build", "--pdf-standard", "a-2b,a-3b"])
        .current_dir(dir.path())
        .env("BRIEF_LANG", "zh")
        .output()
        .unwrap();
    assert!(stderr(&out).contains("不能同时满足"), "{}", stderr(&out));
    // A standard for images, or with the handout, which embeds the slides'
    // PDF: exit 4 after compiling everything before (round 18).
    for extra in [&["--format", "png"][..], &["--handout"][..]] {
        let mut args = vec!["build", "--pdf-standard", "ua-1"];
        args.extend_from_slice(extra);
        let out = brief(dir.path(), &args);
        assert_eq!(code(&out), 2, "{extra:?}: {}", stderr(&out));
        assert!(!dir.path().join("out").exists(), "{extra:?}");
    }
    // Standards that go together build.
    ok(brief(
        dir.path(),
        &[
            "build",
            "--only",
            "briefing",
            "--pdf-standard",
            "a-2b,1.7",
            "--creation-timestamp",
            "1672876800",
        ],
    ));
}
