//! WCAG 1.4.10 (reflow): at 320 CSS pixels nothing makes the page scroll sideways. What
//! is wider than the screen (a wide table, a chart) scrolls inside a region of its own that
//! a keyboard can reach and a screen reader can name.

use fantoccini::Client;
use serde_json::Value;

/// What breaks reflow on the page as laid out now; empty when nothing does.
pub async fn problems(c: &Client) -> Vec<String> {
    let found = c
        .execute(
            "const describe = el => {
               const id = el.id ? '#' + el.id : '';
               const cls = typeof el.className === 'string' && el.className
                 ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
               const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
               return `${el.tagName.toLowerCase()}${id}${cls} \"${text}\"`;
             };
             const width = document.documentElement.clientWidth;
             const out = [];
             const inRegion = el => {
               for (let p = el.parentElement; p; p = p.parentElement) {
                 const s = getComputedStyle(p).overflowX;
                 if (s === 'auto' || s === 'scroll' || s === 'hidden') return true;
               }
               return false;
             };
             if (document.documentElement.scrollWidth > width) {
               out.push(`the page is ${document.documentElement.scrollWidth} px wide at ${width} px`);
               for (const el of document.body.querySelectorAll('*')) {
                 const r = el.getBoundingClientRect();
                 if (r.width > 0 && r.right > width + 1 && !inRegion(el)) {
                   out.push('too wide: ' + describe(el));
                   if (out.length > 6) break;
                 }
               }
             }
             for (const el of document.body.querySelectorAll('*')) {
               const s = getComputedStyle(el).overflowX;
               if ((s === 'auto' || s === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
                 const named = el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby');
                 if (el.tabIndex < 0 || !named) {
                   out.push('scrolls sideways without a focusable, named region: ' + describe(el));
                 }
               }
             }
             return out;",
            vec![],
        )
        .await
        .expect("the reflow check runs");
    found
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}
