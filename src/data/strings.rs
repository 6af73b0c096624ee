//! Every string of a data file with its field path, for the checks that look
//! at characters (control characters, characters no font can draw, lengths).

use super::model::{Chart, Figure, Meta, Part, Ranking, Section, Target, Vocabulary};

/// Calls `f(path, text)` for every string a value holds.
pub trait Strings {
    fn strings(&self, path: &str, f: &mut dyn FnMut(&str, &str));
}

fn at(base: &str, field: &str) -> String {
    if base.is_empty() {
        field.to_string()
    } else {
        format!("{base}.{field}")
    }
}

impl Strings for String {
    fn strings(&self, path: &str, f: &mut dyn FnMut(&str, &str)) {
        f(path, self)
    }
}

impl<T: Strings> Strings for Option<T> {
    fn strings(&self, path: &str, f: &mut dyn FnMut(&str, &str)) {
        if let Some(v) = self {
            v.strings(path, f);
        }
    }
}

impl<T: Strings> Strings for super::model::Fill<T> {
    fn strings(&self, path: &str, f: &mut dyn FnMut(&str, &str)) {
        if let Some(v) = self.given() {
            v.strings(path, f);
        }
    }
}

impl<T: Strings> Strings for Vec<T> {
    fn strings(&self, path: &str, f: &mut dyn FnMut(&str, &str)) {
        for (i, v) in self.iter().enumerate() {
            v.strings(&format!("{path}[{i}]"), f);
        }
    }
}

/// `fields!(self, path, f; a, b, c)`: each field under its name.
macro_rules! fields {
    ($s:expr, $path:expr, $f:ident; $($field:ident),+) => {
        $($s.$field.strings(&at($path, stringify!($field)), $f);)+
    };
}

impl Strings for Meta {
    fn strings(&self, path: &str, f: &mut dyn FnMut(&str, &str)) {
        fields!(self, path, f; title, headline, subheadline, region, masthead, date, keywords, achievements, plan, vocabulary);
        fields!(self.source, &at(path, "source"), f; publication, edition, reporter);
    }
}

impl Strings for Vocabulary {
    fn strings(&self, path: &str, f: &mut dyn FnMut(&str, &str)) {
        fields!(self, path, f; units, scopes, target_verbs, aims);
        fields!(self.changes, &at(path, "changes"), f; up, down);
        for (i, q) in self.qualifiers.iter().enumerate() {
            q.word
                .strings(&at(path, &format!("qualifiers[{i}].word")), f);
        }
    }
}

impl Strings for Part {
    fn strings(&self, path: &str, f: &mut dyn FnMut(&str, &str)) {
        fields!(self, path, f; title, opening, lead, targets_intro, targets, sections, charts);
    }
}

impl Strings for Section {
    fn strings(&self, path: &str, f: &mut dyn FnMut(&str, &str)) {
        fields!(self, path, f; title, paragraphs, figures, rankings);
    }
}

impl Strings for Figure {
    fn strings(&self, path: &str, f: &mut dyn FnMut(&str, &str)) {
        fields!(self, path, f; label, unit, qualifier, written);
        if let Some(yoy) = &self.yoy {
            yoy.verb.strings(&at(path, "yoy.verb"), f);
        }
        for (i, s) in self.share.iter().enumerate() {
            s.scope.strings(&at(path, &format!("share[{i}].scope")), f);
        }
    }
}

impl Strings for Ranking {
    fn strings(&self, path: &str, f: &mut dyn FnMut(&str, &str)) {
        fields!(self, path, f; subjects, scope, standing, verb);
    }
}

impl Strings for Target {
    fn strings(&self, path: &str, f: &mut dyn FnMut(&str, &str)) {
        fields!(self, path, f; indicator, unit, qualifier, verb, scope, short);
    }
}

impl Strings for Chart {
    fn strings(&self, path: &str, f: &mut dyn FnMut(&str, &str)) {
        fields!(self, path, f; title);
    }
}
