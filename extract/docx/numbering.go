package docx

import (
	"strconv"
	"strings"
)

// numbering computes list markers the way Word prints them: numbering.xml
// maps a paragraph's numId to an abstract list whose nine levels each have a
// format, a start value and a text pattern ("%1.", "%1.%2"). Counters
// belong to the abstract list, so numbered paragraphs keep counting across
// headings and across w:num instances that share it, until a startOverride
// or a higher level restarts them.
type numbering struct {
	abstracts map[int]*abstractNum
	nums      map[int]*numInstance
	styles    *styles
	state     map[int]*counters // by abstract id
}

type abstractNum struct {
	levels         [9]*numLevel
	numStyleLink   string
	resolvedLinked bool
}

type numLevel struct {
	start   int
	format  string
	text    string
	restart int // lvlRestart: -1 = default (after any higher level), 0 = never
	legal   bool
}

type numInstance struct {
	abstract  int
	overrides map[int]*numOverride
	applied   bool
}

type numOverride struct {
	start *int
	level *numLevel
}

type counters struct {
	value   [9]int
	started [9]bool
}

type xLvl struct {
	Ilvl       string `xml:"ilvl,attr"`
	Start      *xVal  `xml:"start"`
	NumFmt     *xVal  `xml:"numFmt"`
	LvlText    *xVal  `xml:"lvlText"`
	LvlRestart *xVal  `xml:"lvlRestart"`
	IsLgl      *xVal  `xml:"isLgl"`
}

func (x xLvl) level() *numLevel {
	l := &numLevel{start: 1, format: "decimal", restart: -1}
	if x.Start != nil {
		l.start = atoiOr(x.Start.Val, 1)
	}
	if x.NumFmt != nil {
		l.format = x.NumFmt.Val
	}
	if x.LvlText != nil {
		l.text = x.LvlText.Val
	}
	if x.LvlRestart != nil {
		l.restart = atoiOr(x.LvlRestart.Val, -1)
	}
	if x.IsLgl != nil {
		l.legal = x.IsLgl.Val == "" || onOffString(x.IsLgl.Val)
	}
	return l
}

// parseNumbering reads numbering.xml. A broken part gives no numbering and
// the error, for a warning: paragraphs then read without their markers.
func parseNumbering(data []byte, st *styles) (*numbering, error) {
	n := &numbering{abstracts: map[int]*abstractNum{}, nums: map[int]*numInstance{}, styles: st, state: map[int]*counters{}}
	if len(data) == 0 {
		return n, nil
	}
	var doc struct {
		Abstracts []struct {
			ID           string `xml:"abstractNumId,attr"`
			Levels       []xLvl `xml:"lvl"`
			NumStyleLink *xVal  `xml:"numStyleLink"`
		} `xml:"abstractNum"`
		Nums []struct {
			ID       string `xml:"numId,attr"`
			Abstract *xVal  `xml:"abstractNumId"`
			Override []struct {
				Ilvl  string `xml:"ilvl,attr"`
				Start *xVal  `xml:"startOverride"`
				Lvl   *xLvl  `xml:"lvl"`
			} `xml:"lvlOverride"`
		} `xml:"num"`
	}
	if err := decodeXML(data, &doc); err != nil {
		return n, err
	}
	for _, a := range doc.Abstracts {
		id := atoiOr(a.ID, -1)
		if _, dup := n.abstracts[id]; dup {
			continue
		}
		an := &abstractNum{}
		for _, x := range a.Levels {
			if i := atoiOr(x.Ilvl, -1); i >= 0 && i < 9 && an.levels[i] == nil {
				an.levels[i] = x.level()
			}
		}
		if a.NumStyleLink != nil {
			an.numStyleLink = a.NumStyleLink.Val
		}
		n.abstracts[id] = an
	}
	for _, x := range doc.Nums {
		id := atoiOr(x.ID, -1)
		if x.Abstract == nil || id < 0 {
			continue
		}
		ni := &numInstance{abstract: atoiOr(x.Abstract.Val, -1), overrides: map[int]*numOverride{}}
		for _, o := range x.Override {
			i := atoiOr(o.Ilvl, -1)
			if i < 0 || i >= 9 {
				continue
			}
			ov := &numOverride{}
			if o.Start != nil {
				v := atoiOr(o.Start.Val, 1)
				ov.start = &v
			}
			if o.Lvl != nil {
				ov.level = o.Lvl.level()
			}
			ni.overrides[i] = ov
		}
		if _, dup := n.nums[id]; !dup {
			n.nums[id] = ni
		}
	}
	return n, nil
}

