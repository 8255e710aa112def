package docx

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"github.com/planmap/planmap/extract/layout"
)

// Footnotes and endnotes live in their own parts (word/footnotes.xml,
// word/endnotes.xml); the body cites them with w:footnoteReference and
// w:endnoteReference, by id. A plan's notes often hold what an action
// depends on ("subject to funding from the Neighbourhood Renewal Fund") or
// who a partner is, so each note is kept on the block (or table-cell
// paragraph) that cites it, as layout.Note, outside the block's text.
//
// The mark is the note's number as Word prints it: footnotes count 1, 2, 3
// and endnotes i, ii, iii (Word's defaults) in the order the body cites
// them; a reference with customMarkFollows prints the text that follows
// it instead (already in the block's text), so its mark is "".

// noteKind tells footnotes from endnotes.
type noteKind int

const (
	footnote noteKind = iota
	endnote
)

// notes holds the text of each note by kind and id, and the running
// numbers of the marks.
type notes struct {
	text  [2]map[string]string
	count [2]int
}

// readNotes parses a footnotes or endnotes part: the text of each
// w:footnote / w:endnote by id, paragraphs joined by a space. Separator
// notes (type separator, continuationSeparator, continuationNotice) are
// not notes. A part that cannot be parsed costs only its notes.
func readNotes(data []byte) (map[string]string, error) {
	out := map[string]string{}
	if data == nil {
		return out, nil
	}
	d := newDecoder(data)
	var (
		id    string
		in    bool
		sb    strings.Builder
		depth int
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			if depth > 0 {
				// cut short: keep what the open note holds so far
				if text := layout.Clean(sb.String()); in && id != "" && text != "" {
					out[id] = text
				}
				return out, errors.New("the part ends inside an element")
			}
			return out, nil
		}
		if err != nil {
			return out, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return out, layout.Errorf(layout.StatusTooLarge, "notes nest elements more than %d deep", maxDepth)
			}
			if !isW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "footnote", "endnote":
				typ, _ := attr(t, "type")
				in = typ == "" || typ == "normal"
				id, _ = attr(t, "id")
				sb.Reset()
			case "t":
				text, err := readText(d)
				depth--
				if err != nil {
					return out, err
				}
				if in {
					sb.WriteString(text)
				}
			case "tab", "br", "cr":
				if in {
					sb.WriteByte(' ')
				}
			case "del", "moveFrom", "instrText", "delText", "delInstrText", "rPrChange", "pPrChange":
				depth--
				if err := d.Skip(); err != nil {
					return out, err
				}
			}
		case xml.EndElement:
			depth--
			if !isW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "p":
				if in {
					sb.WriteByte(' ')
				}
			case "footnote", "endnote":
				if in && id != "" {
					if text := layout.Clean(sb.String()); text != "" {
						out[id] = text
					}
				}
				in = false
			}
		}
	}
}

// cite returns the note a reference element points at, with its mark;
// ok is false when the note has no text.
func (n *notes) cite(kind noteKind, t xml.StartElement) (layout.Note, bool) {
	if n == nil {
		return layout.Note{}, false
	}
	id, _ := attr(t, "id")
	text, ok := n.text[kind][id]
	if !ok {
		return layout.Note{}, false
	}
	if custom, _ := attr(t, "customMarkFollows"); custom == "1" || custom == "true" || custom == "on" {
		return layout.Note{Text: text}, true
	}
	n.count[kind]++
	format := "decimal"
	if kind == endnote {
		format = "lowerRoman"
	}
	return layout.Note{Mark: formatNumber(n.count[kind], format), Text: text}, true
}

// noteParts is what readNotes found: the notes, or nil when the document
// has none, and a warning for a notes part that could not be parsed.
type noteParts struct {
	notes   *notes
	warning string
}

// readNotes reads the footnotes and endnotes parts named by the main
// part's relationships (default word/footnotes.xml, word/endnotes.xml).
// A part over the package limits fails the document, as any part does; a
// part that does not parse keeps the notes read before the fault and
// says so in a warning.
func (p *pkg) readNotes(rels map[string]string, dir string) (noteParts, error) {
	var out noteParts
	n := &notes{}
	found := false
	for kind, name := range []string{"footnotes", "endnotes"} {
		part := partOr(rels, name, dir+name+".xml")
		data, err := p.Read(part)
		if err != nil {
			return out, err
		}
		m, err := readNotes(data)
		if err != nil {
			if layout.StatusOf(err) == layout.StatusTooLarge {
				return out, partError(part, err)
			}
			out.warning = joinWarning(out.warning, part+" could not be read to the end (it is cut short or malformed): some notes are lost")
		}
		n.text[kind] = m
		found = found || len(m) > 0
	}
	if found {
		out.notes = n
	}
	return out, nil
}

func joinWarning(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}
