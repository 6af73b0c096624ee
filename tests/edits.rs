//! No edit is ever lost: a file at an output's name that is not as brief
//! wrote it (edited in PowerPoint, annotated, or the user's own) is kept
//! under a dated name beside it before the new output takes its place, by
//! `build` and `watch`, with unchanged or changed data, and by a build
//! killed at any instant.

mod common;

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// Saves `slides.pptx` the way PowerPoint does: the package read, one
/// slide's XML changed, the whole written to a new file renamed over the
/// old. Returns the bytes saved.
fn save_as_powerpoint(pptx: &Path, text: &str) -> Vec<u8> {
    save_as_office(pptx, "ppt/slides/slide2.xml", "<a:t>", text)
}

/// The same for Word: the first run of the document's text changed.
fn save_as_word(docx: &Path, text: &str) -> Vec<u8> {
    save_as_office(
        docx,
        "word/document.xml",
        "<w:t xml:space=\"preserve\">",
        text,
    )
}

/// An Office package saved with `text` put before the first `run` of `part`.
fn save_as_office(package: &Path, part: &str, run: &str, text: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(fs::File::open(package).unwrap()).unwrap();
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut changed = false;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if name == part {
            let xml = String::from_utf8(bytes).unwrap();
            assert!(xml.contains(run), "{part} has no text run");
            bytes = xml.replacen(run, &format!("{run}{text}"), 1).into_bytes();
            changed = true;
        }
        writer.start_file(name, options).unwrap();
        writer.write_all(&bytes).unwrap();
    }
    assert!(changed, "{} has no {part}", package.display());
    let bytes = writer.finish().unwrap().into_inner();
    let tmp = package.with_file_name("~$saving.tmp");
    fs::write(&tmp, &bytes).unwrap();
    fs::rename(&tmp, package).unwrap();
    bytes
}

/// Appends to a file, as an annotating PDF reader's incremental save does.
fn annotate(path: &Path, note: &str) -> Vec<u8> {
    let mut bytes = read(path);
    bytes.extend_from_slice(format!("\n% annotation: {note}\n").as_bytes());
    fs::write(path, &bytes).unwrap();
    bytes
}

/// The files in `out` kept for the output `name` (`slides.pptx` →
/// `slides.edited-….pptx`), sorted.
fn kept(out: &Path, name: &str) -> Vec<PathBuf> {
    let (stem, ext) = name.split_at(name.rfind('.').unwrap());
    let prefix = format!("{stem}.edited-");
    let mut found: Vec<PathBuf> = fs::read_dir(out)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with(&prefix) && n.ends_with(ext)
        })
        .collect();
    found.sort();
    found
}

/// Asserts that exactly one kept file of `name` holds `bytes`.
fn kept_once(out: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let holding: Vec<PathBuf> = kept(out, name)
        .into_iter()
        .filter(|p| read(p) == bytes)
        .collect();
    assert_eq!(
        holding.len(),
        1,
        "the user's {name} is not kept exactly once: {holding:?}; the folder holds {:?}",
        names(out)
    );
    holding.into_iter().next().unwrap()
}

fn names(out: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
}

