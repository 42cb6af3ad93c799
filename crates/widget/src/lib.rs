//! The selfcheck widget: the questionnaire as Yew function components, mounted into the shadow
//! root of a `<self-check>` element.
//!
//! Components render state and send actions, nothing else: every clinical decision (branching,
//! scoring, the recommendation) comes from `selfcheck_engine`. Everything that touches the host
//! page — the shadow root, attributes, events, sessionStorage — lives in `embed`.

pub mod components;

#[cfg(target_arch = "wasm32")]
mod embed;
#[cfg(target_arch = "wasm32")]
pub use embed::{mount, Mounted};

pub use components::{App, AppProps};
