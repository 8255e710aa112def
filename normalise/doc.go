// Package normalise turns the layout model of one document into the action
// model: objectives, actions, milestones with due dates, lead and partner
// organisations, outcomes, priorities and themes, each with its provenance.
//
// It never knows the input format: everything it reads is a layout.Document.
package normalise
