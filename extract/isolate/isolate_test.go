package isolate

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/planmap/planmap/extract/layout"
)

// TestMain makes the test binary a worker when the pool starts it (the
// pool runs os.Executable, which in a test is this binary).
func TestMain(m *testing.M) {
	if IsWorker() {
		Main(testHandler)
	}
	os.Exit(m.Run())
}

// testHandler misbehaves on request, in the ways real parsers do; any
// other format goes to the real extractors.
func testHandler(ctx context.Context, req Request, data []byte) (*layout.Document, error) {
	switch req.Format {
	case "test-echo":
		return &layout.Document{Title: string(data), Pages: len(data),
			Blocks: []layout.Block{{Kind: layout.Paragraph, Page: 1, Text: req.Path}}}, nil
	case "test-status":
		return nil, &layout.Error{Status: layout.StatusEncrypted, Page: 2, Err: errors.New("needs a password")}
	case "test-hang": // like an unterminated hex string: a loop that ignores ctx
		for i := 0; ; i++ {
			if i < 0 {
				return nil, nil
			}
		}
	case "test-exit":
		fmt.Fprintln(os.Stderr, "about to leave")
		os.Exit(7)
	case "test-stack": // like a looping outline
		return nil, fmt.Errorf("%d", recurse(1))
	case "test-huge": // like a huge /Size: one enormous allocation
		b := make([]byte, 1<<42)
		return &layout.Document{Pages: len(b)}, nil
	case "test-grow": // a heap that keeps growing
		var keep [][]byte
		for i := 0; i < 1<<12; i++ {
			b := make([]byte, 16<<20)
			for j := 0; j < len(b); j += 4096 {
				b[j] = 1
			}
			keep = append(keep, b)
		}
		return &layout.Document{Pages: len(keep)}, nil
	case "test-go-panic": // a panic in a goroutine the extractor started
		go func() { panic("page worker failed") }()
		time.Sleep(time.Minute)
	case "test-panic":
		panic("parser bug")
	case "test-stdout": // a library that prints must not break the protocol
		fmt.Println("noise on stdout")
		return &layout.Document{Title: "after noise"}, nil
	}
	return Default(ctx, req, data)
}

func recurse(n int) int {
	var pad [256]byte
	pad[n%256] = byte(n)
	return recurse(n+1) + int(pad[0])
}

