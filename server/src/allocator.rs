//! The memory allocator of every program built on this library (the server, its commands,
//! the test suite's servers): mimalloc rather than the C library's. A request makes many
//! small objects on many threads, and glibc's arenas spent a fifth of the server's time and
//! kept memory it had freed (docs/BENCHMARKS.md, "Exam day at the hardware's limit").
//!
//! Built without asking for transparent huge pages (`no_thp`): with them, one small
//! allocation made a whole 2 MiB page resident, and an idle server held 59 MiB instead of
//! 20.
//!
//! Told to give freed memory back to the system at once ([`configure`]): by default it waits
//! a second, and then only does so when something allocates again, so an idle server kept
//! the 19 MiB of the password hash it makes at startup and what building the API document
//! took (35 MB of heap where 12 were in use), and under exam load the heap stayed 6–8 MB
//! over what it held.
#![allow(unsafe_code)]

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay`: its place in `mi_option_t` of mimalloc 3 (`mimalloc.h` of
/// libmimalloc-sys 0.1.49, which the workspace pins exactly); milliseconds between freeing
/// memory and giving it back to the system.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Sets the allocator's options; call it first thing (from then on they hold).
pub fn configure() {
    // SAFETY: `mi_option_set` stores a number in mimalloc's table of options (an atomic
    // store); it dereferences nothing and may be called at any time, from any thread.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) };
}

#[cfg(test)]
mod tests {
    /// The delay now in force, in milliseconds.
    fn purge_delay() -> std::ffi::c_long {
        // SAFETY: `mi_option_get` reads a number from the same table.
        unsafe { libmimalloc_sys::mi_option_get(super::PURGE_DELAY) }
    }

    /// The option's place is the purge delay's: mimalloc 3's default for it is a second
    /// (nothing else in these unit tests configures the allocator).
    #[test]
    fn freed_memory_goes_back_at_once() {
        assert_eq!(purge_delay(), 1000, "mimalloc 3's purge delay");
        super::configure();
        assert_eq!(purge_delay(), 0);
    }
}
