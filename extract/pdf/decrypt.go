package pdf

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
)

// Owner-password-only files (the "no copying" permissions many government
// PDFs carry: an empty user password) that the PDF library cannot open
// or decrypts wrongly: RC4 with a 40-bit key (the library keys each
// object with 16 bytes where the spec says key length + 5) and AES-256
// (revisions 5 and 6, which it does not know). pdftotext reads them with
// the empty password, and so does planmap: decryptEmptyPassword derives
// the file key from the empty user password, decrypts every string and
// stream, and writes the file back without /Encrypt; the cross-reference
// data is then rebuilt. A file whose user password is not empty stays
// `encrypted`. RC4-128 and AES-128 are left to the library, which reads
// them.

var (
	intKeyRe   = func(k string) *regexp.Regexp { return regexp.MustCompile(`/` + k + `\s+(\d+)`) }
	vRe        = intKeyRe("V")
	rRe        = intKeyRe("R")
	lenKeyRe   = intKeyRe("Length")
	pRe        = regexp.MustCompile(`/P\s+(-?\d+)`)
	cfmRe      = regexp.MustCompile(`/CFM\s*/(\w+)`)
	noMetaRe   = regexp.MustCompile(`/EncryptMetadata\s+false`)
	strKeyRe   = func(k string) *regexp.Regexp { return regexp.MustCompile(`/` + k + `\s*[(<]`) }
	oRe, uRe   = strKeyRe("O"), strKeyRe("U")
	oeRe, ueRe = strKeyRe("OE"), strKeyRe("UE")
	xrefTypeRe = regexp.MustCompile(`/Type\s*/XRef\b`)
	metaRe     = regexp.MustCompile(`/Type\s*/Metadata\b`)
)

// encryption is what decrypting a file takes: the file key, and whether
// objects are keyed per object with RC4 (V1/V2), or AES-256 with the file
// key itself (V5).
type encryption struct {
	key    []byte
	aes256 bool
	meta   bool // metadata streams are encrypted too
}

// decryptEmptyPassword returns the file decrypted with the empty user
// password and true, or false when it is not a case planmap decrypts
// itself (not encrypted, a cipher the library reads, a real password).
func decryptEmptyPassword(data []byte) ([]byte, bool) {
	if !bytes.Contains(data, []byte("/Encrypt")) {
		return nil, false
	}
	heads := scanHeads(data)
	var trailer []byte
	if i := bytes.LastIndex(data, []byte("trailer")); i >= 0 {
		trailer = dictHead(data[i+len("trailer"):])
	}
	body := func(k int) []byte {
		end := len(data)
		if k+1 < len(heads) {
			end = heads[k+1][1]
		}
		return data[heads[k][2]:end]
	}
	for k := len(heads) - 1; k >= 0 && trailer == nil; k-- {
		if d := dictHead(body(k)); xrefTypeRe.Match(d) {
			trailer = d
		}
	}
	m := encryptRe.FindSubmatch(trailer)
	if m == nil {
		return nil, false
	}
	encNum, _ := strconv.Atoi(string(m[1]))
	var encDict []byte
	for k, h := range heads {
		if h[0] == encNum {
			encDict = dictHead(body(k))
		}
	}
	idm := idRe.Find(trailer)
	if encDict == nil || idm == nil {
		return nil, false
	}
	id, _ := stringAt(idm, bytes.IndexAny(idm, "(<"))
	enc, ok := emptyPasswordKey(encDict, id)
	if !ok {
		return nil, false
	}
	var out bytes.Buffer
	from := 0
	for k, h := range heads {
		if h[0] == encNum {
			continue
		}
		end := len(data)
		if k+1 < len(heads) {
			end = heads[k+1][1]
		}
		d := dictHead(data[h[2]:end])
		if xrefTypeRe.Match(d) {
			continue
		}
		closeAt := bytes.Index(data[h[2]:end], []byte("endobj"))
		if closeAt < 0 {
			continue
		}
		closeAt += h[2]
		out.Write(data[from:h[1]])
		objKey := enc.objectKey(h[0], h[3])
		fmt.Fprintf(&out, "%d %d obj\n", h[0], h[3])
		s := streamStart(data[:end], h[2])
		if s < 0 {
			out.Write(decryptStrings(data[h[2]:closeAt], enc, objKey))
			out.WriteString("endobj")
			from = closeAt + len("endobj")
			continue
		}
		e := bytes.Index(data[s:closeAt], []byte("endstream"))
		if e < 0 {
			out.Write(data[h[2]:closeAt])
			out.WriteString("endobj")
			from = closeAt + len("endobj")
			continue
		}
		raw := data[s : s+e]
		if lm := lengthRe.FindSubmatch(d); lm != nil && lm[1] == nil {
			if n, err := strconv.Atoi(string(bytes.Fields(lm[0])[1])); err == nil && n >= 0 && n <= len(raw) {
				raw = raw[:n]
			}
		} else {
			raw = bytes.TrimRight(raw, "\r\n")
		}
		plain := raw
		if enc.meta || !metaRe.Match(d) {
			plain = enc.decrypt(objKey, raw)
		}
		dd := decryptStrings(d, enc, objKey)
		dd = lengthRe.ReplaceAll(dd, nil)
		fmt.Fprintf(&out, "<</Length %d %s>>\nstream\n", len(plain), dd[2:len(dd)-2])
		out.Write(plain)
		out.WriteString("\nendstream\nendobj")
		from = closeAt + len("endobj")
	}
	out.Write(data[from:])
	rb, ok := rebuildXrefWith(out.Bytes(), false)
	return rb, ok
}

