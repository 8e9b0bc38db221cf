// Package sanitize makes untrusted text fit for the terminal: Text strips
// control characters and escape sequences, Line does that and puts the text
// on one line. Every article, feed, file name, server message and stored
// note passes one of them before it reaches the screen or an export.
//
// It imports the standard library only, and nothing of newsmark: every
// other package may use it.
package sanitize
