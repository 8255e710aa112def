package html

import (
	"strings"
	"testing"

	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/extract/layout/layouttest"
)

// FuzzHTML: no input may panic, hang or produce a document that breaks the
// layout model's invariants; a refusal is always a *layout.Error.
func FuzzHTML(f *testing.F) {
	for _, name := range samples {
		f.Add(corpustest.ReadSample(f, name+".html"))
	}
	for _, tc := range featureCases {
		f.Add([]byte(tc.html))
	}
	for _, s := range []string{
		"",
		"<table><tr><td rowspan=0 colspan=0>x<td rowspan=-1 colspan=99999>y</table>",
		"<ol start=-3 reversed type=a><li value=0>a<li>b<ol type=I><li value=4000>c</ol></ol>",
		"<table><caption>c</caption><tfoot><tr><th>f</tfoot><thead><tr><th>h</thead><tr><td>b</table>",
		"<li>orphan<li>items<table><tr><td><li>in cell<table><tr><td>nested</table></table>",
		"<p>(<a href=x.doc>download as .doc file</a>) <a href=#top>Return to TOP</a></p>",
		"<meta charset=utf-16><p>\xff\xfe\x00</p>",
		"\xef\xbb\xbf<h7>x</h7><h1><h2>y</h2></h1>",
		"<pre>\n\n\n</pre><address><br><br></address>",
		"<body><main></main><article><article>x</article></article></body>",
		strings.Repeat("<div>", 520),
		strings.Repeat("<table><tr><td>", 100),
		"<p>\x00\x01\u200b\ufeff</p>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Extract(data, Options{MaxDepth: 200})
		layouttest.CheckExtract(t, doc, err)
	})
}
