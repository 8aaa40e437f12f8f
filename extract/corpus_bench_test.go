package extract

import (
	"bytes"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	medcoop "github.com/medcoop/medcoop"
	"github.com/medcoop/medcoop/extract/dates"
	"github.com/medcoop/medcoop/extract/lexicon"
	"github.com/medcoop/medcoop/extract/people"
)

// The benchmarks below run on the real pages of ../shared/corpus (the 360
// pages TestMainTextCorpora scores), side by side in one run, so that the
// whole path can be set against go-trafilatura alone and its time shared
// out among its stages:
//
//	go test -run '^$' -bench 'TrafilaturaOnly|MainText|WholePath|Stage' -benchmem -benchtime 360x ./extract/
//
// (360x is one pass over every page; with a time-based -benchtime a slow
// benchmark sees only the first pages of the interleaved order.)
//
// Each reports pages/s, and MB-sys: the memory the Go runtime holds from
// the system after the run, a ceiling on the heap's peak so far.

// corpusStage is what the stages after the main text see for one page.
type corpusStage struct {
	title, text, lang, siteName string
	published                   time.Time
}

var (
	benchOnce  sync.Once
	benchOrder []corpusPage  // both corpora interleaved, so that any prefix mixes them
	benchStage []corpusStage // the pages whose language medcoop extracts events from
)

// benchCorpus returns the pages and, for the stage benchmarks, the main
// text, language and publication date of those in fr, vi or en, computed
// once as Document computes them.
func benchCorpus(b *testing.B) ([]corpusPage, []corpusStage) {
	b.Helper()
	pages := loadCorpus(b)
	benchOnce.Do(func() {
		var zyte, adbar []corpusPage
		for _, p := range pages {
			if p.corpus == corpusZyte {
				zyte = append(zyte, p)
			} else {
				adbar = append(adbar, p)
			}
		}
		for i := 0; i < max(len(zyte), len(adbar)); i++ {
			if i < len(zyte) {
				benchOrder = append(benchOrder, zyte[i])
			}
			if i < len(adbar) {
				benchOrder = append(benchOrder, adbar[i])
			}
		}
		for _, p := range benchOrder {
			mt, published, err := pageMainText(p.body, p.url)
			if err != nil {
				b.Fatalf("%s: %v", p.file, err)
			}
			lang, _ := DetectLanguage(mt.Title + "\n" + mt.Text)
			if Extracted[lang] {
				benchStage = append(benchStage, corpusStage{title: mt.Title, text: mt.Text, lang: lang, siteName: mt.SiteName, published: published})
			}
		}
	})
	if len(benchOrder) == 0 || len(benchStage) == 0 {
		b.Fatal("no corpus pages to benchmark")
	}
	return benchOrder, benchStage
}

// runPerPage times b.N calls of page(i) over n inputs and reports pages/s
// and the runtime's memory from the system.
func runPerPage(b *testing.B, n int, bytesPerPage int64, page func(i int)) {
	b.Helper()
	page(0) // lexicons, models and locale data load outside the timing
	b.SetBytes(bytesPerPage)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		page(i % n)
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.Sys)/(1<<20), "MB-sys")
}

func meanBodyBytes(pages []corpusPage) int64 {
	sum := 0
	for _, p := range pages {
		sum += len(p.body)
	}
	return int64(sum / len(pages))
}

func meanTextBytes(stage []corpusStage) int64 {
	sum := 0
	for _, s := range stage {
		sum += len(s.text)
	}
	return int64(sum / len(stage))
}

// BenchmarkTrafilaturaOnly is go-trafilatura's Extract alone, with
// its default options, on the decoded page.
func BenchmarkTrafilaturaOnly(b *testing.B) {
	pages, _ := benchCorpus(b)
	runPerPage(b, len(pages), meanBodyBytes(pages), func(i int) {
		if _, err := trafilatura.Extract(bytes.NewReader(pages[i].body), trafilatura.Options{}); err != nil {
			b.Logf("%s: %v", pages[i].file, err) // a page too short for it; still timed
		}
	})
}

