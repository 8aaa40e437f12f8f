package extract

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/medcoop/medcoop"
	"github.com/medcoop/medcoop/extract/lexicon"
)

// TestDomainsInPassing checks that fields named only in a speaker's role,
// a background sentence (a hospital's strengths, a delegation's make-up),
// a possibility or a sentence about the partners' past are not the
// event's, and that a history brought up to now still counts.
func TestDomainsInPassing(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		want      []string
		notWanted []string
	}{
		{
			name: "a speaker's department is not a field of the agreement",
			text: "Le CHU de Poitiers et l'hôpital Cho Ray signent une convention\n\n" +
				"Le CHU de Poitiers et l'hôpital Cho Ray de Hô Chi Minh-Ville ont signé hier une convention de coopération " +
				"pour la formation des infirmiers en soins palliatifs et en hygiène hospitalière.\n\n" +
				"« Nos équipes apprendront beaucoup », a déclaré le Pr Marc Tessier, chef du service de cardiologie du CHU de Poitiers.",
			want:      []string{"nursing", "infection-control"},
			notWanted: []string{"cardiology"},
		},
		{
			name: "a vietnamese head of department",
			text: "Bệnh viện Chợ Rẫy ký kết hợp tác với Bệnh viện Đại học Poitiers\n\n" +
				"Hôm qua, Bệnh viện Chợ Rẫy và Bệnh viện Đại học Poitiers (Pháp) đã ký kết thỏa thuận hợp tác về đào tạo điều dưỡng.\n\n" +
				"PGS.TS. Trần Văn Khoa, Trưởng khoa Tim mạch Bệnh viện Chợ Rẫy, cho biết hai bên sẽ trao đổi chuyên gia.",
			want:      []string{"nursing"},
			notWanted: []string{"cardiology"},
		},
		{
			name: "where the trainees work is not what they learn",
			text: "Bệnh viện Đa khoa tỉnh Sóc Trăng và Bệnh viện Siriraj khai giảng khóa đào tạo\n\n" +
				"Sáng 11/3, Bệnh viện Đa khoa tỉnh Sóc Trăng phối hợp với Bệnh viện Siriraj (Thái Lan) khai giảng khóa đào tạo " +
				"chăm sóc người bệnh thở máy dành cho 40 điều dưỡng đang công tác tại khoa Cấp cứu và khoa Nhi.",
			want:      []string{"nursing"},
			notWanted: []string{"emergency-medicine", "pediatrics"},
		},
		{
			name: "a periphrasis for a party names no field",
			text: "Paoli-Calmettes trains Can Tho doctors\n\n" +
				"The Institut Paoli-Calmettes and Can Tho Central General Hospital signed an agreement on Monday on the training of nurses " +
				"in palliative care, in Marseille, where the French cancer centre is based.",
			want:      []string{"nursing", "pain-management"},
			notWanted: []string{"oncology"},
		},
		{
			name: "a hospital's strengths and a possibility",
			text: "Le CHU d'Amiens signe une convention avec l'hôpital de Hué\n\n" +
				"Le CHU d'Amiens et l'hôpital central de Hué ont signé lundi une convention pour la formation en néphrologie.\n\n" +
				"L'hôpital de Hué est connu pour sa chirurgie cardiaque.\n\n" +
				"La coopération pourrait plus tard s'étendre à l'ophtalmologie.",
			want:      []string{"nephrology"},
			notWanted: []string{"cardiovascular-surgery", "ophthalmology"},
		},
		{
			name: "a field that could be added",
			text: "Le CHU d'Amiens signe une convention avec l'hôpital de Hué\n\n" +
				"Le CHU d'Amiens et l'hôpital central de Hué ont signé lundi une convention pour la formation en néphrologie.\n\n" +
				"Un volet de gériatrie pourrait s'ajouter l'an prochain.",
			want:      []string{"nephrology"},
			notWanted: []string{"geriatrics"},
		},
		{
			name: "the partners' past, and a history up to now",
			text: "Two hospitals renew their partnership\n\n" +
				"CHU Rouen and Cho Ray Hospital renewed their partnership yesterday for five more years, covering kidney transplants.\n\n" +
				"The first agreement, in 2012, focused on dermatology.\n\n" +
				"From 2015 to date, forty nurses have trained in geriatrics in Rouen.",
			want:      []string{"transplantation", "geriatrics"},
			notWanted: []string{"dermatology"},
		},
		{
			name: "a past named without a date, and a party named only as a speaker's",
			text: "Le CHU de Limoges et l'hôpital Bach Mai renouvellent leur convention\n\n" +
				"Le CHU de Limoges et l'hôpital Bach Mai ont renouvelé lundi leur convention, qui porte désormais sur la dialyse.\n\n" +
				"La première convention portait sur la dermatologie.\n\n" +
				"Le Dr Paul Morel, du CHU de Limoges, a rappelé que son hôpital accueillait des internes en ophtalmologie depuis 2009.",
			want:      []string{"nephrology"},
			notWanted: []string{"dermatology", "ophthalmology"},
		},
		{
			name: "a quote with no cooperation in it is a view, one with it counts",
			text: "Hospitals in Lyon and Da Nang sign an agreement\n\n" +
				"Hospices Civils de Lyon and Da Nang Hospital signed an agreement on Monday on hand hygiene.\n\n" +
				"\"Fewer infections also means fewer antibiotics,\" said Dr Anne Rivière, of Hospices Civils de Lyon.\n\n" +
				"\"The partnership will also include research,\" she added.",
			want:      []string{"infection-control", "research"},
			notWanted: []string{"antimicrobial-stewardship"},
		},
		{
			name: "a quote that pledges what the speaker's side will do counts",
			text: "Bệnh viện Trung ương Huế tiếp đoàn Bệnh viện Đại học Nagoya\n\n" +
				"Sáng 3/4, Bệnh viện Trung ương Huế đã tiếp đoàn công tác của Bệnh viện Đại học Nagoya (Nhật Bản).\n\n" +
				"“Chúng tôi sẽ cử chuyên gia sang hướng dẫn phục hồi chức năng cho người bệnh”, trưởng đoàn nói.\n\n" +
				"“Người bệnh ung thư ở đây rất đông”, ông nói thêm.",
			want:      []string{"rehabilitation"},
			notWanted: []string{"oncology"},
		},
		{
			name: "an earlier event of another type, dated months before, is not this one's",
			text: "Bệnh viện Bạch Mai ký biên bản ghi nhớ với Bệnh viện Đại học Rennes\n\n" +
				"Ngày 6/10, Bệnh viện Bạch Mai và Bệnh viện Đại học Rennes (Pháp) đã ký biên bản ghi nhớ hợp tác về hồi sức tích cực.\n\n" +
				"Tháng 6/2025, Bệnh viện Đại học Rennes đã trao tặng Bệnh viện Bạch Mai 4 máy lọc máu.",
			want:      []string{"intensive-care"},
			notWanted: []string{"nephrology"},
		},
		{
			name: "a sentence of the future is no earlier event, whatever month it names",
			text: "Hue and Geneva launch a study of diabetic feet\n\n" +
				"Hue Central Hospital and Geneva University Hospitals launched a joint study of diabetic foot ulcers on Monday.\n\n" +
				"Before the study begins in May, ten nurses from the Hue hospital will be trained in wound care.",
			want: []string{"endocrinology", "nursing", "medical-education"},
		},
		{
			name: "an earlier signing that says what will follow is still an earlier event",
			text: "Lille gives Hue two dialysis machines\n\n" +
				"CHU Lille handed over two dialysis machines to Hue Central Hospital on Monday.\n\n" +
				"In March, CHU Lille signed a memorandum with Hue Central Hospital on cardiology, under which it will also host interns.",
			want:      []string{"nephrology"},
			notWanted: []string{"cardiology"},
		},
		{
			name: "a sentence naming the partners beside a date long past still counts",
			text: "Le CHU de Rennes signe un mémorandum avec l'hôpital Bach Mai\n\n" +
				"Le 6 octobre, le CHU de Rennes et l'hôpital Bach Mai ont signé un mémorandum d'entente sur la réanimation.\n\n" +
				"L'hôpital Bach Mai veut aussi collaborer avec le CHU de Rennes sur la dialyse, un des axes de l'accord signé le 8 janvier 2018 entre les deux ministères.",
			want: []string{"intensive-care", "nephrology"},
		},
		{
			name: "a quote left open ends with its paragraph; a quoted title is not a view",
			text: "Hospitals in Lyon and Da Nang sign an agreement\n\n" +
				"Hospices Civils de Lyon and Da Nang Hospital signed an agreement on Monday.\n\n" +
				"« Hand hygiene first, said Dr Anne Rivière of Hospices Civils de Lyon.\n\n" +
				"The two hospitals will also run the project “Better kidney dialysis” in Da Nang.",
			want: []string{"nephrology"},
		},
		{
			name: "a past record up to now, a widening that may come, a hospital's strengths",
			text: "Bệnh viện Bạch Mai ký thỏa thuận hợp tác với Bệnh viện Đại học Rennes\n\n" +
				"Hôm qua, Bệnh viện Bạch Mai và Bệnh viện Đại học Rennes (Pháp) đã ký thỏa thuận hợp tác về lọc máu.\n\n" +
				"Từ năm 2012 đến nay, bệnh viện đã đào tạo nhiều bác sĩ về da liễu.\n\n" +
				"Hai bên có thể nghiên cứu mở rộng hợp tác sang lĩnh vực nhãn khoa.\n\n" +
				"Bệnh viện là một trong những đơn vị mạnh về ung bướu.",
			want:      []string{"nephrology"},
			notWanted: []string{"dermatology", "ophthalmology", "oncology", "research"},
		},
		{
			name: "showing staff how to use a donated device is the delivery's, not education",
			text: "Le CHU d'Angers offre deux échographes à l'hôpital de Vinh\n\n" +
				"Le CHU d'Angers a remis mardi deux échographes à l'hôpital général de Nghe An.\n\n" +
				"Un technicien angevin est resté trois jours pour installer les appareils et former les utilisateurs.",
			want:      []string{"diagnostic-imaging"},
			notWanted: []string{"medical-education"},
		},
		{
			name: "teaching a clinical skill with the device is education",
			text: "Westmead trao tặng lồng ấp cho Bệnh viện Nhi Trung ương\n\n" +
				"Hôm qua, Bệnh viện Nhi Westmead (Úc) đã trao tặng Bệnh viện Nhi Trung ương 4 lồng ấp.\n\n" +
				"Các điều dưỡng Úc đã tập huấn cho điều dưỡng của khoa về cách sử dụng máy và kỹ thuật chăm sóc trẻ sinh non.",
			want: []string{"medical-education", "neonatology"},
		},
		{
			name: "a training verb names education",
			text: "Le CHU de Reims et l'hôpital de Thanh Hoa signent un accord\n\n" +
				"Le CHU de Reims et l'hôpital général de Thanh Hoa ont signé lundi un accord sur le cancer du sein.\n\n" +
				"Des infirmières de Thanh Hoa seront formées à Reims.",
			want: []string{"oncology", "medical-education"},
		},
		{
			name: "a hospital's yearly figures are its own; a yearly figure in a plan is the agreement's",
			text: "Le CHU de Tours et l'hôpital de Hué signent une convention\n\n" +
				"Le CHU de Tours et l'hôpital central de Hué ont signé lundi une convention sur la dialyse.\n\n" +
				"L'hôpital de Hué opère près de 900 enfants atteints de cardiopathies par an.\n\n" +
				"Chaque année, deux internes de Hué passeront six mois en réanimation à Tours.\n\n" +
				"Elle porterait éventuellement aussi sur l'ophtalmologie.",
			want:      []string{"nephrology", "intensive-care"},
			notWanted: []string{"cardiology", "ophthalmology"},
		},
		{
			name: "yearly figures in Vietnamese and English",
			text: "Cho Ray Hospital and CHU Tours sign an agreement\n\n" +
				"Cho Ray Hospital and CHU Tours signed an agreement on dialysis on Monday.\n\n" +
				"The 1,800-bed hospital treats some 3,000 stroke patients a year.\n\n" +
				"Each year, two Cho Ray nurses will spend three months in the intensive care unit in Tours.",
			want:      []string{"nephrology", "intensive-care"},
			notWanted: []string{"neurology"},
		},
		{
			name: "a workshop is education even when no word of the text says so",
			text: "Hospices Civils de Lyon and Bach Mai Hospital hold a workshop\n\n" +
				"Hospices Civils de Lyon and Bach Mai Hospital held a workshop on dialysis in Hanoi on Monday.",
			want: []string{"nephrology", "medical-education"},
		},
		{
			name: "an earlier year's achievements of the receiving hospital",
			text: "Bệnh viện Đa khoa tỉnh Hà Tĩnh nhận máy thở từ Bệnh viện Đại học Genève\n\n" +
				"Ngày 6/10, Bệnh viện Đại học Genève (Thụy Sĩ) trao tặng Bệnh viện Đa khoa tỉnh Hà Tĩnh bốn máy thở cho khoa Hồi sức tích cực.\n\n" +
				"Năm 2024, bệnh viện đã triển khai thành công kỹ thuật thay khớp gối.",
			want:      []string{"intensive-care"},
			notWanted: []string{"orthopedics"},
		},
		{
			name: "endoscopic ultrasound and sinus surgery belong to the specialty that performs them",
			text: "Hanoi and Leuven hospitals sign agreement\n\n" +
				"Bach Mai Hospital and University Hospitals Leuven signed an agreement on Monday on training in endoscopic ultrasound and endoscopic sinus surgery.",
			want:      []string{"gastroenterology", "otorhinolaryngology"},
			notWanted: []string{"diagnostic-imaging", "surgery"},
		},
		{
			name: "what the partner is a referral centre for",
			text: "Hue Central Hospital and Geneva University Hospitals sign agreement\n\n" +
				"Hue Central Hospital and Geneva University Hospitals signed an agreement on Monday on neonatal care.\n\n" +
				"The Hue hospital is the referral centre for stroke in central Vietnam and runs one of the region's largest burns units.",
			want:      []string{"neonatology"},
			notWanted: []string{"neurology", "surgery"},
		},
		{
			name: "screening for one disease is that disease's field, not public health",
			text: "Le CHU de Reims et l'hôpital de Da Nang s'associent contre le cancer du col\n\n" +
				"Le CHU de Reims et l'hôpital de Da Nang ont signé mardi une convention sur le dépistage du cancer du col de l'utérus.",
			want:      []string{"oncology"},
			notWanted: []string{"public-health"},
		},
		{
			name: "a growing caseload and a perhaps",
			text: "Le CHU de Tours accueille une délégation de Nghe An\n\n" +
				"Le CHU de Tours et l'hôpital général de Nghe An ont signé jeudi une convention sur la formation en néphrologie.\n\n" +
				"L'hôpital vietnamien reçoit de plus en plus de patients atteints de cancers. Un avenant suivra, avec peut-être un volet consacré à la cardiologie.",
			want:      []string{"nephrology"},
			notWanted: []string{"oncology", "cardiology"},
		},
		{
			name: "hearing screening of newborns is ENT",
			text: "Le CHU de Rennes forme les équipes de Siem Reap\n\n" +
				"Le CHU de Rennes et l'hôpital provincial de Siem Reap ont lancé lundi un programme de dépistage de la surdité chez le nouveau-né.",
			want:      []string{"otorhinolaryngology"},
			notWanted: []string{"public-health"},
		},
		{
			name: "a glioma is a tumour, not neurology; a leading centre's other fields are background",
			text: "Bệnh viện Chợ Rẫy và Bệnh viện Đại học Heidelberg khởi động dự án nghiên cứu\n\n" +
				"Sáng 9/9, Bệnh viện Chợ Rẫy và Bệnh viện Đại học Heidelberg (Đức) khởi động dự án nghiên cứu chung về u thần kinh đệm ác tính.\n\n" +
				"Bệnh viện Chợ Rẫy hiện là trung tâm hàng đầu cả nước về ghép tạng.",
			want:      []string{"neurosurgery", "oncology", "research"},
			notWanted: []string{"neurology", "transplantation"},
		},
		{
			name: "a training only thought about",
			text: "Le CHU de Caen remet du matériel dentaire à l'hôpital de Takeo\n\n" +
				"Le CHU de Caen a remis lundi deux fauteuils et une radiographie dentaire à l'hôpital provincial de Takeo.\n\n" +
				"Le CHU réfléchit à une mission de formation en chirurgie buccale, sans calendrier.",
			want:      []string{"dentistry"},
			notWanted: []string{"diagnostic-imaging", "surgery", "medical-education"},
		},
		{
			name: "a cancer centre named by its city's adjective",
			text: "Le CHU de Hué formera ses hématologues à Lyon\n\n" +
				"L'hôpital central de Hué et le Centre Léon Bérard ont signé lundi une convention : le centre lyonnais de lutte contre le cancer accueillera deux hématologues et un biologiste.",
			want:      []string{"hematology", "laboratory-medicine"},
			notWanted: []string{"oncology"},
		},
		{
			name: "joint research is research though no word names the field",
			text: "Osaka and Hue to follow stroke patients together\n\n" +
				"Osaka University Hospital and Hue Central Hospital signed an agreement to study how quickly stroke patients reach a catheter room.",
			want: []string{"research", "neurology"},
		},
		{
			name: "the first agreement between the parties, naming them",
			text: "Le CHU de Rennes renouvelle son partenariat avec l'hôpital central de Hué\n\n" +
				"Le CHU de Rennes et l'hôpital central de Hué ont renouvelé lundi leur convention, qui porte désormais sur la néphrologie.\n\n" +
				"La première entente entre le CHU de Rennes et l'hôpital central de Hué portait sur la cardiologie.",
			want:      []string{"nephrology"},
			notWanted: []string{"cardiology"},
		},
		{
			name: "the fields that name a faculty",
			text: "Nancy and Phnom Penh launch an exchange of residents\n\n" +
				"The Faculty of Medicine, Midwifery and Health Professions of the University of Lorraine and the University of Health Sciences in Phnom Penh " +
				"launched an exchange programme for surgical residents on Thursday in laparoscopic surgery.",
			want:      []string{"surgery", "medical-education"},
			notWanted: []string{"obstetrics-gynecology"},
		},
		{
			name: "a faculty's clause is no name",
			text: "Le CHU de Rennes et l'hôpital Bach Mai signent une convention\n\n" +
				"Le CHU de Rennes et l'hôpital Bach Mai ont signé lundi une convention : la faculté de médecine de Rennes formera des infirmières en soins palliatifs.",
			want: []string{"nursing", "pain-management"},
		},
		{
			name: "a first agreement signed this week is this event's",
			text: "Le CHU de Rennes et l'hôpital Bach Mai signent leur premier accord\n\n" +
				"Le CHU de Rennes et l'hôpital Bach Mai ont signé lundi leur premier accord, en cardiologie.",
			want: []string{"cardiology"},
		},
		{
			name: "on this occasion, a party gives more",
			text: "Bệnh viện Chợ Rẫy ký kết với Bệnh viện Đại học Poitiers\n\n" +
				"Sáng 12/3, Bệnh viện Chợ Rẫy và Bệnh viện Đại học Poitiers (Pháp) đã ký kết thỏa thuận hợp tác về lọc máu. " +
				"Cũng trong dịp này, Bệnh viện Đại học Poitiers trao tặng máy thở và đào tạo 10 bác sĩ hồi sức tích cực.",
			want: []string{"intensive-care"},
		},
		{
			name: "a healthcare environment is no faculty",
			text: "Bệnh viện Chợ Rẫy ký kết với Bệnh viện Đại học Poitiers\n\n" +
				"Sáng 12/3, Bệnh viện Chợ Rẫy và Bệnh viện Đại học Poitiers (Pháp) đã ký kết thỏa thuận hợp tác nhằm cải thiện môi trường y tế và kiểm soát nhiễm khuẩn.",
			want: []string{"infection-control"},
		},
		{
			name: "a week's visit is no training",
			text: "Lyon and Hue sign on stroke care\n\n" +
				"Hospices Civils de Lyon and Hue Central Hospital signed an agreement on stroke care on Monday. " +
				"A French delegation will spend a week in Hue visiting its wards.",
			want:      []string{"neurology"},
			notWanted: []string{"medical-education"},
		},
		{
			name: "the page turns to another visit",
			text: "Bệnh viện Đa khoa tỉnh Gia Lai ký kết với Bệnh viện tỉnh Ratanakiri\n\n" +
				"Hôm qua, Bệnh viện Đa khoa tỉnh Gia Lai và Bệnh viện tỉnh Ratanakiri (Campuchia) đã ký biên bản ghi nhớ hợp tác về xét nghiệm sốt rét.\n\n" +
				"Cũng trong tuần, bệnh viện đã tiếp một đoàn công tác của tỉnh Attapeu (Lào) đến tìm hiểu về điều trị bỏng.",
			want:      []string{"infectious-diseases"},
			notWanted: []string{"surgery"},
		},
		{
			name: "a sentence on the country's situation",
			text: "Le CHU de Limoges et l'hôpital Mahosot signent une convention\n\n" +
				"Le CHU de Limoges et l'hôpital Mahosot de Vientiane ont signé hier une convention sur la prise en charge des brûlés.\n\n" +
				"Au Laos, les hôpitaux de province manquent encore de dialyse et de chimiothérapie.",
			want:      []string{"surgery"},
			notWanted: []string{"nephrology", "oncology"},
		},
		{
			name: "a sentence that opens on a country and names a party counts",
			text: "Limoges and Mahosot sign on burns care\n\n" +
				"CHU Limoges and Mahosot Hospital in Vientiane signed an agreement on burns care yesterday.\n\n" +
				"In Laos, Mahosot Hospital will also open a dialysis unit with the French team.",
			want: []string{"nephrology"},
		},
		{
			name: "a partnership with someone else that came before is no field",
			text: "Le CHU d'Amiens signe avec l'hôpital central de Hué\n\n" +
				"Le CHU d'Amiens et l'hôpital central de Hué ont signé hier une convention sur la dialyse.\n\n" +
				"Ce n'est pas le premier partenariat asiatique du CHU d'Amiens : il aide aussi un hôpital laotien en radiologie.",
			want:      []string{"nephrology"},
			notWanted: []string{"diagnostic-imaging"},
		},
		{
			name: "a collaboration evoked for later is no field",
			text: "Le CHU d'Amiens signe avec l'hôpital central de Hué\n\n" +
				"Le CHU d'Amiens et l'hôpital central de Hué ont signé hier une convention sur la dialyse.\n\n" +
				"Le directeur de Hué a aussi évoqué une collaboration future en urologie, qui reste à construire.",
			want:      []string{"nephrology"},
			notWanted: []string{"urology"},
		},
		{
			name: "what a hospital made its specialty is background",
			text: "Le CHU d'Amiens signe avec l'hôpital central de Hué\n\n" +
				"Le CHU d'Amiens et l'hôpital central de Hué ont signé hier une convention sur la dialyse.\n\n" +
				"L'hôpital central de Hué s'est fait une spécialité de la chirurgie cardiaque.",
			want:      []string{"nephrology"},
			notWanted: []string{"cardiovascular-surgery"},
		},
		{
			name: "what a hospital's teams made their name for is background",
			text: "Le CHU d'Amiens signe avec l'hôpital central de Hué\n\n" +
				"Le CHU d'Amiens et l'hôpital central de Hué ont signé hier une convention sur la dialyse.\n\n" +
				"Les équipes de Hué se sont fait connaître pour la neurochirurgie des traumatismes crâniens.",
			want:      []string{"nephrology"},
			notWanted: []string{"neurosurgery"},
		},
		{
			name: "what is not part of this agreement and may come later",
			text: "Hue and Amiens sign on dialysis\n\n" +
				"Hue Central Hospital and CHU Amiens signed an agreement on dialysis yesterday.\n\n" +
				"The director said cancer care was not part of this agreement but may come later.",
			want:      []string{"nephrology"},
			notWanted: []string{"oncology"},
		},
		{
			name: "newborn hearing screening is ear care",
			text: "Hue and Amiens train screeners\n\n" +
				"Hue Central Hospital and CHU Amiens yesterday opened a training course in newborn hearing screening for nurses.",
			want:      []string{"otorhinolaryngology", "nursing", "medical-education"},
			notWanted: []string{"neonatology"},
		},
		{
			name: "an algorithm trained is no medical education",
			text: "Cho Ray and Lille start a pathology study\n\n" +
				"Cho Ray Hospital and Lille University Hospital yesterday launched a joint research project on digital pathology, " +
				"in which researchers will train an artificial intelligence model on archived slides.",
			want:      []string{"laboratory-medicine", "artificial-intelligence", "research"},
			notWanted: []string{"medical-education", "digital-health"},
		},
		{
			name: "teaching patients about their illness is not population health",
			text: "Bệnh viện Chợ Rẫy ký kết hợp tác với Bệnh viện Đại học Lille\n\n" +
				"Hôm qua, Bệnh viện Chợ Rẫy và Bệnh viện Đại học Lille đã ký kết thỏa thuận đào tạo điều dưỡng giáo dục sức khỏe cho người bệnh suy thận.",
			want:      []string{"nursing", "nephrology"},
			notWanted: []string{"public-health"},
		},
		{
			name: "what people will learn is no workplace",
			text: "Singapore's KK Hospital trains Da Nang neonatal teams\n\n" +
				"KK Women's and Children's Hospital opened a training course on Monday at Da Nang Hospital. " +
				"Doctors working in the hospital's neonatal unit will learn non-invasive ventilation.",
			want: []string{"intensive-care"},
		},
		{
			name: "a clause about the field does not make it background",
			text: "Le CHU de Brest signe avec l'hôpital Bach Mai\n\n" +
				"Le CHU de Brest et l'hôpital Bach Mai ont signé lundi une convention sur la dialyse péritonéale à domicile, " +
				"que l'hôpital veut proposer aux habitants des districts de montagne.",
			want: []string{"nephrology"},
		},
		{
			name: "a clause far from the field leaves the sentence background",
			text: "Le CHU de Brest signe avec l'hôpital Bach Mai\n\n" +
				"Le CHU de Brest et l'hôpital Bach Mai ont signé lundi une convention sur la néphrologie.\n\n" +
				"Des médecins de Bach Mai ont été formés à l'échographie à Brest ; l'hôpital est autonome dans ce domaine, qui ne figure plus au programme.",
			want:      []string{"nephrology"},
			notWanted: []string{"diagnostic-imaging"},
		},
		{
			name: "a length is no yearly figure",
			text: "Seoul hospital signs with Hue hospital\n\n" +
				"Seoul National University Hospital and Hue Central Hospital signed an agreement on Monday.\n\n" +
				"Korean nurses then began a month-long stint in neonatal care at Hue Central Hospital.",
			want: []string{"neonatology"},
		},
		{
			name: "a workplace ends where the work begins",
			text: "Seoul hospital signs with Hue hospital\n\n" +
				"Seoul National University Hospital and Hue Central Hospital signed an agreement on Monday.\n\n" +
				"Four Korean surgeons will take turns working in the province, operating beside local teams and guiding them from diagnostic endoscopy to the removal of tumours.",
			want: []string{"gastroenterology", "oncology"},
		},
		{
			name: "what a partner is best known for",
			text: "Le CHU de Brest signe avec l'hôpital Bach Mai\n\n" +
				"Le CHU de Brest et l'hôpital Bach Mai ont signé lundi une convention sur la néphrologie.\n\n" +
				"Si Brest est surtout connu à l'étranger pour sa chirurgie de la main, c'est la dialyse qui a réuni les deux hôpitaux.",
			want:      []string{"nephrology"},
			notWanted: []string{"orthopedics"},
		},
		{
			name: "what a partner is best known for, in English",
			text: "Hue hospital signs with Khon Kaen\n\n" +
				"Hue Central Hospital and Srinagarind Hospital signed an agreement on Monday on stroke care.\n\n" +
				"The Thai hospital, best known abroad for its liver transplants, will host two Hue neurologists.",
			want:      []string{"neurology"},
			notWanted: []string{"transplantation"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := oneEvent(t, tt.text, time.Date(2025, 10, 8, 0, 0, 0, 0, time.UTC))
			codes := domainCodes(ev)
			for _, c := range tt.want {
				if !slices.Contains(codes, c) {
					t.Errorf("domains %v lack %s", codes, c)
				}
			}
			for _, c := range tt.notWanted {
				if slices.Contains(codes, c) {
					t.Errorf("domains %v have %s, named only in passing", codes, c)
				}
			}
		})
	}
}

