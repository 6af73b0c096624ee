//! The faces a document embeds: the glyphs it uses of each bundled face,
//! as a TrueType font a word processor can install for the document (the
//! subset's outlines and metrics from `subsetter`, with a character map,
//! the OS/2 table and the names of the original), obfuscated as ECMA-376
//! §17.8.1 requires of an embedded font part.

use std::collections::BTreeSet;

use subsetter::GlyphRemapper;
use ttf_parser::{Face, Tag};

/// The glyphs of `chars` in `font`, with what a word processor needs to use
/// them (a `cmap` for the characters, `OS/2`, the names), its family named
/// `family` (the original's with its subset's tag, see [`tagged`]).
pub fn subset(font: &[u8], chars: &BTreeSet<char>, family: &str) -> anyhow::Result<Vec<u8>> {
    let face = Face::parse(font, 0)?;
    let mut remapper = GlyphRemapper::new();
    remapper.remap(0);
    let mut map: Vec<(u32, u16)> = Vec::new();
    for &c in chars {
        if let Some(g) = face.glyph_index(c) {
            map.push((c as u32, remapper.remap(g.0)));
        }
    }
    let small = subsetter::subset(font, 0, &remapper)
        .map_err(|e| anyhow::anyhow!("subsetting a face: {e}"))?;
    let mut tables = read_tables(&small)?;
    let raw = face.raw_face();
    tables.retain(|(tag, _)| tag != b"name");
    if let Some(t) = raw.table(Tag::from_bytes(b"OS/2")) {
        tables.push((*b"OS/2", t.to_vec()));
    }
    tables.push((*b"name", names(&face, family)));
    tables.push((*b"cmap", cmap(&map)));
    Ok(write_tables(&tables))
}

/// The family a subset of `family` is embedded under: the original's name
/// and a tag of the characters it holds (`Noto Serif SC KQXHZB`), as a PDF
/// names its subsets. A word processor keeps the first font of a name it
/// was given for as long as it runs: two documents with subsets of the same
/// name drew the second one's other characters as empty boxes (LibreOffice,
/// with the face installed, round 29).
pub fn tagged(family: &str, chars: &[&BTreeSet<char>]) -> String {
    // The same characters give the same name on every build.
    let mut bytes = Vec::new();
    for (i, set) in chars.iter().enumerate() {
        bytes.extend((i as u32).to_le_bytes());
        bytes.extend(set.iter().flat_map(|&c| (c as u32).to_le_bytes()));
    }
    let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
    let tag: String = (0..6)
        .map(|i| char::from(b'A' + ((hash >> (i * 10)) % 26) as u8))
        .collect();
    format!("{family} {tag}")
}

/// The `name` table of `face`, its family renamed `family`: the family,
/// full, PostScript and unique names (1, 3, 4, 6, 16) say the new one, the
/// others (copyright, licence, style) are the original's.
fn names(face: &Face, family: &str) -> Vec<u8> {
    let text = |id: u16| {
        face.names()
            .into_iter()
            .filter(|n| n.name_id == id && n.is_unicode())
            .find_map(|n| n.to_string())
    };
    let original = text(16).or_else(|| text(1)).unwrap_or_default();
    let squeeze = |s: &str| s.replace(' ', "");
    let rename = |s: &str| {
        if original.is_empty() {
            return s.to_string();
        }
        s.replace(&original, family)
            .replace(&squeeze(&original), &squeeze(family))
    };
    let mut records: Vec<([u16; 4], Vec<u8>)> = Vec::new();
    for n in face.names() {
        // Format 1's language tags are left out: format 0 is written.
        if n.language_id >= 0x8000 {
            continue;
        }
        let key = [
            n.platform_id as u16,
            n.encoding_id,
            n.language_id,
            n.name_id,
        ];
        let bytes = match (n.name_id, n.to_string()) {
            (1 | 3 | 4 | 6 | 16, Some(s)) => {
                let s = rename(&s);
                if n.platform_id == ttf_parser::PlatformId::Macintosh {
                    s.bytes().filter(u8::is_ascii).collect()
                } else {
                    s.encode_utf16().flat_map(u16::to_be_bytes).collect()
                }
            }
            // A name of the original family in an encoding not read here.
            (1 | 3 | 4 | 6 | 16, None) => continue,
            _ => n.name.to_vec(),
        };
        records.push((key, bytes));
    }
    records.sort_by_key(|(k, _)| *k);
    let mut out = Vec::new();
    let storage_at = 6 + 12 * records.len();
    for v in [0u16, records.len() as u16, storage_at as u16] {
        out.extend(v.to_be_bytes());
    }
    let mut storage: Vec<u8> = Vec::new();
    for (key, bytes) in &records {
        for v in key {
            out.extend(v.to_be_bytes());
        }
        out.extend((bytes.len() as u16).to_be_bytes());
        out.extend((storage.len() as u16).to_be_bytes());
        storage.extend(bytes);
    }
    out.extend(storage);
    out
}

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(i..i + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(i..i + 4)?.try_into().ok()?))
}

