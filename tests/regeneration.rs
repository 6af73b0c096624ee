//! Scheduled regeneration: no-ops, change detection, reproducibility, the
//! lock, `check` and `watch`.

mod common;

use std::fs;
use std::process::Command;
use std::time::{Duration, SystemTime};

use common::*;

fn mtime(path: &std::path::Path) -> SystemTime {
    fs::metadata(path).unwrap().modified().unwrap()
}

#[test]
fn nothing_changed_means_nothing_rewritten() {
    let dir = project();
    ok(brief(dir.path(), &["build"]));
    let pdf = dir.path().join("out/briefing.pdf");
    let before = mtime(&pdf);
    std::thread::sleep(Duration::from_millis(20));
    let err = ok(brief(dir.path(), &["build"]));
    assert!(err.contains("up to date"), "{err}");
    assert_eq!(mtime(&pdf), before, "an up-to-date build rewrote the PDF");

    // --force rebuilds; so does a deleted or modified output.
    assert!(ok(brief(dir.path(), &["build", "--force"])).contains("wrote out/briefing.pdf"));
    fs::remove_file(dir.path().join("out/slides.pdf")).unwrap();
    assert!(ok(brief(dir.path(), &["build"])).contains("wrote out/slides.pdf"));
    fs::write(&pdf, b"tampered").unwrap();
    ok(brief(dir.path(), &["build"]));
    assert!(read(&pdf).starts_with(b"%PDF"));
}

#[test]
fn data_template_and_option_changes_rebuild() {
    let dir = project();
    ok(brief(dir.path(), &["build"]));
    // A template change.
    let t = dir.path().join("templates/lib.typ");
    let text = fs::read_to_string(&t).unwrap();
    fs::write(&t, format!("{text}\n// touched\n")).unwrap();
    assert!(
        ok(brief(dir.path(), &["build"])).contains("wrote"),
        "a template change was not seen"
    );
    assert!(ok(brief(dir.path(), &["build"])).contains("up to date"));
    // A change to one of the files lib.typ gathers.
    let part = dir.path().join("templates/charts.typ");
    let text = fs::read_to_string(&part).unwrap();
    fs::write(&part, format!("{text}\n// touched\n")).unwrap();
    assert!(
        ok(brief(dir.path(), &["build"])).contains("wrote"),
        "a change to charts.typ was not seen"
    );
    // An option change.
    assert!(
        ok(brief(
            dir.path(),
            &["build", "--creation-timestamp", "1672531200"]
        ))
        .contains("wrote")
    );
    // A data change, reported figure by figure.
    edit(&dir.path().join(ACHIEVEMENTS), "value: 14.3", "value: 15.1");
    let err = ok(brief(
        dir.path(),
        &["build", "--creation-timestamp", "1672531200"],
    ));
    assert!(
        err.contains("changed") && err.contains("14.3%") && err.contains("15.1%"),
        "{err}"
    );
    assert!(
        err.contains("sections[0].figures"),
        "the change names no field path: {err}"
    );
    let report = fs::read_to_string(dir.path().join("out/changes.md")).unwrap();
    assert!(
        report.contains("14.3%") && report.contains("→") && report.contains("15.1%"),
        "{report}"
    );
    assert!(pdf_text(&dir.path().join("out/briefing.pdf")).contains("15.1%"));
    // A rebuild that changes no figure (here, a template edit) keeps the last report: it is
    // still what changed last, and a scheduled rebuild must not lose it.
    let t = dir.path().join("templates/lib.typ");
    let text = fs::read_to_string(&t).unwrap();
    fs::write(&t, format!("{text}\n// touched again\n")).unwrap();
    ok(brief(
        dir.path(),
        &["build", "--creation-timestamp", "1672531200"],
    ));
    assert_eq!(
        fs::read_to_string(dir.path().join("out/changes.md")).unwrap(),
        report
    );
}

