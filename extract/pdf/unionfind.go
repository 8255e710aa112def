package pdf

// unionFind groups items that touch (rulings that cross, grid positions
// whose border is not drawn, items in one column) into connected sets.
type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

// find returns the representative of i's set, halving the path as it goes.
func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

// union joins the sets of a and b.
func (u unionFind) union(a, b int) { u[u.find(a)] = u.find(b) }