// TestBelongingAfterAPersonOrPlace checks that a clause of belonging after
// a person or a place ("a member of the board of", "part of a programme
// with") does not make the institution it names a parent.
func TestBelongingAfterAPersonOrPlace(t *testing.T) {
	for _, text := range []string{
		"Geneva hospital trains Hanoi nurses\n\n" +
			"Geneva University Hospitals signed an agreement on Monday to train ten nurses in Hanoi, part of a training programme with Bach Mai Hospital.",
		"Bach Mai and Geneva sign agreement\n\n" +
			"Dr Tran Van An, a member of the board of Bach Mai Hospital, signed an agreement with Geneva University Hospitals on Monday.",
	} {
		ev := oneEvent(t, text, time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC))
		if !slices.ContainsFunc(ev.Parties, func(p medcoop.Party) bool { return p.ID == "vn-bach-mai" }) {
			t.Errorf("parties = %v, want Bach Mai among them", ev.Parties)
		}
	}
}

// TestHistoryWithoutADate checks that a sentence opening on history
// ("Depuis, plus de 80 internes ont effectué un stage…") tells the past
// even when it gives no date: an anniversary page is no event.
func TestHistoryWithoutADate(t *testing.T) {
	text := "Trente ans de liens entre le CHU de Rennes et l'hôpital Bach Mai\n\n" +
		"Mardi soir, le CHU de Rennes a fêté les trente ans de ses liens avec l'hôpital Bach Mai de Hanoï.\n\n" +
		"Depuis, plus de 80 internes vietnamiens ont effectué un stage à Rennes en réanimation."
	if evs := eventsOf(t, text, time.Date(2025, 6, 13, 0, 0, 0, 0, time.UTC)); len(evs) != 0 {
		t.Errorf("events = %+v, want none (an anniversary)", evs)
	}
	// Not every history cue that opens a sentence tells history.
	text = "Rennes et Bach Mai signent une convention\n\n" +
		"Il y a quelques jours, le CHU de Rennes et l'hôpital Bach Mai ont signé une convention sur la dialyse."
	oneEvent(t, text, time.Date(2025, 6, 13, 0, 0, 0, 0, time.UTC))
}

// TestSpanOfYearsLongPast checks that a sentence set in a span of years
// long past ("Entre 2004 et 2018, il a formé…") tells history with no
// history cue: a medal for past teaching is no event. A span still
// running (an agreement "giai đoạn 2021–2025" signed in 2025) and old
// dates that make no span ("fondé en 1910", "depuis 2005") are no history.
func TestSpanOfYearsLongPast(t *testing.T) {
	text := "Un chirurgien nantais honoré au Laos\n\n" +
		"Le Dr Yves Kerbrat a reçu jeudi à Vientiane la médaille de l'Amitié.\n\n" +
		"Entre 2004 et 2018, il a formé chaque année les chirurgiens de l'hôpital Mahosot, avec le soutien du CHU de Nantes."
	if evs := eventsOf(t, text, time.Date(2026, 5, 9, 0, 0, 0, 0, time.UTC)); len(evs) != 0 {
		t.Errorf("events = %+v, want none (a medal for past teaching)", evs)
	}
	for _, text := range []string{
		"Bệnh viện Bạch Mai ký kết hợp tác với Bệnh viện Mahosot\n\n" +
			"Bệnh viện Bạch Mai và Bệnh viện Mahosot (Lào) đã ký kết thỏa thuận hợp tác giai đoạn 2021–2025 về đào tạo điều dưỡng.",
		"Limoges et Mahosot signent une convention\n\n" +
			"L'hôpital Mahosot, fondé en 1910, et le CHU de Limoges, partenaires depuis 2005, ont signé lundi une convention sur la dialyse.",
	} {
		oneEvent(t, text, time.Date(2025, 6, 13, 0, 0, 0, 0, time.UTC))
	}
}

