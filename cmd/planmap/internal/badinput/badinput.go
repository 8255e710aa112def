// Package badinput makes the bad-input suite (testdata/bad): files that
// are empty, truncated, encrypted, scanned, hostile (a hang, a huge
// allocation, a stack overflow, a zip bomb, 100,000 nested elements) or
// merely awkward (an undeclared charset, invalid UTF-8), each with the
// status planmap must give it. Files are generated rather than stored
// where that is easier; the small ones are committed too, so the suite
// also runs from a plain checkout. The encrypted PDFs are made with qpdf
// and only committed, since qpdf output is not reproducible and CI may
// not have it.
package badinput

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/planmap/planmap/extract/layout"
)

// Case is one file of the suite and the statuses it may end with.
type Case struct {
	Name string
	// Want lists the acceptable statuses; more than one only where the
	// outcome honestly depends on the parser (see Why).
	Want []layout.Status
	Why  string
	// Make returns the content; nil for cases made otherwise (qpdf,
	// copies of samples, permissions).
	Make func() []byte
	// Local cases are too big or too odd to commit (see .gitignore): made
	// by Write with local=true and by the tests.
	Local bool
}

const (
	ok          = layout.StatusOK
	corrupt     = layout.StatusCorrupt
	encrypted   = layout.StatusEncrypted
	noText      = layout.StatusNoText
	unsupported = layout.StatusUnsupported
	tooLarge    = layout.StatusTooLarge
	timeout     = layout.StatusTimeout
	crashed     = layout.StatusCrashed
	duplicate   = layout.StatusDuplicate
	unreadable  = layout.StatusUnreadable
)

// Cases is the suite, in the order of the issue.
var Cases = []Case{
	{Name: "empty.pdf", Want: []layout.Status{corrupt}, Why: "zero bytes",
		Make: func() []byte { return []byte{} }},
	{Name: "truncated.pdf", Want: []layout.Status{corrupt}, Why: "a valid PDF cut at 60%: no trailer, no %%EOF",
		Make: func() []byte { b := validPDF(); return b[:len(b)*6/10] }},
	{Name: "garbage.pdf", Want: []layout.Status{unsupported}, Why: "random bytes with a .pdf name: the format comes from the content",
		Make: garbage},
	{Name: "encrypted-aes128.pdf", Want: []layout.Status{encrypted}, Why: "AES-128, user password 'secret'"},
	{Name: "encrypted-aes256.pdf", Want: []layout.Status{encrypted}, Why: "AES-256, user password 'secret'"},
	{Name: "encrypted-aes128-empty-password.pdf", Want: []layout.Status{ok},
		Why: "AES-128 with an empty user password (owner password only): readers open it without asking, so must we"},
	{Name: "encrypted-aes256-empty-password.pdf", Want: []layout.Status{ok, encrypted},
		Why: "AES-256 (revision 6) with an empty user password: ok where the PDF library implements revision 6, encrypted where it does not"},
	{Name: "image-only.pdf", Want: []layout.Status{noText}, Why: "a scan: one image, no text",
		Make: imageOnlyPDF},
	{Name: "hex-hang.pdf", Want: []layout.Status{timeout, corrupt, ok},
		Why:  "a content stream ending inside a hex string: the PDF library's lexer loops for ever (timeout) unless the extractor guards against it (corrupt, or ok with the text before it)",
		Make: hexHangPDF},
	{Name: "huge-size.pdf", Want: []layout.Status{crashed, corrupt},
		Why:  "an xref stream declaring 4 billion objects: the PDF library allocates ~100 GB and the worker dies (crashed) unless the extractor refuses it first (corrupt)",
		Make: hugeSizePDF},
	{Name: "outline-loop.pdf", Want: []layout.Status{ok, crashed},
		Why:  "an outline item that is its own child: a recursive walk overflows the stack (crashed); an extractor that does not read outlines reads the page (ok)",
		Make: outlineLoopPDF},
	{Name: "garbled-page.pdf", Want: []layout.Status{ok},
		Why:  "page 2 is set in a CID font with no ToUnicode map and no embedded font: ok for page 1, with the warning 'page 2: text layer looks garbled', and the summary counts it apart ('ok (1 with garbled pages)')",
		Make: func() []byte { return garbledPDF(false) }},
	{Name: "garbled-all.pdf", Want: []layout.Status{noText},
		Why:  "every page set in a CID font with no map: no readable text, never ok with garbage",
		Make: func() []byte { return garbledPDF(true) }},
	{Name: "no-document-xml.docx", Want: []layout.Status{corrupt}, Why: "a Word package without word/document.xml",
		Make: docxWithoutDocument},
	{Name: "zip-bomb.docx", Want: []layout.Status{tooLarge}, Why: "word/document.xml inflates ~1000 times (40 MB of spaces)",
		Make: zipBomb},
	{Name: "nested-divs.html", Want: []layout.Status{tooLarge}, Why: "100,000 nested <div> elements",
		Make: nestedDivs, Local: true},
	{Name: "windows-1252.html", Want: []layout.Status{ok}, Why: "windows-1252 bytes (é, curly quotes, £) and no declared charset",
		Make: windows1252},
	{Name: "invalid-utf8.txt", Want: []layout.Status{ok}, Why: "plain text with bytes that are not UTF-8",
		Make: invalidUTF8},
	{Name: "too-large.txt", Want: []layout.Status{tooLarge}, Why: "a 201 MB (sparse) file, over the 200 MB default --max-size",
		Local: true},
	{Name: "unreadable.txt", Want: []layout.Status{unreadable}, Why: "mode 000 (the test runs planmap as an ordinary user when it runs as root)",
		Local: true},
	{Name: "symlink-loop/plan.txt", Want: []layout.Status{ok}, Why: "a folder holding a link to itself (symlink-loop/again -> .): walked once, its file listed once",
		Make: loopPlan},
	{Name: "twin-a.txt", Want: []layout.Status{ok}, Why: "two identical files: the first is read",
		Make: twin},
	{Name: "twin-b.txt", Want: []layout.Status{duplicate}, Why: "two identical files: the second is a duplicate",
		Make: twin},
	{Name: "milton-keynes-tackling-social-exclusion.html", Want: []layout.Status{ok}, Why: "a valid sample (corpus/samples)"},
	{Name: "oxfordshire-executive-2005-03-15-social-inclusion.html", Want: []layout.Status{ok}, Why: "a valid sample (corpus/samples)"},
}