// emptyPasswordKey derives the file key from the empty user password for
// the ciphers planmap decrypts itself, and checks it against /U.
func emptyPasswordKey(d, id []byte) (encryption, bool) {
	num := func(re *regexp.Regexp, def int) int {
		if m := re.FindSubmatch(d); m != nil {
			n, _ := strconv.Atoi(string(m[1]))
			return n
		}
		return def
	}
	str := func(re *regexp.Regexp) []byte {
		if m := re.FindIndex(d); m != nil {
			s, _ := stringAt(d, m[1]-1)
			return s
		}
		return nil
	}
	v, r, bits := num(vRe, 0), num(rRe, 0), num(lenKeyRe, 40)
	meta := !noMetaRe.Match(d)
	switch {
	case v == 5 && (r == 5 || r == 6):
		u, ue := str(uRe), str(ueRe)
		if len(u) < 48 || len(ue) < 32 {
			return encryption{}, false
		}
		var hash func(salt []byte) []byte
		if r == 5 {
			hash = func(salt []byte) []byte { h := sha256.Sum256(salt); return h[:] }
		} else {
			hash = func(salt []byte) []byte { return hash2B(nil, salt, nil) }
		}
		if !bytes.Equal(hash(u[32:40]), u[:32]) {
			return encryption{}, false // a real user password
		}
		ik := hash(u[40:48])
		block, err := aes.NewCipher(ik)
		if err != nil {
			return encryption{}, false
		}
		key := make([]byte, 32)
		cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(key, ue[:32])
		return encryption{key: key, aes256: true, meta: meta}, true
	case (v == 1 || v == 2) && (r == 2 || r == 3) && (v == 1 || bits == 40):
		o, u := str(oRe), str(uRe)
		if len(o) < 32 || len(u) < 32 || bits < 40 || bits > 128 || bits%8 != 0 {
			return encryption{}, false
		}
		p := uint32(int32(num(pRe, 0)))
		h := md5.New()
		h.Write(passwordPad)
		h.Write(o[:32])
		h.Write([]byte{byte(p), byte(p >> 8), byte(p >> 16), byte(p >> 24)})
		h.Write(id)
		key := h.Sum(nil)
		n := bits / 8
		if r >= 3 {
			for range 50 {
				s := md5.Sum(key[:n])
				key = s[:]
			}
		}
		key = key[:n]
		// check: R2 encrypts the padding with the key; R3 the MD5 of the
		// padding and the ID, in 20 rounds
		c, err := rc4.NewCipher(key)
		if err != nil {
			return encryption{}, false
		}
		if r == 2 {
			got := make([]byte, 32)
			c.XORKeyStream(got, passwordPad)
			if !bytes.Equal(got, u[:32]) {
				return encryption{}, false
			}
		} else {
			hh := md5.New()
			hh.Write(passwordPad)
			hh.Write(id)
			got := hh.Sum(nil)
			for i := 0; i < 20; i++ {
				k := make([]byte, len(key))
				for j := range key {
					k[j] = key[j] ^ byte(i)
				}
				ci, _ := rc4.NewCipher(k)
				ci.XORKeyStream(got, got)
			}
			if !bytes.Equal(got, u[:16]) {
				return encryption{}, false
			}
		}
		return encryption{key: key, meta: meta}, true
	}
	return encryption{}, false
}

