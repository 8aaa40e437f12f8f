package dates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/medcoop/medcoop"
	"golang.org/x/text/unicode/norm"
)

// findCase is one text, its language and reference date, and the
// mentions Find must give on it.
type findCase struct {
	name string
	lang string
	ref  time.Time
	text string
	want []want
}

// checkFind fails t unless Find gives exactly want on text, each mention's
// span its surface and its Time the start of its period.
func checkFind(t *testing.T, text, lang string, ref time.Time, wants []want) {
	t.Helper()
	got := Find(text, lang, ref)
	if len(got) != len(wants) {
		t.Fatalf("Find(%q) = %d mentions %+v, want %d", text, len(got), got, len(wants))
	}
	for i, w := range wants {
		g := got[i]
		if g.Surface != w.surface || g.Value != w.value || g.Precision != w.prec || g.Relative != w.relative || g.Historical != w.historical {
			t.Errorf("mention %d = {%q %s %s rel=%v hist=%v}, want {%q %s %s rel=%v hist=%v}", i,
				g.Surface, g.Value, g.Precision, g.Relative, g.Historical,
				w.surface, w.value, w.prec, w.relative, w.historical)
		}
		if text[g.Start:g.End] != g.Surface {
			t.Errorf("mention %d: text[%d:%d] = %q, Surface %q", i, g.Start, g.End, text[g.Start:g.End], g.Surface)
		}
		if g.Time.Format("2006-01-02")[:len(g.Value)] != g.Value {
			t.Errorf("mention %d: Time %s does not start the period %s", i, g.Time, g.Value)
		}
	}
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// want is one expected mention: the surface it must cover and what it means.
type want struct {
	surface    string
	value      string
	prec       medcoop.Precision
	relative   bool
	historical bool
}

func TestFind(t *testing.T) {
	monday := day(2022, 12, 19) // a Monday
	tests := []findCase{
		{"fr relative weekday", "fr", monday, "Les deux hôpitaux ont signé jeudi dernier un accord.",
			[]want{{"jeudi dernier", "2022-12-15", medcoop.Day, true, false}}},
		{"fr next weekday", "fr", monday, "La délégation arrivera mardi prochain.",
			[]want{{"mardi prochain", "2022-12-20", medcoop.Day, true, false}}},
		{"fr full date", "fr", monday, "Le mémorandum a été signé le 8 janvier 2018 à Paris.",
			[]want{{"8 janvier 2018", "2018-01-08", medcoop.Day, false, false}}},
		{"fr first of month", "fr", monday, "Il entre en vigueur le 1er janvier 2023.",
			[]want{{"1er janvier 2023", "2023-01-01", medcoop.Day, false, false}}},
		{"fr first in words", "fr", monday, "La loi s'applique depuis le premier janvier 2019.",
			[]want{{"premier janvier 2019", "2019-01-01", medcoop.Day, false, true}}},
		{"en ordinal", "en", monday, "It was signed on the 3rd of March 2019.",
			[]want{{"3rd of March 2019", "2019-03-03", medcoop.Day, false, false}}},
		{"fr weekday and date", "fr", monday, "Rendez-vous le jeudi 8 janvier 2026 au siège.",
			[]want{{"jeudi 8 janvier 2026", "2026-01-08", medcoop.Day, false, false}}},
		{"fr month year", "fr", monday, "Les premiers contacts ont eu lieu en août 2017 lors d'un forum.",
			[]want{{"août 2017", "2017-08", medcoop.Month, false, false}}},
		{"fr month year capital", "fr", day(2025, 11, 14), "En décembre 2025, l'université lancera un programme.",
			[]want{{"décembre 2025", "2025-12", medcoop.Month, false, false}}},
		{"fr day month without year", "fr", day(2025, 11, 14), "La convention a été signée le 12 novembre au ministère.",
			[]want{{"12 novembre", "2025-11-12", medcoop.Day, true, false}}},
		{"fr day month just after ref", "fr", day(2025, 11, 14), "La cérémonie aura lieu le 18 novembre.",
			[]want{{"18 novembre", "2025-11-18", medcoop.Day, true, false}}},
		{"fr day month long after ref is last year", "fr", day(2025, 11, 14), "La visite du 28 novembre avait marqué les esprits.",
			[]want{{"28 novembre", "2024-11-28", medcoop.Day, true, false}}},
		{"fr numeric day first", "fr", monday, "Signature prévue le 12/11/2025 au CHU.",
			[]want{{"12/11/2025", "2025-11-12", medcoop.Day, false, false}}},
		{"fr dotted", "fr", monday, "Mise à jour le 19.12.2022 par la rédaction.",
			[]want{{"19.12.2022", "2022-12-19", medcoop.Day, false, false}}},
		{"fr iso", "fr", monday, "Le fichier du 2025-11-12 est joint.",
			[]want{{"2025-11-12", "2025-11-12", medcoop.Day, false, false}}},
		{"fr yesterday", "fr", day(2025, 11, 13), "Le protocole a été signé hier soir.",
			[]want{{"hier", "2025-11-12", medcoop.Day, true, false}}},
		{"fr day before yesterday", "fr", day(2025, 11, 13), "Arrivés avant-hier, les médecins repartent demain.",
			[]want{{"avant-hier", "2025-11-11", medcoop.Day, true, false}, {"demain", "2025-11-14", medcoop.Day, true, false}}},
		{"fr since", "fr", monday, "Les deux établissements coopèrent depuis 1991.",
			[]want{{"1991", "1991", medcoop.Year, false, true}}},
		{"fr decades", "fr", monday, "Dans les années 1980 et 1990, les échanges étaient rares.",
			[]want{{"1980 et 1990", "1980", medcoop.Year, false, true}}},
		{"fr to our days", "fr", monday, "De 1991 à nos jours, plus de cent internes ont été formés.",
			[]want{{"1991", "1991", medcoop.Year, false, true}}},
		{"fr year range", "fr", monday, "Le plan couvre la période de 2021 à 2025.",
			[]want{{"2021", "2021", medcoop.Year, false, true}, {"2025", "2025", medcoop.Year, false, true}}},
		{"fr year with preposition", "fr", monday, "Le bâtiment ouvrira en 2027.",
			[]want{{"2027", "2027", medcoop.Year, false, false}}},
		{"fr since a day", "fr", monday, "Le service fonctionne depuis le 3 mars 2019.",
			[]want{{"3 mars 2019", "2019-03-03", medcoop.Day, false, true}}},
		{"fr no false dates", "fr", monday,
			"Publié il y a 3 mois, 2 min, vu 280 fois. 72 médecins et 2025 patients, 1 500 €, tél. 04 66 68 68 68 " +
				"ou 04.66.68.68.68, la COVID-19, version 2.1.2020, 12,50 euros, 3/4 des lits, en 2000 euros.",
			nil},
		{"vi afternoon full date", "vi", day(2025, 11, 13), "Chiều 12/11/2025, bệnh viện đã ký kết thỏa thuận.",
			[]want{{"12/11/2025", "2025-11-12", medcoop.Day, false, false}}},
		{"vi afternoon day month", "vi", day(2025, 11, 13), "Chiều 12/11, đoàn công tác đã đến thăm bệnh viện.",
			[]want{{"12/11", "2025-11-12", medcoop.Day, true, false}}},
		{"vi words", "vi", day(2025, 11, 13), "Bản ghi nhớ được ký ngày 8 tháng 1 năm 2018 tại Hà Nội.",
			[]want{{"ngày 8 tháng 1 năm 2018", "2018-01-08", medcoop.Day, false, false}}},
		{"vi yesterday", "vi", day(2025, 11, 13), "Hôm qua, hai bên đã trao đổi kinh nghiệm.",
			[]want{{"Hôm qua", "2025-11-12", medcoop.Day, true, false}}},
		{"vi weekday last week", "vi", monday, "Thỏa thuận được ký vào thứ Năm tuần trước.",
			[]want{{"thứ Năm tuần trước", "2022-12-15", medcoop.Day, true, false}}},
		{"vi weekday last week from Thursday", "vi", day(2025, 11, 13), "Đoàn đã đến vào thứ Năm tuần trước.",
			[]want{{"thứ Năm tuần trước", "2025-11-06", medcoop.Day, true, false}}},
		{"vi weekday after time of day", "vi", day(2025, 11, 14), "Sáng thứ Tư, hai bên đã họp.",
			[]want{{"thứ Tư", "2025-11-12", medcoop.Day, true, false}}},
		{"vi ordinal is no weekday", "vi", day(2025, 11, 14), "Đây là lần thứ hai đoàn sang thăm, thứ ba là năm sau.",
			nil},
		{"vi decades", "vi", monday, "Trong những năm 1980–1990, nhiều bác sĩ được đào tạo tại Pháp.",
			[]want{{"1980–1990", "1980", medcoop.Year, false, true}}},
		{"vi since year", "vi", monday, "Hai bệnh viện hợp tác từ năm 2010.",
			[]want{{"2010", "2010", medcoop.Year, false, true}}},
		{"vi since bare year", "vi", monday, "Kể từ 2015, hơn 40 bác sĩ đã được đào tạo.",
			[]want{{"2015", "2015", medcoop.Year, false, true}}},
		{"vi month year", "vi", monday, "Dự án bắt đầu từ tháng 11/2025 và kết thúc vào tháng 3 năm 2027.",
			[]want{{"tháng 11/2025", "2025-11", medcoop.Month, false, false}, {"tháng 3 năm 2027", "2027-03", medcoop.Month, false, false}}},
		{"vi year with word", "vi", monday, "Năm 2018, bệnh viện mở khoa mới.",
			[]want{{"2018", "2018", medcoop.Year, false, false}}},
		{"vi city and year is no date", "vi", monday, "Hội nghị Y khoa Hà Nội 2025 thu hút 500 đại biểu.",
			nil},
		{"vi numeric day first", "vi", monday, "Ngày 12/11/2025 là hạn chót.",
			[]want{{"12/11/2025", "2025-11-12", medcoop.Day, false, false}}},
		{"en last weekday", "en", day(2025, 11, 17), "The hospitals signed the agreement last Thursday.",
			[]want{{"last Thursday", "2025-11-13", medcoop.Day, true, false}}},
		{"en day month year", "en", day(2025, 11, 17), "The memorandum was signed on 12 November 2025 in Hanoi.",
			[]want{{"12 November 2025", "2025-11-12", medcoop.Day, false, false}}},
		{"en month day year", "en", day(2025, 11, 17), "On November 12, 2025, the delegation arrived.",
			[]want{{"November 12, 2025", "2025-11-12", medcoop.Day, false, false}}},
		{"en decade", "en", day(2025, 11, 17), "Exchanges began in the 1980s and grew since 1991.",
			[]want{{"1980s", "1980", medcoop.Year, false, true}, {"1991", "1991", medcoop.Year, false, true}}},
		{"en modal may", "en", day(2025, 11, 17), "Doctors may 2 times a year visit.", nil},
		{"unknown ref skips relative", "fr", time.Time{}, "Signé jeudi dernier, le 12 novembre, hier et le 8 janvier 2018.",
			[]want{{"8 janvier 2018", "2018-01-08", medcoop.Day, false, false}}},
		{"unknown language", "de", monday, "am 8. Januar 2018", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkFind(t, tc.text, tc.lang, tc.ref, tc.want)
		})
	}
}

