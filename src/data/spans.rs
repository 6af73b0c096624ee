//! A structural pass over a YAML file with saphyr's event parser.
//!
//! yaml_serde gives typed values but no positions for them; this pass records
//! where every field path starts, so that errors found after deserialising
//! (ranges, references, ids) still name a line and column. It also refuses,
//! with a position, what serde would accept or choke on: several documents,
//! aliases (alias bombs), duplicate keys and runaway nesting.

use std::collections::{HashMap, HashSet};

use saphyr_parser::{Event, Parser};

use crate::tr;

/// Deeper than any data file needs; stops nesting bombs early.
pub const MAX_DEPTH: usize = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loc {
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub col: usize,
}

/// Where each field path (`sections[0].figures[3].value`) stands.
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    values: HashMap<String, Loc>,
    /// Where the key of each mapping entry stands.
    keys: HashMap<String, Loc>,
    /// Scalars written over several lines: YAML joins their lines with a
    /// space (between two Chinese characters, one no article has).
    folded: HashSet<String>,
}

impl SpanIndex {
    /// The position of the value at `path`, or of its nearest ancestor.
    pub fn value(&self, path: &str) -> Option<Loc> {
        let mut path = path;
        loop {
            if let Some(loc) = self.values.get(path) {
                return Some(*loc);
            }
            path = parent(path)?;
        }
    }

    /// The position of the key of the entry at `path`.
    pub fn key(&self, path: &str) -> Option<Loc> {
        self.keys.get(path).copied()
    }

    /// Whether the scalar at `path` is written over several lines.
    pub fn folded(&self, path: &str) -> bool {
        self.folded.contains(path)
    }
}

fn parent(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    let cut = path.rfind(['.', '[']).unwrap_or(0);
    Some(&path[..cut])
}

/// A structural problem found by the pass.
#[derive(Debug, Clone, PartialEq)]
pub struct StructureError {
    pub loc: Loc,
    pub path: String,
    pub code: &'static str,
    pub message: String,
    pub hint: Option<String>,
}

enum Frame {
    Map {
        path: String,
        key: Option<String>,
        seen: HashSet<String>,
    },
    Seq {
        path: String,
        next: usize,
    },
}

fn join(base: &str, key: &str) -> String {
    if base.is_empty() {
        key.to_string()
    } else {
        format!("{base}.{key}")
    }
}

