// Package docx reads Word 2007+ (.docx) files into the layout model with
// archive/zip and encoding/xml: paragraphs in body order, heading styles,
// list numbering as printed, and tables with gridSpan/vMerge.
//
// Pages: a .docx has no fixed pages; Word lays them out when it opens the
// file. Block pages are therefore approximate: they count the explicit page
// breaks (w:br type="page", pageBreakBefore, section breaks) and the
// lastRenderedPageBreak marks Word leaves where it last broke pages, so a
// block's page is 1 plus the breaks before it. Document.Pages is the larger
// of that count and the page count the producer saved in docProps/app.xml.
//
// Word's own list numbering becomes each block's Marker ("12.", "a)", "•"),
// computed as Word prints it. Items whose letters are typed as text ("a) Extend
// membership ...", as in the South East plan) keep them in Text, as printed,
// exactly as the PDF of the same document reads; inside table cells their
// indent becomes Para.Level. Footnotes and endnotes are kept on the block or
// cell paragraph that cites them (layout.Note, see notes.go); comments,
// headers and footers are not body text and are not read.
//
// Every part is inflated within Options' limits, counting the bytes actually
// inflated, so a zip bomb is refused with StatusTooLarge instead of filling
// memory.
package docx

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/planmap/planmap/extract/layout"
)

// Options limits what is read, so a zip bomb is refused.
type Options struct {
	MaxUnzipped int64   // total uncompressed bytes (0 = DefaultMaxUnzipped)
	MaxEntries  int     // zip entries (0 = DefaultMaxEntries)
	MaxRatio    float64 // uncompressed/compressed per entry (0 = DefaultMaxRatio)
}

