//! The header's count of work waiting to be sent, which the offline script
//! (`frontend/offline/offline.js`) fills in; without scripts it stays hidden. Its wording is
//! handed to the script in `data-*` attributes.

use leptos::prelude::*;

use crate::i18n::{Text, t};
use crate::layout::{use_locale, use_viewer};
use crate::ports::Assets;

/// The header's line on work waiting to be sent, for learners (the script shows it).
#[component]
pub fn SyncIndicator() -> impl IntoView {
    let locale = use_locale();
    let viewer = use_viewer();
    let script = use_context::<Assets>().and_then(|a| a.offline_script);
    let me = viewer.me.filter(|me| me.has_role(shared::Role::Learner))?;
    let script = script?;
    Some(view! {
        <div id="fs-sync" class="sync" hidden role="status"
            data-user=me.id.to_string()
            data-waiting=t(locale, Text::OfflineWaiting) data-none=t(locale, Text::OfflineNoneWaiting)
            data-last=t(locale, Text::OfflineLastSync) data-never=t(locale, Text::OfflineNeverSynced)
            data-rejected=t(locale, Text::OfflineRejected) data-sign-in=t(locale, Text::OfflineSignInToSend)
            data-queued=t(locale, Text::OfflineQueued)
            data-sign-out-waiting=t(locale, Text::OfflineSignOutWaiting)>
            <span class="state"></span>" "
            <button type="button" class="send" hidden>{t(locale, Text::OfflineSendNow)}</button>
            " "<button type="button" class="seen" hidden>{t(locale, Text::OfflineSeen)}</button>
            <ul class="rejected" hidden></ul>
        </div>
        <script src=script defer></script>
    })
}
