package extract

import (
	"testing"
	"time"

	medcoop "github.com/medcoop/medcoop"
)

// FuzzDocument runs the whole page → document path on arbitrary input and
// checks what every document promises: a language code, a date in its
// format, and evidence that cites the text it claims to.
func FuzzDocument(f *testing.F) {
	f.Add([]byte("<html><head><title>Le CHU de Nîmes signe</title></head><body><p>Le CHU de Nîmes et l'hôpital mère-enfant de Taiyuan ont signé jeudi dernier une convention.</p></body></html>"), false)
	f.Add([]byte("Chiều 12/11, Trường Đại học Y Dược, ĐHQGHN đã ký kết thỏa thuận hợp tác với CHU Clermont-Ferrand.\nGS.TS. Lê Ngọc Thành phát biểu."), true)
	f.Add([]byte("<p>Du 8 au 19 septembre, l'AP-HP a formé (Pr. X.) l'hôpital Bạch Mai.</p>"), false)
	ref := time.Date(2025, 11, 14, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, body []byte, asText bool) {
		doc, err := Document(Input{Body: body, IsText: asText, Published: ref})
		if err != nil {
			return // refusals are allowed; panics and broken promises are not
		}
		if len(doc.Lang) != 2 && doc.Lang != "und" {
			t.Fatalf("lang %q", doc.Lang)
		}
		check := func(what string, e *medcoop.Evidence) {
			if e == nil {
				return
			}
			if e.Start < 0 || e.End > len(doc.Text) || e.Start > e.End || doc.Text[e.Start:e.End] != e.Text {
				t.Fatalf("%s evidence %d:%d does not cite the text", what, e.Start, e.End)
			}
		}
		for _, ev := range doc.Events {
			if ev.Date != nil {
				check("date", ev.Date.Evidence)
			}
			for _, p := range ev.Parties {
				if p.ID == "" || p.Name == "" || p.Surface == nil {
					t.Fatalf("party %+v", p)
				}
				for i := range p.Evidence {
					check("party", &p.Evidence[i])
				}
			}
			for _, p := range ev.People {
				if p.NameASCII == "" {
					t.Fatalf("person %q without name_ascii", p.Name)
				}
				check("person", p.Evidence)
			}
		}
	})
}
