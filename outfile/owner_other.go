//go:build !unix

package outfile

import "io/fs"

func keepOwner(path, tmp string) {}

func umask() fs.FileMode { return 0o022 }