// Samples are the valid documents copied from corpus/samples.
var Samples = []string{
	"milton-keynes-tackling-social-exclusion.html",
	"oxfordshire-executive-2005-03-15-social-inclusion.html",
}

// Write makes the suite in dir: the generated files, copies of the
// samples (from samplesDir) and the symlink loop; with local, also the
// cases not committed (see WriteLocal). The encrypted PDFs are made with
// qpdf when it is installed and they are missing.
func Write(dir, samplesDir string, local bool) error {
	for _, c := range Cases {
		if c.Make == nil || c.Local {
			continue
		}
		path := filepath.Join(dir, c.Name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, c.Make(), 0o644); err != nil {
			return err
		}
	}
	for _, s := range Samples {
		b, err := os.ReadFile(filepath.Join(samplesDir, s))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, s), b, 0o644); err != nil {
			return err
		}
	}
	link := filepath.Join(dir, "symlink-loop", "again")
	if _, err := os.Lstat(link); err != nil {
		if err := os.Symlink(".", link); err != nil {
			return err
		}
	}
	if local {
		if err := WriteLocal(dir); err != nil {
			return err
		}
	}
	return encryptAll(dir)
}

// WriteLocal makes the cases that are not committed: a 500 KB HTML file,
// a sparse 201 MB file and a file nobody but root can read.
func WriteLocal(dir string) error {
	for _, c := range Cases {
		if !c.Local {
			continue
		}
		path := filepath.Join(dir, c.Name)
		switch {
		case c.Make != nil:
			if err := os.WriteFile(path, c.Make(), 0o644); err != nil {
				return err
			}
		case c.Name == "too-large.txt":
			if err := sparse(path, 201<<20); err != nil {
				return err
			}
		case c.Name == "unreadable.txt":
			os.Remove(path)
			if err := os.WriteFile(path, []byte("Action 1: you should not be able to read this.\n"), 0o000); err != nil {
				return err
			}
			if err := os.Chmod(path, 0o000); err != nil {
				return err
			}
		}
	}
	return nil
}

