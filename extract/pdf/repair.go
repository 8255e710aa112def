package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/planmap/planmap/extract/layout"
)

// Damaged files, read as mutool and pdftotext read them. The PDF library
// wants a "%PDF-1.x" header at byte 0, "%%EOF" in the last 100 bytes, a
// startxref that points at a cross-reference section whose offsets are
// right, and a trailer /Size that covers every object. Real files break
// each of these: a web server's response header saved before "%PDF-", a
// banner or NUL padding after "%%EOF", a "%PDF-2.0" header, every offset
// shifted by a line inserted near the top, a writer that died before the
// xref table. repairBytes mends what can be mended in place (keeping
// every byte offset); when the cross-reference data is still missing or
// wrong, rebuildXref scans the file for "N G obj" and appends a fresh
// cross-reference stream, as readers' repair modes do.

// repairBytes returns data with the header and the end of the file the
// way the library expects them, and notes saying what was changed. The
// input is never modified.
func repairBytes(data []byte) ([]byte, []string) {
	var notes []string
	head := data[:min(len(data), 1024)]
	i := bytes.Index(head, []byte("%PDF-"))
	if i < 0 {
		return data, nil // not a PDF: the library says so
	}
	if i > 0 {
		data = data[i:]
		notes = append(notes, fmt.Sprintf("%d bytes before the %%PDF- header skipped", i))
	}
	copied := false
	own := func() {
		if !copied {
			data = append([]byte(nil), data...)
			copied = true
		}
	}
	// "%PDF-1.x" and a line end: a later version ("%PDF-2.0") is read as
	// 1.7, and a NUL or junk after the version becomes the line end.
	if len(data) >= 9 {
		h := data[:9]
		okVersion := h[5] == '1' && h[6] == '.' && h[7] >= '0' && h[7] <= '7'
		okEnd := h[8] == '\r' || h[8] == '\n'
		if !okVersion || !okEnd {
			own()
			if !okVersion && isDigit(h[5]) && h[6] == '.' && isDigit(h[7]) {
				notes = append(notes, fmt.Sprintf("header version %s read as 1.7", data[5:8]))
				copy(data[5:8], "1.7")
			}
			if !okEnd {
				notes = append(notes, fmt.Sprintf("byte %#x after the header version read as a line end", data[8]))
				data[8] = '\n'
			}
		}
	}
	// Nothing but a line end after the last %%EOF.
	if e := bytes.LastIndex(data, []byte("%%EOF")); e >= 0 {
		if rest := data[e+5:]; len(bytes.TrimLeft(rest, "\r\n")) > 0 || len(rest) > 2 {
			notes = append(notes, fmt.Sprintf("%d bytes after %%%%EOF dropped", len(rest)))
			data = append(data[:e+5:e+5], '\n')
			copied = true
		}
	}
	// /Predictor 1 is "no prediction", which the library refuses: the
	// entry is blanked in place.
	if bytes.Contains(data, []byte("/Predictor 1")) {
		for _, m := range predictor1Re.FindAllIndex(data, -1) {
			own()
			for k := m[0]; k < m[0]+len("/Predictor 1"); k++ {
				data[k] = ' '
			}
		}
	}
	return data, notes
}

