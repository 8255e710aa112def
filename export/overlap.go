package export

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/planmap/planmap/normalise"
)

// Pairs of actions on the Overlaps sheet come in two kinds (see
// docs/overlaps.md, which also gives their measured precision):
//
//   - "repeated": the same text twice, in one document or in two,
//     whatever the leads: equal once normalised (lower case, words only),
//     or near-identical (a cosine of at least RepeatThreshold over the raw
//     word counts, with the conditions repeatedPairs gives that keep the
//     items of one list apart).
//   - "similar actions": two actions, in different documents or under
//     different leads, that say the same thing in substance. Texts are
//     compared by TF-IDF cosine over normalised words, with the wording a
//     document repeats discounted:
//   - Words are runs of letters and digits, lower-cased; stop words and
//     one- and two-letter words are dropped; a plural "s"/"ies" and a
//     long "-ing" are folded.
//   - Weight = (1 + ln tf) · ln(N / df) · t, each vector scaled to length
//     1, where t is templateWeight for a template term of the action's
//     document (in more than a third of its actions, and at least
//     minTemplateDF of them) or of its objective (in more than half of the
//     objective's actions, when it has at least minTemplateDF), else 1.
//   - Two actions of one document that open with the same phrase of at
//     least phraseLen words ("Increase the number of adults in the region
//     with skills, confidence and qualifications in" numeracy / literacy)
//     share their stem, not their substance: the words of that phrase do
//     not count towards their score.
//   - A pair must share substance: at least minSharedTerms key terms
//     (shared words that are template terms of neither action, nor in a
//     shared stem), or a named programme, body or place (a capitalised
//     name of two words or more, "European Social Fund") that is not a
//     template of either document. Those terms and names are the pair's
//     evidence, in the sheet's "Shared terms" column.
//   - A pair is reported when its score is at least SimilarityThreshold.
//
// Candidate pairs come from an inverted index (term → actions) built with
// prefix filtering (Bayardo, Ma and Srikant, "Scaling up all pairs
// similarity search", 2007): each action indexes only its rarest terms, as
// many as can still make the threshold, so common words rarely make long
// posting lists. Words in more than maxCandidateDF actions (maxRepeatDF
// for near-identical texts) propose no pairs at all, which keeps the work linear in the number of actions.
// Below that bound the search is exact (no pair at or above the threshold
// is missed). The discounts above only lower a pair's score from its
// cosine, so the cosine's candidates hold every reported pair. Identical
// texts are found by hashing, whatever their words. Each action keeps its
// best maxPairsPerAction partners of each kind.

// backRef matches words that take their meaning from the text around
// them.
var backRef = regexp.MustCompile(`(?i)\b(these|those|this|the above|above-mentioned|them|the same)\b`)

// maxBackRefWords is the length up to which a text that points back is
// taken to lean on its context; a long text says what it means.
const maxBackRefWords = 12

// SimilarityThreshold is the least score at which two actions are
// reported as saying nearly the same thing. 0.5 was chosen by reading the
// pairs found on ../shared/corpus and ../shared/bench/real-docs: at or
// above it pairs share their main content words ("Reduce self-harm and
// suicide" / "Reduce suicides and admissions for self-harm", 0.88; "Social
// prescribing" / "Green social prescribing network", 0.59); below it they
// mostly share one generic word.
const SimilarityThreshold = 0.5

// RepeatThreshold is the least cosine over raw word counts (every word,
// stop words included) at which two texts are the same text repeated.
const RepeatThreshold = 0.9

// sameWorkRun is how many terms in a row two actions of one lead in one
// document must share to be the same work listed twice: "parent infant
// mental health service" (5) is; "learning … skills … people …
// disabilities" (runs of 2) is related work of one owner.
const sameWorkRun = 4

// commonRun is the length of the longest run of terms two texts share.
func commonRun(a, b []string) int {
	best := 0
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
				best = max(best, cur[j+1])
			} else {
				cur[j+1] = 0
			}
		}
		prev, cur = cur, prev
	}
	return best
}

const maxPairsPerAction = 5

// minSharedTerms: two short actions that share a single word ("Green and
// Sustainable", "Green social prescribing network") can pass the cosine
// threshold without saying the same thing; a pair must share two key
// terms (or a name).
const minSharedTerms = 2

