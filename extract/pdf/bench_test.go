package pdf

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/planmap/planmap/corpus/corpustest"
)

// realDocs loads ../shared/bench/real-docs/*.pdf, skipping when absent.
func realDocs(b *testing.B) (names []string, files [][]byte, pages int) {
	dir := corpustest.Shared(b, "bench/real-docs")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		r, err := open(data)
		if err != nil {
			b.Fatalf("%s: %v", p, err)
		}
		names = append(names, p)
		files = append(files, data)
		pages += r.NumPage()
	}
	if len(files) == 0 {
		b.Skip("no PDFs in bench/real-docs")
	}
	return names, files, pages
}

// BenchmarkLayoutRealDocs is the whole PDF layout step (glyphs, words,
// lines, rulings, tables, furniture, blocks, joined tables) on every real
// document, pages in parallel with 2 workers; it reports pages/s.
//
//	go test ./extract/pdf -run '^$' -bench LayoutRealDocs -benchtime 3x -cpu 2
func BenchmarkLayoutRealDocs(b *testing.B) {
	_, files, pages := realDocs(b)
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, data := range files {
			if _, err := Extract(context.Background(), data, Options{Workers: 2}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(pages*b.N)/(cpuTime()-cpu0).Seconds(), "pages/cpu-s")
}

// BenchmarkPagesOnlyRealDocs is the per-page stages without tables or
// blocks, one worker: the cost of our content-stream interpreter.
func BenchmarkPagesOnlyRealDocs(b *testing.B) {
	_, files, pages := realDocs(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, data := range files {
			r, err := open(data)
			if err != nil {
				b.Fatal(err)
			}
			dr := newDocReader(r)
			for n := 1; n <= len(dr.pages); n++ {
				if _, err := dr.page(n); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkPdftotextRealDocs runs `pdftotext -layout` (poppler, one core)
// on the same files in the same run, for scale.
func BenchmarkPdftotextRealDocs(b *testing.B) {
	names, _, pages := realDocs(b)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		b.Skip("pdftotext not installed")
	}
	b.ResetTimer()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		for _, p := range names {
			cmd := exec.Command("pdftotext", "-layout", p, os.DevNull)
			if err := cmd.Run(); err != nil {
				b.Fatal(err)
			}
			cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		}
	}
	b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(pages*b.N)/cpu.Seconds(), "pages/cpu-s")
}

// cpuTime is the CPU time this process has used, user and system: with
// other work on the machine it measures our cost better than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