// TestEarlierEventIsNotThisOne checks that a sentence recalling an earlier
// signing ("Trước đó, tháng 10/2025, … đã ký … với …") gives the page
// neither its parties nor its date: two Vietnamese hospitals signing
// together make no international event.
func TestEarlierEventIsNotThisOne(t *testing.T) {
	text := "Bệnh viện Đa khoa tỉnh Bến Tre ký kết hợp tác với Bệnh viện Nhân dân Gia Định\n\n" +
		"Sáng 12/3, Bệnh viện Đa khoa tỉnh Bến Tre và Bệnh viện Nhân dân Gia Định đã ký kết hợp tác chuyên môn về can thiệp tim mạch.\n\n" +
		"Trước đó, tháng 9/2025, Bệnh viện Đa khoa tỉnh Bến Tre đã ký thỏa thuận hợp tác với Bệnh viện Đại học Rennes (Pháp) về lọc máu."
	if evs := eventsOf(t, text, time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)); len(evs) != 0 {
		t.Errorf("events = %+v, want none (a domestic signing)", evs)
	}
	// The same recall beside this week's signing with a French hospital is
	// still this event's sentence: its parties and its date stand.
	text = "Bệnh viện Đa khoa tỉnh Bến Tre ký kết hợp tác với Bệnh viện Đại học Rennes\n\n" +
		"Là đối tác từ năm 2019, Bệnh viện Đa khoa tỉnh Bến Tre và Bệnh viện Đại học Rennes (Pháp) đã ký kết thỏa thuận hợp tác về lọc máu sáng 12/3."
	ev := oneEvent(t, text, time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC))
	if ev.Date == nil || ev.Date.Value != "2026-03-12" {
		t.Errorf("date = %+v, want 2026-03-12", ev.Date)
	}
}

// TestPeopleSpeakForParties checks that a person whose role names an
// institution that is not a party (a provincial health department that
// attended) is not one of the event's people, while the parties' are, and
// that institutions named as attending are not parties.
func TestPeopleSpeakForParties(t *testing.T) {
	text := "Bệnh viện Đa khoa tỉnh Phú Thọ ký biên bản ghi nhớ với Bệnh viện Đại học Kanazawa\n\n" +
		"Sáng 12/3, Bệnh viện Đa khoa tỉnh Phú Thọ và Bệnh viện Đại học Kanazawa (Nhật Bản) đã ký biên bản ghi nhớ hợp tác về đột quỵ.\n\n" +
		"TS.BS. Hoàng Văn Long, Giám đốc Bệnh viện Đa khoa tỉnh Phú Thọ, cho biết hai bên sẽ trao đổi chuyên gia.\n\n" +
		"Tham dự lễ ký có TS.BS. Đỗ Quang Vinh, Phó Giám đốc Sở Y tế tỉnh Phú Thọ, và đại diện Bệnh viện Trung ương Thái Nguyên."
	ev := oneEvent(t, text, time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC))
	names := personNames(ev)
	if !slices.Equal(names, []string{"Hoàng Văn Long"}) {
		t.Errorf("people = %q, want only the director of a party", names)
	}
	if n := len(ev.Parties); n != 2 {
		t.Errorf("parties = %+v, want the two signing hospitals (who attended are witnesses)", ev.Parties)
	}
}

// TestParentIsNotParty checks that the body an institution belongs to,
// named right after it in brackets or after "part of", is not a party.
func TestParentIsNotParty(t *testing.T) {
	tests := []struct{ name, text string }{
		{"part of", "Thai hospital signs with Hue Central Hospital\n\n" +
			"Siriraj Hospital, part of Mahidol University, signed an agreement with Hue Central Hospital on Monday on kidney transplants.\n\n" +
			"Siriraj Hospital will train four surgeons from Hue Central Hospital."},
		{"brackets", "Viện Huyết học ký kết hợp tác với Bệnh viện Đại học Lille\n\n" +
			"Hôm qua, Viện Huyết học Lâm sàng (Bệnh viện Chợ Rẫy) và Bệnh viện Đại học Lille (Pháp) đã ký thỏa thuận hợp tác về ghép tủy.\n\n" +
			"Theo thỏa thuận, Bệnh viện Đại học Lille sẽ đào tạo bác sĩ của Viện Huyết học Lâm sàng."},
		{"the university's own hospital", "Le CHU de Nantes et l'hôpital Ruijin lancent une recherche commune\n\n" +
			"Le CHU de Nantes et l'hôpital Ruijin de l'université Jiao Tong de Shanghai ont lancé lundi un programme de recherche commun sur la dialyse."},
		{"belonging said of a hospital named another way", "Hue hospital and Paris partner sign agreement\n\n" +
			"Hue Central Hospital and Saint-Louis Hospital in Paris signed an agreement on Monday.\n\n" +
			"Under the agreement the French hospital, part of the Paris public hospital group AP-HP, will train haematologists from Hue."},
		{"établissement de", "Necker et Huế signent une convention\n\n" +
			"L'hôpital Necker-Enfants malades, établissement de l'AP-HP, et l'hôpital central de Huế ont signé lundi une convention sur la chirurgie pédiatrique."},
		{"établissement de, after an acronym in brackets", "Pompidou et Huế signent une convention\n\n" +
			"L'Hôpital européen Georges-Pompidou (HEGP), établissement de l'AP-HP, et l'hôpital central de Huế ont signé lundi une convention sur les AVC."},
		{"a clause that ends before the next name", "Rennes et Bach Mai signent une convention\n\n" +
			"Le CHU de Rennes, établissement de recours, et l'hôpital Bach Mai ont signé lundi une convention sur la dialyse."},
		{"associé à", "Genève et Huế lancent une étude\n\n" +
			"L'Institut tropical et de santé publique suisse, institut associé à l'Université de Bâle, et l'hôpital central de Huế ont lancé lundi une étude commune sur la dengue."},
		{"thuộc", "Bệnh viện Bạch Mai ký kết với Bệnh viện Saint-Louis\n\n" +
			"Sáng 12/3, Bệnh viện Saint-Louis, thuộc Hệ thống Bệnh viện Công Paris, đã ký thỏa thuận hợp tác với Bệnh viện Bạch Mai về huyết học."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := oneEvent(t, tt.text, time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC))
			var ids []string
			for _, p := range ev.Parties {
				ids = append(ids, p.ID)
			}
			if len(ids) != 2 || slices.ContainsFunc(ids, func(id string) bool {
				return id == "vn-cho-ray" || id == "fr-aphp" || strings.Contains(id, "jiao") || id == lexicon.DiscoveredID("Université de Bâle")
			}) {
				t.Errorf("parties = %q, want two and not the parent body", ids)
			}
		})
	}
}

// TestForeignPartnerCountry checks that a discovered foreign name takes
// the country its name or brackets give, not that of the Vietnamese city
// it works in, so that the event is international; and that a city or a
// bracketed country right after a name outweighs a country word inside it.
func TestForeignPartnerCountry(t *testing.T) {
	tests := []struct{ name, text, want, not string }{
		{"a city in the name", "Okayama hospital trains nurses in Hue\n\n" +
			"Okayama University Hospital on Monday began a training course for dialysis nurses at Hue Central Hospital in Hue.", "JP", ""},
		{"brackets", "Bệnh viện Đa khoa tỉnh Quảng Bình ký thỏa thuận hợp tác với Bệnh viện Calixto García\n\n" +
			"Hôm qua, Bệnh viện Đa khoa tỉnh Quảng Bình và Bệnh viện Calixto García (La Habana, Cuba) đã ký thỏa thuận hợp tác về phẫu thuật tim.", "CU", ""},
		{"the page's foreign country", "L'Université Laval forme les infirmières de l'hôpital Bach Mai\n\n" +
			"L'Université Laval et l'hôpital Bach Mai ont signé lundi à Québec une convention de formation en soins infirmiers.\n\n" +
			"Dix infirmières de Hanoï passeront trois mois à Québec.", "CA", ""},
		{"a French town's hospital on a page about Laos", "Montluçon équipe un hôpital du nord du Laos\n\n" +
			"Le centre hospitalier de Montluçon a offert lundi trois échographes à l'hôpital provincial de Luang Namtha, au Laos. " +
			"Deux techniciens laotiens viendront se former à Montluçon.", "FR", ""},
		{"a city after a country word in the name", "Taichung hospital to train Hue nurses\n\n" +
			"China Medical University Hospital (CMUH) in Taichung signed an agreement on Monday with Hue Central Hospital to train its intensive care nurses.", "TW", "CN"},
		{"a bracketed country after a country word in the name", "Bệnh viện Trung ương Huế hợp tác với Bệnh viện Đại học Y dược Trung Quốc (Đài Loan)\n\n" +
			"Sáng 12/3, Bệnh viện Trung ương Huế và Bệnh viện Đại học Y dược Trung Quốc (Đài Loan) đã ký thỏa thuận hợp tác về hồi sức tích cực.", "TW", "CN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := oneEvent(t, tt.text, time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC))
			if !slices.Contains(ev.Countries, tt.want) || tt.not != "" && slices.Contains(ev.Countries, tt.not) {
				t.Errorf("countries = %v, want %s among them and not %q", ev.Countries, tt.want, tt.not)
			}
		})
	}
}

// TestAnotherStoryOnThePage checks that a partner named once, far below a
// lede that names two partners of two countries, is another story's, and
// so are the fields of its sentence; and that a field that "could be added
// in a later phase" is not the event's.
func TestAnotherStoryOnThePage(t *testing.T) {
	text := "Russian cardiac surgeons visit Hai Phong hospital\n\n" +
		"A delegation from the Bakulev Cardiovascular Research Centre in Moscow visited Viet Tiep Friendship Hospital in Hai Phong on Wednesday to discuss paediatric cardiac surgery.\n\n" +
		"The two sides agreed that Bakulev surgeons would operate with Viet Tiep Friendship Hospital teams twice a year. Cardiology could be added in a later phase.\n\n" +
		"The visit came a week after Viet Tiep Friendship Hospital signed a memorandum of understanding with South Korea's Inha University Hospital on emergency medicine."
	ev := oneEvent(t, text, time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC))
	if len(ev.Parties) != 2 {
		t.Errorf("parties = %+v, want the Russian centre and the hospital only", ev.Parties)
	}
	codes := domainCodes(ev)
	if !slices.Contains(codes, "cardiovascular-surgery") {
		t.Errorf("domains %v lack cardiovascular-surgery", codes)
	}
	if slices.Contains(codes, "emergency-medicine") || slices.Contains(codes, "cardiology") {
		t.Errorf("domains %v have another story's field or a possibility", codes)
	}
}

// TestFoundingPresentsAParty checks that a paragraph opening on when a
// party was founded presents it, though it says what the party teaches
// ("Fondée en 2014, l'université forme des infirmiers"): its fields are
// not the event's.
func TestFoundingPresentsAParty(t *testing.T) {
	for _, tt := range []struct{ lang, text string }{
		{"fr", "Lyon et Hué échangent des internes\n\n" +
			"Les Hospices civils de Lyon et l'hôpital central de Hué ont signé lundi un accord d'échange d'internes en pédiatrie.\n\n" +
			"Les internes passeront six mois dans le service de pédiatrie de l'autre hôpital.\n\n" +
			"Fondé en 1894, l'hôpital central de Hué forme des médecins et des infirmiers pour toute la région du Centre."},
		{"en", "Lyon and Hue exchange residents\n\n" +
			"Hospices Civils de Lyon and Hue Central Hospital signed an agreement on Monday to exchange paediatric residents.\n\n" +
			"The residents will spend six months in the paediatric department of the other hospital.\n\n" +
			"Founded in 1894, Hue Central Hospital trains doctors and nurses for the whole central region."},
	} {
		ev := oneEvent(t, tt.text, time.Date(2025, 6, 20, 0, 0, 0, 0, time.UTC))
		for _, d := range ev.Domains {
			if d.Code == "nursing" {
				t.Errorf("%s: domains hold nursing, which the founding paragraph presents", tt.lang)
			}
		}
	}
	// Without a year the founding words tell the event: "Fondé en
	// partenariat avec…" keeps its fields.
	ev := oneEvent(t, "Lyon et Hué ouvrent un laboratoire\n\n"+
		"Les Hospices civils de Lyon et l'hôpital central de Hué ont signé lundi un accord.\n\n"+
		"Les deux hôpitaux formeront des internes.\n\n"+
		"Fondé en partenariat, l'hôpital central de Hué forme des infirmiers.",
		time.Date(2025, 6, 20, 0, 0, 0, 0, time.UTC))
	if !slices.ContainsFunc(ev.Domains, func(d medcoop.Domain) bool { return d.Code == "nursing" }) {
		t.Errorf("domains %v lack nursing, which a founding with no year leaves the event's", ev.Domains)
	}
}

// TestAnotherStoryNamedTwiceInOneSentence checks that a partner named
// twice in one sentence far below the lede, as a name and its acronym,
// is still named once: another story's.
func TestAnotherStoryNamedTwiceInOneSentence(t *testing.T) {
	checkParties(t, []partyCase{
		{"en", "Lyon and Hue renew their partnership\n\n" +
			"Hospices Civils de Lyon and Hue Central Hospital renewed their cooperation agreement on Monday for four years. " +
			"The renewed agreement covers haematology and the hospital laboratory. " +
			"Hue Central Hospital treats many children with thalassaemia. Two Hue technicians will spend six weeks in Lyon.\n\n" +
			"The same afternoon, the Lyon delegation signed a letter of intent with the Kon Tum Provincial Centre for Disease Control (CDC); the CDC will set out its content by the end of the year.",
			[]string{"fr-hcl", "vn-hue-central"}},
	})
}

// TestDomesticPairAndAForeignPartnerOfOne checks that two institutions of
// one country leading the page are its only parties: a foreign institute
// one of them works with, told once further down, is no party, and the
// page reports no international event.
func TestDomesticPairAndAForeignPartnerOfOne(t *testing.T) {
	text := "Bệnh viện Trung ương Huế ký kết hợp tác với Bệnh viện Đa khoa tỉnh Quảng Trị\n\n" +
		"Sáng 12/3, Bệnh viện Trung ương Huế và Bệnh viện Đa khoa tỉnh Quảng Trị đã ký kết thỏa thuận hợp tác chuyển giao kỹ thuật.\n\n" +
		"Theo thỏa thuận, Bệnh viện Trung ương Huế sẽ chuyển giao cho Bệnh viện Đa khoa tỉnh Quảng Trị kỹ thuật lọc máu liên tục.\n\n" +
		"Các bác sĩ của Quảng Trị sẽ được cử về Huế học tập trong sáu tháng.\n\n" +
		"Giám đốc Bệnh viện Đa khoa tỉnh Quảng Trị cho biết người bệnh sẽ không phải chuyển tuyến.\n\n" +
		"Bệnh viện Trung ương Huế là bệnh viện hạng đặc biệt, đang hợp tác với nhiều đối tác nước ngoài, trong đó có Bệnh viện Đại học Quốc gia Seoul (Hàn Quốc)."
	if evs := eventsOf(t, text, time.Date(2025, 3, 13, 0, 0, 0, 0, time.UTC)); len(evs) != 0 {
		t.Errorf("events = %+v, want none (a domestic agreement)", evs)
	}
}

// eventsOf extracts text as a page published on published and returns
// its events, failing the test on an error.
func eventsOf(t *testing.T, text string, published time.Time) []medcoop.Event {
	t.Helper()
	doc, err := Document(Input{Body: []byte(text), IsText: true, Published: published})
	if err != nil {
		t.Fatal(err)
	}
	return doc.Events
}

// oneEvent is the single event of text, failing the test if there is not exactly one.
func oneEvent(t *testing.T, text string, published time.Time) medcoop.Event {
	t.Helper()
	evs := eventsOf(t, text, published)
	if len(evs) != 1 {
		t.Fatalf("events = %d, want 1", len(evs))
	}
	return evs[0]
}

