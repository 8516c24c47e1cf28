//! The wording GB/T 9704 prescribes around user text, written once for every output: the colon
//! after 主送, the parentheses of 附注 and seal notes, the full stop after 抄送, the 印发 line,
//! names joined with 、, attachment labels.

use chrono::NaiveDate;

use crate::rules::date;

/// The label of the 附件说明 (§7.3.4), of the 抄送 line (§7.4.2) and of the 签发人 (§7.2.6).
pub(crate) const ATTACHMENT_NOTE: &str = "附件：";
pub(crate) const CC: &str = "抄送：";
pub(crate) const ISSUER: &str = "签发人：";
/// The header of a task table (the attachment of a notice, and its spreadsheets).
pub(crate) const TASK_HEADERS: [&str; 4] = ["序号", "工作任务", "牵头单位", "配合单位"];

/// 主送机关 ends with a full-width colon (§7.3.2).
pub(crate) fn recipients(to: &str) -> String {
    format!("{}：", to.trim_end_matches(['：', ':']))
}

/// 附注 (§7.3.6) and a seal note stand in full-width parentheses.
pub(crate) fn in_parens(s: &str) -> String {
    let inner = s
        .trim()
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    format!("（{inner}）")
}

/// 抄送机关 end with a full stop (§7.4.2).
pub(crate) fn cc(s: &str) -> String {
    format!("{}。", s.trim_end_matches(['。', '.']))
}

/// 印发日期: the date followed by 印发 (§7.4.3).
pub(crate) fn printed_date(d: NaiveDate) -> String {
    format!("{}印发", date::chinese(d))
}

/// Names in a list, joined with the enumeration comma.
pub(crate) fn join<S: AsRef<str>>(names: impl IntoIterator<Item = S>) -> String {
    names
        .into_iter()
        .map(|s| s.as_ref().to_string())
        .collect::<Vec<_>>()
        .join("、")
}

/// "附件" for a single attachment, "附件1", "附件2" … for several (§7.3.7).
pub(crate) fn attachment_label(index: usize, count: usize) -> String {
    if count > 1 {
        format!("附件{}", index + 1)
    } else {
        "附件".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_added_once() {
        assert_eq!(recipients("各部门"), "各部门：");
        assert_eq!(recipients("各部门："), "各部门：");
        assert_eq!(in_parens("此件公开发布"), "（此件公开发布）");
        assert_eq!(in_parens("（此件公开发布）"), "（此件公开发布）");
        assert_eq!(cc("区委办公室"), "区委办公室。");
        assert_eq!(cc("区委办公室。"), "区委办公室。");
        assert_eq!(
            printed_date(NaiveDate::from_ymd_opt(2020, 4, 29).unwrap()),
            "2020年4月29日印发"
        );
        assert_eq!(join(["甲", "乙"]), "甲、乙");
        assert_eq!(attachment_label(0, 1), "附件");
        assert_eq!(attachment_label(1, 3), "附件2");
    }
}
