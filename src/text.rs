//! Printed text: the typefaces GB/T 9704 sets it in, where a piece of it came from, and the one
//! definition of which characters are Chinese (full width).

use crate::diag::Location;
use crate::i18n::t;

/// Which of the GB/T 9704 typefaces a text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Role {
    Title,
    Body,
    Hei,
    Kai,
    Song,
}

impl Role {
    pub(crate) const ALL: [Role; 5] = [Role::Title, Role::Body, Role::Hei, Role::Kai, Role::Song];

    /// The key naming the role under `fonts:` in gongwen.yaml and in the templates.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Body => "body",
            Role::Hei => "hei",
            Role::Kai => "kai",
            Role::Song => "song",
        }
    }

    pub(crate) fn describe(self) -> String {
        match self {
            Role::Title => t!("role-title"),
            Role::Body => t!("role-body"),
            Role::Hei => t!("role-hei"),
            Role::Kai => t!("role-kai"),
            Role::Song => t!("role-song"),
        }
    }
}

/// The typefaces a kind of field is printed in. A field printed in several places (a unit's name
/// in a table, a chapter heading and a title) must be drawable in each of them.
pub(crate) mod roles {
    use super::Role;
    pub(crate) const TITLE: &[Role] = &[Role::Title];
    pub(crate) const BODY: &[Role] = &[Role::Body];
    pub(crate) const HEI: &[Role] = &[Role::Hei];
    pub(crate) const KAI: &[Role] = &[Role::Kai];
    /// The organ: the red 发文机关标志 and the signature.
    pub(crate) const ORGAN: &[Role] = &[Role::Title, Role::Body];
    /// A task list's title: the table's title, the 附件说明, the year report's cover and overview.
    pub(crate) const LIST_TITLE: &[Role] = &[Role::Title, Role::Body, Role::Kai];
    /// A category: its row in the table (黑体) and the year report's counts (仿宋).
    pub(crate) const CATEGORY: &[Role] = &[Role::Hei, Role::Body];
    /// A task's text: the table (仿宋) and a summary's （一） heading (楷体).
    pub(crate) const TASK: &[Role] = &[Role::Body, Role::Kai];
    /// A unit's name: tables and signatures (仿宋), report chapters (楷体), summary titles.
    pub(crate) const UNIT: &[Role] = &[Role::Body, Role::Kai, Role::Title];
}

/// A piece of text a user wrote that will be printed, where it came from, and the typefaces it
/// will be set in. Every printed field is recorded as one, so the font check and the
/// proofreading see all of it.
#[derive(Debug, Clone)]
pub(crate) struct SourceText {
    pub(crate) location: Location,
    pub(crate) text: String,
    pub(crate) roles: &'static [Role],
    /// What the text is: a field of its own, or part of a Markdown body.
    pub(crate) part: Part,
    /// It continues the previous text in the same block (after a line break in the source, an
    /// entity or emphasis), so a slip that spans both is seen whole.
    pub(crate) joined: bool,
}

/// Where a printed text stands, for the checks of its wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// A value of its own (a YAML field or front-matter key).
    Field,
    /// A body heading of level 1..=4 (`##` .. `#####`).
    Heading(u8),
    /// A paragraph of a body, not inside a list, quote or table.
    Para,
    /// Anything else of a body: list items, quotes, table cells.
    Other,
    /// Code and raw HTML, printed as the literal text they are.
    Literal,
    /// A code whose form a rule of its own checks (发文字号, 份号): its fonts are checked, its
    /// wording is not.
    Code,
    /// A second printing of a text that is recorded whole elsewhere (a line of `title_lines`,
    /// a task list's title in the 附件说明): its fonts are checked, its wording is not again.
    Copy,
}

/// Whether `c` is one of the characters of `set`: a short set of marks is faster compared
/// char by char than searched as a string (which encodes `c` and runs a substring search; on
/// every character of the proofreading's texts that was 10% of a `check`).
pub(crate) fn one_of(c: char, set: &str) -> bool {
    set.chars().any(|s| s == c)
}

/// Chinese ideographs (with the extension planes): what search indexes as character bigrams.
/// templates/site/search.js tests the same ranges on the query.
pub(crate) fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// Full-width characters: ideographs, CJK punctuation and symbols, full-width forms, and the
/// Chinese quotes and dash. They take one em in a Chinese font, two columns in a terminal, and
/// Chinese text joins across a line break without a space.
pub(crate) fn is_wide(c: char) -> bool {
    is_ideograph(c)
        || matches!(c as u32, 0x2E80..=0x33FF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
        || matches!(c, '‘' | '’' | '“' | '”' | '—' | '…')
}

/// Columns a text takes in a terminal: wide characters two, others one.
pub(crate) fn columns(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_and_ideographs() {
        for c in ['沙', '〔', '，', '（', '“', '—', '𠮷', '〇'] {
            assert!(is_wide(c), "{c}");
        }
        for c in ['a', '1', ',', '(', ' '] {
            assert!(!is_wide(c), "{c}");
        }
        assert!(is_ideograph('营') && !is_ideograph('，') && !is_ideograph('“'));
        assert_eq!(columns("ab营商"), 6);
    }

    #[test]
    fn one_of_a_set_is_a_whole_character_of_it() {
        assert!(one_of('〔', "[［【(（〈〔") && one_of('[', "[［【(（〈〔"));
        // Not a byte or a part of one of the set's characters.
        assert!(!one_of('〕', "[［【(（〈〔") && !one_of('a', "") && !one_of('\u{3014}', "〕"));
    }
}
