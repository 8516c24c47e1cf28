//! The code's shape, checked: the modules of src/ depend on each other in one direction only,
//! and the site backend does not reach into the PDF backend.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::common::repo;

/// Top-level module → the top-level modules its files name as `crate::x`.
fn dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let src = repo().join("src");
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for e in walkdir::WalkDir::new(&src)
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = e.path();
        if path.extension().is_none_or(|x| x != "rs") {
            continue;
        }
        let rel = path.strip_prefix(&src).unwrap();
        let module = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if module == "lib" || module == "main" {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        let entry = deps.entry(module.clone()).or_default();
        for (i, _) in text.match_indices("crate::") {
            let name: String = text[i + 7..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && name != module {
                entry.insert(name);
            }
        }
        // `use crate::{a, b}` names several.
        for (i, _) in text.match_indices("crate::{") {
            let inner = &text[i + 8..];
            let inner = &inner[..inner.find('}').unwrap_or(0)];
            for part in inner.split(',') {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && name != module {
                    entry.insert(name);
                }
            }
        }
    }
    deps
}

/// A cycle through `start`, if there is one.
fn cycle(deps: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    fn walk(
        deps: &BTreeMap<String, BTreeSet<String>>,
        node: &str,
        start: &str,
        path: &mut Vec<String>,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        for next in deps.get(node).into_iter().flatten() {
            if next == start {
                path.push(next.clone());
                return true;
            }
            if seen.insert(next.clone()) {
                path.push(next.clone());
                if walk(deps, next, start, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![start.to_string()];
    walk(deps, start, start, &mut path, &mut BTreeSet::new()).then_some(path)
}

#[test]
fn modules_depend_on_each_other_in_one_direction() {
    let deps = dependencies();
    assert!(deps.len() > 10, "modules found: {deps:?}");
    for m in deps.keys() {
        if let Some(c) = cycle(&deps, m) {
            panic!("module cycle: {}", c.join(" → "));
        }
    }
    assert!(
        !deps["site"].contains("pdf"),
        "the site backend must not import the PDF backend"
    );
    // The leaves everyone uses depend on nothing of ours (text names diag's Location only);
    // diag takes its labels (错误, 警告, 提示) from the catalogues.
    for leaf in ["i18n", "paths"] {
        assert!(deps[leaf].is_empty(), "{leaf} depends on {:?}", deps[leaf]);
    }
    let i18n_only: BTreeSet<String> = ["i18n".to_string()].into();
    assert!(
        deps["diag"].is_subset(&i18n_only),
        "diag depends on {:?}",
        deps["diag"]
    );
}

#[test]
fn the_cycle_check_finds_a_cycle() {
    let deps: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(cycle(&deps, "a").unwrap(), ["a", "b", "c", "a"]);
    assert_eq!(cycle(&deps, "d"), None);
    let _ = Path::new("");
}
