//! What the fonts cannot do for the data: characters no available font can
//! draw (typst would silently print an empty box), and faces the theme names
//! that no font folder has.

use std::collections::HashSet;

use crate::data::{DataError, Project, Role};
use crate::fonts::{Fonts, Found};
use crate::tr;

/// Every distinct character of the data's text that no font covers, at its
/// first occurrence.
pub fn missing(project: &Project, fonts: &Fonts) -> Vec<DataError> {
    let found = fonts.get();
    let covered = |c: char| covered(found, c);
    // Each distinct character is looked up once: a font's coverage is a list
    // of runs, searched from the start.
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    project.strings(&mut |role, path, text| {
        for (at, ch) in text.char_indices() {
            if ch.is_whitespace() || ch.is_control() || !seen.insert(ch) || covered(ch) {
                continue;
            }
            let code = format!("U+{:04X}", ch as u32);
            out.push(
                project
                    .sources
                    .error(
                        role,
                        path,
                        Some((text, at)),
                        "glyph-missing",
                        tr!("glyph-missing", ch = ch.to_string(), code = code),
                    )
                    .hint(tr!("glyph-missing-hint")),
            );
        }
    });
    out
}

/// Whether some available font has `c`.
pub fn covered(found: &Found, c: char) -> bool {
    found
        .origins
        .iter()
        .any(|(info, _)| info.coverage.contains(c as u32))
}

/// Faces the theme names (by role) that no font of the build has.
pub fn missing_faces(project: &Project, fonts: &Fonts) -> Vec<DataError> {
    let found = fonts.get();
    let families: HashSet<String> = found
        .origins
        .iter()
        .map(|(info, _)| info.family.to_lowercase())
        .collect();
    project
        .faces
        .iter()
        .filter(|(_, family)| !families.contains(&family.to_lowercase()))
        .map(|(role, family)| {
            let path = format!("fonts.{role}");
            let role_of = if project
                .sources
                .get(Role::Theme)
                .is_some_and(|f| f.text.spans.value(&path).is_some())
            {
                Role::Theme
            } else {
                Role::ThemeDefaults
            };
            project
                .sources
                .error(
                    role_of,
                    &path,
                    None,
                    "font-missing",
                    tr!("font-missing", family = family.as_str()),
                )
                .hint(tr!("font-missing-hint"))
        })
        .collect()
}
