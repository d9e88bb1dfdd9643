use std::collections::BTreeSet;

use super::edit::{Direction, ITEM_BANK, add_question};
use super::*;
use crate::quiz::{Item, MultiScoring, Question};
use crate::roleplay::{Choice, Effect, Node, NodeKind};

fn known() -> BTreeSet<String> {
    ["GQTH", "GTDV", "PL"]
        .into_iter()
        .map(String::from)
        .collect()
}

fn q(id: &str, competency: &str) -> QuizQuestion {
    QuizQuestion {
        id: id.into(),
        competency: competency.into(),
        prompt: L10n::new("Câu hỏi", "Question"),
        question: Question::TrueFalse { correct: true },
        feedback: None,
    }
}

fn sound() -> Package {
    let mut p = Package::new(
        "KNTC",
        L10n::new("Giải quyết khiếu nại", "Handling complaints"),
        FrameworkRef {
            code: "CBCX".into(),
            version: 1,
        },
    );
    let m = p.add_module(L10n::new("Mở đầu", "Introduction"));
    let pre = p
        .add_activity(&m, ActivityKind::Assessment, "Đầu vào".into())
        .unwrap();
    let case = p
        .add_activity(&m, ActivityKind::CaseStudy, "Tình huống".into())
        .unwrap();
    let quiz = p
        .add_activity(&m, ActivityKind::Quiz, "Trắc nghiệm".into())
        .unwrap();
    let play = p
        .add_activity(&m, ActivityKind::RolePlay, "Nhập vai".into())
        .unwrap();
    let post = p
        .add_activity(&m, ActivityKind::Assessment, "Đầu ra".into())
        .unwrap();
    let survey = p
        .add_activity(&m, ActivityKind::Survey, "Khảo sát".into())
        .unwrap();
    for id in ["b1", "b2", "b3", "b4"] {
        p.item_bank.push(q(id, "PL"));
    }
    let blueprint = vec![BlueprintLine {
        competency: "PL".into(),
        count: 2,
    }];
    for (id, phase) in [(&pre, Phase::Pre), (&post, Phase::Post)] {
        p.activity_mut(id).unwrap().body = ActivityBody::Assessment(Assessment {
            phase,
            blueprint: blueprint.clone(),
        });
    }
    p.activity_mut(&case).unwrap().body = ActivityBody::CaseStudy(CaseStudy {
        body: "Bà Năm đến trụ sở…".into(),
        outcome: "Đã hòa giải".into(),
        prompts: vec!["Anh/chị sẽ làm gì?".into()],
        rubric: vec![],
    });
    add_question(p.questions_mut(&quiz).unwrap(), &quiz, q("", "GTDV"));
    let rp = p.role_play_mut(&play).unwrap();
    let start = rp.add_node(false, "Ông Tư đến".into());
    let end = rp.add_node(true, "Kết thúc".into());
    rp.add_choice(
        &start,
        Choice {
            id: String::new(),
            text: "Mời ngồi".into(),
            feedback: L10n::default(),
            next: end,
            effects: vec![Effect {
                competency: "GQTH".into(),
                delta: 2,
            }],
        },
    )
    .unwrap();
    p.activity_mut(&survey).unwrap().body = ActivityBody::Survey(Survey {
        items: notation::survey("likert course: Khóa học hữu ích | The course was useful").unwrap(),
    });
    p
}

fn paths(issues: &[Issue]) -> Vec<&str> {
    issues.iter().map(|i| i.path.as_str()).collect()
}

#[test]
fn a_sound_course_has_no_issues() {
    assert_eq!(validate(&sound(), Some(&known())), vec![]);
}

#[test]
fn every_issue_names_its_place() {
    let mut p = sound();
    p.course.title = L10n::default();
    let quiz = p.questions_mut("a3").unwrap();
    quiz[0].competency = "XYZ".into();
    quiz.push(QuizQuestion {
        question: Question::SingleChoice {
            options: vec![Item {
                key: "a".into(),
                text: "Một".into(),
                feedback: None,
            }],
            correct: "z".into(),
        },
        ..q("q1", "PL")
    });
    let rp = p.role_play_mut("a4").unwrap();
    rp.scenario.nodes.push(Node {
        id: "lost".into(),
        speaker: None,
        text: "Không ai tới đây".into(),
        kind: NodeKind::Situation { choices: vec![] },
    });
    let issues = validate(&p, Some(&known()));
    let found = paths(&issues);
    assert!(found.contains(&"course.title"), "{found:?}");
    assert!(
        found.contains(&"modules[0].activities[2].questions[0].competency"),
        "{found:?}"
    );
    assert!(
        found.contains(&"modules[0].activities[2].questions[1].id"),
        "duplicate id: {found:?}"
    );
    assert!(
        found.contains(&"modules[0].activities[2].questions[1].options"),
        "one option: {found:?}"
    );
    assert!(
        found.contains(&"modules[0].activities[2].questions[1].correct"),
        "{found:?}"
    );
    assert!(
        found.contains(&"modules[0].activities[3].scenario.nodes[2]"),
        "{found:?}"
    );
    let unreachable = issues
        .iter()
        .find(|i| matches!(&i.kind, IssueKind::Scenario { problem: crate::roleplay::Problem::Unreachable { node } } if node == "lost"));
    assert!(unreachable.is_some(), "{issues:?}");
    assert!(
        unreachable
            .unwrap()
            .kind
            .describe(crate::Locale::Vi)
            .contains("lost")
    );
}

