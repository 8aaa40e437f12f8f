package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/medcoop/medcoop"
	"github.com/medcoop/medcoop/extract/textnorm"
)

// The errors of the review operations, to be tested with errors.Is (an
// unknown event wraps ErrNotFound).
var (
	// ErrInvalidEdit means the change asked for is not a change that can be
	// made: a bad value, a party that is not there, a source the event lacks.
	ErrInvalidEdit = errors.New("invalid change")
	// ErrNothingToUndo means the log holds no change left to take back.
	ErrNothingToUndo = errors.New("nothing to undo")
)

// bucketReviewLog holds one LogEntry per editor's change, keyed by its
// sequence number (8 bytes, big endian). It came after the first files
// were written: a writer creates it, a reader does without it.
var bucketReviewLog = []byte("review_log")

// The operations a LogEntry records.
const (
	OpSet    = "set"
	OpAdd    = "add"
	OpRemove = "remove"
	OpVerify = "verify"
	OpReject = "reject"
	OpMerge  = "merge"
	OpSplit  = "split"
	OpUndo   = "undo"
)

// LogEntry is one editor's change, as the review log keeps it: who, when,
// what, from what to what, and the full JSON of every event it touched
// before and after, so that it can be taken back exactly.
type LogEntry struct {
	Seq      uint64    `json:"seq"`
	At       time.Time `json:"at"`
	Editor   string    `json:"editor"`
	Op       string    `json:"op"`
	EventIDs []string  `json:"event_ids"`
	// Field is what changed: type, date, place, party, person, domain,
	// status, sources (merge and split) or the field of the undone change.
	Field  string `json:"field,omitempty"`
	Before string `json:"before"`
	After  string `json:"after"`
	// Snapshots are the touched events before and after the change.
	Snapshots []Snapshot `json:"snapshots"`
	// Relabels are the page reports moved from one event to another.
	Relabels []Relabel `json:"relabels,omitempty"`
	// Undoes is, for an undo, the change it took back; UndoneBy is, for a
	// change taken back, the undo that did it.
	Undoes   uint64 `json:"undoes,omitempty"`
	UndoneBy uint64 `json:"undone_by,omitempty"`
}

// Snapshot is one event's stored JSON before and after a change; null
// when it was not stored (created by a split, deleted by a merge).
type Snapshot struct {
	ID     string          `json:"id"`
	Before json.RawMessage `json:"before"`
	After  json.RawMessage `json:"after"`
}

// Relabel says that the reports of the page URL at positions Reports,
// filed under event From, were filed under event To. The positions let an
// undo give back exactly those: the page may report From and To both.
type Relabel struct {
	URL     string `json:"url"`
	From    string `json:"from"`
	To      string `json:"to"`
	Reports []int  `json:"reports,omitempty"`
}

// QueueItem is an event waiting for an editor, with why its sources
// disagree (empty when they agree).
type QueueItem struct {
	Event     medcoop.Event `json:"event"`
	Conflicts []string      `json:"conflicts"`
}

// SourceReport is one source of an event and what that page alone said of
// it (nil when the page is not stored or never reported the event: a
// source joined by an editor). The report's evidence cites Text.
type SourceReport struct {
	Source medcoop.Source `json:"source"`
	Report *medcoop.Event `json:"report"`
	// Text is the page's main text, which the report's evidence cites.
	Text string `json:"-"`
}

// ReviewQueue returns the unreviewed events: those whose sources disagree
// first, then the least confident, then by ID.
func (s *Store) ReviewQueue() ([]QueueItem, error) {
	var out []QueueItem
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketEvents).ForEach(func(k, v []byte) error {
			var e medcoop.Event
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("decode event %s: %w", k, err)
			}
			if e.Reviewed() {
				return nil
			}
			reports, err := sourceReports(tx, &e)
			if err != nil {
				return err
			}
			cs := conflicts(reports)
			if cs == nil {
				cs = []string{}
			}
			out = append(out, QueueItem{Event: e, Conflicts: cs})
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("review queue: %w", err)
	}
	sort.SliceStable(out, func(i, j int) bool {
		ci, cj := len(out[i].Conflicts) > 0, len(out[j].Conflicts) > 0
		if ci != cj {
			return ci
		}
		if out[i].Event.Confidence != out[j].Event.Confidence {
			return out[i].Event.Confidence < out[j].Event.Confidence
		}
		return out[i].Event.ID < out[j].Event.ID
	})
	return out, nil
}

