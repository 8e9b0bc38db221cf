package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"newsmark/sanitize"
)

// Network limits of every fetch (issue 6: network hygiene).
const (
	ConnectTimeout = 10 * time.Second
	RequestTimeout = 30 * time.Second
	MaxBodyBytes   = 10 << 20
	MaxRedirects   = 5
)

// NewClient returns the HTTP client every fetch of newsmark uses: a 10 s
// connect timeout, 30 s for the whole request, at most 5 redirects, only http
// and https (redirects included), and a User-Agent naming newsmark and
// version. The 10 MB body cap is applied by the readers of the body.
func NewClient(version string) *http.Client {
	dialer := &net.Dialer{Timeout: ConnectTimeout, KeepAlive: 30 * time.Second}
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   ConnectTimeout,
		ResponseHeaderTimeout: RequestTimeout,
		MaxIdleConns:          16,
		IdleConnTimeout:       60 * time.Second,
	}
	return &http.Client{
		Transport: userAgent{next: tr, ua: "newsmark/" + version + " (+terminal news reader)"},
		Timeout:   RequestTimeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > MaxRedirects {
				return errTooManyRedirects
			}
			if !webScheme(req.URL) {
				return fmt.Errorf("redirect to a %s: URL refused (only http and https)", Untrusted(req.URL.Scheme))
			}
			return nil
		},
	}
}

var errTooManyRedirects = errors.New("redirect loop (more than 5 redirects)")

// userAgent sets the User-Agent on every request, redirects included.
type userAgent struct {
	next http.RoundTripper
	ua   string
}

func (u userAgent) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("User-Agent", u.ua)
	return u.next.RoundTrip(r)
}

// IsURL reports whether s names a web resource newsmark can fetch: an
// absolute http or https URL with a host.
func IsURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && webScheme(u) && u.Host != ""
}

func webScheme(u *url.URL) bool {
	return u.Scheme == "http" || u.Scheme == "https"
}

// Validators are the conditional-GET headers of a cached copy.
type Validators struct {
	ETag         string
	LastModified string
}

// Response is a fetched body, read whole and capped.
type Response struct {
	URL         string // after redirects
	ContentType string
	Body        []byte
	NotModified bool // 304: the cached copy stays
	Validators
}

// IsHTML reports whether the response is a web page: its Content-Type says
// HTML, or its body starts as HTML does (servers often say text/plain).
func (r *Response) IsHTML() bool {
	return strings.Contains(strings.ToLower(r.ContentType), "html") || LooksLikeHTML(r.Body)
}

var htmlStart = regexp.MustCompile(`(?i)^\s*(<!--.*?-->\s*)*<(!doctype html|html|head|body|meta|title|div|p|article)\b`)

// LooksLikeHTML reports whether b starts as an HTML page does (after
// white space and comments: a doctype or one of the usual first tags).
func LooksLikeHTML(b []byte) bool { return htmlStart.Match(b) }

// Get fetches rawURL with the hygiene of NewClient, a status check and the
// body cap. Its errors are one line, without the URL (callers add it).
func Get(ctx context.Context, c *http.Client, rawURL string, v Validators) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || !webScheme(u) || u.Host == "" {
		return nil, fmt.Errorf("not an http or https URL")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, fmt.Errorf("bad request: %w", err)
	}
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, netReason(ctx, err)
	}
	defer resp.Body.Close()
	r := &Response{URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type")}
	r.ETag, r.LastModified = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	if resp.StatusCode == http.StatusNotModified {
		r.NotModified = true
		r.Validators = v
		return r, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("HTTP %s", Untrusted(resp.Status))
	}
	if resp.ContentLength > MaxBodyBytes {
		return nil, errTooBig
	}
	r.Body, err = io.ReadAll(io.LimitReader(resp.Body, MaxBodyBytes+1))
	if err != nil {
		return nil, netReason(ctx, err)
	}
	if len(r.Body) > MaxBodyBytes {
		return nil, errTooBig
	}
	return r, nil
}

var errTooBig = fmt.Errorf("body over the %d MB cap", MaxBodyBytes>>20)

// netReason turns a transport error into one line a reader understands.
func netReason(ctx context.Context, err error) error {
	switch {
	case errors.Is(err, context.Canceled) || errors.Is(ctx.Err(), context.Canceled):
		return errors.New("cancelled")
	case errors.Is(err, errTooManyRedirects):
		return errTooManyRedirects
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() || errors.Is(err, context.DeadlineExceeded) {
		return errors.New("timed out")
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Err != nil {
		return fmt.Errorf("%s failed: %s", oe.Op, Untrusted(oe.Err.Error()))
	}
	return errors.New(Untrusted(err.Error()))
}

// Untrusted makes server-sent text (a status line, a content type, a parser
// message quoting the body) fit for an error line on the terminal.
func Untrusted(s string) string {
	s = sanitize.Line(s)
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return strings.ToValidUTF8(s, "")
}