// wordMainTypes are the content types of a Word main document part.
var wordMainTypes = []string{
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
	"application/vnd.ms-word.document.macroEnabled.main+xml",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
	"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}

// Extract reads one DOCX document. Failures are *layout.Error: corrupt for
// a damaged or non-Word package, too-large over a limit, encrypted for a
// password-protected file, unsupported for a legacy .doc.
func Extract(data []byte, opt Options) (*layout.Document, error) {
	opt = opt.withDefaults()
	p, err := openPackage(data, opt)
	if err != nil {
		return nil, err
	}
	main, err := p.mainPart()
	if err != nil {
		return nil, err
	}
	docXML, err := p.Read(main)
	if err != nil {
		return nil, err
	}
	if docXML == nil {
		return nil, layout.Errorf(layout.StatusCorrupt, "not a Word document: no word/document.xml")
	}
	rels, err := p.rels(main)
	if err != nil {
		return nil, err
	}
	dir := main[:strings.LastIndex(main, "/")+1]
	stylesXML, err := p.Read(partOr(rels, "styles", dir+"styles.xml"))
	if err != nil {
		return nil, err
	}
	numberingXML, err := p.Read(partOr(rels, "numbering", dir+"numbering.xml"))
	if err != nil {
		return nil, err
	}

	var warnings []string
	st, err := parseStyles(stylesXML)
	if err != nil {
		warnings = append(warnings, fmt.Sprintf("styles.xml could not be read (%v): headings are read as paragraphs", err))
	}
	num, err := parseNumbering(numberingXML, st)
	if err != nil {
		warnings = append(warnings, fmt.Sprintf("numbering.xml could not be read (%v): list items have no numbers", err))
	}
	nt, err := p.readNotes(rels, dir)
	if err != nil {
		return nil, err
	}
	if nt.warning != "" {
		warnings = append(warnings, nt.warning)
	}
	b := &body{st: st, num: num, notes: nt.notes, page: 1, fresh: true}
	if err := b.walk(newDecoder(docXML)); err != nil {
		return nil, corrupt(main, err)
	}

	doc := &layout.Document{Format: layout.DOCX, Pages: b.page, Blocks: b.blocks, Meta: map[string]string{}, Warnings: warnings}
	if b.blocks == nil {
		doc.Blocks = []layout.Block{}
	}
	if err := p.readProperties(doc); err != nil {
		return nil, corrupt("docProps", err)
	}
	if doc.Title == "" {
		doc.Title = b.title
	}
	if doc.Title == "" {
		for _, blk := range doc.Blocks {
			if blk.Kind == layout.Heading && blk.Level == 1 {
				doc.Title = blk.Text
				break
			}
		}
	}
	if len(doc.Meta) == 0 {
		doc.Meta = nil
	}
	return doc, nil
}

// mainPart finds the main document part: the package relationship of type
// officeDocument, else a part whose content type is a Word main document,
// else word/document.xml.
func (p *pkg) mainPart() (string, error) {
	rels, err := p.rels("")
	if err != nil {
		return "", err
	}
	if target, ok := rels["officeDocument"]; ok && p.Has(target) {
		return target, nil
	}
	if p.Has("word/document.xml") {
		return "word/document.xml", nil
	}
	ct, err := p.Read("[Content_Types].xml")
	if err != nil {
		return "", err
	}
	var types struct {
		Overrides []struct {
			Part string `xml:"PartName,attr"`
			Type string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	if ct != nil && decodeXML(ct, &types) == nil {
		for _, o := range types.Overrides {
			for _, t := range wordMainTypes {
				if strings.EqualFold(o.Type, t) && p.Has(o.Part) {
					return strings.TrimPrefix(o.Part, "/"), nil
				}
			}
		}
	}
	return "", layout.Errorf(layout.StatusCorrupt, "not a Word document: no word/document.xml")
}

func partOr(rels map[string]string, kind, def string) string {
	if p, ok := rels[kind]; ok {
		return p
	}
	return def
}

// readProperties fills the title and metadata from docProps/core.xml and
// docProps/app.xml. Broken property parts are ignored: they are not body
// text.
func (p *pkg) readProperties(doc *layout.Document) error {
	rels, err := p.rels("")
	if err != nil {
		return err
	}
	core, err := p.Read(partOr(rels, "core-properties", "docProps/core.xml"))
	if err != nil {
		return err
	}
	if core != nil {
		var c struct {
			Title          string `xml:"title"`
			Subject        string `xml:"subject"`
			Creator        string `xml:"creator"`
			Description    string `xml:"description"`
			Language       string `xml:"language"`
			LastModifiedBy string `xml:"lastModifiedBy"`
			Created        string `xml:"created"`
			Modified       string `xml:"modified"`
			Keywords       string `xml:"keywords"`
		}
		if decodeXML(core, &c) == nil {
			doc.Title = layout.Clean(c.Title)
			for k, v := range map[string]string{
				"author": c.Creator, "subject": c.Subject, "description": c.Description,
				"language": c.Language, "last-modified-by": c.LastModifiedBy,
				"created": c.Created, "modified": c.Modified, "keywords": c.Keywords,
			} {
				if v = layout.Clean(v); v != "" {
					doc.Meta[k] = v
				}
			}
		}
	}
	app, err := p.Read(partOr(rels, "extended-properties", "docProps/app.xml"))
	if err != nil {
		return err
	}
	if app != nil {
		var a struct {
			Application string `xml:"Application"`
			Company     string `xml:"Company"`
			Pages       string `xml:"Pages"`
			Words       string `xml:"Words"`
		}
		if decodeXML(app, &a) == nil {
			for k, v := range map[string]string{
				"producer": a.Application, "company": a.Company, "saved-pages": a.Pages, "words": a.Words,
			} {
				if v = layout.Clean(v); v != "" {
					doc.Meta[k] = v
				}
			}
			if n, err := strconv.Atoi(strings.TrimSpace(a.Pages)); err == nil && n > doc.Pages && n < 100000 {
				doc.Pages = n
			}
		}
	}
	return nil
}

// corrupt gives a parser error that carries no status the status corrupt,
// naming the part it came from: every error Extract returns says what
// became of the document.
func corrupt(part string, err error) error {
	var le *layout.Error
	if errors.As(err, &le) {
		return err
	}
	return layout.Errorf(layout.StatusCorrupt, "%s: %v", part, err)
}
