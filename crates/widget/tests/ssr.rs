//! Components rendered natively through Yew's server-side renderer: no browser needed.
#![cfg(not(target_arch = "wasm32"))]

use selfcheck_engine::Lang;
use selfcheck_widget::{App, AppProps};

fn render(lang: Lang) -> String {
    futures::executor::block_on(yew::LocalServerRenderer::<App>::with_props(AppProps { lang }).render())
}

#[test]
fn the_first_phq9_item_renders_as_a_fieldset_with_four_radios() {
    let html = render(Lang::En);
    assert!(html.contains("<fieldset"));
    assert!(html.contains("<legend"));
    assert!(html.contains("Little interest or pleasure in doing things"));
    assert_eq!(html.matches("type=\"radio\"").count(), 4);
}

#[test]
fn spanish_renders_the_official_spanish_wording() {
    let html = render(Lang::Es);
    assert!(html.contains("Poco interés o placer en hacer cosas"));
    assert!(html.contains("Ningún día"));
}
