package lexicon

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/medcoop/medcoop"
	"github.com/medcoop/medcoop/extract/textnorm"
)

// contractCodes is the domain vocabulary of the contract
// (../shared/contract/README.md), which data/domains/codes.yaml must hold.
var contractCodes = []string{"anesthesia", "cardiology", "cardiovascular-surgery", "chronic-diseases",
	"dentistry", "dermatology", "developmental-care", "diagnostic-imaging", "digital-health",
	"artificial-intelligence", "emergency-medicine", "endocrinology", "gastroenterology", "geriatrics",
	"hematology", "hospital-management", "infection-control", "antimicrobial-stewardship",
	"infectious-diseases", "intensive-care", "laboratory-medicine", "medical-education", "mental-health",
	"neonatology", "nephrology", "neurology", "neurosurgery", "nuclear-medicine", "nursing",
	"obstetrics-gynecology", "oncology", "ophthalmology", "orthopedics", "otorhinolaryngology",
	"pain-management", "pediatrics", "pelvic-floor", "pharmacy", "public-health", "pulmonology",
	"quality-of-care", "rare-diseases", "rehabilitation", "research", "surgery", "technology-transfer",
	"traditional-medicine", "transplantation", "maternal-child-health"}

func TestDataLoads(t *testing.T) {
	g, err := loadGazetteer()
	if err != nil {
		t.Fatalf("gazetteer: %v", err)
	}
	if len(g.All()) < 150 {
		t.Errorf("gazetteer has %d institutions, want at least 150", len(g.All()))
	}
	for _, l := range []interface{ init() error }{places, domains, cues} {
		if err := l.init(); err != nil {
			t.Fatal(err)
		}
	}
	// Every YAML file under data/ is read by one of the loaders above.
	err = fs.WalkDir(dataFS, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !strings.HasSuffix(p, ".yaml") {
			return errors.New("not a YAML file: " + p)
		}
		return nil
	})
	if err != nil {
		t.Error(err)
	}
	for _, lang := range []string{"fr", "vi", "en"} {
		for _, l := range []map[string]bool{places.langs, domains.langs, cues.langs} {
			if !l[lang] {
				t.Errorf("no %s file in one of places, domains, cues", lang)
			}
		}
	}
}

func TestInstitutionIDsUniqueAndWellFormed(t *testing.T) {
	g := Institutions()
	seen := map[string]bool{}
	for _, in := range g.All() {
		if seen[in.ID] {
			t.Errorf("duplicate id %s", in.ID)
		}
		seen[in.ID] = true
		if in.ID != strings.ToLower(in.ID) || strings.ContainsAny(in.ID, " _") || strings.HasPrefix(in.ID, "x-") {
			t.Errorf("id %q is not a lower-case slug", in.ID)
		}
		if got, ok := g.ByID(in.ID); !ok || got != in {
			t.Errorf("ByID(%q) = %v, %v", in.ID, got, ok)
		}
		// Every institution is found by its own aliases (strict ones as written).
		for _, a := range in.Aliases {
			ms := g.Find(a)
			if len(ms) != 1 || ms[0].Surface != a || ms[0].Discovered {
				t.Errorf("%s: alias %q finds %+v", in.ID, a, ms)
				continue
			}
			if ms[0].Institution != in {
				t.Errorf("%s: alias %q resolves to %s", in.ID, a, ms[0].Institution.ID)
			}
		}
	}
	if _, ok := g.ByID("no-such-id"); ok {
		t.Error("ByID found an unknown id")
	}
}

func TestGazetteerCoverage(t *testing.T) {
	g := Institutions()
	chus := 0
	for _, in := range g.All() {
		if in.Country == "FR" && in.Kind == medcoop.Hospital && (strings.HasPrefix(in.Name, "CHU ") || strings.HasPrefix(in.Name, "CHR ")) {
			chus++
		}
	}
	if chus < 30 {
		t.Errorf("%d French CHU/CHR, want every one (>= 30)", chus)
	}
	for _, id := range []string{"fr-aphp", "fr-hcl", "fr-aphm", "fr-u-clermont-auvergne", "fr-embassy-vietnam",
		"vn-bach-mai", "vn-cho-ray", "vn-vnu-ump", "vn-hmu", "vn-moh", "kh-calmette", "la-mahosot",
		"cn-shanxi-mch", "cn-pumch", "cn-ruijin", "cn-nhc"} {
		if _, ok := g.ByID(id); !ok {
			t.Errorf("gazetteer lacks %s", id)
		}
	}
}

func TestDomainCodes(t *testing.T) {
	codes := DomainCodes()
	want := slices.Clone(contractCodes)
	slices.Sort(want)
	if !slices.Equal(codes, want) {
		t.Errorf("codes.yaml = %v\nwant %v", codes, want)
	}
	for _, c := range codes {
		if DomainLabel(c) == "" {
			t.Errorf("code %s has no label", c)
		}
	}
	if DomainLabel("astrology") != "" {
		t.Error("label for an unknown code")
	}
	// Every code can be found in every language.
	domains.mustInit()
	for lang, ps := range domains.patterns {
		have := map[string]bool{}
		for _, p := range ps {
			for _, c := range p.value {
				have[c] = true
			}
		}
		for _, c := range contractCodes {
			if !have[c] {
				t.Errorf("%s: no term for %s", lang, c)
			}
		}
	}
}

type instWant struct {
	surface, id string
}

