package capi

/*
#include <stdlib.h>
#include <yativo.h>

yv_status yvgo_set_log_callback(yv_options *opts, uintptr_t handle, yv_error **err);
*/
import "C"

import (
	"runtime"
)

// Options wraps a yv_options handle. Not safe for concurrent use (a builder).
type Options struct{ p *C.yv_options }

// NewOptions makes an options handle; free it with Free.
func NewOptions() (*Options, error) {
	var p *C.yv_options
	var e *C.yv_error
	if err := takeError(C.yv_options_new(&p, &e), e); err != nil {
		return nil, err
	}
	return &Options{p: p}, nil
}

// Free releases the handle; idempotent.
func (o *Options) Free() {
	C.yv_options_free(o.p)
	o.p = nil
}

func (o *Options) setString(s string, f func(*C.yv_options, *C.char, **C.yv_error) C.yv_status) error {
	p := cstr(s)
	defer free(p)
	var e *C.yv_error
	err := takeError(f(o.p, p, &e), e)
	runtime.KeepAlive(o)
	return err
}

// setSecret is setString for a secret: its C copy is wiped before it is freed.
func (o *Options) setSecret(s string, f func(*C.yv_options, *C.char, **C.yv_error) C.yv_status) error {
	p := cstr(s)
	defer freeSecret(p, len(s))
	var e *C.yv_error
	err := takeError(f(o.p, p, &e), e)
	runtime.KeepAlive(o)
	return err
}

func (o *Options) setU32(v uint32, f func(*C.yv_options, C.uint32_t, **C.yv_error) C.yv_status) error {
	var e *C.yv_error
	err := takeError(f(o.p, C.uint32_t(v), &e), e)
	runtime.KeepAlive(o)
	return err
}

func (o *Options) setBool(v bool, f func(*C.yv_options, C.bool, **C.yv_error) C.yv_status) error {
	var e *C.yv_error
	err := takeError(f(o.p, C.bool(v), &e), e)
	runtime.KeepAlive(o)
	return err
}

// The setters mirror yv_options_set_*.

func (o *Options) SetEnvironment(env int) error {
	var e *C.yv_error
	err := takeError(C.yv_options_set_environment(o.p, C.yv_environment(env), &e), e)
	runtime.KeepAlive(o)
	return err
}

func (o *Options) SetAuthMode(mode int) error {
	var e *C.yv_error
	err := takeError(C.yv_options_set_auth_mode(o.p, C.yv_auth_mode(mode), &e), e)
	runtime.KeepAlive(o)
	return err
}

func (o *Options) SetLogLevel(level int) error {
	var e *C.yv_error
	err := takeError(C.yv_options_set_log_level(o.p, C.yv_log_level(level), &e), e)
	runtime.KeepAlive(o)
	return err
}

func (o *Options) SetBaseURL(s string) error {
	return o.setString(s, func(p *C.yv_options, v *C.char, e **C.yv_error) C.yv_status {
		return C.yv_options_set_base_url(p, v, e)
	})
}

func (o *Options) SetAPIKey(s string) error {
	return o.setString(s, func(p *C.yv_options, v *C.char, e **C.yv_error) C.yv_status {
		return C.yv_options_set_api_key(p, v, e)
	})
}

func (o *Options) SetAPISecret(s string) error {
	return o.setSecret(s, func(p *C.yv_options, v *C.char, e **C.yv_error) C.yv_status {
		return C.yv_options_set_api_secret(p, v, e)
	})
}

func (o *Options) SetAccessToken(s string) error {
	return o.setSecret(s, func(p *C.yv_options, v *C.char, e **C.yv_error) C.yv_status {
		return C.yv_options_set_access_token(p, v, e)
	})
}

func (o *Options) SetTOTPSecret(s string) error {
	return o.setSecret(s, func(p *C.yv_options, v *C.char, e **C.yv_error) C.yv_status {
		return C.yv_options_set_totp_secret(p, v, e)
	})
}

func (o *Options) SetCAFile(s string) error {
	return o.setString(s, func(p *C.yv_options, v *C.char, e **C.yv_error) C.yv_status {
		return C.yv_options_set_ca_file(p, v, e)
	})
}

func (o *Options) SetCAPath(s string) error {
	return o.setString(s, func(p *C.yv_options, v *C.char, e **C.yv_error) C.yv_status {
		return C.yv_options_set_ca_path(p, v, e)
	})
}

