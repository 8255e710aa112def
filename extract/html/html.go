// Package html reads web pages and HTML exports into the layout model,
// dropping site chrome and honouring the declared character set.
package html

import (
	"errors"

	"github.com/planmap/planmap/extract/layout"
)

// Options limits what is read.
type Options struct {
	MaxBytes int64 // refuse larger inputs (0 = no limit)
	MaxDepth int   // refuse deeper element nesting (0 = a safe default)
}

// Extract reads one HTML document.
func Extract(data []byte, opt Options) (*layout.Document, error) {
	return nil, errors.New("html: not implemented yet")
}
