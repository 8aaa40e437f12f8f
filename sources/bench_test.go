package sources_test

// The crawler's benchmarks (issue 4, "Measured"): a generated site on loopback crawled through
// the real Crawler.Run and the real HTTP client. Run them with
//
//	go test -run '^$' -bench Crawl -benchtime 1x ./sources/
//
// Each iteration is one whole crawl of a bounded site, so -benchtime 1x gives one crawl per case.

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/medcoop/medcoop/extract"
	"github.com/medcoop/medcoop/sources"
)

// BenchmarkCrawl measures the crawler on a generated site of fixture-sized articles:
//   - extraction=off: the handler only counts, so pages/s is the crawler's own cost (with the
//     server's, on the same cores); peak-heap-MB and live-heap-MB show whether memory grows
//     with the site;
//   - extraction=on: the handler runs extract.Document; extraction=alone runs extract.Document
//     on the same bodies without HTTP, so the two rates give the crawler's share;
//   - incremental: a second, unchanged crawl with the ETags the first one stored: its time,
//     and the bytes both runs took off the wire;
//   - politeness: 20 hosts, 20 ms between two requests to a host: wall time against the bound
//     the per-host delays set.
func BenchmarkCrawl(b *testing.B) {
	templates := loadArticleTemplates(b)
	b.Run("extraction=off", func(b *testing.B) {
		for _, n := range []int{1000, 10000} {
			b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) { benchCrawlCounting(b, templates, n) })
		}
	})
	b.Run("extraction=on", func(b *testing.B) {
		b.Run("pages=1000", func(b *testing.B) { benchCrawlExtracting(b, templates, 1000) })
	})
	b.Run("extraction=alone", func(b *testing.B) {
		b.Run("pages=1000", func(b *testing.B) { benchExtractAlone(b, templates, 1000) })
	})
	b.Run("incremental", func(b *testing.B) {
		b.Run("pages=10000", func(b *testing.B) { benchCrawlIncremental(b, templates, 10000) })
	})
	b.Run("politeness", func(b *testing.B) {
		for _, delay := range []time.Duration{20 * time.Millisecond, 50 * time.Millisecond} {
			b.Run(fmt.Sprintf("hosts=20/pages=25/delay=%s", delay), func(b *testing.B) { benchPoliteness(b, templates, 20, 25, delay) })
		}
	})
}

func benchCrawlCounting(b *testing.B, templates []articleTemplate, n int) {
	site := newBenchSite(b, templates, n, 50)
	var handled atomic.Int64
	h := sources.HandlerFunc(func(_ context.Context, p *sources.Page) error {
		if !p.Hub {
			handled.Add(1)
		}
		return nil
	})
	cfg := site.config(b, 2, 0)
	mem := startMemSampler()
	runs := 0
	for b.Loop() {
		handled.Store(0)
		crawlOnce(b, cfg, nil, h)
		if got := handled.Load(); got != int64(n) {
			b.Fatalf("crawl handed over %d articles, the site has %d", got, n)
		}
		runs++
	}
	elapsed := b.Elapsed()
	mem.stop()
	b.ReportMetric(float64(runs*n)/elapsed.Seconds(), "pages/s")
	mem.report(b)
}

func benchCrawlExtracting(b *testing.B, templates []articleTemplate, n int) {
	site := newBenchSite(b, templates, n, 50)
	var handled, events atomic.Int64
	h := sources.HandlerFunc(func(_ context.Context, p *sources.Page) error {
		if p.Hub {
			return nil
		}
		doc, err := extract.Document(extract.Input{Body: p.Body, Root: p.Root, URL: p.URL, LangHint: p.Lang})
		if err != nil {
			return err
		}
		handled.Add(1)
		events.Add(int64(len(doc.Events)))
		return nil
	})
	warmExtraction(b, site.article(0))
	cfg := site.config(b, 2, 0)
	runs := 0
	for b.Loop() {
		handled.Store(0)
		events.Store(0)
		crawlOnce(b, cfg, nil, h)
		if got := handled.Load(); got != int64(n) {
			b.Fatalf("crawl extracted %d articles, the site has %d", got, n)
		}
		if events.Load() == 0 {
			b.Fatal("no event extracted from the fixture articles")
		}
		runs++
	}
	b.ReportMetric(float64(runs*n)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(events.Load())/float64(n), "events/page")
}