#[test]
fn assessments_must_be_parallel_and_answerable_from_their_half() {
    let mut p = sound();
    // Three PL items: the pre half has two, the post half only one.
    p.item_bank.pop();
    let issues = validate(&p, Some(&known()));
    assert_eq!(
        paths(&issues),
        vec!["modules[0].activities[4].blueprint[0].count"]
    );
    assert!(matches!(
        issues[0].kind,
        IssueKind::TooFewItems {
            needed: 2,
            available: 1,
            ..
        }
    ));

    let mut p = sound();
    if let ActivityBody::Assessment(post) = &mut p.activity_mut("a5").unwrap().body {
        post.blueprint[0].count = 1;
    }
    assert_eq!(
        validate(&p, Some(&known()))
            .into_iter()
            .map(|i| i.kind)
            .collect::<Vec<_>>(),
        vec![IssueKind::BlueprintsDiffer]
    );
}

#[test]
fn pre_and_post_forms_never_share_an_item() {
    let p = sound();
    let pre = form_of(&p.item_bank, Phase::Pre);
    let post = form_of(&p.item_bank, Phase::Post);
    assert_eq!(pre.len(), 2);
    assert_eq!(post.len(), 2);
    assert!(pre.iter().all(|a| post.iter().all(|b| a.id != b.id)));
    let ActivityBody::Assessment(test) = &p.activity("a1").unwrap().body else {
        panic!("a1 is the pre-test")
    };
    for seed in 0..50 {
        let paper = assemble_form(&p.item_bank, test, seed);
        assert_eq!(paper.len(), 2);
        assert!(paper.iter().all(|q| pre.iter().any(|p| p.id == q.id)));
    }
}

#[test]
fn fresh_ids_follow_the_highest_even_when_imported_ids_are_huge() {
    assert_eq!(next_id("n", ["n1", "n7", "x9", "nine"].into_iter()), "n8");
    assert_eq!(next_id("n", std::iter::empty()), "n1");
    let huge = format!("n{}", u64::MAX);
    assert_eq!(
        next_id("n", [huge.as_str()].into_iter()),
        huge,
        "no overflow panic"
    );
}

#[test]
fn moving_activities_crosses_module_boundaries() {
    let mut p = sound();
    let second = p.add_module("Phần hai".into());
    p.move_activity("a6", Direction::Down).unwrap();
    assert_eq!(p.modules[1].id, second);
    assert_eq!(p.modules[1].activities[0].id, "a6");
    p.move_activity("a6", Direction::Up).unwrap();
    assert_eq!(p.modules[0].activities.last().unwrap().id, "a6");
    p.move_activity("a1", Direction::Up).unwrap();
    assert_eq!(p.modules[0].activities[0].id, "a1", "the first stays first");
    assert!(p.move_activity("nope", Direction::Up).is_err());
    assert_eq!(p.questions_mut(ITEM_BANK).unwrap().len(), 4);
    assert_eq!(p.questions_mut("a2"), Err(edit::EditError::WrongKind));
}

#[test]
fn learners_are_never_shown_the_answer_key() {
    let question = QuizQuestion {
        question: notation::question(
            "matching",
            "Hòa giải = Thôn\nKhiếu nại = UBND xã\nTố cáo = Cơ quan có thẩm quyền",
            false,
            false,
        )
        .unwrap(),
        ..q("q1", "PL")
    };
    let shown = learner::shown(&question);
    let json = serde_json::to_string(&shown).unwrap();
    assert!(
        !json.contains("pairs") && !json.contains("correct"),
        "{json}"
    );
    let learner::Shown::Matching { left, right } = shown.shown else {
        panic!("matching")
    };
    assert!(
        left.iter()
            .zip(&right)
            .all(|(l, r)| (l.key.as_str(), r.key.as_str()) != ("a", "a") || l.key != r.key)
    );
    assert_ne!(right[0].key, "a", "the right column is not in answer order");

    let ordering = QuizQuestion {
        question: notation::question("ordering", "Tiếp nhận\nXác minh\nKết luận", false, false)
            .unwrap(),
        ..q("q2", "PL")
    };
    let learner::Shown::Ordering { items } = learner::shown(&ordering).shown else {
        panic!("ordering")
    };
    let order: Vec<&str> = items.iter().map(|i| i.key.as_str()).collect();
    assert_ne!(order, vec!["a", "b", "c"]);
}

