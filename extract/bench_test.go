package extract

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkDocument runs the whole HTML → document path (main text,
// language, dates, mentions, events) over the fixture articles and reports
// pages per second.
func BenchmarkDocument(b *testing.B) {
	paths, err := filepath.Glob("../fixtures/sites/*/*/*.html")
	if err != nil || len(paths) == 0 {
		b.Fatalf("no fixture pages: %v", err)
	}
	var pages [][]byte
	size := 0
	for _, p := range paths {
		body, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, body)
		size += len(body)
	}
	if _, err := Document(Input{Body: pages[0]}); err != nil { // load lexicons and models outside the timing
		b.Fatal(err)
	}
	b.SetBytes(int64(size / len(pages)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Document(Input{Body: pages[i%len(pages)]}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
