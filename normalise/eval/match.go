package eval

import (
	"sort"
	"strings"
	"unicode"
)

// Threshold is the least word-set overlap at which two texts are the same
// action (or milestone).
const Threshold = 0.6

// wordSet is the set of lower-cased runs of letters and digits in s.
func wordSet(s string) map[string]struct{} {
	set := map[string]struct{}{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		set[w] = struct{}{}
	}
	return set
}

// overlap is |A∩B| / max(|A|,|B|), 0 when both are empty.
func overlap(a, b map[string]struct{}) float64 {
	n := max(len(a), len(b))
	if n == 0 {
		return 0
	}
	small, big := a, b
	if len(small) > len(big) {
		small, big = big, small
	}
	common := 0
	for w := range small {
		if _, ok := big[w]; ok {
			common++
		}
	}
	return float64(common) / float64(n)
}

// greedyMatch pairs gold items with predicted items one to one. score(i, j)
// gives the overlap of gold i and prediction j; pairs under Threshold are
// never made. It returns, for each gold item, the index of its prediction or
// -1.
func greedyMatch(nGold, nPred int, score func(i, j int) float64) []int {
	type cand struct {
		i, j int
		s    float64
	}
	var cands []cand
	for i := 0; i < nGold; i++ {
		for j := 0; j < nPred; j++ {
			if s := score(i, j); s >= Threshold {
				cands = append(cands, cand{i, j, s})
			}
		}
	}
	sort.SliceStable(cands, func(a, b int) bool {
		if cands[a].s != cands[b].s {
			return cands[a].s > cands[b].s
		}
		if cands[a].i != cands[b].i {
			return cands[a].i < cands[b].i
		}
		return cands[a].j < cands[b].j
	})
	gold := make([]int, nGold)
	for i := range gold {
		gold[i] = -1
	}
	usedPred := make([]bool, nPred)
	for _, c := range cands {
		if gold[c.i] < 0 && !usedPred[c.j] {
			gold[c.i] = c.j
			usedPred[c.j] = true
		}
	}
	return gold
}
