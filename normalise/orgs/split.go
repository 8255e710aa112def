package orgs

import (
	"regexp"
	"strings"
	"unicode"
)

// Splitting a lead cell into organisations. A cell may name several bodies
// ("EEDA/Advice for Life/Keystone Development Trust"), a lead and its
// partner ("EERA with Housing Corporation"), or one body whose name holds
// "and" ("Learning and Skills Council"). A cut is made only where every
// piece looks like an organisation or a post on its own; see
// docs/organisations.md.

// headNouns end (or, with "of"/"for", begin) the name of an organisation.
var headNouns = map[string]bool{
	"agency": true, "alliance": true, "assembly": true, "association": true, "authority": true,
	"bank": true, "board": true, "borough": true, "bureau": true, "centre": true, "center": true,
	"chamber": true, "charity": true, "club": true, "cluster": true, "college": true,
	"commission": true, "committee": true, "company": true, "confederation": true,
	"consortium": true, "constabulary": true, "corporation": true, "council": true,
	"department": true, "directorate": true, "division": true, "executive": true,
	"federation": true, "forum": true, "foundation": true, "fund": true, "group": true,
	"hub": true, "institute": true, "institution": true, "inspectorate": true, "ministry": true,
	"network": true, "office": true, "organisation": true, "organization": true, "panel": true,
	"partnership": true, "police": true, "service": true, "society": true, "sub-group": true,
	"subgroup": true, "team": true, "treasury": true, "trust": true, "unit": true,
	"university": true, "school": true, "academy": true, "enterprise": true, "project": true,
	"programme": true, "plc": true, "ltd": true, "llp": true, "limited": true, "cic": true,
	"nhs": true, "icb": true, "ccg": true, "pct": true,
}

// roleNouns end the title of a post ("Regional Manager", "Director of Public
// Health", "PH District Coordinator"): posts are leads too.
var roleNouns = map[string]bool{
	"manager": true, "director": true, "officer": true, "coordinator": true, "co-ordinator": true,
	"lead": true, "leads": true, "head": true, "chair": true, "chairman": true, "chief": true,
	"commissioner": true, "consultant": true, "specialist": true, "adviser": true,
	"advisor": true, "leader": true, "secretary": true, "minister": true, "member": true,
	"worker": true, "champion": true, "practitioner": true, "analyst": true, "controller": true,
	"deputy": true, "president": true, "principal": true, "administrator": true,
}