// EventReports returns the event id with each of its sources and what
// that source reported, and why the reports disagree.
func (s *Store) EventReports(id string) (*medcoop.Event, []SourceReport, []string, error) {
	var ev *medcoop.Event
	var reports []SourceReport
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		if ev, err = mustGetEvent(tx, id); err != nil {
			return err
		}
		reports, err = sourceReports(tx, ev)
		return err
	})
	if err != nil {
		return nil, nil, nil, err
	}
	return ev, reports, conflicts(reports), nil
}

func sourceReports(tx *bolt.Tx, ev *medcoop.Event) ([]SourceReport, error) {
	out := make([]SourceReport, 0, len(ev.Sources))
	for _, src := range ev.Sources {
		sr := SourceReport{Source: src}
		page, err := getPage(tx, src.URL)
		if err != nil {
			return nil, err
		}
		if page != nil {
			sr.Text = page.Text
			for i := range page.Reports {
				if page.Reports[i].ID == ev.ID {
					sr.Report = &page.Reports[i]
					break
				}
			}
		}
		out = append(out, sr)
	}
	return out, nil
}

// conflicts says where two sources' reports disagree: the type, the date
// (a coarser date that the finer one begins with agrees), or the parties.
func conflicts(reports []SourceReport) []string {
	var out []string
	add := func(s string) {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for i := range reports {
		a := reports[i].Report
		if a == nil {
			continue
		}
		for j := i + 1; j < len(reports); j++ {
			b := reports[j].Report
			if b == nil {
				continue
			}
			if a.Type != b.Type {
				add(fmt.Sprintf("type %s vs %s", a.Type, b.Type))
			}
			if a.Date != nil && b.Date != nil && a.Date.Value != b.Date.Value &&
				!strings.HasPrefix(a.Date.Value, b.Date.Value) && !strings.HasPrefix(b.Date.Value, a.Date.Value) {
				add(fmt.Sprintf("date %s vs %s", a.Date.Value, b.Date.Value))
			}
			pa, pb := a.PartyIDs(), b.PartyIDs()
			if !slices.Equal(pa, pb) {
				add(fmt.Sprintf("parties %s vs %s", strings.Join(pa, "+"), strings.Join(pb, "+")))
			}
		}
	}
	return out
}

// ReviewLog returns the review log, oldest first; with an id, only the
// changes that touched that event.
func (s *Store) ReviewLog(id string) ([]LogEntry, error) {
	var out []LogEntry
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		out, err = readLog(tx, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("review log: %w", err)
	}
	return out, nil
}

func readLog(tx *bolt.Tx, id string) ([]LogEntry, error) {
	out := []LogEntry{}
	b := tx.Bucket(bucketReviewLog)
	if b == nil {
		return out, nil
	}
	err := b.ForEach(func(k, v []byte) error {
		var e LogEntry
		if err := json.Unmarshal(v, &e); err != nil {
			return fmt.Errorf("decode log entry %x: %w", k, err)
		}
		if id == "" || slices.Contains(e.EventIDs, id) {
			out = append(out, e)
		}
		return nil
	})
	return out, err
}

func logKey(seq uint64) []byte {
	return binary.BigEndian.AppendUint64(nil, seq)
}

// change is one editor's change under way, in one transaction: it keeps
// the first before-image of every event it touches.
type change struct {
	tx    *bolt.Tx
	entry LogEntry
	seen  map[string]bool
}

// edit runs fn in one transaction as a change by editor and logs it.
func (s *Store) edit(editor, op string, fn func(c *change) error) (*LogEntry, error) {
	if strings.TrimSpace(editor) == "" {
		editor = "unknown"
	}
	var out LogEntry
	err := s.db.Update(func(tx *bolt.Tx) error {
		c := &change{tx: tx, seen: map[string]bool{},
			entry: LogEntry{At: time.Now().UTC().Truncate(time.Second), Editor: editor, Op: op}}
		if err := fn(c); err != nil {
			return err
		}
		if err := c.commit(); err != nil {
			return err
		}
		out = c.entry
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// touch records the before-image of event id, once.
func (c *change) touch(id string) {
	if c.seen[id] {
		return
	}
	c.seen[id] = true
	c.entry.EventIDs = append(c.entry.EventIDs, id)
	c.entry.Snapshots = append(c.entry.Snapshots, Snapshot{ID: id, Before: rawEvent(c.tx, id)})
}

// rawEvent returns a copy of the stored JSON of event id, nil when absent.
func rawEvent(tx *bolt.Tx, id string) json.RawMessage {
	raw := tx.Bucket(bucketEvents).Get([]byte(id))
	if raw == nil {
		return nil
	}
	return bytes.Clone(raw)
}

// stamp marks e as reviewed by the change's editor, now.
func (c *change) stamp(e *medcoop.Event, status medcoop.ReviewStatus) {
	by := c.entry.Editor
	at := c.entry.At.Format(time.RFC3339)
	e.Review = &medcoop.Review{Status: status, By: &by, At: &at}
}

// put stores e (touched before) with its pages' links.
func (c *change) put(e *medcoop.Event) error {
	old, err := getEvent(c.tx, e.ID)
	if err != nil {
		return err
	}
	var before []medcoop.Source
	if old != nil {
		before = old.Sources
	}
	if err := relinkPages(c.tx, e.ID, before, e.Sources); err != nil {
		return err
	}
	return putEvent(c.tx, e)
}

// remove deletes event id (touched before) and its pages' links.
func (c *change) remove(id string) error {
	old, err := getEvent(c.tx, id)
	if err != nil || old == nil {
		return err
	}
	if err := relinkPages(c.tx, id, old.Sources, nil); err != nil {
		return err
	}
	return deleteEvent(c.tx, id)
}

// relabel files the reports of page url made under event from under event to.
func (c *change) relabel(url, from, to string) error {
	page, err := getPage(c.tx, url)
	if err != nil || page == nil {
		return err
	}
	var moved []int
	for i := range page.Reports {
		if page.Reports[i].ID == from {
			page.Reports[i].ID = to
			moved = append(moved, i)
		}
	}
	if len(moved) == 0 {
		return nil
	}
	c.entry.Relabels = append(c.entry.Relabels, Relabel{URL: url, From: from, To: to, Reports: moved})
	return putJSON(c.tx.Bucket(bucketPages), url, page)
}

// unrelabel files back under r.From the reports r moved to r.To, and only
// those; it refuses when the page no longer holds them (saved again since
// change seq). An entry without positions predates them: every report
// under r.To goes back.
func (c *change) unrelabel(r Relabel, seq uint64) error {
	if r.Reports == nil {
		return c.relabel(r.URL, r.To, r.From)
	}
	page, err := getPage(c.tx, r.URL)
	if err != nil || page == nil {
		return err
	}
	for _, i := range r.Reports {
		if i >= len(page.Reports) || page.Reports[i].ID != r.To {
			return invalid("page %s changed since change #%d (a crawl or ingest saved it again): undo refused", r.URL, seq)
		}
		page.Reports[i].ID = r.From
	}
	c.entry.Relabels = append(c.entry.Relabels, Relabel{URL: r.URL, From: r.To, To: r.From, Reports: r.Reports})
	return putJSON(c.tx.Bucket(bucketPages), r.URL, page)
}

// commit takes the after-images and appends the entry to the log.
func (c *change) commit() error {
	for i := range c.entry.Snapshots {
		c.entry.Snapshots[i].After = rawEvent(c.tx, c.entry.Snapshots[i].ID)
	}
	b, err := c.tx.CreateBucketIfNotExists(bucketReviewLog)
	if err != nil {
		return fmt.Errorf("create bucket %s: %w", bucketReviewLog, err)
	}
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	c.entry.Seq = seq
	raw, err := json.Marshal(&c.entry)
	if err != nil {
		return fmt.Errorf("encode log entry: %w", err)
	}
	return b.Put(logKey(seq), raw)
}

func mustGetEvent(tx *bolt.Tx, id string) (*medcoop.Event, error) {
	ev, err := getEvent(tx, id)
	if err != nil {
		return nil, err
	}
	if ev == nil {
		return nil, fmt.Errorf("no event %q: %w", id, ErrNotFound)
	}
	return ev, nil
}

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalidEdit, fmt.Sprintf(format, args...))
}

// correct applies fn to event id as a correction of field by editor.
func (s *Store) correct(editor, op, field, id string, fn func(e *medcoop.Event) (before, after string, err error)) (*LogEntry, error) {
	entry, err := s.edit(editor, op, func(c *change) error {
		e, err := mustGetEvent(c.tx, id)
		if err != nil {
			return err
		}
		c.touch(id)
		before, after, err := fn(e)
		if err != nil {
			return err
		}
		c.entry.Field, c.entry.Before, c.entry.After = field, before, after
		c.stamp(e, medcoop.Corrected)
		return c.put(e)
	})
	if err != nil {
		return nil, fmt.Errorf("%s %s of %s: %w", op, field, id, err)
	}
	return entry, nil
}

// SetType sets the type of event id.
func (s *Store) SetType(editor, id string, t medcoop.EventType) (*LogEntry, error) {
	return s.correct(editor, OpSet, "type", id, func(e *medcoop.Event) (string, string, error) {
		if !slices.Contains(medcoop.EventTypes, t) {
			return "", "", invalid("type %q: want one of %v", t, medcoop.EventTypes)
		}
		before := string(e.Type)
		e.Type = t
		return before, string(t), nil
	})
}

// editorDate is the form of an editor's date; time.Parse then checks
// that it is a real calendar date (it alone would take a signed year).
var editorDate = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)

var dateLayouts = map[int]struct {
	layout    string
	precision medcoop.Precision
}{4: {"2006", medcoop.Year}, 7: {"2006-01", medcoop.Month}, 10: {"2006-01-02", medcoop.Day}}

// ParseDate reads an editor's date, YYYY, YYYY-MM or YYYY-MM-DD, a real
// calendar date, with the precision its form says. Its error wraps
// ErrInvalidEdit.
func ParseDate(v string) (medcoop.Date, error) {
	if editorDate.MatchString(v) {
		f := dateLayouts[len(v)]
		if _, err := time.Parse(f.layout, v); err == nil {
			return medcoop.Date{Value: v, Precision: f.precision}, nil
		}
	}
	return medcoop.Date{}, invalid("date %q: want a calendar date as YYYY, YYYY-MM or YYYY-MM-DD", v)
}

// SetDate sets the date of event id; an editor's date has no evidence.
// d must be what ParseDate makes of d.Value.
func (s *Store) SetDate(editor, id string, d medcoop.Date) (*LogEntry, error) {
	return s.correct(editor, OpSet, "date", id, func(e *medcoop.Event) (string, string, error) {
		if p, err := ParseDate(d.Value); err != nil || p.Precision != d.Precision {
			return "", "", invalid("date %q with precision %q: want a calendar date as YYYY, YYYY-MM or YYYY-MM-DD", d.Value, d.Precision)
		}
		before := dateText(e.Date)
		e.Date = &medcoop.Date{Value: d.Value, Precision: d.Precision}
		return before, dateText(e.Date), nil
	})
}

var countryRE = regexp.MustCompile(`^[A-Z]{2}$`)

// SetPlace sets the place of event id.
func (s *Store) SetPlace(editor, id string, p medcoop.Place) (*LogEntry, error) {
	return s.correct(editor, OpSet, "place", id, func(e *medcoop.Event) (string, string, error) {
		if strings.TrimSpace(p.Name) == "" || (p.Country != "" && !countryRE.MatchString(p.Country)) {
			return "", "", invalid("place %q, country %q", p.Name, p.Country)
		}
		before := placeText(e.Place)
		e.Place = &medcoop.Place{Name: strings.TrimSpace(p.Name), Country: p.Country}
		return before, placeText(e.Place), nil
	})
}

// AddParty adds p to the parties of event id; the event's countries
// become its parties' countries.
func (s *Store) AddParty(editor, id string, p medcoop.Party) (*LogEntry, error) {
	return s.correct(editor, OpAdd, "party", id, func(e *medcoop.Event) (string, string, error) {
		if p.ID == "" || p.Name == "" || (p.Country != "" && !countryRE.MatchString(p.Country)) {
			return "", "", invalid("party %+v needs an id, a name and an ISO country", p)
		}
		if slices.ContainsFunc(e.Parties, func(x medcoop.Party) bool { return x.ID == p.ID }) {
			return "", "", invalid("%s is already a party of %s", p.ID, e.ID)
		}
		if p.Kind == "" {
			p.Kind = medcoop.OtherKind
		}
		if p.Surface == nil {
			p.Surface = []string{}
		}
		e.Parties = append(e.Parties, p)
		e.Countries = partyCountries(e.Parties)
		return "", partyText(p), nil
	})
}

// RemoveParty removes the party of event id whose id, name or written
// form is value (compared folded).
func (s *Store) RemoveParty(editor, id, value string) (*LogEntry, error) {
	return s.correct(editor, OpRemove, "party", id, func(e *medcoop.Event) (string, string, error) {
		i, err := findOne(len(e.Parties), value, "party", func(i int) (string, []string) {
			p := e.Parties[i]
			return p.ID, append([]string{p.Name}, p.Surface...)
		})
		if err != nil {
			return "", "", err
		}
		gone := e.Parties[i]
		e.Parties = slices.Delete(e.Parties, i, i+1)
		e.Countries = partyCountries(e.Parties)
		for j := range e.People {
			if e.People[j].Affiliation == gone.ID {
				e.People[j].Affiliation = ""
			}
		}
		return partyText(gone), "", nil
	})
}

// AddPerson adds p to the people of event id.
func (s *Store) AddPerson(editor, id string, p medcoop.Person) (*LogEntry, error) {
	return s.correct(editor, OpAdd, "person", id, func(e *medcoop.Event) (string, string, error) {
		if strings.TrimSpace(p.Name) == "" || strings.TrimSpace(p.NameASCII) == "" {
			return "", "", invalid("person %q needs a name with a Latin form", p.Name)
		}
		if slices.ContainsFunc(e.People, func(x medcoop.Person) bool { return textnorm.Key(x.NameASCII) == textnorm.Key(p.NameASCII) }) {
			return "", "", invalid("%s is already among the people of %s", p.Name, e.ID)
		}
		e.People = append(e.People, p)
		return "", p.Name, nil
	})
}

// RemovePerson removes the person of event id whose name (or its ASCII
// or written form) is value, compared folded.
func (s *Store) RemovePerson(editor, id, value string) (*LogEntry, error) {
	return s.correct(editor, OpRemove, "person", id, func(e *medcoop.Event) (string, string, error) {
		i, err := findOne(len(e.People), value, "person", func(i int) (string, []string) {
			p := e.People[i]
			return "", []string{p.Name, p.NameASCII, p.Surface}
		})
		if err != nil {
			return "", "", err
		}
		gone := e.People[i]
		e.People = slices.Delete(e.People, i, i+1)
		return gone.Name, "", nil
	})
}

var domainCodeRE = regexp.MustCompile(`^[a-z0-9-]+$`)

// AddDomain adds d to the domains of event id.
func (s *Store) AddDomain(editor, id string, d medcoop.Domain) (*LogEntry, error) {
	return s.correct(editor, OpAdd, "domain", id, func(e *medcoop.Event) (string, string, error) {
		if !domainCodeRE.MatchString(d.Code) || d.Label == "" {
			return "", "", invalid("domain %q needs a code and a label", d.Code)
		}
		if slices.ContainsFunc(e.Domains, func(x medcoop.Domain) bool { return x.Code == d.Code }) {
			return "", "", invalid("%s is already a domain of %s", d.Code, e.ID)
		}
		e.Domains = append(e.Domains, d)
		return "", d.Code, nil
	})
}

// RemoveDomain removes the domain of event id whose code or label is value.
func (s *Store) RemoveDomain(editor, id, value string) (*LogEntry, error) {
	return s.correct(editor, OpRemove, "domain", id, func(e *medcoop.Event) (string, string, error) {
		i, err := findOne(len(e.Domains), value, "domain", func(i int) (string, []string) {
			return e.Domains[i].Code, []string{e.Domains[i].Label}
		})
		if err != nil {
			return "", "", err
		}
		gone := e.Domains[i]
		e.Domains = slices.Delete(e.Domains, i, i+1)
		return gone.Code, "", nil
	})
}

// findOne returns the one item of n whose id is value, or else whose
// folded names contain the folded value as a whole.
func findOne(n int, value, what string, keys func(i int) (id string, names []string)) (int, error) {
	key := textnorm.Key(value)
	var hits []int
	for i := range n {
		id, _ := keys(i)
		if id != "" && id == value {
			return i, nil
		}
	}
	for i := range n {
		_, names := keys(i)
		if key != "" && slices.ContainsFunc(names, func(s string) bool { return textnorm.Key(s) == key }) {
			hits = append(hits, i)
		}
	}
	switch len(hits) {
	case 0:
		return 0, invalid("no %s %q in the event", what, value)
	case 1:
		return hits[0], nil
	}
	return 0, invalid("%q names %d of the event's %s entries: give an id", value, len(hits), what)
}

// Verify marks event id right as it stands.
func (s *Store) Verify(editor, id string) (*LogEntry, error) {
	return s.setStatus(editor, OpVerify, id, medcoop.Verified)
}

// Reject marks event id as not a cooperation event. It stays stored, so
// that later crawls file their reports under it instead of making it anew.
func (s *Store) Reject(editor, id string) (*LogEntry, error) {
	return s.setStatus(editor, OpReject, id, medcoop.Rejected)
}

func (s *Store) setStatus(editor, op, id string, status medcoop.ReviewStatus) (*LogEntry, error) {
	entry, err := s.edit(editor, op, func(c *change) error {
		e, err := mustGetEvent(c.tx, id)
		if err != nil {
			return err
		}
		c.touch(id)
		c.entry.Field, c.entry.Before, c.entry.After = "status", string(e.Status()), string(status)
		c.stamp(e, status)
		return c.put(e)
	})
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", op, id, err)
	}
	return entry, nil
}

