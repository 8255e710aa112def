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
