package fetchtest

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// bodyCap is fetch.MaxBodyBytes: /big sends more than that.
const bodyCap = 10 << 20

// Dir is the folder of the site's pages and feeds (testdata/web beside this
// file), for tests that serve or read them themselves.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "testdata", "web")
}

// Site is the test web site on loopback. It counts requests per path and
// responses per status, and remembers the last User-Agent.
type Site struct {
	*httptest.Server
	mu    sync.Mutex
	hits  map[string]int
	ua    string
	codes map[int]int
}

// NewSite serves Dir plus the bad cases, until the test ends:
//
//	/status/404, /status/500   an error status
//	/slow                      no answer for 5 s (or until the request is cancelled)
//	/loop, /hop/N              a redirect loop; N redirects, then /pages/kestrel.html
//	/to-file                   a redirect to a file: URL
//	/big                       an HTML body over the 10 MB cap
//	/etag/PATH                 PATH with an ETag (304 to If-None-Match)
//	/binary                    a PNG
func NewSite(t testing.TB) *Site {
	t.Helper()
	dir := Dir()
	s := &Site{hits: map[string]int{}, codes: map[int]int{}}
	mux := http.NewServeMux()
	mux.Handle("/", http.FileServer(http.Dir(dir)))
	mux.HandleFunc("/status/404", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/status/500", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/hop/", func(w http.ResponseWriter, r *http.Request) {
		n := strings.TrimPrefix(r.URL.Path, "/hop/")
		if n == "0" {
			http.Redirect(w, r, "/pages/kestrel.html", http.StatusFound)
			return
		}
		http.Redirect(w, r, "/hop/"+string(rune(n[0]-1)), http.StatusFound)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>filler text</p>\n", 1000))
		for n := 0; n <= bodyCap; n += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/etag/", func(w http.ResponseWriter, r *http.Request) {
		// The file with an ETag; ServeContent answers If-None-Match with 304.
		w.Header().Set("ETag", `"v1"`)
		http.ServeFile(w, r, filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(r.URL.Path, "/etag/"))))
	})
	mux.HandleFunc("/binary", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n0000"))
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.ua = r.UserAgent()
		s.mu.Unlock()
		rec := &statusRecorder{ResponseWriter: w, code: 200}
		mux.ServeHTTP(rec, r)
		s.mu.Lock()
		s.codes[rec.code]++
		s.mu.Unlock()
	}))
	t.Cleanup(s.Close)
	return s
}

type statusRecorder struct {
	http.ResponseWriter
	code int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.code = code
	r.ResponseWriter.WriteHeader(code)
}

// Status is how many responses had status code.
func (s *Site) Status(code int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.codes[code]
}

// Count is how many requests asked for path.
func (s *Site) Count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// UserAgent is the User-Agent of the last request.
func (s *Site) UserAgent() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ua
}
