//! Invalid configurations, one fault each (a few with several): each must be
//! refused with exactly the expected field paths, and never panic.

use selfcheck_engine::Config;

struct Case {
    json: Option<&'static str>,
    attributes: &'static [(&'static str, &'static str)],
    fields: &'static [&'static str],
    /// A word the message must contain, so the message says what is wrong.
    says: &'static str,
}

const fn json(json: &'static str, fields: &'static [&'static str], says: &'static str) -> Case {
    Case {
        json: Some(json),
        attributes: &[],
        fields,
        says,
    }
}

const fn attr(
    attributes: &'static [(&'static str, &'static str)],
    fields: &'static [&'static str],
    says: &'static str,
) -> Case {
    Case {
        json: None,
        attributes,
        fields,
        says,
    }
}

const CASES: &[Case] = &[
    // The document itself.
    json("", &["config"], "not valid JSON"),
    json("{", &["config"], "not valid JSON"),
    json("{\"mode\":\"full\",}", &["config"], "not valid JSON"),
    json("[]", &["config"], "expected a JSON object, found an array"),
    json("null", &["config"], "found null"),
    json("\"phq9\"", &["config"], "found the string"),
    json("42", &["config"], "found the number"),
    // Instruments.
    json(r#"{"instruments":[]}"#, &["instruments"], "is empty"),
    json(
        r#"{"instruments":"phq9"}"#,
        &["instruments"],
        "expected an array",
    ),
    json(
        r#"{"instruments":["phq9","phq10"]}"#,
        &["instruments[1]"],
        "did you mean `phq9`",
    ),
    json(
        r#"{"instruments":["PHQ-9"]}"#,
        &["instruments[0]"],
        "did you mean `phq9`",
    ),
    json(
        r#"{"instruments":["gad7","phq9","gad7"]}"#,
        &["instruments[2]"],
        "first at instruments[0]",
    ),
    json(
        r#"{"instruments":["phq9",7]}"#,
        &["instruments[1]"],
        "expected a string, found the number",
    ),
    json(
        r#"{"instruments":[null]}"#,
        &["instruments[0]"],
        "found null",
    ),
    json(
        r#"{"instruments":["x","y"]}"#,
        &["instruments[0]", "instruments[1]"],
        "not a known instrument",
    ),
    json(
        r#"{"instruments":["phq9","phq9","phq9","phq9","phq9","phq9","phq9","phq9","phq9","phq9","phq9","phq9","phq9","phq9","phq9","phq9","phq9"]}"#,
        &["instruments"],
        "17 entries",
    ),
    // Mode, language, resume, emit.
    json(
        r#"{"mode":"adaptve"}"#,
        &["mode"],
        "did you mean `adaptive`",
    ),
    json(r#"{"mode":"FULL"}"#, &["mode"], "did you mean `full`"),
    json(r#"{"mode":true}"#, &["mode"], "found the boolean true"),
    json(r#"{"lang":"fr"}"#, &["lang"], "not a supported language"),
    json(r#"{"lang":""}"#, &["lang"], "not a supported language"),
    json(r#"{"lang":["en"]}"#, &["lang"], "found an array"),
    json(r#"{"resume":"on"}"#, &["resume"], "`session` or `off`"),
    json(r#"{"resume":false}"#, &["resume"], "expected a string"),
    json(
        r#"{"emit":"all"}"#,
        &["emit"],
        "`none`, `level` or `scores`",
    ),
    json(r#"{"emit":"score"}"#, &["emit"], "did you mean `scores`"),
    // Clinic name and booking.
    json(r#"{"clinicName":""}"#, &["clinicName"], "is empty"),
    json(
        r#"{"clinicName":"   "}"#,
        &["clinicName"],
        "only whitespace",
    ),
    json(
        r#"{"clinicName":"Line\nbreak"}"#,
        &["clinicName"],
        "control character",
    ),
    json(
        r#"{"clinicName":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}"#,
        &["clinicName"],
        "at most 100",
    ),
    json(r#"{"clinicName":null}"#, &["clinicName"], "found null"),
    json(
        r#"{"bookingUrl":"javascript:alert(1)"}"#,
        &["bookingUrl"],
        "not allowed",
    ),
    json(
        r#"{"bookingUrl":"data:text/html,hi"}"#,
        &["bookingUrl"],
        "not allowed",
    ),
    json(
        r#"{"bookingUrl":"/book"}"#,
        &["bookingUrl"],
        "not an absolute URL",
    ),
    json(
        r#"{"bookingUrl":"http://clinic.example/book"}"#,
        &["bookingUrl"],
        "only for localhost",
    ),
    json(
        r#"{"bookingUrl":"https://"}"#,
        &["bookingUrl"],
        "empty host",
    ),
    json(
        r#"{"bookingUrl":"https://clinic.example/a b"}"#,
        &["bookingUrl"],
        "whitespace",
    ),
    json(
        r#"{"bookingUrl":"https://user@clinic.example"}"#,
        &["bookingUrl"],
        "user name",
    ),
    json(r#"{"bookingUrl":""}"#, &["bookingUrl"], "is empty"),
    json(
        r#"{"bookingUrl":"ftp://clinic.example"}"#,
        &["bookingUrl"],
        "`ftp:`",
    ),
    json(
        r#"{"bookingUrl":"https://clinic.example","bookingLabel":""}"#,
        &["bookingLabel"],
        "is empty",
    ),
    json(
        r#"{"bookingLabel":"Book now"}"#,
        &["bookingLabel"],
        "without a booking URL",
    ),
    json(
        r#"{"bookingUrl":"https://c.example","bookingLabel":"a label far too long for the one button it goes on, well past sixty"}"#,
        &["bookingLabel"],
        "at most 60",
    ),
    // Crisis resources.
    json(
        r#"{"crisisRegion":"XX"}"#,
        &["crisisRegion"],
        "not a region",
    ),
    json(r#"{"crisisRegion":"UK"}"#, &["crisisRegion"], "`GB`"),
    json(
        r#"{"crisisRegion":"XX","crisisResources":[{"name":"A","phone":"1"}]}"#,
        &["crisisRegion"],
        "not a region",
    ),
    json(
        r#"{"crisisResources":[]}"#,
        &["crisisResources"],
        "is empty",
    ),
    json(
        r#"{"crisisResources":{"name":"A"}}"#,
        &["crisisResources"],
        "expected an array",
    ),
    json(
        r#"{"crisisResources":["988"]}"#,
        &["crisisResources[0]"],
        "expected an object",
    ),
    json(
        r#"{"crisisResources":[{"name":"A","phone":"988"},{"name":"B","phone":"call us"}]}"#,
        &["crisisResources[1].phone"],
        "only digits",
    ),
    json(
        r#"{"crisisResources":[{"name":"A","sms":"+-"}]}"#,
        &["crisisResources[0].sms"],
        "no digits",
    ),
    json(
        r#"{"crisisResources":[{"phone":"988"}]}"#,
        &["crisisResources[0].name"],
        "is missing",
    ),
    json(
        r#"{"crisisResources":[{"name":"A"}]}"#,
        &["crisisResources[0]"],
        "none of phone, sms, url",
    ),
    json(
        r#"{"crisisResources":[{"name":"A","url":"javascript:x"}]}"#,
        &["crisisResources[0].url"],
        "not allowed",
    ),
    json(
        r#"{"crisisResources":[{"name":"A","phone":"988","hours":""}]}"#,
        &["crisisResources[0].hours"],
        "is empty",
    ),
    json(
        r#"{"crisisResources":[{"name":"A","phone":"988","fax":"1"}]}"#,
        &["crisisResources[0].fax"],
        "known fields",
    ),
    json(
        r#"{"crisisResources":[{"name":"A","phone":988}]}"#,
        &["crisisResources[0].phone"],
        "expected a string",
    ),
    json(
        r#"{"crisisResources":[{"name":"A","phone":"988"},{"name":"A","phone":"988"},{"name":"A","phone":"988"},{"name":"A","phone":"988"},{"name":"A","phone":"988"},{"name":"A","phone":"988"},{"name":"A","phone":"988"},{"name":"A","phone":"988"},{"name":"A","phone":"988"},{"name":"A","phone":"988"},{"name":"A","phone":"988"}]}"#,
        &["crisisResources"],
        "at most 10",
    ),
    // The PC-PTSD-5 cut-off.
    json(
        r#"{"ptsdCutoff":5}"#,
        &["ptsdCutoff"],
        "allowed: `3` or `4`",
    ),
    json(
        r#"{"ptsdCutoff":2}"#,
        &["ptsdCutoff"],
        "not a cut-off that can be chosen for the PC-PTSD-5",
    ),
    json(
        r#"{"ptsdCutoff":3.5}"#,
        &["ptsdCutoff"],
        "allowed: `3` or `4`",
    ),
    json(
        r#"{"ptsdCutoff":4.0}"#,
        &["ptsdCutoff"],
        "allowed: `3` or `4`",
    ),
    json(
        r#"{"ptsdCutoff":-4}"#,
        &["ptsdCutoff"],
        "allowed: `3` or `4`",
    ),
    json(
        r#"{"ptsdCutoff":"4"}"#,
        &["ptsdCutoff"],
        "write 4 without quotes",
    ),
    json(
        r#"{"ptsdCutoff":"high"}"#,
        &["ptsdCutoff"],
        "expected a number",
    ),
    json(
        r#"{"ptsdCutoff":null}"#,
        &["ptsdCutoff"],
        "leave the field out",
    ),
    json(r#"{"ptsdCutoff":[4]}"#, &["ptsdCutoff"], "found an array"),
    json(
        r#"{"ptsd_cutoff":4}"#,
        &["ptsd_cutoff"],
        "did you mean `ptsdCutoff`",
    ),
    // The AUDIT-C cut-off: 3, 4 or 5 only, written as a number.
    json(
        r#"{"auditcCutoff":2}"#,
        &["auditcCutoff"],
        "allowed: `3`, `4` or `5`",
    ),
    json(
        r#"{"auditcCutoff":6}"#,
        &["auditcCutoff"],
        "not a cut-off that can be chosen for the AUDIT-C",
    ),
    json(
        r#"{"auditcCutoff":4.0}"#,
        &["auditcCutoff"],
        "allowed: `3`, `4` or `5`",
    ),
    json(
        r#"{"auditcCutoff":-4}"#,
        &["auditcCutoff"],
        "the default is 4",
    ),
    json(
        r#"{"auditcCutoff":"4"}"#,
        &["auditcCutoff"],
        "write 4 without quotes",
    ),
    json(
        r#"{"auditcCutoff":"04"}"#,
        &["auditcCutoff"],
        "expected a number, found the string `04`",
    ),
    json(
        r#"{"auditcCutoff":"four"}"#,
        &["auditcCutoff"],
        "expected a number",
    ),
    json(
        r#"{"auditcCutoff":null}"#,
        &["auditcCutoff"],
        "leave the field out",
    ),
    json(
        r#"{"auditcCutoff":[4]}"#,
        &["auditcCutoff"],
        "found an array",
    ),
    json(
        r#"{"auditc_cutoff":4}"#,
        &["auditc_cutoff"],
        "did you mean `auditcCutoff`",
    ),
    json(
        r#"{"auditcCutoff":4,"ptsdCutoff":5}"#,
        &["ptsdCutoff"],
        "allowed: `3` or `4`",
    ),
    // The pre-check.
    json(
        r#"{"precheck":"esketamine"}"#,
        &["precheck"],
        "allowed: `none` or `ketamine`",
    ),
    json(
        r#"{"precheck":"Ketamine"}"#,
        &["precheck"],
        "did you mean `ketamine`",
    ),
    json(r#"{"precheck":""}"#, &["precheck"], "not a known pre-check"),
    // Carrying the results away.
    json(
        r#"{"carry":"yes"}"#,
        &["carry"],
        "is not a known carry setting; allowed: `off` or `on`",
    ),
    json(r#"{"carry":"On"}"#, &["carry"], "did you mean `on`"),
    json(
        r#"{"carry":true}"#,
        &["carry"],
        "expected a string, found the boolean true",
    ),
    json(
        r#"{"precheck":true}"#,
        &["precheck"],
        "expected a string, found the boolean true",
    ),
    json(r#"{"precheck":null}"#, &["precheck"], "leave the field out"),
    json(
        r#"{"precheck":["ketamine"]}"#,
        &["precheck"],
        "found an array",
    ),
    json(
        r#"{"preCheck":"ketamine"}"#,
        &["preCheck"],
        "did you mean `precheck`",
    ),
    // The substance screens, misnamed.
    json(
        r#"{"instruments":["phq9","audit-c"]}"#,
        &["instruments[1]"],
        "did you mean `auditc`",
    ),
    json(
        r#"{"instruments":["sqds","dast10"]}"#,
        &["instruments[1]"],
        "`dast10` is not a known instrument",
    ),
    json(
        r#"{"instruments":["auditc","sqds","auditc"]}"#,
        &["instruments[2]"],
        "first at instruments[0]",
    ),
    // Unknown fields.
    json(
        r#"{"clinic_name":"A"}"#,
        &["clinic_name"],
        "did you mean `clinicName`",
    ),
    json(
        r#"{"bookingURL":"https://c.example"}"#,
        &["bookingURL"],
        "did you mean `bookingUrl`",
    ),
    json(r#"{"theme":"dark"}"#, &["theme"], "known fields"),
    json(r#"{"":"dark"}"#, &["config"], "empty name"),
    json(
        r#"{"crisisResources":[{"name":"A","phone":"1","":2}]}"#,
        &["crisisResources[0]"],
        "empty name",
    ),
    // Several faults at once: every one is reported.
    json(
        r#"{"instruments":["phq9","phq9"],"mode":"fast","bookingUrl":"javascript:x","crisisResources":[{"name":"","phone":"x"}],"emti":"level"}"#,
        &[
            "instruments[1]",
            "mode",
            "bookingUrl",
            "crisisResources[0].name",
            "crisisResources[0].phone",
            "emti",
        ],
        "",
    ),
    // Attributes.
    attr(&[("instruments", "")], &["instruments"], "is empty"),
    attr(
        &[("instruments", "phq9 phq9")],
        &["instruments"],
        "listed twice",
    ),
    attr(
        &[("instruments", "phq9,ptsd")],
        &["instruments"],
        "not a known instrument",
    ),
    attr(&[("mode", "")], &["mode"], "not a known mode"),
    attr(&[("carry", "true")], &["carry"], "allowed: `off` or `on`"),
    attr(&[("lang", "de-DE")], &["lang"], "not a supported language"),
    attr(&[("clinic-name", " ")], &["clinic-name"], "only whitespace"),
    attr(
        &[("booking-url", "javascript:alert(1)")],
        &["booking-url"],
        "not allowed",
    ),
    attr(
        &[("booking-label", "Book")],
        &["booking-label"],
        "without a booking URL",
    ),
    attr(
        &[("crisis-region", "Narnia")],
        &["crisis-region"],
        "not a region",
    ),
    attr(&[("resume", "yes")], &["resume"], "`session` or `off`"),
    attr(&[("emit", "everything")], &["emit"], "not a known emit"),
    attr(
        &[("ptsd-cutoff", "5")],
        &["ptsd-cutoff"],
        "allowed: `3` or `4`",
    ),
    attr(
        &[("ptsd-cutoff", "")],
        &["ptsd-cutoff"],
        "not a cut-off that can be chosen for the PC-PTSD-5",
    ),
    attr(
        &[("ptsd-cutoff", " 4")],
        &["ptsd-cutoff"],
        "allowed: `3` or `4`",
    ),
    attr(
        &[("ptsd-cutoff", "+4")],
        &["ptsd-cutoff"],
        "allowed: `3` or `4`",
    ),
    attr(
        &[("ptsd-cutoff", "four")],
        &["ptsd-cutoff"],
        "the default is 3",
    ),
    attr(
        &[("ptsd-cutof", "4")],
        &["ptsd-cutof"],
        "did you mean `ptsd-cutoff`",
    ),
    attr(
        &[("auditc-cutoff", "2")],
        &["auditc-cutoff"],
        "allowed: `3`, `4` or `5`",
    ),
    attr(
        &[("auditc-cutoff", "6")],
        &["auditc-cutoff"],
        "allowed: `3`, `4` or `5`",
    ),
    attr(
        &[("auditc-cutoff", "04")],
        &["auditc-cutoff"],
        "allowed: `3`, `4` or `5`",
    ),
    attr(
        &[("auditc-cutoff", " 4")],
        &["auditc-cutoff"],
        "allowed: `3`, `4` or `5`",
    ),
    attr(
        &[("auditc-cutoff", "4.0")],
        &["auditc-cutoff"],
        "allowed: `3`, `4` or `5`",
    ),
    attr(
        &[("auditc-cutoff", "four")],
        &["auditc-cutoff"],
        "the default is 4",
    ),
    attr(
        &[("auditc-cutoff", "")],
        &["auditc-cutoff"],
        "not a cut-off that can be chosen for the AUDIT-C",
    ),
    attr(
        &[("auditc_cutoff", "4")],
        &["auditc_cutoff"],
        "did you mean `auditc-cutoff`",
    ),
    attr(
        &[("auditc-cutoff", "5"), ("ptsd-cutoff", "5")],
        &["ptsd-cutoff"],
        "allowed: `3` or `4`",
    ),
    attr(
        &[("precheck", "ketamin")],
        &["precheck"],
        "did you mean `ketamine`",
    ),
    attr(
        &[("precheck", "yes")],
        &["precheck"],
        "allowed: `none` or `ketamine`",
    ),
    attr(&[("precheck", "")], &["precheck"], "not a known pre-check"),
    attr(
        &[("pre-check", "ketamine")],
        &["pre-check"],
        "did you mean `precheck`",
    ),
    attr(
        &[("instruments", "phq9 audit sqd")],
        &["instruments", "instruments"],
        "not a known instrument",
    ),
    attr(
        &[("instruments", "sqds,sqds")],
        &["instruments"],
        "`sqds` is listed twice",
    ),
    attr(
        &[("clinic-nme", "A")],
        &["clinic-nme"],
        "did you mean `clinic-name`",
    ),
    attr(
        &[("Booking-Url", "ftp://x.example")],
        &["booking-url"],
        "not allowed",
    ),
    // Attributes and JSON both wrong: both reported, under their own names.
    Case {
        json: Some(r#"{"mode":"quick"}"#),
        attributes: &[("mode", "slow")],
        fields: &["mode", "mode"],
        says: "",
    },
];

#[test]
fn there_are_at_least_fifty_invalid_configurations() {
    assert!(CASES.len() >= 50, "{}", CASES.len());
}

#[test]
fn every_invalid_configuration_is_refused_with_its_exact_field_paths() {
    let mut failures = Vec::new();
    for (i, case) in CASES.iter().enumerate() {
        let problems = match Config::parse(case.json, case.attributes) {
            Ok(config) => {
                failures.push(format!(
                    "case {i} ({:?} {:?}) was accepted: {config:?}",
                    case.json, case.attributes
                ));
                continue;
            }
            Err(problems) => problems,
        };
        let mut got: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        let mut want = case.fields.to_vec();
        got.sort_unstable();
        want.sort_unstable();
        if got != want {
            failures.push(format!(
                "case {i} ({:?} {:?}): fields {got:?}, expected {want:?}; {problems:?}",
                case.json, case.attributes
            ));
        }
        if !problems.iter().any(|p| p.message.contains(case.says)) {
            failures.push(format!(
                "case {i}: no message says {:?}: {problems:?}",
                case.says
            ));
        }
        for p in &problems {
            assert_eq!(p.to_string(), format!("{}: {}", p.field, p.message));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn arbitrary_bytes_never_panic_the_parser() {
    // A cheap sweep beside the fuzz target: truncations of a rich configuration.
    let full = r#"{"instruments":["phq9","gad7"],"mode":"adaptive","lang":"es","clinicName":"Clínica","bookingUrl":"https://c.example","bookingLabel":"Pedir cita","crisisResources":[{"name":"Línea","phone":"988","sms":"741741","url":"https://988lifeline.org","hours":"24/7"}],"resume":"off","emit":"scores","ptsdCutoff":4,"auditcCutoff":3,"precheck":"ketamine"}"#;
    for end in (0..=full.len()).filter(|&e| full.is_char_boundary(e)) {
        let _ = Config::parse(Some(&full[..end]), &[("instruments", &full[..end.min(20)])]);
    }
}
