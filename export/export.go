// Package export writes the action model for people: an Excel workbook for
// analysts, and CSV and JSON Lines for people who work in code. Every file is
// written to a temporary name in the same folder and renamed, so a reader
// never sees half a file.
//
// Outputs, chosen by the path given to Write:
//
//   - name.xlsx: the analyst's workbook (see xlsx.go for its sheets).
//   - name.jsonl: one action per line in the JSON Lines contract of
//     normalise.Action, in input order, and documents.jsonl beside it with
//     one line per input.
//   - name.csv: one row per milestone, the action's columns repeated on each
//     of its milestones (an action without milestones gets one row with the
//     milestone columns empty), and documents.csv beside it.
//   - name.html: the report, one self-contained page with a map of the
//     UK coloured by actions, the heat maps and the findings (report.go).
//   - a folder (a path ending in "/" or with no extension): one CSV file per
//     workbook sheet (summary.csv, regions-themes.csv, …, milestones.csv).
//
// Text from documents is untrusted: control characters are stripped from
// every cell, workbook cells are written as strings and never as formulas,
// CSV cells that a spreadsheet would read as a formula get a leading
// apostrophe, and hyperlinks point only at the input files.
package export

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/planmap/planmap/normalise"
	"github.com/planmap/planmap/normalise/places"
)

// Options are the analyst's choices that change the findings, not the
// records. The zero value is the default.
type Options struct {
	// AsOf is the date ("2006-01-02") from which milestones are past due;
	// "" means each document's own date.
	AsOf string
	// Level is the level documents are compared at in Summary, Regions ×
	// Themes and the findings (district, county, region, nation); ""
	// means region.
	Level places.Level
}

// Write writes docs to path in the format its extension names (.xlsx,
// .jsonl or .csv); a path ending in a separator or without an extension is a
// folder that receives one CSV per sheet.
func Write(path string, docs []normalise.Document) error {
	return WriteOptions(path, docs, Options{})
}

// WriteOptions is Write with the analyst's options.
func WriteOptions(path string, docs []normalise.Document, opt Options) error {
	if path == "" {
		return fmt.Errorf("export: no output path")
	}
	if strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(filepath.Separator)) {
		return writeFolder(filepath.Clean(path), docs, opt)
	}
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".xlsx":
		return writeXLSX(path, docs, opt)
	case ".jsonl":
		return writeJSONL(path, docs)
	case ".csv":
		return writeCSV(path, docs, opt)
	case ".html", ".htm":
		return writeReport(path, docs, opt)
	case "":
		return writeFolder(path, docs, opt)
	default:
		return fmt.Errorf("export %s: unknown output format %q (use .xlsx, .jsonl, .csv, .html or a folder)", path, ext)
	}
}
