//! Unattended and hostile, round three: what a scheduled run meets on a real
//! machine (link loops, FIFOs, devices, folder names from a Windows zip,
//! font files damaged or replaced under a running build, tampered files of
//! brief's own) ends, never hangs or panics, touches nothing outside the
//! project, and says what it found.

mod common;

use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// brief with arguments that need not be UTF-8.
fn brief_os(dir: &Path, args: &[&OsStr]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("BRIEF_LANG", "en")
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap()
}

/// Runs `args` and asserts that it ends within `limit` (a run still going
/// then is killed, and the test fails).
fn ends_within(dir: &Path, args: &[&str], limit: Duration) -> std::process::Output {
    let start = Instant::now();
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("BRIEF_LANG", "en")
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("brief {args:?} did not end within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn a_collection_header_claiming_billions_of_faces_is_not_a_font_at_once() {
    // "ttcf", version 1, 0xFFFFFFFF faces, and nothing else: each file kept
    // the scan busy for twenty seconds, trying every face it claimed.
    let dir = data_only();
    let fonts = dir.path().join("fonts");
    fs::create_dir(&fonts).unwrap();
    for n in 1..=3 {
        fs::write(
            fonts.join(format!("bad{n}.ttc")),
            b"ttcf\x00\x01\x00\x00\xff\xff\xff\xff",
        )
        .unwrap();
    }
    let started = Instant::now();
    let out = ends_within(dir.path(), &["fonts"], Duration::from_secs(90));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
    for n in 1..=3 {
        assert!(
            stderr(&out).contains(&format!("bad{n}.ttc: not a font")),
            "{}",
            stderr(&out)
        );
    }
    let out = ends_within(dir.path(), &["build"], Duration::from_secs(90));
    assert_eq!(code(&out), 4, "{}", stderr(&out));
}

#[test]
fn a_link_loop_in_the_font_folders_is_followed_once() {
    let dir = data_only();
    let fonts = dir.path().join("fonts");
    fs::create_dir(&fonts).unwrap();
    for f in ["NotoSansSC_400Regular.ttf", "NotoSerifSC_400Regular.ttf"] {
        std::os::unix::fs::symlink(repo().join("fonts").join(f), fonts.join(f)).unwrap();
    }
    std::os::unix::fs::symlink(".", fonts.join("a")).unwrap();
    std::os::unix::fs::symlink(".", fonts.join("b")).unwrap();
    std::os::unix::fs::symlink("..", fonts.join("up")).unwrap();
    let listed = ends_within(dir.path(), &["fonts"], Duration::from_secs(20));
    assert!(listed.status.success(), "{}", stderr(&listed));
    assert!(stdout(&listed).contains("Noto Serif SC"));
    let built = ends_within(
        dir.path(),
        &["build", "--timeout", "60"],
        Duration::from_secs(40),
    );
    assert!(built.status.success(), "{}", stderr(&built));
    // The whole file system as a font folder ends too, saying where it stopped.
    let root = ends_within(
        dir.path(),
        &["fonts", "--font-path", "/"],
        Duration::from_secs(60),
    );
    assert!(root.status.success(), "{}", stderr(&root));
    assert!(
        stderr(&root).contains("the search for fonts stopped"),
        "{}",
        stderr(&root)
    );
}

#[test]
fn a_timeout_says_what_the_run_was_doing() {
    let dir = data_only();
    // The lock held by another brief: the run waits, and the timeout says so.
    ok(brief(dir.path(), &["build"]));
    let _lock = hold_lock(dir.path());
    let out = ends_within(
        dir.path(),
        &["build", "--force", "--wait", "30", "--timeout", "1"],
        Duration::from_secs(20),
    );
    assert_eq!(code(&out), 6, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("while waiting for another brief"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_timeout_during_the_export_ends_the_run_on_time_and_says_so() {
    // Page images at 1200 ppi take about 30 s; the run ends close to its
    // two seconds (a quarter second of grace for the compiler's own
    // deadline), saying that it was exporting.
    let dir = data_only();
    let started = Instant::now();
    let out = ends_within(
        dir.path(),
        &[
            "build",
            "--only",
            "slides",
            "--format",
            "png",
            "--ppi",
            "1200",
            "--timeout",
            "2",
        ],
        Duration::from_secs(20),
    );
    let took = started.elapsed();
    assert_eq!(code(&out), 6, "{}", stderr(&out));
    assert!(stderr(&out).contains("while exporting"), "{}", stderr(&out));
    assert!(took < Duration::from_millis(2800), "ended after {took:?}");
    assert!(!dir.path().join("out/slides-01.png").exists());
}

#[test]
fn brief_s_own_files_that_are_not_regular_files_are_set_aside() {
    let dir = data_only();
    ok(brief(dir.path(), &["build"]));
    let out = dir.path().join("out");
    let mkfifo = |p: &Path| {
        let _ = fs::remove_file(p);
        mkfifo(p);
    };
    let link = |p: &Path, to: &str| {
        let _ = fs::remove_file(p);
        std::os::unix::fs::symlink(to, p).unwrap();
    };
    type Spoil<'a> = Box<dyn Fn(&Path) + 'a>;
    let cases: [(&str, Spoil); 5] = [
        (".brief.lock", Box::new(|p| mkfifo(p))),
        (".brief-journal.json", Box::new(|p| mkfifo(p))),
        (".brief-journal.json", Box::new(|p| link(p, "/dev/zero"))),
        (".brief-state.json", Box::new(|p| link(p, "/dev/zero"))),
        (".brief-state.json", Box::new(|p| mkfifo(p))),
    ];
    for (name, spoil) in cases {
        spoil(&out.join(name));
        let built = ends_within(
            dir.path(),
            &["build", "--force", "--timeout", "60"],
            Duration::from_secs(30),
        );
        assert!(built.status.success(), "{name}: {}", stderr(&built));
        let bad = out.join(format!("{name}.bad"));
        assert!(
            fs::symlink_metadata(&bad).is_ok(),
            "{name} was not set aside"
        );
        if name != ".brief.lock" {
            assert!(
                stderr(&built).contains("is not a file brief wrote"),
                "{name}: {}",
                stderr(&built)
            );
        }
        fs::remove_file(&bad).unwrap();
    }
}

#[test]
fn a_tampered_journal_or_state_never_reaches_outside_the_output_folder() {
    let dir = data_only();
    ok(brief(dir.path(), &["build"]));
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim.txt");
    fs::write(&victim, "keep me").unwrap();
    let meta = fs::read(dir.path().join("data/meta.yaml")).unwrap();
    let journal = dir.path().join("out/.brief-journal.json");
    for step in [
        r#"{"name":"../data/meta.yaml","new":null,"old":null,"digest":null}"#.to_string(),
        format!(
            r#"{{"name":"{}","new":null,"old":null,"digest":null}}"#,
            victim.display()
        ),
        r#"{"name":"briefing.pdf","new":"../data/meta.yaml","old":null,"digest":null}"#.to_string(),
    ] {
        fs::write(&journal, format!(r#"{{"steps":[{step}]}}"#)).unwrap();
        let built = brief(dir.path(), &["build", "--force"]);
        assert!(built.status.success(), "{}", stderr(&built));
        assert_eq!(fs::read(dir.path().join("data/meta.yaml")).unwrap(), meta);
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
        assert!(stderr(&built).contains("is not a file brief wrote"));
    }
    // A state that claims a file outside the folder as one of its outputs,
    // with the digest that file has: the state is not trusted at all.
    let state = dir.path().join("out/.brief-state.json");
    let text = fs::read_to_string(&state).unwrap();
    let tampered = text.replacen(
        "\"outputs\": {",
        &format!(
            "\"outputs\": {{\n    \"../data/meta.yaml\": \"{}\",",
            brief::digest::digest(&meta)
        ),
        1,
    );
    assert_ne!(tampered, text, "the state has an outputs map");
    fs::write(&state, tampered).unwrap();
    let again = brief(dir.path(), &["build"]);
    assert!(
        stderr(&again).contains("built"),
        "a tampered state must not make the outputs look up to date: {}",
        stderr(&again)
    );
    ok(brief(dir.path(), &["build", "--only", "slides", "--force"]));
    assert_eq!(fs::read(dir.path().join("data/meta.yaml")).unwrap(), meta);
}

#[test]
fn arguments_that_are_not_utf8_are_paths_like_any_other() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path();
    // GBK for 中文, as a folder name from a Windows zip arrives.
    let name = OsStr::from_bytes(b"proj\xd6\xd0\xce\xc4");
    let out = OsStr::from_bytes(b"out\xd6\xd0");
    let fonts = OsStr::from_bytes(b"fonts\xd6\xd0");
    let next = OsStr::from_bytes(b"next\xd6\xd0");
    fs::create_dir(dir.join(fonts)).unwrap();
    let runs: [&[&OsStr]; 5] = [
        &["init".as_ref(), name],
        &["build".as_ref(), "--project".as_ref(), name],
        &[
            "build".as_ref(),
            "--project".as_ref(),
            name,
            "--out".as_ref(),
            out,
        ],
        &[
            "fonts".as_ref(),
            "--project".as_ref(),
            name,
            "--font-path".as_ref(),
            fonts,
        ],
        &["init".as_ref(), "--from".as_ref(), name, next],
    ];
    for args in runs {
        let result = brief_os(dir, args);
        assert!(
            result.status.success(),
            "{args:?}: {:?}\n{}",
            result.status,
            stderr(&result)
        );
    }
    assert!(dir.join(out).join("briefing.pdf").is_file());
    assert!(dir.join(name).join("out/slides.pdf").is_file());
    assert!(dir.join(next).join("data/meta.yaml").is_file());
    // A project that is not there: a usage error, the name shown lossily.
    let missing = brief_os(
        dir,
        &[
            "build".as_ref(),
            "--project".as_ref(),
            OsStr::from_bytes(b"none\xd6"),
        ],
    );
    assert_eq!(code(&missing), 2, "{}", stderr(&missing));
    assert!(
        stderr(&missing).contains("none\u{FFFD}"),
        "{}",
        stderr(&missing)
    );
    // A value that is no path, and the timestamp a build system sets: named,
    // in the user's language (it was clap's English "invalid UTF-8 was
    // detected in one or more arguments").
    let project = tempfile::tempdir().unwrap();
    let face = Command::new(BIN)
        .args([
            OsStr::new("build"),
            OsStr::new("--pptx"),
            OsStr::new("--pptx-font"),
        ])
        .arg(OsStr::from_bytes(b"Noto Sans SC=\xce\xa2\xc8\xed"))
        .current_dir(project.path())
        .env("BRIEF_LANG", "zh")
        .output()
        .unwrap();
    assert_eq!(code(&face), 2);
    assert!(
        stderr(&face).contains("--pptx-font 不是 UTF-8 文本"),
        "{}",
        stderr(&face)
    );
    let epoch = Command::new(BIN)
        .arg("build")
        .current_dir(project.path())
        .env("BRIEF_LANG", "en")
        .env("SOURCE_DATE_EPOCH", OsStr::from_bytes(b"17\xff"))
        .output()
        .unwrap();
    assert_eq!(code(&epoch), 2);
    assert!(
        stderr(&epoch).contains("environment variable SOURCE_DATE_EPOCH is not UTF-8"),
        "{}",
        stderr(&epoch)
    );
}

#[test]
fn init_refuses_a_folder_name_with_a_line_break() {
    // A name pasted with its line break made a folder no one can type, and
    // the "next: cd new" line printed across two lines.
    let parent = tempfile::tempdir().unwrap();
    for name in ["new\nline", "tab\tname", "新区\n"] {
        let result = brief(parent.path(), &["init", name]);
        assert_eq!(code(&result), 2, "{name:?}: {}", stderr(&result));
        let err = stderr(&result);
        assert!(err.contains("control character"), "{err}");
        // Said escaped, on one line.
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    }
    assert_eq!(fs::read_dir(parent.path()).unwrap().count(), 0);
    // A name with spaces or Chinese is the user's to choose.
    ok(brief(parent.path(), &["init", "哈尔滨 新区"]));
}

#[test]
fn outputs_never_go_into_a_folder_brief_reads() {
    let dir = project();
    let extra = tempfile::tempdir().unwrap();
    let extra_path = extra.path().to_str().unwrap();
    for out in [
        "data",
        "data/sub",
        "templates",
        "fonts",
        "./data/../templates/x",
        // Through folders not made yet (the hostile rerun: these went into data/).
        "new/../data",
        "out/../data",
        "a/b/../../templates",
        "new/../fonts/x",
        // The theme file: a folder made at its name broke every later build.
        "theme.yaml",
    ] {
        let result = brief(dir.path(), &["build", "--out", out]);
        assert_eq!(code(&result), 2, "--out {out}: {}", stderr(&result));
        assert!(
            stderr(&result).contains("which brief reads"),
            "{}",
            stderr(&result)
        );
        let watched = brief(dir.path(), &["watch", "--out", out]);
        assert_eq!(code(&watched), 2, "watch --out {out}");
    }
    let inside = format!("{extra_path}/o");
    let result = brief(
        dir.path(),
        &["build", "--font-path", extra_path, "--out", &inside],
    );
    assert_eq!(code(&result), 2, "{}", stderr(&result));
    // Without a theme file, no folder is made at its name.
    let bare = data_only();
    let result = brief(bare.path(), &["build", "--out", "theme.yaml"]);
    assert_eq!(code(&result), 2, "{}", stderr(&result));
    assert!(!bare.path().join("theme.yaml").exists());
    // The project folder itself holds data/, and may hold the outputs.
    ok(brief(dir.path(), &["build", "--out", "."]));
    assert!(dir.path().join("briefing.pdf").is_file());
}

#[test]
fn watch_in_a_project_of_data_alone_rebuilds_every_save() {
    let dir = data_only();
    let file = dir.path().join(ACHIEVEMENTS);
    let pdf = dir.path().join("out/briefing.pdf");
    let limit = Duration::from_secs(60);
    with_watch(dir.path(), |rx| {
        wait_for(rx, "rebuilt", limit);
        let mut value = "14.3".to_string();
        // Ten saves, in the ways editors save: in place, by rename, by a
        // new file and a delete.
        for i in 0..10 {
            let next = format!("{}.{}", 30 + i, i % 9 + 1);
            let text = fs::read_to_string(&file).unwrap().replacen(
                &format!("value: {value}"),
                &format!("value: {next}"),
                1,
            );
            match i % 3 {
                0 => fs::write(&file, &text).unwrap(),
                1 => {
                    let tmp = dir.path().join("data/.save.tmp");
                    fs::write(&tmp, &text).unwrap();
                    fs::rename(&tmp, &file).unwrap();
                }
                _ => {
                    fs::remove_file(&file).unwrap();
                    fs::write(&file, &text).unwrap();
                }
            }
            value = next;
            let seen = wait_for(rx, "rebuilt", limit);
            assert!(
                !seen.iter().any(|l| l.contains("error")),
                "save {i}: {seen:?}"
            );
            // A save may be seen as two changes; the last build is what counts.
            let deadline = Instant::now() + limit;
            while !pdf_text(&pdf).contains(&format!("{value}%")) {
                assert!(Instant::now() < deadline, "save {i}: {value}% never shown");
                let _ = rx.recv_timeout(Duration::from_millis(200));
            }
        }
    });
}

#[test]
fn watch_outlives_a_face_cut_short_while_it_idles_and_sees_a_fifo_put_in_fonts() {
    let dir = data_only();
    let fonts = dir.path().join("fonts");
    fs::create_dir(&fonts).unwrap();
    let serif = "NotoSerifSC_400Regular.ttf";
    for f in [serif, "NotoSerifSC_700Bold.ttf"] {
        fs::copy(repo().join("fonts").join(f), fonts.join(f)).unwrap();
    }
    let limit = Duration::from_secs(60);
    with_watch(dir.path(), |rx| {
        wait_for(rx, "rebuilt", limit);
        // Cut short under the idle watcher, whose faces were loaded by the first build: before,
        // the next read of the mapped file ended the process (exit 1).
        fs::OpenOptions::new()
            .write(true)
            .open(fonts.join(serif))
            .unwrap()
            .set_len(4096)
            .unwrap();
        let seen = wait_for(rx, "watching for the fix", limit);
        assert!(seen.iter().any(|l| l.contains(serif)), "{seen:?}");
        fs::copy(repo().join("fonts").join(serif), fonts.join(serif)).unwrap();
        wait_for(rx, "rebuilt", limit);
        // A FIFO with a font's name is said (never read), though no font changed.
        mkfifo(&fonts.join("fifo.ttf"));
        let seen = wait_for(rx, "watching for the fix", limit);
        assert!(seen.iter().any(|l| l.contains("fifo.ttf")), "{seen:?}");
        fs::remove_file(fonts.join("fifo.ttf")).unwrap();
        wait_for(rx, "rebuilt", limit);
    });
}

#[test]
fn a_damaged_face_is_an_error_at_its_path_and_the_carried_faces_stay_the_fallback() {
    // A regular face and a bold one (the bold sets headings and figures).
    for face in ["NotoSerifSC_400Regular.ttf", "NotoSansSC_700Bold.ttf"] {
        let bytes = fs::read(repo().join("fonts").join(face)).unwrap();
        // Cut to 4 KB (names and metrics survive, glyphs do not), cut by a few
        // bytes at the end, junk, and larger than any font.
        let cases: [(&str, Vec<u8>); 3] = [
            ("4 KB", bytes[..4096].to_vec()),
            ("the end cut", bytes[..bytes.len() - 600].to_vec()),
            ("junk", b"not a font at all".repeat(100)),
        ];
        for (what, content) in cases {
            let dir = data_only();
            let fonts = dir.path().join("fonts");
            fs::create_dir(&fonts).unwrap();
            fs::write(fonts.join(face), content).unwrap();
            for args in [&["build", "--strict"][..], &["fonts"][..]] {
                let out = brief(dir.path(), args);
                assert_eq!(code(&out), 4, "{face}, {what}, {args:?}: {}", stderr(&out));
                assert!(
                    stderr(&out).contains(face),
                    "{face}, {what}: {}",
                    stderr(&out)
                );
            }
            assert!(!dir.path().join("out/briefing.pdf").exists());
        }
    }
    let dir = data_only();
    let fonts = dir.path().join("fonts");
    fs::create_dir(&fonts).unwrap();
    let big = fs::File::create(fonts.join("huge.ttf")).unwrap();
    big.set_len(2 << 30).unwrap(); // sparse: no disk used
    let out = brief(dir.path(), &["build"]);
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("too large for a font file"),
        "{}",
        stderr(&out)
    );
    // A tool reading the JSON line is told the file, not "fonts" (round 25).
    let out = brief(dir.path(), &["build", "--diagnostic-format", "json"]);
    let line: serde_json::Value = stdout(&out)
        .lines()
        .find_map(|l| serde_json::from_str(l).ok())
        .unwrap_or_else(|| panic!("{}", stdout(&out)));
    assert_eq!(line["file"], "fonts/huge.ttf", "{line}");

    // One office face, a FIFO and a link to a device: the faces carried in
    // brief still set every role, once the two that are no files are gone.
    let dir = data_only();
    let fonts = dir.path().join("fonts");
    fs::create_dir(&fonts).unwrap();
    fs::copy(
        repo().join("fonts/NotoSansSC_700Bold.ttf"),
        fonts.join("office.ttf"),
    )
    .unwrap();
    mkfifo(&fonts.join("fifo.ttf"));
    std::os::unix::fs::symlink("/dev/zero", fonts.join("zero.ttf")).unwrap();
    let strict_build = || {
        ends_within(
            dir.path(),
            &["build", "--strict", "--timeout", "60"],
            Duration::from_secs(40),
        )
    };
    // The FIFO and the device are never read (they would block or never end): each is an error
    // at its path, and nothing is written.
    let out = strict_build();
    assert!(!out.status.success(), "{}", stderr(&out));
    for name in ["fifo.ttf", "zero.ttf"] {
        assert!(stderr(&out).contains(name), "{}", stderr(&out));
    }
    assert!(!dir.path().join("out/briefing.pdf").exists());
    fs::remove_file(fonts.join("fifo.ttf")).unwrap();
    fs::remove_file(fonts.join("zero.ttf")).unwrap();
    let out = strict_build();
    assert!(out.status.success(), "{}", stderr(&out));
    let used = pdf_fonts(&dir.path().join("out/briefing.pdf"));
    for face in ["NotoSerifSC-Regular", "NotoSansSC-Regular"] {
        assert!(used.contains(face), "{face} not used:\n{used}");
    }
    assert!(!used.contains("Type 3"), "{used}");
    // Put back after a good build, the device link is said, not passed over as "up to date".
    std::os::unix::fs::symlink("/dev/zero", fonts.join("zero.ttf")).unwrap();
    let out = strict_build();
    assert!(!out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("zero.ttf"), "{}", stderr(&out));
}

#[test]
fn a_face_cut_short_during_a_build_never_yields_a_broken_document() {
    let dir = data_only();
    let fonts = dir.path().join("fonts");
    fs::create_dir(&fonts).unwrap();
    for f in [
        "NotoSansSC_400Regular.ttf",
        "NotoSansSC_700Bold.ttf",
        "NotoSerifSC_400Regular.ttf",
        "NotoSerifSC_700Bold.ttf",
    ] {
        fs::copy(repo().join("fonts").join(f), fonts.join(f)).unwrap();
    }
    ok(brief(dir.path(), &["build"]));
    let (pages, _, _) = pdf_info(&dir.path().join("out/briefing.pdf"));
    let good = fs::read(fonts.join("NotoSerifSC_400Regular.ttf")).unwrap();
    let mut seed: u64 = 0x2545_F491;
    let mut codes = std::collections::BTreeMap::new();
    for i in 0..30 {
        fs::write(fonts.join("NotoSerifSC_400Regular.ttf"), &good).unwrap();
        let before = fs::read(dir.path().join("out/briefing.pdf")).unwrap();
        let child = Command::new(BIN)
            .args(["build", "--force"])
            .current_dir(dir.path())
            .env("BRIEF_LANG", "en")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        std::thread::sleep(Duration::from_millis(10 + (seed >> 33) % 90));
        // Truncated in place, as a copy over the file would.
        let f = fs::OpenOptions::new()
            .write(true)
            .open(fonts.join("NotoSerifSC_400Regular.ttf"))
            .unwrap();
        f.set_len(4096).unwrap();
        drop(f);
        let out = child.wait_with_output().unwrap();
        let code = out.status.code();
        *codes.entry(code).or_insert(0) += 1;
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            matches!(code, Some(0 | 1 | 4)),
            "build {i}: {:?}\n{err}",
            out.status
        );
        let now = fs::read(dir.path().join("out/briefing.pdf")).unwrap();
        if code == Some(0) {
            // Committed: made from the whole face, before it was cut.
            let (p, _, _) = pdf_info(&dir.path().join("out/briefing.pdf"));
            assert_eq!(p, pages, "build {i}: a broken briefing was committed");
            let used = pdf_fonts(&dir.path().join("out/briefing.pdf"));
            assert!(!used.contains("Type 3"), "build {i}:\n{used}");
        } else {
            assert_eq!(
                now, before,
                "build {i} failed ({code:?}) but changed the briefing"
            );
            assert!(err.contains("no output was changed"), "build {i}: {err}");
            // The face that broke, said once: not an error for each character it left bare.
            assert!(err.lines().count() < 40, "build {i}: {err}");
        }
    }
    eprintln!("exit codes: {codes:?}");
}

#[test]
fn init_from_refuses_a_template_that_leads_outside_and_says_a_face_it_leaves() {
    let dir = project();
    let lib = dir.path().join("templates/lib.typ");
    fs::remove_file(&lib).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", &lib).unwrap();
    let next = dir.path().join("next");
    let out = brief(dir.path(), &["init", "--from", ".", next.to_str().unwrap()]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("templates/lib.typ"),
        "{}",
        stderr(&out)
    );
    assert!(
        !next.join("data").exists(),
        "a new project was left half written"
    );
    // A face that leads outside is left, with a word; the rest is copied.
    fs::remove_file(&lib).unwrap();
    fs::copy(repo().join("templates/lib.typ"), &lib).unwrap();
    let fonts = dir.path().join("fonts");
    fs::remove_file(&fonts).unwrap();
    fs::create_dir(&fonts).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", fonts.join("Extra.ttf")).unwrap();
    let out = brief(dir.path(), &["init", "--from", ".", next.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stderr(&out).contains("fonts/Extra.ttf"), "{}", stderr(&out));
    assert!(!next.join("fonts/Extra.ttf").exists());
}

/// A project's `data/` given where the project is meant (`init --from
/// proj/data`, `build --project proj/data`): a usage error that names the
/// project folder, not a file it could not read.
#[test]
fn the_data_folder_given_for_the_project_is_said_as_such() {
    let dir = data_only();
    let next = dir.path().join("next");
    for args in [
        vec!["init", "--from", "data", next.to_str().unwrap()],
        vec!["check", "--project", "data"],
    ] {
        let out = Command::new(BIN)
            .args(&args)
            .current_dir(dir.path())
            .env("BRIEF_LANG", "en")
            .output()
            .unwrap();
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        let root = dir.path().canonicalize().unwrap();
        assert!(
            stderr(&out).contains("data/ folder itself")
                && stderr(&out).contains(&format!("{}\n", root.display())),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(!next.exists());
    }
}

#[test]
fn data_written_to_a_full_output_is_an_error_and_a_closed_pipe_a_quiet_end() {
    let dir = data_only();
    for args in [&["schema"][..], &["schema", "--theme"], &["fonts"]] {
        let out = Command::new(BIN)
            .args(args)
            .current_dir(dir.path())
            .env("BRIEF_LANG", "en")
            .stdout(fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        assert_eq!(code(&out), 1, "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("cannot write to standard output"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    // A reader that stops early (`brief schema | head -1`) is no error.
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "set -o pipefail; '{BIN}' fonts --variants | head -c 1 >/dev/null"
        ))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

/// A FIFO at `path`: a reader of it would block forever.
fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

/// The staging folders of `init` in `parent`.
fn stagings(parent: &Path) -> Vec<std::path::PathBuf> {
    fs::read_dir(parent)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".brief-init-"))
        .map(|e| e.path())
        .collect()
}

#[test]
fn a_killed_init_leaves_nothing_the_next_run_does_not_remove() {
    let dir = project();
    let parent = tempfile::tempdir().unwrap();
    let p = parent.path();
    // What a killed run leaves: its folder with a lock file no one holds.
    let dead = p.join(".brief-init-dead01");
    fs::create_dir_all(dead.join("data")).unwrap();
    fs::write(dead.join(".brief-init.lock"), "").unwrap();
    fs::write(dead.join("data/meta.yaml"), "title: x\n").unwrap();
    // A run still writing holds its lock: its folder stays.
    let alive = p.join(".brief-init-alive1");
    fs::create_dir(&alive).unwrap();
    let held = fs::File::create(alive.join(".brief-init.lock")).unwrap();
    held.try_lock().unwrap();
    // A run that has just made its folder: no lock file yet, but new.
    let young = p.join(".brief-init-young1");
    fs::create_dir(&young).unwrap();
    // A link of that name is not brief's: neither it nor what it leads to goes.
    let elsewhere = tempfile::tempdir().unwrap();
    fs::write(elsewhere.path().join(".brief-init.lock"), "").unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), p.join(".brief-init-link01")).unwrap();
    ok(brief(dir.path(), &["init", p.join("a").to_str().unwrap()]));
    assert!(!dead.exists(), "the killed run's folder stayed");
    assert!(alive.exists() && young.exists());
    assert!(elsewhere.path().join(".brief-init.lock").exists());
    assert!(p.join(".brief-init-link01").is_symlink());
    drop(held);
    for d in [&alive, &young] {
        fs::remove_dir_all(d).unwrap();
    }
    fs::remove_file(p.join(".brief-init-link01")).unwrap();

    // Killed at instants spread over a roll-forward's writing (it copies the
    // project's own faces, 30 MB here): a folder is left, and the next run
    // removes it.
    let fonts = dir.path().join("fonts");
    fs::remove_file(&fonts).unwrap();
    fs::create_dir(&fonts).unwrap();
    for name in ["Office-Song.ttf", "Office-Hei.ttf"] {
        fs::copy(
            repo().join("fonts/NotoSerifSC_400Regular.ttf"),
            fonts.join(name),
        )
        .unwrap();
    }
    let mut left = 0;
    for i in 0..60u64 {
        let mut child = Command::new(BIN)
            .args(["init", "--from", "."])
            .arg(p.join(format!("k{i}")))
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(5 + (i * 37) % 120));
        let _ = child.kill();
        let _ = child.wait();
        left = left.max(stagings(p).len());
        if left > 0 && i >= 10 {
            break;
        }
    }
    assert!(left > 0, "no kill landed while init was writing");
    ok(brief(
        dir.path(),
        &["init", "--from", ".", p.join("last").to_str().unwrap()],
    ));
    // Only a run killed between making its folder and its lock file (a
    // few instructions) could leave one, and not one holding a lock file.
    let remaining = stagings(p);
    assert!(
        remaining
            .iter()
            .all(|s| !s.join(".brief-init.lock").exists()),
        "{remaining:?}"
    );
    assert!(!p.join("last/.brief-init.lock").exists());
}

#[test]
fn init_from_bounds_what_it_reads_and_a_write_that_fails_leaves_nothing() {
    let dir = project();
    let fonts = dir.path().join("fonts");
    fs::remove_file(&fonts).unwrap();
    fs::create_dir(&fonts).unwrap();
    let parent = tempfile::tempdir().unwrap();
    let next = parent.path().join("next");
    // A face larger than any font (sparse: no disk used) is refused at its
    // path, before it is read, and nothing is written.
    let huge = fs::File::create(fonts.join("Huge.ttf")).unwrap();
    huge.set_len(3 << 30).unwrap();
    let out = ends_within(
        dir.path(),
        &["init", "--from", ".", next.to_str().unwrap()],
        Duration::from_secs(30),
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("fonts/Huge.ttf") && stderr(&out).contains("too large"),
        "{}",
        stderr(&out)
    );
    assert!(!next.exists());
    fs::remove_file(fonts.join("Huge.ttf")).unwrap();

    // The disk fills while the new project is written (a file size limit of
    // 1 MB, the face to copy 15 MB): an error, and nothing left behind, so
    // the same command simply runs again.
    fs::copy(
        repo().join("fonts/NotoSerifSC_400Regular.ttf"),
        fonts.join("Office-Song.ttf"),
    )
    .unwrap();
    let limited = Command::new("bash")
        .arg("-c")
        .arg(r#"trap "" XFSZ; ulimit -f 1024; exec "$0" init --from . "$1""#)
        .arg(BIN)
        .arg(&next)
        .current_dir(dir.path())
        .env("BRIEF_LANG", "en")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(code(&limited), 1, "{}", stderr(&limited));
    assert!(
        stderr(&limited).contains("Office-Song.ttf"),
        "{}",
        stderr(&limited)
    );
    assert!(!next.exists(), "a new project was left half written");
    assert!(stagings(parent.path()).is_empty());
    ok(brief(
        dir.path(),
        &["init", "--from", ".", next.to_str().unwrap()],
    ));
    assert_eq!(
        fs::metadata(next.join("fonts/Office-Song.ttf"))
            .unwrap()
            .len(),
        fs::metadata(fonts.join("Office-Song.ttf")).unwrap().len()
    );
}

#[test]
fn a_templates_or_fonts_link_that_leads_nowhere_is_an_error_not_brief_s_own() {
    // A link whose folder was renamed, or a share not mounted: the build
    // went on with brief's built-in templates and faces, exit 0 under
    // --strict (hostile round 12).
    for name in ["templates", "fonts"] {
        let dir = data_only();
        std::os::unix::fs::symlink(format!("my-{name}"), dir.path().join(name)).unwrap();
        let out = brief(dir.path(), &["build", "--strict"]);
        assert_ne!(code(&out), 0, "{name}: {}", stderr(&out));
        assert!(stderr(&out).contains(name), "{name}: {}", stderr(&out));
        assert!(!dir.path().join("out/briefing.pdf").exists(), "{name}");
    }
}

#[test]
fn each_rebuild_of_watch_is_bounded_by_the_timeout_and_an_idle_watch_is_not() {
    let dir = data_only();
    // Idle longer than --timeout between rebuilds: watch goes on and rebuilds.
    with_watch_args(dir.path(), &["--timeout", "4"], |rx| {
        wait_for(rx, "rebuilt", Duration::from_secs(60));
        std::thread::sleep(Duration::from_secs(6));
        edit(
            &dir.path().join("data/meta.yaml"),
            "title:",
            "# 改一处\ntitle:",
        );
        wait_for(rx, "rebuilt", Duration::from_secs(60));
    });
    // A rebuild that cannot end within it (another brief holds the outputs
    // longer than --timeout) ends watch with code 6 and says what held it.
    let _lock = hold_lock(dir.path());
    let out = ends_within(
        dir.path(),
        &["watch", "--wait", "30", "--timeout", "1"],
        Duration::from_secs(20),
    );
    assert_eq!(code(&out), 6, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("while waiting for another brief"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn init_from_reads_no_template_that_is_no_regular_file_inside_the_project() {
    // A template brief also carries, linked to /dev/zero or made a FIFO, was
    // read to compare it with brief's own: init read forever (round 16).
    for (name, make) in [
        ("lib.typ", "link"),
        ("briefing.typ", "fifo"),
        ("presets.yaml", "link"),
    ] {
        let place = tempfile::tempdir().unwrap();
        let from = place.path().join("from");
        copy_dir(&repo().join("data"), &from.join("data"));
        copy_dir(&repo().join("templates"), &from.join("templates"));
        let at = from.join("templates").join(name);
        fs::remove_file(&at).unwrap();
        if make == "link" {
            std::os::unix::fs::symlink("/dev/zero", &at).unwrap();
        } else {
            let made = Command::new("mkfifo").arg(&at).status().unwrap();
            assert!(made.success());
        }
        let out = ends_within(
            place.path(),
            &["init", "--from", "from", "next"],
            Duration::from_secs(20),
        );
        let err = stderr(&out);
        assert_eq!(code(&out), 1, "{name}: {err}");
        assert!(err.contains(&format!("templates/{name}")), "{err}");
        assert!(!place.path().join("next").exists(), "{name}");
    }
}
