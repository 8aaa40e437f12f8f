package extract

import (
	"slices"
	"testing"
	"time"
)

// TestDomainsInPassing checks that fields named only in an institution's
// name, a speaker's role or a background sentence are not the event's.
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Document(Input{Body: []byte(tt.text), IsText: true, Published: time.Date(2025, 10, 8, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Events) != 1 {
				t.Fatalf("events = %d, want 1", len(doc.Events))
			}
			var codes []string
			for _, d := range doc.Events[0].Domains {
				codes = append(codes, d.Code)
			}
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
