package pdf

import (
	"reflect"
	"strings"
	"testing"

	"github.com/planmap/planmap/extract/layout"
)

// synthWord makes a word at (x, top) in a font of the given size, each
// character half the size wide, as a simple stand-in for real glyph metrics.
func synthWord(text string, x, top, size float64) Word {
	w := float64(len([]rune(text))) * size * 0.5
	return Word{Text: text, Size: size, X0: x, X1: x + w, Top: top, Bot: top + size, Base: top + 0.8*size}
}

// synthLine lays words out from x with one space (0.25 size) between them.
func synthLine(text string, x, top, size float64) []Word {
	var ws []Word
	for _, t := range strings.Fields(text) {
		w := synthWord(t, x, top, size)
		ws = append(ws, w)
		x = w.X1 + 0.25*size
	}
	return ws
}

func paraTexts(ps []layout.Para) []string {
	var out []string
	for _, p := range ps {
		t := p.Text
		if p.Marker != "" {
			t = p.Marker + "|" + t
		}
		out = append(out, t)
	}
	return out
}

func TestCellParas(t *testing.T) {
	const s = 10.0
	for _, c := range []struct {
		name  string
		lines []string // "" leaves a blank line
		want  []string
	}{
		{"wrapped lines join", []string{"Baseline data collated on the", "incidence of discrimination"}, []string{"Baseline data collated on the incidence of discrimination"}},
		{"blank line splits", []string{"Pilot established", "", "Evaluation of pilot complete"}, []string{"Pilot established", "Evaluation of pilot complete"}},
		{"bullets split", []string{"• first item that wraps over", "onto a second line", "• second item"}, []string{"•|first item that wraps over onto a second line", "•|second item"}},
		{"glued bullet", []string{"•first", "•second one"}, []string{"•|first", "•|second one"}},
		{"numbers split", []string{"1. Promote work as the best", "form of welfare", "2. Increase understanding"}, []string{"1.|Promote work as the best form of welfare", "2.|Increase understanding"}},
		// "Short" could not have fitted on the widest line, so it wraps; "Employer"
		// would have fitted after "Short", so that break was typed.
		{"hard break by fit", []string{"Migrant worker helpline established here", "Short", "Employer helpline established"}, []string{"Migrant worker helpline established here Short", "Employer helpline established"}},
		{"lone dash is a value", []string{"-"}, []string{"-"}},
		{"dot leaders dropped", []string{"Robbery . . . . . ."}, []string{"Robbery"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var ws []Word
			top := 100.0
			for _, l := range c.lines {
				if l != "" {
					ws = append(ws, synthLine(l, 50, top, s)...)
				}
				top += 1.2 * s
			}
			got := paraTexts(cellParas(ws, 1.2*s, 0))
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestCellLinesKeepsSuperscript(t *testing.T) {
	ws := synthLine("Sex offenses", 50, 100, 10)
	sup := synthWord("2", ws[1].X1+1, 99, 6)
	ls := cellLines(append(ws, sup))
	if len(ls) != 1 || len(ls[0].words) != 3 {
		t.Fatalf("superscript split the line: %+v", ls)
	}
}

func TestCellParasWrappedNumber(t *testing.T) {
	// A number that wrapped to the start of a line is not a list number.
	ws := synthLine("Consumer-facing element of campaign (Phase", 50, 100, 10)
	ws = append(ws, synthLine("2) complete", 50, 112, 10)...)
	got := paraTexts(cellParas(ws, 12, 0))
	want := []string{"Consumer-facing element of campaign (Phase 2) complete"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestCellParasMidWordBreak(t *testing.T) {
	// "SO1,SO2,SO" fills the cell's width, so the break falls inside the
	// word; "Ongoing" does not, so "2025" is a word of its own.
	ws := synthLine("SO1,SO2,SO", 50, 100, 10) // 50 points wide
	ws = append(ws, synthLine("3,SO5", 50, 112, 10)...)
	if got := paraTexts(cellParas(ws, 12, 51)); !reflect.DeepEqual(got, []string{"SO1,SO2,SO3,SO5"}) {
		t.Errorf("got %q", got)
	}
	for _, c := range [][2]string{{"Ongoing", "2025"}, {"Serial", "No."}, {"Halt", "days"}} {
		ws = synthLine(c[0], 50, 100, 10)
		ws = append(ws, synthLine(c[1], 50, 112, 10)...)
		want := []string{c[0] + " " + c[1]}
		if got := paraTexts(cellParas(ws, 12, float64(len(c[0]))*5)); !reflect.DeepEqual(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}
