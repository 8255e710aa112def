//go:build race

package badinput

const raceBuild = true