func TestFindDecomposedText(t *testing.T) {
	text := norm.NFD.String("Signé le 8 décembre 2018 à Hà Nội, jeudi dernier.")
	got := Find(text, "fr", day(2022, 12, 19))
	if len(got) != 2 {
		t.Fatalf("Find on NFD text = %+v, want 2 mentions", got)
	}
	if got[0].Value != "2018-12-08" || norm.NFC.String(got[0].Surface) != "8 décembre 2018" {
		t.Errorf("first mention = %+v", got[0])
	}
	if got[1].Value != "2022-12-15" || got[1].Surface != "jeudi dernier" {
		t.Errorf("second mention = %+v", got[1])
	}
}

func TestResolveWeekday(t *testing.T) {
	thu := day(2025, 11, 13) // a Thursday
	tests := []struct {
		ref   time.Time
		wd    time.Weekday
		shift weekdayShift
		want  time.Time
	}{
		{day(2022, 12, 19), time.Thursday, shiftPrevious, day(2022, 12, 15)},
		{thu, time.Thursday, shiftNone, thu},
		{thu, time.Thursday, shiftPrevious, day(2025, 11, 6)},
		{thu, time.Wednesday, shiftPrevious, day(2025, 11, 12)},
		{thu, time.Thursday, shiftNext, day(2025, 11, 20)},
		{thu, time.Friday, shiftNext, day(2025, 11, 14)},
		{day(2025, 11, 14), time.Thursday, shiftPreviousWeek, day(2025, 11, 6)},
		{day(2025, 11, 16), time.Sunday, shiftPreviousWeek, day(2025, 11, 9)},
		{thu, time.Monday, shiftNextWeek, day(2025, 11, 17)},
	}
	for _, tc := range tests {
		if got := resolveWeekday(tc.ref, tc.wd, tc.shift); !got.Equal(tc.want) {
			t.Errorf("resolveWeekday(%s, %s, %d) = %s, want %s", tc.ref.Format("2006-01-02 Mon"), tc.wd, tc.shift,
				got.Format("2006-01-02"), tc.want.Format("2006-01-02"))
		}
	}
}

