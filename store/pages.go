package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/medcoop/medcoop"
)

// PageMeta is what the fetcher knows of one fetch of a page.
type PageMeta struct {
	// FetchedAt is when the page was fetched; zero means now.
	FetchedAt time.Time
	// ETag and LastModified are the response's validators, kept for the
	// next conditional GET.
	ETag         string
	LastModified string
	// SHA256 is the hex SHA-256 of the response body (see BodyHash). When
	// empty, the hash of the document's text stands in for it.
	SHA256 string
	// Reextract saves the document even when the body is unchanged: the
	// extractor improved and the page's events must be read again.
	Reextract bool
	// FrontierURL, when set, is the crawl frontier's entry for this fetch
	// (the URL as queued, before redirects): it is marked done in the same
	// transaction that saves the document, so that a killed crawl neither
	// loses the page nor fetches it again.
	FrontierURL string
}

// BodyHash returns the hex SHA-256 of a response body, for PageMeta.SHA256.
func BodyHash(body []byte) string {
	h := sha256.Sum256(body)
	return hex.EncodeToString(h[:])
}

// PageRecord is the last fetch of one URL and what extraction made of it.
type PageRecord struct {
	URL          string    `json:"url"`
	FetchedAt    time.Time `json:"fetched_at"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	SHA256       string    `json:"sha256"`
	Lang         string    `json:"lang"`
	Title        string    `json:"title,omitempty"`
	Published    string    `json:"published,omitempty"`
	// Text is the page's main text: the evidence offsets of its reports,
	// and of every stored event whose Sources[0] is this page, refer to it.
	Text string `json:"text"`
	// EventIDs are the stored events this page reports, sorted.
	EventIDs []string `json:"event_ids"`
	// Reports are the events as this page alone reported them, with the
	// extractor's evidence into Text; each one's ID is the stored event it
	// was filed under. They let an unreviewed event be rebuilt when one of
	// its sources changes, and let an editor see each source's reading.
	Reports []medcoop.Event `json:"reports"`
}

// source is how the page appears in an event's sources.
func (p *PageRecord) source() medcoop.Source {
	return medcoop.Source{URL: p.URL, Lang: p.Lang, Title: p.Title, Published: p.Published}
}

// SaveResult says what SaveDocument did.
type SaveResult struct {
	// Unchanged is true when the body hash was the same as last time: no
	// event was touched (only the fetch time and validators were refreshed).
	Unchanged bool `json:"unchanged"`
	// EventIDs are the events the page now reports, sorted.
	EventIDs []string `json:"event_ids"`
	// Created counts new events, Merged reports filed under an existing
	// event, Detached events that lost this page as a source, Deleted
	// unreviewed events removed because they had no source left.
	Created  int `json:"created"`
	Merged   int `json:"merged"`
	Detached int `json:"detached"`
	Deleted  int `json:"deleted"`
}

// Page returns the stored record of url, and false if the URL was never saved.
func (s *Store) Page(url string) (*PageRecord, bool, error) {
	var page *PageRecord
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		page, err = getPage(tx, url)
		return err
	})
	if err != nil {
		return nil, false, fmt.Errorf("page %s: %w", url, err)
	}
	return page, page != nil, nil
}

// Validators returns the ETag and Last-Modified of the last fetch of url,
// as a page or else as a listing, empty when it was never fetched. A
// failure to read them is logged and gives empty validators: an
// unconditional GET is always safe.
func (s *Store) Validators(url string) (etag, lastModified string) {
	err := s.db.View(func(tx *bolt.Tx) error {
		page, err := getPage(tx, url)
		if err != nil || page != nil {
			if page != nil {
				etag, lastModified = page.ETag, page.LastModified
			}
			return err
		}
		l, err := getListing(tx, url)
		if l != nil {
			etag, lastModified = l.ETag, l.LastModified
		}
		return err
	})
	if err != nil {
		slog.Warn("store: reading validators", "url", url, "err", err)
		return "", ""
	}
	return etag, lastModified
}

// MarkNotModified records that url, a page or a listing, answered 304 Not
// Modified at at: the fetch time moves on, everything else stays.
func (s *Store) MarkNotModified(url string, at time.Time) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		page, err := getPage(tx, url)
		if err != nil {
			return err
		}
		if page != nil {
			page.FetchedAt = at.UTC()
			return putJSON(tx.Bucket(bucketPages), url, page)
		}
		l, err := getListing(tx, url)
		if err != nil {
			return err
		}
		if l == nil {
			return ErrNotFound
		}
		l.FetchedAt = at.UTC()
		return putJSON(tx.Bucket(bucketListings), url, l)
	})
	if err != nil {
		return fmt.Errorf("mark %s not modified: %w", url, err)
	}
	return nil
}

// SaveDocument stores one extracted page and files its events, in one
// transaction. If the body hash is the same as last time nothing changes.
// Otherwise each reported event is matched (medcoop.SameEvent) against the
// stored events naming one of its parties and merged into the match, or
// stored as a new unreviewed event. Events the page used to report and no
// longer does lose it as a source; an unreviewed event left without source
// is deleted, a reviewed one never is. Unreviewed events are rebuilt from
// their sources' reports, so re-saving a page never duplicates anything;
// reviewed ones keep their editor's values and only gain or lose sources.
func (s *Store) SaveDocument(doc *medcoop.Document, fetch PageMeta) (SaveResult, error) {
	if doc == nil {
		return SaveResult{}, errors.New("save document: nil document")
	}
	if doc.URL == "" {
		return SaveResult{}, errors.New("save document: the document has no URL")
	}
	page := &PageRecord{
		URL:          doc.URL,
		FetchedAt:    fetch.FetchedAt.UTC(),
		ETag:         fetch.ETag,
		LastModified: fetch.LastModified,
		SHA256:       fetch.SHA256,
		Lang:         doc.Lang,
		Title:        doc.Title,
		Published:    doc.Published,
		Text:         doc.Text,
	}
	if fetch.FetchedAt.IsZero() {
		page.FetchedAt = time.Now().UTC()
	}
	if page.SHA256 == "" {
		page.SHA256 = BodyHash([]byte(doc.Text))
	}
	// The reports are decoded copies: merging must never alias the caller's slices.
	reports, err := cloneEvents(doc.Events)
	if err != nil {
		return SaveResult{}, fmt.Errorf("save document %s: %w", doc.URL, err)
	}
	var res SaveResult
	err = s.db.Update(func(tx *bolt.Tx) error {
		res = SaveResult{}
		if err := saveDocument(tx, page, reports, fetch.Reextract, &res); err != nil {
			return err
		}
		if fetch.FrontierURL != "" {
			return frontierDone(tx, fetch.FrontierURL, true)
		}
		return nil
	})
	if err != nil {
		return SaveResult{}, fmt.Errorf("save document %s: %w", doc.URL, err)
	}
	return res, nil
}

func saveDocument(tx *bolt.Tx, page *PageRecord, reports []medcoop.Event, reextract bool, res *SaveResult) error {
	old, err := getPage(tx, page.URL)
	if err != nil {
		return err
	}
	if old != nil && old.SHA256 == page.SHA256 && !reextract {
		res.Unchanged = true
		res.EventIDs = old.EventIDs
		if old.FetchedAt.Equal(page.FetchedAt) && old.ETag == page.ETag && old.LastModified == page.LastModified {
			return nil
		}
		old.FetchedAt, old.ETag, old.LastModified = page.FetchedAt, page.ETag, page.LastModified
		return putJSON(tx.Bucket(bucketPages), old.URL, old)
	}
	var oldIDs []string
	if old != nil {
		oldIDs = old.EventIDs
	}
	src := page.source()
	touched := map[string]bool{}
	for i := range reports {
		r := &reports[i]
		r.Sources = []medcoop.Source{src}
		r.Review = nil
		match, err := findMatch(tx, r, old, len(reports) == 1)
		if err != nil {
			return err
		}
		if match == nil {
			id, err := newEventID(tx, r)
			if err != nil {
				return err
			}
			r.ID = id
			r.Review = &medcoop.Review{Status: medcoop.Unreviewed}
			if err := putEvent(tx, r); err != nil {
				return err
			}
			res.Created++
		} else {
			match.Merge(r)
			refreshSource(match, src)
			if err := putEvent(tx, match); err != nil {
				return err
			}
			r.ID = match.ID
			res.Merged++
		}
		r.Review = nil
		r.Sources = nil
		touched[r.ID] = true
		if !slices.Contains(page.EventIDs, r.ID) {
			page.EventIDs = append(page.EventIDs, r.ID)
		}
	}
	slices.Sort(page.EventIDs)
	if page.EventIDs == nil {
		page.EventIDs = []string{}
	}
	page.Reports = reports
	if page.Reports == nil {
		page.Reports = []medcoop.Event{}
	}
	res.EventIDs = page.EventIDs
	// The page record goes in first: rebuilding an event reads it.
	if err := putJSON(tx.Bucket(bucketPages), page.URL, page); err != nil {
		return err
	}
	for _, id := range oldIDs {
		if slices.Contains(page.EventIDs, id) {
			continue
		}
		ev, err := getEvent(tx, id)
		if err != nil {
			return err
		}
		if ev == nil {
			continue // deleted by an editor since
		}
		if removeSource(ev, page.URL) {
			res.Detached++
			touched[id] = true
			if err := putEvent(tx, ev); err != nil {
				return err
			}
		}
	}
	for _, id := range slices.Sorted(maps.Keys(touched)) {
		ev, err := getEvent(tx, id)
		if err != nil {
			return err
		}
		if ev == nil {
			continue
		}
		if ev.Reviewed() {
			continue
		}
		if len(ev.Sources) == 0 {
			if err := deleteEvent(tx, ev.ID); err != nil {
				return err
			}
			res.Deleted++
			continue
		}
		rebuilt, err := rebuild(tx, ev)
		if err != nil {
			return err
		}
		if err := putEvent(tx, rebuilt); err != nil {
			return err
		}
	}
	return nil
}

// findMatch returns the stored event r, a report of the page whose last
// save was old (nil if none), reports, or nil. First comes the reviewed
// event the page's earlier report of it was filed under (reviewedHome).
// Then candidates are the events this page reported last time, the event
// with r's own ID, and the events naming one of r's parties (from the
// index, never a full scan) that medcoop.SameEvent says r reports. The
// best is the one this page already reported, then the one sharing the
// most parties, then the smallest ID.
func findMatch(tx *bolt.Tx, r *medcoop.Event, old *PageRecord, onlyReport bool) (*medcoop.Event, error) {
	if home, err := reviewedHome(tx, r, old, onlyReport); err != nil || home != nil {
		return home, err
	}
	var pageIDs []string
	if old != nil {
		pageIDs = old.EventIDs
	}
	type candidate struct {
		id    string
		group int
	}
	var cands []candidate
	seen := map[string]bool{}
	add := func(id string, group int) {
		if id != "" && !seen[id] {
			seen[id] = true
			cands = append(cands, candidate{id, group})
		}
	}
	for _, id := range pageIDs {
		add(id, 0)
	}
	add(r.ID, 1)
	for _, p := range r.Parties {
		ids, err := eventsOfParty(tx, p.ID)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			add(id, 2)
		}
	}
	var best *medcoop.Event
	bestGroup, bestShared := 0, 0
	for _, c := range cands {
		ev, err := getEvent(tx, c.id)
		if err != nil {
			return nil, err
		}
		if ev == nil || !medcoop.SameEvent(ev, r) {
			continue
		}
		shared := medcoop.SharedParties(ev, r)
		better := best == nil || c.group < bestGroup ||
			(c.group == bestGroup && (shared > bestShared || (shared == bestShared && ev.ID < best.ID)))
		if better {
			best, bestGroup, bestShared = ev, c.group, shared
		}
	}
	return best, nil
}

// reviewedHome returns the reviewed event under which the page's earlier
// report of r was filed, or nil. An editor said that report belongs there
// (merged it in, corrected or verified the event), so r stays whatever it
// now says: SameEvent compares the page's two readings, not r and the
// editor's values, which after a merge need not agree with this page. A
// page that reported one event and still reports one reports the same one.
func reviewedHome(tx *bolt.Tx, r *medcoop.Event, old *PageRecord, onlyReport bool) (*medcoop.Event, error) {
	if old == nil {
		return nil, nil
	}
	for i := range old.Reports {
		prev := &old.Reports[i]
		if !slices.Contains(old.EventIDs, prev.ID) {
			continue
		}
		if !(onlyReport && len(old.Reports) == 1) && !medcoop.SameEvent(prev, r) {
			continue
		}
		ev, err := getEvent(tx, prev.ID)
		if err != nil {
			return nil, err
		}
		if ev != nil && ev.Reviewed() {
			return ev, nil
		}
	}
	return nil, nil
}

// newEventID returns the extractor's ID for r when it is free, else
// medcoop.EventID of r's parties and year, suffixed until it is free.
func newEventID(tx *bolt.Tx, r *medcoop.Event) (string, error) {
	base := r.ID
	if base == "" {
		year := ""
		if r.Date != nil && len(r.Date.Value) >= 4 {
			year = r.Date.Value[:4]
		} else if len(r.Sources) > 0 && len(r.Sources[0].Published) >= 4 {
			year = r.Sources[0].Published[:4]
		}
		base = medcoop.EventID(r.PartyIDs(), year)
	}
	events := tx.Bucket(bucketEvents)
	id := base
	for n := 2; events.Get([]byte(id)) != nil; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	return id, nil
}

// rebuild makes an unreviewed event anew from the reports of its sources,
// in the order of its sources, so that it says what its current sources say
// and its evidence offsets refer to the text of Sources[0]: evidence from
// the other reports is dropped (each page keeps its own in its reports).
func rebuild(tx *bolt.Tx, ev *medcoop.Event) (*medcoop.Event, error) {
	var out *medcoop.Event
	var orphans []medcoop.Source
	for _, src := range ev.Sources {
		page, err := getPage(tx, src.URL)
		if err != nil {
			return nil, err
		}
		found := false
		if page != nil {
			for _, rep := range page.Reports {
				if rep.ID != ev.ID {
					continue
				}
				found = true
				r, err := cloneEvent(&rep)
				if err != nil {
					return nil, err
				}
				r.Sources = []medcoop.Source{page.source()}
				if out == nil {
					out = r
					continue
				}
				stripEvidence(r)
				out.Merge(r)
			}
		}
		if !found {
			orphans = append(orphans, src) // joined by an editor, or its page is gone
		}
	}
	if out == nil {
		return ev, nil
	}
	out.ID = ev.ID
	out.Review = ev.Review
	for _, src := range orphans {
		if !slices.ContainsFunc(out.Sources, func(s medcoop.Source) bool { return s.URL == src.URL }) {
			out.Sources = append(out.Sources, src)
		}
	}
	return out, nil
}

func stripEvidence(e *medcoop.Event) {
	if e.Date != nil {
		d := *e.Date
		d.Evidence = nil
		e.Date = &d
	}
	for i := range e.Parties {
		e.Parties[i].Evidence = nil
	}
	for i := range e.People {
		e.People[i].Evidence = nil
	}
}

// refreshSource updates the title, language and date of a source the event
// already lists: they describe the page, not the event.
func refreshSource(e *medcoop.Event, src medcoop.Source) {
	for i := range e.Sources {
		if e.Sources[i].URL == src.URL {
			e.Sources[i] = src
		}
	}
}

// removeSource takes url out of e's sources and reports whether it was
// there. If Sources[0] of a reviewed event goes, its evidence offsets no
// longer refer to the text of Sources[0] and are dropped.
func removeSource(e *medcoop.Event, url string) bool {
	i := slices.IndexFunc(e.Sources, func(s medcoop.Source) bool { return s.URL == url })
	if i < 0 {
		return false
	}
	e.Sources = slices.Delete(e.Sources, i, i+1)
	if i == 0 && e.Reviewed() {
		stripEvidence(e)
	}
	return true
}

func getPage(tx *bolt.Tx, url string) (*PageRecord, error) {
	raw := tx.Bucket(bucketPages).Get([]byte(url))
	if raw == nil {
		return nil, nil
	}
	var p PageRecord
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, fmt.Errorf("decode page %s: %w", url, err)
	}
	return &p, nil
}

func putJSON(b *bolt.Bucket, key string, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s: %w", key, err)
	}
	if err := b.Put([]byte(key), raw); err != nil {
		return fmt.Errorf("put %s: %w", key, err)
	}
	return nil
}

func cloneEvent(e *medcoop.Event) (*medcoop.Event, error) {
	raw, err := json.Marshal(e)
	if err != nil {
		return nil, err
	}
	var c medcoop.Event
	if err := json.Unmarshal(raw, &c); err != nil {
		return nil, err
	}
	return &c, nil
}

func cloneEvents(es []medcoop.Event) ([]medcoop.Event, error) {
	if len(es) == 0 {
		return nil, nil
	}
	raw, err := json.Marshal(es)
	if err != nil {
		return nil, fmt.Errorf("encode events: %w", err)
	}
	var c []medcoop.Event
	if err := json.Unmarshal(raw, &c); err != nil {
		return nil, fmt.Errorf("decode events: %w", err)
	}
	return c, nil
}
