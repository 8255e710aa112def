// Package html reads web pages and HTML exports into the layout model,
// dropping site chrome and honouring the declared character set.
//
// The steps are: decode the bytes to UTF-8 (charset.go), parse with
// golang.org/x/net/html, refuse trees that are too deep, remove site chrome
// such as navigation, cookie banners and breadcrumbs (chrome.go), choose the
// element that holds the document (root.go), and walk it into blocks
// (blocks.go, lists.go, table.go). Web pages have no pages, so every block
// has Page 0.
//
// Numbering, for normalise:
//   - <ol>/<ul> items are ListItem blocks; Marker is what a browser shows
//     ("1.", "b.", "iv.", "•" for every bullet), Level the list depth from 0.
//   - A numbered <ol> item that is only a short bold title (committee reports
//     number their section headings with the paragraphs) is a Heading that
//     keeps its list Marker ("13.") and counts in the list's numbering.
//   - A paragraph or heading whose text starts with a printed number ("2.1
//     The consultation …", "3. Current research …", "a) …") has that number
//     moved to Marker (see text.SplitMarker): Marker "2.1", Text "The
//     consultation …". "2.5 million" and "2009" are not numbers of this kind.
//   - Inside table cells nothing is split: a cell's text keeps its printed
//     numbers, as the PDF extractor's cells do; only <li> items in a cell
//     get a Marker (and Level) on their Para.
//   - A short paragraph that is wholly bold is a Heading one level below the
//     last real heading.
package html

import (
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/planmap/planmap/extract/layout"
)

// Options limits what is read.
type Options struct {
	MaxBytes int64 // refuse larger inputs (0 = no limit)
	// MaxDepth refuses deeper element nesting (0 = DefaultMaxDepth). The
	// HTML parser itself stops at 512 open elements, so a larger value
	// cannot admit deeper pages.
	MaxDepth int
}

// DefaultMaxDepth is the element nesting a page may have. Real pages stay
// well under 100; the parser's own limit is 512 open elements.
const DefaultMaxDepth = 512

// maxGridCells bounds the table positions one page may produce, so that a
// few cells with huge colspan/rowspan values cannot exhaust memory.
const maxGridCells = 1 << 20

// Extract reads one HTML document.
func Extract(data []byte, opt Options) (*layout.Document, error) {
	if opt.MaxBytes > 0 && int64(len(data)) > opt.MaxBytes {
		return nil, layout.Errorf(layout.StatusTooLarge, "HTML file is %d bytes, over the limit of %d", len(data), opt.MaxBytes)
	}
	maxDepth := opt.MaxDepth
	if maxDepth <= 0 {
		maxDepth = DefaultMaxDepth
	}
	dec := decode(data)
	root, err := xhtml.Parse(strings.NewReader(dec.text))
	if err != nil {
		// x/net/html refuses more than 512 open elements with this error;
		// it finds that quickly, without building the deep tree.
		if strings.Contains(err.Error(), "open stack of elements") {
			return nil, layout.Errorf(layout.StatusTooLarge, "HTML elements nested deeper than the parser's limit of 512")
		}
		return nil, layout.Errorf(layout.StatusCorrupt, "HTML parser: %v", err)
	}
	if d := depthOver(root, maxDepth); d > maxDepth {
		return nil, layout.Errorf(layout.StatusTooLarge, "HTML elements nested more than %d deep", maxDepth)
	}

	doc := &layout.Document{Format: layout.HTML, Meta: map[string]string{}}
	if dec.charset != "" {
		doc.Meta["charset"] = dec.charset
	}
	if dec.warning != "" {
		doc.Warnings = append(doc.Warnings, "charset: "+dec.warning)
	}
	gq := goquery.NewDocumentFromNode(root)
	readMeta(gq, doc)

	body := findBody(root)
	if body == nil {
		return doc, nil
	}
	removeChrome(body)
	content, sums := chooseRoot(body)
	if content != body {
		doc.Meta["content-root"] = describe(content)
	}

	b := newBuilder(sums)
	b.walk(content)
	b.flush()
	if b.err != nil {
		return nil, b.err
	}
	doc.Blocks = b.blocks
	doc.Warnings = append(doc.Warnings, b.warnings...)
	if doc.Title == "" {
		for _, blk := range doc.Blocks {
			if blk.Kind == layout.Heading && blk.Level == 1 {
				doc.Title = strings.TrimSpace(blk.Marker + " " + blk.Text)
				break
			}
		}
	}
	if len(doc.Meta) == 0 {
		doc.Meta = nil
	}
	return doc, nil
}

// depthOver returns the element depth of the tree, or a value above limit as
// soon as one branch goes deeper (without recursion).
func depthOver(root *xhtml.Node, limit int) int {
	type item struct {
		n *xhtml.Node
		d int
	}
	stack := []item{{root, 0}}
	deepest := 0
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.d > deepest {
			deepest = it.d
			if deepest > limit {
				return deepest
			}
		}
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == xhtml.ElementNode {
				stack = append(stack, item{c, it.d + 1})
			}
		}
	}
	return deepest
}

func findBody(n *xhtml.Node) *xhtml.Node {
	if n.Type == xhtml.ElementNode && n.DataAtom == atom.Body {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if b := findBody(c); b != nil {
			return b
		}
	}
	return nil
}

// describe names an element the way a CSS selector would ("div#content",
// "article.committee-report"), for the content-root note in Meta.
func describe(n *xhtml.Node) string {
	s := n.Data
	if id := attr(n, "id"); id != "" {
		s += "#" + id
	} else if cl := strings.Fields(attr(n, "class")); len(cl) > 0 {
		s += "." + cl[0]
	}
	return s
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *xhtml.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// intAttr reads an integer attribute the lenient way browsers do: leading
// digits count, anything after them is ignored.
func intAttr(n *xhtml.Node, key string) (int, bool) {
	v := strings.TrimSpace(attr(n, key))
	end := 0
	if end < len(v) && (v[end] == '-' || v[end] == '+') {
		end++
	}
	for end < len(v) && v[end] >= '0' && v[end] <= '9' && end < 10 {
		end++
	}
	i, err := strconv.Atoi(v[:end])
	if err != nil {
		return 0, false
	}
	return i, true
}
