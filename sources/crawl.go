package sources

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"regexp"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// Page is one fetched HTML page, decoded to UTF-8, as handed to a Handler.
type Page struct {
	URL       string      // canonicalised final URL after redirects
	Canonical string      // <link rel=canonical> resolved, or ""
	Source    string      // source name
	Lang      string      // the source's language hint
	Status    int         // HTTP status (2xx)
	Header    http.Header // response headers; Content-Type rewritten to charset=utf-8, the original in X-Original-Content-Type
	Body      []byte      // UTF-8 HTML
	Charset   string      // the charset the body was decoded from
	FetchedAt time.Time
	Depth     int  // links away from a start page; feed and sitemap entries are at depth 1
	Hub       bool // a start page, or a listing page (a start page's path with another query, such as ?page=2) reached only to find links
}

// Handler is what the crawler hands pages to. It is called from several goroutines at once
// (one per host being crawled). An error is recorded in the report and the crawl goes on,
// unless it wraps ErrAbort, which stops the crawl and is returned by Run.
type Handler interface {
	HandlePage(ctx context.Context, p *Page) error
}

// HandlerFunc lets a function be a Handler.
type HandlerFunc func(ctx context.Context, p *Page) error

// HandlePage calls f.
func (f HandlerFunc) HandlePage(ctx context.Context, p *Page) error { return f(ctx, p) }

// ErrAbort, wrapped in a Handler's error, stops the crawl.
var ErrAbort = errors.New("crawl aborted by handler")

// Validators gives the stored ETag and Last-Modified of a URL for conditional GET; empty
// strings when none is known. It is called from several goroutines at once.
type Validators interface {
	Validators(url string) (etag, lastModified string)
}

// Defaults for the Crawler's zero fields.
const (
	DefaultTimeout       = 30 * time.Second
	DefaultMaxBodyBytes  = 5 << 20
	DefaultRetryBase     = time.Second
	DefaultMaxRetries    = 2
	DefaultMaxRetryAfter = time.Minute
	DefaultMaxCrawlDelay = time.Minute
	DefaultWorkers       = 4
	maxSitemapNesting    = 3
	maxErrorsPerSource   = 200
	maxBackoff           = time.Minute
)

// Crawler fetches the pages of a Config's sources. Its zero value works: it builds a safe client,
// refuses private addresses and crawls without a page limit.
type Crawler struct {
	Client       *http.Client // nil: built by NewClient with the safe dialer
	AllowPrivate bool         // allow loopback and private addresses (tests, demo); only used when Client is nil
	MaxPages     int          // stop after this many URLs were requested; 0: no limit
	Logger       *slog.Logger // nil: no logging
	Validators   Validators   // may be nil: no conditional GET
	RetryBase    time.Duration

	MaxRetries    int           // retries after a 429, 5xx or network error; 0: DefaultMaxRetries, negative: none
	MaxRetryAfter time.Duration // a longer Retry-After gives up on the URL; 0: DefaultMaxRetryAfter
	Timeout       time.Duration // whole request, body included; 0: DefaultTimeout
	MaxBodyBytes  int64         // bigger bodies are refused as "too large"; 0: DefaultMaxBodyBytes
	MaxCrawlDelay time.Duration // robots.txt Crawl-delay is capped at this; 0: DefaultMaxCrawlDelay
	Workers       int           // requests in flight at once, over all hosts; 0: DefaultWorkers
}

// Report says what a crawl did, per source.
type Report struct {
	PerSource    map[string]*SourceReport
	Started      time.Time
	Finished     time.Time
	LimitReached bool // MaxPages stopped the crawl
}

// SourceReport counts what happened to one source's URLs. Fetched counts URLs requested (retries
// not counted); each then ends NotModified, Failed, Skipped (robots, not HTML, duplicate after a
// redirect) or, for pages, Handled; feeds and sitemaps that were read count in Fetched only.
type SourceReport struct {
	Fetched     int
	NotModified int
	Failed      int
	Skipped     int
	Handled     int
	Errors      []string     // "url: reason", at most 200
	Kinds       map[Kind]int // failures and skips by kind
	Reached     bool         // at least one response with a status below 400 came back
}

type taskKind int

const (
	taskPage taskKind = iota
	taskFeed
	taskSitemap
)

type task struct {
	url   string
	kind  taskKind
	src   *sourceState
	depth int
	level int // sitemap index nesting
}

type sourceState struct {
	src     *Source
	rep     *SourceReport
	listing map[string]bool // scheme://host/path of the start pages
}

