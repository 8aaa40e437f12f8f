package sources

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseValid(t *testing.T) {
	cfg, err := Load(filepath.Join("testdata", "sources.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.UserAgent != "medcoop-test/0.1 (+https://example.org/medcoop)" {
		t.Errorf("UserAgent = %q", cfg.UserAgent)
	}
	if len(cfg.Sources) != 2 {
		t.Fatalf("got %d sources, want 2", len(cfg.Sources))
	}
	s := cfg.Sources[0]
	if s.Name != "chu-nimes" || s.Lang != "fr" || s.MaxDepth != 2 || s.Delay != 1500*time.Millisecond {
		t.Errorf("source 1 = %+v", s)
	}
	if len(s.Start) != 1 || s.Start[0] != "https://www.chu-nimes.fr/actualites.html" {
		t.Errorf("start not canonicalised: %q", s.Start)
	}
	if !s.Follows("https://www.chu-nimes.fr/actualites/2025/accord.html") || s.Follows("https://www.chu-nimes.fr/contact") {
		t.Error("follow pattern not applied")
	}
	d := cfg.Sources[1]
	if d.MaxDepth != DefaultMaxDepth || d.Delay != DefaultDelay || d.Lang != "" {
		t.Errorf("defaults not applied: %+v", d)
	}
	if len(d.Feeds) != 1 || len(d.Sitemaps) != 1 {
		t.Errorf("feeds/sitemaps = %q / %q", d.Feeds, d.Sitemaps)
	}
}

func TestParseDefaultUserAgent(t *testing.T) {
	cfg, err := Parse(strings.NewReader("sources:\n  - name: a\n    start: [https://a.example/]\n"), "s.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.UserAgent != DefaultUserAgent {
		t.Errorf("UserAgent = %q", cfg.UserAgent)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string // all must appear in the error
	}{
		{"unknown key", "sources:\n  - name: a\n    start: [https://a.example/]\n    folow: ['x']\n", []string{"sources.yaml", "line 4", "folow"}},
		{"unknown top key", "agent: x\nsources: []\n", []string{"line 1", "agent"}},
		{"bad regexp", "sources:\n  - name: a\n    start: [https://a.example/]\n  - name: chu-b\n    start: [https://b.example/]\n    follow: ['^https://(b']\n", []string{"sources.yaml:4: source 2 (chu-b)", "follow pattern"}},
		{"bad url", "sources:\n  - name: ok\n    start: [https://a.example/]\n  - name: chu-nimes\n    start: [ftp://www.chu-nimes.fr/]\n", []string{"sources.yaml:4: source 2 (chu-nimes): start URL \"ftp://www.chu-nimes.fr/\" is not an absolute http(s) URL"}},
		{"relative url", "sources:\n  - name: a\n    feeds: [/rss.xml]\n", []string{"source 1 (a)", "feed URL"}},
		{"duplicate name", "sources:\n  - name: a\n    start: [https://a.example/]\n  - name: a\n    start: [https://b.example/]\n", []string{"source 2 (a)", "already used by source 1"}},
		{"missing name", "sources:\n  - start: [https://a.example/]\n", []string{"source 1", "name is required"}},
		{"nothing to fetch", "sources:\n  - name: a\n", []string{"source 1 (a)", "at least one"}},
		{"bad delay", "sources:\n  - name: a\n    start: [https://a.example/]\n    delay: 2\n", []string{"delay \"2\""}},
		{"negative depth", "sources:\n  - name: a\n    start: [https://a.example/]\n    max_depth: -1\n", []string{"max_depth -1"}},
		{"bad lang", "sources:\n  - name: a\n    lang: French\n    start: [https://a.example/]\n", []string{"lang \"French\""}},
		{"no sources", "user_agent: x\n", []string{"no sources"}},
		{"empty file", "", []string{"no sources"}},
		{"wrong type", "sources:\n  - name: a\n    start: https://a.example/\n", []string{"line 3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.yaml), "sources.yaml")
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "none.yaml")); err == nil || !os.IsNotExist(unwrapAll(err)) {
		t.Errorf("Load of a missing file: %v", err)
	}
}

func unwrapAll(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok || u.Unwrap() == nil {
			return err
		}
		err = u.Unwrap()
	}
}

func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("testdata", "sources.yaml")); err == nil {
		f.Add(string(data))
	}
	f.Add("sources:\n  - name: a\n    start: [https://a.example/]\n    follow: ['^https://a']\n    delay: 10ms\n")
	f.Add("sources: [{name: x, feeds: ['http://x/rss'], max_depth: 3}]")
	f.Fuzz(func(t *testing.T, doc string) {
		cfg, err := Parse(strings.NewReader(doc), "fuzz.yaml")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if len(cfg.Sources) == 0 || cfg.UserAgent == "" {
			t.Fatalf("accepted config without sources or user agent: %+v", cfg)
		}
		for _, s := range cfg.Sources {
			if s.Name == "" || s.MaxDepth < 0 || s.Delay < 0 || len(s.follow) != len(s.Follow) {
				t.Fatalf("invalid source accepted: %+v", s)
			}
			for _, u := range append(append(append([]string{}, s.Start...), s.Feeds...), s.Sitemaps...) {
				if c, err := Canonicalize(u); err != nil || c != u {
					t.Fatalf("URL %q not canonical (%q, %v)", u, c, err)
				}
			}
		}
	})
}
