#![doc = include_str!("../README.md")]

pub mod i18n;
pub mod islands;

#[cfg(feature = "ssr")]
pub mod app;
#[cfg(feature = "ssr")]
pub mod components;
#[cfg(feature = "ssr")]
mod layout;
#[cfg(feature = "ssr")]
pub mod pages;
#[cfg(feature = "ssr")]
pub mod ports;
#[cfg(feature = "ssr")]
pub mod text_area;

/// Entry point of the browser bundle: hydrates the islands on the page and nothing else.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
}
