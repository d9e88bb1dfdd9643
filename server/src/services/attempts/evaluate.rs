//! What a submission is worth, by the kind of activity: a quiz or test is graded question by
//! question, a role-play path is replayed with the shared engine (the server never trusts a
//! score sent by the browser), a case study's answers and a survey are checked and kept.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use shared::course::learner::responses_from_form;
use shared::course::{
    ActivityBody, Package, QuizQuestion, SurveyAbout, SurveyItemKind, assemble_form,
};
use shared::learning::{AttemptSubmission, QuestionOutcome, survey_key};
use shared::quiz::{Grade, grade};
use shared::roleplay::{self, Outcome};
use shared::{FieldProblem, Problem};
use uuid::Uuid;

/// The longest written answer kept (characters).
pub const MAX_ANSWER_CHARS: usize = 20_000;
/// The longest survey comment kept (characters).
pub const MAX_COMMENT_CHARS: usize = 2_000;

/// A submission checked and scored, ready to store.
pub struct Evaluated {
    /// What the learner sent, as stored (JSON).
    pub work: serde_json::Value,
    pub score: f64,
    pub passed: bool,
    pub questions: Vec<QuestionOutcome>,
    pub outcome: Option<Outcome>,
}

#[derive(Debug)]
pub enum Refusal {
    /// The activity does not exist in the cohort's version.
    NoSuchActivity,
    Invalid(Vec<FieldProblem>),
}

fn invalid(field: impl Into<String>, problem: Problem) -> Refusal {
    Refusal::Invalid(vec![FieldProblem::new(field, problem)])
}

/// A learner's assessment paper is the same every time they open it in a cohort.
fn paper_seed(user: Uuid, cohort: Uuid) -> u64 {
    let mut hasher = DefaultHasher::new();
    (user, cohort).hash(&mut hasher);
    hasher.finish()
}

/// The questions a learner answers in a quiz or test (their own paper for a test), its pass
/// mark (percent); `None` for other kinds.
pub fn questions<'a>(
    package: &'a Package,
    activity: &str,
    user: Uuid,
    cohort: Uuid,
) -> Option<(Vec<&'a QuizQuestion>, u32)> {
    match &package.activity(activity)?.body {
        ActivityBody::Quiz(quiz) => {
            Some((quiz.questions.iter().collect(), quiz.settings.pass_mark))
        }
        // Pre- and post-tests measure; nobody fails them.
        ActivityBody::Assessment(test) => Some((
            assemble_form(&package.item_bank, test, paper_seed(user, cohort)),
            0,
        )),
        _ => None,
    }
}

/// Attempts allowed at an activity; 0 means any number.
pub fn allowed(body: &ActivityBody) -> u32 {
    match body {
        ActivityBody::Quiz(quiz) => quiz.settings.attempts,
        ActivityBody::RolePlay(_) => 0,
        ActivityBody::CaseStudy(_) | ActivityBody::Assessment(_) | ActivityBody::Survey(_) => 1,
    }
}

/// Reads a plain form into a submission of `activity`'s kind.
pub fn from_form(
    package: &Package,
    activity: &str,
    user: Uuid,
    cohort: Uuid,
    fields: &[(String, String)],
) -> AttemptSubmission {
    let all = |name: &str| -> Vec<String> {
        fields
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .collect()
    };
    let mut submission = AttemptSubmission {
        activity: activity.to_owned(),
        ..AttemptSubmission::default()
    };
    if let Some((questions, _)) = questions(package, activity, user, cohort) {
        submission.responses = responses_from_form(&questions, fields);
    }
    submission.answers = all("answers");
    submission.path = all("path");
    submission.survey = fields
        .iter()
        .filter_map(|(n, v)| Some((n.strip_prefix("s.")?.to_owned(), v.clone())))
        .filter(|(_, v)| !v.trim().is_empty())
        .collect();
    submission
}

fn graded(questions: &[&QuizQuestion], pass_mark: u32, input: &AttemptSubmission) -> Evaluated {
    let outcomes: Vec<QuestionOutcome> = questions
        .iter()
        .map(|q| {
            let g = input.responses.get(&q.id).map_or(
                Grade {
                    score: 0.0,
                    correct: false,
                },
                |r| grade(&q.question, r),
            );
            QuestionOutcome {
                question: q.id.clone(),
                score: g.score,
                correct: g.correct,
            }
        })
        .collect();
    let score = if outcomes.is_empty() {
        0.0
    } else {
        outcomes.iter().map(|o| o.score).sum::<f64>() / outcomes.len() as f64
    };
    Evaluated {
        work: serde_json::to_value(&input.responses).unwrap_or_default(),
        score,
        passed: score * 100.0 + 1e-9 >= f64::from(pass_mark),
        questions: outcomes,
        outcome: None,
    }
}

