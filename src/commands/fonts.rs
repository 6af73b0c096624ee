//! `brief fonts`: every font family the templates can use, where it comes
//! from and, with `--variants`, each style and weight.

use std::collections::BTreeMap;

use typst::text::{FontInfo, FontStyle};

use typst::diag::Severity;

use crate::args::FontsArgs;
use crate::config::DiagnosticFormat;
use crate::error::Failure;
use crate::fonts::{Fonts, Origin};
use crate::tr;

pub fn run(args: &FontsArgs) -> Result<(), Failure> {
    let root = super::project_root(&args.project.project)?;
    let options = super::font_options(&args.fonts)?;
    let fonts = Fonts::discover(&root, &options);
    let fonts = fonts.get();
    let mut families: BTreeMap<&str, Vec<&(FontInfo, Origin)>> = BTreeMap::new();
    for entry in &fonts.origins {
        families
            .entry(entry.0.family.as_str())
            .or_default()
            .push(entry);
    }
    let mut listing = String::new();
    for (family, faces) in families {
        listing += &format!("{family}  [{}]\n", origin(&faces[0].1));
        if args.variants {
            for (info, origin_of) in faces {
                let v = info.variant;
                let style = match v.style {
                    FontStyle::Normal => tr!("font-style-normal"),
                    FontStyle::Italic => tr!("font-style-italic"),
                    FontStyle::Oblique => tr!("font-style-oblique"),
                };
                let stretch = format!("{:.0}%", v.stretch.to_ratio().get() * 100.0);
                let line = tr!(
                    "font-variant",
                    style = style,
                    weight = v.weight.to_number(),
                    stretch = stretch,
                    origin = origin(origin_of)
                );
                listing += &format!("  {line}\n");
            }
        }
    }
    if !crate::term::out(&listing)? {
        return Ok(());
    }
    let mut errors = 0;
    for problem in fonts.problems() {
        let (code, message, hint, error) = problem.describe();
        let severity = if error {
            Severity::Error
        } else {
            Severity::Warning
        };
        crate::term::note(
            severity,
            code,
            "fonts",
            &message,
            &[hint],
            DiagnosticFormat::Human,
        );
        errors += usize::from(error);
    }
    if errors > 0 {
        return Err(Failure::Template(tr!("fail-fonts", count = errors)));
    }
    Ok(())
}

fn origin(origin: &Origin) -> String {
    match origin {
        Origin::Bundled(p) => tr!("font-origin-bundled", path = p.display().to_string()),
        Origin::Builtin(name) => tr!("font-origin-builtin", name = *name),
        Origin::FontPath(p) => tr!("font-origin-path", path = p.display().to_string()),
        Origin::Embedded => tr!("font-origin-embedded"),
        Origin::System(p) => tr!("font-origin-system", path = p.display().to_string()),
    }
}
