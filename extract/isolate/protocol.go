package isolate

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/planmap/planmap/extract/layout"
)

// The wire protocol between parent and child is a sequence of frames: a
// 4-byte big-endian length, then that many bytes. A request is two frames
// (the JSON Request, then the raw document); a response is one frame (the
// JSON response). Raw bytes avoid base64-encoding a 200 MB file.

// maxFrame bounds a frame so that a corrupt length cannot make the reader
// allocate without limit. Inputs are limited to far less by --max-size.
const maxFrame = 1<<31 - 1

// response is what the child sends back: a document, or a status and
// message.
type response struct {
	Doc     *layout.Document `json:"doc,omitempty"`
	Status  layout.Status    `json:"status,omitempty"`
	Message string           `json:"message,omitempty"`
	Page    int              `json:"page,omitempty"`
}

func writeFrame(w io.Writer, b []byte) error {
	if len(b) > maxFrame {
		return fmt.Errorf("frame of %d bytes is over the %d-byte limit", len(b), maxFrame)
	}
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(b)))
	if _, err := w.Write(n[:]); err != nil {
		return err
	}
	_, err := w.Write(b)
	return err
}

// readFrame reads one frame. The buffer grows as bytes arrive rather than
// trusting the length up front, so a lying length from a confused child
// costs an error, not gigabytes.
func readFrame(r io.Reader) ([]byte, error) {
	var n [4]byte
	if _, err := io.ReadFull(r, n[:]); err != nil {
		return nil, err
	}
	size := int64(binary.BigEndian.Uint32(n[:]))
	if size > maxFrame {
		return nil, fmt.Errorf("frame of %d bytes is over the %d-byte limit", size, maxFrame)
	}
	buf := bytes.NewBuffer(make([]byte, 0, min(size, 1<<20)))
	if _, err := io.CopyN(buf, r, size); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeRequest(w io.Writer, req Request, data []byte) error {
	head, err := json.Marshal(req)
	if err != nil {
		return err
	}
	if err := writeFrame(w, head); err != nil {
		return err
	}
	return writeFrame(w, data)
}

// readRequest returns io.EOF when the parent has closed the pipe between
// requests: the normal end of a worker.
func readRequest(r io.Reader) (Request, []byte, error) {
	var req Request
	head, err := readFrame(r)
	if err != nil {
		return req, nil, err
	}
	if err := json.Unmarshal(head, &req); err != nil {
		return req, nil, fmt.Errorf("bad request: %w", err)
	}
	data, err := readFrame(r)
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	return req, data, err
}

// toResponse flattens an extraction result for the wire.
func toResponse(doc *layout.Document, err error) response {
	if err == nil {
		return response{Doc: doc}
	}
	var le *layout.Error
	if errors.As(err, &le) {
		msg := ""
		if le.Err != nil {
			msg = le.Err.Error()
		}
		return response{Status: le.Status, Message: msg, Page: le.Page}
	}
	return response{Status: layout.StatusCorrupt, Message: err.Error()}
}

// result turns a response back into what the Handler returned.
func (r response) result(path string) (*layout.Document, error) {
	if r.Status == "" || r.Status == layout.StatusOK {
		if r.Doc == nil {
			return nil, &layout.Error{Status: layout.StatusCorrupt, File: path, Err: errors.New("the worker returned no document")}
		}
		return r.Doc, nil
	}
	return nil, &layout.Error{Status: r.Status, File: path, Page: r.Page, Err: errors.New(r.Message)}
}
