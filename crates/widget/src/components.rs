//! One file per component.

mod app;
mod question;

pub use app::{App, AppProps};
pub use question::{QuestionProps, QuestionView};
