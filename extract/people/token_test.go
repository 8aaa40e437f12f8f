package people

import (
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