#[test]
fn every_question_type_survives_the_form_notation() {
    let cases = [
        (
            "single_choice",
            "* Tiếp dân | Receive the citizen >> Đúng | Right\nBỏ qua | Ignore",
        ),
        ("multiple_choice", "* Lắng nghe\n* Ghi biên bản\nHứa hẹn"),
        ("true_false", "sai"),
        ("numeric", "30 ± 2"),
        ("short_text", "hòa giải\nhoà giải"),
        (
            "ordering",
            "Tiếp nhận | Receive\nXác minh | Verify\nKết luận | Conclude",
        ),
        (
            "matching",
            "Khiếu nại = UBND xã\nTố cáo | Denunciation = Cơ quan có thẩm quyền",
        ),
    ];
    for (kind, text) in cases {
        let question = notation::question(kind, text, true, true).unwrap();
        assert_eq!(notation::question_type(&question), kind);
        let again =
            notation::question(kind, &notation::answers_text(&question), true, true).unwrap();
        assert_eq!(question, again, "{kind}");
    }
    assert!(matches!(
        notation::question("multiple_choice", "* A\n* B\nC", false, true).unwrap(),
        Question::MultipleChoice {
            scoring: MultiScoring::Partial,
            ..
        }
    ));
    let Question::Numeric { answer, tolerance } =
        notation::question("numeric", "2,5 +- 0,1", false, false).unwrap()
    else {
        panic!("numeric")
    };
    assert!((answer - 2.5).abs() < 1e-12 && (tolerance - 0.1).abs() < 1e-12);
}

#[test]
fn notation_mistakes_name_the_line() {
    let err = notation::question("single_choice", "A\nB", false, false).unwrap_err();
    assert_eq!(err.line, 0);
    assert!(err.describe(crate::Locale::En).contains("exactly one"));
    let err = notation::question("matching", "A = B\nC - D", false, false).unwrap_err();
    assert_eq!(
        err.describe(crate::Locale::Vi),
        "Dòng 2: Ghi một cặp dạng “trái = phải”"
    );
    assert_eq!(
        notation::rubric("3: Lắng nghe\nhai: Sai").unwrap_err().line,
        2
    );
    assert!(notation::blueprint("PL: x").is_err());
    assert!(notation::survey("likert moon: ?").is_err());
    assert_eq!(
        notation::effects("GQTH +2, PL -1").unwrap(),
        vec![
            Effect {
                competency: "GQTH".into(),
                delta: 2
            },
            Effect {
                competency: "PL".into(),
                delta: -1
            }
        ]
    );
    assert_eq!(
        notation::effects_text(&notation::effects("GQTH +2, PL -1").unwrap()),
        "GQTH +2, PL -1"
    );
    assert!(notation::effects("GQTH lots").is_err());
    let rubric = notation::rubric("3: Lắng nghe | Listens\n2: Giải thích").unwrap();
    assert_eq!(
        notation::rubric(&notation::rubric_lines(&rubric)).unwrap(),
        rubric
    );
}

#[test]
fn a_plain_form_answers_every_question_type() {
    use crate::quiz::{Response, grade};
    let make = |id: &str, kind: &str, text: &str| QuizQuestion {
        question: notation::question(kind, text, true, false).unwrap(),
        ..q(id, "PL")
    };
    let questions = [
        make("s", "single_choice", "* A\nB"),
        make("m", "multiple_choice", "* A\n* B\nC"),
        make("t", "true_false", "sai"),
        make("n", "numeric", "30"),
        make("x", "short_text", "hòa giải"),
        make("o", "ordering", "A\nB\nC"),
        make("p", "matching", "A = 1\nB = 2"),
    ];
    let refs: Vec<&QuizQuestion> = questions.iter().collect();
    let fields: Vec<(String, String)> = [
        ("s", "a"),
        ("m", "a"),
        ("m", "b"),
        ("t", "false"),
        ("n", "30,0"),
        ("x", "Hoa giai"),
        ("o-a", "1"),
        ("o-b", "2"),
        ("o-c", "3"),
        ("p-a", "a"),
        ("p-b", "b"),
        ("csrf", "x"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let responses = learner::responses_from_form(&refs, &fields);
    for q in &questions {
        let r = responses
            .get(&q.id)
            .unwrap_or_else(|| panic!("{} answered", q.id));
        assert!(grade(&q.question, r).correct, "{}: {r:?}", q.id);
    }
    let same_place: Vec<(String, String)> = ["o-a", "o-b", "o-c"]
        .iter()
        .map(|k| ((*k).to_owned(), "1".to_owned()))
        .collect();
    assert_eq!(
        learner::responses_from_form(&refs, &same_place).get("o"),
        None,
        "ties are no order"
    );
    let blank = learner::responses_from_form(&refs, &[("s".into(), " ".into())]);
    assert!(blank.is_empty(), "blank answers are absent");
    assert_eq!(
        learner::responses_from_form(&refs[3..4], &[("n".into(), "ba mươi".into())]).get("n"),
        None::<&Response>
    );
}

mod random_packages;
