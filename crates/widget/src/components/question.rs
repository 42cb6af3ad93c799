use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use selfcheck_engine::{instrument, Choice, Instrument, Lang, Part, Precheck, Question, Text};
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

/// What a screen asks: a questionnaire's question, or a pre-treatment check's.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    Instrument(Question),
    Precheck(Precheck, u8),
}

pub struct QuestionScreenProps {
    pub asked: Asked,
    pub lang: Lang,
    pub selected: Option<u8>,
    /// For a count question, the text in its field.
    #[cfg(plus)]
    pub count_text: Option<String>,
    pub progress: Option<Progress>,
    pub is_last: bool,
    pub needs_answer: bool,
    pub host: HostHandle,
    pub on_choose: Callback<u8>,
    /// What was typed into a count question.
    #[cfg(plus)]
    pub on_type: Callback<String>,
    pub on_next: Callback<()>,
    pub on_back: Callback<()>,
    pub on_start_over: Callback<()>,
    pub pointer: Rc<RefCell<PointerChoice>>,
}

/// The wording of one question: its text and answer options, from the instrument's data
/// (no options for a count question).
pub fn question_text(
    instrument: &'static Instrument,
    part: Part,
) -> Option<(Text, &'static [Choice])> {
    match part {
        Part::Item(index) => Some((
            *instrument.items.get(usize::from(index))?,
            instrument.options_of(index),
        )),
        Part::Gate => instrument
            .gate
            .as_ref()
            .map(|gate| (gate.text, gate.options)),
        Part::FollowUp => instrument
            .follow_up
            .as_ref()
            .map(|follow_up| (follow_up.text, follow_up.options)),
        #[cfg(plus)]
        Part::Count => instrument.items.first().map(|text| (*text, &[][..])),
    }
}

/// Everything a question screen shows, decided from what it asks.
struct Shown {
    /// `PHQ-9 · Depression`, or the pre-check's title.
    header: String,
    /// The language the wording is in (English for an instrument without a verified
    /// translation).
    wording_lang: Lang,
    /// Said before the question: the PC-PTSD-5's examples, the pre-check's purpose.
    intro: Option<Html>,
    stem: Option<&'static str>,
    wording: &'static str,
    /// Said with the question (the AUDIT-C's standard drink).
    note: Option<&'static str>,
    options: &'static [Choice],
    /// A count question's highest number.
    count_max: Option<u16>,
    credit: Option<(Text, Lang)>,
    /// A stable name for the inputs (`selfcheck-phq9-3`).
    name: String,
}

fn shown(asked: Asked, lang: Lang) -> Option<Shown> {
    let text = strings(lang);
    match asked {
        Asked::Instrument(question) => {
            let instrument = instrument(question.instrument);
            let wording_lang = instrument.shown_in(lang);
            let (wording, options) = question_text(instrument, question.part)?;
            let name = format!("selfcheck-{}", question_key(question).replace('.', "-"));
            let intro = match (&instrument.gate, question.part) {
                (Some(gate), Part::Gate) => Some(html! {
                    <div class="gate-intro" id={format!("{name}-intro")}>
                        <p>{ gate.intro.get(lang) }</p>
                        <ul>{ for gate.examples.iter().map(|example| html! { <li>{ example.get(lang) }</li> }) }</ul>
                    </div>
                }),
                _ => None,
            };
            let note = match question.part {
                Part::Item(index) => instrument.note_for(index).map(|note| note.get(lang)),
                _ => None,
            };
            Some(Shown {
                header: fill(
                    text.instrument_of(),
                    &[
                        ("name", instrument.short_name),
                        ("topic", instrument.topic.get(lang)),
                    ],
                ),
                wording_lang,
                intro,
                // Items carry the instrument's stem (and so its recall period) in their legend,
                // so a screen reader announces it with every item; the gate and the follow-up
                // have their own wording.
                stem: instrument
                    .stem
                    .filter(|_| matches!(question.part, Part::Item(_)))
                    .map(|stem| stem.get(lang)),
                wording: wording.get(lang),
                note,
                options,
                count_max: question.count_max(),
                credit: Some((instrument.credit, instrument.credit.shown_in(wording_lang))),
                name,
            })
        }
        Asked::Precheck(precheck, index) => {
            let table = precheck.table();
            let question = precheck.question(index)?;
            let name = format!("selfcheck-{precheck}-{index}");
            Some(Shown {
                header: table.title.get(lang).to_string(),
                wording_lang: lang,
                // What the section is for, and that it decides nothing: said before its first
                // question.
                intro: (index == 0).then(|| {
                    html! {
                        <div class="gate-intro" id={format!("{name}-intro")}><p>{ table.intro.get(lang) }</p></div>
                    }
                }),
                stem: None,
                wording: question.text.get(lang),
                note: None,
                options: question.options,
                count_max: None,
                credit: None,
                name,
            })
        }
    }
}

