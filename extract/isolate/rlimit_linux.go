package isolate

import "syscall"

// limitMemory caps this process's data segment, which on Linux (4.7 and
// later) counts every private writable mapping, including the Go heap. An
// allocation past it fails and the Go runtime dies with "out of memory":
// a crash the parent reports, instead of a machine brought to its knees.
//
// The race detector maps terabytes of shadow memory, so under -race the
// limit is left to GOMEMLIMIT alone.
func limitMemory(n int64) error {
	if raceEnabled {
		return nil
	}
	return syscall.Setrlimit(syscall.RLIMIT_DATA, &syscall.Rlimit{Cur: uint64(n), Max: uint64(n)})
}

// HardMemoryLimit reports whether limitMemory enforces a hard limit in
// this build.
const HardMemoryLimit = !raceEnabled
