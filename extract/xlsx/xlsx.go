// Package xlsx reads Excel workbooks (.xlsx, .xlsm) into the layout model
// with github.com/xuri/excelize/v2, the spreadsheet library planmap already
// uses to write its own workbook.
//
// Every visible worksheet becomes a heading (the sheet's name) and one
// table; a worksheet is a page, so Document.Pages counts the visible sheets
// and each block's Page is its sheet's number among them. Hidden and very
// hidden sheets, hidden rows and hidden columns are skipped, as are rows and
// columns with no text, so a table holds only what a reader of the sheet
// sees. Lines above the table that fill one cell each (a title, a subtitle
// merged across the sheet) become headings of their own, so the table starts
// at its header row. Merged cells become spans (ColSpan, RowSpan, Covered);
// line breaks inside a cell become paragraphs. A cell's text is its value
// formatted as Excel shows it: a date is printed by its number format, never
// as a serial; the locale-dependent short date (built-in format 14) is
// printed day first, dd/mm/yyyy, as a UK copy of Excel shows it. Formulas
// are read as their cached values, never evaluated.
//
// The table's first row is a header row when it is bold, frozen above the
// scrolling pane, or made of short labels that are not figures or dates
// with rows below it.
//
// Limits: the ZIP package is checked before excelize inflates anything
// (entries, total declared size and the ratio of each entry, as for DOCX;
// archive/zip stops an entry that inflates past its declared size), and a
// workbook with more than MaxRows rows or MaxCells cells of text is
// too-large. A password-protected workbook is encrypted; a damaged one is
// corrupt; a panic inside excelize is recovered and reported as corrupt.
package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/extract/zippkg"
)

// Options limits what is read.
type Options struct {
	MaxUnzipped int64   // total uncompressed bytes (0 = zippkg.DefaultMaxUnzipped)
	MaxEntries  int     // zip entries (0 = zippkg.DefaultMaxEntries)
	MaxRatio    float64 // uncompressed/compressed per entry (0 = zippkg.DefaultMaxRatio)
	MaxRows     int     // rows with text, over all sheets (0 = DefaultMaxRows)
	MaxCells    int     // cell positions held (each row up to its last text) and table grid positions, over all sheets (0 = DefaultMaxCells)
}

// The limits used when Options leaves a field at zero. A live action
// tracker has tens or hundreds of rows; a sheet of a million is data, not a
// plan.
const (
	DefaultMaxRows  = 200_000
	DefaultMaxCells = 4_000_000
)

func (o Options) withDefaults() Options {
	l := zippkg.Limits{MaxUnzipped: o.MaxUnzipped, MaxEntries: o.MaxEntries, MaxRatio: o.MaxRatio}.WithDefaults()
	o.MaxUnzipped, o.MaxEntries, o.MaxRatio = l.MaxUnzipped, l.MaxEntries, l.MaxRatio
	if o.MaxRows <= 0 {
		o.MaxRows = DefaultMaxRows
	}
	if o.MaxCells <= 0 {
		o.MaxCells = DefaultMaxCells
	}
	return o
}

// shortDate is how the locale-dependent short date format (built-in 14,
// and 22 with a time) is printed: day first, as UK plans write dates and as
// planmap's date reader reads numeric dates.
const shortDate = "dd/mm/yyyy"

// Extract reads one workbook. Failures are *layout.Error: encrypted for a
// password-protected workbook, unsupported for a legacy .xls, too-large
// over a limit, corrupt for anything damaged (including a panic in the
// library, which is recovered).
func Extract(data []byte, opt Options) (doc *layout.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, layout.Errorf(layout.StatusCorrupt, "workbook could not be read (the spreadsheet library failed: %v)", r)
		}
	}()
	opt = opt.withDefaults()
	if err := checkPackage(data, opt); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    opt.MaxUnzipped,
		UnzipXMLSizeLimit: opt.MaxUnzipped, // keep every part in memory: no temporary files
		ShortDatePattern:  shortDate,
	})
	if err != nil {
		return nil, openError(err)
	}
	defer f.Close()
	r := &reader{f: f, opt: opt, bold: map[int]bool{}, paths: sheetPaths(f)}
	return r.read()
}

