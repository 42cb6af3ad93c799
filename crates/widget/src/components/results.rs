use std::rc::Rc;

use selfcheck_engine::change::Change;
use selfcheck_engine::{
    instrument, Config, Explanation, InstrumentResult, Lang, Level, Precheck, Report, ScoreShown,
    Topic,
};
use yew::prelude::*;

use super::{crisis_panel, gauge, on_click, print_summary};
use crate::host::{HostHandle, WidgetEvent};
use crate::i18n::{fill, strings, UiStrings};

pub struct ResultsProps {
    pub report: Rc<Report>,
    /// The pre-treatment check's topics, when the clinic asks one.
    pub topics: Option<(Precheck, Vec<Topic>)>,
    pub config: Rc<Config>,
    pub lang: Lang,
    pub crisis_raised: bool,
    pub host: HostHandle,
    pub on_back: Callback<()>,
    pub on_clear: Callback<()>,
    /// The file opened to compare with (carry="on").
    #[cfg(plus)]
    pub opened: super::carry::Opened,
    #[cfg(plus)]
    pub on_opened: super::carry::OnOpened,
}

pub fn headline(text: UiStrings, level: Level) -> &'static str {
    match level {
        Level::Urgent => text.level_urgent(),
        Level::Recommended => text.level_recommended(),
        Level::Consider => text.level_consider(),
        Level::NotIndicated => text.level_not_indicated(),
    }
}

/// How a score is said: `7 of 27`, or the number a count question was answered with.
pub fn score_words(text: UiStrings, result: &InstrumentResult) -> String {
    match result.score_shown() {
        ScoreShown::OfMax { score, max } => fill(
            text.score_of(),
            &[("score", &score.to_string()), ("max", &max.to_string())],
        ),
        #[cfg(plus)]
        ScoreShown::Times(times) => fill(text.your_answer(), &[("answer", &times.to_string())]),
    }
}

/// The sentence that explains a result, as the engine chose it.
pub fn explanation_words(text: UiStrings, result: &InstrumentResult) -> String {
    match result.explanation() {
        Explanation::ScreenerNegative {
            name,
            score,
            max,
            cutoff,
        } => fill(
            text.screener_negative(),
            &[
                ("name", name),
                ("score", &score.to_string()),
                ("max", &max.to_string()),
                ("cutoff", &cutoff.to_string()),
            ],
        ),
        Explanation::NoExposure => text.no_exposure().to_string(),
        Explanation::AtOrAboveCutoff { cutoff } => fill(
            text.at_or_above_cutoff(),
            &[("cutoff", &cutoff.to_string())],
        ),
        Explanation::BelowCutoff { cutoff } => {
            fill(text.below_cutoff(), &[("cutoff", &cutoff.to_string())])
        }
    }
}

