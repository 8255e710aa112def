package pdf

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// glyphRun lays out text as glyphs of the given advance, starting at x on
// baseline base; a '|' in text is a gap of gap points with no glyph.
func glyphRun(text string, x, base, size, adv, gap float64) []Glyph {
	var out []Glyph
	for _, r := range text {
		if r == '|' {
			x += gap
			continue
		}
		out = append(out, Glyph{Text: string(r), Font: "Helvetica", Size: size, X0: x, X1: x + adv,
			Top: base - 0.8*size, Bot: base + 0.2*size, Base: base})
		x += adv
	}
	return out
}

func wordTexts(ws []Word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.Text
	}
	return out
}

func TestWords(t *testing.T) {
	sup := glyphRun("1", 100, 100, 10, 5, 0)
	sup = append(sup, glyphRun("st", 105, 96, 6, 3, 0)...) // raised, smaller
	sup = append(sup, glyphRun("place", 113, 100, 10, 5, 0)...)
	overprint := append(glyphRun("Bold", 100, 100, 10, 5, 0), glyphRun("Bold", 100.3, 100, 10, 5, 0)...)
	ctl := glyphRun("wi", 100, 100, 10, 5, 0)
	ctl = append(ctl, Glyph{Text: "\n", Size: 10, X0: 110, X1: 110, Top: 92, Bot: 102, Base: 100})
	ctl = append(ctl, glyphRun("th", 110, 100, 10, 5, 0)...)
	fn := glyphRun("threats.", 100, 100, 10, 5, 0)
	fn = append(fn, glyphRun("1", 140, 96, 6, 3, 0)...)
	lig := glyphRun("diﬀ", 100, 100, 10, 5, 0)
	lig = append(lig, Glyph{Text: " ", Font: "Helvetica", Size: 10, X0: 112, X1: 114.5, Top: 92, Bot: 102, Base: 100})
	lig = append(lig, glyphRun("erent fields", 115, 100, 10, 5, 0)...)
	cases := []struct {
		name string
		gs   []Glyph
		want string
	}{
		{"a space drawn back over a ligature is no gap", lig, "different|fields"},
		{"explicit spaces", glyphRun("To tackle poverty", 50, 100, 10, 5, 0), "To|tackle|poverty"},
		{"no space glyphs, gaps only", glyphRun("To|tackle|poverty", 50, 100, 10, 5, 3), "To|tackle|poverty"},
		{"kerning is not a gap", glyphRun("ta|ckle", 50, 100, 10, 5, 0.8), "tackle"},
		{"ligature NFKC", glyphRun("ﬁnance", 50, 100, 10, 5, 0), "finance"},
		{"superscript joins its word", sup, "1st|place"},
		{"overprinted bold drawn once", overprint, "Bold"},
		{"stray newline glyph inside a word", ctl, "with"},
		{"texts drawn over each other stay apart", append(glyphRun("EXECUTIVE", 100, 100, 10, 5, 0), glyphRun("APPENDIX", 112, 100, 10, 5, 0)...), "EXECUTIVE|APPENDIX"},
		{"raised footnote number is its own word", fn, "threats.|1"},
		{"padding spaces drawn later do not split", append(glyphRun("(498,5)", 100, 100, 10, 5, 0), glyphRun("   ", 100, 100, 10, 3, 0)...), "(498,5)"},
		{"out of order glyphs are sorted", append(glyphRun("ld", 110, 100, 10, 5, 0), glyphRun("wor", 95, 100, 10, 5, 0)...), "world"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := strings.Join(wordTexts(words(c.gs)), "|")
			if got != c.want {
				t.Errorf("words = %q, want %q", got, c.want)
			}
		})
	}
}

