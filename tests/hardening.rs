//! brief unattended: nothing hangs, nothing runs away, outputs change as one
//! set, nothing of the user's is removed, and every error points at the right
//! place. Each test runs the real binary and checks the exit code, the
//! message's place, that it ends in bounded time, and that earlier outputs
//! are byte-identical.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// Every output file of a folder, with its bytes (the lock and the
/// temporaries aside).
fn outputs(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir.join("out"))
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.path().is_file())
                .map(|e| {
                    (
                        e.file_name().to_string_lossy().to_string(),
                        fs::read(e.path()).unwrap(),
                    )
                })
                .filter(|(n, _)| n != ".brief.lock")
                .collect()
        })
        .unwrap_or_default()
}

/// Builds once, breaks the project, runs brief: the exit code, the message,
/// bounded time, and the outputs exactly as before.
fn refused(breakage: impl FnOnce(&Path), args: &[&str], exit: i32) -> String {
    let dir = project();
    ok(brief(dir.path(), &["build"]));
    let before = outputs(dir.path());
    breakage(dir.path());
    let start = Instant::now();
    let mut all = vec!["build"];
    all.extend(args);
    let result = brief(dir.path(), &all);
    assert!(
        start.elapsed() < Duration::from_secs(30),
        "took {:?}",
        start.elapsed()
    );
    assert_eq!(code(&result), exit, "{}", stderr(&result));
    assert_eq!(outputs(dir.path()), before, "the outputs changed");
    stderr(&result)
}

#[test]
fn a_data_file_that_is_no_regular_file_is_refused_at_once() {
    // A FIFO would block a reader forever.
    let err = refused(
        |p| {
            let f = p.join(ACHIEVEMENTS);
            fs::remove_file(&f).unwrap();
            assert!(Command::new("mkfifo").arg(&f).status().unwrap().success());
        },
        &[],
        3,
    );
    assert!(
        err.contains(ACHIEVEMENTS) && err.contains("not a regular file"),
        "{err}"
    );
    // A device inside the project would never end.
    let err = refused(
        |p| {
            let f = p.join(ACHIEVEMENTS);
            fs::remove_file(&f).unwrap();
            std::os::unix::fs::symlink("/dev/zero", &f).unwrap();
        },
        &[],
        3,
    );
    assert!(err.contains(ACHIEVEMENTS), "{err}");
    // A 1.5 GB sparse file is refused by its size, without being read.
    let err = refused(
        |p| {
            let f = fs::OpenOptions::new()
                .write(true)
                .open(p.join(ACHIEVEMENTS))
                .unwrap();
            f.set_len(1_500_000_000).unwrap();
        },
        &[],
        3,
    );
    assert!(err.contains("1500000000 bytes"), "{err}");
}

/// Adds a line of code to the end of the project's templates/lib.typ.
fn append_to_lib(project: &Path, line: &str) {
    let lib = project.join("templates/lib.typ");
    let text = fs::read_to_string(&lib).unwrap();
    fs::write(&lib, format!("{text}\n{line}\n")).unwrap();
}

#[test]
fn a_run_ends_at_the_timeout_whatever_holds_it() {
    // The timeout bounds the whole run: a template that never ends, killed at 3 s.
    let err = refused(
        |p| {
            append_to_lib(
                p,
                "#let _ = for i in range(100000) { for j in range(100000) { } }",
            )
        },
        &["--timeout", "3"],
        6,
    );
    assert!(err.contains("--timeout"), "{err}");
}

