package dates

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/net/html"
)

func parseFile(t *testing.T, name string) *html.Node {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("open %s: %v", name, err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	return doc
}

func TestPublishedHTML(t *testing.T) {
	tests := []struct {
		file, url, want string
	}{
		{"jsonld.html", "https://hopital.example.fr/actualites/convention-hanoi", "2025-11-14"},   // datePublished, not dateModified
		{"meta.html", "https://benhvien.example.vn/tin-tuc/ky-ket", "2025-11-13"},                 // article:published_time
		{"time.html", "https://hospital.example.org/news/agreement", "2025-11-12"},                // <time datetime>
		{"visible_fr.html", "https://chu.example.fr/actu/cambodge", "2025-11-14"},                 // "Publié le", not "Mis à jour le"
		{"visible_fr_words.html", "https://chu.example.fr/actu/formation", "2025-11-14"},          // French month name
		{"visible_vi.html", "https://baoyte.example.vn/hop-tac", "2025-11-13"},                    // "Thứ Năm, 13/11/2025 14:05"
		{"visible_vi_updated.html", "https://baoyte.example.vn/tiep-nhan-thiet-bi", "2025-11-14"}, // "Cập nhật: 09:20 14/11/2025"
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			doc := parseFile(t, tc.file)
			got, ok := Published(doc, tc.url, "")
			if !ok || got.Format("2006-01-02") != tc.want {
				t.Errorf("Published(%s) = %s, %v; want %s", tc.file, got.Format("2006-01-02"), ok, tc.want)
			}
		})
	}
}

// TestPublishedVisibleFallback checks the visible-text path on its own, as
// used when go-htmldate finds nothing: the text of the pages without markup.
func TestPublishedVisibleFallback(t *testing.T) {
	tests := []struct{ file, want string }{
		{"visible_fr.html", "2025-11-14"},
		{"visible_fr_words.html", "2025-11-14"},
		{"visible_vi.html", "2025-11-13"},
		{"visible_vi_updated.html", "2025-11-14"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			text := visibleText(parseFile(t, tc.file))
			got, ok := Published(nil, "", text)
			if !ok || got.Format("2006-01-02") != tc.want {
				t.Errorf("Published(text of %s) = %s, %v; want %s\ntext:\n%s", tc.file, got.Format("2006-01-02"), ok, tc.want, text)
			}
		})
	}
}

func TestPublishedText(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"published beats updated", "Mis à jour le 20/11/2025\nPublié le 14/11/2025 à 10h30\nLe 8 janvier 2018, un accord.", "2025-11-14"},
		{"updated when published is relative", "Publié il y a 3 mois · Mise à jour le 04.03.2024 · 5 min\nTexte.", "2024-03-04"},
		{"vietnamese header line", "Thời sự\nThứ Sáu, 14/11/2025 08:00 (GMT+7)\nNgày 8 tháng 1 năm 2018, hai bên ký.", "2025-11-14"},
		{"vietnamese update", "Cập nhật: 14:05 13/11/2025\nHôm qua, đoàn đến.", "2025-11-13"},
		{"vietnamese posted", "Đăng ngày 12/11/2025 | 07:30\nNội dung.", "2025-11-12"},
		{"english published", "Published on November 12, 2025\nThe hospital signed.", "2025-11-12"},
		{"a body date is no publication date", "Le 8 janvier 2018, les ministres ont signé un mémorandum.", ""},
		{"a future date is no publication date", "Publié le 14/11/2099", ""},
		{"nothing", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Published(nil, "", tc.text)
			if tc.want == "" {
				if ok {
					t.Errorf("Published(%q) = %s, want none", tc.text, got.Format("2006-01-02"))
				}
				return
			}
			if !ok || got.Format("2006-01-02") != tc.want {
				t.Errorf("Published(%q) = %s, %v; want %s", tc.text, got.Format("2006-01-02"), ok, tc.want)
			}
		})
	}
}

// TestPublishedDevset reads the devset where it stands: its first page, given
// as plain text, was published (last updated) on 19 December 2022.
func TestPublishedDevset(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/devset/001_*.txt")
	if len(files) == 0 {
		t.Skip("devset absent: ../../../shared/devset/001_*.txt not found")
	}
	raw, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatalf("read devset: %v", err)
	}
	got, ok := Published(nil, "", string(raw))
	if !ok || got.Format("2006-01-02") != "2022-12-19" {
		t.Fatalf("Published(%s) = %s, %v; want 2022-12-19", files[0], got.Format("2006-01-02"), ok)
	}
	// The signing "jeudi dernier" of that page is the Thursday before.
	var found bool
	for _, m := range Find(string(raw), "fr", got) {
		if m.Surface == "jeudi dernier" {
			found = m.Value == "2022-12-15"
		}
	}
	if !found {
		t.Errorf("Find on %s: no \"jeudi dernier\" resolved to 2022-12-15", files[0])
	}
}
