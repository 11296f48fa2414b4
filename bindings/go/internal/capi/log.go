package capi

/*
#include <stddef.h>
#include <stdint.h>
*/
import "C"

import (
	"runtime/cgo"
	"sync/atomic"
)

// LogFunc receives one log line. It may run on several goroutines at once.
type LogFunc func(level int, message string)

var liveLogHandles atomic.Int64

// LiveLogHandles is the number of log callbacks the library still holds (for tests: it returns
// to its former value once the options and clients holding one are freed).
func LiveLogHandles() int64 { return liveLogHandles.Load() }

func newLogHandle(fn LogFunc) cgo.Handle {
	liveLogHandles.Add(1)
	return cgo.NewHandle(fn)
}

func deleteLogHandle(h cgo.Handle) {
	h.Delete()
	liveLogHandles.Add(-1)
}

// yvgoLog is the log callback: log.c passes the handle's number as user_data. A panic in the
// user's function is recovered and switches the callback off (non-zero status): a panic must not
// unwind through C frames.
//
//export yvgoLog
func yvgoLog(level C.int, msg *C.char, n C.size_t, h C.uintptr_t) (status C.int) {
	defer func() {
		if recover() != nil {
			status = C.int(StatusInvalidArgument)
		}
	}()
	fn := cgo.Handle(h).Value().(LogFunc)
	fn(int(level), C.GoStringN(msg, C.int(n)))
	return 0
}

// yvgoLogFree is the library's free function for user_data: it deletes the handle, once.
//
//export yvgoLogFree
func yvgoLogFree(h C.uintptr_t) { deleteLogHandle(cgo.Handle(h)) }
