package people

import (
	"bufio"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// want is one expected person: name as written, role ("" for none), title,
// and a substring the role span must contain ("" to not check).
type want struct {
	name, role, title, inSpan string
}

type findCase struct {
	text string
	want []want // nil: nobody
}

func checkFind(t *testing.T, lang string, cases []findCase) {
	t.Helper()
	for _, c := range cases {
		got := Find(c.text, lang)
		var names []string
		for _, m := range got {
			names = append(names, m.Name+"|"+m.Role)
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: Find(%q) = %q, want %d people", lang, c.text, names, len(c.want))
			continue
		}
		for i, w := range c.want {
			m := got[i]
			if m.Name != w.name || m.Role != w.role || m.Title != w.title {
				t.Errorf("%s: Find(%q)[%d] = name %q role %q title %q, want %q %q %q",
					lang, c.text, i, m.Name, m.Role, m.Title, w.name, w.role, w.title)
			}
			if span := c.text[m.Start:m.End]; span != m.Name && !strings.HasPrefix(m.Name, span+" ") {
				t.Errorf("%s: span %d:%d is %q, want %q", lang, m.Start, m.End, c.text[m.Start:m.End], m.Name)
			}
			if w.inSpan != "" && (m.RoleStart < 0 || !strings.Contains(c.text[m.RoleStart:m.RoleEnd], w.inSpan)) {
				t.Errorf("%s: role span of %q is %d:%d, want it to contain %q", lang, m.Name, m.RoleStart, m.RoleEnd, w.inSpan)
			}
		}
	}
}

func TestFindFrench(t *testing.T) {
	checkFind(t, "fr", []findCase{
		{"Le doyen Pr Jean Dupont a ouvert la séance.", []want{{"Jean Dupont", "dean", "Pr", ""}}},
		// A trade is a role: the person speaks as one.
		{"« Tout est prêt », explique Léa Morin, ergothérapeute au CHU de Brest.",
			[]want{{"Léa Morin", "occupational therapist", "", "CHU de Brest"}}},
		// A relative clause gives the role of a name with no title.
		{"Chea Rithy, qui dirige les urgences de l'hôpital cambodgien, a accueilli l'équipe.",
			[]want{{"Chea Rithy", "head", "", "qui dirige"}}},
		// An indefinite article before the role; "Le" opens a Vietnamese
		// name when a middle name follows it.
		{"« Nous formerons vingt infirmières », explique Le Thi Hoa, une pédiatre de l'hôpital de Hué.",
			[]want{{"Le Thi Hoa", "paediatrician", "", "hôpital de Hué"}}},
		{"Le service de pédiatrie ouvrira en mai.", nil},
		{"« Les premiers patients arrivent », indique Paul Roux, hépatologue au CHU de Brest.",
			[]want{{"Paul Roux", "hepatologist", "", "CHU de Brest"}}},
		{"Le ministre a reçu son homologue Pierre Dubois.", nil},
		{"Il a rencontré Anne Petit, urologue à Rennes.", []want{{"Anne Petit", "urologist", "", "urologue"}}},
		{"« Le matériel tient », a indiqué Paul Roux, ingénieur biomédical au CHU de Tours.",
			[]want{{"Paul Roux", "biomedical engineer", "", "CHU de Tours"}}},
		{"Le Pr Jean Dupont, chef du service de cardiologie du CHU de Lyon, a ouvert la séance.",
			[]want{{"Jean Dupont", "head of department", "Pr", "CHU de Lyon"}}},
		{"Selon le professeur, docteur et médecin du peuple Le Van Hung, recteur de l'Université de médecine de Hué, l'accord est historique.",
			[]want{{"Le Van Hung", "rector", "professeur, docteur et médecin du peuple", "Université de médecine de Hué"}}},
		{"Mme Claire Martin Leblanc, directrice générale du CHU de Rennes, a déclaré que tout allait bien.",
			[]want{{"Claire Martin Leblanc", "director general", "Mme", "du CHU de Rennes"}}},
		{"« Nous sommes ravis », précise Paul Girard, directeur général du CHU de Brest.",
			[]want{{"Paul Girard", "director general", "", "CHU de Brest"}}},
		{"Le projet avance, comme le précise Sophie Lemaire, directrice de la recherche et des partenariats internationaux : « c'est fait ».",
			[]want{{"Sophie Lemaire", "director of research and partnerships", "", "internationaux"}}},
		{"M. Nguyen Van A a signé la convention.", []want{{"Nguyen Van A", "", "M.", ""}}},
		{"Le projet est né à l'initiative des professeurs Henri de Montclar et Tran Duc Long en 1990.",
			[]want{{"Henri de Montclar", "professor", "professeurs", ""}, {"Tran Duc Long", "professor", "professeurs", ""}}},
		{"Le Dr Jean-Marc Petit est arrivé hier.", []want{{"Jean-Marc Petit", "", "Dr", ""}}},
		{"Le directeur général du CHU de Tours, Marc Antoine Roux, a salué l'accord.",
			[]want{{"Marc Antoine Roux", "director general", "", "CHU de Tours"}}},
		{"L'ambassadeur de France au Vietnam, M. Olivier Brochet, était présent.",
			[]want{{"Olivier Brochet", "ambassador", "M.", "France au Vietnam"}}},
		{"Hélène Morel a déclaré que la coopération continuerait.", []want{{"Hélène Morel", "", "", ""}}},
		// negatives
		{"Le professeur a présenté le programme.", nil},
		{"Le CHU de Nîmes précise que la convention est signée.", nil},
		{"En novembre Paris et Hanoï ont signé un accord.", nil},
		{"La Grande Mosquée de Valence et le Centre Hospitalier de Lyon sont voisins.", nil},
		{"Marie Curie et Pierre Curie ont reçu le prix.", nil}, // no title, role or speech verb
		{"Le directeur du CHU, qui était absent, a envoyé un message.", nil},
	})
}

func TestFindVietnamese(t *testing.T) {
	checkFind(t, "vi", []findCase{
		{"GS.TS. Lê Văn Hùng, Hiệu trưởng Trường Đại học Y Dược, ĐHQGHN phát biểu tại buổi lễ.",
			[]want{{"Lê Văn Hùng", "rector", "GS.TS.", "ĐHQGHN"}}},
		{"PGS.TS. Phạm Quốc Bảo, Giám đốc Bệnh viện Bạch Mai cho biết bệnh viện sẽ mở rộng hợp tác.",
			[]want{{"Phạm Quốc Bảo", "director", "PGS.TS.", "Bệnh viện Bạch Mai"}}},
		{"TS.BS. Vũ Minh Châu – Giám đốc Bệnh viện Chợ Rẫy đã ký biên bản.",
			[]want{{"Vũ Minh Châu", "director", "TS.BS.", "Chợ Rẫy"}}},
		// A given name that is also a city's ("Vinh") stays in the name.
		{"TS.BS. Lê Quang Vinh, Giám đốc Bệnh viện Đa khoa tỉnh Nghệ An, phát biểu.",
			[]want{{"Lê Quang Vinh", "director", "TS.BS.", "Bệnh viện Đa khoa tỉnh Nghệ An"}}},
		{"Giám đốc Bệnh viện Bạch Mai Đào Quang Minh cho biết hai bên đã thống nhất.",
			[]want{{"Đào Quang Minh", "director", "", "Bạch Mai"}}},
		{"Thứ trưởng Bộ Y tế Trần Thị Thu Hà dự buổi làm việc.",
			[]want{{"Trần Thị Thu Hà", "deputy minister of health", "", ""}}},
		{"Về phía Pháp, bà Claire Martin Leblanc, Tổng Giám đốc Bệnh viện Đại học Rennes, nhấn mạnh tầm quan trọng của hợp tác.",
			[]want{{"Claire Martin Leblanc", "director general", "bà", "Rennes"}}},
		{"Theo PGS. TS. Hoàng Văn Khoa, bệnh nhân đã ổn định.",
			[]want{{"Hoàng Văn Khoa", "associate professor", "PGS. TS.", ""}}},
		{"Bác sĩ CKII Lê Thị Hà - Giám đốc Trung tâm Sơ sinh chia sẻ kinh nghiệm.",
			[]want{{"Lê Thị Hà", "director", "Bác sĩ CKII", "Sơ sinh"}}},
		{"Đại sứ Pháp tại Việt Nam Olivier Brochet cho biết Pháp sẽ hỗ trợ.",
			[]want{{"Olivier Brochet", "ambassador", "", "Việt Nam"}}},
		{"TS Lê Thị Hồng Hanh, Giám đốc Trung tâm Hô hấp và BSCK2 Lê Thanh Chương, Trưởng khoa Hồi sức cho biết.",
			[]want{{"Lê Thị Hồng Hanh", "director", "TS", "Hô hấp"}, {"Lê Thanh Chương", "head of department", "BSCK2", "Hồi sức"}}},
		{"Ông Đặng Văn Chiến, Giám đốc Sở Y tế tỉnh Hưng Yên cho hay tỉnh đã sẵn sàng.",
			[]want{{"Đặng Văn Chiến", "director", "Ông", "Hưng Yên"}}},
		// "Mỹ" is the United States and a given name.
		{"TS.BS. Huỳnh Thị Mỹ Duyên, Trưởng khoa Răng Hàm Mặt, trình bày tham luận.",
			[]want{{"Huỳnh Thị Mỹ Duyên", "head of department", "TS.BS.", "Răng Hàm Mặt"}}},
		{"Đại sứ Mỹ tại Việt Nam Marc Knapper cho biết Mỹ sẽ hỗ trợ.",
			[]want{{"Marc Knapper", "ambassador", "", "Việt Nam"}}},
		// A foreign name with no title opens its sentence before its role.
		{"Khóa học kết thúc hôm qua. Somphone Vongsa, Phó Giám đốc Bệnh viện tỉnh Salavan, cảm ơn đoàn.",
			[]want{{"Somphone Vongsa", "deputy director", "", "Salavan"}}},
		// Family names of the Central Highlands; a province's last word
		// ("Lai" of "Gia Lai") is no family name.
		{"Phó Giám đốc Sở Y tế Gia Lai Ksor Thuận cho biết tỉnh đã sẵn sàng.",
			[]want{{"Ksor Thuận", "deputy director", "", "Gia Lai"}}},
		{"Tại buổi lễ, Rmah Dôn, Trưởng khoa Nội, cho biết.",
			[]want{{"Rmah Dôn", "head of department", "", "Nội"}}},
		// "H'" opens an Ê Đê woman's name.
		{"Bà Siu H'Nhi cho biết bà đã khỏe.", []want{{"Siu H'Nhi", "", "Bà", ""}}},
		// negatives
		{"Bệnh viện Hữu nghị Việt Đức vừa tiếp nhận thiết bị mới.", nil},
		{"Khóa học có Somphone Vongsa tham gia.", nil},
		{"Sáng 12/11, tại Hà Nội, Trường Đại học Y Dược tổ chức lễ ký kết.", nil},
		{"Giám đốc Sở Y tế Hà Nội cho biết thêm về kế hoạch.", nil},
		{"Chủ tịch UBND tỉnh Ninh Bình đã chỉ đạo.", nil},
		{"Bà Rịa - Vũng Tàu ghi nhận thêm ca bệnh.", nil},
		{"Bà con trong xã đều đến tiêm.", nil},
	})
}

func TestFindEnglish(t *testing.T) {
	checkFind(t, "en", []findCase{
		{"Prof. Le Van Hung, rector of the University of Medicine and Pharmacy, opened the ceremony.",
			[]want{{"Le Van Hung", "rector", "Prof.", "University of Medicine and Pharmacy"}}},
		{"Siriporn Chantarasak, who runs the international office of Mahidol University, said the exchange would start in June.",
			[]want{{"Siriporn Chantarasak", "head", "", "who runs"}}},
		// Adjectives before the profession belong to the role.
		{"Owen Barlow, a paediatric emergency physician from Toronto, will lead the course.",
			[]want{{"Owen Barlow", "paediatric emergency physician", "", "paediatric emergency physician"}}},
		{"Niran Chaiyo, associate dean of the Faculty of Nursing, signed for the university.",
			[]want{{"Niran Chaiyo", "associate dean", "", "Faculty of Nursing"}}},
		{"Dr Phet Sisane, deputy head of the provincial health office, will help.",
			[]want{{"Phet Sisane", "deputy head", "Dr", "provincial health office"}}},
		// A word with a profession's suffix is a role, though no list has it.
		{"Wei Lan, a hepatologist at the hospital, will enrol the patients.",
			[]want{{"Wei Lan", "hepatologist", "", "hepatologist"}}},
		{"Grace Ito, a senior neonatal nurse, welcomed them.",
			[]want{{"Grace Ito", "senior neonatal nurse", "", "senior neonatal nurse"}}},
		{"Dr Vu Minh Chau, director of Cho Ray Hospital, signed the agreement.",
			[]want{{"Vu Minh Chau", "director", "Dr", "Cho Ray Hospital"}}},
		{`"We are proud," said Claire Martin Leblanc, CEO of Rennes University Hospital.`,
			[]want{{"Claire Martin Leblanc", "CEO", "", "Rennes University Hospital"}}},
		{"According to Dr. John Smith, the project began in 2010.", []want{{"John Smith", "", "Dr.", ""}}},
		// A possessive and a nationality between the name and its role.
		{`"We are ready," said Hoang Van Lam, the hospital's deputy director.`,
			[]want{{"Hoang Van Lam", "deputy director", "", ""}}},
		{"Dao Thi Hanh, the Vietnamese hospital's director, thanked the team.",
			[]want{{"Dao Thi Hanh", "director", "", ""}}},
		{"Mr Nguyen Van An and Ms Tran Thi Binh attended.",
			[]want{{"Nguyen Van An", "", "Mr", ""}, {"Tran Thi Binh", "", "Ms", ""}}},
		{"Deputy Minister of Health Tran Thi Thu Ha attended the ceremony.",
			[]want{{"Tran Thi Thu Ha", "deputy minister of health", "", ""}}},
		{"Anna Berg, a senior nurse clinician at Oslo University Hospital, said the course was full.",
			[]want{{"Anna Berg", "senior nurse clinician", "", "Oslo University Hospital"}}},
		{"Deputy director Dr Lam Quoc Hung said survival had improved.",
			[]want{{"Lam Quoc Hung", "deputy director", "Dr", ""}}},
		{"Hospital director Pham Quoc Bao said the two sides agreed.",
			[]want{{"Pham Quoc Bao", "director", "", ""}}},
		{"Professors Henri de Montclar and Tran Duc Long founded the programme.",
			[]want{{"Henri de Montclar", "professor", "Professors", ""}, {"Tran Duc Long", "professor", "Professors", ""}}},
		{"Mary Jones, dean of the Faculty of Nursing, welcomed the delegation.",
			[]want{{"Mary Jones", "dean", "", "Faculty of Nursing"}}},
		{"Associate Professor Ngo Thi Lan spoke about research.", []want{{"Ngo Thi Lan", "associate professor", "Associate Professor", ""}}},
		{"The ambassador, Mr Paul Green, said the visit mattered.", []want{{"Paul Green", "ambassador", "Mr", ""}}},
		// One word names a person the text names in full elsewhere.
		{"The text was signed by Dr Somsak Vongphachanh for the hospital. \"We are ready,\" Dr Somsak said.",
			[]want{{"Somsak Vongphachanh", "", "Dr", ""}, {"Somsak Vongphachanh", "", "Dr", ""}}},
		// negatives
		{"The Ministry of Health said the programme would expand.", nil},
		{"In March Hanoi Medical University signed a deal.", nil},
		{"The professor gave a lecture.", nil},
		{"New York Times reported the deal.", nil},
		{"Cho Ray Hospital said it would host the training.", nil},
	})
}

func TestFindDecomposedAndLines(t *testing.T) {
	nfd := norm.NFD.String("PGS.TS. Đào Quang Minh, Giám đốc Bệnh viện Bạch Mai cho biết.")
	ms := Find(nfd, "vi")
	if len(ms) != 1 || ms[0].Name != "Đào Quang Minh" || ms[0].Role != "director" || ms[0].NameASCII != "Dao Quang Minh" {
		t.Fatalf("Find on NFD text = %+v", ms)
	}
	if nfd[ms[0].Start:ms[0].End] != norm.NFD.String("Đào Quang Minh") {
		t.Errorf("span %d:%d does not cover the name in the decomposed text", ms[0].Start, ms[0].End)
	}
	if ms := Find("Le professeur\nJean Dupont arrive.", "fr"); len(ms) != 0 {
		t.Errorf("a title at the end of a line named %+v", ms)
	}
}

func TestUnknownLanguage(t *testing.T) {
	if got := Find("Pr Jean Dupont", "xx"); got != nil {
		t.Errorf("Find for an unknown language = %v, want nil", got)
	}
	if langs := Languages(); len(langs) != 3 {
		t.Errorf("Languages() = %v, want fr, vi, en", langs)
	}
}

// checkInvariants verifies what Find promises about any text.
func checkInvariants(t *testing.T, text string, ms []Mention) {
	t.Helper()
	for i, m := range ms {
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
			t.Fatalf("mention %d has span %d:%d in a text of %d bytes", i, m.Start, m.End, len(text))
		}
		if i > 0 && ms[i-1].Start >= m.Start {
			t.Fatalf("mentions not sorted or duplicated at %d: %d then %d", i, ms[i-1].Start, m.Start)
		}
		if m.Name == "" || m.Surface == "" {
			t.Fatalf("mention %d has empty name or surface: %+v", i, m)
		}
		if (m.Role == "") != (m.RoleStart < 0) || (m.RoleStart < 0) != (m.RoleEnd < 0) ||
			m.RoleStart >= 0 && (m.RoleStart > m.RoleEnd || m.RoleEnd > len(text)) {
			t.Fatalf("mention %d has role %q with span %d:%d", i, m.Role, m.RoleStart, m.RoleEnd)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Mme Valérie Durand Roche, directrice générale du CHU de Clermont-Ferrand, a déclaré",
		"GS.TS. Lê Ngọc Thành, Hiệu trưởng Trường Đại học Y Dược, ĐHQGHN",
		"Giám đốc Bệnh viện Bạch Mai Đào Xuân Cơ cho biết",
		"said Dr. J. Smith, CEO of X",
		"les professeurs A B et C D,",
		"Pr\nJean\nDupont",
		"Le \u0301 Pr .",
	} {
		for _, lang := range []string{"fr", "vi", "en"} {
			f.Add(s, lang)
		}
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		checkInvariants(t, text, Find(text, lang))
	})
}

