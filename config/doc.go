// Package config owns newsmark's config file, config.toml in the XDG config
// folder (or the file NEWSMARK_CONFIG names): the settings it holds, each
// with its default, doc line and check, in one table (settings.go); the
// [keys] table that rebinds the UI's actions, and the syntax of a key as
// bubbletea names it; the order in which the defaults, the file, the
// environment and flags win; and the default and effective files that
// `newsmark config` prints.
//
// A broken file never stops the program: Load always returns settings, and
// each thing wrong is a Problem of one line naming the file and line.
//
// It imports sanitize (for names and values in problem lines), xdg and
// go-toml only. It must not import ui or cli: the UI passes its actions in
// (Action), and cli applies flags with Config.Flag.
package config
