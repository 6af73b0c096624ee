//! Any real report, word for word: every project of `tests/corpus/` (real,
//! published district, county and development-zone reports, each with its
//! source in SOURCE.md) builds under `--strict`, and its briefing prints the
//! article's text whole and in order, every number exactly as the article
//! prints it (10.0%, 172.80亿元, 3.2：44.2：52.6), every typed figure
//! somewhere, and no chart that draws a decrease as growth.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use brief::data::model::{Figure, Fill};
use common::*;

/// The corpus projects: folders of `tests/corpus/` with a `data/` folder.
fn projects() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(repo().join("tests/corpus"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("data/meta.yaml").is_file())
        .collect();
    out.sort();
    out
}

/// A fresh copy of a corpus project: its data only, so that it is built as
/// a user's project is, with the templates and faces brief carries.
fn copy(project: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&project.join("data"), &dir.path().join("data"));
    dir
}

/// The numbers an article prints, each with what stands right after it
/// (%, ‰, the rest of a ratio or a range): "10.0%", "172.80", "3.2：44.2：52.6".
fn printed_numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut j = i;
        loop {
            while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == '.') {
                j += 1;
            }
            if j < chars.len() && matches!(chars[j], '%' | '‰') {
                j += 1;
            }
            // A ratio or a range goes on: 3.2：44.2, 6.5%—8%.
            if j + 1 < chars.len()
                && matches!(chars[j], '：' | '—' | '～')
                && chars[j + 1].is_ascii_digit()
            {
                j += 1;
                continue;
            }
            break;
        }
        out.push(
            chars[i..j]
                .iter()
                .collect::<String>()
                .trim_end_matches('.')
                .to_string(),
        );
        i = j;
    }
    out
}

/// How a figure's number is written in the documents: its text as the YAML
/// writes it (a ratio joined as the article joins it).
fn written(f: &Figure) -> Option<String> {
    if let Some(parts) = &f.ratio {
        let colon = f.colon.as_deref().unwrap_or("：");
        return Some(
            parts
                .iter()
                .map(|p| p.given().map(|p| p.text()))
                .collect::<Option<Vec<_>>>()?
                .join(colon),
        );
    }
    if let Some(w) = &f.written {
        return Some(w.clone());
    }
    match &f.value {
        Some(Fill::Given(v)) => Some(v.text().to_string()),
        _ => None,
    }
}

#[test]
fn the_corpus_has_real_reports_of_several_provinces_with_their_sources() {
    let projects = projects();
    assert!(projects.len() >= 6, "{} projects", projects.len());
    for p in &projects {
        let source = fs::read_to_string(p.join("SOURCE.md")).unwrap();
        assert!(source.contains("http"), "{}: no address", p.display());
        assert!(p.join("article.txt").is_file(), "{}", p.display());
    }
}

