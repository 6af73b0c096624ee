//! Checks of the words that must be in the vocabulary (units, qualifiers,
//! scopes, bases), with the nearest known word and the lines that declare a
//! new one, and of qualifiers that do not fit their number.

use super::{Checker, is_rate};
use crate::data::vocabulary::{Meaning, Position};
use crate::tr;

impl Checker<'_> {
    /// A word that must be in one of the vocabulary's lists: the nearest
    /// known word, and the lines that declare a new one in `meta.yaml`.
    pub(super) fn word(
        &mut self,
        path: &str,
        word: &str,
        known: &[String],
        code: &'static str,
        list: &str,
    ) {
        if known.iter().any(|k| k == word) {
            return;
        }
        // Full-width quotes typed around a known word (`unit: “%”`) are
        // part of the text for YAML: the quotes to type are half-width.
        let bare = word.trim_matches(['“', '”', '‘', '’', '"', '\'', ' ', '\u{3000}', '\u{a0}']);
        if bare != word && known.iter().any(|k| k == bare) {
            let key = path.rsplit('.').next().unwrap_or(path);
            // Only spaces around it (`unit: "亿元 "`): no quotation mark to
            // speak of.
            let (message, hint) = if word.trim_matches([' ', '\u{3000}', '\u{a0}']) == bare {
                (
                    tr!("data-spaced-word", word = word),
                    tr!("hint-spaced-word", key = key, word = bare),
                )
            } else {
                (
                    tr!("data-quoted-word", word = word),
                    tr!("hint-quoted-word", key = key, word = bare),
                )
            };
            self.hinted(path, code, message, Some(hint));
            return;
        }
        // A known word typed in full-width forms (`unit: ％`, the input
        // method's): said so, not as a word to declare, which brief then
        // refuses (round 29).
        let narrow: String = word
            .chars()
            .map(|c| match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                c => c,
            })
            .collect();
        if narrow != word && known.contains(&narrow) {
            let key = path.rsplit('.').next().unwrap_or(path);
            self.hinted(
                path,
                code,
                tr!("data-fullwidth-word", word = word, narrow = narrow.as_str()),
                Some(tr!(
                    "hint-fullwidth-word",
                    key = key,
                    word = narrow.as_str()
                )),
            );
            return;
        }
        let what = tr!("what", list = list);
        // The lines to add to meta.yaml, as YAML (a verb of change under
        // its direction).
        let declare = if list == "changes" {
            format!(
                "{}\n  vocabulary:\n    changes:\n      up: [{word}]",
                tr!("hint-vocabulary-change")
            )
        } else {
            format!(
                "{}\n  vocabulary:\n    {list}: [{word}]",
                tr!("hint-vocabulary")
            )
        };
        // A unit or a verb of change one character from another is another
        // quantity or meaning (千米 and 千克, 负增长 and 增长): followed, the
        // hint printed 36.17千克 (round 30). Their near words are named only
        // where no Han character differs.
        let near =
            crate::data::error::nearest(word, known.iter().map(String::as_str)).filter(|n| {
                let han = |s: &str| -> String {
                    s.chars()
                        .filter(|&c| crate::data::prose::is_han(c))
                        .collect()
                };
                !matches!(list, "units" | "changes") || han(n) == han(word)
            });
        let hint = match near {
            Some(n) => format!("{}\n{declare}", tr!("hint-did-you-mean", word = n)),
            None => declare,
        };
        let shown: Vec<&str> = known.iter().map(String::as_str).take(24).collect();
        let more = if known.len() > shown.len() { "…" } else { "" };
        self.hinted(
            path,
            code,
            tr!(
                "data-unknown-word",
                word = word,
                what = what,
                known = format!("{}{more}", shown.join("、"))
            ),
            Some(hint),
        );
    }

    pub(super) fn unit(&mut self, path: &str, unit: &str) {
        if unit.trim().is_empty() {
            self.report(path, "data-empty-text", tr!("data-empty-text"))
                .hint = Some(tr!("data-empty-text-hint"));
            return;
        }
        let known = self.words.units.clone();
        self.word(path, unit, &known, "data-unknown-unit", "units");
    }

    /// A number's qualifier: a word of the vocabulary that fits the number.
    /// 余 and 多 stand between a count's magnitude and its unit (2万余户),
    /// which a rate has not (3.5多%); a range says where its number stands,
    /// with no 近 or 超 before it (近14—16亿元).
    pub(super) fn qualifier(&mut self, path: &str, word: &str, unit: Option<&str>, range: bool) {
        let known: Vec<String> = self.words.qualifier_words().map(str::to_string).collect();
        self.word(path, word, &known, "data-unknown-qualifier", "qualifiers");
        match self.words.qualifier(word) {
            Some(Position::Inside) if unit.is_some_and(is_rate) => {
                self.report(
                    path,
                    "data-qualifier-rate",
                    tr!(
                        "data-qualifier-rate",
                        word = word,
                        unit = unit.unwrap_or("")
                    ),
                );
            }
            Some(Position::Inside | Position::Before) if range => {
                self.report(
                    path,
                    "data-qualifier-range",
                    tr!("data-qualifier-range", word = word),
                );
            }
            // A range has both its ends: 6%—7%以上 says two things.
            Some(Position::After)
                if range
                    && matches!(
                        self.words.meaning(word),
                        Some(Meaning::More | Meaning::Less)
                    ) =>
            {
                self.report(
                    path,
                    "data-qualifier-range-bound",
                    tr!("data-qualifier-range-bound", word = word),
                );
            }
            _ => {}
        }
    }

    /// A verb that is itself a qualifier (超过, 突破), or bounds its number
    /// (控制在), and a qualifier of the other way (超过近300家, 突破500家以内,
    /// 控制在5%以上).
    pub(super) fn qualifier_verb(&mut self, path: &str, verb: &str, word: &str) {
        let (Some(a), Some(b)) = (self.words.meaning(verb), self.words.meaning(word)) else {
            return;
        };
        if matches!(
            (a, b),
            (Meaning::More, Meaning::Less) | (Meaning::Less, Meaning::More)
        ) {
            self.report(
                path,
                "data-qualifier-verb",
                tr!("data-qualifier-verb", verb = verb, word = word),
            );
        }
    }

    pub(super) fn scope(&mut self, path: &str, scope: &str) {
        let known = self.words.scopes.clone();
        self.word(path, scope, &known, "data-unknown-scope", "scopes");
    }

    pub(super) fn basis(&mut self, path: &str, basis: &str) {
        if crate::data::prose::year_basis(basis) {
            return;
        }
        let known = self.words.bases.clone();
        self.word(path, basis, &known, "data-unknown-basis", "bases");
    }
}