// MergeEvents joins the events others into the event keep: keep gains
// their sources (and their pages' reports), parties, people, domains and
// countries, and they are deleted. keep is marked corrected. The type,
// date and place are an editor's where one has reviewed them: keep's own
// when keep is reviewed, else those of the first reviewed other; when none
// is reviewed, keep's, with the most precise date (medcoop.Event.Merge).
func (s *Store) MergeEvents(editor, keep string, others ...string) (*LogEntry, error) {
	entry, err := s.edit(editor, OpMerge, func(c *change) error {
		if len(others) == 0 {
			return invalid("merge needs at least two events")
		}
		all := append([]string{keep}, others...)
		if len(slices.Compact(slices.Sorted(slices.Values(all)))) != len(all) {
			return invalid("an event is named twice in %v", all)
		}
		k, err := mustGetEvent(c.tx, keep)
		if err != nil {
			return err
		}
		var gone []*medcoop.Event
		for _, id := range others {
			o, err := mustGetEvent(c.tx, id)
			if err != nil {
				return err
			}
			gone = append(gone, o)
		}
		for _, id := range all {
			c.touch(id)
		}
		merged, err := cloneEvent(k)
		if err != nil {
			return err
		}
		merged.Review = nil // so that Merge unions the lists
		// single is the event whose type, date and place the merged one keeps.
		single := k
		if !k.Reviewed() {
			single = nil
			if i := slices.IndexFunc(gone, (*medcoop.Event).Reviewed); i >= 0 {
				single = gone[i]
			}
		}
		for _, o := range gone {
			for _, src := range o.Sources {
				if err := c.relabel(src.URL, o.ID, keep); err != nil {
					return err
				}
			}
			from, err := cloneEvent(o)
			if err != nil {
				return err
			}
			stripEvidence(from) // it cites the text of another page than keep's first source
			merged.Merge(from)
			if err := c.remove(o.ID); err != nil {
				return err
			}
		}
		if single != nil {
			keepSingleValues(merged, single, single == k)
		}
		c.entry.Field, c.entry.Before, c.entry.After = "sources", strings.Join(all, " + "), keep
		c.stamp(merged, medcoop.Corrected)
		return c.put(merged)
	})
	if err != nil {
		return nil, fmt.Errorf("merge %s: %w", keep, err)
	}
	return entry, nil
}

