package xlsx

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/extract/layout/layouttest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestTracker reads the generated action tracker: each visible sheet is a
// heading, its title line and one table starting at the header row; the
// theme band spans the table; dates read as Excel shows them; the hidden
// sheet, column and row are gone.
func TestTracker(t *testing.T) {
	data := tracker(t, trackerOptions{})
	if dir := os.Getenv("XLSX_TRACKER_OUT"); dir != "" {
		// for trying the command on it: XLSX_TRACKER_OUT=/tmp go test -run TestTracker
		if err := os.WriteFile(dir+"/tracker.xlsx", data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc, err := Extract(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := layouttest.Validate(doc); err != nil {
		t.Fatal(err)
	}
	layouttest.Golden(t, *update, "tracker.golden", layouttest.Dump(doc))
	if doc.Format != layout.XLSX || doc.Pages != 2 {
		t.Errorf("format %s, %d pages; want xlsx, 2 (the hidden sheet is not counted)", doc.Format, doc.Pages)
	}
	if doc.Title != "Town Centre Action Plan 2024-2026: Action Tracker" {
		t.Errorf("title %q: want the first sheet's first cell", doc.Title)
	}
	var tables []*layout.Table
	for _, b := range doc.Blocks {
		if b.Kind == layout.TableKind {
			tables = append(tables, b.Table)
		}
		if strings.Contains(b.Text, "Lookups") {
			t.Errorf("the hidden sheet is read: %+v", b)
		}
	}
	if len(tables) != 2 {
		t.Fatalf("%d tables, want one per visible sheet", len(tables))
	}
	eco := tables[0]
	grid := eco.Grid()
	if eco.Columns != 5 || eco.HeaderRows != 1 || len(eco.Rows) != 5 {
		t.Fatalf("Economy: %d columns, %d rows, %d header rows; want 5, 5, 1:\n%s", eco.Columns, len(eco.Rows), eco.HeaderRows, layouttest.Dump(doc))
	}
	if got := strings.Join(grid[0], "|"); got != "Ref|Action|Lead officer|Target date|RAG status" {
		t.Errorf("header %q", got)
	}
	if c := eco.Rows[1].Cells[0]; c.ColSpan != 5 || c.Text() != "Theme 1: A thriving local economy" || !eco.Rows[1].Cells[4].Covered {
		t.Errorf("theme band %+v: want a cell spanning the table", c)
	}
	if grid[2][3] != "31/03/2025" || grid[3][3] != "30 September 2024" {
		t.Errorf("dates %q, %q: want them as Excel shows them", grid[2][3], grid[3][3])
	}
	if ps := eco.Rows[3].Cells[1].Paragraphs; len(ps) != 2 || ps[1].Text != "Publish the results on the council website" {
		t.Errorf("a cell of two lines is %+v, want two paragraphs", ps)
	}
	for _, row := range grid {
		for _, c := range row {
			if strings.Contains(c, "Withdrawn") || strings.Contains(c, "budget") {
				t.Errorf("hidden row or column read: %q", c)
			}
		}
	}
}

// TestTrackerTitleAndFrozenHeader: the core property title wins over the
// first cell, and a header frozen above the pane is a header row without
// being bold.
func TestTrackerTitleAndFrozenHeader(t *testing.T) {
	doc, err := Extract(tracker(t, trackerOptions{title: "Town Centre Tracker", frozen: true}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Town Centre Tracker" || doc.Meta["author"] != "Town Centre Team" {
		t.Errorf("title %q, author %q", doc.Title, doc.Meta["author"])
	}
	for _, b := range doc.Blocks {
		if b.Kind == layout.TableKind && b.Table.HeaderRows != 1 {
			t.Errorf("frozen header: %d header rows", b.Table.HeaderRows)
		}
	}
}

// TestRealMonitoringReturn reads the government monitoring return in
// ../shared/bench/real-docs without error.
func TestRealMonitoringReturn(t *testing.T) {
	path := "../../../shared/bench/real-docs/mhclg_towns-fund_round4-monitoring-return_testfixture.xlsx"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skip(err)
	}
	doc, err := Extract(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := layouttest.Validate(doc); err != nil {
		t.Fatal(err)
	}
	tables := 0
	for _, b := range doc.Blocks {
		if b.Kind == layout.TableKind {
			tables++
		}
	}
	if doc.Pages < 2 || tables < 2 || doc.Title == "" {
		t.Errorf("%d sheets, %d tables, title %q", doc.Pages, tables, doc.Title)
	}
}
