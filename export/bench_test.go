package export

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/planmap/planmap/normalise"
)

// syntheticBatch makes a batch of the size issue 6 asks the workbook to
// handle: nDocs documents in nRegions regions, nActions actions with three
// milestones each, texts drawn from a Zipf-distributed vocabulary so that
// similarity search meets realistic term frequencies.
func syntheticBatch(nDocs, nRegions, nActions int) []normalise.Document {
	r := rand.New(rand.NewPCG(1, 2))
	vocab := make([]string, 8000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%dx", i)
	}
	zipf := rand.NewZipf(r, 1.1, 2, uint64(len(vocab)-1))
	text := func(n int) string {
		words := make([]string, n)
		for i := range words {
			words[i] = vocab[zipf.Uint64()]
		}
		return strings.Join(words, " ")
	}
	themes := []string{"employment", "housing", "health", "education", "financial inclusion", "fuel poverty",
		"transport", "crime", "older people", "children and families", "disability", "race equality",
		"rural", "skills", "community"}
	orgs := make([]string, 300)
	for i := range orgs {
		orgs[i] = fmt.Sprintf("Organisation %03d", i)
	}
	docs := make([]normalise.Document, nDocs)
	per := nActions / nDocs
	for d := range docs {
		name := fmt.Sprintf("plan-%03d", d)
		file := filepath.Join("testdata", "bench", name+".pdf")
		p := &normalise.Plan{Document: name, Meta: normalise.Meta{Title: "Plan " + name,
			Region: fmt.Sprintf("Region %02d", d%nRegions), Published: due("2008", "2008-01-01", "2008-12-31")}}
		for i := 0; i < per; i++ {
			a := normalise.Action{
				ID: fmt.Sprintf("%s-%d", name, i+1), Document: name,
				Source:    normalise.Source{File: file, Page: 1 + i/20, Table: 1, Row: i%20 + 2},
				Objective: normalise.Objective{Code: fmt.Sprintf("SO%d", i%8+1), Title: "Objective " + text(6)},
				Ref:       fmt.Sprint(i + 1), Text: text(12 + r.IntN(20)),
				Outcomes: []string{text(8)},
				Leads:    []string{orgs[r.IntN(len(orgs))]}, Partners: []string{orgs[r.IntN(len(orgs))]},
				Themes: []string{themes[r.IntN(len(themes))]},
			}
			if r.IntN(10) == 0 {
				a.Leads = nil
			}
			for k := 0; k < 3; k++ {
				m := normalise.Milestone{Text: text(10 + r.IntN(10)), Due: due("Spring, 2009", "2009-03-01", "2009-05-31")}
				if r.IntN(20) == 0 {
					m.Due = normalise.Due{}
				}
				a.Milestones = append(a.Milestones, m)
			}
			p.Actions = append(p.Actions, a)
		}
		docs[d] = normalise.Document{File: file, Name: name, ID: name, Format: "pdf", Size: 1 << 20, Pages: per / 20,
			Title: p.Meta.Title, Status: "ok", Plan: p}
	}
	return docs
}

// BenchmarkWorkbook writes the workbook for 100,000 actions and 300,000
// milestones and reports the process's peak RSS. Run it alone for a clean
// peak (see docs/performance.md):
//
//	go test -run '^$' -bench 'Workbook$' -benchtime 1x ./export
//
// It writes under the soft memory limit planmap extract sets (LimitMemory).
func BenchmarkWorkbook(b *testing.B) {
	docs := syntheticBatch(100, 12, 100_000)
	dir := b.TempDir()
	input := peakRSS() // the batch itself, before any export
	defer LimitMemory()()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Write(filepath.Join(dir, "bench.xlsx"), docs); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if st, err := os.Stat(filepath.Join(dir, "bench.xlsx")); err == nil {
		b.ReportMetric(float64(st.Size())/(1<<20), "MB-file")
	}
	b.ReportMetric(input, "MB-RSS-input")
	b.ReportMetric(peakRSS(), "MB-peak-RSS")
}

// peakRSS is the process's peak resident set so far, in MB.
func peakRSS() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024
}

// BenchmarkJSONL writes the same batch as JSON Lines.
func BenchmarkJSONL(b *testing.B) {
	docs := syntheticBatch(100, 12, 100_000)
	dir := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Write(filepath.Join(dir, "bench.jsonl"), docs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWorkbook10k is BenchmarkWorkbook at a tenth of the size, for
// profiling.
func BenchmarkWorkbook10k(b *testing.B) {
	docs := syntheticBatch(20, 6, 10_000)
	dir := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Write(filepath.Join(dir, "bench.xlsx"), docs); err != nil {
			b.Fatal(err)
		}
	}
}
