package capi

/*
#include <yativo.h>
*/
import "C"

// NowUnix is YV_NOW: "the current time" for TOTP and signing.
const NowUnix = int64(-1)

// TOTP is yv_totp.
func TOTP(secret string, unixTime int64, periodS, digits uint32) (string, error) {
	var buf [C.YV_TOTP_CODE_SIZE]C.char
	if err := invoke(func(a *cargs) C.yv_status {
		return C.yv_totp(a.secret(secret), C.int64_t(unixTime), C.uint32_t(periodS), C.uint32_t(digits), &buf[0], C.size_t(len(buf)), a.err)
	}); err != nil {
		return "", err
	}
	return C.GoString(&buf[0]), nil
}
