package export

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The labelled set of Overlaps pairs (docs/overlaps.md): sampleSeed and
// samplePerKind pick the pairs; testdata/overlaps-labelled.csv holds the
// label of each pair read against its documents. Rerun the sample with
//
//	scripts/overlap-sample.sh
//
// which writes the Overlaps sheet as CSV and runs TestOverlapSample on it
// (PLANMAP_OVERLAPS=path/to/overlaps.csv).
const (
	sampleSeed    = 7
	samplePerKind = 12
)

// pairLabel is one labelled pair.
type pairLabel struct {
	kind, a, b, label, note string
}

func readLabels(t *testing.T) map[string]pairLabel {
	t.Helper()
	_, recs := readCSVFile(t, filepath.Join("testdata", "overlaps-labelled.csv"))
	out := map[string]pairLabel{}
	for _, r := range recs {
		l := pairLabel{r[0], r[1], r[2], r[3], r[4]}
		if l.label != "true" && l.label != "false" {
			t.Fatalf("label %q of %s~%s: want true or false", l.label, l.a, l.b)
		}
		out[l.kind+"|"+l.a+"~"+l.b] = l
	}
	return out
}

// TestOverlapLabels checks the labels file is well formed.
func TestOverlapLabels(t *testing.T) {
	if len(readLabels(t)) == 0 {
		t.Fatal("no labels")
	}
}

// TestOverlapSample samples up to samplePerKind pairs of each kind from an
// Overlaps CSV (fixed seed), prints each with both texts, its evidence and
// its label, and the precision per kind over the labelled sample.
func TestOverlapSample(t *testing.T) {
	path := os.Getenv("PLANMAP_OVERLAPS")
	if path == "" {
		t.Skip("PLANMAP_OVERLAPS=overlaps.csv not set (scripts/overlap-sample.sh sets it)")
	}
	col, recs := readCSVFile(t, path)
	byKind := map[string][][]string{}
	for _, r := range recs {
		if k := r[col["Type"]]; k == overlapRepeated || k == overlapSimilar {
			byKind[k] = append(byKind[k], r)
		}
	}
	labels := readLabels(t)
	var b strings.Builder
	fmt.Fprintf(&b, "\n| kind | pairs | sampled | true | false | unlabelled | precision | all pairs: true / false / unlabelled |\n|---|---|---|---|---|---|---|---|\n")
	var detail strings.Builder
	for _, kind := range []string{overlapRepeated, overlapSimilar} {
		rows := byKind[kind]
		all := [3]int{}
		for _, row := range rows {
			switch l, ok := labels[kind+"|"+row[col["Action A"]]+"~"+row[col["Action B"]]]; {
			case !ok:
				all[2]++
			case l.label == "true":
				all[0]++
			default:
				all[1]++
			}
		}
		sample := sampleOf(rows, kind, samplePerKind)
		sort.SliceStable(sample, func(i, j int) bool { return sample[i][col["Action A"]] < sample[j][col["Action A"]] })
		yes, no, unl := 0, 0, 0
		for _, row := range sample {
			a, bID := row[col["Action A"]], row[col["Action B"]]
			l, ok := labels[kind+"|"+a+"~"+bID]
			label := "UNLABELLED"
			switch {
			case !ok:
				unl++
			case l.label == "true":
				yes++
				label = "true: " + l.note
			default:
				no++
				label = "false: " + l.note
			}
			fmt.Fprintf(&detail, "\n%s %s  %s ~ %s\n  A (%s): %s\n  B (%s): %s\n  shared: %s\n  detail: %s\n  label: %s\n",
				kind, row[col["Score"]], a, bID, row[col["Source A"]], row[col["Action A text"]],
				row[col["Source B"]], row[col["Action B text"]], row[col["Shared terms"]], row[col["Detail"]], label)
		}
		prec := "-"
		if yes+no > 0 {
			prec = fmt.Sprintf("%.2f", float64(yes)/float64(yes+no))
		}
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d | %s | %d / %d / %d |\n", kind, len(rows), len(sample), yes, no, unl, prec,
			all[0], all[1], all[2])
	}
	t.Log(detail.String())
	t.Log(b.String())
}
