// Package docx reads Word 2007+ (.docx) files into the layout model with
// archive/zip and encoding/xml: paragraphs, heading styles, list numbering,
// and tables with gridSpan/vMerge.
package docx

import (
	"errors"

	"github.com/planmap/planmap/extract/layout"
)

// Options limits what is read, so a zip bomb is refused.
type Options struct {
	MaxUnzipped int64   // total uncompressed bytes (0 = a safe default)
	MaxEntries  int     // zip entries (0 = a safe default)
	MaxRatio    float64 // uncompressed/compressed per entry (0 = a safe default)
}

// Extract reads one DOCX document.
func Extract(data []byte, opt Options) (*layout.Document, error) {
	return nil, errors.New("docx: not implemented yet")
}
