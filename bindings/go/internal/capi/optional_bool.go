package capi

/*
#include <yativo.h>
*/
import "C"

// optionalBool is the yv_optional_bool of a Go *bool: nil is unset (nothing is sent).
func optionalBool(v *bool) C.yv_optional_bool {
	switch {
	case v == nil:
		return C.YV_BOOL_UNSET
	case *v:
		return C.YV_BOOL_TRUE
	default:
		return C.YV_BOOL_FALSE
	}
}
