//! Questions as a learner answers them (no answer key): in the preview read-only, in the
//! player as the form that is submitted, each with its checking island.

use std::sync::Arc;

use leptos::prelude::*;
use shared::course::learner::{Shown, ShownQuestion};

use super::tr;
use crate::i18n::{Text, t};
use crate::islands::{OfflineCheck, QuestionCheck};
use crate::layout::use_locale;
use crate::ports::AuthorPort;

/// What renders lecturer-written Markdown (the server, through the author port).
pub type Md = Arc<dyn AuthorPort>;

/// The controls of each question type, named as `learner::responses_from_form` reads
/// them: `{id}` (several for multiple choice) and `{id}-{key}` for ordering and matching.
/// With `checks` (cohort, activity), each question gets the island that checks its answer;
/// with `offline`, the closed ones also get their table for checking without a connection.
#[component]
pub fn Questions(
    questions: Vec<ShownQuestion>,
    md: Md,
    enabled: bool,
    #[prop(default = None)] checks: Option<(uuid::Uuid, String)>,
    #[prop(default = None)] offline: Option<std::collections::BTreeMap<String, OfflineCheck>>,
) -> impl IntoView {
    let locale = use_locale();
    let disabled = !enabled;
    view! {
        <div class="paper">
            {questions.into_iter().enumerate().map(|(i, q)| {
                let name = q.id.clone();
                // The legend and the prompt name the text boxes; each select has its own label.
                let legend_id = format!("{name}-legend");
                let prompt_id = format!("{name}-prompt");
                let named_by = format!("{legend_id} {prompt_id}");
                let table = offline.as_ref().and_then(|t| t.get(&q.id).cloned());
                let check = checks.clone().map(|(cohort, activity)| view! {
                    <QuestionCheck locale cohort activity question=q.id.clone() offline=table/>
                });
                let controls = match q.shown {
                    Shown::SingleChoice { options } => options.into_iter().map(|o| view! {
                        <label class="check"><input type="radio" name=name.clone() value=o.key disabled=disabled/>{tr(locale, &o.text)}</label>
                    }).collect_view().into_any(),
                    Shown::MultipleChoice { options } => options.into_iter().map(|o| view! {
                        <label class="check"><input type="checkbox" name=name.clone() value=o.key disabled=disabled/>{tr(locale, &o.text)}</label>
                    }).collect_view().into_any(),
                    Shown::TrueFalse => view! {
                        <label class="check"><input type="radio" name=name.clone() value="true" disabled=disabled/>{t(locale, Text::True)}</label>
                        <label class="check"><input type="radio" name=name.clone() value="false" disabled=disabled/>{t(locale, Text::False)}</label>
                    }.into_any(),
                    Shown::Numeric => view! { <input type="text" inputmode="decimal" name=name.clone() aria-labelledby=named_by disabled=disabled/> }.into_any(),
                    Shown::ShortText => view! { <input type="text" name=name.clone() aria-labelledby=named_by disabled=disabled/> }.into_any(),
                    Shown::Ordering { items } => {
                        let count = items.len();
                        items.into_iter().map(|item| {
                            let control = format!("{name}-{}", item.key);
                            view! {
                                <div class="pair">
                                    <select id=control.clone() name=control.clone() disabled=disabled>
                                        <option value="">"—"</option>
                                        {(1..=count).map(|n| view! { <option value=n.to_string()>{n.to_string()}</option> }).collect_view()}
                                    </select>
                                    <label for=control>{tr(locale, &item.text)}</label>
                                </div>
                            }
                        }).collect_view().into_any()
                    }
                    Shown::Matching { left, right } => left.into_iter().map(|l| {
                        let control = format!("{name}-{}", l.key);
                        view! {
                            <div class="pair matching">
                                <label for=control.clone()>{tr(locale, &l.text)}</label>
                                <select id=control.clone() name=control disabled=disabled>
                                    <option value="">"—"</option>
                                    {right.iter().map(|r| view! { <option value=r.key.clone()>{tr(locale, &r.text)}</option> }).collect_view()}
                                </select>
                            </div>
                        }
                    }).collect_view().into_any(),
                };
                view! {
                    <fieldset class="question">
                        <legend id=legend_id>{format!("{} {}", t(locale, Text::Question), i + 1)}</legend>
                        <div class="prose" id=prompt_id inner_html=md.markdown(q.prompt.get(locale))></div>
                        {controls}
                        {check}
                    </fieldset>
                }
            }).collect_view()}
        </div>
    }
}
