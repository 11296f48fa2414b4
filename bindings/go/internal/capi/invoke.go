package capi

/*
#include <yativo.h>
*/
import "C"

// Every C call of the package goes through invoke: the wrapper's function converts the arguments
// with the cstrings it is handed and makes the one C call; invoke then frees those copies and
// turns the status and the yv_error into a Go error. Calls on a client add Client.do (the read
// lock that keeps Close out) and callClient (an owned output copied into Go memory), so that one
// endpoint wrapper is a single C call in a closure:
//
//	func (c *Client) ListAssets(accountID string, call *Call) ([]byte, error) {
//		return callClient(c, call, takeBuffer, func(a *clientArgs, out **C.yv_buffer) C.yv_status {
//			return C.yv_client_list_assets(a.client, a.opt(accountID), a.call, out, a.err)
//		})
//	}

// cargs is what one C call gets from Go: the C copies of its strings and the slot for its error.
type cargs struct {
	cstrings
	err **C.yv_error // pass as the C function's yv_error **err
}

// cfunc makes one C call that reports through a yv_error.
type cfunc func(a *cargs) C.yv_status

// invoke runs f, frees the C copies it made and returns the call's error (nil on success),
// freeing the C error object.
func invoke(f cfunc) error {
	var e *C.yv_error
	a := cargs{err: &e}
	defer a.Free()
	return takeError(f(&a), e)
}

// invokeAll invokes steps in order, passing over nil ones (see when), and stops at the first
// error: a constructor and the setters of a builder handle.
func invokeAll(steps ...cfunc) error {
	for _, f := range steps {
		if f == nil {
			continue
		}
		if err := invoke(f); err != nil {
			return err
		}
	}
	return nil
}

// when is f if cond holds, else nil, a step invokeAll passes over: a setter left out so the
// library keeps its default.
func when(cond bool, f cfunc) cfunc {
	if !cond {
		return nil
	}
	return f
}

// build makes a builder handle: steps hold its constructor (which sets *h) and its setters. When
// one fails, free (the handle's destructor, which accepts NULL) releases whatever was made.
// H is the handle's pointer type: cgo's incomplete C struct types cannot be type arguments.
func build[H any](h *H, free func(H), steps ...cfunc) (H, error) {
	if err := invokeAll(steps...); err != nil {
		free(*h)
		var none H
		return none, err
	}
	return *h, nil
}

// clientArgs is cargs plus the handles of one call of a client: a.client and a.call (NULL when
// the call has no per-call settings).
type clientArgs struct {
	*cargs
	client *C.yv_client
	call   *C.yv_call
}

// do invokes f on c while holding c's read lock, so Close never frees the client under a call
// in flight; a closed client gives ErrClosed without calling C.
func (c *Client) do(call *Call, f func(a *clientArgs) C.yv_status) error {
	p, err := c.acquire()
	if err != nil {
		return err
	}
	defer yieldNow() // sched.go; runs after release, so a yield never holds the lock
	defer c.release()
	return invoke(func(a *cargs) C.yv_status { return f(&clientArgs{cargs: a, client: p, call: call.ptr()}) })
}

// callClient is do for a C function with one owned output (`T **out`): on success take copies
// *out into Go memory and frees it with the library's free function (takeBuffer, takeAPIKey ...).
// The library sets *out only on success, so there is nothing to free after a failure.
func callClient[Out, R any](c *Client, call *Call, take func(Out) R, f func(a *clientArgs, out *Out) C.yv_status) (R, error) {
	var out Out
	if err := c.do(call, func(a *clientArgs) C.yv_status { return f(a, &out) }); err != nil {
		var none R
		return none, err
	}
	return take(out), nil
}
