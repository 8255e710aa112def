//go:build unix

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/planmap/planmap/cmd/planmap/internal/badinput"
	"github.com/planmap/planmap/extract/layout"
)

// suiteTimeout is --timeout in the end-to-end runs: short, so that the
// document that hangs costs seconds, but long enough that a sample never
// times out under -race on a loaded machine (5 s did, once).
const suiteTimeout = 15 * time.Second

// makeSuite copies the committed bad-input suite (testdata/bad) into a
// fresh folder and, with local, adds the cases that are not committed.
// (Copying is much faster than generating under the race detector; a test
// in package badinput checks that the committed files are what the
// generators make.)
func makeSuite(t *testing.T, local bool) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "bad")
	committed := filepath.Join(root(t), "testdata", "bad")
	isLocal := map[string]bool{}
	for _, c := range badinput.Cases {
		isLocal[c.Name] = c.Local
	}
	err := filepath.WalkDir(committed, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(committed, path)
		dst := filepath.Join(dir, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(dst, 0o755)
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(path)
			if err != nil {
				return err
			}
			return os.Symlink(target, dst)
		case isLocal[rel] || strings.HasPrefix(d.Name(), "."):
			return nil // made below, or not part of the suite
		}
		copyFile(t, path, dst)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if local {
		if err := badinput.WriteLocal(dir); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// docLine is one line of documents.jsonl, as far as these tests read it.
type docLine struct {
	File     string   `json:"file"`
	Status   string   `json:"status"`
	Error    string   `json:"error"`
	Title    string   `json:"title"`
	Actions  int      `json:"actions"`
	Warnings []string `json:"warnings"`
}

func readDocuments(t *testing.T, path string) []docLine {
	t.Helper()
	var out []docLine
	sc := bufio.NewScanner(bytes.NewReader(readFile(t, path)))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var d docLine
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("%s: %v in %q", path, err, sc.Text())
		}
		out = append(out, d)
	}
	return out
}

