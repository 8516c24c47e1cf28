//! The one reader of printed text. Every string a user writes that reaches a PDF or a page is
//! read through `Fields`, which trims it and records it with its location and typefaces, so the
//! font check (and any later check of the text) sees all of it, whatever file it came from.

use crate::i18n::t;
use std::path::Path;

use chrono::NaiveDate;
use serde_saphyr::Spanned;

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::load::yaml;
use crate::markdown::{self, Block};
use crate::rules::date;
use crate::text::{Part, Role, SourceText};

/// A value a user may write as one line or as a list.
#[derive(Debug, serde::Deserialize)]
#[serde(untagged)]
pub(crate) enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// A value that names one thing or several: `organ: 某办公室` or `organ: [甲, 乙]`. The list's
/// entries keep their own places; a single value takes the place of the whole (`Spanned<Names>`).
#[derive(Debug, Clone)]
pub(crate) enum Names {
    One(String),
    Many(Vec<Spanned<String>>),
}

impl<'de> serde::Deserialize<'de> for Names {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Names;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a name or a list of names")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Names, E> {
                Ok(Names::One(s.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Names, A::Error> {
                let mut v = Vec::new();
                while let Some(s) = seq.next_element()? {
                    v.push(s);
                }
                Ok(Names::Many(v))
            }
        }
        d.deserialize_any(V)
    }
}

/// The values of one file, read in place.
pub(crate) struct Fields<'a> {
    file: &'a Path,
    /// The file line its YAML starts on (front matter starts on line 2).
    first_line: usize,
    printed: Vec<SourceText>,
    errors: Diagnostics,
}

impl<'a> Fields<'a> {
    pub(crate) fn new(file: &'a Path, first_line: usize) -> Self {
        Fields {
            file,
            first_line,
            printed: Vec::new(),
            errors: Diagnostics::default(),
        }
    }

