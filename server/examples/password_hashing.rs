//! Benchmark: what a sign-in costs. Prints argon2id hashes per second (the parameters
//! of `services::passwords`) at 1, 2 and 4 concurrent requests through the server's
//! bounded hasher.
//!
//!     cargo run -p server --example password_hashing [-- SECONDS_PER_RUN]

use std::time::{Duration, Instant};

use server::services::passwords::PasswordHasher;

#[tokio::main]
async fn main() {
    let seconds: u64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("argon2id m=19456 KiB t=2 p=1, {cores} cores, {seconds} s per run");
    for (bound, clients) in [(1, 1), (cores, cores), (cores, cores * 2)] {
        let hasher = PasswordHasher::new(bound);
        let deadline = Instant::now() + Duration::from_secs(seconds);
        let started = Instant::now();
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..clients {
            let hasher = hasher.clone();
            tasks.spawn(async move {
                let mut done = 0u64;
                while Instant::now() < deadline {
                    if hasher.verify("một mật khẩu đủ dài".into(), "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$6kQbKcvNSmR6hx3PD/ZVZw".into()).await.is_ok() {
                        done += 1;
                    }
                }
                done
            });
        }
        let mut total = 0;
        while let Some(done) = tasks.join_next().await {
            total += done.unwrap_or(0);
        }
        let elapsed = started.elapsed().as_secs_f64();
        println!(
            "bound {bound}, {clients} concurrent sign-ins: {:.1} hashes/s, {:.0} ms each on average",
            total as f64 / elapsed,
            1000.0 * elapsed * clients as f64 / total.max(1) as f64
        );
    }
}
