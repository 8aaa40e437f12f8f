package evaluate

import (
	"testing"
	"time"

	medcoop "github.com/medcoop/medcoop"
)

func TestPartyMatches(t *testing.T) {
	gold := GoldParty{Name: "CHU Clermont-Ferrand", Aliases: []string{"hôpital de Clermont-Ferrand"}}
	tests := []struct {
		party medcoop.Party
		want  bool
	}{
		{medcoop.Party{Name: "CHU Clermont-Ferrand"}, true},
		{medcoop.Party{Name: "x", Surface: []string{"Hôpital de Clermont-Ferrand"}}, true},
		{medcoop.Party{Name: "Centre hospitalier universitaire de Clermont-Ferrand"}, true}, // contains
		{medcoop.Party{Name: "CHU Nîmes"}, false},
		{medcoop.Party{Name: "Université Clermont Auvergne"}, false},
	}
	for _, tt := range tests {
		if got := PartyMatches(tt.party, gold); got != tt.want {
			t.Errorf("PartyMatches(%q, %q) = %v, want %v", tt.party.Name, gold.Name, got, tt.want)
		}
	}
}

func TestPersonMatches(t *testing.T) {
	tests := []struct {
		pred, gold string
		want       bool
	}{
		{"Lê Ngọc Thành", "Le Ngoc Thanh", true},
		{"Ngọc Thành", "Lê Ngọc Thành", true},
		{"Thành", "Lê Ngọc Thành", false},
		{"Nguyễn Văn An", "Lê Ngọc Thành", false},
	}
	for _, tt := range tests {
		if got := PersonMatches(medcoop.Person{Name: tt.pred}, GoldPerson{Name: tt.gold}); got != tt.want {
			t.Errorf("PersonMatches(%q, %q) = %v, want %v", tt.pred, tt.gold, got, tt.want)
		}
	}
}

func TestScore(t *testing.T) {
	gold := GoldAnswer{IsCooperation: true, EventType: "agreement_signed", EventDate: "2025-11",
		Parties:   []GoldParty{{Name: "CHU Nîmes"}, {Name: "Shanxi Maternal and Child Health Hospital", Aliases: []string{"hôpital mère-enfant de Taiyuan"}}},
		Countries: []string{"CN", "FR"}, Domains: []string{"neonatology", "pelvic-floor"}}
	ev := medcoop.Event{ID: "e1", Type: medcoop.AgreementSigned, Date: &medcoop.Date{Value: "2025-11-12", Precision: medcoop.Day},
		Parties: []medcoop.Party{{ID: "fr-chu-nimes", Name: "CHU Nîmes"}, {ID: "x-1", Name: "x", Surface: []string{"hôpital mère-enfant de Taiyuan"}},
			{ID: "fr-embassy", Name: "Ambassade de France"}},
		Countries: []string{"FR", "CN"}, Domains: []medcoop.Domain{{Code: "neonatology"}}}
	items := []Scored{
		{Gold: GoldDoc{File: "a", Lang: "fr", EventID: "k", Gold: gold}, Doc: &medcoop.Document{Lang: "fr", Events: []medcoop.Event{ev}}},
		{Gold: GoldDoc{File: "b", Lang: "vi", EventID: "k", Gold: gold}, Doc: &medcoop.Document{Lang: "vi", Events: []medcoop.Event{ev}}},
		{Gold: GoldDoc{File: "c", Lang: "en"}, Doc: &medcoop.Document{Lang: "fr"}},
	}
	r := Score(items)
	if r.Parties != (PRF{TP: 4, FP: 2, FN: 0}) {
		t.Errorf("parties %+v", r.Parties)
	}
	if r.Domains != (PRF{TP: 2, FP: 0, FN: 2}) {
		t.Errorf("domains %+v", r.Domains)
	}
	if r.Date != (Accuracy{Right: 2, Total: 2}) || r.Type != (Accuracy{Right: 2, Total: 2}) {
		t.Errorf("date %+v type %+v", r.Date, r.Type)
	}
	if r.Language != (Accuracy{Right: 2, Total: 3}) || r.Cooperation != (Accuracy{Right: 3, Total: 3}) {
		t.Errorf("language %+v cooperation %+v", r.Language, r.Cooperation)
	}
	if r.Grouping != (PRF{TP: 1}) {
		t.Errorf("grouping %+v", r.Grouping)
	}
}

