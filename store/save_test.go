package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/medcoop/medcoop"
)

// The pages below are made up for these tests.
const (
	urlFR = "https://chu.example.fr/actualites/accord-hanoi"
	urlVI = "https://bv.example.vn/tin-tuc/hop-tac-phap"
	urlEN = "https://news.example.com/hanoi-nimes"

	textFR = "Coopération.\nLe CHU de Nîmes et l'hôpital Bach Mai ont signé un accord le 12 novembre 2025 à Hanoï.\nLe professeur Lê Ngọc Thành a salué l'accord."
	textVI = "Hợp tác.\nBệnh viện Bạch Mai và CHU Nîmes ký kết thỏa thuận ngày 12/11/2025 tại Hà Nội.\nGS Lê Ngọc Thành phát biểu."
	textEN = "Nimes University Hospital and Bach Mai Hospital signed an agreement in Hanoi on 13 November 2025."
)

func evidenceIn(t testing.TB, text, sentence string) medcoop.Evidence {
	t.Helper()
	i := strings.Index(text, sentence)
	if i < 0 {
		t.Fatalf("%q not in text", sentence)
	}
	return medcoop.Evidence{Text: sentence, Start: i, End: i + len(sentence)}
}

func party(id, name, country, surface string, ev ...medcoop.Evidence) medcoop.Party {
	return medcoop.Party{ID: id, Name: name, Country: country, Kind: medcoop.Hospital, Surface: []string{surface}, Evidence: ev}
}

// signing is the Nîmes–Bach Mai signing as the page in lang reports it.
func signing(t testing.TB, lang string) *medcoop.Document {
	t.Helper()
	var doc medcoop.Document
	switch lang {
	case "fr":
		s := evidenceIn(t, textFR, "Le CHU de Nîmes et l'hôpital Bach Mai ont signé un accord le 12 novembre 2025 à Hanoï.")
		doc = medcoop.Document{URL: urlFR, Title: "Accord avec Hanoï", Lang: "fr", Published: "2025-11-13", Text: textFR,
			Events: []medcoop.Event{{
				Type: medcoop.AgreementSigned,
				Date: &medcoop.Date{Value: "2025-11-12", Precision: medcoop.Day, Evidence: &s},
				Parties: []medcoop.Party{
					party("chu-nimes", "Nîmes University Hospital", "FR", "CHU de Nîmes", s),
					party("bach-mai", "Bach Mai Hospital", "VN", "hôpital Bach Mai", s),
				},
				Place:      &medcoop.Place{Name: "Hanoi", Country: "VN"},
				Countries:  []string{"FR", "VN"},
				Domains:    []medcoop.Domain{{Code: "cardiology", Label: "cardiology", Surface: []string{"cardiologie"}}},
				People:     []medcoop.Person{{Name: "Lê Ngọc Thành", NameASCII: "Le Ngoc Thanh", Role: "professor", Surface: "professeur Lê Ngọc Thành"}},
				Confidence: 0.8,
			}}}
	case "vi":
		s := evidenceIn(t, textVI, "Bệnh viện Bạch Mai và CHU Nîmes ký kết thỏa thuận ngày 12/11/2025 tại Hà Nội.")
		doc = medcoop.Document{URL: urlVI, Title: "Hợp tác với Pháp", Lang: "vi", Published: "2025-11-12", Text: textVI,
			Events: []medcoop.Event{{
				Type: medcoop.MOUSigned,
				Date: &medcoop.Date{Value: "2025-11-12", Precision: medcoop.Day, Evidence: &s},
				Parties: []medcoop.Party{
					party("bach-mai", "Bach Mai Hospital", "VN", "Bệnh viện Bạch Mai", s),
					party("chu-nimes", "Nîmes University Hospital", "FR", "CHU Nîmes", s),
				},
				Place:      &medcoop.Place{Name: "Hà Nội", Country: "VN"},
				Countries:  []string{"VN", "FR"},
				Domains:    []medcoop.Domain{{Code: "intensive-care", Label: "intensive care", Surface: []string{"hồi sức"}}},
				Confidence: 0.9,
			}}}
	case "en":
		s := evidenceIn(t, textEN, textEN)
		doc = medcoop.Document{URL: urlEN, Title: "Hanoi and Nimes hospitals sign", Lang: "en", Published: "2025-11-14", Text: textEN,
			Events: []medcoop.Event{{
				Type: medcoop.AgreementSigned,
				Date: &medcoop.Date{Value: "2025-11-13", Precision: medcoop.Day, Evidence: &s},
				Parties: []medcoop.Party{
					party("chu-nimes", "Nîmes University Hospital", "FR", "Nimes University Hospital", s),
					party("bach-mai", "Bach Mai Hospital", "VN", "Bach Mai Hospital", s),
				},
				Countries:  []string{"FR", "VN"},
				Confidence: 0.7,
			}}}
	default:
		t.Fatalf("no page in %s", lang)
	}
	return &doc
}