fn digest(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

/// The outputs are one complete set: every file the state records holds
/// the bytes it records, no kept file is recorded, nothing is left half
/// done; returns the recorded names.
fn complete(out: &Path) -> Vec<String> {
    let state: serde_json::Value =
        serde_json::from_slice(&read(&out.join(".brief-state.json"))).unwrap();
    let outputs = state["outputs"].as_object().expect("outputs recorded");
    for (name, recorded) in outputs {
        assert!(
            !name.contains(".edited-"),
            "a kept file is recorded: {name}"
        );
        let bytes = read(&out.join(name));
        assert_eq!(
            Some(digest(&bytes).as_str()),
            recorded.as_str(),
            "{name} is not the file the state records"
        );
    }
    let leftovers: Vec<String> = names(out)
        .into_iter()
        .filter(|n| n.ends_with(".tmp") || n == ".brief-journal.json")
        .collect();
    assert!(leftovers.is_empty(), "left half done: {leftovers:?}");
    outputs.keys().cloned().collect()
}

/// A deck brief made: a zip whose slides are all there.
fn is_deck(path: &Path) -> bool {
    let Ok(mut archive) = zip::ZipArchive::new(fs::File::open(path).unwrap()) else {
        return false;
    };
    let slides = (0..archive.len())
        .filter(|&i| {
            let name = archive.by_index(i).unwrap().name().unwrap().to_string();
            name.starts_with("ppt/slides/slide") && name.ends_with(".xml")
        })
        .count();
    slides > 10
}

fn is_pdf(path: &Path) -> bool {
    let bytes = read(path);
    bytes.starts_with(b"%PDF") && bytes.trim_ascii_end().ends_with(b"%%EOF")
}

const BUILD: &[&str] = &["build", "--pptx", "--handout", "--docx"];

#[test]
fn edits_survive_rebuilds_with_unchanged_and_with_changed_data() {
    let dir = project();
    let out = dir.path().join("out");
    ok(brief(dir.path(), BUILD));

    // The user saves the deck in PowerPoint and the Word briefing in Word, annotates the
    // handout and the briefing.
    let deck = save_as_powerpoint(&out.join("slides.pptx"), "用户改过：");
    let word = save_as_word(&out.join("briefing.docx"), "用户改过：");
    let handout = annotate(&out.join("handout.pdf"), "批注");
    let briefing = annotate(&out.join("briefing.pdf"), "领导批示");

    // The same data again: not "up to date", the edits kept, the outputs written again.
    let err = ok(brief(dir.path(), BUILD));
    assert!(!err.contains("up to date"), "{err}");
    for name in [
        "slides.pptx",
        "handout.pdf",
        "briefing.pdf",
        "briefing.docx",
    ] {
        assert!(
            err.contains(&format!("out/{name}: changed since brief wrote it")),
            "{name} kept without a word: {err}"
        );
    }
    let kept_deck = kept_once(&out, "slides.pptx", &deck);
    kept_once(&out, "handout.pdf", &handout);
    kept_once(&out, "briefing.pdf", &briefing);
    kept_once(&out, "briefing.docx", &word);
    let recorded = complete(&out);
    for name in [
        "slides.pptx",
        "handout.pdf",
        "briefing.pdf",
        "briefing.docx",
        "changes.md",
    ] {
        assert!(recorded.contains(&name.to_string()), "{name} not recorded");
    }
    assert!(is_deck(&out.join("slides.pptx")));
    assert_ne!(read(&out.join("slides.pptx")), deck);
    for pdf in ["briefing.pdf", "slides.pdf", "handout.pdf"] {
        assert!(is_pdf(&out.join(pdf)), "{pdf} is not complete");
    }
    // The report says where each edit went.
    let report = fs::read_to_string(out.join("changes.md")).unwrap();
    let kept_name = kept_deck.file_name().unwrap().to_string_lossy().to_string();
    assert!(
        report.contains("Edits kept") && report.contains(&format!("`{kept_name}`")),
        "{report}"
    );
    // Under the date and time in the kept name: slides.edited-20261204-1803.pptx.
    let stamp = &kept_name["slides.edited-".len()..]["20261204-1803".len()..];
    let (d, t) = (
        &kept_name["slides.edited-".len()..][..8],
        &kept_name["slides.edited-20261204-".len()..][..4],
    );
    assert_eq!(stamp, ".pptx", "{kept_name}");
    let when = format!(
        "{}-{}-{} {}:{}",
        &d[..4],
        &d[4..6],
        &d[6..],
        &t[..2],
        &t[2..]
    );
    assert!(
        report.contains(&format!("Edits kept on {when}")),
        "{report}"
    );

    // A second rebuild: up to date, no second copy.
    let before = names(&out);
    let err = ok(brief(dir.path(), BUILD));
    assert!(err.contains("up to date"), "{err}");
    assert_eq!(names(&out), before);

    // Edited again, then the data changes: the new edit is kept too, beside the first.
    let deck2 = save_as_powerpoint(&out.join("slides.pptx"), "再次改过：");
    let handout2 = annotate(&out.join("handout.pdf"), "第二次批注");
    edit(&dir.path().join(ACHIEVEMENTS), "value: 14.3", "value: 15.7");
    let err = ok(brief(dir.path(), BUILD));
    assert!(err.contains("14.3% → 15.7%"), "{err}");
    kept_once(&out, "slides.pptx", &deck);
    kept_once(&out, "slides.pptx", &deck2);
    kept_once(&out, "handout.pdf", &handout);
    kept_once(&out, "handout.pdf", &handout2);
    assert_eq!(kept(&out, "slides.pptx").len(), 2);
    complete(&out);
    assert!(is_deck(&out.join("slides.pptx")));
    assert!(pdf_text(&out.join("briefing.pdf")).contains("15.7%"));
    assert!(pdf_text(&out.join("handout.pdf")).contains("15.7%"));
    // This build's report: the figure, then the edits it kept.
    let report = fs::read_to_string(out.join("changes.md")).unwrap();
    assert!(
        report.contains("15.7%") && report.contains("Edits kept"),
        "{report}"
    );
    let before = names(&out);
    assert!(ok(brief(dir.path(), BUILD)).contains("up to date"));
    assert_eq!(names(&out), before, "a second rebuild made another copy");
}

#[test]
fn a_kept_edit_is_a_json_diagnostic_and_a_chinese_warning() {
    let dir = project();
    let out = dir.path().join("out");
    ok(brief(dir.path(), &["build", "--pptx"]));
    save_as_powerpoint(&out.join("slides.pptx"), "改");
    let result = brief(
        dir.path(),
        &["build", "--pptx", "--diagnostic-format", "json"],
    );
    assert!(result.status.success(), "{}", stderr(&result));
    let kept_line: serde_json::Value = stdout(&result)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|d| d["code"] == "output-kept")
        .unwrap_or_else(|| panic!("no output-kept diagnostic: {}", stdout(&result)));
    assert_eq!(kept_line["severity"], "warning");
    assert_eq!(kept_line["file"], "out/slides.pptx");
    let kept = kept(&out, "slides.pptx");
    let name = kept[0].file_name().unwrap().to_string_lossy().to_string();
    assert!(
        kept_line["message"].as_str().unwrap().contains(&name),
        "{kept_line}"
    );

    save_as_powerpoint(&out.join("slides.pptx"), "又改");
    let result = Command::new(BIN)
        .args(["build", "--pptx"])
        .current_dir(dir.path())
        .env("BRIEF_LANG", "zh")
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap();
    let err = stderr(&result);
    assert!(result.status.success(), "{err}");
    assert!(
        err.contains("警告") && err.contains("在 brief 写出后被改过") && err.contains("已保留为"),
        "{err}"
    );
    let report = fs::read_to_string(out.join("changes.md")).unwrap();
    assert!(report.contains("保留的修改"), "{report}");
}

