//! What a request says about its client, believed only as far as it can be: the TCP peer
//! always; `X-Forwarded-For`, `X-Forwarded-Host` and `Forwarded` only when the peer is one of
//! `server.trusted_proxies` (anyone else can write those headers).

use std::net::IpAddr;

use actix_web::dev::ConnectionInfo;
use actix_web::http::header::{self, HeaderMap};

/// The client's address: the TCP peer, or, when the peer is a trusted proxy, the nearest
/// address in `X-Forwarded-For` that is not one of our proxies (the others can be forged).
pub fn address(peer: Option<IpAddr>, headers: &HeaderMap, trusted: &[IpAddr]) -> String {
    let Some(peer) = peer else {
        return "unknown".into();
    };
    if !trusted.contains(&peer) {
        return peer.to_string();
    }
    let forwarded = headers
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse::<IpAddr>().ok())
        .collect::<Vec<_>>();
    forwarded
        .into_iter()
        .rev()
        .find(|ip| !trusted.contains(ip))
        .unwrap_or(peer)
        .to_string()
}

/// The host the client asked for: the `Host` header, or what a trusted proxy forwarded.
pub fn host(
    peer: Option<IpAddr>,
    headers: &HeaderMap,
    info: &ConnectionInfo,
    trusted: &[IpAddr],
) -> Option<String> {
    if peer.is_some_and(|p| trusted.contains(&p)) {
        return Some(info.host().to_owned());
    }
    headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}
