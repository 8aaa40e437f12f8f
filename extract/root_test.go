package extract

import (
	"bytes"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"

	medcoop "github.com/medcoop/medcoop"
)

// fixturePage is one HTML page of the bundled fixture sites, as the
// fixture server would serve it.
type fixturePage struct {
	name string // path under fixtures/sites
	url  string
	body []byte
}

// fixturePages reads every HTML file of ../fixtures/sites, its {{BASE}}
// token replaced by a base URL of its own site, as the server does.
func fixturePages(tb testing.TB) []fixturePage {
	tb.Helper()
	const dir = "../fixtures/sites"
	var pages []fixturePage
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		body, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		site, page, _ := strings.Cut(filepath.ToSlash(rel), "/")
		base := "https://" + site + ".example"
		body = bytes.ReplaceAll(body, []byte("{{BASE}}"), []byte(base))
		pages = append(pages, fixturePage{name: filepath.ToSlash(rel), url: base + "/" + page, body: body})
		return nil
	})
	if err != nil {
		tb.Fatalf("read fixture pages: %v", err)
	}
	if len(pages) == 0 {
		tb.Fatalf("no HTML page under %s", dir)
	}
	return pages
}

func parseTree(tb testing.TB, body []byte) *html.Node {
	tb.Helper()
	root, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		tb.Fatalf("parse: %v", err)
	}
	return root
}

func render(tb testing.TB, root *html.Node) string {
	tb.Helper()
	var b strings.Builder
	if err := html.Render(&b, root); err != nil {
		tb.Fatalf("render: %v", err)
	}
	return b.String()
}

// sameDocument reports whether two documents are equal. The language's
// confidence may differ in its last bits between two runs on the same text
// (lingua-go adds its probabilities in map order), so it is compared within
// 1e-9.
func sameDocument(a, b *medcoop.Document) bool {
	if a == nil || b == nil {
		return a == b
	}
	if math.Abs(a.LangConfidence-b.LangConfidence) > 1e-9 {
		return false
	}
	ac, bc := *a, *b
	ac.LangConfidence, bc.LangConfidence = 0, 0
	return reflect.DeepEqual(ac, bc)
}

// TestDocumentRoot checks, on every fixture page, that extracting from a
// tree the caller parsed (as the crawler hands it over) leaves the tree as
// it was, and gives the document extracting from the bytes alone gives.
func TestDocumentRoot(t *testing.T) {
	for _, p := range fixturePages(t) {
		t.Run(p.name, func(t *testing.T) {
			root := parseTree(t, p.body)
			before := render(t, root)
			fromRoot, err := Document(Input{Body: p.body, Root: root, URL: p.url})
			if err != nil {
				t.Fatalf("Document with Root: %v", err)
			}
			if after := render(t, root); after != before {
				t.Errorf("extraction modified the tree: rendering went from %d to %d bytes", len(before), len(after))
			}
			fromBody, err := Document(Input{Body: p.body, URL: p.url})
			if err != nil {
				t.Fatalf("Document with Body: %v", err)
			}
			if !sameDocument(fromRoot, fromBody) {
				t.Errorf("Document with Root differs from Document with Body:\nroot: %+v\nbody: %+v", fromRoot, fromBody)
			}
		})
	}
}

