package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestIsListing(t *testing.T) {
	teaser := `<div class="item"><h2><a href="/actualites/a%d.html">Le CHU signe une convention avec un hôpital</a></h2><p>Résumé.</p></div>`
	var five strings.Builder
	for i := 0; i < 5; i++ {
		five.WriteString(strings.Replace(teaser, "%d", string(rune('a'+i)), 1))
	}
	tests := []struct {
		name string
		page string
		want bool
	}{
		{"index of teasers", `<html><body><main>` + five.String() + `</main></body></html>`, true},
		{"article with og:type", `<html><head><meta property="og:type" content="article"></head><body><main>` + five.String() + `</main></body></html>`, false},
		{"article with JSON-LD", `<html><head><script type="application/ld+json">{"@type": "NewsArticle"}</script></head><body>` + five.String() + `</body></html>`, false},
		{"related links in aside", `<html><body><article><p>Texte.</p></article><aside>` + five.String() + `</aside></body></html>`, false},
		{"links in paragraphs", `<html><body><main><p><a href="/a">Le CHU signe une convention avec</a></p><p><a href="/b">un hôpital du Laos pour la formation</a></p><p><a href="/c">des infirmières de nos services</a></p></main></body></html>`, false},
		{"menu links", `<html><body><nav>` + five.String() + `</nav><p>Un article.</p></body></html>`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if got := isListing(doc); got != tt.want {
				t.Errorf("isListing = %v, want %v", got, tt.want)
			}
		})
	}
}