fn written(prompts: usize, input: &AttemptSubmission) -> Result<Evaluated, Refusal> {
    let mut problems = Vec::new();
    for i in 0..prompts {
        let answer = input.answers.get(i).map_or("", |a| a.trim());
        if answer.is_empty() {
            problems.push(FieldProblem::new(
                format!("answers[{i}]"),
                Problem::WriteAnAnswer,
            ));
        } else if answer.chars().count() > MAX_ANSWER_CHARS {
            problems.push(FieldProblem::new(
                format!("answers[{i}]"),
                Problem::CharsAtMost {
                    max: MAX_ANSWER_CHARS,
                },
            ));
        }
    }
    if !problems.is_empty() {
        return Err(Refusal::Invalid(problems));
    }
    let answers: Vec<&str> = input
        .answers
        .iter()
        .take(prompts)
        .map(|a| a.trim())
        .collect();
    Ok(Evaluated {
        work: serde_json::json!({ "answers": answers }),
        score: 0.0,
        passed: true,
        questions: Vec::new(),
        outcome: None,
    })
}

fn played(scenario: &roleplay::Scenario, input: &AttemptSubmission) -> Result<Evaluated, Refusal> {
    let play = roleplay::replay(scenario, &input.path)
        .map_err(|e| invalid("path", Problem::Play { error: Box::new(e) }))?;
    let outcome = play
        .outcome(scenario)
        .ok_or_else(|| invalid("path", Problem::PathNoEnding))?;
    let bounds = roleplay::score_bounds(scenario);
    let shares: Vec<f64> = bounds
        .iter()
        .map(|(code, b)| roleplay::normalised(play.scores.get(code).copied().unwrap_or(0), *b))
        .collect();
    let score = if shares.is_empty() {
        f64::from(u8::from(outcome == Outcome::Success))
    } else {
        shares.iter().sum::<f64>() / shares.len() as f64
    };
    Ok(Evaluated {
        work: serde_json::json!({ "path": input.path, "scores": play.scores }),
        score: score.clamp(0.0, 1.0),
        passed: outcome == Outcome::Success,
        questions: Vec::new(),
        outcome: Some(outcome),
    })
}

fn surveyed(
    survey: &shared::course::Survey,
    lecturers: &[Uuid],
    input: &AttemptSubmission,
) -> Result<Evaluated, Refusal> {
    let mut kinds = BTreeMap::new();
    for item in &survey.items {
        if item.about == SurveyAbout::Lecturer {
            for l in lecturers {
                kinds.insert(survey_key(&item.id, Some(*l)), item.kind);
            }
        } else {
            kinds.insert(survey_key(&item.id, None), item.kind);
        }
    }
    let mut problems = Vec::new();
    let mut kept = BTreeMap::new();
    for (key, value) in &input.survey {
        let value = value.trim();
        match kinds.get(key) {
            None => problems.push(FieldProblem::new(
                format!("survey.{key}"),
                Problem::NotSurveyItem,
            )),
            Some(SurveyItemKind::Likert) => match value.parse::<u8>() {
                Ok(v @ 1..=5) => {
                    kept.insert(key.clone(), v.to_string());
                }
                _ => problems.push(FieldProblem::new(
                    format!("survey.{key}"),
                    Problem::NumberBetween { min: 1, max: 5 },
                )),
            },
            Some(SurveyItemKind::Text) if value.chars().count() > MAX_COMMENT_CHARS => {
                problems.push(FieldProblem::new(
                    format!("survey.{key}"),
                    Problem::CharsAtMost {
                        max: MAX_COMMENT_CHARS,
                    },
                ));
            }
            Some(SurveyItemKind::Text) => {
                if !value.is_empty() {
                    kept.insert(key.clone(), value.to_owned());
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(Refusal::Invalid(problems));
    }
    if kept.is_empty() {
        return Err(invalid("survey", Problem::AnswerOne));
    }
    Ok(Evaluated {
        work: serde_json::to_value(&kept).unwrap_or_default(),
        score: 0.0,
        passed: true,
        questions: Vec::new(),
        outcome: None,
    })
}

/// Checks and scores `input` against the cohort's version of the course.
pub fn evaluate(
    package: &Package,
    user: Uuid,
    cohort: Uuid,
    lecturers: &[Uuid],
    input: &AttemptSubmission,
) -> Result<Evaluated, Refusal> {
    let activity = package
        .activity(&input.activity)
        .ok_or(Refusal::NoSuchActivity)?;
    match &activity.body {
        ActivityBody::Quiz(_) | ActivityBody::Assessment(_) => {
            let (questions, pass_mark) =
                questions(package, &input.activity, user, cohort).ok_or(Refusal::NoSuchActivity)?;
            let known: BTreeSet<&str> = questions.iter().map(|q| q.id.as_str()).collect();
            if let Some(stray) = input.responses.keys().find(|k| !known.contains(k.as_str())) {
                return Err(invalid(
                    format!("responses.{stray}"),
                    Problem::NotQuestionOfActivity,
                ));
            }
            Ok(graded(&questions, pass_mark, input))
        }
        ActivityBody::CaseStudy(case) => written(case.prompts.len(), input),
        ActivityBody::RolePlay(play) => played(&play.scenario, input),
        ActivityBody::Survey(survey) => surveyed(survey, lecturers, input),
    }
}