func BenchmarkFind(b *testing.B) {
	text := strings.Repeat("Selon le professeur, docteur et médecin du peuple Le Van Hung, recteur de l'Université de médecine de Hué, "+
		"la coopération est ancienne. Mme Claire Martin Leblanc, directrice générale du CHU de Rennes, a déclaré que tout allait bien. "+
		"Le CHU de Nîmes précise que la convention est signée en novembre à Paris. ", 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text, "fr")
	}
}

// goldArticle is the part of the devset gold this package is scored on.
type goldArticle struct {
	File string `json:"file"`
	Lang string `json:"lang"`
	Text string `json:"text"`
	Gold struct {
		People []struct {
			Name      string  `json:"name"`
			NameASCII string  `json:"name_ascii"`
			Role      *string `json:"role"`
		} `json:"people"`
	} `json:"gold"`
}

func TestDevsetGoldPeople(t *testing.T) {
	raw, err := os.ReadFile("../../../shared/devset/seeds.gold.json")
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("../../../shared/devset/seeds.gold.json is absent: gold people not checked")
	}
	if err != nil {
		t.Fatal(err)
	}
	var arts []goldArticle
	if err := json.Unmarshal(raw, &arts); err != nil {
		t.Fatalf("parse seeds.gold.json: %v", err)
	}
	total, found, roles, withRole := 0, 0, 0, 0
	for _, a := range arts {
		ms := Find(a.Text, a.Lang)
		checkInvariants(t, a.Text, ms)
		for _, g := range a.Gold.People {
			total++
			if g.Role != nil {
				withRole++
			}
			var hit *Mention
			for i := range ms {
				if strings.EqualFold(ms[i].NameASCII, g.NameASCII) {
					hit = &ms[i]
					break
				}
			}
			if hit == nil {
				t.Errorf("%s: gold person %q not found", a.File, g.Name)
				continue
			}
			found++
			if g.Role != nil {
				if hit.Role != *g.Role {
					t.Errorf("%s: %q has role %q, gold %q", a.File, g.Name, hit.Role, *g.Role)
				} else {
					roles++
				}
			}
		}
		t.Logf("%s: %d mentions found", a.File, len(ms))
	}
	t.Logf("gold people found %d/%d, gold roles right %d/%d", found, total, roles, withRole)
}

