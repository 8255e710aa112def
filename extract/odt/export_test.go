package odt

import "testing"

// ActionPlan is the package of TestActionPlan, for the tests that run it
// through extract.Extract (package odt_test, which may import extract).
func ActionPlan(t testing.TB) []byte { return odtOf(t, listStyles, actionPlan, planMeta) }
