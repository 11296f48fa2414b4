package capi

/*
#include <yativo.h>
*/
import "C"

import "errors"

// Status codes used by the Go layer itself.
const (
	StatusOK              = int(C.YV_OK)
	StatusInvalidArgument = int(C.YV_E_INVALID_ARGUMENT)
	StatusTimeout         = int(C.YV_E_TIMEOUT)
	StatusCancelled       = int(C.YV_E_CANCELLED)
)

// Error is every field of a yv_error, copied into Go memory.
type Error struct {
	Code                  int
	Message               string
	HTTPStatus            int
	ErrorCode             string
	DetailsJSON           string
	HasDetails            bool
	RequestID             string
	RetryAfterMS          int64
	ExistingTransactionID string
	IdempotencyKey        string
	OutcomeUnknown        bool
	Retryable             bool
}

func (e *Error) Error() string { return e.Message }

// ErrClosed is returned by calls on a closed client.
var ErrClosed = errors.New("the client is closed")

// takeError converts the result of a C call, freeing the C error object.
func takeError(st C.yv_status, e *C.yv_error) error {
	if st == C.YV_OK {
		C.yv_error_free(e) // NULL after a success; harmless
		return nil
	}
	if e == nil {
		return &Error{Code: int(st), Message: gostr(C.yv_status_str(st)), RetryAfterMS: -1}
	}
	defer C.yv_error_free(e)
	details := C.yv_error_details_json(e)
	return &Error{
		Code:                  int(C.yv_error_code(e)),
		Message:               gostr(C.yv_error_message(e)),
		HTTPStatus:            int(C.yv_error_http_status(e)),
		ErrorCode:             gostr(C.yv_error_error_code(e)),
		DetailsJSON:           gostr(details),
		HasDetails:            details != nil,
		RequestID:             gostr(C.yv_error_request_id(e)),
		RetryAfterMS:          int64(C.yv_error_retry_after_ms(e)),
		ExistingTransactionID: gostr(C.yv_error_existing_transaction_id(e)),
		IdempotencyKey:        gostr(C.yv_error_idempotency_key(e)),
		OutcomeUnknown:        bool(C.yv_error_outcome_unknown(e)),
		Retryable:             bool(C.yv_error_retryable(e)),
	}
}

// InvalidArgument builds an INVALID_ARGUMENT error detected on the Go side.
func InvalidArgument(msg string) error {
	return &Error{Code: StatusInvalidArgument, Message: msg, RetryAfterMS: -1}
}

// StatusString is yv_status_str().
func StatusString(code int) string { return gostr(C.yv_status_str(C.yv_status(code))) }
