package places

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// The bundled data (data/README.md): mySociety's councils, ONS's code
// lookup, and planmap's supplement of regions, nations, national bodies,
// towns and councils abolished before the other two begin.
var (
	//go:embed data/uk_local_authorities.csv
	councilsCSV []byte
	//go:embed data/la_all_codes.csv
	codesCSV []byte
	//go:embed data/supplement.csv
	supplementCSV []byte
)

const ukCode = "K02000001"

// Gazetteer resolves names to areas.
type Gazetteer struct {
	byCode map[string]Area
	// names maps a folded name (see fold) to the code(s) it stands for
	// and the kind of entry, for evidence ("a town in Bradford").
	names map[string]nameEntry
	// longest is the most words any name has, for scanning; prefixes
	// holds every leading run of words of a name, so a scan stops as soon
	// as no name can follow.
	longest  int
	prefixes map[string]bool
}

type nameEntry struct {
	codes []string
	kind  string // council, region, nation, uk, alias, body, town, former
	note  string
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
	defaultErr  error
)

// Default is the gazetteer of the bundled data, loaded once.
func Default() *Gazetteer {
	defaultOnce.Do(func() {
		defaultGaz, defaultErr = Load(councilsCSV, codesCSV, supplementCSV)
	})
	if defaultErr != nil {
		// The data is compiled in and checked by the tests: failing to
		// read it is a broken build, not bad input.
		panic(defaultErr)
	}
	return defaultGaz
}

// ByCode returns the area with a GSS code.
func (g *Gazetteer) ByCode(code string) (Area, bool) {
	a, ok := g.byCode[strings.ToUpper(strings.TrimSpace(code))]
	return a, ok
}

// Areas lists every area of a level, in code order.
func (g *Gazetteer) Areas(l Level) []Area {
	var out []Area
	for _, a := range g.byCode {
		if a.Level == l && a.Code != "" {
			out = append(out, a)
		}
	}
	sortAreas(out)
	return out
}

