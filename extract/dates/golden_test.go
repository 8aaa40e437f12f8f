package dates

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/medcoop/medcoop/internal/schematest"
)

var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/golden_*.json from the current Find")

// goldenMention is a Mention without its surface: the golden files hold
// offsets and values only, never text from the corpora.
type goldenMention struct {
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Value      string `json:"value"`
	Precision  string `json:"precision"`
	Relative   bool   `json:"relative,omitempty"`
	Historical bool   `json:"historical,omitempty"`
}

// goldenDoc is what Find gave on one text, with its reference date and
// without one (as Published calls it).
type goldenDoc struct {
	ID       string          `json:"id"`
	Ref      string          `json:"ref"`
	Mentions []goldenMention `json:"mentions"`
	NoRef    []goldenMention `json:"no_ref"`
}

// goldenInput is one text of a golden set.
type goldenInput struct {
	id, lang, text string
	ref            time.Time
}

func goldenMentions(ms []Mention) []goldenMention {
	out := make([]goldenMention, 0, len(ms))
	for _, m := range ms {
		out = append(out, goldenMention{m.Start, m.End, m.Value, string(m.Precision), m.Relative, m.Historical})
	}
	return out
}

// goldenCorpusDocs is how many texts of each shared corpus the golden files cover.
const goldenCorpusDocs = 200

// dantriInputs reads the first texts of the Vietnamese health news corpus,
// each with the publication date of its URL as reference.
func dantriInputs(t *testing.T) []goldenInput {
	dir := filepath.Join(schematest.SharedDir(), "corpus", "vi-health-news-dantri")
	f, err := os.Open(filepath.Join(dir, "index.jsonl"))
	if err != nil {
		t.Skipf("shared corpus absent, golden comparison skipped: %v", err)
	}
	defer f.Close()
	var out []goldenInput
	sc := bufio.NewScanner(f)
	for sc.Scan() && len(out) < goldenCorpusDocs {
		var rec struct {
			File  string `json:"file"`
			DocID string `json:"doc_id"`
			Date  string `json:"date"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("dantri index: %v", err)
		}
		ref, err := time.Parse("20060102", rec.Date)
		if err != nil {
			t.Fatalf("dantri %s: date %q: %v", rec.DocID, rec.Date, err)
		}
		raw, err := os.ReadFile(filepath.Join(dir, rec.File))
		if err != nil {
			t.Fatalf("dantri %s: %v", rec.DocID, err)
		}
		out = append(out, goldenInput{rec.DocID, "vi", string(raw), ref})
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("dantri index: %v", err)
	}
	return out
}

// winerInputs reads the first texts of French Wikinews, each with the date in
// its identifier as reference.
func winerInputs(t *testing.T) []goldenInput {
	f, err := os.Open(filepath.Join(schematest.SharedDir(), "corpus", "winer-fr", "winer-fr.jsonl"))
	if err != nil {
		t.Skipf("shared corpus absent, golden comparison skipped: %v", err)
	}
	defer f.Close()
	var out []goldenInput
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() && len(out) < goldenCorpusDocs {
		var rec struct {
			DocID string `json:"doc_id"`
			Text  string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("winer-fr: %v", err)
		}
		ref, err := time.Parse("2006_01_02", rec.DocID[:min(10, len(rec.DocID))])
		if err != nil {
			t.Fatalf("winer-fr %s: %v", rec.DocID, err)
		}
		out = append(out, goldenInput{rec.DocID, "fr", rec.Text, ref})
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("winer-fr: %v", err)
	}
	return out
}

// benchInputs reads the benchmark texts written for this package.
func benchInputs(t *testing.T) []goldenInput {
	var out []goldenInput
	for _, lang := range []string{"fr", "vi", "en"} {
		out = append(out, goldenInput{"bench_" + lang, lang, readBenchText(t, lang), benchRef})
	}
	return out
}

// TestFindGolden checks that Find still gives exactly what it gave when the
// golden files were recorded (go test -run TestFindGolden -update-golden).
func TestFindGolden(t *testing.T) {
	sets := []struct {
		name   string
		inputs func(*testing.T) []goldenInput
	}{
		{"vi-dantri", dantriInputs},
		{"fr-winer", winerInputs},
		{"bench", benchInputs},
	}
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			if testing.Short() && set.name != "bench" {
				t.Skip("corpus comparison skipped in -short mode")
			}
			path := filepath.Join("testdata", "golden_"+set.name+".json")
			var got []goldenDoc
			for _, in := range set.inputs(t) {
				got = append(got, goldenDoc{
					ID:       in.id,
					Ref:      in.ref.Format("2006-01-02"),
					Mentions: goldenMentions(Find(in.text, in.lang, in.ref)),
					NoRef:    goldenMentions(Find(in.text, in.lang, time.Time{})),
				})
			}
			if *updateGolden {
				writeGolden(t, path, got)
				return
			}
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("read golden: %v", err)
			}
			var want []goldenDoc
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatalf("parse %s: %v", path, err)
			}
			if len(got) != len(want) {
				t.Fatalf("%d texts, golden has %d", len(got), len(want))
			}
			for i := range want {
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Errorf("%s: Find differs from the golden file:\nwith ref: %s\nwithout: %s", want[i].ID,
						mentionDiff(got[i].Mentions, want[i].Mentions), mentionDiff(got[i].NoRef, want[i].NoRef))
				}
			}
		})
	}
}

// mentionDiff lists the mentions only one side has.
func mentionDiff(got, want []goldenMention) string {
	var b strings.Builder
	for _, side := range []struct {
		sign     string
		of, from []goldenMention
	}{{"+", got, want}, {"-", want, got}} {
		for _, m := range side.of {
			if !slices.Contains(side.from, m) {
				fmt.Fprintf(&b, "\n  %s %s", side.sign, jsonLine(m))
			}
		}
	}
	return b.String()
}

// TestRulesAgreeWithDateparser checks the rule layer against go-dateparser:
// with the rules off, Find must still give the golden mentions of the
// benchmark texts, which hold every shape the rules read.
func TestRulesAgreeWithDateparser(t *testing.T) {
	useRules = false
	defer func() { useRules = true }()
	raw, err := os.ReadFile(filepath.Join("testdata", "golden_bench.json"))
	if err != nil {
		t.Fatalf("read golden: %v", err)
	}
	var want []goldenDoc
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatalf("parse golden: %v", err)
	}
	for i, in := range benchInputs(t) {
		got := goldenMentions(Find(in.text, in.lang, in.ref))
		if !reflect.DeepEqual(got, want[i].Mentions) {
			t.Errorf("%s: go-dateparser and the rules disagree:%s", in.id, mentionDiff(got, want[i].Mentions))
		}
	}
}

// writeGolden writes one document per line, so that a difference reads in a diff.
func writeGolden(t *testing.T, path string, docs []goldenDoc) {
	var b strings.Builder
	b.WriteString("[\n")
	for i, d := range docs {
		b.WriteString(jsonLine(d))
		if i < len(docs)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]\n")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatalf("write golden: %v", err)
	}
	t.Logf("wrote %s (%d texts)", path, len(docs))
}

func jsonLine(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("marshal %T: %v", v, err))
	}
	return string(b)
}
