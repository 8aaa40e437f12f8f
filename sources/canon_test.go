package sources

import (
	"strings"
	"testing"
)

func TestCanonicalize(t *testing.T) {
	tests := []struct {
		in, want string
		err      bool
	}{
		{in: "https://www.chu-nimes.fr/actualites.html", want: "https://www.chu-nimes.fr/actualites.html"},
		{in: "HTTPS://WWW.Chu-Nimes.FR/Actualites.html", want: "https://www.chu-nimes.fr/Actualites.html"},
		{in: "https://example.org", want: "https://example.org/"},
		{in: "https://example.org:443/a", want: "https://example.org/a"},
		{in: "http://example.org:80/a", want: "http://example.org/a"},
		{in: "http://example.org:443/a", want: "http://example.org:443/a"},
		{in: "https://example.org:8443/a", want: "https://example.org:8443/a"},
		{in: "https://example.org/a#section-2", want: "https://example.org/a"},
		{in: "https://example.org/a?utm_source=x&id=3&utm_medium=y", want: "https://example.org/a?id=3"},
		{in: "https://example.org/a?fbclid=abc", want: "https://example.org/a"},
		{in: "https://example.org/a?gclid=abc&page=2&b=1", want: "https://example.org/a?page=2&b=1"},
		{in: "https://example.org/a?UTM_Campaign=z&q=%C3%A9t%C3%A9", want: "https://example.org/a?q=%C3%A9t%C3%A9"},
		{in: "https://example.org/a?", want: "https://example.org/a"},
		{in: "https://example.org/x/../a/./b", want: "https://example.org/a/b"},
		{in: "https://user:pw@example.org/a", want: "https://example.org/a"},
		{in: "https://example.org./a", want: "https://example.org/a"},
		{in: "http://[::1]:80/a", want: "http://[::1]/a"},
		{in: "  https://example.org/a  ", want: "https://example.org/a"},
		{in: "https://vnexpress.net/b%E1%BB%87nh-vi%E1%BB%87n", want: "https://vnexpress.net/b%E1%BB%87nh-vi%E1%BB%87n"},
		{in: "ftp://example.org/a", err: true},
		{in: "mailto:a@example.org", err: true},
		{in: "/relative/path", err: true},
		{in: "https:///nohost", err: true},
		{in: "https://example.org:99999/", err: true},
		{in: "javascript:alert(1)", err: true},
	}
	for _, tt := range tests {
		got, err := Canonicalize(tt.in)
		if tt.err {
			if err == nil {
				t.Errorf("Canonicalize(%q) = %q, want an error", tt.in, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("Canonicalize(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("Canonicalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzCanonicalize(f *testing.F) {
	for _, s := range []string{
		"https://www.chu-nimes.fr/actualites.html", "HTTP://A.B:80/x/../y?utm_a=1&b=2#f",
		"https://[fe80::1%25eth0]:443/", "http://example.org/%zz", "https://a.b/?&&utm_x=1&", "http://a/b/../../..",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		c, err := Canonicalize(raw)
		if err != nil {
			return
		}
		if !strings.HasPrefix(c, "http://") && !strings.HasPrefix(c, "https://") {
			t.Fatalf("Canonicalize(%q) = %q: not http(s)", raw, c)
		}
		if strings.Contains(c, "#") {
			t.Fatalf("Canonicalize(%q) = %q keeps a fragment", raw, c)
		}
		again, err := Canonicalize(c)
		if err != nil {
			t.Fatalf("Canonicalize(%q) = %q, which does not canonicalize again: %v", raw, c, err)
		}
		if again != c {
			t.Fatalf("not idempotent: %q -> %q -> %q", raw, c, again)
		}
	})
}