// keepSingleValues gives merged the type, date and place of the reviewed
// event from: all three when from is the event merged was made from (own),
// else its type and the date and place it has.
func keepSingleValues(merged, from *medcoop.Event, own bool) {
	merged.Type = from.Type
	if own {
		merged.Date, merged.Place = from.Date, from.Place
		return
	}
	if from.Date != nil {
		d := *from.Date
		d.Evidence = nil // it cites from's first page, not merged's
		merged.Date = &d
	}
	if from.Place != nil {
		merged.Place = from.Place
	}
}

// SplitEvent takes the sources urls out of event id into a new event made
// from their reports, with a new stable ID. Both are marked corrected; an
// unreviewed event is first rebuilt from the reports of the sources it
// keeps. The new event's ID is the last of the entry's EventIDs.
func (s *Store) SplitEvent(editor, id string, urls ...string) (*LogEntry, error) {
	entry, err := s.edit(editor, OpSplit, func(c *change) error {
		e, err := mustGetEvent(c.tx, id)
		if err != nil {
			return err
		}
		if len(urls) == 0 {
			return invalid("split needs the URL of at least one source")
		}
		for _, u := range urls {
			if !slices.ContainsFunc(e.Sources, func(s medcoop.Source) bool { return s.URL == u }) {
				return invalid("%s is not a source of %s", u, id)
			}
		}
		if len(slices.Compact(slices.Sorted(slices.Values(urls)))) >= len(e.Sources) {
			return invalid("splitting every source of %s leaves it empty", id)
		}
		c.touch(id)
		var moved []medcoop.Source
		for _, src := range e.Sources {
			if slices.Contains(urls, src.URL) {
				moved = append(moved, src)
			}
		}
		// The new event is what the moved pages reported under id.
		part := &medcoop.Event{ID: id, Sources: moved}
		out, err := rebuild(c.tx, part)
		if err != nil {
			return err
		}
		if out == part { // rebuild found no report to build from
			return invalid("no page among %v reported %s: nothing to build a new event from", urls, id)
		}
		out.ID = ""
		if out.ID, err = newEventID(c.tx, out); err != nil {
			return err
		}
		c.touch(out.ID)
		c.entry.Field = "sources"
		c.entry.Before = id + ": " + strings.Join(urlsOf(e.Sources), " ")
		c.entry.After = out.ID + ": " + strings.Join(urlsOf(moved), " ")
		for _, src := range moved {
			removeSource(e, src.URL)
			if err := c.relabel(src.URL, id, out.ID); err != nil {
				return err
			}
		}
		if !e.Reviewed() {
			// Its values came from every source: read them again from those it keeps.
			if e, err = rebuild(c.tx, e); err != nil {
				return err
			}
		}
		c.stamp(e, medcoop.Corrected)
		c.stamp(out, medcoop.Corrected)
		if err := c.put(e); err != nil {
			return err
		}
		return c.put(out)
	})
	if err != nil {
		return nil, fmt.Errorf("split %s: %w", id, err)
	}
	return entry, nil
}

