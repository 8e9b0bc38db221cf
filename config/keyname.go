package config

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// modifiers in the order bubbletea v2 writes them (Key.Keystroke): a key
// string only matches when its modifiers come in this order.
var modifiers = []string{"ctrl", "alt", "shift", "meta", "hyper", "super"}

// keyNames are the names bubbletea v2 gives keys that type no character
// (ultraviolet's keyTypeString), f1 to f63 aside. Keypad keys share the
// names of their main-keyboard twins.
var keyNames = map[string]bool{}

func init() {
	for _, n := range strings.Fields(`enter tab backspace esc space up down left right begin find insert
		delete select pgup pgdown home end equal mul plus comma minus period div sep capslock scrolllock
		numlock printscreen pause menu mediaplay mediapause mediaplaypause mediareverse mediastop
		mediafastforward mediarewind medianext mediaprev mediarecord lowervol raisevol mute`) {
		keyNames[n] = true
	}
}

// keyAliases are other spellings people type, and the name bubbletea uses.
var keyAliases = map[string]string{
	"escape": "esc", "return": "enter", "pagedown": "pgdown", "pgdn": "pgdown", "pageup": "pgup",
	"del": "delete", "ins": "insert",
}

// ParseKey checks a key written as bubbletea v2 names it (the String of a
// tea.KeyPressMsg: "j", "G", "?", "ctrl+f", "pgdown", "space", "shift+tab",
// "f5", "alt+enter") and returns it in the form bubbletea gives, so that
// key.Matches finds it: modifiers and key names in lower case, modifiers in
// bubbletea's order, aliases ("escape", "pgdn") and "shift+g" written as
// bubbletea reports them ("esc", "pgdown", "G"). The error is one line.
func ParseKey(s string) (string, error) {
	if s == " " {
		return "space", nil
	}
	if s == "" {
		return "", fmt.Errorf("an empty key")
	}
	if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsPrint(r) }) {
		return "", fmt.Errorf("%s is not a key: it holds a character that is not printable", strconv.Quote(s))
	}
	if strings.TrimSpace(s) == "" {
		return "", fmt.Errorf("%s is not a key: write \"space\" for the space bar", strconv.Quote(s))
	}
	if utf8.RuneCountInString(s) == 1 {
		return s, nil
	}
	// Split off the key: the part after the last + (a "+" key is "ctrl++").
	var mods []string
	key := s
	if i := strings.LastIndex(s[:len(s)-1], "+"); i >= 0 {
		key = s[i+1:]
		mods = strings.Split(s[:i], "+")
	} else if strings.HasSuffix(s, "+") {
		return "", notAKey(s)
	}
	have := map[string]bool{}
	for _, m := range mods {
		lm := strings.ToLower(m)
		if !isModifier(lm) {
			if m == "" {
				return "", notAKey(s)
			}
			return "", fmt.Errorf("%s is not a key: %s is not a modifier (%s)", strconv.Quote(s), strconv.Quote(m), strings.Join(modifiers, ", "))
		}
		if have[lm] {
			return "", fmt.Errorf("%s is not a key: %s twice", strconv.Quote(s), lm)
		}
		have[lm] = true
	}
	key, err := keyPart(s, key, have)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, m := range modifiers {
		if have[m] {
			b.WriteString(m + "+")
		}
	}
	return b.String() + key, nil
}

// keyPart checks the key after the modifiers of s: one character or a key
// name. It may drop shift from have, when bubbletea reports the shifted
// character instead ("shift+g" is "G").
func keyPart(s, key string, have map[string]bool) (string, error) {
	if utf8.RuneCountInString(key) == 1 {
		r, _ := utf8.DecodeRuneInString(key)
		if r == ' ' {
			return "space", nil
		}
		if len(have) == 1 && have["shift"] {
			// bubbletea gives the character shift types, not shift+ it.
			if unicode.IsLetter(r) {
				delete(have, "shift")
				return string(unicode.ToUpper(r)), nil
			}
			return "", fmt.Errorf("%s is not a key: write the character shift types (\"?\" rather than \"shift+/\")", strconv.Quote(s))
		}
		if unicode.IsUpper(r) && len(have) > 0 {
			return "", fmt.Errorf("%s is not a key: write the letter in lower case after a modifier (%s)", strconv.Quote(s),
				strconv.Quote(strings.TrimSuffix(s, key)+string(unicode.ToLower(r))))
		}
		return key, nil
	}
	lk := strings.ToLower(key)
	if isModifier(lk) {
		return "", fmt.Errorf("%s is not a key: %s needs a key after it (\"%s+f\")", strconv.Quote(s), lk, lk)
	}
	if a, ok := keyAliases[lk]; ok {
		lk = a
	}
	if keyNames[lk] {
		return lk, nil
	}
	if n, err := strconv.Atoi(strings.TrimPrefix(lk, "f")); err == nil && strings.HasPrefix(lk, "f") && n >= 1 && n <= 63 && lk == "f"+strconv.Itoa(n) {
		return lk, nil
	}
	return "", notAKey(s)
}

func isModifier(m string) bool {
	for _, x := range modifiers {
		if m == x {
			return true
		}
	}
	return false
}

// notAKey explains what a key looks like, guessing what a run-together
// "ctrlf" meant.
func notAKey(s string) error {
	ls := strings.ToLower(s)
	for _, m := range modifiers {
		if rest, ok := strings.CutPrefix(ls, m); ok && rest != "" && !strings.HasPrefix(rest, "+") {
			if k, err := ParseKey(m + "+" + rest); err == nil {
				return fmt.Errorf("%s is not a key (did you mean %s?)", strconv.Quote(s), strconv.Quote(k))
			}
		}
	}
	return fmt.Errorf("%s is not a key: write one character (\"/\"), a key name (enter, pgdown, space, f5) or modifiers joined by + (\"ctrl+f\", \"shift+tab\")", strconv.Quote(s))
}