// benchExtractAlone runs extract.Document on the very bodies the site serves, with no HTTP:
// the rate extraction=on is compared with.
func benchExtractAlone(b *testing.B, templates []articleTemplate, n int) {
	site := newBenchSite(b, templates, n, 50)
	bodies := make([][]byte, n)
	urls := make([]string, n)
	for i := range n {
		bodies[i] = site.article(i)
		urls[i] = site.articleURL(i)
	}
	warmExtraction(b, bodies[0])
	runs := 0
	for b.Loop() {
		for i, body := range bodies {
			if _, err := extract.Document(extract.Input{Body: body, URL: urls[i], LangHint: "fr"}); err != nil {
				b.Fatal(err)
			}
		}
		runs++
	}
	b.ReportMetric(float64(runs*n)/b.Elapsed().Seconds(), "pages/s")
}

// benchCrawlIncremental crawls the site once, remembering each page's validators, then times
// unchanged re-crawls that send them.
func benchCrawlIncremental(b *testing.B, templates []articleTemplate, n int) {
	site := newBenchSite(b, templates, n, 50)
	seen := &etagMemory{}
	var handled atomic.Int64
	h := sources.HandlerFunc(func(_ context.Context, p *sources.Page) error {
		seen.remember(p.URL, p.Header.Get("ETag"), p.Header.Get("Last-Modified"))
		if !p.Hub {
			handled.Add(1)
		}
		return nil
	})
	cfg := site.config(b, 2, 0)
	start := time.Now()
	crawlOnce(b, cfg, nil, h)
	first := time.Since(start)
	if got := handled.Load(); got != int64(n) {
		b.Fatalf("first crawl handed over %d articles, the site has %d", got, n)
	}
	firstBytes, firstFull := site.wire.Load(), site.full.Load()

	runs := 0
	var secondBytes, secondFull, secondNotModified int64
	for b.Loop() {
		handled.Store(0)
		w0, f0, nm0 := site.wire.Load(), site.full.Load(), site.notModified.Load()
		rep := crawlOnce(b, cfg, seen, h)
		secondBytes += site.wire.Load() - w0
		secondFull += site.full.Load() - f0
		secondNotModified += site.notModified.Load() - nm0
		if got := handled.Load(); got != 0 {
			b.Fatalf("an unchanged re-crawl handed over %d pages", got)
		}
		if nm := rep.PerSource["bench"].NotModified; nm < n {
			b.Fatalf("an unchanged re-crawl had %d not-modified answers, want at least %d", nm, n)
		}
		runs++
	}
	b.ReportMetric(first.Seconds()*1000, "first-run-ms")
	b.ReportMetric(float64(firstBytes)/1e6, "first-run-MB")
	b.ReportMetric(float64(firstFull), "first-run-200s")
	b.ReportMetric(float64(secondBytes)/float64(runs)/1e6, "second-run-MB")
	b.ReportMetric(float64(secondFull)/float64(runs), "second-run-200s")
	b.ReportMetric(float64(secondNotModified)/float64(runs), "second-run-304s")
}

// benchPoliteness crawls hosts sites at once, each with a per-host delay; the bound is the
// longest chain of delays one host imposes ((requests - 1) × delay), and wall/bound says how
// close the crawl comes to it; gap-over-delay-ms is the mean time between two requests to one
// host beyond the delay (the request's own latency, since the delay runs from the end of the
// previous response). A gap shorter than the delay fails the benchmark.
func benchPoliteness(b *testing.B, templates []articleTemplate, hosts, pages int, delay time.Duration) {
	sites := make([]*benchSite, hosts)
	cfg := &sources.Config{UserAgent: sources.DefaultUserAgent}
	for i := range sites {
		sites[i] = newBenchSite(b, templates, pages, pages)
		c := sites[i].config(b, 1, delay)
		c.Sources[0].Name = fmt.Sprintf("host-%02d", i)
		c.Sources[0].Sitemaps = nil // the listing alone: every host gets the same requests
		cfg.Sources = append(cfg.Sources, c.Sources[0])
	}
	var handled atomic.Int64
	h := sources.HandlerFunc(func(_ context.Context, p *sources.Page) error {
		if !p.Hub {
			handled.Add(1)
		}
		return nil
	})
	runs := 0
	var bound, excess time.Duration
	gaps := 0
	for b.Loop() {
		handled.Store(0)
		before := make([]int64, hosts)
		for i, s := range sites {
			before[i] = s.requests.Load()
			s.mu.Lock()
			s.arrivals = s.arrivals[:0]
			s.mu.Unlock()
		}
		crawlOnce(b, cfg, nil, h)
		if got := handled.Load(); got != int64(hosts*pages) {
			b.Fatalf("crawl handed over %d articles, the sites have %d", got, hosts*pages)
		}
		var longest time.Duration
		for i, s := range sites {
			longest = max(longest, time.Duration(s.requests.Load()-before[i]-1)*delay)
			s.mu.Lock()
			for k := 1; k < len(s.arrivals); k++ {
				gap := s.arrivals[k].Sub(s.arrivals[k-1])
				if gap < delay {
					b.Fatalf("host %d: two requests %s apart, under the %s delay", i, gap, delay)
				}
				excess += gap - delay
				gaps++
			}
			s.mu.Unlock()
		}
		bound += longest
		runs++
	}
	wall := b.Elapsed()
	b.ReportMetric(float64(bound.Milliseconds())/float64(runs), "bound-ms")
	b.ReportMetric(float64(wall.Milliseconds())/float64(runs), "wall-ms")
	b.ReportMetric(wall.Seconds()/bound.Seconds(), "wall/bound")
	b.ReportMetric(float64(excess.Microseconds())/1000/float64(max(gaps, 1)), "gap-over-delay-ms")
}

