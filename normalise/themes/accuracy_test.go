package themes_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/planmap/planmap/corpus"
	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/extract"
	"github.com/planmap/planmap/normalise"
	"github.com/planmap/planmap/normalise/themes"
)

// The labelled set (testdata/labelled-actions.csv, how it was labelled in
// docs/themes.md) scored against the real pipeline: each labelled action is
// found among the actions planmap extracts from its document, by its text,
// and its themes compared with the labels. The set is split in two halves
// by a hash of the text: "tune" (the rules were written looking at it) and
// "check" (not looked at while tuning).

type labelled struct {
	file, ref, text, objective, note string
	themes                           []string
}

func readLabelled(t *testing.T) []labelled {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "labelled-actions.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []labelled
	for _, r := range recs[1:] {
		l := labelled{file: r[0], ref: r[2], text: r[3], objective: r[4], note: r[6]}
		if r[5] != "none" {
			l.themes = strings.Split(r[5], ";")
		}
		out = append(out, l)
	}
	return out
}

// half puts an action in the "tune" or "check" half by a hash of its text.
func half(text string) string {
	h := fnv.New32a()
	h.Write([]byte(matchKey(text)))
	if h.Sum32()%2 == 0 {
		return "tune"
	}
	return "check"
}

func matchKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// sharedDoc finds a labelled file in ../shared/corpus or corpus-real/docs.
func sharedDoc(t *testing.T, file string) string {
	t.Helper()
	for _, dir := range []string{"corpus", "corpus-real/docs"} {
		p := filepath.Join(filepath.Dir(corpustest.Shared(t, "corpus")), dir, file)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Fatalf("labelled file %s not found in ../shared", file)
	return ""
}

type counts struct{ tp, fp, fn int }

func (c counts) precision() float64 { return ratio(c.tp, c.tp+c.fp) }
func (c counts) recall() float64    { return ratio(c.tp, c.tp+c.fn) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func TestThemeAccuracy(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline over 15 documents")
	}
	corpustest.Shared(t, "corpus-real/docs")
	rows := readLabelled(t)
	byFile := map[string][]labelled{}
	var files []string
	for _, l := range rows {
		if byFile[l.file] == nil {
			files = append(files, l.file)
		}
		byFile[l.file] = append(byFile[l.file], l)
	}
	// score[half][theme]
	score := map[string]map[string]*counts{"tune": {}, "check": {}, "all": {}}
	add := func(h, theme string, f func(*counts)) {
		for _, k := range []string{h, "all"} {
			c := score[k][theme]
			if c == nil {
				c = &counts{}
				score[k][theme] = c
			}
			f(c)
		}
	}
	matched, unmatched := 0, 0
	var misses []string
	for _, file := range files {
		path := sharedDoc(t, file)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := extract.Extract(context.Background(), corpus.Identify(data), data, extract.Limits{})
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		plan := normalise.Normalise(doc, path, normalise.Options{})
		byText := map[string]*normalise.Action{}
		for i := range plan.Actions {
			byText[matchKey(plan.Actions[i].Text)] = &plan.Actions[i]
		}
		for _, l := range byFile[file] {
			a := byText[matchKey(l.text)]
			if a == nil {
				unmatched++
				t.Logf("not extracted as labelled: %s %s %.60q", file, l.ref, l.text)
				continue
			}
			matched++
			h := half(l.text)
			want := map[string]bool{}
			for _, th := range l.themes {
				want[th] = true
			}
			got := map[string]bool{}
			for _, th := range a.Themes {
				if th != themes.Unclassified {
					got[th] = true
				}
			}
			for th := range want {
				if got[th] {
					add(h, th, func(c *counts) { c.tp++ })
				} else {
					add(h, th, func(c *counts) { c.fn++ })
					misses = append(misses, fmt.Sprintf("%s missed %-28s %s %s: %.90q %q", h, th, file, l.ref, l.text, a.ThemeRules))
				}
			}
			for th := range got {
				if !want[th] {
					add(h, th, func(c *counts) { c.fp++ })
					misses = append(misses, fmt.Sprintf("%s extra  %-28s %s %s: %.90q %q", h, th, file, l.ref, l.text, a.ThemeRules))
				}
			}
		}
	}
	sort.Strings(misses)
	for _, m := range misses {
		t.Log(m)
	}
	var names []string
	for th := range score["all"] {
		names = append(names, th)
	}
	sort.Strings(names)
	micro := func(h string) counts {
		var s counts
		for _, c := range score[h] {
			s.tp += c.tp
			s.fp += c.fp
			s.fn += c.fn
		}
		return s
	}
	cell := func(c *counts) string {
		if c == nil {
			return "– | – | –"
		}
		return fmt.Sprintf("%.2f | %.2f | %d", c.precision(), c.recall(), c.tp+c.fn)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n%d labelled actions matched, %d not extracted with the labelled text\n\n", matched, unmatched)
	b.WriteString("| theme | tune P | tune R | tune n | check P | check R | check n | all P | all R | all n |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|\n")
	for _, th := range names {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", th, cell(score["tune"][th]), cell(score["check"][th]), cell(score["all"][th]))
	}
	mt, mc, ma := micro("tune"), micro("check"), micro("all")
	fmt.Fprintf(&b, "| **micro overall** | %s | %s | %s |\n", cell(&mt), cell(&mc), cell(&ma))
	fmt.Fprintf(&b, "\nall: precision %.3f (%d of %d themes given are labelled), recall %.3f (%d of %d labelled themes given)\n",
		ma.precision(), ma.tp, ma.tp+ma.fp, ma.recall(), ma.tp, ma.tp+ma.fn)
	t.Log(b.String())

	if unmatched*10 > len(rows) {
		t.Errorf("%d of %d labelled actions not found in the extraction", unmatched, len(rows))
	}
	if p, r := ma.precision(), ma.recall(); p < 0.90 || r < 0.80 {
		t.Errorf("overall precision %.3f recall %.3f, want ≥ 0.90 and ≥ 0.80", p, r)
	}
	// No theme collapses: every theme with several labelled actions is
	// found often enough, and rarely given wrongly.
	for _, th := range names {
		c := score["all"][th]
		if c.tp+c.fn >= 5 && (c.precision() < 0.75 || c.recall() < 0.6) {
			t.Errorf("theme %q: precision %.2f recall %.2f (n=%d), want ≥ 0.75 and ≥ 0.60", th, c.precision(), c.recall(), c.tp+c.fn)
		}
	}
}