// minSameDocTerms: two actions of one document share its template and its
// setting, so they must share three key terms besides (substanceCount) to
// be similar in substance.
const minSameDocTerms = 3

// substanceCount counts the key terms (and names) a pair's terms column
// lists before the words its document repeats, leaving out the words both
// texts print only capitalised inside a sentence: within one document a
// place or a programme the whole plan is about ("Cambridge-Milton Keynes-Oxford
// corridor") is its setting, not the substance two actions share.
func substanceCount(terms, a, b string) int {
	pa, pb := properTerms(a), properTerms(b)
	head, _, _ := strings.Cut(terms, " (also shared")
	n := 0
	for _, t := range strings.Split(head, ",") {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		proper := true
		for _, w := range strings.Fields(t) {
			if pa[term(strings.ToLower(w))] != 1 || pb[term(strings.ToLower(w))] != 1 {
				proper = false
			}
		}
		if !proper {
			n++
		}
	}
	return n
}

// anyWord matches a word.
var anyWord = regexp.MustCompile(`[\p{L}][\p{L}'’]*`)

// properTerms maps the terms of a text to 1 when the text only ever prints
// them capitalised after its first word, and to 2 when it also prints them
// in lower case (or only as its first word).
func properTerms(s string) map[string]int {
	out := map[string]int{}
	for i, m := range anyWord.FindAllStringIndex(s, -1) {
		w := s[m[0]:m[1]]
		t := term(strings.ToLower(w))
		if t == "" {
			continue
		}
		capital := w[0] >= 'A' && w[0] <= 'Z' && i > 0
		switch {
		case !capital:
			out[t] = 2
		case out[t] == 0:
			out[t] = 1
		}
	}
	return out
}

// minRepeatTerms: a text repeated must say something: "To be agreed"
// twice is not a finding.
const minRepeatTerms = 3

// minPassageTerms: two texts that share this many terms and are
// near-identical over raw words are one passage repeated with an edit.
const minPassageTerms = 12

// maxCandidateDF bounds the posting lists that propose pairs: a word in
// more actions than this proposes none. Below the bound the search is
// exact; above it, a pair whose rarest shared word is that common is not
// proposed (in real plans such pairs share only generic wording). It keeps
// the work linear in the number of actions.
const maxCandidateDF = 40

// maxRepeatDF is maxCandidateDF for near-identical texts: over raw words,
// whose prefixes are short but hold more common words, a word in more
// texts than this proposes no pair. Identical texts are found by hashing
// whatever their words; a near-identical pair is missed only when every
// word of its prefix is in more than maxRepeatDF texts.
const maxRepeatDF = 12

// Template terms: a word in more than a third of a document's actions (and
// in at least minTemplateDF of them) is how that document writes, not what
// an action does; so is a word in more than half of an objective's
// actions. It weighs templateWeight of its TF-IDF weight.
const (
	minTemplateDF  = 3
	templateWeight = 0.2
)

// phraseLen is the fewest words two actions of one document must open
// with for those words to be their common stem.
const phraseLen = 4

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

// words are the lower-cased runs of letters and digits of a text.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// term is a word as the similarity search counts it: "" for a stop word
// or a word of one or two letters; a plural and a long "-ing" folded.
func term(w string) string {
	if len(w) < 3 || stopWords[w] || dateWords[w] || isNumber(w) {
		return ""
	}
	switch {
	case strings.HasSuffix(w, "ing") && len(w) >= 8:
		w = w[:len(w)-3] // "establishing", "investing": "establish", "invest"
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		w = w[:len(w)-1]
	}
	return w
}

// dateWords and numbers say when, not what: two deadlines in January 2018
// are not shared substance.
var dateWords = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "before": true, "after": true, "until": true,
	"spring": true, "summer": true, "autumn": true, "winter": true, "year": true, "years": true, "month": true, "months": true,
}

func isNumber(w string) bool {
	for _, r := range w {
		if (r < '0' || r > '9') && r != '.' && r != ',' && r != '/' && r != '-' {
			return false
		}
	}
	return true
}

// terms are the normalised words of a text.
func terms(s string) []string { return termsOf(words(s)) }