type hostState struct {
	key     string
	queue   []task
	running bool
	delay   time.Duration // the longest delay of the sources using this host

	// Owned by the host's worker goroutine.
	robots     *robotstxt.RobotsData
	robotsErr  *FetchError // robots.txt could not be fetched at all
	crawlDelay time.Duration
	last       time.Time
	notBefore  time.Time
}

type run struct {
	c       *Crawler
	ctx     context.Context
	cancel  context.CancelFunc
	h       Handler
	f       *fetcher
	log     *slog.Logger
	ua      string
	sem     chan struct{}
	pending sync.WaitGroup

	retryBase, maxRetryAfter, maxCrawlDelay time.Duration
	maxRetries                              int

	mu       sync.Mutex
	seen     map[string]bool // URLs queued
	fetched  map[string]bool // URLs requested or reached by a redirect
	hosts    map[string]*hostState
	requests int
	stopped  bool
	abortErr error
	report   *Report
}

// Run crawls cfg's sources, handing each fetched HTML page to h, until every discovered URL was
// tried, MaxPages URLs were requested or ctx is cancelled. It always returns the report; the
// error is ctx's when cancelled, or the handler's when it aborted.
func (c *Crawler) Run(ctx context.Context, cfg *Config, h Handler) (*Report, error) {
	if cfg == nil || len(cfg.Sources) == 0 {
		return nil, errors.New("crawl: no sources")
	}
	if h == nil {
		return nil, errors.New("crawl: nil handler")
	}
	r := c.newRun(ctx, cfg, h)
	defer r.cancel()
	if c.Client == nil {
		defer r.f.client.CloseIdleConnections()
	}
	states := make([]*sourceState, len(cfg.Sources))
	for i := range cfg.Sources {
		src := cfg.Sources[i] // a copy: compiling patterns must not touch the caller's Config
		src.follow = append([]*regexp.Regexp(nil), src.follow...)
		if err := src.compile(); err != nil {
			return nil, fmt.Errorf("crawl: source %s: %w", src.Name, err)
		}
		st := &sourceState{src: &src, rep: &SourceReport{Kinds: map[Kind]int{}}, listing: map[string]bool{}}
		if _, dup := r.report.PerSource[src.Name]; dup {
			return nil, fmt.Errorf("crawl: two sources named %s", src.Name)
		}
		r.report.PerSource[src.Name] = st.rep
		for _, s := range src.Start {
			if u, err := url.Parse(s); err == nil {
				st.listing[hostKey(u)+u.EscapedPath()] = true
			}
		}
		states[i] = st
	}
	for _, st := range states {
		for _, s := range st.src.Start {
			r.enqueueRaw(task{url: s, kind: taskPage, src: st})
		}
		for _, s := range st.src.Feeds {
			r.enqueueRaw(task{url: s, kind: taskFeed, src: st})
		}
		for _, s := range st.src.Sitemaps {
			r.enqueueRaw(task{url: s, kind: taskSitemap, src: st})
		}
	}
	r.pending.Wait()
	r.mu.Lock()
	defer r.mu.Unlock()
	r.report.Finished = time.Now()
	if r.abortErr != nil {
		return r.report, fmt.Errorf("crawl: %w", r.abortErr)
	}
	if err := ctx.Err(); err != nil {
		return r.report, fmt.Errorf("crawl: %w", err)
	}
	return r.report, nil
}

func (c *Crawler) newRun(ctx context.Context, cfg *Config, h Handler) *run {
	ctx, cancel := context.WithCancel(ctx)
	r := &run{
		c: c, ctx: ctx, cancel: cancel, h: h,
		log:           c.Logger,
		ua:            cfg.UserAgent,
		retryBase:     orDuration(c.RetryBase, DefaultRetryBase),
		maxRetryAfter: orDuration(c.MaxRetryAfter, DefaultMaxRetryAfter),
		maxCrawlDelay: orDuration(c.MaxCrawlDelay, DefaultMaxCrawlDelay),
		maxRetries:    c.MaxRetries,
		seen:          map[string]bool{},
		fetched:       map[string]bool{},
		hosts:         map[string]*hostState{},
		report:        &Report{PerSource: map[string]*SourceReport{}, Started: time.Now()},
	}
	if r.log == nil {
		r.log = slog.New(slog.DiscardHandler)
	}
	if r.ua == "" {
		r.ua = DefaultUserAgent
	}
	switch {
	case r.maxRetries == 0:
		r.maxRetries = DefaultMaxRetries
	case r.maxRetries < 0:
		r.maxRetries = 0
	}
	workers := c.Workers
	if workers <= 0 {
		workers = DefaultWorkers
	}
	r.sem = make(chan struct{}, workers)
	timeout := orDuration(c.Timeout, DefaultTimeout)
	client := c.Client
	if client == nil {
		client = NewClient(c.AllowPrivate, timeout)
	} else if client.CheckRedirect == nil {
		cl := *client
		cl.CheckRedirect = checkRedirect
		client = &cl
	}
	maxBody := c.MaxBodyBytes
	if maxBody <= 0 {
		maxBody = DefaultMaxBodyBytes
	}
	r.f = &fetcher{client: client, userAgent: r.ua, timeout: timeout, maxBody: maxBody}
	return r
}

