package pdf

import (
	"fmt"
	"math"

	lpdf "github.com/ledongthuc/pdf"
)

// readPage reads page n (1-based) through the glyph, word, line and ruling
// stages. It is what table finding and paragraph building start from.
func readPage(r *lpdf.Reader, n int) (*pageText, error) {
	if r == nil {
		return nil, fmt.Errorf("page %d: no reader", n)
	}
	return newDocReader(r).page(n)
}

// docReader is one worker's view of a document: its own Reader (a Reader
// is not safe to share), the page list, and the fonts parsed so far.
type docReader struct {
	r     *lpdf.Reader
	pages []lpdf.Page
	fonts fontCache
}

func newDocReader(r *lpdf.Reader) *docReader {
	d := &docReader{r: r, fonts: fontCache{}}
	func() {
		defer func() { recover() }() // a broken tree leaves the list short
		d.pages = pageTree(r)
	}()
	return d
}

// page reads one page. A panic in the library on a malformed page becomes
// an error.
func (d *docReader) page(n int) (pt *pageText, err error) {
	defer func() {
		if x := recover(); x != nil {
			pt, err = nil, fmt.Errorf("malformed content: %v", x)
		}
	}()
	if n < 1 || n > len(d.pages) {
		return nil, fmt.Errorf("no page %d (the page tree holds %d)", n, len(d.pages))
	}
	pg := d.pages[n-1]
	if pg.V.IsNull() {
		return nil, fmt.Errorf("page %d missing from the page tree", n)
	}
	pm, w, h := pageMatrix(pg)
	in := &interp{fonts: d.fonts}
	if c := pg.V.Key("Contents"); !c.IsNull() {
		in.run(c, inherited(pg, "Resources"), gstate{ctm: identity, th: 1}) // not pg.Resources(): it loops on a Parent cycle
	}
	pm, w, h = turnToText(in.glyphs, pm, w, h)
	pt = &pageText{Number: n, Width: w, Height: h}
	pt.Glyphs = uprightGlyphs(in.glyphs, pm, w, h)
	pt.Glyphs = append(pt.Glyphs, bulletGlyphs(uprightMarks(in.marks, pm), pt.Glyphs)...)
	pt.Rulings = rulings(in.segs, pm, w, h)
	pt.Words, pt.Lines = wordsAndLines(pt.Glyphs)
	pt.Rotated = rotatedLines(in.glyphs, pm, w, h)
	pt.Unmapped = in.unmapped
	return pt, nil
}

// pageMatrix maps PDF user space to the upright page with its origin at the
// top left, applying the crop box and /Rotate; it returns the upright size.
func pageMatrix(pg lpdf.Page) (matrix, float64, float64) {
	x0, y0, x1, y1 := 0.0, 0.0, 612.0, 792.0
	if b, ok := boxOf(inherited(pg, "MediaBox")); ok {
		x0, y0, x1, y1 = b[0], b[1], b[2], b[3]
	}
	if b, ok := boxOf(inherited(pg, "CropBox")); ok {
		// the visible page is the crop box within the media box
		cx0, cy0 := math.Max(x0, b[0]), math.Max(y0, b[1])
		cx1, cy1 := math.Min(x1, b[2]), math.Min(y1, b[3])
		if cx1-cx0 > 1 && cy1-cy0 > 1 {
			x0, y0, x1, y1 = cx0, cy0, cx1, cy1
		}
	}
	w, h := x1-x0, y1-y0
	flip := matrix{1, 0, 0, -1, -x0, y1} // top-left origin, y down
	rot := int(inherited(pg, "Rotate").Int64()) % 360
	if rot < 0 {
		rot += 360
	}
	switch rot {
	case 90:
		return flip.mul(matrix{0, 1, -1, 0, h, 0}), h, w
	case 180:
		return flip.mul(matrix{-1, 0, 0, -1, w, h}), w, h
	case 270:
		return flip.mul(matrix{0, -1, 1, 0, 0, w}), h, w
	}
	return flip, w, h
}

func inherited(pg lpdf.Page, key string) lpdf.Value {
	v := pg.V
	for i := 0; i < 32 && !v.IsNull(); i++ {
		if x := v.Key(key); !x.IsNull() {
			return x
		}
		v = v.Key("Parent")
	}
	return lpdf.Value{}
}

// boxOf reads a rectangle [x0 y0 x1 y1] in any corner order.
func boxOf(v lpdf.Value) ([4]float64, bool) {
	if v.Kind() != lpdf.Array || v.Len() != 4 {
		return [4]float64{}, false
	}
	a, b, c, d := v.Index(0).Float64(), v.Index(1).Float64(), v.Index(2).Float64(), v.Index(3).Float64()
	x0, x1 := math.Min(a, c), math.Max(a, c)
	y0, y1 := math.Min(b, d), math.Max(b, d)
	if x1-x0 < 1 || y1-y0 < 1 || x1-x0 > 1e5 || y1-y0 > 1e5 {
		return [4]float64{}, false
	}
	return [4]float64{x0, y0, x1, y1}, true
}