func TestLines(t *testing.T) {
	var gs []Glyph
	gs = append(gs, glyphRun("second line", 50, 114, 10, 5, 0)...)
	gs = append(gs, glyphRun("first line", 50, 100, 10, 5, 0)...)
	gs = append(gs, glyphRun("note", 200, 96.5, 6, 3, 0)...) // superscript on the first line
	gs = append(gs, glyphRun("right", 300, 100.6, 10, 5, 0)...)
	ls := lines(words(gs))
	if len(ls) != 2 {
		t.Fatalf("got %d lines, want 2: %+v", len(ls), ls)
	}
	var got []string
	for _, l := range ls {
		got = append(got, strings.Join(wordTexts(l.Words), " "))
	}
	if got[0] != "first line note right" || got[1] != "second line" {
		t.Errorf("lines = %q", got)
	}
	if ls[0].Base != 100 && ls[0].Base != 100.6 {
		t.Errorf("first line baseline %v, want the body text's", ls[0].Base)
	}
}

// FuzzWordsLines builds words and lines from arbitrary glyph boxes: it must
// never panic, and the results must be consistent.
func FuzzWordsLines(f *testing.F) {
	f.Add([]byte("To tackle poverty"), []byte{10, 20, 30, 40, 50, 60, 70, 80, 90}, 10.0)
	f.Add([]byte("wi\nth \t ﬁ"), []byte{0, 0, 0, 255, 1, 2, 3, 4}, 0.5)
	f.Add([]byte{0xff, 0xfe, 'a', 'b'}, []byte{200, 100, 50}, 72.0)
	f.Fuzz(func(t *testing.T, text []byte, pos []byte, size float64) {
		if math.IsNaN(size) || math.IsInf(size, 0) {
			size = 10
		}
		var gs []Glyph
		for i, r := range string(text) {
			p := func(k int) float64 {
				if len(pos) == 0 {
					return 0
				}
				return float64(pos[(i+k)%len(pos)])
			}
			s := math.Abs(size) + p(3)/50
			x := p(0) * 3
			base := p(1) * 4
			gs = append(gs, Glyph{Text: string(r), Size: s, X0: x, X1: x + p(2)/10,
				Top: base - 0.8*s, Bot: base + 0.2*s, Base: base})
			if len(gs) > 400 {
				break
			}
		}
		ws := words(gs)
		ls := lines(ws)
		ws2, ls2 := wordsAndLines(gs)
		n2 := 0
		for _, l := range ls2 {
			n2 += len(l.Words)
			if len(l.Words) == 0 {
				t.Fatal("empty line")
			}
		}
		if n2 != len(ws2) || len(ws2) != len(ws) {
			t.Fatalf("wordsAndLines: %d words in lines, %d words, words() gave %d", n2, len(ws2), len(ws))
		}
		n := 0
		for _, l := range ls {
			n += len(l.Words)
			for i, w := range l.Words {
				if w.Text == "" || !utf8.ValidString(w.Text) {
					t.Fatalf("bad word text %q", w.Text)
				}
				if w.X0 < l.X0 || w.X1 > l.X1 || w.Top < l.Top || w.Bot > l.Bot {
					t.Fatalf("word %+v outside its line box %v..%v", w, l.X0, l.X1)
				}
				if i > 0 && l.Words[i-1].X0 > w.X0 {
					t.Fatalf("words not left to right")
				}
				if strings.ContainsAny(w.Text, " \n\t") {
					t.Fatalf("space inside word %q", w.Text)
				}
			}
		}
		if n != len(ws) {
			t.Fatalf("lines hold %d words, words gave %d", n, len(ws))
		}
		for i := 1; i < len(ls); i++ {
			if ls[i].Base < ls[i-1].Base {
				t.Fatalf("lines not top to bottom")
			}
		}
	})
}

func TestFixC1(t *testing.T) {
	for in, want := range map[string]string{"\u0096": "–", "a\u0093b\u0094": "a“b”", "plain": "plain", "\u0085": "…"} {
		if got := fixC1(in); got != want {
			t.Errorf("fixC1(%q) = %q, want %q", in, got, want)
		}
	}
}
