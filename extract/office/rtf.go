package office

import "strconv"

// rtfOpenGroups counts the groups ({...}) still open at the end of an RTF
// file: 0 for a whole file. A download cut short leaves some open, and
// LibreOffice then refuses the whole file ("source file could not be
// loaded"); counting them first names the fault without starting
// LibreOffice. Escaped braces (\{ \}) are text, and the raw bytes of a
// \binN control word are skipped, as an RTF reader does.
func rtfOpenGroups(data []byte) int {
	depth := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '{':
			depth++
		case '}':
			if depth > 0 {
				depth--
			}
		case '\\':
			if i+1 >= len(data) {
				return depth
			}
			c := data[i+1]
			if !isLetter(c) {
				i++ // a control symbol: \{ \} \\ \' and the like
				continue
			}
			j := i + 1
			for j < len(data) && isLetter(data[j]) {
				j++
			}
			word := string(data[i+1 : j])
			k := j
			if k < len(data) && data[k] == '-' {
				k++
			}
			for k < len(data) && data[k] >= '0' && data[k] <= '9' {
				k++
			}
			if word == "bin" {
				n, err := strconv.Atoi(string(data[j:k]))
				if k < len(data) && data[k] == ' ' {
					k++
				}
				if err == nil && n > 0 {
					if n > len(data)-k {
						// the binary data runs past the end: cut short
						return max(depth, 1)
					}
					k += n
				}
			}
			i = k - 1
		}
	}
	return depth
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
