use std::rc::Rc;

use selfcheck_engine::{instrument, Config, InstrumentResult, Lang, Level, Report, Screen};
use yew::prelude::*;

use super::{crisis_panel, gauge, instrument_lang, on_click, print_summary, Segment};
use crate::host::{HostHandle, WidgetEvent};
use crate::i18n::{fill, strings, UiStrings};

pub struct ResultsProps {
    pub report: Rc<Report>,
    pub config: Rc<Config>,
    pub lang: Lang,
    pub crisis_raised: bool,
    pub host: HostHandle,
    pub on_back: Callback<()>,
    pub on_clear: Callback<()>,
}

pub fn headline(text: UiStrings, level: Level) -> &'static str {
    match level {
        Level::Urgent => text.level_urgent(),
        Level::Recommended => text.level_recommended(),
        Level::Consider => text.level_consider(),
        Level::NotIndicated => text.level_not_indicated(),
    }
}

pub fn band_words(text: UiStrings, band: &str) -> Option<&'static str> {
    Some(match band {
        "minimal" => text.band_minimal(),
        "mild" => text.band_mild(),
        "moderate" => text.band_moderate(),
        "moderately_severe" => text.band_moderately_severe(),
        "severe" => text.band_severe(),
        _ => return None,
    })
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
    let offers_booking = matches!(level, Level::Urgent | Level::Recommended | Level::Consider);

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
                    <li>{ result_card(result, props.lang) }</li>
                }) }
            </ul>
            if offers_booking {
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
            <section class="about">
                <h3>{ text.about_heading() }</h3>
                <p>{ text.about_body() }</p>
                <ul class="sources">
                    { for props.report.results.iter().map(|result| {
                        let instrument = instrument(result.id);
                        let shown = instrument_lang(instrument, props.lang);
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
            { print_summary(&props.report, props.lang, &props.host.today(props.lang.code())) }
        </section>
    }
}

/// One instrument's score and band in words, and a gauge that draws the same for the eye.
#[inline(never)]
pub fn result_card(result: &InstrumentResult, lang: Lang) -> Html {
    let text = strings(lang);
    let instrument = instrument(result.id);
    let screener = instrument
        .screener
        .as_ref()
        .filter(|_| result.screen == Screen::ScreenerNegative);
    let name = match screener {
        Some(screener) => screener.short_name,
        None => instrument.short_name,
    };
    // The cut-off the engine judged this result against, which may be the clinic's choice.
    let cutoff = result.positive_at;
    let band = result.band.and_then(|band| band_words(text, band));
    let score = fill(
        text.score_of(),
        &[
            ("score", &result.total.to_string()),
            ("max", &result.max.to_string()),
        ],
    );
    let segments = match (screener, instrument.scoring.bands) {
        (None, bands) if !bands.is_empty() => bands
            .iter()
            .map(|band| Segment {
                min: band.min,
                max: band.max,
            })
            .collect(),
        _ => vec![
            Segment {
                min: 0,
                max: cutoff.saturating_sub(1),
            },
            Segment {
                min: cutoff,
                max: result.max,
            },
        ],
    };
    let explanation = if screener.is_some() {
        fill(
            text.screener_negative(),
            &[
                ("name", name),
                ("score", &result.total.to_string()),
                ("max", &result.max.to_string()),
                ("cutoff", &cutoff.to_string()),
            ],
        )
    } else if result.exposure == Some(false) {
        text.no_exposure().to_string()
    } else if result.positive {
        fill(
            text.at_or_above_cutoff(),
            &[("cutoff", &cutoff.to_string())],
        )
    } else {
        fill(text.below_cutoff(), &[("cutoff", &cutoff.to_string())])
    };
    html! {
        <article class="card" data-positive={result.positive.then_some("true")} part="result-card">
            <h3>{ fill(text.instrument_of(), &[("name", name), ("topic", instrument.topic.get(lang))]) }</h3>
            <p class="score">
                <span class="score-number">{ score }</span>
                if let Some(band) = band { <span class="band">{ band }</span> }
            </p>
            { gauge(result.total, result.max, &segments) }
            <p class="explanation">{ explanation }</p>
        </article>
    }
}