var predictor1Re = regexp.MustCompile(`/Predictor\s*1\b`)

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// openRepaired opens a PDF, mending it first where it is damaged, and
// returns the reader with the bytes it reads from (the workers open the
// same bytes) and notes saying what was repaired.
func openRepaired(data []byte) (*lpdf.Reader, []byte, []string, error) {
	fixed, notes := mend(data)
	r, err := open(fixed)
	if err == nil && !safeSuspect(fixed) && len(newDocReader(r).pages) > 0 {
		return r, fixed, notes, nil
	}
	if le, ok := err.(*layout.Error); ok && le.Status == layout.StatusEncrypted {
		return nil, nil, nil, err
	}
	// A string escape the library refuses loses a whole object, the
	// page tree with it: drop those backslashes first (only here: it
	// scans the whole file).
	if fx, n := safeFixEscapes(fixed); n > 0 {
		fixed = fx
	}
	if rb, ok := safeRebuild(fixed); ok {
		if r2, err2 := open(rb); err2 == nil && len(newDocReader(r2).pages) > 0 {
			return r2, rb, append(notes, "cross-reference table rebuilt from the objects in the file"), nil
		} else if le, ok := err2.(*layout.Error); ok && le.Status == layout.StatusEncrypted {
			return nil, nil, nil, err2
		}
	}
	if err != nil {
		if truncated(fixed) {
			return nil, nil, nil, layout.Errorf(layout.StatusCorrupt, "truncated: the file ends inside an object (%v)", err)
		}
		return nil, nil, nil, err
	}
	return r, fixed, notes, nil
}

// truncated reports whether the file ends inside an object: its last
// object header has no endobj after it.
func truncated(data []byte) bool {
	ms := objHeadRe.FindAllIndex(data[max(0, len(data)-1<<20):], -1)
	if len(ms) == 0 {
		return false
	}
	tail := data[max(0, len(data)-1<<20)+ms[len(ms)-1][1]:]
	return !bytes.Contains(tail, []byte("endobj"))
}

// mend runs the repairs that come before opening: header and tail,
// decryption with the empty password, foreign filters. A panic in them
// leaves the file as it was.
func mend(data []byte) (fixed []byte, notes []string) {
	defer func() {
		if recover() != nil {
			fixed, notes = data, nil
		}
	}()
	fixed, notes = repairBytes(data)
	if dec, ok := decryptEmptyPassword(fixed); ok {
		fixed = dec
	}
	if dec, n := decodeForeignStreams(fixed); n > 0 {
		if rb, ok := rebuildXref(dec); ok {
			fixed = rb
		}
	}
	return fixed, notes
}

// xrefSuspect reports whether the classic cross-reference table that
// startxref points at is wrong: an in-use entry whose offset does not
// hold that object, or more entries than the trailer's /Size (the library
// drops those). An xref stream, or a table it cannot parse, is left to
// the library.
func xrefSuspect(data []byte) bool {
	tail := data[max(0, len(data)-1024):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return true
	}
	f := bytes.Fields(tail[i+len("startxref"):])
	if len(f) == 0 {
		return true
	}
	off, err := strconv.ParseInt(string(f[0]), 10, 64)
	if err != nil || off < 0 || off >= int64(len(data)) {
		return true
	}
	rest := bytes.TrimLeft(data[off:], " \t\r\n\f\x00")
	if !bytes.HasPrefix(rest, []byte("xref")) {
		return !objAt(data, int(off), -1)
	}
	// Subsections: "start count" then count lines of "offset gen n|f".
	pos := int(off) + (len(data[off:]) - len(rest)) + len("xref")
	entries := 0
	for {
		start, p1, ok1 := nextInt(data, pos)
		count, p2, ok2 := nextInt(data, p1)
		if !ok1 || !ok2 || count < 0 || count > 10_000_000 {
			break
		}
		pos = p2
		for k := 0; k < count; k++ {
			o, q1, okA := nextInt(data, pos)
			_, q2, okB := nextInt(data, q1)
			if !okA || !okB {
				return true
			}
			q2 = skipSpace(data, q2)
			if q2 >= len(data) {
				return true
			}
			kind := data[q2]
			pos = q2 + 1
			if kind == 'n' && (o <= 0 || !objAt(data, o, start+k)) {
				return true
			}
		}
		entries = max(entries, start+count)
	}
	if m := sizeRe.FindSubmatch(data[pos:min(len(data), pos+4096)]); m != nil {
		if size, err := strconv.Atoi(string(m[1])); err == nil && size < entries {
			return true
		}
	}
	return false
}

var sizeRe = regexp.MustCompile(`/Size\s+(\d+)`)

