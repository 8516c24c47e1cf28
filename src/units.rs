//! content/units.yaml: the registry of units and unit groups that tasks and submissions name.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diag::{Diagnostic, Diagnostics, Location, did_you_mean};
use crate::yaml;

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

#[derive(Debug, Clone)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub full_name: Option<String>,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Group {
    pub id: String,
    pub name: String,
    /// Unit ids.
    pub members: Vec<String>,
}

/// What a name in a task table or submission stands for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Ref {
    Unit(String),
    Group(String),
}

#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub units: Vec<Unit>,
    pub groups: Vec<Group>,
    /// Every id, name and alias → what it names.
    index: BTreeMap<String, Ref>,
}

impl Registry {
    pub fn load(path: &Path, shown: &Path) -> Result<Registry, Diagnostics> {
        let text = crate::diag::read_source(path, shown, "the unit registry")?;
        Registry::parse(&text, shown)
    }

    pub fn parse(text: &str, shown: &Path) -> Result<Registry, Diagnostics> {
        let raw: RawRegistry = yaml::parse(text, shown, 1)?;
        let loc = |s: &serde_saphyr::Location| yaml::location(shown, 1, s);
        let mut reg = Registry::default();
        let mut errors = Diagnostics::default();
        let mut first_seen: BTreeMap<String, Location> = BTreeMap::new();
        let mut claim = |key: &Spanned<String>,
                         r: Ref,
                         reg: &mut Registry,
                         errors: &mut Diagnostics| {
            let k = key.value.trim().to_string();
            let here = loc(&key.referenced);
            if k.is_empty() {
                errors.push(
                    Diagnostic::error(here, "empty id, name or alias")
                        .with_help("remove it or fill it in"),
                );
                return;
            }
            if let Some(prev) = first_seen.get(&k) {
                errors.push(
                    Diagnostic::error(here, format!("`{k}` is already used at line {}", prev.line))
                        .with_help("ids, names and aliases must each name one unit or group"),
                );
                return;
            }
            first_seen.insert(k.clone(), here);
            reg.index.insert(k, r);
        };
        for u in &raw.units {
            let id = u.id.value.trim().to_string();
            claim(&u.id, Ref::Unit(id.clone()), &mut reg, &mut errors);
            if u.name.value.trim() != id {
                claim(&u.name, Ref::Unit(id.clone()), &mut reg, &mut errors);
            }
            for a in &u.aliases {
                claim(a, Ref::Unit(id.clone()), &mut reg, &mut errors);
            }
            reg.units.push(Unit {
                id,
                name: u.name.value.trim().to_string(),
                full_name: u.full_name.clone(),
                aliases: u
                    .aliases
                    .iter()
                    .map(|a| a.value.trim().to_string())
                    .collect(),
            });
        }
        for g in &raw.groups {
            let id = g.id.value.trim().to_string();
            claim(&g.id, Ref::Group(id.clone()), &mut reg, &mut errors);
            claim(&g.name, Ref::Group(id.clone()), &mut reg, &mut errors);
            for a in &g.aliases {
                claim(a, Ref::Group(id.clone()), &mut reg, &mut errors);
            }
        }
        for g in &raw.groups {
            let mut members = Vec::new();
            for m in &g.members {
                match reg.resolve(&m.value) {
                    Ok(Ref::Unit(id)) => members.push(id),
                    Ok(Ref::Group(_)) => errors.push(
                        Diagnostic::error(
                            loc(&m.referenced),
                            format!("group member `{}` is a group", m.value.trim()),
                        )
                        .with_help("list the units themselves"),
                    ),
                    Err(help) => errors.push(
                        Diagnostic::error(
                            loc(&m.referenced),
                            format!("unknown unit `{}`", m.value.trim()),
                        )
                        .with_help(help),
                    ),
                }
            }
            reg.groups.push(Group {
                id: g.id.value.trim().to_string(),
                name: g.name.value.trim().to_string(),
                members,
            });
        }
        if errors.has_errors() {
            return Err(errors);
        }
        Ok(reg)
    }

