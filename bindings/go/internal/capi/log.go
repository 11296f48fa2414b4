package capi

/*
#include <stddef.h>
#include <stdint.h>
*/
import "C"

import (
	"runtime/cgo"
)

// LogFunc receives one log line. It may run on several goroutines at once.
type LogFunc func(level int, message string)

func newLogHandle(fn LogFunc) cgo.Handle { return cgo.NewHandle(fn) }

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
func yvgoLogFree(h C.uintptr_t) { cgo.Handle(h).Delete() }
