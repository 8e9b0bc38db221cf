package sanitize

import "fmt"

// Quote shows a path (or any name) on one line: as it is when it is plain, else quoted
// with Go's escapes, so a newline or an escape sequence in a file name can
// neither split a message nor reach the terminal.
func Quote(path string) string {
	for _, r := range path {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '"' || r == '\\' ||
			(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0xfffd {
			return fmt.Sprintf("%+q", path)
		}
	}
	return path
}
