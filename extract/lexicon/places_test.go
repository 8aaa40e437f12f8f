package lexicon

import (
	"testing"

	"github.com/medcoop/medcoop/extract/textnorm"
)

// TestFindPlacesGazetteer checks the places of Laos, Cambodia, China and the
// partners' countries in the three languages, and that the names they share
// with Vietnamese places and words do not take those over.
func TestFindPlacesGazetteer(t *testing.T) {
	type place struct{ name, country string }
	tests := []struct {
		text, lang string
		want       []place
	}{
		// Lao provinces.
		{"Bệnh viện tỉnh Phông Sa Lỳ tiếp nhận trang thiết bị.", "vi", []place{{"Phongsaly", "LA"}}},
		{"Đoàn công tác tỉnh Chăm-pa-xắc thăm bệnh viện.", "vi", []place{{"Champasak", "LA"}}},
		{"bệnh viện tỉnh Xa-van-na-khệt và tỉnh Hủa Phăn (Lào)", "vi", []place{{"Savannakhet", "LA"}, {"Houaphanh", "LA"}, {"Laos", "LA"}}},
		{"Sở Y tế Xiêng Khoảng, U Đôm Xay và Luông Pha Bang", "vi", []place{{"Xiengkhouang", "LA"}, {"Oudomxay", "LA"}, {"Luang Prabang", "LA"}}},
		{"tỉnh Bò Kẹo, tỉnh Khăm Muộn", "vi", []place{{"Bokeo", "LA"}, {"Khammouane", "LA"}}},
		{"L'hôpital provincial de Champassak, à Paksé, et celui de Phongsali.", "fr", []place{{"Champasak", "LA"}, {"Pakse", "LA"}, {"Phongsaly", "LA"}}},
		{"Oudomxay and Xiengkhouang provincial hospitals", "en", []place{{"Oudomxay", "LA"}, {"Xiengkhouang", "LA"}}},
		{"Vientiane Capital and Vientiane", "en", []place{{"Vientiane", "LA"}, {"Vientiane", "LA"}}},
		// Cambodian provinces.
		{"L'hôpital de Kompong Cham et celui de Kratié, près de Takéo.", "fr", []place{{"Kampong Cham", "KH"}, {"Kratie", "KH"}, {"Takeo", "KH"}}},
		{"Une mission à Battambang puis à Sihanoukville.", "fr", []place{{"Battambang", "KH"}, {"Preah Sihanouk", "KH"}}},
		{"Bệnh viện tỉnh Bát-tam-bang và Kông-pông Chàm", "vi", []place{{"Battambang", "KH"}, {"Kampong Cham", "KH"}}},
		{"tỉnh Xiêm Riệp, Kra-chê, Ta Keo và Xi-ha-núc-vin", "vi", []place{{"Siem Reap", "KH"}, {"Kratie", "KH"}, {"Takeo", "KH"}, {"Preah Sihanouk", "KH"}}},
		{"Kampot, Kep and Stung Treng referral hospitals", "en", []place{{"Kampot", "KH"}, {"Kep", "KH"}, {"Stung Treng", "KH"}}},
		// China, in Sino-Vietnamese, and Taiwan.
		{"Bệnh viện Nhân dân tỉnh Quảng Đông và Đại học Y khoa Côn Minh", "vi", []place{{"Guangdong", "CN"}, {"Kunming", "CN"}}},
		{"đoàn chuyên gia từ Thâm Quyến, Vũ Hán, Thành Đô và Hàng Châu", "vi", []place{{"Shenzhen", "CN"}, {"Wuhan", "CN"}, {"Chengdu", "CN"}, {"Hangzhou", "CN"}}},
		{"Tứ Xuyên, Hồ Nam, Hồ Bắc, Chiết Giang, Giang Tô, Sơn Đông, Phúc Kiến", "vi",
			[]place{{"Sichuan", "CN"}, {"Hunan", "CN"}, {"Hubei", "CN"}, {"Zhejiang", "CN"}, {"Jiangsu", "CN"}, {"Shandong", "CN"}, {"Fujian", "CN"}}},
		{"Bệnh viện Đài Bắc và Đại học Y Cao Hùng", "vi", []place{{"Taipei", "TW"}, {"Kaohsiung", "TW"}}},
		{"Bệnh viện tỉnh Hà Nam Trung Quốc", "vi", []place{{"Henan", "CN"}}},
		{"L'hôpital de Nankin et celui de Canton, au Guangdong", "fr", []place{{"Nanjing", "CN"}, {"Guangzhou", "CN"}, {"Guangdong", "CN"}}},
		// Vietnamese places that are also Chinese names stay Vietnamese.
		{"Bệnh viện Đa khoa tỉnh Hà Nam và Bệnh viện C Thái Nguyên", "vi", []place{{"Ha Nam", "VN"}, {"Thai Nguyen", "VN"}}},
		{"Bệnh viện Đa khoa Sơn Tây, huyện Trùng Khánh, huyện đảo Trường Sa", "vi", nil},
		{"huyện Sơn Động, huyện Quỳ Châu, thị trấn Kép, chè Tân Cương", "vi", nil},
		{"tỉnh Quảng Ninh và tỉnh Hà Bắc cũ", "vi", []place{{"Quang Ninh", "VN"}}},
		// Partners' countries and cities in Vietnamese.
		{"hợp tác với Tây Ban Nha, Đan Mạch, Na Uy, Phần Lan và Ba Lan", "vi",
			[]place{{"Spain", "ES"}, {"Denmark", "DK"}, {"Norway", "NO"}, {"Finland", "FI"}, {"Poland", "PL"}}},
		{"chuyên gia từ Áo, Séc, Hung-ga-ri, Ai-len, Israel và Mông Cổ", "vi",
			[]place{{"Austria", "AT"}, {"Czech Republic", "CZ"}, {"Hungary", "HU"}, {"Ireland", "IE"}, {"Israel", "IL"}, {"Mongolia", "MN"}}},
		{"In-đô-nê-xi-a, Phi-líp-pin, Ma-lai-xi-a, Niu Di-lân, Ai Cập, Nam Phi, Thổ Nhĩ Kỳ", "vi",
			[]place{{"Indonesia", "ID"}, {"Philippines", "PH"}, {"Malaysia", "MY"}, {"New Zealand", "NZ"}, {"Egypt", "EG"}, {"South Africa", "ZA"}, {"Turkey", "TR"}}},
		{"đoàn bác sĩ từ Tô-ky-ô, Xơ-un, Băng Cốc và Chiang Mai", "vi",
			[]place{{"Tokyo", "JP"}, {"Seoul", "KR"}, {"Bangkok", "TH"}, {"Chiang Mai", "TH"}}},
		// Common words that fold like a place name match nothing.
		{"mặc áo blouse, đổi séc, khám muộn, ba lần, hai năm, mong có con mình", "vi", nil},
		{"theo thẩm quyền, ta kéo dây, hằng năm", "vi", nil},
		{"Please polish the turkey.", "en", nil},
		// Partners' countries in French and English, with adjectives.
		{"une équipe danoise, des médecins norvégiens et la Nouvelle-Zélande", "fr", []place{{"Denmark", "DK"}, {"Norway", "NO"}, {"New Zealand", "NZ"}}},
		{"l'Espagne, la Pologne, la Finlande, la Malaisie et la Mongolie", "fr",
			[]place{{"Spain", "ES"}, {"Poland", "PL"}, {"Finland", "FI"}, {"Malaysia", "MY"}, {"Mongolia", "MN"}}},
		{"Polish and Czech surgeons met Irish nurses in Portugal.", "en",
			[]place{{"Poland", "PL"}, {"Czech Republic", "CZ"}, {"Ireland", "IE"}, {"Portugal", "PT"}}},
	}
	for _, tt := range tests {
		var got []place
		for _, p := range FindPlaces(tt.text, tt.lang) {
			got = append(got, place{p.Name, p.Country})
			if tt.text[p.Start:p.End] != p.Surface {
				t.Errorf("FindPlaces(%q): bad span %+v", tt.text, p)
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("FindPlaces(%q, %s)\n got %v\nwant %v", tt.text, tt.lang, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("FindPlaces(%q, %s)\n got %v\nwant %v", tt.text, tt.lang, got, tt.want)
				break
			}
		}
	}
}

// TestVietnamesePlacesStayVietnamese reads every Vietnamese place name of
// the data files back in each language that loads it: none may be found
// as a place of another country (a Sino-Vietnamese "Hà Nam" for Henan
// would make Vietnamese hospitals Chinese).
func TestVietnamesePlacesStayVietnamese(t *testing.T) {
	places.mustInit()
	for lang, ps := range places.patterns {
		for _, p := range ps {
			if p.value.country != "VN" {
				continue
			}
			for _, in := range []string{"vi", "fr", "en"} {
				if lang != "en" && lang != in {
					continue // a file is read with its own language only (en with every one)
				}
				for _, m := range FindPlaces(p.text, in) {
					if m.Country != "VN" {
						t.Errorf("%s alias %q (%s) read in %s: %q is %s/%s", lang, p.text, p.value.name, in, m.Surface, m.Name, m.Country)
					}
				}
			}
		}
	}
}

// TestPlaceAliasesAgree checks that two aliases that fold alike name the
// same country, unless one of them is strict (then only its written form
// matches).
func TestPlaceAliasesAgree(t *testing.T) {
	places.mustInit()
	for _, lang := range []string{"vi", "fr"} {
		seen := map[string]pattern[placeValue]{}
		for _, l := range []string{lang, "en"} {
			for _, p := range places.patterns[l] {
				if p.strict {
					continue
				}
				k := textnorm.Key(p.text)
				if q, ok := seen[k]; ok && q.value.country != p.value.country {
					t.Errorf("%s: %q (%s) and %q (%s) fold alike", lang, q.text, q.value.country, p.text, p.value.country)
				}
				seen[k] = p
			}
		}
	}
}
