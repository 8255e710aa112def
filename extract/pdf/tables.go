package pdf

import (
	"sort"

	"github.com/planmap/planmap/extract/layout"
)

// findTables finds the tables on one page: lattice tables from rulings, then
// stream tables from text alignment among the words no ruled table took.
// Tables come back top to bottom.
func findTables(p *pageText) []PageTable {
	if p == nil || len(p.Words)+len(p.Rotated) == 0 {
		return nil
	}
	fs := bodySize(p.Words)
	var out []PageTable
	var boxes []layout.Box
	words := p.Words
	if len(p.Rotated) > 0 {
		words = append(append([]Word(nil), p.Words...), rotatedWords(p.Rotated)...)
	}
	for _, t := range findLattice(p, words, fs) {
		if tb := t.grid.table(p.Number); tb != nil && tb.Columns >= 2 {
			out = append(out, PageTable{Page: p.Number, Method: "lattice", Box: t.box, Table: tb, ColX: t.grid.colX})
			boxes = append(boxes, t.box)
		}
	}
	tol := newLatticeTol(fs)
	h, _ := splitRulings(p.Rulings, tol.snap)
	h = mergeSegs(h, tol.snap, tol.join) // rules drawn cell by cell are one rule
	for _, t := range findStream(freeLines(p, boxes), fs, h) {
		if tb := t.grid.table(p.Number); tb != nil && tb.Columns >= 2 {
			out = append(out, PageTable{Page: p.Number, Method: "stream", Box: t.box, Table: tb, ColX: t.grid.colX})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Box.Y0 < out[j].Box.Y0 })
	return out
}

// bodySize is the median font size of the page's words: the unit that every
// tolerance is scaled by.
func bodySize(ws []Word) float64 {
	var s []float64
	for _, w := range ws {
		if w.Size > 0 {
			s = append(s, w.Size)
		}
	}
	if len(s) == 0 {
		return 10
	}
	sort.Float64s(s)
	return s[len(s)/2]
}

func inBox(w Word, b layout.Box) bool {
	cx, cy := (w.X0+w.X1)/2, (w.Top+w.Bot)/2
	return cx >= b.X0 && cx <= b.X1 && cy >= b.Y0 && cy <= b.Y1
}

// freeLines returns the page's lines, top to bottom, without the words that
// lie inside the given table boxes.
func freeLines(p *pageText, boxes []layout.Box) []sLine {
	var out []sLine
	for _, l := range p.Lines {
		var ws []Word
		for _, w := range l.Words {
			taken := false
			for _, b := range boxes {
				if inBox(w, b) {
					taken = true
					break
				}
			}
			if !taken && w.Text != "" {
				ws = append(ws, w)
			}
		}
		if len(ws) > 0 {
			out = append(out, makeSLine(ws))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].top < out[j].top })
	return out
}
