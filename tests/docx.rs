//! The briefing as an editable Word document, checked by real clients:
//! python-docx reads it back (the article word for word in the PDF's order,
//! headings with their styles and outline levels, the tables and charts
//! with the data's figures, the properties), openxml-audit validates it,
//! and LibreOffice Writer renders it, as delivered and after an edit, on a
//! machine without the bundled faces (`tests/docx/check.py`).

mod common;

use std::fs;
use std::path::Path;

use common::*;

/// Runs the checker on a built project's document; returns its output.
fn check(dir: &Path, extra: &[&str]) -> String {
    let out = dir.join("out");
    if extra.contains(&"--lo") {
        require("soffice");
    }
    let result = common::python_command()
        .arg(repo().join("tests/docx/check.py"))
        .args(["--docx", &out.join("briefing.docx").to_string_lossy()])
        .args(["--pdf", &out.join("briefing.pdf").to_string_lossy()])
        .args(["--project", &dir.to_string_lossy()])
        .args(extra)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", python()));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&result.stdout),
        String::from_utf8_lossy(&result.stderr)
    );
    assert!(result.status.success(), "the .docx check failed:\n{text}");
    assert!(
        text.lines().any(|l| l.ends_with(" passed, 0 failed")),
        "{text}"
    );
    text
}

/// The XML parts of a .docx, by name.
fn parts(path: &Path) -> std::collections::BTreeMap<String, String> {
    let out = common::python_command()
        .args(["-c", "import sys, zipfile, json; z = zipfile.ZipFile(sys.argv[1]); print(json.dumps({n: z.read(n).decode('utf-8', 'replace') for n in z.namelist() if n.endswith('.xml') or n.endswith('.rels')}))"])
        .arg(path)
        .output()
        .expect("python");
    serde_json::from_slice(&out.stdout).expect("the parts as JSON")
}

/// The PDF, the deck and the Word document say the same of themselves, and
/// what the data says: title, authors (publication and edition, byline),
/// subject (headline——subheadline), keywords.
fn same_properties_everywhere(dir: &Path) {
    let field = |xml: &str, tag: &str| {
        let open = format!("<{tag}>");
        let at = xml.find(&open).map(|i| i + open.len());
        at.map(|i| xml[i..i + xml[i..].find('<').unwrap()].to_string())
            .unwrap_or_default()
    };
    let core = |file: &str| {
        let xml = &parts(&dir.join("out").join(file))["docProps/core.xml"];
        ["dc:title", "dc:creator", "dc:subject", "cp:keywords"].map(|t| field(xml, t))
    };
    let info = tool("pdfinfo")
        .arg(dir.join("out/briefing.pdf"))
        .output()
        .expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout).to_string();
    let pdf = ["Title:", "Author:", "Subject:", "Keywords:"].map(|k| {
        info.lines()
            .find_map(|l| l.strip_prefix(k))
            .unwrap_or_default()
            .trim()
            .to_string()
    });
    let expected = [
        "哈尔滨新区2022年工作成效与2023年工作安排".to_string(),
        "哈尔滨日报 03版, 本报记者 张焱".to_string(),
        "抓改革兴产业重科技——在建设“六个龙江”打造“七大都市”中扛起新区担当".to_string(),
        "哈尔滨新区, 改革, 产业发展, 科技创新, 开放合作, 民营经济, 扩大内需, 民生保障".to_string(),
    ];
    assert_eq!(core("briefing.docx"), expected, "the .docx");
    assert_eq!(core("slides.pptx"), expected, "the .pptx");
    assert_eq!(pdf, expected, "the PDF");
}

