package dates

import (
	"testing"
	"time"

	"github.com/medcoop/medcoop"
)

// TestFindRelative covers the relative weeks, months, days of the current
// month, times of yesterday, weekday ranges and parts of a month, in each
// language, and the wording that must give none of them.
func TestFindRelative(t *testing.T) {
	fri := day(2025, 3, 7)     // a Friday
	viFri := day(2025, 7, 4)   // a Friday
	enMon := day(2025, 12, 1)  // a Monday
	thu := day(2025, 11, 20)   // a Thursday
	oct17 := day(2025, 10, 17) // a Friday
	dec5 := day(2025, 12, 5)
	mar20 := day(2025, 3, 20)
	const D, M, Y = medcoop.Day, medcoop.Month, medcoop.Year
	tests := []findCase{
		// French.
		{"fr day of current month", "fr", fri, "Le 3 courant, la clinique a reçu un scanner neuf.",
			[]want{{"3 courant", "2025-03-03", D, true, false}}},
		{"fr day of last month", "fr", fri, "L'accord signé le 12 du mois dernier entre en vigueur.",
			[]want{{"12 du mois dernier", "2025-02-12", D, true, false}}},
		{"fr day before yesterday", "fr", fri, "Les chirurgiens sont arrivés avant-hier à Phnom Penh.",
			[]want{{"avant-hier", "2025-03-05", D, true, false}}},
		{"fr bare weekday", "fr", fri, "La délégation a visité le service de néonatologie lundi.",
			[]want{{"lundi", "2025-03-03", D, true, false}}},
		{"fr next weekday", "fr", fri, "Elle reviendra lundi prochain pour un second atelier.",
			[]want{{"lundi prochain", "2025-03-10", D, true, false}}},
		// The week of 24 February to 2 March holds four days of February.
		{"fr last week is a month", "fr", fri, "La convention a été paraphée la semaine dernière à Lyon.",
			[]want{{"la semaine dernière", "2025-02", M, true, false}}},
		{"fr this month", "fr", fri, "Ce mois-ci, deux internes partent pour Hanoï.",
			[]want{{"Ce mois-ci", "2025-03", M, true, false}}},
		{"fr last month", "fr", fri, "Le mois dernier, l'équipe a opéré douze enfants.",
			[]want{{"Le mois dernier", "2025-02", M, true, false}}},
		{"fr since last month is no history", "fr", fri, "Le laboratoire fonctionne depuis le mois dernier.",
			[]want{{"le mois dernier", "2025-02", M, true, false}}},
		{"fr weekday range without year", "fr", oct17, "Du lundi 6 au vendredi 17 octobre, un atelier a réuni les kinés.",
			[]want{{"6", "2025-10-06", D, true, false}, {"vendredi 17 octobre", "2025-10-17", D, true, false}}},
		{"fr range ending after publication", "fr", oct17, "Du mardi 7 au vendredi 31 octobre, la mission se poursuit.",
			[]want{{"7", "2025-10-07", D, true, false}, {"vendredi 31 octobre", "2025-10-31", D, true, false}}},
		{"fr weekday list", "fr", oct17, "Les cours ont lieu lundi 13 et mardi 14 octobre.",
			[]want{{"mardi 14 octobre", "2025-10-14", D, true, false}}},
		{"fr early month", "fr", oct17, "Les premiers patients ont été reçus début octobre.",
			[]want{{"octobre", "2025-10", M, true, false}}},
		{"fr end of month", "fr", dec5, "Le matériel est arrivé fin novembre au port.",
			[]want{{"novembre", "2025-11", M, true, false}}},
		{"fr mid month", "fr", mar20, "Une première mission a eu lieu mi-mars.",
			[]want{{"mars", "2025-03", M, true, false}}},
		{"fr electric current", "fr", fri, "Le courant électrique a été coupé trois heures; le courant passe bien entre les équipes.", nil},
		{"fr since a year stays history", "fr", fri, "Les deux hôpitaux travaillent ensemble depuis 1991.",
			[]want{{"1991", "1991", Y, false, true}}},
		// Vietnamese.
		{"vi morning of yesterday", "vi", viFri, "Sáng qua, đoàn chuyên gia đã đến bệnh viện tỉnh.",
			[]want{{"Sáng qua", "2025-07-03", D, true, false}}},
		{"vi afternoon and evening of yesterday", "vi", viFri, "Chiều qua hai bên ký biên bản, tối qua đoàn về nước.",
			[]want{{"Chiều qua", "2025-07-03", D, true, false}, {"tối qua", "2025-07-03", D, true, false}}},
		{"vi day before yesterday", "vi", viFri, "Hôm kia, đoàn đã rời Hà Nội.",
			[]want{{"Hôm kia", "2025-07-02", D, true, false}}},
		{"vi last week", "vi", viFri, "Tuần trước, bệnh viện đã tổ chức hội thảo về ghép thận.",
			[]want{{"Tuần trước", "2025-06", M, true, false}}},
		{"vi past week", "vi", viFri, "Trong tuần qua, khoa đã khám cho hai trăm trẻ em.",
			[]want{{"tuần qua", "2025-06", M, true, false}}},
		{"vi last month", "vi", viFri, "Tháng trước, khoa đã tiếp nhận máy thở mới.",
			[]want{{"Tháng trước", "2025-06", M, true, false}}},
		{"vi day of this month", "vi", viFri, "Ngày 3 tháng này, hai trường đã trao đổi văn bản.",
			[]want{{"Ngày 3 tháng này", "2025-07-03", D, true, false}}},
		{"vi early month", "vi", oct17, "Vào đầu tháng 10, đoàn bác sĩ đã sang Lào.",
			[]want{{"tháng 10", "2025-10", M, true, false}}},
		{"vi end of month", "vi", dec5, "Cuối tháng 11, bệnh viện nhận thiết bị.",
			[]want{{"tháng 11", "2025-11", M, true, false}}},
		{"vi mid month", "vi", mar20, "Giữa tháng 3, khóa học bắt đầu.",
			[]want{{"tháng 3", "2025-03", M, true, false}}},
		{"vi afternoon day month", "vi", day(2025, 8, 22), "Chiều 20/8, hai bên trao biên bản ghi nhớ.",
			[]want{{"20/8", "2025-08-20", D, true, false}}},
		{"vi crossing a river", "vi", viFri, "Đoàn đi qua sông Hồng rồi qua cầu.", nil},
		{"vi counts are no last month", "vi", viFri,
			"3 tháng trước, bệnh nhân nhập viện; trong vài tuần qua số ca tăng; những tháng trước đều thấp.", nil},
		{"vi month before another date", "vi", viFri,
			"Tháng trước đó, bệnh nhân tập luyện trong tháng trước khi phẫu thuật.", nil},
		{"vi since a year stays history", "vi", viFri, "Từ năm 2012, bệnh viện đã ghép gan.",
			[]want{{"2012", "2012", Y, false, true}}},
		// English.
		// The week of 24 to 30 November.
		{"en last week", "en", enMon, "The hospitals signed the memorandum in Tokyo last week.",
			[]want{{"last week", "2025-11", M, true, false}}},
		{"en earlier this month", "en", thu, "Earlier this month, the ward opened its doors.",
			[]want{{"Earlier this month", "2025-11", M, true, false}}},
		{"en this month", "en", thu, "The second cohort starts this month.",
			[]want{{"this month", "2025-11", M, true, false}}},
		{"en last month", "en", thu, "Last month the clinic received two ventilators.",
			[]want{{"Last month", "2025-10", M, true, false}}},
		{"en day of this month", "en", thu, "The course began on the 3rd of this month.",
			[]want{{"3rd of this month", "2025-11-03", D, true, false}}},
		{"en on weekday", "en", day(2025, 5, 30), "The team handed over the incubators on Monday.",
			[]want{{"Monday", "2025-05-26", D, true, false}}},
		{"en day before yesterday", "en", thu, "The surgeons left the day before yesterday.",
			[]want{{"the day before yesterday", "2025-11-18", D, true, false}}},
		{"en early month", "en", oct17, "The first patients were seen in early October.",
			[]want{{"October", "2025-10", M, true, false}}},
		{"en late month", "en", dec5, "The equipment arrived in late November.",
			[]want{{"November", "2025-11", M, true, false}}},
		{"en mid month", "en", mar20, "A first mission took place in mid-March.",
			[]want{{"March", "2025-03", M, true, false}}},
		{"fr start of this month", "fr", thu, "Ils sont arrivés au début du mois avec leurs blouses.",
			[]want{{"au début du mois", "2025-11", M, true, false}}},
		{"fr start of a named month is that month", "fr", thu, "Ils partent au début du mois de mars.",
			[]want{{"mars", "2025-03", M, true, false}}},
		{"vi start of this month", "vi", thu, "Đoàn đến Huế từ đầu tháng này.",
			[]want{{"đầu tháng này", "2025-11", M, true, false}}},
		{"en possessives and weekends", "en", thu, "Last year's report and last month's figures were read this weekend.", nil},
		{"en stretches and other months", "en", thu, "Over the last month cases fell; the last week of March was calm.", nil},
		{"en since a year stays history", "en", thu, "The two schools have worked together since 1991.",
			[]want{{"1991", "1991", Y, false, true}}},
		// Without a reference date nothing relative is given.
		{"no ref", "fr", time.Time{}, "Le 3 courant, la semaine dernière et le mois dernier.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkFind(t, tc.text, tc.lang, tc.ref, tc.want)
		})
	}
}

