package ner

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/medcoop/medcoop/extract/people"
	"github.com/medcoop/medcoop/internal/schematest"
)

func load(t testing.TB) *Recognizer {
	t.Helper()
	r, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return r
}

// checkInvariants checks what Find promises for any text.
func checkInvariants(t *testing.T, text string, ents []Entity) {
	t.Helper()
	prev := 0
	for _, e := range ents {
		if e.Start < prev || e.End <= e.Start || e.End > len(text) {
			t.Fatalf("entity %+v out of order or out of range [%d, %d] in %q", e, prev, len(text), text)
		}
		if text[e.Start:e.End] != e.Text {
			t.Fatalf("entity %+v: text[%d:%d] is %q", e, e.Start, e.End, text[e.Start:e.End])
		}
		switch e.Label {
		case "PER", "ORG", "LOC":
		default:
			t.Fatalf("entity %+v: unknown label", e)
		}
		prev = e.End
	}
}

func TestPrepare(t *testing.T) {
	cases := []struct{ in, want string }{
		{"l'hôpital", "l' hôpital"},
		{"l’hôpital d’Angers", "l' hôpital d' Angers"},
		{"L'OMS et qu'il", "L' OMS et qu' il"},
		{"aujourd'hui", "aujourd'hui"},
		{"« Bach Mai » “CHU”", "« Bach Mai » \"CHU\""},
		{"d'&rsquo;", "d''"},
		{"jusqu'à l'", "jusqu' à l'"},
		{"", ""},
	}
	for _, c := range cases {
		p := prepare(c.in)
		if p.text != c.want {
			t.Errorf("prepare(%q) = %q, want %q", c.in, p.text, c.want)
		}
		if len(p.from) != len(p.text) || len(p.to) != len(p.text) {
			t.Fatalf("prepare(%q): map of %d/%d bytes for %d", c.in, len(p.from), len(p.to), len(p.text))
		}
		for i := range p.text {
			if p.from[i] < 0 || p.to[i] > len(c.in) || p.from[i] > p.to[i] {
				t.Errorf("prepare(%q): byte %d maps to [%d, %d]", c.in, i, p.from[i], p.to[i])
			}
		}
	}
}

func TestFindFrench(t *testing.T) {
	r := load(t)
	cases := []struct {
		text string
		// want holds the Label and Text of entities that a found entity
		// of that label must overlap: the model often cuts long names.
		want []Entity
	}{
		{"Le ministre de la Santé, Olivier Véran, a visité l'hôpital de Strasbourg mardi.",
			[]Entity{{Label: "PER", Text: "Olivier Véran"}, {Label: "LOC", Text: "Strasbourg"}}},
		{"Selon l'Organisation mondiale de la santé, l'épidémie de choléra recule au Yémen.",
			[]Entity{{Label: "ORG", Text: "Organisation mondiale de la santé"}, {Label: "LOC", Text: "Yémen"}}},
		{"Emmanuel Macron a reçu Angela Merkel à Paris.",
			[]Entity{{Label: "PER", Text: "Emmanuel Macron"}, {Label: "PER", Text: "Angela Merkel"}, {Label: "LOC", Text: "Paris"}}},
	}
	for _, c := range cases {
		got := r.Find(c.text)
		checkInvariants(t, c.text, got)
		for _, w := range c.want {
			ws := strings.Index(c.text, w.Text)
			found := false
			for _, g := range got {
				found = found || (g.Label == w.Label && g.Start < ws+len(w.Text) && ws < g.End)
			}
			if !found {
				t.Errorf("Find(%q) = %+v, want a %s over %q", c.text, got, w.Label, w.Text)
			}
		}
	}
}

// TestTrainAccentedSpans trains a small model on accented text with
// elisions and curly quotes, and checks that it finds its own training
// entities back at the right offsets: the span arithmetic prose needs holds.
func TestTrainAccentedSpans(t *testing.T) {
	text := "Hélène Dubois dirige l’hôpital Léon-Bérard à Lyon. Éric Ngô a rejoint l'Université de Montréal à Québec."
	var gold []Entity
	for _, g := range []struct{ s, label string }{
		{"Hélène Dubois", "PER"}, {"hôpital Léon-Bérard", "ORG"}, {"Lyon", "LOC"},
		{"Éric Ngô", "PER"}, {"Université de Montréal", "ORG"}, {"Québec", "LOC"},
	} {
		i := strings.Index(text, g.s)
		gold = append(gold, Entity{Start: i, End: i + len(g.s), Text: g.s, Label: g.label})
	}
	docs := []Doc{{ID: "a", Text: text, Entities: gold}, {ID: "b", Text: text, Entities: gold}}
	m, missed, err := Train("test", docs)
	if err != nil {
		t.Fatal(err)
	}
	if missed != 0 {
		t.Errorf("%d gold entities not on token edges", missed)
	}
	dir := filepath.Join(t.TempDir(), "test")
	if err := m.Write(dir); err != nil {
		t.Fatal(err)
	}
	r, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := r.Find(text)
	checkInvariants(t, text, got)
	if c := Score(got, gold, "", true); c.TP != len(gold) || c.FP != 0 {
		t.Errorf("Find on its training text = %+v, want %+v", got, gold)
	}
}