func skipSpace(b []byte, p int) int {
	for p < len(b) && (isSpace(b[p])) {
		p++
	}
	return p
}

// nextInt reads an unsigned integer after white space.
func nextInt(b []byte, p int) (int, int, bool) {
	p = skipSpace(b, p)
	q := p
	for q < len(b) && isDigit(b[q]) && q-p < 12 {
		q++
	}
	if q == p {
		return 0, p, false
	}
	n, err := strconv.Atoi(string(b[p:q]))
	return n, q, err == nil
}

// objAt reports whether "num gen obj" starts at off (any number when num
// is negative).
func objAt(b []byte, off, num int) bool {
	if off < 0 || off >= len(b) {
		return false
	}
	n, p, ok := nextInt(b, off)
	if !ok || (num >= 0 && n != num) {
		return false
	}
	_, p, ok = nextInt(b, p)
	p = skipSpace(b, p)
	return ok && bytes.HasPrefix(b[p:], []byte("obj"))
}

// objLoc is where an object lives: at an offset, or as the index-th
// object of an object stream.
type objLoc struct {
	off, gen      int
	inStm, stmIdx int
	compressed    bool
}

var (
	objHeadRe = regexp.MustCompile(`(\d{1,10})[ \t\r\n\f\x00]+(\d{1,5})[ \t\r\n\f\x00]+obj\b`)
	refRe     = func(key string) *regexp.Regexp {
		return regexp.MustCompile(`/` + key + `\s*(\d+)\s+(\d+)\s+R`)
	}
	rootRe      = refRe("Root")
	infoRe      = refRe("Info")
	encryptRe   = refRe("Encrypt")
	idRe        = regexp.MustCompile(`/ID\s*\[[^\]]*\]`)
	catalogRe   = regexp.MustCompile(`/Type\s*/Catalog\b`)
	infoKeysRe  = regexp.MustCompile(`/(Producer|Creator)\b`)
	objStmRe    = regexp.MustCompile(`/Type\s*/ObjStm\b`)
	nRe         = regexp.MustCompile(`/N\s+(\d+)`)
	firstRe     = regexp.MustCompile(`/First\s+(\d+)`)
	endstreamRe = regexp.MustCompile(`endstream`)
)

// rebuildXref scans data for object headers ("12 0 obj"; the last
// definition of a number wins, as in an incrementally updated file) and
// the objects packed in object streams, finds the trailer's /Root, /Info,
// /Encrypt and /ID (or, without a trailer, the catalog), and returns data
// with a new cross-reference stream and startxref appended.
// scanHeads finds the object headers ("12 0 obj") in data, skipping
// stream data (which may hold anything): for each, its number, where the
// header starts and ends, and its generation. Every candidate header, and
// every "endstream", is found in one pass each, so skipping costs no
// rescans.
func scanHeads(data []byte) [][]int {
	var cands [][]int
	for _, m := range objHeadRe.FindAllSubmatchIndex(data, -1) {
		if m[0] > 0 && !isSpace(data[m[0]-1]) && !isDelim(data[m[0]-1]) {
			continue // "x12 0 obj" is not a header
		}
		cands = append(cands, m)
	}
	var ends []int
	for _, m := range endstreamRe.FindAllIndex(data, -1) {
		ends = append(ends, m[0])
	}
	var heads [][]int
	skip := 0
	for k, m := range cands {
		if m[0] < skip {
			continue // inside the stream data of the object before
		}
		num, err1 := strconv.Atoi(string(data[m[2]:m[3]]))
		gen, err2 := strconv.Atoi(string(data[m[4]:m[5]]))
		if err1 != nil || err2 != nil || num > 10_000_000 {
			continue
		}
		heads = append(heads, []int{num, m[0], m[1], gen})
		next := len(data)
		if k+1 < len(cands) {
			next = cands[k+1][0]
		}
		if s := streamStart(data[:next], m[1]); s > 0 {
			if i := sort.SearchInts(ends, s); i < len(ends) {
				skip = ends[i]
			}
		}
	}
	return heads
}