func orDuration(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// enqueueRaw queues a canonical URL once per run; the host's worker is started if idle.
func (r *run) enqueueRaw(t task) {
	u, err := url.Parse(t.url)
	if err != nil {
		return
	}
	key := hostKey(u)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.stopped || r.seen[t.url] {
		return
	}
	r.seen[t.url] = true
	hs := r.hosts[key]
	if hs == nil {
		hs = &hostState{key: key}
		r.hosts[key] = hs
	}
	hs.delay = max(hs.delay, t.src.src.Delay)
	hs.queue = append(hs.queue, t)
	r.pending.Add(1)
	if !hs.running {
		hs.running = true
		go r.hostWorker(hs)
	}
}

// hostWorker takes one host's tasks in order, one at a time.
func (r *run) hostWorker(hs *hostState) {
	for {
		r.mu.Lock()
		if len(hs.queue) == 0 {
			hs.running = false
			r.mu.Unlock()
			return
		}
		t := hs.queue[0]
		hs.queue[0] = task{}
		hs.queue = hs.queue[1:]
		r.mu.Unlock()
		r.process(hs, t)
		r.pending.Done()
	}
}

func (r *run) isStopped() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stopped || r.ctx.Err() != nil
}

func (r *run) process(hs *hostState, t task) {
	if r.isStopped() {
		return
	}
	u, err := url.Parse(t.url)
	if err != nil {
		r.fail(t, &FetchError{URL: t.url, Kind: KindBadURL, Err: err})
		return
	}
	if hs.robots == nil && hs.robotsErr == nil {
		r.loadRobots(hs)
		if r.isStopped() {
			return
		}
	}
	if hs.robotsErr != nil {
		fe := *hs.robotsErr
		fe.URL = t.url
		r.fail(t, &fe)
		return
	}
	if !hs.robots.TestAgent(robotsPath(u), r.ua) {
		r.skip(t, &FetchError{URL: t.url, Kind: KindRobots})
		return
	}
	if !r.reserve(t) {
		return
	}
	opt := requestOptions{Want: wantAny}
	if t.kind == taskPage {
		opt.Want = wantHTML
		if r.c.Validators != nil {
			opt.ETag, opt.LastModified = r.c.Validators.Validators(t.url)
		}
	}
	resp, err := r.fetchWithRetry(hs, t.url, opt)
	if err != nil {
		if r.ctx.Err() != nil {
			return
		}
		fe := classify(t.url, err)
		if fe.Kind == KindNotHTML {
			r.reached(t)
			r.skip(t, fe)
			return
		}
		if fe.Status > 0 && fe.Status < 400 {
			r.reached(t)
		}
		r.fail(t, fe)
		return
	}
	r.reached(t)
	if resp.Status == http.StatusNotModified {
		r.count(t, func(rep *SourceReport) { rep.NotModified++ })
		r.log.Debug("not modified", "url", t.url, "source", t.src.src.Name)
		return
	}
	switch t.kind {
	case taskPage:
		r.handlePage(t, resp)
	case taskFeed:
		links, err := parseFeed(resp.Body, resp.URL)
		if err != nil {
			r.fail(t, &FetchError{URL: t.url, Kind: KindBadContent, Status: resp.Status, Err: err})
			return
		}
		r.log.Debug("feed read", "url", t.url, "items", len(links))
		for _, l := range links {
			r.enqueueRaw(task{url: l, kind: taskPage, src: t.src, depth: 1})
		}
	case taskSitemap:
		pages, subs, err := parseSitemap(resp.Body, r.f.maxBody)
		if err != nil {
			r.fail(t, &FetchError{URL: t.url, Kind: KindBadContent, Status: resp.Status, Err: err})
			return
		}
		r.log.Debug("sitemap read", "url", t.url, "pages", len(pages), "sitemaps", len(subs))
		for _, p := range pages {
			if len(t.src.src.Follow) == 0 || t.src.src.Follows(p) {
				r.enqueueRaw(task{url: p, kind: taskPage, src: t.src, depth: 1})
			}
		}
		if t.level < maxSitemapNesting {
			for _, s := range subs {
				r.enqueueRaw(task{url: s, kind: taskSitemap, src: t.src, level: t.level + 1})
			}
		}
	}
}

