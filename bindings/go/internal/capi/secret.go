package capi

/*
#include <stdlib.h>

// Zeroes n bytes at p through a volatile pointer: stores to memory about to be freed are dead
// to the compiler, and a plain memset before free() may be dropped.
static void yvgo_wipe(char *p, size_t n) {
	volatile char *v = p;
	while (n--) *v++ = 0;
}
*/
import "C"

import (
	"sync/atomic"
	"unsafe"
)

// secretCopiesWiped counts the C copies of secrets wiped so far, so a test can tell that a
// function wiped its copy without looking at freed memory.
var secretCopiesWiped atomic.Uint64

// wipeSecret zeroes the n bytes of the C copy p of a secret (n = len of the Go string, so bytes
// after an embedded NUL are wiped too), without freeing it.
func wipeSecret(p *C.char, n int) {
	if p == nil {
		return
	}
	C.yvgo_wipe(p, C.size_t(n))
	secretCopiesWiped.Add(1)
}

// freeSecret wipes, then frees, a C copy of a secret (one made by cstrings.secret: the API
// secret, an access token, a TOTP secret, a 2FA code, a webhook secret); cstrings.Free calls it.
// The library wipes its own copies; the ones Go makes to hand a secret over are Go's to wipe.
func freeSecret(p *C.char, n int) {
	if p == nil {
		return
	}
	wipeSecret(p, n)
	C.free(unsafe.Pointer(p))
}

// wipedCopy makes a C copy of s, wipes it with wipeSecret and returns its bytes as they are
// then (before freeing it): what the test of wipeSecret looks at, since test files cannot use
// cgo.
func wipedCopy(s string) []byte {
	p := C.CString(s)
	defer C.free(unsafe.Pointer(p))
	wipeSecret(p, len(s))
	return C.GoBytes(unsafe.Pointer(p), C.int(len(s)+1))
}
