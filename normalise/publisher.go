package normalise

import (
	"regexp"
	"sort"
	"strings"

	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/normalise/orgs"
)

// Most government documents print their publisher as a logo on the title
// page, so the text never says who "we" are. The body the document names
// most often as a department, council or agency, by its name or by the
// acronym it defines for it, is the best evidence left: a DCMS strategy
// says "DCMS" on every other page, a council's plan names the council.

var bodyName = regexp.MustCompile(`\b(?:Department (?:for|of) [A-Z][A-Za-z]+(?:(?:,| and| &)? [A-Z][A-Za-z]+){0,5}|(?:[A-Z][a-z]+ ){1,3}(?:County |City |Borough |District |Metropolitan Borough )?Council|HM Treasury|HM Government|Her Majesty's Government|Cabinet Office|Home Office|Foreign (?:and|&) Commonwealth Office|Ministry of [A-Z][a-z]+|Scottish Government|Scottish Executive|Welsh (?:Government|Assembly Government)|Northern Ireland Executive|Innovate UK|Technology Strategy Board|Greater London Authority|(?:[A-Z][a-z]+ (?:of (?:the )?)?){1,3}(?:Regional Assembly|Development Agency|Combined Authority))\b`)

// inferPublisher names the body a document most often names as a
// department, council or agency (three times at least), or "".
func inferPublisher(doc *layout.Document, acronyms map[string]string, reg *orgs.Registry) string {
	if doc == nil {
		return ""
	}
	all := strings.Join(documentTexts(doc), "\n")
	counts := map[string]int{}
	for _, m := range bodyName.FindAllString(all, -1) {
		m = strings.TrimPrefix(m, "The ")
		if strings.HasPrefix(m, "County ") || strings.HasPrefix(m, "City ") || strings.HasPrefix(m, "Local ") || strings.HasPrefix(m, "Borough ") || strings.HasPrefix(m, "District ") || strings.HasPrefix(m, "Parish ") || strings.HasPrefix(m, "Town ") {
			continue
		}
		if f := strings.Fields(m); strings.HasSuffix(m, " Council") && len(f) == 2 && notPlaceWord[f[0]] {
			continue // "Growth Council", "Arts Council": not a local council
		}
		counts[m]++
	}
	// An acronym the document defines for a body counts for its long form.
	for short, long := range acronyms {
		long = strings.TrimPrefix(strings.TrimSpace(long), "the ")
		if !bodyName.MatchString(long) || bodyName.FindString(long) != long {
			continue
		}
		re, err := regexp.Compile(`\b` + regexp.QuoteMeta(short) + `\b`)
		if err != nil {
			continue
		}
		counts[long] += len(re.FindAllStringIndex(all, -1))
	}
	// Acronyms the registry knows for a department or council ("DCMS",
	// "DWP") count for the body, even where the document never spells
	// them out.
	if reg != nil {
		seen := map[string]int{}
		for _, w := range acronymToken.FindAllString(all, -1) {
			seen[w]++
		}
		for w, c := range seen {
			if o, ok := reg.Lookup(w); ok && bodyName.FindString(o.Canonical) == o.Canonical {
				counts[o.Canonical] += c
			}
		}
	}
	// The file's author field often names the body itself ("HM
	// Treasury", "DCMS") rather than a person: strong evidence.
	if a := strings.TrimSpace(doc.Meta["author"]); a != "" {
		name := ""
		if reg != nil {
			if o, ok := reg.Lookup(a); ok && bodyName.FindString(o.Canonical) == o.Canonical {
				name = o.Canonical
			}
		}
		if name == "" && bodyName.FindString(a) == a {
			name = a
		}
		if name != "" {
			counts[name] += 10
		}
	}
	// The title page and the colophon name the publisher when their text
	// is not a logo: what they name counts three times over.
	for _, t := range edgeTexts(doc) {
		for _, m := range bodyName.FindAllString(t, -1) {
			if _, ok := counts[m]; ok {
				counts[m] += 2
			}
		}
	}
	type kv struct {
		k string
		v int
	}
	var list []kv
	for k, v := range counts {
		list = append(list, kv{k, v})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].v != list[j].v {
			return list[i].v > list[j].v
		}
		return list[i].k < list[j].k
	})
	if len(list) == 0 || list[0].v < 3 {
		return ""
	}
	return list[0].k
}

// notPlaceWord are words before "Council" that name a subject, not a place.
var notPlaceWord = map[string]bool{
	"Growth": true, "Research": true, "Arts": true, "Design": true, "Skills": true,
	"Industrial": true, "Economic": true, "Funding": true, "Privy": true, "Security": true,
	"European": true, "Sports": true, "Sport": true, "Science": true, "Business": true,
	"Advisory": true, "Legal": true, "Medical": true, "Nursing": true, "Sector": true,
	"Youth": true, "School": true, "Schools": true, "Health": true, "Care": true,
	"Housing": true, "Regional": true, "Local": true, "National": true, "British": true,
}

var acronymToken = regexp.MustCompile(`\b[A-Z][A-Za-z]{1,5}[A-Z]\b`)

// edgeTexts are the texts of the first two and the last page.
func edgeTexts(doc *layout.Document) []string {
	last := 0
	for _, b := range doc.Blocks {
		last = max(last, b.Page)
	}
	var out []string
	for _, b := range doc.Blocks {
		if b.Text != "" && (b.Page <= 2 || b.Page == last) {
			out = append(out, b.Text)
		}
	}
	return out
}

// signatory matches the post of a minister who signs a foreword: the
// departments they lead publish the document ("George Osborne Chancellor
// of the Exchequer", "Vince Cable Secretary of State for Business,
// Innovation and Skills").
var signatory = regexp.MustCompile(`(?:^|\s)(Chancellor of the Exchequer|Secretary of State for ((?:[A-Z][a-z]+)(?:(?:,| and| &)? [A-Z][a-z]+){0,5}))\s*$`)

// signingDepartments lists the departments whose ministers sign the
// document's foreword, in the order they sign: a short paragraph on the
// first pages that ends with a minister's post.
func signingDepartments(doc *layout.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		if b.Page > 12 || b.Kind == layout.TableKind || len(strings.Fields(b.Text)) > 16 {
			continue
		}
		m := signatory.FindStringSubmatch(strings.TrimSpace(b.Text))
		if m == nil {
			continue
		}
		dept := "HM Treasury"
		if m[2] != "" {
			dept = "Department for " + m[2]
		}
		dup := false
		for _, d := range out {
			if d == dept {
				dup = true
			}
		}
		if !dup {
			out = append(out, dept)
		}
	}
	return out
}
