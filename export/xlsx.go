package export

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/planmap/planmap/normalise"
	"github.com/xuri/excelize/v2"
)

// The workbook. Sheets, in order:
//
//   - Summary: one row per region/document (the file that stands for it),
//     with a chart of actions per theme per region.
//   - Regions × Themes: actions per region and theme, with a heat map.
//   - Partners × Themes: per canonical organisation, actions led and
//     partnered per theme, with a heat map, and the regions it appears in.
//   - Gaps, Overlaps: findings with a Type column (see analysis.go).
//   - Organisations: Canonical, Aliases, Kind, Leads, Partner on, Regions;
//     it can be edited and read back with --orgs.
//   - Documents: one row per input, whatever its status.
//   - Actions, Milestones: every action and milestone of every file, with
//     a stable Action ID, region, themes and provenance.
//
// Every sheet is an Excel Table with filters and a frozen header. A sheet
// of more than streamRows rows is written with excelize's StreamWriter to
// keep memory flat; excelize cannot attach hyperlinks or conditional
// formats to a streamed sheet, so those sheets carry the file path as text
// and no per-row link. Smaller sheets are written in normal mode, with a
// hyperlink from the File cell to the input file (relative to the
// workbook's folder).

// streamRows is the row count above which a sheet is streamed (a variable
// so that tests can exercise both writers on small data).
var streamRows = 5000

// chartRegions is the most regions drawn in the Summary chart (the
// Regions × Themes sheet has them all).
const chartRegions = 12

type styles struct {
	header  int
	text    int
	wrap    int
	integer int
	percent int
	score   int
	link    int
	date    int
}

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	font := &excelize.Font{Family: "Calibri", Size: 11}
	top := &excelize.Alignment{Vertical: "top"}
	add := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	s.header = add(&excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 11, Bold: true},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	s.text = add(&excelize.Style{Font: font, Alignment: top})
	s.wrap = add(&excelize.Style{Font: font, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	s.integer = add(&excelize.Style{Font: font, Alignment: top, NumFmt: 3})
	s.percent = add(&excelize.Style{Font: font, Alignment: top, NumFmt: 9})
	decimals := "0.00"
	s.score = add(&excelize.Style{Font: font, Alignment: top, CustomNumFmt: &decimals})
	isoDate := "yyyy-mm-dd"
	s.date = add(&excelize.Style{Font: font, Alignment: top, CustomNumFmt: &isoDate})
	s.link = add(&excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 11, Color: "#0563C1", Underline: "single"}, Alignment: top})
	return s, err
}

func (s styles) of(c column) int {
	switch {
	case c.kind == kInt:
		return s.integer
	case c.kind == kPercent:
		return s.percent
	case c.kind == kScore:
		return s.score
	case c.kind == kDate:
		return s.date
	case c.wrap:
		return s.wrap
	}
	return s.text
}

func writeXLSX(path string, docs []normalise.Document, opt Options) error {
	ds := newDatasetOptions(docs, filepath.Dir(path), opt)
	f := excelize.NewFile()
	defer f.Close()
	if err := buildWorkbook(f, ds); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	return writeAtomic(path, func(w io.Writer) error {
		// excelize builds the whole zip in a memory buffer it hands to the
		// ZipWriter factory; writing straight to w instead keeps a large
		// workbook out of memory, and the fastest deflate level halves the
		// time for a file a few percent larger.
		f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
			zw := zip.NewWriter(w)
			zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
				return flate.NewWriter(out, flate.BestSpeed)
			})
			return zw
		})
		_, err := f.WriteTo(io.Discard)
		return err
	})
}

