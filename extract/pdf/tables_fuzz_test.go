package pdf

import (
	"encoding/binary"
	"testing"
)

// FuzzFindTables builds pages of words and rulings from arbitrary bytes and
// checks that table finding never panics and always returns full grids with
// consistent spans.
func FuzzFindTables(f *testing.F) {
	f.Add([]byte("\x10\x20\x05\x08abc\x30\x20\x05\x08def\x01\x10\x10\x90\x10\x01\x10\x40\x90\x40"))
	f.Add(make([]byte, 64))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0x00, 0x01, 0x02, 0x03, 0x80, 0x80, 0x80, 0x80, 0x7f, 0x7f, 0x7f, 0x7f})
	f.Fuzz(func(t *testing.T, data []byte) {
		p := &pageText{Number: 1, Width: 600, Height: 800}
		var line []Word
		for len(data) >= 5 {
			kind := data[0]
			x, y := float64(binary.BigEndian.Uint16([]byte{data[1], data[2]}))/64, float64(data[3])*3
			v := float64(data[4])
			data = data[5:]
			if kind%3 == 0 {
				// a ruling: horizontal or vertical
				if kind%2 == 0 {
					p.Rulings = append(p.Rulings, Ruling{X0: x, Y0: y, X1: x + v, Y1: y})
				} else {
					p.Rulings = append(p.Rulings, Ruling{X0: x, Y0: y, X1: x, Y1: y + v})
				}
				continue
			}
			size := 4 + float64(kind%12)
			w := Word{Text: string(rune('a' + kind%26)), Size: size, X0: x, X1: x + v/8 + 1, Top: y, Bot: y + size, Base: y + 0.8*size}
			if kind%7 == 0 {
				w.Text = "•"
			}
			p.Words = append(p.Words, w)
			if len(line) > 0 && line[0].Top != y {
				p.Lines = append(p.Lines, Line{Words: line, Top: line[0].Top, Bot: line[0].Bot})
				line = nil
			}
			line = append(line, w)
		}
		if len(line) > 0 {
			p.Lines = append(p.Lines, Line{Words: line, Top: line[0].Top, Bot: line[0].Bot})
		}
		for _, pt := range findTables(p) {
			tb := pt.Table
			if tb == nil || tb.Columns < 2 {
				t.Fatalf("table without columns: %+v", pt)
			}
			for i, r := range tb.Rows {
				if len(r.Cells) != tb.Columns {
					t.Fatalf("row %d has %d cells, want %d", i, len(r.Cells), tb.Columns)
				}
				for j, c := range r.Cells {
					if i+max(c.RowSpan, 1) > len(tb.Rows) || j+max(c.ColSpan, 1) > tb.Columns {
						t.Fatalf("cell (%d,%d) spans past the table: %+v", i, j, c)
					}
					if c.Covered && len(c.Paragraphs) > 0 {
						t.Fatalf("covered cell (%d,%d) holds text", i, j)
					}
				}
			}
		}
	})
}
