package capi

/*
#include <yativo.h>
*/
import "C"

import "unsafe"

// takeBuffer copies an owned yv_buffer into Go memory and frees it.
func takeBuffer(b *C.yv_buffer) []byte {
	if b == nil {
		return nil
	}
	defer C.yv_buffer_free(b)
	n := C.yv_buffer_len(b)
	if n == 0 {
		return []byte{}
	}
	return C.GoBytes(unsafe.Pointer(C.yv_buffer_data(b)), C.int(n))
}

// bodyPtr passes body without copying: the C function reads it during the call only and the
// bytes hold no Go pointers.
func bodyPtr(body []byte) (*C.uint8_t, C.size_t) {
	if len(body) == 0 {
		return nil, 0
	}
	return (*C.uint8_t)(unsafe.Pointer(&body[0])), C.size_t(len(body))
}
