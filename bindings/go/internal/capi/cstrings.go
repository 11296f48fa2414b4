package capi

/*
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
*/
import "C"

import "unsafe"

// gostr copies a borrowed C string into Go memory; NULL reads as "".
func gostr(p *C.char) string {
	if p == nil {
		return ""
	}
	return C.GoString(p)
}

// gostrn copies the n bytes at p (a borrowed C string whose length C measured) into Go memory;
// NULL reads as "". No C call: cgo's GoStringN runs in Go.
func gostrn(p *C.char, n C.size_t) string {
	if p == nil {
		return ""
	}
	return C.GoStringN(p, C.int(n))
}

// gobytesn copies the n bytes at p into Go memory as gostrn does; NULL reads as nil.
func gobytesn(p *C.char, n C.size_t) []byte {
	if p == nil {
		return nil
	}
	return C.GoBytes(unsafe.Pointer(p), C.int(n))
}

// gostrs copies the n borrowed strings at(0)..at(n-1) of a C object (a list accessor such as
// yv_webhook_event) into Go memory.
func gostrs(n C.size_t, at func(i C.size_t) *C.char) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = gostr(at(C.size_t(i)))
	}
	return out
}

// gobytes copies a borrowed C string into Go memory as bytes (a record's JSON); NULL reads as nil.
func gobytes(p *C.char) []byte {
	if p == nil {
		return nil
	}
	return C.GoBytes(unsafe.Pointer(p), C.int(C.strlen(p)))
}

// flatInt64 reads an int field of a flat record (records_gen.h) as a pointer: nil when absent.
func flatInt64(has C.bool, v C.int64_t) *int64 {
	if !has {
		return nil
	}
	n := int64(v)
	return &n
}

// flatBool reads a bool field of a flat record as flatInt64 reads an int one.
func flatBool(has C.bool, v C.bool) *bool {
	if !has {
		return nil
	}
	b := bool(v)
	return &b
}

// cstrings holds the C copies of the strings one C call receives, so that they are freed in one
// place: Free releases them all once the call has returned, wiping the copies of secrets first
// (see freeSecret). The zero value is ready to use; the methods return what C takes.
type cstrings struct{ copies []ccopy }

type ccopy struct {
	p      *C.char
	secret bool
	n      int // the Go string's length: what a secret's wipe covers
}

func (cs *cstrings) add(s string, secret bool) *C.char {
	p := C.CString(s)
	cs.copies = append(cs.copies, ccopy{p: p, secret: secret, n: len(s)})
	return p
}

// str is a C copy of s.
func (cs *cstrings) str(s string) *C.char { return cs.add(s, false) }

// opt is a C copy of s, or NULL for "": an optional argument left unset.
func (cs *cstrings) opt(s string) *C.char {
	if s == "" {
		return nil
	}
	return cs.add(s, false)
}

// secret is a C copy of a secret (an API secret, a token, a TOTP secret or code, a webhook
// secret). The library wipes its own copies; the ones Go makes to hand a secret over are Go's to
// wipe, and Free does.
func (cs *cstrings) secret(s string) *C.char { return cs.add(s, true) }

// secretOpt is secret, or NULL for "": an optional secret left unset.
func (cs *cstrings) secretOpt(s string) *C.char {
	if s == "" {
		return nil
	}
	return cs.add(s, true)
}

// list is a C array of C copies of ss, with its length. The array itself lives in Go memory (it
// holds only C pointers, which cgo allows) and is kept alive by the call that receives it.
func (cs *cstrings) list(ss []string) (**C.char, C.size_t) {
	if len(ss) == 0 {
		return nil, 0
	}
	ptrs := make([]*C.char, len(ss))
	for i, s := range ss {
		ptrs[i] = cs.str(s)
	}
	return &ptrs[0], C.size_t(len(ptrs))
}

// Free frees every copy (wiping secrets first); the arena can be used again.
func (cs *cstrings) Free() {
	for _, c := range cs.copies {
		if c.secret {
			freeSecret(c.p, c.n)
		} else {
			C.free(unsafe.Pointer(c.p))
		}
	}
	cs.copies = nil
}