#[test]
fn page_images_and_notes_are_kept_too() {
    let dir = project();
    let out = dir.path().join("out");
    ok(brief(
        dir.path(),
        &["build", "--format", "png", "--ppi", "24"],
    ));
    let image = annotate(&out.join("slides-03.png"), "marked up");
    ok(brief(
        dir.path(),
        &["build", "--format", "png", "--ppi", "24"],
    ));
    kept_once(&out, "slides-03.png", &image);
    complete(&out);

    ok(brief(dir.path(), &["build"]));
    let notes = annotate(&out.join("slides.pdfpc"), "my cue");
    ok(brief(dir.path(), &["build"]));
    kept_once(&out, "slides.pdfpc", &notes);
    complete(&out);
}

#[test]
fn the_user_s_own_files_at_output_names_under_out_dot_are_kept() {
    let dir = project();
    // A project folder that already holds a briefing.pdf and notes of the user's.
    let mine = b"%PDF-1.7 the office's own briefing, not brief's".to_vec();
    fs::write(dir.path().join("briefing.pdf"), &mine).unwrap();
    let notes = "# 我的修改记录\n".as_bytes().to_vec();
    fs::write(dir.path().join("changes.md"), &notes).unwrap();
    let err = ok(brief(dir.path(), &["build", "--out", "."]));
    assert!(err.contains("briefing.edited-"), "{err}");
    kept_once(dir.path(), "briefing.pdf", &mine);
    kept_once(dir.path(), "changes.md", &notes);
    assert!(is_pdf(&dir.path().join("briefing.pdf")));
    complete(dir.path());
    // brief's own now: the next run is up to date and copies nothing.
    let before = names(dir.path());
    assert!(ok(brief(dir.path(), &["build", "--out", "."])).contains("up to date"));
    assert_eq!(names(dir.path()), before);
}

#[test]
fn an_edited_output_a_build_does_not_write_is_left_and_said_once() {
    let dir = project();
    let out = dir.path().join("out");
    ok(brief(dir.path(), &["build", "--pptx"]));
    let deck = save_as_powerpoint(&out.join("slides.pptx"), "改");
    // Only the briefing: the deck is not written now, so it stays where it is.
    let err = ok(brief(dir.path(), &["build", "--only", "briefing"]));
    assert!(
        err.contains("out/slides.pptx: changed since brief wrote it: left as it is"),
        "{err}"
    );
    assert_eq!(read(&out.join("slides.pptx")), deck);
    assert!(kept(&out, "slides.pptx").is_empty());
    let err = ok(brief(dir.path(), &["build", "--only", "briefing"]));
    assert!(!err.contains("left as it is"), "said twice: {err}");
    // The deck's next build keeps it first.
    ok(brief(dir.path(), &["build", "--pptx"]));
    kept_once(&out, "slides.pptx", &deck);
    complete(&out);
}