func rebuildXref(data []byte) ([]byte, bool) { return rebuildXrefWith(data, true) }

// safeRebuild and safeSuspect turn a panic into "no repair".
func safeRebuild(data []byte) (out []byte, ok bool) {
	defer func() {
		if recover() != nil {
			out, ok = nil, false
		}
	}()
	return rebuildXref(data)
}

func safeFixEscapes(data []byte) (out []byte, n int) {
	defer func() {
		if recover() != nil {
			out, n = data, 0
		}
	}()
	return fixEscapes(data)
}

func safeSuspect(data []byte) (bad bool) {
	defer func() {
		if recover() != nil {
			bad = false
		}
	}()
	return xrefSuspect(data)
}

// rebuildXrefWith is rebuildXref, keeping the trailer's /Encrypt or not
// (a file planmap decrypted itself).
func rebuildXrefWith(data []byte, keepEncrypt bool) ([]byte, bool) {
	objs := map[int]objLoc{}
	maxNum := 0
	heads := scanHeads(data)
	for _, h := range heads {
		objs[h[0]] = objLoc{off: h[1], gen: h[3]}
		maxNum = max(maxNum, h[0])
	}
	if len(objs) == 0 {
		return nil, false
	}
	// A file cut inside its last object (a download that stopped) has
	// lost text: it is not repaired, so it is never read as complete.
	last := heads[len(heads)-1]
	if !bytes.Contains(data[last[2]:], []byte("endobj")) {
		return nil, false
	}
	body := func(k int) []byte {
		end := len(data)
		if k+1 < len(heads) {
			end = heads[k+1][1]
		}
		return data[heads[k][2]:end]
	}
	// Objects in object streams, unless defined directly.
	var catalog, info []byte
	budget := 64 << 20 // bytes inflated from object streams, in all
	for k, h := range heads {
		b := body(k)
		d := dictHead(b)
		if catalogRe.Match(d) && catalog == nil {
			catalog = []byte(fmt.Sprintf("/Root %d %d R", h[0], objs[h[0]].gen))
		}
		// an Info dictionary: a producer or creator, and no /Type
		if infoKeysRe.Match(d) && !bytes.Contains(d, []byte("/Type")) {
			info = []byte(fmt.Sprintf("/Info %d %d R", h[0], objs[h[0]].gen))
		}
		if !objStmRe.Match(d) {
			continue
		}
		nums := objStmNumbers(b, d, &budget)
		for i, n := range nums {
			if _, ok := objs[n]; ok && !objs[n].compressed {
				continue
			}
			objs[n] = objLoc{compressed: true, inStm: h[0], stmIdx: i}
			maxNum = max(maxNum, n)
		}
		if catalog == nil {
			if c := objStmCatalog(b, d, &budget); c >= 0 {
				catalog = []byte(fmt.Sprintf("/Root %d 0 R", c))
			}
		}
	}
	// The trailer: the last "trailer" dictionary, or the last xref
	// stream's dictionary.
	var trailer []byte
	if i := bytes.LastIndex(data, []byte("trailer")); i >= 0 {
		trailer = dictHead(data[i+len("trailer"):])
	}
	for k := len(heads) - 1; k >= 0 && trailer == nil; k-- {
		if d := dictHead(body(k)); bytes.Contains(d, []byte("/XRef")) {
			trailer = d
		}
	}
	root := rootRe.Find(trailer)
	if m := rootRe.FindSubmatch(trailer); m != nil {
		if n, _ := strconv.Atoi(string(m[1])); !hasObj(objs, n) {
			root = nil
		}
	}
	if root == nil {
		root = catalog
	}
	if root == nil {
		return nil, false
	}
	xnum := maxNum + 1
	size := xnum + 1
	var tbl bytes.Buffer
	row := func(t byte, a uint32, b uint16) {
		tbl.WriteByte(t)
		_ = binary.Write(&tbl, binary.BigEndian, a)
		_ = binary.Write(&tbl, binary.BigEndian, b)
	}
	row(0, 0, 65535)
	for n := 1; n < size; n++ {
		l, ok := objs[n]
		switch {
		case n == xnum:
			row(1, uint32(len(data)+1), 0) // the xref stream itself, written below
		case !ok:
			row(0, 0, 0)
		case l.compressed:
			row(2, uint32(l.inStm), uint16(l.stmIdx))
		default:
			row(1, uint32(l.off), uint16(l.gen))
		}
	}
	var out bytes.Buffer
	out.Grow(len(data) + tbl.Len() + 256)
	out.Write(data)
	out.WriteByte('\n')
	xoff := out.Len() // len(data)+1
	fmt.Fprintf(&out, "%d 0 obj\n<</Type/XRef/Size %d/W[1 4 2]%s", xnum, size, root)
	for _, re := range []*regexp.Regexp{infoRe, encryptRe, idRe} {
		if re == encryptRe && !keepEncrypt {
			continue
		}
		if m := re.Find(trailer); m != nil {
			out.WriteString(string(m))
		} else if re == infoRe && info != nil {
			out.Write(info)
		}
	}
	fmt.Fprintf(&out, "/Length %d>>\nstream\n", tbl.Len())
	out.Write(tbl.Bytes())
	fmt.Fprintf(&out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xoff)
	return out.Bytes(), true
}

