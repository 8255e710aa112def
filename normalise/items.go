package normalise

import (
	"strings"

	"github.com/planmap/planmap/extract/layout"
)

// Annotated plans print several lettered points in one cell ("a) ... b)
// Support GOSE in: i) ... ii) ..."). Each point is an action whose reference
// joins the objective number, the letter and the roman numeral ("10d(iv)").
// A point that ends with ':' is a container: not an action itself, its
// words lead in to each of its sub-points ("Support GOSE in: setting up
// ..."). The state runs on across rows, as points continue over pages.

type itemState struct {
	num       string // objective number ("10")
	letter    string // current letter ("d")
	container string // lead-in of the open container point, "" when none
	roman     string // last roman numeral under the current letter
	last      *draft // the point paragraphs without a marker continue
}

// itemOf reads a paragraph's item marker ("a", "iv") and the text after it.
func itemOf(p layout.Para) (marker, text string, ok bool) {
	full := p.Text
	if p.Marker != "" && !bulletMarker(p.Marker) {
		full = p.Marker + " " + p.Text
	}
	m := itemMarker.FindStringSubmatch(strings.TrimSpace(full))
	if m == nil {
		return "", "", false
	}
	mk := strings.ToLower(m[1])
	if len(mk) > 1 && !romanMarker(mk) {
		return "", "", false
	}
	return mk, strings.TrimSpace(m[2]), true
}

// hasItems reports whether an action cell holds lettered points.
func hasItems(ps []layout.Para) bool {
	for _, p := range ps {
		if _, _, ok := itemOf(p); ok {
			return true
		}
	}
	return false
}

// readItems turns the points of one action cell into actions, aligning the
// priority column's paragraphs with them by position.
func (tr *tableReader) readItems(row layout.Row, ps []layout.Para) {
	st := &tr.items
	var made []*draft
	for _, p := range ps {
		t := layout.Clean(p.Text)
		if p.Marker == "" || bulletMarker(p.Marker) {
			// "10. Decent, Affordable Housing": a numbered objective.
			if m := numberedTitle.FindStringSubmatch(t); m != nil && !strings.Contains(m[1], "-") {
				tr.setObjective(Objective{Code: m[1], Title: m[2]})
				*st = itemState{num: m[1]}
				continue
			}
		} else if m := numberedTitle.FindStringSubmatch(p.Marker + " " + t); m != nil && refNumber(strings.TrimSpace(p.Marker)) != "" {
			tr.setObjective(Objective{Code: m[1], Title: m[2]})
			*st = itemState{num: m[1]}
			continue
		}
		mk, text, ok := itemOf(p)
		if !ok {
			if st.last != nil {
				st.last.a.Text = joinSplit(st.last.a.Text, t)
			} else if st.container != "" {
				st.container = joinSplit(st.container, t)
			}
			continue
		}
		roman := romanMarker(mk) && (st.container != "" || st.roman != "") && !(mk == "i" && st.letter == "h" && st.container == "")
		if roman && mk == "v" && st.roman == "" && st.letter == "u" {
			roman = false
		}
		var ref, action string
		if roman {
			st.roman = mk
			ref = st.num + st.letter + "(" + mk + ")"
			action = text
			if st.container != "" {
				action = st.container + " " + text
			}
		} else {
			st.letter, st.roman, st.container = mk, "", ""
			if strings.HasSuffix(text, ":") {
				st.container = text
				st.last = nil
				continue
			}
			ref = st.num + mk
			action = text
		}
		o := tr.obj
		if o.Code == "" || o.Code != st.num {
			o = Objective{Code: st.num, Title: tr.n.objectiveTitle(st.num, o.Title)}
		}
		d := newDraft(Action{Ref: ref, Text: action, Objective: o, Source: tr.source()})
		d.table = tr.table
		d.a.Due = tr.n.findDue(text)
		tr.n.add(d)
		st.last = d
		made = append(made, d)
	}
	// Priorities align with the points by position.
	pr := paraTexts(tr.cellParas(row, RolePriority))
	for i, d := range made {
		if i < len(pr) {
			d.a.Priority = pr[i]
		}
	}
	if len(made) > 0 {
		tr.cur = nil
	}
}
