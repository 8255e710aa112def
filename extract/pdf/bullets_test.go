package pdf

import "testing"

// itemRun lays out text as 11 pt glyphs on baseline 100 from x, each 5 pt
// wide, a space 3 pt.
func itemRun(text string, x float64) []Glyph {
	var gs []Glyph
	for _, r := range text {
		if r == ' ' {
			x += 3
			continue
		}
		gs = append(gs, Glyph{Text: string(r), Font: "Arial", Size: 11, X0: x, X1: x + 5, Top: 91.2, Bot: 102.2, Base: 100})
		x += 5
	}
	return gs
}

func TestBulletGlyphs(t *testing.T) {
	disc := mark{x0: 61.5, top: 95.5, x1: 64.5, bot: 98.5} // 3 pt, centred on the x-height
	cases := []struct {
		name  string
		marks []mark
		gs    []Glyph
		want  int
	}{
		{"disc before an item", []mark{disc}, itemRun("support online discussion", 72.7), 1},
		{"square before an item", []mark{{60, 95, 64, 99}}, itemRun("work in partnership", 72.7), 1},
		{"legend swatch hugging its label", []mark{{60, 94.5, 66, 100.5}}, itemRun("Outstanding", 67.5), 0},
		{"point labelled in a figure", []mark{disc}, itemRun("b1", 68), 0},
		{"dot between words", []mark{disc}, append(itemRun("Home", 40), itemRun("Council", 72.7)...), 0},
		{"under a text bullet", []mark{disc}, append(itemRun("•", 61), itemRun("item text", 72.7)...), 0},
		{"on the baseline", []mark{{61.5, 98.5, 64.5, 101.5}}, itemRun("an underscore", 72.7), 0},
		{"text drawn as outlines", []mark{disc, {55, 95.5, 58, 98.5}}, itemRun("support", 72.7), 0},
		{"too far from the text", []mark{disc}, itemRun("support", 100), 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := bulletGlyphs(c.marks, c.gs)
			if len(got) != c.want {
				t.Fatalf("%d bullets, want %d: %+v", len(got), c.want, got)
			}
			if c.want == 1 {
				g := got[0]
				if g.Text != "•" || g.Base != 100 || g.Size != 11 || g.X1 > c.gs[0].X0 {
					t.Errorf("bullet %+v", g)
				}
				ws, _ := wordsAndLines(append(c.gs, got...))
				if ws[0].Text != "•" {
					t.Errorf("first word %q, want the bullet", ws[0].Text)
				}
			}
		})
	}
}

// FuzzBulletGlyphs places glyphs and marks from arbitrary bytes: no panic,
// at most one bullet a mark, each on the baseline of a glyph right of it.
func FuzzBulletGlyphs(f *testing.F) {
	f.Add([]byte{1, 61, 95, 3, 3, 0, 72, 100, 11, 5, 0, 77, 100, 11, 5, 0, 82, 100, 11, 5})
	f.Add(make([]byte, 40))
	f.Fuzz(func(t *testing.T, data []byte) {
		var gs []Glyph
		var ms []mark
		for len(data) >= 5 {
			x, y, a, b := float64(data[1]), float64(data[2]), float64(data[3])/8, float64(data[4])
			if data[0]%2 == 1 {
				ms = append(ms, mark{x0: x, top: y, x1: x + a, bot: y + b/8})
			} else if b > 0 {
				gs = append(gs, Glyph{Text: string(rune('a' + data[0]%26)), Size: b, X0: x, X1: x + a, Top: y - 0.8*b, Bot: y + 0.2*b, Base: y})
			}
			data = data[5:]
		}
		got := bulletGlyphs(ms, gs)
		if len(got) > len(ms) {
			t.Fatalf("%d bullets from %d marks", len(got), len(ms))
		}
		for _, g := range got {
			ok := false
			for _, k := range gs {
				if k.Base == g.Base && k.X0 >= g.X1 {
					ok = true
				}
			}
			if g.Text != "•" || !ok {
				t.Fatalf("bullet %+v with no text right of it", g)
			}
		}
	})
}
