package office

import (
	"os"
	"syscall"
)

// sysProcAttr gives LibreOffice a process group of its own, so a deadline
// kills everything it started, and has the kernel kill it if the worker
// that started it dies (a worker killed for its own deadline or for lack
// of memory must not leave a converter running).
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

// killGroup kills p's process group.
func killGroup(p *os.Process) {
	if syscall.Kill(-p.Pid, syscall.SIGKILL) != nil {
		p.Kill()
	}
}