func TestRankingAUC(t *testing.T) {
	tests := []struct {
		name         string
		right, wrong []float64
		want         float64
	}{
		{"wrong below right", []float64{0.9, 0.8}, []float64{0.3, 0.5}, 1},
		{"wrong above right", []float64{0.2}, []float64{0.7, 0.9}, 0},
		{"ties count half", []float64{0.5}, []float64{0.5}, 0.5},
		{"mixed", []float64{0.9, 0.4}, []float64{0.6}, 0.5},
		{"nothing wrong", []float64{0.1}, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var k Ranking
			for _, s := range tt.right {
				k.Add(s, true)
			}
			for _, s := range tt.wrong {
				k.Add(s, false)
			}
			if got := k.AUC(); got != tt.want {
				t.Errorf("AUC = %v, want %v", got, tt.want)
			}
			if k.N() != len(tt.right)+len(tt.wrong) {
				t.Errorf("N = %d", k.N())
			}
		})
	}
}

// TestGroupingAsTheStoreFiles: two reports whose ids differ are one event
// when the store would file them as one (a foreign partner found by
// pattern, spelled in each language), and two signings of one hospital
// with two partners on two days stay two, as do a visit and a signing of
// the same partners months apart, though their ids (parties and year) agree.
func TestGroupingAsTheStoreFiles(t *testing.T) {
	day := func(v string) *medcoop.Date { return &medcoop.Date{Value: v, Precision: medcoop.Day} }
	cantho := medcoop.Party{ID: "vn-can-tho-children", Country: "VN", Kind: medcoop.Hospital}
	partner := func(id string) medcoop.Party {
		return medcoop.Party{ID: id, Country: "TH", Kind: medcoop.Hospital}
	}
	report := func(id, url, lang string, date *medcoop.Date, p medcoop.Party) *medcoop.Document {
		return &medcoop.Document{URL: url, Lang: lang, Published: date.Value, Events: []medcoop.Event{{ID: id, Date: date,
			Parties: []medcoop.Party{cantho, p}}}}
	}
	gold := GoldAnswer{IsCooperation: true}
	tests := []struct {
		name   string
		a, b   *medcoop.Document
		sameEv bool
		want   PRF
	}{
		{"one signing, partner spelled in two languages", report("e1", "u1", "vi", day("2025-03-12"), partner("x-0001")),
			report("e2", "u2", "fr", day("2025-03-12"), partner("x-0002")), true, PRF{TP: 1}},
		{"two signings on two days", report("e1", "u1", "vi", day("2025-03-12"), partner("x-0001")),
			report("e2", "u2", "vi", day("2025-03-13"), partner("x-0002")), false, PRF{}},
		{"one signing the store cannot join", report("e1", "u1", "vi", day("2025-03-12"), partner("x-0001")),
			report("e2", "u2", "fr", day("2025-03-13"), partner("x-0002")), true, PRF{FN: 1}},
		{"a visit and a later signing share an id", report("e1", "u1", "fr", day("2024-03-11"), partner("th-udon")),
			report("e1", "u2", "vi", day("2024-10-24"), partner("th-udon")), false, PRF{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			second := "k2"
			if tt.sameEv {
				second = "k1"
			}
			r := Score([]Scored{
				{Gold: GoldDoc{File: "a", URL: tt.a.URL, EventID: "k1", Gold: gold}, Doc: tt.a},
				{Gold: GoldDoc{File: "b", URL: tt.b.URL, EventID: second, Gold: gold}, Doc: tt.b},
			})
			if r.Grouping != tt.want {
				t.Errorf("grouping %+v, want %+v", r.Grouping, tt.want)
			}
		})
	}
}

func TestPublishedTime(t *testing.T) {
	tests := []struct {
		published string
		want      time.Time
		wantErr   bool
	}{
		{"2025-11-12", time.Date(2025, 11, 12, 0, 0, 0, 0, time.UTC), false},
		{"", time.Time{}, false},
		{"12/11/2025", time.Time{}, true},
	}
	for _, tt := range tests {
		got, err := GoldDoc{File: "f", Published: tt.published}.PublishedTime()
		if (err != nil) != tt.wantErr || !got.Equal(tt.want) {
			t.Errorf("PublishedTime(%q) = %v, %v; want %v, error %v", tt.published, got, err, tt.want, tt.wantErr)
		}
	}
}
