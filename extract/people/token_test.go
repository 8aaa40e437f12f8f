package people

import (
	"slices"
	"testing"

	"github.com/medcoop/medcoop/extract/textnorm"
)

func TestTokenize(t *testing.T) {
	toks := tokenize("GS.TS. Lê Ngọc Thành – l'hôpital\nJean-Marc Đào")
	var got []string
	for _, tk := range toks {
		got = append(got, tk.text)
		if tk.fold != textnorm.Key(tk.text) && tk.word {
			t.Errorf("fold of %q is %q, want %q", tk.text, tk.fold, textnorm.Key(tk.text))
		}
	}
	want := []string{"GS", ".", "TS", ".", "Lê", "Ngọc", "Thành", "–", "l", "'", "hôpital", "Jean-Marc", "Đào"}
	if len(got) != len(want) {
		t.Fatalf("tokenize = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("tokenize = %q, want %q", got, want)
		}
	}
	if !toks[11].nl || toks[10].nl {
		t.Errorf("line break not recorded on the right token")
	}
	if toks[7].lower != "-" {
		t.Errorf("en dash key = %q, want -", toks[7].lower)
	}
}

// An apostrophe after a single capital that no French word elides joins a
// name's prefix to the rest of the name.
func TestTokenizeNameApostrophe(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Bà Siu H'Nhi", []string{"Bà", "Siu", "H'Nhi"}},
		{"K’Bríp", []string{"K’Bríp"}},
		{"Dr O'Brien", []string{"Dr", "O'Brien"}},
		{"L'Hôpital d'Annecy", []string{"L", "'", "Hôpital", "d", "'", "Annecy"}},
		{"D'Artagnan", []string{"D", "'", "Artagnan"}},
		{"H'mong", []string{"H", "'", "mong"}}, // a lower-case letter after it: no name
	}
	for _, tt := range tests {
		var got []string
		for _, tk := range tokenize(tt.text) {
			got = append(got, tk.text)
			if tk.word && tk.fold != textnorm.Key(tk.text) {
				t.Errorf("fold of %q is %q, want %q", tk.text, tk.fold, textnorm.Key(tk.text))
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("tokenize(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
