//! The Rust source for the static tables. Runs only on data that passed validation.
//!
//! Every text is emitted as its place in the language packs (`Text(12 /* phq9.items.0 */)`);
//! the words themselves reach the widget in the pack of the visitor's language.

use crate::model::*;
use crate::packs::Packs;

impl InstrumentFile {
    pub fn emit(&self, variant: &str, packs: &Packs) -> String {
        let id = &self.id;
        let s = &self.scoring;
        let bands: Vec<_> = s
            .bands
            .iter()
            .map(|b| {
                format!(
                    "Band {{ id: {:?}, min: {}, max: {}, label: {} }}",
                    b.id,
                    b.min,
                    b.max,
                    text(&format!("bands.{id}.{}", b.id))
                )
            })
            .collect();
        let cutoff_choice = s.cutoff_choice.as_ref().map_or("None".into(), |c| {
            format!(
                "Some(CutoffChoice {{ attribute: {:?}, json_key: {:?}, choices: &{:?} }})",
                c.attribute,
                camel_case(&c.attribute),
                c.choices
            )
        });
        let crisis = match (s.crisis_item, s.crisis_at) {
            (Some(item), Some(at)) => {
                format!("Some(CrisisRule {{ item: {}, at: {at} }})", item - 1)
            }
            _ => "None".into(),
        };
        let gate = self.gate.as_ref().map_or("None".into(), |g| {
            format!(
                "Some(Gate {{ key: {:?}, intro: {}, examples: &[{}], text: {}, options: &[{}], continue_when: {} }})",
                g.key,
                text(&format!("{id}.gate.intro")),
                texts(&format!("{id}.gate.examples"), g.examples),
                text(&format!("{id}.gate.text")),
                choices(&format!("{id}.gate.options"), &g.options),
                g.continue_when
            )
        });
        let follow_up = self.follow_up.as_ref().map_or("None".into(), |f| {
            format!(
                "Some(FollowUp {{ key: {:?}, text: {}, options: &[{}] }})",
                f.key,
                text(&format!("{id}.follow_up.text")),
                choices(&format!("{id}.follow_up.options"), &f.options)
            )
        });
        let screener = self.screener.as_ref().map_or("None".into(), |sc| {
            format!(
                "Some(Screener {{ short_name: {:?}, items: {}, positive_at: {} }})",
                sc.short_name, sc.items, sc.positive_at
            )
        });
        let (options, item_options) = if self.options_per_item {
            let lists: Vec<String> = (0..self.items)
                .map(|item| {
                    format!(
                        "&[{}]",
                        choices(&format!("{id}.options.{item}"), &self.options)
                    )
                })
                .collect();
            (String::new(), lists.join(", "))
        } else {
            (
                choices(&format!("{id}.options"), &self.options),
                String::new(),
            )
        };
        let item_note = self.item_note.as_ref().map_or("None".into(), |note| {
            format!(
                "Some(ItemNote {{ text: {}, items: &{:?} }})",
                text(&format!("{id}.item_note")),
                note.items.iter().map(|i| i - 1).collect::<Vec<u8>>()
            )
        });
        let offered: Vec<String> = packs
            .offering(id)
            .map(|variant| format!("Lang::{variant}"))
            .collect();
        format!(
            "Instrument {{ id: InstrumentId::{variant}, short_name: {:?}, offered: &[{}], title: {}, topic: {}, citation: {}, credit: {}, \
             stem: {}, options: &[{options}], item_options: &[{item_options}], item_note: {item_note}, items: &[{}], gate: {gate}, follow_up: {follow_up}, count_max: {:?}, \
             scoring: Scoring {{ max: {}, positive_at: {}, consider_at: {:?}, cutoff_choice: {cutoff_choice}, bands: &[{}], crisis: {crisis}, meaningful_change: {:?} }}, screener: {screener} }},\n",
            self.short_name,
            offered.join(", "),
            text(&format!("{id}.title")),
            text(&format!("{id}.topic")),
            text(&format!("{id}.citation")),
            text(&format!("{id}.credit")),
            if self.has_stem {
                format!("Some({})", text(&format!("{id}.stem")))
            } else {
                "None".into()
            },
            texts(&format!("{id}.items"), self.items),
            self.count_max,
            s.max,
            s.positive_at,
            s.consider_at,
            bands.join(", "),
            s.meaningful_change.as_ref().map(|change| change.points),
        )
    }

