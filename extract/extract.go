// Package extract turns one input file of any supported format into the
// layout model (package layout). It chooses the extractor by format and
// applies the limits that keep hostile input from hurting the batch.
package extract

import (
	"context"
	"errors"
	"fmt"

	"github.com/planmap/planmap/extract/docx"
	"github.com/planmap/planmap/extract/html"
	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/extract/odt"
	"github.com/planmap/planmap/extract/office"
	"github.com/planmap/planmap/extract/pdf"
	"github.com/planmap/planmap/extract/text"
	"github.com/planmap/planmap/extract/xlsx"
)

// Limits bound what any extractor reads.
type Limits struct {
	MaxPages      int     // PDF pages
	MaxUnzipped   int64   // DOCX, XLSX and ODT total uncompressed bytes
	MaxZipEntries int     // DOCX, XLSX and ODT zip entries
	MaxZipRatio   float64 // DOCX, XLSX and ODT compression ratio per entry
	MaxHTMLDepth  int     // HTML element nesting
	MaxLine       int     // plain-text line length in bytes
	PageWorkers   int     // PDF pages parsed in parallel within one document
}

// Extract reads data, already identified as format, into a layout.Document.
// A failure is a *layout.Error with a Status; a panic inside an extractor is
// recovered and reported as corrupt, never passed on.
func Extract(ctx context.Context, format layout.Format, data []byte, lim Limits) (doc *layout.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, layout.Errorf(layout.StatusCorrupt, "%s parser failed: %v", format, r)
		}
	}()
	switch format {
	case layout.PDF:
		doc, err = pdf.Extract(ctx, data, pdf.Options{MaxPages: lim.MaxPages, Workers: lim.PageWorkers})
	case layout.DOCX:
		doc, err = docx.Extract(data, docx.Options{MaxUnzipped: lim.MaxUnzipped, MaxEntries: lim.MaxZipEntries, MaxRatio: lim.MaxZipRatio})
	case layout.XLSX:
		doc, err = xlsx.Extract(data, xlsx.Options{MaxUnzipped: lim.MaxUnzipped, MaxEntries: lim.MaxZipEntries, MaxRatio: lim.MaxZipRatio})
	case layout.ODT:
		doc, err = odt.Extract(data, odt.Options{MaxUnzipped: lim.MaxUnzipped, MaxEntries: lim.MaxZipEntries, MaxRatio: lim.MaxZipRatio})
	case layout.DOC, layout.RTF:
		// LibreOffice converts, within ctx's deadline; the ODT reader reads
		var odtData []byte
		if odtData, err = office.Convert(ctx, format, data, office.Options{MaxOutput: lim.MaxUnzipped}); err == nil {
			doc, err = odt.Extract(odtData, odt.Options{MaxUnzipped: lim.MaxUnzipped, MaxEntries: lim.MaxZipEntries, MaxRatio: lim.MaxZipRatio})
		}
	case layout.HTML:
		doc, err = html.Extract(data, html.Options{MaxDepth: lim.MaxHTMLDepth})
	case layout.Text:
		doc, err = text.Extract(data, text.Options{MaxLine: lim.MaxLine})
	default:
		return nil, layout.Errorf(layout.StatusUnsupported, "format %q is not PDF, DOCX, XLSX, ODT, DOC, RTF, HTML or plain text", format)
	}
	if err != nil {
		var le *layout.Error
		if !errors.As(err, &le) {
			err = &layout.Error{Status: layout.StatusCorrupt, Err: err}
		}
		return nil, err
	}
	if doc == nil {
		return nil, fmt.Errorf("%s extractor returned no document", format)
	}
	doc.Format = format
	return doc, nil
}
