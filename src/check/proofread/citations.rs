//! Cited documents: 《title》（发文字号）. One document is cited with one number, and one number
//! stands for one title, across the whole project and against the project's own notices. (A
//! malformed number is `docno-form`'s, in numbers.rs.)

use crate::i18n::t;
use std::collections::HashMap;
use std::ops::Range;

use crate::check::proofread::catalog::{Hit, Rule};

/// A citation in a text: the title, the number as it would be written right, and where.
#[derive(Debug, PartialEq)]
pub(crate) struct Cited {
    pub(crate) title: String,
    pub(crate) number: String,
    pub(crate) span: Range<usize>,
}

/// A 发文字号 in its right form (〔year〕, no 第, no leading zero), if `s` is one in any form.
pub(crate) fn normal_number(s: &str) -> Option<String> {
    let s = s.trim();
    let open = s.find(|c| "〔[［【(（〈".contains(c))?;
    let code = &s[..open];
    let rest = &s[open..];
    let after_open = rest.chars().next()?.len_utf8();
    let year = rest.get(after_open..after_open + 4)?;
    let tail = rest.get(after_open + 4..)?;
    let close = tail
        .chars()
        .next()
        .filter(|c| "〕]］】)）〉".contains(*c))?;
    let seq = tail[close.len_utf8()..].strip_suffix('号')?;
    let seq = seq
        .strip_prefix('第')
        .unwrap_or(seq)
        .trim_start_matches('0');
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    (!code.is_empty() && digits(year) && digits(seq)).then(|| format!("{code}〔{year}〕{seq}号"))
}

/// The citations of a text: a title in 《》 directly followed by a number in （） or ().
pub(crate) fn cited(text: &str) -> Vec<Cited> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('《').map(|i| from + i) {
        let Some(close) = text[open..].find('》').map(|i| open + i) else {
            break;
        };
        from = close;
        let after = &text[close + '》'.len_utf8()..];
        let Some(paren) = after.chars().next().filter(|c| *c == '（' || *c == '(') else {
            continue;
        };
        let inner_start = close + '》'.len_utf8() + paren.len_utf8();
        let Some(end) = text[inner_start..]
            .find(['）', ')'])
            .map(|i| inner_start + i)
        else {
            continue;
        };
        if let Some(number) = normal_number(&text[inner_start..end]) {
            let end = end + text[end..].chars().next().map_or(0, char::len_utf8);
            out.push(Cited {
                title: text[open + '《'.len_utf8()..close].trim().to_string(),
                number,
                span: open..end,
            });
        }
    }
    out
}

/// Whether two titles name one document: the same, or one without the organ before 关于
/// (《关于甲的通知》 for 《某某区人民政府关于甲的通知》).
fn same_title(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || (short.starts_with("关于") && long.ends_with(short))
}

/// What the project says about each title and number so far, and where it said it first.
#[derive(Default)]
pub(crate) struct Register {
    by_title: HashMap<String, (String, String)>,
    by_number: HashMap<String, (String, String)>,
}

impl Register {
    /// A notice of the project: its own title and number, described by `source`.
    pub(crate) fn own(&mut self, title: &str, number: &str, source: String) {
        let number = normal_number(number).unwrap_or_else(|| number.to_string());
        self.note(title.trim(), &number, source);
    }

    fn note(&mut self, title: &str, number: &str, source: String) {
        self.by_title
            .entry(title.to_string())
            .or_insert_with(|| (number.to_string(), source.clone()));
        self.by_number
            .entry(number.to_string())
            .or_insert_with(|| (title.to_string(), source));
    }

    /// A citation at `source`: a hit when its title or number was given otherwise before.
    pub(crate) fn cite(&mut self, c: &Cited, source: String) -> Option<Hit> {
        let hit = if let Some((number, there)) =
            self.by_title.get(&c.title).filter(|(n, _)| *n != c.number)
        {
            Some(t!(
                "pr-cited-number",
                title = c.title.as_str(),
                number = c.number.as_str(),
                other = number.as_str(),
                there = there.as_str()
            ))
        } else if let Some((title, there)) = self
            .by_number
            .get(&c.number)
            .filter(|(t, _)| !same_title(t, &c.title))
        {
            Some(t!(
                "pr-cited-title",
                number = c.number.as_str(),
                title = c.title.as_str(),
                other = title.as_str(),
                there = there.as_str()
            ))
        } else {
            None
        };
        self.note(&c.title, &c.number, source);
        hit.map(|message| {
            Hit::new(
                Rule::CitationMismatch,
                c.span.clone(),
                message,
                t!("pr-cited-help"),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_and_their_numbers() {
        let t = "按照《关于“放管服”改革的通知》（渝府发[2020]05号）和《方案》精神，《办法》(国办发〔2019〕3号)";
        let c = cited(t);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].title, "关于“放管服”改革的通知");
        assert_eq!(c[0].number, "渝府发〔2020〕5号");
        assert_eq!(
            &t[c[0].span.clone()],
            "《关于“放管服”改革的通知》（渝府发[2020]05号）"
        );
        assert_eq!(c[1].number, "国办发〔2019〕3号");
        assert_eq!(cited("《通知》（试行）和《规定》（2020年）"), []);
    }

    #[test]
    fn one_title_one_number() {
        let mut r = Register::default();
        r.own(
            "某某区关于甲的通知",
            "某府办发〔2024〕7号",
            "the notice a.md".into(),
        );
        let cite = |r: &mut Register, s: &str| {
            let c = cited(s);
            r.cite(&c[0], "x".into()).map(|h| h.message)
        };
        assert_eq!(
            cite(&mut r, "《某某区关于甲的通知》（某府办发〔2024〕7号）"),
            None
        );
        assert_eq!(
            cite(&mut r, "《某某区关于甲的通知》（某府办发[2024]7号）"),
            None
        );
        assert_eq!(
            cite(&mut r, "《某某区关于甲的通知》（某府办发〔2024〕8号）").unwrap(),
            "《某某区关于甲的通知》在这里引作某府办发〔2024〕8号，但在 the notice a.md 中是某府办发〔2024〕7号"
        );
        assert!(
            cite(&mut r, "《某某区关于乙的通知》（某府办发〔2024〕7号）")
                .unwrap()
                .contains("但在 the notice a.md 中是《某某区关于甲的通知》")
        );
        assert_eq!(cite(&mut r, "《另一个通知》（某府办发〔2024〕9号）"), None);
        assert_eq!(
            cite(&mut r, "《关于甲的通知》（某府办发〔2024〕7号）"),
            None
        );
        assert!(cite(&mut r, "《甲的通知》（某府办发〔2024〕7号）").is_some());
    }
}
