//go:build !linux

package isolate

// limitMemory leaves the limit to GOMEMLIMIT where RLIMIT_DATA does not
// count the heap.
func limitMemory(n int64) error { return nil }

// HardMemoryLimit reports whether limitMemory enforces a hard limit in
// this build.
const HardMemoryLimit = false
