//! `HEAD` is answered like `GET` without the body (uptime monitors and link checkers use
//! it), so every GET route supports it without registering it twice.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;

pub async fn as_get(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let is_head = req.method() == Method::HEAD;
    if is_head {
        req.head_mut().method = Method::GET;
    }
    let res = next.call(req).await?;
    if !is_head {
        return Ok(res.map_into_boxed_body());
    }
    Ok(res.map_body(|_, _| BoxBody::new(())))
}