// singular gives the singular of a head or role noun ("Councils" → "council").
func singular(w string) string {
	w = strings.ToLower(strings.Trim(w, ".,;:()'’\""))
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

var (
	parenTail  = regexp.MustCompile(`^(.*?)\s*\(([^()]*)\)\s*$`)
	leadPrefix = regexp.MustCompile(`(?i)^\s*(?:lead(?:\s+(?:organisation|partner|agency|body))?s?\s*[:\-–]|led\s+by\s+|responsible(?:\s+officer)?\s*:)\s*`)
	// partnerMarker joins a lead to the partners who support it.
	partnerMarker = regexp.MustCompile(`(?i)\s+(?:in\s+partnership\s+with|in\s+conjunction\s+with|in\s+collaboration\s+with|working\s+with|together\s+with|jointly\s+with|with\s+support\s+from|with\s+the\s+support\s+of|supported\s+by|assisted\s+by|with)\s+`)
	leadingMarker = regexp.MustCompile(`(?i)^(?:in\s+partnership\s+with|in\s+conjunction\s+with|working\s+with|together\s+with|with\s+support\s+from|supported\s+by|assisted\s+by|with|partners?\s*:)\s+`)
	andWord       = regexp.MustCompile(`\s+(?:and|&)\s+`)
)

// SplitOrgs splits a lead cell into lead and partner organisations as printed
// ("EEDA/Advice for Life" → two leads; "EERA with Housing Corporation" → lead
// EERA, partner Housing Corporation). Names are never cut inside ("Learning
// and Skills Council", "Children & Families Trust") and a post printed with
// its organisation ("Regional Manager, National Offender Management
// Service") stays whole. The default registry tells known names.
func SplitOrgs(cell string) (leads, partners []string) {
	return splitOrgs(cell, DefaultRegistry())
}

func splitOrgs(cell string, reg *Registry) (leads, partners []string) {
	cell = strings.ReplaceAll(cell, "\r", "\n")
	cell = leadPrefix.ReplaceAllString(cell, "")
	for _, piece := range splitHard(cell, reg) {
		piece = cleanOrgPiece(piece)
		if piece == "" {
			continue
		}
		// "(with Housing Corporation)" after a lead, or a line of its own
		// that starts "with ...", names partners.
		if m := parenTail.FindStringSubmatch(piece); m != nil && leadingMarker.MatchString(m[2]+" ") {
			piece = cleanOrgPiece(m[1])
			partners = append(partners, splitSoft(leadingMarker.ReplaceAllString(m[2]+" ", ""), reg)...)
		}
		// "Supported by X" names a supporter even with no lead before it:
		// the cell then has no lead, not X as one.
		if leadingMarker.MatchString(piece) && (len(leads) > 0 || !strings.HasPrefix(strings.ToLower(piece), "with ")) {
			partners = append(partners, splitSoft(leadingMarker.ReplaceAllString(piece, ""), reg)...)
			continue
		}
		lead, partner := splitPartner(piece, reg)
		leads = append(leads, splitSoft(lead, reg)...)
		if partner != "" {
			partners = append(partners, splitSoft(partner, reg)...)
		}
	}
	return clean(leads), clean(partners)
}

func clean(names []string) []string {
	var out []string
	for _, n := range names {
		if n = cleanOrgPiece(n); n != "" && hasLetter(n) && !notAName[nameKey(n)] {
			out = append(out, n)
		}
	}
	return out
}

// notAName are cell fillers that name nobody.
var notAName = map[string]bool{"and or": true, "and": true, "or": true, "etc": true, "n a": true, "na": true, "tbc": true, "tba": true, "none": true, "nil": true, "various": true}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// cleanOrgPiece collapses white space and trims bullets and stray
// punctuation, keeping a closing bracket that belongs to the name.
func cleanOrgPiece(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimLeft(s, "•·*-–—,;:/ ")
	s = strings.TrimRight(s, ",;:/.– ")
	if strings.Count(s, "(") < strings.Count(s, ")") && strings.HasSuffix(s, ")") {
		s = strings.TrimSpace(strings.TrimSuffix(s, ")"))
	}
	return s
}

// splitTop splits s at sep outside brackets.
func splitTop(s string, isSep func(s string, i int) int) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		}
		if depth == 0 {
			if n := isSep(s, i); n > 0 {
				parts = append(parts, s[start:i])
				i += n
				start = i
				continue
			}
		}
		i++
	}
	return append(parts, s[start:])
}

// splitHard cuts at ';', '/', bullets and line breaks. A line break only
// cuts when both sides look like organisations: PDF cells wrap long names
// ("Peterborough New Link" / "Centre").
func splitHard(cell string, reg *Registry) []string {
	parts := splitTop(cell, func(s string, i int) int {
		switch {
		case s[i] == ';':
			return 1
		case strings.HasPrefix(s[i:], "•"):
			return len("•")
		case s[i] == '/':
			before, after := s[:i], s[i+1:]
			if strings.HasSuffix(strings.ToLower(before), "and") && strings.HasPrefix(strings.ToLower(after), "or") {
				return 0 // and/or
			}
			if len(before) > 0 && len(after) > 0 && isDigit(before[len(before)-1]) && isDigit(after[0]) {
				return 0 // 24/7
			}
			if strings.HasSuffix(before, "N") && strings.HasPrefix(after, "A") && len(strings.TrimSpace(before)) == 1 {
				return 0 // N/A
			}
			return 1
		}
		return 0
	})
	var out []string
	for _, p := range parts {
		// A piece that lists with commas or "and" wraps its lines: the
		// line breaks are not separators ("DPH, CPH and PH\nSpecialists").
		if strings.Contains(p, ",") || andWord.MatchString(strings.ReplaceAll(p, "\n", " ")) {
			out = append(out, strings.ReplaceAll(p, "\n", " "))
			continue
		}
		lines := strings.Split(p, "\n")
		cur := ""
		for _, l := range lines {
			l = strings.TrimSpace(l)
			if l == "" {
				continue
			}
			switch {
			case cur == "":
				cur = l
			case lineBreakCuts(cur, l, reg):
				out = append(out, cur)
				cur = l
			default:
				cur += " " + l
			}
		}
		out = append(out, cur)
	}
	return out
}

