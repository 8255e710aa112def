package html

import (
	"regexp"
	"strings"
	"unicode"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Site chrome is everything a page carries that is not the document: the
// site header and search form, navigation, breadcrumbs, cookie banners, skip
// links, side menus, page tools and the footer. It is recognised by what
// sites generally call it (elements, ARIA roles, id/class/aria-label words,
// a few tell-tale phrases), never by the look of one particular site.

// dropTags never hold document text.
var dropTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Svg: true,
	atom.Canvas: true, atom.Map: true, atom.Audio: true,
	atom.Video: true, atom.Button: true, atom.Input: true, atom.Select: true,
	atom.Textarea: true, atom.Option: true, atom.Datalist: true, atom.Label: true,
	atom.Head: true, atom.Title: true, atom.Link: true, atom.Meta: true,
	atom.Dialog: true, atom.Frameset: true, atom.Frame: true,
}

// chromeTags are chrome wherever they are (subject to the size guard);
// <header> is handled apart because inside an article it is the article's.
var chromeTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Form: true,
}

// chromeRoles are ARIA landmark roles of site furniture.
var chromeRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "search": true,
	"complementary": true, "menu": true, "menubar": true, "toolbar": true,
	"alertdialog": true, "dialog": true,
}

// chromeWords are id/class/aria-label words (after splitting on punctuation
// and camelCase) that name chrome.
var chromeWords = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "menus": true,
	"breadcrumb": true, "breadcrumbs": true, "crumbs": true, "crumb": true,
	"cookie": true, "cookies": true, "consent": true, "gdpr": true,
	"banner": true, "masthead": true, "footer": true, "sidebar": true,
	"skip": true, "skiplink": true, "skiplinks": true,
	"search": true, "searchbox": true, "searchform": true, "searchbar": true, "sitesearch": true,
	"share": true, "sharing": true, "sharethis": true, "toolbar": true, "topbar": true,
	"header": true, "pagetools": true, "utility": true, "utilities": true,
	// what a page keeps around its document: related links, comment
	// threads, galleries (the content check keeps a "related" section
	// that holds prose)
	"related": true, "relatedlinks": true, "gallery": true, "carousel": true, "slideshow": true,
	"comments": true, "commentlist": true, "commentsarea": true, "disqus": true,
}

// threadWords name a comment thread, which holds prose (readers'
// comments) and is still not the document: the content check does not
// apply to them.
var threadWords = map[string]bool{"commentlist": true, "commentsarea": true, "disqus": true}

// Words that name chrome as the start or end of a longer word ("topnav",
// "leftnav", "mainmenu", "cookiebanner", "sitefooter"). "search" is left
// out on purpose: "research" is body text on plan pages.
var chromePrefixes = []string{"nav", "menu", "breadcrumb", "cookie", "footer", "sidebar", "masthead", "skiplink"}
var chromeSuffixes = []string{"nav", "menu", "breadcrumb", "breadcrumbs", "cookie", "cookies", "footer", "sidebar", "banner", "header", "masthead"}

// notChrome are words that merely start like chrome words ("navy-box").
var notChrome = []string{"navy"}

// headerWords name a page's or an article's header, which may carry the
// document's <h1>; those are kept when they do.
var headerWords = map[string]bool{"header": true, "banner": true, "masthead": true}

var (
	youAreHereRe = regexp.MustCompile(`(?i)^\s*you are here\b`)
	skipLinkRe   = regexp.MustCompile(`(?i)^\s*(skip|jump)\s+to\b`)
	cookieRe     = regexp.MustCompile(`(?i)\bcookies?\b`)
	cookieAskRe  = regexp.MustCompile(`(?i)\b(we|this (web)?site|our (web)?site)\s+uses?\s+cookies\b|\baccept( all)? cookies\b|\bcookie (settings|preferences|policy)\b`)
)

