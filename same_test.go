package medcoop

import (
	"slices"
	"testing"
)

func TestSameEvent(t *testing.T) {
	parties := func(ids ...string) []Party {
		var ps []Party
		for _, id := range ids {
			ps = append(ps, Party{ID: id})
		}
		return ps
	}
	day := func(v string) *Date { return &Date{Value: v, Precision: Day} }
	month := func(v string) *Date { return &Date{Value: v, Precision: Month} }
	published := func(v string) []Source { return []Source{{URL: "u" + v, Published: v}} }
	tests := []struct {
		name string
		a, b Event
		want bool
	}{
		{"same parties, same day", Event{Parties: parties("a", "b"), Date: day("2025-11-12")}, Event{Parties: parties("b", "a"), Date: day("2025-11-12")}, true},
		{"a day late", Event{Parties: parties("a", "b"), Date: day("2025-11-12")}, Event{Parties: parties("a", "b"), Date: day("2025-11-13")}, true},
		{"a month apart", Event{Parties: parties("a", "b"), Date: day("2025-11-12")}, Event{Parties: parties("a", "b"), Date: day("2025-12-12")}, false},
		{"month covers day", Event{Parties: parties("a", "b"), Date: month("2025-11")}, Event{Parties: parties("a", "b", "c"), Date: day("2025-11-12")}, true},
		{"one shared party of two", Event{Parties: parties("a", "b"), Date: day("2025-11-12")}, Event{Parties: parties("a", "c"), Date: day("2025-11-12")}, false},
		{"no date, same year", Event{Parties: parties("a", "b"), Sources: published("2025-11-13")}, Event{Parties: parties("a", "b"), Date: day("2025-11-12")}, true},
		{"no date, years apart", Event{Parties: parties("a", "b"), Sources: published("2019-03-01")}, Event{Parties: parties("a", "b"), Date: day("2025-11-12")}, false},
		{"no date, no year", Event{Parties: parties("a", "b")}, Event{Parties: parties("a", "b"), Date: day("2025-11-12")}, true},
	}
	for _, tt := range tests {
		if got := SameEvent(&tt.a, &tt.b); got != tt.want {
			t.Errorf("%s: SameEvent = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// The parties as the extractor makes them of a Vietnamese and a French
// report of one signing (medcoop extract, 2025): the Can Tho hospital is in
// the gazetteer, the Thai one is found by pattern and gets its id from its
// name as written.
var (
	canTho        = Party{ID: "vn-can-tho-central", Name: "Can Tho Central General Hospital", Country: "VN", Kind: Hospital}
	udonThaniVI   = Party{ID: "x-664bedc71a", Name: "Bệnh viện Đại học Udon Thani", Country: "TH", Kind: Hospital, City: "Udon Thani"}
	udonThaniFR   = Party{ID: "x-0e2d16b817", Name: "hôpital universitaire d'Udon Thani", Country: "TH", Kind: Hospital, City: "Udon Thani"}
	udonThaniEN   = Party{ID: "x-5b0c1f2a9e", Name: "Udon Thani University Hospital", Country: "TH", Kind: Hospital, City: "Udon Thani"}
	khonKaenVI    = Party{ID: "x-9d41a07c33", Name: "Bệnh viện Đại học Khon Kaen", Country: "TH", Kind: Hospital, City: "Khon Kaen"}
	udonThaniUniv = Party{ID: "x-27e6c0d4b1", Name: "Đại học Udon Thani", Country: "TH", Kind: University, City: "Udon Thani"}
	udonThaniBare = Party{ID: "x-3f9a2c7e10", Name: "Udon Thani", Country: "", Kind: Hospital}
	editorAdded   = Party{ID: "x-81c4e2a0f7", Name: "Udon Thani Hosp.", Country: "TH", Kind: OtherKind}
	laoPartner    = Party{ID: "x-6a0e9b2d48", Name: "Bệnh viện Đại học Viêng Chăn", Country: "LA", Kind: Hospital}
	mahidol       = Party{ID: "th-mahidol", Name: "Mahidol University", Country: "TH", Kind: University}
	chula         = Party{ID: "th-chulalongkorn", Name: "Chulalongkorn University", Country: "TH", Kind: University}
	// A gazetteer hospital of the city the discovered ones name ("Udon
	// Thani" in one language's spelling only).
	// A Vietnamese hospital the gazetteer does not know, found in each language.
	canThoFoundVI = Party{ID: "x-5d2e8f1a40", Name: "Bệnh viện Đa khoa vùng Cần Thơ", Country: "VN", Kind: Hospital, City: "Cần Thơ"}
	canThoFoundFR = Party{ID: "x-7b3c9e0d21", Name: "hôpital régional de Can Tho", Country: "VN", Kind: Hospital, City: "Can Tho"}
	udonThaniGaz  = Party{ID: "th-udon-thani-hospital", Name: "Udon Thani Hospital", Country: "TH", Kind: Hospital, City: "Udon Thani"}
)

func TestSameEventPairsDiscoveredPartners(t *testing.T) {
	report := func(url, date string, ps ...Party) Event {
		e := Event{Parties: ps, Sources: []Source{{URL: url}}}
		if date != "" {
			e.Date = &Date{Value: date, Precision: Day}
		}
		return e
	}
	vi := func(date string, ps ...Party) Event { return report("https://vi.example/a", date, ps...) }
	fr := func(date string, ps ...Party) Event { return report("https://fr.example/a", date, ps...) }
	merged := vi("2025-03-14", canTho, udonThaniVI, udonThaniFR)
	merged.Sources = append(merged.Sources, Source{URL: "https://fr.example/a"})
	month := fr("", canTho, udonThaniFR)
	month.Date = &Date{Value: "2025-03", Precision: Month}
	tests := []struct {
		name string
		a, b Event
		want bool
	}{
		{"one signing in vi and fr", vi("2025-03-14", canTho, udonThaniVI), fr("2025-03-14", udonThaniFR, canTho), true},
		{"a third report joins the merged two", merged, report("https://en.example/a", "2025-03-14", canTho, udonThaniEN), true},
		{"the partner's kind unknown on one side", vi("2025-03-14", canTho, udonThaniVI), fr("2025-03-14", canTho, editorAdded), true},
		{"two foreign hospitals of one country on two days", vi("2025-03-14", canTho, udonThaniVI), fr("2025-03-15", canTho, khonKaenVI), false},
		{"one partner dated a day apart", vi("2025-03-14", canTho, udonThaniVI), fr("2025-03-15", canTho, udonThaniFR), false},
		{"a year apart", vi("2025-03-14", canTho, udonThaniVI), fr("2026-03-14", canTho, udonThaniFR), false},
		{"one date only to the month", vi("2025-03-14", canTho, udonThaniVI), month, false},
		{"one without a date", vi("2025-03-14", canTho, udonThaniVI), fr("", canTho, udonThaniFR), false},
		{"two gazetteer partners", vi("2025-03-14", canTho, mahidol), fr("2025-03-14", canTho, chula), false},
		{"a gazetteer partner and a discovered one without a city", vi("2025-03-14", canTho, mahidol), fr("2025-03-14", canTho, udonThaniFR), false},
		{"a gazetteer partner and a discovered one of its city", vi("2025-03-14", canTho, udonThaniGaz), fr("2025-03-14", canTho, udonThaniFR), true},
		{"a gazetteer partner and a discovered one of another city", vi("2025-03-14", canTho, udonThaniGaz), fr("2025-03-14", canTho, khonKaenVI), false},
		{"a gazetteer hospital and a discovered university of its city", vi("2025-03-14", canTho, udonThaniGaz), fr("2025-03-14", canTho, udonThaniUniv), false},
		{"a gazetteer partner and a discovered one of its city on two days", vi("2025-03-14", canTho, udonThaniGaz), fr("2025-03-15", canTho, udonThaniFR), false},
		{"partners of two countries", vi("2025-03-14", canTho, laoPartner), fr("2025-03-14", canTho, udonThaniFR), false},
		{"a hospital and a university", vi("2025-03-14", canTho, udonThaniUniv), fr("2025-03-14", canTho, udonThaniFR), false},
		{"a partner of no known country", vi("2025-03-14", canTho, udonThaniBare), fr("2025-03-14", canTho, udonThaniFR), false},
		{"a gazetteer party on one side only", vi("2025-03-14", canTho, udonThaniVI, mahidol), fr("2025-03-14", canTho, udonThaniFR), false},
		{"nothing in common by id", vi("2025-03-14", udonThaniVI, khonKaenVI), fr("2025-03-14", udonThaniFR, laoPartner), false},
		{"every partner spelled in each language, one city each", vi("2025-03-14", canThoFoundVI, udonThaniVI), fr("2025-03-14", udonThaniFR, canThoFoundFR), true},
		{"every partner spelled in each language, on two days", vi("2025-03-14", canThoFoundVI, udonThaniVI), fr("2025-03-15", udonThaniFR, canThoFoundFR), false},
		{"every partner spelled in each language, a third on one side", vi("2025-03-14", canThoFoundVI, udonThaniVI), fr("2025-03-14", udonThaniFR, canThoFoundFR, khonKaenVI), false},
		{"no shared id, a partner without a city", vi("2025-03-14", canThoFoundVI, udonThaniBare), fr("2025-03-14", udonThaniFR, canThoFoundFR), false},
		{"two events of one page", vi("2025-03-14", canTho, udonThaniVI), vi("2025-03-14", canTho, khonKaenVI), false},
	}
	for _, tt := range tests {
		if got := SameEvent(&tt.a, &tt.b); got != tt.want {
			t.Errorf("%s: SameEvent = %v, want %v", tt.name, got, tt.want)
		}
		if got := SameEvent(&tt.b, &tt.a); got != tt.want {
			t.Errorf("%s, the other way round: SameEvent = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestPartyDiscovered(t *testing.T) {
	for _, tt := range []struct {
		p    Party
		want bool
	}{{udonThaniVI, true}, {editorAdded, true}, {canTho, false}, {mahidol, false}, {Party{}, false}} {
		if got := tt.p.Discovered(); got != tt.want {
			t.Errorf("%s: Discovered = %v, want %v", tt.p.ID, got, tt.want)
		}
	}
}

func TestMergeKeepsReviewedValues(t *testing.T) {
	a := Event{Type: AgreementSigned, Parties: []Party{{ID: "a"}}, Sources: []Source{{URL: "x"}},
		Review: &Review{Status: Corrected}}
	b := Event{Type: MOUSigned, Parties: []Party{{ID: "a"}, {ID: "b"}}, Sources: []Source{{URL: "y"}}, Date: &Date{Value: "2025", Precision: Year}}
	a.Merge(&b)
	if a.Type != AgreementSigned || len(a.Parties) != 1 || a.Date != nil {
		t.Errorf("a corrected event took the report's values: %+v", a)
	}
	if len(a.Sources) != 2 {
		t.Errorf("sources %v, want both", a.Sources)
	}
}

func TestMergeFoldsPairedPartner(t *testing.T) {
	day := &Date{Value: "2025-03-14", Precision: Day}
	withSurface := func(p Party) Party { p.Surface = []string{p.Name}; return p }
	tests := []struct {
		name       string
		a, b       Event
		wantIDs    []string
		wantAffil  string // the affiliation b's person ends with
		wantUdonVI []string
	}{
		{
			name: "one partner in two languages",
			a:    Event{Parties: []Party{canTho, withSurface(udonThaniVI)}, Date: day, Sources: []Source{{URL: "vi"}}},
			b: Event{Parties: []Party{withSurface(udonThaniFR), canTho}, Date: day, Sources: []Source{{URL: "fr"}},
				People: []Person{{NameASCII: "Somchai Prasert", Affiliation: udonThaniFR.ID}}},
			wantIDs:    []string{canTho.ID, udonThaniVI.ID},
			wantAffil:  udonThaniVI.ID,
			wantUdonVI: []string{udonThaniVI.Name, udonThaniFR.Name},
		},
		{
			name: "two partners of one country against one",
			a:    Event{Parties: []Party{canTho, withSurface(udonThaniVI)}, Date: day, Sources: []Source{{URL: "vi"}}},
			b: Event{Parties: []Party{canTho, udonThaniFR, khonKaenVI}, Date: day, Sources: []Source{{URL: "fr"}},
				People: []Person{{NameASCII: "Somchai Prasert", Affiliation: udonThaniFR.ID}}},
			wantIDs:    []string{canTho.ID, udonThaniVI.ID, udonThaniFR.ID, khonKaenVI.ID},
			wantAffil:  udonThaniFR.ID,
			wantUdonVI: []string{udonThaniVI.Name},
		},
		{
			name: "not one event by SameEvent: an editor's merge keeps both",
			a:    Event{Parties: []Party{canTho, withSurface(udonThaniVI)}, Date: day, Sources: []Source{{URL: "vi"}}},
			b: Event{Parties: []Party{canTho, udonThaniFR}, Date: &Date{Value: "2025-03-20", Precision: Day}, Sources: []Source{{URL: "fr"}},
				People: []Person{{NameASCII: "Somchai Prasert", Affiliation: udonThaniFR.ID}}},
			wantIDs:    []string{canTho.ID, udonThaniVI.ID, udonThaniFR.ID},
			wantAffil:  udonThaniFR.ID,
			wantUdonVI: []string{udonThaniVI.Name},
		},
	}
	for _, tt := range tests {
		a := tt.a
		a.Merge(&tt.b)
		var ids []string
		for _, p := range a.Parties {
			ids = append(ids, p.ID)
		}
		if !slices.Equal(ids, tt.wantIDs) {
			t.Errorf("%s: parties %v, want %v", tt.name, ids, tt.wantIDs)
		}
		if i := slices.IndexFunc(a.Parties, func(p Party) bool { return p.ID == udonThaniVI.ID }); i < 0 || !slices.Equal(a.Parties[i].Surface, tt.wantUdonVI) {
			t.Errorf("%s: parties %+v, want %s with surfaces %v", tt.name, a.Parties, udonThaniVI.ID, tt.wantUdonVI)
		}
		if len(a.People) != 1 || a.People[0].Affiliation != tt.wantAffil {
			t.Errorf("%s: people %+v, want one affiliated to %s", tt.name, a.People, tt.wantAffil)
		}
	}
}

// TestMergeTakesTheGazetteerPartner: when one report names in the gazetteer
// the partner another found by pattern, the event keeps one party with the
// gazetteer's identity and both spellings, and its people follow it.
func TestMergeTakesTheGazetteerPartner(t *testing.T) {
	day := &Date{Value: "2025-03-14", Precision: Day}
	withSurface := func(p Party) Party { p.Surface = []string{p.Name}; return p }
	a := Event{Parties: []Party{canTho, withSurface(udonThaniFR)}, Date: day, Sources: []Source{{URL: "fr"}},
		People: []Person{{NameASCII: "Anong Srisuk", Affiliation: udonThaniFR.ID}}}
	b := Event{Parties: []Party{withSurface(udonThaniGaz), canTho}, Date: day, Sources: []Source{{URL: "en"}},
		People: []Person{{NameASCII: "Somchai Prasert", Affiliation: udonThaniGaz.ID}}}
	a.Merge(&b)
	if len(a.Parties) != 2 {
		t.Fatalf("parties %+v, want two", a.Parties)
	}
	p := a.Parties[1]
	if p.ID != udonThaniGaz.ID || p.Name != udonThaniGaz.Name || !slices.Equal(p.Surface, []string{udonThaniFR.Name, udonThaniGaz.Name}) {
		t.Errorf("partner %+v, want %s with both spellings", p, udonThaniGaz.ID)
	}
	for _, person := range a.People {
		if person.Affiliation != udonThaniGaz.ID {
			t.Errorf("%s affiliated to %s, want %s", person.NameASCII, person.Affiliation, udonThaniGaz.ID)
		}
	}
	if len(a.People) != 2 {
		t.Errorf("people %+v, want both", a.People)
	}
}

// TestMergeFoldsPartnersPairedByCity: two reports that share no id but pair
// every partner by city become one event with one party per partner.
func TestMergeFoldsPartnersPairedByCity(t *testing.T) {
	day := &Date{Value: "2025-03-14", Precision: Day}
	a := Event{Parties: []Party{canThoFoundVI, udonThaniVI}, Date: day, Sources: []Source{{URL: "vi"}}}
	b := Event{Parties: []Party{udonThaniFR, canThoFoundFR}, Date: day, Sources: []Source{{URL: "fr"}}}
	a.Merge(&b)
	var ids []string
	for _, p := range a.Parties {
		ids = append(ids, p.ID)
	}
	if !slices.Equal(ids, []string{canThoFoundVI.ID, udonThaniVI.ID}) {
		t.Errorf("parties %v, want the two of the first report", ids)
	}
}
