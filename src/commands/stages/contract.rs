//! The wording rules are written twice: in `templates/lib.typ`, which sets
//! the PDFs, and in `docx::text` and `data::prose::aims`, which write the .docx. This
//! test ties them: it compiles a page of brief's own templates through the
//! same inputs as a build, has them say every figure, share, rank, target
//! and sentence of every shipped and corpus project, and compares each with
//! what the Rust side says.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::{Value as Json, json};
use typst::foundations::{Bytes, Label, Selector};
use typst::introspection::Introspector;
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

use crate::config::FontOptions;
use crate::data::Project;
use crate::data::model::Part;
use crate::docx::text;
use crate::fonts::Fonts;
use crate::world::BriefWorld;

/// What lib.typ says, keyed `part/id`, and each paragraph's sentences.
const PAGE: &str = r#"
#import "/templates/lib.typ": *
#let data = load-data()
#let cfg = make-config(load-theme(), data.meta)
#let out = (:)
#for key in ("achievements", "plan") {
  let part = data.at(key)
  for f in all-figures(part) {
    out.insert(key + "/" + f.id, (
      figure: figure-str(cfg, f),
      yoy: yoy-phrase(cfg, f),
      shares: share-phrases(cfg, f),
      rank: rank-note(f),
      aim: aim-of(cfg, part, f.id),
      estimate: estimate-of(cfg, part, f.id),
    ))
  }
  for t in opt-list(part, "targets") {
    let p = target-parts(cfg, t)
    out.insert(key + "/" + t.id, (verb: p.verb, value: p.value))
  }
  // What each placeholder a figure or target offers prints.
  let idx = part-index(part)
  let offered = all-figures(part).map(f => {
    let fields = (none, "value")
    if opt(f, "ratio") == none { fields.push("number") }
    if opt(f, "yoy") != none { fields += ("yoy", "yoy.number") }
    if opt-list(f, "share").len() > 0 { fields += ("share", "share.number") }
    if opt(f, "rank") != none { fields.push("rank") }
    (f.id, fields)
  }) + opt-list(part, "targets").map(t => (t.id, (none, "value") + if opt(t, "goal") == none { ("number",) } else { () }))
  for (id, fields) in offered {
    for field in fields {
      let name = if field == none { id } else { id + "." + field }
      out.insert(key + "/{" + name + "}", placeholder-text(cfg, idx.at(id), id, field))
    }
  }
  out.insert(key + "/sentences", part-paragraphs(part).map(sentences))
}
#out.insert("cases", CASES.map(sentences))
#out.insert("placeholders", PLACEHOLDERS.map(s => s.matches(placeholder-re).map(m => (
  m.start, m.end, m.captures.at(0), m.captures.at(1),
))))
#metadata(out) <contract>
"#;

/// Paragraphs whose splitting is easy to get wrong: closing quotes and
/// brackets after the stop, stops in a row, a last sentence without one.
const CASES: [&str; 7] = [
    "他说：“增长5%。”下一句！",
    "一；二。三",
    "末尾没有句号",
    "（注：见附表。）后文。",
    "连续。。。三个",
    "问？！叹",
    "  前后空白。  ",
];

/// Texts whose placeholders the templates must find exactly as the checks
/// read them: at the same bytes, with the same id and field. A brace the
/// templates print as written (`{Gdp}`, `{a.b.c}`, `{ a }`) is one the
/// checks refuse (an id or field no data has; an unbalanced brace refuses
/// the whole text, tested in `tests/rules.rs`).
const PLACEHOLDERS: [&str; 13] = [
    "增长{a}、{b.yoy}和{c_2.share}。",
    "分别回落{a.number}、{b.yoy.number}和{c.share.number}个百分点",
    "{a.value.number}{a.rank.number}{a.number.yoy}",
    "{a}{b}",
    "占全省的{x.share}，{x.rank}，{x.value}",
    "没有占位符",
    "“{a1}”（{b}）",
    "哈尔滨{gdp_2022}",
    "{Gdp}增长",
    "{a.b.c}",
    "{ a }",
    "{a.}与{.yoy}",
    "{a.Yoy}{2a}",
];

/// The fields a placeholder may name after its id.
const FIELDS: [&str; 7] = [
    "value",
    "yoy",
    "share",
    "rank",
    "number",
    "yoy.number",
    "share.number",
];

fn typst_side(root: &Path, project: &Project) -> Json {
    let inputs = super::template_inputs(project, root, None, false);
    let mut files = inputs.files;
    // brief's own templates, whatever the project holds: they are the contract.
    for (name, text) in crate::config::TEMPLATES {
        files.insert(
            format!("templates/{name}"),
            Bytes::new(text.as_bytes().to_vec()),
        );
    }
    // (A JSON list of strings is a Typst array once its brackets are
    // parentheses; no case holds a bracket.)
    let array = |list: &[&str]| {
        serde_json::to_string(list)
            .unwrap()
            .replace('[', "(")
            .replace(']', ",)")
    };
    let page = format!(
        "#let CASES = {}\n#let PLACEHOLDERS = {}\n{PAGE}",
        array(&CASES),
        array(&PLACEHOLDERS)
    );
    files.insert("contract.typ".into(), Bytes::new(page.into_bytes()));
    let fonts = Arc::new(Fonts::discover(root, &FontOptions::default()));
    let world = BriefWorld::new(root, Path::new("contract.typ"), inputs.dict, fonts, None)
        .expect("a world")
        .with_overlay(files);
    let document = typst::compile::<PagedDocument>(&world)
        .output
        .unwrap_or_else(|e| panic!("{}: {e:?}", root.display()));
    let label = Label::new(PicoStr::intern("contract")).unwrap();
    let found = document.introspector().query(&Selector::Label(label));
    let value = found[0].get_by_name("value").expect("the metadata's value");
    serde_json::to_value(&value).expect("a JSON value")
}