// removeChrome detaches site chrome below body. It never removes an element
// that holds the page's main content: one containing <main>/<article>, or
// more than half of the body's text.
func removeChrome(body *xhtml.Node) {
	sums := summarise(body)
	total := sums[body].plain
	var drop []*xhtml.Node
	var visit func(n *xhtml.Node, inArticle bool)
	visit = func(n *xhtml.Node, inArticle bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case xhtml.CommentNode:
				drop = append(drop, c)
				continue
			case xhtml.ElementNode:
			default:
				continue
			}
			if dropTags[c.DataAtom] || hidden(c) {
				drop = append(drop, c)
				continue
			}
			if isChrome(c, inArticle, sums[c], total) {
				drop = append(drop, c)
				continue
			}
			visit(c, inArticle || c.DataAtom == atom.Article || c.DataAtom == atom.Main || c.DataAtom == atom.Section)
		}
	}
	visit(body, false)
	for _, n := range drop {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// isChrome decides one element.
func isChrome(n *xhtml.Node, inArticle bool, s summary, total int) bool {
	if kindOf(n)&(hasMain|hasArticle) != 0 {
		return false // <main class="has-sidebar"> is still the main content
	}
	kind := chromeKind(n, inArticle, s)
	if kind == "" {
		return false
	}
	// The guard: chrome is furniture, never most of the page and never the
	// holder of the page's main content.
	if s.plain > 200 && s.plain*2 > total {
		return false
	}
	if s.has&(hasMain|hasArticle) != 0 {
		return false
	}
	if kind == "header" && s.has&hasH1 != 0 {
		return false
	}
	return true
}

// chromeKind returns why n is chrome ("nav", "header", "cookie" ...) or "".
func chromeKind(n *xhtml.Node, inArticle bool, s summary) string {
	if chromeTags[n.DataAtom] {
		return n.Data
	}
	if n.DataAtom == atom.Header && !inArticle {
		return "header"
	}
	if r := strings.ToLower(strings.TrimSpace(attr(n, "role"))); chromeRoles[r] {
		if r == "banner" {
			return "header"
		}
		return r
	}
	named := false
	for _, key := range []string{"id", "class", "aria-label"} {
		for _, w := range words(attr(n, key)) {
			if !chromeWord(w) {
				continue
			}
			if threadWords[w] {
				return "comments"
			}
			if !named {
				named = true
				// a name is a hint, what the element holds decides:
				// "information-sharing", "utilities" or "site-header"
				// can name a section of the document itself
				if holdsProse(n, s) && !thread(n) {
					return ""
				}
			}
			if headerWords[w] || strings.HasSuffix(w, "header") || strings.HasSuffix(w, "banner") {
				if strings.Contains(w, "cookie") {
					return "cookie"
				}
				if inArticle && w == "header" {
					continue // an article's own header
				}
				return "header"
			}
			return w
		}
	}
	// The phrases below are only looked for in small elements.
	if s.text > 500 || s.elems > 100 {
		return ""
	}
	switch n.DataAtom {
	case atom.A:
		if skipLinkRe.MatchString(nodeText(n)) {
			return "skip"
		}
	case atom.Div, atom.P, atom.Section, atom.Span, atom.Ul, atom.Ol, atom.Table:
		t := nodeText(n)
		if youAreHereRe.MatchString(t) {
			return "breadcrumb"
		}
		if cookieRe.MatchString(t) && cookieAskRe.MatchString(t) {
			return "cookie"
		}
	}
	return ""
}

// thread reports an element whose id, class or label names a comment
// thread anywhere in it ("comments-area", "commentlist").
func thread(n *xhtml.Node) bool {
	for _, key := range []string{"id", "class", "aria-label"} {
		for _, w := range words(attr(n, key)) {
			if threadWords[w] {
				return true
			}
		}
	}
	return false
}

// holdsProse reports an element that holds document text rather than
// furniture: most of its text is not in links (menus and share widgets
// are all links), it has some length, and at least two of its paragraphs,
// list items or cells are prose (a dozen words or more outside links). A
// cookie notice is prose too, so an element whose text mentions cookies
// never counts.
func holdsProse(n *xhtml.Node, s summary) bool {
	if s.plain < 250 || s.plain*3 < s.text*2 {
		return false
	}
	prose := 0
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		for c := n.FirstChild; c != nil && prose < 2; c = c.NextSibling {
			if c.Type != xhtml.ElementNode || dropTags[c.DataAtom] {
				continue
			}
			switch c.DataAtom {
			case atom.P, atom.Li, atom.Td, atom.Th, atom.Dd, atom.Blockquote:
				if len(strings.Fields(plainText(c))) >= 12 {
					prose++
					continue
				}
			}
			walk(c)
		}
	}
	walk(n)
	return prose >= 2 && !cookieRe.MatchString(nodeText(n))
}

