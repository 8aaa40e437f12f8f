package dates

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestPublishedCorpus measures Published on the shared corpora's pages that
// have a gold publication date, read where they stand.
func TestPublishedCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus measurement skipped in -short mode")
	}
	sets := []struct {
		dir, index, dateKey string
		minShare            float64 // the share of pages that must be right
	}{
		// Includes a Vietnamese page whose only metadata date is the site's creation.
		{"../../../shared/corpus/news-html-vi-fr", "index.jsonl", "gold_date", 1.0},
		{"../../../shared/corpus/web-extraction-adbar-fr-vi-en", "gold.jsonl", "gold_publication_date", 0.90},
	}
	for _, set := range sets {
		t.Run(filepath.Base(set.dir), func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(set.dir, set.index))
			if err != nil {
				t.Skipf("corpus absent: %v", err)
			}
			right, total := 0, 0
			for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
				var rec struct {
					File string   `json:"file"`
					URL  string   `json:"url"`
					URLs []string `json:"urls"`
				}
				var dates map[string]any
				if err := json.Unmarshal([]byte(line), &rec); err != nil {
					t.Fatalf("%s: %v", set.index, err)
				}
				_ = json.Unmarshal([]byte(line), &dates)
				gold, _ := dates[set.dateKey].(string)
				if len(gold) < 10 {
					continue
				}
				doc, err := readGzipHTML(filepath.Join(set.dir, rec.File))
				if err != nil {
					t.Fatalf("%s: %v", rec.File, err)
				}
				url := rec.URL
				if url == "" && len(rec.URLs) > 0 {
					url = rec.URLs[0]
				}
				total++
				got, ok := Published(doc, url, "")
				if ok && got.Format("2006-01-02") == gold[:10] {
					right++
				} else {
					t.Logf("miss %s: got %s (%v), gold %s", rec.File, got.Format("2006-01-02"), ok, gold[:10])
				}
			}
			t.Logf("%d of %d publication dates right", right, total)
			if total == 0 || float64(right) < set.minShare*float64(total) {
				t.Errorf("%d of %d right, want at least %.0f%%", right, total, 100*set.minShare)
			}
		})
	}
}

func readGzipHTML(path string) (*html.Node, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	return html.Parse(bytes.NewReader(b))
}
