package export

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planmap/planmap/corpus"
	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/extract"
	"github.com/planmap/planmap/normalise"
)

// realBatch extracts and normalises the bundled samples in-process, the
// way the pipeline does, into the Documents the exporters receive.
func realBatch(t *testing.T) []normalise.Document {
	t.Helper()
	opt, err := normalise.LoadOptions("", "", "")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(corpustest.Root(t), "corpus", "samples")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var docs []normalise.Document
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		format := corpus.Identify(data)
		d := normalise.Document{File: path, Name: normalise.DocumentName(path), Format: string(format), Size: int64(len(data))}
		ldoc, err := extract.Extract(context.Background(), format, data, extract.Limits{})
		if err != nil {
			d.Status, d.Error = "corrupt", err.Error()
			docs = append(docs, d)
			continue
		}
		d.Status, d.Pages, d.Title = "ok", ldoc.Pages, ldoc.Title
		d.Plan = normalise.Normalise(ldoc, path, opt)
		docs = append(docs, d)
	}
	return docs
}

// TestRealWorkbook writes the bundled samples as a workbook and as JSON
// Lines and checks the workbook against the JSON Lines.
func TestRealWorkbook(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts six documents")
	}
	docs := realBatch(t)
	out := t.TempDir()
	xlsx, jsonl := filepath.Join(out, "samples.xlsx"), filepath.Join(out, "samples.jsonl")
	if err := Write(xlsx, docs); err != nil {
		t.Fatal(err)
	}
	if err := Write(jsonl, docs); err != nil {
		t.Fatal(err)
	}
	actions, milestones := readJSONL(t, jsonl)
	// The gold counts 167 actions and 288 milestones over five documents;
	// the South East report is read twice (DOCX and PDF).
	if actions < 200 || milestones < 300 {
		t.Errorf("samples gave %d actions, %d milestones", actions, milestones)
	}
	f := checkWorkbook(t, xlsx, jsonl, len(docs))

	// Every input is on the Documents sheet with status ok, and the South
	// East report is analysed once.
	rows, _ := f.GetRows(sheetDocuments)
	analysed := map[string]int{}
	for _, r := range rows[1:] {
		if r[6] != "ok" {
			t.Errorf("%s: status %s %s", r[0], r[6], r[7])
		}
		if r[10] == "yes" {
			analysed[r[1]]++
		}
	}
	if len(analysed) != 5 {
		t.Errorf("analysed documents = %v", analysed)
	}
	for doc, n := range analysed {
		if n != 1 {
			t.Errorf("%s analysed %d times", doc, n)
		}
	}
	// Every action's themes come with their evidence, one line each.
	ar, _ := f.GetRows(sheetActions)
	ti, ei := columnIndex(actionColumns, "Themes"), columnIndex(actionColumns, "Theme evidence")
	for _, r := range ar[1:] {
		if len(r) <= ei {
			t.Fatalf("Actions row %q has no theme evidence", r[0])
		}
		themes, lines := strings.Split(r[ti], "; "), strings.Split(r[ei], "\n")
		if len(themes) != len(lines) {
			t.Errorf("%s: themes %q, evidence %q", r[0], themes, lines)
			continue
		}
		for i, l := range lines {
			if !strings.HasPrefix(l, themes[i]+": ") {
				t.Errorf("%s: evidence %q does not explain %q", r[0], l, themes[i])
			}
		}
	}
	// Real findings: three rows to compare at region level (East of
	// England; South East with Milton Keynes and Oxfordshire; Scotland, a
	// nation and a region), gaps of several types.
	rt, _ := f.GetRows(sheetRegionThemes)
	var regions []string
	for _, r := range rt[1:] {
		regions = append(regions, r[0])
	}
	if want := "East of England; Scotland; South East"; strings.Join(regions, "; ") != want {
		t.Errorf("Regions × Themes rows %q, want %q", strings.Join(regions, "; "), want)
	}
	gaps, _ := f.GetRows(sheetGaps)
	types := map[string]int{}
	for _, r := range gaps[1:] {
		types[r[0]]++
	}
	for _, kind := range []string{gapTheme, gapNoLead} {
		if types[kind] == 0 {
			t.Errorf("no %q gaps: %v", kind, types)
		}
	}
	// Every finding says why: the rule and what was looked at.
	ev := -1
	for i, h := range gaps[0] {
		if h == "Evidence" {
			ev = i
		}
	}
	if ev < 0 {
		t.Fatalf("Gaps has no Evidence column: %q", gaps[0])
	}
	for _, r := range gaps[1:] {
		if ev >= len(r) || strings.TrimSpace(r[ev]) == "" {
			t.Errorf("gap without evidence: %q", r)
			break
		}
		if r[0] == gapNoLead && !strings.Contains(r[ev], "lead") {
			t.Errorf("action without lead, evidence %q does not say what was looked for", r[ev])
		}
	}
}