// crawlOnce runs one crawl with politeness set by cfg and fails the benchmark on any failure.
func crawlOnce(b *testing.B, cfg *sources.Config, v sources.Validators, h sources.Handler) *sources.Report {
	b.Helper()
	c := &sources.Crawler{AllowPrivate: true, Validators: v}
	rep, err := c.Run(context.Background(), cfg, h)
	if err != nil {
		b.Fatalf("crawl: %v", err)
	}
	for name, sr := range rep.PerSource {
		if sr.Failed > 0 || sr.Skipped > 0 {
			b.Fatalf("source %s: %d failed, %d skipped: %v", name, sr.Failed, sr.Skipped, sr.Errors[:min(len(sr.Errors), 5)])
		}
	}
	return rep
}

// warmExtraction loads extract's lexicons and language model outside the timing.
func warmExtraction(b *testing.B, body []byte) {
	b.Helper()
	if _, err := extract.Document(extract.Input{Body: body}); err != nil {
		b.Fatal(err)
	}
}

// etagMemory is a Validators that remembers what the last crawl was told.
type etagMemory struct{ m sync.Map }

type validatorPair struct{ etag, lastModified string }

func (e *etagMemory) remember(u, etag, lastModified string) {
	if etag != "" || lastModified != "" {
		e.m.Store(u, validatorPair{etag, lastModified})
	}
}

// Validators returns the ETag and Last-Modified stored for u.
func (e *etagMemory) Validators(u string) (string, string) {
	v, ok := e.m.Load(u)
	if !ok {
		return "", ""
	}
	p := v.(validatorPair)
	return p.etag, p.lastModified
}

// articleTemplate is a fixture article cut where the generated links go in; self marks where
// the page's own URL goes (its canonical link and og:url).
type articleTemplate struct {
	head, tail []byte
}

const selfToken = "{{SELF}}"

// loadArticleTemplates reads the fixture articles (every page under a section, not its index).
func loadArticleTemplates(b *testing.B) []articleTemplate {
	b.Helper()
	paths, err := filepath.Glob("../fixtures/sites/*/*/*.html")
	if err != nil {
		b.Fatal(err)
	}
	var out []articleTemplate
	for _, p := range paths {
		name := filepath.Base(p)
		if name == "index.html" || strings.HasPrefix(name, "page-") {
			continue
		}
		body, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		rel := filepath.ToSlash(filepath.Join(filepath.Base(filepath.Dir(p)), name))
		body = bytes.ReplaceAll(body, []byte("{{BASE}}/"+rel), []byte(selfToken))
		cut := bytes.LastIndex(body, []byte("</body>"))
		if cut < 0 {
			b.Fatalf("%s: no </body>", p)
		}
		out = append(out, articleTemplate{head: body[:cut], tail: body[cut:]})
	}
	if len(out) < 10 {
		b.Fatalf("found %d fixture articles under ../fixtures/sites, want the bundled 21", len(out))
	}
	return out
}

