package extract

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"
	"golang.org/x/text/unicode/norm"

	"github.com/medcoop/medcoop/internal/schematest"
)

// languageCases are sentences written for these tests, in the three
// extracted languages, the other languages of the region's news, and short
// or ambiguous text that must stay "und".
var languageCases = []struct{ text, want string }{
	// French
	{"Le centre hospitalier universitaire a signé une convention de coopération avec un hôpital de Hanoï pour former des infirmières.", "fr"},
	{"Une délégation du ministère de la Santé vietnamien a visité le service de réanimation du CHU de Bordeaux la semaine dernière.", "fr"},
	{"Les deux établissements renouvellent leur partenariat en chirurgie cardiaque pédiatrique pour cinq ans.", "fr"},
	{"Le directeur general de l'hopital a rappele que la formation des medecins reste la priorite du projet.", "fr"}, // without accents
	{"Des internes vietnamiens viendront se former à Lyon en anesthésie dès la rentrée prochaine.", "fr"},
	// Vietnamese with diacritics
	{"Trường Đại học Y Dược đã ký kết thỏa thuận hợp tác với bệnh viện đại học của Pháp về đào tạo bác sĩ nội trú.", "vi"},
	{"Bệnh viện Bạch Mai tiếp đón đoàn công tác của Bộ Y tế Lào đến thăm và làm việc.", "vi"},
	{"Hai bên thống nhất sẽ trao đổi chuyên gia trong lĩnh vực ghép tạng và hồi sức cấp cứu.", "vi"},
	{"Các bác sĩ trẻ sẽ được cử sang Pháp học tập chuyên sâu về gây mê trong thời gian một năm.", "vi"},
	// Vietnamese without diacritics
	{"Benh vien Bach Mai da ky ket thoa thuan hop tac voi CHU Bordeaux", "vi"},
	{"Truong Dai hoc Y Ha Noi va Dai hoc Bordeaux trao doi sinh vien nam nay", "vi"},
	{"Hai ben se phoi hop dao tao dieu duong va nghien cuu ve benh truyen nhiem", "vi"},
	{"Doan cong tac cua benh vien Cho Ray sang Phap hoc tap kinh nghiem ghep gan", "vi"},
	{"Le ky ket dien ra tai Ha Noi voi su tham du cua dai dien dai su quan Phap", "vi"},
	// Vietnamese decomposed (NFD), as some sites send it
	{norm.NFD.String("Bệnh viện Trung ương Huế hợp tác với bệnh viện của Campuchia về tim mạch."), "vi"},
	// English
	{"The university hospital signed a cooperation agreement with a hospital in Hanoi to train nurses in intensive care.", "en"},
	{"A delegation from the Lao Ministry of Health visited the emergency department on Tuesday.", "en"},
	{"Both institutions agreed to exchange surgeons and to run joint research on tropical diseases.", "en"},
	{"The memorandum of understanding covers pharmacy education, laboratory medicine and nursing.", "en"},
	{"Doctors from Cho Ray Hospital will spend six months in Bordeaux learning liver transplantation.", "en"},
	// The region's other languages
	{"大学医院与河内的一家医院签署了合作协议，培训重症监护护士。", "zh"},
	{"两家医院将在心脏外科和器官移植领域开展联合研究。", "zh"},
	{"大学病院はハノイの病院と協力協定を結び、看護師の研修を行います。", "ja"},
	{"ベトナムの医師団が東京の病院を訪問しました。", "ja"},
	{"대학병원은 하노이의 병원과 간호사 교육을 위한 협력 협정을 체결했습니다.", "ko"},
	{"โรงพยาบาลมหาวิทยาลัยลงนามข้อตกลงความร่วมมือกับโรงพยาบาลในฮานอย", "th"},
	{"មន្ទីរពេទ្យបានចុះហត្ថលេខាលើកិច្ចព្រមព្រៀងសហប្រតិបត្តិការ", "km"},
	{"ໂຮງໝໍມະຫາວິທະຍາໄລໄດ້ລົງນາມໃນສັນຍາຮ່ວມມືກັບໂຮງໝໍໃນຮ່າໂນ້ຍ", "lo"},
	{"Das Universitätsklinikum hat mit einem Krankenhaus in Hanoi einen Kooperationsvertrag unterzeichnet.", "de"},
	{"Eine Delegation des vietnamesischen Gesundheitsministeriums besuchte die Intensivstation.", "de"},
	{"El hospital universitario firmó un acuerdo de cooperación con un hospital de Hanói para formar enfermeras.", "es"},
	{"Los médicos vietnamitas se formarán en cirugía cardíaca durante un año en Madrid.", "es"},
	{"O hospital universitário assinou um acordo de cooperação com um hospital de Hanói para formar enfermeiros.", "pt"},
	{"Os dois hospitais vão trocar médicos e desenvolver pesquisas conjuntas sobre doenças tropicais.", "pt"},
	{"Университетская больница подписала соглашение о сотрудничестве с больницей в Ханое.", "ru"},
	{"Делегация министерства здравоохранения Вьетнама посетила отделение интенсивной терапии.", "ru"},
	{"Rumah sakit universitas menandatangani perjanjian kerja sama dengan rumah sakit di Hanoi.", "id"},
	{"L'ospedale universitario ha firmato un accordo di cooperazione con un ospedale di Hanoi.", "it"},
	{"ဆေးရုံကြီးသည် ဟနွိုင်းရှိ ဆေးရုံနှင့် ပူးပေါင်းဆောင်ရွက်ရေး သဘောတူစာချုပ် လက်မှတ်ရေးထိုးခဲ့သည်။", "my"},
	// Short or ambiguous: no language can be told
	{"", "und"},
	{"   \n\t ", "und"},
	{"2025-11-12 14:30", "und"},
	{"!!! ??? ...", "und"},
	{"Hanoi", "und"},
	{"CHU Bordeaux", "und"},
	{"Bach Mai", "und"},
	{"OK", "und"},
	{"医院", "und"},
	{"https://www.example.org/", "und"},
	{"مستشفى جامعي في هانوي وقع اتفاقية تعاون", "und"}, // Arabic script: several languages write it
}

