package cli

import (
	"runtime"
	"unsafe"

	"golang.org/x/sys/unix"
)

// hugePages asks the kernel to back the next n bytes of the Go heap with
// transparent huge pages (2 MB) where it allows them on request
// (/sys/kernel/mm/transparent_hugepage/enabled set to madvise or always).
//
// Annotating a long article touches tens of megabytes of fresh heap, and
// on a virtual machine every first touch of a 4 KB page is a fault costing
// several microseconds: on a 2 MB article the faults were a third of the
// run. The runtime maps heap memory in pieces as it grows, so the advice
// has to be given on memory it has already mapped: one large block is
// allocated (mapped, never touched), advised, and freed at once. The
// runtime hands out free pages lowest address first, so the allocations
// that follow reuse that block. Where the kernel says no, nothing changes.
func hugePages(n int) {
	b := make([]byte, n)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	const huge = 2 << 20
	// From a 2 MB boundary below the block: the pages under it are in use
	// or free, and the kernel gives a huge page only where none is yet. One
	// huge page lower still: pages just below the block that the GC below
	// frees with it (package init's garbage; glamour's chroma leaves 4 MB)
	// join its free run, and the next large allocation starts there.
	beg := (p - min(p, huge)) &^ (huge - 1)

	end := (p + uintptr(n)) &^ (huge - 1)
	if beg < end {
		unix.Syscall(unix.SYS_MADVISE, beg, end-beg, unix.MADV_HUGEPAGE)
	}
	runtime.KeepAlive(b)
	runtime.GC() // free the block now, before anything else is allocated
}
