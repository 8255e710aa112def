package odt

import (
	"encoding/xml"
	"io"
	"strings"

	"github.com/planmap/planmap/extract/layout"
)

// readNote reads a text:note (a footnote or endnote, written where it is
// cited) whose start tag was just read: its mark is the text:note-citation
// as printed ("1", "i", "*"), its text that of the paragraphs of
// text:note-body, joined by spaces. The caller keeps it on the citing
// paragraph, outside its text, as the DOCX reader does.
func readNote(d *xml.Decoder) (layout.Note, error) {
	var (
		mark, text strings.Builder
		where      int // 1 in the citation, 2 in the body
		depth      int
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		if err != nil {
			return layout.Note{}, layout.Errorf(layout.StatusCorrupt, "content.xml: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return layout.Note{}, layout.Errorf(layout.StatusTooLarge, "content.xml nests elements more than %d deep", maxDepth)
			}
			if !in(t.Name, nsText, "text") {
				continue
			}
			switch t.Name.Local {
			case "note-citation":
				where = 1
			case "note-body":
				where = 2
			case "s", "tab", "line-break":
				if where == 2 {
					text.WriteByte(' ')
				}
			case "tracked-changes", "note":
				depth--
				if err := d.Skip(); err != nil {
					return layout.Note{}, layout.Errorf(layout.StatusCorrupt, "content.xml: %v", err)
				}
			}
		case xml.EndElement:
			if depth == 0 {
				return layout.Note{Mark: layout.Clean(mark.String()), Text: layout.Clean(text.String())}, nil
			}
			depth--
			if in(t.Name, nsText, "text") {
				switch t.Name.Local {
				case "note-citation", "note-body":
					where = 0
				case "p", "h":
					if where == 2 {
						text.WriteByte(' ')
					}
				}
			}
		case xml.CharData:
			switch where {
			case 1:
				mark.Write(t)
			case 2:
				text.Write(t)
			}
		}
	}
}