#[test]
fn clean_up_removes_only_what_brief_wrote_and_is_unchanged() {
    let dir = project();
    ok(brief(
        dir.path(),
        &[
            "build", "--only", "slides", "--format", "png", "--ppi", "24",
        ],
    ));
    let out = dir.path().join("out");
    let last = fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with("slides-") && n.ends_with(".png"))
        .max()
        .unwrap();
    // The user's own file, and an annotated page image.
    fs::write(out.join("slides-99.png"), b"mine").unwrap();
    let mut annotated = fs::read(out.join(&last)).unwrap();
    annotated.extend_from_slice(b"annotation");
    fs::write(out.join(&last), &annotated).unwrap();
    // Back to PDF: brief removes the page images it wrote, says so, and keeps the others.
    let err = ok(brief(dir.path(), &["build", "--only", "slides"]));
    assert!(
        err.contains("removed") && err.contains("slides-01.png"),
        "{err}"
    );
    assert!(!out.join("slides-01.png").exists());
    assert_eq!(fs::read(out.join("slides-99.png")).unwrap(), b"mine");
    assert_eq!(fs::read(out.join(&last)).unwrap(), annotated);
    let removed: Vec<&str> = err.lines().filter(|l| l.contains("removed")).collect();
    assert!(
        !removed
            .iter()
            .any(|l| l.contains("slides-99.png") || l.contains(&last)),
        "{err}"
    );
    // The annotated image is left, and said to be no longer brief's; the user's own file
    // was never brief's and is not mentioned.
    assert!(
        err.contains(&format!(
            "{last}: changed since brief wrote it: left as it is"
        )),
        "{err}"
    );
    assert!(!err.contains("slides-99.png"), "{err}");
}

#[test]
fn outputs_are_replaced_as_one_set_or_not_at_all() {
    // The notes cannot be written (a folder is in their place): no other
    // output changes. (A folder in the state's place is set aside instead:
    // hostile.rs.)
    let dir = project();
    ok(brief(dir.path(), &["build"]));
    edit(&dir.path().join(ACHIEVEMENTS), "value: 14.3", "value: 15.3");
    let notes = dir.path().join("out/slides.pdfpc");
    fs::remove_file(&notes).unwrap();
    fs::create_dir(&notes).unwrap();
    let before = outputs(dir.path());
    let result = brief(dir.path(), &["build"]);
    assert_eq!(code(&result), 1, "{}", stderr(&result));
    assert!(
        stderr(&result).contains("slides.pdfpc"),
        "{}",
        stderr(&result)
    );
    assert_eq!(
        outputs(dir.path()),
        before,
        "some outputs were replaced, not all"
    );
}

#[test]
fn an_immutable_output_leaves_every_output_as_it_was() {
    let dir = project();
    ok(brief(dir.path(), &["build"]));
    let slides = dir.path().join("out/slides.pdf");
    // The file system must have immutable files (ext4 and others, as root,
    // as CI runs): a test that skipped itself elsewhere would pass unseen.
    assert!(
        Command::new("chattr")
            .arg("+i")
            .arg(&slides)
            .status()
            .is_ok_and(|s| s.success()),
        "chattr +i failed: run the tests as root on a file system with immutable files (ext4)"
    );
    let before = outputs(dir.path());
    edit(&dir.path().join(ACHIEVEMENTS), "value: 14.3", "value: 15.3");
    let result = brief(dir.path(), &["build"]);
    let _ = Command::new("chattr").arg("-i").arg(&slides).status();
    assert_eq!(code(&result), 1, "{}", stderr(&result));
    assert_eq!(
        outputs(dir.path()),
        before,
        "one output changed while another could not"
    );
}

/// Whether the outputs are one set: every file the state records holds the
/// bytes the state records for it.
fn consistent(dir: &Path) -> Result<(), String> {
    let out = dir.join("out");
    let text = fs::read_to_string(out.join(".brief-state.json")).map_err(|e| e.to_string())?;
    let state: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    for (name, digest) in state["outputs"].as_object().ok_or("no outputs")? {
        let bytes = fs::read(out.join(name)).map_err(|e| format!("{name}: {e}"))?;
        let actual = format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&bytes));
        if Some(actual.as_str()) != digest.as_str() {
            return Err(format!("{name} is not the file the state records"));
        }
    }
    Ok(())
}

