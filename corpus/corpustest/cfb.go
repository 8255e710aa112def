package corpustest

import (
	"encoding/binary"
	"unicode/utf16"
)

// Stream is one named stream of a compound file.
type Stream struct {
	Name string
	Data []byte
}

// CFB writes an OLE compound file (version 3, 512-byte sectors) holding
// the streams in order: the container of Word 97-2003 documents and of
// encrypted OOXML packages, for tests of format detection and the
// bad-input suite. Its header, allocation table and directory are laid
// out as [MS-CFB] says, so a stream's directory entry, first sector and
// size are where a reader looks for them. One simplification: every
// stream is kept in ordinary sectors, where a writer would put those under
// 4096 bytes in the mini stream; planmap only reads large streams'
// heads. At most 120 sectors of data (60 KB).
func CFB(streams ...Stream) []byte {
	const (
		sector     = 512
		freeSect   = 0xFFFFFFFF
		endOfChain = 0xFFFFFFFE
		fatSect    = 0xFFFFFFFD
	)
	entries := 1 + len(streams) // the root entry first
	dirSectors := (entries + 3) / 4
	fat := []uint32{fatSect}
	chain := func(n int) uint32 {
		first := uint32(len(fat))
		for i := 0; i < n; i++ {
			if i == n-1 {
				fat = append(fat, endOfChain)
			} else {
				fat = append(fat, uint32(len(fat))+1)
			}
		}
		return first
	}
	dirStart := chain(dirSectors)
	starts := make([]uint32, len(streams))
	for i, s := range streams {
		n := (len(s.Data) + sector - 1) / sector
		starts[i] = endOfChain
		if n > 0 {
			starts[i] = chain(n)
		}
	}
	if len(fat) > sector/4 {
		panic("corpustest.CFB: more than one allocation-table sector of data")
	}
	out := make([]byte, sector*(1+len(fat)))
	le := binary.LittleEndian
	// header
	copy(out, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	le.PutUint16(out[24:], 0x3E)
	le.PutUint16(out[26:], 3)
	le.PutUint16(out[28:], 0xFFFE)
	le.PutUint16(out[30:], 9) // 512-byte sectors
	le.PutUint16(out[32:], 6) // 64-byte mini sectors
	le.PutUint32(out[44:], 1) // one allocation-table sector
	le.PutUint32(out[48:], dirStart)
	le.PutUint32(out[56:], 4096)
	le.PutUint32(out[60:], endOfChain) // no mini allocation table
	le.PutUint32(out[68:], endOfChain) // no extra allocation-table list
	for i := 76; i < sector; i += 4 {
		le.PutUint32(out[i:], freeSect)
	}
	le.PutUint32(out[76:], 0) // the allocation table is sector 0
	at := func(s uint32) []byte { return out[sector*(int(s)+1):] }
	// allocation table
	for i := 0; i < sector/4; i++ {
		v := uint32(freeSect)
		if i < len(fat) {
			v = fat[i]
		}
		le.PutUint32(at(0)[4*i:], v)
	}
	// directory: the root, whose child is the first stream; each stream's
	// right sibling is the next (a degenerate but valid red-black tree
	// when every node is black)
	entry := func(i int) []byte {
		s := dirStart + uint32(i/4)
		return at(s)[128*(i%4) : 128*(i%4)+128]
	}
	for i := 0; i < dirSectors*4; i++ {
		e := entry(i)
		le.PutUint32(e[68:], freeSect)
		le.PutUint32(e[72:], freeSect)
		le.PutUint32(e[76:], freeSect)
	}
	name := func(e []byte, s string) {
		u := utf16.Encode([]rune(s))
		for i, c := range u {
			le.PutUint16(e[2*i:], c)
		}
		le.PutUint16(e[64:], uint16(2*len(u)+2))
	}
	root := entry(0)
	name(root, "Root Entry")
	root[66], root[67] = 5, 1
	le.PutUint32(root[116:], endOfChain)
	if len(streams) > 0 {
		le.PutUint32(root[76:], 1)
	}
	for i, s := range streams {
		e := entry(i + 1)
		name(e, s.Name)
		e[66], e[67] = 2, 1
		if i+1 < len(streams) {
			le.PutUint32(e[72:], uint32(i+2))
		}
		le.PutUint32(e[116:], starts[i])
		le.PutUint64(e[120:], uint64(len(s.Data)))
		if starts[i] != endOfChain {
			copy(at(starts[i]), s.Data)
		}
	}
	return out
}