func TestDetectLanguage(t *testing.T) {
	for _, tt := range languageCases {
		got, conf := DetectLanguage(tt.text)
		if got != tt.want {
			t.Errorf("DetectLanguage(%.60q) = %s (%.2f), want %s", tt.text, got, conf, tt.want)
		}
		if (got == "und") != (conf == 0) || conf < 0 || conf > 1 {
			t.Errorf("DetectLanguage(%.60q) = %s with confidence %v", tt.text, got, conf)
		}
	}
}

// TestVietnameseSyllables checks the inventory: the syllables of
// Vietnamese words are in it, and words no Vietnamese syllable spells are not.
func TestVietnameseSyllables(t *testing.T) {
	DetectLanguage("") // load the data files
	for _, w := range []string{"nghien", "nguyen", "truong", "quyen", "khuyet", "gi", "giang", "ke", "ca", "uong", "tham", "viet"} {
		if !viSyllables[w] {
			t.Errorf("%q is missing from the Vietnamese syllable inventory", w)
		}
	}
	for _, w := range []string{"ce", "ci", "ge", "gha", "khas", "with", "pour", "hospital", "une", "est", "qo", "bordeaux"} {
		if viSyllables[w] {
			t.Errorf("%q is in the Vietnamese syllable inventory; no Vietnamese syllable is spelled so", w)
		}
	}
}

// TestDetectLanguageConcurrently is run with -race: the crawler extracts
// pages of several hosts at once.
func TestDetectLanguageConcurrently(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 6; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				tt := languageCases[(g*7+i*3)%len(languageCases)]
				if got, _ := DetectLanguage(tt.text); got != tt.want {
					t.Errorf("goroutine %d: DetectLanguage(%.40q) = %s, want %s", g, tt.text, got, tt.want)
				}
			}
		}(g)
	}
	wg.Wait()
}

func FuzzDetectLanguage(f *testing.F) {
	for _, tt := range languageCases {
		f.Add(tt.text)
	}
	f.Add("\xff\xfe broken \xc3")
	f.Fuzz(func(t *testing.T, text string) {
		code, conf := DetectLanguage(text)
		if code != "und" && (len(code) != 2 || strings.ToLower(code) != code) {
			t.Fatalf("DetectLanguage(%q) = %q, not an ISO 639-1 code", text, code)
		}
		if conf < 0 || conf > 1 || (code == "und") != (conf == 0) {
			t.Fatalf("DetectLanguage(%q) = %s with confidence %v", text, code, conf)
		}
	})
}