// visit is another event of another pair of parties, reported on page url.
func visit(url, date string) medcoop.Event {
	return medcoop.Event{
		Type: medcoop.DelegationVisit,
		Date: &medcoop.Date{Value: date, Precision: medcoop.Day},
		Parties: []medcoop.Party{
			party("hue-central", "Hue Central Hospital", "VN", "Bệnh viện Trung ương Huế"),
			party("chu-rouen", "Rouen University Hospital", "FR", "CHU de Rouen"),
		},
		Countries: []string{"VN", "FR"},
	}
}

func mustSave(t testing.TB, s *Store, doc *medcoop.Document) SaveResult {
	t.Helper()
	res, err := s.SaveDocument(doc, PageMeta{FetchedAt: time.Date(2025, 11, 14, 8, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatalf("SaveDocument %s: %v", doc.URL, err)
	}
	checkConsistent(t, s)
	return res
}

func allEvents(t testing.TB, s *Store) []medcoop.Event {
	t.Helper()
	evs, err := s.Events(Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

func sourceURLs(e *medcoop.Event) []string {
	var urls []string
	for _, s := range e.Sources {
		urls = append(urls, s.URL)
	}
	return urls
}

// checkConsistent checks the invariants every transaction must keep: the
// party index is exactly the events' parties, every event's evidence cites
// the text of its Sources[0], pages and events point at each other, and no
// event lists a source twice.
func checkConsistent(t testing.TB, s *Store) {
	t.Helper()
	err := s.db.View(func(tx *bolt.Tx) error {
		want := map[string]bool{}
		err := tx.Bucket(bucketEvents).ForEach(func(k, v []byte) error {
			var e medcoop.Event
			if err := json.Unmarshal(v, &e); err != nil {
				return err
			}
			for _, p := range e.PartyIDs() {
				want[string(indexKey(p, e.ID))] = true
			}
			urls := sourceURLs(&e)
			if len(slices.Compact(slices.Sorted(slices.Values(urls)))) != len(urls) {
				t.Errorf("event %s lists a source twice: %v", e.ID, urls)
			}
			for _, u := range urls {
				page, err := getPage(tx, u)
				if err != nil {
					return err
				}
				if page != nil && !slices.Contains(page.EventIDs, e.ID) {
					t.Errorf("event %s lists %s, which does not list it", e.ID, u)
				}
			}
			if len(e.Sources) > 0 {
				page, err := getPage(tx, e.Sources[0].URL)
				if err != nil {
					return err
				}
				if page != nil {
					for _, ev := range evidenceOf(&e) {
						if ev.End > len(page.Text) || ev.Start < 0 || ev.Start > ev.End || page.Text[ev.Start:ev.End] != ev.Text {
							t.Errorf("event %s: evidence %+v does not cite %s", e.ID, ev, page.URL)
						}
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		got := map[string]bool{}
		if err := tx.Bucket(bucketPartyIndex).ForEach(func(k, _ []byte) error { got[string(k)] = true; return nil }); err != nil {
			return err
		}
		for k := range want {
			if !got[k] {
				t.Errorf("party index lacks %q", k)
			}
		}
		for k := range got {
			if !want[k] {
				t.Errorf("party index has stale %q", k)
			}
		}
		return tx.Bucket(bucketPages).ForEach(func(k, v []byte) error {
			var p PageRecord
			if err := json.Unmarshal(v, &p); err != nil {
				return err
			}
			for _, id := range p.EventIDs {
				e, err := getEvent(tx, id)
				if err != nil {
					return err
				}
				if e == nil || !slices.Contains(sourceURLs(e), p.URL) {
					t.Errorf("page %s lists event %s, which does not list it", p.URL, id)
				}
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}

func evidenceOf(e *medcoop.Event) []medcoop.Evidence {
	var out []medcoop.Evidence
	if e.Date != nil && e.Date.Evidence != nil {
		out = append(out, *e.Date.Evidence)
	}
	for _, p := range e.Parties {
		out = append(out, p.Evidence...)
	}
	for _, p := range e.People {
		if p.Evidence != nil {
			out = append(out, *p.Evidence)
		}
	}
	return out
}

func TestSaveTwoLanguagesOneEvent(t *testing.T) {
	s := openTemp(t)
	r1 := mustSave(t, s, signing(t, "fr"))
	r2 := mustSave(t, s, signing(t, "vi"))
	if r1.Created != 1 || r2.Created != 0 || r2.Merged != 1 {
		t.Errorf("results %+v then %+v, want one created then one merged", r1, r2)
	}
	evs := allEvents(t, s)
	if len(evs) != 1 {
		t.Fatalf("%d events, want 1", len(evs))
	}
	e := evs[0]
	if got := sourceURLs(&e); !slices.Equal(got, []string{urlFR, urlVI}) {
		t.Errorf("sources %v", got)
	}
	if e.Sources[1].Lang != "vi" || e.Sources[1].Title != "Hợp tác với Pháp" || e.Sources[1].Published != "2025-11-12" {
		t.Errorf("source %+v does not describe the Vietnamese page", e.Sources[1])
	}
	// The first report's values win; the second adds what the first lacks.
	if e.Type != medcoop.AgreementSigned || e.Place.Name != "Hanoi" {
		t.Errorf("type %s place %+v, want the French page's", e.Type, e.Place)
	}
	if !slices.ContainsFunc(e.Domains, func(d medcoop.Domain) bool { return d.Code == "intensive-care" }) {
		t.Errorf("domains %+v lack the Vietnamese page's", e.Domains)
	}
	for _, p := range e.Parties {
		if len(p.Surface) != 2 {
			t.Errorf("party %s surfaces %v, want both spellings", p.ID, p.Surface)
		}
	}
	if e.Review == nil || e.Review.Status != medcoop.Unreviewed {
		t.Errorf("review %+v, want unreviewed", e.Review)
	}
	if e.Confidence != 0.9 {
		t.Errorf("confidence %v, want the higher 0.9", e.Confidence)
	}
	for _, u := range []string{urlFR, urlVI} {
		page, ok, err := s.Page(u)
		if err != nil || !ok || !slices.Equal(page.EventIDs, []string{e.ID}) || page.Text == "" || len(page.Reports) != 1 {
			t.Errorf("page %s = %+v, %v, %v", u, page, ok, err)
		}
	}
	// A third report, in English and dated a day later, is the same event.
	mustSave(t, s, signing(t, "en"))
	if evs := allEvents(t, s); len(evs) != 1 || len(evs[0].Sources) != 3 {
		t.Errorf("after the English page: %d events, %v", len(evs), evs)
	}
}

func TestSaveSamePageTwice(t *testing.T) {
	s := openTemp(t)
	frWithVisit := func() *medcoop.Document {
		d := signing(t, "fr")
		d.Events = append(d.Events, visit(urlFR, "2025-10-02"))
		return d
	}
	first := mustSave(t, s, frWithVisit())
	before := dump(t, s)
	firstFetch := time.Date(2025, 11, 14, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		meta      PageMeta
		unchanged bool
	}{
		{"same body, same fetch", PageMeta{FetchedAt: firstFetch}, true},
		{"same body, new validators", PageMeta{ETag: `"v2"`}, true},
		{"re-extracted", PageMeta{Reextract: true}, false},
		{"new body hash, same extraction", PageMeta{SHA256: BodyHash([]byte("<html>another ad</html>"))}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.meta.FetchedAt.IsZero() {
				tt.meta.FetchedAt = firstFetch.Add(24 * time.Hour)
			}
			res, err := s.SaveDocument(frWithVisit(), tt.meta)
			if err != nil {
				t.Fatal(err)
			}
			checkConsistent(t, s)
			if res.Unchanged != tt.unchanged || res.Created != 0 || res.Deleted != 0 || res.Detached != 0 {
				t.Errorf("result %+v", res)
			}
			if !slices.Equal(res.EventIDs, first.EventIDs) {
				t.Errorf("event ids %v, want %v", res.EventIDs, first.EventIDs)
			}
			if after := dump(t, s); !bytes.Equal(after, before) {
				t.Errorf("events changed:\n%s\nwant\n%s", after, before)
			}
			page, _, err := s.Page(urlFR)
			if err != nil || !page.FetchedAt.Equal(tt.meta.FetchedAt) || page.ETag != tt.meta.ETag {
				t.Errorf("page fetch %v etag %q, want %v %q", page.FetchedAt, page.ETag, tt.meta.FetchedAt, tt.meta.ETag)
			}
		})
	}
}

// dump is the events bucket as JSON, for comparing before and after.
func dump(t testing.TB, s *Store) []byte {
	t.Helper()
	raw, err := json.Marshal(allEvents(t, s))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestSaveReextractionRemovesEvent(t *testing.T) {
	tests := []struct {
		name        string
		alsoOnVI    bool // the signing is also reported by the Vietnamese page
		verify      bool // an editor verified the signing
		wantEvents  int
		wantSources []string
	}{
		{"only source: deleted", false, false, 1, nil},
		{"other source left: kept", true, false, 2, []string{urlVI}},
		{"verified: never deleted", false, true, 2, []string{}},
		{"verified with other source", true, true, 2, []string{urlVI}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t)
			doc := signing(t, "fr")
			doc.Events = append(doc.Events, visit(urlFR, "2025-10-02"))
			mustSave(t, s, doc)
			if tt.alsoOnVI {
				mustSave(t, s, signing(t, "vi"))
			}
			var id string
			for _, e := range allEvents(t, s) {
				if e.Type != medcoop.DelegationVisit {
					id = e.ID
				}
			}
			if tt.verify {
				e, err := s.Event(id)
				if err != nil {
					t.Fatal(err)
				}
				by, at := "editor", "2025-11-20T10:00:00Z"
				e.Review = &medcoop.Review{Status: medcoop.Verified, By: &by, At: &at}
				if err := s.PutEvent(e); err != nil {
					t.Fatal(err)
				}
			}
			// The page is edited: only the visit remains.
			again := signing(t, "fr")
			again.Text += "\nMis à jour."
			again.Events = []medcoop.Event{visit(urlFR, "2025-10-02")}
			res := mustSave(t, s, again)
			if res.Detached != 1 {
				t.Errorf("result %+v, want one detached", res)
			}
			evs := allEvents(t, s)
			if len(evs) != tt.wantEvents {
				t.Fatalf("%d events, want %d", len(evs), tt.wantEvents)
			}
			e, err := s.Event(id)
			if tt.wantSources == nil {
				if !errors.Is(err, ErrNotFound) {
					t.Errorf("Event(%s) = %v, want ErrNotFound", id, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := sourceURLs(e); !slices.Equal(got, tt.wantSources) && !(len(got) == 0 && len(tt.wantSources) == 0) {
				t.Errorf("sources %v, want %v", got, tt.wantSources)
			}
			if tt.alsoOnVI && !tt.verify {
				// Rebuilt from the Vietnamese report alone: its values, its evidence.
				if e.Type != medcoop.MOUSigned || e.Place.Name != "Hà Nội" || len(e.People) != 0 {
					t.Errorf("event not rebuilt from the remaining source: %+v", e)
				}
			}
			if tt.verify && (e.Type != medcoop.AgreementSigned || e.Review.Status != medcoop.Verified) {
				t.Errorf("verified event changed: %+v", e)
			}
		})
	}
}

func TestSaveVerifiedKeepsValues(t *testing.T) {
	s := openTemp(t)
	mustSave(t, s, signing(t, "fr"))
	e := allEvents(t, s)[0]
	by := "editor"
	e.Type = medcoop.PartnershipRenewed
	e.Place = &medcoop.Place{Name: "Nîmes", Country: "FR"}
	e.Review = &medcoop.Review{Status: medcoop.Corrected, By: &by}
	if err := s.PutEvent(&e); err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(e)
	vi := signing(t, "vi")
	vi.Events[0].Parties = append(vi.Events[0].Parties, party("ump-hanoi", "Hanoi Medical University", "VN", "Đại học Y Hà Nội"))
	res := mustSave(t, s, vi)
	if res.Merged != 1 {
		t.Fatalf("result %+v, want the report merged", res)
	}
	got, err := s.Event(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sourceURLs(got), []string{urlFR, urlVI}) {
		t.Errorf("sources %v, want both pages", sourceURLs(got))
	}
	got.Sources = got.Sources[:1]
	if raw, _ := json.Marshal(got); !bytes.Equal(raw, want) {
		t.Errorf("corrected event changed:\n%s\nwant\n%s", raw, want)
	}
	// Saving the French page again, changed, keeps the editor's values too.
	fr := signing(t, "fr")
	fr.Text += "\nMis à jour."
	fr.Events[0].Type = medcoop.DonationOrEquipment
	mustSave(t, s, fr)
	if got, _ := s.Event(e.ID); got.Type != medcoop.PartnershipRenewed || len(got.Sources) != 2 {
		t.Errorf("after re-extraction: %+v", got)
	}
}

func TestSaveDistinctEvents(t *testing.T) {
	s := openTemp(t)
	doc := &medcoop.Document{URL: "https://example.vn/a", Lang: "vi", Text: "x",
		Events: []medcoop.Event{visit("", "2025-03-01"), visit("", "2025-10-01")}}
	res := mustSave(t, s, doc)
	if res.Created != 2 || len(res.EventIDs) != 2 {
		t.Fatalf("result %+v, want two events", res)
	}
	base := medcoop.EventID([]string{"chu-rouen", "hue-central"}, "2025")
	if !slices.Equal(res.EventIDs, []string{base, base + "-2"}) {
		t.Errorf("ids %v, want %s and its suffixed twin", res.EventIDs, base)
	}
	// Another page reporting the October visit joins that one only.
	other := &medcoop.Document{URL: "https://example.fr/b", Lang: "fr", Text: "y",
		Events: []medcoop.Event{visit("", "2025-10-02")}}
	res = mustSave(t, s, other)
	if res.Merged != 1 || !slices.Equal(res.EventIDs, []string{base + "-2"}) {
		t.Errorf("result %+v, want merged into %s-2", res, base)
	}
}

func TestSaveRejectsBadDocuments(t *testing.T) {
	s := openTemp(t)
	if _, err := s.SaveDocument(nil, PageMeta{}); err == nil {
		t.Error("nil document saved")
	}
	if _, err := s.SaveDocument(&medcoop.Document{Text: "x"}, PageMeta{}); err == nil {
		t.Error("document without URL saved")
	}
}

func TestSaveDoesNotAliasCaller(t *testing.T) {
	s := openTemp(t)
	mustSave(t, s, signing(t, "fr"))
	vi := signing(t, "vi")
	surfaces := slices.Clone(vi.Events[0].Parties[0].Surface)
	mustSave(t, s, vi)
	if !slices.Equal(vi.Events[0].Parties[0].Surface, surfaces) || vi.Events[0].ID != "" || len(vi.Events[0].Sources) != 0 {
		t.Errorf("SaveDocument changed the caller's document: %+v", vi.Events[0])
	}
}

func TestValidators(t *testing.T) {
	s := openTemp(t)
	if e, l := s.Validators(urlFR); e != "" || l != "" {
		t.Errorf("unknown page has validators %q %q", e, l)
	}
	at := time.Date(2025, 11, 14, 8, 0, 0, 0, time.UTC)
	meta := PageMeta{FetchedAt: at, ETag: `"abc"`, LastModified: "Thu, 13 Nov 2025 10:00:00 GMT", SHA256: BodyHash([]byte("body"))}
	if _, err := s.SaveDocument(signing(t, "fr"), meta); err != nil {
		t.Fatal(err)
	}
	if e, l := s.Validators(urlFR); e != meta.ETag || l != meta.LastModified {
		t.Errorf("Validators = %q %q", e, l)
	}
	later := at.Add(24 * time.Hour)
	if err := s.MarkNotModified(urlFR, later); err != nil {
		t.Fatal(err)
	}
	page, _, err := s.Page(urlFR)
	if err != nil || !page.FetchedAt.Equal(later) || page.ETag != meta.ETag || page.SHA256 != meta.SHA256 {
		t.Errorf("after 304: %+v, %v", page, err)
	}
	if err := s.MarkNotModified("https://never.example/", later); !errors.Is(err, ErrNotFound) {
		t.Errorf("MarkNotModified of an unknown page = %v", err)
	}
	st, err := s.Stats()
	if err != nil || st.Pages != 1 || st.Events != 1 {
		t.Errorf("Stats = %+v, %v", st, err)
	}
}

func TestPutAndDeleteEvent(t *testing.T) {
	s := openTemp(t)
	mustSave(t, s, signing(t, "fr"))
	mustSave(t, s, signing(t, "vi"))
	e := allEvents(t, s)[0]
	// An editor splits the Vietnamese report out into its own event.
	split := e
	split.ID = e.ID + "-split"
	split.Sources = []medcoop.Source{e.Sources[1]}
	split.Parties = []medcoop.Party{e.Parties[0]}
	split.Review = &medcoop.Review{Status: medcoop.Corrected}
	stripEvidence(&split) // the editor's tool would cite the Vietnamese text
	e.Sources = e.Sources[:1]
	e.Review = &medcoop.Review{Status: medcoop.Corrected}
	if err := s.PutEvent(&e); err != nil {
		t.Fatal(err)
	}
	if err := s.PutEvent(&split); err != nil {
		t.Fatal(err)
	}
	checkConsistent(t, s)
	if page, _, _ := s.Page(urlVI); !slices.Equal(page.EventIDs, []string{split.ID}) {
		t.Errorf("Vietnamese page lists %v", page.EventIDs)
	}
	// The split holds through a re-extraction of the Vietnamese page.
	vi := signing(t, "vi")
	vi.Text += "\nCập nhật."
	mustSave(t, s, vi)
	if got, _ := s.Event(e.ID); !slices.Equal(sourceURLs(got), []string{urlFR}) {
		t.Errorf("original event sources %v", sourceURLs(got))
	}
	if err := s.DeleteEvent(split.ID); err != nil {
		t.Fatal(err)
	}
	checkConsistent(t, s)
	if _, err := s.Event(split.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted event still there: %v", err)
	}
	if err := s.PutEvent(&medcoop.Event{}); err == nil {
		t.Error("event without ID stored")
	}
}

func TestEvidenceFollowsFirstSource(t *testing.T) {
	s := openTemp(t)
	mustSave(t, s, signing(t, "vi"))
	fr := signing(t, "fr")
	// A party only the French page names, with evidence into the French text:
	// it must not enter the event with offsets that do not fit Sources[0].
	p := evidenceIn(t, textFR, "Le professeur Lê Ngọc Thành a salué l'accord.")
	fr.Events[0].Parties = append(fr.Events[0].Parties, party("ump-hanoi", "Hanoi Medical University", "VN", "professeur", p))
	fr.Events[0].People[0].Evidence = &p
	mustSave(t, s, fr)
	e := allEvents(t, s)[0]
	if len(e.Parties) != 3 || len(e.People) != 1 {
		t.Errorf("the French page's party and person were not merged: %+v", e)
	}
	if e.Sources[0].URL != urlVI || len(evidenceOf(&e)) == 0 {
		t.Fatalf("sources %v, evidence %v", sourceURLs(&e), evidenceOf(&e))
	}
	// The Vietnamese page drops the report: the French one becomes Sources[0]
	// and the event's evidence now cites the French text (checkConsistent).
	vi := signing(t, "vi")
	vi.Text += "\nCập nhật."
	vi.Events = nil
	mustSave(t, s, vi)
	e = allEvents(t, s)[0]
	if e.Sources[0].URL != urlFR || len(evidenceOf(&e)) != 5 {
		t.Errorf("sources %v, evidence %v", sourceURLs(&e), evidenceOf(&e))
	}
}
