//! Every screen and state rendered natively through Yew's server-side renderer: no browser
//! needed. States are reached the way a visitor reaches them — actions through the reducer —
//! and handed to the widget as saved progress, the same path a reload takes.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use selfcheck_engine::{Config, Lang, Problem};
use selfcheck_widget::state::{Action, Questionnaire, Screen};
use selfcheck_widget::{Setup, Widget, WidgetProps};
use yew::Reducible;

fn config(attributes: &[(&str, &str)]) -> Config {
    Config::parse(None, attributes).expect("a valid test configuration")
}

/// Starts the questionnaire and answers each shown question in turn.
fn answered(config: &Config, values: &[u8]) -> Rc<Questionnaire> {
    let mut state =
        Rc::new(Questionnaire::new(&config.instruments, config.mode)).reduce(Action::Start);
    for value in values {
        match state.screen {
            Screen::Asking(question) => {
                state = state.reduce(Action::Choose {
                    question,
                    value: *value,
                });
                state = state.reduce(Action::Next(question));
            }
            Screen::Crisis(_) => {
                state = state.reduce(Action::ContinueAfterCrisis);
                let Screen::Asking(question) = state.screen else {
                    panic!("no question after the crisis panel")
                };
                state = state.reduce(Action::Choose {
                    question,
                    value: *value,
                });
                state = state.reduce(Action::Next(question));
            }
            other => panic!("cannot answer on {other:?}"),
        }
    }
    state
}

fn render(config: Config, lang: Lang, state: Option<&Questionnaire>) -> String {
    let saved = state.and_then(Questionnaire::to_saved).map(Rc::from);
    let setup = Setup::Ready {
        config: Rc::new(config),
        lang,
        saved,
    };
    let props = WidgetProps {
        setup,
        host: Default::default(),
    };
    futures::executor::block_on(yew::LocalServerRenderer::<Widget>::with_props(props).render())
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

/// The first element whose opening tag holds `attribute`, from that tag to the next `end`
/// (Yew writes attributes in its own order).
fn element<'a>(html: &'a str, attribute: &str, end: &str) -> &'a str {
    let at = html
        .find(attribute)
        .unwrap_or_else(|| panic!("no {attribute}"));
    let from = html[..at].rfind('<').expect("an opening tag");
    let to = html[at..]
        .find(end)
        .unwrap_or_else(|| panic!("no {end} after {attribute}"));
    &html[from..at + to]
}

/// The opening tags of the `<svg>` elements of `class`.
fn svg_tags<'a>(html: &'a str, class: &str) -> Vec<&'a str> {
    let class = format!("class=\"{class}\"");
    html.split("<svg ")
        .skip(1)
        .map(|tag| &tag[..tag.find('>').unwrap()])
        .filter(|tag| tag.contains(&class))
        .collect()
}

/// The crisis panel's heading, which must reach a screen reader once.
const CRISIS_HEADING: &str = "have to face this alone";

#[test]
fn the_intro_says_what_this_is_how_long_and_that_answers_stay_here() {
    let html = render(config(&[]), Lang::En, None);
    assert!(html.contains("A short self-check"));
    // The default questionnaire's 23 questions at the engine's estimate; with every instrument
    // and the pre-check the estimate grows.
    assert!(html.contains("Time: about 3 min."), "{html}");
    let everything = render(
        config(&[
            ("instruments", "phq9 gad7 pcptsd5 auditc sqds"),
            ("precheck", "ketamine"),
        ]),
        Lang::En,
        None,
    );
    assert!(everything.contains("Time: about 5 min."), "{everything}");
    assert!(html.contains("not a diagnosis"));
    assert!(html.contains("Your answers stay on this device"));
    for name in ["PHQ-9", "GAD-7", "PC-PTSD-5"] {
        assert!(html.contains(name), "{name} listed");
    }
    assert!(html.contains(">Start<"));
}

#[test]
fn the_intro_lists_only_the_configured_instruments_in_order() {
    let html = render(config(&[("instruments", "gad7 phq9")]), Lang::En, None);
    let gad = html.find("GAD-7 · Anxiety").expect("GAD-7 listed");
    let phq = html.find("PHQ-9 · Depression").expect("PHQ-9 listed");
    assert!(gad < phq);
    assert!(!html.contains("PC-PTSD-5"));
}

