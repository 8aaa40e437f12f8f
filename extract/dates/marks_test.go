package dates

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// withoutBlankLines drops the lines that hold only white space, as visible
// text and main text do: the line filter is exact on such text.
func withoutBlankLines(s string) string {
	lines := strings.Split(s, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}

// checkMarkLines fails t when, for any language and kind of mark, the
// pattern run on the flagged lines finds other matches than on the whole text.
func checkMarkLines(t testing.TB, text string) {
	t.Helper()
	ml := markLinesOf(text)
	if ml == nil {
		t.Fatal("mark index failed to load")
	}
	for _, lang := range languages {
		lx, err := lexiconFor(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range []struct {
			re   *regexp.Regexp
			kind markKind
		}{{lx.published, markPublished}, {lx.updated, markUpdated}, {lx.weekdayLine, markWeekday}} {
			want := k.re.FindAllStringIndex(text, -1)
			got := ml.findAll(k.re, text, lang, k.kind)
			if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
				t.Errorf("%s mark kind %d on %.80q: got %v, want %v", lang, k.kind, text, got, want)
			}
		}
	}
}

func TestMarkLinesFindAll(t *testing.T) {
	texts := []string{
		"",
		"Publié le 14/11/2025 à 10h05",
		"Accueil\nActualités\nPUBLIÉ LE\n14 novembre 2025\nLe CHU de Nîmes a signé…",
		"Publié\nle\n14/11/2025",
		"Date\nde\npublication\n:\n12.11.2025",
		"mis en ligne le 3 mars 2024\nMise à jour le 19.12.2022\nmodifié le 20.12.2022",
		"Thứ Năm, 13/11/2025 14:05\nCập nhật: 14:05 13/11/2025\nĐăng ngày 12/11/2025",
		"THỨ NĂM, 13/11/2025\nCHỦ NHẬT, 16/11/2025\nngày cập nhật 17/11/2025",
		"  \tMonday, November 10, 2025\nPosted on November 11, 2025\nLast updated\nNovember 12, 2025",
		"Republished and unposted; Mondays; updatedness\nnot a mark",
		"une phrase ; publiée le 2 mai 2023, republié le 3 mai",
		"Kelvin: \u212Aey — poſted on May 2, 2024 (long s folds to s)",
		strings.Repeat("Ligne sans date\n", 40) + "Publié le 1er mars 2024\n" + strings.Repeat("autre ligne\n", 40) + "Mis à jour le 2 mars 2024",
	}
	for _, text := range texts {
		checkMarkLines(t, text)
	}
}

// TestMarkLinesCorpus checks the line filter against the whole-text search
// on the visible text of the shared corpora's pages, where they stand.
func TestMarkLinesCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus check skipped in -short mode")
	}
	pages := 0
	for _, dir := range []string{"../../../shared/corpus/news-html-vi-fr", "../../../shared/corpus/web-extraction-adbar-fr-vi-en"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*", "*.html.gz"))
		more, _ := filepath.Glob(filepath.Join(dir, "*.html.gz"))
		for _, f := range append(files, more...) {
			doc, err := readGzipHTML(f)
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			text := visibleText(doc)
			if len(text) > 1<<16 {
				text = text[:1<<16]
			}
			checkMarkLines(t, text)
			pages++
		}
	}
	if pages == 0 {
		if _, err := os.Stat("../../../shared/corpus"); err != nil {
			t.Skipf("../shared/corpus is not beside the repository: %v", err)
		}
		t.Fatal("no corpus pages found")
	}
	t.Logf("line filter equal to the whole-text search on %d pages", pages)
}

func FuzzMarkLines(f *testing.F) {
	for _, s := range []string{"Publié le 14/11/2025", "Thứ Năm, 13/11/2025\nCập nhật", "Posted\non\nMonday", "mise à jour\nle 2/3/2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkMarkLines(t, withoutBlankLines(s))
	})
}
