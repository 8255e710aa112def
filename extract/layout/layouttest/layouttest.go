// Package layouttest holds the checks that every extractor's tests share:
// the invariants of the layout model (Validate), a readable dump of a
// document (Dump) and golden-file comparison (Golden). Keeping them in one
// place means each extractor is held to the same rules.
package layouttest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/planmap/planmap/extract/layout"
)

// Dump writes a document as readable text, one block per line: the form of
// the golden files.
//
//	H2 [1.] Purpose            heading, level, [marker]
//	P  [1.1] To inform …       paragraph
//	L0 [•] the West …          list item at nesting level 0
//	T  2 cols × 3 rows, 0 header rows
//	   | Tina Butterwick | Policy Officer |
func Dump(doc *layout.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\n", doc.Title)
	keys := make([]string, 0, len(doc.Meta))
	for k := range doc.Meta {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "meta %s: %s\n", k, doc.Meta[k])
	}
	for _, w := range doc.Warnings {
		fmt.Fprintf(&b, "warning: %s\n", w)
	}
	b.WriteString("---\n")
	for _, blk := range doc.Blocks {
		marker := ""
		if blk.Marker != "" {
			marker = "[" + blk.Marker + "] "
		}
		switch blk.Kind {
		case layout.Heading:
			fmt.Fprintf(&b, "H%d %s%s\n", blk.Level, marker, blk.Text)
		case layout.Paragraph:
			fmt.Fprintf(&b, "P  %s%s\n", marker, blk.Text)
		case layout.ListItem:
			fmt.Fprintf(&b, "L%d %s%s\n", blk.Level, marker, blk.Text)
		case layout.TableKind:
			t := blk.Table
			fmt.Fprintf(&b, "T  %d cols × %d rows, %d header rows\n", t.Columns, len(t.Rows), t.HeaderRows)
			for _, r := range t.Rows {
				b.WriteString("   |")
				for _, c := range r.Cells {
					b.WriteString(" " + cellDump(c) + " |")
				}
				b.WriteByte('\n')
			}
		default:
			fmt.Fprintf(&b, "?  %s %s\n", blk.Kind, blk.Text)
		}
		for _, n := range blk.Notes {
			fmt.Fprintf(&b, "   note [%s] %s\n", n.Mark, n.Text)
		}
	}
	return b.String()
}

func cellDump(c layout.Cell) string {
	if c.Covered {
		return "^"
	}
	var parts []string
	for _, p := range c.Paragraphs {
		s := p.Text
		if p.Marker != "" {
			s = "[" + p.Marker + "] " + s
		}
		if p.Level > 0 {
			s = strings.Repeat(">", p.Level) + s
		}
		for _, n := range p.Notes {
			s += " {note [" + n.Mark + "] " + n.Text + "}"
		}
		parts = append(parts, s)
	}
	s := strings.Join(parts, " ¶ ")
	if c.RowSpan > 1 || c.ColSpan > 1 {
		s = fmt.Sprintf("{%dx%d} %s", max(c.RowSpan, 1), max(c.ColSpan, 1), s)
	}
	return s
}

// Golden compares got with testdata/name, or rewrites the file when update
// is set (each package owns its -update flag).
func Golden(t *testing.T, update bool, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the extraction; diff:\n%s\n(run go test -update after checking the change)", path, DiffLines(string(want), got))
	}
}

// DiffLines lists the lines that differ, with their line numbers.
func DiffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 20; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d\n  want: %s\n  got:  %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