func (o *Options) SetCABlob(s string) error {
	return o.setString(s, func(p *C.yv_options, v *C.char, e **C.yv_error) C.yv_status {
		return C.yv_options_set_ca_blob(p, v, e)
	})
}

func (o *Options) SetPinnedPublicKey(s string) error {
	return o.setString(s, func(p *C.yv_options, v *C.char, e **C.yv_error) C.yv_status {
		return C.yv_options_set_pinned_public_key(p, v, e)
	})
}

func (o *Options) SetProxy(s string) error {
	return o.setString(s, func(p *C.yv_options, v *C.char, e **C.yv_error) C.yv_status {
		return C.yv_options_set_proxy(p, v, e)
	})
}

func (o *Options) SetUserAgent(s string) error {
	return o.setString(s, func(p *C.yv_options, v *C.char, e **C.yv_error) C.yv_status {
		return C.yv_options_set_user_agent(p, v, e)
	})
}

func (o *Options) SetTOTPPeriodSeconds(v uint32) error {
	return o.setU32(v, func(p *C.yv_options, v C.uint32_t, e **C.yv_error) C.yv_status {
		return C.yv_options_set_totp_period_s(p, v, e)
	})
}

func (o *Options) SetTimeoutMS(v uint32) error {
	return o.setU32(v, func(p *C.yv_options, v C.uint32_t, e **C.yv_error) C.yv_status {
		return C.yv_options_set_timeout_ms(p, v, e)
	})
}

func (o *Options) SetConnectTimeoutMS(v uint32) error {
	return o.setU32(v, func(p *C.yv_options, v C.uint32_t, e **C.yv_error) C.yv_status {
		return C.yv_options_set_connect_timeout_ms(p, v, e)
	})
}

func (o *Options) SetAttemptTimeoutMS(v uint32) error {
	return o.setU32(v, func(p *C.yv_options, v C.uint32_t, e **C.yv_error) C.yv_status {
		return C.yv_options_set_attempt_timeout_ms(p, v, e)
	})
}

func (o *Options) SetMaxRetries(v uint32) error {
	return o.setU32(v, func(p *C.yv_options, v C.uint32_t, e **C.yv_error) C.yv_status {
		return C.yv_options_set_max_retries(p, v, e)
	})
}

func (o *Options) SetBackoffBaseMS(v uint32) error {
	return o.setU32(v, func(p *C.yv_options, v C.uint32_t, e **C.yv_error) C.yv_status {
		return C.yv_options_set_backoff_base_ms(p, v, e)
	})
}

func (o *Options) SetBackoffCapMS(v uint32) error {
	return o.setU32(v, func(p *C.yv_options, v C.uint32_t, e **C.yv_error) C.yv_status {
		return C.yv_options_set_backoff_cap_ms(p, v, e)
	})
}

func (o *Options) SetRefreshMarginSeconds(v uint32) error {
	return o.setU32(v, func(p *C.yv_options, v C.uint32_t, e **C.yv_error) C.yv_status {
		return C.yv_options_set_refresh_margin_s(p, v, e)
	})
}

func (o *Options) SetMaxResponseBytes(v uint64) error {
	var e *C.yv_error
	err := takeError(C.yv_options_set_max_response_bytes(o.p, C.uint64_t(v), &e), e)
	runtime.KeepAlive(o)
	return err
}

func (o *Options) SetTOTPUseServerTime(v bool) error {
	return o.setBool(v, func(p *C.yv_options, v C.bool, e **C.yv_error) C.yv_status {
		return C.yv_options_set_totp_use_server_time(p, v, e)
	})
}

func (o *Options) SetUseEnvironment(v bool) error {
	return o.setBool(v, func(p *C.yv_options, v C.bool, e **C.yv_error) C.yv_status {
		return C.yv_options_set_use_environment(p, v, e)
	})
}

// SetLogCallback installs fn through a cgo.Handle (see log.go): C holds only the handle's number,
// and the library's free function deletes the handle when the options and every client made from
// them are gone.
func (o *Options) SetLogCallback(fn LogFunc) error {
	h := newLogHandle(fn)
	var e *C.yv_error
	err := takeError(C.yvgo_set_log_callback(o.p, C.uintptr_t(h), &e), e)
	runtime.KeepAlive(o)
	if err != nil {
		deleteLogHandle(h) // on failure the library took nothing
	}
	return err
}
