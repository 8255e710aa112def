package isolate

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/planmap/planmap/extract/layout"
)

// Options configure a Pool.
type Options struct {
	// Workers is the most child processes alive at once (default 1).
	Workers int
	// Timeout is each document's wall-clock budget (0 = none).
	Timeout time.Duration
	// MaxMemory is each child's memory limit in bytes (0 = none).
	MaxMemory int64
	// MaxDocs retires a child after this many documents (default 100).
	MaxDocs int
	// Exe is the binary to run; default os.Executable(), this program.
	Exe string
	// Args follow Exe; default WorkerArg.
	Args []string
	// Env is added to this process's environment for each child.
	Env []string
}

// Pool hands documents to child processes, reusing them.
type Pool struct {
	opt   Options
	slots chan *proc // one entry per allowed child; nil = not started

	mu      sync.Mutex
	closed  bool
	live    map[*proc]bool
	started int
}

// NewPool makes a pool; children start on first use.
func NewPool(opt Options) (*Pool, error) {
	if opt.Workers < 1 {
		opt.Workers = 1
	}
	if opt.MaxDocs < 1 {
		opt.MaxDocs = 100
	}
	if opt.Exe == "" {
		exe, err := os.Executable()
		if err != nil {
			return nil, fmt.Errorf("isolate: finding this program to start workers: %w", err)
		}
		opt.Exe = exe
	}
	if opt.Args == nil {
		opt.Args = []string{WorkerArg}
	}
	p := &Pool{opt: opt, slots: make(chan *proc, opt.Workers), live: map[*proc]bool{}}
	for i := 0; i < opt.Workers; i++ {
		p.slots <- nil
	}
	return p, nil
}

// Extract runs one request in a child. The error is a *layout.Error
// (timeout, crashed, or whatever the extractor reported), or ctx's error
// when ctx ends first; in that case the child is killed.
func (p *Pool) Extract(ctx context.Context, req Request, data []byte) (*layout.Document, error) {
	var pr *proc
	select {
	case pr = <-p.slots:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	doc, keep, err := p.run(ctx, pr, req, data)
	p.slots <- keep
	return doc, err
}

// run sends the request to pr (started if needed) and returns the result
// and the process to keep in the slot (nil when it died or was retired).
func (p *Pool) run(ctx context.Context, pr *proc, req Request, data []byte) (*layout.Document, *proc, error) {
	req.Timeout = p.opt.Timeout
	for attempt := 0; ; attempt++ {
		if pr == nil {
			var err error
			if pr, err = p.start(); err != nil {
				return nil, nil, &layout.Error{Status: layout.StatusCrashed, File: req.Path, Err: err}
			}
		}
		doc, state, err := pr.do(ctx, req, data, p.hardDeadline())
		switch state {
		case answered:
			pr.docs++
			if pr.docs >= p.opt.MaxDocs {
				p.stop(pr)
				pr = nil
			}
			return doc, pr, err
		case refused:
			// the child was already dead before it took the document
			// (killed while idle): not this document's fault, once
			p.stop(pr)
			pr = nil
			if attempt == 0 {
				continue
			}
			return nil, nil, &layout.Error{Status: layout.StatusCrashed, File: req.Path, Err: err}
		default: // died, timed out or cancelled: the child is gone
			p.stop(pr)
			return doc, nil, err
		}
	}
}

// hardDeadline is when the parent stops waiting: the child's own deadline
// plus a grace period for it to notice and answer.
func (p *Pool) hardDeadline() time.Duration {
	if p.opt.Timeout <= 0 {
		return 0
	}
	return p.opt.Timeout + time.Second + p.opt.Timeout/20
}

// Close stops every child. Extract must not be running.
func (p *Pool) Close() error {
	p.mu.Lock()
	p.closed = true
	live := make([]*proc, 0, len(p.live))
	for pr := range p.live {
		live = append(live, pr)
	}
	p.mu.Unlock()
	for _, pr := range live {
		p.stop(pr)
	}
	return nil
}

// Started counts the children started so far (for tests and benchmarks).
func (p *Pool) Started() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.started
}

func (p *Pool) start() (*proc, error) {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil, errors.New("the worker pool is closed")
	}
	p.mu.Unlock()
	env := append(os.Environ(), EnvWorker+"=1")
	if p.opt.MaxMemory > 0 {
		env = append(env, EnvMaxMemory+"="+strconv.FormatInt(p.opt.MaxMemory, 10),
			"GOMEMLIMIT="+memoryTarget(p.opt.MaxMemory))
	}
	env = append(env, p.opt.Env...)
	pr, err := startProc(p.opt.Exe, p.opt.Args, env)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	p.live[pr] = true
	p.started++
	p.mu.Unlock()
	return pr, nil
}

func (p *Pool) stop(pr *proc) {
	pr.kill()
	p.mu.Lock()
	delete(p.live, pr)
	p.mu.Unlock()
}

// proc is one worker process and its pipes.
type proc struct {
	cmd    *exec.Cmd
	reqW   *os.File // parent → child
	respR  *os.File // child → parent
	stderr *tail
	docs   int // documents answered

	once   sync.Once
	waited chan struct{} // closed once cmd.Wait has returned
}

