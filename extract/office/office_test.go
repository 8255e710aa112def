package office_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/planmap/planmap/corpus"
	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/extract"
	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/extract/layout/layouttest"
	"github.com/planmap/planmap/extract/office"
	"github.com/planmap/planmap/normalise"
	"github.com/planmap/planmap/normalise/eval/evaltest"
)

const southEast = "south-east-social-inclusion-partnership-report-2002-2003"

// needSoffice skips a test when LibreOffice is not installed.
func needSoffice(t *testing.T) string {
	t.Helper()
	prog, err := office.Find()
	if err != nil {
		t.Skipf("LibreOffice is not installed (%v): %s", err, office.Install)
	}
	if testing.Short() {
		t.Skip("converts with LibreOffice")
	}
	return prog
}

// saved keeps the conversions of the South East sample, so each is made
// once per test run (a LibreOffice start is seconds on a loaded machine).
var saved = struct {
	sync.Mutex
	m map[string][]byte
}{m: map[string][]byte{}}

// saveAs has LibreOffice save the bundled South East .docx as ext (doc,
// odt, rtf), with a private profile, and returns the new file's bytes.
func saveAs(t *testing.T, ext string) []byte {
	t.Helper()
	saved.Lock()
	defer saved.Unlock()
	if b, ok := saved.m[ext]; ok {
		return b
	}
	b := convertFile(t, corpustest.Sample(t, southEast+".docx"), ext)
	saved.m[ext] = b
	return b
}

// convertFile has LibreOffice save the file at src as ext.
func convertFile(t *testing.T, src, ext string) []byte {
	t.Helper()
	prog, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice is not on PATH")
	}
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, prog, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--convert-to", ext, "--outdir", dir, src)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to %s: %v\n%s", ext, err, out)
	}
	base := filepath.Base(src)
	data, err := os.ReadFile(filepath.Join(dir, strings.TrimSuffix(base, filepath.Ext(base))+"."+ext))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestSouthEastThroughLibreOffice: the South East report, saved by
// LibreOffice as .odt, Word 97-2003 .doc and .rtf (made fresh here), is
// identified by its content and read by the whole pipeline (.doc and .rtf
// converted back by LibreOffice in Extract) at action F1 ≥ 0.90 against
// the sample's gold; today all three give its 79 actions.
func TestSouthEastThroughLibreOffice(t *testing.T) {
	needSoffice(t)
	for _, c := range []struct {
		ext    string
		format layout.Format
	}{
		{"odt", layout.ODT},
		{"doc", layout.DOC},
		{"rtf", layout.RTF},
	} {
		t.Run(c.ext, func(t *testing.T) {
			data := saveAs(t, c.ext)
			if f := corpus.Identify(data); f != c.format {
				t.Fatalf("identified as %s, want %s", f, c.format)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			doc, err := extract.Extract(ctx, c.format, data, extract.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if err := layouttest.Validate(doc); err != nil {
				t.Fatal(err)
			}
			if doc.Format != c.format {
				t.Errorf("document format %s, want %s", doc.Format, c.format)
			}
			plan := normalise.Normalise(doc, southEast+"."+c.ext, normalise.Options{})
			if f1 := evaltest.SampleRow(t, plan).F1(); !f1.Defined || f1.Value < 0.9 {
				t.Errorf("action F1 %v, want ≥ 0.90", f1.Value)
			}
		})
	}
}

// TestConcurrentConversions: two conversions running at once each have their
// own profile, so none waits for or breaks another (with a shared
// profile, a second soffice hands its work to the first or fails on the
// lock).
func TestConcurrentConversions(t *testing.T) {
	needSoffice(t)
	rtf := saveAs(t, "rtf")
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			_, errs[i] = office.Convert(ctx, layout.RTF, rtf, office.Options{})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("conversion %d: %v", i, err)
		}
	}
}

// TestWithoutLibreOffice: without LibreOffice a .doc or .rtf is
// unsupported-format, and the error says what to install.
func TestWithoutLibreOffice(t *testing.T) {
	t.Setenv(office.EnvSoffice, filepath.Join(t.TempDir(), "no-soffice-here"))
	for _, f := range []layout.Format{layout.DOC, layout.RTF} {
		_, err := extract.Extract(context.Background(), f, []byte(`{\rtf1 Action 1}`), extract.Limits{})
		if layout.StatusOf(err) != layout.StatusUnsupported {
			t.Errorf("%s: %v, want unsupported-format", f, err)
		}
		if err == nil || !strings.Contains(err.Error(), "libreoffice-writer-nogui") || !strings.Contains(err.Error(), "not installed") {
			t.Errorf("%s: error %v does not say what to install", f, err)
		}
	}
}

