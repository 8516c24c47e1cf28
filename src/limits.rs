//! The limits gongwen enforces on its input, so a mistaken or hostile file gets a clear message
//! instead of exhausting the machine. Typesetting takes roughly 1 KB of memory per byte of text,
//! so these keep one document well under a few GB. README "Limits" lists them.

/// A Markdown file (notice, attachment, submission): about 350,000 Chinese characters.
pub(crate) const MARKDOWN_BYTES: u64 = 1024 * 1024;
/// A YAML file (settings, units, task list): a 1,000-task list is about 0.2 MB.
pub(crate) const YAML_BYTES: u64 = 4 * 1024 * 1024;
/// One paragraph, in characters.
pub(crate) const PARAGRAPH_CHARS: usize = 100_000;
/// The text of one document with its attachments (a year report compiles many summaries).
pub(crate) const DOCUMENT_BYTES: usize = 8 * 1024 * 1024;
/// A spreadsheet imported: rows and columns read, and its size when unpacked.
pub(crate) const SHEET_ROWS: u32 = 20_000;
pub(crate) const SHEET_COLUMNS: u16 = 64;
pub(crate) const SHEET_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;
/// A name that becomes part of a file name (a 发文字号, a unit id or name), in bytes: file systems
/// allow 255 per name, and the extension and a year prefix need some.
pub(crate) const NAME_BYTES: usize = 200;
/// An image in a body: its file, and its pixels (a small file can claim a huge picture).
pub(crate) const IMAGE_BYTES: u64 = 20 * 1024 * 1024;
pub(crate) const IMAGE_PIXELS: u64 = 60_000_000;
