package capi

/*
#include "shim.h"
#cgo noescape yvgo_error_read
#cgo nocallback yvgo_error_read
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

// takeError converts the result of a C call, freeing the C error object. A success costs no C
// call; a failure two: one reading every field (yvgo_error_read), one freeing.
func takeError(st C.yv_status, e *C.yv_error) error {
	if st == C.YV_OK {
		if e != nil { // the library leaves it NULL after a success; free one all the same
			C.yv_error_free(e)
		}
		return nil
	}
	if e == nil {
		return &Error{Code: int(st), Message: gostr(C.yv_status_str(st)), RetryAfterMS: -1}
	}
	defer C.yv_error_free(e)
	var v C.yvgo_error
	C.yvgo_error_read(e, &v)
	return &Error{
		Code:                  int(v.code),
		Message:               gostrn(v.message, v.message_len),
		HTTPStatus:            int(v.http_status),
		ErrorCode:             gostrn(v.error_code, v.error_code_len),
		DetailsJSON:           gostrn(v.details_json, v.details_json_len),
		HasDetails:            v.details_json != nil,
		RequestID:             gostrn(v.request_id, v.request_id_len),
		RetryAfterMS:          int64(v.retry_after_ms),
		ExistingTransactionID: gostrn(v.existing_transaction_id, v.existing_transaction_id_len),
		IdempotencyKey:        gostrn(v.idempotency_key, v.idempotency_key_len),
		OutcomeUnknown:        bool(v.outcome_unknown),
		Retryable:             bool(v.retryable),
	}
}

// InvalidArgument builds an INVALID_ARGUMENT error detected on the Go side.
func InvalidArgument(msg string) error {
	return &Error{Code: StatusInvalidArgument, Message: msg, RetryAfterMS: -1}
}

// StatusString is yv_status_str().
func StatusString(code int) string { return gostr(C.yv_status_str(C.yv_status(code))) }
