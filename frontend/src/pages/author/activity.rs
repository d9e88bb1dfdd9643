//! `/author/courses/:id/activities/:activity`: the editor of one activity, by kind.

use leptos::prelude::*;
use shared::page::Page;

use crate::text_area::TextArea;
use shared::authoring::{CourseDetail, Part};
use shared::competency::Competency;
use shared::course::{
    ActivityBody, Assessment, CaseStudy, FeedbackTiming, Phase, QuizQuestion, QuizSettings,
    RolePlay, Survey, form_of, notation,
};

use super::questions::QuestionList;
use super::roleplay::RolePlayEditor;
use super::{AuthorNav, IssueList, TitleFields, course_param};
use crate::components::{
    FormOutcome, activity_kind, loaded, param, port_failure, query, signed_in, tr, typed_or,
};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};
use crate::ports::{PortError, Ports};

#[component]
pub fn ActivityPage() -> impl IntoView {
    let locale = use_locale();
    let Some(id) = course_param() else {
        return port_failure(locale, PortError(shared::ErrorCode::NotFound));
    };
    let activity = param("activity");
    signed_in(move |_| {
        view! {
        {loaded(locale, move |ports: Ports| async move {
                    let course = ports.author.course(id).await?;
                    if course.draft.activity(&activity).is_none() {
                        return Err(PortError(shared::ErrorCode::NotFound));
                    }
                    let competencies = ports.author.competencies(course.framework_id).await.unwrap_or_default();
                    Ok(view! { <Editor course competencies activity/> }.into_any())
        })}
    }
    .into_any()
    })
}

#[component]
fn Editor(course: CourseDetail, competencies: Vec<Competency>, activity: String) -> impl IntoView {
    let locale = use_locale();
    let id = course.summary.id;
    let editable = course.summary.part != Part::Reader;
    let Some(found) = course.draft.activity(&activity).cloned() else {
        return port_failure(locale, PortError(shared::ErrorCode::NotFound));
    };
    let prefix = {
        let (m, a) = course
            .draft
            .modules
            .iter()
            .enumerate()
            .find_map(|(m, module)| {
                module
                    .activities
                    .iter()
                    .position(|a| a.id == activity)
                    .map(|a| (m, a))
            })
            .unwrap_or_default();
        format!("modules[{m}].activities[{a}]")
    };
    let issues: Vec<_> = course
        .issues
        .iter()
        .filter(|i| i.path.starts_with(&prefix))
        .cloned()
        .collect();
    let detail = query("detail");
    let action = format!("/api/v1/courses/{id}/activities/{activity}");
    let kind = found.body.kind();
    let fields = match found.body.clone() {
        ActivityBody::CaseStudy(case) => case_fields(case),
        ActivityBody::Quiz(quiz) => quiz_fields(&quiz.settings),
        ActivityBody::RolePlay(play) => role_play_fields(play),
        ActivityBody::Assessment(test) => test_fields(
            id,
            &test,
            &form_of(&course.draft.item_bank, test.phase),
            &competencies,
        ),
        ActivityBody::Survey(survey) => survey_fields(&survey),
    };
    let below = match found.body {
        ActivityBody::Quiz(quiz) => Some(view! {
            <QuestionList course=id container=activity.clone() questions=quiz.questions competencies=competencies.clone() editable=editable/>
        }.into_any()),
        ActivityBody::RolePlay(play) => Some(view! {
            <RolePlayEditor course=id activity=activity.clone() play=play editable=editable/>
        }.into_any()),
        _ => None,
    };
    view! {
        <p class="meta"><a href=Page::AuthorCourse(id).path()>{tr(locale, &course.draft.course.title)}</a></p>
        <h1>{tr(locale, &found.title)}</h1>
        <p class="meta"><span class="tag">{activity_kind(locale, kind)}</span>" "
            <a href=Page::AuthorPreview(id).address().with("activity", &activity).to_string()>{t(locale, Text::PreviewAsLearner)}</a></p>
        <AuthorNav course=id/>
        <FormOutcome/>
        {(!detail.is_empty()).then(|| view! { <p class="notice error" role="alert">{detail}</p> })}
        <IssueList issues/>
        <form class="stacked" method="post" action=action>
            <FormToken/>
            <fieldset disabled=!editable>
                <TitleFields title=found.title.clone()/>
                {fields}
                <button type="submit" class="primary">{t(locale, Text::Save)}</button>
            </fieldset>
        </form>
        {below}
    }
    .into_any()
}

/// A case study's text, its outcome, discussion prompts and rubric.
fn case_fields(case: CaseStudy) -> AnyView {
    let locale = use_locale();
    view! {
        <label for="body_vi">{t(locale, Text::CaseBodyVi)}</label>
        <TextArea value={typed_or("body_vi", case.body.vi)} {..} id="body_vi" name="body_vi" rows="14" lang="vi"/>
        <label for="body_en">{t(locale, Text::CaseBodyEn)}</label>
        <TextArea value={typed_or("body_en", case.body.en)} {..} id="body_en" name="body_en" rows="14" lang="en"/>
        <label for="outcome_vi">{t(locale, Text::CaseOutcomeVi)}</label>
        <TextArea value={typed_or("outcome_vi", case.outcome.vi)} {..} id="outcome_vi" name="outcome_vi" rows="5" lang="vi"/>
        <label for="outcome_en">{t(locale, Text::CaseOutcomeEn)}</label>
        <TextArea value={typed_or("outcome_en", case.outcome.en)} {..} id="outcome_en" name="outcome_en" rows="5" lang="en"/>
        <small>{t(locale, Text::MarkdownHint)}</small>
        <label for="prompts">{t(locale, Text::DiscussionPrompts)}</label>
        <TextArea value={typed_or("prompts", notation::texts_lines(&case.prompts))} {..} id="prompts" name="prompts" rows="5"/>
        <small>{t(locale, Text::LinesHint)}</small>
        <label for="rubric">{t(locale, Text::Rubric)}</label>
        <TextArea value={typed_or("rubric", notation::rubric_lines(&case.rubric))} {..} id="rubric" name="rubric" rows="4" class="mono"/>
        <small>{t(locale, Text::RubricHint)}</small>
    }
    .into_any()
}

