//! Pure rules of GB/T 9704 and of Chinese official writing, each with its unit tests: 发文字号,
//! dates, word segmentation, title breaking, heading numbers, and the wording around user text.

pub(crate) mod date;
pub(crate) mod docno;
pub(crate) mod figure;
pub(crate) mod numbering;
pub(crate) mod segment;
pub(crate) mod title;
pub(crate) mod wording;
