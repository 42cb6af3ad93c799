use std::rc::Rc;

use selfcheck_engine::{region, Config, Crisis, Lang};
use yew::prelude::*;

use crate::i18n::{fill, strings};

/// One helpline as shown: from the built-in regional data or the clinic's own list.
#[derive(Clone, PartialEq)]
struct Line {
    name: String,
    phone: Option<(String, String)>,
    sms: Option<(String, String)>,
    url: Option<String>,
    hours: Option<String>,
    note: Option<String>,
}

fn lines(config: &Config, lang: Lang) -> (Vec<Line>, Option<&'static str>) {
    match &config.crisis {
        Crisis::Region(code) => match region(code) {
            Some(region) => {
                let lines = region
                    .resources
                    .iter()
                    .map(|resource| Line {
                        name: resource.name.get(lang).to_string(),
                        phone: resource.phone.map(|number| {
                            (
                                number.to_string(),
                                resource.phone_display.unwrap_or(number).to_string(),
                            )
                        }),
                        sms: resource.sms.map(|number| {
                            (
                                number.to_string(),
                                resource.sms_display.unwrap_or(number).to_string(),
                            )
                        }),
                        url: resource.url.map(str::to_string),
                        hours: resource.hours.map(|hours| hours.get(lang).to_string()),
                        note: resource.note.map(|note| note.get(lang).to_string()),
                    })
                    .collect();
                (lines, Some(region.emergency.number))
            }
            None => (Vec::new(), None),
        },
        Crisis::Custom(resources) => {
            let lines = resources
                .iter()
                .map(|resource| Line {
                    name: resource.name.clone(),
                    phone: resource
                        .phone
                        .clone()
                        .map(|number| (dialable(&number), number)),
                    sms: resource
                        .sms
                        .clone()
                        .map(|number| (dialable(&number), number)),
                    url: resource.url.clone(),
                    hours: resource.hours.clone(),
                    note: None,
                })
                .collect();
            (lines, None)
        }
    }
}

/// `https://www.samaritans.org/how-we-can-help/` reads better as `samaritans.org`.
fn site_name(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host)
}

/// A clinic may write `(555) 010-0100`; a tel: link wants `5550100100`.
fn dialable(number: &str) -> String {
    number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct CrisisResourcesProps {
    pub config: Rc<Config>,
    pub lang: Lang,
}

/// The helplines for the configured region (or the clinic's own), with tel: and sms: links,
/// the emergency number, and the reminder that no one is watching the answers.
#[component]
pub fn CrisisResources(props: &CrisisResourcesProps) -> Html {
    let text = strings(props.lang);
    let (lines, emergency) = lines(&props.config, props.lang);
    html! {
        <div class="resources">
            <ul class="lines">
                { for lines.into_iter().map(|line| html! {
                    <li class="line">
                        <p class="line-name">{ line.name }</p>
                        <p class="line-actions">
                            if let Some((number, shown)) = &line.phone {
                                <a class="call" href={format!("tel:{number}")}>{ fill(text.call, &[("number", shown)]) }</a>
                            }
                            if let Some((number, shown)) = &line.sms {
                                <a class="sms" href={format!("sms:{number}")}>{ fill(text.text, &[("number", shown)]) }</a>
                            }
                            if let Some(url) = &line.url {
                                <a class="web" href={url.clone()} target="_blank" rel="noopener noreferrer"
                                    aria-label={format!("{}: {}", text.website, site_name(url))}>{ site_name(url) }</a>
                            }
                        </p>
                        if let Some(hours) = &line.hours { <p class="line-hours">{ hours }</p> }
                        if let Some(note) = &line.note { <p class="line-note">{ note }</p> }
                    </li>
                }) }
            </ul>
            if let Some(number) = emergency {
                <p class="emergency">
                    <a href={format!("tel:{number}")}>{ fill(text.emergency, &[("number", number)]) }</a>
                </p>
            }
            <p class="not-monitored">{ text.not_monitored }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CrisisPanelProps {
    pub config: Rc<Config>,
    pub lang: Lang,
    /// Marks the heading as the place focus goes when the panel appears.
    #[prop_or_default]
    pub autofocus: bool,
    #[prop_or_default]
    pub children: Html,
}

/// Shown the moment PHQ-9 item 9 is answered above 0, and again at the head of the results.
#[component]
pub fn CrisisPanel(props: &CrisisPanelProps) -> Html {
    let text = strings(props.lang);
    html! {
        <section class="crisis" part="crisis" role="alert" aria-labelledby="selfcheck-crisis-heading">
            <h2 id="selfcheck-crisis-heading" tabindex="-1" data-autofocus={props.autofocus.then_some("")}>
                { text.crisis_heading }
            </h2>
            <p>{ text.crisis_body }</p>
            <CrisisResources config={props.config.clone()} lang={props.lang} />
            { props.children.clone() }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_website_is_shown_by_its_host_name() {
        assert_eq!(
            site_name("https://www.samaritans.org/how-we-can-help/"),
            "samaritans.org"
        );
        assert_eq!(site_name("https://988lifeline.org"), "988lifeline.org");
        assert_eq!(site_name("https://example.org?x=1"), "example.org");
    }

    #[test]
    fn a_written_phone_number_becomes_dialable() {
        assert_eq!(dialable("(555) 010-0199"), "5550100199");
        assert_eq!(dialable("+44 116 123"), "+44116123");
    }
}