func hasObj(objs map[int]objLoc, n int) bool { _, ok := objs[n]; return ok }

// streamStart returns where a stream's data starts when the object whose
// header ends at p is a stream, or -1.
func streamStart(b []byte, p int) int {
	d := dictHead(b[p:])
	if d == nil {
		return -1
	}
	q := skipSpace(b, p)
	q += len(d)
	q = skipSpace(b, q)
	if !bytes.HasPrefix(b[q:], []byte("stream")) {
		return -1
	}
	q += len("stream")
	if q < len(b) && b[q] == '\r' {
		q++
	}
	if q < len(b) && b[q] == '\n' {
		q++
	}
	return q
}

// dictHead returns the dictionary ("<< ... >>", nesting kept) that b
// starts with after white space, or nil.
func dictHead(b []byte) []byte {
	p := skipSpace(b, 0)
	if !bytes.HasPrefix(b[p:], []byte("<<")) {
		return nil
	}
	depth := 0
	for q := p; q+1 < len(b) && q-p < 1<<20; q++ {
		switch {
		case b[q] == '<' && b[q+1] == '<':
			depth++
			q++
		case b[q] == '>' && b[q+1] == '>':
			depth--
			q++
			if depth == 0 {
				return b[p : q+1]
			}
		case b[q] == '(':
			// a string may hold unbalanced brackets
			q = skipString(b, q)
		}
	}
	return nil
}

// skipString returns the index of the ")" closing the string opened at p.
func skipString(b []byte, p int) int {
	depth := 0
	for q := p; q < len(b); q++ {
		switch b[q] {
		case '\\':
			q++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return q
			}
		}
	}
	return len(b)
}

// objStmData inflates an object stream's data (FlateDecode without a
// predictor, or no filter), or returns nil.
func objStmData(b, d []byte, budget *int) []byte {
	if *budget <= 0 {
		return nil
	}
	s := streamStart(b, 0)
	if s < 0 {
		return nil
	}
	e := bytes.Index(b[s:], []byte("endstream"))
	if e < 0 {
		return nil
	}
	raw := b[s : s+e]
	switch {
	case bytes.Contains(d, []byte("/DecodeParms")) || bytes.Contains(d, []byte("/Encrypt")):
		return nil
	case bytes.Contains(d, []byte("/FlateDecode")):
		zr, err := zlib.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil
		}
		out, _ := io.ReadAll(io.LimitReader(zr, int64(*budget)))
		*budget -= len(out)
		return out
	case !bytes.Contains(d, []byte("/Filter")):
		return raw
	}
	return nil
}

