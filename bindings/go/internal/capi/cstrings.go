package capi

/*
#include <stdlib.h>
#include <yativo.h>
*/
import "C"

import (
	"unsafe"
)

func gostr(p *C.char) string {
	if p == nil {
		return ""
	}
	return C.GoString(p)
}

// cstr returns a C copy of s, NULL for "" when optional; the caller frees it with free().
func cstr(s string) *C.char { return C.CString(s) }

func cstrOpt(s string) *C.char {
	if s == "" {
		return nil
	}
	return C.CString(s)
}

func free(p *C.char) {
	if p != nil {
		C.free(unsafe.Pointer(p))
	}
}

// cstrings is a C array of C strings built from a Go slice. The array itself lives in Go memory
// (it holds only C pointers, which cgo allows); the strings are C copies freed by free().
type cstrings struct{ ptrs []*C.char }

func newCStrings(ss []string) *cstrings {
	cs := &cstrings{ptrs: make([]*C.char, len(ss))}
	for i, s := range ss {
		cs.ptrs[i] = C.CString(s)
	}
	return cs
}

func (cs *cstrings) data() **C.char {
	if len(cs.ptrs) == 0 {
		return nil
	}
	return &cs.ptrs[0]
}

func (cs *cstrings) count() C.size_t { return C.size_t(len(cs.ptrs)) }

func (cs *cstrings) free() {
	for _, p := range cs.ptrs {
		C.free(unsafe.Pointer(p))
	}
}
