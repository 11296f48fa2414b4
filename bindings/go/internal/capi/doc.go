// Package capi is the thin cgo layer over libyativo's C ABI (yativo.h). It owns every C
// reference of the Go binding: C strings are freed with defer, owned outputs are copied into Go
// memory and released with the library's own free functions, and C never holds a Go pointer.
// Package yativo builds the idiomatic API on top.
package capi

// The flags of every file of the package come from pkg-config here.

// #cgo pkg-config: yativo
import "C"
