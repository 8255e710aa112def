package pdf

// findTables finds the tables on one page: lattice tables from rulings, then
// stream tables from text alignment where no ruled table was found.
func findTables(p *pageText) []PageTable {
	return nil
}
