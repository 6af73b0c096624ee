//! The words the data may use: the built-in vocabulary
//! (`templates/vocabulary.yaml`, which the templates read too, so that checks
//! and layout agree) and what a project adds in `meta.yaml`.

use super::model::Vocabulary;
pub use super::model::{Meaning, Position, QualifierWord};

/// The vocabulary shipped with brief, for projects without their own copy
/// of `templates/vocabulary.yaml` (and for `brief init`).
pub const BUILT_IN: &str = include_str!("../../templates/vocabulary.yaml");

/// The built-in vocabulary merged with a project's words.
#[derive(Debug, Clone, Default)]
pub struct Words {
    pub units: Vec<String>,
    /// Groups of units that count the same thing (户, 家).
    pub same_units: Vec<Vec<String>>,
    pub qualifiers: Vec<QualifierWord>,
    pub scopes: Vec<String>,
    pub up: Vec<String>,
    pub down: Vec<String>,
    pub target_verbs: Vec<String>,
    /// What a target verb that bounds its number says of it (控制在: less).
    pub bounds: Vec<(String, Meaning)>,
    pub aims: Vec<String>,
    pub bases: Vec<String>,
    pub estimates: Vec<String>,
    pub names: Vec<String>,
    /// Words that hold a qualifier, goal or estimate word and are none.
    pub compounds: Vec<String>,
}

impl Words {
    /// `base` then `extra`; a word both name keeps its first place (a
    /// project's word that repeats a built-in one is reported by
    /// validation).
    pub fn merge(base: &Vocabulary, extra: Option<&Vocabulary>) -> Words {
        let mut words = Words::default();
        for v in std::iter::once(base).chain(extra) {
            extend(&mut words.units, &v.units);
            words.same_units.extend(
                v.same_units
                    .iter()
                    .map(|g| g.iter().filter(|u| !u.is_empty()).cloned().collect()),
            );
            extend(&mut words.scopes, &v.scopes);
            extend(&mut words.up, &v.changes.up);
            extend(&mut words.down, &v.changes.down);
            let verbs: Vec<String> = v
                .target_verbs
                .iter()
                .map(|w| w.word().to_string())
                .collect();
            extend(&mut words.target_verbs, &verbs);
            for w in &v.target_verbs {
                if let Some(m) = w.meaning()
                    && !w.word().is_empty()
                    && !words.bounds.iter().any(|(b, _)| b == w.word())
                {
                    words.bounds.push((w.word().to_string(), m));
                }
            }
            extend(&mut words.aims, &v.aims);
            extend(&mut words.bases, &v.bases);
            extend(&mut words.estimates, &v.estimates);
            extend(&mut words.names, &v.names);
            extend(&mut words.compounds, &v.compounds);
            for q in &v.qualifiers {
                if !q.word.is_empty() && !words.qualifiers.iter().any(|w| w.word == q.word) {
                    words.qualifiers.push(q.clone());
                }
            }
        }
        words
    }

    /// Whether two units count the same thing: equal, or of one group of
    /// `same_units`.
    pub fn same_unit(&self, a: Option<&str>, b: Option<&str>) -> bool {
        a == b
            || a.zip(b).is_some_and(|(a, b)| {
                self.same_units
                    .iter()
                    .any(|g| g.iter().any(|u| u == a) && g.iter().any(|u| u == b))
            })
    }

    /// Whether `word`, found at byte `at` of `text`, is part of a compound
    /// there (the 约 of 签约, the 上下 of 上下游): a word of its own, not
    /// the qualifier, goal or estimate it holds.
    pub fn in_compound(&self, text: &str, at: usize, word: &str) -> bool {
        self.compounds.iter().any(|c| {
            c.match_indices(word).any(|(k, _)| {
                at.checked_sub(k)
                    .and_then(|from| text.get(from..))
                    .is_some_and(|t| t.starts_with(c.as_str()))
            })
        })
    }

    pub fn qualifier(&self, word: &str) -> Option<Position> {
        self.qualifiers
            .iter()
            .find(|q| q.word == word)
            .map(|q| q.position)
    }

