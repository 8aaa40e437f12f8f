package store

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/medcoop/medcoop"
	"github.com/medcoop/medcoop/extract"
)

// The fixture pages the review tests extract: the French and English
// reports of the Chợ Rẫy–Bordeaux renewal, and an unrelated research project.
const (
	pageChoRayFR  = "../fixtures/sites/courrier-vn/sante/cho-ray-et-le-chu-de-bordeaux-renouvellent-leur-partenariat.html"
	pageChoRayEN  = "../fixtures/sites/vn-health-en/health/cho-ray-bordeaux-renew-cooperation.html"
	pageTropical  = "../fixtures/sites/vn-health-en/health/tropical-diseases-hospital-montpellier-antimicrobial-resistance-study.html"
	urlChoRayFR   = "https://courrier.example/sante/cho-ray-bordeaux"
	urlChoRayEN   = "https://health.example/health/cho-ray-bordeaux"
	urlTropicalEN = "https://health.example/health/tropical-diseases-montpellier"
)

var (
	extractOnce sync.Once
	extracted   map[string]*medcoop.Document
	extractErr  error
)

// extractedDocs extracts the fixture pages once, for real.
func extractedDocs(t testing.TB) map[string]*medcoop.Document {
	t.Helper()
	extractOnce.Do(func() {
		extracted = map[string]*medcoop.Document{}
		for url, path := range map[string]string{urlChoRayFR: pageChoRayFR, urlChoRayEN: pageChoRayEN, urlTropicalEN: pageTropical} {
			body, err := os.ReadFile(path)
			if err != nil {
				extractErr = err
				return
			}
			doc, err := extract.Document(extract.Input{Body: body, URL: url})
			if err != nil {
				extractErr = err
				return
			}
			extracted[url] = doc
		}
	})
	if extractErr != nil {
		t.Fatal(extractErr)
	}
	out := map[string]*medcoop.Document{}
	for url, doc := range extracted {
		c := *doc
		evs, err := cloneEvents(doc.Events)
		if err != nil {
			t.Fatal(err)
		}
		c.Events = evs
		out[url] = &c
	}
	return out
}

// reviewStore is a store holding the three extracted pages, and the ids of
// the renewal (two sources) and of the research project (one).
func reviewStore(t *testing.T) (s *Store, renewal, research string) {
	t.Helper()
	s = openTemp(t)
	docs := extractedDocs(t)
	for _, url := range []string{urlChoRayFR, urlChoRayEN, urlTropicalEN} {
		if len(docs[url].Events) != 1 {
			t.Fatalf("%s: extraction gave %d events, want 1", url, len(docs[url].Events))
		}
		mustSave(t, s, docs[url])
	}
	for _, e := range allEvents(t, s) {
		switch len(e.Sources) {
		case 2:
			renewal = e.ID
		case 1:
			research = e.ID
		}
	}
	if renewal == "" || research == "" {
		t.Fatalf("want the renewal with two sources and the research with one: %s", dump(t, s))
	}
	return s, renewal, research
}

