/* yativo.h: the C ABI of libyativo, the client SDK for the Yativo Crypto API.
 *
 * The only public C header. C99, no other libyativo header needed. Link with -lyativo
 * (pkg-config yativo, or CMake find_package(yativo) -> yativo::yativo).
 *
 * CONVENTIONS (they hold for every function below unless its comment says otherwise)
 *
 * Errors. A function that can fail returns yv_status (YV_OK = 0 on success) and takes
 *   `yv_error **err` last. err may be NULL. When it is not, *err is set to NULL on success and to
 *   a new error object on failure, which the caller frees with yv_error_free(). There is no
 *   global or thread-local "last error".
 * Outputs. `T **out` parameters are set to NULL first, and to a new object only on success: a
 *   failed call leaves nothing to free.
 * Ownership. Every returned `const char *` is BORROWED from the handle passed in: valid until that
 *   handle is freed, never to be freed by the caller. Objects returned through `T **out` are
 *   OWNED by the caller and freed with the matching yv_T_free(). Never call free() on our memory.
 * Inputs. Strings are NUL-terminated UTF-8 and copied before the call returns. A required string
 *   that is NULL or empty gives YV_E_INVALID_ARGUMENT, as does a NULL handle, a NULL `out`, or an
 *   enum value outside its list. Raw bytes are (const uint8_t *, size_t).
 * Destructors (yv_T_free) return nothing, accept NULL, never fail, and may run on any thread.
 * Threads. One yv_client is safe to share: any number of threads may call it at once. Objects
 *   returned by calls (keys, tokens, buffers, events, errors) are immutable and may be read from
 *   several threads. Builder handles (yv_options, yv_call, yv_send, yv_tx_query, yv_headers) are
 *   not locked: change one from one thread at a time; once built they may be passed to
 *   concurrent calls, which only read them. yv_cancel_trigger() may be called from any thread.
 * Callbacks run on the thread that made the call that triggered them.
 * Secrets (API secrets, tokens, TOTP secrets, 2FA codes, webhook secrets) never appear in log
 *   lines or error messages, and the library wipes its copies when it frees them.
 * Defaults. Tunables left unset take the core's defaults (see docs/c-api.md); this header
 *   repeats none of them.
 */
#ifndef YATIVO_H
#define YATIVO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifndef YV_API
#if defined(__GNUC__) || defined(__clang__)
#define YV_API __attribute__((visibility("default")))
#else
#define YV_API
#endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------------
 * Versions
 * ------------------------------------------------------------------------------------------- */

#define YV_VERSION_MAJOR 0
#define YV_VERSION_MINOR 2
#define YV_VERSION_PATCH 0
#define YV_VERSION_STRING "0.2.0"

/* The library's version at run time, "MAJOR.MINOR.PATCH". Static storage. */
YV_API const char *yv_version(void);

/* ---------------------------------------------------------------------------------------------
 * Status codes: one table, append-only; numbers never change. docs/errors.md lists them.
 * ------------------------------------------------------------------------------------------- */

/* BEGIN GENERATED: status (python3 -m codegen from core/include/yativo/status.def; do not edit) */
/* clang-format off */
typedef enum yv_status {
    /* Success. */
    YV_OK = 0,
    /* Bad input caught before any I/O: a NULL or empty required argument, bad base32,
     * limit above 100, a float-like or negative amount, http:// to a non-loopback host. */
    YV_E_INVALID_ARGUMENT = 100,
    /* HTTP 401 that is not a 2FA answer, after one token re-exchange; or a token
     * exchange refused. */
    YV_E_AUTHENTICATION = 200,
    /* HTTP 401 two_factor_required / two_factor_invalid (after one retry on the next
     * TOTP step), or a 2FA call made without a code or TOTP source. */
    YV_E_TWO_FACTOR_REQUIRED = 201,
    /* HTTP 403: the credential lacks the scope the call needs. */
    YV_E_PERMISSION_DENIED = 202,
    /* HTTP 404, 405 (no such operation at that path) or 410. */
    YV_E_NOT_FOUND = 203,
    /* HTTP 409, an idempotency key reused for a different request;
     * existing_transaction_id tells which. */
    YV_E_CONFLICT = 204,
    /* HTTP 400, 422 or another 4xx not listed here (413 payload too large, 415, ...):
     * the server refused the request as sent (insufficient_balance, validation_error),
     * or a 2xx whose body says status:false. Not retryable. */
    YV_E_VALIDATION = 205,
    /* HTTP 429 after retries, or when waiting would pass the deadline; retry_after
     * tells how long to wait. */
    YV_E_RATE_LIMITED = 206,
    /* HTTP 5xx after retries. Retryable when 500, 502, 503 or 504. */
    YV_E_SERVER = 207,
    /* The connection failed or was dropped (refused, reset, closed before an answer). */
    YV_E_NETWORK = 300,
    /* The attempt timeout or the call's total deadline passed, or HTTP 408 (the server
     * gave up waiting for the request, which it did not process). */
    YV_E_TIMEOUT = 301,
    /* TLS handshake or certificate verification failed. */
    YV_E_TLS = 302,
    /* The response is not the JSON the call expects (truncated, not JSON, wrong shape),
     * or a redirect (3xx, never followed). */
    YV_E_PROTOCOL = 303,
    /* A webhook signature that does not verify, is missing, or has a stale timestamp;
     * or a replay of an event id a WebhookVerifier already accepted (error_code
     * webhook_replay). */
    YV_E_SIGNATURE_INVALID = 400,
    /* The call's cancellation token was triggered. */
    YV_E_CANCELLED = 500,
    /* Memory allocation failed. After a call that may have changed something, the error
     * still carries the idempotency key and outcome_unknown. */
    YV_E_NO_MEMORY = 501,
    /* A bug in libyativo; please report it. */
    YV_E_INTERNAL = 502,
} yv_status;
/* clang-format on */
/* END GENERATED: status */

/* The code's name without prefix ("INVALID_ARGUMENT"), or "UNKNOWN". Static storage. */
YV_API const char *yv_status_str(yv_status status);

/* Pass as a unix time to mean "now" (yv_totp, yv_webhook_sign). */
#define YV_NOW ((int64_t)-1)

/* ---------------------------------------------------------------------------------------------
 * Errors: every field of a failure. All accessors accept NULL (and then return YV_OK, "", 0,
 * NULL, -1 or false). Strings are borrowed from the error.
 * ------------------------------------------------------------------------------------------- */

typedef struct yv_error yv_error;

/* The status of the failure (YV_OK for NULL). */
YV_API yv_status yv_error_code(const yv_error *err);
/* One line, never NULL, never a secret. */
YV_API const char *yv_error_message(const yv_error *err);
/* The HTTP status of the failing response, 0 when none was received. */
YV_API int yv_error_http_status(const yv_error *err);
/* The server's machine code ("insufficient_balance", "two_factor_invalid"...), or NULL. */
YV_API const char *yv_error_error_code(const yv_error *err);
/* The server's `details` as compact JSON text, or NULL. */
YV_API const char *yv_error_details_json(const yv_error *err);
/* X-Request-Id of the failing response, or NULL. */
YV_API const char *yv_error_request_id(const yv_error *err);
/* How long the server asked to wait (Retry-After or body retry_after) in ms, or -1. */
YV_API int64_t yv_error_retry_after_ms(const yv_error *err);
/* On YV_E_CONFLICT: the transaction the idempotency key already belongs to, or NULL. */
YV_API const char *yv_error_existing_transaction_id(const yv_error *err);
/* The Idempotency-Key the failing write carried (always set for send-funds), or NULL. */
YV_API const char *yv_error_idempotency_key(const yv_error *err);
/* True when the request may have been processed (timeout, dropped connection, 5xx after
 * retries): retry with the same idempotency key. */
YV_API bool yv_error_outcome_unknown(const yv_error *err);
/* True when a later identical call may succeed. */
YV_API bool yv_error_retryable(const yv_error *err);
/* Frees the error; NULL is ignored. Any thread. */
YV_API void yv_error_free(yv_error *err);

/* ---------------------------------------------------------------------------------------------
 * Owned bytes returned by calls (JSON text, keys). The data is followed by a NUL byte that
 * len does not count, so it may be used as a C string. The memory is wiped when freed.
 * ------------------------------------------------------------------------------------------- */

typedef struct yv_buffer yv_buffer;

/* Borrowed from the buffer; NULL for a NULL buffer. */
YV_API const char *yv_buffer_data(const yv_buffer *buf);
/* Bytes of data, without the trailing NUL; 0 for a NULL buffer. */
YV_API size_t yv_buffer_len(const yv_buffer *buf);
/* Wipes and frees the buffer; NULL is ignored. Any thread. */
YV_API void yv_buffer_free(yv_buffer *buf);

/* ---------------------------------------------------------------------------------------------
 * An optional boolean parameter: unset (nothing is sent, the server keeps or decides), false or
 * true. YV_BOOL_FALSE and YV_BOOL_TRUE are 0 and 1, so C's false and true mean what they say;
 * any value other than these three is YV_E_INVALID_ARGUMENT.
 * ------------------------------------------------------------------------------------------- */

typedef enum yv_optional_bool {
    YV_BOOL_UNSET = -1,
    YV_BOOL_FALSE = 0,
    YV_BOOL_TRUE = 1,
    /* Not a value: makes the type as wide as an int, so that any other value a caller passes is
     * refused (YV_E_INVALID_ARGUMENT) rather than being out of the type's range. */
    YV_BOOL_RANGE_ = 0x7fffffff
} yv_optional_bool;

/* ---------------------------------------------------------------------------------------------
 * Cancellation: a token any thread may trigger; once triggered it stays triggered. A call given
 * the token (yv_call_set_cancel) ends promptly with YV_E_CANCELLED wherever it waits.
 * ------------------------------------------------------------------------------------------- */

typedef struct yv_cancel yv_cancel;

/* A new, untriggered token; *out is freed with yv_cancel_free. */
YV_API yv_status yv_cancel_new(yv_cancel **out, yv_error **err);
/* Thread-safe, idempotent; NULL is ignored. */
YV_API void yv_cancel_trigger(yv_cancel *cancel);
/* Whether yv_cancel_trigger was called; false for NULL. Thread-safe. */
YV_API bool yv_cancel_is_triggered(const yv_cancel *cancel);
/* Calls still holding the token (through a yv_call) keep it alive. */
YV_API void yv_cancel_free(yv_cancel *cancel);

/* ---------------------------------------------------------------------------------------------
 * Client options: typed setters. Every tunable starts unset (= the core's default). A string
 * setter given "" restores the unset state; NULL is YV_E_INVALID_ARGUMENT.
 * ------------------------------------------------------------------------------------------- */

typedef struct yv_options yv_options;

typedef enum yv_environment { YV_ENV_PRODUCTION = 0, YV_ENV_SANDBOX = 1 } yv_environment;

/* Without yv_options_set_auth_mode the library decides: an access token alone means
 * YV_AUTH_BEARER, a key and secret YV_AUTH_TOKEN (the caller's credentials before the
 * environment's), and both given is YV_E_INVALID_ARGUMENT at yv_client_new. */
typedef enum yv_auth_mode {
    YV_AUTH_TOKEN = 0,   /* api_key + api_secret exchanged for a cached bearer token */
    YV_AUTH_HEADERS = 1, /* X-API-Key + X-API-Secret on every request */
    YV_AUTH_BEARER = 2   /* a caller-supplied access token (a dashboard session), used as is */
} yv_auth_mode;

typedef enum yv_log_level {
    YV_LOG_DEBUG = 0,
    YV_LOG_INFO = 1,
    YV_LOG_WARN = 2,
    YV_LOG_ERROR = 3,
    YV_LOG_OFF = 4
} yv_log_level;

/* A log line: `message` (NUL-terminated, `message_len` bytes) is borrowed for the duration of
 * the callback and never contains a secret. Runs on the thread making the call, possibly on
 * several threads at once; it must not call into the client. Returning anything but YV_OK
 * switches the callback off for good (it is never called again; its free function still runs). */
typedef yv_status (*yv_log_fn)(yv_log_level level, const char *message, size_t message_len,
                               void *user_data);
/* Releases user_data. Called once, on whichever thread frees the last holder. */
typedef void (*yv_free_fn)(void *user_data);

/* Options with every value unset (the library's defaults); freed with yv_options_free. */
YV_API yv_status yv_options_new(yv_options **out, yv_error **err);
/* Wipes the secrets the options hold and frees them; NULL is ignored. */
YV_API void yv_options_free(yv_options *opts);

/* YV_ENV_PRODUCTION (the default) or YV_ENV_SANDBOX: which base URL is used. */
YV_API yv_status yv_options_set_environment(yv_options *opts, yv_environment env, yv_error **err);
/* Overrides the environment. http:// is accepted only for loopback hosts (checked by
 * yv_client_new). */
YV_API yv_status yv_options_set_base_url(yv_options *opts, const char *url, yv_error **err);
/* How the client authenticates; unset, the library decides (see yv_auth_mode). */
YV_API yv_status yv_options_set_auth_mode(yv_options *opts, yv_auth_mode mode, yv_error **err);
/* The API key ("yativo_..."); copied. */
YV_API yv_status yv_options_set_api_key(yv_options *opts, const char *api_key, yv_error **err);
/* The API secret; copied into wiped memory, never logged. */
YV_API yv_status yv_options_set_api_secret(yv_options *opts, const char *api_secret,
                                           yv_error **err);
/* The bearer token of YV_AUTH_BEARER. */
YV_API yv_status yv_options_set_access_token(yv_options *opts, const char *token, yv_error **err);
/* Base32 TOTP secret: the source of X-2FA-Token codes for key management. */
YV_API yv_status yv_options_set_totp_secret(yv_options *opts, const char *base32_secret,
                                            yv_error **err);
/* Must be > 0. */
YV_API yv_status yv_options_set_totp_period_s(yv_options *opts, uint32_t seconds, yv_error **err);
/* Correct the TOTP clock by the server's Date header (default on). */
YV_API yv_status yv_options_set_totp_use_server_time(yv_options *opts, bool enabled,
                                                     yv_error **err);
/* Read YATIVO_API_KEY, YATIVO_API_SECRET, YATIVO_ACCESS_TOKEN, YATIVO_BASE_URL and
 * YATIVO_TOTP_SECRET for what was not set (default on). */
YV_API yv_status yv_options_set_use_environment(yv_options *opts, bool enabled, yv_error **err);
/* Total deadline of each call (token refresh, retries and waits included). Must be > 0. */
YV_API yv_status yv_options_set_timeout_ms(yv_options *opts, uint32_t ms, yv_error **err);
/* Must be > 0. */
YV_API yv_status yv_options_set_connect_timeout_ms(yv_options *opts, uint32_t ms, yv_error **err);
/* Per-attempt timeout. Must be > 0. */
YV_API yv_status yv_options_set_attempt_timeout_ms(yv_options *opts, uint32_t ms, yv_error **err);
/* 0 disables retries. */
YV_API yv_status yv_options_set_max_retries(yv_options *opts, uint32_t retries, yv_error **err);
/* Retry backoff (full jitter): base and cap. Must be > 0. */
YV_API yv_status yv_options_set_backoff_base_ms(yv_options *opts, uint32_t ms, yv_error **err);
/* The longest wait between two retries; must be > 0. */
YV_API yv_status yv_options_set_backoff_cap_ms(yv_options *opts, uint32_t ms, yv_error **err);
/* Refresh a cached token this long before it expires. */
YV_API yv_status yv_options_set_refresh_margin_s(yv_options *opts, uint32_t seconds,
                                                 yv_error **err);
/* Largest response body accepted. Must be > 0. */
YV_API yv_status yv_options_set_max_response_bytes(yv_options *opts, uint64_t bytes,
                                                   yv_error **err);
/* TLS trust: a CA bundle file, a CA directory, or PEM text in memory. */
YV_API yv_status yv_options_set_ca_file(yv_options *opts, const char *path, yv_error **err);
/* A directory of CA certificates (c_rehash layout) to verify TLS with. */
YV_API yv_status yv_options_set_ca_path(yv_options *opts, const char *dir, yv_error **err);
/* CA certificates as PEM text, used instead of the system's. */
YV_API yv_status yv_options_set_ca_blob(yv_options *opts, const char *pem, yv_error **err);
/* libcurl CURLOPT_PINNEDPUBLICKEY syntax ("sha256//<base64>"). */
YV_API yv_status yv_options_set_pinned_public_key(yv_options *opts, const char *pin,
                                                  yv_error **err);
/* A proxy URL (http://, https://, socks5://); NULL or "" = none. */
YV_API yv_status yv_options_set_proxy(yv_options *opts, const char *proxy, yv_error **err);
/* Appended after "libyativo/VERSION". */
YV_API yv_status yv_options_set_user_agent(yv_options *opts, const char *user_agent,
                                           yv_error **err);
/* Installs the log callback (fn NULL removes it). On success the library owns user_data and
 * calls free_fn (if not NULL) once, when this options handle and every client made from it
 * have let go of it. On failure it takes nothing: free_fn is not called. */
YV_API yv_status yv_options_set_log_callback(yv_options *opts, yv_log_fn fn, void *user_data,
                                             yv_free_fn free_fn, yv_error **err);
/* Lines below this level are not produced (default YV_LOG_INFO). */
YV_API yv_status yv_options_set_log_level(yv_options *opts, yv_log_level level, yv_error **err);

/* ---------------------------------------------------------------------------------------------
 * Supplied transport: the application performs the HTTP exchanges (a gateway's own HTTP/TLS
 * stack: lwIP + mbedTLS, a modem's socket API) instead of libcurl, which stays the default. The
 * client keeps every rule of its own over it: single-flight token exchange, retries, idempotency
 * keys, deadlines, cancellation. docs/c-api.md, "Supplying the transport", has the contract and an
 * example. Since 0.2.0.
 *
 * What the callback reports decides retries: whether any byte of the request may have reached
 * the server (yv_http_response_set_request_sent). A write without an idempotency key that may
 * have reached it is never sent again and fails with yv_error_outcome_unknown() true; one that
 * certainly did not is retried. Left unsaid, a request counts as possibly sent.
 * ------------------------------------------------------------------------------------------- */

/* One request to send; borrowed by the callback for its duration only (copy what must outlive
 * it). Accessors accept NULL (and then return NULL, 0 or false). */
typedef struct yv_http_request yv_http_request;
/* What the callback reports about the exchange; valid for the callback's duration only. */
typedef struct yv_http_response yv_http_response;

/* How an exchange ended (yv_http_response_set_outcome). */
typedef enum yv_transport_outcome {
    YV_TRANSPORT_OK = 0,       /* a whole HTTP response arrived: status, headers and body set */
    YV_TRANSPORT_NETWORK = 1,  /* refused, reset, or closed before a whole response arrived */
    YV_TRANSPORT_TIMEOUT = 2,  /* the connect or attempt timeout passed */
    YV_TRANSPORT_TLS = 3,      /* handshake or certificate verification failed */
    YV_TRANSPORT_PROTOCOL = 4, /* the server answered, but not with HTTP (a body cut short...) */
    YV_TRANSPORT_CANCELLED = 5 /* yv_http_request_cancelled() turned true; exchange abandoned */
} yv_transport_outcome;

/* Performs one HTTP/1.1 exchange: sends `request`, reports in `response` how it ended (status,
 * headers and body, or the failure) and whether the request may have reached the server. Return
 * YV_OK whenever `response` describes what happened, failures included. Any other return means
 * the callback cannot say: what it reported is set aside, the request counts as possibly sent,
 * and the attempt fails with that status if it is YV_E_TIMEOUT, YV_E_TLS, YV_E_PROTOCOL,
 * YV_E_CANCELLED or YV_E_NO_MEMORY, else with YV_E_NETWORK (the message names the status).
 * Returning YV_OK without an outcome is treated the same way (YV_E_NETWORK).
 * Threads: runs on the thread that made the call (token exchanges included), possibly on several
 * threads at once: the callback must be thread-safe, or the client used from one thread. It must
 * not call into the client. Redirects are not followed: report a 3xx as it is. */
typedef yv_status (*yv_transport_fn)(void *user_data, const yv_http_request *request,
                                     yv_http_response *response);

/* Installs the transport (fn NULL restores libcurl). Ownership of user_data as for
 * yv_options_set_log_callback: on success the library calls free_fn (if not NULL) once, when
 * this options handle and every client made from it have let go of it; on failure it takes
 * nothing. A client made with a transport refuses the libcurl-only options (ca_file, ca_path,
 * ca_blob, pinned_public_key, proxy) with YV_E_INVALID_ARGUMENT at yv_client_new; user_agent is
 * sent as the request's User-Agent header and max_response_bytes still holds. */
YV_API yv_status yv_options_set_transport(yv_options *opts, yv_transport_fn fn, void *user_data,
                                          yv_free_fn free_fn, yv_error **err);

/* "GET", "POST", "PUT", "PATCH" or "DELETE"; borrowed from the request. */
YV_API const char *yv_http_request_method(const yv_http_request *request);
/* The absolute URL (scheme, host, port, path and query). */
YV_API const char *yv_http_request_url(const yv_http_request *request);
/* How many headers to send. */
YV_API size_t yv_http_request_header_count(const yv_http_request *request);
/* Header i as one "Name: value" line without CRLF, or NULL when i is out of range. Auth headers
 * carry secrets: the library wipes its copies, and a copy the transport makes is its to wipe. */
YV_API const char *yv_http_request_header(const yv_http_request *request, size_t i);
/* The body to send with Content-Length (*len bytes), or NULL (*len 0) when the request has
 * none. len may be NULL. */
YV_API const uint8_t *yv_http_request_body(const yv_http_request *request, size_t *len);
/* False for a write without an idempotency key: send it on a connection of its own (never a
 * reused keep-alive one) and never put it on the wire twice. */
YV_API bool yv_http_request_may_resend(const yv_http_request *request);
/* How many times this exchange may put the request on the wire: 2 allows one re-send on a fresh
 * connection after a reused one died before answering (report it with
 * yv_http_response_set_sends: it spends a retry); 1 forbids it. 0 for NULL. */
YV_API uint32_t yv_http_request_max_sends(const yv_http_request *request);
/* The connect timeout in milliseconds. */
YV_API uint32_t yv_http_request_connect_timeout_ms(const yv_http_request *request);
/* The time the whole exchange may take, in milliseconds (already cut to what is left of the
 * call's deadline). */
YV_API uint32_t yv_http_request_timeout_ms(const yv_http_request *request);
/* Whether the call was cancelled (yv_cancel_trigger). Poll it while waiting (every 100 ms or
 * so), then abandon the exchange and report YV_TRANSPORT_CANCELLED. Thread-safe. */
YV_API bool yv_http_request_cancelled(const yv_http_request *request);

/* The HTTP status code, 100..599. */
YV_API yv_status yv_http_response_set_status(yv_http_response *response, uint32_t status_code,
                                             yv_error **err);
/* Adds a response header (name not empty; value may be ""), both copied. The client reads
 * X-Request-Id, Retry-After, Date and X-RateLimit-*; passing every header is fine. */
YV_API yv_status yv_http_response_add_header(yv_http_response *response, const char *name,
                                             const char *value, yv_error **err);
/* Appends len bytes of the body (data may be NULL when len is 0), copied; a chunked body is
 * passed decoded. YV_E_PROTOCOL once the body would pass yv_options_set_max_response_bytes:
 * stop reading; the exchange then fails with YV_E_PROTOCOL whatever else is reported. */
YV_API yv_status yv_http_response_append_body(yv_http_response *response, const uint8_t *data,
                                              size_t len, yv_error **err);
/* How the exchange ended. message (NULL allowed; copied) explains a failure in one line and must
 * not contain a secret; it becomes part of the error's message. */
YV_API yv_status yv_http_response_set_outcome(yv_http_response *response,
                                              yv_transport_outcome outcome, const char *message,
                                              yv_error **err);
/* Whether any byte of the request may have reached the server. Unset, it is true (and always
 * true with YV_TRANSPORT_OK). Set false only when none can have: the connection was never
 * established, or nothing of the request was written to it. */
YV_API yv_status yv_http_response_set_request_sent(yv_http_response *response, bool sent,
                                                   yv_error **err);
/* How many times the request went (or may have gone) on the wire, re-sends included; unset, 1
 * when it may have been sent. More than 1 spends retries of the call. */
YV_API yv_status yv_http_response_set_sends(yv_http_response *response, uint32_t sends,
                                            yv_error **err);

/* ---------------------------------------------------------------------------------------------
 * Per-call options. Pass NULL wherever a `const yv_call *` is taken for the defaults.
 * ------------------------------------------------------------------------------------------- */

typedef struct yv_call yv_call;

/* Per-call options with every value unset; freed with yv_call_free. */
YV_API yv_status yv_call_new(yv_call **out, yv_error **err);
/* Frees the call options (a call in flight keeps what it needs); NULL is ignored. */
YV_API void yv_call_free(yv_call *call);
/* Total deadline of the call. Must be > 0. */
YV_API yv_status yv_call_set_timeout_ms(yv_call *call, uint32_t ms, yv_error **err);
/* Whether a call that returns its payload as JSON (a yv_buffer) returns the whole answer
 * instead: the envelope with `data` and its siblings (`message`, `pagination`, ...). An answer
 * without an envelope is returned as is either way. Default false. Since 0.2.0. */
YV_API yv_status yv_call_set_envelope(yv_call *call, bool envelope, yv_error **err);
/* Idempotency-Key for a write ("" removes it). send-funds generates one when none is set. */
YV_API yv_status yv_call_set_idempotency_key(yv_call *call, const char *key, yv_error **err);
/* An explicit 2FA code ("" removes it); else the client's TOTP source is used. */
YV_API yv_status yv_call_set_totp_code(yv_call *call, const char *code, yv_error **err);
/* Calls made with this yv_call watch `cancel` (NULL detaches). The call keeps its own reference:
 * the yv_cancel may be freed first. */
YV_API yv_status yv_call_set_cancel(yv_call *call, yv_cancel *cancel, yv_error **err);

