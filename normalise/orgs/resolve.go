package orgs

import (
	"regexp"
	"strings"
)

// Resolving a printed lead to its organisation, in this order (the first
// that answers wins; docs/organisations.md has examples):
//  1. the registry knows the name;
//  2. "Long Name (ACR)": the registry knows the long name or the acronym;
//  3. a bare acronym the document defined ("EEDA" → "East of England
//     Development Agency") — the long form is looked up, else it becomes the
//     canonical name;
//  4. a post with its organisation: "Regional Manager, National Offender
//     Management Service", "Chief Executive of Kent County Council",
//     "GOSE Crime Reduction Team Leader" → the organisation;
//  5. "the Assembly" when exactly one body the document defined ends with
//     that word (South East England Regional Assembly (SEERA));
//  6. otherwise the name as printed, without a leading "the", with a kind
//     guessed from its words.

// maxName is the longest text Resolve reads as a name; longer text is kept
// as printed.
const maxName = 300

var formerly = regexp.MustCompile(`(?i)^(formerly|previously|was|now|incorporating|including|see)\b`)

// Resolve returns the canonical organisation for a printed name, using the
// document's own acronym definitions (short → long).
func (r *Registry) Resolve(name string, acronyms map[string]string) Organisation {
	printed := cleanName(leadPrefix.ReplaceAllString(name, ""))
	if printed == "" {
		return Organisation{Kind: KindOther}
	}
	if len(printed) > maxName {
		return Organisation{Canonical: printed, Kind: GuessKind(printed)}
	}
	if o, ok := r.resolveKnown(printed, acronyms, 0); ok {
		return o
	}
	base := printed
	if m := parenTail.FindStringSubmatch(printed); m != nil && m[1] != "" {
		base = cleanName(m[1])
		if inner := cleanName(m[2]); IsAcronym(inner) && !formerly.MatchString(inner) {
			canonical := stripThe(base)
			return Organisation{Canonical: canonical, Aliases: aliasesOf(canonical, printed, inner), Kind: GuessKind(base)}
		}
	}
	if long, ok := lookupAcronym(acronyms, base); ok {
		long = cleanName(long)
		return Organisation{Canonical: stripThe(long), Aliases: aliasesOf(stripThe(long), printed), Kind: GuessKind(long)}
	}
	if o, ok := r.resolveDefinite(base, acronyms); ok {
		return o
	}
	canonical := stripThe(base)
	return Organisation{Canonical: canonical, Aliases: aliasesOf(canonical, printed), Kind: GuessKind(canonical)}
}

// Resolves reports whether the registry knows the name printed in s
// without a document's acronyms: as it stands, by a bracketed form, or as
// a post of a known body. A nil registry knows nothing.
func (r *Registry) Resolves(s string) bool {
	if r == nil {
		return false
	}
	_, ok := r.resolveKnown(cleanName(s), nil, 0)
	return ok
}

// resolveKnown answers from the registry, directly or through the
// document's acronyms, the bracketed form and the post-with-organisation
// forms. depth stops a post inside a post from recursing for ever.
func (r *Registry) resolveKnown(name string, acronyms map[string]string, depth int) (Organisation, bool) {
	if depth > 2 || name == "" {
		return Organisation{}, false
	}
	if o, ok := r.Lookup(name); ok {
		return o, true
	}
	if long, ok := lookupAcronym(acronyms, name); ok {
		if o, ok := r.Lookup(long); ok {
			return o, true
		}
	}
	// A long form the document abbreviates, when the registry knows the
	// abbreviation.
	for short, long := range acronyms {
		if nameKey(long) == nameKey(name) {
			if o, ok := r.Lookup(short); ok && IsAcronym(short) {
				return o, true
			}
		}
	}
	if m := parenTail.FindStringSubmatch(name); m != nil && m[1] != "" {
		base, inner := cleanName(m[1]), cleanName(m[2])
		if o, ok := r.resolveKnown(base, acronyms, depth+1); ok {
			return o, true
		}
		if !formerly.MatchString(inner) {
			if o, ok := r.resolveKnown(inner, acronyms, depth+1); ok {
				return o, true
			}
		}
	}
	return r.resolvePost(name, acronyms, depth)
}

