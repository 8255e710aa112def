package corpus

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/extract/zippkg"
)

// Identify names the format of a document from its first bytes (or, better,
// the whole file: a ZIP package can only be told apart by its directory,
// which is at the end). The file name is never consulted.
//
// The rules, in order:
//   - empty → Unknown;
//   - an OLE compound file (D0 CF 11 E0) → DOC when its directory holds a
//     WordDocument stream (Word 97-2003), else Unknown (.xls, .ppt, an
//     encrypted .docx);
//   - "{\rtf" at the start → RTF;
//   - "%PDF-" within the first 1024 bytes (some files carry junk first) → PDF;
//   - a ZIP package → DOCX when it is a Word package, XLSX when it is an
//     Excel workbook, ODT when it is an OpenDocument text (see IdentifyZip),
//     else Unknown (.xlsb, .ods, .odp, other archives);
//   - other known binary signatures (images, compressed files) → Unknown;
//   - JSON or JSON Lines (data exported by a tool, such as annotations
//     or planmap's own output) → Unknown: it is not a document;
//   - text (UTF-8, UTF-16 with a byte-order mark, or a legacy 8-bit
//     encoding with almost no control bytes) → HTML or Text, below;
//   - anything else → Unknown.
//
// HTML or Text: after a byte-order mark, white space, comments and an XML
// declaration, the first 1024 bytes are sniffed. A document-structure tag
// (<!DOCTYPE html, <html, <head, <body) makes it HTML. A start with another
// HTML tag (<table, <p, <div, <h1 ...) makes it HTML too, unless the text is
// laid out as tab-separated rows that carry the markup in their cells:
// converted documents put <p>/<li> inside tab-separated table rows, and
// those are Text for the text extractor to read as tables. Markup met only
// later in a text file never makes it HTML.
func Identify(head []byte) layout.Format {
	switch {
	case len(head) == 0:
		return layout.Unknown
	case bytes.HasPrefix(head, oleMagic):
		if oleStream(head, "WordDocument") >= 0 {
			return layout.DOC
		}
		return layout.Unknown
	case bytes.HasPrefix(head, []byte(rtfMagic)):
		return layout.RTF
	case bytes.Contains(head[:min(len(head), 1024)], []byte("%PDF-")):
		return layout.PDF
	case isZip(head):
		return IdentifyZip(head)
	}
	// text or binary is judged on the first 64 KB, as sniffers do
	head = head[:min(len(head), sniffLen)]
	if binaryKind(head) != "" {
		return layout.Unknown
	}
	text, ok := decodeText(head)
	if !ok {
		return layout.Unknown
	}
	if looksJSON(text) {
		return layout.Unknown
	}
	if looksHTML(text) {
		return layout.HTML
	}
	return layout.Text
}

// looksJSON reports whether text is JSON data: a whole JSON value, or JSON
// Lines whose first line is an object or array. Plans are never written as
// JSON, so a folder's stray data files are reported, not read as prose.
func looksJSON(text []byte) bool {
	t := bytes.TrimSpace(text)
	if len(t) == 0 || (t[0] != '{' && t[0] != '[') {
		return false
	}
	if json.Valid(t) {
		return true
	}
	first, _, _ := bytes.Cut(t, []byte("\n"))
	return json.Valid(bytes.TrimSpace(first))
}

// sniffLen is how much of a file decides between text and binary.
const sniffLen = 64 << 10

var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

const rtfMagic = "{\\rtf"

func isZip(b []byte) bool {
	return len(b) >= 4 && b[0] == 'P' && b[1] == 'K' &&
		((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6) || (b[2] == 7 && b[3] == 8))
}

// wordMainTypes are the content types of a Word main document part.
var wordMainTypes = []string{
	"wordprocessingml.document.main+xml",
	"ms-word.document.macroenabled.main+xml",
	"wordprocessingml.template.main+xml",
	"ms-word.template.macroenabledtemplate.main+xml",
}

