//! TLS for the test's proxy: an authority of the test's own, a certificate for
//! `localhost` signed by it, and clients that trust that authority and no other.

use std::path::Path;

use tokio::process::Command;

use super::run;

/// A certificate authority of the test's own and a certificate for `localhost` and
/// `127.0.0.1` signed by it; the SHA-256 of the certificate's public key, base64, for
/// Chromium's `--ignore-certificate-errors-spki-list`.
pub(crate) async fn certificate(folder: &Path) -> String {
    std::fs::write(
        folder.join("server.ext"),
        "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n\
         extendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n",
    )
    .unwrap();
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    let mut ca = vec!["req", "-x509"];
    ca.extend(ec);
    ca.extend(["-keyout", "ca.key", "-out", "ca.pem", "-days", "2"]);
    ca.extend(["-subj", "/CN=Fieldschool test authority"]);
    run("openssl", &ca, folder).await;
    let mut request = vec!["req"];
    request.extend(ec);
    request.extend([
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
        "-subj",
        "/CN=localhost",
    ]);
    run("openssl", &request, folder).await;
    run(
        "openssl",
        &[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "server.pem",
            "-days",
            "2",
            "-extfile",
            "server.ext",
        ],
        folder,
    )
    .await;
    let spki = Command::new("bash")
        .args([
            "-c",
            "openssl x509 -in server.pem -noout -pubkey | openssl pkey -pubin -outform der \
             | openssl dgst -sha256 -binary | openssl base64 -A",
        ])
        .current_dir(folder)
        .output()
        .await
        .unwrap();
    String::from_utf8(spki.stdout).unwrap().trim().to_owned()
}

/// A client builder that trusts the test's authority in `folder`, and no other.
pub(crate) fn trusting(folder: &Path) -> reqwest::ClientBuilder {
    let ca = std::fs::read(folder.join("ca.pem")).unwrap();
    reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(&ca).unwrap())
        .tls_built_in_root_certs(false)
}
