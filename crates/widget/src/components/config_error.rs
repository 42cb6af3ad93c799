use std::rc::Rc;

use selfcheck_engine::{Lang, Problem};
use yew::prelude::*;

use crate::i18n::strings;

#[derive(Properties, PartialEq)]
pub struct ConfigErrorProps {
    pub problems: Rc<[Problem]>,
    pub lang: Lang,
}

/// A visible explanation instead of a blank box when the clinic's settings are wrong. Each
/// problem names its field, for whoever maintains the site.
#[component]
pub fn ConfigError(props: &ConfigErrorProps) -> Html {
    let text = strings(props.lang);
    html! {
        <section class="config-error" part="error" role="alert" aria-labelledby="selfcheck-error-heading">
            <h2 id="selfcheck-error-heading">{ text.error_heading }</h2>
            <p>{ text.error_body }</p>
            <ul class="problems" lang="en">
                { for props.problems.iter().map(|problem| html! {
                    <li><code>{ problem.field.clone() }</code>{ ": " }{ problem.message.clone() }</li>
                }) }
            </ul>
            <p>{ text.error_help }</p>
        </section>
    }
}
