//go:build !linux

package cli

// hugePages is a Linux advice; elsewhere the heap is left as it is.
func hugePages(n int) {}
