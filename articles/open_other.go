//go:build !unix

package articles

import "os"

func openNoWait(path string) (*os.File, error) { return os.Open(path) }