func TestFindInstitutions(t *testing.T) {
	tests := []struct {
		name, text string
		want       []instWant
	}{
		{"fr folded spellings", "Le CHU de Nimes et le chu de Nîmes ont reçu le Centre Hospitalier Universitaire de Nîmes.",
			[]instWant{{"CHU de Nimes", "fr-chu-nimes"}, {"chu de Nîmes", "fr-chu-nimes"}, {"Centre Hospitalier Universitaire de Nîmes", "fr-chu-nimes"}}},
		{"fr elision and longest", "Une convention lie le CHU d’Angers à l'Université de médecine et de pharmacie de Hô Chi Minh-Ville.",
			[]instWant{{"CHU d’Angers", "fr-chu-angers"}, {"Université de médecine et de pharmacie de Hô Chi Minh-Ville", "vn-ump-hcmc"}}},
		{"fr de elided, d' spelled out", "L'hôpital de l'Université de médecine et de pharmacie d'Hô Chi Minh-Ville et l'université de médecine et de pharmacie de Hô Chi Minh-Ville.",
			[]instWant{{"hôpital de l'Université de médecine et de pharmacie d'Hô Chi Minh-Ville", "vn-umc-hcmc"}, {"université de médecine et de pharmacie de Hô Chi Minh-Ville", "vn-ump-hcmc"}}},
		{"fr short vs long", "L'Université de médecine et de pharmacie a reçu l'ambassade de France au Viêt Nam.",
			[]instWant{{"Université de médecine et de pharmacie", "vn-vnu-ump"}, {"ambassade de France au Viêt Nam", "fr-embassy-vietnam"}}},
		{"vi", "Bệnh viện Bạch Mai và Trường Đại học Y Dược, ĐHQGHN đã ký kết với Bộ Y tế.",
			[]instWant{{"Bệnh viện Bạch Mai", "vn-bach-mai"}, {"Trường Đại học Y Dược, ĐHQGHN", "vn-vnu-ump"}, {"Bộ Y tế", "vn-moh"}}},
		{"vi NFD", "Be\u0323\u0302nh vie\u0323\u0302n Chợ Rẫy", []instWant{{"Be\u0323\u0302nh vie\u0323\u0302n Chợ Rẫy", "vn-cho-ray"}}},
		{"vi ministry of another country wins", "Bộ Y tế Lào cử đoàn sang Bệnh viện Hữu nghị Việt Đức.",
			[]instWant{{"Bộ Y tế Lào", "la-moh"}, {"Bệnh viện Hữu nghị Việt Đức", "vn-viet-duc"}}},
		{"en", "Hanoi Medical University signed with Peking Union Medical College Hospital and the VNU-UMP.",
			[]instWant{{"Hanoi Medical University", "vn-hmu"}, {"Peking Union Medical College Hospital", "cn-pumch"}, {"VNU-UMP", "vn-vnu-ump"}}},
		{"a region after the city is the same name", "Bệnh viện Đại học Dijon Bourgogne tiếp đoàn.",
			[]instWant{{"Bệnh viện Đại học Dijon", "fr-chu-dijon"}}},
		{"acronym needs its case", "Le who et l'uca, mais l'UCA et la WHO.",
			[]instWant{{"UCA", "fr-u-clermont-auvergne"}, {"WHO", "int-who"}}},
		{"china", "L'hôpital mère-enfant de la province du Shanxi et Ruijin Hospital.",
			[]instWant{{"hôpital mère-enfant de la province du Shanxi", "cn-shanxi-mch"}, {"Ruijin Hospital", "cn-ruijin"}}},
		{"a name that runs on into another city is another institution's", "Bệnh viện Nhi đồng Thành phố và Bệnh viện Nhi đồng thành phố Mỹ Tho; Bệnh viện Bạch Mai Hà Nội.",
			[]instWant{{"Bệnh viện Nhi đồng Thành phố", "vn-nhi-dong-thanh-pho"}, {"Bệnh viện Nhi đồng thành phố Mỹ Tho", DiscoveredID("Bệnh viện Nhi đồng thành phố Mỹ Tho")}, {"Bệnh viện Bạch Mai", "vn-bach-mai"}}},
		{"a hospital of AP-HP is itself", "L'hôpital Armand-Trousseau (AP-HP) et l'hôpital Nhan Dan Gia Dinh.",
			[]instWant{{"hôpital Armand-Trousseau", "fr-hopital-armand-trousseau"}, {"AP-HP", "fr-aphp"}, {"hôpital Nhan Dan Gia Dinh", "vn-nhan-dan-gia-dinh"}}},
		{"a British spelling of an American alias", "The National Hospital of Obstetrics and Gynaecology signed.",
			[]instWant{{"National Hospital of Obstetrics and Gynaecology", "vn-phu-san-trung-uong"}}},
		{"an American spelling of a British alias", "The Hospital for Traumatology and Orthopedics signed.",
			[]instWant{{"Hospital for Traumatology and Orthopedics", "vn-ctch-hcmc"}}},
		{"a French hospital named in Vietnamese", "Bệnh viện Paris Saint-Joseph cử bác sĩ sang Huế.",
			[]instWant{{"Bệnh viện Paris Saint-Joseph", "fr-ghpsj"}}},
		{"nothing", "Le temps était clair sur la ville.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkFindInstitutions(t, tt.text, tt.want) })
	}
}

// checkFindInstitutions checks that the gazetteer finds in text exactly the
// mentions want, in order, each with the surface its span holds.
func checkFindInstitutions(t *testing.T, text string, want []instWant) {
	t.Helper()
	var got []instWant
	for _, m := range Institutions().Find(text) {
		got = append(got, instWant{m.Surface, m.Institution.ID})
		if text[m.Start:m.End] != m.Surface {
			t.Errorf("Surface %q is not text[%d:%d]", m.Surface, m.Start, m.End)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("Find(%q)\n got %v\nwant %v", text, got, want)
	}
}

func TestDiscovery(t *testing.T) {
	type want struct {
		surface    string
		discovered bool
		id         string // for a resolved one
		kind       medcoop.PartyKind
		country    string
	}
	tests := []struct {
		text string
		want []want
	}{
		{"Des médecins de l'Hôpital Pratique de Clermont-Ferrand sont venus.",
			[]want{{"Hôpital Pratique de Clermont-Ferrand", false, "fr-chu-clermont-ferrand", medcoop.Hospital, "FR"}}},
		{"L'hôpital de Clermont-Ferrand accueillera des internes.",
			[]want{{"hôpital de Clermont-Ferrand", false, "fr-chu-clermont-ferrand", medcoop.Hospital, "FR"}}},
		{"Un accord avec le Centre hospitalier de Valence et la Clinique Saint-Roch.",
			[]want{{"Centre hospitalier de Valence", true, "", medcoop.Hospital, ""}, {"Clinique Saint-Roch", true, "", medcoop.Hospital, ""}}},
		// A group of hospitals named "Hôpitaux civils de …" is one institution.
		{"Les Hôpitaux civils de Sélestat ont envoyé du matériel.",
			[]want{{"Hôpitaux civils de Sélestat", true, "", medcoop.Hospital, ""}}},
		{"Le CHU Sainte-Blandine et le Mercy Hospital ont signé.",
			[]want{{"CHU Sainte-Blandine", true, "", medcoop.Hospital, ""}, {"Mercy Hospital", true, "", medcoop.Hospital, ""}}},
		{"Germany's Heidelberg University and the Bernhard Nocht Institute signed.",
			[]want{{"Heidelberg University", true, "", medcoop.University, "DE"}, {"Bernhard Nocht Institute", true, "", medcoop.OtherKind, ""}}},
		{"Montreal's CHU Sainte-Justine handed over incubators. The CHU. Il",
			[]want{{"CHU Sainte-Justine", true, "", medcoop.Hospital, ""}}},
		// A name of lower-case fields ends on its place.
		{"L'hôpital d'orthopédie et de réadaptation de Kandal et l'hôpital de médecine physique de Battambang.",
			[]want{{"hôpital d'orthopédie et de réadaptation de Kandal", true, "", medcoop.Hospital, "KH"}, {"hôpital de médecine physique de Battambang", true, "", medcoop.Hospital, "KH"}}},
		{"L'hôpital général de Hanoï, fondé en 1904.",
			[]want{{"hôpital général de Hanoï", true, "", medcoop.Hospital, "VN"}}},
		{"Bệnh viện Đa khoa huyện Kiến Xương, Thái Bình tiếp nhận kỹ thuật mới.",
			[]want{{"Bệnh viện Đa khoa huyện Kiến Xương", true, "", medcoop.Hospital, "VN"}}},
		{"Bệnh viện Đà Nẵng ký hợp tác với Trung tâm Nghiên cứu Phục hồi chức năng Trung Quốc và đi thăm Trung tâm Ghép tạng.",
			[]want{{"Bệnh viện Đà Nẵng", false, "vn-da-nang-hospital", medcoop.Hospital, "VN"}, {"Trung tâm Nghiên cứu Phục hồi chức năng Trung Quốc", true, "", medcoop.Hospital, "CN"}}},
		{"Nghiên cứu của Trung tâm Chăm sóc lão khoa Baycrest cho thấy.", nil},
		// "và" joins two words of one name; a head after it begins another.
		{"Bệnh viện Đa khoa vùng Tây Nguyên hợp tác với Đại học Khoa học và Sức khỏe Oregon và Bệnh viện Nhi Oregon.",
			[]want{{"Bệnh viện Đa khoa vùng Tây Nguyên", true, "", medcoop.Hospital, "VN"}, {"Đại học Khoa học và Sức khỏe Oregon", true, "", medcoop.University, "US"},
				{"Bệnh viện Nhi Oregon", true, "", medcoop.Hospital, "US"}}},
		{"Trường Đại học Y Dược Cần Thơ và Trường Y Khon Kaen ký kết hợp tác.",
			[]want{{"Trường Đại học Y Dược Cần Thơ", false, "vn-ctump", medcoop.University, "VN"}, {"Trường Y Khon Kaen", true, "", medcoop.University, "TH"}}},
		// A place after "in" ends the name before it, it does not begin the one after "and".
		{"Raffles Hospital in Singapore and Hai Duong Obstetrics and Pediatrics Hospital signed.",
			[]want{{"Raffles Hospital", true, "", medcoop.Hospital, "SG"}, {"Hai Duong Obstetrics and Pediatrics Hospital", true, "", medcoop.Hospital, "VN"}}},
		// Schools and universities named by their field ("Haute École de Santé Vaud", "de technologie médicale").
		{"La Haute École de Santé Vaud accueille des étudiantes de l'Université de technologie médicale de Hué.",
			[]want{{"Haute École de Santé Vaud", true, "", medcoop.University, "CH"}, {"Université de technologie médicale de Hué", true, "", medcoop.University, "VN"}}},
		{"Le Centre hospitalier de Luxembourg a remis six générateurs.",
			[]want{{"Centre hospitalier de Luxembourg", false, "lu-chl", medcoop.Hospital, "LU"}}},
		// A name with its acronym inside says nothing but its city.
		{"L'Hôpital général (HG) de Kon Tum a signé.",
			[]want{{"Hôpital général (HG) de Kon Tum", false, "vn-bvdk-kon-tum", medcoop.Hospital, "VN"}}},
		// A country in brackets is no acronym of the name.
		{"Ninewells Hospital (UK) trained the team. The UK embassy paid.",
			[]want{{"Ninewells Hospital", true, "", medcoop.Hospital, "GB"}}},
		// An agency read forward does not take a second name joined by "and".
		{"Experts from the Centre for Disease Control and Kon Tum province attended.", nil},
		{"L'Institut d'hygiène et d'épidémiologie de Vientiane a signé.",
			[]want{{"Institut d'hygiène et d'épidémiologie de Vientiane", true, "", medcoop.OtherKind, "LA"}}},
		{"Le Centre hospitalier de Bangkok a remis six générateurs.",
			[]want{{"Centre hospitalier de Bangkok", true, "", medcoop.Hospital, "TH"}}},
		// A head and a country only is a description, not a name.
		{"Thiết bị do bệnh viện Australia tài trợ đã về tới Bệnh viện Sản Nhi Điện Biên.",
			[]want{{"Bệnh viện Sản Nhi Điện Biên", true, "", medcoop.Hospital, "VN"}}},
		{"Le CHU de Lille a signé avec l'hôpital d'obstétrique et de pédiatrie de Dien Bien.",
			[]want{{"CHU de Lille", false, "fr-chu-lille", medcoop.Hospital, "FR"}, {"hôpital d'obstétrique et de pédiatrie de Dien Bien", true, "", medcoop.Hospital, "VN"}}},
		{"Des médecins de l'hôpital universitaire de Sétif, en Algérie, sont venus.",
			[]want{{"hôpital universitaire de Sétif", true, "", medcoop.Hospital, "DZ"}}},
		{"Menzies and Binh Thuan hospital begin a study with the Menzies School of Health Research.",
			[]want{{"Binh Thuan hospital", false, "vn-bvdk-binh-thuan", medcoop.Hospital, "VN"}, {"Menzies School of Health Research", true, "", medcoop.OtherKind, ""}}},
		// Two lower-case syllables between name words belong to the name.
		{"Đoàn Bệnh viện Cựu chiến binh Cao Hùng đã đến.",
			[]want{{"Bệnh viện Cựu chiến binh Cao Hùng", true, "", medcoop.Hospital, "TW"}}},
		{"Bệnh viện Cựu chiến binh Cao Hùng chào mừng Giáo sư Smith.",
			[]want{{"Bệnh viện Cựu chiến binh Cao Hùng", true, "", medcoop.Hospital, "TW"}}},
		// "số" (number) and its number belong to a name.
		{"Đoàn Bệnh viện Nhân dân số 2 thành phố Liễu Châu đã đến.",
			[]want{{"Bệnh viện Nhân dân số 2 thành phố Liễu Châu", true, "", medcoop.Hospital, "CN"}}},
		{"Bệnh viện Đa khoa tỉnh Thái Bình tiếp nhận kỹ thuật mới.",
			[]want{{"Bệnh viện Đa khoa tỉnh Thái Bình", false, "vn-bvdk-thai-binh", medcoop.Hospital, "VN"}}},
		{"Des chirurgiens de l'hôpital Bretonneau et de l'hôpital Pellegrin.",
			[]want{{"hôpital Bretonneau", false, "fr-chu-tours", medcoop.Hospital, "FR"}, {"hôpital Pellegrin", false, "fr-chu-bordeaux", medcoop.Hospital, "FR"}}},
		{"Doctors from Clinique Saint-Exupéry in Toulouse trained the team.",
			[]want{{"Clinique Saint-Exupéry", true, "", medcoop.Hospital, "FR"}}},
		{"Đoàn công tác của Bệnh viện Saint-Joseph (Pháp) đã đến.",
			[]want{{"Bệnh viện Saint-Joseph", true, "", medcoop.Hospital, "FR"}}},
		{"La Clinique Rhône Durance de Lyon accueille des internes.",
			[]want{{"Clinique Rhône Durance de Lyon", true, "", medcoop.Hospital, "FR"}}},
		{"Avec l'Hôpital général de la province de Bokeo.",
			[]want{{"Hôpital général de la province de Bokeo", true, "", medcoop.Hospital, "LA"}}},
		{"Le Centre de cancérologie de la Sarthe a signé.",
			[]want{{"Centre de cancérologie de la Sarthe", true, "", medcoop.Hospital, ""}}},
		{"Viện Nghiên cứu ung thư bộ máy tiêu hóa Hà Nội tiếp nhận học viên.",
			[]want{{"Viện Nghiên cứu ung thư bộ máy tiêu hóa Hà Nội", true, "", medcoop.OtherKind, "VN"}}},
		{"The staff of Yokohama City University Cancer Center and Tokyo Bay Medical Center met Kazakh Health Sciences University.",
			[]want{{"Yokohama City University Cancer Center", true, "", medcoop.Hospital, "JP"}, {"Tokyo Bay Medical Center", true, "", medcoop.Hospital, "JP"},
				{"Kazakh Health Sciences University", true, "", medcoop.University, ""}}},
		{"Lãnh đạo Sở Y tế Nghệ An và Viện Dinh dưỡng Quốc gia.",
			[]want{{"Sở Y tế Nghệ An", true, "", medcoop.Agency, "VN"}, {"Viện Dinh dưỡng Quốc gia", true, "", medcoop.OtherKind, ""}}},
		{"Trường Đại học Y khoa Vinh. PGS Nguyễn Văn A phát biểu.",
			[]want{{"Trường Đại học Y khoa Vinh", true, "", medcoop.University, "VN"}}},
		{"Doctors from Shanxi Bethune Hospital met the University of Lyon team.",
			[]want{{"Shanxi Bethune Hospital", true, "", medcoop.Hospital, "CN"}, {"University of Lyon", true, "", medcoop.University, "FR"}}},
		{"The Nagasaki Medical University and Children's Hospital of Philadelphia.",
			[]want{{"Nagasaki Medical University", true, "", medcoop.University, "JP"}, {"Children's Hospital", true, "", medcoop.Hospital, ""}}},
		{"Il a été admis à l'hôpital, puis en bệnh viện, then at the hospital.", nil},
		{"L'hôpital de pratique du CHU de Clermont-Ferrand.",
			[]want{{"CHU de Clermont-Ferrand", false, "fr-chu-clermont-ferrand", medcoop.Hospital, "FR"}}},
		// "Lao" in a Vietnamese name is tuberculosis, not Laos; a committee
		// after "và" begins another name.
		{"Bệnh viện Lao và Bệnh phổi Quảng Bình tiếp đoàn.",
			[]want{{"Bệnh viện Lao và Bệnh phổi Quảng Bình", true, "", medcoop.Hospital, "VN"}}},
		{"Lao Friends Hospital for Children gửi thư.",
			[]want{{"Lao Friends Hospital for Children", false, "la-lfhc", medcoop.Hospital, "LA"}}},
		{"Sở Y tế tỉnh Hà Giang và Ủy ban Y tế châu Văn Sơn dự lễ.",
			[]want{{"Sở Y tế tỉnh Hà Giang", true, "", medcoop.Agency, "VN"}}},
		{"Le Groupe hospitalier du Havre a remis des fauteuils.",
			[]want{{"Groupe hospitalier du Havre", true, "", medcoop.Hospital, "FR"}}},
		// An agency's head with nothing after it ends a name told before it.
		{"Officials of the Hue Department of Health attended.",
			[]want{{"Hue Department of Health", true, "", medcoop.Agency, "VN"}}},
		// A place of several words is read whole: "La" of "Son La" is no article.
		{"Le directeur de l'hôpital de Son La, M. Lo, a parlé.",
			[]want{{"hôpital de Son La", true, "", medcoop.Hospital, "VN"}}},
		// After a name word, "University Hospital of" ends the name: the
		// country follows it.
		{"DA NANG — Daejin University Hospital of South Korea sent doctors.",
			[]want{{"Daejin University Hospital", true, "", medcoop.Hospital, ""}}},
		// In a headline in title case, "University Hospital of" reads forward.
		{"Vietnamese Nurses Visit University Hospital of Sopron",
			[]want{{"University Hospital of Sopron", true, "", medcoop.Hospital, ""}}},
		// A place read whole stops at a comma.
		{"Les médecins de l'hôpital de Vinh, Long An et Hué sont venus.",
			[]want{{"hôpital de Vinh", true, "", medcoop.Hospital, "VN"}}},
		// A nursing school, a heart centre and a disease-control centre are
		// institutions of their own.
		{"L'Université de soins infirmiers de Thai Binh accueille des étudiants.",
			[]want{{"Université de soins infirmiers de Thai Binh", true, "", medcoop.University, "VN"}}},
		{"Đoàn của Trung tâm Tim mạch Nhi Frank País đến thăm.",
			[]want{{"Trung tâm Tim mạch Nhi Frank País", true, "", medcoop.Hospital, ""}}},
		{"Doctors from the Santiago Heart Centre and the Lai Chau Provincial Center for Disease Control met.",
			[]want{{"Santiago Heart Centre", true, "", medcoop.Hospital, ""}, {"Lai Chau Provincial Center for Disease Control", true, "", medcoop.Agency, "VN"}}},
	}
	g := Institutions()
	for _, tt := range tests {
		got := g.Find(tt.text)
		var gw []want
		for _, m := range got {
			w := want{m.Surface, m.Discovered, m.Institution.ID, m.Institution.Kind, m.Institution.Country}
			if m.Discovered {
				if !strings.HasPrefix(m.Institution.ID, "x-") {
					t.Errorf("discovered id %q", m.Institution.ID)
				}
				w.id = ""
			}
			gw = append(gw, w)
		}
		if !slices.Equal(gw, tt.want) {
			t.Errorf("Find(%q)\n got %+v\nwant %+v", tt.text, gw, tt.want)
		}
	}
	// A discovered id depends on the folded name only.
	a := g.Find("la Clinique Saint-Roch")
	b := g.Find("LA CLINIQUE SAINT ROCH")
	if len(a) != 1 || len(b) != 1 || a[0].Institution.ID != b[0].Institution.ID {
		t.Errorf("unstable discovered ids: %+v %+v", a, b)
	}
}

// TestAcronymInBrackets: a found name that gives its acronym in brackets
// is named without it, and the acronym's other mentions name the same
// body unless they read on into another place.
func TestAcronymInBrackets(t *testing.T) {
	tests := []struct {
		text     string
		name     string   // the found name, without its acronym
		surfaces []string // every mention of it, in order
	}{
		{"Un accord avec le Centre de contrôle des maladies (CDC) de la province de Kon Tum. Le CDC de Kon Tum recevra un automate ; le CDC de la province voisine de Gia Lai suivra. Le laboratoire du CDC sera rénové.",
			"Centre de contrôle des maladies de la province de Kon Tum",
			[]string{"Centre de contrôle des maladies (CDC) de la province de Kon Tum", "CDC de Kon Tum", "CDC"}},
		{"Ký kết với Trung tâm Kiểm soát bệnh tật (CDC) tỉnh Lai Châu. CDC Lai Châu sẽ cử cán bộ; CDC Điện Biên chưa tham gia.",
			"Trung tâm Kiểm soát bệnh tật tỉnh Lai Châu",
			[]string{"Trung tâm Kiểm soát bệnh tật (CDC) tỉnh Lai Châu", "CDC Lai Châu"}},
		// An agency head with nothing before it reads forward to its place.
		{"A deal with the Center for Disease Control (CDC) of Kon Tum province. The CDC will train staff.",
			"Center for Disease Control of Kon Tum",
			[]string{"Center for Disease Control (CDC) of Kon Tum", "CDC"}},
		// The acronym in brackets right after the name.
		{"The Kon Tum Provincial Centre for Disease Control (CDC) signed. The CDC will train staff.",
			"Kon Tum Provincial Centre for Disease Control",
			[]string{"Kon Tum Provincial Centre for Disease Control", "CDC"}},
		// An acronym after another place, after a plural article, or read
		// into the next sentence.
		{"The Kon Tum Provincial Centre for Disease Control (CDC) signed. The Gia Lai CDC will advise; the CDC. Kon Tum has 600 cases.",
			"Kon Tum Provincial Centre for Disease Control",
			[]string{"Kon Tum Provincial Centre for Disease Control", "CDC"}},
		{"Le Centre de contrôle des maladies (CDC) de Kon Tum a signé ; les CDC des provinces voisines suivront.",
			"Centre de contrôle des maladies de Kon Tum",
			[]string{"Centre de contrôle des maladies (CDC) de Kon Tum"}},
		// A bracket closing a line ends the name.
		{"Un accord avec le Centre de contrôle des maladies (CDC)\nLai Chau, le 12 mars", "", nil},
		// A name found on its own from the acronym and the full name's words.
		{"L'EPSM Val-de-Lys a reçu l'établissement public de santé mentale (EPSM) Val-de-Lys.",
			"établissement public de santé mentale Val-de-Lys",
			[]string{"EPSM Val-de-Lys", "établissement public de santé mentale (EPSM) Val-de-Lys"}},
	}
	g := Institutions()
	for _, tt := range tests {
		var got []string
		for _, m := range g.Find(tt.text) {
			if !m.Discovered {
				continue
			}
			if m.Institution.Name != tt.name || m.Institution.ID != DiscoveredID(tt.name) {
				t.Errorf("Find(%q): %q is %q (%s), want %q (%s)", tt.text, m.Surface, m.Institution.Name, m.Institution.ID, tt.name, DiscoveredID(tt.name))
			}
			got = append(got, m.Surface)
		}
		if !slices.Equal(got, tt.surfaces) {
			t.Errorf("Find(%q)\n got %q\nwant %q", tt.text, got, tt.surfaces)
		}
	}
}

// TestAgencyHeadAlone checks that an agency's head alone names the one
// body of that head the page gives in full, and no body when it gives two.
func TestAgencyHeadAlone(t *testing.T) {
	tests := []struct {
		text string
		want []string // found mentions: surface=name
	}{
		{"Lyon a remis au département provincial de la santé de Battambang un lot. Le directeur du département provincial de la santé a remercié Lyon.",
			[]string{"département provincial de la santé de Battambang=département provincial de la santé de Battambang",
				"département provincial de la santé=département provincial de la santé de Battambang"}},
		{"The Battambang Provincial Health Department received beds; the director of the provincial health department thanked them.",
			[]string{"Battambang Provincial Health Department=Battambang Provincial Health Department",
				"provincial health department=Battambang Provincial Health Department"}},
		// The same body named twice in full; a head with a place after it
		// is another body.
		{"Le département provincial de la santé de Battambang a reçu des lits. Le département provincial de la santé de Battambang remercie Lyon, comme le directeur du département provincial de la santé.",
			[]string{"département provincial de la santé de Battambang=département provincial de la santé de Battambang",
				"département provincial de la santé de Battambang=département provincial de la santé de Battambang",
				"département provincial de la santé=département provincial de la santé de Battambang"}},
		{"The Battambang Provincial Health Department received beds, as the provincial health department in Phnom Penh did.",
			[]string{"Battambang Provincial Health Department=Battambang Provincial Health Department"}},
		{"Le département provincial de la santé de Battambang et le département provincial de la santé de Pursat ont reçu des lits. Lyon remercie le département provincial de la santé.",
			[]string{"département provincial de la santé de Battambang=département provincial de la santé de Battambang",
				"département provincial de la santé de Pursat=département provincial de la santé de Pursat"}},
	}
	g := Institutions()
	for _, tt := range tests {
		var got []string
		for _, m := range g.Find(tt.text) {
			if m.Discovered {
				got = append(got, m.Surface+"="+m.Institution.Name)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Find(%q)\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestSchoolOfUniversity(t *testing.T) {
	tests := []struct {
		text string
		want []string // every mention: surface=name (country)
	}{
		// A school and its university past a comma are one body, in the
		// university's country; the school named again alone is that body.
		{"Đoàn của Trường Khoa học Y tế Công cộng, Đại học Chulalongkorn (Thái Lan) đến làm việc. Trường Khoa học Y tế Công cộng sẽ đào tạo.",
			[]string{"Trường Khoa học Y tế Công cộng, Đại học Chulalongkorn=Trường Khoa học Y tế Công cộng, Đại học Chulalongkorn (TH)",
				"Trường Khoa học Y tế Công cộng=Trường Khoa học Y tế Công cộng, Đại học Chulalongkorn (TH)"}},
		{"La faculté de médecine Jean Monnet – université Chulalongkorn a signé.",
			[]string{"faculté de médecine Jean Monnet – université Chulalongkorn=faculté de médecine Jean Monnet – université Chulalongkorn (TH)"}},
		// A university's own hospital, right before the university.
		{"Đoàn Bệnh viện Phụ thuộc số 1 Đại học Y khoa Quảng Tây đến thăm.",
			[]string{"Bệnh viện Phụ thuộc số 1 Đại học Y khoa Quảng Tây=Bệnh viện Phụ thuộc số 1 Đại học Y khoa Quảng Tây (CN)"}},
		// A list is two bodies; a university on the next line is no part of
		// the school's name; a hospital is no university.
		{"Trường Khoa học Y tế Công cộng, Đại học Chulalongkorn và Bệnh viện Bạch Mai ký kết.",
			[]string{"Trường Khoa học Y tế Công cộng=Trường Khoa học Y tế Công cộng ()", "Đại học Chulalongkorn=Chulalongkorn University (TH)", "Bệnh viện Bạch Mai=Bach Mai Hospital (VN)"}},
		{"Trường Khoa học Y tế Công cộng,\nĐại học Chulalongkorn",
			[]string{"Trường Khoa học Y tế Công cộng=Trường Khoa học Y tế Công cộng ()", "Đại học Chulalongkorn=Chulalongkorn University (TH)"}},
		// A whole university is no school within another.
		{"Trường Đại học Y khoa Vinh - Đại học Chulalongkorn: ký kết hợp tác",
			[]string{"Trường Đại học Y khoa Vinh=Trường Đại học Y khoa Vinh (VN)", "Đại học Chulalongkorn=Chulalongkorn University (TH)"}},
		{"Trường Khoa học Y tế Công cộng, Bệnh viện Bạch Mai",
			[]string{"Trường Khoa học Y tế Công cộng=Trường Khoa học Y tế Công cộng ()", "Bệnh viện Bạch Mai=Bach Mai Hospital (VN)"}},
	}
	g := Institutions()
	for _, tt := range tests {
		var got []string
		for _, m := range g.Find(tt.text) {
			got = append(got, m.Surface+"="+m.Institution.Name+" ("+m.Institution.Country+")")
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Find(%q)\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestFindPlaces(t *testing.T) {
	tests := []struct {
		text, lang string
		want       []string // Name/Country/IsCountry
	}{
		{"La coopération franco-vietnamienne à Hanoï et en Chine.", "fr",
			[]string{"France/FR/true", "Vietnam/VN/true", "Hanoi/VN/false", "China/CN/true"}},
		{"le forum sino-français de Pékin", "fr", []string{"China/CN/true", "France/FR/true", "Beijing/CN/false"}},
		{"Hợp tác Việt - Pháp tại Hà Nội và Trung Quốc.", "vi", []string{"Vietnam/VN/true", "France/FR/true", "Hanoi/VN/false", "China/CN/true"}},
		{"phương pháp mới được viết ra, thiết bị y tế", "vi", nil},
		{"Bác sĩ ở Huế, không phải hoa huệ.", "vi", []string{"Hue/VN/false"}},
		{"A delegation from Ho Chi Minh City visited Phnom Penh and Laos.", "en",
			[]string{"Ho Chi Minh City/VN/false", "Phnom Penh/KH/false", "Laos/LA/true"}},
		{"Une réunion à La Réunion.", "fr", []string{"Réunion/FR/false"}},
		{"Du Havre au Mans, puis au Havre.", "fr", []string{"Le Havre/FR/false", "Le Mans/FR/false", "Le Havre/FR/false"}},
		{"Vietnam and France", "", []string{"Vietnam/VN/true", "France/FR/true"}},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range FindPlaces(tt.text, tt.lang) {
			got = append(got, p.Name+"/"+p.Country+"/"+map[bool]string{true: "true", false: "false"}[p.IsCountry])
			if tt.text[p.Start:p.End] != p.Surface {
				t.Errorf("bad span %+v", p)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("FindPlaces(%q, %s)\n got %v\nwant %v", tt.text, tt.lang, got, tt.want)
		}
	}
}

func TestExpandPhrase(t *testing.T) {
	got := expandPhrase([][]string{{"spend", "spending"}, {"", "each"}, {"two"}, {"months"}})
	want := []string{"spend two months", "spend each two months", "spending two months", "spending each two months"}
	if !slices.Equal(got, want) {
		t.Errorf("expandPhrase = %q, want %q", got, want)
	}
}

func TestFindDomains(t *testing.T) {
	tests := []struct {
		text, lang string
		want       []string // surface=code
	}{
		{"Les soins de développement, le plancher pelvien et la maîtrise des antibiotiques.", "fr",
			[]string{"soins de développement=developmental-care", "plancher pelvien=pelvic-floor", "maîtrise des antibiotiques=antimicrobial-stewardship"}},
		{"la réanimation néonatale et les infections nosocomiales, les traitements antalgiques", "fr",
			[]string{"réanimation néonatale=intensive-care", "réanimation néonatale=neonatology", "infections nosocomiales=infection-control", "traitements antalgiques=pain-management"}},
		{"transfert de techniques, gestion hospitalière, transformation numérique, recherche et formation", "fr",
			[]string{"transfert de techniques=technology-transfer", "gestion hospitalière=hospital-management", "transformation numérique=digital-health", "recherche=research", "formation=medical-education"}},
		{"Hồi sức, chẩn đoán hình ảnh, chuyển đổi số, đào tạo và nghiên cứu; chuyển giao kỹ thuật.", "vi",
			[]string{"Hồi sức=intensive-care", "chẩn đoán hình ảnh=diagnostic-imaging", "chuyển đổi số=digital-health", "đào tạo=medical-education", "nghiên cứu=research", "chuyển giao kỹ thuật=technology-transfer"}},
		{"được thuộc về mặt phối hợp", "vi", nil},
		// A word of a dateline or a headline in capitals is no acronym.
		{"HAI PHONG — Infection rates, the HAI rate above all, fell in the ICU.", "en",
			[]string{"HAI=infection-control", "ICU=intensive-care"}},
		{"The hospital runs a USAID HIV programme.", "en", []string{"HIV=infectious-diseases"}},
		// Words that name an institution hold no field: "cancer centre" is a
		// place, "cancer" in the same sentence a field.
		{"The French cancer centre treats cancer.", "en", []string{"cancer=oncology"}},
		{"le centre de lutte contre le cancer", "fr", nil},
		// A ventilator pneumonia is an ICU's infection to prevent, not a lung
		// disease; a catheter infection is infection control alone.
		{"ventilator-associated pneumonia and catheter-related bloodstream infections", "en",
			[]string{"ventilator-associated pneumonia=infection-control", "ventilator-associated pneumonia=intensive-care", "catheter-related bloodstream infections=infection-control"}},
		// Diacritics tell "bệnh thận" (kidney disease) from "bệnh thần kinh"
		// (nerves); a text without any still finds its fields.
		{"bệnh thần kinh và bệnh thận", "vi", []string{"thần kinh=neurology", "bệnh thận=nephrology"}},
		{"benh than va dai thao duong", "vi", []string{"benh than=nephrology", "dai thao duong=endocrinology"}},
		// "Bệnh than" (anthrax) is strict: typed without accents it is "bệnh thận".
		{"Hai ca mắc bệnh than ở Điện Biên", "vi", []string{"bệnh than=infectious-diseases"}},
		// No field across a sentence's or a bracket's edge.
		{"Bệnh viện Mittaphab (Lào).\nKhóa học", "vi", []string{"Khóa học=medical-education"}},
		// "Chống độc" in the ICU's name is no emergency department of its own.
		{"khoa Hồi sức tích cực – Chống độc", "vi", []string{"khoa Hồi sức tích cực – Chống độc=intensive-care"}},
		{"Le service de réanimation. Néonatale, il", "fr", []string{"service de réanimation=intensive-care", "Néonatale=neonatology"}},
		// A bare "chirurgie", "surgery" or "phẫu thuật" names no field (every
		// hospital operates); a kind of surgery does.
		{"Le service de chirurgie pratique la chirurgie robotique.", "fr", []string{"chirurgie robotique=surgery"}},
		// The longest term wins over the field a word names alone: Ehpad
		// residents are no trainees, an associated laboratory does research
		// and a skin graft is no organ transplant.
		{"Des résidents d'Ehpad, un laboratoire associé et une greffe de peau.", "fr",
			[]string{"résidents d'Ehpad=geriatrics", "laboratoire associé=research", "greffe de peau=surgery"}},
		// Acronyms match only as written: the CLIN, not a "clin d'œil"; those
		// also written as words ("Ehpad", "Samu") are listed as words too.
		{"Le CLIN, un clin d'œil, la PMA.", "fr", []string{"CLIN=infection-control", "PMA=obstetrics-gynecology"}},
		{"Le Samu et les Ehpad", "fr", []string{"Samu=emergency-medicine", "Ehpad=geriatrics"}},
		{"Its surgeons teach surgical skills and laparoscopic surgery.", "en", []string{"laparoscopic surgery=surgery"}},
		{"Các phẫu thuật viên đã thực hiện ca mổ bằng phẫu thuật nội soi.", "vi", []string{"phẫu thuật nội soi=surgery"}},
		// Both tone placements; "mắt" and "lao" only inside a field's name.
		{"Lễ ra mắt khoa Mắt; người lao động; hoá trị, hóa trị và bệnh lao", "vi",
			[]string{"khoa Mắt=ophthalmology", "hoá trị=oncology", "hóa trị=oncology", "bệnh lao=infectious-diseases"}},
		// The department abbreviations of Vietnamese hospitals, as written.
		{"Khoa HSTC và khoa KSNK; phòng CĐHA", "vi",
			[]string{"HSTC=intensive-care", "KSNK=infection-control", "CĐHA=diagnostic-imaging"}},
		// A liver resection is digestive surgery; urological surgery is surgery.
		{"une hépatectomie", "fr", []string{"hépatectomie=gastroenterology", "hépatectomie=surgery"}},
		{"endourology and urological surgery", "en", []string{"endourology=surgery", "urological surgery=surgery"}},
		// A disease named for a man is the disease, not the man.
		{"Bác sĩ Whitmore nói về bệnh Whitmore", "vi", []string{"bệnh Whitmore=infectious-diseases"}},
		// British spellings and a strict acronym with a symbol.
		{"paediatric anaesthesia in A&E", "en",
			[]string{"paediatric anaesthesia=anesthesia", "paediatric anaesthesia=pediatrics", "A&E=emergency-medicine"}},
		{"cardiac surgery, neonatal intensive care and pelvic floor disorders", "en",
			[]string{"cardiac surgery=cardiovascular-surgery", "neonatal intensive care=intensive-care", "neonatal intensive care=neonatology", "pelvic floor disorders=pelvic-floor"}},
		// A stay of months is training, with a word or two between the
		// verb and the length; a past stay is a person's history.
		{"Deux médecins passeront en outre six mois à Lille ; le Dr Lam a passé deux ans à Nancy.", "fr",
			[]string{"passeront en outre six mois=medical-education"}},
		{"Two doctors will each spend 3 months in Hanoi; she spent two years in Perth.", "en",
			[]string{"spend 3 months=medical-education"}},
		// A word with an everyday sense is a field only in a longer form;
		// "AED" (the dirham) is no defibrillator.
		{"The incubator hosts start-ups; residents saw drug seizures and an AED 5m gift. Neonatal incubators, radiology residents, epileptic seizures.", "en",
			[]string{"Neonatal incubators=neonatology", "radiology residents=diagnostic-imaging", "radiology residents=medical-education", "epileptic seizures=neurology"}},
		// Teaching said by its verb is education, in each language.
		{"A Korean team stayed to teach local doctors; the hospital trains staff and will teach patients to inject insulin.", "en",
			[]string{"to teach local=medical-education", "trains staff=medical-education", "insulin=endocrinology"}},
		{"Quatre chirurgiens enseignent à Hué.", "fr", []string{"enseignent=medical-education"}},
		{"Ba bác sĩ theo học chương trình này.", "vi", []string{"theo học=medical-education"}},
		// Children cared for as such are paediatrics; fractures operated on, orthopaedics.
		{"Improve the care of children with dengue shock and fracture surgery.", "en",
			[]string{"care of children=pediatrics", "dengue=infectious-diseases", "fracture surgery=orthopedics"}},
		{"La chirurgie des fractures et la prise en charge des enfants épileptiques.", "fr",
			[]string{"chirurgie des fractures=orthopedics", "prise en charge des enfants=pediatrics", "épileptiques=neurology"}},
		{"Bác sĩ sang Tokyo học phẫu thuật; điều trị cho trẻ em mắc bệnh; tiến bộ khoa học kỹ thuật; người trẻ mắc bệnh.", "vi",
			[]string{"học phẫu thuật=medical-education", "điều trị cho trẻ em=pediatrics"}},
		// Hosted for weeks or months is trained there; an infection of the
		// blood is an infectious disease.
		{"Deux biologistes seront accueillis six semaines à Brest ; des infections du sang.", "fr",
			[]string{"biologistes=laboratory-medicine", "seront accueillis six semaines=medical-education", "infections du sang=infectious-diseases"}},
		{"Two midwives will be hosted for three months; bloodstream infections in babies.", "en",
			[]string{"midwives=obstetrics-gynecology", "will be hosted for three months=medical-education", "bloodstream infections=infectious-diseases"}},
		// Children hosted by families are not trained; teaching staff is.
		{"Les enfants sont accueillis six semaines dans des familles.", "fr", nil},
		{"The children are hosted for six weeks by families; the team spent a week teaching hospital staff.", "en",
			[]string{"teaching hospital staff=medical-education"}},
		// Pharmacists in the plural are who is trained; one is a title.
		{"Former des pharmaciens hospitaliers ; une pharmacienne.", "fr", []string{"Former des=medical-education", "pharmaciens hospitaliers=pharmacy"}},
		{"Two hospital pharmacists will be trained; a pharmacist joined.", "en", []string{"hospital pharmacists=pharmacy", "will be trained=medical-education"}},
		// Stomach surgery by its operation or its manner.
		{"They remove tumours laparoscopically; a gastrectomy.", "en",
			[]string{"tumours=oncology", "laparoscopically=surgery", "gastrectomy=gastroenterology", "gastrectomy=surgery"}},
		// A teaching hospital is a kind of hospital, not a field.
		{"Srinagarind is the faculty's teaching hospital.", "en", nil},
		// The liver fluke, in each language.
		{"La douve du foie ; liver flukes ; bệnh sán lá gan", "fr", []string{"douve du foie=infectious-diseases"}},
		{"Liver flukes and bile duct cancer.", "en", []string{"Liver flukes=infectious-diseases", "cancer=oncology"}},
		{"Nghiên cứu bệnh sán lá gan.", "vi", []string{"Nghiên cứu=research", "bệnh sán lá gan=infectious-diseases"}},
		// The longest term wins: care of the elderly is geriatrics, not nursing.
		{"Học cách chăm sóc người bệnh lớn tuổi.", "vi", []string{"chăm sóc người bệnh lớn tuổi=geriatrics"}},
	}
	for _, tt := range tests {
		var got []string
		for _, d := range FindDomains(tt.text, tt.lang) {
			got = append(got, d.Surface+"="+d.Code)
			if d.Label != DomainLabel(d.Code) || d.Label == "" {
				t.Errorf("label %q for %s", d.Label, d.Code)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("FindDomains(%q)\n got %v\nwant %v", tt.text, got, tt.want)
		}
	}
}

func TestFindCues(t *testing.T) {
	tests := []struct {
		text, lang string
		want       []string // surface=type or surface=!negative
	}{
		{"Les deux hôpitaux ont signé un mémorandum d'entente.", "fr", []string{"ont signé=agreement_signed", "mémorandum d'entente=mou_signed"}},
		{"La convention a été renouvelée ; une délégation a offert du matériel.", "fr",
			[]string{"renouvelée=partnership_renewed", "délégation=delegation_visit", "a offert=donation_or_equipment"}},
		{"Lễ ký kết biên bản ghi nhớ; đoàn công tác đến thăm và làm việc, trao tặng thiết bị, gia hạn thỏa thuận.", "vi",
			[]string{"Lễ ký kết=agreement_signed", "biên bản ghi nhớ=mou_signed", "đoàn công tác=delegation_visit", "đến thăm và làm việc=delegation_visit", "trao tặng=donation_or_equipment", "gia hạn thỏa thuận=partnership_renewed"}},
		{"They signed an agreement and a MoU; the hospital donated beds.", "en",
			[]string{"signed an agreement=agreement_signed", "MoU=mou_signed", "donated=donation_or_equipment"}},
		{"Dans les années 1990, ils pourraient signer.", "fr", []string{"Dans les années=!history", "pourraient=!hypothetical"}},
		// What is signed is an exchange programme itself.
		{"Hai trường đã ký kết chương trình trao đổi sinh viên.", "vi", []string{"đã ký kết chương trình trao đổi=exchange_programme"}},
		// A stay of days is a visit, written as a phrase of slots.
		{"Trois sages-femmes de Lille ont passé cinq jours à Vientiane.", "fr", []string{"ont passé cinq jours=delegation_visit"}},
		{"Two surgeons spent 4 days in Hue; the boy spent 10 days in intensive care.", "en", []string{"surgeons spent 4 days=delegation_visit"}},
		{"Le bébé a passé trois jours en réanimation.", "fr", nil},
		// A stay of weeks or months is a training, at the weakest strength.
		{"Six infirmiers passent trois mois à Rennes ; le bébé a passé trois mois en réanimation.", "fr", []string{"passent trois mois=training_programme"}},
		{"Four Lao nurses will spend three months in Perth; the boy spent two months in hospital.", "en", []string{"nurses will spend three months=training_programme"}},
		// A team that trains is a training; a school that trains is what it does.
		{"French team trains Lao nurses; the school trains 1,000 doctors.", "en", []string{"team trains=training_programme"}},
		// Launching gives nothing away.
		{"Necker a donné le coup d'envoi d'un cycle de formation ; Lille a donné deux moniteurs.", "fr",
			[]string{"a donné le coup d'envoi=other", "cycle de formation=training_programme", "a donné=donation_or_equipment"}},
		{"Une étude menée conjointement ; des générateurs ont trouvé une seconde vie au Laos.", "fr",
			[]string{"menée conjointement=joint_research", "trouvé une seconde vie au=donation_or_equipment"}},
		// Funded by a third party: a weaker cue than "funded" alone.
		{"The visit, funded by the province, opens two weeks of teaching.", "en",
			[]string{"visit=delegation_visit", "funded by=donation_or_equipment", "of teaching=training_programme"}},
		// A patient's second life is no donation.
		{"Greffée lundi, elle a trouvé une seconde vie.", "fr", nil},
		// Equipment handed to someone is a gift; a left-handed surgeon gives nothing.
		{"Lyon hands equipment to Hue, handing over ventilators; a left-handed surgeon came.", "en",
			[]string{"equipment to=donation_or_equipment", "handing over=donation_or_equipment"}},
		{"It rained in May.", "en", nil},
		// Equipment received from someone is a gift too; "équipe" is a gift
		// only as a verb before its object.
		{"Pakse received incubators and other equipment from Ubon; l'hôpital a réceptionné deux échographes.", "en",
			[]string{"equipment from=donation_or_equipment"}},
		{"L'hôpital a réceptionné deux échographes ; Lyon équipe un hôpital ; l'équipe des urgences ; il présente à l'équipe une méthode.", "fr",
			[]string{"réceptionné=donation_or_equipment", "équipe un hôpital=donation_or_equipment"}},
		// Vietnamese cues match with their diacritics: "tăng" (rise) is not "tặng" (give).
		{"Nghiên cứu về tăng huyết áp; bệnh viện được tặng máy thở.", "vi", []string{"tặng=donation_or_equipment"}},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range FindCues(tt.text, tt.lang) {
			if c.Negative != "" {
				got = append(got, c.Surface+"=!"+c.Negative)
			} else {
				got = append(got, c.Surface+"="+string(c.Type))
			}
			if c.Strength <= 0 || c.Strength > 1 {
				t.Errorf("strength %v", c.Strength)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("FindCues(%q)\n got %v\nwant %v", tt.text, got, tt.want)
		}
	}
}

// TestGoldParties checks that every gold party of the development set is
// found in its document, by the contract's party rule (folded equality or
// containment over 6 characters, against the gold name and aliases).
func TestGoldParties(t *testing.T) {
	b, err := os.ReadFile("../../../shared/devset/seeds.gold.json")
	if err != nil {
		t.Skipf("no development set: %v", err)
	}
	var docs []struct {
		File string `json:"file"`
		Text string `json:"text"`
		Gold struct {
			Parties []struct {
				Name    string   `json:"name"`
				Aliases []string `json:"aliases"`
			} `json:"parties"`
		} `json:"gold"`
	}
	if err := json.Unmarshal(b, &docs); err != nil {
		t.Fatalf("decode seeds.gold.json: %v", err)
	}
	same := func(a, b string) bool {
		a, b = textnorm.Key(a), textnorm.Key(b)
		return a == b || (len(a) > 6 && len(b) > 6 && (strings.Contains(a, b) || strings.Contains(b, a)))
	}
	for _, d := range docs {
		ms := Institutions().Find(d.Text)
		for _, p := range d.Gold.Parties {
			names := append([]string{p.Name}, p.Aliases...)
			found := false
			for _, m := range ms {
				for _, n := range names {
					if same(m.Institution.Name, n) || same(m.Surface, n) {
						found = true
					}
				}
			}
			if !found {
				t.Errorf("%s: gold party %q not found", d.File, p.Name)
			}
		}
	}
}

func checkMentions(t *testing.T, text string, ms []InstitutionMention) {
	t.Helper()
	prev := 0
	for _, m := range ms {
		if m.Start < prev || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("bad span [%d,%d) after %d in %q", m.Start, m.End, prev, text)
		}
		if text[m.Start:m.End] != m.Surface || m.Institution == nil {
			t.Fatalf("bad mention %+v", m)
		}
		if m.Discovered != strings.HasPrefix(m.Institution.ID, "x-") {
			t.Fatalf("discovered %v with id %s", m.Discovered, m.Institution.ID)
		}
		prev = m.End
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"Le CHU de Nîmes et l'hôpital de Clermont-Ferrand", "Bệnh viện Đa khoa tỉnh Thái Bình",
		"Be\u0323\u0302nh vie\u0323\u0302n Bạch Mai", "Shanxi Bethune Hospital", "University of", "Hôpital -", "\xff\xfeTP.HCM"} {
		f.Add(s)
	}
	g := Institutions()
	f.Fuzz(func(t *testing.T, s string) {
		checkMentions(t, s, g.Find(s))
		for _, p := range FindPlaces(s, "") {
			if s[p.Start:p.End] != p.Surface {
				t.Fatalf("bad place %+v", p)
			}
		}
		_ = FindDomains(s, "fr")
		_ = FindCues(s, "vi")
	})
}

// benchText is about 5 KB of mixed French, Vietnamese and English.
func benchText() string {
	parts := []string{
		"Le CHU de Nîmes et l'hôpital mère-enfant de Taiyuan ont signé une convention de coopération hospitalière.",
		"L'Hôpital Pratique de Clermont-Ferrand accueillera des internes vietnamiens en chirurgie cardiovasculaire.",
		"Bệnh viện Bạch Mai và Trường Đại học Y Dược, ĐHQGHN ký kết biên bản ghi nhớ về chuyển đổi số.",
		"Bệnh viện Đa khoa tỉnh Thái Bình tiếp nhận chuyển giao kỹ thuật hồi sức sơ sinh.",
		"A delegation from Shanxi Bethune Hospital visited Hanoi Medical University for joint research.",
	}
	var b strings.Builder
	for b.Len() < 5000 {
		for _, p := range parts {
			b.WriteString(p)
			b.WriteString(" ")
		}
	}
	return b.String()
}

func BenchmarkFind(b *testing.B) {
	g := Institutions()
	text := benchText()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		g.Find(text)
	}
}

func BenchmarkFindAll(b *testing.B) {
	g := Institutions()
	text := benchText()
	FindPlaces(text, "fr")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		g.Find(text)
		FindPlaces(text, "fr")
		FindDomains(text, "fr")
		FindCues(text, "fr")
	}
}

func BenchmarkFold(b *testing.B) {
	text := benchText()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Prepare(text)
	}
}

func BenchmarkFindPrepared(b *testing.B) {
	g := Institutions()
	p := Prepare(benchText())
	b.SetBytes(int64(len(p.Text())))
	for b.Loop() {
		g.FindPrepared(p)
	}
}

func TestPreparedSameAsText(t *testing.T) {
	text := benchText()
	p := Prepare(text)
	if !slices.EqualFunc(Institutions().Find(text), Institutions().FindPrepared(p), func(a, b InstitutionMention) bool {
		return a.Start == b.Start && a.End == b.End && a.Institution.ID == b.Institution.ID
	}) {
		t.Error("Find and FindPrepared differ")
	}
	if !slices.Equal(FindPlaces(text, "vi"), FindPlacesPrepared(p, "vi")) ||
		!slices.Equal(FindDomains(text, "vi"), FindDomainsPrepared(p, "vi")) ||
		!slices.Equal(FindCues(text, "fr"), FindCuesPrepared(p, "fr")) {
		t.Error("prepared searches differ")
	}
}

func TestConcurrentUse(t *testing.T) {
	text := benchText()
	want := len(Institutions().Find(text))
	done := make(chan int)
	for range 4 {
		go func() {
			n := len(Institutions().Find(text))
			FindPlaces(text, "vi")
			FindDomains(text, "en")
			FindCues(text, "fr")
			done <- n
		}()
	}
	for range 4 {
		if n := <-done; n != want {
			t.Errorf("concurrent Find gave %d mentions, want %d", n, want)
		}
	}
}

// TestSharedSpelling checks that a spelling two institutions share comes
// with its holder first and the other as an alternative.
func TestSharedSpelling(t *testing.T) {
	g := Institutions()
	for _, tt := range []struct{ text, holder, other string }{
		{"hôpital national de pédiatrie", "vn-nhi-trung-uong", "kh-national-pediatric"},
		{"National Pediatric Hospital", "kh-national-pediatric", "vn-nhi-trung-uong"},
	} {
		ms := g.Find(tt.text)
		if len(ms) != 1 || ms[0].Institution.ID != tt.holder || len(ms[0].Alternatives) != 1 || ms[0].Alternatives[0].ID != tt.other {
			t.Errorf("Find(%q) = %+v, want %s with alternative %s", tt.text, ms, tt.holder, tt.other)
		}
	}
	if ms := g.Find("Bệnh viện Nhi Trung ương"); len(ms) != 1 || len(ms[0].Alternatives) != 0 {
		t.Errorf("an unshared name has alternatives: %+v", ms)
	}
}

// TestHealthDepartmentOfAPlace checks that a province's health department
// found in any wording or language is one body, and that two provinces'
// are two.
func TestHealthDepartmentOfAPlace(t *testing.T) {
	g := Institutions()
	id := func(text string) string {
		for _, m := range g.Find(text) {
			if m.Discovered {
				return m.Institution.ID
			}
		}
		t.Fatalf("Find(%q) found no body", text)
		return ""
	}
	quangTri := []string{
		"The Department of Health of Vietnam's Quang Tri province signed.",
		"The Quang Tri Department of Health signed.",
		"Sở Y tế tỉnh Quảng Trị đã ký kết.",
		"Sở Y tế Quảng Trị đã ký kết.",
	}
	want := id(quangTri[0])
	for _, text := range quangTri[1:] {
		if got := id(text); got != want {
			t.Errorf("Find(%q) = %s, want %s as %q", text, got, want, quangTri[0])
		}
	}
	if other := id("Sở Y tế tỉnh Quảng Bình đã ký kết."); other == want {
		t.Errorf("Quảng Bình's health department is Quảng Trị's (%s)", other)
	}
}
