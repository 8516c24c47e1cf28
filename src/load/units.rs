//! content/units.yaml → the registry of units and groups.

use crate::i18n::t;
use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::limits;
use crate::load::fields::Fields;
use crate::load::{source, yaml};
use crate::model::{Group, Ref, Registry, Unit};
use crate::root::Root;
use crate::text::roles;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegistry {
    #[serde(default)]
    units: Vec<RawUnit>,
    #[serde(default)]
    groups: Vec<RawGroup>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnit {
    id: Spanned<String>,
    name: Spanned<String>,
    full_name: Option<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    id: Spanned<String>,
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    members: Vec<Spanned<String>>,
}

pub(crate) fn load(root: &Root, shown: &Path) -> Result<Registry, Diagnostics> {
    let text = source::read(root, shown, &t!("what-registry"), limits::YAML_BYTES)?;
    parse(&text, shown)
}

/// Claims ids, names and aliases, each for one unit or group.
struct Names<'f, 'a> {
    fields: &'f mut Fields<'a>,
    first_seen: BTreeMap<String, Location>,
}

impl Names<'_, '_> {
    fn claim(&mut self, reg: &mut Registry, key: &Spanned<String>, r: Ref) {
        let k = key.value.trim();
        let here = self.fields.at(key);
        if k.is_empty() {
            self.fields.error(
                Diagnostic::error(here, t!("registry-empty-name"))
                    .with_help(t!("registry-empty-name-help")),
            );
        } else if let Some(prev) = self.first_seen.get(k) {
            self.fields.error(
                Diagnostic::error(here, t!("registry-name-taken", name = k, line = prev.line))
                    .with_help(t!("registry-name-taken-help")),
            );
        } else {
            self.first_seen.insert(k.to_string(), here);
            reg.add_name(k, r);
        }
    }
}

pub(crate) fn parse(text: &str, shown: &Path) -> Result<Registry, Diagnostics> {
    let raw: RawRegistry = yaml::parse(text, shown, 1)?;
    let mut fields = Fields::new(shown, 1);
    let mut reg = Registry::default();
    let mut names = Names {
        fields: &mut fields,
        first_seen: BTreeMap::new(),
    };
    for u in &raw.units {
        let id = u.id.value.trim().to_string();
        names.claim(&mut reg, &u.id, Ref::Unit(id.clone()));
        if u.name.value.trim() != id {
            names.claim(&mut reg, &u.name, Ref::Unit(id.clone()));
        }
        for a in &u.aliases {
            names.claim(&mut reg, a, Ref::Unit(id.clone()));
        }
    }
    for g in &raw.groups {
        let id = g.id.value.trim().to_string();
        names.claim(&mut reg, &g.id, Ref::Group(id.clone()));
        names.claim(&mut reg, &g.name, Ref::Group(id.clone()));
        for a in &g.aliases {
            names.claim(&mut reg, a, Ref::Group(id.clone()));
        }
    }
    for u in &raw.units {
        // The name is printed in tables, chapter headings, signatures and titles.
        let name = fields.text(&u.name, roles::UNIT);
        reg.units.push(Unit {
            id: u.id.value.trim().to_string(),
            id_at: fields.at(&u.id),
            name,
            full_name: u.full_name.clone(),
            aliases: u
                .aliases
                .iter()
                .map(|a| a.value.trim().to_string())
                .collect(),
        });
    }
    for g in &raw.groups {
        let members = g
            .members
            .iter()
            .filter_map(|m| member(&reg, &mut fields, m))
            .collect();
        reg.groups.push(Group {
            id: g.id.value.trim().to_string(),
            name: g.name.value.trim().to_string(),
            members,
        });
    }
    reg.printed = fields.finish()?;
    Ok(reg)
}

/// A group member: the id of a unit.
fn member(reg: &Registry, fields: &mut Fields, m: &Spanned<String>) -> Option<String> {
    let err = |msg: String, help: String| Diagnostic::error(fields.at(m), msg).with_help(help);
    let d = match reg.resolve(&m.value) {
        Ok(Ref::Unit(id)) => return Some(id),
        Ok(Ref::Group(_)) => err(
            t!("registry-member-is-group", name = m.value.trim()),
            t!("registry-member-is-group-help"),
        ),
        Err(help) => err(t!("unit-unknown", name = m.value.trim()), help),
    };
    fields.error(d);
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const REG: &str = "units:\n  - id: fgw\n    name: 区发展改革委\n    aliases: [区发展和改革委]\n  - id: jtj\n    name: 区交通局\ngroups:\n  - id: all\n    name: 各区级部门\n    members: [fgw, 区交通局]\n";

    #[test]
    fn resolves_ids_names_aliases_and_groups() {
        let r = parse(REG, Path::new("u.yaml")).unwrap();
        assert_eq!(r.resolve("fgw"), Ok(Ref::Unit("fgw".into())));
        assert_eq!(r.resolve("区发展和改革委"), Ok(Ref::Unit("fgw".into())));
        assert_eq!(r.resolve(" 区交通局 "), Ok(Ref::Unit("jtj".into())));
        assert_eq!(r.resolve("各区级部门"), Ok(Ref::Group("all".into())));
        assert_eq!(r.expand(&Ref::Group("all".into())).len(), 2);
        assert_eq!(
            r.resolve("区交通"),
            Err("是否要写 `区交通局`？（单位和分组列在 content/units.yaml 中）".into())
        );
    }

    #[test]
    fn unit_names_are_recorded_as_printed_text() {
        let r = parse(REG, Path::new("u.yaml")).unwrap();
        let names: Vec<_> = r
            .printed
            .iter()
            .map(|t| (t.text.as_str(), t.location.line, t.location.column))
            .collect();
        assert_eq!(names, [("区发展改革委", 3, 11), ("区交通局", 6, 11)]);
    }

    #[test]
    fn duplicates_are_errors() {
        let y = "units:\n  - id: a\n    name: 甲\n  - id: b\n    name: 甲\n";
        let e = parse(y, Path::new("u.yaml")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "u.yaml:5:11: 错误: `甲` 已在第 3 行使用\n  提示: 每个编号、名称和简称只能指一个单位或分组"
        );
    }

    #[test]
    fn unknown_member_is_an_error() {
        let y = "units:\n  - id: a\n    name: 甲局\ngroups:\n  - id: g\n    name: 各局\n    members: [甲]\n";
        let e = parse(y, Path::new("u.yaml")).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("u.yaml:7:15: 错误: 未知单位 `甲`"),
            "{e}"
        );
    }
}