// benchSite is a generated news site: n articles (fixture pages, each with links to a few
// others), a listing of perPage articles a page whose every page links to all the others,
// and a sitemap index. Pages carry an ETag and a Last-Modified and answer conditional
// requests with 304. It counts requests, full answers, 304s and the bytes written on its
// connections.
type benchSite struct {
	templates []articleTemplate
	n         int
	perPage   int
	base      string
	modTime   time.Time

	requests, full, notModified, wire atomic.Int64

	mu       sync.Mutex
	arrivals []time.Time // when each request came in
}

const sitemapChunk = 1000

func newBenchSite(b *testing.B, templates []articleTemplate, n, perPage int) *benchSite {
	b.Helper()
	s := &benchSite{templates: templates, n: n, perPage: perPage, modTime: time.Date(2025, 11, 20, 8, 0, 0, 0, time.UTC)}
	srv := httptest.NewUnstartedServer(s)
	srv.Listener = &countingListener{Listener: srv.Listener, n: &s.wire}
	srv.Start()
	b.Cleanup(srv.Close)
	s.base = srv.URL
	return s
}

// config is the site as one source: its listing, its sitemap, articles and listing pages
// followed.
func (s *benchSite) config(b *testing.B, depth int, delay time.Duration) *sources.Config {
	b.Helper()
	quoted := strings.ReplaceAll(s.base, ".", `\.`)
	yaml := fmt.Sprintf(`user_agent: "medcoop-bench/0.1 (+https://github.com/medcoop/medcoop)"
sources:
  - name: bench
    lang: fr
    start: ["%[1]s/news/"]
    sitemaps: ["%[1]s/sitemap.xml"]
    follow: ['^%[2]s/a/\d+\.html$', '^%[2]s/news/\?page=\d+$']
    max_depth: %[3]d
    delay: %[4]s
`, s.base, quoted, depth, delay)
	cfg, err := sources.Parse(strings.NewReader(yaml), "bench.yaml")
	if err != nil {
		b.Fatal(err)
	}
	return cfg
}

func (s *benchSite) articleURL(i int) string { return s.base + "/a/" + strconv.Itoa(i) + ".html" }

// article builds article i: a fixture page with its own URL and links to five others.
func (s *benchSite) article(i int) []byte {
	t := s.templates[i%len(s.templates)]
	var buf bytes.Buffer
	buf.Grow(len(t.head) + len(t.tail) + 512)
	buf.Write(bytes.ReplaceAll(t.head, []byte(selfToken), []byte(s.articleURL(i))))
	buf.WriteString(`<nav class="related"><h2>Related</h2><ul>`)
	for k := 1; k <= 5; k++ {
		j := (i*7 + k*131) % s.n
		fmt.Fprintf(&buf, `<li><a href="/a/%d.html">Article %d</a></li>`, j, j)
	}
	buf.WriteString("</ul></nav>\n")
	buf.Write(t.tail)
	return buf.Bytes()
}

func (s *benchSite) listing(page int) []byte {
	pages := (s.n + s.perPage - 1) / s.perPage
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Actualités, page %d</title></head><body><main><h1>Actualités</h1><ul>\n", page)
	for i := (page - 1) * s.perPage; i < min(page*s.perPage, s.n); i++ {
		fmt.Fprintf(&buf, "<li><a href=\"/a/%d.html\">Article %d</a></li>\n", i, i)
	}
	buf.WriteString("</ul></main><nav class=\"pagination\">")
	for p := 1; p <= pages; p++ {
		fmt.Fprintf(&buf, "<a href=\"/news/?page=%d\">%d</a> ", p, p)
	}
	buf.WriteString("</nav></body></html>\n")
	return buf.Bytes()
}

func (s *benchSite) sitemapIndex() []byte {
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for k := 0; k*sitemapChunk < s.n; k++ {
		fmt.Fprintf(&buf, "<sitemap><loc>%s/sitemap-%d.xml</loc><lastmod>%s</lastmod></sitemap>\n", s.base, k, s.modTime.Format(time.RFC3339))
	}
	buf.WriteString("</sitemapindex>\n")
	return buf.Bytes()
}

func (s *benchSite) sitemap(k int) []byte {
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for i := k * sitemapChunk; i < min((k+1)*sitemapChunk, s.n); i++ {
		fmt.Fprintf(&buf, "<url><loc>%s</loc><lastmod>%s</lastmod></url>\n", s.articleURL(i), s.modTime.Format("2006-01-02"))
	}
	buf.WriteString("</urlset>\n")
	return buf.Bytes()
}