// winerDoc is one WiNER-fr Wikinews article with its entity annotations
// (offsets in runes).
type winerDoc struct {
	Text     string `json:"text"`
	Entities []struct {
		Type       string `json:"type"`
		Start, End int
	} `json:"entities"`
}

// TestWinerPrecision measures Find on French Wikinews against its Person
// annotations. The design is precision first: a mention must overlap a
// gold Person; recall is reported, not enforced.
func TestWinerPrecision(t *testing.T) {
	fh, err := os.Open("../../../shared/corpus/winer-fr/winer-fr.jsonl")
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("../../../shared/corpus/winer-fr/winer-fr.jsonl is absent: precision not measured")
	}
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	if testing.Short() {
		t.Skip("short mode")
	}
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	mentions, right, gold, recalled := 0, 0, 0, 0
	var wrong []string
	for sc.Scan() {
		var d winerDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("parse winer-fr.jsonl: %v", err)
		}
		// rune offsets to byte offsets
		byteAt := make([]int, 0, len(d.Text)+1)
		for i := range d.Text {
			byteAt = append(byteAt, i)
		}
		byteAt = append(byteAt, len(d.Text))
		var persons [][2]int
		for _, e := range d.Entities {
			if e.Type == "Person" && e.End < len(byteAt) {
				persons = append(persons, [2]int{byteAt[e.Start], byteAt[e.End]})
			}
		}
		gold += len(persons)
		ms := Find(d.Text, "fr")
		checkInvariants(t, d.Text, ms)
		hit := make([]bool, len(persons))
		for _, m := range ms {
			mentions++
			ok := false
			for i, p := range persons {
				if m.Start < p[1] && p[0] < m.End {
					ok, hit[i] = true, true
				}
			}
			if ok {
				right++
			} else {
				wrong = append(wrong, m.Surface)
			}
		}
		for _, h := range hit {
			if h {
				recalled++
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if mentions == 0 {
		t.Fatal("no mention found in WiNER-fr")
	}
	precision := float64(right) / float64(mentions)
	t.Logf("WiNER-fr: %d mentions, precision %.3f, recall %.3f of %d gold persons", mentions, precision,
		float64(recalled)/float64(max(gold, 1)), gold)
	sort.Strings(wrong)
	if len(wrong) > 40 {
		wrong = wrong[:40]
	}
	t.Logf("not a gold person: %q", wrong)
	if precision < 0.85 {
		t.Errorf("precision %.3f on WiNER-fr, want at least 0.85", precision)
	}
}

// TestOfficial checks that offices of every language's data are known by
// their English role, and that a hospital's roles are not offices.
func TestOfficial(t *testing.T) {
	for _, tt := range []struct {
		role string
		want bool
	}{
		{"deputy minister of health", true},
		{"ambassador", true},
		{"prefect", true}, // only French data has it
		{"retired ambassador", true},
		{"senior nurse", false},
		{"director", false},
		{"head of department", false},
		{"chairman", false},
	} {
		if got := Official(tt.role); got != tt.want {
			t.Errorf("Official(%q) = %v, want %v", tt.role, got, tt.want)
		}
	}
}

// TestPluralRoles checks that a plural role before a list of names gives
// each name the role, right after it or after its description and a
// comma, and that a lone name or a verb between them gives nobody.
func TestPluralRoles(t *testing.T) {
	checkFind(t, "fr", []findCase{
		{"Deux infirmières lyonnaises, Anne Roux et Léa Petit, ont passé une semaine à Hué.",
			[]want{{"Anne Roux", "nurse", "", "infirmières"}, {"Léa Petit", "nurse", "", "infirmières"}}},
		{"Les sages-femmes Julie Marchand, Claire Bodin et Inès Caron animent les ateliers.",
			[]want{{"Julie Marchand", "midwife", "", ""}, {"Claire Bodin", "midwife", "", ""}, {"Inès Caron", "midwife", "", ""}}},
		{"Deux infirmières ont formé Anne Roux et Léa Petit.", nil},
		{"Selon les médecins, Anne Roux et Léa Petit sont hors de danger.", nil},
	})
	checkFind(t, "en", []findCase{
		{"Nurse educators Kate Wilson, Tom Nguyen and Amy Ross are running the sessions.",
			[]want{{"Kate Wilson", "nurse educator", "", ""}, {"Tom Nguyen", "nurse educator", "", ""}, {"Amy Ross", "nurse educator", "", ""}}},
		// a title before each name is the name's title, not part of it
		{"Two of his surgeons, Dr Khamla Vongsa and Dr Souk Keola, will go.",
			[]want{{"Khamla Vongsa", "surgeon", "Dr", "surgeons"}, {"Souk Keola", "surgeon", "Dr", "surgeons"}}},
	})
	checkFind(t, "vi", []findCase{
		{"Các điều dưỡng Phạm Thị Lan và Đỗ Thị Hoa cho rằng khóa học rất bổ ích.",
			[]want{{"Phạm Thị Lan", "nurse", "", ""}, {"Đỗ Thị Hoa", "nurse", "", ""}}},
	})
}

func TestPrivateTitle(t *testing.T) {
	for _, tt := range []struct {
		title string
		want  bool
	}{{"Mme", true}, {"Bà", true}, {"Mr", true}, {"Dr", false}, {"Pr", false}, {"PGS.TS.", false}} {
		if got := PrivateTitle(tt.title); got != tt.want {
			t.Errorf("PrivateTitle(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}
