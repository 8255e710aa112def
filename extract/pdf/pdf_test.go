package pdf

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/extract/layout"
)

const eastOfEngland = "east-of-england-regional-social-strategy-action-plan-2007-2010.pdf"
const southEast = "south-east-social-inclusion-partnership-report-2002-2003.pdf"

func openPDF(t *testing.T, data []byte) *lpdf.Reader {
	t.Helper()
	r, err := open(data)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// allWords reads every page's words.
func allWords(t *testing.T, data []byte) map[string]int {
	t.Helper()
	r := openPDF(t, data)
	out := map[string]int{}
	for n := 1; n <= r.NumPage(); n++ {
		p, err := readPage(r, n)
		if err != nil {
			t.Fatalf("page %d: %v", n, err)
		}
		for _, w := range p.Words {
			out[w.Text]++
		}
	}
	return out
}

// pdftotextWords returns the words of `pdftotext -layout`, or nil when it
// is not installed.
func pdftotextWords(t *testing.T, path string) map[string]int {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return nil
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	m := map[string]int{}
	for _, w := range strings.Fields(string(out)) {
		m[w]++
	}
	return m
}

// compareWords checks our words against pdftotext's: words we have more
// often than pdftotext are broken or spurious ones.
func compareWords(t *testing.T, path string, maxExtra float64) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ours := allWords(t, data)
	theirs := pdftotextWords(t, path)
	if theirs == nil {
		t.Skip("pdftotext not installed")
	}
	extra, total := 0, 0
	var examples []string
	for w, c := range ours {
		total += c
		if d := c - theirs[w]; d > 0 {
			extra += d
			if len(examples) < 10 {
				examples = append(examples, w)
			}
		}
	}
	if float64(extra) > maxExtra*float64(total) {
		t.Errorf("%s: %d of %d words differ from pdftotext, e.g. %q", filepath.Base(path), extra, total, examples)
	}
}

// The library's Content() adds an 'S' or 'n' glyph after every TJ on
// LibreOffice PDFs; our interpreter must not.
func TestNoStrayGlyphsLibreOffice(t *testing.T) {
	for _, name := range []string{eastOfEngland, southEast} {
		t.Run(name, func(t *testing.T) {
			path := corpustest.Sample(t, name)
			data, _ := os.ReadFile(path)
			ours := allWords(t, data)
			theirs := pdftotextWords(t, path)
			for _, stray := range []string{"S", "n"} {
				if ours[stray] > theirs[stray] {
					t.Errorf("%d stray %q words (pdftotext has %d)", ours[stray], stray, theirs[stray])
				}
			}
			for w := range ours {
				if strings.HasSuffix(w, ".S") || strings.HasSuffix(w, ".n") {
					t.Errorf("word with a stray glyph: %q", w)
				}
			}
			compareWords(t, path, 0.002)
		})
	}
}

func TestWordsMatchPdftotextOnRealDocs(t *testing.T) {
	dir := corpustest.Shared(t, "bench/real-docs")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(paths) == 0 {
		t.Skip("no PDFs in bench/real-docs")
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) { compareWords(t, p, 0.002) })
	}
}

// The Acrobat-made AML plan draws newline glyphs inside words ("wi\nth").
func TestAMLNoBrokenWords(t *testing.T) {
	path := filepath.Join(corpustest.Shared(t, "bench/real-docs"), "hmg_aml-ctf-action-plan_2016.pdf")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ws := allWords(t, data)
	if ws["with"] < 20 {
		t.Errorf("\"with\" occurs %d times, want many", ws["with"])
	}
	for _, broken := range []string{"wi", "th", "wi\nth"} {
		if ws[broken] > 0 {
			t.Errorf("broken word %q occurs %d times", broken, ws[broken])
		}
	}
	for w := range ws {
		if strings.ContainsAny(w, "\n\r\t") {
			t.Errorf("control character in word %q", w)
		}
	}
}