// TestBareCueUnderHeadline checks that a bare word of the event in the
// lede ("course") tells the event the headline names, and does not
// without such a headline or inside a name.
func TestBareCueUnderHeadline(t *testing.T) {
	lede := "A team of four doctors from Chiang Mai University Hospital began a ten-day stroke course at Ca Mau General Hospital on Monday."
	tests := []struct {
		name, text string
		want       int
	}{
		{"under a headline", "Thai stroke team begins ten-day course in Ca Mau\n\n" + lede, 1},
		{"under a headline with no cue", "Thai doctors arrive in Ca Mau\n\n" + lede, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := len(eventsOf(t, tt.text, time.Date(2024, 9, 13, 0, 0, 0, 0, time.UTC))); got != tt.want {
				t.Errorf("events = %d, want %d", got, tt.want)
			}
		})
	}
	t.Run("inside a name", func(t *testing.T) {
		text := "Bạc Liêu tiếp nhận thiết bị hồi sức từ Hàn Quốc\n\n" +
			"Đại diện Cơ quan Hợp tác Quốc tế Hàn Quốc có mặt tại Bệnh viện Đa khoa tỉnh Bạc Liêu hôm qua."
		_, m, err := Explain(Input{Body: []byte(text), IsText: true, Published: time.Date(2024, 9, 13, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if slices.ContainsFunc(m.CueSentences, func(si int) bool { return strings.Contains(m.Sentences[si].Text, "Đại diện") }) {
			t.Errorf("cue sentences %v hold the lede, whose only cue is inside a name", m.CueSentences)
		}
	})
}

// TestForeignName checks which discovered names look foreign: one with a
// word that is neither a Vietnamese syllable nor a generic word of names.
func TestForeignName(t *testing.T) {
	m := mentions{lang: "vi"}
	for name, want := range map[string]bool{
		"Great Ormond Street Hospital":           true,
		"Bệnh viện Hermanos Ameijeiras":          true,
		"Ninh Thuan Provincial General Hospital": false,
		"Bệnh viện ĐKQT Thu Cúc":                 false, // an acronym says nothing
		"Children's Hospital 2":                  false,
		"Bệnh viện Quốc tế City":                 false,
	} {
		if got := m.foreignName(name); got != want {
			t.Errorf("foreignName(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestDelegationOfACity checks that a headline naming a city for its
// institution ("une délégation de Hué") makes the institution of that city
// the lede names a party, and that a sentence on another delegation is not
// this event's.
func TestDelegationOfACity(t *testing.T) {
	checkParties(t, []partyCase{
		{"fr", "Une délégation de Hué en visite au CHU d'Amiens\n\n" +
			"Cinq médecins de l'hôpital central de Hué ont passé la semaine au CHU d'Amiens pour préparer un service de dialyse.\n\n" +
			"Le CHU a reçu en mai une autre délégation, venue de l'hôpital universitaire de Sfax, en Tunisie, pour la chirurgie ambulatoire.",
			[]string{"fr-chu-amiens", "vn-hue-central"}},
		{"en", "Hue delegation visits CHU Amiens\n\n" +
			"Five doctors from Hue Central Hospital spent the week at CHU Amiens to prepare a dialysis unit.\n\n" +
			"The hospital hosted another delegation in May, from Sfax University Hospital in Tunisia.",
			[]string{"fr-chu-amiens", "vn-hue-central"}},
	})
}

// TestPartnerNamedWithTheProgramme checks that the sentence naming who a
// course is run with ("run with", "en partenariat avec", "phối hợp với")
// or whom it trains ("a formé … les infirmiers de") tells a party, and
// that an apposition describing that party ("l'hôpital pédiatrique de
// Siem Reap") is not another.
func TestPartnerNamedWithTheProgramme(t *testing.T) {
	checkParties(t, []partyCase{
		{"en", "Lyon surgeons begin a dialysis course in Hanoi\n\n" +
			"Surgeons from Hospices Civils de Lyon on Monday began a training course in Hanoi for nurses who run dialysis units.\n\n" +
			"The course, run with Bach Mai Hospital, brings together thirty nurses from the north of the country.",
			[]string{"fr-hcl", "vn-bach-mai"}},
		{"fr", "Des chirurgiens lyonnais forment des infirmiers vietnamiens\n\n" +
			"Des chirurgiens des Hospices civils de Lyon ont ouvert lundi une session de formation à Hanoï pour des infirmiers de dialyse.\n\n" +
			"La session, organisée en partenariat avec l'hôpital Bach Mai, réunit trente infirmiers du nord du pays.",
			[]string{"fr-hcl", "vn-bach-mai"}},
		{"an apposition in the partner's city is the partner", "Des soignants nîmois forment leurs collègues cambodgiens\n\n" +
			"Une équipe du CHU de Nîmes a formé en juin les infirmiers de l'Angkor Hospital for Children, l'hôpital pédiatrique de Siem Reap.",
			[]string{"fr-chu-nimes", "kh-angkor-hospital-for-children"}},
		{"vi", "Khai giảng lớp tập huấn lọc máu cho điều dưỡng\n\n" +
			"Sáng thứ Hai, các chuyên gia Hospices Civils de Lyon đã khai giảng lớp tập huấn về lọc máu cho điều dưỡng.\n\n" +
			"Lớp học do Bệnh viện Bạch Mai phối hợp với các chuyên gia tổ chức, gồm 30 điều dưỡng các tỉnh phía Bắc.",
			[]string{"fr-hcl", "vn-bach-mai"}},
	})
}

// TestSubjectGoesOn checks that a cue in a sentence opening on a subject
// pronoun ("Elles", "They", "Họ") makes the institutions of the sentence
// before it, whose subject the pronoun takes up, parties.
func TestSubjectGoesOn(t *testing.T) {
	checkParties(t, []partyCase{
		{"fr", "Des infirmières lyonnaises arrivent à Hué\n\n" +
			"Trois infirmières des Hospices civils de Lyon sont arrivées lundi à Hué. " +
			"Elles ouvrent le programme d'échange conclu l'an dernier avec l'hôpital central de Hué.",
			[]string{"fr-hcl", "vn-hue-central"}},
		{"en", "Lyon nurses arrive in Hue\n\n" +
			"Three nurses from Hospices Civils de Lyon arrived in Hue on Monday. " +
			"They open the exchange programme agreed last year with Hue Central Hospital.",
			[]string{"fr-hcl", "vn-hue-central"}},
		{"vi", "Điều dưỡng Lyon đến Huế\n\n" +
			"Ba điều dưỡng của Hospices Civils de Lyon đã đến Huế hôm thứ Hai. " +
			"Họ mở đầu chương trình trao đổi đã ký năm ngoái với Bệnh viện Trung ương Huế.",
			[]string{"fr-hcl", "vn-hue-central"}},
		// The pronoun after a short opening phrase.
		{"fr", "Des infirmières lyonnaises à Hué\n\n" +
			"Trois infirmières des Hospices civils de Lyon sont arrivées lundi à Hué. " +
			"Pendant un mois, elles formeront les équipes de l'hôpital central de Hué.",
			[]string{"fr-hcl", "vn-hue-central"}},
	})
}

// TestAcronymFollowsName checks that a found name's acronym names the
// institution the name resolves to: "National University Hospital (NUH)
// in Singapore" is Singapore's, and so is every later "NUH".
func TestAcronymFollowsName(t *testing.T) {
	checkParties(t, []partyCase{
		{"en", "NUH to train Hanoi stroke team\n\n" +
			"Stroke specialists from the National University Hospital (NUH) in Singapore will train doctors of E Hospital under a programme launched on Wednesday. " +
			"NUH nurses will also train the nurses of E Hospital. NUH will host two doctors for training.",
			[]string{"sg-nuh", "vn-e-hospital"}},
	})
}

// TestSubjectDoesNotGoOn checks that the pronoun rule keeps to its
// paragraph, to a pronoun as written ("Hỗ trợ" is not "Họ") and to a
// sentence before it that tells no other event ("Separately, …").
func TestSubjectDoesNotGoOn(t *testing.T) {
	published := time.Date(2025, 6, 20, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ name, text, notParty string }{
		{"another paragraph", "Lille nurses train in Hue\n\n" +
			"Three nurses from Hospices Civils de Lyon arrived in Hue on Monday.\n\n" +
			"They open the exchange programme agreed last year between CHU Lille and Hue Central Hospital.",
			"fr-hcl"},
		{"hỗ is not họ", "Bệnh viện Trung ương Huế nhận thiết bị\n\n" +
			"Các chuyên gia của Hospices Civils de Lyon đã có mặt tại Huế từ thứ Hai. " +
			"Hỗ trợ thiết bị lần này do Bệnh viện Đại học Lille trao tặng Bệnh viện Trung ương Huế.",
			"fr-hcl"},
		{"a clause of its own", "Lille and Hue start an exchange\n\n" +
			"Three nurses from Hospices Civils de Lyon arrived in Hue on Monday. " +
			"When students arrived, they opened the exchange programme agreed last year between CHU Lille and Hue Central Hospital.",
			"fr-hcl"},
		{"another event before", "Lille and Hue start an exchange\n\n" +
			"Separately, Hue Central Hospital hosted doctors from Seoul National University Hospital. " +
			"They open the exchange programme agreed last year between CHU Lille and Hue Central Hospital.",
			"kr-snuh"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ev := oneEvent(t, tt.text, published)
			if ids := partyIDs(ev); slices.Contains(ids, tt.notParty) {
				t.Errorf("parties %v hold %s", ids, tt.notParty)
			}
		})
	}
}

// partyCase is a text and the ids of the parties its one event must have.
type partyCase struct {
	name, text string
	want       []string // party ids, in any order
}

// checkParties checks the parties of each case's one event.
func checkParties(t *testing.T, tests []partyCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := oneEvent(t, tt.text, time.Date(2025, 6, 20, 0, 0, 0, 0, time.UTC))
			if got := partyIDs(ev); !slices.Equal(got, tt.want) {
				t.Errorf("parties %v, want %v", got, tt.want)
			}
		})
	}
}

// TestStayInLede checks that a stay of months in the lede, under a
// headline that tells a training, is that training's act, and that after
// a lede sentence with a strong cue it adds no party: the hospital where
// the interns stay only hosts them.
func TestStayInLede(t *testing.T) {
	checkParties(t, []partyCase{
		{"a stay under a training headline", "Quatre soignants laotiens se forment à la dialyse au CHU de Rennes\n\n" +
			"Arrivés le 3 mars, quatre soignants de l'hôpital Mahosot, au Laos, passent trois mois dans le service de néphrologie du CHU de Rennes.\n\n" +
			"« La dialyse s'apprend au lit du malade », explique le Pr Yann Le Goff.",
			[]string{"fr-chu-rennes", "la-mahosot"}},
		{"a stay after the signing", "Montpellier ouvre un échange d'internes avec Hué\n\n" +
			"L'université de Montpellier et l'université de médecine et de pharmacie de Hué ont lancé en janvier un programme d'échange d'internes. " +
			"Deux internes vietnamiennes passeront six mois au Centre hospitalier Le Vinatier.",
			[]string{"fr-u-montpellier", "vn-hue-ump"}},
	})
}

// TestSingularPronounGoesOn checks that "Il a signé…" after a sentence
// that names a speaker's institution makes that institution a party.
func TestSingularPronounGoesOn(t *testing.T) {
	checkParties(t, []partyCase{
		{"il", "Le CHU de Bordeaux équipe la maternité de Battambang\n\n" +
			"Le 14 octobre, le CHU de Bordeaux a remis au département provincial de la santé de Battambang huit couveuses.\n\n" +
			"Le Dr Chan Dara, directeur du département provincial de la santé, a salué ce soutien. Il a signé le procès-verbal de remise avec la délégation.",
			[]string{"fr-chu-bordeaux", lexicon.DiscoveredID("département provincial de la santé de Battambang")}},
		{"an impersonal il", "Le CHU de Bordeaux équipe la maternité de Battambang\n\n" +
			"Le 14 octobre, le CHU de Bordeaux a remis au département provincial de la santé de Battambang huit couveuses.\n\n" +
			"Le directeur du département provincial de la santé a signé le procès-verbal de remise.\n\n" +
			"Le Dr Chan Dara, de l'hôpital Calmette, était présent. Il y a deux ans, la délégation a signé une première convention.",
			[]string{"fr-chu-bordeaux", lexicon.DiscoveredID("département provincial de la santé de Battambang")}},
	})
}

// TestShortenedName checks that a name repeated with a generic word left
// out ("général") is the institution the page names in full.
func TestShortenedName(t *testing.T) {
	checkParties(t, []partyCase{
		{"repeated without général", "Grenoble signe avec l'hôpital de l'Amitié de Nghe An\n\n" +
			"Le CHU Grenoble Alpes a signé lundi un accord avec l'hôpital général de l'Amitié de Nghe An. " +
			"L'hôpital de l'Amitié de Nghe An et le CHU Grenoble Alpes coopéreront contre l'AVC.",
			[]string{"fr-chu-grenoble", "vn-bvdk-nghe-an"}},
	})
	drop := []string{"general", "provincial"}
	for _, tt := range []struct {
		short, full string
		want        bool
	}{
		{"hopital de l amitie de nghe an", "hopital general de l amitie de nghe an", true},
		{"hopital de nghe an", "hopital general provincial de nghe an", true},
		{"hopital de nghe an", "hopital pediatrique de nghe an", false},      // a word that is no filler
		{"hopital general de nghe an", "hopital general de nghe an", false},  // nothing dropped
		{"hopital de vinh", "hopital general de l amitie de nghe an", false}, // another name
		{"hopital", "hopital general", false},                                // one word says nothing
	} {
		if got := shortenedName(strings.Fields(tt.short), strings.Fields(tt.full), drop); got != tt.want {
			t.Errorf("shortenedName(%q, %q) = %v, want %v", tt.short, tt.full, got, tt.want)
		}
	}
}

// TestFoundNameGlossed checks that a found name glossed in brackets by
// another found name ("X (Kaohsiung Veterans General Hospital)") is one
// institution, named by the gloss.
func TestFoundNameGlossed(t *testing.T) {
	checkParties(t, []partyCase{
		{"named in the headline too", "Bệnh viện Cựu chiến binh Cao Hùng đào tạo cho Bệnh viện Đa khoa tỉnh Cà Mau\n\n" +
			"Sáng 9/9, Bệnh viện Đa khoa tỉnh Cà Mau khai giảng khóa đào tạo do các chuyên gia của Bệnh viện Cựu chiến binh Cao Hùng (Kaohsiung Veterans General Hospital) giảng dạy.",
			[]string{"vn-bvdk-ca-mau", lexicon.DiscoveredID("Kaohsiung Veterans General Hospital")}},
		{"vi", "Chuyên gia Cao Hùng đào tạo cho Bệnh viện Đa khoa tỉnh Cà Mau\n\n" +
			"Sáng 9/9, Bệnh viện Đa khoa tỉnh Cà Mau khai giảng khóa đào tạo do các chuyên gia của Bệnh viện Cựu chiến binh Cao Hùng (Kaohsiung Veterans General Hospital) giảng dạy.",
			[]string{"vn-bvdk-ca-mau", lexicon.DiscoveredID("Kaohsiung Veterans General Hospital")}},
	})
}

// domainCodes returns the codes of ev's domains, in order.
func domainCodes(ev medcoop.Event) []string {
	var codes []string
	for _, d := range ev.Domains {
		codes = append(codes, d.Code)
	}
	return codes
}

// personNames returns the names of ev's people, in order.
func personNames(ev medcoop.Event) []string {
	var names []string
	for _, p := range ev.People {
		names = append(names, p.Name)
	}
	return names
}

// partyIDs returns the ids of an event's parties, sorted.
func partyIDs(ev medcoop.Event) []string {
	var ids []string
	for _, p := range ev.Parties {
		ids = append(ids, p.ID)
	}
	slices.Sort(ids)
	return ids
}

// TestCountryInDiscoveredName checks that a partner the gazetteer does not
// know gets the country its own name gives ("Đại học … Quốc gia Nga").
func TestCountryInDiscoveredName(t *testing.T) {
	ev := oneEvent(t, "Bệnh viện Bạch Mai hợp tác đào tạo gây mê\n\n"+
		"Hôm qua, Bệnh viện Bạch Mai ký thỏa thuận hợp tác với Trường Đại học Y khoa Nghiên cứu Quốc gia Nga về đào tạo gây mê.",
		time.Date(2025, 6, 20, 0, 0, 0, 0, time.UTC))
	if !slices.Equal(ev.Countries, []string{"RU", "VN"}) {
		t.Errorf("countries %v, want [RU VN]", ev.Countries)
	}
}

// TestCountryInBracketsAfterFoundName checks that a found name takes the
// country of the place in brackets right after it, not of the partner's
// province named just before it.
func TestCountryInBracketsAfterFoundName(t *testing.T) {
	ev := oneEvent(t, "Hai bệnh viện hai bên biên giới ký kết hợp tác\n\n"+
		"Sáng 3/9, tại thành phố Lào Cai, Bệnh viện Đa khoa tỉnh Lào Cai và Bệnh viện Nhân dân huyện Mã Quan (tỉnh Vân Nam, Trung Quốc) đã ký kết thỏa thuận hợp tác về cấp cứu.",
		time.Date(2025, 9, 4, 0, 0, 0, 0, time.UTC))
	if !slices.Equal(ev.Countries, []string{"CN", "VN"}) {
		t.Errorf("countries %v, want [CN VN]", ev.Countries)
	}
}

// TestDescribedPartner checks that a partner a cue sentence or a
// headline describes by its country and kind ("Vietnam's leading lung
// hospital", "un hôpital laotien") is the one institution of that country
// and kind the page names elsewhere, and no one when it names two.
func TestDescribedPartner(t *testing.T) {
	tests := []struct {
		name, text string
		parties    []string // nil: no event
	}{
		{"in the lede", "Lung scans to be read by software\n\n" +
			"Vietnam's leading lung hospital and Seoul National University Hospital on Monday launched a two-year study on lung nodules.\n\n" +
			"Some 2,000 patients of Bach Mai Hospital will take part.",
			[]string{"kr-snuh", "vn-bach-mai"}},
		{"in the headline", "Le CHU de Brest équipe un hôpital laotien\n\n" +
			"Le CHU de Brest a remis mardi deux échographes.\n\n" +
			"Ils serviront au service de radiologie de l'hôpital Mahosot, à Vientiane.",
			[]string{"fr-chu-brest", "la-mahosot"}},
		{"two of that country", "Lung scans to be read by software\n\n" +
			"Vietnam's leading lung hospital and Seoul National University Hospital on Monday launched a two-year study on lung nodules.\n\n" +
			"Some 2,000 patients of Bach Mai Hospital and Cho Ray Hospital will take part.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := eventsOf(t, tt.text, time.Date(2025, 6, 20, 0, 0, 0, 0, time.UTC))
			if tt.parties == nil {
				if len(evs) != 0 {
					t.Errorf("events %+v, want none", evs)
				}
				return
			}
			if len(evs) != 1 {
				t.Fatalf("events = %d, want 1", len(evs))
			}
			if got := partyIDs(evs[0]); !slices.Equal(got, tt.parties) {
				t.Errorf("parties %v, want %v", got, tt.parties)
			}
		})
	}
}

// TestVisitForASigning checks that a visit during which the partners
// signed is that signing, when the lede says so in the next sentence, and
// that a visit with no signing, or a signing told paragraphs later, stays a
// visit.
func TestVisitForASigning(t *testing.T) {
	tests := []typeCase{
		{"fr a memorandum signed during the visit", "Le CHU de Brest reçoit Hué\n\n" +
			"Une délégation de l'hôpital central de Hué était reçue mardi au CHU de Brest. Les deux hôpitaux ont signé à cette occasion un mémorandum d'entente sur la dialyse.",
			medcoop.MOUSigned},
		{"en an agreement signed during the visit", "Hue in Brest\n\n" +
			"A delegation from Hue Central Hospital visited CHU Brest on Tuesday. The two hospitals signed a cooperation agreement on dialysis during the visit.",
			medcoop.AgreementSigned},
		{"fr a visit alone", "Le CHU de Brest reçoit Hué\n\n" +
			"Une délégation de l'hôpital central de Hué était reçue mardi au CHU de Brest. Les médecins ont visité le service de dialyse.",
			medcoop.DelegationVisit},
		{"fr an earlier signing paragraphs later", "Le CHU de Brest reçoit Hué\n\n" +
			"Une délégation de l'hôpital central de Hué était reçue mardi au CHU de Brest pour préparer une unité de dialyse.\n\n" +
			"Les deux hôpitaux avaient signé une convention en 2019.",
			medcoop.DelegationVisit},
		{"fr a weak headline word gives way to the lede", "Quatre internes de Hué en stage à Brest\n\n" +
			"Depuis lundi, quatre internes de l'Université de médecine et de pharmacie de Hué sont accueillis au CHU de Brest, " +
			"dans le cadre du programme d'échange lancé par les deux établissements.",
			medcoop.ExchangeProgramme},
		{"fr an agreement signed to exchange students", "Des étudiants de Hué à Brest\n\n" +
			"L'Université de médecine et de pharmacie de Hué et le CHU de Brest ont signé jeudi un accord d'échange d'étudiants en médecine.",
			medcoop.ExchangeProgramme},
		{"vi an agreement signed to exchange students", "Sinh viên Huế sang Brest\n\n" +
			"Trường Đại học Y Dược Huế và Bệnh viện Đại học Brest đã ký thỏa thuận trao đổi sinh viên y khoa vào thứ Năm.",
			medcoop.ExchangeProgramme},
		{"vi a team the headline says teaches", "Chuyên gia Pháp chuyển giao kỹ thuật mổ tim cho Bệnh viện Trung ương Huế\n\n" +
			"Từ ngày 15 đến 19/6, đoàn y, bác sĩ Bệnh viện Đại học Lille đã làm việc tại Bệnh viện Trung ương Huế.",
			medcoop.TrainingProgramme},
		{"en a visit to discuss training stays a visit", "Lille doctors visit Hue\n\n" +
			"A delegation from CHU Lille visited Hue Central Hospital on Monday to discuss cooperation in training.",
			medcoop.DelegationVisit},
		{"en a living donor is no donation", "Korean hospital to train Hue surgeons in liver transplants\n\n" +
			"Asan Medical Center will train surgeons from Hue Central Hospital to perform liver transplants from living donors, under a programme opened on Monday.",
			medcoop.TrainingProgramme},
	}
	checkTypes(t, tests)
}

// TestFunderIsNotParty checks that an agency that funds a programme
// ("funded by", "financé par", "do … tài trợ") is not a party to it.
func TestFunderIsNotParty(t *testing.T) {
	checkParties(t, []partyCase{
		{"vi", "Bạch Mai mở khóa đào tạo với Đại học Kanazawa\n\n" +
			"Sáng 12/6, Bệnh viện Bạch Mai phối hợp với Đại học Kanazawa (Nhật Bản) khai giảng khóa đào tạo về lọc máu. " +
			"Đây là khóa đầu tiên của chương trình do Cơ quan Hợp tác Quốc tế Nhật Bản (JICA) tài trợ.",
			[]string{"vn-bach-mai", lexicon.DiscoveredID("Đại học Kanazawa")}},
		{"en", "Bach Mai and Kanazawa open a dialysis course\n\n" +
			"Bach Mai Hospital and Kanazawa University opened a training course on dialysis on June 12. " +
			"The course is funded by the Japan International Cooperation Agency (JICA).",
			[]string{"vn-bach-mai", lexicon.DiscoveredID("Kanazawa University")}},
		{"fr", "Bach Mai et Kanazawa ouvrent une formation\n\n" +
			"L'hôpital Bach Mai et l'université de Kanazawa ont lancé le 12 juin une formation à la dialyse. " +
			"Le programme est financé par l'Agence japonaise de coopération internationale (JICA).",
			[]string{"vn-bach-mai", lexicon.DiscoveredID("université de Kanazawa")}},
		// A ministry whose representative attends is a witness.
		{"fr", "Le CHU de Bordeaux prolonge de cinq ans son partenariat avec l'hôpital Mittaphab de Vientiane" + "\n\n" +
			"Le CHU de Bordeaux et l'hôpital Mittaphab de Vientiane ont renouvelé jeudi dernier, pour cinq ans, la convention qui les lie depuis 2014. Le document a été signé à Bordeaux par la directrice générale adjointe du CHU et par le Dr Khamphone Sisavath, directeur de l'établissement laotien, en présence d'un représentant du ministère laotien de la Santé.",
			[]string{"fr-chu-bordeaux", "la-mittaphab"}},
		// Every institution a sentence of attendance names is a witness,
		// the second of a list too.
		{"fr", "Le CHU de Rennes signe avec l'hôpital Mahosot\n\n" +
			"Le CHU de Rennes et l'hôpital Mahosot ont signé lundi un protocole d'accord sur l'hygiène. " +
			"La signature s'est déroulée en présence d'un représentant du ministère lao de la Santé et de la Fondation Mérieux, qui a facilité les échanges.",
			[]string{"fr-chu-rennes", "la-mahosot"}},
		// The place of a signing between two others is their host.
		{"vi", "Trường Đại học Y Dược Cần Thơ ký kết hợp tác với CHU Rennes\n\n" +
			"Sáng 12/3, tại Bệnh viện Đa khoa Trung ương Cần Thơ, Trường Đại học Y Dược Cần Thơ và CHU Rennes đã ký kết biên bản ghi nhớ về đào tạo bác sĩ nội trú.",
			[]string{"fr-chu-rennes", "vn-ctump"}},
		// A place after the actor is where the trainees go, not a host.
		{"fr", "Bach Mai forme ses anesthésistes à Rennes\n\n" +
			"L'hôpital Bach Mai a envoyé deux anesthésistes en formation au CHU de Rennes, avec le soutien de la Fondation Mérieux.",
			[]string{"fr-chu-rennes", "vn-bach-mai"}},
		// A host said to be no party.
		{"fr", "Bach Mai et le CHU de Rennes lancent un échange d'étudiants\n\n" +
			"L'hôpital Bach Mai et le CHU de Rennes ont signé lundi un accord d'échange d'étudiants infirmiers. " +
			"Les étudiants rennais feront leur stage à l'hôpital Viet Duc, qui les accueille sans être partie à l'accord.",
			[]string{"fr-chu-rennes", "vn-bach-mai"}},
	})
}

// TestHospitalNamedByItsCity checks that "l'hôpital de Da Nang", in a page
// whose partner is another Da Nang hospital named in full, is that
// partner (and its director speaks for it), and that alone it is the
// city's general hospital; and that a headline's "un hôpital du Laos" is
// the page's one Laotian hospital, and stays itself beside two.
func TestHospitalNamedByItsCity(t *testing.T) {
	oncology := lexicon.DiscoveredID("hôpital d'oncologie de Da Nang")
	tests := []struct {
		name, text string
		parties    []string
		person     string // the affiliation of the one person
	}{
		{"shortened partner", "Le CHRU de Tours signe avec Da Nang\n\n" +
			"Le CHRU de Tours et l'hôpital d'oncologie de Da Nang ont signé mardi une convention sur la radiothérapie. " +
			"« Nous manquons de physiciens », a déclaré le Dr Tran Quang Vu, directeur adjoint de l'hôpital de Da Nang.",
			[]string{"fr-chu-tours", oncology}, oncology},
		{"shortened to its province", "Le CHU de Poitiers forme l'hôpital d'oncologie de Nghe An\n\n" +
			"Le CHU de Poitiers et l'hôpital d'oncologie de Nghe An ont signé mardi une convention sur la radiothérapie. " +
			"« Nous manquons de physiciens », a déclaré le Dr Tran Quang Vu, directeur adjoint de l'hôpital de Nghe An.",
			[]string{"fr-chu-poitiers", "vn-ung-buou-nghe-an"}, "vn-ung-buou-nghe-an"},
		{"a found university shortened", "Le CHRU de Tours signe avec Thai Binh\n\n" +
			"Le CHRU de Tours et l'Université technique médicale de Thai Binh ont signé mardi une convention sur la radiologie. " +
			"« Nous manquons de manipulateurs », a déclaré le Dr Tran Quang Vu, vice-recteur de l'université de Thai Binh.",
			[]string{"fr-chu-tours", lexicon.DiscoveredID("Université technique médicale de Thai Binh")},
			lexicon.DiscoveredID("Université technique médicale de Thai Binh")},
		{"the city's hospital alone", "Le CHRU de Tours signe avec Da Nang\n\n" +
			"Le CHRU de Tours et l'hôpital de Da Nang ont signé mardi une convention sur la radiothérapie. " +
			"« Nous manquons de physiciens », a déclaré le Dr Tran Quang Vu, directeur adjoint de l'hôpital de Da Nang.",
			[]string{"fr-chu-tours", "vn-da-nang-hospital"}, "vn-da-nang-hospital"},
		{"a found hospital shortened, with a local name too", "Oregon team trains nurses at Central Highlands hospital\n\n" +
			"Oregon Health & Science University opened a training course in palliative care on Monday at the Central Highlands Regional General Hospital. " +
			"\"Pain control is not a luxury,\" said Dr Y Thuat Nie, deputy director of Tay Nguyen Hospital.",
			[]string{lexicon.DiscoveredID("Central Highlands Regional General Hospital"), lexicon.DiscoveredID("Oregon Health & Science University")},
			lexicon.DiscoveredID("Central Highlands Regional General Hospital")},
		{"named by its country in the headline", "Le CHU de Brest équipe un hôpital du Laos\n\n" +
			"Le CHU de Brest a remis mardi deux échographes à l'hôpital provincial de Xieng Khouang. " +
			"« Ils serviront dès demain », a déclaré le Dr Bounthanh Sayavong, directeur de l'hôpital provincial de Xieng Khouang.",
			[]string{"fr-chu-brest", "la-xiengkhouang-hospital"}, "la-xiengkhouang-hospital"},
		{"named by its region", "Thai nurses teach stroke care in Can Tho\n\n" +
			"Chiang Mai University Hospital signed a training agreement with Can Tho Central General Hospital on Monday, the Mekong Delta hospital said. " +
			"\"Our nurses will learn swallowing tests,\" said Dr Tran Van Loc, director of the Mekong Delta hospital.",
			[]string{"th-chiang-mai-university", "vn-can-tho-central"}, "vn-can-tho-central"},
		{"the headline's city holds two of them", "Chiang Mai faculty and Hue school launch student exchange\n\n" +
			"Chiang Mai University and Hue University of Medicine and Pharmacy signed a student exchange agreement on Monday. " +
			"From next year, ten Hue students will spend a month in the wards of Maharaj Nakorn Chiang Mai Hospital, where the Thai faculty teaches.\n\n" +
			"\"Our students need to see other hospitals,\" said Dr Le Van An, vice-rector of Hue University of Medicine and Pharmacy.",
			[]string{"th-chiang-mai-university", "vn-hue-ump"}, "vn-hue-ump"},
		{"named by its country, two of that country", "Le CHU de Brest équipe un hôpital du Laos\n\n" +
			"Le CHU de Brest a remis mardi deux échographes à l'hôpital provincial de Xieng Khouang, sur le conseil de l'hôpital Mahosot. " +
			"« Ils serviront dès demain », a déclaré le Dr Bounthanh Sayavong, directeur de l'hôpital provincial de Xieng Khouang.",
			[]string{"fr-chu-brest", "la-mahosot", "la-xiengkhouang-hospital", lexicon.DiscoveredID("hôpital du Laos")}, "la-xiengkhouang-hospital"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := oneEvent(t, tt.text, time.Date(2025, 6, 20, 0, 0, 0, 0, time.UTC))
			if got := partyIDs(ev); !slices.Equal(got, tt.parties) {
				t.Errorf("parties %v, want %v", got, tt.parties)
			}
			if len(ev.People) != 1 || ev.People[0].Affiliation != tt.person {
				t.Errorf("people %+v, want one of %s", ev.People, tt.person)
			}
		})
	}
}

