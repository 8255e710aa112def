package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/planmap/planmap/extract/layout"
)

// Extract reads one PDF into the layout model: pages are parsed in
// parallel, tables found, page furniture set aside, paragraphs, headings
// and list items built in reading order, and tables that run over several
// pages joined into one.
func Extract(ctx context.Context, data []byte, opt Options) (doc *layout.Document, err error) {
	defer func() {
		if x := recover(); x != nil {
			doc, err = nil, layout.Errorf(layout.StatusCorrupt, "PDF layout failed: %v", x)
		}
	}()
	d, err := read(ctx, data, opt)
	if err != nil {
		return nil, err
	}
	doc = &layout.Document{Format: layout.PDF, Pages: d.numPages, Meta: d.meta}
	doc.Warnings = d.warnings
	free := map[int][]Line{}
	for _, p := range d.pages {
		if p.text != nil {
			free[p.text.Number] = bodyLines(p.text, p.tables)
		}
	}
	fur := findFurniture(d.pages, free)
	for k, v := range fur.meta {
		doc.Meta[k] = v
	}
	body := bodyStats(d.pages, free)
	var pbs []pblock
	for _, p := range d.pages {
		if p.text == nil {
			continue
		}
		var ls []Line
		for i, l := range free[p.text.Number] {
			if !fur.drop[p.text.Number][i] {
				ls = append(ls, l)
			}
		}
		pbs = append(pbs, pageBlocks(p.text, ls, p.tables, body)...)
	}
	assignHeadingLevels(pbs, body)
	pbs = joinAcrossPages(pbs)
	blocks := make([]layout.Block, len(pbs))
	for i, b := range pbs {
		blocks[i] = b.Block
	}
	doc.Blocks = joinTables(blocks, d.pageTables())
	doc.Title = d.title
	if doc.Title == "" {
		doc.Title = firstHeading(doc.Blocks)
	}
	if len(doc.Meta) == 0 {
		doc.Meta = nil
	}
	return doc, nil
}

// Tables returns every table found on the chosen pages, page by page, before
// tables that continue across pages are joined.
func Tables(ctx context.Context, data []byte, opt Options) ([]PageTable, error) {
	d, err := read(ctx, data, opt)
	if err != nil {
		return nil, err
	}
	var out []PageTable
	for _, p := range d.pages {
		out = append(out, p.tables...)
	}
	return out, nil
}

// pageResult is one page after the per-page stages.
type pageResult struct {
	n        int
	text     *pageText // without its glyphs, which only the page stages need
	glyphs   int
	tables   []PageTable
	err      error // the page could not be read
	tableErr error // the page was read but table finding failed
	garbled  bool  // the page's text is mostly characters no text holds
}

// docRead is what the parallel page stage hands to the document stages.
type docRead struct {
	numPages int
	pages    []pageResult
	title    string
	meta     map[string]string
	warnings []string
}

func (d *docRead) pageTables() map[*layout.Table]PageTable {
	m := map[*layout.Table]PageTable{}
	for _, p := range d.pages {
		for _, t := range p.tables {
			m[t.Table] = t
		}
	}
	return m
}

// open parses the file's cross-reference table, trying the empty user
// password as readers do; an encrypted file that needs a real password is
// StatusEncrypted.
func open(data []byte) (r *lpdf.Reader, err error) {
	defer func() {
		if x := recover(); x != nil {
			r, err = nil, layout.Errorf(layout.StatusCorrupt, "malformed PDF: %v", x)
		}
	}()
	r, err = lpdf.NewReaderEncrypted(bytes.NewReader(data), int64(len(data)), nil)
	if err != nil {
		msg := err.Error()
		if errors.Is(err, lpdf.ErrInvalidPassword) || strings.Contains(strings.ToLower(msg), "encrypt") {
			return nil, &layout.Error{Status: layout.StatusEncrypted, Err: err}
		}
		return nil, &layout.Error{Status: layout.StatusCorrupt, Err: err}
	}
	r.NumPage() // a broken trailer panics here, inside the recover
	return r, nil
}

