package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/medcoop/medcoop/store"
)

// lastRun returns the newest run stored in db, with its counters summed over sources.
func lastRun(t *testing.T, db string) (store.RunRecord, map[string]int64) {
	t.Helper()
	cs := readState(t, db)
	if len(cs.runs) == 0 {
		t.Fatal("no run stored")
	}
	r := cs.runs[len(cs.runs)-1]
	total := map[string]int64{}
	for _, c := range r.Sources {
		for k, v := range c {
			total[k] += v
		}
	}
	return r, total
}

// TestSecondRunOnlyConditional crawls the fixture sites twice: the second run
// sends only conditional requests (or none), stores nothing new, and its
// report says so.
func TestSecondRunOnlyConditional(t *testing.T) {
	sites := serveRecorded(t, 0)
	src := sites.sourcesFile(t)
	db := filepath.Join(t.TempDir(), "medcoop.db")
	if code, _, stderr := medcoopCmd(t, "crawl", "--sources", src, "--db", db, "--allow-private"); code != exitOK {
		t.Fatalf("first crawl exit %d:\n%s", code, stderr)
	}
	first := readState(t, db)
	firstReqs := sites.take()
	code, _, stderr := medcoopCmd(t, "crawl", "--sources", src, "--db", db, "--allow-private")
	if code != exitOK {
		t.Fatalf("second crawl exit %d:\n%s", code, stderr)
	}
	reqs := sites.take()
	for _, r := range reqs {
		if !r.Conditional && !strings.HasSuffix(r.URL, "/robots.txt") {
			t.Errorf("unconditional request in the second run: %s", r.URL)
		}
	}
	t.Logf("first run %d requests, second %d", len(firstReqs), len(reqs))
	if len(reqs) >= len(firstReqs) {
		t.Errorf("second run made %d requests, the first %d", len(reqs), len(firstReqs))
	}
	second := readState(t, db)
	if strings.Join(second.events, "\n") != strings.Join(first.events, "\n") || len(second.pages) != len(first.pages) {
		t.Errorf("the second run changed the store")
	}
	_, total := lastRun(t, db)
	if total["fetched"] != total["not_modified"] || total["pages_saved"] != 0 || total["events_new"] != 0 || total["known"] == 0 {
		t.Errorf("second run's report: %v", total)
	}
	if !strings.Contains(stderr, "KNOWN") {
		t.Errorf("no report printed:\n%s", stderr)
	}
}

// incrementalSite serves a sitemap and a feed; pages carry no validators, so
// only the sitemap's lastmod and the feed's guids can spare a request.
type incrementalSite struct {
	srv   *httptest.Server
	mu    sync.Mutex
	hits  map[string]int
	items atomic.Int32 // feed items served
}

func newIncrementalSite(t *testing.T) *incrementalSite {
	s := &incrementalSite{hits: map[string]int{}}
	s.items.Store(2)
	article := `<html lang="en"><head><title>%[1]s</title></head><body><article><h1>%[1]s</h1>
<p>The hospital opened a new ward for %[1]s patients this week, with twelve beds and a team of nurses.</p></article></body></html>`
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		switch p := r.URL.Path; {
		case p == "/sitemap.xml":
			w.Header().Set("Content-Type", "application/xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>%[1]s/old.html</loc><lastmod>2020-01-02</lastmod></url>
<url><loc>%[1]s/new.html</loc><lastmod>2999-01-01T00:00:00Z</lastmod></url></urlset>`, s.srv.URL)
		case p == "/feed.rss":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>news</title>`)
			for i := 1; i <= int(s.items.Load()); i++ {
				// The first item's link has a tracking parameter: it is known by its guid.
				fmt.Fprintf(w, `<item><title>f%[2]d</title><link>%[1]s/f%[2]d.html?utm_source=rss&amp;n=%[2]d</link><guid isPermaLink="false">item-%[2]d</guid></item>`, s.srv.URL, i)
			}
			fmt.Fprint(w, `</channel></rss>`)
		case strings.HasSuffix(p, ".html"):
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, article, strings.TrimSuffix(strings.TrimPrefix(p, "/"), ".html"))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *incrementalSite) take() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := s.hits
	s.hits = map[string]int{}
	return h
}

// TestSitemapLastmodAndFeedItemsSkipped checks the incremental skips: a
// sitemap entry whose lastmod is not newer than its last fetch is not
// fetched, nor is a feed item fetched before; a new feed item is.
func TestSitemapLastmodAndFeedItemsSkipped(t *testing.T) {
	s := newIncrementalSite(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "sources.yaml")
	yml := fmt.Sprintf("sources:\n  - name: inc\n    lang: en\n    feeds: [%[1]s/feed.rss]\n    sitemaps: [%[1]s/sitemap.xml]\n    delay: 0s\n", s.srv.URL)
	if err := os.WriteFile(src, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "medcoop.db")
	crawlOnce := func(what string) map[string]int {
		t.Helper()
		if code, _, stderr := medcoopCmd(t, "crawl", "--sources", src, "--db", db, "--allow-private"); code != exitOK {
			t.Fatalf("%s crawl exit %d:\n%s", what, code, stderr)
		}
		return s.take()
	}
	first := crawlOnce("first")
	for _, p := range []string{"/old.html", "/new.html", "/f1.html", "/f2.html"} {
		if first[p] != 1 {
			t.Errorf("first crawl: %s requested %d times, want 1", p, first[p])
		}
	}
	second := crawlOnce("second")
	want := map[string]int{"/old.html": 0, "/new.html": 1, "/f1.html": 0, "/f2.html": 0}
	for p, n := range want {
		if second[p] != n {
			t.Errorf("second crawl: %s requested %d times, want %d", p, second[p], n)
		}
	}
	if _, total := lastRun(t, db); total["known"] != 3 {
		t.Errorf("second crawl's report: %v, want 3 known", total)
	}
	s.items.Store(3)
	third := crawlOnce("third")
	want = map[string]int{"/f1.html": 0, "/f2.html": 0, "/f3.html": 1}
	for p, n := range want {
		if third[p] != n {
			t.Errorf("third crawl, a new feed item: %s requested %d times, want %d", p, third[p], n)
		}
	}
	code, table, _ := medcoopCmd(t, "runs", "--db", db)
	if code != exitOK || strings.Count(table, "crawl") != 3 || strings.Contains(table, "unfinished") {
		t.Errorf("runs: exit %d:\n%s", code, table)
	}
}
