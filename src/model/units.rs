//! The registry of units and unit groups (content/units.yaml) that tasks and submissions name.

use crate::i18n::t;
use std::collections::{BTreeMap, BTreeSet};

use crate::diag::{Location, did_you_mean};
use crate::paths;
use crate::text::SourceText;

#[derive(Debug, Clone)]
pub(crate) struct Unit {
    pub(crate) id: String,
    /// Where the id is written (it names the unit's page and summary file).
    pub(crate) id_at: Location,
    pub(crate) name: String,
    pub(crate) full_name: Option<String>,
    pub(crate) aliases: Vec<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub(crate) id: String,
    pub(crate) name: String,
    /// Unit ids.
    pub(crate) members: Vec<String>,
}

/// What a name in a task table or submission stands for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Ref {
    Unit(String),
    Group(String),
}

/// The units and groups, and every id, name and alias that names one of them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Registry {
    pub(crate) units: Vec<Unit>,
    pub(crate) groups: Vec<Group>,
    index: BTreeMap<String, Ref>,
    /// The names as they will be printed, for the checks.
    pub(crate) printed: Vec<SourceText>,
}

impl Registry {
    /// Makes `name` (trimmed) stand for `r`; false when it already names something.
    pub(crate) fn add_name(&mut self, name: &str, r: Ref) -> bool {
        let k = name.trim();
        if self.index.contains_key(k) {
            return false;
        }
        self.index.insert(k.to_string(), r);
        true
    }

    /// What `name` (an id, name or alias) stands for, if anything.
    pub(crate) fn lookup(&self, name: &str) -> Option<&Ref> {
        self.index.get(name.trim())
    }

    /// The most pieces any id, name or alias has when cut at 、 (各行业协会、商会主管部门: 2).
    pub(crate) fn most_parts(&self) -> usize {
        self.index
            .keys()
            .map(|k| k.matches('、').count() + 1)
            .max()
            .unwrap_or(1)
    }

    /// What `name` (an id, name or alias) stands for; on failure, a "did you mean" help text.
    pub(crate) fn resolve(&self, name: &str) -> Result<Ref, String> {
        let n = name.trim();
        if let Some(r) = self.index.get(n) {
            return Ok(r.clone());
        }
        match did_you_mean(n, self.index.keys().map(String::as_str)) {
            Some(s) => Err(t!("unit-did-you-mean", name = s, file = paths::UNITS)),
            None => Err(t!("unit-add-it", file = paths::UNITS)),
        }
    }

    /// The id of the one unit `name` names; a group or an unknown name is an error given as
    /// (message, help) for the caller to place.
    pub(crate) fn resolve_unit(&self, name: &str) -> Result<String, (String, String)> {
        match self.resolve(name) {
            Ok(Ref::Unit(id)) => Ok(id),
            Ok(Ref::Group(_)) => Err((
                t!("unit-is-group", name = name.trim()),
                t!("unit-is-group-help"),
            )),
            Err(help) => Err((t!("unit-unknown", name = name.trim()), help)),
        }
    }

    pub(crate) fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    pub(crate) fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// A unit's printed name (its id if it is unknown).
    pub(crate) fn unit_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.unit(id).map_or(id, |u| u.name.as_str())
    }

    /// The registry's own name of a unit or group, as every output prints it; and its id.
    pub(crate) fn ref_name<'a>(&'a self, r: &'a Ref) -> (&'a str, &'a str) {
        match r {
            Ref::Unit(id) => (self.unit_name(id), id),
            Ref::Group(id) => (self.group(id).map_or(id.as_str(), |g| g.name.as_str()), id),
        }
    }

    /// Every name a unit goes by: its name, full name and aliases.
    pub(crate) fn names_of(&self, id: &str) -> Vec<&str> {
        self.unit(id).map_or_else(Vec::new, |u| {
            std::iter::once(u.name.as_str())
                .chain(u.full_name.as_deref())
                .chain(u.aliases.iter().map(String::as_str))
                .collect()
        })
    }

    /// The units a reference stands for: itself, or a group's members.
    pub(crate) fn expand(&self, r: &Ref) -> BTreeSet<String> {
        match r {
            Ref::Unit(id) => BTreeSet::from([id.clone()]),
            Ref::Group(id) => self
                .group(id)
                .map(|g| g.members.iter().cloned().collect())
                .unwrap_or_default(),
        }
    }

    /// Whether a reference stands for `unit` (is it, or a group it belongs to), without
    /// building the set `expand` gives: asked for every task and every unit.
    pub(crate) fn covers(&self, r: &Ref, unit: &str) -> bool {
        match r {
            Ref::Unit(id) => id == unit,
            Ref::Group(id) => self
                .group(id)
                .is_some_and(|g| g.members.iter().any(|m| m == unit)),
        }
    }

    /// The groups a unit belongs to.
    pub(crate) fn groups_of(&self, unit: &str) -> Vec<&Group> {
        self.groups
            .iter()
            .filter(|g| g.members.iter().any(|m| m == unit))
            .collect()
    }

    /// Registry order of the units, so reports read like the office's own list.
    pub(crate) fn order(&self) -> BTreeMap<&str, usize> {
        self.units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id.as_str(), i))
            .collect()
    }
}
