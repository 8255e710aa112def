package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/planmap/planmap/corpus"
	"github.com/planmap/planmap/extract/isolate"
	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/normalise"
)

// fakeExtractor misbehaves by file content, and finishes later documents
// first, so that scheduling order differs from input order.
type fakeExtractor struct {
	mu    sync.Mutex
	calls map[string]int // content → extractions
}

func (f *fakeExtractor) Extract(ctx context.Context, req isolate.Request, data []byte) (*layout.Document, error) {
	f.mu.Lock()
	f.calls[string(data)]++
	f.mu.Unlock()
	text := string(data)
	switch {
	case strings.HasPrefix(text, "panic"):
		panic("extractor bug on " + req.Path)
	case strings.HasPrefix(text, "fail"):
		return nil, &layout.Error{Status: layout.StatusCorrupt, File: req.Path, Page: 3, Err: fmt.Errorf("bad xref")}
	case strings.HasPrefix(text, "slow"):
		time.Sleep(50 * time.Millisecond)
	}
	return &layout.Document{Format: req.Format, Pages: 1, Title: text,
		Blocks: []layout.Block{{Kind: layout.Paragraph, Page: 1, Text: text}}}, nil
}

func (f *fakeExtractor) Close() error { return nil }

func writeInputs(t *testing.T, contents ...string) []corpus.Input {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for i, c := range contents {
		p := filepath.Join(dir, fmt.Sprintf("doc%02d.txt", i))
		if err := os.WriteFile(p, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	inputs, err := corpus.Find(paths, nil)
	if err != nil {
		t.Fatal(err)
	}
	return inputs
}

func TestBatchKeepsInputOrderAndIsolatesFailures(t *testing.T) {
	contents := []string{"slow one", "two", "panic three", "slow four", "fail five", "two", "six"}
	inputs := writeInputs(t, contents...)
	fx := &fakeExtractor{calls: map[string]int{}}
	var reported []string
	b := &batch{ext: fx, workers: 4, timeout: time.Minute, done: func(d *normalise.Document) { reported = append(reported, d.File) }}
	docs, failed := b.run(context.Background(), inputs)
	if failed {
		t.Error("failed without failFast")
	}
	want := []string{"ok", "ok", "crashed", "ok", "corrupt", "duplicate", "ok"}
	for i, d := range docs {
		if d.File != inputs[i].Path {
			t.Errorf("docs[%d] is %s, want %s: input order lost", i, d.File, inputs[i].Path)
		}
		if d.Status != want[i] {
			t.Errorf("%s: status %s (%s), want %s", contents[i], d.Status, d.Error, want[i])
		}
	}
	if d := docs[2]; !strings.Contains(d.Error, "extractor bug") {
		t.Errorf("panic message lost: %q", d.Error)
	}
	if d := docs[4]; d.Error != "page 3: bad xref" {
		t.Errorf("corrupt message %q, want the page and the reason", d.Error)
	}
	if d := docs[5]; d.DuplicateOf != inputs[1].Path || d.Plan != nil {
		t.Errorf("duplicate: of %q, plan %v", d.DuplicateOf, d.Plan)
	}
	if d := docs[0]; d.Plan == nil || d.Title != "slow one" || d.Pages != 1 || d.ID == "" {
		t.Errorf("ok document incomplete: %+v", d)
	}
	if len(reported) != len(inputs) {
		t.Errorf("progress saw %d documents, want %d", len(reported), len(inputs))
	}
}

func TestBatchFailFast(t *testing.T) {
	contents := []string{"fail first"}
	for i := 0; i < 20; i++ {
		contents = append(contents, fmt.Sprintf("slow %d", i))
	}
	inputs := writeInputs(t, contents...)
	fx := &fakeExtractor{calls: map[string]int{}}
	b := &batch{ext: fx, workers: 1, failFast: true}
	_, failed := b.run(context.Background(), inputs)
	if !failed {
		t.Fatal("a failure under failFast did not stop the batch")
	}
	if n := len(fx.calls); n > 2 {
		t.Errorf("%d documents extracted after the first failed with one worker", n)
	}
}

func TestBatchCancelled(t *testing.T) {
	inputs := writeInputs(t, "slow a", "slow b", "slow c")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	b := &batch{ext: &fakeExtractor{calls: map[string]int{}}, workers: 2}
	docs, _ := b.run(ctx, inputs)
	if len(docs) != len(inputs) {
		t.Fatalf("%d documents for %d inputs", len(docs), len(inputs))
	}
	for _, d := range docs {
		if d.Status == "ok" {
			t.Errorf("%s processed after cancel", d.File)
		}
	}
}

func TestSummaryLine(t *testing.T) {
	docs := []normalise.Document{
		{Status: "ok", Plan: &normalise.Plan{Actions: []normalise.Action{{Milestones: make([]normalise.Milestone, 2)}, {}}}},
		{Status: "corrupt"}, {Status: "duplicate"}, {Status: "ok", Plan: &normalise.Plan{}}, {Status: "timeout"},
	}
	tl := count(docs)
	got := tl.summary(1500 * time.Millisecond)
	want := "5 documents: 2 ok, 1 duplicate, 1 corrupt, 1 timeout; 2 actions, 2 milestones; 1.5 s"
	if got != want {
		t.Errorf("summary\n got %q\nwant %q", got, want)
	}
	if tl.failed() != 2 {
		t.Errorf("failed = %d, want 2 (duplicates are not failures)", tl.failed())
	}
}
