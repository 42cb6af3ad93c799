//! One file per component; each renders what it is given and reports what the visitor does.

mod app;
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

pub use app::{App, AppProps};
pub use config_error::{ConfigError, ConfigErrorProps};
pub use crisis::{CrisisPanel, CrisisPanelProps, CrisisResources, CrisisResourcesProps};
pub use gauge::{Gauge, GaugeProps, Segment};
pub use help::{HelpNow, HelpNowProps};
pub use intro::{Intro, IntroProps};
pub use print::{PrintSummary, PrintSummaryProps};
pub use progress::{ProgressProps, ProgressView};
pub use question::{instrument_lang, question_text, QuestionScreen, QuestionScreenProps};
pub use results::{band_words, headline, ResultCard, ResultCardProps, Results, ResultsProps};
pub use widget::{Setup, Widget, WidgetProps};