// lineBreakCuts decides whether a line break between cur and next separates
// two organisations. It does not when next continues a wrapped name: it
// starts in lower case or with a head or role noun ("Centre", "Specialists,
// PH"), or cur ends with a joining word.
func lineBreakCuts(cur, next string, reg *Registry) bool {
	if leadingMarker.MatchString(next) {
		return true
	}
	if startsLower(next) || reg.known(cur+" "+next) || !Like(cur, reg) || !(Like(next, reg) || theName(next)) {
		return false
	}
	first := singular(strings.Fields(next)[0])
	if (headNouns[first] || roleNouns[first]) && !IsAcronym(strings.Fields(next)[0]) {
		return false
	}
	lastWords := strings.Fields(cur)
	switch strings.ToLower(strings.TrimRight(lastWords[len(lastWords)-1], ",")) {
	case "and", "&", "of", "for", "the", "in", "on", "to":
		return false
	}
	return !strings.HasSuffix(cur, ",")
}

// theName: a line "The Education People" — "The" and capitalised words —
// names a body even without a head noun.
func theName(s string) bool {
	w := strings.Fields(s)
	if len(w) < 2 || w[0] != "The" {
		return false
	}
	for _, x := range w[1:] {
		if r := []rune(x)[0]; !unicode.IsUpper(r) && !(len(w) > 3 && (x == "of" || x == "for" || x == "and")) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

// splitPartner cuts "Lead with Partner" when the partner looks like an
// organisation ("Forum for People with Disabilities" stays whole).
func splitPartner(s string, reg *Registry) (lead, partner string) {
	if reg.known(s) {
		return s, ""
	}
	for _, loc := range partnerMarker.FindAllStringIndex(s, 8) {
		if inBrackets(s, loc[0]) {
			continue
		}
		l, p := strings.TrimSpace(s[:loc[0]]), strings.TrimSpace(s[loc[1]:])
		if l != "" && p != "" && orgsLike(l, reg) && orgsLike(p, reg) {
			return l, p
		}
	}
	return s, ""
}

func inBrackets(s string, at int) bool {
	return strings.Count(s[:at], "(") > strings.Count(s[:at], ")")
}

// orgsLike reports whether s is an organisation or a list of them.
func orgsLike(s string, reg *Registry) bool {
	return Like(s, reg) || len(splitSoft(s, reg)) > 1
}

// splitSoft cuts a piece at commas and at "and"/"&" when every part looks
// like an organisation or a post by itself, and never a known name or a
// post followed by its organisation.
func splitSoft(s string, reg *Registry) []string {
	s = cleanOrgPiece(s)
	if s == "" || len(s) > maxPiece || reg.known(s) {
		return []string{s}
	}
	commas := splitTop(s, func(x string, i int) int {
		if x[i] == ',' {
			return 1
		}
		return 0
	})
	if len(commas) > 1 {
		var out []string
		ok, joined := true, false
		for i := 0; i < len(commas); i++ {
			c := cleanOrgPiece(commas[i])
			c = strings.TrimPrefix(strings.TrimPrefix(c, "and "), "& ")
			// "Regional Manager, National Offender Management Service":
			// a post and the body or team it belongs to are one lead.
			if i+1 < len(commas) && isRole(c) && !isRole(cleanOrgPiece(commas[i+1])) {
				out = append(out, c+", "+cleanOrgPiece(commas[i+1]))
				i++
				joined = true
				continue
			}
			parts := splitAnd(c, reg)
			if parts == nil {
				ok = false
				break
			}
			out = append(out, parts...)
		}
		// A post with its body and nothing else is one lead, as printed.
		if ok && !(joined && len(out) == 1) {
			return out
		}
	}
	if parts := splitAnd(s, reg); parts != nil {
		return parts
	}
	return []string{s}
}

// splitAnd cuts "A and B" (or "&") when A and B each look like an
// organisation or a post; nil when s is neither split nor organisation-like.
func splitAnd(s string, reg *Registry) []string {
	if len(andWord.FindAllStringIndex(s, maxAnds+1)) > maxAnds {
		// Not a lead cell but prose: do not try every cut.
		if Like(s, reg) {
			return []string{s}
		}
		return nil
	}
	return splitAndMemo(s, reg, map[string][]string{})
}

// maxPiece is the longest piece splitSoft cuts: longer text is prose, not
// a list of names, and cutting it would only cost time.
const maxPiece = 600

// maxAnds bounds the "and"s of a cell that splitAnd tries to cut.
const maxAnds = 12

// splitAndMemo remembers the answer for each remainder (nil answers too), so
// that a cell of many "and"s is split in polynomial time.
func splitAndMemo(s string, reg *Registry, memo map[string][]string) []string {
	if r, ok := memo[s]; ok {
		return r
	}
	var out []string
	if reg.known(s) {
		out = []string{s}
	} else {
		for _, loc := range andWord.FindAllStringIndex(s, -1) {
			if inBrackets(s, loc[0]) {
				continue
			}
			left := strings.TrimSpace(s[:loc[0]])
			if !Like(left, reg) {
				continue
			}
			if rest := splitAndMemo(strings.TrimSpace(s[loc[1]:]), reg, memo); rest != nil {
				out = append([]string{left}, rest...)
				break
			}
		}
		if out == nil && Like(s, reg) {
			out = []string{s}
		}
	}
	memo[s] = out
	return out
}

// Like reports whether s, alone, reads as the name of an organisation or
// a post: a known name, an acronym, or a capitalised phrase ending in a
// head noun ("... Centre", "... Constabulary") or a role ("... Manager"),
// or opening with one before "of"/"for" ("Department for Transport").
func Like(s string, reg *Registry) bool {
	s = cleanOrgPiece(s)
	if s == "" {
		return false
	}
	if reg.known(s) {
		return true
	}
	if m := parenTail.FindStringSubmatch(s); m != nil && m[1] != "" {
		s = m[1]
	}
	words := strings.Fields(s)
	if len(words) == 0 {
		return false
	}
	if len(words) == 1 {
		return IsAcronym(words[0])
	}
	first := []rune(words[0])
	if !unicode.IsUpper(first[0]) && !unicode.IsDigit(first[0]) {
		return false
	}
	last := singular(words[len(words)-1])
	if headNouns[last] || roleWord(last) || IsAcronym(words[len(words)-1]) {
		return true
	}
	for i, w := range words[:len(words)-1] {
		if n := strings.ToLower(words[i+1]); (n == "of" || n == "for") && (headNouns[singular(w)] || roleNouns[singular(w)]) {
			return true
		}
	}
	return false
}

// roleWord reports a word that ends the name of a post: "Manager",
// "Officers", and "Lead-Strategy" (a post and its area joined by a hyphen).
func roleWord(w string) bool {
	if roleNouns[singular(strings.ToLower(w))] {
		return true
	}
	if head, _, ok := strings.Cut(w, "-"); ok && head != "" {
		return roleNouns[singular(strings.ToLower(head))]
	}
	return false
}

// isRole reports whether s names a post rather than a body.
func isRole(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 {
		return false
	}
	if k := nameKey(s); strings.HasSuffix(k, "chief executive") || strings.HasPrefix(k, "chief executive ") {
		return true
	}
	if roleWord(words[len(words)-1]) {
		return true
	}
	for i, w := range words[:len(words)-1] {
		if roleNouns[singular(w)] && (strings.EqualFold(words[i+1], "of") || strings.EqualFold(words[i+1], "for")) {
			return true
		}
	}
	return false
}

// IsAcronym reports a word printed as an acronym: "EEDA", "GO-East",
// "SE-SEP", "CoSLA", "LSCs".
func IsAcronym(w string) bool {
	w = strings.Trim(w, ".,;:'’\"")
	if len(w) < 2 || len(w) > 12 {
		return false
	}
	upper, letters := 0, 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
			letters++
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r) || r == '-' || r == '&':
		default:
			return false
		}
	}
	r0 := []rune(w)[0]
	return upper >= 2 && unicode.IsUpper(r0) && (upper*2 >= letters || strings.Contains(w, "-"))
}

// SplitOrgs splits a lead cell like the package function SplitOrgs, with
// this registry (the user's --orgs names included) telling known names.
func (r *Registry) SplitOrgs(cell string) (leads, partners []string) {
	return splitOrgs(cell, r)
}
