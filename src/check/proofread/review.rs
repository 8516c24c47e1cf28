//! What a reviewer circles in a notice: a 主送 without its colon, text after 特此通知, an
//! attachment referred to that is not attached (or attached and never referred to).

use crate::check::proofread::catalog::{Hit, Rule};
use crate::i18n::t;
use crate::text::Part;

/// The closing phrases that end a body.
const CLOSINGS: [&str; 11] = [
    "特此通知",
    "特此报告",
    "特此函告",
    "特此函复",
    "特此复函",
    "特此批复",
    "特此公告",
    "特此通告",
    "特此通报",
    "特此说明",
    "特此函达",
];

/// Text after the closing phrase (特此通知。 and then more): (run index, hit).
pub(crate) fn closing(body: &[(Part, &str)]) -> Option<(usize, Hit)> {
    body.iter().enumerate().find_map(|(i, &(part, text))| {
        if part != Part::Para {
            return None;
        }
        let (at, phrase) = CLOSINGS
            .iter()
            .filter_map(|p| text.find(p).map(|at| (at, *p)))
            .min()?;
        let rest = text[at + phrase.len()..].trim_start_matches(['。', '！', '.']);
        let more = !rest.trim().is_empty()
            || body[i + 1..]
                .iter()
                .any(|(p, t)| *p != Part::Literal && !t.trim().is_empty());
        more.then(|| {
            (
                i,
                Hit::new(
                    Rule::ClosingPhrase,
                    at..at + phrase.len(),
                    t!("pr-after-closing", phrase = phrase),
                    t!("pr-after-closing-help", phrase = phrase),
                ),
            )
        })
    })
}

/// Where an attachment finding belongs: a run of the body, or the `attachments:` key.
#[derive(Debug)]
pub(crate) enum Mention {
    Body(usize, Hit),
    Attachments(Hit),
}

