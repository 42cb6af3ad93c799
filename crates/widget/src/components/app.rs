use std::rc::Rc;

use selfcheck_engine::{Config, Lang};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{CrisisPanel, HelpNow, Intro, QuestionScreen, Results};
use crate::host::{HostHandle, WidgetEvent};
use crate::i18n::{fill, strings};
use crate::state::{question_key, Action, Questionnaire, Screen};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: Rc<Config>,
    pub lang: Lang,
    /// Progress kept from before a reload, if any.
    #[prop_or_default]
    pub saved: Option<Rc<str>>,
    #[prop_or_default]
    pub host: HostHandle,
}

/// Moves focus to the new screen's marked element (a question's legend, a heading), so keyboard
/// and screen-reader users land where the content changed.
fn focus_marked(root: &NodeRef) {
    let target = root
        .cast::<web_sys::Element>()
        .and_then(|root| root.query_selector("[data-autofocus]").ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        let _ = target.focus();
    }
}

/// The questionnaire: one reducer holds its state; each screen renders it and sends actions.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let config = props.config.clone();
        let saved = props.saved.clone().filter(|_| config.resume);
        use_reducer(move || match saved {
            Some(saved) => Questionnaire::restore(&config.instruments, config.mode, &saved),
            None => Questionnaire::new(&config.instruments, config.mode),
        })
    };
    let root = use_node_ref();
    let shown = use_mut_ref(|| state.screen);

    {
        let host = props.host.clone();
        let resume = props.config.resume;
        use_effect_with(state.to_saved(), move |saved| {
            if resume {
                host.save_progress(saved.as_deref());
            }
        });
    }
    {
        let host = props.host.clone();
        let root = root.clone();
        let state = state.clone();
        use_effect_with(state.screen, move |screen| {
            let before = shown.replace(*screen);
            // Only a visitor's own step moves focus: never on first render or on a reload.
            if before != *screen {
                focus_marked(&root);
                match (*screen, before) {
                    (Screen::Results, _) => {
                        if let Some(report) = state.report() {
                            host.emit(WidgetEvent::Complete(&report));
                        }
                    }
                    (Screen::Asking(_), Screen::Intro) => host.emit(WidgetEvent::Start),
                    _ => {}
                }
            }
        });
    }

    let text = strings(props.lang);
    let send = |action: Action| {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(action))
    };
    let (screen, announcement) = match state.screen {
        Screen::Intro => (
            html! { <Intro lang={props.lang} instruments={state.instruments.clone()} resumed={state.resumed}
            has_answers={!state.answers.is_empty()}
            on_start={send(Action::Start)} on_start_over={send(Action::StartOver)} /> },
            String::new(),
        ),
        Screen::Asking(question) => {
            let on_choose = {
                let dispatcher = state.dispatcher();
                Callback::from(move |value| dispatcher.dispatch(Action::Choose { question, value }))
            };
            let progress = state.progress();
            let announcement = progress.map_or_else(String::new, |progress| {
                fill(
                    text.progress,
                    &[
                        ("n", &progress.position.to_string()),
                        ("total", &progress.total.to_string()),
                    ],
                )
            });
            (
                html! { <QuestionScreen key={question_key(question)} {question} lang={props.lang}
                selected={state.answers.get(question)} {progress} is_last={state.is_last_question()}
                needs_answer={state.needs_answer} host={props.host.clone()} {on_choose}
                on_next={send(Action::Next(question))} on_back={send(Action::Back)}
                on_start_over={send(Action::StartOver)} /> },
                announcement,
            )
        }
        Screen::Crisis(_) => (
            html! {
                <CrisisPanel config={props.config.clone()} lang={props.lang} autofocus=true>
                    <div class="nav" part="nav">
                        <button type="button" class="secondary" part="button"
                            onclick={send(Action::Back).reform(|_: MouseEvent| ())}>{ text.back }</button>
                        <button type="button" class="primary" part="button button-primary"
                            onclick={send(Action::ContinueAfterCrisis).reform(|_: MouseEvent| ())}>
                            { text.crisis_continue }
                        </button>
                    </div>
                </CrisisPanel>
            },
            text.crisis_heading.to_string(),
        ),
        Screen::Results => match state.report() {
            Some(report) => (
                html! { <Results report={Rc::new(report)} config={props.config.clone()} lang={props.lang}
                crisis_raised={state.crisis_raised()} host={props.host.clone()}
                on_back={send(Action::Back)} on_clear={send(Action::StartOver)} /> },
                text.results_heading.to_string(),
            ),
            None => (html! {}, String::new()),
        },
    };

    html! {
        <div class="selfcheck" part="root" lang={props.lang.code()} role="region" aria-label={text.widget_label} ref={root}>
            <div class="top" part="header">
                <HelpNow config={props.config.clone()} lang={props.lang} />
            </div>
            <p class="visually-hidden" aria-live="polite">{ announcement }</p>
            { screen }
        </div>
    }
}