/// One question per screen. Choosing with the keyboard only changes the choice (WCAG 3.2.2);
/// choosing with a pointer moves on after a short pause unless reduced motion is asked for.
#[inline(never)]
pub fn question_screen(props: &QuestionScreenProps) -> Html {
    let text = strings(props.lang);
    let Some(shown) = shown(props.asked, props.lang) else {
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

    let name = shown.name;
    let hint_id = format!("{name}-hint");
    let position = props
        .progress
        .map(|progress| (progress, position_words(progress, props.lang)));
    // The intro and the item's note (the AUDIT-C's standard drink) describe the answer group, so
    // a screen reader says them with the question.
    let note_id = format!("{name}-note");
    let described_by = match (shown.intro.is_some(), shown.note.is_some()) {
        (true, true) => Some(format!("{name}-intro {note_id}")),
        (true, false) => Some(format!("{name}-intro")),
        (false, true) => Some(note_id.clone()),
        (false, false) => None,
    };
    let legend = html! {
        <legend tabindex="-1" data-autofocus="">
            // Where the visitor is, said once as focus lands here (the visible position above is
            // hidden from screen readers). In the widget's language even when the question is
            // shown in English.
            if let Some((_, words)) = &position {
                <span class="visually-hidden" lang={props.lang.code()}>{ format!("{words}. ") }</span>
            }
            if let Some(stem) = shown.stem { <span class="stem">{ stem }</span> }
            <span class="item" id={format!("{name}-legend-text")}>{ shown.wording }</span>
        </legend>
    };
    let (answer, hint) = match shown.count_max {
        #[cfg(plus)]
        Some(max) => count_answer(props, &name, &hint_id, legend, described_by, max),
        _ => {
            let answer = html! {
                <fieldset class="question" aria-describedby={described_by}
                    onpointerdown={on_pointer_down} onkeydown={on_key_down}>
                    { legend }
                    if let Some(note) = shown.note { <p class="item-note" id={note_id}>{ note }</p> }
                    <div class="options" part="options">
                        { for shown.options.iter().map(|option| {
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
            };
            (
                answer,
                props.needs_answer.then(|| text.need_answer().to_string()),
            )
        }
    };

    html! {
        <section class="question-screen" part="question">
            if let Some((progress, words)) = &position {
                { progress_view(*progress, words) }
            }
            <p class="instrument-name">{ shown.header }</p>
            if shown.wording_lang != props.lang {
                <p class="note">{ text.only_in_english() }</p>
            }
            <form class="question-form" onsubmit={on_submit} lang={shown.wording_lang.code()} dir={shown.wording_lang.dir()} novalidate=true>
                if let Some(intro) = shown.intro { { intro } }
                { answer }
                <p id={hint_id.clone()} class="hint" aria-live="polite" lang={props.lang.code()} dir={props.lang.dir()}>
                    if let Some(hint) = hint { { hint } }
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
                if let Some((credit, credit_lang)) = shown.credit {
                    <p class="credit" lang={credit_lang.code()} dir={credit_lang.dir()}>{ credit.get(props.lang) }</p>
                }
                <button type="button" class="link" part="button" onclick={on_start_over}>{ text.start_over() }</button>
            </div>
        </section>
    }
}

/// A count question's answer: one text field for digits (a number field's spinner and
/// scroll-wheel changes would alter an answer by accident), named by the question itself; and
/// its hint when the field does not hold a whole number in range.
#[cfg(plus)]
fn count_answer(
    props: &QuestionScreenProps,
    name: &str,
    hint_id: &str,
    legend: Html,
    described_by: Option<String>,
    max: u16,
) -> (Html, Option<String>) {
    let text = strings(props.lang);
    let on_input = props.on_type.reform(|event: InputEvent| {
        event
            .target_dyn_into::<web_sys::HtmlInputElement>()
            .map(|input| input.value())
            .unwrap_or_default()
    });
    let field_id = format!("{name}-count");
    let field_hint_id = format!("{name}-count-hint");
    let answer = html! {
        <fieldset class="question" aria-describedby={described_by}>
            { legend }
            <div class="count" part="options">
                <input id={field_id} type="text" inputmode="numeric" autocomplete="off"
                    class="count-input" part="count-input" maxlength="4"
                    aria-labelledby={format!("{name}-legend-text")}
                    value={props.count_text.clone().unwrap_or_default()}
                    aria-describedby={format!("{field_hint_id} {hint_id}")}
                    aria-invalid={props.needs_answer.then_some("true")}
                    oninput={on_input} />
                <p id={field_hint_id} class="count-hint" lang={props.lang.code()} dir={props.lang.dir()}>{ text.count_hint() }</p>
            </div>
        </fieldset>
    };
    let hint = props
        .needs_answer
        .then(|| fill(text.count_invalid(), &[("max", &max.to_string())]));
    (answer, hint)
}
