package capi

/*
#include <yativo.h>
*/
import "C"

// Version is yv_version().
func Version() string { return gostr(C.yv_version()) }
