package store_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/planmap/planmap/corpus"
	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/export/store"
	"github.com/planmap/planmap/export/store/storetest"
	"github.com/planmap/planmap/extract"
	"github.com/planmap/planmap/normalise"
)

// read reads a sample as planmap extract does, to give the store real
// plans (objectives, milestones, organisations, themes).
func read(t *testing.T, path string) normalise.Document {
	t.Helper()
	in := corpus.Input{Path: path, Name: corpus.DocumentName(path)}
	data, err := corpus.Read(&in, 0)
	if err != nil {
		t.Fatal(err)
	}
	ldoc, err := extract.Extract(context.Background(), in.Format, data, extract.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return normalise.Document{File: path, Name: in.Name, ID: in.ID, Format: string(in.Format), Size: in.Size,
		Pages: ldoc.Pages, Title: ldoc.Title, Status: "ok", Plan: normalise.Normalise(ldoc, path, normalise.Options{})}
}

// stores are the databases every test runs on: SQLite always, PostgreSQL
// when it can be started.
func stores(t *testing.T) map[string]string {
	return map[string]string{
		"sqlite":   filepath.Join(t.TempDir(), "planmap.db"),
		"postgres": "", // started on demand, see open
	}
}

func open(t *testing.T, kind, dsn string) *store.Store {
	t.Helper()
	if kind == "postgres" {
		dsn = storetest.Postgres(t)
	}
	s, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestVersionsAndMissing follows two files through three imports: both
// new; one changed (a new version, the old one superseded); one gone
// (missing, and left out of the export). The plans come back whole.
func TestVersionsAndMissing(t *testing.T) {
	samples := filepath.Join(corpustest.Root(t), "corpus", "samples")
	mk := read(t, filepath.Join(samples, "milton-keynes-tackling-social-exclusion.html"))
	sc := read(t, filepath.Join(samples, "scotland-equal-communities-action-plan-2009-2011.html"))
	ox := read(t, filepath.Join(samples, "oxfordshire-executive-2005-03-15-social-inclusion.html"))
	// the files as a folder holds them; "b" later gets ox's content
	dir := t.TempDir()
	at := func(name string, d normalise.Document) normalise.Document {
		d.File = filepath.Join(dir, name+".html")
		d.Name = name
		again := *d.Plan
		d.Plan = &again
		return d
	}
	for kind, dsn := range stores(t) {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			s := open(t, kind, dsn)
			r := store.Reader{Version: "test", Options: "{}"}
			importAll := func(docs ...normalise.Document) []store.Change {
				im, err := s.BeginImport(ctx, r, []string{dir})
				if err != nil {
					t.Fatal(err)
				}
				var got []store.Change
				for i := range docs {
					ch, err := im.Record(ctx, i, &docs[i], true)
					if err != nil {
						t.Fatal(err)
					}
					got = append(got, ch)
				}
				if _, err := im.Finish(ctx, 0, 0, 0); err != nil {
					t.Fatal(err)
				}
				return got
			}
			a, b := at("a", mk), at("b", sc)
			if got := importAll(a, b); !reflect.DeepEqual(got, []store.Change{store.New, store.New}) {
				t.Fatalf("first import: %v", got)
			}
			b2 := at("b", ox)
			if got := importAll(a, b2); !reflect.DeepEqual(got, []store.Change{store.Unchanged, store.Changed}) {
				t.Fatalf("second import: %v, want unchanged, changed", got)
			}
			docs, err := s.Documents(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != 2 || docs[1].ID != ox.ID {
				t.Fatalf("after the change: %d documents, b is %s", len(docs), docs[1].ID)
			}
			want, _ := json.Marshal(b2.Plan)
			got, _ := json.Marshal(docs[1].Plan)
			if string(got) != string(want) {
				t.Errorf("the stored plan differs from the one read")
			}
			importAll(b2)
			docs, err = s.Documents(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != 1 || docs[0].File != b2.File {
				t.Fatalf("after a.html went: %d documents, want only b", len(docs))
			}
			counts := map[string]int{}
			st, err := s.Status(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range st {
				counts[c.What+" "+c.State] = c.N
			}
			if counts["files missing"] != 1 || counts["versions superseded"] != 1 || counts["readings stored"] != 3 {
				t.Errorf("status %v: want 1 missing file, 1 superseded version, 3 readings", counts)
			}
		})
	}
}

// TestMigrateTwice opens one store twice: the second open finds the
// schema current and changes nothing.
func TestMigrateTwice(t *testing.T) {
	dsn := filepath.Join(t.TempDir(), "x.db")
	for range 2 {
		s, err := store.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	if _, err := os.Stat(dsn); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkQueue: one job's trip through the queue on PostgreSQL —
// enqueue, claim, complete with a real plan (the East of England sample,
// 32 pages, 68 actions, 168 milestones) — to show how many documents
// a second one database serves before the readers (CPU) are the limit.
func BenchmarkQueue(b *testing.B) {
	path := filepath.Join(corpustest.Root(b), "corpus", "samples", "east-of-england-regional-social-strategy-action-plan-2007-2010.pdf")
	in := corpus.Input{Path: path, Name: corpus.DocumentName(path)}
	data, err := corpus.Read(&in, 0)
	if err != nil {
		b.Fatal(err)
	}
	ldoc, err := extract.Extract(context.Background(), in.Format, data, extract.Limits{})
	if err != nil {
		b.Fatal(err)
	}
	plan := normalise.Normalise(ldoc, path, normalise.Options{})
	ctx := context.Background()
	s, err := store.Open(ctx, storetest.Postgres(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	r := store.Reader{Version: "bench", Options: "{}"}
	b.ResetTimer()
	for i := range b.N {
		p := path + "#" + strconv.Itoa(i)
		hash := strconv.Itoa(i)
		if _, err := s.Enqueue(ctx, r, hash, p, string(in.Format), data); err != nil {
			b.Fatal(err)
		}
		j, _, err := s.Claim(ctx, r, "bench", time.Minute)
		if err != nil || j == nil {
			b.Fatal("claim", err)
		}
		d := normalise.Document{File: p, Name: in.Name, ID: hash, Format: string(in.Format), Size: in.Size, Status: "ok", Plan: plan}
		if err := s.Complete(ctx, j, "bench", &d, r); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(len(plan.Actions)), "actions/doc")
}
