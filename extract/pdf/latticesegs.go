package pdf

import (
	"math"
	"sort"
)

// Ruling geometry for the lattice finder: segments sorted by axis, snapped,
// joined, and grouped into connected sets.

// splitRulings sorts rulings into horizontal and vertical segments; dots and
// diagonal strokes are dropped.
func splitRulings(rs []Ruling, tol float64) (h, v []seg) {
	for _, r := range rs {
		x0, x1 := math.Min(r.X0, r.X1), math.Max(r.X0, r.X1)
		y0, y1 := math.Min(r.Y0, r.Y1), math.Max(r.Y0, r.Y1)
		w, ht := x1-x0, y1-y0
		switch {
		case ht <= tol && w > ht && w > tol:
			h = append(h, seg{(y0 + y1) / 2, x0, x1})
		case w <= tol && ht > w && ht > tol:
			v = append(v, seg{(x0 + x1) / 2, y0, y1})
		}
	}
	return h, v
}

// mergeSegs snaps segments whose positions are within snap to one position
// and joins collinear pieces that overlap or nearly touch.
func mergeSegs(ss []seg, snap, join float64) []seg {
	if len(ss) == 0 {
		return nil
	}
	ss = append([]seg(nil), ss...)
	sort.Slice(ss, func(i, j int) bool { return ss[i].pos < ss[j].pos })
	var out []seg
	for i := 0; i < len(ss); {
		j, sum := i, 0.0
		for j < len(ss) && ss[j].pos-ss[i].pos <= snap {
			sum += ss[j].pos
			j++
		}
		pos := sum / float64(j-i)
		cl := append([]seg(nil), ss[i:j]...)
		sort.Slice(cl, func(a, b int) bool { return cl[a].a < cl[b].a })
		cur := seg{pos, cl[0].a, cl[0].b}
		for _, s := range cl[1:] {
			if s.a <= cur.b+join {
				cur.b = math.Max(cur.b, s.b)
				continue
			}
			out = append(out, cur)
			cur = seg{pos, s.a, s.b}
		}
		out = append(out, cur)
		i = j
	}
	return out
}

// mergeStaggered joins neighbouring column borders that are drawn at
// slightly different x in different rows and never side by side (a header
// row whose border is offset from the body's): they are one border, put
// where the longer of the two is drawn. Without this the offset makes a
// sliver column that splits the header from its body cells.
func mergeStaggered(v []seg, maxGap, tol float64) []seg {
	for {
		pos := positions(segPositions(v), tol)
		merged := false
		for k := 0; k+1 < len(pos) && !merged; k++ {
			a, b := pos[k], pos[k+1]
			if b-a > maxGap {
				continue
			}
			var la, lb float64
			overlap := false
			for _, s := range v {
				if math.Abs(s.pos-a) > tol {
					continue
				}
				la += s.b - s.a
				for _, t := range v {
					if math.Abs(t.pos-b) <= tol && t.a < s.b-tol && s.a < t.b-tol {
						overlap = true
					}
				}
			}
			if overlap {
				continue
			}
			for _, t := range v {
				if math.Abs(t.pos-b) <= tol {
					lb += t.b - t.a
				}
			}
			from, to := a, b
			if la > lb {
				from, to = b, a
			}
			for i := range v {
				if math.Abs(v[i].pos-from) <= tol {
					v[i].pos = to
				}
			}
			merged = true
		}
		if !merged {
			return v
		}
	}
}

func segPositions(ss []seg) []float64 {
	out := make([]float64, len(ss))
	for i, s := range ss {
		out[i] = s.pos
	}
	return out
}

// crosses reports whether horizontal h and vertical v meet (within tol).
func crosses(h, v seg, tol float64) bool {
	return v.pos >= h.a-tol && v.pos <= h.b+tol && h.pos >= v.a-tol && h.pos <= v.b+tol
}

// rulingGroup is one connected set of rulings: one candidate ruled table.
type rulingGroup struct{ h, v []seg }

// connectRulings groups segments that touch, each group a candidate table.
func connectRulings(h, v []seg, tol float64) []rulingGroup {
	n := len(h) + len(v)
	parent := newUnionFind(n)
	for i, hs := range h {
		for j, vs := range v {
			if crosses(hs, vs, tol) {
				parent.union(i, len(h)+j)
			}
		}
	}
	byRoot := map[int]*rulingGroup{}
	var order []int
	for i := range n {
		r := parent.find(i)
		g, ok := byRoot[r]
		if !ok {
			g = &rulingGroup{}
			byRoot[r] = g
			order = append(order, r)
		}
		if i < len(h) {
			g.h = append(g.h, h[i])
		} else {
			g.v = append(g.v, v[i-len(h)])
		}
	}
	var out []rulingGroup
	for _, r := range order {
		out = append(out, *byRoot[r])
	}
	return out
}

// positions clusters coordinates within tol into sorted distinct values.
func positions(xs []float64, tol float64) []float64 {
	sort.Float64s(xs)
	var out []float64
	for i := 0; i < len(xs); {
		j, sum := i, 0.0
		for j < len(xs) && xs[j]-xs[i] <= tol {
			sum += xs[j]
			j++
		}
		out = append(out, sum/float64(j-i))
		i = j
	}
	return out
}

// chainPositions clusters sorted coordinates where each is within tol of
// the previous one, into the mean of each cluster.
func chainPositions(xs []float64, tol float64) []float64 {
	sort.Float64s(xs)
	var out []float64
	for i := 0; i < len(xs); {
		j, sum := i+1, xs[i]
		for j < len(xs) && xs[j]-xs[j-1] <= tol {
			sum += xs[j]
			j++
		}
		out = append(out, sum/float64(j-i))
		i = j
	}
	return out
}

// snapTo moves each segment onto the nearest position within tol.
func snapTo(ss []seg, pos []float64, tol float64) []seg {
	out := make([]seg, len(ss))
	for i, s := range ss {
		out[i] = s
		k := sort.SearchFloat64s(pos, s.pos)
		for _, c := range []int{k - 1, k} {
			if c >= 0 && c < len(pos) && math.Abs(pos[c]-s.pos) <= tol+1e-9 && math.Abs(pos[c]-s.pos) <= math.Abs(out[i].pos-s.pos)+1e-9 {
				out[i].pos = pos[c]
			}
		}
	}
	return out
}

// covered is the share of [a,b] covered by the segments at pos (within tol).
func covered(ss []seg, pos, a, b, tol float64) float64 {
	if b <= a {
		return 1
	}
	var parts [][2]float64
	for _, s := range ss {
		if math.Abs(s.pos-pos) <= tol && s.b > a && s.a < b {
			parts = append(parts, [2]float64{math.Max(s.a, a), math.Min(s.b, b)})
		}
	}
	sort.Slice(parts, func(i, j int) bool { return parts[i][0] < parts[j][0] })
	total, end := 0.0, a
	for _, p := range parts {
		if p[1] <= end {
			continue
		}
		total += p[1] - math.Max(p[0], end)
		end = p[1]
	}
	return total / (b - a)
}
