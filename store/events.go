package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/medcoop/medcoop"
	"github.com/medcoop/medcoop/extract/textnorm"
)

// Event returns the stored event id, or an error wrapping ErrNotFound.
func (s *Store) Event(id string) (*medcoop.Event, error) {
	var ev *medcoop.Event
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		ev, err = getEvent(tx, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("event %s: %w", id, err)
	}
	if ev == nil {
		return nil, fmt.Errorf("event %s: %w", id, ErrNotFound)
	}
	return ev, nil
}

// PutEvent stores e as it is, replacing the event with its ID: it is how an
// editor's change is saved. The party index follows, and so do the pages'
// lists of events: a page e newly lists as a source reports e, a page e no
// longer lists does not.
func (s *Store) PutEvent(e *medcoop.Event) error {
	if e == nil || e.ID == "" {
		return errors.New("put event: the event has no ID")
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		old, err := getEvent(tx, e.ID)
		if err != nil {
			return err
		}
		var before []medcoop.Source
		if old != nil {
			before = old.Sources
		}
		if err := relinkPages(tx, e.ID, before, e.Sources); err != nil {
			return err
		}
		return putEvent(tx, e)
	})
	if err != nil {
		return fmt.Errorf("put event %s: %w", e.ID, err)
	}
	return nil
}

// DeleteEvent removes the event id, its index entries and the pages' links
// to it. Deleting an event that is not stored is not an error.
func (s *Store) DeleteEvent(id string) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		old, err := getEvent(tx, id)
		if err != nil || old == nil {
			return err
		}
		if err := relinkPages(tx, id, old.Sources, nil); err != nil {
			return err
		}
		return deleteEvent(tx, id)
	})
	if err != nil {
		return fmt.Errorf("delete event %s: %w", id, err)
	}
	return nil
}

// relinkPages keeps the pages' EventIDs in step with the sources of event id.
func relinkPages(tx *bolt.Tx, id string, before, after []medcoop.Source) error {
	has := func(ss []medcoop.Source, url string) bool {
		return slices.ContainsFunc(ss, func(s medcoop.Source) bool { return s.URL == url })
	}
	update := func(url string, link bool) error {
		page, err := getPage(tx, url)
		if err != nil || page == nil {
			return err
		}
		i, found := slices.BinarySearch(page.EventIDs, id)
		switch {
		case link && !found:
			page.EventIDs = slices.Insert(page.EventIDs, i, id)
		case !link && found:
			page.EventIDs = slices.Delete(page.EventIDs, i, i+1)
		default:
			return nil
		}
		return putJSON(tx.Bucket(bucketPages), url, page)
	}
	for _, s := range before {
		if !has(after, s.URL) {
			if err := update(s.URL, false); err != nil {
				return err
			}
		}
	}
	for _, s := range after {
		if !has(before, s.URL) {
			if err := update(s.URL, true); err != nil {
				return err
			}
		}
	}
	return nil
}

func getEvent(tx *bolt.Tx, id string) (*medcoop.Event, error) {
	raw := tx.Bucket(bucketEvents).Get([]byte(id))
	if raw == nil {
		return nil, nil
	}
	var e medcoop.Event
	if err := json.Unmarshal(raw, &e); err != nil {
		return nil, fmt.Errorf("decode event %s: %w", id, err)
	}
	return &e, nil
}

func indexKey(partyID, eventID string) []byte {
	return []byte(partyID + "\x00" + eventID)
}

// putEvent writes e and moves its party index entries from the parties of
// the stored version to its own.
func putEvent(tx *bolt.Tx, e *medcoop.Event) error {
	old, err := getEvent(tx, e.ID)
	if err != nil {
		return err
	}
	idx := tx.Bucket(bucketPartyIndex)
	newIDs := e.PartyIDs()
	if old != nil {
		for _, p := range old.PartyIDs() {
			if !slices.Contains(newIDs, p) {
				if err := idx.Delete(indexKey(p, e.ID)); err != nil {
					return fmt.Errorf("unindex %s: %w", e.ID, err)
				}
			}
		}
	}
	for _, p := range newIDs {
		if p == "" {
			continue
		}
		if err := idx.Put(indexKey(p, e.ID), nil); err != nil {
			return fmt.Errorf("index %s: %w", e.ID, err)
		}
	}
	return putJSON(tx.Bucket(bucketEvents), e.ID, e)
}

