//! Installed language packs. The widget downloads the pack of the visitor's language (pinned by
//! its hash in the loader) and installs it here before it renders in that language; native code
//! (tests, the batch scorer) has every pack built in.
//!
//! A pack is installed once per page and language and kept for the page's life, so the texts
//! can be handed out as `&'static str`, as they were when they were compiled in.

use std::sync::OnceLock;

use crate::json::{self, Value};
use crate::lang::{Lang, Text, EXTRA_LEN, PACK_LEN};

struct Pack {
    /// In the order of the build's keys: `Text(i)` is `texts[i]`.
    texts: Box<[&'static str; PACK_LEN]>,
}

static INSTALLED: [OnceLock<Pack>; Lang::ALL.len()] = [const { OnceLock::new() }; Lang::ALL.len()];

/// The extra packs: the wording only a clinic's choice needs (an instrument outside the default
/// configuration, a pre-treatment check), in `Text(PACK_LEN..)`.
static EXTRA: [OnceLock<Box<[&'static str; EXTRA_LEN]>>; Lang::ALL.len()] =
    [const { OnceLock::new() }; Lang::ALL.len()];

/// Reads a downloaded pack, core or extra (`"part":"extra"`), and installs it; returns its
/// language. Refuses a pack that is not this build's (a language it does not know, another number
/// of texts), so a stale or truncated file gives the loader's fallback message rather than blank
/// questions. That the texts are in
/// this build's order is guaranteed by the loader, which fetches only the pack whose hash the
/// build wrote into it.
pub fn install(text: &str) -> Result<Lang, String> {
    let refused = || String::from("the language pack is not one this build can read");
    let Ok(Value::Object(mut pack)) = json::parse(text) else {
        return Err(refused());
    };
    let lang = match pack.get("lang") {
        Some(Value::String(code)) => Lang::ALL.into_iter().find(|lang| lang.code() == code),
        _ => None,
    };
    // Moved out of the parsed tree, not copied: the texts are kept for the page's life.
    let texts: Option<Vec<&'static str>> = match pack.remove("texts") {
        Some(Value::Array(values)) => values
            .into_iter()
            .map(|value| match value {
                Value::String(text) => Some(&*Box::leak(text.into_boxed_str())),
                _ => None,
            })
            .collect(),
        _ => None,
    };
    let (Some(lang), Some(texts)) = (lang, texts) else {
        return Err(refused());
    };
    // A second install of the same language keeps the first: both came pinned to one hash.
    match pack.get("part") {
        None => {
            let texts: Box<[&'static str; PACK_LEN]> =
                texts.into_boxed_slice().try_into().map_err(|_| refused())?;
            let _ = INSTALLED[lang.index()].set(Pack { texts });
        }
        Some(Value::String(part)) if part == "extra" => {
            let texts: Box<[&'static str; EXTRA_LEN]> =
                texts.into_boxed_slice().try_into().map_err(|_| refused())?;
            let _ = EXTRA[lang.index()].set(texts);
        }
        Some(_) => return Err(refused()),
    }
    Ok(lang)
}

fn pack(lang: Lang) -> Option<&'static Pack> {
    let slot = &INSTALLED[lang.index()];
    #[cfg(any(not(target_arch = "wasm32"), feature = "built-in-packs"))]
    if slot.get().is_none() {
        let _ = install(built_in(lang));
    }
    slot.get()
}

pub(crate) fn text(lang: Lang, text: Text) -> Option<&'static str> {
    let index = usize::from(text.0);
    match index.checked_sub(PACK_LEN) {
        None => pack(lang)?.texts.get(index).copied(),
        Some(extra) => {
            let slot = &EXTRA[lang.index()];
            #[cfg(any(not(target_arch = "wasm32"), feature = "built-in-packs"))]
            if slot.get().is_none() {
                let _ = install(crate::lang::BUILT_IN_EXTRA[lang.index()]);
            }
            slot.get()?.get(extra).copied()
        }
    }
}

/// Whether `lang`'s extra pack is installed.
pub fn has_extra(lang: Lang) -> bool {
    EXTRA[lang.index()].get().is_some()
}

/// Every text of `lang`'s installed pack, in the build's order. A fixed-size array: indexing
/// it with the generated constants (`ui::start.0`) needs no bounds check in the wasm.
pub fn texts(lang: Lang) -> Option<&'static [&'static str; PACK_LEN]> {
    pack(lang).map(|pack| &*pack.texts)
}

/// The keys of a downloaded pack, in order (`phq9.items.0`), for tests and tools.
#[cfg(any(not(target_arch = "wasm32"), feature = "built-in-packs"))]
pub fn keys() -> &'static [&'static str] {
    &crate::lang::KEYS
}

