use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use selfcheck_engine::{instrument, Choice, Instrument, Lang, Part, Question, Text};
use yew::prelude::*;

use super::{on_click, position_words, progress_view};
use crate::host::HostHandle;
use crate::i18n::{fill, strings};
use crate::state::{question_key, Progress};

/// After a pointer choice, long enough to see the choice land, short enough not to wait on.
const AUTO_ADVANCE_MS: u32 = 450;

/// The auto-advance a pointer choice may have started, and how the visitor last pressed inside
/// the question. Owned by `Widget` (a hook there) so that it outlives each question's render; a
/// new pending advance replaces, and so cancels, the previous one.
#[derive(Default)]
pub struct PointerChoice {
    pending: Option<Timeout>,
    /// A pointer (mouse, pen, touch) went down inside the question's fieldset since the last
    /// key press there. Every keyboard choice (Space, arrows) starts with a `keydown` on the
    /// radio, and every pointer choice with a `pointerdown` on the radio or its words, in every
    /// engine.
    pointer_pressed: bool,
}

pub struct QuestionScreenProps {
    pub question: Question,
    pub lang: Lang,
    pub selected: Option<u8>,
    pub progress: Option<Progress>,
    pub is_last: bool,
    pub needs_answer: bool,
    pub host: HostHandle,
    pub on_choose: Callback<u8>,
    pub on_next: Callback<()>,
    pub on_back: Callback<()>,
    pub on_start_over: Callback<()>,
    pub pointer: Rc<RefCell<PointerChoice>>,
}

/// The wording of one question: its text and answer options, from the instrument's data.
pub fn question_text(
    instrument: &'static Instrument,
    part: Part,
) -> Option<(Text, &'static [Choice])> {
    match part {
        Part::Item(index) => Some((
            *instrument.items.get(usize::from(index))?,
            instrument.options,
        )),
        Part::Gate => instrument
            .gate
            .as_ref()
            .map(|gate| (gate.text, gate.options)),
        Part::FollowUp => instrument
            .follow_up
            .as_ref()
            .map(|follow_up| (follow_up.text, follow_up.options)),
    }
}

/// The language an instrument is shown in: an instrument without an official translation
/// (PC-PTSD-5 in Spanish) is shown in its original English, marked as such.
pub fn instrument_lang(instrument: &Instrument, lang: Lang) -> Lang {
    if instrument.offered_in(lang) {
        lang
    } else {
        Lang::En
    }
}

