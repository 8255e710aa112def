// Package eval scores predicted actions (planmap's JSON Lines) against
// hand-made gold annotations, document by document.
package eval
