// Package isolate parses documents in child processes, so that a document
// that hangs the parser, exhausts memory or overflows the stack costs only
// that document, never the batch.
//
// The design follows Tika's forked parser. planmap re-executes itself (the
// same binary) in a hidden worker mode; the parent sends one request per
// document over a pipe and reads back the layout model or an error. Each
// request has a wall-clock deadline: a child that does not answer in time is
// killed and the document gets status timeout. A child that dies (a Go fatal
// error such as "out of memory" or a stack overflow, which recover cannot
// catch, or a kill by the kernel) gives its document status crashed with the
// reason, and the next document gets a fresh child. Children are reused
// across documents, which keeps the overhead to a pipe round trip, and are
// retired after a number of documents so that slow leaks cannot build up.
//
// Each child runs under a memory limit: GOMEMLIMIT (a soft target for the
// garbage collector) and RLIMIT_DATA (a hard limit: an allocation past it is
// a fatal error in the child). RLIMIT_AS is not used because the Go runtime
// reserves far more address space than it uses.
package isolate

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/planmap/planmap/extract"
	"github.com/planmap/planmap/extract/layout"
)

// Request asks for one document to be extracted. The content travels with
// it, so the bytes parsed are the bytes that were hashed and identified.
type Request struct {
	Path    string         `json:"path"` // for messages only
	Format  layout.Format  `json:"format"`
	Limits  extract.Limits `json:"limits"`
	Timeout time.Duration  `json:"timeout"` // 0 = none
}

// Handler extracts one document; extract.Extract in production.
type Handler func(ctx context.Context, req Request, data []byte) (*layout.Document, error)

// Extractor runs a Handler somewhere: in a child process (Pool) or in this
// process (InProcess).
type Extractor interface {
	Extract(ctx context.Context, req Request, data []byte) (*layout.Document, error)
	Close() error
}

// Default is the production handler: the format dispatcher.
func Default(ctx context.Context, req Request, data []byte) (*layout.Document, error) {
	return extract.Extract(ctx, req.Format, data, req.Limits)
}

// call runs h and turns a panic into a crashed error and a missed deadline
// into a timeout, so that both sides of the pipe report the same statuses.
func call(ctx context.Context, h Handler, req Request, data []byte) (doc *layout.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc = nil
			err = &layout.Error{Status: layout.StatusCrashed, File: req.Path,
				Err: fmt.Errorf("parser panicked: %v", r)}
		}
	}()
	doc, err = h(ctx, req, data)
	if err != nil {
		return nil, classify(ctx, req, err)
	}
	if doc == nil {
		return nil, &layout.Error{Status: layout.StatusCorrupt, File: req.Path, Err: errors.New("the extractor returned no document")}
	}
	return doc, nil
}

// classify gives err a Status when it has none: a missed deadline is a
// timeout, anything else is corrupt.
func classify(ctx context.Context, req Request, err error) error {
	var le *layout.Error
	if errors.As(err, &le) {
		if le.Status == layout.StatusTimeout {
			// one message, whether the extractor noticed the deadline
			// or the parent had to kill it
			return timeoutError(req)
		}
		if le.File == "" {
			cp := *le
			cp.File = req.Path
			return &cp
		}
		return le
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return timeoutError(req)
	}
	return &layout.Error{Status: layout.StatusCorrupt, File: req.Path, Err: err}
}

func timeoutError(req Request) error {
	return &layout.Error{Status: layout.StatusTimeout, File: req.Path,
		Err: fmt.Errorf("no result within %s; the parser was stopped (--timeout)", req.Timeout)}
}
