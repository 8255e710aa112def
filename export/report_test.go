package export

import (
	"testing"

	"github.com/planmap/planmap/export/geo"
	"github.com/planmap/planmap/normalise/places"
)

// TestMapCodes: every shape the map draws at each level is an area the
// gazetteer knows at that level, so a plan there can colour it.
func TestMapCodes(t *testing.T) {
	gaz := places.Default()
	for _, l := range []places.Level{places.District, places.County, places.Region, places.Nation} {
		m, err := geo.Layer(layerOf(l), 560)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range m.Shapes {
			a, ok := gaz.ByCode(s.Code)
			if !ok {
				t.Errorf("%s: %s %s not in the gazetteer", l, s.Code, s.Name)
				continue
			}
			if a.Level != l && !(l == places.County && a.Level == places.District) && !(l == places.Region && a.RegionCode == a.Code) {
				t.Errorf("%s: %s %s is a %s", l, s.Code, s.Name, a.Level)
			}
		}
	}
}

// TestColour: the classes of the map's scale.
func TestColour(t *testing.T) {
	for _, c := range []struct {
		n, max int
		want   string
	}{
		{0, 10, noData}, {1, 0, noData}, {10, 10, palette[6]}, {1, 700, palette[0]}, {100, 700, palette[0]}, {101, 700, palette[1]}, {350, 700, palette[3]},
	} {
		if got := colour(c.n, c.max); got != c.want {
			t.Errorf("colour(%d, %d) = %s, want %s", c.n, c.max, got, c.want)
		}
	}
}