// termsOf are the terms of a text's words.
func termsOf(ws []string) []string {
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		if t := term(w); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// nameRe matches a capitalised name of two words or more, which may hold
// "of", "and", "for" or "the": "European Social Fund", "Community
// Planning Partnerships", "Isle of Wight".
var nameRe = regexp.MustCompile(`\b[A-Z][\p{L}'’-]*(?:\s+(?:(?:of|and|for|the|&)\s+)?[A-Z][\p{L}'’-]*)+`)

// names are the capitalised names of a text, as their normalised terms
// ("community planning partnership"). The first word of a sentence is
// capitalised anyway, so a name must be two words after it.
func names(s string) []string {
	caps := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			caps++
		}
	}
	if caps < 2 {
		return nil
	}
	var out []string
	for _, loc := range nameRe.FindAllStringIndex(s, -1) {
		start, end := loc[0], loc[1]
		if sentenceStart(s, start) {
			start += len(strings.Fields(s[start:end])[0])
		}
		ts := words(s[start:end])
		var key []string
		for _, w := range ts {
			if t := term(w); t != "" || len(w) >= 2 && w != "of" && w != "and" && w != "for" && w != "the" {
				if t == "" {
					t = w
				}
				key = append(key, t)
			}
		}
		if len(key) >= 2 {
			out = append(out, strings.Join(key, " "))
		}
	}
	return out
}

// sentenceStart says whether position i of s begins a sentence.
func sentenceStart(s string, i int) bool {
	j := strings.LastIndexFunc(s[:i], func(r rune) bool { return !unicode.IsSpace(r) })
	if j < 0 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	return strings.ContainsRune(".!?:;•-–(\"“", r)
}

type weight struct {
	term int32
	w    float32
}

// simPair is two actions (indexes into the caller's list) and their score.
type simPair struct {
	a, b  int
	score float64
	terms string // the shared terms that make the pair, for the sheet
	more  []int  // repeated: the further texts equal to both
}

// vocabulary numbers terms and counts the texts each is in.
type vocabulary struct {
	ids map[string]int32
	df  []int
}

func (v *vocabulary) id(t string) int32 {
	id, ok := v.ids[t]
	if !ok {
		id = int32(len(v.df))
		v.ids[t] = id
		v.df = append(v.df, 0)
	}
	return id
}

// counts turns a list of terms into term counts, counting df once per text.
func (v *vocabulary) counts(ts []string) []weight {
	ids := make([]int32, len(ts))
	for i, t := range ts {
		ids[i] = v.id(t)
	}
	sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
	var out []weight
	for i, id := range ids {
		if i > 0 && id == ids[i-1] {
			out[len(out)-1].w++
			continue
		}
		v.df[id]++
		out = append(out, weight{id, 1})
	}
	return out
}

// unit scales a vector to length 1.
func unit(v []weight) {
	var norm float64
	for _, tw := range v {
		norm += float64(tw.w) * float64(tw.w)
	}
	if norm = math.Sqrt(norm); norm > 0 {
		for k := range v {
			v[k].w = float32(float64(v[k].w) / norm)
		}
	}
}

// candidates calls check(x, y), x < y, once for every pair of unit vectors
// (sorted by term) whose dot product may reach threshold: all-pairs prefix
// filtering. Each vector, ordered rarest term first, indexes a term only
// while its remaining weight (this term and the commoner ones after it) has
// norm ≥ threshold. Two unit vectors whose cosine reaches the threshold
// must then share a term indexed for the earlier one: without one, their
// dot product is at most the norm of the unindexed rest, which is below the
// threshold. Both actions' prefixes then hold their rarest shared term
// (each prefix holds a shared term, and a prefix takes every term rarer
// than its last), so probing with the prefix alone is enough. Terms in
// more than maxDF texts are not indexed.
func candidates(vecs [][]weight, df []int, threshold float64, maxDF int, check func(x, y int)) {
	n := len(vecs)
	order := make([][]weight, n)
	postings := make([][]int32, len(df))
	prefix := make([]int, n)
	t2 := threshold * threshold
	for i, v := range vecs {
		o := append([]weight(nil), v...)
		sort.Slice(o, func(a, b int) bool {
			da, db := df[o[a].term], df[o[b].term]
			if da != db {
				return da < db
			}
			return o[a].term < o[b].term
		})
		order[i] = o
		var rest float64
		for _, tw := range o {
			rest += float64(tw.w) * float64(tw.w)
		}
		for _, tw := range o {
			if rest < t2-1e-9 {
				break
			}
			rest -= float64(tw.w) * float64(tw.w)
			prefix[i]++
			if tw.w > 0 && df[tw.term] <= maxDF {
				postings[tw.term] = append(postings[tw.term], int32(i))
			}
		}
	}
	seen := make([]int32, n) // seen[x] == y+1: x already a candidate of y
	for y, o := range order {
		for _, tw := range o[:prefix[y]] {
			for _, x := range postings[tw.term] {
				if int(x) >= y {
					break // postings are in text order
				}
				if seen[x] == int32(y+1) {
					continue
				}
				seen[x] = int32(y + 1)
				check(int(x), y)
			}
		}
	}
}