// encryptAll makes the encrypted PDFs with qpdf, when they are missing.
func encryptAll(dir string) error {
	src := filepath.Join(dir, ".plain.pdf")
	jobs := []struct {
		name string
		args []string
	}{
		{"encrypted-aes128.pdf", []string{"--encrypt", "secret", "owner", "128", "--use-aes=y", "--"}},
		{"encrypted-aes256.pdf", []string{"--encrypt", "secret", "owner", "256", "--"}},
		{"encrypted-aes128-empty-password.pdf", []string{"--encrypt", "", "owner", "128", "--use-aes=y", "--"}},
		{"encrypted-aes256-empty-password.pdf", []string{"--encrypt", "", "owner", "256", "--"}},
	}
	var missing []string
	for _, j := range jobs {
		if _, err := os.Stat(filepath.Join(dir, j.name)); err != nil {
			missing = append(missing, j.name)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	if _, err := exec.LookPath("qpdf"); err != nil {
		return fmt.Errorf("%s missing and qpdf is not installed to make them", strings.Join(missing, ", "))
	}
	if err := os.WriteFile(src, validPDF(), 0o644); err != nil {
		return err
	}
	defer os.Remove(src)
	for _, j := range jobs {
		out := filepath.Join(dir, j.name)
		if _, err := os.Stat(out); err == nil {
			continue
		}
		args := append(append([]string{}, j.args...), src, out)
		if b, err := exec.Command("qpdf", args...).CombinedOutput(); err != nil {
			return fmt.Errorf("qpdf %s: %v: %s", strings.Join(args, " "), err, b)
		}
	}
	return nil
}

func sparse(path string, size int64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := f.Truncate(size); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// garbage is 4 KB of seeded random bytes: binary, with NULs.
func garbage() []byte {
	r := rand.New(rand.NewPCG(2026, 11))
	b := make([]byte, 4096)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	b[10] = 0
	return b
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`

const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`

func zipOf(files ...[2]string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range files {
		w, err := zw.Create(f[0])
		if err != nil {
			panic(err) // writing to memory cannot fail
		}
		w.Write([]byte(f[1]))
	}
	zw.Close()
	return b.Bytes()
}

func docxWithoutDocument() []byte {
	return zipOf(
		[2]string{"[Content_Types].xml", contentTypes},
		[2]string{"_rels/.rels", rels},
		[2]string{"word/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`},
	)
}

func zipBomb() []byte {
	body := `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>` +
		strings.Repeat(" ", 40<<20) + `</w:t></w:r></w:p></w:body></w:document>`
	return zipOf(
		[2]string{"[Content_Types].xml", contentTypes},
		[2]string{"_rels/.rels", rels},
		[2]string{"word/document.xml", body},
	)
}

func nestedDivs() []byte {
	return []byte("<!DOCTYPE html><html><head><title>Deep</title></head><body>" +
		strings.Repeat("<div>", 100000) + "Action 1: too deep to matter</body></html>")
}

func windows1252() []byte {
	return []byte("<html><head><title>Caf\xe9 Action Plan</title></head><body>\n" +
		"<h1>Caf\xe9 Action Plan 2008\x962010</h1>\n" +
		"<p>\x93We will open a caf\xe9 for the community\x94 by Spring 2009, at a cost of \xa3100.</p>\n" +
		"</body></html>\n")
}

func invalidUTF8() []byte {
	return []byte("Community Action Plan\n\nObjective 1: improve access to advice \xff\xfe services\n" +
		"Action 1.1: open two advice centres by March 2009 \xc3( \xed\xa0\x80\n")
}

func loopPlan() []byte {
	return []byte("Plan in a folder with a symbolic link loop\n\nAction 1: walk every folder once.\n")
}

func twin() []byte {
	return []byte("Twin Action Plan\n\nAction 1: report identical files once.\n")
}
