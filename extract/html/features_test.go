package html

import (
	"strings"
	"testing"
)

// Small pages, each showing one rule. Their words come from the sample
// documents. want lines must appear in the dump in this order; absent
// strings must not appear at all.
var featureCases = []struct {
	name   string
	html   string
	want   []string
	absent []string
}{
	{
		name: "rowspan and colspan make a full grid",
		html: `<table>
<thead><tr><th>Action</th><th>Milestone</th><th>Lead organisation</th><th>Milestone(s) completion</th></tr></thead>
<tbody>
<tr><td colspan="4">SO1: To tackle poverty and reduce income inequalities</td></tr>
<tr><td rowspan="2">1. Promote work as the best form of welfare</td><td>Individual work programmes are place</td><td rowspan="2">Jobcentre Plus</td><td>Spring, 2008</td></tr>
<tr><td>Evaluation of pilot complete</td><td>Autumn, 2008</td></tr>
</tbody></table>`,
		want: []string{
			"T  4 cols × 4 rows, 1 header rows",
			"| Action | Milestone | Lead organisation | Milestone(s) completion |",
			"| {1x4} SO1: To tackle poverty and reduce income inequalities | ^ | ^ | ^ |",
			"| {2x1} 1. Promote work as the best form of welfare | Individual work programmes are place | {2x1} Jobcentre Plus | Spring, 2008 |",
			"| ^ | Evaluation of pilot complete | ^ | Autumn, 2008 |",
		},
	},
	{
		name: "a bold first row is a header, and the header repeated on a new page is dropped",
		html: `<table><tr><td><p><b>Action</b></p></td><td><strong>Lead organisation</strong></td></tr>
<tr><td>Promote diversity in the workplace</td><td>Commission for Equalities and Human Rights (CEHR)</td></tr>
<tr><td><p><b>Action</b></p></td><td><strong>Lead organisation</strong></td></tr>
<tr><td>Co-ordinate regional and national support for migrant workers</td><td>EEDA/Regional Migrant Worker Steering Group</td></tr></table>
<p>Download the plan <span class="visually-hidden">(opens in a new window)</span></p>`,
		want: []string{
			"T  2 cols × 3 rows, 1 header rows",
			"| Action | Lead organisation |",
			"| Promote diversity in the workplace |",
			"| Co-ordinate regional and national support for migrant workers |",
			"P  Download the plan",
		},
		absent: []string{"opens in"},
	},
	{
		name: "paragraphs, line breaks and list items in a cell are separate paragraphs",
		html: `<table><tr><th>Milestone</th><th>Completion</th></tr>
<tr><td><p>Migrant worker helpline established</p><p>Employer helpline established</p></td><td>Spring, 2007<br>Summer, 2007</td></tr>
<tr><td>All region's local authorities encouraged to establish baseline data on:<ul><li>numbers of older people<li>numbers of carers</ul></td><td><ol start="3"><li>Winter 2008</li></ol></td></tr></table>`,
		want: []string{
			"T  2 cols × 3 rows, 1 header rows",
			"| Migrant worker helpline established ¶ Employer helpline established | Spring, 2007 ¶ Summer, 2007 |",
			"| All region's local authorities encouraged to establish baseline data on: ¶ [•] numbers of older people ¶ [•] numbers of carers | [3.] Winter 2008 |",
		},
	},
	{
		name: "rows short of the widest are padded, and rowspan stops at its row group",
		html: `<table><tbody><tr><td rowspan="5">EEDA</td><td>GO-East</td><td>EERA</td></tr></tbody>
<tbody><tr><td>Future East</td></tr></tbody></table>`,
		want: []string{
			"T  3 cols × 2 rows, 0 header rows",
			"| EEDA | GO-East | EERA |",
			"| Future East |  |  |",
		},
	},
	{
		name: "rowspan=0 runs to the end of its group; overlapping spans are cut",
		html: `<table><tr><td rowspan="0">A</td><td>B</td></tr><tr><td>C</td></tr><tr><td colspan="2">D</td></tr>
<tr><td>E</td><td rowspan="2">F</td></tr><tr><td colspan="3">G</td></tr></table>`,
		want: []string{
			"| {5x1} A | B |  |",
			"| ^ | C |  |",
			"| ^ | {1x2} D | ^ |",
			"| ^ | E | {2x1} F |",
			"| ^ | G | ^ |",
		},
	},
	{
		name: "ordered list numbering honours start, type, value and reversed",
		html: `<ol start="4"><li>four</li><li>five</li></ol>
<ol type="a"><li>first</li><li value="5">fifth</li><li>sixth</li></ol>
<ol type="I"><li>one</li><li>two</li></ol>
<ol style="list-style-type: lower-roman"><li>one</li><li>two<ol><li>nested</li></ol>after</li></ol>
<ol reversed><li>three</li><li>two</li><li>one</li></ol>
<ul><li>bullet<ul><li>sub-bullet</li></ul></li></ul>`,
		want: []string{
			"L0 [4.] four", "L0 [5.] five",
			"L0 [a.] first", "L0 [e.] fifth", "L0 [f.] sixth",
			"L0 [I.] one", "L0 [II.] two",
			"L0 [i.] one", "L0 [ii.] two", "L1 [1.] nested", "L0 after",
			"L0 [3.] three", "L0 [2.] two", "L0 [1.] one",
			"L0 [•] bullet", "L1 [•] sub-bullet",
		},
	},
	{
		name: "paragraph numbers printed as text become markers",
		html: `<h2>4. The social inclusion project</h2><p>4.1 Whilst there is evidence</p><p>2.5 million people</p><p>2009 was the year</p><p>a) Support GOSE in its work</p>`,
		want: []string{
			"H2 [4.] The social inclusion project",
			"P  [4.1] Whilst there is evidence",
			"P  2.5 million people",
			"P  2009 was the year",
			"P  [a)] Support GOSE in its work",
		},
	},
	{
		name: "chrome found by words, roles and phrases, not by the sample's markup",
		html: `<body><div id="siteNav"><a href="/">Home</a></div>
<div class="gdpr-consent">We use cookies on this website. <a href="#">Accept</a></div>
<div>This site uses cookies to improve your experience. <button>OK</button></div>
<p>You are here: <a href="/">Home</a> &gt; Committees</p>
<div role="navigation"><a href="#">Topics</a></div>
<ul class="menu-list"><li><a href="#">About</a></li></ul>
<div class="navy-box"><p>The Council has been invited to join this group.</p></div>
<div class="research-programme"><p>The Warwick Business School Local Government Centre has set up a social inclusion research programme.</p></div>
<p><a href="#top">Back to top</a></p>
<p><a href="agenda.html">Return to Agenda</a></p>
<p><a href="report.html">Tackling Social Exclusion in Milton Keynes</a></p>
<div style="display:none">hidden text</div><p hidden>also hidden</p>
<script>var x = "script text";</script><noscript>Please enable JavaScript</noscript>
</body>`,
		want: []string{
			"P  The Council has been invited to join this group.",
			"P  The Warwick Business School Local Government Centre has set up a social inclusion research programme.",
			"P  Tackling Social Exclusion in Milton Keynes",
		},
		absent: []string{"Home", "cookie", "You are here", "Topics", "About", "Back to top", "Return to", "hidden", "script", "JavaScript"},
	},
	{
		name: "a wrapper marked as chrome that holds the report is kept",
		html: `<body><form id="aspnetForm"><div class="page has-sidebar"><nav>Home</nav>
<div id="content"><h1>SOCIAL INCLUSION</h1><p>On 19 October 2004 the Executive adopted a draft Social Inclusion Strategy which addresses the issues in the Corporate Governance Scrutiny Committee's social inclusion scrutiny review report. The Executive also noted that the Social Inclusion Strategy would be supported through the development of a prioritised corporate Social Inclusion Action Plan.</p></div>
</div></form></body>`,
		want:   []string{"H1 SOCIAL INCLUSION", "P  On 19 October 2004 the Executive adopted"},
		absent: []string{"Home"},
	},
	{
		name: "a main element whose class names a sidebar is still the main content",
		html: `<body><div class="mega">` + strings.Repeat(`<a href="/a">Services A-Z</a> `, 80) + `</div>
<main class="layout--with-sidebar"><h1>Equal Communities Action Plan</h1><p>This Action Plan is jointly published by Scottish Government and COSLA.</p></main></body>`,
		want:   []string{"H1 Equal Communities Action Plan", "P  This Action Plan is jointly published"},
		absent: []string{"Services A-Z"},
	},
	{
		name: "a page of links only keeps all its links",
		html: `<body><div><p><a href="a.pdf">Annex 1: terms of reference</a></p></div><div><p><a href="b.pdf">Annex 2: reference group</a></p></div></body>`,
		want: []string{"P  Annex 1: terms of reference", "P  Annex 2: reference group"},
	},
	{
		name: "an article's own header stays; the page header goes",
		html: `<body><header class="site-header"><a href="/">Council</a></header>
<article><header><h1>Equal Communities Action Plan</h1><p>December 2009 - March 2011</p></header><p>This Action Plan supports the Equal Communities in a Fairer Scotland Policy Statement.</p><footer>Share this page</footer></article></body>`,
		want:   []string{"H1 Equal Communities Action Plan", "P  December 2009 - March 2011", "P  This Action Plan supports"},
		absent: []string{"Council\n", "Share"},
	},
	{
		name:   "main wins over article when both are present, and a title comes from the h1 when there is no <title>",
		html:   `<body><article><p>Related news teaser</p></article><main><h1>Equal Communities Action Plan</h1><p>This Action Plan is jointly published by Scottish Government and COSLA.</p></main></body>`,
		want:   []string{"title: Equal Communities Action Plan", "H1 Equal Communities Action Plan"},
		absent: []string{"teaser"},
	},
	{
		name: "a layout table is read as containers, a data table inside it as a table",
		html: `<body><table><tr><td><a href="/">Home</a><br><a href="#">News</a></td><td><h1>Tackling Social Exclusion</h1><p>To inform Members of the social inclusion project.</p>
<table><tr><td>Tina Butterwick</td><td>Policy Officer</td></tr><tr><td>Howard Miller</td><td>Chief Executive</td></tr></table></td></tr></table></body>`,
		want: []string{"H1 Tackling Social Exclusion", "P  To inform Members", "T  2 cols × 2 rows, 0 header rows", "| Tina Butterwick | Policy Officer |"},
	},
	{
		name: "bold paragraphs are headings; br splits lines unless a sentence runs on",
		html: `<h1>SOCIAL INCLUSION</h1><p><b>Background</b></p><p><b>JOHN PARRY</b><br>on behalf of the County Council Management Team</p><p>Contact Officers:<br>John Parry, Director<br>Adrian Harper-Smith, Corporate Strategies Manager</p><p><b>Note:</b> bold lead-in</p>`,
		want: []string{
			"H1 SOCIAL INCLUSION", "H2 Background",
			"P  JOHN PARRY on behalf of the County Council Management Team",
			"P  Contact Officers:", "P  John Parry, Director", "P  Adrian Harper-Smith, Corporate Strategies Manager",
			"P  Note: bold lead-in",
		},
	},
	{
		name: "definition lists, blockquotes, preformatted text and superscripts",
		html: `<dl><dt>Lead</dt><dd>Jobcentre Plus</dd></dl><blockquote><p>By working in partnership</p></blockquote><pre>Summer, 2007

Spring, 2008</pre><p>1<sup>st</sup> Phase</p>`,
		want: []string{"P  Lead", "P  Jobcentre Plus", "P  By working in partnership", "P  Summer, 2007", "P  Spring, 2008", "P  1st Phase"},
	},
	{
		// A partnership plan's own section on information sharing, named
		// for what it is about, and a share widget named the same way:
		// the name is only a hint, what each holds decides.
		name: "a section named for information sharing is the plan's; a share widget is chrome",
		html: `<html><body><nav class="site-menu"><a href="/">Home</a> <a href="/safety">Community safety</a></nav>
<div id="content"><h1>Community Safety Action Plan 2009-2011</h1>
<p>This plan sets out how the Community Safety Partnership will reduce crime and the fear of crime in the district over the next two years, working with residents and local businesses.</p>
<h2>Tackling anti-social behaviour</h2>
<p>The Partnership will extend the neighbourhood warden scheme to the three estates with the highest levels of reported anti-social behaviour, funded from the Safer Stronger Communities Fund.</p>
<p>Thames Valley Police will hold quarterly neighbourhood action group meetings in each ward, so that residents can set the local priorities for patrols and for enforcement action.</p>
<div id="information-sharing" class="section sharing"><h2>Information sharing between partners</h2>
<p>The Partnership will agree an information sharing protocol with Thames Valley Police, the Primary Care Trust and the Youth Offending Service by March 2010.</p>
<p>Each partner will name a designated officer responsible for data protection and for the quarterly exchange of anonymised incident data with the community safety analyst.</p>
<ul><li>Protocol signed by all responsible authorities by March 2010</li><li>First quarterly data exchange completed by June 2010</li></ul></div>
</div>
<div class="share-this sharing"><span>Share this page:</span> <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email a friend</a></div>
<div class="utility-links"><p>Did you find this page useful? <a href="#">Yes</a> <a href="#">No</a></p></div>
</body></html>`,
		want: []string{"H1 Community Safety Action Plan 2009-2011", "H2 Tackling anti-social behaviour",
			"H2 Information sharing between partners", "P  The Partnership will agree an information sharing protocol",
			"Each partner will name a designated officer", "Protocol signed by all responsible authorities by March 2010"},
		absent: []string{"Facebook", "Share this page", "Did you find"},
	},
	{
		// A council news post laid out by a blogging theme: the plan's
		// text, then a gallery, related posts and a comment thread, each
		// kept apart by the theme's own class names.
		name: "related links, a gallery and a comment thread around the document are chrome",
		html: `<html><body><div id="page"><main id="main"><article class="post">
<h1>Town centre action plan agreed</h1>
<p>The Cabinet agreed the town centre action plan on 12 March. It commits the council and its partners to twelve actions over the next three years, from a new market to safer routes for cyclists.</p>
<p>Action 1: the council will reopen the covered market by spring 2011, working with the Chamber of Commerce and the market traders' association.</p>
<p>Action 2: the county council will build a cycle route from the station to the high street by March 2012.</p>
<div class="gallery"><figure><img src="a.jpg"><figcaption>The covered market in 1960</figcaption></figure><figure><img src="b.jpg"><figcaption>The station approach</figcaption></figure></div>
<div class="related-posts"><h3>Related</h3><ul><li><a href="/a">Budget consultation opens</a></li><li><a href="/b">New bus timetable</a></li></ul></div>
<div id="comments" class="comments-area"><h2>3 thoughts on "Town centre action plan agreed"</h2><ol class="comment-list">
<li><p>About time too. The market has been shut for far too long and the traders deserve better from the council than this.</p></li>
<li><p>Will the cycle route go past the school? Parents have been asking for a safe route to school for years now.</p></li></ol></div>
</article></main></div></body></html>`,
		want: []string{"H1 Town centre action plan agreed", "Action 1: the council will reopen the covered market",
			"Action 2: the county council will build a cycle route"},
		absent: []string{"covered market in 1960", "Budget consultation", "thoughts on", "About time too", "safe route to school"},
	},
	{
		name: "meta: language, description, dates, and a site name cut from the title",
		html: `<html lang="en-GB"><head><title>Equal Communities Action Plan | Scottish Government</title>
<meta property="og:site_name" content="Scottish Government"><meta name="description" content="Action Plan supporting Community Planning Partners">
<meta name="DC.date.issued" content="2009-12-01"><meta name="dcterms.modified" content="2010-01-15"></head><body><p>Text.</p></body></html>`,
		want: []string{"title: Equal Communities Action Plan", "meta dc.date.issued: 2009-12-01", "meta dcterms.modified: 2010-01-15",
			"meta description: Action Plan supporting Community Planning Partners", "meta language: en-GB"},
	},
}

func TestFeatures(t *testing.T) {
	for _, tc := range featureCases {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Extract([]byte(tc.html), Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, doc)
			got := dump(doc)
			rest := got
			for _, w := range tc.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Errorf("missing (in order) %q in\n%s", w, got)
					break
				}
				rest = rest[i+len(w):]
			}
			for _, a := range tc.absent {
				if strings.Contains(got, a) {
					t.Errorf("%q should be gone:\n%s", a, got)
				}
			}
		})
	}
}
