//! Secret's `==`: right answers, and in constant time.

use std::hint::black_box;
use std::time::{Duration, Instant};

use yativo::Secret;

#[test]
fn equality_answers() {
    assert_eq!(Secret::new("CANARY-abc"), Secret::new("CANARY-abc"));
    assert_ne!(Secret::new("CANARY-abc"), Secret::new("CANARY-abd"));
    assert_ne!(Secret::new("CANARY-abc"), Secret::new("CANARY-ab"));
    assert_ne!(Secret::new(""), Secret::new("CANARY"));
    assert_eq!(Secret::new(""), Secret::default());
}

/// The fastest of `runs` comparisons of `a` with `b` (the minimum filters out the noise of a
/// shared machine).
fn fastest_compare(a: &Secret, b: &Secret, runs: u32) -> Duration {
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            black_box(black_box(a) == black_box(b));
            started.elapsed()
        })
        .min()
        .unwrap()
}

#[test]
fn comparison_time_does_not_depend_on_where_secrets_differ() {
    // 256 KiB: a short-circuiting compare (memcmp, what a derived PartialEq does) answers a
    // difference in the first byte thousands of times faster than one in the last byte; a
    // constant-time compare reads every byte either way.
    const LEN: usize = 256 * 1024;
    let secret = Secret::new(format!("CANARY{}", "s".repeat(LEN - 6)));
    let mut first = secret.expose().to_string().into_bytes();
    first[0] = b'X';
    let mut last = secret.expose().to_string().into_bytes();
    last[LEN - 1] = b'X';
    let differs_first = Secret::new(String::from_utf8(first).unwrap());
    let differs_last = Secret::new(String::from_utf8(last).unwrap());

    let runs = 30;
    fastest_compare(&secret, &differs_first, 3); // warm-up
    let t_first = fastest_compare(&secret, &differs_first, runs);
    let t_last = fastest_compare(&secret, &differs_last, runs);
    assert!(
        t_first * 4 >= t_last,
        "a difference in the first byte answered in {t_first:?}, in the last byte in {t_last:?}"
    );
}