// excelMainTypes are the content types of an Excel workbook part that
// excelize reads (.xlsx, .xlsm, .xltx, .xltm; not the binary .xlsb).
var excelMainTypes = []string{
	"spreadsheetml.sheet.main+xml",
	"ms-excel.sheet.macroenabled.main+xml",
	"spreadsheetml.template.main+xml",
	"ms-excel.template.macroenabled.main+xml",
}

// IdentifyZip tells Word and Excel packages from other ZIP files by their
// directory. It is DOCX when it holds word/document.xml, when its
// [Content_Types].xml declares a Word main document, or when it has a word/
// folder at all (a damaged Word package, which the DOCX extractor then
// reports as corrupt). Likewise it is XLSX when it holds xl/workbook.xml,
// when its content types declare a spreadsheetml workbook, or when it has
// an xl/ folder without the binary xl/workbook.bin of an .xlsb. A ZIP file
// whose directory cannot be read (truncated) is judged by the part names in
// its local headers. It is ODT when its first entry is the stored
// "mimetype" of an OpenDocument text (application/vnd.oasis.opendocument.text,
// or a text template or master document), when a "mimetype" entry elsewhere
// says so, or, with no mimetype at all, when its content.xml holds an
// office:text body. Anything else (.xlsb, .pptx, .ods, .odp, an ordinary
// archive) is Unknown.
func IdentifyZip(data []byte) layout.Format {
	names := zipNames(data)
	for _, n := range names {
		if strings.EqualFold(n, "word/document.xml") {
			return layout.DOCX
		}
	}
	binary := false
	for _, n := range names {
		if strings.EqualFold(n, "xl/workbook.xml") {
			return layout.XLSX
		}
		if strings.EqualFold(n, "xl/workbook.bin") {
			binary = true
		}
	}
	if ct := zipPart(data, "[Content_Types].xml", 1<<20); ct != nil {
		lower := strings.ToLower(string(ct))
		for _, t := range wordMainTypes {
			if strings.Contains(lower, t) {
				return layout.DOCX
			}
		}
		for _, t := range excelMainTypes {
			if strings.Contains(lower, t) && !binary {
				return layout.XLSX
			}
		}
	}
	for _, n := range names {
		if len(n) >= 5 && strings.EqualFold(n[:5], "word/") {
			return layout.DOCX
		}
	}
	for _, n := range names {
		if len(n) >= 3 && strings.EqualFold(n[:3], "xl/") && !binary {
			return layout.XLSX
		}
	}
	if isODT(data, names) {
		return layout.ODT
	}
	return layout.Unknown
}

// odtMime starts the media type of an OpenDocument text, its template
// (-template) and a master document (-master).
const odtMime = "application/vnd.oasis.opendocument.text"

// isODT recognises an OpenDocument text package: by its first entry, the
// stored "mimetype" that ODF puts at byte 30 as a signature (readable even
// when the directory at the end is lost), by a mimetype entry elsewhere, or
// by an office:text body in content.xml when there is no mimetype.
func isODT(data []byte, names []string) bool {
	if len(data) >= 30 && bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		nameLen := int(binary.LittleEndian.Uint16(data[26:]))
		extraLen := int(binary.LittleEndian.Uint16(data[28:]))
		if 30+nameLen <= len(data) && string(data[30:30+nameLen]) == "mimetype" && binary.LittleEndian.Uint16(data[8:]) == 0 {
			// the size may be in a data descriptor after the content: the
			// media type is read as a prefix
			if start := 30 + nameLen + extraLen; start <= len(data) {
				return bytes.HasPrefix(data[start:], []byte(odtMime))
			}
		}
	}
	hasMime, hasContent := false, false
	for _, n := range names {
		hasMime = hasMime || n == "mimetype"
		hasContent = hasContent || strings.EqualFold(n, "content.xml")
	}
	if hasMime {
		return strings.HasPrefix(strings.TrimSpace(string(zipPart(data, "mimetype", 256))), odtMime)
	}
	if !hasContent {
		return false
	}
	// the body follows the automatic styles, which can be long
	return bytes.Contains(zipHead(data, "content.xml", 1<<20), []byte("<office:text"))
}

