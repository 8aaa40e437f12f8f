package medcoop

import "testing"

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