// ServeHTTP routes /robots.txt, /sitemap.xml, /sitemap-K.xml, /news/?page=P and /a/I.html.
func (s *benchSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.requests.Add(1)
	s.mu.Lock()
	s.arrivals = append(s.arrivals, time.Now())
	s.mu.Unlock()
	var body []byte
	var etag, ctype string
	switch p := r.URL.Path; {
	case p == "/robots.txt":
		body, ctype = []byte("User-agent: *\nAllow: /\n"), "text/plain; charset=utf-8"
	case p == "/sitemap.xml":
		body, ctype, etag = s.sitemapIndex(), "application/xml", `"sitemap-index"`
	case strings.HasPrefix(p, "/sitemap-") && strings.HasSuffix(p, ".xml"):
		k, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(p, "/sitemap-"), ".xml"))
		if err != nil || k < 0 || k*sitemapChunk >= s.n {
			http.NotFound(w, r)
			return
		}
		body, ctype, etag = s.sitemap(k), "application/xml", fmt.Sprintf(`"sitemap-%d"`, k)
	case p == "/news/":
		page := 1
		if q := r.URL.Query().Get("page"); q != "" {
			v, err := strconv.Atoi(q)
			if err != nil || v < 1 || (v-1)*s.perPage >= s.n {
				http.NotFound(w, r)
				return
			}
			page = v
		}
		body, ctype, etag = s.listing(page), "text/html; charset=utf-8", fmt.Sprintf(`"listing-%d"`, page)
	case strings.HasPrefix(p, "/a/") && strings.HasSuffix(p, ".html"):
		i, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(p, "/a/"), ".html"))
		if err != nil || i < 0 || i >= s.n {
			http.NotFound(w, r)
			return
		}
		body, ctype, etag = s.article(i), "text/html; charset=utf-8", fmt.Sprintf(`"article-%d"`, i)
	default:
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ctype)
	if etag != "" {
		w.Header().Set("ETag", etag)
	}
	sw := &statusWriter{ResponseWriter: w}
	http.ServeContent(sw, r, "", s.modTime, bytes.NewReader(body))
	switch sw.status {
	case http.StatusOK:
		s.full.Add(1)
	case http.StatusNotModified:
		s.notModified.Add(1)
	}
}

// statusWriter records the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(p)
}

// countingListener counts the bytes the server writes on every connection it accepts: status
// lines, headers and bodies, what a crawler downloads.
type countingListener struct {
	net.Listener
	n *atomic.Int64
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &countingConn{Conn: c, n: l.n}, nil
}

type countingConn struct {
	net.Conn
	n *atomic.Int64
}

func (c *countingConn) Write(p []byte) (int, error) {
	n, err := c.Conn.Write(p)
	c.n.Add(int64(n))
	return n, err
}

// memSampler records the high-water marks of the heap in use (HeapInuse), of the live heap
// after the latest GC (and its growth over the live heap before the crawl, which holds the
// package-level state of extract and the test), and of the memory the process took from the OS (Sys), sampling
// runtime/metrics every few milliseconds.
type memSampler struct {
	done                     chan struct{}
	wg                       sync.WaitGroup
	baseLiveHeap             uint64 // live heap when sampling began, after a GC
	heapInuse, liveHeap, sys uint64
}

func startMemSampler() *memSampler {
	runtime.GC()
	m := &memSampler{done: make(chan struct{})}
	samples := []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"},
		{Name: "/gc/heap/live:bytes"},
		{Name: "/memory/classes/total:bytes"},
	}
	read := func() {
		metrics.Read(samples)
		m.heapInuse = max(m.heapInuse, samples[0].Value.Uint64()+samples[1].Value.Uint64())
		m.liveHeap = max(m.liveHeap, samples[2].Value.Uint64())
		m.sys = max(m.sys, samples[3].Value.Uint64())
	}
	read()
	m.baseLiveHeap = m.liveHeap
	m.wg.Add(1)
	go func() {
		defer m.wg.Done()
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-m.done:
				read()
				return
			case <-tick.C:
				read()
			}
		}
	}()
	return m
}

func (m *memSampler) stop() {
	close(m.done)
	m.wg.Wait()
}

func (m *memSampler) report(b *testing.B) {
	b.ReportMetric(float64(m.heapInuse)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(m.liveHeap)/(1<<20), "peak-live-heap-MB")
	b.ReportMetric(float64(m.liveHeap-m.baseLiveHeap)/(1<<20), "crawl-live-heap-MB")
	b.ReportMetric(float64(m.sys)/(1<<20), "sys-MB")
}