fn rust_side(project: &Project) -> Json {
    let words = &project.words;
    let todo = &project.look.raw_word("todo");
    let data = &project.dataset;
    let mut out = serde_json::Map::new();
    for (key, part) in [("achievements", &data.achievements), ("plan", &data.plan)] {
        let part: &Part = part;
        for f in part.sections.iter().flat_map(|s| &s.figures) {
            out.insert(
                format!("{key}/{}", f.id),
                json!({
                    "figure": text::figure_parts(words, todo, f).joined(),
                    "yoy": text::yoy_phrase(words, todo, f),
                    "shares": f.share.iter().map(|s| text::share_phrase(words, todo, s)).collect::<Vec<_>>(),
                    "rank": f.rank.as_ref().map(text::rank_note),
                    "aim": crate::data::prose::aims::aim_of(words, part, &f.id),
                    "estimate": crate::data::prose::aims::estimate_of(words, part, &f.id)
                        .unwrap_or_else(|| project.look.word("estimate", &[])),
                }),
            );
        }
        for t in &part.targets {
            out.insert(
                format!("{key}/{}", t.id),
                json!({"verb": text::target_verb(t), "value": text::target_value(words, todo, t)}),
            );
        }
        // What each placeholder a figure or target offers prints.
        let ids = part
            .sections
            .iter()
            .flat_map(|s| s.figures.iter().map(|f| &f.id));
        for id in ids.chain(part.targets.iter().map(|t| &t.id)) {
            for field in [None].into_iter().chain(FIELDS.map(Some)) {
                let p = crate::data::prose::Placeholder {
                    start: 0,
                    end: 0,
                    id,
                    field,
                };
                let parts = [&data.achievements, &data.plan];
                if let Some(text) = text::placeholder_text(words, todo, parts, id, p.part()) {
                    let name = field.map_or(id.clone(), |f| format!("{id}.{f}"));
                    out.insert(format!("{key}/{{{name}}}"), json!(text));
                }
            }
        }
        let sentences: Vec<Vec<&str>> = crate::data::prose::aims::paragraphs(part)
            .map(crate::data::prose::aims::sentences)
            .collect();
        out.insert(format!("{key}/sentences"), json!(sentences));
    }
    let cases: Vec<Vec<&str>> = CASES
        .iter()
        .map(|c| crate::data::prose::aims::sentences(c))
        .collect();
    out.insert("cases".into(), json!(cases));
    let placeholders: Vec<Vec<Json>> = PLACEHOLDERS
        .iter()
        .map(|text| {
            crate::data::prose::placeholders(text)
                .expect("balanced braces")
                .into_iter()
                .filter(|p| crate::data::is_id(p.id) && p.field.is_none_or(|f| FIELDS.contains(&f)))
                .map(|p| json!([p.start, p.end, p.id, p.field]))
                .collect()
        })
        .collect();
    out.insert("placeholders".into(), json!(placeholders));
    Json::Object(out)
}

fn projects() -> Vec<PathBuf> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![repo.to_path_buf(), repo.join("examples/xinhe")];
    let mut corpus: Vec<PathBuf> = std::fs::read_dir(repo.join("tests/corpus"))
        .expect("the corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("data/meta.yaml").is_file())
        .collect();
    corpus.sort();
    assert!(corpus.len() >= 10, "the corpus is there");
    out.extend(corpus);
    out.into_iter().map(|p| p.canonicalize().unwrap()).collect()
}

#[test]
fn the_templates_and_the_docx_say_every_figure_in_the_same_words() {
    let mut differences = Vec::new();
    let mut compared = 0;
    for root in projects() {
        let project = crate::data::load(&root, false)
            .unwrap_or_else(|f| panic!("{}: {:?}", root.display(), f.errors));
        let (typst, rust) = (typst_side(&root, &project), rust_side(&project));
        let (typst, rust) = (typst.as_object().unwrap(), rust.as_object().unwrap());
        assert_eq!(
            typst.keys().collect::<Vec<_>>(),
            rust.keys().collect::<Vec<_>>(),
            "{}",
            root.display()
        );
        for (key, t) in typst {
            compared += 1;
            if t != &rust[key] {
                differences.push(format!(
                    "{} {key}:\n  typst {t}\n  rust  {}",
                    root.file_name().unwrap().to_string_lossy(),
                    rust[key]
                ));
            }
        }
    }
    assert!(compared > 300, "{compared} entries compared");
    assert!(
        differences.is_empty(),
        "{} of {compared} differ:\n{}",
        differences.len(),
        differences.join("\n")
    );
}

#[test]
fn the_templates_read_the_inputs_a_build_sets_and_no_other() {
    let mut read: Vec<&str> = Vec::new();
    for (name, text) in crate::config::TEMPLATES {
        let code = text.lines().filter(|l| !l.trim_start().starts_with("//"));
        for line in code {
            let Some(at) = line.find("sys.inputs") else {
                continue;
            };
            let rest = &line[at + "sys.inputs".len()..];
            let key = rest
                .strip_prefix(".at(\"")
                .and_then(|r| r.split_once('"'))
                .map(|(k, _)| k)
                .unwrap_or_else(|| panic!("{name}: sys.inputs read other than by .at(\"KEY\")"));
            read.push(key);
        }
    }
    read.sort_unstable();
    read.dedup();
    let mut set = vec![
        super::INPUT_DATA,
        super::INPUT_THEME,
        super::INPUT_DATE,
        super::INPUT_DRAFT,
    ];
    set.sort_unstable();
    assert_eq!(read, set);
}
