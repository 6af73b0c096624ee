//! A field's path in a data file (`sections[0].figures[2].value`), as
//! serde names it and the messages show it: its steps, and back.

/// A step of a field's path.
#[derive(Debug, Clone, Copy)]
pub enum Part<'a> {
    Key(&'a str),
    Index(usize),
}

/// `sections[0].figures[2].value` → sections, 0, figures, 2, value.
pub fn split_path(path: &str) -> impl Iterator<Item = Part<'_>> {
    path.split('.').filter(|s| !s.is_empty()).flat_map(|seg| {
        let (key, rest) = seg.split_once('[').map_or((seg, ""), |(k, r)| (k, r));
        let indices = rest
            .split('[')
            .filter_map(|i| i.trim_end_matches(']').parse().ok())
            .map(Part::Index);
        (!key.is_empty())
            .then_some(Part::Key(key))
            .into_iter()
            .chain(indices)
            .collect::<Vec<_>>()
    })
}

/// The path of `parts`, as serde and the messages write it.
pub fn join_parts(parts: &[Part]) -> String {
    let mut out = String::new();
    for p in parts {
        match p {
            Part::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Part::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}