func startProc(exe string, args []string, env []string) (*proc, error) {
	reqR, reqW, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("starting a worker: %w", err)
	}
	respR, respW, err := os.Pipe()
	if err != nil {
		reqR.Close()
		reqW.Close()
		return nil, fmt.Errorf("starting a worker: %w", err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = env
	cmd.ExtraFiles = []*os.File{reqR, respW} // fds 3 and 4
	tl := &tail{max: 8 << 10}
	cmd.Stdout = tl // a library that prints must not corrupt the protocol
	cmd.Stderr = tl
	cmd.SysProcAttr = sysProcAttr()
	if err := cmd.Start(); err != nil {
		reqR.Close()
		reqW.Close()
		respR.Close()
		respW.Close()
		return nil, fmt.Errorf("starting a worker (%s): %w", exe, err)
	}
	reqR.Close()
	respW.Close()
	pr := &proc{cmd: cmd, reqW: reqW, respR: respR, stderr: tl, waited: make(chan struct{})}
	go func() {
		cmd.Wait()
		close(pr.waited)
	}()
	return pr, nil
}

// How one request ended.
type outcome int

const (
	answered  outcome = iota // the child answered (doc or error)
	refused                  // the child was gone before it read the request
	died                     // the child died while working on it
	timedOut                 // the deadline passed; the child was killed
	cancelled                // ctx ended; the child was killed
)

// do sends one request and waits for the answer, the deadline, ctx, or the
// child's death.
func (pr *proc) do(ctx context.Context, req Request, data []byte, deadline time.Duration) (*layout.Document, outcome, error) {
	type answer struct {
		resp    response
		err     error
		written bool
	}
	ch := make(chan answer, 1)
	go func() {
		if err := writeRequest(pr.reqW, req, data); err != nil {
			ch <- answer{err: err}
			return
		}
		b, err := readFrame(pr.respR)
		if err != nil {
			ch <- answer{err: err, written: true}
			return
		}
		var r response
		if err := json.Unmarshal(b, &r); err != nil {
			ch <- answer{err: fmt.Errorf("unreadable answer: %w", err), written: true}
			return
		}
		ch <- answer{resp: r, written: true}
	}()
	var timer <-chan time.Time
	if deadline > 0 {
		t := time.NewTimer(deadline)
		defer t.Stop()
		timer = t.C
	}
	select {
	case a := <-ch:
		if a.err == nil {
			doc, err := a.resp.result(req.Path)
			return doc, answered, err
		}
		reason := pr.deathReason()
		if !a.written && errors.Is(a.err, syscall.EPIPE) {
			return nil, refused, errors.New(reason)
		}
		return nil, died, &layout.Error{Status: layout.StatusCrashed, File: req.Path, Err: errors.New(reason)}
	case <-timer:
		pr.kill()
		return nil, timedOut, timeoutError(req)
	case <-ctx.Done():
		pr.kill()
		return nil, cancelled, ctx.Err()
	}
}

// deathReason waits briefly for the child to be reaped and says why it
// died: its exit status or signal and the Go runtime's own diagnosis.
func (pr *proc) deathReason() string {
	select {
	case <-pr.waited:
	case <-time.After(5 * time.Second):
		pr.kill()
		<-pr.waited
	}
	var b strings.Builder
	b.WriteString("the worker process died")
	if st := pr.cmd.ProcessState; st != nil {
		if ws, ok := st.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			fmt.Fprintf(&b, " (killed by signal %s", ws.Signal())
			if ws.Signal() == syscall.SIGKILL {
				b.WriteString(", perhaps by the system for lack of memory")
			}
			b.WriteString(")")
		} else {
			fmt.Fprintf(&b, " (exit status %d)", st.ExitCode())
		}
	}
	if d := diagnosis(pr.stderr.String()); d != "" {
		b.WriteString(": ")
		b.WriteString(d)
	}
	return b.String()
}

// kill stops the child (once) and closes the parent's pipe ends.
func (pr *proc) kill() {
	pr.once.Do(func() {
		pr.reqW.Close() // a healthy idle child exits on EOF
		if pr.cmd.Process != nil {
			pr.cmd.Process.Kill()
		}
		pr.respR.Close()
	})
}

// diagnosis picks the lines of a dead Go program's output that say why it
// died ("fatal error: out of memory", "runtime: goroutine stack exceeds
// 67108864-byte limit", "panic: ..."), leaving out goroutine dumps and
// addresses so the message is the same from run to run.
func diagnosis(out string) string {
	var picked []string
	for _, line := range strings.Split(out, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "fatal error:"),
			strings.HasPrefix(line, "panic:"),
			strings.HasPrefix(line, "runtime: goroutine stack exceeds"),
			strings.HasPrefix(line, "runtime: out of memory"),
			strings.HasPrefix(line, "planmap worker:"):
			if i := strings.Index(line, " [recovered"); i > 0 {
				line = line[:i]
			}
			picked = append(picked, line)
		}
		if len(picked) == 2 {
			break
		}
	}
	if len(picked) == 0 {
		// not a Go runtime death: the last non-empty line, if any
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if last := strings.TrimSpace(lines[len(lines)-1]); last != "" {
			picked = append(picked, last)
		}
	}
	s := strings.Join(picked, "; ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

// tail keeps the first and the last max bytes written to it: a Go
// runtime states its reason at the top of a long goroutine dump, other
// programs at the end.
type tail struct {
	mu   sync.Mutex
	max  int
	head []byte
	buf  []byte
}

func (t *tail) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := len(b)
	if room := t.max - len(t.head); room > 0 {
		k := min(room, len(b))
		t.head = append(t.head, b[:k]...)
		b = b[k:]
	}
	t.buf = append(t.buf, b...)
	if over := len(t.buf) - t.max; over > 0 {
		t.buf = append(t.buf[:0], t.buf[over:]...)
	}
	return n, nil
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.head) + "\n" + string(t.buf)
}

var _ io.Writer = (*tail)(nil)
