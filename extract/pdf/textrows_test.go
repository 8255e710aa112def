package pdf

import (
	"reflect"
	"testing"
)

// TestTextRows: the rows of a table of text cells as the key column
// starts them. Columns: key at 40–180, milestone at 200–400, date at
// 420–480; 10 pt text, 12 pt line pitch unless a case says otherwise.
func TestTextRows(t *testing.T) {
	// cell makes a line's text in one column: its first word, word count,
	// and right end.
	cell := func(lead string, words int, x0, x1, base float64) lineCell {
		return lineCell{x0: x0, x1: x1, first: 6 * float64(len(lead)), size: 10, words: words, base: base, lead: lead}
	}
	key := func(lead string, words int, x1, base float64) lineCell { return cell(lead, words, 40, x1, base) }
	ms := func(lead string, words int, x1, base float64) lineCell { return cell(lead, words, 200, x1, base) }
	date := func(lead string, base float64) lineCell { c := cell(lead, 2, 420, 480, base); c.last = 2; return c }
	line := func(cs ...lineCell) map[int]lineCell {
		m := map[int]lineCell{}
		for _, c := range cs {
			j := 0
			switch c.x0 {
			case 200:
				j = 1
			case 420:
				j = 2
			}
			c.last = max(c.last, j)
			m[j] = c
		}
		return m
	}
	cases := []struct {
		name  string
		lines []map[int]lineCell
		want  []int
	}{
		{
			// Milestones set between the key's lines (paragraph spacing in
			// their cell) join the row its key column started; the next
			// entry starts after a gap.
			name: "borderless, interleaved lines",
			lines: []map[int]lineCell{
				line(key("1.", 6, 178, 100), ms("Pilot", 2, 260, 100), date("Summer", 100)),
				line(key("agreement", 4, 175, 112), ms("within", 6, 398, 112)),
				line(ms("Evaluation", 4, 300, 116), date("Spring", 116)),
				line(key("take-up", 4, 150, 124), ms("complete", 1, 250, 128)),
				line(key("2.", 5, 170, 150), ms("Baseline", 6, 396, 150), date("Autumn", 150)),
				line(key("workplace", 1, 90, 162), ms("of", 3, 300, 162)),
			},
			want: []int{0, 0, 0, 0, 1, 1},
		},
		{
			// No gap, no number, the key's line above wrapped: a new entry
			// still starts where the milestone and date columns start new
			// text on the key's line and none goes on (a line that goes on
			// in lower case would not).
			name: "tight, first lines aligned",
			lines: []map[int]lineCell{
				line(key("Improve", 6, 178, 100), ms("Survey", 2, 260, 100), date("Summer", 100)),
				line(key("region", 5, 176, 112), ms("Report", 2, 260, 112)),
				line(key("Develop", 6, 177, 124), ms("Strategy", 6, 398, 124), date("Autumn", 124)),
				line(ms("adopted", 4, 300, 136)),
			},
			want: []int{0, 0, 1, 1},
		},
		{
			// Capitalised labels, each on its line: a figure table, a row
			// a line.
			name: "figure table",
			lines: []map[int]lineCell{
				line(key("Northern", 2, 178, 100), ms("100", 1, 220, 100), date("4", 100)),
				line(key("Norway", 1, 100, 112), ms("100", 1, 220, 112), date("4", 112)),
				line(key("Oman", 1, 90, 124), ms("92", 1, 215, 124), date("2", 124)),
			},
			want: []int{0, 1, 2},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, n := textRows(c.lines, 3)
			if !reflect.DeepEqual(got, c.want) || n != c.want[len(c.want)-1]+1 {
				t.Errorf("rows %v (%d), want %v", got, n, c.want)
			}
		})
	}
}