/// A quiz's settings (its questions are edited below the form).
fn quiz_fields(s: &QuizSettings) -> AnyView {
    let locale = use_locale();
    {
        view! {
            <label for="attempts">{t(locale, Text::AttemptsAllowed)}</label>
            <input id="attempts" name="attempts" type="number" min="0" max="100" value=s.attempts.to_string()/>
            <small>{t(locale, Text::AttemptsHint)}</small>
            <label for="pass_mark">{t(locale, Text::PassMark)}</label>
            <input id="pass_mark" name="pass_mark" type="number" min="0" max="100" value=s.pass_mark.to_string()/>
            <label class="check"><input type="checkbox" name="shuffle_questions" value="true" checked=s.shuffle_questions/>{t(locale, Text::ShuffleQuestions)}</label>
            <label class="check"><input type="checkbox" name="shuffle_options" value="true" checked=s.shuffle_options/>{t(locale, Text::ShuffleOptions)}</label>
            <label for="feedback">{t(locale, Text::FeedbackTiming)}</label>
            <select id="feedback" name="feedback">
                <option value="immediate" selected=s.feedback == FeedbackTiming::Immediate>{t(locale, Text::FeedbackImmediate)}</option>
                <option value="after_submission" selected=s.feedback == FeedbackTiming::AfterSubmission>{t(locale, Text::FeedbackAfter)}</option>
            </select>
            <label class="check"><input type="checkbox" name="offline_feedback" value="true" checked=s.offline_feedback/>{t(locale, Text::OfflineFeedback)}</label>
            <small>{t(locale, Text::OfflineFeedbackHint)}</small>
        }
        .into_any()
    }
}

/// A role-play's briefing and starting node (its graph is edited below the form).
fn role_play_fields(play: RolePlay) -> AnyView {
    let locale = use_locale();
    {
        let nodes: Vec<String> = play.scenario.nodes.iter().map(|n| n.id.clone()).collect();
        view! {
            <label for="briefing_vi">{t(locale, Text::BriefingVi)}</label>
            <TextArea value={typed_or("briefing_vi", play.briefing.vi)} {..} id="briefing_vi" name="briefing_vi" rows="4" lang="vi"/>
            <label for="briefing_en">{t(locale, Text::BriefingEn)}</label>
            <TextArea value={typed_or("briefing_en", play.briefing.en)} {..} id="briefing_en" name="briefing_en" rows="4" lang="en"/>
            {(!nodes.is_empty()).then(|| view! {
                <label for="start">{t(locale, Text::GraphStart)}</label>
                <select id="start" name="start">
                    {nodes.into_iter().map(|n| {
                        let selected = n == play.scenario.start;
                        view! { <option value=n.clone() selected=selected>{n.clone()}</option> }
                    }).collect_view()}
                </select>
            })}
        }
        .into_any()
    }
}

/// A test's phase and blueprint, with how many bank items each competency has for it.
fn test_fields(
    id: uuid::Uuid,
    test: &Assessment,
    half: &[&QuizQuestion],
    competencies: &[Competency],
) -> AnyView {
    let locale = use_locale();
    {
        let available: Vec<String> = competencies
            .iter()
            .filter_map(|c| {
                let n = half.iter().filter(|q| q.competency == c.code).count();
                (n > 0).then(|| format!("{}: {n}", c.code))
            })
            .collect();
        view! {
            <label for="phase">{t(locale, Text::Phase)}</label>
            <select id="phase" name="phase">
                <option value="pre" selected=test.phase == Phase::Pre>{t(locale, Text::PhasePre)}</option>
                <option value="post" selected=test.phase == Phase::Post>{t(locale, Text::PhasePost)}</option>
            </select>
            <label for="blueprint">{t(locale, Text::Blueprint)}</label>
            <TextArea value={typed_or("blueprint", notation::blueprint_lines(&test.blueprint))} {..} id="blueprint" name="blueprint" rows="5" class="mono"/>
            <small>{t(locale, Text::BlueprintHint)}</small>
            <p>{format!("{}: {}", t(locale, Text::ItemsInThisHalf), if available.is_empty() { "—".to_owned() } else { available.join(", ") })}
                " "<a href=Page::AuthorBank(id).path()>{t(locale, Text::ItemBank)}</a></p>
        }
        .into_any()
    }
}

/// A survey's items.
fn survey_fields(survey: &Survey) -> AnyView {
    let locale = use_locale();
    view! {
        <label for="items">{t(locale, Text::SurveyItems)}</label>
        <TextArea value={typed_or("items", notation::survey_lines(&survey.items))} {..} id="items" name="items" rows="8" class="mono"/>
        <small>{t(locale, Text::SurveyHint)}</small>
    }
    .into_any()
}
