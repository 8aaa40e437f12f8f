package extract

import (
	"sync"
	"testing"
)

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Le centre hospitalier universitaire a signé une convention de coopération avec un hôpital de Hanoï pour former des infirmières.", "fr"},
		{"Trường Đại học Y Dược đã ký kết thỏa thuận hợp tác với bệnh viện đại học của Pháp về đào tạo bác sĩ nội trú.", "vi"},
		{"The university hospital signed a cooperation agreement with a hospital in Hanoi to train nurses in intensive care.", "en"},
		{"El hospital universitario firmó un acuerdo de cooperación con un hospital de Hanói para formar enfermeras.", "es"},
		{"大学医院与河内的一家医院签署了合作协议，培训重症监护护士。", "zh"},
		{"មន្ទីរពេទ្យបានចុះហត្ថលេខាលើកិច្ចព្រមព្រៀងសហប្រតិបត្តិការ", "km"},
		{"", "und"},
	}
	for _, tt := range tests {
		if got, _ := DetectLanguage(tt.text); got != tt.want {
			t.Errorf("DetectLanguage(%.40q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

// TestDetectLanguageConcurrently is run with -race: the crawler extracts
// pages of several hosts at once.
func TestDetectLanguageConcurrently(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got, _ := DetectLanguage("Le CHU a signé une convention de coopération hospitalière internationale avec un hôpital de la province du Shanxi."); got != "fr" {
				t.Errorf("got %s, want fr", got)
			}
		}()
	}
	wg.Wait()
}
