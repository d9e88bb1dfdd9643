//! Offline study on the pages: the header's count of work waiting to be sent, the
//! outline's "available offline" panel, and the page shown for anything not saved. All
//! three are filled in by the offline script (`frontend/offline/offline.js`), which needs
//! scripts; without them they stay hidden. Their wording is here, handed to the script in
//! `data-*` attributes.

use leptos::prelude::*;

use crate::i18n::{Locale, messages};
use crate::layout::{use_locale, use_viewer};
use crate::ports::Assets;

messages! { Off, off {
    Waiting => "{n} việc đang chờ gửi", "{n} waiting to be sent";
    NoneWaiting => "Không có việc chờ gửi", "Nothing waiting to be sent";
    LastSync => "đồng bộ lần cuối {t}", "last synced {t}";
    NeverSynced => "chưa đồng bộ", "not synced yet";
    Rejected => "{n} việc không được nhận", "{n} not accepted";
    SignInToSend => "đăng nhập lại để gửi", "sign in again to send";
    Queued => "Đã lưu trên máy này. Bài làm sẽ được gửi khi có mạng.", "Saved on this device. Your work will be sent when you are online.";
    SendNow => "Gửi ngay", "Send now";
    SignOutWaiting => "Còn {n} việc chưa gửi được vì không có mạng. Nếu đăng xuất, bài làm được khóa lại trên máy này và tự gửi khi bạn đăng nhập lại tại đây. Đăng xuất?", "{n} items could not be sent: there is no connection. If you sign out, your work is locked on this device and sent when you next sign in here. Sign out?";
    Seen => "Đã xem", "Dismiss";
    Title => "Học không cần mạng", "Available offline";
    Size => "Tải về khoảng {transfer}, chiếm {size} trên máy", "About {transfer} to download, {size} on this device";
    Saved => "Đã lưu lúc {t} ({size})", "Saved {t} ({size})";
    Newer => "Khóa học có phiên bản mới hơn: hãy cập nhật", "A newer version of the course exists: update it";
    Unknown => "Không có mạng: chưa biết dung lượng", "No connection: the size is not known yet";
    Save => "Lưu để học không cần mạng", "Save for offline study";
    Update => "Cập nhật bản đã lưu", "Update the saved copy";
    Remove => "Xóa bản đã lưu", "Remove the saved copy";
    Confirm => "Xóa bản đã lưu của khóa học này khỏi máy? Bài làm chưa gửi vẫn được giữ.", "Remove this course's saved copy from this device? Work not yet sent is kept.";
    Failed => "Tải chưa xong vì mất mạng. Hãy thử lại.", "The download stopped: the connection dropped. Try again.";
    Hint => "Khi đã lưu, các trang của khóa học mở được cả khi không có mạng; bài làm được giữ trên máy và tự gửi khi có mạng trở lại.", "Once saved, the course's pages open without a connection; your work is kept on this device and sent by itself when you are back online.";
    OfflineTitle => "Không có mạng", "You are offline";
    OfflineBody => "Trang này chưa được lưu trên máy. Các khóa học đã lưu vẫn học được:", "This page is not saved on this device. Saved courses can still be studied:";
    OfflineLearn => "Khóa học của tôi", "My courses";
    OfflineFeedback => "Cho phép kiểm tra đáp án khi không có mạng", "Let answers be checked offline";
    OfflineFeedbackHint => "Chỉ với phản hồi sau từng câu: trang bài tập mang theo đáp án của các câu lựa chọn và đúng/sai, để máy của học viên tự kiểm tra khi mất mạng. Không áp dụng cho bài kiểm tra đầu vào, đầu ra.", "Only with feedback after each question: the quiz page carries the answers to its choice and true/false questions, so the learner's device checks them offline. Never for pre- and post-tests.";
} }

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
            data-waiting=off(locale, Off::Waiting) data-none=off(locale, Off::NoneWaiting)
            data-last=off(locale, Off::LastSync) data-never=off(locale, Off::NeverSynced)
            data-rejected=off(locale, Off::Rejected) data-sign-in=off(locale, Off::SignInToSend)
            data-queued=off(locale, Off::Queued)
            data-sign-out-waiting=off(locale, Off::SignOutWaiting)>
            <span class="state"></span>" "
            <button type="button" class="send" hidden>{off(locale, Off::SendNow)}</button>
            " "<button type="button" class="seen" hidden>{off(locale, Off::Seen)}</button>
            <ul class="rejected" hidden></ul>
        </div>
        <script src=script defer></script>
    })
}

/// The outline's panel for saving the course on the device.
#[component]
pub fn OfflinePanel(cohort: uuid::Uuid) -> impl IntoView {
    let locale = use_locale();
    use_context::<Assets>()
        .and_then(|a| a.offline_script)
        .map(|_| view! {
            <section id="fs-offline" class="offline" hidden data-cohort=cohort.to_string()
                data-size=off(locale, Off::Size) data-saved=off(locale, Off::Saved)
                data-newer=off(locale, Off::Newer) data-unknown=off(locale, Off::Unknown)
                data-save=off(locale, Off::Save) data-update=off(locale, Off::Update)
                data-confirm=off(locale, Off::Confirm) data-failed=off(locale, Off::Failed)>
                <h2>{off(locale, Off::Title)}</h2>
                <p class="state" role="status"></p>
                <progress hidden></progress>
                <p class="actions">
                    <button type="button" class="save primary" hidden>{off(locale, Off::Save)}</button>
                    " "<button type="button" class="remove" hidden>{off(locale, Off::Remove)}</button>
                </p>
                <p class="meta">{off(locale, Off::Hint)}</p>
            </section>
        })
}

/// `/offline`: what the service worker shows for a page that is not saved.
#[component]
pub fn OfflinePage() -> impl IntoView {
    let locale = use_locale();
    view! {
        <h1>{off(locale, Off::OfflineTitle)}</h1>
        <p>{off(locale, Off::OfflineBody)}</p>
        <p><a href="/learn">{off(locale, Off::OfflineLearn)}</a></p>
    }
}