#[test]
fn builds_killed_at_any_instant_leave_a_set_the_next_run_completes() {
    let dir = project();
    ok(brief(dir.path(), &["build"]));
    let f = dir.path().join(ACHIEVEMENTS);
    let state = dir.path().join("out/.brief-state.json");
    // The kills spread over a whole build (and a little past it), timed here.
    edit(&f, "value: 14.3", "value: 19.9");
    let start = Instant::now();
    ok(brief(dir.path(), &["build"]));
    let mut span = start.elapsed().as_millis() as u64 * 13 / 10;
    // The commit is held open a quarter of a build, so that kills fall in it
    // too (a few milliseconds otherwise, seldom hit).
    let hold = span / 4;
    let mut seed: u64 = 0x5DEE_CE66;
    let mut value = "19.9".to_string();
    let (mut journals, mut before, mut after) = (0, 0, 0);
    // At least 100 kills, and more (up to 300) until each of the three
    // instants was hit: a machine loaded by other tests builds slower than
    // the build timed above, and the span grows with the builds timed in
    // the loop.
    for i in 0..300 {
        if i >= 100 && before > 0 && after > 0 && journals > 0 {
            break;
        }
        let recorded = read(&state);
        // A new value each time, so that every build replaces its outputs.
        let next = format!("{}.{}", 20 + i, i % 10 + 1);
        edit(&f, &format!("value: {value}"), &format!("value: {next}"));
        value = next;
        let mut child = Command::new(BIN)
            .arg("build")
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .env("BRIEF_TEST_HOLD_COMMIT", hold.to_string())
            .env_remove("SOURCE_DATE_EPOCH")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        std::thread::sleep(Duration::from_millis((seed >> 33) % (span + hold)));
        let _ = child.kill();
        let _ = child.wait();
        // Right after the kill: one set, or a journal the next run completes.
        let journal = dir.path().join("out/.brief-journal.json").exists();
        journals += usize::from(journal);
        let old_set = !journal && read(&state) == recorded;
        if !journal {
            consistent(dir.path()).unwrap_or_else(|e| panic!("kill {i}: {e}"));
            if old_set {
                before += 1;
            } else {
                after += 1;
            }
        }
        let start = Instant::now();
        let result = brief(dir.path(), &["build"]);
        // A kill before the commit leaves a whole build to do: its time.
        if old_set {
            span = span.max(start.elapsed().as_millis() as u64 * 13 / 10);
        }
        assert!(result.status.success(), "kill {i}: {}", stderr(&result));
        if journal {
            assert!(
                stderr(&result).contains("completed the outputs"),
                "kill {i}: the journal was not replayed: {}",
                stderr(&result)
            );
        }
        consistent(dir.path()).unwrap_or_else(|e| panic!("after kill {i} and a build: {e}"));
        assert!(!dir.path().join("out/.brief-journal.json").exists());
        let leftovers: Vec<_> = fs::read_dir(dir.path().join("out"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "kill {i}: {leftovers:?}");
    }
    eprintln!(
        "of {} kills, {before} left the old set, {after} the new one, {journals} fell while a set was being put in place",
        before + after + journals
    );
    // Kills fell before the commit, inside it and after it, or this test proved nothing.
    assert!(
        before > 0 && after > 0 && journals > 0,
        "before {before}, after {after}, journals {journals}"
    );
}

#[test]
fn a_timeout_while_the_outputs_are_put_in_place_says_they_were_written() {
    // A commit that ran past --timeout was said "stopped; no output was
    // changed", exit 6, with every new output in place (round 25): the
    // set, once journaled, is completed and said so.
    let dir = project();
    ok(brief(dir.path(), &["build", "--only", "briefing"]));
    edit(&dir.path().join(ACHIEVEMENTS), "value: 14.3", "value: 18.7");
    let out = Command::new(BIN)
        .args([
            "--lang",
            "en",
            "build",
            "--only",
            "briefing",
            "--timeout",
            "3",
        ])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("BRIEF_TEST_HOLD_COMMIT", "5000")
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(code(&out), 0, "{err}");
    assert!(
        err.contains("--timeout") && err.contains("written whole"),
        "{err}"
    );
    assert!(!err.contains("no output was changed"), "{err}");
    assert!(pdf_text(&dir.path().join("out/briefing.pdf")).contains("18.7"));
    assert!(!dir.path().join("out/.brief-journal.json").exists());
    let again = brief(dir.path(), &["build", "--only", "briefing"]);
    assert!(stderr(&again).contains("up to date"), "{}", stderr(&again));
}

/// Brief's temporaries in the output folder.
fn temporaries(dir: &Path) -> Vec<String> {
    fs::read_dir(dir.join("out"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".brief-") && n.ends_with(".tmp"))
        .collect()
}

#[test]
fn ctrl_c_ends_a_build_with_one_set_and_nothing_staged_left() {
    // Ctrl-C (SIGINT) killed a build outright: the files it had staged
    // (a megabyte of .brief-new-*.tmp) stayed in out/ until the next run.
    // Now, at any instant, it ends with the old set (exit 130, said so) or,
    // once the new set went in, as the run would have (exit 0); nothing
    // staged is left behind. The commit is held open a while so that some
    // interrupts fall in it.
    let dir = project();
    ok(brief(dir.path(), &["build"]));
    let f = dir.path().join(ACHIEVEMENTS);
    let mut value = "14.3".to_string();
    let (mut stopped, mut finished) = (0, 0);
    for (i, ms) in [150u64, 300, 450, 600, 750, 900, 1050, 1200, 1500, 2500]
        .into_iter()
        .enumerate()
    {
        let recorded = fs::read(dir.path().join("out/.brief-state.json")).unwrap();
        let next = format!("{}.{}", 30 + i, i + 1);
        edit(&f, &format!("value: {value}"), &format!("value: {next}"));
        value = next;
        let child = Command::new(BIN)
            .args(["--lang", "en", "build"])
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .env("BRIEF_TEST_HOLD_COMMIT", "400")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(ms));
        // SAFETY: a signal to the child this test spawned.
        unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
        let out = child.wait_with_output().unwrap();
        let err = stderr(&out);
        assert!(
            temporaries(dir.path()).is_empty(),
            "{ms} ms: {:?}\n{err}",
            temporaries(dir.path())
        );
        assert!(
            !dir.path().join("out/.brief-journal.json").exists(),
            "{ms} ms: {err}"
        );
        consistent(dir.path()).unwrap_or_else(|e| panic!("{ms} ms: {e}"));
        let state = fs::read(dir.path().join("out/.brief-state.json")).unwrap();
        match code(&out) {
            130 => {
                stopped += 1;
                assert!(
                    err.contains("Ctrl-C") && err.contains("no output was changed"),
                    "{err}"
                );
                assert_eq!(state, recorded, "{ms} ms: stopped, yet the outputs changed");
            }
            0 => {
                finished += 1;
                assert_ne!(state, recorded, "{ms} ms: {err}");
            }
            other => panic!("{ms} ms: exit {other}: {err}"),
        }
    }
    assert!(
        stopped > 0 && finished > 0,
        "stopped {stopped}, finished {finished}"
    );
}