/// Runs the pass. Returns the index, or every structural error found before
/// the parser gave up (a syntax error ends the pass).
pub fn scan(text: &str) -> Result<SpanIndex, (SpanIndex, Vec<StructureError>)> {
    let mut index = SpanIndex::default();
    let mut errors = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut documents = 0;

    for item in Parser::new_from_str(text) {
        let (event, span) = match item {
            Ok(pair) => pair,
            Err(err) => {
                let m = err.marker();
                // saphyr stops runaway nesting itself, in its own words.
                if err.info().contains("recursion limit") {
                    errors.push(StructureError {
                        loc: Loc {
                            line: m.line(),
                            col: m.col() + 1,
                        },
                        path: String::new(),
                        code: "data-too-deep",
                        message: tr!("data-too-deep", max = MAX_DEPTH),
                        hint: None,
                    });
                } else {
                    // Said at the line to change, in the user's words.
                    let d = super::syntax::diagnose(text, m.line(), err.info());
                    errors.push(StructureError {
                        loc: Loc {
                            line: d.line,
                            col: d.col,
                        },
                        path: String::new(),
                        code: d.code,
                        message: d.message,
                        hint: Some(d.hint),
                    });
                }
                return Err((index, errors));
            }
        };
        let loc = Loc {
            line: span.start.line(),
            col: span.start.col() + 1,
        };

        let is_node = matches!(
            event,
            Event::Scalar(..)
                | Event::MappingStart(..)
                | Event::SequenceStart(..)
                | Event::Alias(_)
        );
        match &event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents == 2 {
                    // After a line of three dots (a clerk's ellipsis) the
                    // mistake is that line, not the text it cut off.
                    let dots = text
                        .lines()
                        .take(loc.line.saturating_sub(1))
                        .enumerate()
                        .filter(|(_, l)| l.trim_end() == "...")
                        .last()
                        .map(|(i, _)| i);
                    errors.push(match dots {
                        Some(i) => StructureError {
                            loc: Loc {
                                line: i + 1,
                                col: 1,
                            },
                            path: String::new(),
                            code: "syntax-document-end",
                            message: tr!("syntax-document-end"),
                            hint: Some(tr!("syntax-document-end-hint")),
                        },
                        None => StructureError {
                            loc,
                            path: String::new(),
                            code: "data-second-document",
                            message: tr!("data-second-document"),
                            hint: None,
                        },
                    });
                }
            }
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
            }
            _ => {}
        }
        if !is_node || documents > 1 {
            continue;
        }

        // A scalar where a mapping expects its key is a key, not a node.
        if let Some(Frame::Map { path, key, seen }) = stack.last_mut()
            && key.is_none()
        {
            let name = match &event {
                Event::Scalar(value, ..) => value.to_string(),
                _ => "?".to_string(),
            };
            let full = join(path, &name);
            index.keys.entry(full.clone()).or_insert(loc);
            // An item's `id` again: another item typed without its dash
            // (round 28: four "keep one of the two lines", which deleted a
            // figure). Said once, at the id; its other keys follow from it.
            const NEW_ITEM: &str = "\0another item";
            if !seen.insert(name.clone()) && !seen.contains(NEW_ITEM) {
                let item = name == "id" && path.ends_with(']');
                if item {
                    seen.insert(NEW_ITEM.to_string());
                }
                errors.push(StructureError {
                    loc,
                    path: full.clone(),
                    code: "data-duplicate-key",
                    message: tr!("data-duplicate-key", key = name.as_str()),
                    hint: Some(if item {
                        tr!("data-duplicate-id-item-hint")
                    } else {
                        tr!("data-duplicate-key-hint")
                    }),
                });
            }
            // A key is no place for a tag or an anchor either (`!!str
            // keywords:`, `&k keywords:`, `*k :`): passed over in silence
            // (hostile round 26), where on a value they are refused.
            let refused = match &event {
                Event::Alias(_) => Some(("data-alias", tr!("data-alias"), tr!("data-anchor-hint"))),
                Event::Scalar(_, _, _, Some(tag)) => {
                    let tag = format!("{}{}", tag.handle, tag.suffix);
                    Some((
                        "data-tag",
                        tr!("data-tag", tag = tag.as_str()),
                        tr!("data-tag-hint"),
                    ))
                }
                Event::Scalar(_, _, anchor, _) if *anchor != 0 => {
                    Some(("data-anchor", tr!("data-anchor"), tr!("data-anchor-hint")))
                }
                _ => None,
            };
            if let Some((code, message, hint)) = refused {
                errors.push(StructureError {
                    loc,
                    path: full,
                    code,
                    message,
                    hint: Some(hint),
                });
            }
            *key = Some(name);
            continue;
        }

        let path = match stack.last_mut() {
            None => String::new(),
            Some(Frame::Map { path, key, .. }) => join(path, &key.take().unwrap_or_default()),
            Some(Frame::Seq { path, next }) => {
                *next += 1;
                format!("{path}[{}]", *next - 1)
            }
        };
        index.values.entry(path.clone()).or_insert(loc);
        if matches!(event, Event::Scalar(..)) && span.end.line() > span.start.line() {
            index.folded.insert(path.clone());
        }

        // A tag (`!name`, `!!binary`) would change what a value is read as,
        // or be passed over in silence: data files hold values as written.
        if let Event::Scalar(_, _, _, Some(tag))
        | Event::MappingStart(_, Some(tag))
        | Event::SequenceStart(_, Some(tag)) = &event
        {
            let tag = format!("{}{}", tag.handle, tag.suffix);
            errors.push(StructureError {
                loc,
                path: path.clone(),
                code: "data-tag",
                message: tr!("data-tag", tag = tag.as_str()),
                hint: Some(tr!("data-tag-hint")),
            });
        }
        match event {
            Event::Alias(_) => errors.push(StructureError {
                loc,
                path,
                code: "data-alias",
                message: tr!("data-alias"),
                hint: Some(tr!("data-anchor-hint")),
            }),
            Event::Scalar(_, _, anchor, _)
            | Event::MappingStart(anchor, _)
            | Event::SequenceStart(anchor, _)
                if anchor != 0 =>
            {
                errors.push(StructureError {
                    loc,
                    path: path.clone(),
                    code: "data-anchor",
                    message: tr!("data-anchor"),
                    hint: Some(tr!("data-anchor-hint")),
                });
                push_frame(&mut stack, &event_kind(&event), path);
            }
            _ => push_frame(&mut stack, &event_kind(&event), path),
        }

        if stack.len() > MAX_DEPTH {
            errors.push(StructureError {
                loc,
                path: String::new(),
                code: "data-too-deep",
                message: tr!("data-too-deep", max = MAX_DEPTH),
                hint: None,
            });
            return Err((index, errors));
        }
    }

    if errors.is_empty() {
        Ok(index)
    } else {
        Err((index, errors))
    }
}

