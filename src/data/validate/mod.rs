//! Checks beyond types: words from the vocabulary, ranges and lengths, ids,
//! references, charts, the prose around placeholders, and what is still to
//! fill in. Every problem of every file is collected, not only the first.
//!
//! `mod.rs` holds the checker; its checks of single values are by what they
//! check: `texts.rs`, `words.rs` (the vocabulary's) and `numbers.rs`; the
//! files beside them check one kind of entry each: `meta.rs` the document,
//! `parts.rs` both parts together (kinds, ids, sections, rankings),
//! `figures.rs`, `targets.rs` and `charts.rs`.

mod charts;
mod figures;
mod meta;
mod numbers;
mod parts;
mod targets;
mod texts;
mod words;

use std::collections::HashMap;

use super::Role;
use super::limits;
use super::prose::Named;
use super::vocabulary::Words;
use crate::tr;

/// What the checks of one part may look up.
struct Index<'p> {
    /// Figures, rankings and targets of this part, by id.
    pub own: HashMap<&'p str, Named<'p>>,
    /// The achievements' (for the plan's comparisons); none when the
    /// achievements did not load.
    pub achieved: Option<&'p HashMap<&'p str, Named<'p>>>,
    /// Both parts' entries: what a paragraph may name (a paragraph that ends
    /// the results and opens the plan names both).
    pub named: HashMap<&'p str, Named<'p>>,
}

pub use meta::{dates, meta, template_word, todo_typed, vocabulary_file};
use numbers::is_rate;
pub use parts::parts;

/// A problem at a field path of one file; `offset` is a byte offset inside
/// the string at `path` when the problem is at a spot of a text.
#[derive(Debug)]
pub struct Problem {
    pub role: Role,
    pub path: String,
    pub offset: Option<usize>,
    pub code: &'static str,
    pub message: String,
    pub hint: Option<String>,
    /// A value still to fill in (null): an error unless the build is a draft.
    pub todo: bool,
    /// A warning: an error only under `--strict`.
    pub warning: bool,
}

struct Checker<'w> {
    problems: Vec<Problem>,
    role: Role,
    words: &'w Words,
    /// Changes and targets said with their verb in the texts checked so
    /// far (`prose::check`).
    stated: std::collections::HashSet<String>,
}

impl<'w> Checker<'w> {
    fn new(role: Role, words: &'w Words) -> Self {
        Checker {
            problems: Vec::new(),
            role,
            words,
            stated: Default::default(),
        }
    }

    fn report(
        &mut self,
        path: impl Into<String>,
        code: &'static str,
        message: String,
    ) -> &mut Problem {
        self.problems.push(Problem {
            role: self.role,
            path: path.into(),
            offset: None,
            code,
            message,
            hint: None,
            todo: false,
            warning: false,
        });
        self.problems.last_mut().expect("just pushed")
    }

    /// A year a report may be about or dated in.
    fn year(&mut self, path: &str, year: i64) {
        if !limits::YEARS.contains(&year) {
            self.report(
                path,
                "data-year-range",
                tr!(
                    "data-year-range",
                    value = year,
                    lo = *limits::YEARS.start(),
                    hi = *limits::YEARS.end()
                ),
            );
        }
    }

    fn hinted(
        &mut self,
        path: impl Into<String>,
        code: &'static str,
        message: String,
        hint: Option<String>,
    ) {
        self.report(path, code, message).hint = hint;
    }

    fn todo(&mut self, path: impl Into<String>) {
        self.report(path, "data-todo", tr!("data-todo")).todo = true;
    }

    /// A field the data must have, absent.
    fn missing(&mut self, path: impl Into<String>, field: &str) {
        self.report(
            path,
            "data-missing-field",
            tr!("data-missing-field", field = field),
        );
    }

    /// The id of the entry at `path`: a lowercase name (`new_jobs`).
    fn id(&mut self, path: &str, id: &str) {
        // Right letters, too long: said as its length (round 30: "use
        // lowercase letters" of an id that had only those).
        // (ASCII, so that cutting it at the limit cuts no character.)
        let shaped =
            id.is_ascii() && crate::data::is_id(&id[..id.len().min(crate::data::limits::ID)]);
        if id.len() > crate::data::limits::ID && shaped {
            self.report(
                format!("{path}.id"),
                "data-long-id",
                tr!(
                    "data-long-id",
                    id = id,
                    length = id.len(),
                    max = crate::data::limits::ID
                ),
            );
        } else if !crate::data::is_id(id) {
            self.report(
                format!("{path}.id"),
                "data-bad-id",
                tr!("data-bad-id", id = id),
            );
        }
    }

    fn count(&mut self, path: &str, n: usize, max: usize) {
        if n > max {
            self.report(
                path,
                "data-too-many",
                tr!("data-too-many", count = n, max = max),
            );
        }
    }
}
