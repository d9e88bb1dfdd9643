//! The end-of-course survey: Likert items (asked once for each lecturer when they are about
//! lecturers) and comments, sent once.

use leptos::prelude::*;
use shared::page::Page;

use crate::text_area::TextArea;
use shared::course::{Survey, SurveyAbout, SurveyItemKind};
use shared::learning::survey_key;

use crate::components::tr;
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};

use crate::ports::Study;

#[component]
pub fn SurveyForm(study: Study, activity: String, survey: Survey) -> impl IntoView {
    let locale = use_locale();
    let id = study.cohort.id;
    if study.attempts.iter().any(|a| a.activity == activity) {
        return view! {
            <p class="notice ok" role="status" id="result">{t(locale, Text::SurveyThanks)}</p>
            <p><a href=Page::Learn(id).path()>{t(locale, Text::BackToOutline)}</a></p>
        }
        .into_any();
    }
    // Each item, or each item once per lecturer: (field key, prompt, about whom).
    let mut asked = Vec::new();
    for item in &survey.items {
        if item.about == SurveyAbout::Lecturer {
            for (lecturer, name) in &study.lecturers {
                asked.push((
                    survey_key(&item.id, Some(*lecturer)),
                    item.clone(),
                    Some(name.clone()),
                ));
            }
        } else {
            asked.push((survey_key(&item.id, None), item.clone(), None));
        }
    }
    view! {
        <form class="stacked" method="post" action=format!("/api/v1/cohorts/{id}/attempts")>
            <FormToken/>
            <input type="hidden" name="attempt_id" value=study.fresh_attempt_id.to_string()/>
            <input type="hidden" name="activity" value=activity.clone()/>
            <p class="meta">{t(locale, Text::LikertScale)}</p>
            {asked.into_iter().map(|(key, item, about)| {
                let field = format!("s.{key}");
                let prompt = match about {
                    Some(name) => format!("{} — {name}", tr(locale, &item.prompt)),
                    None => tr(locale, &item.prompt),
                };
                match item.kind {
                    SurveyItemKind::Likert => view! {
                        <fieldset class="likert">
                            <legend>{prompt}</legend>
                            {(1..=5).map(|n| view! {
                                <label><input type="radio" name=field.clone() value=n.to_string()/>{n.to_string()}</label>
                            }).collect_view()}
                        </fieldset>
                    }.into_any(),
                    SurveyItemKind::Text => view! {
                        <label for=field.clone()>{prompt}</label>
                        <TextArea {..} id=field.clone() name=field.clone() rows="3" maxlength="2000"/>
                    }.into_any(),
                }
            }).collect_view()}
            <button type="submit" class="primary">{t(locale, Text::SendSurvey)}</button>
        </form>
    }
    .into_any()
}
