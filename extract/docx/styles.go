package docx

import (
	"strconv"
	"strings"
)

// styles resolves paragraph styles (styles.xml) to what the extractor
// needs: a heading level, inherited list numbering and indentation. Word
// builds styles as basedOn chains, so every answer walks the chain.
type styles struct {
	byID         map[string]*style
	defaultPara  string
	maxChainLink int
}

type style struct {
	id, name, basedOn string
	outline           int // outlineLvl+1, 0 when not set
	numID, ilvl       int // -1 when not set
	indent            int // left indent in twips, -1 when not set
}

type xVal struct {
	Val string `xml:"val,attr"`
}

type xPPr struct {
	PStyle *xVal `xml:"pStyle"`
	NumPr  *struct {
		Ilvl  *xVal `xml:"ilvl"`
		NumID *xVal `xml:"numId"`
	} `xml:"numPr"`
	OutlineLvl *xVal `xml:"outlineLvl"`
	Ind        *struct {
		Left  string `xml:"left,attr"`
		Start string `xml:"start,attr"`
	} `xml:"ind"`
}

// parseStyles reads styles.xml. A broken part gives empty styles and the
// error, for a warning: the body still reads, only headings are lost.
func parseStyles(data []byte) (*styles, error) {
	s := &styles{byID: map[string]*style{}}
	if len(data) == 0 {
		return s, nil
	}
	var doc struct {
		Styles []struct {
			Type    string `xml:"type,attr"`
			ID      string `xml:"styleId,attr"`
			Default string `xml:"default,attr"`
			Name    *xVal  `xml:"name"`
			BasedOn *xVal  `xml:"basedOn"`
			PPr     *xPPr  `xml:"pPr"`
		} `xml:"style"`
	}
	if err := decodeXML(data, &doc); err != nil {
		return s, err
	}
	for _, x := range doc.Styles {
		if x.Type != "" && x.Type != "paragraph" {
			continue
		}
		st := &style{id: x.ID, outline: 0, numID: -1, ilvl: -1, indent: -1}
		if x.Name != nil {
			st.name = x.Name.Val
		}
		if x.BasedOn != nil {
			st.basedOn = x.BasedOn.Val
		}
		if p := x.PPr; p != nil {
			if p.OutlineLvl != nil {
				if n, err := strconv.Atoi(p.OutlineLvl.Val); err == nil && n >= 0 && n < 9 {
					st.outline = n + 1
				}
			}
			if p.NumPr != nil {
				if p.NumPr.NumID != nil {
					st.numID = atoiOr(p.NumPr.NumID.Val, -1)
				}
				if p.NumPr.Ilvl != nil {
					st.ilvl = atoiOr(p.NumPr.Ilvl.Val, -1)
				}
			}
			if p.Ind != nil {
				st.indent = atoiOr(firstNonEmpty(p.Ind.Left, p.Ind.Start), -1)
			}
		}
		if _, dup := s.byID[x.ID]; !dup {
			s.byID[x.ID] = st
		}
		if onOffString(x.Default) && s.defaultPara == "" {
			s.defaultPara = x.ID
		}
	}
	return s, nil
}

// chain returns the style and its ancestors, nearest first, stopping at a
// loop (a basedOn cycle must not hang the batch).
func (s *styles) chain(id string) []*style {
	if id == "" {
		id = s.defaultPara
	}
	var out []*style
	seen := map[string]bool{}
	for id != "" && !seen[id] && len(out) < 32 {
		seen[id] = true
		st := s.byID[id]
		if st == nil {
			break
		}
		out = append(out, st)
		id = st.basedOn
	}
	return out
}

// headingLevel is 1..9 for a heading style, 0 otherwise. A style named
// "Heading N" (or with id HeadingN) or "Title" decides at once; otherwise
// the nearest outline level set in the chain does.
func (s *styles) headingLevel(id string) int {
	for _, st := range s.chain(id) {
		if n := headingName(st.name); n > 0 {
			return n
		}
		if n := headingName(st.id); n > 0 {
			return n
		}
		if st.outline > 0 {
			return st.outline
		}
	}
	return 0
}

// isTitle reports whether a style is the document title style.
func (s *styles) isTitle(id string) bool {
	for _, st := range s.chain(id) {
		if strings.EqualFold(st.name, "title") || strings.EqualFold(st.id, "title") {
			return true
		}
	}
	return false
}

// headingName reads "Heading 3", "heading 3" or "Heading3" as 3, and
// "Title" as 1.
func headingName(name string) int {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "title" {
		return 1
	}
	rest, ok := strings.CutPrefix(n, "heading")
	if !ok {
		return 0
	}
	rest = strings.TrimSpace(rest)
	if len(rest) == 1 && rest[0] >= '1' && rest[0] <= '9' {
		return int(rest[0] - '0')
	}
	return 0
}

// numbering returns the list numbering a style gives its paragraphs.
func (s *styles) numbering(id string) (numID, ilvl int) {
	numID, ilvl = -1, -1
	for _, st := range s.chain(id) {
		if numID < 0 && st.numID >= 0 {
			numID = st.numID
		}
		if ilvl < 0 && st.ilvl >= 0 {
			ilvl = st.ilvl
		}
	}
	return numID, ilvl
}

// indent returns the left indent a style gives, in twips (0 when none).
func (s *styles) indent(id string) int {
	for _, st := range s.chain(id) {
		if st.indent >= 0 {
			return st.indent
		}
	}
	return 0
}

func atoiOr(s string, def int) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		if f, ferr := strconv.ParseFloat(strings.TrimSpace(s), 64); ferr == nil && f > -1e9 && f < 1e9 {
			return int(f)
		}
		return def
	}
	return n
}

func firstNonEmpty(a ...string) string {
	for _, s := range a {
		if s != "" {
			return s
		}
	}
	return ""
}

func onOffString(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "true", "on":
		return true
	}
	return false
}
