package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// trackerOptions varies the generated tracker.
type trackerOptions struct {
	title  string // core property title, "" for none
	frozen bool   // freeze the header row instead of making it bold
}

// tracker writes a live action tracker as councils keep them: a merged
// title row, a blank row, a header row (Ref | Action | Lead officer |
// Target date | RAG status), a theme band merged across the sheet, one row
// per action with real date cells (Excel's short date and a custom format),
// a cell of several lines, a hidden column of internal notes and a hidden
// row; a second sheet of actions; and a hidden sheet of lookup lists.
func tracker(t testing.TB, o trackerOptions) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	must(err)
	shortDate, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(err)
	custom := "d mmmm yyyy"
	longDate, err := f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
	must(err)
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true}})
	must(err)
	date := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

	header := []any{"Ref", "Action", "Lead officer", "Target date", "RAG status", "Internal notes"}
	sheet := func(name, title, band string, rows [][]any, dates []int) {
		must(f.SetCellValue(name, "A1", title))
		must(f.MergeCell(name, "A1", "E1"))
		must(f.SetSheetRow(name, "A3", &header))
		if o.frozen {
			must(f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"}))
		} else {
			must(f.SetCellStyle(name, "A3", "F3", bold))
		}
		must(f.SetCellValue(name, "A4", band))
		must(f.MergeCell(name, "A4", "E4"))
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, 5+i)
			must(f.SetSheetRow(name, cell, &r))
			dc, _ := excelize.CoordinatesToCellName(4, 5+i)
			if i < len(dates) && dates[i] == 14 {
				must(f.SetCellStyle(name, dc, dc, shortDate))
			} else {
				must(f.SetCellStyle(name, dc, dc, longDate))
			}
		}
		must(f.SetColVisible(name, "F", false))
	}
	must(f.SetSheetName("Sheet1", "Economy"))
	sheet("Economy", "Town Centre Action Plan 2024-2026: Action Tracker", "Theme 1: A thriving local economy", [][]any{
		{"1.1", "Launch a shop front improvement grant scheme for independent retailers", "Jane Smith, Economic Development Manager", date(2025, time.March, 31), "Green", "check budget"},
		{"1.2", "Commission a town centre footfall survey\nPublish the results on the council website", "Tom Brown, Town Centre Manager", date(2024, time.September, 30), "Amber", ""},
		{"1.3", "Deliver a programme of weekend markets", "Priya Patel, Events Officer", date(2025, time.June, 30), "Red", "moved from Q1"},
	}, []int{14, 0, 14})
	must(f.SetCellValue("Economy", "A8", "1.4"))
	must(f.SetCellValue("Economy", "B8", "Withdrawn: relocate the bus station"))
	must(f.SetRowVisible("Economy", 8, false)) // a withdrawn action, hidden
	must(f.SetCellStyle("Economy", "B6", "B6", wrap))

	_, err = f.NewSheet("Housing")
	must(err)
	sheet("Housing", "Town Centre Action Plan 2024-2026: Action Tracker", "Theme 2: Homes in the town centre", [][]any{
		{"2.1", "Bring empty flats above shops back into use", "Sam Jones, Housing Strategy Officer", date(2026, time.March, 31), "Amber", ""},
		{"2.2", "Adopt a town centre design code", "Alex Green, Planning Policy Lead", date(2025, time.December, 31), "Green", ""},
	}, []int{0, 14})

	_, err = f.NewSheet("Lookups")
	must(err)
	for i, v := range []string{"Action", "Red", "Amber", "Green"} {
		must(f.SetCellValue("Lookups", "A"+string(rune('1'+i)), v))
		must(f.SetCellValue("Lookups", "B"+string(rune('1'+i)), "Lead officer "+v))
	}
	must(f.SetSheetVisible("Lookups", false))
	if o.title != "" {
		must(f.SetDocProps(&excelize.DocProperties{Title: o.title, Creator: "Town Centre Team"}))
	}
	buf, err := f.WriteToBuffer()
	must(err)
	return buf.Bytes()
}

// replacePart returns the package with one part's content replaced (or
// added).
func replacePart(t testing.TB, data []byte, name, content string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	done := false
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if strings.EqualFold(f.Name, name) {
			io.WriteString(w, content)
			done = true
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(w, rc)
		rc.Close()
	}
	if !done {
		w, _ := zw.Create(name)
		io.WriteString(w, content)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
