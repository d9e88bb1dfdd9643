//! A QR code drawn on the server as SVG: one path of the dark modules, with the quiet zone
//! the standard asks for. Officials scan the certificate's code to open its verification
//! page. Nothing is drawn in the browser build (certificates are never rendered there).

use leptos::prelude::*;

/// Modules of white border around the code.
const QUIET: usize = 4;

/// The SVG path of `text`'s QR code and its side in modules, or `None` if the text is too
/// long for a QR code.
#[cfg(feature = "ssr")]
pub fn qr_path(text: &str) -> Option<(String, usize)> {
    use std::fmt::Write;
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    let width = code.width();
    let mut path = String::new();
    for (i, colour) in code.to_colors().into_iter().enumerate() {
        if colour == qrcode::Color::Dark {
            let (x, y) = (i % width + QUIET, i / width + QUIET);
            let _ = write!(path, "M{x} {y}h1v1h-1z");
        }
    }
    Some((path, width + 2 * QUIET))
}

#[cfg(not(feature = "ssr"))]
pub fn qr_path(_text: &str) -> Option<(String, usize)> {
    None
}

/// The QR code of `text`, named `label` for screen readers.
#[component]
pub fn QrCode(#[prop(into)] text: String, #[prop(into)] label: String) -> impl IntoView {
    qr_path(&text).map(|(path, side)| {
        view! {
            <svg class="qr" viewBox=format!("0 0 {side} {side}") role="img" aria-label=label
                shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
                <rect width=side height=side fill="#fff"/>
                <path d=path fill="#000"/>
            </svg>
        }
    })
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn a_verification_address_fits_a_small_code_with_its_border() {
        let (path, side) =
            qr_path("https://hoc.example.vn/verify/0123456789abcdef0123456789abcdef").unwrap();
        // Version 4 (33 modules) at level M holds 62 bytes; 8 more for the border.
        assert_eq!(side, 33 + 2 * QUIET);
        // The three finder patterns' corners are dark: the top-left one at the border.
        assert!(path.starts_with(&format!("M{QUIET} {QUIET}h1v1h-1z")));
    }
}
