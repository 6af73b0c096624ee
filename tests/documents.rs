//! `brief build` on the shipped data: the documents a user gets.

mod common;

use common::*;

#[test]
fn build_writes_an_a4_briefing_and_a_16_9_deck_with_the_bundled_fonts() {
    let dir = project();
    let err = ok(brief(dir.path(), &["build"]));
    assert!(err.contains("wrote out/briefing.pdf"), "{err}");
    let out = dir.path().join("out");

    let (pages, w, h) = pdf_info(&out.join("briefing.pdf"));
    assert!(pages >= 4, "briefing has {pages} pages");
    assert!(
        (w - 595.28).abs() < 0.5 && (h - 841.89).abs() < 0.5,
        "briefing page is {w} x {h} pt, not A4"
    );

    let (slides, w, h) = pdf_info(&out.join("slides.pdf"));
    assert!(slides >= 10, "deck has {slides} slides");
    assert!(
        (w - 960.0).abs() < 0.5 && (h - 540.0).abs() < 0.5,
        "slide is {w} x {h} pt, not 338.67 x 190.5 mm"
    );

    for pdf in ["briefing.pdf", "slides.pdf"] {
        let fonts = pdf_fonts(&out.join(pdf));
        assert!(
            fonts.contains("NotoSansSC") && fonts.contains("NotoSerifSC"),
            "{pdf} fonts:\n{fonts}"
        );
        for line in fonts.lines().skip(2) {
            assert!(
                line.contains(" yes yes "),
                "{pdf}: a font is not embedded and subset: {line}"
            );
        }
        let text = pdf_text(&out.join(pdf));
        assert!(
            !text.contains('\u{FFFD}'),
            "{pdf} has replacement characters"
        );
        assert!(text.contains("哈尔滨新区"), "{pdf} lacks its Chinese text");
    }
}

#[test]
fn every_figure_of_the_article_is_in_the_briefing() {
    let dir = project();
    ok(brief(dir.path(), &["build", "--only", "briefing"]));
    assert!(
        !dir.path().join("out/slides.pdf").exists(),
        "--only briefing built the slides too"
    );
    let text = pdf_body_text(&dir.path().join("out/briefing.pdf"));
    let list = std::fs::read_to_string(repo().join("tests/article_figures.txt")).unwrap();
    let missing: Vec<&str> = list
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter(|l| !text.contains(&l.replace(char::is_whitespace, "")))
        .collect();
    assert!(
        missing.is_empty(),
        "figures of the article missing from the briefing: {missing:?}"
    );
}

