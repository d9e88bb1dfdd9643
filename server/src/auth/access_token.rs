//! Short-lived access tokens: JWT, HS256 only, with iss, aud, sub, iat, exp, jti and the
//! session (`sid`) they belong to, so revoking a session ends its tokens at once.

use chrono::Utc;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

const ISSUER: &str = "fieldschool";
const AUDIENCE: &str = "fieldschool";
/// Clock skew tolerated between servers, in seconds.
const LEEWAY_SECS: u64 = 30;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessClaims {
    pub iss: String,
    pub aud: String,
    /// The user's id.
    pub sub: Uuid,
    pub iat: i64,
    pub exp: i64,
    pub jti: Uuid,
    /// The session family.
    pub sid: Uuid,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TokenError {
    #[error("the access token has expired")]
    Expired,
    #[error("the access token is not valid")]
    Invalid,
    #[error("could not sign a token: {0}")]
    Signing(String),
}

#[derive(Clone)]
pub struct AccessTokens {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    lifetime_secs: u64,
}

impl AccessTokens {
    pub fn new(key: &[u8], lifetime_secs: u64) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.algorithms = vec![Algorithm::HS256];
        validation.leeway = LEEWAY_SECS;
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
        Self {
            encoding: EncodingKey::from_secret(key),
            decoding: DecodingKey::from_secret(key),
            validation,
            lifetime_secs,
        }
    }

    pub fn lifetime_secs(&self) -> u64 {
        self.lifetime_secs
    }

    /// A new token for `user` in session `sid`.
    pub fn issue(&self, user: Uuid, sid: Uuid) -> Result<String, TokenError> {
        let now = Utc::now().timestamp();
        let claims = AccessClaims {
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            sub: user,
            iat: now,
            exp: now.saturating_add(i64::try_from(self.lifetime_secs).unwrap_or(i64::MAX)),
            jti: Uuid::new_v4(),
            sid,
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| TokenError::Signing(e.to_string()))
    }

    pub fn verify(&self, token: &str) -> Result<AccessClaims, TokenError> {
        decode::<AccessClaims>(token, &self.decoding, &self.validation)
            .map(|data| data.claims)
            .map_err(|e| match e.kind() {
                ErrorKind::ExpiredSignature => TokenError::Expired,
                _ => TokenError::Invalid,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"0123456789abcdef0123456789abcdef-test-key";

    #[test]
    fn signs_and_verifies() {
        let tokens = AccessTokens::new(KEY, 900);
        let (user, sid) = (Uuid::new_v4(), Uuid::new_v4());
        let token = tokens.issue(user, sid).unwrap_or_default();
        let claims = tokens.verify(&token);
        assert_eq!(claims.as_ref().map(|c| (c.sub, c.sid)), Ok((user, sid)));
        let claims = claims.unwrap();
        assert_eq!(claims.exp - claims.iat, 900);
    }

    #[test]
    fn another_key_is_refused() {
        let token = AccessTokens::new(KEY, 900)
            .issue(Uuid::new_v4(), Uuid::new_v4())
            .unwrap_or_default();
        let other = AccessTokens::new(b"another-key-another-key-another-key!!", 900);
        assert_eq!(other.verify(&token), Err(TokenError::Invalid));
    }

    #[test]
    fn expired_beyond_the_leeway_is_expired() {
        let tokens = AccessTokens::new(KEY, 900);
        let now = Utc::now().timestamp();
        let claims = AccessClaims {
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            sub: Uuid::new_v4(),
            iat: now - 1000,
            exp: now - 31,
            jti: Uuid::new_v4(),
            sid: Uuid::new_v4(),
        };
        let token = encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(KEY),
        )
        .unwrap_or_default();
        assert_eq!(tokens.verify(&token), Err(TokenError::Expired));
    }
}
