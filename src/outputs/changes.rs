//! The change report (`changes.md`): every figure, target and ranking whose
//! text changed in a document, as the documents show it (read back from the
//! marks the templates place, never formatted a second time), and which
//! documents still show the old text because they were not rebuilt.

use std::collections::BTreeMap;

use crate::data::Project;
use crate::render::marks::Shown;
use crate::tr;

/// One changed figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// `gdp_growth`, `new_market_entities.yoy`, `top_rankings.rank`.
    pub key: String,
    pub before: Option<String>,
    pub after: Option<String>,
    /// The documents rebuilt now that show the change.
    pub docs: Vec<String>,
    /// Documents not rebuilt now that still show `before`.
    pub pending: Vec<String>,
}

/// The changes between what each document showed (`before`, from the last
/// state) and shows now (`now`, the documents built now). A document built
/// for the first time reports nothing.
pub fn changes(before: &BTreeMap<String, Shown>, now: &BTreeMap<String, Shown>) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::new();
    for (doc, shown) in now {
        let Some(old) = before.get(doc) else { continue };
        let keys: std::collections::BTreeSet<&String> = old.keys().chain(shown.keys()).collect();
        for key in keys {
            let (b, a) = (old.get(key), shown.get(key));
            if b == a {
                continue;
            }
            match out
                .iter_mut()
                .find(|c| &c.key == key && c.before.as_ref() == b && c.after.as_ref() == a)
            {
                Some(c) => c.docs.push(doc.clone()),
                None => out.push(Change {
                    key: key.clone(),
                    before: b.cloned(),
                    after: a.cloned(),
                    docs: vec![doc.clone()],
                    pending: Vec::new(),
                }),
            }
        }
    }
    for change in &mut out {
        for (doc, old) in before {
            if !now.contains_key(doc)
                && change.before.is_some()
                && old.get(&change.key) == change.before.as_ref()
            {
                change.pending.push(doc.clone());
            }
        }
    }
    out.sort_by(|a, b| a.key.cmp(&b.key));
    out
}

/// A document's name as messages and the report say it.
pub fn doc_word(doc: &str) -> String {
    match doc {
        "briefing" => tr!("doc-briefing"),
        "slides" => tr!("doc-slides"),
        _ => tr!("doc-handout"),
    }
}

/// One line of the report: `gdp_growth` 地区生产总值同比增长 (file, field):
/// 3.5%左右 → 3.6%左右 (briefing, slides).
pub fn line(change: &Change, project: &Project) -> String {
    let (id, field) = change
        .key
        .split_once('.')
        .map_or((change.key.as_str(), None), |(id, f)| (id, Some(f)));
    // A change or share is said at its own field: the sheet's cell that
    // gives it (round 21: the YAML's figure, where nothing changed).
    let place = project.place_of(id).map(|(role, path)| {
        let path = match field {
            Some("yoy") => format!("{path}.yoy"),
            Some("share") => format!("{path}.share[0]"),
            _ => path,
        };
        project.sources.place(role, &path)
    });
    let label = project.label_of(id);
    let none = tr!("changes-none");
    let mut line = tr!(
        "changes-line",
        key = change.key.as_str(),
        label = label,
        place = place.unwrap_or_default(),
        before = change.before.clone().unwrap_or_else(|| none.clone()),
        after = change.after.clone().unwrap_or_else(|| none.clone()),
        docs = change
            .docs
            .iter()
            .map(|d| doc_word(d))
            .collect::<Vec<_>>()
            .join(tr!("list-separator").as_str())
    );
    if !change.pending.is_empty() {
        line += &tr!(
            "changes-pending",
            docs = change
                .pending
                .iter()
                .map(|d| doc_word(d))
                .collect::<Vec<_>>()
                .join(tr!("list-separator").as_str())
        );
    }
    line
}

/// The report as a Markdown file.
pub fn markdown(changes: &[Change], project: &Project) -> String {
    let mut md = format!("# {}\n\n", tr!("changes-title"));
    for c in changes {
        md += &format!("- {}\n", line(c, project));
    }
    md
}

/// The report's section on the user's files kept by this build, under the
/// date and time they were kept (`when`).
pub fn kept_section(kept: &[super::commit::Kept], when: &str) -> String {
    let mut md = format!("\n## {}\n\n", tr!("changes-kept-title", when = when));
    for k in kept {
        md += &format!(
            "- {}\n",
            tr!(
                "changes-kept-line",
                name = k.name.as_str(),
                kept = k.kept.as_str()
            )
        );
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(pairs: &[(&str, &str)]) -> Shown {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn changes_are_reported_per_document_until_each_is_rebuilt() {
        let before = BTreeMap::from([
            ("briefing".to_string(), shown(&[("a", "1%"), ("b", "2个")])),
            ("slides".to_string(), shown(&[("a", "1%"), ("b", "2个")])),
        ]);
        // Only the slides are rebuilt, with a new value of `a`.
        let now = BTreeMap::from([("slides".to_string(), shown(&[("a", "1.5%"), ("b", "2个")]))]);
        let c = changes(&before, &now);
        assert_eq!(c.len(), 1);
        assert_eq!(
            (c[0].key.as_str(), c[0].docs.clone(), c[0].pending.clone()),
            (
                "a",
                vec!["slides".to_string()],
                vec!["briefing".to_string()]
            )
        );
        // The next build rebuilds the briefing: it reports the change there.
        let before = BTreeMap::from([
            ("briefing".to_string(), shown(&[("a", "1%"), ("b", "2个")])),
            ("slides".to_string(), shown(&[("a", "1.5%"), ("b", "2个")])),
        ]);
        let now = BTreeMap::from([
            (
                "briefing".to_string(),
                shown(&[("a", "1.5%"), ("b", "2个")]),
            ),
            ("slides".to_string(), shown(&[("a", "1.5%"), ("b", "2个")])),
        ]);
        let c = changes(&before, &now);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].docs, ["briefing"]);
    }

    #[test]
    fn a_first_build_reports_nothing() {
        let now = BTreeMap::from([("slides".to_string(), shown(&[("a", "1%")]))]);
        assert!(changes(&BTreeMap::new(), &now).is_empty());
    }
}
