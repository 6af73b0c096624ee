//! What the fonts cannot do for the data: characters no available font can
//! draw (typst would silently print an empty box), and faces the theme names
//! that no font folder has.

use crate::data::theme::FaceFrom;
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

/// Faces the theme names (by role) that no font of the build has: the
/// project's own (a problem of its theme), and those of the defaults or the
/// preset, for which brief's own face of the role stands in (said, never
/// refused, so that a preset builds on a machine without the faces it names).
pub fn missing_faces(project: &Project, fonts: &Fonts) -> (Vec<DataError>, Vec<DataError>) {
    let found = fonts.get();
    let families: HashSet<String> = found
        .origins
        .iter()
        .map(|(info, _)| info.family.to_lowercase())
        .collect();
    let missing = project
        .faces
        .iter()
        .filter(|f| !families.contains(&f.family.to_lowercase()));
    let (other, own): (Vec<_>, Vec<_>) = missing.partition(|f| f.from == FaceFrom::Preset);
    let path = |f: &crate::data::theme::Face| format!("fonts.{}", f.role);
    let own = own
        .into_iter()
        .map(|f| {
            let role = if f.from == FaceFrom::Theme {
                Role::Theme
            } else {
                Role::ThemeDefaults
            };
            project
                .sources
                .error(
                    role,
                    &path(f),
                    None,
                    "font-missing",
                    tr!("font-missing", family = f.family.as_str()),
                )
                .hint(tr!("font-missing-hint"))
        })
        .collect();
    let other = other
        .into_iter()
        .map(|f| {
            project
                .sources
                .error(
                    Role::Theme,
                    "preset",
                    None,
                    "font-missing-fallback",
                    tr!(
                        "font-missing-fallback",
                        family = f.family.as_str(),
                        role = path(f)
                    ),
                )
                .hint(tr!("font-missing-fallback-hint"))
        })
        .collect();
    (own, other)
}
