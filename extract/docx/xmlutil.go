package docx

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Namespaces of WordprocessingML: transitional (what Word and LibreOffice
// write) and strict ISO 29500.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsMath    = "http://schemas.openxmlformats.org/officeDocument/2006/math"
)

func isW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }

// newDecoder makes a lenient decoder for an OOXML part. Parts are UTF-8 or
// UTF-16; UTF-16 is converted first, and any declared encoding is then
// taken as already decoded.
func newDecoder(data []byte) *xml.Decoder {
	data = toUTF8(data)
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	return d
}

func decodeXML(data []byte, v any) error { return newDecoder(data).Decode(v) }

// toUTF8 converts a UTF-16 part (recognised by its byte-order mark) to UTF-8.
func toUTF8(data []byte) []byte {
	var le bool
	switch {
	case len(data) >= 2 && data[0] == 0xFF && data[1] == 0xFE:
		le = true
	case len(data) >= 2 && data[0] == 0xFE && data[1] == 0xFF:
	default:
		return data
	}
	units := make([]uint16, 0, len(data)/2)
	for i := 2; i+1 < len(data); i += 2 {
		if le {
			units = append(units, uint16(data[i])|uint16(data[i+1])<<8)
		} else {
			units = append(units, uint16(data[i])<<8|uint16(data[i+1]))
		}
	}
	out := make([]byte, 0, len(units))
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	return out
}

// attr returns a w: attribute (any namespace with that local name: Word
// writes w:val, some producers write a bare val).
func attr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// intAttr reads a numeric attribute, def when absent or unparsable.
func intAttr(se xml.StartElement, local string, def int) int {
	v, ok := attr(se, local)
	if !ok {
		return def
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		// twips are sometimes written as decimals ("340.5")
		if f, ferr := strconv.ParseFloat(strings.TrimSpace(v), 64); ferr == nil && f > -1e9 && f < 1e9 {
			return int(f)
		}
		return def
	}
	return n
}

// onOff reads a boolean property such as <w:vanish/> or <w:tblHeader
// w:val="false"/>: present means on unless the value says otherwise.
func onOff(se xml.StartElement) bool {
	v, ok := attr(se, "val")
	if !ok {
		return true
	}
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

// walkElement reads the rest of the element whose start tag d has just
// returned, calling visit for each element inside it with its depth (1 for
// a direct child), and stops after the matching end tag.
func walkElement(d *xml.Decoder, visit func(t xml.StartElement, depth int)) error {
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return tokenErr(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			visit(t, depth)
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}
