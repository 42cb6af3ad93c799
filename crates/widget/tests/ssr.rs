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

#[test]
fn the_intro_says_what_this_is_how_long_and_that_answers_stay_here() {
    let html = render(config(&[]), Lang::En, None);
    assert!(html.contains("A private self-check"));
    assert!(html.contains("about 3 minutes"));
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
        assert_eq!(
            count(&html, "Get help now"),
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
    assert!(html.contains("Question 4 of 23"));
    assert!(html.contains("aria-valuetext=\"Question 4 of 23\""));
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

#[test]
fn the_crisis_panel_is_an_alert_with_call_and_text_links() {
    let config = config(&[("instruments", "phq9 gad7")]);
    let state = answered(&config, &[0, 0, 0, 0, 0, 0, 0, 0, 2]);
    assert!(matches!(state.screen, Screen::Crisis(_)));
    let html = render(config, Lang::En, Some(&state));
    assert!(html.contains("role=\"alert\""));
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
    assert!(html.contains("role=\"img\" aria-label=\"PHQ-9: 10 out of 27, Moderate\""));
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
    assert!(html.contains("Your answers do not suggest that you need a consultation right now."));
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
    let crisis = html.find("role=\"alert\"").expect("crisis panel");
    let heading = html
        .find("id=\"selfcheck-results-heading\"")
        .expect("results heading");
    assert!(crisis < heading);
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
fn custom_crisis_resources_replace_the_regional_ones() {
    let json = r#"{"instruments":["phq9"],"crisisResources":[{"name":"Harbor Light after-hours line","phone":"(555) 010-0199","hours":"Evenings"}]}"#;
    let config = Config::parse(Some(json), &[]).expect("valid");
    let state = answered(&config, &[0, 0, 0, 0, 0, 0, 0, 0, 3]);
    let html = render(config, Lang::En, Some(&state));
    assert!(html.contains("Harbor Light after-hours line"));
    assert!(html.contains("href=\"tel:5550100199\""));
    assert!(!html.contains("tel:988"));
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
