package pdf

import (
	"sort"

	"github.com/planmap/planmap/extract/layout"
)

// Reading order: a block that spans the page's columns (a full-width
// heading, paragraph or table) keeps its place top to bottom; between two
// such blocks, the narrower blocks are grouped into columns by horizontal
// overlap and read column by column, left to right.

// orderItem is a text box or a table waiting to be ordered.
type orderItem struct {
	box   layout.Box
	text  *textBox
	table *PageTable
}

func readingOrder(items []orderItem, pageWidth float64) []orderItem {
	if len(items) < 2 {
		return items
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].box.Y0 < items[j].box.Y0 })
	x0, x1 := items[0].box.X0, items[0].box.X1
	for _, it := range items {
		x0, x1 = min(x0, it.box.X0), max(x1, it.box.X1)
	}
	span := x1 - x0
	if span <= 0 {
		return items
	}
	out := make([]orderItem, 0, len(items))
	var band []orderItem
	flush := func() {
		out = append(out, columns(band)...)
		band = band[:0]
	}
	for _, it := range items {
		if wide(it, span) {
			flush()
			out = append(out, it)
			continue
		}
		band = append(band, it)
	}
	flush()
	return out
}

// wide reports whether an item spans the page's columns: a table, or a
// block wider than 60% of the text area.
func wide(it orderItem, span float64) bool {
	return it.table != nil || it.box.X1-it.box.X0 > 0.6*span
}

// columns orders a band of narrow items column by column.
func columns(band []orderItem) []orderItem {
	if len(band) < 2 {
		return append([]orderItem(nil), band...)
	}
	// union items whose x ranges overlap into columns
	parent := newUnionFind(len(band))
	for i := range band {
		for j := i + 1; j < len(band); j++ {
			a, b := band[i].box, band[j].box
			ov := min(a.X1, b.X1) - max(a.X0, b.X0)
			if ov > 0.2*min(a.X1-a.X0, b.X1-b.X0) {
				parent.union(i, j)
			}
		}
	}
	type col struct {
		x0    float64
		items []orderItem
	}
	groups := map[int]*col{}
	var cols []*col
	for i, it := range band {
		r := parent.find(i)
		c := groups[r]
		if c == nil {
			c = &col{x0: it.box.X0}
			groups[r] = c
			cols = append(cols, c)
		}
		c.x0 = min(c.x0, it.box.X0)
		c.items = append(c.items, it)
	}
	sort.SliceStable(cols, func(i, j int) bool { return cols[i].x0 < cols[j].x0 })
	var out []orderItem
	for _, c := range cols {
		out = append(out, c.items...) // already top to bottom
	}
	return out
}
