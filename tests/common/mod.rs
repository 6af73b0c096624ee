//! Helpers for the integration tests: a throw-away copy of the project, the
//! real binary, and poppler's tools to read the PDFs back.
#![allow(dead_code)]

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_brief");

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh project: copies of data/ and templates/, the bundled fonts linked.
pub fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&repo().join("data"), &dir.path().join("data"));
    copy_dir(&repo().join("templates"), &dir.path().join("templates"));
    std::os::unix::fs::symlink(repo().join("fonts"), dir.path().join("fonts")).unwrap();
    dir
}

/// A project of nothing but `data/` (the documented minimal project): brief's
/// templates and faces come from the binary.
pub fn data_only() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&repo().join("data"), &dir.path().join("data"));
    dir
}

/// A project of a real report of the corpus (`tests/corpus/NAME`): its data
/// alone, the templates and faces brief's own.
pub fn corpus_project(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(
        &repo().join("tests/corpus").join(name).join("data"),
        &dir.path().join("data"),
    );
    dir
}

/// A fresh project of an example (`examples/NAME`): its data and theme, with
/// the repository's templates and the bundled fonts linked.
pub fn example(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = repo().join("examples").join(name);
    copy_dir(&from.join("data"), &dir.path().join("data"));
    fs::copy(from.join("theme.yaml"), dir.path().join("theme.yaml")).unwrap();
    copy_dir(&repo().join("templates"), &dir.path().join("templates"));
    std::os::unix::fs::symlink(repo().join("fonts"), dir.path().join("fonts")).unwrap();
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// What to run when a tool the tests need is missing: it installs them all.
pub const SETUP: &str = "bash scripts/test --setup";

/// The Python that has the tests' packages (tests/requirements.txt):
/// `$BRIEF_PYTHON`, else the venv `scripts/test` makes, else `python3`.
pub fn python() -> String {
    if let Ok(p) = std::env::var("BRIEF_PYTHON") {
        return p;
    }
    let venv = std::env::var("BRIEF_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cache/brief/venv")
        })
        .join("bin/python");
    if venv.exists() {
        venv.display().to_string()
    } else {
        "python3".into()
    }
}

/// Fails the test, saying which command installs `what`, unless the tool
/// `name` is installed.
pub fn require(name: &str) {
    let found = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(name).is_file()))
        || Path::new(name).is_file();
    assert!(
        found,
        "`{name}` is not installed; `{SETUP}` installs what the tests need"
    );
}

/// A command of a tool the tests need (poppler's, LibreOffice's); when it is
/// not installed, the test fails with the command that installs it.
pub fn tool(name: &str) -> Command {
    require(name);
    Command::new(name)
}

/// A home folder with brief's faces installed in `~/.fonts`, as the README
/// advises for the .pptx: where a word processor finds them beside a
/// document's own.
pub fn home_with_faces() -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("temp dir");
    let installed = home.path().join(".fonts");
    std::fs::create_dir_all(&installed).unwrap();
    for face in std::fs::read_dir(repo().join("fonts")).unwrap().flatten() {
        if face.file_name().to_string_lossy().ends_with(".ttf") {
            std::fs::copy(face.path(), installed.join(face.file_name())).unwrap();
        }
    }
    home
}