// reserve counts a request against MaxPages and marks the URL fetched; false when the crawl
// must stop or the URL was already reached through a redirect.
func (r *run) reserve(t task) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.stopped {
		return false
	}
	if r.fetched[t.url] {
		return false
	}
	if r.c.MaxPages > 0 && r.requests >= r.c.MaxPages {
		r.stopped = true
		r.report.LimitReached = true
		return false
	}
	r.requests++
	r.fetched[t.url] = true
	t.src.rep.Fetched++
	return true
}

func (r *run) handlePage(t task, resp *response) {
	src := t.src.src
	if resp.URL != t.url {
		r.mu.Lock()
		dup := r.fetched[resp.URL]
		r.fetched[resp.URL] = true
		r.seen[resp.URL] = true
		r.mu.Unlock()
		if dup {
			r.skip(t, &FetchError{URL: t.url, Kind: KindDuplicate, Status: resp.Status, Err: fmt.Errorf("redirected to %s, already fetched", resp.URL)})
			return
		}
	}
	body, cs, err := decodeHTML(resp.Body, resp.Header.Get("Content-Type"))
	if err != nil {
		r.fail(t, &FetchError{URL: t.url, Kind: KindBadContent, Status: resp.Status, Err: err})
		return
	}
	page := &Page{
		URL: resp.URL, Source: src.Name, Lang: src.Lang, Status: resp.Status,
		Header: utf8Header(resp.Header), Body: body, Charset: cs, FetchedAt: time.Now().UTC(), Depth: t.depth,
	}
	if u, err := url.Parse(resp.URL); err == nil {
		page.Hub = t.depth == 0 && t.kind == taskPage || t.src.listing[hostKey(u)+u.EscapedPath()]
	}
	info, err := parseHTML(body, resp.URL)
	if err != nil {
		r.log.Warn("parse html", "url", resp.URL, "err", err)
	} else {
		page.Canonical = info.Canonical
		if !info.NoFollow && t.depth < src.MaxDepth {
			for _, l := range info.Links {
				if src.Follows(l) {
					r.enqueueRaw(task{url: l, kind: taskPage, src: t.src, depth: t.depth + 1})
				}
			}
		}
	}
	r.log.Debug("page fetched", "url", page.URL, "source", src.Name, "depth", t.depth, "charset", cs)
	if err := r.h.HandlePage(r.ctx, page); err != nil {
		if errors.Is(err, ErrAbort) {
			r.mu.Lock()
			if r.abortErr == nil {
				r.abortErr = err
			}
			r.stopped = true
			r.mu.Unlock()
			r.cancel()
		}
		r.fail(t, &FetchError{URL: t.url, Kind: KindHandler, Err: err})
		return
	}
	r.count(t, func(rep *SourceReport) { rep.Handled++ })
}

// fetchWithRetry makes the request, waiting for the host's turn before each attempt, and
// retries 429, 5xx and network errors with exponential backoff and jitter, or after the
// server's Retry-After when it gives one (bounded by MaxRetryAfter).
func (r *run) fetchWithRetry(hs *hostState, rawURL string, opt requestOptions) (*response, error) {
	for attempt := 0; ; attempt++ {
		resp, err := r.request(hs, rawURL, opt)
		if err == nil {
			return resp, nil
		}
		if r.ctx.Err() != nil {
			return nil, r.ctx.Err()
		}
		fe := classify(rawURL, err)
		if !fe.retryable() || attempt >= r.maxRetries {
			return nil, fe
		}
		wait := r.backoff(attempt)
		if fe.retryAfter > 0 {
			if fe.retryAfter > r.maxRetryAfter {
				fe.Err = fmt.Errorf("Retry-After %s is longer than %s: giving up", fe.retryAfter, r.maxRetryAfter)
				return nil, fe
			}
			wait = fe.retryAfter
		}
		r.log.Info("retrying", "url", rawURL, "reason", fe.Kind, "status", fe.Status, "wait", wait, "attempt", attempt+1)
		hs.notBefore = time.Now().Add(wait)
	}
}