func TestDataFilesLoad(t *testing.T) {
	for _, lang := range []string{"fr", "vi", "en"} {
		lx, err := lexiconFor(lang)
		if err != nil {
			t.Fatalf("lexicon %s: %v", lang, err)
		}
		if len(lx.patterns) == 0 || len(lx.weekdayIdx) < 7 || len(lx.monthIndex) < 12 {
			t.Errorf("lexicon %s is incomplete: %d patterns, %d weekdays, %d months", lang,
				len(lx.patterns), len(lx.weekdayIdx), len(lx.monthIndex))
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"signé jeudi dernier, le 8 janvier 2018", "Chiều 12/11, ngày 8 tháng 1 năm 2018",
		"last Thursday, November 12, 2025", "depuis 1991 — 1980–1990", "04.66.68.68.68 12/11/2025/3",
		"thứ Năm tuần trước", "\xff\xfe 12/1", norm.NFD.String("hôm qua, tháng 11/2025"),
		"le 3 courant, la semaine dernière", "Du lundi 6 au vendredi 31 octobre", "Sáng qua, ngày 3 tháng này, 3 tháng trước đó",
		"last week's report, the 3rd of last month", "tuần qua khi",
	} {
		f.Add(s, "fr")
		f.Add(s, "vi")
	}
	ref := day(2025, 11, 13)
	f.Fuzz(func(t *testing.T, text, lang string) {
		got := Find(text, lang, ref)
		last := -1
		for _, m := range got {
			if m.Start < 0 || m.End > len(text) || m.Start > m.End {
				t.Fatalf("mention %+v out of text of %d bytes", m, len(text))
			}
			if m.Start < last {
				t.Fatalf("mentions not sorted: %+v", got)
			}
			last = m.Start
			if text[m.Start:m.End] != m.Surface {
				t.Fatalf("Surface %q != text[%d:%d] %q", m.Surface, m.Start, m.End, text[m.Start:m.End])
			}
			if utf8.ValidString(text) && !utf8.ValidString(m.Surface) {
				t.Fatalf("Surface %q cuts a rune", m.Surface)
			}
			switch m.Precision {
			case medcoop.Day, medcoop.Month, medcoop.Year:
			default:
				t.Fatalf("bad precision %q", m.Precision)
			}
			if !strings.HasPrefix(m.Time.Format("2006-01-02"), m.Value) {
				t.Fatalf("Time %s and Value %s disagree", m.Time, m.Value)
			}
		}
	})
}

// benchText is about 5 KB of French news text written for this benchmark:
// one paragraph repeated.
func benchText() string {
	para := "Le centre hospitalier a reçu jeudi dernier une délégation venue de Hanoï. " +
		"Les deux établissements coopèrent depuis 1998 et ont signé le 8 janvier 2018 une première convention, " +
		"renouvelée en août 2023. Douze médecins, 72 infirmiers et 3 pharmaciens ont été formés en 2 ans, " +
		"pour un budget de 1 500 000 euros. La prochaine mission est prévue le 12/03/2026 et un bilan sera publié " +
		"en décembre 2026. Contact : 04 66 68 68 68. Dans les années 1990, ces échanges étaient rares. "
	var b strings.Builder
	for b.Len() < 5000 {
		b.WriteString(para)
	}
	return b.String()
}

// benchRef is the reference date of the benchmark texts.
var benchRef = day(2025, 11, 14)

// readBenchText reads testdata/bench_<lang>.txt: about 5 KB of news text in
// lang, written for this package, with dates of every shape.
func readBenchText(tb testing.TB, lang string) string {
	tb.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "bench_"+lang+".txt"))
	if err != nil {
		tb.Fatalf("read bench text: %v", err)
	}
	return string(raw)
}

