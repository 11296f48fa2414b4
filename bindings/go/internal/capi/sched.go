package capi

import (
	"runtime"
	"sync/atomic"
	"time"
)

// A network call of the library is one long cgo call (tens of microseconds to seconds), and Go's
// scheduler treats a goroutine that makes such calls back to back badly: it never reschedules
// (a cgo call that returns keeps its P), so after 10 ms its scheduling tick looks stale to sysmon,
// which from then on takes the P away at every tick (20 us) that finds the goroutine inside C,
// hands it to another thread and wakes that thread (futex), while sysmon itself keeps waking every
// 20 us. Measured on the P5 loop (bench/go, 10000 requests): ~1700 such hand-offs, 0.3 nanosleep
// and 1.7 context switches per request against C's 1.0. Yielding now and then starts a new tick
// and sysmon leaves the P alone: 181 nanosleeps in all and 1.3 context switches per request, and
// the loop's CPU went from 1.37x the C loop's to 1.14x (median of 10 interleaved runs).

// yieldEvery is how long calls may go on without a yield: well under sysmon's 10 ms.
const yieldEvery = 2 * time.Millisecond

var (
	clockBase = time.Now()
	lastYield atomic.Int64 // since clockBase, in ns
)

// yieldNow calls runtime.Gosched when no call has yielded for yieldEvery: after a network call,
// at most once per yieldEvery in the process (a yield costs about one thread wake-up).
func yieldNow() {
	now := int64(time.Since(clockBase))
	last := lastYield.Load()
	if now-last < int64(yieldEvery) || !lastYield.CompareAndSwap(last, now) {
		return
	}
	runtime.Gosched()
}
