// Package odt reads OpenDocument text files (.odt, as LibreOffice and
// other office suites save them) into the layout model with archive/zip
// and encoding/xml: content.xml is walked as a token stream, never a whole
// tree.
//
// Headings are text:h with their outline level; paragraphs are text:p;
// lists (text:list, nested to any depth) become list items whose Level is
// their nesting depth and whose Marker is the number or bullet as printed,
// computed from the list style (prefix, format, suffix, start value,
// displayed levels; a bullet is always "•") with continued numbering
// honoured; headings are numbered by the outline style (heading
// numbering) the same way; a text:number the producer saved wins.
//
// Tables are full grids: table:number-columns-spanned and
// number-rows-spanned become spans, the table:covered-table-cell positions
// they hide are Covered, repeated cells and rows are repeated (capped, so a
// hostile count cannot explode memory), and the rows under
// table:table-header-rows count as HeaderRows. Inside a
// cell, each paragraph and each line (text:line-break) is a separate Para.
// Spans, text:s, text:tab and links read as text; notes, annotations,
// tracked deletions and frame captions are not body text.
//
// Pages: like a .docx, an .odt has no fixed pages. A block's page counts
// the text:soft-page-break marks the producer left where it last laid out
// pages; Document.Pages is the larger of that count and the page count
// saved in meta.xml.
//
// Title, author and the other properties come from meta.xml. Every part is
// inflated within Options' limits, as for DOCX; a password-protected file
// (its manifest declares encryption-data) is encrypted; a damaged one is
// corrupt; a panic is recovered and reported as corrupt.
package odt

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/planmap/planmap/extract/layout"
)

// Options limits what is read, so a zip bomb is refused.
type Options struct {
	MaxUnzipped int64   // total uncompressed bytes (0 = zippkg.DefaultMaxUnzipped)
	MaxEntries  int     // zip entries (0 = zippkg.DefaultMaxEntries)
	MaxRatio    float64 // uncompressed/compressed per entry (0 = zippkg.DefaultMaxRatio)
}

// Namespaces of ODF. A hostile or hand-made file may use the prefixes
// without declaring them; the lenient decoder then leaves the prefix as
// the space, which is accepted too.
const (
	nsOffice   = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	nsText     = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	nsTable    = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
	nsStyle    = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
	nsDraw     = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
	nsMeta     = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
	nsDC       = "http://purl.org/dc/elements/1.1/"
	nsSVG      = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
	textMime   = "application/vnd.oasis.opendocument.text"
	maxDepth   = 2000 // element nesting in content.xml; real documents stay under 50
	maxColumns = 256  // a table's width
	maxCells   = 2_000_000
)

func in(n xml.Name, ns, prefix string) bool { return n.Space == ns || n.Space == prefix }

// Extract reads one ODT document. Failures are *layout.Error: corrupt for
// a damaged package or one that is not a text document, too-large over a
// limit, encrypted for a password-protected file.
func Extract(data []byte, opt Options) (doc *layout.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, layout.Errorf(layout.StatusCorrupt, "ODT parser failed: %v", r)
		}
	}()
	opt = opt.withDefaults()
	p, err := openPackage(data, opt)
	if err != nil {
		return nil, err
	}
	manifest, err := p.Read("META-INF/manifest.xml")
	if err != nil {
		return nil, err
	}
	if manifest != nil && encrypted(manifest) {
		return nil, layout.Errorf(layout.StatusEncrypted, "password-protected OpenDocument text; remove the password and save again")
	}
	if mt, err := p.Read("mimetype"); err != nil {
		return nil, err
	} else if m := strings.TrimSpace(string(mt)); m != "" && !strings.HasPrefix(m, textMime) {
		return nil, layout.Errorf(layout.StatusUnsupported, "OpenDocument file of type %q, not a text document", m)
	}
	content, err := p.Read("content.xml")
	if err != nil {
		return nil, err
	}
	if content == nil {
		return nil, layout.Errorf(layout.StatusCorrupt, "not an OpenDocument text: no content.xml")
	}
	stylesXML, err := p.Read("styles.xml")
	if err != nil {
		return nil, err
	}
	st := newStyles()
	var warnings []string
	if stylesXML != nil {
		if err := st.parse(stylesXML); err != nil {
			warnings = append(warnings, fmt.Sprintf("styles.xml could not be read (%v): list numbers may be missing", err))
		}
	}
	_ = st.parse(content) // automatic styles; a broken body is reported below

	w := &walker{st: st, page: 1}
	if err := w.walk(newDecoder(content)); err != nil {
		return nil, corrupt("content.xml", err)
	}
	if !w.sawText {
		return nil, layout.Errorf(layout.StatusCorrupt, "content.xml has no office:text body: not an OpenDocument text")
	}
	doc = &layout.Document{Format: layout.ODT, Pages: w.page, Blocks: w.blocks, Meta: map[string]string{}, Warnings: warnings}
	if doc.Blocks == nil {
		doc.Blocks = []layout.Block{}
	}
	metaXML, err := p.Read("meta.xml")
	if err != nil {
		return nil, err
	}
	readMeta(metaXML, doc)
	if doc.Title == "" {
		for _, b := range doc.Blocks {
			if b.Kind == layout.Heading && b.Level == 1 {
				doc.Title = b.Text
				break
			}
		}
	}
	if len(doc.Meta) == 0 {
		doc.Meta = nil
	}
	return doc, nil
}

