package html

import (
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/planmap/planmap/extract/layout"
)

// readMeta fills the document's title and its Meta from the <head>: the
// language, description, author, keywords and every date the page states
// about itself (Dublin Core, Open Graph article times, plain "date").
func readMeta(gq *goquery.Document, doc *layout.Document) {
	if lang := strings.TrimSpace(gq.Find("html").First().AttrOr("lang", "")); lang != "" {
		doc.Meta["language"] = lang
	} else if lang := strings.TrimSpace(gq.Find("html").First().AttrOr("xml:lang", "")); lang != "" {
		doc.Meta["language"] = lang
	}
	siteName := ""
	gq.Find("meta").Each(func(_ int, s *goquery.Selection) {
		name := strings.ToLower(strings.TrimSpace(s.AttrOr("name", s.AttrOr("property", s.AttrOr("itemprop", "")))))
		if name == "" {
			if he := strings.ToLower(strings.TrimSpace(s.AttrOr("http-equiv", ""))); he == "content-language" || he == "last-modified" || he == "date" {
				name = he
			}
		}
		content := layout.Clean(s.AttrOr("content", ""))
		if name == "" || content == "" {
			return
		}
		key := metaKey(name)
		if key == "" {
			if name == "og:site_name" {
				siteName = content
			}
			return
		}
		if _, seen := doc.Meta[key]; !seen {
			doc.Meta[key] = content
		}
	})
	if t := layout.Clean(gq.Find("head title").First().Text()); t != "" {
		doc.Title = stripSiteName(t, siteName)
	} else if t := layout.Clean(gq.Find("title").First().Text()); t != "" {
		doc.Title = stripSiteName(t, siteName)
	}
}

var dateNameRe = regexp.MustCompile(`date|created|modified|published|issued|updated|_time$`)

// metaKey maps a <meta> name to the Meta key it is kept under, or "" for one
// we do not keep. Date-like names keep their own (lower-case) name, so that
// "dcterms.created" and "dcterms.modified" stay apart.
func metaKey(name string) string {
	switch name {
	case "content-language", "language", "dc.language", "dcterms.language", "og:locale":
		return "language"
	case "description", "dc.description", "dcterms.description", "og:description":
		return "description"
	case "author", "dc.creator", "dcterms.creator", "article:author":
		return "author"
	case "keywords", "dc.subject", "dcterms.subject":
		return "keywords"
	case "dc.publisher", "dcterms.publisher":
		return "publisher"
	}
	if dateNameRe.MatchString(name) {
		return name
	}
	return ""
}

// stripSiteName removes a site name that CMSs add to the <title>
// ("Equal Communities Action Plan - gov.scot"): the last " - " or " | "
// segment when it is the Open Graph site name or looks like a domain.
func stripSiteName(title, siteName string) string {
	for _, sep := range []string{" | ", " - ", " — "} {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		last := strings.TrimSpace(title[i+len(sep):])
		domain := strings.Contains(last, ".") && !strings.Contains(last, " ")
		if (siteName != "" && strings.EqualFold(last, siteName)) || domain {
			return strings.TrimSpace(title[:i])
		}
	}
	return title
}