func buildWorkbook(f *excelize.File, ds *dataset) error {
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	ds.prefetchOverlaps()
	tables := ds.tables()
	for i, t := range tables {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", t.sheet); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(t.sheet); err != nil {
			return err
		}
	}
	// Write the sheets that need no overlaps first, so the similarity search
	// runs beside them on the other core; the sheet order is fixed above.
	order := make([]*table, 0, len(tables))
	for _, t := range tables {
		if t.sheet != sheetOverlaps {
			order = append(order, t)
		}
	}
	for _, t := range tables {
		if t.sheet == sheetOverlaps {
			order = append(order, t)
		}
	}
	for _, t := range order {
		if err := pageSetup(f, t); err != nil {
			return fmt.Errorf("sheet %s: %w", t.sheet, err)
		}
		write := writeNormal
		if t.size() > streamRows && t.heatFrom < 0 && !t.normal {
			write = writeStreamed
		}
		if err := write(f, t, st); err != nil {
			return fmt.Errorf("sheet %s: %w", t.sheet, err)
		}
	}
	if err := addSummaryChart(f, ds, tables[0].n); err != nil {
		return fmt.Errorf("summary chart: %w", err)
	}
	// The first sheet is active by default. (SetActiveSheet would re-read
	// every streamed sheet into memory.)
	ok := 0
	for _, d := range ds.docs {
		if d.Status == "ok" {
			ok++
		}
	}
	return f.SetDocProps(&excelize.DocProperties{
		Title:       "planmap: action plans compared",
		Subject:     "Objectives, actions, milestones and organisations from public action plans",
		Creator:     "planmap",
		Keywords:    "action plan; milestones; organisations; themes; regions",
		Description: fmt.Sprintf("%d input files (%d read), %d regions, %d themes. Generated by planmap.", len(ds.docs), ok, len(ds.regions), len(ds.themes)),
		Category:    "planmap export",
		Language:    "en-GB",
		Created:     time.Now().UTC().Format(time.RFC3339),
	})
}

// pageSetup prints a sheet landscape on A4, one page wide, with the header
// row repeated on every page. It runs before the sheet is written, so a
// streamed sheet carries it too.
func pageSetup(f *excelize.File, t *table) error {
	a4, landscape, wide, tall, fit := 9, "landscape", 1, 0, true
	if err := f.SetPageLayout(t.sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape,
		FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	if err := f.SetSheetProps(t.sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: t.sheet,
		RefersTo: "'" + strings.ReplaceAll(t.sheet, "'", "''") + "'!$1:$1"})
}

// headerText cleans a header cell: an Excel table header is one line.
func headerText(s string) string {
	return strings.Join(strings.Fields(cellText(s)), " ")
}

// typedValue is cellValue, with an ISO date in a date column turned into a
// time (what Excel stores as a date serial); text that is not a whole date
// stays text.
func typedValue(v any, kind colKind) any {
	if s, ok := v.(string); ok && kind == kDate {
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return t
		}
	}
	return cellValue(v)
}

// cellValue turns a row value into what excelize writes: strings cleaned
// (and written as strings, never formulas), numbers as numbers.
func cellValue(v any) any {
	switch v := v.(type) {
	case string:
		if v == "" {
			return nil
		}
		return cellText(v)
	case int:
		return v
	case int64:
		return v
	case float64:
		return v
	case nil:
		return nil
	}
	return cellText(fmt.Sprint(v))
}

// widths sizes each column to its header and the first rows' content, capped
// by the column's own maximum.
func widths(t *table) []float64 {
	w := make([]float64, len(t.cols))
	for i, c := range t.cols {
		w[i] = float64(min(utf8.RuneCountInString(c.name), 30)) + 4 // room for the filter button
	}
	seen := 0
	t.rows(func(r row) bool {
		for i, v := range r.vals {
			var n int
			switch v := v.(type) {
			case string:
				for _, line := range strings.Split(v, "\n") {
					n = max(n, utf8.RuneCountInString(line))
				}
			case int, int64:
				n = len(fmt.Sprint(v)) + 2
			case float64:
				n = 6
			}
			w[i] = max(w[i], float64(n)+2)
		}
		seen++
		return seen < 500
	})
	for i, c := range t.cols {
		limit := c.width
		if limit == 0 {
			limit = 40
		}
		w[i] = min(max(w[i], 8), limit)
	}
	return w
}

// lineHeight is the height of one line of 11-point text, in points;
// maxLines caps how tall a row grows (the cell still holds all its text).
const (
	lineHeight = 15.0
	maxLines   = 8
)

// rowHeight estimates the height a row needs for its wrapped cells, since
// neither excelize nor every reader sizes rows to wrapped text. It returns 0
// for a one-line row (the default height).
func rowHeight(t *table, widths []float64, vals []any) float64 {
	lines := 1
	for i, v := range vals {
		s, ok := v.(string)
		if !ok || s == "" || !t.cols[i].wrap {
			continue
		}
		lines = max(lines, wrappedLines(s, widths[i]))
		if lines >= maxLines {
			return maxLines * lineHeight
		}
	}
	if lines == 1 {
		return 0
	}
	return float64(lines) * lineHeight
}

