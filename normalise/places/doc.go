// Package places is the gazetteer: it says which real area of the UK a
// plan speaks for. It knows every council with its ONS (GSS) code, the
// county above a two-tier district, the English region and the nation,
// and the population, from open reference data bundled in data/ (see
// data/README.md for sources, licences and the supplementary list). From
// a name ("Kent County Council", "East of England Regional Assembly",
// "Ilkley", "Kent and Medway", "HM Treasury") it finds the Area; from a
// text it counts the areas named. It decides nothing about a document:
// normalise weighs the evidence (manifest, title, publisher, places named
// most) and records which one it used.
package places
