//go:build !unix

package articles

import "errors"

func mkfifo(string) error { return errors.New("not supported") }
