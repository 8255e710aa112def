// Package corpus finds the input documents, identifies each one's format from
// its content, gives it a content ID and reads it within limits. It is the
// first room of the pipeline: corpus → extract → normalise → export.
//
// A batch uses it in three steps, and every input path comes out of them
// exactly once, with a status:
//
//	inputs, err := corpus.Find(args, os.Stdin) // paths in a stable order
//	for i := range inputs {                    // in any order, in workers
//		data, err := corpus.Read(&inputs[i], maxSize)
//		...
//	}
//	corpus.MarkDuplicates(inputs) // in input order, after all reads
//
// An input that cannot be used carries its reason in Err as a
// *layout.Error (unreadable, too-large, unsupported-format, encrypted,
// duplicate); nothing is dropped.
package corpus

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/planmap/planmap/extract/layout"
)

// Input is one document to process.
type Input struct {
	Path        string        // as found (command line, folder walk or stdin list)
	Name        string        // file name without folder and extension
	Size        int64         // bytes
	ID          string        // SHA-256 of the content, hex; "" until read
	Format      layout.Format // from the content, not the extension
	DuplicateOf string        // path of the first input with the same ID
	Err         error         // a *layout.Error when the input cannot be used
}

// Status is the input's status so far: ok, or the Status its Err carries.
func (in *Input) Status() layout.Status { return layout.StatusOf(in.Err) }

// Find expands files and folders (recursively) into inputs, in a stable
// order. The argument "-" reads more paths, one per line, from stdin.
//
// Arguments keep their order; a folder's files follow in lexical order of
// their paths. Inside folders, hidden entries (names starting with ".") and
// special files (sockets, devices, pipes) are skipped; a path named
// explicitly is always taken. Symbolic links are followed; a link to a
// folder already walked (a loop, or the same folder reached twice) is not
// walked again. A path given twice is listed once. A path that is missing
// or unreadable becomes an Input whose Err has StatusUnreadable. The error
// is only for failing to read stdin.
func Find(args []string, stdin io.Reader) ([]Input, error) {
	f := &Finder{Stdin: stdin}
	return f.Find(args)
}

// Finder is Find with a record of what it skipped and why.
type Finder struct {
	Stdin io.Reader
	// Exclude holds name patterns (filepath.Match syntax, e.g. "gold",
	// "*.jsonl") for files and folders to skip inside folders, the way
	// hidden ones are skipped. Explicitly named paths are always taken.
	Exclude []string
	// Notes says what was skipped inside folders and why (a symlink loop,
	// a special file), one line each, in the order met.
	Notes []string

	inputs  []Input
	seen    map[string]bool // cleaned paths already listed
	visited map[string]bool // real folders already walked
}

// Find expands args; see the package function Find.
func (f *Finder) Find(args []string) ([]Input, error) {
	f.inputs, f.Notes, f.seen, f.visited = nil, nil, map[string]bool{}, map[string]bool{}
	for _, arg := range args {
		if arg == "-" {
			if err := f.readList(); err != nil {
				return f.inputs, err
			}
			continue
		}
		f.add(arg)
	}
	if f.inputs == nil {
		f.inputs = []Input{}
	}
	return f.inputs, nil
}

// readList reads paths from stdin, one per line; blank lines are ignored.
func (f *Finder) readList() error {
	if f.Stdin == nil {
		return errors.New("corpus: \"-\" given but there is no standard input")
	}
	sc := bufio.NewScanner(f.Stdin)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		f.add(line)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("corpus: reading the path list from stdin: %w", err)
	}
	return nil
}

// add takes one explicitly named path.
func (f *Finder) add(path string) {
	info, err := os.Stat(path) // follows symlinks
	if err != nil {
		if _, lerr := os.Lstat(path); lerr == nil && errors.Is(err, fs.ErrNotExist) {
			err = fmt.Errorf("broken symbolic link: %w", osReason(err))
		}
		f.list(path, 0, unreadable(path, err))
		return
	}
	if info.IsDir() {
		f.walk(path)
		return
	}
	if !info.Mode().IsRegular() {
		f.list(path, 0, unreadable(path, fmt.Errorf("not a regular file (%s)", fileKind(info.Mode()))))
		return
	}
	f.list(path, info.Size(), checkReadable(path))
}

// walk lists a folder's documents, depth first in lexical order.
func (f *Finder) walk(dir string) {
	real, err := filepath.EvalSymlinks(dir)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil {
		f.list(dir, 0, unreadable(dir, err))
		return
	}
	if f.visited[real] {
		f.Notes = append(f.Notes, fmt.Sprintf("%s: folder already walked (symbolic link loop or second link to %s), skipped", dir, real))
		return
	}
	f.visited[real] = true
	entries, err := os.ReadDir(dir)
	if err != nil {
		f.list(dir, 0, unreadable(dir, fmt.Errorf("cannot list folder: %w", osReason(err))))
		return
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || f.excluded(e.Name()) {
			continue
		}
		path := filepath.Join(dir, e.Name())
		mode := e.Type()
		switch {
		case mode.IsDir():
			f.walk(path)
		case mode&fs.ModeSymlink != 0:
			info, err := os.Stat(path)
			switch {
			case err != nil:
				f.list(path, 0, unreadable(path, fmt.Errorf("broken symbolic link: %w", osReason(err))))
			case info.IsDir():
				f.walk(path)
			case info.Mode().IsRegular():
				f.list(path, info.Size(), checkReadable(path))
			default:
				f.Notes = append(f.Notes, fmt.Sprintf("%s: %s, skipped", path, fileKind(info.Mode())))
			}
		case mode.IsRegular():
			info, err := e.Info()
			if err != nil {
				f.list(path, 0, unreadable(path, err))
				continue
			}
			f.list(path, info.Size(), checkReadable(path))
		default:
			f.Notes = append(f.Notes, fmt.Sprintf("%s: %s, skipped", path, fileKind(mode)))
		}
	}
}

// excluded reports whether a name met inside a folder matches Exclude.
func (f *Finder) excluded(name string) bool {
	for _, pat := range f.Exclude {
		if ok, err := filepath.Match(pat, name); ok && err == nil {
			return true
		}
	}
	return false
}

// list appends an input unless its path is already listed.
func (f *Finder) list(path string, size int64, err error) {
	key := filepath.Clean(path)
	if abs, aerr := filepath.Abs(key); aerr == nil {
		key = abs
	}
	if f.seen[key] {
		return
	}
	f.seen[key] = true
	in := Input{Path: path, Name: DocumentName(path), Size: size}
	if err != nil {
		in.Err = err
	}
	f.inputs = append(f.inputs, in)
}

// DocumentName is the file name without folder and extension, the name
// every output uses for the document.
func DocumentName(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// checkReadable opens the file to learn early whether it can be read, so
// a permissions problem is reported as unreadable rather than discovered
// mid-batch.
func checkReadable(path string) error {
	fh, err := os.Open(path)
	if err != nil {
		return unreadable(path, err)
	}
	fh.Close()
	return nil
}

// unreadable wraps an I/O failure, keeping the operating system's reason
// ("permission denied", "no such file or directory").
func unreadable(path string, err error) error {
	return &layout.Error{Status: layout.StatusUnreadable, File: path, Err: osReason(err)}
}

// osReason strips the operation and path from an *fs.PathError: the
// layout.Error already names the file.
func osReason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Err != nil {
		return pe.Err
	}
	return err
}

func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeIrregular != 0:
		return "irregular file"
	}
	return "special file"
}
