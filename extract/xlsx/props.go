package xlsx

import (
	"bytes"
	"encoding/xml"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sheetProps is what the reader needs of a worksheet beside its values:
// hidden rows and columns, the frozen rows, the merged ranges and the style
// of the cells in a few rows (for a bold header). It is read in one pass
// over the sheet's XML, because excelize's own accessors load the whole
// sheet and allocate every row up to the last: a single cell in row
// 1,048,576 would cost a hundred megabytes.
type sheetProps struct {
	hiddenRows map[int]bool
	hiddenCols []span // c0..c1, 0-based
	frozenRows int
	merges     []span
	styles     map[int]map[int]int // row → column (0-based) → style index
}

// colsHidden says which of the first width columns are hidden, in time
// proportional to the columns and the ranges however they overlap.
func (p *sheetProps) colsHidden(width int) []bool {
	depth := make([]int, width+1)
	for _, s := range p.hiddenCols {
		if s.c0 < width {
			depth[s.c0]++
			depth[min(s.c1+1, width)]--
		}
	}
	out := make([]bool, width)
	d := 0
	for c := range width {
		d += depth[c]
		out[c] = d > 0
	}
	return out
}

// sheetPaths maps each sheet's name to its part in the package, from the
// workbook and its relationships.
func sheetPaths(f *excelize.File) map[string]string {
	part := func(name string) []byte {
		var out []byte
		f.Pkg.Range(func(k, v any) bool {
			if s, ok := k.(string); ok && strings.EqualFold(strings.TrimPrefix(s, "/"), name) {
				out, _ = v.([]byte)
				return false
			}
			return true
		})
		return out
	}
	targets := map[string]string{}
	d := xml.NewDecoder(bytes.NewReader(part("xl/_rels/workbook.xml.rels")))
	for {
		tok, err := d.RawToken()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "Relationship" {
			id, target := attr(se, "Id"), attr(se, "Target")
			if strings.HasPrefix(target, "/") {
				target = strings.TrimPrefix(target, "/")
			} else {
				target = path.Join("xl", target)
			}
			targets[id] = target
		}
	}
	out := map[string]string{}
	d = xml.NewDecoder(bytes.NewReader(part("xl/workbook.xml")))
	for {
		tok, err := d.RawToken()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "sheet" {
			if t, ok := targets[attr(se, "id")]; ok {
				out[attr(se, "name")] = t
			}
		}
	}
	return out
}

// readProps scans one sheet's XML. Damage ends the scan: what was read is
// kept. Styles are kept for the rows in want.
func readProps(data []byte, want map[int]bool) *sheetProps {
	p := &sheetProps{hiddenRows: map[int]bool{}, styles: map[int]map[int]int{}}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	row, col := 0, 0
	for {
		tok, err := d.RawToken()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "col":
			if truth(attr(se, "hidden")) {
				lo, _ := strconv.Atoi(attr(se, "min"))
				hi, _ := strconv.Atoi(attr(se, "max"))
				if lo >= 1 && hi >= lo && len(p.hiddenCols) < 16384 {
					p.hiddenCols = append(p.hiddenCols, span{c0: lo - 1, c1: hi - 1})
				}
			}
		case "pane":
			if st := attr(se, "state"); st == "frozen" || st == "frozenSplit" {
				if y, err := strconv.ParseFloat(attr(se, "ySplit"), 64); err == nil && y > 0 && y <= excelize.TotalRows {
					p.frozenRows = int(y)
				}
			}
		case "row":
			if n, err := strconv.Atoi(attr(se, "r")); err == nil && n > 0 {
				row = n
			} else {
				row++
			}
			col = 0
			if truth(attr(se, "hidden")) {
				p.hiddenRows[row] = true
			}
		case "c":
			if c, _, err := excelize.CellNameToCoordinates(attr(se, "r")); err == nil {
				col = c
			} else {
				col++
			}
			if want[row] {
				if s, err := strconv.Atoi(attr(se, "s")); err == nil && s > 0 {
					if p.styles[row] == nil {
						p.styles[row] = map[int]int{}
					}
					p.styles[row][col-1] = s
				}
			}
		case "mergeCell":
			first, last, ok := strings.Cut(attr(se, "ref"), ":")
			if !ok {
				continue
			}
			c0, r0, err0 := excelize.CellNameToCoordinates(first)
			c1, r1, err1 := excelize.CellNameToCoordinates(last)
			if err0 == nil && err1 == nil && len(p.merges) < 100000 {
				p.merges = append(p.merges, span{r0: min(r0, r1), c0: min(c0, c1) - 1, r1: max(r0, r1), c1: max(c0, c1) - 1})
			}
		}
	}
	return p
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func truth(v string) bool { return v == "1" || strings.EqualFold(v, "true") }
