package isolate

import (
	"context"
	"time"

	"github.com/planmap/planmap/extract/layout"
)

// InProcess runs the handler in this process: no protection against fatal
// errors, but a panic is still that document's error and a document that
// runs past Timeout is reported as a timeout (its goroutine is abandoned,
// as Go cannot stop it). It is the fallback where child processes are not
// wanted (--isolate none) and the baseline for the isolation benchmark.
type InProcess struct {
	Handler Handler // default Default
	Timeout time.Duration
}

// Extract runs one request.
func (x InProcess) Extract(ctx context.Context, req Request, data []byte) (*layout.Document, error) {
	h := x.Handler
	if h == nil {
		h = Default
	}
	req.Timeout = x.Timeout
	type answer struct {
		doc *layout.Document
		err error
	}
	ch := make(chan answer, 1)
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if x.Timeout > 0 {
		cctx, cancel = context.WithTimeout(cctx, x.Timeout)
		defer cancel()
	}
	go func() {
		doc, err := call(cctx, h, req, data)
		ch <- answer{doc, err}
	}()
	var timer <-chan time.Time
	if x.Timeout > 0 {
		t := time.NewTimer(x.Timeout + time.Second + x.Timeout/20)
		defer t.Stop()
		timer = t.C
	}
	select {
	case a := <-ch:
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return a.doc, a.err
	case <-timer:
		return nil, timeoutError(req)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Close does nothing: there are no processes.
func (InProcess) Close() error { return nil }
