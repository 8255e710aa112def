package isolate

import "syscall"

// sysProcAttr puts a worker in its own process group, so a Ctrl-C at the
// terminal reaches only the parent (which then stops the workers), and has
// the kernel kill it if the parent dies, even by SIGKILL.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}
