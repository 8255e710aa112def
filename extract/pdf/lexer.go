package pdf

import (
	"bytes"
	"io"
	"strconv"

	lpdf "github.com/ledongthuc/pdf"
)

// A content-stream lexer. lpdf.Interpret tokenizes content as PostScript
// and has no notion of inline images: the binary data between ID and EI is
// read as tokens, and a stray "(" in it swallows the rest of the page. It
// also wraps every operand in a Value. This lexer reads operands into a
// small struct and skips inline image data by its EI delimiter.

// operandKind says what an operand holds.
type operandKind uint8

const (
	opNumber operandKind = iota
	opName
	opString
	opArray
	opOther // booleans, null, dictionaries: nothing the interpreter reads
)

// operand is one content-stream operand.
type operand struct {
	kind operandKind
	num  float64
	str  string // name (without the slash) or string bytes
	arr  []operand
}

func (o operand) Float64() float64 {
	if o.kind == opNumber {
		return o.num
	}
	return 0
}

func (o operand) Name() string {
	if o.kind == opName {
		return o.str
	}
	return ""
}

func (o operand) RawString() string {
	if o.kind == opString {
		return o.str
	}
	return ""
}

// maxContent bounds the bytes read from one page's content streams.
const maxContent = 64 << 20

// contentBytes reads a page's or form's content: one stream or an array
// of streams joined by a newline (a token never spans two streams).
func contentBytes(strm lpdf.Value) []byte {
	var buf bytes.Buffer
	read := func(v lpdf.Value) {
		rc := v.Reader()
		defer rc.Close()
		_, _ = io.Copy(&buf, io.LimitReader(rc, maxContent-int64(buf.Len())))
		buf.WriteByte('\n')
	}
	if strm.Kind() == lpdf.Array {
		for i := 0; i < strm.Len() && buf.Len() < maxContent; i++ {
			read(strm.Index(i))
		}
	} else {
		read(strm)
	}
	return buf.Bytes()
}

// lexer walks content bytes.
type lexer struct {
	b   []byte
	pos int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// interpretContent calls do for every operator with its operands, bottom of
// the stack first. The operand slice is reused between calls.
func interpretContent(b []byte, do func(op string, args []operand)) {
	lx := &lexer{b: b}
	var stack []operand
	for {
		lx.skipSpace()
		if lx.pos >= len(lx.b) {
			return
		}
		c := lx.b[lx.pos]
		if isOperandStart(c) {
			if len(stack) < 1024 {
				stack = append(stack, lx.operand(0))
			} else {
				lx.operand(0)
			}
			continue
		}
		if c == ']' || c == '>' || c == ')' || c == '}' {
			lx.pos++ // unbalanced closer: skip
			continue
		}
		op := lx.keyword()
		switch op {
		case "":
			lx.pos++
		case "true", "false", "null":
			stack = append(stack, operand{kind: opOther})
		case "BI":
			lx.skipInlineImage()
			stack = stack[:0]
		default:
			do(op, stack)
			stack = stack[:0]
		}
	}
}

func isOperandStart(c byte) bool {
	return c == '/' || c == '(' || c == '<' || c == '[' || c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9')
}

func (lx *lexer) skipSpace() {
	for lx.pos < len(lx.b) {
		c := lx.b[lx.pos]
		if isSpace(c) {
			lx.pos++
			continue
		}
		if c == '%' {
			for lx.pos < len(lx.b) && lx.b[lx.pos] != '\n' && lx.b[lx.pos] != '\r' {
				lx.pos++
			}
			continue
		}
		return
	}
}

// keyword reads a run of regular characters.
func (lx *lexer) keyword() string {
	start := lx.pos
	for lx.pos < len(lx.b) && !isSpace(lx.b[lx.pos]) && !isDelim(lx.b[lx.pos]) {
		lx.pos++
	}
	return string(lx.b[start:lx.pos])
}

// operand reads one operand; depth bounds nested arrays and dictionaries.
func (lx *lexer) operand(depth int) operand {
	c := lx.b[lx.pos]
	switch {
	case c == '/':
		lx.pos++
		return operand{kind: opName, str: lx.name()}
	case c == '(':
		return operand{kind: opString, str: lx.literal()}
	case c == '<':
		if lx.pos+1 < len(lx.b) && lx.b[lx.pos+1] == '<' {
			lx.pos += 2
			lx.skipDict(depth)
			return operand{kind: opOther}
		}
		return operand{kind: opString, str: lx.hex()}
	case c == '[':
		lx.pos++
		var arr []operand
		for {
			lx.skipSpace()
			if lx.pos >= len(lx.b) {
				break
			}
			if lx.b[lx.pos] == ']' {
				lx.pos++
				break
			}
			if isOperandStart(lx.b[lx.pos]) && depth < 32 {
				if o := lx.operand(depth + 1); len(arr) < 1<<16 {
					arr = append(arr, o)
				}
				continue
			}
			// a keyword inside an array: true/false/null, or garbage
			if lx.keyword() == "" {
				lx.pos++
			}
		}
		return operand{kind: opArray, arr: arr}
	}
	return lx.number()
}

func (lx *lexer) number() operand {
	start := lx.pos
	for lx.pos < len(lx.b) {
		c := lx.b[lx.pos]
		if (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' {
			lx.pos++
			continue
		}
		break
	}
	s := string(lx.b[start:lx.pos])
	if lx.pos == start {
		lx.pos++
		return operand{kind: opOther}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		// producers write "--5" or "5-": read the leading number as they do
		f = leadingNumber(s)
	}
	return operand{kind: opNumber, num: f}
}

func leadingNumber(s string) float64 {
	neg := false
	for len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		neg = neg || s[0] == '-' // "--2" is -2, as viewers read it
		s = s[1:]
	}
	end := 0
	dot := false
	for end < len(s) && ((s[end] >= '0' && s[end] <= '9') || (s[end] == '.' && !dot)) {
		dot = dot || s[end] == '.'
		end++
	}
	f, _ := strconv.ParseFloat(s[:end], 64)
	if neg {
		f = -f
	}
	return f
}

