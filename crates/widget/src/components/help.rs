use selfcheck_engine::{Config, Lang};
use yew::prelude::*;

use super::crisis_resources;
use crate::i18n::strings;

/// "Get help now" on every screen: a native disclosure, so it works with the keyboard and a
/// screen reader. Its contents are built only while it is open: otherwise every step of the
/// questionnaire would rebuild and compare a panel no one is looking at.
#[inline(never)]
pub fn help_now(config: &Config, lang: Lang, open: bool, on_toggle: &Callback<()>) -> Html {
    let text = strings(lang);
    let onclick = on_toggle.reform(|event: MouseEvent| event.prevent_default());
    html! {
        <details class="help" part="help" {open}>
            <summary {onclick}>{ text.get_help() }</summary>
            if open {
                <div class="help-body">
                    <h2 class="help-heading">{ text.help_heading() }</h2>
                    { crisis_resources(config, lang) }
                </div>
            }
        </details>
    }
}