    /// What `word` (a qualifier, or a target verb that bounds its number)
    /// says of its number, where the vocabulary records it.
    pub fn meaning(&self, word: &str) -> Option<Meaning> {
        self.qualifiers
            .iter()
            .find(|q| q.word == word)
            .and_then(|q| q.meaning)
            .or_else(|| self.bounds.iter().find(|(b, _)| b == word).map(|&(_, m)| m))
    }

    pub fn qualifier_words(&self) -> impl Iterator<Item = &str> {
        self.qualifiers.iter().map(|q| q.word.as_str())
    }

    /// Every verb of change, either direction.
    pub fn changes(&self) -> impl Iterator<Item = &str> {
        self.up.iter().chain(&self.down).map(String::as_str)
    }

    /// Every verb a target's or a figure's value may follow: those of
    /// change and the target verbs.
    pub fn verbs(&self) -> impl Iterator<Item = &str> {
        self.changes()
            .chain(self.target_verbs.iter().map(String::as_str))
    }

    /// Whether `verb` says a decrease (下降, 降低, 减少).
    pub fn is_down(&self, verb: &str) -> bool {
        self.down.iter().any(|w| w == verb)
    }
}

/// The verbs of `v` that say both directions, in `v` itself or beside
/// `other`: (`changes.up[2]`, the word), every entry that takes part.
pub fn conflicts(v: &Vocabulary, other: &Vocabulary) -> Vec<(String, String)> {
    let (up, down) = (&v.changes.up, &v.changes.down);
    let at = |list: &str, words: &[String], against: [&[String]; 2]| {
        words
            .iter()
            .enumerate()
            .filter(|(_, w)| against.iter().any(|a| a.contains(w)))
            .map(|(i, w)| (format!("changes.{list}[{i}]"), w.clone()))
            .collect::<Vec<_>>()
    };
    let mut out = at("up", up, [down, &other.changes.down]);
    out.extend(at("down", down, [up, &other.changes.up]));
    out
}

/// Adds the words of `from` not in `into` yet. An empty word is left out:
/// validation reports it at its line, and every search for it would match
/// everywhere (or never move on).
fn extend(into: &mut Vec<String>, from: &[String]) {
    for w in from {
        if !w.is_empty() && !into.contains(w) {
            into.push(w.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_vocabulary_has_what_reports_use() {
        let v: Vocabulary = yaml_serde::from_str(BUILT_IN).unwrap();
        let w = Words::merge(&v, None);
        for unit in ["亿美元", "万人次", "平方公里", "天", "辆", "%", "万户"] {
            assert!(w.units.iter().any(|u| u == unit), "{unit}");
        }
        assert_eq!(w.qualifier("近"), Some(Position::Before));
        assert_eq!(w.qualifier("余"), Some(Position::Inside));
        assert_eq!(w.qualifier("以内"), Some(Position::After));
        // Every built-in qualifier says what it means, so that the checks
        // of a meaning never skip a shipped word.
        for q in &w.qualifiers {
            assert!(q.meaning.is_some(), "{} has no meaning", q.word);
        }
        assert_eq!(w.meaning("左右"), Some(Meaning::About));
        assert_eq!(w.meaning("余"), Some(Meaning::More));
        assert_eq!(w.meaning("近"), Some(Meaning::Less));
        for scope in ["全区", "全市", "全省", "全国"] {
            assert!(w.scopes.iter().any(|s| s == scope));
        }
    }

    #[test]
    fn a_project_adds_words_without_repeating_them() {
        let base: Vocabulary = yaml_serde::from_str(BUILT_IN).unwrap();
        let extra: Vocabulary =
            yaml_serde::from_str("units: [微克/立方米, 亿元]\nqualifiers: [{word: 逾, position: before}]\nscopes: [全县]").unwrap();
        let w = Words::merge(&base, Some(&extra));
        assert_eq!(w.units.iter().filter(|u| *u == "亿元").count(), 1);
        assert!(w.units.iter().any(|u| u == "微克/立方米"));
        assert_eq!(w.qualifier("逾"), Some(Position::Before));
        assert!(w.scopes.iter().any(|s| s == "全县"));
    }
}
