//go:build linux

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/export/store/storetest"
)

// The store's benchmarks (make bench; figures in docs/performance.md and
// docs/scale.md). Each runs planmap as its own process, as a user does.

// measured is a finished planmap process: its time and peak memory.
type measured struct {
	elapsed time.Duration
	maxRSS  int64 // KiB, as wait4 reports it for the process
	stderr  string
}

// timed runs planmap and fails the benchmark unless it exits 0 or 3.
func timed(b *testing.B, args ...string) measured {
	b.Helper()
	cmd := command(args...)
	var errb strings.Builder
	cmd.Stderr = &errb
	start := time.Now()
	err := cmd.Run()
	m := measured{elapsed: time.Since(start), stderr: errb.String()}
	if cmd.ProcessState == nil {
		b.Fatal(err)
	}
	if code := cmd.ProcessState.ExitCode(); code != exitOK && code != exitSomeFailed {
		b.Fatalf("planmap %s: exit %d\n%s", strings.Join(args, " "), code, m.stderr)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.maxRSS = ru.Maxrss
	}
	return m
}

// BenchmarkReimport: importing ../shared/corpus and bench/real-docs into a
// new store, then importing the same folders again (nothing changed).
func BenchmarkReimport(b *testing.B) {
	paths := []string{corpustest.Shared(b, "corpus"), corpustest.Shared(b, "bench/real-docs")}
	var first, again time.Duration
	for range b.N {
		dsn := filepath.Join(b.TempDir(), "planmap.db")
		first += timed(b, append([]string{"import", "-q", "--db", dsn}, paths...)...).elapsed
		again += timed(b, append([]string{"import", "-q", "--db", dsn}, paths...)...).elapsed
	}
	b.ReportMetric(first.Seconds()/float64(b.N), "first-s")
	b.ReportMetric(again.Seconds()/float64(b.N), "again-s")
	b.ReportMetric(100*again.Seconds()/first.Seconds(), "again-%")
}

// manyDocuments writes n documents made from the samples (HTML and PDF,
// quick to read): every eighth is an exact copy of the one before, the
// others differ by a comment at the end, as a folder of downloads holds
// re-saved copies.
func manyDocuments(b *testing.B, n int) string {
	b.Helper()
	var src []string
	for _, pat := range []string{"*.html", "*.pdf"} {
		m, _ := filepath.Glob(filepath.Join(corpustest.Root(b), "corpus", "samples", pat))
		src = append(src, m...)
	}
	dir := filepath.Join(b.TempDir(), "many")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	var prev []byte
	for i := range n {
		s := src[i%len(src)]
		data, err := os.ReadFile(s)
		if err != nil {
			b.Fatal(err)
		}
		ext := filepath.Ext(s)
		mark := "\n<!-- copy " + itoa(i) + " -->\n"
		if ext == ".pdf" {
			mark = "\n% copy " + itoa(i) + "\n"
		}
		data = append(data, mark...)
		if i%8 == 7 {
			data = prev
		}
		prev = data
		if err := os.WriteFile(filepath.Join(dir, itoa(i)+"-"+filepath.Base(s)), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// peakMB is the peak resident memory of a finished planmap process.
func peakMB(m measured) float64 { return float64(m.maxRSS) / 1024 }

// BenchmarkImportMemory: documents imported into a new store; the peak
// memory of the import process, beside extract's. 200 by default, to keep
// make bench within its time; PLANMAP_BENCH_DOCS=2000 is the figure in
// docs/performance.md (1,750 distinct; half an hour on two cores).
func BenchmarkImportMemory(b *testing.B) {
	n := 200
	if v := atoi(os.Getenv("PLANMAP_BENCH_DOCS")); v > 0 {
		n = v
	}
	dir := manyDocuments(b, n)
	for range b.N {
		dsn := filepath.Join(b.TempDir(), "planmap.db")
		imp := timed(b, "import", "-q", "--db", dsn, dir)
		ext := timed(b, "extract", "-q", "-o", filepath.Join(b.TempDir(), "out.xlsx"), dir)
		b.ReportMetric(peakMB(imp), "import-MB")
		b.ReportMetric(imp.elapsed.Seconds(), "import-s")
		b.ReportMetric(peakMB(ext), "extract-MB")
		b.ReportMetric(ext.elapsed.Seconds(), "extract-s")
	}
}

// BenchmarkWorkers: distinct PDFs queued in PostgreSQL and read by one
// worker, then (in a new database) by three at once; documents per second
// from the first worker's start to the last one's end. Each worker reads
// one document at a time (--workers 1). PLANMAP_BENCH_DOCS changes the
// count (24).
func BenchmarkWorkers(b *testing.B) {
	n := 24
	if v := atoi(os.Getenv("PLANMAP_BENCH_DOCS")); v > 0 {
		n = v
	}
	dir := distinctPDFs(b, n)
	for _, workers := range []int{1, 3} {
		b.Run(itoa(workers), func(b *testing.B) {
			var total time.Duration
			for range b.N {
				dsn := storetest.Postgres(b)
				timed(b, "import", "-q", "--enqueue", "--db", dsn, dir)
				start := time.Now()
				var wg sync.WaitGroup
				errs := make([]error, workers)
				for i := range workers {
					wg.Add(1)
					go func() {
						defer wg.Done()
						r, err := planmapE(30*time.Minute, "worker", "--db", dsn, "--until-idle", "--workers", "1")
						if err == nil && r.code != exitOK {
							err = fmt.Errorf("worker: exit %d\n%s", r.code, r.stderr)
						}
						errs[i] = err
					}()
				}
				wg.Wait()
				for _, err := range errs {
					if err != nil {
						b.Fatal(err)
					}
				}
				total += time.Since(start)
			}
			b.ReportMetric(float64(n*b.N)/total.Seconds(), "docs/s")
		})
	}
}
