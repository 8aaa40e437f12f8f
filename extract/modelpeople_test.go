package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	medcoop "github.com/medcoop/medcoop"
	"github.com/medcoop/medcoop/evaluate"
	"github.com/medcoop/medcoop/internal/schematest"
)

func TestRunStarts(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"L'une d'elles, Tran Thi Mai Anh, 24 ans, témoigne.", []string{"Tran"}},
		{"Paul-Henri Morel, logistics officer at the hospital", []string{"Paul-Henri"}},
		{"Aucun nom ici, seulement Paris.", nil},
		{"Lyon, Marseille et Nantes", nil},
		{"", nil},
	}
	for _, c := range cases {
		var got []string
		for _, at := range runStarts(c.in) {
			got = append(got, strings.Fields(c.in[at:])[0])
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("runStarts(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestAllCaps(t *testing.T) {
	for in, want := range map[string]bool{"QUANG NAM": true, "Quang Nam": false, "Jean-Luc DURAND": false, "": false} {
		if got := allCaps(in); got != want {
			t.Errorf("allCaps(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestModelPeople runs the people finders on our own sentences through
// event assembly: the model adds a person only where patterns found none,
// with a role, and never a place, an institution or a name in capitals.
func TestModelPeople(t *testing.T) {
	lede := map[string]string{
		"fr": "Le CHU de Rennes et l'hôpital Cho Ray ont signé mardi une convention de coopération.\n\n",
		"en": "Cho Ray Hospital and CHU Rennes signed a cooperation agreement on Tuesday.\n\n",
		"vi": "Bệnh viện Chợ Rẫy và CHU Rennes đã ký thỏa thuận hợp tác hôm thứ Ba.\n\n",
	}
	cases := []struct {
		name, lang, text string
		want, wantRole   string // want "" when nobody is found
	}{
		{"en apposition", "en", "Paul-Henri Morel, logistics officer at CHU Rennes, said the work starts in May.", "Paul-Henri Morel", "logistics officer"},
		{"en no role", "en", "Paul-Henri Morel visited the wards and \"liked the teams\".", "", ""},
		{"en capitals", "en", "HO CHI MINH CITY, said the report of the hospital.", "", ""},
		{"en place", "en", "Rennes Metropole, partner of CHU Rennes, said it would help.", "", ""},
		{"fr patterns first", "fr", "Parmi eux, Émilie Garnier-Roy, directrice générale de l'hôpital, se dit « ravie ».", "Émilie Garnier-Roy", "director general"},
		{"fr no quote no role", "fr", "Parmi les visiteurs se trouvait Émilie Garnier-Roy venue de loin.", "", ""},
		{"vi no model", "vi", "Nguyễn Thị Hồng Nhung, cô gái trẻ, nói: “rất vui”.", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Document(Input{Body: []byte(lede[c.lang] + c.text + "\n"), IsText: true,
				Published: time.Date(2025, 5, 9, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Events) != 1 {
				t.Fatalf("%d events, want 1 (lang %s)", len(doc.Events), doc.Lang)
			}
			var got, role string
			for _, p := range doc.Events[0].People {
				got, role = p.Name, p.Role
			}
			if got != c.want || role != c.wantRole {
				t.Errorf("person %q role %q, want %q role %q", got, role, c.want, c.wantRole)
			}
		})
	}
}

// TestModelMentions checks the people the model adds to a document's
// mentions, role or not (event assembly keeps only those with a role).
func TestModelMentions(t *testing.T) {
	cases := []struct {
		lang, text string
		want       []string // name/role of the people added
	}{
		{"fr", "Les internes sont arrivés.\nL'une d'elles, Tran Thi Mai Anh, 24 ans, se dit « ravie » du séjour.\n", []string{"Tran Thi Mai Anh/"}},
		{"fr", "Les internes sont arrivés.\nL'une d'elles, Tran Thi Mai Anh, 24 ans, se dit ravie du séjour.\n", nil},
		{"fr", "Au CHU de Rennes, « un beau projet » pour tous.\n", nil},
		{"en", "Paul-Henri Morel, logistics officer at CHU Rennes, said the work starts in May.\n", []string{"Paul-Henri Morel/logistics officer"}},
		{"en", "\"Good news,\" said the team of CHU Rennes in Hanoi.\n", nil},
		{"vi", "Nguyễn Thị Hồng Nhung nói: “rất vui”.\n", nil},
	}
	for _, c := range cases {
		doc := &medcoop.Document{Text: c.text, Lang: c.lang}
		m := findMentions(doc, time.Time{}, "")
		before := len(m.people)
		m.addModelPeople()
		var got []string
		for _, p := range m.people[before:] {
			got = append(got, p.Name+"/"+p.Role)
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%s %q: added %q, want %q", c.lang, c.text, got, c.want)
		}
	}
}

// goldSets are the tuning sets the finders are compared on (never test.json).
func goldSets(t *testing.T) map[string]string {
	sets := map[string]string{"dev": "../fixtures/gold/dev.json"}
	if _, err := os.Stat("../fixtures/gold/dev2.json"); err == nil {
		sets["dev2"] = "../fixtures/gold/dev2.json"
	}
	if dir := schematest.SharedDir(); dir != "" {
		if _, err := os.Stat(filepath.Join(dir, "devset", "seeds.gold.json")); err == nil {
			sets["devset"] = filepath.Join(dir, "devset", "seeds.gold.json")
		}
	}
	return sets
}

// scorePeople extracts every document of a gold file with the given
// finders and returns the people scores.
func scorePeople(t *testing.T, path string, f peopleFinders) evaluate.PRF {
	t.Helper()
	saved := finders
	finders = f
	defer func() { finders = saved }()
	items := extractGold(t, path)
	return evaluate.Score(items).People
}

// TestPeopleFinders compares the people of events found by the patterns
// alone, the model alone (on the candidate sentences, and on every
// sentence) and both together, and fails if together falls below the
// patterns alone or below its floor.
func TestPeopleFinders(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the model over whole documents")
	}
	modes := []struct {
		name string
		f    peopleFinders
	}{{"patterns", patternsOnly}, {"model, candidate sentences", modelCandidates},
		{"model, all sentences", modelEverywhere}, {"patterns + model", patternsAndModel}}
	var b strings.Builder
	fmt.Fprintf(&b, "%-8s %-28s %5s %5s %5s %4s %4s %4s\n", "set", "finders", "P", "R", "F1", "TP", "FP", "FN")
	for name, path := range goldSets(t) {
		got := map[peopleFinders]evaluate.PRF{}
		for _, m := range modes {
			r := scorePeople(t, path, m.f)
			got[m.f] = r
			fmt.Fprintf(&b, "%-8s %-28s %.3f %.3f %.3f %4d %4d %4d\n", name, m.name, r.Precision(), r.Recall(), r.F1(), r.TP, r.FP, r.FN)
		}
		if got[patternsAndModel].F1() < got[patternsOnly].F1() {
			t.Errorf("%s: patterns + model F1 %.3f below patterns alone %.3f", name, got[patternsAndModel].F1(), got[patternsOnly].F1())
		}
		if name == "dev" && got[patternsAndModel].F1() < 0.98 {
			t.Errorf("dev: patterns + model F1 %.3f, below its floor 0.98", got[patternsAndModel].F1())
		}
	}
	t.Logf("people of events:\n%s", b.String())
}

// FuzzRunStarts checks that every run start is the start of a capitalised
// word inside the text.
func FuzzRunStarts(f *testing.F) {
	for _, s := range []string{"L'un d'eux, Nguyen Hoang Phuc, 23 ans", "Jean-Marc Colin, officer", "É É", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := -1
		for _, at := range runStarts(s) {
			if at <= prev || at >= len(s) {
				t.Fatalf("run start %d out of order or range in %q", at, s)
			}
			if r, _ := utf8.DecodeRuneInString(s[at:]); !unicode.IsUpper(r) {
				t.Fatalf("run start %d of %q is not a capital", at, s)
			}
			prev = at
		}
	})
}
