use selfcheck_engine::{instrument, Choice, Flag, InstrumentResult, Lang, Precheck, Report, Topic};
use yew::prelude::*;

use super::headline;
use super::results::{explanation_words, score_words, topic_list};
use crate::i18n::{fill, strings};

fn label_of(options: &[Choice], value: u8, lang: Lang) -> &'static str {
    options
        .iter()
        .find(|option| option.score == value)
        .map_or("", |option| option.label.get(lang))
}

/// One questionnaire on the summary: its total and band, the cut-off, a row per question
/// (answer and points), the self-harm flag and the publisher's credit.
fn instrument_section(result: &InstrumentResult, lang: Lang) -> Html {
    let text = strings(lang);
    let instrument = instrument(result.id);
    // Shown in English, marked so, where the language has no verified official translation;
    // the visitor's pack carries that English wording.
    let shown = instrument.shown_in(lang);
    let credit_lang = instrument.credit.shown_in(shown);
    let mut heading = format!(
        "{} — {}: {}",
        instrument.short_name,
        text.print_total(),
        score_words(text, result)
    );
    if let Some(band) = result.band_label() {
        heading = format!("{heading} ({})", band.get(lang));
    }
    // Every row built first and drawn by one template: (question, answer, points).
    let no_points = || "—".to_string();
    let mut rows: Vec<(String, &str, String)> = Vec::new();
    if let (Some(gate), Some(exposure)) = (&instrument.gate, result.exposure) {
        let answer = label_of(gate.options, u8::from(exposure), lang);
        rows.push((gate.text.get(lang).into(), answer, no_points()));
    }
    #[cfg(plus)]
    let count = result.count.map(|count| count.to_string());
    #[cfg(not(plus))]
    let count: Option<String> = None;
    match &count {
        Some(count) => {
            let question = instrument.items.first().map_or("", |item| item.get(lang));
            rows.push((question.into(), count, no_points()));
        }
        None => {
            for (index, value) in result.answers.iter().enumerate() {
                let question = format!("{}. {}", index + 1, instrument.items[index].get(lang));
                let answer = label_of(instrument.options_of(index as u8), *value, lang);
                rows.push((question, answer, value.to_string()));
            }
        }
    }
    if let Some(follow_up) = &instrument.follow_up {
        let question = format!("{}: {}", text.print_difficulty(), follow_up.text.get(lang));
        let answer = result.difficulty.map_or(text.print_not_asked(), |value| {
            label_of(follow_up.options, value, lang)
        });
        rows.push((question, answer, no_points()));
    }
    html! {
        <section class="print-instrument">
            <h3>{ heading }</h3>
            // The cut-off the total was judged against: for the PC-PTSD-5 and the AUDIT-C it
            // may be the clinic's choice, which a reader of the total cannot guess.
            <p class="print-cutoff">{ explanation_words(text, result) }</p>
            <table>
                <thead><tr>
                    <th scope="col">{ text.print_question() }</th>
                    <th scope="col">{ text.print_answer() }</th>
                    <th scope="col">{ text.print_points() }</th>
                </tr></thead>
                <tbody lang={shown.code()} dir={shown.dir()}>
                    { for rows.into_iter().map(|(question, answer, points)| html! {
                        <tr><td>{ question }</td><td>{ answer }</td><td>{ points }</td></tr>
                    }) }
                </tbody>
            </table>
            if result.flags.contains(&Flag::SelfHarm) {
                <p class="print-flag">{ text.print_flag_self_harm() }</p>
            }
            // The publisher's credit travels with its questionnaire, on paper as on screen.
            <p class="print-credit" lang={credit_lang.code()} dir={credit_lang.dir()}>{ instrument.credit.get(lang) }</p>
        </section>
    }
}

/// The one-page clinician summary: hidden on screen, the only thing printed. `date` is today's,
/// written for the visitor's language (empty where there is no browser); `qr` the results' QR
/// code and its text, when the clinic lets visitors carry their results.
#[inline(never)]
pub fn print_summary(
    report: &Report,
    topics: Option<&(Precheck, Vec<Topic>)>,
    lang: Lang,
    date: &str,
    qr: Html,
) -> Html {
    let text = strings(lang);
    html! {
        <div class="print-summary" part="print-summary" aria-hidden="true">
            <h2>{ text.print_title() }</h2>
            if !date.is_empty() { <p>{ fill(text.print_date(), &[("date", date)]) }</p> }
            <p class="print-level">{ fill(text.print_level(), &[("level", headline(text, report.level))]) }</p>
            { for report.results.iter().map(|result| instrument_section(result, lang)) }
            if let Some((precheck, topics)) = topics {
                { topic_list(*precheck, topics, lang) }
            }
            { qr }
            <p class="print-footer">{ text.print_footer() }</p>
        </div>
    }
}
