//! A right-to-left pseudo-locale for tests only (`ar-XB`, the tag Chromium and Android use for
//! the same purpose): every English text forced right to left with bidi controls. It proves that
//! layout, progress, gauges, focus order and the printed summary mirror, without shipping a word
//! of an unverified translation. Only the `pseudo-rtl` feature, which no shipped build enables,
//! adds the pseudo-locale to the languages; this module itself is just the rule, shared by the
//! build script and `cargo xtask dist --pseudo-rtl`.

/// The pseudo-locale's tag.
pub const CODE: &str = "ar-XB";

/// `text` displayed right to left: RIGHT-TO-LEFT OVERRIDE … POP DIRECTIONAL FORMATTING.
pub fn mirror(text: &str) -> String {
    format!("\u{202E}{text}\u{202C}")
}
