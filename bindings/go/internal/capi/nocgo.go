//go:build !cgo

package capi

// libyativo is a C library: this package needs cgo. Without it Go would only say "build
// constraints exclude all Go files"; this file makes the build fail on a name that says why.
var _ = libyativo_needs_cgo__build_with_CGO_ENABLED_1_and_a_C_compiler_see_docs_go_md
