package lexicon

import "testing"

// TestVietnamCityAndProvincialHospitals checks that the hospitals of
// data/institutions/vn-city.yaml and kh-la-provincial.yaml are found in
// Vietnamese, French and English sentences written the way the press names
// them, and that generic phrases ("l'hôpital de Hanoï", "trẻ em Hải
// Phòng") name none of them.
func TestVietnamCityAndProvincialHospitals(t *testing.T) {
	tests := []struct {
		lang, text string
		want       []instWant // every mention, in order; nil when none
	}{
		// Vietnamese: "Bệnh viện"/"BV", the specialty, the city or province.
		{"vi", "Bệnh viện Phụ sản Hà Nội và Bệnh viện Bạch Mai ký thỏa thuận chuyển giao kỹ thuật.",
			[]instWant{{"Bệnh viện Phụ sản Hà Nội", "vn-phu-san-ha-noi"}, {"Bệnh viện Bạch Mai", "vn-bach-mai"}}},
		{"vi", "Đoàn chuyên gia Pháp làm việc tại Bệnh viện Trẻ em Hải Phòng và Bệnh viện Phụ sản Hải Phòng.",
			[]instWant{{"Bệnh viện Trẻ em Hải Phòng", "vn-tre-em-hai-phong"}, {"Bệnh viện Phụ sản Hải Phòng", "vn-phu-san-hai-phong"}}},
		{"vi", "BV Nhi đồng Cần Thơ tiếp nhận máy thở do Bệnh viện Nhi Đồng 1 chuyển giao.",
			[]instWant{{"BV Nhi đồng Cần Thơ", "vn-nhi-dong-can-tho"}, {"Bệnh viện Nhi Đồng 1", "vn-nhi-dong-1"}}},
		// The short forms of a head ("BV", "ĐH") spell every gazetteer alias too.
		{"vi", "BV Tim Hà Nội và BV Phạm Ngọc Thạch cùng tiếp đoàn bác sĩ Lào; ĐH Y Hà Nội cử giảng viên.",
			[]instWant{{"BV Tim Hà Nội", "vn-tim-ha-noi"}, {"BV Phạm Ngọc Thạch", "vn-pham-ngoc-thach-hospital"}, {"ĐH Y Hà Nội", "vn-hmu"}}},
		{"vi", "Trường ĐH Y Dược Cần Thơ và BV Hùng Vương ký biên bản ghi nhớ.",
			[]instWant{{"Trường ĐH Y Dược Cần Thơ", "vn-ctump"}, {"BV Hùng Vương", "vn-hung-vuong"}}},
		{"vi", "Bệnh viện Ung thư Đà Nẵng nhận máy xạ trị; Bệnh viện Nhi đồng Thành phố Hồ Chí Minh mở khoa mới.",
			[]instWant{{"Bệnh viện Ung thư Đà Nẵng", "vn-ung-buou-da-nang"}, {"Bệnh viện Nhi đồng Thành phố Hồ Chí Minh", "vn-nhi-dong-thanh-pho"}}},
		{"en", "Doctors from AHC in Siem Reap trained nurses from the provincial hospital.",
			[]instWant{{"AHC", "kh-angkor-hospital-for-children"}}},
		{"vi", "Bệnh viện Nhi đồng Thành phố Cần Thơ và Bệnh viện Ung bướu TP Cần Thơ cùng đón đoàn chuyên gia.",
			[]instWant{{"Bệnh viện Nhi đồng Thành phố Cần Thơ", "vn-nhi-dong-can-tho"}, {"Bệnh viện Ung bướu TP Cần Thơ", "vn-ung-buou-can-tho"}}},
		{"vi", "Bệnh viện Sản Nhi Nghệ An triển khai thụ tinh ống nghiệm với sự hỗ trợ của Bệnh viện Từ Dũ.",
			[]instWant{{"Bệnh viện Sản Nhi Nghệ An", "vn-san-nhi-nghe-an"}, {"Bệnh viện Từ Dũ", "vn-tu-du"}}},
		{"vi", "Các bác sĩ Bệnh viện Sản - Nhi Quảng Ninh được đào tạo tại Bệnh viện Nhi Trung ương.",
			[]instWant{{"Bệnh viện Sản - Nhi Quảng Ninh", "vn-san-nhi-quang-ninh"}, {"Bệnh viện Nhi Trung ương", "vn-nhi-trung-uong"}}},
		{"vi", "Bệnh viện Mắt TP.HCM phối hợp với Tổ chức Orbis phẫu thuật miễn phí cho người nghèo.",
			[]instWant{{"Bệnh viện Mắt TP.HCM", "vn-mat-hcmc"}, {"Tổ chức Orbis", "us-orbis"}}},
		{"vi", "Bệnh viện Đa khoa Đức Giang và Bệnh viện Thận Hà Nội ký kết hợp tác về lọc máu.",
			[]instWant{{"Bệnh viện Đa khoa Đức Giang", "vn-duc-giang"}, {"Bệnh viện Thận Hà Nội", "vn-than-ha-noi"}}},
		{"vi", "Bệnh viện tỉnh Svay Rieng cử mười điều dưỡng sang học tập tại Bệnh viện Chợ Rẫy.",
			[]instWant{{"Bệnh viện tỉnh Svay Rieng", "kh-svay-rieng-referral"}, {"Bệnh viện Chợ Rẫy", "vn-cho-ray"}}},
		{"vi", "Bệnh viện Chợ Rẫy Phnom Penh tổ chức khám miễn phí cho bà con gốc Việt.",
			[]instWant{{"Bệnh viện Chợ Rẫy Phnom Penh", "kh-cho-ray-phnom-penh"}}},
		{"vi", "Bệnh viện tỉnh Hủa Phăn tiếp nhận thiết bị từ Bệnh viện Đa khoa tỉnh Thanh Hóa.",
			[]instWant{{"Bệnh viện tỉnh Hủa Phăn", "la-houaphanh-hospital"}, {"Bệnh viện Đa khoa tỉnh Thanh Hóa", "vn-bvdk-thanh-hoa"}}},
		{"vi", "Bệnh viện Nhi Thanh Hóa và Bệnh viện Phụ sản Thanh Hóa nhận chuyển giao kỹ thuật từ Hà Nội.",
			[]instWant{{"Bệnh viện Nhi Thanh Hóa", "vn-nhi-thanh-hoa"}, {"Bệnh viện Phụ sản Thanh Hóa", "vn-phu-san-thanh-hoa"}}},
		{"vi", "Bệnh viện Truyền máu Huyết học ghép tủy thành công cho một bệnh nhi đến từ Campuchia.",
			[]instWant{{"Bệnh viện Truyền máu Huyết học", "vn-tmhh-hcmc"}}},
		{"vi", "Bệnh viện Hùng Vương và Bệnh viện Trưng Vương tham gia mạng lưới cấp cứu.",
			[]instWant{{"Bệnh viện Hùng Vương", "vn-hung-vuong"}, {"Bệnh viện Trưng Vương", "vn-trung-vuong"}}},
		{"vi", "Bệnh viện Phụ sản - Nhi Đà Nẵng và Bệnh viện Phụ nữ Đà Nẵng tổ chức hội thảo sản khoa.",
			[]instWant{{"Bệnh viện Phụ sản - Nhi Đà Nẵng", "vn-san-nhi-da-nang"}, {"Bệnh viện Phụ nữ Đà Nẵng", "vn-phu-nu-da-nang"}}},

		// French: the generic words in lower case, the Vietnamese name without diacritics.
		{"fr", "Le CHU de Rouen a signé une convention avec l'hôpital d'obstétrique et de gynécologie de Hanoï.",
			[]instWant{{"CHU de Rouen", "fr-chu-rouen"}, {"hôpital d'obstétrique et de gynécologie de Hanoï", "vn-phu-san-ha-noi"}}},
		{"fr", "Une délégation de l'hôpital pédiatrique de Haiphong a visité le CHU de Bordeaux.",
			[]instWant{{"hôpital pédiatrique de Haiphong", "vn-tre-em-hai-phong"}, {"CHU de Bordeaux", "fr-chu-bordeaux"}}},
		{"fr", "L'hôpital provincial de référence de Takeo reçoit le soutien de l'Institut Pasteur du Cambodge.",
			[]instWant{{"hôpital provincial de référence de Takeo", "kh-takeo-referral"}, {"Institut Pasteur du Cambodge", "kh-pasteur"}}},
		{"fr", "Des infirmières de l'hôpital provincial de Kampong Cham se forment à l'hôpital Calmette.",
			[]instWant{{"hôpital provincial de Kampong Cham", "kh-kampong-cham-referral"}, {"hôpital Calmette", "kh-calmette"}}},
		{"fr", "Le CHU de Nantes et l'hôpital pédiatrique de Can Tho renouvellent leur partenariat.",
			[]instWant{{"CHU de Nantes", "fr-chu-nantes"}, {"hôpital pédiatrique de Can Tho", "vn-nhi-dong-can-tho"}}},
		{"fr", "L'hôpital provincial de Xieng Khouang et l'hôpital provincial de Houaphan accueillent la mission.",
			[]instWant{{"hôpital provincial de Xieng Khouang", "la-xiengkhouang-hospital"}, {"hôpital provincial de Houaphan", "la-houaphanh-hospital"}}},
		{"fr", "Les chirurgiens de l'hôpital Binh Dan et de l'hôpital Trung Vuong ont opéré ensemble.",
			[]instWant{{"hôpital Binh Dan", "vn-binh-dan"}, {"hôpital Trung Vuong", "vn-trung-vuong"}}},
		{"fr", "L'Institut du cœur de Hô Chi Minh-Ville et l'hôpital ophtalmologique de Hô Chi Minh-Ville s'équipent.",
			[]instWant{{"Institut du cœur de Hô Chi Minh-Ville", "vn-vien-tim-hcmc"}, {"hôpital ophtalmologique de Hô Chi Minh-Ville", "vn-mat-hcmc"}}},
		{"fr", "Une sage-femme de l'hôpital d'obstétrique et de pédiatrie de Nghê An a été formée à Lyon.",
			[]instWant{{"hôpital d'obstétrique et de pédiatrie de Nghê An", "vn-san-nhi-nghe-an"}}},
		{"fr", "Un anesthésiste de l'hôpital de référence de Battambang rejoint l'équipe.",
			[]instWant{{"hôpital de référence de Battambang", "kh-battambang-referral"}}},
		{"fr", "L'hôpital Cho Ray de Phnom Penh a ouvert un service de dialyse.",
			[]instWant{{"hôpital Cho Ray de Phnom Penh", "kh-cho-ray-phnom-penh"}}},
		{"fr", "L'hôpital provincial de Sihanoukville et l'hôpital provincial de Kratié recrutent.",
			[]instWant{{"hôpital provincial de Sihanoukville", "kh-preah-sihanouk-referral"}, {"hôpital provincial de Kratié", "kh-kratie-referral"}}},

		// English, as Vietnamese, Cambodian and Lao news writes it.
		{"en", "Hanoi Obstetrics and Gynecology Hospital signed an agreement with Takeo Provincial Referral Hospital.",
			[]instWant{{"Hanoi Obstetrics and Gynecology Hospital", "vn-phu-san-ha-noi"}, {"Takeo Provincial Referral Hospital", "kh-takeo-referral"}}},
		{"en", "Hai Phong Children's Hospital and Can Tho Oncology Hospital joined the network.",
			[]instWant{{"Hai Phong Children's Hospital", "vn-tre-em-hai-phong"}, {"Can Tho Oncology Hospital", "vn-ung-buou-can-tho"}}},
		{"en", "Doctors from Siem Reap Provincial Referral Hospital and Battambang Provincial Hospital attended.",
			[]instWant{{"Siem Reap Provincial Referral Hospital", "kh-siem-reap-referral"}, {"Battambang Provincial Hospital", "kh-battambang-referral"}}},
		{"en", "Luang Namtha Provincial Hospital sends children to the Lao Friends Hospital for Children (LFHC).",
			[]instWant{{"Luang Namtha Provincial Hospital", "la-luang-namtha-hospital"}, {"Lao Friends Hospital for Children", "la-lfhc"}, {"LFHC", "la-lfhc"}}},
		{"en", "Nurses of the Hanoi Kidney Hospital trained at Da Nang Hospital for Women and Children.",
			[]instWant{{"Hanoi Kidney Hospital", "vn-than-ha-noi"}, {"Da Nang Hospital for Women and Children", "vn-san-nhi-da-nang"}}},
		{"en", "Khammouane Provincial Hospital and Sekong Provincial Hospital received ambulances from Viet Tiep Friendship Hospital.",
			[]instWant{{"Khammouane Provincial Hospital", "la-khammouane-hospital"}, {"Sekong Provincial Hospital", "la-sekong-hospital"}, {"Viet Tiep Friendship Hospital", "vn-viet-tiep"}}},
		{"en", "Kien An Hospital and Thu Duc City Hospital share a telemedicine platform.",
			[]instWant{{"Kien An Hospital", "vn-kien-an"}, {"Thu Duc City Hospital", "vn-thu-duc"}}},

		// Generic phrases name none of these hospitals: a city's hospital is
		// found by pattern, a children's or a spirit's phrase is no name.
		{"fr", "Les médecins de l'hôpital de Hanoï ont rencontré ceux de l'hôpital de Haiphong.",
			[]instWant{{"hôpital de Hanoï", DiscoveredID("hôpital de Hanoï")}, {"hôpital de Haiphong", DiscoveredID("hôpital de Haiphong")}}},
		{"vi", "Trẻ em Hải Phòng được tiêm vắc-xin; tinh thần Hà Nội vẫn vững vàng.", nil},
		{"en", "They toured a Hai Phong hospital before the flight.",
			[]instWant{{"Hai Phong hospital", DiscoveredID("Hai Phong hospital")}}},
		{"vi", "Bệnh viện Bình Dân Đà Nẵng khai trương khu khám bệnh mới.",
			[]instWant{{"Bệnh viện Bình Dân Đà Nẵng", DiscoveredID("Bệnh viện Bình Dân Đà Nẵng")}}},
		{"fr", "Le patient a été transféré à l'hôpital provincial, puis au post hospital de campagne.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) { checkFindInstitutions(t, tt.text, tt.want) })
	}
}