type Tables = Vec<([u8; 4], Vec<u8>)>;

fn read_tables(font: &[u8]) -> anyhow::Result<Tables> {
    let bad = || anyhow::anyhow!("a subset font that does not read");
    let n = u16_at(font, 4).ok_or_else(bad)? as usize;
    let mut out = Vec::with_capacity(n + 3);
    for i in 0..n {
        let rec = 12 + 16 * i;
        let tag: [u8; 4] = font.get(rec..rec + 4).ok_or_else(bad)?.try_into()?;
        let offset = u32_at(font, rec + 8).ok_or_else(bad)? as usize;
        let len = u32_at(font, rec + 12).ok_or_else(bad)? as usize;
        out.push((
            tag,
            font.get(offset..offset + len).ok_or_else(bad)?.to_vec(),
        ));
    }
    Ok(out)
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut word = [0u8; 4];
        word[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// An sfnt of `tables`, sorted, aligned, with their checksums and the
/// head table's checksum adjustment.
fn write_tables(tables: &Tables) -> Vec<u8> {
    let mut tables = tables.clone();
    tables.sort_by_key(|(tag, _)| *tag);
    let n = tables.len() as u16;
    let selector = 15 - n.leading_zeros() as u16;
    let range = (1u16 << selector) * 16;
    let mut out = Vec::new();
    out.extend(0x0001_0000u32.to_be_bytes());
    for v in [n, range, selector, n * 16 - range] {
        out.extend(v.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, data) in &mut tables {
        if tag == b"head" && data.len() >= 12 {
            data[8..12].fill(0);
            head_at = Some(offset + 8);
        }
        out.extend(*tag);
        out.extend(checksum(data).to_be_bytes());
        out.extend((offset as u32).to_be_bytes());
        out.extend((data.len() as u32).to_be_bytes());
        offset += data.len().div_ceil(4) * 4;
    }
    for (_, data) in &tables {
        out.extend(data);
        out.resize(out.len().div_ceil(4) * 4, 0);
    }
    if let Some(at) = head_at {
        let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at..at + 4].copy_from_slice(&adjust.to_be_bytes());
    }
    out
}

/// A `cmap` of (character, glyph): format 4 for the Basic Multilingual
/// Plane (3, 1) and format 12 for all (3, 10).
fn cmap(map: &[(u32, u16)]) -> Vec<u8> {
    let mut map = map.to_vec();
    map.sort();
    map.dedup_by_key(|(c, _)| *c);
    // Format 4: one segment per run of consecutive characters and glyphs.
    let bmp: Vec<(u32, u16)> = map.iter().copied().filter(|(c, _)| *c < 0xFFFF).collect();
    // start, end, first glyph; a segment keeps one delta, so consecutive
    // characters join it only when their glyphs are consecutive too.
    let mut segs: Vec<(u16, u16, u16)> = Vec::new();
    for &(c, g) in &bmp {
        let c = c as u16;
        match segs.last_mut() {
            Some((start, end, first))
                if c == end.wrapping_add(1) && g == first.wrapping_add(c - *start) =>
            {
                *end = c;
            }
            _ => segs.push((c, c, g)),
        }
    }
    segs.push((0xFFFF, 0xFFFF, 0));
    let mut f4 = Vec::new();
    let segx2 = (segs.len() * 2) as u16;
    let sel = 15 - (segs.len() as u16).leading_zeros() as u16;
    let search = (1u16 << sel) * 2;
    let len = 16 + 8 * segs.len();
    for v in [4u16, len as u16, 0, segx2, search, sel, segx2 - search] {
        f4.extend(v.to_be_bytes());
    }
    for (_, end, _) in &segs {
        f4.extend(end.to_be_bytes());
    }
    f4.extend(0u16.to_be_bytes());
    for (start, _, _) in &segs {
        f4.extend(start.to_be_bytes());
    }
    for (start, end, first) in &segs {
        let delta = if *start == 0xFFFF && *end == 0xFFFF {
            1u16
        } else {
            first.wrapping_sub(*start)
        };
        f4.extend(delta.to_be_bytes());
    }
    for _ in &segs {
        f4.extend(0u16.to_be_bytes());
    }
    // Format 12: one group per character (simple, and small for a subset).
    let mut f12 = Vec::new();
    f12.extend(12u16.to_be_bytes());
    f12.extend(0u16.to_be_bytes());
    f12.extend(((16 + 12 * map.len()) as u32).to_be_bytes());
    f12.extend(0u32.to_be_bytes());
    f12.extend((map.len() as u32).to_be_bytes());
    for (c, g) in &map {
        f12.extend(c.to_be_bytes());
        f12.extend(c.to_be_bytes());
        f12.extend(u32::from(*g).to_be_bytes());
    }
    let mut out = Vec::new();
    out.extend(0u16.to_be_bytes());
    out.extend(2u16.to_be_bytes());
    let first = 4 + 8 * 2;
    out.extend([0, 3, 0, 1]);
    out.extend((first as u32).to_be_bytes());
    out.extend([0, 3, 0, 10]);
    out.extend(((first + f4.len()) as u32).to_be_bytes());
    out.extend(f4);
    out.extend(f12);
    out
}

/// Obfuscates (or restores) an embedded font part with its key, the GUID
/// named by `w:fontKey`: the first 32 bytes XORed with the GUID's bytes in
/// reverse order (ECMA-376 Part 1, §17.8.1).
pub fn obfuscate(font: &mut [u8], guid: &str) {
    let hex: String = guid.chars().filter(char::is_ascii_hexdigit).collect();
    let mut key: Vec<u8> = (0..hex.len() / 2)
        .filter_map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok())
        .collect();
    key.reverse();
    if key.len() != 16 {
        return;
    }
    for (i, b) in font.iter_mut().take(32).enumerate() {
        *b ^= key[i % 16];
    }
}

/// A GUID from a digest of the font: the same font gets the same key, so
/// that the same inputs give the same document.
pub fn guid(font: &[u8]) -> String {
    let h = xxhash_rust::xxh3::xxh3_128(font);
    let s = format!("{h:032X}");
    format!(
        "{{{}-{}-{}-{}-{}}}",
        &s[0..8],
        &s[8..12],
        &s[12..16],
        &s[16..20],
        &s[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn obfuscation_is_its_own_inverse_and_uses_the_reversed_key() {
        let mut font: Vec<u8> = (0..40).collect();
        obfuscate(&mut font, "{00112233-4455-6677-8899-AABBCCDDEEFF}");
        assert_eq!(font[0], 0xFF);
        assert_eq!(font[15], 15);
        assert_eq!(font[16], 16 ^ 0xFF);
        assert_eq!(font[35], 35);
        obfuscate(&mut font, "{00112233-4455-6677-8899-AABBCCDDEEFF}");
        assert_eq!(font, (0..40).collect::<Vec<u8>>());
    }

    #[test]
    fn a_subset_maps_its_characters_to_the_original_outlines() {
        let font = crate::fonts::BUNDLED
            .iter()
            .find(|(n, _)| n.starts_with("NotoSansSC_400"))
            .unwrap()
            .1;
        let chars: BTreeSet<char> = "报告2023年，增长6.5%".chars().collect();
        let small = subset(font, &chars, "Noto Sans SC QWERTY").unwrap();
        assert!(small.len() < 60_000, "{}", small.len());
        let original = Face::parse(font, 0).unwrap();
        let face = Face::parse(&small, 0).unwrap();
        for c in chars {
            let g = face.glyph_index(c).unwrap_or_else(|| panic!("{c} mapped"));
            let o = original.glyph_index(c).unwrap();
            assert_eq!(
                face.glyph_hor_advance(g),
                original.glyph_hor_advance(o),
                "{c}"
            );
        }
        // Named as its own family, the licence kept.
        let name = |id: u16| {
            face.names()
                .into_iter()
                .filter(|n| n.name_id == id)
                .find_map(|n| n.to_string())
                .unwrap_or_default()
        };
        assert_eq!(name(1), "Noto Sans SC QWERTY");
        assert_eq!(name(4), "Noto Sans SC QWERTY Regular");
        assert_eq!(name(6), "NotoSansSCQWERTY-Regular");
        assert!(name(13).contains("Open Font License"), "{}", name(13));
        assert_eq!(name(2), "Regular");
        assert!(face.glyph_index('字').is_none());
    }

    #[test]
    fn subsets_of_other_characters_have_other_names() {
        let a: BTreeSet<char> = "报告".chars().collect();
        let b: BTreeSet<char> = "报表".chars().collect();
        assert_eq!(
            tagged("Noto Serif SC", &[&a]),
            tagged("Noto Serif SC", &[&a])
        );
        assert_ne!(
            tagged("Noto Serif SC", &[&a]),
            tagged("Noto Serif SC", &[&b])
        );
        assert_ne!(
            tagged("Noto Serif SC", &[&a, &b]),
            tagged("Noto Serif SC", &[&b, &a])
        );
        assert!(tagged("Noto Serif SC", &[&a]).starts_with("Noto Serif SC "));
    }
}
