//! Names that must agree inside a document: the organ in its 发文机关标志, title, 署名 and 版记;
//! the 附件说明 and the attachment's own title; and units written one character off the
//! registry's names.

use crate::i18n::t;
use std::collections::HashMap;

use crate::check::proofread::catalog::{Hit, Rule};
use crate::model::{AttachmentKind, Format, Notice, Registry};
use crate::text::is_ideograph;

/// The organ part of a name: without the 文件 of a 发文机关标志, with the usual short endings.
fn organ_key(name: &str) -> Vec<char> {
    let n: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    let n = n.strip_suffix("文件").unwrap_or(&n);
    let n = n
        .strip_suffix("委员会")
        .map(|s| format!("{s}委"))
        .or_else(|| n.strip_suffix("办公室").map(|s| format!("{s}办")))
        .unwrap_or_else(|| n.to_string());
    n.chars().collect()
}

fn common_subsequence(a: &[char], b: &[char]) -> usize {
    let mut row = vec![0; b.len() + 1];
    for x in a {
        let mut diag = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[b.len()]
}

/// Whether two names name one organ: one within the other (a short name, or one organ of a joint
/// 发文机关标志), or the same kind of organ (the last character) with most of the shorter name
/// in the longer, in order (重庆市沙坪坝区…领导小组办公室 / 沙坪坝区…工作领导小组办公室).
pub(crate) fn same_organ(a: &str, b: &str) -> bool {
    let (a, b) = (organ_key(a), organ_key(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if short.is_empty() || long.windows(short.len()).any(|w| w == short.as_slice()) {
        return true;
    }
    short.last() == long.last() && common_subsequence(short, long) * 5 >= short.len() * 4
}

/// A finding about a whole field of a notice: the front-matter key it is at.
pub(crate) struct FieldHit {
    pub(crate) key: &'static str,
    pub(crate) hit: Hit,
}

/// The organ in the title (before 关于), the 署名 and the 印发机关 against the 发文机关标志 (for
/// joint issuing, against any of its names or all of them together). A 命令 is signed by a person
/// and a 纪要 not at all, so their 署名 is not an organ's.
pub(crate) fn organ(notice: &Notice) -> Vec<FieldHit> {
    let marks = &notice.mark;
    let mark = marks.join("、");
    let known = |name: &str| {
        marks.iter().any(|m| same_organ(name, m))
            || same_organ(name, &marks.concat())
            || same_organ(name, &mark)
    };
    let title_organ = notice.title.split_once("关于").map(|(o, _)| o.trim());
    let signed_by_organs = matches!(notice.format, Format::File | Format::Letter);
    let mut fields = vec![("title", t!("pr-what-title"), title_organ)];
    if signed_by_organs {
        fields.extend(
            notice
                .signers
                .iter()
                .map(|s| ("signer", t!("pr-what-signature"), Some(s.as_str()))),
        );
    }
    fields.push((
        "printed_by",
        t!("pr-what-printed-by"),
        notice.printed_by.as_deref(),
    ));
    fields
        .into_iter()
        .filter_map(|(key, what, name)| {
            let name = name.filter(|n| !n.is_empty())?;
            (!known(name)).then(|| FieldHit {
                key,
                hit: Hit::new(
                    Rule::OrganName,
                    0..0,
                    t!(
                        "pr-organ-other",
                        what = what,
                        name = name,
                        mark = mark.as_str()
                    ),
                    t!("pr-organ-other-help"),
                ),
            })
        })
        .collect()
}

/// The 附件说明 names an attachment otherwise than its own title does: (attachment index, hit).
pub(crate) fn attachment_titles(notice: &Notice) -> Vec<(usize, Hit)> {
    notice
        .attachments
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let title = match &a.kind {
                AttachmentKind::Tasks(t) => t.title.as_str(),
                AttachmentKind::Document(d) => d.title.as_str(),
            };
            (a.name.trim() != title.trim()).then(|| {
                (
                    i,
                    Hit::new(
                        Rule::AttachmentTitle,
                        0..0,
                        t!("pr-attachment-title", name = a.name.as_str(), title = title),
                        t!("pr-attachment-title-help"),
                    ),
                )
            })
        })
        .collect()
}

/// The registry's names, indexed by their first and last two characters to find near misses fast.
pub(crate) struct UnitNames {
    names: Vec<Vec<char>>,
    known: std::collections::HashSet<String>,
    by_head: HashMap<(char, char), Vec<usize>>,
    by_tail: HashMap<(char, char), Vec<usize>>,
}

/// Names shorter than this are too short to tell a slip from another word.
const MIN_NAME: usize = 4;

impl UnitNames {
    pub(crate) fn new(registry: &Registry) -> Self {
        let all = registry
            .units
            .iter()
            .flat_map(|u| {
                std::iter::once(&u.name)
                    .chain(u.full_name.iter())
                    .chain(u.aliases.iter())
            })
            .chain(registry.groups.iter().map(|g| &g.name));
        UnitNames::from_names(all.map(String::as_str))
    }

    pub(crate) fn from_names<'a>(all: impl Iterator<Item = &'a str>) -> Self {
        let mut names = UnitNames {
            names: Vec::new(),
            known: Default::default(),
            by_head: HashMap::new(),
            by_tail: HashMap::new(),
        };
        for n in all {
            names.known.insert(n.to_string());
            let chars: Vec<char> = n.chars().collect();
            if chars.len() < MIN_NAME {
                continue;
            }
            let i = names.names.len();
            names
                .by_head
                .entry((chars[0], chars[1]))
                .or_default()
                .push(i);
            let l = chars.len();
            names
                .by_tail
                .entry((chars[l - 2], chars[l - 1]))
                .or_default()
                .push(i);
            names.names.push(chars);
        }
        names
    }

    /// Units written one character off a registry name: 区市场监督局 for 区市场监管局. Only inside
    /// the name: the first character differs for another level (市交通局 is the city's bureau),
    /// the last for another kind of organ or a longer word (区政府办 / 区政府督查办); and a
    /// text that is itself a registry name is right.
    pub(crate) fn check(&self, text: &str, out: &mut Vec<Hit>) {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut seen = std::collections::HashSet::new();
        for i in 0..chars.len().saturating_sub(1) {
            let pair = (chars[i].1, chars[i + 1].1);
            let heads = self
                .by_head
                .get(&pair)
                .into_iter()
                .flatten()
                .map(|&n| (n, i));
            let tails = self
                .by_tail
                .get(&pair)
                .into_iter()
                .flatten()
                .filter_map(|&n| {
                    (i + 2)
                        .checked_sub(self.names[n].len())
                        .map(|start| (n, start))
                });
            for (n, start) in heads.chain(tails) {
                if seen.contains(&start) {
                    continue;
                }
                if let Some(hit) = self.near(text, &chars, n, start) {
                    seen.insert(start);
                    out.push(hit);
                }
            }
        }
    }

    fn near(&self, text: &str, chars: &[(usize, char)], n: usize, start: usize) -> Option<Hit> {
        let name = &self.names[n];
        let window = chars.get(start..start + name.len())?;
        let mut diff = window
            .iter()
            .zip(name)
            .enumerate()
            .filter(|(_, (w, c))| w.1 != **c);
        let (p, (w, _)) = diff.next()?;
        if diff.next().is_some() || p == 0 || p + 1 == name.len() || !is_ideograph(w.1) {
            return None;
        }
        let end = chars.get(start + name.len()).map_or(text.len(), |c| c.0);
        let written = &text[window[0].0..end];
        if self.known.contains(written) {
            return None;
        }
        let right: String = name.iter().collect();
        Some(
            Hit::new(
                Rule::UnitName,
                window[0].0..end,
                t!("pr-unit-typo", written = written, right = right.as_str()),
                t!(
                    "pr-unit-typo-help",
                    written = written,
                    right = right.as_str()
                ),
            )
            .fix(right),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_and_short_names_of_one_organ() {
        assert!(same_organ(
            "重庆市沙坪坝区优化营商环境领导小组办公室",
            "沙坪坝区优化营商环境工作领导小组办公室"
        ));
        assert!(same_organ("区发展改革委", "重庆市沙坪坝区发展和改革委员会"));
        assert!(same_organ(
            "某某区人民政府办公室",
            "某某省某某市某某区人民政府办公室某某工作领导小组办公室文件"
        ));
        assert!(same_organ("区政府办", "区政府办公室"));
    }

    #[test]
    fn different_organs() {
        assert!(!same_organ("某某区人民政府办公室", "某某区财政局"));
        assert!(!same_organ("某某区财政局", "某某区商务局办公室"));
        assert!(!same_organ(
            "沙坪坝区优化营商环境工作领导小组办公室",
            "九龙坡区人民政府办公室"
        ));
    }

    fn units(text: &str) -> Vec<(String, Option<String>)> {
        let names = UnitNames::from_names(
            [
                "区市场监管局",
                "区交通局",
                "区交通委",
                "各区级部门",
                "区属媒体",
                "区委",
            ]
            .into_iter(),
        );
        let mut out = Vec::new();
        names.check(text, &mut out);
        out.into_iter()
            .map(|h| (text[h.span].to_string(), h.fix))
            .collect()
    }

    #[test]
    fn a_unit_one_character_off() {
        assert_eq!(
            units("由区市场监督局牵头"),
            [("区市场监督局".to_string(), Some("区市场监管局".to_string()))]
        );
        assert_eq!(units("区市汤监管局").len(), 1);
    }

    #[test]
    fn other_levels_known_names_and_short_names_are_not_slips() {
        for s in [
            "区市场监管局、区交通委、区交通局",
            "市属媒体和市交通局",
            "推进区级部门之间",
            "区交通司配合，区市场监管局长",
            "区委、区政府",
        ] {
            assert_eq!(units(s), [], "{s}");
        }
    }
}