// zipHead inflates at most the first n bytes of one entry; nil when absent
// or unreadable.
func zipHead(data []byte, name string, n int64) []byte {
	b, _ := zipRead(data, name, n)
	return b
}

// zipRead inflates at most n bytes of one entry, with the error that
// stopped it; nil when the entry is absent.
func zipRead(data []byte, name string, n int64) ([]byte, error) {
	zr, err := openZip(data)
	if err != nil {
		return nil, err
	}
	for _, f := range zr.File {
		if !strings.EqualFold(strings.TrimPrefix(f.Name, "/"), name) {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		return io.ReadAll(io.LimitReader(rc, n))
	}
	return nil, nil
}

// zipNames lists the entry names from the central directory or, when that
// cannot be read, from the local file headers.
func zipNames(data []byte) []string {
	if zr, err := openZip(data); err == nil {
		names := make([]string, 0, len(zr.File))
		for _, f := range zr.File {
			names = append(names, strings.TrimPrefix(f.Name, "/"))
		}
		return names
	}
	// walk the local headers: signature, 26 bytes of fields, name, extra
	var names []string
	for off := 0; off+30 <= len(data) && len(names) < 10000; {
		if !bytes.Equal(data[off:off+4], []byte("PK\x03\x04")) {
			// entries with a data descriptor hide their size: find the next
			// header by its signature
			next := bytes.Index(data[off+1:], []byte("PK\x03\x04"))
			if next < 0 {
				break
			}
			off += 1 + next
			continue
		}
		nameLen := int(binary.LittleEndian.Uint16(data[off+26:]))
		extraLen := int(binary.LittleEndian.Uint16(data[off+28:]))
		if off+30+nameLen > len(data) {
			break
		}
		names = append(names, strings.TrimPrefix(string(data[off+30:off+30+nameLen]), "/"))
		size := int(binary.LittleEndian.Uint32(data[off+18:]))
		step := 30 + nameLen + extraLen + size
		if binary.LittleEndian.Uint16(data[off+6:])&8 != 0 || step <= 0 || size < 0 {
			step = 30 + nameLen
		}
		off += step
	}
	return names
}

// maxZipEntries matches the extractors' default entry limit.
const maxZipEntries = zippkg.DefaultMaxEntries

// openZip opens a ZIP directory unless it holds more entries than any
// document package: archive/zip would hold every record in memory first.
func openZip(data []byte) (*zip.Reader, error) {
	if zippkg.CountEntries(data, maxZipEntries) > maxZipEntries {
		return nil, errors.New("too many entries")
	}
	return zip.NewReader(bytes.NewReader(data), int64(len(data)))
}

// zipPart inflates one small entry, at most limit bytes; nil when absent,
// unreadable or larger.
func zipPart(data []byte, name string, limit int64) []byte {
	b, err := zipRead(data, name, limit+1)
	if err != nil || int64(len(b)) > limit {
		return nil
	}
	return b
}

// binaryKind names files that are recognisably not documents we read.
func binaryKind(b []byte) string {
	sigs := []struct{ magic, kind string }{
		{"\x89PNG\r\n\x1a\n", "a PNG image"},
		{"\xff\xd8\xff", "a JPEG image"},
		{"GIF87a", "a GIF image"},
		{"GIF89a", "a GIF image"},
		{"II*\x00", "a TIFF image"},
		{"MM\x00*", "a TIFF image"},
		{"\x1f\x8b", "a gzip-compressed file"},
		{"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"},
		{"Rar!", "a RAR archive"},
		{"BZh", "a bzip2-compressed file"},
		{"\xfd7zXZ\x00", "an xz-compressed file"},
		{"%!PS", "a PostScript file"},
		{"\x7fELF", "a program (ELF executable)"},
		{"MZ", "a Windows program"},
	}
	for _, s := range sigs {
		if bytes.HasPrefix(b, []byte(s.magic)) {
			if s.magic == "BZh" || s.magic == "MZ" {
				// short signatures: also require binary content
				if _, ok := decodeText(b); ok {
					continue
				}
			}
			return s.kind
		}
	}
	return ""
}

// decodeText returns the text of b as UTF-8 when b is text: UTF-16 with a
// byte-order mark, UTF-8 (a character cut at the end of a head is fine), or
// a legacy 8-bit encoding with no NUL and almost no control bytes.
func decodeText(b []byte) ([]byte, bool) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case len(b) >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF):
		return utf16Text(b[2:], b[0] == 0xFF), true
	}
	controls := 0
	for _, c := range b {
		switch {
		case c == 0:
			return nil, false
		case c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x1b:
		case c < 0x20 || c == 0x7f:
			controls++
		}
	}
	// a few stray control bytes occur in real text files; binary data has
	// one in eight
	if controls > 0 && controls*100 > len(b) {
		return nil, false
	}
	return b, true
}