/// A project like `examples/xinhe`: data and theme, no templates/ nor fonts/.
fn without_templates() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = repo().join("examples/xinhe");
    copy_dir(&from.join("data"), &dir.path().join("data"));
    fs::copy(from.join("theme.yaml"), dir.path().join("theme.yaml")).unwrap();
    dir
}

#[test]
fn watch_keeps_edits_in_a_project_without_templates() {
    let dir = without_templates();
    let out = dir.path().join("out");
    let data = dir.path().join("data/2024-achievements.yaml");
    let limit = Duration::from_secs(120);
    with_watch_args(dir.path(), &["--pptx", "--handout"], |rx| {
        wait_for(rx, "rebuilt", limit);
        let deck = save_as_powerpoint(&out.join("slides.pptx"), "用户改过：");
        let handout = annotate(&out.join("handout.pdf"), "批注");
        edit(&data, "value: 5.6", "value: 5.9");
        let lines = wait_for(rx, "rebuilt", limit);
        assert!(
            lines.iter().any(|l| l.contains("slides.edited-")),
            "{lines:?}"
        );
        kept_once(&out, "slides.pptx", &deck);
        kept_once(&out, "handout.pdf", &handout);
        complete(&out);
        assert!(is_deck(&out.join("slides.pptx")));
        assert!(pdf_text(&out.join("briefing.pdf")).contains("5.9%"));

        // The next rebuild copies nothing more.
        let before = names(&out);
        edit(&data, "value: 5.9", "value: 6.1");
        wait_for(rx, "rebuilt", limit);
        assert_eq!(names(&out), before);
        assert_eq!(kept(&out, "slides.pptx").len(), 1);
        complete(&out);
    });
}

/// Kills at random instants of whole builds (the commit's own instants, one
/// by one, are `a_commit_killed_at_any_instant_loses_no_edit` in
/// `src/outputs/commit.rs`).
#[test]
fn builds_killed_at_any_instant_never_lose_an_edit() {
    let dir = project();
    let out = dir.path().join("out");
    ok(brief(dir.path(), &["build", "--pptx"]));
    let f = dir.path().join(ACHIEVEMENTS);
    // The kills spread over a whole build (and a little past it), timed here.
    edit(&f, "value: 14.3", "value: 19.9");
    let start = Instant::now();
    ok(brief(dir.path(), &["build", "--pptx"]));
    let span = start.elapsed().as_millis() as u64 * 13 / 10;
    let mut value = "19.9".to_string();
    let mut seed: u64 = 0x2545_F491;
    let (mut before_commit, mut mid_commit) = (0, 0);
    for i in 0..16 {
        let deck = save_as_powerpoint(&out.join("slides.pptx"), &format!("第{i}次改过："));
        let next = format!("{}.{}", 30 + i, i % 9 + 1);
        edit(&f, &format!("value: {value}"), &format!("value: {next}"));
        value = next;
        let mut child = Command::new(BIN)
            .args(["build", "--pptx"])
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .env_remove("SOURCE_DATE_EPOCH")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        std::thread::sleep(Duration::from_millis((seed >> 33) % span));
        let _ = child.kill();
        let _ = child.wait();
        // Right after the kill, the user's bytes are at the deck's name or kept.
        let there = read(&out.join("slides.pptx")) == deck;
        let kept_now = kept(&out, "slides.pptx").iter().any(|p| read(p) == deck);
        assert!(there || kept_now, "kill {i}: the user's deck is gone");
        before_commit += usize::from(there && !kept_now);
        mid_commit += usize::from(out.join(".brief-journal.json").exists());
        // The next run completes the set, and the edit is kept exactly once.
        ok(brief(dir.path(), &["build", "--pptx"]));
        kept_once(&out, "slides.pptx", &deck);
        complete(&out);
        assert!(is_deck(&out.join("slides.pptx")), "kill {i}");
    }
    eprintln!(
        "of 16 kills, {before_commit} fell before the edit was kept, {mid_commit} while the set was being put in place"
    );
    // Some kills came after the edit was kept, or this test proved nothing of keeping.
    assert!(
        before_commit < 16,
        "every kill fell before the edit was kept"
    );
}
