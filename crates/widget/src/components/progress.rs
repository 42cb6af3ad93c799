use selfcheck_engine::Lang;
use yew::prelude::*;

use crate::i18n::{fill, strings};
use crate::state::Progress;

/// "Question 4 of 21" and a native progress bar carrying the same words as its value text.
pub fn progress_view(progress: Progress, lang: Lang) -> Html {
    let text = strings(lang);
    let Progress { position, total } = progress;
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