#[test]
fn a_build_killed_with_its_journal_written_is_completed_by_the_next_run() {
    let dir = project();
    ok(brief(dir.path(), &["build"]));
    edit(&dir.path().join(ACHIEVEMENTS), "value: 14.3", "value: 18.7");
    let journal = dir.path().join("out/.brief-journal.json");
    let mut child = Command::new(BIN)
        .arg("build")
        .current_dir(dir.path())
        .env("BRIEF_TEST_HOLD_COMMIT", "60000")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while !journal.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no journal written"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(journal.exists(), "the kill left the journal");
    // Killed with every new file staged and none in place: the next run
    // completes the set from the journal, then finds it up to date.
    let err = ok(brief(dir.path(), &["build"]));
    assert!(err.contains("completed the outputs"), "{err}");
    assert!(!journal.exists());
    consistent(dir.path()).unwrap();
    assert!(pdf_text(&dir.path().join("out/briefing.pdf")).contains("18.7%"));
}

#[test]
fn a_section_of_three_hundred_bullets_builds_without_overflow() {
    let dir = project();
    // Ten paragraphs of thirty sentences (a paragraph holds at most 2000 characters).
    let paragraphs: String = (0..10)
        .map(|p| {
            format!(
                "\n      - {}",
                (0..30)
                    .map(|i| format!("推进第{}项重点工作，确保按期完成。", p * 30 + i))
                    .collect::<String>()
            )
        })
        .collect();
    edit(
        &dir.path().join(ACHIEVEMENTS),
        "      - 2022年，哈尔滨新区经济发展稳中有进。",
        &format!("      - 2022年，哈尔滨新区经济发展稳中有进。{paragraphs}"),
    );
    let err = ok(brief(
        dir.path(),
        &["build", "--only", "slides", "--strict"],
    ));
    assert!(!err.contains("overflows"), "{err}");
    let (pages, _, _) = pdf_info(&dir.path().join("out/slides.pdf"));
    assert!(pages > 40, "{pages} slides for 300 more bullets");
}

