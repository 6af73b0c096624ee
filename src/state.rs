//! What the last build was made from, kept beside the outputs
//! (`out/.brief-state.json`), so that a scheduled run with nothing new to do
//! answers in milliseconds without loading the compiler or a single font.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::args::BuildArgs;
use crate::data::Dataset;
use crate::data::model::{Figure, Part, Qualifier, Target};
use crate::fonts;
use crate::pipeline::Settings;

pub const STATE_FILE: &str = ".brief-state.json";

#[derive(Debug, Serialize, Deserialize)]
pub struct State {
    version: String,
    options: String,
    /// Project files the build read (data, templates and what they
    /// include), with a hash of their contents.
    inputs: BTreeMap<PathBuf, String>,
    /// Font files by size and modification time: hashing 50 MB of fonts
    /// would cost more than the whole check.
    fonts: FontStamps,
    outputs: BTreeMap<String, String>,
    /// Every figure as displayed, by file and field path, for the change report.
    pub figures: Figures,
}

/// The digest the state records for a file's contents.
pub fn digest(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

fn hash_file(path: &Path) -> Option<String> {
    fs::read(path).ok().map(|b| digest(&b))
}

/// Font files by size and modification time.
pub type FontStamps = Vec<(PathBuf, u64, u128)>;

pub fn font_stamps(project: &Path, options: &fonts::FontOptions) -> FontStamps {
    fonts::font_files(project, options)
        .into_iter()
        .filter_map(|p| {
            let m = fs::metadata(&p).ok()?;
            let mtime = m
                .modified()
                .ok()?
                .duration_since(UNIX_EPOCH)
                .ok()?
                .as_nanos();
            Some((p, m.len(), mtime))
        })
        .collect()
}

/// brief's version and the identity of this very binary (size and mtime), so
/// that a rebuilt brief (a new template library default, a fix in export)
/// rebuilds even before its version number changes.
fn version() -> String {
    let exe = std::env::current_exe().and_then(fs::metadata).ok();
    let stamp = exe.map(|m| {
        let mtime = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        format!("{}:{mtime}", m.len())
    });
    format!(
        "{} {}",
        env!("CARGO_PKG_VERSION"),
        stamp.unwrap_or_default()
    )
}

/// Everything in the options that changes the outputs.
pub fn options_key(args: &BuildArgs) -> String {
    let c = &args.compile;
    let o = &args.output;
    format!(
        "only={:?} ts={:?} strict={} fonts={:?} system={} format={:?} ppi={} pdf={:?} handout={}",
        c.only,
        c.creation_timestamp,
        c.strict,
        c.fonts.font_paths,
        c.fonts.system_fonts,
        o.format,
        o.ppi,
        o.pdf_standards,
        o.handout
    )
}

impl State {
    /// `inputs` are the files the build read with the digests of the bytes
    /// it read (not re-read now: a file edited during the build must make
    /// the next run rebuild); `fonts` were stamped before they were scanned.
    pub fn new(
        key: &str,
        mut inputs: Vec<(PathBuf, String)>,
        fonts: FontStamps,
        files: &[(String, Vec<u8>)],
        figures: Figures,
    ) -> Self {
        inputs.sort();
        inputs.dedup();
        State {
            version: version(),
            options: key.to_string(),
            inputs: inputs.into_iter().collect(),
            fonts,
            outputs: files.iter().map(|(n, b)| (n.clone(), digest(b))).collect(),
            figures,
        }
    }

    /// The state as a file to write together with the outputs.
    pub fn to_file(&self) -> (String, Vec<u8>) {
        (
            STATE_FILE.to_string(),
            serde_json::to_vec_pretty(self).expect("state serialises"),
        )
    }

    pub fn read(out: &Path) -> Option<State> {
        let text = fs::read_to_string(out.join(STATE_FILE)).ok()?;
        serde_json::from_str(&text).ok()
    }

    /// Outputs of this (earlier) build that `written` does not include and
    /// that are still as this build wrote them, among those `owned` claims
    /// (by name): what a later build with other options left behind.
    pub fn superseded(
        &self,
        out: &Path,
        written: &[String],
        owned: impl Fn(&str) -> bool,
    ) -> Vec<PathBuf> {
        self.outputs
            .iter()
            .filter(|(n, _)| owned(n) && !written.contains(n))
            .map(|(n, h)| (out.join(n), h))
            .filter(|(p, h)| hash_file(p).as_ref() == Some(*h))
            .map(|(p, _)| p)
            .collect()
    }

    /// True when inputs, options, fonts and outputs are all as recorded.
    pub fn is_current(&self, settings: &Settings, out: &Path, key: &str) -> bool {
        self.version == version()
            && self.options == key
            && self
                .inputs
                .iter()
                .all(|(p, h)| hash_file(&settings.root.join(p)).as_ref() == Some(h))
            && self.fonts == font_stamps(&settings.root, &settings.fonts)
            && self
                .outputs
                .iter()
                .all(|(n, h)| hash_file(&out.join(n)).as_ref() == Some(h))
    }
}

/// Every figure and target, displayed as the documents show it.
pub fn figures(dataset: &Dataset) -> Figures {
    let mut map = BTreeMap::new();
    for (file, part) in [
        (&dataset.meta.achievements, &dataset.achievements),
        (&dataset.meta.plan, &dataset.plan),
    ] {
        add_part(&mut map, &format!("{}/{file}", crate::data::DATA_DIR), part);
    }
    map
}

/// Every figure and target by id (ids are unique across files, so a figure
/// keeps its identity when others are inserted before it): where it stands
/// (file, field path, label) and how it reads.
pub type Figures = BTreeMap<String, (String, String)>;

fn add_part(map: &mut Figures, file: &str, part: &Part) {
    for (t, target) in part.targets.iter().enumerate() {
        let place = format!("{file} targets[{t}] ({})", target.indicator);
        map.insert(target.id.clone(), (place, show_target(target)));
    }
    for (s, section) in part.sections.iter().enumerate() {
        for (i, f) in section.figures.iter().enumerate() {
            let place = format!("{file} sections[{s}].figures[{i}] ({})", f.label);
            map.insert(f.id.clone(), (place, show_figure(f)));
        }
    }
}

fn amount(value: &str, unit: &str, qualifier: Option<Qualifier>) -> String {
    match qualifier {
        Some(Qualifier::Tupo | Qualifier::Chao | Qualifier::Yue) => {
            format!("{}{value}{unit}", qualifier.unwrap())
        }
        Some(Qualifier::Yu) => match unit
            .strip_prefix('万')
            .map(|u| ('万', u))
            .or_else(|| unit.strip_prefix('亿').map(|u| ('亿', u)))
        {
            Some((mag, rest)) => format!("{value}{mag}余{rest}"),
            None => format!("{value}余{unit}"),
        },
        Some(q) => format!("{value}{unit}{q}"),
        None => format!("{value}{unit}"),
    }
}

fn show_figure(f: &Figure) -> String {
    let mut s = amount(&f.value.to_string(), f.unit.as_str(), f.qualifier);
    if let Some(yoy) = &f.yoy {
        s += &format!("，同比{}{}%", yoy.verb, yoy.value);
    }
    for share in &f.share {
        s += &format!("，占{}的{}%", share.scope, share.value);
    }
    s
}

fn show_target(t: &Target) -> String {
    match (t.value, t.qualifier) {
        (None, _) => format!("与{}同步", t.with.as_deref().unwrap_or("?")),
        (Some(v), q) => amount(&v.to_string(), t.unit.map_or("", |u| u.as_str()), q),
    }
}

/// `path: old → new` lines for every figure that changed, appeared or went.
pub fn changes(old: &Figures, new: &Figures) -> Vec<String> {
    let mut lines = Vec::new();
    for (id, (place, value)) in new {
        match old.get(id) {
            Some((_, prev)) if prev != value => {
                lines.push(format!("{place} `{id}`: {prev} → {value}"))
            }
            None if !old.is_empty() => lines.push(format!("{place} `{id}`: (new) {value}")),
            _ => {}
        }
    }
    for (id, (place, value)) in old {
        if !new.contains_key(id) {
            lines.push(format!("{place} `{id}`: {value} → (removed)"));
        }
    }
    lines
}

pub fn changes_markdown(lines: &[String]) -> String {
    let mut md = String::from("# Figures changed since the last build\n\n");
    for line in lines {
        md += &format!("- {line}\n");
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_chinese_writes_them() {
        assert_eq!(amount("3.5", "%", Some(Qualifier::Zuoyou)), "3.5%左右");
        assert_eq!(amount("2", "万户", Some(Qualifier::Yu)), "2万余户");
        assert_eq!(amount("500", "家", Some(Qualifier::Tupo)), "突破500家");
        assert_eq!(amount("7500", "个", Some(Qualifier::Yishang)), "7500个以上");
    }

    #[test]
    fn reports_changed_figures_only() {
        let entry = |place: &str, value: &str| (place.to_string(), value.to_string());
        let old = Figures::from([
            ("a".into(), entry("f s[0]", "1%")),
            ("b".into(), entry("f s[1]", "2个")),
        ]);
        // `c` is inserted before `b`, which moves: only `a` changed, only `c` is new.
        let new = Figures::from([
            ("a".into(), entry("f s[0]", "1.5%")),
            ("c".into(), entry("f s[1]", "3个")),
            ("b".into(), entry("f s[2]", "2个")),
        ]);
        assert_eq!(
            changes(&old, &new),
            ["f s[0] `a`: 1% → 1.5%", "f s[1] `c`: (new) 3个"]
        );
    }
}