/* ---------------------------------------------------------------------------------------------
 * Client. yv_client_new validates the options and performs no I/O.
 * ------------------------------------------------------------------------------------------- */

typedef struct yv_client yv_client;

/* opts is copied (it may be freed at once); NULL means all defaults. */
YV_API yv_status yv_client_new(const yv_options *opts, yv_client **out, yv_error **err);
/* Waits for nothing; calls in flight on other threads must have returned. */
YV_API void yv_client_free(yv_client *client);
/* Replaces key + secret for every later call; the cached token is dropped. */
YV_API yv_status yv_client_set_credentials(yv_client *client, const char *api_key,
                                           const char *api_secret, yv_error **err);
/* Replaces the bearer token of YV_AUTH_BEARER. */
YV_API yv_status yv_client_set_access_token(yv_client *client, const char *token, yv_error **err);
/* The normalised base URL; borrowed from the client. NULL for a NULL client. */
YV_API const char *yv_client_base_url(const yv_client *client);
/* The total deadline of a call whose yv_call sets none, in milliseconds: the client's
 * yv_options_set_timeout_ms or the core's default (saturated at UINT32_MAX). 0 for a NULL client.
 * For bindings whose callers bring their own deadlines: pass the earlier of the two. */
YV_API uint32_t yv_client_timeout_ms(const yv_client *client);
/* X-RateLimit-Limit/Remaining/Reset of the last response that carried them; each is -1 when no
 * response carried them yet. Any out pointer may be NULL. */
YV_API yv_status yv_client_rate_limit(const yv_client *client, int64_t *limit, int64_t *remaining,
                                      int64_t *reset, yv_error **err);

/* Any endpoint. method: GET, POST, PUT, PATCH or DELETE; path relative to the base URL;
 * body: JSON text of body_len bytes, or NULL/0 for none. *out: the payload as compact JSON. */
YV_API yv_status yv_client_request(yv_client *client, const char *method, const char *path,
                                   const char *body, size_t body_len, const yv_call *call,
                                   yv_buffer **out, yv_error **err);

/* ---------------------------------------------------------------------------------------------
 * Event loop: many calls in flight from one thread, without blocking it (the libcurl
 * multi_socket way). Every call of the API that talks to the server has a twin
 * yv_client_<name>_start (and yv_client_request_start, yv_client_token_start,
 * yv_tx_pager_next_start): it takes a yv_loop first, the blocking call's arguments without its
 * outputs, then a completion callback and its user_data, and returns at once. The call runs as
 * the same code as the blocking one (retries, idempotency keys, the single-flight token exchange,
 * 2FA steps, deadlines, cancellation); where the blocking call would wait, the loop goes on with
 * other work. docs/c-api.md, "The event loop", has the contract and a complete epoll program.
 * Since 0.2.0.
 *
 * Driving. With watch and timer callbacks (yv_loop_options_set_callbacks) the host's own loop
 * drives it: the loop says which sockets to watch (watch) and when it next needs
 * yv_loop_on_timeout (timer); the host calls yv_loop_on_socket when a watched socket is ready and
 * yv_loop_on_timeout when the timer fires. Without them, yv_loop_run_once and yv_loop_run wait
 * with poll(). Either way the library creates no thread. (libcurl may resolve a host name on a
 * short-lived thread of its own; numeric addresses never do.)
 *
 * A _start function checks and copies its arguments (strings, yv_call, parameter handles: each
 * may be freed as soon as it returns). What yv_client_<name> refuses by itself (a NULL handle,
 * loop or callback, a NULL or empty required string, a NULL list item, an out-of-range number
 * or yv_optional_bool) _start returns as a status and yv_error, and then the callback is never
 * called. The checks the core makes on values (exact decimal text, enum words, JSON text, a
 * page limit) run with the call: they reach the callback as YV_E_INVALID_ARGUMENT, before any
 * I/O. On YV_OK the callback is called exactly once, never from within _start: from within
 * yv_loop_on_socket, yv_loop_on_timeout, yv_loop_run_once, yv_loop_run or yv_loop_free, on the
 * thread driving the loop. It gets user_data, the status, the result (NULL unless YV_OK) and
 * the error (NULL on YV_OK), and OWNS the result and the error exactly as the blocking call's
 * caller does: it frees them with the usual yv_T_free and yv_error_free (it may keep them past
 * the callback). A callback may start further calls on the loop; it must not drive the loop
 * (on_socket, on_timeout, run_once, run) nor free it.
 *
 * Threads. One thread at a time drives a loop: _start, yv_loop_on_socket, yv_loop_on_timeout,
 * yv_loop_run_once, yv_loop_run and yv_loop_free. yv_pending_cancel may be called from any
 * thread. The clients a loop's calls use are shared as usual: other threads may make blocking
 * calls on them, and several loops may use one client; they share its token and its single
 * flight. A client must outlive the calls started on it (free it after their callbacks ran).
 * ------------------------------------------------------------------------------------------- */

/* What a socket is watched for, as a bit set; the values of yativo::Watch. */
#define YV_WATCH_NONE 0
#define YV_WATCH_READ 1
#define YV_WATCH_WRITE 2
/* Only passed to yv_loop_on_socket: the socket has an error or hung up (EPOLLERR, EPOLLHUP). */
#define YV_WATCH_ERROR 4

/* Watch `fd` for `events` (YV_WATCH_READ | YV_WATCH_WRITE), replacing what it was watched for,
 * or stop watching it (YV_WATCH_NONE; the socket may already be closed). Runs on the driving
 * thread, never from within a _start function. It must not call into the loop. */
typedef void (*yv_watch_fn)(void *user_data, int fd, int events);
/* Call yv_loop_on_timeout after timeout_ms milliseconds (0: as soon as possible), replacing the
 * previous timer; -1: no timer. Same thread rules as yv_watch_fn. */
typedef void (*yv_timer_fn)(void *user_data, int64_t timeout_ms);

typedef struct yv_loop_options yv_loop_options;
typedef struct yv_loop yv_loop;
/* A call in flight, for cancelling it. */
typedef struct yv_pending yv_pending;

/* Loop options with every value unset (a self-driven loop, the default connection cap); freed
 * with yv_loop_options_free. */
YV_API yv_status yv_loop_options_new(yv_loop_options **out, yv_error **err);
/* Frees the options; NULL is ignored. */
YV_API void yv_loop_options_free(yv_loop_options *opts);
/* The host's loop drives the loop through watch and timer (both non-NULL), which get user_data;
 * both NULL: self-driven (yv_loop_run_once, yv_loop_run). user_data is borrowed: it must stay
 * valid until yv_loop_free returns (which may still call watch to stop watching sockets). */
YV_API yv_status yv_loop_options_set_callbacks(yv_loop_options *opts, yv_watch_fn watch,
                                               yv_timer_fn timer, void *user_data, yv_error **err);
/* How many connections the loop opens to one host at most; calls beyond it wait their turn
 * (HTTP/1.1 carries one call per connection). 0 restores the default (docs/c-api.md). */
YV_API yv_status yv_loop_options_set_max_host_connections(yv_loop_options *opts, uint32_t count,
                                                          yv_error **err);

/* A new loop; opts is copied (NULL: self-driven, defaults). Performs no I/O. *out is freed with
 * yv_loop_free. */
YV_API yv_status yv_loop_new(const yv_loop_options *opts, yv_loop **out, yv_error **err);
/* Cancels every call in flight and runs each one's callback (YV_E_CANCELLED, or its outcome if it
 * ended first) before it returns; then frees the loop. NULL is ignored. On the driving thread,
 * never from within a callback of the loop. */
YV_API void yv_loop_free(yv_loop *loop);
/* The host saw `fd` ready: events is YV_WATCH_READ | YV_WATCH_WRITE | YV_WATCH_ERROR (what
 * epoll or poll reported). Does the work that is due, completions included. */
YV_API yv_status yv_loop_on_socket(yv_loop *loop, int fd, int events, yv_error **err);
/* The timer the loop asked for (yv_timer_fn) fired. */
YV_API yv_status yv_loop_on_timeout(yv_loop *loop, yv_error **err);
/* Waits with poll() at most max_wait_ms (0: does not wait) for the loop's sockets and timers,
 * and does the work that is due. *in_flight (in_flight may be NULL): the calls still in flight
 * afterwards. For a self-driven loop. */
YV_API yv_status yv_loop_run_once(yv_loop *loop, uint32_t max_wait_ms, size_t *in_flight,
                                  yv_error **err);
/* Drives the loop with poll() until no call is in flight (at once when none is). */
YV_API yv_status yv_loop_run(yv_loop *loop, yv_error **err);
/* Calls started whose callback has not run yet; 0 for NULL. */
YV_API size_t yv_loop_in_flight(const yv_loop *loop);

/* Asks the call to stop; thread-safe, idempotent, NULL is ignored. It ends with YV_E_CANCELLED
 * through the rules of a cancelled blocking call (a write that may have reached the server
 * reports yv_error_outcome_unknown and keeps its idempotency key); its callback runs all the
 * same, on the driving thread. No effect once it ended. */
YV_API void yv_pending_cancel(const yv_pending *pending);
/* Whether the call's callback has run; false for NULL. Thread-safe. */
YV_API bool yv_pending_done(const yv_pending *pending);
/* Frees the handle only: the call goes on and its callback still runs. NULL is ignored. May
 * outlive the call and the loop; any thread. */
YV_API void yv_pending_free(yv_pending *pending);

/* The completion of a call with no result. */
typedef void (*yv_done_fn)(void *user_data, yv_status status, yv_error *err);
/* The completion of a call returning JSON: result freed with yv_buffer_free. */
typedef void (*yv_buffer_done_fn)(void *user_data, yv_status status, yv_buffer *result,
                                  yv_error *err);

/* yv_client_request without blocking (see "Event loop" above). pending may be NULL; else *pending
 * gets a handle freed with yv_pending_free (NULL when _start fails). */
YV_API yv_status yv_client_request_start(yv_loop *loop, yv_client *client, const char *method,
                                         const char *path, const char *body, size_t body_len,
                                         const yv_call *call, yv_buffer_done_fn done,
                                         void *user_data, yv_pending **pending, yv_error **err);

/* ---------------------------------------------------------------------------------------------
 * API keys. create, rotate, update_permissions and revoke send X-2FA-Token: the call's code, or
 * one computed from the client's TOTP secret; neither gives YV_E_TWO_FACTOR_REQUIRED.
 * ------------------------------------------------------------------------------------------- */

typedef struct yv_api_key yv_api_key;
typedef struct yv_api_key_list yv_api_key_list;

/* Accessors: strings borrowed from the key; NULL for a NULL key. */
YV_API const char *yv_api_key_id(const yv_api_key *key);
/* The key's name. */
YV_API const char *yv_api_key_name(const yv_api_key *key);
/* The public key ("yativo_..."). */
YV_API const char *yv_api_key_api_key(const yv_api_key *key);
/* The secret, shown once: non-NULL only on keys returned by create and rotate. */
YV_API const char *yv_api_key_api_secret(const yv_api_key *key);
/* How many scopes the key has. */
YV_API size_t yv_api_key_permissions_count(const yv_api_key *key);
/* NULL when i is out of range. */
YV_API const char *yv_api_key_permission(const yv_api_key *key, size_t i);
/* "active", "revoked", ... as the server says. */
YV_API const char *yv_api_key_status(const yv_api_key *key);
/* ISO 8601, as the server wrote it. */
YV_API const char *yv_api_key_created_at(const yv_api_key *key);
/* NULL when the key does not expire / was never used. */
YV_API const char *yv_api_key_expires_at(const yv_api_key *key);
/* ISO 8601, or NULL when the key was never used. */
YV_API const char *yv_api_key_last_used_at(const yv_api_key *key);
/* How many IP addresses or CIDR blocks the key is restricted to; 0: any (or the answer does not
 * say). */
YV_API size_t yv_api_key_allowed_ips_count(const yv_api_key *key);
/* NULL when i is out of range. */
YV_API const char *yv_api_key_allowed_ip(const yv_api_key *key, size_t i);
/* Wipes the secret. */
YV_API void yv_api_key_free(yv_api_key *key);

/* How many keys the list holds; 0 for NULL. */
YV_API size_t yv_api_key_list_count(const yv_api_key_list *list);
/* Borrowed from the list (do not free it); NULL when i is out of range. */
YV_API const yv_api_key *yv_api_key_list_get(const yv_api_key_list *list, size_t i);
/* Frees the list and every key in it; NULL is ignored. */
YV_API void yv_api_key_list_free(yv_api_key_list *list);

/* ---------------------------------------------------------------------------------------------
 * Access token (YV_AUTH_TOKEN: exchanged now when none is cached and valid).
 * ------------------------------------------------------------------------------------------- */

typedef struct yv_token yv_token;

/* The access token in use (YV_AUTH_TOKEN: exchanged now when none is cached and valid); *out is
 * freed with yv_token_free. */
YV_API yv_status yv_client_token(yv_client *client, const yv_call *call, yv_token **out,
                                 yv_error **err);
/* The bearer token; borrowed from the token, wiped by yv_token_free. */
YV_API const char *yv_token_access_token(const yv_token *token);
/* "Bearer". */
YV_API const char *yv_token_token_type(const yv_token *token);
/* Seconds left when returned; 0 for a NULL token. */
YV_API int64_t yv_token_expires_in(const yv_token *token);
/* As the server wrote it, or NULL. */
YV_API const char *yv_token_expires_at(const yv_token *token);
/* How many scopes the token carries. */
YV_API size_t yv_token_scopes_count(const yv_token *token);
/* Scope i, or NULL when i is out of range. */
YV_API const char *yv_token_scope(const yv_token *token, size_t i);
/* Wipes the token. */
YV_API void yv_token_free(yv_token *token);
/* The completion of yv_client_token_start: result freed with yv_token_free. */
typedef void (*yv_token_done_fn)(void *user_data, yv_status status, yv_token *result,
                                 yv_error *err);
/* yv_client_token without blocking ("Event loop"); pending may be NULL. */
YV_API yv_status yv_client_token_start(yv_loop *loop, yv_client *client, const yv_call *call,
                                       yv_token_done_fn done, void *user_data, yv_pending **pending,
                                       yv_error **err);

/* ---------------------------------------------------------------------------------------------
 * Webhook subscriptions.
 * ------------------------------------------------------------------------------------------- */

typedef struct yv_webhook yv_webhook;

/* The subscription's id; borrowed from the webhook. */
YV_API const char *yv_webhook_id(const yv_webhook *webhook);
/* The URL deliveries go to. */
YV_API const char *yv_webhook_url(const yv_webhook *webhook);
/* How many event types the subscription delivers. */
YV_API size_t yv_webhook_events_count(const yv_webhook *webhook);
/* Event type i, or NULL when i is out of range. */
YV_API const char *yv_webhook_event(const yv_webhook *webhook, size_t i);
/* NULL when none. */
YV_API const char *yv_webhook_description(const yv_webhook *webhook);
/* The signing secret, shown once: non-NULL only on the webhook returned by create. */
YV_API const char *yv_webhook_secret(const yv_webhook *webhook);
/* ISO 8601, as the server wrote it. */
YV_API const char *yv_webhook_created_at(const yv_webhook *webhook);
/* The whole payload as compact JSON, without the secret (read it with yv_webhook_secret).
 * NULL when memory ran out building it after create: the webhook and its secret are whole. */
YV_API const char *yv_webhook_json(const yv_webhook *webhook);
/* Wipes the secret. */
YV_API void yv_webhook_free(yv_webhook *webhook);

/* A list of webhooks (yv_client_list_webhooks), without secrets. Since 0.2.0. */
typedef struct yv_webhook_list yv_webhook_list;
/* How many webhooks the list holds; 0 for NULL. */
YV_API size_t yv_webhook_list_count(const yv_webhook_list *list);
/* Webhook i, borrowed from the list (freed with it); NULL when i is out of range. */
YV_API const yv_webhook *yv_webhook_list_get(const yv_webhook_list *list, size_t i);
/* Frees the list and its webhooks; NULL is ignored. */
YV_API void yv_webhook_list_free(yv_webhook_list *list);

/* ---------------------------------------------------------------------------------------------
 * Records: what the endpoints answer, with typed fields (api/endpoints.toml, [[record]]). A
 * string field is NULL when the answer has none; a decimal is its exact text ("1250.000000",
 * never through a double); an integer or a boolean comes through an out pointer, the function
 * saying whether the answer had it. A value that does not fit its type (an amount "N/A") reads as
 * absent; yv_<record>_json has the whole object as the server sent it. Since 0.2.0.
 * ------------------------------------------------------------------------------------------- */

/* BEGIN GENERATED: records (python3 -m codegen from api/endpoints.toml; do not edit) */

/* An account: it holds assets. Accessors take a NULL record as "absent"; strings are borrowed from
 * it. */
typedef struct yv_account yv_account;
/* The account's id. */
YV_API const char *yv_account_id(const yv_account *account);
/* Its name; NULL when the answer has none. */
YV_API const char *yv_account_name(const yv_account *account);
/* The account's type: business, personal or customer; NULL when the answer has none. */
YV_API const char *yv_account_type(const yv_account *account);
/* Its status: active or archived; NULL when the answer has none. */
YV_API const char *yv_account_status(const yv_account *account);
/* How many assets it holds (in lists): true and *out (when out is not NULL) set when the answer
 * has it. */
YV_API bool yv_account_assets(const yv_account *account, int64_t *out);
/* When it was created; NULL when the answer has none. */
YV_API const char *yv_account_created_at(const yv_account *account);
/* The whole object as the server sent it, as compact JSON (numbers as strings); NULL when
 * memory ran out building it (every field is still there). */
YV_API const char *yv_account_json(const yv_account *account);
/* Frees the record; NULL is ignored. */
YV_API void yv_account_free(yv_account *account);

/* A list of yv_account, in the server's order. */
typedef struct yv_account_list yv_account_list;
/* How many records the list holds; 0 for NULL. */
YV_API size_t yv_account_list_count(const yv_account_list *list);
/* Record i, borrowed from the list (freed with it); NULL when i is out of range. */
YV_API const yv_account *yv_account_list_get(const yv_account_list *list, size_t i);
/* Frees the list and its records; NULL is ignored. */
YV_API void yv_account_list_free(yv_account_list *list);

/* An asset: one chain and token within an account, with its deposit address and balance. Accessors
 * take a NULL record as "absent"; strings are borrowed from it. */
typedef struct yv_asset yv_asset;
/* The asset's id. */
YV_API const char *yv_asset_id(const yv_asset *asset);
/* The account holding it; NULL when the answer has none. */
YV_API const char *yv_asset_account_id(const yv_asset *asset);
/* The chain; NULL when the answer has none. */
YV_API const char *yv_asset_chain(const yv_asset *asset);
/* The token, e.g. USDC_SOL; NULL when the answer has none. */
YV_API const char *yv_asset_ticker(const yv_asset *asset);
/* The deposit address; NULL when the answer has none. */
YV_API const char *yv_asset_address(const yv_asset *asset);
/* The balance in token units; exact decimal text; NULL when the answer has none. */
YV_API const char *yv_asset_balance(const yv_asset *asset);
/* Its status: active or archived; NULL when the answer has none. */
YV_API const char *yv_asset_status(const yv_asset *asset);
/* When it was added; NULL when the answer has none. */
YV_API const char *yv_asset_created_at(const yv_asset *asset);
/* The whole object as the server sent it, as compact JSON (numbers as strings); NULL when
 * memory ran out building it (every field is still there). */
YV_API const char *yv_asset_json(const yv_asset *asset);
/* Frees the record; NULL is ignored. */
YV_API void yv_asset_free(yv_asset *asset);

/* A list of yv_asset, in the server's order. */
typedef struct yv_asset_list yv_asset_list;
/* How many records the list holds; 0 for NULL. */
YV_API size_t yv_asset_list_count(const yv_asset_list *list);
/* Record i, borrowed from the list (freed with it); NULL when i is out of range. */
YV_API const yv_asset *yv_asset_list_get(const yv_asset_list *list, size_t i);
/* Frees the list and its records; NULL is ignored. */
YV_API void yv_asset_list_free(yv_asset_list *list);

/* The balance of one asset, in token units (confirmed funds only). Accessors take a NULL record as
 * "absent"; strings are borrowed from it. */
typedef struct yv_balance yv_balance;
/* The asset's id; NULL when the answer has none. */
YV_API const char *yv_balance_asset_id(const yv_balance *balance);
/* The chain; NULL when the answer has none. */
YV_API const char *yv_balance_chain(const yv_balance *balance);
/* The token; NULL when the answer has none. */
YV_API const char *yv_balance_ticker(const yv_balance *balance);
/* The deposit address; NULL when the answer has none. */
YV_API const char *yv_balance_address(const yv_balance *balance);
/* The balance in token units; exact decimal text. */
YV_API const char *yv_balance_balance(const yv_balance *balance);
/* Its value in USD, when the server gives one; exact decimal text; NULL when the answer has
 * none. */
YV_API const char *yv_balance_balance_usd(const yv_balance *balance);
/* When it last changed; NULL when the answer has none. */
YV_API const char *yv_balance_updated_at(const yv_balance *balance);
/* The whole object as the server sent it, as compact JSON (numbers as strings); NULL when
 * memory ran out building it (every field is still there). */
YV_API const char *yv_balance_json(const yv_balance *balance);
/* Frees the record; NULL is ignored. */
YV_API void yv_balance_free(yv_balance *balance);

/* The answer to send_funds. idempotency_key is always the key the call carried. Accessors take a
 * NULL record as "absent"; strings are borrowed from it. */
typedef struct yv_transfer yv_transfer;
/* The transaction's id; NULL when the answer has none. */
YV_API const char *yv_transfer_id(const yv_transfer *transfer);
/* The chain transaction hash, once known; NULL when the answer has none. */
YV_API const char *yv_transfer_hash(const yv_transfer *transfer);
/* Its status: pending, confirmed, failed or cancelled; NULL when the answer has none. */
YV_API const char *yv_transfer_status(const yv_transfer *transfer);
/* The amount sent; exact decimal text; NULL when the answer has none. */
YV_API const char *yv_transfer_amount(const yv_transfer *transfer);
/* The fee charged; exact decimal text; NULL when the answer has none. */
YV_API const char *yv_transfer_fee(const yv_transfer *transfer);
/* The amount plus the fee, taken from the asset; exact decimal text; NULL when the answer has
 * none. */
YV_API const char *yv_transfer_total_debited(const yv_transfer *transfer);
/* The asset's balance after the debit; exact decimal text; NULL when the answer has none. */
YV_API const char *yv_transfer_balance_after(const yv_transfer *transfer);
/* The chain; NULL when the answer has none. */
YV_API const char *yv_transfer_chain(const yv_transfer *transfer);
/* The token; NULL when the answer has none. */
YV_API const char *yv_transfer_ticker(const yv_transfer *transfer);
/* The Idempotency-Key the call carried (the caller's, or the one the core generated). */
YV_API const char *yv_transfer_idempotency_key(const yv_transfer *transfer);
/* When it was created; NULL when the answer has none. */
YV_API const char *yv_transfer_created_at(const yv_transfer *transfer);
/* The whole object as the server sent it, with the call's idempotency_key added when it names
 * none, as compact JSON (numbers as strings); NULL when memory ran out building it (every field
 * is still there). */
YV_API const char *yv_transfer_json(const yv_transfer *transfer);
/* Frees the record; NULL is ignored. */
YV_API void yv_transfer_free(yv_transfer *transfer);

/* One transaction of the history. Accessors take a NULL record as "absent"; strings are borrowed
 * from it. */
typedef struct yv_transaction yv_transaction;
/* The transaction's id. */
YV_API const char *yv_transaction_id(const yv_transaction *transaction);
/* Its type: send, receive, ...; NULL when the answer has none. */
YV_API const char *yv_transaction_type(const yv_transaction *transaction);
/* Its direction: in or out; NULL when the answer has none. */
YV_API const char *yv_transaction_direction(const yv_transaction *transaction);
/* Its status: pending, confirmed, failed or cancelled; NULL when the answer has none. */
YV_API const char *yv_transaction_status(const yv_transaction *transaction);
/* The chain; NULL when the answer has none. */
YV_API const char *yv_transaction_chain(const yv_transaction *transaction);
/* The token; NULL when the answer has none. */
YV_API const char *yv_transaction_ticker(const yv_transaction *transaction);
/* The asset it moved; NULL when the answer has none. */
YV_API const char *yv_transaction_asset_id(const yv_transaction *transaction);
/* The account of that asset; NULL when the answer has none. */
YV_API const char *yv_transaction_account_id(const yv_transaction *transaction);
/* The amount; exact decimal text; NULL when the answer has none. */
YV_API const char *yv_transaction_amount(const yv_transaction *transaction);
/* The fee; exact decimal text; NULL when the answer has none. */
YV_API const char *yv_transaction_fee(const yv_transaction *transaction);
/* The chain transaction hash; NULL when the answer has none. */
YV_API const char *yv_transaction_hash(const yv_transaction *transaction);
/* The sending address; NULL when the answer has none. */
YV_API const char *yv_transaction_from_address(const yv_transaction *transaction);
/* The receiving address; NULL when the answer has none. */
YV_API const char *yv_transaction_to_address(const yv_transaction *transaction);
/* The priority it was sent with: low, medium or high; NULL when the answer has none. */
YV_API const char *yv_transaction_priority(const yv_transaction *transaction);
/* The category it was sent with; NULL when the answer has none. */
YV_API const char *yv_transaction_category(const yv_transaction *transaction);
/* The note kept with it; NULL when the answer has none. */
YV_API const char *yv_transaction_description(const yv_transaction *transaction);
/* When it was created; NULL when the answer has none. */
YV_API const char *yv_transaction_created_at(const yv_transaction *transaction);
/* The whole object as the server sent it, as compact JSON (numbers as strings); NULL when
 * memory ran out building it (every field is still there). */
YV_API const char *yv_transaction_json(const yv_transaction *transaction);
/* Frees the record; NULL is ignored. */
YV_API void yv_transaction_free(yv_transaction *transaction);

