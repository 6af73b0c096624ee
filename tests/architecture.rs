//! The module graph holds to ARCHITECTURE.md: every module of `src/` is in its table, imports go
//! to the same layer or below, and no modules import each other in a circle.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Top-level modules of `src/` (a file or a folder), each with the text of its files, test
/// modules left out.
fn modules() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(repo().join("src")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if name == "main" || name == "lib" {
            continue;
        }
        let mut text = String::new();
        let mut files = vec![path.clone()];
        while let Some(p) = files.pop() {
            if p.is_dir() {
                files.extend(fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
            } else if p.extension().is_some_and(|e| e == "rs") {
                let source = fs::read_to_string(&p).unwrap();
                // Unit tests may reach anywhere.
                let source = match source.find("#[cfg(test)]") {
                    Some(at) => source[..at].to_string(),
                    None => source,
                };
                text += &source;
            }
        }
        out.insert(name, text);
    }
    out
}

/// The modules a text names: `crate::x`, and `use crate::{x, y}`.
fn imports(text: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let word = |s: &str| {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect::<String>()
    };
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        if let Some(inner) = rest.strip_prefix('{') {
            // The top-level items of the group, nested groups skipped:
            // `{data::{self, X}, error::Failure}` names data and error.
            let (mut depth, mut start) = (0usize, true);
            for (j, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && !c.is_whitespace() => {
                        out.insert(word(&inner[j..]));
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            out.insert(word(rest));
        }
    }
    // `tr!` is the i18n module's macro.
    if text.contains("tr!(") {
        out.insert("i18n".to_string());
    }
    out.retain(|m| known.contains(m));
    out
}

/// The table of ARCHITECTURE.md: module → layer.
fn layers() -> BTreeMap<String, u32> {
    let page = fs::read_to_string(repo().join("ARCHITECTURE.md")).unwrap();
    page.lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let module = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            let layer = cells.get(2)?.parse().ok()?;
            Some((module.to_string(), layer))
        })
        .collect()
}

#[test]
fn imports_go_down_the_layers_and_never_in_a_circle() {
    let modules = modules();
    let layers = layers();
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    let missing: Vec<&String> = known.iter().filter(|m| !layers.contains_key(*m)).collect();
    assert!(
        missing.is_empty(),
        "modules missing from ARCHITECTURE.md: {missing:?}"
    );
    let stale: Vec<&String> = layers.keys().filter(|m| !known.contains(*m)).collect();
    assert!(
        stale.is_empty(),
        "ARCHITECTURE.md names modules that do not exist: {stale:?}"
    );

    let graph: BTreeMap<String, BTreeSet<String>> = modules
        .iter()
        .map(|(m, text)| {
            let mut deps = imports(text, &known);
            deps.remove(m);
            (m.clone(), deps)
        })
        .collect();
    for (m, deps) in &graph {
        for d in deps {
            assert!(
                layers[d] <= layers[m],
                "`{m}` (layer {}) imports `{d}` (layer {}): imports go down the layers only",
                layers[m],
                layers[d]
            );
        }
    }
    // A circle: a module that reaches itself.
    for start in graph.keys() {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<&String> = graph[start].iter().collect();
        while let Some(m) = todo.pop() {
            assert!(
                m != start,
                "`{start}` imports itself through a circle of modules"
            );
            if seen.insert(m) {
                todo.extend(graph[m].iter());
            }
        }
    }
}

#[test]
fn the_check_finds_what_it_should() {
    // The parser of imports itself: a nested list, a path, a macro.
    let known: BTreeSet<String> = ["a", "b", "c", "i18n"].map(String::from).into();
    let found = imports(
        "use crate::{a::{self, x}, b};\nlet v = crate::c::f();\ntr!(\"k\")",
        &known,
    );
    assert_eq!(found, known);
    assert!(Path::new(&repo().join("ARCHITECTURE.md")).is_file());
}

/// The files of one folder of `src/` beside each other (`super::x` from a sibling), test modules
/// left out.
fn siblings(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if path.extension().is_none_or(|e| e != "rs") || name == "mod" {
            continue;
        }
        let source = fs::read_to_string(&path).unwrap();
        let source = match source.find("#[cfg(test)]") {
            Some(at) => source[..at].to_string(),
            None => source,
        };
        out.insert(name, source.replace("super::", "crate::"));
    }
    out
}

/// A circle in `graph`, as the modules on it.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    for start in graph.keys() {
        let mut todo: Vec<Vec<String>> = vec![vec![start.clone()]];
        let mut seen = BTreeSet::new();
        while let Some(path) = todo.pop() {
            for next in &graph[path.last().unwrap()] {
                if next == start {
                    return Some([path.clone(), vec![next.clone()]].concat());
                }
                if seen.insert(next.clone()) {
                    todo.push([path.clone(), vec![next.clone()]].concat());
                }
            }
        }
    }
    None
}

#[test]
fn the_files_of_a_module_never_import_each_other_in_a_circle() {
    let mut folders = vec![repo().join("src")];
    let mut checked = 0;
    while let Some(dir) = folders.pop() {
        folders.extend(
            fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.is_dir()),
        );
        if dir == repo().join("src") {
            continue;
        }
        let files = siblings(&dir);
        let known: BTreeSet<String> = files.keys().cloned().collect();
        let graph: BTreeMap<String, BTreeSet<String>> = files
            .iter()
            .map(|(m, text)| {
                let mut deps = imports(text, &known);
                deps.remove(m);
                deps.remove("i18n");
                (m.clone(), deps)
            })
            .collect();
        assert_eq!(
            circle(&graph),
            None,
            "{}: files import each other in a circle",
            dir.display()
        );
        checked += 1;
    }
    assert!(checked >= 8, "{checked} folders");
    // The check sees a circle of two.
    let two: BTreeMap<String, BTreeSet<String>> = [
        ("a".to_string(), ["b".to_string()].into()),
        ("b".to_string(), ["a".to_string()].into()),
    ]
    .into();
    assert!(circle(&two).is_some());
}