// headerHeight fits the longest header name in its column.
func headerHeight(t *table, widths []float64) float64 {
	lines := 1
	for i, c := range t.cols {
		lines = max(lines, wrappedLines(c.name, widths[i]))
	}
	return float64(min(lines, 3)) * lineHeight
}

// wrappedLines estimates how many lines s takes in a column of the given
// width (in characters).
func wrappedLines(s string, width float64) int {
	chars := max(int(width)-1, 1)
	n := 0
	for _, line := range strings.Split(s, "\n") {
		n += max(1, (utf8.RuneCountInString(line)+chars-1)/chars)
		if n >= maxLines {
			return maxLines
		}
	}
	return n
}

func lastCell(t *table) (string, error) {
	return excelize.CoordinatesToCellName(len(t.cols), max(t.n+1, 2))
}

func addTableOptions(t *table, ref string) *excelize.Table {
	stripes := true
	return &excelize.Table{Range: ref, Name: t.name, StyleName: "TableStyleLight9", ShowRowStripes: &stripes}
}

func panes(t *table) *excelize.Panes {
	p := &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}
	if t.heatFrom > 0 {
		// Matrices: keep the row labels in view too.
		p.XSplit = 1
		p.TopLeftCell = "B2"
		p.ActivePane = "bottomRight"
	}
	return p
}

