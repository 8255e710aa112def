package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/sourcegraph/conc/pool"

	"github.com/planmap/planmap/corpus"
	"github.com/planmap/planmap/extract"
	"github.com/planmap/planmap/extract/isolate"
	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/normalise"
)

// batch reads, extracts and normalises every input. Its guarantees, each
// tested (see docs/reliability.md):
//   - every input comes out exactly once, in input order, with a status,
//     however the workers were scheduled;
//   - a document that panics, hangs or kills its parser costs only that
//     document;
//   - of several inputs with the same content the first in input order is
//     read, the others are duplicates.
type batch struct {
	ext       isolate.Extractor
	limits    extract.Limits
	maxSize   int64
	timeout   time.Duration // also bounds normalisation
	normalise normalise.Options
	workers   int
	// failFast stops the batch at the first failed document (--strict).
	failFast bool
	// done is called after each document, one call at a time.
	done func(d *normalise.Document)
	// reuse, when set, is asked about each input once its content is read
	// (planmap import): true means a store holds its reading already, and
	// the input comes out with statusStored instead of being read again.
	reuse func(in *corpus.Input) bool
}

// statusStored marks a Document whose reading a store holds already; only
// planmap import sees it.
const statusStored = "stored"

// errStopped marks documents not processed because the batch was stopped
// (--strict after a failure, or an interrupt).
var errStopped = errors.New("not processed: the run was stopped")

// run processes inputs and returns one Document per input, in order. When
// ctx ends the result is incomplete and must not be written; failed reports
// whether failFast stopped the batch.
func (b *batch) run(ctx context.Context, inputs []corpus.Input) (docs []normalise.Document, failed bool) {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	docs = make([]normalise.Document, len(inputs))
	var (
		mu      sync.Mutex
		claimed = map[string]int{} // content ID → lowest input index being read
		report  sync.Mutex
	)
	// claim says whether input i is the first (so far) with its content; a
	// later copy need not be extracted, it will be marked duplicate.
	claim := func(i int, id string) bool {
		mu.Lock()
		defer mu.Unlock()
		if j, ok := claimed[id]; ok && j < i {
			return false
		}
		claimed[id] = i
		return true
	}
	p := pool.New().WithMaxGoroutines(max(1, b.workers))
	for i := range inputs {
		p.Go(func() {
			in := &inputs[i]
			func() {
				defer func() {
					if r := recover(); r != nil {
						docs[i] = failure(in, &layout.Error{Status: layout.StatusCrashed, File: in.Path,
							Err: fmt.Errorf("planmap failed on this document: %v", r)})
					}
				}()
				docs[i] = b.one(ctx, in, claim, i)
			}()
			report.Lock()
			defer report.Unlock()
			if errors.Is(ctx.Err(), context.Canceled) && docs[i].Status == "" {
				return
			}
			if b.failFast && failedStatus(docs[i].Status) {
				failed = true
				stop()
			}
			if b.done != nil {
				b.done(&docs[i])
			}
		})
	}
	p.Wait()
	corpus.MarkDuplicates(inputs)
	for i := range inputs {
		if inputs[i].Status() == layout.StatusDuplicate {
			docs[i] = failure(&inputs[i], inputs[i].Err)
			docs[i].DuplicateOf = inputs[i].DuplicateOf
		}
		if docs[i].Status == "" {
			docs[i] = failure(&inputs[i], errStopped)
		}
	}
	return docs, failed
}

// one reads, extracts and normalises input i.
func (b *batch) one(ctx context.Context, in *corpus.Input, claim func(int, string) bool, i int) normalise.Document {
	if ctx.Err() != nil {
		return normalise.Document{}
	}
	data, err := corpus.Read(in, b.maxSize)
	if err != nil {
		return failure(in, err)
	}
	if !claim(i, in.ID) {
		// an earlier input has the same bytes: MarkDuplicates will say so
		return failure(in, &layout.Error{Status: layout.StatusDuplicate, File: in.Path, Err: errors.New("same content as an earlier file")})
	}
	if b.reuse != nil && b.reuse(in) {
		d := describe(in)
		d.Status = statusStored
		return d
	}
	return b.read(ctx, in, data)
}

