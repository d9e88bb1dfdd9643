//! ETags for dynamic GET responses, so a page revisited on a slow line costs one small
//! `304 Not Modified` instead of the whole document.
//!
//! Pages carry a fresh CSP nonce on every render, so the tag is computed over the body with
//! that nonce left out. A `304` then carries no Content-Security-Policy: the browser keeps
//! the policy stored with its cached copy, whose nonce matches the cached body.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::pin::Pin;
use std::task::{Context, Poll};

use actix_web::HttpResponse;
use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, StatusCode, header};
use actix_web::middleware::Next;
use actix_web::web::{Bytes, BytesMut};

/// Bodies above this size are passed through untagged (they are not pages).
const MAX_TAGGED_BODY: usize = 2 * 1024 * 1024;

pub async fn tag(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let is_get = matches!(*req.method(), Method::GET | Method::HEAD);
    let if_none_match = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let res = next.call(req).await?;
    if !is_get || res.status() != StatusCode::OK || res.headers().contains_key(header::ETAG) {
        return Ok(res.map_into_boxed_body());
    }
    let (req, res) = res.into_parts();
    let (head, body) = res.into_parts();
    let bytes = match read_up_to(body, MAX_TAGGED_BODY).await {
        Ok(Read::Whole(bytes)) => bytes,
        // Too large to tag (a big course package): sent on untagged, nothing lost.
        Ok(Read::Partial(body)) => {
            return Ok(ServiceResponse::new(req, head.set_body(body)));
        }
        Err(e) => return Err(actix_web::error::ErrorInternalServerError(e.into())),
    };
    let nonce = head
        .headers()
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .and_then(nonce_of)
        .map(str::to_owned);
    let mut hasher = DefaultHasher::new();
    match nonce.as_deref() {
        Some(nonce) => hash_without(&bytes, nonce.as_bytes(), &mut hasher),
        None => bytes.hash(&mut hasher),
    }
    let etag = format!("W/\"{:016x}\"", hasher.finish());
    let matches = if_none_match.as_deref().is_some_and(|candidates| {
        candidates
            .split(',')
            .any(|c| c.trim() == etag || c.trim() == "*")
    });
    let mut response = if matches {
        let mut not_modified = HttpResponse::NotModified();
        for name in [header::CACHE_CONTROL, header::VARY] {
            if let Some(value) = head.headers().get(&name) {
                not_modified.insert_header((name.clone(), value.clone()));
            }
        }
        not_modified.finish()
    } else {
        head.set_body(BoxBody::new(bytes))
    };
    if let Ok(value) = header::HeaderValue::from_str(&etag) {
        response.headers_mut().insert(header::ETAG, value);
    }
    Ok(ServiceResponse::new(req, response))
}

enum Read {
    Whole(Bytes),
    /// The bytes read so far, followed by the rest of the body.
    Partial(BoxBody),
}

/// Reads `body` whole if it is at most `limit` bytes; otherwise hands back a body that
/// yields exactly what the original would have.
async fn read_up_to<B>(body: B, limit: usize) -> Result<Read, B::Error>
where
    B: MessageBody + 'static,
{
    if let BodySize::Sized(size) = body.size()
        && usize::try_from(size).map_or(true, |size| size > limit)
    {
        return Ok(Read::Partial(BoxBody::new(body)));
    }
    let mut body = Box::pin(body);
    let mut read = BytesMut::new();
    while let Some(chunk) = std::future::poll_fn(|cx| body.as_mut().poll_next(cx)).await {
        read.extend_from_slice(&chunk?);
        if read.len() > limit {
            return Ok(Read::Partial(BoxBody::new(Prefixed {
                prefix: Some(read.freeze()),
                rest: body,
            })));
        }
    }
    Ok(Read::Whole(read.freeze()))
}

/// A body whose first bytes were already read.
struct Prefixed<B> {
    prefix: Option<Bytes>,
    rest: Pin<Box<B>>,
}

impl<B: MessageBody> MessageBody for Prefixed<B> {
    type Error = B::Error;

    fn size(&self) -> BodySize {
        BodySize::Stream
    }

    fn poll_next(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Bytes, Self::Error>>> {
        if let Some(prefix) = self.prefix.take() {
            return Poll::Ready(Some(Ok(prefix)));
        }
        self.rest.as_mut().poll_next(cx)
    }
}

/// The nonce named by a Content-Security-Policy, if any.
fn nonce_of(policy: &str) -> Option<&str> {
    let start = policy.find("'nonce-")? + "'nonce-".len();
    let len = policy[start..].find('\'')?;
    Some(&policy[start..start + len])
}

/// Hashes `bytes` with every occurrence of `needle` skipped.
fn hash_without(bytes: &[u8], needle: &[u8], hasher: &mut impl Hasher) {
    let mut rest = bytes;
    while !needle.is_empty() {
        match rest.windows(needle.len()).position(|w| w == needle) {
            Some(at) => {
                hasher.write(&rest[..at]);
                rest = &rest[at + needle.len()..];
            }
            None => break,
        }
    }
    hasher.write(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(body: &str, nonce: &str) -> u64 {
        let mut hasher = DefaultHasher::new();
        hash_without(body.as_bytes(), nonce.as_bytes(), &mut hasher);
        hasher.finish()
    }

    #[test]
    fn the_same_page_with_another_nonce_has_the_same_tag() {
        let a = tag("<script nonce=\"abc\">x</script><p>1</p>", "abc");
        let b = tag("<script nonce=\"xyz\">x</script><p>1</p>", "xyz");
        let c = tag("<script nonce=\"xyz\">x</script><p>2</p>", "xyz");
        assert_eq!(a, b);
        assert_ne!(b, c);
    }

    #[test]
    fn finds_the_nonce_in_a_policy() {
        let policy = "default-src 'self'; script-src 'self' 'nonce-Zm9v' 'wasm-unsafe-eval'";
        assert_eq!(nonce_of(policy), Some("Zm9v"));
        assert_eq!(nonce_of("default-src 'none'"), None);
    }
}
