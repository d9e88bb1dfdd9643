//! Through nginx over HTTPS, as a province's learners reach it: HTTP/2, HSTS, the assets'
//! own compression passed through, request ids joined in both logs; and in Chromium a
//! learner saves the course, studies offline, comes back, and her work arrives once.

use reqwest::StatusCode;

use super::Deployment;
use crate::browser::offline::{Mai, studied_offline_and_synced_once};
use crate::helpers::site_is_built;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn learners_study_offline_over_https_through_the_proxy() {
    if !site_is_built() {
        return;
    }
    let Some(deployment) = Deployment::start(2).await else {
        return;
    };
    let client = deployment.client();
    let base = deployment.base();

    let home = client.get(format!("{base}/")).send().await.unwrap();
    assert_eq!(home.status(), StatusCode::OK);
    assert_eq!(
        home.version(),
        reqwest::Version::HTTP_2,
        "HTTP/2 to the proxy"
    );
    assert!(
        home.headers()["strict-transport-security"]
            .to_str()
            .unwrap()
            .contains("max-age=31536000"),
    );
    let id = home.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert_eq!(id.len(), 32, "nginx's request id: {id}");
    // The same id in the proxy's log and in one instance's JSON log.
    let page = home.text().await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert!(deployment.proxy_log().contains(&format!("rid={id}")));
    let logged = (0..2).any(|n| deployment.log_of(n).contains(&id));
    assert!(logged, "an instance logged the request under nginx's id");

    // A hashed asset comes as the server compressed it, not compressed again.
    let asset = page
        .split('"')
        .find(|s| s.starts_with("/pkg/") && s.ends_with(".css"))
        .expect("the page links its stylesheet")
        .to_owned();
    let brotli = client
        .get(format!("{base}{asset}"))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(brotli.status(), StatusCode::OK);
    assert_eq!(brotli.headers()["content-encoding"], "br");

    // Plain HTTP on the proxy's port is not served.
    let plain = reqwest::get(format!("http://127.0.0.1:{}/", deployment.port)).await;
    assert!(plain.is_err() || plain.is_ok_and(|r| !r.status().is_success()));

    // Chromium trusts the test's certificate (by its public key), as it would a real one.
    let trust = [format!(
        "--ignore-certificate-errors-spki-list={}",
        deployment.spki
    )];
    let Some(mai) = Mai::through(
        &deployment.app,
        deployment.port,
        "https://localhost",
        &trust,
    )
    .await
    else {
        return;
    };
    studied_offline_and_synced_once(&deployment.app, mai).await;
}
