//! The selfcheck widget: the questionnaire as Yew function components, mounted into the shadow
//! root of a `<self-check>` element.
//!
//! Components render state and send actions, nothing else: every clinical decision (branching,
//! scoring, the recommendation) comes from `selfcheck_engine`; the one state machine is in
//! `state`. Everything that touches the host page — the shadow root, attributes, events,
//! sessionStorage — lives in `embed`, behind the `host::Host` trait.

pub mod components;
pub mod host;
pub mod i18n;
pub mod state;

#[cfg(target_arch = "wasm32")]
mod embed;

// The widget is single-threaded wasm: no atomics, so this allocator needs no lock.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
#[cfg(target_arch = "wasm32")]
pub use embed::{check, install_pack, mount, packs, Mounted};

pub use components::{Setup, Widget, WidgetProps};
