use selfcheck_engine::Lang;
use yew::prelude::*;

use crate::i18n::{fill, strings};
use crate::state::Progress;

/// "Question 4 of 21", as shown above the question and as said at the start of its legend.
pub fn position_words(progress: Progress, lang: Lang) -> String {
    let Progress { position, total } = progress;
    fill(
        strings(lang).progress(),
        &[("n", &position.to_string()), ("total", &total.to_string())],
    )
}

/// The position and a native progress bar, both for the eye only: the question's legend starts
/// with the same words, so a screen reader meets them once, as focus lands on the question.
pub fn progress_view(progress: Progress, words: &str) -> Html {
    let Progress { position, total } = progress;
    html! {
        <div class="progress" part="progress" aria-hidden="true">
            <p class="progress-text">{ words }</p>
            <progress max={total.to_string()} value={position.to_string()}></progress>
        </div>
    }
}
