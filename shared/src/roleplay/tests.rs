use super::*;

fn choice(id: &str, next: &str, effects: &[(&str, i32)]) -> Choice {
    Choice {
        id: id.into(),
        text: id.into(),
        feedback: String::new(),
        next: next.into(),
        effects: effects
            .iter()
            .map(|(c, d)| Effect {
                competency: (*c).into(),
                delta: *d,
            })
            .collect(),
    }
}

fn situation(id: &str, choices: Vec<Choice>) -> Node {
    Node {
        id: id.into(),
        speaker: None,
        text: id.into(),
        kind: NodeKind::Situation { choices },
    }
}

fn ending(id: &str, outcome: Outcome) -> Node {
    Node {
        id: id.into(),
        speaker: None,
        text: id.into(),
        kind: NodeKind::Ending {
            outcome,
            debrief: String::new(),
        },
    }
}

/// A citizen complains about a delayed land-use certificate.
fn complaint() -> Scenario {
    Scenario {
        start: "arrive".into(),
        nodes: vec![
            situation(
                "arrive",
                vec![
                    choice("listen", "explain", &[("CONF", 2), ("MOBI", 1)]),
                    choice("dismiss", "angry", &[("CONF", -2)]),
                ],
            ),
            situation(
                "explain",
                vec![
                    choice("check-file", "solved", &[("LAW", 2)]),
                    choice("promise", "partial", &[("ETHI", -1)]),
                ],
            ),
            situation(
                "angry",
                vec![
                    choice("apologise", "explain", &[("MOBI", 1)]),
                    choice("call-police", "failed", &[("CONF", -3)]),
                ],
            ),
            ending("solved", Outcome::Success),
            ending("partial", Outcome::Partial),
            ending("failed", Outcome::Fail),
        ],
    }
}

#[test]
fn a_sound_scenario_has_no_problems() {
    assert_eq!(validate(&complaint()), Vec::new());
}

#[test]
fn every_problem_is_reported_with_its_place() {
    let mut s = complaint();
    s.nodes
        .push(situation("orphan", vec![choice("x", "solved", &[])]));
    s.nodes
        .push(situation("loop-a", vec![choice("on", "loop-b", &[])]));
    s.nodes
        .push(situation("loop-b", vec![choice("back", "loop-a", &[])]));
    s.nodes.push(situation("stuck", vec![]));
    if let NodeKind::Situation { choices } = &mut s.nodes[0].kind {
        choices.push(choice("wander", "loop-a", &[]));
        choices.push(choice("nowhere", "no-such-node", &[]));
        choices.push(choice("to-stuck", "stuck", &[]));
    }
    let problems = validate(&s);
    for expected in [
        Problem::Unreachable {
            node: "orphan".into(),
        },
        Problem::NoWayToAnEnding {
            node: "loop-a".into(),
        },
        Problem::NoWayToAnEnding {
            node: "loop-b".into(),
        },
        Problem::DanglingChoice {
            node: "arrive".into(),
            choice: "nowhere".into(),
            next: "no-such-node".into(),
        },
        Problem::DeadEnd {
            node: "stuck".into(),
        },
    ] {
        assert!(
            problems.contains(&expected),
            "{expected:?} missing from {problems:?}"
        );
    }
}

#[test]
fn a_loop_with_an_exit_is_fine() {
    let mut s = complaint();
    if let NodeKind::Situation { choices } = &mut s.nodes[1].kind {
        choices.push(choice("start-over", "arrive", &[]));
    }
    assert_eq!(validate(&s), Vec::new());
}

#[test]
fn structural_mistakes_are_caught() {
    assert_eq!(
        validate(&Scenario {
            start: "a".into(),
            nodes: vec![]
        }),
        vec![Problem::NoNodes]
    );
    let no_start = Scenario {
        start: "zzz".into(),
        ..complaint()
    };
    assert!(validate(&no_start).contains(&Problem::MissingStart {
        start: "zzz".into()
    }));
    let mut twice = complaint();
    twice.nodes.push(ending("solved", Outcome::Success));
    assert!(validate(&twice).contains(&Problem::DuplicateNode {
        node: "solved".into()
    }));
    let only_loop = Scenario {
        start: "a".into(),
        nodes: vec![situation("a", vec![choice("again", "a", &[])])],
    };
    assert!(validate(&only_loop).contains(&Problem::NoEnding));
}

#[test]
fn score_bounds_are_exact_without_loops() {
    let bounds = score_bounds(&complaint());
    // CONF: best "listen" (+2) → explain; worst "dismiss" (-2) then "call-police" (-3).
    assert_eq!(bounds["CONF"], Bounds { min: -5, max: 2 });
    assert_eq!(
        bounds["MOBI"],
        Bounds { min: 0, max: 1 },
        "apologising after dismissing also gives +1"
    );
    assert_eq!(bounds["LAW"], Bounds { min: 0, max: 2 });
    assert_eq!(bounds["ETHI"], Bounds { min: -1, max: 0 });
}

#[test]
fn with_a_loop_the_bounds_still_hold_every_play() {
    let mut s = complaint();
    if let NodeKind::Situation { choices } = &mut s.nodes[1].kind {
        choices.push(choice("start-over", "arrive", &[("CONF", 1)]));
    }
    let conf = score_bounds(&s)["CONF"];
    let play = replay(
        &s,
        &[
            "listen",
            "start-over",
            "listen",
            "start-over",
            "listen",
            "check-file",
        ]
        .map(String::from),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let score = play.scores["CONF"];
    assert!(
        conf.min <= score && score <= conf.max,
        "{score} outside {conf:?}"
    );
    assert_eq!(score, 3, "each choice's effects count once per play");
}

#[test]
fn replaying_a_path_scores_and_ends() {
    let s = complaint();
    let play = replay(
        &s,
        &["dismiss", "apologise", "check-file"].map(String::from),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(play.outcome(&s), Some(Outcome::Success));
    assert_eq!(play.scores["CONF"], -2);
    assert_eq!(play.scores["MOBI"], 1);
    assert!((normalised(play.scores["CONF"], score_bounds(&s)["CONF"]) - 3.0 / 7.0).abs() < 1e-9);
}

#[test]
fn a_forged_path_is_refused() {
    let s = complaint();
    let wrong = replay(&s, &["listen", "call-police"].map(String::from));
    assert_eq!(
        wrong,
        Err(PlayError::UnknownChoice {
            node: "explain".into(),
            choice: "call-police".into()
        })
    );
    let past_the_end = replay(&s, &["listen", "check-file", "listen"].map(String::from));
    assert_eq!(past_the_end, Err(PlayError::AlreadyEnded));
}

#[test]
fn normalising_handles_a_flat_range() {
    assert_eq!(normalised(0, Bounds { min: 0, max: 0 }), 1.0);
    assert_eq!(normalised(-5, Bounds { min: -5, max: 2 }), 0.0);
    assert_eq!(normalised(2, Bounds { min: -5, max: 2 }), 1.0);
}

#[test]
fn scenarios_round_trip_as_json() {
    let s = complaint();
    let json = serde_json::to_string(&s).unwrap_or_default();
    assert!(json.contains("\"kind\":\"ending\""), "{json}");
    assert_eq!(serde_json::from_str::<Scenario>(&json).ok(), Some(s));
}
