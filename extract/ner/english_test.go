package ner

import "testing"

func TestEnglish(t *testing.T) {
	r, err := English()
	if err != nil {
		t.Fatalf("English: %v", err)
	}
	cases := []struct{ text, want string }{
		{"The new unit was opened on Monday by Margaret Holloway, the hospital's chief nurse.", "Margaret Holloway"},
		{"Doctors from the two hospitals met in the morning.", ""},
	}
	for _, c := range cases {
		got := ""
		for _, e := range r.Find(c.text) {
			if c.text[e.Start:e.End] != e.Text {
				t.Fatalf("%q: entity %+v does not match its offsets", c.text, e)
			}
			if e.Label == "PER" {
				got = e.Text
			}
		}
		if got != c.want {
			t.Errorf("%q: person %q, want %q", c.text, got, c.want)
		}
	}
}
