package isolate

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"testing"

	"github.com/planmap/planmap/extract"
	"github.com/planmap/planmap/extract/layout"
)

func TestRequestRoundTrip(t *testing.T) {
	var b bytes.Buffer
	req := Request{Path: "a.pdf", Format: layout.PDF, Limits: extract.Limits{MaxPages: 7}, Timeout: 3}
	if err := writeRequest(&b, req, []byte("%PDF-1.4 body")); err != nil {
		t.Fatal(err)
	}
	got, data, err := readRequest(&b)
	if err != nil || got != req || string(data) != "%PDF-1.4 body" {
		t.Fatalf("got %+v %q %v", got, data, err)
	}
	if _, _, err := readRequest(&b); !errors.Is(err, io.EOF) {
		t.Errorf("after the last request: %v, want io.EOF", err)
	}
}

// A frame whose length promises more than arrives is an error, and the
// reader does not allocate what the length claims.
func TestLyingFrameLength(t *testing.T) {
	in := []byte{0x7f, 0xff, 0xff, 0xff, 'x'} // claims 2 GB, holds 1 byte
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := readFrame(bytes.NewReader(in))
	runtime.ReadMemStats(&after)
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("got %v, want unexpected EOF", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 16<<20 {
		t.Errorf("allocated %d MB for a 1-byte frame", grew>>20)
	}
}

// FuzzReadRequest: whatever arrives on the request pipe, the worker reads
// a request or returns an error; it never panics.
func FuzzReadRequest(f *testing.F) {
	var b bytes.Buffer
	writeRequest(&b, Request{Path: "x.html", Format: layout.HTML}, []byte("<p>hi"))
	f.Add(b.Bytes())
	f.Add([]byte{0, 0, 0, 2, '{', '}', 0, 0, 0, 0})
	f.Add([]byte{0, 0, 0, 1, '['})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, in []byte) {
		r := bytes.NewReader(in)
		for {
			if _, _, err := readRequest(r); err != nil {
				return
			}
		}
	})
}
