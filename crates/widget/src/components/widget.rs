use std::rc::Rc;

use selfcheck_engine::{Config, Lang, Problem};
use yew::prelude::*;

use super::{App, ConfigError};
use crate::host::HostHandle;
use crate::state::questionnaire_key;

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

#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    match &props.setup {
        Setup::Ready {
            config,
            lang,
            saved,
        } => html! {
            <App key={questionnaire_key(&config.instruments, config.mode)} config={config.clone()}
                lang={*lang} saved={saved.clone()} host={props.host.clone()} />
        },
        Setup::Invalid { problems, lang } => html! {
            <ConfigError problems={problems.clone()} lang={*lang} />
        },
    }
}
