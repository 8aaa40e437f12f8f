package main

import (
	"context"
	"fmt"
	"log/slog"
	neturl "net/url"
	"strings"
	"sync"
	"time"

	medcoop "github.com/medcoop/medcoop"
	"github.com/medcoop/medcoop/extract"
	"github.com/medcoop/medcoop/sources"
	"github.com/medcoop/medcoop/store"
)

// pipeline is the crawler's handler: each fetched page is extracted and
// saved. It counts, per source, what the store did with the pages.
type pipeline struct {
	st  *store.Store
	log *slog.Logger

	// reextract extracts pages again even when their body is unchanged.
	reextract bool

	mu     sync.Mutex
	counts map[string]*pageCounts
}

// maxStoredErrors bounds the failures kept per source in a stored run.
const maxStoredErrors = 20

// pageCounts is what the pages of one source did to the store.
type pageCounts struct {
	Pages, Unchanged, Created, Merged, Failed int64
}

func newPipeline(st *store.Store, log *slog.Logger) *pipeline {
	return &pipeline{st: st, log: log, counts: map[string]*pageCounts{}}
}

// HandlePage extracts a fetched page and saves it. Listing pages (hubs) are
// only read for links.
func (p *pipeline) HandlePage(ctx context.Context, pg *sources.Page) error {
	if pg.Hub {
		return nil
	}
	url := pg.URL
	if sameHost(pg.Canonical, pg.URL) {
		// A page's canonical URL names it, but only on its own site: a CMS
		// that points every page at its home page, or a page claiming
		// another site's URL, keeps the URL it was fetched at.
		url = pg.Canonical
	}
	meta := store.PageMeta{
		FetchedAt:    pg.FetchedAt,
		ETag:         pg.Header.Get("ETag"),
		LastModified: pg.Header.Get("Last-Modified"),
		SHA256:       store.BodyHash(pg.Body),
		FrontierURL:  pg.FrontierURL,
	}
	hint := pg.Lang
	if len(hint) != 2 {
		hint = "" // documents carry ISO 639-1 codes; a three-letter hint is not one
	}
	// The crawler's tree of the page (nil if it could not parse it) spares
	// extraction a second parse; extraction only reads it.
	res, err := p.save(extract.Input{Body: pg.Body, Root: pg.Root, URL: url, LangHint: hint}, meta)
	p.count(pg.Source, res, err)
	return err
}

// save extracts one page and stores it under its URL. A page whose body
// is the one already stored is not extracted again: the store only
// refreshes its fetch time and validators.
func (p *pipeline) save(in extract.Input, meta store.PageMeta) (store.SaveResult, error) {
	meta.Reextract = meta.Reextract || p.reextract
	if rec, ok, err := p.st.Page(in.URL); err == nil && ok && meta.SHA256 != "" && rec.SHA256 == meta.SHA256 && !meta.Reextract {
		return p.st.SaveDocument(&medcoop.Document{URL: in.URL}, meta)
	}
	doc, err := extract.Document(in)
	if err != nil {
		return store.SaveResult{}, err
	}
	res, err := p.st.SaveDocument(doc, meta)
	if err != nil {
		return res, fmt.Errorf("save %s: %w", in.URL, err)
	}
	p.log.Debug("page saved", "url", in.URL, "lang", doc.Lang, "events", len(doc.Events),
		"unchanged", res.Unchanged, "created", res.Created, "merged", res.Merged)
	return res, nil
}

func (p *pipeline) count(source string, res store.SaveResult, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	c, ok := p.counts[source]
	if !ok {
		c = &pageCounts{}
		p.counts[source] = c
	}
	c.Pages++
	switch {
	case err != nil:
		c.Failed++
	case res.Unchanged:
		c.Unchanged++
	default:
		c.Created += int64(res.Created)
		c.Merged += int64(res.Merged)
	}
}

// runRecord turns a crawl report and the pipeline's counts into a stored run.
func (p *pipeline) runRecord(command string, rep *sources.Report, start time.Time, runErr error) store.RunRecord {
	p.mu.Lock()
	defer p.mu.Unlock()
	rec := store.RunRecord{Command: command, Start: start, End: time.Now(), Sources: map[string]map[string]int64{}}
	if runErr != nil {
		rec.Error = runErr.Error()
	}
	if rep != nil {
		rec.Resumed = rep.Resumed
		rec.Failures = map[string]map[string]int64{}
		rec.Errors = map[string][]string{}
		for name, sr := range rep.PerSource {
			rec.Sources[name] = map[string]int64{
				"fetched": int64(sr.Fetched), "not_modified": int64(sr.NotModified), "known": int64(sr.Known),
				"failed": int64(sr.Failed), "skipped": int64(sr.Skipped), "handled": int64(sr.Handled),
				"redirected": int64(sr.Redirected),
			}
			if len(sr.Kinds) > 0 {
				kinds := map[string]int64{}
				for k, n := range sr.Kinds {
					kinds[string(k)] = int64(n)
				}
				rec.Failures[name] = kinds
			}
			if len(sr.Errors) > 0 {
				rec.Errors[name] = sr.Errors[:min(len(sr.Errors), maxStoredErrors)]
			}
		}
	}
	for name, c := range p.counts {
		m := rec.Sources[name]
		if m == nil {
			m = map[string]int64{}
			rec.Sources[name] = m
		}
		m["pages_saved"] = c.Pages - c.Failed
		m["pages_unchanged"] = c.Unchanged
		m["events_new"] = c.Created
		m["events_merged"] = c.Merged
		m["extract_failed"] = c.Failed
	}
	return rec
}

// sameHost reports whether two absolute URLs are on one host.
func sameHost(a, b string) bool {
	ua, errA := neturl.Parse(a)
	ub, errB := neturl.Parse(b)
	return a != "" && errA == nil && errB == nil && ua.Host != "" && strings.EqualFold(ua.Host, ub.Host)
}