/// 见附件 without an attachment, 附件3 of two, and an attachment the text never refers to (by
/// 附件 or by its name, in the body or the title: 关于印发《…方案》的通知).
pub(crate) fn attachments(body: &[(Part, &str)], title: &str, names: &[&str]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut referred = names.iter().any(|n| title.contains(n));
    for (i, &(part, text)) in body.iter().enumerate() {
        if part == Part::Literal {
            continue;
        }
        referred |= names.iter().any(|n| text.contains(n));
        for (at, _) in text.match_indices("附件") {
            let digits: String = text[at + "附件".len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            let span = at..at + "附件".len() + digits.len();
            let n: usize = digits.parse().unwrap_or(1);
            if names.is_empty() {
                out.push(Mention::Body(
                    i,
                    Hit::new(
                        Rule::AttachmentMention,
                        span,
                        t!(
                            "pr-mention-none",
                            written = &text[at..at + "附件".len() + digits.len()]
                        ),
                        t!("pr-mention-none-help"),
                    ),
                ));
                return out;
            }
            if n > names.len() || n == 0 {
                out.push(Mention::Body(
                    i,
                    Hit::new(
                        Rule::AttachmentMention,
                        span,
                        t!(
                            "pr-mention-beyond",
                            written = format!("附件{digits}"),
                            count = names.len()
                        ),
                        t!("pr-mention-beyond-help"),
                    ),
                ));
            }
            referred = true;
        }
    }
    if !referred && !names.is_empty() {
        out.push(Mention::Attachments(Hit::new(
            Rule::AttachmentMention,
            0..0,
            t!("pr-mention-never", name = names[0]),
            t!("pr-mention-never-help"),
        )));
    }
    out
}

/// Marks a 主送 may not end with: gongwen adds the colon after it.
const MARKS: &str = "，,。.；;、";

/// Endings of the names a 主送 lists.
const RECIPIENTS: [&str; 16] = [
    "部门",
    "单位",
    "政府",
    "委员会",
    "镇街",
    "街道",
    "局",
    "委",
    "办",
    "室",
    "厅",
    "处",
    "院",
    "中心",
    "公司",
    "学校",
];

/// A 主送 ending in another mark (printed 各部门，：), or written as the first paragraph of the
/// body without its colon. `Ok` is about the `to:` field, `Err` about the first run.
pub(crate) fn salutation(
    to: Option<&str>,
    body: &[(Part, &str)],
) -> Option<Result<Hit, (usize, Hit)>> {
    if let Some(to) = to {
        let c = to
            .trim_end()
            .chars()
            .last()
            .filter(|c| MARKS.contains(*c))?;
        return Some(Ok(Hit::new(
            Rule::SalutationColon,
            0..0,
            t!("pr-to-ends-with", mark = c.to_string()),
            t!("pr-to-ends-with-help"),
        )));
    }
    let (i, &(_, text)) = body
        .iter()
        .enumerate()
        .find(|(_, (p, _))| *p != Part::Literal)?;
    let t = text.trim();
    let looks_like = body[i].0 == Part::Para
        && t.chars().count() <= 40
        && !t.contains('。')
        && RECIPIENTS.iter().any(|e| t.ends_with(e));
    looks_like.then(|| {
        Err((
            i,
            Hit::new(
                Rule::SalutationColon,
                t.len()..t.len(),
                t!("pr-to-in-body", text = t),
                t!("pr-to-in-body-help"),
            ),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: Part = Part::Para;

    #[test]
    fn text_after_the_closing_phrase() {
        let hit = closing(&[
            (P, "请认真落实。"),
            (P, "特此通知。"),
            (P, "另：请报送名单。"),
        ]);
        assert_eq!(hit.map(|(i, h)| (i, h.span)), Some((1, 0..12)));
        assert!(closing(&[(P, "特此通知。另外，请报送名单。")]).is_some());
        assert!(closing(&[(P, "请认真落实。"), (P, "特此通知。")]).is_none());
        assert!(closing(&[(P, "请认真落实。"), (P, "特此报告")]).is_none());
        assert!(closing(&[(Part::Other, "特此通知"), (P, "正文")]).is_none());
    }

    fn kinds(m: &[Mention]) -> Vec<String> {
        m.iter()
            .map(|m| match m {
                Mention::Body(i, h) => format!("body {i}: {}", h.message),
                Mention::Attachments(h) => format!("attachments: {}", h.message),
            })
            .collect()
    }

    #[test]
    fn attachments_referred_to_and_attached() {
        let body = [(P, "现将任务清单印发给你们（见附件）。")];
        assert_eq!(
            kinds(&attachments(&body, "关于甲的通知", &["任务清单"])),
            Vec::<String>::new()
        );
        assert_eq!(
            kinds(&attachments(&body, "关于甲的通知", &[])),
            ["body 0: 正文提到“附件”，但通知没有附件"]
        );
        assert_eq!(
            kinds(&attachments(
                &[(P, "请认真落实。")],
                "关于甲的通知",
                &["任务清单"]
            )),
            ["attachments: 通知附有“任务清单”，但正文没有提到它"]
        );
        assert_eq!(
            kinds(&attachments(
                &[(P, "请认真落实。")],
                "关于印发任务清单的通知",
                &["任务清单"]
            )),
            Vec::<String>::new()
        );
        assert_eq!(
            kinds(&attachments(
                &[(P, "见附件1、附件3。")],
                "关于甲的通知",
                &["甲", "乙"]
            )),
            ["body 0: 正文提到“附件3”，但通知只有 2 个附件"]
        );
    }

    #[test]
    fn salutations() {
        assert!(salutation(Some("各有关部门，有关单位"), &[]).is_none());
        assert!(salutation(Some("各有关部门："), &[]).is_none());
        assert!(matches!(salutation(Some("各有关部门，"), &[]), Some(Ok(_))));
        assert!(matches!(
            salutation(None, &[(P, "各镇街，区级各部门"), (P, "现将……通知如下。")]),
            Some(Err((0, _)))
        ));
        assert!(salutation(None, &[(P, "各镇街，区级各部门："), (P, "正文。")]).is_none());
        assert!(salutation(None, &[(P, "请各单位于12月20日前报送年度工作总结。")]).is_none());
    }
}
