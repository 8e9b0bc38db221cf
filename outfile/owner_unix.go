//go:build unix

package outfile

import (
	"io/fs"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// keepOwner gives tmp the owner and group of path, where the process may
// (as root, or the same owner). A replaced file keeps who it belongs to.
func keepOwner(path, tmp string) {
	fi, err := os.Stat(path)
	if err != nil {
		return
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		_ = os.Chown(tmp, int(st.Uid), int(st.Gid))
	}
}

// umask reads the process's umask without changing it (syscall.Umask
// would set it, racing other goroutines that create files): Linux shows
// it in /proc/self/status. Elsewhere the usual 022 is assumed.
func umask() fs.FileMode {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0o022
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "Umask:"); ok {
			if n, err := strconv.ParseUint(strings.TrimSpace(v), 8, 32); err == nil {
				return fs.FileMode(n) & fs.ModePerm
			}
		}
	}
	return 0o022
}
