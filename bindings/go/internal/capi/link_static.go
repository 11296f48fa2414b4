//go:build cgo && yativo_static

package capi

// `go build -tags yativo_static`: libyativo.a linked into the binary, which then needs no
// libyativo.so at run time (libcurl and OpenSSL stay shared, as in docs/c-api.md).

// #cgo pkg-config: yativo-static
import "C"
