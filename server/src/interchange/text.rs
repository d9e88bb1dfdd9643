//! What every format's text goes through: the bytes as UTF-8 (with or without a byte-order
//! mark), lines ending in LF.

/// The file as text, or the line where it stops being text and what to do. UTF-8 only (with or without a BOM); UTF-16
/// files (what Word's "Unicode text" writes) are recognised by their BOM and read too.
pub fn decode(bytes: &[u8]) -> Result<String, (usize, String)> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8(rest.to_vec()).map_err(|e| not_utf8(&e))?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes).map_err(|m| (1, m))?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes).map_err(|m| (1, m))?
    } else {
        String::from_utf8(bytes.to_vec()).map_err(|e| not_utf8(&e))?
    };
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// The line of the first byte that is not UTF-8, and what to do.
fn not_utf8(e: &std::string::FromUtf8Error) -> (usize, String) {
    let at = e.utf8_error().valid_up_to();
    let line = e.as_bytes()[..at].iter().filter(|b| **b == b'\n').count() + 1;
    (
        line,
        "the file is not UTF-8 text; save it as UTF-8 (in Word: Plain text, encoding \
         Unicode UTF-8) and try again"
            .to_owned(),
    )
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, String> {
    if !bytes.len().is_multiple_of(2) {
        return Err("the file is cut short: a UTF-16 file has an even number of bytes".into());
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]])).collect();
    String::from_utf16(&units).map_err(|_| "the UTF-16 text is damaged".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_text_reads_in_utf8_with_or_without_bom_and_in_utf16() {
        let text = "Câu hỏi về hoà giải\r\nA. Đúng\r\n";
        let want = "Câu hỏi về hoà giải\nA. Đúng\n";
        assert_eq!(decode(text.as_bytes()).unwrap(), want);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&bom).unwrap(), want);
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).unwrap(), want);
    }

    #[test]
    fn a_legacy_encoding_is_refused_with_the_line_and_what_to_do() {
        // "hoà" in Windows-1258 on the second line.
        let (line, error) = decode(b"ok\nho\xe0\n").unwrap_err();
        assert_eq!(line, 2);
        assert!(error.contains("UTF-8"), "{error}");
    }
}