#[test]
fn control_characters_are_refused_at_their_line_and_field() {
    // Written as YAML escapes in a double-quoted value.
    let mut line = 0;
    let err = refused(
        |p| {
            let f = p.join(ACHIEVEMENTS);
            line = line_of(&f, "label: 兑现政策扶持资金");
            edit(
                &f,
                "label: 兑现政策扶持资金",
                "label: \"兑现政策\\e扶持资金\"",
            );
        },
        &[],
        3,
    );
    assert!(
        err.contains(&format!("{ACHIEVEMENTS}:{line}:")) && err.contains("U+001B"),
        "{err}"
    );
    assert!(err.contains("sections[0].figures[1].label"), "{err}");
}

#[test]
fn raw_characters_are_placed_on_their_own_line() {
    for (what, ch) in [
        ("a BEL", "\u{7}"),
        ("NEL", "\u{85}"),
        ("U+FFFF", "\u{FFFF}"),
    ] {
        let mut line = 0;
        let err = refused(
            |p| {
                let f = p.join(ACHIEVEMENTS);
                line = line_of(&f, "label: 帮助企业融资");
                edit(
                    &f,
                    "label: 帮助企业融资",
                    &format!("label: 帮助企业{ch}融资"),
                );
            },
            &[],
            3,
        );
        assert!(
            err.contains(&format!("{ACHIEVEMENTS}:{line}:")),
            "{what}: {err}"
        );
    }
    // A tab used as indentation, on its own line.
    let mut line = 0;
    let err = refused(
        |p| {
            let f = p.join(ACHIEVEMENTS);
            line = line_of(&f, "        label: 帮助企业融资");
            edit(&f, "        label: 帮助企业融资", "\tlabel: 帮助企业融资");
        },
        &[],
        3,
    );
    assert!(
        err.contains(&format!("{ACHIEVEMENTS}:{line}:1")) && err.contains("tab"),
        "{err}"
    );
    // Old Mac line endings are named as such, not as an empty file.
    let err = refused(
        |p| {
            let f = p.join(ACHIEVEMENTS);
            let text = fs::read_to_string(&f).unwrap().replace('\n', "\r");
            fs::write(&f, text).unwrap();
        },
        &[],
        3,
    );
    assert!(err.contains("CR") && !err.contains("empty"), "{err}");
}

#[test]
fn values_out_of_range_are_refused_before_they_run_off_a_page() {
    let err = refused(
        |p| edit(&p.join(ACHIEVEMENTS), "value: 148.9", "value: 99999999999"),
        &[],
        3,
    );
    assert!(err.contains("out of range"), "{err}");
    // A number no report prints: refused as such, with the form to use.
    let err = refused(
        |p| edit(&p.join(ACHIEVEMENTS), "value: 148.9", "value: 1e308"),
        &[],
        3,
    );
    assert!(err.contains("is not a number as brief reads it"), "{err}");
    assert!(err.contains("in digits as the article prints it"), "{err}");
    let long = "长".repeat(10_000);
    let err = refused(
        |p| {
            edit(
                &p.join(ACHIEVEMENTS),
                "label: 新签约项目",
                &format!("label: {long}"),
            )
        },
        &[],
        3,
    );
    assert!(err.contains("10000 characters"), "{err}");
    let err = refused(
        |p| {
            edit(
                &p.join(ACHIEVEMENTS),
                "label: 新签约项目",
                &format!("label: 新签约{}", "A".repeat(60)),
            )
        },
        &[],
        3,
    );
    assert!(err.contains("60 letters and digits"), "{err}");
}

