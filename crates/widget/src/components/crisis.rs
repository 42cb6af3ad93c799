use selfcheck_engine::{region, Config, Emergency, Lang};
use yew::prelude::*;

use crate::i18n::{fill, strings};

/// One helpline as shown, borrowed from the built-in regional data or the clinic's own list.
/// Numbers come as (dialable, as written).
struct Line<'a> {
    name: &'a str,
    phone: Option<(String, &'a str)>,
    sms: Option<(String, &'a str)>,
    url: Option<&'a str>,
    hours: Option<&'a str>,
    note: Option<&'a str>,
}

/// The helplines (the clinic's own if it gave any, else the region's) and the region's emergency
/// number, which is shown either way: a clinic's own list rarely has one.
fn lines(config: &Config, lang: Lang) -> (Vec<Line<'_>>, Option<&'static Emergency>) {
    let region = config.crisis.region.and_then(region);
    let lines = match (&config.crisis.resources, region) {
        (Some(resources), _) => resources
            .iter()
            .map(|resource| Line {
                name: &resource.name,
                phone: resource
                    .phone
                    .as_deref()
                    .map(|number| (dialable(number), number)),
                sms: resource
                    .sms
                    .as_deref()
                    .map(|number| (dialable(number), number)),
                url: resource.url.as_deref(),
                hours: resource.hours.as_deref(),
                note: None,
            })
            .collect(),
        (None, Some(region)) => region
            .resources
            .iter()
            .map(|resource| Line {
                name: resource.name.get(lang),
                phone: resource
                    .phone
                    .map(|number| (number.into(), resource.phone_display.unwrap_or(number))),
                sms: resource
                    .sms
                    .map(|number| (number.into(), resource.sms_display.unwrap_or(number))),
                url: resource.url,
                hours: resource.hours.map(|hours| hours.get(lang)),
                note: resource.note.map(|note| note.get(lang)),
            })
            .collect(),
        (None, None) => Vec::new(),
    };
    (lines, region.map(|region| &region.emergency))
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

/// The helplines for the configured region (or the clinic's own), with tel: and sms: links,
/// the emergency number, and the reminder that no one is watching (worded to follow `emit`).
///
/// Views without hooks are plain functions, not components: each component costs the wasm its
/// own lifecycle code, and these never need one.
#[inline(never)]
pub fn crisis_resources(config: &Config, lang: Lang) -> Html {
    let text = strings(lang);
    let (lines, emergency) = lines(config, lang);
    html! {
        <div class="resources">
            <ul class="lines">
                { for lines.into_iter().map(|line| html! {
                    <li class="line">
                        <p class="line-name">{ line.name }</p>
                        <p class="line-actions">
                            if let Some((number, shown)) = &line.phone {
                                <a class="call" href={format!("tel:{number}")}>{ fill(text.call(), &[("number", shown)]) }</a>
                            }
                            if let Some((number, shown)) = &line.sms {
                                <a class="sms" href={format!("sms:{number}")}>{ fill(text.text(), &[("number", shown)]) }</a>
                            }
                            if let Some(url) = &line.url {
                                // The site's own name is the link text: it says where the link goes.
                                <a class="web" href={url.to_string()} target="_blank" rel="noopener noreferrer">{ site_name(url) }</a>
                            }
                        </p>
                        if let Some(hours) = &line.hours { <p class="line-hours">{ hours }</p> }
                        if let Some(note) = &line.note { <p class="line-note">{ note }</p> }
                    </li>
                }) }
            </ul>
            if let Some(emergency) = emergency {
                <p class="emergency">
                    <a href={format!("tel:{}", emergency.number)}>{ fill(text.emergency(), &[("number", emergency.number)]) }</a>
                </p>
                // Other numbers that also reach the emergency services, in the data's own words.
                if let Some(note) = emergency.note { <p class="line-note">{ note.get(lang) }</p> }
            } else {
                <p class="emergency">{ text.local_emergency() }</p>
            }
            <p class="not-monitored">{ text.who_watches(config.emit) }</p>
        </div>
    }
}

/// Shown the moment PHQ-9 item 9 is answered above 0, and again at the head of the results.
/// `autofocus` marks the heading as where focus goes when the panel appears. Not an alert:
/// focus on the heading already makes a screen reader say it, and an alert would say it again
/// (the whole panel, on the results, together with the results heading). Not a region named
/// by its heading either: landing on the heading would say the name twice.
#[inline(never)]
pub fn crisis_panel(config: &Config, lang: Lang, autofocus: bool, children: Html) -> Html {
    let text = strings(lang);
    html! {
        <section class="crisis" part="crisis">
            <h2 id="selfcheck-crisis-heading" tabindex="-1" data-autofocus={autofocus.then_some("")}>
                { text.crisis_heading() }
            </h2>
            <p>{ text.crisis_body() }</p>
            { crisis_resources(config, lang) }
            { children }
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
