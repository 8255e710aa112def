package pdf

import (
	"bytes"
	"compress/lzw"
	"compress/zlib"
	"encoding/ascii85"
	"encoding/hex"
	"fmt"
	"io"
	"regexp"
	"strconv"

	tifflzw "golang.org/x/image/tiff/lzw"
)

// Standard filters the PDF library does not know. It decodes FlateDecode
// (without a predictor, or PNG Up) and ASCII85Decode; a stream in any other
// filter makes it panic, and a page whose content or fonts are in
// LZWDecode would be lost, or worse, read with the wrong glyphs. Before
// the library sees the file, every non-image stream whose filters include
// LZWDecode, RunLengthDecode or ASCIIHexDecode is decoded here and written
// back unfiltered, and the cross-reference data is rebuilt over the new
// offsets (rebuildXref).
//
// LZWDecode comes from golang.org/x/image/tiff/lzw: PDF's LZW by default
// (EarlyChange 1) widens its codes one code early, as TIFF's does, which
// the standard library's compress/lzw (GIF's variant) does not; that
// reader serves /EarlyChange 0.

var (
	foreignFilterRe = regexp.MustCompile(`/(LZWDecode|RunLengthDecode|ASCIIHexDecode)\b`)
	filterRe        = regexp.MustCompile(`/Filter\s*(/[A-Za-z0-9]+|\[[^\]]*\])`)
	filterNameRe    = regexp.MustCompile(`/([A-Za-z0-9]+)`)
	lengthRe        = regexp.MustCompile(`/Length\s+\d+(\s+\d+\s+R)?`)
	decodeParmsRe   = regexp.MustCompile(`/DecodeParms\s*`)
	earlyChangeRe   = regexp.MustCompile(`/EarlyChange\s+0\b`)
	predictorRe     = regexp.MustCompile(`/Predictor\s+(\d+)`)
	imageRe         = regexp.MustCompile(`/Subtype\s*/Image\b`)
)

// maxDecoded bounds the bytes decoded from foreign filters in one file.
const maxDecoded = 256 << 20

// decodeForeignStreams returns data with each stream in a filter the
// library lacks written back decoded, and how many streams that was; 0
// when the file has none, or is encrypted (its stream data cannot be
// decoded before decryption).
func decodeForeignStreams(data []byte) ([]byte, int) {
	if !bytes.Contains(data, []byte("LZWDecode")) && !bytes.Contains(data, []byte("RunLengthDecode")) &&
		!bytes.Contains(data, []byte("ASCIIHexDecode")) || bytes.Contains(data, []byte("/Encrypt")) {
		return data, 0 // most files: no regexp over the whole file
	}
	heads := scanHeads(data)
	var out bytes.Buffer
	done, budget := 0, maxDecoded
	from := 0 // data before this is written
	for k, h := range heads {
		end := len(data)
		if k+1 < len(heads) {
			end = heads[k+1][1]
		}
		d := dictHead(data[h[2]:end])
		if d == nil || !foreignFilterRe.Match(d) || imageRe.Match(d) {
			continue
		}
		s := streamStart(data[:end], h[2])
		if s < 0 {
			continue
		}
		e := bytes.Index(data[s:end], []byte("endstream"))
		if e < 0 {
			continue
		}
		raw := data[s : s+e]
		if m := lengthRe.FindSubmatch(d); m != nil && m[1] == nil {
			if n, err := strconv.Atoi(string(bytes.Fields(m[0])[1])); err == nil && n >= 0 && n <= len(raw) {
				raw = raw[:n]
			}
		} else {
			raw = bytes.TrimRight(raw, "\r\n")
		}
		dec, err := decodeFilters(raw, d, budget)
		if err != nil {
			continue
		}
		budget -= len(dec)
		closeAt := bytes.Index(data[s+e:end], []byte("endobj"))
		if closeAt < 0 {
			continue
		}
		closeAt += s + e + len("endobj")
		out.Write(data[from:h[1]])
		fmt.Fprintf(&out, "%d %d obj\n<</Length %d%s>>\nstream\n", h[0], h[3], len(dec), withoutFilter(d))
		out.Write(dec)
		out.WriteString("\nendstream\nendobj")
		from = closeAt
		done++
	}
	if done == 0 {
		return data, 0
	}
	out.Write(data[from:])
	return out.Bytes(), done
}

// withoutFilter returns the entries of dictionary d (without its "<<" and
// ">>") less /Filter, /DecodeParms and /Length.
func withoutFilter(d []byte) []byte {
	inner := d[2 : len(d)-2]
	var cut [][2]int
	for _, m := range filterRe.FindAllIndex(inner, -1) {
		cut = append(cut, [2]int{m[0], m[1]})
	}
	for _, m := range lengthRe.FindAllIndex(inner, -1) {
		cut = append(cut, [2]int{m[0], m[1]})
	}
	for _, m := range decodeParmsRe.FindAllIndex(inner, -1) {
		cut = append(cut, [2]int{m[0], m[1] + valueLen(inner[m[1]:])})
	}
	keep := make([]bool, len(inner))
	for i := range keep {
		keep[i] = true
	}
	for _, c := range cut {
		for i := c[0]; i < c[1] && i < len(inner); i++ {
			keep[i] = false
		}
	}
	var b []byte
	for i, c := range inner {
		if keep[i] {
			b = append(b, c)
		}
	}
	return append([]byte(" "), b...)
}