#[test]
fn text_outside_its_page_or_over_other_text_is_found_on_every_page() {
    let dir = project();
    let t = dir.path().join("templates/briefing.typ");
    let text = fs::read_to_string(&t).unwrap();
    fs::write(&t, format!("{text}\n#place(dx: -60mm)[页边之外的文字]\n#place(dy: -2mm)[压住的文字]\n#place(dy: -2mm)[压住的文字]\n")).unwrap();
    let err = ok(brief(dir.path(), &["build", "--only", "briefing"]));
    assert!(
        err.contains("页边之外的文字") && err.contains("reaches outside"),
        "{err}"
    );
    assert!(err.contains("is drawn over"), "{err}");
    let result = brief(
        dir.path(),
        &["build", "--only", "briefing", "--strict", "--force"],
    );
    assert_eq!(code(&result), 4, "{}", stderr(&result));
    // Text of the data that leaves the page is said at its line and column in the data, what
    // the user shortens; text of the template's own, at the template.
    let text = fs::read_to_string(&t).unwrap();
    fs::write(
        &t,
        format!("{text}\n#place(dx: -80mm)[加力助企纾困，兑现政策扶持资金]\n"),
    )
    .unwrap();
    let err = ok(brief(dir.path(), &["build", "--only", "briefing"]));
    let line = line_of(&dir.path().join(ACHIEVEMENTS), "加力助企纾困");
    assert!(
        err.contains(&format!("{ACHIEVEMENTS}:{line}:9")) && err.contains("reaches outside"),
        "{err}"
    );
    assert!(err.contains("templates/briefing.typ"), "{err}");
    // Words many texts of the data hold name none of them: the first was
    // often another page's (hostile round 7: line 15 for page 3's list).
    let text = fs::read_to_string(&t).unwrap();
    fs::write(&t, format!("{text}\n#place(dx: -80mm)[同比增长]\n")).unwrap();
    let err = ok(brief(dir.path(), &["build", "--only", "briefing"]));
    let said = err
        .lines()
        .find(|l| l.contains("“同比增长” reaches outside"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(said.contains("templates/briefing.typ"), "{said}");
    // A line whose first words two texts hold is told apart by the rest of it: said at the one
    // text that holds it whole.
    let text = fs::read_to_string(&t).unwrap();
    fs::write(
        &t,
        format!("{text}\n#place(dx: -80mm)[市政基础配套项目。实施江北中环线]\n"),
    )
    .unwrap();
    let err = ok(brief(dir.path(), &["build", "--only", "briefing"]));
    let plan = "data/2023-plan.yaml";
    let line = line_of(&dir.path().join(plan), "市政基础配套项目。实施江北中环线");
    assert!(
        err.contains("“市政基础配套项目。实施江北中环线” reaches outside")
            && err.contains(&format!("{plan}:{line}:")),
        "{err}"
    );
}

#[test]
fn creation_timestamps_outside_the_years_a_document_can_print_are_usage_errors() {
    for ts in ["253402300800", "-99999999999", "-1"] {
        let err = refused(|_| {}, &["--creation-timestamp", ts], 2);
        assert!(err.contains("out of range"), "{ts}: {err}");
    }
}

#[test]
fn a_bad_source_date_epoch_is_named_as_the_environment_s() {
    let dir = project();
    let out = Command::new(BIN)
        .arg("check")
        .current_dir(dir.path())
        .env("SOURCE_DATE_EPOCH", "garbage")
        .env("BRIEF_LANG", "en")
        .output()
        .unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("`garbage` in the environment variable SOURCE_DATE_EPOCH"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn memory_is_bounded_with_a_code_of_its_own() {
    let err = refused(
        |p| append_to_lib(p, "#let _ = range(100000000).map(x => (x, str(x)))"),
        &["--memory-limit", "512"],
        7,
    );
    assert!(err.contains("--memory-limit"), "{err}");
    // A page image of gigapixels: stopped, not aborted.
    let err = refused(
        |_| {},
        &["--only", "slides", "--format", "png", "--ppi", "2400"],
        7,
    );
    assert!(err.contains("--ppi"), "{err}");
    // A figures sheet of two million rows: the message names the stage and its cause, not --ppi.
    let err = refused(
        |p| {
            fs::write(
                p.join("data/big.csv"),
                format!("id,value\n{}", "gdp,1\n".repeat(1_300_000)),
            )
            .unwrap();
            let meta = p.join("data/meta.yaml");
            let text = fs::read_to_string(&meta).unwrap() + "figures: big.csv\n";
            fs::write(meta, text).unwrap();
        },
        &["--memory-limit", "64"],
        7,
    );
    assert!(
        err.contains("while reading and checking the data") && !err.contains("--ppi"),
        "{err}"
    );
}

#[test]
fn smaller_things_an_unattended_run_must_get_right() {
    // A decline written with a negative value is a double negative.
    let err = refused(
        |p| {
            edit(
                &p.join(ACHIEVEMENTS),
                "yoy: { value: 14.3, verb: 增长, basis: 同比 }",
                "yoy: { value: -5, verb: 下降 }",
            )
        },
        &[],
        3,
    );
    assert!(err.contains("double negative"), "{err}");
    // Years are years.
    let err = refused(
        |p| edit(&p.join(ACHIEVEMENTS), "year: 2022", "year: -5"),
        &[],
        3,
    );
    assert!(err.contains("year -5"), "{err}");
    // A build that fails says nothing of changed figures.
    let err = refused(
        |p| {
            edit(&p.join(ACHIEVEMENTS), "value: 14.3", "value: 15.3");
            let t = p.join("templates/slides.typ");
            let text = fs::read_to_string(&t).unwrap();
            fs::write(&t, format!("{text}\n#undefined-function()\n")).unwrap();
        },
        &[],
        4,
    );
    assert!(!err.contains("brief: changed"), "{err}");
}

#[test]
fn watch_sees_the_data_folder_deleted_and_made_again() {
    // With templates of its own, and with brief's (a project of data alone).
    for dir in [project(), data_only()] {
        data_folder_deleted_and_made_again(&dir);
    }
}

fn data_folder_deleted_and_made_again(dir: &tempfile::TempDir) {
    let backup = dir.path().join("backup");
    copy_dir(&dir.path().join("data"), &backup);
    let pdf = dir.path().join("out/briefing.pdf");
    let limit = Duration::from_secs(60);
    with_watch(dir.path(), |rx| {
        wait_for(rx, "rebuilt", limit);
        // rm -rf data; cp -r backup data
        fs::remove_dir_all(dir.path().join("data")).unwrap();
        wait_for(rx, "error", limit);
        // Copied back slowly, as a sync tool or a loaded machine does: a
        // build starts on the half-copied folder, and the files that come
        // after it are built all the same.
        let data = dir.path().join("data");
        fs::create_dir(&data).unwrap();
        let mut files: Vec<_> = fs::read_dir(&backup).unwrap().flatten().collect();
        // meta.yaml first: the build that starts then finds its part files missing.
        files.sort_by_key(|e| e.file_name() != "meta.yaml");
        for entry in files {
            fs::copy(entry.path(), data.join(entry.file_name())).unwrap();
            std::thread::sleep(Duration::from_millis(150));
        }
        wait_for(rx, "rebuilt", limit);
        // And an edit after that is seen.
        edit(&dir.path().join(ACHIEVEMENTS), "value: 14.3", "value: 18.7");
        wait_for(rx, "rebuilt", limit);
        assert!(pdf_text(&pdf).contains("18.7%"));
    });
}

/// A run the watchdog or the memory ceiling ends says why as a JSON line
/// too, as every other failure no diagnostic describes (`fail-timeout`,
/// exit 6; `fail-memory`, exit 7): a tool reading the lines is not left
/// with nothing.
#[test]
fn timeout_and_memory_are_json_lines_too() {
    let dir = project();
    fs::write(
        dir.path().join("data/big.csv"),
        format!("id,value\n{}", "gdp,1\n".repeat(1_300_000)),
    )
    .unwrap();
    let meta = dir.path().join("data/meta.yaml");
    let text = fs::read_to_string(&meta).unwrap() + "figures: big.csv\n";
    fs::write(&meta, text).unwrap();
    let json = ["--diagnostic-format", "json"];
    for (args, exit, code_) in [
        (vec!["--memory-limit", "64"], 7, "fail-memory"),
        (vec!["--timeout", "1"], 6, "fail-timeout"),
    ] {
        let out = Command::new(BIN)
            .arg("check")
            .args(&args)
            .args(json)
            .current_dir(dir.path())
            .env("BRIEF_LANG", "en")
            .output()
            .unwrap();
        assert_eq!(code(&out), exit, "{}", stderr(&out));
        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
        let line: serde_json::Value = serde_json::from_str(stdout.lines().last().unwrap_or("{}"))
            .unwrap_or_else(|e| panic!("{e}: {stdout:?}"));
        assert_eq!(line["code"], code_, "{stdout}");
        assert!(line["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
}

#[test]
fn a_template_warning_is_an_error_under_strict_and_the_old_outputs_stay() {
    // A face the template names that no folder has is typst's warning: said,
    // and the build goes on; `--strict` makes it the build's error.
    let dir = project();
    let template = dir.path().join("templates/briefing.typ");
    let line = fs::read_to_string(&template).unwrap().lines().count() + 1;
    let mut text = fs::read_to_string(&template).unwrap();
    text.push_str("#text(font: \"NoSuchFamily\")[附]\n");
    fs::write(&template, text).unwrap();

    let out = brief(dir.path(), &["build", "--only", "briefing", "--force"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let warned = stderr(&out);
    assert!(
        warned.contains("warning") && warned.contains(&format!("briefing.typ:{line}")),
        "{warned}"
    );
    let before = outputs(dir.path());

    let out = brief(
        dir.path(),
        &["build", "--only", "briefing", "--strict", "--force"],
    );
    let err = stderr(&out);
    assert_eq!(code(&out), 4, "{err}");
    assert!(
        err.contains("error") && err.contains(&format!("briefing.typ:{line}")),
        "{err}"
    );
    assert!(
        outputs(dir.path()) == before,
        "the strict run wrote no output"
    );
}

#[test]
fn a_loose_justified_line_is_not_outside_its_column() {
    // A real paragraph (人民日报 2004, 49 national zones) whose first line
    // the justifier stretches wide, a long figure standing next: the
    // stretch of the line's last glyph was counted as ink past the column,
    // and `--strict` refused the article's words (round 22).
    let dir = project();
    let file = dir.path().join(ACHIEVEMENTS);
    edit(
        &file,
        "拉动消费规模达到{consumption_scale}。",
        "拉动消费规模达到{consumption_scale}。\n      - 1—6月，这{zones}国家级开发区实现工业总产值{z_a}，工业增加值{z_b}，税收收入{z_c}，出口额{z_d}，进口额{z_e}，合同外资金额{z_f}，外商实际投资{z_g}，分别比上年同期增长{z_a.yoy}、{z_b.yoy}、{z_c.yoy}、{z_d.yoy}、{z_e.yoy}、{z_f.yoy}和{z_g.yoy}。",
    );
    let mut text = fs::read_to_string(&file).unwrap();
    text.push_str("      - { id: zones, label: 国家级开发区, value: 49, unit: 个 }\n");
    for (id, value, unit, yoy) in [
        ("z_a", "6692.63", "亿元", "42.4"),
        ("z_b", "1839.73", "亿元", "36.8"),
        ("z_c", "345.61", "亿元", "17.7"),
        ("z_d", "250.73", "亿美元", "57.4"),
        ("z_e", "265.87", "亿美元", "61.7"),
        ("z_f", "78.94", "亿美元", "16.5"),
        ("z_g", "53.86", "亿美元", "48.5"),
    ] {
        text.push_str(&format!(
            "      - {{ id: {id}, label: 开发区{id}, value: {value}, unit: {unit}, yoy: {{ value: {yoy}, verb: 增长, basis: 比上年同期 }} }}\n"
        ));
    }
    fs::write(&file, text).unwrap();
    let out = brief(dir.path(), &["build", "--strict", "--only", "briefing"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // The paragraph is printed, word for word.
    let printed: String = pdf_text(&dir.path().join("out/briefing.pdf"))
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(
        printed.contains("1—6月，这49个国家级开发区实现工业总产值6692.63亿元"),
        "{printed}"
    );
}
