package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/extract/isolate"
	"github.com/planmap/planmap/extract/layout"
)

// TestMain lets the test binary stand in for planmap: as a worker when the
// pool starts it (PLANMAP_WORKER=1, as in production), and as the command
// itself when a test executes it with envCLI set. The end-to-end tests so
// run the real program, worker processes and all, in a separate process
// that they can interrupt or kill.
func TestMain(m *testing.M) {
	if isolate.IsWorker() {
		isolate.Main(testWorker)
	}
	if os.Getenv(envCLI) == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

const envCLI = "PLANMAP_TEST_AS_CLI"

// hangMarker in a document makes the test worker loop for ever, ignoring
// its deadline, as a parser stuck on hostile input does. The real hazards
// of that kind (an unterminated hex string) get fixed in the parser one by
// one; this one stays, so the timeout path is always exercised.
const hangMarker = "planmap-test-hang"

// testWorker is the production handler, except for hangMarker.
func testWorker(ctx context.Context, req isolate.Request, data []byte) (*layout.Document, error) {
	if bytes.Contains(data, []byte(hangMarker)) {
		for i := 0; ; i++ {
			if i < 0 {
				break
			}
		}
	}
	return isolate.Default(ctx, req, data)
}

// result is what one planmap process did.
type result struct {
	code           int
	stdout, stderr string
	elapsed        time.Duration
}

// planmap runs this test binary as planmap with args and waits, failing
// the test if it has not ended after limit (it would have hung).
func planmap(t *testing.T, limit time.Duration, args ...string) result {
	t.Helper()
	r, err := planmapE(limit, args...)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// planmapE is planmap for use outside the test's goroutine.
func planmapE(limit time.Duration, args ...string) (result, error) {
	cmd := command(args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return result{}, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			return result{}, fmt.Errorf("planmap %s: %v", strings.Join(args, " "), err)
		}
	case <-time.After(limit):
		cmd.Process.Kill()
		<-done
		return result{}, fmt.Errorf("planmap %s had not ended after %s; stderr:\n%s", strings.Join(args, " "), limit, errb.String())
	}
	return result{code: cmd.ProcessState.ExitCode(), stdout: out.String(), stderr: errb.String(), elapsed: time.Since(start)}, nil
}

func command(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), envCLI+"=1")
	return cmd
}

// runIn calls run in this process, for the tests that need no separate
// process.
func runIn(args ...string) result {
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return result{code: code, stdout: out.String(), stderr: errb.String()}
}

// root is the repository root.
func root(t *testing.T) string { return corpustest.Root(t) }

// children lists the live child processes of pid (Linux /proc).
func children(pid int) []int {
	var out []int
	tasks, _ := filepath.Glob(filepath.Join("/proc", itoa(pid), "task", "*", "children"))
	for _, f := range tasks {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, s := range strings.Fields(string(b)) {
			out = append(out, atoi(s))
		}
	}
	return out
}

// alive reports whether a process exists and is not a zombie.
func alive(pid int) bool {
	b, err := os.ReadFile(filepath.Join("/proc", itoa(pid), "stat"))
	if err != nil {
		return false
	}
	s := string(b)
	if i := strings.LastIndexByte(s, ')'); i > 0 && i+2 < len(s) {
		return s[i+2] != 'Z'
	}
	return true
}

// waitFor polls cond every 20 ms until it holds or limit passes.
func waitFor(limit time.Duration, cond func() bool) bool {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	for {
		if cond() {
			return true
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