#[test]
fn a_change_is_reported_until_every_document_showing_it_was_rebuilt() {
    let dir = project();
    ok(brief(dir.path(), &["build"]));
    edit(&dir.path().join(ACHIEVEMENTS), "value: 14.3", "value: 15.1");
    // Only the slides: the briefing still shows the old figure, and the report says so.
    let err = ok(brief(dir.path(), &["build", "--only", "slides"]));
    let line = err
        .lines()
        .find(|l| l.contains("changed"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        line.contains("14.3% → 15.1%")
            && line.contains("slides")
            && line.contains("not rebuilt yet"),
        "{line}"
    );
    assert!(line.contains("briefing"), "{line}");
    // The full build rebuilds the briefing: the change is reported again, for the briefing.
    let err = ok(brief(dir.path(), &["build"]));
    let line = err
        .lines()
        .find(|l| l.contains("changed"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        line.contains("14.3% → 15.1%") && line.contains("(briefing)"),
        "{line}"
    );
    assert!(pdf_text(&dir.path().join("out/briefing.pdf")).contains("15.1%"));
    // Rankings and targets are figures of the report too.
    edit(&dir.path().join(ACHIEVEMENTS), "years: 4", "years: 5");
    edit(&dir.path().join(ACHIEVEMENTS), "连续四年", "连续五年");
    edit(&dir.path().join(PLAN), "value: 6.5", "value: 7");
    let err = ok(brief(dir.path(), &["build"]));
    let report = fs::read_to_string(dir.path().join("out/changes.md")).unwrap();
    assert!(
        report.contains("`target_gdp`") && report.contains("6.5%左右 → 7%左右"),
        "{report}\n{err}"
    );
    assert!(
        report.contains("`composite_ranking`")
            && report.contains("连续四年位居全市前列 → 综合指标排名连续五年位居全市前列"),
        "{report}"
    );
}

#[test]
fn identical_inputs_give_identical_bytes_in_any_folder() {
    let a = project();
    let b = project();
    ok(brief(a.path(), &["build"]));
    std::thread::sleep(Duration::from_millis(1100));
    ok(brief(b.path(), &["build"]));
    for name in ["briefing.pdf", "slides.pdf", "slides.pdfpc"] {
        assert!(
            read(&a.path().join("out").join(name)) == read(&b.path().join("out").join(name)),
            "{name} differs"
        );
    }
    // With a timestamp the date is fixed too, and shown, in every format
    // (the charts' workbooks inside the .pptx and .docx included).
    let out = Command::new(BIN)
        .args(["build", "--force", "--pptx", "--docx"])
        .current_dir(a.path())
        .env("SOURCE_DATE_EPOCH", "1672876800")
        .output()
        .unwrap();
    assert!(out.status.success());
    std::thread::sleep(Duration::from_millis(1100));
    ok(brief(
        b.path(),
        &[
            "build",
            "--force",
            "--pptx",
            "--docx",
            "--creation-timestamp",
            "1672876800",
        ],
    ));
    for name in ["briefing.pdf", "slides.pptx", "briefing.docx"] {
        assert!(
            read(&a.path().join("out").join(name)) == read(&b.path().join("out").join(name)),
            "{name} differs with the same timestamp"
        );
    }
    assert!(pdf_text(&a.path().join("out/briefing.pdf")).contains("2023年1月5日"));
}

#[test]
fn a_second_writer_waits_or_exits_with_the_locked_code() {
    let dir = project();
    ok(brief(dir.path(), &["build"]));
    let lock = hold_lock(dir.path());
    let result = brief(dir.path(), &["build", "--force"]);
    assert_eq!(code(&result), 5, "{}", stderr(&result));
    assert!(
        stderr(&result).contains("another brief"),
        "{}",
        stderr(&result)
    );

    let releaser = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(700));
        drop(lock);
    });
    let err = ok(brief(dir.path(), &["build", "--force", "--wait", "30"]));
    assert!(err.contains("wrote"), "{err}");
    releaser.join().unwrap();
}

