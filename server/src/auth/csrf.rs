//! Signed form tokens: an HMAC of the session id, embedded in every form a signed-in user
//! posts. A cross-site page cannot read it, so it cannot forge the post.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use uuid::Uuid;

type HmacSha256 = Hmac<Sha256>;

fn mac(key: &[u8], session: Uuid) -> Option<HmacSha256> {
    let mut mac = HmacSha256::new_from_slice(key).ok()?;
    mac.update(b"fieldschool-form-token:");
    mac.update(session.as_bytes());
    Some(mac)
}

/// The form token of a session.
pub fn token(key: &[u8], session: Uuid) -> String {
    mac(key, session).map_or_else(String::new, |m| {
        URL_SAFE_NO_PAD.encode(m.finalize().into_bytes())
    })
}

/// Whether `candidate` is the form token of `session` (constant-time comparison).
pub fn verify(key: &[u8], session: Uuid, candidate: &str) -> bool {
    let Ok(bytes) = URL_SAFE_NO_PAD.decode(candidate.trim()) else {
        return false;
    };
    mac(key, session).is_some_and(|m| m.verify_slice(&bytes).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_fits_only_its_session_and_key() {
        let session = Uuid::new_v4();
        let token = token(b"key-one-key-one-key-one-key-one!", session);
        assert!(verify(b"key-one-key-one-key-one-key-one!", session, &token));
        assert!(!verify(
            b"key-one-key-one-key-one-key-one!",
            Uuid::new_v4(),
            &token
        ));
        assert!(!verify(
            b"key-two-key-two-key-two-key-two!",
            session,
            &token
        ));
        assert!(!verify(
            b"key-one-key-one-key-one-key-one!",
            session,
            "not base64 !"
        ));
        assert!(!verify(b"key-one-key-one-key-one-key-one!", session, ""));
    }
}
