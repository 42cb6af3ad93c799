use std::rc::Rc;

use selfcheck_engine::{Config, Lang};
use yew::prelude::*;

use super::CrisisResources;
use crate::i18n::strings;

#[derive(Properties, PartialEq)]
pub struct HelpNowProps {
    pub config: Rc<Config>,
    pub lang: Lang,
}

/// "Get help now" on every screen: a native disclosure, so it works with the keyboard and a
/// screen reader without any state of ours.
#[component]
pub fn HelpNow(props: &HelpNowProps) -> Html {
    let text = strings(props.lang);
    html! {
        <details class="help" part="help">
            <summary>{ text.get_help }</summary>
            <div class="help-body">
                <h2 class="help-heading">{ text.help_heading }</h2>
                <CrisisResources config={props.config.clone()} lang={props.lang} />
            </div>
        </details>
    }
}
