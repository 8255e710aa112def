package docx

import (
	"strings"
	"testing"

	"github.com/planmap/planmap/extract/layout/layouttest"
)

// notesDocx is a package as Word writes one with notes: the body cites
// them by id, footnotes.xml and endnotes.xml hold them after Word's
// separator notes, each starting with its w:footnoteRef mark run.
func notesDocx(t *testing.T, body, footnotes, endnotes string) []byte {
	t.Helper()
	sep := `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
		`<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>`
	esep := strings.ReplaceAll(sep, "footnote", "endnote")
	return zipOf(t,
		"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document `+wNS+`><w:body>`+body+`</w:body></w:document>`,
		"word/_rels/document.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>`+
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="notes/endnotes.xml"/></Relationships>`,
		"word/footnotes.xml", `<?xml version="1.0" encoding="UTF-8"?><w:footnotes `+wNS+`>`+sep+footnotes+`</w:footnotes>`,
		"word/notes/endnotes.xml", `<?xml version="1.0" encoding="UTF-8"?><w:endnotes `+wNS+`>`+esep+endnotes+`</w:endnotes>`,
	)
}

// note is a note's XML as Word writes it.
func note(kind, id string, paras ...string) string {
	var b strings.Builder
	b.WriteString(`<w:` + kind + ` w:id="` + id + `">`)
	for i, p := range paras {
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>`)
		if i == 0 {
			b.WriteString(`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:` + kind + `Ref/></w:r>`)
		}
		b.WriteString(`<w:r><w:t xml:space="preserve"> ` + p + `</w:t></w:r></w:p>`)
	}
	b.WriteString(`</w:` + kind + `>`)
	return b.String()
}

func ref(kind, id string) string {
	return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:` + kind + `Reference w:id="` + id + `"/></w:r>`
}

func run(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }

// TestNotes: footnotes and endnotes are kept on the paragraph, list item
// or table-cell paragraph that cites them, numbered as Word prints them,
// and never mixed into the text.
func TestNotes(t *testing.T) {
	body := `<w:p>` + run("Extend the warden scheme to three estates.") + ref("footnote", "2") + run(" Review in 2010.") + ref("endnote", "1") + `</w:p>` +
		`<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>` +
		`<w:tc><w:p>` + run("Agree a data sharing protocol") + ref("footnote", "3") + `</w:p><w:p>` + run("Name a designated officer") + `</w:p></w:tc>` +
		`<w:tc><w:p>` + run("Community Safety Partnership") + `</w:p></w:tc></w:tr></w:tbl>` +
		`<w:p>` + run("Fund the Safer Stronger Communities programme") + `</w:p>` +
		`<w:p>` + ref("footnote", "4") + `</w:p>` +
		`<w:p>` + run("Pilot in two wards") + `<w:r><w:footnoteReference w:customMarkFollows="1" w:id="5"/><w:t>*</w:t></w:r></w:p>` +
		`<w:p>` + run("A reference to a note that is not there") + ref("footnote", "99") + `</w:p>`
	footnotes := note("footnote", "2", "Subject to funding from the Neighbourhood Renewal Fund.") +
		note("footnote", "3", "Thames Valley Police, the Primary Care Trust", "and the Youth Offending Service.") +
		note("footnote", "4", "Lead: Cherwell District Council.") +
		note("footnote", "5", "Wards to be chosen by the Partnership.")
	endnotes := note("endnote", "1", "See the Annual Report 2009, section 4.")
	doc := mustExtract(t, notesDocx(t, body, footnotes, endnotes))
	got := layouttest.Dump(doc)
	for _, want := range []string{
		"P  Extend the warden scheme to three estates. Review in 2010.\n" +
			"   note [1] Subject to funding from the Neighbourhood Renewal Fund.\n" +
			"   note [i] See the Annual Report 2009, section 4.\n",
		"| Agree a data sharing protocol {note [2] Thames Valley Police, the Primary Care Trust and the Youth Offending Service.} ¶ Name a designated officer | Community Safety Partnership |",
		"P  Fund the Safer Stronger Communities programme\n   note [3] Lead: Cherwell District Council.\n",
		"P  Pilot in two wards*\n   note [] Wards to be chosen by the Partnership.\n",
		"P  A reference to a note that is not there\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "Neighbourhood Renewal Fund. Review") || len(doc.Warnings) > 0 {
		t.Errorf("notes mixed into the text, or warnings %q:\n%s", doc.Warnings, got)
	}
	if err := layouttest.Validate(doc); err != nil {
		t.Error(err)
	}
}

// TestBrokenNotesPart: a notes part cut short keeps the notes read before
// the cut, says so, and costs nothing else.
func TestBrokenNotesPart(t *testing.T) {
	body := `<w:p>` + run("Action one") + ref("footnote", "2") + `</w:p><w:p>` + run("Action two") + `</w:p>`
	whole := `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ` + wNS + `>` + note("footnote", "2", "First note.") + note("footnote", "3", "Second note, cut short.") + `</w:footnotes>`
	data := zipOf(t,
		"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document `+wNS+`><w:body>`+body+`</w:body></w:document>`,
		"word/footnotes.xml", whole[:strings.Index(whole, "Second note")+6])
	doc := mustExtract(t, data)
	got := layouttest.Dump(doc)
	if !strings.Contains(got, "P  Action one\n   note [1] First note.\nP  Action two\n") {
		t.Errorf("got\n%s", got)
	}
	if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "word/footnotes.xml could not be read to the end") {
		t.Errorf("warnings %q", doc.Warnings)
	}
}