// readMeta fills the title and metadata from meta.xml. A broken meta.xml is
// ignored: it is not body text.
func readMeta(data []byte, doc *layout.Document) {
	if data == nil {
		return
	}
	keys := map[string]string{
		"creator": "author", "initial-creator": "initial-author", "subject": "subject",
		"description": "description", "language": "language", "generator": "producer",
		"creation-date": "created", "date": "modified", "keyword": "keywords",
	}
	d := newDecoder(data)
	for {
		tok, err := d.Token()
		if err != nil {
			return
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch {
		case se.Name.Local == "document-statistic":
			if n, err := strconv.Atoi(attr(se, "page-count")); err == nil && n > 0 {
				doc.Meta["saved-pages"] = strconv.Itoa(n)
				if n > doc.Pages && n < 100000 {
					doc.Pages = n
				}
			}
			if n, err := strconv.Atoi(attr(se, "word-count")); err == nil && n > 0 {
				doc.Meta["words"] = strconv.Itoa(n)
			}
		case se.Name.Local == "title" && in(se.Name, nsDC, "dc"):
			t, err := readText(d)
			if err != nil {
				return
			}
			doc.Title = layout.Clean(t)
		case keys[se.Name.Local] != "" && (in(se.Name, nsDC, "dc") || in(se.Name, nsMeta, "meta")):
			t, err := readText(d)
			if err != nil {
				return
			}
			k := keys[se.Name.Local]
			if t = layout.Clean(t); t != "" {
				if old := doc.Meta[k]; old != "" && k == "keywords" {
					t = old + ", " + t
				}
				doc.Meta[k] = t
			}
		}
	}
}

// newDecoder makes a lenient decoder: ODF parts are UTF-8, and a declared
// encoding is taken as already decoded.
func newDecoder(data []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	return d
}

// attr returns an attribute by its local name, whatever its namespace.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// intAttr reads a positive count attribute, def when absent or unparsable,
// never more than most.
func intAttr(se xml.StartElement, local string, def, most int) int {
	v := strings.TrimSpace(attr(se, local))
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		if len(v) > 9 && strings.Trim(v, "0123456789") == "" {
			return most // a huge number
		}
		return def
	}
	return max(1, min(n, most))
}

// readText returns the character data of the element just started,
// consuming it.
func readText(d *xml.Decoder) (string, error) {
	var sb strings.Builder
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return sb.String(), tokenErr(err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			sb.Write(t)
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return sb.String(), nil
			}
			depth--
		}
	}
}

func tokenErr(err error) error {
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	return err
}

// corrupt gives a parser error that carries no status the status corrupt,
// naming the part it came from.
func corrupt(part string, err error) error {
	var le *layout.Error
	if errors.As(err, &le) {
		return err
	}
	return layout.Errorf(layout.StatusCorrupt, "%s: %v", part, err)
}