var postOf = regexp.MustCompile(`(?i)^(.+?)\s+(?:of|for|at|from|in)\s+(?:the\s+)?(.+)$`)

// maxPrefixWords bounds the known body at the start of a post or team
// name ("GOSE Crime Reduction Team Leader").
const maxPrefixWords = 8

// resolvePost finds the organisation of a post: "Role, Organisation",
// "Role of/at Organisation", "ACR Team Leader".
func (r *Registry) resolvePost(name string, acronyms map[string]string, depth int) (Organisation, bool) {
	if i := strings.Index(name, ","); i > 0 {
		left, right := strings.TrimSpace(name[:i]), strings.TrimSpace(name[i+1:])
		if isRole(left) {
			if o, ok := r.resolveKnown(right, acronyms, depth+1); ok {
				return o, true
			}
		}
	}
	if m := postOf.FindStringSubmatch(name); m != nil && isRole(m[1]) {
		if o, ok := r.resolveKnown(m[2], acronyms, depth+1); ok {
			return o, true
		}
	}
	// "GOSE Crime Reduction Team Leader": a known body, then the name of a
	// team or post inside it.
	words := strings.Fields(name)
	if len(words) >= 2 && (isRole(name) || headNouns[singular(words[len(words)-1])]) {
		k0 := len(words) - 1
		if k0 > maxPrefixWords {
			k0 = maxPrefixWords
		}
		for k := k0; k >= 1; k-- {
			prefix := strings.Join(words[:k], " ")
			if k == 1 && !IsAcronym(prefix) {
				continue
			}
			if o, ok := r.Lookup(prefix); ok {
				return o, true
			}
			if long, ok := lookupAcronym(acronyms, prefix); ok {
				if o, ok := r.Lookup(long); ok {
					return o, true
				}
			}
		}
	}
	return Organisation{}, false
}

// resolveDefinite reads "the Assembly" (or "Assembly") as the one body the
// document defined whose long form ends with that word.
func (r *Registry) resolveDefinite(name string, acronyms map[string]string) (Organisation, bool) {
	k := nameKey(name)
	if k == "" || strings.Contains(k, " ") || len(acronyms) == 0 {
		return Organisation{}, false
	}
	found, n := "", 0
	for _, long := range acronyms {
		lk := nameKey(long)
		if strings.HasSuffix(lk, " "+k) && !strings.EqualFold(found, long) {
			found = long
			n++
		}
	}
	if n != 1 {
		return Organisation{}, false
	}
	if o, ok := r.resolveKnown(found, acronyms, 1); ok {
		return o, true
	}
	found = cleanName(found)
	return Organisation{Canonical: stripThe(found), Aliases: []string{cleanName(name)}, Kind: GuessKind(found)}, true
}

// lookupAcronym finds a short form in the document's definitions, exactly
// or ignoring case.
func lookupAcronym(acronyms map[string]string, short string) (string, bool) {
	if len(acronyms) == 0 || short == "" {
		return "", false
	}
	if l, ok := acronyms[short]; ok {
		return l, true
	}
	k := nameKey(short)
	for s, l := range acronyms {
		if nameKey(s) == k {
			return l, true
		}
	}
	return "", false
}

func stripThe(s string) string {
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		return s[4:]
	}
	return s
}

// aliasesOf lists the printed forms that differ from the canonical name.
func aliasesOf(canonical string, forms ...string) []string {
	var out []string
	for _, f := range forms {
		if f != "" && f != canonical && !containsFold(out, f) {
			out = append(out, f)
		}
	}
	return out
}
