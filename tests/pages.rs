//! Tests that look at the pages: every page of both documents, of the shipped
//! project and of the second example (`examples/xinhe`), rendered small by
//! poppler and compared with a committed reference image, with a tolerance.
//! A failure writes the difference as an image beside the test output
//! (`target/page-diffs/`). After an intended change of the look, renew the
//! references with
//!
//!     BRIEF_RENEW_REFERENCES=1 cargo test --release --test pages
//!
//! and look at the new images before committing them.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;

/// Small enough to keep the references small, large enough that a colour,
/// a chart or a line that moved changes many pixels.
const DPI: &str = "30";
/// A pixel differs when one of its channels differs by more than this.
const CHANNEL: i32 = 48;
/// A page differs when more than this share of its pixels differ.
const SHARE: f64 = 0.002;

fn references() -> PathBuf {
    repo().join("tests/reference")
}

fn renew() -> bool {
    std::env::var_os("BRIEF_RENEW_REFERENCES").is_some()
}

/// An RGB image.
struct Image {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

fn decode(path: &Path) -> Image {
    let decoder = png::Decoder::new(std::io::BufReader::new(fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let pixels = buf[..info.buffer_size()]
        .chunks(channels)
        .flat_map(|p| {
            if channels >= 3 {
                [p[0], p[1], p[2]]
            } else {
                [p[0], p[0], p[0]]
            }
        })
        .collect();
    Image {
        width: info.width as usize,
        height: info.height as usize,
        pixels,
    }
}

fn encode(path: &Path, image: &Image) {
    let file = fs::File::create(path).unwrap();
    let mut encoder = png::Encoder::new(
        std::io::BufWriter::new(file),
        image.width as u32,
        image.height as u32,
    );
    encoder.set_color(png::ColorType::Rgb);
    encoder
        .write_header()
        .unwrap()
        .write_image_data(&image.pixels)
        .unwrap();
}

/// The share of differing pixels, and the difference as an image (the
/// reference in grey, differing pixels in red).
fn compare(actual: &Image, reference: &Image) -> (f64, Image) {
    if (actual.width, actual.height) != (reference.width, reference.height) {
        return (
            1.0,
            Image {
                width: actual.width,
                height: actual.height,
                pixels: actual.pixels.clone(),
            },
        );
    }
    let mut diff = Vec::with_capacity(actual.pixels.len());
    let mut count = 0;
    for (a, r) in actual.pixels.chunks(3).zip(reference.pixels.chunks(3)) {
        let differs = a
            .iter()
            .zip(r)
            .any(|(x, y)| (i32::from(*x) - i32::from(*y)).abs() > CHANNEL);
        if differs {
            count += 1;
            diff.extend([255, 0, 0]);
        } else {
            let grey = ((u16::from(r[0]) + u16::from(r[1]) + u16::from(r[2])) / 3 / 2 + 128) as u8;
            diff.extend([grey, grey, grey]);
        }
    }
    let share = count as f64 / (actual.width * actual.height) as f64;
    (
        share,
        Image {
            width: actual.width,
            height: actual.height,
            pixels: diff,
        },
    )
}

/// Renders every page of `pdf` into `dir` as `<stem>-NN.png`; their paths.
fn render(pdf: &Path, dir: &Path, stem: &str) -> Vec<PathBuf> {
    fs::create_dir_all(dir).unwrap();
    let status = common::tool("pdftoppm")
        .args(["-png", "-r", DPI])
        .arg(pdf)
        .arg(dir.join(stem))
        .status()
        .expect("pdftoppm (poppler-utils) is installed");
    assert!(status.success());
    let mut pages: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("{stem}-"))
        })
        .collect();
    pages.sort();
    pages
}

