package capi

/*
#include "shim.h"
#cgo nocallback yvgo_buffer_view
*/
import "C"

import "unsafe"

// takeBuffer copies an owned yv_buffer into Go memory and frees it (two C calls: its bytes, its
// free).
func takeBuffer(b *C.yv_buffer) []byte {
	if b == nil {
		return nil
	}
	defer C.yv_buffer_free(b)
	v := C.yvgo_buffer_view(b)
	if v.len == 0 {
		return []byte{}
	}
	return C.GoBytes(unsafe.Pointer(v.data), C.int(v.len))
}

// bodyPtr passes body without copying: the C function reads it during the call only and the
// bytes hold no Go pointers.
func bodyPtr(body []byte) (*C.uint8_t, C.size_t) {
	if len(body) == 0 {
		return nil, 0
	}
	return (*C.uint8_t)(unsafe.Pointer(&body[0])), C.size_t(len(body))
}
