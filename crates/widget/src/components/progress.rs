use selfcheck_engine::Lang;
use yew::prelude::*;

use crate::i18n::{fill, strings};
use crate::state::Progress;

/// "Question 4 of 21" and a native progress bar, both for the eye only: the widget's live
/// announcer (in `app`) says the same words on each step and keeps them for reading on, so a
/// screen reader meets them once rather than three times.
pub fn progress_view(progress: Progress, lang: Lang) -> Html {
    let text = strings(lang);
    let Progress { position, total } = progress;
    let words = fill(
        text.progress,
        &[("n", &position.to_string()), ("total", &total.to_string())],
    );
    html! {
        <div class="progress" part="progress" aria-hidden="true">
            <p class="progress-text">{ words }</p>
            <progress max={total.to_string()} value={position.to_string()}></progress>
        </div>
    }
}