#[test]
fn check_writes_nothing_and_speaks_json() {
    let dir = project();
    let err = ok(brief(dir.path(), &["check"]));
    assert!(err.contains("fine"), "{err}");
    assert!(!dir.path().join("out").exists(), "check created out/");

    let line = line_of(&dir.path().join(ACHIEVEMENTS), "value: 3.5");
    edit(&dir.path().join(ACHIEVEMENTS), "value: 3.5", "value: -300");
    let result = brief(dir.path(), &["check", "--diagnostic-format", "json"]);
    assert_eq!(code(&result), 3);
    let diag: serde_json::Value =
        serde_json::from_str(stdout(&result).lines().next().unwrap()).unwrap();
    assert_eq!(diag["severity"], "error");
    assert_eq!(diag["file"], ACHIEVEMENTS);
    assert_eq!(diag["line"], line);
    assert_eq!(diag["path"], "sections[0].figures[0].value");
}

#[test]
fn watch_rebuilds_on_change_survives_a_broken_file_and_recovers() {
    // With templates of its own, and with brief's (a project of data alone,
    // which has no template to edit).
    for (dir, templates) in [(project(), true), (data_only(), false)] {
        rebuilds_survives_and_recovers(&dir, templates);
    }
}

fn rebuilds_survives_and_recovers(dir: &tempfile::TempDir, templates: bool) {
    // fonts/ of its own (links to the bundled files), so that a font can be added below.
    let fonts = dir.path().join("fonts");
    let _ = fs::remove_file(&fonts);
    fs::create_dir(&fonts).unwrap();
    for entry in fs::read_dir(repo().join("fonts")).unwrap() {
        let path = entry.unwrap().path();
        std::os::unix::fs::symlink(&path, fonts.join(path.file_name().unwrap())).unwrap();
    }
    let limit = Duration::from_secs(60);
    with_watch(dir.path(), |rx| {
        wait_for(rx, "rebuilt", limit);
        let pdf = dir.path().join("out/briefing.pdf");

        // A change written the way editors do: a new file renamed over the old.
        let f = dir.path().join(ACHIEVEMENTS);
        let text = fs::read_to_string(&f)
            .unwrap()
            .replacen("value: 14.3", "value: 16.2", 1);
        let tmp = dir.path().join("data/.edit.tmp");
        fs::write(&tmp, text).unwrap();
        fs::rename(&tmp, &f).unwrap();
        wait_for(rx, "rebuilt", limit);
        assert!(pdf_text(&pdf).contains("16.2%"));

        let good = read(&pdf);
        edit(&f, "value: 16.2", "value: [oops");
        wait_for(rx, "error", limit);
        assert_eq!(read(&pdf), good, "a broken file changed the last good PDF");

        edit(&f, "value: [oops", "value: 17.4");
        wait_for(rx, "rebuilt", limit);
        assert!(pdf_text(&pdf).contains("17.4%"));

        // A template edit reaches the next build too (watch keeps its worlds
        // between builds and reparses only what changed).
        let slides = dir.path().join("out/slides.pdf");
        assert!(pdf_text(&slides).contains("目录"));
        if templates {
            edit(
                &dir.path().join("templates/slides.typ"),
                "title: word(cfg, \"agenda\"),",
                "title: \"议程\",",
            );
            // (A rebuild the edit before queued may report first, under load.)
            let deadline = std::time::Instant::now() + limit;
            loop {
                wait_for(rx, "rebuilt", limit);
                let text = pdf_text(&slides);
                if text.contains("议程") && !text.contains("目录") {
                    break;
                }
                assert!(std::time::Instant::now() < deadline, "{text}");
            }
        }

        // A font added to fonts/ is found: the fonts are discovered again and the build
        // records the new file.
        std::os::unix::fs::symlink(
            repo().join("fonts/NotoSansSC_400Regular.ttf"),
            fonts.join("Added.ttf"),
        )
        .unwrap();
        wait_for(rx, "rebuilt", limit);
        let state = fs::read_to_string(dir.path().join("out/.brief-state.json")).unwrap();
        assert!(state.contains("Added.ttf"), "{state}");
    });
}

