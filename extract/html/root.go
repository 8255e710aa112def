package html

import (
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// chooseRoot picks the element that holds the document once chrome is gone:
// <main>, then <article>, then role="main", then the densest container. A
// candidate must hold a fair share of the page's text, so that a <main>
// wrapped round a title alone does not hide the report beside it.
func chooseRoot(body *xhtml.Node) (*xhtml.Node, map[*xhtml.Node]summary) {
	sums := summarise(body)
	// Sizes count text outside links, so that a mega-menu beside a short
	// <main> does not outweigh it.
	total := sums[body].plain
	lens := func(n *xhtml.Node) int { return sums[n].plain }
	enough := func(n *xhtml.Node) bool {
		return n != nil && (lens(n) >= 500 || lens(n)*4 >= total) && lens(n) > 0
	}
	pick := func(nodes []*xhtml.Node) *xhtml.Node {
		switch len(nodes) {
		case 0:
			return nil
		case 1:
			return nodes[0]
		}
		best, second := nodes[0], (*xhtml.Node)(nil)
		for _, n := range nodes[1:] {
			if lens(n) > lens(best) {
				best, second = n, best
			} else if second == nil || lens(n) > lens(second) {
				second = n
			}
		}
		if lens(best) >= 2*lens(second) {
			return best
		}
		// Several articles of like size (a list of news items): keep them
		// all by taking the element that holds them all.
		return commonAncestor(nodes)
	}
	if n := pick(outermost(body, func(n *xhtml.Node) bool { return n.DataAtom == atom.Main })); enough(n) {
		return n, sums
	}
	if n := pick(outermost(body, func(n *xhtml.Node) bool { return n.DataAtom == atom.Article })); enough(n) {
		return n, sums
	}
	if n := pick(outermost(body, func(n *xhtml.Node) bool { return attrIs(n, "role", "main") })); enough(n) {
		return n, sums
	}
	return densest(body, sums), sums
}

// densest walks down from n while a single child container holds nearly all
// of the text: that strips wrappers and any unlabelled furniture beside the
// content without cutting into the content itself (a list, a table or a
// paragraph is never descended into).
func densest(n *xhtml.Node, sums map[*xhtml.Node]summary) *xhtml.Node {
	for {
		var best *xhtml.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == xhtml.ElementNode && (best == nil || sums[c].plain > sums[best].plain) {
				best = c
			}
		}
		if best == nil || sums[n].plain == 0 || sums[best].plain*100 < sums[n].plain*85 || !container(best, sums) {
			return n
		}
		n = best
	}
}

// container reports elements that only group other blocks.
func container(n *xhtml.Node, sums map[*xhtml.Node]summary) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Center, atom.Span, atom.Font, atom.Form, atom.Main, atom.Article:
		return true
	case atom.Table:
		return layoutTable(n, sums)
	case atom.Tbody, atom.Tr, atom.Td:
		for p := n.Parent; p != nil; p = p.Parent {
			if p.DataAtom == atom.Table {
				return layoutTable(p, sums)
			}
		}
	}
	return false
}

// outermost lists the elements below root that match and are not inside
// another match.
func outermost(root *xhtml.Node, match func(*xhtml.Node) bool) []*xhtml.Node {
	var out []*xhtml.Node
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != xhtml.ElementNode {
				continue
			}
			if match(c) {
				out = append(out, c)
				continue
			}
			walk(c)
		}
	}
	walk(root)
	return out
}

func commonAncestor(nodes []*xhtml.Node) *xhtml.Node {
	anc := map[*xhtml.Node]bool{}
	for p := nodes[0]; p != nil; p = p.Parent {
		anc[p] = true
	}
	cur := nodes[0]
	for _, n := range nodes[1:] {
		for p := n; p != nil; p = p.Parent {
			if anc[p] {
				// p is an ancestor of the first node: the deepest common one
				// so far is the shallower of cur and p.
				if depthOf(p) < depthOf(cur) {
					cur = p
				}
				break
			}
		}
	}
	return cur
}

func depthOf(n *xhtml.Node) int {
	d := 0
	for p := n.Parent; p != nil; p = p.Parent {
		d++
	}
	return d
}
