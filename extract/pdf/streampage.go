package pdf

import "sort"

// splitTextColumns cuts a page set in columns of running text (a
// two-column report, a table inside one column of prose) into its columns,
// so that each column's lines are searched for tables on their own: across
// the page, a column of prose beside a table would otherwise make every
// table line a wide, mixed line.
//
// A page gutter is a vertical strip at least one em wide, away from the
// page edges, that (almost) no word crosses, with prose on both sides (most
// of the line parts on each side are a single chunk of several words), or
// with text on each side that keeps its own line heights. The gutter
// between two columns of a table has short cells on its sides whose lines
// share their heights, so tables are not cut.
func splitTextColumns(lines []sLine, fontSize float64, depth int) [][]sLine {
	if depth > 2 || len(lines) < 8 {
		return [][]sLine{lines}
	}
	x0, x1 := runExtent(lines)
	if !(x1-x0 >= 20*fontSize && x1-x0 < 20000) {
		return [][]sLine{lines}
	}
	const bin = 1.0
	n := int((x1-x0)/bin) + 1
	cov := make([]int, n)
	for _, l := range lines {
		for _, w := range l.words() {
			a := max(0, int((w.X0-x0)/bin))
			b := min(n-1, int((w.X1-x0)/bin))
			for k := a; k <= b; k++ {
				cov[k]++
			}
		}
	}
	allow := len(lines) / 20 // a title or two may run across the gutter
	best, bestW := -1.0, 0.0
	for k := 0; k < n; {
		if cov[k] > allow {
			k++
			continue
		}
		j := k
		for j < n && cov[j] <= allow {
			j++
		}
		a, b := x0+float64(k)*bin, x0+float64(j)*bin
		if w := b - a; w >= fontSize && a > x0+0.15*(x1-x0) && b < x1-0.15*(x1-x0) && w > bestW {
			best, bestW = (a+b)/2, w
		}
		k = j
	}
	if best < 0 {
		return [][]sLine{lines}
	}
	var left, right []sLine
	for _, l := range lines {
		var lw, rw []Word
		for _, w := range l.words() {
			if (w.X0+w.X1)/2 < best {
				lw = append(lw, w)
			} else {
				rw = append(rw, w)
			}
		}
		if len(lw) > 0 {
			left = append(left, makeSLine(lw))
		}
		if len(rw) > 0 {
			right = append(right, makeSLine(rw))
		}
	}
	if len(left) < 3 || len(right) < 3 {
		return [][]sLine{lines}
	}
	if !(mostlyProse(left) && mostlyProse(right)) && sharedBaselines(left, right) >= 0.5 {
		return [][]sLine{lines}
	}
	if spanningRows(lines, best) >= 3 && holes(left, right, fontSize)+holes(right, left, fontSize) >= 2 {
		// a table of text cells, its gutter between two columns
		return [][]sLine{lines}
	}
	sortLines(left)
	sortLines(right)
	return append(splitTextColumns(left, fontSize, depth+1), splitTextColumns(right, fontSize, depth+1)...)
}

// spanningRows counts the lines that hold text on both sides of the
// gutter at x and three or more chunks in all: the first lines of a
// table's rows, set on one baseline across its columns, where a table of
// text cells (sentences in every column) has its gutter between two
// columns. Two columns of prose beside each other make lines of two
// chunks, one a side; a table in one column of prose makes such lines too,
// so holes must say which it is.
func spanningRows(lines []sLine, x float64) int {
	n := 0
	for _, l := range lines {
		left, right := 0, 0
		for _, c := range l.chunks {
			if (c.x0+c.x1)/2 < x {
				left++
			} else {
				right++
			}
		}
		if left > 0 && right > 0 && left+right >= 3 {
			n++
		}
	}
	return n
}

// holes counts the vertical gaps in side a, over 2.5 font sizes, beside
// which side b goes on for two lines or more: the columns of a table's
// row end at different depths, where two columns of running text (or a
// table set in one of them) each flow on down the page.
func holes(a, b []sLine, fontSize float64) int {
	n := 0
	for i := 1; i < len(a); i++ {
		top, bot := a[i-1].bot, a[i].top
		if bot-top <= 2.5*fontSize {
			continue
		}
		beside := 0
		for _, l := range b {
			if l.top > top && l.bot < bot {
				beside++
			}
		}
		if beside >= 2 {
			n++
		}
	}
	return n
}

// sharedBaselines is the share of the lines on the side with fewer lines
// that have a line at the same height on the other side. The cells of a
// table's row share their line; text boxes set side by side (a poster, a
// slide of three columns) each keep their own leading.
func sharedBaselines(a, b []sLine) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0
	}
	n := 0
	for _, l := range a {
		for _, m := range b {
			if tol := 0.3 * max(l.size, m.size, 1); l.bot-m.bot <= tol && m.bot-l.bot <= tol {
				n++
				break
			}
		}
	}
	return float64(n) / float64(len(a))
}

// mostlyProse reports whether at least 40% of the lines are one chunk of
// five or more words.
func mostlyProse(ls []sLine) bool {
	if len(ls) == 0 {
		return false
	}
	prose := 0
	for _, l := range ls {
		if len(l.chunks) == 1 && len(l.chunks[0].words) >= 5 {
			prose++
		}
	}
	return float64(prose) >= 0.4*float64(len(ls))
}

func sortLines(ls []sLine) {
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].top < ls[j].top })
}
