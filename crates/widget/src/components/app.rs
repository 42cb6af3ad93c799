use selfcheck_engine::{InstrumentId, Lang, Part, Question};
use yew::prelude::*;

use super::QuestionView;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    #[prop_or_default]
    pub lang: Lang,
}

/// The widget's root.
#[component]
pub fn App(props: &AppProps) -> Html {
    let selected = use_state(|| None::<u8>);
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |value: u8| selected.set(Some(value)))
    };
    let question = Question { instrument: InstrumentId::Phq9, part: Part::Item(0) };
    html! {
        <div class="selfcheck" lang={props.lang.code()}>
            <QuestionView
                {question}
                lang={props.lang}
                selected={*selected}
                {on_select}
            />
        </div>
    }
}
