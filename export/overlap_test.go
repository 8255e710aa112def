package export

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planmap/planmap/normalise"
)

// overlapDocs makes one document per list of texts; each text's lead is
// the part after "|" (none when absent), its objective the part after a
// second "|".
func overlapDocs(lists ...[]string) []normalise.Document {
	var docs []normalise.Document
	for d, texts := range lists {
		name := fmt.Sprintf("doc%d", d+1)
		p := &normalise.Plan{Document: name, Meta: normalise.Meta{Region: "Region " + name}}
		for i, t := range texts {
			parts := strings.Split(t, "|")
			a := normalise.Action{ID: fmt.Sprintf("%s#%d", name, i+1), Document: name, Text: parts[0]}
			if len(parts) > 1 && parts[1] != "" {
				a.Leads = []string{parts[1]}
			}
			if len(parts) > 2 {
				a.Objective = normalise.Objective{Code: parts[2]}
			}
			p.Actions = append(p.Actions, a)
		}
		docs = append(docs, normalise.Document{File: name + ".pdf", Name: name, ID: name, Format: "pdf", Status: "ok", Plan: p})
	}
	return docs
}

func pairsOf(docs []normalise.Document) map[string]overlap {
	return pairFindings(newDataset(docs, "."))
}

func keysOf(m map[string]overlap) []string {
	var out []string
	for k, o := range m {
		out = append(out, fmt.Sprintf("%s %.3f [%s] %s", k, o.score, o.shared, o.detail))
	}
	return out
}

// filler actions give the documents a realistic vocabulary, so that IDF
// means something.
var filler = []string{
	"Publish an annual report on fuel poverty among older households",
	"Map debt advice services in rural market towns",
	"Train community activists in tenant participation",
	"Open two new youth clubs in coastal districts",
	"Review transport links to hospitals for people without cars",
	"Commission research on hate crime reporting",
	"Set up a credit union in each district by 2009",
	"Audit play areas for disabled children",
}

func TestOverlapsTemplatePairsAreNotSimilar(t *testing.T) {
	// A list of items on one stem: numeracy and literacy share the stem,
	// not the substance.
	doc := append([]string{
		"Increase the number of adults in the region with skills, confidence and qualifications in numeracy|EESCP|SO4",
		"Increase the number of adults in the region with skills, confidence and qualifications in literacy or ESOL|LSC|SO4",
	}, filler...)
	if got := pairsOf(overlapDocs(doc, []string{"Open a food bank in every town", "Recruit volunteer drivers"})); len(got) > 0 {
		t.Errorf("stem pair reported: %q", keysOf(got))
	}
	// Wording a document repeats in most of its actions weighs little:
	// two workshop actions on different subjects are not similar.
	scot := []string{
		"hold three workshops to support Community Planning Partnerships to share practice on regeneration funding. We will publish and widely disseminate learning points and lessons learned.|SURF|Issue 2",
		"hold two workshops to support Community Planning Partnerships to share practice on profiling local poverty. We will publish and widely disseminate learning points and lessons learned.|SPIU|Issue 3",
		"manage action learning sets for Community Planning Partnerships on outcomes. We will publish and widely disseminate learning points and lessons learned.|IS|Issue 1",
		"manage an action learning set on multiple deprivation for Community Planning Partnerships. We will publish and widely disseminate learning points and lessons learned.|SURF|Issue 2",
		"hold study visits for Community Planning Partnerships on mainstreaming. We will publish and widely disseminate case studies and lessons learned.|SURF|Issue 2",
		"publish two briefing papers on financial inclusion|SPIU|Issue 3",
	}
	got := pairsOf(overlapDocs(append(scot, filler...)))
	for k := range got {
		if strings.HasPrefix(k, overlapSimilar) {
			t.Errorf("template pair reported: %q", keysOf(got))
		}
	}
}

func TestOverlapsSubstanceIsReported(t *testing.T) {
	a := append([]string{"Reduce self-harm and suicide|KCC"}, filler...)
	b := []string{"Reduce suicides and admissions for self-harm|ICB", "Deliver Smokefree Generation|CPH"}
	got := pairsOf(overlapDocs(a, b))
	o, ok := got[overlapSimilar+"|doc1#1~doc2#1"]
	if !ok {
		t.Fatalf("pair missing: %q", keysOf(got))
	}
	if o.shared == "" || !strings.Contains(o.shared, "suicide") || !strings.Contains(o.shared, "harm") {
		t.Errorf("shared terms = %q", o.shared)
	}
	if o.detail != "different documents" {
		t.Errorf("detail = %q", o.detail)
	}
}

