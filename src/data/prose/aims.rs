//! The sentences of a part, and the goal word (力争, 确保) that governs a
//! figure in its sentence: what a goal's card prints as its tag, read by
//! the checks, the Word briefing and the contract with the templates.

use crate::data::model::Part;
use crate::data::vocabulary::Words;

/// Every paragraph of a part, in the article's order.
pub fn paragraphs(part: &Part) -> impl Iterator<Item = &str> {
    part.opening
        .iter()
        .chain(&part.lead)
        .chain(part.sections.iter().flat_map(|s| &s.paragraphs))
        .filter_map(|p| p.given().map(String::as_str))
}

/// A paragraph's sentences: up to 。！？ and a closing quote or bracket.
pub fn sentences(p: &str) -> Vec<&str> {
    super::sentence_spans(p)
        .into_iter()
        .map(|r| p[r].trim())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The goal word that governs a figure in its sentence (力争, 确保): the
/// nearest before it in its clause.
pub fn aim_of(words: &Words, part: &Part, id: &str) -> Option<String> {
    let open = format!("{{{id}");
    for p in paragraphs(part) {
        for t in sentences(p) {
            let hit = t.contains(&format!("{{{id}}}")) || t.contains(&format!("{{{id}."));
            let Some(at) = t.find(&open).filter(|_| hit) else {
                continue;
            };
            let before = t[..at].rsplit('；').next().unwrap_or("");
            let best = words
                .aims
                .iter()
                .filter_map(|w| {
                    before
                        .rmatch_indices(w.as_str())
                        .map(|(i, _)| i)
                        .find(|&i| !words.in_compound(before, i, w))
                        .map(|i| (i + w.len(), w))
                })
                .max_by_key(|(end, _)| *end);
            if let Some((_, w)) = best {
                return Some(w.clone());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_with_their_closing_marks() {
        assert_eq!(sentences("甲。乙！”丙"), ["甲。", "乙！”", "丙"]);
    }
}
