package isolate

import (
	"context"
	"testing"

	"github.com/planmap/planmap/corpus"
	"github.com/planmap/planmap/corpus/corpustest"
)

// The cost of isolation: the same documents extracted in this process and
// in a reused worker process. The difference per document is the price of
// a pipe round trip (the file in, the layout out as JSON); ns/op is per
// document. BenchmarkStart is what a fresh worker would cost per document
// if workers were not reused.
func BenchmarkIsolation(b *testing.B) {
	for _, name := range []string{
		"east-of-england-regional-social-strategy-action-plan-2007-2010.pdf",
		"south-east-social-inclusion-partnership-report-2002-2003.docx",
		"scotland-equal-communities-action-plan-2009-2011.html",
	} {
		data := corpustest.ReadSample(b, name)
		req := Request{Path: name, Format: corpus.Identify(data)}
		b.Run(string(req.Format)+"/in-process", func(b *testing.B) {
			benchExtract(b, InProcess{}, req, data)
		})
		b.Run(string(req.Format)+"/worker", func(b *testing.B) {
			p, err := NewPool(Options{Workers: 1})
			if err != nil {
				b.Fatal(err)
			}
			defer p.Close()
			// start the worker outside the timing
			if _, err := p.Extract(context.Background(), req, data); err != nil {
				b.Fatal(err)
			}
			benchExtract(b, p, req, data)
		})
	}
}

func benchExtract(b *testing.B, x Extractor, req Request, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := x.Extract(context.Background(), req, data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRoundTrip is the fixed cost of one request to a warm worker
// with nothing to parse.
func BenchmarkRoundTrip(b *testing.B) {
	p, err := NewPool(Options{Workers: 1})
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	req := Request{Format: "test-echo"}
	for i := 0; i < b.N; i++ {
		if _, err := p.Extract(context.Background(), req, []byte("x")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStart is the cost of starting a worker for every document
// (MaxDocs 1), the design that reuse avoids.
func BenchmarkStart(b *testing.B) {
	p, err := NewPool(Options{Workers: 1, MaxDocs: 1})
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	req := Request{Format: "test-echo"}
	for i := 0; i < b.N; i++ {
		if _, err := p.Extract(context.Background(), req, []byte("x")); err != nil {
			b.Fatal(err)
		}
	}
}