func (lx *lexer) name() string {
	start := lx.pos
	for lx.pos < len(lx.b) && !isSpace(lx.b[lx.pos]) && !isDelim(lx.b[lx.pos]) {
		lx.pos++
	}
	n := lx.b[start:lx.pos]
	if bytes.IndexByte(n, '#') < 0 {
		return string(n)
	}
	var out []byte
	for i := 0; i < len(n); i++ {
		if n[i] == '#' && i+2 < len(n) {
			if v, err := strconv.ParseUint(string(n[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, n[i])
	}
	return string(out)
}

// literal reads a (string) with nesting and escapes.
func (lx *lexer) literal() string {
	lx.pos++ // (
	var out []byte
	depth := 1
	for lx.pos < len(lx.b) {
		c := lx.b[lx.pos]
		lx.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return string(out)
			}
		case '\\':
			if lx.pos >= len(lx.b) {
				return string(out)
			}
			e := lx.b[lx.pos]
			lx.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if lx.pos < len(lx.b) && lx.b[lx.pos] == '\n' {
					lx.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && lx.pos < len(lx.b) && lx.b[lx.pos] >= '0' && lx.b[lx.pos] <= '7'; k++ {
						v = v*8 + int(lx.b[lx.pos]-'0')
						lx.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return string(out)
}

// hex reads a <hex string>.
func (lx *lexer) hex() string {
	lx.pos++ // <
	var out []byte
	var hi byte
	half := false
	for lx.pos < len(lx.b) {
		c := lx.b[lx.pos]
		lx.pos++
		if c == '>' {
			break
		}
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return string(out)
}

// skipDict skips a << ... >> dictionary (a marked-content property list).
func (lx *lexer) skipDict(depth int) {
	for lx.pos < len(lx.b) {
		lx.skipSpace()
		if lx.pos >= len(lx.b) {
			return
		}
		if lx.b[lx.pos] == '>' && lx.pos+1 < len(lx.b) && lx.b[lx.pos+1] == '>' {
			lx.pos += 2
			return
		}
		if isOperandStart(lx.b[lx.pos]) && depth < 32 {
			lx.operand(depth + 1)
			continue
		}
		if lx.keyword() == "" {
			lx.pos++
		}
	}
}

// skipInlineImage skips BI <dict> ID <data> EI. The data ends at the first
// "EI" that stands alone between white space (or at the end).
func (lx *lexer) skipInlineImage() {
	id := -1
	for i := lx.pos; i+1 < len(lx.b); i++ {
		if lx.b[i] == 'I' && lx.b[i+1] == 'D' && (i == 0 || isSpace(lx.b[i-1])) && (i+2 >= len(lx.b) || isSpace(lx.b[i+2])) {
			id = i + 3 // one white-space byte follows ID
			break
		}
	}
	if id < 0 {
		lx.pos = len(lx.b)
		return
	}
	for i := id; i+1 < len(lx.b); i++ {
		if lx.b[i] == 'E' && lx.b[i+1] == 'I' && (i == 0 || isSpace(lx.b[i-1])) && (i+2 >= len(lx.b) || isSpace(lx.b[i+2])) {
			lx.pos = i + 2
			return
		}
	}
	lx.pos = len(lx.b)
}
