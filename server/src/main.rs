use std::process::ExitCode;

/// mimalloc rather than the C library's allocator: a request makes many small objects on
/// many threads, and glibc's arenas spent a fifth of the server's time and kept memory it
/// had freed (docs/BENCHMARKS.md, "Exam day at the hardware's limit"). Built without
/// asking for transparent huge pages (`no_thp`): with them, one small allocation made a
/// whole 2 MiB page resident, and an idle server held 59 MiB instead of 20.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    server::cli::run().await
}
