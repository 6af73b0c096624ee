//! Writing OOXML parts with quick-xml: elements, attributes and text, every
//! string filtered to what XML 1.0 can hold and escaped, whatever the data
//! holds.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use typst::model::Document;
use typst_layout::PagedDocument;

/// How every part of a package brief writes (.pptx, .docx, a chart's
/// workbook) is stored: deflated, and dated the zip epoch, so that the same
/// inputs give the same bytes.
pub fn part_options() -> zip::write::SimpleFileOptions {
    zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
}

/// Whether XML 1.0 can hold `c` (as a character or a reference alike).
pub fn legal(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// `s` without the characters XML cannot hold.
pub fn clean(s: &str) -> Cow<'_, str> {
    if s.chars().all(legal) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter(|&c| legal(c)).collect())
    }
}

/// A part being written.
pub struct Xml {
    out: Writer<Vec<u8>>,
}

impl Default for Xml {
    fn default() -> Self {
        Self::new()
    }
}

impl Xml {
    /// A part, starting with its XML declaration.
    pub fn new() -> Xml {
        let mut x = Xml {
            out: Writer::new(Vec::with_capacity(4096)),
        };
        x.event(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )));
        x.out.get_mut().push(b'\n');
        x
    }

    /// A fragment: elements to go into a part (no declaration).
    pub fn fragment() -> Xml {
        Xml {
            out: Writer::new(Vec::with_capacity(1024)),
        }
    }

    fn event(&mut self, e: Event<'_>) {
        // Writing into memory does not fail.
        self.out.write_event(e).expect("writing to memory");
    }

    fn start<'a>(name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
        let mut s = BytesStart::new(name);
        for (k, v) in attrs {
            s.push_attribute((*k, clean(v).as_ref()));
        }
        s
    }

    /// `<name attrs>`
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.event(Event::Start(Self::start(name, attrs)));
        self
    }

    /// `</name>`
    pub fn close(&mut self, name: &str) -> &mut Self {
        self.event(Event::End(BytesEnd::new(name)));
        self
    }

    /// `<name attrs/>`
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.event(Event::Empty(Self::start(name, attrs)));
        self
    }

    /// An element with its children written by `body`.
    pub fn el(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        body: impl FnOnce(&mut Xml),
    ) -> &mut Self {
        self.open(name, attrs);
        body(self);
        self.close(name)
    }

    /// Character data, escaped.
    pub fn text(&mut self, s: &str) -> &mut Self {
        self.event(Event::Text(BytesText::new(&clean(s))));
        self
    }

    /// `<name attrs>text</name>`
    pub fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> &mut Self {
        self.open(name, attrs);
        self.text(text);
        self.close(name)
    }

    /// `<name val="v"/>`, the most common element of these formats.
    pub fn val(&mut self, name: &str, v: &str) -> &mut Self {
        self.empty(name, &[("val", v)])
    }

    /// `<name w:val="v"/>`: the same in WordprocessingML.
    pub fn wval(&mut self, name: &str, v: &str) -> &mut Self {
        self.empty(name, &[("w:val", v)])
    }

    pub fn finish(self) -> Vec<u8> {
        self.out.into_inner()
    }
}

/// What a package says of itself (docProps/core.xml): what its laid-out
/// document says, as the template's `set document` composed it
/// (`doc-metadata` in lib.typ), so that the PDF, the .pptx and the .docx
/// name the same title, author, subject and keywords.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Properties {
    pub title: String,
    pub subject: String,
    pub author: String,
    pub keywords: String,
}

impl Properties {
    pub fn of(document: &PagedDocument) -> Properties {
        let info = document.info();
        let join = |v: &[typst::ecow::EcoString], sep: &str| {
            v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(sep)
        };
        Properties {
            title: info.title.as_deref().unwrap_or_default().to_string(),
            subject: info.description.as_deref().unwrap_or_default().to_string(),
            author: join(&info.author, ", "),
            keywords: join(&info.keywords, ", "),
        }
    }

    /// The core-properties part.
    pub fn core(&self, timestamp: Option<DateTime<Utc>>) -> Vec<u8> {
        let mut x = Xml::new();
        x.el(
            "cp:coreProperties",
            &[
                (
                    "xmlns:cp",
                    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
                ),
                ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
                ("xmlns:dcterms", "http://purl.org/dc/terms/"),
                ("xmlns:dcmitype", "http://purl.org/dc/dcmitype/"),
                ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ],
            |x| {
                x.leaf("dc:title", &[], &self.title);
                x.leaf("dc:subject", &[], &self.subject);
                x.leaf("dc:creator", &[], &self.author);
                x.leaf("cp:keywords", &[], &self.keywords);
                x.leaf("dc:description", &[], &self.subject);
                x.leaf("cp:lastModifiedBy", &[], "brief");
                x.leaf("cp:revision", &[], "1");
                x.leaf("dc:language", &[], "zh-CN");
                if let Some(t) = timestamp {
                    let s = t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
                    x.leaf("dcterms:created", &[("xsi:type", "dcterms:W3CDTF")], &s);
                    x.leaf("dcterms:modified", &[("xsi:type", "dcterms:W3CDTF")], &s);
                }
            },
        );
        x.finish()
    }
}

/// The extended-properties part (docProps/app.xml): the application, and
/// what `body` adds (a deck's slide and notes counts).
pub fn app(body: impl FnOnce(&mut Xml)) -> Vec<u8> {
    let mut x = Xml::new();
    x.el(
        "Properties",
        &[
            (
                "xmlns",
                "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
            ),
            (
                "xmlns:vt",
                "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
            ),
        ],
        body,
    );
    x.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped_and_illegal_characters_dropped() {
        let mut x = Xml::new();
        x.leaf("a", &[("v", "x\"&<\u{b}")], "A&B <c> \u{0}\u{c}d\u{FFFF}");
        let s = String::from_utf8(x.finish()).unwrap();
        assert!(s.contains("v=\"x&quot;&amp;&lt;\""), "{s}");
        assert!(s.contains(">A&amp;B &lt;c&gt; d</a>"), "{s}");
    }
}