func TestEastOfEnglandOneTable(t *testing.T) {
	data := corpustest.ReadSample(t, eastOfEngland)
	doc, err := Extract(context.Background(), data, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	var tables []*layout.Table
	var first layout.Block
	for _, b := range doc.Blocks {
		if b.Kind == layout.TableKind {
			if len(tables) == 0 {
				first = b
			}
			tables = append(tables, b.Table)
		}
	}
	if len(tables) != 1 {
		t.Fatalf("got %d tables, want one logical table", len(tables))
	}
	tb := tables[0]
	if tb.Columns != 5 {
		t.Errorf("columns = %d, want 5", tb.Columns)
	}
	if tb.HeaderRows < 1 {
		t.Errorf("HeaderRows = %d, want the header row counted", tb.HeaderRows)
	}
	grid := tb.Grid()
	header := strings.Join(grid[0], "|")
	for _, h := range []string{"Action", "Milestone", "Outcome", "Lead organisation"} {
		if !strings.Contains(header, h) {
			t.Errorf("header %q lacks %q", header, h)
		}
	}
	repeats := 0
	for _, row := range grid[1:] {
		if strings.Join(row, "|") == header {
			repeats++
		}
	}
	if repeats > 0 {
		t.Errorf("header row repeated %d times inside the joined table", repeats)
	}
	if first.Page != 2 || tb.Rows[len(tb.Rows)-1].Page != doc.Pages {
		t.Errorf("table runs from page %d to %d, want 2 to %d", first.Page, tb.Rows[len(tb.Rows)-1].Page, doc.Pages)
	}
	objectives := 0
	for _, row := range grid {
		if strings.HasPrefix(row[0], "SO") && strings.Contains(row[0], ":") {
			objectives++
			for _, c := range row[1:] {
				if c != "" {
					t.Errorf("objective row %q has text outside its spanning cell: %q", row[0], c)
				}
			}
		}
	}
	if objectives != 6 { // the file prints SO1-SO6 (so does pdftotext)
		t.Errorf("found %d objective rows, want SO1-SO6", objectives)
	}
	if !strings.Contains(strings.Join(grid[1], " "), "To tackle poverty and reduce income inequalities") {
		t.Errorf("first body row %q is not SO1", grid[1])
	}
	if doc.Title != "Regional Social Strategy – Action Plan 2007-2010" {
		t.Errorf("title %q", doc.Title)
	}
}

func TestSouthEastParagraphs(t *testing.T) {
	data := corpustest.ReadSample(t, southEast)
	doc, err := Extract(context.Background(), data, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	var headings []string
	markers := map[string]string{}
	for _, b := range doc.Blocks {
		switch b.Kind {
		case layout.Heading:
			headings = append(headings, b.Text)
		case layout.ListItem:
			markers[b.Marker] = b.Text
		}
	}
	for _, h := range []string{"Prioritising the Action Plan", "Summary of Achievements during the year"} {
		found := false
		for _, got := range headings {
			found = found || got == h
		}
		if !found {
			t.Errorf("heading %q not found among %q", h, headings)
		}
	}
	if got := markers["10."]; !strings.HasPrefix(got, "The Task Group therefore reviewed the action points") {
		t.Errorf("numbered paragraph 10. = %q", got)
	}
	if got := markers["18."]; !strings.HasPrefix(got, "In early 2003") {
		t.Errorf("numbered paragraph 18. = %q", got)
	}
}

func TestFurniture(t *testing.T) {
	path := filepath.Join(corpustest.Shared(t, "bench/real-docs"), "hmg_aml-ctf-action-plan_2016.pdf")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Extract(context.Background(), data, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	const running = "Action Plan for anti-money laundering and counter-terrorist finance"
	if !strings.Contains(doc.Meta["header"], running) {
		t.Errorf("Meta header = %q, want the running title", doc.Meta["header"])
	}
	for _, b := range doc.Blocks {
		if b.Page > 2 && b.Text == running {
			t.Errorf("running title left in the body on page %d", b.Page)
		}
		if b.Kind == layout.Paragraph && pageNumber.MatchString(b.Text) && b.Box != nil && b.Box.Y0 > 0.9*842 {
			t.Errorf("page number %q left in the body on page %d", b.Text, b.Page)
		}
	}
}

// Pages with /Rotate 90 from the pdf-tables benchmark read upright: the
// expected table's first row is found on one of our lines in order.
func TestRotatedPagesUpright(t *testing.T) {
	dir := corpustest.Shared(t, "bench/pdf-tables")
	var manifest struct {
		Cases []struct {
			ID, PDF, Expected string
			Page              int
			Tags              []string
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &manifest); err != nil {
		t.Fatal(err)
	}
	tested := 0
	for _, c := range manifest.Cases {
		if !strings.Contains(strings.Join(c.Tags, " "), "rotated") {
			continue
		}
		tested++
		t.Run(c.ID, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, c.PDF))
			if err != nil {
				t.Fatal(err)
			}
			p, err := readPage(openPDF(t, data), c.Page)
			if err != nil {
				t.Fatal(err)
			}
			var exp struct{ Rows [][]string }
			eb, _ := os.ReadFile(filepath.Join(dir, c.Expected))
			_ = json.Unmarshal(eb, &exp)
			// the longest expected cell's first three words appear in order on one line
			var cell string
			for _, row := range exp.Rows {
				for _, x := range row {
					if len(strings.Fields(x)) >= 3 && len(x) > len(cell) {
						cell = x
					}
				}
			}
			if cell == "" {
				t.Skip("no multi-word cell to look for")
			}
			want := strings.Join(strings.Fields(cell)[:3], " ")
			found := false
			for _, l := range p.Lines {
				if strings.Contains(lineText(l), want) {
					found = true
				}
			}
			if !found {
				t.Errorf("%q not found on any upright line", want)
			}
		})
	}
	if tested < 3 {
		t.Errorf("only %d rotated cases found", tested)
	}
}

func TestSynthRotationAndInlineImage(t *testing.T) {
	// text drawn running up the page, shown upright by /Rotate 90
	data := synthPDF("/Rotate 90", "BT /F1 12 Tf 0 1 -1 0 100 72 Tm (Hello world) Tj ET "+
		"q 10 0 0 10 300 300 cm BI /W 2 /H 2 /BPC 8 /CS /G ID \x00(\xff[\x10 EI Q "+
		"0.5 w 50 50 m 50 500 l S 0 0 612 792 re 1 g f 60 60 200 0.5 re 0 g f")
	r := openPDF(t, data)
	p, err := readPage(r, 1)
	if err != nil {
		t.Fatal(err)
	}
	if p.Width != 792 || p.Height != 612 {
		t.Errorf("upright size %vx%v, want 792x612", p.Width, p.Height)
	}
	if got := strings.Join(wordTexts(p.Words), " "); got != "Hello world" {
		t.Fatalf("words %q", got)
	}
	w := p.Words[0]
	if w.X0 != 72 || w.Base != 100 {
		t.Errorf("Hello at x=%v base=%v, want 72, 100", w.X0, w.Base)
	}
	// the stroked vertical line becomes horizontal; the white page fill is
	// dropped; the thin filled bar becomes a vertical ruling
	if len(p.Rulings) != 2 {
		t.Fatalf("rulings %+v, want 2", p.Rulings)
	}
	h, v := 0, 0
	for _, r := range p.Rulings {
		if r.Y0 == r.Y1 {
			h++
		}
		if r.X0 == r.X1 {
			v++
		}
	}
	if h != 1 || v != 1 {
		t.Errorf("rulings %+v, want one horizontal and one vertical", p.Rulings)
	}
}

func TestErrors(t *testing.T) {
	good := corpustest.ReadSample(t, eastOfEngland)
	cases := []struct {
		name string
		data []byte
		want layout.Status
	}{
		{"truncated", good[:len(good)/2], layout.StatusCorrupt},
		{"garbage", bytes.Repeat([]byte("garbage\x00\xff"), 100), layout.StatusCorrupt},
		{"header only", []byte("%PDF-1.4\n%%EOF\n"), layout.StatusCorrupt},
		{"empty", nil, layout.StatusCorrupt},
		{"scan: no text", synthPDF("", "0 0 m 100 100 l S q 100 0 0 100 0 0 cm Q"), layout.StatusNoText},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Extract(context.Background(), c.data, Options{Workers: 2})
			if err == nil {
				t.Fatalf("no error; %d blocks", len(doc.Blocks))
			}
			var le *layout.Error
			if !errors.As(err, &le) || le.Status != c.want {
				t.Errorf("error %v, want status %s", err, c.want)
			}
		})
	}
	if _, err := Extract(context.Background(), good, Options{MaxPages: 5}); layout.StatusOf(err) != layout.StatusTooLarge {
		t.Errorf("MaxPages: %v, want too-large", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Extract(ctx, good, Options{}); err == nil {
		t.Error("canceled context: no error")
	}
}

func TestPagesOption(t *testing.T) {
	data := corpustest.ReadSample(t, eastOfEngland)
	pts, err := Tables(context.Background(), data, Options{Pages: []int{3, 99, 3}, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(pts) == 0 {
		t.Fatal("no table on page 3")
	}
	for _, pt := range pts {
		if pt.Page != 3 {
			t.Errorf("table from page %d", pt.Page)
		}
	}
}

// Fixtures made with qpdf from page 1 of the East of England plan.
func TestEncrypted(t *testing.T) {
	cases := []struct {
		file string
		want layout.Status
	}{
		{"encrypted-user-password.pdf", layout.StatusEncrypted},    // needs "secret"
		{"encrypted-empty-user-password.pdf", layout.StatusOK},     // RC4, opens with ""
		{"encrypted-empty-user-password-aes.pdf", layout.StatusOK}, // AES-128, opens with ""
		{"encrypted-aes256.pdf", layout.StatusOK},                  // AES-256 (R6), opens with "": decrypted by planmap (decrypt.go)
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", c.file))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Extract(context.Background(), data, Options{})
			if got := layout.StatusOf(err); got != c.want {
				t.Fatalf("status %s (%v), want %s", got, err, c.want)
			}
			if err == nil && !strings.Contains(blockText(doc), "This action plan has been developed") {
				t.Errorf("decrypted text missing: %.200q", blockText(doc))
			}
		})
	}
}

func blockText(doc *layout.Document) string {
	var b strings.Builder
	for _, bl := range doc.Blocks {
		b.WriteString(bl.Text + "\n")
	}
	return b.String()
}

// A page the parser chokes on costs that page only: it becomes a warning
// carrying its page number.
func TestBadPageIsAWarning(t *testing.T) {
	data := synthPDF("", "BT /F1 12 Tf 72 700 Td (First page) Tj ET", "BT /F1 12 Tf 72 700 Td (Second page) Tj ET")
	// the second page's content stream (the last stream) in a filter no
	// reader knows (a wrong offset is no longer a bad page: the
	// cross-reference table is rebuilt)
	i := bytes.LastIndex(data, []byte("<< /Length"))
	bad := withClassicXref(t, append(append(append([]byte(nil), data[:i]...), "<< /Filter /NoSuchDecode /Length"...), data[i+len("<< /Length"):]...))
	doc, err := Extract(context.Background(), bad, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "page 2") {
		t.Errorf("warnings %q, want one for page 2", doc.Warnings)
	}
	if !strings.Contains(blockText(doc), "First page") {
		t.Errorf("page 1 lost: %q", blockText(doc))
	}
}

// Parallel reading changes nothing in the result.
func TestWorkersSameResult(t *testing.T) {
	data := corpustest.ReadSample(t, southEast)
	one, err := Extract(context.Background(), data, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	four, err := Extract(context.Background(), data, Options{Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(one)
	b, _ := json.Marshal(four)
	if !bytes.Equal(a, b) {
		t.Error("1 and 4 workers give different documents")
	}
}

// TestGarbledTextLayer: a font without a usable character map gives
// codes no text holds (U+FFFD, control characters). A page of them is a
// warning naming the page; a document with nothing else is no-text-layer,
// never ok with garbage.
func TestGarbledTextLayer(t *testing.T) {
	junk := "BT /F1 12 Tf 72 700 Td (" + strings.Repeat("\\001\\002\\003\\004\\005\\006 ", 8) + ") Tj ET"
	good := "BT /F1 12 Tf 72 700 Td (Objective 1: to tackle poverty and disadvantage) Tj ET"
	doc, err := Extract(context.Background(), synthPDF("", good, junk), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "page 2: text layer looks garbled") {
		t.Errorf("warnings %q, want page 2 garbled", doc.Warnings)
	}
	_, err = Extract(context.Background(), synthPDF("", junk, junk), Options{})
	if layout.StatusOf(err) != layout.StatusNoText || !strings.Contains(fmt.Sprint(err), "garbled") {
		t.Errorf("all pages garbled: %v, want no-text-layer", err)
	}
}
