use selfcheck_engine::{Lang, Problem};
use yew::prelude::*;

use crate::i18n::strings;

/// A visible explanation instead of a blank box when the clinic's settings are wrong. Each
/// problem names its field, for whoever maintains the site.
#[inline(never)]
pub fn config_error(problems: &[Problem], lang: Lang) -> Html {
    let text = strings(lang);
    html! {
        <section class="config-error" part="error" role="alert" aria-labelledby="selfcheck-error-heading" lang={lang.code()} dir={lang.dir()}>
            <h2 id="selfcheck-error-heading">{ text.error_heading() }</h2>
            <p>{ text.error_body() }</p>
            <ul class="problems" lang="en" dir="ltr">
                { for problems.iter().map(|problem| html! {
                    <li><code>{ problem.field.clone() }</code>{ ": " }{ problem.message.clone() }</li>
                }) }
            </ul>
            <p>{ text.local_emergency() }</p>
        </section>
    }
}
