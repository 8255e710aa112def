package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/normalise"
)

// statusOrder is the order statuses are listed in the summary.
var statusOrder = []layout.Status{
	layout.StatusOK, layout.StatusDuplicate, layout.StatusEncrypted, layout.StatusNoText,
	layout.StatusUnsupported, layout.StatusCorrupt, layout.StatusTooLarge, layout.StatusTimeout,
	layout.StatusCrashed, layout.StatusUnreadable,
}

// isTerminal reports whether w is a terminal (a character device), the
// only place a progress bar belongs.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// tally counts what a run produced.
type tally struct {
	byStatus   map[string]int
	garbled    int // ok documents with pages whose text looks garbled
	documents  int
	actions    int
	milestones int
}

func count(docs []normalise.Document) tally {
	t := tally{byStatus: map[string]int{}, documents: len(docs)}
	for _, d := range docs {
		t.byStatus[d.Status]++
		if d.Status == string(layout.StatusOK) && len(garbledPages(d)) > 0 {
			t.garbled++
		}
		if d.Plan != nil {
			t.actions += len(d.Plan.Actions)
			for _, a := range d.Plan.Actions {
				t.milestones += len(a.Milestones)
			}
		}
	}
	return t
}

func (t tally) failed() int {
	n := 0
	for s, k := range t.byStatus {
		if failedStatus(s) {
			n += k
		}
	}
	return n
}

// summary is the line that ends every run, e.g.
// "12 documents: 9 ok, 1 duplicate, 2 corrupt; 240 actions, 512 milestones; 3.2 s".
func (t tally) summary(elapsed time.Duration) string {
	var parts []string
	seen := map[string]bool{}
	for _, s := range statusOrder {
		if n := t.byStatus[string(s)]; n > 0 {
			part := fmt.Sprintf("%d %s", n, s)
			if s == layout.StatusOK && t.garbled > 0 {
				part += fmt.Sprintf(" (%d with garbled pages)", t.garbled)
			}
			parts = append(parts, part)
		}
		seen[string(s)] = true
	}
	for s, n := range t.byStatus { // a status this build does not know
		if !seen[s] && n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, s))
		}
	}
	head := fmt.Sprintf("%d documents", t.documents)
	if t.documents == 1 {
		head = "1 document"
	}
	if len(parts) > 0 {
		head += ": " + strings.Join(parts, ", ")
	}
	return fmt.Sprintf("%s; %d actions, %d milestones; %.1f s", head, t.actions, t.milestones, elapsed.Seconds())
}

// listFailures writes one line per failed document: status, file, reason;
// and one per ok document with garbled pages, naming them.
func listFailures(w io.Writer, docs []normalise.Document) {
	for _, d := range docs {
		if g := garbledPages(d); d.Status == string(layout.StatusOK) && len(g) > 0 {
			fmt.Fprintf(w, "  %-18s %s: %s\n", "ok, garbled pages", d.File, strings.Join(g, "; "))
			continue
		}
		if !failedStatus(d.Status) {
			continue
		}
		fmt.Fprintf(w, "  %-18s %s: %s\n", d.Status, d.File, d.Error)
	}
}

// garbledPages returns a document's warnings about pages whose text looks
// garbled.
func garbledPages(d normalise.Document) []string {
	var out []string
	for _, w := range d.Warnings {
		if strings.Contains(w, layout.WarnGarbled) {
			out = append(out, w)
		}
	}
	return out
}