/* A list of yv_transaction, in the server's order. */
typedef struct yv_transaction_list yv_transaction_list;
/* How many records the list holds; 0 for NULL. */
YV_API size_t yv_transaction_list_count(const yv_transaction_list *list);
/* Record i, borrowed from the list (freed with it); NULL when i is out of range. */
YV_API const yv_transaction *yv_transaction_list_get(const yv_transaction_list *list, size_t i);
/* Frees the list and its records; NULL is ignored. */
YV_API void yv_transaction_list_free(yv_transaction_list *list);

/* An auto-forwarding rule: a share of each deposit to an asset goes on to an address. Accessors
 * take a NULL record as "absent"; strings are borrowed from it. */
typedef struct yv_auto_forwarding_rule yv_auto_forwarding_rule;
/* The rule's id. */
YV_API const char *yv_auto_forwarding_rule_id(const yv_auto_forwarding_rule *auto_forwarding_rule);
/* The asset whose deposits are forwarded; NULL when the answer has none. */
YV_API const char *yv_auto_forwarding_rule_asset_id(
    const yv_auto_forwarding_rule *auto_forwarding_rule);
/* The asset's chain; NULL when the answer has none. */
YV_API const char *yv_auto_forwarding_rule_chain(
    const yv_auto_forwarding_rule *auto_forwarding_rule);
/* Where the share goes; NULL when the answer has none. */
YV_API const char *yv_auto_forwarding_rule_destination_address(
    const yv_auto_forwarding_rule *auto_forwarding_rule);
/* The share of each deposit, in percent (more than 0, at most 100); exact decimal text; NULL
 * when the answer has none. */
YV_API const char *yv_auto_forwarding_rule_percentage(
    const yv_auto_forwarding_rule *auto_forwarding_rule);
/* All_wallets or specific_wallets; NULL when the answer has none. */
YV_API const char *yv_auto_forwarding_rule_monitoring_mode(
    const yv_auto_forwarding_rule *auto_forwarding_rule);
/* The accounts watched with specific_wallets: how many. */
YV_API size_t yv_auto_forwarding_rule_monitored_accounts_count(
    const yv_auto_forwarding_rule *auto_forwarding_rule);
/* The accounts watched with specific_wallets: item i, or NULL when i is out of range. */
YV_API const char *yv_auto_forwarding_rule_monitored_account(
    const yv_auto_forwarding_rule *auto_forwarding_rule, size_t i);
/* Deposits below this are not forwarded; exact decimal text; NULL when the answer has none. */
YV_API const char *yv_auto_forwarding_rule_minimum_amount(
    const yv_auto_forwarding_rule *auto_forwarding_rule);
/* The most forwarded from one deposit; exact decimal text; NULL when the answer has none. */
YV_API const char *yv_auto_forwarding_rule_maximum_amount(
    const yv_auto_forwarding_rule *auto_forwarding_rule);
/* The note kept with the rule; NULL when the answer has none. */
YV_API const char *yv_auto_forwarding_rule_description(
    const yv_auto_forwarding_rule *auto_forwarding_rule);
/* Whether the rule acts: true and *out (when out is not NULL) set when the answer has it. */
YV_API bool yv_auto_forwarding_rule_enabled(const yv_auto_forwarding_rule *auto_forwarding_rule,
                                            bool *out);
/* When it was created; NULL when the answer has none. */
YV_API const char *yv_auto_forwarding_rule_created_at(
    const yv_auto_forwarding_rule *auto_forwarding_rule);
/* When it last changed; NULL when the answer has none. */
YV_API const char *yv_auto_forwarding_rule_updated_at(
    const yv_auto_forwarding_rule *auto_forwarding_rule);
/* The whole object as the server sent it (settings included), as compact JSON (numbers as
 * strings); NULL when memory ran out building it (every field is still there). */
YV_API const char *yv_auto_forwarding_rule_json(
    const yv_auto_forwarding_rule *auto_forwarding_rule);
/* Frees the record; NULL is ignored. */
YV_API void yv_auto_forwarding_rule_free(yv_auto_forwarding_rule *auto_forwarding_rule);

/* A list of yv_auto_forwarding_rule, in the server's order. */
typedef struct yv_auto_forwarding_rule_list yv_auto_forwarding_rule_list;
/* How many records the list holds; 0 for NULL. */
YV_API size_t yv_auto_forwarding_rule_list_count(const yv_auto_forwarding_rule_list *list);
/* Record i, borrowed from the list (freed with it); NULL when i is out of range. */
YV_API const yv_auto_forwarding_rule *yv_auto_forwarding_rule_list_get(
    const yv_auto_forwarding_rule_list *list, size_t i);
/* Frees the list and its records; NULL is ignored. */
YV_API void yv_auto_forwarding_rule_list_free(yv_auto_forwarding_rule_list *list);

/* A card funding: a customer funded from the issuer's wallet, or a deposit funded by hand.
 * idempotency_key is always the key the call carried. Accessors take a NULL record as "absent";
 * strings are borrowed from it. */
typedef struct yv_card_funding yv_card_funding;
/* The funding's id; NULL when the answer has none. */
YV_API const char *yv_card_funding_id(const yv_card_funding *card_funding);
/* The customer funded; NULL when the answer has none. */
YV_API const char *yv_card_funding_customer_id(const yv_card_funding *card_funding);
/* The deposit funded, for a manual funding; NULL when the answer has none. */
YV_API const char *yv_card_funding_deposit_id(const yv_card_funding *card_funding);
/* The amount, exact; exact decimal text; NULL when the answer has none. */
YV_API const char *yv_card_funding_amount(const yv_card_funding *card_funding);
/* The bridge fee taken, exact, when the server gives it; exact decimal text; NULL when the
 * answer has none. */
YV_API const char *yv_card_funding_fee(const yv_card_funding *card_funding);
/* What reached the card, exact, when the server gives it; exact decimal text; NULL when the
 * answer has none. */
YV_API const char *yv_card_funding_credited(const yv_card_funding *card_funding);
/* The chain it was paid from: SOL or XDC; NULL when the answer has none. */
YV_API const char *yv_card_funding_source_chain(const yv_card_funding *card_funding);
/* The token credited to the card; NULL when the answer has none. */
YV_API const char *yv_card_funding_destination_token(const yv_card_funding *card_funding);
/* Send_x (the amount is sent) or receive_x (the amount arrives); NULL when the answer has none. */
YV_API const char *yv_card_funding_pricing_mode(const yv_card_funding *card_funding);
/* Its status: pending, funding, funded/completed or failed; NULL when the answer has none. */
YV_API const char *yv_card_funding_status(const yv_card_funding *card_funding);
/* The Idempotency-Key the call carried (the caller's, or the one the core generated). */
YV_API const char *yv_card_funding_idempotency_key(const yv_card_funding *card_funding);
/* When it was made; NULL when the answer has none. */
YV_API const char *yv_card_funding_created_at(const yv_card_funding *card_funding);
/* The whole object as the server sent it, with the call's idempotency_key added when it names
 * none, as compact JSON (numbers as strings); NULL when memory ran out building it (every field
 * is still there). */
YV_API const char *yv_card_funding_json(const yv_card_funding *card_funding);
/* Frees the record; NULL is ignored. */
YV_API void yv_card_funding_free(yv_card_funding *card_funding);

/* A card account: the holder's onboarding, KYC and wallet state. Accessors take a NULL record as
 * "absent"; strings are borrowed from it. */
typedef struct yv_card_account yv_card_account;
/* The card account's id: the {yativo_card_id} of the other calls; NULL when the answer has
 * none. */
YV_API const char *yv_card_account_id(const yv_card_account *card_account);
/* The holder's e-mail address; NULL when the answer has none. */
YV_API const char *yv_card_account_email(const yv_card_account *card_account);
/* The holder's first name; NULL when the answer has none. */
YV_API const char *yv_card_account_first_name(const yv_card_account *card_account);
/* The holder's last name; NULL when the answer has none. */
YV_API const char *yv_card_account_last_name(const yv_card_account *card_account);
/* The account's status; NULL when the answer has none. */
YV_API const char *yv_card_account_status(const yv_card_account *card_account);
/* The KYC status: pending, approved or rejected; NULL when the answer has none. */
YV_API const char *yv_card_account_kyc_status(const yv_card_account *card_account);
/* Whether the terms are accepted: true and *out (when out is not NULL) set when the answer has
 * it. */
YV_API bool yv_card_account_terms_accepted(const yv_card_account *card_account, bool *out);
/* Whether the card wallet is deployed: true and *out (when out is not NULL) set when the answer
 * has it. */
YV_API bool yv_card_account_safe_deployed(const yv_card_account *card_account, bool *out);
/* When it was opened; NULL when the answer has none. */
YV_API const char *yv_card_account_created_at(const yv_card_account *card_account);
/* The whole object as the server sent it, as compact JSON (numbers as strings); NULL when
 * memory ran out building it (every field is still there). */
YV_API const char *yv_card_account_json(const yv_card_account *card_account);
/* Frees the record; NULL is ignored. */
YV_API void yv_card_account_free(yv_card_account *card_account);

/* A card. Accessors take a NULL record as "absent"; strings are borrowed from it. */
typedef struct yv_card yv_card;
/* The card's id. */
YV_API const char *yv_card_id(const yv_card *card);
/* The card account it belongs to; NULL when the answer has none. */
YV_API const char *yv_card_yativo_card_id(const yv_card *card);
/* The customer it was issued to, for a customer's card; NULL when the answer has none. */
YV_API const char *yv_card_customer_id(const yv_card *card);
/* Virtual or physical; NULL when the answer has none. */
YV_API const char *yv_card_type(const yv_card *card);
/* Its status: active, frozen or voided; NULL when the answer has none. */
YV_API const char *yv_card_status(const yv_card *card);
/* The name shown for it; NULL when the answer has none. */
YV_API const char *yv_card_display_name(const yv_card *card);
/* The last four digits of its number; NULL when the answer has none. */
YV_API const char *yv_card_last4(const yv_card *card);
/* Its spending limit, exact; exact decimal text; NULL when the answer has none. */
YV_API const char *yv_card_spending_limit_amount(const yv_card *card);
/* How often the limit resets; NULL when the answer has none. */
YV_API const char *yv_card_spending_limit_frequency(const yv_card *card);
/* When it was created; NULL when the answer has none. */
YV_API const char *yv_card_created_at(const yv_card *card);
/* The whole object as the server sent it, as compact JSON (numbers as strings); NULL when
 * memory ran out building it (every field is still there). */
YV_API const char *yv_card_json(const yv_card *card);
/* Frees the record; NULL is ignored. */
YV_API void yv_card_free(yv_card *card);

/* A list of yv_card, in the server's order. */
typedef struct yv_card_list yv_card_list;
/* How many records the list holds; 0 for NULL. */
YV_API size_t yv_card_list_count(const yv_card_list *list);
/* Record i, borrowed from the list (freed with it); NULL when i is out of range. */
YV_API const yv_card *yv_card_list_get(const yv_card_list *list, size_t i);
/* Frees the list and its records; NULL is ignored. */
YV_API void yv_card_list_free(yv_card_list *list);

/* A card transaction: a spend, refund or funding. Accessors take a NULL record as "absent"; strings
 * are borrowed from it. */
typedef struct yv_card_transaction yv_card_transaction;
/* The transaction's id. */
YV_API const char *yv_card_transaction_id(const yv_card_transaction *card_transaction);
/* The card it was made with; NULL when the answer has none. */
YV_API const char *yv_card_transaction_card_id(const yv_card_transaction *card_transaction);
/* Its type: spend, refund, funding...; NULL when the answer has none. */
YV_API const char *yv_card_transaction_type(const yv_card_transaction *card_transaction);
/* Its status: pending, completed, declined...; NULL when the answer has none. */
YV_API const char *yv_card_transaction_status(const yv_card_transaction *card_transaction);
/* The amount, exact; exact decimal text; NULL when the answer has none. */
YV_API const char *yv_card_transaction_amount(const yv_card_transaction *card_transaction);
/* The currency; NULL when the answer has none. */
YV_API const char *yv_card_transaction_currency(const yv_card_transaction *card_transaction);
/* The merchant; NULL when the answer has none. */
YV_API const char *yv_card_transaction_merchant(const yv_card_transaction *card_transaction);
/* When it happened; NULL when the answer has none. */
YV_API const char *yv_card_transaction_created_at(const yv_card_transaction *card_transaction);
/* The whole object as the server sent it, as compact JSON (numbers as strings); NULL when
 * memory ran out building it (every field is still there). */
YV_API const char *yv_card_transaction_json(const yv_card_transaction *card_transaction);
/* Frees the record; NULL is ignored. */
YV_API void yv_card_transaction_free(yv_card_transaction *card_transaction);

/* A list of yv_card_transaction, in the server's order. */
typedef struct yv_card_transaction_list yv_card_transaction_list;
/* How many records the list holds; 0 for NULL. */
YV_API size_t yv_card_transaction_list_count(const yv_card_transaction_list *list);
/* Record i, borrowed from the list (freed with it); NULL when i is out of range. */
YV_API const yv_card_transaction *yv_card_transaction_list_get(const yv_card_transaction_list *list,
                                                               size_t i);
/* Frees the list and its records; NULL is ignored. */
YV_API void yv_card_transaction_list_free(yv_card_transaction_list *list);

/* A card wallet's spending limits, exact amounts. Accessors take a NULL record as "absent"; strings
 * are borrowed from it. */
typedef struct yv_spending_limits yv_spending_limits;
/* The daily limit; exact decimal text; NULL when the answer has none. */
YV_API const char *yv_spending_limits_daily_limit(const yv_spending_limits *spending_limits);
/* The monthly limit; exact decimal text; NULL when the answer has none. */
YV_API const char *yv_spending_limits_monthly_limit(const yv_spending_limits *spending_limits);
/* The limit of one transaction; exact decimal text; NULL when the answer has none. */
YV_API const char *yv_spending_limits_per_transaction_limit(
    const yv_spending_limits *spending_limits);
/* The currency of the limits; NULL when the answer has none. */
YV_API const char *yv_spending_limits_currency(const yv_spending_limits *spending_limits);
/* The whole object as the server sent it, as compact JSON (numbers as strings); NULL when
 * memory ran out building it (every field is still there). */
YV_API const char *yv_spending_limits_json(const yv_spending_limits *spending_limits);
/* Frees the record; NULL is ignored. */
YV_API void yv_spending_limits_free(yv_spending_limits *spending_limits);

/* A physical card order. Accessors take a NULL record as "absent"; strings are borrowed from it. */
typedef struct yv_card_order yv_card_order;
/* The order's id. */
YV_API const char *yv_card_order_id(const yv_card_order *card_order);
/* Its status: pending_payment, paid, shipped, delivered or cancelled; NULL when the answer has
 * none. */
YV_API const char *yv_card_order_status(const yv_card_order *card_order);
/* The card it makes, once issued; NULL when the answer has none. */
YV_API const char *yv_card_order_card_id(const yv_card_order *card_order);
/* The name embossed on the card; NULL when the answer has none. */
YV_API const char *yv_card_order_personalization(const yv_card_order *card_order);
/* What the order costs, exact; exact decimal text; NULL when the answer has none. */
YV_API const char *yv_card_order_amount(const yv_card_order *card_order);
/* The currency of the amount; NULL when the answer has none. */
YV_API const char *yv_card_order_currency(const yv_card_order *card_order);
/* When it was placed; NULL when the answer has none. */
YV_API const char *yv_card_order_created_at(const yv_card_order *card_order);
/* The whole object as the server sent it, as compact JSON (numbers as strings); NULL when
 * memory ran out building it (every field is still there). */
YV_API const char *yv_card_order_json(const yv_card_order *card_order);
/* Frees the record; NULL is ignored. */
YV_API void yv_card_order_free(yv_card_order *card_order);

/* A list of yv_card_order, in the server's order. */
typedef struct yv_card_order_list yv_card_order_list;
/* How many records the list holds; 0 for NULL. */
YV_API size_t yv_card_order_list_count(const yv_card_order_list *list);
/* Record i, borrowed from the list (freed with it); NULL when i is out of range. */
YV_API const yv_card_order *yv_card_order_list_get(const yv_card_order_list *list, size_t i);
/* Frees the list and its records; NULL is ignored. */
YV_API void yv_card_order_list_free(yv_card_order_list *list);

/* The answer to paying a physical card order: the order as the payment left it. idempotency_key is
 * always the key the call carried. Accessors take a NULL record as "absent"; strings are borrowed
 * from it. */
typedef struct yv_card_order_payment yv_card_order_payment;
/* The order paid; NULL when the answer has none. */
YV_API const char *yv_card_order_payment_order_id(const yv_card_order_payment *card_order_payment);
/* The payment's id, when the server gives it beside the order (the sandbox nests it:
 * raw["payment"]); NULL when the answer has none. */
YV_API const char *yv_card_order_payment_payment_id(
    const yv_card_order_payment *card_order_payment);
/* The order's status once paid (paid); NULL when the answer has none. */
YV_API const char *yv_card_order_payment_status(const yv_card_order_payment *card_order_payment);
/* The amount paid, exact, when the server gives it; exact decimal text; NULL when the answer
 * has none. */
YV_API const char *yv_card_order_payment_amount(const yv_card_order_payment *card_order_payment);
/* The currency paid in; NULL when the answer has none. */
YV_API const char *yv_card_order_payment_currency(const yv_card_order_payment *card_order_payment);
/* The Idempotency-Key the call carried (the caller's, or the one the core generated). */
YV_API const char *yv_card_order_payment_idempotency_key(
    const yv_card_order_payment *card_order_payment);
/* When the order was placed; NULL when the answer has none. */
YV_API const char *yv_card_order_payment_created_at(
    const yv_card_order_payment *card_order_payment);
/* The whole object as the server sent it, with the call's idempotency_key added when it names
 * none, as compact JSON (numbers as strings); NULL when memory ran out building it (every field
 * is still there). */
YV_API const char *yv_card_order_payment_json(const yv_card_order_payment *card_order_payment);
/* Frees the record; NULL is ignored. */
YV_API void yv_card_order_payment_free(yv_card_order_payment *card_order_payment);

/* A customer of the platform. Accessors take a NULL record as "absent"; strings are borrowed from
 * it. */
typedef struct yv_customer yv_customer;
/* The customer's id. */
YV_API const char *yv_customer_id(const yv_customer *customer);
/* The customer's e-mail address; NULL when the answer has none. */
YV_API const char *yv_customer_email(const yv_customer *customer);
/* The customer's name; NULL when the answer has none. */
YV_API const char *yv_customer_name(const yv_customer *customer);
/* The first name, when given apart; NULL when the answer has none. */
YV_API const char *yv_customer_first_name(const yv_customer *customer);
/* The last name, when given apart; NULL when the answer has none. */
YV_API const char *yv_customer_last_name(const yv_customer *customer);
/* The phone number; NULL when the answer has none. */
YV_API const char *yv_customer_phone(const yv_customer *customer);
/* The customer's status; NULL when the answer has none. */
YV_API const char *yv_customer_status(const yv_customer *customer);
/* When it was created; NULL when the answer has none. */
YV_API const char *yv_customer_created_at(const yv_customer *customer);
/* The whole object as the server sent it (metadata included), as compact JSON (numbers as
 * strings); NULL when memory ran out building it (every field is still there). */
YV_API const char *yv_customer_json(const yv_customer *customer);
/* Frees the record; NULL is ignored. */
YV_API void yv_customer_free(yv_customer *customer);

/* A list of yv_customer, in the server's order. */
typedef struct yv_customer_list yv_customer_list;
/* How many records the list holds; 0 for NULL. */
YV_API size_t yv_customer_list_count(const yv_customer_list *list);
/* Record i, borrowed from the list (freed with it); NULL when i is out of range. */
YV_API const yv_customer *yv_customer_list_get(const yv_customer_list *list, size_t i);
/* Frees the list and its records; NULL is ignored. */
YV_API void yv_customer_list_free(yv_customer_list *list);

/* Where an IBAN stands: onboarding, KYC, requested, active; with its number once issued. Accessors
 * take a NULL record as "absent"; strings are borrowed from it. */
typedef struct yv_iban_status yv_iban_status;
/* The IBAN onboarding's id; NULL when the answer has none. */
YV_API const char *yv_iban_status_id(const yv_iban_status *iban_status);
/* The lifecycle status (e.g. not_started, kyc_submitted, pending, active); NULL when the answer
 * has none. */
YV_API const char *yv_iban_status_status(const yv_iban_status *iban_status);
/* The KYC status; NULL when the answer has none. */
YV_API const char *yv_iban_status_kyc_status(const yv_iban_status *iban_status);
/* The IBAN, once issued; NULL when the answer has none. */
YV_API const char *yv_iban_status_iban(const yv_iban_status *iban_status);
/* The BIC of the issuing bank, once issued; NULL when the answer has none. */
YV_API const char *yv_iban_status_bic(const yv_iban_status *iban_status);
/* The account's currency (EUR); NULL when the answer has none. */
YV_API const char *yv_iban_status_currency(const yv_iban_status *iban_status);
/* The holder's e-mail address; NULL when the answer has none. */
YV_API const char *yv_iban_status_email(const yv_iban_status *iban_status);
/* The customer it belongs to, when it is a customer's; NULL when the answer has none. */
YV_API const char *yv_iban_status_customer_id(const yv_iban_status *iban_status);
/* When it last changed; NULL when the answer has none. */
YV_API const char *yv_iban_status_updated_at(const yv_iban_status *iban_status);
/* The whole object as the server sent it, as compact JSON (numbers as strings); NULL when
 * memory ran out building it (every field is still there). */
YV_API const char *yv_iban_status_json(const yv_iban_status *iban_status);
/* Frees the record; NULL is ignored. */
YV_API void yv_iban_status_free(yv_iban_status *iban_status);

/* A signed-in session. Its tokens are not here: the client keeps them (the access token
 * authenticates its later calls, the refresh token renews it). Accessors take a NULL record as
 * "absent"; strings are borrowed from it. */
typedef struct yv_session yv_session;
/* The type of the access token: Bearer; NULL when the answer has none. */
YV_API const char *yv_session_token_type(const yv_session *session);
/* Seconds until the access token expires: true and *out (when out is not NULL) set when the
 * answer has it. */
YV_API bool yv_session_expires_in(const yv_session *session, int64_t *out);
/* When the access token expires; NULL when the answer has none. */
YV_API const char *yv_session_expires_at(const yv_session *session);
/* Frees the record; NULL is ignored. */
YV_API void yv_session_free(yv_session *session);

/* A swap quote: what an execution of it would give, until it expires. Accessors take a NULL record
 * as "absent"; strings are borrowed from it. */
typedef struct yv_swap_quote yv_swap_quote;
/* The quote's id, for execute. */
YV_API const char *yv_swap_quote_id(const yv_swap_quote *swap_quote);
/* The asset debited, when the server names it; NULL when the answer has none. */
YV_API const char *yv_swap_quote_from_asset_id(const yv_swap_quote *swap_quote);
/* The asset credited, when the server names it; NULL when the answer has none. */
YV_API const char *yv_swap_quote_to_asset_id(const yv_swap_quote *swap_quote);
/* The chain swapped from; NULL when the answer has none. */
YV_API const char *yv_swap_quote_from_chain(const yv_swap_quote *swap_quote);
/* The token swapped from; NULL when the answer has none. */
YV_API const char *yv_swap_quote_from_ticker(const yv_swap_quote *swap_quote);
/* The chain swapped to; NULL when the answer has none. */
YV_API const char *yv_swap_quote_to_chain(const yv_swap_quote *swap_quote);
/* The token swapped to; NULL when the answer has none. */
YV_API const char *yv_swap_quote_to_ticker(const yv_swap_quote *swap_quote);
/* The amount swapped from, exact; exact decimal text; NULL when the answer has none. */
YV_API const char *yv_swap_quote_from_amount(const yv_swap_quote *swap_quote);
/* The amount it gives, exact; exact decimal text; NULL when the answer has none. */
YV_API const char *yv_swap_quote_to_amount(const yv_swap_quote *swap_quote);
/* The exchange rate; exact decimal text; NULL when the answer has none. */
YV_API const char *yv_swap_quote_rate(const yv_swap_quote *swap_quote);
/* The fee, when the server gives it as one amount; exact decimal text; NULL when the answer has
 * none. */
YV_API const char *yv_swap_quote_fee(const yv_swap_quote *swap_quote);
/* When the quote stops being executable; NULL when the answer has none. */
YV_API const char *yv_swap_quote_expires_at(const yv_swap_quote *swap_quote);
/* The whole object as the server sent it, as compact JSON (numbers as strings); NULL when
 * memory ran out building it (every field is still there). */
YV_API const char *yv_swap_quote_json(const yv_swap_quote *swap_quote);
/* Frees the record; NULL is ignored. */
YV_API void yv_swap_quote_free(yv_swap_quote *swap_quote);

/* The answer to swap execute. idempotency_key is always the key the call carried. Accessors take a
 * NULL record as "absent"; strings are borrowed from it. */
typedef struct yv_swap_execution yv_swap_execution;
/* The swap's id; NULL when the answer has none. */
YV_API const char *yv_swap_execution_id(const yv_swap_execution *swap_execution);
/* The quote it executed; NULL when the answer has none. */
YV_API const char *yv_swap_execution_quote_id(const yv_swap_execution *swap_execution);
/* Its status: pending, completed or failed; NULL when the answer has none. */
YV_API const char *yv_swap_execution_status(const yv_swap_execution *swap_execution);
/* The chain swapped from; NULL when the answer has none. */
YV_API const char *yv_swap_execution_from_chain(const yv_swap_execution *swap_execution);
/* The token swapped from; NULL when the answer has none. */
YV_API const char *yv_swap_execution_from_ticker(const yv_swap_execution *swap_execution);
/* The chain swapped to; NULL when the answer has none. */
YV_API const char *yv_swap_execution_to_chain(const yv_swap_execution *swap_execution);
/* The token swapped to; NULL when the answer has none. */
YV_API const char *yv_swap_execution_to_ticker(const yv_swap_execution *swap_execution);
/* The amount taken, exact; exact decimal text; NULL when the answer has none. */
YV_API const char *yv_swap_execution_from_amount(const yv_swap_execution *swap_execution);
/* The amount given, exact; exact decimal text; NULL when the answer has none. */
YV_API const char *yv_swap_execution_to_amount(const yv_swap_execution *swap_execution);
/* The fee taken from the source amount, exact; exact decimal text; NULL when the answer has
 * none. */
