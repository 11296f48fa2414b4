//! src/kind.rs is generated from libyativo's one status table, core/include/yativo/status.def.
//! This test regenerates it and fails when the committed file is stale. To refresh it:
//! `YATIVO_BLESS=1 cargo test --test status_table`.

use std::path::PathBuf;

fn repo_file(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

struct Row {
    name: String,
    number: i32,
    doc: String,
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
        let mut parts = args.splitn(4, ',');
        let name = parts.next().unwrap().trim().to_string();
        let number = parts.next().unwrap().trim().parse().expect("status number");
        let _python = parts.next().unwrap();
        let doc = parts.next().unwrap().trim();
        let doc = doc
            .strip_prefix('"')
            .and_then(|d| d.strip_suffix('"'))
            .expect("quoted description")
            .replace("\\\"", "\"");
        rows.push(Row { name, number, doc });
    }
    assert!(rows.len() > 10, "status.def parsed to {} rows", rows.len());
    rows
}

fn variant(name: &str) -> String {
    name.split('_')
        .map(|w| {
            let mut c = w.chars();
            let first = c.next().unwrap();
            first.to_string() + &c.as_str().to_lowercase()
        })
        .collect()
}

fn render(rows: &[Row]) -> String {
    let rows: Vec<&Row> = rows.iter().filter(|r| r.number != 0).collect();
    let mut out = String::new();
    out.push_str(
        "// @generated from core/include/yativo/status.def by tests/status_table.rs\n\
         // (`YATIVO_BLESS=1 cargo test --test status_table`). Do not edit.\n\n\
         /// What went wrong: one variant per failure code of libyativo's status table\n\
         /// (numbers never change; new kinds may be added, hence `#[non_exhaustive]`).\n\
         #[non_exhaustive]\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\n\
         pub enum ErrorKind {\n",
    );
    for r in &rows {
        out.push_str(&format!("    /// {}\n    {},\n", r.doc, variant(&r.name)));
    }
    out.push_str("}\n\nimpl ErrorKind {\n    /// Every kind, in table order.\n");
    out.push_str("    pub const ALL: &'static [ErrorKind] = &[\n");
    for r in &rows {
        out.push_str(&format!("        ErrorKind::{},\n", variant(&r.name)));
    }
    out.push_str("    ];\n\n");
    out.push_str(
        "    /// The status number (`yv_status`), stable across versions.\n    \
         pub const fn code(self) -> i32 {\n        match self {\n",
    );
    for r in &rows {
        out.push_str(&format!(
            "            ErrorKind::{} => {},\n",
            variant(&r.name),
            r.number
        ));
    }
    out.push_str("        }\n    }\n\n");
    out.push_str(
        "    /// The table's name of the kind (`\"RATE_LIMITED\"`).\n    \
         pub const fn name(self) -> &'static str {\n        match self {\n",
    );
    for r in &rows {
        out.push_str(&format!(
            "            ErrorKind::{} => \"{}\",\n",
            variant(&r.name),
            r.name
        ));
    }
    out.push_str("        }\n    }\n\n");
    out.push_str(
        "    /// The kind of a status number; `None` for success and for numbers this version\n    \
         /// does not know.\n    \
         pub const fn from_code(code: i32) -> Option<ErrorKind> {\n        match code {\n",
    );
    for r in &rows {
        out.push_str(&format!(
            "            {} => Some(ErrorKind::{}),\n",
            r.number,
            variant(&r.name)
        ));
    }
    out.push_str("            _ => None,\n        }\n    }\n}\n");
    out
}

#[test]
fn error_kind_is_generated_from_the_status_table() {
    let expected = render(&read_table());
    let path = repo_file("src/kind.rs");
    if std::env::var_os("YATIVO_BLESS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "src/kind.rs is stale against status.def: run YATIVO_BLESS=1 cargo test --test status_table"
    );
}

#[test]
fn every_kind_round_trips_through_the_c_library() {
    for row in read_table().iter().filter(|r| r.number != 0) {
        let kind = yativo::ErrorKind::from_code(row.number).expect("known code");
        assert_eq!(kind.code(), row.number);
        assert_eq!(kind.name(), row.name);
        let c_name = unsafe { std::ffi::CStr::from_ptr(yativo::sys::yv_status_str(row.number)) };
        assert_eq!(c_name.to_str().unwrap(), row.name);
    }
    assert_eq!(yativo::ErrorKind::from_code(0), None);
    assert_eq!(yativo::ErrorKind::from_code(999), None);
}
