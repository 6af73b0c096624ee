//! What the last build was made from, kept beside the outputs
//! (`out/.brief-state.json`), so that a scheduled run with nothing new to do
//! answers in milliseconds without loading the compiler or a single font.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use anyhow::Context;
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
    fonts: Vec<(PathBuf, u64, u128)>,
    outputs: BTreeMap<String, String>,
    /// Every figure as displayed, by file and field path, for the change report.
    pub figures: BTreeMap<String, String>,
}

fn hash(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

fn hash_file(path: &Path) -> Option<String> {
    fs::read(path).ok().map(|b| hash(&b))
}

fn font_stamps(settings: &Settings) -> Vec<(PathBuf, u64, u128)> {
    fonts::font_files(&settings.root, &settings.fonts)
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
    pub fn new(
        settings: &Settings,
        _out: &Path,
        key: &str,
        mut deps: Vec<PathBuf>,
        files: &[(String, Vec<u8>)],
        figures: BTreeMap<String, String>,
    ) -> Self {
        deps.sort();
        deps.dedup();
        let inputs = deps
            .into_iter()
            .filter_map(|p| hash_file(&settings.root.join(&p)).map(|h| (p, h)))
            .collect();
        State {
            version: version(),
            options: key.to_string(),
            inputs,
            fonts: font_stamps(settings),
            outputs: files.iter().map(|(n, b)| (n.clone(), hash(b))).collect(),
            figures,
        }
    }

    pub fn read(out: &Path) -> Option<State> {
        let text = fs::read_to_string(out.join(STATE_FILE)).ok()?;
        serde_json::from_str(&text).ok()
    }

    pub fn write(&self, out: &Path, sync: crate::output::Durability) -> anyhow::Result<()> {
        let json = serde_json::to_vec_pretty(self).expect("state serialises");
        crate::output::write_all(out, &[(STATE_FILE.to_string(), json)], sync)
            .context("cannot record the build state")
    }

    /// True when inputs, options, fonts and outputs are all as recorded.
    pub fn is_current(&self, settings: &Settings, out: &Path, key: &str) -> bool {
        self.version == version()
            && self.options == key
            && self
                .inputs
                .iter()
                .all(|(p, h)| hash_file(&settings.root.join(p)).as_ref() == Some(h))
            && self.fonts == font_stamps(settings)
            && self
                .outputs
                .iter()
                .all(|(n, h)| hash_file(&out.join(n)).as_ref() == Some(h))
    }
}

/// Every figure and target, displayed as the documents show it.
pub fn figures(dataset: &Dataset) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for (file, part) in [
        (&dataset.meta.achievements, &dataset.achievements),
        (&dataset.meta.plan, &dataset.plan),
    ] {
        add_part(&mut map, file, part);
    }
    map
}

fn add_part(map: &mut BTreeMap<String, String>, file: &str, part: &Part) {
    for (t, target) in part.targets.iter().enumerate() {
        map.insert(
            format!("{file} targets[{t}] ({})", target.indicator),
            show_target(target),
        );
    }
    for (s, section) in part.sections.iter().enumerate() {
        for (i, f) in section.figures.iter().enumerate() {
            map.insert(
                format!("{file} sections[{s}].figures[{i}] ({})", f.label),
                show_figure(f),
            );
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
pub fn changes(old: &BTreeMap<String, String>, new: &BTreeMap<String, String>) -> Vec<String> {
    let mut lines = Vec::new();
    for (path, value) in new {
        match old.get(path) {
            Some(prev) if prev != value => lines.push(format!("{path}: {prev} → {value}")),
            None if !old.is_empty() => lines.push(format!("{path}: (new) {value}")),
            _ => {}
        }
    }
    for (path, value) in old {
        if !new.contains_key(path) {
            lines.push(format!("{path}: {value} → (removed)"));
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
        let old = BTreeMap::from([
            ("a".to_string(), "1%".to_string()),
            ("b".to_string(), "2个".to_string()),
        ]);
        let new = BTreeMap::from([
            ("a".to_string(), "1.5%".to_string()),
            ("b".to_string(), "2个".to_string()),
        ]);
        assert_eq!(changes(&old, &new), ["a: 1% → 1.5%"]);
    }
}
