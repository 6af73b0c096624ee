//! The sentences of a part, the goal word (力争, 确保) that governs a
//! figure in its sentence and the estimate word (预计, 初步统计) that covers
//! it: what a card prints as its tag, read by the checks, the Word briefing
//! and the contract with the templates.

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

/// The text before a figure `id` (or ranking) in the first sentence that
/// shows it.
fn before_first<'p>(part: &'p Part, id: &str) -> Option<&'p str> {
    paragraphs(part)
        .flat_map(sentences)
        .find_map(|t| shown_at(t, id).map(|at| &t[..at]))
}

/// Where sentence `t` shows `id` first, as {id} or {id.field} (not the
/// {id_more} of another id).
fn shown_at(t: &str, id: &str) -> Option<usize> {
    [format!("{{{id}}}"), format!("{{{id}.")]
        .iter()
        .filter_map(|open| t.find(open.as_str()))
        .min()
}

/// The estimate word that covers a figure or ranking in its sentence, as
/// the sentence says it (预计, 据初步统计, 初步测算): the first before it,
/// not one inside a compound (好于预计). The card's tag: the theme's word
/// 预计 on a preliminary count would make it a forecast (round 19).
pub fn estimate_of(words: &Words, part: &Part, id: &str) -> Option<String> {
    let before = before_first(part, id)?;
    words
        .estimates
        .iter()
        .filter_map(|w| {
            before
                .match_indices(w.as_str())
                .map(|(i, _)| i)
                .find(|&i| !words.in_compound(before, i, w))
                .map(|i| (i, std::cmp::Reverse(w.len()), w))
        })
        .min()
        .map(|(_, _, w)| w.clone())
}

/// The goal word that governs a figure in its sentence (力争, 确保): the
/// nearest before it in its clause.
pub fn aim_of(words: &Words, part: &Part, id: &str) -> Option<String> {
    for p in paragraphs(part) {
        for t in sentences(p) {
            let Some(at) = shown_at(t, id) else {
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