// TestOneInstitutionWrittenTwoWays checks that the rest of a known name
// ("Vinmec Times City International Hospital"), a found name written with
// and without its city, and a description after a comma ("principal
// hôpital ophtalmologique public du Cambodge") add no party.
func TestOneInstitutionWrittenTwoWays(t *testing.T) {
	checkParties(t, []partyCase{
		// A list is no apposition: three parties, the middle one found.
		{"fr", "Bergonié, Vichy et Cho Ray signent\n\n" +
			"L'Institut Bergonié, le centre hospitalier de Vichy et l'hôpital Cho Ray ont signé lundi une convention sur les sarcomes.",
			[]string{"fr-institut-bergonie", "vn-cho-ray", lexicon.DiscoveredID("centre hospitalier de Vichy")}},
		// A description after an acronym, naming a kind of hospital and a
		// city: neither a new party nor that city's university hospital.
		{"fr", "Bergonié et Cho Ray signent sur les sarcomes\n\n" +
			"L'Institut Bergonié (IB), centre de lutte contre le cancer de Bordeaux, et l'hôpital Cho Ray ont signé lundi une convention sur les sarcomes.",
			[]string{"fr-institut-bergonie", "vn-cho-ray"}},
		// The same, after a name whose city the gazetteer knows, naming
		// the region.
		{"fr", "Bergonié et Cho Ray signent sur les sarcomes\n\n" +
			"L'Institut Bergonié, centre de lutte contre le cancer de Nouvelle-Aquitaine, et l'hôpital Cho Ray ont signé lundi une convention sur les sarcomes.",
			[]string{"fr-institut-bergonie", "vn-cho-ray"}},
		{"en", "Vinmec and Lyon sign on transplants\n\n" +
			"Hospices Civils de Lyon signed a memorandum on Monday with Vinmec Times City International Hospital on stem cell transplants.",
			[]string{"fr-hcl", "vn-vinmec"}},
		{"fr", "La Fondation Rothschild renouvelle sa convention avec Phnom Penh\n\n" +
			"L'Hôpital Fondation Adolphe de Rothschild et l'hôpital Preah Ang Duong de Phnom Penh, principal hôpital ophtalmologique public du Cambodge, ont renouvelé mardi leur convention. " +
			"Le directeur de l'hôpital Preah Ang Duong a salué le partenariat.",
			[]string{"fr-fondation-rothschild", lexicon.DiscoveredID("hôpital Preah Ang Duong de Phnom Penh")}},
		// A description with an adjective, naming no place, or the known
		// institution's own city.
		{"fr", "Gustave Roussy et Calmette signent sur le cancer du sein\n\n" +
			"Gustave Roussy, premier centre de lutte contre le cancer en Europe, et l'hôpital Calmette ont signé lundi un mémorandum sur le cancer du sein.",
			[]string{"fr-gustave-roussy", "kh-calmette"}},
		// A description followed by "et" is an item of a list.
		{"fr", "Calmette, Becquerel et Bach Mai signent\n\n" +
			"L'hôpital Calmette, le centre de lutte contre le cancer Henri-Becquerel et l'hôpital Bach Mai ont signé lundi une convention sur les sarcomes.",
			[]string{"kh-calmette", "vn-bach-mai", lexicon.DiscoveredID("centre de lutte contre le cancer Henri-Becquerel")}},
		// "associé à" alone is "together with": both are parties.
		{"fr", "Rennes et Bach Mai lancent une étude\n\n" +
			"Le CHU de Rennes, associé à l'hôpital Bach Mai, a lancé lundi une étude commune sur la dengue.",
			[]string{"fr-chu-rennes", "vn-bach-mai"}},
		{"fr", "Pointe-à-Pitre et La Havane lancent un échange\n\n" +
			"Le CHU de Guadeloupe a lancé lundi un programme d'échange avec l'hôpital Hermanos Ameijeiras, le grand hôpital universitaire de La Havane.",
			[]string{"cu-hermanos-ameijeiras", "fr-chu-guadeloupe"}},
		{"vi", "Bạch Mai mở khóa đào tạo với Đại học Y khoa Fujita\n\n" +
			"Sáng 18/11, Bệnh viện Bạch Mai phối hợp với Đại học Y khoa Fujita (Nhật Bản) khai giảng khóa đào tạo phục hồi chức năng. " +
			"Sáu chuyên gia của Bệnh viện Đại học Y khoa Fujita trực tiếp giảng dạy.",
			[]string{"vn-bach-mai", lexicon.DiscoveredID("Đại học Y khoa Fujita")}},
		{"en", "Korean and Vietnamese hospitals sign on digital records\n\n" +
			"Hue Central Hospital signed a memorandum on Monday with Seoul National University Bundang Hospital on electronic records.",
			[]string{"kr-snu", "vn-hue-central"}},
		{"en", "Osaka and Hue team up on antibiotics\n\n" +
			"Osaka University's Graduate School of Medicine and Hue Central Hospital launched a joint study on Monday on antibiotic resistance.",
			[]string{"jp-osaka-university-hospital", "vn-hue-central"}},
		// The headline's spelling is the one the acronym glosses below.
		{"vi", "Bệnh viện Nhi Đại học Hoàng hậu Fabiola ký kết với Bệnh viện Bạch Mai\n\n" +
			"Sáng 9/4, Bệnh viện Bạch Mai đã ký biên bản ghi nhớ với Bệnh viện Nhi Đại học Hoàng hậu Fabiola (HUDERF) về hồi sức sơ sinh.",
			[]string{"be-huderf", "vn-bach-mai"}},
	})
}