func utf16Text(b []byte, le bool) []byte {
	units := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		if le {
			units = append(units, uint16(b[i])|uint16(b[i+1])<<8)
		} else {
			units = append(units, uint16(b[i])<<8|uint16(b[i+1]))
		}
	}
	out := make([]byte, 0, len(units))
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	return out
}

// structureTags mark an HTML document wherever they appear in the sniffed
// window; startTags mark HTML when the content starts with them.
var (
	structureTags = []string{"!doctype html", "html", "head", "body"}
	startTags     = []string{"table", "p", "div", "span", "h1", "h2", "h3", "h4", "h5", "h6",
		"ul", "ol", "li", "meta", "title", "link", "script", "style", "br", "font", "b", "i",
		"a", "center", "form", "section", "article", "main", "nav", "header", "footer",
		"img", "hr", "strong", "em", "tr", "td", "th", "base", "frameset", "iframe", "pre", "blockquote"}
)

func looksHTML(text []byte) bool {
	window := bytes.ToLower(text[:min(len(text), 1024)])
	for _, tag := range structureTags {
		if hasTag(window, tag) {
			return true
		}
	}
	rest := skipProlog(window)
	if len(rest) == 0 || rest[0] != '<' {
		return false
	}
	starts := false
	for _, tag := range startTags {
		if tagAt(rest[1:], tag) {
			starts = true
			break
		}
	}
	return starts && !tabularMarkup(text[:min(len(text), 8192)])
}

// hasTag reports whether "<tag" appears as a whole tag name.
func hasTag(s []byte, tag string) bool {
	needle := []byte("<" + tag)
	for i := 0; ; {
		j := bytes.Index(s[i:], needle)
		if j < 0 {
			return false
		}
		end := i + j + len(needle)
		if end == len(s) || tagEnd(s[end]) {
			return true
		}
		i = end
	}
}

func tagAt(s []byte, tag string) bool {
	return bytes.HasPrefix(s, []byte(tag)) && (len(s) == len(tag) || tagEnd(s[len(tag)]))
}

func tagEnd(c byte) bool {
	return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// skipProlog skips white space, comments and <?...?> declarations.
func skipProlog(s []byte) []byte {
	for {
		s = bytes.TrimLeft(s, " \t\r\n\f")
		switch {
		case bytes.HasPrefix(s, []byte("<!--")):
			end := bytes.Index(s, []byte("-->"))
			if end < 0 {
				return nil
			}
			s = s[end+3:]
		case bytes.HasPrefix(s, []byte("<?")):
			end := bytes.Index(s, []byte("?>"))
			if end < 0 {
				return nil
			}
			s = s[end+2:]
		default:
			return s
		}
	}
}

// tabularMarkup reports text laid out as tab-separated rows with markup in
// the cells: at least two such lines, or the only line there is.
func tabularMarkup(text []byte) bool {
	rows, lines := 0, 0
	for _, line := range bytes.Split(text, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		lines++
		line = bytes.TrimLeft(line, " \t") // indentation is not a cell separator
		if bytes.IndexByte(line, '\t') >= 0 && bytes.IndexByte(line, '<') >= 0 {
			rows++
		}
	}
	return rows >= 2 || (rows == 1 && lines == 1)
}
