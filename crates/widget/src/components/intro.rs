use selfcheck_engine::{estimated_minutes, instrument, Emit, InstrumentId, Lang, Precheck};
use yew::prelude::*;

use super::on_click;

use crate::i18n::{fill, strings};

/// What the intro shows and the two things it can do.
pub struct IntroProps {
    pub lang: Lang,
    pub instruments: std::rc::Rc<[InstrumentId]>,
    pub precheck: Option<Precheck>,
    /// How many questions at most (every branch taken).
    pub questions: usize,
    /// What the clinic's page learns at the end: the visitor is told before they start.
    pub emit: Emit,
    /// Came back from a reload with answers.
    pub resumed: bool,
    /// Some answers exist (a reload, or Back from the first question).
    pub has_answers: bool,
    pub on_start: Callback<()>,
    pub on_start_over: Callback<()>,
    /// The clinic lets visitors compare with a file saved earlier (carry="on").
    #[cfg(plus)]
    pub carry: bool,
    #[cfg(plus)]
    pub opened: super::carry::Opened,
    #[cfg(plus)]
    pub host: crate::host::HostHandle,
    #[cfg(plus)]
    pub on_opened: super::carry::OnOpened,
}

#[inline(never)]
pub fn intro(props: &IntroProps) -> Html {
    let text = strings(props.lang);
    let on_start = on_click(&props.on_start);
    let on_start_over = on_click(&props.on_start_over);
    html! {
        <section class="intro" part="intro">
            <h2 id="selfcheck-intro-heading" tabindex="-1" data-autofocus="">{ text.intro_heading() }</h2>
            if props.resumed { <p class="note">{ text.intro_resumed() }</p> }
            <p>{ text.intro_body() }</p>
            <p class="uses">{ text.intro_uses() }</p>
            <ul class="instrument-list">
                { for props.instruments.iter().map(|id| {
                    let instrument = instrument(*id);
                    html! { <li>{ fill(text.instrument_of(), &[("name", instrument.short_name), ("topic", instrument.topic.get(props.lang))]) }</li> }
                }) }
                if let Some(precheck) = props.precheck {
                    <li>{ precheck.table().title.get(props.lang) }</li>
                }
            </ul>
            <ul class="facts">
                <li>{ fill(text.intro_time(), &[("minutes", &estimated_minutes(props.questions).to_string())]) }</li>
                <li>{ text.what_the_page_learns(props.emit) }</li>
                // A count question's score is the visitor's own answer (how many times), so "not
                // your answers" needs this exception wherever one is asked and scores are sent.
                if props.emit == Emit::Scores { { count_lines(props) } }
                // The level `urgent` is PHQ-9 item 9 answered above "Not at all": a page that
                // learns the level learns that too. Without the PHQ-9 it cannot happen.
                if props.emit != Emit::None && props.instruments.contains(&InstrumentId::Phq9) {
                    <li>{ text.intro_self_harm_level() }</li>
                }
                <li>{ text.intro_not_diagnosis() }</li>
                <li>{ text.who_watches(props.emit) }</li>
            </ul>
            <div class="nav">
                if props.has_answers {
                    <button type="button" class="secondary" part="button" onclick={on_start_over}>{ text.start_over() }</button>
                }
                <button type="button" class="primary" part="button button-primary" onclick={on_start}>
                    { if props.has_answers { text.continue_where_left() } else { text.start() } }
                </button>
            </div>
            { open_earlier(props) }
        </section>
    }
}

/// The file picker, so that the results can show the change (carry="on").
#[cfg(plus)]
fn open_earlier(props: &IntroProps) -> Html {
    if !props.carry {
        return Html::default();
    }
    super::carry::open_earlier(
        props.lang,
        &props.opened,
        &props.instruments,
        super::carry::PickerOn::Intro,
        &props.host,
        &props.on_opened,
    )
}

#[cfg(not(plus))]
fn open_earlier(_: &IntroProps) -> Html {
    Html::default()
}

/// A line for each count question asked (the drug question): its score is the visitor's answer.
#[cfg(plus)]
fn count_lines(props: &IntroProps) -> Html {
    let text = strings(props.lang);
    html! {
        { for props.instruments.iter().filter(|id| instrument(**id).count_max().is_some()).map(|id| html! {
            <li>{ fill(text.intro_emit_count(), &[("name", instrument(*id).short_name)]) }</li>
        }) }
    }
}

/// The default build asks no count question.
#[cfg(not(plus))]
fn count_lines(_: &IntroProps) -> Html {
    Html::default()
}