// TestDamagedFiles: what LibreOffice cannot read is corrupt, with its
// reason.
func TestDamagedFiles(t *testing.T) {
	needSoffice(t)
	rtf := saveAs(t, "rtf")
	for _, c := range []struct {
		name, data, says string
	}{
		{"truncated.rtf", string(rtf[:len(rtf)/2]), "truncated"},
		{"unclosed.rtf", "{\\rtf1 \\ansi hello world", "truncated"},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		_, err := office.Convert(ctx, layout.RTF, []byte(c.data), office.Options{})
		cancel()
		if layout.StatusOf(err) != layout.StatusCorrupt || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: %v, want corrupt saying %q", c.name, err, c.says)
		}
	}
	// a compound file with a WordDocument stream that is not one: only
	// LibreOffice can tell
	fake := corpustest.CFB(corpustest.Stream{Name: "WordDocument", Data: make([]byte, 4096)})
	if f := corpus.Identify(fake); f != layout.DOC {
		t.Fatalf("identified as %s", f)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	_, err := office.Convert(ctx, layout.DOC, fake, office.Options{})
	if layout.StatusOf(err) != layout.StatusCorrupt || !strings.Contains(err.Error(), "LibreOffice could not read this Word 97-2003 (.doc) file") {
		t.Errorf("fake .doc: %v, want corrupt from LibreOffice", err)
	}
}

// notesRTF is a short plan in RTF with two footnotes, one cited from a
// table cell, and an endnote (\ftnalt), as a word processor writes them.
const notesRTF = `{\rtf1\ansi\deff0{\fonttbl{\f0 Times New Roman;}}
\pard Extend the warden scheme to three estates.{\super\chftn}{\footnote\pard\plain{\super\chftn} Subject to funding from the Neighbourhood Renewal Fund.}\par
\trowd\cellx4000\cellx8000
\pard\intbl Agree a data sharing protocol{\super\chftn}{\footnote\pard\plain{\super\chftn} Thames Valley Police and the Primary Care Trust.}\cell
\pard\intbl Community Safety Partnership\cell\row
\pard Review the scheme in 2010.{\super\chftn}{\footnote\ftnalt\pard\plain{\super\chftn} See the Annual Report 2009.}\par
}`

// TestNotesThroughLibreOffice: footnotes and endnotes written by
// LibreOffice are kept on the paragraph or table cell that cites them, in
// an .rtf read through LibreOffice (the ODT reader's notes) and in the
// .docx LibreOffice saves from it (the DOCX reader's).
func TestNotesThroughLibreOffice(t *testing.T) {
	needSoffice(t)
	src := filepath.Join(t.TempDir(), "notes.rtf")
	if err := os.WriteFile(src, []byte(notesRTF), 0o644); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"P  Extend the warden scheme to three estates.\n   note [1] Subject to funding from the Neighbourhood Renewal Fund.\n",
		"| Agree a data sharing protocol {note [2] Thames Valley Police and the Primary Care Trust.} | Community Safety Partnership |",
		"P  Review the scheme in 2010.\n   note [i] See the Annual Report 2009.\n",
	}
	for _, c := range []struct {
		format layout.Format
		data   []byte
	}{
		{layout.RTF, []byte(notesRTF)},
		{layout.DOCX, convertFile(t, src, "docx")},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		doc, err := extract.Extract(ctx, c.format, c.data, extract.Limits{})
		cancel()
		if err != nil {
			t.Fatalf("%s: %v", c.format, err)
		}
		got := layouttest.Dump(doc)
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: missing %q in\n%s", c.format, w, got)
			}
		}
	}
}

// TestTruncatedRTF: an RTF file cut short (groups left open) is corrupt
// before LibreOffice is started, with or without it; a whole one, with
// escaped braces and binary data that holds brace bytes, is not.
func TestTruncatedRTF(t *testing.T) {
	t.Setenv(office.EnvSoffice, filepath.Join(t.TempDir(), "no-soffice-here"))
	whole := "{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\pard Braces \\{ and \\} in text.{\\*\\blipuid {\\bin4 {{{{}}\\par}"
	for _, c := range []struct {
		name string
		data string
		want layout.Status
	}{
		{"whole", whole, layout.StatusUnsupported}, // reaches the converter, which is absent
		{"cut inside the body", whole[:len(whole)-8], layout.StatusCorrupt},
		{"cut inside the font table", whole[:20], layout.StatusCorrupt},
	} {
		_, err := office.Convert(context.Background(), layout.RTF, []byte(c.data), office.Options{})
		if layout.StatusOf(err) != c.want {
			t.Errorf("%s: %v, want %s", c.name, err, c.want)
		}
		if c.want == layout.StatusCorrupt && !strings.Contains(err.Error(), "truncated") {
			t.Errorf("%s: %v does not say truncated", c.name, err)
		}
	}
}

// FuzzRTFGroups: counting an RTF file's open groups never panics, however
// its \binN lengths lie.
func FuzzRTFGroups(f *testing.F) {
	f.Add([]byte(notesRTF))
	f.Add([]byte("{\\rtf1{\\bin99999999999999999999 x}"))
	f.Add([]byte("{\\rtf1{\\bin9223372036854775807 x}"))
	f.Add([]byte("{\\rtf1\\"))
	f.Fuzz(func(t *testing.T, data []byte) {
		office.OpenGroups(data)
	})
}
