//! The catalogues are complete (every message in both languages, with the same variables), every
//! key is used by the code and every key the code uses exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::*;

/// Message id → the variables its value uses, for one language's catalogues.
pub(crate) fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for src in lang.sources() {
        let res = fluent_syntax::parser::parse(*src)
            .unwrap_or_else(|(_, errors)| panic!("{lang:?} catalogue does not parse: {errors:?}"));
        for entry in res.body {
            match entry {
                Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    let value = m.value.as_ref();
                    assert!(value.is_some(), "{lang:?}: `{}` has no text", m.id.name);
                    value.into_iter().for_each(|p| pattern_vars(p, &mut vars));
                    let id = m.id.name.to_string();
                    assert!(
                        out.insert(id.clone(), vars).is_none(),
                        "{lang:?}: `{id}` twice"
                    );
                }
                Entry::Junk { content } => panic!("{lang:?}: unreadable entry {content}"),
                _ => {}
            }
        }
    }
    out
}

fn pattern_vars(p: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            variants.iter().for_each(|v| pattern_vars(&v.value, vars));
        }
        Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(e: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        InlineExpression::FunctionReference { arguments, .. } => {
            arguments
                .positional
                .iter()
                .for_each(|a| inline_vars(a, vars));
            arguments
                .named
                .iter()
                .for_each(|a| inline_vars(&a.value, vars));
        }
        _ => {}
    }
}

#[test]
fn both_catalogues_have_the_same_messages_with_the_same_variables() {
    let zh = messages(Lang::Zh);
    let en = messages(Lang::En);
    let only = |a: &BTreeMap<_, _>, b: &BTreeMap<String, _>| -> Vec<String> {
        a.keys().filter(|k| !b.contains_key(*k)).cloned().collect()
    };
    assert_eq!(only(&zh, &en), Vec::<String>::new(), "only in zh-CN");
    assert_eq!(only(&en, &zh), Vec::<String>::new(), "only in en-US");
    let differ: Vec<_> = zh
        .iter()
        .filter(|(k, v)| en.get(*k).is_some_and(|e| e != *v))
        .map(|(k, v)| format!("{k}: zh {v:?}, en {:?}", en[k]))
        .collect();
    assert_eq!(differ, Vec::<String>::new(), "variables differ");
}

/// Every `t!("key"` literal in the source.
pub(crate) fn keys_in_source() -> BTreeSet<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut keys = BTreeSet::new();
    for e in walkdir::WalkDir::new(src)
        .into_iter()
        .filter_map(Result::ok)
    {
        let own =
            e.path().ends_with("i18n.rs") || e.path().components().any(|c| c.as_os_str() == "i18n");
        if e.path().extension().is_none_or(|x| x != "rs") || own {
            continue;
        }
        let text = std::fs::read_to_string(e.path()).unwrap();
        for (i, _) in text.match_indices("t!(") {
            // `t!(`, not the end of `format!(`.
            let before = text[..i].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = text[i + 3..].trim_start();
            if let Some(rest) = rest.strip_prefix('"') {
                keys.insert(rest[..rest.find('"').unwrap()].to_string());
            }
        }
    }
    keys
}

#[test]
fn the_locale_follows_posix_order_and_defaults_to_chinese() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(from_env(env(&[])), Lang::Zh);
    assert_eq!(from_env(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
    assert_eq!(from_env(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
    assert_eq!(from_env(env(&[("LANG", "C")])), Lang::Zh);
    assert_eq!(from_env(env(&[("LANG", "POSIX")])), Lang::Zh);
    assert_eq!(from_env(env(&[("LANG", "de_DE.UTF-8")])), Lang::Zh);
    assert_eq!(
        from_env(env(&[("LC_ALL", ""), ("LANG", "en_GB.UTF-8")])),
        Lang::En
    );
    assert_eq!(
        from_env(env(&[("LC_MESSAGES", "zh_TW"), ("LANG", "en_US")])),
        Lang::Zh
    );
    assert_eq!(
        from_env(env(&[("LC_ALL", "en_US"), ("LC_MESSAGES", "zh_CN")])),
        Lang::En
    );
}

#[test]
fn plurals_in_english_none_in_chinese_and_no_isolation_marks() {
    let mut one = FluentArgs::new();
    one.set("pages", 1);
    one.set("path", "a.pdf");
    let mut three = FluentArgs::new();
    three.set("pages", 3);
    three.set("path", "a.pdf");
    assert_eq!(
        tr_in(Lang::En, "wrote-pages", Some(&one)),
        "wrote a.pdf (1 page)"
    );
    assert_eq!(
        tr_in(Lang::En, "wrote-pages", Some(&three)),
        "wrote a.pdf (3 pages)"
    );
    assert_eq!(
        tr_in(Lang::Zh, "wrote-pages", Some(&three)),
        "已写出 a.pdf（3 页）"
    );
}
