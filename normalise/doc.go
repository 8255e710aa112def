// Package normalise turns the layout model of one document into the action
// model: objectives, actions, milestones with due dates, lead and partner
// organisations, outcomes, priorities and themes, each with its provenance.
//
// It never knows the input format: everything it reads is a layout.Document.
//
// # How a document is read (Normalise)
//
// Blocks are read in order (normalise.go):
//
//   - Headings open sections; one that names an objective ("Issue 1: ...",
//     "3. Current research", "SO2: ...") sets the objective of what follows.
//   - Tables are action tables when their header row gives an action column
//     plus another role (columns.go: action, milestone, outcome, lead,
//     partners, due, priority, status, progress, planned, ref). Rows are read
//     by a tableReader (tables.go): spanning or lone objective rows, rows
//     that continue the action above ('cont', empty action cell, a page
//     break's split text), milestones paired with the due column by
//     position, per-milestone leads, progress ("done") and planned
//     milestones dated from their own words (datefind.go). Lettered points
//     in one cell ("a) ... b) Support GOSE in: i) ...") become one action
//     each (items.go). A table with the same header continues the one before.
//   - Label/value forms ("Mitigating actions" | ..., "Responsible officer" |
//     ...) give actions and their owner (forms.go).
//   - Lists and sentences give actions in prose documents (prose.go):
//     bullets after an action heading or lead-in ("we will:"), and sentences
//     that commit an owner or a date ("It is proposed that ...", "... to be
//     developed by the steering group during 2005/06"). They are used only
//     when the document has no action table.
//
// Then (merge.go) actions printed under the same reference in two tables,
// or restated in a later table, become one; prose restatements fold
// together; sections' delivery bodies become leads (leads.go); generic
// references ("the steering group", "the Council") take the full name the
// document gives; leads are resolved through the Registry; themes come from
// the Taxonomy; metadata from the text and the manifest (meta.go,
// manifest.go).
package normalise
