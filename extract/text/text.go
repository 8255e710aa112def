// Package text reads plain text into the layout model, including the
// converted-document form whose tables are tab-separated rows with <p>/<li>
// markup inside the cells.
package text

import (
	"errors"

	"github.com/planmap/planmap/extract/layout"
)

// Options limits what is read.
type Options struct {
	MaxLine int // refuse lines longer than this many bytes (0 = a safe default)
}

// Extract reads one plain-text document.
func Extract(data []byte, opt Options) (*layout.Document, error) {
	return nil, errors.New("text: not implemented yet")
}
