package store

// m003Times rewrites the highlights' times in the one timeFormat the feed
// cache already used. Before it, highlights were stored as RFC 3339 with a
// fraction of 0 to 9 digits ("2026-03-10T09:15:00Z",
// "2026-03-10T09:15:00.5Z"), which does not sort as text: the undo window's
// purge compared such strings. Every value was UTC ("Z"); the fraction is
// cut to milliseconds, padded with zeros, as fmtTime writes it.
var m003Times = Migration{Version: 3, Name: "times", SQL: `
UPDATE highlights SET article_date = ` + toTimeFormat("article_date") + ` WHERE ` + oldTime("article_date") + `;
UPDATE highlights SET created = ` + toTimeFormat("created") + ` WHERE ` + oldTime("created") + `;
UPDATE highlights SET updated = ` + toTimeFormat("updated") + ` WHERE ` + oldTime("updated") + `;
UPDATE highlights SET deleted = ` + toTimeFormat("deleted") + ` WHERE ` + oldTime("deleted") + `;
`}

// oldTime matches an RFC 3339 UTC value that is not in timeFormat yet
// (NULL and "" are left alone).
func oldTime(col string) string {
	return `length(` + col + `) >= 20 AND substr(` + col + `, 20, 1) IN ('.', 'Z') AND ` + col + ` LIKE '%Z' AND ` +
		col + ` NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'`
}

// toTimeFormat is col in timeFormat: the seconds, then the fraction's first
// three digits padded with zeros, then "Z".
func toTimeFormat(col string) string {
	return `substr(` + col + `, 1, 19) || '.' || substr(rtrim(substr(` + col + `, 21), 'Z') || '000', 1, 3) || 'Z'`
}
