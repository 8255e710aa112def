package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"

	"github.com/planmap/planmap/normalise"
	"github.com/planmap/planmap/normalise/places"
)

// writeJSONL writes one action per line in the normalise.Action contract,
// in input order (actions of documents that were not read are absent), and
// documents.jsonl beside it. The bytes depend only on docs: no map is
// ranged over and no time is written.
func writeJSONL(path string, docs []normalise.Document) error {
	if filepath.Base(path) == "documents.jsonl" {
		return fmt.Errorf("export %s: documents.jsonl is written beside a JSONL output; choose another name", path)
	}
	ds := newDataset(docs, filepath.Dir(path))
	if err := writeAtomic(filepath.Join(filepath.Dir(path), "documents.jsonl"), func(w io.Writer) error {
		return writeDocumentsJSONL(w, ds)
	}); err != nil {
		return err
	}
	return writeAtomic(path, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, d := range ds.docs {
			for i := range d.actions {
				if err := enc.Encode(contractAction(d, i)); err != nil {
					return fmt.Errorf("%s action %d: %w", d.File, i+1, err)
				}
			}
		}
		return nil
	})
}

// contractAction is an action as the JSON Lines contract prints it: the
// export's unique ID, the region, the document name and source file filled
// in, and empty lists as [] rather than null.
func contractAction(d *docView, i int) normalise.Action {
	a := d.actions[i]
	a.ID = d.ids[i]
	if a.Document == "" {
		a.Document = d.Name
	}
	if a.Source.File == "" {
		a.Source.File = d.File
	}
	if a.Region == "" && d.area.Known() {
		a.Region = d.area.Name
	}
	a.Milestones = nonNil(a.Milestones)
	a.Outcomes = nonNil(a.Outcomes)
	a.Leads = nonNil(a.Leads)
	a.Partners = nonNil(a.Partners)
	a.Themes = nonNil(a.Themes)
	return a
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// documentLine is one line of documents.jsonl.
type documentLine struct {
	File        string      `json:"file"`
	Document    string      `json:"document"`
	ID          string      `json:"id"`
	Format      string      `json:"format"`
	Size        int64       `json:"size"`
	Pages       int         `json:"pages"`
	Title       string      `json:"title"`
	Status      string      `json:"status"`
	Error       string      `json:"error"`
	Actions     int         `json:"actions"`
	Milestones  int         `json:"milestones"`
	Region      string      `json:"region"` // the area's name, "(unknown)"
	Area        places.Area `json:"area"`
	DuplicateOf string      `json:"duplicate_of,omitempty"`
	Warnings    []string    `json:"warnings,omitempty"`
}

func writeDocumentsJSONL(w io.Writer, ds *dataset) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, d := range ds.docs {
		if err := enc.Encode(documentLine{
			File: d.File, Document: d.Name, ID: d.ID, Format: d.Format, Size: d.Size, Pages: d.Pages,
			Title: d.Title, Status: d.Status, Error: d.Error, Actions: len(d.actions), Milestones: d.milestones(),
			Region: d.area.Label(), Area: d.area, DuplicateOf: d.DuplicateOf, Warnings: d.Warnings,
		}); err != nil {
			return err
		}
	}
	return bw.Flush()
}