func urlsOf(sources []medcoop.Source) []string {
	out := make([]string, len(sources))
	for i, s := range sources {
		out[i] = s.URL
	}
	return out
}

// absent tells a snapshot of an event that was not stored.
func absent(raw json.RawMessage) bool {
	return len(raw) == 0 || string(raw) == "null"
}

// Undo takes back the last change not yet taken back (of event id when id
// is not empty): every event it touched gets its exact stored JSON from
// before the change back, the page reports it moved go back, pages' links
// follow, and the undo is logged. It is refused (ErrInvalidEdit) when a
// later change touched the same events (that one must be undone first), or
// when an event or page it touched changed since: a crawl or an ingest
// that added a source there would lose it.
func (s *Store) Undo(editor, id string) (*LogEntry, error) {
	entry, err := s.undo(editor, func(tx *bolt.Tx, log []LogEntry) (int, error) {
		for i := len(log) - 1; i >= 0; i-- {
			e := log[i]
			if e.Op == OpUndo || e.UndoneBy != 0 || (id != "" && !slices.Contains(e.EventIDs, id)) {
				continue
			}
			return i, nil
		}
		if id == "" {
			return 0, ErrNothingToUndo
		}
		if ev, err := getEvent(tx, id); err == nil && ev == nil && !slices.ContainsFunc(log, func(e LogEntry) bool { return slices.Contains(e.EventIDs, id) }) {
			return 0, fmt.Errorf("no event %q: %w", id, ErrNotFound)
		}
		return 0, fmt.Errorf("%w for %s", ErrNothingToUndo, id)
	})
	if err != nil {
		if id != "" {
			return nil, fmt.Errorf("undo %s: %w", id, err)
		}
		return nil, fmt.Errorf("undo: %w", err)
	}
	return entry, nil
}