#[test]
fn get_help_now_is_on_every_screen() {
    let config = config(&[("instruments", "phq9")]);
    let states = [
        None,
        Some(answered(&config, &[1, 2])),
        Some(answered(&config, &[0, 0, 0, 0, 0, 0, 0, 0, 1])),
        Some(answered(&config, &[0; 9])),
    ];
    for state in &states {
        let html = render(config.clone(), Lang::En, state.as_deref());
        // The button itself, once; the lowest level's results also name it in a sentence.
        assert_eq!(
            count(&html, ">Get help now</summary>"),
            1,
            "{:?}",
            state.as_ref().map(|s| s.screen)
        );
        // Said where it matters: before starting, with crisis resources, and with results
        // (and in the Get help now panel when opened, checked in the browser).
        let on_question = matches!(state.as_ref().map(|s| s.screen), Some(Screen::Asking(_)));
        assert_eq!(
            html.contains("No one monitors this questionnaire"),
            !on_question
        );
    }
}

#[test]
fn a_question_is_a_fieldset_whose_legend_carries_stem_and_item() {
    let config = config(&[]);
    let state = answered(&config, &[1, 2, 3]);
    let html = render(config, Lang::En, Some(&state));
    assert_eq!(count(&html, "<fieldset"), 1);
    let legend = &html[html.find("<legend").unwrap()..html.find("</legend>").unwrap()];
    assert!(legend.contains(
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    ));
    assert!(legend.contains("Feeling tired or having little energy"));
    assert_eq!(count(&html, "type=\"radio\""), 4);
    // Upper bound: 9 + difficulty + 7 + exposure + 5.
    // Said once to a screen reader: at the start of the legend, where focus lands; the visible
    // text and the progress bar above are hidden from it, and no live region repeats it.
    assert_eq!(count(&html, "Question 4 of 23"), 2);
    let progress = element(&html, "class=\"progress\"", "</div>");
    assert!(progress.contains("aria-hidden=\"true\"") && progress.contains("Question 4 of 23"));
    assert!(!html.contains("aria-valuetext"));
    let position = element(legend, "class=\"visually-hidden\"", "</span>");
    assert!(position.contains("Question 4 of 23. "), "{legend}");
    // The one live region is the "choose an answer" hint, empty until it is needed.
    assert_eq!(count(&html, "aria-live"), 1);
    assert!(!element(&html, "aria-live", "</p>").contains("Question"));
    assert!(html.contains(">Back<") && html.contains(">Next<"));
    assert!(html.contains("Pfizer"), "credit line under the question");
}

#[test]
fn a_previous_answer_is_shown_checked_and_next_is_usable() {
    let config = config(&[("instruments", "gad7")]);
    let state = answered(&config, &[2]).reduce(Action::Back);
    let html = render(config, Lang::En, Some(&state));
    assert_eq!(count(&html, "checked"), 1);
    assert!(!html.contains("aria-disabled=\"true\""));
}

#[test]
fn next_is_marked_unusable_until_the_item_is_answered() {
    let config = config(&[("instruments", "gad7")]);
    let html = render(config.clone(), Lang::En, Some(&answered(&config, &[1])));
    assert!(html.contains("aria-disabled=\"true\""));
}

#[test]
fn the_last_question_offers_the_results() {
    let config = config(&[("instruments", "gad7")]);
    let html = render(
        config.clone(),
        Lang::En,
        Some(&answered(&config, &[1, 1, 1, 1, 1, 1])),
    );
    assert!(html.contains("See my results"));
}

#[test]
fn the_exposure_question_shows_the_instruments_examples_and_yes_no() {
    let config = config(&[("instruments", "pcptsd5")]);
    let state = Rc::new(Questionnaire::new(&config.instruments, config.mode)).reduce(Action::Start);
    let Screen::Asking(gate) = state.screen else {
        panic!("the exposure question first")
    };
    // Chosen but not moved on: still on the exposure question, with something to resume.
    let state = state.reduce(Action::Choose {
        question: gate,
        value: 1,
    });
    let html = render(config, Lang::En, Some(&state));
    assert!(html.contains("a serious accident or fire"));
    assert!(html.contains("Have you ever experienced this kind of event?"));
    assert!(html.contains(">Yes<") && html.contains(">No<"));
    assert!(html.contains("Question 1 of 6"));
}

#[test]
fn ptsd_items_carry_the_past_month_stem() {
    let config = config(&[("instruments", "pcptsd5")]);
    let html = render(config.clone(), Lang::En, Some(&answered(&config, &[1])));
    assert!(html.contains("In the past month, have you"));
    assert!(html.contains("had nightmares about the event(s)"));
}

#[test]
fn spanish_uses_the_official_spanish_wording() {
    let config = config(&[("instruments", "phq9 gad7")]);
    let html = render(config.clone(), Lang::Es, Some(&answered(&config, &[1])));
    assert!(html.contains("Se ha sentido decaído(a), deprimido(a) o sin esperanzas"));
    assert!(html.contains("Ningún día"));
    assert!(html.contains("Pregunta 2 de"));
    assert!(html.contains("Obtener ayuda ahora"));
}