// TestDocumentRootIsRead checks that Root is what is read when it is set:
// Body is then not parsed again (it only says the page is HTML).
func TestDocumentRootIsRead(t *testing.T) {
	pages := fixturePages(t)
	var a, b fixturePage
	for _, p := range pages {
		switch {
		case strings.HasSuffix(p.name, "cho-ray-et-le-chu-de-bordeaux-renouvellent-leur-partenariat.html"):
			a = p
		case strings.HasSuffix(p.name, "hue-central-hospital-trains-cambodian-heart-surgeons.html"):
			b = p
		}
	}
	if a.body == nil || b.body == nil {
		t.Fatal("the two fixture articles this test reads are gone")
	}
	want, err := Document(Input{Body: b.body, URL: a.url})
	if err != nil {
		t.Fatal(err)
	}
	got, err := Document(Input{Body: a.body, Root: parseTree(t, b.body), URL: a.url})
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != want.Title || got.Text != want.Text || got.Lang != want.Lang {
		t.Errorf("Document read Body, not Root: title %q, lang %s; want %q, %s", got.Title, got.Lang, want.Title, want.Lang)
	}
	// A body too big is refused whatever the tree.
	big := append(bytes.Repeat([]byte(" "), MaxBodyBytes), a.body...)
	if _, err := Document(Input{Body: big, Root: parseTree(t, a.body), URL: a.url}); err == nil {
		t.Errorf("a %d-byte body with a tree was extracted, want refused", len(big))
	}
	// A body that is not HTML is read as text, as it is without a tree.
	text := []byte("Le CHU de Bordeaux et l'hôpital Cho Ray renouvellent leur partenariat.\nSuite du texte.")
	fromRoot, err := Document(Input{Body: text, Root: parseTree(t, a.body)})
	if err != nil {
		t.Fatal(err)
	}
	fromBody, err := Document(Input{Body: text})
	if err != nil {
		t.Fatal(err)
	}
	if !sameDocument(fromRoot, fromBody) {
		t.Errorf("plain text with a tree: got %+v, want %+v", fromRoot, fromBody)
	}
}

// FuzzDocumentRoot checks on arbitrary HTML what TestDocumentRoot checks on
// the fixture pages: extraction leaves a caller's tree as it was, and reads
// from it the document it reads from the bytes.
func FuzzDocumentRoot(f *testing.F) {
	f.Add([]byte("<html><head><title>Le CHU de Nîmes signe</title><meta property=\"og:site_name\" content=\"CHU\"></head><body><nav><a href=\"/a\">Accueil</a></nav><p class=\"chapo\">Le CHU de Nîmes et l'hôpital mère-enfant de Taiyuan ont signé jeudi dernier une convention de coopération.</p></body></html>"))
	f.Add([]byte("<table><tr><td>Bệnh viện <b>Bạch Mai<p>x</table><h2><a href=\"/n/1\">Hue Central Hospital trains Cambodian surgeons</a></h2>"))
	ref := time.Date(2025, 11, 14, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, body []byte) {
		if !utf8.Valid(body) {
			return // the crawler hands over UTF-8 only
		}
		root, err := html.Parse(bytes.NewReader(body))
		if err != nil {
			return
		}
		var before strings.Builder
		if html.Render(&before, root) != nil {
			return
		}
		fromRoot, errRoot := Document(Input{Body: body, Root: root, Published: ref})
		if after := render(t, root); after != before.String() {
			t.Fatalf("extraction modified the tree:\n%s\nbecame\n%s", before.String(), after)
		}
		fromBody, errBody := Document(Input{Body: body, Published: ref})
		if (errRoot == nil) != (errBody == nil) || !sameDocument(fromRoot, fromBody) {
			t.Fatalf("with Root: %+v, %v; with Body: %+v, %v", fromRoot, errRoot, fromBody, errBody)
		}
	})
}

// BenchmarkDocumentRoot compares extracting the fixture pages from their
// bytes (from=body, one parse a page) with extracting them from trees
// parsed beforehand (from=root), as the crawler's pipeline does. The trees
// are reused across iterations: extraction does not modify them.
func BenchmarkDocumentRoot(b *testing.B) {
	pages := fixturePages(b)
	roots := make([]*html.Node, len(pages))
	size := 0
	for i, p := range pages {
		roots[i] = parseTree(b, p.body)
		size += len(p.body)
	}
	if _, err := Document(Input{Body: pages[0].body}); err != nil { // load lexicons and models outside the timing
		b.Fatal(err)
	}
	for _, from := range []string{"body", "root"} {
		b.Run("from="+from, func(b *testing.B) {
			b.SetBytes(int64(size / len(pages)))
			for i := 0; b.Loop(); i++ {
				in := Input{Body: pages[i%len(pages)].body, URL: pages[i%len(pages)].url}
				if from == "root" {
					in.Root = roots[i%len(pages)]
				}
				if _, err := Document(in); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}
