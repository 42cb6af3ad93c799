//! The Rust source for the static tables. Runs only on data that passed validation.

use crate::model::*;

impl InstrumentFile {
    pub fn emit(&self, variant: &str) -> String {
        let s = &self.scoring;
        let bands: Vec<_> = s
            .bands
            .iter()
            .map(|b| format!("Band {{ id: {:?}, min: {}, max: {} }}", b.id, b.min, b.max))
            .collect();
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
                text(&g.intro),
                texts(&g.examples),
                text(&g.text),
                choices(&g.options),
                g.continue_when
            )
        });
        let follow_up = self.follow_up.as_ref().map_or("None".into(), |f| {
            format!(
                "Some(FollowUp {{ key: {:?}, text: {}, options: &[{}] }})",
                f.key,
                text(&f.text),
                choices(&f.options)
            )
        });
        let screener = self.screener.as_ref().map_or("None".into(), |sc| {
            format!(
                "Some(Screener {{ short_name: {:?}, items: {}, positive_at: {} }})",
                sc.short_name, sc.items, sc.positive_at
            )
        });
        format!(
            "Instrument {{ id: InstrumentId::{variant}, short_name: {:?}, es_available: {}, title: {}, topic: {}, citation: {:?}, credit: {}, \
             stem: {}, options: &[{}], items: &[{}], gate: {gate}, follow_up: {follow_up}, \
             scoring: Scoring {{ max: {}, positive_at: {}, consider_at: {}, bands: &[{}], crisis: {crisis} }}, screener: {screener} }},\n",
            self.short_name,
            self.es_available.unwrap_or(true),
            text(&self.title),
            text(&self.topic),
            // The paper the scoring comes from; the wording sources stay in the data file.
            self.sources.first().map(String::as_str).unwrap_or_default(),
            text(&self.credit),
            text(&self.stem),
            choices(&self.options),
            texts(&self.items),
            s.max,
            s.positive_at,
            s.consider_at,
            bands.join(", "),
        )
    }
}

impl CrisisFile {
    pub fn emit(&self) -> String {
        let mut out = format!("static REGIONS: [Region; {}] = [\n", self.regions.len());
        for r in &self.regions {
            let resources: Vec<_> = r
                .resources
                .iter()
                .map(|res| {
                    format!(
                        "RegionResource {{ name: {}, phone: {:?}, phone_display: {:?}, sms: {:?}, sms_display: {:?}, url: {:?}, hours: {}, note: {} }}",
                        text(&res.name),
                        res.phone,
                        res.phone_display,
                        res.sms,
                        res.sms_display,
                        res.url,
                        opt_text(&res.hours),
                        opt_text(&res.note)
                    )
                })
                .collect();
            out.push_str(&format!(
                "Region {{ code: {:?}, name: {}, emergency: Emergency {{ number: {:?}, label: {}, note: {} }}, resources: &[{}] }},\n",
                r.code,
                text(&r.name),
                r.emergency.number,
                text(&r.emergency.label),
                opt_text(&r.emergency.note),
                resources.join(", ")
            ));
        }
        out.push_str("];\n");
        out
    }
}

/// `{:?}` of a `str` is a valid Rust string literal, escapes included.
fn text(t: &TextIn) -> String {
    format!("Text {{ en: {:?}, es: {:?} }}", t.en, t.es)
}

fn opt_text(t: &Option<TextIn>) -> String {
    t.as_ref()
        .map_or("None".into(), |t| format!("Some({})", text(t)))
}

fn texts(ts: &[TextIn]) -> String {
    ts.iter().map(text).collect::<Vec<_>>().join(", ")
}

fn choices(cs: &[ChoiceIn]) -> String {
    cs.iter()
        .map(|c| format!("Choice {{ score: {}, label: {} }}", c.score, text(&c.label)))
        .collect::<Vec<_>>()
        .join(", ")
}
