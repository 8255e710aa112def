package export

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The review of every finding type (docs/accuracy.md): up to
// findingsPerType Gaps rows of each type and samplePerKind Overlaps rows of
// each kind, drawn with sampleSeed from the workbook of `make compare`,
// each read against its source and labelled in
// testdata/findings-labelled.csv (true, false or arguable, with a note).
// Rerun with
//
//	scripts/findings-sample.sh
//
// which writes the sheets as CSV and runs TestFindingsSample on them
// (PLANMAP_FINDINGS=folder holding gaps.csv and overlaps.csv).
const findingsPerType = 8

// findingLabel is one reviewed finding.
type findingLabel struct {
	key, label, note string
}

// findingKey names a finding the same way across runs: its sheet, type and
// the columns that say what it is about (not its score or wording).
func findingKey(sheet string, col map[string]int, r []string) string {
	get := func(h string) string {
		if i, ok := col[h]; ok && i < len(r) {
			return strings.Join(strings.Fields(r[i]), " ")
		}
		return ""
	}
	if sheet == "gaps" {
		subj := get("Subject")
		if len([]rune(subj)) > 80 {
			subj = string([]rune(subj)[:80])
		}
		return strings.Join([]string{"gaps", get("Type"), get("Region"), get("Document"), get("Action ID"), subj}, "|")
	}
	if get("Action A") == "" {
		return strings.Join([]string{"overlaps", get("Type"), get("Region A"), get("Theme")}, "|")
	}
	return strings.Join([]string{"overlaps", get("Type"), get("Action A"), get("Action B")}, "|")
}

func readFindingLabels(t *testing.T) map[string]findingLabel {
	t.Helper()
	_, recs := readCSVFile(t, filepath.Join("testdata", "findings-labelled.csv"))
	out := map[string]findingLabel{}
	for _, r := range recs {
		if len(r) < 3 {
			t.Fatalf("label row %q: want key,label,note", r)
		}
		l := findingLabel{r[0], r[1], r[2]}
		switch l.label {
		case "true", "false", "arguable":
		default:
			t.Fatalf("label %q of %s: want true, false or arguable", l.label, l.key)
		}
		out[l.key] = l
	}
	return out
}

// TestFindingLabels checks the labels file is well formed.
func TestFindingLabels(t *testing.T) {
	if len(readFindingLabels(t)) == 0 {
		t.Fatal("no labels")
	}
}

// TestFindingsSample samples the findings of every type (fixed seed),
// prints each with its evidence and label, and the share true per type.
func TestFindingsSample(t *testing.T) {
	dir := os.Getenv("PLANMAP_FINDINGS")
	if dir == "" {
		t.Skip("PLANMAP_FINDINGS=folder with gaps.csv and overlaps.csv not set (scripts/findings-sample.sh sets it)")
	}
	labels := readFindingLabels(t)
	var table, detail strings.Builder
	fmt.Fprintf(&table, "\n| sheet | type | findings | sampled | true | false | arguable | unlabelled | share true |\n|---|---|---|---|---|---|---|---|---|\n")
	for _, sheet := range []string{"gaps", "overlaps"} {
		col, recs := readCSVFile(t, filepath.Join(dir, sheet+".csv"))
		header := make([]string, len(col))
		for h, i := range col {
			header[i] = h
		}
		byType := map[string][][]string{}
		var types []string
		for _, r := range recs {
			k := r[col["Type"]]
			if byType[k] == nil {
				types = append(types, k)
			}
			byType[k] = append(byType[k], r)
		}
		sort.Strings(types)
		per := findingsPerType
		if sheet == "overlaps" {
			per = samplePerKind
		}
		for _, typ := range types {
			rows := byType[typ]
			sample := sampleOf(rows, typ, per)
			n := map[string]int{}
			for _, r := range sample {
				key := findingKey(sheet, col, r)
				l, ok := labels[key]
				label := "UNLABELLED"
				if ok {
					label = l.label + ": " + l.note
					n[l.label]++
				} else {
					n["unlabelled"]++
				}
				fmt.Fprintf(&detail, "\n%s\n", key)
				for i, h := range header {
					if i < len(r) && strings.TrimSpace(r[i]) != "" && h != "Type" {
						fmt.Fprintf(&detail, "  %s: %s\n", h, r[i])
					}
				}
				fmt.Fprintf(&detail, "  LABEL %s\n", label)
			}
			share := "-"
			if done := n["true"] + n["false"] + n["arguable"]; done > 0 {
				share = fmt.Sprintf("%.0f%%", 100*float64(n["true"])/float64(done))
			}
			fmt.Fprintf(&table, "| %s | %s | %d | %d | %d | %d | %d | %d | %s |\n", sheet, typ, len(rows), len(sample),
				n["true"], n["false"], n["arguable"], n["unlabelled"], share)
		}
	}
	t.Log(detail.String())
	t.Log(table.String())
}