enum Kind {
    Map,
    Seq,
    Leaf,
}

fn event_kind(event: &Event) -> Kind {
    match event {
        Event::MappingStart(..) => Kind::Map,
        Event::SequenceStart(..) => Kind::Seq,
        _ => Kind::Leaf,
    }
}

fn push_frame(stack: &mut Vec<Frame>, kind: &Kind, path: String) {
    match kind {
        Kind::Map => stack.push(Frame::Map {
            path,
            key: None,
            seen: HashSet::new(),
        }),
        Kind::Seq => stack.push(Frame::Seq { path, next: 0 }),
        Kind::Leaf => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_paths_of_nested_values() {
        let text = "a: 1\nlist:\n  - x: 2\n    y: [3, 4]\n";
        let index = scan(text).unwrap();
        assert_eq!(index.value("a"), Some(Loc { line: 1, col: 4 }));
        assert_eq!(index.value("list[0].x"), Some(Loc { line: 3, col: 8 }));
        assert_eq!(index.value("list[0].y[1]"), Some(Loc { line: 4, col: 12 }));
        // Unknown paths fall back to the nearest ancestor.
        assert_eq!(
            index.value("list[0].x.deeper"),
            Some(Loc { line: 3, col: 8 })
        );
    }

    #[test]
    fn refuses_duplicates_aliases_and_documents() {
        let (_, errs) = scan("a: 1\na: 2\n").unwrap_err();
        assert_eq!(errs[0].loc.line, 2);
        assert_eq!(errs[0].code, "data-duplicate-key");

        let (_, errs) = scan("a: &x [1]\nb: *x\n").unwrap_err();
        assert!(
            errs.iter()
                .any(|e| e.code == "data-alias" && e.loc.line == 2)
        );

        // An item typed without its dash: said once, at its id.
        let (_, errs) = scan("l:\n  - id: a\n    v: 1\n    id: b\n    v: 2\n").unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!((errs[0].loc.line, errs[0].code), (4, "data-duplicate-key"));
        assert!(errs[0].hint.as_deref().unwrap().contains("- "));
        let (_, errs) = scan("a: 1\n---\nb: 2\n").unwrap_err();
        assert_eq!(errs[0].loc.line, 2);
    }

    #[test]
    fn stops_deep_nesting() {
        let text = "[".repeat(100_000);
        let (_, errs) = scan(&text).unwrap_err();
        assert_eq!(errs[0].code, "data-too-deep");
    }
}