// actionFiles counts the actions of each source file in a JSONL output.
func actionFiles(t *testing.T, path string) map[string]int {
	t.Helper()
	n := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(readFile(t, path)))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var a struct {
			Source struct {
				File string `json:"file"`
			} `json:"source"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		n[a.Source.File]++
	}
	return n
}

// The done-when of issue 5: every bad input is processed in one run, the
// run ends, each file has the right status, the valid files are extracted
// normally, and planmap itself never dies.
func TestBadInputSuite(t *testing.T) {
	dir := makeSuite(t, true)
	cases := badinput.Cases
	if os.Geteuid() == 0 {
		// root reads a mode-000 file; TestUnreadableFile covers it as an
		// ordinary user
		os.Remove(filepath.Join(dir, "unreadable.txt"))
		cases = slices.DeleteFunc(slices.Clone(cases), func(c badinput.Case) bool { return c.Name == "unreadable.txt" })
	}
	// a document that hangs its parser whatever the parser's fixes
	if err := os.WriteFile(filepath.Join(dir, "hang.txt"), []byte("Action 1: "+hangMarker+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases = append(cases, badinput.Case{Name: "hang.txt", Want: []layout.Status{layout.StatusTimeout}, Why: "the test worker loops for ever on it"})
	out := filepath.Join(t.TempDir(), "out.jsonl")
	// a run that ends at all is the first guarantee: allow generous slack
	// over 2 × --timeout for a loaded machine before calling it a hang
	r := planmap(t, 2*suiteTimeout+time.Minute, "extract", "--timeout", suiteTimeout.String(), "-o", out, dir)
	t.Logf("planmap extract over %d bad inputs took %s (--timeout %s)\n%s", len(cases), r.elapsed.Round(10*time.Millisecond), suiteTimeout, r.stderr)
	if r.code != exitSomeFailed {
		t.Fatalf("exit code %d, want %d (some documents failed)", r.code, exitSomeFailed)
	}
	docs := readDocuments(t, filepath.Join(filepath.Dir(out), "documents.jsonl"))
	seen := map[string]docLine{}
	for _, d := range docs {
		if _, dup := seen[d.File]; dup {
			t.Errorf("%s listed twice in documents.jsonl", d.File)
		}
		seen[d.File] = d
	}
	if len(docs) != len(cases) {
		t.Errorf("documents.jsonl has %d lines, want one per case (%d)", len(docs), len(cases))
	}
	actions := actionFiles(t, out)
	for _, c := range cases {
		path := filepath.Join(dir, c.Name)
		d, ok := seen[path]
		if !ok {
			t.Errorf("%s: missing from documents.jsonl", c.Name)
			continue
		}
		if !slices.Contains(c.Want, layout.Status(d.Status)) {
			t.Errorf("%s: status %s (%s), want %v: %s", c.Name, d.Status, d.Error, c.Want, c.Why)
		}
		if d.Status != "ok" && d.Status != "duplicate" && d.Error == "" {
			t.Errorf("%s: status %s without a reason", c.Name, d.Status)
		}
		if d.Status != "ok" && actions[path] > 0 {
			t.Errorf("%s: status %s but %d actions in the output", c.Name, d.Status, actions[path])
		}
	}
	for _, s := range badinput.Samples {
		if n := actions[filepath.Join(dir, s)]; n == 0 {
			t.Errorf("valid sample %s gave no actions among the bad inputs", s)
		}
	}
	if d := seen[filepath.Join(dir, "windows-1252.html")]; d.Title != "Café Action Plan" {
		t.Errorf("windows-1252.html: title %q, want %q (decoded as windows-1252)", d.Title, "Café Action Plan")
	}
	if d := seen[filepath.Join(dir, "garbled-page.pdf")]; !slices.ContainsFunc(d.Warnings, func(w string) bool { return strings.HasPrefix(w, "page 2: "+layout.WarnGarbled) }) {
		t.Errorf("garbled-page.pdf: warnings %q, want page 2 garbled", d.Warnings)
	}
	if !strings.Contains(r.stderr, "with garbled pages)") || !strings.Contains(r.stderr, "garbled-page.pdf: page 2: ") {
		t.Errorf("the summary does not set the garbled document apart:\n%s", r.stderr)
	}
	if !strings.Contains(r.stderr, "symlink-loop/again") {
		t.Errorf("the skipped symbolic link loop is not mentioned:\n%s", r.stderr)
	}
	if !strings.Contains(r.stderr, "documents: ") || !strings.Contains(r.stderr, " actions, ") {
		t.Errorf("no summary line:\n%s", r.stderr)
	}
}

// TestUnreadableFile runs planmap as an ordinary user on a mode-000 file,
// since root reads any file.
func TestUnreadableFile(t *testing.T) {
	base := t.TempDir()
	exe := os.Args[0]
	args := []string{"extract", "-q", "-o"}
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		// an ordinary user needs a binary and folders it can reach
		for d := base; d != os.TempDir() && d != "/"; d = filepath.Dir(d) {
			os.Chmod(d, 0o755)
		}
		exe = filepath.Join(base, "planmap.test")
		copyFile(t, os.Args[0], exe)
		os.Chmod(exe, 0o755)
		cred = &syscall.Credential{Uid: 65534, Gid: 65534}
	}
	docs := filepath.Join(base, "docs")
	os.MkdirAll(docs, 0o755)
	os.WriteFile(filepath.Join(docs, "readable.txt"), []byte("Action 1: read me.\n"), 0o644)
	locked := filepath.Join(docs, "unreadable.txt")
	os.WriteFile(locked, []byte("Action 1: you cannot read me.\n"), 0o644)
	os.Chmod(locked, 0o000)
	outDir := filepath.Join(base, "out")
	os.MkdirAll(outDir, 0o777)
	os.Chmod(outDir, 0o777)
	out := filepath.Join(outDir, "out.jsonl")

	cmd := exec.Command(exe, append(args, out, docs)...)
	cmd.Env = append(os.Environ(), envCLI+"=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if cred != nil && err != nil && cmd.ProcessState == nil {
		t.Skipf("cannot run planmap as an ordinary user here (%v): the unreadable case needs a non-root reader", err)
	}
	if code := cmd.ProcessState.ExitCode(); code != exitSomeFailed {
		t.Fatalf("exit code %d, want %d; stderr:\n%s", code, exitSomeFailed, stderr.String())
	}
	got := map[string]string{}
	for _, d := range readDocuments(t, filepath.Join(outDir, "documents.jsonl")) {
		got[filepath.Base(d.File)] = d.Status + ": " + d.Error
	}
	if !strings.HasPrefix(got["unreadable.txt"], "unreadable: ") || !strings.Contains(got["unreadable.txt"], "permission denied") {
		t.Errorf("unreadable.txt: %q, want unreadable: permission denied", got["unreadable.txt"])
	}
	if !strings.HasPrefix(got["readable.txt"], "ok") {
		t.Errorf("readable.txt beside it: %q, want ok", got["readable.txt"])
	}
}

// Same inputs, byte-identical outputs, whatever the number of workers and
// whether parsing runs in worker processes or not.
func TestDeterministicWhateverTheWorkers(t *testing.T) {
	dir := makeSuite(t, false)
	os.Remove(filepath.Join(dir, "hex-hang.pdf")) // its timeout only costs time here
	samples := sampleInputs(t)
	extract := func(inputs []string, opts ...string) (actions, documents []byte) {
		out := filepath.Join(t.TempDir(), "out.jsonl")
		args := append(append([]string{"extract", "-q", "-o", out}, opts...), inputs...)
		r := planmap(t, 5*time.Minute, args...)
		if r.code != exitOK && r.code != exitSomeFailed {
			t.Fatalf("%v: exit code %d; stderr:\n%s", opts, r.code, r.stderr)
		}
		t.Logf("%v: %s", opts, r.elapsed)
		return readFile(t, out), readFile(t, filepath.Join(filepath.Dir(out), "documents.jsonl"))
	}
	a1, d1 := extract(append(samples, dir), "--workers", "1")
	if n := bytes.Count(a1, []byte("\n")); n < 20 {
		t.Fatalf("only %d actions from the samples: not a meaningful comparison", n)
	}
	a4, d4 := extract(append(samples, dir), "--workers", "4")
	if !bytes.Equal(a1, a4) || !bytes.Equal(d1, d4) {
		t.Errorf("--workers 4 output differs from --workers 1")
	}
	// one document and four workers: its pages are parsed in parallel
	if !raceBuild {
		pdf := filepath.Join(root(t), "corpus", "samples", "east-of-england-regional-social-strategy-action-plan-2007-2010.pdf")
		p1, _ := extract([]string{pdf}, "--workers", "1")
		p4, _ := extract([]string{pdf}, "--workers", "4")
		if !bytes.Equal(p1, p4) || len(p1) == 0 {
			t.Errorf("one PDF: --workers 4 (pages in parallel) output differs from --workers 1")
		}
	}
	// in-process parsing cannot survive the cases that kill a worker, so
	// compare it on the samples alone
	ai, di := extract(samples, "--workers", "2")
	an, dn := extract(samples, "--workers", "2", "--isolate", "none")
	if !bytes.Equal(ai, an) || !bytes.Equal(di, dn) {
		t.Errorf("--isolate none output differs from worker processes")
	}
}

// sampleInputs are the bundled sample documents, without the gold folder,
// and only the HTML ones under the race detector (which makes a PDF take
// a quarter of a minute).
func sampleInputs(t *testing.T) []string {
	t.Helper()
	all, err := filepath.Glob(filepath.Join(root(t), "corpus", "samples", "*.*"))
	if err != nil || len(all) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	var out []string
	for _, p := range all {
		if raceBuild && !strings.HasSuffix(p, ".html") {
			continue
		}
		out = append(out, p)
	}
	if raceBuild {
		t.Logf("race detector: only the HTML samples")
	}
	return out
}
