//! Every sentence the user reads comes from the Fluent catalogues in i18n/<language>/*.ftl,
//! embedded in the binary. Chinese by default (the users are Chinese offices); English when the
//! locale asks for it. Code names a message by its key with `t!("key", name = value)`.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The languages gongwen speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lang {
    Zh,
    En,
}

/// The catalogues of one language, split by area so each stays readable.
macro_rules! catalogue {
    ($lang:literal) => {
        &[
            include_str!(concat!("../i18n/", $lang, "/common.ftl")),
            include_str!(concat!("../i18n/", $lang, "/help.ftl")),
            include_str!(concat!("../i18n/", $lang, "/cli.ftl")),
            include_str!(concat!("../i18n/", $lang, "/load.ftl")),
            include_str!(concat!("../i18n/", $lang, "/check.ftl")),
            include_str!(concat!("../i18n/", $lang, "/proofread.ftl")),
            include_str!(concat!("../i18n/", $lang, "/output.ftl")),
            include_str!(concat!("../i18n/", $lang, "/sheet.ftl")),
            include_str!(concat!("../i18n/", $lang, "/docx.ftl")),
        ]
    };
}

const ZH: &[&str] = catalogue!("zh-CN");
const EN: &[&str] = catalogue!("en-US");

impl Lang {
    fn sources(self) -> &'static [&'static str] {
        match self {
            Lang::Zh => ZH,
            Lang::En => EN,
        }
    }

    fn tag(self) -> unic_langid::LanguageIdentifier {
        let tag = match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en-US",
        };
        tag.parse().expect("a valid language tag")
    }
}

/// The language of this run, chosen once. Unit tests always speak Chinese so a developer's own
/// locale never changes their results.
pub(crate) fn lang() -> Lang {
    static LANG: OnceLock<Lang> = OnceLock::new();
    *LANG.get_or_init(|| {
        if cfg!(test) {
            Lang::Zh
        } else {
            from_env(|k| std::env::var(k).ok())
        }
    })
}

/// POSIX order: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty decides.
/// `en…` is English; everything else (zh…, C, POSIX, none at all as on Windows, other languages)
/// is Chinese.
pub(crate) fn from_env(get: impl Fn(&str) -> Option<String>) -> Lang {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| get(k))
        .find(|v| !v.is_empty());
    match value {
        Some(v) if v.starts_with("en") => Lang::En,
        _ => Lang::Zh,
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static ZH_BUNDLE: OnceLock<Bundle> = OnceLock::new();
    static EN_BUNDLE: OnceLock<Bundle> = OnceLock::new();
    let cell = match lang {
        Lang::Zh => &ZH_BUNDLE,
        Lang::En => &EN_BUNDLE,
    };
    cell.get_or_init(|| {
        let mut b = FluentBundle::new_concurrent(vec![lang.tag()]);
        // No bidi isolation marks: they would reach terminals and test expectations as invisible
        // characters around every value.
        b.set_use_isolating(false);
        for src in lang.sources() {
            let res = FluentResource::try_new((*src).to_string())
                .expect("the embedded catalogues parse (checked by the tests)");
            b.add_resource(res)
                .expect("no key is defined twice (checked by the tests)");
        }
        b
    })
}

/// Whether the catalogue has `key` (for keys built from the command tree).
pub(crate) fn has(key: &str) -> bool {
    bundle(lang()).has_message(key)
}

/// The message `key` in this run's language with its variables filled in.
pub(crate) fn tr(key: &str, args: Option<&FluentArgs>) -> String {
    tr_in(lang(), key, args)
}

/// The message `key` in `lang`. A key missing from the catalogue (the tests make sure none is)
/// shows as itself rather than stopping the program.
pub(crate) fn tr_in(lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
    let b = bundle(lang);
    let Some(pattern) = b.get_message(key).and_then(|m| m.value()) else {
        return key.to_string();
    };
    let mut errors = Vec::new();
    b.format_pattern(pattern, args, &mut errors).into_owned()
}

/// A value for a message's variable: text or a number (numbers choose plural forms).
pub(crate) fn arg<'a>(v: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    v.into()
}

/// `t!("key")` or `t!("key", name = value, …)`: the message in this run's language. Keys are
/// literals so the tests can find every key the code uses.
macro_rules! t {
    ($key:literal) => {
        $crate::i18n::tr($key, None)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::arg($value)); )+
        $crate::i18n::tr($key, Some(&args))
    }};
}
pub(crate) use t;

#[cfg(test)]
pub(crate) mod tests;