#[test]
fn the_briefing_as_docx_reads_back_word_for_word_and_renders_as_delivered_and_edited() {
    let dir = project();
    ok(brief(dir.path(), &["build", "--docx", "--pptx"]));
    // Shares, growth targets and last year against this year: three charts.
    let text = check(dir.path(), &["--charts", "3", "--lo", "--edit"]);
    assert!(text.contains("word for word"), "{text}");
    // The embedded subsets, named for their characters: NotoSansSCDIUNCX-Bold.
    let faces = text
        .lines()
        .find_map(|l| l.strip_prefix("faces: "))
        .unwrap_or_default();
    assert!(
        faces
            .split(", ")
            .any(|f| f.starts_with("NotoSansSC") && f.ends_with("-Bold")),
        "{text}"
    );
    let xml = parts(&dir.path().join("out/briefing.docx"));
    // Masthead in the first page's header, with the theme's red and a rule.
    let first = &xml["word/header2.xml"];
    assert!(
        first.contains("哈尔滨新区工作简报") && first.contains("Masthead"),
        "{first}"
    );
    let styles = &xml["word/styles.xml"];
    // The theme's face, by the name of its embedded subset (Noto Serif SC
    // KQXHZB), which the font table says stands for Noto Serif SC.
    assert!(styles.contains("w:eastAsia=\"Noto Serif SC "), "{styles}");
    let fonts = &xml["word/fontTable.xml"];
    assert!(
        fonts.contains("<w:altName w:val=\"Noto Serif SC\"/>"),
        "{fonts}"
    );
    assert!(styles.contains("<w:color w:val=\"C00000\"/>"));
    // Page numbers are fields, with the total where the theme's word has one.
    let footer = &xml["word/footer1.xml"];
    assert!(
        footer.contains(" PAGE ") && footer.contains(" NUMPAGES "),
        "{footer}"
    );
    // The comparison: a chart of two series named by the data for each pair, the first with
    // the legend; each pair on its own scale (66个 projects, 7500个 jobs), as the PDF.
    let compare = xml
        .iter()
        .find(|(n, x)| n.starts_with("word/charts/chart") && x.contains("2022年实绩"))
        .map(|(_, x)| x)
        .expect("a comparison chart");
    assert!(compare.contains("2023年目标") && compare.contains("<c:legend>"));
    assert_eq!(compare.matches("<c:ser>").count(), 2);
    let pairs: Vec<&String> = xml
        .iter()
        .filter(|(n, x)| n.starts_with("word/charts/chart") && x.contains("2022年实绩"))
        .map(|(_, x)| x)
        .collect();
    assert_eq!(pairs.len(), 3);
    assert_eq!(pairs.iter().filter(|x| x.contains("<c:legend>")).count(), 1);
    let jobs = pairs.iter().find(|x| x.contains("新开发就业岗位")).unwrap();
    assert!(
        jobs.contains("<c:max val=\"8000\"/>") && !jobs.contains("省市重点项目"),
        "{jobs}"
    );
    same_properties_everywhere(dir.path());
    // Up to date with --docx too; a build without it removes the file it wrote.
    assert!(ok(brief(dir.path(), &["build", "--docx", "--pptx"])).contains("up to date"));
    let err = ok(brief(dir.path(), &["build"]));
    assert!(
        err.contains("removed") && err.contains("briefing.docx"),
        "{err}"
    );
    assert!(!dir.path().join("out/briefing.docx").exists());
}

/// The `<w:style>` element of `id` in styles.xml.
fn style(styles: &str, id: &str) -> String {
    let at = styles.find(&format!("w:styleId=\"{id}\"")).expect(id);
    let end = at + styles[at..].find("</w:style>").unwrap();
    styles[at..end].to_string()
}