// BenchmarkMainText is medcoop's main-text stage: parsing the page,
// go-trafilatura with medcoop's options, the standfirst and the rebuilt
// paragraphs.
func BenchmarkMainText(b *testing.B) {
	pages, _ := benchCorpus(b)
	runPerPage(b, len(pages), meanBodyBytes(pages), func(i int) {
		root, err := html.Parse(bytes.NewReader(pages[i].body))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := extractMainText(root, pages[i].url); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkStageParse is html.Parse alone, which Document, the main-text
// and the publication-date benchmarks each include once.
func BenchmarkStageParse(b *testing.B) {
	pages, _ := benchCorpus(b)
	runPerPage(b, len(pages), meanBodyBytes(pages), func(i int) {
		if _, err := html.Parse(bytes.NewReader(pages[i].body)); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkStagePublished is the publication date (go-htmldate in
// extensive mode, then the visible-text rules) on a parsed page, parsing
// included.
func BenchmarkStagePublished(b *testing.B) {
	pages, _ := benchCorpus(b)
	runPerPage(b, len(pages), meanBodyBytes(pages), func(i int) {
		root, err := html.Parse(bytes.NewReader(pages[i].body))
		if err != nil {
			b.Fatal(err)
		}
		dates.Published(root, pages[i].url, "")
	})
}

// BenchmarkWholePath is extract.Document: HTML to main text,
// language, publication date, mentions and events.
func BenchmarkWholePath(b *testing.B) {
	pages, _ := benchCorpus(b)
	runPerPage(b, len(pages), meanBodyBytes(pages), func(i int) {
		if _, err := Document(Input{Body: pages[i].body, URL: pages[i].url}); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkStageLanguage is DetectLanguage on title and main text, as
// Document calls it.
func BenchmarkStageLanguage(b *testing.B) {
	_, stage := benchCorpus(b)
	runPerPage(b, len(stage), meanTextBytes(stage), func(i int) {
		DetectLanguage(stage[i].title + "\n" + stage[i].text)
	})
}

// BenchmarkStageSentences is SplitSentences on the main text.
func BenchmarkStageSentences(b *testing.B) {
	_, stage := benchCorpus(b)
	runPerPage(b, len(stage), meanTextBytes(stage), func(i int) {
		SplitSentences(stage[i].text)
	})
}

// BenchmarkStageDates is dates.Find on the main text, resolved against
// the publication date.
func BenchmarkStageDates(b *testing.B) {
	_, stage := benchCorpus(b)
	runPerPage(b, len(stage), meanTextBytes(stage), func(i int) {
		dates.Find(stage[i].text, stage[i].lang, stage[i].published)
	})
}

// BenchmarkStageLexicon is the lexicon searches of one page: the text
// folded once, then institutions, places, domains and cues.
func BenchmarkStageLexicon(b *testing.B) {
	_, stage := benchCorpus(b)
	g := lexicon.Institutions()
	runPerPage(b, len(stage), meanTextBytes(stage), func(i int) {
		p := lexicon.Prepare(stage[i].text)
		g.FindPrepared(p)
		lexicon.FindPlacesPrepared(p, stage[i].lang)
		lexicon.FindDomainsPrepared(p, stage[i].lang)
		lexicon.FindCuesPrepared(p, stage[i].lang)
	})
}

// BenchmarkStagePeople is people.Find on the main text.
func BenchmarkStagePeople(b *testing.B) {
	_, stage := benchCorpus(b)
	runPerPage(b, len(stage), meanTextBytes(stage), func(i int) {
		people.Find(stage[i].text, stage[i].lang)
	})
}

// BenchmarkStageEvents is event assembly (every search above, then
// parties, type, date, place, domains and people) on the main text.
func BenchmarkStageEvents(b *testing.B) {
	_, stage := benchCorpus(b)
	runPerPage(b, len(stage), meanTextBytes(stage), func(i int) {
		s := stage[i]
		doc := &medcoop.Document{Title: s.title, Text: s.text, Lang: s.lang, Events: []medcoop.Event{}}
		if !s.published.IsZero() {
			doc.Published = s.published.Format("2006-01-02")
		}
		assemble(doc, s.published, s.siteName)
	})
}
