// Package normalise turns the layout model of one document into the action
// model: objectives, actions, milestones with due dates, lead and partner
// organisations, outcomes, priorities and themes, each with its provenance.
//
// It never knows the input format: everything it reads is a layout.Document.
// The model is model.go; what a user can replace (--orgs, --themes,
// --manifest, --columns) is options.go.
//
// # Stages
//
// Normalise (normalise.go) reads a document in these stages. Before them,
// metadata (title, body, region, period, type) comes from the text and the
// manifest (meta.go, manifest.go), and the acronyms the document defines
// are learnt (orgs.FindAcronyms).
//
//  1. Candidate units. The blocks are read in order (normalise.go: walk).
//     Headings open sections; one that names an objective ("Issue 1: ...",
//     "3. Current research", "SO2: ...") sets the objective of what
//     follows (refs.go reads references and objective codes). A table is
//     an action table, a continuation of the one before, a small table of
//     dated steps, or a box of text read as prose (tableblock.go: table,
//     milestoneTable, boxTable). An action table's rows are read by a
//     tableReader (tables.go): spanning or lone objective rows, rows that
//     continue the action above ('cont', an empty action cell, a page
//     break's split text), milestones paired with the due column by
//     position, per-milestone leads, progress ("done") and planned
//     milestones. Lettered points in one cell ("a) ... b) Support GOSE in:
//     i) ...") become one action each (items.go). Label/value forms
//     ("Mitigating actions" | ..., "Responsible officer" | ...) give
//     actions and their owner (forms.go). Lists, items and sentences give
//     actions in any document (prose.go; sentences.go for the sentence
//     rules; owners.go for an owner label under a list), as stage 3
//     decides. Every unit
//     read becomes a draft (draft.go).
//  2. Roles. What each table column holds: action, milestone, outcome,
//     lead, partners, due, priority, status, progress, planned, ref. The
//     header's words give a role (columns.go: RoleOf); the cells' content
//     fills the columns the header leaves unnamed, with the evidence
//     planmap explain prints (roles.go); a lead column whose cells are
//     activities or plan titles loses its role (leadcols.go); a columns
//     file fixes a header's role for a batch (columnsfile.go).
//  3. Commitments. In prose, who commits decides what is an action: a
//     lead-in ("The Council will:") makes the items after it actions, and
//     a sentence that commits a party ("We will introduce ...") is one
//     (commit.go). "We" is the body that publishes the document, named in
//     it or inferred from the body it names most (publisher.go).
//  4. Merge. One commitment printed twice is one action: the same
//     reference in two tables, a later table restating an earlier one,
//     prose restatements folded together. Committing sentences are kept
//     under a heading that announces actions, when dated, or when the
//     document's lists are not its main way of stating actions; never when
//     its tables summarise what its prose explains; a headline that a
//     later heading takes up is an objective (merge.go).
//  5. Resolution. Leads a column does not give are taken from what the
//     text says ("Support SEEDA in ..."), and generic references ("the
//     steering group", "the Council") take the full name the document
//     gives (leads.go). Every lead and partner is resolved to a canonical
//     organisation of a kind by the package orgs, through the Registry.
//     Dates are read where they are printed, by the package dates (due.go:
//     a due cell, the date inside a sentence); a date printed without a
//     year takes the year of the document's period. An action with no due
//     and no milestones takes the date in its own words (finish.go).
//  6. Themes. Each action is classified by the package themes, through
//     the Taxonomy: its own words first, then its objective, its leads and
//     the document's title as weaker evidence, each theme with the phrase
//     and rule that gave it; then actions get their stable IDs and the plan
//     lists the organisations it names (finish.go).
//
// # Subpackages
//
// Each does one job, with its data and its tests, and none imports
// normalise: dates (a printed date → an interval with a precision), orgs
// (a lead cell → organisations as printed → canonical organisations; the
// registry data/organisations.csv) and themes (a text → its themes; the
// taxonomy data/themes.csv). due.go, organisations.go and taxonomy.go keep
// their types and loaders available under normalise's names (Due,
// Registry, Taxonomy ...). normalise/eval scores planmap's JSON Lines
// against gold annotations.
package normalise
