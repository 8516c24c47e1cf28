//! Numbers as official documents write them: 一、 （一） 1. （1） headings and Chinese numerals.

const CN_DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五.
pub(crate) fn chinese_number(n: usize) -> String {
    match n {
        0..=9 => CN_DIGITS[n].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { CN_DIGITS[n - 10] }),
        20..=99 => format!(
            "{}十{}",
            CN_DIGITS[n / 10],
            if n.is_multiple_of(10) {
                ""
            } else {
                CN_DIGITS[n % 10]
            }
        ),
        100..=999 => {
            let rest = n % 100;
            let tail = match rest {
                0 => String::new(),
                1..=9 => format!("零{}", CN_DIGITS[rest]),
                10..=19 => format!("一{}", chinese_number(rest)),
                _ => chinese_number(rest),
            };
            format!("{}百{}", CN_DIGITS[n / 100], tail)
        }
        _ => n.to_string(),
    }
}

/// The number of the `n`th heading of a level (1-based): 一、 （一） 1. （1）(GB/T 9704 §7.3.3).
pub(crate) fn heading_number(level: u8, n: usize) -> String {
    match level {
        1 => format!("{}、", chinese_number(n)),
        2 => format!("（{}）", chinese_number(n)),
        3 => format!("{n}."),
        _ => format!("（{n}）"),
    }
}

/// Does the heading already carry a number of its own (一、 （一） 1. （1） 第一章 …)?
pub(crate) fn has_own_number(text: &str) -> bool {
    let t = text.trim_start();
    let cn = |c: char| "零一二三四五六七八九十百".contains(c);
    let mut chars = t.chars();
    match chars.next() {
        Some('（') | Some('(') => {
            let inner: String = chars.take_while(|c| *c != '）' && *c != ')').collect();
            !inner.is_empty()
                && (inner.chars().all(cn) || inner.chars().all(|c| c.is_ascii_digit()))
        }
        Some('第') => true,
        Some(c) if cn(c) => t.chars().find(|c| !cn(*c)) == Some('、'),
        Some(c) if c.is_ascii_digit() => {
            matches!(
                t.chars().find(|c| !c.is_ascii_digit()),
                Some('.') | Some('．') | Some('、')
            )
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbers() {
        assert_eq!(chinese_number(1), "一");
        assert_eq!(chinese_number(10), "十");
        assert_eq!(chinese_number(14), "十四");
        assert_eq!(chinese_number(30), "三十");
        assert_eq!(chinese_number(99), "九十九");
        assert_eq!(chinese_number(105), "一百零五");
        assert_eq!(chinese_number(110), "一百一十");
    }

    #[test]
    fn heading_numbers_per_level() {
        assert_eq!(heading_number(1, 3), "三、");
        assert_eq!(heading_number(2, 2), "（二）");
        assert_eq!(heading_number(3, 4), "4.");
        assert_eq!(heading_number(4, 1), "（1）");
    }

    #[test]
    fn own_numbers() {
        assert!(has_own_number("三、自带编号"));
        assert!(has_own_number("（二）甲"));
        assert!(has_own_number("12. 甲"));
        assert!(!has_own_number("一体化推进"));
        assert!(!has_own_number("2020年工作"));
    }
}