    pub(crate) fn file(&self) -> &'a Path {
        self.file
    }

    /// The file's location of a YAML position.
    pub(crate) fn loc(&self, at: &serde_saphyr::Location) -> Location {
        yaml::location(self.file, self.first_line, at)
    }

    /// Where a value stands.
    pub(crate) fn at<T>(&self, v: &Spanned<T>) -> Location {
        self.loc(&v.referenced)
    }

    /// A printed value, trimmed, recorded with the typefaces it is printed in.
    pub(crate) fn text(&mut self, v: &Spanned<String>, roles: &'static [Role]) -> String {
        self.record(self.at(v), &v.value, roles);
        v.value.trim().to_string()
    }

    /// An optional printed value; empty counts as absent.
    pub(crate) fn opt(
        &mut self,
        v: &Option<Spanned<String>>,
        roles: &'static [Role],
    ) -> Option<String> {
        v.as_ref()
            .map(|v| self.text(v, roles))
            .filter(|s| !s.is_empty())
    }

    /// A value written as one line or as a list, as one line joined with ，(the way 抄送 and
    /// similar lists of organs are printed); each item is recorded where it stands.
    pub(crate) fn joined(
        &mut self,
        v: &Spanned<OneOrMany>,
        roles: &'static [Role],
    ) -> Option<String> {
        let at = self.at(v);
        let items: Vec<String> = match &v.value {
            OneOrMany::One(s) => vec![s.trim().to_string()],
            OneOrMany::Many(list) => list.iter().map(|s| s.trim().to_string()).collect(),
        };
        let items: Vec<String> = items.into_iter().filter(|s| !s.is_empty()).collect();
        for item in &items {
            self.record(at.clone(), item, roles);
        }
        (!items.is_empty()).then(|| items.join("，"))
    }

    /// A printed name or list of names, each trimmed; empty entries are dropped.
    pub(crate) fn names(&mut self, v: &Spanned<Names>, roles: &'static [Role]) -> Vec<String> {
        let names = match &v.value {
            Names::One(s) => {
                self.record(self.at(v), s, roles);
                vec![s.trim().to_string()]
            }
            Names::Many(list) => list.iter().map(|s| self.text(s, roles)).collect(),
        };
        names.into_iter().filter(|s| !s.is_empty()).collect()
    }

    /// An optional printed code whose form a rule of its own checks (发文字号, 份号): recorded
    /// for the font check; the proofreading of wording leaves it alone.
    pub(crate) fn code(
        &mut self,
        v: &Option<Spanned<String>>,
        roles: &'static [Role],
    ) -> Option<String> {
        let v = v.as_ref()?;
        self.record_as(self.at(v), &v.value, roles, Part::Code);
        Some(v.value.trim().to_string()).filter(|s| !s.is_empty())
    }

    /// A printed value that repeats part of one read before (a line of `title_lines`): recorded
    /// for the font check, not for a second proofreading.
    pub(crate) fn copy(&mut self, v: &Spanned<String>, roles: &'static [Role]) -> String {
        self.record_as(self.at(v), &v.value, roles, Part::Copy);
        v.value.trim().to_string()
    }

    /// Records text printed from this file that was not read through `text`.
    pub(crate) fn record(&mut self, location: Location, text: &str, roles: &'static [Role]) {
        self.record_as(location, text, roles, Part::Field);
    }

    /// Records a text printed a second time, in more typefaces (a task list's title in the
    /// 附件说明).
    pub(crate) fn record_copy(&mut self, location: Location, text: &str, roles: &'static [Role]) {
        self.record_as(location, text, roles, Part::Copy);
    }

    fn record_as(&mut self, location: Location, text: &str, roles: &'static [Role], part: Part) {
        self.printed.push(SourceText {
            location,
            text: text.to_string(),
            roles,
            part,
            joined: false,
        });
    }

    /// A date value; a malformed one is an error at its place.
    pub(crate) fn date(&mut self, v: &Spanned<String>, key: &str) -> Option<NaiveDate> {
        if v.value.trim().is_empty() {
            self.error(
                Diagnostic::error(self.at(v), t!("field-empty", key = key))
                    .with_help(t!("date-format-help")),
            );
            return None;
        }
        date::field(&v.value, key, self.at(v))
            .map_err(|d| self.errors.push(d))
            .ok()
    }

    /// A number setting within its documented range; `None` gives `default`. `unit` names the
    /// unit in messages ("pt", "mm", "em").
    pub(crate) fn number(
        &mut self,
        v: &Option<Spanned<f64>>,
        key: &str,
        range: std::ops::RangeInclusive<f64>,
        unit: &str,
        default: f64,
    ) -> f64 {
        let Some(v) = v else { return default };
        if range.contains(&v.value) {
            return v.value;
        }
        let message = if v.value.is_finite() {
            t!(
                "number-out-of-range",
                key = key,
                value = format!("{}{unit}", v.value)
            )
        } else {
            t!("number-not-a-number", key = key)
        };
        self.error(Diagnostic::error(self.at(v), message).with_help(t!(
            "number-range-help",
            from = format!("{}{unit}", range.start()),
            to = format!("{}{unit}", range.end()),
            default = format!("{default}{unit}")
        )));
        default
    }

    /// A year, 1900 to 2999.
    pub(crate) fn year(&mut self, v: &Option<Spanned<i64>>) -> Option<i32> {
        let v = v.as_ref()?;
        match i32::try_from(v.value)
            .ok()
            .filter(|y| (1900..=2999).contains(y))
        {
            Some(y) => Some(y),
            None => {
                self.error(
                    Diagnostic::error(self.at(v), t!("not-a-year", value = v.value.to_string()))
                        .with_help(t!("not-a-year-help")),
                );
                None
            }
        }
    }

    /// A Markdown body starting on `line` of the file; its text is recorded node by node.
    pub(crate) fn body(&mut self, body: &str, line: usize) -> Vec<Block> {
        match markdown::parse(body, self.file, line, &mut self.printed) {
            Ok(b) => b,
            Err(d) => {
                self.errors.push(d);
                Vec::new()
            }
        }
    }

    /// A Markdown body whose pictures are checked against the project (see load::images).
    pub(crate) fn body_in(
        &mut self,
        root: &crate::root::Root,
        body: &str,
        line: usize,
    ) -> Vec<Block> {
        let mut blocks = self.body(body, line);
        crate::load::images::resolve(root, self.file, &mut blocks, &mut self.errors);
        blocks
    }

    pub(crate) fn error(&mut self, d: Diagnostic) {
        self.errors.push(d);
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.errors.has_errors()
    }

    /// The errors found so far, when reading cannot go on.
    pub(crate) fn into_errors(self) -> Diagnostics {
        self.errors
    }

    /// The recorded texts, or every error found.
    pub(crate) fn finish(self) -> Result<Vec<SourceText>, Diagnostics> {
        if self.errors.has_errors() {
            Err(self.errors)
        } else {
            Ok(self.printed)
        }
    }
}
