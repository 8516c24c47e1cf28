//! Who issues a notice and in which format: the organs (several for joint issuing, 联合行文), the
//! 发文机关标志, the signatures, and what each special format of GB/T 9704 §10 adds or leaves out.

use crate::i18n::t;
use serde_saphyr::Spanned;

use crate::diag::{Diagnostic, did_you_mean};
use crate::load::fields::{Fields, Names};
use crate::model::{Attendance, Config, Format};
use crate::text::roles;

/// The front-matter keys this module reads.
pub(crate) struct Keys<'a> {
    pub(crate) format: &'a Option<Spanned<String>>,
    pub(crate) organ: &'a Option<Spanned<Names>>,
    pub(crate) mark: &'a Option<Spanned<Names>>,
    pub(crate) mark_suffix: &'a Option<Spanned<String>>,
    pub(crate) signer: &'a Option<Spanned<Names>>,
    pub(crate) signer_title: &'a Option<Spanned<String>>,
    pub(crate) seal_note: &'a Option<Spanned<String>>,
    pub(crate) printed_by: &'a Option<Spanned<String>>,
    pub(crate) printed_date: &'a Option<Spanned<String>>,
    pub(crate) present: &'a Option<Spanned<Names>>,
    pub(crate) on_leave: &'a Option<Spanned<Names>>,
    pub(crate) observers: &'a Option<Spanned<Names>>,
}

/// Who issues the notice, and how it is laid out.
pub(crate) struct Issuing {
    pub(crate) format: Format,
    pub(crate) organs: Vec<String>,
    pub(crate) mark: Vec<String>,
    pub(crate) mark_suffix: Option<String>,
    pub(crate) signers: Vec<String>,
    pub(crate) signer_title: Option<String>,
    pub(crate) attendance: Attendance,
}

/// The format named by `format:`; an unknown name is an error with a did-you-mean.
fn format(f: &mut Fields, v: &Option<Spanned<String>>) -> Format {
    let Some(v) = v else {
        return Format::File;
    };
    let name = v.value.trim();
    Format::from_name(name).unwrap_or_else(|| {
        let names = Format::NAMES.iter().map(|(n, _)| *n);
        let help = match did_you_mean(name, names) {
            Some(s) => t!("did-you-mean", name = s),
            None => t!("format-unknown-help"),
        };
        f.error(Diagnostic::error(f.at(v), t!("format-unknown", name = name)).with_help(help));
        Format::File
    })
}

/// The 发文机关标志 when `mark` is not given: the stacked names of joint issuers, the host's
/// name alone on a letter (§10.1), the name with 令 or 纪要 (§10.2, §10.3).
fn default_mark(format: Format, organs: &[String]) -> Vec<String> {
    let host = organs.first().cloned().unwrap_or_default();
    match format {
        Format::File => organs.to_vec(),
        Format::Letter => vec![host],
        Format::Order => vec![format!("{host}令")],
        Format::Minutes => vec![format!("{host}纪要")],
    }
}

/// Names that default to the organs (发文机关, 发文机关标志, 署名); written but empty is a
/// mistake, not a wish for nothing.
fn or_default(
    f: &mut Fields,
    v: &Option<Spanned<Names>>,
    key: &str,
    roles: &'static [crate::text::Role],
    default: &[String],
) -> Vec<String> {
    let Some(v) = v else {
        return default.to_vec();
    };
    let names = f.names(v, roles);
    if names.is_empty() {
        f.error(
            Diagnostic::error(f.at(v), t!("field-empty", key = key))
                .with_help(t!("issuing-empty-help", organ = default.join("、"))),
        );
    }
    names
}

/// Reads the issuing organs, the mark, the signatures and the attendance lists.
pub(crate) fn read(f: &mut Fields, k: &Keys, config: &Config) -> Issuing {
    let format = format(f, k.format);
    let mut organs = or_default(f, k.organ, "organ", roles::ORGAN, &config.organs);
    if organs.is_empty() {
        organs = vec![config.organ.clone()];
    }
    let mark = or_default(
        f,
        k.mark,
        "mark",
        roles::TITLE,
        &default_mark(format, &organs),
    );
    let signers = or_default(f, k.signer, "signer", roles::BODY, &organs);
    let mut list = |v: &Option<Spanned<Names>>| {
        v.as_ref()
            .map(|v| f.names(v, roles::BODY).join("、"))
            .filter(|s| !s.is_empty())
    };
    let attendance = Attendance {
        present: list(k.present),
        on_leave: list(k.on_leave),
        observers: list(k.observers),
    };
    let issuing = Issuing {
        format,
        mark,
        mark_suffix: f.opt(k.mark_suffix, roles::TITLE),
        signer_title: f.opt(k.signer_title, roles::BODY),
        signers,
        organs,
        attendance,
    };
    check(f, k, &issuing);
    order_signer(f, k, format);
    issuing
}

/// A key given where the format has no such element is an error that says which format has it.
fn check(f: &mut Fields, k: &Keys, i: &Issuing) {
    let mut refuse = |at: Option<serde_saphyr::Location>, message: String, help: String| {
        if let Some(at) = at {
            f.error(Diagnostic::error(f.loc(&at), message).with_help(help));
        }
    };
    let at = |v: &Option<Spanned<String>>| v.as_ref().map(|v| v.referenced);
    let at_names = |v: &Option<Spanned<Names>>| v.as_ref().map(|v| v.referenced);
    if i.format == Format::Letter {
        for (key, v) in [
            ("printed_by", k.printed_by),
            ("printed_date", k.printed_date),
        ] {
            refuse(
                at(v),
                t!("letter-no-key", key = key),
                t!("letter-no-key-help"),
            );
        }
    }
    if i.format == Format::Minutes {
        refuse(
            at_names(k.signer),
            t!("minutes-no-key", key = "signer"),
            t!("minutes-no-signer-help"),
        );
        refuse(
            at(k.seal_note),
            t!("minutes-no-key", key = "seal_note"),
            t!("minutes-no-seal-help"),
        );
    } else {
        for (key, v) in [
            ("present", k.present),
            ("on_leave", k.on_leave),
            ("observers", k.observers),
        ] {
            refuse(
                at_names(v),
                t!("minutes-only-key", key = key),
                t!("minutes-only-key-help"),
            );
        }
    }
    if i.format != Format::Order {
        refuse(
            at(k.signer_title),
            t!("order-only-signer-title"),
            t!("order-only-signer-title-help"),
        );
    } else if i.signers.len() > 1 {
        refuse(
            at_names(k.signer),
            t!("order-several-signers"),
            t!("order-several-signers-help"),
        );
    }
    if i.signers.len() > 1 {
        refuse(
            at(k.seal_note),
            t!("seal-note-several-signers"),
            t!("seal-note-several-signers-help"),
        );
    }
}

/// A 命令 is signed by a person with a 签名章 (§7.3.5.3): the organ's name in its place would be
/// a wrong signature, so a 命令 without `signer` is an error.
fn order_signer(f: &mut Fields, k: &Keys, format: Format) {
    if format != Format::Order || k.signer.is_some() {
        return;
    }
    if let Some(v) = k.format {
        f.error(
            Diagnostic::error(f.at(v), t!("order-needs-signer"))
                .with_help(t!("order-needs-signer-help")),
        );
    }
}
