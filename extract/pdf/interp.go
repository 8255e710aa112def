package pdf

import (
	"math"

	lpdf "github.com/ledongthuc/pdf"
)

// Our own content-stream interpreter. The library's Page.Content adds a
// spurious glyph after every TJ, reads CID font widths by single bytes and
// ignores paths; here we walk the stream (with our own lexer, see lexer.go)
// and keep the graphics state, every glyph with its advance, and every
// straight path.

// matrix is an affine transform [a b c d e f]: x' = a x + c y + e,
// y' = b x + d y + f.
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m followed by n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

// gstate is the part of the graphics state that text and rulings depend on.
type gstate struct {
	ctm        matrix
	font       *font
	size       float64 // Tfs
	tc, tw, th float64 // character and word spacing, horizontal scale
	tl, rise   float64
	mode       int // text rendering mode
	fillWhite  bool
	strokeNone bool // stroke colour is white
	lineWidth  float64
}

// pathPoint is a vertex of the current path in page (user) space.
type pathPoint struct {
	x, y  float64
	curve bool // reached by a curve, not a straight segment
}

type subpath struct {
	pts    []pathPoint
	closed bool
}

// Budgets that keep a hostile page from exhausting time or memory.
const (
	maxForms  = 2000    // form XObjects drawn per page
	maxGlyphs = 1 << 20 // glyphs kept per page
	maxSegs   = 1 << 20 // path segments kept per page
	maxMarks  = 1 << 16 // small filled shapes kept per page
)

// interp walks one page's content, with any form XObjects it draws.
type interp struct {
	fonts  fontCache
	glyphs []rawGlyph
	segs   []rawSeg
	marks  []rawMark
	depth  int
	forms  int // form XObjects drawn so far on this page (a budget)
	codes  []string
	// unmapped counts, per font and reason, the codes no source could
	// turn into text (see fontText.lack)
	unmapped map[string]int
}

// rawGlyph is a glyph in PDF user space, before the page's rotation: the
// corners of its box, origin and the unit advance direction.
type rawGlyph struct {
	text      string
	font      string
	size      float64
	x0, y0    float64 // baseline start
	x1, y1    float64 // baseline end
	ux, uy    float64 // "up" vector, font-size long
	asc, desc float64
}

// rawSeg is a straight segment in user space; fill marks the edge of a
// filled (not stroked) shape, thin the centre line of a thin filled bar.
type rawSeg struct {
	x0, y0, x1, y1 float64
	fill           bool
	thin           bool
	area           float64 // of the filled rectangle the edge belongs to
}

// rawMark is the box of a small filled shape in user space: maybe a list
// bullet drawn as a path (see bulletGlyphs).
type rawMark struct{ x0, y0, x1, y1 float64 }

