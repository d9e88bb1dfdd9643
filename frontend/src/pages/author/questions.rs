//! The questions of a quiz or of the item bank: each in its own form (type, competency,
//! prompt, answers in the form notation, feedback), moved and deleted one by one, and a
//! form for a new one.

use leptos::prelude::*;

use crate::text_area::TextArea;
use shared::L10n;
use shared::competency::Competency;
use shared::course::QuizQuestion;
use shared::course::notation::{self, QUESTION_TYPES};
use shared::quiz::{MultiScoring, Question};

use super::MoveButtons;
use crate::components::{DeleteButton, query, tr, typed_or};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};

pub fn type_label(locale: shared::Locale, kind: &str) -> &'static str {
    t(
        locale,
        match kind {
            "single_choice" => Text::QSingleChoice,
            "multiple_choice" => Text::QMultipleChoice,
            "true_false" => Text::QTrueFalse,
            "numeric" => Text::QNumeric,
            "short_text" => Text::QShortText,
            "ordering" => Text::QOrdering,
            _ => Text::QMatching,
        },
    )
}

/// A question's fields; `prefix` keeps the ids of several forms on a page apart.
#[component]
fn QuestionFields(
    question: QuizQuestion,
    competencies: Vec<Competency>,
    prefix: String,
    /// Show what was typed before a failed post instead of the stored question.
    keep_typed: bool,
) -> impl IntoView {
    let locale = use_locale();
    let kind = notation::question_type(&question.question);
    let answers = if question.prompt.is_blank() {
        String::new()
    } else {
        notation::answers_text(&question.question)
    };
    let (lenient, partial) = match &question.question {
        Question::ShortText { lenient, .. } => (*lenient, false),
        Question::MultipleChoice { scoring, .. } => (false, *scoring == MultiScoring::Partial),
        _ => (false, false),
    };
    let feedback = question.feedback.clone().unwrap_or_default();
    let id = |name: &str| format!("{prefix}-{name}");
    let value = |name: &str, current: String| {
        if keep_typed {
            typed_or(name, current)
        } else {
            current
        }
    };
    let kind_owned = value("type", kind.to_owned());
    let kind = kind_owned.as_str();
    let competency = value("competency", question.competency.clone());
    let (prompt_vi, prompt_en) = (
        value("prompt_vi", question.prompt.vi.clone()),
        value("prompt_en", question.prompt.en.clone()),
    );
    let answers = value("answers", answers);
    let (feedback_vi, feedback_en) = (
        value("feedback_vi", feedback.vi.clone()),
        value("feedback_en", feedback.en.clone()),
    );
    view! {
        <label for=id("type")>{t(locale, Text::QuestionType)}</label>
        <select id=id("type") name="type">
            {QUESTION_TYPES.into_iter().map(|q| view! {
                <option value=q selected=q == kind>{type_label(locale, q)}</option>
            }).collect_view()}
        </select>
        <label for=id("competency")>{t(locale, Text::MeasuresCompetency)}</label>
        <select id=id("competency") name="competency" required>
            {competencies.into_iter().map(|c| {
                let selected = c.code == competency;
                view! { <option value=c.code.clone() selected=selected>{format!("{} — {}", c.code, if locale == shared::Locale::Vi { c.name_vi } else { c.name_en })}</option> }
            }).collect_view()}
        </select>
        <label for=id("prompt_vi")>{t(locale, Text::PromptVi)}</label>
        <TextArea value={prompt_vi} {..} id=id("prompt_vi") name="prompt_vi" rows="2" required=true lang="vi"/>
        <label for=id("prompt_en")>{t(locale, Text::PromptEn)}</label>
        <TextArea value={prompt_en} {..} id=id("prompt_en") name="prompt_en" rows="2" lang="en"/>
        <label for=id("answers")>{t(locale, Text::Answers)}</label>
        <TextArea value={answers} {..} id=id("answers") name="answers" rows="5" class="mono"/>
        <small>{t(locale, Text::AnswersHint)}</small>
        <label class="check"><input type="checkbox" name="lenient" value="true" checked=lenient/>{t(locale, Text::Lenient)}</label>
        <label class="check"><input type="checkbox" name="partial" value="true" checked=partial/>{t(locale, Text::PartialCredit)}</label>
        <label for=id("feedback_vi")>{t(locale, Text::FeedbackVi)}</label>
        <TextArea value={feedback_vi} {..} id=id("feedback_vi") name="feedback_vi" rows="2" lang="vi"/>
        <label for=id("feedback_en")>{t(locale, Text::FeedbackEn)}</label>
        <TextArea value={feedback_en} {..} id=id("feedback_en") name="feedback_en" rows="2" lang="en"/>
    }
}

#[component]
pub fn QuestionList(
    course: uuid::Uuid,
    container: String,
    questions: Vec<QuizQuestion>,
    competencies: Vec<Competency>,
    editable: bool,
    /// Bank only: which half (pre/post form) each question belongs to.
    #[prop(optional)]
    halves: Vec<&'static str>,
) -> impl IntoView {
    let locale = use_locale();
    let base = format!("/api/v1/courses/{course}/questions/{container}");
    let editing = query("editing");
    let blank = QuizQuestion {
        id: String::new(),
        competency: String::new(),
        prompt: L10n::default(),
        question: Question::SingleChoice {
            options: Vec::new(),
            correct: String::new(),
        },
        feedback: None,
    };
    view! {
        <section id="questions">
            <h2>{format!("{} ({})", t(locale, Text::Questions), questions.len())}</h2>
            {questions.is_empty().then(|| view! { <p class="empty">{t(locale, Text::NoQuestionsYet)}</p> })}
            {questions.into_iter().enumerate().map(|(i, q)| {
                let action = format!("{base}/{}", q.id);
                let kind = notation::question_type(&q.question);
                let half = halves.get(i).copied().unwrap_or_default();
                let summary = format!("{}. [{}] {} · {}", i + 1, q.competency, type_label(locale, kind), tr(locale, &q.prompt));
                view! {
                    <details class="question" id=q.id.clone() open=editing == q.id>
                        <summary>{summary}{(!half.is_empty()).then(|| view! { " " <span class="tag">{half}</span> })}</summary>
                        {if editable {
                            view! {
                                <form class="stacked" method="post" action=action.clone()>
                                    <FormToken/>
                                    <QuestionFields question=q.clone() competencies=competencies.clone() prefix=q.id.clone() keep_typed=editing == q.id/>
                                    <button type="submit">{t(locale, Text::Save)}</button>
                                </form>
                                <div class="row-tools">
                                    <MoveButtons action=format!("{action}/move")/>
                                    <DeleteButton action=format!("{action}/delete") what=q.id.clone()/>
                                </div>
                            }.into_any()
                        } else {
                            view! { <pre class="mono">{notation::answers_text(&q.question)}</pre> }.into_any()
                        }}
                    </details>
                }
            }).collect_view()}
            {editable.then(|| view! {
                <h3>{t(locale, Text::AddQuestion)}</h3>
                <form class="stacked" method="post" action=base.clone()>
                    <FormToken/>
                    <QuestionFields question=blank competencies=competencies prefix="new".to_owned() keep_typed=editing == "questions"/>
                    <button type="submit" class="primary">{t(locale, Text::AddQuestion)}</button>
                </form>
            })}
        </section>
    }
}
