package zippkg

import (
	"bytes"
	"encoding/binary"
)

// CountEntries counts the records of a ZIP file's central directory,
// stopping once it passes limit, without allocating. archive/zip reads the
// whole directory into memory before anyone can look at its length, and a
// 200 MB file of minimal records would cost it over a gigabyte; counting
// first lets a caller refuse that file. It walks the records the way
// archive/zip does: consecutively from the directory offset that the
// end-of-directory record (or its ZIP64 form) gives, also trying the offset
// implied when data was prepended to the archive. It returns 0 when there
// is no end-of-directory record.
func CountEntries(data []byte, limit int) int {
	eocd := bytes.LastIndex(data[max(0, len(data)-(65535+22)):], []byte("PK\x05\x06"))
	if eocd < 0 {
		return 0
	}
	eocd += max(0, len(data)-(65535+22))
	if eocd+22 > len(data) {
		return 0
	}
	dirSize := uint64(binary.LittleEndian.Uint32(data[eocd+12:]))
	dirOffset := uint64(binary.LittleEndian.Uint32(data[eocd+16:]))
	// ZIP64: the locator sits just before the end record
	if loc := eocd - 20; loc >= 0 && bytes.Equal(data[loc:loc+4], []byte("PK\x06\x07")) {
		rec := binary.LittleEndian.Uint64(data[loc+8:])
		if rec+56 <= uint64(len(data)) && bytes.Equal(data[rec:rec+4], []byte("PK\x06\x06")) {
			dirSize = binary.LittleEndian.Uint64(data[rec+40:])
			dirOffset = binary.LittleEndian.Uint64(data[rec+48:])
		}
	}
	n := countFrom(data, dirOffset, limit)
	if end := uint64(eocd); dirSize <= end {
		n = max(n, countFrom(data, end-dirSize, limit))
	}
	return n
}

func countFrom(data []byte, off uint64, limit int) int {
	n := 0
	for off+46 <= uint64(len(data)) && n <= limit {
		if !bytes.Equal(data[off:off+4], []byte("PK\x01\x02")) {
			break
		}
		nameLen := uint64(binary.LittleEndian.Uint16(data[off+28:]))
		extraLen := uint64(binary.LittleEndian.Uint16(data[off+30:]))
		commentLen := uint64(binary.LittleEndian.Uint16(data[off+32:]))
		off += 46 + nameLen + extraLen + commentLen
		n++
	}
	return n
}
