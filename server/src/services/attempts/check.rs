//! One quiz question checked before the quiz is submitted, for quizzes whose lecturer chose
//! feedback after each question (never for pre- and post-tests, whose keys stay on the
//! server). Nothing is stored: the graded attempt is still the submitted quiz.

use crate::store::Db;
use shared::course::learner::responses_from_form;
use shared::course::{ActivityBody, FeedbackTiming};
use shared::quiz::{Grade, Response, grade};
use shared::{FieldProblem, L10n, Problem};
use uuid::Uuid;

use super::{AttemptError, allowed, package_of, tallies_if_open, within_limit};
use crate::services::actors::Actor;
use crate::services::cohorts;
use crate::services::policy::CohortAction;

/// The answer to check: given as a response, or read from the quiz form's fields.
pub enum Answer {
    Response(Option<Response>),
    Form(Vec<(String, String)>),
}

/// The grade of `question`'s answer and the question's feedback (Markdown).
pub async fn check(
    db: &Db,
    actor: &Actor,
    cohort_id: Uuid,
    activity: &str,
    question: &str,
    answer: Answer,
) -> Result<(Grade, Option<L10n>), AttemptError> {
    let cohort = cohorts::load(db, actor, cohort_id, CohortAction::Study).await?;
    let package = package_of(db, &cohort).await?;
    let found = package
        .activity(activity)
        .ok_or(AttemptError::NoSuchActivity)?;
    let ActivityBody::Quiz(quiz) = &found.body else {
        return Err(AttemptError::NoFeedbackNow);
    };
    if quiz.settings.feedback != FeedbackTiming::Immediate {
        return Err(AttemptError::NoFeedbackNow);
    }
    let tallies = tallies_if_open(db, &cohort, &package, actor.me.id, found).await?;
    within_limit(&tallies, activity, allowed(&found.body))?;
    let q = quiz
        .questions
        .iter()
        .find(|q| q.id == question)
        .ok_or_else(|| {
            AttemptError::Invalid(vec![FieldProblem::new(
                "question",
                Problem::NotQuestionOfQuiz,
            )])
        })?;
    let response = match answer {
        Answer::Response(response) => response,
        Answer::Form(fields) => responses_from_form(&[q], &fields).remove(&q.id),
    };
    let graded = response.map_or(
        Grade {
            score: 0.0,
            correct: false,
        },
        |r| grade(&q.question, &r),
    );
    Ok((graded, q.feedback.clone()))
}
