package pdf

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/planmap/planmap/extract/layout"
)

// Page furniture: running titles, page numbers and links such as "Return to
// TOP" that sit in the top or bottom band of many pages. They are not body
// text, but they often carry the document's title and date, so they are
// kept in Document.Meta as "header" and "footer".

const furnitureBand = 0.12 // share of the page height at the top and bottom

var pageNumber = regexp.MustCompile(`(?i)^(page\s*)?[-–(]?\s*\d{1,4}\s*[-–)]?(\s*(of|/)\s*\d{1,4})?$`)

// furniture is what findFurniture decided.
type furniture struct {
	drop map[int]map[int]bool // page → indexes of its free lines to drop
	meta map[string]string
}

// furnitureKey folds what changes from page to page (numbers, case, space)
// so that "Page 3 of 20" and "Page 4 of 20" are the same line.
func furnitureKey(s string) string {
	var b strings.Builder
	digit := false
	for _, r := range strings.ToLower(layout.Clean(s)) {
		if unicode.IsDigit(r) {
			if !digit {
				b.WriteByte('#')
			}
			digit = true
			continue
		}
		digit = false
		b.WriteRune(r)
	}
	return b.String()
}

func lineText(l Line) string {
	parts := make([]string, len(l.Words))
	for i, w := range logicalWords(l.Words) {
		parts[i] = w.Text
	}
	return strings.Join(parts, " ")
}

// findFurniture finds the lines in the top and bottom bands whose text
// recurs at the same height on several pages, and lone page numbers there.
// Text that differs only in its numbers counts as recurring when the
// number follows the page number ("Page 3 of 20"), not otherwise ("Action
// 3:" and "Action 5:" at the top of two pages are body text).
func findFurniture(pages []pageResult, free map[int][]Line) furniture {
	f := furniture{drop: map[int]map[int]bool{}, meta: map[string]string{}}
	type place struct {
		band string
		key  string
	}
	type occ struct {
		page, line int
		top        float64
		text       string
	}
	byKey := map[place][]occ{}
	read := 0
	drop := func(page, line int) {
		if f.drop[page] == nil {
			f.drop[page] = map[int]bool{}
		}
		f.drop[page][line] = true
	}
	for _, p := range pages {
		if p.text == nil {
			continue
		}
		read++
	}
	for _, p := range pages {
		if p.text == nil {
			continue
		}
		h := p.text.Height
		for i, l := range free[p.text.Number] {
			band := ""
			switch {
			case l.Bot <= furnitureBand*h:
				band = "header"
			case l.Top >= (1-furnitureBand)*h:
				band = "footer"
			default:
				continue
			}
			t := layout.Clean(lineText(l))
			if read > 1 && pageNumber.MatchString(t) {
				drop(p.text.Number, i)
				continue
			}
			k := place{band, furnitureKey(t)}
			byKey[k] = append(byKey[k], occ{page: p.text.Number, line: i, top: l.Top, text: t})
		}
	}
	// furniture recurs on most pages; a slide title over three slides of
	// one section is a heading
	need := max(3, int(math.Ceil(0.3*float64(read))))
	if read <= 4 {
		need = 2
	}
	const yTol = 4.0 // a running title sits at the same height on every page
	var keys []place
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].key < keys[j].key })
	metaParts := map[string][]string{}
	for _, k := range keys {
		os := byKey[k]
		if len(os) < need {
			continue
		}
		ys := map[int]float64{}
		for i, o := range os {
			ys[i] = o.top
		}
		y, n := modalY(ys, yTol)
		if n < need {
			continue
		}
		exact := map[string]int{}
		offset := map[int]int{}
		for _, o := range os {
			if math.Abs(o.top-y) <= yTol {
				exact[o.text]++
				if num, ok := lastNumber(o.text); ok {
					offset[num-o.page]++
				}
			}
		}
		bestOff, offN := 0, 0
		for off, c := range offset {
			if c > offN || (c == offN && off < bestOff) {
				bestOff, offN = off, c
			}
		}
		metaText := ""
		for _, o := range os {
			if math.Abs(o.top-y) > yTol {
				continue
			}
			num, ok := lastNumber(o.text)
			if exact[o.text] >= need || (offN >= need && ok && num-o.page == bestOff) {
				drop(o.page, o.line)
				if metaText == "" {
					metaText = o.text
				}
			}
		}
		if metaText != "" {
			metaParts[k.band] = append(metaParts[k.band], metaText)
		}
	}
	for band, parts := range metaParts {
		f.meta[band] = strings.Join(parts, " | ")
	}
	return f
}

// lastNumber is the last run of digits in s.
func lastNumber(s string) (int, bool) {
	end := -1
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] >= '0' && s[i] <= '9' {
			end = i + 1
			break
		}
	}
	if end < 0 {
		return 0, false
	}
	start := end - 1
	for start > 0 && s[start-1] >= '0' && s[start-1] <= '9' {
		start--
	}
	if end-start > 6 {
		return 0, false
	}
	n := 0
	for _, c := range s[start:end] {
		n = n*10 + int(c-'0')
	}
	return n, true
}

// bodyLines returns the page's lines without the words inside its
// tables, with its rotated runs as lines of their own.
func bodyLines(pt *pageText, tables []PageTable) []Line {
	if len(tables) == 0 && len(pt.Rotated) == 0 {
		return pt.Lines
	}
	var out []Line
	all := pt.Lines
	if len(pt.Rotated) > 0 {
		all = append(append([]Line(nil), pt.Lines...), pt.Rotated...)
		sort.SliceStable(all, func(i, j int) bool { return all[i].Base < all[j].Base })
	}
	for _, l := range all {
		var ws []Word
		for _, w := range l.Words {
			in := false
			for _, t := range tables {
				cx, cy := (w.X0+w.X1)/2, (w.Top+w.Bot)/2
				if cx >= t.Box.X0 && cx <= t.Box.X1 && cy >= t.Box.Y0 && cy <= t.Box.Y1 {
					in = true
					break
				}
			}
			if !in {
				ws = append(ws, w)
			}
		}
		if len(ws) == 0 {
			continue
		}
		nl := Line{Words: ws, X0: ws[0].X0, X1: ws[0].X1, Top: ws[0].Top, Bot: ws[0].Bot, Base: l.Base}
		for _, w := range ws {
			nl.X0, nl.X1 = min(nl.X0, w.X0), max(nl.X1, w.X1)
			nl.Top, nl.Bot = min(nl.Top, w.Top), max(nl.Bot, w.Bot)
		}
		out = append(out, nl)
	}
	return out
}

// modalY finds the height shared by most of the pages' lines, and on how
// many pages the line sits there.
func modalY(ys map[int]float64, tol float64) (float64, int) {
	best, bestN := 0.0, 0
	for _, y := range ys {
		n := 0
		for _, z := range ys {
			if math.Abs(y-z) <= tol {
				n++
			}
		}
		if n > bestN {
			best, bestN = y, n
		}
	}
	return best, bestN
}
