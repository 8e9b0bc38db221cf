package cli

import (
	"bufio"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// The heap an article is annotated in after hugePages lies in memory the
// kernel was asked to back with huge pages ("hg" in the mapping's VmFlags).
// It runs in a fresh process: the rule "lowest free address first" is only
// about a heap nothing else has used yet.
func TestHugePagesAdviseTheHeapThatFollows(t *testing.T) {
	if _, err := os.Stat("/sys/kernel/mm/transparent_hugepage/enabled"); err != nil {
		t.Skip("this kernel has no transparent huge pages")
	}
	if os.Getenv("NEWSMARK_HUGEPAGES_CHILD") == "" {
		t.Parallel()
		cmd := exec.Command(os.Args[0], "-test.run=^TestHugePagesAdviseTheHeapThatFollows$")
		cmd.Env = append(os.Environ(), "NEWSMARK_HUGEPAGES_CHILD=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		return
	}
	hugePages(32 << 20)
	// the large pieces of an annotation: a body, its tokens, its mentions
	// (small objects fill the spans already in use, wherever they are)
	for _, n := range []int{4 << 20, 2 << 20, 1 << 20} {
		b := make([]byte, n)
		p := uint64(uintptr(unsafe.Pointer(unsafe.SliceData(b))))
		flags, ok := vmFlags(t, p)
		if !ok {
			t.Fatalf("no mapping holds %#x", p)
		}
		if !strings.Contains(" "+flags+" ", " hg ") {
			t.Errorf("a %d-byte slice at %#x lies in a mapping without huge-page advice (VmFlags: %s)", n, p, flags)
		}
	}
}

// vmFlags returns the VmFlags of the mapping that holds address p.
func vmFlags(t *testing.T, p uint64) (string, bool) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if lo, hi, ok := strings.Cut(strings.Fields(line + " ")[0], "-"); ok && !strings.HasSuffix(lo, ":") {
			a, err1 := strconv.ParseUint(lo, 16, 64)
			b, err2 := strconv.ParseUint(hi, 16, 64)
			in = err1 == nil && err2 == nil && a <= p && p < b
			continue
		}
		if in && strings.HasPrefix(line, "VmFlags:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "VmFlags:")), true
		}
	}
	return "", false
}
