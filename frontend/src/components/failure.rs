//! A page whose data could not be had.

use leptos::prelude::*;
use shared::page::Page;
use shared::{ErrorCode, Locale};

use crate::i18n::{Text, t};
use crate::ports::{PortError, ResponseStatus};

/// A page's data could not be had: say why, with the matching status.
pub fn port_failure(locale: Locale, error: PortError) -> AnyView {
    let (status, title, body) = match error.0 {
        ErrorCode::Forbidden | ErrorCode::Unauthenticated => {
            (403, Text::NotAllowedTitle, Text::NotAllowedBody)
        }
        ErrorCode::NotFound => (404, Text::NotFoundTitle, Text::NotFoundBody),
        // A filter or id in the address that does not parse: the visitor's to fix.
        ErrorCode::InvalidInput | ErrorCode::Unprocessable => {
            (400, Text::BadAddressTitle, Text::BadAddressBody)
        }
        _ => (503, Text::NotAllowedTitle, Text::Unavailable),
    };
    if let Some(ResponseStatus(set)) = use_context::<ResponseStatus>() {
        set(status);
    }
    let title = if status == 503 {
        t(locale, Text::Unavailable)
    } else {
        t(locale, title)
    };
    view! {
        <h1>{title}</h1>
        <p>{t(locale, body)}</p>
        <p><a href=Page::Home.path()>{t(locale, Text::BackHome)}</a></p>
    }
    .into_any()
}