// checkPackage refuses what is not a workbook package or is over a limit,
// before excelize inflates anything (zippkg: the entry count, and the
// sizes the headers declare, which bound what excelize can inflate).
func checkPackage(data []byte, opt Options) error {
	if ole, encrypted := zippkg.OLE(data); ole {
		if encrypted {
			return layout.Errorf(layout.StatusEncrypted, "password-protected Excel workbook (encrypted OOXML package); remove the password and save again")
		}
		return layout.Errorf(layout.StatusUnsupported, "legacy binary Office file (Excel 97-2003 .xls or similar OLE compound file); save it as .xlsx")
	}
	p, err := zippkg.Open(data, zippkg.Limits{MaxUnzipped: opt.MaxUnzipped, MaxEntries: opt.MaxEntries, MaxRatio: opt.MaxRatio}, "an Excel workbook")
	if err != nil {
		return err
	}
	hasWorkbook := false
	for _, zf := range p.Entries() {
		name := strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(zf.Name, "\\", "/"), "/"))
		if name == "xl/workbook.xml" {
			hasWorkbook = true
		}
		if name == "xl/workbook.bin" {
			return layout.Errorf(layout.StatusUnsupported, "Excel binary workbook (.xlsb); save it as .xlsx")
		}
	}
	if err := p.CheckDeclared(); err != nil {
		return err
	}
	if !hasWorkbook {
		return layout.Errorf(layout.StatusCorrupt, "not an Excel workbook: no xl/workbook.xml")
	}
	return nil
}

// openError gives excelize's failure to open a package its status.
func openError(err error) error {
	var le *layout.Error
	switch {
	case errors.As(err, &le):
		return err
	case errors.Is(err, zip.ErrFormat):
		// the directory was read: a part disagrees with its header
		return layout.Errorf(layout.StatusTooLarge, "a part inflates past the size its header declares (zip bomb?): %v", err)
	case errors.Is(err, excelize.ErrWorkbookPassword):
		return layout.Errorf(layout.StatusEncrypted, "password-protected Excel workbook: %v", err)
	case strings.Contains(err.Error(), "unzip size"):
		return layout.Errorf(layout.StatusTooLarge, "%v", err)
	}
	return layout.Errorf(layout.StatusCorrupt, "workbook could not be read: %v", err)
}

// reader holds one open workbook and the counts the limits apply to.
type reader struct {
	f     *excelize.File
	opt   Options
	rows  int               // rows with text
	held  int               // cell positions held while reading
	cells int               // grid positions of the tables
	bold  map[int]bool      // style index → bold font
	paths map[string]string // sheet name → its part
}

func (r *reader) read() (*layout.Document, error) {
	doc := &layout.Document{Format: layout.XLSX, Blocks: []layout.Block{}, Meta: map[string]string{}}
	if p, err := r.f.GetDocProps(); err == nil && p != nil {
		doc.Title = layout.Clean(p.Title)
		for k, v := range map[string]string{"author": p.Creator, "subject": p.Subject, "created": p.Created, "modified": p.Modified, "language": p.Language} {
			if v = layout.Clean(v); v != "" {
				doc.Meta[k] = v
			}
		}
	}
	firstCell := ""
	for _, name := range r.f.GetSheetList() {
		visible, err := r.f.GetSheetVisible(name)
		if err != nil || !visible {
			continue
		}
		doc.Pages++
		s, err := r.sheet(name)
		if err != nil {
			var le *layout.Error
			if errors.As(err, &le) && le.Status == layout.StatusTooLarge {
				return nil, err
			}
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("page %d: sheet %q could not be read: %v", doc.Pages, name, err))
			continue
		}
		if firstCell == "" {
			firstCell = s.firstCell
		}
		doc.Blocks = append(doc.Blocks, s.blocks(doc.Pages, name)...)
	}
	if doc.Title == "" {
		doc.Title = firstCell
	}
	if len(doc.Meta) == 0 {
		doc.Meta = nil
	}
	return doc, nil
}
