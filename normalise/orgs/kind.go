package orgs

import (
	"regexp"
	"strings"
)

// Kinds of organisation, for comparing who leads what across regions.
const (
	KindDepartment = "government department"
	KindGovOffice  = "government office"
	KindRegional   = "regional agency"
	KindLocal      = "local authority"
	KindHealth     = "health body"
	KindVCS        = "voluntary and community sector"
	KindPartner    = "partnership"
	KindPrivate    = "private"
	KindOther      = "other"
)

// Kinds lists every kind in the order docs/organisations.md gives them.
var Kinds = []string{KindDepartment, KindGovOffice, KindRegional, KindLocal, KindHealth, KindVCS, KindPartner, KindPrivate, KindOther}

// kindAliases accepts other spellings of a kind in a user's registry file
// (including the kinds of the corpus gold annotations).
var kindAliases = map[string]string{
	"national government": KindDepartment, "central government": KindDepartment,
	"department": KindDepartment, "ndpb": KindDepartment, "government agency": KindDepartment,
	"regional development agency": KindRegional, "rda": KindRegional, "regional": KindRegional,
	"health": KindHealth, "nhs": KindHealth,
	"voluntary": KindVCS, "vcs": KindVCS, "vcse": KindVCS, "charity": KindVCS, "community": KindVCS,
	"third sector": KindVCS, "local government": KindLocal, "council": KindLocal,
	"business": KindPrivate, "company": KindPrivate,
}

// normaliseKind maps a kind written by a user to one of Kinds; an unknown
// kind is kept (lower-cased) so that a user's own scheme survives.
func normaliseKind(k string) string {
	k = strings.ToLower(strings.Join(strings.Fields(k), " "))
	if k == "" {
		return ""
	}
	for _, known := range Kinds {
		if k == known {
			return k
		}
	}
	if a, ok := kindAliases[k]; ok {
		return a
	}
	return k
}

// kindRules guess a kind from the words of a name, first match wins. The
// order matters: "NHS Foundation Trust" is a health body before it is a
// trust, and "Racial Equality Council" is voluntary before it is a council.
var kindRules = []struct {
	kind string
	re   *regexp.Regexp
	// notPosts: the rule reads a body's name, not a post's: "PH
	// Consultant" is a post, not a consultancy, and "Head of Community
	// Safety" is not a community group.
	notPosts bool
}{
	{KindPrivate, regexp.MustCompile(`(?i)\b(ltd|limited|plc|llp|llc|inc|& co|and co|consultants?|consultancy)\b\.?$|\b(bank|building society)\b`), true},
	{KindGovOffice, regexp.MustCompile(`(?i)^(hm )?government office\b|^GO-?[A-Z]`), false},
	{KindDepartment, regexp.MustCompile(`(?i)^(the )?(department|dept\.?|ministry)\b|\b(home office|cabinet office|hm treasury|treasury|hm revenue|crown prosecution|(scottish|welsh|uk|hm|her majesty's|his majesty's) government|inspectorate|executive agency)\b`), false},
	{KindRegional, regexp.MustCompile(`(?i)\b(development agency|regional assembly|regional development|rda|regional agency|greater london authority)\b`), false},
	{KindHealth, regexp.MustCompile(`(?i)\b(nhs|pct|pcts|ccg|ccgs|icb|icbs|primary care|health authorit(y|ies)|hospitals?|clinical|public health|health( and social care)? (trust|board|service|partnership)|foundation trust|ambulance|integrated care|gps?|general practi(ce|tioners?)|health)\b`), false},
	{KindVCS, regexp.MustCompile(`(?i)\b(voluntary|volunteers?|volunteering|racial equality|race equality|faiths?|churche?s?|charity|charities|citizens advice)\b`), false},
	{KindLocal, regexp.MustCompile(`(?i)\b(council|borough|county|district|city of|metropolitan|unitary|combined authority|local authorit(y|ies)|parish|directorate)\b`), false},
	{KindPartner, regexp.MustCompile(`(?i)\b(partnerships?|boards?|groups?|sub-group|panels?|consortium|consortia|task ?force|cluster|steering|commissions?|committees?)\b`), false},
	{KindVCS, regexp.MustCompile(`(?i)\b(trusts?|associations?|alliances?|networks?|forums?|fora|community|communities|foundation|society|action|club|cic|federation)\b`), true},
}

// GuessKind gives the kind of an organisation the registry does not know,
// from keywords in its name (see docs/organisations.md).
func GuessKind(name string) string {
	// A post is named in the singular ("PH Consultant"); "Anytown
	// Management Consultants" is a firm.
	post := false
	if w := strings.Fields(strings.ToLower(name)); len(w) > 0 {
		post = isRole(name) && singular(w[len(w)-1]) == w[len(w)-1]
	}
	for _, r := range kindRules {
		if post && r.notPosts {
			continue
		}
		if r.re.MatchString(name) {
			return r.kind
		}
	}
	return KindOther
}