#[test]
fn the_ptsd_screen_in_spanish_is_shown_in_english_and_says_so() {
    let config = config(&[("instruments", "pcptsd5")]);
    let html = render(config.clone(), Lang::Es, Some(&answered(&config, &[1])));
    assert!(html.contains("Este cuestionario solo está disponible en inglés."));
    assert!(html.contains("lang=\"en\""));
    assert!(html.contains("In the past month, have you"));
    assert!(
        html.contains(">Siguiente<"),
        "the widget's own buttons stay Spanish"
    );
}

/// The `tel:`, `sms:` and `https:` links of a page, in order.
fn links(html: &str) -> Vec<&str> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|href| {
            ["tel:", "sms:", "https:"]
                .iter()
                .any(|s| href.starts_with(s))
        })
        .collect()
}

#[test]
fn a_language_never_changes_which_crisis_numbers_are_shown() {
    for region in selfcheck_engine::regions() {
        let config = config(&[("instruments", "phq9"), ("crisis-region", region.code)]);
        let state = answered(&config, &[0, 0, 0, 0, 0, 0, 0, 0, 2]);
        let english = render(config.clone(), Lang::En, Some(&state));
        let shown = links(&english);
        assert!(
            shown.iter().any(|href| href.starts_with("tel:")),
            "{}",
            region.code
        );
        for lang in Lang::ALL {
            let html = render(config.clone(), lang, Some(&state));
            assert_eq!(links(&html), shown, "{} in {lang}", region.code);
        }
    }
}

#[test]
fn the_crisis_panel_says_its_heading_once_and_has_call_and_text_links() {
    let config = config(&[("instruments", "phq9 gad7")]);
    let state = answered(&config, &[0, 0, 0, 0, 0, 0, 0, 0, 2]);
    assert!(matches!(state.screen, Screen::Crisis(_)));
    let html = render(config, Lang::En, Some(&state));
    // Focus lands on the heading, which a screen reader speaks: no alert and no live
    // announcement say it again, and browse mode finds it once.
    assert!(!html.contains("role=\"alert\""));
    assert_eq!(count(&html, CRISIS_HEADING), 1);
    let heading = element(&html, "id=\"selfcheck-crisis-heading\"", "</h2>");
    assert!(heading.contains("data-autofocus") && heading.contains(CRISIS_HEADING));
    assert_eq!(count(&html, "data-autofocus"), 1);
    // Nor is the panel a region named by that heading, which would be said on the way in.
    assert!(!html.contains("aria-labelledby"));
    assert!(html.contains("href=\"tel:988\""));
    assert!(html.contains("href=\"sms:988\""));
    assert!(html.contains("href=\"tel:911\""));
    assert!(html.contains("Continue the questionnaire"));
    assert_eq!(
        count(&html, "<fieldset"),
        0,
        "no question on the crisis screen"
    );
}

#[test]
fn each_region_gives_its_own_numbers() {
    for (region, number) in [
        ("GB", "tel:116123"),
        ("AU", "tel:131114"),
        ("CA", "tel:988"),
        ("IE", "tel:116123"),
    ] {
        let config = config(&[("instruments", "phq9"), ("crisis-region", region)]);
        let state = answered(&config, &[0, 0, 0, 0, 0, 0, 0, 0, 1]);
        let html = render(config, Lang::En, Some(&state));
        assert!(html.contains(number), "{region}: {number}");
    }
}

#[test]
fn results_show_scores_bands_gauges_and_the_booking_button() {
    let config = config(&[
        ("instruments", "phq9 gad7"),
        ("booking-url", "https://clinic.example/book"),
        ("clinic-name", "Harbor Light"),
    ]);
    let state = answered(
        &config,
        &[2, 2, 2, 2, 2, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1],
    );
    assert_eq!(state.screen, Screen::Results);
    let html = render(config, Lang::En, Some(&state));
    assert!(html.contains("Your answers suggest that talking with a professional could help."));
    assert!(html.contains("10 of 27") && html.contains("Moderate"));
    assert!(html.contains("7 of 21") && html.contains("Mild"));
    // Each score is read once, from the card's text: the gauge only draws it.
    let gauges = svg_tags(&html, "gauge");
    assert_eq!(gauges.len(), 2);
    assert!(gauges
        .iter()
        .all(|tag| tag.contains("aria-hidden=\"true\"")));
    assert!(!html.contains("role=\"img\"") && !html.contains("out of 27"));
    assert!(html.contains("href=\"https://clinic.example/book\""));
    assert!(html.contains("Harbor Light can talk this through with you."));
    assert!(html.contains("Kroenke"), "citation in the about section");
    assert!(html.contains("This is a screening, not a diagnosis."));
    assert!(html.contains("Clear my answers") && html.contains("Print or save a summary"));
    assert!(
        !html.contains("You don&#x27;t have to face this alone")
            && !html.contains("You don't have to face this alone")
    );
}

