package export

import (
	"encoding/csv"
	"math/rand/v2"
	"os"
	"testing"
)

// readCSVFile reads a whole CSV file ('#' starts a comment line) and maps
// its header names to their columns.
func readCSVFile(t *testing.T, path string) (col map[string]int, rows [][]string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.Comment = '#'
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(recs) == 0 {
		t.Fatalf("%s: empty", path)
	}
	col = map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	return col, recs[1:]
}

// sampleOf draws up to n rows of one finding type with the review's seed;
// the type's length picks the stream, so adding a type moves no other
// type's sample.
func sampleOf(rows [][]string, typ string, n int) [][]string {
	r := rand.New(rand.NewPCG(sampleSeed, uint64(len(typ))))
	r.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
	return rows[:min(n, len(rows))]
}