/// LibreOffice converts `files` to PDF in `outdir`, in one session, with a
/// profile of its own there (tests run side by side); `home`: the user's
/// home folder it runs with (its fonts), or the test's own.
pub fn soffice_to_pdf(home: Option<&Path>, outdir: &Path, files: &[PathBuf]) {
    let mut command = tool("soffice");
    if let Some(home) = home {
        command.env("HOME", home);
    }
    let out = command
        .arg(format!(
            "-env:UserInstallation=file://{}",
            outdir.join("profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(outdir)
        .args(files)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

/// The Python of [`python`], as a command; when it lacks a package of
/// tests/requirements.txt, the test fails with the command that installs them.
pub fn python_command() -> Command {
    static CHECKED: std::sync::OnceLock<Result<(), String>> = std::sync::OnceLock::new();
    let python = python();
    let checked = CHECKED.get_or_init(|| {
        let out = Command::new(&python)
            .args([
                "-c",
                "import pptx, docx, openpyxl, openxml_audit, yaml, jsonschema",
            ])
            .output()
            .map_err(|e| format!("cannot run {python}: {e}"))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "{python} lacks a package the tests need ({})",
                String::from_utf8_lossy(&out.stderr)
                    .trim()
                    .lines()
                    .last()
                    .unwrap_or("")
            ))
        }
    });
    if let Err(e) = checked {
        panic!("{e}; `{SETUP}` installs what the tests need");
    }
    Command::new(python)
}

/// Runs brief in `dir` with `args`, without SOURCE_DATE_EPOCH from outside,
/// speaking English whatever the tester's locale (tests/language.rs runs
/// brief in Chinese).
pub fn brief(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("BRIEF_LANG", "en")
        .env_remove("SOURCE_DATE_EPOCH")
        .env("NO_COLOR", "1")
        .output()
        .expect("run brief")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// Asserts success and returns stderr.
pub fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "brief failed ({:?}):\n{}",
        out.status,
        stderr(&out)
    );
    stderr(&out)
}

pub fn code(out: &Output) -> i32 {
    out.status.code().expect("exited normally")
}

/// The first page of a PDF as pdftotext lays it out (`-layout`): one line
/// of text per line of the page.
pub fn first_page_layout(pdf: &Path) -> String {
    pages_layout(pdf, 1, 1)
}

