//! src/kind.rs is generated from libyativo's one status table, core/include/yativo/status.def,
//! by `python3 -m codegen` (whose ctest codegen_check fails when it is stale). This test reads
//! the table itself and checks every row against ErrorKind and against the linked C library.

use std::path::PathBuf;

fn repo_file(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

struct Row {
    name: String,
    number: i32,
}

fn read_table() -> Vec<Row> {
    let path = repo_file("../../../core/include/yativo/status.def");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut rows = Vec::new();
    for line in text.lines().map(str::trim) {
        let Some(args) = line.strip_prefix("YV_STATUS(") else {
            continue;
        };
        let args = args.strip_suffix(')').expect("YV_STATUS line ends with )");
        let mut parts = args.splitn(3, ',');
        let name = parts.next().unwrap().trim().to_string();
        let number = parts.next().unwrap().trim().parse().expect("status number");
        rows.push(Row { name, number });
    }
    assert!(rows.len() > 10, "status.def parsed to {} rows", rows.len());
    rows
}

#[test]
fn every_kind_round_trips_through_the_c_library() {
    let rows = read_table();
    let failures: Vec<&Row> = rows.iter().filter(|r| r.number != 0).collect();
    let all: Vec<i32> = yativo::ErrorKind::ALL.iter().map(|k| k.code()).collect();
    let table: Vec<i32> = failures.iter().map(|r| r.number).collect();
    assert_eq!(
        all, table,
        "ErrorKind::ALL is not the table's failure codes in order"
    );
    for row in failures {
        let kind = yativo::ErrorKind::from_code(row.number).expect("known code");
        assert_eq!(kind.code(), row.number);
        assert_eq!(kind.name(), row.name);
        let c_name = unsafe {
            std::ffi::CStr::from_ptr(yativo::sys::yv_status_str(
                row.number as yativo::sys::yv_status,
            ))
        };
        assert_eq!(c_name.to_str().unwrap(), row.name);
    }
    assert_eq!(yativo::ErrorKind::from_code(0), None);
    assert_eq!(yativo::ErrorKind::from_code(999), None);
}