YV_API const char *yv_swap_execution_fee(const yv_swap_execution *swap_execution);
/* The rate applied; exact decimal text; NULL when the answer has none. */
YV_API const char *yv_swap_execution_rate(const yv_swap_execution *swap_execution);
/* The asset debited; NULL when the answer has none. */
YV_API const char *yv_swap_execution_from_asset_id(const yv_swap_execution *swap_execution);
/* The asset credited; NULL when the answer has none. */
YV_API const char *yv_swap_execution_to_asset_id(const yv_swap_execution *swap_execution);
/* Where the swapped funds went; NULL when the answer has none. */
YV_API const char *yv_swap_execution_to_address(const yv_swap_execution *swap_execution);
/* The hash of the debit, once known; NULL when the answer has none. */
YV_API const char *yv_swap_execution_from_tx_hash(const yv_swap_execution *swap_execution);
/* The hash of the credit, once known; NULL when the answer has none. */
YV_API const char *yv_swap_execution_to_tx_hash(const yv_swap_execution *swap_execution);
/* The Idempotency-Key the call carried (the caller's, or the one the core generated). */
YV_API const char *yv_swap_execution_idempotency_key(const yv_swap_execution *swap_execution);
/* When it was made; NULL when the answer has none. */
YV_API const char *yv_swap_execution_created_at(const yv_swap_execution *swap_execution);
/* The whole object as the server sent it, with the call's idempotency_key added when it names
 * none, as compact JSON (numbers as strings); NULL when memory ran out building it (every field
 * is still there). */
YV_API const char *yv_swap_execution_json(const yv_swap_execution *swap_execution);
/* Frees the record; NULL is ignored. */
YV_API void yv_swap_execution_free(yv_swap_execution *swap_execution);

/* One swap of the history. Accessors take a NULL record as "absent"; strings are borrowed from it.
 */
typedef struct yv_swap_history_item yv_swap_history_item;
/* The swap's id. */
YV_API const char *yv_swap_history_item_id(const yv_swap_history_item *swap_history_item);
/* The quote it executed; NULL when the answer has none. */
YV_API const char *yv_swap_history_item_quote_id(const yv_swap_history_item *swap_history_item);
/* Its status: pending, completed or failed; NULL when the answer has none. */
YV_API const char *yv_swap_history_item_status(const yv_swap_history_item *swap_history_item);
/* The chain swapped from; NULL when the answer has none. */
YV_API const char *yv_swap_history_item_from_chain(const yv_swap_history_item *swap_history_item);
/* The token swapped from; NULL when the answer has none. */
YV_API const char *yv_swap_history_item_from_ticker(const yv_swap_history_item *swap_history_item);
/* The chain swapped to; NULL when the answer has none. */
YV_API const char *yv_swap_history_item_to_chain(const yv_swap_history_item *swap_history_item);
/* The token swapped to; NULL when the answer has none. */
YV_API const char *yv_swap_history_item_to_ticker(const yv_swap_history_item *swap_history_item);
/* The amount taken, exact; exact decimal text; NULL when the answer has none. */
YV_API const char *yv_swap_history_item_from_amount(const yv_swap_history_item *swap_history_item);
/* The amount given, exact; exact decimal text; NULL when the answer has none. */
YV_API const char *yv_swap_history_item_to_amount(const yv_swap_history_item *swap_history_item);
/* When it was made; NULL when the answer has none. */
YV_API const char *yv_swap_history_item_created_at(const yv_swap_history_item *swap_history_item);
/* The whole object as the server sent it, as compact JSON (numbers as strings); NULL when
 * memory ran out building it (every field is still there). */
YV_API const char *yv_swap_history_item_json(const yv_swap_history_item *swap_history_item);
/* Frees the record; NULL is ignored. */
YV_API void yv_swap_history_item_free(yv_swap_history_item *swap_history_item);

/* A list of yv_swap_history_item, in the server's order. */
typedef struct yv_swap_history_item_list yv_swap_history_item_list;
/* How many records the list holds; 0 for NULL. */
YV_API size_t yv_swap_history_item_list_count(const yv_swap_history_item_list *list);
/* Record i, borrowed from the list (freed with it); NULL when i is out of range. */
YV_API const yv_swap_history_item *yv_swap_history_item_list_get(
    const yv_swap_history_item_list *list, size_t i);
/* Frees the list and its records; NULL is ignored. */
YV_API void yv_swap_history_item_list_free(yv_swap_history_item_list *list);

/* One delivery of an event to a webhook, with its attempts so far. Accessors take a NULL record as
 * "absent"; strings are borrowed from it. */
typedef struct yv_webhook_delivery yv_webhook_delivery;
/* The delivery's id. */
YV_API const char *yv_webhook_delivery_id(const yv_webhook_delivery *webhook_delivery);
/* The event's id (the same in every delivery of the event); NULL when the answer has none. */
YV_API const char *yv_webhook_delivery_event_id(const yv_webhook_delivery *webhook_delivery);
/* The event's type, e.g. transaction.confirmed; NULL when the answer has none. */
YV_API const char *yv_webhook_delivery_type(const yv_webhook_delivery *webhook_delivery);
/* The webhook it went to; NULL when the answer has none. */
YV_API const char *yv_webhook_delivery_webhook_id(const yv_webhook_delivery *webhook_delivery);
/* Pending, delivered or failed; NULL when the answer has none. */
YV_API const char *yv_webhook_delivery_status(const yv_webhook_delivery *webhook_delivery);
/* How many attempts were made: true and *out (when out is not NULL) set when the answer has it. */
YV_API bool yv_webhook_delivery_attempts(const yv_webhook_delivery *webhook_delivery, int64_t *out);
/* The HTTP status of the last attempt: true and *out (when out is not NULL) set when the answer
 * has it. */
YV_API bool yv_webhook_delivery_last_status_code(const yv_webhook_delivery *webhook_delivery,
                                                 int64_t *out);
/* Why the last attempt failed; NULL when the answer has none. */
YV_API const char *yv_webhook_delivery_last_error(const yv_webhook_delivery *webhook_delivery);
/* When the event was queued; NULL when the answer has none. */
YV_API const char *yv_webhook_delivery_created_at(const yv_webhook_delivery *webhook_delivery);
/* When it was delivered; NULL when the answer has none. */
YV_API const char *yv_webhook_delivery_delivered_at(const yv_webhook_delivery *webhook_delivery);
/* The whole object as the server sent it (the attempts' history and the payload included), as
 * compact JSON (numbers as strings); NULL when memory ran out building it (every field is still
 * there). */
YV_API const char *yv_webhook_delivery_json(const yv_webhook_delivery *webhook_delivery);
/* Frees the record; NULL is ignored. */
YV_API void yv_webhook_delivery_free(yv_webhook_delivery *webhook_delivery);

/* A list of yv_webhook_delivery, in the server's order. */
typedef struct yv_webhook_delivery_list yv_webhook_delivery_list;
/* How many records the list holds; 0 for NULL. */
YV_API size_t yv_webhook_delivery_list_count(const yv_webhook_delivery_list *list);
/* Record i, borrowed from the list (freed with it); NULL when i is out of range. */
YV_API const yv_webhook_delivery *yv_webhook_delivery_list_get(const yv_webhook_delivery_list *list,
                                                               size_t i);
/* Frees the list and its records; NULL is ignored. */
YV_API void yv_webhook_delivery_list_free(yv_webhook_delivery_list *list);
/* END GENERATED: records */

/* ---------------------------------------------------------------------------------------------
 * Completion callbacks of the _start functions (see "Event loop") by result type: the callback
 * owns the result (NULL unless YV_OK) and the error (NULL on YV_OK). Since 0.2.0.
 * ------------------------------------------------------------------------------------------- */

/* BEGIN GENERATED: completions (python3 -m codegen from api/endpoints.toml; do not edit) */
/* The completion of a call returning a yv_api_key: result freed with yv_api_key_free. */
typedef void (*yv_api_key_done_fn)(void *user_data, yv_status status, yv_api_key *result,
                                   yv_error *err);
/* The completion of a call returning a yv_api_key_list: result freed with yv_api_key_list_free. */
typedef void (*yv_api_key_list_done_fn)(void *user_data, yv_status status, yv_api_key_list *result,
                                        yv_error *err);
/* The completion of a call returning a yv_webhook: result freed with yv_webhook_free. */
typedef void (*yv_webhook_done_fn)(void *user_data, yv_status status, yv_webhook *result,
                                   yv_error *err);
/* The completion of a call returning a yv_webhook_list: result freed with yv_webhook_list_free. */
typedef void (*yv_webhook_list_done_fn)(void *user_data, yv_status status, yv_webhook_list *result,
                                        yv_error *err);
/* The completion of a call returning a yv_account: result freed with yv_account_free. */
typedef void (*yv_account_done_fn)(void *user_data, yv_status status, yv_account *result,
                                   yv_error *err);
/* The completion of a call returning a yv_account_list: result freed with yv_account_list_free. */
typedef void (*yv_account_list_done_fn)(void *user_data, yv_status status, yv_account_list *result,
                                        yv_error *err);
/* The completion of a call returning a yv_asset: result freed with yv_asset_free. */
typedef void (*yv_asset_done_fn)(void *user_data, yv_status status, yv_asset *result,
                                 yv_error *err);
/* The completion of a call returning a yv_asset_list: result freed with yv_asset_list_free. */
typedef void (*yv_asset_list_done_fn)(void *user_data, yv_status status, yv_asset_list *result,
                                      yv_error *err);
/* The completion of a call returning a yv_balance: result freed with yv_balance_free. */
typedef void (*yv_balance_done_fn)(void *user_data, yv_status status, yv_balance *result,
                                   yv_error *err);
/* The completion of a call returning a yv_transfer: result freed with yv_transfer_free. */
typedef void (*yv_transfer_done_fn)(void *user_data, yv_status status, yv_transfer *result,
                                    yv_error *err);
/* The completion of a call returning a yv_transaction: result freed with yv_transaction_free. */
typedef void (*yv_transaction_done_fn)(void *user_data, yv_status status, yv_transaction *result,
                                       yv_error *err);
/* The completion of a call returning a yv_transaction_list: result freed with
 * yv_transaction_list_free. */
typedef void (*yv_transaction_list_done_fn)(void *user_data, yv_status status,
                                            yv_transaction_list *result, yv_error *err);
/* The completion of a call returning a yv_auto_forwarding_rule: result freed with
 * yv_auto_forwarding_rule_free. */
typedef void (*yv_auto_forwarding_rule_done_fn)(void *user_data, yv_status status,
                                                yv_auto_forwarding_rule *result, yv_error *err);
/* The completion of a call returning a yv_auto_forwarding_rule_list: result freed with
 * yv_auto_forwarding_rule_list_free. */
typedef void (*yv_auto_forwarding_rule_list_done_fn)(void *user_data, yv_status status,
                                                     yv_auto_forwarding_rule_list *result,
                                                     yv_error *err);
/* The completion of a call returning a yv_card_funding: result freed with yv_card_funding_free. */
typedef void (*yv_card_funding_done_fn)(void *user_data, yv_status status, yv_card_funding *result,
                                        yv_error *err);
/* The completion of a call returning a yv_card_account: result freed with yv_card_account_free. */
typedef void (*yv_card_account_done_fn)(void *user_data, yv_status status, yv_card_account *result,
                                        yv_error *err);
/* The completion of a call returning a yv_card: result freed with yv_card_free. */
typedef void (*yv_card_done_fn)(void *user_data, yv_status status, yv_card *result, yv_error *err);
/* The completion of a call returning a yv_card_list: result freed with yv_card_list_free. */
typedef void (*yv_card_list_done_fn)(void *user_data, yv_status status, yv_card_list *result,
                                     yv_error *err);
/* The completion of a call returning a yv_card_transaction_list: result freed with
 * yv_card_transaction_list_free. */
typedef void (*yv_card_transaction_list_done_fn)(void *user_data, yv_status status,
                                                 yv_card_transaction_list *result, yv_error *err);
/* The completion of a call returning a yv_spending_limits: result freed with
 * yv_spending_limits_free. */
typedef void (*yv_spending_limits_done_fn)(void *user_data, yv_status status,
                                           yv_spending_limits *result, yv_error *err);
/* The completion of a call returning a yv_card_order: result freed with yv_card_order_free. */
typedef void (*yv_card_order_done_fn)(void *user_data, yv_status status, yv_card_order *result,
                                      yv_error *err);
/* The completion of a call returning a yv_card_order_list: result freed with
 * yv_card_order_list_free. */
typedef void (*yv_card_order_list_done_fn)(void *user_data, yv_status status,
                                           yv_card_order_list *result, yv_error *err);
/* The completion of a call returning a yv_card_order_payment: result freed with
 * yv_card_order_payment_free. */
typedef void (*yv_card_order_payment_done_fn)(void *user_data, yv_status status,
                                              yv_card_order_payment *result, yv_error *err);
/* The completion of a call returning a yv_customer: result freed with yv_customer_free. */
typedef void (*yv_customer_done_fn)(void *user_data, yv_status status, yv_customer *result,
                                    yv_error *err);
/* The completion of a call returning a yv_customer_list: result freed with yv_customer_list_free.
 */
typedef void (*yv_customer_list_done_fn)(void *user_data, yv_status status,
                                         yv_customer_list *result, yv_error *err);
/* The completion of a call returning a yv_iban_status: result freed with yv_iban_status_free. */
typedef void (*yv_iban_status_done_fn)(void *user_data, yv_status status, yv_iban_status *result,
                                       yv_error *err);
/* The completion of a call returning a yv_session: result freed with yv_session_free. */
typedef void (*yv_session_done_fn)(void *user_data, yv_status status, yv_session *result,
                                   yv_error *err);
/* The completion of a call returning a yv_swap_quote: result freed with yv_swap_quote_free. */
typedef void (*yv_swap_quote_done_fn)(void *user_data, yv_status status, yv_swap_quote *result,
                                      yv_error *err);
/* The completion of a call returning a yv_swap_execution: result freed with yv_swap_execution_free.
 */
typedef void (*yv_swap_execution_done_fn)(void *user_data, yv_status status,
                                          yv_swap_execution *result, yv_error *err);
/* The completion of a call returning a yv_swap_history_item_list: result freed with
 * yv_swap_history_item_list_free. */
typedef void (*yv_swap_history_item_list_done_fn)(void *user_data, yv_status status,
                                                  yv_swap_history_item_list *result, yv_error *err);
/* The completion of a call returning a yv_webhook_delivery_list: result freed with
 * yv_webhook_delivery_list_free. */
typedef void (*yv_webhook_delivery_list_done_fn)(void *user_data, yv_status status,
                                                 yv_webhook_delivery_list *result, yv_error *err);
/* END GENERATED: completions */

/* ---------------------------------------------------------------------------------------------
 * Endpoints: one function per call of the API, each described in api/endpoints.toml. Every one
 * takes the client, its parameters (NULL / 0 = unset for optional ones: the library applies the
 * default), the per-call options (NULL = defaults), its outputs (set only on YV_OK; the caller
 * frees them) and an optional yv_error.
 * JSON outputs hold every number of the payload as a string ("1250.000000"), so amounts never
 * pass through a double.
 * ------------------------------------------------------------------------------------------- */

/* BEGIN GENERATED: endpoints (python3 -m codegen from api/endpoints.toml; do not edit) */

/* --- api_keys: API key management. Writes send X-2FA-Token: the call's code or the client's TOTP
 * source. */

/* Creates an API key. Its api_secret is in this answer only.
 * POST /apikey/create; a write: retried only with the call's idempotency key.
 * Sends X-2FA-Token: the call's code, or one from the client's TOTP secret.
 * name: a name to recognise the key by.
 * permissions: scopes: read, write, transactions, webhooks (permissions_count strings).
 * expires_in_days: days until the key expires; unset = never (0 = unset).
 * allowed_ips: the IP addresses or CIDR blocks the key may be used from; unset = any
 * (allowed_ips_count strings) (NULL = unset).
 * *out: a yv_api_key the caller frees with yv_api_key_free. */
YV_API yv_status yv_client_create_api_key(yv_client *client, const char *name,
                                          const char *const *permissions, size_t permissions_count,
                                          uint32_t expires_in_days, const char *const *allowed_ips,
                                          size_t allowed_ips_count, const yv_call *call,
                                          yv_api_key **out, yv_error **err);
/* yv_client_create_api_key without blocking (see "Event loop"): done gets a yv_api_key (freed with
 * yv_api_key_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_create_api_key_start(yv_loop *loop, yv_client *client, const char *name,
                                                const char *const *permissions,
                                                size_t permissions_count, uint32_t expires_in_days,
                                                const char *const *allowed_ips,
                                                size_t allowed_ips_count, const yv_call *call,
                                                yv_api_key_done_fn done, void *user_data,
                                                yv_pending **pending, yv_error **err);

/* Every API key of the account, without secrets.
 * GET /apikey/list; read-only (safe to repeat).
 * *out: a yv_api_key_list the caller frees with yv_api_key_list_free. */
YV_API yv_status yv_client_list_api_keys(yv_client *client, const yv_call *call,
                                         yv_api_key_list **out, yv_error **err);
/* yv_client_list_api_keys without blocking (see "Event loop"): done gets a yv_api_key_list (freed
 * with yv_api_key_list_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_list_api_keys_start(yv_loop *loop, yv_client *client,
                                               const yv_call *call, yv_api_key_list_done_fn done,
                                               void *user_data, yv_pending **pending,
                                               yv_error **err);

/* One API key, without its secret.
 * GET /apikey/{key_id}; read-only (safe to repeat).
 * key_id: the key's id.
 * *out: a yv_api_key the caller frees with yv_api_key_free. */
YV_API yv_status yv_client_get_api_key(yv_client *client, const char *key_id, const yv_call *call,
                                       yv_api_key **out, yv_error **err);
/* yv_client_get_api_key without blocking (see "Event loop"): done gets a yv_api_key (freed with
 * yv_api_key_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_get_api_key_start(yv_loop *loop, yv_client *client, const char *key_id,
                                             const yv_call *call, yv_api_key_done_fn done,
                                             void *user_data, yv_pending **pending, yv_error **err);

/* Issues a new api_secret (in this answer only); the old one stops working at once.
 * POST /apikey/{key_id}/rotate; a write: retried only with the call's idempotency key.
 * Sends X-2FA-Token: the call's code, or one from the client's TOTP secret.
 * key_id: the key's id.
 * *out: a yv_api_key the caller frees with yv_api_key_free. */
YV_API yv_status yv_client_rotate_api_key(yv_client *client, const char *key_id,
                                          const yv_call *call, yv_api_key **out, yv_error **err);
/* yv_client_rotate_api_key without blocking (see "Event loop"): done gets a yv_api_key (freed with
 * yv_api_key_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_rotate_api_key_start(yv_loop *loop, yv_client *client,
                                                const char *key_id, const yv_call *call,
                                                yv_api_key_done_fn done, void *user_data,
                                                yv_pending **pending, yv_error **err);

/* Replaces the key's whole set of scopes.
 * PUT /apikey/{key_id}/permissions; a write: retried only with the call's idempotency key.
 * Sends X-2FA-Token: the call's code, or one from the client's TOTP secret.
 * key_id: the key's id.
 * permissions: the new scopes (permissions_count strings).
 * *out: a yv_api_key the caller frees with yv_api_key_free. */
YV_API yv_status yv_client_update_api_key_permissions(yv_client *client, const char *key_id,
                                                      const char *const *permissions,
                                                      size_t permissions_count, const yv_call *call,
                                                      yv_api_key **out, yv_error **err);
/* yv_client_update_api_key_permissions without blocking (see "Event loop"): done gets a yv_api_key
 * (freed with yv_api_key_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_update_api_key_permissions_start(
    yv_loop *loop, yv_client *client, const char *key_id, const char *const *permissions,
    size_t permissions_count, const yv_call *call, yv_api_key_done_fn done, void *user_data,
    yv_pending **pending, yv_error **err);

/* Revokes the key: it stops working at once.
 * POST /apikey/{key_id}/revoke; a write: retried only with the call's idempotency key.
 * Sends X-2FA-Token: the call's code, or one from the client's TOTP secret.
 * key_id: the key's id. */
YV_API yv_status yv_client_revoke_api_key(yv_client *client, const char *key_id,
                                          const yv_call *call, yv_error **err);
/* yv_client_revoke_api_key without blocking (see "Event loop"): done gets no result or the error.
 * pending may be NULL. */
YV_API yv_status yv_client_revoke_api_key_start(yv_loop *loop, yv_client *client,
                                                const char *key_id, const yv_call *call,
                                                yv_done_fn done, void *user_data,
                                                yv_pending **pending, yv_error **err);

/* --- accounts: Accounts hold assets. */

/* The accounts of the user.
 * GET /accounts/get-accounts; read-only (safe to repeat).
 * *out: a yv_account_list the caller frees with yv_account_list_free. */
YV_API yv_status yv_client_list_accounts(yv_client *client, const yv_call *call,
                                         yv_account_list **out, yv_error **err);
/* yv_client_list_accounts without blocking (see "Event loop"): done gets a yv_account_list (freed
 * with yv_account_list_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_list_accounts_start(yv_loop *loop, yv_client *client,
                                               const yv_call *call, yv_account_list_done_fn done,
                                               void *user_data, yv_pending **pending,
                                               yv_error **err);

/* Creates an account.
 * POST /accounts/create-account; a write: retried only with the call's idempotency key.
 * account_name: the account's name.
 * account_type: the account's type; NULL = "business".
 * *out: a yv_account the caller frees with yv_account_free. */
YV_API yv_status yv_client_create_account(yv_client *client, const char *account_name,
                                          const char *account_type, const yv_call *call,
                                          yv_account **out, yv_error **err);
/* yv_client_create_account without blocking (see "Event loop"): done gets a yv_account (freed with
 * yv_account_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_create_account_start(yv_loop *loop, yv_client *client,
                                                const char *account_name, const char *account_type,
                                                const yv_call *call, yv_account_done_fn done,
                                                void *user_data, yv_pending **pending,
                                                yv_error **err);

/* The wallet connections of one account, or of every account.
 * GET /accounts/get-connections; read-only (safe to repeat).
 * account_id: the account's id; unset = every account (NULL = unset).
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_get_account_connections(yv_client *client, const char *account_id,
                                                   const yv_call *call, yv_buffer **out,
                                                   yv_error **err);
/* yv_client_get_account_connections without blocking (see "Event loop"): done gets a yv_buffer
 * (freed with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_get_account_connections_start(yv_loop *loop, yv_client *client,
                                                         const char *account_id,
                                                         const yv_call *call,
                                                         yv_buffer_done_fn done, void *user_data,
                                                         yv_pending **pending, yv_error **err);

/* Connects an account to chains (every supported chain when none are named); a chain already
 * connected stays as it was.
 * POST /accounts/create-connections; a write: retried only with the call's idempotency key.
 * account_id: the account's id.
 * chains: the chains to connect; unset = every supported chain (chains_count strings) (NULL =
 * unset).
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_create_account_connections(yv_client *client, const char *account_id,
                                                      const char *const *chains,
                                                      size_t chains_count, const yv_call *call,
                                                      yv_buffer **out, yv_error **err);
/* yv_client_create_account_connections without blocking (see "Event loop"): done gets a yv_buffer
 * (freed with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_create_account_connections_start(
    yv_loop *loop, yv_client *client, const char *account_id, const char *const *chains,
    size_t chains_count, const yv_call *call, yv_buffer_done_fn done, void *user_data,
    yv_pending **pending, yv_error **err);

/* The accounts of a user (yourself); a customer holds wallets, not accounts.
 * POST /accounts/get-user-accounts; read-only (safe to repeat).
 * user_id: the user's or customer's id.
 * *out: a yv_account_list the caller frees with yv_account_list_free. */
YV_API yv_status yv_client_list_user_accounts(yv_client *client, const char *user_id,
                                              const yv_call *call, yv_account_list **out,
                                              yv_error **err);
/* yv_client_list_user_accounts without blocking (see "Event loop"): done gets a yv_account_list
 * (freed with yv_account_list_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_list_user_accounts_start(yv_loop *loop, yv_client *client,
                                                    const char *user_id, const yv_call *call,
                                                    yv_account_list_done_fn done, void *user_data,
                                                    yv_pending **pending, yv_error **err);

/* --- assets: Assets: one chain and token within an account. */

/* Adds an asset (a chain and token, with its deposit address) to an account.
 * POST /assets/add-asset; a write: retried only with the call's idempotency key.
 * account_id: the account's id.
 * chain: the chain, e.g. ethereum, solana.
 * ticker: the token, e.g. USDC.
 * *out: a yv_asset the caller frees with yv_asset_free. */
YV_API yv_status yv_client_add_asset(yv_client *client, const char *account_id, const char *chain,
                                     const char *ticker, const yv_call *call, yv_asset **out,
                                     yv_error **err);
/* yv_client_add_asset without blocking (see "Event loop"): done gets a yv_asset (freed with
 * yv_asset_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_add_asset_start(yv_loop *loop, yv_client *client, const char *account_id,
                                           const char *chain, const char *ticker,
                                           const yv_call *call, yv_asset_done_fn done,
                                           void *user_data, yv_pending **pending, yv_error **err);

/* The assets of one account, or of every account.
 * POST /assets/get-user-assets; read-only (safe to repeat).
 * account_id: the account's id; unset = every account (NULL = unset).
 * *out: a yv_asset_list the caller frees with yv_asset_list_free. */
YV_API yv_status yv_client_list_assets(yv_client *client, const char *account_id,
                                       const yv_call *call, yv_asset_list **out, yv_error **err);
