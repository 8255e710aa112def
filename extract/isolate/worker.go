package isolate

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"syscall"
)

// The environment that makes a process a worker. The parent sets it on
// every child it starts; the hidden argument WorkerArg is only there so that
// the child is recognisable in ps.
const (
	EnvWorker    = "PLANMAP_WORKER"     // "1" in a worker
	EnvMaxMemory = "PLANMAP_MAX_MEMORY" // bytes, the worker's hard memory limit
	WorkerArg    = "__worker"
)

// File descriptors of the two pipes in a worker (ExtraFiles 0 and 1).
const (
	requestFD  = 3
	responseFD = 4
)

// maxStack bounds a goroutine's stack in a worker. Go's default (1 GB)
// lets a looping recursion eat a gigabyte before it dies; parsing never
// needs more than a few megabytes.
const maxStack = 64 << 20

// IsWorker reports whether this process was started as a worker.
func IsWorker() bool { return os.Getenv(EnvWorker) == "1" }

// Main runs this process as a worker until the parent closes the request
// pipe, then exits. It never returns. cmd/planmap calls it first thing when
// IsWorker; tests call it from TestMain so the test binary can be a worker.
func Main(h Handler) {
	// Ctrl-C goes to the parent, which decides what happens to workers.
	signal.Ignore(syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	debug.SetMaxStack(maxStack)
	if s := os.Getenv(EnvMaxMemory); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 {
			if err := limitMemory(n); err != nil {
				fmt.Fprintf(os.Stderr, "planmap worker: memory limit not applied: %v\n", err)
			}
		}
	}
	in := os.NewFile(requestFD, "requests")
	out := os.NewFile(responseFD, "responses")
	if in == nil || out == nil {
		fmt.Fprintln(os.Stderr, "planmap worker: started without its pipes; this mode is internal to planmap")
		os.Exit(2)
	}
	if err := Serve(in, out, h); err != nil {
		fmt.Fprintf(os.Stderr, "planmap worker: %v\n", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// Serve answers requests from in on out, one at a time, until in ends.
func Serve(in io.Reader, out io.Writer, h Handler) error {
	for {
		req, data, err := readRequest(in)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		ctx, cancel := context.Background(), context.CancelFunc(func() {})
		if req.Timeout > 0 {
			ctx, cancel = context.WithTimeout(ctx, req.Timeout)
		}
		doc, err := call(ctx, h, req, data)
		cancel()
		data = nil
		b, merr := json.Marshal(toResponse(doc, err))
		if merr != nil {
			b, _ = json.Marshal(response{Status: "corrupt", Message: "the layout could not be encoded: " + merr.Error()})
		}
		if err := writeFrame(out, b); err != nil {
			return fmt.Errorf("writing the response: %w", err)
		}
	}
}

// memoryTarget is GOMEMLIMIT for a hard limit of n bytes: the garbage
// collector works harder as the heap nears 80% of the hard limit.
func memoryTarget(n int64) string {
	return strconv.FormatInt(n/10*8, 10)
}
