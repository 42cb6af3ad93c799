//! One file per view. Only the root (`Widget`), which holds the hooks, is a component; the rest are plain functions returning `Html`: each component
//! costs the wasm its own lifecycle code, and these need none. Views render what they are given
//! and report what the visitor does. Each screen's view is kept out of line (`#[inline(never)]`):
//! the browser compiles wasm functions on first call, so the intro does not wait for the code of
//! the results and the print summary.

mod app;
#[cfg(plus)]
mod carry;
mod config_error;
mod crisis;
mod gauge;
mod help;
mod intro;
mod print;
mod progress;
mod question;
mod results;
mod widget;

pub use app::{app, focus_marked_after_paint, AppProps};

use yew::{Callback, MouseEvent};

/// A click that carries nothing further. One function rather than a closure per button: each
/// closure type would add its own copy of the adapter code to the wasm.
pub fn on_click(callback: &Callback<()>) -> Callback<MouseEvent> {
    callback.reform(|_| ())
}
pub use config_error::config_error;
pub use crisis::{crisis_panel, crisis_resources};
pub use gauge::gauge;
pub use help::help_now;
pub use intro::{intro, IntroProps};
pub use print::print_summary;
pub use progress::{position_words, progress_view};
pub use question::{question_screen, question_text, Asked, PointerChoice, QuestionScreenProps};
pub use results::{headline, result_card, results, ResultsProps};
pub use widget::{Setup, Widget, WidgetProps};