/* yv_client_list_assets without blocking (see "Event loop"): done gets a yv_asset_list (freed with
 * yv_asset_list_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_list_assets_start(yv_loop *loop, yv_client *client,
                                             const char *account_id, const yv_call *call,
                                             yv_asset_list_done_fn done, void *user_data,
                                             yv_pending **pending, yv_error **err);

/* The catalogue of supported assets: chain, ticker, decimals, price.
 * GET /assets/get-all-assets; read-only (safe to repeat).
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_list_supported_assets(yv_client *client, const yv_call *call,
                                                 yv_buffer **out, yv_error **err);
/* yv_client_list_supported_assets without blocking (see "Event loop"): done gets a yv_buffer (freed
 * with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_list_supported_assets_start(yv_loop *loop, yv_client *client,
                                                       const yv_call *call, yv_buffer_done_fn done,
                                                       void *user_data, yv_pending **pending,
                                                       yv_error **err);

/* The supported chains: id, name, explorer.
 * GET /assets/get-chains; read-only (safe to repeat).
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_list_chains(yv_client *client, const yv_call *call, yv_buffer **out,
                                       yv_error **err);
/* yv_client_list_chains without blocking (see "Event loop"): done gets a yv_buffer (freed with
 * yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_list_chains_start(yv_loop *loop, yv_client *client, const yv_call *call,
                                             yv_buffer_done_fn done, void *user_data,
                                             yv_pending **pending, yv_error **err);

/* Adds several assets to an account at once: chains[i] with tickers[i]; all or none are added.
 * POST /assets/batch-add-asset; a write: retried only with the call's idempotency key.
 * account_id: the account's id.
 * chains: the chains, e.g. solana, ethereum (chains_count strings).
 * tickers: the token of each chain, in the same order; unset = each chain's native token
 * (tickers_count strings) (NULL = unset).
 * *out: a yv_asset_list the caller frees with yv_asset_list_free. */
YV_API yv_status yv_client_add_assets(yv_client *client, const char *account_id,
                                      const char *const *chains, size_t chains_count,
                                      const char *const *tickers, size_t tickers_count,
                                      const yv_call *call, yv_asset_list **out, yv_error **err);
/* yv_client_add_assets without blocking (see "Event loop"): done gets a yv_asset_list (freed with
 * yv_asset_list_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_add_assets_start(yv_loop *loop, yv_client *client,
                                            const char *account_id, const char *const *chains,
                                            size_t chains_count, const char *const *tickers,
                                            size_t tickers_count, const yv_call *call,
                                            yv_asset_list_done_fn done, void *user_data,
                                            yv_pending **pending, yv_error **err);

/* The assets of a user (yourself) or of one of your customers.
 * POST /assets/get-user-assets-by-id; read-only (safe to repeat).
 * user_id: the user's or customer's id.
 * *out: a yv_asset_list the caller frees with yv_asset_list_free. */
YV_API yv_status yv_client_list_user_assets(yv_client *client, const char *user_id,
                                            const yv_call *call, yv_asset_list **out,
                                            yv_error **err);
/* yv_client_list_user_assets without blocking (see "Event loop"): done gets a yv_asset_list (freed
 * with yv_asset_list_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_list_user_assets_start(yv_loop *loop, yv_client *client,
                                                  const char *user_id, const yv_call *call,
                                                  yv_asset_list_done_fn done, void *user_data,
                                                  yv_pending **pending, yv_error **err);

/* Archives an asset: it leaves the lists and can no longer send; deposits still credit it.
 * POST /assets/archive-asset; a write: retried only with the call's idempotency key.
 * asset_id: the asset's id.
 * *out: a yv_asset the caller frees with yv_asset_free. */
YV_API yv_status yv_client_archive_asset(yv_client *client, const char *asset_id,
                                         const yv_call *call, yv_asset **out, yv_error **err);
/* yv_client_archive_asset without blocking (see "Event loop"): done gets a yv_asset (freed with
 * yv_asset_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_archive_asset_start(yv_loop *loop, yv_client *client,
                                               const char *asset_id, const yv_call *call,
                                               yv_asset_done_fn done, void *user_data,
                                               yv_pending **pending, yv_error **err);

/* Adds a gas-station wallet for a chain: it pays the gas of your transfers on that chain.
 * POST /assets/add-station-asset; a write: retried only with the call's idempotency key.
 * chain: the chain.
 * ticker: the chain's native token, e.g. ETH.
 * *out: a yv_asset the caller frees with yv_asset_free. */
YV_API yv_status yv_client_add_gas_station(yv_client *client, const char *chain, const char *ticker,
                                           const yv_call *call, yv_asset **out, yv_error **err);
/* yv_client_add_gas_station without blocking (see "Event loop"): done gets a yv_asset (freed with
 * yv_asset_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_add_gas_station_start(yv_loop *loop, yv_client *client,
                                                 const char *chain, const char *ticker,
                                                 const yv_call *call, yv_asset_done_fn done,
                                                 void *user_data, yv_pending **pending,
                                                 yv_error **err);

/* Your gas-station wallets.
 * POST /assets/get-station-assets; read-only (safe to repeat).
 * *out: a yv_asset_list the caller frees with yv_asset_list_free. */
YV_API yv_status yv_client_list_gas_stations(yv_client *client, const yv_call *call,
                                             yv_asset_list **out, yv_error **err);
/* yv_client_list_gas_stations without blocking (see "Event loop"): done gets a yv_asset_list (freed
 * with yv_asset_list_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_list_gas_stations_start(yv_loop *loop, yv_client *client,
                                                   const yv_call *call, yv_asset_list_done_fn done,
                                                   void *user_data, yv_pending **pending,
                                                   yv_error **err);

/* Adds a wallet (a chain and token) for one of your customers.
 * POST /assets/add-customer-asset; a write: retried only with the call's idempotency key.
 * customer_id: the customer's id.
 * chain: the chain.
 * ticker: the token, e.g. USDC_SOL.
 * *out: a yv_asset the caller frees with yv_asset_free. */
YV_API yv_status yv_client_add_customer_asset(yv_client *client, const char *customer_id,
                                              const char *chain, const char *ticker,
                                              const yv_call *call, yv_asset **out, yv_error **err);
/* yv_client_add_customer_asset without blocking (see "Event loop"): done gets a yv_asset (freed
 * with yv_asset_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_add_customer_asset_start(yv_loop *loop, yv_client *client,
                                                    const char *customer_id, const char *chain,
                                                    const char *ticker, const yv_call *call,
                                                    yv_asset_done_fn done, void *user_data,
                                                    yv_pending **pending, yv_error **err);

/* The wallets of one customer, or of every customer.
 * POST /assets/get-customer-assets; read-only (safe to repeat).
 * customer_id: the customer's id; unset = every customer (NULL = unset).
 * *out: a yv_asset_list the caller frees with yv_asset_list_free. */
YV_API yv_status yv_client_list_customer_assets(yv_client *client, const char *customer_id,
                                                const yv_call *call, yv_asset_list **out,
                                                yv_error **err);
/* yv_client_list_customer_assets without blocking (see "Event loop"): done gets a yv_asset_list
 * (freed with yv_asset_list_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_list_customer_assets_start(yv_loop *loop, yv_client *client,
                                                      const char *customer_id, const yv_call *call,
                                                      yv_asset_list_done_fn done, void *user_data,
                                                      yv_pending **pending, yv_error **err);

/* --- balance: Balances of assets. */

/* The balance of one asset; amounts are exact decimal text.
 * POST /balance/check; read-only (safe to repeat).
 * asset_id: the asset's id.
 * *out: a yv_balance the caller frees with yv_balance_free. */
YV_API yv_status yv_client_check_balance(yv_client *client, const char *asset_id,
                                         const yv_call *call, yv_balance **out, yv_error **err);
/* yv_client_check_balance without blocking (see "Event loop"): done gets a yv_balance (freed with
 * yv_balance_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_check_balance_start(yv_loop *loop, yv_client *client,
                                               const char *asset_id, const yv_call *call,
                                               yv_balance_done_fn done, void *user_data,
                                               yv_pending **pending, yv_error **err);

/* --- transactions: Gas prices, transfers and the transaction history. */

/* A gas price estimate for a chain.
 * POST /transactions/get-gas-price; read-only (safe to repeat).
 * chain: the chain.
 * priority: low, medium or high (slow and fast are aliases); NULL = "medium".
 * amount_usd: the amount to be sent, in US dollars, that the estimate is for; NULL = unset.
 * asset_id: the asset to be sent (the fee is charged in it); NULL = unset.
 * token_symbol: the token to be sent, such as USDC; NULL = unset.
 * extra_fields_json: further body fields, as a JSON object; NULL = unset.
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_gas_price(yv_client *client, const char *chain, const char *priority,
                                     const char *amount_usd, const char *asset_id,
                                     const char *token_symbol, const char *extra_fields_json,
                                     const yv_call *call, yv_buffer **out, yv_error **err);
/* yv_client_gas_price without blocking (see "Event loop"): done gets a yv_buffer (freed with
 * yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_gas_price_start(yv_loop *loop, yv_client *client, const char *chain,
                                           const char *priority, const char *amount_usd,
                                           const char *asset_id, const char *token_symbol,
                                           const char *extra_fields_json, const yv_call *call,
                                           yv_buffer_done_fn done, void *user_data,
                                           yv_pending **pending, yv_error **err);

/* The parameters of yv_client_send_funds, set one by one; yv_send_free frees it. */
typedef struct yv_send yv_send;
/* New parameters, every one unset; *out is freed with yv_send_free. */
YV_API yv_status yv_send_new(yv_send **out, yv_error **err);
/* Frees the parameters; NULL is ignored. */
YV_API void yv_send_free(yv_send *params);
/* The account's id. */
YV_API yv_status yv_send_set_account(yv_send *params, const char *value, yv_error **err);
/* The id of the asset to send from. */
YV_API yv_status yv_send_set_assets(yv_send *params, const char *value, yv_error **err);
/* The destination address, checked against the chain. */
YV_API yv_status yv_send_set_receiving_address(yv_send *params, const char *value, yv_error **err);
/* The amount, > 0, at most 18 decimals. */
YV_API yv_status yv_send_set_amount(yv_send *params, const char *value, yv_error **err);
/* The token symbol (USDC for a USDC_SOL asset). */
YV_API yv_status yv_send_set_type(yv_send *params, const char *value, yv_error **err);
/* The chain. */
YV_API yv_status yv_send_set_chain(yv_send *params, const char *value, yv_error **err);
/* The transfer's category. */
YV_API yv_status yv_send_set_category(yv_send *params, const char *value, yv_error **err);
/* Low, medium or high (slow and fast are aliases); default "medium" ("" = unset). */
YV_API yv_status yv_send_set_priority(yv_send *params, const char *value, yv_error **err);
/* A note kept with the transfer; unset by default ("" = unset). */
YV_API yv_status yv_send_set_description(yv_send *params, const char *value, yv_error **err);
/* Pay gas from the asset itself; default false. */
YV_API yv_status yv_send_set_use_self_funding(yv_send *params, bool value, yv_error **err);

/* Sends funds. Always carries an Idempotency-Key (the call's, or one the core generates),
 * returned with the result and on every error; after an error whose outcome is unknown, call
 * again with that key: the transfer happens once.
 * POST /transactions/send-funds; moves value: always carries an Idempotency-Key (the call's,
 * else a new UUIDv4), in the result and, on failure, in yv_error_idempotency_key().
 * Sends X-2FA-Token when the call has a code, or from the TOTP secret when the server asks.
 * *out: a yv_transfer the caller frees with yv_transfer_free. */
YV_API yv_status yv_client_send_funds(yv_client *client, const yv_send *params, const yv_call *call,
                                      yv_transfer **out, yv_error **err);
/* yv_client_send_funds without blocking (see "Event loop"): done gets a yv_transfer (freed with
 * yv_transfer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_send_funds_start(yv_loop *loop, yv_client *client, const yv_send *params,
                                            const yv_call *call, yv_transfer_done_fn done,
                                            void *user_data, yv_pending **pending, yv_error **err);

/* The parameters of yv_client_list_transactions, set one by one; yv_tx_query_free frees it. */
typedef struct yv_tx_query yv_tx_query;
/* New parameters, every one unset; *out is freed with yv_tx_query_free. */
YV_API yv_status yv_tx_query_new(yv_tx_query **out, yv_error **err);
/* Frees the parameters; NULL is ignored. */
YV_API void yv_tx_query_free(yv_tx_query *params);
/* The page, from 1; default 1. */
YV_API yv_status yv_tx_query_set_page(yv_tx_query *params, uint32_t value, yv_error **err);
/* Items per page, 1..100; unset = the server's default. */
YV_API yv_status yv_tx_query_set_limit(yv_tx_query *params, uint32_t value, yv_error **err);
/* Only transactions in this status; unset by default ("" = unset). */
YV_API yv_status yv_tx_query_set_status(yv_tx_query *params, const char *value, yv_error **err);
/* Only transactions on this chain; unset by default ("" = unset). */
YV_API yv_status yv_tx_query_set_chain(yv_tx_query *params, const char *value, yv_error **err);
/* A hash, address or id to look for; unset by default ("" = unset). */
YV_API yv_status yv_tx_query_set_search(yv_tx_query *params, const char *value, yv_error **err);

/* One page of the transaction history, newest first.
 * POST /transactions/get-transactions; read-only (safe to repeat).
 * params NULL = every parameter unset.
 * *out: a yv_transaction_list the caller frees with yv_transaction_list_free. */
YV_API yv_status yv_client_list_transactions(yv_client *client, const yv_tx_query *params,
                                             const yv_call *call, yv_transaction_list **out,
                                             yv_error **err);
/* yv_client_list_transactions without blocking (see "Event loop"): done gets a yv_transaction_list
 * (freed with yv_transaction_list_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_list_transactions_start(yv_loop *loop, yv_client *client,
                                                   const yv_tx_query *params, const yv_call *call,
                                                   yv_transaction_list_done_fn done,
                                                   void *user_data, yv_pending **pending,
                                                   yv_error **err);

/* One transaction.
 * POST /transactions/get-transaction; read-only (safe to repeat).
 * transaction_id: the transaction's id.
 * *out: a yv_transaction the caller frees with yv_transaction_free. */
YV_API yv_status yv_client_get_transaction(yv_client *client, const char *transaction_id,
                                           const yv_call *call, yv_transaction **out,
                                           yv_error **err);
/* yv_client_get_transaction without blocking (see "Event loop"): done gets a yv_transaction (freed
 * with yv_transaction_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_get_transaction_start(yv_loop *loop, yv_client *client,
                                                 const char *transaction_id, const yv_call *call,
                                                 yv_transaction_done_fn done, void *user_data,
                                                 yv_pending **pending, yv_error **err);

/* Cancels a pending transfer: its amount and fee go back to the asset, exactly.
 * POST /transactions/cancel; a write: retried only with the call's idempotency key.
 * transaction_id: the transaction's id.
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_cancel_transaction(yv_client *client, const char *transaction_id,
                                              const yv_call *call, yv_buffer **out, yv_error **err);
/* yv_client_cancel_transaction without blocking (see "Event loop"): done gets a yv_buffer (freed
 * with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cancel_transaction_start(yv_loop *loop, yv_client *client,
                                                    const char *transaction_id, const yv_call *call,
                                                    yv_buffer_done_fn done, void *user_data,
                                                    yv_pending **pending, yv_error **err);

/* One page of the transactions of one asset, newest first.
 * POST /transactions/asset-history; read-only (safe to repeat).
 * asset_id: the asset's id.
 * page: the page, from 1; unset = the first (0 = unset).
 * limit: items per page, 1..100; unset = the server's default (0 = unset).
 * *out: a yv_transaction_list the caller frees with yv_transaction_list_free. */
YV_API yv_status yv_client_asset_history(yv_client *client, const char *asset_id, uint32_t page,
                                         uint32_t limit, const yv_call *call,
                                         yv_transaction_list **out, yv_error **err);
/* yv_client_asset_history without blocking (see "Event loop"): done gets a yv_transaction_list
 * (freed with yv_transaction_list_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_asset_history_start(yv_loop *loop, yv_client *client,
                                               const char *asset_id, uint32_t page, uint32_t limit,
                                               const yv_call *call,
                                               yv_transaction_list_done_fn done, void *user_data,
                                               yv_pending **pending, yv_error **err);

/* --- webhooks: Webhook subscriptions. Deliveries are checked with the webhook verifier. */

/* Subscribes a URL to events. The signing secret is in this answer only.
 * POST /webhook/create; a write: retried only with the call's idempotency key.
 * url: the https:// URL deliveries go to.
 * events: the event types to deliver (events_count strings).
 * description: a note kept with the subscription; NULL = unset.
 * *out: a yv_webhook the caller frees with yv_webhook_free. */
YV_API yv_status yv_client_create_webhook(yv_client *client, const char *url,
                                          const char *const *events, size_t events_count,
                                          const char *description, const yv_call *call,
                                          yv_webhook **out, yv_error **err);
/* yv_client_create_webhook without blocking (see "Event loop"): done gets a yv_webhook (freed with
 * yv_webhook_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_create_webhook_start(yv_loop *loop, yv_client *client, const char *url,
                                                const char *const *events, size_t events_count,
                                                const char *description, const yv_call *call,
                                                yv_webhook_done_fn done, void *user_data,
                                                yv_pending **pending, yv_error **err);

/* Every webhook subscription, without secrets.
 * GET /webhook/list; read-only (safe to repeat).
 * *out: a yv_webhook_list the caller frees with yv_webhook_list_free. */
YV_API yv_status yv_client_list_webhooks(yv_client *client, const yv_call *call,
                                         yv_webhook_list **out, yv_error **err);
/* yv_client_list_webhooks without blocking (see "Event loop"): done gets a yv_webhook_list (freed
 * with yv_webhook_list_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_list_webhooks_start(yv_loop *loop, yv_client *client,
                                               const yv_call *call, yv_webhook_list_done_fn done,
                                               void *user_data, yv_pending **pending,
                                               yv_error **err);

/* Deletes a webhook subscription.
 * DELETE /webhook/{webhook_id}; a write: retried only with the call's idempotency key.
 * webhook_id: the subscription's id. */
YV_API yv_status yv_client_delete_webhook(yv_client *client, const char *webhook_id,
                                          const yv_call *call, yv_error **err);
/* yv_client_delete_webhook without blocking (see "Event loop"): done gets no result or the error.
 * pending may be NULL. */
YV_API yv_status yv_client_delete_webhook_start(yv_loop *loop, yv_client *client,
                                                const char *webhook_id, const yv_call *call,
                                                yv_done_fn done, void *user_data,
                                                yv_pending **pending, yv_error **err);

/* One webhook subscription, without its secret.
 * GET /webhook/{webhook_id}; read-only (safe to repeat).
 * webhook_id: the subscription's id.
 * *out: a yv_webhook the caller frees with yv_webhook_free. */
YV_API yv_status yv_client_get_webhook(yv_client *client, const char *webhook_id,
                                       const yv_call *call, yv_webhook **out, yv_error **err);
/* yv_client_get_webhook without blocking (see "Event loop"): done gets a yv_webhook (freed with
 * yv_webhook_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_get_webhook_start(yv_loop *loop, yv_client *client,
                                             const char *webhook_id, const yv_call *call,
                                             yv_webhook_done_fn done, void *user_data,
                                             yv_pending **pending, yv_error **err);

/* Changes a webhook subscription: only what is given changes.
 * PUT /webhook/{webhook_id}; a write: retried only with the call's idempotency key.
 * webhook_id: the subscription's id.
 * url: the new https:// URL; NULL = unset.
 * events: the new event types (the whole set) (events_count strings); NULL = unset.
 * description: the new note; NULL = unset.
 * status: active or inactive; NULL = unset.
 * *out: a yv_webhook the caller frees with yv_webhook_free. */
YV_API yv_status yv_client_update_webhook(yv_client *client, const char *webhook_id,
                                          const char *url, const char *const *events,
                                          size_t events_count, const char *description,
                                          const char *status, const yv_call *call, yv_webhook **out,
                                          yv_error **err);
/* yv_client_update_webhook without blocking (see "Event loop"): done gets a yv_webhook (freed with
 * yv_webhook_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_update_webhook_start(yv_loop *loop, yv_client *client,
                                                const char *webhook_id, const char *url,
                                                const char *const *events, size_t events_count,
                                                const char *description, const char *status,
                                                const yv_call *call, yv_webhook_done_fn done,
                                                void *user_data, yv_pending **pending,
                                                yv_error **err);

/* Resumes deliveries to a webhook.
 * POST /webhook/{webhook_id}/activate; a write: retried only with the call's idempotency key.
 * webhook_id: the subscription's id.
 * *out: a yv_webhook the caller frees with yv_webhook_free. */
YV_API yv_status yv_client_activate_webhook(yv_client *client, const char *webhook_id,
                                            const yv_call *call, yv_webhook **out, yv_error **err);
/* yv_client_activate_webhook without blocking (see "Event loop"): done gets a yv_webhook (freed
 * with yv_webhook_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_activate_webhook_start(yv_loop *loop, yv_client *client,
                                                  const char *webhook_id, const yv_call *call,
                                                  yv_webhook_done_fn done, void *user_data,
                                                  yv_pending **pending, yv_error **err);

/* Pauses deliveries to a webhook (events are not queued for it meanwhile).
 * POST /webhook/{webhook_id}/deactivate; a write: retried only with the call's idempotency key.
 * webhook_id: the subscription's id.
 * *out: a yv_webhook the caller frees with yv_webhook_free. */
YV_API yv_status yv_client_deactivate_webhook(yv_client *client, const char *webhook_id,
                                              const yv_call *call, yv_webhook **out,
                                              yv_error **err);
/* yv_client_deactivate_webhook without blocking (see "Event loop"): done gets a yv_webhook (freed
 * with yv_webhook_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_deactivate_webhook_start(yv_loop *loop, yv_client *client,
                                                    const char *webhook_id, const yv_call *call,
                                                    yv_webhook_done_fn done, void *user_data,
                                                    yv_pending **pending, yv_error **err);

/* The deliveries of one webhook, newest first, one page at a time.
 * GET /webhook/{webhook_id}/events; read-only (safe to repeat).
 * webhook_id: the subscription's id.
 * page: the page, from 1; unset = the first (0 = unset).
 * limit: items per page, 1..100; unset = the server's default (0 = unset).
 * status: only deliveries in this status; NULL = unset.
 * *out: a yv_webhook_delivery_list the caller frees with yv_webhook_delivery_list_free. */
YV_API yv_status yv_client_list_webhook_events(yv_client *client, const char *webhook_id,
                                               uint32_t page, uint32_t limit, const char *status,
                                               const yv_call *call, yv_webhook_delivery_list **out,
                                               yv_error **err);
/* yv_client_list_webhook_events without blocking (see "Event loop"): done gets a
 * yv_webhook_delivery_list (freed with yv_webhook_delivery_list_free) or the error. pending may be
 * NULL. */
YV_API yv_status yv_client_list_webhook_events_start(
    yv_loop *loop, yv_client *client, const char *webhook_id, uint32_t page, uint32_t limit,
    const char *status, const yv_call *call, yv_webhook_delivery_list_done_fn done, void *user_data,
    yv_pending **pending, yv_error **err);

/* Queues a webhook.test event for delivery to this webhook; the answer names the event and
 * delivery.
 * POST /webhook/{webhook_id}/test; a write: retried only with the call's idempotency key.
 * webhook_id: the subscription's id.
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_test_webhook(yv_client *client, const char *webhook_id,
                                        const yv_call *call, yv_buffer **out, yv_error **err);
/* yv_client_test_webhook without blocking (see "Event loop"): done gets a yv_buffer (freed with
 * yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_test_webhook_start(yv_loop *loop, yv_client *client,
                                              const char *webhook_id, const yv_call *call,
                                              yv_buffer_done_fn done, void *user_data,
                                              yv_pending **pending, yv_error **err);

/* --- analytics: Totals over your transactions and wallets. */

/* Totals over your transactions (counts and exact amounts by status, chain and type).
 * GET /analytics/transaction-analytics; read-only (safe to repeat).
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_transaction_analytics(yv_client *client, const yv_call *call,
                                                 yv_buffer **out, yv_error **err);
/* yv_client_transaction_analytics without blocking (see "Event loop"): done gets a yv_buffer (freed
 * with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_transaction_analytics_start(yv_loop *loop, yv_client *client,
                                                       const yv_call *call, yv_buffer_done_fn done,
                                                       void *user_data, yv_pending **pending,
                                                       yv_error **err);

/* The dashboard's totals: accounts, assets, balances and recent activity.
 * GET /analytics/dashboard-analytics; read-only (safe to repeat).
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_dashboard_analytics(yv_client *client, const yv_call *call,
                                               yv_buffer **out, yv_error **err);
/* yv_client_dashboard_analytics without blocking (see "Event loop"): done gets a yv_buffer (freed
 * with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_dashboard_analytics_start(yv_loop *loop, yv_client *client,
                                                     const yv_call *call, yv_buffer_done_fn done,
                                                     void *user_data, yv_pending **pending,
                                                     yv_error **err);

/* --- auto_forwarding: Auto-forwarding rules: a share of each deposit to an asset is sent on to an
 * address. Writes send X-2FA-Token: the call's code or the client's TOTP source. */

/* Every auto-forwarding rule.
 * GET /auto-forwarding; read-only (safe to repeat).
 * *out: a yv_auto_forwarding_rule_list the caller frees with yv_auto_forwarding_rule_list_free. */
YV_API yv_status yv_client_list_forwarding_rules(yv_client *client, const yv_call *call,
                                                 yv_auto_forwarding_rule_list **out,
                                                 yv_error **err);
/* yv_client_list_forwarding_rules without blocking (see "Event loop"): done gets a
 * yv_auto_forwarding_rule_list (freed with yv_auto_forwarding_rule_list_free) or the error. pending
 * may be NULL. */
YV_API yv_status yv_client_list_forwarding_rules_start(yv_loop *loop, yv_client *client,
                                                       const yv_call *call,
                                                       yv_auto_forwarding_rule_list_done_fn done,
                                                       void *user_data, yv_pending **pending,
                                                       yv_error **err);

