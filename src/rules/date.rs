//! Dates as users write them (2020-04-29) and as GB/T 9704 prints them (2020年4月29日).

use crate::i18n::t;
use chrono::{Datelike, NaiveDate};

use crate::diag::{Diagnostic, Location};

/// Parses `YYYY-MM-DD` (also `YYYY年M月D日`); the error says what was expected.
pub(crate) fn parse(s: &str) -> Result<NaiveDate, String> {
    let t = s.trim();
    let parsed = NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%Y年%m月%d日"));
    match parsed {
        Ok(d) if (1900..=2999).contains(&d.year()) => Ok(d),
        _ => Err(t!("not-a-date", value = t)),
    }
}

/// A date as people type it into a form: 2024年12月20日, 2024-12-20, 2024.12.20 or 2024/12/20,
/// with full-width digits and stray spaces allowed.
pub(crate) fn parse_written(s: &str) -> Result<NaiveDate, String> {
    let t: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '年' | '月' | '.' | '/' | '－' | '．' | '／' => '-',
            '日' | '号' => ' ',
            c => c,
        })
        .collect();
    let t = t.trim();
    match NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        Ok(d) if (1900..=2999).contains(&d.year()) => Ok(d),
        _ => Err(t!("not-a-date", value = s.trim())),
    }
}

/// A date field of a user's file: `key` names it in the message, `at` is where its value is.
pub(crate) fn field(value: &str, key: &str, at: Location) -> Result<NaiveDate, Diagnostic> {
    parse(value).map_err(|m| {
        Diagnostic::error(at, t!("field-problem", key = key, problem = m))
            .with_help(t!("date-format-help"))
    })
}

/// 2020年4月29日: Arabic numerals, full year, no leading zeros (GB/T 9704 §7.3.5.4).
pub(crate) fn chinese(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let d = parse("2020-04-29").unwrap();
        assert_eq!(chinese(d), "2020年4月29日");
        assert_eq!(parse("2020年4月29日").unwrap(), d);
        for w in [
            "2020年4月29日",
            "2020-04-29",
            "2020.4.29",
            "２０２０年４月２９日",
            " 2020 / 4 / 29 ",
        ] {
            assert_eq!(parse_written(w).unwrap(), d, "{w}");
        }
        assert!(parse_written("四月二十九日").is_err());
        assert!(parse_written("").is_err());
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(parse("2020-02-30").is_err());
        assert!(parse("29.4.2020").is_err());
        assert!(parse("").is_err());
    }
}