#[test]
fn office_faces_are_named_by_role_and_the_option_goes_with_the_briefing() {
    let dir = project();
    let path = dir.path().join("out/briefing.docx");
    // The briefing's .docx with `faces` given to --docx-font (none: the theme's).
    let build = |faces: Option<&str>| {
        let mut args = vec!["build", "--only", "briefing", "--docx"];
        args.extend(faces.iter().flat_map(|f| ["--docx-font", f]));
        ok(brief(dir.path(), &args));
        parts(&path)
    };
    let xml = build(Some("office"));
    let styles = &xml["word/styles.xml"];
    for face in ["仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312"] {
        assert!(
            styles.contains(&format!("w:eastAsia=\"{face}\"")),
            "{face} in {styles}"
        );
    }
    assert!(!styles.contains("Noto"));
    // Faces named, not carried: nothing is embedded.
    assert!(!xml.contains_key("word/_rels/fontTable.xml.rels"));
    check(dir.path(), &[]);
    // A family of the user's choice.
    let styles = &build(Some("Noto Serif SC=宋体"))["word/styles.xml"];
    assert!(styles.contains("w:eastAsia=\"宋体\"") && styles.contains("Noto Sans SC"));
    // Each heading level takes its own role's face, as the PDF does.
    fs::write(
        dir.path().join("theme.yaml"),
        "fonts: {heading: Noto Sans SC, subheading: Noto Serif SC}\n",
    )
    .unwrap();
    let heading2 = style(&build(Some("office"))["word/styles.xml"], "Heading2");
    assert!(heading2.contains("楷体_GB2312"), "{heading2}");
    let heading2 = style(&build(None)["word/styles.xml"], "Heading2");
    assert!(heading2.contains("Noto Serif SC"), "{heading2}");
    // --docx is made from the briefing; --docx-font goes with --docx.
    assert_eq!(
        code(&brief(dir.path(), &["build", "--only", "slides", "--docx"])),
        2
    );
    assert_eq!(
        code(&brief(dir.path(), &["build", "--docx-font", "office"])),
        2
    );
    assert_eq!(
        code(&brief(
            dir.path(),
            &["build", "--docx", "--docx-font", "宋体"]
        )),
        2
    );
}

#[test]
fn markup_characters_and_a_very_long_paragraph_still_give_a_valid_file() {
    let dir = project();
    let f = dir.path().join(ACHIEVEMENTS);
    edit(
        &f,
        "2022年，哈尔滨新区经济发展稳中有进。",
        "2022年，哈尔滨新区经济发展稳中有进（A&B <c> \"q\" 'd'）。",
    );
    let long = "坚持稳中求进工作总基调，统筹推进各项工作".repeat(60);
    edit(&f, "加力助企纾困，", &format!("{long}。加力助企纾困，"));
    ok(brief(dir.path(), &["build", "--docx", "--strict"]));
    // Valid for openxml-audit, readable by python-docx, rendered by LibreOffice.
    check(dir.path(), &["--charts", "3", "--lo"]);
    let xml = parts(&dir.path().join("out/briefing.docx"));
    // Escaped, not dropped.
    assert!(
        xml["word/document.xml"].contains("A&amp;B &lt;c&gt;"),
        "escaped markup"
    );
}

#[test]
fn every_example_and_corpus_project_gives_a_document_that_passes() {
    let mut projects = vec![repo().join("examples/xinhe")];
    let mut corpus: Vec<_> = fs::read_dir(repo().join("tests/corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("data/meta.yaml").exists())
        .collect();
    corpus.sort();
    projects.extend(corpus);
    assert!(projects.len() >= 5, "{projects:?}");
    for from in projects {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&from.join("data"), &dir.path().join("data"));
        if from.join("theme.yaml").exists() {
            fs::copy(from.join("theme.yaml"), dir.path().join("theme.yaml")).unwrap();
        }
        ok(brief(
            dir.path(),
            &["build", "--only", "briefing", "--docx"],
        ));
        let text = check(dir.path(), &["--lo"]);
        assert!(text.contains("word for word"), "{}: {text}", from.display());
    }
}

/// `watch --docx` writes the document again when a figure changes, in a
/// project that has only its data (brief's own templates and faces).
#[test]
fn watch_writes_the_document_again_when_a_figure_changes() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &repo().join("examples/xinhe/data"),
        &dir.path().join("data"),
    );
    let docx = dir.path().join("out/briefing.docx");
    let document = |path: &Path| parts(path)["word/document.xml"].clone();
    let limit = std::time::Duration::from_secs(120);
    with_watch_args(dir.path(), &["--docx"], |rx| {
        wait_for(rx, "rebuilt", limit);
        let before = document(&docx);
        assert!(before.contains("5.6"), "the first document lacks 5.6%");
        edit(
            &dir.path().join("data/2024-achievements.yaml"),
            "value: 5.6",
            "value: 5.9",
        );
        wait_for(rx, "rebuilt", limit);
        let after = document(&docx);
        assert!(after.contains("5.9") && !after.contains(">5.6<"), "{after}");
        // still a whole document: python-docx and the full check read it
        check(dir.path(), &[]);
    });
}