#[test]
fn adding_a_font_rebuilds_and_inserting_a_figure_reports_only_it() {
    let dir = project();
    fs::create_dir(dir.path().join("extra")).unwrap();
    ok(brief(dir.path(), &["build", "--font-path", "extra"]));
    assert!(ok(brief(dir.path(), &["build", "--font-path", "extra"])).contains("up to date"));
    // A new font file in a font folder makes the next run rebuild.
    fs::copy(
        repo().join("fonts/NotoSansSC_400Regular.ttf"),
        dir.path().join("extra/Copy.ttf"),
    )
    .unwrap();
    assert!(ok(brief(dir.path(), &["build", "--font-path", "extra"])).contains("wrote"));

    // A figure inserted at the top of a section: the report names it alone.
    let f = dir.path().join(ACHIEVEMENTS);
    edit(
        &f,
        "    figures:\n",
        "    figures:\n      - id: inserted_figure\n        label: 新插入指标\n        value: 42\n        unit: 个\n        headline: true\n",
    );
    let err = ok(brief(dir.path(), &["build", "--font-path", "extra"]));
    let changed: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("brief: changed"))
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(
        changed[0].contains("inserted_figure") && changed[0].contains("(none) → 42个"),
        "{changed:?}"
    );
}

#[test]
fn outputs_of_other_options_do_not_stay_behind() {
    let dir = project();
    let out = dir.path().join("out");
    ok(brief(dir.path(), &["build", "--handout"]));
    assert!(out.join("handout.pdf").is_file());

    // Without --handout the old handout would show old figures beside the new deck.
    ok(brief(dir.path(), &["build"]));
    assert!(!out.join("handout.pdf").exists());

    // Page images replace the PDFs of the documents built, and the other way round.
    ok(brief(
        dir.path(),
        &["build", "--format", "png", "--ppi", "24"],
    ));
    assert!(out.join("briefing-01.png").is_file() && out.join("slides-01.png").is_file());
    assert!(!out.join("briefing.pdf").exists() && !out.join("slides.pdfpc").exists());
    ok(brief(dir.path(), &["build"]));
    assert!(out.join("briefing.pdf").is_file() && out.join("slides.pdfpc").is_file());
    let pngs = fs::read_dir(&out)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "png")
        })
        .count();
    assert_eq!(pngs, 0);

    // A document not built now keeps its outputs; so does a file changed since brief wrote it.
    ok(brief(dir.path(), &["build", "--handout"]));
    fs::write(out.join("handout.pdf"), b"annotated by hand").unwrap();
    ok(brief(dir.path(), &["build", "--only", "slides"]));
    assert!(out.join("briefing.pdf").is_file());
    assert_eq!(
        fs::read(out.join("handout.pdf")).unwrap(),
        b"annotated by hand"
    );
}

#[test]
fn watch_tries_again_when_another_brief_holds_the_outputs() {
    // With templates of its own, and with brief's (a project of data alone).
    for dir in [project(), data_only()] {
        tries_again_when_locked(&dir);
    }
}

fn tries_again_when_locked(dir: &tempfile::TempDir) {
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    let lock = fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(out.join(".brief.lock"))
        .unwrap();
    lock.lock().unwrap();
    with_watch(dir.path(), |rx| {
        let limit = Duration::from_secs(60);
        wait_for(rx, "trying again", limit);
        assert!(!out.join("briefing.pdf").exists());
        // The other writer finishes: the build happens without a save.
        drop(lock);
        wait_for(rx, "rebuilt", limit);
        assert!(out.join("briefing.pdf").is_file());
    });
}

#[test]
fn a_change_report_the_user_deleted_is_forgotten_not_rebuilt_forever() {
    let dir = project();
    ok(brief(dir.path(), &["build"]));
    edit(&dir.path().join(ACHIEVEMENTS), "value: 3.5", "value: 3.6");
    ok(brief(dir.path(), &["build"]));
    let report = dir.path().join("out/changes.md");
    assert!(report.is_file());
    fs::remove_file(&report).unwrap();
    ok(brief(dir.path(), &["build"]));
    let err = ok(brief(dir.path(), &["build"]));
    assert!(err.contains("up to date"), "{err}");
    assert!(!report.exists());
}
