package geo

import (
	"strings"
	"testing"
)

// TestLayer: each layer has its current areas, one shape each, inside the
// box.
func TestLayer(t *testing.T) {
	for _, c := range []struct {
		layer string
		n     int
		has   string
	}{
		{LayerNation, 4, "S92000003"},
		{LayerRegion, 12, "E12000006"},
		{LayerCounty, 218, "E10000016"},
		{LayerDistrict, 361, "E08000032"},
	} {
		m, err := Layer(c.layer, 600)
		if err != nil {
			t.Fatal(err)
		}
		if len(m.Shapes) != c.n {
			t.Errorf("%s: %d shapes, want %d", c.layer, len(m.Shapes), c.n)
		}
		found := false
		for _, s := range m.Shapes {
			found = found || s.Code == c.has
			if !strings.HasPrefix(s.Path, "M") || !strings.HasSuffix(s.Path, "Z") {
				t.Errorf("%s %s: path %.40q", c.layer, s.Code, s.Path)
			}
		}
		if !found {
			t.Errorf("%s: no %s", c.layer, c.has)
		}
		if m.Height < 600 || m.Height > 1500 {
			t.Errorf("%s: height %v", c.layer, m.Height)
		}
	}
}
