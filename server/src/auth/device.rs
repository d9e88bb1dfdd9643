//! What a device holds for an account: its device cookie, and the key of its offline queue.
//!
//! Device cookies (OWASP's defence against lockout by guessers): a browser that signed in
//! to an account receives a token proving so, and its later sign-ins to that account are
//! throttled per device, apart from guessers elsewhere (`services/throttle.rs`).
//!
//! One cookie holds the tokens of the last few accounts that signed in on the device (an
//! office computer is shared). A token is `id.mac`, the MAC binding the random id to the
//! username, so the cookie names nobody: it proves something only to a sign-in that types
//! the same username.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// The cookie's name; sent only to the sign-in endpoints.
pub const DEVICE_COOKIE: &str = "fs_device";
/// Accounts remembered per device.
const MAX_TOKENS: usize = 8;

fn mac(key: &[u8], username: &str, id: &str) -> Option<HmacSha256> {
    let mut mac = HmacSha256::new_from_slice(key).ok()?;
    mac.update(b"fieldschool-device:");
    mac.update(username.trim().to_lowercase().as_bytes());
    mac.update(b":");
    mac.update(id.as_bytes());
    Some(mac)
}

/// The device id the cookie proves for `username`, if any.
pub fn device_for(key: &[u8], cookie: Option<&str>, username: &str) -> Option<String> {
    cookie?.split('~').find_map(|token| {
        let (id, tag) = token.split_once('.')?;
        let tag = URL_SAFE_NO_PAD.decode(tag).ok()?;
        let valid = mac(key, username, id)?.verify_slice(&tag).is_ok();
        (valid && !id.is_empty() && id.len() <= 32).then(|| id.to_owned())
    })
}

/// The cookie's new value after `username` signed in: its token first (a fresh one unless
/// the device already held one), then up to [`MAX_TOKENS`] others.
pub fn remember(key: &[u8], cookie: Option<&str>, username: &str) -> String {
    let kept = device_for(key, cookie, username);
    let id = kept.unwrap_or_else(|| uuid::Uuid::new_v4().simple().to_string());
    let tag = mac(key, username, &id).map_or_else(String::new, |m| {
        URL_SAFE_NO_PAD.encode(m.finalize().into_bytes())
    });
    let own = format!("{id}.{tag}");
    let others = cookie
        .unwrap_or_default()
        .split('~')
        .filter(|t| !t.is_empty() && !t.starts_with(&format!("{id}.")) && t.len() <= 80)
        .take(MAX_TOKENS - 1);
    std::iter::once(own.as_str())
        .chain(others)
        .collect::<Vec<_>>()
        .join("~")
}

/// The key that locks `user`'s offline queue on their devices: derived from the signing key,
/// so nothing is stored, and different for every account.
pub fn queue_key(key: &[u8], user: uuid::Uuid) -> String {
    HmacSha256::new_from_slice(key).map_or_else(
        |_| String::new(),
        |mut mac| {
            mac.update(b"fieldschool-queue-key:");
            mac.update(user.as_bytes());
            URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"key-one-key-one-key-one-key-one!";

    #[test]
    fn a_token_proves_its_username_only() {
        let cookie = remember(KEY, None, "hv.mai");
        let device = device_for(KEY, Some(&cookie), "HV.Mai ").unwrap();
        assert!(device_for(KEY, Some(&cookie), "hv.tuan").is_none());
        assert!(device_for(b"another-key-another-key-another!", Some(&cookie), "hv.mai").is_none());
        assert!(!cookie.contains("mai"), "the cookie names nobody: {cookie}");
        let again = remember(KEY, Some(&cookie), "hv.mai");
        assert_eq!(device_for(KEY, Some(&again), "hv.mai").unwrap(), device);
        let both = remember(KEY, Some(&again), "hv.tuan");
        assert!(device_for(KEY, Some(&both), "hv.mai").is_some());
        assert!(device_for(KEY, Some(&both), "hv.tuan").is_some());
        assert!(device_for(KEY, Some("x.y~~.~garbage"), "hv.mai").is_none());
    }

    #[test]
    fn each_account_has_its_own_queue_key() {
        let (a, b) = (uuid::Uuid::new_v4(), uuid::Uuid::new_v4());
        assert_eq!(queue_key(KEY, a), queue_key(KEY, a));
        assert_ne!(queue_key(KEY, a), queue_key(KEY, b));
        assert_eq!(URL_SAFE_NO_PAD.decode(queue_key(KEY, a)).unwrap().len(), 32);
    }

    #[test]
    fn a_device_remembers_a_bounded_number_of_accounts() {
        let mut cookie = String::new();
        for i in 0..20 {
            cookie = remember(KEY, Some(&cookie), &format!("user{i}"));
        }
        assert_eq!(cookie.split('~').count(), MAX_TOKENS);
        assert!(device_for(KEY, Some(&cookie), "user19").is_some());
        assert!(device_for(KEY, Some(&cookie), "user0").is_none());
    }
}