func BenchmarkFind(b *testing.B) {
	texts := []struct{ name, lang, text string }{
		{"fr-repeated", "fr", benchText()},
		{"fr", "fr", readBenchText(b, "fr")},
		{"vi", "vi", readBenchText(b, "vi")},
		{"en", "en", readBenchText(b, "en")},
	}
	for _, tt := range texts {
		b.Run(tt.name, func(b *testing.B) {
			Find(tt.text, tt.lang, benchRef) // go-dateparser loads its locale data on first use
			b.SetBytes(int64(len(tt.text)))
			b.ReportAllocs()
			for b.Loop() {
				Find(tt.text, tt.lang, benchRef)
			}
		})
	}
}

func TestFindRangeAndRecentDepuis(t *testing.T) {
	ref := time.Date(2025, 9, 20, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text, lang string
		want       []string // values, in order
		historical []bool
	}{
		{"Du 8 au 19 septembre, une équipe a formé les urgentistes.", "fr", []string{"2025-09-08", "2025-09-19"}, []bool{false, false}},
		{"Depuis le 15 septembre, le service accueille deux stagiaires.", "fr", []string{"2025-09-15"}, []bool{false}},
		{"Le service existe depuis 1991.", "fr", []string{"1991"}, []bool{true}},
	}
	for _, tt := range tests {
		got := Find(tt.text, tt.lang, ref)
		if len(got) != len(tt.want) {
			t.Errorf("%q: got %d mentions %+v, want %v", tt.text, len(got), got, tt.want)
			continue
		}
		for i, m := range got {
			if m.Value != tt.want[i] || m.Historical != tt.historical[i] {
				t.Errorf("%q: mention %d = %s historical %v, want %s %v", tt.text, i, m.Value, m.Historical, tt.want[i], tt.historical[i])
			}
		}
	}
}

