package html

import (
	"strconv"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Lists become ListItem blocks. Level is the nesting depth (0 = outermost);
// Marker is what a browser would display before the item: "•" for every
// unordered item, and for ordered lists the number in the list's style
// ("1.", "a.", "iv.", "C.") counted the way browsers count, honouring
// start, reversed, value and type (and an inline list-style-type).

// list reads <ul>, <ol> or <menu>.
func (b *builder) list(n *xhtml.Node) {
	b.flush()
	ordered := n.DataAtom == atom.Ol
	style := listStyle(n, ordered)
	reversed := ordered && hasAttr(n, "reversed")
	counter := 1
	if reversed {
		counter = 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == xhtml.ElementNode && c.DataAtom == atom.Li {
				counter++
			}
		}
	}
	if v, ok := intAttr(n, "start"); ok && ordered {
		counter = v
	}
	b.listDepth++
	level := b.level()
	for c := n.FirstChild; c != nil && b.err == nil; c = c.NextSibling {
		if c.Type != xhtml.ElementNode || c.DataAtom != atom.Li {
			b.node(c) // stray text, or a list nested directly in a list
			continue
		}
		if dropTags[c.DataAtom] || hidden(c) {
			continue
		}
		if v, ok := intAttr(c, "value"); ok && ordered {
			counter = v
		}
		st := style
		if s := itemStyle(c); s != "" {
			st = s
		}
		b.listItem(c, marker(counter, st), level, ordered)
		if reversed {
			counter--
		} else {
			counter++
		}
	}
	b.listDepth--
	b.flush()
}

// listItem reads one <li>: its text up to any nested list or table is one
// ListItem; text after a nested list continues the item (same level, no
// marker).
func (b *builder) listItem(n *xhtml.Node, marker string, level int, ordered bool) {
	b.flush()
	prev := b.item
	b.item = &item{marker: marker, level: level, ordered: ordered}
	b.walk(n)
	b.flush()
	b.item = prev
}

// listStyle is the numbering style of a list: its type attribute or an
// inline list-style(-type), else decimal for <ol> and a bullet for <ul>.
func listStyle(n *xhtml.Node, ordered bool) string {
	if s := styleListType(attr(n, "style")); s != "" {
		return s
	}
	if ordered {
		if s := typeAttr(attr(n, "type")); s != "" {
			return s
		}
		return "decimal"
	}
	return "disc"
}

// itemStyle is a list item's own style override, or "".
func itemStyle(n *xhtml.Node) string {
	if s := styleListType(attr(n, "style")); s != "" {
		return s
	}
	return typeAttr(attr(n, "type"))
}

// typeAttr maps the HTML type attribute (case matters: "a" vs "A").
func typeAttr(t string) string {
	switch strings.TrimSpace(t) {
	case "1":
		return "decimal"
	case "a":
		return "lower-alpha"
	case "A":
		return "upper-alpha"
	case "i":
		return "lower-roman"
	case "I":
		return "upper-roman"
	case "disc", "circle", "square":
		return "disc"
	case "none":
		return "none"
	}
	return ""
}

// styleListType finds list-style-type (or the list-style shorthand) in an
// inline style attribute.
func styleListType(style string) string {
	for _, decl := range strings.Split(strings.ToLower(style), ";") {
		k, v, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		k = strings.TrimSpace(k)
		if k != "list-style-type" && k != "list-style" {
			continue
		}
		for _, w := range strings.Fields(v) {
			switch w {
			case "decimal", "decimal-leading-zero", "lower-alpha", "lower-latin", "upper-alpha", "upper-latin",
				"lower-roman", "upper-roman", "disc", "circle", "square", "none":
				switch w {
				case "lower-latin":
					w = "lower-alpha"
				case "upper-latin":
					w = "upper-alpha"
				case "circle", "square":
					w = "disc"
				}
				return w
			}
		}
	}
	return ""
}

// marker formats item number i in a list style.
func marker(i int, style string) string {
	switch style {
	case "none":
		return ""
	case "disc":
		return "•"
	case "lower-alpha", "upper-alpha":
		if i >= 1 {
			s := alpha(i)
			if style == "upper-alpha" {
				s = strings.ToUpper(s)
			}
			return s + "."
		}
	case "lower-roman", "upper-roman":
		if i >= 1 && i < 4000 {
			s := roman(i)
			if style == "lower-roman" {
				s = strings.ToLower(s)
			}
			return s + "."
		}
	case "decimal-leading-zero":
		if i >= 0 && i < 10 {
			return "0" + strconv.Itoa(i) + "."
		}
	}
	return strconv.Itoa(i) + "."
}

// alpha numbers 1 → a, 26 → z, 27 → aa, as browsers do.
func alpha(i int) string {
	var s []byte
	for i > 0 {
		i--
		s = append([]byte{byte('a' + i%26)}, s...)
		i /= 26
	}
	return string(s)
}

func roman(i int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for k, v := range vals {
		for i >= v {
			b.WriteString(syms[k])
			i -= v
		}
	}
	return b.String()
}
