package store

import (
	"slices"
	"testing"

	"github.com/medcoop/medcoop"
)

func filterFixture(t *testing.T) *Store {
	t.Helper()
	s := openTemp(t)
	status := func(st medcoop.ReviewStatus) *medcoop.Review { return &medcoop.Review{Status: st} }
	events := []medcoop.Event{
		{
			ID: "e1", Type: medcoop.AgreementSigned,
			Date:      &medcoop.Date{Value: "2025-11-12", Precision: medcoop.Day},
			Place:     &medcoop.Place{Name: "Hanoi", Country: "VN"},
			Parties:   []medcoop.Party{party("chu-nimes", "Nîmes University Hospital", "FR", "CHU de Nîmes"), party("bach-mai", "Bach Mai Hospital", "VN", "Bệnh viện Bạch Mai")},
			Countries: []string{"FR", "VN"},
			Domains:   []medcoop.Domain{{Code: "cardiology", Label: "cardiology", Surface: []string{"tim mạch"}}},
			People:    []medcoop.Person{{Name: "Lê Ngọc Thành", NameASCII: "Le Ngoc Thanh", Role: "rector"}},
			Sources:   []medcoop.Source{{URL: "https://a.example/1", Lang: "fr", Title: "Accord avec Hanoï"}},
		},
		{
			ID: "e2", Type: medcoop.DelegationVisit,
			Date:      &medcoop.Date{Value: "2024-05", Precision: medcoop.Month},
			Place:     &medcoop.Place{Name: "Huế", Country: "VN"},
			Parties:   []medcoop.Party{party("hue-central", "Hue Central Hospital", "VN", "Bệnh viện Trung ương Huế"), party("chu-rouen", "Rouen University Hospital", "FR", "CHU de Rouen")},
			Countries: []string{"VN", "FR"},
			Domains:   []medcoop.Domain{{Code: "pediatrics", Label: "pediatrics"}},
			People:    []medcoop.Person{{Name: "Jean-Marc Dupont", NameASCII: "Jean-Marc Dupont", Role: "director"}},
			Sources:   []medcoop.Source{{URL: "https://b.example/2", Lang: "vi", Title: "Đoàn công tác Pháp"}},
			Review:    status(medcoop.Verified),
		},
		{
			ID: "e3", Type: medcoop.TrainingProgramme,
			Parties: []medcoop.Party{party("ump-hanoi", "Hanoi Medical University", "VN", "Đại học Y Hà Nội"), party("u-bordeaux", "University of Bordeaux", "FR", "Université de Bordeaux")},
			Domains: []medcoop.Domain{{Code: "medical-education", Label: "medical education"}},
			Sources: []medcoop.Source{{URL: "https://c.example/3", Lang: "en", Title: "Training young doctors"}},
			Review:  status(medcoop.Rejected),
		},
		{
			ID: "e4", Type: medcoop.MOUSigned,
			Date:      &medcoop.Date{Value: "2025", Precision: medcoop.Year},
			Parties:   []medcoop.Party{party("cho-ray", "Cho Ray Hospital", "VN", "Bệnh viện Chợ Rẫy"), party("aphp", "Paris Public Hospitals", "FR", "AP-HP")},
			Countries: []string{"VN", "FR"},
			Sources:   []medcoop.Source{{URL: "https://d.example/4", Lang: "fr"}, {URL: "https://e.example/5", Lang: "vi"}},
			Review:    status(medcoop.Unreviewed),
		},
		{
			ID: "e5", Type: medcoop.DonationOrEquipment,
			Date:      &medcoop.Date{Value: "2025-11-12", Precision: medcoop.Day},
			Parties:   []medcoop.Party{party("cho-ray", "Cho Ray Hospital", "VN", "Chợ Rẫy"), party("jica", "JICA", "JP", "JICA")},
			Countries: []string{"VN", "JP"},
			Sources:   []medcoop.Source{{URL: "https://f.example/6", Lang: "vi"}},
		},
	}
	for i := range events {
		if err := s.PutEvent(&events[i]); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func TestEventsFilter(t *testing.T) {
	s := filterFixture(t)
	tests := []struct {
		name string
		f    Filter
		want []string
	}{
		{"all but the rejected, latest first", Filter{}, []string{"e1", "e5", "e4", "e2"}},
		{"party id", Filter{Party: "cho-ray"}, []string{"e5", "e4"}},
		{"party name folded", Filter{Party: "cho ray"}, []string{"e5", "e4"}},
		{"party surface with diacritics", Filter{Party: "Chợ Rẫy"}, []string{"e5", "e4"}},
		{"party surface without diacritics", Filter{Party: "trung uong hue"}, []string{"e2"}},
		{"party punctuation", Filter{Party: "ap hp"}, []string{"e4"}},
		{"party none", Filter{Party: "Mayo"}, nil},
		{"country of event", Filter{Country: "JP"}, []string{"e5"}},
		{"country of a party only", Filter{Country: "fr"}, []string{"e1", "e4", "e2"}},
		{"domain", Filter{Domain: "pediatrics"}, []string{"e2"}},
		{"person ascii finds diacritics", Filter{Person: "Le Ngoc Thanh"}, []string{"e1"}},
		{"person part of name", Filter{Person: "dupont"}, []string{"e2"}},
		{"person hyphen", Filter{Person: "jean marc"}, []string{"e2"}},
		{"type", Filter{Type: "mou_signed"}, []string{"e4"}},
		{"lang of any source", Filter{Lang: "vi"}, []string{"e5", "e4", "e2"}},
		{"status unreviewed includes never reviewed", Filter{Status: "unreviewed"}, []string{"e1", "e5", "e4"}},
		{"status verified", Filter{Status: "verified"}, []string{"e2"}},
		{"status rejected", Filter{Status: "rejected"}, []string{"e3"}},
		{"q place", Filter{Q: "hue"}, []string{"e2"}},
		{"q title", Filter{Q: "young doctors", Status: "rejected"}, []string{"e3"}},
		{"a rejected event only when asked for", Filter{Q: "young doctors"}, nil},
		{"q domain surface", Filter{Q: "tim mach"}, []string{"e1"}},
		{"q every word", Filter{Q: "bach mai cardiology"}, []string{"e1"}},
		{"q words from two events", Filter{Q: "bach mai pediatrics"}, nil},
		{"from year", Filter{From: "2025"}, []string{"e1", "e5", "e4"}},
		{"from day", Filter{From: "2025-11-13"}, []string{"e4"}},
		{"to month", Filter{To: "2024-12"}, []string{"e2"}},
		{"range overlapping a month", Filter{From: "2024-05-20", To: "2024-06"}, []string{"e2"}},
		{"range of one day", Filter{From: "2025-11-12", To: "2025-11-12"}, []string{"e1", "e5", "e4"}},
		{"combined", Filter{Party: "cho ray", Lang: "fr", From: "2025-01"}, []string{"e4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, err := s.Events(tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range evs {
				got = append(got, e.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Events(%+v) = %v, want %v", tt.f, got, tt.want)
			}
		})
	}
}

func TestEventsFilterBadDates(t *testing.T) {
	s := filterFixture(t)
	for _, f := range []Filter{{From: "2025-13"}, {To: "25"}, {From: "2025/11/12"}, {To: "2025-11-32"}} {
		if _, err := s.Events(f); err == nil {
			t.Errorf("Events(%+v) accepted a bad date", f)
		}
	}
}

// FuzzFilterDates checks the date filter never panics on any filter or
// stored date, and that a valid date always lies within [itself, itself].
func FuzzFilterDates(f *testing.F) {
	for _, seed := range [][3]string{{"2025", "2025-11", "2025-11-12"}, {"2024-02-30", "", "20"}, {"", "2025-13", "x"}} {
		f.Add(seed[0], seed[1], seed[2])
	}
	f.Fuzz(func(t *testing.T, from, to, date string) {
		e := &medcoop.Event{ID: "e", Date: &medcoop.Date{Value: date}}
		if cf, err := compileFilter(Filter{From: from, To: to}); err == nil {
			cf.match(e)
		}
		sortEvents([]medcoop.Event{*e, {ID: "f"}})
		if dateFilterRE.MatchString(date) {
			cf, err := compileFilter(Filter{From: date, To: date})
			if err != nil || !cf.match(e) {
				t.Errorf("date %q outside [%q, %q]: %v", date, date, date, err)
			}
		}
	})
}
