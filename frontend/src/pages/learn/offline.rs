//! Offline study on the pages: the header's count of work waiting to be sent, the
//! outline's "available offline" panel, and the page shown for anything not saved. All
//! three are filled in by the offline script (`frontend/offline/offline.js`), which needs
//! scripts; without them they stay hidden. Their wording (the catalogue's `Offline…` keys,
//! with `{n}`-style placeholders the script fills in) is handed to it in `data-*`
//! attributes.

use leptos::prelude::*;
use shared::page::Page;

use crate::i18n::{Text, t};
use crate::layout::use_locale;
use crate::ports::Assets;

/// The outline's panel for saving the course on the device.
#[component]
pub fn OfflinePanel(cohort: uuid::Uuid) -> impl IntoView {
    let locale = use_locale();
    use_context::<Assets>()
        .and_then(|a| a.offline_script)
        .map(|_| view! {
            <section id="fs-offline" class="offline" hidden data-cohort=cohort.to_string()
                data-size=t(locale, Text::OfflineSize) data-saved=t(locale, Text::OfflineSaved)
                data-newer=t(locale, Text::OfflineNewer) data-unknown=t(locale, Text::OfflineUnknown)
                data-save=t(locale, Text::OfflineSave) data-update=t(locale, Text::OfflineUpdate)
                data-confirm=t(locale, Text::OfflineConfirm) data-failed=t(locale, Text::OfflineFailed)>
                <h2>{t(locale, Text::OfflineAvailable)}</h2>
                <p class="state" role="status"></p>
                <progress hidden></progress>
                <p class="actions">
                    <button type="button" class="save primary" hidden>{t(locale, Text::OfflineSave)}</button>
                    " "<button type="button" class="remove" hidden>{t(locale, Text::OfflineRemove)}</button>
                </p>
                <p class="meta">{t(locale, Text::OfflineHint)}</p>
            </section>
        })
}

/// `/offline`: what the service worker shows for a page that is not saved.
#[component]
pub fn OfflinePage() -> impl IntoView {
    let locale = use_locale();
    view! {
        <h1>{t(locale, Text::OfflineTitle)}</h1>
        <p>{t(locale, Text::OfflineBody)}</p>
        <p><a href=Page::Learning.path()>{t(locale, Text::OfflineLearn)}</a></p>
    }
}
