package people

import "testing"

// TestTrade checks which phrases name people by their trade: roles,
// plural roles, titles in lower case and profession suffixes, not private
// titles nor fields.
func TestTrade(t *testing.T) {
	tests := []struct {
		lang, s string
		want    bool
	}{
		{"fr", "infirmières", true},
		{"fr", "gériatre", true},
		{"fr", "hépatologues", true},
		{"fr", "soins infirmiers", false},
		{"fr", "néonatologie", false},
		{"en", "emergency nurses", true},
		{"en", "nursing", false},
		{"en", "cardiology unit", false},
		{"vi", "điều dưỡng", true},
		{"vi", "bác sĩ gây mê", true},
		{"vi", "ông", false},
		{"vi", "hồi sức tích cực", false},
		{"xx", "nurses", false},
	}
	for _, tt := range tests {
		if got := Trade(tt.lang, tt.s); got != tt.want {
			t.Errorf("Trade(%q, %q) = %v, want %v", tt.lang, tt.s, got, tt.want)
		}
	}
}

// TestKeepsDiacritics checks which languages compare roles with their
// diacritics.
func TestKeepsDiacritics(t *testing.T) {
	for lang, want := range map[string]bool{"vi": true, "fr": false, "en": false, "xx": false} {
		if got := KeepsDiacritics(lang); got != want {
			t.Errorf("KeepsDiacritics(%q) = %v, want %v", lang, got, want)
		}
	}
}
