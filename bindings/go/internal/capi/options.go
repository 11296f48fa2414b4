package capi

/*
#include <yativo.h>

yv_status yvgo_set_log_callback(yv_options *opts, uintptr_t handle, yv_error **err);
*/
import "C"

import "runtime"

// Options wraps a yv_options handle. Not safe for concurrent use (a builder).
type Options struct{ p *C.yv_options }

// NewOptions makes an options handle; free it with Free.
func NewOptions() (*Options, error) {
	o := &Options{}
	if err := invoke(func(a *cargs) C.yv_status { return C.yv_options_new(&o.p, a.err) }); err != nil {
		return nil, err
	}
	return o, nil
}

// Free releases the handle; idempotent.
func (o *Options) Free() {
	C.yv_options_free(o.p)
	o.p = nil
}

func (o *Options) ptr() *C.yv_options {
	if o == nil {
		return nil
	}
	return o.p
}

// set invokes one yv_options_set_* call on o.
func (o *Options) set(f cfunc) error {
	err := invoke(f)
	runtime.KeepAlive(o)
	return err
}

// The setters mirror yv_options_set_*; secrets go through a.secret, so their C copies are wiped.

func (o *Options) SetEnvironment(env int) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_environment(o.p, C.yv_environment(env), a.err)
	})
}

func (o *Options) SetAuthMode(mode int) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_auth_mode(o.p, C.yv_auth_mode(mode), a.err)
	})
}

func (o *Options) SetLogLevel(level int) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_log_level(o.p, C.yv_log_level(level), a.err)
	})
}

func (o *Options) SetBaseURL(s string) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_base_url(o.p, a.str(s), a.err)
	})
}

func (o *Options) SetAPIKey(s string) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_api_key(o.p, a.str(s), a.err)
	})
}

func (o *Options) SetAPISecret(s string) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_api_secret(o.p, a.secret(s), a.err)
	})
}

func (o *Options) SetAccessToken(s string) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_access_token(o.p, a.secret(s), a.err)
	})
}

func (o *Options) SetTOTPSecret(s string) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_totp_secret(o.p, a.secret(s), a.err)
	})
}

func (o *Options) SetCAFile(s string) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_ca_file(o.p, a.str(s), a.err)
	})
}

func (o *Options) SetCAPath(s string) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_ca_path(o.p, a.str(s), a.err)
	})
}

func (o *Options) SetCABlob(s string) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_ca_blob(o.p, a.str(s), a.err)
	})
}

func (o *Options) SetPinnedPublicKey(s string) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_pinned_public_key(o.p, a.str(s), a.err)
	})
}

func (o *Options) SetProxy(s string) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_proxy(o.p, a.str(s), a.err)
	})
}

func (o *Options) SetUserAgent(s string) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_user_agent(o.p, a.str(s), a.err)
	})
}

func (o *Options) SetTOTPPeriodSeconds(v uint32) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_totp_period_s(o.p, C.uint32_t(v), a.err)
	})
}

func (o *Options) SetTimeoutMS(v uint32) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_timeout_ms(o.p, C.uint32_t(v), a.err)
	})
}

func (o *Options) SetConnectTimeoutMS(v uint32) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_connect_timeout_ms(o.p, C.uint32_t(v), a.err)
	})
}

func (o *Options) SetAttemptTimeoutMS(v uint32) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_attempt_timeout_ms(o.p, C.uint32_t(v), a.err)
	})
}

func (o *Options) SetMaxRetries(v uint32) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_max_retries(o.p, C.uint32_t(v), a.err)
	})
}

func (o *Options) SetBackoffBaseMS(v uint32) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_backoff_base_ms(o.p, C.uint32_t(v), a.err)
	})
}

func (o *Options) SetBackoffCapMS(v uint32) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_backoff_cap_ms(o.p, C.uint32_t(v), a.err)
	})
}

func (o *Options) SetRefreshMarginSeconds(v uint32) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_refresh_margin_s(o.p, C.uint32_t(v), a.err)
	})
}

func (o *Options) SetMaxResponseBytes(v uint64) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_max_response_bytes(o.p, C.uint64_t(v), a.err)
	})
}

func (o *Options) SetTOTPUseServerTime(v bool) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_totp_use_server_time(o.p, C.bool(v), a.err)
	})
}

func (o *Options) SetUseEnvironment(v bool) error {
	return o.set(func(a *cargs) C.yv_status {
		return C.yv_options_set_use_environment(o.p, C.bool(v), a.err)
	})
}

// SetLogCallback installs fn through a cgo.Handle (see log.go): C holds only the handle's number,
// and the library's free function deletes the handle when the options and every client made from
// them are gone.
func (o *Options) SetLogCallback(fn LogFunc) error {
	h := newLogHandle(fn)
	err := o.set(func(a *cargs) C.yv_status {
		return C.yvgo_set_log_callback(o.p, C.uintptr_t(h), a.err)
	})
	if err != nil {
		deleteLogHandle(h) // on failure the library took nothing
	}
	return err
}
