use std::rc::Rc;

use selfcheck_engine::{Config, Lang, Mode, Problem};
use yew::prelude::*;

use super::{app, config_error, focus_marked_after_paint, AppProps, PointerChoice};
use crate::host::{HostHandle, WidgetEvent};
use crate::state::{Action, Questionnaire, Screen};

/// What the embedding layer hands the UI: a valid configuration, or what is wrong with it.
#[derive(Clone, PartialEq)]
pub enum Setup {
    Ready {
        config: Rc<Config>,
        lang: Lang,
        saved: Option<Rc<str>>,
    },
    Invalid {
        problems: Rc<[Problem]>,
        lang: Lang,
    },
}

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub setup: Setup,
    #[prop_or_default]
    pub host: HostHandle,
}

/// The root and the only component: it owns the questionnaire's one reducer and the few hooks
/// around it (keeping progress, moving focus, telling the page), and renders the current view.
#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let config = match &props.setup {
        Setup::Ready { config, .. } => Some(config.clone()),
        Setup::Invalid { .. } => None,
    };
    let state = {
        let setup = props.setup.clone();
        use_reducer(move || match setup {
            Setup::Ready { config, saved, .. } => match saved.filter(|_| config.resume) {
                Some(saved) => Questionnaire::restore(
                    &config.instruments,
                    config.mode,
                    config.precheck,
                    &saved,
                ),
                None => Questionnaire::new(&config.instruments, config.mode)
                    .with_precheck(config.precheck),
            },
            Setup::Invalid { .. } => Questionnaire::new(&[], Mode::Full),
        })
    };
    let root = use_node_ref();
    let shown = use_mut_ref(|| state.screen);
    let pointer = use_mut_ref(PointerChoice::default);
    let help_open = use_state_eq(|| false);
    let on_help_toggle = {
        let help_open = help_open.clone();
        Callback::from(move |()| help_open.set(!*help_open))
    };

    {
        // Another list of instruments, mode or pre-check is another questionnaire: start afresh.
        // A new language or booking link keeps the visitor's answers.
        let dispatcher = state.dispatcher();
        let questionnaire = config.as_ref().map(|config| {
            (
                Rc::<[_]>::from(config.instruments.as_slice()),
                config.mode,
                config.precheck,
            )
        });
        use_effect_with(questionnaire, move |questionnaire| {
            if let Some((instruments, mode, precheck)) = questionnaire {
                dispatcher.dispatch(Action::Reconfigure {
                    instruments: instruments.clone(),
                    mode: *mode,
                    precheck: *precheck,
                });
            }
        });
    }
    {
        let host = props.host.clone();
        let resume = config.as_ref().is_some_and(|config| config.resume);
        // Serialised only when it is kept: not on every step of a widget with resume="off".
        let saved = resume.then(|| state.to_saved());
        use_effect_with(saved, move |saved| {
            if let Some(saved) = saved {
                host.save_progress(saved.as_deref());
            }
        });
    }
    {
        let host = props.host.clone();
        let root = root.clone();
        let state = state.clone();
        let cutoffs = config
            .as_ref()
            .map(|config| config.cutoffs)
            .unwrap_or_default();
        use_effect_with(state.screen, move |screen| {
            let before = shown.replace(*screen);
            // Only a visitor's own step moves focus: never on first render or on a reload.
            if before != *screen {
                focus_marked_after_paint(&root);
                match (*screen, before) {
                    (Screen::Results, _) => {
                        if let Some(report) = state.report(cutoffs) {
                            host.emit(WidgetEvent::Complete(&report));
                        }
                    }
                    (Screen::Asking(_), Screen::Intro) => host.emit(WidgetEvent::Start),
                    _ => {}
                }
            }
        });
    }

    match &props.setup {
        Setup::Ready { config, lang, .. } => app(&AppProps {
            config,
            lang: *lang,
            host: &props.host,
            state: &state,
            pointer: &pointer,
            root: &root,
            help_open: *help_open,
            on_help_toggle: &on_help_toggle,
        }),
        Setup::Invalid { problems, lang } => config_error(problems, *lang),
    }
}
