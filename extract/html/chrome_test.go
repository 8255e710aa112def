package html

import (
	"slices"
	"testing"
)

func TestWords(t *testing.T) {
	got := words("siteNav main-menu  cookie_banner")
	want := []string{"site", "nav", "sitenav", "main", "menu", "mainmenu", "cookie", "banner", "cookiebanner"}
	if !slices.Equal(got, want) {
		t.Errorf("words = %q, want %q", got, want)
	}
}

// TestChromeWord: the words sites use for furniture, and body words that
// merely look like them (plan pages are full of "research" and "social").
func TestChromeWord(t *testing.T) {
	for _, w := range []string{"nav", "topnav", "leftnav", "navbar", "navigation", "mainmenu", "menubar",
		"breadcrumbs", "cookiebanner", "cookies", "masthead", "sitefooter", "footer", "sidebar", "skiplink",
		"search", "sitesearch", "toolbar", "share"} {
		if !chromeWord(w) {
			t.Errorf("%q should name chrome", w)
		}
	}
	for _, w := range []string{"research", "social", "navy", "navybox", "content", "main", "report",
		"committee", "annex", "inclusion", "article", "unavailable", "canvas", "division", "itemref"} {
		if chromeWord(w) {
			t.Errorf("%q should not name chrome", w)
		}
	}
}
