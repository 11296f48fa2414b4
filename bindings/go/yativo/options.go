package yativo

import (
	"context"
	"log/slog"
	"math"
	"strconv"
	"time"

	"github.com/libyativo/libyativo/bindings/go/internal/capi"
)

// Environment selects a Yativo base URL.
type Environment int

const (
	Production Environment = 0 // https://crypto-api.yativo.com/api/v1 (the default)
	Sandbox    Environment = 1 // https://crypto-sandbox.yativo.com/api/v1
)

// AuthMode is how the client authenticates.
type AuthMode int

const (
	// AuthToken exchanges the API key and secret for a cached access token. Without
	// WithAuthMode the library picks it when an API key is given.
	AuthToken AuthMode = 0
	// AuthHeaders sends X-API-Key and X-API-Secret on every request.
	AuthHeaders AuthMode = 1
	// AuthBearer uses a caller-supplied access token (a dashboard session) as is.
	AuthBearer AuthMode = 2
)

// LogLevel is the level of a log line.
type LogLevel int

const (
	LogDebug LogLevel = 0
	LogInfo  LogLevel = 1
	LogWarn  LogLevel = 2
	LogError LogLevel = 3
	LogOff   LogLevel = 4
)

func (l LogLevel) String() string {
	switch l {
	case LogDebug:
		return "DEBUG"
	case LogInfo:
		return "INFO"
	case LogWarn:
		return "WARN"
	case LogError:
		return "ERROR"
	case LogOff:
		return "OFF"
	}
	return "LogLevel(" + strconv.Itoa(int(l)) + ")"
}

// Option configures a Client. Tunables left unset take the core's defaults.
type Option struct{ apply func(*capi.Options) error }

func opt(f func(*capi.Options) error) Option { return Option{apply: f} }

func millis(what string, d time.Duration) (uint32, error) {
	if d <= 0 {
		return 0, invalidArgument(what + " must be positive")
	}
	ms := (d + time.Millisecond - 1) / time.Millisecond
	if ms > math.MaxUint32 {
		return 0, invalidArgument(what + " is too long")
	}
	return uint32(ms), nil
}

func seconds(what string, d time.Duration, allowZero bool) (uint32, error) {
	if d < 0 || (d == 0 && !allowZero) {
		return 0, invalidArgument(what + " must be positive")
	}
	s := (d + time.Second - 1) / time.Second
	if s > math.MaxUint32 {
		return 0, invalidArgument(what + " is too long")
	}
	return uint32(s), nil
}

// WithAPIKey sets the API key and secret (AuthToken or AuthHeaders).
func WithAPIKey(key, secret string) Option {
	return opt(func(o *capi.Options) error {
		if err := o.SetAPIKey(key); err != nil {
			return err
		}
		return o.SetAPISecret(secret)
	})
}

// WithAccessToken uses a caller-supplied access token (a dashboard session). Without
// WithAuthMode the library decides the mode: a token alone means AuthBearer; a token together
// with WithAPIKey is ErrInvalidArgument.
func WithAccessToken(token string) Option {
	return opt(func(o *capi.Options) error { return o.SetAccessToken(token) })
}

// WithAuthMode selects how the client authenticates.
func WithAuthMode(m AuthMode) Option {
	return opt(func(o *capi.Options) error { return o.SetAuthMode(int(m)) })
}

// WithEnvironment selects production (default) or sandbox.
func WithEnvironment(e Environment) Option {
	return opt(func(o *capi.Options) error { return o.SetEnvironment(int(e)) })
}

// WithBaseURL overrides the environment's base URL. http:// is accepted only for loopback hosts.
func WithBaseURL(url string) Option {
	return opt(func(o *capi.Options) error { return o.SetBaseURL(url) })
}

// WithTOTPSecret sets the base32 TOTP secret the client computes X-2FA-Token codes from.
func WithTOTPSecret(base32 string) Option {
	return opt(func(o *capi.Options) error { return o.SetTOTPSecret(base32) })
}

// WithTOTPPeriod sets the TOTP step (whole seconds).
func WithTOTPPeriod(d time.Duration) Option {
	return opt(func(o *capi.Options) error {
		s, err := seconds("TOTP period", d, false)
		if err != nil {
			return err
		}
		return o.SetTOTPPeriodSeconds(s)
	})
}

// WithTOTPServerTime turns the correction of the TOTP clock by the server's Date header on or
// off (default on).
func WithTOTPServerTime(enabled bool) Option {
	return opt(func(o *capi.Options) error { return o.SetTOTPUseServerTime(enabled) })
}

// WithEnvironmentVariables turns reading YATIVO_API_KEY, YATIVO_API_SECRET,
// YATIVO_ACCESS_TOKEN, YATIVO_BASE_URL and YATIVO_TOTP_SECRET for what was not set on or off
// (default on).
func WithEnvironmentVariables(enabled bool) Option {
	return opt(func(o *capi.Options) error { return o.SetUseEnvironment(enabled) })
}

// WithTimeout sets the default total deadline of each call; a context deadline overrides it
// per call.
func WithTimeout(d time.Duration) Option {
	return opt(func(o *capi.Options) error {
		ms, err := millis("timeout", d)
		if err != nil {
			return err
		}
		return o.SetTimeoutMS(ms)
	})
}

