//! yv-bench-rust BASE_URL API_KEY API_SECRET N WARMUP: the list_accounts loop through the Rust
//! binding (each answer read into a `Vec<Account>`, as a caller gets it), one JSON line with the
//! process's CPU (getrusage) and wall time, as yv_bench_capi prints for C.
use std::time::Instant;

#[repr(C)]
struct Timeval {
    tv_sec: i64,
    tv_usec: i64,
}

// struct rusage of Linux: two timevals and fourteen longs.
#[repr(C)]
struct Rusage {
    utime: Timeval,
    stime: Timeval,
    rest: [i64; 14],
}

extern "C" {
    fn getrusage(who: i32, usage: *mut Rusage) -> i32;
}

fn cpu_micros() -> f64 {
    let mut ru = Rusage {
        utime: Timeval {
            tv_sec: 0,
            tv_usec: 0,
        },
        stime: Timeval {
            tv_sec: 0,
            tv_usec: 0,
        },
        rest: [0; 14],
    };
    // SAFETY: getrusage(RUSAGE_SELF = 0) writes one struct rusage, which Rusage lays out.
    let rc = unsafe { getrusage(0, &mut ru) };
    assert_eq!(rc, 0, "getrusage");
    (ru.utime.tv_sec + ru.stime.tv_sec) as f64 * 1e6 + (ru.utime.tv_usec + ru.stime.tv_usec) as f64
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 6 {
        eprintln!("usage: yv-bench-rust BASE_URL API_KEY API_SECRET N WARMUP");
        std::process::exit(2);
    }
    let n: u64 = args[4].parse().expect("N");
    let warmup: u64 = args[5].parse().expect("WARMUP");
    let client = yativo::Client::builder()
        .base_url(args[1].as_str())
        .api_key(args[2].as_str(), args[3].as_str())
        .use_environment(false)
        .build()
        .unwrap_or_else(|e| panic!("client: {e}"));
    let call = || {
        let accounts: Vec<yativo::Account> = client
            .accounts()
            .list()
            .unwrap_or_else(|e| panic!("list_accounts: {e}"));
        std::hint::black_box(accounts);
    };
    for _ in 0..warmup {
        call();
    }
    let (cpu0, wall0) = (cpu_micros(), Instant::now());
    for _ in 0..n {
        call();
    }
    println!(
        "{{\"bench\":\"p5\",\"client\":\"rust\",\"requests\":{},\"cpu_us\":{:.1},\"wall_us\":{:.1}}}",
        n,
        cpu_micros() - cpu0,
        wall0.elapsed().as_secs_f64() * 1e6
    );
}
