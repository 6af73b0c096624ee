//! The deck as an editable PowerPoint file (placeholder while it is built).

use chrono::{DateTime, Utc};
use typst_layout::PagedDocument;

use crate::config::FaceMap;
use crate::data::Dataset;

pub fn write(
    _document: &PagedDocument,
    _data: &Dataset,
    _faces: &FaceMap,
    _timestamp: Option<DateTime<Utc>>,
) -> anyhow::Result<Vec<u8>> {
    anyhow::bail!("not written yet")
}