#[test]
fn every_corpus_project_builds_strictly_and_prints_its_article_word_for_word() {
    let mut figures = 0;
    // Figures, targets and rankings: every number or place the articles type.
    let mut typed = 0;
    for project in projects() {
        let name = project.file_name().unwrap().to_string_lossy().to_string();
        let dir = copy(&project);
        let out = brief(dir.path(), &["build", "--strict", "--pptx"]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let pdf = dir.path().join("out/briefing.pdf");
        let body = without_numbering(&pdf_body_text(&pdf));
        let all = pdf_text(&pdf);

        // The article, from its first paragraph to its last, as one run of
        // the briefing's text (its headline prints apart, in the title block).
        let loaded = brief::data::load(dir.path(), false)
            .unwrap_or_else(|_| panic!("{name}: the data loads"));
        let headline = loaded
            .dataset
            .meta
            .headline
            .as_ref()
            .and_then(|h| h.given().cloned())
            .map(|h| normal(&h));
        let paragraphs: Vec<String> = fs::read_to_string(project.join("article.txt"))
            .unwrap()
            .lines()
            .map(normal)
            .filter(|p| !p.is_empty() && Some(p) != headline.as_ref())
            .collect();
        let article = without_numbering(&paragraphs.concat());
        if !body.contains(&article) {
            // Where the two part: the longest start of the article the briefing has.
            let mut good = 0;
            for (i, _) in article.char_indices() {
                if body.contains(&article[..i]) {
                    good = i;
                } else {
                    break;
                }
            }
            let next: String = article[good..].chars().take(40).collect();
            panic!("{name}: the briefing leaves the article after {good} bytes, at “{next}”");
        }

        // Every number exactly as the article prints it.
        for n in printed_numbers(&article) {
            assert!(
                body.contains(&n),
                "{name}: {n} is not printed as the article prints it"
            );
        }

        // Every typed figure is shown: in the text, on a card, in a table or a chart.
        let data = &loaded.dataset;
        for part in [&data.achievements, &data.plan] {
            typed += part.targets.len()
                + part
                    .sections
                    .iter()
                    .map(|s| s.figures.len() + s.rankings.len())
                    .sum::<usize>();
            for f in part.sections.iter().flat_map(|s| &s.figures) {
                figures += 1;
                if let Some(w) = written(f) {
                    assert!(
                        all.contains(&w),
                        "{name}: figure {} ({w}) is shown nowhere",
                        f.id
                    );
                }
            }
        }

        // No chart draws a decrease as growth: a target whose verb says a
        // decrease is in no chart of the deck (the .pptx holds each chart's data).
        let down: Vec<&str> = data
            .plan
            .targets
            .iter()
            .filter(|t| {
                t.verb
                    .as_deref()
                    .is_some_and(|v| ["下降", "降低", "减少", "減少"].contains(&v))
            })
            .map(|t| t.indicator.as_str())
            .collect();
        let charts = python_command()
            .arg("-c")
            .arg(
                "import sys, pptx\n\
                 for s in pptx.Presentation(sys.argv[1]).slides:\n\
                 \x20   for sh in s.shapes:\n\
                 \x20       if sh.has_chart:\n\
                 \x20           for c in sh.chart.plots[0].categories: print(c)",
            )
            .arg(dir.path().join("out/slides.pptx"))
            .output()
            .unwrap();
        assert!(
            charts.status.success(),
            "{}",
            String::from_utf8_lossy(&charts.stderr)
        );
        let categories = String::from_utf8_lossy(&charts.stdout).to_string();
        for indicator in down {
            assert!(
                !categories.lines().any(|c| c.contains(indicator)),
                "{name}: the decrease {indicator} is drawn in a chart:\n{categories}"
            );
        }
    }
    assert!(figures >= 100, "{figures} figures in the corpus");
    assert!(
        typed >= 150,
        "{typed} typed figures, targets and rankings in the corpus"
    );
}

#[test]
fn numbers_are_read_as_printed() {
    assert_eq!(
        printed_numbers(
            "增长10.0%，实际利用外资172.80亿元，三次产业结构为3.2：44.2：52.6，增长6.5%—8%。"
        ),
        ["10.0%", "172.80", "3.2：44.2：52.6", "6.5%—8%"]
    );
}

#[test]
fn a_change_prints_its_range_dash_and_written_form() {
    let yoy = "yoy: { value: 14.3, verb: 增长, basis: 同比 }";
    for (to, printed) in [
        (
            "yoy: { value: 6, to: 8, dash: 至, verb: 增长, basis: 同比 }",
            "同比增长6%至8%",
        ),
        (
            "yoy: { value: 1, unit: 倍, written: 一, verb: 增长, basis: 同比 }",
            "同比增长一倍",
        ),
    ] {
        let dir = project();
        edit(&dir.path().join(ACHIEVEMENTS), yoy, to);
        ok(brief(dir.path(), &["build"]));
        let text = normal(&pdf_text(&dir.path().join("out/briefing.pdf")));
        assert!(text.contains(printed), "{printed} is not printed");
    }
    // A written form must say the value.
    let dir = project();
    edit(
        &dir.path().join(ACHIEVEMENTS),
        yoy,
        "yoy: { value: 1, unit: 倍, written: 两, verb: 增长, basis: 同比 }",
    );
    let out = brief(dir.path(), &["check"]);
    assert_eq!(code(&out), 3);
    assert!(stderr(&out).contains("yoy.written"), "{}", stderr(&out));
}