#[test]
fn the_build_s_timestamp_is_shown_only_in_a_year_the_report_may_be_dated() {
    let dir = project();
    let pdf = dir.path().join("out/briefing.pdf");
    let build = |epoch: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
            .args(["build", "--only", "briefing", "--docx"])
            .current_dir(dir.path())
            .env("SOURCE_DATE_EPOCH", epoch)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        (stderr(&out), normal(&pdf_text(&pdf)))
    };
    // 2023-01-05: after the results' year, so shown (meta.yaml has no date).
    let (said, text) = build("1672876800");
    assert!(text.contains("2023年1月5日"), "{text}");
    assert!(!said.contains("1970"), "{said}");
    // 1970-01-01 (a reproducible build's zero) is before 2022: no date, said.
    for (epoch, day, year) in [
        ("0", "1970-01-01", "1970年"),
        ("253402300799", "9999-12-31", "9999年"),
    ] {
        let (said, text) = build(epoch);
        assert!(said.contains(day), "{said}");
        assert!(!text.contains(year), "{epoch}: {text}");
        let docx = &parts(&dir.path().join("out/briefing.docx"))["word/document.xml"];
        assert!(!docx.contains(year), "{epoch}: {docx}");
    }
}

/// A draft's document says so on every page as the PDF does: the theme's
/// 草稿 as Word's own watermark in both headers (the first page's and the
/// others'), which Word's Watermark command removes; a final build has none.
/// The check (openxml-audit among it) passes either way.
#[test]
fn a_draft_document_carries_the_draft_word_as_a_watermark() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &repo().join("examples/xinhe/data"),
        &dir.path().join("data"),
    );
    // The other pages' header carries it, and the first page's body, over
    // its cards (the first page's header put it behind them, round 30).
    let stamps = |dir: &Path| {
        let xml = parts(&dir.join("out/briefing.docx"));
        ["word/header1.xml", "word/document.xml"].map(|h| xml[h].clone())
    };
    ok(brief(
        dir.path(),
        &["build", "--only", "briefing", "--docx", "--draft"],
    ));
    for h in stamps(dir.path()) {
        assert!(
            h.matches("string=\"草稿\"").count() == 1 && h.contains("PowerPlusWaterMarkObject"),
            "{h}"
        );
    }
    let docx = dir.path().join("out/briefing.docx");
    let draft = fs::read(&docx).unwrap();
    ok(brief(
        dir.path(),
        &["build", "--only", "briefing", "--docx"],
    ));
    for h in stamps(dir.path()) {
        assert!(!h.contains("草稿") && !h.contains("v:shape "), "{h}");
    }
    // As LibreOffice draws them: the draft's first page is not the final's.
    let final_page = {
        let lo = dir.path().join("lo-final");
        soffice_to_pdf(None, &lo, std::slice::from_ref(&docx));
        page_one_grey(&lo.join("briefing.pdf"))
    };
    // The draft's document against the final PDF, whose text no stamp crosses.
    fs::write(&docx, draft).unwrap();
    check(dir.path(), &["--lo"]);
    let lo = dir.path().join("lo-draft");
    soffice_to_pdf(None, &lo, &[docx]);
    let draft_page = page_one_grey(&lo.join("briefing.pdf"));
    let differ = pixels_apart(&final_page, &draft_page, 8);
    assert!(
        differ > 1000,
        "the draft's first page shows no stamp ({differ} pixels differ)"
    );
}

