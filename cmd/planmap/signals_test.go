//go:build linux

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// slowBatch is a folder whose run lasts at least --timeout: the HTML
// samples (quick to read, even under the race detector) plus a document
// that hangs its parser.
func slowBatch(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "batch")
	samples := filepath.Join(root(t), "corpus", "samples")
	for _, s := range []string{
		"milton-keynes-tackling-social-exclusion.html",
		"scotland-equal-communities-action-plan-2009-2011.html",
	} {
		copyFile(t, filepath.Join(samples, s), filepath.Join(dir, s))
	}
	if err := os.WriteFile(filepath.Join(dir, "hang.txt"), []byte("Action 1: "+hangMarker+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// previousOutput writes an earlier run's output (of other inputs) into a
// fresh folder and returns the folder and its files' bytes.
func previousOutput(t *testing.T) (string, map[string][]byte) {
	t.Helper()
	dir := t.TempDir()
	r := planmap(t, time.Minute, "extract", "-q", "-o", filepath.Join(dir, "out.jsonl"),
		filepath.Join(root(t), "corpus", "samples", "oxfordshire-executive-2005-03-15-social-inclusion.html"))
	if r.code != exitOK {
		t.Fatalf("previous run: exit %d\n%s", r.code, r.stderr)
	}
	return dir, snapshot(t, dir)
}

func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		files[e.Name()] = readFile(t, filepath.Join(dir, e.Name()))
	}
	return files
}

// sameFiles reports how dir differs from an earlier snapshot: changed,
// missing or extra files (a leftover temporary file counts).
func sameFiles(t *testing.T, dir string, want map[string][]byte) {
	t.Helper()
	got := snapshot(t, dir)
	for name, b := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: gone", name)
		} else if string(g) != string(b) {
			t.Errorf("%s: changed", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: left behind", name)
		}
	}
}

// startMidRun starts planmap on the slow batch and returns once a worker
// process is parsing, i.e. the run is under way and nothing is written yet.
func startMidRun(t *testing.T, batchDir, out string) (*os.Process, []int, chan int) {
	t.Helper()
	cmd := command("extract", "-q", "--timeout", "30s", "--workers", "2", "-o", out, batchDir)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exit := make(chan int, 1)
	go func() {
		cmd.Wait()
		exit <- cmd.ProcessState.ExitCode()
	}()
	var kids []int
	if !waitFor(time.Minute, func() bool { kids = children(cmd.Process.Pid); return len(kids) > 0 }) {
		cmd.Process.Kill()
		t.Fatalf("no worker process appeared; stderr:\n%s", stderr.String())
	}
	return cmd.Process, kids, exit
}

func expectGone(t *testing.T, pids []int) {
	t.Helper()
	for _, pid := range pids {
		if !waitFor(30*time.Second, func() bool { return !alive(pid) }) {
			t.Errorf("worker %d outlived planmap", pid)
			syscall.Kill(pid, syscall.SIGKILL)
		}
	}
}

// Killing planmap outright mid-run leaves the previous output as it was,
// takes the workers with it, and a rerun gives exactly a clean run's bytes.
func TestSIGKILLLosesNothing(t *testing.T) {
	batchDir := slowBatch(t)
	cleanDir := t.TempDir()
	type ran struct {
		r   result
		err error
	}
	cleanDone := make(chan ran, 1)
	// 20 s per document: the hanging one always times out, and a sample
	// never does, even under -race on a loaded machine (5 s was too close).
	go func() { // the clean run, meanwhile: it waits out the hanging document too
		r, err := planmapE(2*time.Minute, "extract", "-q", "--timeout", "20s", "-o", filepath.Join(cleanDir, "out.jsonl"), batchDir)
		cleanDone <- ran{r, err}
	}()
	prevDir, prev := previousOutput(t)
	proc, kids, exit := startMidRun(t, batchDir, filepath.Join(prevDir, "out.jsonl"))
	proc.Signal(syscall.SIGKILL)
	if code := <-exit; code != -1 {
		t.Errorf("exit code %d after SIGKILL, want -1 (killed)", code)
	}
	expectGone(t, kids)
	sameFiles(t, prevDir, prev)

	rerun := planmap(t, 2*time.Minute, "extract", "-q", "--timeout", "20s", "-o", filepath.Join(prevDir, "out.jsonl"), batchDir)
	c := <-cleanDone
	if c.err != nil {
		t.Fatal(c.err)
	}
	clean := c.r
	if clean.code != exitSomeFailed { // the hanging document times out
		t.Fatalf("clean run: exit %d\n%s", clean.code, clean.stderr)
	}
	if rerun.code != clean.code {
		t.Errorf("rerun: exit %d, clean run %d", rerun.code, clean.code)
	}
	sameFiles(t, prevDir, snapshot(t, cleanDir))
}

// Ctrl-C and SIGTERM stop the workers, write nothing, and exit 130.
func TestInterruptWritesNothing(t *testing.T) {
	batchDir := slowBatch(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			prevDir, prev := previousOutput(t)
			proc, kids, exit := startMidRun(t, batchDir, filepath.Join(prevDir, "out.jsonl"))
			proc.Signal(sig)
			var code int
			select {
			case code = <-exit:
			case <-time.After(time.Minute):
				proc.Kill()
				t.Fatalf("planmap still running a minute after %s", sig)
			}
			if code != exitInterrupted {
				t.Errorf("exit code %d after %s, want %d", code, sig, exitInterrupted)
			}
			expectGone(t, kids)
			sameFiles(t, prevDir, prev)
		})
	}
}
