// Package geo draws the UK's areas for the report's map: it decodes the
// ONS boundaries bundled in data/topo.json (TopoJSON, simplified 2016
// boundaries; see the README's credits) and projects each current area of
// a layer to an SVG path. It knows shapes, not what a plan says: the
// report colours them.
package geo

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/topo.json
var topoJSON []byte

// Layers of topo.json by the level they draw.
const (
	LayerDistrict = "ltla"
	LayerCounty   = "utla"
	LayerRegion   = "rgn"
	LayerNation   = "ctry"
	LayerUK       = "uk"
)

// Shape is one area as an SVG path in the map's box.
type Shape struct {
	Code string // GSS code as topo.json gives it
	Name string
	Path string // SVG path data
}

// Map is the shapes of one layer and the box they fill.
type Map struct {
	Width, Height float64
	Shapes        []Shape
}

type topology struct {
	Arcs      [][][2]float64 `json:"arcs"`
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Objects map[string]struct {
		Geometries []struct {
			Type       string          `json:"type"`
			Arcs       json.RawMessage `json:"arcs"`
			Properties struct {
				Code  string `json:"areacd"`
				Name  string `json:"areanm"`
				Start int    `json:"start"`
				End   int    `json:"end"`
			} `json:"properties"`
		} `json:"geometries"`
	} `json:"objects"`
}

var (
	once  sync.Once
	topo  *topology
	arcs  [][][2]float64 // decoded to lon/lat
	fault error
)

func load() error {
	once.Do(func() {
		var t topology
		if err := json.Unmarshal(topoJSON, &t); err != nil {
			fault = fmt.Errorf("geo: topo.json: %w", err)
			return
		}
		arcs = make([][][2]float64, len(t.Arcs))
		for i, a := range t.Arcs {
			x, y := 0.0, 0.0
			pts := make([][2]float64, len(a))
			for j, d := range a { // quantised and delta-encoded
				x += d[0]
				y += d[1]
				pts[j] = [2]float64{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
			}
			arcs[i] = pts
		}
		topo = &t
	})
	return fault
}

// Layer returns the current areas of a layer (those with no end year),
// projected into a box width wide, sorted by code.
func Layer(layer string, width float64) (*Map, error) {
	if err := load(); err != nil {
		return nil, err
	}
	obj, ok := topo.Objects[layer]
	if !ok {
		return nil, fmt.Errorf("geo: no layer %q", layer)
	}
	// The projection: longitude shrunk by the cosine of the UK's middle
	// latitude, which keeps shapes recognisable at this scale.
	const lon0, lon1, lat0, lat1 = -8.7, 1.8, 49.85, 60.9
	k := width / ((lon1 - lon0) * math.Cos(55*math.Pi/180))
	project := func(p [2]float64) (float64, float64) {
		return (p[0] - lon0) * math.Cos(55*math.Pi/180) * k, (lat1 - p[1]) * k
	}
	m := &Map{Width: width, Height: math.Round((lat1 - lat0) * k)}
	for _, g := range obj.Geometries {
		if g.Properties.End != 0 {
			continue
		}
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return nil, fmt.Errorf("geo: %s: %w", g.Properties.Code, err)
			}
			polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return nil, fmt.Errorf("geo: %s: %w", g.Properties.Code, err)
			}
		default:
			continue
		}
		var b strings.Builder
		for _, poly := range polys {
			for _, ring := range poly {
				ringPath(&b, ring, project)
			}
		}
		m.Shapes = append(m.Shapes, Shape{Code: g.Properties.Code, Name: g.Properties.Name, Path: b.String()})
	}
	sort.Slice(m.Shapes, func(i, j int) bool { return m.Shapes[i].Code < m.Shapes[j].Code })
	return m, nil
}

// ringPath writes one closed ring, its arcs joined end to start, rounded
// to a tenth of a unit with repeated points dropped.
func ringPath(b *strings.Builder, ring []int, project func([2]float64) (float64, float64)) {
	first := true
	lastX, lastY := math.NaN(), math.NaN()
	for _, ai := range ring {
		var pts [][2]float64
		if ai >= 0 {
			pts = arcs[ai]
		} else {
			a := arcs[^ai] // a negative index is the arc reversed
			pts = make([][2]float64, len(a))
			for i := range a {
				pts[i] = a[len(a)-1-i]
			}
		}
		for _, p := range pts {
			x, y := project(p)
			x, y = math.Round(x*10)/10, math.Round(y*10)/10
			if x == lastX && y == lastY {
				continue
			}
			if first {
				b.WriteByte('M')
				first = false
			} else {
				b.WriteByte('L')
			}
			b.WriteString(strconv.FormatFloat(x, 'f', -1, 64))
			b.WriteByte(',')
			b.WriteString(strconv.FormatFloat(y, 'f', -1, 64))
			lastX, lastY = x, y
		}
	}
	if !first {
		b.WriteByte('Z')
	}
}
