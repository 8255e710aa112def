package export

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/planmap/planmap/corpus"
	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/extract"
	"github.com/planmap/planmap/normalise"
)

// compareBatch extracts and normalises, in-process, the documents `make
// compare` reads (../shared/corpus and ../shared/bench/real-docs); files
// planmap cannot read are left out. It skips when they are missing.
//
// The batch is read once per test binary (several tests use it; reading
// it under -race takes minutes on a busy machine); each caller gets its
// own copy of the list.
func compareBatch(t *testing.T) []normalise.Document {
	t.Helper()
	if testing.Short() {
		t.Skip("extracts the compare corpus")
	}
	compareOnce.Do(func() { compareDocs, compareSkip = readCompareBatch(t) })
	if compareSkip != "" {
		t.Skip(compareSkip)
	}
	return append([]normalise.Document(nil), compareDocs...)
}

var (
	compareOnce sync.Once
	compareDocs []normalise.Document
	compareSkip string
)

func readCompareBatch(t *testing.T) ([]normalise.Document, string) {
	t.Helper()
	opt, err := normalise.LoadOptions("", "", "")
	if err != nil {
		t.Fatal(err)
	}
	shared := filepath.Join(corpustest.Root(t), "..", "shared")
	var paths []string
	for _, dir := range []string{"corpus", filepath.Join("bench", "real-docs")} {
		entries, err := os.ReadDir(filepath.Join(shared, dir))
		if err != nil {
			return nil, "no compare corpus: " + err.Error()
		}
		for _, e := range entries {
			if !e.IsDir() && !strings.HasSuffix(e.Name(), ".md") {
				paths = append(paths, filepath.Join(shared, dir, e.Name()))
			}
		}
	}
	sort.Strings(paths)
	var docs []normalise.Document
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		format := corpus.Identify(data)
		ldoc, err := extract.Extract(context.Background(), format, data, extract.Limits{})
		if err != nil {
			continue
		}
		d := normalise.Document{File: path, Name: normalise.DocumentName(path), Format: string(format),
			Size: int64(len(data)), Status: "ok", Pages: ldoc.Pages, Title: ldoc.Title}
		d.Plan = normalise.Normalise(ldoc, path, opt)
		docs = append(docs, d)
	}
	return docs, ""
}

// pairFindings lists the pair findings as "kind|idA~idB" → the finding.
func pairFindings(ds *dataset) map[string]overlap {
	out := map[string]overlap{}
	ds.overlaps(func(o overlap) bool {
		if o.a != nil {
			out[o.kind+"|"+o.a.id()+"~"+o.b.id()] = o
		}
		return true
	})
	return out
}

// TestOverlapsNamedCases holds the cases issue 15 names: template pairs
// are not similar actions, identical texts are repeated.
func TestOverlapsNamedCases(t *testing.T) {
	ds := newDataset(compareBatch(t), ".")
	found := pairFindings(ds)
	for k, o := range found {
		t.Logf("%s %.3f [%s] %s", k, o.score, o.shared, o.detail)
	}
	eoe := "east-of-england-regional-social-strategy-action-plan-2007-2010#"
	scot := "scotland-equal-communities-action-plan-2009-2011#"
	kent := "kent-cc_health-wellbeing-activity_appA_2025#"
	for _, p := range [][2]string{{eoe + "SO4.1", eoe + "SO4.2"}, {scot + "4", scot + "8"}, {scot + "2", scot + "8"},
		{scot + "2", scot + "4"}, {scot + "4", scot + "5"}} {
		for _, kind := range []string{overlapSimilar, overlapRepeated} {
			if o, ok := found[kind+"|"+p[0]+"~"+p[1]]; ok {
				t.Errorf("template pair reported: %s %s~%s [%s]", kind, p[0], p[1], o.shared)
			}
		}
	}
	// "Address levels of sickness absence", twice in one table of the
	// appendix (pages 80 and 82).
	var sickness []string
	for _, r := range ds.allActions() {
		if strings.HasPrefix(r.id(), kent) && r.action().Text == "Address levels of sickness absence" {
			sickness = append(sickness, r.id())
		}
	}
	if len(sickness) < 2 {
		t.Fatalf("appendix A's sickness absence rows: %q, want two", sickness)
	}
	for _, p := range [][2]string{
		{sickness[0], sickness[1]},
		{"ilkley_sustainability-plan_draft_2019#9", "ilkley_sustainability-plan_draft_2019#61"},
		{"kent-cc_family-hubs_eqia_2025#15", "kent-cc_family-hubs_eqia_2025#18"},
		{"kent-cc_family-hubs_eqia_2025#25", "kent-cc_family-hubs_eqia_2025#28"},
	} {
		if _, ok := found[overlapRepeated+"|"+p[0]+"~"+p[1]]; !ok {
			t.Errorf("repeated text not reported: %s~%s", p[0], p[1])
		}
	}
	appB := "kent-cc_ics-priorities-and-actions_appB_2025#"
	if _, ok := found[overlapSimilar+"|"+appB+"22~"+appB+"26"]; !ok {
		t.Errorf("the parent infant mental health service, twice in appendix B, is not reported")
	}
}
