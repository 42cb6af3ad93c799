//! Valid configurations parse to the expected typed config; attributes override JSON.

use selfcheck_engine::{
    Booking, Config, Crisis, CrisisResource, Cutoffs, Emit, InstrumentId, InstrumentId::*, Lang,
    Mode, Precheck,
};

#[test]
fn no_configuration_at_all_gives_the_defaults() {
    let config = Config::parse(None, &[]).unwrap();
    assert_eq!(config, Config::default());
    assert_eq!(config.instruments, [Phq9, Gad7, Pcptsd5]);
    assert_eq!(config.instruments, InstrumentId::DEFAULT);
    assert_eq!(
        config.crisis,
        Crisis {
            region: Some("US"),
            resources: None
        }
    );
    assert_eq!(config.cutoffs.positive_at(Pcptsd5), 3);
    assert_eq!(config.cutoffs.positive_at(Auditc), 4);
    assert_eq!(config.precheck, None);
    assert!(
        !config.carry,
        "carrying the results away is the clinic's choice"
    );
    assert!(config.resume);
    assert_eq!(
        (config.mode, config.lang, config.emit),
        (Mode::Full, None, Emit::None)
    );
}

#[test]
fn an_empty_object_gives_the_defaults() {
    assert_eq!(Config::parse(Some("{}"), &[]).unwrap(), Config::default());
}

#[test]
fn every_json_field_lands_in_its_typed_place() {
    let json = r#"{
        "instruments": ["pcptsd5", "phq9"],
        "mode": "adaptive",
        "lang": "es-MX",
        "clinicName": "  Clínica Norte  ",
        "bookingUrl": "https://clinica.example/citas?from=selfcheck",
        "bookingLabel": "Pedir cita",
        "crisisResources": [
            {"name": "Línea local", "phone": "+1 (555) 010-0000", "hours": "Lunes a viernes"},
            {"name": "Chat", "url": "https://chat.example", "sms": "741741"}
        ],
        "resume": "off",
        "emit": "scores",
        "ptsdCutoff": 4,
        "auditcCutoff": 5,
        "precheck": "ketamine",
        "carry": "on"
    }"#;
    let config = Config::parse(Some(json), &[]).unwrap();
    assert_eq!(
        config,
        Config {
            instruments: vec![Pcptsd5, Phq9],
            mode: Mode::Adaptive,
            lang: Some(Lang::Es),
            clinic_name: Some("Clínica Norte".into()),
            booking: Some(Booking {
                url: "https://clinica.example/citas?from=selfcheck".into(),
                label: Some("Pedir cita".into()),
            }),
            crisis: Crisis {
                // A clinic's own list without a region: no default region's emergency number.
                region: None,
                resources: Some(vec![
                    CrisisResource {
                        name: "Línea local".into(),
                        phone: Some("+1 (555) 010-0000".into()),
                        sms: None,
                        url: None,
                        hours: Some("Lunes a viernes".into()),
                    },
                    CrisisResource {
                        name: "Chat".into(),
                        phone: None,
                        sms: Some("741741".into()),
                        url: Some("https://chat.example".into()),
                        hours: None,
                    },
                ]),
            },
            resume: false,
            emit: Emit::Scores,
            cutoffs: Cutoffs::default()
                .with(Pcptsd5, 4)
                .and_then(|c| c.with(Auditc, 5))
                .unwrap(),
            precheck: Some(Precheck::Ketamine),
            carry: true,
        }
    );
}