// passwordPad is the 32-byte padding of PDF passwords (§7.6.3.3).
var passwordPad = []byte{
	0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
	0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
}

// hash2B is the hash of revision 6 (ISO 32000-2, algorithm 2.B).
func hash2B(pw, salt, udata []byte) []byte {
	h := sha256.Sum256(append(append(append([]byte(nil), pw...), salt...), udata...))
	k := h[:]
	for round := 0; ; round++ {
		var k1 []byte
		for range 64 {
			k1 = append(append(append(k1, pw...), k...), udata...)
		}
		block, _ := aes.NewCipher(k[:16])
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, b := range e[:16] {
			sum += int(b)
		}
		switch sum % 3 {
		case 0:
			s := sha256.Sum256(e)
			k = s[:]
		case 1:
			s := sha512.Sum384(e)
			k = s[:]
		default:
			s := sha512.Sum512(e)
			k = s[:]
		}
		if round >= 63 && int(e[len(e)-1]) <= round-31 {
			break
		}
	}
	return k[:32]
}

// objectKey is the key for one object's strings and streams.
func (e encryption) objectKey(num, gen int) []byte {
	if e.aes256 {
		return e.key
	}
	h := md5.New()
	h.Write(e.key)
	h.Write([]byte{byte(num), byte(num >> 8), byte(num >> 16), byte(gen), byte(gen >> 8)})
	return h.Sum(nil)[:min(len(e.key)+5, 16)]
}

func (e encryption) decrypt(key, b []byte) []byte {
	if !e.aes256 {
		c, _ := rc4.NewCipher(key)
		out := make([]byte, len(b))
		c.XORKeyStream(out, b)
		return out
	}
	if len(b) < 32 || len(b)%16 != 0 {
		return nil
	}
	block, _ := aes.NewCipher(key)
	out := make([]byte, len(b)-16)
	cipher.NewCBCDecrypter(block, b[:16]).CryptBlocks(out, b[16:])
	if n := int(out[len(out)-1]); n >= 1 && n <= 16 {
		out = out[:len(out)-n]
	}
	return out
}

// decryptStrings returns an object's text with every string decrypted
// and written as a hex string.
func decryptStrings(b []byte, e encryption, key []byte) []byte {
	var out bytes.Buffer
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				out.WriteByte(b[i])
				i++
			}
			if i < len(b) {
				out.WriteByte(b[i])
			}
		case c == '(' || c == '<' && (i+1 >= len(b) || b[i+1] != '<'):
			s, n := stringAt(b, i)
			out.WriteByte('<')
			out.WriteString(hex.EncodeToString(e.decrypt(key, s)))
			out.WriteByte('>')
			i += n - 1
		case c == '<':
			out.WriteString("<<")
			i++
		default:
			out.WriteByte(c)
		}
	}
	return out.Bytes()
}

// stringAt reads the literal "(...)" or hex "<...>" string at b[i]: its
// bytes, and how many bytes of b it took.
func stringAt(b []byte, i int) ([]byte, int) {
	if i < 0 || i >= len(b) {
		return nil, 0
	}
	if b[i] == '<' {
		j := bytes.IndexByte(b[i:], '>')
		if j < 0 {
			return asciiHex(b[i+1:]), len(b) - i
		}
		return asciiHex(b[i+1 : i+j]), j + 1
	}
	var s []byte
	depth := 0
	for j := i; j < len(b); j++ {
		c := b[j]
		switch c {
		case '(':
			depth++
			if depth == 1 {
				continue
			}
		case ')':
			depth--
			if depth == 0 {
				return s, j - i + 1
			}
		case '\\':
			j++
			if j >= len(b) {
				return s, len(b) - i
			}
			switch c = b[j]; c {
			case 'n':
				s = append(s, '\n')
			case 'r':
				s = append(s, '\r')
			case 't':
				s = append(s, '\t')
			case 'b':
				s = append(s, '\b')
			case 'f':
				s = append(s, '\f')
			case '\r':
				if j+1 < len(b) && b[j+1] == '\n' {
					j++
				}
			case '\n':
			default:
				if c >= '0' && c <= '7' {
					x := int(c - '0')
					for k := 0; k < 2 && j+1 < len(b) && b[j+1] >= '0' && b[j+1] <= '7'; k++ {
						j++
						x = x*8 + int(b[j]-'0')
					}
					s = append(s, byte(x))
				} else {
					s = append(s, c)
				}
			}
			continue
		}
		s = append(s, c)
	}
	return s, len(b) - i
}