// run interprets one content stream with the given resources.
func (in *interp) run(strm, res lpdf.Value, g gstate) {
	var (
		stack []gstate
		tm    = identity
		tlm   = identity
		path  []subpath
	)
	fontRes := res.Key("Font")
	byName := map[string]*font{} // resolving a font dictionary re-parses it: once per name
	cur := func() *subpath {
		if len(path) == 0 {
			path = append(path, subpath{})
		}
		return &path[len(path)-1]
	}
	lineTo := func(x, y float64, curve bool) {
		sp := cur()
		if len(sp.pts) == 0 {
			// a segment with no current point starts where it ends
			sp.pts = append(sp.pts, pathPoint{x: x, y: y})
		}
		sp.pts = append(sp.pts, pathPoint{x: x, y: y, curve: curve})
	}
	nextLine := func(tx, ty float64) {
		tlm = matrix{1, 0, 0, 1, tx, ty}.mul(tlm)
		tm = tlm
	}
	show := func(s string) {
		f := g.font
		if f == nil {
			return
		}
		in.codes = f.codes(s, in.codes)
		for _, c := range in.codes {
			w := f.width(c) * f.scale
			trm := tm.mul(g.ctm)
			adv := w * g.size * g.th
			// baseline from origin to advance, in user space
			x0, y0 := trm.apply(0, g.rise)
			x1, y1 := trm.apply(adv, g.rise)
			ux, uy := trm[2]*g.size, trm[3]*g.size
			if g.mode != 7 && len(in.glyphs) < maxGlyphs {
				t := f.decode(c)
				if t == "\ufffd" && f.text.lack != "" {
					if in.unmapped == nil {
						in.unmapped = map[string]int{}
					}
					in.unmapped[f.name+" ("+f.text.lack+")"]++
				}
				in.glyphs = append(in.glyphs, rawGlyph{
					text: t, font: f.name,
					size: math.Hypot(ux, uy),
					x0:   x0, y0: y0, x1: x1, y1: y1, ux: ux, uy: uy,
					asc: 0.8, desc: 0.2,
				})
			}
			tx := w*g.size + g.tc
			if c == " " { // a one-byte code 32, as the spec says
				tx += g.tw
			}
			tm = matrix{1, 0, 0, 1, tx * g.th, 0}.mul(tm)
		}
	}
	paint := func(stroke, fill bool) {
		if stroke && !g.strokeNone {
			for _, sp := range path {
				n := len(sp.pts)
				for i := 1; i < n; i++ {
					a, b := sp.pts[i-1], sp.pts[i]
					if !b.curve && len(in.segs) < maxSegs {
						in.segs = append(in.segs, rawSeg{x0: a.x, y0: a.y, x1: b.x, y1: b.y})
					}
				}
				if sp.closed && n > 2 {
					a, b := sp.pts[n-1], sp.pts[0]
					in.segs = append(in.segs, rawSeg{x0: a.x, y0: a.y, x1: b.x, y1: b.y})
				}
			}
		}
		if fill && !g.fillWhite {
			for _, sp := range path {
				in.fillShape(sp)
			}
		}
		path = path[:0]
	}

	interpretContent(contentBytes(strm), func(op string, args []operand) {
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "q":
			if len(stack) < 256 {
				stack = append(stack, g)
			}
		case "Q":
			if k := len(stack); k > 0 {
				g = stack[k-1]
				stack = stack[:k-1]
			}
		case "cm":
			if len(args) == 6 {
				var m matrix
				for i := range m {
					m[i] = num(i)
				}
				g.ctm = m.mul(g.ctm)
			}
		case "w":
			g.lineWidth = num(0)
		case "g":
			g.fillWhite = num(0) >= 0.99
		case "G":
			g.strokeNone = num(0) >= 0.99
		case "rg":
			g.fillWhite = len(args) == 3 && num(0) >= 0.99 && num(1) >= 0.99 && num(2) >= 0.99
		case "RG":
			g.strokeNone = len(args) == 3 && num(0) >= 0.99 && num(1) >= 0.99 && num(2) >= 0.99
		case "k":
			g.fillWhite = len(args) == 4 && num(0)+num(1)+num(2)+num(3) <= 0.01
		case "K":
			g.strokeNone = len(args) == 4 && num(0)+num(1)+num(2)+num(3) <= 0.01
		case "sc", "scn":
			g.fillWhite = whiteComponents(args)
		case "SC", "SCN":
			g.strokeNone = whiteComponents(args)
		case "cs":
			g.fillWhite = false
		case "CS":
			g.strokeNone = false

		// paths
		case "m":
			x, y := g.ctm.apply(num(0), num(1))
			path = append(path, subpath{pts: []pathPoint{{x: x, y: y}}})
		case "l":
			x, y := g.ctm.apply(num(0), num(1))
			lineTo(x, y, false)
		case "c", "v", "y":
			// a curve whose control points lie on an axis-aligned line is a
			// line (some producers draw every border as a curve)
			k := len(args)
			if k < 4 {
				break
			}
			x, y := g.ctm.apply(num(k-2), num(k-1))
			cx0, cy0 := g.ctm.apply(num(0), num(1))
			cx1, cy1 := g.ctm.apply(num(k-4), num(k-3))
			straight := false
			if sp := cur(); len(sp.pts) > 0 {
				p := sp.pts[len(sp.pts)-1]
				straight = (near(p.x, x) && near(cx0, x) && near(cx1, x)) || (near(p.y, y) && near(cy0, y) && near(cy1, y))
			}
			lineTo(x, y, !straight)
		case "h":
			if len(path) > 0 {
				path[len(path)-1].closed = true
			}
		case "re":
			x, y, w, h := num(0), num(1), num(2), num(3)
			sp := subpath{closed: true}
			for _, p := range [4][2]float64{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}} {
				px, py := g.ctm.apply(p[0], p[1])
				sp.pts = append(sp.pts, pathPoint{x: px, y: py})
			}
			path = append(path, sp)
		case "S":
			paint(true, false)
		case "s":
			for i := range path {
				path[i].closed = true
			}
			paint(true, false)
		case "f", "F", "f*":
			paint(false, true)
		case "B", "B*":
			paint(true, true)
		case "b", "b*":
			for i := range path {
				path[i].closed = true
			}
			paint(true, true)
		case "n":
			path = path[:0]

		// text
		case "BT":
			tm, tlm = identity, identity
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.rise = num(0)
		case "Tr":
			g.mode = int(num(0))
		case "Tf":
			if len(args) == 2 {
				name := args[0].Name()
				f, ok := byName[name]
				if !ok {
					f = in.fonts.get(fontRes.Key(name))
					byName[name] = f
				}
				g.font = f
				g.size = num(1)
			}
		case "Td":
			nextLine(num(0), num(1))
		case "TD":
			g.tl = -num(1)
			nextLine(num(0), num(1))
		case "T*":
			nextLine(0, -g.tl)
		case "Tm":
			if len(args) == 6 {
				for i := range tm {
					tm[i] = num(i)
				}
				tlm = tm
			}
		case "Tj":
			if len(args) == 1 {
				show(args[0].RawString())
			}
		case "'":
			if len(args) == 1 {
				nextLine(0, -g.tl)
				show(args[0].RawString())
			}
		case "\"":
			if len(args) == 3 {
				g.tw, g.tc = num(0), num(1)
				nextLine(0, -g.tl)
				show(args[2].RawString())
			}
		case "TJ":
			if len(args) == 1 {
				for _, x := range args[0].arr {
					switch x.kind {
					case opString:
						show(x.str)
					case opNumber:
						tx := -x.num / 1000 * g.size * g.th
						tm = matrix{1, 0, 0, 1, tx, 0}.mul(tm)
					}
				}
			}
		case "Do":
			if len(args) == 1 && in.depth < 8 && in.forms < maxForms {
				in.forms++
				in.form(res, args[0].Name(), g)
			}
		}
	})
}

