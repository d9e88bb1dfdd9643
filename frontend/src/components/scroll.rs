//! What can be wider than a phone's screen (a wide table, a chart, the scenario map)
//! scrolls sideways inside a region of its own, never the page (WCAG 1.4.10, reflow). The
//! region is named and takes the keyboard's focus, so it can be scrolled with the arrow keys
//! and a screen reader says what it holds.

use leptos::prelude::*;

#[component]
pub fn ScrollRegion(
    /// What the region holds, as a screen reader announces it.
    #[prop(into)]
    label: String,
    children: Children,
) -> impl IntoView {
    scroll_region(label, children())
}

/// The region around a view already built (where the view borrows what a component's
/// children could not).
pub fn scroll_region(label: String, content: impl IntoView) -> impl IntoView {
    view! {
        <div class="scroll" role="region" tabindex="0" aria-label=label>
            {content}
        </div>
    }
}