func newPool(t *testing.T, opt Options) *Pool {
	t.Helper()
	p, err := NewPool(opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

func TestReuseAcrossDocuments(t *testing.T) {
	p := newPool(t, Options{Workers: 1, Timeout: 30 * time.Second})
	for i := 0; i < 5; i++ {
		data := []byte(strings.Repeat("x", i*1000))
		doc, err := p.Extract(context.Background(), Request{Path: fmt.Sprintf("doc%d", i), Format: "test-echo"}, data)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Title != string(data) || doc.Pages != len(data) || doc.Blocks[0].Text != fmt.Sprintf("doc%d", i) {
			t.Fatalf("doc %d came back as %+v", i, doc)
		}
	}
	if n := p.Started(); n != 1 {
		t.Errorf("started %d workers for 5 documents, want 1 reused", n)
	}
}

func TestStatusCrossesThePipe(t *testing.T) {
	p := newPool(t, Options{Workers: 1})
	_, err := p.Extract(context.Background(), Request{Path: "locked.pdf", Format: "test-status"}, nil)
	var le *layout.Error
	if !errors.As(err, &le) || le.Status != layout.StatusEncrypted || le.Page != 2 || le.File != "locked.pdf" ||
		!strings.Contains(le.Error(), "needs a password") {
		t.Fatalf("got %v, want encrypted on page 2 of locked.pdf", err)
	}
}

func TestRetireAfterMaxDocs(t *testing.T) {
	p := newPool(t, Options{Workers: 1, MaxDocs: 2})
	for i := 0; i < 5; i++ {
		if _, err := p.Extract(context.Background(), Request{Format: "test-echo"}, []byte("a")); err != nil {
			t.Fatal(err)
		}
	}
	if n := p.Started(); n != 3 {
		t.Errorf("started %d workers for 5 documents at 2 per worker, want 3", n)
	}
}

// Each failure kills or stops the child; the document gets the right status
// and reason, and the next document is served by a fresh child.
func TestFailuresCostOneDocument(t *testing.T) {
	cases := []struct {
		format string
		status layout.Status
		reason []string // all must appear in the message
	}{
		{"test-hang", layout.StatusTimeout, []string{"no result within 1s", "--timeout"}},
		{"test-exit", layout.StatusCrashed, []string{"exit status 7", "about to leave"}},
		{"test-stack", layout.StatusCrashed, []string{"exit status 2", "stack exceeds"}},
		{"test-huge", layout.StatusCrashed, []string{"out of memory"}},
		{"test-go-panic", layout.StatusCrashed, []string{"exit status 2", "panic: page worker failed"}},
		{"test-panic", layout.StatusCrashed, []string{"parser panicked: parser bug"}},
	}
	for _, c := range cases {
		t.Run(c.format, func(t *testing.T) {
			timeout := time.Second
			if c.status == layout.StatusCrashed {
				timeout = time.Minute // a crash must be a crash, however slow the machine
			}
			p := newPool(t, Options{Workers: 1, Timeout: timeout})
			_, err := p.Extract(context.Background(), Request{Path: "bad.pdf", Format: layout.Format(c.format)}, []byte("%PDF-1.4"))
			var le *layout.Error
			if !errors.As(err, &le) || le.Status != c.status {
				t.Fatalf("got %v, want status %s", err, c.status)
			}
			for _, r := range c.reason {
				if !strings.Contains(err.Error(), r) {
					t.Errorf("message %q does not say %q", err, r)
				}
			}
			doc, err := p.Extract(context.Background(), Request{Path: "next", Format: "test-echo"}, []byte("fine"))
			if err != nil || doc.Title != "fine" {
				t.Fatalf("the document after the failure: %v, %+v", err, doc)
			}
		})
	}
}

func TestMemoryLimitKillsGrowingHeap(t *testing.T) {
	if !HardMemoryLimit {
		t.Skip("no hard memory limit in this build (race detector or not Linux): GOMEMLIMIT only")
	}
	p := newPool(t, Options{Workers: 1, MaxMemory: 256 << 20, Timeout: time.Minute})
	_, err := p.Extract(context.Background(), Request{Path: "big", Format: "test-grow"}, nil)
	if layout.StatusOf(err) != layout.StatusCrashed || !strings.Contains(err.Error(), "out of memory") {
		t.Fatalf("a heap growing past 256 MiB gave %v, want crashed: out of memory", err)
	}
	// the limit leaves room for ordinary work
	if _, err := p.Extract(context.Background(), Request{Format: "test-echo"}, make([]byte, 4<<20)); err != nil {
		t.Fatalf("a 4 MiB document under a 256 MiB limit: %v", err)
	}
}

func TestStdoutNoiseIsHarmless(t *testing.T) {
	p := newPool(t, Options{Workers: 1})
	doc, err := p.Extract(context.Background(), Request{Format: "test-stdout"}, nil)
	if err != nil || doc.Title != "after noise" {
		t.Fatalf("got %v, %+v", err, doc)
	}
}

func TestCancelKillsTheChild(t *testing.T) {
	p := newPool(t, Options{Workers: 1})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := p.Extract(ctx, Request{Format: "test-hang"}, nil)
		done <- err
	}()
	// wait until a child is working on it, then cancel
	for p.Started() == 0 {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	p.mu.Lock()
	live := len(p.live)
	p.mu.Unlock()
	if live != 0 {
		t.Errorf("%d workers still alive after cancel", live)
	}
}

// A child that died while idle (killed from outside) is not blamed on the
// next document: the pool starts another and retries.
func TestIdleDeathIsNotTheDocumentsFault(t *testing.T) {
	p := newPool(t, Options{Workers: 1})
	if _, err := p.Extract(context.Background(), Request{Format: "test-echo"}, []byte("a")); err != nil {
		t.Fatal(err)
	}
	pr := <-p.slots
	pr.cmd.Process.Kill()
	<-pr.waited
	p.slots <- pr
	doc, err := p.Extract(context.Background(), Request{Format: "test-echo"}, []byte("b"))
	if err != nil || doc.Title != "b" {
		t.Fatalf("after an idle worker died: %v, %+v", err, doc)
	}
	if n := p.Started(); n != 2 {
		t.Errorf("started %d workers, want 2", n)
	}
}

func TestInProcess(t *testing.T) {
	x := InProcess{Handler: testHandler, Timeout: 200 * time.Millisecond}
	if _, err := x.Extract(context.Background(), Request{Format: "test-panic"}, nil); layout.StatusOf(err) != layout.StatusCrashed {
		t.Errorf("panic: got %v, want crashed", err)
	}
	if _, err := x.Extract(context.Background(), Request{Format: "test-status"}, nil); layout.StatusOf(err) != layout.StatusEncrypted {
		t.Errorf("status: got %v, want encrypted", err)
	}
	doc, err := x.Extract(context.Background(), Request{Format: "test-echo"}, []byte("hi"))
	if err != nil || doc.Title != "hi" {
		t.Errorf("echo: got %v, %+v", err, doc)
	}
}

func TestDiagnosis(t *testing.T) {
	cases := map[string]string{
		"runtime: goroutine stack exceeds 67108864-byte limit\nruntime: sp=0xc0200e0390 stack=[0xc0200e0000, 0xc0400e0000]\nfatal error: stack overflow\n\nruntime stack:\nruntime.throw(...)": "runtime: goroutine stack exceeds 67108864-byte limit; fatal error: stack overflow",
		"fatal error: runtime: out of memory\n\ngoroutine 1 [running]:\n":  "fatal error: runtime: out of memory",
		"panic: boom [recovered]\n\tpanic: boom\n\ngoroutine 7 [running]:": "panic: boom; panic: boom",
		"some C library: cannot continue\n":                                "some C library: cannot continue",
		"":                                                                 "",
	}
	for in, want := range cases {
		if got := diagnosis(in); got != want {
			t.Errorf("diagnosis(%q) = %q, want %q", in, got, want)
		}
	}
}
