package office_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/extract/office"
)

// TestDeadlineKillsTheProcessTree: a converter that hangs, and has started
// a child of its own, is killed with that child when the deadline passes,
// and the document is a timeout. The converter is a shell script standing
// in for a LibreOffice that never finishes.
func TestDeadlineKillsTheProcessTree(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	dir := t.TempDir()
	pids := filepath.Join(dir, "pids")
	script := filepath.Join(dir, "soffice")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nsleep 300 &\necho $$ $! > "+pids+"\nwait\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv(office.EnvSoffice, script)
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := office.Convert(ctx, layout.DOC, []byte("not read"), office.Options{})
	if layout.StatusOf(err) != layout.StatusTimeout {
		t.Fatalf("%v, want timeout", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %s after a 500 ms deadline", d)
	}
	b, err := os.ReadFile(pids)
	if err != nil {
		t.Fatalf("the stand-in converter did not start: %v", err)
	}
	for _, f := range strings.Fields(string(b)) {
		pid, _ := strconv.Atoi(f)
		// a killed child of ours is reaped by Wait; the grandchild is
		// reaped by init: give it a moment
		deadline := time.Now().Add(5 * time.Second)
		for alive(pid) && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}
		if alive(pid) {
			t.Errorf("process %d survived the deadline", pid)
			syscall.Kill(pid, syscall.SIGKILL)
		}
	}
}

// alive reports whether pid is a running (not zombie) process.
func alive(pid int) bool {
	if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
		return false
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	s := string(b)
	if i := strings.LastIndexByte(s, ')'); i >= 0 && i+2 < len(s) {
		return s[i+2] != 'Z'
	}
	return true
}
