// Package capi is the thin cgo layer over libyativo's C ABI (yativo.h). It owns every C
// reference of the Go binding: every C call goes through invoke (invoke.go), which frees the C
// copies of its strings and takes its error; owned outputs are copied into Go memory and released
// with the library's own free functions, and C never holds a Go pointer. The files follow the C
// ABI's modules (capi/src/*_c.cpp); endpoints.go, one method per endpoint, and records.go, one
// struct and take function per generated record, are generated from api/endpoints.toml by
// `python3 -m codegen` (codegen/go.py), as endpoints_c.cpp and records_c.cpp are. Package yativo
// builds the idiomatic API on top.
//
// Every cgo call costs a switch of stacks and of scheduler state, so the hot path crosses as few
// times as it can: small C helpers in the package (shim.c; records_gen.c, generated with
// records.go) build a yv_call in one call (none at all when the call sets nothing), read every
// field of an error in one, and copy every field of a record, or of every record of a list, into
// flat C structs in one, which Go then reads without further C calls. An API call answering a
// list of records costs three cgo calls in all: the call, the copy, the free.
package capi

// The flags of every file of the package come from pkg-config: link_shared.go (yativo.pc) by
// default, link_static.go (yativo-static.pc: libyativo.a inside the binary) with the build tag
// yativo_static.
