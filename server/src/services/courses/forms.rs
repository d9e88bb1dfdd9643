//! From the editor's flat forms to content: each form's text boxes are read with the
//! notation of `shared::course::notation`; a mistake names its field (and line).

use shared::authoring::{ActivityForm, ChoiceForm, NodeForm, QuestionForm};
use shared::course::{
    ActivityBody, Assessment, CaseStudy, FeedbackTiming, Phase, QuizQuestion, notation,
};
use shared::roleplay::{Choice, Node, NodeKind, Outcome};
use shared::{L10n, Locale, Problem};

use super::{CourseError, check_title};

fn text(vi: &str, en: &str) -> L10n {
    L10n::new(vi.trim(), en.trim())
}

fn notation_error(field: &str) -> impl Fn(notation::NotationError) -> CourseError {
    let field = field.to_owned();
    move |error| {
        CourseError::field(
            &field,
            Problem::Notation {
                error: Box::new(error),
            },
        )
    }
}

/// Applies the editor's form to one activity: its title and the fields of its kind. A case
/// study's long texts are never lost to a mistyped rubric: the rest is saved, the rubric
/// kept as it was, and the problem returned as a warning.
pub fn apply_activity_form(
    title: &mut L10n,
    body: &mut ActivityBody,
    form: &ActivityForm,
) -> Result<Option<Problem>, CourseError> {
    *title = check_title(&form.title_vi, &form.title_en, "title_vi")?;
    let mut warning = None;
    match body {
        ActivityBody::CaseStudy(case) => {
            let rubric = match notation::rubric(&form.rubric) {
                Ok(rubric) => rubric,
                Err(e) => {
                    warning = Some(Problem::Notation { error: Box::new(e) });
                    case.rubric.clone()
                }
            };
            *case = CaseStudy {
                body: text(&form.body_vi, &form.body_en),
                outcome: text(&form.outcome_vi, &form.outcome_en),
                prompts: notation::texts(&form.prompts),
                rubric,
            };
        }
        ActivityBody::Quiz(quiz) => {
            let settings = &mut quiz.settings;
            settings.attempts = form.attempts.unwrap_or(settings.attempts);
            let pass_mark = form.pass_mark.unwrap_or(settings.pass_mark);
            if pass_mark > 100 {
                return Err(CourseError::field(
                    "pass_mark",
                    Problem::NumberBetween { min: 0, max: 100 },
                ));
            }
            settings.pass_mark = pass_mark;
            settings.shuffle_questions = form.shuffle_questions;
            settings.shuffle_options = form.shuffle_options;
            settings.feedback = match form.feedback.as_str() {
                "immediate" => FeedbackTiming::Immediate,
                _ => FeedbackTiming::AfterSubmission,
            };
            settings.offline_feedback = form.offline_feedback;
        }
        ActivityBody::RolePlay(play) => {
            play.briefing = text(&form.briefing_vi, &form.briefing_en);
            let start = form.start.trim();
            if !start.is_empty() {
                if play.scenario.node(start).is_none() {
                    return Err(CourseError::field("start", Problem::NoSuchNode));
                }
                play.scenario.start = start.to_owned();
            }
        }
        ActivityBody::Assessment(test) => {
            *test = Assessment {
                phase: if form.phase == "post" {
                    Phase::Post
                } else {
                    Phase::Pre
                },
                blueprint: notation::blueprint(&form.blueprint)
                    .map_err(notation_error("blueprint"))?,
            };
        }
        ActivityBody::Survey(survey) => {
            survey.items = notation::survey(&form.items).map_err(notation_error("items"))?;
        }
    }
    Ok(warning)
}

/// A question from its form (its id is given by the caller).
pub fn question_from_form(
    form: &QuestionForm,
    _locale: Locale,
) -> Result<QuizQuestion, CourseError> {
    if form.competency.trim().is_empty() {
        return Err(CourseError::field("competency", Problem::ChooseCompetency));
    }
    if form.prompt_vi.trim().is_empty() {
        return Err(CourseError::field("prompt_vi", Problem::Required));
    }
    let question = notation::question(form.kind.trim(), &form.answers, form.lenient, form.partial)
        .map_err(notation_error("answers"))?;
    let feedback = text(&form.feedback_vi, &form.feedback_en);
    Ok(QuizQuestion {
        id: String::new(),
        competency: form.competency.trim().to_owned(),
        prompt: text(&form.prompt_vi, &form.prompt_en),
        question,
        feedback: (!feedback.is_blank()).then_some(feedback),
    })
}

fn outcome(code: &str) -> Result<Outcome, CourseError> {
    match code {
        "success" => Ok(Outcome::Success),
        "partial" | "" => Ok(Outcome::Partial),
        "fail" => Ok(Outcome::Fail),
        _ => Err(CourseError::field(
            "outcome",
            Problem::OneOf {
                choices: "success, partial, fail".into(),
            },
        )),
    }
}

/// Applies a node's form: who speaks, what happens, and for an ending its outcome.
pub fn apply_node_form(node: &mut Node, form: &NodeForm) -> Result<(), CourseError> {
    if form.text_vi.trim().is_empty() {
        return Err(CourseError::field("text_vi", Problem::Required));
    }
    let speaker = text(&form.speaker_vi, &form.speaker_en);
    node.speaker = (!speaker.is_blank()).then_some(speaker);
    node.text = text(&form.text_vi, &form.text_en);
    if let NodeKind::Ending {
        outcome: o,
        debrief,
    } = &mut node.kind
    {
        *o = outcome(&form.outcome)?;
        *debrief = text(&form.debrief_vi, &form.debrief_en);
    }
    Ok(())
}

/// Applies a choice's form (its id is kept or given by the caller).
pub fn apply_choice_form(
    choice: &mut Choice,
    form: &ChoiceForm,
    _locale: Locale,
) -> Result<(), CourseError> {
    if form.text_vi.trim().is_empty() {
        return Err(CourseError::field("text_vi", Problem::Required));
    }
    if form.next.trim().is_empty() {
        return Err(CourseError::field("next", Problem::ChooseNextNode));
    }
    choice.text = text(&form.text_vi, &form.text_en);
    choice.feedback = text(&form.feedback_vi, &form.feedback_en);
    form.next.trim().clone_into(&mut choice.next);
    choice.effects = notation::effects(&form.effects).map_err(notation_error("effects"))?;
    Ok(())
}
