// Package export writes the action model for people: an Excel workbook for
// analysts, and CSV and JSON Lines for people who work in code. Every file is
// written to a temporary name in the same folder and renamed, so a reader
// never sees half a file.
package export

import (
	"errors"

	"github.com/planmap/planmap/normalise"
)

// Write writes docs to path in the format its extension names (.xlsx, .jsonl
// or .csv).
func Write(path string, docs []normalise.Document) error {
	return errors.New("export: not implemented yet")
}
