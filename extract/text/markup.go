package text

import (
	"regexp"
	"strconv"
	"strings"

	xhtml "golang.org/x/net/html"

	"github.com/planmap/planmap/extract/layout"
)

// Converted documents keep some HTML inside the text: a table cell holding
// several paragraphs is written "<p>Spring, 2007</p><p>Summer, 2007</p>",
// bullet lists as <ul><li>…</li></ul>, with <b>, <sup> and entities along
// the way. Such text is split at paragraph, line-break and list-item tags into
// separate paragraphs; every other tag is dropped and entities are decoded.

// markupRe finds a tag we know, so that a stray "<" in prose ("fewer than
// <5%") is not taken for mark-up.
var markupRe = regexp.MustCompile(`(?i)</?(p|li|ul|ol|br|div|b|i|u|em|strong|sup|sub|span|font|a|small|big|h[1-6]|blockquote|table|tr|td|th)(\s[^<>]*)?/?>`)

// entityRe finds a character reference.
var entityRe = regexp.MustCompile(`&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// bulletRunes start a bulleted line or paragraph when a space follows.
const bulletRunes = "•·▪■◦○●‣⁃–—-*+\uf0b7\uf0a7"

// para is one paragraph found in a piece of text.
type para struct {
	text   string
	marker string
	level  int
	item   bool // came from <li>
}

// hasMarkup reports text that carries tags we split on or strip.
func hasMarkup(s string) bool { return strings.IndexByte(s, '<') >= 0 && markupRe.MatchString(s) }

// plain decodes entities in text without tags.
func plain(s string) string {
	if strings.IndexByte(s, '&') >= 0 && entityRe.MatchString(s) {
		s = xhtml.UnescapeString(s)
	}
	return layout.Clean(s)
}

// splitMarkup reads text with inline HTML into paragraphs.
func splitMarkup(s string) []para {
	type list struct {
		ordered bool
		n       int
	}
	var (
		out     []para
		lists   []list
		cur     strings.Builder
		pending *para // the list item whose text is being gathered
	)
	flush := func() {
		t := layout.Clean(cur.String())
		cur.Reset()
		if pending != nil {
			if t != "" {
				p := *pending
				p.text = t
				out = append(out, p)
				// Text after a nested list continues the item: same
				// level, no marker.
				pending.marker = ""
			}
			return
		}
		if t != "" {
			out = append(out, para{text: t})
		}
	}
	z := xhtml.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			flush()
			return out
		case xhtml.TextToken:
			cur.Write(z.Text())
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken, xhtml.EndTagToken:
			name, _ := z.TagName()
			end := tt == xhtml.EndTagToken
			switch string(name) {
			case "p", "div", "br", "tr", "td", "th", "table", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6":
				flush()
			case "ul", "ol":
				flush()
				if end {
					if len(lists) > 0 {
						lists = lists[:len(lists)-1]
					}
					pending = nil
				} else if tt == xhtml.StartTagToken {
					lists = append(lists, list{ordered: string(name) == "ol"})
				}
			case "li":
				flush()
				if end {
					pending = nil
					continue
				}
				p := para{marker: "•", item: true}
				if n := len(lists); n > 0 {
					p.level = n - 1
					if lists[n-1].ordered {
						lists[n-1].n++
						p.marker = strconv.Itoa(lists[n-1].n) + "."
					}
				}
				pending = &p
			}
		}
	}
}

// cellParas reads one tab-separated cell into paragraphs.
func cellParas(s string) []layout.Para {
	var ps []para
	if hasMarkup(s) {
		ps = splitMarkup(s)
	} else if t := plain(s); t != "" {
		ps = []para{{text: t}}
	}
	out := make([]layout.Para, 0, len(ps))
	for _, p := range ps {
		if p.marker == "" && !p.item {
			p.marker, p.text = bulletSplit(p.text)
		}
		if p.text == "" && p.marker == "" {
			continue
		}
		out = append(out, layout.Para{Text: p.text, Marker: p.marker, Level: p.level})
	}
	return out
}

// bulletSplit takes a bullet printed as text ("• Older people") off the
// front of a paragraph, returning marker "•".
func bulletSplit(s string) (marker, rest string) {
	for _, b := range bulletRunes {
		if strings.HasPrefix(s, string(b)+" ") {
			if r := strings.TrimSpace(s[len(string(b)):]); r != "" {
				return "•", r
			}
		}
	}
	return "", s
}