// TestFindToCome covers dates written without their year that the text
// says are to come: a word after or before them or a verb of the future
// before them in their sentence puts them in the next year when the latest
// such date has passed; a date of the page's month or of its last week, a
// past verb and a range stay where they were.
func TestFindToCome(t *testing.T) {
	nov := day(2026, 11, 10)
	const D, M = medcoop.Day, medcoop.Month
	tests := []findCase{
		{"fr future verb", "fr", nov, "La délégation reviendra à Hué en février.",
			[]want{{"février", "2027-02", M, true, false}}},
		{"fr prochain", "fr", nov, "Une seconde mission est attendue en mars prochain.",
			[]want{{"mars", "2027-03", M, true, false}}},
		{"fr future day", "fr", nov, "Les premiers internes arriveront le 12 janvier.",
			[]want{{"12 janvier", "2027-01-12", D, true, false}}},
		{"fr past verb stays", "fr", nov, "La délégation est venue à Hué en février.",
			[]want{{"février", "2026-02", M, true, false}}},
		{"fr this month stays", "fr", nov, "La formation débutera en novembre.",
			[]want{{"novembre", "2026-11", M, true, false}}},
		{"fr a date of last week stays", "fr", nov, "La convention, qui sera publiée, a été signée le 5 novembre.",
			[]want{{"5 novembre", "2026-11-05", D, true, false}}},
		{"fr future in another sentence", "fr", nov, "Elle reviendra. Le bloc a ouvert en mars.",
			[]want{{"mars", "2026-03", M, true, false}}},
		{"vi tới", "vi", nov, "Đoàn chuyên gia sẽ trở lại Huế vào tháng 2 tới.",
			[]want{{"tháng 2", "2027-02", M, true, false}}},
		{"vi dự kiến", "vi", nov, "Khóa đào tạo dự kiến khai giảng vào tháng 3.",
			[]want{{"tháng 3", "2027-03", M, true, false}}},
		{"vi range with tới stays", "vi", nov, "Khóa học kéo dài từ tháng 2 tới tháng 5.",
			[]want{{"tháng 2", "2026-02", M, true, false}, {"tháng 5", "2026-05", M, true, false}}},
		{"en will", "en", nov, "The surgeons will return to Da Nang in February.",
			[]want{{"February", "2027-02", M, true, false}}},
		{"en next month name", "en", nov, "The second cohort starts next February.",
			[]want{{"February", "2027-02", M, true, false}}},
		{"en last month name", "en", nov, "Last December, the hospital donated two ventilators.",
			[]want{{"December", "2025-12", M, true, false}}},
		{"en this past month name", "en", nov, "This past June, the surgeons came to Da Nang.",
			[]want{{"June", "2026-06", M, true, false}}},
		{"en last month name in the page's month", "en", nov, "Last November, the hospital donated two ventilators.",
			[]want{{"November", "2025-11", M, true, false}}},
		{"en last month name after a verb of the future", "en", nov, "The surgeons will return next March, and last March they trained nurses.",
			[]want{{"March", "2027-03", M, true, false}, {"March", "2026-03", M, true, false}}},
		{"en past stays", "en", nov, "The surgeons came to Da Nang in February and will return.",
			[]want{{"February", "2026-02", M, true, false}}},
		{"en with a year", "en", nov, "The surgeons will return in February 2026 for an audit.",
			[]want{{"February 2026", "2026-02", M, false, false}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkFind(t, tc.text, tc.lang, tc.ref, tc.want)
		})
	}
}

