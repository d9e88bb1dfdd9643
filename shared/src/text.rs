//! Text helpers that must behave the same on the server and in the browser.

/// Folds Vietnamese text for search and sorting: lower case, tone marks and vowel marks
/// removed, `đ` as `d`. "Nguyễn Văn Đức" becomes "nguyen van duc".
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(fold_char)
        .collect()
}

/// `text` as one value of a URL query: every byte but ASCII letters, digits and `-._~/`
/// percent-encoded, so nothing typed or taken from an address can end a header or a query.
pub fn query_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn fold_char(c: char) -> char {
    const GROUPS: [(&str, char); 7] = [
        ("àáảãạăằắẳẵặâầấẩẫậ", 'a'),
        ("èéẻẽẹêềếểễệ", 'e'),
        ("ìíỉĩị", 'i'),
        ("òóỏõọôồốổỗộơờớởỡợ", 'o'),
        ("ùúủũụưừứửữự", 'u'),
        ("ỳýỷỹỵ", 'y'),
        ("đ", 'd'),
    ];
    if c.is_ascii() {
        return c;
    }
    GROUPS
        .iter()
        .find(|(marked, _)| marked.contains(c))
        .map_or(c, |&(_, base)| base)
}

#[cfg(test)]
mod tests {
    use super::{fold, query_value};

    #[test]
    fn query_values_carry_no_control_characters() {
        assert_eq!(query_value("/learn/abc"), "/learn/abc");
        assert_eq!(
            query_value("/learn/\r\n%00&x=1"),
            "/learn/%0D%0A%2500%26x%3D1"
        );
        assert_eq!(query_value("/học"), "/h%E1%BB%8Dc");
    }

    #[test]
    fn strips_every_vietnamese_mark() {
        assert_eq!(fold("Nguyễn Văn Đức"), "nguyen van duc");
        assert_eq!(fold("Điện Biên"), "dien bien");
        assert_eq!(fold("Ủy ban nhân dân xã"), "uy ban nhan dan xa");
        assert_eq!(fold("Hội Liên hiệp Phụ nữ"), "hoi lien hiep phu nu");
        assert_eq!(fold("ỲÝỶỸỴ"), "yyyyy");
    }

    #[test]
    fn leaves_other_text_alone() {
        assert_eq!(fold("Krông Pắc 2025"), "krong pac 2025");
        assert_eq!(fold("ñ"), "ñ");
    }
}
