package layout

import (
	"errors"
	"fmt"
)

// Status is the outcome of reading one input document. Every input shows up
// in every output with exactly one Status.
type Status string

// The statuses, as printed in the Documents sheet and documents.jsonl.
const (
	StatusOK          Status = "ok"
	StatusEncrypted   Status = "encrypted"          // needs a password we do not have
	StatusNoText      Status = "no-text-layer"      // a scan: OCR is not supported yet
	StatusUnsupported Status = "unsupported-format" // not a format planmap reads, or .doc/.rtf without LibreOffice
	StatusCorrupt     Status = "corrupt"            // the parser gave up
	StatusTooLarge    Status = "too-large"          // over a size, page, entry or depth limit
	StatusTimeout     Status = "timeout"            // exceeded --timeout
	StatusCrashed     Status = "crashed"            // the worker process died
	StatusDuplicate   Status = "duplicate"          // same content as another input
	StatusUnreadable  Status = "unreadable"         // permissions or I/O
)

// WarnGarbled is in the warning of every page whose text layer looks
// garbled ("page 3: text layer looks garbled ..."): such a document is
// still ok, since its other pages read, but the run's summary counts and
// lists it apart, so garbage is never reported as a plain ok.
const WarnGarbled = "text layer looks garbled"

// Error is a failure with a Status, the file and, where known, the page.
type Error struct {
	Status Status
	File   string
	Page   int // 0 when not page-specific
	Err    error
}

func (e *Error) Error() string {
	where := e.File
	if e.Page > 0 {
		where = fmt.Sprintf("%s: page %d", e.File, e.Page)
	}
	msg := string(e.Status)
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	if where == "" {
		return msg
	}
	return where + ": " + msg
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf makes an Error with a formatted message.
func Errorf(status Status, format string, args ...any) *Error {
	return &Error{Status: status, Err: fmt.Errorf(format, args...)}
}

// StatusOf returns the Status carried by err: StatusOK for nil, and
// StatusCorrupt for an error that carries none.
func StatusOf(err error) Status {
	if err == nil {
		return StatusOK
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Status
	}
	return StatusCorrupt
}
