package pdf

import (
	"bytes"
	"context"
	"crypto/md5"
	"crypto/rc4"
	"fmt"
	"strings"
	"testing"

	"github.com/planmap/planmap/extract/layout"
)

// rc440PDF writes a one-page PDF encrypted as Acrobat 3 did (RC4, 40-bit
// key, revision 2) with the given user password and an owner password,
// its page text and its Info title encrypted.
func rc440PDF(user string) []byte {
	pad := func(pw string) []byte { return append([]byte(pw), passwordPad[:32-len(pw)]...) }
	rc := func(key, b []byte) []byte {
		c, _ := rc4.NewCipher(key)
		out := make([]byte, len(b))
		c.XORKeyStream(out, b)
		return out
	}
	ok := md5.Sum(pad("owner"))
	o := rc(ok[:5], pad(user))
	id := []byte("0123456789abcdef")
	p := uint32(0xFFFFFFFC) // -4
	h := md5.New()
	h.Write(pad(user))
	h.Write(o)
	h.Write([]byte{byte(p), byte(p >> 8), byte(p >> 16), byte(p >> 24)})
	h.Write(id)
	key := h.Sum(nil)[:5]
	u := rc(key, passwordPad)
	objKey := func(n int) []byte {
		s := md5.Sum(append(append([]byte(nil), key...), byte(n), byte(n>>8), byte(n>>16), 0, 0))
		return s[:10]
	}
	content := "BT /F1 12 Tf 72 700 Td (Owner password only) Tj ET"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), rc(objKey(5), []byte(content))),
		fmt.Sprintf("<< /Title <%x> >>", rc(objKey(6), []byte("Secret plan"))),
		fmt.Sprintf("<< /Filter /Standard /V 1 /R 2 /Length 40 /O <%x> /U <%x> /P -4 >>", o, u),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.3\n")
	var offs []int
	for i, s := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, s)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R /Encrypt 7 0 R /ID [<%x><%x>] >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, id, id, x)
	return b.Bytes()
}

// TestRC440: an owner-password-only file in 40-bit RC4 reads ok, text and
// title decrypted (the PDF library keyed its objects wrongly: "zlib:
// invalid header"); with a real user password it is still encrypted.
func TestRC440(t *testing.T) {
	doc, err := Extract(context.Background(), rc440PDF(""), Options{})
	if err != nil {
		t.Fatalf("status %s: %v", layout.StatusOf(err), err)
	}
	if got := strings.TrimSpace(blockText(doc)); got != "Owner password only" {
		t.Errorf("text %q", got)
	}
	if doc.Title != "Secret plan" {
		t.Errorf("title %q", doc.Title)
	}
	_, err = Extract(context.Background(), rc440PDF("secret"), Options{})
	if layout.StatusOf(err) != layout.StatusEncrypted {
		t.Errorf("user password 'secret': %v, want encrypted", err)
	}
}

func TestHash2BKnownAnswer(t *testing.T) {
	// the R6 hash is deterministic and 32 bytes; its value for the empty
	// password is checked end to end by TestEncrypted/encrypted-aes256.pdf
	// (qpdf's AES-256 with an empty user password)
	a, b := hash2B(nil, []byte("saltsalt"), nil), hash2B(nil, []byte("saltsalt"), nil)
	if len(a) != 32 || !bytes.Equal(a, b) {
		t.Errorf("hash2B: %x %x", a, b)
	}
}