#[test]
fn yu_and_duo_follow_a_round_number_and_otherwise_the_magnitude() {
    // 余 and 多 follow a round number (20余万户, 3000多万元) and otherwise
    // the magnitude (2万余户): after 20万 they said twenty thousand and a
    // bit (hostile round 7). Both documents say it alike.
    let dir = project();
    edit(
        &dir.path().join(ACHIEVEMENTS),
        "        value: 2\n        unit: 万户\n        qualifier: 余",
        "        value: 20\n        unit: 万户\n        qualifier: 余",
    );
    ok(brief(
        dir.path(),
        &["build", "--docx", "--only", "briefing"],
    ));
    let pdf = normal(&pdf_text(&dir.path().join("out/briefing.pdf")));
    let out = common::python_command()
        .arg("-c")
        .arg("import docx, sys; print(''.join(p.text for p in docx.Document(sys.argv[1]).paragraphs))")
        .arg(dir.path().join("out/briefing.docx"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let docx = normal(&String::from_utf8_lossy(&out.stdout));
    for text in [&pdf, &docx] {
        assert!(text.contains("惠及居民20余万户"), "{text}");
        assert!(!text.contains("20万余户"), "{text}");
    }
}

/// A 版头 is one line in the Word document too: a masthead of 10 and of 30
/// characters (its limit) is set smaller rather than wrapped, as rendered
/// by LibreOffice; a short one keeps the style's size.
#[test]
fn a_long_masthead_stays_one_line_in_the_document() {
    require("soffice");
    for masthead in [
        "中共新河区委员会工作",
        "新河区人民政府办公室新河区发展和改革局新河区统计局工作",
    ] {
        let dir = example("xinhe");
        fs::remove_file(dir.path().join("theme.yaml")).ok();
        edit(
            &dir.path().join("data/meta.yaml"),
            "masthead: 新河区政务简报",
            &format!("masthead: {masthead}"),
        );
        ok(brief(
            dir.path(),
            &["build", "--only", "briefing", "--docx"],
        ));
        let page = rendered_text(dir.path());
        assert!(
            page.lines().any(|l| normal(l) == masthead),
            "the masthead is not one line:\n{page}"
        );
    }
}

/// The 版记's issuer and printing date in the Word document: where they do
/// not fit one line, the issuer turns above the date's line and the date is
/// never broken (2 | 023年…), as rendered by LibreOffice.
#[test]
fn a_long_issuer_leaves_the_printing_date_whole() {
    require("soffice");
    let dir = example("xinhe");
    edit(
        &dir.path().join("data/meta.yaml"),
        "issuer: 新河区人民政府办公室 ",
        "issuer: 哈尔滨新区管理委员会党政办公室（区委办公室、区政府办公室） ",
    );
    ok(brief(
        dir.path(),
        &["build", "--only", "briefing", "--docx"],
    ));
    let text = rendered_text(dir.path());
    assert!(
        text.lines()
            .any(|l| normal(l).ends_with("2025年1月21日印发")),
        "the date is broken:\n{text}"
    );
}

/// No number breaks between its digits at a line's end in the Word
/// document, as LibreOffice lays it out (round 25: 同比增加2 | 9%, 320 | 0个:
/// Western text was tagged Chinese, which breaks anywhere).
#[test]
fn a_number_keeps_its_digits_on_one_line_in_the_document() {
    require("soffice");
    let dir = example("xinhe");
    ok(brief(
        dir.path(),
        &["build", "--only", "briefing", "--docx"],
    ));
    let text = rendered_text(dir.path());
    let lines: Vec<String> = text
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    for pair in lines.windows(2) {
        let ends = pair[0].ends_with(|c: char| c.is_ascii_digit());
        let starts = pair[1].starts_with(|c: char| c.is_ascii_digit() || c == '%');
        assert!(
            !(ends && starts),
            "a number broken:\n{}\n{}",
            pair[0],
            pair[1]
        );
    }
    assert!(lines.len() > 100, "{text}");
}

/// `page_numbers: gongwen` numbers the Word document's pages as the PDF's:
/// — N —, right on odd pages and left on even ones (round 26: the .docx
/// printed 第1页　共N页 centred), as LibreOffice lays them out.
#[test]
fn gongwen_page_numbers_stand_on_the_outer_side_in_the_document() {
    require("soffice");
    let dir = example("xinhe");
    fs::write(
        dir.path().join("theme.yaml"),
        "briefing:\n  page_numbers: gongwen\n",
    )
    .unwrap();
    ok(brief(
        dir.path(),
        &["build", "--only", "briefing", "--docx"],
    ));
    rendered_text(dir.path());
    let pdf = dir.path().join("lo/briefing.pdf");
    for page in 1..=3 {
        let text = tool("pdftotext")
            .args(["-layout", "-f", &page.to_string(), "-l", &page.to_string()])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&text.stdout).into_owned();
        let folio = format!("—{page}—");
        let line = text
            .lines()
            .find(|l| l.replace(' ', "") == folio)
            .unwrap_or_else(|| panic!("page {page} has no {folio}:\n{text}"));
        let left = line.len() - line.trim_start().len();
        if page % 2 == 1 {
            assert!(
                left > 40,
                "page {page}'s number is not on the right: {line:?}"
            );
        } else {
            assert!(
                left < 10,
                "page {page}'s number is not on the left: {line:?}"
            );
        }
        assert!(
            !text.contains(&format!("第{page}页")),
            "page {page}:\n{text}"
        );
    }
}

/// Growth targets of 26 characters: their names turn in the document's
/// chart, whose rows were as tall as one line, and each name's second line
/// was drawn over the next name in LibreOffice's render (round 28). No two
/// words of the rendered pages overlap.
#[test]
fn a_chart_s_long_names_take_the_room_of_their_lines_in_the_document() {
    require("soffice");
    let dir = example("xinhe");
    let plan = dir.path().join("data/2025-plan.yaml");
    for name in [
        "地区生产总值",
        "规模以上工业增加值",
        "固定资产投资",
        "社会消费品零售总额",
    ] {
        let long: String = format!("{name}（按全口径统计剔除价格因素后计算）扩充文字")
            .chars()
            .take(26)
            .collect();
        edit(
            &plan,
            &format!("    indicator: {name}\n"),
            &format!("    indicator: {long}\n"),
        );
    }
    ok(brief(
        dir.path(),
        &["build", "--only", "briefing", "--docx"],
    ));
    rendered_text(dir.path());
    let pdf = dir.path().join("lo/briefing.pdf");
    let (pages, _, _) = pdf_info(&pdf);
    for page in 1..=pages {
        let words = pdf_words(&pdf, page);
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                let x = a.x1.min(b.x1) - a.x0.max(b.x0);
                let y = a.y1.min(b.y1) - a.y0.max(b.y0);
                assert!(
                    x < 1.0 || y < 0.3 * (a.y1 - a.y0).min(b.y1 - b.y0),
                    "page {page}: {} drawn over {}",
                    a.text,
                    b.text
                );
            }
        }
    }
}