// turnToText turns the page a further quarter, half or three-quarter turn
// when most of its text runs that way: a landscape table set sideways on a
// portrait page without /Rotate is read as a person turning the page would.
func turnToText(raw []rawGlyph, pm matrix, w, h float64) (matrix, float64, float64) {
	var count [4]int // up vector points: up, left, down, right the page
	for _, g := range raw {
		ux := pm[0]*g.ux + pm[2]*g.uy
		uy := pm[1]*g.ux + pm[3]*g.uy
		switch {
		case uy < 0 && -uy > 10*math.Abs(ux):
			count[0]++
		case ux < 0 && -ux > 10*math.Abs(uy):
			count[1]++
		case uy > 0 && uy > 10*math.Abs(ux):
			count[2]++
		case ux > 0 && ux > 10*math.Abs(uy):
			count[3]++
		}
	}
	best := 0
	for i := 1; i < 4; i++ {
		if count[i] > count[best] {
			best = i
		}
	}
	if count[best] <= 2*count[0] {
		return pm, w, h
	}
	switch best {
	case 1: // text runs upwards: turn the page clockwise
		return pm.mul(matrix{0, 1, -1, 0, h, 0}), h, w
	case 2:
		return pm.mul(matrix{-1, 0, 0, -1, w, h}), w, h
	default: // text runs downwards: turn anticlockwise
		return pm.mul(matrix{0, -1, 1, 0, 0, w}), h, w
	}
}

// uprightGlyphs moves glyphs onto the upright page and keeps those whose
// baseline runs left to right: vertical and rotated text (margin notes,
// axis labels) would only tangle the lines. Glyphs off the visible page
// (outside the crop box: slide objects parked off the slide, cropped
// printer marks) are dropped, as a viewer would.
func uprightGlyphs(raw []rawGlyph, pm matrix, w, h float64) []Glyph {
	out := make([]Glyph, 0, len(raw))
	for _, g := range raw {
		if ug, ok := placeGlyph(g, pm, w, h); ok {
			out = append(out, ug)
		}
	}
	return out
}

// placeGlyph puts one glyph on the upright page, and reports whether it
// is kept there: its up vector points up the page, its baseline runs left
// to right without sloping, and it lies on the visible page.
func placeGlyph(g rawGlyph, pm matrix, w, h float64) (Glyph, bool) {
	x0, y0 := pm.apply(g.x0, g.y0)
	x1, y1 := pm.apply(g.x1, g.y1)
	ux := pm[0]*g.ux + pm[2]*g.uy
	uy := pm[1]*g.ux + pm[3]*g.uy
	size := math.Hypot(ux, uy)
	if size < 0.5 || size > 500 || math.IsNaN(size) {
		return Glyph{}, false
	}
	// up must point up the page (negative y) and the baseline must not
	// run backwards or slope
	if uy > -0.9*size || x1 < x0-0.01*size || math.Abs(y1-y0) > 0.05*size+0.01 {
		return Glyph{}, false
	}
	if cx, cy := (x0+x1)/2, y0-0.3*size; cx < -1 || cx > w+1 || cy < -1 || cy > h+1 {
		return Glyph{}, false
	}
	return Glyph{
		Text: g.text, Font: g.font, Size: size,
		X0: x0, X1: math.Max(x1, x0),
		Top: y0 - g.asc*size, Bot: y0 + g.desc*size, Base: y0,
	}, true
}

// rulings keeps the axis-aligned segments on the upright page, dropping
// slopes, specks, and the edges of fills that cover most of the page (a
// background, not a cell).
func rulings(segs []rawSeg, pm matrix, w, h float64) []Ruling {
	var out []Ruling
	for _, s := range segs {
		x0, y0 := pm.apply(s.x0, s.y0)
		x1, y1 := pm.apply(s.x1, s.y1)
		if x0 > x1 {
			x0, x1 = x1, x0
		}
		if y0 > y1 {
			y0, y1 = y1, y0
		}
		dx, dy := x1-x0, y1-y0
		switch {
		case dy <= 1 && dx >= 2:
			y0 = (y0 + y1) / 2
			y1 = y0
		case dx <= 1 && dy >= 2:
			x0 = (x0 + x1) / 2
			x1 = x0
		default:
			continue
		}
		// clip to the page; drop what lies outside it
		x0, x1 = math.Max(x0, 0), math.Min(x1, w)
		y0, y1 = math.Max(y0, 0), math.Min(y1, h)
		if x1 < x0 || y1 < y0 || (x1-x0 < 2 && y1-y0 < 2) {
			continue
		}
		if s.fill && s.area > 0.4*w*h {
			continue
		}
		out = append(out, Ruling{X0: x0, Y0: y0, X1: x1, Y1: y1, Fill: s.fill})
	}
	return out
}

// pageTree lists a document's pages in order, walking the page tree once
// with limits on depth and size: the library's Reader.Page walks it again
// for every page and loops forever on a tree that refers to itself.
func pageTree(r *lpdf.Reader) []lpdf.Page {
	var out []lpdf.Page
	visits := 0
	var walk func(v lpdf.Value, depth int)
	walk = func(v lpdf.Value, depth int) {
		visits++
		if depth > 64 || visits > 1<<20 {
			return
		}
		kids := v.Key("Kids")
		if v.Key("Type").Name() == "Page" || (kids.Kind() != lpdf.Array && v.Key("Contents").Kind() != lpdf.Null) {
			out = append(out, lpdf.Page{V: v})
			return
		}
		for i := 0; i < kids.Len(); i++ {
			walk(kids.Index(i), depth+1)
		}
	}
	walk(r.Trailer().Key("Root").Key("Pages"), 0)
	return out
}
