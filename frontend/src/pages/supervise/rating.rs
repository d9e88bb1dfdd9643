//! `/ratings/:cohort/:learner/:phase`: the short rating form — one level per competency the
//! course works on, each level named and described — posted without scripts. The form's id
//! is fixed when it is shown, so sending it twice (a slow line, a double click) counts once.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::Locale;
use shared::evidence::Phase;
use shared::evidence::rating::RatingForm;
use shared::evidence::table::phase_label;

use super::{ErrorNotice, source_label};
use crate::components::{loaded, signed_in};
use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};
use crate::ports::{PortError, Ports};

#[component]
pub fn RatingPage() -> impl IntoView {
    let locale = use_locale();
    signed_in(move |_| {
        let params = use_params_map().get_untracked();
        let id = |name: &str| {
            params
                .get(name)
                .and_then(|v| uuid::Uuid::parse_str(&v).ok())
        };
        let (cohort, learner) = (id("cohort"), id("learner"));
        let phase = params.get("phase").and_then(|p| Phase::from_code(&p));
        view! {
            <ErrorNotice/>
            {loaded(locale, move |ports: Ports| async move {
                let (Some(cohort), Some(learner), Some(phase)) = (cohort, learner, phase) else {
                    return Err(PortError(shared::ErrorCode::NotFound));
                };
                Ok(form_view(locale, ports.supervise.rating_form(cohort, learner, phase).await?))
            })}
        }
        .into_any()
    })
}

fn form_view(locale: Locale, form: RatingForm) -> AnyView {
    let scale = form.scale.clone();
    let items = form
        .competencies
        .into_iter()
        .map(|(c, given)| {
            let name = format!("level.{}", c.id);
            let options = scale
                .iter()
                .map(|level| {
                    let id = format!("{name}-{}", level.level);
                    let label = match locale {
                        Locale::Vi => &level.name_vi,
                        Locale::En => &level.name_en,
                    };
                    let descriptor = match locale {
                        Locale::Vi => &level.descriptor_vi,
                        Locale::En => &level.descriptor_en,
                    };
                    view! {
                        <li>
                            <input type="radio" id=id.clone() name=name.clone() value=level.level.to_string()
                                checked=given == Some(level.level)/>
                            <label for=id title=descriptor.clone()>{level.level} " · " {label.clone()}</label>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <fieldset>
                    <legend>{c.code.clone()} " · " {c.name.get(locale).to_owned()}</legend>
                    <ul class="scale">{options}</ul>
                </fieldset>
            }
        })
        .collect_view();
    let descriptors = scale
        .iter()
        .map(|level| {
            let (name, text) = match locale {
                Locale::Vi => (&level.name_vi, &level.descriptor_vi),
                Locale::En => (&level.name_en, &level.descriptor_en),
            };
            view! { <li><strong>{level.level} " · " {name.clone()}</strong>": " {text.clone()}</li> }
        })
        .collect_view();
    view! {
        <h1>{t(locale, Text::RateTitle)} ": " {form.learner_name.clone()}</h1>
        <p>
            {form.cohort_title.get(locale).to_owned()} " · " {phase_label(form.phase, locale)}
            " · " {t(locale, Text::As)} " " {source_label(locale, form.source)}
        </p>
        <details>
            <summary>{t(locale, Text::ScaleHelp)}</summary>
            <ul>{descriptors}</ul>
        </details>
        <form class="stacked rating" method="post" action=format!("/api/v1/cohorts/{}/ratings", form.cohort_id)>
            <FormToken/>
            <input type="hidden" name="form_id" value=form.form_id.to_string()/>
            <input type="hidden" name="learner" value=form.learner_id.to_string()/>
            <input type="hidden" name="phase" value=form.phase.code()/>
            <input type="hidden" name="source" value=form.source.code()/>
            {items}
            <p><small>{t(locale, Text::SkipHelp)}</small></p>
            <button type="submit">{t(locale, Text::SendRating)}</button>
        </form>
    }
    .into_any()
}