/// Pages `first` to `last` (1-based) of a PDF as pdftotext lays them out.
pub fn pages_layout(pdf: &Path, first: usize, last: usize) -> String {
    let out = tool("pdftotext")
        .args(["-layout", "-f", &first.to_string(), "-l", &last.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The text of a PDF, with all white space removed: typst puts a thin space
/// between Han characters and digits, and lines break anywhere.
pub fn pdf_text(pdf: &Path) -> String {
    let out = tool("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The text of an A4 document's type area only, without running header and
/// footer, so that a sentence crossing a page break reads as one.
pub fn pdf_body_text(pdf: &Path) -> String {
    // GB/T 9704 margins: 37 mm top, 35 mm bottom (105 and 99 pt).
    let out = tool("pdftotext")
        .args(["-r", "72", "-x", "0", "-y", "100", "-W", "595", "-H", "645"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    String::from_utf8(out.stdout)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Page count and the size of the first page in points.
pub fn pdf_info(pdf: &Path) -> (usize, f64, f64) {
    let out = tool("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) is installed");
    let text = String::from_utf8(out.stdout).unwrap();
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(str::trim)
            .unwrap_or_else(|| panic!("pdfinfo has no {name}"))
    };
    let pages = field("Pages:").parse().unwrap();
    let size: Vec<f64> = field("Page size:")
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    (pages, size[0], size[1])
}

/// A plan of growth targets only (its lead names each, `t0`, `t1`, …, in
/// its sentence): the pairs of the word its lead says and the indicator.
pub fn growth_plan(targets: &[(String, String)]) -> String {
    let mut plan = String::from(
        "kind: plan\nyear: 2023\ntitle: 2023年新区自我加压扛起使命担当\nlead:\n  - 2023年主要目标是",
    );
    let mut list = String::from("targets:\n");
    for (i, (said, indicator)) in targets.iter().enumerate() {
        plan += &format!("{said}增长{{t{i}}}；");
        list += &format!(
            "  - id: t{i}\n    indicator: {indicator}\n    verb: 增长\n    value: {}\n    unit: \"%\"\n    qualifier: 左右\n",
            5 + i % 7
        );
    }
    plan + "全力实现更高质量发展。\n" + &list + "sections: []\n"
}

/// A word of a PDF page as pdftotext places it: its box, in points from
/// the page's top left, and its text.
#[derive(Debug)]
pub struct Word {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
    pub text: String,
}

/// The words of page `page` (1-based) of a PDF.
pub fn pdf_words(pdf: &Path, page: usize) -> Vec<Word> {
    let out = tool("pdftotext")
        .args(["-bbox", "-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    let html = String::from_utf8(out.stdout).unwrap();
    html.split("<word ")
        .skip(1)
        .map(|w| {
            let num = |key: &str| -> f64 {
                let at = w.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
                w[at..at + w[at..].find('"').unwrap()].parse().unwrap()
            };
            Word {
                x0: num("xMin"),
                y0: num("yMin"),
                x1: num("xMax"),
                y1: num("yMax"),
                text: w[w.find('>').unwrap() + 1..w.find("</word>").unwrap()].to_string(),
            }
        })
        .collect()
}

pub fn pdf_fonts(pdf: &Path) -> String {
    let out = tool("pdffonts").arg(pdf).output().expect("pdffonts");
    String::from_utf8(out.stdout).unwrap()
}

pub fn read(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Replaces the first occurrence of `from` in a project file.
pub fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// Takes the output folder's lock as another brief would, until dropped.
pub fn hold_lock(dir: &Path) -> fs::File {
    let lock = fs::File::options()
        .write(true)
        .open(dir.join("out/.brief.lock"))
        .unwrap();
    lock.lock().unwrap();
    lock
}

pub const ACHIEVEMENTS: &str = "data/2022-achievements.yaml";
pub const PLAN: &str = "data/2023-plan.yaml";

/// The 1-based line of the first line containing `needle`.
pub fn line_of(path: &Path, needle: &str) -> usize {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no {needle:?} in {}", path.display()))
        + 1
}

/// Runs `brief watch` in `dir` while `check` reads its stderr lines; the
/// watcher is stopped afterwards, also when `check` fails.
pub fn with_watch(dir: &std::path::Path, check: impl FnOnce(&mpsc::Receiver<String>)) {
    with_watch_args(dir, &[], check)
}

/// [`with_watch`] with options: `brief watch ARGS`.
pub fn with_watch_args(
    dir: &std::path::Path,
    args: &[&str],
    check: impl FnOnce(&mpsc::Receiver<String>),
) {
    let mut child = Command::new(BIN)
        .arg("watch")
        .args(args)
        .current_dir(dir)
        .env("BRIEF_LANG", "en")
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&rx)));
    let _ = child.kill();
    let _ = child.wait();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

/// Waits until `cond` holds, reading the watcher's stderr lines meanwhile.
pub fn wait_for(lines: &mpsc::Receiver<String>, what: &str, timeout: Duration) -> Vec<String> {
    let deadline = Instant::now() + timeout;
    let mut seen = Vec::new();
    while Instant::now() < deadline {
        if let Ok(line) = lines.recv_timeout(Duration::from_millis(100)) {
            let hit = line.contains(what);
            seen.push(line);
            if hit {
                return seen;
            }
        }
    }
    panic!(
        "watch never printed {what:?}; it printed:\n{}",
        seen.join("\n")
    );
}

/// An article's text as the documents print it: without white space, and
/// with the full-width punctuation the newspaper printed where its web copy
/// shows half-width (`,;:()`).
pub fn normal(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            ',' => '，',
            ';' => '；',
            ':' => '：',
            '(' => '（',
            ')' => '）',
            c => c,
        })
        .collect()
}

/// Drops the numbering of the briefing's headings (一、 （一）), which an
/// article does not print.
pub fn without_numbering(text: &str) -> String {
    let mut out = text.to_string();
    for n in ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"] {
        out = out.replace(&format!("（{n}）"), "");
        out = out.replace(&format!("{n}、"), "");
    }
    out
}
