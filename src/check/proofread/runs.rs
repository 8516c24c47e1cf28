//! The recorded printed texts joined into runs: a field, or one block of a body (a paragraph
//! across its source lines, emphasis and entities), each offset of which maps back to its place
//! in the source.

use crate::diag::Location;
use crate::text::{Part, Role, SourceText};

/// One text as the rules read it.
pub(crate) struct Run<'a> {
    pub(crate) text: String,
    pub(crate) part: Part,
    /// Printed as a title (小标宋): a document title, the organ, a unit's name.
    pub(crate) title: bool,
    /// The recorded pieces and where each starts in `text`.
    pieces: Vec<(usize, &'a SourceText)>,
}

impl Run<'_> {
    /// The place in the source of a byte offset of `text`.
    pub(crate) fn location(&self, offset: usize) -> Location {
        let i = self
            .pieces
            .partition_point(|(start, _)| *start <= offset)
            .saturating_sub(1);
        let (start, piece) = self.pieces[i];
        let within = &piece.text[..(offset - start).min(piece.text.len())];
        let (mut line, mut column) = (piece.location.line, piece.location.column);
        for c in within.chars() {
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        Location::new(&piece.location.file, line, column)
    }
}

/// The runs of some recorded texts, in order. Second printings (`Part::Copy`) are left out (the
/// text they repeat is read where it is written), and so are codes (`Part::Code`).
pub(crate) fn runs<'a>(texts: impl IntoIterator<Item = &'a SourceText>) -> Vec<Run<'a>> {
    let mut out: Vec<Run<'a>> = Vec::new();
    for t in texts {
        if matches!(t.part, Part::Copy | Part::Code) {
            continue;
        }
        match out.last_mut() {
            Some(run) if t.joined && run.part == t.part => {
                run.pieces.push((run.text.len(), t));
                run.text.push_str(&t.text);
            }
            _ => out.push(Run {
                text: t.text.clone(),
                part: t.part,
                title: t.roles.contains(&Role::Title),
                pieces: vec![(0, t)],
            }),
        }
    }
    out
}

/// A run made of one text, for the unit tests of the rules.
#[cfg(test)]
pub(crate) fn texts(parts: &[(&str, Part, bool)]) -> Vec<SourceText> {
    parts
        .iter()
        .enumerate()
        .map(|(i, (text, part, joined))| SourceText {
            location: Location::new("t.md", i + 1, 1),
            text: text.to_string(),
            roles: crate::text::roles::BODY,
            part: *part,
            joined: *joined,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_texts_make_one_run_that_maps_back_to_each_line() {
        let t = texts(&[
            ("优化", Part::Para, false),
            ("优化环境", Part::Para, true),
            ("标题", Part::Heading(1), false),
            ("副本", Part::Copy, false),
        ]);
        let r = runs(&t);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].text, "优化优化环境");
        assert_eq!(r[0].location(0), Location::new("t.md", 1, 1));
        assert_eq!(r[0].location(3), Location::new("t.md", 1, 2));
        assert_eq!(r[0].location(6), Location::new("t.md", 2, 1));
        assert_eq!(r[0].location(12), Location::new("t.md", 2, 3));
        assert_eq!(r[1].part, Part::Heading(1));
    }

    #[test]
    fn line_breaks_inside_a_text_count_lines() {
        let t = texts(&[("甲\n乙丙", Part::Literal, false)]);
        let r = runs(&t);
        assert_eq!(r[0].location(7), Location::new("t.md", 2, 2));
    }
}
