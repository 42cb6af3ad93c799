use selfcheck_engine::{instrument, Choice, Flag, Lang, Precheck, Report, Topic};
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

/// The one-page clinician summary: hidden on screen, the only thing printed. `date` is today's,
/// written for the visitor's language (empty where there is no browser).
#[inline(never)]
pub fn print_summary(
    report: &Report,
    topics: Option<&(Precheck, Vec<Topic>)>,
    lang: Lang,
    date: &str,
) -> Html {
    let text = strings(lang);
    html! {
        <div class="print-summary" part="print-summary" aria-hidden="true">
            <h2>{ text.print_title() }</h2>
            if !date.is_empty() { <p>{ fill(text.print_date(), &[("date", date)]) }</p> }
            <p class="print-level">{ fill(text.print_level(), &[("level", headline(text, report.level))]) }</p>
            { for report.results.iter().map(|result| {
                let instrument = instrument(result.id);
                // Shown in English, marked so, where the language has no verified official translation;
                // the visitor's pack carries that English wording.
                let shown = instrument.shown_in(lang);
                let credit_lang = instrument.credit.shown_in(shown);
                let band = result.band_label().map(|band| band.get(lang));
                let total = score_words(text, result);
                html! {
                    <section class="print-instrument">
                        <h3>
                            { instrument.short_name }{ " — " }{ text.print_total() }{ ": " }{ total }
                            if let Some(band) = band { { " (" }{ band }{ ")" } }
                        </h3>
                        // The cut-off the total was judged against: for the PC-PTSD-5 and the
                        // AUDIT-C it may be the clinic's choice, which a reader of the total cannot
                        // guess.
                        <p class="print-cutoff">{ explanation_words(text, result) }</p>
                        <table>
                            <thead><tr>
                                <th scope="col">{ text.print_question() }</th>
                                <th scope="col">{ text.print_answer() }</th>
                                <th scope="col">{ text.print_points() }</th>
                            </tr></thead>
                            <tbody lang={shown.code()} dir={shown.dir()}>
                                if let (Some(gate), Some(exposure)) = (&instrument.gate, result.exposure) {
                                    <tr>
                                        <td>{ gate.text.get(lang) }</td>
                                        <td>{ label_of(gate.options, u8::from(exposure), lang) }</td>
                                        <td>{ "—" }</td>
                                    </tr>
                                }
                                if let Some(count) = result.count {
                                    <tr>
                                        <td>{ instrument.items.first().map_or("", |item| item.get(lang)) }</td>
                                        <td>{ count }</td>
                                        <td>{ "—" }</td>
                                    </tr>
                                } else {
                                    { for result.answers.iter().enumerate().map(|(index, value)| html! {
                                        <tr>
                                            <td>{ format!("{}. {}", index + 1, instrument.items[index].get(lang)) }</td>
                                            <td>{ label_of(instrument.options_of(index as u8), *value, lang) }</td>
                                            <td>{ value }</td>
                                        </tr>
                                    }) }
                                }
                                if let Some(follow_up) = &instrument.follow_up {
                                    <tr>
                                        <td>{ text.print_difficulty() }{ ": " }{ follow_up.text.get(lang) }</td>
                                        <td>{ result.difficulty.map_or(text.print_not_asked(), |value| label_of(follow_up.options, value, lang)) }</td>
                                        <td>{ "—" }</td>
                                    </tr>
                                }
                            </tbody>
                        </table>
                        if result.flags.contains(&Flag::SelfHarm) {
                            <p class="print-flag">{ text.print_flag_self_harm() }</p>
                        }
                        // The publisher's credit travels with its questionnaire, on paper as on screen.
                        <p class="print-credit" lang={credit_lang.code()} dir={credit_lang.dir()}>{ instrument.credit.get(lang) }</p>
                    </section>
                }
            }) }
            if let Some((precheck, topics)) = topics {
                { topic_list(*precheck, topics, lang) }
            }
            <p class="print-footer">{ text.print_footer() }</p>
        </div>
    }
}
