use super::*;

#[test]
fn codes_round_trip() {
    for s in Source::ALL {
        assert_eq!(Source::from_code(s.code()), Some(*s));
    }
    for p in Phase::ALL {
        assert_eq!(Phase::from_code(p.code()), Some(*p));
    }
    assert_eq!(Source::from_code("boss"), None);
    assert_eq!(Source::PreTest.lens(), Source::PostTest.lens());
}

#[test]
fn tests_sit_in_their_phase() {
    assert!(Source::PreTest.fits(Phase::Before));
    assert!(!Source::PreTest.fits(Phase::After));
    assert!(!Source::PostTest.fits(Phase::Before));
    assert!(Source::PostTest.fits(Phase::FollowUp90));
    assert!(Source::Supervisor.fits(Phase::Before));
}

#[test]
fn even_cutoffs_split_a_five_level_scale_in_fifths() {
    let cutoffs = even_cutoffs(5);
    assert_eq!(cutoffs, vec![0.2, 0.4, 0.6, 0.8]);
    assert_eq!(test_level(0.0, &cutoffs), 1);
    assert_eq!(test_level(0.19, &cutoffs), 1);
    assert_eq!(test_level(0.2, &cutoffs), 2);
    assert_eq!(
        test_level(0.6, &cutoffs),
        4,
        "60 % reaches the third cutoff"
    );
    assert_eq!(test_level(1.0, &cutoffs), 5);
    assert_eq!(test_level(0.5, &[]), 1, "a one-level scale");
}

#[test]
fn cutoffs_are_checked() {
    assert_eq!(
        parse_cutoffs("0.3, 0.5,0.7,0.9", 5),
        Ok(vec![0.3, 0.5, 0.7, 0.9])
    );
    assert!(parse_cutoffs("0.3,0.5,0.7", 5).is_err(), "one too few");
    assert!(parse_cutoffs("0.3,0.3,0.7,0.9", 5).is_err(), "not rising");
    assert!(parse_cutoffs("0.3,0.5,0.7,1.2", 5).is_err(), "above 1");
    assert!(parse_cutoffs("a,b,c,d", 5).is_err());
}

fn seen(source: Source, level: f64, observed_at: i64) -> Observation {
    Observation {
        source,
        level,
        observed_at,
        recorded_at: observed_at,
    }
}

#[test]
fn the_current_level_prefers_the_trusted_source_then_the_latest() {
    assert_eq!(current_level(&[]), None);
    let old_supervisor = seen(Source::Supervisor, 2.0, 10);
    let new_test = seen(Source::PostTest, 4.0, 50);
    let newer_self = seen(Source::SelfRating, 5.0, 90);
    assert_eq!(
        current_level(&[new_test, old_supervisor, newer_self]),
        Some(old_supervisor)
    );
    let pre = seen(Source::PreTest, 1.0, 5);
    assert_eq!(current_level(&[pre, new_test, newer_self]), Some(new_test));
    let mut corrected = seen(Source::Supervisor, 3.0, 10);
    corrected.recorded_at = 11;
    assert_eq!(
        current_level(&[old_supervisor, corrected]),
        Some(corrected),
        "same day: the later record"
    );
}
