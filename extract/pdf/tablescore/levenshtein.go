package tablescore

// Levenshtein distance by Myers' bit-parallel algorithm in Hyyrö's blocked
// form: 64 rows of the edit-distance table per machine word, so comparing
// every expected row with every extracted row of a page stays fast even
// under the race detector. It gives exactly the distance of the textbook
// dynamic program (levenshteinDP, kept for the tests).

// pattern is one string prepared for repeated distance queries.
type pattern struct {
	m     int
	words int
	ascii [128][]uint64
	other map[rune][]uint64
	zero  []uint64
	pv    []uint64
	mv    []uint64
}

func newPattern(p []rune) *pattern {
	pt := &pattern{m: len(p), words: (len(p) + 63) / 64}
	pt.zero = make([]uint64, pt.words)
	pt.pv = make([]uint64, pt.words)
	pt.mv = make([]uint64, pt.words)
	for i, r := range p {
		v := pt.eq(r)
		if v == nil {
			v = make([]uint64, pt.words)
			if r >= 0 && r < 128 {
				pt.ascii[r] = v
			} else {
				if pt.other == nil {
					pt.other = map[rune][]uint64{}
				}
				pt.other[r] = v
			}
		}
		v[i/64] |= 1 << (uint(i) % 64)
	}
	return pt
}

func (pt *pattern) eq(r rune) []uint64 {
	if r >= 0 && r < 128 {
		return pt.ascii[r]
	}
	return pt.other[r]
}

// distance is the Levenshtein distance between the pattern and text.
func (pt *pattern) distance(text []rune) int {
	if pt.m == 0 {
		return len(text)
	}
	for k := range pt.pv {
		pt.pv[k], pt.mv[k] = ^uint64(0), 0
	}
	last := uint64(1) << (uint(pt.m-1) % 64)
	score := pt.m
	for _, t := range text {
		eq := pt.eq(t)
		if eq == nil {
			eq = pt.zero
		}
		hin := 1 // the top row of the table grows by one per text rune
		for k := 0; k < pt.words; k++ {
			mask := uint64(1) << 63
			if k == pt.words-1 {
				mask = last
			}
			hin = advance(&pt.pv[k], &pt.mv[k], eq[k], hin, mask)
		}
		score += hin
	}
	return score
}

// advance moves one 64-row block of vertical deltas one text rune on,
// given the horizontal delta entering at its top (hin), and returns the
// horizontal delta at the row selected by mask.
func advance(pv, mv *uint64, eq uint64, hin int, mask uint64) int {
	Pv, Mv := *pv, *mv
	Xv := eq | Mv
	if hin < 0 {
		eq |= 1
	}
	Xh := (((eq & Pv) + Pv) ^ Pv) | eq
	Ph := Mv | ^(Xh | Pv)
	Mh := Pv & Xh
	hout := 0
	if Ph&mask != 0 {
		hout = 1
	} else if Mh&mask != 0 {
		hout = -1
	}
	Ph <<= 1
	Mh <<= 1
	if hin < 0 {
		Mh |= 1
	} else if hin > 0 {
		Ph |= 1
	}
	*pv = Mh | ^(Xv | Ph)
	*mv = Ph & Xv
	return hout
}

// levenshteinDP is the textbook dynamic program.
func levenshteinDP(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			d := prev[j-1]
			if a[i-1] != b[j-1] {
				d++
			}
			cur[j] = min(d, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
