package export

import (
	"os"
	"runtime/debug"
)

// MemoryTarget is the soft memory limit (GOMEMLIMIT) the workbook writer
// is tuned for. Writing 100,000 actions allocates several times the batch's
// own size in short-lived rows and index entries; with the default GC pace
// the heap doubles before each collection and peaks near 670 MB. Near this
// target the collector runs sooner instead, which keeps the peak under
// 500 MB at little cost in time (docs/performance.md). It is soft: a batch
// that needs more memory still gets it, collected more often.
const MemoryTarget = 448 << 20

// LimitMemory applies MemoryTarget unless the user set GOMEMLIMIT, and
// returns a function that restores the previous limit.
func LimitMemory() (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	prev := debug.SetMemoryLimit(MemoryTarget)
	return func() { debug.SetMemoryLimit(prev) }
}
