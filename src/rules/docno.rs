//! 发文字号: 机关代字 + 〔year〕 + sequence + 号 (GB/T 9704 §7.2.5).

use crate::i18n::t;

/// Checks a 发文字号; on failure says what is wrong and how the correct form looks.
pub(crate) fn check(number: &str) -> Result<(), (String, String)> {
    let n = number.trim();
    for (open, close) in [
        ('[', ']'),
        ('［', '］'),
        ('【', '】'),
        ('(', ')'),
        ('（', '）'),
        ('〈', '〉'),
    ] {
        // Only a four-digit year in other brackets is a misplaced year: 某办(2)发 is a code.
        for (a, _) in n.match_indices(open) {
            let inner_start = a + open.len_utf8();
            let Some(len) = n[inner_start..].find(close) else {
                continue;
            };
            let year = &n[inner_start..inner_start + len];
            if year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()) {
                let rest = &n[inner_start + len + close.len_utf8()..];
                let fixed = format!("{}〔{year}〕{rest}", &n[..a]);
                return Err((
                    t!(
                        "docno-brackets",
                        number = n,
                        brackets = format!("{open}{close}")
                    ),
                    t!("docno-brackets-help", fixed = fixed),
                ));
            }
        }
    }
    let help = t!("docno-help");
    let Some((code, rest)) = n.split_once('〔') else {
        return Err((t!("docno-no-year", number = n), help));
    };
    let Some((year, seq)) = rest.split_once('〕') else {
        return Err((t!("docno-year-open", number = n), help));
    };
    if code.is_empty() {
        return Err((t!("docno-no-code", number = n), help));
    }
    if year.len() != 4 || !year.chars().all(|c| c.is_ascii_digit()) {
        return Err((t!("docno-year-digits", year = year, number = n), help));
    }
    let Some(num) = seq.strip_suffix('号') else {
        return Err((t!("docno-no-hao", number = n), help));
    };
    let num = num.strip_prefix('第').map_or(Ok(num), |_| {
        Err((t!("docno-di", number = n), t!("docno-di-help")))
    })?;
    if num.is_empty() || !num.chars().all(|c| c.is_ascii_digit()) {
        return Err((t!("docno-not-arabic", seq = num, number = n), help));
    }
    if num.starts_with('0') {
        return Err((
            t!("docno-leading-zero", seq = num, number = n),
            t!("docno-leading-zero-help"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_standard_form() {
        assert!(check("沙营商办发〔2020〕3号").is_ok());
        assert!(check("国办发〔2020〕12号").is_ok());
        // Brackets elsewhere in the 机关代字 are not the year.
        assert!(check("某办(2)发〔2024〕3号").is_ok());
        assert!(check("某（二）办发〔2024〕3号").is_ok());
        let (msg, help) = check("某办(2)发(2024)3号").unwrap_err();
        assert_eq!(msg, "发文字号 `某办(2)发(2024)3号` 的年份用了 ()");
        assert!(help.ends_with("请写作 `某办(2)发〔2024〕3号`"), "{help}");
    }

    #[test]
    fn square_brackets_suggest_the_fix() {
        let (msg, help) = check("沙营商办发[2020]3号").unwrap_err();
        assert_eq!(msg, "发文字号 `沙营商办发[2020]3号` 的年份用了 []");
        assert_eq!(
            help,
            "GB/T 9704 规定年份用六角括号〔〕：请写作 `沙营商办发〔2020〕3号`"
        );
    }

    #[test]
    fn other_mistakes() {
        assert!(check("沙营商办发〔2020〕003号").is_err());
        assert!(check("沙营商办发〔2020〕第3号").is_err());
        assert!(check("沙营商办发〔20〕3号").is_err());
        assert!(check("沙营商办发〔2020〕3").is_err());
        assert!(check("〔2020〕3号").is_err());
    }
}

/// The parts of a well-formed 发文字号: 机关代字, year, sequence number.
pub(crate) fn parts(number: &str) -> Option<(&str, i32, u32)> {
    let (code, rest) = number.trim().split_once('〔')?;
    let (year, seq) = rest.split_once('〕')?;
    let seq = seq.strip_suffix('号')?;
    Some((code, year.parse().ok()?, seq.parse().ok()?))
}

/// The next free 发文字号 of `year`: the 机关代字 the office uses most, and the number after the
/// highest of that year. None when no notice has a 发文字号 to learn the 代字 from.
pub(crate) fn next<'a>(existing: impl IntoIterator<Item = &'a str>, year: i32) -> Option<String> {
    let all: Vec<(&str, i32, u32)> = existing.into_iter().filter_map(parts).collect();
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for (code, _, _) in &all {
        *counts.entry(code).or_default() += 1;
    }
    let code = counts
        .iter()
        .max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))?
        .0;
    let last = all
        .iter()
        .filter(|(c, y, _)| c == code && *y == year)
        .map(|(_, _, n)| *n)
        .max()
        .unwrap_or(0);
    Some(format!("{code}〔{year}〕{}号", last + 1))
}

#[cfg(test)]
mod next_tests {
    use super::*;

    #[test]
    fn the_next_number_follows_the_office_s_code_and_year() {
        let existing = [
            "沙营商办发〔2020〕3号",
            "沙营商办发〔2021〕7号",
            "沙营商办发〔2021〕2号",
            "沙营商办函〔2021〕9号",
        ];
        assert_eq!(
            next(existing, 2021).as_deref(),
            Some("沙营商办发〔2021〕8号")
        );
        assert_eq!(
            next(existing, 2022).as_deref(),
            Some("沙营商办发〔2022〕1号")
        );
        assert_eq!(next(["没有年份的号"], 2022), None);
        assert_eq!(parts("国办发〔2020〕12号"), Some(("国办发", 2020, 12)));
    }
}
