//! Prints the version of the libyativo this program is linked with. `scripts/test-rust.sh` builds
//! it with `YATIVO_STATIC=1` to prove a static link needs no libyativo.so at run time.

fn main() {
    println!("libyativo {}", yativo::version());
}