// TestEventDateOfAWireReport checks that a wire report's dateline ("KHON
// KAEN, June 19 –") is the day it was filed, not the event's ("yesterday"),
// and that a day named further down ("opened on Monday 8 September")
// makes a month said first ("this month") precise.
func TestEventDateOfAWireReport(t *testing.T) {
	tests := []struct {
		name, text string
		published  time.Time
		want       string
	}{
		{"dateline", "Khon Kaen hospital trains Lao nurses\n\n" +
			"KHON KAEN, June 19 – Srinagarind Hospital yesterday opened a training course for nurses from Champasak Provincial Hospital.",
			time.Date(2026, 6, 19, 0, 0, 0, 0, time.UTC), "2026-06-18"},
		{"the day within the month", "Singapore team trains Hanoi nurses\n\n" +
			"Nurses from KK Women's and Children's Hospital are in Hanoi this month to run a training course for nurses of Bach Mai Hospital.\n\n" +
			"The course opened on Monday 8 September.",
			time.Date(2025, 9, 11, 0, 0, 0, 0, time.UTC), "2025-09-08"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := oneEvent(t, tt.text, tt.published)
			if ev.Date == nil || ev.Date.Value != tt.want {
				t.Errorf("date = %+v, want %s", ev.Date, tt.want)
			}
		})
	}
}

// TestPeopleOfTheEvent checks that a specialist named with the role after
// the name and no title ("Sophie Vernet, virologue à l'Institut Pasteur")
// speaks for the event, and that a diplomat before whom it was signed ("en
// présence de Mme …, consule générale de France") is a witness, not one
// of its people.
func TestPeopleOfTheEvent(t *testing.T) {
	text := "L'Institut Pasteur et l'hôpital Bach Mai signent une convention\n\n" +
		"L'Institut Pasteur et l'hôpital Bach Mai ont signé lundi une convention sur le séquençage des virus, en présence de Mme Anne Roussel, consule générale de France.\n\n" +
		"« Les laboratoires manquent de bio-informaticiens », résume Sophie Vernet, virologue à l'Institut Pasteur."
	ev := oneEvent(t, text, time.Date(2025, 3, 12, 0, 0, 0, 0, time.UTC))
	names := personNames(ev)
	if !slices.Contains(names, "Sophie Vernet") || slices.Contains(names, "Anne Roussel") {
		t.Errorf("people = %v, want Sophie Vernet and not the consul", names)
	}
	// An office named without its country: a deputy minister who
	// attended is a witness too; a doctor who attended may be a party's.
	text = "Mahosot Hospital receives ventilators from Lyon\n\n" +
		"Mahosot Hospital took delivery on Monday of six ventilators donated by Hospices Civils de Lyon. " +
		"The ceremony was attended by Dr Somphone Keola, Deputy Minister of Health.\n\n" +
		"\"The machines will go to the intensive care unit,\" said Dr Vanh Sisavath, director of Mahosot Hospital."
	ev = oneEvent(t, text, time.Date(2025, 3, 12, 0, 0, 0, 0, time.UTC))
	names = personNames(ev)
	if !slices.Contains(names, "Vanh Sisavath") || slices.Contains(names, "Somphone Keola") {
		t.Errorf("people = %v, want Vanh Sisavath and not the deputy minister", names)
	}
	// Guests who speak: an ambassador for his country, a guest present at
	// the ceremony, a consul named again later.
	for _, tt := range []struct{ text, want, not string }{
		{"Le CHU de Rennes signe avec l'hôpital Calmette\n\n" +
			"Le CHU de Rennes et l'hôpital Calmette ont signé lundi une convention sur la dialyse. " +
			"L'ambassadeur, M. Paul Roux, a salué « une coopération concrète ». " +
			"« Nous manquons de néphrologues », a déclaré le Dr Sok Dara, directeur de l'hôpital Calmette.", "Sok Dara", "Paul Roux"},
		{"Le CHU de Rennes signe avec l'hôpital Calmette\n\n" +
			"Le CHU de Rennes et l'hôpital Calmette ont signé lundi une convention sur la dialyse. " +
			"Présent à la cérémonie, M. Chan Vuthy, du département des médicaments, a souhaité que l'expérience soit étendue. " +
			"« Nous manquons de néphrologues », a déclaré le Dr Sok Dara, directeur de l'hôpital Calmette.", "Sok Dara", "Chan Vuthy"},
		{"Bệnh viện Chợ Rẫy ký kết hợp tác với CHU Rennes\n\n" +
			"Sáng 12/3, Bệnh viện Chợ Rẫy và CHU Rennes đã ký kết thỏa thuận hợp tác về lọc máu. " +
			"Tham dự buổi lễ có ông Paul Roux, Tổng Lãnh sự Pháp tại TP.HCM. " +
			"TS.BS. Trần Văn Bình, Giám đốc Bệnh viện Chợ Rẫy, cho biết bệnh viện thiếu bác sĩ thận học. " +
			"Ông Paul Roux cho biết Pháp sẽ hỗ trợ học bổng.", "Trần Văn Bình", "Paul Roux"},
	} {
		ev := oneEvent(t, tt.text, time.Date(2025, 3, 12, 0, 0, 0, 0, time.UTC))
		names = personNames(ev)
		if !slices.Contains(names, tt.want) || slices.Contains(names, tt.not) {
			t.Errorf("people = %v, want %s and not %s", names, tt.want, tt.not)
		}
	}
}

// TestPartyIsNoPerson checks that a party's name said without its generic
// words before a role ("One Cho Ray pathologist") is not taken for a person.
func TestPartyIsNoPerson(t *testing.T) {
	text := "Cho Ray and Lille start a pathology study\n\n" +
		"Cho Ray Hospital and Lille University Hospital yesterday launched a joint research project on lymphoma slides.\n\n" +
		"One Cho Ray pathologist will work towards a PhD in Lille, said Dr. Tran Van Minh, head of pathology at Cho Ray Hospital."
	ev := oneEvent(t, text, time.Date(2025, 3, 12, 0, 0, 0, 0, time.UTC))
	names := personNames(ev)
	if !slices.Equal(names, []string{"Tran Van Minh"}) {
		t.Errorf("people = %v, want only Tran Van Minh", names)
	}
}

// TestCountryOnTheNextLine checks that a country opening the line after a
// short one ("Nhi khoa" above "Lào, …") is read in its own sentence: the
// short line's field neither panics nor is lost.
func TestCountryOnTheNextLine(t *testing.T) {
	text := "Bệnh viện Nhi Trung ương ký kết với Bệnh viện Mahosot\n\n" +
		"Sáng 12/3, Bệnh viện Nhi Trung ương và Bệnh viện Mahosot (Lào) đã ký thỏa thuận hợp tác về đào tạo.\n" +
		"Nhi khoa\nLào, hai bên sẽ trao đổi chuyên gia."
	ev := oneEvent(t, text, time.Date(2025, 3, 13, 0, 0, 0, 0, time.UTC))
	if !slices.ContainsFunc(ev.Domains, func(d medcoop.Domain) bool { return d.Code == "pediatrics" }) {
		t.Errorf("domains = %+v, want pediatrics among them", ev.Domains)
	}
}

// TestOnePartysOwnPast checks that a sentence about one party's own past
// ("accueille depuis plusieurs années des internes en cardiologie") gives
// no field, while the partnership's past in a renewal ("Engagé en 2015, le
// partenariat a permis d'ouvrir une unité d'hématologie") does.
func TestOnePartysOwnPast(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  string
	}{
		{"a party's own past", "Poitiers et Bach Mai signent sur la dialyse\n\n" +
			"Le CHU de Poitiers et l'hôpital Bach Mai ont signé lundi une convention sur la dialyse. " +
			"Le CHU de Poitiers, de son côté, accueille depuis plusieurs années des internes étrangers en cardiologie.",
			"nephrology", "cardiology"},
		{"the partnership's past in a renewal", "Poitiers et Bach Mai renouvellent leur convention\n\n" +
			"Le CHU de Poitiers et l'hôpital Bach Mai ont renouvelé lundi leur convention sur la dialyse. " +
			"Engagé en 2015, le partenariat a permis d'ouvrir à l'hôpital Bach Mai une unité d'hématologie pédiatrique.",
			"hematology", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := oneEvent(t, tt.text, time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC))
			codes := domainCodes(ev)
			if !slices.Contains(codes, tt.want) || tt.not != "" && slices.Contains(codes, tt.not) {
				t.Errorf("domains %v, want %s and not %q", codes, tt.want, tt.not)
			}
		})
	}
}

// TestFounderIsNoActor checks that a person named as an institution's
// founder ("Fondé en 1998 par le Dr X", "do bác sĩ X sáng lập") is history,
// not one of the event's people, while the signatories stay.
func TestFounderIsNoActor(t *testing.T) {
	tests := []struct{ name, text, founder string }{
		{"fr", "Le CHU de Tours et l'hôpital Calmette signent une convention\n\n" +
			"Le CHU de Tours et l'hôpital Calmette ont signé lundi une convention sur la néonatologie, a déclaré le Pr Jean Martel, directeur du CHU de Tours. " +
			"Fondé en 1998 par le pédiatre lyonnais Paul Berthier, le service de néonatologie de Calmette accueille 3 000 bébés par an.",
			"Paul Berthier"},
		{"vi", "Bệnh viện Bạch Mai ký kết với Bệnh viện Đại học Kyoto\n\n" +
			"Sáng 12/3, Bệnh viện Bạch Mai và Bệnh viện Đại học Kyoto đã ký kết thỏa thuận hợp tác về hồi sức, PGS.TS. Lê Văn Thành, Giám đốc Bệnh viện Bạch Mai, cho biết. " +
			"Khoa Hồi sức tích cực do GS. Trần Hữu Lộc sáng lập năm 1974.",
			"Trần Hữu Lộc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkSignatoryAlone(t, tt.text, tt.founder) })
	}
}

// checkSignatoryAlone checks that the one event of text has one person,
// and that it is not the one named other (a founder, a patient).
func checkSignatoryAlone(t *testing.T, text, other string) {
	t.Helper()
	ev := oneEvent(t, text, time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC))
	names := personNames(ev)
	if len(names) != 1 || slices.Contains(names, other) {
		t.Errorf("people %q, want the signatory alone, not %s", names, other)
	}
}

// TestPossessiveAffiliation checks that "X, the Vietnamese hospital's
// director" speaks for the one Vietnamese party, and that "the
// hospital's" with two hospitals as parties says for which of them it is
// not.
func TestPossessiveAffiliation(t *testing.T) {
	text := "Hue hospital signs with Lyon\n\n" +
		"Hue Central Hospital signed an agreement with Hospices Civils de Lyon on Monday. " +
		"Dao Thi Hanh, the Vietnamese hospital's director, thanked the French team. " +
		"\"We are ready,\" said Hoang Van Lam, the hospital's deputy director."
	ev := oneEvent(t, text, time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC))
	got := affiliations(ev)
	want := map[string]string{"Dao Thi Hanh": "vn-hue-central", "Hoang Van Lam": ""}
	if !maps.Equal(got, want) {
		t.Errorf("people and affiliations %v, want %v", got, want)
	}
}

// TestNotFounders checks that a founding verb does not reach a person
// who leads ("founded in 2015 and led by Prof X"), and that the noun
// right before "'s" says which party a role is at ("the university
// hospital's director" is at the hospital, not the university).
func TestNotFounders(t *testing.T) {
	text := "Hue University and Kyoto hospital launch a programme\n\n" +
		"Hue University of Medicine and Pharmacy and Kyoto University Hospital signed an agreement on Monday on stroke care. " +
		"The stroke unit, founded in 2015 and led by Prof. Kenji Morita, will train Hue doctors. " +
		"\"We are ready,\" said Kenji Sato, the university hospital's director."
	ev := oneEvent(t, text, time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC))
	got := affiliations(ev)
	if _, ok := got["Kenji Morita"]; !ok {
		t.Errorf("people %v lack the unit's leader", got)
	}
	var hospital string
	for _, p := range ev.Parties {
		if p.Kind == medcoop.Hospital {
			hospital = p.ID
		}
	}
	if a := got["Kenji Sato"]; a == "" || a != hospital {
		t.Errorf("people %v: the director's affiliation %q, want the hospital %q", got, a, hospital)
	}
}