/// The pre-check's topics to discuss, each with the answer that raised it; or, with none, that
/// the list decides nothing.
#[cfg(plus)]
pub fn topic_list(precheck: Precheck, topics: &[Topic], lang: Lang) -> Html {
    let text = strings(lang);
    html! {
        <section class="topics" part="topics">
            <h3>{ precheck.table().topics_heading.get(lang) }</h3>
            if topics.is_empty() {
                <p>{ text.precheck_no_topics() }</p>
            } else {
                <ul>
                    { for topics.iter().map(|topic| html! {
                        <li>
                            <p>{ topic.question.topic.get(lang) }</p>
                            <p class="topic-answer">{ fill(text.your_answer(), &[("answer", topic.answer.label.get(lang))]) }</p>
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}

/// The default build has no pre-check (`Precheck` has no value there): nothing to list.
#[cfg(not(plus))]
pub fn topic_list(precheck: Precheck, _: &[Topic], _: Lang) -> Html {
    match precheck {}
}

#[inline(never)]
pub fn results(props: &ResultsProps) -> Html {
    let text = strings(props.lang);
    let level = props.report.level;
    let on_back = on_click(&props.on_back);
    let on_clear = on_click(&props.on_clear);
    let on_print = {
        let host = props.host.clone();
        Callback::from(move |_: MouseEvent| host.print())
    };
    let on_booking = {
        let host = props.host.clone();
        let report = props.report.clone();
        Callback::from(move |_: MouseEvent| host.emit(WidgetEvent::Booking(&report)))
    };
    let changes = changes(props);
    // One QR code for the screen and the printed summary.
    let qr = qr_code(props);

    html! {
        <section class="results" part="results">
            // The crisis lines come first, and focus lands on their heading, so reading on from
            // there meets them before the scores.
            if props.crisis_raised {
                { crisis_panel(&props.config, props.lang, true, Html::default()) }
            }
            <h2 id="selfcheck-results-heading" tabindex="-1"
                data-autofocus={(!props.crisis_raised).then_some("")}>{ text.results_heading() }</h2>
            <p class="headline" data-level={level.as_str()}>{ headline(text, level) }</p>
            if level == Level::NotIndicated {
                <p>{ text.level_not_indicated_more() }</p>
            }
            <ul class="cards">
                { for props.report.results.iter().map(|result| html! {
                    <li>{ card_with_change(props, result, &changes) }</li>
                }) }
            </ul>
            if let Some((precheck, topics)) = &props.topics {
                { topic_list(*precheck, topics, props.lang) }
            }
            if level.offers_booking() {
                <div class="booking" part="booking">
                    if let Some(booking) = &props.config.booking {
                        <p>{ match &props.config.clinic_name {
                            Some(clinic) => fill(text.booking_intro_clinic(), &[("clinic", clinic)]),
                            None => text.booking_intro().to_string(),
                        } }</p>
                        <a class="button primary" part="button button-primary booking-link" href={booking.url.clone()}
                            onclick={on_booking}>
                            { booking.label.clone().unwrap_or_else(|| text.booking_default().to_string()) }
                        </a>
                    } else {
                        <p>{ text.no_booking() }</p>
                    }
                </div>
            }
            <div class="nav results-nav" part="nav">
                <button type="button" class="secondary" part="button" onclick={on_print}>{ text.print() }</button>
                <button type="button" class="secondary" part="button" onclick={on_back}>{ text.change_answers() }</button>
                <button type="button" class="secondary" part="button" onclick={on_clear}>{ text.clear() }</button>
            </div>
            { carry_section(props, qr.clone()) }
            <section class="about">
                <h3>{ text.about_heading() }</h3>
                <p>{ text.about_body() }</p>
                <ul class="sources">
                    { for props.report.results.iter().map(|result| {
                        let instrument = instrument(result.id);
                        let shown = instrument.shown_in(props.lang);
                        let title_lang = instrument.title.shown_in(shown);
                        let credit_lang = instrument.credit.shown_in(shown);
                        html! {
                            <li lang={shown.code()} dir={shown.dir()}>
                                <p class="source-title" lang={title_lang.code()} dir={title_lang.dir()}>{ instrument.title.get(props.lang) }</p>
                                // A bibliographic reference, written as published.
                                <p class="citation" lang="en" dir="ltr">{ instrument.citation.get(props.lang) }</p>
                                <p class="credit" lang={credit_lang.code()} dir={credit_lang.dir()}>{ instrument.credit.get(props.lang) }</p>
                            </li>
                        }
                    }) }
                </ul>
                <p class="not-diagnosis">{ text.not_diagnosis() }</p>
                <p>{ text.who_watches(props.config.emit) }</p>
            </section>
            { print_summary(&props.report, props.topics.as_ref(), props.lang, &props.host.today(props.lang.code()), qr) }
        </section>
    }
}

/// Each instrument's change since the file opened to compare with, if any; none once the page
/// has turned `carry` off.
#[cfg(plus)]
fn changes(props: &ResultsProps) -> Vec<Change> {
    if !props.config.carry {
        return Vec::new();
    }
    super::carry::changes(&props.opened, &props.report)
}

/// The default build compares nothing (an array, not a `Vec`: no allocation code for it).
#[cfg(not(plus))]
fn changes(_: &ResultsProps) -> [Change; 0] {
    []
}

/// The card, with last time's total and the change when a file was opened to compare.
#[cfg(plus)]
fn card_with_change(props: &ResultsProps, result: &InstrumentResult, changes: &[Change]) -> Html {
    use super::carry::{change_of, change_words, earlier_marker};
    match (change_of(changes, result), &props.opened) {
        (Some(change), Some(Ok(earlier))) => {
            let date = props.host.date_of(&earlier.authored, props.lang.code());
            let words = change_words(strings(props.lang), change, &date, result.gauge().is_some());
            result_card(result, props.lang, words, earlier_marker(change))
        }
        _ => result_card(result, props.lang, Html::default(), None),
    }
}

#[cfg(not(plus))]
fn card_with_change(props: &ResultsProps, result: &InstrumentResult, _: &[Change]) -> Html {
    result_card(result, props.lang, Html::default(), None)
}

/// The QR code, the save button and the picker, when the clinic lets visitors carry results.
#[cfg(plus)]
fn carry_section(props: &ResultsProps, qr: Html) -> Html {
    if !props.config.carry {
        return Html::default();
    }
    super::carry::carry_section(
        &props.report,
        props.lang,
        qr,
        &props.host,
        &props.opened,
        &props.on_opened,
    )
}

#[cfg(not(plus))]
fn carry_section(_: &ResultsProps, _: Html) -> Html {
    Html::default()
}

/// The results' QR code and its text, on the screen and on the printed summary alike.
#[cfg(plus)]
fn qr_code(props: &ResultsProps) -> Html {
    if !props.config.carry {
        return Html::default();
    }
    let now = props.host.now();
    super::carry::qr_figure(&props.report, now.get(..10).unwrap_or(""), props.lang)
}

#[cfg(not(plus))]
fn qr_code(_: &ResultsProps) -> Html {
    Html::default()
}

/// One instrument's score and band in words, and a gauge that draws the same for the eye;
/// `change` and `earlier` say how it was last time, when a saved file was opened.
#[inline(never)]
pub fn result_card(
    result: &InstrumentResult,
    lang: Lang,
    change: Html,
    earlier: Option<u8>,
) -> Html {
    let text = strings(lang);
    let instrument = instrument(result.id);
    let band = result.band_label().map(|band| band.get(lang));
    html! {
        <article class="card" data-positive={result.positive.then_some("true")} part="result-card">
            <h3>{ fill(text.instrument_of(), &[("name", result.name()), ("topic", instrument.topic.get(lang))]) }</h3>
            <p class="score">
                <span class="score-number">{ score_words(text, result) }</span>
                if let Some(band) = band { <span class="band">{ band }</span> }
            </p>
            if let Some(segments) = result.gauge() {
                { gauge(result.total, result.max, &segments, earlier) }
            }
            <p class="explanation">{ explanation_words(text, result) }</p>
            { change }
        </article>
    }
}