/// One question per screen. Choosing with the keyboard only changes the choice (WCAG 3.2.2);
/// choosing with a pointer moves on after a short pause unless reduced motion is asked for.
#[inline(never)]
pub fn question_screen(props: &QuestionScreenProps) -> Html {
    let text = strings(props.lang);
    let instrument = instrument(props.question.instrument);
    let shown_lang = instrument_lang(instrument, props.lang);
    let credit_lang = instrument.credit.shown_in(shown_lang);

    let Some((wording, options)) = question_text(instrument, props.question.part) else {
        return html! {};
    };

    let choose = {
        let on_choose = props.on_choose.clone();
        let on_next = props.on_next.clone();
        let host = props.host.clone();
        let pointer = props.pointer.clone();
        // Not the click's `detail`: WebKit forwards a click on a label to its radio with
        // `detail` 0, as for a key press, while Chromium and Firefox say 1. Who pressed last
        // is told by one `pointerdown` and one `keydown` listener on the fieldset instead.
        Rc::new(move |value: u8| {
            on_choose.emit(value);
            // Taken, not read: a later click that no pointer or key started (a screen reader's
            // activation, voice control) must not inherit this press and move on by itself.
            let by_pointer = std::mem::take(&mut pointer.borrow_mut().pointer_pressed);
            if by_pointer && !host.prefers_reduced_motion() {
                let on_next = on_next.clone();
                // `on_next` names this question, so a late timer after the visitor has moved
                // on is ignored by the reducer.
                pointer.borrow_mut().pending =
                    Some(Timeout::new(AUTO_ADVANCE_MS, move || on_next.emit(())));
            }
        })
    };
    let on_pointer_down = {
        let pointer = props.pointer.clone();
        Callback::from(move |_: PointerEvent| pointer.borrow_mut().pointer_pressed = true)
    };
    let on_key_down = {
        let pointer = props.pointer.clone();
        Callback::from(move |_: KeyboardEvent| {
            // A key pressed while a pointer choice waits to move on (an arrow to change it)
            // means the visitor is still deciding: stay on the question.
            let mut pointer = pointer.borrow_mut();
            pointer.pointer_pressed = false;
            pointer.pending = None;
        })
    };
    let on_submit = props
        .on_next
        .reform(|event: SubmitEvent| event.prevent_default());
    let on_back = on_click(&props.on_back);
    let on_start_over = on_click(&props.on_start_over);

    let name = format!(
        "selfcheck-{}",
        question_key(props.question).replace('.', "-")
    );
    let gate = match (&instrument.gate, props.question.part) {
        (Some(gate), Part::Gate) => Some(gate),
        _ => None,
    };
    // Items carry the instrument's stem (and so its recall period) in their legend, so a screen
    // reader announces it with every item; the gate and the follow-up have their own wording.
    let stem =
        matches!(props.question.part, Part::Item(_)).then(|| instrument.stem.get(props.lang));
    let hint_id = format!("{name}-hint");
    let position = props
        .progress
        .map(|progress| (progress, position_words(progress, props.lang)));

    html! {
        <section class="question-screen" part="question">
            if let Some((progress, words)) = &position {
                { progress_view(*progress, words) }
            }
            <p class="instrument-name">
                { fill(text.instrument_of(), &[("name", instrument.short_name), ("topic", instrument.topic.get(props.lang))]) }
            </p>
            if shown_lang != props.lang {
                <p class="note">{ text.only_in_english() }</p>
            }
            <form class="question-form" onsubmit={on_submit} lang={shown_lang.code()} dir={shown_lang.dir()} novalidate=true>
                if let Some(gate) = gate {
                    <div class="gate-intro" id={format!("{name}-intro")}>
                        <p>{ gate.intro.get(props.lang) }</p>
                        <ul>{ for gate.examples.iter().map(|example| html! { <li>{ example.get(props.lang) }</li> }) }</ul>
                    </div>
                }
                <fieldset class="question" aria-describedby={gate.map(|_| format!("{name}-intro"))}
                    onpointerdown={on_pointer_down} onkeydown={on_key_down}>
                    <legend tabindex="-1" data-autofocus="">
                        // Where the visitor is, said once as focus lands here (the visible
                        // position above is hidden from screen readers). In the widget's
                        // language even when the question is shown in English.
                        if let Some((_, words)) = &position {
                            <span class="visually-hidden" lang={props.lang.code()}>{ format!("{words}. ") }</span>
                        }
                        if let Some(stem) = stem { <span class="stem">{ stem }</span> }
                        <span class="item">{ wording.get(props.lang) }</span>
                    </legend>
                    <div class="options" part="options">
                        { for options.iter().map(|option| {
                            let score = option.score;
                            let choose = choose.clone();
                            let onclick = Callback::from(move |_: MouseEvent| choose(score));
                            let id = format!("{name}-{score}");
                            html! {
                                <label class="option" part="option" for={id.clone()}>
                                    <input type="radio" {id} name={name.clone()} value={score.to_string()}
                                        checked={props.selected == Some(score)} {onclick} />
                                    <span>{ option.label.get(props.lang) }</span>
                                </label>
                            }
                        }) }
                    </div>
                </fieldset>
                <p id={hint_id.clone()} class="hint" aria-live="polite">
                    if props.needs_answer { { text.need_answer() } }
                </p>
                <div class="nav" part="nav" lang={props.lang.code()}>
                    <button type="button" class="secondary" part="button" onclick={on_back}>{ text.back() }</button>
                    <button type="submit" class="primary" part="button button-primary"
                        aria-disabled={props.selected.is_none().then_some("true")}
                        aria-describedby={hint_id}>
                        { if props.is_last { text.see_results() } else { text.next() } }
                    </button>
                </div>
            </form>
            <div class="screen-footer">
                <p class="credit" lang={credit_lang.code()} dir={credit_lang.dir()}>{ instrument.credit.get(props.lang) }</p>
                <button type="button" class="link" part="button" onclick={on_start_over}>{ text.start_over() }</button>
            </div>
        </section>
    }
}