// read runs the per-page stages on the chosen pages with opt.Workers
// goroutines, each with its own Reader (a Reader is not safe to share).
func read(ctx context.Context, data []byte, opt Options) (*docRead, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	r, data, repaired, err := openRepaired(data)
	if err != nil {
		return nil, err
	}
	dr := newDocReader(r)
	n := len(dr.pages)
	if n <= 0 {
		return nil, layout.Errorf(layout.StatusCorrupt, "no pages in the page tree")
	}
	if opt.MaxPages > 0 && n > opt.MaxPages {
		return nil, layout.Errorf(layout.StatusTooLarge, "%d pages, more than the limit of %d", n, opt.MaxPages)
	}
	pages := choosePages(opt.Pages, n)
	d := &docRead{numPages: n, meta: map[string]string{}}
	for _, note := range repaired {
		d.warnings = append(d.warnings, "damaged file repaired: "+note)
	}
	d.title, d.meta = info(r)
	d.pages = make([]pageResult, len(pages))
	workers := opt.Workers
	if workers < 1 {
		workers = 1
	}
	if workers > len(pages) {
		workers = len(pages)
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wr := dr
		if w > 0 {
			if r2, err := open(data); err == nil {
				wr = newDocReader(r2)
			} else {
				wr = nil
			}
		}
		wg.Add(1)
		go func(wr *docReader) {
			defer wg.Done()
			for i := range jobs {
				d.pages[i] = readOne(wr, pages[i])
			}
		}(wr)
	}
	canceled := false
	for i := range pages {
		if ctx.Err() != nil {
			canceled = true
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if canceled {
		return nil, &layout.Error{Status: layout.StatusTimeout, Err: ctx.Err()}
	}
	glyphs, failed, readable := 0, 0, 0
	lack := "" // why some font's text could not be read, for the error
	var firstErr *layout.Error
	for _, p := range d.pages {
		if p.tableErr != nil {
			d.warnings = append(d.warnings, fmt.Sprintf("page %d: %v", p.n, p.tableErr))
		}
		if p.err != nil {
			failed++
			d.warnings = append(d.warnings, fmt.Sprintf("page %d: %v", p.n, p.err))
			if firstErr == nil {
				firstErr = &layout.Error{Status: layout.StatusCorrupt, Page: p.n, Err: p.err}
			}
			continue
		}
		glyphs += p.glyphs
		if p.text != nil {
			fonts := make([]string, 0, len(p.text.Unmapped))
			for f := range p.text.Unmapped {
				fonts = append(fonts, f)
			}
			sort.Strings(fonts)
			for _, f := range fonts {
				if lack == "" {
					lack = ": font " + f
				}
				d.warnings = append(d.warnings, fmt.Sprintf("page %d: %d characters unreadable in font %s", p.n, p.text.Unmapped[f], f))
			}
		}
		if p.garbled {
			d.warnings = append(d.warnings, fmt.Sprintf("page %d: %s (mostly unmapped, control or private-use characters)", p.n, layout.WarnGarbled))
		} else if p.glyphs > 0 {
			readable++
		}
	}
	if failed == len(pages) && firstErr != nil {
		return nil, firstErr
	}
	if glyphs == 0 {
		return nil, &layout.Error{Status: layout.StatusNoText, Err: errors.New("no text layer (scanned?); OCR is not supported yet")}
	}
	if readable == 0 {
		return nil, &layout.Error{Status: layout.StatusNoText, Err: errors.New("the text layer is garbled on every page (fonts without a usable character map?)" + lack)}
	}
	return d, nil
}

// readOne reads one page and finds its tables; a panic anywhere in them
// costs that page only.
func readOne(dr *docReader, n int) (res pageResult) {
	res.n = n
	if dr == nil {
		res.err = errors.New("could not open a reader")
		return res
	}
	pt, err := dr.page(n)
	if err != nil {
		res.err = err
		return res
	}
	res.text = pt
	res.tables, res.tableErr = safeTables(pt)
	gs := pt.Glyphs
	for _, w := range rotatedWords(pt.Rotated) {
		gs = append(gs, Glyph{Text: w.Text})
	}
	res.glyphs = len(gs)
	res.garbled = garbled(gs)
	pt.Glyphs = nil // the largest part of a page; a long document keeps every page
	return res
}

func safeTables(pt *pageText) (ts []PageTable, err error) {
	defer func() {
		if x := recover(); x != nil {
			ts, err = nil, fmt.Errorf("table finding failed: %v", x)
			if debugPanics {
				fmt.Printf("findTables page %d: %v\n%s", pt.Number, x, debug.Stack())
			}
		}
	}()
	return findTables(pt), nil
}

// garbled reports whether a page's text is mostly characters that no
// text holds: U+FFFD (a code no map resolved), control characters and
// private-use glyphs, as a font without a usable ToUnicode map gives. A
// page needs 20 such characters or more, and more of them than of
// anything else but spaces.
func garbled(gs []Glyph) bool {
	bad, n := 0, 0
	for _, g := range gs {
		for _, r := range g.Text {
			switch {
			case unicode.IsSpace(r):
				continue
			case r == utf8.RuneError, unicode.IsControl(r), unicode.Is(unicode.Co, r):
				bad++
			}
			n++
		}
	}
	return bad >= 20 && bad*2 > n
}

// debugPanics prints recovered table-finder panics (tests flip it).
var debugPanics = false

// choosePages keeps the wanted pages that exist, in order, once each.
func choosePages(want []int, n int) []int {
	if len(want) == 0 {
		out := make([]int, n)
		for i := range out {
			out[i] = i + 1
		}
		return out
	}
	seen := map[int]bool{}
	var out []int
	for _, p := range want {
		if p >= 1 && p <= n && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	sort.Ints(out)
	return out
}

// info reads the title and the metadata from the Info dictionary.
func info(r *lpdf.Reader) (title string, meta map[string]string) {
	meta = map[string]string{}
	defer func() {
		if recover() != nil {
			title = ""
		}
	}()
	in := r.Trailer().Key("Info")
	if in.Kind() != lpdf.Dict {
		return "", meta
	}
	for key, name := range map[string]string{
		"Author": "author", "Producer": "producer", "Creator": "creator",
		"Subject": "subject", "Keywords": "keywords",
		"CreationDate": "created", "ModDate": "modified",
	} {
		v := layout.Clean(in.Key(key).Text())
		if strings.HasSuffix(key, "Date") {
			v = pdfDate(v)
		}
		if v != "" {
			meta[name] = v
		}
	}
	return cleanTitle(in.Key("Title").Text()), meta
}

// cleanTitle drops titles that are file names or producer boilerplate.
func cleanTitle(t string) string {
	t = layout.Clean(t)
	for _, p := range []string{"Microsoft Word - ", "Microsoft PowerPoint - ", "Microsoft Excel - "} {
		t = strings.TrimPrefix(t, p)
	}
	low := strings.ToLower(t)
	for _, ext := range []string{".doc", ".docx", ".pdf", ".ppt", ".pptx", ".xls", ".xlsx", ".indd", ".rtf"} {
		if strings.HasSuffix(low, ext) {
			return ""
		}
	}
	switch low {
	case "untitled", "title", "powerpoint presentation", "slide 1", "document", "presentation", "microsoft word document":
		return ""
	}
	if len([]rune(t)) < 3 {
		return ""
	}
	return t
}

// pdfDate turns "D:20160421103215+01'00'" into "2016-04-21T10:32:15";
// other text is returned as it is.
func pdfDate(s string) string {
	d := strings.TrimPrefix(s, "D:")
	digits := 0
	for digits < len(d) && d[digits] >= '0' && d[digits] <= '9' {
		digits++
	}
	switch {
	case digits >= 14:
		return fmt.Sprintf("%s-%s-%sT%s:%s:%s", d[0:4], d[4:6], d[6:8], d[8:10], d[10:12], d[12:14])
	case digits >= 8:
		return fmt.Sprintf("%s-%s-%s", d[0:4], d[4:6], d[6:8])
	case digits >= 4:
		return d[0:4]
	}
	return s
}

// firstHeading is the text of the first top-level heading, the title when
// the Info dictionary has none.
func firstHeading(bs []layout.Block) string {
	best := -1
	for i, b := range bs {
		if b.Kind != layout.Heading || b.Page > 2 {
			continue
		}
		if best < 0 || b.Level < bs[best].Level {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return bs[best].Text
}
