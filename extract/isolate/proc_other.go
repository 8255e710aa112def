//go:build !linux

package isolate

import "syscall"

// sysProcAttr: elsewhere a worker notices its parent's death when the
// request pipe closes.
func sysProcAttr() *syscall.SysProcAttr { return nil }
