//! nginx as docs/DEPLOY.md installs it, with `docs/deploy/nginx-fieldschool.conf`.

use std::process::Stdio;
use std::time::Duration;

use tokio::process::{Child, Command};

use super::{Deployment, free_port, run};
use crate::helpers::workspace_root;

pub(crate) const NGINX: &str = "/usr/sbin/nginx";

/// nginx with the documented site in front of `deployment`'s instances: only the ports,
/// certificate and log are the test's.
pub(crate) async fn start(deployment: &Deployment) -> Child {
    let folder = deployment.folder.path();
    let mut site =
        std::fs::read_to_string(workspace_root().join("docs/deploy/nginx-fieldschool.conf"))
            .unwrap();
    let upstreams: String = deployment
        .instances
        .iter()
        .map(|i| {
            format!(
                "    server 127.0.0.1:{} max_fails=1 fail_timeout=2s;\n",
                i.port
            )
        })
        .collect();
    for (documented, here) in [
        (
            "    server 127.0.0.1:3001 max_fails=1 fail_timeout=2s;\n    server 127.0.0.1:3002 max_fails=1 fail_timeout=2s;\n",
            upstreams.as_str(),
        ),
        (
            "    listen 80;\n    listen [::]:80;\n",
            &format!("    listen 127.0.0.1:{};\n", free_port()),
        ),
        (
            "    listen 443 ssl http2;\n    listen [::]:443 ssl http2;\n",
            &format!("    listen 127.0.0.1:{} ssl http2;\n", deployment.port),
        ),
        (
            "/etc/letsencrypt/live/lms.example.edu.vn/fullchain.pem",
            &folder.join("server.pem").display().to_string(),
        ),
        (
            "/etc/letsencrypt/live/lms.example.edu.vn/privkey.pem",
            &folder.join("server.key").display().to_string(),
        ),
        (
            "/var/log/nginx/fieldschool.access.log",
            &folder.join("access.log").display().to_string(),
        ),
    ] {
        assert!(
            site.contains(documented),
            "the documented site has {documented:?}"
        );
        site = site.replace(documented, here);
    }
    std::fs::write(folder.join("site.conf"), site).unwrap();
    // What Debian's /etc/nginx/nginx.conf gives the site, in a folder of the test's.
    let main = format!(
        "user root;\nworker_processes 1;\npid {dir}/nginx.pid;\nerror_log {dir}/nginx-error.log;\n\
         events {{ worker_connections 512; }}\n\
         http {{\n  include /etc/nginx/mime.types;\n  client_body_temp_path {dir}/body;\n\
         proxy_temp_path {dir}/proxy;\n  fastcgi_temp_path {dir}/fastcgi;\n  uwsgi_temp_path {dir}/uwsgi;\n\
         scgi_temp_path {dir}/scgi;\n  access_log off;\n  include {dir}/site.conf;\n}}\n",
        dir = folder.display()
    );
    std::fs::write(folder.join("nginx.conf"), main).unwrap();
    run(
        NGINX,
        &[
            "-t",
            "-q",
            "-c",
            &folder.join("nginx.conf").display().to_string(),
        ],
        folder,
    )
    .await;
    let nginx = Command::new(NGINX)
        .args([
            "-c",
            &folder.join("nginx.conf").display().to_string(),
            "-g",
            "daemon off;",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let client = deployment.client();
    for _ in 0..200 {
        if client
            .get(format!("{}/readyz", deployment.base()))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            return nginx;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "nginx does not answer: {}",
        std::fs::read_to_string(folder.join("nginx-error.log")).unwrap_or_default()
    );
}
