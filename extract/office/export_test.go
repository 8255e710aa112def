package office

// OpenGroups exposes rtfOpenGroups to the fuzz target.
var OpenGroups = rtfOpenGroups
