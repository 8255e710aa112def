//go:build !linux

package office

import (
	"os"
	"syscall"
)

// sysProcAttr: elsewhere there is no portable process group or parent
// death signal; a deadline kills the program itself.
func sysProcAttr() *syscall.SysProcAttr { return nil }

func killGroup(p *os.Process) { p.Kill() }