/* One auto-forwarding rule.
 * GET /auto-forwarding/{rule_id}; read-only (safe to repeat).
 * rule_id: the rule's id.
 * *out: a yv_auto_forwarding_rule the caller frees with yv_auto_forwarding_rule_free. */
YV_API yv_status yv_client_get_forwarding_rule(yv_client *client, const char *rule_id,
                                               const yv_call *call, yv_auto_forwarding_rule **out,
                                               yv_error **err);
/* yv_client_get_forwarding_rule without blocking (see "Event loop"): done gets a
 * yv_auto_forwarding_rule (freed with yv_auto_forwarding_rule_free) or the error. pending may be
 * NULL. */
YV_API yv_status yv_client_get_forwarding_rule_start(yv_loop *loop, yv_client *client,
                                                     const char *rule_id, const yv_call *call,
                                                     yv_auto_forwarding_rule_done_fn done,
                                                     void *user_data, yv_pending **pending,
                                                     yv_error **err);

/* Creates an auto-forwarding rule.
 * POST /auto-forwarding; a write: retried only with the call's idempotency key.
 * Sends X-2FA-Token: the call's code, or one from the client's TOTP secret.
 * destination_address: where the share goes, checked against the chain.
 * percentage: the share of each deposit in percent, more than 0 and at most 100.
 * monitoring_mode: all_wallets, or specific_wallets with monitored_accounts.
 * asset_id: the asset whose deposits are forwarded.
 * chain: the asset's chain.
 * monitored_accounts: the accounts watched with specific_wallets (monitored_accounts_count
 * strings); NULL = unset.
 * minimum_amount: deposits below this are not forwarded; NULL = unset.
 * maximum_amount: the most forwarded from one deposit; NULL = unset.
 * description: a note kept with the rule; NULL = unset.
 * enabled: whether the rule acts; unset: the server's default (it acts); YV_BOOL_TRUE or
 * YV_BOOL_FALSE, YV_BOOL_UNSET = unset (nothing sent).
 * settings_json: further settings, a JSON object (JSON text: any JSON value; not JSON =
 * YV_INVALID_ARGUMENT); NULL = unset.
 * *out: a yv_auto_forwarding_rule the caller frees with yv_auto_forwarding_rule_free. */
YV_API yv_status yv_client_create_forwarding_rule(
    yv_client *client, const char *destination_address, const char *percentage,
    const char *monitoring_mode, const char *asset_id, const char *chain,
    const char *const *monitored_accounts, size_t monitored_accounts_count,
    const char *minimum_amount, const char *maximum_amount, const char *description,
    yv_optional_bool enabled, const char *settings_json, const yv_call *call,
    yv_auto_forwarding_rule **out, yv_error **err);
/* yv_client_create_forwarding_rule without blocking (see "Event loop"): done gets a
 * yv_auto_forwarding_rule (freed with yv_auto_forwarding_rule_free) or the error. pending may be
 * NULL. */
YV_API yv_status yv_client_create_forwarding_rule_start(
    yv_loop *loop, yv_client *client, const char *destination_address, const char *percentage,
    const char *monitoring_mode, const char *asset_id, const char *chain,
    const char *const *monitored_accounts, size_t monitored_accounts_count,
    const char *minimum_amount, const char *maximum_amount, const char *description,
    yv_optional_bool enabled, const char *settings_json, const yv_call *call,
    yv_auto_forwarding_rule_done_fn done, void *user_data, yv_pending **pending, yv_error **err);

/* Changes an auto-forwarding rule: only what is given changes.
 * PUT /auto-forwarding/{rule_id}; a write: retried only with the call's idempotency key.
 * Sends X-2FA-Token: the call's code, or one from the client's TOTP secret.
 * rule_id: the rule's id.
 * destination_address: where the share goes; NULL = unset.
 * percentage: the share of each deposit in percent; NULL = unset.
 * monitoring_mode: all_wallets or specific_wallets; NULL = unset.
 * monitored_accounts: the accounts watched with specific_wallets (monitored_accounts_count
 * strings); NULL = unset.
 * minimum_amount: deposits below this are not forwarded; NULL = unset.
 * maximum_amount: the most forwarded from one deposit; NULL = unset.
 * description: a note kept with the rule; NULL = unset.
 * enabled: true: the rule acts; false: it is paused; unset: unchanged; YV_BOOL_TRUE or
 * YV_BOOL_FALSE, YV_BOOL_UNSET = unset (nothing sent).
 * settings_json: further settings, a JSON object (JSON text: any JSON value; not JSON =
 * YV_INVALID_ARGUMENT); NULL = unset.
 * *out: a yv_auto_forwarding_rule the caller frees with yv_auto_forwarding_rule_free. */
YV_API yv_status yv_client_update_forwarding_rule(
    yv_client *client, const char *rule_id, const char *destination_address, const char *percentage,
    const char *monitoring_mode, const char *const *monitored_accounts,
    size_t monitored_accounts_count, const char *minimum_amount, const char *maximum_amount,
    const char *description, yv_optional_bool enabled, const char *settings_json,
    const yv_call *call, yv_auto_forwarding_rule **out, yv_error **err);
/* yv_client_update_forwarding_rule without blocking (see "Event loop"): done gets a
 * yv_auto_forwarding_rule (freed with yv_auto_forwarding_rule_free) or the error. pending may be
 * NULL. */
YV_API yv_status yv_client_update_forwarding_rule_start(
    yv_loop *loop, yv_client *client, const char *rule_id, const char *destination_address,
    const char *percentage, const char *monitoring_mode, const char *const *monitored_accounts,
    size_t monitored_accounts_count, const char *minimum_amount, const char *maximum_amount,
    const char *description, yv_optional_bool enabled, const char *settings_json,
    const yv_call *call, yv_auto_forwarding_rule_done_fn done, void *user_data,
    yv_pending **pending, yv_error **err);

/* Deletes an auto-forwarding rule.
 * DELETE /auto-forwarding/{rule_id}; a write: retried only with the call's idempotency key.
 * Sends X-2FA-Token: the call's code, or one from the client's TOTP secret.
 * rule_id: the rule's id. */
YV_API yv_status yv_client_delete_forwarding_rule(yv_client *client, const char *rule_id,
                                                  const yv_call *call, yv_error **err);
/* yv_client_delete_forwarding_rule without blocking (see "Event loop"): done gets no result or the
 * error. pending may be NULL. */
YV_API yv_status yv_client_delete_forwarding_rule_start(yv_loop *loop, yv_client *client,
                                                        const char *rule_id, const yv_call *call,
                                                        yv_done_fn done, void *user_data,
                                                        yv_pending **pending, yv_error **err);

/* --- card_issuer: The card-issuer program: application, master wallets, customer funding (moves
 * value), deposits and history. */

/* Applies for the card-issuer program.
 * POST /card-issuer/apply; a write: retried only with the call's idempotency key.
 * funding_structure: how customers' cards are funded (e.g. master_wallet, decentralized).
 * iban_enabled: whether customers get IBANs too; NULL = false.
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_card_issuer_apply(yv_client *client, const char *funding_structure,
                                             bool iban_enabled, const yv_call *call,
                                             yv_buffer **out, yv_error **err);
/* yv_client_card_issuer_apply without blocking (see "Event loop"): done gets a yv_buffer (freed
 * with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_card_issuer_apply_start(yv_loop *loop, yv_client *client,
                                                   const char *funding_structure, bool iban_enabled,
                                                   const yv_call *call, yv_buffer_done_fn done,
                                                   void *user_data, yv_pending **pending,
                                                   yv_error **err);

/* The issuer program: its status, visibility, enabled chains, limits and stats.
 * GET /card-issuer/status; read-only (safe to repeat).
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_card_issuer_get_program(yv_client *client, const yv_call *call,
                                                   yv_buffer **out, yv_error **err);
/* yv_client_card_issuer_get_program without blocking (see "Event loop"): done gets a yv_buffer
 * (freed with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_card_issuer_get_program_start(yv_loop *loop, yv_client *client,
                                                         const yv_call *call,
                                                         yv_buffer_done_fn done, void *user_data,
                                                         yv_pending **pending, yv_error **err);

/* The issuer's master wallets and their balances.
 * GET /card-issuer/wallets; read-only (safe to repeat).
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_card_issuer_get_wallets(yv_client *client, const yv_call *call,
                                                   yv_buffer **out, yv_error **err);
/* yv_client_card_issuer_get_wallets without blocking (see "Event loop"): done gets a yv_buffer
 * (freed with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_card_issuer_get_wallets_start(yv_loop *loop, yv_client *client,
                                                         const yv_call *call,
                                                         yv_buffer_done_fn done, void *user_data,
                                                         yv_pending **pending, yv_error **err);

/* Funds a customer's card from the master wallet. Always carries an Idempotency-Key (the
 * call's, or one the core generates), returned with the result and on every error: called again
 * with that key, the funding happens once.
 * POST /card-issuer/fund-customer; moves value: always carries an Idempotency-Key (the call's,
 * else a new UUIDv4), in the result and, on failure, in yv_error_idempotency_key().
 * customer_id: the customer to fund.
 * amount: the amount, > 0, exact.
 * source_chain: the chain the master wallet pays from: SOL or XDC.
 * pricing_mode: send_x (the amount is sent) or receive_x (the amount arrives); unset = the
 * server's default, send_x (NULL = unset).
 * destination_token: the token credited, when not the default; NULL = unset.
 * *out: a yv_card_funding the caller frees with yv_card_funding_free. */
YV_API yv_status yv_client_card_issuer_fund_customer(yv_client *client, const char *customer_id,
                                                     const char *amount, const char *source_chain,
                                                     const char *pricing_mode,
                                                     const char *destination_token,
                                                     const yv_call *call, yv_card_funding **out,
                                                     yv_error **err);
/* yv_client_card_issuer_fund_customer without blocking (see "Event loop"): done gets a
 * yv_card_funding (freed with yv_card_funding_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_card_issuer_fund_customer_start(
    yv_loop *loop, yv_client *client, const char *customer_id, const char *amount,
    const char *source_chain, const char *pricing_mode, const char *destination_token,
    const yv_call *call, yv_card_funding_done_fn done, void *user_data, yv_pending **pending,
    yv_error **err);

/* Funds a deposit by hand (an XDC deposit awaiting_manual). Always carries an Idempotency-Key,
 * returned with the result and on every error: the funding happens once.
 * POST /card-issuer/deposits/{deposit_id}/fund; moves value: always carries an Idempotency-Key
 * (the call's, else a new UUIDv4), in the result and, on failure, in
 * yv_error_idempotency_key().
 * deposit_id: the deposit's id.
 * destination_token: the token credited, when not the default; NULL = unset.
 * *out: a yv_card_funding the caller frees with yv_card_funding_free. */
YV_API yv_status yv_client_card_issuer_trigger_manual_funding(
    yv_client *client, const char *deposit_id, const char *destination_token, const yv_call *call,
    yv_card_funding **out, yv_error **err);
/* yv_client_card_issuer_trigger_manual_funding without blocking (see "Event loop"): done gets a
 * yv_card_funding (freed with yv_card_funding_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_card_issuer_trigger_manual_funding_start(
    yv_loop *loop, yv_client *client, const char *deposit_id, const char *destination_token,
    const yv_call *call, yv_card_funding_done_fn done, void *user_data, yv_pending **pending,
    yv_error **err);

/* A customer's own wallets (decentralized funding).
 * GET /card-issuer/customers/{customer_id}/wallets; read-only (safe to repeat).
 * customer_id: the customer's id.
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_card_issuer_get_customer_wallets(yv_client *client,
                                                            const char *customer_id,
                                                            const yv_call *call, yv_buffer **out,
                                                            yv_error **err);
/* yv_client_card_issuer_get_customer_wallets without blocking (see "Event loop"): done gets a
 * yv_buffer (freed with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_card_issuer_get_customer_wallets_start(
    yv_loop *loop, yv_client *client, const char *customer_id, const yv_call *call,
    yv_buffer_done_fn done, void *user_data, yv_pending **pending, yv_error **err);

/* One page of the issuer's customers.
 * GET /card-issuer/customers; read-only (safe to repeat).
 * page: the page, from 1; unset = the server's default, 1 (0 = unset).
 * limit: items per page, 1..100; unset = the server's default, 20 (0 = unset).
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_card_issuer_list_customers(yv_client *client, uint32_t page,
                                                      uint32_t limit, const yv_call *call,
                                                      yv_buffer **out, yv_error **err);
/* yv_client_card_issuer_list_customers without blocking (see "Event loop"): done gets a yv_buffer
 * (freed with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_card_issuer_list_customers_start(yv_loop *loop, yv_client *client,
                                                            uint32_t page, uint32_t limit,
                                                            const yv_call *call,
                                                            yv_buffer_done_fn done, void *user_data,
                                                            yv_pending **pending, yv_error **err);

/* The SOL and/or XDC addresses that fund the program (per enabled chain).
 * GET /card-issuer/funding-addresses; read-only (safe to repeat).
 * customer_id: a customer's addresses (decentralized funding); unset = the master wallet's
 * (NULL = unset).
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_card_issuer_get_funding_addresses(yv_client *client,
                                                             const char *customer_id,
                                                             const yv_call *call, yv_buffer **out,
                                                             yv_error **err);
/* yv_client_card_issuer_get_funding_addresses without blocking (see "Event loop"): done gets a
 * yv_buffer (freed with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_card_issuer_get_funding_addresses_start(
    yv_loop *loop, yv_client *client, const char *customer_id, const yv_call *call,
    yv_buffer_done_fn done, void *user_data, yv_pending **pending, yv_error **err);

/* One page of funding deposits (SOL auto-funding, XDC manual).
 * GET /card-issuer/deposits; read-only (safe to repeat).
 * page: the page, from 1; unset = the server's default, 1 (0 = unset).
 * limit: items per page, 1..100; unset = the server's default, 20 (0 = unset).
 * status: only deposits in this status: pending, auto_funding, awaiting_manual, funding,
 * funded, failed; NULL = unset.
 * chain: only deposits on this chain: SOL or XDC; NULL = unset.
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_card_issuer_list_deposits(yv_client *client, uint32_t page,
                                                     uint32_t limit, const char *status,
                                                     const char *chain, const yv_call *call,
                                                     yv_buffer **out, yv_error **err);
/* yv_client_card_issuer_list_deposits without blocking (see "Event loop"): done gets a yv_buffer
 * (freed with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_card_issuer_list_deposits_start(yv_loop *loop, yv_client *client,
                                                           uint32_t page, uint32_t limit,
                                                           const char *status, const char *chain,
                                                           const yv_call *call,
                                                           yv_buffer_done_fn done, void *user_data,
                                                           yv_pending **pending, yv_error **err);

/* One page of the funding history.
 * GET /card-issuer/funding-history; read-only (safe to repeat).
 * page: the page, from 1; unset = the server's default, 1 (0 = unset).
 * limit: items per page, 1..100; unset = the server's default, 20 (0 = unset).
 * status: only fundings in this status; NULL = unset.
 * customer_id: only this customer's fundings; NULL = unset.
 * chain: only fundings on this chain: SOL or XDC; NULL = unset.
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_card_issuer_get_funding_history(yv_client *client, uint32_t page,
                                                           uint32_t limit, const char *status,
                                                           const char *customer_id,
                                                           const char *chain, const yv_call *call,
                                                           yv_buffer **out, yv_error **err);
/* yv_client_card_issuer_get_funding_history without blocking (see "Event loop"): done gets a
 * yv_buffer (freed with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_card_issuer_get_funding_history_start(
    yv_loop *loop, yv_client *client, uint32_t page, uint32_t limit, const char *status,
    const char *customer_id, const char *chain, const yv_call *call, yv_buffer_done_fn done,
    void *user_data, yv_pending **pending, yv_error **err);

/* --- cards: Yativo cards: account onboarding, cards (freeze and unfreeze need 2FA), transactions,
 * disputes, limits, customers' cards, physical orders and the account's IBAN. */

/* Opens the user's card account; KYC follows.
 * POST /yativo-card/onboard; a write: retried only with the call's idempotency key.
 * email: the holder's e-mail address.
 * first_name: the holder's first name.
 * last_name: the holder's last name.
 * *out: a yv_card_account the caller frees with yv_card_account_free. */
YV_API yv_status yv_client_cards_onboard(yv_client *client, const char *email,
                                         const char *first_name, const char *last_name,
                                         const yv_call *call, yv_card_account **out,
                                         yv_error **err);
/* yv_client_cards_onboard without blocking (see "Event loop"): done gets a yv_card_account (freed
 * with yv_card_account_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_onboard_start(yv_loop *loop, yv_client *client, const char *email,
                                               const char *first_name, const char *last_name,
                                               const yv_call *call, yv_card_account_done_fn done,
                                               void *user_data, yv_pending **pending,
                                               yv_error **err);

/* The card account, with its KYC status.
 * GET /yativo-card/kyc-status; read-only (safe to repeat).
 * *out: a yv_card_account the caller frees with yv_card_account_free. */
YV_API yv_status yv_client_cards_get_kyc_status(yv_client *client, const yv_call *call,
                                                yv_card_account **out, yv_error **err);
/* yv_client_cards_get_kyc_status without blocking (see "Event loop"): done gets a yv_card_account
 * (freed with yv_card_account_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_get_kyc_status_start(yv_loop *loop, yv_client *client,
                                                      const yv_call *call,
                                                      yv_card_account_done_fn done, void *user_data,
                                                      yv_pending **pending, yv_error **err);

/* Accepts the card program's terms and conditions.
 * POST /yativo-card/accept-terms; a write: retried only with the call's idempotency key.
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_cards_accept_terms(yv_client *client, const yv_call *call,
                                              yv_buffer **out, yv_error **err);
/* yv_client_cards_accept_terms without blocking (see "Event loop"): done gets a yv_buffer (freed
 * with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_accept_terms_start(yv_loop *loop, yv_client *client,
                                                    const yv_call *call, yv_buffer_done_fn done,
                                                    void *user_data, yv_pending **pending,
                                                    yv_error **err);

/* Deploys the card wallet (needs KYC approved and the terms accepted).
 * POST /yativo-card/deploy-safe; a write: retried only with the call's idempotency key.
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_cards_deploy_safe(yv_client *client, const yv_call *call,
                                             yv_buffer **out, yv_error **err);
/* yv_client_cards_deploy_safe without blocking (see "Event loop"): done gets a yv_buffer (freed
 * with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_deploy_safe_start(yv_loop *loop, yv_client *client,
                                                   const yv_call *call, yv_buffer_done_fn done,
                                                   void *user_data, yv_pending **pending,
                                                   yv_error **err);

/* The user's cards.
 * GET /yativo-card/list-cards; read-only (safe to repeat).
 * *out: a yv_card_list the caller frees with yv_card_list_free. */
YV_API yv_status yv_client_cards_list(yv_client *client, const yv_call *call, yv_card_list **out,
                                      yv_error **err);
/* yv_client_cards_list without blocking (see "Event loop"): done gets a yv_card_list (freed with
 * yv_card_list_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_list_start(yv_loop *loop, yv_client *client, const yv_call *call,
                                            yv_card_list_done_fn done, void *user_data,
                                            yv_pending **pending, yv_error **err);

/* Creates a card (needs the card wallet deployed).
 * POST /yativo-card/create-card; a write: retried only with the call's idempotency key.
 * card_type: virtual or physical; NULL = "virtual".
 * display_name: the name shown for the card; NULL = unset.
 * spending_limit_amount: a spending limit, exact; NULL = unset.
 * spending_limit_frequency: how often the limit resets (e.g. daily, weekly, monthly); NULL =
 * unset.
 * *out: a yv_card the caller frees with yv_card_free. */
YV_API yv_status yv_client_cards_create(yv_client *client, const char *card_type,
                                        const char *display_name, const char *spending_limit_amount,
                                        const char *spending_limit_frequency, const yv_call *call,
                                        yv_card **out, yv_error **err);
/* yv_client_cards_create without blocking (see "Event loop"): done gets a yv_card (freed with
 * yv_card_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_create_start(
    yv_loop *loop, yv_client *client, const char *card_type, const char *display_name,
    const char *spending_limit_amount, const char *spending_limit_frequency, const yv_call *call,
    yv_card_done_fn done, void *user_data, yv_pending **pending, yv_error **err);

/* Freezes a card: it refuses use until unfrozen. Sends X-2FA-Token.
 * POST /yativo-card/cards/{card_id}/freeze; a write: retried only with the call's idempotency
 * key.
 * Sends X-2FA-Token: the call's code, or one from the client's TOTP secret.
 * card_id: the card's id.
 * *out: a yv_card the caller frees with yv_card_free. */
YV_API yv_status yv_client_cards_freeze(yv_client *client, const char *card_id, const yv_call *call,
                                        yv_card **out, yv_error **err);
/* yv_client_cards_freeze without blocking (see "Event loop"): done gets a yv_card (freed with
 * yv_card_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_freeze_start(yv_loop *loop, yv_client *client, const char *card_id,
                                              const yv_call *call, yv_card_done_fn done,
                                              void *user_data, yv_pending **pending,
                                              yv_error **err);

/* Unfreezes a frozen card. Sends X-2FA-Token.
 * POST /yativo-card/cards/{card_id}/unfreeze; a write: retried only with the call's idempotency
 * key.
 * Sends X-2FA-Token: the call's code, or one from the client's TOTP secret.
 * card_id: the card's id.
 * *out: a yv_card the caller frees with yv_card_free. */
YV_API yv_status yv_client_cards_unfreeze(yv_client *client, const char *card_id,
                                          const yv_call *call, yv_card **out, yv_error **err);
/* yv_client_cards_unfreeze without blocking (see "Event loop"): done gets a yv_card (freed with
 * yv_card_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_unfreeze_start(yv_loop *loop, yv_client *client,
                                                const char *card_id, const yv_call *call,
                                                yv_card_done_fn done, void *user_data,
                                                yv_pending **pending, yv_error **err);

/* Voids (cancels) a card for good.
 * POST /yativo-card/cards/{card_id}/void; a write: retried only with the call's idempotency
 * key.
 * card_id: the card's id.
 * *out: a yv_card the caller frees with yv_card_free. */
YV_API yv_status yv_client_cards_void(yv_client *client, const char *card_id, const yv_call *call,
                                      yv_card **out, yv_error **err);