#[test]
fn region_codes_are_read_in_any_case_and_kept_canonical() {
    let config = Config::parse(Some(r#"{"crisisRegion":"gb"}"#), &[]).unwrap();
    assert_eq!(config.crisis.region, Some("GB"));
    assert_eq!(config.crisis.resources, None);
}

#[test]
fn a_region_goes_with_the_clinics_own_lines_for_its_emergency_number() {
    let json =
        r#"{"crisisRegion":"IE","crisisResources":[{"name":"Clinic line","phone":"01 555 0100"}]}"#;
    let config = Config::parse(Some(json), &[]).unwrap();
    assert_eq!(config.crisis.region, Some("IE"));
    let names: Vec<_> = config
        .crisis
        .resources
        .iter()
        .flatten()
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(names, ["Clinic line"]);
}

#[test]
fn the_ptsd_cut_off_is_read_from_the_attribute_and_the_json() {
    for (json, attributes, want) in [
        (Some(r#"{"ptsdCutoff":4}"#), &[][..], 4),
        (Some(r#"{"ptsdCutoff":3}"#), &[][..], 3),
        (None, &[("ptsd-cutoff", "4")][..], 4),
        (Some(r#"{"ptsdCutoff":4}"#), &[("ptsd-cutoff", "3")][..], 3),
    ] {
        let config = Config::parse(json, attributes).unwrap();
        assert_eq!(
            config.cutoffs.positive_at(Pcptsd5),
            want,
            "{json:?} {attributes:?}"
        );
        assert_eq!(config.cutoffs.positive_at(Auditc), 4, "the AUDIT-C's stays");
    }
}

#[test]
fn the_auditc_cut_off_is_read_from_the_attribute_and_the_json() {
    for at in [3u8, 4, 5] {
        let json = format!(r#"{{"auditcCutoff":{at}}}"#);
        let text = at.to_string();
        for (json, attributes) in [
            (Some(json.as_str()), &[][..]),
            (None, &[("auditc-cutoff", text.as_str())][..]),
        ] {
            let config = Config::parse(json, attributes).unwrap();
            assert_eq!(
                config.cutoffs.positive_at(Auditc),
                at,
                "{json:?} {attributes:?}"
            );
            assert_eq!(
                config.cutoffs.positive_at(Pcptsd5),
                3,
                "the PC-PTSD-5's stays"
            );
            assert_eq!(config.cutoffs, Cutoffs::default().with(Auditc, at).unwrap());
        }
    }
    // The attribute wins over the JSON, as for every setting.
    let config = Config::parse(
        Some(r#"{"auditcCutoff":5,"ptsdCutoff":4}"#),
        &[("auditc-cutoff", "3")],
    )
    .unwrap();
    assert_eq!(
        (
            config.cutoffs.positive_at(Auditc),
            config.cutoffs.positive_at(Pcptsd5)
        ),
        (3, 4)
    );
}

#[test]
fn the_precheck_is_read_from_the_attribute_and_the_json() {
    for (json, attributes, want) in [
        (
            Some(r#"{"precheck":"ketamine"}"#),
            &[][..],
            Some(Precheck::Ketamine),
        ),
        (Some(r#"{"precheck":"none"}"#), &[][..], None),
        (
            None,
            &[("precheck", "ketamine")][..],
            Some(Precheck::Ketamine),
        ),
        (None, &[("precheck", "none")][..], None),
        (
            Some(r#"{"precheck":"ketamine"}"#),
            &[("precheck", "none")][..],
            None,
        ),
        (
            Some(r#"{"precheck":"none"}"#),
            &[("precheck", "ketamine")][..],
            Some(Precheck::Ketamine),
        ),
    ] {
        let config = Config::parse(json, attributes).unwrap();
        assert_eq!(config.precheck, want, "{json:?} {attributes:?}");
    }
}

#[test]
fn the_substance_screens_are_listed_like_any_instrument() {
    let config = Config::parse(None, &[("instruments", "phq9 auditc sqds")]).unwrap();
    assert_eq!(config.instruments, [Phq9, Auditc, Sqds]);
    let config = Config::parse(Some(r#"{"instruments":["sqds","auditc","gad7"]}"#), &[]).unwrap();
    assert_eq!(config.instruments, [Sqds, Auditc, Gad7]);
    let every: Vec<&str> = InstrumentId::ALL.iter().map(|id| id.as_str()).collect();
    let config = Config::parse(None, &[("instruments", &every.join(" "))]).unwrap();
    assert_eq!(config.instruments, InstrumentId::ALL);
}

#[test]
fn mailto_tel_and_loopback_http_are_allowed_booking_links() {
    for url in [
        "mailto:desk@clinic.example",
        "tel:+18005550100",
        "http://localhost:8080/book",
        "http://127.0.0.1/",
        "http://[::1]:3000/",
    ] {
        let config = Config::parse(None, &[("booking-url", url)]).unwrap();
        assert_eq!(config.booking.map(|b| b.url), Some(url.to_string()));
    }
}

#[test]
fn markup_in_strings_is_kept_as_data() {
    let config = Config::parse(Some(r#"{"clinicName":"<b>Clinic</b> & co"}"#), &[]).unwrap();
    assert_eq!(config.clinic_name.as_deref(), Some("<b>Clinic</b> & co"));
}

#[test]
fn attributes_override_the_json() {
    let json = r#"{"instruments":["phq9"],"mode":"full","lang":"en","clinicName":"A","bookingUrl":"https://a.example","crisisResources":[{"name":"X","phone":"1"}],"resume":"session","emit":"none","ptsdCutoff":3,"auditcCutoff":5,"precheck":"ketamine"}"#;
    let attributes = [
        ("instruments", "gad7, pcptsd5 phq9"),
        ("mode", "adaptive"),
        ("lang", "ES"),
        ("clinic-name", "B"),
        ("booking-url", "https://b.example"),
        ("booking-label", "Book"),
        ("crisis-region", "ie"),
        ("resume", "off"),
        ("emit", "level"),
        ("ptsd-cutoff", "4"),
        ("auditc-cutoff", "3"),
        ("precheck", "none"),
    ];
    let config = Config::parse(Some(json), &attributes).unwrap();
    assert_eq!(
        config,
        Config {
            instruments: vec![Gad7, Pcptsd5, Phq9],
            mode: Mode::Adaptive,
            lang: Some(Lang::Es),
            clinic_name: Some("B".into()),
            booking: Some(Booking {
                url: "https://b.example".into(),
                label: Some("Book".into())
            }),
            // The region's emergency number goes with the clinic's own lines.
            crisis: Crisis {
                region: Some("IE"),
                resources: Some(vec![CrisisResource {
                    name: "X".into(),
                    phone: Some("1".into()),
                    sms: None,
                    url: None,
                    hours: None,
                }]),
            },
            resume: false,
            emit: Emit::Level,
            cutoffs: Cutoffs::default()
                .with(Pcptsd5, 4)
                .and_then(|c| c.with(Auditc, 3))
                .unwrap(),
            precheck: None,
            carry: false,
        }
    );
}

#[test]
fn a_json_label_goes_with_an_attribute_url() {
    let config = Config::parse(
        Some(r#"{"bookingLabel":"Book"}"#),
        &[("booking-url", "https://b.example")],
    )
    .unwrap();
    assert_eq!(
        config.booking,
        Some(Booking {
            url: "https://b.example".into(),
            label: Some("Book".into())
        })
    );
}

#[test]
fn foreign_and_unrelated_attributes_are_ignored() {
    let attributes = [
        ("class", "x"),
        ("id", "y"),
        ("role", "region"),
        ("data-mode", "z"),
        ("aria-label", "w"),
        ("config", "#cfg"),
        ("src", "x.js"),
    ];
    assert_eq!(Config::parse(None, &attributes).unwrap(), Config::default());
}

#[test]
fn carry_is_read_from_the_attribute_and_the_json_and_the_attribute_wins() {
    for (json, attributes, want) in [
        (Some(r#"{"carry":"on"}"#), &[][..], true),
        (Some(r#"{"carry":"off"}"#), &[][..], false),
        (None, &[("carry", "on")][..], true),
        (None, &[("carry", "off")][..], false),
        (Some(r#"{"carry":"on"}"#), &[("carry", "off")][..], false),
        (Some(r#"{"carry":"off"}"#), &[("carry", "on")][..], true),
    ] {
        let config = Config::parse(json, attributes).unwrap();
        assert_eq!(config.carry, want, "{json:?} {attributes:?}");
        // The visitor's extra wording (the carry screens' strings) is fetched only when needed.
        assert_eq!(config.needs_extra_texts(), want, "{json:?} {attributes:?}");
    }
}
