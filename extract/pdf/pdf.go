package pdf

import (
	"context"
	"errors"

	"github.com/planmap/planmap/extract/layout"
)

// Extract reads one PDF into the layout model.
func Extract(ctx context.Context, data []byte, opt Options) (*layout.Document, error) {
	return nil, errors.New("pdf: not implemented yet")
}

// Tables returns every table found on the chosen pages, page by page, before
// tables that continue across pages are joined.
func Tables(ctx context.Context, data []byte, opt Options) ([]PageTable, error) {
	return nil, errors.New("pdf: not implemented yet")
}