// writeNormal writes a small sheet cell by cell, with hyperlinks and heat
// maps.
func writeNormal(f *excelize.File, t *table, st styles) error {
	sheet := t.sheet
	ws := widths(t)
	if err := f.SetRowHeight(sheet, 1, headerHeight(t, ws)); err != nil {
		return err
	}
	for i, w := range ws {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	header := make([]any, len(t.cols))
	for i, c := range t.cols {
		header[i] = headerText(c.name)
	}
	if err := f.SetSheetRow(sheet, "A1", &header); err != nil {
		return err
	}
	last, err := lastCell(t)
	if err != nil {
		return err
	}
	headerEnd, _ := excelize.CoordinatesToCellName(len(t.cols), 1)
	if err := f.SetCellStyle(sheet, "A1", headerEnd, st.header); err != nil {
		return err
	}
	rowNum := 1
	var werr error
	t.rows(func(r row) bool {
		rowNum++
		vals := make([]any, len(r.vals))
		for i, v := range r.vals {
			vals[i] = typedValue(v, t.cols[i].kind)
		}
		cell, _ := excelize.CoordinatesToCellName(1, rowNum)
		if werr = f.SetSheetRow(sheet, cell, &vals); werr != nil {
			return false
		}
		if h := rowHeight(t, ws, r.vals); h > 0 {
			werr = f.SetRowHeight(sheet, rowNum, h)
		}
		return werr == nil
	})
	if werr != nil {
		return werr
	}
	for i, c := range t.cols {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetCellStyle(sheet, col+"2", fmt.Sprintf("%s%d", col, max(rowNum, 2)), st.of(c)); err != nil {
			return err
		}
	}
	if t.linkCol >= 0 {
		rowNum = 1
		t.rows(func(r row) bool {
			rowNum++
			if r.link == "" || r.vals[t.linkCol] == nil || r.vals[t.linkCol] == "" {
				return true
			}
			cell, _ := excelize.CoordinatesToCellName(t.linkCol+1, rowNum)
			target, tip := r.link, "Open "+r.link
			if r.page > 0 && strings.EqualFold(filepath.Ext(r.link), ".pdf") {
				// PDF readers open "file.pdf#page=N" at that page.
				target += fmt.Sprintf("#page=%d", r.page)
				tip += fmt.Sprintf(" at page %d", r.page)
			}
			if werr = f.SetCellHyperLink(sheet, cell, target, "External", excelize.HyperlinkOpts{Tooltip: &tip}); werr != nil {
				return false
			}
			werr = f.SetCellStyle(sheet, cell, cell, st.link)
			return werr == nil
		})
		if werr != nil {
			return werr
		}
	}
	if err := f.AddTable(sheet, addTableOptions(t, "A1:"+last)); err != nil {
		return err
	}
	// The used range, which readers that trust it (openpyxl in read-only
	// mode) take as the sheet's size.
	if err := f.SetSheetDimension(sheet, "A1:"+last); err != nil {
		return err
	}
	if err := f.SetPanes(sheet, panes(t)); err != nil {
		return err
	}
	if t.heatFrom >= 0 && t.heatTo >= t.heatFrom && t.n > 0 {
		from, _ := excelize.CoordinatesToCellName(t.heatFrom+1, 2)
		to, _ := excelize.CoordinatesToCellName(t.heatTo+1, t.n+1)
		if err := f.SetConditionalFormat(sheet, from+":"+to, []excelize.ConditionalFormatOptions{{
			Type: "3_color_scale", Criteria: "=",
			MinType: "num", MinValue: "0", MinColor: "#FFFFFF",
			MidType: "percentile", MidValue: "50", MidColor: "#FFE699",
			MaxType: "max", MaxColor: "#E0533D",
		}}); err != nil {
			return err
		}
	}
	return nil
}

// writeStreamed writes a large sheet row by row through a StreamWriter.
func writeStreamed(f *excelize.File, t *table, st styles) error {
	// The used range is written with the sheet's head, so it is set
	// before streaming; readers that trust it (openpyxl read-only) take it
	// as the sheet's size.
	if last, err := lastCell(t); err != nil {
		return err
	} else if err := f.SetSheetDimension(t.sheet, "A1:"+last); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(t.sheet)
	if err != nil {
		return err
	}
	ws := widths(t)
	for i, w := range ws {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	for i, c := range t.cols {
		if err := sw.SetColStyle(i+1, i+1, st.of(c)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(panes(t)); err != nil {
		return err
	}
	header := make([]any, len(t.cols))
	for i, c := range t.cols {
		header[i] = excelize.Cell{StyleID: st.header, Value: headerText(c.name)}
	}
	if err := sw.SetRow("A1", header, excelize.RowOpts{Height: headerHeight(t, ws)}); err != nil {
		return err
	}
	rowNum := 1
	vals := make([]any, len(t.cols))
	var werr error
	t.rows(func(r row) bool {
		rowNum++
		for i, v := range r.vals {
			vals[i] = typedValue(v, t.cols[i].kind)
			if tv, ok := vals[i].(time.Time); ok {
				// A streamed cell carries its own style.
				vals[i] = excelize.Cell{StyleID: st.date, Value: tv}
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, rowNum)
		if h := rowHeight(t, ws, r.vals); h > 0 {
			werr = sw.SetRow(cell, vals, excelize.RowOpts{Height: h})
		} else {
			werr = sw.SetRow(cell, vals)
		}
		return werr == nil
	})
	if werr != nil {
		return werr
	}
	last, err := lastCell(t)
	if err != nil {
		return err
	}
	if err := sw.AddTable(addTableOptions(t, "A1:"+last)); err != nil {
		return err
	}
	return sw.Flush()
}

// addSummaryChart draws actions per theme for each region (up to
// chartRegions), from the Regions × Themes sheet, below the Summary rows.
func addSummaryChart(f *excelize.File, ds *dataset, summaryRows int) error {
	if len(ds.regions) == 0 || len(ds.themes) == 0 {
		return nil
	}
	ref := "'" + strings.ReplaceAll(sheetRegionThemes, "'", "''") + "'!"
	lastCol, _ := excelize.ColumnNumberToName(len(ds.themes) + 1)
	var series []excelize.ChartSeries
	for i := range ds.regions {
		if i == chartRegions {
			break
		}
		r := i + 2
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("%s$A$%d", ref, r),
			Categories: fmt.Sprintf("%s$B$1:$%s$1", ref, lastCol),
			Values:     fmt.Sprintf("%s$B$%d:$%s$%d", ref, r, lastCol, r),
		})
	}
	title := "Actions per theme and region"
	if len(ds.regions) > chartRegions {
		title += fmt.Sprintf(" (first %d of %d regions)", chartRegions, len(ds.regions))
	}
	return f.AddChart(sheetSummary, fmt.Sprintf("A%d", summaryRows+4), &excelize.Chart{
		Type:      excelize.Col,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: uint(min(1400, 380+60*len(ds.themes))), Height: 420},
		PlotArea:  excelize.ChartPlotArea{ShowVal: false},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Actions"}}}},
		XAxis:     excelize.ChartAxis{Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Theme"}}}},
	})
}