// valueLen is the length of the value (a dictionary, an array, a name,
// null) at the start of b.
func valueLen(b []byte) int {
	switch {
	case bytes.HasPrefix(b, []byte("<<")):
		return len(dictHead(b))
	case bytes.HasPrefix(b, []byte("[")):
		depth := 0
		for i, c := range b {
			switch c {
			case '[':
				depth++
			case ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
		return len(b)
	}
	i := 1
	for i < len(b) && !isSpace(b[i]) && !isDelim(b[i]) {
		i++
	}
	return i
}

// decodeFilters applies the stream's filters in order. Each filter's
// parameters are the stream's /DecodeParms when there is one filter, or
// the array's entry for that filter; a predictor other than none (1) is
// not supported, nor is a filter that is not listed.
func decodeFilters(raw, d []byte, budget int) ([]byte, error) {
	fm := filterRe.FindSubmatch(d)
	if fm == nil {
		return nil, fmt.Errorf("no filter")
	}
	var names []string
	for _, m := range filterNameRe.FindAllSubmatch(fm[1], -1) {
		names = append(names, string(m[1]))
	}
	var parms [][]byte // per filter; nil: none
	if m := decodeParmsRe.FindIndex(d); m != nil {
		v := d[m[1] : m[1]+valueLen(d[m[1]:])]
		if bytes.HasPrefix(v, []byte("[")) {
			inner := v[1 : len(v)-1]
			for p := skipSpace(inner, 0); p < len(inner); p = skipSpace(inner, p) {
				n := valueLen(inner[p:])
				parms = append(parms, inner[p:p+n])
				p += n
			}
		} else {
			parms = [][]byte{v}
		}
	}
	b := raw
	for i, name := range names {
		var parm []byte
		if i < len(parms) {
			parm = parms[i]
		}
		if m := predictorRe.FindSubmatch(parm); m != nil && string(m[1]) != "1" {
			return nil, fmt.Errorf("predictor %s", m[1])
		}
		var r io.Reader
		src := bytes.NewReader(b)
		switch name {
		case "LZWDecode", "LZW":
			if earlyChangeRe.Match(parm) {
				r = lzw.NewReader(src, lzw.MSB, 8)
			} else {
				r = tifflzw.NewReader(src, tifflzw.MSB, 8)
			}
		case "FlateDecode", "Fl":
			zr, err := zlib.NewReader(src)
			if err != nil {
				return nil, err
			}
			r = zr
		case "ASCII85Decode", "A85":
			b = bytes.TrimSpace(b)
			b = bytes.TrimSuffix(b, []byte("~>"))
			r = ascii85.NewDecoder(bytes.NewReader(b))
		case "ASCIIHexDecode", "AHx":
			r = bytes.NewReader(asciiHex(b))
		case "RunLengthDecode", "RL":
			r = bytes.NewReader(runLength(b))
		default:
			return nil, fmt.Errorf("filter %s", name)
		}
		out, err := io.ReadAll(io.LimitReader(r, int64(budget)+1))
		if len(out) > budget {
			return nil, fmt.Errorf("over the decoding budget")
		}
		// A truncated LZW or Flate stream still gives what it holds, as
		// readers show it.
		if err != nil && len(out) == 0 {
			return nil, err
		}
		b = out
	}
	return b, nil
}

// asciiHex decodes ASCIIHexDecode data: hex digits, white space ignored,
// ending at ">"; an odd last digit is followed by 0.
func asciiHex(b []byte) []byte {
	var digits []byte
	for _, c := range b {
		if c == '>' {
			break
		}
		if isSpace(c) {
			continue
		}
		digits = append(digits, c)
	}
	if len(digits)%2 == 1 {
		digits = append(digits, '0')
	}
	out := make([]byte, len(digits)/2)
	n, _ := hex.Decode(out, digits)
	return out[:n]
}

// runLength decodes RunLengthDecode data: a length byte n, then n+1
// literal bytes (n < 128) or one byte repeated 257-n times (n > 128);
// 128 ends the data.
func runLength(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); {
		n := int(b[i])
		i++
		switch {
		case n == 128:
			return out
		case n < 128:
			end := min(len(b), i+n+1)
			out = append(out, b[i:end]...)
			i = end
		default:
			if i < len(b) {
				out = append(out, bytes.Repeat(b[i:i+1], 257-n)...)
				i++
			}
		}
	}
	return out
}