// bestPairs sorts pairs best first (ties by index) and keeps each text's
// best maxPairsPerAction.
func bestPairs(pairs []simPair, n int) []simPair {
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

// similarPairs finds pairs of texts whose plain TF-IDF cosine is at least
// threshold and that share minSharedTerms terms; distinct(i, j) says
// whether a pair may be reported at all. Pairs come out best first (ties
// by index). It knows nothing of documents: findOverlaps uses
// substancePairs.
func similarPairs(texts []string, threshold float64, distinct func(i, j int) bool) []simPair {
	items := make([]pairText, len(texts))
	for i, t := range texts {
		items[i] = pairText{text: t, group: i, objective: i}
	}
	return substancePairs(items, threshold, distinct)
}

// pairText is one action as the substance search sees it: its text, its
// document (group) and objective (any ints; equal means the same).
type pairText struct {
	text             string
	words            []string // words(text), when the caller has them
	group, objective int
}

// substancePairs finds the "similar actions" pairs of the package comment:
// template terms discounted, shared stems of one document not counted, and
// shared substance required. distinct(i, j) says whether a pair may be
// reported at all.
func substancePairs(items []pairText, threshold float64, distinct func(i, j int) bool) []simPair {
	n := len(items)
	if n < 2 {
		return nil
	}
	voc := &vocabulary{ids: map[string]int32{}}
	vecs := make([][]weight, n)
	nameSets := make([][]string, n)
	for i, it := range items {
		ws := it.words
		if ws == nil {
			ws = words(it.text)
		}
		vecs[i] = voc.counts(termsOf(ws))
		nameSets[i] = dedupe(names(it.text))
	}
	// Template terms and names of each document and objective.
	groupN, objN := map[int]int{}, map[int]int{}
	for _, it := range items {
		groupN[it.group]++
		objN[it.objective]++
	}
	groupDF, objDF := map[int]map[int32]int{}, map[int]map[int32]int{}
	groupNames := map[int]map[string]int{}
	for i, it := range items {
		if groupN[it.group] >= minTemplateDF {
			if groupDF[it.group] == nil {
				groupDF[it.group], groupNames[it.group] = map[int32]int{}, map[string]int{}
			}
			for _, tw := range vecs[i] {
				groupDF[it.group][tw.term]++
			}
			for _, nm := range nameSets[i] {
				groupNames[it.group][nm]++
			}
		}
		if objN[it.objective] >= minTemplateDF {
			if objDF[it.objective] == nil {
				objDF[it.objective] = map[int32]int{}
			}
			for _, tw := range vecs[i] {
				objDF[it.objective][tw.term]++
			}
		}
	}
	isTemplate := func(i int, t int32) bool {
		g, o := items[i].group, items[i].objective
		if d := groupDF[g][t]; d >= minTemplateDF && 3*d > groupN[g] {
			return true
		}
		d := objDF[o][t]
		return objN[o] >= minTemplateDF && 2*d > objN[o]
	}
	templateName := func(i int, nm string) bool {
		g := items[i].group
		d := groupNames[g][nm]
		return d >= minTemplateDF && 3*d > groupN[g]
	}
	template := make([][]bool, n) // parallel to vecs
	for i, v := range vecs {
		template[i] = make([]bool, len(v))
		for k := range v {
			t := v[k].term
			template[i][k] = isTemplate(i, t)
			w := (1 + math.Log(float64(v[k].w))) * math.Log(float64(n)/float64(voc.df[t]))
			if template[i][k] {
				w *= templateWeight
			}
			v[k].w = float32(w)
		}
		unit(v)
	}
	// The dictionary backwards, for the evidence.
	termNames := make([]string, len(voc.df))
	for t, id := range voc.ids {
		termNames[id] = t
	}

	var pairs []simPair
	candidates(vecs, voc.df, threshold, maxCandidateDF, func(x, y int) {
		if !distinct(x, y) {
			return
		}
		if s, _ := cosine(vecs[x], vecs[y]); s < threshold {
			return
		}
		var stem map[string]bool
		if items[x].group == items[y].group {
			stem = sharedStem(items[x].text, items[y].text)
		}
		type key struct {
			t string
			w float64
		}
		var keys []key
		var common []string
		var s float64
		a, b := vecs[x], vecs[y]
		for i, j := 0, 0; i < len(a) && j < len(b); {
			switch {
			case a[i].term < b[j].term:
				i++
			case a[i].term > b[j].term:
				j++
			default:
				t := termNames[a[i].term]
				if !stem[t] {
					w := float64(a[i].w) * float64(b[j].w)
					s += w
					if !template[x][i] && !template[y][j] {
						keys = append(keys, key{t, w})
					} else {
						common = append(common, surface(items[x].text, t))
					}
				}
				i++
				j++
			}
		}
		s = math.Round(math.Min(s, 1)*1000) / 1000
		if s < threshold {
			return
		}
		var shared []string
		for _, nm := range nameSets[x] {
			if contains(nameSets[y], nm) && !templateName(x, nm) && !templateName(y, nm) && !stemCovers(stem, nm) {
				shared = append(shared, nm)
			}
		}
		if len(keys) < minSharedTerms && len(shared) == 0 {
			return
		}
		sort.SliceStable(keys, func(i, j int) bool { return keys[i].w > keys[j].w })
		for _, k := range keys {
			shared = append(shared, surface(items[x].text, k.t))
		}
		evidence := strings.Join(shared, ", ")
		if len(common) > 0 {
			sort.Strings(common)
			evidence += " (also shared, but wording its document repeats: " + strings.Join(common, ", ") + ")"
		}
		pairs = append(pairs, simPair{a: x, b: y, score: s, terms: evidence})
	})
	return bestPairs(pairs, n)
}

// sharedStem lists the terms of the stem two texts of one document share:
// the words they both open with, when at least phraseLen ("Increase the
// number of adults in the region with skills, confidence and
// qualifications in" numeracy / literacy). An action says what it does
// last: a run they share at the end ("... a parent infant mental health
// service") is their substance. A term that the texts use after the stem
// as well stays.
func sharedStem(a, b string) map[string]bool {
	wa, wb := words(a), words(b)
	k := 0
	for k < len(wa) && k < len(wb) && wa[k] == wb[k] {
		k++
	}
	if k < phraseLen {
		return nil
	}
	out := map[string]bool{}
	for _, w := range wa[:k] {
		if t := term(w); t != "" {
			out[t] = true
		}
	}
	for _, rest := range [][]string{wa[k:], wb[k:]} {
		for _, w := range rest {
			delete(out, term(w))
		}
	}
	return out
}

// surface is the word of text that gave term t, as printed in lower case
// ("keynes" for "keyne").
func surface(text, t string) string {
	for _, w := range words(text) {
		if term(w) == t {
			return w
		}
	}
	return t
}

// stemCovers says whether every term of a name is in a shared stem.
func stemCovers(stem map[string]bool, name string) bool {
	if len(stem) == 0 {
		return false
	}
	for _, t := range strings.Fields(name) {
		if !stem[t] {
			return false
		}
	}
	return true
}

// repeatedPairs finds texts repeated: equal once normalised (words only,
// lower case), or near-identical: a cosine of at least RepeatThreshold over
// raw word counts, and besides one of
//   - a cosine of at least RepeatThreshold over term counts too;
//   - one text's terms all in the other (a text repeated with a clause
//     added: "Our Community Development Workers ... . These officers will
//     work with families ..." / "These officers will work with families
//     ...");
//   - at least minPassageTerms terms shared (a passage repeated with an
//     edit, not an item of a list).
//
// Texts that differ in a figure on both sides ("from September 2013, a
// minimum of 50 per cent" / "from September 2015, a minimum of 70 per
// cent") are two targets, not one text twice.
//
// Raw words alone would make the items of one template near-identical
// ("... qualifications in numeracy" / "... in literacy or ESOL", 0.90 over
// raw words; "Work together to address the problems of housing / of
// transport in the Region ...", 0.95), though they differ in what they are
// about (0.77 and 0.88 over terms). Each text must have at least
// minRepeatTerms terms. Pairs come out best first.
func repeatedPairs(texts []string, textWords [][]string) []simPair {
	n := len(texts)
	voc := &vocabulary{ids: map[string]int32{}}
	vecs := make([][]weight, n)
	content := make([][]weight, n)
	cvoc := &vocabulary{ids: map[string]int32{}}
	ok := make([]bool, n)
	keys := make([]string, n)
	first := map[string]int{}
	firstPair := map[int]int{} // first text → its pair in pairs
	var pairs []simPair
	for i := range texts {
		ws := textWords[i]
		keys[i] = strings.Join(ws, " ")
		ts := termsOf(ws)
		ok[i] = len(ts) >= minRepeatTerms
		vecs[i] = voc.counts(ws)
		unit(vecs[i])
		if !ok[i] {
			continue
		}
		content[i] = cvoc.counts(ts)
		unit(content[i])
		// One finding per text repeated: its first two places, and the
		// others listed (a form's instruction printed over every table is
		// one finding, not one per copy).
		if j, seen := first[keys[i]]; !seen {
			first[keys[i]] = i
		} else if k, paired := firstPair[j]; paired {
			pairs[k].more = append(pairs[k].more, i)
		} else {
			firstPair[j] = len(pairs)
			pairs = append(pairs, simPair{a: j, b: i, score: 1})
		}
	}
	index := make([][]weight, n) // only texts that can repeat propose pairs
	for i := range vecs {
		if ok[i] {
			index[i] = vecs[i]
		}
	}
	candidates(index, voc.df, RepeatThreshold, maxRepeatDF, func(x, y int) {
		if !ok[x] || !ok[y] || keys[x] == keys[y] {
			return // equal texts are paired above
		}
		s, _ := cosine(vecs[x], vecs[y])
		if s < RepeatThreshold {
			return
		}
		if newFigures(keys[x], keys[y]) {
			return // staged targets: "from September 2013, 50 per cent" / "2015, 70 per cent"
		}
		c, shared := cosine(content[x], content[y])
		if c >= RepeatThreshold || shared == len(content[x]) || shared == len(content[y]) || shared >= minPassageTerms {
			pairs = append(pairs, simPair{a: x, b: y, score: s})
		}
	})
	return bestPairs(pairs, n)
}

// newFigures says whether each of two texts (their words joined by
// spaces) has a number the other lacks.
func newFigures(a, b string) bool {
	na, nb := map[string]bool{}, map[string]bool{}
	for _, w := range strings.Fields(a) {
		if w[0] >= '0' && w[0] <= '9' {
			na[w] = true
		}
	}
	for _, w := range strings.Fields(b) {
		if w[0] >= '0' && w[0] <= '9' {
			nb[w] = true
		}
	}
	onlyA, onlyB := false, false
	for w := range na {
		onlyA = onlyA || !nb[w]
	}
	for w := range nb {
		onlyB = onlyB || !na[w]
	}
	return onlyA && onlyB
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

func dedupe(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// Overlap types.
const (
	overlapRepeated  = "repeated"
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
	shared string // pairs: the terms and names the two share (the evidence)
	detail string
}

// overlaps lists repeated texts and similar action pairs (each best
// first), then themes with
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
	// Texts repeated, in one document or two, whatever their leads.
	repeated := map[[2]int]bool{}
	textWords := make([][]string, len(texts))
	for i, t := range texts {
		textWords[i] = words(t)
	}
	// group joins the texts of one repeat (its first two places and the
	// further copies), so no two of them come back as similar actions.
	group := map[int]int{}
	join := func(x, y int) {
		gx, okx := group[x]
		gy, oky := group[y]
		switch {
		case !okx && !oky:
			group[x], group[y] = x, x
		case okx && !oky:
			group[y] = gx
		case !okx && oky:
			group[x] = gy
		case gx != gy:
			for k, g := range group {
				if g == gy {
					group[k] = gx
				}
			}
		}
	}
	for _, p := range repeatedPairs(texts, textWords) {
		repeated[[2]int{p.a, p.b}] = true
		join(p.a, p.b)
		for _, m := range p.more {
			join(p.a, m)
		}
		a, b := acts[p.a], acts[p.b]
		// "support online discussion and networking on these issues",
		// closing two work streams: words that point back to their
		// context say different things under different objectives.
		if backRef.MatchString(texts[p.a]) && len(textWords[p.a]) <= maxBackRefWords && a.action().Objective != b.action().Objective {
			continue
		}
		detail := "identical text"
		if len(p.more) > 0 {
			ids := make([]string, len(p.more))
			for k, m := range p.more {
				ids[k] = acts[m].id()
			}
			detail = fmt.Sprintf("identical text, %d times (also %s)", len(p.more)+2, listSome(ids, 5))
		}
		if p.score < 1 {
			detail = "near-identical text; " + wordDiff(texts[p.a], texts[p.b])
		}
		detail += "; " + pairPlace(a, b, leadKey[p.a] == leadKey[p.b])
		o := overlap{kind: overlapRepeated, score: p.score, theme: sharedThemes(*a.action(), *b.action()),
			a: &a, b: &b, shared: listSome(dedupe(terms(texts[p.a])), 12), detail: detail}
		if p.score == 1 {
			o.shared = "(the whole text)"
		}
		if !yield(o) {
			return
		}
	}

	// Similar in substance: different documents or different leads.
	items := make([]pairText, len(acts))
	docNo := map[*docView]int{}
	objNo := map[string]int{}
	for i, r := range acts {
		if _, ok := docNo[r.doc]; !ok {
			docNo[r.doc] = len(docNo)
		}
		obj := r.action().Objective
		k := fmt.Sprintf("%d\x00%s\x00%s", docNo[r.doc], codeKey(obj.Code), strings.ToLower(strings.TrimSpace(obj.Title)))
		if obj.Code == "" && strings.TrimSpace(obj.Title) == "" {
			k = fmt.Sprintf("action %d", i) // no objective: its own
		}
		if _, ok := objNo[k]; !ok {
			objNo[k] = len(objNo)
		}
		items[i] = pairText{text: texts[i], words: textWords[i], group: docNo[r.doc], objective: objNo[k]}
	}
	pairs := substancePairs(items, SimilarityThreshold, func(i, j int) bool {
		gi, oki := group[i]
		gj, okj := group[j]
		return !repeated[[2]int{i, j}] && !(oki && okj && gi == gj)
	})
	seenPair := map[string]bool{}
	for _, p := range pairs {
		a, b := acts[p.a], acts[p.b]
		// One finding per pair of wordings: a commitment each directorate
		// restates pairs with its neighbour once, not once per copy.
		pk := strings.Join(textWords[p.a], " ") + "\x00" + strings.Join(textWords[p.b], " ")
		if strings.Join(textWords[p.b], " ") < strings.Join(textWords[p.a], " ") {
			pk = strings.Join(textWords[p.b], " ") + "\x00" + strings.Join(textWords[p.a], " ")
		}
		if seenPair[pk] || strings.Join(textWords[p.a], " ") == strings.Join(textWords[p.b], " ") {
			continue
		}
		seenPair[pk] = true
		// Within one document the template is shared, so the substance
		// must be more: three key terms ("misuse, level, reduce"), not two
		// ("experience, outcomes").
		if a.doc == b.doc && substanceCount(p.terms, texts[p.a], texts[p.b]) < minSameDocTerms {
			continue
		}
		same := a.doc == b.doc && leadKey[p.a] == leadKey[p.b]
		// Two sentences printed one after the other under one owner are
		// one passage read as two actions, not the same work twice.
		if same && (p.b-p.a == 1 || p.a-p.b == 1) {
			continue
		}
		// Under one lead in one document, only the same work listed twice
		// ("Establish a robust parent infant mental health service" /
		// "Establishing and investing in a parent infant mental health
		// service") is a finding; related work of one owner is not.
		if same && (commonRun(termsOf(textWords[p.a]), termsOf(textWords[p.b])) < sameWorkRun ||
			newFigures(strings.Join(textWords[p.a], " "), strings.Join(textWords[p.b], " "))) {
			continue
		}
		theme := sharedThemes(*a.action(), *b.action())
		detail := pairPlace(a, b, same)
		if !yield(overlap{kind: overlapSimilar, score: p.score, theme: theme, a: &a, b: &b, shared: p.terms, detail: detail}) {
			return
		}
	}

	// Themes with several lead organisations within one region: at least
	// two actions under different leads (co-leads of one action are a
	// partnership, not an overlap).
	// Posts and internal teams count as the body they belong to: CPH, DPH
	// and the GET directorate are all Kent County Council, one lead.
	type key struct{ region, theme string }
	leads := map[key]map[string]int{}
	leadSets := map[key]map[string]bool{}
	through := map[key]map[string]map[string]bool{} // body → its posts named
	for _, r := range acts {
		names := orgNames(r.action().Leads, r.action().LeadOrgs)
		if len(names) == 0 {
			continue
		}
		var bodies []string
		posts := map[string]string{}
		for _, o := range names {
			b := ds.orgs.bodyOf(o)
			if b != o {
				posts[o] = b
			}
			if !slices.Contains(bodies, b) {
				bodies = append(bodies, b)
			}
		}
		sort.Strings(bodies)
		set := strings.ToLower(strings.Join(bodies, "\x00"))
		for _, t := range actionThemes(*r.action()) {
			k := key{r.doc.region, t}
			if leads[k] == nil {
				leads[k], leadSets[k], through[k] = map[string]int{}, map[string]bool{}, map[string]map[string]bool{}
			}
			leadSets[k][set] = true
			for _, b := range bodies {
				leads[k][b]++
			}
			for post, b := range posts {
				if through[k][b] == nil {
					through[k][b] = map[string]bool{}
				}
				through[k][b][post] = true
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
		detail := countList(leads[k], "action")
		bodies := make([]string, 0, len(through[k]))
		for b := range through[k] {
			bodies = append(bodies, b)
		}
		sort.Strings(bodies)
		for _, b := range bodies {
			detail += fmt.Sprintf("; %s through %s", b, listSome(sortedKeys(through[k][b]), 8))
		}
		if !yield(overlap{kind: overlapLeads, score: float64(len(leads[k])), theme: k.theme, region: k.region,
			detail: detail}) {
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
		// Source A links to action A's page (a row holds one link; Source
		// B names its file and page).
		sheet: sheetOverlaps, file: "overlaps.csv", name: "Overlaps", linkCol: 7, heatFrom: -1, n: -1,
		cols: []column{txt("Type", 30), {name: "Score", kind: kScore, width: 8}, wrap("Theme", 24),
			wrap("Region A", 24), txt("Action A", 30), wrap("Lead A", 30), wrap("Action A text", 60), txt("Source A", 40),
			wrap("Region B", 24), txt("Action B", 30), wrap("Lead B", 30), wrap("Action B text", 60), txt("Source B", 40),
			wrap("Shared terms", 40), wrap("Detail", 60)},
		rows: func(yield func(row) bool) {
			ds.overlaps(func(o overlap) bool {
				score := any(o.score)
				if o.kind != overlapSimilar && o.kind != overlapRepeated {
					score = int(o.score) // a count of organisations or regions
				}
				vals := []any{o.kind, score, o.theme}
				var link string
				var page int
				if o.a != nil {
					link, page = o.a.doc.link, o.a.action().Source.Page
					vals = append(vals, side(*o.a)...)
					vals = append(vals, side(*o.b)...)
				} else {
					vals = append(vals, o.region, nil, o.lead, nil, nil, nil, nil, nil, nil, nil)
				}
				vals = append(vals, o.shared, o.detail)
				return yield(row{vals: vals, link: link, page: page})
			})
		},
	}
}

// side is one action's columns in an Overlaps pair.
func side(r actionRef) []any {
	a := r.action()
	return []any{r.doc.region, r.id(), join(orgNames(a.Leads, a.LeadOrgs)), a.Text, source(r.doc.File, a.Source.Page)}
}

// pairPlace says where the two actions of a pair are.
func pairPlace(a, b actionRef, sameLead bool) string {
	switch {
	case a.doc != b.doc:
		return "different documents"
	case sameLead:
		return "same document, same lead"
	}
	return "same document, different leads"
}

// wordDiff names the words only one of two near-identical texts has.
func wordDiff(a, b string) string {
	wa, wb := map[string]int{}, map[string]int{}
	for _, w := range words(a) {
		wa[w]++
	}
	for _, w := range words(b) {
		wb[w]++
	}
	only := func(x, y map[string]int, text string) string {
		var out []string
		for _, w := range words(text) {
			if x[w] > y[w] {
				out = append(out, w)
				x[w]--
			}
		}
		if len(out) == 0 {
			return "-"
		}
		return strings.Join(out, " ")
	}
	return "only in A: " + only(wa, wb, a) + "; only in B: " + only(wb, wa, b)
}
