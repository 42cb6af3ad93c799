use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use selfcheck_engine::{topics, Config, Lang};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{
    crisis_panel, help_now, intro, on_click, question_screen, results, Asked, IntroProps,
    PointerChoice, QuestionScreenProps, ResultsProps,
};
use crate::host::HostHandle;
use crate::i18n::strings;
use crate::state::{Action, Questionnaire, Screen};

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

/// Where focus is: the page's focused element, and the one inside the widget's shadow root.
fn focus_position(root: &NodeRef) -> (Option<web_sys::Element>, Option<web_sys::Element>) {
    let page = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.active_element());
    let inside = root
        .cast::<web_sys::Node>()
        .and_then(|node| node.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok())
        .and_then(|shadow| shadow.active_element());
    (page, inside)
}

/// Focus forces style and layout (and scrolls): done right after the frame that shows the new
/// screen, the question appears that much sooner, and focus follows a frame later. Until then
/// focus stays where it was: on Next, or on a radio button the next question reuses (options are
/// patched in place, not rebuilt), which is still an unchecked option of the question shown.
/// If the visitor moves focus themselves in that moment (a quick Tab), it stays where they put it.
pub fn focus_marked_after_paint(root: &NodeRef) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let target = root.clone();
    let before = focus_position(root);
    let after_frame = Closure::once_into_js(move || {
        Timeout::new(0, move || {
            if focus_position(&target) == before {
                focus_marked(&target);
            }
        })
        .forget();
    });
    if window
        .request_animation_frame(after_frame.unchecked_ref())
        .is_err()
    {
        focus_marked(root);
    }
}

/// What the questionnaire view needs besides the configuration: the state and the hooks'
/// handles, all owned by `Widget`.
pub struct AppProps<'a> {
    pub config: &'a Rc<Config>,
    pub lang: Lang,
    pub host: &'a HostHandle,
    pub state: &'a UseReducerHandle<Questionnaire>,
    pub pointer: &'a Rc<RefCell<PointerChoice>>,
    pub root: &'a NodeRef,
    pub help_open: bool,
    pub on_help_toggle: &'a Callback<()>,
}

/// The questionnaire: each screen renders the state and sends actions.
pub fn app(props: &AppProps<'_>) -> Html {
    let state = props.state;
    let pointer = props.pointer;
    let text = strings(props.lang);
    let send = |action: Action| {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(action.clone()))
    };
    #[cfg(plus)]
    let on_opened = {
        let dispatcher = state.dispatcher();
        Callback::from(move |read| dispatcher.dispatch(Action::OpenedEarlier(read)))
    };
    // No live announcer: focus goes to each new screen's legend or heading, which a screen
    // reader speaks, and a question's legend carries its position ("Question 4 of 23"). A live
    // region changing at the moment focus moves is often cut off, or heard twice.
    let screen = match state.screen {
        Screen::Intro => intro(&IntroProps {
            lang: props.lang,
            instruments: state.instruments.clone(),
            precheck: state.precheck,
            questions: state.steps().len() + state.precheck.map_or(0, |p| p.question_count()),
            emit: props.config.emit,
            resumed: state.resumed,
            has_answers: !state.answers.is_empty(),
            on_start: send(Action::Start),
            on_start_over: send(Action::StartOver),
            #[cfg(plus)]
            carry: props.config.carry,
            #[cfg(plus)]
            opened: state.earlier.clone(),
            #[cfg(plus)]
            host: props.host.clone(),
            #[cfg(plus)]
            on_opened: on_opened.clone(),
        }),
        Screen::Asking(question) => {
            let on_choose = {
                let dispatcher = state.dispatcher();
                Callback::from(move |value| dispatcher.dispatch(Action::Choose { question, value }))
            };
            #[cfg(plus)]
            let on_type = {
                let dispatcher = state.dispatcher();
                Callback::from(move |text| {
                    dispatcher.dispatch(Action::TypeCount { question, text })
                })
            };
            question_screen(&QuestionScreenProps {
                asked: Asked::Instrument(question),
                lang: props.lang,
                selected: state.answers.get(question),
                #[cfg(plus)]
                count_text: state
                    .count_text
                    .clone()
                    .or_else(|| state.answers.count(question).map(|count| count.to_string())),
                progress: state.progress(),
                is_last: state.is_last_question(),
                needs_answer: state.needs_answer,
                host: props.host.clone(),
                on_choose,
                #[cfg(plus)]
                on_type,
                on_next: send(Action::Next(question)),
                on_back: send(Action::Back),
                on_start_over: send(Action::StartOver),
                pointer: pointer.clone(),
            })
        }
        Screen::Crisis(_) => crisis_panel(
            props.config,
            props.lang,
            true,
            html! {
                <div class="nav" part="nav">
                    <button type="button" class="secondary" part="button"
                        onclick={on_click(&send(Action::Back))}>{ text.back() }</button>
                    <button type="button" class="primary" part="button button-primary"
                        onclick={on_click(&send(Action::ContinueAfterCrisis))}>
                        { text.crisis_continue() }
                    </button>
                </div>
            },
        ),
        Screen::Precheck(precheck, index) => {
            let on_choose = {
                let dispatcher = state.dispatcher();
                Callback::from(move |value| {
                    dispatcher.dispatch(Action::ChoosePrecheck { index, value })
                })
            };
            question_screen(&QuestionScreenProps {
                asked: Asked::Precheck(precheck, index),
                lang: props.lang,
                selected: state.answers.precheck(precheck, index),
                #[cfg(plus)]
                count_text: None,
                progress: state.progress(),
                is_last: state.is_last_question(),
                needs_answer: state.needs_answer,
                host: props.host.clone(),
                on_choose,
                #[cfg(plus)]
                on_type: Callback::noop(),
                on_next: send(Action::NextPrecheck(index)),
                on_back: send(Action::Back),
                on_start_over: send(Action::StartOver),
                pointer: pointer.clone(),
            })
        }
        Screen::Results => match state.report(props.config.cutoffs) {
            Some(report) => results(&ResultsProps {
                report: Rc::new(report),
                topics: state
                    .precheck
                    .map(|precheck| (precheck, topics(precheck, &state.answers))),
                config: props.config.clone(),
                lang: props.lang,
                crisis_raised: state.crisis_raised(),
                host: props.host.clone(),
                on_back: send(Action::Back),
                on_clear: send(Action::StartOver),
                #[cfg(plus)]
                opened: state.earlier.clone(),
                #[cfg(plus)]
                on_opened,
            }),
            None => html! {},
        },
    };

    html! {
        <div class="selfcheck" part="root" lang={props.lang.code()} dir={props.lang.dir()} role="region" aria-label={text.widget_label()} ref={props.root.clone()}>
            <div class="top" part="header">{ help_now(props.config, props.lang, props.help_open, props.on_help_toggle) }</div>
            { screen }
        </div>
    }
}