/// Twenty growth targets of 12 characters, one line each in the PDF: the
/// document's chart counted their names as two lines and stood taller than
/// the page, its heading alone on one page and its last bar cut on the next
/// (round 29). No drawing is taller than the type area.
#[test]
fn a_chart_of_the_document_is_never_taller_than_its_page() {
    let dir = data_only();
    let targets: Vec<(String, String)> = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"
        .chars()
        .map(|name| {
            let indicator = format!("全区规模以上工业企业{name}");
            (indicator.clone(), indicator)
        })
        .collect();
    fs::write(
        dir.path().join("data/2023-plan.yaml"),
        growth_plan(&targets),
    )
    .unwrap();
    ok(brief(
        dir.path(),
        &["build", "--only", "briefing", "--docx"],
    ));
    let document = &parts(&dir.path().join("out/briefing.docx"))["word/document.xml"];
    // A4 less the margins of 37 and 35 mm, in EMU
    let area = (297.0 - 37.0 - 35.0) * 36_000.0;
    let mut charts = 0;
    for extent in document.split("<wp:extent ").skip(1) {
        let cy = extent.split("cy=\"").nth(1).unwrap();
        let cy: f64 = cy[..cy.find('"').unwrap()].parse().unwrap();
        assert!(cy <= area, "a drawing {:.0} mm tall", cy / 36_000.0);
        charts += 1;
    }
    assert!(charts > 0, "no chart in the document");
}

/// The .docx of `dir` as LibreOffice renders it, with a profile of its own
/// (tests run side by side): the text of its pages as they are laid out.
fn rendered_text(dir: &Path) -> String {
    let lo = dir.join("lo");
    soffice_to_pdf(None, &lo, &[dir.join("out/briefing.docx")]);
    let text = tool("pdftotext")
        .arg("-layout")
        .arg(lo.join("briefing.pdf"))
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8_lossy(&text.stdout).into_owned()
}

