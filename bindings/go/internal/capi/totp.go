package capi

/*
#include <stdlib.h>
#include <yativo.h>
*/
import "C"

// NowUnix is YV_NOW: "the current time" for TOTP and signing.
const NowUnix = int64(-1)

// TOTP is yv_totp.
func TOTP(secret string, unixTime int64, periodS, digits uint32) (string, error) {
	s := cstr(secret)
	defer freeSecret(s, len(secret))
	var buf [C.YV_TOTP_CODE_SIZE]C.char
	var e *C.yv_error
	if err := takeError(C.yv_totp(s, C.int64_t(unixTime), C.uint32_t(periodS), C.uint32_t(digits), &buf[0], C.size_t(len(buf)), &e), e); err != nil {
		return "", err
	}
	return C.GoString(&buf[0]), nil
}
