//! `/author/courses/:id/bank`: the item bank the pre- and post-tests draw from. Each
//! competency's items alternate between the pre-test half and the post-test half.

use std::collections::HashMap;

use leptos::prelude::*;
use shared::authoring::Part;
use shared::course::edit::ITEM_BANK;
use shared::page::Page;

use super::questions::QuestionList;
use super::{AuthorNav, course_param};
use crate::components::{FormOutcome, loaded, port_failure, query, signed_in, tr};
use crate::i18n::{Text, t};
use crate::layout::use_locale;
use crate::ports::{PortError, Ports};

#[component]
pub fn BankPage() -> impl IntoView {
    let locale = use_locale();
    let Some(id) = course_param() else {
        return port_failure(locale, PortError(shared::ErrorCode::NotFound));
    };
    signed_in(move |_| {
        let detail = query("detail");
        view! {
        {loaded(locale, move |ports: Ports| async move {
                    let course = ports.author.course(id).await?;
                    let competencies = ports.author.competencies(course.framework_id).await.unwrap_or_default();
                    let mut seen: HashMap<String, usize> = HashMap::new();
                    let (pre, post) = (t(locale, Text::PhasePre), t(locale, Text::PhasePost));
                    let halves: Vec<&'static str> = course.draft.item_bank.iter().map(|q| {
                        let n = seen.entry(q.competency.clone()).or_default();
                        *n += 1;
                        if *n % 2 == 1 { pre } else { post }
                    }).collect();
                    Ok(view! {
                        <p class="meta"><a href=Page::AuthorCourse(id).path()>{tr(locale, &course.draft.course.title)}</a></p>
                        <h1>{t(locale, Text::ItemBank)}</h1>
                        <AuthorNav course=id/>
                        <FormOutcome/>
                        {(!detail.is_empty()).then(|| view! { <p class="notice error" role="alert">{detail}</p> })}
                        <p>{t(locale, Text::ItemBankHint)}</p>
                        <QuestionList course=id container=ITEM_BANK.to_owned() questions=course.draft.item_bank
                            competencies=competencies editable=course.summary.part != Part::Reader halves=halves/>
                    }
                    .into_any())
        })}
    }
    .into_any()
    })
}
