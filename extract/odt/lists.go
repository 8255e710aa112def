package odt

import (
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
)

// maxLevels is how many list levels ODF styles describe.
const maxLevels = 10

// styles holds what the list markers need: each list style's levels, and
// the list style a paragraph style names (a list that names none takes its
// first paragraph's).
type styles struct {
	lists     map[string]*listStyle
	paraList  map[string]string // paragraph style → list style
	paraBased map[string]string // paragraph style → parent style
	outline   *listStyle        // text:outline-style, the headings' numbering
	headings  counters          // the headings' counters, over the whole document
}

// outlineStyle is the name the heading numbering goes by among the list
// styles.
const outlineStyle = "\x00outline"

// heading advances the heading counters for a heading of level lv
// (1-based) and returns its number as printed; "" when the outline style
// numbers no heading of that level (LibreOffice's default).
func (s *styles) heading(lv, start int) string {
	if s.outline == nil {
		return ""
	}
	if _, ok := s.lists[outlineStyle]; !ok {
		s.lists[outlineStyle] = s.outline
	}
	lvs := s.outline.levels[max(0, min(lv-1, maxLevels-1))]
	m := s.next(&s.headings, outlineStyle, lv-1, start)
	if lvs == nil || lvs.format == "" {
		return ""
	}
	return m
}

type listStyle struct {
	levels [maxLevels]*levelStyle
}

type levelStyle struct {
	bullet        bool
	format        string // style:num-format: "1", "a", "A", "i", "I" or "" (no number)
	prefix        string
	suffix        string
	start         int
	displayLevels int
}

func newStyles() *styles {
	return &styles{lists: map[string]*listStyle{}, paraList: map[string]string{}, paraBased: map[string]string{}}
}

// parse collects the list styles and paragraph styles of styles.xml or of
// content.xml's automatic styles. It stops at the first malformed token,
// keeping what it found.
func (s *styles) parse(data []byte) error {
	d := newDecoder(data)
	var cur *listStyle
	for {
		tok, err := d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "body" && in(t.Name, nsOffice, "office"):
				// the document body holds no style definitions
				return nil
			case t.Name.Local == "outline-style" && in(t.Name, nsText, "text"):
				// heading numbering (Tools ▸ Heading Numbering): the producer
				// saves no numbers, so they are counted like a list's
				cur = &listStyle{}
				if s.outline == nil {
					s.outline = cur
				}
			case t.Name.Local == "list-style" && in(t.Name, nsText, "text"):
				cur = &listStyle{}
				if name := attr(t, "name"); name != "" {
					if _, seen := s.lists[name]; !seen && len(s.lists) < 10000 {
						s.lists[name] = cur
					}
				}
			case cur != nil && in(t.Name, nsText, "text") && (strings.HasPrefix(t.Name.Local, "list-level-style-") || t.Name.Local == "outline-level-style"):
				lv := intAttr(t, "level", 1, maxLevels) - 1
				ls := &levelStyle{
					bullet:        t.Name.Local != "list-level-style-number" && t.Name.Local != "outline-level-style",
					format:        attr(t, "num-format"),
					prefix:        attr(t, "num-prefix"),
					suffix:        attr(t, "num-suffix"),
					start:         intAttr(t, "start-value", 1, 1<<20),
					displayLevels: intAttr(t, "display-levels", 1, maxLevels),
				}
				if cur.levels[lv] == nil {
					cur.levels[lv] = ls
				}
			case t.Name.Local == "style" && in(t.Name, nsStyle, "style"):
				if attr(t, "family") != "paragraph" {
					continue
				}
				name := attr(t, "name")
				if name == "" || len(s.paraList) >= 100000 {
					continue
				}
				if ls := attr(t, "list-style-name"); ls != "" {
					s.paraList[name] = ls
				}
				if parent := attr(t, "parent-style-name"); parent != "" {
					s.paraBased[name] = parent
				}
			}
		case xml.EndElement:
			if t.Name.Local == "list-style" || t.Name.Local == "outline-style" {
				cur = nil
			}
		}
	}
}

// paragraphList is the list style a paragraph style names, directly or
// through its parents.
func (s *styles) paragraphList(style string) string {
	for i := 0; i < 20 && style != ""; i++ {
		if ls, ok := s.paraList[style]; ok {
			return ls
		}
		style = s.paraBased[style]
	}
	return ""
}

// counters numbers one list: ODF counts every level of a list (its nested
// sublists included) together, and a level restarts after an item of a
// higher level.
type counters struct {
	style   string
	value   [maxLevels]int
	started [maxLevels]bool
}

// next advances the counter of level lv (0-based) and returns the item's
// marker; start >= 0 is the item's own text:start-value.
func (s *styles) next(c *counters, style string, lv, start int) string {
	lv = max(0, min(lv, maxLevels-1))
	ls := s.lists[style]
	var lvs *levelStyle
	if ls != nil {
		lvs = ls.levels[lv]
	}
	switch {
	case start >= 0:
		c.value[lv] = start
	case c.started[lv]:
		c.value[lv]++
	default:
		c.value[lv] = levelStart(ls, lv)
	}
	c.started[lv] = true
	for k := lv + 1; k < maxLevels; k++ {
		c.started[k] = false
	}
	if lvs == nil || lvs.bullet {
		return "•"
	}
	if lvs.format == "" {
		return strings.TrimSpace(lvs.prefix + lvs.suffix)
	}
	var parts []string
	for k := max(0, lv-lvs.displayLevels+1); k <= lv; k++ {
		format := lvs.format
		if ls.levels[k] != nil && !ls.levels[k].bullet {
			format = ls.levels[k].format
		}
		v := c.value[k]
		if !c.started[k] {
			v = levelStart(ls, k)
		}
		parts = append(parts, formatNumber(v, format))
	}
	return strings.TrimSpace(lvs.prefix + strings.Join(parts, ".") + lvs.suffix)
}

func levelStart(ls *listStyle, lv int) int {
	if ls != nil && ls.levels[lv] != nil {
		return ls.levels[lv].start
	}
	return 1
}

// formatNumber writes n in an ODF number format.
func formatNumber(n int, format string) string {
	switch {
	case format == "":
		return ""
	case (format == "a" || format == "A") && n > 0:
		// a..z, aa..zz, as LibreOffice counts
		s := strings.Repeat(string(rune('a'+(n-1)%26)), (n-1)/26+1)
		if len(s) > 50 {
			return strconv.Itoa(n)
		}
		if format == "A" {
			s = strings.ToUpper(s)
		}
		return s
	case format == "i" || format == "I":
		s := roman(n)
		if format == "I" {
			s = strings.ToUpper(s)
		}
		return s
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