// BenchmarkDetectLanguage5KB times the detection of a 5 KB page text (the
// detector reads its first maxDetectBytes).
func BenchmarkDetectLanguage5KB(b *testing.B) {
	for _, lang := range []string{"fr", "vi", "en"} {
		var sb strings.Builder
		for sb.Len() < 5000 {
			for _, tt := range languageCases {
				if tt.want == lang {
					sb.WriteString(tt.text)
					sb.WriteString(" ")
				}
			}
		}
		text := sb.String()
		if got, _ := DetectLanguage(text); got != lang {
			b.Fatalf("the %s text is detected as %s", lang, got)
		}
		b.Run(lang, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for i := 0; i < b.N; i++ {
				DetectLanguage(text)
			}
		})
	}
}

// detectorHeapEnv names the mode a child test process measures.
const detectorHeapEnv = "MEDCOOP_DETECTOR_HEAP_MODE"

// BenchmarkDetectorHeap measures the heap lingua's models take, for the
// languages of [detectable], in low- and in high-accuracy mode. lingua keeps
// its models in package-level maps that are never freed, so each mode is
// measured in a fresh process (this test binary, re-run).
func BenchmarkDetectorHeap(b *testing.B) {
	for _, mode := range []string{"low", "high"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestDetectorHeapChild$", "-test.v")
		cmd.Env = append(os.Environ(), detectorHeapEnv+"="+mode)
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("measure %s-accuracy heap: %v\n%s", mode, err, out)
		}
		var mb float64
		for _, line := range strings.Split(string(out), "\n") {
			if v, ok := strings.CutPrefix(strings.TrimSpace(line), "heap-MB "); ok {
				mb, err = strconv.ParseFloat(v, 64)
				if err != nil {
					b.Fatalf("child output %q: %v", line, err)
				}
			}
		}
		if mb == 0 {
			b.Fatalf("no heap figure from the %s-accuracy child:\n%s", mode, out)
		}
		b.ReportMetric(mb, "MB-"+mode)
	}
}

