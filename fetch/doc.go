// Package fetch is newsmark's HTTP side: the one client every request goes
// through (timeouts, redirect and size caps, http and https only, a
// User-Agent), conditional GET, and the extraction of a web page's article
// (charset, the articles HTML pipeline, the checks that there is an
// article). Its errors are one sanitised line.
//
// It imports model, sanitize and articles (the HTML pipeline); never feeds,
// store, annotate, notes, ui or a charm library. Whether a URL is a page or
// a feed is for feeds to decide.
package fetch
