package export

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// Similar actions: TF-IDF cosine over normalised words.
//
//   - Words are runs of letters and digits, lower-cased; stop words and
//     one- and two-letter words are dropped; a plural "s"/"ies" is folded.
//   - Weight = (1 + ln tf) · ln(N / df), each vector scaled to length 1.
//   - Candidate pairs come from an inverted index (term → actions) built
//     with prefix filtering (Bayardo, Ma and Srikant, "Scaling up all pairs
//     similarity search", 2007): each action indexes only its rarest terms,
//     as many as can still make the threshold, so common words rarely make
//     long posting lists. Words in more than maxCandidateDF actions propose
//     no pairs at all, which keeps the work linear in the number of
//     actions. Below that bound the search is exact (no pair at or above
//     the threshold is missed), and every reported score is the full
//     cosine.
//   - A pair is reported when the cosine is at least SimilarityThreshold,
//     the two share at least minSharedTerms words, and they are in
//     different documents or under different leads.
//     Each action keeps its best maxPairsPerAction partners.

// SimilarityThreshold is the least TF-IDF cosine at which two actions are
// reported as saying nearly the same thing. 0.5 was chosen by reading the
// pairs found on ../shared/corpus and ../shared/bench/real-docs: at or
// above it pairs share their main content words ("Reduce self-harm and
// suicide" / "Reduce suicides and admissions for self-harm", 0.88; "Social
// prescribing" / "Green social prescribing network", 0.59); below it they
// mostly share one generic word.
const SimilarityThreshold = 0.5

const maxPairsPerAction = 5

// minSharedTerms: two short actions that share a single word ("Green and
// Sustainable", "Green social prescribing network") can pass the cosine
// threshold without saying the same thing; a pair must share two words.
const minSharedTerms = 2

// maxCandidateDF bounds the posting lists that propose pairs: a word in
// more actions than this proposes none. Below the bound the search is
// exact; above it, a pair whose rarest shared word is that common is not
// proposed (in real plans such pairs share only generic wording). It keeps
// the work linear in the number of actions.
const maxCandidateDF = 40

var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the and for with from into onto that this those these their there
		which who whom whose will would shall should could can may might must are was were been being
		have has had not but all any each other our ours its it's they them than then such also
		more most very per via within across over under about between through including include
		ensure ensuring support supporting develop developing promote promoting
		increase increasing improve improving provide providing take forward where when how what
		region regional local new plan plans action actions`) {
		m[w] = true
	}
	return m
}()

// terms are the normalised words of a text.
func terms(s string) []string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	out := words[:0]
	for _, w := range words {
		if len(w) < 3 || stopWords[w] {
			continue
		}
		switch {
		case strings.HasSuffix(w, "ies") && len(w) > 4:
			w = w[:len(w)-3] + "y"
		case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
			w = w[:len(w)-1]
		}
		out = append(out, w)
	}
	return out
}

type weight struct {
	term int32
	w    float32
}

// simPair is two actions (indexes into the caller's list) and their cosine.
type simPair struct {
	a, b  int
	score float64
}

// similarPairs finds pairs of texts whose TF-IDF cosine is at least
// threshold; distinct(i, j) says whether a pair may be reported at all.
// Pairs come out best first (ties by index).
func similarPairs(texts []string, threshold float64, distinct func(i, j int) bool) []simPair {
	n := len(texts)
	if n < 2 {
		return nil
	}
	dict := map[string]int32{}
	docTerms := make([][]weight, n)
	var df []int
	for i, t := range texts {
		counts := map[int32]int{}
		for _, w := range terms(t) {
			id, ok := dict[w]
			if !ok {
				id = int32(len(df))
				dict[w] = id
				df = append(df, 0)
			}
			if counts[id] == 0 {
				df[id]++
			}
			counts[id]++
		}
		v := make([]weight, 0, len(counts))
		for id, c := range counts {
			v = append(v, weight{id, float32(1 + math.Log(float64(c)))})
		}
		docTerms[i] = v
	}
	for _, v := range docTerms {
		var norm float64
		for k := range v {
			v[k].w *= float32(math.Log(float64(n) / float64(df[v[k].term])))
			norm += float64(v[k].w) * float64(v[k].w)
		}
		norm = math.Sqrt(norm)
		for k := range v {
			if norm > 0 {
				v[k].w /= float32(norm)
			}
		}
	}

	// All-pairs prefix filtering: order each vector rarest term first and
	// index a term only while the vector's remaining weight (this term and
	// the commoner ones after it) has norm ≥ threshold. Two unit vectors
	// whose cosine reaches the threshold must then share a term indexed for
	// the earlier one: without one, their dot product is at most the norm
	// of the unindexed rest, which is below the threshold. Both actions'
	// prefixes then hold their rarest shared term (each prefix holds a
	// shared term, and a prefix takes every term rarer than its last), so
	// probing with the prefix alone is enough.
	for _, v := range docTerms {
		sort.Slice(v, func(a, b int) bool {
			da, db := df[v[a].term], df[v[b].term]
			if da != db {
				return da < db
			}
			return v[a].term < v[b].term
		})
	}
	postings := make([][]int32, len(df))
	prefix := make([]int, n)
	t2 := threshold * threshold
	for i, v := range docTerms {
		var rest float64
		for _, tw := range v {
			rest += float64(tw.w) * float64(tw.w)
		}
		for _, tw := range v {
			if rest < t2-1e-9 {
				break
			}
			rest -= float64(tw.w) * float64(tw.w)
			prefix[i]++
			if tw.w > 0 && df[tw.term] <= maxCandidateDF {
				postings[tw.term] = append(postings[tw.term], int32(i))
			}
		}
	}
	// Exact cosines need the vectors in term order again.
	sorted := make([][]weight, n)
	for i, v := range docTerms {
		s := append([]weight(nil), v...)
		sort.Slice(s, func(a, b int) bool { return s[a].term < s[b].term })
		sorted[i] = s
	}

	var pairs []simPair
	seen := make([]int32, n) // seen[x] == y+1: x already a candidate of y
	for y, v := range docTerms {
		for _, tw := range v[:prefix[y]] {
			for _, x := range postings[tw.term] {
				if int(x) >= y || seen[x] == int32(y+1) {
					continue
				}
				seen[x] = int32(y + 1)
				if !distinct(int(x), y) {
					continue
				}
				if s, shared := cosine(sorted[x], sorted[y]); s >= threshold && shared >= minSharedTerms {
					pairs = append(pairs, simPair{int(x), y, s})
				}
			}
		}
	}
	sort.Slice(pairs, func(x, y int) bool {
		if pairs[x].score != pairs[y].score {
			return pairs[x].score > pairs[y].score
		}
		if pairs[x].a != pairs[y].a {
			return pairs[x].a < pairs[y].a
		}
		return pairs[x].b < pairs[y].b
	})
	kept := make([]int, n)
	out := pairs[:0]
	for _, p := range pairs {
		if kept[p.a] >= maxPairsPerAction || kept[p.b] >= maxPairsPerAction {
			continue
		}
		kept[p.a]++
		kept[p.b]++
		out = append(out, p)
	}
	return out
}

// cosine of two unit vectors sorted by term, and how many terms they share.
func cosine(a, b []weight) (float64, int) {
	var s float64
	shared := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].term < b[j].term:
			i++
		case a[i].term > b[j].term:
			j++
		default:
			s += float64(a[i].w) * float64(b[j].w)
			shared++
			i++
			j++
		}
	}
	if s > 1 {
		s = 1 // rounding
	}
	return math.Round(s*1000) / 1000, shared
}
