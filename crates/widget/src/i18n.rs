//! The widget's interface strings, by name. The words are in the language packs
//! (`crates/engine/data/lang/<code>.json`, section `ui`): the build checks that every pack has
//! every string with the same placeholders, and a test here that the packs and this list agree.
//!
//! Instrument wording is not here: it is clinical data, verbatim from the official versions,
//! and lives with its sources in the packs' instrument sections.

use selfcheck_engine::{pack, ui, Emit, Lang, PACK_LEN};

macro_rules! ui_strings {
    (
        $($(#[doc = $doc:literal])* $name:ident,)*
        ; extra: $($extra:ident,)*
    ) => {
        /// The widget's visible strings in one language, read from its installed pack. `{name}`
        /// marks a placeholder. A view of the pack, not a copy: each string is one load with a
        /// constant index, and nothing is built when a language is first shown.
        #[derive(Clone, Copy)]
        pub struct UiStrings(&'static [&'static str; PACK_LEN], #[allow(dead_code)] Lang);

        #[allow(dead_code)]
        impl UiStrings {
            // `ui::<name>` is generated from the English pack: a string named here that the
            // packs lack is a compile error.
            $($(#[doc = $doc])* pub fn $name(self) -> &'static str { self.0[ui::$name.0 as usize] })*

            // Only the plus build's screens say these; they are in the extra pack.
            $(#[cfg(plus)] pub fn $extra(self) -> &'static str { ui::$extra.get(self.1) })*

            /// Every (key, string) pair, in declaration order.
            pub fn entries(self) -> Vec<(&'static str, &'static str)> {
                let entries = vec![$((stringify!($name), self.$name()),)*];
                #[cfg(plus)]
                let entries = {
                    let mut entries = entries;
                    entries.extend([$((stringify!($extra), self.$extra()),)*]);
                    entries
                };
                entries
            }
        }
    };
}

ui_strings! {
    widget_label,
    get_help,
    close_help,
    help_heading,
    not_monitored,
    not_watched,
    emergency,
    call,
    text,
    intro_heading,
    intro_body,
    intro_uses,
    intro_time,
    intro_private,
    intro_emit_level,
    intro_emit_scores,
    intro_self_harm_level,
    intro_not_diagnosis,
    intro_resumed,
    start,
    continue_where_left,
    start_over,
    progress,
    next,
    back,
    see_results,
    need_answer,
    only_in_english,
    instrument_of,
    crisis_heading,
    crisis_body,
    crisis_continue,
    results_heading,
    level_urgent,
    level_recommended,
    level_consider,
    level_not_indicated,
    level_not_indicated_more,
    score_of,
    at_or_above_cutoff,
    below_cutoff,
    screener_negative,
    no_exposure,
    booking_default,
    booking_intro,
    booking_intro_clinic,
    no_booking,
    about_heading,
    about_body,
    not_diagnosis,
    print,
    clear,
    change_answers,
    print_title,
    print_date,
    print_level,
    print_question,
    print_answer,
    print_points,
    print_total,
    print_flag_self_harm,
    print_difficulty,
    print_not_asked,
    print_footer,
    error_heading,
    error_body,
    local_emergency,
    // In the extra pack (the build's `Split`): the count field, the pre-check's topics, the
    // intro's line for a count, and carrying the results away (`carry_*`).
    ; extra:
    intro_emit_count,
    count_hint,
    count_invalid,
    your_answer,
    precheck_no_topics,
    carry_heading,
    carry_qr_caption,
    carry_save,
    carry_save_note,
    carry_open_label,
    carry_open_note,
    carry_opened,
    carry_compared,
    carry_nothing_shared,
    carry_error_size,
    carry_error_file,
    carry_error_read,
    carry_change,
    carry_lower,
    carry_higher,
    carry_small,
    carry_no_threshold,
    carry_not_comparable,
    carry_marker,
}

impl UiStrings {
    /// What the visitor is told, before Start, about what leaves the questionnaire: it must say
    /// exactly what `emit` lets the clinic's page learn (see `outcome_detail` in embed.rs).
    pub fn what_the_page_learns(self, emit: Emit) -> &'static str {
        match emit {
            Emit::None => self.intro_private(),
            Emit::Level => self.intro_emit_level(),
            Emit::Scores => self.intro_emit_scores(),
        }
    }

    /// Next to the crisis lines: no one is watching, so the visitor must reach out themselves.
    /// "Your answers are not seen by anyone" holds only when the page learns nothing; once it
    /// gets the level, a clinic's page could pass it on, so only what the widget itself
    /// guarantees is said.
    pub fn who_watches(self, emit: Emit) -> &'static str {
        match emit {
            Emit::None => self.not_monitored(),
            Emit::Level | Emit::Scores => self.not_watched(),
        }
    }
}

pub fn strings(lang: Lang) -> UiStrings {
    /// What is shown before a pack is installed: nothing. The loader installs the pack before
    /// it mounts, so this is only a guard.
    static NONE_YET: [&str; PACK_LEN] = [""; PACK_LEN];
    UiStrings(pack::texts(lang).unwrap_or(&NONE_YET), lang)
}

/// Fills `{name}` placeholders. Values are plain text; the result is rendered as text.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_string_and_none_is_empty() {
        for lang in Lang::ALL {
            for (key, text) in strings(lang).entries() {
                assert!(!text.trim().is_empty(), "{lang}: `{key}` is empty");
            }
        }
    }

    #[test]
    fn the_packs_hold_no_interface_string_the_widget_does_not_show() {
        let shown: Vec<String> = strings(Lang::En)
            .entries()
            .into_iter()
            .map(|(key, _)| format!("ui.{key}"))
            .collect();
        let unused: Vec<&str> = pack::keys()
            .iter()
            .copied()
            .filter(|key| key.starts_with("ui.") && !shown.iter().any(|s| s == key))
            .collect();
        assert!(unused.is_empty(), "unused: {unused:?}");
    }

    #[test]
    fn every_translation_is_actually_translated() {
        // Strings that are the same word or pure layout in every language.
        const SAME_IN_ALL: [&str; 2] = ["instrument_of", "print_total"];
        let english = strings(Lang::En).entries();
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            let same: Vec<_> = strings(lang)
                .entries()
                .into_iter()
                .zip(&english)
                .filter(|((key, text), (_, en))| text == en && !SAME_IN_ALL.contains(key))
                .map(|((key, _), _)| key)
                .collect();
            assert!(same.is_empty(), "{lang}: identical to English: {same:?}");
        }
    }

    #[test]
    fn the_lowest_level_names_the_help_button_as_it_is_labelled() {
        for lang in Lang::ALL {
            let text = strings(lang);
            assert!(
                text.level_not_indicated_more().contains(text.get_help()),
                "{lang}: `level_not_indicated_more` must name `{}`",
                text.get_help()
            );
        }
    }

    #[test]
    fn fill_replaces_every_named_placeholder() {
        assert_eq!(
            fill("Question {n} of {total}", &[("n", "4"), ("total", "21")]),
            "Question 4 of 21"
        );
        assert_eq!(fill("{a}{a}", &[("a", "<b>")]), "<b><b>");
    }
}
