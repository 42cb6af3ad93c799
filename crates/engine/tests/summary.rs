//! The QR code's text (src/summary.rs), against totals and bands worked out here from the
//! answers given and the papers' tables (Kroenke 2001, Spitzer 2006).

use selfcheck_engine::summary::qr_text;
use selfcheck_engine::{score, Answers, Cutoffs, InstrumentId, Mode, Part, Question};

fn answer(answers: &mut Answers, id: InstrumentId, values: &[u8]) {
    for (i, &v) in values.iter().enumerate() {
        answers
            .set(Question::new(id, Part::Item(i as u8)), v)
            .unwrap();
    }
}

#[test]
fn the_qr_text_gives_date_totals_bands_item_9_and_level() {
    let phq9 = [1u8, 1, 1, 1, 2, 2, 2, 1, 1];
    let gad7 = [0u8, 1, 0, 1, 0, 1, 1];
    let mut answers = Answers::new();
    answer(&mut answers, InstrumentId::Phq9, &phq9);
    answers
        .set(Question::new(InstrumentId::Phq9, Part::FollowUp), 1)
        .unwrap();
    answer(&mut answers, InstrumentId::Gad7, &gad7);
    answers
        .set(Question::new(InstrumentId::Pcptsd5, Part::Gate), 0)
        .unwrap();
    let ids = [
        InstrumentId::Phq9,
        InstrumentId::Gad7,
        InstrumentId::Pcptsd5,
    ];
    let report = score(&ids, Mode::Full, Cutoffs::default(), &answers).unwrap();
    let phq9_total: u8 = phq9.iter().sum(); // 12: Kroenke 2001's 10-14, moderate
    let gad7_total: u8 = gad7.iter().sum(); // 4: Spitzer 2006's 0-4, minimal
    let expected = [
        "selfcheck 2026-11-29".to_string(),
        format!("PHQ-9 {phq9_total}/27 moderate"),
        // Item 9 answered 1, "Several days": the crisis rule, and the level urgent.
        "PHQ-9 item 9: above 0".to_string(),
        format!("GAD-7 {gad7_total}/21 minimal"),
        // Exposure No: no items, a total of 0, not positive.
        "PC-PTSD-5 0/5 negative".to_string(),
        "level: urgent".to_string(),
    ]
    .join("\n");
    assert_eq!(qr_text(&report, "2026-11-29"), expected);
}

#[test]
fn after_a_negative_phq2_item_9_was_not_asked_and_every_instrument_fits_in_250_bytes() {
    let mut answers = Answers::new();
    answer(&mut answers, InstrumentId::Phq9, &[0, 1]);
    let report = score(
        &[InstrumentId::Phq9],
        Mode::Adaptive,
        Cutoffs::default(),
        &answers,
    )
    .unwrap();
    let text = qr_text(&report, "2026-11-29");
    assert!(
        text.contains("PHQ-2 1/6 negative\nPHQ-9 item 9: not asked\n"),
        "{text}"
    );
    assert!(text.ends_with("level: not indicated"), "{text}");

    let mut answers = Answers::new();
    answer(&mut answers, InstrumentId::Phq9, &[3; 9]);
    answers
        .set(Question::new(InstrumentId::Phq9, Part::FollowUp), 3)
        .unwrap();
    answer(&mut answers, InstrumentId::Gad7, &[3; 7]);
    answers
        .set(Question::new(InstrumentId::Pcptsd5, Part::Gate), 1)
        .unwrap();
    answer(&mut answers, InstrumentId::Pcptsd5, &[1; 5]);
    answer(&mut answers, InstrumentId::Auditc, &[4; 3]);
    answers
        .set_count(Question::new(InstrumentId::Sqds, Part::Count), 999)
        .unwrap();
    let report = score(&InstrumentId::ALL, Mode::Full, Cutoffs::default(), &answers).unwrap();
    let text = qr_text(&report, "2026-11-29");
    assert!(text.len() <= 250, "{} bytes:\n{text}", text.len());
    assert!(
        text.contains("PHQ-9 27/27 severe\n") && text.contains("AUDIT-C 12/12 high\n"),
        "{text}"
    );
    // The drug question's answer is the number of times, not a score out of 255.
    assert!(
        text.contains("\nSingle drug question 999 times positive\n"),
        "{text}"
    );
}
