package extract

import (
	"reflect"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"two french sentences", "Le CHU a signé. La cérémonie a eu lieu à Lyon.",
			[]string{"Le CHU a signé.", "La cérémonie a eu lieu à Lyon."}},
		{"title abbreviation", "Selon le Pr. Martin, tout va bien. M. Dupont approuve.",
			[]string{"Selon le Pr. Martin, tout va bien.", "M. Dupont approuve."}},
		{"vietnamese name at a sentence end", "Hai bên ký kết với Việt Nam. Ông Lê Văn An phát biểu.",
			[]string{"Hai bên ký kết với Việt Nam.", "Ông Lê Văn An phát biểu."}},
		{"short french word at a sentence end", "La convention lie le CHU. Puis vint la visite.",
			[]string{"La convention lie le CHU.", "Puis vint la visite."}},
		{"vietnamese titles", "GS.TS. Lê Văn An phát biểu. Ông cho biết thêm.",
			[]string{"GS.TS. Lê Văn An phát biểu.", "Ông cho biết thêm."}},
		{"lines", "Titre\n\nPremier paragraphe.\nSecond.",
			[]string{"Titre", "Premier paragraphe.", "Second."}},
		{"quote closes", "« Nous sommes fiers. » Il sourit.",
			[]string{"« Nous sommes fiers. »", "Il sourit."}},
		{"decimal", "Le budget est de 1.5 million. Bien.",
			[]string{"Le budget est de 1.5 million.", "Bien."}},
		{"lower case after period", "Voir p. 12 et suiv. pour le détail.",
			[]string{"Voir p. 12 et suiv. pour le détail."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range SplitSentences(tt.in) {
				if tt.in[s.Start:s.End] != s.Text {
					t.Fatalf("offsets %d:%d do not give %q", s.Start, s.End, s.Text)
				}
				got = append(got, s.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func FuzzSplitSentences(f *testing.F) {
	f.Add("Le CHU a signé. La cérémonie.\nGS.TS. Lê Văn An.")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sent := range SplitSentences(s) {
			if sent.Start < prev || sent.End > len(s) || sent.Start >= sent.End || s[sent.Start:sent.End] != sent.Text {
				t.Fatalf("bad sentence %+v in %q", sent, s)
			}
			prev = sent.End
		}
	})
}
