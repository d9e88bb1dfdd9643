//! The one gate of the pages that need an account: an anonymous visitor is sent to sign in
//! and comes back to the same address; a signed-in viewer gets the page, built from who
//! they are.

use leptos::prelude::*;
use shared::auth::Me;

use crate::layout::{SignInFirst, use_viewer};

/// The page `page` draws for the signed-in viewer, or the way to the sign-in page.
pub fn signed_in<V: IntoView + 'static>(page: impl FnOnce(Me) -> V) -> AnyView {
    match use_viewer().me {
        Some(me) => page(me).into_any(),
        None => view! { <SignInFirst/> }.into_any(),
    }
}
