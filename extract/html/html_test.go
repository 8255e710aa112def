package html

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/extract/layout"
)

// samples are the bundled web pages, each with its golden dump in testdata/.
var samples = []string{
	"oxfordshire-executive-2005-03-15-social-inclusion",
	"milton-keynes-tackling-social-exclusion",
	"scotland-equal-communities-action-plan-2009-2011",
}

func extractSample(t *testing.T, name string) *layout.Document {
	t.Helper()
	doc, err := Extract(corpustest.ReadSample(t, name+".html"), Options{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	checkDocument(t, doc)
	return doc
}

func TestSamplesGolden(t *testing.T) {
	for _, name := range samples {
		t.Run(name, func(t *testing.T) {
			golden(t, name+".golden", dump(extractSample(t, name)))
		})
	}
}

// allText is every block's text, markers included, one block a line.
func allText(doc *layout.Document) string {
	var b strings.Builder
	for _, blk := range doc.Blocks {
		b.WriteString(blk.Marker + " " + blk.Text + "\n")
		if blk.Table != nil {
			for _, row := range blk.Table.Grid() {
				b.WriteString(strings.Join(row, " | ") + "\n")
			}
		}
	}
	return b.String()
}

// TestSamplesChromeGone: none of the site furniture the sample pages carry
// reaches the blocks, and the first and last words of each report do.
func TestSamplesChromeGone(t *testing.T) {
	chrome := []string{
		"cookie", "Cookie", "Skip to", "You are here", "Contact us",
		"Accessibility", "Privacy", "Return to", "download as", "Search",
		"Meeting calendar", "Services A-Z", "Print this page", "Back to top",
		"BETA", "beta website", "Open Government Licence", "Terms and conditions",
		"Text only", "Forward plan", "Agendas and reports",
	}
	// Navigation entries that are also ordinary words: no block may be
	// just one of them.
	navEntries := []string{"Home", "News", "Jobs", "Minutes", "Agenda", "Meetings", "Committees",
		"Publications", "Consultations", "Statistics", "Topics", "About", "Services", "Council", "gov.scot", "County Council"}
	bounds := map[string][2]string{
		"oxfordshire-executive-2005-03-15-social-inclusion": {"Division(s): N/A", "March 2005."},
		"milton-keynes-tackling-social-exclusion":           {"TACKLING SOCIAL EXCLUSION IN MILTON KEYNES", "Head of Community and Economic Development"},
		"scotland-equal-communities-action-plan-2009-2011":  {"Equal Communities Action Plan", "www.partnersinregeneration.com"},
	}
	for _, name := range samples {
		t.Run(name, func(t *testing.T) {
			doc := extractSample(t, name)
			text := allText(doc)
			for _, c := range chrome {
				if strings.Contains(text, c) {
					t.Errorf("chrome %q survived:\n%s", c, lineWith(text, c))
				}
			}
			for _, b := range doc.Blocks {
				for _, e := range navEntries {
					if strings.TrimSpace(b.Marker+" "+b.Text) == e || strings.TrimSpace(b.Text) == e {
						t.Errorf("navigation entry %q survived as a %s", e, b.Kind)
					}
				}
			}
			first, last := doc.Blocks[0], doc.Blocks[len(doc.Blocks)-1]
			if got := strings.TrimSpace(first.Marker + " " + first.Text); got != bounds[name][0] {
				t.Errorf("first block = %q, want %q", got, bounds[name][0])
			}
			lastText := last.Text
			if last.Table != nil {
				g := last.Table.Grid()
				lastText = strings.Join(g[len(g)-1], " ")
			}
			if !strings.Contains(lastText, bounds[name][1]) {
				t.Errorf("last block = %q, want it to contain %q", lastText, bounds[name][1])
			}
		})
	}
}

func lineWith(text, sub string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}

// TestOxfordshireWindows1252: the page is declared windows-1252 and holds
// curly quotes (0x91/0x92), an en dash (0x96) and © (0xA9).
func TestOxfordshireWindows1252(t *testing.T) {
	raw := corpustest.ReadSample(t, "oxfordshire-executive-2005-03-15-social-inclusion.html")
	for _, b := range []byte{0x91, 0x92, 0x96, 0xA9} {
		if !bytes.Contains(raw, []byte{b}) {
			t.Fatalf("sample no longer holds byte %#x", b)
		}
	}
	doc := extractSample(t, "oxfordshire-executive-2005-03-15-social-inclusion")
	if doc.Meta["charset"] != "windows-1252" {
		t.Errorf("charset = %q", doc.Meta["charset"])
	}
	if doc.Title != "Social Inclusion – Executive – 15 March 2005" {
		t.Errorf("title = %q", doc.Title)
	}
	text := allText(doc)
	for _, want := range []string{
		"Scrutiny Committee’s social inclusion", // 0x92
		"the CCMT social inclusion ‘Champion’",  // 0x91, 0x92
		"EXECUTIVE – 15 MARCH 2005",             // 0x96
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
	if strings.ContainsRune(text, '\uFFFD') {
		t.Error("replacement character in the text")
	}
	// The same page with its declaration removed must read the same.
	undeclared := strings.Replace(string(raw), `<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`, "", 1)
	if undeclared == string(raw) {
		t.Fatal("declaration not found in the sample")
	}
	doc2, err := Extract([]byte(undeclared), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := allText(doc2); got != text {
		t.Errorf("undeclared windows-1252 reads differently:\n%s", diffLines(text, got))
	}
	if doc2.Meta["charset"] != "windows-1252" {
		t.Errorf("undeclared charset = %q", doc2.Meta["charset"])
	}
	// © sits in the footer, which is chrome: decode it directly.
	if d := decode(raw); !strings.Contains(d.text, "© County Council") {
		t.Error("© (0xA9) not decoded")
	}
}

// TestOxfordshireNumbering: the report is one <ol>; its section headings are
// numbered items too, and item 17 has a nested list.
func TestOxfordshireNumbering(t *testing.T) {
	doc := extractSample(t, "oxfordshire-executive-2005-03-15-social-inclusion")
	var top []layout.Block
	for _, b := range doc.Blocks {
		if b.Marker != "" && b.Level == 0 && b.Kind == layout.ListItem || b.Kind == layout.Heading && b.Marker != "" {
			top = append(top, b)
		}
	}
	if len(top) != 22 {
		t.Fatalf("%d numbered top-level items, want 22", len(top))
	}
	for i, b := range top {
		if want := strconv.Itoa(i+1) + "."; b.Marker != want {
			t.Errorf("item %d has marker %q", i+1, b.Marker)
		}
	}
	headings := map[string]string{"3.": "Social Inclusion Strategy", "7.": "Equality and Social Inclusion Steering Group",
		"10.": "Social Inclusion Reference Group", "13.": "Social Inclusion Action Plan Framework", "21.": "RECOMMENDATIONS"}
	for _, b := range top {
		if want, ok := headings[b.Marker]; ok {
			if b.Kind != layout.Heading || b.Text != want {
				t.Errorf("item %s = %s %q, want heading %q", b.Marker, b.Kind, b.Text, want)
			}
		} else if b.Kind != layout.ListItem {
			t.Errorf("item %s is a %s", b.Marker, b.Kind)
		}
	}
	var nested []layout.Block
	for _, b := range doc.Blocks {
		if b.Kind == layout.ListItem && b.Level == 1 {
			nested = append(nested, b)
		}
	}
	if len(nested) != 3 || nested[0].Marker != "1." || nested[2].Marker != "3." ||
		!strings.HasPrefix(nested[0].Text, "the CCMT social inclusion") {
		t.Errorf("nested list of item 17 = %+v", nested)
	}
	// The download links went, their brackets with them.
	if !strings.Contains(allText(doc), "attached to this report. (Annex 1).") {
		t.Error("download link not cut cleanly from item 9")
	}
}

// TestMiltonKeynesStructure: numbered sections, numbered paragraphs and the
// annex tables of working-group members.
func TestMiltonKeynesStructure(t *testing.T) {
	doc := extractSample(t, "milton-keynes-tackling-social-exclusion")
	if doc.Meta["content-root"] != "article.committee-report" {
		t.Errorf("content root = %q", doc.Meta["content-root"])
	}
	var headings []string
	paras := map[string]string{}
	var tables []*layout.Table
	bullets := 0
	for _, b := range doc.Blocks {
		switch b.Kind {
		case layout.Heading:
			if b.Level == 2 {
				headings = append(headings, strings.TrimSpace(b.Marker+" "+b.Text))
			}
		case layout.Paragraph:
			if b.Marker != "" {
				paras[b.Marker] = b.Text
			}
		case layout.ListItem:
			if b.Marker != "•" || b.Level != 0 {
				t.Errorf("bullet %q has marker %q level %d", b.Text, b.Marker, b.Level)
			}
			bullets++
		case layout.TableKind:
			tables = append(tables, b.Table)
		}
	}
	wantHeadings := []string{"1. Purpose", "2. Background", "3. Current research work into social exclusion", "4. The social inclusion project", "ANNEX TO ITEM"}
	if strings.Join(headings, "|") != strings.Join(wantHeadings, "|") {
		t.Errorf("h2 headings = %q", headings)
	}
	if len(paras) != 1+6+3+9 {
		t.Errorf("%d numbered paragraphs, want 19", len(paras))
	}
	if !strings.HasPrefix(paras["3.3"], "The Council has been invited to join this group.") {
		t.Errorf("paragraph 3.3 = %q", paras["3.3"])
	}
	if bullets != 8+3+5+4 {
		t.Errorf("%d bullets, want 20", bullets)
	}
	wantRows := []int{3, 1, 4, 3, 3}
	if len(tables) != len(wantRows) {
		t.Fatalf("%d tables, want %d", len(tables), len(wantRows))
	}
	for i, tb := range tables {
		if tb.Columns != 2 || len(tb.Rows) != wantRows[i] || tb.HeaderRows != 0 {
			t.Errorf("table %d: %d cols × %d rows, %d header rows", i+1, tb.Columns, len(tb.Rows), tb.HeaderRows)
		}
	}
	if g := tables[1].Grid(); g[0][0] != "Judith Pears" || g[0][1] != "Head of Information Technology" {
		t.Errorf("single-member table = %q", g)
	}
	if g := tables[2].Grid(); g[2][1] != "Senior Planning Officer, Demography" {
		t.Errorf("Environment table = %q", g)
	}
}

// TestScotlandStructure: Issues are <h3> with Context/Activities/Delivery
// <h4> and long bullet activities; the contact is an <address>.
func TestScotlandStructure(t *testing.T) {
	doc := extractSample(t, "scotland-equal-communities-action-plan-2009-2011")
	if doc.Title != "Equal Communities Action Plan" {
		t.Errorf("title = %q", doc.Title)
	}
	var issue string
	var section string
	activities := map[string][]string{}
	for _, b := range doc.Blocks {
		switch {
		case b.Kind == layout.Heading && b.Level == 3:
			issue, section = b.Text, ""
		case b.Kind == layout.Heading && b.Level == 4:
			section = b.Text
		case b.Kind == layout.Heading && b.Level < 3:
			issue, section = "", ""
		case b.Kind == layout.ListItem && section == "Activities":
			activities[issue] = append(activities[issue], b.Text)
		}
	}
	want := map[string]int{
		"Issue 1: How to embed community regeneration and tackling poverty within Single Outcome Agreements?":                       3,
		"Issue 2: How to support approaches to community regeneration and tackling poverty within the new outcome focused context?": 4,
		"Issue 3: How to addresses complex individual needs, financial inclusion and rural poverty?":                                4,
	}
	for iss, n := range want {
		if len(activities[iss]) != n {
			t.Errorf("%q: %d activities, want %d", iss, len(activities[iss]), n)
		}
	}
	first := activities["Issue 1: How to embed community regeneration and tackling poverty within Single Outcome Agreements?"]
	if len(first) > 0 && (!strings.HasPrefix(first[0], "manage action learning sets for four Community Planning Partnerships") ||
		!strings.HasSuffix(first[0], "providing information and context on key issues identified.")) {
		t.Errorf("first activity is not whole: %q", first[0])
	}
	text := allText(doc)
	if !strings.Contains(text, "Heather Smith or Jim Carruth, Scottish Centre for Regeneration, Scottish Government, Highlander House, 58 Waterloo Street, Glasgow, G2 7DA") {
		t.Error("address not read as one paragraph")
	}
	stakeholders := 0
	inGroup := false
	for _, b := range doc.Blocks {
		if b.Kind == layout.Paragraph {
			inGroup = strings.Contains(b.Text, "invited the following to join")
		}
		if inGroup && b.Kind == layout.ListItem {
			stakeholders++
		}
	}
	if stakeholders != 14 {
		t.Errorf("stakeholder group has %d items, want 14", stakeholders)
	}
}

// checkDocument asserts what every extraction must satisfy.
func checkDocument(t testing.TB, doc *layout.Document) {
	t.Helper()
	if err := validate(doc); err != nil {
		t.Fatal(err)
	}
}