// TestDetectorHeapChild is BenchmarkDetectorHeap's child process: it builds
// the detector with preloaded models, detects once in each language, and
// prints the heap the models hold.
func TestDetectorHeapChild(t *testing.T) {
	mode := os.Getenv(detectorHeapEnv)
	if mode == "" {
		t.Skip("run by BenchmarkDetectorHeap")
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	b := lingua.NewLanguageDetectorBuilder().FromLanguages(detectable...).WithPreloadedLanguageModels()
	if mode == "low" {
		b = b.WithLowAccuracyMode()
	}
	d := b.Build()
	for _, tt := range languageCases {
		d.DetectLanguageOf(tt.text)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(d)
	fmt.Printf("heap-MB %.1f\n", float64(after.HeapAlloc-before.HeapAlloc)/(1<<20))
}

// TestDetectLanguageRealText runs the detector over real text where it
// stands in ../shared: Vietnamese health news, French Wikinews, and the
// pages of the web-extraction set labelled in another language.
func TestDetectLanguageRealText(t *testing.T) {
	corpus := filepath.Join(schematest.SharedDir(), "corpus")
	t.Run("vi-health-news-dantri", func(t *testing.T) {
		paths, _ := filepath.Glob(filepath.Join(corpus, "vi-health-news-dantri", "suc-khoe", "*.txt"))
		if len(paths) == 0 {
			t.Skipf("the Dân Trí corpus is not in %s", corpus)
		}
		for _, p := range paths {
			text := firstParagraphs(t, p, 3)
			if got, conf := DetectLanguage(text); got != "vi" {
				t.Errorf("%s: %s (%.2f), want vi", filepath.Base(p), got, conf)
			}
			if got, _ := DetectLanguage(foldASCII(text)); got != "vi" {
				t.Errorf("%s without diacritics: %s, want vi", filepath.Base(p), got)
			}
		}
	})
	t.Run("winer-fr", func(t *testing.T) {
		f, err := os.Open(filepath.Join(corpus, "winer-fr", "winer-fr.jsonl"))
		if err != nil {
			t.Skipf("WiNER-fr is not in %s: %v", corpus, err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 4<<20)
		n, line := 0, 0
		for sc.Scan() {
			if line++; testing.Short() && line%10 != 0 {
				continue // -short: every tenth document
			}
			var doc struct {
				DocID string `json:"doc_id"`
				Text  string `json:"text"`
			}
			if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			n++
			if got, conf := DetectLanguage(doc.Text); got != "fr" {
				t.Errorf("%s: %s (%.2f), want fr", doc.DocID, got, conf)
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		t.Logf("%d French documents", n)
	})
	t.Run("web-extraction-other-languages", func(t *testing.T) {
		dir := filepath.Join(corpus, "web-extraction-adbar-fr-vi-en")
		f, err := os.Open(filepath.Join(dir, "gold.jsonl"))
		if err != nil {
			t.Skipf("the web-extraction set is not in %s: %v", corpus, err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 16<<20)
		n := 0
		for sc.Scan() {
			var page struct {
				File string `json:"file"`
				Lang string `json:"lang"`
			}
			if err := json.Unmarshal(sc.Bytes(), &page); err != nil {
				t.Fatal(err)
			}
			if Extracted[page.Lang] {
				continue
			}
			n++
			body := gunzip(t, filepath.Join(dir, page.File))
			doc, err := Document(Input{Body: body})
			if err != nil {
				t.Fatalf("%s: %v", page.File, err)
			}
			if Extracted[doc.Lang] {
				t.Errorf("%s (%s): labelled %s (%.2f)", page.File, page.Lang, doc.Lang, doc.LangConfidence)
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		t.Logf("%d pages in other languages", n)
	})
}

// firstParagraphs returns the title and the first n paragraphs of a Dân Trí
// corpus file, without its # header lines.
func firstParagraphs(t *testing.T, path string, n int) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if paras = append(paras, line); len(paras) > n {
			break
		}
	}
	return strings.Join(paras, "\n")
}

// foldASCII writes Vietnamese as it is often typed: without its diacritics.
func foldASCII(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		case r >= 0x300 && r <= 0x36F:
		default:
			if utf8.ValidRune(r) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

func gunzip(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return b
}

// TestCertainLanguageAgreesWithLingua checks whatlanggo's step against
// lingua on real text: wherever whatlanggo is certain of French or English,
// lingua alone labels the text the same, and whatlanggo is certain of most
// long French and English texts (else the step saves nothing).
func TestCertainLanguageAgreesWithLingua(t *testing.T) {
	type sample struct{ name, text string }
	var samples []sample
	for i, tt := range languageCases {
		samples = append(samples, sample{fmt.Sprintf("languageCases[%d]", i), tt.text})
	}
	corpus := filepath.Join(schematest.SharedDir(), "corpus")
	paths, _ := filepath.Glob(filepath.Join(corpus, "vi-health-news-dantri", "suc-khoe", "*.txt"))
	for _, p := range paths {
		text := firstParagraphs(t, p, 3)
		samples = append(samples, sample{filepath.Base(p), text}, sample{filepath.Base(p) + " without diacritics", foldASCII(text)})
	}
	if f, err := os.Open(filepath.Join(corpus, "winer-fr", "winer-fr.jsonl")); err == nil {
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 4<<20)
		for line := 1; sc.Scan(); line++ {
			if (testing.Short() || raceEnabled()) && line%10 != 0 {
				continue // every tenth document: lingua alone is slow under -race
			}
			var doc struct {
				DocID string `json:"doc_id"`
				Text  string `json:"text"`
			}
			if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			samples = append(samples, sample{"winer-fr " + doc.DocID, doc.Text})
		}
		f.Close()
	}
	if !testing.Short() && !raceEnabled() {
		// The main text of the 360 benchmark pages, as Document reads it.
		for _, p := range loadCorpus(t) {
			mt, _, err := pageMainText(p.body, p.url)
			if err != nil {
				t.Fatalf("%s: %v", p.file, err)
			}
			samples = append(samples, sample{p.file, mt.Title + "\n" + truncateUTF8(mt.Text, 2*maxDetectBytes)})
		}
	}
	if len(samples) < 500 {
		t.Skipf("only %d texts: the shared corpora are not in %s", len(samples), corpus)
	}
	decided, frenchOrEnglish := 0, 0
	for _, s := range samples {
		got, _, byWhatlang := detectLanguage(s.text, true)
		want, _, _ := detectLanguage(s.text, false)
		if got != want {
			t.Errorf("%s: %s with whatlanggo's step, %s with lingua alone", s.name, got, want)
		}
		if want == "fr" || want == "en" {
			frenchOrEnglish++
			if byWhatlang {
				decided++
			}
		}
	}
	t.Logf("%d texts; whatlanggo decided %d of the %d in French or English", len(samples), decided, frenchOrEnglish)
	if decided < frenchOrEnglish*9/10 {
		t.Errorf("whatlanggo decided only %d of %d French and English texts", decided, frenchOrEnglish)
	}
}