// abstractOf follows numStyleLink (a list defined by a numbering style)
// to the abstract list that holds the levels.
func (n *numbering) abstractOf(absID int) (int, *abstractNum) {
	for hops := 0; hops < 8; hops++ {
		an := n.abstracts[absID]
		if an == nil || an.numStyleLink == "" || n.styles == nil {
			return absID, an
		}
		numID, _ := n.styles.numbering(an.numStyleLink)
		ni := n.nums[numID]
		if ni == nil || ni.abstract == absID {
			return absID, an
		}
		absID = ni.abstract
	}
	return absID, n.abstracts[absID]
}

// level returns the definition of one level of a num instance, with its
// overrides applied.
func (n *numbering) level(ni *numInstance, an *abstractNum, ilvl int) *numLevel {
	if ov := ni.overrides[ilvl]; ov != nil && ov.level != nil {
		return ov.level
	}
	if an == nil {
		return nil
	}
	return an.levels[ilvl]
}

// next advances the counter for one numbered paragraph and returns its
// marker as printed ("" for an unnumbered level or numId 0).
func (n *numbering) next(numID, ilvl int) string {
	if numID <= 0 {
		return ""
	}
	ilvl = max(0, min(ilvl, 8))
	ni := n.nums[numID]
	if ni == nil {
		return ""
	}
	absID, an := n.abstractOf(ni.abstract)
	lv := n.level(ni, an, ilvl)
	if lv == nil {
		return ""
	}
	c := n.state[absID]
	if c == nil {
		c = &counters{}
		n.state[absID] = c
	}
	if !ni.applied {
		// A startOverride restarts the shared list when this instance is
		// first used.
		ni.applied = true
		for i, ov := range ni.overrides {
			if ov.start != nil || ov.level != nil {
				c.started[i] = false
			}
		}
	}
	if c.started[ilvl] {
		c.value[ilvl]++
	} else {
		c.value[ilvl] = n.start(ni, an, ilvl)
		c.started[ilvl] = true
	}
	for k := ilvl + 1; k < 9; k++ {
		kl := n.level(ni, an, k)
		restart := -1
		if kl != nil {
			restart = kl.restart
		}
		// lvlRestart is 1-based: level k restarts after a use of any level
		// up to that one; the default restarts after any higher level.
		if restart < 0 || (restart > 0 && ilvl+1 <= restart) {
			c.started[k] = false
		}
	}
	return n.render(ni, an, lv, ilvl, c)
}

func (n *numbering) start(ni *numInstance, an *abstractNum, ilvl int) int {
	if ov := ni.overrides[ilvl]; ov != nil && ov.start != nil {
		return *ov.start
	}
	if lv := n.level(ni, an, ilvl); lv != nil {
		return lv.start
	}
	return 1
}

// render expands the level's text pattern: %1..%9 are the counters of
// levels 1..9 in each level's own format.
func (n *numbering) render(ni *numInstance, an *abstractNum, lv *numLevel, ilvl int, c *counters) string {
	switch lv.format {
	case "bullet":
		return "•"
	case "none":
		return strings.TrimSpace(stripPlaceholders(lv.text))
	}
	var b strings.Builder
	t := lv.text
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+1 < len(t) && t[i+1] >= '1' && t[i+1] <= '9' {
			k := int(t[i+1] - '1')
			i++
			if k > ilvl {
				continue
			}
			v := c.value[k]
			if !c.started[k] {
				v = n.start(ni, an, k)
			}
			format := "decimal"
			if kl := n.level(ni, an, k); kl != nil {
				format = kl.format
			}
			if lv.legal {
				format = "decimal"
			}
			b.WriteString(formatNumber(v, format))
			continue
		}
		b.WriteByte(t[i])
	}
	return strings.TrimSpace(b.String())
}

func stripPlaceholders(t string) string {
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+1 < len(t) && t[i+1] >= '1' && t[i+1] <= '9' {
			i++
			continue
		}
		b.WriteByte(t[i])
	}
	return b.String()
}

// formatNumber writes n in a Word number format.
func formatNumber(n int, format string) string {
	switch format {
	case "none":
		return ""
	case "bullet":
		return "•"
	case "lowerLetter", "upperLetter":
		if n <= 0 {
			return strconv.Itoa(n)
		}
		// Word repeats the letter: a..z, aa..zz, aaa..
		s := strings.Repeat(string(rune('a'+(n-1)%26)), (n-1)/26+1)
		if len(s) > 50 {
			return strconv.Itoa(n)
		}
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman", "upperRoman":
		s := roman(n)
		if format == "upperRoman" {
			s = strings.ToUpper(s)
		}
		return s
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
		return strconv.Itoa(n)
	case "ordinal":
		return strconv.Itoa(n) + ordinalSuffix(n)
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

func ordinalSuffix(n int) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}