#[test]
fn no_booking_button_when_no_consultation_is_indicated() {
    let config = config(&[
        ("instruments", "gad7"),
        ("booking-url", "https://clinic.example/book"),
    ]);
    let html = render(
        config.clone(),
        Lang::En,
        Some(&answered(&config, &[0, 1, 0, 1, 0, 0, 0])),
    );
    assert!(html.contains("Your results are below the screening cut-offs."));
    assert!(!html.contains("https://clinic.example/book"));
}

#[test]
fn a_consider_level_offers_the_booking_button() {
    let config = config(&[
        ("instruments", "gad7"),
        ("booking-url", "https://clinic.example/book"),
        ("booking-label", "Talk to us"),
    ]);
    let html = render(
        config.clone(),
        Lang::En,
        Some(&answered(&config, &[1, 1, 1, 1, 1, 0, 0])),
    );
    assert!(html.contains("You may want to talk with a professional"));
    assert!(html.contains(">Talk to us<"));
}

#[test]
fn results_after_a_self_harm_answer_are_headed_by_the_crisis_panel() {
    let config = config(&[("instruments", "phq9")]);
    let state = answered(&config, &[0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    assert_eq!(state.screen, Screen::Results);
    let html = render(config, Lang::En, Some(&state));
    // The crisis lines come first in reading order, and focus lands on their heading: reading
    // on from there meets them before the scores. No alert repeats them.
    let crisis = html.find("part=\"crisis\"").expect("crisis panel");
    let lines = html.find("href=\"tel:988\"").expect("crisis lines");
    let heading = html
        .find("id=\"selfcheck-results-heading\"")
        .expect("results heading");
    assert!(crisis < lines && lines < heading);
    assert!(!html.contains("role=\"alert\""));
    assert_eq!(count(&html, "data-autofocus"), 1);
    let crisis_heading = element(&html, "id=\"selfcheck-crisis-heading\"", "</h2>");
    assert!(crisis_heading.contains("data-autofocus"));
    assert_eq!(count(&html, CRISIS_HEADING), 1);
    assert!(
        !html.contains("aria-labelledby"),
        "no region named by a heading"
    );
    assert!(html.contains("Please reach out for support today."));
}

#[test]
fn the_print_summary_lists_every_answer_score_flag_and_the_difficulty() {
    let config = config(&[("instruments", "phq9")]);
    let state = answered(&config, &[3, 0, 1, 0, 0, 0, 0, 0, 1, 2]);
    let html = render(config, Lang::En, Some(&state));
    let summary = &html[html.find("print-summary").unwrap()..];
    assert!(summary.contains("Self-check summary"));
    assert!(summary.contains("1. Little interest or pleasure in doing things"));
    assert!(summary.contains("Nearly every day"));
    assert!(summary.contains("Total: 5 of 27"));
    assert!(summary.contains("Flag: PHQ-9 item 9"));
    assert!(summary.contains("Very difficult"));
}

#[test]
fn a_negative_adaptive_screener_is_reported_as_such_without_a_band() {
    let config = config(&[("instruments", "phq9"), ("mode", "adaptive")]);
    let state = answered(&config, &[1, 1]);
    assert_eq!(state.screen, Screen::Results);
    let html = render(config, Lang::En, Some(&state));
    assert!(html.contains("PHQ-2 score 2 of 6: below the cut-off of 3"));
    assert!(!html.contains("Minimal"));
}

#[test]
fn no_exposure_is_explained() {
    let config = config(&[("instruments", "pcptsd5")]);
    let html = render(config.clone(), Lang::En, Some(&answered(&config, &[0])));
    assert!(html.contains("No traumatic event reported"));
}

#[test]
fn configuration_strings_are_text_never_markup() {
    let hostile = "<img src=x onerror=alert(1)>";
    let config = config(&[
        ("instruments", "gad7"),
        ("clinic-name", hostile),
        ("booking-label", hostile),
        ("booking-url", "https://clinic.example/book"),
    ]);
    let html = render(
        config.clone(),
        Lang::En,
        Some(&answered(&config, &[3, 3, 3, 3, 0, 0, 0])),
    );
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[test]
fn custom_crisis_resources_replace_the_regional_lines_but_not_the_emergency_number() {
    let json = r#"{"instruments":["phq9"],"crisisResources":[{"name":"Harbor Light after-hours line","phone":"(555) 010-0199","hours":"Evenings"}]}"#;
    let config = Config::parse(Some(json), &[]).expect("valid");
    let state = answered(&config, &[0, 0, 0, 0, 0, 0, 0, 0, 3]);
    let html = render(config, Lang::En, Some(&state));
    assert!(html.contains("Harbor Light after-hours line"));
    assert!(html.contains("href=\"tel:5550100199\""));
    assert!(!html.contains("tel:988"));
    // No region named: the default region's 911 could be wrong for this clinic, so the
    // visitor is sent to their local emergency number instead.
    let emergency = emergency_line(&html);
    assert!(!emergency.contains("tel:"), "{emergency}");
    assert!(
        emergency.contains("call your local emergency number"),
        "{emergency}"
    );

    // With a region named as well, that region's number is shown under the clinic's lines.
    let json = json.replace(
        "\"crisisResources\"",
        "\"crisisRegion\":\"GB\",\"crisisResources\"",
    );
    let config = Config::parse(Some(&json), &[]).expect("valid");
    let state = answered(&config, &[0, 0, 0, 0, 0, 0, 0, 0, 3]);
    let html = render(config, Lang::En, Some(&state));
    assert!(html.contains("Harbor Light after-hours line"));
    let emergency = emergency_line(&html);
    assert!(emergency.contains("href=\"tel:999\""), "{emergency}");
}

/// From the emergency number to the end of the crisis lines.
fn emergency_line(html: &str) -> &str {
    element(html, "class=\"emergency\"", "class=\"not-monitored\"")
}

/// The region's emergency note as the data words it, in `lang`.
fn emergency_note(code: &str, lang: Lang) -> String {
    let region = selfcheck_engine::region(code).expect("a built-in region");
    let note = region
        .emergency
        .note
        .as_ref()
        .expect("the region has a note");
    as_html_text(note.get(lang)).replace('\'', "&#x27;")
}

#[test]
fn a_region_given_with_custom_resources_supplies_the_emergency_number_and_its_note() {
    let json = r#"{"instruments":["phq9"],"crisisRegion":"IE","crisisResources":[{"name":"Harbor Light after-hours line","phone":"01 555 0199"}]}"#;
    let config = Config::parse(Some(json), &[]).expect("valid");
    let state = answered(&config, &[0, 0, 0, 0, 0, 0, 0, 0, 1]);
    let html = render(config, Lang::En, Some(&state));
    assert!(html.contains("href=\"tel:015550199\""));
    assert!(
        !html.contains("tel:116123"),
        "the region's own helplines are replaced"
    );
    let emergency = emergency_line(&html);
    let number = selfcheck_engine::region("IE").unwrap().emergency.number;
    assert!(
        emergency.contains(&format!("href=\"tel:{number}\"")),
        "{emergency}"
    );
    assert!(
        emergency.contains(&emergency_note("IE", Lang::En)),
        "{emergency}"
    );
}

#[test]
fn an_emergency_note_in_the_data_is_shown_in_the_visitors_language() {
    for lang in Lang::ALL {
        let config = config(&[("instruments", "phq9"), ("crisis-region", "IE")]);
        let state = answered(&config, &[0, 0, 0, 0, 0, 0, 0, 0, 1]);
        let html = render(config, lang, Some(&state));
        let emergency = emergency_line(&html);
        assert!(
            emergency.contains(&emergency_note("IE", lang)),
            "{lang}: {emergency}"
        );
    }
    // A region without a note shows the number alone.
    assert!(selfcheck_engine::region("US")
        .unwrap()
        .emergency
        .note
        .is_none());
    let config = config(&[("instruments", "phq9"), ("crisis-region", "US")]);
    let state = answered(&config, &[0, 0, 0, 0, 0, 0, 0, 0, 1]);
    let html = render(config, Lang::En, Some(&state));
    let emergency = emergency_line(&html);
    assert!(emergency.contains("href=\"tel:911\""), "{emergency}");
    assert!(!emergency.contains("line-note"), "{emergency}");
}

#[test]
fn results_show_the_clinics_ptsd_cut_off() {
    // Exposure yes, then three of the five items yes.
    let answers = [1, 1, 1, 1, 0, 0];
    for (cutoff, said, not_said, level) in [
        (None, "cut-off of 3", "cut-off of 4", "recommended"),
        (Some("3"), "cut-off of 3", "cut-off of 4", "recommended"),
        (Some("4"), "cut-off of 4", "cut-off of 3", "consider"),
    ] {
        let mut attributes = vec![("instruments", "pcptsd5")];
        attributes.extend(cutoff.map(|at| ("ptsd-cutoff", at)));
        let config = config(&attributes);
        let state = answered(&config, &answers);
        assert_eq!(state.screen, Screen::Results);
        let html = render(config, Lang::En, Some(&state));
        let card = element(&html, "part=\"result-card\"", "</article>");
        assert!(card.contains(said), "{cutoff:?}: {card}");
        assert!(!card.contains(not_said), "{cutoff:?}: {card}");
        assert!(
            html.contains(&format!("data-level=\"{level}\"")),
            "{cutoff:?}: level {level}"
        );
    }
    let config = config(&[("instruments", "pcptsd5"), ("ptsd-cutoff", "4")]);
    let state = answered(&config, &answers);
    let html = render(config, Lang::Es, Some(&state));
    let card = element(&html, "part=\"result-card\"", "</article>");
    assert!(card.contains("punto de corte de 4"), "{card}");
}

#[test]
fn an_invalid_configuration_renders_a_visible_explanation_naming_each_field() {
    let problems: Rc<[Problem]> = Config::parse(
        None,
        &[
            ("instruments", "phq9 bdi"),
            ("booking-url", "javascript:alert(1)"),
        ],
    )
    .expect_err("invalid")
    .into();
    let setup = Setup::Invalid {
        problems,
        lang: Lang::En,
    };
    let html = futures::executor::block_on(
        yew::LocalServerRenderer::<Widget>::with_props(WidgetProps {
            setup,
            host: Default::default(),
        })
        .render(),
    );
    assert!(html.contains("This self-check is not set up correctly"));
    assert!(html.contains("<code>instruments</code>"));
    assert!(html.contains("<code>booking-url</code>"));
    assert!(!html.contains("href=\"javascript"));
}

#[test]
fn the_widget_is_a_labelled_region_in_the_chosen_language() {
    let html = render(config(&[]), Lang::Es, None);
    assert!(html.contains("role=\"region\""));
    assert!(html.contains("aria-label=\"Autoevaluación de salud mental\""));
    assert!(html.contains("lang=\"es\""));
}

/// The text as Yew writes it into HTML.
fn as_html_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The intro's list of facts, where the visitor reads what happens to their answers.
fn intro_facts(html: &str) -> &str {
    let start = html.find("class=\"facts\"").expect("the intro's facts");
    &html[start..start + html[start..].find("</ul>").unwrap()]
}

#[test]
fn the_intro_says_before_start_what_the_page_learns_under_each_emit_in_both_languages() {
    // (emit, language, said, never said)
    let cases = [
        (
            "none",
            Lang::En,
            "Your answers stay on this device. Nothing you answer is sent anywhere.",
            "this website receives",
        ),
        (
            "level",
            Lang::En,
            "When you finish, this website receives your overall result (one of four levels), not your answers.",
            "Nothing you answer is sent",
        ),
        (
            "scores",
            Lang::En,
            "When you finish, this website receives your overall result (one of four levels) and each questionnaire's score, not your answers.",
            "Nothing you answer is sent",
        ),
        (
            "none",
            Lang::Es,
            "Sus respuestas se quedan en este dispositivo. Nada de lo que responda se envía a ningún lugar.",
            "este sitio web recibe",
        ),
        (
            "level",
            Lang::Es,
            "Al terminar, este sitio web recibirá su resultado general (uno de cuatro niveles), no sus respuestas.",
            "Nada de lo que responda",
        ),
        (
            "scores",
            Lang::Es,
            "Al terminar, este sitio web recibirá su resultado general (uno de cuatro niveles) y la puntuación de cada cuestionario, no sus respuestas.",
            "Nada de lo que responda",
        ),
        (
            "none",
            Lang::PtBr,
            "Suas respostas ficam neste dispositivo. Nada do que você responder é enviado para lugar nenhum.",
            "este site receberá",
        ),
        (
            "level",
            Lang::PtBr,
            "Quando você terminar, este site receberá seu resultado geral (um de quatro níveis), não suas respostas.",
            "Nada do que você responder",
        ),
        (
            "scores",
            Lang::PtBr,
            "Quando você terminar, este site receberá seu resultado geral (um de quatro níveis) e a pontuação de cada questionário, não suas respostas.",
            "Nada do que você responder",
        ),
    ];
    for (emit, lang, said, never) in cases {
        let html = render(config(&[("emit", emit)]), lang, None);
        let facts = intro_facts(&html);
        assert!(facts.contains(said), "{emit} {lang}: {facts}");
        assert!(!html.contains(never), "{emit} {lang}: {never}");
        // Before Start: the sentence comes ahead of the button.
        let start = html.find("button-primary").expect("Start");
        assert!(html.find(said).unwrap() < start, "{emit} {lang}");
        // "No one sees your answers" is promised only when the page learns nothing.
        let unseen = match lang {
            Lang::En => "your answers are not seen by anyone",
            Lang::Es => "nadie ve sus respuestas",
            Lang::PtBr => "ninguém vê suas respostas",
        };
        let highest = match lang {
            Lang::En => "it receives the highest level, and so learns that too",
            Lang::Es => "recibirá el nivel más alto, y así también lo sabrá",
            Lang::PtBr => "o site receberá o nível mais alto e, assim, também ficará sabendo disso",
        };
        assert_eq!(facts.contains(unseen), emit == "none", "{emit} {lang}");
        assert_eq!(facts.contains(highest), emit != "none", "{emit} {lang}");
    }
}

#[test]
fn the_highest_level_is_explained_only_when_the_phq9_can_reach_it() {
    let html = render(
        config(&[("emit", "level"), ("instruments", "gad7 pcptsd5")]),
        Lang::En,
        None,
    );
    assert!(intro_facts(&html).contains("this website receives your overall result"));
    assert!(!html.contains("the highest level"));
}

#[test]
fn panels_promise_no_one_sees_the_answers_only_when_the_page_learns_nothing() {
    for emit in ["none", "level", "scores"] {
        let config = config(&[("instruments", "phq9"), ("emit", emit)]);
        // On the crisis screen, then on the results it heads.
        let crisis = answered(&config, &[0, 0, 0, 0, 0, 0, 0, 0, 1]);
        let results = answered(&config, &[0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
        for state in [crisis, results] {
            let html = render(config.clone(), Lang::En, Some(&state));
            assert_eq!(
                html.contains("your answers are not seen by anyone"),
                emit == "none",
                "{emit} {:?}",
                state.screen
            );
            assert_eq!(
                html.contains("do not wait for anyone to contact you about your answers"),
                emit != "none",
                "{emit} {:?}",
                state.screen
            );
        }
    }
    let config = config(&[("instruments", "gad7"), ("emit", "scores")]);
    let html = render(config.clone(), Lang::Es, Some(&answered(&config, &[0; 7])));
    assert!(html.contains("no espere que alguien se comunique con usted por sus respuestas"));
    assert!(!html.contains("nadie ve sus respuestas"));
}

#[test]
fn the_lowest_level_is_neutral_and_points_to_help_in_both_languages() {
    let config = config(&[("instruments", "phq9 gad7"), ("mode", "adaptive")]);
    // Both short screens negative: item 9 was never asked.
    let state = answered(&config, &[1, 1, 1, 0]);
    assert_eq!(state.screen, Screen::Results);
    for (lang, said, help) in [
        (
            Lang::En,
            [
                "Your results are below the screening cut-offs.",
                "A screening is not a diagnosis, and how you feel can change.",
                "talk with a doctor or a mental health professional",
            ],
            "Get help now",
        ),
        (
            Lang::Es,
            [
                "Sus resultados están por debajo de los puntos de corte de detección.",
                "Una prueba de detección no es un diagnóstico, y cómo se siente puede cambiar.",
                "hable con un médico o un profesional de salud mental",
            ],
            "Obtener ayuda ahora",
        ),
    ] {
        let html = render(config.clone(), lang, Some(&state));
        let headline = html
            .find("data-level=\"not_indicated\"")
            .expect("lowest level");
        for sentence in said {
            assert!(html.contains(sentence), "{lang}: {sentence}");
        }
        // The sentence names the button, and the button is on the results, above them.
        let button = html
            .find(&format!(">{help}</summary>"))
            .expect("Get help now");
        assert!(button < headline);
        assert!(
            html[headline..].contains(help),
            "{lang}: sentence names {help}"
        );
    }
    let html = render(config.clone(), Lang::En, Some(&state));
    assert!(!html.contains("do not suggest"));
    assert!(!html.contains("need a consultation"));
}

#[test]
fn the_print_summary_carries_each_instruments_credit_line() {
    let config = config(&[("instruments", "phq9 gad7 pcptsd5")]);
    let state = answered(
        &config,
        &[
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0,
        ],
    );
    assert_eq!(state.screen, Screen::Results);
    for lang in Lang::ALL {
        let html = render(config.clone(), lang, Some(&state));
        let summary = &html[html.find("class=\"print-summary\"").unwrap()..];
        assert_eq!(count(summary, "class=\"print-credit\""), 3, "{lang}");
        for id in &config.instruments {
            let instrument = selfcheck_engine::instrument(*id);
            // As on screen: the PC-PTSD-5 is shown in English under Spanish, so is its credit.
            let shown = if instrument.offered_in(lang) {
                lang
            } else {
                Lang::En
            };
            let credit = as_html_text(instrument.credit.get(shown));
            let printed = &summary[summary.find(instrument.short_name).unwrap()..];
            let printed = &printed[..printed.find("</section>").unwrap()];
            assert!(
                printed.contains(&credit),
                "{lang} {}: {credit}",
                instrument.short_name
            );
            // A credit line left in English (Portuguese has no confirmed translation of it) is
            // marked as English, so a screen reader reads it in an English voice.
            let marked = instrument.credit.shown_in(shown);
            assert_eq!(
                opening_tags(printed, "print-credit"),
                [format!("lang=\"{}\"", marked.code())],
                "{lang} {}",
                instrument.short_name
            );
        }
    }
}

/// The `lang` attribute of each element with this class, in order.
fn opening_tags(html: &str, class: &str) -> Vec<String> {
    html.split('<')
        .filter(|tag| tag.contains(&format!("class=\"{class}\"")))
        .map(|tag| {
            let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
            tag.split_whitespace()
                .find(|attribute| attribute.starts_with("lang="))
                .unwrap_or("no lang")
                .to_string()
        })
        .collect()
}

#[test]
fn portuguese_asks_the_publishers_portuguese_and_marks_what_stays_english() {
    let config = config(&[("instruments", "phq9 gad7")]);
    let state = answered(&config, &[0; 16]);
    let html = render(config.clone(), Lang::PtBr, Some(&state));
    // The about section: the titles and credit lines are the English forms', marked so.
    let about = element(&html, "class=\"sources\"", "</ul>");
    assert_eq!(opening_tags(about, "credit"), ["lang=\"en\""; 2], "{about}");
    assert_eq!(opening_tags(about, "source-title"), ["lang=\"en\""; 2]);
    assert!(about.contains("Patient Health Questionnaire-9 (PHQ-9)"));
    // The questions themselves are Portuguese, and not marked as English.
    let question = render(
        config,
        Lang::PtBr,
        Some(&answered(
            &self::config(&[("instruments", "phq9 gad7")]),
            &[],
        )),
    );
    assert!(
        question.contains("com que freqüência você foi incomodado/a"),
        "{question}"
    );
    assert!(question.contains("lang=\"pt-BR\""));
}

#[test]
fn the_print_summary_names_the_ptsd_cut_off_the_clinic_chose() {
    // Exposure yes, then three of the five items yes: positive at 3, not at 4.
    for (cutoff, printed) in [
        ("3", "At or above the screening cut-off of 3."),
        ("4", "Below the screening cut-off of 4."),
    ] {
        let config = config(&[("instruments", "pcptsd5"), ("ptsd-cutoff", cutoff)]);
        let state = answered(&config, &[1, 1, 1, 1, 0, 0]);
        assert_eq!(state.screen, Screen::Results);
        let html = render(config.clone(), Lang::En, Some(&state));
        let summary = &html[html.find("class=\"print-summary\"").unwrap()..];
        let line = element(summary, "class=\"print-cutoff\"", "</p>");
        assert!(line.contains(printed), "{cutoff}: {line}");
    }
}

#[test]
fn with_carry_on_the_results_offer_the_qr_code_saving_and_comparing_and_the_print_summary_has_the_code(
) {
    let carrying = config(&[("instruments", "gad7"), ("carry", "on")]);
    let state = answered(&carrying, &[1, 1, 1, 1, 1, 1, 1]);
    assert_eq!(state.screen, Screen::Results);
    let html = render(carrying, Lang::En, Some(&state));
    let qr_codes = svg_tags(&html, "qr");
    // One on the results, one on the printed summary; drawn, not announced: the text beside
    // each says the same.
    assert_eq!(qr_codes.len(), 2, "{html}");
    assert!(qr_codes
        .iter()
        .all(|tag| tag.contains("aria-hidden=\"true\"")));
    assert_eq!(count(&html, "class=\"qr-text\""), 2);
    assert!(html.contains("GAD-7 7/21 mild"), "the QR text's line");
    assert!(html.contains("Take your results with you"));
    assert!(html.contains(">Save my results</button>"));
    assert!(html.contains(
        "Anyone who can open your downloads, on this device or wherever they are synced, can read it."
    ));
    let picker = element(&html, "type=\"file\"", ">");
    assert!(picker.contains("id=\"selfcheck-earlier-file\""), "{picker}");
    assert!(
        html.contains("for=\"selfcheck-earlier-file\""),
        "the picker is labelled"
    );
    assert!(html.contains("keeps no history of earlier results"));
    // The status line exists before anything is opened, so what it later says is announced.
    assert!(html.contains("role=\"status\""));

    let plain = config(&[("instruments", "gad7")]);
    let html = render(plain, Lang::En, Some(&state));
    assert!(!html.contains("class=\"qr") && !html.contains("type=\"file\""));
    assert!(!html.contains("Save my results"));
}

#[test]
fn with_carry_on_the_intro_offers_the_file_after_start() {
    let html = render(config(&[("carry", "on")]), Lang::Es, None);
    let start = html.find(">Comenzar<").expect("Start");
    let picker = html.find("type=\"file\"").expect("the picker");
    assert!(start < picker, "Start comes first");
    assert!(html.contains("Comparar con un archivo que guardó antes"));
    assert!(!render(config(&[]), Lang::En, None).contains("type=\"file\""));
}