// form draws a form XObject with its own matrix and resources.
func (in *interp) form(res lpdf.Value, name string, g gstate) {
	x := res.Key("XObject").Key(name)
	if x.Kind() != lpdf.Stream || x.Key("Subtype").Name() != "Form" {
		return
	}
	if m := x.Key("Matrix"); m.Len() == 6 {
		var fm matrix
		for i := range fm {
			fm[i] = m.Index(i).Float64()
		}
		g.ctm = fm.mul(g.ctm)
	}
	r := x.Key("Resources")
	if r.Kind() != lpdf.Dict {
		r = res
	}
	in.depth++
	in.run(x, r, g)
	in.depth--
}

// fillShape turns a filled subpath into rulings: a thin axis-aligned
// rectangle is a line; a larger rectangle contributes its four edges,
// marked as fill edges, so table finders can choose to use them.
func (in *interp) fillShape(sp subpath) {
	in.mark(sp)
	pts := sp.pts
	if k := len(pts); k == 5 && pts[0].x == pts[4].x && pts[0].y == pts[4].y {
		pts = pts[:4]
	}
	if len(pts) != 4 {
		return
	}
	x0, y0, x1, y1 := pts[0].x, pts[0].y, pts[0].x, pts[0].y
	for _, p := range pts {
		if p.curve {
			return
		}
		x0, x1 = math.Min(x0, p.x), math.Max(x1, p.x)
		y0, y1 = math.Min(y0, p.y), math.Max(y1, p.y)
	}
	// every vertex must be a corner of the bounding box
	for _, p := range pts {
		if !(near(p.x, x0) || near(p.x, x1)) || !(near(p.y, y0) || near(p.y, y1)) {
			return
		}
	}
	w, h := x1-x0, y1-y0
	const thin = 2.5
	switch {
	case w <= thin && h <= thin:
		return // a dot
	case h <= thin:
		in.segs = append(in.segs, rawSeg{x0: x0, y0: (y0 + y1) / 2, x1: x1, y1: (y0 + y1) / 2, thin: true})
	case w <= thin:
		in.segs = append(in.segs, rawSeg{x0: (x0 + x1) / 2, y0: y0, x1: (x0 + x1) / 2, y1: y1, thin: true})
	default:
		for _, e := range [4][4]float64{{x0, y0, x1, y0}, {x1, y0, x1, y1}, {x0, y1, x1, y1}, {x0, y0, x0, y1}} {
			in.segs = append(in.segs, rawSeg{x0: e[0], y0: e[1], x1: e[2], y1: e[3], fill: true, area: w * h})
		}
	}
}

// mark keeps a small filled shape about as wide as it is tall (a disc, a
// square, a diamond; straight or curved): Chromium draws list bullets so,
// not as a "•" glyph. Whether it is a bullet is decided with the text
// beside it (bulletGlyphs).
func (in *interp) mark(sp subpath) {
	if len(sp.pts) < 3 || len(in.marks) >= maxMarks {
		return
	}
	x0, y0, x1, y1 := sp.pts[0].x, sp.pts[0].y, sp.pts[0].x, sp.pts[0].y
	for _, p := range sp.pts[1:] {
		x0, x1 = math.Min(x0, p.x), math.Max(x1, p.x)
		y0, y1 = math.Min(y0, p.y), math.Max(y1, p.y)
	}
	w, h := x1-x0, y1-y0
	if w < 0.8 || h < 0.8 || w > 12 || h > 12 || w > 2*h || h > 2*w {
		return
	}
	in.marks = append(in.marks, rawMark{x0, y0, x1, y1})
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.5 }

// whiteComponents reports whether sc/scn operands (gray, RGB or CMYK)
// describe white. A pattern name is not white.
func whiteComponents(args []operand) bool {
	switch len(args) {
	case 1:
		return args[0].kind != opName && args[0].Float64() >= 0.99
	case 3:
		return args[0].Float64() >= 0.99 && args[1].Float64() >= 0.99 && args[2].Float64() >= 0.99
	case 4:
		return args[0].Float64()+args[1].Float64()+args[2].Float64()+args[3].Float64() <= 0.01
	}
	return false
}
