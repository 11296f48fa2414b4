//go:build cgo && !yativo_static

package capi

// libyativo.so, found at run time through the rpath or LD_LIBRARY_PATH.

// #cgo pkg-config: yativo
import "C"
