package evaluate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSecondDomains(t *testing.T) {
	codes := []string{"nursing", "neonatology", "research", "oncology"}
	gold := []GoldDoc{
		{File: "a", Gold: GoldAnswer{IsCooperation: true, Domains: []string{"nursing", "neonatology"}}},
		{File: "b", Gold: GoldAnswer{IsCooperation: true, Domains: []string{"research"}}},
		{File: "c"}, // no event: no domains to annotate
	}
	tests := []struct {
		name, file string
		wantErr    string // "" for none
		agree      PRF
	}{
		{"agreeing in part", `[{"file":"a","domains":["nursing","oncology"],"why":{"nursing":"nurses trained"}},{"file":"b","domains":["research"]}]`,
			"", PRF{TP: 2, FP: 1, FN: 1}},
		{"an event left out", `[{"file":"a","domains":["nursing"]}]`, "b is missing", PRF{}},
		{"a non-event annotated", `[{"file":"a","domains":[]},{"file":"b","domains":[]},{"file":"c","domains":["nursing"]}]`, "c is not a cooperation event", PRF{}},
		{"a document of another set", `[{"file":"a","domains":[]},{"file":"b","domains":[]},{"file":"z","domains":[]}]`, "1 of its 3 documents", PRF{}},
		{"given twice", `[{"file":"a","domains":[]},{"file":"a","domains":[]}]`, "given twice", PRF{}},
		{"not a code", `[{"file":"a","domains":["cardiology"]}]`, `"cardiology" is no domain code`, PRF{}},
		{"not JSON", `[{"file":`, "load second annotation", PRF{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "second.json")
			if err := os.WriteFile(path, []byte(tt.file), 0o644); err != nil {
				t.Fatal(err)
			}
			second, err := LoadSecondDomains(path, codes)
			var got []GoldDoc
			var agree PRF
			if err == nil {
				got, agree, err = WithSecondDomains(gold, second)
			}
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if agree != tt.agree {
				t.Errorf("agreement %+v, want %+v", agree, tt.agree)
			}
			if strings.Join(got[0].Gold.Domains, ",") != "nursing,oncology" || strings.Join(gold[0].Gold.Domains, ",") != "nursing,neonatology" {
				t.Errorf("domains %v (first annotation now %v): want the second's, the first's untouched", got[0].Gold.Domains, gold[0].Gold.Domains)
			}
		})
	}
}
