package docx

import (
	"slices"
	"strings"
	"testing"
)

// TestRunText covers what a paragraph's text is made of: which run content
// is printed and which is not.
func TestRunText(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"superscript ordinal joins its number",
			`<w:p><w:r><w:t>agreed 1</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>st</w:t></w:r><w:r><w:t xml:space="preserve"> Phase</w:t></w:r></w:p>`,
			[]string{"paragraph|agreed 1st Phase"}},
		{"tab is white space",
			`<w:p><w:r><w:tab/><w:tab/><w:t>Indented</w:t><w:tab/><w:t>text</w:t></w:r></w:p>`,
			[]string{"paragraph|Indented text"}},
		{"line break outside a table is a space",
			`<w:p><w:r><w:t>Report on Activities</w:t><w:br/><w:t>July 2002</w:t></w:r></w:p>`,
			[]string{"paragraph|Report on Activities July 2002"}},
		{"field instruction left out, result kept",
			`<w:p><w:r><w:t xml:space="preserve">See page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>11</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
			[]string{"paragraph|See page 11"}},
		{"simple field result kept",
			`<w:p><w:fldSimple w:instr=" DATE "><w:r><w:t>21 November 2002</w:t></w:r></w:fldSimple></w:p>`,
			[]string{"paragraph|21 November 2002"}},
		{"deleted text left out, inserted kept",
			`<w:p><w:r><w:t xml:space="preserve">Provide </w:t></w:r><w:del w:id="1" w:author="x"><w:r><w:delText>three</w:delText></w:r></w:del><w:ins w:id="2" w:author="x"><w:r><w:t>3</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> events</w:t></w:r></w:p>`,
			[]string{"paragraph|Provide 3 events"}},
		{"hyperlink, smart tag and content control text kept",
			`<w:p><w:hyperlink r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t>See-Online</w:t></w:r></w:hyperlink><w:smartTag w:uri="x" w:element="place"><w:r><w:t xml:space="preserve"> Reading</w:t></w:r></w:smartTag><w:sdt><w:sdtPr><w:alias w:val="Town"/></w:sdtPr><w:sdtContent><w:r><w:t xml:space="preserve"> Town Hall</w:t></w:r></w:sdtContent></w:sdt></w:p>`,
			[]string{"paragraph|See-Online Reading Town Hall"}},
		{"block-level content control kept",
			`<w:sdt><w:sdtContent>` + p("", "Inside a control") + `</w:sdtContent></w:sdt>`,
			[]string{"paragraph|Inside a control"}},
		{"hidden text left out",
			`<w:p><w:r><w:t xml:space="preserve">Shown </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r><w:r><w:t>text</w:t></w:r></w:p>`,
			[]string{"paragraph|Shown text"}},
		{"alternate content read once",
			`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>` + p("", "Box text") + `</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>` + p("", "Box text") + `</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Body text</w:t></w:r></w:p>`,
			[]string{"paragraph|Box text", "paragraph|Body text"}},
		{"symbol bullet and non-breaking hyphen",
			`<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> Co</w:t><w:noBreakHyphen/><w:t>ordinate</w:t></w:r></w:p>`,
			[]string{"paragraph|• Co-ordinate"}},
		{"equation text read inline",
			`<w:p><w:r><w:t xml:space="preserve">Target: </w:t></w:r><m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:r><m:t>x=2</m:t></m:r></m:oMath><w:r><w:t xml:space="preserve"> by 2010</w:t></w:r></w:p>`,
			[]string{"paragraph|Target: x=2 by 2010"}},
		{"drawing text outside text boxes ignored",
			`<w:p><w:r><w:drawing><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:t>chart label</a:t></a:graphic></w:drawing><w:t>Caption</w:t></w:r></w:p>`,
			[]string{"paragraph|Caption"}},
		{"empty paragraphs dropped",
			p("") + p("", "  ") + p("", "Kept"),
			[]string{"paragraph|Kept"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := summary(mustExtract(t, docxOf(t, c.body, "", "")))
			if !slices.Equal(got, c.want) {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

// TestHeadingStyles resolves heading levels through styles.xml.
func TestHeadingStyles(t *testing.T) {
	styles := `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading"><w:name w:val="Heading"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading"/></w:style>
<w:style w:type="paragraph" w:styleId="Berschrift3"><w:name w:val="Überschrift 3"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="MyChapter"><w:name w:val="My Chapter"/><w:basedOn w:val="Heading2"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="LoopA"><w:name w:val="Loop A"/><w:basedOn w:val="LoopB"/></w:style>
<w:style w:type="paragraph" w:styleId="LoopB"><w:name w:val="Loop B"/><w:basedOn w:val="LoopA"/></w:style>
<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>`
	body := p(`<w:pStyle w:val="Title"/>`, "Action Plan 2007-2010") +
		p(`<w:pStyle w:val="Heading"/>`, "Not a level") +
		p(`<w:pStyle w:val="Heading2"/>`, "By name") +
		p(`<w:pStyle w:val="Berschrift3"/>`, "By outline level") +
		p(`<w:pStyle w:val="MyChapter"/>`, "By basedOn chain") +
		p(`<w:pStyle w:val="BodyText"/><w:outlineLvl w:val="3"/>`, "Direct outline level") +
		p(`<w:pStyle w:val="LoopA"/>`, "Style loop") +
		p(`<w:pStyle w:val="Missing"/>`, "Unknown style")
	doc := mustExtract(t, docxOf(t, body, styles, ""))
	want := []string{"heading 1|Action Plan 2007-2010", "paragraph|Not a level", "heading 2|By name",
		"heading 3|By outline level", "heading 2|By basedOn chain", "heading 4|Direct outline level",
		"paragraph|Style loop", "paragraph|Unknown style"}
	if got := summary(doc); !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if doc.Title != "Action Plan 2007-2010" {
		t.Errorf("title from the Title style = %q", doc.Title)
	}
}

// TestPages counts explicit page breaks, once each.
func TestPages(t *testing.T) {
	body := p("", "Cover") +
		`<w:p><w:r><w:t>Cover end</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>` +
		`<w:p><w:r><w:lastRenderedPageBreak/><w:t>Page two</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>Still two</w:t></w:r><w:r><w:lastRenderedPageBreak/><w:t xml:space="preserve"> and three</w:t></w:r></w:p>` +
		p(`<w:pageBreakBefore/>`, "Page four") +
		p(`<w:sectPr><w:type w:val="continuous"/></w:sectPr>`, "Continuous section: still four") +
		p(`<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>`, "Section ends") +
		p("", "Page five") +
		`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>`
	doc := mustExtract(t, docxOf(t, body, "", ""))
	var got []int
	for _, b := range doc.Blocks {
		got = append(got, b.Page)
	}
	want := []int{1, 1, 2, 2, 4, 4, 4, 5}
	if !slices.Equal(got, want) || doc.Pages != 5 {
		t.Errorf("pages %v (Pages=%d), want %v (Pages=5)", got, doc.Pages, want)
	}
}

// TestProperties reads the title and metadata from docProps.
func TestProperties(t *testing.T) {
	data := zipOf(t,
		"word/document.xml", `<w:document `+wNS+`><w:body>`+p("", "Body")+`</w:body></w:document>`,
		"docProps/core.xml", `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>Equal Communities</dc:title><dc:creator>Scottish Government</dc:creator><dcterms:created>2009-12-01T10:00:00Z</dcterms:created><dcterms:modified>2010-01-05T09:30:00Z</dcterms:modified></cp:coreProperties>`,
		"docProps/app.xml", `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><Pages>12</Pages></Properties>`)
	doc := mustExtract(t, data)
	if doc.Title != "Equal Communities" {
		t.Errorf("title %q", doc.Title)
	}
	for k, v := range map[string]string{"author": "Scottish Government", "created": "2009-12-01T10:00:00Z", "modified": "2010-01-05T09:30:00Z", "producer": "Microsoft Office Word", "saved-pages": "12"} {
		if doc.Meta[k] != v {
			t.Errorf("meta %s = %q, want %q", k, doc.Meta[k], v)
		}
	}
	if doc.Pages != 12 {
		t.Errorf("Pages = %d, want the 12 app.xml saved", doc.Pages)
	}
}

// TestBrokenSideParts: a damaged styles.xml or numbering.xml costs headings
// or markers, with a warning, not the document.
func TestBrokenSideParts(t *testing.T) {
	data := zipOf(t,
		"word/document.xml", `<w:document `+wNS+`><w:body>`+p(`<w:pStyle w:val="Heading1"/>`+numPr(1, 0), "Still read")+`</w:body></w:document>`,
		"word/styles.xml", `<w:styles `+wNS+`><w:style w:styleId="Heading1"><w:name w:val="heading 1"/>`,
		"word/numbering.xml", `<w:numbering `+wNS+`><w:num w:numId="1">`)
	doc := mustExtract(t, data)
	if got := summary(doc); !slices.Equal(got, []string{"paragraph|Still read"}) {
		t.Errorf("blocks %q", got)
	}
	if len(doc.Warnings) != 2 || !strings.Contains(doc.Warnings[0], "styles.xml") || !strings.Contains(doc.Warnings[1], "numbering.xml") {
		t.Errorf("warnings %q", doc.Warnings)
	}
}