    /// Its entry in the LOINC table, kept apart from `INSTRUMENTS` so that a build that never
    /// reads the codes (the widget, until it saves results) does not carry them.
    pub fn emit_loinc(&self) -> String {
        let loinc = self.loinc.as_ref().map_or("None".into(), |l| {
            let answers: Vec<String> = l.answers.iter().map(|list| format!("&{list:?}")).collect();
            let follow_up = l.follow_up.as_ref().map_or("None".into(), |f| {
                format!(
                    "Some(LoincFollowUp {{ code: {:?}, answers: &{:?} }})",
                    f.code, f.answers
                )
            });
            format!(
                "Some(Loinc {{ panel: {:?}, items: &{:?}, total: {:?}, answers: &[{}], follow_up: {follow_up} }})",
                l.panel,
                l.items,
                l.total,
                answers.join(", ")
            )
        });
        format!("{loinc},\n")
    }
}

impl PrecheckFile {
    pub fn emit(&self, variant: &str) -> String {
        let id = &self.id;
        let questions: Vec<String> = self
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let at = format!("precheck.{id}.questions.{i}");
                let (_, values) = crate::validate::PRECHECK_ANSWERS
                    .iter()
                    .find(|(kind, _)| *kind == q.answers)
                    .expect("answer kinds are checked before emitting");
                let labels = values
                    .iter()
                    .map(|v| {
                        format!(
                            "Choice {{ score: {v}, label: {} }}",
                            text(&format!("precheck.answers.{}.{v}", q.answers))
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                format!(
                    "PrecheckQuestion {{ key: {:?}, text: {}, options: &[{labels}], topic: {}, topic_when: &{:?} }}",
                    q.key,
                    text(&format!("{at}.text")),
                    text(&format!("{at}.topic")),
                    q.topic_when
                )
            })
            .collect();
        format!(
            "PrecheckTable {{ id: Precheck::{variant}, title: {}, intro: {}, topics_heading: {}, questions: &[{}] }},\n",
            text(&format!("precheck.{id}.title")),
            text(&format!("precheck.{id}.intro")),
            text(&format!("precheck.{id}.topics_heading")),
            questions.join(", ")
        )
    }
}

impl CrisisFile {
    pub fn emit(&self, packs: &Packs) -> String {
        let mut out = format!("static REGIONS: [Region; {}] = [\n", self.regions.len());
        for r in &self.regions {
            let at = format!("crisis.{}", r.code);
            // Optional wording (a note, opening hours) exists where the English pack has it;
            // every other pack must have the same keys (checked in packs.rs).
            let optional = |key: String| {
                if packs.english_has(&key) {
                    format!("Some({})", text(&key))
                } else {
                    "None".into()
                }
            };
            let resources: Vec<_> = r
                .resources
                .iter()
                .enumerate()
                .map(|(i, res)| {
                    let at = format!("{at}.resources.{i}");
                    format!(
                        "RegionResource {{ name: {}, phone: {:?}, phone_display: {:?}, sms: {:?}, sms_display: {:?}, url: {:?}, hours: {}, note: {} }}",
                        text(&format!("{at}.name")),
                        res.phone,
                        res.phone_display,
                        res.sms,
                        res.sms_display,
                        res.url,
                        optional(format!("{at}.hours")),
                        optional(format!("{at}.note"))
                    )
                })
                .collect();
            out.push_str(&format!(
                "Region {{ code: {:?}, name: {}, emergency: Emergency {{ number: {:?}, label: {}, note: {} }}, resources: &[{}] }},\n",
                r.code,
                text(&format!("{at}.name")),
                r.emergency.number,
                text(&format!("{at}.emergency.label")),
                optional(format!("{at}.emergency.note")),
                resources.join(", ")
            ));
        }
        out.push_str("];\n");
        out
    }
}

/// A text by its place in the downloaded packs (the key stays in a comment for a reader).
fn text(key: &str) -> String {
    format!("Text({} /* {key} */)", crate::packs::index_of(key))
}

fn texts(prefix: &str, count: usize) -> String {
    (0..count)
        .map(|i| text(&format!("{prefix}.{i}")))
        .collect::<Vec<_>>()
        .join(", ")
}

fn choices(prefix: &str, scores: &[u8]) -> String {
    scores
        .iter()
        .enumerate()
        .map(|(i, score)| {
            format!(
                "Choice {{ score: {score}, label: {} }}",
                text(&format!("{prefix}.{i}"))
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `ptsd-cutoff` → `ptsdCutoff`: the JSON key of an attribute, the rule the README states (and
/// config/facts.rs tests).
fn camel_case(attribute: &str) -> String {
    let mut parts = attribute.split('-');
    let mut out = parts.next().unwrap_or_default().to_string();
    for part in parts {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}