// TestOnlyLocating checks what may stand between a found name and the
// city that says where it is: an acronym, punctuation and locating words,
// not a conjunction or a verb ("X and Tokyo Medical University").
func TestOnlyLocating(t *testing.T) {
	tests := []struct {
		lang, between string
		want          bool
	}{
		{"en", " (CMUH) in ", true},
		{"vi", " (CMUH, thành phố ", true},
		{"fr", " (IPC), à ", true},
		{"en", " and ", false},
		{"en", " signed with ", false},
		{"fr", " et l'hôpital de ", false},
	}
	for _, tt := range tests {
		m := &mentions{lang: tt.lang}
		if got := m.onlyLocating(tt.between); got != tt.want {
			t.Errorf("%s onlyLocating(%q) = %v, want %v", tt.lang, tt.between, got, tt.want)
		}
	}
}

// affiliations maps each of the event's people to the party they speak for.
func affiliations(ev medcoop.Event) map[string]string {
	out := map[string]string{}
	for _, p := range ev.People {
		out[p.Name] = p.Affiliation
	}
	return out
}

// TestDomainsLeftOut checks that Explain says, for each field a page
// names, why the event leaves it out, or "" when it counts, and that a
// background clause counts against a field only from afar.
func TestDomainsLeftOut(t *testing.T) {
	text := "Le CHU d'Angers signe avec l'hôpital Bach Mai\n\n" +
		"Le CHU d'Angers et l'hôpital Bach Mai ont signé mardi une convention sur la néphrologie, dont Bach Mai est le centre de référence. " +
		"« C'est une étape », a déclaré le Pr Paul Girard, chef du service de pédiatrie du CHU d'Angers.\n\n" +
		"Elle couvre aussi l'échographie au lit du malade dans les services du nord du pays, dont l'hôpital est le centre de référence.\n\n" +
		"En 2012, une première convention portait sur l'anesthésie."
	_, m, err := Explain(Input{Body: []byte(text), IsText: true, Published: time.Date(2025, 6, 20, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.DomainsLeftOut) != len(m.Domains) {
		t.Fatalf("%d reasons for %d fields", len(m.DomainsLeftOut), len(m.Domains))
	}
	got := map[string]string{}
	for i, d := range m.Domains {
		got[d.Code] = m.DomainsLeftOut[i]
	}
	// a background clause right after a field leaves it counted; one
	// further on does not
	want := map[string]string{"nephrology": "", "pediatrics": "role", "diagnostic-imaging": "background", "anesthesia": "past"}
	if !maps.Equal(got, want) {
		t.Errorf("left out %v, want %v", got, want)
	}
}

// TestDescribedBy checks which words around a country describe an
// institution, and that a verb between them describes none.
func TestDescribedBy(t *testing.T) {
	fr, en := assemblyWords("fr"), assemblyWords("en")
	tests := []struct {
		lex           assemblyLexicon
		before, after string // folded clause around the country
		possessive    bool
		want          bool
	}{
		{fr, "equipe un hopital", "", false, true},
		{fr, "le premier hopital pediatrique du", "", false, true},
		{fr, "l hopital part au", "", false, false},
		{en, "", "top cancer hospital", true, true},
		{en, "a", "university", false, true},
		{en, "the hospital has partnered with", "since", false, false},
	}
	for _, tt := range tests {
		_, got := describedBy(strings.Fields(tt.before), strings.Fields(tt.after), tt.possessive, &tt.lex)
		if got != tt.want {
			t.Errorf("describedBy(%q, %q) = %v, want %v", tt.before, tt.after, got, tt.want)
		}
	}
}

// TestSharedName checks that a name two countries' hospitals share ("hôpital
// national de pédiatrie") is the one whose country the page names, or the
// one the page also names unambiguously, and the name's holder otherwise.
func TestSharedName(t *testing.T) {
	checkParties(t, []partyCase{
		{"the page names Cambodia", "Le CHU de Brest forme des infirmières au Cambodge\n\n" +
			"Le CHU de Brest et l'hôpital national de pédiatrie ont signé mardi à Phnom Penh une convention sur la réanimation néonatale.",
			[]string{"fr-chu-brest", "kh-national-pediatric"}},
		{"the page names Viet Nam", "Le CHU de Brest forme des infirmières au Vietnam\n\n" +
			"Le CHU de Brest et l'hôpital national de pédiatrie ont signé mardi à Hanoï une convention sur la réanimation néonatale.",
			[]string{"fr-chu-brest", "vn-nhi-trung-uong"}},
		{"named unambiguously too", "Brest signs with the National Pediatric Hospital\n\n" +
			"CHU Brest and the National Pediatric Hospital signed an agreement on neonatal intensive care on Tuesday. " +
			"Vietnam National Children's Hospital will host the first course in Hanoi and Paris.",
			[]string{"fr-chu-brest", "vn-nhi-trung-uong"}},
		{"each located beside it", "Hanoi doctors train nurses in Phnom Penh\n\n" +
			"Doctors from the National Children's Hospital in Hanoi signed an agreement on Tuesday to train nurses at the National Pediatric Hospital in Phnom Penh, Vietnam's neighbour.",
			[]string{"kh-national-pediatric", "vn-nhi-trung-uong"}},
		{"no place: the holder", "Le CHU de Brest et l'hôpital national de pédiatrie ont signé mardi une convention sur la réanimation néonatale.",
			[]string{"fr-chu-brest", "vn-nhi-trung-uong"}},
	})
}

// TestFieldInAnApposition checks that a field named in the apposition
// right after a person's name (their own specialty) is left out, and one
// named after that apposition's comma is not.
func TestFieldInAnApposition(t *testing.T) {
	text := "Bệnh viện Bạch Mai ký kết hợp tác với Bệnh viện Đại học Gunma (Nhật Bản)\n\n" +
		"Sáng 12/3, Bệnh viện Bạch Mai và Bệnh viện Đại học Gunma đã ký biên bản ghi nhớ hợp tác về hồi sức tích cực.\n\n" +
		"TS. Takeshi Moriyama, bác sĩ gây mê hồi sức, trưởng nhóm chuyên gia, cho biết nhóm sẽ hướng dẫn thông khí nhân tạo."
	_, m, err := Explain(Input{Body: []byte(text), IsText: true, Published: time.Date(2025, 3, 13, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for i, d := range m.Domains {
		got[d.Code+" "+d.Surface] = m.DomainsLeftOut[i]
	}
	want := map[string]string{"intensive-care hồi sức tích cực": "", "anesthesia bác sĩ gây mê hồi sức": "role", "intensive-care thông khí nhân tạo": ""}
	if !maps.Equal(got, want) {
		t.Errorf("left out %v, want %v", got, want)
	}
}

// TestFieldAfterAQuotedName checks that a field after "Selon le Pr X," —
// no apposition closes — counts.
func TestFieldAfterAQuotedName(t *testing.T) {
	text := "Le CHU d'Angers signe avec l'hôpital Bach Mai\n\n" +
		"Le CHU d'Angers et l'hôpital Bach Mai ont signé mardi une convention de coopération.\n\n" +
		"Selon le Pr Jean Dupont, la convention porte sur la cardiologie."
	_, m, err := Explain(Input{Body: []byte(text), IsText: true, Published: time.Date(2025, 6, 20, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range m.Domains {
		if d.Code == "cardiology" && i < len(m.DomainsLeftOut) && m.DomainsLeftOut[i] != "" {
			t.Errorf("%q left out as %q", d.Surface, m.DomainsLeftOut[i])
		}
	}
	if len(m.Domains) == 0 {
		t.Error("no field found")
	}
}

// TestShortFormOfANameOnThePage checks that a name the page has given in
// full and then shortens ("the First Affiliated Hospital") is that
// institution, and its vice president speaks for it.
func TestShortFormOfANameOnThePage(t *testing.T) {
	ev := oneEvent(t, "Cao Bang and Nanning hospitals sign stroke pact\n\n"+
		"Cao Bang General Hospital and the First Affiliated Hospital of Guangxi Medical University signed an agreement on stroke care in Nanning on Tuesday. "+
		"Liang Weijun, vice president of the First Affiliated Hospital, said the two hospitals would share a stroke hotline.",
		time.Date(2025, 11, 20, 0, 0, 0, 0, time.UTC))
	if got := partyIDs(ev); !slices.Equal(got, []string{"cn-gxmu-first-hospital", "vn-bvdk-cao-bang"}) {
		t.Errorf("parties %v", got)
	}
	if len(ev.People) != 1 || ev.People[0].Affiliation != "cn-gxmu-first-hospital" {
		t.Errorf("people %+v, want Liang Weijun of cn-gxmu-first-hospital", ev.People)
	}
}

// TestHeadlineShortensItsSubject checks that a name found in the
// headline only, with a place in it ("Mekong Delta hospital"), is the
// one hospital of that place's country the text names, and stays itself
// when the text names two.
func TestHeadlineShortensItsSubject(t *testing.T) {
	checkParties(t, []partyCase{
		{"one hospital of that country", "Singapore team to help Mekong Delta hospital care for older patients\n\n" +
			"Changi General Hospital signed a memorandum of understanding on Tuesday with Tien Giang General Hospital on the care of elderly patients.",
			[]string{"sg-cgh", "vn-bvdk-tien-giang"}},
		{"two of that country", "Singapore team to help Mekong Delta hospital care for older patients\n\n" +
			"Changi General Hospital signed a memorandum of understanding on Tuesday with Tien Giang General Hospital and Cho Ray Hospital on the care of elderly patients.",
			[]string{"sg-cgh", "vn-bvdk-tien-giang", "vn-cho-ray", lexicon.DiscoveredID("Mekong Delta hospital")}},
		{"a name of no kind whose words the text's name holds", "Thalassémie : Rouen signe avec l'institut d'hématologie de Hanoï\n\n" +
			"Le CHU de Rouen et l'Institut national d'hématologie et de transfusion sanguine ont signé lundi une convention.",
			[]string{"fr-chu-rouen", "vn-nihbt"}},
		{"a city of that country, not the hospital's", "Singapore team to help Hanoi Cancer Hospital care for older patients\n\n" +
			"Changi General Hospital signed a memorandum of understanding on Tuesday with Hue Central Hospital on the care of elderly patients.",
			[]string{"sg-cgh", "vn-hue-central", lexicon.DiscoveredID("Hanoi Cancer Hospital")}},
	})
}

// TestRecordSinceAYear checks that a sentence opening on a span of years
// up to now tells a party's record, past, even with a word of cooperation.
func TestRecordSinceAYear(t *testing.T) {
	tests := []struct{ name, text string }{
		{"vi", "Bệnh viện Trung ương Huế trao tặng máy thở cho Bệnh viện tỉnh Salavan (Lào)\n\n" +
			"Sáng 12/3, Bệnh viện Trung ương Huế đã trao tặng Bệnh viện tỉnh Salavan (Lào) hai máy thở cho khoa hồi sức tích cực.\n\n" +
			"Từ năm 2019 đến nay, Bệnh viện Trung ương Huế đã đào tạo hơn 30 bác sĩ Lào về chấn thương chỉnh hình."},
		{"en", "Hue hospital donates ventilators to Salavan\n\n" +
			"Hue Central Hospital on Tuesday donated two ventilators to the intensive care unit of Salavan Provincial Hospital in Laos.\n\n" +
			"Since 2019, Hue Central Hospital has trained more than 30 Lao doctors in orthopaedics."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := leftOutByCode(t, tt.text, time.Date(2025, 3, 13, 0, 0, 0, 0, time.UTC))
			if got["orthopedics"] != "past" || got["intensive-care"] != "" {
				t.Errorf("left out %v, want orthopedics past and intensive care counted", got)
			}
		})
	}
}

// TestPresentationParagraph checks that a paragraph past the lede that
// opens on one party and has no word of cooperation or of the future
// presents that party, and that one with such a word does not.
func TestPresentationParagraph(t *testing.T) {
	head := "Le CHU de Caen signe avec l'hôpital Cho Ray\n\n" +
		"Le CHU de Caen et l'hôpital Cho Ray ont signé lundi une convention de coopération en néphrologie.\n\n"
	tests := []struct{ name, text, want string }{
		{"a presentation", head + "Fondé en 1900, l'hôpital Cho Ray compte 2 400 lits. Il est réputé en chirurgie cardiaque.", "presentation"},
		{"a word of cooperation", head + "L'hôpital Cho Ray accueillera aussi un stage en chirurgie cardiaque.", ""},
		{"two parties", head + "L'hôpital Cho Ray et le CHU de Caen ont tous deux un service de chirurgie cardiaque.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := leftOutByCode(t, tt.text, time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC))
			if got["cardiovascular-surgery"] != tt.want || got["nephrology"] != "" {
				t.Errorf("left out %v, want cardiac surgery %q and nephrology counted", got, tt.want)
			}
		})
	}
}

// leftOutByCode explains a text and returns why the event leaves out each
// field code it found ("" when it counts).
func leftOutByCode(t *testing.T, text string, published time.Time) map[string]string {
	t.Helper()
	_, m, err := Explain(Input{Body: []byte(text), IsText: true, Published: published})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for i, d := range m.Domains {
		if i < len(m.DomainsLeftOut) {
			got[d.Code] = m.DomainsLeftOut[i]
		}
	}
	return got
}

// TestTodayAfterAPastDate checks that "today" set against an earlier date
// tells where past work led, and that alone it is as recent as any date.
func TestTodayAfterAPastDate(t *testing.T) {
	head := "Le CHU de Rennes signe avec l'hôpital Saint-Paul de Hanoï\n\n" +
		"Le CHU de Rennes et l'hôpital Saint-Paul de Hanoï ont signé mardi une convention de coopération en chirurgie orthopédique. "
	tests := []struct{ name, text, want string }{
		{"after a past date", head + "Formés à Rennes en 2015, trois médecins de l'hôpital Saint-Paul dirigent aujourd'hui le service de néonatologie.", "past"},
		{"alone", head + "Trois médecins de l'hôpital Saint-Paul rejoignent aujourd'hui le service de néonatologie de Rennes.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := leftOutByCode(t, tt.text, time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC))
			if got["neonatology"] != tt.want || got["orthopedics"] != "" {
				t.Errorf("left out %v, want neonatology %q and orthopedics counted", got, tt.want)
			}
		})
	}
}

// TestListItemIsNoRoutine checks that an item of a bulleted list a
// sentence introduces says what was agreed, though it counts something
// yearly, and the same words in a plain sentence are a routine.
func TestListItemIsNoRoutine(t *testing.T) {
	head := "Le CHU d'Angers renouvelle sa convention avec l'hôpital Bach Mai\n\n" +
		"Le CHU d'Angers et l'hôpital Bach Mai ont renouvelé mardi leur convention de coopération.\n\n"
	tests := []struct {
		name, text, want string
	}{
		{"an item", head + "La nouvelle convention retient deux axes :\n- la néphrologie ;\n- l'accueil chaque année à Angers de deux internes vietnamiens pour un semestre.", ""},
		{"a plain sentence", head + "Elle porte sur la néphrologie.\n\nLe CHU d'Angers accueille chaque année des internes venus du monde entier.", "background"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, m, err := Explain(Input{Body: []byte(tt.text), IsText: true, Published: time.Date(2025, 6, 20, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for i, d := range m.Domains {
				if d.Code == "medical-education" && i < len(m.DomainsLeftOut) {
					found = true
					if m.DomainsLeftOut[i] != tt.want {
						t.Errorf("%q left out as %q, want %q", d.Surface, m.DomainsLeftOut[i], tt.want)
					}
				}
			}
			if !found {
				t.Errorf("no medical education mention in %+v", m.Domains)
			}
		})
	}
}

// TestBothPartiesNamedAgain checks that a cue sentence naming the pair
// again ("between the two hospitals", "hai bệnh viện") is the act of the
// two institutions named before it, and that a page naming three before
// it leaves the pair unknown.
func TestBothPartiesNamedAgain(t *testing.T) {
	checkParties(t, []partyCase{
		{"en", "Nurses from Perth head to Vietnam\n\n" +
			"Four nurses from the Fiona Stanley Hospital in Perth arrived at Thanh Hoa General Hospital on Monday for a month of ward teaching.\n\n" +
			"The visit is the first of a three-year partnership between the two hospitals.",
			[]string{"vn-bvdk-thanh-hoa", lexicon.DiscoveredID("Fiona Stanley Hospital")}},
		{"a partner named twice before", "Nurses from Perth head to Vietnam\n\n" +
			"Four nurses from the Fiona Stanley Hospital in Perth arrived at Thanh Hoa General Hospital on Monday for a month of ward teaching. " +
			"The Fiona Stanley Hospital opened in 2014.\n\n" +
			"The visit is the first of a three-year partnership between the two hospitals.",
			[]string{"vn-bvdk-thanh-hoa", lexicon.DiscoveredID("Fiona Stanley Hospital")}},
		{"fr", "Des infirmières de Perth au Vietnam\n\n" +
			"Quatre infirmières du Fiona Stanley Hospital de Perth sont arrivées lundi à l'hôpital général de Thanh Hoa pour un mois d'enseignement au lit du malade.\n\n" +
			"Cette visite est la première d'un partenariat de trois ans entre les deux établissements.",
			[]string{"vn-bvdk-thanh-hoa", lexicon.DiscoveredID("Fiona Stanley Hospital")}},
	})
	evs := eventsOf(t, "Nurses from Perth head to Vietnam\n\n"+
		"Four nurses from the Fiona Stanley Hospital in Perth and the Royal Perth Hospital arrived at Thanh Hoa General Hospital on Monday for a month of ward teaching.\n\n"+
		"The visit is the first of a three-year partnership between the two hospitals.", time.Date(2025, 6, 20, 0, 0, 0, 0, time.UTC))
	if len(evs) != 0 {
		t.Errorf("three institutions before \"the two hospitals\": parties %v, want no event", partyIDs(evs[0]))
	}
}

// TestInitialismOfAName checks that a name opening on an acronym ("FS
// Hospital") is the one the page names in full with those initials.
func TestInitialismOfAName(t *testing.T) {
	checkParties(t, []partyCase{
		{"headline initials", "FS Hospital nurses teach in Vietnam\n\n" +
			"Nurses from the Fiona Stanley Hospital in Perth began a teaching visit to Thanh Hoa General Hospital on Monday.",
			[]string{"vn-bvdk-thanh-hoa", lexicon.DiscoveredID("Fiona Stanley Hospital")}},
		{"the full name twice", "FS Hospital nurses teach in Vietnam\n\n" +
			"Nurses from the Fiona Stanley Hospital in Perth began a teaching visit to Thanh Hoa General Hospital on Monday. " +
			"The Fiona Stanley Hospital opened in 2014.",
			[]string{"vn-bvdk-thanh-hoa", lexicon.DiscoveredID("Fiona Stanley Hospital")}},
	})
	for _, tt := range []struct {
		short, full string
		want        bool
	}{
		{"PA Hospital", "Princess Alexandra Hospital", true},
		{"PA Hospital", "Princess Alexandra Children's Hospital", false}, // other closing words
		{"PAH Hospital", "Princess Alexandra Hospital", false},           // a letter too many
		{"PB Hospital", "Princess Alexandra Hospital", false},            // other initials
	} {
		if got := initialism(strings.Fields(tt.short), strings.Fields(tt.full)); got != tt.want {
			t.Errorf("initialism(%q, %q) = %v, want %v", tt.short, tt.full, got, tt.want)
		}
	}
}

// TestPatientIsNoActor checks that a person whose age follows their name
// ("Mme X, 58 ans,", "bà X, 54 tuổi", "X, 61,") is a patient, not one who
// speaks for a party.
func TestPatientIsNoActor(t *testing.T) {
	tests := []struct{ name, text, patient string }{
		{"fr", "Le CHU de Tours et l'hôpital Calmette signent une convention\n\n" +
			"Le CHU de Tours et l'hôpital Calmette ont signé lundi une convention sur la néonatologie, a déclaré le Pr Jean Martel, directeur du CHU de Tours. " +
			"Présente à la cérémonie, Mme Sok Dara, 41 ans, mère de jumeaux nés prématurés, a témoigné.",
			"Sok Dara"},
		{"vi", "Bệnh viện Bạch Mai ký kết với Bệnh viện Đại học Kyoto\n\n" +
			"Sáng 12/3, Bệnh viện Bạch Mai và Bệnh viện Đại học Kyoto đã ký kết thỏa thuận hợp tác về hồi sức, PGS.TS. Lê Văn Thành, Giám đốc Bệnh viện Bạch Mai, cho biết. " +
			"Bà Nguyễn Thị Hằng, 67 tuổi, cho biết đã được điều trị tại khoa Hồi sức.",
			"Nguyễn Thị Hằng"},
		{"en", "Bach Mai Hospital signs with Kyoto University Hospital\n\n" +
			"Bach Mai Hospital and Kyoto University Hospital signed an agreement on intensive care on Monday, said Dr Le Van Thanh, director of Bach Mai Hospital. " +
			"Mr Tran Van Binh, 72, who was treated in the unit last year, said the care had saved his life.",
			"Tran Van Binh"},
		{"en, hyphenated", "Bach Mai Hospital signs with Kyoto University Hospital\n\n" +
			"Bach Mai Hospital and Kyoto University Hospital signed an agreement on intensive care on Monday, said Dr Le Van Thanh, director of Bach Mai Hospital. " +
			"Ms Hoang Thi Mai, 58-year-old mother of a former patient, said the unit had saved her son.",
			"Hoang Thi Mai"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkSignatoryAlone(t, tt.text, tt.patient) })
	}
	// A professional's age says nothing against them.
	ev := oneEvent(t, "Bach Mai Hospital signs with Kyoto University Hospital\n\n"+
		"Bach Mai Hospital and Kyoto University Hospital signed an agreement on intensive care on Monday, said Dr Le Van Thanh, 61, director of Bach Mai Hospital.",
		time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC))
	if len(ev.People) != 1 {
		t.Errorf("people %+v, want Dr Le Van Thanh", ev.People)
	}
}

// TestSinceAYearIsHistory checks that a sentence holding "since 2019"
// tells a record, not the event: the funder it names with a cue ("has
// funded") is no party.
func TestSinceAYearIsHistory(t *testing.T) {
	checkParties(t, []partyCase{
		{"en", "Thai team trains Ca Mau nurses\n\n" +
			"Nurses of Chiang Mai University Hospital began a two-week course at Ca Mau General Hospital on Monday, with funding from the Japan International Cooperation Agency (JICA).\n\n" +
			"The course covers neonatal resuscitation.\n\n" +
			"JICA has funded maternal health projects in Ca Mau since 2019.",
			[]string{"th-chiang-mai-university", "vn-bvdk-ca-mau"}},
		// A span of years is no "since": the signing it dates is the event.
		{"a span", "Ký kết hợp tác đào tạo\n\n" +
			"Bệnh viện Đa khoa tỉnh Cà Mau và Bệnh viện Đại học Chiang Mai đã ký biên bản hợp tác giai đoạn 2020–2030.",
			[]string{"th-chiang-mai-university", "vn-bvdk-ca-mau"}},
	})
}

// TestPledged checks which quotes pledge what the speaker's side will do.
func TestPledged(t *testing.T) {
	tests := []struct {
		lang, quote string
		want        bool
	}{
		{"fr", "« Nous testerons aussi une campagne d'éducation sanitaire »", true},
		{"fr", "« Nous allons suivre 3 000 habitants »", true},
		{"fr", "« Nous enverrons deux chirurgiens »", true},
		{"fr", "« Nous espérons que les cancers du sein reculent »", false},
		{"fr", "« Nous considérons la douleur comme une priorité »", false},
		{"en", "“We will send two surgeons”", true},
		{"en", "“We believe cancer will become a chronic disease”", false},
		{"vi", "“Chúng tôi sẽ cử chuyên gia châm cứu sang”", true},
		{"vi", "“Người bệnh ung thư ở đây rất đông”", false},
	}
	for _, tt := range tests {
		if got := pledged(tt.quote, assemblyWords(tt.lang).Pledges); got != tt.want {
			t.Errorf("pledged(%q) = %v, want %v", tt.quote, got, tt.want)
		}
	}
}

// TestEquipmentReceived checks a gift told from the receiving side in
// French: the partners by their French names, the gift by "reçoit des
// équipements", the users trained by a specialist named by their job
// (no field of the training), and a teaching mission announced besides
// (another event's field).
func TestEquipmentReceived(t *testing.T) {
	text := "Hanoï : l'Hôpital central d'ophtalmologie reçoit des équipements de la Fondation Rothschild\n\n" +
		"L'Hôpital central d'ophtalmologie, à Hanoï, a reçu mardi un lot d'équipements de la Fondation Rothschild pour son unité de glaucome. " +
		"Le Dr Paul Morel, ophtalmologiste pédiatrique à la Fondation Rothschild, a installé les appareils et formé les utilisateurs pendant deux jours.\n\n" +
		"Une mission d'enseignement est par ailleurs annoncée à Hanoï pour l'hiver."
	ev := oneEvent(t, text, time.Date(2025, 6, 20, 0, 0, 0, 0, time.UTC))
	if got, want := partyIDs(ev), []string{"fr-fondation-rothschild", "vn-mat-trung-uong"}; !slices.Equal(got, want) {
		t.Errorf("parties %v, want %v", got, want)
	}
	if ev.Type != medcoop.DonationOrEquipment {
		t.Errorf("type %s, want %s", ev.Type, medcoop.DonationOrEquipment)
	}
	got := domainCodes(ev)
	if want := []string{"ophthalmology"}; !slices.Equal(got, want) {
		t.Errorf("domains %v, want %v", got, want)
	}
}

// TestTeamMakeUp checks that trades counted in the list of who a team is
// made of say who travels, not what is covered, and that the same trades
// are the field when the team comes to train them.
func TestTeamMakeUp(t *testing.T) {
	tests := []struct{ name, text, code, want string }{
		{"fr apposition",
			"Le CHU de Brest accueille l'hôpital Calmette\n\nLe CHU de Brest et l'hôpital Calmette ont signé lundi une convention de coopération sur la prise en charge des grands brûlés. " +
				"Les cinq visiteurs, deux chirurgiens, un anesthésiste et deux infirmières, ont passé la semaine à Brest.", "nursing", "make-up"},
		{"fr to train them",
			"Le CHU de Brest accueille l'hôpital Calmette\n\nLe CHU de Brest et l'hôpital Calmette ont signé lundi une convention de coopération sur la prise en charge des grands brûlés. " +
				"Une équipe brestoise se rendra à Phnom Penh pour former deux anesthésistes et trois infirmières.", "nursing", ""},
		{"en included",
			"Tokyo hospital team visits Hue\n\nA delegation from St. Luke's International Hospital visited Hue Central Hospital on Monday and signed a memorandum on trauma care. " +
				"The delegation, led by its deputy director, included an anaesthetist, two emergency nurses and an administrator.", "nursing", "make-up"},
		{"vi gồm",
			"Bệnh viện Trung ương Huế đón đoàn Nhật Bản\n\nSáng 12/3, Bệnh viện Trung ương Huế và Bệnh viện Quốc tế St. Luke đã ký biên bản ghi nhớ hợp tác về chấn thương. " +
				"Đoàn của Bệnh viện Quốc tế St. Luke gồm 3 bác sĩ phẫu thuật và 2 điều dưỡng.", "nursing", "make-up"},
		{"en including with no team",
			"Tokyo hospital team visits Hue\n\nSt. Luke's International Hospital and Hue Central Hospital signed a memorandum on Monday on trauma care. " +
				"St. Luke's International Hospital will train 40 staff of Hue Central Hospital, including 30 nurses and 10 midwives.", "nursing", ""},
		{"fr a delegation that signs for the trades",
			"Le CHU de Brest accueille l'hôpital Calmette\n\nLe CHU de Brest et l'hôpital Calmette ont signé lundi une convention de coopération sur la prise en charge des grands brûlés. " +
				"La délégation a signé un accord permettant à deux infirmières et un anesthésiste de venir à Brest.", "nursing", ""},
		{"vi a team that will support them",
			"Bệnh viện Trung ương Huế đón đoàn Nhật Bản\n\nSáng 12/3, Bệnh viện Trung ương Huế và Bệnh viện Quốc tế St. Luke đã ký biên bản ghi nhớ hợp tác về chấn thương. " +
				"Đoàn sẽ hỗ trợ 3 bác sĩ và 2 điều dưỡng sang Nhật Bản.", "nursing", ""},
		{"vi trained",
			"Bệnh viện Trung ương Huế đón đoàn Nhật Bản\n\nSáng 12/3, Bệnh viện Trung ương Huế và Bệnh viện Quốc tế St. Luke đã ký biên bản ghi nhớ hợp tác về chấn thương. " +
				"Theo thỏa thuận, phía Nhật Bản sẽ đào tạo 3 bác sĩ phẫu thuật và 2 điều dưỡng.", "nursing", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := leftOutByCode(t, tt.text, time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC))
			why, ok := got[tt.code]
			if !ok || why != tt.want {
				t.Errorf("left out %v, want %s %q", got, tt.code, tt.want)
			}
		})
	}
}

// TestStudySigned checks that a plain signing whose first cue sentence
// names a study is joint research, and that research listed among the
// fields of a framework agreement leaves it a signing.
func TestStudySigned(t *testing.T) {
	tests := []typeCase{
		{"en signed to carry out a study", "Hue and Lille against liver cancer\n\n" +
			"Hue Central Hospital signed an agreement on Tuesday with CHU Lille to carry out a joint study of liver cancer in young adults.",
			medcoop.JointResearch},
		{"en research among fields", "Hue and Lille sign\n\n" +
			"Hue Central Hospital and CHU Lille signed an agreement on Tuesday on training, joint research and staff exchanges.",
			medcoop.AgreementSigned},
		{"en research after a joiner two words back", "Hue and Lille sign\n\n" +
			"Hue Central Hospital and CHU Lille signed an agreement on Tuesday on training and on joint research.",
			medcoop.AgreementSigned},
		{"en research as well as", "Hue and Lille sign\n\n" +
			"Hue Central Hospital and CHU Lille signed an agreement on Tuesday on training as well as joint research.",
			medcoop.AgreementSigned},
		{"en research that may follow", "Hue and Lille sign\n\n" +
			"Hue Central Hospital and CHU Lille signed an agreement on Tuesday on training; research projects may follow.",
			medcoop.AgreementSigned},
		{"en a memorandum naming a study stays a memorandum", "Hue and Lille sign\n\n" +
			"Hue Central Hospital and CHU Lille signed a memorandum of understanding on Tuesday that includes a joint study of liver cancer.",
			medcoop.MOUSigned},
	}
	checkTypes(t, tests)
}

// typeCase is a text and the type of the one event it tells.
type typeCase struct {
	name, text string
	want       medcoop.EventType
}

// checkTypes checks that each text tells one event of its type.
func checkTypes(t *testing.T, tests []typeCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := oneEvent(t, tt.text, time.Date(2025, 6, 20, 0, 0, 0, 0, time.UTC))
			if ev.Type != tt.want {
				t.Errorf("type %s, want %s", ev.Type, tt.want)
			}
		})
	}
}

// TestSourcedFuture checks that a sentence sourced "according to" someone
// is background when it tells the present and the programme when it tells
// the future.
func TestSourcedFuture(t *testing.T) {
	head := "Lao nurses train in Thanh Hoa\n\nThanh Hoa Provincial General Hospital began a six-month training course on Monday for nurses of Houaphan Provincial Hospital. "
	tests := []struct{ name, text, want string }{
		{"present", head + "Chronic kidney disease is rising in Laos, according to the Ministry of Health.", "background"},
		{"future", head + "The trainees will work in the haemodialysis unit, according to the provincial health office.", ""},
		{"a forecast", head + "Cases of chronic kidney disease will double in Laos by 2030, according to the Ministry of Health.", "background"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := leftOutByCode(t, tt.text, time.Date(2025, 8, 21, 0, 0, 0, 0, time.UTC))
			if why, ok := got["nephrology"]; !ok || why != tt.want {
				t.Errorf("left out %v, want nephrology %q", got, tt.want)
			}
		})
	}
}
