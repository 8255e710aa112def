package corpus

import (
	"bytes"
	"encoding/binary"
)

// An OLE compound file (the container of Word 97-2003, Excel 97-2003 and
// encrypted OOXML files) is a small file system: a 512-byte header, then
// sectors; its directory is an array of 128-byte entries, each starting
// with the stream's name in UTF-16 and giving, at fixed offsets, the
// name's length, the entry's type, its first sector and its size. Only
// what format detection needs is read here: whether a stream of a given
// name exists, and the first bytes of a large one.

const (
	oleHeader    = 512
	oleEntrySize = 128
	oleMiniLimit = 4096 // streams under this size live in the mini stream
)

// oleStream returns the offset of the directory entry naming a stream
// called name, or -1. The name must sit where an entry starts (directory
// sectors begin at multiples of 512 and entries every 128 bytes), with
// the entry's own length field and stream type, so text that merely
// mentions the name does not count.
func oleStream(data []byte, name string) int {
	needle := append(utf16le(name), 0, 0)
	for from := oleHeader; from < len(data); {
		i := bytes.Index(data[from:], needle)
		if i < 0 {
			return -1
		}
		off := from + i
		from = off + 1
		if off%oleEntrySize != 0 || off+oleEntrySize > len(data) {
			continue
		}
		if int(binary.LittleEndian.Uint16(data[off+64:])) == len(needle) && data[off+66] == 2 {
			return off
		}
	}
	return -1
}

// oleStreamHead returns up to n bytes from the start of the stream whose
// directory entry is at entry, when the stream is stored in ordinary
// sectors (size ≥ 4096 bytes); nil otherwise.
func oleStreamHead(data []byte, entry, n int) []byte {
	if entry < 0 || len(data) < oleHeader {
		return nil
	}
	shift := binary.LittleEndian.Uint16(data[30:])
	if shift != 9 && shift != 12 {
		return nil
	}
	size := binary.LittleEndian.Uint32(data[entry+120:])
	if size < oleMiniLimit {
		return nil
	}
	start := int64(binary.LittleEndian.Uint32(data[entry+116:]))
	// sector N starts after the header's own sector
	off := (start + 1) << shift
	if start >= 0xFFFFFFFA || off+int64(n) > int64(len(data)) {
		return nil
	}
	return data[off : off+int64(n)]
}

// encryptedWord reports a Word 97-2003 document protected by a password
// to open: its File Information Block (the start of the WordDocument
// stream, magic A5EC) has fEncrypted set ([MS-DOC] 2.5.2, bit 8 of the
// flags at offset 10).
func encryptedWord(data []byte) bool {
	fib := oleStreamHead(data, oleStream(data, "WordDocument"), 12)
	if fib == nil || binary.LittleEndian.Uint16(fib) != 0xA5EC {
		return false
	}
	return binary.LittleEndian.Uint16(fib[10:])&0x0100 != 0
}

// oleTruncated reports a compound file cut short: its header points at
// directory or allocation-table sectors past the end of the data. Writers
// put the directory last, so a download that stopped loses it and, with
// it, every stream's name.
func oleTruncated(data []byte) bool {
	if len(data) < oleHeader {
		return true
	}
	shift := binary.LittleEndian.Uint16(data[30:])
	if shift != 9 && shift != 12 {
		return false
	}
	sectors := []uint32{binary.LittleEndian.Uint32(data[48:])} // first directory sector
	for i := 76; i+4 <= oleHeader; i += 4 {                    // the first 109 allocation-table sectors
		sectors = append(sectors, binary.LittleEndian.Uint32(data[i:]))
	}
	for _, s := range sectors {
		if s >= 0xFFFFFFFA {
			continue
		}
		if (int64(s)+2)<<shift > int64(len(data)) {
			return true
		}
	}
	return false
}

// oleStreamCut reports a stream larger than what is left of the file after
// the header: the file was cut inside it.
func oleStreamCut(data []byte, entry int) bool {
	if entry < 0 {
		return false
	}
	size := binary.LittleEndian.Uint64(data[entry+120:])
	return uint64(len(data)) < oleHeader+size
}
