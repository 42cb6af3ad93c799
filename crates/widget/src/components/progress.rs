use selfcheck_engine::Lang;
use yew::prelude::*;

use crate::i18n::{fill, strings};
use crate::state::Progress;

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    pub progress: Progress,
    pub lang: Lang,
}

/// "Question 4 of 21" and a native progress bar carrying the same words as its value text.
#[component]
pub fn ProgressView(props: &ProgressProps) -> Html {
    let text = strings(props.lang);
    let Progress { position, total } = props.progress;
    let words = fill(
        text.progress,
        &[("n", &position.to_string()), ("total", &total.to_string())],
    );
    html! {
        <div class="progress" part="progress">
            <p class="progress-text" aria-hidden="true">{ words.clone() }</p>
            <progress max={total.to_string()} value={position.to_string()}
                aria-label={text.progress_label} aria-valuetext={words}></progress>
        </div>
    }
}