// read extracts and normalises one input whose content is data.
func (b *batch) read(ctx context.Context, in *corpus.Input, data []byte) normalise.Document {
	ldoc, err := b.ext.Extract(ctx, isolate.Request{Path: in.Path, Format: in.Format, Limits: b.limits}, data)
	data = nil
	if ctx.Err() != nil {
		return normalise.Document{}
	}
	if err != nil {
		return failure(in, err)
	}
	plan, err := b.normaliseOne(ctx, ldoc, in.Path)
	if err != nil {
		d := failure(in, err)
		d.Pages, d.Title = ldoc.Pages, ldoc.Title
		return d
	}
	d := describe(in)
	d.Status = string(layout.StatusOK)
	d.Pages = ldoc.Pages
	d.Title = ldoc.Title
	if d.Title == "" {
		d.Title = plan.Meta.Title
	}
	d.Warnings = ldoc.Warnings
	d.Plan = plan
	d.Area = plan.Meta.Area
	return d
}

// normaliseOne runs normalisation with the document's time budget and
// turns a panic into that document's error. A normalisation that overruns
// is abandoned (its goroutine cannot be stopped) and reported as a timeout.
func (b *batch) normaliseOne(ctx context.Context, ldoc *layout.Document, path string) (*normalise.Plan, error) {
	type answer struct {
		plan *normalise.Plan
		err  error
	}
	ch := make(chan answer, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				ch <- answer{err: &layout.Error{Status: layout.StatusCrashed, File: path,
					Err: fmt.Errorf("normalisation failed: %v", r)}}
			}
		}()
		ch <- answer{plan: normalise.Normalise(ldoc, path, b.normalise)}
	}()
	var timer <-chan time.Time
	if b.timeout > 0 {
		t := time.NewTimer(b.timeout)
		defer t.Stop()
		timer = t.C
	}
	select {
	case a := <-ch:
		if a.err == nil && a.plan == nil {
			return nil, &layout.Error{Status: layout.StatusCorrupt, File: path, Err: errors.New("normalisation returned nothing")}
		}
		return a.plan, a.err
	case <-timer:
		return nil, &layout.Error{Status: layout.StatusTimeout, File: path,
			Err: fmt.Errorf("normalisation did not finish within %s (--timeout)", b.timeout)}
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// describe fills what is known of an input before extraction.
func describe(in *corpus.Input) normalise.Document {
	return normalise.Document{
		File:   in.Path,
		Name:   in.Name,
		ID:     in.ID,
		Format: string(in.Format),
		Size:   in.Size,
	}
}

// failure is the Document of an input that could not be used.
func failure(in *corpus.Input, err error) normalise.Document {
	d := describe(in)
	d.Status = string(layout.StatusOf(err))
	d.Error = message(err)
	return d
}

// message is an error as the Documents sheet shows it: the file is in its
// own column and the status in another, so only the page and the reason.
func message(err error) string {
	var le *layout.Error
	if errors.As(err, &le) {
		msg := ""
		if le.Err != nil {
			msg = le.Err.Error()
		}
		if le.Page > 0 {
			msg = fmt.Sprintf("page %d: %s", le.Page, msg)
		}
		return msg
	}
	if err == nil {
		return ""
	}
	return err.Error()
}

// failedStatus reports a status that counts as a failure for the exit code
// and --strict: anything but ok and duplicate (a duplicate's content was
// read, under the first file's name).
func failedStatus(s string) bool {
	return s != string(layout.StatusOK) && s != string(layout.StatusDuplicate) && s != ""
}

// router sends PDFs to one extractor and other formats to another
// (--isolate pdf).
type router struct {
	pdf, other isolate.Extractor
}

func (r router) Extract(ctx context.Context, req isolate.Request, data []byte) (*layout.Document, error) {
	if req.Format == layout.PDF {
		return r.pdf.Extract(ctx, req, data)
	}
	return r.other.Extract(ctx, req, data)
}

func (r router) Close() error {
	r.other.Close()
	return r.pdf.Close()
}