// WithConnectTimeout sets the connect timeout.
func WithConnectTimeout(d time.Duration) Option {
	return opt(func(o *capi.Options) error {
		ms, err := millis("connect timeout", d)
		if err != nil {
			return err
		}
		return o.SetConnectTimeoutMS(ms)
	})
}

// WithAttemptTimeout sets the timeout of each attempt.
func WithAttemptTimeout(d time.Duration) Option {
	return opt(func(o *capi.Options) error {
		ms, err := millis("attempt timeout", d)
		if err != nil {
			return err
		}
		return o.SetAttemptTimeoutMS(ms)
	})
}

// WithMaxRetries sets how many times a call is retried (0 disables retries).
func WithMaxRetries(n int) Option {
	return opt(func(o *capi.Options) error {
		if n < 0 || n > math.MaxUint32 {
			return invalidArgument("max retries out of range")
		}
		return o.SetMaxRetries(uint32(n))
	})
}

// WithBackoff sets the retry backoff (full jitter): its base and cap.
func WithBackoff(base, max time.Duration) Option {
	return opt(func(o *capi.Options) error {
		b, err := millis("backoff base", base)
		if err != nil {
			return err
		}
		c, err := millis("backoff cap", max)
		if err != nil {
			return err
		}
		if err := o.SetBackoffBaseMS(b); err != nil {
			return err
		}
		return o.SetBackoffCapMS(c)
	})
}

// WithRefreshMargin refreshes a cached token this long (whole seconds) before it expires.
func WithRefreshMargin(d time.Duration) Option {
	return opt(func(o *capi.Options) error {
		s, err := seconds("refresh margin", d, true)
		if err != nil {
			return err
		}
		return o.SetRefreshMarginSeconds(s)
	})
}

// WithMaxResponseBytes sets the largest response body accepted.
func WithMaxResponseBytes(n int64) Option {
	return opt(func(o *capi.Options) error {
		if n <= 0 {
			return invalidArgument("max response bytes must be positive")
		}
		return o.SetMaxResponseBytes(uint64(n))
	})
}

// WithCAFile trusts the CA bundle in a file.
func WithCAFile(path string) Option {
	return opt(func(o *capi.Options) error { return o.SetCAFile(path) })
}

// WithCAPath trusts the CAs of a directory.
func WithCAPath(dir string) Option {
	return opt(func(o *capi.Options) error { return o.SetCAPath(dir) })
}

// WithCAPEM trusts the CAs of PEM text.
func WithCAPEM(pem string) Option {
	return opt(func(o *capi.Options) error { return o.SetCABlob(pem) })
}

// WithPinnedPublicKey pins the server's public key (libcurl syntax, "sha256//<base64>").
func WithPinnedPublicKey(pin string) Option {
	return opt(func(o *capi.Options) error { return o.SetPinnedPublicKey(pin) })
}

// WithProxy sends requests through a proxy (libcurl syntax).
func WithProxy(proxy string) Option {
	return opt(func(o *capi.Options) error { return o.SetProxy(proxy) })
}

// WithUserAgent appends to the User-Agent "libyativo/VERSION".
func WithUserAgent(ua string) Option {
	return opt(func(o *capi.Options) error { return o.SetUserAgent(ua) })
}

// LogFunc receives the library's log lines. It runs on the goroutine of the call that logs,
// possibly on several at once, and must not call into the client. Lines never hold a secret.
type LogFunc func(level LogLevel, message string)

// WithLogger installs a log function. A panic in it is recovered and switches logging off.
func WithLogger(fn LogFunc) Option {
	return opt(func(o *capi.Options) error {
		if fn == nil {
			return invalidArgument("nil log function")
		}
		return o.SetLogCallback(func(level int, msg string) { fn(LogLevel(level), msg) })
	})
}

// WithSlog sends the library's log lines to a slog.Logger.
func WithSlog(l *slog.Logger) Option {
	if l == nil {
		return opt(func(*capi.Options) error { return invalidArgument("nil slog.Logger") })
	}
	return WithLogger(func(level LogLevel, msg string) {
		lv := slog.LevelInfo
		switch level {
		case LogDebug:
			lv = slog.LevelDebug
		case LogWarn:
			lv = slog.LevelWarn
		case LogError:
			lv = slog.LevelError
		}
		l.Log(context.Background(), lv, msg, slog.String("lib", "libyativo"))
	})
}

// WithLogLevel drops lines below level (default LogInfo).
func WithLogLevel(level LogLevel) Option {
	return opt(func(o *capi.Options) error { return o.SetLogLevel(int(level)) })
}

// CallOption sets something on one call.
type CallOption func(*callConfig)

type callConfig struct {
	idempotencyKey string
	totpCode       string
	envelope       bool
}

// IdempotencyKey sends this Idempotency-Key with a write (SendFunds generates one otherwise).
func IdempotencyKey(key string) CallOption { return func(c *callConfig) { c.idempotencyKey = key } }

// TOTPCode sends this 2FA code as X-2FA-Token instead of one computed from the client's TOTP
// secret (SendFunds sends one only when given).
func TOTPCode(code string) CallOption { return func(c *callConfig) { c.totpCode = code } }

// Envelope makes a call that returns a JSON payload (GasPrice, Request) return the whole answer
// instead: the envelope with "data" and its siblings ("message", "pagination", ...). An answer
// without an envelope is returned as it is. Calls returning records (Account, Transfer, ...) and
// TransactionsService.All are not changed by it: a record's Raw is its own object.
func Envelope() CallOption { return func(c *callConfig) { c.envelope = true } }
