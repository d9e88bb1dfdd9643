use super::*;

fn choice(id: &str, next: &str, effects: &[(&str, i32)]) -> Choice {
    Choice {
        id: id.into(),
        text: id.into(),
        feedback: L10n::default(),
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
            debrief: L10n::default(),
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
    .unwrap();
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
    .unwrap();
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

/// A small deterministic generator, so the property test needs no extra crate and every
/// failure reproduces.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % below.max(1)
    }
}

fn random_scenario(rng: &mut Lcg) -> Scenario {
    let count = 1 + rng.next(30);
    let name = |i: usize| format!("n{i}");
    let nodes = (0..count)
        .map(|i| {
            if rng.next(4) == 0 {
                ending(
                    &name(i),
                    [Outcome::Success, Outcome::Partial, Outcome::Fail][rng.next(3)],
                )
            } else {
                let choices = (0..rng.next(4))
                    .map(|c| {
                        // Now and then a choice points nowhere, or two share an id.
                        let next = if rng.next(10) == 0 {
                            "missing".to_owned()
                        } else {
                            name(rng.next(count))
                        };
                        let id = if rng.next(10) == 0 {
                            "dup".to_owned()
                        } else {
                            format!("c{c}")
                        };
                        choice(&id, &next, &[("SITU", rng.next(7) as i32 - 3)])
                    })
                    .collect();
                situation(&name(i), choices)
            }
        })
        .collect();
    Scenario {
        start: name(rng.next(count + 1)),
        nodes,
    }
}

#[test]
fn random_graphs_never_panic_and_bounds_hold_at_every_ending() {
    let mut rng = Lcg(0x5eed_f1e1d);
    for _ in 0..2000 {
        let s = random_scenario(&mut rng);
        let problems = validate(&s);
        let bounds = score_bounds(&s);
        let Ok(mut play) = Play::start(&s) else {
            continue;
        };
        for _ in 0..60 {
            let Some(NodeKind::Situation { choices }) = s.node(&play.node).map(|n| &n.kind) else {
                break;
            };
            if choices.is_empty() {
                break;
            }
            let pick = choices[rng.next(choices.len())].id.clone();
            match play.choose(&s, &pick) {
                Ok(next) => play = next,
                Err(_) => break,
            }
        }
        if problems.is_empty() && play.outcome(&s).is_some() {
            let score = play.scores.get("SITU").copied().unwrap_or(0);
            let range = bounds
                .get("SITU")
                .copied()
                .unwrap_or(Bounds { min: 0, max: 0 });
            assert!(
                range.min <= score && score <= range.max,
                "{score} outside {range:?} in {s:?}"
            );
        }
    }
}

#[test]
fn an_oversized_scenario_is_refused_without_deep_recursion() {
    let count = MAX_NODES * 20;
    let mut nodes: Vec<Node> = (0..count)
        .map(|i| {
            situation(
                &format!("n{i}"),
                vec![choice("on", &format!("n{}", i + 1), &[("LEAD", 1)])],
            )
        })
        .collect();
    nodes.push(ending(&format!("n{count}"), Outcome::Success));
    let s = Scenario {
        start: "n0".into(),
        nodes,
    };
    assert_eq!(
        validate(&s),
        vec![Problem::TooLarge {
            nodes: count + 1,
            max: MAX_NODES
        }]
    );
    assert_eq!(
        score_bounds(&s)["LEAD"],
        Bounds {
            min: 0,
            max: i32::try_from(count).unwrap_or(i32::MAX)
        }
    );
}

#[test]
fn the_shortest_path_to_each_outcome_replays_to_it() {
    let s = complaint();
    for (outcome, expected) in [
        (Outcome::Success, vec!["listen", "check-file"]),
        (Outcome::Partial, vec!["listen", "promise"]),
        (Outcome::Fail, vec!["dismiss", "call-police"]),
    ] {
        let path = s.path_to(outcome);
        assert_eq!(
            path,
            Some(expected.iter().map(|c| (*c).to_owned()).collect())
        );
        let play = replay(&s, &path.unwrap_or_default());
        assert_eq!(play.ok().and_then(|p| p.outcome(&s)), Some(outcome));
    }
    let mut no_fail = complaint();
    no_fail.nodes.retain(|n| n.id != "failed");
    assert_eq!(no_fail.path_to(Outcome::Fail), None);
}