// Validate checks the invariants of the layout model that every extraction,
// of any input, must keep: clean UTF-8 text, sane levels, and tables that are
// full grids whose spans cover exactly the positions marked Covered.
func Validate(doc *layout.Document) error {
	if doc == nil {
		return fmt.Errorf("nil document")
	}
	clean := func(where, s string) error {
		if !utf8.ValidString(s) {
			return fmt.Errorf("%s: invalid UTF-8 %q", where, s)
		}
		if s != layout.Clean(s) {
			return fmt.Errorf("%s: text not cleaned: %q", where, s)
		}
		return nil
	}
	if err := clean("title", doc.Title); err != nil {
		return err
	}
	for i, b := range doc.Blocks {
		where := fmt.Sprintf("block %d (%s)", i, b.Kind)
		if err := clean(where, b.Text); err != nil {
			return err
		}
		if err := clean(where+" marker", b.Marker); err != nil {
			return err
		}
		switch b.Kind {
		case layout.Heading:
			if b.Level < 1 || b.Level > 6 {
				return fmt.Errorf("%s: heading level %d", where, b.Level)
			}
		case layout.ListItem, layout.Paragraph:
			if b.Level < 0 {
				return fmt.Errorf("%s: level %d", where, b.Level)
			}
		case layout.TableKind:
			if err := validateTable(where, b.Table); err != nil {
				return err
			}
			continue
		default:
			return fmt.Errorf("%s: unknown kind", where)
		}
		if b.Table != nil {
			return fmt.Errorf("%s: table on a text block", where)
		}
		if strings.TrimSpace(b.Text+b.Marker) == "" {
			return fmt.Errorf("%s: empty block", where)
		}
	}
	return nil
}

func validateTable(where string, t *layout.Table) error {
	if t == nil || t.Columns < 1 || len(t.Rows) == 0 {
		return fmt.Errorf("%s: empty table %+v", where, t)
	}
	if t.HeaderRows < 0 || t.HeaderRows > len(t.Rows) {
		return fmt.Errorf("%s: %d header rows of %d", where, t.HeaderRows, len(t.Rows))
	}
	covered := make([][]bool, len(t.Rows))
	for r, row := range t.Rows {
		if len(row.Cells) != t.Columns {
			return fmt.Errorf("%s: row %d has %d cells, want %d", where, r, len(row.Cells), t.Columns)
		}
		covered[r] = make([]bool, t.Columns)
	}
	for r, row := range t.Rows {
		for c, cell := range row.Cells {
			if cell.Covered {
				if len(cell.Paragraphs) > 0 || cell.RowSpan > 0 || cell.ColSpan > 0 {
					return fmt.Errorf("%s: covered cell (%d,%d) has content", where, r, c)
				}
				continue
			}
			for _, p := range cell.Paragraphs {
				if p.Text != layout.Clean(p.Text) || !utf8.ValidString(p.Text) || p.Level < 0 {
					return fmt.Errorf("%s: cell (%d,%d) paragraph %q", where, r, c, p.Text)
				}
			}
			rs, cs := max(cell.RowSpan, 1), max(cell.ColSpan, 1)
			if r+rs > len(t.Rows) || c+cs > t.Columns {
				return fmt.Errorf("%s: cell (%d,%d) spans %dx%d out of the grid", where, r, c, rs, cs)
			}
			for i := r; i < r+rs; i++ {
				for j := c; j < c+cs; j++ {
					if (i != r || j != c) && covered[i][j] {
						return fmt.Errorf("%s: position (%d,%d) covered twice", where, i, j)
					}
					if i != r || j != c {
						covered[i][j] = true
					}
				}
			}
		}
	}
	for r, row := range t.Rows {
		for c, cell := range row.Cells {
			if cell.Covered != covered[r][c] {
				return fmt.Errorf("%s: position (%d,%d) Covered=%v but spans say %v", where, r, c, cell.Covered, covered[r][c])
			}
		}
	}
	return nil
}

// CheckExtract is what a fuzz target asserts of any extraction: an error
// carries a status (a *layout.Error), and a document keeps the model's
// invariants (Validate).
func CheckExtract(t *testing.T, doc *layout.Document, err error) {
	t.Helper()
	if err != nil {
		var le *layout.Error
		if !errors.As(err, &le) {
			t.Fatalf("error %v is not a *layout.Error", err)
		}
		return
	}
	if err := Validate(doc); err != nil {
		t.Fatal(err)
	}
}
