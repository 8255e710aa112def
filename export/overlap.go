package export

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/planmap/planmap/normalise"
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

// Overlap types.
const (
	overlapSimilar   = "similar actions"
	overlapLeads     = "several leads on a theme in one region"
	overlapOrgRegion = "same lead on a theme in several regions"
)

// overlap is one finding of the Overlaps sheet: a pair of actions, or a
// theme shared by several leads or regions (then b is empty).
type overlap struct {
	kind   string
	score  float64
	theme  string
	a, b   *actionRef
	region string // for the non-pair findings
	lead   string
	detail string
}

// overlaps lists similar action pairs (best first), then themes with
// several leads in one region, then organisations leading one theme in
// several regions.
func (ds *dataset) overlaps(yield func(overlap) bool) {
	for _, o := range ds.overlapList() {
		if !yield(o) {
			return
		}
	}
}

// overlapList computes the findings once per dataset; prefetchOverlaps
// starts that work early on another goroutine (the similarity search is the
// costliest step and needs nothing but the dataset).
func (ds *dataset) overlapList() []overlap {
	ds.overlapOnce.Do(func() {
		ds.findOverlaps(func(o overlap) bool {
			ds.overlapCache = append(ds.overlapCache, o)
			return true
		})
	})
	return ds.overlapCache
}

func (ds *dataset) prefetchOverlaps() {
	go ds.overlapList()
}

// findOverlaps does the work of overlaps.
func (ds *dataset) findOverlaps(yield func(overlap) bool) {
	acts := ds.allActions()
	texts := make([]string, len(acts))
	leadKey := make([]string, len(acts))
	for i, r := range acts {
		texts[i] = r.action().Text
		names := orgNames(r.action().Leads, r.action().LeadOrgs)
		sort.Strings(names)
		leadKey[i] = strings.ToLower(strings.Join(names, "\x00"))
	}
	pairs := similarPairs(texts, SimilarityThreshold, func(i, j int) bool {
		return acts[i].doc != acts[j].doc || leadKey[i] != leadKey[j]
	})
	for _, p := range pairs {
		a, b := acts[p.a], acts[p.b]
		theme := sharedThemes(*a.action(), *b.action())
		detail := "different documents"
		if a.doc == b.doc {
			detail = "same document, different leads"
		}
		if !yield(overlap{kind: overlapSimilar, score: p.score, theme: theme, a: &a, b: &b, detail: detail}) {
			return
		}
	}

	// Themes with several lead organisations within one region: at least
	// two actions under different leads (co-leads of one action are a
	// partnership, not an overlap).
	type key struct{ region, theme string }
	leads := map[key]map[string]int{}
	leadSets := map[key]map[string]bool{}
	for i, r := range acts {
		names := orgNames(r.action().Leads, r.action().LeadOrgs)
		if len(names) == 0 {
			continue
		}
		for _, t := range actionThemes(*r.action()) {
			k := key{r.doc.region, t}
			if leads[k] == nil {
				leads[k], leadSets[k] = map[string]int{}, map[string]bool{}
			}
			leadSets[k][leadKey[i]] = true
			for _, o := range names {
				leads[k][o]++
			}
		}
	}
	var keys []key
	for k, m := range leads {
		if len(leadSets[k]) > 1 && len(m) > 1 && k.theme != unclassified {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(leads[keys[i]]) != len(leads[keys[j]]) {
			return len(leads[keys[i]]) > len(leads[keys[j]])
		}
		if keys[i].region != keys[j].region {
			return keys[i].region < keys[j].region
		}
		return keys[i].theme < keys[j].theme
	})
	for _, k := range keys {
		if !yield(overlap{kind: overlapLeads, score: float64(len(leads[k])), theme: k.theme, region: k.region,
			detail: countList(leads[k], "action")}) {
			return
		}
	}

	// The same organisation leading one theme in several regions.
	type orgTheme struct {
		o     *orgStat
		theme string
	}
	var ots []orgTheme
	for _, o := range ds.orgs.list {
		for t, regions := range o.leadRegions {
			if len(regions) > 1 && t != unclassified {
				ots = append(ots, orgTheme{o, t})
			}
		}
	}
	sort.Slice(ots, func(i, j int) bool {
		ni, nj := len(ots[i].o.leadRegions[ots[i].theme]), len(ots[j].o.leadRegions[ots[j].theme])
		if ni != nj {
			return ni > nj
		}
		if ots[i].o.canonical != ots[j].o.canonical {
			return ots[i].o.canonical < ots[j].o.canonical
		}
		return ots[i].theme < ots[j].theme
	})
	for _, ot := range ots {
		regions := ot.o.leadRegions[ot.theme]
		if !yield(overlap{kind: overlapOrgRegion, score: float64(len(regions)), theme: ot.theme, lead: ot.o.canonical,
			region: strings.Join(sortedKeys(boolSet(regions)), "; "), detail: countList(regions, "action")}) {
			return
		}
	}
}

// sharedThemes names the themes two actions share, else both sets.
func sharedThemes(a, b normalise.Action) string {
	ta, tb := actionThemes(a), actionThemes(b)
	var both []string
	for _, x := range ta {
		for _, y := range tb {
			if x == y && x != unclassified {
				both = append(both, x)
			}
		}
	}
	if len(both) > 0 {
		return join(both)
	}
	return join(ta) + " / " + join(tb)
}

func (ds *dataset) overlapsTable() *table {
	return &table{
		sheet: sheetOverlaps, file: "overlaps.csv", name: "Overlaps", linkCol: -1, heatFrom: -1, n: -1,
		cols: []column{txt("Type", 30), {name: "Score", kind: kScore, width: 8}, wrap("Theme", 24),
			wrap("Region A", 24), txt("Action A", 30), wrap("Lead A", 30), wrap("Action A text", 60), txt("Source A", 40),
			wrap("Region B", 24), txt("Action B", 30), wrap("Lead B", 30), wrap("Action B text", 60), txt("Source B", 40),
			wrap("Detail", 60)},
		rows: func(yield func(row) bool) {
			ds.overlaps(func(o overlap) bool {
				score := any(o.score)
				if o.kind != overlapSimilar {
					score = int(o.score) // a count of organisations or regions
				}
				vals := []any{o.kind, score, o.theme}
				if o.a != nil {
					vals = append(vals, side(*o.a)...)
					vals = append(vals, side(*o.b)...)
				} else {
					vals = append(vals, o.region, nil, o.lead, nil, nil, nil, nil, nil, nil, nil)
				}
				vals = append(vals, o.detail)
				return yield(row{vals: vals})
			})
		},
	}
}

// side is one action's columns in an Overlaps pair.
func side(r actionRef) []any {
	a := r.action()
	return []any{r.doc.region, r.id(), join(orgNames(a.Leads, a.LeadOrgs)), a.Text, source(r.doc.File, a.Source.Page)}
}