/* yv_client_cards_void without blocking (see "Event loop"): done gets a yv_card (freed with
 * yv_card_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_void_start(yv_loop *loop, yv_client *client, const char *card_id,
                                            const yv_call *call, yv_card_done_fn done,
                                            void *user_data, yv_pending **pending, yv_error **err);

/* Sends the one-time code that set_pin needs.
 * POST /yativo-card/cards/{card_id}/pin/otp; a write: retried only with the call's idempotency
 * key.
 * card_id: the card's id.
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_cards_request_pin_otp(yv_client *client, const char *card_id,
                                                 const yv_call *call, yv_buffer **out,
                                                 yv_error **err);
/* yv_client_cards_request_pin_otp without blocking (see "Event loop"): done gets a yv_buffer (freed
 * with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_request_pin_otp_start(yv_loop *loop, yv_client *client,
                                                       const char *card_id, const yv_call *call,
                                                       yv_buffer_done_fn done, void *user_data,
                                                       yv_pending **pending, yv_error **err);

/* Sets the card's PIN.
 * POST /yativo-card/cards/{card_id}/pin/set; a write: retried only with the call's idempotency
 * key.
 * card_id: the card's id.
 * otp: the code from request_pin_otp.
 * pin: the new PIN.
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_cards_set_pin(yv_client *client, const char *card_id, const char *otp,
                                         const char *pin, const yv_call *call, yv_buffer **out,
                                         yv_error **err);
/* yv_client_cards_set_pin without blocking (see "Event loop"): done gets a yv_buffer (freed with
 * yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_set_pin_start(yv_loop *loop, yv_client *client,
                                               const char *card_id, const char *otp,
                                               const char *pin, const yv_call *call,
                                               yv_buffer_done_fn done, void *user_data,
                                               yv_pending **pending, yv_error **err);

/* A short-lived token for the secure card-details display (safe to repeat: it moves nothing).
 * POST /yativo-card/{yativo_card_id}/cards/{card_id}/ephemeral-token; read-only (safe to
 * repeat).
 * yativo_card_id: the card account's id (from onboard).
 * card_id: the card's id.
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_cards_get_ephemeral_token(yv_client *client, const char *yativo_card_id,
                                                     const char *card_id, const yv_call *call,
                                                     yv_buffer **out, yv_error **err);
/* yv_client_cards_get_ephemeral_token without blocking (see "Event loop"): done gets a yv_buffer
 * (freed with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_get_ephemeral_token_start(yv_loop *loop, yv_client *client,
                                                           const char *yativo_card_id,
                                                           const char *card_id, const yv_call *call,
                                                           yv_buffer_done_fn done, void *user_data,
                                                           yv_pending **pending, yv_error **err);

/* The card wallet, with its funding wallet when auto-bridge is on.
 * GET /yativo-card/{yativo_card_id}/wallet; read-only (safe to repeat).
 * yativo_card_id: the card account's id (from onboard).
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_cards_get_wallet(yv_client *client, const char *yativo_card_id,
                                            const yv_call *call, yv_buffer **out, yv_error **err);
/* yv_client_cards_get_wallet without blocking (see "Event loop"): done gets a yv_buffer (freed with
 * yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_get_wallet_start(yv_loop *loop, yv_client *client,
                                                  const char *yativo_card_id, const yv_call *call,
                                                  yv_buffer_done_fn done, void *user_data,
                                                  yv_pending **pending, yv_error **err);

/* The card wallet's deposit address (typically a USDC_SOL collateral wallet).
 * GET /yativo-card/{yativo_card_id}/wallet/funding-address; read-only (safe to repeat).
 * yativo_card_id: the card account's id (from onboard).
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_cards_get_funding_address(yv_client *client, const char *yativo_card_id,
                                                     const yv_call *call, yv_buffer **out,
                                                     yv_error **err);
/* yv_client_cards_get_funding_address without blocking (see "Event loop"): done gets a yv_buffer
 * (freed with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_get_funding_address_start(yv_loop *loop, yv_client *client,
                                                           const char *yativo_card_id,
                                                           const yv_call *call,
                                                           yv_buffer_done_fn done, void *user_data,
                                                           yv_pending **pending, yv_error **err);

/* A customer card wallet's deposit address.
 * GET /yativo-card/customers/{yativo_card_id}/wallet/funding-address; read-only (safe to
 * repeat).
 * yativo_card_id: the customer's card account id.
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_cards_get_customer_funding_address(yv_client *client,
                                                              const char *yativo_card_id,
                                                              const yv_call *call, yv_buffer **out,
                                                              yv_error **err);
/* yv_client_cards_get_customer_funding_address without blocking (see "Event loop"): done gets a
 * yv_buffer (freed with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_get_customer_funding_address_start(
    yv_loop *loop, yv_client *client, const char *yativo_card_id, const yv_call *call,
    yv_buffer_done_fn done, void *user_data, yv_pending **pending, yv_error **err);

/* The reasons a transaction can be disputed for, with their codes.
 * GET /yativo-card/{yativo_card_id}/transactions/dispute-reasons; read-only (safe to repeat).
 * yativo_card_id: the card account's id (from onboard).
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_cards_get_dispute_reasons(yv_client *client, const char *yativo_card_id,
                                                     const yv_call *call, yv_buffer **out,
                                                     yv_error **err);
/* yv_client_cards_get_dispute_reasons without blocking (see "Event loop"): done gets a yv_buffer
 * (freed with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_get_dispute_reasons_start(yv_loop *loop, yv_client *client,
                                                           const char *yativo_card_id,
                                                           const yv_call *call,
                                                           yv_buffer_done_fn done, void *user_data,
                                                           yv_pending **pending, yv_error **err);

/* Disputes a card transaction.
 * POST /yativo-card/{yativo_card_id}/transactions/{transaction_id}/dispute; a write: retried
 * only with the call's idempotency key.
 * yativo_card_id: the card account's id (from onboard).
 * transaction_id: the card transaction's id.
 * reason_code: a code from the dispute reasons.
 * description: what happened, in the holder's words; NULL = unset.
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_cards_dispute_transaction(yv_client *client, const char *yativo_card_id,
                                                     const char *transaction_id,
                                                     const char *reason_code,
                                                     const char *description, const yv_call *call,
                                                     yv_buffer **out, yv_error **err);
/* yv_client_cards_dispute_transaction without blocking (see "Event loop"): done gets a yv_buffer
 * (freed with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_dispute_transaction_start(
    yv_loop *loop, yv_client *client, const char *yativo_card_id, const char *transaction_id,
    const char *reason_code, const char *description, const yv_call *call, yv_buffer_done_fn done,
    void *user_data, yv_pending **pending, yv_error **err);

/* The dispute reasons for a customer's card.
 * GET /yativo-card/customers/{yativo_card_id}/transactions/dispute-reasons; read-only (safe to
 * repeat).
 * yativo_card_id: the customer's card account id.
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_cards_get_customer_dispute_reasons(yv_client *client,
                                                              const char *yativo_card_id,
                                                              const yv_call *call, yv_buffer **out,
                                                              yv_error **err);
/* yv_client_cards_get_customer_dispute_reasons without blocking (see "Event loop"): done gets a
 * yv_buffer (freed with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_get_customer_dispute_reasons_start(
    yv_loop *loop, yv_client *client, const char *yativo_card_id, const yv_call *call,
    yv_buffer_done_fn done, void *user_data, yv_pending **pending, yv_error **err);

/* Disputes a customer's card transaction.
 * POST /yativo-card/customers/{yativo_card_id}/transactions/{transaction_id}/dispute; a write:
 * retried only with the call's idempotency key.
 * yativo_card_id: the customer's card account id.
 * transaction_id: the card transaction's id.
 * reason_code: a code from the dispute reasons.
 * description: what happened, in the holder's words; NULL = unset.
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_cards_dispute_customer_transaction(
    yv_client *client, const char *yativo_card_id, const char *transaction_id,
    const char *reason_code, const char *description, const yv_call *call, yv_buffer **out,
    yv_error **err);
/* yv_client_cards_dispute_customer_transaction without blocking (see "Event loop"): done gets a
 * yv_buffer (freed with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_dispute_customer_transaction_start(
    yv_loop *loop, yv_client *client, const char *yativo_card_id, const char *transaction_id,
    const char *reason_code, const char *description, const yv_call *call, yv_buffer_done_fn done,
    void *user_data, yv_pending **pending, yv_error **err);

/* The spending limits (daily, monthly, per transaction).
 * GET /yativo-card/{yativo_card_id}/wallet/limits; read-only (safe to repeat).
 * yativo_card_id: the card account's id (from onboard).
 * *out: a yv_spending_limits the caller frees with yv_spending_limits_free. */
YV_API yv_status yv_client_cards_get_spending_limits(yv_client *client, const char *yativo_card_id,
                                                     const yv_call *call, yv_spending_limits **out,
                                                     yv_error **err);
/* yv_client_cards_get_spending_limits without blocking (see "Event loop"): done gets a
 * yv_spending_limits (freed with yv_spending_limits_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_get_spending_limits_start(
    yv_loop *loop, yv_client *client, const char *yativo_card_id, const yv_call *call,
    yv_spending_limits_done_fn done, void *user_data, yv_pending **pending, yv_error **err);

/* Sets the daily spending limit.
 * PUT /yativo-card/{yativo_card_id}/wallet/limits; a write: retried only with the call's
 * idempotency key.
 * yativo_card_id: the card account's id (from onboard).
 * daily_limit: the new daily limit, exact.
 * *out: a yv_spending_limits the caller frees with yv_spending_limits_free. */
YV_API yv_status yv_client_cards_set_daily_spending_limit(yv_client *client,
                                                          const char *yativo_card_id,
                                                          const char *daily_limit,
                                                          const yv_call *call,
                                                          yv_spending_limits **out, yv_error **err);
/* yv_client_cards_set_daily_spending_limit without blocking (see "Event loop"): done gets a
 * yv_spending_limits (freed with yv_spending_limits_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_set_daily_spending_limit_start(
    yv_loop *loop, yv_client *client, const char *yativo_card_id, const char *daily_limit,
    const yv_call *call, yv_spending_limits_done_fn done, void *user_data, yv_pending **pending,
    yv_error **err);

/* A customer card's spending limits.
 * GET /yativo-card/customers/{yativo_card_id}/wallet/limits; read-only (safe to repeat).
 * yativo_card_id: the customer's card account id.
 * *out: a yv_spending_limits the caller frees with yv_spending_limits_free. */
YV_API yv_status yv_client_cards_get_customer_spending_limits(yv_client *client,
                                                              const char *yativo_card_id,
                                                              const yv_call *call,
                                                              yv_spending_limits **out,
                                                              yv_error **err);
/* yv_client_cards_get_customer_spending_limits without blocking (see "Event loop"): done gets a
 * yv_spending_limits (freed with yv_spending_limits_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_get_customer_spending_limits_start(
    yv_loop *loop, yv_client *client, const char *yativo_card_id, const yv_call *call,
    yv_spending_limits_done_fn done, void *user_data, yv_pending **pending, yv_error **err);

/* Sets a customer card's daily spending limit.
 * PUT /yativo-card/customers/{yativo_card_id}/wallet/limits; a write: retried only with the
 * call's idempotency key.
 * yativo_card_id: the customer's card account id.
 * daily_limit: the new daily limit, exact.
 * *out: a yv_spending_limits the caller frees with yv_spending_limits_free. */
YV_API yv_status yv_client_cards_set_customer_daily_spending_limit(
    yv_client *client, const char *yativo_card_id, const char *daily_limit, const yv_call *call,
    yv_spending_limits **out, yv_error **err);
/* yv_client_cards_set_customer_daily_spending_limit without blocking (see "Event loop"): done gets
 * a yv_spending_limits (freed with yv_spending_limits_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_set_customer_daily_spending_limit_start(
    yv_loop *loop, yv_client *client, const char *yativo_card_id, const char *daily_limit,
    const yv_call *call, yv_spending_limits_done_fn done, void *user_data, yv_pending **pending,
    yv_error **err);

/* The card holder's profile (name, address, KYC status...).
 * GET /yativo-card/{yativo_card_id}/profile; read-only (safe to repeat).
 * yativo_card_id: the card account's id (from onboard).
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_cards_get_user_profile(yv_client *client, const char *yativo_card_id,
                                                  const yv_call *call, yv_buffer **out,
                                                  yv_error **err);
/* yv_client_cards_get_user_profile without blocking (see "Event loop"): done gets a yv_buffer
 * (freed with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_get_user_profile_start(yv_loop *loop, yv_client *client,
                                                        const char *yativo_card_id,
                                                        const yv_call *call, yv_buffer_done_fn done,
                                                        void *user_data, yv_pending **pending,
                                                        yv_error **err);

/* A customer card holder's profile.
 * GET /yativo-card/customers/{yativo_card_id}/profile; read-only (safe to repeat).
 * yativo_card_id: the customer's card account id.
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_cards_get_customer_profile(yv_client *client, const char *yativo_card_id,
                                                      const yv_call *call, yv_buffer **out,
                                                      yv_error **err);
/* yv_client_cards_get_customer_profile without blocking (see "Event loop"): done gets a yv_buffer
 * (freed with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_get_customer_profile_start(yv_loop *loop, yv_client *client,
                                                            const char *yativo_card_id,
                                                            const yv_call *call,
                                                            yv_buffer_done_fn done, void *user_data,
                                                            yv_pending **pending, yv_error **err);

/* A customer's cards.
 * GET /yativo-card/customers/{customer_id}/cards; read-only (safe to repeat).
 * customer_id: the customer's id.
 * *out: a yv_card_list the caller frees with yv_card_list_free. */
YV_API yv_status yv_client_cards_list_customer_cards(yv_client *client, const char *customer_id,
                                                     const yv_call *call, yv_card_list **out,
                                                     yv_error **err);
/* yv_client_cards_list_customer_cards without blocking (see "Event loop"): done gets a yv_card_list
 * (freed with yv_card_list_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_list_customer_cards_start(
    yv_loop *loop, yv_client *client, const char *customer_id, const yv_call *call,
    yv_card_list_done_fn done, void *user_data, yv_pending **pending, yv_error **err);

/* Creates a card for a customer.
 * POST /yativo-card/customers/{customer_id}/create-card; a write: retried only with the call's
 * idempotency key.
 * customer_id: the customer's id.
 * card_type: virtual or physical; NULL = "virtual".
 * *out: a yv_card the caller frees with yv_card_free. */
YV_API yv_status yv_client_cards_create_customer_card(yv_client *client, const char *customer_id,
                                                      const char *card_type, const yv_call *call,
                                                      yv_card **out, yv_error **err);
/* yv_client_cards_create_customer_card without blocking (see "Event loop"): done gets a yv_card
 * (freed with yv_card_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_create_customer_card_start(yv_loop *loop, yv_client *client,
                                                            const char *customer_id,
                                                            const char *card_type,
                                                            const yv_call *call,
                                                            yv_card_done_fn done, void *user_data,
                                                            yv_pending **pending, yv_error **err);

/* A short-lived token for the secure display of a customer card's details.
 * POST /yativo-card/customers/{yativo_card_id}/cards/{card_id}/ephemeral-token; read-only (safe
 * to repeat).
 * yativo_card_id: the customer's card account id.
 * card_id: the card's id.
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_cards_get_customer_ephemeral_token(yv_client *client,
                                                              const char *yativo_card_id,
                                                              const char *card_id,
                                                              const yv_call *call, yv_buffer **out,
                                                              yv_error **err);
/* yv_client_cards_get_customer_ephemeral_token without blocking (see "Event loop"): done gets a
 * yv_buffer (freed with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_get_customer_ephemeral_token_start(
    yv_loop *loop, yv_client *client, const char *yativo_card_id, const char *card_id,
    const yv_call *call, yv_buffer_done_fn done, void *user_data, yv_pending **pending,
    yv_error **err);

/* Subscribes a URL to the card account's events; answers the subscription id.
 * POST /yativo-card/{yativo_card_id}/webhooks/subscribe; a write: retried only with the call's
 * idempotency key.
 * yativo_card_id: the card account's id (from onboard).
 * callback_url: the URL events go to.
 * events: the event types; unset (or empty) = all (events_count strings) (NULL = unset).
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_cards_subscribe_webhook(yv_client *client, const char *yativo_card_id,
                                                   const char *callback_url,
                                                   const char *const *events, size_t events_count,
                                                   const yv_call *call, yv_buffer **out,
                                                   yv_error **err);
/* yv_client_cards_subscribe_webhook without blocking (see "Event loop"): done gets a yv_buffer
 * (freed with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_subscribe_webhook_start(
    yv_loop *loop, yv_client *client, const char *yativo_card_id, const char *callback_url,
    const char *const *events, size_t events_count, const yv_call *call, yv_buffer_done_fn done,
    void *user_data, yv_pending **pending, yv_error **err);

/* Ends a card webhook subscription.
 * DELETE /yativo-card/{yativo_card_id}/webhooks/subscribe/{subscription_id}; a write: retried
 * only with the call's idempotency key.
 * yativo_card_id: the card account's id (from onboard).
 * subscription_id: the subscription's id.
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_cards_unsubscribe_webhook(yv_client *client, const char *yativo_card_id,
                                                     const char *subscription_id,
                                                     const yv_call *call, yv_buffer **out,
                                                     yv_error **err);
/* yv_client_cards_unsubscribe_webhook without blocking (see "Event loop"): done gets a yv_buffer
 * (freed with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_unsubscribe_webhook_start(yv_loop *loop, yv_client *client,
                                                           const char *yativo_card_id,
                                                           const char *subscription_id,
                                                           const yv_call *call,
                                                           yv_buffer_done_fn done, void *user_data,
                                                           yv_pending **pending, yv_error **err);

/* A physical card order and where it stands.
 * GET /yativo-card/{yativo_card_id}/cards/physical/order/{order_id}/status; read-only (safe to
 * repeat).
 * yativo_card_id: the card account's id (from onboard).
 * order_id: the order's id.
 * *out: a yv_card_order the caller frees with yv_card_order_free. */
YV_API yv_status yv_client_cards_get_physical_card_order_status(
    yv_client *client, const char *yativo_card_id, const char *order_id, const yv_call *call,
    yv_card_order **out, yv_error **err);
/* yv_client_cards_get_physical_card_order_status without blocking (see "Event loop"): done gets a
 * yv_card_order (freed with yv_card_order_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_get_physical_card_order_status_start(
    yv_loop *loop, yv_client *client, const char *yativo_card_id, const char *order_id,
    const yv_call *call, yv_card_order_done_fn done, void *user_data, yv_pending **pending,
    yv_error **err);

/* The account's physical card orders.
 * GET /yativo-card/{yativo_card_id}/cards/physical/orders; read-only (safe to repeat).
 * yativo_card_id: the card account's id (from onboard).
 * *out: a yv_card_order_list the caller frees with yv_card_order_list_free. */
YV_API yv_status yv_client_cards_list_physical_card_orders(yv_client *client,
                                                           const char *yativo_card_id,
                                                           const yv_call *call,
                                                           yv_card_order_list **out,
                                                           yv_error **err);
/* yv_client_cards_list_physical_card_orders without blocking (see "Event loop"): done gets a
 * yv_card_order_list (freed with yv_card_order_list_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_list_physical_card_orders_start(
    yv_loop *loop, yv_client *client, const char *yativo_card_id, const yv_call *call,
    yv_card_order_list_done_fn done, void *user_data, yv_pending **pending, yv_error **err);

/* Cancels a physical card order that is not paid or shipped yet.
 * POST /yativo-card/{yativo_card_id}/cards/physical/order/{order_id}/cancel; a write: retried
 * only with the call's idempotency key.
 * yativo_card_id: the card account's id (from onboard).
 * order_id: the order's id.
 * *out: a yv_card_order the caller frees with yv_card_order_free. */
YV_API yv_status yv_client_cards_cancel_physical_card_order(yv_client *client,
                                                            const char *yativo_card_id,
                                                            const char *order_id,
                                                            const yv_call *call,
                                                            yv_card_order **out, yv_error **err);
/* yv_client_cards_cancel_physical_card_order without blocking (see "Event loop"): done gets a
 * yv_card_order (freed with yv_card_order_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_cancel_physical_card_order_start(
    yv_loop *loop, yv_client *client, const char *yativo_card_id, const char *order_id,
    const yv_call *call, yv_card_order_done_fn done, void *user_data, yv_pending **pending,
    yv_error **err);

/* Pays a physical card order. Always carries an Idempotency-Key (the call's, or one the core
 * generates), returned with the result and on every error: the payment happens once.
 * POST /yativo-card/{yativo_card_id}/cards/physical/order/{order_id}/payment; moves value:
 * always carries an Idempotency-Key (the call's, else a new UUIDv4), in the result and, on
 * failure, in yv_error_idempotency_key().
 * yativo_card_id: the card account's id (from onboard).
 * order_id: the order's id.
 * payment_data_json: the payment, a JSON object sent as the body (e.g. {asset_id, amount}).
 * *out: a yv_card_order_payment the caller frees with yv_card_order_payment_free. */
YV_API yv_status yv_client_cards_attach_order_payment(yv_client *client, const char *yativo_card_id,
                                                      const char *order_id,
                                                      const char *payment_data_json,
                                                      const yv_call *call,
                                                      yv_card_order_payment **out, yv_error **err);
/* yv_client_cards_attach_order_payment without blocking (see "Event loop"): done gets a
 * yv_card_order_payment (freed with yv_card_order_payment_free) or the error. pending may be NULL.
 */
YV_API yv_status yv_client_cards_attach_order_payment_start(
    yv_loop *loop, yv_client *client, const char *yativo_card_id, const char *order_id,
    const char *payment_data_json, const yv_call *call, yv_card_order_payment_done_fn done,
    void *user_data, yv_pending **pending, yv_error **err);

/* Sets a physical card's PIN, encrypted for the card processor.
 * POST /yativo-card/{yativo_card_id}/cards/physical/{card_id}/pin; a write: retried only with
 * the call's idempotency key.
 * yativo_card_id: the card account's id (from onboard).
 * card_id: the card's id.
 * encrypted_pin: the PIN, encrypted.
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_cards_set_physical_card_pin(
    yv_client *client, const char *yativo_card_id, const char *card_id, const char *encrypted_pin,
    const yv_call *call, yv_buffer **out, yv_error **err);
/* yv_client_cards_set_physical_card_pin without blocking (see "Event loop"): done gets a yv_buffer
 * (freed with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_set_physical_card_pin_start(
    yv_loop *loop, yv_client *client, const char *yativo_card_id, const char *card_id,
    const char *encrypted_pin, const yv_call *call, yv_buffer_done_fn done, void *user_data,
    yv_pending **pending, yv_error **err);

/* Activates an IBAN for the card account.
 * POST /yativo-card/{yativo_card_id}/iban/activate; a write: retried only with the call's
 * idempotency key.
 * yativo_card_id: the card account's id (from onboard).
 * kyc_method: platform_sumsub, user_sumsub or direct_docs.
 * sumsub_token: a SumSub token, to share an existing KYC; NULL = unset.
 * *out: a yv_iban_status the caller frees with yv_iban_status_free. */
YV_API yv_status yv_client_cards_activate_iban(yv_client *client, const char *yativo_card_id,
                                               const char *kyc_method, const char *sumsub_token,
                                               const yv_call *call, yv_iban_status **out,
                                               yv_error **err);
/* yv_client_cards_activate_iban without blocking (see "Event loop"): done gets a yv_iban_status
 * (freed with yv_iban_status_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_activate_iban_start(yv_loop *loop, yv_client *client,
                                                     const char *yativo_card_id,
                                                     const char *kyc_method,
                                                     const char *sumsub_token, const yv_call *call,
                                                     yv_iban_status_done_fn done, void *user_data,
                                                     yv_pending **pending, yv_error **err);

/* Where the card account's IBAN stands (422 iban_not_activated before activation).
 * GET /yativo-card/{yativo_card_id}/iban/status; read-only (safe to repeat).
 * yativo_card_id: the card account's id (from onboard).
 * *out: a yv_iban_status the caller frees with yv_iban_status_free. */
YV_API yv_status yv_client_cards_get_iban_status(yv_client *client, const char *yativo_card_id,
                                                 const yv_call *call, yv_iban_status **out,
                                                 yv_error **err);
/* yv_client_cards_get_iban_status without blocking (see "Event loop"): done gets a yv_iban_status
 * (freed with yv_iban_status_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_get_iban_status_start(yv_loop *loop, yv_client *client,
                                                       const char *yativo_card_id,
                                                       const yv_call *call,
                                                       yv_iban_status_done_fn done, void *user_data,
                                                       yv_pending **pending, yv_error **err);

/* One card's transactions, newest first.
 * GET /yativo-card/{yativo_card_id}/cards/{card_id}/transactions; read-only (safe to repeat).
 * yativo_card_id: the card account's id (from onboard).
 * card_id: the card's id.
 * limit: at most this many; unset = the server's default (0 = unset).
 * offset: how many to skip; 0 = unset.
 * status: only transactions in this status; NULL = unset.
 * from_date: only from this time on (ISO 8601); NULL = unset.
 * to_date: only up to this time (ISO 8601); NULL = unset.
 * *out: a yv_card_transaction_list the caller frees with yv_card_transaction_list_free. */
YV_API yv_status yv_client_cards_get_transactions(yv_client *client, const char *yativo_card_id,
                                                  const char *card_id, uint32_t limit,
                                                  uint32_t offset, const char *status,
                                                  const char *from_date, const char *to_date,
                                                  const yv_call *call,
                                                  yv_card_transaction_list **out, yv_error **err);
/* yv_client_cards_get_transactions without blocking (see "Event loop"): done gets a
 * yv_card_transaction_list (freed with yv_card_transaction_list_free) or the error. pending may be
 * NULL. */
YV_API yv_status yv_client_cards_get_transactions_start(
    yv_loop *loop, yv_client *client, const char *yativo_card_id, const char *card_id,
    uint32_t limit, uint32_t offset, const char *status, const char *from_date, const char *to_date,
    const yv_call *call, yv_card_transaction_list_done_fn done, void *user_data,
    yv_pending **pending, yv_error **err);

/* The transactions of every card of the account, newest first.
 * GET /yativo-card/{yativo_card_id}/transactions; read-only (safe to repeat).
 * yativo_card_id: the card account's id (from onboard).
 * limit: at most this many; unset = the server's default (0 = unset).
 * offset: how many to skip; 0 = unset.
 * status: only transactions in this status; NULL = unset.
 * *out: a yv_card_transaction_list the caller frees with yv_card_transaction_list_free. */
YV_API yv_status yv_client_cards_get_all_transactions(yv_client *client, const char *yativo_card_id,
                                                      uint32_t limit, uint32_t offset,
                                                      const char *status, const yv_call *call,
                                                      yv_card_transaction_list **out,
                                                      yv_error **err);
/* yv_client_cards_get_all_transactions without blocking (see "Event loop"): done gets a
 * yv_card_transaction_list (freed with yv_card_transaction_list_free) or the error. pending may be
 * NULL. */
YV_API yv_status yv_client_cards_get_all_transactions_start(
    yv_loop *loop, yv_client *client, const char *yativo_card_id, uint32_t limit, uint32_t offset,
    const char *status, const yv_call *call, yv_card_transaction_list_done_fn done, void *user_data,
    yv_pending **pending, yv_error **err);

/* Orders a physical card, shipped to an address.
 * POST /yativo-card/{yativo_card_id}/cards/physical/order; a write: retried only with the
 * call's idempotency key.
 * yativo_card_id: the card account's id (from onboard).
 * shipping_address_json: the address, a JSON object (line1, city, postal_code, country...)
 * (JSON text: any JSON value; not JSON = YV_INVALID_ARGUMENT).
 * personalization: the name embossed on the card; NULL = unset.
 * *out: a yv_card_order the caller frees with yv_card_order_free. */
YV_API yv_status yv_client_cards_create_physical_card_order(
    yv_client *client, const char *yativo_card_id, const char *shipping_address_json,
    const char *personalization, const yv_call *call, yv_card_order **out, yv_error **err);
/* yv_client_cards_create_physical_card_order without blocking (see "Event loop"): done gets a
 * yv_card_order (freed with yv_card_order_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_cards_create_physical_card_order_start(
    yv_loop *loop, yv_client *client, const char *yativo_card_id, const char *shipping_address_json,
    const char *personalization, const yv_call *call, yv_card_order_done_fn done, void *user_data,
    yv_pending **pending, yv_error **err);

/* --- customers: Customers of the platform, with their wallets and transactions. */

/* Creates a customer.
 * POST /customers/create-customer; a write: retried only with the call's idempotency key.
 * email: the customer's e-mail address.
 * name: the customer's name; NULL = unset.
 * phone: the phone number; NULL = unset.
 * metadata_json: your own data kept with the customer (any JSON value) (JSON text: any JSON
 * value; not JSON = YV_INVALID_ARGUMENT); NULL = unset.
 * *out: a yv_customer the caller frees with yv_customer_free. */
YV_API yv_status yv_client_create_customer(yv_client *client, const char *email, const char *name,
                                           const char *phone, const char *metadata_json,
                                           const yv_call *call, yv_customer **out, yv_error **err);
/* yv_client_create_customer without blocking (see "Event loop"): done gets a yv_customer (freed
 * with yv_customer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_create_customer_start(yv_loop *loop, yv_client *client,
                                                 const char *email, const char *name,
                                                 const char *phone, const char *metadata_json,
                                                 const yv_call *call, yv_customer_done_fn done,
                                                 void *user_data, yv_pending **pending,
                                                 yv_error **err);

/* One page of your customers, oldest first.
 * POST /customers/get-customers; read-only (safe to repeat).
 * page: the page, from 1; unset = the first (0 = unset).
 * limit: items per page, 1..100; unset = the server's default (0 = unset).
 * search: only customers whose e-mail or name holds this text; NULL = unset.
 * customer_id: only this customer; NULL = unset.
 * *out: a yv_customer_list the caller frees with yv_customer_list_free. */
