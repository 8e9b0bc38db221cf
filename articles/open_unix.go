//go:build unix

package articles

import (
	"os"
	"syscall"
)

// openNoWait opens path for reading without waiting: a FIFO that took a
// regular file's place opens at once (and is then refused) instead of
// blocking until a writer comes. O_NONBLOCK changes nothing for a regular
// file's reads.
func openNoWait(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