#[test]
fn the_headline_figures_read_the_same_in_briefing_and_deck() {
    let dir = project();
    ok(brief(dir.path(), &["build"]));
    let briefing = pdf_text(&dir.path().join("out/briefing.pdf"));
    let slides = pdf_text(&dir.path().join("out/slides.pdf"));
    // The figures as the data states them, formatted by brief's own rules.
    let schema_free: serde_json::Value = yaml_serde::from_str::<serde_json::Value>(
        &std::fs::read_to_string(dir.path().join(ACHIEVEMENTS)).unwrap(),
    )
    .unwrap();
    let mut checked = 0;
    for section in schema_free["sections"].as_array().unwrap() {
        for f in section["figures"].as_array().unwrap() {
            if f["headline"].as_bool() != Some(true) {
                continue;
            }
            let value = f["value"].to_string();
            let shown = format!("{value}{}", f["unit"].as_str().unwrap());
            for (name, text) in [("briefing", &briefing), ("slides", &slides)] {
                assert!(
                    text.contains(&shown),
                    "{name} does not show {} as {shown}",
                    f["id"]
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 4, "only {checked} headline figures");
}

#[test]
fn pdf_metadata_and_bookmarks_come_from_the_data() {
    let dir = project();
    ok(brief(dir.path(), &["build", "--only", "briefing"]));
    let pdf = dir.path().join("out/briefing.pdf");
    let info =
        String::from_utf8(common::tool("pdfinfo").arg(&pdf).output().unwrap().stdout).unwrap();
    assert!(
        info.contains("哈尔滨新区2022年工作成效与2023年工作安排"),
        "title missing:\n{info}"
    );
    assert!(info.contains("张焱"), "author missing:\n{info}");
    assert!(
        info.contains("Keywords:") && info.contains("哈尔滨新区"),
        "keywords missing:\n{info}"
    );
    let raw = read(&pdf);
    assert!(
        raw.windows(12).any(|w| w == b"/Lang(zh-CN)"),
        "the PDF does not declare its language as Chinese"
    );
    // Bookmarks: both parts and every section title are in the outline.
    let xml = String::from_utf8(
        common::tool("pdftohtml")
            .args(["-xml", "-i", "-q", "-stdout"])
            .arg(&pdf)
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let outline = &xml[xml.find("<outline>").expect("the PDF has bookmarks")..];
    for file in [ACHIEVEMENTS, PLAN] {
        let part: serde_json::Value =
            yaml_serde::from_str(&std::fs::read_to_string(dir.path().join(file)).unwrap()).unwrap();
        let mut titles = vec![part["title"].as_str().unwrap().to_string()];
        titles.extend(
            part["sections"]
                .as_array()
                .unwrap()
                .iter()
                // A section the article gives no heading has no bookmark.
                .filter_map(|s| s["title"].as_str())
                .map(str::to_string),
        );
        for title in titles {
            assert!(outline.contains(&title), "no bookmark for {title}");
        }
    }
}

#[test]
fn speaker_notes_are_a_pdfpc_file_with_notes_for_the_slides() {
    let dir = project();
    ok(brief(dir.path(), &["build", "--only", "slides"]));
    let notes: serde_json::Value =
        serde_json::from_slice(&read(&dir.path().join("out/slides.pdfpc")))
            .expect("slides.pdfpc is JSON");
    assert_eq!(notes["pdfpcFormat"], 2);
    let (slides, _, _) = pdf_info(&dir.path().join("out/slides.pdf"));
    let pages = notes["pages"].as_array().unwrap();
    assert!(
        pages.len() * 2 >= slides,
        "only {} of {slides} slides have notes",
        pages.len()
    );
    for page in pages {
        let idx = page["idx"].as_u64().unwrap() as usize;
        assert!(idx < slides);
        assert!(!page["note"].as_str().unwrap().trim().is_empty());
    }
}

#[test]
fn png_export_writes_one_image_per_slide_at_the_requested_resolution() {
    let dir = project();
    ok(brief(
        dir.path(),
        &[
            "build", "--only", "slides", "--format", "png", "--ppi", "72",
        ],
    ));
    let out = dir.path().join("out");
    let (slides, _, _) = {
        ok(brief(
            dir.path(),
            &["build", "--only", "slides", "--out", "pdf"],
        ));
        pdf_info(&dir.path().join("pdf/slides.pdf"))
    };
    let mut pngs: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".png"))
        .collect();
    pngs.sort();
    assert_eq!(pngs.len(), slides);
    assert_eq!(pngs[0], "slides-01.png");
    let png = read(&out.join(&pngs[0]));
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((width, height), (960, 540));
}

#[test]
fn an_archival_pdf_a_2b_is_written_on_request() {
    let dir = project();
    // PDF/A needs a creation date; without one brief says how to give it.
    let result = brief(
        dir.path(),
        &["build", "--only", "briefing", "--pdf-standard", "a-2b"],
    );
    assert_eq!(code(&result), 2, "{}", stderr(&result));
    assert!(
        stderr(&result).contains("--creation-timestamp"),
        "{}",
        stderr(&result)
    );
    ok(brief(
        dir.path(),
        &[
            "build",
            "--only",
            "briefing",
            "--pdf-standard",
            "a-2b",
            "--creation-timestamp",
            "1672876800",
        ],
    ));
    let raw = String::from_utf8_lossy(&read(&dir.path().join("out/briefing.pdf"))).to_string();
    assert!(
        raw.contains("pdfaid:part"),
        "no PDF/A identification in the XMP metadata"
    );
    // A timestamp before the report's year dates no page, but stays the
    // PDF's date, which PDF/A needs (round 18: exit 4, "missing document
    // date", after compiling).
    let out = brief(
        dir.path(),
        &[
            "build",
            "--only",
            "briefing",
            "--pdf-standard",
            "a-2b",
            "--creation-timestamp",
            "0",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let raw = String::from_utf8_lossy(&read(&dir.path().join("out/briefing.pdf"))).to_string();
    assert!(raw.contains("1970-01-01"), "no metadata date");
}

#[test]
fn the_schema_is_json_schema_and_matches_the_shipped_file() {
    let dir = project();
    let out = brief(dir.path(), &["schema"]);
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("schema is JSON");
    assert!(
        schema["$schema"]
            .as_str()
            .unwrap()
            .contains("json-schema.org")
    );
    let shipped: serde_json::Value =
        serde_json::from_slice(&read(&repo().join("schema/brief.schema.json"))).unwrap();
    assert_eq!(
        schema, shipped,
        "schema/brief.schema.json is stale: brief schema > schema/brief.schema.json"
    );
}

#[test]
fn fonts_lists_the_bundled_families() {
    let dir = project();
    let out = brief(dir.path(), &["fonts", "--variants"]);
    let text = stdout(&out);
    assert!(
        text.contains("Noto Sans SC") && text.contains("Noto Serif SC"),
        "{text}"
    );
    assert!(text.contains("bundled"), "{text}");
}

#[test]
fn the_handout_puts_every_slide_beside_its_notes_on_a4() {
    let dir = project();
    ok(brief(dir.path(), &["build", "--handout"]));
    let out = dir.path().join("out");
    let (pages, w, h) = pdf_info(&out.join("handout.pdf"));
    assert!(
        (w - 595.28).abs() < 0.5 && (h - 841.89).abs() < 0.5,
        "handout page is {w} x {h}"
    );
    let (slides, _, _) = pdf_info(&out.join("slides.pdf"));
    assert!(
        pages * 2 <= slides,
        "{pages} handout pages for {slides} slides: not several per page"
    );
    let text = pdf_text(&out.join("handout.pdf"));
    assert!(
        text.contains(&format!("第{slides}页")),
        "the last slide is missing from the handout"
    );
    let notes: serde_json::Value =
        serde_json::from_slice(&read(&out.join("slides.pdfpc"))).unwrap();
    let first_note: String = notes["pages"][0]["note"]
        .as_str()
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(12)
        .collect();
    assert!(
        text.contains(&first_note),
        "the handout lacks the notes ({first_note})"
    );

    let result = brief(dir.path(), &["build", "--handout", "--only", "briefing"]);
    assert_eq!(code(&result), 2, "{}", stderr(&result));
}

#[test]
fn the_overview_charts_carry_the_data_values() {
    let dir = project();
    ok(brief(
        dir.path(),
        &["build", "--only", "briefing", "--strict"],
    ));
    let pdf = dir.path().join("out/briefing.pdf");
    let out = common::tool("pdftotext")
        .args(["-f", "1", "-l", "2"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let overview: String = String::from_utf8(out.stdout)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let plan: serde_json::Value =
        yaml_serde::from_str(&std::fs::read_to_string(dir.path().join(PLAN)).unwrap()).unwrap();
    for t in plan["targets"].as_array().unwrap() {
        if let Some(v) = t["value"].as_f64() {
            let label = format!("{v}%");
            // Once in the targets table and once on its bar.
            assert!(
                overview.matches(&label).count() >= 2,
                "growth target {label} is not on both table and chart"
            );
        }
    }
    let ach: serde_json::Value =
        yaml_serde::from_str(&std::fs::read_to_string(dir.path().join(ACHIEVEMENTS)).unwrap())
            .unwrap();
    for section in ach["sections"].as_array().unwrap() {
        for f in section["figures"].as_array().unwrap() {
            for share in f["share"].as_array().into_iter().flatten() {
                let label = format!("{}%", share["value"]);
                assert!(
                    overview.contains(&label),
                    "share {label} of {} is not charted",
                    f["id"]
                );
            }
        }
    }
}

#[test]
fn no_slide_overflows_with_the_shipped_data() {
    let dir = project();
    // --strict turns an overflowing slide into an error.
    let err = ok(brief(
        dir.path(),
        &["build", "--only", "slides", "--strict"],
    ));
    assert!(!err.contains("overflows"), "{err}");
}

#[test]
fn bullets_never_overflow_whether_measured_or_bounded() {
    // The deck measures a section's bullets only when an upper bound of their height does not
    // fit one slide. A short section (four bullets) grown sentence by sentence, with long Latin
    // words and numbers, crosses from one side of that bound to the other and on to a second
    // slide; no slide may overflow on either side.
    // The longest unbroken Latin run the data allows (docs/data.md, limits): 30 characters.
    let sentence =
        "推进智慧城市平台 harbin-new-area.example.org/v2 建设，覆盖 QFLP、CIM 等第12个应用场景。";
    for k in [0, 1, 2, 3, 5, 8] {
        let dir = project();
        edit(
            &dir.path().join(ACHIEVEMENTS),
            "深哈园区市政道路和基础设施全部建成投用。",
            &format!(
                "深哈园区市政道路和基础设施全部建成投用。{}",
                sentence.repeat(k)
            ),
        );
        let err = ok(brief(
            dir.path(),
            &["build", "--only", "slides", "--strict"],
        ));
        assert!(!err.contains("overflows"), "{k} sentences: {err}");
        let text = pdf_text(&dir.path().join("out/slides.pdf"));
        assert!(
            text.contains("QFLP"),
            "{k} sentences: the added text is missing"
        );
    }
}
