use selfcheck_engine::{instrument, Lang, Part, Question};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct QuestionProps {
    pub question: Question,
    pub lang: Lang,
    pub selected: Option<u8>,
    pub on_select: Callback<u8>,
}

/// One question as a native radio group: a fieldset whose legend is the item, with the
/// instrument's stem (and so its recall period) above it.
#[component]
pub fn QuestionView(props: &QuestionProps) -> Html {
    let instrument = instrument(props.question.instrument);
    let (text, options) = match props.question.part {
        Part::Item(index) => (instrument.items[usize::from(index)], instrument.options),
        Part::Gate => match &instrument.gate {
            Some(gate) => (gate.text, gate.options),
            None => return html! {},
        },
        Part::FollowUp => match &instrument.follow_up {
            Some(follow_up) => (follow_up.text, follow_up.options),
            None => return html! {},
        },
    };
    let name = format!("{}-{:?}", instrument.id.as_str(), props.question.part);
    html! {
        <fieldset class="question">
            // The stem sits inside the legend so that a screen reader announces the recall
            // period with every item, not only once.
            <legend>
                <span class="stem">{ instrument.stem.get(props.lang) }</span>
                <span class="item">{ text.get(props.lang) }</span>
            </legend>
            <div class="options">
                { for options.iter().map(|choice| {
                    let score = choice.score;
                    let onchange = props.on_select.reform(move |_| score);
                    let id = format!("{name}-{score}");
                    html! {
                        <label class="option" for={id.clone()}>
                            <input type="radio" {id} name={name.clone()} value={score.to_string()}
                                checked={props.selected == Some(score)} {onchange} />
                            <span>{ choice.label.get(props.lang) }</span>
                        </label>
                    }
                }) }
            </div>
        </fieldset>
    }
}