// objStmNumbers lists the object numbers an object stream holds, in order.
func objStmNumbers(b, d []byte, budget *int) []int {
	data := objStmData(b, d, budget)
	m := nRe.FindSubmatch(d)
	if data == nil || m == nil {
		return nil
	}
	n, _ := strconv.Atoi(string(m[1]))
	var nums []int
	p := 0
	for i := 0; i < n && i < 1_000_000; i++ {
		num, q, ok := nextInt(data, p)
		_, q, ok2 := nextInt(data, q)
		if !ok || !ok2 {
			break
		}
		nums = append(nums, num)
		p = q
	}
	return nums
}

// objStmCatalog returns the number of the catalog packed in an object
// stream, or -1.
func objStmCatalog(b, d []byte, budget *int) int {
	data := objStmData(b, d, budget)
	mn, mf := nRe.FindSubmatch(d), firstRe.FindSubmatch(d)
	if data == nil || mn == nil || mf == nil {
		return -1
	}
	n, _ := strconv.Atoi(string(mn[1]))
	first, _ := strconv.Atoi(string(mf[1]))
	type ent struct{ num, off int }
	var es []ent
	p := 0
	for i := 0; i < n && i < 1_000_000; i++ {
		num, q, ok := nextInt(data, p)
		off, q2, ok2 := nextInt(data, q)
		if !ok || !ok2 {
			break
		}
		es = append(es, ent{num, off})
		p = q2
	}
	sort.Slice(es, func(i, j int) bool { return es[i].off < es[j].off })
	for i, e := range es {
		a, z := first+e.off, len(data)
		if i+1 < len(es) {
			z = first + es[i+1].off
		}
		if a >= 0 && a < z && z <= len(data) && catalogRe.Match(dictHead(data[a:z])) {
			return e.num
		}
	}
	return -1
}

// invalidEscRe finds a backslash that starts no escape PDF defines.
var invalidEscRe = regexp.MustCompile(`\\[^nrtbf()\\0-7\r\n]`)

// fixEscapes drops the backslash of every escape PDF does not define
// ("\ " in "(AutoCAD\ 2012)") in the literal strings of the file's
// objects, outside stream data: the spec says such a backslash is
// ignored, and the PDF library refuses the whole object instead (a page
// dictionary lost, the document without pages). The offsets change, so
// the caller rebuilds the cross-reference data; it returns how many
// backslashes were dropped.
func fixEscapes(data []byte) ([]byte, int) {
	if !invalidEscRe.Match(data) {
		return data, 0
	}
	heads := scanHeads(data)
	var out bytes.Buffer
	from, dropped := 0, 0
	for k, h := range heads {
		end := len(data)
		if k+1 < len(heads) {
			end = heads[k+1][1]
		}
		// the object's own text: up to its stream data, if any
		if s := streamStart(data[:end], h[2]); s > 0 {
			end = s
		}
		body := data[h[2]:end]
		if !invalidEscRe.Match(body) {
			continue
		}
		out.Write(data[from:h[2]])
		depth := 0
		for i := 0; i < len(body); i++ {
			c := body[i]
			switch {
			case depth == 0 && c == '%':
				for i < len(body) && body[i] != '\n' && body[i] != '\r' {
					out.WriteByte(body[i])
					i++
				}
				if i < len(body) {
					out.WriteByte(body[i])
				}
				continue
			case c == '(':
				depth++
			case c == ')' && depth > 0:
				depth--
			case c == '\\' && depth > 0 && i+1 < len(body):
				if invalidEscRe.Match(body[i : i+2]) {
					dropped++
					continue // the backslash is ignored
				}
				out.WriteByte(c)
				i++
				c = body[i]
			}
			out.WriteByte(c)
		}
		from = end
	}
	if dropped == 0 {
		return data, 0
	}
	out.Write(data[from:])
	return out.Bytes(), dropped
}