// TestRelativePeriodsAgreeWithDateparser checks the data file's weeks and
// months against go-dateparser where it reads the phrase: it gives a week as
// a day of that week (the rule gives the week's month) and a month as a
// month. Every phrase here must be one go-dateparser reads.
func TestRelativePeriodsAgreeWithDateparser(t *testing.T) {
	phrases := map[string][]string{
		"fr": {"la semaine dernière", "cette semaine", "la semaine prochaine", "le mois dernier", "ce mois-ci", "le mois prochain"},
		"vi": {"tuần trước", "tuần này", "tuần sau", "tháng trước", "tháng này", "tháng sau"},
		"en": {"last week", "this week", "next week", "last month", "this month", "next month"},
	}
	// Every weekday, and weeks that straddle two months.
	var refs []time.Time
	for d := day(2025, 9, 26); d.Before(day(2025, 10, 10)); d = d.AddDate(0, 0, 1) {
		refs = append(refs, d)
	}
	for lang, ps := range phrases {
		for _, p := range ps {
			for _, ref := range refs {
				if _, ok := parseDate(lang, p, ref); !ok {
					t.Fatalf("go-dateparser no longer reads %s %q", lang, p)
				}
				text := "Signé " + p + "."
				withRules := Find(text, lang, ref)
				useRules = false
				without := Find(text, lang, ref)
				useRules = true
				if len(withRules) != 1 || len(without) != 1 || withRules[0].Value != without[0].Value {
					t.Errorf("%s %q on %s: rules give %+v, go-dateparser %+v", lang, p, ref.Format("2006-01-02 Mon"), withRules, without)
				}
			}
		}
	}
}

