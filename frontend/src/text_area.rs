//! The one way to write a `<textarea>` on a page.
//!
//! tachys 0.2.19 (Leptos 0.8) renders the children of `<textarea>` as raw text
//! (`ESCAPE_CHILDREN = false` in `tachys::html::element::elements`), so a value holding
//! `</textarea>` closes the element and whatever follows becomes markup of the page: a
//! button that posts the page's own form with the viewer's form token, a `<meta>` refresh.
//! [`TextArea`] escapes the value itself and hands it over as inner HTML, which the browser
//! decodes back to the exact text (a textarea's content is RCDATA). `tests::no_raw_text_elements`
//! fails when any other file of the crate writes `<textarea` itself, or gives children to
//! the other elements tachys leaves unescaped (`script`, `style`, `noscript`).

use leptos::prelude::*;

/// Text as HTML character data: `&`, `<` and `>` escaped (quotes need no escaping there).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// A `<textarea>` holding `value`, escaped. Its attributes are spread after `{..}`:
/// `<TextArea value=text {..} id="body" name="body" rows="4"/>`.
#[component]
pub fn TextArea(#[prop(into, optional)] value: String) -> impl IntoView {
    view! { <textarea inner_html=escape_text(&value)></textarea> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_cannot_close_the_element() {
        let html = view! { <TextArea value="</textarea><b id=pwn>&amp;" {..} name="x"/> }.to_html();
        assert!(
            html.contains("&lt;/textarea&gt;&lt;b id=pwn&gt;&amp;amp;"),
            "{html}"
        );
        assert_eq!(html.matches("</textarea>").count(), 1, "{html}");
        assert!(html.contains("name=\"x\""), "{html}");
    }

    /// Every other `.rs` file of the crate, as (path, text).
    fn sources(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                out.push((path.display().to_string(), text));
            }
        }
    }

    /// Where `text` gives children to an element whose children tachys does not escape.
    fn raw_text_children(text: &str) -> bool {
        if text.contains("<textarea") || text.contains("<style") || text.contains("<noscript") {
            return true;
        }
        // A script may load a file (`<script src=… defer></script>`), never hold content.
        text.match_indices("<script").any(|(at, _)| {
            let rest = &text[at..];
            rest.find('>')
                .is_none_or(|end| !rest[end + 1..].starts_with("</script>"))
        })
    }

    #[test]
    fn the_guard_sees_raw_text_children() {
        assert!(raw_text_children("<textarea>{x}</textarea>"));
        assert!(raw_text_children("<script>{x}</script>"));
        assert!(!raw_text_children("<script src=script defer></script>"));
        assert!(!raw_text_children("<TextArea value=x {..} name=\"y\"/>"));
    }

    #[test]
    fn no_raw_text_elements() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        sources(&root, &mut files);
        assert!(files.len() > 20, "the crate's sources were not found");
        let offenders: Vec<&str> = files
            .iter()
            .filter(|(path, _)| !path.ends_with("text_area.rs"))
            .filter(|(_, text)| raw_text_children(text))
            .map(|(path, _)| path.as_str())
            .collect();
        assert!(
            offenders.is_empty(),
            "write text areas with `TextArea` (it escapes their value); give no children to \
             script, style or noscript: {offenders:?}"
        );
    }
}
