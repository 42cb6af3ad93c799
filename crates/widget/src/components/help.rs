use selfcheck_engine::{Config, Lang};
use yew::prelude::*;

use super::crisis_resources;
use crate::i18n::strings;

/// "Get help now" on every screen: a native disclosure, so it works with the keyboard and a
/// screen reader without any state of ours.
pub fn help_now(config: &Config, lang: Lang) -> Html {
    let text = strings(lang);
    html! {
        <details class="help" part="help">
            <summary>{ text.get_help }</summary>
            <div class="help-body">
                <h2 class="help-heading">{ text.help_heading }</h2>
                { crisis_resources(config, lang) }
            </div>
        </details>
    }
}
