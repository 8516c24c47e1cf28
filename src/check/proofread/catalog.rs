//! The proofreading rules by name: what `--format json`, `proofread: skip:` and the
//! `gongwen: allow` comments call them, and the README lists.

use std::ops::Range;

/// One rule of the proofreading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Rule {
    RepeatedWord,
    OrganName,
    AttachmentTitle,
    UnitName,
    CitationMismatch,
    HalfWidthPunct,
    StraightQuote,
    Unbalanced,
    QuoteNesting,
    CommaBeforeDeng,
    DoubleStop,
    TitleStop,
    Dash,
    YearShort,
    YearRange,
    DateLeadingZero,
    DocnoForm,
    HeadingForm,
    HeadingLevel,
    HeadingSkip,
    HeadingSequence,
    EmptySection,
    SalutationColon,
    ClosingPhrase,
    AttachmentMention,
}

impl Rule {
    pub(crate) const ALL: [Rule; 25] = [
        Rule::RepeatedWord,
        Rule::OrganName,
        Rule::AttachmentTitle,
        Rule::UnitName,
        Rule::CitationMismatch,
        Rule::HalfWidthPunct,
        Rule::StraightQuote,
        Rule::Unbalanced,
        Rule::QuoteNesting,
        Rule::CommaBeforeDeng,
        Rule::DoubleStop,
        Rule::TitleStop,
        Rule::Dash,
        Rule::YearShort,
        Rule::YearRange,
        Rule::DateLeadingZero,
        Rule::DocnoForm,
        Rule::HeadingForm,
        Rule::HeadingLevel,
        Rule::HeadingSkip,
        Rule::HeadingSequence,
        Rule::EmptySection,
        Rule::SalutationColon,
        Rule::ClosingPhrase,
        Rule::AttachmentMention,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Rule::RepeatedWord => "repeated-word",
            Rule::OrganName => "organ-name",
            Rule::AttachmentTitle => "attachment-title",
            Rule::UnitName => "unit-name",
            Rule::CitationMismatch => "citation-mismatch",
            Rule::HalfWidthPunct => "half-width-punct",
            Rule::StraightQuote => "straight-quote",
            Rule::Unbalanced => "unbalanced",
            Rule::QuoteNesting => "quote-nesting",
            Rule::CommaBeforeDeng => "comma-before-deng",
            Rule::DoubleStop => "double-stop",
            Rule::TitleStop => "title-stop",
            Rule::Dash => "dash",
            Rule::YearShort => "year-short",
            Rule::YearRange => "year-range",
            Rule::DateLeadingZero => "date-leading-zero",
            Rule::DocnoForm => "docno-form",
            Rule::HeadingForm => "heading-form",
            Rule::HeadingLevel => "heading-level",
            Rule::HeadingSkip => "heading-skip",
            Rule::HeadingSequence => "heading-sequence",
            Rule::EmptySection => "empty-section",
            Rule::SalutationColon => "salutation-colon",
            Rule::ClosingPhrase => "closing-phrase",
            Rule::AttachmentMention => "attachment-mention",
        }
    }

    /// The rule a name stands for.
    pub(crate) fn named(name: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.name() == name)
    }
}

/// What a rule found in one text: where (bytes of the text), what is wrong, what to do, and
/// the replacement when it is safe to apply blindly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) rule: Rule,
    pub(crate) span: Range<usize>,
    pub(crate) message: String,
    pub(crate) help: String,
    pub(crate) fix: Option<String>,
}

impl Hit {
    pub(crate) fn new(
        rule: Rule,
        span: Range<usize>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        Hit {
            rule,
            span,
            message: message.into(),
            help: help.into(),
            fix: None,
        }
    }

    pub(crate) fn fix(mut self, to: impl Into<String>) -> Self {
        self.fix = Some(to.into());
        self
    }
}

/// For the rules' tests: what rule `f` finds in `s`, as (the text it points at, its fix).
#[cfg(test)]
pub(crate) fn found_in(f: fn(&str, &mut Vec<Hit>), s: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    f(s, &mut out);
    out.into_iter()
        .map(|h| (s[h.span].to_string(), h.fix))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_found_again() {
        let mut names: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
        for r in Rule::ALL {
            assert_eq!(Rule::named(r.name()), Some(r));
        }
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Rule::ALL.len());
        assert_eq!(Rule::named("repeated-words"), None);
    }
}
