//! The delete button that asks first.

use leptos::prelude::*;

use crate::i18n::{Text, t};
use crate::layout::{FormToken, use_locale};

/// A delete that asks first: the button only shows once the author opens the question.
#[component]
pub fn DeleteButton(action: String, what: String) -> impl IntoView {
    let locale = use_locale();
    view! {
        <details class="confirm">
            <summary>{t(locale, Text::Delete)}</summary>
            <form method="post" action=action>
                <FormToken/>
                <p>{format!("{} {what}", t(locale, Text::ConfirmDelete))}</p>
                <button type="submit" class="danger">{t(locale, Text::DeleteForGood)}</button>
            </form>
        </details>
    }
}
