package store

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medcoop/medcoop"
)

// syntheticPage is page i of a crawl: one event between two of nParties
// parties on one of the days of 2020–2025, with a few hundred words of text.
func syntheticPage(rng *rand.Rand, i, nParties int) *medcoop.Document {
	a, b := rng.IntN(nParties), rng.IntN(nParties)
	if a == b {
		b = (b + 1) % nParties
	}
	text := strings.Repeat(fmt.Sprintf("Paragraph of page %d about a cooperation. ", i), 60)
	s := medcoop.Evidence{Text: text[:40], Start: 0, End: 40}
	date := fmt.Sprintf("%d-%02d-%02d", 2020+rng.IntN(6), 1+rng.IntN(12), 1+rng.IntN(28))
	return &medcoop.Document{
		URL: fmt.Sprintf("https://site%d.example/news/%d", i%50, i), Lang: []string{"fr", "vi", "en"}[i%3],
		Title: fmt.Sprintf("News %d", i), Published: date, Text: text,
		Events: []medcoop.Event{{
			Type: medcoop.AgreementSigned,
			Date: &medcoop.Date{Value: date, Precision: medcoop.Day, Evidence: &s},
			Parties: []medcoop.Party{
				party(fmt.Sprintf("p%d", a), fmt.Sprintf("Hospital %d", a), "FR", fmt.Sprintf("Hôpital %d", a), s),
				party(fmt.Sprintf("p%d", b), fmt.Sprintf("Bệnh viện %d", b), "VN", fmt.Sprintf("Bệnh viện %d", b), s),
			},
			Countries:  []string{"FR", "VN"},
			Domains:    []medcoop.Domain{{Code: "cardiology", Label: "cardiology"}},
			People:     []medcoop.Person{{Name: fmt.Sprintf("Nguyễn Văn %d", i), NameASCII: fmt.Sprintf("Nguyen Van %d", i)}},
			Confidence: 0.5,
		}},
	}
}

// benchStore is a store filled with n pages, most of them distinct events.
func benchStore(b *testing.B, n int, opts Options) (*Store, *rand.Rand) {
	b.Helper()
	s, err := Open(filepath.Join(b.TempDir(), "bench.db"), opts)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range n {
		if _, err := s.SaveDocument(syntheticPage(rng, i, 300), PageMeta{}); err != nil {
			b.Fatal(err)
		}
	}
	return s, rng
}

// BenchmarkSaveDocument saves new pages into a store of 3000 events,
// without fsync (the cost of the transaction) and with (the cost on disk).
func BenchmarkSaveDocument(b *testing.B) {
	for _, sync := range []bool{false, true} {
		b.Run(fmt.Sprintf("fsync=%v", sync), func(b *testing.B) {
			benchmarkSave(b, Options{NoSync: !sync})
		})
	}
}

func benchmarkSave(b *testing.B, opts Options) {
	s, rng := benchStore(b, 3000, Options{NoSync: true})
	s.db.NoSync = opts.NoSync
	for i := 0; b.Loop(); i++ {
		if _, err := s.SaveDocument(syntheticPage(rng, 3000+i, 300), PageMeta{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEvents(b *testing.B) {
	s, _ := benchStore(b, 3000, Options{NoSync: true})
	filters := []struct {
		name string
		f    Filter
	}{
		{"all", Filter{}},
		{"party", Filter{Party: "hospital 17"}},
		{"person", Filter{Person: "Nguyen Van 1234"}},
		{"q", Filter{Q: "benh vien 42"}},
		{"from-to", Filter{From: "2023-02", To: "2023-05"}},
	}
	for _, f := range filters {
		b.Run(f.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Events(f.f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