// UndoChange takes back the change numbered seq, as Undo does: an editor
// takes back their own last change, not whoever's came last.
func (s *Store) UndoChange(editor string, seq uint64) (*LogEntry, error) {
	entry, err := s.undo(editor, func(_ *bolt.Tx, log []LogEntry) (int, error) {
		i := slices.IndexFunc(log, func(e LogEntry) bool { return e.Seq == seq })
		switch {
		case i < 0:
			return 0, fmt.Errorf("no change #%d: %w", seq, ErrNotFound)
		case log[i].Op == OpUndo:
			return 0, invalid("change #%d is an undo", seq)
		case log[i].UndoneBy != 0:
			return 0, fmt.Errorf("%w: change #%d was taken back by #%d", ErrNothingToUndo, seq, log[i].UndoneBy)
		}
		return i, nil
	})
	if err != nil {
		return nil, fmt.Errorf("undo #%d: %w", seq, err)
	}
	return entry, nil
}

// undo takes back the change of the log that pick chooses.
func (s *Store) undo(editor string, pick func(tx *bolt.Tx, log []LogEntry) (int, error)) (*LogEntry, error) {
	return s.edit(editor, OpUndo, func(c *change) error {
		log, err := readLog(c.tx, "")
		if err != nil {
			return err
		}
		target, err := pick(c.tx, log)
		if err != nil {
			return err
		}
		t := log[target]
		for _, later := range log[target+1:] {
			if later.Op == OpUndo || later.UndoneBy != 0 {
				continue
			}
			for _, eid := range later.EventIDs {
				if slices.Contains(t.EventIDs, eid) {
					return invalid("change #%d (%s of %s) came after #%d on %s: undo it first", later.Seq, later.Op, strings.Join(later.EventIDs, ", "), t.Seq, eid)
				}
			}
		}
		// Writing the before-images back over anything newer would drop it.
		for _, snap := range t.Snapshots {
			now := rawEvent(c.tx, snap.ID)
			if !bytes.Equal(now, snap.After) && !(absent(now) && absent(snap.After)) {
				return invalid("event %s changed since change #%d (a crawl or ingest added or updated a source): undo refused", snap.ID, t.Seq)
			}
		}
		for _, snap := range t.Snapshots {
			c.touch(snap.ID)
		}
		for i := len(t.Relabels) - 1; i >= 0; i-- {
			if err := c.unrelabel(t.Relabels[i], t.Seq); err != nil {
				return err
			}
		}
		// Deletions first, then restorations: a page's links end as the
		// restored events' sources say.
		for _, snap := range t.Snapshots {
			if absent(snap.Before) {
				if err := c.remove(snap.ID); err != nil {
					return err
				}
			}
		}
		for _, snap := range t.Snapshots {
			if absent(snap.Before) {
				continue
			}
			var ev medcoop.Event
			if err := json.Unmarshal(snap.Before, &ev); err != nil {
				return fmt.Errorf("decode snapshot of %s in change #%d: %w", snap.ID, t.Seq, err)
			}
			if err := c.put(&ev); err != nil {
				return err
			}
			// The exact bytes, not a re-encoding of them.
			if err := c.tx.Bucket(bucketEvents).Put([]byte(snap.ID), bytes.Clone(snap.Before)); err != nil {
				return fmt.Errorf("put %s: %w", snap.ID, err)
			}
		}
		c.entry.Undoes = t.Seq
		c.entry.Field = t.Field
		c.entry.Before = t.After
		c.entry.After = t.Before
		return c.markUndone(t)
	})
}

