//! Property test: random packages of every kind round-trip through JSON byte for byte,
//! and validation never panics on them.

use super::*;
use crate::quiz::{Item, MultiScoring, Question};
use crate::roleplay::{Choice, Effect, Node, NodeKind, Outcome, Scenario};

/// A small, deterministic random source for the property tests.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below.max(1)
    }

    fn text(&mut self) -> L10n {
        const WORDS: [&str; 8] = [
            "xã",
            "khiếu nại",
            "\"quote\"",
            "đất đai",
            "a | b",
            "\\",
            "🙂",
            "",
        ];
        L10n::new(WORDS[self.next(8)], WORDS[self.next(8)])
    }

    fn number(&mut self) -> f64 {
        let n = self.next(2_000_001) as f64 - 1_000_000.0;
        n / (1 + self.next(1000)) as f64
    }
}

fn random_question(rng: &mut Lcg, id: usize) -> QuizQuestion {
    let items = |rng: &mut Lcg| -> Vec<Item> {
        (0..1 + rng.next(4))
            .map(|k| Item {
                key: format!("k{k}"),
                text: rng.text(),
                feedback: (rng.next(2) == 0).then(|| rng.text()),
            })
            .collect()
    };
    let question = match rng.next(7) {
        0 => Question::SingleChoice {
            options: items(rng),
            correct: "k0".into(),
        },
        1 => Question::MultipleChoice {
            options: items(rng),
            correct: vec!["k0".into()],
            scoring: if rng.next(2) == 0 {
                MultiScoring::Partial
            } else {
                MultiScoring::AllOrNothing
            },
        },
        2 => Question::TrueFalse {
            correct: rng.next(2) == 0,
        },
        3 => Question::Numeric {
            answer: rng.number(),
            tolerance: rng.number().abs(),
        },
        4 => Question::ShortText {
            accepted: vec![rng.text().vi],
            lenient: rng.next(2) == 0,
        },
        5 => Question::Ordering {
            items: items(rng),
            correct: vec!["k0".into()],
        },
        _ => Question::Matching {
            left: items(rng),
            right: items(rng),
            pairs: vec![("k0".into(), "k0".into())],
        },
    };
    QuizQuestion {
        id: format!("q{id}"),
        competency: ["GQTH", "PL"][rng.next(2)].into(),
        prompt: rng.text(),
        question,
        feedback: (rng.next(2) == 0).then(|| rng.text()),
    }
}

fn random_role_play(rng: &mut Lcg) -> RolePlay {
    let n = 1 + rng.next(6);
    let nodes = (0..n)
        .map(|i| Node {
            id: format!("n{i}"),
            speaker: (rng.next(2) == 0).then(|| rng.text()),
            text: rng.text(),
            kind: if rng.next(3) == 0 {
                NodeKind::Ending {
                    outcome: [Outcome::Success, Outcome::Partial, Outcome::Fail][rng.next(3)],
                    debrief: rng.text(),
                }
            } else {
                NodeKind::Situation {
                    choices: (0..rng.next(3))
                        .map(|c| Choice {
                            id: format!("c{c}"),
                            text: rng.text(),
                            feedback: rng.text(),
                            next: format!("n{}", rng.next(n + 1)),
                            effects: vec![Effect {
                                competency: "GQTH".into(),
                                delta: rng.next(9) as i32 - 4,
                            }],
                        })
                        .collect(),
                }
            },
        })
        .collect();
    RolePlay {
        briefing: rng.text(),
        scenario: Scenario {
            start: "n0".into(),
            nodes,
        },
    }
}

fn random_package(rng: &mut Lcg) -> Package {
    let mut p = Package::new(
        "R",
        rng.text(),
        FrameworkRef {
            code: "F".into(),
            version: 1 + rng.next(3) as u32,
        },
    );
    p.course.summary = rng.text();
    for _ in 0..rng.next(4) {
        let m = p.add_module(rng.text());
        for _ in 0..rng.next(5) {
            let kind = ActivityKind::ALL[rng.next(5)];
            let id = p.add_activity(&m, kind, rng.text()).unwrap();
            let body = match kind {
                ActivityKind::CaseStudy => ActivityBody::CaseStudy(CaseStudy {
                    body: rng.text(),
                    outcome: rng.text(),
                    prompts: (0..rng.next(3)).map(|_| rng.text()).collect(),
                    rubric: (0..rng.next(3))
                        .map(|_| RubricCriterion {
                            text: rng.text(),
                            points: rng.next(5) as u32,
                        })
                        .collect(),
                }),
                ActivityKind::Quiz => ActivityBody::Quiz(Quiz {
                    settings: QuizSettings {
                        attempts: rng.next(4) as u32,
                        pass_mark: rng.next(101) as u32,
                        shuffle_questions: rng.next(2) == 0,
                        shuffle_options: rng.next(2) == 0,
                        feedback: if rng.next(2) == 0 {
                            FeedbackTiming::Immediate
                        } else {
                            FeedbackTiming::AfterSubmission
                        },
                        offline_feedback: rng.next(2) == 0,
                    },
                    questions: (0..rng.next(5)).map(|i| random_question(rng, i)).collect(),
                }),
                ActivityKind::RolePlay => ActivityBody::RolePlay(random_role_play(rng)),
                ActivityKind::Assessment => ActivityBody::Assessment(Assessment {
                    phase: if rng.next(2) == 0 {
                        Phase::Pre
                    } else {
                        Phase::Post
                    },
                    blueprint: vec![BlueprintLine {
                        competency: "PL".into(),
                        count: rng.next(4) as u32,
                    }],
                }),
                ActivityKind::Survey => ActivityBody::Survey(Survey {
                    items: (0..rng.next(4))
                        .map(|i| SurveyItem {
                            id: format!("s{i}"),
                            kind: if rng.next(2) == 0 {
                                SurveyItemKind::Likert
                            } else {
                                SurveyItemKind::Text
                            },
                            about: SurveyAbout::ALL[rng.next(3)],
                            prompt: rng.text(),
                        })
                        .collect(),
                }),
            };
            p.activity_mut(&id).unwrap().body = body;
        }
    }
    p.item_bank = (0..rng.next(6)).map(|i| random_question(rng, i)).collect();
    p
}

#[test]
fn random_packages_round_trip_exactly() {
    let mut rng = Lcg(0x5EED_2026);
    for _ in 0..500 {
        let package = random_package(&mut rng);
        let exported = serde_json::to_string_pretty(&package).unwrap();
        let imported: Package = serde_json::from_str(&exported).unwrap();
        assert_eq!(imported, package);
        let again = serde_json::to_string_pretty(&imported).unwrap();
        assert_eq!(again, exported);
        // Validation never panics, whatever the content.
        let _ = validate(&imported, Some(&known()));
    }
}
