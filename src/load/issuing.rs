//! Who issues a notice and in which format: the organs (several for joint issuing, 联合行文), the
//! 发文机关标志, the signatures, and what each special format of GB/T 9704 §10 adds or leaves out.

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
            Some(s) => format!("did you mean `{s}`?"),
            None => "write 文件 (the default), 信函, 命令 or 纪要".to_string(),
        };
        f.error(Diagnostic::error(f.at(v), format!("unknown format `{name}`")).with_help(help));
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
            Diagnostic::error(f.at(v), format!("`{key}` is empty")).with_help(format!(
                "write it, or remove the line to use the organ ({})",
                default.join("、")
            )),
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
    let mut refuse = |at: Option<serde_saphyr::Location>, key: &str, why: &str, help: &str| {
        if let Some(at) = at {
            f.error(Diagnostic::error(f.loc(&at), format!("`{key}` {why}")).with_help(help));
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
                key,
                "is not printed in the 信函格式",
                "GB/T 9704 §10.1: a letter's 版记 has no 印发机关和印发日期; remove the line",
            );
        }
    }
    if i.format == Format::Minutes {
        refuse(
            at_names(k.signer),
            "signer",
            "is not printed in the 纪要格式",
            "GB/T 9704 §10.3: 纪要 carry no signature; list who attended under `present:`",
        );
        refuse(
            at(k.seal_note),
            "seal_note",
            "is not printed in the 纪要格式",
            "纪要 carry no signature or seal; remove the line",
        );
    } else {
        for (key, v) in [
            ("present", k.present),
            ("on_leave", k.on_leave),
            ("observers", k.observers),
        ] {
            refuse(
                at_names(v),
                key,
                "belongs to the 纪要格式",
                "add `format: 纪要`, or remove the line",
            );
        }
    }
    if i.format != Format::Order {
        refuse(
            at(k.signer_title),
            "signer_title",
            "belongs to the 签名章 of the 命令格式",
            "add `format: 命令`, or remove the line",
        );
    } else if i.signers.len() > 1 {
        refuse(
            at_names(k.signer),
            "signer",
            "names several people",
            "a 命令 is signed with one 签名章 (GB/T 9704 §7.3.5.3): name one signer",
        );
    }
    if i.signers.len() > 1 {
        refuse(
            at(k.seal_note),
            "seal_note",
            "cannot go with several signers",
            "a seal note stands under a single 署名; remove it, or name one signer",
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
            Diagnostic::error(f.at(v), "a 命令 needs `signer`").with_help(
                "GB/T 9704 §7.3.5.3: a 命令 is signed with the signer's 签名章; add e.g. `signer: 张三` and `signer_title: 区长`",
            ),
        );
    }
}