// rawState is the events and pages buckets, byte for byte.
func rawState(t testing.TB, s *Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := s.db.View(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketEvents, bucketPages, bucketPartyIndex} {
			if err := tx.Bucket(b).ForEach(func(k, v []byte) error {
				out[string(b)+"/"+string(k)] = string(v)
				return nil
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sameState reports the keys whose values differ between two states.
func sameState(t *testing.T, what string, want, got map[string]string) {
	t.Helper()
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %s differs:\nwant %s\ngot  %s", what, k, v, got[k])
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: %s should not be stored", what, k)
		}
	}
}

func mustEvent(t testing.TB, s *Store, id string) *medcoop.Event {
	t.Helper()
	e, err := s.Event(id)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func lastLog(t testing.TB, s *Store) LogEntry {
	t.Helper()
	log, err := s.ReviewLog("")
	if err != nil || len(log) == 0 {
		t.Fatalf("review log: %v (%d entries)", err, len(log))
	}
	return log[len(log)-1]
}

// TestReviewEditsRoundTrip makes each correction on a real extracted
// event: the field changes, the event is marked with the editor, the log
// says from what to what, and undo restores every byte.
func TestReviewEditsRoundTrip(t *testing.T) {
	party := medcoop.Party{ID: "fr-chu-nantes", Name: "CHU Nantes", Country: "FR", Kind: medcoop.Hospital, Surface: []string{}}
	tests := []struct {
		name          string
		do            func(s *Store, id string) (*LogEntry, error)
		check         func(e *medcoop.Event) bool
		status        medcoop.ReviewStatus
		before, after string
	}{
		{"set type", func(s *Store, id string) (*LogEntry, error) { return s.SetType("ana", id, medcoop.ExchangeProgramme) },
			func(e *medcoop.Event) bool { return e.Type == medcoop.ExchangeProgramme }, medcoop.Corrected, "partnership_renewed", "exchange_programme"},
		{"set date", func(s *Store, id string) (*LogEntry, error) {
			return s.SetDate("ana", id, medcoop.Date{Value: "2025-10", Precision: medcoop.Month})
		}, func(e *medcoop.Event) bool { return e.Date.Value == "2025-10" && e.Date.Evidence == nil }, medcoop.Corrected, "2025-10-23 (day)", "2025-10 (month)"},
		{"set place", func(s *Store, id string) (*LogEntry, error) {
			return s.SetPlace("ana", id, medcoop.Place{Name: "Ho Chi Minh City", Country: "VN"})
		}, func(e *medcoop.Event) bool { return e.Place.Name == "Ho Chi Minh City" }, medcoop.Corrected, "Bordeaux, FR", "Ho Chi Minh City, VN"},
		{"add party", func(s *Store, id string) (*LogEntry, error) { return s.AddParty("ana", id, party) },
			func(e *medcoop.Event) bool {
				return len(e.Parties) == 3 && slices.Equal(e.Countries, []string{"FR", "VN"})
			},
			medcoop.Corrected, "", "CHU Nantes [fr-chu-nantes]"},
		{"remove party by spelling", func(s *Store, id string) (*LogEntry, error) { return s.RemoveParty("ana", id, "hopital Cho Ray") },
			func(e *medcoop.Event) bool {
				return len(e.Parties) == 1 && slices.Equal(e.Countries, []string{"FR"}) &&
					!slices.ContainsFunc(e.People, func(p medcoop.Person) bool { return p.Affiliation == "vn-cho-ray" })
			}, medcoop.Corrected, "Cho Ray Hospital [vn-cho-ray]", ""},
		{"add person", func(s *Store, id string) (*LogEntry, error) {
			return s.AddPerson("ana", id, medcoop.Person{Name: "Lê Văn Tám", NameASCII: "Le Van Tam"})
		}, func(e *medcoop.Event) bool { return len(e.People) == 4 }, medcoop.Corrected, "", "Lê Văn Tám"},
		{"remove person by ascii name", func(s *Store, id string) (*LogEntry, error) { return s.RemovePerson("ana", id, "truong quang vinh") },
			func(e *medcoop.Event) bool { return len(e.People) == 2 }, medcoop.Corrected, "Trương Quang Vinh", ""},
		{"add domain", func(s *Store, id string) (*LogEntry, error) {
			return s.AddDomain("ana", id, medcoop.Domain{Code: "cardiology", Label: "cardiology"})
		}, func(e *medcoop.Event) bool {
			return slices.ContainsFunc(e.Domains, func(d medcoop.Domain) bool { return d.Code == "cardiology" })
		},
			medcoop.Corrected, "", "cardiology"},
		{"remove domain", func(s *Store, id string) (*LogEntry, error) { return s.RemoveDomain("ana", id, "nursing") },
			func(e *medcoop.Event) bool {
				return !slices.ContainsFunc(e.Domains, func(d medcoop.Domain) bool { return d.Code == "nursing" })
			},
			medcoop.Corrected, "nursing", ""},
		{"verify", func(s *Store, id string) (*LogEntry, error) { return s.Verify("ana", id) },
			func(e *medcoop.Event) bool { return e.Type == medcoop.PartnershipRenewed }, medcoop.Verified, "unreviewed", "verified"},
		{"reject", func(s *Store, id string) (*LogEntry, error) { return s.Reject("ana", id) },
			func(e *medcoop.Event) bool { return true }, medcoop.Rejected, "unreviewed", "rejected"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, id, _ := reviewStore(t)
			before := rawState(t, s)
			entry, err := tt.do(s, id)
			if err != nil {
				t.Fatal(err)
			}
			checkConsistent(t, s)
			e := mustEvent(t, s, id)
			if !tt.check(e) {
				t.Errorf("the change did not happen: %+v", e)
			}
			if e.Review == nil || e.Review.Status != tt.status || e.Review.By == nil || *e.Review.By != "ana" || e.Review.At == nil {
				t.Errorf("review %+v, want %s by ana, with a time", e.Review, tt.status)
			} else if _, err := time.Parse(time.RFC3339, *e.Review.At); err != nil {
				t.Errorf("review time %q: %v", *e.Review.At, err)
			}
			if entry.Before != tt.before || entry.After != tt.after || entry.Editor != "ana" || !slices.Equal(entry.EventIDs, []string{id}) {
				t.Errorf("log entry %q → %q by %s on %v, want %q → %q by ana on %s", entry.Before, entry.After, entry.Editor, entry.EventIDs, tt.before, tt.after, id)
			}
			if got := lastLog(t, s); got.Seq != entry.Seq || got.Before != entry.Before || len(got.Snapshots) != 1 {
				t.Errorf("stored log entry %+v, want %+v", got, entry)
			}
			undo, err := s.Undo("bo", id)
			if err != nil {
				t.Fatal(err)
			}
			checkConsistent(t, s)
			sameState(t, "after undo", before, rawState(t, s))
			if undo.Undoes != entry.Seq || undo.Before != entry.After || undo.After != entry.Before || undo.Editor != "bo" {
				t.Errorf("undo entry %+v does not take back #%d", undo, entry.Seq)
			}
			if _, err := s.Undo("bo", id); !errors.Is(err, ErrNothingToUndo) {
				t.Errorf("a second undo: %v, want ErrNothingToUndo", err)
			}
		})
	}
}

// TestReviewBadEdits checks that an unknown event or an impossible value
// fails and changes nothing.
func TestReviewBadEdits(t *testing.T) {
	s, id, other := reviewStore(t)
	before := rawState(t, s)
	tests := []struct {
		name string
		do   func() (*LogEntry, error)
		want error
	}{
		{"unknown event", func() (*LogEntry, error) { return s.SetType("ana", "ev-nope", medcoop.MOUSigned) }, ErrNotFound},
		{"bad type", func() (*LogEntry, error) { return s.SetType("ana", id, "signing") }, ErrInvalidEdit},
		{"date of the wrong precision", func() (*LogEntry, error) {
			return s.SetDate("ana", id, medcoop.Date{Value: "2025-10", Precision: medcoop.Day})
		}, ErrInvalidEdit},
		{"date not in the calendar", func() (*LogEntry, error) {
			return s.SetDate("ana", id, medcoop.Date{Value: "2025-13-45", Precision: medcoop.Day})
		}, ErrInvalidEdit},
		{"party already there", func() (*LogEntry, error) {
			return s.AddParty("ana", id, medcoop.Party{ID: "vn-cho-ray", Name: "Cho Ray Hospital", Kind: medcoop.Hospital})
		}, ErrInvalidEdit},
		{"no such party", func() (*LogEntry, error) { return s.RemoveParty("ana", id, "Mayo Clinic") }, ErrInvalidEdit},
		{"no such domain", func() (*LogEntry, error) { return s.RemoveDomain("ana", id, "dentistry") }, ErrInvalidEdit},
		{"merge of an unknown event", func() (*LogEntry, error) { return s.MergeEvents("ana", id, other, "ev-nope") }, ErrNotFound},
		{"merge with itself", func() (*LogEntry, error) { return s.MergeEvents("ana", id, id) }, ErrInvalidEdit},
		{"split of a URL that is not a source", func() (*LogEntry, error) { return s.SplitEvent("ana", id, urlTropicalEN) }, ErrInvalidEdit},
		{"split of every source", func() (*LogEntry, error) { return s.SplitEvent("ana", id, urlChoRayFR, urlChoRayEN) }, ErrInvalidEdit},
		{"undo with an empty log", func() (*LogEntry, error) { return s.Undo("ana", "") }, ErrNothingToUndo},
		{"undo of an unknown event", func() (*LogEntry, error) { return s.Undo("ana", "ev-nope") }, ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := tt.do(); !errors.Is(err, tt.want) {
				t.Errorf("error %v, want %v", err, tt.want)
			}
			sameState(t, "after a refused change", before, rawState(t, s))
			if log, _ := s.ReviewLog(""); len(log) != 0 {
				t.Errorf("a refused change was logged: %+v", log)
			}
		})
	}
}

// TestReviewMergeSplitUndo merges the research project into the renewal,
// splits it out again, and undoes both: pages follow each step, and each
// undo restores the events and pages byte for byte.
func TestReviewMergeSplitUndo(t *testing.T) {
	s, keep, other := reviewStore(t)
	original := rawState(t, s)
	entry, err := s.MergeEvents("ana", keep, other)
	if err != nil {
		t.Fatal(err)
	}
	checkConsistent(t, s)
	if _, err := s.Event(other); !errors.Is(err, ErrNotFound) {
		t.Errorf("the merged event is still stored: %v", err)
	}
	merged := mustEvent(t, s, keep)
	if len(merged.Sources) != 3 || len(merged.Parties) != 4 || merged.Review.Status != medcoop.Corrected {
		t.Errorf("merged event: %d sources, %d parties, %+v", len(merged.Sources), len(merged.Parties), merged.Review)
	}
	page, _, _ := s.Page(urlTropicalEN)
	if !slices.Equal(page.EventIDs, []string{keep}) || page.Reports[0].ID != keep {
		t.Errorf("the research page points at %v (report %s), want %s", page.EventIDs, page.Reports[0].ID, keep)
	}
	if !slices.Equal(entry.EventIDs, []string{keep, other}) || len(entry.Snapshots) != 2 || !absent(entry.Snapshots[1].After) {
		t.Errorf("merge entry %+v", entry)
	}
	afterMerge := rawState(t, s)

	split, err := s.SplitEvent("bo", keep, urlTropicalEN)
	if err != nil {
		t.Fatal(err)
	}
	checkConsistent(t, s)
	newID := split.EventIDs[len(split.EventIDs)-1]
	page, _, _ = s.Page(urlTropicalEN)
	if !slices.Equal(page.EventIDs, []string{newID}) || page.Reports[0].ID != newID {
		t.Errorf("the split page points at %v, want the new event %s", page.EventIDs, newID)
	}
	out := mustEvent(t, s, newID)
	if out.Type != medcoop.JointResearch || len(out.Sources) != 1 || out.Review.Status != medcoop.Corrected || *out.Review.By != "bo" {
		t.Errorf("split-out event: %+v", out)
	}
	left := mustEvent(t, s, keep)
	if len(left.Sources) != 2 || left.Review.Status != medcoop.Corrected {
		t.Errorf("event left after the split: %+v", left)
	}

	if _, err := s.Undo("bo", ""); err != nil {
		t.Fatal(err)
	}
	checkConsistent(t, s)
	sameState(t, "after undoing the split", afterMerge, rawState(t, s))
	if _, err := s.Undo("bo", other); err != nil { // the merge, found by the event it deleted
		t.Fatal(err)
	}
	checkConsistent(t, s)
	sameState(t, "after undoing the merge", original, rawState(t, s))
	log, err := s.ReviewLog(other)
	if err != nil || len(log) != 4 {
		t.Fatalf("log of %s: %d entries, %v", other, len(log), err)
	}
	if log[0].UndoneBy != log[3].Seq || log[1].UndoneBy != log[2].Seq {
		t.Errorf("the log does not say which undo took back which change: %+v", log)
	}
}

// TestReviewUndoRefusesOutOfOrder checks that a change a later change
// built on cannot be taken back before it.
func TestReviewUndoRefusesOutOfOrder(t *testing.T) {
	s, keep, other := reviewStore(t)
	if _, err := s.MergeEvents("ana", keep, other); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetType("ana", keep, medcoop.JointResearch); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo("ana", other); !errors.Is(err, ErrInvalidEdit) || !strings.Contains(err.Error(), "undo it first") {
		t.Errorf("undo of the merge under a later change: %v", err)
	}
	if _, err := s.Undo("ana", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo("ana", other); err != nil {
		t.Errorf("undo of the merge once the later change is undone: %v", err)
	}
	checkConsistent(t, s)
}

// TestReviewCorrectionSurvivesExtraction corrects an event, then saves
// one of its pages again with a different extraction, then re-extracts
// it: the editor's values stay.
func TestReviewCorrectionSurvivesExtraction(t *testing.T) {
	s, id, _ := reviewStore(t)
	if _, err := s.SetType("ana", id, medcoop.ExchangeProgramme); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetDate("ana", id, medcoop.Date{Value: "2025-10-22", Precision: medcoop.Day}); err != nil {
		t.Fatal(err)
	}
	corrected := mustEvent(t, s, id)

	doc := extractedDocs(t)[urlChoRayFR]
	doc.Text += "\nMis à jour le 26 octobre."
	doc.Events[0].Type = medcoop.AgreementSigned
	doc.Events[0].Date.Value = "2025-10-24"
	doc.Events[0].Domains = doc.Events[0].Domains[:1]
	mustSave(t, s, doc)
	got := mustEvent(t, s, id)
	if got.Type != medcoop.ExchangeProgramme || got.Date.Value != "2025-10-22" || len(got.Domains) != len(corrected.Domains) {
		t.Errorf("a new extraction overwrote the editor's values: %s %s, %d domains", got.Type, got.Date.Value, len(got.Domains))
	}
	if len(got.Sources) != 2 {
		t.Errorf("%d sources, want 2", len(got.Sources))
	}

	// Re-extraction: the same page (same body), read differently.
	en := extractedDocs(t)[urlChoRayEN]
	en.Events[0].Type = medcoop.MOUSigned
	en.Events[0].Date.Value = "2025-10-24"
	res, err := s.SaveDocument(en, PageMeta{Reextract: true})
	if err != nil {
		t.Fatal(err)
	}
	checkConsistent(t, s)
	page, _, _ := s.Page(urlChoRayEN)
	if res.Unchanged || res.Created != 0 || len(page.Reports) != 1 || page.Reports[0].Type != medcoop.MOUSigned || page.Reports[0].ID != id {
		t.Fatalf("re-extraction was not stored as the page's report of %s: %+v, reports %+v", id, res, page.Reports)
	}
	got = mustEvent(t, s, id)
	if got.Type != medcoop.ExchangeProgramme || got.Date.Value != "2025-10-22" || got.Review.Status != medcoop.Corrected || len(got.Sources) != 2 {
		t.Errorf("re-extraction overwrote the editor's values: %s %s %+v, %d sources", got.Type, got.Date.Value, got.Review, len(got.Sources))
	}
}

// TestReviewUndoAfterSave saves pages between a change and its undo: a
// save that changes nothing lets the undo through; a crawl that adds a
// source to the corrected event makes the undo refuse, rather than drop
// the source.
func TestReviewUndoAfterSave(t *testing.T) {
	s, id, _ := reviewStore(t)
	original := rawState(t, s)
	entry, err := s.SetType("ana", id, medcoop.ExchangeProgramme)
	if err != nil {
		t.Fatal(err)
	}
	if res := mustSave(t, s, extractedDocs(t)[urlChoRayFR]); !res.Unchanged {
		t.Fatalf("the same page saved again: %+v", res)
	}
	if _, err := s.Undo("ana", id); err != nil {
		t.Fatalf("undo after a save that changed nothing: %v", err)
	}
	sameState(t, "after the undo", original, rawState(t, s))

	if entry, err = s.SetType("ana", id, medcoop.ExchangeProgramme); err != nil {
		t.Fatal(err)
	}
	mirror := extractedDocs(t)[urlChoRayFR]
	mirror.URL = "https://mirror.example/sante/cho-ray-bordeaux"
	mustSave(t, s, mirror)
	if got := mustEvent(t, s, id); len(got.Sources) != 3 {
		t.Fatalf("the mirror page was not filed under %s: %v", id, sourceURLs(got))
	}
	before := rawState(t, s)
	_, err = s.Undo("ana", id)
	if !errors.Is(err, ErrInvalidEdit) || !strings.Contains(err.Error(), "changed since change #") || !strings.Contains(err.Error(), "undo refused") {
		t.Fatalf("undo over a source a crawl added: %v, want it refused", err)
	}
	sameState(t, "after the refused undo", before, rawState(t, s))
	if log := lastLog(t, s); log.Seq != entry.Seq || log.UndoneBy != 0 {
		t.Errorf("the refused undo was logged: %+v", log)
	}
}

// twoEventPage is the research page reporting two events: its own, and
// the same parties' follow-up a year later (a date too far for one event).
func twoEventPage(t *testing.T) *medcoop.Document {
	t.Helper()
	doc := extractedDocs(t)[urlTropicalEN]
	if len(doc.Events) != 1 || doc.Events[0].Date == nil {
		t.Fatalf("the research page: %+v", doc.Events)
	}
	later, err := cloneEvent(&doc.Events[0])
	if err != nil {
		t.Fatal(err)
	}
	later.Date.Value = "2026" + later.Date.Value[4:]
	later.Type = medcoop.TrainingProgramme
	doc.Events = append(doc.Events, *later)
	return doc
}

// TestReviewMergeOnePageUndo merges two events of one page and undoes
// it: each report goes back to its own event, byte for byte.
func TestReviewMergeOnePageUndo(t *testing.T) {
	s := openTemp(t)
	if res := mustSave(t, s, twoEventPage(t)); res.Created != 2 {
		t.Fatalf("the page with two events made %+v", res)
	}
	evs := allEvents(t, s)
	original := rawState(t, s)
	if _, err := s.MergeEvents("ana", evs[0].ID, evs[1].ID); err != nil {
		t.Fatal(err)
	}
	checkConsistent(t, s)
	page, _, _ := s.Page(urlTropicalEN)
	if page.Reports[0].ID != evs[0].ID || page.Reports[1].ID != evs[0].ID {
		t.Fatalf("after the merge the reports are filed under %s and %s", page.Reports[0].ID, page.Reports[1].ID)
	}
	if _, err := s.Undo("ana", ""); err != nil {
		t.Fatal(err)
	}
	checkConsistent(t, s)
	sameState(t, "after undoing the merge", original, rawState(t, s))
}

// TestReviewMergeSurvivesResave merges the research into the renewal, then
// saves the research page again (changed text, a re-extraction, a new
// reading of its date): its report stays with the merged event.
func TestReviewMergeSurvivesResave(t *testing.T) {
	s, keep, other := reviewStore(t)
	if _, err := s.MergeEvents("ana", keep, other); err != nil {
		t.Fatal(err)
	}
	merged := mustEvent(t, s, keep)
	tests := []struct {
		name string
		edit func(d *medcoop.Document)
		meta PageMeta
	}{
		{"changed text", func(d *medcoop.Document) { d.Text += "\nUpdated on 2 September." }, PageMeta{}},
		{"re-extracted", func(d *medcoop.Document) {}, PageMeta{Reextract: true}},
		{"re-extracted with another date", func(d *medcoop.Document) { d.Events[0].Date.Value = "2024" + d.Events[0].Date.Value[4:] }, PageMeta{Reextract: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := extractedDocs(t)[urlTropicalEN]
			tt.edit(doc)
			res, err := s.SaveDocument(doc, tt.meta)
			if err != nil {
				t.Fatal(err)
			}
			checkConsistent(t, s)
			if res.Created != 0 || !slices.Equal(res.EventIDs, []string{keep}) {
				t.Errorf("the merged page's report left %s: %+v", keep, res)
			}
			evs := allEvents(t, s)
			if len(evs) != 1 {
				t.Errorf("%d events, want the merged one alone", len(evs))
			}
			got := mustEvent(t, s, keep)
			if len(got.Sources) != 3 || got.Type != merged.Type || got.Date.Value != merged.Date.Value || got.Review.Status != medcoop.Corrected {
				t.Errorf("the merged event changed: %s %s, %v, %+v", got.Type, got.Date.Value, sourceURLs(got), got.Review)
			}
		})
	}
}

// TestReviewMergeKeepsReviewedValues checks that a merge keeps the type,
// date and place an editor gave: those of a reviewed kept event, else
// those of a reviewed event merged into it.
func TestReviewMergeKeepsReviewedValues(t *testing.T) {
	t.Run("reviewed kept event", func(t *testing.T) {
		s, keep, other := reviewStore(t)
		if _, err := s.SetDate("ana", keep, medcoop.Date{Value: "2025-10", Precision: medcoop.Month}); err != nil {
			t.Fatal(err)
		}
		want := mustEvent(t, s, keep)
		if _, err := s.MergeEvents("ana", keep, other); err != nil {
			t.Fatal(err)
		}
		checkConsistent(t, s)
		got := mustEvent(t, s, keep)
		if got.Date.Value != "2025-10" || got.Type != want.Type || *got.Place != *want.Place {
			t.Errorf("the merge changed the editor's values: %s %+v %+v", got.Type, got.Date, got.Place)
		}
		if len(got.Parties) != 4 || len(got.Sources) != 3 {
			t.Errorf("the lists were not joined: %d parties, %d sources", len(got.Parties), len(got.Sources))
		}
	})
	t.Run("reviewed merged-in event", func(t *testing.T) {
		s, keep, other := reviewStore(t)
		if _, err := s.SetType("ana", other, medcoop.DelegationVisit); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SetPlace("ana", other, medcoop.Place{Name: "Montpellier", Country: "FR"}); err != nil {
			t.Fatal(err)
		}
		want := mustEvent(t, s, other)
		if _, err := s.MergeEvents("ana", keep, other); err != nil {
			t.Fatal(err)
		}
		checkConsistent(t, s)
		got := mustEvent(t, s, keep)
		if got.Type != medcoop.DelegationVisit || got.Place.Name != "Montpellier" || got.Date.Value != want.Date.Value || got.Date.Evidence != nil {
			t.Errorf("the merge did not keep the reviewed event's values: %s %+v %+v", got.Type, got.Date, got.Place)
		}
	})
}

// TestParseDate checks the one parser of an editor's date.
func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want medcoop.Precision // "" for an error
	}{
		{"2025", medcoop.Year}, {"2025-11", medcoop.Month}, {"2025-11-12", medcoop.Day}, {"2024-02-29", medcoop.Day},
		{"2025-13", ""}, {"2025-13-45", ""}, {"2025-02-29", ""}, {"-123", ""}, {"+2025", ""}, {"12/11/2025", ""}, {"", ""},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if tt.want == "" {
			if !errors.Is(err, ErrInvalidEdit) {
				t.Errorf("ParseDate(%q) = %+v, %v: want ErrInvalidEdit", tt.in, d, err)
			}
			continue
		}
		if err != nil || d.Value != tt.in || d.Precision != tt.want {
			t.Errorf("ParseDate(%q) = %+v, %v: want precision %s", tt.in, d, err, tt.want)
		}
	}
}