YV_API yv_status yv_client_list_customers(yv_client *client, uint32_t page, uint32_t limit,
                                          const char *search, const char *customer_id,
                                          const yv_call *call, yv_customer_list **out,
                                          yv_error **err);
/* yv_client_list_customers without blocking (see "Event loop"): done gets a yv_customer_list (freed
 * with yv_customer_list_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_list_customers_start(yv_loop *loop, yv_client *client, uint32_t page,
                                                uint32_t limit, const char *search,
                                                const char *customer_id, const yv_call *call,
                                                yv_customer_list_done_fn done, void *user_data,
                                                yv_pending **pending, yv_error **err);

/* One page of the transfers from one customer's wallets, newest first.
 * POST /customers/get-customer-transactions; read-only (safe to repeat).
 * customer_id: the customer's id.
 * page: the page, from 1; unset = the first (0 = unset).
 * limit: items per page, 1..100; unset = the server's default (0 = unset).
 * *out: a yv_transaction_list the caller frees with yv_transaction_list_free. */
YV_API yv_status yv_client_customer_transactions(yv_client *client, const char *customer_id,
                                                 uint32_t page, uint32_t limit, const yv_call *call,
                                                 yv_transaction_list **out, yv_error **err);
/* yv_client_customer_transactions without blocking (see "Event loop"): done gets a
 * yv_transaction_list (freed with yv_transaction_list_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_customer_transactions_start(yv_loop *loop, yv_client *client,
                                                       const char *customer_id, uint32_t page,
                                                       uint32_t limit, const yv_call *call,
                                                       yv_transaction_list_done_fn done,
                                                       void *user_data, yv_pending **pending,
                                                       yv_error **err);

/* --- iban: The standalone IBAN: product options, onboarding, KYC, the IBAN request and its status.
 */

/* The standalone IBAN product's options.
 * GET /iban/options; read-only (safe to repeat).
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_iban_get_options(yv_client *client, const yv_call *call, yv_buffer **out,
                                            yv_error **err);
/* yv_client_iban_get_options without blocking (see "Event loop"): done gets a yv_buffer (freed with
 * yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_iban_get_options_start(yv_loop *loop, yv_client *client,
                                                  const yv_call *call, yv_buffer_done_fn done,
                                                  void *user_data, yv_pending **pending,
                                                  yv_error **err);

/* Starts IBAN onboarding for the user, or for one of its customers.
 * POST /iban/onboarding/init; a write: retried only with the call's idempotency key.
 * email: the holder's e-mail address.
 * customer_id: the customer it is for; unset = the user (NULL = unset).
 * *out: a yv_iban_status the caller frees with yv_iban_status_free. */
YV_API yv_status yv_client_iban_initialize(yv_client *client, const char *email,
                                           const char *customer_id, const yv_call *call,
                                           yv_iban_status **out, yv_error **err);
/* yv_client_iban_initialize without blocking (see "Event loop"): done gets a yv_iban_status (freed
 * with yv_iban_status_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_iban_initialize_start(yv_loop *loop, yv_client *client,
                                                 const char *email, const char *customer_id,
                                                 const yv_call *call, yv_iban_status_done_fn done,
                                                 void *user_data, yv_pending **pending,
                                                 yv_error **err);

/* Requests the IBAN once KYC is submitted.
 * POST /iban/iban/request; a write: retried only with the call's idempotency key.
 * customer_id: the customer it is for; unset = the user (NULL = unset).
 * *out: a yv_iban_status the caller frees with yv_iban_status_free. */
YV_API yv_status yv_client_iban_request(yv_client *client, const char *customer_id,
                                        const yv_call *call, yv_iban_status **out, yv_error **err);
/* yv_client_iban_request without blocking (see "Event loop"): done gets a yv_iban_status (freed
 * with yv_iban_status_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_iban_request_start(yv_loop *loop, yv_client *client,
                                              const char *customer_id, const yv_call *call,
                                              yv_iban_status_done_fn done, void *user_data,
                                              yv_pending **pending, yv_error **err);

/* Submits the holder's KYC data.
 * POST /iban/onboarding/kyc; a write: retried only with the call's idempotency key.
 * kyc_json: the KYC payload, a JSON object (name, date of birth, address, documents...) (JSON
 * text: any JSON value; not JSON = YV_INVALID_ARGUMENT).
 * email: the holder's e-mail address; NULL = unset.
 * customer_id: the customer it is for; unset = the user (NULL = unset).
 * *out: a yv_iban_status the caller frees with yv_iban_status_free. */
YV_API yv_status yv_client_iban_submit_kyc(yv_client *client, const char *kyc_json,
                                           const char *email, const char *customer_id,
                                           const yv_call *call, yv_iban_status **out,
                                           yv_error **err);
/* yv_client_iban_submit_kyc without blocking (see "Event loop"): done gets a yv_iban_status (freed
 * with yv_iban_status_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_iban_submit_kyc_start(yv_loop *loop, yv_client *client,
                                                 const char *kyc_json, const char *email,
                                                 const char *customer_id, const yv_call *call,
                                                 yv_iban_status_done_fn done, void *user_data,
                                                 yv_pending **pending, yv_error **err);

/* Where the IBAN stands.
 * GET /iban/status; read-only (safe to repeat).
 * customer_id: the customer it is for; unset = the user (NULL = unset).
 * *out: a yv_iban_status the caller frees with yv_iban_status_free. */
YV_API yv_status yv_client_iban_get_status(yv_client *client, const char *customer_id,
                                           const yv_call *call, yv_iban_status **out,
                                           yv_error **err);
/* yv_client_iban_get_status without blocking (see "Event loop"): done gets a yv_iban_status (freed
 * with yv_iban_status_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_iban_get_status_start(yv_loop *loop, yv_client *client,
                                                 const char *customer_id, const yv_call *call,
                                                 yv_iban_status_done_fn done, void *user_data,
                                                 yv_pending **pending, yv_error **err);

/* --- session: Session sign-in: registration, e-mailed one-time codes, Google Authenticator,
 * passkeys. A call that opens a session makes it this client's credential; its tokens stay inside
 * the client. */

/* Registers a user. The answer carries the new user's tokens: the session they open becomes
 * this client's credential (its tokens stay inside the client), as after verify_otp.
 * POST /authentication/registration; a write: retried only with the call's idempotency key.
 * email: the user's e-mail address.
 * password: the password, at least 8 characters.
 * username: a user name; NULL = unset.
 * first_name: the first name; NULL = unset.
 * last_name: the last name; NULL = unset.
 * *out: a yv_session the caller frees with yv_session_free. */
YV_API yv_status yv_client_register_user(yv_client *client, const char *email, const char *password,
                                         const char *username, const char *first_name,
                                         const char *last_name, const yv_call *call,
                                         yv_session **out, yv_error **err);
/* yv_client_register_user without blocking (see "Event loop"): done gets a yv_session (freed with
 * yv_session_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_register_user_start(yv_loop *loop, yv_client *client, const char *email,
                                               const char *password, const char *username,
                                               const char *first_name, const char *last_name,
                                               const yv_call *call, yv_session_done_fn done,
                                               void *user_data, yv_pending **pending,
                                               yv_error **err);

/* Starts a sign-in: the server e-mails a one-time code (then verify_otp).
 * POST /auth/sign-in; a write: retried only with the call's idempotency key.
 * email: the user's e-mail address.
 * role: the role signing in, e.g. User; NULL = unset.
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_sign_in(yv_client *client, const char *email, const char *role,
                                   const yv_call *call, yv_buffer **out, yv_error **err);
/* yv_client_sign_in without blocking (see "Event loop"): done gets a yv_buffer (freed with
 * yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_sign_in_start(yv_loop *loop, yv_client *client, const char *email,
                                         const char *role, const yv_call *call,
                                         yv_buffer_done_fn done, void *user_data,
                                         yv_pending **pending, yv_error **err);

/* Checks the e-mailed one-time code: the session it opens becomes this client's credential (its
 * tokens stay inside the client).
 * POST /auth/otp-verification; a write: retried only with the call's idempotency key.
 * otp: the one-time code.
 * email: the e-mail address it was sent to; NULL = unset.
 * *out: a yv_session the caller frees with yv_session_free. */
YV_API yv_status yv_client_verify_otp(yv_client *client, const char *otp, const char *email,
                                      const yv_call *call, yv_session **out, yv_error **err);
/* yv_client_verify_otp without blocking (see "Event loop"): done gets a yv_session (freed with
 * yv_session_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_verify_otp_start(yv_loop *loop, yv_client *client, const char *otp,
                                            const char *email, const yv_call *call,
                                            yv_session_done_fn done, void *user_data,
                                            yv_pending **pending, yv_error **err);

/* E-mails a new one-time code.
 * POST /authentication/resend_otp; a write: retried only with the call's idempotency key.
 * email: the user's e-mail address.
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_resend_otp(yv_client *client, const char *email, const yv_call *call,
                                      yv_buffer **out, yv_error **err);
/* yv_client_resend_otp without blocking (see "Event loop"): done gets a yv_buffer (freed with
 * yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_resend_otp_start(yv_loop *loop, yv_client *client, const char *email,
                                            const yv_call *call, yv_buffer_done_fn done,
                                            void *user_data, yv_pending **pending, yv_error **err);

/* The Google Authenticator setup of the signed-in user (its secret and QR code while not
 * enabled).
 * GET /google-auth/get-google-authenticator; read-only (safe to repeat).
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_google_auth_details(yv_client *client, const yv_call *call,
                                               yv_buffer **out, yv_error **err);
/* yv_client_google_auth_details without blocking (see "Event loop"): done gets a yv_buffer (freed
 * with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_google_auth_details_start(yv_loop *loop, yv_client *client,
                                                     const yv_call *call, yv_buffer_done_fn done,
                                                     void *user_data, yv_pending **pending,
                                                     yv_error **err);

/* Enables Google Authenticator for the signed-in user.
 * GET /google-auth/enable-google-authenticator; read-only (safe to repeat).
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_google_auth_enable(yv_client *client, const yv_call *call,
                                              yv_buffer **out, yv_error **err);
/* yv_client_google_auth_enable without blocking (see "Event loop"): done gets a yv_buffer (freed
 * with yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_google_auth_enable_start(yv_loop *loop, yv_client *client,
                                                    const yv_call *call, yv_buffer_done_fn done,
                                                    void *user_data, yv_pending **pending,
                                                    yv_error **err);

/* Checks a Google Authenticator code at sign-in: the session it opens becomes this client's
 * credential.
 * POST /google-auth/verify-token; a write: retried only with the call's idempotency key.
 * code: the 6-digit code.
 * email: the user's e-mail address; NULL = unset.
 * *out: a yv_session the caller frees with yv_session_free. */
YV_API yv_status yv_client_google_auth_verify(yv_client *client, const char *code,
                                              const char *email, const yv_call *call,
                                              yv_session **out, yv_error **err);
/* yv_client_google_auth_verify without blocking (see "Event loop"): done gets a yv_session (freed
 * with yv_session_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_google_auth_verify_start(yv_loop *loop, yv_client *client,
                                                    const char *code, const char *email,
                                                    const yv_call *call, yv_session_done_fn done,
                                                    void *user_data, yv_pending **pending,
                                                    yv_error **err);

/* The WebAuthn options (challenge, allowed credentials) for a passkey sign-in.
 * POST /auth/passkeys/authenticate-options; a write: retried only with the call's idempotency
 * key.
 * email: the user's e-mail address.
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_passkey_options(yv_client *client, const char *email,
                                           const yv_call *call, yv_buffer **out, yv_error **err);
/* yv_client_passkey_options without blocking (see "Event loop"): done gets a yv_buffer (freed with
 * yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_passkey_options_start(yv_loop *loop, yv_client *client,
                                                 const char *email, const yv_call *call,
                                                 yv_buffer_done_fn done, void *user_data,
                                                 yv_pending **pending, yv_error **err);

/* Checks a passkey assertion (the authenticator's answer, as JSON): the session it opens
 * becomes this client's credential.
 * POST /auth/passkeys/authenticate-verify; a write: retried only with the call's idempotency
 * key.
 * assertion_json: the assertion as the browser gave it: a JSON object (id, rawId, response,
 * type, ...), sent as the body.
 * *out: a yv_session the caller frees with yv_session_free. */
YV_API yv_status yv_client_passkey_verify(yv_client *client, const char *assertion_json,
                                          const yv_call *call, yv_session **out, yv_error **err);
/* yv_client_passkey_verify without blocking (see "Event loop"): done gets a yv_session (freed with
 * yv_session_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_passkey_verify_start(yv_loop *loop, yv_client *client,
                                                const char *assertion_json, const yv_call *call,
                                                yv_session_done_fn done, void *user_data,
                                                yv_pending **pending, yv_error **err);

/* Renews the session's access token with its refresh token (both kept inside the client).
 * GET /authentication/refresh-token; read-only (safe to repeat).
 * *out: a yv_session the caller frees with yv_session_free. */
YV_API yv_status yv_client_refresh_session(yv_client *client, const yv_call *call, yv_session **out,
                                           yv_error **err);
/* yv_client_refresh_session without blocking (see "Event loop"): done gets a yv_session (freed with
 * yv_session_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_refresh_session_start(yv_loop *loop, yv_client *client,
                                                 const yv_call *call, yv_session_done_fn done,
                                                 void *user_data, yv_pending **pending,
                                                 yv_error **err);

/* --- swap: Swaps between assets: route catalogue, quotes, execution (moves value, 2FA) and
 * history. */

/* The user's assets that can be swapped.
 * GET /swap/assets; read-only (safe to repeat).
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_swap_get_assets(yv_client *client, const yv_call *call, yv_buffer **out,
                                           yv_error **err);
/* yv_client_swap_get_assets without blocking (see "Event loop"): done gets a yv_buffer (freed with
 * yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_swap_get_assets_start(yv_loop *loop, yv_client *client,
                                                 const yv_call *call, yv_buffer_done_fn done,
                                                 void *user_data, yv_pending **pending,
                                                 yv_error **err);

/* The catalogue of enabled swap routes ({sources: [...]}).
 * GET /swap/routes; read-only (safe to repeat).
 * *out: the payload as compact JSON (numbers as strings), freed with yv_buffer_free. */
YV_API yv_status yv_client_swap_get_routes(yv_client *client, const yv_call *call, yv_buffer **out,
                                           yv_error **err);
/* yv_client_swap_get_routes without blocking (see "Event loop"): done gets a yv_buffer (freed with
 * yv_buffer_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_swap_get_routes_start(yv_loop *loop, yv_client *client,
                                                 const yv_call *call, yv_buffer_done_fn done,
                                                 void *user_data, yv_pending **pending,
                                                 yv_error **err);

/* Asks for a quote (safe to repeat: a quote moves nothing). The body is the caller's object.
 * POST /swap/quote; read-only (safe to repeat).
 * data_json: the quote request, e.g. {from_chain, from_ticker, to_chain, to_ticker, amount}
 * (amounts as decimal strings).
 * *out: a yv_swap_quote the caller frees with yv_swap_quote_free. */
YV_API yv_status yv_client_swap_get_quote(yv_client *client, const char *data_json,
                                          const yv_call *call, yv_swap_quote **out, yv_error **err);
/* yv_client_swap_get_quote without blocking (see "Event loop"): done gets a yv_swap_quote (freed
 * with yv_swap_quote_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_swap_get_quote_start(yv_loop *loop, yv_client *client,
                                                const char *data_json, const yv_call *call,
                                                yv_swap_quote_done_fn done, void *user_data,
                                                yv_pending **pending, yv_error **err);

/* Executes a quote. Always carries an Idempotency-Key (the call's, or one the core generates),
 * returned with the result and on every error: called again with that key, the swap happens
 * once. Sends X-2FA-Token. An expired quote is refused (422 quote_expired).
 * POST /swap/execute; moves value: always carries an Idempotency-Key (the call's, else a new
 * UUIDv4), in the result and, on failure, in yv_error_idempotency_key().
 * Sends X-2FA-Token: the call's code, or one from the client's TOTP secret.
 * data_json: the execution request, e.g. {quote_id, from_asset_id, to_address}.
 * *out: a yv_swap_execution the caller frees with yv_swap_execution_free. */
YV_API yv_status yv_client_swap_execute(yv_client *client, const char *data_json,
                                        const yv_call *call, yv_swap_execution **out,
                                        yv_error **err);
/* yv_client_swap_execute without blocking (see "Event loop"): done gets a yv_swap_execution (freed
 * with yv_swap_execution_free) or the error. pending may be NULL. */
YV_API yv_status yv_client_swap_execute_start(yv_loop *loop, yv_client *client,
                                              const char *data_json, const yv_call *call,
                                              yv_swap_execution_done_fn done, void *user_data,
                                              yv_pending **pending, yv_error **err);

/* The swap history, newest first.
 * GET /swap/history; read-only (safe to repeat).
 * limit: items per page, 1..100; unset = the server's default (0 = unset).
 * offset: how many to skip; 0 = unset.
 * status: only swaps in this status; NULL = unset.
 * *out: a yv_swap_history_item_list the caller frees with yv_swap_history_item_list_free. */
YV_API yv_status yv_client_swap_get_history(yv_client *client, uint32_t limit, uint32_t offset,
                                            const char *status, const yv_call *call,
                                            yv_swap_history_item_list **out, yv_error **err);
/* yv_client_swap_get_history without blocking (see "Event loop"): done gets a
 * yv_swap_history_item_list (freed with yv_swap_history_item_list_free) or the error. pending may
 * be NULL. */
YV_API yv_status yv_client_swap_get_history_start(yv_loop *loop, yv_client *client, uint32_t limit,
                                                  uint32_t offset, const char *status,
                                                  const yv_call *call,
                                                  yv_swap_history_item_list_done_fn done,
                                                  void *user_data, yv_pending **pending,
                                                  yv_error **err);
/* END GENERATED: endpoints */

/* ---------------------------------------------------------------------------------------------
 * The transaction history, page after page. The core decides when the walk ends, the same way
 * for every language: it follows the server's `pagination` block when the answer has one (a
 * full last page costs no extra request), and otherwise stops at a page with fewer items than
 * the page size (the query's limit, else the first page's size). An empty page always ends it.
 * Since 0.2.0.
 * ------------------------------------------------------------------------------------------- */

typedef struct yv_tx_pager yv_tx_pager;

/* A walk over yv_client_list_transactions, from the query's page (query may be NULL: every
 * transaction, the server's page size). The query and call are copied: either may be freed at
 * once. Every request uses `call` (its timeout is per page; its cancel token stays attached).
 * Sends nothing. `client` is borrowed: it must outlive the pager.
 * Threads: a pager is one walk, not locked: call it from one thread at a time (any thread). */
YV_API yv_status yv_tx_pager_new(yv_client *client, const yv_tx_query *query, const yv_call *call,
                                 yv_tx_pager **out, yv_error **err);
/* Fetches the next page. On YV_OK, either *done is false and *out_page holds the page's
 * transactions (freed with yv_transaction_list_free), or *done is true, *out_page is NULL and no
 * request was made: the walk is over, and stays over. On failure *done is false and the same page
 * is asked for again by the next call, so a walk can go on after a timeout. YV_E_PROTOCOL when an
 * answer holds no list. */
YV_API yv_status yv_tx_pager_next(yv_tx_pager *pager, yv_transaction_list **out_page, bool *done,
                                  yv_error **err);
/* The completion of yv_tx_pager_next_start, as yv_tx_pager_next reports: on YV_OK either
 * finished is false and page holds the page (freed with yv_transaction_list_free), or finished is
 * true and page is NULL; on failure page is NULL, finished false, and the same page is asked for
 * again by the next call. */
typedef void (*yv_tx_page_fn)(void *user_data, yv_status status, yv_transaction_list *page,
                              bool finished, yv_error *err);
/* yv_tx_pager_next without blocking ("Event loop"); pending may be NULL. The pager must outlive
 * the call and is used by nothing else until its callback has run. */
YV_API yv_status yv_tx_pager_next_start(yv_loop *loop, yv_tx_pager *pager, yv_tx_page_fn done,
                                        void *user_data, yv_pending **pending, yv_error **err);
/* No call on the pager may be in flight. */
YV_API void yv_tx_pager_free(yv_tx_pager *pager);

/* ---------------------------------------------------------------------------------------------
 * Webhook signatures (no client needed). Scheme A: X-Webhook-Signature = hex HMAC-SHA256 of the
 * body. Scheme B: X-Yativo-Signature "sha256=<hex>" over "<X-Yativo-Timestamp>.<body>". When
 * scheme B headers are present only scheme B is accepted, but a receiver cannot see headers that
 * were stripped: a captured delivery sent again with scheme A alone verifies, at any later time.
 * yv_webhook_verifier (below) refuses such replays.
 * ------------------------------------------------------------------------------------------- */

typedef struct yv_headers yv_headers;
typedef struct yv_event yv_event;

/* An empty header list (for yv_webhook_verify); freed with yv_headers_free. */
YV_API yv_status yv_headers_new(yv_headers **out, yv_error **err);
/* Frees the list; NULL is ignored. */
YV_API void yv_headers_free(yv_headers *headers);
/* Appends a header as received (the name must not be empty; the value may be). */
YV_API yv_status yv_headers_add(yv_headers *headers, const char *name, const char *value,
                                yv_error **err);
/* How many headers the list holds. */
YV_API size_t yv_headers_count(const yv_headers *headers);
/* Borrowed from the headers; NULL when i is out of range. */
YV_API const char *yv_headers_name(const yv_headers *headers, size_t i);
/* The value of header i, or NULL when i is out of range. */
YV_API const char *yv_headers_value(const yv_headers *headers, size_t i);
/* Value of the first header of that name (case-insensitive), or NULL. */
YV_API const char *yv_headers_get(const yv_headers *headers, const char *name);

/* Verifies body (body_len bytes; NULL allowed when 0) with the webhook secret.
 * tolerance_s: scheme B timestamp tolerance, 0 = default. require_timestamp refuses scheme A.
 * YV_E_SIGNATURE_INVALID when it does not verify or is stale, YV_E_PROTOCOL when the verified
 * body is not a JSON object. out_event may be NULL; else it receives the parsed event. */
YV_API yv_status yv_webhook_verify(const uint8_t *body, size_t body_len, const yv_headers *headers,
                                   const char *secret, uint32_t tolerance_s, bool require_timestamp,
                                   yv_event **out_event, yv_error **err);
/* For tests: the headers of both schemes for body, at unix_time (YV_NOW = now). */
YV_API yv_status yv_webhook_sign(const uint8_t *body, size_t body_len, const char *secret,
                                 int64_t unix_time, yv_headers **out, yv_error **err);

/* The event's id; borrowed from the event. */
YV_API const char *yv_event_id(const yv_event *event);
/* The event's type ("transaction.confirmed", ...). */
YV_API const char *yv_event_type(const yv_event *event);
/* ISO 8601, as the sender wrote it. */
YV_API const char *yv_event_created_at(const yv_event *event);
/* The event's `data` as compact JSON ("null" when absent). */
YV_API const char *yv_event_data_json(const yv_event *event);
/* The whole event body as compact JSON. */
YV_API const char *yv_event_json(const yv_event *event);
/* Frees the event; NULL is ignored. */
YV_API void yv_event_free(yv_event *event);

/* A replay guard: yv_webhook_verify, then each event id is accepted once within a window
 * (docs/security.md). Safe to share: any number of threads may call
 * yv_webhook_verifier_verify at once, and concurrent deliveries of one event are accepted
 * exactly once. The memory is this process's only. */
typedef struct yv_webhook_verifier yv_webhook_verifier;

/* secret: the subscription's signing secret (copied; wiped when the verifier is freed).
 * window_s: how long an accepted id is remembered, on the monotonic clock, from its acceptance;
 * max_events: how many ids at most (at the bound the oldest is forgotten first, so it could be
 * replayed again); tolerance_s, require_timestamp: as for yv_webhook_verify. 0 = default for
 * each number. */
YV_API yv_status yv_webhook_verifier_new(const char *secret, uint32_t window_s, size_t max_events,
                                         uint32_t tolerance_s, bool require_timestamp,
                                         yv_webhook_verifier **out, yv_error **err);
/* No call on the verifier may be in flight. */
YV_API void yv_webhook_verifier_free(yv_webhook_verifier *verifier);
/* Verifies the signature as yv_webhook_verify does, then checks and records the event's id in
 * one step. YV_E_SIGNATURE_INVALID also when the id was accepted within the window (a replay):
 * then yv_error_error_code() is "webhook_replay" (NULL for a bad signature), and a receiver may
 * answer 2xx without processing the event again. YV_E_PROTOCOL when the verified event has no
 * id (it cannot be de-duplicated, so it is refused). Only an accepted event is remembered.
 * out_event may be NULL. */
YV_API yv_status yv_webhook_verifier_verify(yv_webhook_verifier *verifier, const uint8_t *body,
                                            size_t body_len, const yv_headers *headers,
                                            yv_event **out_event, yv_error **err);

/* ---------------------------------------------------------------------------------------------
 * TOTP (RFC 6238, HMAC-SHA1), e.g. to pass a code through yv_call_set_totp_code.
 * ------------------------------------------------------------------------------------------- */

/* Smallest out_code buffer that fits any code (8 digits + NUL). */
#define YV_TOTP_CODE_SIZE 9

/* Writes the code of base32_secret at unix_time (YV_NOW = now) as a NUL-terminated string.
 * period_s 0 = default; digits 0 = default (6), else 6..8; out_size >= digits + 1. */
YV_API yv_status yv_totp(const char *base32_secret, int64_t unix_time, uint32_t period_s,
                         uint32_t digits, char *out_code, size_t out_size, yv_error **err);

#ifdef __cplusplus
}
#endif

#endif /* YATIVO_H */