    /// What `name` (an id, name or alias) stands for; on failure, a "did you mean" help text.
    pub fn resolve(&self, name: &str) -> Result<Ref, String> {
        let n = name.trim();
        if let Some(r) = self.index.get(n) {
            return Ok(r.clone());
        }
        match did_you_mean(n, self.index.keys().map(String::as_str)) {
            Some(s) => Err(format!(
                "did you mean `{s}`? (units and groups are listed in content/units.yaml)"
            )),
            None => {
                Err("add it to content/units.yaml, or use a name or alias listed there".to_string())
            }
        }
    }

    /// The id of the one unit `name` names; a group or an unknown name is an error given as
    /// (message, help) for the caller to place.
    pub fn resolve_unit(&self, name: &str) -> Result<String, (String, String)> {
        match self.resolve(name) {
            Ok(Ref::Unit(id)) => Ok(id),
            Ok(Ref::Group(_)) => Err((
                format!("`{}` is a group, not a unit", name.trim()),
                "name one unit; a group stands for several".to_string(),
            )),
            Err(help) => Err((format!("unknown unit `{}`", name.trim()), help)),
        }
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The display name of a reference.
    pub fn name_of<'a>(&'a self, r: &'a Ref) -> &'a str {
        match r {
            Ref::Unit(id) => self.unit(id).map_or(id.as_str(), |u| u.name.as_str()),
            Ref::Group(id) => self.group(id).map_or(id.as_str(), |g| g.name.as_str()),
        }
    }

    /// The units a reference stands for: itself, or a group's members.
    pub fn expand(&self, r: &Ref) -> BTreeSet<String> {
        match r {
            Ref::Unit(id) => BTreeSet::from([id.clone()]),
            Ref::Group(id) => self
                .group(id)
                .map(|g| g.members.iter().cloned().collect())
                .unwrap_or_default(),
        }
    }

    /// The groups a unit belongs to.
    pub fn groups_of(&self, unit: &str) -> Vec<&Group> {
        self.groups
            .iter()
            .filter(|g| g.members.iter().any(|m| m == unit))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REG: &str = "units:\n  - id: fgw\n    name: 区发展改革委\n    aliases: [区发展和改革委]\n  - id: jtj\n    name: 区交通局\ngroups:\n  - id: all\n    name: 各区级部门\n    members: [fgw, 区交通局]\n";

    #[test]
    fn resolves_ids_names_aliases_and_groups() {
        let r = Registry::parse(REG, Path::new("u.yaml")).unwrap();
        assert_eq!(r.resolve("fgw"), Ok(Ref::Unit("fgw".into())));
        assert_eq!(r.resolve("区发展和改革委"), Ok(Ref::Unit("fgw".into())));
        assert_eq!(r.resolve(" 区交通局 "), Ok(Ref::Unit("jtj".into())));
        assert_eq!(r.resolve("各区级部门"), Ok(Ref::Group("all".into())));
        assert_eq!(r.expand(&Ref::Group("all".into())).len(), 2);
        assert_eq!(
            r.resolve("区交通"),
            Err(
                "did you mean `区交通局`? (units and groups are listed in content/units.yaml)"
                    .into()
            )
        );
    }

    #[test]
    fn duplicates_are_errors() {
        let y = "units:\n  - id: a\n    name: 甲\n  - id: b\n    name: 甲\n";
        let e = Registry::parse(y, Path::new("u.yaml")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "u.yaml:5:11: error: `甲` is already used at line 3\n  help: ids, names and aliases must each name one unit or group"
        );
    }

    #[test]
    fn unknown_member_is_an_error() {
        let y = "units:\n  - id: a\n    name: 甲局\ngroups:\n  - id: g\n    name: 各局\n    members: [甲]\n";
        let e = Registry::parse(y, Path::new("u.yaml")).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("u.yaml:7:15: error: unknown unit `甲`"),
            "{e}"
        );
    }
}
