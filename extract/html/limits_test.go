package html

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/extract/layout"
)

func nestedDivs(n int) []byte {
	return []byte("<html><body>" + strings.Repeat("<div>", n) + "deep" + strings.Repeat("</div>", n) + "</body></html>")
}

func wantStatus(t *testing.T, err error, want layout.Status) {
	t.Helper()
	var le *layout.Error
	if !errors.As(err, &le) {
		t.Fatalf("error %v (%T) is not a *layout.Error", err, err)
	}
	if le.Status != want {
		t.Fatalf("status %s, want %s (%v)", le.Status, want, err)
	}
}

func TestLimits(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		opt  Options
		want layout.Status // "" = must succeed
	}{
		{"100,000 nested divs", nestedDivs(100_000), Options{}, layout.StatusTooLarge},
		{"600 nested divs (over the parser's 512)", nestedDivs(600), Options{}, layout.StatusTooLarge},
		{"100 nested divs under MaxDepth 50", nestedDivs(100), Options{MaxDepth: 50}, layout.StatusTooLarge},
		{"100 nested divs", nestedDivs(100), Options{}, ""},
		{"100,000 unclosed <b>", []byte(strings.Repeat("<b>x", 100_000)), Options{}, layout.StatusTooLarge},
		{"over MaxBytes", []byte("<p>Spring, 2008</p>"), Options{MaxBytes: 10}, layout.StatusTooLarge},
		{"colspan and rowspan bomb", []byte(strings.Repeat("<table>"+strings.Repeat(`<tr><td colspan="1000" rowspan="65534">x</td></tr>`, 1200)+"</table>", 1)), Options{}, layout.StatusTooLarge},
		{"empty input", nil, Options{}, ""},
		{"not HTML at all", []byte{0, 1, 2, 0xff, 0xfe, 0x00, '<', '<', '>'}, Options{}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Extract(tc.data, tc.opt)
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				checkDocument(t, doc)
				return
			}
			wantStatus(t, err, tc.want)
		})
	}
}

// TestCharsets: every way a page states (or fails to state) its encoding.
func TestCharsets(t *testing.T) {
	const words = "Scrutiny Committee’s review – “user focus” © 2005"
	cp1252 := []byte("Scrutiny Committee\x92s review \x96 \x93user focus\x94 \xa9 2005")
	utf16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte("<p>" + words + "</p>"))
	cases := []struct {
		name    string
		data    []byte
		charset string
		warn    bool
	}{
		{"UTF-8 without declaration", []byte("<p>" + words + "</p>"), "utf-8", false},
		{"UTF-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, "<p>"+words+"</p>"...), "utf-8", false},
		{"UTF-16 with BOM", utf16le, "utf-16le", false},
		{"windows-1252 without declaration", append(append([]byte("<p>"), cp1252...), "</p>"...), "windows-1252", false},
		{"meta charset windows-1252", append(append([]byte(`<meta charset="windows-1252"><p>`), cp1252...), "</p>"...), "windows-1252", false},
		{"iso-8859-1 label means windows-1252", append(append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>`), cp1252...), "</p>"...), "windows-1252", false},
		{"XML declaration", append(append([]byte(`<?xml version="1.0" encoding="windows-1252"?><html><body><p>`), cp1252...), "</p></body></html>"...), "windows-1252", false},
		{"declared windows-1252 but really UTF-8", []byte(`<meta charset="windows-1252"><p>` + words + "</p>"), "utf-8", true},
		{"declared UTF-8 but really windows-1252", append(append([]byte(`<meta charset="utf-8"><p>`), cp1252...), "</p>"...), "windows-1252", true},
		{"UTF-8 page with pasted windows-1252 bytes", []byte(`<meta charset="utf-8"><p>Scrutiny Committee’s review ` + "\x96" + ` “user focus” © 2005</p>`), "utf-8", true},
		{"unknown label", []byte(`<meta charset="x-no-such-charset"><p>` + words + "</p>"), "utf-8", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Extract(tc.data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, doc)
			if len(doc.Blocks) != 1 {
				t.Fatalf("blocks: %s", dump(doc))
			}
			want := words
			if tc.name == "UTF-8 page with pasted windows-1252 bytes" {
				want = strings.Replace(words, "–", "–", 1)
			}
			if doc.Blocks[0].Text != want {
				t.Errorf("text = %q, want %q", doc.Blocks[0].Text, want)
			}
			if doc.Meta["charset"] != tc.charset {
				t.Errorf("charset = %q, want %q", doc.Meta["charset"], tc.charset)
			}
			if got := len(doc.Warnings) > 0; got != tc.warn {
				t.Errorf("warnings = %q, want some: %v", doc.Warnings, tc.warn)
			}
		})
	}
}

func BenchmarkNestedDivs(b *testing.B) {
	data := nestedDivs(100_000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Extract(data, Options{}); err == nil {
			b.Fatal("no error")
		}
	}
}

func BenchmarkSamples(b *testing.B) {
	var pages [][]byte
	for _, name := range samples {
		pages = append(pages, corpustest.ReadSample(b, name+".html"))
	}
	for b.Loop() {
		for _, p := range pages {
			if _, err := Extract(p, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestDeclaredMultiByteCharsets: a page whose <meta> declares a Chinese or
// Japanese encoding is read as declared when its bytes are in it, and as
// UTF-8, with a warning, when its bytes are valid UTF-8 (a site converted
// to UTF-8 that kept its old declaration): decoded as declared, such a
// page comes out as mojibake without any error.
func TestDeclaredMultiByteCharsets(t *testing.T) {
	const zh = "社会包容伙伴关系 2002–2003 年度报告：行动计划"
	const ja = "社会的包摂パートナーシップ 行動計画 2009年"
	const en = "Community Safety Partnership – action plan 2009"
	enc := func(e encoding.Encoding, s string) []byte {
		b, err := e.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	page := func(label string, body []byte) []byte {
		return append(append([]byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=`+label+`"></head><body><p>`), body...), "</p></body></html>"...)
	}
	cases := []struct {
		name    string
		data    []byte
		text    string
		charset string
		warn    bool
	}{
		{"declared gb2312, really UTF-8", page("gb2312", []byte(zh)), zh, "utf-8", true},
		{"declared gb2312, really GBK", page("gb2312", enc(simplifiedchinese.GBK, zh)), zh, "gbk", false},
		{"declared GB18030, really UTF-8", page("GB18030", []byte(zh)), zh, "utf-8", true},
		{"declared big5, really Big5", page("big5", enc(traditionalchinese.Big5, "社會包容 行動計劃")), "社會包容 行動計劃", "big5", false},
		{"declared shift_jis, really UTF-8", page("shift_jis", []byte(ja)), ja, "utf-8", true},
		{"declared shift_jis, really Shift_JIS", page("shift_jis", enc(japanese.ShiftJIS, ja)), ja, "shift_jis", false},
		{"declared gb2312, English with one UTF-8 dash", page("gb2312", []byte(en)), en, "utf-8", true},
		{"declared gb2312, plain ASCII", page("gb2312", []byte("Action plan 2009")), "Action plan 2009", "gbk", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Extract(tc.data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Blocks) != 1 || doc.Blocks[0].Text != tc.text {
				t.Fatalf("got %s, want one block %q", dump(doc), tc.text)
			}
			if doc.Meta["charset"] != tc.charset {
				t.Errorf("charset = %q, want %q", doc.Meta["charset"], tc.charset)
			}
			if got := len(doc.Warnings) > 0; got != tc.warn {
				t.Errorf("warnings = %q, want some: %v", doc.Warnings, tc.warn)
			}
		})
	}
}