// request makes one request once the host's delay has passed and a worker slot is free.
func (r *run) request(hs *hostState, rawURL string, opt requestOptions) (*response, error) {
	r.mu.Lock()
	next := hs.last.Add(max(hs.delay, hs.crawlDelay))
	r.mu.Unlock()
	if hs.notBefore.After(next) {
		next = hs.notBefore
	}
	if d := time.Until(next); d > 0 {
		timer := time.NewTimer(d)
		select {
		case <-r.ctx.Done():
			timer.Stop()
			return nil, r.ctx.Err()
		case <-timer.C:
		}
	}
	select {
	case r.sem <- struct{}{}:
	case <-r.ctx.Done():
		return nil, r.ctx.Err()
	}
	resp, err := r.f.get(r.ctx, rawURL, opt)
	<-r.sem
	hs.last = time.Now()
	return resp, err
}

func (r *run) backoff(attempt int) time.Duration {
	d := r.retryBase << attempt
	if d <= 0 || d > maxBackoff {
		d = maxBackoff
	}
	return d + rand.N(r.retryBase/2+1)
}

// loadRobots fetches the host's robots.txt: a 4xx allows everything, a 5xx or 429 disallows
// everything for this run, and a host that cannot be reached at all fails every URL with the
// same reason.
func (r *run) loadRobots(hs *hostState) {
	robotsURL := hs.key + "/robots.txt"
	resp, err := r.request(hs, robotsURL, requestOptions{Want: wantAny})
	if r.ctx.Err() != nil {
		return
	}
	status := 0
	var body []byte
	if err != nil {
		fe := classify(robotsURL, err)
		if fe.Status == 0 && fe.Kind != KindTooLarge {
			fe.Err = fmt.Errorf("robots.txt: %w", err)
			hs.robotsErr = fe
			r.log.Warn("robots.txt unreachable", "host", hs.key, "err", err)
			return
		}
		status = fe.Status
	} else {
		status, body = resp.Status, resp.Body
	}
	if status == http.StatusTooManyRequests {
		status = http.StatusServiceUnavailable
	}
	data, perr := robotstxt.FromStatusAndBytes(status, body)
	if perr != nil {
		r.log.Warn("robots.txt unreadable, allowing all", "host", hs.key, "status", status, "err", perr)
		data, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
	}
	hs.robots = data
	if g := data.FindGroup(r.ua); g != nil && g.CrawlDelay > 0 {
		cd := min(g.CrawlDelay, r.maxCrawlDelay)
		r.mu.Lock()
		hs.crawlDelay = cd
		r.mu.Unlock()
	}
	r.log.Debug("robots.txt", "host", hs.key, "status", status, "crawl_delay", hs.crawlDelay)
}

func (r *run) count(t task, f func(*SourceReport)) {
	r.mu.Lock()
	f(t.src.rep)
	r.mu.Unlock()
}

func (r *run) reached(t task) { r.count(t, func(rep *SourceReport) { rep.Reached = true }) }

func (r *run) fail(t task, fe *FetchError) {
	r.log.Warn("fetch failed", "url", t.url, "source", t.src.src.Name, "reason", fe.Kind, "err", fe.Err)
	r.count(t, func(rep *SourceReport) {
		rep.Failed++
		record(rep, t.url, fe)
	})
}

func (r *run) skip(t task, fe *FetchError) {
	r.log.Info("skipped", "url", t.url, "source", t.src.src.Name, "reason", fe.Kind)
	r.count(t, func(rep *SourceReport) {
		rep.Skipped++
		record(rep, t.url, fe)
	})
}

func record(rep *SourceReport, u string, fe *FetchError) {
	rep.Kinds[fe.Kind]++
	if len(rep.Errors) >= maxErrorsPerSource {
		return
	}
	reason := string(fe.Kind)
	switch fe.Kind {
	case KindClientError, KindServerError, KindHTTPStatus:
		reason += fmt.Sprintf(" (status %d)", fe.Status)
	case KindNetwork, KindBadContent, KindHandler, KindBadURL, KindNotHTML, KindTooLarge, KindDuplicate:
		if fe.Err != nil {
			reason += ": " + fe.Err.Error()
		}
	}
	rep.Errors = append(rep.Errors, u+": "+reason)
}