/// Every page of a built project against its references; the pages that
/// differ, with their share of differing pixels.
fn differences(project: &Path, name: &str) -> Vec<(String, f64)> {
    let rendered = tempfile::tempdir().unwrap();
    let reference_dir = references().join(name);
    let diffs = repo().join("target/page-diffs").join(name);
    let mut out = Vec::new();
    for doc in ["briefing", "slides"] {
        let pages = render(
            &project.join("out").join(format!("{doc}.pdf")),
            rendered.path(),
            doc,
        );
        if renew() {
            fs::create_dir_all(&reference_dir).unwrap();
            for old in fs::read_dir(&reference_dir).unwrap().flatten() {
                if old
                    .file_name()
                    .to_string_lossy()
                    .starts_with(&format!("{doc}-"))
                {
                    fs::remove_file(old.path()).unwrap();
                }
            }
            for page in &pages {
                fs::copy(page, reference_dir.join(page.file_name().unwrap())).unwrap();
            }
            continue;
        }
        let expected = fs::read_dir(&reference_dir)
            .map(|d| {
                d.flatten()
                    .filter(|e| {
                        e.file_name()
                            .to_string_lossy()
                            .starts_with(&format!("{doc}-"))
                    })
                    .count()
            })
            .unwrap_or(0);
        if expected != pages.len() {
            out.push((
                format!(
                    "{doc}: {} pages, the references have {expected}",
                    pages.len()
                ),
                1.0,
            ));
            continue;
        }
        for page in pages {
            let file = page.file_name().unwrap().to_string_lossy().to_string();
            let (share, diff) = compare(&decode(&page), &decode(&reference_dir.join(&file)));
            if share > SHARE {
                fs::create_dir_all(&diffs).unwrap();
                encode(&diffs.join(format!("diff-{file}")), &diff);
                fs::copy(&page, diffs.join(format!("actual-{file}"))).unwrap();
                out.push((file, share));
            }
        }
    }
    out
}

fn assert_same(project: &Path, name: &str) {
    let diffs = differences(project, name);
    assert!(
        diffs.is_empty(),
        "pages differ from tests/reference/{name} (share of pixels): {diffs:?}; see target/page-diffs/{name}/. \
         If the change is intended: BRIEF_RENEW_REFERENCES=1 cargo test --release --test pages"
    );
}

#[test]
fn every_page_of_the_shipped_project_looks_as_its_reference() {
    let dir = project();
    fs::copy(repo().join("theme.yaml"), dir.path().join("theme.yaml")).unwrap();
    ok(brief(dir.path(), &["build", "--strict"]));
    assert_same(dir.path(), "harbin");
}

#[test]
fn every_page_of_the_second_example_looks_as_its_reference() {
    let dir = example("xinhe");
    ok(brief(dir.path(), &["build", "--strict"]));
    assert_same(dir.path(), "xinhe");
}

#[test]
fn the_comparison_sees_a_colour_a_chart_and_a_word_change() {
    if renew() {
        return;
    }
    // Figures in green instead of red: every page with a figure differs.
    let dir = project();
    fs::write(
        dir.path().join("theme.yaml"),
        "colors: {figure: \"#008000\"}\n",
    )
    .unwrap();
    ok(brief(dir.path(), &["build"]));
    let diffs = differences(dir.path(), "harbin");
    assert!(diffs.len() > 20, "{diffs:?}");
    // One chart fewer (the shares chart is drawn only from shares).
    let dir = project();
    fs::copy(repo().join("theme.yaml"), dir.path().join("theme.yaml")).unwrap();
    let f = dir.path().join(ACHIEVEMENTS);
    let text = fs::read_to_string(&f).unwrap();
    fs::write(
        &f,
        text.replace("        share: [{ scope: 全省, value: 14.8 }]\n", ""),
    )
    .unwrap();
    edit(
        &f,
        "分别占全省的{little_giants.share}和{specialized_smes.share}",
        "占全省的{specialized_smes.share}",
    );
    ok(brief(dir.path(), &["build"]));
    assert!(!differences(dir.path(), "harbin").is_empty());
}