func deleteEvent(tx *bolt.Tx, id string) error {
	old, err := getEvent(tx, id)
	if err != nil || old == nil {
		return err
	}
	idx := tx.Bucket(bucketPartyIndex)
	for _, p := range old.PartyIDs() {
		if err := idx.Delete(indexKey(p, id)); err != nil {
			return fmt.Errorf("unindex %s: %w", id, err)
		}
	}
	return tx.Bucket(bucketEvents).Delete([]byte(id))
}

// eventsOfParty returns the IDs of the events naming the party partyID.
func eventsOfParty(tx *bolt.Tx, partyID string) ([]string, error) {
	if partyID == "" {
		return nil, nil
	}
	prefix := []byte(partyID + "\x00")
	var ids []string
	c := tx.Bucket(bucketPartyIndex).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		ids = append(ids, string(k[len(prefix):]))
	}
	return ids, nil
}

// Filter selects events. Every non-empty field must match; the zero Filter
// selects every event.
type Filter struct {
	// Party is a party ID, or part of a party's name or of one of its
	// spellings, compared folded (case, diacritics and punctuation ignored).
	Party string
	// Country is an ISO 3166-1 alpha-2 code: one of the event's countries
	// or the country of one of its parties.
	Country string
	// Domain is a domain code.
	Domain string
	// Person is part of a person's name, compared folded: "Le Ngoc Thanh"
	// finds "Lê Ngọc Thành".
	Person string
	// Type is an event type.
	Type string
	// Lang is the language of one of the event's sources.
	Lang string
	// Status is a review status; an event never reviewed is "unreviewed".
	// Empty selects every event but the rejected ones: an editor said they
	// are not cooperation events.
	Status string
	// Q is free text: every word must occur, folded, in the event's party
	// names, people, place, domains or source titles.
	Q string
	// From and To (YYYY, YYYY-MM or YYYY-MM-DD, inclusive) bound the event
	// date; an event without a date is left out when either is given.
	From, To string
}

var dateFilterRE = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)

// ValidDateBound reports whether v is a date bound a Filter takes: YYYY,
// YYYY-MM or YYYY-MM-DD (day 1–31 of any month: a bound, not a calendar date).
func ValidDateBound(v string) bool { return dateFilterRE.MatchString(v) }

// dateBounds returns the first and last day a date value may denote, as
// YYYY-MM-DD strings that compare in date order.
func dateBounds(v string) (lo, hi string, ok bool) {
	switch len(v) {
	case 4:
		return v + "-01-01", v + "-12-31", true
	case 7:
		return v + "-01", v + "-31", true
	case 10:
		return v, v, true
	}
	return "", "", false
}

// compiledFilter is a Filter with its texts folded once.
type compiledFilter struct {
	Filter
	party, person string
	words         []string
	from, to      string
}

func compileFilter(f Filter) (*compiledFilter, error) {
	c := &compiledFilter{Filter: f}
	c.party = textnorm.Key(f.Party)
	c.person = textnorm.Key(f.Person)
	c.words = strings.Fields(textnorm.Key(f.Q))
	if f.From != "" {
		if !ValidDateBound(f.From) {
			return nil, fmt.Errorf("filter from %q: want YYYY, YYYY-MM or YYYY-MM-DD", f.From)
		}
		c.from, _, _ = dateBounds(f.From)
	}
	if f.To != "" {
		if !ValidDateBound(f.To) {
			return nil, fmt.Errorf("filter to %q: want YYYY, YYYY-MM or YYYY-MM-DD", f.To)
		}
		_, c.to, _ = dateBounds(f.To)
	}
	return c, nil
}

