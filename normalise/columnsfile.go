package normalise

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strings"
)

// A columns file fixes a template for a whole batch without code: one CSV
// row per column header, "header text,role" ("Key deliverable,action",
// "By whom,lead", "RAG,status", "Notes,none"). A header matches whatever
// its case and spacing. The roles are those planmap explain prints.

// LoadColumns reads a columns file; path "" gives none.
func LoadColumns(path string) (map[string]Role, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("columns: %w", err)
	}
	defer f.Close()
	return ReadColumns(f, path)
}

// ReadColumns parses a columns CSV from r; name is used in errors.
func ReadColumns(r io.Reader, name string) (map[string]Role, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	out := map[string]Role{}
	line := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line++
		if err != nil {
			return nil, fmt.Errorf("columns %s: line %d: %w", name, line, err)
		}
		if len(rec) == 0 || (len(rec) == 1 && strings.TrimSpace(rec[0]) == "") {
			continue
		}
		if line == 1 && strings.EqualFold(strings.TrimSpace(rec[0]), "header") {
			continue
		}
		if len(rec) < 2 {
			return nil, fmt.Errorf("columns %s: line %d: want \"header text,role\", got %d field", name, line, len(rec))
		}
		role, ok := ParseRole(rec[1])
		if !ok {
			return nil, fmt.Errorf("columns %s: line %d: unknown role %q (one of %s)", name, line, rec[1], strings.Join(RoleNames(), ", "))
		}
		h := normHeader(rec[0])
		if h == "" {
			return nil, fmt.Errorf("columns %s: line %d: empty header text", name, line)
		}
		out[h] = role
	}
	return out, nil
}
