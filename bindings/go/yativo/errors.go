package yativo

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/libyativo/libyativo/bindings/go/internal/capi"
)

// Code is a libyativo status code (the constants are generated from the core's status table).
type Code int

// String is the code's name, as in the C ABI without prefix ("RATE_LIMITED").
func (c Code) String() string {
	if n, ok := codeNames[c]; ok {
		return n
	}
	return "UNKNOWN(" + strconv.Itoa(int(c)) + ")"
}

// Codes lists every status code, CodeOK first, in the table's order of numbers.
func Codes() []Code {
	out := make([]Code, 0, len(codeNames))
	for c := range codeNames {
		out = append(out, c)
	}
	for i := 1; i < len(out); i++ { // tiny insertion sort, no extra import
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// Sentinel returns the sentinel error of c (ErrRateLimited for CodeRateLimited), nil for CodeOK
// or an unknown code.
func (c Code) Sentinel() error { return sentinels[c] }

// statusError is the type of the sentinels. They carry a code and nothing else.
type statusError struct{ code Code }

func (s *statusError) Error() string { return "yativo: " + s.code.String() }

// ErrClosed is matched (errors.Is) by the error of any call made on a closed Client.
var ErrClosed = errors.New("yativo: client is closed")

// Error is the error of every failed call: every field SPEC'd for a failure, on every surface.
// Match it with errors.Is(err, ErrNotFound) (and context.DeadlineExceeded or context.Canceled
// when the call's context ended it), read it with errors.As.
type Error struct {
	Code       Code   // the status code
	HTTPStatus int    // HTTP status of the failing response; 0 when none was received
	ErrorCode  string // the server's machine code ("insufficient_balance"), or ""
	Message    string // one line, never a secret
	// Details is the server's `details` as JSON, or nil.
	Details   json.RawMessage
	RequestID string // X-Request-Id of the failing response, or ""
	// RetryAfter is how long the server asked to wait (Retry-After or body retry_after); 0 when
	// it asked nothing.
	RetryAfter time.Duration
	// ExistingTransactionID: on CodeConflict, what the idempotency key already belongs to.
	ExistingTransactionID string
	// IdempotencyKey is the Idempotency-Key the failing write carried (always set by SendFunds).
	IdempotencyKey string
	// OutcomeUnknown is true when the request may have been processed (timeout, dropped
	// connection, 5xx after retries): retry with the same IdempotencyKey.
	OutcomeUnknown bool
	// Retryable is true when a later identical call may succeed.
	Retryable bool

	cause error // context.Canceled, context.DeadlineExceeded, ErrClosed, or nil
}

// Error formats the failure on one line: code, HTTP status, server code, message, request id.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("yativo: ")
	b.WriteString(e.Code.String())
	if e.HTTPStatus != 0 || e.ErrorCode != "" {
		b.WriteString(" (")
		if e.HTTPStatus != 0 {
			b.WriteString("HTTP ")
			b.WriteString(strconv.Itoa(e.HTTPStatus))
			if e.ErrorCode != "" {
				b.WriteString(", ")
			}
		}
		b.WriteString(e.ErrorCode)
		b.WriteString(")")
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.RequestID != "" {
		b.WriteString(" [request ")
		b.WriteString(e.RequestID)
		b.WriteString("]")
	}
	return b.String()
}

// Is reports whether target is the sentinel of e's code (errors.Is(err, ErrRateLimited)).
func (e *Error) Is(target error) bool {
	s, ok := target.(*statusError)
	return ok && s.code == e.Code
}

// Unwrap returns the context error that ended the call (or ErrClosed), if any.
func (e *Error) Unwrap() error { return e.cause }

// CodeOf returns the Code of err: CodeOK for nil, the code of an *Error in its chain, else
// CodeInternal.
func CodeOf(err error) Code {
	if err == nil {
		return CodeOK
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// fromCAPI converts an error of the cgo layer.
func fromCAPI(err error) error {
	if err == nil {
		return nil
	}
	if e, ok := err.(*Error); ok {
		return e
	}
	var ce *capi.Error
	if !errors.As(err, &ce) {
		if errors.Is(err, capi.ErrClosed) {
			return &Error{Code: CodeInvalidArgument, Message: "the client is closed", cause: ErrClosed}
		}
		return &Error{Code: CodeInternal, Message: err.Error()}
	}
	e := &Error{
		Code:                  Code(ce.Code),
		HTTPStatus:            ce.HTTPStatus,
		ErrorCode:             ce.ErrorCode,
		Message:               ce.Message,
		RequestID:             ce.RequestID,
		ExistingTransactionID: ce.ExistingTransactionID,
		IdempotencyKey:        ce.IdempotencyKey,
		OutcomeUnknown:        ce.OutcomeUnknown,
		Retryable:             ce.Retryable,
	}
	if ce.HasDetails {
		e.Details = json.RawMessage(ce.DetailsJSON)
	}
	if ce.RetryAfterMS > 0 {
		e.RetryAfter = time.Duration(ce.RetryAfterMS) * time.Millisecond
	}
	return e
}

// contextError is the error of a call that its context ended: CodeTimeout for a deadline,
// CodeCancelled otherwise, wrapping ctxErr so that errors.Is(err, context.DeadlineExceeded)
// holds. Fields the library reported (idempotency key, outcome) are kept.
func contextError(e *Error, ctxErr error) *Error {
	if e == nil {
		e = &Error{Message: ctxErr.Error()}
	}
	if errors.Is(ctxErr, context.DeadlineExceeded) {
		e.Code = CodeTimeout
	} else {
		e.Code = CodeCancelled
	}
	e.cause = ctxErr
	return e
}

func invalidArgument(msg string) error {
	return &Error{Code: CodeInvalidArgument, Message: msg}
}