// TestReviewQueue checks the queue's order: conflicting reports first,
// then the least confident; reviewed events are not in it.
func TestReviewQueue(t *testing.T) {
	s, renewal, research := reviewStore(t)
	mustSave(t, s, signing(t, "fr"))
	mustSave(t, s, signing(t, "vi")) // says mou_signed where the French says agreement_signed
	queue, err := s.ReviewQueue()
	if err != nil {
		t.Fatal(err)
	}
	if len(queue) != 3 {
		t.Fatalf("queue of %d, want 3", len(queue))
	}
	if len(queue[0].Event.Sources) != 2 || !slices.Contains(queue[0].Conflicts, "type agreement_signed vs mou_signed") {
		t.Errorf("first in the queue: %s with conflicts %q, want the Nîmes signing's type conflict", queue[0].Event.ID, queue[0].Conflicts)
	}
	if queue[1].Event.ID != research || queue[2].Event.ID != renewal || len(queue[1].Conflicts)+len(queue[2].Conflicts) != 0 {
		t.Errorf("queue %s, %s: want the less confident research (%s) before the renewal (%s), without conflicts",
			queue[1].Event.ID, queue[2].Event.ID, research, renewal)
	}
	if _, err := s.Verify("ana", renewal); err != nil {
		t.Fatal(err)
	}
	if queue, _ = s.ReviewQueue(); len(queue) != 2 {
		t.Errorf("a verified event is still in the queue")
	}
	ev, reports, _, err := s.EventReports(research)
	if err != nil || len(reports) != 1 || reports[0].Report == nil || reports[0].Source.URL != urlTropicalEN {
		t.Fatalf("reports of %s: %+v, %v", research, reports, err)
	}
	r := reports[0].Report
	if ev.Date.Evidence == nil || !bytes.Contains([]byte(reports[0].Text), []byte(r.Date.Evidence.Text)) {
		t.Errorf("the report's date evidence does not cite its page")
	}
}
