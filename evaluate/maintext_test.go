package evaluate

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/medcoop/medcoop/internal/schematest"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestTextF1(t *testing.T) {
	tests := []struct {
		name       string
		pred, gold string
		p, r, f1   float64
	}{
		{"identical", "The quick brown fox jumps.", "The quick brown fox jumps.", 1, 1, 1},
		{"both empty", "", "", 1, 1, 1},
		{"nothing predicted", "", "one two three four", 0, 0, 0},
		{"nothing expected", "one two three four", "", 0, 0, 0},
		// gold has 2 shingles, the prediction those 2 and one more.
		{"boilerplate added", "one two three four five six", "one two three four five", 2.0 / 3, 1, 0.8},
		{"case counts", "Hello World", "hello world", 0, 0, 0},
		{"punctuation and space do not count", "Hello,\n\n  world!", "Hello world", 1, 1, 1},
		{"short texts are one shingle", "a b", "a b c", 0, 0, 0},
		{"letters of any script", "Bệnh viện Bạch Mai — l'hôpital", "Bệnh viện Bạch Mai: l’hôpital", 1, 1, 1},
		{"digits and underscores are word characters", "le 12_11 2025", "le 12 11 2025", 0, 0, 0},
		// gold: abcd twice and three other shingles; the prediction abcd once.
		{"shingles are a multiset", "a b c d", "a b c d a b c d", 1, 0.2, 1.0 / 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, r, f1 := TextF1(tt.pred, tt.gold)
			if !near(p, tt.p) || !near(r, tt.r) || !near(f1, tt.f1) {
				t.Errorf("TextF1(%q, %q) = %.4f, %.4f, %.4f, want %.4f, %.4f, %.4f", tt.pred, tt.gold, p, r, f1, tt.p, tt.r, tt.f1)
			}
		})
	}
}

func TestTextScores(t *testing.T) {
	var s TextScores
	if s.N() != 0 || s.F1() != 0 {
		t.Fatalf("zero value: N %d, F1 %f", s.N(), s.F1())
	}
	s.Add("", "one two three four")                             // no precision (nothing predicted), recall 0
	s.Add("one two three four five", "one two three four five") // exact
	if got := s.Precision(); !near(got, 1) {
		t.Errorf("precision %f, want 1: a page with nothing predicted has no precision", got)
	}
	if got := s.Recall(); !near(got, 0.5) {
		t.Errorf("recall %f, want 0.5", got)
	}
	if got := s.F1(); !near(got, 2.0/3) {
		t.Errorf("F1 %f, want the harmonic mean of the means, 0.667", got)
	}
	if got := s.Exact(); !near(got, 0.5) || s.N() != 2 {
		t.Errorf("exact %f of %d pages, want 0.5 of 2", got, s.N())
	}
}

func TestSegmentScore(t *testing.T) {
	tests := []struct {
		name          string
		text          string
		with, without []string
		want          SegmentScore
	}{
		{
			name:    "white space collapsed on both sides",
			text:    "Le CHU de  Nîmes a signé\nune convention.",
			with:    []string{"CHU de Nîmes", "signé une\tconvention", "Taiyuan"},
			without: []string{"Partager sur Facebook", "une convention"},
			want:    SegmentScore{PRF: PRF{TP: 2, FP: 1, FN: 1}, TN: 1, Pages: 1},
		},
		{
			name:    "case and accents count",
			text:    "Hôpital Bạch Mai",
			with:    []string{"hôpital", "Bach Mai"},
			without: []string{"HÔPITAL"},
			want:    SegmentScore{PRF: PRF{FN: 2}, TN: 1, Pages: 1},
		},
		{
			name: "empty text finds nothing",
			with: []string{"a"}, without: []string{"b"},
			want: SegmentScore{PRF: PRF{FN: 1}, TN: 1, Pages: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s SegmentScore
			s.Add(tt.text, tt.with, tt.without)
			if s != tt.want {
				t.Errorf("got %+v, want %+v", s, tt.want)
			}
		})
	}
	var all SegmentScore
	all.Merge(SegmentScore{PRF: PRF{TP: 2, FP: 1, FN: 1}, TN: 1, Pages: 1})
	all.Merge(SegmentScore{PRF: PRF{TP: 1}, TN: 1, Pages: 1})
	if all.Pages != 2 || !near(all.Precision(), 0.75) || !near(all.Recall(), 0.75) || !near(all.Accuracy(), 5.0/7) {
		t.Errorf("merged %+v: P %.3f R %.3f accuracy %.3f, want 0.75, 0.75, 0.714", all, all.Precision(), all.Recall(), all.Accuracy())
	}
}

// TestTextF1PublishedPeers scores the peer extractors' published outputs,
// kept beside the ScrapingHub benchmark, and must find the F1, precision
// and recall the benchmark's README publishes for them (to the three
// decimals it prints): the proof that TextF1 and TextScores are its metric.
func TestTextF1PublishedPeers(t *testing.T) {
	dir := filepath.Join(schematest.SharedDir(), "corpus", "scrapinghub-article-extraction-benchmark")
	var gold map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Skipf("the ScrapingHub benchmark is not in ../shared/corpus: %v", err)
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatalf("ground-truth.json: %v", err)
	}
	published := []struct {
		peer     string
		f1, p, r float64
	}{
		{"go_trafilatura", 0.960, 0.940, 0.980},
		{"trafilatura", 0.958, 0.938, 0.978},
		{"readability_js", 0.947, 0.914, 0.982},
		{"go_readability", 0.934, 0.900, 0.971},
		{"go_domdistiller", 0.927, 0.901, 0.956},
		{"readability", 0.922, 0.913, 0.931},
	}
	for _, pub := range published {
		t.Run(pub.peer, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(dir, "peer-outputs", pub.peer+".json"))
			if err != nil {
				t.Fatal(err)
			}
			var out struct {
				Output map[string]struct {
					ArticleBody string `json:"articleBody"`
				} `json:"output"`
			}
			if err := json.Unmarshal(raw, &out); err != nil {
				t.Fatalf("%s: %v", pub.peer, err)
			}
			var s TextScores
			for id, g := range gold {
				s.Add(out.Output[id].ArticleBody, g.ArticleBody)
			}
			t.Logf("%-16s F1 %.3f P %.3f R %.3f exact %.3f (N %d)", pub.peer, s.F1(), s.Precision(), s.Recall(), s.Exact(), s.N())
			const tol = 0.0005 + 1e-9 // the README rounds to three decimals
			if math.Abs(s.F1()-pub.f1) > tol || math.Abs(s.Precision()-pub.p) > tol || math.Abs(s.Recall()-pub.r) > tol {
				t.Errorf("F1 %.4f P %.4f R %.4f, published %.3f %.3f %.3f", s.F1(), s.Precision(), s.Recall(), pub.f1, pub.p, pub.r)
			}
		})
	}
}