/// One of `lang`'s `loader` texts (`title`, `body`: the message when the widget cannot start;
/// `loading`, `loading_book`, `book_link`: what a snippet shows while it loads), built into
/// selfcheck.js and selfcheck.facts.json by `cargo xtask dist`, since they must not depend on a
/// download. Every pack has every one (checked at build).
#[cfg(not(target_arch = "wasm32"))]
pub fn loader_text(lang: Lang, name: &str) -> &'static str {
    crate::lang::LOADER[lang.index()]
        .iter()
        .find(|(key, _)| *key == name)
        .map_or("", |(_, text)| text)
}

/// The pack the widget downloads for `lang`, as the build wrote it (for `cargo xtask dist`, and
/// for the widget's own wasm tests, which enable `built-in-packs`).
#[cfg(any(not(target_arch = "wasm32"), feature = "built-in-packs"))]
pub fn built_in(lang: Lang) -> &'static str {
    crate::lang::BUILT_IN[lang.index()]
}

/// `lang`'s extra pack as the build wrote it.
#[cfg(any(not(target_arch = "wasm32"), feature = "built-in-packs"))]
pub fn built_in_extra(lang: Lang) -> &'static str {
    crate::lang::BUILT_IN_EXTRA[lang.index()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_pack_installs_as_its_own_language() {
        for lang in Lang::ALL {
            assert_eq!(install(built_in(lang)), Ok(lang));
            assert!(texts(lang).is_some());
            assert_eq!(install(built_in_extra(lang)), Ok(lang));
            assert!(has_extra(lang));
        }
    }

    #[test]
    fn the_default_instruments_words_are_in_the_core_pack_and_the_others_in_the_extra() {
        use crate::{instrument, InstrumentId, Precheck};
        for id in InstrumentId::ALL {
            let in_core = usize::from(instrument(id).items[0].0) < PACK_LEN;
            assert_eq!(in_core, InstrumentId::DEFAULT.contains(&id), "{id}");
        }
        assert!(usize::from(Precheck::Ketamine.table().title.0) >= PACK_LEN);
        // An extra text reads from the extra pack.
        let title = Precheck::Ketamine.table().title;
        assert!(!title.get(Lang::En).is_empty());
    }

    #[test]
    fn a_core_pack_is_not_taken_for_an_extra_one() {
        let english = built_in(Lang::En);
        let as_extra = english.replacen("\"lang\":\"en\"", "\"lang\":\"en\",\"part\":\"extra\"", 1);
        assert_ne!(as_extra, english);
        assert!(install(&as_extra).is_err(), "wrong number of texts");
        let unknown_part =
            english.replacen("\"lang\":\"en\"", "\"lang\":\"en\",\"part\":\"more\"", 1);
        assert!(install(&unknown_part).is_err());
    }

    #[test]
    fn a_pack_that_is_not_this_builds_is_refused() {
        let english = built_in(Lang::En);
        let truncated = english.replacen("\"Start\",", "", 1);
        assert_ne!(truncated, english, "the test must remove a text");
        assert!(install(&truncated)
            .unwrap_err()
            .contains("not one this build can read"));
        let unknown = english.replacen("\"lang\":\"en\"", "\"lang\":\"xx\"", 1);
        assert_ne!(unknown, english, "the test must change the language");
        assert!(install(&unknown).is_err());
        assert!(install(&english.replacen("\"Start\"", "7", 1)).is_err());
        assert!(install("<html>").is_err());
        assert!(install("{\"lang\":\"en\"}").is_err());
    }
}