func TestLoadDirMissing(t *testing.T) {
	if _, err := LoadDir(filepath.Join(t.TempDir(), "none")); err == nil {
		t.Error("LoadDir of a missing model: no error")
	}
}

func FuzzFind(f *testing.F) {
	r := load(f)
	for _, s := range []string{
		"Le Pr Nguyễn Văn A, directeur de l’hôpital Bạch Mai, à Hanoï.",
		"&rsquo;l'“É” d'",
		"  \n\u00a0Paris\t(Lyon) ",
		"L'OMS, l'UNICEF et l'AP-HP.",
		"\xff\xfe l'\xc3",
		"İzmir's İİİİ'll",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkInvariants(t, s, r.Find(s))
	})
}

func BenchmarkFind5KB(b *testing.B) {
	r := load(b)
	unit := "Le ministre de la Santé, Olivier Véran, a visité l'hôpital de Strasbourg mardi avec le directeur du CHU. "
	text := strings.Repeat(unit, 5000/len(unit)+1)[:5000]
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		r.Find(text)
	}
}

// heldOut reads the test split of WiNER-fr, skipping when ../shared is absent.
func heldOut(t *testing.T) []Doc {
	t.Helper()
	path := filepath.Join(schematest.SharedDir(), "corpus", "winer-fr", "winer-fr.jsonl")
	docs, err := ReadWiNER(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s is absent: the held-out split is not measured", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	var test []Doc
	for i, d := range docs {
		if HeldOut(i) {
			test = append(test, d)
		}
	}
	return test
}

// TestHeldOut measures the committed model on the held-out split of
// WiNER-fr (exact span match) and compares the person finders.
func TestHeldOut(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	test := heldOut(t)
	r := load(t)
	floors := map[string]float64{"PER": 0.46, "ORG": 0.24, "LOC": 0.70}
	counts := map[string]*Counts{}
	for l := range floors {
		counts[l] = &Counts{}
	}
	var nerPer, peoplePer, unionPer, nerOver, peopleOver, unionOver Counts
	size, began := 0, time.Now()
	for _, d := range test {
		pred := r.Find(d.Text)
		checkInvariants(t, d.Text, pred)
		size += len(d.Text)
		for l, c := range counts {
			c.Add(Score(pred, d.Entities, l, true))
		}
		var per, ppl []Entity
		for _, e := range pred {
			if e.Label == "PER" {
				per = append(per, e)
			}
		}
		for _, m := range people.Find(d.Text, "fr") {
			ppl = append(ppl, Entity{Start: m.Start, End: m.End, Text: d.Text[m.Start:m.End], Label: "PER"})
		}
		union := Union(per, ppl)
		nerPer.Add(Score(per, d.Entities, "PER", true))
		peoplePer.Add(Score(ppl, d.Entities, "PER", true))
		unionPer.Add(Score(union, d.Entities, "PER", true))
		nerOver.Add(Score(per, d.Entities, "PER", false))
		peopleOver.Add(Score(ppl, d.Entities, "PER", false))
		unionOver.Add(Score(union, d.Entities, "PER", false))
	}
	t.Logf("held-out: %d documents, %d bytes, %v per 5 KB (race detector on if -race)", len(test), size,
		time.Since(began)*5000/time.Duration(max(size, 1)))
	for _, l := range []string{"PER", "ORG", "LOC"} {
		c := counts[l]
		t.Logf("%s: precision %.3f recall %.3f F1 %.3f (%d/%d/%d)", l, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
		if c.F1() < floors[l] {
			t.Errorf("%s F1 %.3f on the held-out split, want at least %.2f", l, c.F1(), floors[l])
		}
	}
	for _, row := range []struct {
		name        string
		exact, over Counts
	}{{"people.Find", peoplePer, peopleOver}, {"ner", nerPer, nerOver}, {"union", unionPer, unionOver}} {
		t.Logf("PER by %-11s exact: precision %.3f recall %.3f; overlap: precision %.3f recall %.3f", row.name,
			row.exact.Precision(), row.exact.Recall(), row.over.Precision(), row.over.Recall())
	}
	if unionPer.Recall() < nerPer.Recall() || unionOver.Recall() < peopleOver.Recall() {
		t.Errorf("the union recalls less than one of its parts")
	}
}