func TestOverlapsRepeated(t *testing.T) {
	doc := append([]string{
		"Address levels of sickness absence",
		"Address levels of sickness absence", // the same lead (none): still reported
		"Use the + and - to expand the table", "Use the + and - to expand the table", "Use the + and - to expand the table",
		"From September 2013, a minimum of 50 per cent of staff in group settings should hold a full and relevant level 3 qualification|DfE",
		"From September 2015, a minimum of 70 per cent of staff in group settings should hold a full and relevant level 3 qualification|DfE",
		"These officers will work with families to ease the transition to the new centres",
		"Our workers will help. These officers will work with families to ease the transition to the new centres",
	}, filler...)
	got := pairsOf(overlapDocs(doc))
	want := map[string]string{
		overlapRepeated + "|doc1#1~doc1#2": "identical text; same document, same lead",
		overlapRepeated + "|doc1#3~doc1#4": "identical text, 3 times (also doc1#5); same document, same lead",
		overlapRepeated + "|doc1#8~doc1#9": "near-identical text; only in A: -; only in B: our workers will help; same document, same lead",
	}
	for k, d := range want {
		if o, ok := got[k]; !ok || o.detail != d {
			t.Errorf("%s: got %q, want %q\nall %q", k, o.detail, d, keysOf(got))
		}
	}
	for k := range got {
		if strings.Contains(k, "doc1#6") {
			t.Errorf("two staged targets reported as one text: %s", k)
		}
	}
	if len(got) != len(want) {
		t.Errorf("pairs %q", keysOf(got))
	}
}

func TestOverlapsSheetHasSharedTerms(t *testing.T) {
	ds := newDataset(overlapDocs(append([]string{"Reduce self-harm and suicide|KCC"}, filler...),
		[]string{"Reduce suicides and admissions for self-harm|ICB"}), ".")
	tb := ds.overlapsTable()
	col := -1
	for i, c := range tb.cols {
		if c.name == "Shared terms" {
			col = i
		}
	}
	if col < 0 {
		t.Fatal("no Shared terms column")
	}
	n := 0
	tb.rows(func(r row) bool {
		if r.vals[0] == overlapSimilar {
			n++
			if s, _ := r.vals[col].(string); !strings.Contains(s, "suicide") {
				t.Errorf("shared terms cell = %v", r.vals[col])
			}
		}
		if len(r.vals) != len(tb.cols) {
			t.Errorf("row of %d values for %d columns", len(r.vals), len(tb.cols))
		}
		return true
	})
	if n != 1 {
		t.Errorf("%d similar rows", n)
	}
}

func TestSharedStem(t *testing.T) {
	got := sharedStem("Increase the number of adults with qualifications in numeracy",
		"Increase the number of adults with qualifications in literacy")
	for _, w := range []string{"number", "adult", "qualification"} {
		if !got[w] {
			t.Errorf("%q not in stem %v", w, got)
		}
	}
	if got["numeracy"] || got["literacy"] {
		t.Errorf("stem %v holds the substance", got)
	}
	if s := sharedStem("Establish a robust parent infant mental health service",
		"Establishing and investing in a parent infant mental health service"); len(s) != 0 {
		t.Errorf("a shared ending is substance, not a stem: %v", s)
	}
}

func TestOverlapsRowLinksToSourceA(t *testing.T) {
	docs := overlapDocs(append([]string{"Reduce self-harm and suicide|KCC"}, filler...),
		[]string{"Reduce suicides and admissions for self-harm|ICB"})
	dir := t.TempDir()
	docs[0].File = filepath.Join(dir, "doc1.pdf")
	if err := os.WriteFile(docs[0].File, []byte("%PDF-1.4"), 0o644); err != nil {
		t.Fatal(err)
	}
	docs[0].Plan.Actions[0].Source = normalise.Source{File: docs[0].File, Page: 51}
	tb := newDataset(docs, dir).overlapsTable()
	if tb.cols[tb.linkCol].name != "Source A" {
		t.Fatalf("link column %q", tb.cols[tb.linkCol].name)
	}
	tb.rows(func(r row) bool {
		if r.vals[0] == overlapSimilar && (r.link == "" || r.page != 51) {
			t.Errorf("link %q page %d", r.link, r.page)
		}
		return true
	})
}