/// How many pixels of two grey pages differ by more than `by`.
fn pixels_apart(a: &[u8], b: &[u8], by: u8) -> usize {
    a.iter()
        .zip(b)
        .filter(|(x, y)| x.abs_diff(**y) > by)
        .count()
}

/// Page 1 of `pdf` as grey pixels at 60 dpi (poppler's PGM).
fn page_one_grey(pdf: &Path) -> Vec<u8> {
    let out = tool("pdftoppm")
        .args(["-gray", "-r", "60", "-f", "1", "-l", "1"])
        .arg(pdf)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    out.stdout
}

/// Two briefings opened in one LibreOffice session, on a machine with
/// brief's faces installed (as the README advises for the .pptx): the
/// second one drew the characters the first did not use as empty boxes,
/// for LibreOffice kept the first document's subset of "Noto Serif SC"
/// (round 29). Each embedded subset now has a name of its own.
#[test]
fn a_briefing_opened_after_another_looks_as_it_does_alone() {
    require("soffice");
    let (first, second) = (corpus_project("anci-2020"), data_only());
    for dir in [&first, &second] {
        ok(brief(
            dir.path(),
            &["build", "--only", "briefing", "--docx"],
        ));
    }
    let home = home_with_faces();
    let docs = home.path().join("docs");
    fs::create_dir_all(&docs).unwrap();
    fs::copy(first.path().join("out/briefing.docx"), docs.join("1.docx")).unwrap();
    fs::copy(second.path().join("out/briefing.docx"), docs.join("2.docx")).unwrap();
    let convert = |session: &str, files: &[&str]| {
        let out = home.path().join(session);
        let files: Vec<_> = files.iter().map(|f| docs.join(f)).collect();
        soffice_to_pdf(Some(home.path()), &out, &files);
        page_one_grey(&out.join("2.pdf"))
    };
    let together = convert("together", &["1.docx", "2.docx"]);
    let alone = convert("alone", &["2.docx"]);
    assert_eq!(together.len(), alone.len());
    let differ = pixels_apart(&together, &alone, 60);
    assert!(
        differ < 200,
        "page 1 of the second document differs from its render alone in {differ} pixels"
    );
}

/// The 版记 of the document is one block, as in the PDF: with sixteen
/// recipients it ended a page with 报 and the first line of 送, and began
/// the next with the rest and 印发 (round 30).
#[test]
fn the_colophon_of_the_document_is_never_torn_across_pages() {
    require("soffice");
    let dir = example("xinhe");
    let send: Vec<String> = "一二三四五六七"
        .chars()
        .map(|c| format!("新河区第{c}街道办事处"))
        .collect();
    let copy: Vec<String> = "八九十"
        .chars()
        .map(|c| format!("新河区第{c}街道办事处"))
        .chain(
            "一二三四五"
                .chars()
                .map(|c| format!("区属第{c}国有企业集团")),
        )
        .collect();
    let recipients = format!(
        "recipients:\n  report: [市人民政府办公室]\n  send: [{}]\n  copy: [{}]\n",
        send.join(", "),
        copy.join(", ")
    );
    edit(
        &dir.path().join("data/meta.yaml"),
        "recipients:\n  report: [市人民政府办公室]\n  send: [区委各部门, 区人大办, 区政协办]\n  copy: [各街道办事处, 区政府各部门, 区属各国有企业]\n",
        &recipients,
    );
    ok(brief(
        dir.path(),
        &["build", "--only", "briefing", "--docx", "--strict"],
    ));
    rendered_text(dir.path());
    let pdf = dir.path().join("lo/briefing.pdf");
    let (pages, _, _) = pdf_info(&pdf);
    let on = |word: &str| {
        (1..=pages)
            .filter(|p| {
                let out = tool("pdftotext")
                    .args(["-f", &p.to_string(), "-l", &p.to_string()])
                    .arg(&pdf)
                    .arg("-")
                    .output()
                    .unwrap();
                stdout(&out).contains(word)
            })
            .collect::<Vec<_>>()
    };
    let (first, last) = (on("报："), on("印发"));
    assert!(
        !first.is_empty() && first == last,
        "报 on pages {first:?}, 印发 on {last:?}"
    );
}
