package lexicon

import (
	"strings"
	"testing"
)

// TestWorldPartners checks that the partners of data/institutions/world.yaml
// are found in French, Vietnamese and English sentences written the way the
// press names them, and that their short forms match only as written.
func TestWorldPartners(t *testing.T) {
	tests := []struct {
		lang, text string
		want       []instWant // every mention, in order; nil when none
	}{
		// French: generic words in lower case, local names kept.
		{"fr", "Le CHU de Rennes a signé une convention avec l'hôpital Sheba, près de Tel-Aviv.",
			[]instWant{{"CHU de Rennes", "fr-chu-rennes"}, {"hôpital Sheba", "il-sheba"}}},
		{"fr", "Une chercheuse de l'institut Karolinska a rejoint l'équipe pour un an.",
			[]instWant{{"institut Karolinska", "se-karolinska-institutet"}}},
		{"fr", "Le CHUM et l'Université de Montréal accueillent six résidents vietnamiens.",
			[]instWant{{"CHUM", "ca-chum"}, {"Université de Montréal", "ca-udem"}}},
		{"fr", "Des médecins du CHU de Québec-Université Laval ont opéré à Hué en mars.",
			[]instWant{{"CHU de Québec-Université Laval", "ca-chu-quebec"}}},
		{"fr", "L'hôpital pédiatrique Bambino Gesù forme des chirurgiens cambodgiens.",
			[]instWant{{"hôpital pédiatrique Bambino Gesù", "it-bambino-gesu"}}},
		{"fr", "Le centre médical Rambam, à Haïfa, a reçu une délégation laotienne.",
			[]instWant{{"centre médical Rambam", "il-rambam"}}},
		{"fr", "L'Agence allemande de coopération internationale (GIZ) finance le projet.",
			[]instWant{{"Agence allemande de coopération internationale", "de-giz"}, {"GIZ", "de-giz"}}},
		{"fr", "Enabel et l'Institut de médecine tropicale d'Anvers soutiennent le programme.",
			[]instWant{{"Enabel", "be-enabel"}, {"Institut de médecine tropicale d'Anvers", "be-itm"}}},
		{"fr", "La fondation Bill et Melinda Gates et le Fonds mondial financent la campagne.",
			[]instWant{{"fondation Bill et Melinda Gates", "us-gates-foundation"}, {"Fonds mondial", "int-global-fund"}}},
		{"fr", "L'hôpital universitaire de Heidelberg et l'institut Robert-Koch ont signé.",
			[]instWant{{"hôpital universitaire de Heidelberg", "de-heidelberg-hospital"}, {"institut Robert-Koch", "de-rki"}}},
		// A hospital's acronym spelled out: "CHR Metz-Thionville" in the
		// gazetteer is also "Centre hospitalier régional Metz-Thionville".
		{"fr", "Le Centre hospitalier régional Metz-Thionville équipe un hôpital laotien.",
			[]instWant{{"Centre hospitalier régional Metz-Thionville", "fr-chr-metz-thionville"}}},
		{"fr", "Le Centre hospitalier universitaire de Liège accueille deux internes laotiens.",
			[]instWant{{"Centre hospitalier universitaire de Liège", "be-chu-liege"}}},
		{"fr", "Un accord lie l'Université de Genève et la Direction du développement et de la coopération.",
			[]instWant{{"Université de Genève", "ch-unige"}, {"Direction du développement et de la coopération", "ch-sdc"}}},
		{"fr", "Des chirurgiens de l'hôpital Clínic de Barcelone ont rejoint la mission.",
			[]instWant{{"hôpital Clínic de Barcelone", "es-clinic-barcelona"}}},
		{"fr", "L'institut de médecine tropicale Pedro Kourí de La Havane forme des biologistes laotiens.",
			[]instWant{{"institut de médecine tropicale Pedro Kourí", "cu-ipk"}}},

		// Vietnamese: "Bệnh viện", "Đại học", "Viện", "Trung tâm Y tế" and the name.
		{"vi", "Bệnh viện Bạch Mai ký biên bản ghi nhớ với Trung tâm Y tế Sheba (Israel).",
			[]instWant{{"Bệnh viện Bạch Mai", "vn-bach-mai"}, {"Trung tâm Y tế Sheba", "il-sheba"}}},
		{"vi", "Các chuyên gia của Viện Karolinska sang Hà Nội giảng dạy.",
			[]instWant{{"Viện Karolinska", "se-karolinska-institutet"}}},
		{"vi", "Bệnh viện Chang Gung hỗ trợ đào tạo vi phẫu cho bác sĩ Việt Nam.",
			[]instWant{{"Bệnh viện Chang Gung", "tw-chang-gung"}}},
		{"vi", "Trung tâm Y tế Đại học Erasmus chuyển giao kỹ thuật ghép gan.",
			[]instWant{{"Trung tâm Y tế Đại học Erasmus", "nl-erasmus-mc"}}},
		{"vi", "Viện Woolcock phối hợp nghiên cứu bệnh phổi tắc nghẽn mạn tính.",
			[]instWant{{"Viện Woolcock", "au-woolcock"}}},
		{"vi", "Đoàn công tác của Đại học Monash và Viện Burnet đến thăm Bệnh viện Nhi Trung ương.",
			[]instWant{{"Đại học Monash", "au-monash"}, {"Viện Burnet", "au-burnet"}, {"Bệnh viện Nhi Trung ương", "vn-nhi-trung-uong"}}},
		{"vi", "Quỹ Bill & Melinda Gates và tổ chức PATH tài trợ dự án.",
			[]instWant{{"Quỹ Bill & Melinda Gates", "us-gates-foundation"}, {"tổ chức PATH", "us-path"}}},
		{"vi", "Viện Khoa học Y khoa Toàn Ấn Độ (AIIMS) cử chuyên gia sang Lào.",
			[]instWant{{"Viện Khoa học Y khoa Toàn Ấn Độ", "in-aiims"}, {"AIIMS", "in-aiims"}}},
		{"vi", "Bệnh viện Đại học Quốc gia Đài Loan và Bệnh viện Cựu chiến binh Đài Bắc ký kết hợp tác.",
			[]instWant{{"Bệnh viện Đại học Quốc gia Đài Loan", "tw-ntuh"}, {"Bệnh viện Cựu chiến binh Đài Bắc", "tw-taipei-vgh"}}},
		{"vi", "Cơ quan Hợp tác Quốc tế Đức tài trợ thiết bị cho bệnh viện tỉnh.",
			[]instWant{{"Cơ quan Hợp tác Quốc tế Đức", "de-giz"}}},
		{"vi", "Đại học Semmelweis cấp học bổng cho sinh viên y khoa Việt Nam.",
			[]instWant{{"Đại học Semmelweis", "hu-semmelweis"}}},
		{"vi", "Tổ chức Fred Hollows và Tổ chức Orbis tài trợ phẫu thuật đục thủy tinh thể.",
			[]instWant{{"Tổ chức Fred Hollows", "au-fred-hollows"}, {"Tổ chức Orbis", "us-orbis"}}},
		{"vi", "Liên minh Vắc-xin và Tiêm chủng Toàn cầu hỗ trợ vắc-xin cho trẻ em.",
			[]instWant{{"Liên minh Vắc-xin và Tiêm chủng Toàn cầu", "int-gavi"}}},
		{"vi", "Bệnh viện Nhi Great Ormond Street cử chuyên gia tim mạch.",
			[]instWant{{"Bệnh viện Nhi Great Ormond Street", "gb-gosh"}}},
		{"vi", "Đại học Y khoa Quốc gia Moskva số 1 Sechenov đào tạo bác sĩ nội trú.",
			[]instWant{{"Đại học Y khoa Quốc gia Moskva số 1 Sechenov", "ru-sechenov"}}},

		// English, with the short forms news uses.
		{"en", "Sheba Medical Center and Rambam Health Care Campus signed with Cho Ray Hospital.",
			[]instWant{{"Sheba Medical Center", "il-sheba"}, {"Rambam Health Care Campus", "il-rambam"}, {"Cho Ray Hospital", "vn-cho-ray"}}},
		{"en", "Doctors from Erasmus MC and Karolinska University Hospital trained the team.",
			[]instWant{{"Erasmus MC", "nl-erasmus-mc"}, {"Karolinska University Hospital", "se-karolinska-hospital"}}},
		{"en", "The Woolcock Institute of Medical Research and the Oxford University Clinical Research Unit (OUCRU) run the study.",
			[]instWant{{"Woolcock Institute of Medical Research", "au-woolcock"}, {"Oxford University Clinical Research Unit", "gb-oucru"}, {"OUCRU", "gb-oucru"}}},
		{"en", "Mayo Clinic and St. Jude Children's Research Hospital sent oncologists.",
			[]instWant{{"Mayo Clinic", "us-mayo-clinic"}, {"St. Jude Children's Research Hospital", "us-st-jude"}}},
		{"en", "The Wellcome Trust funds the Lao-Oxford-Mahosot Hospital-Wellcome Trust Research Unit.",
			[]instWant{{"Wellcome Trust", "gb-wellcome"}, {"Lao-Oxford-Mahosot Hospital-Wellcome Trust Research Unit", "la-lomwru"}}},
		{"en", "AIIMS and the Indian Council of Medical Research hosted the delegation.",
			[]instWant{{"AIIMS", "in-aiims"}, {"Indian Council of Medical Research", "in-icmr"}}},
		{"en", "Gavi and UNFPA joined Project HOPE in Dien Bien.",
			[]instWant{{"Gavi", "int-gavi"}, {"UNFPA", "int-unfpa"}, {"Project HOPE", "us-project-hope"}}},
		{"en", "Staff of Universiti Malaya Medical Centre (UMMC) visited Hue.",
			[]instWant{{"Universiti Malaya Medical Centre", "my-ummc"}, {"UMMC", "my-ummc"}}},
		{"en", "Researchers at King's College London and the London School of Hygiene & Tropical Medicine.",
			[]instWant{{"King's College London", "gb-kcl"}, {"London School of Hygiene & Tropical Medicine", "gb-lshtm"}}},
		{"en", "Statens Serum Institut and the Robert Koch Institute shared sequencing data.",
			[]instWant{{"Statens Serum Institut", "dk-ssi"}, {"Robert Koch Institute", "de-rki"}}},
		{"en", "McGill University Health Centre and CHU Sainte-Justine nurses came to Phnom Penh.",
			[]instWant{{"McGill University Health Centre", "ca-muhc"}, {"CHU Sainte-Justine", DiscoveredID("CHU Sainte-Justine")}}},
		{"en", "Hospital Clínic de Barcelona, Vall d'Hebron University Hospital and Ospedale Pediatrico Bambino Gesù.",
			[]instWant{{"Hospital Clínic de Barcelona", "es-clinic-barcelona"}, {"Vall d'Hebron University Hospital", "es-vall-hebron"}, {"Ospedale Pediatrico Bambino Gesù", "it-bambino-gesu"}}},
		{"en", "Funding came from DFAT, Irish Aid and the Korea Foundation for International Healthcare.",
			[]instWant{{"DFAT", "au-dfat"}, {"Irish Aid", "ie-irish-aid"}, {"Korea Foundation for International Healthcare", "kr-kofih"}}},
		{"en", "Chang Gung Memorial Hospital and Taipei Medical University signed in Taipei.",
			[]instWant{{"Chang Gung Memorial Hospital", "tw-chang-gung"}, {"Taipei Medical University", "tw-tmu"}}},
		{"en", "Sechenov University and the Gamaleya Center trained virologists from Laos.",
			[]instWant{{"Sechenov University", "ru-sechenov"}, {"Gamaleya Center", "ru-gamaleya"}}},
		{"en", "The Finlay Vaccine Institute and Semmelweis University joined the network.",
			[]instWant{{"Finlay Vaccine Institute", "cu-finlay"}, {"Semmelweis University", "hu-semmelweis"}}},

		// Short forms that must not match: a person, a word, another sense.
		{"en", "Dr. Ana Mayo, a nurse from Bohol, joined the ward.", nil},
		{"fr", "La rue Foch mène à l'hôpital; Mayo est un comté d'Irlande.", nil},
		{"fr", "Le Sida et la tuberculose reculent; le sida aussi.", nil},
		{"en", "Surgical site infection (SSI) rates fell; an LSTM model predicted them.", nil},
		{"en", "His chum from the PAIIMS lab met a sheba and a rambam scholar.", nil},
		// A hospital of Bangkok is found by pattern, not as Bangkok Hospital.
		{"en", "They toured a Bangkok hospital and a global fund for the arts.",
			[]instWant{{"Bangkok hospital", DiscoveredID("Bangkok hospital")}}},
		{"en", "Plans to save the children of the island of Mayo were welcome.", nil},
		{"vi", "Các đại học Indonesia và quỹ toàn cầu về khí hậu.", nil},
		{"fr", "C'est le seul hôpital de l'île; la terre des hommes.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) { checkFindInstitutions(t, tt.text, tt.want) })
	}
}

// TestWorldFileWellFormed checks what the generic gazetteer test cannot
// see from outside: every world.yaml institution has a country and a
// city (or is international), and no acronym sits in its folded aliases.
func TestWorldFileWellFormed(t *testing.T) {
	var ys []institutionYAML
	if err := decodeFile("data/institutions/world.yaml", &ys); err != nil {
		t.Fatal(err)
	}
	if len(ys) < 150 {
		t.Errorf("world.yaml has %d institutions, want at least 150", len(ys))
	}
	for _, y := range ys {
		prefix, _, _ := strings.Cut(y.ID, "-")
		switch {
		case prefix == "int" && y.Country != "":
			t.Errorf("%s: an international body has country %q", y.ID, y.Country)
		case prefix != "int" && !strings.EqualFold(prefix, y.Country):
			t.Errorf("%s: id prefix does not name country %q", y.ID, y.Country)
		}
		for _, a := range y.Aliases {
			if isAcronym(a) {
				t.Errorf("%s: acronym %q belongs in strict", y.ID, a)
			}
		}
	}
}