// tokenLimit is the token limit of an anchored attempt computed from
// scratch: the start of the (matchTokens+1)-th white-space separated token
// of s[from:limit], or limit.
func tokenLimit(s string, from, limit int) int {
	tokens := 0
	inSpace := true
	for i := from; i < limit; i++ {
		space := isSpaceByte(s[i])
		if !space && inSpace {
			tokens++
			if tokens > matchTokens {
				return i
			}
		}
		inSpace = space
	}
	return limit
}

// TestTokenEnds checks the token limits computed once per text against
// their definition, at every position of texts with runs of white space.
func TestTokenEnds(t *testing.T) {
	texts := []string{
		"",
		"a",
		"  Le  3 courant,\tla semaine\n\ndernière   (x) l'hôpital a b c d e f g h i j k l m n o p q r s t u v ",
		"Thứ Năm , ngày 12 tháng 11 năm 2025 \r\n 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18",
	}
	for _, s := range texts {
		var starts []start
		for i := range s {
			starts = append(starts, start{pos: i})
		}
		setTokenEnds(s, starts)
		for _, st := range starts {
			for _, limit := range []int{len(s), min(len(s), st.pos+20)} {
				if got, want := min(st.tokenEnd, limit), tokenLimit(s, st.pos, limit); got != want {
					t.Errorf("%q at %d, limit %d: token end %d, want %d", s, st.pos, limit, got, want)
				}
			}
		}
	}
}
