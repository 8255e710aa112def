package main

import "testing"

// TestLevelFlag: --level takes the four comparison levels and refuses
// anything else with a message naming them.
func TestLevelFlag(t *testing.T) {
	for _, ok := range []string{"district", "county", "region", "nation", "Region"} {
		if _, err := parseExtract([]string{"--level", ok, "x.pdf"}); err != nil {
			t.Errorf("--level %s: %v", ok, err)
		}
	}
	for _, bad := range []string{"uk", "ward", ""} {
		if _, err := parseExtract([]string{"--level", bad, "x.pdf"}); err == nil {
			t.Errorf("--level %q accepted", bad)
		}
	}
}