// markUndone records, in entry t, that the undo being committed took it
// back. The undo's sequence number is the bucket's next one.
func (c *change) markUndone(t LogEntry) error {
	b, err := c.tx.CreateBucketIfNotExists(bucketReviewLog)
	if err != nil {
		return fmt.Errorf("create bucket %s: %w", bucketReviewLog, err)
	}
	t.UndoneBy = b.Sequence() + 1
	return putJSONKey(b, logKey(t.Seq), &t)
}

func putJSONKey(b *bolt.Bucket, key []byte, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %x: %w", key, err)
	}
	return b.Put(key, raw)
}

func partyCountries(ps []medcoop.Party) []string {
	out := []string{}
	for _, p := range ps {
		if p.Country != "" && !slices.Contains(out, p.Country) {
			out = append(out, p.Country)
		}
	}
	slices.Sort(out)
	return out
}

func dateText(d *medcoop.Date) string {
	if d == nil {
		return ""
	}
	return d.Value + " (" + string(d.Precision) + ")"
}

func placeText(p *medcoop.Place) string {
	if p == nil {
		return ""
	}
	if p.Country == "" {
		return p.Name
	}
	return p.Name + ", " + p.Country
}

func partyText(p medcoop.Party) string {
	return p.Name + " [" + p.ID + "]"
}
