//! The one way a page reads its ports: a loading line, then the page's body, or — when the
//! data cannot be had — the failure page with its status, never an empty list that looks
//! like "nothing here".

use std::future::Future;

use leptos::prelude::*;
use shared::{ErrorCode, Locale};

use super::port_failure;
use crate::i18n::{Text, t};
use crate::ports::{PortError, PortResult, Ports};

/// Renders `body` with the request's ports once its data is there. `body` reads what it
/// needs with `?`: any port that fails makes the whole page say so.
pub fn loaded<F, Fut>(locale: Locale, body: F) -> impl IntoView
where
    F: FnOnce(Ports) -> Fut + Clone + Send + 'static,
    Fut: Future<Output = PortResult<AnyView>> + Send + 'static,
{
    let ports = use_context::<Ports>();
    view! {
        <Suspense fallback=move || view! { <p>{t(locale, Text::Loading)}</p> }>
            {
                let (ports, body) = (ports.clone(), body.clone());
                Suspend::new(async move {
                    let Some(ports) = ports else {
                        return port_failure(locale, PortError(ErrorCode::Unavailable));
                    };
                    match body(ports).await {
                        Ok(view) => view,
                        Err(e) => port_failure(locale, e),
                    }
                })
            }
        </Suspense>
    }
}