func containsFolded(s, key string) bool {
	return key != "" && strings.Contains(textnorm.Key(s), key)
}

func (c *compiledFilter) match(e *medcoop.Event) bool {
	if c.Type != "" && string(e.Type) != c.Type {
		return false
	}
	status := e.Status()
	if (c.Status != "" && string(status) != c.Status) || (c.Status == "" && status == medcoop.Rejected) {
		return false
	}
	if c.Lang != "" && !slices.ContainsFunc(e.Sources, func(s medcoop.Source) bool { return strings.EqualFold(s.Lang, c.Lang) }) {
		return false
	}
	if c.Domain != "" && !slices.ContainsFunc(e.Domains, func(d medcoop.Domain) bool { return strings.EqualFold(d.Code, c.Domain) }) {
		return false
	}
	if c.Country != "" &&
		!slices.ContainsFunc(e.Countries, func(cc string) bool { return strings.EqualFold(cc, c.Country) }) &&
		!slices.ContainsFunc(e.Parties, func(p medcoop.Party) bool { return strings.EqualFold(p.Country, c.Country) }) {
		return false
	}
	if c.Party != "" && !slices.ContainsFunc(e.Parties, c.matchParty) {
		return false
	}
	if c.Person != "" && !slices.ContainsFunc(e.People, func(p medcoop.Person) bool {
		return containsFolded(p.Name, c.person) || containsFolded(p.NameASCII, c.person) || containsFolded(p.Surface, c.person)
	}) {
		return false
	}
	if c.from != "" || c.to != "" {
		if e.Date == nil {
			return false
		}
		lo, hi, ok := dateBounds(e.Date.Value)
		if !ok || (c.from != "" && hi < c.from) || (c.to != "" && lo > c.to) {
			return false
		}
	}
	if len(c.words) > 0 {
		hay := haystack(e)
		for _, w := range c.words {
			if !strings.Contains(hay, w) {
				return false
			}
		}
	}
	return true
}

func (c *compiledFilter) matchParty(p medcoop.Party) bool {
	if p.ID == c.Party {
		return true
	}
	if containsFolded(p.Name, c.party) {
		return true
	}
	return slices.ContainsFunc(p.Surface, func(s string) bool { return containsFolded(s, c.party) })
}

// haystack is the folded text free-text search looks in.
func haystack(e *medcoop.Event) string {
	var parts []string
	for _, p := range e.Parties {
		parts = append(parts, p.Name)
		parts = append(parts, p.Surface...)
	}
	for _, p := range e.People {
		parts = append(parts, p.Name, p.NameASCII, p.Surface)
	}
	if e.Place != nil {
		parts = append(parts, e.Place.Name)
	}
	for _, d := range e.Domains {
		parts = append(parts, d.Code, d.Label)
		parts = append(parts, d.Surface...)
	}
	for _, s := range e.Sources {
		parts = append(parts, s.Title)
	}
	return textnorm.Key(strings.Join(parts, " | "))
}

// Events returns the events f selects, latest date first (events without a
// date last), then by ID.
func (s *Store) Events(f Filter) ([]medcoop.Event, error) {
	cf, err := compileFilter(f)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	out := []medcoop.Event{}
	err = s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketEvents).ForEach(func(k, v []byte) error {
			var e medcoop.Event
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("decode event %s: %w", k, err)
			}
			if cf.match(&e) {
				out = append(out, e)
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	sortEvents(out)
	return out, nil
}

func sortEvents(es []medcoop.Event) {
	key := func(e *medcoop.Event) string {
		if e.Date == nil {
			return ""
		}
		lo, _, ok := dateBounds(e.Date.Value)
		if !ok {
			return e.Date.Value
		}
		return lo
	}
	slices.SortStableFunc(es, func(a, b medcoop.Event) int {
		if c := strings.Compare(key(&b), key(&a)); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}