func TestFindMonthFirstWithoutYear(t *testing.T) {
	ref := time.Date(2025, 8, 22, 0, 0, 0, 0, time.UTC)
	tests := []struct{ text, want string }{
		{"The two hospitals signed a memorandum in Ho Chi Minh City on August 19.", "2025-08-19"},
		{"The course will take place in Lyon on June 2-4, 2026.", "2026-06-02"},
		{"The mission ends on December 31.", "2024-12-31"},
	}
	for _, tt := range tests {
		got := Find(tt.text, "en", ref)
		if len(got) != 1 || got[0].Value != tt.want {
			t.Errorf("Find(%q) = %+v, want one mention %s", tt.text, got, tt.want)
		}
	}
}

// TestToday checks that a word for the reference day is marked Today, and
// that another date of that day is not ("le 13 novembre", "ce jeudi").
func TestToday(t *testing.T) {
	ref := day(2025, 11, 13)
	tests := []struct {
		lang, text, surface string
		want                bool
	}{
		{"fr", "Ils dirigent aujourd'hui le service.", "aujourd'hui", true},
		{"vi", "Hôm nay, đoàn đã đến Huế.", "Hôm nay", true},
		{"en", "They head the unit today.", "today", true},
		{"fr", "Ils arrivent le 13 novembre.", "13 novembre", false},
		{"fr", "Le protocole a été signé hier.", "hier", false},
	}
	for _, tt := range tests {
		got := Find(tt.text, tt.lang, ref)
		if len(got) != 1 || !strings.Contains(got[0].Surface, tt.surface) {
			t.Errorf("Find(%q) = %+v, want one date %q", tt.text, got, tt.surface)
			continue
		}
		if got[0].Today != tt.want {
			t.Errorf("Find(%q): Today = %v, want %v", tt.text, got[0].Today, tt.want)
		}
	}
}