// plainText is the visible text under n outside links.
func plainText(n *xhtml.Node) string {
	var b strings.Builder
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == xhtml.TextNode:
				b.WriteString(c.Data)
				b.WriteByte(' ')
			case c.Type == xhtml.ElementNode && !dropTags[c.DataAtom] && c.DataAtom != atom.A:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

func chromeWord(w string) bool {
	if chromeWords[w] {
		return true
	}
	for _, p := range notChrome {
		if strings.HasPrefix(w, p) {
			return false
		}
	}
	for _, p := range chromePrefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	for _, s := range chromeSuffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// words splits an id, class list or label into lower-case words at
// punctuation, spaces and camelCase humps: "siteNav main-menu" → site, nav,
// main, menu, plus the joined forms "sitenav", "mainmenu".
func words(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, field := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) }) {
		var parts []string
		var cur []rune
		prevLower := false
		for _, r := range field {
			switch {
			case !unicode.IsLetter(r) && !unicode.IsDigit(r):
				if len(cur) > 0 {
					parts = append(parts, string(cur))
				}
				cur, prevLower = nil, false
				continue
			case unicode.IsUpper(r) && prevLower:
				parts = append(parts, string(cur))
				cur = nil
			}
			cur = append(cur, unicode.ToLower(r))
			prevLower = unicode.IsLower(r)
		}
		if len(cur) > 0 {
			parts = append(parts, string(cur))
		}
		out = append(out, parts...)
		if len(parts) > 1 {
			out = append(out, strings.Join(parts, ""))
		}
	}
	return out
}

// screenReaderOnly are classes that hide text from the page and keep it for
// screen readers ("(opens in a new window)", "Skip to content").
var screenReaderOnly = map[string]bool{"sr-only": true, "visually-hidden": true, "visuallyhidden": true,
	"screen-reader-text": true, "govuk-visually-hidden": true, "element-invisible": true}

// hidden reports elements a browser does not show.
func hidden(n *xhtml.Node) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if screenReaderOnly[strings.ToLower(c)] {
			return true
		}
	}
	if hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	if n.DataAtom == atom.Input && strings.EqualFold(attr(n, "type"), "hidden") {
		return true
	}
	st := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

func attrIs(n *xhtml.Node, key, val string) bool {
	return strings.EqualFold(strings.TrimSpace(attr(n, key)), val)
}

// summary is what the chrome, root and table decisions need to know about
// the subtree of an element, computed once in one pass so that no decision
// has to walk the subtree again.
type summary struct {
	text  int    // visible non-space characters
	plain int    // those not inside a link: menus are all links, reports are not
	elems int    // elements below
	has   hasSet // kinds of element below (not counting the element itself)
}

type hasSet uint16

const (
	hasMain hasSet = 1 << iota // <main> or role="main"
	hasArticle
	hasH1
	hasH2
	hasTable
	hasLayoutOnly // nav, form, header, footer, iframe, frameset: never inside data
)

func kindOf(n *xhtml.Node) hasSet {
	switch n.DataAtom {
	case atom.Main:
		return hasMain
	case atom.Article:
		return hasArticle
	case atom.H1:
		return hasH1
	case atom.H2:
		return hasH2
	case atom.Table:
		return hasTable
	case atom.Nav, atom.Form, atom.Header, atom.Footer, atom.Iframe, atom.Frameset:
		return hasLayoutOnly
	}
	if attrIs(n, "role", "main") {
		return hasMain
	}
	return 0
}

// summarise computes the summary of every element below root (root
// included). Recursion is safe: the tree's depth was checked before.
func summarise(root *xhtml.Node) map[*xhtml.Node]summary {
	sums := map[*xhtml.Node]summary{}
	var visit func(n *xhtml.Node) summary
	visit = func(n *xhtml.Node) summary {
		var s summary
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case xhtml.TextNode:
				for _, r := range c.Data {
					if !unicode.IsSpace(r) {
						s.text++
						s.plain++
					}
				}
			case xhtml.ElementNode:
				if dropTags[c.DataAtom] {
					continue
				}
				cs := visit(c)
				if c.DataAtom == atom.A {
					cs.plain = 0
				}
				s.text += cs.text
				s.plain += cs.plain
				s.elems += cs.elems + 1
				s.has |= cs.has | kindOf(c)
			}
		}
		sums[n] = s
		return s
	}
	visit(root)
	return sums
}

// nodeText is the visible text under n, whitespace collapsed.
func nodeText(n *xhtml.Node) string {
	var b strings.Builder
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		switch n.Type {
		case xhtml.TextNode:
			b.WriteString(n.Data)
			return
		case xhtml.ElementNode:
			if dropTags[n.DataAtom] {
				return
			}
			if n.DataAtom == atom.Br {
				b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}
