//! Lecturer-written text is Markdown, rendered and sanitised here, on the server: never
//! trusted HTML. Scripts, event handlers, inline styles and `javascript:` links are gone;
//! links get `rel="noopener noreferrer nofollow"`; images load lazily (light pages on 2G).

use pulldown_cmark::{Options, Parser, html};

/// Safe HTML for a Markdown text.
pub fn render(markdown: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer nofollow"))
        .set_tag_attribute_value("img", "loading", "lazy")
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn renders_the_usual_markdown_with_vietnamese_intact() {
        let html = render(
            "## Diễn biến\n\nÔng **Tư** gửi *đơn* lên xã.\n\n| Ngày | Việc |\n|---|---|\n| 3/3 | Nhận đơn |\n",
        );
        assert!(html.contains("<h2>Diễn biến</h2>"));
        assert!(html.contains("<strong>Tư</strong>") && html.contains("<em>đơn</em>"));
        assert!(html.contains("<table>") && html.contains("<td>Nhận đơn</td>"));
    }

    #[test]
    fn scripts_handlers_styles_and_script_links_are_removed() {
        let html = render(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<p style=\"color:red\">đỏ</p>\n\n[bấm](javascript:alert(1))\n\n<iframe src=\"https://evil.example\"></iframe>",
        );
        for bad in ["<script", "onerror", "style=", "javascript:", "<iframe"] {
            assert!(!html.contains(bad), "{bad} survived: {html}");
        }
        assert!(html.contains("đỏ"), "the text itself stays");
    }

    #[test]
    fn links_are_marked_and_images_lazy() {
        let html = render("[Luật Đất đai](https://thuvienphapluat.vn/) ![bản đồ](/pkg/map.png)");
        assert!(
            html.contains("rel=\"noopener noreferrer nofollow\""),
            "{html}"
        );
        assert!(html.contains("loading=\"lazy\""), "{html}");
    }
}
