//! Languages, and the texts a visitor reads in them. The words are not compiled in: each
//! language has a pack (`data/lang/<code>.json`, checked and flattened by the build), which the
//! widget downloads and installs with [`crate::pack::install`]; the tables only carry keys.

use core::fmt;

include!(concat!(env!("OUT_DIR"), "/lang.rs"));

impl Lang {
    /// Reads a language tag by its primary subtag, ignoring case and region, so a
    /// browser's `es-MX` or a page's `EN-gb` picks the right texts.
    pub fn parse(tag: &str) -> Option<Lang> {
        fn primary(tag: &str) -> &str {
            tag.find(['-', '_']).map_or(tag, |end| &tag[..end])
        }
        let wanted = primary(tag);
        Lang::ALL
            .into_iter()
            .find(|lang| primary(lang.code()).eq_ignore_ascii_case(wanted))
    }

    /// `rtl` or `ltr`, for the `dir` attribute.
    pub fn dir(self) -> &'static str {
        if self.rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A text a visitor reads, by its place in the language packs (the build numbers the keys,
/// so neither the wasm nor a pack carries them).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Text(pub u16);

impl Text {
    /// The text in `lang`'s pack. Empty only if that pack is not installed, which the widget
    /// rules out by installing it before it renders in that language.
    pub fn get(&self, lang: Lang) -> &'static str {
        crate::pack::text(lang, *self).unwrap_or("")
    }

    /// The language this text is actually in, in `lang`'s pack: English for a part left in
    /// English (a credit line whose translation could not be verified), else `lang`.
    pub fn shown_in(&self, lang: Lang) -> Lang {
        if IN_ENGLISH.contains(&(lang, self.0)) {
            Lang::En
        } else {
            lang
        }
    }

    /// The text with this key (`phq9.items.0`), for tests and tools.
    #[cfg(any(not(target_arch = "wasm32"), feature = "built-in-packs"))]
    pub fn by_key(key: &str) -> Option<Text> {
        KEYS.iter()
            .position(|k| *k == key)
            .and_then(|i| u16::try_from(i).ok())
            .map(Text)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        #[cfg(any(not(target_arch = "wasm32"), feature = "built-in-packs"))]
        if let Some(key) = KEYS.get(usize::from(self.0)) {
            return write!(f, "Text({key})");
        }
        write!(f, "Text({})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_is_read_by_its_primary_subtag_in_any_case() {
        assert_eq!(Lang::parse("es"), Some(Lang::Es));
        assert_eq!(Lang::parse("es-MX"), Some(Lang::Es));
        assert_eq!(Lang::parse("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::parse("en_US"), Some(Lang::En));
    }

    #[test]
    fn unsupported_or_malformed_tags_are_none() {
        for tag in ["xx", "", "-es", "eng", "e"] {
            assert_eq!(Lang::parse(tag), None, "{tag}");
        }
    }

    #[test]
    fn every_language_finds_itself_by_its_code() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
        }
    }

    #[test]
    fn text_gives_the_string_for_the_language() {
        let yes = ui::start;
        assert_eq!(Text::by_key("ui.start"), Some(yes));
        assert_eq!(yes.get(Lang::En), "Start");
        assert_eq!(yes.get(Lang::Es), "Comenzar");
    }
}