// Load builds a gazetteer from the three CSV files.
func Load(councils, codes, supplement []byte) (*Gazetteer, error) {
	g := &Gazetteer{byCode: map[string]Area{}, names: map[string]nameEntry{}, prefixes: map[string]bool{}}
	sup, err := readCSV(supplement, "supplement.csv")
	if err != nil {
		return nil, err
	}
	// Regions, nations and the UK first: councils name their region.
	regionByName := map[string]string{}
	for _, r := range sup {
		kind, name, code := r.get("kind"), r.get("name"), r.get("codes")
		switch kind {
		case "region":
			g.byCode[code] = Area{Code: code, Name: name, Level: Region, RegionCode: code, Region: name,
				NationCode: "E92000001", Nation: "England"}
			regionByName[name] = code
		case "nation":
			a := Area{Code: code, Name: name, Level: Nation, NationCode: code, Nation: name}
			if code != "E92000001" {
				a.RegionCode, a.Region = code, name // outside England the nation is the region
			}
			g.byCode[code] = a
			regionByName[name] = code
		case "uk":
			g.byCode[code] = Area{Code: code, Name: name, Level: UK}
		}
	}
	rows, err := readCSV(councils, "uk_local_authorities.csv")
	if err != nil {
		return nil, err
	}
	lacode := map[string]csvRow{}
	for _, r := range rows {
		lacode[r.get("local-authority-code")] = r
	}
	lookup, err := readCSV(codes, "la_all_codes.csv")
	if err != nil {
		return nil, err
	}
	ons := map[string]csvRow{}
	for _, r := range lookup {
		ons[r.get("LADCD")] = r
	}
	// Councils. A combined authority's region is its members'.
	caRegion := map[string]string{}
	for _, r := range rows {
		if ca := r.get("combined-authority"); ca != "" && r.get("region") != "" {
			caRegion[ca] = r.get("region")
		}
	}
	for _, r := range rows {
		code := r.get("gss-code")
		if code == "" {
			continue // pre-2015 Northern Ireland districts have none
		}
		a := Area{Code: code, Name: r.get("nice-name"), Level: District}
		switch r.get("local-authority-type") {
		case "CTY", "COMB":
			a.Level = County
		case "SRA":
			continue // the GLA: London, a body of the supplement
		}
		region := r.get("region")
		if region == "" {
			region = caRegion[r.get("local-authority-code")]
		}
		if region == "" {
			// An abolished council: the region of its successor.
			if succ, ok := lacode[strings.Split(r.get("replaced-by"), ",")[0]]; ok {
				region = succ.get("region")
			}
		}
		a.RegionCode = regionByName[region]
		a.Region = region
		a.NationCode = regionByName[r.get("nation")]
		a.Nation = r.get("nation")
		if a.RegionCode != "" {
			a.Region = g.byCode[a.RegionCode].Name
		}
		if o, ok := ons[code]; ok && o.get("RGNCD") != "" {
			a.RegionCode, a.Region = o.get("RGNCD"), g.byCode[o.get("RGNCD")].Name
		}
		if c, ok := lacode[r.get("county-la")]; ok && c.get("gss-code") != "" {
			a.CountyCode, a.County = c.get("gss-code"), c.get("nice-name")
		}
		if p, err := strconv.ParseFloat(r.get("pop-2020"), 64); err == nil {
			a.Population = int(p)
		}
		if a.RegionCode == "" || a.NationCode == "" {
			return nil, fmt.Errorf("places: %s %s: no region or nation", code, a.Name)
		}
		if old, dup := g.byCode[code]; dup && r.get("current-authority") != "True" {
			_ = old // a current council keeps the code over a former one
			continue
		}
		g.byCode[code] = a
		names := []string{r.get("official-name"), r.get("nice-name")}
		names = append(names, strings.Split(r.get("alt-names"), ",")...)
		if o, ok := ons[code]; ok {
			names = append(names, o.get("LADNM"))
		}
		for _, n := range names {
			g.addName(n, nameEntry{codes: []string{code}, kind: "council"})
		}
	}
	// Codes the ONS lookup knows under another code (Sheffield's 2025
	// code) name the same area.
	for code, o := range ons {
		a, ok := g.byCode[code]
		if active := o.get("LADCD_ACTIVE"); ok && active != code && a.Level == District {
			if _, known := g.byCode[active]; !known {
				g.byCode[active] = a // Sheffield E08000019 → E08000039
			}
		}
	}
	for code, o := range ons {
		if _, ok := g.byCode[code]; !ok {
			if a, ok := g.byCode[o.get("LADCD_ACTIVE")]; ok {
				g.byCode[code] = a
			}
		}
	}
	// Former codes of a current council (Glasgow's S12000046) name it.
	for _, r := range rows {
		if r.get("current-authority") != "True" {
			continue
		}
		for _, old := range strings.Split(r.get("former-gss-codes"), ",") {
			if old = strings.TrimSpace(old); old != "" {
				if _, ok := g.byCode[old]; !ok {
					g.byCode[old] = g.byCode[r.get("gss-code")]
				}
			}
		}
	}
	// Populations of the regions, nations and UK: the sum of the areas
	// that tile them.
	pop := map[string]int{}
	for _, r := range rows {
		if r.get("lower-or-unitary") != "True" || r.get("current-authority") != "True" {
			continue
		}
		a := g.byCode[r.get("gss-code")]
		pop[a.RegionCode] += a.Population
		if a.NationCode != a.RegionCode {
			pop[a.NationCode] += a.Population
		}
		pop[ukCode] += a.Population
	}
	for code, p := range pop {
		if a, ok := g.byCode[code]; ok && a.Level.Rank() >= Region.Rank() {
			a.Population = p
			g.byCode[code] = a
		}
	}
	// Names from the supplement.
	for i, r := range sup {
		var cs []string
		for _, c := range strings.Split(r.get("codes"), ";") {
			c = strings.TrimSpace(c)
			if _, ok := g.byCode[c]; !ok {
				return nil, fmt.Errorf("places: supplement.csv line %d: unknown code %q", i+2, c)
			}
			cs = append(cs, c)
		}
		g.addName(r.get("name"), nameEntry{codes: cs, kind: r.get("kind"), note: r.get("note")})
	}
	// Each region and nation is also its own name.
	return g, nil
}

// addName files a name; the first entry for a name wins, except that a
// council's own name is never shadowed by a town.
func (g *Gazetteer) addName(name string, e nameEntry) {
	k := fold(name)
	if k == "" {
		return
	}
	if _, dup := g.names[k]; dup {
		return
	}
	g.names[k] = e
	f := strings.Fields(k)
	g.longest = max(g.longest, len(f))
	for i := 1; i <= len(f); i++ {
		g.prefixes[strings.Join(f[:i], " ")] = true
	}
}

// readCSV reads a CSV file with a header into rows keyed by column name.
// Rows share one header index, so a row costs its record only.
func readCSV(data []byte, name string) ([]csvRow, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("places: %s: %w", name, err)
	}
	idx := map[string]int{}
	for i, h := range head {
		idx[h] = i
	}
	var out []csvRow
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("places: %s line %d: %w", name, line, err)
		}
		out = append(out, csvRow{idx, rec})
	}
	return out, nil
}

// csvRow is one record; a missing column reads as "".
type csvRow struct {
	idx map[string]int
	rec []string
}

func (r csvRow) get(col string) string {
	if i, ok := r.idx[col]; ok && i < len(r.rec) {
		return strings.TrimSpace(r.rec[i])
	}
	return ""
}
